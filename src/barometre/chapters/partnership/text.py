"""The chapter's text, rendered from its facts by the templates of ``src/barometre/templates/chapters/partnership/``:
one function a section, each reading ``PartnershipFacts`` and computing nothing the facts hold."""

from __future__ import annotations

from barometre.chapters.partnership.facts import PartnershipFacts
from barometre.chapters.partnership.jobs import takeaway_of
from barometre.chapters.partnership.profile import portrait_takeaway_of
from barometre.chapters.partnership.relationship import numericable_of, relationship_of
from barometre.chapters.partnership.words import CHAPTER, TEMPLATES
from barometre.chapters.partnership.workforce import regional_text
from barometre.formatting import period_text
from barometre.narrative import ChapterSummary, cite, not_in_edition
from barometre.narrative.templating import render


def _render(name: str, **context) -> str:
    return render(f"{TEMPLATES}/{name}.md.j2", **context)


def staff_text(f: PartnershipFacts) -> str:
    """« Les salariés des outsourceurs » ('' when no edition up to this one tells any of it)."""
    return "\n\n".join(f.staff.paragraphs)


def mission_text(f: PartnershipFacts) -> str:
    """The agreement, the jobs target, its horizons and the jobs measured since ('' without any)."""
    return "\n\n".join(f.mission.paragraphs)


def plan_text(f: PartnershipFacts) -> str:
    """The Mission's plan, item by item ('' without any item)."""
    return f.plan.text


def numericable_paragraph(f: PartnershipFacts) -> str:
    """The Numericable case ('' when no edition up to this one reports it)."""
    return numericable_of(f.numericable) if f.numericable is not None else ""


def relationship_paragraph(f: PartnershipFacts) -> str:
    """What a client and two providers said of their relationship ('' when nobody is reported)."""
    return relationship_of(f.relationship)


def voices_text(f: PartnershipFacts) -> str:
    """« Ce qu'en disent les acteurs » ('' without a quote)."""
    return _render("voices", voices=f.voices) if f.voices else ""


def missing_text(f: PartnershipFacts) -> str:
    """The figures no edition up to this one publishes, in one sentence ('' when none is missing)."""
    return not_in_edition(list(f.missing), f.edition)


def takeaways_text(f: PartnershipFacts) -> str:
    """« À retenir », from the facts."""
    m = f.mission
    jobs_line = takeaway_of(m.outcome, m.jobs, m.first, f.edition) if m.jobs is not None else ""
    return _render("takeaways", f=f, jobs_line=jobs_line, portrait_line=portrait_takeaway_of(f.staff.portrait))


def summary_of(f: PartnershipFacts) -> ChapterSummary:
    """The chapter's key figure and takeaway for the synthesis page, from its facts; a neutral line when no figure
    is known."""
    st = f.staff
    jobs = f.count.later if f.count is not None and not f.count.later.from_older_edition else None
    takeaway = _render("summary", s=f)
    if not takeaway:
        return ChapterSummary(chapter=CHAPTER, key_label=f.labels["permanent_contract_share"],
                              key_figure=f"aucun chiffre jusqu’à l’édition {f.edition}",
                              takeaway=not_in_edition(list(f.labels.values()), f.edition))
    if jobs is not None:
        key_label, key_figure = "Emplois de la relation client en France", f"{cite(jobs)} en {period_text(jobs.period)}"
    elif st.cdi_france is not None:
        key_label = f"{st.cdi_france.label} (France)"
        key_figure = f"{cite(st.cdi_france)} en {period_text(st.cdi_france.period)}"
    elif st.cdi is not None:
        key_label, key_figure = st.cdi[0].label, f"{cite(st.cdi[0])} en {period_text(st.cdi[0].period)}"
    elif st.regional:
        key_label, key_figure = st.regional[0].label, regional_text(st.regional)
    elif f.graduates is not None:
        key_label, key_figure = f.graduates.label, f"{cite(f.graduates)} en {period_text(f.graduates.period)}"
    else:
        key_label, key_figure = "Objectif d’emplois de la relation client", cite(f.target, with_noun=True)
    return ChapterSummary(chapter=CHAPTER, key_label=key_label, key_figure=key_figure, takeaway=takeaway)
