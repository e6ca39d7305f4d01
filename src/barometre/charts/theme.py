"""The one chart theme: palette, fonts, sizes (web and print) and the fr-FR locale."""

from __future__ import annotations

import re
from functools import cache

import altair as alt
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

# ---- print (the PDF): vl-convert draws 1 px as 1 pt
PRINT_MIME = "application/vnd.barometre.print+json"
# The page's figure (the interactive chart's HTML, calling the site's own Vega bundle), under a type of its own:
# JupyterLab ranks text/html above its Vega-Lite renderer and would show that HTML, with no chart, in place of
# the Vega-Lite form; the book renders it as myst-nb renders text/html (``sphinx_ext.charts.ChartPage``).
PAGE_MIME = "text/vnd.barometre.chart+html"
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


TITLE_LINE = 34  # characters of a 15 px bold title that fit a 360 px screen (about 9 px a character)


def wrap_title(title: str, width: int = TITLE_LINE) -> str | list[str]:
    """A chart title in lines that fit a phone (Vega-Lite draws a list as lines): never cut, never
    wider than the screen, whatever the chart's own width."""
    import textwrap

    lines = textwrap.wrap(title, width=width, break_long_words=False, break_on_hyphens=False)
    return title if len(lines) <= 1 else lines


PRINT_ONLY = "print-only"


def _luminance(colour: str) -> float | None:
    """The relative luminance (WCAG) of a ``#rrggbb`` colour, None for another notation."""
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colour or ""):
        return None
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
