"""The chapter's names and the helpers its sections share."""

from __future__ import annotations

from barometre.charts import (
    VALUE_SCHEME_COLOURS,
)
from barometre.data import Dataset, Figure, FigureNotFound
from barometre.labels import VALUE_SCHEME_LABELS
from barometre.narrative.templating import phrase

CHAPTER = "value"


ARTICLE_SOURCE = "claire_morel"  # the article's own row in sources.csv (outlet and year)


# the indicators the chapter's sentences read
USED_INDICATORS = (
    "satisfaction_survey_questions", "numericable_external_advisers", "adviser_training_weeks",
    "adviser_required_skills", "adviser_job_comparison_year", "service_quality_gain_years",
    "adviser_salary_gross", "adviser_salary_change", "adviser_salary_net",
)


SCHEME_LABELS = VALUE_SCHEME_LABELS


SCHEME_COLOURS = VALUE_SCHEME_COLOURS


def interview_figure(ds: Dataset, edition: int) -> Figure | None:
    """The first figure of this chapter from an interview that an edition up to ``edition`` publishes: the
    testimonies the chapter reports (Canal+, Numericable, Teleperformance) come with those interviews."""
    for indicator in USED_INDICATORS:
        if indicator not in ds.indicators:
            continue
        for scope in (None, "france"):
            try:
                fig = ds.known(indicator, edition, scope=scope)
            except FigureNotFound:  # several scopes and none is the market: the next scope is asked
                fig = None
            if fig is not None and fig.source_type == "interview":
                return fig
    return None


def interviews_year(ds: Dataset, edition: int) -> int | None:
    """The year the chapter's testimonies were published when they come from an older edition than ``edition``
    (2009 for the article's, in any later book): they are then told in the past, dated once; None when they
    are the edition's own, or when no edition up to ``edition`` has them."""
    fig = interview_figure(ds, edition)
    return (fig.publication_year or fig.edition) if fig is not None and fig.from_older_edition else None


def interviews_known(ds: Dataset, edition: int) -> bool:
    """True when an edition up to ``edition`` publishes a figure of this chapter from an interview."""
    return interview_figure(ds, edition) is not None


def model_source(ds: Dataset) -> str:
    """The source line of the model's charts: the book's assumptions, after the article's mechanism."""
    article = ds.sources[ARTICLE_SOURCE]
    return phrase("chapters/value/charts.md.j2", "model_source", article.publication_outlet, article.publication_year)


def change_text(change: float) -> str:
    """A relative change as '+23,8 %', or 'stable' when it is nil."""
    return phrase("chapters/value/charts.md.j2", "change_text", change)


def known(fig: Figure | None) -> Figure | None:
    return fig if fig is not None and fig.published else None
