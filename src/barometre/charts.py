"""The one chart theme, and the chart output every chapter uses.

A chart leaves a notebook as one output with two forms:

- ``text/html``: the interactive chart, drawn by vega-embed from the site's own
  ``_static/vega-bundle.js`` (never a CDN), in the fr-FR locale, with a visible
  source line, a text description and a link to download the chart's rows as CSV;
- ``application/vnd.barometre.print+json`` (``PRINT_MIME``): the chart for the PDF,
  a vector PDF drawn by vl-convert at the width it is printed (the page's text width),
  in the book's sans-serif with fonts embedded, text never under ``PRINT_MIN_FONT`` pt,
  and, beside it, its caption (the title) and source line, which LaTeX typesets as text
  (``barometre.sphinx_ext.PrintFigure``). An explorer has no print form: its print
  entry says so and the PDF leaves it out.
"""

from __future__ import annotations

import html
import itertools
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
PANEL_GROWTH = 1.5  # a column of panels on a wide page: each panel up to 1,5 times its phone height
PANEL_HEIGHT_SHARE = 0.22  # ... as this share of the page's width (a 688 px column: 151 px panels)
PNG_SCALE = 3  # 3 × 72 dpi = 216 dpi in print

# ---- print (the PDF): vl-convert draws 1 px as 1 pt
PRINT_MIME = "application/vnd.barometre.print+json"
PRINT_WIDTH = 450  # pt: the text width of an A4 page with Sphinx's 1 in margins (450,7 pt)
PRINT_MAX_HEIGHT = 560  # pt: a part of a chart, its caption and source fit in the text height (about 700 pt)
PRINT_FONT = "FreeSans"  # the PDF's sans-serif (Sphinx's xelatex fonts: FreeSerif, FreeSans)
PRINT_FONT_SIZE = 8  # pt, labels; titles of panels 9 pt
PRINT_MIN_FONT = 7  # pt: no chart text is smaller in print
PRINT_HEIGHT_RATIO = 0.75  # a chart's print height, as a share of its web height
PRINT_LAYOUT_RATIO = 0.7  # a facet panel's steps and offsets in print, as a share of the web's
PRINT_COLUMNS = 2  # small multiples (a vconcat of panels) are set in this many columns in print
PRINT_PANEL_HEIGHT = 80  # pt: the height of a small multiple's panel in print (at most)
PRINT_X_AXIS_OFFSET = 7  # pt between a small multiple's plot and its x axis in print


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


LABEL_SEPARATION = 4  # px between two labels of an axis, at least (web)
WEB_TITLE_LINE = 30  # the web chart's title at 360 px, with the page's margins (measured: 34 overflowed by 2 px)
AXIS_TITLE_LINE = 26  # characters of a 12 px axis title on a phone's plot area (about 7 px a character)
VERTICAL_TITLE_LINE = 40  # a y axis title runs along the plot's height (240 to 300 px)
TITLE_LINE = 34  # characters of a 15 px bold title that fit a 360 px screen (about 9 px a character)


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
ROW_LABEL_LEADING = 15  # pixels between two lines of a row label


def row_labels(table: pd.DataFrame, field: str, *, bar_size: int, sort=None) -> alt.LayerChart:
    """Each horizontal bar's category written above it, from the plot's left edge, in lines that fit a phone.

    A category axis beside the bars takes most of a phone's width (the plot shrank to 70 px) and its labels
    ran into the values; above the bar, a label has the whole width. A label of several lines grows upwards,
    its last line just above the bar (Vega draws a multi-line text downwards from its first line, which put
    the second line on the bar): each line is its own text, raised by the lines under it."""
    import textwrap

    if field not in table and not table.empty:  # a misnamed field drew bars with no name (the growth chart did)
        raise ValueError(f"row_labels: the table has no column {field!r} (columns: {', '.join(map(str, table.columns))})")
    values = table[field].astype(str) if field in table else pd.Series([], dtype=str)
    rows = []
    for value in dict.fromkeys(values):
        lines = textwrap.wrap(value, ROW_LABEL_LINE, break_long_words=False) or [value]
        for k, line in enumerate(lines):
            rows.append({field: value, "_ligne": line,
                         "_décalage": -(bar_size // 2 + 3) - (len(lines) - 1 - k) * ROW_LABEL_LEADING})
    labels = pd.DataFrame(rows, columns=[field, "_ligne", "_décalage"])
    offsets = sorted(set(labels["_décalage"]), reverse=True) or [-(bar_size // 2 + 3)]
    y = alt.Y(f"{field}:N", sort=sort, axis=None, title=None)
    return alt.layer(*[
        alt.Chart(labels[labels["_décalage"] == dy] if not labels.empty else labels).mark_text(
            align="left", baseline="bottom", dy=dy, color="#222", fontSize=12
        ).encode(y=y, x=alt.value(0), text="_ligne:N")
        for dy in offsets
    ])


# A bound is drawn as a bound, never as a plain value: « plus de 50 % » and « au moins 10 % » point up
# (the value lies beyond, to the right), « moins de » and « au plus » point down (to the left).
BOUND_DIRECTION = {"more_than": 1, "at_least": 1, "less_than": -1, "at_most": -1}
# What a mark is, for a tooltip: the qualifier of its figure in words.
QUALIFIER_NATURE = {
    "exact": "valeur publiée",
    "about": "valeur approchée («\u00a0environ\u00a0»)",
    "range": "fourchette",
    "more_than": "borne basse («\u00a0plus de\u00a0»)\u00a0: la valeur est au-delà",
    "at_least": "borne basse («\u00a0au moins\u00a0»)\u00a0: la valeur est au-delà",
    "less_than": "borne haute («\u00a0moins de\u00a0»)\u00a0: la valeur est en deçà",
    "at_most": "borne haute («\u00a0au plus\u00a0»)\u00a0: la valeur est en deçà",
}


NO_LINE = -1  # the ``LINE_RUN`` of a year whose figure is not a point value (a range, a bound)
LINE_RUN = "_tronçon"


def line_runs(rows: pd.DataFrame, *, low: str = "bas", high: str = "haut", bound: str = "borne") -> list[int]:
    """For rows in year order, the run of the connecting line each row belongs to, or ``NO_LINE``.

    A line between two years says « the value went from here to there »; drawn through a range
    (« 1 100 à 1 300 M€ ») it passes at the range's middle and states a value nobody published, and
    through a bound (« plus de 30 000 ») it states the bound as the value. So the line joins only
    point values (published or « environ ») and stops at a range or a bound, which keep their own
    marks (a bar from end to end, an open dot with its arrow): the reader sees where the series is
    exact and where it is not. Joining the points on either side over the range would still put a
    y on the range's year; a band from range end to range end would invent a shape for the years
    around it. A year with no figure does not break the run: no dot marks the missing year on
    the time axis, and the line between two published points is read as the way between them.
    """
    runs, run, previous_point = [], 0, False
    for r in rows.itertuples(index=False):
        point = getattr(r, bound) == 0 and getattr(r, low) == getattr(r, high)
        if point and not previous_point:
            run += 1
        runs.append(run if point else NO_LINE)
        previous_point = point
    return runs


def bound_direction(qualifier: str) -> int:
    """+1 for a lower bound (« plus de », « au moins »), −1 for an upper bound, 0 for a value or a range."""
    return BOUND_DIRECTION.get(qualifier, 0)


def qualifier_nature(qualifier: str) -> str:
    return QUALIFIER_NATURE.get(qualifier, "valeur publiée")


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
    printable: bool = True  # False: the chart needs a browser (an explorer) and the PDF leaves it out
    sliders: dict[str, str] = field(default_factory=dict)  # parameter name -> how the page writes its value
    print_chart: alt.TopLevelMixin | None = None  # the chart laid out for the page, when it differs from the web's
    _spec: dict = field(init=False, repr=False)
    _print: dict | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        for attr in ("title", "source", "description"):
            if not str(getattr(self, attr)).strip():
                raise ValueError(f"chart {self.name!r} needs a {attr}: every chart is titled, sourced and described")
        self.name = _slug(self.name)
        # Altair's own validation and its deep copies (``properties`` copies the whole chart, ``to_dict``
        # again, and a copied layer re-copies its layers) cost more than a second for a chapter's small
        # multiples. The spec is taken once, unvalidated, and titled as a dict; every spec the book
        # publishes is validated against the Vega-Lite schema by the tests (test_charts.py).
        spec = self.chart.to_dict(validate=False)
        spec["title"] = wrap_title(self.title)
        spec["description"] = self.description
        self._spec = spec
        if self.print_chart is not None:
            self._print = self.print_chart.to_dict(validate=False)

    @property
    def spec(self) -> dict:
        return self._spec

    def web_spec(self) -> dict:
        """The interactive spec: single and layered views take the width of the page (360 px and up);
        the title and long axis or legend titles are wrapped in lines that fit a phone's plot."""
        spec = _drop_print_only(json.loads(json.dumps(self._spec)))
        spec["title"] = wrap_title(self.title, WEB_TITLE_LINE)
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

    def web_patch(self) -> list[dict] | None:
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
        spec = self.web_spec()
        container = "(isFinite(containerSize()[0]) ? containerSize()[0] : {})"
        on_resize = container.format(0)
        box_signal = {"name": WEB_BOX_SIGNAL, "init": on_resize, "on": [{"events": "window:resize", "update": on_resize}]}
        title = wrap_title(self.title, WEB_TITLE_LINE)
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

    def static_spec(self) -> dict:
        """The print spec: a fixed width (the page's text width) and the source under the title."""
        spec = json.loads(json.dumps(self._spec))
        if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
            spec.setdefault("width", WIDTH)
        spec["title"] = {"text": wrap_title(self.title), "subtitle": f"Source : {self.source}"}
        return spec

    def print_spec(self) -> dict:
        """The chart as the PDF prints it (``print_spec_of``)."""
        return print_spec_of(self._print or self._spec)

    def print_parts(self) -> list[dict]:
        """The print spec, cut into page-high parts when it is taller than a page."""
        return print_parts_of(self._print or self._spec)

    def pdfs(self) -> list[bytes]:
        """The print form (vector PDF, fonts embedded) at the size it is printed, one per part."""
        return [_to_pdf(part) for part in self.print_parts()]

    def print_form(self) -> dict:
        """What the PDF needs, and nothing drawn yet: the chart's spec, its caption and source.
        The LaTeX builder draws it (``print_pdfs``, called by ``sphinx_ext.PrintFigure``), so the
        HTML build, which never prints, never pays for the drawing."""
        if not self.printable:
            return {"omit": True, "name": self.name}
        return {"name": self.name, "caption": self.title, "source": f"Source : {self.source}",
                "spec": self._print or self._spec}

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
        patch = self.web_patch()
        if patch:
            options["patch"] = patch
        vis, spec_id = f"vis-{self.name}", f"spec-{self.name}"
        controls = ""
        if self.sliders:
            # The sliders sit outside the chart's image role, so that they stay reachable and named.
            options["bind"] = f"#controls-{self.name}"
            controls = f'<div class="chart-controls" id="controls-{self.name}"></div>\n'
        opts_json = json.dumps(options, sort_keys=True, ensure_ascii=False)
        # raw HTML escapes the page's typographic pass: the caption gets the same French spacing here
        from barometre.sphinx_ext import raw_typography

        def typeset(text: str) -> str:
            # a listing joined by « ; » (« 75 %; Webhelp ») gets its narrow space before the semicolon
            return raw_typography(re.sub(r"(?<=[^\s\u00a0\u202f]);(?=\s)", "\u202f;", text))

        desc = html.escape(typeset(self.description))
        csv = self.csv()
        download = ""
        if csv:
            href = "data:text/csv;charset=utf-8," + urllib.parse.quote(csv)
            download = (
                f' · <a class="chart-csv" download="{self.name}.csv" href="{href}">'
                "Télécharger les données (CSV)</a>"
            )
        note = (f'<p class="chart-interactive-note">{html.escape(typeset(self.interactive_note))}</p>'
                if self.interactive_note else "")
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
            f'<span class="chart-source">Source\u00a0: {html.escape(typeset(self.source))}</span>{download}</figcaption>\n'
            "</figure>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/html": self.html(),
            PRINT_MIME: self.print_form(),
            "text/plain": f"{self.title}. {self.description} Source : {self.source}",
        }


class SpecChart:
    """A chart written directly as its Vega-Lite dict, with the two calls the book makes of an Altair
    chart (``to_dict``, ``properties``). Altair copies a layered concatenation deeply at each step
    (each copied layer re-copies its layers): for a chapter's small multiples that cost two seconds
    in every build (``history.history_chart``)."""

    def __init__(self, spec: dict) -> None:
        self._spec = spec

    @classmethod
    def of(cls, **spec) -> SpecChart:
        """A top-level chart: Altair's schema address and the book's theme (the active one) added."""
        top = alt.Chart(pd.DataFrame({"x": [0]})).mark_point().to_dict(validate=False)
        return cls({"$schema": top["$schema"], "config": top["config"], **spec})

    def to_dict(self, validate: bool = True) -> dict:
        spec = json.loads(json.dumps(self._spec))
        if validate:  # as Altair validates: against the Vega-Lite schema it ships
            from altair.utils.schemapi import validate_jsonschema
            from altair.vegalite.v6.schema.core import load_schema

            validate_jsonschema(spec, load_schema())
        return spec

    def properties(self, **kwargs) -> SpecChart:
        return SpecChart({**self._spec, **kwargs})


def chart_output(
    chart: alt.TopLevelMixin,
    *,
    name: str,
    title: str,
    source: str,
    description: str,
    data: pd.DataFrame | None = None,
    interactive_note: str = "",
    printable: bool = True,
    sliders: dict[str, str] | None = None,
    print_chart: alt.TopLevelMixin | None = None,
) -> ChartOutput:
    """Wrap an Altair chart for display: ``display(chart_output(...))`` in a chapter."""
    return ChartOutput(chart, name, title, source, description, data, interactive_note, printable,
                       dict(sliders or {}), print_chart)


# --------------------------------------------------------------------------- print

# One font, one weight: vl-convert numbers the fonts of a PDF in a per-process order, so a chart
# with two fonts (regular and bold) would not be byte-identical from one build to the next.
PRINT_CONFIG = {
    "font": PRINT_FONT,
    "axis": {"labelFontSize": PRINT_FONT_SIZE, "titleFontSize": PRINT_FONT_SIZE, "titleFontWeight": "normal",
             "labelFontWeight": "normal"},
    "legend": {"labelFontSize": PRINT_FONT_SIZE, "titleFontSize": PRINT_FONT_SIZE, "titleFontWeight": "normal",
               "labelFontWeight": "normal"},
    "header": {"labelFontSize": 9, "titleFontSize": 9, "labelFontWeight": "normal", "titleFontWeight": "normal"},
    "title": {"fontSize": 9, "subtitleFontSize": PRINT_FONT_SIZE, "fontWeight": "normal",
              "subtitleFontWeight": "normal"},
    "text": {"fontSize": PRINT_FONT_SIZE, "fontWeight": "normal"},
    "concat": {"spacing": 18},
    "facet": {"spacing": 14},
}
_FONT_KEYS = ("fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize")


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out.get(key, {}), value) if isinstance(value, dict) else value
    return out


_WEIGHT_KEYS = ("fontWeight", "labelFontWeight", "titleFontWeight", "subtitleFontWeight")


def _shrink_fonts(node) -> None:
    """Sizes the web chart sets on its own marks and axes (11–14 px) become print sizes (8–9 pt),
    never under ``PRINT_MIN_FONT``; every text is in the one regular weight (see ``PRINT_CONFIG``)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _WEIGHT_KEYS:
                node[key] = "normal"
            elif key in _FONT_KEYS and isinstance(value, int | float) and key != "config":
                node[key] = max(PRINT_MIN_FONT, min(9, round(value * 0.72, 1)))
            elif key not in ("data", "datasets", "config"):
                _shrink_fonts(value)
    elif isinstance(node, list):
        for item in node:
            _shrink_fonts(item)


# strings that are code or names, not text: left as they are
_CODE_KEYS = {"expr", "labelExpr", "filter", "calculate", "test", "signal", "update", "field", "as", "format",
              "formatType", "groupby", "fields", "$schema", "name", "type", "timeUnit", "op"}


def _curly_apostrophes(node):
    """The typographic apostrophe (« chiffre d’affaires ») in every text of the print chart: titles,
    labels and the data's values (and the scale domains and sorts that name them, alike)."""
    if isinstance(node, dict):
        return {k: (v if k in _CODE_KEYS and isinstance(v, str) else _curly_apostrophes(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_curly_apostrophes(v) for v in node]
    if isinstance(node, str):
        return re.sub(r"(?<=\w)'(?=\w)", "’", node)
    return node


_LAYOUT_KEYS = ("yOffset", "labelOffset", "labelLineHeight", "step")


def _scale_layout(node, ratio: float) -> None:
    """Offsets and steps drawn for 11–14 px web text, scaled for 8 pt print text."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _LAYOUT_KEYS and isinstance(value, int | float):
                node[key] = round(value * ratio, 1)
            elif key not in ("data", "datasets"):
                _scale_layout(value, ratio)
    elif isinstance(node, list):
        for item in node:
            _scale_layout(item, ratio)


PRINT_ROW_LABEL_LEADING = 1.2  # a row label's lines in print, apart by this many times its font size
PRINT_ROW_LABEL_INSET = 3  # pt between the plot's left edge and a row label in print


def _is_row_label(layer) -> bool:
    """A text layer of ``row_labels``: a line of a bar's name, written from the plot's left edge."""
    if not isinstance(layer, dict) or not isinstance(layer.get("mark"), dict) or layer["mark"].get("type") != "text":
        return False
    encoding = layer.get("encoding", {})
    return encoding.get("x") == {"value": 0} and (encoding.get("text") or {}).get("field") == "_ligne"


def _layers(node: dict) -> list[dict]:
    """The single charts of a layered chart, nested layers included."""
    out = []
    for layer in node.get("layer", []):
        out += _layers(layer) if isinstance(layer, dict) and "layer" in layer else [layer]
    return out


def _layered_views(node):
    """Every layered view of a spec, through its concatenations and a facet's panel (inner ones first)."""
    if isinstance(node, list):
        for item in node:
            yield from _layered_views(item)
        return
    if not isinstance(node, dict):
        return
    for key in ("vconcat", "hconcat", "concat", "spec"):
        if key in node:
            yield from _layered_views(node[key])
    if "layer" in node:
        yield node


def _print_row_labels(view: dict) -> None:
    """Bars named above them (``row_labels``), in print: the lines of a name set at the print
    leading (the web's 15 px between two 12 px lines left 15 pt between 8,6 pt lines), a little in
    from a zero line at the plot's edge, and no vertical grid (its lines ran through the names; each
    bar has its value written). ``view`` is a layered view."""
    layers = _layers(view)
    labels = [layer for layer in layers if _is_row_label(layer)]
    if not labels:
        return
    base = max(layer["mark"].get("dy", 0) for layer in labels)  # the last line, just above its bar
    for layer in labels:
        mark = layer["mark"]
        below = round((base - mark.get("dy", 0)) / ROW_LABEL_LEADING)  # lines under this one
        mark["dy"] = round(base - below * PRINT_ROW_LABEL_LEADING * mark.get("fontSize", PRINT_FONT_SIZE), 1)
        mark["dx"] = PRINT_ROW_LABEL_INSET  # off the zero line or the axis drawn at the plot's edge
    for layer in layers:
        x = layer.get("encoding", {}).get("x") if isinstance(layer, dict) else None
        if isinstance(x, dict) and "field" in x and x.get("axis", {}) is not None:
            x["axis"] = {**x.get("axis", {}), "grid": False}


_WHITE = ("white", "#fff", "#ffffff")
PRINT_MIN_CONTRAST = 3.0  # a white value label on a bar lighter than this (WCAG contrast) prints dark


def _luminance(colour: str) -> float | None:
    """The relative luminance (WCAG) of a ``#rrggbb`` colour, None for another notation."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour or ""):
        return None
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _on(colour: str) -> str:
    """The colour of a value label written on a bar of ``colour``: white, or dark on a light bar."""
    luminance = _luminance(colour)
    light = luminance is not None and 1.05 / (luminance + 0.05) < PRINT_MIN_CONTRAST
    return "#222222" if light else "#ffffff"


def _print_label_contrast(view: dict) -> None:
    """Value labels written in white on their bars, in print: dark on a light bar (white on the
    light grey, orange or beige bars was under a 2:1 contrast at 7 pt). The label's colour follows
    its bar's: the bars' colour scale (its domain and range), or their one colour. ``view`` is a
    layered view."""
    layers = [layer for layer in _layers(view) if isinstance(layer, dict) and isinstance(layer.get("mark"), dict)]
    bars = [layer for layer in layers if layer["mark"].get("type") == "bar"]
    labels = [layer for layer in layers if layer["mark"].get("type") == "text"
              and layer["mark"].get("color") in _WHITE and "color" not in layer.get("encoding", {})]
    if not bars or not labels:
        return
    colours = {json.dumps(bar.get("encoding", {}).get("color") or bar["mark"].get("color"), sort_keys=True)
               for bar in bars}
    if len(colours) != 1:
        return
    colour = json.loads(colours.pop())
    if isinstance(colour, str):
        for label in labels:
            label["mark"]["color"] = _on(colour)
        return
    scale = colour.get("scale") if isinstance(colour, dict) else None
    if not (isinstance(scale, dict) and isinstance(scale.get("domain"), list) and isinstance(scale.get("range"), list)
            and colour.get("field")):
        return
    dark = [value for value, fill in zip(scale["domain"], scale["range"], strict=False) if _on(fill) != "#ffffff"]
    if not dark:
        return
    test = f"indexof({json.dumps(dark, ensure_ascii=False)}, datum[{json.dumps(colour['field'])}]) >= 0"
    for label in labels:
        label.setdefault("encoding", {})["color"] = {"condition": {"test": test, "value": "#222222"}, "value": "#ffffff"}


def print_spec_of(spec: dict) -> dict:
    """A chart as the PDF prints it: no title (the caption typesets it), the book's sans-serif
    at 8 pt, drawn at the text width; a column of small multiples is set in two columns."""
    spec = _curly_apostrophes(json.loads(json.dumps(spec)))
    spec.pop("title", None)
    spec["config"] = _merge(spec.get("config", {}), PRINT_CONFIG)
    _shrink_fonts(spec)
    views = list(_layered_views(spec))
    for view in views:
        _print_row_labels(view)
    for view in views:
        _print_label_contrast(view)
    if isinstance(spec.get("spec"), dict):  # a facet's panel: its rows, offsets and line heights
        _scale_layout(spec["spec"], PRINT_LAYOUT_RATIO)
    if "vconcat" in spec and len(spec["vconcat"]) > 2:
        panels = spec.pop("vconcat")
        spec["concat"] = panels
        spec["columns"] = PRINT_COLUMNS
        # the years' axis stands off the plot: a value labelled under its point has room there
        spec["config"] = _merge(spec["config"], {"axisX": {"offset": PRINT_X_AXIS_OFFSET, "labelFontSize": PRINT_MIN_FONT}})
        for panel in panels:
            height = panel.get("height")
            panel["height"] = min(height, PRINT_PANEL_HEIGHT) if isinstance(height, int) else PRINT_PANEL_HEIGHT
        _even_panel_titles(panels, PRINT_COLUMNS)
    if not any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        spec["width"] = PRINT_WIDTH
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
        height = spec.get("height")
        if isinstance(height, int | float):  # 8 pt labels need less height than 12 px ones
            spec["height"] = max(80, round(height * PRINT_HEIGHT_RATIO))
        elif isinstance(height, dict) and "step" in height:
            spec["height"] = {"step": max(16, round(height["step"] * PRINT_HEIGHT_RATIO))}
        spec = _label_line_ends(_label_cells(_label_series(spec)))
    else:
        _fit_width(spec)
        if "concat" in spec and spec.get("columns"):
            _align_panel_titles(spec)
    return spec


def _title_lines(title) -> list[str] | None:
    text = title.get("text") if isinstance(title, dict) else title
    if text is None:
        return None
    return list(text) if isinstance(text, list) else [text]


def _even_panel_titles(panels: list[dict], columns: int) -> None:
    """The panels of a row (``columns`` a row) in print: a title on one line next to one on two gets
    an empty first line, so that the titles of the row end on the same line, right over plots that
    start at the same height (a one-line title sat between the two lines of its neighbour's)."""
    for start in range(0, len(panels), columns):
        row = panels[start:start + columns]
        titled = [(panel, _title_lines(panel.get("title"))) for panel in row]
        most = max((len(lines) for _, lines in titled if lines), default=0)
        for panel, lines in titled:
            if not lines or len(lines) == most:
                continue
            padded = ["\u00a0"] * (most - len(lines)) + lines
            if isinstance(panel["title"], dict):
                panel["title"] = {**panel["title"], "text": padded}
            else:
                panel["title"] = {"text": padded}


def _panel_title_tops(spec: dict) -> list[float | None]:
    """Where each panel's title starts, in pt from the top of its plot, as Vega draws it (a panel
    title stands above whatever rises over the plot: a value label, a bound's arrow)."""
    svg = vlc.vegalite_to_svg(spec, format_locale=LOCALE, time_format_locale=LOCALE)
    chunks = re.split(r'class="mark-group role-scope concat_\d+_group"', svg)[1:]
    tops: list[float | None] = []
    for chunk in chunks:
        title = re.search(r'class="mark-group role-title"><g transform="translate\([-\d.e]+,([-\d.e]+)\)"', chunk)
        tops.append(float(title.group(1)) if title else None)
    return tops


def _align_panel_titles(spec: dict) -> None:
    """The titles of a row of panels in print, on the same lines: a title over a panel whose labels
    rise less above the plot sat lower than its neighbour's (the plots themselves share a top). Each
    title moves up (its ``offset`` grows) to the highest title of its row, never down onto a label."""
    panels, columns = spec["concat"], int(spec["columns"])
    tops = _panel_title_tops(spec)
    if len(tops) != len(panels):
        return
    base = spec.get("config", {}).get("title", {}).get("offset", 0)
    for start in range(0, len(panels), columns):
        row = [(panel, top) for panel, top in zip(panels[start:start + columns], tops[start:start + columns],
                                                   strict=True) if top is not None and isinstance(panel.get("title"), dict)]
        if len(row) < 2:
            continue
        highest = min(top for _, top in row)
        for panel, top in row:
            if top - highest > 0.05:
                panel["title"] = {**panel["title"],
                                  "offset": round(panel["title"].get("offset", base) + top - highest, 2)}


def print_parts_of(spec: dict) -> list[dict]:
    """The print spec, cut into page-high parts when it is taller than a page (small
    multiples, the dashboard's panels): each part is a whole number of panel rows."""
    return _split_by_height(print_spec_of(spec))


def print_pdfs(form: dict) -> list[bytes]:
    """The vector PDFs of a chart's print form (``ChartOutput.print_form``), one per part."""
    return [_to_pdf(part) for part in print_parts_of(form["spec"])]


_REF_DICT = re.compile(rb"<<\n((?:[ \t]*/[A-Za-z0-9]+ \d+ 0 R\n)+)([ \t]*>>)")


def _to_pdf(spec: dict) -> bytes:
    """The PDF, byte-identical from one run to the next: vl-convert writes the entries of a
    resource dictionary (``/Font << /fo1 2 0 R /fo0 1 0 R >>``) in a per-process order; sorting
    them keeps every byte offset (the same lines, reordered) and the meaning."""
    pdf = vlc.vegalite_to_pdf(spec, format_locale=LOCALE, time_format_locale=LOCALE)
    return _REF_DICT.sub(lambda m: b"<<\n" + b"".join(sorted(m.group(1).splitlines(keepends=True))) + m.group(2), pdf)


def _drawn_size(spec: dict) -> tuple[float, float]:
    svg = vlc.vegalite_to_svg(spec, format_locale=LOCALE, time_format_locale=LOCALE)
    head = svg[: svg.index(">")]
    return float(re.search(r'width="([\d.]+)"', head).group(1)), float(re.search(r'height="([\d.]+)"', head).group(1))


def _fit_width(spec: dict) -> None:
    """A composed chart (panels, facets) takes the text width: its panels widen or narrow by
    what the drawn chart misses or exceeds (measured twice: labels change with the width)."""
    if "facet" in spec or "repeat" in spec:
        panels, across = [spec.setdefault("spec", {})], int(spec.get("columns", 1) or 1)
    elif "hconcat" in spec:
        panels, across = spec["hconcat"], len(spec["hconcat"])
    elif "concat" in spec:
        panels, across = spec["concat"], int(spec.get("columns") or len(spec["concat"]))
    else:
        panels, across = spec["vconcat"], 1
    for panel in panels:
        if not isinstance(panel.get("width"), int | float):
            panel["width"] = 200
    for _ in range(2):
        width, _height = _drawn_size(spec)
        step = (PRINT_WIDTH - width) / across
        if abs(step) < 1:
            break
        for panel in panels:
            panel["width"] = max(60, panel["width"] + step)


def _units(spec: dict) -> list[dict]:
    """The rows of a composed chart, each as a chart of its own (to measure and to regroup)."""
    if "concat" in spec:
        columns = int(spec.get("columns") or len(spec["concat"]))
        panels = spec["concat"]
        return [_with_panels(spec, panels[i:i + columns]) for i in range(0, len(panels), columns)]
    facet = spec.get("facet", {})
    if "row" in facet and "field" in facet["row"]:
        return [_with_facet_values(spec, facet["row"]["field"], [v]) for v in _facet_values(spec, facet["row"])]
    return [spec]


def _with_panels(spec: dict, panels: list[dict]) -> dict:
    part = {k: v for k, v in spec.items() if k != "concat"}
    part["concat"] = panels
    return part


def _with_facet_values(spec: dict, field: str, values: list) -> dict:
    part = json.loads(json.dumps(spec))
    part["transform"] = [*part.get("transform", []), {"filter": {"field": field, "oneOf": values}}]
    return part


def _facet_values(spec: dict, row: dict) -> list:
    data = spec.get("data", {})
    rows = data.get("values") if "values" in data else spec.get("datasets", {}).get(data.get("name"), [])
    sort = row.get("sort")
    if isinstance(sort, dict) and "field" in sort:
        rows = sorted(rows, key=lambda r: (r.get(sort["field"]) is None, r.get(sort["field"])))
    seen: list = []
    for r in rows:
        if r.get(row["field"]) not in seen:
            seen.append(r.get(row["field"]))
    return seen


def _split_by_height(spec: dict, budget: float = PRINT_MAX_HEIGHT) -> list[dict]:
    """Groups of consecutive rows, each group as tall as the budget allows. A facet row taller
    than the budget (a panel listing many indicators) is cut between its own categories; a row
    that cannot be cut stays whole (the test of chart text sizes then fails, as it should)."""
    if _drawn_size(spec)[1] <= budget:
        return [spec]
    units = _units(spec)
    if len(units) == 1 and "facet" not in spec:
        return [spec]
    gap = max(spec.get("config", {}).get("concat", {}).get("spacing", 20),
              spec.get("config", {}).get("facet", {}).get("spacing", 20))
    heights = [_drawn_size(u)[1] + gap for u in units]
    groups: list[list[int]] = [[]]
    total = 0.0
    for i, h in enumerate(heights):
        if groups[-1] and total + h > budget:
            groups.append([])
            total = 0.0
        groups[-1].append(i)
        total += h
    # the same number of parts, of even lengths when they fit: no last row left alone on a page
    size = -(-len(heights) // len(groups))
    even = [list(range(i, min(i + size, len(heights)))) for i in range(0, len(heights), size)]
    if len(even) == len(groups) and all(sum(heights[i] for i in g) <= budget for g in even):
        groups = even
    parts = []
    for group in groups:
        if "concat" in spec:
            columns = int(spec.get("columns") or len(spec["concat"]))
            parts.append(_with_panels(spec, [p for i in group for p in spec["concat"][i * columns:(i + 1) * columns]]))
        elif len(group) == 1 and heights[group[0]] - gap > budget:
            parts += _split_categories(units[group[0]], budget)
        else:
            row = spec["facet"]["row"]
            values = _facet_values(spec, row)
            parts.append(_with_facet_values(spec, row["field"], [values[i] for i in group]))
    return parts


def _category_field(spec: dict) -> str | None:
    """The field a faceted panel lists its rows by (its nominal y), if any."""
    inner = spec.get("spec", {})
    for layer in inner.get("layer", [inner]):
        y = layer.get("encoding", {}).get("y") if isinstance(layer, dict) else None
        if isinstance(y, dict) and y.get("field") and y.get("type") in ("nominal", "ordinal"):
            return y["field"]
    return None


def _split_categories(unit: dict, budget: float) -> list[dict]:
    """A facet row too tall for a page, cut into runs of its categories (in the data's order):
    the fewest runs that fit the budget, of even lengths."""
    field = _category_field(unit)
    if field is None:
        return [unit]
    data = unit.get("data", {})
    rows = data.get("values") if "values" in data else unit.get("datasets", {}).get(data.get("name"), [])
    kept = [f for f in unit.get("transform", []) if isinstance(f.get("filter"), dict) and "oneOf" in f["filter"]]
    rows = [r for r in rows if all(r.get(f["filter"]["field"]) in f["filter"]["oneOf"] for f in kept)]
    categories: list = []
    for r in rows:
        if r.get(field) not in categories:
            categories.append(r.get(field))
    # as few runs as fit the budget, of even lengths: no run of a few rows left alone on a page
    import math

    count = max(2, math.ceil(_drawn_size(unit)[1] / budget))
    while True:
        size = math.ceil(len(categories) / count)
        runs = [categories[i:i + size] for i in range(0, len(categories), size)]
        if size == 1 or all(_drawn_size(_with_facet_values(unit, field, run))[1] <= budget for run in runs):
            break
        count += 1
    parts = [_with_facet_values(unit, field, run) for run in runs]
    for part in parts:  # the runs of one panel share its value scale; each takes the text width again
        _share_value_scale(part, rows)
        _fit_width(part)
    return parts


def _share_value_scale(part: dict, rows: list[dict]) -> None:
    """The quantitative x of a faceted panel's layers, fixed to the domain of all the panel's rows
    (a run of its categories would otherwise get its own scale, and « 80 % » fall elsewhere)."""
    inner = part.get("spec", {})
    layers = inner.get("layer", [inner])
    fields = []
    for layer in layers:
        encoding = layer.get("encoding", {}) if isinstance(layer, dict) else {}
        x = encoding.get("x")
        if isinstance(x, dict) and x.get("type") == "quantitative" and x.get("field"):
            fields.append(x["field"])
            if isinstance(encoding.get("x2"), dict) and encoding["x2"].get("field"):
                fields.append(encoding["x2"]["field"])
    values = [r[f] for r in rows for f in fields if isinstance(r.get(f), int | float)]
    if not values:
        return
    low, high = min(min(values), 0), max(max(values), 0)  # the panels' scales include zero (Vega-Lite's default)
    for layer in layers:
        x = layer.get("encoding", {}).get("x") if isinstance(layer, dict) else None
        if isinstance(x, dict) and x.get("type") == "quantitative":
            x.setdefault("scale", {})["domain"] = [low, high]


# --------------------------------------------------------------------------- print: value labels
# A static chart carries the values a reader of the web page would hover for. The labels are drawn
# in print only (layers named ``PRINT_ONLY``, which the web spec drops): on a phone's 205 px panel
# they would run into each other, and there the pointer gives the value.

PRINT_ONLY = "print-only"
PRINT_LABEL_SIZE = PRINT_MIN_FONT  # pt
_LABEL_GAP = 5.5  # pt between a point's centre (a 4,2 pt radius in print) and its label's nearest edge
PRINT_Y_AXIS = 43  # pt: a small multiple's y axis (labels, ticks, padding) in print, measured
# FreeSans (a Helvetica design) advance widths, in thousandths of the font size
_ADVANCE = {**dict.fromkeys("0123456789", 556), " ": 278, "\u00a0": 278, "\u202f": 200, ",": 278, ".": 278,
            "%": 889, "€": 556, "M": 833, "\u2212": 584, "-": 333, "+": 584, "à": 556, "(": 333, ")": 333}


def label_width(text: str, size: float = PRINT_LABEL_SIZE) -> float:
    """The printed width of a label in points (FreeSans metrics; 0,5 em for a letter not listed)."""
    return sum(_ADVANCE.get(c, 500) for c in text) * size / 1000


def _nice_domain(low: float, high: float, count: int = 10) -> tuple[float, float]:
    """d3's ``linear.nice(count)``: the domain Vega draws a zero-free quantitative axis on."""
    import math

    if high == low:
        return low - 1, high + 1
    previous = None
    for _ in range(10):
        step = (high - low) / count
        power = math.floor(math.log10(step))
        error = step / 10**power
        factor = 10 if error >= math.sqrt(50) else 5 if error >= math.sqrt(10) else 2 if error >= math.sqrt(2) else 1
        increment = factor * 10**power
        if increment == previous:
            break
        low, high = math.floor(low / increment) * increment, math.ceil(high / increment) * increment
        previous = increment
    return low, high


# where a label goes around its point: (name, Vega align, baseline, dx, dy) in pt
PLACES = {
    "n": ("center", "bottom", 0, -_LABEL_GAP), "s": ("center", "top", 0, _LABEL_GAP),
    "ne": ("left", "bottom", 3.5, -3.5), "nw": ("right", "bottom", -3.5, -3.5),
    "se": ("left", "top", 3.5, 3.5), "sw": ("right", "top", -3.5, 3.5),
    "e": ("left", "middle", _LABEL_GAP + 1, 0), "w": ("right", "middle", -_LABEL_GAP - 1, 0),
    # further out, where lines crowd around a point
    "nn": ("center", "bottom", 0, -_LABEL_GAP - 8), "ss": ("center", "top", 0, _LABEL_GAP + 8),
    "see": ("left", "top", 8, 7), "sww": ("right", "top", -8, 7),
    # further still, for the lines of a chart that crowd at a common start (labels in their line's colour)
    "nnn": ("center", "bottom", 0, -_LABEL_GAP - 16), "sss": ("center", "top", 0, _LABEL_GAP + 16),
    "nee": ("left", "bottom", 8, -8), "nww": ("right", "bottom", -8, -8),
    "ee": ("left", "middle", _LABEL_GAP + 10, 0), "ww": ("right", "middle", -_LABEL_GAP - 10, 0),
}
CROWDED_PLACES = ("nnn", "sss", "nee", "nww", "ee", "ww")


def _box(place: str, x: float, y: float, width: float, height: float) -> tuple[float, float, float, float]:
    align, baseline, dx, dy = PLACES[place]
    x0 = {"center": x + dx - width / 2, "left": x + dx, "right": x + dx - width}[align]
    y0 = {"bottom": y + dy - height, "top": y + dy, "middle": y - height / 2}[baseline]
    return x0, y0, x0 + width, y0 + height


def _overlap(a, b) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _crosses(box, p, q) -> bool:
    """Whether the segment p–q passes through the box (sampled finely: boxes are a few points wide)."""
    for i in range(41):
        t = i / 40
        x, y = p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t
        if box[0] < x < box[2] and box[1] < y < box[3]:
            return True
    return False


def place_value_labels(points: list[tuple[float, float, str]], width: float, height: float,
                       size: float = PRINT_LABEL_SIZE, *, others: list[list[tuple[float, float, str]]] = (),
                       taken: list[tuple[float, float, float, float]] = (), further: tuple[str, ...] = ()) -> list[str]:
    """For a line of points (x, y in pt from the plot's top left, and the label), where each label
    goes (a key of ``PLACES``): clear of the other labels, the points and the line, inside the plot
    but for its top (the panel's title moves up to make room), a few points at the right and the
    gap above the x axis (``PRINT_X_AXIS_OFFSET``). A peak is labelled above, a trough below, a point
    on a slope on the side the line leaves free; a second pass moves a label its neighbours crowd.
    ``others``: the other lines of the chart (their points and segments are avoided too);
    ``taken``: the boxes of labels already placed; ``further``: places (``CROWDED_PLACES``) tried
    after all the others, for labels told apart by their colour."""
    text_height = size * 1.05
    widths = [label_width(text, size) for _, _, text in points]
    marks = [(x - 4.2, y - 4.2, x + 4.2, y + 4.2) for x, y, _ in points]
    segments = list(itertools.pairwise(points))
    other_marks = [(x - 4.2, y - 4.2, x + 4.2, y + 4.2) for line in others for x, y, _ in line]
    segments += [pair for line in others for pair in itertools.pairwise(line)]

    def preference(i: int) -> list[str]:
        y = points[i][1]
        before = points[i - 1][1] if i > 0 else None
        after = points[i + 1][1] if i + 1 < len(points) else None
        # y grows downwards: a smaller y is a higher value
        below = [v for v in (before, after) if v is not None and v > y]
        above = [v for v in (before, after) if v is not None and v < y]
        far = ["nn", "ss", "see", "sww", *further]
        if below and not above:
            return ["n", "nw", "ne", "e", "w", "s", "sw", "se", *far]
        if above and not below:
            return ["s", "sw", "se", "e", "w", "n", "nw", "ne", *far]
        if before is not None and before > y:  # rising through
            return ["nw", "se", "n", "s", "w", "e", "ne", "sw", *far]
        if before is not None:  # falling through
            return ["ne", "sw", "n", "s", "e", "w", "nw", "se", *far]
        return ["n", "s", "e", "w", "ne", "nw", "se", "sw", *far]

    def cost(i: int, place: str, others: dict[int, str]) -> float:
        x, y, _ = points[i]
        box = _box(place, x, y, widths[i], text_height)
        spaced = (box[0] - 2, box[1] - 1, box[2] + 2, box[3] + 1)  # two labels never touch
        total = sum(_overlap(spaced, _box(p, points[j][0], points[j][1], widths[j], text_height)) * 6
                    for j, p in others.items() if j != i)
        total += sum(_overlap(box, m) * 3 for j, m in enumerate(marks) if j != i)
        total += sum(_overlap(box, m) * 3 for m in other_marks) + sum(_overlap(spaced, b) * 6 for b in taken)
        total += sum(60 for p, q in segments if _crosses(box, p[:2], q[:2]))
        outside = (max(0.0, -box[0]) + max(0.0, box[2] - width - 6) + max(0.0, -14 - box[1])
                   + max(0.0, box[3] - height - PRINT_X_AXIS_OFFSET + 1))
        return total + outside * 30

    chosen: dict[int, str] = {}
    for i in range(len(points)):
        chosen[i] = min(preference(i), key=lambda p, i=i: (cost(i, p, chosen), preference(i).index(p)))
    for i in range(len(points)):  # second pass: each label against all the others
        chosen[i] = min(preference(i), key=lambda p, i=i: (cost(i, p, chosen), preference(i).index(p)))
    return [chosen[i] for i in range(len(points))]


def value_label_layers(rows: pd.DataFrame, *, x: alt.X, y: alt.Y, text: str, place: str = "_place",
                       color: str = "#222") -> list[alt.Chart]:
    """Print-only text layers that write each row's ``text`` at its ``place`` (``place_value_labels``)."""
    layers = []
    for name in dict.fromkeys(rows[place]):
        align, baseline, dx, dy = PLACES[name]
        layers.append(
            alt.Chart(rows).transform_filter(alt.FieldEqualPredicate(field=place, equal=name))
            .mark_text(align=align, baseline=baseline, dx=dx, dy=dy, fontSize=PRINT_LABEL_SIZE, color=color)
            .encode(x=x, y=y, text=f"{text}:N")
            .properties(name=f"{PRINT_ONLY}-{name}")
        )
    return layers


def _drop_print_only(node):
    """The spec without its print-only layers (the web spec)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "layer" and isinstance(value, list):
                value = [v for v in value if not str(v.get("name", "")).startswith(PRINT_ONLY)]
            out[key] = value if key in ("data", "datasets") else _drop_print_only(value)
        return out
    if isinstance(node, list):
        return [_drop_print_only(v) for v in node]
    return node


def _rows_of(unit: dict, spec: dict) -> list[dict]:
    data = unit.get("data") or spec.get("data") or {}
    if "values" in data:
        return data["values"]
    return spec.get("datasets", {}).get(data.get("name"), [])


_LABEL_INK = "#222"
PRINT_LABEL_CONTRAST = 4.5  # a value label in its line's colour, darkened to this contrast on white (WCAG AA)


def _label_colour(colour: dict, key) -> str:
    """The colour of a value label where several lines cross (« 102,4 » sat between three lines at
    their common start): its line's colour, darkened until it reads on white at 7 pt; the book's ink
    for a single line or a colour the scale does not name."""
    scale = colour.get("scale", {}) if isinstance(colour, dict) else {}
    domain, hues = scale.get("domain"), scale.get("range")
    if key is None or not isinstance(domain, list) or not isinstance(hues, list) or key not in domain:
        return _LABEL_INK
    hue = hues[domain.index(key)]
    if _luminance(hue) is None:
        return _LABEL_INK
    channels = [int(hue[i:i + 2], 16) for i in (1, 3, 5)]
    for step in range(21):
        shade = "#" + "".join(f"{round(c * (1 - step / 20)):02x}" for c in channels)
        if 1.05 / (_luminance(shade) + 0.05) >= PRINT_LABEL_CONTRAST:
            return shade
    return _LABEL_INK


def _label_series(spec: dict) -> dict:
    """A single chart of lines through points (year by year) whose rows carry their value as the text
    writes it (« texte »): in print, each point gets its label (``place_value_labels``), at the
    positions the drawn chart gives (its plot's size read from the drawing, the scales computed as
    Vega does). A chart that already writes values (a text mark) is left as it is."""
    units = spec.get("layer", [spec])
    if any(not isinstance(u, dict) or "mark" not in u for u in units):
        return spec
    marks = [(u["mark"]["type"] if isinstance(u["mark"], dict) else u["mark"]) for u in units]
    if "text" in marks:
        return spec
    lines = [u for u, m in zip(units, marks, strict=True)
             if m == "line" and isinstance(u["mark"], dict) and u["mark"].get("point")]
    if not lines:
        return spec
    enc = lines[0].get("encoding", {})
    x, y, colour = enc.get("x", {}), enc.get("y", {}), enc.get("color", {})
    rows = [r for u in lines for r in _rows_of(u, spec)]
    if not rows or any("texte" not in r for r in rows) or not x.get("field") or not y.get("field"):
        return spec
    if y.get("type") != "quantitative" or y.get("scale", {}).get("zero", True) is not False:
        return spec
    svg = vlc.vegalite_to_svg(spec, format_locale=LOCALE, time_format_locale=LOCALE)
    frame = re.search(r'class="background"[^>]*d="M0,0h([\d.]+)v([\d.]+)h', svg)
    if frame is None:
        return spec
    width, height = float(frame.group(1)), float(frame.group(2))
    values = [r[y["field"]] for r in rows]
    for u in units:  # every y the plot shares (a band's bounds) sets the domain
        for channel in ("y", "y2"):
            field_name = u.get("encoding", {}).get(channel, {}).get("field")
            values += [r[field_name] for r in _rows_of(u, spec) if isinstance(r.get(field_name), int | float)]
    low, high = _nice_domain(float(min(values)), float(max(values)))
    xs = sorted({r[x["field"]] for u in units for r in _rows_of(u, spec) if x["field"] in r})
    if x.get("type") == "quantitative":
        x_low, x_high = _nice_domain(float(xs[0]), float(xs[-1]))

        def position(v):
            return width * (v - x_low) / (x_high - x_low)
    else:
        def position(v):
            return width / len(xs) * (xs.index(v) + 0.5)

    series: dict = {}
    for r in rows:
        series.setdefault(r.get(colour.get("field")) if colour.get("field") else None, []).append(r)
    drawn = {key: sorted(rs, key=lambda r: r[x["field"]]) for key, rs in series.items()}
    points: dict = {}
    seen: list[tuple[float, float, str]] = []
    common: set[int] = set()  # the points where lines meet, written once in the book's ink
    for key, rs in drawn.items():  # where lines meet on one value (a common base 100), it is written once
        kept = []
        for r in rs:
            point = (position(r[x["field"]]), height * (high - r[y["field"]]) / (high - low), r["texte"])
            same = [i for i, (a, b, t) in enumerate(seen) if abs(point[0] - a) < 1 and abs(point[1] - b) < 2
                    and point[2] == t]
            if same:
                common.add(same[0])
            else:
                kept.append(r)
                seen.append(point)
        drawn[key] = kept
        points[key] = [(position(r[x["field"]]), height * (high - r[y["field"]]) / (high - low), r["texte"])
                       for r in kept]
    first = {id(r): i for i, r in enumerate(r for rs in drawn.values() for r in rs)}  # a row's index in ``seen``
    taken: list = []
    labelled = []
    for key, pts in points.items():
        places = place_value_labels(pts, width, height, others=[p for k, p in points.items() if k != key],
                                    taken=taken, further=CROWDED_PLACES if len(points) > 1 else ())
        taken += [_box(p, px, py, label_width(t), PRINT_LABEL_SIZE * 1.05) for p, (px, py, t) in zip(places, pts, strict=True)]
        labelled += [{x["field"]: r[x["field"]], y["field"]: r[y["field"]], "texte": r["texte"], "_place": p,
                      "_colour": _LABEL_INK if first[id(r)] in common else _label_colour(colour, key)}
                     for r, p in zip(drawn[key], places, strict=True)]
    shared = {k: v for k, v in spec.items() if k in ("$schema", "config", "datasets", "width", "height", "autosize",
                                                      "description", "padding", "background")}
    body = {k: v for k, v in spec.items() if k not in shared}
    layers = body.pop("layer") if "layer" in body else [body]
    text_layers = []
    for place, tint in dict.fromkeys((r["_place"], r["_colour"]) for r in labelled):
        align, baseline, dx, dy = PLACES[place]
        text_layers.append({
            "name": f"{PRINT_ONLY}-{place}" + (f"-{tint[1:]}" if tint != _LABEL_INK else ""),
            "data": {"values": [r for r in labelled if (r["_place"], r["_colour"]) == (place, tint)]},
            "mark": {"type": "text", "align": align, "baseline": baseline, "dx": dx, "dy": dy,
                     "fontSize": PRINT_LABEL_SIZE, "color": tint},
            "encoding": {"x": x, "y": y, "text": {"field": "texte", "type": "nominal"}},
        })
    if "layer" in spec:
        return {**shared, **body, "layer": [*layers, *text_layers]}
    unit = {k: v for k, v in body.items() if k != "data"}
    return {**shared, **({"data": body["data"]} if "data" in body else {}), "layer": [unit, *text_layers]}


_DARK_LOW_SCHEMES = ("viridis", "magma", "inferno", "plasma", "cividis", "turbo")  # dark at their low end


def _mark_type(unit: dict) -> str:
    mark = unit.get("mark")
    return mark.get("type", "") if isinstance(mark, dict) else str(mark or "")


def _label_line_ends(spec: dict) -> dict:
    """A model's curves (lines over a quantitative x): in print, each curve writes its value at its
    right end, and each highlighted point (a few filled dots: the book's assumptions) its value beside
    it, in the axis's unit: what the web gives on hover. A chart whose lines already carry printed
    labels (``_label_series``) is left as it is."""
    units = spec.get("layer")
    if not isinstance(units, list) or any(not isinstance(u, dict) or "mark" not in u for u in units):
        return spec
    if any(str(u.get("name", "")).startswith(PRINT_ONLY) for u in units):
        return spec
    written = {json.dumps(u.get("data"), sort_keys=True) for u in units if _mark_type(u) == "text"}
    added = []
    for unit in units:
        mark, enc = _mark_type(unit), unit.get("encoding", {})
        x, y = enc.get("x", {}), enc.get("y", {})
        if (mark not in ("line", "point") or x.get("type") != "quantitative" or y.get("type") != "quantitative"
                or not x.get("field") or not y.get("field")):
            continue
        rows = _rows_of(unit, spec)
        if not rows or any(not isinstance(r.get(y["field"]), int | float) for r in rows):
            continue
        if mark == "point":
            shape = unit["mark"].get("shape", "") if isinstance(unit["mark"], dict) else ""
            if (str(shape).startswith("triangle") or len(rows) > 4
                    or json.dumps(unit.get("data"), sort_keys=True) in written):  # a label of its own already
                continue
        # the number alone, in the axis's unit (« 20,8 »): the text's « 20,8 % d'une heure en France »
        # would squeeze the plot; a point's label sits above it on the left, clear of a rising curve
        end = mark == "line"
        text = {"name": f"{PRINT_ONLY}-{'end' if end else 'point'}-{len(added)}",
                "mark": {"type": "text", "fontSize": PRINT_LABEL_SIZE, "align": "left" if end else "right",
                         "baseline": "middle" if end else "bottom", "dx": 4 if end else -5,
                         "dy": 0 if end else -5, "color": "#222222"},
                "encoding": {"x": {k: v for k, v in x.items() if k not in ("axis", "title")},
                             "y": {k: v for k, v in y.items() if k not in ("axis", "title")},
                             "text": {"field": y["field"], "type": "quantitative", "format": ".3~r"}}}
        if "data" in unit:
            text["data"] = unit["data"]
        transform = list(unit.get("transform", []))
        if mark == "line":  # the curve's last point (one per colour, when a colour splits the curves)
            colour = enc.get("color")
            group = [colour["field"]] if isinstance(colour, dict) and colour.get("field") else []
            transform += [{"joinaggregate": [{"op": "max", "field": x["field"], "as": "_fin"}], "groupby": group},
                          {"filter": f"datum[{json.dumps(x['field'])}] == datum._fin"},
                          # curves that end on the same value share one label
                          {"aggregate": [{"op": "count", "as": "_courbes"}], "groupby": [x["field"], y["field"]]}]
        if transform:
            text["transform"] = transform
        added.append(text)
    if not added:
        return spec
    spec["layer"] = [*units, *added]
    spec["padding"] = {"left": 5, "top": 5, "bottom": 5, "right": 24}  # room for a value at a curve's end
    return spec


def _label_cells(spec: dict) -> dict:
    """A heat map (a single rect mark coloured by a quantity) whose rows carry their value as the text
    writes it (« texte »): in print, each cell writes it, in white on the dark half of the scheme, and
    the x labels are set level. A chart that already writes values is left as it is."""
    if "mark" not in spec or "layer" in spec:
        return spec
    mark = spec["mark"]["type"] if isinstance(spec["mark"], dict) else spec["mark"]
    encoding = spec.get("encoding", {})
    colour = encoding.get("color", {})
    rows = _rows_of(spec, spec)
    if (mark != "rect" or colour.get("type") != "quantitative" or not rows
            or any("texte" not in r or not isinstance(r.get(colour.get("field")), int | float) for r in rows)):
        return spec
    values = [r[colour["field"]] for r in rows]
    middle = (min(values) + max(values)) / 2
    scale = colour.get("scale", {})
    dark_high = (scale.get("scheme") in _DARK_LOW_SCHEMES) == bool(scale.get("reverse"))
    dark = f"datum['{colour['field']}'] {'>=' if dark_high else '<='} {middle}"
    shared = {k: v for k, v in spec.items() if k in ("$schema", "config", "datasets", "width", "height", "autosize",
                                                      "description", "padding", "background", "data")}
    unit = {k: v for k, v in spec.items() if k not in shared}
    for channel in ("x", "y"):
        if isinstance(unit.get("encoding", {}).get(channel), dict):
            unit["encoding"][channel].setdefault("axis", {})
            if channel == "x" and isinstance(unit["encoding"]["x"]["axis"], dict):
                unit["encoding"]["x"]["axis"]["labelAngle"] = 0
    text = {"name": f"{PRINT_ONLY}-cells",
            "mark": {"type": "text", "fontSize": PRINT_LABEL_SIZE, "baseline": "middle", "align": "center"},
            "encoding": {"x": unit["encoding"]["x"], "y": unit["encoding"]["y"],
                         "text": {"field": "texte", "type": "nominal"},
                         "color": {"condition": {"test": dark, "value": "#ffffff"}, "value": "#222222"}}}
    return {**shared, "layer": [unit, text]}
