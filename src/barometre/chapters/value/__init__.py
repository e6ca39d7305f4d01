"""Chapter « Plus de valeur ajoutée »: paying for quality, and the adviser's job and pay.

The package, by section: ``common`` (the chapter's names), ``pricing`` (paying for quality: the
schemes' model and charts), ``salaries`` (the adviser's pay against the Smic), ``salary_history``
(the pay edition after edition), ``facts`` (the chapter's facts: ``facts(ds, edition, params)``, computed once
and read by every text), ``text`` (the texts rendered from the facts by the templates of
``src/barometre/templates/chapters/value/``); here, the services sold and the chapter's summary.
"""

from __future__ import annotations

from barometre.chapters.value.common import (
    ARTICLE_SOURCE,
    CHAPTER,
    SCHEME_COLOURS,
    SCHEME_LABELS,
    USED_INDICATORS,
    change_text,
    interview_figure,
    interviews_known,
    interviews_year,
    known,
    model_source,
)
from barometre.chapters.value.facts import (
    SERVICES,
    PricingFacts,
    ValueFacts,
    ValueParams,
    facts,
    pricing_facts,
    services,
)
from barometre.chapters.value.pricing import (
    SchemeResult,
    cap_chart,
    cap_table,
    caps_to_show,
    compare_schemes,
    margin_chart,
    pricing_curves,
    pricing_inputs,
    revenue_chart,
)
from barometre.chapters.value.salaries import (
    SALARY_AXES,
    SALARY_PANELS,
    AdviserJob,
    PayAbroad,
    ReportedSalary,
    Salaries,
    adviser_job,
    adviser_job_of,
    adviser_job_text,
    change_words,
    in_place,
    net_pay_of,
    net_pay_text,
    numericable_clause,
    pay_abroad,
    pay_abroad_caveat,
    pay_abroad_of,
    place_said,
    reported_salary,
    reported_salary_of,
    reported_salary_text,
    salaries,
    salary_chart,
    salary_not_followed,
    salary_opening,
    salary_scale,
    salary_table,
    salary_text,
    smic_comparison,
    smic_gap_words,
)
from barometre.chapters.value.salary_history import (
    SALARY_TOLERANCE,
    SalaryGap,
    SmicChange,
    SmicRise,
    gap_history_of,
    gap_history_text,
    gap_then,
    salary_gap,
    salary_history,
    salary_history_chart,
    salary_history_title,
    smic_change,
    smic_rise,
    smic_text,
    smic_text_of,
)
from barometre.chapters.value.text import (
    caps_text,
    margin_text,
    paradox_text,
    pricing_takeaway,
    pricing_takeaway_of,
    pricing_text,
    quality_text,
    services_of,
    summary_of,
    takeaways_text,
)
from barometre.data import Dataset
from barometre.formatting import percent_of_one
from barometre.models.value import LEGAL_MONTHLY_HOURS
from barometre.narrative import (
    ChapterSummary,
    de,
    person,
    quote,
)


def services_text(ds: Dataset, edition: int) -> str:
    """« En 2019, les prestataires vendent davantage que la prise d'appels : le chiffre d'affaires de leur
    activité de formation progresse de 18,3 %, celui du conseil de 9,4 %. » The latest growths of the services
    the outsourcers sell besides the contacts ('' when no edition publishes them; ``text.services_of``)."""
    return services_of(services(ds, edition))


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway (data only), for the chapter and the synthesis page: read from the
    chapter's facts (``facts``) with the notebook's default parameters (``text.summary_of``)."""
    return summary_of(facts(ds, edition))


__all__ = [
    "ARTICLE_SOURCE",
    "CHAPTER",
    "LEGAL_MONTHLY_HOURS",
    "SALARY_AXES",
    "SALARY_PANELS",
    "SALARY_TOLERANCE",
    "SCHEME_COLOURS",
    "SCHEME_LABELS",
    "SERVICES",
    "USED_INDICATORS",
    "AdviserJob",
    "PayAbroad",
    "PricingFacts",
    "ReportedSalary",
    "Salaries",
    "SalaryGap",
    "SchemeResult",
    "SmicChange",
    "SmicRise",
    "ValueFacts",
    "ValueParams",
    "adviser_job",
    "adviser_job_of",
    "adviser_job_text",
    "cap_chart",
    "cap_table",
    "caps_text",
    "caps_to_show",
    "change_text",
    "change_words",
    "compare_schemes",
    "de",
    "facts",
    "gap_history_of",
    "gap_history_text",
    "gap_then",
    "in_place",
    "interview_figure",
    "interviews_known",
    "interviews_year",
    "known",
    "margin_chart",
    "margin_text",
    "model_source",
    "net_pay_of",
    "net_pay_text",
    "numericable_clause",
    "paradox_text",
    "pay_abroad",
    "pay_abroad_caveat",
    "pay_abroad_of",
    "percent_of_one",
    "person",
    "place_said",
    "pricing_curves",
    "pricing_facts",
    "pricing_inputs",
    "pricing_takeaway",
    "pricing_takeaway_of",
    "pricing_text",
    "quality_text",
    "quote",
    "reported_salary",
    "reported_salary_of",
    "reported_salary_text",
    "revenue_chart",
    "salaries",
    "salary_chart",
    "salary_gap",
    "salary_history",
    "salary_history_chart",
    "salary_history_title",
    "salary_not_followed",
    "salary_opening",
    "salary_scale",
    "salary_table",
    "salary_text",
    "services",
    "services_of",
    "services_text",
    "smic_change",
    "smic_comparison",
    "smic_gap_words",
    "smic_rise",
    "smic_text",
    "smic_text_of",
    "summary",
    "summary_of",
    "takeaways_text",
]
