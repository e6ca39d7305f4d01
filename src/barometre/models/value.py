"""Paying a provider per call, per resolved request, or per call with a quality bonus.

The article: providers are « encore payés au nombre d'appels », yet a better
service means fewer calls (« Plus les consommateurs sont satisfaits, moins ils
seront amenés à joindre le service clients »), hence less revenue. Canal+ judges
its providers on « once and done » (the request handled at the first call);
Numericable pays « un prix pour la prestation dite de base, qui varie en fonction
du bonus ou du malus déterminés par les indicateurs de qualité » (Eric Klipfel).

Model of one customer request (everything per request):

- ``resolution_rate`` r, with 0 < r ≤ 1, is the first-contact resolution rate:
  each contact resolves the request with probability r, independently; the
  customer calls back until it is resolved (geometric repeat calls). Expected
  contacts per request: 1 / r; every request ends up resolved.
- ``max_contacts`` (optional cap, an integer ≥ 1): the customer gives up after
  that many contacts. Expected contacts become the truncated geometric sum
  Σ_{k=0}^{cap−1} (1 − r)^k = (1 − (1 − r)^cap) / r, and a share (1 − r)^cap of
  requests stays UNRESOLVED (the customer stopped calling without an answer).
  ``resolution_probability`` gives 1 − (1 − r)^cap; ``None`` means no cap.

Revenue of the provider per request under three contracts:

(a) per call: ``price_per_call`` × expected contacts;
(b) per resolved request: ``price_per_resolution`` × probability of resolution;
(c) base price per call with a quality bonus/malus: each call is paid
    ``base_price_per_call`` × (1 + ``bonus_per_point`` × 100 × (r − ``target_rate``)),
    i.e. ``bonus_per_point`` is the relative change of the call price per
    percentage point of resolution above (bonus) or below (malus) the target
    (0.02 = ±2 % per point). The price per call never goes below zero.

The provider's cost is ``cost_per_call`` per contact handled; its margin per
request is revenue minus cost × expected contacts.

All prices and costs are in one unit the caller chooses (euros, or « price of
one call »); the functions are pure and check their inputs (``ValueError``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

# The legal monthly working time in France: 35 h a week × 52 weeks / 12 months = 151.67 h
# (Code du travail, full-time monthly hours used to turn the hourly SMIC into a monthly one).
# A legal constant, not a figure of the article.
LEGAL_MONTHLY_HOURS = 151.67

SCHEMES = ("per_call", "per_resolution", "bonus_malus")


# --------------------------------------------------------------------------- checks


def check_resolution_rate(rate: float, name: str = "resolution_rate") -> float:
    """``rate`` as a float if 0 < rate ≤ 1, else ValueError naming the parameter."""
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not math.isfinite(rate):
        raise ValueError(f"{name} must be a number in (0, 1] (e.g. 0.75 for 75 %), got {rate!r}")
    if not 0 < rate <= 1:
        raise ValueError(
            f"{name} must be in (0, 1]: a share of requests resolved at the first contact "
            f"(e.g. 0.75 for 75 %), got {rate!r}"
        )
    return float(rate)


def check_cap(max_contacts: int | None) -> int | None:
    """``None`` (no cap) or an integer ≥ 1."""
    if max_contacts is None:
        return None
    if isinstance(max_contacts, bool) or not isinstance(max_contacts, int) or max_contacts < 1:
        raise ValueError(
            f"max_contacts must be an integer ≥ 1 (contacts a customer makes at most per request) "
            f"or None for no cap, got {max_contacts!r}"
        )
    return max_contacts


def check_amount(value: float, name: str) -> float:
    """A price or a cost: a finite number ≥ 0."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number ≥ 0 (a price or a cost), got {value!r}")
    return float(value)


def check_bonus(bonus_per_point: float) -> float:
    if isinstance(bonus_per_point, bool) or not isinstance(bonus_per_point, int | float) or not (
        math.isfinite(bonus_per_point) and bonus_per_point >= 0
    ):
        raise ValueError(
            "bonus_per_point must be a finite number ≥ 0: the relative change of the call price per "
            f"percentage point of resolution (e.g. 0.02 for 2 % per point), got {bonus_per_point!r}"
        )
    return float(bonus_per_point)


# --------------------------------------------------------------------------- contacts


def expected_contacts(resolution_rate: float, max_contacts: int | None = None) -> float:
    """Expected contacts per request: 1 / r, or (1 − (1 − r)^cap) / r with a cap."""
    r = check_resolution_rate(resolution_rate)
    cap = check_cap(max_contacts)
    if cap is None:
        return 1 / r
    return (1 - (1 - r) ** cap) / r


def resolution_probability(resolution_rate: float, max_contacts: int | None = None) -> float:
    """Probability that a request is resolved at all: 1 without a cap, 1 − (1 − r)^cap with one."""
    r = check_resolution_rate(resolution_rate)
    cap = check_cap(max_contacts)
    if cap is None:
        return 1.0
    return 1 - (1 - r) ** cap


def unresolved_share(resolution_rate: float, max_contacts: int | None = None) -> float:
    """Share of requests left unresolved when customers stop after ``max_contacts`` contacts."""
    return 1 - resolution_probability(resolution_rate, max_contacts)


# --------------------------------------------------------------------------- revenue


def per_call_revenue(price_per_call: float, resolution_rate: float, max_contacts: int | None = None) -> float:
    """(a) Revenue per request when every call is paid the same price."""
    price = check_amount(price_per_call, "price_per_call")
    return price * expected_contacts(resolution_rate, max_contacts)


def per_resolution_revenue(
    price_per_resolution: float, resolution_rate: float, max_contacts: int | None = None
) -> float:
    """(b) Revenue per request when only resolved requests are paid."""
    price = check_amount(price_per_resolution, "price_per_resolution")
    return price * resolution_probability(resolution_rate, max_contacts)


def bonus_malus_price(base_price_per_call: float, resolution_rate: float, target_rate: float,
                      bonus_per_point: float) -> float:
    """(c) The price of one call: the base price, raised or cut by the quality bonus/malus (≥ 0)."""
    base = check_amount(base_price_per_call, "base_price_per_call")
    r = check_resolution_rate(resolution_rate)
    target = check_resolution_rate(target_rate, "target_rate")
    bonus = check_bonus(bonus_per_point)
    return max(0.0, base * (1 + bonus * 100 * (r - target)))


def bonus_malus_revenue(
    base_price_per_call: float,
    resolution_rate: float,
    target_rate: float,
    bonus_per_point: float,
    max_contacts: int | None = None,
) -> float:
    """(c) Revenue per request: the bonus/malus price of a call × expected contacts."""
    price = bonus_malus_price(base_price_per_call, resolution_rate, target_rate, bonus_per_point)
    return price * expected_contacts(resolution_rate, max_contacts)


def equivalent_resolution_price(
    price_per_call: float, reference_rate: float, max_contacts: int | None = None
) -> float:
    """The price per resolved request that pays as much as per-call pricing at ``reference_rate``.

    With it, the schemes coincide at the reference rate, so the chart compares incentives,
    not price levels."""
    revenue = per_call_revenue(price_per_call, reference_rate, max_contacts)
    return revenue / resolution_probability(reference_rate, max_contacts)


def neutral_bonus_per_point(target_rate: float) -> float:
    """The bonus per point above which the bonus/malus contract pays more for better quality.

    Without a cap, revenue per request is base × (1 + b(r − t)) / r with b = 100 × bonus per
    point; its derivative has the sign of b·t − 1, so revenue rises with r exactly when
    bonus_per_point > 1 / (100 × t)."""
    t = check_resolution_rate(target_rate, "target_rate")
    return 1 / (100 * t)


def relative_change(before: float, after: float) -> float:
    """(after − before) / before, e.g. −1/3 when revenue falls by a third."""
    if not math.isfinite(before) or before == 0:
        raise ValueError(f"the starting value must be a finite non-zero number, got {before!r}")
    return (after - before) / before


# --------------------------------------------------------------------------- scenario


@dataclass(frozen=True)
class PricingInputs:
    """A pricing scenario; ``price_per_resolution`` defaults to the per-call equivalent at target."""

    price_per_call: float
    cost_per_call: float
    target_rate: float
    bonus_per_point: float
    max_contacts: int | None = None
    price_per_resolution: float | None = None

    def __post_init__(self) -> None:
        check_amount(self.price_per_call, "price_per_call")
        check_amount(self.cost_per_call, "cost_per_call")
        check_resolution_rate(self.target_rate, "target_rate")
        check_bonus(self.bonus_per_point)
        check_cap(self.max_contacts)
        if self.price_per_resolution is not None:
            check_amount(self.price_per_resolution, "price_per_resolution")

    @property
    def resolution_price(self) -> float:
        if self.price_per_resolution is not None:
            return self.price_per_resolution
        return equivalent_resolution_price(self.price_per_call, self.target_rate, self.max_contacts)


def revenue(scheme: str, inputs: PricingInputs, resolution_rate: float) -> float:
    """Revenue per request under ``scheme`` (one of ``SCHEMES``)."""
    if scheme == "per_call":
        return per_call_revenue(inputs.price_per_call, resolution_rate, inputs.max_contacts)
    if scheme == "per_resolution":
        return per_resolution_revenue(inputs.resolution_price, resolution_rate, inputs.max_contacts)
    if scheme == "bonus_malus":
        return bonus_malus_revenue(
            inputs.price_per_call, resolution_rate, inputs.target_rate, inputs.bonus_per_point, inputs.max_contacts
        )
    raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}, got {scheme!r}")


def cost(inputs: PricingInputs, resolution_rate: float) -> float:
    """The provider's cost per request: cost per call × expected contacts."""
    return inputs.cost_per_call * expected_contacts(resolution_rate, inputs.max_contacts)


def margin(scheme: str, inputs: PricingInputs, resolution_rate: float) -> float:
    """The provider's margin per request: revenue − cost."""
    return revenue(scheme, inputs, resolution_rate) - cost(inputs, resolution_rate)


def pricing_table(inputs: PricingInputs, rates: Iterable[float]) -> pd.DataFrame:
    """One row per (resolution rate, scheme): contacts, resolution, revenue, cost and margin."""
    rows = []
    for r in rates:
        contacts = expected_contacts(r, inputs.max_contacts)
        resolved = resolution_probability(r, inputs.max_contacts)
        for scheme in SCHEMES:
            rev = revenue(scheme, inputs, r)
            rows.append(
                {
                    "resolution_rate": float(r),
                    "scheme": scheme,
                    "contacts": contacts,
                    "resolved": resolved,
                    "revenue": rev,
                    "cost": inputs.cost_per_call * contacts,
                    "margin": rev - inputs.cost_per_call * contacts,
                }
            )
    return pd.DataFrame(rows)


def rate_grid(low: float = 0.4, high: float = 1.0, step: float = 0.01) -> list[float]:
    """Resolution rates from ``low`` to ``high`` (both included), for charts."""
    check_resolution_rate(low, "low")
    check_resolution_rate(high, "high")
    if high < low:
        raise ValueError(f"high must be ≥ low, got low={low!r}, high={high!r}")
    if not (math.isfinite(step) and step > 0):
        raise ValueError(f"step must be a positive number, got {step!r}")
    n = round((high - low) / step)
    return [round(low + i * step, 10) for i in range(n + 1)]


# --------------------------------------------------------------------------- salaries


def monthly_minimum_wage(hourly_rate: float, monthly_hours: float = LEGAL_MONTHLY_HOURS) -> float:
    """The full-time monthly minimum wage: hourly rate × legal monthly hours."""
    rate = check_amount(hourly_rate, "hourly_rate")
    if not (math.isfinite(monthly_hours) and monthly_hours > 0):
        raise ValueError(f"monthly_hours must be a positive number of hours, got {monthly_hours!r}")
    return rate * monthly_hours


def previous_value(current: float, change_percent: float) -> float:
    """The value a year earlier, from the current one and its change in percent: 1 528 / 1,05."""
    if not math.isfinite(current):
        raise ValueError(f"current must be a finite number, got {current!r}")
    if not (math.isfinite(change_percent) and change_percent > -100):
        raise ValueError(f"change_percent must be a number > -100 (a change in percent), got {change_percent!r}")
    return current / (1 + change_percent / 100)


# --------------------------------------------------------------------------- comparing pay across countries


def price_level_equivalent(amount: float, level_abroad: float, level_home: float) -> float:
    """What ``amount`` (in euros, spent abroad) buys, in euros spent at home, given the two comparative price
    levels (price level index = purchasing power parity / exchange rate, same base): amount × home / abroad.
    1 400 € in a country at 99 buy what 1 400 × 111 / 99 ≈ 1 570 € buy in a country at 111."""
    a = check_amount(amount, "amount")
    for value, name in ((level_abroad, "level_abroad"), (level_home, "level_home")):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
            raise ValueError(f"{name} must be a price level index > 0 (e.g. 99 for 99 % of the EU average), got {value!r}")
    return a * level_home / level_abroad


@dataclass(frozen=True)
class RateYear:
    """A year of daily exchange rates (units of a currency per euro): mean, lowest and highest fixing."""

    year: int
    days: int
    mean: float
    low: float
    low_date: object  # datetime.date
    high: float
    high_date: object

    @property
    def swing(self) -> float:
        """How much less, in euros, a fixed amount in the other currency is worth at the year's highest
        rate than at its lowest: 1 − low / high (0.24 = 24 % less)."""
        return 1 - self.low / self.high


def rate_year(rates: pd.Series, year: int) -> RateYear | None:
    """The daily rates of ``year`` (a Series indexed by date) summed up; None when there are none."""
    days = rates[[d.year == year for d in rates.index]] if len(rates) else rates
    if len(days) == 0:
        return None
    values = [float(v) for v in days]
    if any(not math.isfinite(v) or v <= 0 for v in values):
        raise ValueError(f"exchange rates must be numbers > 0, got {values!r}")
    return RateYear(year, len(values), sum(values) / len(values), float(days.min()), days.idxmin(),
                    float(days.max()), days.idxmax())
