"""The HTML snippets and pages the build writes outside the book's Markdown (the archive page, the PDF's link, the
pages' date line), from the Jinja2 templates ``src/barometre/templates/*.html``: their words are there, escaped as
HTML, not in Python."""

from __future__ import annotations

from functools import cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _environment():
    # Jinja2 is imported when a page is written, not when the build starts: a no-op rebuild imports
    # ``publishing`` and never renders (``make bench``'s no-op time is mostly imports)
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                       keep_trailing_newline=True)


def render_html(template: str, **context) -> str:
    """The HTML of ``template`` (« archive.html ») for ``context``."""
    return _environment().get_template(template).render(**context)
