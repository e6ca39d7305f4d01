"""Empty sections: a section whose cells printed nothing is left out, heading included."""

from __future__ import annotations

from docutils import nodes


def _shows_something(node) -> bool:
    """Whether a node puts anything before the reader: a word, a chart, an image, a table."""
    if isinstance(node, (nodes.raw, nodes.image, nodes.table)):
        return True
    return any(str(t).strip() for t in node.findall(nodes.Text)) or any(
        True for _ in node.findall(lambda n: isinstance(n, (nodes.raw, nodes.image, nodes.table))))


def drop_empty_sections(app, doctree) -> None:
    """A section whose cells printed nothing (the edition publishes none of its figures) is left out,
    heading included: an early or sparse edition's page listed bare headings (« L'argument du coût »,
    « La concentration du marché ») with nothing under them, where the page's closing note already says
    which passages are omitted and why. Innermost sections first, before the page's table of contents is
    collected (connected with a higher priority than Sphinx's collectors)."""
    for section in sorted(doctree.findall(nodes.section), key=lambda n: len(list(n.findall(nodes.section)))):
        if section.parent is None or isinstance(section.parent, nodes.document):
            continue  # the page's own title section always stays
        body = [c for c in section.children if not isinstance(c, nodes.title)]
        if not any(_shows_something(c) for c in body):
            section.parent.remove(section)
