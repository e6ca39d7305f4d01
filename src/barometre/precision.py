"""How precise a published figure is: the values a rounded number, a bound or a range stands for.

Kept apart from ``claims`` (which checks claims against these intervals) so that the changes page can
tell two sources that disagree from two that give the same figure at a different precision."""
from __future__ import annotations

import math

from barometre.data import Figure


def half_unit(x: float, unit: str) -> float:
    """Half the last unit a published number was rounded to.

    Shares and rates (« 15 % », « 4,2 % ») are rounded to their last decimal shown; amounts and counts
    to their last non-zero digit, but never to fewer than two significant digits (« 80 000 » is taken
    as rounded to the thousand, « 1 840 » to the ten, « 1 528 » to the unit)."""
    x = abs(float(x))
    if unit in ("percent", "percent_change", "percentage_points") or not float(x).is_integer():
        text = f"{x:.6f}".rstrip("0").rstrip(".")
        decimals = len(text.split(".")[1]) if "." in text else 0
        return 0.5 * 10.0 ** -decimals
    n = round(x)
    if n == 0:
        return 0.5
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    zeros = min(zeros, max(len(str(n)) - 2, 0))
    return 0.5 * 10.0 ** zeros


def interval(fig: Figure) -> tuple[float, float]:
    """The values a published figure stands for (see ``half_unit``); a bound is open on one side."""
    if fig.is_range:
        return fig.low - half_unit(fig.low, fig.unit), fig.high + half_unit(fig.high, fig.unit)
    v = fig.central
    h = half_unit(v, fig.unit)
    if fig.qualifier in ("more_than", "at_least"):
        return v, math.inf
    if fig.qualifier in ("less_than", "at_most"):
        return -math.inf, v
    return v - h, v + h


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
