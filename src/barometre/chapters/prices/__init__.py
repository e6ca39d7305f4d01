"""Chapter « La guerre des prix »: the tables and charts, from data and models.

The package, by section of the chapter: ``common`` (the chapter's names, the price's words),
``clients`` (« Les secteurs clients », « Le poids du personnel », the activities and the price per
minute), ``smic`` (« Le prix de l'heure et le Smic »), ``margin`` (the margin model), ``labour``
(« Le coût employeur au Smic »), ``concentration`` (« La concentration du marché »); here, the
chapter's summary and its history chart. The notebook reads every name from here (``ch.<name>``).
"""

from __future__ import annotations

import pandas as pd

from barometre import formatting, history, narrative
from barometre.chapters.prices.clients import (
    OTHER_SECTORS,
    TELECOMS_WORD,
    VOLUME_FACTORS,
    activity_chart,
    activity_table,
    activity_text,
    activity_title,
    channels_text,
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
    members_share_sentence,
)
from barometre.chapters.prices.labour import (
    LABOUR_SOURCE,
    PRICE_BAND,
    LabourSqueeze,
    LaterCost,
    cost_takeaway,
    cost_text,
    explained_text,
    labour_cost_years,
    labour_index_chart,
    labour_index_table,
    labour_missing_years,
    labour_squeeze,
    labour_text,
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
    SmicCheck,
    available_years,
    index_chart,
    index_table,
    index_text,
    index_title,
    last_full_year,
    later_prices,
    price_band,
    smic_check,
    smic_index_later,
    smic_mid_year,
    smic_years_after,
)
from barometre.charts import ChartOutput
from barometre.data import Dataset, Figure, period_end
from barometre.narrative import cite, md_escape


def edition_key(ds: Dataset, edition: int) -> tuple[Figure, str] | None:
    """The edition's own figure on the theme, with its sentence, when the price of an hour comes from an older
    edition: the telecoms' share of revenue (2011: 60 %), else the SP2C members' weight (2024: 70 à 75 %)."""
    telecoms = ds.known("telecom_revenue_share", edition)
    if published(telecoms) and not telecoms.from_older_edition:
        return telecoms, telecom_sentence(ds, edition)
    coverage = ds.known("sp2c_revenue_coverage", edition)
    if published(coverage) and not coverage.from_older_edition:
        return coverage, members_share_sentence(ds, edition, None)
    return None


def summary(ds: Dataset, edition: int):
    """The chapter's key figure and takeaway (data only), shown by the synthesis.
    Built from what the edition knows: the price of a production hour, else the personnel cost share,
    else a neutral line."""
    from barometre.narrative import ChapterSummary

    price = ds.known("production_hour_price_change_since_2000", edition)
    claim = ds.known("smic_increase_claimed", edition)
    if published(price):
        start, end = period_years(price.period, edition)
        # a figure of an older edition is told in the past, with its year, never as current
        past = price.from_older_edition
        # « En 2008, » dates the figures: no edition note on them (editor39, the synthesis row)
        sentence = price_sentence(narrative.dated(price), start, past=past)
        takeaway = (f"En {end}, l'heure de production {sentence}" if past
                    else f"L'heure de production {sentence}")
        if published(claim):
            joint = "quand" if (price.bounds[1] < 0) == (claim.central > 0) else "et"
            takeaway += f", {joint} le Smic {'avait' if past else 'a'} {smic_verb(claim)} {narrative.de(narrative.dated(claim))}"
            if price.bounds[1] < 0 < claim.central:
                takeaway += f" : l'effet de ciseaux {'pesait' if past else 'pèse'} sur les marges"
        later = later_prices(ds, edition, period_end(price.period)) if past else None
        if past:  # the reader of a later book is told that the price is not followed since
            takeaway += f". Aucune édition après celle de {price.edition} ne publie le prix de l'heure"
            if later is not None:
                takeaway += f" ; {later[1]}"
        words = price_direction(price)
        key = cite(price, magnitude=True) + " " + words if not words.startswith("à peu près") else cite(price)
        if past:
            key += f" entre {start} et {end}"
            own = edition_key(ds, edition)  # the edition's own figure of the theme leads, the price is history
            if own is not None:
                figure, sentence = own
                # a price is the chapter's key figure when one is known for later years (editor37: the 2024 key
                # figure was the members' share, a measure of concentration)
                key_label, key_figure = ((LATER_PRICES_LABEL, later[0]) if later is not None else
                                         (figure.label, narrative.cite_in(figure)))
                # the synthesis row keeps the edition's figure's first clause (editor38: about 720 characters;
                # the book's check of the share is in the chapter and the claims)
                first = sentence.strip().split(" ; ")[0].rstrip(".") + "."
                return ChapterSummary(chapter=CHAPTER, key_label=key_label, key_figure=key_figure,
                                      takeaway=f"{first} {takeaway}.")
            if later is not None:
                return ChapterSummary(chapter=CHAPTER, key_label=LATER_PRICES_LABEL, key_figure=later[0],
                                      takeaway=takeaway + ".")
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=ds.indicators["production_hour_price_change_since_2000"].label_fr,
            key_figure=key,
            takeaway=takeaway + ".",
        )
    personnel = ds.known("personnel_cost_share", edition)
    if published(personnel):
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=personnel.label,
            key_figure=f"{cite(personnel)} en {md_escape(formatting.period_text(personnel.period))}",
            takeaway=(f"Le coût du personnel {narrative.tensed(personnel, 'représente', 'représentait')} "
                      f"{cite(personnel)} du chiffre d'affaires des outsourceurs "
                      f"en {md_escape(formatting.period_text(personnel.period))}."),
        )
    return ChapterSummary(
        chapter=CHAPTER,
        key_label="Prix et coûts",
        key_figure="aucun chiffre publié",
        takeaway="Aucune édition du baromètre jusqu'à celle-ci ne publie le prix de l'heure de production "
        "ni la structure des coûts des outsourceurs.",
    )


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
    "LabourSqueeze",
    "LaterCost",
    "MarginModel",
    "SmicCheck",
    "SqueezeEnd",
    "activity_chart",
    "activity_table",
    "activity_text",
    "activity_title",
    "available_years",
    "channels_text",
    "consolidation_events",
    "consolidation_phrases",
    "cost_structure_chart",
    "cost_structure_table",
    "cost_structure_title",
    "cost_takeaway",
    "cost_text",
    "currency_text",
    "edition_key",
    "euros_precise",
    "explained_text",
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
    "history_title",
    "hotline_text",
    "inbound_contacts_sentence",
    "index_chart",
    "index_table",
    "index_text",
    "index_title",
    "labour_cost_years",
    "labour_index_chart",
    "labour_index_table",
    "labour_missing_years",
    "labour_squeeze",
    "labour_text",
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
    "members_share_sentence",
    "model_takeaway",
    "ordinal",
    "other_sectors_sentence",
    "outbound_text",
    "period_years",
    "price_band",
    "price_direction",
    "price_sentence",
    "price_step_chart",
    "price_step_table",
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
    "takeaways",
    "telecom_sentence",
    "telecom_voices",
    "years_text",
]


def takeaways(ds: Dataset, edition: int, *, personnel: Figure | None, price: Figure | None, start: int | None,
              end: int | None, model_end: int | None, claim: Figure | None, check: SmicCheck | None,
              margin: MarginModel | None, start_margin: float, squeeze: LabourSqueeze | None,
              top: Figure | None) -> str:
    """« À retenir »: the edition's own figure of the theme first (as in the synthesis), then each of the
    chapter's results the edition allows, and the figures no edition publishes, listed once."""
    summary_ = []
    own = edition_key(ds, edition)
    if own is not None:
        summary_.append(f"- {own[1].strip()}")
    if published(personnel):
        summary_.append(f"- Coût du personnel{narrative.in_year(personnel)} : {cite(personnel)} du chiffre "
                        "d'affaires.")
    if published(price):
        old = price.from_older_edition  # dated and in the past when older
        summary_.append(f"- Prix de l'heure de production : {narrative.opening(price).lower()}il "
                        f"{price_sentence(narrative.dated(price), start, past=old)}.")  # dated: no note (editor40)
        later = later_prices(ds, edition, end) if old else None
        if later is not None:  # the chapter's key figure in the synthesis: stated here too
            summary_.append(f"- {LATER_PRICES_LABEL} : {later[0]}.")
    if published(claim):
        summary_.append(
            f"- Smic ({formatting.period_text(claim.period)}) : {cite(narrative.dated(claim))} selon "
            f"{md_escape(claim.source_name)}, {formatting.percent(check.rise, signed=True)} d'après les textes "
            "officiels."
        )
    if margin is not None:
        summary_.append(model_takeaway(ds, price, start, model_end, start_margin=start_margin,
                                       personnel_share=margin.personnel_start).text)
    if squeeze is not None:
        summary_.append(f"- Coût employeur au Smic (OpenFisca France) : {cost_takeaway(ds, squeeze, edition)}")
    if published(top):
        summary_.append(f"- {md_escape(top.label)}{narrative.in_year(top)} : {cite(top)}.")
    missing = narrative.not_in_edition(ds.unknown(USED_INDICATORS, edition), edition)
    return "\n".join(summary_) + ("\n\n" + missing if missing else "")
