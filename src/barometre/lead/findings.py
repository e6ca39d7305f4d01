"""The lead's findings for one edition, computed once: ``lead_facts(ds, edition)`` returns a ``LeadFacts`` (the facts
chosen and their paragraphs, the forecasts each settles, the edition's average with its check and parts, the
fallback figure, the outlook). ``lead.text`` writes « L'essentiel » from it through the templates of
``src/barometre/templates/book/lead/``; nothing here writes a sentence (issue 25).

No cache: a chapter reads the data through a view restricted to its declared inputs (``Dataset.restricted``), so a
page computes its ``LeadFacts`` once and passes it on, rather than sharing one across views."""

from __future__ import annotations

import re
from dataclasses import dataclass

from barometre.data import Dataset, Figure
from barometre.lead.facts import (
    MAX_FACTS,
    PART_OPENINGS,
    Fact,
    Outlook,
    _year,
    facts,
    importance,
    outlook,
)
from barometre.narrative import forecast_verdict

# A whole and the part the same source gives beside it, told together in the lead (the part's words:
# ``sentences.MEMBERS_WORDS``).
MEMBERS_PART = {"market_revenue": "sp2c_members_revenue"}


@dataclass(frozen=True)
class Verdict:
    """The earlier forecasts a fact's figure settles with one verdict (``narrative.forecast_verdict``), one a value,
    in the order the data give them."""

    verdict: str
    forecasts: tuple[Figure, ...]


@dataclass(frozen=True)
class Told:
    """A fact as the lead tells it: the fact, the forecasts it settles by verdict, the part of its figure the same
    edition gives (``MEMBERS_PART``: the SP2C members' revenue beside the market's, for a new figure) and that
    part's share of the whole (None when the two cannot be divided), and what the facts told before it said."""

    fact: Fact
    verdicts: tuple[Verdict, ...] = ()
    members: Figure | None = None
    members_share: float | None = None
    break_told: bool = False  # a fact told before it was the first of the same new series (its break said there)
    study_told: bool = False  # a record told before it was in the same study's series


@dataclass(frozen=True)
class AverageCheck:
    """The sector's revenue the editions publish for the first and last years of an average's span, within one
    series, and the yearly pace they give (computed); ``agrees``: within the range said and its rounding."""

    first: Figure
    last: Figure
    start: str
    end: str
    pace: float
    agrees: bool


@dataclass(frozen=True)
class EditionAverage:
    """The yearly average growth over several years the edition publishes instead of a yearly rate (2024), its
    speaker's next words on the year (their first sentence, as said; '' without), its check against the published
    revenues (None without both, or across a break), and the growths by place of production the edition gives for
    the average's last year."""

    figure: Figure
    next_words: str
    check: AverageCheck | None
    year: str
    parts: tuple[Figure, ...]


@dataclass(frozen=True)
class LeadFacts:
    """Everything « L'essentiel » states for one edition."""

    edition: int
    paragraphs: tuple[tuple[Told, ...], ...]  # the headline fact alone, then the others (none: no fact)
    average: EditionAverage | None
    fallback: Figure | None  # the edition's most important figure, when it has neither a fact nor an average
    outlook: Outlook

    @property
    def told(self) -> tuple[Told, ...]:
        """The facts told, in the lead's order."""
        return tuple(t for paragraph in self.paragraphs for t in paragraph)

    @property
    def chosen(self) -> tuple[Fact, ...]:
        return tuple(t.fact for t in self.told)


def lead_facts(ds: Dataset, edition: int, *, limit: int = MAX_FACTS) -> LeadFacts:
    """The lead's findings for ``edition``: its ``limit`` strongest facts, its average, its outlook."""
    pairs = ds.forecasts(edition)  # (forecast, outcome) pairs, read once for the facts and the outlook
    told = told_facts(ds, facts(ds, edition, pairs)[:limit])
    average = average_facts(ds, edition)
    return LeadFacts(
        edition=edition,
        paragraphs=tuple(p for p in (told[:1], told[1:]) if p),
        average=average,
        fallback=_headline_figure(ds, edition) if average is None and not told else None,
        outlook=outlook(ds, edition, pairs),
    )


def told_facts(ds: Dataset, chosen: list[Fact]) -> tuple[Told, ...]:
    """The chosen facts in order, each with what the ones before it told."""
    out, breaks, records = [], set(), set()
    for fact in chosen:
        origin = fact.origin
        out.append(told_fact(ds, fact, break_told=origin is not None and origin in breaks,
                             study_told=fact.kind == "record" and origin is not None and origin.series in records))
        if fact.kind == "record" and origin is not None:
            records.add(origin.series)
        if fact.kind == "new" and origin is not None:
            breaks.add(origin)
    return tuple(out)


def told_fact(ds: Dataset, fact: Fact, *, break_told: bool = False, study_told: bool = False) -> Told:
    """One fact with its verdicts and its part."""
    members, share = None, None
    if fact.kind == "new" or fact.previous is None:
        members = members_part(ds, fact)
        cur = fact.current
        if members is not None and members.unit == cur.unit and cur.central > 0 and not (members.is_range
                                                                                        or cur.is_range):
            share = 100 * members.central / cur.central
    return Told(fact, verdicts(fact), members, share, break_told, study_told)


def members_part(ds: Dataset, fact: Fact) -> Figure | None:
    """The part of ``fact``'s figure the same edition publishes for the same period (``MEMBERS_PART``), or None."""
    if fact.indicator not in MEMBERS_PART or fact.scope != "market":
        return None
    indicator = MEMBERS_PART[fact.indicator]
    if indicator not in ds.indicators:
        return None
    fig = ds.known(indicator, fact.current.edition, scope="market", period=fact.current.period)
    if fig is None or fig.edition != fact.current.edition or not fig.published:
        return None
    return fig


def distinct(forecasts) -> list[Figure]:
    """One forecast per value (two pages giving the same forecast are told once)."""
    seen, out = set(), []
    for f in forecasts:
        key = (f.value, f.low, f.high, f.qualifier)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def verdicts(fact: Fact) -> tuple[Verdict, ...]:
    """The forecasts ``fact`` settles, grouped by verdict in the order of their first forecast."""
    groups: dict[str, list[Figure]] = {}
    for forecast in distinct(fact.forecasts):
        groups.setdefault(forecast_verdict(forecast, fact.current), []).append(forecast)
    return tuple(Verdict(v, tuple(fs)) for v, fs in groups.items())


def average_facts(ds: Dataset, edition: int) -> EditionAverage | None:
    """The edition's yearly average over several years (``edition_average``) with its speaker's next words, its check
    and its parts by place; None when the edition gives a yearly rate of its own, or no average. A chapter that tells
    the average reads it here (the résilience chapter's ``Average``)."""
    average = edition_average(ds, edition)
    if average is None:
        return None
    year = str(average.period).split("-")[-1]
    return EditionAverage(average, next_words(ds, edition, average), average_check_facts(ds, edition, average),
                          year, average_parts(ds, edition, average))


def next_words(ds: Dataset, edition: int, average: Figure) -> str:
    """The first sentence of the same person's first words on the sector's course in the edition, after the average
    they gave (the quotes file's order: the analyst puts the headline first); '' for a study's average or a person
    with no such quote."""
    if average.source_type != "interview":
        return ""
    said = [q for q in ds.quotes(edition, "resilience") if q.edition == edition and q.source == average.source]
    if not said:
        return ""
    return re.split(r"(?<=[.!?])\s+", said[0].quote.strip(), maxsplit=1)[0]


def average_check_facts(ds: Dataset, edition: int, average: Figure) -> AverageCheck | None:
    """A yearly average someone gives, set against the sector's revenue the editions publish for the first and last
    years of its span, when one series covers both (editors 42 and 43 asked for the check; editor44 showed that
    across a break it agrees only through the break); None without both revenues or across a break."""
    start, _, end = str(average.period).partition("-")
    if not end:
        return None
    first = ds.known("market_revenue", edition, scope="market", period=start)
    last = ds.known("market_revenue", edition, scope="market", period=end)
    if first is None or last is None or not (first.published and last.published) or first.central <= 0:
        return None
    # across a series break the two revenues measure different things: no check (editor44: the 2017–2024 « +5,4 % »
    # agreed only through the 2018 widening of the panel; within one series, 2019–2024, the pace is +3,9 %)
    if ds.break_between(first, last) is not None:
        return None
    years = int(end) - int(start)
    pace = ((last.central / first.central) ** (1 / years) - 1) * 100
    low, high = average.bounds
    return AverageCheck(first, last, start, end, pace, low - 0.5 <= pace <= high + 0.5)


def average_parts(ds: Dataset, edition: int, average: Figure) -> tuple[Figure, ...]:
    """The yearly growths the edition publishes for the average's last year by place of production (it gives none
    for the whole sector)."""
    year = str(average.period).split("-")[-1]
    return tuple(f for f in ds.figures(edition, "revenue_growth")
                 if f.published and not f.secondary and f.period == year and f.scope in PART_OPENINGS)


def edition_average(ds: Dataset, edition: int) -> Figure | None:
    """The sector's yearly average growth over several years that ``edition`` itself publishes instead of a
    yearly rate of its own (2024: 5 to 6 % a year from 2017 to 2024); None otherwise."""
    yearly = ds.known("revenue_growth", edition, scope="market")
    if yearly is not None and yearly.published and not yearly.from_older_edition:
        return None
    found = ds.known("revenue_growth_annual_average", edition, scope="market")
    return found if found is not None and found.published and not found.from_older_edition else None



def _headline_figure(ds: Dataset, edition: int) -> Figure | None:
    """The edition's most important figure, when no series makes a fact."""
    best = None
    for indicator, entry in ds.indicators.items():
        if getattr(entry, "forecast_of", ""):
            continue
        for f in ds.figures(edition, indicator):
            if not f.published or f.secondary:
                continue
            key = (importance(f.indicator, f.scope), _year(f.period) == edition)
            if best is None or key > best[0]:
                best = (key, f)
    return None if best is None else best[1]
