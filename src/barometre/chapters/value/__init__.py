"""Chapter « Plus de valeur ajoutée »: paying for quality, and the adviser's job and pay.

The package, by section: ``common`` (the chapter's names), ``pricing`` (paying for quality: the
schemes' model and charts), ``salaries`` (the adviser's pay against the Smic), ``salary_history``
(the pay edition after edition); here, the services sold and the chapter's summary.
"""

from __future__ import annotations

from barometre import formatting, narrative
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
from barometre.chapters.value.pricing import (
    SchemeResult,
    cap_chart,
    cap_table,
    caps_to_show,
    compare_schemes,
    margin_chart,
    pricing_curves,
    pricing_inputs,
    pricing_takeaway,
    pricing_text,
    revenue_chart,
)
from barometre.chapters.value.salaries import (
    SALARY_AXES,
    SALARY_PANELS,
    Salaries,
    adviser_job_text,
    change_words,
    in_place,
    net_pay_text,
    numericable_clause,
    pay_abroad_caveat,
    place_said,
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
    SmicChange,
    gap_history_text,
    gap_then,
    salary_history,
    salary_history_chart,
    salary_history_title,
    smic_change,
    smic_text,
)
from barometre.data import Dataset, Figure
from barometre.formatting import percent_of_one
from barometre.models.value import LEGAL_MONTHLY_HOURS
from barometre.narrative import (
    ChapterSummary,
    cite,
    de,
    direction,
    md_escape,
    person,
    quote,
)

SERVICES = "activity_revenue_growth"  # the growth of what the outsourcers sell beyond the handling of calls


def services_text(ds: Dataset, edition: int) -> str:
    """« En 2019, les prestataires vendent davantage que la prise d'appels : le chiffre d'affaires de leur
    activité de formation progresse de 18,3 %, celui du conseil de 9,4 %. » The latest growths of the services
    the outsourcers sell besides the contacts (editor39: the value chapter, whose question is whether they sell
    more than capacity, had nothing after 2014); the lead-in and each verb chosen by the signs; in the past for
    an older edition's figures; '' when no edition publishes them."""
    from barometre.labels import scope_label

    figs = sorted(narrative.latest_parts(ds, SERVICES, edition), key=lambda f: -f.central)
    if not figs:
        return ""
    shown, note = narrative.one_note(figs)
    lead_in = narrative.by_signs(
        figs,
        ("les prestataires développent ce qu'ils vendent au-delà des contacts",
         "les prestataires développaient ce qu'ils vendaient au-delà des contacts"),
        ("ce que les prestataires vendent au-delà des contacts recule",
         "ce que les prestataires vendaient au-delà des contacts reculait"),
        ("ce que les prestataires vendent au-delà des contacts évolue en sens contraires",
         "ce que les prestataires vendaient au-delà des contacts évoluait en sens contraires"))

    def moved(f: Figure, fig: Figure) -> str:  # ``fig`` the figure as found: its tense (``f`` may carry no note)
        verb = direction(f.central, up=narrative.tensed(fig, "progresse", "progressait"),
                         down=narrative.tensed(fig, "recule", "reculait"),
                         flat=narrative.tensed(fig, "stagne", "stagnait"))
        return f"{verb} {de(f, magnitude=True)}" if direction(f.central) != "stable" else verb

    # one verb when every service moves the same way (« progressait de 18,3 %, celui … de 9,4 % »)
    same = all(f.central > 0 for f in figs) or all(f.central < 0 for f in figs)
    items = [f"le chiffre d'affaires de leur activité de {scope_label(f.scope)} {moved(f, fig)}" if i == 0 else
             f"celui de leur activité de {scope_label(f.scope)} "
             + (de(f, magnitude=True) if same else moved(f, fig))
             for i, (f, fig) in enumerate(zip(shown, figs, strict=True))]
    when = md_escape(formatting.period_text(figs[0].period))
    return f"En {when}, {lead_in} : {', '.join(items)}{note}."


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway (data only), for the chapter and the synthesis page; built
    from what the edition knows (the model's lesson holds whatever the data)."""
    # the model's lesson, said as the model's (editor37: stated as a fact of the market)
    lesson = ("Dans le modèle du livre, payés à l'appel, les prestataires gagnent moins quand la qualité progresse : "
              "il faut payer la résolution.")
    s = salaries(ds, edition)
    if s is None:
        return ChapterSummary(chapter=CHAPTER, key_label="Payer la qualité",
                              key_figure="modèle du livre", takeaway=lesson)
    training = known(ds.known("adviser_training_weeks", edition))
    trained = f", formé en {cite(training, with_noun=True)}," if training is not None else ""
    if training is not None and training.from_older_edition:  # an older figure, with its year
        trained = (f", formé en {cite(training, with_noun=True)} selon les propos rapportés en "
                   f"{md_escape(formatting.period_text(training.period))},")
    return ChapterSummary(
        chapter=CHAPTER,
        key_label=s.gross.label,
        key_figure=narrative.cite_in(s.gross, then=" par mois"),
        takeaway=(
            f"{lesson} Le conseiller{trained} {'gagnait' if s.gross.from_older_edition else 'gagne'} en moyenne "
            f"{narrative.cite_in(s.gross, then=' bruts par mois')}, "
            f"{smic_comparison(s)}."
        ),
    )


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
    "Salaries",
    "SchemeResult",
    "SmicChange",
    "adviser_job_text",
    "cap_chart",
    "cap_table",
    "caps_to_show",
    "change_text",
    "change_words",
    "compare_schemes",
    "de",
    "gap_history_text",
    "gap_then",
    "in_place",
    "interview_figure",
    "interviews_known",
    "interviews_year",
    "known",
    "margin_chart",
    "model_source",
    "net_pay_text",
    "numericable_clause",
    "pay_abroad_caveat",
    "percent_of_one",
    "person",
    "place_said",
    "pricing_curves",
    "pricing_inputs",
    "pricing_takeaway",
    "pricing_text",
    "quote",
    "reported_salary_text",
    "revenue_chart",
    "salaries",
    "salary_chart",
    "salary_history",
    "salary_history_chart",
    "salary_history_title",
    "salary_not_followed",
    "salary_opening",
    "salary_scale",
    "salary_table",
    "salary_text",
    "services_text",
    "smic_change",
    "smic_comparison",
    "smic_gap_words",
    "smic_text",
    "summary",
]
