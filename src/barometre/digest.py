"""« Ce que dit cette édition »: each chapter opens with what its edition publishes on its theme.

A chapter's later sections follow the 2009 article's questions, and an edition that does not publish the
article's figures was told through older ones (« dernier chiffre publié, édition 2008 ») while its own
figures stayed in the annex: the 2024 book's chapters cited 2 of the edition's 13 rows, and its resilience
page none of its 3 quotes (measured on the book of stop 31). The digest is the chapter's first section:
every row of the edition whose indicator has the chapter as its home (the first chapter the indicator
dictionary lists), one sentence a series, the most important series first (``lead.importance``), and the
edition's quotes the chapter shows nowhere else.

A series the edition moves is told as the lead tells it (``lead.series_fact``: the change against the
previous comparable year, a record, a reversal, a series break); any other row is told plainly, with its
period. Nothing is told that the edition does not publish: an edition without a figure on the theme gives
an empty digest, and the section is left out (``sphinx_ext.sections``).
"""

from __future__ import annotations

from barometre import formatting, lead
from barometre.data import Dataset, Figure, Quote, period_key
from barometre.lead import forecaster
from barometre.narrative import cite, quote


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
    return (a.value, a.low, a.high, a.qualifier) == (b.value, b.low, b.high, b.qualifier)


def confirmations(figs: list[Figure]) -> dict[str, Figure]:
    """The rows that give the same figure as the primary row of their period (another page reporting the
    same study): anchor → the primary row that tells it."""
    primary = {f.period: f for f in figs if not f.secondary}
    return {f.anchor: primary[f.period] for f in figs
            if f.secondary and f.period in primary and _same(f, primary[f.period])}


def when(fig: Figure) -> str:
    """« en 2024 », « entre 2017 et 2024 » (a span takes no « en »)."""
    text = formatting.period_text(fig.period)
    return text if text.startswith("entre ") else f"en {text}"


def _shown(ds: Dataset, fig: Figure) -> str:
    if ds.indicators[fig.indicator].forecast_of:
        return lead.forecast_text(fig)  # « un recul » for « moins de 0 % »
    return cite(fig, signed=fig.unit == "percent_change")


def _plain(ds: Dataset, figs: list[Figure]) -> str:
    """« Le chiffre d'affaires du secteur : 3 560 M€ en 2024 (plus de 3 500 M€ selon Caroline Adam). »"""
    first = figs[0]
    noun = lead._cap(lead._noun(ds, lead.Fact("new", 0.0, first.indicator, first.scope, first)))
    parts = []
    for fig in figs:
        text = f"{_shown(ds, fig)} {when(fig)}"
        if fig.secondary:
            text = f"{_shown(ds, fig)} {when(fig)} selon {forecaster(fig)}"
        parts.append(text)
    return f"{noun} : " + " ; ".join(parts) + "."


def series_sentences(ds: Dataset, edition: int, figs: list[Figure]) -> list[str]:
    """The sentences of one series (an indicator and a scope): the lead's fact for the edition's year when
    it has one, then the edition's other rows of the series told plainly (a row that only confirms another
    source's figure is told by it)."""
    out = []
    same = confirmations(figs)
    figs = [f for f in figs if f.anchor not in same]
    fact = lead.series_fact(ds, figs[0].indicator, figs[0].scope, edition)
    told = set()
    if fact is not None and fact.current.edition == edition and not ds.indicators[figs[0].indicator].forecast_of:
        sentence = lead.fact_sentence(ds, fact)
        out.append(sentence)
        told = {f.anchor for f in figs if f"<{f.anchor}>" in sentence}
    rest = [f for f in figs if f.anchor not in told]
    if rest:
        out.append(_plain(ds, rest))
    return out


def chapter_digest(ds: Dataset, edition: int, chapter: str, quotes: list[Quote] | None = None) -> str:
    """The digest's Markdown ('' when the edition publishes nothing on the theme): a bullet a series,
    then the edition's ``quotes`` (the chapter's quotes it shows nowhere else)."""
    series: dict[tuple[str, str], list[Figure]] = {}
    for fig in rows(ds, edition, chapter):
        series.setdefault((fig.indicator, fig.scope), []).append(fig)
    order = list(series)  # the dictionary's order breaks ties of importance
    keys = sorted(series, key=lambda k: (-lead.importance(*k), order.index(k)))
    lines = []
    for key in keys:
        figs = sorted(series[key], key=lambda f: (period_key(f.period), f.secondary))
        lines.extend(f"- {s}" for s in series_sentences(ds, edition, figs))
    lines.extend(f"- {lead._cap(quote(q))}." for q in quotes or [])  # « Selon un résumé de presse : … »
    if not lines:
        return ""
    return "\n".join(lines)
