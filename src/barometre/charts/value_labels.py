"""Value labels in print: a static chart carries the values a reader of the web page would hover for."""

from __future__ import annotations

import itertools
import json
import re

import altair as alt
import pandas as pd
import vl_convert as vlc

from barometre.charts.theme import (
    LOCALE,
    PRINT_MIN_FONT,
    PRINT_ONLY,
    PRINT_X_AXIS_OFFSET,
    _luminance,
)

# A static chart carries the values a reader of the web page would hover for. The labels are drawn
# in print only (layers named ``PRINT_ONLY``, which the web spec drops): on a phone's 205 px panel
# they would run into each other, and there the pointer gives the value.

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
MIN_COLUMN_STEP = 10  # pt between two years' points, under which a label is not placed by its column
MISREAD = 50  # the cost of a label whose middle is nearer another point's x than its own point's


def _box(place: str, x: float, y: float, width: float, height: float) -> tuple[float, float, float, float]:
    align, baseline, dx, dy = PLACES[place]
    x0 = {"center": x + dx - width / 2, "left": x + dx, "right": x + dx - width}[align]
    y0 = {"bottom": y + dy - height, "top": y + dy, "middle": y - height / 2}[baseline]
    return x0, y0, x0 + width, y0 + height


def _overlap(a, b) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _distance(box, x: float, y: float) -> float:
    """How far the point (x, y) lies from the box (0 inside it)."""
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return (dx * dx + dy * dy) ** 0.5


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
    columns = [(px, py) for px, py, _ in points] + [(px, py) for line in others for px, py, _ in line]
    # read by column where the columns stand apart; years a few points apart (a long series in half the width)
    # leave no place in a label's own column, and its neighbours' labels come first there
    xs = sorted({round(px, 1) for px, _ in columns})
    by_column = len(xs) < 2 or min(b - a for a, b in itertools.pairwise(xs)) >= MIN_COLUMN_STEP

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
        neighbours = [_box(p, points[j][0], points[j][1], widths[j], text_height) for j, p in others.items() if j != i]
        total = sum(_overlap(spaced, b) * 6 for b in neighbours)
        # two labels printed on each other cost more than a label read off its column (``MISREAD``)
        total += sum(MISREAD * 3 for b in neighbours
                     if min(box[2], b[2]) - max(box[0], b[0]) > 0.5 and min(box[3], b[3]) - max(box[1], b[1]) > 1.5)
        total += sum(_overlap(box, m) * 3 for j, m in enumerate(marks) if j != i)
        total += sum(_overlap(box, m) * 3 for m in other_marks) + sum(_overlap(spaced, b) * 6 for b in taken)
        total += sum(60 for p, q in segments if _crosses(box, p[:2], q[:2]))
        # a label is read as the point whose x is nearest its middle: « −2,8 % » (2012) set right of its point
        # stood over the 2013 point (issue 27, print editor, 2024 book p. 12)
        # (worse when that point is also nearer the label than its own)
        middle = (box[0] + box[2]) / 2
        nearer = [(ox, oy) for ox, oy in columns if abs(ox - x) > 0.5 and abs(ox - middle) + 0.5 < abs(x - middle)
                  ] if by_column else []
        if nearer:
            total += MISREAD
            if any(_distance(box, ox, oy) < _distance(box, x, y) for ox, oy in nearer):
                total += MISREAD * 3
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
