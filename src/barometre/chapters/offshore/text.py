"""The chapter's text, rendered from its facts by the templates of ``src/barometre/templates/chapters/offshore/``:
one function a template (or a section), each reading ``OffshoreFacts`` and computing nothing the facts hold."""

from __future__ import annotations

from barometre import formatting
from barometre.chapters.offshore.common import CHAPTER
from barometre.chapters.offshore.contact_model import model_of
from barometre.chapters.offshore.facts import OffshoreFacts
from barometre.chapters.offshore.growth import (
    growth_sentence,
    location_growth_sentence,
    positions_revenue_of,
    share_of,
    zone_growth_of,
)
from barometre.chapters.offshore.providers import debate_of, positions_of
from barometre.chapters.offshore.sites import regions_of, sites_list_of
from barometre.chapters.offshore.workplaces import PLACES, REGIONS
from barometre.narrative import ChapterSummary, cite, not_in_edition, trend_text
from barometre.narrative.templating import render

TEMPLATES = f"chapters/{CHAPTER}"


def _render(name: str, **context) -> str:
    return render(f"{TEMPLATES}/{name}.md.j2", **context)


def answer_text(f: OffshoreFacts) -> str:
    """The article's question answered with the latest data ('' in the article's own book)."""
    return _render("answer", answer=f.answer) if f.answer is not None else ""


def location_growth_text(f: OffshoreFacts) -> str:
    """France's growth (and the other locations') when newer than the France/offshore pair ('' otherwise)."""
    return location_growth_sentence(list(f.newer)) if f.newer else ""


def growth_text(f: OffshoreFacts) -> str:
    """France's growth against the offshore's, the last year both are published ('' without)."""
    if f.pair is None:
        return ""
    return growth_sentence(*f.pair, f.gap, last_pair=bool(f.newer))


def zones_growth_text(f: OffshoreFacts) -> str:
    """Each zone's growth after the pair's year ('' without)."""
    return zone_growth_of(f.zones_growth)


def france_share_text(f: OffshoreFacts) -> str:
    """France's share of revenue, the rest abroad and each zone's share; after the article's answer, the latest
    share is not told twice ('' without a share)."""
    if f.share is None:
        return ""
    return share_of(f.share, nearshore=f.nearshore, zones=f.zones, first=f.article_year,
                    answered=f.answer is not None)


def staff_revenue_text(f: OffshoreFacts) -> str:
    """The offshore debate in two shares ('' without)."""
    return _render("staff_revenue", s=f.staff_revenue) if f.staff_revenue is not None else ""


def positions_revenue_text(f: OffshoreFacts) -> str:
    """France's share of the positions against its share of revenue, when newer than the last pair told."""
    return positions_revenue_of(f.positions_revenue)


def places_text(f: OffshoreFacts) -> str:
    """The split of the staff by place ('' without)."""
    return _render("places", p=f.places, places=PLACES) if f.places is not None else ""


def jobs_text(f: OffshoreFacts) -> str:
    """Where the outsourcers' jobs go ('' when nothing is known)."""
    return _render("new_jobs", j=f.new_jobs, regions=REGIONS)


def sites_figures_text(f: OffshoreFacts) -> str:
    """The production sites' figures ('' when none is published)."""
    return _render("sites_figures", s=f.sites_figures) if f.sites_figures is not None else ""


def paris_turnover_text(f: OffshoreFacts) -> str:
    """The turnover in Paris ('' without)."""
    return _render("turnover", turnover=f.turnover) if f.turnover is not None else ""


def workplaces_text(f: OffshoreFacts) -> str:
    """« Où travaillent les salariés en France »: the regions, the staff by place, the new jobs, the sites and the
    turnover in Paris, one paragraph ('' when none is known)."""
    return " ".join(t for t in (regions_of(f.regions), places_text(f), jobs_text(f), sites_figures_text(f),
                                paris_turnover_text(f)) if t)


def sites_list_text(f: OffshoreFacts) -> str:
    """The openings and transfers of sites the edition cites ('' without)."""
    return sites_list_of(f.sites, f.edition)


def positions_text(f: OffshoreFacts) -> str:
    """The section's opening and each provider's figures in words."""
    return positions_of(f.positions, f.edition)


def debate_text(f: OffshoreFacts) -> str:
    """The debate, camp by camp ('' without a voice)."""
    return debate_of(f.positions.debate, f.positions.told)


def model_section_text(f: OffshoreFacts) -> str:
    """The model's section, or that it is not computed."""
    return model_of(f.model) if f.model is not None else _render("no_model")


def voices_text(f: OffshoreFacts) -> str:
    """« Les voix du débat, dans le texte » ('' when no quote is left)."""
    return _render("voices", quotes=f.quotes, said=any(v.said is not None for v in f.positions.debate),
                   edition=f.edition)


def missing_text(f: OffshoreFacts) -> str:
    """What no edition up to this one publishes ('' when nothing)."""
    return not_in_edition(list(f.missing), f.edition)


def takeaways_text(f: OffshoreFacts) -> str:
    """« À retenir », from the facts."""
    return _render("takeaways", f=f, region_words=REGIONS,
                   model_line=f.model.takeaway.text if f.model is not None else "")


def summary_of(f: OffshoreFacts) -> ChapterSummary:
    """The chapter's key figure and takeaway for the synthesis page, from its facts: the growth in France against
    offshore, else France's share of revenue, else a neutral line."""
    takeaway = _render("summary", f=f, region_words=REGIONS, answer=answer_text(f), missing=missing_summary(f))
    if f.newer and (f.share_now or f.growth_now):
        # the edition gives France's share or its growth, but no growth offshore: the last pair (2014) is history
        newer = f.newer[0]
        return ChapterSummary(
            chapter=CHAPTER, key_label=f.share[0].label if f.share_now else f"{f.label} en France",
            key_figure=(trend_text(f.share[0], None) if f.share_now else  # the key alone: the takeaway compares it
                        f"{cite(newer, signed=True)} en {formatting.period_text(newer.period)}"),
            takeaway=takeaway)
    if f.pair is not None:  # the chapter's subject is the offshore: its growth is the key figure
        offshore = f.pair[1]
        return ChapterSummary(chapter=CHAPTER, key_label=f"{f.label} offshore",
                              key_figure=f"{cite(offshore, signed=True)} en {formatting.period_text(offshore.period)}",
                              takeaway=takeaway)
    if f.share is not None:
        return ChapterSummary(chapter=CHAPTER, key_label=f.share[0].label, key_figure=trend_text(f.share[0], None),
                              takeaway=takeaway)
    return ChapterSummary(chapter=CHAPTER, key_label=f.label, key_figure=f"aucun chiffre jusqu’à l’édition {f.edition}",
                          takeaway=takeaway)


def missing_summary(f: OffshoreFacts) -> str:
    """The synthesis line when no edition up to this one publishes the growths nor France's share."""
    return not_in_edition([f"{f.label} (France et offshore)", f.share_label], f.edition)

