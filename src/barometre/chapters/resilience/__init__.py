"""Chapter « Résilience face à la crise »: the tables and charts, from data and models.

The package, by section: ``growth`` (the market's growth, its chart and its voices), ``market``
(the outsourced share and the sector's events), ``payback`` (the premium, the savings and the
payback model); here, the chapter's summary and its « À retenir » lines.
"""

from __future__ import annotations

from barometre import formatting, lead, narrative
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
    contraction_sentence,
    growth_chart,
    growth_sentence,
    growth_table,
    growth_title,
    growth_voices,
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
from barometre.data import Dataset, Figure, period_end
from barometre.narrative import (
    ChapterSummary,
    cite,
    cite_in,
    de,
    forecast_word,
    growth_trend,
)

# A share of the market published this many years before the growth the summary gives is no longer told
# beside it (the body of the chapter still gives it, with its year).
STALE_SHARE_YEARS = 2


def summary(ds: Dataset, edition: int) -> ChapterSummary | None:
    """The chapter's key figure and takeaway (data only), shown by the synthesis: the growth this edition
    publishes (its yearly rate, else ``lead.edition_average``), else the last yearly growth an older edition
    published, told in the past;
    ``None`` when no edition up to ``edition`` publishes the sector's growth."""
    average = lead.edition_average(ds, edition)
    if average is not None:
        return _average_summary(ds, edition, average)
    growth = ds.known("revenue_growth", edition, scope="market")
    if growth is None:
        return None
    previous = ds.known("revenue_growth", edition, scope="market", period=str(period_end(growth.period) - 1))
    if previous is not None and ds.break_between(previous, growth) is not None:
        previous = None  # no comparison across a break in the series
    share = ds.known("outsourced_market_share", edition)
    if share is not None and period_end(growth.period) - period_end(share.period) > STALE_SHARE_YEARS:
        share = None  # the 2009 share beside the growth of 2019: left to the chapter's body
    year = formatting.period_text(growth.period)
    old = growth.from_older_edition  # an older edition's figure is told in the past (nothing stale as current)
    if growth.central < 0:
        takeaway = f"L'activité des outsourceurs {'reculait' if old else 'recule'} {de(growth, magnitude=True)} en {year}"
    else:
        takeaway = f"Les outsourceurs {'croissaient' if old else 'croissent'} {de(growth)} en {year}"
        if previous is not None and previous.central >= 0:
            trend = growth_trend(growth.central, previous.central)
            # the year before with its figure (editor40: « plus vite que l'année précédente » gave none)
            before = f"{formatting.period_text(previous.period)} ({cite(previous)})"
            takeaway += {"accélère": f", plus vite qu'en {before}",
                         "ralentit": f", moins vite qu'en {before}",
                         "se maintient": f", au même rythme qu'en {before}"}[trend]
    if share is not None:
        if share.from_older_edition:
            takeaway += (f" ; en {formatting.period_text(share.period)}, le marché externalisé représentait "
                         f"{cite(share)} de la relation client")
        else:
            takeaway += f" ; le marché externalisé représente {cite(share)} de la relation client"
    # the edition's own outlook ends the row, as in « À retenir » (editor38: the 2011 row ended on 2009's share)
    outlook = next((f for f, _ in ds.forecasts(edition) if f.edition == edition and not f.secondary
                    and f.indicator in ("revenue_growth_forecast", "revenue_growth_estimate")), None)
    if outlook is not None:
        takeaway += (f". {narrative.forecast_noun(outlook)} pour {narrative.for_period(outlook.period)} : "
                     f"{narrative.forecast_cited(outlook)}")
    return ChapterSummary(
        chapter=CHAPTER,
        key_label=growth.label,
        key_figure=f"{cite(growth)} en {year}",
        takeaway=takeaway + ".",
    )


def _average_summary(ds: Dataset, edition: int, average: Figure) -> ChapterSummary:
    """An edition that gives the sector's yearly average growth over several years, not one year's rate:
    that average, and the growth it forecasts for the next year (an older edition's rate is left to the
    chapter's history)."""
    span = lead.spoken_span(average) or formatting.period_text(average.period)  # a person's words for her span
    who = (f"Selon {narrative.md_escape(ds.sources[average.source].name)}, l" if average.source_type == "interview"
           else "L")
    takeaway = f"{who}es outsourceurs ont crû {de(average)} par an en moyenne {span}"
    more = lead.same_speaker_words(ds, edition, average)
    if more:  # her next words on the year (« Il y a eu un ralentissement en 2024 … »)
        takeaway += f" ; {more}"
    forecast = next((f for f in lead.outlook(ds, edition).forecasts
                     if ds.indicators[f.indicator].forecast_of == "revenue_growth" and f.scope == "market"), None)
    if forecast is not None:
        takeaway += (f" ; {forecast_word(forecast)} pour {formatting.period_text(forecast.period)} : "
                     f"{lead.forecast_text(forecast)}")
    return ChapterSummary(chapter=CHAPTER, key_label=average.label,
                          key_figure=f"{cite(average)} par an {span}", takeaway=takeaway + ".")


def growth_takeaways(ds: Dataset, edition: int, average: Figure | None, growth: Figure | None,
                     previous: Figure | None) -> list[str]:
    """The « À retenir » lines on the sector's course: the edition's own average (a person's, in her words for its
    span, with her next words on the year: « selon Caroline Adam … ; « Il y a eu un ralentissement en 2024 … » »),
    else the year's growth against the year before; then the edition's own forecast for a later year (2011: « un
    recul » for 2012, which the 2011 line omitted, editor37)."""
    lines = []
    if average is not None:
        span = lead.spoken_span(average) or formatting.period_text(average.period)
        who = (f", selon {narrative.md_escape(ds.sources[average.source].name)}"
               if average.source_type == "interview" else "")
        more = lead.same_speaker_words(ds, edition, average)
        lines.append(f"- Croissance annuelle moyenne du secteur {span}{who} : {cite(average)} par an"
                     + (f" ; {more}" if more else "") + ".")
    elif growth is not None:
        lines.append(f"- Croissance du secteur en {formatting.period_text(growth.period)} : {cite(growth)}"
                     + (f", contre {cite_in(previous)}"
                        if previous is not None else "") + ".")
    for forecast, _ in ds.forecasts(edition):
        if forecast.edition != edition or forecast.secondary or forecast.indicator not in ("revenue_growth_forecast",
                                                                      "revenue_growth_estimate"):
            continue
        who = narrative.md_escape(ds.sources[forecast.source].name) if forecast.source_type == "interview" else ""
        lines.append(f"- {narrative.forecast_noun(forecast)} pour {narrative.for_period(forecast.period)}"
                     + (f", selon {who}" if who else "") + f" : {narrative.forecast_cited(forecast)}.")
    return lines


def size_takeaway(ds: Dataset, edition: int) -> str:
    """« - Chiffre d'affaires du secteur en 2024 : 3 560 M€ (0,12 % du PIB) ; seul recul publié de l'ensemble du secteur :
    −1,7 % en 2013. » The edition's own size of the market (its weight in GDP when given), and the falls of the
    sector's yearly growth that the editions up to it publish (« seul recul » for one, « reculs publiés » for several,
    nothing for none). editor39: the 2024 « À retenir » gave 2009's salary gap and not the market. '' when the edition
    gives no size of its own."""
    market = ds.known("market_revenue", edition)
    if market is None or not market.published or market.from_older_edition:
        return ""
    gdp = ds.known("gdp_share", edition, period=market.period)
    weight = f" ({cite(gdp)} du PIB)" if gdp is not None and gdp.published and not gdp.from_older_edition else ""
    line = f"- Chiffre d'affaires du secteur en {formatting.period_text(market.period)} : {cite(market)}{weight}"
    falls = [f for f in lead.series(ds, "revenue_growth", "market", edition) if f.bounds[1] < 0]
    if len(falls) == 1:
        line += f" ; seul recul publié de l'ensemble du secteur : {cite_in(falls[0], signed=True, earlier=True)}"
    elif falls:
        line += (" ; reculs publiés de l'ensemble du secteur : "
                 + formatting.enumeration([cite_in(f, signed=True, earlier=True) for f in falls]))
    return line + "."


def weight_sentence(ds: Dataset, edition: int) -> str:
    """The sector's weight in the economy, when the edition publishes it (editor37: 2024's 0,12 % of GDP was only in
    the table): « En 2024, le marché de la relation client externalisée pèse 3 560 M€, soit 0,12 % du PIB
    français. »
    '' otherwise, and for an older edition's figure (the weight of another year is not told as the sector's)."""
    gdp = ds.known("gdp_share", edition)
    if gdp is None or not gdp.published or gdp.from_older_edition:
        return ""
    year = formatting.period_text(gdp.period)
    market = ds.known("market_revenue", edition, period=gdp.period)
    if market is not None and market.published and not market.from_older_edition:  # the size first (editor39)
        return (f"En {year}, le marché de la relation client externalisée pèse {cite(market)}, soit "
                f"{cite(gdp)} du PIB français.")
    return f"En {year}, le marché de la relation client externalisée pèse {cite(gdp)} du PIB français."


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
    "GrowthVoices",
    "PaybackModel",
    "breakeven_heatmap",
    "complement_text",
    "contraction_sentence",
    "editions_text",
    "events_source",
    "growth_chart",
    "growth_sentence",
    "growth_table",
    "growth_takeaways",
    "growth_title",
    "growth_voices",
    "margin_sensitivity",
    "market_share_chart",
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
    "size_takeaway",
    "summary",
    "weight_sentence",
]
