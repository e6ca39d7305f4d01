"""Payback of outsourcing: a one-off transition cost against running savings.

The article: « Externaliser représente un coût au départ. Le modèle devient
réellement vertueux au bout de deux ans » (Laurent Uberti), and in-house
salaries are « de 60 à 70 % plus élevés que chez les outsourceurs » (David Targy).

Model (all costs relative to the in-house annual running cost, = 1):

- labour is ``labour_share`` of the running cost; the provider pays salaries
  ``salary_premium`` lower, i.e. in-house labour costs (1 + premium) times the
  provider's; other costs are unchanged; the provider adds ``provider_margin``;
- running saving rate = 1 − (labour_share / (1 + premium) + (1 − labour_share)) × (1 + margin);
- the transition costs ``transition_cost_months`` months of in-house running cost,
  paid at the start; savings accrue evenly each month;
- break-even = transition cost / monthly saving, in months.

The article gives the break-even (two years) but not the transition cost:
``implied_transition_cost`` derives the transition cost that two years imply.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class PaybackInputs:
    salary_premium: float  # in-house salaries relative to the provider's, 0.65 = 65 % higher
    labour_share: float  # share of labour in the running cost, 0.69 = 69 %
    provider_margin: float  # the provider's margin on its costs, 0.10 = 10 %
    transition_cost_months: float  # one-off cost, in months of in-house running cost

    def __post_init__(self) -> None:
        check_inputs(self.salary_premium, self.labour_share, self.provider_margin)
        if not (math.isfinite(self.transition_cost_months) and self.transition_cost_months >= 0):
            raise ValueError(
                f"transition_cost_months must be a finite number ≥ 0, got {self.transition_cost_months!r}"
            )


def check_inputs(salary_premium: float, labour_share: float, provider_margin: float) -> None:
    if not (math.isfinite(salary_premium) and salary_premium > -1):
        raise ValueError(f"salary_premium must be > -1 (e.g. 0.65 for 65 % higher), got {salary_premium!r}")
    if not (math.isfinite(labour_share) and 0 <= labour_share <= 1):
        raise ValueError(f"labour_share must be between 0 and 1 (e.g. 0.69), got {labour_share!r}")
    if not (math.isfinite(provider_margin) and provider_margin > -1):
        raise ValueError(f"provider_margin must be > -1 (e.g. 0.10 for 10 %), got {provider_margin!r}")


def running_saving_rate(salary_premium: float, labour_share: float, provider_margin: float) -> float:
    """Share of the in-house running cost saved each year once outsourced (can be negative)."""
    check_inputs(salary_premium, labour_share, provider_margin)
    provider_cost = labour_share / (1 + salary_premium) + (1 - labour_share)
    return 1 - provider_cost * (1 + provider_margin)


def breakeven_months(transition_cost_months: float, saving_rate: float) -> float:
    """Months until cumulative savings repay the transition cost (inf if they never do)."""
    if transition_cost_months < 0:
        raise ValueError(f"transition_cost_months must be ≥ 0, got {transition_cost_months!r}")
    if transition_cost_months == 0:
        return 0.0
    if saving_rate <= 0:
        return math.inf
    # the monthly saving, in months of in-house running cost, is the saving rate itself
    return transition_cost_months / saving_rate


def implied_transition_cost(breakeven_after_months: float, saving_rate: float) -> float:
    """The transition cost (months of in-house running cost) that a given break-even implies."""
    if breakeven_after_months <= 0:
        raise ValueError(f"the break-even must be a positive number of months, got {breakeven_after_months!r}")
    if saving_rate <= 0:
        raise ValueError("with no running saving, no transition cost can break even")
    return breakeven_after_months * saving_rate


def payback(inputs: PaybackInputs) -> float:
    rate = running_saving_rate(inputs.salary_premium, inputs.labour_share, inputs.provider_margin)
    return breakeven_months(inputs.transition_cost_months, rate)


def cumulative_savings(inputs: PaybackInputs, months: Iterable[int]) -> pd.DataFrame:
    """Cumulative net saving, in months of in-house running cost, month by month."""
    rate = running_saving_rate(inputs.salary_premium, inputs.labour_share, inputs.provider_margin)
    rows = [{"month": m, "net_saving": -inputs.transition_cost_months + rate * m} for m in months]
    return pd.DataFrame(rows)


def breakeven_grid(
    salary_premiums: Iterable[float],
    transition_costs: Iterable[float],
    *,
    labour_share: float,
    provider_margin: float,
) -> pd.DataFrame:
    """Break-even (months) for every pair of salary premium and transition cost."""
    rows = []
    costs = list(transition_costs)
    for premium in salary_premiums:
        rate = running_saving_rate(premium, labour_share, provider_margin)
        for cost in costs:
            rows.append(
                {
                    "salary_premium": premium,
                    "transition_cost_months": cost,
                    "saving_rate": rate,
                    "breakeven_months": breakeven_months(cost, rate),
                }
            )
    return pd.DataFrame(rows)
