"""The checks of the market's figures and growth: forecasts, the crisis year, restated
figures, a growth and its parts, shares that add up, the market against INSEE."""

from __future__ import annotations

import math
from dataclasses import replace

from barometre.claims.evidence import _growth, _known, _missing, _precise, _stated
from barometre.claims.model import (
    CONFIRMED,
    CONSISTENT,
    INCONSISTENT,
    REFUTED,
    UNVERIFIABLE,
    Claim,
    Verdict,
    average_growth,
    corners,
    growth_between,
    growth_from_parts,
    verdict,
)
from barometre.data import Dataset, Figure, period_end
from barometre.narrative import md_escape, templating
from barometre.precision import half_unit, interval, overlap

# --------------------------------------------------------------------------- checks


def check_forecast(ds: Dataset, edition: int, claim: Claim, fig: Figure, *, facts) -> Verdict:
    """A forecast of the market's growth against the outcome a later edition publishes: the year's growth as the
    résilience chapter gives it (``ResilienceFacts.growths``)."""
    from barometre.narrative import direction_forecast, forecast_verdict, when_done

    if (ds.indicators[fig.indicator].forecast_of, fig.scope) != ("revenue_growth", "market"):
        raise ValueError(f"claim {claim.id}: the chapter's facts give the market's growth only")
    outcome = _growth(facts, fig.period)
    if outcome is None:
        return verdict(UNVERIFIABLE, "growth.forecast_not_yet", (fig,), edition=edition, fig=fig)
    word = forecast_verdict(fig, outcome)
    held = word == "prévision tenue"
    return verdict(CONFIRMED if held else REFUTED, "growth.forecast", (fig, outcome), fig=fig, outcome=outcome,
                   when=when_done(outcome), words=direction_forecast(fig),  # a forecast of direction has no number
                   held=held, beyond="au-delà" in word or "dépassée" in word)


def check_crisis_year(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« La crise n'a pas d'emprise »: the growth of the year after the claim's data year against it, both as the
    résilience chapter gives them (``ResilienceFacts.growths``).
    Confirmed when growth does not fall (within rounding), refuted when it falls."""
    year = int(claim.params["year"])
    before = _growth(facts, year)
    after = _growth(facts, year + 1)
    if before is None:
        return _missing(ds, edition, ["revenue_growth"])
    if after is None:
        return verdict(UNVERIFIABLE, "growth.crisis_not_yet", (before,), edition=edition, year=year, before=before)
    lo_a, hi_a = interval(after)
    lo_b, _hi_b = interval(before)
    words = {"year": year, "before": before, "after": after, "lo": lo_a, "hi": hi_a, "ratio": None, "crisis": None}
    if hi_a < lo_b:
        ratio = before.central / after.central if after.central > 0 else None
        figs: tuple[Figure, ...] = (before, after)
        said_crisis = _crisis_words(ds, edition, year + 1)
        if said_crisis is not None:
            fig, _words = said_crisis
            figs = (*figs, fig) if fig not in figs else figs
        return verdict(REFUTED, "growth.crisis_year", figs, **{
            **words, "slowed": True, "ratio": ratio if ratio and ratio >= 1.5 else None, "crisis": said_crisis})
    return verdict(CONFIRMED, "growth.crisis_year", (before, after), **words, slowed=False)


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


def check_restated(ds: Dataset, edition: int, claim: Claim, fig: Figure, *, facts=None) -> Verdict:
    """A figure against what later editions republish for the same indicator, scope and period; with no
    later edition, against the other publications of the same edition. A claim that ``reads`` its chapter's facts
    (``params["fact"]``, the field or method of the facts that gives the figure) is set against the figure as the
    chapter states it, when the chapter states that period from a later edition."""
    said = _stated(facts, claim.params["fact"], fig) if facts is not None else None
    if said is not None and said.edition > fig.edition:
        later = [said]
    else:
        later = []
        for ed in ds.editions:
            if fig.edition < ed <= edition:
                for f in ds.figures(ed, fig.indicator):
                    if f.scope == fig.scope and f.period == fig.period and f.published and not f.secondary:
                        later.append(f)
    if later:
        last = later[-1]
        agrees = _agrees(fig, last)
        return verdict(CONFIRMED if agrees else REFUTED, "growth.restated_later", (fig, last), fig=fig, last=last,
                       agrees=agrees)
    others = [f for f in ds.figures(fig.edition, fig.indicator)
              if f.scope == fig.scope and f.period == fig.period and f.published and f.source != fig.source]
    if not others:
        return verdict(UNVERIFIABLE, "growth.restated_alone", (fig,), edition=edition)
    clash = [f for f in others if not _agrees(fig, f)]
    if clash:
        return verdict(INCONSISTENT, "growth.restated_same", (fig, clash[0]), other=clash[0], agrees=False)
    return verdict(CONSISTENT, "growth.restated_same", (fig, others[0]), other=others[0], agrees=True)


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
    words = {"year": year, **parts, "central": central, "lo": lo, "hi": hi, "need": None}
    figs = tuple(parts.values())
    if overlap((lo, hi), interval(parts["market"])):
        return verdict(CONSISTENT, "growth.decomposition", figs, **words)
    # what the French growth would have to be for the published total
    target = parts["market"].central
    s, go = parts["share"].central / 100, parts["offshore"].central / 100
    prev_total = 1 / (1 + target / 100)
    rest = prev_total - (1 - s) / (1 + go)
    need = (s / rest - 1) * 100 if rest > 0 else None
    return verdict(INCONSISTENT, "growth.decomposition", figs,
                   **{**words, "need": need if need is not None and need > -100 else None})


def sum_text(members: list[Figure], central: float) -> str:
    """The sum of published figures as the figures allow it: « plus de 99,5 % » when a part is a lower
    bound (« plus de 88 % + 11,5 % »), « moins de … » for upper bounds, « environ … » for approximations;
    a bound is never added up into a value (the words: ``growth.md.j2``, ``sum_text``)."""
    return templating.paragraphs(str(templating.macro("chapters/claims/growth.md.j2", "sum_text")(
        [m.qualifier for m in members], central)))


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
    mode = claim.params.get("total", "equal")
    ok = lo <= 100 <= hi if mode == "equal" else lo <= 100
    words = {"members": members, "central": central, "period": str(period), "mode": mode, "ok": ok, "lo": lo,
             "hi": hi, "revised": None}
    if ok:
        return verdict(CONSISTENT, "growth.share_sum", tuple(members), **words)
    return verdict(INCONSISTENT, "growth.share_sum", tuple(members),
                   **{**words, "revised": _revised_sum(ds, edition, claim, members, period, mode)})


def _revised_sum(ds: Dataset, edition: int, claim: Claim, members: list[Figure], period: str,
                 mode: str) -> dict | None:
    """« L'édition 2012 révise ensuite la province à 58 % : 39 % + 3 % + 58 % = 100 %. » A later edition up to the
    book's that gives another value for a part, when the revised parts add up (editor43: the 2011 split judged on
    54 % while the 2012 edition's 58 % makes 100 %): the revised parts (``members``), the changed ones
    (``changed``), their editions and the revised sum (``central``); None otherwise."""
    revised = [_precise(ds, edition, ind, scope, period) or m for (ind, scope), m in zip(claim.params["parts"], members,
                                                                                         strict=True)]
    changed = [(m, r) for m, r in zip(members, revised, strict=True) if r.edition > m.edition and r.value != m.value]
    if not changed:
        return None
    lo = sum(max(interval(m)[0], 0.0) for m in revised)
    hi = sum(min(interval(m)[1], 100.0) for m in revised)
    if not (lo <= 100 <= hi if mode == "equal" else lo <= 100):
        return None
    return {"members": revised, "changed": [r for _, r in changed], "central": sum(m.central for m in revised),
            "editions": sorted({str(r.edition) for _, r in changed})}


def check_revenue_growth(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A yearly growth against the revenue of the year and of the year before."""
    year = int(fig.period)
    end = _precise(ds, claim.edition, "market_revenue", "market", year)
    start = _precise(ds, claim.edition, "market_revenue", "market", year - 1)
    if end is None or start is None:
        return _missing(ds, claim.edition, ["market_revenue"])
    lo, hi = corners(growth_between, interval(start), interval(end))
    central = growth_between(start.central, end.central)
    return verdict(CONSISTENT if overlap((lo, hi), interval(fig)) else INCONSISTENT, "growth.revenue_growth",
                   (start, end, fig), year=year, start=start, end=end, fig=fig, central=central, lo=lo, hi=hi)


def check_average_growth(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A yearly average over Y1-Y2 against the yearly growths of those years."""
    first, last = (int(x) for x in fig.period.split("-"))
    years = list(range(first + 1, last + 1))  # the growths of the years after the base year Y1
    figs = [_precise(ds, claim.edition, "revenue_growth", fig.scope, y) for y in years]
    if any(f is None for f in figs):
        return _missing(ds, claim.edition, ["revenue_growth"])
    lo, hi = corners(lambda *gs: average_growth(gs), *(interval(f) for f in figs))
    central = average_growth(f.central for f in figs)
    return verdict(CONSISTENT if overlap((lo, hi), interval(fig)) else INCONSISTENT, "growth.average_growth",
                   (fig, *figs), fig=fig, figs=figs, central=central, lo=lo, hi=hi)


def check_growth_ratio(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """« deux fois plus forte »: the ratio of two growths against the stated relative gap."""
    year = fig.period
    a = _precise(ds, claim.edition, "revenue_growth", "france", year)
    b = _precise(ds, claim.edition, "revenue_growth", "offshore", year)
    if a is None or b is None:
        return _missing(ds, claim.edition, ["revenue_growth"])
    (alo, ahi), (blo, bhi) = interval(a), interval(b)
    if blo <= 0:
        return verdict(UNVERIFIABLE, "growth.no_ratio", (a, b), b=b)
    lo, hi = (alo / bhi - 1) * 100, (ahi / blo - 1) * 100
    # the claim's year, told in the past in any edition (nothing stale told as current)
    return verdict(CONSISTENT if overlap((lo, hi), interval(fig)) else INCONSISTENT, "growth.growth_ratio",
                   (fig, a, b), year=period_end(a.period), a=a, b=b, fig=fig, ratio=a.central / b.central, lo=lo,
                   hi=hi)


def check_market_vs_insee(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """The outsourcers' market against INSEE's call-centre sector (NAF 82.20Z), whose revenue is published
    for a later year with its average yearly growth: the level of the claim's year is back-cast at that
    growth (every rounding taken) and must lie between the barometer's activity in France and its total,
    the scopes differing by the offshore activity the barometer counts and the firms INSEE classifies."""
    insee = ds.call_centres()
    level, growth = insee.get("revenue"), insee.get("revenue_growth_yearly_average")
    if level is None or growth is None:
        return verdict(UNVERIFIABLE, "growth.insee_missing", (fig,))
    share = _known(ds, claim.edition, "france_revenue_share", "market", fig.period)
    if share is None:
        return _missing(ds, claim.edition, ["france_revenue_share"])
    year, base = period_end(fig.period), int(level["period"])
    steps = base - year
    if steps < 0:
        return verdict(UNVERIFIABLE, "growth.insee_before", (fig,), period=level["period"])
    l_half, g_half = half_unit(level["value"], level["unit"]), half_unit(growth["value"], growth["unit"])
    l_lo, l_hi = level["value"] - l_half, level["value"] + l_half
    g_lo, g_hi = growth["value"] - g_half, growth["value"] + g_half
    official = (l_lo / (1 + g_hi / 100) ** steps, l_hi / (1 + g_lo / 100) ** steps)
    total = interval(fig)
    s_lo, s_hi = interval(share)
    france = (total[0] * s_lo / 100, total[1] * s_hi / 100)
    other = insee.get("other_sectors_value_added_share")
    if official[1] < france[0]:
        outcome = "below"
    elif official[0] > total[1]:
        outcome = "above"
    else:
        outcome = "between" if official[0] >= france[0] and official[1] <= total[1] else "either"
    return verdict(CONSISTENT if outcome in ("between", "either") else INCONSISTENT, "growth.market_vs_insee",
                   (fig, share), level=level["value"], base=base, growth=growth["value"], official=official,
                   year=year, fig=fig, share=share, france=fig.central * share.central / 100,
                   other=None if other is None else other["value"], outcome=outcome)
