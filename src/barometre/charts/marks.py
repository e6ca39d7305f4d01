"""Marks the chapters build their charts with: bars named above them, lines that join only point
values, bounds drawn as bounds."""

from __future__ import annotations

import altair as alt
import pandas as pd

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
