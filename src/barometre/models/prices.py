"""The price war: index arithmetic, the margin squeeze, market concentration, price steps.

The article: « Le prix d'une heure de production se vend 5 à 10 % moins cher qu'en
2000, alors que le Smic a augmenté de plus de 35 % » (Frédéric Jousset); personnel
costs are 69 % of revenue (BearingPoint); the ten largest outsourcers hold 70 % of
the market; prices per minute carry three decimals (Fabrice Marque).

Margin squeeze (everything per production hour, relative to the revenue of an hour
in the base year, = 1):

- in the base year, personnel costs are ``personnel_share`` of revenue, the
  operating margin is ``start_margin`` and other costs are the rest,
  ``1 − personnel_share − start_margin``;
- personnel cost per paid hour follows the SMIC (``wage_factor``); productivity
  (production hours per paid hour) rises by ``productivity_gain`` a year and so
  divides the personnel cost of a production hour by ``(1 + gain)^years``;
- other costs follow consumer prices (``cpi_factor``);
- the price of a production hour moves by ``price_factor`` (0.90 to 0.95 for
  « 5 à 10 % moins cher »);
- margin = 1 − (personnel + other costs) / price.

Concentration: the Herfindahl-Hirschman index (HHI) is the sum of the squared
market shares in percent (0 to 10 000).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd


def _finite(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def _positive(name: str, value: float) -> float:
    x = _finite(name, value)
    if x <= 0:
        raise ValueError(f"{name} must be > 0, got {value!r}")
    return x


# --------------------------------------------------------------------------- indices and claims


def percent_change(start: float, end: float) -> float:
    """(end / start − 1) × 100."""
    return (_finite("end", end) / _positive("start", start) - 1) * 100


def index_series(values: Mapping[int, float], base_year: int) -> dict[int, float]:
    """Each value as an index, base_year = 100."""
    if base_year not in values:
        raise ValueError(f"base_year {base_year!r} is not in the series (years {sorted(values)})")
    base = _positive(f"the value of {base_year}", values[base_year])
    return {year: 100 * _finite(f"the value of {year}", v) / base for year, v in sorted(values.items())}


def claim_holds(actual: float, claimed: float, qualifier: str, tolerance: float = 1.0) -> bool:
    """Whether a computed value bears out a claim stated with a qualifier.

    ``more_than`` is strict, ``at_least``/``at_most`` are not; ``about`` and ``exact``
    accept a difference up to ``tolerance`` (in the claim's unit)."""
    a, c = _finite("actual", actual), _finite("claimed", claimed)
    tol = _finite("tolerance", tolerance)
    if tol < 0:
        raise ValueError(f"tolerance must be ≥ 0, got {tolerance!r}")
    checks = {
        "more_than": lambda: a > c,
        "at_least": lambda: a >= c,
        "less_than": lambda: a < c,
        "at_most": lambda: a <= c,
        "about": lambda: abs(a - c) <= tol,
        "exact": lambda: abs(a - c) <= tol,
    }
    if qualifier not in checks:
        raise ValueError(f"qualifier must be one of {', '.join(checks)}, got {qualifier!r}")
    return checks[qualifier]()


def linear_factor(total_change: float, start_year: int, end_year: int, year: int) -> float:
    """1 + the share of ``total_change`` (a fraction, -0.10 = -10 %) reached in ``year`` on a
    straight line from ``start_year`` (factor 1) to ``end_year`` (factor 1 + total_change)."""
    change = _finite("total_change", total_change)
    if change <= -1:
        raise ValueError(f"total_change must be > -1 (a fall of less than 100 %), got {total_change!r}")
    if end_year <= start_year:
        raise ValueError(f"end_year must be after start_year, got {start_year!r} to {end_year!r}")
    if not start_year <= year <= end_year:
        raise ValueError(f"year must be between {start_year} and {end_year}, got {year!r}")
    return 1 + change * (year - start_year) / (end_year - start_year)


# --------------------------------------------------------------------------- margin squeeze


@dataclass(frozen=True)
class MarginInputs:
    start_margin: float  # operating margin in the base year, 0.08 = 8 % of revenue
    personnel_share: float  # personnel cost in the base year, 0.69 = 69 % of revenue
    productivity_gain: float = 0.0  # yearly gain of production hours per paid hour, 0.01 = 1 %

    def __post_init__(self) -> None:
        m = _finite("start_margin", self.start_margin)
        p = _finite("personnel_share", self.personnel_share)
        g = _finite("productivity_gain", self.productivity_gain)
        if not -1 < m < 1:
            raise ValueError(f"start_margin must be between -1 and 1 (e.g. 0.08 for 8 %), got {self.start_margin!r}")
        if not 0 <= p <= 1:
            raise ValueError(
                f"personnel_share must be between 0 and 1 (e.g. 0.69 for 69 %), got {self.personnel_share!r}"
            )
        if m + p > 1:
            raise ValueError(
                f"start_margin + personnel_share must not exceed 1 (other costs cannot be negative), "
                f"got {self.start_margin!r} + {self.personnel_share!r}"
            )
        if g <= -1:
            raise ValueError(f"productivity_gain must be > -1 (e.g. 0.02 for 2 % a year), got {self.productivity_gain!r}")

    @property
    def other_share(self) -> float:
        return 1 - self.start_margin - self.personnel_share


def _factors(wage_factor: float, cpi_factor: float, price_factor: float, years: float) -> tuple:
    w = _positive("wage_factor", wage_factor)
    c = _positive("cpi_factor", cpi_factor)
    p = _positive("price_factor", price_factor)
    n = _finite("years", years)
    if n < 0:
        raise ValueError(f"years must be ≥ 0, got {years!r}")
    return w, c, p, n


def cost_shares(
    inputs: MarginInputs, wage_factor: float, cpi_factor: float, price_factor: float, years: float
) -> tuple[float, float]:
    """(personnel cost, other costs) as shares of the revenue of the later year."""
    w, c, p, n = _factors(wage_factor, cpi_factor, price_factor, years)
    personnel = inputs.personnel_share * w / (1 + inputs.productivity_gain) ** n
    other = inputs.other_share * c
    return personnel / p, other / p


def margin(inputs: MarginInputs, wage_factor: float, cpi_factor: float, price_factor: float, years: float) -> float:
    """The operating margin (share of revenue) after ``years`` years."""
    personnel, other = cost_shares(inputs, wage_factor, cpi_factor, price_factor, years)
    return 1 - personnel - other


def required_productivity_gain(
    inputs: MarginInputs, wage_factor: float, cpi_factor: float, price_factor: float, years: float
) -> float | None:
    """The yearly productivity gain that keeps the base-year margin (``inputs.productivity_gain``
    is ignored). ``None`` when no gain can: other costs alone already exceed what the price
    leaves after the margin. Negative: the margin holds even with productivity falling."""
    w, c, p, n = _factors(wage_factor, cpi_factor, price_factor, years)
    if n == 0:
        raise ValueError("years must be > 0 to compute a yearly gain")
    room = (1 - inputs.start_margin) * p - inputs.other_share * c  # what personnel may cost
    if room <= 0:
        return None
    if inputs.personnel_share == 0:
        return None
    ratio = inputs.personnel_share * w / room
    return ratio ** (1 / n) - 1


def margin_path(inputs: MarginInputs, table: pd.DataFrame) -> pd.DataFrame:
    """The margin year by year. ``table`` has columns year, wage_factor, cpi_factor, price_factor;
    the base year is the first year of the table."""
    missing = {"year", "wage_factor", "cpi_factor", "price_factor"} - set(table.columns)
    if missing:
        raise ValueError(f"table lacks the columns {sorted(missing)}")
    if table.empty:
        raise ValueError("table must hold at least the base year")
    base = int(table["year"].min())
    out = table.copy()
    out["margin"] = [
        margin(inputs, r.wage_factor, r.cpi_factor, r.price_factor, r.year - base) for r in table.itertuples()
    ]
    return out


# --------------------------------------------------------------------------- concentration


HHI_MAX = 100.0 * 100.0  # one firm holding the whole market


def hhi(shares: Iterable[float]) -> float:
    """Herfindahl-Hirschman index of market shares given in percent (0 to 10 000)."""
    values = [_finite("share", s) for s in shares]
    if any(s < 0 for s in values):
        raise ValueError("market shares must be ≥ 0")
    if sum(values) > 100 + 1e-9:
        raise ValueError(f"market shares must sum to at most 100, got {sum(values):g}")
    return sum(s * s for s in values)


def hhi_bounds(top_n_share: float, n: int, tail_max_share: float,
               leader_max: float | None = None) -> tuple[float, float]:
    """Lower and upper bounds of the HHI when the ``n`` largest firms hold ``top_n_share`` %
    of the market and the largest firm outside them holds ``tail_max_share`` %.

    Assumptions: every top-n firm holds at least ``tail_max_share`` (they are the largest);
    every other firm holds at most ``tail_max_share``.

    - lower bound: the top n share equally (top_n_share / n each); outside them, one firm at
      ``tail_max_share`` and the rest split into infinitely many tiny firms (contributing 0);
    - upper bound: one leader holds all it can, top_n_share − (n − 1) × tail_max_share, the
      other n − 1 hold tail_max_share each; the rest of the market is split into as many firms
      of tail_max_share as fit, plus one remainder;
    - ``leader_max`` (a published ceiling on any one firm's share, e.g. the leader's share of a ranking, which its
      share of the whole market cannot exceed): the upper bound then gives as many top firms as fit that share,
      one the remainder and the others ``tail_max_share`` (the sum of squares is largest at that corner); a ceiling
      the top n could not reach together (below their average share) or above the lone leader's is ignored.
    """
    s = _finite("top_n_share", top_n_share)
    t = _finite("tail_max_share", tail_max_share)
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be a whole number ≥ 1, got {n!r}")
    if not 0 < s <= 100:
        raise ValueError(f"top_n_share must be in (0, 100] (a market share in %), got {top_n_share!r}")
    rest = 100 - s
    if t < 0:
        raise ValueError(f"tail_max_share must be ≥ 0, got {tail_max_share!r}")
    if t > rest + 1e-9:
        raise ValueError(
            f"tail_max_share ({tail_max_share!r}) cannot exceed the share left outside the top {n} "
            f"({rest:g})"
        )
    if t > s / n + 1e-9:
        raise ValueError(
            f"tail_max_share ({tail_max_share!r}) cannot exceed the average share of the top {n} "
            f"({s / n:g}): the firms outside the top would be larger than some inside"
        )
    if rest > 0 and t == 0:
        raise ValueError(f"tail_max_share must be > 0 when the top {n} hold less than 100 %")
    low = s * s / n + t * t
    leader = s - (n - 1) * t
    high = leader * leader + (n - 1) * t * t
    if leader_max is not None and s / n - 1e-9 <= _finite("leader_max", leader_max) < leader and leader_max > t:
        room = s - n * t  # what the top firms hold above the floor every one of them holds
        full = min(n, math.floor(room / (leader_max - t) + 1e-9))
        extra = room - full * (leader_max - t)
        high = full * leader_max * leader_max + (
            (t + extra) ** 2 + (n - full - 1) * t * t if full < n else 0.0)
    if t > 0:
        whole = math.floor(rest / t + 1e-9)
        remainder = max(rest - whole * t, 0.0)
        high += whole * t * t + remainder * remainder
    return low, high


# --------------------------------------------------------------------------- prices per minute


def price_step(decimals: int) -> float:
    """The smallest step of a price quoted with ``decimals`` decimals: 10^-decimals."""
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral) or decimals < 0:
        raise ValueError(f"decimals must be a whole number ≥ 0, got {decimals!r}")
    return 10.0 ** -int(decimals)


def step_value_per_year(decimals: int, minutes_per_year: float) -> float:
    """What one step of the price per minute is worth over a year of volume (in euros)."""
    minutes = _finite("minutes_per_year", minutes_per_year)
    if minutes < 0:
        raise ValueError(f"minutes_per_year must be ≥ 0, got {minutes_per_year!r}")
    return price_step(decimals) * minutes


# --------------------------------------------------------------------------- labour cost at the Smic


def explained_share(drop_reference: float, drop_alternative: float) -> float | None:
    """The share of a fall (of the margin, in points) that an alternative cost path removes:
    (reference drop − alternative drop) / reference drop, as a fraction. ``None`` when the reference
    path does not fall (nothing to explain)."""
    ref = _finite("drop_reference", drop_reference)
    alt_ = _finite("drop_alternative", drop_alternative)
    if ref <= 0:
        return None
    return (ref - alt_) / ref
