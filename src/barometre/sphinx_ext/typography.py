"""French typography of the page: no-break spaces before « : ; ! ? » and inside guillemets, ranges
bound, « 1er » in superscript, in every text of the page but code and raw HTML."""

from __future__ import annotations

import re

from docutils import nodes

_NO_TYPOGRAPHY = (nodes.literal, nodes.literal_block, nodes.raw, nodes.math, nodes.math_block, nodes.comment,
                  nodes.FixedTextElement)
_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:(?=\s|$)")
_BEFORE_HIGH = re.compile(r"[ \u00a0\u202f]+([;!?»])")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]+")


def french_spacing(text: str) -> str:
    """The spaces French typography binds: a no-break space before « : » and inside guillemets, a narrow
    no-break space before « ; », « ! » and « ? », so that no line starts with a punctuation mark."""
    text = _BEFORE_COLON.sub("\u00a0:", text)
    text = _BEFORE_HIGH.sub(lambda m: ("\u00a0" if m.group(1) == "»" else "\u202f") + m.group(1), text)
    return _AFTER_GUILLEMET.sub("«\u00a0", text)


_RANGE = re.compile(r"(?<=\d)[ \u00a0\u202f]+à[ \u00a0\u202f]+(?=[+\-\u2212]?\d)")


def bind_ranges(text: str) -> str:
    """« 20 à 25 % » is one unit: no-break spaces around « à » between two numbers."""
    return _RANGE.sub("\u00a0à\u00a0", text)


def raw_typography(text: str) -> str:
    """What Sphinx's typography does to the page's text, for raw HTML it does not reach (a number's
    tooltip, a chart's caption): typographic apostrophes, French spaces, ranges bound."""
    return bind_ranges(french_spacing(text.replace("'", "\u2019")))


_ORDINAL = re.compile(r"(?<![\w])1(er|re)(?=[ \u00a0\u202f])")


def ordinal_superscripts(doctree) -> None:
    """« 1er juillet » is written with a superscript « er » (and « 1re » with « re »), in the page and
    in the PDF, whoever wrote the text (a date of the data, a sentence of a chapter)."""
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, (*_NO_TYPOGRAPHY, nodes.superscript)):
            continue
        raw = str(text)
        if not _ORDINAL.search(raw):
            continue
        parts: list[nodes.Node] = []
        last = 0
        for m in _ORDINAL.finditer(raw):
            parts += [nodes.Text(raw[last:m.start()] + "1"), nodes.superscript(m.group(1), m.group(1))]
            last = m.end()
        parts.append(nodes.Text(raw[last:]))
        index = parent.index(text)
        parent.remove(text)
        for offset, node in enumerate(p for p in parts if not (isinstance(p, nodes.Text) and not str(p))):
            parent.insert(index + offset, node)


def french_typography(app, doctree, docname) -> None:
    """Every text of the page (not code, not raw HTML) gets French spacing, whoever wrote it.

    The PDF's babel-french spaces punctuation itself; there, ranges are bound (« 20 à 25 % »
    never breaks between its numbers). In both, « 1er » takes its superscript."""
    fmt = getattr(app.builder, "format", "")
    if fmt in ("latex", "html"):
        ordinal_superscripts(doctree)
    if fmt == "latex":
        for text in list(doctree.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, _NO_TYPOGRAPHY):
                continue
            new = bind_ranges(str(text))
            if new != str(text):
                parent.replace(text, nodes.Text(new))
        return
    if fmt != "html":
        return
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, _NO_TYPOGRAPHY):
            continue
        new = french_spacing(str(text))
        if new != str(text):
            parent.replace(text, nodes.Text(new))
