"""Step 2: the check of a new edition against the previous one, and its two renderings (the
terminal report and the « Ce qui a changé » page) (see barometre.editions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from barometre import formatting
from barometre.data import Dataset, Figure, figure_from_row, period_key
from barometre.editions.common import (
    CONFIRMED,
    DEFAULT_POINTS,
    DEFAULT_THRESHOLD,
    PERCENT_UNITS,
    TO_FILL,
    EditionError,
    Issue,
    _dictionary,
    edition_years,
    shift_period,
)
from barometre.paths import relative
from barometre.provenance import read_sidecar
from barometre.validation import (
    EditionRow,
    Problem,
    SourceRow,
    read_table,
    sidecar_path,
)

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

    def to_markdown(self) -> str:
        from barometre.narrative import cite, md_escape, of

        prev, cur = self.previous, self.current
        if prev is None:
            return (
                f"L'édition {cur} est la première édition du baromètre dans les données : "
                "il n'y a pas d'édition antérieure à laquelle la comparer."
            )

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
        parts = [
            f"Cette page compare l'édition {cur} du baromètre à l'édition {prev} : "
            + ", ".join(tally[:-1]) + f" et {tally[-1]}."
        ]
        if self.studies is not None:
            before, after = self.studies
            parts.append(
                f"Les deux éditions ne viennent pas de la même étude : l'édition {prev} est celle "
                f"{of(md_escape(before.firm))} pour le {md_escape(before.commissioner)}, l'édition {cur} celle "
                f"{of(md_escape(after.firm))} pour le {md_escape(after.commissioner)}. Leurs panels et leurs périmètres "
                "diffèrent : les chiffres sont mis côte à côte, sans variation calculée (voir « Méthodes et "
                "ruptures de série » en annexe).")
        elif self.breaks:
            parts.append(
                "Une variation n'est pas calculée quand une rupture de série sépare les deux chiffres : les "
                "périmètres diffèrent (« périmètres différents » dans le tableau).")
        if self.changes:
            rows = [
                f"| Indicateur (périmètre) | {prev} | {cur} | Variation |",
                "| --- | --- | --- | --- |",
            ]
            for i, c in enumerate(self.changes):  # four columns fit a phone and a printed page
                variation = "périmètres différents" if i in self.breaks else md_escape(c.change_text)
                rows.append(
                    f"| {md_escape(_labelled(c.new))} | {shown(c.old)} | "
                    f"{shown(c.new)} | {variation} |"
                )
            parts.append("\n".join(rows))
        else:
            parts.append(f"Aucun chiffre n'a changé entre l'édition {prev} et l'édition {cur}.")

        parts.append("## Révisions")
        if self.revisions:
            rows = [
                f"L'édition {cur} publie à nouveau des chiffres de l'édition {prev}, avec une autre valeur.",
                "",
                f"| Indicateur (périmètre, période) | Édition {prev} | Édition {cur} |",
                "| --- | --- | --- |",
            ]
            for r in self.revisions:
                rows.append(
                    f"| {md_escape(r.new.label)} ({md_escape(_scope_label(r.new.scope))}, "
                    f"{md_escape(formatting.period_text(r.new.period))}) | {cite(r.old)} | {cite(r.new)} |"
                )
            parts.append("\n".join(rows))
        else:
            parts.append(f"L'édition {cur} ne révise aucun chiffre de l'édition {prev}.")

        # « chiffres »: the list holds new years of old indicators too; the source said once per source, not
        # after each of 26 lines (editor37)
        parts.append("## Nouveaux chiffres")
        if self.new:
            by_source: dict[str, list[Figure]] = {}
            for f in self.new:
                by_source.setdefault(f.source_name, []).append(f)
            for source, figs in by_source.items():
                parts.append(f"D'après {md_escape(source)} :")
                parts.append("\n".join(
                    f"- **{md_escape(f.label)}** ({md_escape(_scope_label(f.scope))}, "
                    f"{md_escape(formatting.period_text(f.period))}) : {listed(f)}" for f in figs))
        else:
            parts.append(f"L'édition {cur} n'ajoute aucun chiffre.")

        parts.append("## Indicateurs absents de cette édition")
        if self.not_republished:
            # each figure with its scope and period: an indicator the edition publishes for another year or
            # scope is not « absent » (« effectifs du secteur (France, 2010) », while 2011 has the sector's)
            where: dict[str, list[str]] = {}
            for f in self.not_republished:
                where.setdefault(f.label, []).append(
                    f"{_scope_label(f.scope)}, {formatting.period_text(f.period)}")
            listed_figures = ", ".join(
                f"{md_escape(formatting.in_sentence(label))} ({md_escape(' ; '.join(sorted(set(w))))})"
                for label, w in sorted(where.items(), key=lambda kv: kv[0].lower()))
            count = len(self.not_republished)
            parts.append(
                f"L'édition {cur} ne republie pas {formatting.count_words(count, 'chiffre')} de l'édition {prev} ; "
                "le livre en montre la dernière valeur publiée, en nommant son édition : " + listed_figures + "."
            )
        if self.not_published:
            items = []
            for now, last in self.not_published:
                text = (
                    f"- **{md_escape(_labelled(now))}** : "
                    f"absent de l'édition {cur}"
                )
                if last is not None:
                    text += f" ; {shown(last, listing=True)} dans l'édition {last.edition}"
                items.append(text + ".")
            parts.append("\n".join(items))
        elif not self.not_republished:
            parts.append(f"L'édition {cur} publie tous les indicateurs de l'édition {prev}.")
        return "\n\n".join(parts)


class _Folder:
    """A data folder read leniently (rows that do not validate are skipped; validation reports
    them): the comparison can then run on files the analyst is still fixing."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir).resolve()
        self.indicators, _ = _dictionary(self.data_dir)
        ignored: list[Problem] = []
        self.sources = (
            {r.source: r for r in read_table(self.data_dir / "sources.csv", SourceRow, ignored).rows}
            if (self.data_dir / "sources.csv").is_file()
            else {}
        )

    @property
    def editions(self) -> list[int]:
        return edition_years(self.data_dir)

    def previous(self, edition: int) -> int | None:
        earlier = [e for e in self.editions if e < edition]
        return earlier[-1] if earlier else None

    def figures(self, edition: int) -> list[Figure]:
        ignored: list[Problem] = []
        table = read_table(self.data_dir / "editions" / f"{edition}.csv", EditionRow, ignored)
        return [
            figure_from_row(row, table.name, line, self.indicators, self.sources)
            for row, line in zip(table.rows, table.lines, strict=True)
        ]


def _values(fig: Figure) -> tuple:
    return (fig.value, fig.low, fig.high)


def _jump(old: Figure, new: Figure, threshold: float, points: float) -> str:
    """Why the move from ``old`` to ``new`` is beyond the plausible bound ('' when it is not)."""
    delta = new.central - old.central
    if new.unit in PERCENT_UNITS:
        if abs(delta) > points:
            return f"{formatting.points(delta)}, beyond the bound of {points:g} points"
        if old.central > 0 and new.central < old.central / 2:
            return f"a fall of {(1 - new.central / old.central) * 100:.0f} % of its value, more than half"
        return ""
    if old.central == 0:
        return "a change from zero" if delta else ""
    rel = delta / abs(old.central)
    if abs(rel) > threshold:
        return f"{rel * 100:+.0f} %, beyond the bound of {threshold * 100:g} %"
    return ""


def _unfilled(figs: Sequence[Figure], data_dir: Path, edition: int) -> list[Issue]:
    """Every TO FILL left in the edition's rows and in its files' sidecars."""
    out = []
    for f in figs:
        for col in ("quote", "note", "source", "scope"):
            if TO_FILL in str(getattr(f, col)):
                out.append(Issue(f"{_where(f)}, column '{col}'", f"still reads {TO_FILL!r}; fill it in"))
    for path in (data_dir / "editions" / f"{edition}.csv", data_dir / "events" / f"{edition}.csv"):
        if not path.is_file():
            continue
        meta = read_sidecar(path)
        for key in sorted(meta):
            if TO_FILL in str(meta[key]):
                out.append(Issue(f"{relative(sidecar_path(path))}, field '{key}'",
                                 f"still reads {str(meta[key])!r}; fill it in"))
    return out


def compare_editions(
    dataset: Dataset | Path | str,
    previous: int | None = None,
    current: int | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    points: float = DEFAULT_POINTS,
) -> EditionReport:
    """Check edition ``current`` (default: the latest) against ``previous`` (default: the
    edition before it). ``dataset`` is a loaded (validated) Dataset, or a data folder that
    is then read leniently. See the module docstring for the rules."""
    source: Any = dataset if isinstance(dataset, Dataset) else _Folder(Path(dataset))
    editions = source.editions
    if current is None or current == 0:
        if not editions:
            raise EditionError([Issue(relative(source.data_dir / "editions"), "no edition to compare")])
        current = editions[-1]
    current = int(current)
    if previous is None:
        previous = source.previous(current)
    missing = [e for e in (previous, current) if e is not None and e not in editions]
    if missing:
        raise EditionError(
            [Issue(relative(source.data_dir / "editions"), f"no edition {e} (available: "
                   f"{', '.join(map(str, editions))})") for e in missing],
            title="Cannot compare editions",
        )
    report = EditionReport(previous, current)
    now = source.figures(current)
    report.errors.extend(_unfilled(now, source.data_dir, current))
    if previous is None:
        return report
    before = source.figures(previous)
    shift = current - previous

    # -- indicators not republished (editions are sparse vintages: listed, not an error); units --
    now_keys = {(f.indicator, f.scope) for f in now}
    reported: set[tuple[str, str]] = set()
    for f in before:
        if (f.indicator, f.scope) in now_keys or (f.indicator, f.scope) in reported or not f.published:
            continue
        reported.add((f.indicator, f.scope))
        report.not_republished.append(f)
    units_before: dict[str, set[str]] = {}
    for f in before:
        units_before.setdefault(f.indicator, set()).add(f.unit)
    for f in now:
        old_units = units_before.get(f.indicator)
        if old_units and f.unit not in old_units:
            report.errors.append(
                Issue(
                    f"{_where(f)}, column 'unit'",
                    f"got {f.unit!r}; expected {', '.join(sorted(old_units))}, the unit of '{f.indicator}' in "
                    f"edition {previous}: an indicator keeps its unit across editions (for a new unit, "
                    "add a new indicator and mark this one not_published)",
                )
            )

    # -- pairing: revisions (same key) and changes (the same figure one edition later) --
    before_by_key: dict[tuple, Figure] = {}  # the first row of a key is its primary source (data.py)
    for f in before:
        before_by_key.setdefault((f.indicator, f.scope, f.period), f)
    now_by_key: dict[tuple, Figure] = {}
    for f in now:
        now_by_key.setdefault((f.indicator, f.scope, f.period), f)
    pairs: dict[tuple, Figure] = {}  # current key -> previous figure
    used: set[tuple] = set()

    def newest(keys) -> dict[tuple, str]:
        out: dict[tuple, str] = {}
        for ind, scope, period in keys:
            if (ind, scope) not in out or period_key(period) > period_key(out[(ind, scope)]):
                out[(ind, scope)] = period
        return out

    # a change pairs each series' newest year in the two editions: the 2011 edition's 2009 offshore share (an
    # older year it adds) set against the 2010 edition's 2008 one read as a change of two different years
    newest_now, newest_before = newest(now_by_key), newest(before_by_key)
    for key, f in now_by_key.items():
        if key in before_by_key:
            continue
        candidate = (f.indicator, f.scope, shift_period(f.period, -shift))
        if newest_now.get(key[:2]) != f.period or newest_before.get(key[:2]) != candidate[2]:
            continue
        if candidate in before_by_key and candidate not in used:
            pairs[key] = before_by_key[candidate]
            used.add(candidate)
    unmatched_now: dict[tuple, list[tuple]] = {}
    for key in now_by_key:
        if key not in before_by_key and key not in pairs:
            unmatched_now.setdefault(key[:2], []).append(key)
    unmatched_before: dict[tuple, list[tuple]] = {}
    for key in before_by_key:
        if key not in now_by_key and key not in used:
            unmatched_before.setdefault(key[:2], []).append(key)
    for group, keys in unmatched_now.items():
        olds = unmatched_before.get(group, [])
        if len(keys) == 1 and len(olds) == 1 and newest_now.get(group) == keys[0][2]:
            pairs[keys[0]] = before_by_key[olds[0]]

    for key, f in sorted(now_by_key.items(), key=lambda kv: kv[1].row):
        if key in before_by_key:
            old = before_by_key[key]
            if f.published and old.published and _values(f) != _values(old):
                report.revisions.append(Revision(old, f))
            elif not f.published and old.published:
                report.not_published.append((f, old))
            elif f.published and not old.published:
                report.new.append(f)
            elif f.published:
                report.unchanged += 1
            else:
                report.not_published.append((f, None))
            continue
        old = pairs.get(key)
        if not f.published:
            last = old if old is not None and old.published else None
            report.not_published.append((f, last))
        elif old is None or not old.published:
            report.new.append(f)
        elif _values(f) == _values(old):
            report.unchanged += 1
        else:
            change = Change(old, f, _jump(old, f, threshold, points))
            report.changes.append(change)
            if change.jump and not change.confirmed:
                report.warnings.append(
                    Issue(
                        _where(f),
                        f"{f.indicator} ({f.scope}) moves from {change.old_text} ({old.period}, edition "
                        f"{previous}) to {change.new_text} ({f.period}), {change.jump}. Check the figure "
                        "against its source; if it is right, confirm it by adding the word 'confirmed' "
                        "and the reason to the row's note (e.g. \"Jump confirmed: checked against the "
                        "barometer, p. 4.\"), then record the checksum: python -m barometre sidecar "
                        f"{f.file}",
                    )
                )
    return report


def changes_markdown(dataset: Dataset, edition: int | None = None) -> str:
    """The body (MyST Markdown, French, no title) of the book page « Ce qui a changé »:
    the edition against the one before it, or a sentence when it is the first."""
    edition = dataset.resolve(edition)
    previous = dataset.previous(edition)
    if previous is None:  # nothing to compare: read no figure (the page then depends on no data row)
        return EditionReport(None, edition).to_markdown()
    report = compare_editions(dataset, previous, edition)
    # no silent variation across a break: a change whose two figures a break separates shows none
    report.breaks = {i: brk for i, c in enumerate(report.changes)
                     if (brk := dataset.break_between(c.old, c.new)) is not None}
    before, after = dataset.study_of(previous), dataset.study_of(edition)
    if before is not None and after is not None and before.study != after.study:
        report.studies = (before, after)
    parts = [report.to_markdown()]
    parts.append(forecasts_markdown(dataset, edition))
    parts.append(disagreements_markdown(dataset, edition))
    return "\n\n".join(p for p in parts if p)


def forecasts_markdown(dataset: Dataset, edition: int) -> str:
    """« Prévisions et réalisations »: every forecast published up to ``edition``, set against the
    actual figure once an edition publishes it."""
    from barometre.narrative import forecast_outcomes

    pairs = dataset.forecasts(edition)
    if not pairs:
        return ""
    lines = ["## Prévisions et réalisations", ""]
    lines += forecast_outcomes(pairs, dataset=dataset, edition=edition)
    return "\n".join(lines)


def disagreements_markdown(dataset: Dataset, edition: int) -> str:
    """« Sources en désaccord »: one figure given differently by sources of the same edition, one line per
    figure (« 73 % selon Relation Client Magazine ; 77 % selon Contact Distance et La Tribune »); an
    outlet named twice in a line is told apart by the title of its article.

    Only values that cannot be the same figure are said to disagree: two values whose rounding
    intervals or bounds meet (« 3 560 M€ » and « plus de 3 500 M€ », « 808 M€ » and « 808,4 M€ ») give
    one figure at two precisions and are listed apart, under « Même chiffre, précision différente »
    (editor37: a reader was told that sources contradict each other when they did not)."""
    from barometre.precision import interval, overlap

    # a forecast said differently by several outlets is several forecasts, told with their outcome under
    # « Prévisions et réalisations » (editor38: three 2009 forecasts filed as « Même chiffre »)
    pairs = [(a, b) for a, b in dataset.disagreements(edition) if not dataset.indicators[a.indicator].forecast_of]
    if not pairs:
        return ""
    others: dict[str, list[Figure]] = {}
    primary: dict[str, Figure] = {}
    for a, b in pairs:
        primary.setdefault(a.anchor, a)
        others.setdefault(a.anchor, []).append(b)
    conflicting, compatible = [], []
    for anchor, a in primary.items():
        figs = [a, *others[anchor]]
        agree = all(overlap(interval(x), interval(y)) for i, x in enumerate(figs) for y in figs[i + 1:])
        (compatible if agree else conflicting).append(_disagreement_line(a, others[anchor]))
    parts = []
    if conflicting:
        parts.append("\n".join(["## Sources en désaccord", "",
                                "Pour ces chiffres, les sources d'une même édition ne donnent pas la même valeur ; "
                                "le livre retient la première et signale les autres.", "", *conflicting]))
    if compatible:
        parts.append("\n".join(["## Même chiffre, précision différente", "",
                                "Ces sources donnent le même chiffre, arrondi ou borné différemment ; le livre "
                                "retient la première.", "", *compatible]))
    return "\n\n".join(parts)


def _disagreement_line(a: Figure, others: list[Figure]) -> str:
    """« - Label (scope, period) : 73 % selon X ; 77 % selon Y et Z. »"""
    from barometre.narrative import cite, md_escape
    from barometre.typography import title_typography

    values: dict[str, list[Figure]] = {formatting.figure_text(a): [a]}
    for b in others:
        values.setdefault(formatting.figure_text(b), []).append(b)
    outlets = [f.publication_outlet or f.source_name for figs in values.values() for f in figs]

    def name(f: Figure) -> str:
        outlet = f.publication_outlet or f.source_name
        title = f" (« {md_escape(title_typography(f.publication_title))} »)" if (
            outlets.count(outlet) > 1 and f.publication_title) else ""
        return md_escape(outlet) + title

    said = " ; ".join(f"{cite(figs[0])} selon {formatting.enumeration([name(f) for f in figs])}"
                      for figs in values.values())
    return (f"- {md_escape(a.label)} ({md_escape(_scope_label(a.scope))}, "
            f"{md_escape(formatting.period_text(a.period))}) : {said}.")


def write_report(report: EditionReport, folder: Path | str) -> list[Path]:
    """Save the report as ``<folder>/<edition>-changes.txt`` (terminal text) and ``.md``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for suffix, text in (("txt", report.to_text()), ("md", report.to_markdown())):
        path = folder / f"{report.current}-changes.{suffix}"
        path.write_text(text + "\n", encoding="utf-8")
        out.append(path)
    return out

