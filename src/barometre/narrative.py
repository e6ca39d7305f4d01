"""The one way to put a number into a sentence.

Chapters write their prose as MyST Markdown produced by code:
``say(f"... {cite(fig)} ...")``. ``cite`` formats the figure with the French
formatter and links it to its row in the sources annex, where the reader finds
the indicator, the edition, the source and the article's quote. Data strings
(quotes, names, labels) are always inserted through ``md_escape`` so that they
render literally, whatever characters they hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from barometre import formatting
from barometre.data import Figure

_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


def md_escape(text: str) -> str:
    """Escape every ASCII punctuation character so MyST renders ``text`` literally.

    CommonMark allows a backslash before any ASCII punctuation; this turns HTML
    (``<script>``), roles (``{glue}`x```), emphasis, links and dollar math into
    plain text. Newlines become spaces (a quote is one run of text)."""
    text = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def cite(fig: Figure, text: str | None = None, **fmt) -> str:
    """The figure as the prose shows it, linked to its row in the sources annex.

    ``fmt`` goes to ``formatting.figure_text`` (signed, magnitude, with_noun...)."""
    shown = text if text is not None else formatting.figure_text(fig, **fmt)
    shown = shown.replace("<", "‹").replace("`", "'")
    return f"{{ref}}`{shown} <{fig.anchor}>`"


def de(fig: Figure, **fmt) -> str:
    """« de 15 % » or « d'environ 18 % »: the preposition elided before a vowel, then ``cite``."""
    shown = formatting.figure_text(fig, **fmt)
    prefix = "d’" if shown[:1].lower() in "aeiouyéèêàh" else "de "
    return prefix + cite(fig, shown)


def quote_body(text: str) -> str:
    """The excerpt without the article's own guillemets and final full stop (ours frame it)."""
    body = re.sub(r"^[\s«»\u00a0]+|[\s«»\u00a0]+$", "", text)
    if body.count("«") != body.count("»"):
        body = body.replace("«", "").replace("»", "")
    if body.endswith(".") and not body.endswith("..."):
        body = body[:-1]  # the sentence around the quote carries the full stop
    return body


def quote(fig, *, attribution: bool = True) -> str:
    """« the article's words » — Who (role), escaped."""
    text = f"«\u00a0{md_escape(quote_body(fig.quote))}\u00a0»"
    if attribution:
        text += f" — {md_escape(fig.attribution)}"
    return text


def source_line(figures: Iterable[Figure], *, article: str = "Relation Client Magazine") -> str:
    """The source line of a chart or table, from the figures it shows."""
    figs = list(figures)
    barometer = sorted({f.edition for f in figs if f.source_type == "barometer"})
    people = []
    for f in figs:
        if f.source_type != "barometer" and f.source_name not in people:
            people.append(f.source_name)
    parts = []
    if barometer:
        editions = ", ".join(str(e) for e in barometer)
        parts.append(f"baromètre BearingPoint/SP2C des outsourceurs (édition {editions})")
    if people:
        elided = people[0][:1].lower() in "aeiouyéèêàh"
        parts.append(("propos d’" if elided else "propos de ") + ", ".join(people))
    if not parts:
        return article
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + f", cités par {article} (2009)"


def direction(change: float, *, up: str = "en hausse", down: str = "en baisse", flat: str = "stable",
              tolerance: float = 0.0) -> str:
    """The word for the sign of a change."""
    if change > tolerance:
        return up
    if change < -tolerance:
        return down
    return flat


def growth_trend(current: float, previous: float) -> str:
    """'accélère', 'ralentit' or 'se maintient', comparing two growth rates."""
    return direction(current - previous, up="accélère", down="ralentit", flat="se maintient")


def say(text: str):
    """Display MyST Markdown as the chapter's prose (the code cell itself is hidden)."""
    from IPython.display import Markdown

    return Markdown(text)


def not_published(label: str, edition: int) -> str:
    """The honest sentence for a figure an edition does not publish."""
    return f"{md_escape(label)} : chiffre non publié dans l'édition {edition} du baromètre."
