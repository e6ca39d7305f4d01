"""Chapter « Résilience face à la crise »: the tables and charts, from data and models.

The package, by section: ``growth`` (the market's growth, its chart and its voices), ``market``
(the outsourced share and the sector's events), ``payback`` (the premium, the savings and the
payback model); ``facts`` (the chapter's facts, computed once: ``facts(ds, edition, params)``) and ``text``
(its sentences, rendered from the facts by the templates of ``src/barometre/templates/chapters/resilience/``).
"""

from __future__ import annotations

from barometre.chapters.resilience.facts import (
    STALE_SHARE_YEARS,
    Average,
    CostArgument,
    MarketSize,
    Outlook,
    ResilienceFacts,
    ResilienceParams,
    Weight,
    facts,
)
from barometre.chapters.resilience.growth import (
    ARROW_SHARE,
    CHAPTER,
    FORECAST_KINDS,
    GROWTH_ACROSS_FROM,
    GROWTH_ACROSS_STEP,
    GROWTH_AXIS_OFFSET,
    GROWTH_KINDS,
    GROWTH_OUTER_PADDING,
    GROWTH_YEAR_SIZE,
    KIND_WORDS,
    NAMED_YEAR,
    GrowthVoices,
    JobCut,
    contraction_sentence,
    growth_chart,
    growth_sentence,
    growth_table,
    growth_title,
    growth_voices,
    job_cuts,
    other_words,
)
from barometre.chapters.resilience.market import (
    SECTOR_EVENT_KINDS,
    SHARE_BAND,
    SHARE_BOUND,
    complement_text,
    editions_text,
    events_source,
    market_share_chart,
    sector_events,
    sectors_chart,
)
from barometre.chapters.resilience.payback import (
    MARGIN_BAND,
    PREMIUM_AXES,
    PaybackModel,
    breakeven_heatmap,
    margin_sensitivity,
    payback_chart,
    payback_curves,
    payback_grid,
    payback_model,
    payback_takeaway,
    premium_chart,
    saving_band,
)
from barometre.chapters.resilience.text import (
    average_text,
    contraction_text,
    cost_text,
    forecasts_text,
    growth_text,
    no_model_text,
    sectors_text,
    share_text,
    size_text,
    summary_of,
    takeaways_text,
    weight_text,
)
from barometre.data import Dataset
from barometre.narrative import ChapterSummary


def summary(ds: Dataset, edition: int) -> ChapterSummary | None:
    """The chapter's key figure and takeaway (data only), shown by the synthesis: the growth this edition
    publishes (its yearly rate, else ``lead.edition_average``), else the last yearly growth an older edition
    published, told in the past; ``None`` when no edition up to ``edition`` publishes the sector's growth.
    Rendered from the chapter's facts (``summary_of``)."""
    return summary_of(facts(ds, edition))


def size_takeaway(ds: Dataset, edition: int) -> str:
    """« - Chiffre d'affaires du secteur en 2024 : 3 560 M€ (0,12 % du PIB) ; seul recul publié de l'ensemble du
    secteur : −1,7 % en 2013. » ('' when the edition gives no size of its own; ``size_text`` of its facts)."""
    return size_text(facts(ds, edition))


def weight_sentence(ds: Dataset, edition: int) -> str:
    """The sector's weight in the economy, when the edition publishes it ('' otherwise; ``weight_text`` of its
    facts)."""
    return weight_text(facts(ds, edition))


__all__ = [
    "ARROW_SHARE",
    "CHAPTER",
    "FORECAST_KINDS",
    "GROWTH_ACROSS_FROM",
    "GROWTH_ACROSS_STEP",
    "GROWTH_AXIS_OFFSET",
    "GROWTH_KINDS",
    "GROWTH_OUTER_PADDING",
    "GROWTH_YEAR_SIZE",
    "KIND_WORDS",
    "MARGIN_BAND",
    "NAMED_YEAR",
    "PREMIUM_AXES",
    "SECTOR_EVENT_KINDS",
    "SHARE_BAND",
    "SHARE_BOUND",
    "STALE_SHARE_YEARS",
    "Average",
    "CostArgument",
    "GrowthVoices",
    "JobCut",
    "MarketSize",
    "Outlook",
    "PaybackModel",
    "ResilienceFacts",
    "ResilienceParams",
    "Weight",
    "average_text",
    "breakeven_heatmap",
    "complement_text",
    "contraction_sentence",
    "contraction_text",
    "cost_text",
    "editions_text",
    "events_source",
    "facts",
    "forecasts_text",
    "growth_chart",
    "growth_sentence",
    "growth_table",
    "growth_text",
    "growth_title",
    "growth_voices",
    "job_cuts",
    "margin_sensitivity",
    "market_share_chart",
    "no_model_text",
    "other_words",
    "payback_chart",
    "payback_curves",
    "payback_grid",
    "payback_model",
    "payback_takeaway",
    "premium_chart",
    "saving_band",
    "sector_events",
    "sectors_chart",
    "sectors_text",
    "share_text",
    "size_takeaway",
    "size_text",
    "summary",
    "summary_of",
    "takeaways_text",
    "weight_sentence",
    "weight_text",
]
