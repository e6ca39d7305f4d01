"""Chapter « Le débat offshore »: its facts, its text, the tables, the map and the charts, from data and models.

A chapter is its facts plus its text (issue 25): ``facts`` (``facts(ds, edition, params) -> OffshoreFacts``,
computed once; the notebook, the « À retenir » and the synthesis line read them) and ``text`` (one renderer a
template of ``src/barometre/templates/chapters/offshore/``). The package, by section of the chapter: ``common``
(the chapter's names, the outline of France), ``growth`` (« L'activité en France et offshore »), ``workplaces``
(the article's answer, the staff and revenue shares, the staff by place and region, the new jobs, the sites'
figures), ``sites`` (the regions, the map), ``providers`` (« Les positions des prestataires »), ``contact_model``
(the cost-per-contact model). Here, the older ``(ds, edition)`` functions kept as thin wrappers (facts, then
template). The notebook reads every name from here (``ch.<name>``).
"""

from __future__ import annotations

from barometre import narrative
from barometre.chapters.offshore.common import (
    CHAPTER,
    GROWTH_SCOPES,
    KIND_FR,
    MODEL_NOTE,
    SITE_EVENT_KINDS,
    TRANSFER_ORIGIN,
    city_point,
    france_outline,
    quote,
)
from barometre.chapters.offshore.contact_model import (
    REPEAT_BAND,
    ModelSetup,
    breakeven_chart,
    breakeven_table,
    cost_chart,
    cost_sweep,
    model_setup,
    model_takeaway,
    model_text,
    parity_band_sentence,
)
from barometre.chapters.offshore.facts import OffshoreFacts, OffshoreParams, facts
from barometre.chapters.offshore.growth import (
    FRANCE_REST,
    MOVES,
    PROVINCE_REST,
    SPLIT_GAP_YEARS,
    SPLIT_LABEL_CHAR,
    ZONE_OF,
    ZONES,
    abroad_words,
    growth_chart,
    growth_pair,
    growth_rows,
    growth_sentence,
    growth_table,
    growth_title,
    history_chart,
    history_table,
    location_growth_sentence,
    move,
    moved_in_past,
    moves_text,
    newer_location_growth,
    positions_and_revenue_sentence,
    share_shift,
    share_takeaway,
    share_text,
    split_chart,
    split_table,
    split_title,
    zone_growth_sentence,
    zones_sentence,
)
from barometre.chapters.offshore.providers import (
    POSITION_AXES,
    VOICES,
    Positions,
    Voice,
    common_publication,
    headcount_text,
    numericable_text,
    positions_chart,
    positions_intro,
    positions_table,
    provider_positions,
    rate_comparison,
    teleperformance_text,
    turnover_text,
    voice_line,
    voices,
    voices_quoted,
    webhelp_text,
)
from barometre.chapters.offshore.sites import (
    article_credit,
    label_side,
    regions_text,
    site_events,
    sites_by_city,
    sites_map,
    sites_title,
)
from barometre.chapters.offshore.text import (
    answer_text,
    debate_text,
    france_share_text,
    growth_text,
    jobs_text,
    location_growth_text,
    missing_text,
    model_section_text,
    paris_turnover_text,
    places_text,
    positions_revenue_text,
    positions_text,
    sites_figures_text,
    sites_list_text,
    staff_revenue_text,
    summary_of,
    takeaways_text,
    voices_text,
    workplaces_text,
    zones_growth_text,
)
from barometre.chapters.offshore.workplaces import (
    PLACES,
    REGIONS,
    new_jobs,
    newer_staff_share,
    regional_staff_growth,
    sites_figures,
    staff_and_revenue,
    staff_places,
    staff_revenue,
)
from barometre.data import Dataset, Figure
from barometre.history import trend
from barometre.narrative import trend_text
from barometre.narrative.templating import phrase, render

TEMPLATES = f"chapters/{CHAPTER}"


def staff_places_text(ds: Dataset, edition: int) -> str:
    """« En 2012, 55 % des salariés des outsourceurs travaillent en province et 2 % en Île-de-France. » The split
    of the staff by place (``workplaces.staff_places``), in the past for an older edition's; '' when none."""
    places = staff_places(ds, edition)
    return render(f"{TEMPLATES}/places.md.j2", p=places, places=PLACES) if places is not None else ""


def new_jobs_text(ds: Dataset, edition: int, *, year_told: str | None = None) -> str:
    """Where the outsourcers' jobs go (``workplaces.new_jobs``), '' when nothing is known."""
    return render(f"{TEMPLATES}/new_jobs.md.j2", j=new_jobs(ds, edition, year_told=year_told), regions=REGIONS)


def summary(ds: Dataset, edition: int):
    """The chapter's key figure and takeaway, from its facts (``summary_of``)."""
    return summary_of(facts(ds, edition))


def staff_and_revenue_sentence(staff: Figure, revenue: Figure, newer: Figure | None = None) -> str:
    """« En 2011, l'offshore emploie 39 % des effectifs des outsourceurs mais ne réalise que 23 % de leur
    chiffre d'affaires : … (calcul du livre). » The offshore debate in two shares."""
    return render(f"{TEMPLATES}/staff_revenue.md.j2", s=staff_revenue(staff, revenue, newer))


def article_answer(ds: Dataset, edition: int) -> str:
    """The article's question answered with the latest data (``workplaces.article_answer_facts``); '' in the
    article's own book, or when either year is not published."""
    from barometre.chapters.offshore.workplaces import article_answer_facts

    answer = article_answer_facts(ds, edition)
    return render(f"{TEMPLATES}/answer.md.j2", answer=answer) if answer is not None else ""


STALE_YEARS = narrative.STALE_YEARS
stale = narrative.stale  # the chapter's takeaways and sentences leave out a figure this old


def staff_and_revenue_takeaway(pair: tuple[Figure, Figure] | None) -> str:
    """« - En 2012, l'offshore employait 42 % des salariés pour 25 % du chiffre d'affaires (édition 2012). »: the
    debate in two shares, as a takeaway (editor37); dated and in the past for an older edition's pair."""
    if pair is None:
        return ""
    return phrase(f"{TEMPLATES}/_phrases.md.j2", "staff_revenue_takeaway", staff_revenue(*pair))


def sites_text(ds: Dataset, edition: int) -> str:
    """The production sites, told once an edition publishes them (``workplaces.sites_figures``); '' when none is
    published within ``STALE_YEARS`` of the edition."""
    found = sites_figures(ds, edition)
    return render(f"{TEMPLATES}/sites_figures.md.j2", s=found) if found is not None else ""


__all__ = [
    "CHAPTER",
    "FRANCE_REST",
    "GROWTH_SCOPES",
    "KIND_FR",
    "MODEL_NOTE",
    "MOVES",
    "PLACES",
    "POSITION_AXES",
    "PROVINCE_REST",
    "REGIONS",
    "REPEAT_BAND",
    "SITE_EVENT_KINDS",
    "SPLIT_GAP_YEARS",
    "SPLIT_LABEL_CHAR",
    "STALE_YEARS",
    "TRANSFER_ORIGIN",
    "VOICES",
    "ZONES",
    "ZONE_OF",
    "ModelSetup",
    "OffshoreFacts",
    "OffshoreParams",
    "Positions",
    "Voice",
    "abroad_words",
    "answer_text",
    "article_answer",
    "article_credit",
    "breakeven_chart",
    "breakeven_table",
    "city_point",
    "common_publication",
    "cost_chart",
    "cost_sweep",
    "debate_text",
    "facts",
    "france_outline",
    "france_share_text",
    "growth_chart",
    "growth_pair",
    "growth_rows",
    "growth_sentence",
    "growth_table",
    "growth_text",
    "growth_title",
    "headcount_text",
    "history_chart",
    "history_table",
    "jobs_text",
    "label_side",
    "location_growth_sentence",
    "location_growth_text",
    "missing_text",
    "model_section_text",
    "model_setup",
    "model_takeaway",
    "model_text",
    "move",
    "moved_in_past",
    "moves_text",
    "new_jobs_text",
    "newer_location_growth",
    "newer_staff_share",
    "numericable_text",
    "paris_turnover_text",
    "parity_band_sentence",
    "places_text",
    "positions_and_revenue_sentence",
    "positions_chart",
    "positions_intro",
    "positions_revenue_text",
    "positions_table",
    "positions_text",
    "provider_positions",
    "quote",
    "rate_comparison",
    "regional_staff_growth",
    "regions_text",
    "share_shift",
    "share_takeaway",
    "share_text",
    "site_events",
    "sites_by_city",
    "sites_figures_text",
    "sites_list_text",
    "sites_map",
    "sites_text",
    "sites_title",
    "split_chart",
    "split_table",
    "split_title",
    "staff_and_revenue",
    "staff_and_revenue_sentence",
    "staff_and_revenue_takeaway",
    "staff_places_text",
    "staff_revenue_text",
    "stale",
    "summary",
    "summary_of",
    "takeaways_text",
    "teleperformance_text",
    "trend",
    "trend_text",
    "turnover_text",
    "voice_line",
    "voices",
    "voices_quoted",
    "voices_text",
    "webhelp_text",
    "workplaces_text",
    "zone_growth_sentence",
    "zones_growth_text",
    "zones_sentence",
]
