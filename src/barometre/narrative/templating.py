"""A chapter's text from its facts: Jinja2 templates of MyST, which a French editor reads and changes without
touching Python (``src/barometre/templates/chapters/<chapter>/*.md.j2``).

The environment is strict (``StrictUndefined``: a name the facts lack stops the build instead of printing
nothing), does not escape (the output is MyST, not HTML: data strings go through the ``md_escape`` filter), and
has no state: rendering the same facts twice gives the same text. A template's lines are joined into paragraphs
as Markdown reads them, so an editor may break a sentence anywhere: a blank line ends a paragraph, a line
starting with « - » starts a list item.

Filters (numbers the French way, figures cited with their source): ``number``, ``percent``, ``pct`` (a
fraction as a percentage), ``euros``, ``small_number``, ``period``, ``cite``, ``cite_in``, ``de``, ``dated``,
``md_escape``, ``in_year`` (« en 2009 » after an older edition's figure), ``scope_label``, ``as_of_edition`` (the figure
without its edition note), ``vintage_note``, ``figure_text``, ``month_year``, ``opening`` (« En 2009, » before a
sentence an older edition's figure dates), ``quote``, ``event_date``, and the forecasts' words ``forecast_noun``,
``forecast_word``, ``for_period``, ``forecast_cited``; for the claims, ``points``, ``upper_first`` and
``complement_text``. Globals: ``direction``
(the word for a sign), ``tensed`` (present for the edition's figure, past for an older one's), ``by_signs`` (the
words for figures moving together), ``one_note`` (an older edition's note once), ``count_words``, ``elide``, ``enumeration``, ``value_range``, ``nbsp`` (the non-breaking space
before a unit, « 500 emplois »).

Whitespace: a block tag alone on its line leaves nothing (``trim_blocks``, ``lstrip_blocks``); a line ending in an
inline tag (``…{% endif %}``) is glued to the next one, as in any Jinja template: end such a line with text, or
use it on purpose to join two pieces without a space.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from barometre import formatting
from barometre.data import Figure
from barometre.labels import scope_label
from barometre.narrative.citing import (
    cite,
    cite_in,
    dated,
    de,
    md_escape,
    one_note,
    quote,
    vintage_note,
)
from barometre.narrative.forecasts import for_period, forecast_cited, forecast_noun, forecast_word
from barometre.narrative.words import by_signs, direction, in_year, opening, tensed
from barometre.typography import elide, upper_first

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def as_of_edition(fig: Figure) -> Figure:
    """The figure as its own edition reads it: no edition note (a sentence that dates it, or says the note once)."""
    return replace(fig, as_of=fig.edition)


@cache
def environment() -> Environment:
    """The one environment of the chapters' templates (built once; it holds no state of a page)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=False,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    env.filters.update(
        number=formatting.number, percent=formatting.percent, pct=formatting.percent_of_one, euros=formatting.euros,
        small_number=formatting.small_number, period=formatting.period_text, cite=cite, cite_in=cite_in, de=de,
        dated=dated, md_escape=md_escape, in_year=in_year, scope_label=scope_label, as_of_edition=as_of_edition,
        vintage_note=vintage_note, figure_text=formatting.figure_text, month_year=formatting.month_year,
        opening=opening, quote=quote, event_date=formatting.event_date, forecast_noun=forecast_noun,
        for_period=for_period, forecast_cited=forecast_cited, forecast_word=forecast_word,
    )
    env.globals.update(direction=direction, tensed=tensed, by_signs=by_signs, one_note=one_note,
                       count_words=formatting.count_words, elide=elide, enumeration=formatting.enumeration,
                       value_range=formatting.value_range)
    env.filters.update(points=formatting.points, upper_first=upper_first, complement_text=formatting.complement_text)
    env.globals.update(nbsp="\u00a0")
    return env


_BLANK = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str) -> str:
    """The template's output as MyST: within a paragraph, lines joined by a space (a line starting with « - »
    starts a list item); paragraphs apart by one blank line; no space at the ends."""
    blocks = []
    for block in _BLANK.split(text.strip()):
        lines: list[str] = []
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if line.startswith("- ") or not lines:
                lines.append(line)
            else:
                lines[-1] += " " + line
        if lines:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def render(name: str, **context) -> str:
    """The text of template ``name`` (« chapters/value/pricing.md.j2 ») for ``context`` (the facts)."""
    return paragraphs(environment().get_template(name).render(**context))


def macro(name: str, macro_name: str):
    """A macro of template ``name`` as a function (a piece of a sentence several texts share)."""
    return getattr(environment().get_template(name).module, macro_name)


def phrase(name: str, macro_name: str, *args) -> str:
    """The paragraph macro ``macro_name`` of template ``name`` writes for ``args`` (its lines joined)."""
    return paragraphs(str(macro(name, macro_name)(*args)))
