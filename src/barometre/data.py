"""Loading the data: editions as vintages of one series, figures with their provenance.

``load()`` validates the whole ``data/`` folder (see ``validation``) and returns
a ``Dataset``.

**Editions are vintages.** An observation is indicator × period × scope,
published in an edition (``data/editions/<edition>.csv``), from a source, with a
quote. A book of edition E asks for "the latest value of X for period P as known
in edition E" (``Dataset.known``): the newest edition up to E that publishes it
wins, so a revised value replaces the earlier one, and a figure the edition does
not republish comes from the last edition that did (the Figure then carries
``as_of`` = E and its own ``edition``, and ``narrative.cite`` says so). The whole
history of X is ``Dataset.series``; ``Dataset.revisions`` lists the values a
later edition changed and ``Dataset.disagreements`` the figures two sources of
the same edition give differently (the first row in the file is the primary one).

**Declared inputs.** A chapter declares what it reads in the registry
(``barometre.book``). The build keys its cache on those rows and files
(``Dataset.inputs_key``) and runs the chapter under ``declared(...)``: its
``Dataset`` then refuses any other read with ``UndeclaredInput``. Nothing is
recorded while a chapter runs, so the cache has no side channel to trust.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from pathlib import Path

from barometre import periods
from barometre.paths import DATA_DIR, relative
from barometre.validation import HHI_CLASSES, REFERENCE_NAMES, REFERENCES, ValidatedData, validate


class _Pandas:
    """pandas, imported on first use: a build that finds nothing to do (the no-op) validates the
    data and compares editions without it, and pandas is most of its start-up time."""

    def __getattr__(self, name: str):
        import pandas

        return getattr(pandas, name)


pd = _Pandas()

FRF_PER_EUR = 6.55957  # legal conversion rate, 1 EUR = 6.55957 FRF (Council Regulation 2866/98)


class UndeclaredInput(LookupError):
    """A chapter read data its declaration in ``barometre.book`` does not name."""


class FigureNotFound(LookupError):
    """No row, or more than one, matches the request."""


@dataclass(frozen=True)
class Figure:
    """One figure of one edition, with everything needed to cite it."""

    indicator: str
    edition: int
    period: str
    scope: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    label: str
    source: str
    source_name: str
    source_role: str
    source_type: str
    quote: str
    note: str
    file: str
    row: int
    quote_type: str = "verbatim"
    publication_title: str = ""
    publication_outlet: str = ""
    publication_year: int | None = None
    as_of: int | None = None  # the edition of the book that asked for it, when that differs
    secondary: bool = False  # a second source of a figure the same edition already gives (a disagreement)
    # the indicator has a single period in the editions up to ``as_of``: a one-off statement (Numericable's
    # 600 advisers in 2009), not a series a later edition could bring up to date (``narrative.vintage_note``)
    one_off: bool = False
    # a later period of the same series is known in edition ``as_of`` (250 000 jobs in 2009, 290 000 in 2025): the
    # figure is not the « dernier chiffre publié »
    superseded: bool = False

    @property
    def from_older_edition(self) -> bool:
        """True when the book of edition ``as_of`` shows a figure last published in an older edition."""
        return self.as_of is not None and self.as_of != self.edition

    @property
    def published(self) -> bool:
        return self.qualifier != "not_published"

    @property
    def is_range(self) -> bool:
        return self.qualifier == "range"

    @property
    def central(self) -> float:
        """A single number for models and charts: the value, or the middle of a range."""
        if not self.published:
            raise FigureNotFound(f"{self.indicator} ({self.scope}, {self.period}) is not published in {self.edition}")
        if self.is_range:
            return (self.low + self.high) / 2  # type: ignore[operator]
        return self.value  # type: ignore[return-value]

    @property
    def bounds(self) -> tuple[float, float]:
        if self.is_range:
            return (self.low, self.high)  # type: ignore[return-value]
        return (self.central, self.central)

    @property
    def anchor(self) -> str:
        """A stable id of this row, used for links from the prose to the sources annex."""
        raw = f"fig-{self.edition}-{self.indicator}-{self.scope}-{self.period}"
        if self.secondary:
            raw += f"-{self.source}"
        return re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")

    @property
    def attribution(self) -> str:
        """Who said it, as a French reader expects: "Laurent Uberti (président du groupe Acticall…)"."""
        return attribution(self.source_name, self.source_role)


def attribution(name: str, role: str) -> str:
    """« Laurent Uberti (président du SP2C) »; a name that already ends with a parenthesis takes the role
    inside it: « 01net (article repris par MC informactions, rédaction) », never « … (…) (rédaction) »."""
    if not role:
        return name
    if name.endswith(")"):
        return f"{name[:-1]}, {role})"
    return f"{name} ({role})"


@dataclass(frozen=True)
class Quote:
    """A short attributed quote of the article that carries an opinion, not a figure."""

    quote_id: str
    edition: int
    chapter: str
    source: str
    source_name: str
    source_role: str
    quote: str
    note: str
    file: str
    row: int
    quote_type: str = "verbatim"
    publication_outlet: str = ""  # the publication that prints the words (« Sens du client (blog) »)

    @property
    def attribution(self) -> str:
        return attribution(self.source_name, self.source_role)


@dataclass(frozen=True)
class Study:
    """A study behind a run of editions (``data/studies.csv``): its firm, its commissioner and its
    definitions, in French as its sources give them."""

    study: str
    firm: str
    commissioner: str
    title: str
    first_edition: int
    last_edition: int | None  # None: the study still runs
    panel: str
    revenue_scope: str
    geography: str
    staff_scope: str
    source: str
    quote: str
    quote_type: str
    note: str
    file: str
    row: int

    def covers(self, edition: int) -> bool:
        return self.first_edition <= int(edition) and (self.last_edition is None or int(edition) <= self.last_edition)


@dataclass(frozen=True)
class SeriesBreak:
    """Where a series of one indicator and scope breaks: between period ``before`` (the last of the old
    series) and period ``after`` (the first of the new one). ``reason`` is the explicit break's French
    reason (``data/breaks.csv``), empty when the break is only a change of study between the editions the
    two values come from (``study_before`` and ``study_after``)."""

    indicator: str
    scope: str
    before: str
    after: str
    study_before: Study | None = None
    study_after: Study | None = None
    reason: str = ""
    source: str = ""
    quote: str = ""
    quote_type: str = "verbatim"
    edition: int | None = None  # the explicit break's first edition
    pattern: tuple[str, str] = ("", "")  # the explicit break's (indicator, scope) as declared (``*``: every one)

    @property
    def year(self) -> int:
        """The first year of the new series."""
        return int(periods.end(self.after))

    @property
    def change_of_study(self) -> bool:
        return (self.study_before is not None and self.study_after is not None
                and self.study_before.study != self.study_after.study)


def figure_from_row(row, file: str, line: int, indicators: dict, sources: dict) -> Figure:
    """A Figure from an edition row, its dictionary entry and its source (both looked up; an unknown
    id falls back to the id itself, for reports on data that has not passed validation)."""
    entry = indicators.get(row.indicator)
    src = sources.get(row.source)
    return Figure(
        indicator=row.indicator,
        edition=row.edition,
        period=row.period,
        scope=row.scope,
        value=row.value,
        low=row.low,
        high=row.high,
        qualifier=row.qualifier,
        unit=row.unit,
        label=entry.label_fr if entry else row.indicator,
        source=row.source,
        source_name=src.name if src else row.source,
        source_role=src.role if src else "",
        source_type=src.type if src else "",
        quote=row.quote,
        note=row.note,
        file=file,
        row=line,
        quote_type=getattr(row, "quote_type", "verbatim"),
        publication_title=src.publication_title if src else "",
        publication_outlet=src.publication_outlet if src else "",
        publication_year=src.publication_year if src else None,
    )


# The period grammar lives in barometre.periods; these names stay for the chapters' use.
period_end = periods.end
period_key = periods.key


def same_value(a: Figure, b: Figure) -> bool:
    """Two rows state the same figure: the same number or bounds. A qualifier alone (« environ 1 840 »
    against « 1 840 », « 80 % » against « plus de 80 % ») is a way of writing it, not a revision."""
    return (a.value, a.low, a.high) == (b.value, b.low, b.high)



@functools.cache
def _book_path(path: Path, data_dir: Path) -> str:
    """``path`` inside ``data_dir``, links resolved: once per file (every figure asks, on the build's path)."""
    return path.resolve().relative_to(data_dir.resolve()).as_posix()


# What the barometer publishes beside a forecast's measure when it does not publish the measure itself: the
# jobs cut forecast for 2014 against the change of staff in France the 2014 edition gives (−2,2 %)
RELATED_OUTCOMES = {"jobs_destroyed": "staff_growth"}


class Dataset:
    """The validated data folder."""

    def __init__(self, validated: ValidatedData):
        self._v = validated
        self.data_dir = validated.data_dir
        self.indicators = {r.indicator: r for r in validated.indicators.rows}
        self.sources = {r.source: r for r in validated.sources.rows}
        self._declared = None  # barometre.book.Inputs while the build runs a chapter
        self._chapter = ""
        self._allowed: frozenset[str] | None = None

    def restricted(self, inputs, chapter: str) -> Dataset:
        """The same data, readable only as ``inputs`` declares (``barometre.book.Inputs``)."""
        import copy

        unknown = [name for name in inputs.references if name not in REFERENCE_NAMES]
        if unknown:
            raise ValueError(f"chapter {chapter} declares the reference data {', '.join(map(repr, unknown))}, which "
                             f"no series is (src/barometre/validation/references.py, REFERENCE_SERIES: {', '.join(REFERENCE_NAMES)})")
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
        return "data/" + _book_path(Path(path), Path(self.data_dir))

    def _figure_from(self, edition: int, index: int) -> Figure:
        table = self._v.editions[edition]
        return figure_from_row(table.rows[index], self.book_path(table.path), table.lines[index], self.indicators,
                               self.sources)

    def _rows(self, edition: int, indicator: str | None) -> list[Figure]:
        table = self._table(edition)
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

    # -- events and reference series ----------------------------------------------------

    def events(self, edition: int | None = None) -> pd.DataFrame:
        edition = self.latest if edition is None else int(edition)
        self._check_reference("events")
        table = self._v.events.get(edition)
        if table is None or not table.rows:  # no events file, or one that holds no event
            return pd.DataFrame(columns=["event", "date", "kind", "actor", "target", "city"])
        cities = {c.city: c for c in self._v.references["cities"].rows}
        records = []
        for row, line in zip(table.rows, table.lines, strict=True):
            rec = row.model_dump()
            rec["row"] = line
            rec["file"] = self.book_path(table.path)
            rec["source_name"] = self.sources[row.source].name
            city = cities.get(row.city) if row.city else None
            rec["city_name"] = city.name_fr if city else None
            rec["latitude"] = city.latitude if city else None
            rec["longitude"] = city.longitude if city else None
            records.append(rec)
        return pd.DataFrame(records)

    def city(self, city: str) -> dict | None:
        """Name and coordinates of one city of the validated ``reference/cities.csv`` (None if absent)."""
        self._check_reference("cities")
        row = next((c for c in self._v.references["cities"].rows if c.city == city), None)
        if row is None:
            return None
        return {"ville": row.name_fr, "latitude": float(row.latitude), "longitude": float(row.longitude)}

    def france_outline(self) -> dict:
        """The outline of metropolitan France and Corsica (GeoJSON FeatureCollection) shipped in
        ``data/reference/``."""
        path = Path(self.data_dir) / REFERENCES["outline"].file
        if not path.is_file():
            raise FileNotFoundError(
                f"{relative(path)}: the France outline is missing (it ships with the repository; see its .meta.yaml)"
            )
        self._check_reference("outline")
        outline = json.loads(path.read_text(encoding="utf-8"))
        if outline.get("type") != "FeatureCollection" or not outline.get("features"):
            raise ValueError(f"{relative(path)}: expected a GeoJSON FeatureCollection with at least one feature")
        return outline

    def quotes(self, edition: int | None = None, chapter: str | None = None) -> list[Quote]:
        """The edition's quotes (``data/quotes/<edition>.csv``), optionally for one chapter."""
        if self._declared is not None and not self._declared.allows_quotes_of(chapter):
            self._refuse(f"the quotes of {'every chapter' if chapter is None else chapter}",
                         "add the chapter to `quotes` (or set it to True)")
        return self._quotes(edition, chapter)

    def _quotes(self, edition: int | None = None, chapter: str | None = None) -> list[Quote]:
        edition = self.latest if edition is None else int(edition)
        table = self._v.quotes.get(edition)
        if table is None:
            return []
        out = []
        for row, line in zip(table.rows, table.lines, strict=True):
            if chapter is not None and row.chapter != chapter:
                continue
            src = self.sources[row.source]
            out.append(Quote(row.quote_id, row.edition, row.chapter, row.source, src.name, src.role,
                             row.quote, row.note, self.book_path(table.path), line, getattr(row, "quote_type", "verbatim"),
                             src.publication_outlet or ""))
        return out

    def quote(self, quote_id: str, edition: int | None = None) -> Quote | None:
        """One quote by id, or None when the edition does not carry it."""
        found = next((q for q in self._quotes(edition) if q.quote_id == quote_id), None)
        if found is not None and self._declared is not None and not self._declared.allows_quotes_of(found.chapter):
            self._refuse(f"the quote {quote_id!r} (chapter {found.chapter})",
                         f"add {found.chapter!r} to `quotes` (or set it to True)")
        return found

    def smic_hourly(self) -> pd.DataFrame:
        """The gross hourly SMIC at each revaluation, in euros.

        Values before 2002 are in francs in the data and converted here, explicitly,
        at the legal rate ``FRF_PER_EUR``; the original value and currency are kept."""
        rows = []
        for r in self.reference_rows("smic"):
            eur = r.value / FRF_PER_EUR if r.currency == "FRF" else r.value
            rows.append(
                {
                    "effective_date": pd.Timestamp(r.effective_date),
                    "value_original": r.value,
                    "currency": r.currency,
                    "eur": eur,
                    "legal_text": r.legal_text,
                }
            )
        return pd.DataFrame(rows)

    def smic_at(self, when: date) -> float:
        """The hourly SMIC in euros in force on a date."""
        df = self.smic_hourly()
        in_force = df[df["effective_date"] <= pd.Timestamp(when)]
        if in_force.empty:
            raise FigureNotFound(f"no SMIC in force on {when} (the series starts {df['effective_date'].min():%Y-%m-%d})")
        return float(in_force.iloc[-1]["eur"])

    def cpi(self) -> pd.Series:
        """The annual average CPI (2015 = 100), indexed by year."""
        return pd.Series({r.year: r.index_2015_100 for r in self.reference_rows("cpi")}, name="cpi").sort_index()

    def labour_cost(self) -> pd.DataFrame:
        """The monthly cost of a full-time employee at the Smic by year (``reference/smic_employer_cost.csv``,
        a snapshot of OpenFisca France written by ``scripts/snapshot_labour_cost.py``); an empty frame when
        the data folder has no such file. Years the snapshot does not cover have ``status`` not_covered."""
        rows = self.reference_rows("labour_cost")
        columns = ["year", "gross_wage", "employer_contributions", "general_reduction", "employer_cost",
                   "net_wage", "status"]
        if not rows:
            return pd.DataFrame(columns=columns)
        return pd.DataFrame([r.model_dump() for r in rows])

    def price_level(self, country: str, year: int, aggregate: str = "household_final_consumption") -> tuple[int, float] | None:
        """The latest comparative price level (EU27 = 100) of ``country`` published for ``year`` or before, as
        (year, index), from ``reference/price_level_index.csv``; None when the folder has no such value."""
        rows = [r for r in self.reference_rows("price_level")
                if r.country == country and r.aggregate == aggregate and r.year <= year]
        if not rows:
            return None
        row = max(rows, key=lambda r: r.year)
        return row.year, row.index_eu27_100

    def reference_rows(self, name: str) -> list:
        """The validated rows of the reference series ``name`` (``validation.REFERENCE_SERIES``), in file
        order; empty when an optional series is absent. A chapter reads only the series it declares."""
        if name not in REFERENCES or REFERENCES[name].row is None:
            raise KeyError(f"{name!r} is not a reference series of rows (validation.REFERENCE_SERIES: "
                           f"{', '.join(s for s, series in REFERENCES.items() if series.row is not None)})")
        self._check_reference(name)
        table = self._v.references[name]
        return [] if table is None else list(table.rows)

    def call_centres(self) -> dict[str, dict]:
        """INSEE's figures of the call-centre sector (NAF 82.20Z) by indicator, each with its period, value,
        qualifier, unit and quote (``reference/insee_call_centres.csv``); empty when the folder has none."""
        return {r.indicator: r.model_dump() for r in self.reference_rows("call_centres")}

    def gbp_per_eur(self) -> pd.Series:
        """The ECB's daily reference rates of the pound sterling (pounds per euro), indexed by date
        (``reference/ecb_gbp_per_eur_2008.csv``); empty when the folder has none."""
        rows = self.reference_rows("gbp_per_eur")
        if not rows:
            return pd.Series(dtype=float, name="gbp_per_eur")
        return pd.Series({r.date: r.gbp_per_eur for r in rows}, name="gbp_per_eur").sort_index()

    def hhi_thresholds(self) -> list[dict]:
        """The classes of market concentration by HHI of merger guidelines (``reference/hhi_thresholds.csv``),
        least concentrated first, each with its bounds (``hhi_above``, ``hhi_below``; None: open), its dates
        in force and its sentence; empty when the folder has none."""
        return sorted((r.model_dump() for r in self.reference_rows("hhi_thresholds")), key=lambda r: (r["guidelines"], HHI_CLASSES.index(r["concentration"])))

    def sources_frame(self) -> pd.DataFrame:
        return pd.DataFrame([r.model_dump() for r in self._v.sources.rows])

    def indicators_for(self, chapter: str) -> list[str]:
        return [i for i, r in self.indicators.items() if chapter in r.chapters]

    # -- what a chapter's cache key is made of -------------------------------------------

    def inputs_key(self, inputs) -> str:
        """The hash of the data ``inputs`` (``barometre.book.Inputs``) declares: the rows of the declared
        indicators in every edition, the declared quotes, the citations and reference files, and what
        every chapter reads (the list of editions, the indicator dictionary, the sources).

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

        h.update(json.dumps(self.editions).encode())
        add("indicators", self._v.indicators)
        add("sources", self._v.sources)
        allowed = inputs.indicator_names(self.indicators)
        for ed in self.editions:
            table = self._v.editions[ed]
            h.update(f"\0edition {ed}\0".encode())
            for row, line in zip(table.rows, table.lines, strict=True):
                if allowed is None or row.indicator in allowed:
                    h.update(row_bytes(row, line))
                elif inputs.citations:  # only who is cited, and whether the figure is published
                    h.update(json.dumps([row.source, row.qualifier == "not_published"]).encode())
        for ed, table in sorted(self._v.quotes.items()):
            h.update(f"\0quotes {ed}\0".encode())
            for row, line in zip(table.rows, table.lines, strict=True):
                if inputs.quotes is True or row.chapter in inputs.quotes:
                    h.update(row_bytes(row, line))
                elif inputs.citations:
                    h.update(row.source.encode())
        for name in sorted(inputs.references):
            if name == "events":
                for ed, table in sorted(self._v.events.items()):
                    add(f"events {ed}", table)
                add("cities", self._v.references["cities"])  # the events' places
            elif name == "studies":  # the studies, and the breaks read with them (``break_between``)
                if self._v.studies is not None:
                    add("studies", self._v.studies)
                h.update(b"\0breaks\0")
                if self._v.breaks is not None:
                    add("breaks", self._v.breaks)
            elif REFERENCES[name].row is None:  # a file read whole (the outline)
                path = Path(self.data_dir) / REFERENCES[name].file
                h.update(path.read_bytes() if path.is_file() else b"<missing>")
            elif (table := self._v.references[name]) is not None:
                add(name, table)
        return h.hexdigest()


_CACHE: dict[tuple[str, tuple], Dataset] = {}


def _fingerprint(data_dir: Path) -> tuple:
    """Every entry of the folder as it is, links and special files included (``lstat``: a file replaced by a
    link to a copy, or a FIFO added, changes it, so the next ``load`` validates again)."""
    return tuple((str(p), st.st_mode, st.st_mtime_ns, st.st_size)
                 for p in sorted(data_dir.rglob("*")) for st in [p.lstat()])


_DECLARED: list[tuple[object, str]] = []  # (inputs, chapter) while the build runs a chapter


@contextlib.contextmanager
def declared(inputs, chapter: str) -> Iterator[None]:
    """While the build runs ``chapter``: every ``load()`` gives a Dataset that reads only ``inputs``."""
    _DECLARED.append((inputs, chapter))
    try:
        yield
    finally:
        _DECLARED.pop()


def load(data_dir: Path | str = DATA_DIR) -> Dataset:
    """Validate ``data_dir`` and return the Dataset (raises DataValidationError); inside ``declared``,
    a Dataset restricted to the chapter's declared inputs."""
    data_dir = Path(data_dir).resolve()
    key = (str(data_dir), _fingerprint(data_dir))
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = Dataset(validate(data_dir))
    if _DECLARED:
        return _CACHE[key].restricted(*_DECLARED[-1])
    return _CACHE[key]


def figure(
    indicator: str,
    edition: int | None = None,
    *,
    scope: str | None = None,
    period: str | int | None = None,
    data_dir: Path | str = DATA_DIR,
) -> Figure:
    """``figure("revenue_growth", edition=2008)``: one figure with its value, quote and source."""
    return load(data_dir).figure(indicator, edition, scope=scope, period=period)
