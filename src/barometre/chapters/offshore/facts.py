"""The chapter's facts: one function of the data and the parameters, ``facts(ds, edition, params)``, computed once
and read by the notebook's cells, the « À retenir », the synthesis line and the chapter's templates (issue 25).
Nothing here writes a sentence: the text is in ``src/barometre/templates/chapters/offshore/``."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from barometre import themes
from barometre.chapters.offshore.contact_model import (
    ContactModel,
    ModelSetup,
    contact_model,
    model_setup,
)
from barometre.chapters.offshore.growth import (
    PositionsRevenue,
    growth_pair,
    growth_title,
    nearshore_given,
    newer_location_growth,
    positions_revenue,
    zone_growth,
    zone_shares,
)
from barometre.chapters.offshore.providers import (
    Positions,
    Voice,
    provider_positions,
    voices_quoted,
)
from barometre.chapters.offshore.sites import region_shares, site_events
from barometre.chapters.offshore.workplaces import (
    ArticleAnswer,
    NewJobs,
    SitesFigures,
    StaffPlaces,
    StaffRevenue,
    article_answer_facts,
    new_jobs,
    newer_staff_share,
    regional_staff_growth,
    sites_figures,
    staff_and_revenue,
    staff_places,
    staff_revenue,
)
from barometre.data import Dataset, Figure, Quote, period_key
from barometre.history import trend
from barometre.narrative import stale


@dataclass(frozen=True)
class OffshoreParams:
    """The notebook's parameters, with the notebook's defaults (papermill may set any of them)."""

    edition: int = 0  # barometer edition to render (0 means the latest edition in data/)
    data_dir: str = "../data"  # folder of the validated data
    rate_gap: float = -1.0  # offshore hourly rate against France, as a fraction (-1 means: the article's figure)
    onshore_contacts_per_hour: float = 12.0  # contacts an adviser handles per hour in France (book's assumption)
    offshore_contacts_per_hour: float = 12.0  # contacts an adviser handles per hour offshore (book's assumption)
    onshore_repeat_rate: float = 0.15  # share of requests needing another contact in France (book's assumption)
    offshore_repeat_rate: float = 0.15  # share of requests needing another contact offshore (book's assumption)
    service_share: float = 0.10  # share of customer service in the subscription price (book's assumption)


@dataclass(frozen=True)
class OffshoreFacts:
    """Everything the chapter states for one edition and one set of parameters."""

    edition: int
    params: OffshoreParams
    # « L'activité en France et offshore »
    answer: ArticleAnswer | None  # the article's question answered with the latest data (a later book only)
    pair: tuple[Figure, Figure] | None  # France's and the offshore's growth, the latest year both are published
    growth_title: str  # who grows faster, from the pair ('' without)
    gap: Figure | None  # the barometer's gap between the two growths
    newer: tuple[Figure, ...]  # France's growth (and the other locations') when newer than the pair
    zones_growth: tuple[tuple[str, tuple[Figure, ...]], ...]  # each zone's growth after the pair's year
    share: tuple[Figure, Figure | None] | None  # France's share of revenue, latest and previous
    nearshore: bool  # an edition gives the nearshore apart
    zones: tuple[tuple[str, tuple[Figure, ...]], ...]  # each zone's latest share of revenue, by year, newest first
    article_year: str | None  # the article's edition, as a period
    staff_revenue: StaffRevenue | None  # the offshore's share of the staff and of the revenue
    positions_revenue: PositionsRevenue | None  # France's share of the positions and of the revenue, newer
    # « Où travaillent les salariés en France »
    regions: tuple[tuple[str, tuple[tuple[str, tuple[Figure, ...]], ...]], ...]  # a region's share, by year
    places: StaffPlaces | None  # the staff split between the province and Île-de-France
    new_jobs: NewJobs  # the staff growth by region and the province's share of new jobs
    province: Figure | None  # the province's share of new jobs
    recent_province: bool  # not stale for the « À retenir »
    regional: tuple[Figure, ...]  # the staff growth by region, the latest year
    regional_leads: bool  # the regional growth is at least as recent as the province's share of new jobs
    sites_figures: SitesFigures | None  # the production sites' figures
    turnover: Figure | None  # the turnover in Paris
    sites: pd.DataFrame  # the openings and transfers of sites the edition cites
    # « Les positions des prestataires » and the voices
    positions: Positions
    quotes: tuple[Quote, ...]  # the chapter's quotes no theme nor position tells
    # the model
    model: ContactModel | None
    setup: ModelSetup | None
    # the synthesis line
    share_now: bool  # France's share is the edition's own
    growth_now: bool  # France's newer growth is the edition's own
    against: bool  # France's latest share moves against its move since the article
    missing: tuple[str, ...]  # labels of the figures no edition up to this one publishes
    label: str  # the growth's label
    share_label: str  # France's share's label
    # the offshore's share of revenue and its growth, year by year as known in the edition, oldest first: two lines of
    # the chapter's history chart (``history_table``), which the claims on the offshore's course read (« un seuil »,
    # « une tendance à l'offshore qui s'est accélérée ») rather than finding each year again
    offshore_shares: tuple[Figure, ...] = ()
    offshore_growths: tuple[Figure, ...] = ()

    def offshore_share_of(self, year: int | str) -> Figure | None:
        """The offshore's share of revenue in ``year`` as the chapter gives it (None: no edition up to it gives it)."""
        return next((f for f in self.offshore_shares if f.period == str(year)), None)

    def offshore_growth_of(self, year: int | str) -> Figure | None:
        """The offshore's growth in ``year`` as the chapter gives it (None: no edition up to it gives it)."""
        return next((f for f in self.offshore_growths if f.period == str(year)), None)


def facts(ds: Dataset, edition: int, params: OffshoreParams | None = None) -> OffshoreFacts:
    """The chapter's facts for ``edition`` (resolved: 0 is the latest) and the notebook's parameters."""
    p = params or OffshoreParams()
    edition = ds.resolve(edition)
    missing: list[str] = []
    pair = growth_pair(ds, edition)
    newer = newer_location_growth(ds, edition, pair)
    if pair is None:
        missing.append(ds.indicators["revenue_growth"].label_fr + " (France et offshore)")
    share = trend(ds, "france_revenue_share", edition)
    if share is None:
        missing.append(ds.indicators["france_revenue_share"].label_fr)
    pair_shares = staff_and_revenue(ds, edition)
    newer_staff = newer_staff_share(ds, edition, pair_shares[0]) if pair_shares is not None else None
    province_trend = trend(ds, "new_jobs_province_share", edition, scope="province")
    province = province_trend[0] if province_trend is not None else None
    places = staff_places(ds, edition)
    jobs = new_jobs(ds, edition, year_told=places.province.period if places is not None else None)
    if not jobs.growth and jobs.share is None:
        missing.append(ds.indicators["new_jobs_province_share"].label_fr)
    turnover = ds.known("paris_turnover_rate", edition)
    if turnover is None:
        missing.append(ds.indicators["paris_turnover_rate"].label_fr)
    positions = provider_positions(ds, edition)
    missing += positions.missing
    setup, model_missing = model_setup(
        ds, edition, rate_gap=p.rate_gap, onshore_contacts_per_hour=p.onshore_contacts_per_hour,
        offshore_contacts_per_hour=p.offshore_contacts_per_hour, onshore_repeat_rate=p.onshore_repeat_rate,
        offshore_repeat_rate=p.offshore_repeat_rate)
    missing += model_missing
    regional = regional_staff_growth(ds, edition)
    answer = article_answer_facts(ds, edition)
    article = themes.article_edition(ds)
    then = ds.known("france_revenue_share", edition, period=str(article)) if article is not None else None
    return OffshoreFacts(
        edition=edition, params=p, answer=answer, pair=pair,
        growth_title=growth_title(*pair) if pair is not None else "",
        gap=ds.known("revenue_growth_gap_france_offshore", edition, scope="france"),
        newer=tuple(newer), zones_growth=zone_growth(ds, edition, pair, newer), share=share,
        nearshore=nearshore_given(ds, edition), zones=zone_shares(ds, edition),
        article_year=None if article is None else str(article),
        staff_revenue=staff_revenue(*pair_shares, newer_staff) if pair_shares is not None else None,
        positions_revenue=positions_revenue(ds, edition, newer_staff or pair_shares[0] if pair_shares else None),
        regions=region_shares(ds, edition), places=places, new_jobs=jobs, province=province,
        recent_province=province is not None and not stale(province, edition), regional=tuple(regional),
        regional_leads=bool(regional) and (province is None
                                           or period_key(regional[0].period) >= period_key(province.period)),
        sites_figures=sites_figures(ds, edition), turnover=turnover, sites=site_events(ds, edition),
        positions=positions, quotes=tuple(voices_quoted(ds, edition, list(positions.debate))),
        model=contact_model(setup, p.service_share) if setup is not None else None, setup=setup,
        share_now=share is not None and not share[0].from_older_edition,
        growth_now=bool(newer) and not newer[0].from_older_edition,
        against=(then is not None and share is not None and share[1] is not None
                 and (share[0].central - then.central) * (share[0].central - share[1].central) < 0),
        missing=tuple(missing), label=ds.indicators["revenue_growth"].label_fr,
        share_label=ds.indicators["france_revenue_share"].label_fr,
        offshore_shares=yearly(ds, "offshore_revenue_share", "market", edition),
        offshore_growths=yearly(ds, "revenue_growth", "offshore", edition),
    )


def yearly(ds: Dataset, indicator: str, scope: str, edition: int) -> tuple[Figure, ...]:
    """The yearly figures of (indicator, scope) as known in ``edition``, oldest first (each the newest edition's row,
    as ``Dataset.known`` gives it)."""
    series = ds.series(indicator, scope=scope, upto=edition)
    if series.empty:
        return ()
    years = [p for p in series["period"].astype(str) if p.isdigit() and len(p) == 4]
    return tuple(ds.figure(indicator, edition, scope=scope, period=p) for p in years)


__all__ = ["OffshoreFacts", "OffshoreParams", "Voice", "facts"]
