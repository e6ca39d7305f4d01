"""Where a print chart's value labels fall, measured on the chart as Vega draws it (its SVG): each
label's box against the other labels, the points and the lines of its panel, and its distance from
its own point (issue 27: labels printed on a neighbour, on a line, or floating away from their mark)."""

from __future__ import annotations

import html
import itertools
import re

import vl_convert as vlc

from barometre.charts.theme import LOCALE
from barometre.charts.value_labels import label_width

FAR = 14.0  # pt: a label whose box is further than this from its own point floats away from it
POINT_RADIUS = 4.2
COLUMN = 0.5  # pt: a label's middle nearer another point's x than its own's by this much is read as that point's

_GROUP = re.compile(r'class="mark-group role-scope ((?:concat_\d+_)*concat_\d+)_group"')  # a panel, nested or not
_TEXT = re.compile(r'<text aria-label="année: (\d+); valeur: ([^;"]+);[^"]*"[^>]*text-anchor="(\w+)" '
                   r'transform="translate\(([-\d.e]+),([-\d.e]+)\)"[^>]*font-size="([\d.]+)px"[^>]*>([^<]*)</text>')
_POINT = re.compile(r'aria-label="année: (\d+); valeur: ([^;"]+);[^"]*" role="graphics-symbol" '
                    r'aria-roledescription="point" transform="translate\(([-\d.e]+),([-\d.e]+)\)"')
_LINE = re.compile(r'aria-roledescription="line mark" d="(M[^"]*)"')
_RULE = re.compile(r'aria-roledescription="rule mark" transform="translate\(([-\d.e]+),([-\d.e]+)\)" '
                   r'x2="([-\d.e]+)" y2="([-\d.e]+)"')
# a break's dashed rule has no tooltip, so no aria label: its line is known by its dashes
_DASHED = re.compile(r'<line transform="translate\(([-\d.e]+),([-\d.e]+)\)" x2="([-\d.e]+)" y2="([-\d.e]+)"'
                     r'[^>]*stroke-dasharray')


def _boxes(chunk: str) -> list[dict]:
    """The print-only labels of a panel's SVG: their text, box (x0, y0, x1, y1) and point's key."""
    out = []
    for part in re.split(r'(?=<g class="mark-text role-mark )', chunk):
        if not part.startswith('<g class="mark-text role-mark print_only'):
            continue
        for m in _TEXT.finditer(part):
            year, value, anchor, x, y, size, text = m.groups()
            x, y, size = float(x), float(y), float(size)
            text = html.unescape(text)
            width = label_width(text, size)
            x0 = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            out.append({"text": text, "key": (year, value), "box": (x0, y - 0.73 * size, x0 + width, y + 0.12 * size)})
    return out


def _segments(chunk: str) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    segments = []
    for d in _LINE.findall(chunk):
        points = [tuple(map(float, p.split(","))) for p in re.findall(r"[-\d.e]+,[-\d.e]+", d)]
        segments += list(itertools.pairwise(points))
    return segments


def _rules(chunk: str) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """A panel's rules: a range's bar, a bound's arrow, a break's dashed line."""
    out = []
    for x, y, dx, dy in _RULE.findall(chunk) + _DASHED.findall(chunk):
        x, y = float(x), float(y)
        out.append(((x, y), (x + float(dx), y + float(dy))))
    return out


def _overlap(a, b) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _crosses(box, p, q) -> bool:
    inner = (box[0] + 0.5, box[1] + 0.5, box[2] - 0.5, box[3] - 0.5)
    for i in range(61):
        t = i / 60
        x, y = p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t
        if inner[0] < x < inner[2] and inner[1] < y < inner[3]:
            return True
    return False


def _distance(box, x: float, y: float) -> float:
    dx = max(box[0] - x, 0.0, x - box[2])
    dy = max(box[1] - y, 0.0, y - box[3])
    return (dx * dx + dy * dy) ** 0.5


def label_defects(spec: dict) -> list[tuple[str, str, str]]:
    """The defects of a print spec's value labels, panel by panel: (kind, label, what it meets), kind
    one of « label » (on another label), « point » (on another point), « line » (a line runs through
    it), « rule » (a range's bar, a bound's arrow or a break's rule runs through it) « far » (its box over ``FAR`` pt from its own point) or
    « column » (its middle nearer another point's x than its own's), « misread » (that point nearer the label, too)."""
    svg = vlc.vegalite_to_svg(spec, format_locale=LOCALE, time_format_locale=LOCALE)
    starts = [m.start() for m in _GROUP.finditer(svg)] or [0]
    chunks = [svg[a:b] for a, b in zip(starts, [*starts[1:], len(svg)], strict=True)]
    defects = []
    for chunk in chunks:
        labels = _boxes(chunk)
        if not labels:
            continue
        points = {(m.group(1), m.group(2)): (float(m.group(3)), float(m.group(4))) for m in _POINT.finditer(chunk)}
        segments = _segments(chunk)
        for a, b in itertools.combinations(labels, 2):
            if _overlap(a["box"], b["box"]) > 0.5:
                defects.append(("label", a["text"], b["text"]))
        for label in labels:
            box = label["box"]
            for key, (x, y) in points.items():
                r = POINT_RADIUS - 0.7  # the dot's edge may graze a label's side bearing
                if key != label["key"] and _overlap(box, (x - r, y - r, x + r, y + r)) > 0.5:
                    defects.append(("point", label["text"], " ".join(key)))
            if any(_crosses(box, p, q) for p, q in segments):
                defects.append(("line", label["text"], ""))
            if any(_crosses(box, p, q) for p, q in _rules(chunk)):
                defects.append(("rule", label["text"], ""))
            own = points.get(label["key"])
            # read by column: a label stands over (or beside) its own year's point, nearer its x than any other
            # point's (« −2,8 % », the 2012 value, printed over the 2013 point: issue 27, p. 12)
            middle = (box[0] + box[2]) / 2
            if own is not None and any(key != label["key"] and abs(x - middle) + COLUMN < abs(own[0] - middle)
                                       for key, (x, _) in points.items()):
                # and read as another point's value outright when that point is also nearer the label
                misread = any(key != label["key"] and abs(x - middle) + COLUMN < abs(own[0] - middle)
                              and _distance(box, x, y) < _distance(box, *own) for key, (x, y) in points.items())
                defects.append(("misread" if misread else "column", label["text"], f"{abs(own[0] - middle):.0f} pt"))
            if own is not None and _distance(box, *own) > FAR:
                defects.append(("far", label["text"], f"{_distance(box, *own):.0f} pt"))
    return defects
