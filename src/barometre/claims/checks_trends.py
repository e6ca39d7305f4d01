"""The checks a later edition settles: a share's trend, a slowdown, a regular growth, an
announced fall, the first decline, and the claims no data of the book can test."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from barometre import formatting, periods
from barometre.claims.evidence import SCOPES_DIFFER, _across_break, _known, _missing
from barometre.claims.model import (
    CONFIRMED,
    CONSISTENT,
    INCONSISTENT,
    REFUTED,
    UNVERIFIABLE,
    Claim,
    Verdict,
)
from barometre.data import Dataset, Figure, period_end
from barometre.narrative import cite, de
from barometre.narrative import direction as narrative_direction
from barometre.precision import interval


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
                                       f"{_plateaus(ds, edition, indicator, start, comparable, end_year)}"
                                       f"{after[1] if after else ''}.", figs)
    if interval(end)[1] < interval(start)[0]:
        return Verdict(REFUTED, text + f" : elle recule{after[1] if after else ''}.", figs)
    return Verdict(CONFIRMED, text + f" : elle se stabilise{after[1] if after else ''}.", figs)


def _plateaus(ds: Dataset, edition: int, indicator: str, start: Figure, years: list[int], end_year: int) -> str:
    """« sans palier » when each published year of the series is above the one before; else the years it stopped
    rising: « avec un palier en 2008 (20 % après 20,4 % en 2007) » (editor42: « sans palier » on a series whose
    2007–2009 reads 20,4 %, 20 %, 21 %)."""
    shares = [start] + [ds.known(indicator, edition, scope="market", period=str(y))
                        for y in sorted(y for y in years if y <= end_year)]
    stops = [(a, b) for a, b in pairwise(shares) if b.central <= a.central]
    if not stops:
        return "sans palier"
    said = [f"{b.period} ({cite(replace(b, as_of=b.edition))} après {cite(replace(a, as_of=a.edition))} en {a.period})"
            for a, b in stops]  # dated by their years: no edition notes inside the parenthesis
    return f"avec un palier en {formatting.enumeration(said)}"


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
        # an older figure of a part of what the newer counts (``older_is_part``): a whole of the same scope would be
        # larger and the multiple smaller, so the scopes cannot make up a multiple that falls short (editor42 read
        # « les périmètres diffèrent » as a reason to doubt the verdict)
        if claim.params.get("older_is_part") and hi < factor - 0.5:
            text += (f" ; un chiffre de {period_end(old.period)} de même périmètre, plus grand, ne ferait "
                     "qu’abaisser ce facteur")
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
