"""« L'essentiel de l'édition »: the few facts that matter most in an edition, chosen by the data.

``facts(ds, edition)`` is a pure function of the data: it reads every yearly series as known in the
edition and returns typed ``Fact``s, each with a ``kind`` and a ``score``; ``render(ds, edition)``
writes the lead from them (MyST Markdown, every number through ``narrative.cite``). The introduction
and the synthesis both open with it.

**What counts as a fact.** Only a figure the edition itself publishes for its own year (the
edition's data year) can be a fact: a figure carried over from an older edition is never told as
news. It is compared with the latest earlier year of the same series (indicator × scope, yearly
periods, as known in the edition: a revised value counts), and told with that year. Kinds:

- ``first``: a growth (unit ``percent_change``) turns negative, or positive, for the first time in
  the series (« une première depuis le début de la série, en 2004 »);
- ``reversal``: a growth changes sign, and the series had already seen that sign;
- ``record``: the highest or lowest value of the series (at least two earlier years), or the highest
  or lowest since a year at least three years back (« au plus haut depuis 2008 »);
- ``turn``: the direction of change reverses (a growth that accelerates after slowing down, a share
  that falls after rising), the change being at least one point (percentages) or 2 % (levels);
- ``move``: the change since the previous year, kept when it is at least one point or 2 %;
- ``new``: a figure the series had never published (no earlier year);
- ``forecast``: a forecast of an earlier edition (``Dataset.forecasts``) whose outcome this edition
  publishes, confirmed, beaten or refuted (``narrative.forecast_verdict``);
- ``outlook``: what the edition expects: its own forecasts (an indicator with ``forecast_of``, for a
  later period) and its quotes marked as an outlook (a ``note`` that says « Outlook » or
  « Forecast », the way ``data/quotes`` notes mark them).

**Score.** ``score = importance × (strength of the kind + half the size of the change)``, where the
strength follows the order of importance the lead tells them in (first 4, reversal 3,5, record of the
series 3, record since a year 2, turn 1,5, move 1, new 1), the size of the change is the change
divided by the series' usual change (the median of its earlier year-on-year changes; 3 points or
5 % when it has fewer than two), capped at 3, and ``importance`` weighs the series: the market's
revenue growth 4, growth in France and offshore and staff growth 3, shares of offshore, jobs and
staff 2, everything else 1. A forecast scores 2,5 × the importance of its outcome. A share and its
complement (France's share of revenue and offshore's) are one fact.

**Comparability.** Two years of a series are compared only when ``comparable(ds, a, b)`` says so
(the same study and scope; until ``Dataset`` has a break API, every pair is comparable).

**The lead** is at most three data facts (the best score first; one per series), each with the
forecasts its outcome settles, then one paragraph of outlook. An edition whose figures make no fact
still gets one sentence: its most important figure, stated.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field, replace

from barometre import formatting
from barometre.data import Dataset, Figure, Quote
from barometre.narrative import (
    PageMentions,
    cite,
    cite_earlier,
    cite_in,
    de,
    elide,
    forecast_verdict,
    forecast_word,
    md_escape,
    quote_body,
)
from barometre.typography import upper_first

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
    study: str = ""  # the study the series is compared within, when earlier years belong to another one
    break_words: str = ""  # why the earlier years are not compared (« mesurées par l’étude BearingPoint »)
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


def break_words(ds: Dataset, a: Figure, b: Figure) -> str:
    """Why ``a`` is not compared with ``b``, in French: the break's own reason, or the other study."""
    between = getattr(ds, "break_between", None)
    brk = between(a, b) if callable(between) else None
    if brk is None:
        return ""
    if getattr(brk, "reason", ""):  # after « premier chiffre d'une nouvelle série » or « … de l'étude EY »;
        return f" — {md_escape(brk.reason)}"  # a dash: a reason may have its own colon
    before = getattr(getattr(brk, "study_before", None), "firm", "")
    return f" ; les années précédentes, mesurées par l’étude {md_escape(before)}, ne s’y comparent pas" if before else ""


def break_origin(ds: Dataset, a: Figure, b: Figure, edition: int) -> str:
    """Where the series ``b`` belongs to starts, after the break that separates it from ``a``: « l’étude EY »
    (a change of study) or « la rupture de série de 2018 » (a break declared inside a study)."""
    between = getattr(ds, "break_between", None)
    brk = between(a, b) if callable(between) else None
    if brk is None:
        return ""
    if getattr(brk, "change_of_study", False) or not getattr(brk, "reason", ""):
        firm = study_name(ds, edition)
        return f"l’étude {md_escape(firm)}" if firm else "la série actuelle"
    year = getattr(brk, "edition", None) or getattr(brk, "year", None)
    return f"la rupture de série de {year}" if year else "la rupture de série"


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
    study = break_origin(ds, dropped[-1], cur, edition) if dropped else ""
    why = break_words(ds, dropped[-1], cur) if dropped else ""
    weight = importance(indicator, scope)
    if not history:
        size = min(3.0, abs(cur.central) / 10) if cur.unit == "percent_change" else 0.0
        return Fact("new", weight * (STRENGTH["new"] + size / 2), indicator, scope, cur, study=study,
                    break_words=why)
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
                start, study=study, break_words=why)


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


# --------------------------------------------------------------------------- rendering


NOUNS = {("staff_share", "offshore"): "la part de l’offshore dans les effectifs",
         ("staff_share", "province"): "la part de la province dans les effectifs",
         ("staff_share", "ile_de_france"): "la part de l’Île-de-France dans les effectifs",
         ("staff", "market"): "les effectifs du secteur", ("staff", "france"): "les effectifs en France",
         ("staff", "offshore"): "les effectifs à l’offshore"}


def _noun(ds: Dataset, fact: Fact) -> str:
    """« la croissance du chiffre d'affaires en France », « la part de l'offshore dans le chiffre d'affaires »."""
    if (fact.indicator, fact.scope) in NOUNS:
        return NOUNS[(fact.indicator, fact.scope)]
    label = formatting.in_sentence(ds.indicators[fact.indicator].label_fr)
    phrase = SCOPE_PHRASES.get(fact.scope)
    if phrase is None:
        from barometre.labels import scope_label

        phrase = f" ({scope_label(fact.scope)})"
    if fact.scope == "market" and fact.indicator in ("staff", "market_revenue"):
        phrase = ""
    first = label.split(" ")[0]
    article = "les " if first.endswith(("s", "x")) and first not in _SINGULAR_S else (
        "l’" if label[:1] in "aeiouyéèêh" else ("la " if label.split(" ")[0] in _FEMININE else "le "))
    return article + md_escape(label + phrase)


_SINGULAR_S = {"poids", "prix", "taux", "nombre", "temps", "cours"}  # singular nouns ending in s or x
_FEMININE = {"croissance", "part", "évolution", "marge", "répartition", "durée", "prévision", "rémunération"}


def _pronoun(noun: str) -> str:
    if noun.startswith("les "):
        return "ils"
    if noun.startswith("la "):
        return "elle"
    if noun.startswith("l’"):
        return "elle" if noun[2:].split(" ")[0] in _FEMININE else "il"
    return "il"


def _plural(noun: str) -> bool:
    return noun.startswith("les ")


def _year_of(fig: Figure) -> str:
    return formatting.period_text(fig.period)


def _moved(fact: Fact, subject: tuple[str, bool], *, again: bool = False) -> str:
    """« Le chiffre d'affaires en France recule de 2,8 % en 2012 » (« recule encore » after a fall)."""
    cur = fact.current
    what, plural = subject
    what += SCOPE_PHRASES.get(fact.scope, f" ({md_escape(fact.scope)})")
    down = cur.central < 0
    verb = ("reculent" if plural else "recule") if down else ("progressent" if plural else "progresse")
    if again:
        verb += " encore"
    return (f"{upper_first(what)} {verb} {elide('de', formatting.figure_text(cur, magnitude=True))}"
            f"{cite(cur, magnitude=True)} en {_year_of(cur)}")


def _origin(fact: Fact) -> str:
    """« début de l’étude BearingPoint », « depuis la rupture de série de 2018 »: where a compared series starts."""
    # the first data year the study measures (its first edition publishes the year before it)
    return (f"première année mesurée par {fact.study}" if fact.study.startswith("l’étude")
            else f"série comparable depuis {fact.study}")


def _record_words(fact: Fact, *, study_told: bool = False) -> str:
    """« au plus haut de la série de l'étude BearingPoint, commencée en 2007 »; ``study_told``: a record of the
    same study was just told, and the study's series may start another year (the offshore share from 2006):
    « au plus haut des années que publie cette étude (depuis 2006) », not a second « commencée en »."""
    high = fact.extreme == "high"
    if fact.kind == "record":
        word = "au plus haut" if high else "au plus bas"
        if fact.study.startswith("l’étude") and study_told:
            return f"{word} des années que publie cette étude (depuis {fact.start})"
        if fact.study.startswith("l’étude"):  # « au plus haut depuis 2006 » would say 2006 was as high
            return f"{word} de la série de {fact.study}, commencée en {fact.start}"
        if fact.study:
            return f"{word} depuis {fact.study}"
        return f"{word} de la série, commencée en {fact.start}"
    if fact.kind == "record_since":
        return f"{'au plus haut' if high else 'au plus bas'} depuis {fact.since}"
    return ""


# A whole and the part the same source gives beside it, told together in the lead.
MEMBERS_PART = {"market_revenue": ("sp2c_members_revenue", "pour les membres du SP2C")}


def _part_of(ds: Dataset, fact: Fact) -> tuple[str, Figure] | None:
    """The part of ``fact``'s figure the same edition publishes for the same period (``MEMBERS_PART``), or None."""
    if fact.indicator not in MEMBERS_PART or fact.scope != "market":
        return None
    indicator, words = MEMBERS_PART[fact.indicator]
    if indicator not in ds.indicators:
        return None
    fig = ds.known(indicator, fact.current.edition, scope="market", period=fact.current.period)
    if fig is None or fig.edition != fact.current.edition or not fig.published:
        return None
    return words, fig


def fact_sentence(ds: Dataset, fact: Fact, *, told_break: bool = False, study_told: bool = False) -> str:
    """One sentence for one fact (MyST Markdown); ``told_break``: the series break was said just before;
    ``study_told``: a record in the same study's series was told just before."""
    cur, prev = fact.current, fact.previous
    noun = _noun(ds, fact)
    subject = SUBJECTS.get(fact.indicator)
    if fact.kind == "new" or prev is None:
        shown = f"{upper_first(noun)} {'sont' if _plural(noun) else 'est'} de {cite(cur, signed=cur.unit == 'percent_change')} " \
                f"en {_year_of(cur)}"
        if subject is not None and cur.unit == "percent_change":
            shown = _moved(fact, subject)
        part = _part_of(ds, fact)
        if part is not None:  # « Le marché est estimé à 3 560 M€ en 2024, dont 2 440 M€ pour les membres du SP2C »
            # the « dont » says what the new series distinguishes: the break's reason is not repeated after it
            words, fig = part
            # the new series named as the market's estimate, the figure the parenthesis is about (editors 42, 43:
            # « (nouvelle série …) » after the members' 2 440 M€ read as theirs, and clashed with the arc's 2005–2024)
            # the parenthesis after the members' part read as theirs (editors 42, 43); « non comparable » then
            # clashed with the arc's 2005–2024 (editor44): the edition tells the two figures apart for the first time
            # what the part weighs, computed (editor45: « pour la première fois » was false, the 2005 study already
            # told its panel from the market); the same ratio as the claims and prices pages
            share = (f", soit {formatting.percent(100 * fig.central / cur.central, 1)} (calcul du livre)"
                     if fig.unit == cur.unit and cur.central > 0 and not (fig.is_range or cur.is_range) else "")
            return (f"Le marché est estimé à {cite(cur)} en {_year_of(cur)}, dont {cite(fig)} {words}{share}."
                    if fact.study or fact.break_words else
                    f"Le marché est estimé à {cite(cur)} en {_year_of(cur)}, dont {cite(fig)} {words}.")
        if fact.study or fact.break_words:
            if told_break:
                return f"{shown}."
            if fact.study == f"la rupture de série de {_year_of(cur)}":
                # a break in the figure's own year: « depuis la rupture de série de 2024 » read as a fragment, and
                # « premier chiffre d'une nouvelle série » did not say what it means for the reader (editor37)
                return f"{shown} ({NEW_SERIES}{fact.break_words})."
            first = (f"premier chiffre de {fact.study}" if fact.study.startswith("l’étude")
                     else f"premier chiffre depuis {fact.study}" if fact.study else "premier chiffre de la série")
            return f"{shown}, {first}{fact.break_words}."
        return f"{shown}, un chiffre que le baromètre publie pour la première fois."
    signed = cur.unit == "percent_change" and min(cur.central, prev.central) < 0
    # beside a newer figure: never « dernier » (cite_in with earlier)
    # « après +9,6 % en 2011 »: a year that is its edition's names it, no « (édition 2011) » before it (editor39)
    after = f"après {cite_in(prev, signed=signed, earlier=not cur.from_older_edition)}"
    both_down = cur.unit == "percent_change" and cur.central < 0 and prev.central < 0
    if (fact.kind in ("first", "reversal") or both_down) and subject is not None:
        down = cur.central < 0
        text = f"{_moved(fact, subject, again=both_down)}, {after}"
        if both_down:  # « recule encore »: a record (« au plus haut ») would read against the verb
            return text + "."
        if fact.kind == "first":
            where = (f"depuis {fact.start} ({_origin(fact)})" if fact.study
                     else f"de la série, commencée en {fact.start}")
            text += f" : {'le premier recul' if down else 'la première hausse'} {where}"
        return text + "."
    if fact.kind in ("first", "reversal"):
        sign = "négative" if cur.central < 0 else "positive"
        text = f"{upper_first(noun)} devient {sign} : {cite(cur, signed=True)} en {_year_of(cur)}, {after}"
        if fact.kind == "first":
            where = (f"depuis {fact.start} ({_origin(fact)})" if fact.study
                     else f"depuis le début de la série, en {fact.start}")
            text += f", une première {where}"
        return text + "."
    growth = cur.unit == "percent_change" and not _plural(noun) and cur.central > 0 and prev.central > 0
    words = _record_words(fact, study_told=study_told)
    if growth:
        verb = "accélère" if cur.central > prev.central else "ralentit"
        if fact.kind == "steady":
            verb = {"accélère": "accélère légèrement", "ralentit": "ralentit légèrement"}[verb] \
                if cur.central != prev.central else "se maintient"
        text = f"{upper_first(noun)} {verb} : {cite(cur)} en {_year_of(cur)}{', ' + words if words else ''}, {after}"
    elif _spoken(cur) != _spoken(prev):
        # a speaker's count beside a study's (2024: Caroline Adam's 55 000 against the EY study's 49 000 of 2019) is
        # not a measured move: each figure said by its own source (editor39)
        def by(fig: Figure) -> str:
            return (f"selon {md_escape(fig.attribution)}" if fig.source_type == "interview" else "d'après le baromètre")
        verb = "sont" if _plural(noun) else "est"
        return (f"En {_year_of(cur)}, {noun} {verb} de {cite(cur)}, {by(cur)} ; {by(prev)}, "
                f"{_pronoun(noun)} {'étaient' if _plural(noun) else 'était'} de "
                f"{cite_in(prev, earlier=True)}.")
    else:
        verb = "passent" if _plural(noun) else "passe"
        text = (f"{upper_first(noun)} {verb} {elide('de', formatting.figure_text(prev))}"
                f"{cite_in(prev, earlier=not cur.from_older_edition)} à {cite(cur)} en {_year_of(cur)}"
                f"{', ' + words if words else ''}")
    if not words and fact.kind == "turn" and fact.before is not None:
        rose = _change(fact.before, prev) > 0
        done = ("accéléré" if rose else "ralenti") if growth else "augmenté" if rose else "baissé"
        text += f" ; {_pronoun(noun)} avait {done} en {_year_of(prev)}"
    return text + "."


_STUDY_CITED = re.compile(r"\b(étude|baromètre)\b", re.IGNORECASE)


def _spoken(fig: Figure) -> bool:
    """A speaker's own count: an interview's figure whose words do not give it as the study's (Patrick Dubreil's
    2 460 M€ « selon l'étude réalisée par le SP2C et EY » is the study's)."""
    return fig.source_type == "interview" and not _STUDY_CITED.search(str(fig.quote))


PART_OPENINGS = {"france": "En France", "offshore": "À l’offshore", "province": "En province",
                 "ile_de_france": "En Île-de-France", "nearshore": "Dans le nearshore européen",
                 "offshore_1": "En Afrique du Nord", "offshore_2": "En Afrique subsaharienne",
                 "offshore_3": "Dans l’océan Indien"}


def _parts_text(fact: Fact) -> str:
    """« En France, 9,6 % ; à l'offshore, 11,7 %. »: the parts of a growth, after its sentence."""
    if not fact.parts:
        return ""
    shown = [f"{PART_OPENINGS.get(p.scope, md_escape(p.scope))}, {cite(p, signed=p.central < 0)}" for p in fact.parts]
    text = " ; ".join(shown[:1] + [o[:1].lower() + o[1:] for o in shown[1:]])
    return " " + text + "."


VERDICT_VERBS = {"prévision tenue": "confirme", "prévision dépassée": "dépasse",
                 "prévision démentie (en deçà)": "dément", "prévision démentie (au-delà)": "dément"}


def _verdict_verb(verdict: str, forecasts: list[Figure]) -> str:
    """« confirme », « dément », « dépasse »; « fait mieux que » a forecast of a fall the outcome beats."""
    if verdict == "prévision dépassée" and all(f.bounds[1] < 0 for f in forecasts):
        return "fait mieux que"
    return VERDICT_VERBS.get(verdict, "départage")


def forecaster(forecast: Figure) -> str:
    """Who forecast: a person with their role, « le baromètre » for the study's own figure, else the source."""
    if forecast.source_type == "interview" and not forecast.source_name.endswith(")"):
        name = forecast.source_name.strip()
        # an organisation under its one-word name takes its article: « le SP2C (syndicat …) prévoit »
        return (elide("le", name) if " " not in name else "") + md_escape(forecast.attribution)
    if forecast.source_type == "barometer":
        return "le baromètre"
    return md_escape(re.sub(r"\s*\([^()]*\)\s*$", "", forecast.source_name))  # « SP2C », not its page


def forecast_text(forecast: Figure) -> str:
    """The forecast's figure, linked: « au moins 10 % », or the direction it gives (« un recul » for « moins
    de 0 % », « une hausse » for « plus de 0 % »)."""
    if not forecast.is_range and forecast.value == 0 and forecast.qualifier in ("less_than", "at_most"):
        return cite(forecast, "un recul")
    if not forecast.is_range and forecast.value == 0 and forecast.qualifier in ("more_than", "at_least"):
        return cite(forecast, "une hausse")
    if forecast.unit == "percent_change" and forecast.bounds[1] < 0:  # « un recul de 20 à 25 % », not « −25 à −20 % »
        return cite(forecast, "un recul " + elide("de", formatting.figure_text(forecast, magnitude=True))
                    + formatting.figure_text(forecast, magnitude=True))
    return cite(forecast)


def situated(fig: Figure) -> str:
    """« entre 2 et 3 % » for a range, « à environ 2 % » otherwise: the figure after « situer », linked."""
    if fig.is_range and fig.unit in ("percent", "percent_change"):
        low, high = fig.bounds
        return "entre " + cite(fig, f"{formatting.number(low)} et {formatting.percent(high)}")
    return "à " + cite(fig)


def _distinct(forecasts) -> list[Figure]:
    """One forecast per value (two pages giving the same forecast are told once)."""
    seen, out = set(), []
    for f in forecasts:
        key = (f.value, f.low, f.high, f.qualifier)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def forecast_sentence(fact: Fact) -> str:
    """« Ce chiffre dément les prévisions publiées avec l'édition 2008 par Laurent Uberti : au moins 10 %, 11 à
    14 % et plus de 11 %. » One sentence per verdict."""
    groups: dict[str, list[Figure]] = {}
    for forecast in _distinct(fact.forecasts):
        groups.setdefault(forecast_verdict(forecast, fact.current), []).append(forecast)
    sentences = []
    for verdict, forecasts in groups.items():
        many = len(forecasts) > 1
        editions = sorted({f.edition for f in forecasts})
        people: dict[str, str] = {}  # a person named once, with the role of their first forecast
        for f in forecasts:
            people.setdefault(re.sub(r"\s*\([^()]*\)\s*$", "", f.source_name), forecaster(f))
        who = formatting.enumeration(list(people.values()))
        subject = "Ce chiffre" if not sentences else "Il"
        word = forecast_word(forecasts[0])
        sentences.append(
            f"{subject} {_verdict_verb(verdict, forecasts)} "
            f"{f'les {word}s publiées' if many else elide('la', word) + word + ' publiée'} "
            f"avec l’édition {formatting.enumeration([str(e) for e in editions])} par {who} : "
            f"{formatting.enumeration([forecast_text(f) for f in forecasts])}.")
    return " ".join(sentences)


def _inner_quotes(text: str) -> str:
    """A quote's body with its own guillemets turned to “ ”, set inside ours."""
    return re.sub(r"«[\s\u00a0]*([^«»]*?)[\s\u00a0]*»", "“\\1”", quote_body(text))


def outlook_paragraph(ds: Dataset, edition: int, view: Outlook) -> str:
    """« Perspectives : … » — the edition's forecasts, then its outlook quotes, each attributed."""
    sentences = outlook_sentences(ds, view)
    if not sentences:
        return ""
    # one sentence each: three quotes strung on semicolons made a 560-character sentence (the 2011 outlook)
    return "**Perspectives.** " + " ".join(sentences)


def outlook_sentences(ds: Dataset, view: Outlook) -> list[str]:
    """The outlook's sentences, each capitalised and closed: its forecasts, then its quotes, each attributed."""
    sentences = []
    for forecast in _distinct(view.forecasts):
        label = formatting.in_sentence(ds.indicators[forecast.indicator].label_fr)
        when = formatting.period_text(forecast.period)
        if forecast_word(forecast) == "estimation":
            # a pace given while the year runs: « En 2025, Caroline Adam situe la croissance du chiffre
            # d'affaires entre 2 et 3 % », not « prévoit »
            what = re.sub(r"^estimation (en cours d’année |en cours d'année )?de ", "", label)
            when = when if when.startswith("entre") else f"en {when}"
            sentences.append(f"{when}, {forecaster(forecast)} situe {md_escape(what)} {situated(forecast)}")
            continue
        what = re.sub(r"^prévision (de |d’|d')", "", label)  # « prévision de croissance … » → « croissance … »
        when = when if when.startswith("entre") else f"pour {when}"
        direction = re.match(r"croissance (du |de la |des |de l’|de l')(.*)", what)
        if forecast_text(forecast) != cite(forecast) and direction:  # « prévoit un recul du chiffre d'affaires »
            said = f"{forecast_text(forecast)} {md_escape(direction.group(1) + direction.group(2))}"
        elif forecast.unit == "percent_change" and what != label:
            said = f"une {md_escape(what)} {elide('de', formatting.figure_text(forecast))}{cite(forecast)}"
        elif what != label:
            said = f"{cite(forecast)} {md_escape(what)}"  # « 6 000 à 7 000 emplois supprimés »
        else:
            said = f"{md_escape(label)} : {cite(forecast, with_noun=True)}"
        if forecast.quote_type == "summary" and forecast.publication_outlet:
            # a press summary of the study (RCM's « le secteur … s'attend à une régression »): the outlet says it
            words = _inner_quotes(forecast.quote).rstrip(".")
            # its words, not a paraphrase: « annonce un recul » for « s'attend à une régression » (editors 40, 42);
            # the outlet's name links to the row, the forecast's figure is the words' own
            sentences.append(f"{when}, {cite(forecast, md_escape(forecast.publication_outlet))}, résumant le "
                             f"baromètre, écrit : «\u00a0{md_escape(words)}\u00a0»")
        else:
            sentences.append(f"{when}, {forecaster(forecast)} prévoit {said}")
    sentences += [said_by(ds, q) for q in view.quotes]  # ``outlook`` left out the forecasts' own words
    return [upper_first(s) + "." for s in sentences]


def said_by(ds: Dataset, q: Quote) -> str:
    """« « … », dit Laurent Uberti » (a speaker) or « « … », écrit 01net » (a press outlet's words): a quote and who
    said it, its own guillemets turned to “ ”; no capital, no full stop."""
    src = ds.sources.get(q.source)
    press = src is not None and src.type != "interview" and bool(src.publication_outlet)
    who = src.publication_outlet if press else q.attribution
    return f"«\u00a0{md_escape(_inner_quotes(q.quote))}\u00a0», {'écrit' if press else 'dit'} {md_escape(who)}"


def render(ds: Dataset, edition: int, *, limit: int = MAX_FACTS) -> str:
    """The lead of the edition (MyST Markdown): its strongest facts, then its outlook ('' when the edition
    publishes nothing)."""
    pairs = ds.forecasts(edition)  # (forecast, outcome) pairs, read once for the facts and the outlook
    chosen = facts(ds, edition, pairs)[:limit]
    paragraphs = []
    if chosen:
        sentences, breaks, records, paragraph_ends = [], set(), set(), []
        for fact in chosen:
            sentences.append(fact_sentence(ds, fact, told_break=(fact.study, fact.break_words) in breaks,
                                           study_told=fact.kind == "record" and fact.study in records))
            if fact.kind == "record" and fact.study:
                records.add(fact.study)
            if fact.kind == "new" and (fact.study or fact.break_words):
                breaks.add((fact.study, fact.break_words))
            if fact.forecasts:
                sentences.append(forecast_sentence(fact))
            if fact.parts:
                sentences.append(_parts_text(fact).strip())
            paragraph_ends.append(len(sentences))
        # the headline fact in a paragraph of its own, the others in a second one
        paragraphs.append(" ".join(sentences[:paragraph_ends[0]]))
        if len(paragraph_ends) > 1:
            paragraphs.append(" ".join(sentences[paragraph_ends[0]:]))
    average = edition_average(ds, edition)
    if average is not None:
        # an edition that gives the sector's pace over several years, not a yearly rate, opens on it (2024)
        said, more = average_sentence(average, edition, None), same_speaker_words(ds, edition, average)
        opening = [f"{said[:-1]} ; {more}." if more else said, average_check(ds, edition, average),
                   average_parts_sentence(ds, edition, average)]
        paragraphs[:1] = [" ".join([s for s in opening if s] + paragraphs[:1])]
    elif not chosen:
        fallback = _headline_figure(ds, edition)
        if fallback is not None:
            paragraphs.append(f"{upper_first(md_escape(formatting.in_sentence(fallback.label)))} : "
                              f"{cite(fallback, with_noun=True)} en "
                              f"{_year_of(fallback)}.")
    view = outlook(ds, edition, pairs)
    text = outlook_paragraph(ds, edition, view)
    if text:
        paragraphs.append(text)
    # a person named with their role once in the lead, by name alone after (the page may not do it for us)
    return PageMentions(ds).introduce_once("\n\n".join(paragraphs))


def edition_average(ds: Dataset, edition: int) -> Figure | None:
    """The sector's yearly average growth over several years that ``edition`` itself publishes instead of a
    yearly rate of its own (2024: 5 to 6 % a year from 2017 to 2024); None otherwise."""
    yearly = ds.known("revenue_growth", edition, scope="market")
    if yearly is not None and yearly.published and not yearly.from_older_edition:
        return None
    found = ds.known("revenue_growth_annual_average", edition, scope="market")
    return found if found is not None and found.published and not found.from_older_edition else None


def average_sentence(average: Figure, edition: int, last_yearly: Figure | None) -> str:
    """« Selon Caroline Adam (…), le chiffre d'affaires des outsourceurs a progressé de 5 à 6 % par an en
    moyenne entre 2017 et 2024 ; le dernier taux publié pour l'ensemble du secteur est celui de 2019 : +6,1 %. » (« D'après l'édition 2024 » when the study gives it.)
    The verb from the sign; the older yearly rate, when there is one, dated and named with its edition."""
    span = spoken_span(average) or formatting.period_text(average.period)
    moved = (f"a reculé {de(average, magnitude=True)}" if average.bounds[1] < 0
             else f"a progressé {de(average)}")
    # a person's words (Caroline Adam's interview of April 2025) are hers, not the edition's
    who = (f"Selon {md_escape(average.attribution)}" if average.source_type == "interview"
           else f"D'après l'édition {edition}")
    text = f"{who}, le chiffre d'affaires des outsourceurs {moved} par an en moyenne {span}"
    if last_yearly is not None and last_yearly.period != average.period:
        # editor39: « le dernier taux …, 6,1 % (édition 2019), est celui de 2019 » tagged and wrapped the figure
        late = replace(last_yearly, as_of=last_yearly.edition) if str(last_yearly.period) == str(last_yearly.edition) \
            else last_yearly
        text += (f" ; le dernier taux publié pour l'ensemble du secteur est celui de "
                 f"{formatting.period_text(last_yearly.period)} : {cite_earlier(late, signed=True)}")
    return text + "."


def average_check(ds: Dataset, edition: int, average: Figure) -> str:
    """« Les chiffres d'affaires publiés le recoupent : de 2 360 M€ en 2016 à 3 100 M€ en 2021, environ +5,6 % par an
    (calcul du livre). » A yearly average someone gives, set against the sector's revenue the editions publish for the
    first and last years of its span, when one series covers both (editors 42 and 43 asked for the check; editor44
    showed that across a break it agrees only through the break); « le recoupent » when the computed pace is within
    the range said and its rounding, else the two side by side; '' without both revenues or across a break."""
    start, _, end = str(average.period).partition("-")
    if not end:
        return ""
    first = ds.known("market_revenue", edition, scope="market", period=start)
    last = ds.known("market_revenue", edition, scope="market", period=end)
    if first is None or last is None or not (first.published and last.published) or first.central <= 0:
        return ""
    # across a series break the two revenues measure different things: no check (editor44: the 2017–2024 « +5,4 % »
    # agreed only through the 2018 widening of the panel; within one series, 2019–2024, the pace is +3,9 %)
    if ds.break_between(first, last) is not None:
        return ""
    years = int(end) - int(start)
    pace = ((last.central / first.central) ** (1 / years) - 1) * 100
    low, high = average.bounds
    shown = formatting.percent(pace, 1, signed=True)
    told = (f"de {cite(replace(first, as_of=first.edition))} en {start} à {cite(replace(last, as_of=last.edition))} "
            f"en {end}, environ {shown} par an (calcul du livre)")
    if low - 0.5 <= pace <= high + 0.5:
        return f"Les chiffres d'affaires publiés le recoupent : {told}."
    return f"Les chiffres d'affaires publiés donnent un autre rythme : {told}."


NEW_SERIES = "nouvelle série, non comparable aux années précédentes"
SPOKEN_SPAN = re.compile(r"\bsur les [^,.;:]{1,30}? dernières années")


def spoken_span(average: Figure) -> str:
    """A person's own words for the span of an average, quoted, when the figure's excerpt gives them: Caroline Adam
    said « sur les 7 à 8 dernières années », and « entre 2017 et 2024 » were the book's dates, not hers
    (editor37). '' for a study's average, or words that name no span."""
    if average.source_type != "interview":
        return ""
    found = SPOKEN_SPAN.search(average.quote or "")
    return f"«\u00a0{md_escape(quote_body(found.group(0)))}\u00a0»" if found else ""


def same_speaker_words(ds: Dataset, edition: int, average: Figure) -> str:
    """The same person's first words on the sector's course in the edition, after the average they gave (the
    quotes file's order: the analyst puts the headline first), after a semicolon in that sentence: « ; « Il y
    a eu un ralentissement en 2024, … » », under the same « Selon », the edition's news, which was only a quote in a table caption
    (editor37). Its first sentence only; '' when the person has no such quote."""
    if average.source_type != "interview":
        return ""
    said = [q for q in ds.quotes(edition, "resilience") if q.edition == edition and q.source == average.source]
    if not said:
        return ""
    first = re.split(r"(?<=[.!?])\s+", said[0].quote.strip(), maxsplit=1)[0]
    return f"«\u00a0{md_escape(quote_body(first))}\u00a0»"


def average_parts_sentence(ds: Dataset, edition: int, average: Figure) -> str:
    """After an edition's average (2017-2024), the yearly growths it publishes for the average's last year by
    place of production, since it gives none for the whole sector: « Pour 2024, l'édition ne publie la
    croissance que par lieu de production : 2 % en France, 5 % dans le nearshore européen. » '' when it
    publishes none."""
    year = str(average.period).split("-")[-1]
    parts = [f for f in ds.figures(edition, "revenue_growth")
             if f.published and not f.secondary and f.period == year and f.scope in PART_OPENINGS]
    if not parts:
        return ""
    shown = [f"{cite(p, signed=p.central < 0)} {PART_OPENINGS[p.scope][:1].lower()}{PART_OPENINGS[p.scope][1:]}"
             for p in parts]
    return (f"Pour {year}, l'édition ne publie la croissance que par lieu de production : "
            f"{formatting.enumeration(shown)}.")


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
