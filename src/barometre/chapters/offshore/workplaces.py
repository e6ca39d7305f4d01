"""Where the outsourcers work and produce, as facts: the article's question answered with the latest data, the
offshore's share of the staff against its share of revenue, the staff by place and by region, the new jobs, the
production sites. Each function returns figures; the sentences are the templates'
(``src/barometre/templates/chapters/offshore/``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from barometre import lead, themes
from barometre.data import Dataset, Figure, period_key
from barometre.history import trend
from barometre.narrative import stale

# the places of France the staff split tells, and the regions the staff growth tells (words after a figure)
PLACES = {"province": "en province", "ile_de_france": "en Île-de-France"}
REGIONS = {"province": "en province", "ile_de_france": "en Île-de-France"}


@dataclass(frozen=True)
class ArticleAnswer:
    """France's share of revenue in the article's year and the latest, and when it fell under half."""

    then: Figure
    now: Figure
    across_break: bool  # a change of study lies between the two: they compare as orders of magnitude
    half: Figure | None  # the first year from which every later share is under half (None: not crossed)
    half_is_latest: bool  # that year is the latest


def article_answer_facts(ds: Dataset, edition: int) -> ArticleAnswer | None:
    """The article's question answered with the latest data (the article's year is its edition's,
    ``themes.article_edition``); None in the article's own book, or when either year is not published."""
    from barometre.arc import half_crossed

    first = themes.article_edition(ds)
    if first is None or edition <= first:
        return None
    points = [replace(f, as_of=f.edition) for f in lead.series(ds, "france_revenue_share", "market", edition)]
    then = next((f for f in points if f.period == str(first)), None)
    now = points[-1] if points else None
    if then is None or now is None or now is then:
        return None
    half = half_crossed(points)
    return ArticleAnswer(then, now, ds.break_between(then, now) is not None, half, half is now)


@dataclass(frozen=True)
class StaffRevenue:
    """The offshore's share of the staff and of the revenue the same year, a later share of the staff published
    without its share of revenue, and the revenue per head offshore against France (None when a share is 0, 100 or
    both are equal)."""

    staff: Figure
    revenue: Figure
    newer: Figure | None
    ratio: float | None


def staff_and_revenue(ds: Dataset, edition: int) -> tuple[Figure, Figure] | None:
    """The offshore share of the outsourcers' staff and of their revenue for the latest year an edition up
    to ``edition`` publishes both (None when no year has both)."""
    for staff in reversed(lead.series(ds, "staff_share", "offshore", edition)):
        revenue = ds.known("offshore_revenue_share", edition, period=staff.period)
        if revenue is not None and revenue.published and not (staff.is_range or revenue.is_range):
            return staff, revenue
    return None


def newer_staff_share(ds: Dataset, edition: int, staff: Figure) -> Figure | None:
    """The offshore share of the staff for a later year than ``staff`` (the 2014 edition's « environ 50 % »
    after the 2012 pair), published without the share of revenue that year; None when there is none."""
    newer = ds.known("staff_share", edition, scope="offshore")
    if newer is None or not newer.published or period_key(newer.period) <= period_key(staff.period):
        return None
    return newer


def staff_revenue(staff: Figure, revenue: Figure, newer: Figure | None = None) -> StaffRevenue:
    """The two shares with the book's calculation: labour abroad is cheaper, so the same revenue takes more
    people."""
    s, r = staff.central, revenue.central
    ratio = None if not (0 < s < 100 and 0 < r < 100) or r == s else (r / s) / ((100 - r) / (100 - s))
    return StaffRevenue(staff, revenue, newer, ratio)


def regional_staff_growth(ds: Dataset, edition: int) -> list[Figure]:
    """Staff growth by region (province, Île-de-France) for the latest year an edition up to ``edition``
    publishes it ([] when none)."""
    figs = [ds.known("staff_growth", edition, scope=scope) for scope in REGIONS]
    figs = [f for f in figs if f is not None and f.published]
    if not figs:
        return []
    latest = max(period_key(f.period) for f in figs)
    return [f for f in figs if period_key(f.period) == latest]


@dataclass(frozen=True)
class SharesWarning:
    """The staff's shares by place of one year (with the offshore's) that cannot add up to 100 % even with their
    rounding (editor37/38: the 2011 split was told with no warning, while the claims page calls it « incohérente »)."""

    offshore: Figure
    total: float
    short: bool  # they make less than the whole (else more)


@dataclass(frozen=True)
class StaffPlaces:
    """The split of the staff by place (the province, Île-de-France) for the latest year an edition publishes it."""

    province: Figure
    figs: tuple[Figure, ...]
    warning: SharesWarning | None


def staff_places(ds: Dataset, edition: int) -> StaffPlaces | None:
    """The split for the latest year an edition up to ``edition`` publishes it for the province and Île-de-France
    (the 2011 edition's 54 % and 3 % were only in a table, editor, stop 33); None when none."""
    province = ds.known("staff_share", edition, scope="province")
    if province is None or not province.published:
        return None
    figs = [ds.known("staff_share", edition, scope=scope, period=province.period) for scope in PLACES]
    figs = [f for f in figs if f is not None and f.published]
    if not any(f.scope == "ile_de_france" for f in figs):
        return None
    return StaffPlaces(province, tuple(figs), _shares_warning(ds, edition, figs))


def _shares_warning(ds: Dataset, edition: int, figs: list[Figure]) -> SharesWarning | None:
    from barometre.precision import interval

    offshore = ds.known("staff_share", edition, scope="offshore", period=figs[0].period)
    if offshore is None or not offshore.published:
        return None
    parts = [*figs, offshore]
    low = sum(interval(f)[0] for f in parts)
    high = sum(interval(f)[1] for f in parts)
    if low <= 100 <= high:
        return None
    return SharesWarning(offshore, sum(f.central for f in parts), high < 100)


@dataclass(frozen=True)
class NewJobs:
    """Where the outsourcers' jobs go: the staff growth by region when it leads (at least as recent as the share of
    new jobs created in the province), the province's share of new jobs and the one before it, and the year the
    staff split has just told (not said again)."""

    growth: tuple[Figure, ...]
    share: Figure | None
    previous: Figure | None
    year_told: str | None


def new_jobs(ds: Dataset, edition: int, *, year_told: str | None = None) -> NewJobs:
    found = trend(ds, "new_jobs_province_share", edition, scope="province")
    share, previous = found if found is not None else (None, None)
    growth = regional_staff_growth(ds, edition)
    leads = bool(growth) and (share is None or period_key(growth[0].period) >= period_key(share.period))
    return NewJobs(tuple(growth) if leads else (), share, previous, year_told)


@dataclass(frozen=True)
class SitesFigures:
    """The production sites of one year: the offshore's share of the sites (and the year before's), the change in
    their number and the positions per site in the province (and the year before's); any may be None."""

    year: str
    share: tuple[Figure, Figure | None] | None
    growth: Figure | None
    positions: tuple[Figure, Figure | None] | None


def sites_figures(ds: Dataset, edition: int) -> SitesFigures | None:
    """Each figure of the first year found, none older than ``narrative.STALE_YEARS`` before the edition; None when
    none is published (editor37: in the 2011 table only)."""
    year = None
    share = trend(ds, "sites_share", edition, scope="offshore")
    if share is not None and not stale(share[0], edition):
        year = share[0].period
    else:
        share = None
    growth = ds.known("sites_growth", edition, scope="market")
    if growth is not None and growth.published and not stale(growth, edition) and year in (None, growth.period):
        year = year or growth.period
    else:
        growth = None
    positions = trend(ds, "positions_per_site", edition, scope="province")
    if positions is not None and not stale(positions[0], edition) and year in (None, positions[0].period):
        year = year or positions[0].period
    else:
        positions = None
    return SitesFigures(year, share, growth, positions) if year is not None else None
