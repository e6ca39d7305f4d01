"""« Ce que dit cette édition »: each chapter opens with what its edition publishes on its theme.

A chapter's later sections follow the 2009 article's questions, and an edition that does not publish the
article's figures was told through older ones (« dernier chiffre publié, édition 2008 ») while its own
figures stayed in the annex: the 2024 book's chapters cited 2 of the edition's 13 rows, and its resilience
page none of its 3 quotes (measured on the book of stop 31). The digest is the chapter's first section:
every row of the edition whose indicator has the chapter as its home (the first chapter the indicator
dictionary lists), in a table (figure, period, value linked to its row), the most important series first
(``lead.importance``), then the edition's quotes the chapter shows nowhere else.

A row that only repeats another page's figure for the same study is told by that figure; another source's
different figure is told with who gives it. The series the edition moves are told by the lead and by the
chapter's own sections, not again here. Nothing is told that the edition does not publish: an edition
without a figure on the theme gives an empty digest, and the section is left out (``sphinx_ext.sections``).
"""

from __future__ import annotations

import re

from barometre import formatting, lead
from barometre.data import Dataset, Figure, Quote, period_key
from barometre.labels import with_scope
from barometre.lead import forecaster
from barometre.narrative import cite, md_escape, quote
from barometre.narrative.templating import phrase
from barometre.typography import upper_first

TEMPLATE = "book/digest/digest.md.j2"  # the digest's sentences


def home_chapter(ds: Dataset, indicator: str) -> str:
    """The chapter an indicator's rows are told in: the first the dictionary lists."""
    return ds.indicators[indicator].chapters[0]


def rows(ds: Dataset, edition: int, chapter: str) -> list[Figure]:
    """The published rows of ``edition`` whose home is ``chapter``, in the dictionary's order."""
    out = []
    for indicator in ds.indicators_for(chapter):
        if home_chapter(ds, indicator) != chapter:
            continue
        out.extend(f for f in ds.figures(edition, indicator) if f.published)
    return out


def _same(a: Figure, b: Figure) -> bool:
    """The same figure: the same numbers, and the same qualifier, or « environ » beside the exact number (« environ
    1 536 €, 1 536 € selon le baromètre » told one salary twice, editor, stop 33)."""
    if (a.value, a.low, a.high) != (b.value, b.low, b.high):
        return False
    return a.qualifier == b.qualifier or {a.qualifier, b.qualifier} == {"about", "exact"}


def confirmations(figs: list[Figure]) -> dict[str, Figure]:
    """The rows that give the same figure as the primary row of their period (another page reporting the
    same study): anchor → the primary row that tells it."""
    primary = {f.period: f for f in figs if not f.secondary}
    return {f.anchor: primary[f.period] for f in figs
            if f.secondary and f.period in primary and _same(f, primary[f.period])}


def _shown(ds: Dataset, fig: Figure) -> str:
    if ds.indicators[fig.indicator].forecast_of:
        return lead.forecast_text(fig)  # « un recul » for « moins de 0 % »
    # « 15 % »; a change keeps its sign either way, « −2,8 % », « +1 % » (editor40: « Entre 2010 et 2011 : 1 % »)
    return cite(fig, signed=fig.unit == "percent_change")


def _label(ds: Dataset, fig: Figure) -> str:
    return md_escape(with_scope(ds.indicators[fig.indicator].label_fr, fig.scope))  # no parenthesis in another


def _cell(ds: Dataset, figs: list[Figure], edition: int) -> tuple[str, bool]:
    """One series' figures in one cell: « 2009 : 21 % ; 2010 : 22 % ; 2011 : 23 % », another source's
    figure for the same period after a comma with who gives it; and whether the cell dates its figures
    (a lone figure of the edition's own year is left undated)."""
    periods = list(dict.fromkeys(f.period for f in figs))
    dated = len(periods) > 1 or periods[0] != str(edition)
    parts = []
    for period in periods:
        values = ", ".join(_shown(ds, f) + (f" selon {forecaster(f)}" if f.secondary else "")
                           for f in figs if f.period == period)
        parts.append(f"{md_escape(formatting.period_text(period))} : {values}" if dated else values)
    text = " ; ".join(parts)
    return upper_first(text), dated  # « Entre 2017 et 2024 : … »


def table(ds: Dataset, series: list[list[Figure]], edition: int) -> tuple[str, bool]:
    """One row per series (what it measures, its figures, each linked to its row in the annex): a phone
    reads a series' years in one cell instead of a row a year with its label repeated (the 2011 offshore
    table was 18 rows, 1 301 px tall at 390 px); and whether a figure is left undated (the edition's year)."""
    lines = ["| Chiffre | Valeur |", "| :-- | :-- |"]
    undated = False
    for figs in series:
        cell, dated = _cell(ds, figs, edition)
        undated |= not dated
        lines.append(f"| {_label(ds, figs[0])} | {cell} |")
    return "\n".join(lines), undated


def chapter_digest(ds: Dataset, edition: int, chapter: str, quotes: list[Quote] | None = None) -> str:
    """The digest's Markdown ('' when the edition publishes nothing on the theme): every figure of the
    edition on the theme in a table (a figure that only
    confirms another source's is told by it), then the edition's ``quotes`` (the chapter's quotes it shows
    nowhere else)."""
    series: dict[tuple[str, str], list[Figure]] = {}
    for fig in rows(ds, edition, chapter):
        series.setdefault((fig.indicator, fig.scope), []).append(fig)
    order = list(series)  # the dictionary's order breaks ties of importance
    keys = sorted(series, key=lambda k: (-lead.importance(*k), order.index(k)))
    told_series = []
    for key in keys:
        told = sorted(series[key], key=lambda f: (period_key(f.period), f.secondary))
        same = confirmations(told)
        told_series.append([f for f in told if f.anchor not in same])
    # the series the edition moves are not told here: the lead tells the strongest, and the chapter's own
    # sections tell theirs; told at the top as well, a move was read three times on a page (editor, stop 31)
    blocks = []
    if told_series:
        count = formatting.count_words(sum(len(figs) for figs in told_series), "chiffre")
        text, undated = table(ds, told_series, edition)
        blocks.append(phrase(TEMPLATE, "intro", edition, count, bool(undated)) + "\n\n" + text)
    if quotes:
        blocks.append(quotes_by_year(quotes))
    return "\n\n".join(blocks)


_SPOKEN_OF = re.compile(r"\b(?:outlook|forecast) for (\d{4})\b", re.IGNORECASE)


def spoken_year(q: Quote) -> int | None:
    """The year a quote speaks of: the one its note names as its outlook (« Outlook for 2013 »), else the
    latest year its words name (« … auront un impact négatif en 2013 »), else None."""
    named = _SPOKEN_OF.search(q.note or "")
    if named:
        return int(named.group(1))
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", q.quote)]
    return max(years) if years else None


def quotes_by_year(quotes: list[Quote]) -> str:
    """The chapter's other quotes as a list. When they speak of several years, they are grouped by that year,
    in its order (« **Sur 2012.** « … » — Laurent Uberti ; « … » — Laurent Uberti. »): five undated quotes of
    one speaker in a row read as contradictory (« transition », « rupture ») when the reader cannot tell which
    year each is about (editor, stop 33). A quote that names no year comes first, on its own."""
    years = {spoken_year(q) for q in quotes}
    if len(years - {None}) < 2:
        return "\n".join(f"- {upper_first(quote(q))}." for q in quotes)  # a summary opens « « … », résume »
    items = [f"- {upper_first(quote(q))}." for q in quotes if spoken_year(q) is None]
    for year in sorted(years - {None}):
        said = " ; ".join(_runs([q for q in quotes if spoken_year(q) == year]))
        items.append(f"- **Sur {year}.** {upper_first(said)}.")
    return "\n".join(items)


def _runs(quotes: list[Quote]) -> list[str]:
    """The quotes of one year, those of one speaker in a row attributed once (editor37: « « … » — Laurent
    Uberti ; « … » — Laurent Uberti ; … »): « « … » ; « … » — Laurent Uberti ». A press summary keeps its own
    form (« « … », résume … »)."""
    out: list[str] = []
    last: tuple[str, str] | None = None  # (source, attribution suffix) of the run being built: one speaker, one role
    for q in quotes:
        full, words = quote(q), quote(q, attribution=False)
        suffix = full[len(words):] if full.startswith(words) else ""
        if (last is not None and suffix == last[1] and suffix.startswith(" — ")
                and getattr(q, "quote_type", "verbatim") != "summary"):
            out[-1] = out[-1][: len(out[-1]) - len(last[1])] + f" ; {words}{last[1]}"
            continue
        out.append(full)
        last = (q.source, suffix) if suffix.startswith(" — ") else None
    return out
