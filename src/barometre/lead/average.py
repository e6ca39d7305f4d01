"""The edition's yearly average growth: stated, checked within one series, and its speaker's words."""

from __future__ import annotations

import re
from dataclasses import replace

from barometre import formatting
from barometre.data import Dataset, Figure
from barometre.lead.facts import _year, importance
from barometre.narrative import (
    cite,
    cite_earlier,
    md_escape,
    quote_body,
)
from barometre.narrative.templating import phrase

TEMPLATE = "book/lead/average.md.j2"  # the sentences of the edition's average

PART_OPENINGS = {"france": "En France", "offshore": "À l’offshore", "province": "En province",
                 "ile_de_france": "En Île-de-France", "nearshore": "Dans le nearshore européen",
                 "offshore_1": "En Afrique du Nord", "offshore_2": "En Afrique subsaharienne",
                 "offshore_3": "Dans l’océan Indien"}


def edition_average(ds: Dataset, edition: int) -> Figure | None:
    """The sector's yearly average growth over several years that ``edition`` itself publishes instead of a
    yearly rate of its own (2024: 5 to 6 % a year from 2017 to 2024); None otherwise."""
    yearly = ds.known("revenue_growth", edition, scope="market")
    if yearly is not None and yearly.published and not yearly.from_older_edition:
        return None
    found = ds.known("revenue_growth_annual_average", edition, scope="market")
    return found if found is not None and found.published and not found.from_older_edition else None


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
    start, _, end = str(average.period).partition("-")
    if not end:
        return ""
    first = ds.known("market_revenue", edition, scope="market", period=start)
    last = ds.known("market_revenue", edition, scope="market", period=end)
    if first is None or last is None or not (first.published and last.published) or first.central <= 0:
        return ""
    # across a series break the two revenues measure different things: no check (editor44: the 2017–2024 « +5,4 % »
    # agreed only through the 2018 widening of the panel; within one series, 2019–2024, the pace is +3,9 %)
    if ds.break_between(first, last) is not None:
        return ""
    years = int(end) - int(start)
    pace = ((last.central / first.central) ** (1 / years) - 1) * 100
    low, high = average.bounds
    return phrase(TEMPLATE, "check", first, last, start, end, pace, low - 0.5 <= pace <= high + 0.5)


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
    if average.source_type != "interview":
        return ""
    said = [q for q in ds.quotes(edition, "resilience") if q.edition == edition and q.source == average.source]
    if not said:
        return ""
    first = re.split(r"(?<=[.!?])\s+", said[0].quote.strip(), maxsplit=1)[0]
    return f"«\u00a0{md_escape(quote_body(first))}\u00a0»"


def average_parts_sentence(ds: Dataset, edition: int, average: Figure) -> str:
    """After an edition's average (2017-2024), the yearly growths it publishes for the average's last year by
    place of production, since it gives none for the whole sector: « Pour 2024, l'édition ne publie la
    croissance que par lieu de production : 2 % en France, 5 % dans le nearshore européen. » '' when it
    publishes none."""
    year = str(average.period).split("-")[-1]
    parts = [f for f in ds.figures(edition, "revenue_growth")
             if f.published and not f.secondary and f.period == year and f.scope in PART_OPENINGS]
    if not parts:
        return ""
    shown = [f"{cite(p, signed=p.central < 0)} {PART_OPENINGS[p.scope][:1].lower()}{PART_OPENINGS[p.scope][1:]}"
             for p in parts]
    return phrase(TEMPLATE, "parts", year, shown)


def _headline_figure(ds: Dataset, edition: int) -> Figure | None:
    """The edition's most important figure, when no series makes a fact."""
    best = None
    for indicator, entry in ds.indicators.items():
        if getattr(entry, "forecast_of", ""):
            continue
        for f in ds.figures(edition, indicator):
            if not f.published or f.secondary:
                continue
            key = (importance(f.indicator, f.scope), _year(f.period) == edition)
            if best is None or key > best[0]:
                best = (key, f)
    return None if best is None else best[1]
