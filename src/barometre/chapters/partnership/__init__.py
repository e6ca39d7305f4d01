"""Chapter « Un métier de partenariat »: jobs, training and the client–provider relationship.

The package, by section of the chapter: ``words`` (the chapter's names, what a person reported and
when), ``workforce`` (« Les salariés des outsourceurs »), ``jobs`` (the Mission's jobs target),
``agreement`` (the framework agreement and the Mission's plan), ``relationship`` (« La relation entre
donneurs d'ordres et prestataires »); here, the chapter's summary. The notebook reads every name from
here (``ch.<name>``).
"""

from __future__ import annotations

from barometre.chapters.partnership.agreement import (
    Plan,
    agreement_events,
    mission_plan,
    training_cost,
)
from barometre.chapters.partnership.facts import PartnershipFacts, PartnershipParams, facts
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
)
from barometre.chapters.partnership.profile import portrait_takeaway, portrait_text
from barometre.chapters.partnership.relationship import (
    Numericable,
    numericable,
    numericable_chart,
    numericable_text,
)
from barometre.chapters.partnership.text import (
    missing_text,
    mission_text,
    numericable_paragraph,
    plan_text,
    relationship_paragraph,
    staff_text,
    summary_of,
    takeaways_text,
    voices_text,
)
from barometre.chapters.partnership.words import (
    AGREEMENT_EVENT_KINDS,
    AGREEMENT_LABEL,
    CHAPTER,
    EUR_PER_MILLION,
    OTHER_LABEL,
    WORKFORCE,
    change_text,
    event_quote,
    reported,
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
    workforce,
    workforce_chart,
    workforce_table,
    working_time,
)
from barometre.data import Dataset
from barometre.formatting import percent_of_one
from barometre.history import trend
from barometre.narrative import ChapterSummary, de, person, quote, trend_text


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway from what the editions up to ``edition`` publish (``summary_of`` its
    facts): the CDI share and its direction, the graduates, the jobs target; a neutral line when none is known."""
    return summary_of(facts(ds, edition))


__all__ = [
    "AGREEMENT_EVENT_KINDS",
    "AGREEMENT_LABEL",
    "CHAPTER",
    "EUR_PER_MILLION",
    "INSIDE_LABEL_MIN",
    "OTHER_LABEL",
    "REGIONS",
    "WORKFORCE",
    "JobsTarget",
    "Mission",
    "Numericable",
    "PartnershipFacts",
    "PartnershipParams",
    "Plan",
    "Staff",
    "agreement_events",
    "cdi_with_france",
    "change_text",
    "count_after_target",
    "de",
    "diplomas",
    "diplomas_text",
    "event_quote",
    "facts",
    "history_chart",
    "history_table",
    "jobs_against_target",
    "jobs_chart",
    "jobs_measured",
    "jobs_takeaway",
    "jobs_target",
    "men_text",
    "missing_text",
    "mission_paragraphs",
    "mission_plan",
    "mission_text",
    "newer_in_scope",
    "numericable",
    "numericable_chart",
    "numericable_paragraph",
    "numericable_text",
    "percent_of_one",
    "person",
    "plan_text",
    "portrait_takeaway",
    "portrait_text",
    "quote",
    "regional_figures",
    "regional_text",
    "relationship_paragraph",
    "reported",
    "staff_paragraphs",
    "staff_text",
    "staff_today_text",
    "summary",
    "summary_of",
    "takeaways_text",
    "training_cost",
    "trend",
    "trend_text",
    "voices_text",
    "workforce",
    "workforce_chart",
    "workforce_table",
    "working_time",
]
