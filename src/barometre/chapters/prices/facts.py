"""The chapter's facts: one function of the data and the parameters, ``facts(ds, edition, params)``, computed once
and read by the notebook's cells, the « À retenir », the synthesis line and the chapter's templates (issue 25).
Nothing here writes a sentence: the text is in ``src/barometre/templates/chapters/prices/``."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from barometre import periods
from barometre.chapters.prices.clients import (
    Channels,
    Clients,
    TelecomShare,
    channels,
    clients,
    price_step_table,
    telecom_share,
)
from barometre.chapters.prices.common import (
    TOP_N,
    USED_INDICATORS,
    WHOLE_MARKET_SCOPES,
    period_years,
    published,
)
from barometre.chapters.prices.concentration import (
    MembersShare,
    consolidation_events,
    consolidation_phrases,
    hhi_grid,
    hhi_table,
    leader_cap,
    members_share,
)
from barometre.chapters.prices.labour import (
    Labour,
    LabourSqueeze,
    cost_takeaway_of,
    labour_facts,
    labour_squeeze,
)
from barometre.chapters.prices.margin import MarginModel, margin_model
from barometre.chapters.prices.smic import (
    PriceIndex,
    SmicCheck,
    available_years,
    later_prices,
    price_index,
    smic_check,
)
from barometre.data import Dataset, Figure, period_end
from barometre.models.findings import Takeaway


@dataclass(frozen=True)
class PricesParams:
    """The notebook's parameters, with the notebook's defaults (papermill may set any of them)."""

    edition: int = 0  # barometer edition to render (0 means the latest edition in data/)
    data_dir: str = "../data"  # folder of the validated data
    start_margin: float = 0.08  # operating margin of a production hour in the base year (book's assumption)
    personnel_share_start: float = -1.0  # personnel cost share of revenue in the base year (-1: the barometer's)
    productivity_gain: float = 0.0  # yearly gain of production hours per paid hour (book's assumption)
    tail_max_share: float = 2.0  # market share in percent of the largest outsourcer outside the top group
    minutes_per_year: float = 10000000.0  # minutes handled in a year under a mid-size contract (book's assumption)


@dataclass(frozen=True)
class OwnKey:
    """The edition's own figure on the theme, when the price of an hour comes from an older edition: the
    telecoms' share of revenue (as the clients' section tells it), else the SP2C members' weight."""

    figure: Figure
    telecoms: TelecomShare | None = None
    members: MembersShare | None = None


@dataclass(frozen=True)
class HourPrice:
    """The price of a production hour since its base year, the Smic's claimed rise beside it, and the years the
    model and the index chart run over."""

    price: Figure
    label: str  # the indicator's label (the synthesis page's key label)
    start: int  # the price's base year
    end: int  # its last year (the edition's when the period is one year)
    model_end: int  # the last year up to ``end`` both the Smic and the consumer prices cover
    years: tuple[int, ...]  # the years from ``start`` to the edition's both series cover
    past: bool  # an older edition's price: told in the past, with its year
    claim: Figure | None  # the Smic's rise as the edition claims it (None when not published)
    contrast: bool  # « alors que » / « quand »: the price falls while the Smic rises, or neither (else « et »)
    scissors: bool  # the price falls while the Smic rises: the squeeze on the margins
    later: tuple[str, str] | None  # Insee's later prices (key figure, clause) for an older edition's price
    # those prices as numbers when ``later`` tells them: the yearly change (%), its first and last year (the claims
    # page's words on what came next)
    insee: tuple[float, int, int] | None = None


@dataclass(frozen=True)
class ClaimCheck:
    """The Smic's claimed rise against the official rates on 1 July of the claim's two years."""

    claim: Figure
    start: int
    end: int
    check: SmicCheck


@dataclass(frozen=True)
class Concentration:
    """« La concentration du marché »: the moves, the top ten's share, the members' share and the index's bounds."""

    moves: tuple[str, ...]  # the latest consolidation moves, one phrase each
    top: Figure | None  # the top ten's share of the market (published)
    top_n: int
    forecast: Figure | None  # the large players' forecast share (as ``Dataset.known`` gives it)
    stake: Figure | None  # the stake acquired in Acticall (as ``Dataset.known`` gives it)
    members: MembersShare | None  # the members' share, another measure (None without)
    leader: Figure | None = None  # a published ceiling on any firm's share (None without the index)
    table: pd.DataFrame | None = field(default=None, repr=False)  # the index's bounds (None: not computable)
    grid: tuple[dict, ...] = ()  # the merger guidelines' classes

    @property
    def hhi(self) -> bool:
        """The top's share is one of the whole market: the index's bounds are computed."""
        return self.table is not None


@dataclass(frozen=True)
class MinutePrice:
    """« La précision des prix à la minute »: the decimals of a price per minute and what a step is worth in a
    year of a mid-size contract (the book's assumption)."""

    decimals: Figure
    minutes_per_year: float
    steps: pd.DataFrame = field(repr=False)  # a step's worth by volume (``price_step_table``)
    step: str  # the chosen row's step of price
    volume: str  # its volume of minutes
    worth: str  # what the step is worth in a year


@dataclass(frozen=True)
class PricesFacts:
    """What the chapter states for one edition and one set of parameters."""

    edition: int
    params: PricesParams
    own: OwnKey | None  # the edition's own figure on the theme (when the price is an older edition's)
    personnel: Figure | None  # the personnel cost share of revenue
    salaries: Figure | None  # the salaries' share of the production costs
    hour: HourPrice | None  # the price of a production hour and the Smic's claimed rise
    claim: Figure | None  # the Smic's claimed rise
    check: ClaimCheck | None  # that claim against the official rates
    margin: MarginModel | None  # the margin model (the price and the personnel share published)
    model_line: Takeaway | None  # the model's « À retenir » line
    squeeze: LabourSqueeze | None  # the model redone with the employer cost at the Smic
    cost_line: str  # the employer cost's « À retenir » clause ('' without ``squeeze``)
    concentration: Concentration
    inbound: Figure | None  # the inbound calls' share of revenue (as ``Dataset.known`` gives the activity's figures)
    inbound_change: Figure | None
    outbound: Figure | None
    hotline: Figure | None
    minute: MinutePrice | None  # the price per minute's decimals (None when not published)
    missing: tuple[str, ...]  # the labels of the chapter's indicators no edition up to this one publishes
    clients: Clients | None = None  # « Les secteurs clients »: the telecoms, the other sectors, the inbound contacts
    channels: Channels | None = None  # the later editions' channels, newer than the inbound calls' share
    index: PriceIndex | None = None  # the Smic and the consumer prices against the price of an hour (with ``hour``)
    labour: Labour | None = None  # the employer cost at the Smic (OpenFisca France), the model redone with it


def _known(ds: Dataset, indicator: str, edition: int, **kw) -> Figure | None:
    fig = ds.known(indicator, edition, **kw)
    return fig if published(fig) else None


def own_key(ds: Dataset, edition: int, share: TelecomShare | None) -> OwnKey | None:
    """The telecoms' share of revenue (2011: 60 %; ``share``, as the clients' section tells it), else the SP2C
    members' weight (2024: 70 à 75 %), when the edition publishes it itself."""
    telecoms = ds.known("telecom_revenue_share", edition)
    if published(telecoms) and not telecoms.from_older_edition:
        return OwnKey(telecoms, telecoms=share)
    coverage = ds.known("sp2c_revenue_coverage", edition)
    if published(coverage) and not coverage.from_older_edition:
        return OwnKey(coverage, members=members_share(ds, edition, None))
    return None


def hour_price(ds: Dataset, edition: int, price: Figure, claim: Figure | None) -> HourPrice:
    start, end = period_years(price.period, edition)
    years = available_years(ds, start, max(end, edition))
    past = price.from_older_edition
    later = later_prices(ds, edition, period_end(price.period)) if past else None
    return HourPrice(
        price=price, label=ds.indicators["production_hour_price_change_since_2000"].label_fr, start=start, end=end,
        model_end=max(y for y in years if y <= end), years=tuple(years), past=past, claim=claim,
        contrast=claim is not None and (price.bounds[1] < 0) == (claim.central > 0),
        scissors=claim is not None and price.bounds[1] < 0 < claim.central,
        later=later, insee=insee_prices(ds) if later is not None else None,
    )


def insee_prices(ds: Dataset) -> tuple[float, int, int] | None:
    """INSEE's yearly average change of the call-centre sector's production prices, with its first and last year (the
    row ``later_prices`` tells); None when the reference folder has none."""
    prices = ds.call_centres().get("production_price_change_yearly_average")
    if prices is None:
        return None
    start, end = periods.years(prices["period"], period_end(prices["period"]))
    return float(prices["value"]), start, end


def concentration(ds: Dataset, edition: int, tail_max_share: float) -> Concentration:
    top = _known(ds, "top10_market_share", edition, scope="top10")  # a share of the whole market, not a ranking's
    forecast = ds.known("large_players_forecast", edition)
    stake = ds.known("acticall_stake_acquired", edition)
    moves = consolidation_events(ds, edition)
    found = Concentration(
        moves=tuple(consolidation_phrases(moves, stake)) if not moves.empty else (), top=top, top_n=TOP_N,
        forecast=forecast, stake=stake, members=members_share(ds, edition, top))
    if top is None or top.scope not in WHOLE_MARKET_SCOPES:  # the bounds need a share of the whole market
        return found
    leader = leader_cap(ds, edition)
    return replace(found, leader=leader, table=hhi_table(top, TOP_N, tail_max_share, forecast, leader),
                   grid=tuple(hhi_grid(ds)))


def minute_price(decimals: Figure, minutes_per_year: float) -> MinutePrice:
    steps = price_step_table(int(decimals.central), minutes_per_year)
    chosen = steps[steps["retenu"]].iloc[0]
    return MinutePrice(decimals, minutes_per_year, steps, str(chosen["pas de prix"]), str(chosen["volume"]),
                       str(chosen["texte"]))


def facts(ds: Dataset, edition: int, params: PricesParams | None = None) -> PricesFacts:
    """The chapter's facts for ``edition`` (already resolved) and ``params`` (the notebook's defaults if None)."""
    p = params or PricesParams()
    personnel = _known(ds, "personnel_cost_share", edition)
    price = _known(ds, "production_hour_price_change_since_2000", edition)
    claim = _known(ds, "smic_increase_claimed", edition)
    hour = hour_price(ds, edition, price, claim) if price is not None else None
    check = None
    if claim is not None:
        c_start, c_end = period_years(claim.period, edition)
        check = ClaimCheck(claim, c_start, c_end, smic_check(ds, claim, c_start, c_end))
    margin = model_line = squeeze = None
    if hour is not None and personnel is not None:
        margin = margin_model(ds, price, personnel, list(hour.years), hour.start, hour.model_end,
                              start_margin=p.start_margin, personnel_share_start=p.personnel_share_start,
                              productivity_gain=p.productivity_gain)
        model_line = margin.line
        squeeze = labour_squeeze(margin.inputs, ds, price, hour.start, hour.model_end)
    decimals = _known(ds, "price_per_minute_decimals", edition)
    telecoms = telecom_share(ds, edition)
    inbound = ds.known("inbound_revenue_share", edition)
    labour = labour_facts(ds, edition, squeeze, price, *((hour.start, hour.end) if hour is not None else (None, None)))
    return PricesFacts(
        edition=edition, params=p, own=own_key(ds, edition, telecoms), personnel=personnel,
        salaries=_known(ds, "salary_cost_share_of_production", edition), hour=hour, claim=claim, check=check,
        margin=margin, model_line=model_line, squeeze=squeeze,
        cost_line=cost_takeaway_of(squeeze, labour.later) if squeeze is not None else "",
        concentration=concentration(ds, edition, p.tail_max_share),
        inbound=inbound,
        inbound_change=ds.known("inbound_revenue_share_change", edition),
        outbound=ds.known("outbound_revenue_share", edition), hotline=ds.known("hotline_inbound_growth", edition),
        minute=minute_price(decimals, p.minutes_per_year) if decimals is not None else None,
        missing=tuple(ds.unknown(USED_INDICATORS, edition)), clients=clients(ds, edition, telecoms),
        channels=channels(ds, edition, inbound),
        index=price_index(ds, edition, price, list(hour.years), hour.start, hour.end, hour.model_end)
        if hour is not None else None, labour=labour,
    )
