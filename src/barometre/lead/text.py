"""« L'essentiel » from its facts: ``text(ds, found)`` renders ``book/lead/lead.md.j2`` for a ``LeadFacts``, with the
words each fact is told in (``sentences``); it computes nothing the facts hold, and the same facts give the same
text."""

from __future__ import annotations

from barometre import formatting
from barometre.data import Dataset
from barometre.lead.average import spoken_span
from barometre.lead.facts import PART_OPENINGS
from barometre.lead.findings import LeadFacts
from barometre.lead.sentences import fact_words, outlook_items, outlook_quotes, verdict_groups
from barometre.narrative.templating import render

TEMPLATE = "book/lead/lead.md.j2"


def text(ds: Dataset, found: LeadFacts) -> str:
    """The lead (MyST Markdown) of ``found``: its facts in their paragraphs, the edition's average first, the
    fallback figure, the outlook ('' when the edition publishes nothing)."""
    average = found.average
    return render(
        TEMPLATE, lead=found, openings=PART_OPENINGS,
        paragraphs=[[{"told": t, "words": fact_words(ds, t), "groups": verdict_groups(t.verdicts)} for t in paragraph]
                    for paragraph in found.paragraphs],
        span=(spoken_span(average.figure) or formatting.period_text(average.figure.period)) if average else "",
        fallback_label=formatting.in_sentence(found.fallback.label) if found.fallback is not None else "",
        outlook_items=outlook_items(ds, found.outlook), outlook_quotes=outlook_quotes(ds, found.outlook),
    )
