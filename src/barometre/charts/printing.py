"""The print form of a chart (the PDF): its spec at the text width in the book's sans-serif, cut
into page-high parts, drawn as vector PDFs by vl-convert."""

from __future__ import annotations

import json
import re
import unicodedata

import vl_convert as vlc

from barometre.charts.marks import ROW_LABEL_LEADING
from barometre.charts.panel_labels import place_panel_labels
from barometre.charts.print_periods import _cut_to_data, period_groups
from barometre.charts.theme import (
    LOCALE,
    PRINT_COLUMNS,
    PRINT_FONT,
    PRINT_FONT_SIZE,
    PRINT_HEIGHT_RATIO,
    PRINT_LAYOUT_RATIO,
    PRINT_MAX_HEIGHT,
    PRINT_MIN_FONT,
    PRINT_ONLY,
    PRINT_PANEL_HEIGHT,
    PRINT_WIDTH,
    PRINT_X_AXIS_OFFSET,
    _luminance,
)
from barometre.charts.value_labels import _label_cells, _label_line_ends, _label_series
from barometre.typography import curly_apostrophes

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
        return curly_apostrophes(node)
    return node


def _plain_superscript(text: str) -> str:
    """« 1ᵉʳ » as « 1er »: the modifier letters (superscript e, r…) are not in the print font, and vl-convert
    drew them in a serif fallback (DejaVu Serif in the legend of the 2024 book's Fig. 24, issue 27)."""
    out = []
    for c in text:
        decomposition = unicodedata.decomposition(c)
        out.append(chr(int(decomposition.split()[1], 16)) if decomposition.startswith("<super>") and c.isalpha() else c)
    return "".join(out)


def _one_font(node):
    """Every text of the print chart in glyphs of its one font (``_plain_superscript``), code left as it is."""
    if isinstance(node, dict):
        return {k: (v if k in _CODE_KEYS and isinstance(v, str) else _one_font(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_one_font(v) for v in node]
    if isinstance(node, str):
        return _plain_superscript(node)
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


def print_spec_of(spec: dict, *, columns: bool | None = None) -> dict:
    """A chart as the PDF prints it: no title (the caption typesets it), the book's sans-serif
    at 8 pt, drawn at the text width; a column of small multiples is set in two columns."""
    spec = _one_font(_curly_apostrophes(json.loads(json.dumps(spec))))
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
    if "vconcat" in spec and (len(spec["vconcat"]) > 2 if columns is None else columns):
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
        place_panel_labels(spec)
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
    multiples, the dashboard's panels): each part is a whole number of panel rows. A column of
    small multiples prints its crowded panels (``crowded_panels``) after the others, each across the
    text width."""
    crowded = crowded_panels(spec)
    groups = period_groups(spec)
    if not crowded and len(groups) <= 1:
        return _split_by_height(print_spec_of(_cut_to_data(spec)))
    panels = spec["vconcat"]
    rest = [i for i in range(len(panels)) if i not in crowded]
    wide = [p for i, p in enumerate(panels) if i in crowded]
    parts = []
    # the other panels in two columns, as in the whole figure (two of them alone would each take the width), a
    # group of panels of one period after another, each group's years' axis cut at its data
    for group in groups:
        kept = [panels[i] for i in group if i in rest]
        if kept:
            parts += _split_by_height(print_spec_of(_cut_to_data({**spec, "vconcat": kept}), columns=len(rest) > 1))
    for panel in wide:  # one a row: a column of two or more would be set in two columns again
        parts += _split_by_height(print_spec_of(_cut_to_data({**spec, "vconcat": [panel]})))
    return _merge_short_parts(parts)


CROWDED_LABELS = 175  # pt: a panel whose values' labels are this wide in all (or more) is crowded in half the width
CROWDED_VALUES = 9  # and has at least this many values


def crowded_panels(spec: dict) -> set[int]:
    """The panels of a column of small multiples (set in two columns in print) whose values are too many
    and too wide for half the text width: the labels of « Chiffre d'affaires du secteur » (thirteen values,
    « environ 1 920 M€ »…) landed on each other, on the line and far from their points in a panel 166 pt
    wide (issue 27, print editor, 2024 book p. 13). In print such a panel takes the whole text width."""
    from barometre.charts.value_labels import label_width

    panels = spec.get("vconcat")
    if not isinstance(panels, list) or len(panels) <= 2:
        return set()
    shared = (spec.get("data") or {}).get("values")
    crowded = set()
    for i, panel in enumerate(panels):
        rows = (panel.get("data") or {}).get("values") or shared or []
        if not any(str(layer.get("name", "")).startswith(PRINT_ONLY) for layer in panel.get("layer", [])):
            continue
        texts = [str(r["texte"]) for r in rows if "texte" in r]
        if len(texts) >= CROWDED_VALUES and sum(label_width(t) for t in texts) >= CROWDED_LABELS:
            crowded.add(i)
    return crowded


def _merge_short_parts(parts: list[dict]) -> list[dict]:
    """Consecutive parts that fit together in a page's height, set as one (a full-width panel under the last
    rows of two columns): a vertical concatenation of them, each drawn as it was."""
    keys = ("$schema", "config", "datasets")
    groups: list[list[dict]] = []
    for part in parts:
        if groups and sum(_drawn_size(p)[1] + 18 for p in groups[-1]) + _drawn_size(part)[1] <= PRINT_MAX_HEIGHT:
            groups[-1].append(part)
        else:
            groups.append([part])
    merged = []
    for group in groups:
        if len(group) == 1:
            merged.append(group[0])
            continue
        datasets = {k: v for p in group for k, v in p.get("datasets", {}).items()}
        merged.append({**{k: v for k, v in group[0].items() if k in keys[:2]}, **({"datasets": datasets} if datasets else {}),
                       "vconcat": [{k: v for k, v in p.items() if k not in keys} for p in group], "spacing": 18})
    return merged


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
    # each part but the last fills its page (the parts float and the text fills the page around the last
    # one; parts of even lengths, half a page each, left a page half empty where no text follows, as at a
    # chapter's end); the last one takes rows from the one before while it is under a quarter of the budget (a row or
    # two alone under « Figure 1 (suite…) »)
    while (len(groups) >= 2 and len(groups[-2]) > 1 and sum(heights[i] for i in groups[-1]) < budget / 4
           and sum(heights[i] for i in [groups[-2][-1], *groups[-1]]) <= budget):
        groups[-1].insert(0, groups[-2].pop())  # the last part takes the previous one's last row
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
    """A facet row too tall for a page, cut into runs of its categories (in the data's order), each as
    long as the budget allows, the last one not under a quarter of it."""
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
    # runs filled to the budget in order: each part but the last fills a page (the parts float, and the text
    # fills the page around the last one; even runs of half a page each left a page half empty where no
    # text follows, as at a chapter's end); the last run takes categories from the one before while it is
    # under a quarter of a page's run (a few rows alone under « Figure 1 (suite…) »)
    def height(run) -> float:
        return _drawn_size(_with_facet_values(unit, field, run))[1]

    runs: list[list] = []
    rest = list(categories)
    while rest:
        low, high = 1, len(rest)  # the longest run of the first categories left that fits
        while low < high:
            mid = (low + high + 1) // 2
            if height(rest[:mid]) <= budget:
                low = mid
            else:
                high = mid - 1
        runs.append(rest[:low])
        rest = rest[low:]
    while len(runs) >= 2 and len(runs[-2]) > 1 and height(runs[-1]) < budget / 4:
        runs[-1].insert(0, runs[-2].pop())  # the last run takes the previous one's last category
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


