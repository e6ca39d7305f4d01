"""The chapter's facts: one function of the data and the parameters, ``facts(ds, edition, params)``, computed once
and read by the notebook's cells, the « À retenir », the synthesis line and the chapter's templates (issue 25).
Nothing here writes a sentence: the text is in ``src/barometre/templates/chapters/resilience/``."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from barometre import formatting, lead, narrative
from barometre.chapters.resilience.growth import (
    GrowthVoices,
    JobCut,
    growth_table,
    growth_voices,
    job_cuts,
    year_trend,
    yearly_growths,
)
from barometre.chapters.resilience.market import sector_events
from barometre.chapters.resilience.payback import PaybackModel, payback_model, payback_takeaway
from barometre.data import Dataset, Figure, period_end
from barometre.models.findings import Takeaway
from barometre.narrative import growth_trend

# A share of the market published this many years before the growth the summary gives is no longer told
# beside it (the body of the chapter still gives it, with its year).
STALE_SHARE_YEARS = 2

USED_INDICATORS = ("revenue_growth", "outsourced_market_share", "inhouse_salary_premium", "cost_savings_demanded",
                   "outsourcing_breakeven_years")
OUTLOOK_INDICATORS = ("revenue_growth_forecast", "revenue_growth_estimate")


@dataclass(frozen=True)
class ResilienceParams:
    """The notebook's parameters, with the notebook's defaults (papermill may set any of them)."""

    edition: int = 0  # barometer edition to render (0 means the latest edition in data/)
    data_dir: str = "../data"  # folder of the validated data
    provider_margin: float = 0.10  # provider's margin on its costs (book's assumption, not in the article)
    labour_share: float = -1.0  # share of labour in the running cost (-1 means: the barometer personnel cost share)
    transition_cost_months: float = -1.0  # one-off transition cost (-1 means: implied by the break-even in data)
    horizon_months: int = 48  # horizon of the payback chart, in months


@dataclass(frozen=True)
class Average:
    """An edition's yearly average growth over several years, as a person gives it: her span, her name (an
    interview's) and her next words on the year."""

    figure: Figure
    span: str  # « de 2017 à 2024 », in her words when she gave them
    speaker: str | None  # the interviewee's name; None for a written source
    more: str  # her next words on the year ('' without)
    forecast: Figure | None  # the growth the edition forecasts for the market (the synthesis line's end)
    forecast_text: str  # that forecast as ``lead.forecast_text`` gives it
    year: str = ""  # the average's last year
    parts: tuple = ()  # the growths the edition gives for that year by place of production (``lead.average_parts``)


@dataclass(frozen=True)
class Outlook:
    """One of the edition's own forecasts of the market's growth, and who gave it (an interviewee's name)."""

    figure: Figure
    speaker: str | None


@dataclass(frozen=True)
class MarketSize:
    """The edition's own size of the market, its weight in GDP when given, and the falls of the sector's yearly
    growth that the editions up to it publish."""

    market: Figure
    gdp: Figure | None
    falls: tuple[Figure, ...]


@dataclass(frozen=True)
class Weight:
    """The sector's weight in the economy the edition publishes, with the market's size that year when given."""

    gdp: Figure
    market: Figure | None


@dataclass(frozen=True)
class CostArgument:
    """« L'argument du coût »: the salary premium of in-house centres and the savings demanded before and now."""

    premium: Figure
    savings_before: Figure
    savings_now: Figure
    ratio: float  # savings demanded now / before


@dataclass(frozen=True)
class ResilienceFacts:
    """Everything the chapter states for one edition and one set of parameters."""

    edition: int
    params: ResilienceParams
    growth: Figure | None  # the market's growth the edition knows
    previous: Figure | None  # the year before's
    comparable: Figure | None  # the year before's, when no break in the series lies between them
    trend: str | None  # « accélère », « ralentit », « se maintient » against ``comparable`` (both non-negative)
    year_trend: str | None  # the same against ``previous``, as the growth's sentence tells it
    average: Average | None  # the edition's own yearly average over several years
    outlooks: tuple[Outlook, ...]  # the edition's own forecasts of the market's growth
    size: Figure | None  # the market's size in the growth's year
    told: GrowthVoices  # the year's verdict and outlook told with the growth
    weight: Weight | None
    cuts: tuple[JobCut, ...]  # the jobs cut in France, year by year (the contraction of 2012-2013)
    market_size: MarketSize | None
    share: Figure | None  # the outsourced share of the market
    complement: str  # the rest of the market to 100 %, as the share is given ('' without a share)
    summary_share: Figure | None  # the share, unless too old beside the growth
    recent_share: bool  # the share is recent enough for the « À retenir »
    cost: CostArgument | None
    premium: Figure | None
    savings_now: Figure | None
    recent_premium: bool  # the premium is recent enough for the « À retenir »
    personnel: Figure | None
    breakeven: Figure | None
    payback: PaybackModel | None
    payback_line: Takeaway | None  # the model's « À retenir » line
    events: pd.DataFrame  # the sectors opened to outsourcing
    event_editions: tuple[int, ...]  # the editions whose sources report them
    missing: tuple[str, ...]  # the indicators no edition up to this one publishes
    # the market's yearly growth, year by year as known in the edition, oldest first: the bars of the growth chart
    # (``growth_table``), which the claims on the sector's course read (« toujours à deux chiffres », « un premier
    # recul en 2013 »…) rather than finding each year again
    growths: tuple[Figure, ...] = ()
    # the growth chart's table and figures: ``growths`` and the forecasts of the years no edition has published yet
    growth_chart: tuple[pd.DataFrame, list[Figure]] | None = field(default=None, repr=False)
    forecasts: Forecasts | None = None  # the edition's forecasts of the market, against their outcomes (None: none)

    def growth_of(self, year: int | str) -> Figure | None:
        """The market's growth of ``year`` as the chapter gives it (None when no edition up to it publishes it)."""
        return next((f for f in self.growths if f.period == str(year)), None)


@dataclass(frozen=True)
class Forecasts:
    """The forecasts of the market's growth the edition knows, each with its outcome, and what the editions up to it
    give for a forecast with none: the years of its span already published (``partial``), what an edition publishes
    instead (``related``), its outcome in France (``france``), by the forecast's anchor."""

    pairs: tuple[tuple[Figure, Figure | None], ...]
    partial: dict[str, tuple[Figure, ...]] = field(repr=False)
    related: dict[str, tuple[Figure, ...]] = field(repr=False)
    france: dict[str, Figure | None] = field(repr=False)


def forecasts_of(ds: Dataset, edition: int) -> Forecasts | None:
    pairs = tuple((f, o) for f, o in ds.forecasts(edition) if f.scope == "market")
    if not pairs:
        return None
    return Forecasts(pairs, {f.anchor: tuple(ds.partial_outcomes(f, edition)) for f, _ in pairs},
                     {f.anchor: tuple(ds.related_outcomes(f, edition)) for f, _ in pairs},
                     {f.anchor: ds.france_outcome(f, edition) for f, _ in pairs})


def facts(ds: Dataset, edition: int, params: ResilienceParams | None = None) -> ResilienceFacts:
    """The chapter's facts for ``edition`` (resolved: 0 is the latest) and the notebook's parameters."""
    p = params or ResilienceParams()
    edition = ds.resolve(edition)
    growth = ds.known("revenue_growth", edition, scope="market")
    previous = (ds.known("revenue_growth", edition, scope="market", period=str(period_end(growth.period) - 1))
                if growth is not None else None)
    comparable = previous if previous is None or ds.break_between(previous, growth) is None else None
    trend = (growth_trend(growth.central, comparable.central)
             if growth is not None and comparable is not None and growth.central >= 0 and comparable.central >= 0
             else None)
    share = ds.known("outsourced_market_share", edition)
    summary_share = share
    if share is not None and growth is not None and period_end(growth.period) - period_end(share.period) > STALE_SHARE_YEARS:
        summary_share = None  # the 2009 share beside the growth of 2019: left to the chapter's body
    premium = ds.known("inhouse_salary_premium", edition)
    savings_before = ds.known("cost_savings_demanded", edition, scope="before")
    savings_now = ds.known("cost_savings_demanded", edition, scope="now")
    cost = (CostArgument(premium, savings_before, savings_now, savings_now.central / savings_before.central)
            if premium is not None and savings_before is not None and savings_now is not None else None)
    personnel = ds.known("personnel_cost_share", edition)
    events = sector_events(ds, edition)
    breakeven = ds.known("outsourcing_breakeven_years", edition)
    payback = payback_model(premium, personnel, breakeven, savings_now, labour_share=p.labour_share,
                            provider_margin=p.provider_margin, transition_cost_months=p.transition_cost_months)
    growths = yearly_growths(ds, edition)
    outlook = lead.outlook(ds, edition)  # the edition's outlook, once: the average's forecast and the year's voices
    payback_line = (payback_takeaway(premium, labour_share=payback.labour, provider_margin=p.provider_margin,
                                     breakeven=breakeven, transition_cost_months=p.transition_cost_months,
                                     savings_demanded=savings_now, borrowed_labour_share=p.labour_share < 0)
                    if payback is not None else None)
    return ResilienceFacts(
        edition=edition, params=p, growth=growth, previous=previous, comparable=comparable, trend=trend,
        year_trend=year_trend(growth, previous) if growth is not None else None,
        average=_average(ds, lead.average_facts(ds, edition), outlook), outlooks=_outlooks(ds, edition),
        size=ds.known("market_revenue", edition, period=growth.period) if growth is not None else None,
        told=growth_voices(ds, edition, growth, outlook), weight=_weight(ds, edition), cuts=job_cuts(ds, edition), market_size=_market_size(ds, edition),
        share=share, complement=formatting.complement_text(share) if share is not None else "", summary_share=summary_share,
        recent_share=share is not None and edition - period_end(share.period) <= STALE_SHARE_YEARS,
        cost=cost, premium=premium, savings_now=savings_now,
        recent_premium=premium is not None and not narrative.stale(premium, edition),
        personnel=personnel, breakeven=breakeven, payback=payback, payback_line=payback_line,
        events=events, event_editions=tuple(sorted({int(e) for e in events["edition"]})) if not events.empty else (),
        missing=tuple(ds.unknown(list(USED_INDICATORS), edition)),
        growths=growths, growth_chart=growth_table(ds, edition, growths), forecasts=forecasts_of(ds, edition),
    )


def _speaker(ds: Dataset, fig: Figure) -> str | None:
    return ds.sources[fig.source].name if fig.source_type == "interview" else None


def _average(ds: Dataset, found: lead.EditionAverage | None, outlook: lead.Outlook) -> Average | None:
    """The edition's average as the lead computes it (``lead.average_facts``: the figure, the speaker's next words,
    the growths by place) and the market's forecast of the lead's outlook: one computation for both pages."""
    if found is None:
        return None
    average = found.figure
    forecast = next((f for f in outlook.forecasts
                     if ds.indicators[f.indicator].forecast_of == "revenue_growth" and f.scope == "market"), None)
    return Average(figure=average, span=lead.spoken_span(average) or formatting.period_text(average.period),
                   speaker=_speaker(ds, average), more=lead.words_text(found.next_words),
                   forecast=forecast, forecast_text=lead.forecast_text(forecast) if forecast is not None else "",
                   year=found.year, parts=tuple(found.parts))


def _outlooks(ds: Dataset, edition: int) -> tuple[Outlook, ...]:
    return tuple(Outlook(f, _speaker(ds, f)) for f, _ in ds.forecasts(edition)
                 if f.edition == edition and not f.secondary and f.indicator in OUTLOOK_INDICATORS)


def _weight(ds: Dataset, edition: int) -> Weight | None:
    gdp = ds.known("gdp_share", edition)
    if gdp is None or not gdp.published or gdp.from_older_edition:
        return None
    market = ds.known("market_revenue", edition, period=gdp.period)
    own = market is not None and market.published and not market.from_older_edition
    return Weight(gdp, market if own else None)


def _market_size(ds: Dataset, edition: int) -> MarketSize | None:
    market = ds.known("market_revenue", edition)
    if market is None or not market.published or market.from_older_edition:
        return None
    gdp = ds.known("gdp_share", edition, period=market.period)
    own = gdp is not None and gdp.published and not gdp.from_older_edition
    falls = tuple(f for f in lead.series(ds, "revenue_growth", "market", edition) if f.bounds[1] < 0)
    return MarketSize(market, gdp if own else None, falls)
