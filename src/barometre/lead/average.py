"""The edition's yearly average growth: stated, checked within one series, and its speaker's words."""

from __future__ import annotations

import re
from dataclasses import replace

from barometre import formatting
from barometre.data import Dataset, Figure
from barometre.lead.facts import PART_OPENINGS
from barometre.lead.findings import average_check_facts, average_parts, edition_average, next_words
from barometre.narrative import (
    cite_earlier,
    md_escape,
    quote_body,
)
from barometre.narrative.templating import phrase

TEMPLATE = "book/lead/average.md.j2"  # the sentences of the edition's average

__all__ = ["NEW_SERIES", "PART_OPENINGS", "SPOKEN_SPAN", "average_check", "average_parts_sentence", "average_sentence",
           "edition_average", "same_speaker_words", "spoken_span"]


def average_sentence(average: Figure, edition: int, last_yearly: Figure | None) -> str:
    """« Selon Caroline Adam (…), le chiffre d'affaires des outsourceurs a progressé de 5 à 6 % par an en
    moyenne entre 2017 et 2024 ; le dernier taux publié pour l'ensemble du secteur est celui de 2019 : +6,1 %. » (« D'après l'édition 2024 » when the study gives it.)
    The verb from the sign; the older yearly rate, when there is one, dated and named with its edition."""
    span = spoken_span(average) or formatting.period_text(average.period)
    late = None
    if last_yearly is not None and last_yearly.period != average.period:
        # editor39: « le dernier taux …, 6,1 % (édition 2019), est celui de 2019 » tagged and wrapped the figure
        fig = replace(last_yearly, as_of=last_yearly.edition) if str(last_yearly.period) == str(last_yearly.edition) \
            else last_yearly
        late = {"period": last_yearly.period, "shown": cite_earlier(fig, signed=True)}
    return phrase(TEMPLATE, "average", average, edition, span, late)


def average_check(ds: Dataset, edition: int, average: Figure) -> str:
    """« Les chiffres d'affaires publiés le recoupent : de 2 360 M€ en 2016 à 3 100 M€ en 2021, environ +5,6 % par an
    (calcul du livre). » A yearly average someone gives, set against the sector's revenue the editions publish for the
    first and last years of its span, when one series covers both (editors 42 and 43 asked for the check; editor44
    showed that across a break it agrees only through the break); « le recoupent » when the computed pace is within
    the range said and its rounding, else the two side by side; '' without both revenues or across a break."""
    check = average_check_facts(ds, edition, average)
    return "" if check is None else phrase(TEMPLATE, "check", check)


NEW_SERIES = "nouvelle série, non comparable aux années précédentes"


SPOKEN_SPAN = re.compile(r"\bsur les [^,.;:]{1,30}? dernières années")


def spoken_span(average: Figure) -> str:
    """A person's own words for the span of an average, quoted, when the figure's excerpt gives them: Caroline Adam
    said « sur les 7 à 8 dernières années », and « entre 2017 et 2024 » were the book's dates, not hers
    (editor37). '' for a study's average, or words that name no span."""
    if average.source_type != "interview":
        return ""
    found = SPOKEN_SPAN.search(average.quote or "")
    return f"«\u00a0{md_escape(quote_body(found.group(0)))}\u00a0»" if found else ""


def same_speaker_words(ds: Dataset, edition: int, average: Figure) -> str:
    """The same person's first words on the sector's course in the edition, after the average they gave (the
    quotes file's order: the analyst puts the headline first), after a semicolon in that sentence: « ; « Il y
    a eu un ralentissement en 2024, … » », under the same « Selon », the edition's news, which was only a quote in a table caption
    (editor37). Its first sentence only; '' when the person has no such quote."""
    return words_text(next_words(ds, edition, average))


def words_text(first: str) -> str:
    """``same_speaker_words`` of the speaker's first sentence ``first`` (``EditionAverage.next_words``); '' without."""
    return phrase(TEMPLATE, "words", first) if first else ""


def average_parts_sentence(ds: Dataset, edition: int, average: Figure) -> str:
    """After an edition's average (2017-2024), the yearly growths it publishes for the average's last year by
    place of production, since it gives none for the whole sector: « Pour 2024, l'édition ne publie la
    croissance que par lieu de production : 2 % en France, 5 % dans le nearshore européen. » '' when it
    publishes none."""
    return parts_text(str(average.period).split("-")[-1], average_parts(ds, edition, average))


def parts_text(year: str, parts) -> str:
    """``average_parts_sentence`` of the growths by place of ``year`` (``EditionAverage.parts``); '' without."""
    return phrase(TEMPLATE, "parts", year, parts, PART_OPENINGS) if parts else ""
