"""A chapter's text from its facts: Jinja2 templates of MyST, which a French editor reads and changes without
touching Python (``src/barometre/templates/chapters/<chapter>/*.md.j2``).

The environment is strict (``StrictUndefined``: a name the facts lack stops the build instead of printing
nothing), does not escape (the output is MyST, not HTML: data strings go through the ``md_escape`` filter), and
has no state: rendering the same facts twice gives the same text. A template's lines are joined into paragraphs
as Markdown reads them, so an editor may break a sentence anywhere: a blank line ends a paragraph, a line
starting with « - » starts a list item.

Filters. Numbers the French way: ``number``, ``percent``, ``pct`` (a fraction as a percentage), ``euros``,
``small_number``, ``points`` (« +5 points », « −1,5 point »), ``figure_text``, ``complement_text`` (100 minus a share,
a bound kept a bound). Figures cited with their source: ``cite``, ``cite_in`` (with its year), ``cite_earlier``,
``de``, ``dated``, ``as_of_edition`` (the figure without its edition note), ``vintage_note``, ``in_year`` (« en 2009 »
after an older edition's figure), ``opening`` (« En 2009, » before a sentence an older edition's figure dates).
Words: ``period``, ``month_year``, ``event_date``, ``scope_label``, ``md_escape``, ``quote``, ``quote_body``,
``upper_first``; the forecasts' ``forecast_noun``, ``forecast_word``, ``for_period``, ``forecast_cited``,
``when_done``, ``plural_verdict``. Lists: ``clauses`` (a block's clauses, cut at lines « -- », joined by « ; » or
the separator given), ``clause_list`` (the same, as a list).

Globals: ``direction`` (the word for a sign), ``tensed`` (present for the edition's figure, past for an older one's),
``as_said_then`` (a speaker's verb and opening, dated in the past for an older edition's figure), ``by_signs`` (the
words for figures moving together), ``one_note`` (an older edition's note once), ``trend_text`` (« 74 % en 2009, en
baisse par rapport à 80 % en 2008 »), ``count_words``, ``elide``, ``enumeration``, ``value_range``, ``nbsp`` (the
no-break space), ``de_text`` and ``que_text`` (« de » / « d’ », « que » / « qu’ » before a rendered figure or clause,
elided from the text a reader sees: write ``{{ de_text(x|cite) }}``, never « de {{ x|cite }} »).

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
from barometre.narrative import mentions
from barometre.narrative.citing import (
    cite,
    cite_earlier,
    cite_in,
    dated,
    de,
    md_escape,
    one_note,
    quote,
    quote_body,
    vintage_note,
)
from barometre.narrative.forecasts import (
    _plural_verdict,
    for_period,
    forecast_cited,
    forecast_noun,
    forecast_word,
    when_done,
)
from barometre.narrative.mentions import upper_first
from barometre.narrative.words import (
    as_said_then,
    by_signs,
    direction,
    in_year,
    opening,
    tensed,
    trend_text,
)
from barometre.typography import elide

NBSP = "\u00a0"  # the no-break space, {{ nbsp }} in a template where an editor would not see the character

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


_ROLE = re.compile(r"^\{\w+\}`")  # a MyST role's opening, before the words a reader sees


def _elided(word: str, text: str) -> str:
    """``word`` and ``text`` joined, elided when the text a reader sees starts with a vowel: « d’{ref}`environ 83 %` »,
    « qu’il », « de {ref}`15 %` ». The elision is chosen while rendering, from the text itself (the page no longer
    repairs « de environ » after assembly)."""
    return elide(word, _ROLE.sub("", mentions.shown_short(text))) + text


def speaker(fig) -> str:
    """Who gives a figure or a quote, as a mention (``mentions.person``): with their role at the page's first
    mention of them, by name after."""
    return mentions.person(fig.source_name, fig.source_role)


def de_text(text: str) -> str:
    """« de 15 % … », « d’environ 83 % … » before a rendered figure or clause."""
    return _elided("de", text)


def que_text(text: str) -> str:
    """« que 15 % … », « qu’environ 83 % … » before a rendered figure or clause."""
    return _elided("que", text)


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
        small_number=formatting.small_number, points=formatting.points, figure_text=formatting.figure_text,
        complement_text=formatting.complement_text,
        cite=cite, cite_in=cite_in, cite_earlier=cite_earlier, de=de, dated=dated, as_of_edition=as_of_edition,
        vintage_note=vintage_note, in_year=in_year, opening=opening,
        period=formatting.period_text, month_year=formatting.month_year, event_date=formatting.event_date,
        scope_label=scope_label, md_escape=md_escape, quote=quote, quote_body=quote_body, upper_first=upper_first,
        forecast_noun=forecast_noun, forecast_word=forecast_word, for_period=for_period, forecast_cited=forecast_cited,
        when_done=when_done, plural_verdict=_plural_verdict,
        clauses=clauses, clause_list=clause_list, speaker=speaker,
    )
    env.globals.update(direction=direction, tensed=tensed, as_said_then=as_said_then, by_signs=by_signs,
                       one_note=one_note, trend_text=trend_text, count_words=formatting.count_words, elide=elide,
                       enumeration=formatting.enumeration, value_range=formatting.value_range, nbsp=NBSP,
                       de_text=de_text, que_text=que_text, person=mentions.person)
    return env


_BLANK = re.compile(r"\n[ \t]*\n")
_CLAUSE_BREAK = re.compile(r"\n[ \t]*--[ \t]*(?=\n)")
_SPACES = re.compile(r"[ \t\n]+")  # not the no-break spaces of a figure


def clause_list(text: str) -> list[str]:
    """A block's clauses: its text cut at each line holding only « -- », each clause's lines joined by a space, the
    empty ones left out (a clause an ``if`` did not write). Lets a template write a list of clauses as prose, one
    under the other, instead of building a list in code."""
    parts = (_SPACES.sub(" ", part).strip(" ") for part in _CLAUSE_BREAK.split("\n" + str(text) + "\n"))
    return [part for part in parts if part]


def clauses(text: str, sep: str = " ; ") -> str:
    """A block's clauses (``clause_list``) joined by ``sep``."""
    return sep.join(clause_list(text))


def paragraphs(text: str) -> str:
    """The template's output as MyST: within a paragraph, lines joined by a space (a line starting with « - »
    starts a list item, one starting with « | » a table row; a colon fence « ::: » keeps its lines); paragraphs apart by one blank line; no space at the
    ends."""
    blocks = []
    for block in _BLANK.split(text.strip()):
        lines: list[str] = []
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            # a list item, a table row, a colon fence (:::{only} html) and the line after it: a line of its own
            if line.startswith(("- ", "|", ":::")) or not lines or lines[-1].startswith(":::"):
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
