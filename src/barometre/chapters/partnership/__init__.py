"""Chapter « Un métier de partenariat »: jobs, training and the client–provider relationship.

The package, by section of the chapter: ``words`` (the chapter's names, what a person reported and
when), ``workforce`` (« Les salariés des outsourceurs »), ``jobs`` (the Mission's jobs target),
``agreement`` (the framework agreement and the Mission's plan), ``relationship`` (« La relation entre
donneurs d'ordres et prestataires »); here, the chapter's summary. The notebook reads every name from
here (``ch.<name>``).
"""

from __future__ import annotations

from dataclasses import replace

from barometre import formatting, narrative, periods
from barometre.chapters.partnership.agreement import (
    Plan,
    agreement_events,
    mission_plan,
    training_cost,
)
from barometre.chapters.partnership.jobs import (
    JobsTarget,
    Mission,
    count_after_target,
    jobs_against_target,
    jobs_chart,
    jobs_measured,
    jobs_takeaway,
    jobs_target,
    mission_paragraphs,
    target_cited,
)
from barometre.chapters.partnership.profile import portrait_takeaway, portrait_text
from barometre.chapters.partnership.relationship import (
    Numericable,
    numericable,
    numericable_chart,
    numericable_text,
    relationship_text,
)
from barometre.chapters.partnership.words import (
    AGREEMENT_EVENT_KINDS,
    AGREEMENT_LABEL,
    CHAPTER,
    EUR_PER_MILLION,
    MOVES,
    OTHER_LABEL,
    WORKFORCE,
    change_text,
    dated,
    event_quote,
    reported,
    reported_note,
    said_year,
    staff_today_text,
)
from barometre.chapters.partnership.workforce import (
    INSIDE_LABEL_MIN,
    REGIONS,
    Staff,
    cdi_with_france,
    diplomas,
    diplomas_text,
    history_chart,
    history_table,
    men_text,
    newer_in_scope,
    regional_figures,
    regional_text,
    staff_paragraphs,
    stated,
    workforce,
    workforce_chart,
    workforce_table,
    working_time,
)
from barometre.data import Dataset
from barometre.formatting import percent_of_one
from barometre.history import trend
from barometre.models import partnership as model
from barometre.narrative import ChapterSummary, cite, de, person, quote, trend_text
from barometre.typography import upper_first


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway from what the editions up to ``edition`` publish: the CDI share
    and its direction, the graduates, the jobs target; a neutral line when none is known."""
    cdi = trend(ds, "permanent_contract_share", edition)
    graduates = ds.known("graduate_share", edition)
    current = ds.known("customer_relation_jobs", edition, scope="current")
    target = ds.known("customer_relation_jobs", edition, scope="target")
    parts = []
    cdi_france = newer_in_scope(ds, "permanent_contract_share", "france", cdi[0] if cdi else None, edition)
    if cdi is not None and cdi_france is not None:  # the newer share, in France, leads (as in the chapter)
        parts.append(f"part des CDI : {cdi_with_france(cdi, cdi_france)}")
    elif cdi is not None:
        latest, previous = cdi
        if previous is not None:
            past = latest.from_older_edition  # an older edition's move is told in the past
            verb = narrative.direction(latest.central - previous.central,
                                       up="progressait" if past else "progresse", down="reculait" if past else "recule",
                                       flat="se maintenait" if past else "se maintient")
            # the verb gives the direction: « progresse : 84 % en 2011, contre 82 % en 2010 », not « progresse :
            # …, en hausse par rapport à … »
            parts.append(f"la part des CDI {verb} : {cite(latest)} en {formatting.period_text(latest.period)}, "
                         f"contre {cite(previous)} en {formatting.period_text(previous.period)}")
        else:
            parts.append(f"part des CDI : {trend_text(latest, None)}")
    regional = regional_figures(ds, "permanent_contract_share", edition)
    if regional:
        parts.append(f"part des CDI : {regional_text(regional)}")
    found = count_after_target(ds, edition, target)
    jobs = found[0] if found is not None and not found[0].from_older_edition else None  # this edition's count
    if diplomas_text(ds, edition) and jobs is None:  # beside a later jobs count, the row keeps to jobs and CDI
        parts.append(diplomas_text(ds, edition, short=True))
    sentences = []  # the target in a sentence of its own (editor37: one sentence of five clauses, four tags)
    if jobs is not None:
        reached = found[1]
        text = (f"en {formatting.period_text(jobs.period)}, la relation client compte "
                f"{cite(jobs, then=' emplois')} en France")
        years = periods.end(jobs.period) - periods.end(current.period) if current is not None else 0
        if current is not None and years > 0 and current.central > 0:
            pace = model.required_annual_growth(current.central, jobs.central, years) * 100
            text += (f", {'une croissance' if pace >= 0 else 'un recul'} d’environ {formatting.percent(abs(pace), 1)} "
                     f"par an depuis {formatting.period_text(current.period)} (calcul du livre)")
        sentences.append(text + f" : l’objectif de {target_cited(target)} fixé en "
                         f"{formatting.period_text(target.period)} {'est atteint' if reached else 'n’est pas atteint'}")
        if cdi_france is not None:  # the newer share in France, alone: the sector's older one is in the chapter
            parts = [f"part des CDI : {cite(cdi_france)} en France en {formatting.period_text(cdi_france.period)}"]
    elif current is not None and target is not None:
        change = target.central / current.central - 1
        aimed = (f"en {formatting.period_text(target.period)}, la Mission nationale de la relation client visait"
                 if target.from_older_edition else "la Mission nationale de la relation client vise")
        # a target the sentence dates carries no edition note, nor its starting count
        text = (f"{aimed} {target_cited(target)} contre {cite(replace(current, as_of=current.edition))}, soit "
                f"{formatting.percent(change * 100, signed=True)}")
        measured = jobs_measured(ds, edition, int(periods.end(current.period)))
        if measured:
            editions = sorted({f.edition for f in measured})
            dated = all(f.from_older_edition for f in measured)
            items = [f"{cite(replace(f, as_of=f.edition) if dated else f)}{' emplois' if i == 0 else ''} en "
                     f"{formatting.period_text(f.period)}" for i, f in enumerate(measured)]
            text += (" ; depuis, les outsourceurs ont créé "  # not « créé depuis environ … » (since about)
                     + ("en France " if all(f.scope == "france" for f in measured) else "")
                     + formatting.enumeration(items)
                     + (f" (édition{'s' if len(editions) > 1 else ''}\u00a0"
                        f"{formatting.enumeration([str(e) for e in editions])})" if dated else ""))
        sentences.append(text)
    if not parts and not sentences:
        labels = ["permanent_contract_share", "graduate_share", "customer_relation_jobs"]
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=ds.indicators["permanent_contract_share"].label_fr,
            key_figure=f"aucun chiffre jusqu’à l’édition {edition}",
            takeaway=narrative.not_in_edition([ds.indicators[i].label_fr for i in labels], edition),
        )
    if jobs is not None:
        key_label, key_figure = ("Emplois de la relation client en France",
                                 f"{cite(jobs)} en {formatting.period_text(jobs.period)}")
    elif cdi_france is not None:
        key_label, key_figure = (f"{cdi_france.label} (France)",
                                 f"{cite(cdi_france)} en {formatting.period_text(cdi_france.period)}")
    elif cdi is not None:
        key = cdi[0]
        key_label, key_figure = key.label, f"{cite(key)} en {formatting.period_text(key.period)}"
    elif regional:
        key_label, key_figure = regional[0].label, regional_text(regional)
    elif graduates is not None:
        key_label, key_figure = graduates.label, f"{cite(graduates)} en {formatting.period_text(graduates.period)}"
    else:
        key_label, key_figure = "Objectif d’emplois de la relation client", cite(target, with_noun=True)
    if jobs is not None:  # the count a later edition publishes leads
        blocks = [*sentences, " ; ".join(parts)] if parts else sentences
    else:
        blocks = ([" ; ".join(parts)] if parts else []) + sentences
    takeaway = " ".join(upper_first(b) + "." for b in blocks if b)
    return ChapterSummary(chapter=CHAPTER, key_label=key_label, key_figure=key_figure, takeaway=takeaway)


__all__ = [
    "AGREEMENT_EVENT_KINDS",
    "AGREEMENT_LABEL",
    "CHAPTER",
    "EUR_PER_MILLION",
    "INSIDE_LABEL_MIN",
    "MOVES",
    "OTHER_LABEL",
    "REGIONS",
    "WORKFORCE",
    "JobsTarget",
    "Mission",
    "Numericable",
    "Plan",
    "Staff",
    "agreement_events",
    "cdi_with_france",
    "change_text",
    "count_after_target",
    "dated",
    "de",
    "diplomas",
    "diplomas_text",
    "event_quote",
    "history_chart",
    "history_table",
    "jobs_against_target",
    "jobs_chart",
    "jobs_measured",
    "jobs_takeaway",
    "jobs_target",
    "men_text",
    "mission_paragraphs",
    "mission_plan",
    "newer_in_scope",
    "numericable",
    "numericable_chart",
    "numericable_text",
    "percent_of_one",
    "person",
    "portrait_takeaway",
    "portrait_text",
    "quote",
    "regional_figures",
    "regional_text",
    "relationship_text",
    "reported",
    "reported_note",
    "said_year",
    "staff_paragraphs",
    "staff_today_text",
    "stated",
    "summary",
    "target_cited",
    "training_cost",
    "trend",
    "trend_text",
    "workforce",
    "workforce_chart",
    "workforce_table",
    "working_time",
]
