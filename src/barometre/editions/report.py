"""What the check of a new edition finds (``Revision``, ``Change``, ``EditionReport``: errors,
warnings, revisions, changes) and its terminal text (see barometre.editions)."""

from __future__ import annotations

from dataclasses import dataclass, field

from barometre import formatting
from barometre.data import Figure
from barometre.editions.common import CONFIRMED, PERCENT_UNITS, EditionError, Issue

# --------------------------------------------------------------------------- 3. comparison


@dataclass(frozen=True)
class Revision:
    """A figure (same indicator, scope, period) that the new edition publishes with another value."""

    old: Figure
    new: Figure

    @property
    def old_text(self) -> str:
        return formatting.figure_text(self.old)

    @property
    def new_text(self) -> str:
        return formatting.figure_text(self.new)

    @property
    def sources(self) -> str:
        return _sources(self.old, self.new)


@dataclass(frozen=True)
class Change(Revision):
    """A figure that moved between the previous edition and the new one (old and new texts and
    sources as for a revision)."""

    jump: str = ""  # why the change is beyond the plausible bound ('' when it is not)

    @property
    def confirmed(self) -> bool:
        return bool(CONFIRMED.search(self.new.note))

    @property
    def delta(self) -> float:
        return self.new.central - self.old.central

    @property
    def relative(self) -> float | None:
        return None if self.old.central == 0 else self.delta / abs(self.old.central)

    @property
    def change_text(self) -> str:
        """'-9 points' for units in percent, '+2,7 %' for the others (relative change)."""
        unit = self.new.unit
        if unit in PERCENT_UNITS:
            return formatting.points(self.delta)
        if unit == "year":
            return formatting.value(self.delta, "years", signed=True, with_noun=True)
        if self.relative is None:
            return formatting.value(self.delta, unit, signed=True)
        return formatting.percent(self.relative * 100, signed=True)


def _sources(old: Figure, new: Figure) -> str:
    if old.source == new.source:
        return new.source_name
    return f"{old.source_name} ({old.edition}) ; {new.source_name} ({new.edition})"


def _where(fig: Figure) -> str:
    return f"{fig.file}, row {fig.row}"


def _labelled(fig: Figure) -> str:
    """« Croissance du chiffre d'affaires (France) », « …, nearshore (Europe) »: no parenthesis in another."""
    from barometre.labels import with_scope

    return with_scope(fig.label, fig.scope) if fig.scope != "market" else f"{fig.label} ({_scope_label(fig.scope)})"


def _scope_label(scope: str) -> str:
    from barometre.labels import scope_label

    return scope_label(scope)


@dataclass
class EditionReport:
    """What changed between two editions, and whether the new one may be built."""

    previous: int | None
    current: int
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    new: list[Figure] = field(default_factory=list)  # figures without counterpart in the previous edition
    not_published: list[tuple[Figure, Figure | None]] = field(default_factory=list)  # (current row, last figure)
    not_republished: list[Figure] = field(default_factory=list)  # previous figures with no row in the new edition
    unchanged: int = 0
    # filled by ``changes_markdown`` from the Dataset: the breaks between a change's two figures (its index
    # in ``changes``) and the two editions' studies when they differ (the page computes no variation then)
    breaks: dict = field(default_factory=dict)
    studies: tuple | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_for_errors(self) -> None:
        if self.errors:
            raise EditionError(
                self.errors,
                title=f"Edition {self.current} does not pass the check against edition {self.previous}",
                footer="Nothing was built or published. Fix the data and run the command again.",
            )

    def summary(self) -> str:
        if self.previous is None:
            return f"Edition {self.current} is the first edition in the data: nothing to compare."
        return (
            f"Edition {self.current} against edition {self.previous}: {len(self.errors)} error(s), "
            f"{len(self.warnings)} warning(s), {len(self.changes)} change(s), {len(self.revisions)} revision(s), "
            f"{len(self.new)} new, {len(self.not_published)} not published, "
            f"{len(self.not_republished)} not republished, {self.unchanged} unchanged."
        )

    # -- plain text (terminal) -----------------------------------------------------------

    def to_text(self, *, brief: bool = False) -> str:
        """The report for the terminal; ``brief`` keeps errors, warnings and revisions only."""
        lines = [self.summary()]
        if self.previous is None:
            return "\n".join(lines)

        def section(title: str, items: list[str]) -> None:
            if items:
                lines.append("")
                lines.append(f"{title} ({len(items)}):")
                lines.extend(f"  - {i}" for i in items)

        section("ERRORS, the edition cannot be built", [str(e) for e in self.errors])
        section("WARNINGS, please check and confirm", [str(w) for w in self.warnings])
        section(
            "Revisions of figures already published",
            [
                f"{r.new.indicator} ({r.new.scope}, {r.new.period}): {r.old_text} in {r.old.edition} "
                f"-> {r.new_text} in {r.new.edition} [{r.sources}; {_where(r.new)}]"
                for r in self.revisions
            ],
        )
        if brief:
            return "\n".join(lines)
        section(
            "Changes",
            [
                f"{c.new.indicator} ({c.new.scope}): {c.old_text} ({c.old.period}) -> {c.new_text} "
                f"({c.new.period}), {c.change_text}{' [jump confirmed]' if c.jump and c.confirmed else ''} "
                f"[{c.sources}]"
                for c in self.changes
            ],
        )
        section("New figures", [f"{f.indicator} ({f.scope}, {f.period}): {formatting.figure_text(f)}" for f in self.new])
        section(
            "Not published",
            [
                f"{cur.indicator} ({cur.scope}, {cur.period})"
                + (f", last published: {formatting.figure_text(last)} in {last.edition}" if last else "")
                for cur, last in self.not_published
            ],
        )
        section(
            "Not republished (the book shows the last published value)",
            [f"{f.indicator} ({f.scope}, {f.period}): {formatting.figure_text(f)} in {f.edition}"
             for f in self.not_republished],
        )
        return "\n".join(lines)

    # -- MyST Markdown (the book page « Ce qui a changé ») -------------------------------

    def to_markdown(self, *, print_variant: bool = False) -> str:
        """The page's MyST (``templates/book/changes/report.md.j2``); ``print_variant``: with the PDF's wording where
        it differs (the book's chapter). The cells are rendered here, the figures cited with their links."""
        from barometre.narrative import cite, md_escape, named_source, of
        from barometre.narrative.templating import render
        from barometre.prose import only_in

        prev, cur = self.previous, self.current
        if prev is None:
            return render("book/changes/report.md.j2", r={"prev": None, "cur": cur}, print_variant=print_variant,
                          only_in=only_in)

        def listed(fig: Figure) -> str:
            # « label : value » lists a change with its sign (« Évolution du salaire moyen : +1 % »); a forecast of
            # direction in words (« un recul », not « moins de +0 % »)
            from barometre.narrative import direction_forecast

            words = direction_forecast(fig)
            if words:
                return cite(fig, words)
            return cite(fig, signed=fig.unit in ("percent_change", "percentage_points"))

        def shown(fig: Figure, *, listing: bool = False) -> str:
            text = listed(fig) if listing else cite(fig)
            if fig.period != str(fig.edition):
                text += f" ({md_escape(formatting.period_text(fig.period))})"
            return text

        def counted(n: int, singular: str, plural: str, *, feminine: bool = False) -> str:
            if n == 0:
                return ("aucune " if feminine else "aucun ") + singular
            return formatting.count_words(n, singular, plural, feminine=feminine)

        tally = [
            counted(len(self.changes), "chiffre modifié", "chiffres modifiés"),
            counted(len(self.revisions), "révision", "révisions", feminine=True),
            counted(len(self.new), "nouveau chiffre", "nouveaux chiffres"),
            counted(len(self.not_published) + len(self.not_republished), "chiffre non republié",
                    "chiffres non republiés"),
            counted(self.unchanged, "chiffre inchangé", "chiffres inchangés"),
        ]
        studies = None
        if self.studies is not None:
            before, after = self.studies
            studies = {"before": of(md_escape(before.firm)), "before_for": md_escape(before.commissioner),
                       "after": of(md_escape(after.firm)), "after_for": md_escape(after.commissioner)}
        by_source: dict[str, list[Figure]] = {}
        for f in self.new:  # the list holds new years of old indicators too: « chiffres »
            by_source.setdefault(f.source_name, []).append(f)
        # each figure not republished with its scope and period: an indicator the edition publishes for another year
        # or scope is not « absent » (« effectifs du secteur (France, 2010) », while 2011 has the sector's)
        where: dict[str, list[str]] = {}
        for f in self.not_republished:
            where.setdefault(f.label, []).append(f"{_scope_label(f.scope)}, {formatting.period_text(f.period)}")
        rows = {
            "prev": prev, "cur": cur, "tally": tally, "studies": studies, "breaks": bool(self.breaks),
            "changes": [{"label": md_escape(_labelled(c.new)), "old": shown(c.old), "new": shown(c.new),
                         "broken": i in self.breaks, "variation": md_escape(c.change_text)}
                        for i, c in enumerate(self.changes)],
            "revisions": [{"label": f"{md_escape(r.new.label)} ({md_escape(_scope_label(r.new.scope))}, "
                                    f"{md_escape(formatting.period_text(r.new.period))})",
                           "old": cite(r.old), "new": cite(r.new)} for r in self.revisions],
            # a study with its article (« D'après le baromètre EY/SP2C … »), a person's name as it is (editors 40, 42)
            "new": [(named_source(figs[0]),
                     [{"label": md_escape(f.label),
                       "where": f"{md_escape(_scope_label(f.scope))}, {md_escape(formatting.period_text(f.period))}",
                       "value": listed(f)} for f in figs]) for figs in by_source.values()],
            "not_republished": [f"{md_escape(formatting.in_sentence(label))} ({md_escape(' ; '.join(sorted(set(w))))})"
                                for label, w in sorted(where.items(), key=lambda kv: kv[0].lower())],
            "not_republished_count": len(self.not_republished),
            "absent": [{"label": md_escape(_labelled(now)), "last": shown(last, listing=True) if last else "",
                        "last_edition": last.edition if last else None} for now, last in self.not_published],
        }
        return render("book/changes/report.md.j2", r=rows, print_variant=print_variant, only_in=only_in)
