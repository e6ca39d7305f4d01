"""The web form of a chart: its spec for the page, the patch that fits it to the page's width,
and the HTML figure that vega-embed draws from the site's own bundle."""

from __future__ import annotations

import html
import json
import urllib.parse
from typing import Protocol

import vl_convert as vlc

from barometre.charts.theme import (
    PANEL_GROWTH,
    PANEL_HEIGHT_SHARE,
    WIDTH,
    format_locale,
    time_format_locale,
    wrap_title,
)
from barometre.charts.value_labels import _drop_print_only
from barometre.typography import caption_typography


class WebChart(Protocol):
    """What the web form reads of a chart (``output.ChartOutput`` is one)."""

    name: str
    title: str
    source: str
    description: str
    interactive_note: str
    sliders: dict[str, str]

    @property
    def spec(self) -> dict: ...

    def web_spec(self) -> dict: ...

    def web_patch(self) -> list[dict] | None: ...

    def csv(self) -> str: ...


def javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one classic script, from vl-convert.

    The bundle declares top-level constants; wrapped in a function it leaves only
    ``window.vegaEmbed``, ``window.vega`` and ``window.vegaLite`` in the page's scope."""
    versions = f"vega {vlc.get_vega_version()}, vega-embed {vlc.get_vega_embed_version()}"
    return f"/* Vega, Vega-Lite, vega-embed ({versions}), bundled by vl-convert {vlc.__version__} */\n" + (
        "(function(){\n" + vlc.javascript_bundle() + "\n})();\n"
    )


LABEL_SEPARATION = 4  # px between two labels of an axis, at least (web)
WEB_TITLE_LINE = 30  # the web chart's title at 360 px, with the page's margins (measured: 34 overflowed by 2 px)
AXIS_TITLE_LINE = 26  # characters of a 12 px axis title on a phone's plot area (about 7 px a character)
VERTICAL_TITLE_LINE = 40  # a y axis title runs along the plot's height (240 to 300 px)


WEB_PHONE_BOX = 312  # px: a chart's box on a 360 px screen, where a title line holds WEB_TITLE_LINE characters
WEB_TITLE_CHAR = WEB_PHONE_BOX / WEB_TITLE_LINE  # px of box a character of a 15 px bold title needs (10,4)
PANEL_TITLE_CHAR = 7.5  # px of plot a character of a 12 px panel title needs (the widest measured: 6,8)
PANEL_AXIS = 80  # px of a chart's box a panel's title cannot use: its y axis and padding (measured: 59 to 72)
WEB_BOX_SIGNAL = "barometreBox"  # the page's signal holding the chart's box width (web_patch)


def title_wraps(title: str, char: float = WEB_TITLE_CHAR, fewer_than: int | None = None,
                margin: int = 0) -> list[tuple[int, list[str]]]:
    """The title in fewer lines than on a phone, for wider boxes: for each count of lines under
    ``fewer_than`` (the phone's count: the lines of ``wrap_title``), the box width it needs and its
    lines, the fewest lines first. A line of n characters needs n × ``char`` px (a title's: the phone's
    measured fit, a 312 px box holds a 30-character line), plus ``margin`` px of the box it cannot use."""
    import math
    import textwrap

    if fewer_than is None:
        phone = wrap_title(title, WEB_TITLE_LINE)
        fewer_than = len(phone) if isinstance(phone, list) else 1
    best: dict[int, tuple[int, list[str]]] = {}
    for width in range(1, len(title) + 1):
        lines = textwrap.wrap(title, width=width, break_long_words=False, break_on_hyphens=False)
        need = math.ceil(max(map(len, lines)) * char) + margin
        if len(lines) < fewer_than and (len(lines) not in best or need < best[len(lines)][0]):
            best[len(lines)] = (need, lines)
    return [best[k] for k in sorted(best)]


def web_title_expression(phone: list[str], box: str, char: float = WEB_TITLE_CHAR, margin: int = 0) -> str | None:
    """A Vega expression of a title's lines for the width held by signal ``box``: the fewest lines that
    fit (``title_wraps``), else ``phone``, its lines on a phone. None when there is no fewer lines to take."""
    wraps = title_wraps(" ".join(phone), char, len(phone), margin)
    if not wraps:
        return None
    expression = json.dumps(phone, ensure_ascii=False)
    for need, lines in reversed(wraps):  # the most lines innermost, the fewest tested first
        shown = json.dumps(lines if len(lines) > 1 else lines[0], ensure_ascii=False)
        expression = f"{box} >= {need} ? {shown} : ({expression})"
    return expression

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



def web_spec(chart: WebChart) -> dict:
    """The interactive spec: single and layered views take the width of the page (360 px and up);
    the title and long axis or legend titles are wrapped in lines that fit a phone's plot."""
    spec = _drop_print_only(json.loads(json.dumps(chart.spec)))
    spec["title"] = wrap_title(chart.title, WEB_TITLE_LINE)
    _wrap_axis_titles(spec)
    # the first and last labels of a continuous axis stay inside the axis (« 1 500 » ran past a phone's edge)
    spec.setdefault("config", {}).setdefault("axisX", {}).setdefault("labelFlush", True)
    # two axis labels keep a gap: Vega hides one of two labels closer than this (« −20 %−10 % » touched on a phone)
    spec["config"].setdefault("axis", {}).setdefault("labelSeparation", LABEL_SEPARATION)
    # legends in one column: a row of entries ran past a phone's edge
    spec["config"].setdefault("legend", {}).setdefault("direction", "vertical")
    if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        spec["width"] = "container"
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return spec



def web_patch(chart: WebChart) -> list[dict] | None:
    """What the page changes in the compiled chart (vega-embed's ``patch`` option, a JSON Patch applied
    to the Vega spec in the page) so that it uses a wide page as well as a phone's; None for a chart
    that needs nothing.

    - A column of panels sharing one width (small multiples): Vega-Lite sizes only a single or layered
      view to its container (``width: "container"``); such a column keeps the fixed width that fits a
      phone (205 px), a third of a desktop's column. Compiled to Vega, the panels share one ``width``
      signal: the patch makes it the container's width, kept up to date on resize, with Vega's
      ``fit-x`` taking the axes and titles off it, and lets a panel grow taller on a wide page (up to
      ``PANEL_GROWTH`` times its height) so that it does not flatten its lines.
    - A facet (the synthesis's dashboard): its panels share a ``child_width`` signal of the width that
      fits a phone (250 px); the patch makes it follow the container's width the same way, never
      narrower than that phone width.
    - A title wrapped for a phone (``WEB_TITLE_LINE`` characters a line): on a wider box it takes
      fewer lines (``web_title_expression``), chosen in the page from the box's width; so does the
      title of each panel of such a column, from the box less its y axis (``PANEL_AXIS``). The box,
      not the plot's width: Vega's ``fit-x`` changes that width while it lays the chart out, and a
      title changing its lines then left the chart's title above the drawing's top edge.

    Only a chart of panels is compiled here (tens of milliseconds a chart): a single view's title is
    at ``/title`` of the compiled spec, which has signals (its container-sized ``width``)."""
    spec = chart.web_spec()
    container = "(isFinite(containerSize()[0]) ? containerSize()[0] : {})"
    on_resize = container.format(0)
    box_signal = {"name": WEB_BOX_SIGNAL, "init": on_resize, "on": [{"events": "window:resize", "update": on_resize}]}
    title = wrap_title(chart.title, WEB_TITLE_LINE)
    title_expression = web_title_expression(title, WEB_BOX_SIGNAL) if isinstance(title, list) else None
    title_patch = ([{"op": "replace", "path": "/title/text", "value": {"signal": title_expression}}]
                   if title_expression else [])
    if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        if not title_patch or spec.get("width") != "container":
            return None
        return [*title_patch, {"op": "add", "path": "/signals/-", "value": box_signal}]
    compiled = vlc.vegalite_to_vega(spec)
    signals = list(compiled.get("signals", []))
    patch: list[dict] = []
    names = {s.get("name") for s in signals}
    fit = {"op": "add", "path": "/autosize", "value": {"type": "fit-x", "contains": "padding"}}
    panels = spec.get("vconcat")
    widths = {p.get("width") for p in panels if isinstance(p, dict)} if isinstance(panels, list) else set()
    child = next((s for s in signals if s.get("name") == "child_width"), None)
    if (isinstance(panels, list) and len(panels) >= 2 and len(widths) == 1
            and isinstance(next(iter(widths)), int | float) and compiled.get("width") == next(iter(widths))
            and "width" not in names):
        width = next(iter(widths))
        box = container.format(width)
        resize = [{"events": "window:resize", "update": box}]
        for i, signal in enumerate(signals):
            if signal.get("name") == "childHeight" and isinstance(signal.get("value"), int | float):
                height = signal["value"]
                grown = f"max({height}, min({round(height * PANEL_GROWTH)}, round({box} * {PANEL_HEIGHT_SHARE})))"
                signals[i] = {"name": "childHeight", "init": grown,
                              "on": [{"events": "window:resize", "update": grown}]}
        signals.insert(0, {"name": "width", "init": box, "on": resize})
        patch += [{"op": "remove", "path": "/width"}, fit]
        for i, mark in enumerate(compiled.get("marks", [])):  # each panel's title
            text = mark["title"].get("text") if isinstance(mark.get("title"), dict) else None
            if not isinstance(text, list):
                continue
            expression = web_title_expression(text, WEB_BOX_SIGNAL, PANEL_TITLE_CHAR, PANEL_AXIS)
            if expression is not None:
                patch.append({"op": "replace", "path": f"/marks/{i}/title/text", "value": {"signal": expression}})
    elif ("facet" in spec and child is not None and isinstance(child.get("value"), int | float)
          and "width" not in compiled and "width" not in names):
        # Vega's fit-x sets ``width`` to the box less what the panels' labels and padding take; the
        # panels follow it (the phone's width at least: a narrower panel would crowd its value labels)
        phone = child["value"]
        box = container.format(phone)
        signals[signals.index(child)] = {"name": "child_width", "update": f"max({phone}, width)"}
        signals.insert(0, {"name": "width", "init": box, "on": [{"events": "window:resize", "update": box}]})
        patch.append(fit)
    if title_patch and isinstance(compiled.get("title"), dict):
        patch += title_patch
    if any(WEB_BOX_SIGNAL in json.dumps(op.get("value")) for op in patch):
        signals.append(box_signal)
    if not patch:
        return None
    return [*patch, {"op": "add", "path": "/signals", "value": signals}]



def jupyter_spec(chart: WebChart) -> dict:
    """The web spec for Jupyter's Vega-Lite renderer: the page's spec, and the fr-FR locale as
    vega-embed options in ``usermeta.embedOptions`` (where vega-embed reads them from a spec). Without
    the page's width patch: a column of panels keeps its phone width. A view the page sizes to its
    container (``width: "container"``) has the theme's width (``WIDTH``): JupyterLab's output sizes
    itself to the chart, and the two resized each other without end (JupyterLab 4.6.6 froze on the
    first such chart, measured)."""
    spec = chart.web_spec()
    if spec.get("width") == "container":
        spec["width"] = WIDTH
    spec.setdefault("usermeta", {})["embedOptions"] = {
        "actions": False, "formatLocale": format_locale(), "timeFormatLocale": time_format_locale()}
    return spec


def chart_html(chart: WebChart) -> str:
    spec_json = json.dumps(chart.web_spec(), sort_keys=True, ensure_ascii=False).replace("</", "<\\/")
    options = {
        "actions": False,
        "renderer": "svg",
        "formatLocale": format_locale(),
        "timeFormatLocale": time_format_locale(),
    }
    patch = chart.web_patch()
    if patch:
        options["patch"] = patch
    vis, spec_id = f"vis-{chart.name}", f"spec-{chart.name}"
    controls = ""
    if chart.sliders:
        # The sliders sit outside the chart's image role, so that they stay reachable and named.
        options["bind"] = f"#controls-{chart.name}"
        controls = f'<div class="chart-controls" id="controls-{chart.name}"></div>\n'
    opts_json = json.dumps(options, sort_keys=True, ensure_ascii=False)
    # raw HTML escapes the page's typographic pass: the caption gets the same French typography here
    typeset = caption_typography
    desc = html.escape(typeset(chart.description))
    csv = chart.csv()
    download = ""
    if csv:
        href = "data:text/csv;charset=utf-8," + urllib.parse.quote(csv)
        download = (
            f' · <a class="chart-csv" download="{chart.name}.csv" href="{href}">'
            "Télécharger les données (CSV)</a>"
        )
    note = (f'<p class="chart-interactive-note">{html.escape(typeset(chart.interactive_note))}</p>'
            if chart.interactive_note else "")
    sliders = ""
    if chart.sliders:
        sliders = f' data-sliders="{html.escape(json.dumps(chart.sliders, sort_keys=True), quote=True)}"'
    return (
        f'<figure class="barometre-chart" id="chart-{chart.name}"{sliders}>\n'
        f'<div class="vega-chart" id="{vis}" role="img" aria-label="{desc}"></div>\n'
        f"{controls}"
        f'<script type="application/json" id="{spec_id}">{spec_json}</script>\n'
        "<script>document.addEventListener('DOMContentLoaded',function(){"
        f"vegaEmbed('#{vis}',JSON.parse(document.getElementById('{spec_id}').textContent),{opts_json})"
        ".then(function(r){if(window.barometreChart){window.barometreChart("
        f"document.getElementById('chart-{chart.name}'),r.view);}}}})"
        ".catch(function(e){console.error(e);});});</script>\n"
        f"{note}"
        f'<figcaption><span class="chart-description">{desc}</span><br>'
        f'<span class="chart-source">Source\u00a0: {html.escape(typeset(chart.source))}</span>{download}</figcaption>\n'
        "</figure>"
    )

