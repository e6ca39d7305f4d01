"""The lead's facts: each yearly series as known in the edition, scored, and the edition's outlook."""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field, replace

from barometre.data import Dataset, Figure, Quote
from barometre.narrative import (
    quote_body,
)

# Importance of a series (indicator, scope); scope None: any scope. Everything else weighs 1.
IMPORTANCE: dict[tuple[str, str | None], float] = {
    ("revenue_growth", "market"): 4,
    ("revenue_growth", "france"): 3,
    ("revenue_growth", "offshore"): 3,
    ("staff_growth", "market"): 3,
    ("staff_growth", "france"): 3,
    ("staff_growth", None): 2,
    ("offshore_revenue_share", "market"): 2,
    ("france_revenue_share", "market"): 2,
    ("staff_share", "offshore"): 2,
    ("jobs_created", None): 2,
    ("staff", None): 2,
    ("market_revenue", "market"): 2,
    ("telecom_revenue_share", "market"): 1.5,
}


# One story, one fact: a share and its complement (France's share of revenue and offshore's), a level and
# its growth (the market's revenue and its growth, staff and staff growth) are told once, the best scored.
STORIES = {"france_revenue_share": "offshore_revenue_share", "market_revenue": "revenue_growth",
           "revenue_by_location": "revenue_growth", "staff": "staff_growth"}


# The parts of a market growth, told in its sentence (« dont 9,6 % en France et 11,7 % à l'offshore ») unless
# their own fact is a reversal or a first, which gets its own sentence.
PARTS = {("revenue_growth", "market"): ("france", "offshore"), ("staff_growth", "market"): ("france", "offshore"),
         ("staff_growth", "france"): ("province", "ile_de_france"), ("staff", "market"): ("france", "offshore")}


MIN_NEW = 2  # a figure new to the book enters the lead only from a series this important


STRENGTH = {"first": 4.0, "reversal": 3.5, "record": 3.0, "record_since": 2.0, "turn": 1.5, "move": 1.0,
            "new": 1.0, "steady": 0.5}


FORECAST_STRENGTH = 1.0


MAJOR = 3  # a first or a reversal of a series this important opens the lead, whatever the other scores


HEADLINE = ("revenue_growth", "market")  # the barometer's headline figure: told whenever the edition publishes it


# Units a series can be told in (a year, a duration or a count of decimals is not a series).
SERIES_UNITS = ("percent", "percent_change", "percentage_points", "people", "jobs", "eur_million",
                "eur_per_month_gross", "eur_per_month_net", "count", "companies")


POINT_UNITS = ("percent", "percent_change", "percentage_points")


SINCE_YEARS = 3  # « au plus haut depuis Y » only when Y is at least this many years back


MAX_FACTS = 3


_OUTLOOK_NOTE = re.compile(r"\b(outlook|forecast)\b(?!s)", re.IGNORECASE)


_YEAR = re.compile(r"^\d{4}$")


# What a growth measures, to write « le chiffre d'affaires recule » rather than « la croissance … est négative ».
SUBJECTS = {"revenue_growth": ("le chiffre d’affaires", False), "staff_growth": ("les effectifs", True),
            "sites_growth": ("le nombre de sites", False)}


SCOPE_PHRASES = {"market": "", "france": " en France", "offshore": " à l’offshore", "province": " en province",
                 "ile_de_france": " en Île-de-France", "paris": " à Paris"}


# How a sentence on a place of production opens (« En France, 9,6 % »).
PART_OPENINGS = {"france": "En France", "offshore": "À l’offshore", "province": "En province",
                 "ile_de_france": "En Île-de-France", "nearshore": "Dans le nearshore européen",
                 "offshore_1": "En Afrique du Nord", "offshore_2": "En Afrique subsaharienne",
                 "offshore_3": "Dans l’océan Indien"}


@dataclass(frozen=True)
class Origin:
    """Where a series compared across a break starts, and why its earlier years are not compared. ``study``: it is
    the edition's study's series (a change of study, or a break given no reason), whose firm is ``firm`` ('' when
    no study is declared); else a break declared inside a study, in ``year`` (None when unknown). ``reason``: the
    break's own words; without them, ``firm_before``, the earlier study's firm ('' when unknown)."""

    study: bool
    firm: str = ""
    year: int | None = None
    reason: str = ""
    firm_before: str = ""

    @property
    def series(self) -> tuple:
        """The series it starts: two records in one series name its start once."""
        return self.study, self.firm, self.year


@dataclass(frozen=True)
class Fact:
    """One fact of the edition. ``current`` is the edition's figure; ``previous`` the latest earlier year
    of the series (None for a new figure); ``extreme`` « high » or « low » for a record, with ``since``
    the year it is the highest or lowest since (None: of the whole series, which starts in ``start``);
    ``forecasts`` are the earlier forecasts ``current`` settles."""

    kind: str
    score: float
    indicator: str
    scope: str
    current: Figure
    previous: Figure | None = None
    before: Figure | None = None  # the year before ``previous`` (a turn)
    extreme: str | None = None
    since: int | None = None
    start: int | None = None
    forecasts: tuple[Figure, ...] = field(default=())
    origin: Origin | None = None  # where the series compared starts, when earlier years lie across a break
    parts: tuple[Figure, ...] = field(default=())  # the growth's parts (France, offshore), told with it


@dataclass(frozen=True)
class Outlook:
    """What the edition expects: its own forecasts and its quotes marked as an outlook."""

    forecasts: tuple[Figure, ...]
    quotes: tuple[Quote, ...]


def comparable(ds: Dataset, a: Figure, b: Figure) -> bool:
    """Two years of a series can be compared: no series break between them (another study, another
    scope: ``Dataset.break_between``, when the data declare studies and breaks)."""
    between = getattr(ds, "break_between", None)
    return not callable(between) or between(a, b) is None


def break_origin(ds: Dataset, a: Figure, b: Figure, edition: int) -> Origin | None:
    """Where the series ``b`` belongs to starts, after the break that separates it from ``a`` (None: no break): the
    edition's study (a change of study) or a break declared inside a study, with why the years before are not
    compared (``Origin``)."""
    between = getattr(ds, "break_between", None)
    brk = between(a, b) if callable(between) else None
    if brk is None:
        return None
    reason = str(getattr(brk, "reason", "") or "")
    before = "" if reason else str(getattr(getattr(brk, "study_before", None), "firm", "") or "")
    if getattr(brk, "change_of_study", False) or not reason:
        return Origin(True, study_name(ds, edition), None, reason, before)
    return Origin(False, "", getattr(brk, "edition", None) or getattr(brk, "year", None), reason, before)


def study_name(ds: Dataset, edition: int) -> str:
    """« BearingPoint »: the firm of the study an edition belongs to ('' when none is declared)."""
    study_of = getattr(ds, "study_of", None)
    study = study_of(edition) if callable(study_of) else None
    return str(getattr(study, "firm", "") or "")


def importance(indicator: str, scope: str) -> float:
    return IMPORTANCE.get((indicator, scope), IMPORTANCE.get((indicator, None), 1.0))


def _year(period: str) -> int | None:
    return int(period) if _YEAR.match(str(period)) else None


def series(ds: Dataset, indicator: str, scope: str, edition: int) -> list[Figure]:
    """The yearly figures of a series as known in ``edition``, oldest first."""
    ds.figures(edition, indicator)  # a chapter's declared inputs are checked (UndeclaredInput otherwise)
    # the rows as known in the edition, once per series (``Dataset.known`` for each year would read every
    # edition again for each year): the newest edition's primary row of each period
    resolved = ds._resolved(indicator, edition)
    figs = [replace(f, as_of=edition) for (s, period), f in resolved.items()
            if s == scope and f.published and _year(period) is not None]
    return sorted(figs, key=lambda f: int(f.period))


def _scopes(ds: Dataset, indicator: str, edition: int) -> list[str]:
    return sorted({f.scope for f in ds.figures(edition, indicator) if f.published and not f.secondary
                   and _year(f.period) == edition})


def _change(a: Figure, b: Figure) -> float:
    """b against a: points for percentages, relative change (in %) for levels."""
    if a.unit in POINT_UNITS:
        return b.central - a.central
    return (b.central - a.central) / abs(a.central) * 100 if a.central else 0.0


def _size(history: list[Figure], cur: Figure, prev: Figure) -> float:
    usual = [abs(_change(x, y)) for x, y in itertools.pairwise(history)]
    usual = [u for u in usual if u > 0]
    typical = statistics.median(usual) if len(usual) >= 2 else (3.0 if cur.unit in POINT_UNITS else 5.0)
    return min(3.0, abs(_change(prev, cur)) / typical)


def _threshold(unit: str) -> float:
    return 1.0 if unit in POINT_UNITS else 2.0


def series_fact(ds: Dataset, indicator: str, scope: str, edition: int) -> Fact | None:
    """The strongest fact of one series in ``edition`` (None: the edition does not publish its year)."""
    points = series(ds, indicator, scope, edition)
    if not points or _year(points[-1].period) != edition or points[-1].from_older_edition:
        return None
    cur = points[-1]
    history = [p for p in points[:-1] if comparable(ds, p, cur)]
    dropped = [p for p in points[:-1] if p not in history]
    origin = break_origin(ds, dropped[-1], cur, edition) if dropped else None
    weight = importance(indicator, scope)
    if not history:
        size = min(3.0, abs(cur.central) / 10) if cur.unit == "percent_change" else 0.0
        return Fact("new", weight * (STRENGTH["new"] + size / 2), indicator, scope, cur, origin=origin)
    prev = history[-1]
    before = history[-2] if len(history) >= 2 else None
    start = _year(history[0].period)
    size = _size(history, cur, prev)
    kind, extreme, since = None, None, None
    if cur.unit == "percent_change" and cur.central * prev.central < 0:
        same_sign = [h for h in history if h.central * cur.central > 0]
        kind = "reversal" if same_sign or len(history) < 2 else "first"
        extreme = "low" if cur.central < 0 else "high"
    if kind is None:
        for side, beyond in (("high", lambda h: h.central >= cur.central),
                             ("low", lambda h: h.central <= cur.central)):
            if _change(prev, cur) == 0 or (side == "high") != (_change(prev, cur) > 0):
                continue
            reached = [h for h in history if beyond(h)]
            if not reached and len(history) >= 2:
                kind, extreme = "record", side
            elif reached and edition - _year(reached[-1].period) >= SINCE_YEARS and len(history) >= 3:
                kind, extreme, since = "record_since", side, _year(reached[-1].period)
    moved = abs(_change(prev, cur)) >= _threshold(cur.unit)
    if kind is None and before is not None and moved and _change(before, prev) * _change(prev, cur) < 0 \
            and abs(_change(before, prev)) >= _threshold(cur.unit):
        kind = "turn"
    if kind is None and moved:
        kind = "move"
    if kind is None and (indicator, scope) == HEADLINE:
        kind = "steady"
    if kind is None:
        return None
    return Fact(kind, weight * (STRENGTH[kind] + size / 2), indicator, scope, cur, prev, before, extreme, since,
                start, origin=origin)


def _forecasts_settled(pairs, edition: int) -> dict[str, list[Figure]]:
    """Outcome anchor -> the earlier forecasts this edition's figure settles."""
    out: dict[str, list[Figure]] = {}
    for forecast, outcome in pairs:
        if outcome is None or outcome.from_older_edition or forecast.edition >= edition:
            continue
        out.setdefault(outcome.anchor, []).append(forecast)
    return out


def facts(ds: Dataset, edition: int, pairs: list | None = None) -> list[Fact]:
    """Every fact of the edition, best score first (one per series; a share and its complement once)."""
    found: list[Fact] = []
    for indicator, entry in ds.indicators.items():
        if getattr(entry, "forecast_of", "") or entry.unit not in SERIES_UNITS:
            continue
        for scope in _scopes(ds, indicator, edition):
            fact = series_fact(ds, indicator, scope, edition)
            if fact is not None:
                found.append(fact)
    settled = _forecasts_settled(ds.forecasts(edition) if pairs is None else pairs, edition)
    out = []
    for fact in found:
        forecasts = tuple(settled.get(fact.current.anchor, ()))
        if forecasts:
            fact = replace(fact, forecasts=forecasts,
                           score=fact.score + FORECAST_STRENGTH * importance(fact.indicator, fact.scope))
        out.append(fact)
    out.sort(key=order)
    # one story, one fact: the story's own indicator (the growth, offshore's share) tells it, with the best score
    stories: dict[tuple[str, str], list[Fact]] = {}
    for fact in out:
        stories.setdefault((STORIES.get(fact.indicator, fact.indicator), fact.scope), []).append(fact)
    kept = []
    for (story, _), told in stories.items():
        teller = next((f for f in told if f.indicator == story), told[0])
        kept.append(replace(teller, score=max(f.score for f in told)))
    kept.sort(key=order)
    return _fold_parts(ds, edition, kept)


def _fold_parts(ds: Dataset, edition: int, found: list[Fact]) -> list[Fact]:
    """A market growth takes its parts (France, offshore) into its sentence, and their best score; a part
    whose own fact is a first or a reversal keeps its own sentence."""
    by_key = {(f.indicator, f.scope): f for f in found}
    folded: dict[tuple[str, str], Fact] = {}
    for fact in found:
        if (fact.indicator, fact.scope) not in PARTS:
            continue
        parts, score = [], fact.score
        for scope in PARTS[(fact.indicator, fact.scope)]:
            own = by_key.get((fact.indicator, scope))
            if own is not None and own.kind in ("first", "reversal") and importance(fact.indicator, scope) >= MAJOR:
                continue
            fig = own.current if own is not None else ds.known(fact.indicator, edition, scope=scope,
                                                               period=fact.current.period)
            if fig is None or fig.from_older_edition or not fig.published:
                continue
            parts.append(fig)
            if own is not None:
                folded[(fact.indicator, scope)] = own
                score = max(score, own.score)
        by_key[(fact.indicator, fact.scope)] = replace(fact, parts=tuple(parts), score=score)
    out = [by_key[(f.indicator, f.scope)] for f in found if (f.indicator, f.scope) not in folded]
    # a figure merely new to the book, of a minor series, is no news
    out = [f for f in out if f.kind != "new" or importance(f.indicator, f.scope) >= MIN_NEW or f.parts]
    return sorted(out, key=order)


def order(fact: Fact) -> tuple:
    """The lead's order: a first or a reversal of a major series first, then the score."""
    major = fact.kind in ("first", "reversal") and importance(fact.indicator, fact.scope) >= MAJOR
    return (not major, -fact.score, fact.indicator, fact.scope)


def outlook(ds: Dataset, edition: int, pairs: list | None = None) -> Outlook:
    """The edition's own forecasts (for a later period) and its quotes marked as an outlook, those that
    name the next year first."""
    forecasts = []
    for forecast, _ in (ds.forecasts(edition) if pairs is None else pairs):
        end = str(forecast.period).split("-")[-1][:4]
        if forecast.edition == edition and not forecast.secondary and end.isdigit() and int(end) > edition:
            forecasts.append(forecast)
    marked = [q for q in ds.quotes(edition) if q.edition == edition and _OUTLOOK_NOTE.search(q.note or "")]
    def interview(q: Quote) -> bool:
        src = ds.sources.get(q.source)
        return src is None or src.type == "interview"

    # the next year named first, the press's summary of the study before a speaker's words; the words of a
    # forecast just told take no place (the 2011 outlook kept Laurent Uberti's « 2012 est une année de rupture »
    # out for RCM's sentence, told already as the forecast)
    # one quote a speaker, the fuller first: Laurent Uberti's « 2012 est une année de rupture … depuis l'arrivée
    # de Free » before his shorter « 2012 est une année de transition »
    # the market's own outlook (the résilience chapter's quotes, where the cause is told: Laurent Uberti's « depuis
    # l'arrivée de Free ») before another chapter's (01net's offshore trend): editor39 read the cause last
    marked.sort(key=lambda q: (str(edition + 1) not in q.quote, q.chapter != "resilience", interview(q),
                               -len(q.quote), q.row))
    told = {quote_body(f.quote) for f in forecasts}
    chosen, speakers = [], set()
    for q in marked:
        speaker = q.attribution if interview(q) else q.source
        if speaker in speakers or quote_body(q.quote) in told:
            continue
        speakers.add(speaker)
        chosen.append(q)
    return Outlook(tuple(forecasts), tuple(chosen[:2]))
