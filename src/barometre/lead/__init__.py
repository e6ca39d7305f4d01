"""« L'essentiel de l'édition »: the few facts that matter most in an edition, chosen by the data.

``facts(ds, edition)`` is a pure function of the data: it reads every yearly series as known in the
edition and returns typed ``Fact``s, each with a ``kind`` and a ``score``; ``render(ds, edition)``
writes the lead from them (MyST Markdown, every number through ``narrative.cite``). The introduction
and the synthesis both open with it.

**What counts as a fact.** Only a figure the edition itself publishes for its own year (the
edition's data year) can be a fact: a figure carried over from an older edition is never told as
news. It is compared with the latest earlier year of the same series (indicator × scope, yearly
periods, as known in the edition: a revised value counts), and told with that year. Kinds:

- ``first``: a growth (unit ``percent_change``) turns negative, or positive, for the first time in
  the series (« une première depuis le début de la série, en 2004 »);
- ``reversal``: a growth changes sign, and the series had already seen that sign;
- ``record``: the highest or lowest value of the series (at least two earlier years), or the highest
  or lowest since a year at least three years back (« au plus haut depuis 2008 »);
- ``turn``: the direction of change reverses (a growth that accelerates after slowing down, a share
  that falls after rising), the change being at least one point (percentages) or 2 % (levels);
- ``move``: the change since the previous year, kept when it is at least one point or 2 %;
- ``new``: a figure the series had never published (no earlier year);
- ``forecast``: a forecast of an earlier edition (``Dataset.forecasts``) whose outcome this edition
  publishes, confirmed, beaten or refuted (``narrative.forecast_verdict``);
- ``outlook``: what the edition expects: its own forecasts (an indicator with ``forecast_of``, for a
  later period) and its quotes marked as an outlook (a ``note`` that says « Outlook » or
  « Forecast », the way ``data/quotes`` notes mark them).

**Score.** ``score = importance × (strength of the kind + half the size of the change)``, where the
strength follows the order of importance the lead tells them in (first 4, reversal 3,5, record of the
series 3, record since a year 2, turn 1,5, move 1, new 1), the size of the change is the change
divided by the series' usual change (the median of its earlier year-on-year changes; 3 points or
5 % when it has fewer than two), capped at 3, and ``importance`` weighs the series: the market's
revenue growth 4, growth in France and offshore and staff growth 3, shares of offshore, jobs and
staff 2, everything else 1. A forecast scores 2,5 × the importance of its outcome. A share and its
complement (France's share of revenue and offshore's) are one fact.

**Comparability.** Two years of a series are compared only when ``comparable(ds, a, b)`` says so
(no series break between them: ``Dataset.break_between``); a fact whose earlier years lie across a break is
told from where its series starts (its ``Origin``: the study, or the break and its reason).

**The lead** is at most three data facts (the best score first; one per series), each with the
forecasts its outcome settles, then one paragraph of outlook. An edition whose figures make no fact
still gets one sentence: its most important figure, stated.

The package: ``facts`` (the facts and the outlook, scored), ``findings`` (``lead_facts``: the lead's findings for
one edition, computed once, a ``LeadFacts``), ``sentences`` (the words a fact and the outlook are told in),
``average`` (the edition's average growth in words), ``text`` (``LeadFacts`` rendered by the templates of
``src/barometre/templates/book/lead/``, ``lead.md.j2`` first); here, ``render``.
"""

from __future__ import annotations

from barometre.data import Dataset
from barometre.lead.average import (
    NEW_SERIES,
    SPOKEN_SPAN,
    average_check,
    average_parts_sentence,
    average_sentence,
    parts_text,
    same_speaker_words,
    spoken_span,
    words_text,
)
from barometre.lead.facts import (
    _OUTLOOK_NOTE,
    FORECAST_STRENGTH,
    HEADLINE,
    IMPORTANCE,
    MAJOR,
    MAX_FACTS,
    MIN_NEW,
    PART_OPENINGS,
    PARTS,
    POINT_UNITS,
    SCOPE_PHRASES,
    SERIES_UNITS,
    SINCE_YEARS,
    STORIES,
    STRENGTH,
    SUBJECTS,
    Fact,
    Origin,
    Outlook,
    _year,
    break_origin,
    comparable,
    facts,
    importance,
    order,
    outlook,
    series,
    series_fact,
    study_name,
)
from barometre.lead.findings import (
    MEMBERS_PART,
    AverageCheck,
    EditionAverage,
    LeadFacts,
    Told,
    Verdict,
    _headline_figure,
    average_facts,
    edition_average,
    lead_facts,
)
from barometre.lead.sentences import (
    NOUNS,
    VERDICT_VERBS,
    _noun,
    _parts_text,
    _plural,
    _pronoun,
    _spoken,
    _year_of,
    fact_sentence,
    forecast_sentence,
    forecast_text,
    forecaster,
    outlook_paragraph,
    outlook_sentences,
    said_by,
)
from barometre.lead.text import text
from barometre.narrative import Page


def render(ds: Dataset, edition: int, *, limit: int = MAX_FACTS, found: LeadFacts | None = None) -> str:
    """The lead of the edition (MyST Markdown): its strongest facts, then its outlook ('' when the edition
    publishes nothing); ``found``: the edition's ``LeadFacts`` when the page has them (``lead_facts``)."""
    found = lead_facts(ds, edition, limit=limit) if found is None else found
    # a person named with their role once in the lead, by name alone after: the lead is a page of its own
    return Page().show(text(ds, found))


__all__ = [
    "FORECAST_STRENGTH",
    "HEADLINE",
    "IMPORTANCE",
    "MAJOR",
    "MAX_FACTS",
    "MEMBERS_PART",
    "MIN_NEW",
    "NEW_SERIES",
    "NOUNS",
    "PARTS",
    "PART_OPENINGS",
    "POINT_UNITS",
    "SCOPE_PHRASES",
    "SERIES_UNITS",
    "SINCE_YEARS",
    "SPOKEN_SPAN",
    "STORIES",
    "STRENGTH",
    "SUBJECTS",
    "VERDICT_VERBS",
    "_OUTLOOK_NOTE",
    "AverageCheck",
    "EditionAverage",
    "Fact",
    "LeadFacts",
    "Origin",
    "Outlook",
    "Told",
    "Verdict",
    "_headline_figure",
    "_noun",
    "_parts_text",
    "_plural",
    "_pronoun",
    "_spoken",
    "_year",
    "_year_of",
    "average_check",
    "average_facts",
    "average_parts_sentence",
    "average_sentence",
    "break_origin",
    "comparable",
    "edition_average",
    "fact_sentence",
    "facts",
    "forecast_sentence",
    "forecast_text",
    "forecaster",
    "importance",
    "lead_facts",
    "order",
    "outlook",
    "outlook_paragraph",
    "outlook_sentences",
    "parts_text",
    "render",
    "said_by",
    "same_speaker_words",
    "series",
    "series_fact",
    "spoken_span",
    "study_name",
    "text",
    "words_text",
]
