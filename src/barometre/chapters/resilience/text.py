"""The chapter's text, rendered from its facts by the templates of ``src/barometre/templates/chapters/resilience/``:
one function a template, each reading ``ResilienceFacts`` and computing nothing the facts hold."""

from __future__ import annotations

from barometre import formatting, lead, narrative
from barometre.chapters.resilience.facts import ResilienceFacts
from barometre.chapters.resilience.growth import CHAPTER, contraction_of
from barometre.narrative import ChapterSummary, cite, not_in_edition
from barometre.narrative.templating import render

TEMPLATES = f"chapters/{CHAPTER}"


def _render(name: str, **context) -> str:
    return render(f"{TEMPLATES}/{name}.md.j2", **context)


def growth_text(f: ResilienceFacts) -> str:
    """The year's growth against the year before, and the market's size that year ('' without a growth)."""
    if f.growth is None:
        return ""
    return _render("growth", growth=f.growth, previous=f.previous, trend=f.year_trend, size=f.size)


def contraction_text(f: ResilienceFacts) -> str:
    """The jobs cut in 2012-2013, once an edition publishes them ('' before)."""
    return contraction_of(f.cuts)


def weight_text(f: ResilienceFacts) -> str:
    """The sector's weight in the economy ('' when the edition does not publish it)."""
    return _render("weight", weight=f.weight) if f.weight is not None else ""


def share_text(f: ResilienceFacts) -> str:
    """« La part externalisée du marché » ('' without a share)."""
    return _render("share", share=f.share, complement=f.complement) if f.share is not None else ""


def cost_text(f: ResilienceFacts) -> str:
    """« L'argument du coût » ('' unless the premium and both savings are known)."""
    return _render("cost", cost=f.cost) if f.cost is not None else ""


def sectors_text(f: ResilienceFacts) -> str:
    """« Les secteurs qui s'ouvrent »: the openings the sources cite, or that none is cited."""
    return _render("sectors", events=list(f.events.itertuples()), event_editions=f.event_editions,
                   edition=f.edition)


def no_model_text() -> str:
    """The model's section when the figures it starts from are unknown."""
    return _render("no_model")


def size_text(f: ResilienceFacts) -> str:
    """The « À retenir » line on the market's size and the falls the editions publish ('' without a size of the
    edition's own)."""
    return _render("size", market_size=f.market_size)


def average_text(f: ResilienceFacts) -> str:
    """The edition's yearly average over several years, told first when it gives one (2024: 2017 to 2024), with the
    growths it publishes by place for the average's last year ('' without an average): the lead's computation."""
    if f.average is None:
        return ""
    return " ".join(s for s in (lead.average_sentence(f.average.figure, f.edition, f.growth),
                                lead.parts_text(f.average.year, f.average.parts)) if s)


def forecasts_text(f: ResilienceFacts) -> str:
    """The edition's forecasts of the market's growth against their outcomes ('' when it knows none)."""
    fc = f.forecasts
    if fc is None:
        return ""
    lines = narrative.forecast_outcomes(fc.pairs, lambda x: fc.partial[x.anchor], lambda x: fc.related[x.anchor],
                                        edition=f.edition, in_france=lambda x: fc.france[x.anchor])
    return _render("forecasts", heading=narrative.forecasts_heading(fc.pairs), outcomes=lines)


def takeaways_text(f: ResilienceFacts) -> str:
    """« À retenir », from the facts."""
    return _render("takeaways", average=f.average, growth=f.growth, previous=f.previous, outlooks=f.outlooks,
                   share=f.share, recent_share=f.recent_share, market_size=f.market_size, premium=f.premium,
                   recent_premium=f.recent_premium,
                   payback_line=f.payback_line.text if f.payback_line is not None else "",
                   missing=not_in_edition(list(f.missing), f.edition))


def summary_of(f: ResilienceFacts) -> ChapterSummary | None:
    """The chapter's key figure and takeaway for the synthesis page, from its facts; ``None`` when no edition up to
    this one publishes the sector's growth."""
    if f.average is None and f.growth is None:
        return None
    takeaway = _render("summary", average=f.average, growth=f.growth, comparable=f.comparable, trend=f.trend,
                       summary_share=f.summary_share, outlooks=f.outlooks)
    if f.average is not None:
        return ChapterSummary(chapter=CHAPTER, key_label=f.average.figure.label,
                              key_figure=f"{cite(f.average.figure)} par an {f.average.span}", takeaway=takeaway)
    return ChapterSummary(chapter=CHAPTER, key_label=f.growth.label,
                          key_figure=f"{cite(f.growth)} en {formatting.period_text(f.growth.period)}",
                          takeaway=takeaway)
