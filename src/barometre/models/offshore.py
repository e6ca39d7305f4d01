"""Cost per resolved request, France against offshore, and the article's 25 % question.

The article: offshore hourly rates are « 50 % inférieurs à ceux pratiqués en
France » (Frédéric Jousset, Webhelp), and Olivier Carrot (Teleperformance France; the article misprints « Oliver »)
asks « Le consommateur est-il prêt à payer son abonnement internet 25 % plus cher
pour conserver son service clients en métropole ? ».

Model (a ratio model: no euros are needed):

- an hour of production costs ``hourly_cost`` (France = 100, an index); offshore
  costs ``100 × (1 + rate_gap)`` (``rate_gap`` = -0.5 for « 50 % inférieurs »);
- an adviser handles ``contacts_per_hour`` contacts an hour;
- a share ``repeat_rate`` of the requests needs another contact, and so on
  (geometric repeats): a resolved request takes ``1 / (1 − repeat_rate)`` contacts;
- cost per resolved request = hourly cost / contacts per hour / (1 − repeat rate),
  in the unit of the hourly cost (with France = 100: in % of one French hour);
- the cost ratio ``k`` = onshore cost per resolved request / offshore one;
- if customer service is a share ``s`` of the subscription price with offshore
  service, bringing it back onshore multiplies that part by ``k``: the price rises
  by ``s × (k − 1)``; the share that makes it rise by ``premium`` is
  ``premium / (k − 1)`` (more than 1: impossible; ``k ≤ 1``: the price never rises).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

ONSHORE_HOURLY_INDEX = 100.0  # the French hour is the unit of the model (index 100)


def _finite(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def check_repeat_rate(repeat_rate: float, name: str = "repeat_rate") -> float:
    """A repeat rate is a share of requests: 0 ≤ rate < 1 (at 1, no request is ever resolved)."""
    rate = _finite(name, repeat_rate)
    if not 0 <= rate < 1:
        raise ValueError(
            f"{name} must be at least 0 and below 1 (a share of requests, e.g. 0.15 for 15 %), got {repeat_rate!r}"
        )
    return rate


def check_positive(value: float, name: str) -> float:
    x = _finite(name, value)
    if x <= 0:
        raise ValueError(f"{name} must be > 0, got {value!r}")
    return x


def check_rate_gap(rate_gap: float, name: str = "rate_gap") -> float:
    """A relative difference of hourly rates: > -1 (offshore cannot be free)."""
    gap = _finite(name, rate_gap)
    if gap <= -1:
        raise ValueError(
            f"{name} must be greater than -1 (e.g. -0.5 for rates 50 % lower), got {rate_gap!r}"
        )
    return gap


def contacts_per_resolution(repeat_rate: float) -> float:
    """Contacts needed on average to resolve one request: 1 / (1 − repeat_rate)."""
    return 1 / (1 - check_repeat_rate(repeat_rate))


def offshore_hourly_cost(onshore_hourly_cost: float, rate_gap: float) -> float:
    """The offshore hourly cost: onshore × (1 + rate_gap)."""
    return check_positive(onshore_hourly_cost, "onshore_hourly_cost") * (1 + check_rate_gap(rate_gap))


def cost_per_resolved_request(hourly_cost: float, contacts_per_hour: float, repeat_rate: float) -> float:
    """Hourly cost / contacts per hour × contacts per resolved request."""
    hourly = check_positive(hourly_cost, "hourly_cost")
    per_hour = check_positive(contacts_per_hour, "contacts_per_hour")
    return hourly / per_hour * contacts_per_resolution(repeat_rate)


@dataclass(frozen=True)
class ContactCostInputs:
    """The inputs of the comparison; costs are relative to the French hour (index 100)."""

    rate_gap: float  # offshore hourly rate relative to France, -0.5 = 50 % lower
    onshore_contacts_per_hour: float
    offshore_contacts_per_hour: float
    onshore_repeat_rate: float  # share of requests that need another contact, 0.15 = 15 %
    offshore_repeat_rate: float

    def __post_init__(self) -> None:
        check_rate_gap(self.rate_gap)
        check_positive(self.onshore_contacts_per_hour, "onshore_contacts_per_hour")
        check_positive(self.offshore_contacts_per_hour, "offshore_contacts_per_hour")
        check_repeat_rate(self.onshore_repeat_rate, "onshore_repeat_rate")
        check_repeat_rate(self.offshore_repeat_rate, "offshore_repeat_rate")

    @property
    def onshore_cost(self) -> float:
        """Cost per resolved request in France, in % of one French hour."""
        return cost_per_resolved_request(
            ONSHORE_HOURLY_INDEX, self.onshore_contacts_per_hour, self.onshore_repeat_rate
        )

    @property
    def offshore_cost(self) -> float:
        """Cost per resolved request offshore, in % of one French hour."""
        hourly = offshore_hourly_cost(ONSHORE_HOURLY_INDEX, self.rate_gap)
        return cost_per_resolved_request(hourly, self.offshore_contacts_per_hour, self.offshore_repeat_rate)

    @property
    def cost_ratio(self) -> float:
        """k: how many times more a resolved request costs in France than offshore."""
        return self.onshore_cost / self.offshore_cost


def price_increase(service_share: float, cost_ratio: float) -> float:
    """Relative rise of the subscription price when customer service, a share ``service_share``
    of the price with offshore service, comes back onshore at ``cost_ratio`` times the cost."""
    share = _finite("service_share", service_share)
    if not 0 <= share <= 1:
        raise ValueError(f"service_share must be between 0 and 1 (e.g. 0.10 for 10 %), got {service_share!r}")
    k = check_positive(cost_ratio, "cost_ratio")
    return share * (k - 1)


def breakeven_service_share(premium: float, cost_ratio: float) -> float:
    """The share of the price customer service must represent for onshore service to raise
    the price by ``premium``: premium / (k − 1). ``inf`` when k ≤ 1 (the price never rises);
    above 1 the premium is impossible (customer service would exceed the whole price)."""
    p = check_positive(premium, "premium")
    k = check_positive(cost_ratio, "cost_ratio")
    if k <= 1:
        return math.inf
    return p / (k - 1)


def parity_repeat_rate(inputs: ContactCostInputs) -> float | None:
    """The offshore repeat rate at which a resolved request costs the same on both sides
    (``None`` when no rate in [0, 1) does: offshore is then never cheaper, or always)."""
    offshore_hourly = offshore_hourly_cost(ONSHORE_HOURLY_INDEX, inputs.rate_gap)
    # offshore_hourly / (p_off (1 − r)) = onshore_cost  ⇔  1 − r = offshore_hourly / (p_off · onshore_cost)
    one_minus = offshore_hourly / (inputs.offshore_contacts_per_hour * inputs.onshore_cost)
    rate = 1 - one_minus
    if not 0 <= rate < 1:
        return None
    return rate


def repeat_rate_sweep(inputs: ContactCostInputs, offshore_repeat_rates: Iterable[float]) -> pd.DataFrame:
    """Cost per resolved request on both sides as the offshore repeat rate varies."""
    rows = []
    for rate in offshore_repeat_rates:
        scenario = ContactCostInputs(
            inputs.rate_gap,
            inputs.onshore_contacts_per_hour,
            inputs.offshore_contacts_per_hour,
            inputs.onshore_repeat_rate,
            rate,
        )
        rows.append(
            {
                "offshore_repeat_rate": rate,
                "onshore_cost": scenario.onshore_cost,
                "offshore_cost": scenario.offshore_cost,
                "cost_ratio": scenario.cost_ratio,
            }
        )
    return pd.DataFrame(rows)


def breakeven_curve(premium: float, cost_ratios: Iterable[float]) -> pd.DataFrame:
    """The break-even service share for each cost ratio (inf where k ≤ 1)."""
    return pd.DataFrame(
        [{"cost_ratio": k, "breakeven_share": breakeven_service_share(premium, k)} for k in cost_ratios]
    )
