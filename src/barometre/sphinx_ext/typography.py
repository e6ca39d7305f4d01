"""French typography of the page: no-break spaces before « : ; ! ? » and inside guillemets, ranges
bound, « 1er » in superscript, in every text of the page but code and raw HTML. The rules themselves
are ``barometre.typography``'s (``french_spacing``, ``bind_ranges``, ``raw_typography`` are re-exported
here)."""

from __future__ import annotations

from docutils import nodes

from barometre.typography import ORDINAL, bind_ranges, french_spacing, print_binding, raw_typography

_NO_TYPOGRAPHY = (nodes.literal, nodes.literal_block, nodes.raw, nodes.math, nodes.math_block, nodes.comment,
                  nodes.FixedTextElement)
_ORDINAL = ORDINAL


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
    never breaks between its numbers), and guillemets and « n° 836 » too (``print_binding``). In both, « 1er » takes its superscript."""
    fmt = getattr(app.builder, "format", "")
    if fmt in ("latex", "html"):
        ordinal_superscripts(doctree)
    transform = {"latex": print_binding, "html": french_spacing}.get(fmt)
    if transform is None:
        return
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, _NO_TYPOGRAPHY):
            continue
        new = transform(str(text))
        if new != str(text):
            parent.replace(text, nodes.Text(new))


__all__ = ["bind_ranges", "french_spacing", "french_typography", "ordinal_superscripts", "raw_typography"]
