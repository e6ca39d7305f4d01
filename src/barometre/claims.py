"""« Les affirmations à l'épreuve »: every claim of the article and of the later editions, put to the test.

A *claim* is a statement a publication made: a figure of an edition (a row of ``data/editions``), a
quote (a row of ``data/quotes``) or the article's title (``sources.csv``). Each claim names a *check*,
a pure function of the data that returns a ``Verdict``:

- « vérifiée » / « démentie par les statistiques officielles »: the claim set against an official
  series of ``data/reference`` (the Smic);
- « cohérente » / « incohérente »: the claim set against the other figures the same edition publishes
  (a growth and its parts, shares that must add up, a pay against the minimum wage), or, for the market's
  size, against INSEE's call-centre sector (NAF 82.20Z), whose scope differs. Every figure is
  taken with its rounding: a published « 15 % » stands for 14,5 to 15,5 %, « environ 18 % » for 17,5 to
  18,5 %, « 1 840 M€ » for 1 835 to 1 845, « 80 000 » (two significant digits at least) for 79 500 to
  80 500; a bound (« plus de 70 % ») for everything beyond it. *Cohérente* means some values within
  these roundings make every figure true at once; *incohérente* means none do;
- « confirmée par la suite » / « démentie par la suite »: a later edition (up to the book's edition)
  gives the outcome of a forecast, republishes the figure, or shows the trend the claim describes;
- « objectif atteint » / « objectif non atteint »: a target (« passer de 250 000 à 400 000 emplois »), set
  against what a later edition counts;
- « invérifiable »: no data of the book can test it (the reason is said).

**Why a registry in code and not a CSV.** The claims' words are never typed here: a claim points at
its data row (indicator, scope, period, edition, source) or its quote id, and the page shows that row's
quote and links it to the sources annex. What a claim adds is its *check*, and checks are code of
different shapes (a growth decomposition needs four indicators, a share sum a list of scopes, a forecast
its outcome): a CSV would hold a function name and a bag of parameters that only this module can read,
so a maintainer would edit two files for one claim and the CSV could not be validated without the code.
``CLAIMS`` below is one list, read top to bottom like the article; ``tests/test_claims.py`` checks that
every entry finds its row in the real data.

Every function here is pure (data in, verdict out); ``claims_markdown`` renders the page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise, product

from barometre import formatting, periods
from barometre.data import Dataset, Figure, FigureNotFound, Quote, period_end
from barometre.labels import scope_label
from barometre.models.prices import claim_holds, percent_change
from barometre.models.value import price_level_equivalent, rate_year
from barometre.narrative import cite, de, elide, md_escape, publication, quote_body, quotes_anchor
from barometre.narrative import direction as narrative_direction
from barometre.narrative import quote as narrative_quote
from barometre.precision import half_unit, interval, overlap

VERIFIED = "vérifiée"
OFFICIAL_REFUTED = "démentie par les statistiques officielles"
CONSISTENT = "cohérente"
INCONSISTENT = "incohérente"
CONFIRMED = "confirmée par la suite"
REFUTED = "démentie par la suite"
UNVERIFIABLE = "invérifiable"
# a target is not a statement of fact: it is met or missed, never « démenti » (editor37)
TARGET_MET = "objectif atteint"
TARGET_MISSED = "objectif non atteint"
VERDICTS = (VERIFIED, OFFICIAL_REFUTED, CONSISTENT, INCONSISTENT, CONFIRMED, REFUTED, TARGET_MET, TARGET_MISSED,
            UNVERIFIABLE)
VERDICT_PLURALS = {VERIFIED: "vérifiées", OFFICIAL_REFUTED: "démenties par les statistiques officielles",
                   CONSISTENT: "cohérentes", INCONSISTENT: "incohérentes", CONFIRMED: "confirmées par la suite",
                   REFUTED: "démenties par la suite", TARGET_MET: "objectifs atteints",
                   TARGET_MISSED: "objectifs non atteints", UNVERIFIABLE: "invérifiables"}

FULL_TIME_HOURS = 35 * 52 / 12  # the legal full-time month: 35 h a week, 52 weeks, 12 months (151,67 h)
SMIC_DAY = (7, 1)  # the Smic of a year: the rate in force on 1 July (the revaluation date until 2009)
ABOUT = ("about",)

CHAPTER_TITLES = {
    "resilience": "La crise et la croissance",
    "offshore": "La France, la province et l'offshore",
    "prices": "Les prix, les coûts et la concentration",
    "value": "Le métier et les salaires",
    "partnership": "L'emploi et les contrats",
}


# --------------------------------------------------------------------------- intervals (rounding)


def corners(func: Callable[..., float], *ranges: tuple[float, float]) -> tuple[float, float]:
    """(min, max) of a function monotone in each argument over a box of intervals."""
    values = [func(*xs) for xs in product(*ranges)]
    return min(values), max(values)


def growth_from_parts(share_a: float, growth_a: float, growth_b: float) -> float:
    """The growth of a whole (%) from the growths of its two parts and the share of part a in the whole
    at the END of the year (both in %): last year's whole is a/(1+ga) + b/(1+gb)."""
    s, ga, gb = share_a / 100, growth_a / 100, growth_b / 100
    return (1 / (s / (1 + ga) + (1 - s) / (1 + gb)) - 1) * 100


def growth_between(start: float, end: float) -> float:
    return (end / start - 1) * 100


def average_growth(growths: Iterable[float]) -> float:
    """The compound yearly average of yearly growths (%)."""
    gs = list(growths)
    prod = math.prod(1 + g / 100 for g in gs)
    return (prod ** (1 / len(gs)) - 1) * 100


def smic_month(ds: Dataset, year: int) -> float:
    """The gross monthly Smic of a full-time employee: the hourly rate in force on 1 July × 151,67 h."""
    return ds.smic_at(date(year, *SMIC_DAY)) * FULL_TIME_HOURS


# --------------------------------------------------------------------------- claims and verdicts


@dataclass(frozen=True)
class Verdict:
    verdict: str
    evidence: str  # MyST Markdown: the computed numbers, formatted, figures linked to the annex
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One claim: where it is said, and how it is tested.

    Exactly one of ``indicator`` (a figure row), ``quote_id`` (a quote row) or ``title_of`` (the title of
    a source's publication) names what is said; ``check(ds, edition, claim, stated)`` judges it."""

    id: str
    chapter: str
    edition: int
    check: Callable[..., Verdict]
    indicator: str | None = None
    scope: str = "market"
    period: str | None = None
    source: str | None = None
    quote_id: str | None = None
    title_of: str | None = None
    topic: str = ""  # for a quote or a title: a few words, no number
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Title:
    """The title of a publication, as a claim (the article's « L'outsourcing ne connaît pas la crise »)."""

    text: str
    source_name: str
    edition: int


@dataclass(frozen=True)
class Judged:
    claim: Claim
    stated: Figure | Quote | Title
    verdict: Verdict

    @property
    def anchor(self) -> str:
        return claim_anchor(self.claim.id)


def claim_anchor(claim_id: str) -> str:
    return "claim-" + claim_id.replace("_", "-")


def stated_figure(ds: Dataset, claim: Claim) -> Figure | None:
    """The claim's own row: the edition's row of (indicator, scope, period), from ``source`` if named."""
    if claim.edition not in ds.editions:
        return None
    for f in ds.figures(claim.edition, claim.indicator):
        if f.scope == claim.scope and f.period == claim.period and f.published and (
                claim.source is None or f.source == claim.source):
            return f
    return None


def stated(ds: Dataset, claim: Claim) -> Figure | Quote | Title | None:
    if claim.indicator:
        return stated_figure(ds, claim)
    if claim.quote_id:
        return ds.quote(claim.quote_id, claim.edition) if claim.edition in ds.editions else None
    if claim.title_of:
        src = ds.sources.get(claim.title_of)
        if src is None or not src.publication_title or claim.edition not in ds.editions:
            return None
        return Title(src.publication_title, src.name, claim.edition)
    return None


def judge(ds: Dataset, edition: int, chapter: str | None = None) -> list[Judged]:
    """Every claim made by an edition up to ``edition`` (of one chapter, if given), with its verdict
    on the data known in ``edition``. A claim whose row an edition does not carry is left out.
    A chapter judges only its own claims: it then reads only their data, and the build's cache
    re-executes it only when that data changes."""
    out = []
    for claim in CLAIMS:
        if claim.edition > edition or (chapter is not None and claim.chapter != chapter):
            continue
        said = stated(ds, claim)
        if said is None:
            continue
        out.append(Judged(claim, said, claim.check(ds, edition, claim, said)))
    return out


def counts(judged: Iterable[Judged]) -> dict[str, int]:
    out = {v: 0 for v in VERDICTS}
    for j in judged:
        out[j.verdict.verdict] += 1
    return {k: v for k, v in out.items() if v}


# --------------------------------------------------------------------------- helpers for the checks


def _known(ds: Dataset, edition: int, indicator: str, scope: str = "market", period=None) -> Figure | None:
    try:
        fig = ds.known(indicator, edition, scope=scope, period=None if period is None else str(period))
    except FigureNotFound:
        return None
    # the page names editions itself: no « dernier chiffre publié » note after each figure
    return replace(fig, as_of=None) if fig is not None and fig.published else None


def _precise(ds: Dataset, edition: int, indicator: str, scope: str, period) -> Figure | None:
    """The most precise row of (indicator, scope, period) among the publications of the edition that
    gives it (as known in ``edition``): each figure is used in the form that constrains it most."""
    base = _known(ds, edition, indicator, scope, period)
    if base is None:
        return None
    rows = [f for f in ds.figures(base.edition, indicator)
            if f.scope == scope and f.period == str(period) and f.published]
    finite = [f for f in rows if all(math.isfinite(x) for x in interval(f))]
    if not finite:
        return base
    return min(finite, key=lambda f: (interval(f)[1] - interval(f)[0], f.secondary))


def _missing(ds: Dataset, edition: int, labels: Iterable[str]) -> Verdict:
    names = sorted({ds.indicators[i].label_fr for i in labels if i in ds.indicators})
    listed = ", ".join(md_escape(n[:1].lower() + n[1:]) for n in names)
    return Verdict(UNVERIFIABLE, f"Aucune édition jusqu’à celle de {edition} ne publie de quoi la tester : {listed}.")


def _across_break(ds: Dataset, a: Figure, b: Figure) -> bool:
    """Two figures a break in their series separates (``Dataset.break_between``): not compared silently."""
    return ds.break_between(a, b) is not None


SCOPES_DIFFER = ("une rupture de série sépare ces deux chiffres (l’étude ou son périmètre change) : ils ne se "
                 "comparent pas directement")


def _p(x: float, decimals: int = 1) -> str:
    return formatting.percent(x, decimals)


def _span(lo: float, hi: float, decimals: int = 1) -> str:
    return formatting.value_range(lo, hi, "percent", decimals=decimals)


def _balance(x: float) -> str:
    """« perd 500 emplois » / « gagne 500 emplois » / « ne gagne ni ne perd d’emploi »."""
    n = round(abs(x), -2)
    if n == 0:
        return "ne gagne ni ne perd d’emploi"
    return f"{'perd' if x < 0 else 'gagne'} {formatting.number(n, 0)}\u00a0emplois"


def _balance_range(lo: float, hi: float) -> str:
    a, b = round(lo, -2), round(hi, -2)
    if b < 0:
        return f"une perte de {formatting.number(-b, 0)} à {formatting.number(-a, 0)}\u00a0emplois"
    if a > 0:
        return f"un gain de {formatting.number(a, 0)} à {formatting.number(b, 0)}\u00a0emplois"
    return f"entre une perte de {formatting.number(-a, 0)} et un gain de {formatting.number(b, 0)}\u00a0emplois"


def _year(fig: Figure) -> str:
    return formatting.period_text(fig.period)


# --------------------------------------------------------------------------- checks


def check_forecast(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A forecast against the outcome a later edition publishes."""
    from barometre.narrative import direction_forecast, forecast_verdict, when_done

    target = ds.indicators[fig.indicator].forecast_of
    outcome = _known(ds, edition, target, fig.scope, fig.period)
    if outcome is None:
        return Verdict(UNVERIFIABLE, f"Aucune édition jusqu’à celle de {edition} ne publie encore le chiffre "
                                     f"réalisé de {md_escape(_year(fig))}.", (fig,))
    word = forecast_verdict(fig, outcome)
    words = direction_forecast(fig)  # a forecast of direction (« un recul ») has no number to write
    shown = cite(fig, words) if words else cite(fig)
    text = (f"Réalisé {when_done(outcome)} : {cite(outcome)} (édition {outcome.edition}), pour une prévision "
            f"{elide('de', words or formatting.figure_text(fig))}{shown}")
    if word == "prévision tenue":
        return Verdict(CONFIRMED, text + " : la prévision est tenue.", (fig, outcome))
    side = "au-delà" if ("au-delà" in word or "dépassée" in word) else "en deçà"
    return Verdict(REFUTED, text + f" : le chiffre réalisé tombe {side} de la prévision.", (fig, outcome))


def check_crisis_year(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« La crise n'a pas d'emprise »: the growth of the year after the claim's data year against it.
    Confirmed when growth does not fall (within rounding), refuted when it falls."""
    year = int(claim.params["year"])
    before = _known(ds, edition, "revenue_growth", "market", year)
    after = _known(ds, edition, "revenue_growth", "market", year + 1)
    if before is None:
        return _missing(ds, edition, ["revenue_growth"])
    if after is None:
        return Verdict(UNVERIFIABLE, f"La croissance de {year} est {cite(before)} ; aucune édition jusqu’à celle de "
                                     f"{edition} ne publie encore celle de {year + 1}, l’année de la crise.", (before,))
    lo_a, hi_a = interval(after)
    lo_b, _hi_b = interval(before)
    sign = ("elle reste positive" if lo_a > 0 else "elle devient négative" if hi_a < 0 else "elle est à peu près nulle")
    text = (f"La croissance du secteur passe {de(before)} en {year} à {cite(after)} en {year + 1} "
            f"(édition {after.edition}) : {sign}")
    if hi_a < lo_b:
        ratio = before.central / after.central if after.central > 0 else None
        extra = (f", mais elle est divisée par {formatting.number(ratio, 1)}" if ratio and ratio >= 1.5 else
                 ", mais elle ralentit")
        figs: tuple[Figure, ...] = (before, after)
        said_crisis = _crisis_words(ds, edition, year + 1)
        if said_crisis is not None:
            fig, words = said_crisis
            extra += f", ce que l’édition {fig.edition} attribue elle-même à la crise : « {words} »"
            figs = (*figs, fig) if fig not in figs else figs
        if hi_a < 0:
            extra += ". Le titre est démenti : l’activité recule"
        elif lo_a > 0:
            extra += (". Le titre est démenti au sens où le secteur a ressenti la crise, non au sens d’un recul "
                      "de son activité")
        return Verdict(REFUTED, text + extra + ".", figs)
    return Verdict(CONFIRMED, text + ", sans ralentir.", (before, after))


CRISIS_WORD = "crise"
CRISIS_WORDS_AFTER = 3  # words kept after « crise »: a short quote, not a passage


def _crisis_words(ds: Dataset, edition: int, year: int) -> tuple[Figure, str] | None:
    """The first publication (editions up to ``edition``) of the sector's growth in ``year`` whose quote
    names the crisis, with the clause that does (cut at « , », « . » and « ; », and a few words after the
    crisis), escaped for Markdown; None when none does."""
    import re

    for e in ds.editions:
        if e > edition:
            break
        for fig in ds.figures(e, "revenue_growth"):
            if fig.scope != "market" or fig.period != str(year) or not fig.published:
                continue
            for clause in re.split(r",\s|\.\s|;\s", fig.quote or ""):
                words = clause.strip(" .«»").split()
                at = next((i for i, w in enumerate(words) if CRISIS_WORD in w.lower()), None)
                if at is None:
                    continue
                kept = words[: at + CRISIS_WORDS_AFTER + 1]
                text = md_escape(" ".join(kept)) + (" […]" if len(kept) < len(words) else "")
                return replace(fig, as_of=None), text
    return None


def _agrees(a: Figure, b: Figure) -> bool:
    """Two publications of one figure agree when either's value lies within the other's rounding
    (« 20 à 25 % » agrees with « 25 % »; « 14 % » revises « 15 % »)."""
    def within(x: float, fig: Figure) -> bool:
        lo, hi = interval(fig)
        if fig.is_range or not (math.isfinite(lo) and math.isfinite(hi)):
            return lo <= x <= hi
        return abs(x - fig.central) < half_unit(fig.central, fig.unit)  # a half-unit apart is a revision

    return within(a.central, b) or within(b.central, a)


def check_restated(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A figure against what later editions republish for the same indicator, scope and period; with no
    later edition, against the other publications of the same edition."""
    later = []
    for ed in ds.editions:
        if fig.edition < ed <= edition:
            for f in ds.figures(ed, fig.indicator):
                if f.scope == fig.scope and f.period == fig.period and f.published and not f.secondary:
                    later.append(f)
    if later:
        last = later[-1]
        if _agrees(fig, last):
            return Verdict(CONFIRMED, f"L’édition {last.edition} republie {cite(last)} pour "
                                      f"{md_escape(_year(fig))}.", (fig, last))
        return Verdict(REFUTED, f"L’édition {last.edition} révise ce chiffre : {cite(last)} pour "
                                f"{md_escape(_year(fig))}.", (fig, last))
    others = [f for f in ds.figures(fig.edition, fig.indicator)
              if f.scope == fig.scope and f.period == fig.period and f.published and f.source != fig.source]
    if not others:
        return Verdict(UNVERIFIABLE, f"Aucune autre publication jusqu’à l’édition {edition} ne donne ce chiffre.",
                       (fig,))
    clash = [f for f in others if not _agrees(fig, f)]
    if clash:
        o = clash[0]
        return Verdict(INCONSISTENT, f"Une autre publication de la même édition donne {cite(o)} "
                                     f"({md_escape(o.source_name)}).", (fig, o))
    o = others[0]
    return Verdict(CONSISTENT, f"Les autres publications de la même édition donnent aussi {cite(o)} "
                               f"({md_escape(o.source_name)}).", (fig, o))


def check_decomposition(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """The market growth against its French and offshore parts weighted by the French share of revenue
    (all of the same year, as published by the claim's edition)."""
    year = claim.params.get("year", fig.period)
    parts = {}
    for key, (ind, scope) in {"market": ("revenue_growth", "market"), "france": ("revenue_growth", "france"),
                              "offshore": ("revenue_growth", "offshore"),
                              "share": ("france_revenue_share", "market")}.items():
        if fig.indicator == ind and fig.scope == scope and fig.period == str(year):
            parts[key] = fig
        else:
            parts[key] = _precise(ds, claim.edition, ind, scope, year)
    if any(v is None for v in parts.values()):
        return _missing(ds, claim.edition, ["revenue_growth", "france_revenue_share"])
    share = interval(parts["share"])
    share = (max(share[0], 0.0), min(share[1], 100.0))
    lo, hi = corners(growth_from_parts, share, interval(parts["france"]), interval(parts["offshore"]))
    central = growth_from_parts(parts["share"].central, parts["france"].central, parts["offshore"].central)
    text = (f"La France ({cite(parts['share'])} du chiffre d’affaires en {year}) croît {de(parts['france'])}, "
            f"l’offshore {de(parts['offshore'])} : ensemble, {_p(central)} (de {_span(lo, hi)} en tenant compte "
            f"des arrondis), pour une croissance publiée {de(parts['market'])}")
    figs = tuple(parts.values())
    if overlap((lo, hi), interval(parts["market"])):
        return Verdict(CONSISTENT, text + ".", figs)
    # what the French growth would have to be for the published total
    target = parts["market"].central
    s, go = parts["share"].central / 100, parts["offshore"].central / 100
    prev_total = 1 / (1 + target / 100)
    rest = prev_total - (1 - s) / (1 + go)
    need = (s / rest - 1) * 100 if rest > 0 else None
    extra = (f" ; pour {formatting.figure_text(parts['market'])}, il faudrait que la France croisse de {_p(need)}"
             if need is not None and need > -100 else "")
    return Verdict(INCONSISTENT, text + extra + ".", figs)


def sum_text(members: list[Figure], central: float) -> str:
    """The sum of published figures as the figures allow it: « plus de 99,5 % » when a part is a lower
    bound (« plus de 88 % + 11,5 % »), « moins de … » for upper bounds, « environ … » for approximations;
    a bound is never added up into a value."""
    qualifiers = {m.qualifier for m in members} - {"exact"}
    lower, upper = qualifiers & {"more_than", "at_least"}, qualifiers & {"less_than", "at_most"}
    if lower and upper:
        return f"un total sans borne sûre autour de {_p(central)}"
    if lower:
        return ("plus de " if "more_than" in lower else "au moins ") + _p(central)
    if upper:
        return ("moins de " if "less_than" in upper else "au plus ") + _p(central)
    if "about" in qualifiers:
        return "environ " + _p(central)
    return _p(central)


def check_share_sum(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """Shares of one whole, of the same year, that must add up to 100 % (``total="equal"``) or not
    exceed it (``total="at_most"``)."""
    period = claim.params.get("period", fig.period)
    members = []
    for ind, scope in claim.params["parts"]:
        if ind == fig.indicator and scope == fig.scope and period == fig.period:
            members.append(fig)
        else:
            # the claim's own edition first (an internal check); a part it lacks, from a later edition
            members.append(_precise(ds, claim.edition, ind, scope, period) or _precise(ds, edition, ind, scope, period))
    if any(m is None for m in members):
        return _missing(ds, claim.edition, [i for i, _ in claim.params["parts"]])
    lo = sum(max(interval(m)[0], 0.0) for m in members)
    hi = sum(min(interval(m)[1], 100.0) for m in members)
    central = sum(m.central for m in members)
    first = formatting.figure_text(members[0])
    listed = " + ".join([cite(members[0], first[:1].upper() + first[1:])] + [cite(m) for m in members[1:]])
    mode = claim.params.get("total", "equal")
    text = f"{listed} = {sum_text(members, central)} en {md_escape(formatting.period_text(str(period)))}"
    ok = lo <= 100 <= hi if mode == "equal" else lo <= 100
    if ok:
        tail = f" : les parts s’additionnent à {_p(100)} aux arrondis près." if mode == "equal" else \
            " : les parts ne dépassent pas le tout."
        return Verdict(CONSISTENT, text + tail, tuple(members))
    if mode == "equal":
        tail = f" : même aux arrondis près (de {_span(lo, hi)}), les parts ne font pas {_p(100)}."
    else:
        tail = " : les parts dépassent le tout."
    return Verdict(INCONSISTENT, text + tail, tuple(members))


def check_revenue_growth(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A yearly growth against the revenue of the year and of the year before."""
    year = int(fig.period)
    end = _precise(ds, claim.edition, "market_revenue", "market", year)
    start = _precise(ds, claim.edition, "market_revenue", "market", year - 1)
    if end is None or start is None:
        return _missing(ds, claim.edition, ["market_revenue"])
    lo, hi = corners(growth_between, interval(start), interval(end))
    central = growth_between(start.central, end.central)
    text = (f"Le chiffre d’affaires passe {de(start)} en {year - 1} à {cite(end)} en {year} : "
            f"{_p(central)} (de {_span(lo, hi)} aux arrondis près), pour une croissance publiée {de(fig)}")
    verdict = CONSISTENT if overlap((lo, hi), interval(fig)) else INCONSISTENT
    return Verdict(verdict, text + ".", (start, end, fig))


def check_average_growth(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A yearly average over Y1-Y2 against the yearly growths of those years."""
    first, last = (int(x) for x in fig.period.split("-"))
    years = list(range(first + 1, last + 1))  # the growths of the years after the base year Y1
    figs = [_precise(ds, claim.edition, "revenue_growth", fig.scope, y) for y in years]
    if any(f is None for f in figs):
        return _missing(ds, claim.edition, ["revenue_growth"])
    lo, hi = corners(lambda *gs: average_growth(gs), *(interval(f) for f in figs))
    central = average_growth(f.central for f in figs)
    listed = ", ".join(f"{cite(f)} en {f.period}" for f in figs)
    text = (f"Croissances publiées : {listed} ; moyenne annuelle : {_p(central)} (de {_span(lo, hi)} aux "
            f"arrondis près), pour {cite(fig)} annoncés")
    verdict = CONSISTENT if overlap((lo, hi), interval(fig)) else INCONSISTENT
    return Verdict(verdict, text + ".", (fig, *figs))


def check_growth_ratio(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """« deux fois plus forte »: the ratio of two growths against the stated relative gap."""
    year = fig.period
    a = _precise(ds, claim.edition, "revenue_growth", "france", year)
    b = _precise(ds, claim.edition, "revenue_growth", "offshore", year)
    if a is None or b is None:
        return _missing(ds, claim.edition, ["revenue_growth"])
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    if blo <= 0:
        return Verdict(UNVERIFIABLE, f"La croissance offshore ({cite(b)}) ne permet pas de rapport.", (a, b))
    lo, hi = (alo / bhi - 1) * 100, (ahi / blo - 1) * 100
    central = a.central / b.central
    # the claim's year, told in the past in any edition (nothing stale told as current)
    text = (f"En {period_end(a.period)}, France {cite(a)}, offshore {cite(b)} : la France croissait "
            f"{formatting.small_number(central, 1)} fois plus vite "
            f"(un écart de {_span(lo, hi, 0)} aux arrondis près), pour un écart annoncé {elide('de', formatting.figure_text(fig))}{cite(fig)}")
    verdict = CONSISTENT if overlap((lo, hi), interval(fig)) else INCONSISTENT
    return Verdict(verdict, text + ".", (fig, a, b))


def check_net_pay_vs_smic(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A net monthly pay against the net monthly Smic of a full-time employee (OpenFisca snapshot)."""
    table = ds.labour_cost()
    year = period_end(fig.period)
    row = table[(table["year"] == year) & (table["status"] == "computed")] if not table.empty else table
    if row.empty:
        return Verdict(UNVERIFIABLE, f"Le Smic net de {year} n’est pas dans la série de référence.", (fig,))
    net = float(row["net_wage"].iloc[0])
    gross = float(row["gross_wage"].iloc[0])
    text = (f"Le Smic d’un temps plein de {year} vaut {formatting.euros(gross)} bruts, soit {formatting.euros(net)} nets "
            f"par mois (OpenFisca France), pour {cite(fig, then=' nets')} annoncés")
    salary = _known(ds, claim.edition, "adviser_salary_gross", "market")
    if salary is not None:
        text += (f" ; le salaire brut moyen publié, {cite(salary)} en {_year(salary)}, donne environ "
                 f"{formatting.euros(salary.central * net / gross)} nets au même taux")
    _lo, hi = interval(fig)
    if hi < net:
        return Verdict(INCONSISTENT, text + " : la paie annoncée est sous le Smic net d’un temps plein.", (fig,))
    return Verdict(CONSISTENT, text + " : la paie annoncée n’est pas sous le Smic net.", (fig,))


def gbp_conversion_text(ds: Dataset, amount: Figure) -> str:
    """What the conversion between pounds and euros does to a British pay quoted in euros, from the ECB's
    daily reference rates of the latest year up to the pay's (empty when the data has none)."""
    rates = ds.gbp_per_eur()
    years = sorted({d.year for d in rates.index if d.year <= period_end(amount.period)})
    if not years:
        return ""
    y = rate_year(rates, years[-1])
    def rate(x: float) -> str:  # as the ECB publishes them, five decimals at most
        return f"{x:.5f}".rstrip("0").replace(".", ",") + "\u00a0£"
    # a past year's rates, told in the past in any edition (nothing stale told as current)
    return (f"En {y.year}, le cours de référence de la BCE allait de {rate(y.low)} par euro "
            f"({formatting.event_date(y.low_date.isoformat())}) à {rate(y.high)} "
            f"({formatting.event_date(y.high_date.isoformat())}), pour une moyenne de {rate(y.mean)} : un même salaire "
            f"en livres valait {formatting.percent(y.swing * 100, 0)} de moins en euros au cours le plus haut qu’au "
            f"plus bas, et {cite(amount)} faisaient {formatting.number(round(amount.central * y.mean), 0)}\u00a0£ au "
            "cours moyen.")


def check_pay_abroad(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A net pay abroad, quoted in euros: no series of the book measures it, so it stays unverifiable; the
    evidence says what it buys at home at Eurostat's comparative price levels (when the data has them)."""
    year = period_end(fig.period)
    abroad = ds.price_level(claim.params["country"], year)
    home = ds.price_level("france", year)
    missing = ("Le livre n’a pas de série de salaires de ce pays ni du taux de change auquel ce montant a été "
               "converti en euros")
    if abroad is None or home is None or abroad[0] != home[0]:
        return Verdict(UNVERIFIABLE, missing + ", ni de niveaux de prix comparés pour en juger le pouvoir d’achat.",
                       (fig,))
    levels_year = abroad[0]
    equivalent = price_level_equivalent(fig.central, abroad[1], home[1])
    where = scope_label(claim.scope)
    text = (f"Aux niveaux de prix de {levels_year} publiés par Eurostat (consommation des ménages, UE à 27 = 100 : "
            f"France {formatting.number(home[1], 0)}, {where} {formatting.number(abroad[1], 0)}), {cite(fig, then=' nets')} "
            f"dépensés au {where} achetaient ce que {formatting.euros(round(equivalent, -1))} achetaient en France")
    figs: tuple[Figure, ...] = (fig,)
    pay_home = _known(ds, claim.edition, fig.indicator, claim.params["home_scope"], fig.period)
    if pay_home is not None and pay_home.central > 0:
        nominal = (fig.central / pay_home.central - 1) * 100
        real = (equivalent / pay_home.central - 1) * 100
        text += (f" ; face aux {cite(pay_home, then=' nets')} cités pour la France, l’écart "
                 + ("se creuse" if real > nominal else "se réduit")
                 + f" : {formatting.percent(real, 0, signed=True)} en pouvoir d’achat au lieu de "
                 f"{formatting.percent(nominal, 0, signed=True)} en euros")
        figs = (fig, pay_home)
    conversion = gbp_conversion_text(ds, fig) if claim.params["country"] == "united_kingdom" else ""
    return Verdict(UNVERIFIABLE, text + ". " + (conversion + " " if conversion else "") + missing
                   + " : le montant lui-même reste invérifiable.", figs)


def _billions(millions: float) -> str:
    """« 1,8 milliard d’euros », « 2,04 milliards d’euros »."""
    x = millions / 1000
    return f"{formatting.number(x, 2)}\u00a0milliard{'s' if x >= 2 else ''} d’euros"


def check_market_vs_insee(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """The outsourcers' market against INSEE's call-centre sector (NAF 82.20Z), whose revenue is published
    for a later year with its average yearly growth: the level of the claim's year is back-cast at that
    growth (every rounding taken) and must lie between the barometer's activity in France and its total,
    the scopes differing by the offshore activity the barometer counts and the firms INSEE classifies."""
    insee = ds.call_centres()
    level, growth = insee.get("revenue"), insee.get("revenue_growth_yearly_average")
    if level is None or growth is None:
        return Verdict(UNVERIFIABLE, "Le dossier de données n’a pas les chiffres de l’Insee sur le secteur des "
                                     "centres d’appels.", (fig,))
    share = _known(ds, claim.edition, "france_revenue_share", "market", fig.period)
    if share is None:
        return _missing(ds, claim.edition, ["france_revenue_share"])
    year, base = period_end(fig.period), int(level["period"])
    steps = base - year
    if steps < 0:
        return Verdict(UNVERIFIABLE, f"Le chiffre de l’Insee ({level['period']}) précède celui du baromètre.", (fig,))
    l_half, g_half = half_unit(level["value"], level["unit"]), half_unit(growth["value"], growth["unit"])
    l_lo, l_hi = level["value"] - l_half, level["value"] + l_half
    g_lo, g_hi = growth["value"] - g_half, growth["value"] + g_half
    official = (l_lo / (1 + g_hi / 100) ** steps, l_hi / (1 + g_lo / 100) ** steps)
    total = interval(fig)
    s_lo, s_hi = interval(share)
    france = (total[0] * s_lo / 100, total[1] * s_hi / 100)
    text = (f"L’Insee mesure le chiffre d’affaires des entreprises dont l’activité principale est celle des centres "
            f"d’appels (code 82.20Z) : {_billions(level['value'])} en {base}, après une croissance de "
            f"{formatting.percent(growth['value'])} par an en moyenne sur la décennie précédente (Insee Première "
            f"n°\u00a01931). En remontant le temps à ce rythme, supposé régulier, le secteur pèserait "
            f"{formatting.number(official[0] / 1000, 2)} à {_billions(official[1])} en {year}. Le baromètre compte {cite(fig)} pour "
            f"les outsourceurs en {year}, dont {cite(share)} réalisés en France, soit environ {_billions(fig.central * share.central / 100)}")
    figs = (fig, share)
    other = insee.get("other_sectors_value_added_share")
    scope = (" Les champs diffèrent : le baromètre compte l’activité offshore des outsourceurs qu’il interroge ; "
             "l’Insee compte tout le chiffre d’affaires des entreprises classées dans le secteur"
             + (f", dont environ {formatting.percent(other['value'])} de la valeur ajoutée relève d’autres secteurs"
                if other is not None else "")
             + ", et aucun centre d’appels d’entreprises classées ailleurs.")
    if official[1] < france[0]:
        return Verdict(INCONSISTENT, text + " : même l’activité en France du baromètre dépasse le secteur de l’Insee."
                       + scope, figs)
    if official[0] > total[1]:
        return Verdict(INCONSISTENT, text + " : le secteur de l’Insee dépasse tout le marché du baromètre, offshore "
                       "compris." + scope, figs)
    where = ("entre les deux" if official[0] >= france[0] and official[1] <= total[1]
             else "au niveau de l’un ou de l’autre")
    return Verdict(CONSISTENT, text + f" : l’estimation de l’Insee se situe {where}." + scope, figs)


SALARY_WORDS = {"adviser_salary_gross": "salaire moyen", "reported_salary_gross": "niveau de salaire"}


def check_salary_above_smic(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """An average gross monthly salary (or, with ``above_minimum``, the collective minimum it implies)
    against the gross monthly Smic of a full-time employee: « cohérente » above it (plausible, nothing
    independent confirms it), refuted by the official series below it."""
    year = period_end(fig.period)
    try:
        smic = smic_month(ds, year)
    except FigureNotFound:
        return Verdict(UNVERIFIABLE, f"Le Smic de {year} n’est pas dans la série de référence.", (fig,))
    figs: tuple[Figure, ...] = (fig,)
    if claim.params.get("above_minimum"):
        # the level the gap is said of: the report's own salary level when it gives one (2009), else the average
        level = next((i for i in ("reported_salary_gross", "adviser_salary_gross") if i in ds.indicators
                      and _known(ds, claim.edition, i, "market", fig.period) is not None), "adviser_salary_gross")
        salary = _known(ds, claim.edition, level, "market", fig.period)
        if salary is None:
            return _missing(ds, claim.edition, [level])
        interval(salary)[0] / (1 + interval(fig)[1] / 100)
        hi = interval(salary)[1] / (1 + interval(fig)[0] / 100)
        minimum = salary.central / (1 + fig.central / 100)
        text = (f"Un {SALARY_WORDS.get(salary.indicator, 'salaire moyen')} {de(salary)} supérieur {elide('de', formatting.figure_text(fig))}{cite(fig)} au minimum "
                f"conventionnel place ce minimum vers {formatting.euros(minimum)} bruts par mois ; le Smic d’un temps "
                f"plein de {year} est de {formatting.euros(smic)} bruts (taux horaire au 1er juillet × 151,67 h)")
        figs = (fig, salary)
    else:
        _lo, hi = interval(fig)
        minimum = fig.central
        words = SALARY_WORDS.get(fig.indicator, "salaire moyen")
        text = (f"{words.capitalize()} en {period_end(fig.period)} : {cite(fig)} ; Smic d’un temps plein de {year} : "
                f"{formatting.euros(smic)} bruts (taux horaire au 1er juillet × 151,67 h), soit un {words} "
                f"{formatting.percent(growth_between(smic, fig.central))} au-dessus")  # as the value chapter says it
    if hi < smic:
        return Verdict(OFFICIAL_REFUTED, text + " : le chiffre tombe sous le Smic.", figs)
    # above the Smic makes the amount plausible, not confirmed: no independent source publishes the advisers'
    # pay (« vérifiée » is kept for what an official series confirms, the Smic's rise)
    return Verdict(CONSISTENT, text + " : le montant est plausible, au-dessus du Smic comme la loi l’exige ; aucune "
                   "source indépendante ne publie le salaire moyen des conseillers.", figs)


def check_smic_rise(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """« le Smic a augmenté de plus de 35 % » against the legal rates (the prices chapter's check)."""
    first, last = (int(x) for x in fig.period.split("-"))
    smic = ds.smic_hourly()
    start_day, end_day = date(first, *SMIC_DAY), date(last, *SMIC_DAY)
    a = smic[smic["effective_date"] <= start_day.isoformat()]
    b = smic[smic["effective_date"] <= end_day.isoformat()]
    if a.empty or b.empty:
        return Verdict(UNVERIFIABLE, "La série du Smic ne couvre pas ces années.", (fig,))
    a, b = a.iloc[-1], b.iloc[-1]
    rise = percent_change(float(a["eur"]), float(b["eur"]))
    holds = claim_holds(rise, fig.central, fig.qualifier)
    text = (f"Le Smic horaire brut passe de {formatting.euros(float(a['eur']), 2)} au 1er juillet {first} "
            f"({md_escape(str(a['legal_text']))}) à {formatting.euros(float(b['eur']), 2)} au 1er juillet {last} "
            f"({md_escape(str(b['legal_text']))}) : {_p(rise)}, pour {cite(fig)} annoncés")
    return Verdict(VERIFIED if holds else OFFICIAL_REFUTED, text + ".", (fig,))


def check_share_trend(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« L'offshore arriverait à un seuil », « stabilisation »: the offshore share of revenue after the
    claim's year. Refuted when it keeps rising beyond rounding; confirmed when it stays put."""
    since = int(claim.params["since"])
    indicator = claim.params.get("indicator", "offshore_revenue_share")
    series = ds.series(indicator, upto=edition)
    if series.empty:
        return _missing(ds, edition, [indicator])
    series = series[series["period"].str.fullmatch(r"\d{4}")]
    series = series.assign(year=series["period"].astype(int))
    start_rows = series[series["year"] == since]
    later = series[series["year"] > since]
    if start_rows.empty or later.empty:
        return Verdict(UNVERIFIABLE, f"Aucune édition jusqu’à celle de {edition} ne publie la part de l’offshore "
                                     f"après {since}.")
    start = ds.known(indicator, edition, scope="market", period=str(since))
    # the latest year of the same series: a share after a break in the series is not compared with it
    comparable = [int(y) for y in later["year"]
                  if not _across_break(ds, start, ds.known(indicator, edition, scope="market", period=str(y)))]
    if not comparable:
        end_year = int(later["year"].max())
        end = ds.known(indicator, edition, scope="market", period=str(end_year))
        return Verdict(UNVERIFIABLE, f"La part de l’offshore dans le chiffre d’affaires est {de(start)} en {since} "
                                     f"et {cite(end)} en {end_year}, mais {SCOPES_DIFFER}.", (start, end))
    end_year = max(comparable)
    end = ds.known(indicator, edition, scope="market", period=str(end_year))
    text = f"La part de l’offshore dans le chiffre d’affaires passe {de(start)} en {since} à {cite(end)} en {end_year}"
    if claim.params.get("as_trend"):
        # a figure of its year read as a trend (« désormais »): the year is judged elsewhere on the page, this
        # verdict is on whether it lasted (« démentie par la suite » alone read as if 2008's figures were wrong:
        # editor37)
        text = f"L’écart de {since} est jugé plus haut ; reste à savoir s’il a duré : l{text[1:]}"
    after, figs = _later_outside_france(ds, edition, end), (start, end)
    if after is not None:
        figs = (start, end, after[0])
    if interval(end)[0] > interval(start)[1]:
        gain = end.central - start.central
        return Verdict(REFUTED, text + f" : elle gagne {formatting.points(gain, 1, signed=False)}, "
                                       f"sans palier{after[1] if after else ''}.", figs)
    if interval(end)[1] < interval(start)[0]:
        return Verdict(REFUTED, text + f" : elle recule{after[1] if after else ''}.", figs)
    return Verdict(CONFIRMED, text + f" : elle se stabilise{after[1] if after else ''}.", figs)


def _later_outside_france(ds: Dataset, edition: int, end: Figure) -> tuple[Figure, str] | None:
    """The share of revenue made outside France in the latest year after ``end`` (the offshore series' last
    figure) that France's share
    (``france_revenue_share``) gives, once the offshore series itself has stopped: the later study splits the
    rest of the world into zones (nearshore, Africa…) and no longer publishes one offshore share. Told as what
    it is, France's complement on another basis: « ; sur le champ de l'étude suivante, 54 % du chiffre
    d'affaires est produit hors de France en 2024 (46 % en France) »."""
    series = ds.series("france_revenue_share", upto=edition)
    series = series[(series["scope"] == "market") & series["period"].str.fullmatch(r"\d{4}")]
    years = sorted(int(p) for p in series["period"] if int(p) > int(end.period))
    if not years:
        return None
    fig = ds.known("france_revenue_share", edition, scope="market", period=str(years[-1]))
    if fig is None:
        return None
    basis = "sur le champ de l’étude suivante" if ds.break_between(end, fig) else "ensuite"
    return fig, (f" ; {basis}, {formatting.complement_text(fig)} du chiffre d’affaires est produit hors de France "
                 f"en {years[-1]} ({cite(fig)} en France)")


def check_slowdown(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« se poursuit, mais doucement »: growth of the year positive and below the year before."""
    year = int(claim.params["year"])
    now = _known(ds, edition, "revenue_growth", "market", year)
    before = _known(ds, edition, "revenue_growth", "market", year - 1)
    if now is None or before is None:
        return _missing(ds, edition, ["revenue_growth"])
    text = f"Croissance : {cite(before)} en {year - 1}, {cite(now)} en {year}"
    if _across_break(ds, before, now):
        return Verdict(UNVERIFIABLE, f"{text} ; {SCOPES_DIFFER}.", (before, now))
    if interval(now)[0] > 0 and interval(now)[1] < interval(before)[0]:
        return Verdict(CONSISTENT, text + " : elle se poursuit en ralentissant.", (before, now))
    return Verdict(INCONSISTENT, text + " : ce n’est pas une croissance qui se poursuit en ralentissant.",
                   (before, now))


def check_crisis_drives(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« la crise renforce l'externalisation » / « forte croissance » in the crisis year: growth of the
    crisis year against the years before it (as known in ``edition``)."""
    year = int(claim.params["year"])
    now = _known(ds, edition, "revenue_growth", "market", year)
    if now is None:
        return Verdict(UNVERIFIABLE, f"Aucune édition jusqu’à celle de {edition} ne publie encore la croissance de "
                                     f"{year}.")
    # only the years of the same series: a growth rate across a break measures another scope
    earlier = [f for f in (_known(ds, edition, "revenue_growth", "market", y) for y in range(year - 6, year))
               if f is not None and not _across_break(ds, f, now)]
    if not earlier:
        return _missing(ds, edition, ["revenue_growth"])
    low = min(earlier, key=lambda f: f.central)
    since = min(int(f.period) for f in earlier)
    # the years before it in the same series only (2006, about 11 %, is the KPMG study's): said so
    before = formatting.enumeration([f"{cite(f)} en {f.period}" for f in sorted(earlier, key=lambda f: f.period)])
    text = (f"En {year}, la croissance a été {de(now)} (édition {now.edition}), contre {before}, "
            f"{'l’année précédente' if len(earlier) == 1 else 'les années précédentes'} de la même série "
            f"(commencée en {since})")
    if interval(now)[1] < interval(low)[0]:
        # compared with the years before it only: a later year (2013, −1,7 %) may fall lower, hence « jusque-là »
        return Verdict(REFUTED, text + " : la plus faible croissance de la série jusque-là.", (now, low))
    return Verdict(CONFIRMED, text + " : pas moins que la plus faible d’entre elles.", (now, low))


def check_regular_growth(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« une croissance régulière depuis Y »: every yearly growth positive, and none below half the one
    before (a halving is not regular)."""
    first, last = int(claim.params["since"]), int(claim.params["until"])
    figs = [_known(ds, edition, "revenue_growth", "market", y) for y in range(first, last + 1)]
    if any(f is None for f in figs):
        return _missing(ds, edition, ["revenue_growth"])
    listed = ", ".join(f"{cite(f)} en {f.period}" for f in figs)
    if any(_across_break(ds, a, b) for a, b in pairwise(figs)):
        return Verdict(UNVERIFIABLE, f"Croissances : {listed} ; une rupture de série coupe la période (l’étude ou "
                                     "son périmètre change) : leur régularité ne se juge pas d’un bout à l’autre.",
                       tuple(figs))
    drops = [(a, b) for a, b in pairwise(figs) if interval(b)[1] < interval(a)[0] / 2]
    if any(interval(f)[1] <= 0 for f in figs):
        return Verdict(INCONSISTENT, f"Croissances : {listed} ; au moins une année sans croissance.", tuple(figs))
    if drops:
        a, b = drops[0]
        return Verdict(INCONSISTENT, f"Croissances : {listed} ; de {a.period} à {b.period}, la croissance est plus "
                                     "que divisée par deux : elle est positive chaque année, mais pas régulière.",
                       tuple(figs))
    return Verdict(CONSISTENT, f"Croissances : {listed} : positives chaque année, sans chute de moitié.", tuple(figs))


def check_announced_fall(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« un impact négatif en 2013 … des fermetures de sites, des restructurations »: the year's growth of the
    sector as later published, with the closures and job cuts the same edition counts (editor37: the 2024 book
    judged only « régulière » while it publishes 2013's fall, a dozen sites closed and 4 000 jobs cut)."""
    year = int(claim.params["year"])
    now = _known(ds, edition, "revenue_growth", "market", year)
    if now is None:
        return Verdict(UNVERIFIABLE, f"Aucune édition jusqu’à celle de {edition} ne publie encore la croissance de "
                                     f"{year}.")
    low, high = interval(now)
    if low > 0:
        return Verdict(REFUTED, f"En {year}, le chiffre d’affaires du secteur progresse "
                                f"{de(now, magnitude=True)} (édition {now.edition}).", (now,))
    if high >= 0:
        return Verdict(UNVERIFIABLE, f"En {year}, le chiffre d’affaires du secteur varie {de(now)} (édition "
                                     f"{now.edition}) : ni hausse ni recul net.", (now,))
    text = f"En {year}, le chiffre d’affaires du secteur recule {de(now, magnitude=True)} (édition {now.edition})"
    sites = _known(ds, edition, "sites_closed", "market", year)
    jobs = _known(ds, edition, "jobs_destroyed", "france", year)
    done = []
    if sites is not None:
        done.append(f"la fermeture {de(sites)} sites")
    if jobs is not None:
        done.append(f"la suppression {de(jobs)} emplois en France")
    figs = tuple(f for f in (now, sites, jobs) if f is not None)
    editions = sorted({f.edition for f in figs[1:]})
    if done:
        text += (f" ; {'la même édition' if editions == [now.edition] else 'le baromètre'} compte "
                 f"{formatting.enumeration(done)}")
    return Verdict(CONFIRMED, text + ".", figs)


def check_first_decline(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« Pour la première fois, l'activité … est globalement en décroissance en 2013 »: the year's growth of the
    sector negative, and no earlier published year of the same series negative (editor37: no claim of 2012-2019
    was tested)."""
    year = int(claim.params["year"])
    now = _known(ds, edition, "revenue_growth", "market", year)
    if now is None:
        return _missing(ds, edition, ["revenue_growth"])
    earlier = [f for f in (_known(ds, edition, "revenue_growth", "market", y) for y in range(year - 12, year))
               if f is not None]
    if not earlier:
        return _missing(ds, edition, ["revenue_growth"])
    span = f"de {min(int(f.period) for f in earlier)} à {max(int(f.period) for f in earlier)}"
    falls = [f for f in earlier if interval(f)[1] < 0]
    text = f"En {year}, la croissance du secteur a été {de(now)} (édition {now.edition})"
    if interval(now)[0] >= 0:
        return Verdict(INCONSISTENT, text + " : ce n’est pas un recul.", (now,))
    if falls:
        listed = formatting.enumeration([f"{cite(f, signed=True)} en {f.period}" for f in falls])
        return Verdict(INCONSISTENT, text + f" ; mais les années publiées {span} comptent déjà un recul : {listed}.",
                       (now, *falls))
    return Verdict(CONSISTENT, text + f" ; aucune des années publiées {span} ne montre de recul : c’est le premier "
                                      "de la série.", (now, *earlier))


def check_always_double_digit(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« Le secteur a toujours connu une forte croissance, bien souvent à deux chiffres » / « a toujours connu une
    croissance forte à deux chiffres »: the sector's published yearly growths before the year of the words
    (``params["before"]``), as known in ``edition``. ``params["often"]``: « bien souvent » (most years at least
    10 %) rather than « toujours » (every year)."""
    before = int(claim.params["before"])
    figs = [f for f in (_known(ds, edition, "revenue_growth", "market", y) for y in range(before - 12, before))
            if f is not None]
    if not figs:
        return _missing(ds, edition, ["revenue_growth"])
    below = [f for f in figs if interval(f)[1] < 9.95]  # « à deux chiffres »: 10 % and more, rounded
    span = f"de {min(int(f.period) for f in figs)} à {max(int(f.period) for f in figs)}"
    text = (f"Des années publiées {span}, {formatting.count_words(len(figs) - len(below), 'est', 'sont')} à deux "
            "chiffres")
    if below:
        listed = formatting.enumeration([f"{cite(f, signed=f.central < 0)} en {f.period}" for f in below])
        text += f" ; les autres non : {listed}"
    if claim.params.get("often"):
        holds = len(below) * 2 < len(figs)
        word = "la plupart" if holds else "moins de la moitié"
        return Verdict(CONSISTENT if holds else INCONSISTENT, text + f" : {word} des années.", tuple(figs))
    return Verdict(CONSISTENT if not below else INCONSISTENT,
                   text + (" : toutes." if not below else " : pas « toujours »."), tuple(figs))


def check_multiple(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« le marché a quadruplé »: the ratio of two published figures (``params``: the newer and the older,
    as (indicator, scope, period)) against the multiple said, a spoken whole number standing for half a unit
    either side; the two figures' scopes are named when their rows say they differ."""
    new = _known(ds, edition, *claim.params["newer"])
    old = _known(ds, edition, *claim.params["older"])
    if new is None or old is None or old.central <= 0:
        return _missing(ds, edition, [claim.params["newer"][0], claim.params["older"][0]])
    factor = float(claim.params["factor"])
    lo = interval(new)[0] / interval(old)[1]
    hi = interval(new)[1] / interval(old)[0]
    ratio = new.central / old.central
    shown = formatting.number(ratio, 1)
    text = (f"{cite(new)} en {period_end(new.period)} contre {cite(old)} en {period_end(old.period)} : "
            f"×\u00a0{shown}, pour un facteur de {formatting.number(factor, 0)} annoncé")
    if claim.params.get("scopes_differ"):
        text += f" ; {claim.params['scopes_differ']}"
    if hi < factor - 0.5 or lo >= factor + 0.5:
        return Verdict(INCONSISTENT, text + ".", (new, old))
    return Verdict(CONSISTENT, text + ".", (new, old))


def check_continuity(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« dans la continuité des années antérieures »: the year's growth within the range of the
    earlier years' growths."""
    year = int(claim.params["year"])
    now = _known(ds, edition, "revenue_growth", "market", year)
    earlier = [f for f in (_known(ds, edition, "revenue_growth", "market", y) for y in range(year - 8, year))
               if f is not None]
    if now is None or not earlier:
        return _missing(ds, edition, ["revenue_growth"])
    low, high = min(earlier, key=lambda f: f.central), max(earlier, key=lambda f: f.central)
    text = (f"Croissance de {year} : {cite(now)} ; les années précédentes publiées vont {de(low)} "
            f"({low.period}) à {cite(high)} ({high.period})")
    if interval(low)[0] <= now.central <= interval(high)[1]:
        return Verdict(CONSISTENT, text + " : l’année reste dans cette fourchette.", (now, low, high))
    return Verdict(INCONSISTENT, text + " : l’année sort de cette fourchette.", (now, low, high))


def check_offshore_acceleration(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« une tendance à l'offshore qui s'est légèrement accélérée en Y »: the offshore growth and the
    gain of offshore share in Y against Y−1. Inconsistent when neither rises."""
    year = int(claim.params["year"])
    g_now, g_before = (_known(ds, edition, "revenue_growth", "offshore", y) for y in (year, year - 1))
    s = {y: _known(ds, edition, "offshore_revenue_share", "market", y) for y in (year - 2, year - 1, year)}
    if g_now is None or g_before is None or any(v is None for v in s.values()):
        return _missing(ds, edition, ["revenue_growth", "offshore_revenue_share"])
    gain_now = s[year].central - s[year - 1].central
    gain_before = s[year - 1].central - s[year - 2].central
    text = (f"Croissance de l’offshore : {cite(g_before)} en {year - 1}, {cite(g_now)} en {year} ; sa part du chiffre "
            f"d’affaires de {year - 2} à {year} : {cite(s[year - 2])}, {cite(s[year - 1])} puis {cite(s[year])} "
            f"({formatting.points(gain_before)} puis {formatting.points(gain_now)})")
    faster = g_now.central > g_before.central or gain_now > gain_before
    if faster:
        return Verdict(CONSISTENT, text + ".", (g_before, g_now, *s.values()))
    return Verdict(INCONSISTENT, text + " : ni la croissance ni le gain de part ne s’accélèrent.",
                   (g_before, g_now, *s.values()))


def check_top10_vs_top50(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """The ten largest firms' share of the whole market cannot exceed their share of the Top 50
    (the Top 50 is part of the market)."""
    year = claim.params["top50_period"]
    top50 = _precise(ds, claim.edition, "top10_market_share", "top50", year)
    if top50 is None:
        return _missing(ds, claim.edition, ["top10_market_share"])
    text = (f"Les dix premiers faisaient {cite(top50)} du chiffre d’affaires du Top 50 en {year} ; leur part du "
            f"marché entier, qui contient le Top 50, ne peut pas être plus forte : {cite(fig)} annoncés")
    if interval(fig)[0] <= interval(top50)[1]:
        return Verdict(CONSISTENT, text + " le permettent, si le reste du marché pèse peu.", (fig, top50))
    return Verdict(INCONSISTENT, text + " dépassent cette borne.", (fig, top50))


def check_share_of_revenues(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A stated share (the SP2C members' « 70 à 75 % » of the market) against the two revenues the same
    edition publishes (the members' and the market's): their ratio, with the rounding of each."""
    part = _precise(ds, claim.edition, claim.params["part"], "market", fig.period)
    whole = _precise(ds, claim.edition, claim.params["whole"], "market", fig.period)
    if part is None or whole is None:
        return _missing(ds, claim.edition, [claim.params["part"], claim.params["whole"]])
    lo, hi = corners(lambda a, b: 100 * a / b, interval(part), interval(whole))
    central = 100 * part.central / whole.central
    text = (f"{cite(part)} sur {cite(whole)} en {md_escape(formatting.period_text(fig.period))} font "
            f"{_p(central)} (de {_span(lo, hi)} aux arrondis près), pour {cite(fig)} annoncés")
    if overlap((lo, hi), interval(fig)):
        return Verdict(CONSISTENT, text + ".", (fig, part, whole))
    below = hi < interval(fig)[0]
    side = "en deçà" if below else "au-delà"
    # how far, from the nearest end of the share said (editor37: a spoken « 70 à 75 % » against 68,5 % reads
    # differently from a wide miss)
    gap = interval(fig)[0] - central if below else central - interval(fig)[1]
    return Verdict(INCONSISTENT, text + f" : le rapport des deux chiffres publiés tombe "
                   f"{formatting.points(gap, 1, signed=False)} {side} de la part annoncée.", (fig, part, whole))


def check_province_jobs(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """« Pour la première fois, les effectifs en Île-de-France ont baissé et 75 % des nouveaux emplois
    ont été créés en province »: the jobs created in the market, in the province (the share) and
    offshore leave Île-de-France its change."""
    year = period_end(fig.period)
    total = _precise(ds, claim.edition, "jobs_created", "market", year)
    offshore = _precise(ds, claim.edition, "jobs_created", "offshore", year)
    if total is None or offshore is None:
        return _missing(ds, claim.edition, ["jobs_created"])
    (tlo, thi), (olo, ohi), (slo, shi) = interval(total), interval(offshore), interval(fig)
    idf = lambda t, s, o: t - t * s / 100 - o  # noqa: E731
    lo, hi = corners(idf, (tlo, thi), (slo, shi), (olo, ohi))
    central = idf(total.central, fig.central, offshore.central)
    text = (f"Sur {cite(total, then=' emplois')} créés en {year}, dont {cite(offshore)} à l’offshore, la province en prend "
            f"{cite(fig)} : l’Île-de-France {_balance(central)} ({_balance_range(lo, hi)} aux arrondis près)")
    figs: tuple[Figure, ...] = (fig, total, offshore)
    france = _precise(ds, claim.edition, "jobs_created", "france", year)
    if france is not None:
        # the other reading: the share is of the jobs created in France only
        rest = france.central * (1 - fig.central / 100)
        text += (f" ; si la part ne porte que sur les {cite(france, then=' emplois')} créés en France, l’Île-de-France "
                 f"{_balance(rest)}, et la baisse ne tient plus")
        figs = (*figs, france)
    if hi < 0:
        return Verdict(CONSISTENT, text + " : lue sur tous les emplois créés, la part implique bien une baisse "
                                          "en Île-de-France.", figs)
    if lo < 0:
        return Verdict(CONSISTENT, text + " : une baisse en Île-de-France reste possible.", figs)
    return Verdict(INCONSISTENT, text + " : l’Île-de-France ne peut pas avoir baissé.", figs)


def check_staff_growth(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A staff growth against the staff of the two years (France + offshore when the market is not given)
    or against the jobs created."""
    year = int(fig.period)
    edition_used = max(claim.edition, edition) if claim.params.get("later") else claim.edition

    def staff(y):
        whole = _precise(ds, edition_used, "staff", "market", y)
        if whole is not None:
            return [whole]
        parts = [_precise(ds, edition_used, "staff", s, y) for s in ("france", "offshore")]
        return parts if all(p is not None for p in parts) else None

    end, start = staff(year), staff(year - 1)
    figs: list[Figure] = [fig]
    if end is not None and start is not None and claim.params.get("via") != "jobs":
        e = (sum(interval(f)[0] for f in end), sum(interval(f)[1] for f in end))
        s = (sum(interval(f)[0] for f in start), sum(interval(f)[1] for f in start))
        lo, hi = e[0] / s[1] * 100 - 100, e[1] / s[0] * 100 - 100
        central = sum(f.central for f in end) / sum(f.central for f in start) * 100 - 100
        text = (f"Effectifs : {' + '.join(cite(f) for f in start)} en {year - 1}, {' + '.join(cite(f) for f in end)} "
                f"en {year} : {_p(central)} (de {_span(lo, hi)} aux arrondis près), pour {cite(fig)} annoncés")
        figs += [*start, *end]
    else:
        created = _precise(ds, edition_used, "jobs_created", "market", year)
        end_staff = _precise(ds, edition_used, "staff", "market", year)
        if created is None or end_staff is None:
            return _missing(ds, edition_used, ["staff", "jobs_created"])
        (clo, chi), (elo, ehi) = interval(created), interval(end_staff)
        lo, hi = clo / (ehi - clo) * 100, chi / (elo - chi) * 100
        central = created.central / (end_staff.central - created.central) * 100
        text = (f"{cite(created, then=' emplois')} créés en {year} pour {cite(end_staff, then=' salariés')} en fin d’année : "
                f"{_p(central)} (de {_span(lo, hi)} aux arrondis près), pour {cite(fig)} annoncés")
        figs += [created, end_staff]
    verdict = CONSISTENT if overlap((lo, hi), interval(fig)) else INCONSISTENT
    return Verdict(verdict, text + ".", tuple(figs))


def check_staff_parts(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """Staff in France + offshore = the market's staff."""
    year = fig.period
    parts = [_precise(ds, claim.edition, "staff", s, year) for s in ("france", "offshore")]
    if any(p is None for p in parts):
        return _missing(ds, claim.edition, ["staff"])
    lo = sum(interval(p)[0] for p in parts)
    hi = sum(interval(p)[1] for p in parts)
    total = sum(p.central for p in parts)
    text = (f"{cite(parts[0])} en France + {cite(parts[1])} à l’offshore = {formatting.number(total, 0)}, "
            f"pour {cite(fig)} au total")
    verdict = CONSISTENT if overlap((lo, hi), interval(fig)) else INCONSISTENT
    return Verdict(verdict, text + ".", (fig, *parts))


def check_jobs_vs_staff(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """Net jobs created in France in Y against the French staff of Y and Y−1 (as known in the book)."""
    year = int(fig.period)
    end = _precise(ds, edition, "staff", fig.scope, year)
    start = _precise(ds, edition, "staff", fig.scope, year - 1)
    if end is None or start is None:
        return _missing(ds, edition, ["staff"])
    lo = interval(end)[0] - interval(start)[1]
    hi = interval(end)[1] - interval(start)[0]
    diff = end.central - start.central
    text = (f"Effectifs en France : {cite(start)} en {year - 1}, {cite(end)} en {year}, soit "
            f"{formatting.number(diff, 0)} de plus, pour {cite(fig, then=' emplois')} créés annoncés")
    verdict = CONSISTENT if overlap((lo, hi), interval(fig)) else INCONSISTENT
    return Verdict(verdict, text + ".", (fig, start, end))


def check_graduates(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """« plus de la moitié (56 %) ont un niveau supérieur à bac + 1 » against « 59 % bac + 1 et plus »:
    a stricter threshold cannot give a larger share."""
    wider = next((f for f in ds.figures(fig.edition, fig.indicator)
                  if f.scope == fig.scope and f.period == fig.period and f.source == claim.params["wider_source"]),
                 None)
    if wider is None:
        return _missing(ds, claim.edition, [fig.indicator])
    text = (f"{cite(fig)} au-delà de bac + 1 ({md_escape(fig.source_name)}) et {cite(wider)} à bac + 1 et plus "
            f"({md_escape(wider.source_name)}) : un seuil plus haut donne une part plus petite")
    if interval(fig)[0] <= interval(wider)[1]:
        return Verdict(CONSISTENT, text + ", ce qui est le cas.", (fig, wider))
    return Verdict(INCONSISTENT, text + ", ce qui n’est pas le cas.", (fig, wider))


def check_sp2c_panel(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """« une trentaine de membres, environ 80 % du secteur »: the study's panel (SP2C members who
    answered) cannot weigh more than the union."""
    coverage = _known(ds, claim.edition, "sp2c_revenue_coverage", "market", claim.params["period"])
    panel = _known(ds, claim.edition, "panel_market_share", "market", claim.params["period"])
    if coverage is None or panel is None:
        return _missing(ds, claim.edition, ["sp2c_revenue_coverage", "panel_market_share"])
    # the claim's year, told in the past in any edition (nothing stale told as current)
    text = (f"En {period_end(panel.period)}, les répondants de l’étude faisaient {cite(panel)} du marché, le SP2C "
            f"{cite(coverage)} : le panel était une partie du syndicat")
    if interval(panel)[0] <= interval(coverage)[1]:
        return Verdict(CONSISTENT, text + ", et pesait moins que lui.", (panel, coverage))
    return Verdict(INCONSISTENT, text + ", mais pesait plus que lui.", (panel, coverage))


def check_hires_vs_created(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """People hired since January (gross hires) against the net jobs a later edition says were created that
    year. Net creations can neither confirm nor refute gross hires: the claim stays unverifiable, and the
    page shows what the later editions do publish."""
    year = period_end(fig.period)
    created = _known(ds, edition, "jobs_created", "france", year)
    if created is None:
        return Verdict(UNVERIFIABLE, f"Aucune édition jusqu’à celle de {edition} ne publie les emplois créés en "
                                     f"France en {year}.", (fig,))
    return Verdict(UNVERIFIABLE, f"Les éditions suivantes publient des créations nettes d’emplois, pas des "
                                 f"recrutements : {cite(created, then=' emplois')} nets créés en France en {year} (édition "
                                 f"{created.edition}). Des recrutements comptent aussi les remplacements : ce chiffre "
                                 "ne confirme ni ne dément le leur.", (fig, created))


def unverifiable(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """No data of the book can test the claim; ``params["why"]`` names what is missing (no number)."""
    return Verdict(UNVERIFIABLE, claim.params["why"], (said,) if isinstance(said, Figure) else ())


def check_price_later(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """A price claim no series tests (``params["why"]``); INSEE's later production prices of the call-centre
    sector, when the data folder has them, say what came next, not whether the claim held."""
    verdict = unverifiable(ds, edition, claim, said)
    prices = ds.call_centres().get("production_price_change_yearly_average")
    if prices is None:
        return verdict
    start, end = periods.years(prices["period"], period_end(prices["period"]))
    if start <= period_end(getattr(said, "period", "0")):
        return verdict  # only what came after the claim's years
    word = narrative_direction(prices["value"], up="montent", down="baissent", flat="stagnent")
    text = (verdict.evidence + f" Pour la suite, l’Insee mesure les prix de production du secteur des centres "
            f"d’appels (code 82.20Z) : ils {word} de {formatting.percent(abs(prices['value']))} par an en moyenne "
            f"de {start} à {end} (Insee Première n°\u00a01931), ce qui ne dit rien des années de l’affirmation.")
    return Verdict(UNVERIFIABLE, text, verdict.figures)


def check_jobs_target(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """« passer de 250 000 à 400 000 emplois »: set against the customer-relations jobs (in-house and
    outsourced) a later edition counts in France, when one does (the 2024 edition: 290 000 in 2025); else
    invérifiable, with the outsourcers' own staff shown as what is known."""
    later = _known(ds, edition, "customer_relation_jobs", "france")
    if later is not None and later.edition > fig.edition:
        reached = later.bounds[0] >= fig.central
        who = later.attribution if later.source_type == "interview" else "une source citée"
        # one parenthesis: « selon Caroline Adam (déléguée générale du SP2C, édition 2024) »
        who = (who[:-1] + f", édition {later.edition})" if who.endswith(")")
               else who + f" (édition {later.edition})")
        elapsed = period_end(later.period) - period_end(fig.period)
        after = f"{elapsed} ans après, " if elapsed > 1 else ""
        text = (f"En {_year(later)}, la filière compte {cite(later)} emplois en France, selon {md_escape(who)} : "
                f"{after}l’objectif {elide('de', formatting.figure_text(fig))}"
                f"{cite(fig)} {'est atteint' if reached else 'n’est pas atteint'}.")
        return Verdict(TARGET_MET if reached else TARGET_MISSED, text, (fig, later))
    # the target counts jobs in France: the outsourcers' staff in France, never their staff worldwide (100 000 in
    # 2011, of whom 39 % offshore: editor37)
    staff = _known(ds, edition, "staff", "france")
    text = ("Aucune édition ne recompte les emplois de la relation client, centres internes compris, "
            "après cette déclaration")
    figs: tuple[Figure, ...] = (fig,)
    if staff is not None and staff.edition > fig.edition:
        text += (f" ; les seuls effectifs des outsourceurs en France, une partie de ce total, "
                 f"{'sont' if staff.edition == edition else 'étaient'} {de(staff)} en {_year(staff)}"
                 + ("" if staff.edition == edition else f" (édition {staff.edition})"))
        figs = (fig, staff)
    return Verdict(UNVERIFIABLE, text + ".", figs)


# --------------------------------------------------------------------------- the registry


def _fig(id_, chapter, edition, check, indicator, period, scope="market", source=None, **params) -> Claim:
    return Claim(id_, chapter, edition, check, indicator=indicator, scope=scope, period=str(period), source=source,
                 params=params)


def _quote(id_, chapter, edition, check, quote_id, topic, **params) -> Claim:
    return Claim(id_, chapter, edition, check, quote_id=quote_id, topic=topic, params=params)


_SHARES = [("france_revenue_share", "market"), ("offshore_revenue_share", "market")]

CLAIMS: list[Claim] = [
    # ---- la crise et la croissance (the article, edition 2008, and the other editions' words)
    Claim("title_no_crisis", "resilience", 2008, check_crisis_year, title_of="claire_morel",
          topic="Le titre de l’article", params={"year": 2008}),
    _fig("market_2010_insee", "resilience", 2010, check_market_vs_insee, "market_revenue", 2010,
         source="finyear_2011_09_22"),
    _fig("growth_2008", "resilience", 2008, check_restated, "revenue_growth", 2008, source="barometer_bearingpoint_sp2c"),
    _fig("growth_2008_revenue", "resilience", 2008, check_revenue_growth, "revenue_growth", 2008,
         source="barometer_bearingpoint_sp2c"),
    _fig("growth_2007_revenue", "resilience", 2007, check_revenue_growth, "revenue_growth", 2007,
         source="contactdistance_2009_01_01"),
    _fig("growth_2009_revenue", "resilience", 2009, check_revenue_growth, "revenue_growth", 2009,
         source="carnetsdubusiness_2010_10_27"),
    _fig("growth_2010_revenue", "resilience", 2010, check_revenue_growth, "revenue_growth", 2010,
         source="strategies_170792"),
    _fig("growth_2011_revenue", "resilience", 2011, check_revenue_growth, "revenue_growth", 2011,
         source="investing_afp_47181"),
    _fig("forecast_2009_two_digits", "resilience", 2008, check_forecast, "revenue_growth_forecast", 2009,
         source="laurent_uberti"),
    _fig("forecast_2009_range", "resilience", 2008, check_forecast, "revenue_growth_forecast", 2009,
         source="rcm_breve_176373_uberti"),
    _fig("forecast_2009_more_than", "resilience", 2008, check_forecast, "revenue_growth_forecast", 2009,
         source="latribune_2009_09_28_uberti"),
    _quote("crisis_drives_outsourcing", "resilience", 2007, check_crisis_drives, "uberti_crisis_drives_outsourcing",
           "La crise, moteur de l’externalisation", year=2009),
    _quote("strong_growth_2009", "resilience", 2007, check_crisis_drives, "uberti_strong_growth_2009",
           "Une année de forte croissance annoncée", year=2009),
    _fig("average_growth_2005_2008", "resilience", 2008, check_average_growth, "revenue_growth_annual_average",
         "2005-2008", source="latribune_2009_09_27"),
    _quote("growth_goes_on_slowly", "resilience", 2009, check_slowdown, "marque_value_added",
           "L’externalisation se poursuit, mais doucement", year=2009),
    _quote("continuity_2011", "resilience", 2011, check_continuity, "uberti_2011_continuity",
           "Une année dans la continuité", year=2011),
    _quote("regular_growth_since_2008", "resilience", 2011, check_regular_growth, "uberti_free_impact",
           "Une croissance régulière", since=2008, until=2011),
    _quote("fall_announced_2013", "resilience", 2011, check_announced_fall, "uberti_free_impact",
           "Un impact négatif annoncé pour 2013", year=2013),
    _quote("double_digit_2012", "resilience", 2012, check_always_double_digit, "uberti_2012_historic_reversal",
           "Une croissance « bien souvent à deux chiffres »", before=2012, often=True),
    _quote("double_digit_2013", "resilience", 2013, check_always_double_digit, "uberti_thirty_years_growth",
           "Une croissance « toujours … à deux chiffres »", before=2013),
    _quote("first_decline_2013", "resilience", 2013, check_first_decline, "first_decline_2013",
           "Un premier recul en 2013", year=2013),
    _quote("market_quadrupled_2017", "resilience", 2017, check_multiple, "dubreil_market_quadrupled",
           "Un marché quadruplé depuis 2000", factor=4,
           newer=("market_revenue", "market", 2017), older=("top50_cumulative_revenue", "market", 2000),
           scopes_differ="les périmètres diffèrent : le Top 50 de 2000 compte le chiffre d’affaires en France de "
                         "cinquante prestataires, sans l’offshore, le chiffre de 2017 tout le secteur"),
    _fig("outsourced_share_25", "resilience", 2008, check_restated, "outsourced_market_share", 2009),
    _fig("inhouse_salary_premium", "resilience", 2008, unverifiable, "inhouse_salary_premium", 2009,
         scope="large_groups", why="Le baromètre ne publie aucun salaire des centres internes des grands groupes."),
    _fig("cost_savings_30", "resilience", 2008, unverifiable, "cost_savings_demanded", 2009, scope="now",
         why="Aucune série ne mesure les économies demandées aux donneurs d’ordres."),
    _fig("breakeven_two_years", "resilience", 2008, unverifiable, "outsourcing_breakeven_years", 2009,
         why="Aucune donnée publiée ne suit la rentabilité d’un contrat d’externalisation dans le temps ; "
             "le chapitre sur la résilience en fait un modèle, pas une vérification."),
    _quote("sp2c_members_80", "resilience", 2005, check_sp2c_panel, "uberti_sp2c_members",
           "Le poids du SP2C", period=2005),
    # ---- la France, la province et l'offshore
    _fig("decomposition_2008", "offshore", 2008, check_decomposition, "revenue_growth", 2008,
         source="barometer_bearingpoint_sp2c"),
    _fig("decomposition_2008_uberti", "offshore", 2008, check_decomposition, "revenue_growth", 2008,
         scope="offshore", source="latribune_2009_09_28_uberti"),
    _fig("decomposition_2006", "offshore", 2006, check_decomposition, "revenue_growth", 2006),
    _fig("decomposition_2010", "offshore", 2010, check_decomposition, "revenue_growth", 2010,
         source="finyear_2011_09_22"),
    _fig("decomposition_2011", "offshore", 2011, check_decomposition, "revenue_growth", 2011,
         source="investing_afp_47181"),
    _fig("france_twice_offshore", "offshore", 2008, check_growth_ratio, "revenue_growth_gap_france_offshore", 2008,
         scope="france"),
    _fig("shares_2005", "offshore", 2005, check_share_sum, "france_revenue_share", 2005, parts=_SHARES),
    _fig("shares_2008", "offshore", 2008, check_share_sum, "france_revenue_share", 2008,
         source="barometer_bearingpoint_sp2c", parts=_SHARES),
    _fig("shares_2009", "offshore", 2009, check_share_sum, "france_revenue_share", 2009, parts=_SHARES),
    _fig("shares_2010", "offshore", 2010, check_share_sum, "france_revenue_share", 2010, parts=_SHARES),
    _fig("shares_2011", "offshore", 2011, check_share_sum, "france_revenue_share", 2011,
         source="investing_afp_47181", parts=_SHARES),
    _quote("offshore_threshold_2006", "offshore", 2006, check_share_trend, "uberti_offshore_maturity",
           "Un début de stabilisation de l’offshore", since=2006),
    _fig("offshore_threshold_2008", "offshore", 2008, check_share_trend, "revenue_growth_gap_france_offshore", 2008,
         scope="france", since=2008, as_trend=True),
    _quote("offshore_accelerated_2011", "offshore", 2011, check_offshore_acceleration, "offshore_trend_2012",
           "L’offshore qui s’accélère", year=2011),
    _fig("province_jobs_75", "offshore", 2008, check_province_jobs, "new_jobs_province_share", 2008, scope="province"),
    _fig("staff_locations_2011", "offshore", 2011, check_share_sum, "staff_share", 2011, scope="offshore",
         source="europe1_boursier_383594",
         parts=[("staff_share", "offshore"), ("staff_share", "ile_de_france"), ("staff_share", "province")]),
    _fig("staff_locations_2005", "offshore", 2005, check_share_sum, "staff_share", 2005, scope="offshore",
         parts=[("staff_share", "offshore"), ("staff_share", "ile_de_france"), ("staff_share", "province")]),
    _fig("sites_locations_2011", "offshore", 2011, check_share_sum, "sites_share", 2011, scope="offshore",
         parts=[("sites_share", "offshore"), ("sites_share", "ile_de_france"), ("sites_share", "province")]),
    _fig("webhelp_rates", "offshore", 2008, unverifiable, "offshore_hourly_rate_gap", 2009, scope="webhelp",
         why="Le baromètre ne publie ni les taux horaires de Webhelp ni ceux du marché."),
    _fig("paris_turnover", "offshore", 2008, unverifiable, "paris_turnover_rate", 2009, scope="paris",
         why="Aucune édition ne publie le taux de rotation du personnel par région."),
    # ---- les prix, les coûts et la concentration
    _fig("smic_rise", "prices", 2008, check_smic_rise, "smic_increase_claimed", "2000-2008", scope="france"),
    _fig("production_hour_price", "prices", 2008, check_price_later, "production_hour_price_change_since_2000",
         "2000-2008", why="Aucune série publiée ne suit le prix de l’heure de production ; une autre publication "
                          "de la même édition parle du prix des prestations, une autre mesure."),
    _fig("personnel_cost_69", "prices", 2008, check_restated, "personnel_cost_share", 2008,
         source="barometer_bearingpoint_sp2c"),
    _fig("top10_70", "prices", 2008, check_top10_vs_top50, "top10_market_share", 2009, scope="top10",
         top50_period="2008"),
    _fig("inbound_outbound", "prices", 2008, check_share_sum, "inbound_revenue_share", 2008,
         source="barometer_bearingpoint_sp2c",
         parts=[("inbound_revenue_share", "market"), ("outbound_revenue_share", "market")], total="at_most"),
    _fig("telecom_60", "prices", 2011, check_restated, "telecom_revenue_share", 2011,
         source="missionrelationclient_uberti"),
    # ---- le métier et les salaires
    _fig("salary_2008", "value", 2008, check_salary_above_smic, "adviser_salary_gross", 2008,
         source="barometer_bearingpoint_sp2c"),
    _fig("salary_2009", "value", 2009, check_salary_above_smic, "reported_salary_gross", 2009),
    _fig("salary_2011", "value", 2011, check_salary_above_smic, "adviser_salary_gross", 2011,
         source="investing_afp_47181"),
    _fig("collective_minimum_2009", "value", 2009, check_salary_above_smic, "salary_above_collective_minimum", 2009,
         above_minimum=True),
    _fig("net_pay_1000", "value", 2008, check_net_pay_vs_smic, "adviser_salary_net", 2009, scope="france"),
    _fig("uk_pay_1400", "value", 2008, check_pay_abroad, "adviser_salary_net", 2009, scope="united_kingdom",
         country="united_kingdom", home_scope="france"),
    # ---- l'emploi et les contrats
    _fig("cdi_73", "partnership", 2008, check_restated, "permanent_contract_share", 2008,
         source="barometer_bearingpoint_sp2c"),
    _fig("part_time_10", "partnership", 2008, check_share_sum, "part_time_share", 2008,
         parts=[("part_time_share", "market"), ("full_time_share", "market")]),
    _fig("graduates_56", "partnership", 2008, check_graduates, "graduate_share", 2008,
         source="latribune_2009_09_27_labbe", wider_source="barometer_bearingpoint_sp2c"),
    _fig("staff_2008_parts", "partnership", 2008, check_staff_parts, "staff", 2008, source="rcm_breve_176373"),
    _fig("staff_growth_2008", "partnership", 2009, check_staff_growth, "staff_growth", 2008,
         source="carnetsdubusiness_2010_10_27", via="jobs"),
    _fig("staff_growth_2009", "partnership", 2009, check_staff_growth, "staff_growth", 2009,
         source="carnetsdubusiness_2010_10_27"),
    _fig("staff_growth_2007", "partnership", 2007, check_staff_growth, "staff_growth", 2007,
         source="contactdistance_2009_01_01"),
    _fig("jobs_france_2009", "partnership", 2009, check_jobs_vs_staff, "jobs_created", 2009, scope="france"),
    _fig("jobs_france_2010", "partnership", 2010, check_jobs_vs_staff, "jobs_created", 2010, scope="france"),
    _fig("hires_2009", "partnership", 2008, check_hires_vs_created, "staff_hired_year_to_date", 2009,
         source="rcm_breve_176373_uberti"),
    _fig("jobs_target_400000", "partnership", 2008, check_jobs_target, "customer_relation_jobs", 2009,
         scope="target"),
    _fig("sp2c_coverage_2024", "resilience", 2024, check_share_of_revenues, "sp2c_revenue_coverage", 2024,
         part="sp2c_members_revenue", whole="market_revenue"),
    _fig("managers_employees", "partnership", 2008, check_share_sum, "employees_share", 2008,
         parts=[("managers_share", "market"), ("supervisors_share", "market"), ("employees_share", "market")]),
]


# --------------------------------------------------------------------------- the page


def said_text(said) -> str:
    """What the claim says, as the page quotes it: the row's excerpt in guillemets, who, the edition."""
    if isinstance(said, Title):
        return f"«\u00a0{md_escape(said.text)}\u00a0» ({md_escape(said.source_name)}), édition {said.edition}"
    if isinstance(said, Quote):
        body = md_escape(quote_body(said.quote))
        if getattr(said, "quote_type", "verbatim") == "summary":
            text = f"{narrative_quote(said)}, édition {said.edition}"  # « « … », résume X, d'après l'étude »
        else:
            text = f"«\u00a0{body}\u00a0» — {md_escape(said.attribution)}, édition {said.edition}"
        return text + f" ({{ref}}`citation et source <{quotes_anchor(said.edition)}>`)"
    fig: Figure = said
    who = fig.source_name if fig.source_type == "barometer" else fig.attribution
    outlet = publication(fig)
    if outlet and outlet != fig.source_name:
        who += f", d’après {outlet}"
    if fig.quote_type == "summary":
        text = narrative_quote(fig)
    else:
        text = f"«\u00a0{md_escape(quote_body(fig.quote))}\u00a0» — {md_escape(who)}"
    return text + f", édition {fig.edition} ({cite(fig, 'chiffre et source')})"


CHECK_LABELS = {
    "check_restated": "repris ou révisé ensuite",
    "check_revenue_growth": "face au chiffre d’affaires publié",
    "check_decomposition": "face à ses parts France et offshore",
    "check_share_sum": "les parts d’un même tout",
    "check_forecast": "face au chiffre réalisé",
    "check_average_growth": "face aux croissances de chaque année",
    "check_growth_ratio": "face aux deux croissances",
    "check_salary_above_smic": "face au Smic",
    "check_net_pay_vs_smic": "face au Smic net",
    "check_smic_rise": "face aux décrets",
    "check_market_vs_insee": "face au secteur des centres d’appels de l’Insee",
    "check_pay_abroad": "face aux niveaux de prix",
    "check_share_trend": "face à la part de l’offshore ensuite",
    "check_top10_vs_top50": "face au Top 50",
    "check_share_of_revenues": "face aux deux chiffres d’affaires publiés",
    "check_province_jobs": "face aux emplois créés",
    "check_staff_growth": "face aux effectifs",
    "check_staff_parts": "France plus offshore",
    "check_jobs_vs_staff": "face aux effectifs",
    "check_graduates": "face à l’autre seuil de diplôme",
    "check_hires_vs_created": "face aux emplois créés ensuite",
}


def topic(ds: Dataset, j: Judged) -> str:
    """A claim's heading: its own words for a quote or a title; for a figure, the indicator, its scope
    and period, and what it is set against."""
    if j.claim.topic:
        return j.claim.topic
    fig: Figure = j.stated  # type: ignore[assignment]
    label = ds.indicators[fig.indicator].label_fr
    where = scope_label(fig.scope)
    # the scope once: « Part de marché des dix premiers, 2009 », not « …, dix premiers, 2009 »
    # and never « aujourd'hui » beside the year it stands for (« Économies demandées …, 2009 »)
    scope = ("" if fig.scope in ("market", "now", "current") or where.lower() in label.lower()
             else f", {where}")
    against = CHECK_LABELS.get(j.claim.check.__name__, "")
    return f"{label}{scope}, {formatting.period_text(fig.period)}" + (f" : {against}" if against else "")


def summary_text(judged: list[Judged], edition: int) -> str:
    """« Jusqu’à l’édition 2011, le livre met à l’épreuve 65 affirmations : 5 vérifiées, … »."""
    c = counts(judged)
    parts = [f"{formatting.number(n, 0)}\u00a0{v if n == 1 else VERDICT_PLURALS[v]}" for v, n in c.items()]
    listed = formatting.enumeration(parts)
    total = formatting.count_words(len(judged), "affirmation", feminine=True)
    return (f"Jusqu’à l’édition {edition}, le livre met à l’épreuve {total} du baromètre, de l’article et des "
            f"personnes citées : {listed}.")


def method_text(ds: Dataset, edition: int) -> str:
    """How the verdicts are reached, with a rounding example taken from the data (a share or growth
    published as a whole number, when the edition has one)."""
    example = None
    for f in ds.figures(edition):
        if f.published and f.unit in ("percent", "percent_change") and f.qualifier == "exact" \
                and float(f.central).is_integer() and f.central > 0:
            example = f
            break
    rounding = ""
    if example is not None:
        lo, hi = interval(example)
        rounding = (f" : un chiffre publié à l’unité, comme {cite(example)}, vaut de "
                    f"{formatting.value_range(lo, hi, example.unit)}")
    return (
        "Une affirmation est *vérifiée* quand une série officielle la confirme (le Smic des décrets), *démentie par "
        "les statistiques officielles* quand elle la contredit ; *cohérente* ou *incohérente* selon qu’elle "
        "s’accorde ou non avec les autres chiffres publiés par la même édition (ou, pour la taille du marché, avec le "
        "secteur voisin que mesure l’Insee, de champ différent), chacun pris avec son arrondi"
        f"{rounding} ; *confirmée* ou *démentie par la suite* selon ce que publient les éditions suivantes, "
        f"jusqu’à celle de {edition} ; un objectif est *atteint* ou *non atteint* ; *invérifiable* quand aucune "
        "donnée du livre ne permet de la tester."
    )


def claims_markdown(ds: Dataset, edition: int) -> str:
    """The page: a summary of the verdicts, then each claim by theme with its verdict and evidence."""
    judged = judge(ds, edition)
    if not judged:
        return ("Aucune affirmation de l’article ou des éditions suivantes ne peut encore être mise à l’épreuve "
                f"avec les données jusqu’à l’édition {edition}.")
    parts = [method_text(ds, edition), summary_text(judged, edition)]
    for chapter, title in CHAPTER_TITLES.items():
        group = [j for j in judged if j.claim.chapter == chapter]
        if not group:
            continue
        parts.append(f"## {title}")
        told: dict[str, str] = {}  # evidence already printed on the page → the topic it was printed under
        for j in group:
            # two claims checked against the same figures get one evidence, and the second points back to it
            evidence = (f"Mêmes chiffres que pour {told[j.verdict.evidence]}, plus haut."
                        if j.verdict.evidence in told else j.verdict.evidence)
            # a role's text is literal: no Markdown escapes in it (« La crise\, moteur … » showed its backslash)
            plain = topic(ds, j).replace("`", "’").replace("<", "‹").replace(">", "›")
            told.setdefault(j.verdict.evidence, f"{{ref}}`« {plain} » <{j.anchor}>`")
            parts.append(
                f"({j.anchor})=\n"
                f"**{md_escape(topic(ds, j))}**\\\n"
                f"{said_text(j.stated)}\\\n"
                f"**Verdict : {j.verdict.verdict}.** {evidence}"
            )
    return "\n\n".join(parts)


def links_for(ds: Dataset, edition: int, chapter: str) -> str:
    """One line for a chapter: its claims' verdicts, each linked to the claims page ('' when none)."""
    judged = judge(ds, edition, chapter)
    if not judged:
        return ""
    c = counts(judged)
    items = [f"{formatting.number(n, 0)}\u00a0{VERDICT_PLURALS[v] if n > 1 else v}" for v, n in c.items()]
    listed = formatting.enumeration(items)
    first = judged[0]
    return (f"Les affirmations de ce chapitre sont jugées une à une dans « {{ref}}`Les affirmations à l’épreuve "
            f"<{first.anchor}>` » : {listed}.")
