"""The web page's chart: ``ChartPage`` (a myst-nb mime renderer, declared in pyproject.toml) renders a
chart's page form (``charts.PAGE_MIME``) as myst-nb renders ``text/html``, and the HTML builders prefer it.

The page's figure is not given as ``text/html`` because JupyterLab ranks ``text/html`` above its Vega-Lite
renderer: it would show the page's HTML (whose script calls a global only the site defines) instead of
drawing the chart's Vega-Lite form (``charts.output.JUPYTER_VEGALITE_MIME``)."""

from __future__ import annotations

from docutils import nodes

from barometre.charts.theme import PAGE_MIME

# the priority myst-nb gives text/html for the HTML builders (30): the page form takes its place
HTML_BUILDERS = ("html", "dirhtml", "singlehtml", "readthedocs", "readthedocsdirhtml", "readthedocssinglehtml")


class ChartPage:
    """Renders ``text/vnd.barometre.chart+html`` as raw HTML, the node myst-nb makes of ``text/html``."""

    mime_priority_overrides = tuple((builder, PAGE_MIME, 30) for builder in HTML_BUILDERS)

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != PAGE_MIME:
            return None
        return [nodes.raw(text=data.string, format="html", classes=["output", "text_html"])]
