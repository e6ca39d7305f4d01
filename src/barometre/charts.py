"""The one chart theme, and the chart output every chapter uses.

A chart leaves a notebook as one output with two forms:

- ``text/html``: the interactive chart, drawn by vega-embed from the site's own
  ``_static/vega-bundle.js`` (never a CDN), in the fr-FR locale, with a visible
  source line, a text description and a link to download the chart's rows as CSV;
- ``image/png``: the same chart rendered by vl-convert, with the source line
  under the title, for the PDF.
"""

from __future__ import annotations

import base64
import html
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from functools import cache

import altair as alt
import pandas as pd
import vl_convert as vlc

THEME = "barometre"
LOCALE = "fr-FR"
# Okabe–Ito: readable by the three common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
# The value chapter's three contracts (labels.VALUE_SCHEME_LABELS), coloured alike in its charts and explorer.
VALUE_SCHEME_COLOURS = [PALETTE[3], PALETTE[0], PALETTE[2]]
FONT = "DejaVu Sans, Verdana, sans-serif"
WIDTH = 560
PNG_SCALE = 3  # 3 × 72 dpi = 216 dpi in print


@alt.theme.register(THEME, enable=True)
def theme() -> alt.theme.ThemeConfig:
    """The house style: sober, large enough to read at 360 px, colour-blind safe."""
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": WIDTH, "continuousHeight": 300, "stroke": None},
            "title": {"anchor": "start", "fontSize": 15, "fontWeight": "bold", "subtitleFontSize": 12,
                      "subtitleColor": "#444", "offset": 12},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "gridColor": "#e6e6e6", "domainColor": "#888",
                     "tickColor": "#888", "labelColor": "#222", "titleColor": "#222"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
            "range": {"category": PALETTE},
            "bar": {"color": PALETTE[0]},
            "line": {"color": PALETTE[0], "strokeWidth": 2.5},
            "point": {"color": PALETTE[0], "size": 70, "filled": True},
            "text": {"fontSize": 12, "color": "#222"},
        }
    }


@cache
def format_locale() -> dict:
    """d3's fr-FR number locale, made to agree with the text's formatter: U+2212 for the minus sign,
    a narrow no-break space between thousands and a no-break space before « % » (« −1 528 », « 15 % »)."""
    loc = dict(vlc.get_format_locale(LOCALE))
    loc.update({"minus": "\u2212", "thousands": "\u202f", "percent": "\u00a0%"})
    return loc


@cache
def time_format_locale() -> dict:
    return vlc.get_time_format_locale(LOCALE)


def javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one classic script, from vl-convert.

    The bundle declares top-level constants; wrapped in a function it leaves only
    ``window.vegaEmbed``, ``window.vega`` and ``window.vegaLite`` in the page's scope."""
    versions = f"vega {vlc.get_vega_version()}, vega-embed {vlc.get_vega_embed_version()}"
    return f"/* Vega, Vega-Lite, vega-embed ({versions}), bundled by vl-convert {vlc.__version__} */\n" + (
        "(function(){\n" + vlc.javascript_bundle() + "\n})();\n"
    )


WEB_TITLE_LINE = 30  # the web chart's title at 360 px, with the page's margins (measured: 34 overflowed by 2 px)
AXIS_TITLE_LINE = 26  # characters of a 12 px axis title on a phone's plot area (about 7 px a character)
VERTICAL_TITLE_LINE = 40  # a y axis title runs along the plot's height (240 to 300 px)
TITLE_LINE = 34  # characters of a 15 px bold title that fit a 360 px screen (about 9 px a character)


def wrap_title(title: str, width: int = TITLE_LINE) -> str | list[str]:
    """A chart title in lines that fit a phone (Vega-Lite draws a list as lines): never cut, never
    wider than the screen, whatever the chart's own width."""
    import textwrap

    lines = textwrap.wrap(title, width=width, break_long_words=False, break_on_hyphens=False)
    return title if len(lines) <= 1 else lines


_POSITION_CHANNELS = ("x", "y", "x2", "y2", "color", "size", "shape", "opacity", "strokeDash")


def _wrap_axis_titles(node) -> None:
    """Every encoding's title (axis or legend) longer than a phone's plot, in lines, wherever it is in the
    spec (layers, concatenations): Vega centres a title on its axis and would draw it past the chart."""
    if isinstance(node, list):
        for item in node:
            _wrap_axis_titles(item)
        return
    if not isinstance(node, dict):
        return
    encoding = node.get("encoding")
    if isinstance(encoding, dict):
        for channel in _POSITION_CHANNELS:
            enc = encoding.get(channel)
            if not isinstance(enc, dict):
                continue
            width = VERTICAL_TITLE_LINE if channel in ("y", "y2") else AXIS_TITLE_LINE
            for holder in (enc, enc.get("axis"), enc.get("legend")):
                if isinstance(holder, dict) and isinstance(holder.get("title"), str):
                    holder["title"] = wrap_title(holder["title"], width)
    for key, value in node.items():
        if key not in ("encoding", "data", "datasets"):
            _wrap_axis_titles(value)


ROW_LABEL_LINE = 40  # characters of a 12 px row label on a 312 px plot (a 360 px screen less the margins)


def row_labels(table: pd.DataFrame, field: str, *, bar_size: int, sort=None) -> alt.Chart:
    """Each horizontal bar's category written above it, from the plot's left edge, in lines that fit a phone.

    A category axis beside the bars takes most of a phone's width (the plot shrank to 70 px) and its labels
    ran into the values; above the bar, a label has the whole width."""
    import textwrap

    values = table[field] if field in table else pd.Series([], dtype=str)
    labels = pd.DataFrame({field: values.astype(str)})
    labels["_ligne"] = [
        "\n".join(textwrap.wrap(v, ROW_LABEL_LINE, break_long_words=False)) or v for v in labels[field]
    ]
    return alt.Chart(labels).mark_text(
        align="left", baseline="bottom", dy=-(bar_size // 2 + 3), lineBreak="\n", color="#222", fontSize=12
    ).encode(y=alt.Y(f"{field}:N", sort=sort, axis=None, title=None), x=alt.value(0), text="_ligne:N")


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not slug:
        raise ValueError("a chart needs a name made of letters or digits, e.g. 'croissance'")
    return slug


@dataclass
class ChartOutput:
    """A chart with its title, source line, description and the rows behind it."""

    chart: alt.TopLevelMixin
    name: str
    title: str
    source: str
    description: str
    data: pd.DataFrame | None = None
    interactive_note: str = ""
    sliders: dict[str, str] = field(default_factory=dict)  # parameter name -> how the page writes its value
    _spec: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        for attr in ("title", "source", "description"):
            if not str(getattr(self, attr)).strip():
                raise ValueError(f"chart {self.name!r} needs a {attr}: every chart is titled, sourced and described")
        self.name = _slug(self.name)
        spec = self.chart.properties(title=wrap_title(self.title)).to_dict()
        spec["description"] = self.description
        self._spec = spec

    @property
    def spec(self) -> dict:
        return self._spec

    def web_spec(self) -> dict:
        """The interactive spec: single and layered views take the width of the page (360 px and up);
        the title and long axis or legend titles are wrapped in lines that fit a phone's plot."""
        spec = json.loads(json.dumps(self._spec))
        spec["title"] = wrap_title(self.title, WEB_TITLE_LINE)
        _wrap_axis_titles(spec)
        # the first and last labels of a continuous axis stay inside the axis (« 1 500 » ran past a phone's edge)
        spec.setdefault("config", {}).setdefault("axisX", {}).setdefault("labelFlush", True)
        # legends in one column: a row of entries ran past a phone's edge
        spec["config"].setdefault("legend", {}).setdefault("direction", "vertical")
        if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
            spec["width"] = "container"
            spec["autosize"] = {"type": "fit-x", "contains": "padding"}
        return spec

    def static_spec(self) -> dict:
        """The print spec: a fixed width (the page's text width) and the source under the title."""
        spec = json.loads(json.dumps(self._spec))
        if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
            spec.setdefault("width", WIDTH)
        spec["title"] = {"text": wrap_title(self.title), "subtitle": f"Source : {self.source}"}
        return spec

    def png(self) -> bytes:
        return vlc.vegalite_to_png(
            self.static_spec(),
            scale=PNG_SCALE,
            format_locale=LOCALE,
            time_format_locale=LOCALE,
        )

    def svg(self) -> str:
        return vlc.vegalite_to_svg(self.static_spec(), format_locale=LOCALE, time_format_locale=LOCALE)

    def csv(self) -> str:
        if self.data is None:
            return ""
        return self.data.to_csv(index=False, lineterminator="\n")

    def html(self) -> str:
        spec_json = json.dumps(self.web_spec(), sort_keys=True, ensure_ascii=False).replace("</", "<\\/")
        options = {
            "actions": False,
            "renderer": "svg",
            "formatLocale": format_locale(),
            "timeFormatLocale": time_format_locale(),
        }
        vis, spec_id = f"vis-{self.name}", f"spec-{self.name}"
        controls = ""
        if self.sliders:
            # The sliders sit outside the chart's image role, so that they stay reachable and named.
            options["bind"] = f"#controls-{self.name}"
            controls = f'<div class="chart-controls" id="controls-{self.name}"></div>\n'
        opts_json = json.dumps(options, sort_keys=True, ensure_ascii=False)
        desc = html.escape(self.description)
        csv = self.csv()
        download = ""
        if csv:
            href = "data:text/csv;charset=utf-8," + urllib.parse.quote(csv)
            download = (
                f' · <a class="chart-csv" download="{self.name}.csv" href="{href}">'
                "Télécharger les données (CSV)</a>"
            )
        note = f'<p class="chart-interactive-note">{html.escape(self.interactive_note)}</p>' if self.interactive_note else ""
        sliders = ""
        if self.sliders:
            sliders = f' data-sliders="{html.escape(json.dumps(self.sliders, sort_keys=True), quote=True)}"'
        return (
            f'<figure class="barometre-chart" id="chart-{self.name}"{sliders}>\n'
            f'<div class="vega-chart" id="{vis}" role="img" aria-label="{desc}"></div>\n'
            f"{controls}"
            f'<script type="application/json" id="{spec_id}">{spec_json}</script>\n'
            "<script>document.addEventListener('DOMContentLoaded',function(){"
            f"vegaEmbed('#{vis}',JSON.parse(document.getElementById('{spec_id}').textContent),{opts_json})"
            ".then(function(){if(window.barometreChart){window.barometreChart("
            f"document.getElementById('chart-{self.name}'));}}}})"
            ".catch(function(e){console.error(e);});});</script>\n"
            f"{note}"
            f'<figcaption><span class="chart-description">{desc}</span><br>'
            f'<span class="chart-source">Source : {html.escape(self.source)}</span>{download}</figcaption>\n'
            "</figure>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": self.html(),
            "image/png": base64.b64encode(self.png()).decode("ascii"),
            "text/plain": f"{self.title}. {self.description} Source : {self.source}",
        }


def chart_output(
    chart: alt.TopLevelMixin,
    *,
    name: str,
    title: str,
    source: str,
    description: str,
    data: pd.DataFrame | None = None,
    interactive_note: str = "",
    sliders: dict[str, str] | None = None,
) -> ChartOutput:
    """Wrap an Altair chart for display: ``display(chart_output(...))`` in a chapter."""
    return ChartOutput(chart, name, title, source, description, data, interactive_note, dict(sliders or {}))
