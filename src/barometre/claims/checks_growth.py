"""The checks of the market's figures and growth: forecasts, the crisis year, restated
figures, a growth and its parts, shares that add up, the market against INSEE."""

from __future__ import annotations

import math
from dataclasses import replace

from barometre import formatting
from barometre.claims.evidence import _known, _missing, _p, _precise, _span, _year
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
)
from barometre.data import Dataset, Figure, period_end
from barometre.narrative import cite, de, elide, md_escape
from barometre.precision import half_unit, interval, overlap
from barometre.typography import upper_first

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
    listed = " + ".join([cite(members[0], upper_first(first))] + [cite(m) for m in members[1:]])
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
    return Verdict(INCONSISTENT, text + tail + _revised_sum(ds, edition, claim, members, period, mode), tuple(members))


def _revised_sum(ds: Dataset, edition: int, claim: Claim, members: list[Figure], period: str, mode: str) -> str:
    """« L'édition 2012 révise ensuite la province à 58 % : 39 % + 3 % + 58 % = 100 %. » A later edition up to the
    book's that gives another value for a part, when the revised parts add up (editor43: the 2011 split judged on
    54 % while the 2012 edition's 58 % makes 100 %); '' otherwise."""
    from barometre.labels import scope_label

    revised = [_precise(ds, edition, ind, scope, period) or m for (ind, scope), m in zip(claim.params["parts"], members,
                                                                                         strict=True)]
    changed = [(m, r) for m, r in zip(members, revised, strict=True) if r.edition > m.edition and r.value != m.value]
    if not changed:
        return ""
    lo = sum(max(interval(m)[0], 0.0) for m in revised)
    hi = sum(min(interval(m)[1], 100.0) for m in revised)
    if not (lo <= 100 <= hi if mode == "equal" else lo <= 100):
        return ""
    first = formatting.figure_text(revised[0])
    listed = " + ".join([cite(revised[0], upper_first(first))] + [cite(m) for m in revised[1:]])
    parts = formatting.enumeration([f"{cite(r)} ({scope_label(r.scope)})" for _, r in changed])
    editions = formatting.enumeration(sorted({str(r.edition) for _, r in changed}))
    return (f" L’édition {editions} donne ensuite {parts} pour {md_escape(formatting.period_text(str(period)))} : "
            f"{listed} = {sum_text(revised, sum(m.central for m in revised))}.")


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
