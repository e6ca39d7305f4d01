"""Jobs target of the Mission nationale de la relation client, and the framework agreement's means.

The article: Michel Guido hopes the sector will go « de 250000 à 400 000 emplois »
without a date; the framework agreement plans « près de 5 300 formations pour un
budget de 9 millions d'euros ».

- ``required_annual_growth``: the constant annual growth (compound annual growth
  rate) that takes ``current`` to ``target`` in ``years`` years:
  (target / current)^(1 / years) − 1.
- ``growth_path``: the yearly values of that path (for a chart).
- ``cost_per_unit``: a budget divided by a count (cost per training).

Pure functions; invalid inputs raise ``ValueError`` naming the parameter.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd


def _positive(value: float, name: str, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a number > 0 ({what}), got {value!r}")
    return float(value)


def required_annual_growth(current: float, target: float, years: float) -> float:
    """The compound annual growth rate from ``current`` to ``target`` in ``years`` (0.099 = 9,9 %/an)."""
    c = _positive(current, "current", "the number of jobs today")
    t = _positive(target, "target", "the number of jobs targeted")
    n = _positive(years, "years", "the horizon in years")
    return (t / c) ** (1 / n) - 1


def growth_path(current: float, rate: float, years: int) -> list[float]:
    """Values from year 0 to ``years`` growing at ``rate`` a year."""
    c = _positive(current, "current", "the starting value")
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not math.isfinite(rate) or rate <= -1:
        raise ValueError(f"rate must be a number > -1 (0.05 for 5 % a year), got {rate!r}")
    if isinstance(years, bool) or not isinstance(years, int) or years < 0:
        raise ValueError(f"years must be an integer ≥ 0, got {years!r}")
    return [c * (1 + rate) ** k for k in range(years + 1)]


def required_growth_table(current: float, target: float, horizons: Iterable[int]) -> pd.DataFrame:
    """One row per horizon: years, annual growth required, jobs to add per year on average."""
    rows = []
    for years in horizons:
        rate = required_annual_growth(current, target, years)
        rows.append(
            {
                "years": years,
                "annual_growth": rate,
                "jobs_added_per_year": (target - current) / years,
            }
        )
    if not rows:
        raise ValueError("horizons must hold at least one horizon in years, got none")
    return pd.DataFrame(rows)


def parse_horizons(text: str) -> list[int]:
    """'3, 5, 10, 15' -> [3, 5, 10, 15] (the notebook parameter), sorted and unique."""
    parts = [p.strip() for p in str(text).replace(";", ",").split(",") if p.strip()]
    try:
        values = sorted({int(p) for p in parts})
    except ValueError:
        raise ValueError(f"horizons must be whole numbers of years separated by commas, got {text!r}") from None
    if not values or values[0] < 1:
        raise ValueError(f"horizons must be whole numbers of years ≥ 1 separated by commas, got {text!r}")
    return values


def cost_per_unit(budget: float, count: float) -> float:
    """A budget divided by a count: 9 M€ for 5 300 trainings is about 1 698 € a training."""
    if isinstance(budget, bool) or not isinstance(budget, int | float) or not math.isfinite(budget) or budget < 0:
        raise ValueError(f"budget must be a finite number ≥ 0, got {budget!r}")
    n = _positive(count, "count", "how many units the budget pays for")
    return budget / n


def share(part: float, whole: float) -> float:
    """``part`` as a fraction of ``whole`` (0 ≤ part ≤ whole)."""
    w = _positive(whole, "whole", "the total")
    if isinstance(part, bool) or not isinstance(part, int | float) or not (0 <= part <= w):
        raise ValueError(f"part must be between 0 and whole ({whole!r}), got {part!r}")
    return part / w
