"""The chapter's text, rendered from its facts by the templates of ``src/barometre/templates/chapters/value/``: one
function a template, each reading ``ValueFacts`` (or its ``PricingFacts``) and computing nothing the facts hold."""

from __future__ import annotations

import math
from collections.abc import Sequence

from barometre import formatting
from barometre.chapters.value.common import CHAPTER
from barometre.chapters.value.facts import PricingFacts, ValueFacts, pricing_facts
from barometre.data import Figure
from barometre.models.findings import Finding, Takeaway
from barometre.narrative import ChapterSummary, cite_in, not_in_edition, one_note
from barometre.narrative.templating import render

TEMPLATES = f"chapters/{CHAPTER}"
QUALITY_LABEL = "Payer la qualité"  # the synthesis page's label when no edition publishes the adviser's pay
QUALITY_FIGURE = "modèle du livre"  # and its « figure »: the model's lesson


def _render(name: str, **context) -> str:
    return render(f"{TEMPLATES}/{name}.md.j2", **context)


def paradox_text(f: ValueFacts) -> str:
    """« Le paradoxe de la qualité payée à l'appel »."""
    return _render("paradox", said_in=f.said_in, interviews=f.interviews, survey=f.survey, people=f.people)


def pricing_text(p: PricingFacts) -> str:
    """The pricing model in words: the book's assumptions, each scheme's revenue as quality improves (the verbs
    from the signs), and whether the bonus/malus contract rewards quality."""
    return _render("pricing", p=p)


def margin_text(p: PricingFacts) -> str:
    return _render("margin", p=p)


def caps_text(p: PricingFacts) -> str:
    return _render("caps", p=p)


def quality_text(f: ValueFacts) -> str:
    """« Qualité mesurée, qualité payée »: the third contract, as Numericable chose it when the testimonies are known."""
    return _render("quality", said_in=f.said_in, interviews=f.interviews, external=f.external, people=f.people)


def services_of(figs: Sequence[Figure]) -> str:
    """The latest growths of the services the outsourcers sell besides the contacts ('' without any)."""
    if not figs:
        return ""
    shown, note = one_note(list(figs))
    return _render("services", figs=list(figs), shown=shown, note=note)


def pricing_takeaway_of(p: PricingFacts) -> Takeaway:
    """The pricing model's « À retenir » lines and their finding, the neutral bonus."""
    shown = _render("pricing_takeaway", p=p)
    neutral = formatting.percent(p.neutral_bonus * 100, 2)
    return Takeaway(shown, {"neutral_bonus": Finding(p.neutral_bonus, neutral, (0, math.inf))})


def pricing_takeaway(*, fcr_low: float, fcr_high: float, fcr_target: float, bonus_per_point: float,
                     cost_ratio: float, max_contacts: int = 0) -> Takeaway:
    """The pricing model's « À retenir » lines for one set of assumptions (``pricing_takeaway_of`` their facts)."""
    return pricing_takeaway_of(pricing_facts(fcr_low, fcr_high, fcr_target, bonus_per_point, cost_ratio, max_contacts))


def takeaways_text(f: ValueFacts) -> str:
    """« À retenir »: the market's figure first, then the services sold beyond the contacts, then the model's lines."""
    return _render("takeaways", pay=f.pay, p=f.pricing, gap=f.salary_gap, services=services_of(f.services),
                   missing=not_in_edition(f.missing, f.edition))


def summary_of(f: ValueFacts) -> ChapterSummary:
    """The chapter's key figure and takeaway for the synthesis page, from its facts."""
    takeaway = _render("summary", pay=f.pay, training=f.training)
    if f.pay is None:
        return ChapterSummary(chapter=CHAPTER, key_label=QUALITY_LABEL, key_figure=QUALITY_FIGURE, takeaway=takeaway)
    return ChapterSummary(chapter=CHAPTER, key_label=f.pay.gross.label,
                          key_figure=cite_in(f.pay.gross, then=" par mois"), takeaway=takeaway)
