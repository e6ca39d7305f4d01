"""The checks a later edition settles: a share's trend, a slowdown, a regular growth, an
announced fall, the first decline, and the claims no data of the book can test."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from barometre.claims.evidence import _across_break, _growth, _known, _missing
from barometre.claims.model import (
    CONFIRMED,
    CONSISTENT,
    INCONSISTENT,
    REFUTED,
    UNVERIFIABLE,
    Claim,
    Verdict,
    verdict,
)
from barometre.data import Dataset, Figure, period_end
from barometre.precision import interval


def check_share_trend(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« L'offshore arriverait à un seuil », « stabilisation »: the offshore share of revenue after the
    claim's year, year by year as the offshore chapter gives it (``OffshoreFacts.offshore_shares``). Refuted when it
    keeps rising beyond rounding; confirmed when it stays put."""
    since = int(claim.params["since"])
    indicator = "offshore_revenue_share"
    if claim.params.get("indicator", indicator) != indicator:
        raise ValueError(f"claim {claim.id}: the chapter's facts give the offshore's share of revenue only")
    shares = {int(f.period): f for f in facts.offshore_shares}
    if not shares:
        return _missing(ds, edition, [indicator])
    later = [y for y in shares if y > since]
    if since not in shares or not later:
        return verdict(UNVERIFIABLE, "trends.share_not_yet", edition=edition, since=since)
    start = shares[since]
    # the latest year of the same series: a share after a break in the series is not compared with it
    comparable = [y for y in later if not _across_break(ds, start, shares[y])]
    if not comparable:
        end_year = max(later)
        end = shares[end_year]
        return verdict(UNVERIFIABLE, "trends.share_across_break", (start, end), since=since, start=start, end=end,
                       end_year=end_year)
    end_year = max(comparable)
    end = shares[end_year]
    # as_trend: a figure of its year read as a trend (« désormais »): the year is judged elsewhere on the page, this
    # verdict is on whether it lasted (« démentie par la suite » alone read as if 2008's figures were wrong: editor37)
    after = _later_outside_france(ds, edition, end, facts)
    figs = (start, end) if after is None else (start, end, after["fig"])
    words = {"since": since, "start": start, "end": end, "end_year": end_year,
             "as_trend": bool(claim.params.get("as_trend")), "gain": None, "stops": None, "after": after}
    if interval(end)[0] > interval(start)[1]:
        return verdict(REFUTED, "trends.share_trend", figs, **{
            **words, "way": "up", "gain": end.central - start.central,
            "stops": _plateaus(shares, start, comparable, end_year)})
    if interval(end)[1] < interval(start)[0]:
        return verdict(REFUTED, "trends.share_trend", figs, **words, way="down")
    return verdict(CONFIRMED, "trends.share_trend", figs, **words, way="flat")


def _plateaus(shares: dict[int, Figure], start: Figure, years: list[int], end_year: int) -> list[tuple[Figure, Figure]]:
    """The years the share stopped rising, each with the year before (none: each published year of the series is
    above the one before), for « avec un palier en 2008 (20 % après 20,4 % en 2007) » or « sans palier »
    (editor42: « sans palier » on a series whose 2007–2009 reads 20,4 %, 20 %, 21 %); ``shares``: the chapter's
    shares by year."""
    points = [start] + [shares[y] for y in sorted(y for y in years if y <= end_year)]
    return [(a, b) for a, b in pairwise(points) if b.central <= a.central]


def _later_outside_france(ds: Dataset, edition: int, end: Figure, facts) -> dict | None:
    """The share of revenue made outside France in the latest year after ``end`` (the offshore series' last
    figure) that France's share
    (``france_revenue_share``) gives, once the offshore series itself has stopped: the later study splits the
    rest of the world into zones (nearshore, Africa…) and no longer publishes one offshore share. Told as what
    it is, France's complement on another basis: « ; sur le champ de l'étude suivante, 54 % du chiffre
    d'affaires est produit hors de France en 2024 (46 % en France) » (``fig``, ``year``, ``across_break``).
    France's latest share is the offshore chapter's (``OffshoreFacts.share``) when it is a year's."""
    latest = facts.share[0] if facts.share is not None else None
    if latest is not None and latest.period.isdigit():
        if int(latest.period) <= int(end.period):
            return None
        fig, year = latest, int(latest.period)
    else:  # the chapter's latest share is of no single year (or none): the latest year's, as known
        series = ds.series("france_revenue_share", upto=edition)
        series = series[(series["scope"] == "market") & series["period"].str.fullmatch(r"\d{4}")]
        years = sorted(int(p) for p in series["period"] if int(p) > int(end.period))
        if not years:
            return None
        year = years[-1]
        fig = ds.known("france_revenue_share", edition, scope="market", period=str(year))
    if fig is None:
        return None
    return {"fig": fig, "year": year, "across_break": bool(ds.break_between(end, fig))}


def check_slowdown(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« se poursuit, mais doucement »: growth of the year positive and below the year before."""
    year = int(claim.params["year"])
    now = _growth(facts, year)
    before = _growth(facts, year - 1)
    if now is None or before is None:
        return _missing(ds, edition, ["revenue_growth"])
    words = {"year": year, "before": before, "now": now, "across_break": False, "slower": False}
    if _across_break(ds, before, now):
        return verdict(UNVERIFIABLE, "trends.slowdown", (before, now), **{**words, "across_break": True})
    if interval(now)[0] > 0 and interval(now)[1] < interval(before)[0]:
        return verdict(CONSISTENT, "trends.slowdown", (before, now), **{**words, "slower": True})
    return verdict(INCONSISTENT, "trends.slowdown", (before, now), **words)


def check_crisis_drives(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« la crise renforce l'externalisation » / « forte croissance » in the crisis year: growth of the
    crisis year against the years before it (as known in ``edition``)."""
    year = int(claim.params["year"])
    now = _growth(facts, year)
    if now is None:
        return verdict(UNVERIFIABLE, "common.growth_not_yet", edition=edition, year=year)
    # only the years of the same series: a growth rate across a break measures another scope
    earlier = [f for f in (_growth(facts, y) for y in range(year - 6, year))
               if f is not None and not _across_break(ds, f, now)]
    if not earlier:
        return _missing(ds, edition, ["revenue_growth"])
    low = min(earlier, key=lambda f: f.central)
    since = min(int(f.period) for f in earlier)
    # the years before it in the same series only (2006, about 11 %, is the KPMG study's): said so; compared with
    # them only: a later year (2013, −1,7 %) may fall lower, hence « jusque-là »
    weakest = interval(now)[1] < interval(low)[0]
    return verdict(REFUTED if weakest else CONFIRMED, "trends.crisis_drives", (now, low), year=year, now=now,
                   earlier=sorted(earlier, key=lambda f: f.period), since=since, weakest=weakest)


def check_regular_growth(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« une croissance régulière depuis Y »: every yearly growth positive, and none below half the one
    before (a halving is not regular)."""
    first, last = int(claim.params["since"]), int(claim.params["until"])
    figs = [_growth(facts, y) for y in range(first, last + 1)]
    if any(f is None for f in figs):
        return _missing(ds, edition, ["revenue_growth"])
    if any(_across_break(ds, a, b) for a, b in pairwise(figs)):
        return verdict(UNVERIFIABLE, "trends.regular_growth", tuple(figs), figs=figs, outcome="break", drop=None)
    drops = [(a, b) for a, b in pairwise(figs) if interval(b)[1] < interval(a)[0] / 2]
    if any(interval(f)[1] <= 0 for f in figs):
        return verdict(INCONSISTENT, "trends.regular_growth", tuple(figs), figs=figs, outcome="stall", drop=None)
    if drops:
        return verdict(INCONSISTENT, "trends.regular_growth", tuple(figs), figs=figs, outcome="halved",
                       drop=drops[0])
    return verdict(CONSISTENT, "trends.regular_growth", tuple(figs), figs=figs, outcome="regular", drop=None)


def check_announced_fall(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« un impact négatif en 2013 … des fermetures de sites, des restructurations »: the year's growth of the
    sector as later published, with the closures and job cuts the same edition counts (editor37: the 2024 book
    judged only « régulière » while it publishes 2013's fall, a dozen sites closed and 4 000 jobs cut). The jobs
    cut and the sites closed are the résilience chapter's facts (``ResilienceFacts.cuts``): the claim and the
    chapter's contraction say the same figures."""
    year = int(claim.params["year"])
    now = _growth(facts, year)
    if now is None:
        return verdict(UNVERIFIABLE, "common.growth_not_yet", edition=edition, year=year)
    low, high = interval(now)
    words = {"year": year, "now": now, "sites": None, "jobs": None, "same_edition": False}
    if low > 0:
        return verdict(REFUTED, "trends.announced_fall", (now,), **words, way="up")
    if high >= 0:
        return verdict(UNVERIFIABLE, "trends.announced_fall", (now,), **words, way="flat")
    # the jobs cut and the sites closed that year: the résilience chapter's facts (its contraction), not read again;
    # the page names editions itself (no « dernier chiffre publié » note)
    cut = next((c for c in facts.cuts if c.figure.period == str(year)), None)
    jobs = None if cut is None else replace(cut.figure, as_of=None)
    sites = None if cut is None or cut.sites is None else replace(cut.sites, as_of=None)
    figs = tuple(f for f in (now, sites, jobs) if f is not None)
    editions = sorted({f.edition for f in figs[1:]})
    return verdict(CONFIRMED, "trends.announced_fall", figs, **{
        **words, "sites": sites, "jobs": jobs, "same_edition": editions == [now.edition]}, way="down")


def check_first_decline(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« Pour la première fois, l'activité … est globalement en décroissance en 2013 »: the year's growth of the
    sector negative, and no earlier published year of the same series negative (editor37: no claim of 2012-2019
    was tested)."""
    year = int(claim.params["year"])
    now = _growth(facts, year)
    if now is None:
        return _missing(ds, edition, ["revenue_growth"])
    earlier = [f for f in (_growth(facts, y) for y in range(year - 12, year))
               if f is not None]
    if not earlier:
        return _missing(ds, edition, ["revenue_growth"])
    falls = [f for f in earlier if interval(f)[1] < 0]
    words = {"year": year, "now": now, "first": min(int(f.period) for f in earlier),
             "last": max(int(f.period) for f in earlier), "falls": falls}
    if interval(now)[0] >= 0:
        return verdict(INCONSISTENT, "trends.first_decline", (now,), **words, is_fall=False)
    if falls:
        return verdict(INCONSISTENT, "trends.first_decline", (now, *falls), **words, is_fall=True)
    return verdict(CONSISTENT, "trends.first_decline", (now, *earlier), **words, is_fall=True)


def check_always_double_digit(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« Le secteur a toujours connu une forte croissance, bien souvent à deux chiffres » / « a toujours connu une
    croissance forte à deux chiffres »: the sector's published yearly growths before the year of the words
    (``params["before"]``), as known in ``edition``. ``params["often"]``: « bien souvent » (most years at least
    10 %) rather than « toujours » (every year)."""
    before = int(claim.params["before"])
    figs = [f for f in (_growth(facts, y) for y in range(before - 12, before))
            if f is not None]
    if not figs:
        return _missing(ds, edition, ["revenue_growth"])
    below = [f for f in figs if interval(f)[1] < 9.95]  # « à deux chiffres »: 10 % and more, rounded
    often = bool(claim.params.get("often"))
    holds = len(below) * 2 < len(figs) if often else not below
    return verdict(CONSISTENT if holds else INCONSISTENT, "trends.always_double_digit", tuple(figs),
                   first=min(int(f.period) for f in figs), last=max(int(f.period) for f in figs),
                   double=len(figs) - len(below), below=below, often=often, holds=holds)


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
    # an older figure of a part of what the newer counts (``older_is_part``): a whole of the same scope would be
    # larger and the multiple smaller, so the scopes cannot make up a multiple that falls short (editor42 read
    # « les périmètres diffèrent » as a reason to doubt the verdict)
    off = hi < factor - 0.5 or lo >= factor + 0.5
    return verdict(INCONSISTENT if off else CONSISTENT, "trends.multiple", (new, old), new=new, old=old,
                   new_year=period_end(new.period), old_year=period_end(old.period), ratio=new.central / old.central,
                   factor=factor, scopes=claim.params.get("scopes_differ"),
                   short_of_part=bool(claim.params.get("older_is_part")) and hi < factor - 0.5)


def check_continuity(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« dans la continuité des années antérieures »: the year's growth within the range of the
    earlier years' growths."""
    year = int(claim.params["year"])
    now = _growth(facts, year)
    earlier = [f for f in (_growth(facts, y) for y in range(year - 8, year))
               if f is not None]
    if now is None or not earlier:
        return _missing(ds, edition, ["revenue_growth"])
    low, high = min(earlier, key=lambda f: f.central), max(earlier, key=lambda f: f.central)
    within = interval(low)[0] <= now.central <= interval(high)[1]
    return verdict(CONSISTENT if within else INCONSISTENT, "trends.continuity", (now, low, high), year=year, now=now,
                   low=low, high=high, within=within)


def check_offshore_acceleration(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """« une tendance à l'offshore qui s'est légèrement accélérée en Y »: the offshore growth and the
    gain of offshore share in Y against Y−1, year by year as the offshore chapter gives them
    (``OffshoreFacts.offshore_growths`` and ``offshore_shares``). Inconsistent when neither rises."""
    year = int(claim.params["year"])

    def plain(fig: Figure | None) -> Figure | None:  # the page names editions itself: no « dernier chiffre » note
        return replace(fig, as_of=None) if fig is not None else None

    g_now, g_before = (plain(facts.offshore_growth_of(y)) for y in (year, year - 1))
    s = {y: plain(facts.offshore_share_of(y)) for y in (year - 2, year - 1, year)}
    if g_now is None or g_before is None or any(v is None for v in s.values()):
        return _missing(ds, edition, ["revenue_growth", "offshore_revenue_share"])
    gain_now = s[year].central - s[year - 1].central
    gain_before = s[year - 1].central - s[year - 2].central
    faster = g_now.central > g_before.central or gain_now > gain_before
    return verdict(CONSISTENT if faster else INCONSISTENT, "trends.offshore_acceleration",
                   (g_before, g_now, *s.values()), year=year, g_before=g_before, g_now=g_now,
                   shares=[s[year - 2], s[year - 1], s[year]], gain_before=gain_before, gain_now=gain_now,
                   faster=faster)


def unverifiable(ds: Dataset, edition: int, claim: Claim, said) -> Verdict:
    """No data of the book can test the claim; ``params["why"]`` names the reason (a macro of ``reasons.md.j2``)."""
    return verdict(UNVERIFIABLE, "reasons." + claim.params["why"], (said,) if isinstance(said, Figure) else ())


def check_price_later(ds: Dataset, edition: int, claim: Claim, said, *, facts) -> Verdict:
    """A price claim no series tests (``params["why"]``); INSEE's later production prices of the call-centre
    sector say what came next, not whether the claim held, when the prices chapter tells them beside the same price
    (``PricesFacts.hour``: only years after the price's, ended before the book's edition)."""
    found = unverifiable(ds, edition, claim, said)
    hour = facts.hour
    if hour is None or hour.insee is None or (hour.price.indicator, hour.price.period) != (
            said.indicator, said.period):
        return found
    change, start, end = hour.insee
    return replace(found, case="trends.price_later",
                   words={"why": claim.params["why"], "change": change, "start": start, "end": end})
