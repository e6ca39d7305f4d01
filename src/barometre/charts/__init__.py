"""The one chart theme, and the chart output every chapter uses.

A chart leaves a notebook as one output with two forms for the book (and the Vega-Lite spec and a line
of text for Jupyter, ``output.ChartOutput._repr_mimebundle_``):

- ``text/vnd.barometre.chart+html`` (``PAGE_MIME``, which the HTML build renders as HTML): the interactive chart, drawn by vega-embed from the site's own
  ``_static/vega-bundle.js`` (never a CDN), in the fr-FR locale, with a visible
  source line, a text description and a link to download the chart's rows as CSV;
- ``application/vnd.barometre.print+json`` (``PRINT_MIME``): the chart for the PDF,
  a vector PDF drawn by vl-convert at the width it is printed (the page's text width),
  in the book's sans-serif with fonts embedded, text never under ``PRINT_MIN_FONT`` pt,
  and, beside it, its caption (the title) and source line, which LaTeX typesets as text
  (``barometre.sphinx_ext.printing.PrintFigure``). An explorer has no print form: its print
  entry says so and the PDF leaves it out.

The package, by job: ``theme`` (palette, fonts, sizes, locale), ``marks`` (the marks chapters build
charts with), ``output`` (``ChartOutput``, ``chart_output``), ``web`` (the page's spec, patch and
HTML), ``printing`` (the PDF's spec, parts and drawing) and ``value_labels`` (the values a print
chart writes). The public names are re-exported here: ``from barometre.charts import ...``.
"""

from barometre.charts.marks import (
    BOUND_DIRECTION,
    LINE_RUN,
    NO_LINE,
    QUALIFIER_NATURE,
    ROW_LABEL_LEADING,
    ROW_LABEL_LINE,
    bound_direction,
    line_runs,
    qualifier_nature,
    row_labels,
)
from barometre.charts.output import ChartOutput, SpecChart, chart_output
from barometre.charts.printing import PRINT_CONFIG, print_parts_of, print_pdfs, print_spec_of
from barometre.charts.theme import (
    FONT,
    LOCALE,
    PAGE_MIME,
    PALETTE,
    PANEL_GROWTH,
    PANEL_HEIGHT_SHARE,
    PRINT_COLUMNS,
    PRINT_FONT,
    PRINT_FONT_SIZE,
    PRINT_HEIGHT_RATIO,
    PRINT_LAYOUT_RATIO,
    PRINT_MAX_HEIGHT,
    PRINT_MIME,
    PRINT_MIN_FONT,
    PRINT_ONLY,
    PRINT_PANEL_HEIGHT,
    PRINT_WIDTH,
    PRINT_X_AXIS_OFFSET,
    THEME,
    TITLE_LINE,
    VALUE_SCHEME_COLOURS,
    WIDTH,
    format_locale,
    theme,
    time_format_locale,
    wrap_title,
)
from barometre.charts.value_labels import (
    CROWDED_PLACES,
    PLACES,
    PRINT_LABEL_SIZE,
    PRINT_Y_AXIS,
    label_width,
    place_value_labels,
    value_label_layers,
)
from barometre.charts.web import (
    AXIS_TITLE_LINE,
    LABEL_SEPARATION,
    PANEL_AXIS,
    PANEL_TITLE_CHAR,
    VERTICAL_TITLE_LINE,
    WEB_BOX_SIGNAL,
    WEB_PHONE_BOX,
    WEB_TITLE_CHAR,
    WEB_TITLE_LINE,
    javascript_bundle,
    title_wraps,
    web_title_expression,
)

__all__ = [
    "AXIS_TITLE_LINE",
    "BOUND_DIRECTION",
    "CROWDED_PLACES",
    "FONT",
    "LABEL_SEPARATION",
    "LINE_RUN",
    "LOCALE",
    "NO_LINE",
    "PAGE_MIME",
    "PALETTE",
    "PANEL_AXIS",
    "PANEL_GROWTH",
    "PANEL_HEIGHT_SHARE",
    "PANEL_TITLE_CHAR",
    "PLACES",
    "PRINT_COLUMNS",
    "PRINT_CONFIG",
    "PRINT_FONT",
    "PRINT_FONT_SIZE",
    "PRINT_HEIGHT_RATIO",
    "PRINT_LABEL_SIZE",
    "PRINT_LAYOUT_RATIO",
    "PRINT_MAX_HEIGHT",
    "PRINT_MIME",
    "PRINT_MIN_FONT",
    "PRINT_ONLY",
    "PRINT_PANEL_HEIGHT",
    "PRINT_WIDTH",
    "PRINT_X_AXIS_OFFSET",
    "PRINT_Y_AXIS",
    "QUALIFIER_NATURE",
    "ROW_LABEL_LEADING",
    "ROW_LABEL_LINE",
    "THEME",
    "TITLE_LINE",
    "VALUE_SCHEME_COLOURS",
    "VERTICAL_TITLE_LINE",
    "WEB_BOX_SIGNAL",
    "WEB_PHONE_BOX",
    "WEB_TITLE_CHAR",
    "WEB_TITLE_LINE",
    "WIDTH",
    "ChartOutput",
    "SpecChart",
    "bound_direction",
    "chart_output",
    "format_locale",
    "javascript_bundle",
    "label_width",
    "line_runs",
    "place_value_labels",
    "print_parts_of",
    "print_pdfs",
    "print_spec_of",
    "qualifier_nature",
    "row_labels",
    "theme",
    "time_format_locale",
    "title_wraps",
    "value_label_layers",
    "web_title_expression",
    "wrap_title",
]
