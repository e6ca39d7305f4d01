"""The PDF's make-up as a statistics office sets a report: each figure called from the text
(« … (figure 3). »), since figures float to where they fit."""

from __future__ import annotations

import re

from docutils import nodes

_END = re.compile(r"^(.*?)(\s*[.:;!?…]+\s*)$", re.DOTALL)
# a paragraph in these is not the text's own (a box, a caption, a note, a table, a list of items)
_NOT_TEXT = (nodes.figure, nodes.admonition, nodes.table, nodes.footnote, nodes.list_item, nodes.title,
             nodes.legend, nodes.caption)


def _section_of(node) -> nodes.Element | None:
    while node.parent is not None:
        node = node.parent
        if isinstance(node, nodes.section):
            return node
    return None


def _own_text(paragraph, section) -> bool:
    """True when ``paragraph`` is a paragraph of ``section``'s text itself (not of a subsection, a box,
    a figure, a table or a list)."""
    node = paragraph
    while node.parent is not None and node.parent is not section:
        node = node.parent
        if isinstance(node, (*_NOT_TEXT, nodes.section)):
            return False
    return node.parent is section and paragraph.astext().strip() != ""


def call_text(targets: list[str]) -> str:
    """« (figure 3) », « (figures 3 et 4) », « (figures 3, 4 et 5) »: LaTeX, each number a ``\\ref`` to its
    figure's caption."""
    refs = [f"\\ref{{\\detokenize{{{t}}}}}" for t in targets]
    if len(refs) == 1:
        return f"(figure~{refs[0]})"
    return f"(figures~{', '.join(refs[:-1])} et~{refs[-1]})"


def _call_at_end(paragraph, latex: str) -> None:
    """``latex`` (a call) at the end of ``paragraph``'s last sentence, before its closing punctuation."""
    last = paragraph.children[-1] if paragraph.children else None
    if isinstance(last, nodes.Text) and (m := _END.match(str(last))) and m.group(1).strip():
        paragraph.replace(last, nodes.Text(m.group(1)))
        paragraph += nodes.raw("", f" {latex}", format="latex")
        paragraph += nodes.Text(m.group(2))
    else:
        paragraph += nodes.raw("", f" {latex}", format="latex")


def call_figures(doctree) -> list[str]:
    """Each printed figure (its node carries ``barometre_target``, ``docname:label``) is called from the
    text of its section: at the end of the last paragraph before it, or of the first after it when the figure
    opens its section; figures that follow the same paragraph are called together (« (figures 4 et 5) »).
    Returns the targets of the figures no paragraph of their section could call."""
    calls: dict[int, tuple[nodes.paragraph, list[str]]] = {}
    uncalled = []
    for figure in list(doctree.findall(nodes.figure)):
        target = figure.get("barometre_target")
        if not target:
            continue
        section = _section_of(figure)
        if section is None:
            uncalled.append(target)
            continue
        before, after = [], []
        seen = False
        for node in section.findall(lambda n: isinstance(n, nodes.paragraph | nodes.figure)):
            if node is figure:
                seen = True
            elif isinstance(node, nodes.paragraph) and _own_text(node, section):
                (after if seen else before).append(node)
        paragraph = before[-1] if before else (after[0] if after else None)
        if paragraph is None:
            uncalled.append(target)
            continue
        calls.setdefault(id(paragraph), (paragraph, []))[1].append(target)
    for paragraph, targets in calls.values():
        _call_at_end(paragraph, call_text(targets))
    return uncalled
