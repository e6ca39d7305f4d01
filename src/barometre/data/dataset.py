"""The ``Dataset``: editions as vintages of one series (``known``, ``series``, ``revisions``,
forecasts and their outcomes), the declared inputs a chapter may read, and its cache key (``inputs_key``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from barometre import periods, validation, vintage
from barometre.data.figures import (
    RELATED_OUTCOMES,
    Figure,
    FigureNotFound,
    SeriesBreak,
    Study,
    UndeclaredInput,
    _book_path,
    figure_from_row,
    pd,
    period_key,
    same_value,
)
from barometre.data.references import ReferenceReads
from barometre.paths import relative
from barometre.validation import ValidatedData


class Dataset(ReferenceReads):
    """The validated data folder."""

    def __init__(self, validated: ValidatedData):
        self._v = validated
        self.data_dir = validated.data_dir
        self.indicators = {r.indicator: r for r in validated.indicators.rows}
        self.sources = {r.source: r for r in validated.sources.rows}
        self._declared = None  # barometre.book.Inputs while the build runs a chapter
        self._chapter = ""
        self._allowed: frozenset[str] | None = None
        # an edition's figures, built once (a chapter asks for them thousands of times: issue 26, the
        # résilience chapter spent a quarter of its run rebuilding them); shared with restricted views
        self._figures: dict[tuple[int, str | None], tuple[Figure, ...]] = {}
        self._book_paths: dict[Path, str] = {}
        self._later_sources: dict[int, frozenset[str]] = {}

    def restricted(self, inputs, chapter: str) -> Dataset:
        """The same data, readable only as ``inputs`` declares (``barometre.book.Inputs``)."""
        import copy

        unknown = [name for name in inputs.references if name not in validation.REFERENCE_NAMES]
        if unknown:
            raise ValueError(f"chapter {chapter} declares the reference data {', '.join(map(repr, unknown))}, which "
                             f"no series is (src/barometre/validation/references.py, REFERENCE_SERIES: {', '.join(validation.REFERENCE_NAMES)})")
        view = copy.copy(self)
        view._declared, view._chapter = inputs, chapter
        view._allowed = inputs.indicator_names(self.indicators)
        return view

    def _refuse(self, what: str, fix: str) -> None:
        raise UndeclaredInput(
            f"chapter {self._chapter} read {what}, which its declared inputs do not include "
            f"(src/barometre/book.py): {fix}"
        )

    def _check_indicator(self, indicator: str) -> None:
        if self._declared is None or self._allowed is None or indicator in self._allowed:
            return
        families = ", ".join(self.indicators[indicator].chapters) if indicator in self.indicators else "?"
        self._refuse(f"indicator {indicator!r} (family {families})",
                     "add its family to `families` or the indicator to `indicators`")

    def _check_every_indicator(self, what: str) -> None:
        if self._declared is not None and self._allowed is not None:
            self._refuse(what, "declare `every_indicator=True`")

    # -- studies and breaks in series -------------------------------------------------------

    def studies(self) -> list[Study]:
        """The studies behind the editions (``data/studies.csv``), oldest first; empty when the data
        folder has no such file."""
        self._check_reference("studies")
        return self._studies()

    def _studies(self) -> list[Study]:
        table = self._v.studies
        if table is None:
            return []
        path = self.book_path(table.path)
        return sorted((Study(**r.model_dump(), file=path, row=line) for r, line in zip(table.rows, table.lines,
                                                                                        strict=True)),
                      key=lambda s: s.first_edition)

    def study_of(self, edition: int) -> Study | None:
        """The study edition ``edition`` belongs to (None when the data folder declares no study)."""
        self._check_reference("studies")
        return next((s for s in self._studies() if s.covers(edition)), None)

    def _explicit_breaks(self) -> list:
        table = self._v.breaks
        return [] if table is None else list(table.rows)

    def break_between(self, a: Figure, b: Figure) -> SeriesBreak | None:
        """The break that lies between two figures of one series (one indicator and scope, or two
        scopes compared), or None when they can be compared: their editions belong to different studies,
        or ``data/breaks.csv`` declares a break of the indicator (or ``*``) and scope (or ``*``) at an
        edition after the older figure's edition and no later than the newer one's."""
        self._check_reference("studies")
        if periods.key(b.period) < periods.key(a.period):
            a, b = b, a
        studies = self._studies()
        sa = next((s for s in studies if s.covers(a.edition)), None)
        sb = next((s for s in studies if s.covers(b.edition)), None)
        # a declared break starts at an edition: it separates what editions before it publish from what
        # that edition and later ones publish (a period an edition restates is on that edition's basis)
        first, last = sorted((a.edition, b.edition))
        for row in self._explicit_breaks():
            if row.indicator not in ("*", a.indicator) and row.indicator not in ("*", b.indicator):
                continue
            if row.scope not in ("*", a.scope, b.scope):
                continue
            if first < row.edition <= last:
                # the studies on either side of the break itself, not of the two figures: a 2006 and a 2016
                # figure straddle the 2007 break (KPMG → BearingPoint), which the 2024 book told as « KPMG → EY »
                # and then told again for another series as a « nouvelle rupture »
                prior = [e for e in self.editions if e < row.edition]
                at_before = next((s for s in studies if prior and s.covers(prior[-1])), sa)
                at_after = next((s for s in studies if s.covers(row.edition)), sb)
                return SeriesBreak(b.indicator, b.scope, a.period, b.period, at_before, at_after, row.reason,
                                   row.source, row.quote, row.quote_type, row.edition, (row.indicator, row.scope))
        if sa is not None and sb is not None and sa.study != sb.study:
            return SeriesBreak(b.indicator, b.scope, a.period, b.period, sa, sb)
        return None

    def series_breaks(self, figures: Iterable[Figure]) -> list[SeriesBreak]:
        """The breaks of a series given as its figures (any order): one between each two consecutive
        periods that ``break_between`` separates."""
        ordered = sorted(figures, key=lambda f: periods.key(f.period))
        return [brk for a, b in pairwise(ordered) if (brk := self.break_between(a, b)) is not None]

    def _check_reference(self, name: str) -> None:
        if self._declared is not None and name not in self._declared.references:
            self._refuse(f"the reference data {name!r}", f"add {name!r} to `references`")

    # -- editions -----------------------------------------------------------------------

    @property
    def editions(self) -> list[int]:
        return sorted(self._v.editions)

    def resolve(self, edition: int | None) -> int:
        """The edition a chapter renders: ``0`` or ``None`` (the parameters' default) is the latest."""
        if not edition:
            return self.latest
        if int(edition) not in self.editions:
            raise FigureNotFound(
                f"no edition {edition} in {relative(self.data_dir / 'editions')}; "
                f"available: {', '.join(map(str, self.editions))}"
            )
        return int(edition)

    @property
    def latest(self) -> int:
        return self.editions[-1]

    def previous(self, edition: int) -> int | None:
        earlier = [e for e in self.editions if e < edition]
        return earlier[-1] if earlier else None

    def _table(self, edition: int):
        if edition not in self._v.editions:
            raise FigureNotFound(
                f"no edition {edition} in {relative(self.data_dir / 'editions')}; "
                f"available: {', '.join(map(str, self.editions))}"
            )
        return self._v.editions[edition]

    def book_path(self, path: Path) -> str:
        """A data file as the book names it: ``data/`` and its path inside the data folder, wherever
        that folder is (an absolute path would put the analyst's machine in the published pages
        and make two builds of the same data differ)."""
        path = Path(path)
        if path not in self._book_paths:
            self._book_paths[path] = "data/" + _book_path(path, Path(self.data_dir))
        return self._book_paths[path]

    def _figure_from(self, edition: int, index: int) -> Figure:
        table = self._v.editions[edition]
        return figure_from_row(table.rows[index], self.book_path(table.path), table.lines[index], self.indicators,
                               self.sources)

    def _rows(self, edition: int, indicator: str | None) -> list[Figure]:
        table = self._table(edition)
        cached = self._figures.get((edition, indicator))
        if cached is not None:
            return list(cached)
        out, seen = [], set()
        for i, r in enumerate(table.rows):
            if indicator is not None and r.indicator != indicator:
                continue
            fig = self._figure_from(edition, i)
            key = (r.indicator, r.scope, r.period)
            if key in seen:
                fig = replace(fig, secondary=True)
            seen.add(key)
            out.append(fig)
        self._figures[edition, indicator] = tuple(out)
        return out

    def figures(self, edition: int, indicator: str | None = None) -> list[Figure]:
        """Every figure of an edition, or every row of one indicator (all scopes and periods)."""
        if indicator is None:
            self._check_every_indicator(f"every figure of edition {edition}")
        else:
            self._check_indicator(indicator)
        return self._rows(edition, indicator)

    def _vintages(self, indicator: str, upto: int) -> list[Figure]:
        """Every published row of ``indicator`` in the editions up to ``upto``, newest edition first,
        file order within an edition (the first row of a key is its primary source)."""
        out = []
        for ed in reversed(self.editions):
            if ed > upto:
                continue
            out.extend(f for f in self.figures(ed, indicator) if f.published)
        return out

    def _resolved(self, indicator: str, upto: int) -> dict[tuple[str, str], Figure]:
        """(scope, period) -> the figure as known in edition ``upto``: newest edition, primary source."""
        best: dict[tuple[str, str], Figure] = {}
        for f in self._vintages(indicator, upto):
            best.setdefault((f.scope, f.period), f)
        return best

    def known(
        self,
        indicator: str,
        edition: int | None = None,
        *,
        scope: str | None = None,
        period: str | int | None = None,
    ) -> Figure | None:
        """The latest value of ``indicator`` as known in ``edition`` (``None`` if no edition up to it
        publishes one). Without ``period``, the latest period known; without ``scope``, the scope
        ``market`` when there are several (``None`` when the figure is given only for parts of the
        market).
        The figure carries ``as_of=edition``, so the prose can say when it comes from an older edition."""
        edition = self.latest if edition is None else int(edition)
        if indicator not in self.indicators:
            raise FigureNotFound(f"unknown indicator {indicator!r} (see data/indicators.csv)")
        self._table(edition)  # an unknown edition is an error, not a missing figure
        rows = list(self._resolved(indicator, edition).values())
        if scope is not None:
            rows = [f for f in rows if f.scope == scope]
        if period is not None:
            rows = [f for f in rows if f.period == str(period)]
        elif rows:
            latest = max(period_key(f.period) for f in rows)
            rows = [f for f in rows if period_key(f.period) == latest]
        if len(rows) > 1 and scope is None:
            # no scope asked: the whole market; a figure given only for parts of it (Île-de-France,
            # province, offshore) is not a market figure, so the request finds nothing
            rows = [f for f in rows if f.scope == "market"]
        if not rows:
            return None
        if len(rows) > 1:
            options = "; ".join(f"scope={f.scope}, period={f.period}" for f in rows)
            raise FigureNotFound(f"several rows match {indicator} (scope={scope}, period={period}): {options}")
        vintages = self._vintages(indicator, edition)  # read once for both flags
        return replace(rows[0], as_of=edition, one_off=self._one_off(vintages),
                       superseded=self._superseded(rows[0], vintages))

    def one_off(self, indicator: str, edition: int) -> bool:
        """True when the editions up to ``edition`` publish ``indicator`` for a single period (any scope)."""
        return self._one_off(self._vintages(indicator, edition))

    @staticmethod
    def _one_off(vintages: list[Figure]) -> bool:
        return len({f.period for f in vintages}) <= 1

    # a figure given « now » (scope current) is the whole of what it counts: the market's or France's series
    NOW_SCOPES = frozenset({"current", "now"})
    WHOLE_SCOPES = frozenset({"market", "france"})

    def superseded(self, fig: Figure, edition: int) -> bool:
        """True when an edition up to ``edition`` publishes ``fig``'s indicator for a later period, in its scope
        or, for a figure given « now » (``NOW_SCOPES``), for the market or France (250 000 jobs « now » in 2009,
        290 000 in France in 2025). The market and France are two series."""
        return self._superseded(fig, self._vintages(fig.indicator, edition))

    def _superseded(self, fig: Figure, vintages: list[Figure]) -> bool:
        def same_series(other: Figure) -> bool:
            pair = {other.scope, fig.scope}
            return other.scope == fig.scope or (bool(pair & self.NOW_SCOPES)
                                                and pair <= self.NOW_SCOPES | self.WHOLE_SCOPES)
        return any(period_key(f.period) > period_key(fig.period) for f in vintages if same_series(f))

    def latest_by_scope(self, indicator: str, edition: int | None = None) -> list[Figure]:
        """The latest published figure of ``indicator`` for each scope that an edition up to ``edition`` gives
        (``known`` for each scope, in the scopes' order), e.g. each production zone's share of revenue."""
        edition = self.latest if edition is None else int(edition)
        scopes = sorted({f.scope for e in self.editions if e <= edition for f in self.figures(e, indicator)})
        found = (self.known(indicator, edition, scope=s) for s in scopes)
        return [f for f in found if f is not None and f.published and not f.secondary]

    def figure(
        self,
        indicator: str,
        edition: int | None = None,
        *,
        scope: str | None = None,
        period: str | int | None = None,
    ) -> Figure:
        """Like ``known``, but an error when no edition up to ``edition`` publishes the figure."""
        fig = self.known(indicator, edition, scope=scope, period=period)
        if fig is None:
            edition = self.latest if edition is None else int(edition)
            raise FigureNotFound(
                f"{indicator} (scope={scope}, period={period}) is published in no edition up to {edition}"
            )
        return fig

    def find(self, indicator: str, edition: int | None = None, **kwargs) -> Figure | None:
        """The same as ``known`` (kept for readability where a figure is optional)."""
        return self.known(indicator, edition, **kwargs)

    def vintage(self, indicator: str, *, period: str | int, scope: str = "market",
                upto: int | None = None) -> Figure | None:
        """The figure for ``period`` from the latest edition up to ``upto`` that publishes it."""
        return self.known(indicator, upto, scope=scope, period=period)

    def unknown(self, indicators: Iterable[str], edition: int) -> list[str]:
        """The French labels of the indicators that no edition up to ``edition`` publishes."""
        return [self.indicators[i].label_fr for i in indicators
                if i in self.indicators and not self._resolved(i, edition)]

    def revisions(self, edition: int) -> list[tuple[Figure, Figure]]:
        """(earlier, later) pairs: a figure an edition up to ``edition`` republished with another value.
        Only primary rows are compared (a second source of the same edition is a disagreement)."""
        out = []
        for indicator in sorted(self.indicators):
            primary: dict[tuple[str, str], list[Figure]] = {}
            seen: set[tuple[int, str, str]] = set()
            for f in reversed(self._vintages(indicator, edition)):  # oldest edition first
                if (f.edition, f.scope, f.period) in seen:
                    continue
                seen.add((f.edition, f.scope, f.period))
                primary.setdefault((f.scope, f.period), []).append(f)
            for figs in primary.values():
                for a, b in pairwise(figs):
                    if not same_value(a, b):
                        out.append((a, b))
        return out

    def disagreements(self, edition: int) -> list[tuple[Figure, Figure]]:
        """(primary, other) pairs: two sources of the same edition (up to ``edition``) giving one figure
        (indicator, scope, period) with different values."""
        out = []
        for indicator in sorted(self.indicators):
            first: dict[tuple[int, str, str], Figure] = {}
            for f in self._vintages(indicator, edition):
                key = (f.edition, f.scope, f.period)
                if key in first and not same_value(first[key], f):
                    out.append((first[key], f))
                first.setdefault(key, f)
        return out

    def forecasts(self, edition: int) -> list[tuple[Figure, Figure | None]]:
        """(forecast, outcome) pairs: every forecast published up to ``edition`` (an indicator whose
        dictionary entry names ``forecast_of``), with the actual figure for the same period and scope
        as known in ``edition`` (``None`` while no edition publishes it)."""
        out = []
        for indicator, entry in sorted(self.indicators.items()):
            target = getattr(entry, "forecast_of", "") or ""
            if not target:
                continue
            for f in self._vintages(indicator, edition):
                outcome = self.known(target, edition, scope=f.scope, period=f.period)
                out.append((f, outcome))
        return sorted(out, key=lambda p: (period_key(p[0].period), p[0].edition, p[0].row))

    def partial_outcomes(self, forecast: Figure, edition: int) -> list[Figure]:
        """The years of a forecast's span (« 2013-2014 ») whose outcome an edition up to ``edition`` publishes,
        when none gives the span's own total: 4 000 jobs cut in 2013 against 7 000 forecast for 2013-2014.
        Empty for a single year, or for an indicator that forecasts nothing."""
        target = getattr(self.indicators[forecast.indicator], "forecast_of", "") or ""
        start, _, end = str(forecast.period).partition("-")
        if not target or not (start.isdigit() and end.isdigit()):
            return []
        out = []
        for year in range(int(start), int(end) + 1):
            found = self.known(target, edition, scope=forecast.scope, period=str(year))
            if found is not None and found.published:
                out.append(found)
        return out

    def france_outcome(self, forecast: Figure, edition: int) -> Figure | None:
        """The outcome in France of a forecast made for the whole sector (same measure and period), as known in
        ``edition``; None for a forecast of another scope or when no edition publishes it. The 2011 edition's
        fall forecast for 2012 was wrong for the sector (+1 %) and right for France (−2,8 %): editor37."""
        target = getattr(self.indicators[forecast.indicator], "forecast_of", "") or ""
        if forecast.scope != "market" or not target:
            return None
        found = self.known(target, edition, scope="france", period=forecast.period)
        return found if found is not None and found.published else None

    def related_outcomes(self, forecast: Figure, edition: int) -> list[Figure]:
        """For each year of a forecast's period whose outcome no edition up to ``edition`` publishes, the related
        measure (``RELATED_OUTCOMES``) of the same scope and year, when one does; [] otherwise."""
        target = getattr(self.indicators[forecast.indicator], "forecast_of", "") or ""
        related = RELATED_OUTCOMES.get(target)
        start, _, end = str(forecast.period).partition("-")
        end = end or start
        if not related or related not in self.indicators or not (start.isdigit() and end.isdigit()):
            return []
        out = []
        for year in range(int(start), int(end) + 1):
            if self.known(target, edition, scope=forecast.scope, period=str(year)) is not None:
                continue
            found = self.known(related, edition, scope=forecast.scope, period=str(year))
            if found is not None and found.published:
                out.append(found)
        return out

    def frame(self, edition: int | None = None) -> pd.DataFrame:
        """One edition as a DataFrame, one row per figure, with labels and sources."""
        edition = self.latest if edition is None else int(edition)
        figs = self.figures(edition)
        return pd.DataFrame([f.__dict__ for f in figs])

    def series(self, indicator: str, *, scope: str = "market", upto: int | None = None) -> pd.DataFrame:
        """The history of an indicator as known in edition ``upto`` (default: the latest): one row per
        period, from the newest edition that publishes it (so a revised value replaces the earlier one)."""
        upto = self.latest if upto is None else int(upto)
        figs = [f for (s, _), f in self._resolved(indicator, upto).items() if s == scope]
        if not figs:
            return pd.DataFrame(columns=["period", "central", "edition"])
        figs.sort(key=lambda f: period_key(f.period))
        return pd.DataFrame([{**f.__dict__, "central": f.central} for f in figs]).reset_index(drop=True)

    def publications(self, edition: int) -> list[dict]:
        """The publications the figures of ``edition`` come from (outlet, title, author, date, url),
        most cited first: what the book of that edition names as its sources."""
        counts: dict[tuple, int] = {}
        info: dict[tuple, dict] = {}
        for f in self.figures(edition):
            src = self.sources.get(f.source)
            if src is None:
                continue
            outlet = src.publication_outlet or src.organisation or src.name
            key = (outlet, src.publication_title)
            counts[key] = counts.get(key, 0) + 1
            info.setdefault(key, {
                "outlet": outlet, "title": src.publication_title, "author": src.publication_author,
                "year": src.publication_year, "date": getattr(src, "publication_date", "") or "",
                "url": getattr(src, "url", "") or "",
            })
        order = sorted(counts, key=lambda k: (-counts[k], str(info[k]["date"] or info[k]["year"] or ""), k))
        return [{**info[k], "figures": counts[k]} for k in order]

    def cited_sources(self, edition: int) -> dict[str, int]:
        """source -> the newest edition up to ``edition`` whose figures or quotes cite it (a person the data
        up to this edition never cite is not presented)."""
        if self._declared is not None and not self._declared.citations:
            self._refuse("the sources each edition cites", "declare `citations=True`")
        out: dict[str, int] = {}
        for ed in sorted((e for e in self.editions if e <= edition), reverse=True):
            for f in self._rows(ed, None):
                if f.published:
                    out.setdefault(f.source, ed)
            for q in self._quotes(ed):
                out.setdefault(q.source, ed)
        return out

    def indicators_for(self, chapter: str) -> list[str]:
        return [i for i, r in self.indicators.items() if chapter in r.chapters]

    # -- what a chapter's cache key is made of -------------------------------------------

    def inputs_key(self, inputs, edition: int | None = None) -> str:
        """The hash of the data ``inputs`` (``barometre.book.Inputs``) declares: the rows of the declared
        indicators in every edition, the declared quotes, the citations and reference files, and what
        every chapter reads (the list of editions, the indicator dictionary, the sources). With ``edition``,
        as the book of that edition reads them (``barometre.vintage``): the editions, quotes and events up to
        it, and the sources but those only later editions cite.

        Rows are chosen by their indicator or quote id, never by their place in the file. Their order
        counts (the first row of a figure is its primary source; quotes are shown in file order), their
        line numbers only for a page that prints them (``lines``: the annex's « ligne 12 »)."""
        h = hashlib.sha256()

        def row_bytes(row, line: int) -> bytes:
            return json.dumps([line if inputs.lines else 0, row.model_dump()], sort_keys=True, default=str).encode()

        def add(label: str, table) -> None:
            h.update(f"\0{label}\0".encode())
            for row, line in zip(table.rows, table.lines, strict=True):
                h.update(row_bytes(row, line))

        upto = [e for e in self.editions if edition is None or e <= edition]
        h.update(json.dumps(upto).encode())
        add("indicators", self._v.indicators)
        dropped = set() if edition is None else self.later_sources(edition)
        h.update(b"\0sources\0")
        for row, line in zip(self._v.sources.rows, self._v.sources.lines, strict=True):
            if row.source not in dropped:
                h.update(row_bytes(row, line))
        allowed = inputs.indicator_names(self.indicators)
        for ed in upto:
            table = self._v.editions[ed]
            h.update(f"\0edition {ed}\0".encode())
            for row, line in zip(table.rows, table.lines, strict=True):
                if allowed is None or row.indicator in allowed:
                    h.update(row_bytes(row, line))
                elif inputs.citations:  # only who is cited, and whether the figure is published
                    h.update(json.dumps([row.source, row.qualifier == "not_published"]).encode())
        for ed, table in sorted(self._v.quotes.items()):
            if edition is not None and ed > edition:
                continue
            h.update(f"\0quotes {ed}\0".encode())
            for row, line in zip(table.rows, table.lines, strict=True):
                if inputs.quotes is True or row.chapter in inputs.quotes:
                    h.update(row_bytes(row, line))
                elif inputs.citations:
                    h.update(row.source.encode())
        for name in sorted(inputs.references):
            if name == "events":
                for ed, table in sorted(self._v.events.items()):
                    if edition is None or ed <= edition:
                        add(f"events {ed}", table)
                add("cities", self._v.references["cities"])  # the events' places
            elif name == "studies":  # the studies, and the breaks read with them (``break_between``)
                if self._v.studies is not None:
                    add("studies", self._v.studies)
                h.update(b"\0breaks\0")
                if self._v.breaks is not None:
                    add("breaks", self._v.breaks)
            elif validation.REFERENCES[name].row is None:  # a file read whole (the outline)
                path = Path(self.data_dir) / validation.REFERENCES[name].file
                h.update(path.read_bytes() if path.is_file() else b"<missing>")
            elif (table := self._v.references[name]) is not None:
                add(name, table)
        return h.hexdigest()

    def later_sources(self, edition: int) -> set[str]:
        """The sources that only editions after ``edition`` cite: not the book of ``edition``'s sources
        (``vintage.later_sources``, the rule the build's key reads, once per edition)."""
        if edition not in self._later_sources:
            self._later_sources[edition] = frozenset(vintage.later_sources(Path(self.data_dir), edition))
        return set(self._later_sources[edition])
