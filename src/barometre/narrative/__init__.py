"""The one way to put a number into a sentence.

Chapters write their prose as MyST Markdown produced by code:
``say(f"... {cite(fig)} ...")``. ``cite`` formats the figure with the French
formatter and links it to its row in the sources annex, where the reader finds
the indicator, the edition, the source and the article's quote. Data strings
(quotes, names, labels) are always inserted through ``md_escape`` so that they
render literally, whatever characters they hold.

The package: ``citing`` (a figure in a sentence: link, edition note, quote, source line), ``page``
(the page being written: its mentions, its breaks explained once), ``mentions`` (a person's mention, its words chosen by the page), ``forecasts`` (a forecast's verdict and words), ``outcomes`` (a forecast against its outcome, from templates),
``words`` (tense, direction and trend chosen by the data), ``notes`` (notes the pages share, from templates). Every name is read from here.
"""

from __future__ import annotations

from barometre.narrative import mentions
from barometre.narrative.citing import (
    STALE_YEARS,
    UNDATED_UNITS,
    ChapterSummary,
    Said,
    cite,
    cite_earlier,
    cite_in,
    dated,
    de,
    excerpt,
    md_escape,
    one_note,
    person,
    publication,
    quote,
    quote_body,
    quotes_anchor,
    source_line,
    stale,
    trimmed,
    vintage_note,
)
from barometre.narrative.forecasts import (
    FORECAST_OBJECTS,
    direction_forecast,
    for_period,
    forecast_cited,
    forecast_noun,
    forecast_verdict,
    forecast_word,
    forecasts_heading,
    named_source,
    of_source,
    verdict_words,
    when_done,
)
from barometre.narrative.notes import about_edition, not_in_edition, ranges_and_bounds_example
from barometre.narrative.outcomes import (
    RELATED_WORDS,
    forecast_outcome,
    forecast_outcomes,
    related_text,
)
from barometre.narrative.page import (
    Page,
    new_page,
    of,
    say,
)
from barometre.narrative.words import (
    as_said_then,
    by_signs,
    direction,
    growth_trend,
    in_year,
    latest_parts,
    opening,
    publication_text,
    tensed,
    trend_text,
)
from barometre.typography import elide

__all__ = [
    "FORECAST_OBJECTS",
    "RELATED_WORDS",
    "STALE_YEARS",
    "UNDATED_UNITS",
    "ChapterSummary",
    "Page",
    "Said",
    "about_edition",
    "as_said_then",
    "by_signs",
    "cite",
    "cite_earlier",
    "cite_in",
    "dated",
    "de",
    "direction",
    "direction_forecast",
    "elide",
    "excerpt",
    "for_period",
    "forecast_cited",
    "forecast_noun",
    "forecast_outcome",
    "forecast_outcomes",
    "forecast_verdict",
    "forecast_word",
    "forecasts_heading",
    "growth_trend",
    "in_year",
    "latest_parts",
    "md_escape",
    "mentions",
    "named_source",
    "new_page",
    "not_in_edition",
    "of",
    "of_source",
    "one_note",
    "opening",
    "person",
    "publication",
    "publication_text",
    "quote",
    "quote_body",
    "quotes_anchor",
    "ranges_and_bounds_example",
    "related_text",
    "say",
    "source_line",
    "stale",
    "tensed",
    "trend_text",
    "trimmed",
    "verdict_words",
    "vintage_note",
    "when_done",
]
