"""Chapter « La guerre des prix »: the tables and charts, from data and models.

The package, by section of the chapter: ``common`` (the chapter's names, the price's words),
``clients`` (« Les secteurs clients », « Le poids du personnel », the activities and the price per
minute), ``smic`` (« Le prix de l'heure et le Smic »), ``margin`` (the margin model), ``labour``
(« Le coût employeur au Smic »), ``concentration`` (« La concentration du marché »); ``facts`` (the
chapter's facts, ``facts(ds, edition, params)``, computed once) and ``text`` (its texts, rendered from the facts
by the templates of ``src/barometre/templates/chapters/prices/``); here, the chapter's summary and its history
chart. The notebook reads every name from here (``ch.<name>``).
"""

from __future__ import annotations

import pandas as pd

from barometre import history, narrative
from barometre.chapters.prices.clients import (
    OTHER_SECTORS,
    TELECOMS_WORD,
    VOLUME_FACTORS,
    activity_chart,
    activity_table,
    activity_text,
    activity_title,
    channels,
    channels_text,
    clients_text,
    cost_structure_chart,
    cost_structure_table,
    cost_structure_title,
    hotline_text,
    inbound_contacts_sentence,
    other_sectors_sentence,
    outbound_text,
    price_step_chart,
    price_step_table,
    sectors_sentence,
    telecom_sentence,
    telecom_share,
    telecom_voices,
)
from barometre.chapters.prices.common import (
    CHAPTER,
    MID_YEAR,
    MODEL_NOTE,
    OFFICIAL,
    ORDINALS,
    TOP_N,
    USED_INDICATORS,
    WHOLE_MARKET_SCOPES,
    currency_text,
    euros_precise,
    ordinal,
    period_years,
    price_direction,
    price_sentence,
    published,
    quote,
    smic_verb,
    span_text,
    years_text,
)
from barometre.chapters.prices.concentration import (
    CONSOLIDATION_KINDS,
    HHI_CLASS_FR,
    MembersShare,
    consolidation_events,
    consolidation_phrases,
    guidelines_name,
    hhi_chart,
    hhi_class,
    hhi_grid,
    hhi_reading,
    hhi_table,
    hhi_text,
    hhi_title,
    leader_cap,
    members_share,
    members_share_sentence,
    members_text,
)
from barometre.chapters.prices.facts import (
    ClaimCheck,
    Concentration,
    HourPrice,
    MinutePrice,
    OwnKey,
    PricesFacts,
    PricesParams,
    facts,
    own_key,
)
from barometre.chapters.prices.labour import (
    LABOUR_SOURCE,
    PRICE_BAND,
    Labour,
    LabourSqueeze,
    LaterCost,
    cost_takeaway,
    cost_takeaway_of,
    cost_text,
    cost_words,
    explained_text,
    labour_cost_years,
    labour_facts,
    labour_index_chart,
    labour_index_table,
    labour_missing_years,
    labour_squeeze,
    labour_words,
    later_cost,
    later_cost_text,
    margin_gain,
    reduction_words,
)
from barometre.chapters.prices.margin import (
    START_MARGIN_BAND,
    MarginModel,
    SqueezeEnd,
    margin_band_sentence,
    margin_chart,
    margin_factors,
    margin_model,
    margin_paths,
    margin_range_text,
    margin_title,
    model_takeaway,
    squeeze_summary,
)
from barometre.chapters.prices.smic import (
    LATER_PRICES_LABEL,
    PRINT_INDEX_HEIGHT,
    PriceIndex,
    SmicCheck,
    available_years,
    index_chart,
    index_table,
    index_text,
    index_title,
    last_full_year,
    later_prices,
    price_band,
    price_index,
    price_index_text,
    smic_check,
    smic_index_later,
    smic_mid_year,
    smic_years_after,
)
from barometre.chapters.prices.text import (
    check_text,
    concentration_text,
    history_text,
    minute_text,
    own_text,
    personnel_text,
    price_text,
    summary_of,
    takeaways_text,
)
from barometre.charts import ChartOutput
from barometre.data import Dataset, Figure
from barometre.narrative import ChapterSummary


def edition_key(ds: Dataset, edition: int) -> tuple[Figure, str] | None:
    """The edition's own figure on the theme, with its sentence, when the price of an hour comes from an older
    edition: the telecoms' share of revenue (2011: 60 %), else the SP2C members' weight (2024: 70 à 75 %)."""
    own = own_key(ds, edition, telecom_share(ds, edition))
    return (own.figure, own_text(own)) if own is not None else None


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway (data only), shown by the synthesis: ``summary_of`` its facts."""
    return summary_of(facts(ds, edition))


def history_title(table: pd.DataFrame) -> str:
    """The direction of the one panel (« Part … : en hausse »), or a topic when there are several."""
    if table["panneau"].nunique() == 1 and "segment" in table.columns and table["segment"].nunique() > 1:
        return str(table["panneau"].iloc[0])  # no direction across a break in the series
    if table["panneau"].nunique() == 1:
        ordered = table.sort_values("année")
        change = float(ordered["valeur"].iloc[-1] - ordered["valeur"].iloc[0])
        return f"{ordered['panneau'].iloc[0]} : {narrative.direction(change)}"
    return "Les chiffres du chapitre, année par année"


def history_table(ds: Dataset, edition: int) -> pd.DataFrame:
    """Every indicator of the chapter with at least two known years, by year (``history.yearly_history``)."""
    return history.yearly_history(ds, ds.indicators_for(CHAPTER), edition)


def history_chart(ds: Dataset, edition: int) -> ChartOutput | None:
    """Every indicator of the chapter with at least two known years, one panel each (None when none)."""
    table = history_table(ds, edition)
    if table.empty:
        return None
    return history.history_chart(table, name="prix-historique", title=history_title(table), edition=edition)


__all__ = [
    "CHAPTER",
    "CONSOLIDATION_KINDS",
    "HHI_CLASS_FR",
    "LABOUR_SOURCE",
    "LATER_PRICES_LABEL",
    "MID_YEAR",
    "MODEL_NOTE",
    "OFFICIAL",
    "ORDINALS",
    "OTHER_SECTORS",
    "PRICE_BAND",
    "PRINT_INDEX_HEIGHT",
    "START_MARGIN_BAND",
    "TELECOMS_WORD",
    "TOP_N",
    "USED_INDICATORS",
    "VOLUME_FACTORS",
    "WHOLE_MARKET_SCOPES",
    "ClaimCheck",
    "Concentration",
    "HourPrice",
    "Labour",
    "LabourSqueeze",
    "LaterCost",
    "MarginModel",
    "MembersShare",
    "MinutePrice",
    "OwnKey",
    "PriceIndex",
    "PricesFacts",
    "PricesParams",
    "SmicCheck",
    "SqueezeEnd",
    "activity_chart",
    "activity_table",
    "activity_text",
    "activity_title",
    "available_years",
    "channels",
    "channels_text",
    "check_text",
    "clients_text",
    "concentration_text",
    "consolidation_events",
    "consolidation_phrases",
    "cost_structure_chart",
    "cost_structure_table",
    "cost_structure_title",
    "cost_takeaway",
    "cost_takeaway_of",
    "cost_text",
    "cost_words",
    "currency_text",
    "edition_key",
    "euros_precise",
    "explained_text",
    "facts",
    "guidelines_name",
    "hhi_chart",
    "hhi_class",
    "hhi_grid",
    "hhi_reading",
    "hhi_table",
    "hhi_text",
    "hhi_title",
    "history_chart",
    "history_table",
    "history_text",
    "history_title",
    "hotline_text",
    "inbound_contacts_sentence",
    "index_chart",
    "index_table",
    "index_text",
    "index_title",
    "labour_cost_years",
    "labour_facts",
    "labour_index_chart",
    "labour_index_table",
    "labour_missing_years",
    "labour_squeeze",
    "labour_words",
    "last_full_year",
    "later_cost",
    "later_cost_text",
    "later_prices",
    "leader_cap",
    "margin_band_sentence",
    "margin_chart",
    "margin_factors",
    "margin_gain",
    "margin_model",
    "margin_paths",
    "margin_range_text",
    "margin_title",
    "members_share",
    "members_share_sentence",
    "members_text",
    "minute_text",
    "model_takeaway",
    "ordinal",
    "other_sectors_sentence",
    "outbound_text",
    "own_key",
    "own_text",
    "period_years",
    "personnel_text",
    "price_band",
    "price_direction",
    "price_index",
    "price_index_text",
    "price_sentence",
    "price_step_chart",
    "price_step_table",
    "price_text",
    "published",
    "quote",
    "reduction_words",
    "sectors_sentence",
    "smic_check",
    "smic_index_later",
    "smic_mid_year",
    "smic_verb",
    "smic_years_after",
    "span_text",
    "squeeze_summary",
    "summary",
    "summary_of",
    "takeaways_text",
    "telecom_sentence",
    "telecom_voices",
    "years_text",
]

