"""Notes the pages share, rendered from ``src/barometre/templates/book/notes/notes.md.j2``: what no edition publishes,
ranges kept as ranges. Above ``templating`` in the package (``words``, below it, holds no sentence)."""

from __future__ import annotations

from collections.abc import Iterable

from barometre import formatting
from barometre.data import Dataset
from barometre.labels import with_scope
from barometre.narrative.citing import cite, md_escape
from barometre.narrative.templating import phrase
from barometre.narrative.words import publication_text

NOTES = "book/notes/notes.md.j2"


def not_in_edition(labels: Iterable[str], edition: int) -> str:
    """One plain sentence naming what no edition up to ``edition`` publishes ('' when nothing)."""
    names = sorted(set(labels))
    if not names:
        return ""
    return phrase(NOTES, "not_in_edition", edition, ", ".join(md_escape(n[:1].lower() + n[1:]) for n in names))


def ranges_and_bounds_example(ds: Dataset, edition: int) -> str:
    """The method's example of a range and a bound kept as the sources give them, taken from the edition itself
    (2024: « la part du chiffre d'affaires du secteur représentée par le SP2C : 70 à 75 % ; le chiffre
    d'affaires du secteur : plus de 3 500 M€ »; the 2008 book's example was told in every later book); ''
    when the edition gives neither."""
    own = [f for f in ds.figures(edition) if f.published and f.edition == edition
           and not ds.indicators[f.indicator].forecast_of]
    picked = [next((f for f in own if f.is_range), None),
              next((f for f in own if f.qualifier in ("more_than", "less_than", "at_least", "at_most")), None)]
    items = [f"{md_escape(formatting.in_sentence(with_scope(f.label, f.scope)))} en {formatting.period_text(f.period)}, "
             f"{cite(f)}" + (f" selon {md_escape(f.source_name)}" if f.source_type == "interview" else "")
             for f in picked if f is not None]
    return phrase(NOTES, "ranges", edition, items) if items else ""


def about_edition(ds: Dataset, edition: int) -> str:
    """The introduction's « about this version »: the edition, the earlier ones, the publications its figures come
    from, and the article the book rebuilds when this book cites its figures (``notes.md.j2``, macro ``about``)."""
    article = next((s for s in ds.sources.values() if s.type == "journalist"), None)
    # the editions up to this one whose figures the article reports: a 2007 book cites none of them (vintage)
    cited = sorted({e for e in ds.editions if e <= edition and article is not None
                    and any(f.source == article.source for f in ds.figures(e))})
    return phrase(NOTES, "about", edition, [e for e in ds.editions if e < edition],
                  [publication_text(p) for p in ds.publications(edition)], article, cited)
