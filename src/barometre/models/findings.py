"""A model's « À retenir » line, and the audit that it does not present an input as a result.

A model restates its input when the line shows as a result a number the model was given:

- **pinned**: a finding that no perturbation of any assumption moves. The model was calibrated
  so as to produce it (a transition cost chosen to break even in two years gives two years
  whatever the wages, the labour share or the margin);
- **restated**: a finding equal, at the defaults, to what the cited inputs give on their own
  (at equal productivity and quality on both sides, the cost ratio France / offshore is only
  the hourly-rate gap);
- **bracketed**: a band that holds a calibration target under every perturbation (« 22 à 26
  mois » around the two years the model was set to give);
- **out of domain**: a finding outside the range its own quantity can take in the world the
  model describes (a lasting negative margin in a sector that keeps growing is a reductio: it
  shows a missing mechanism, it is not a finding).

``audit`` perturbs each assumption in turn (×0.5 and ×1.5 by default, skipping values the
model refuses) and returns the problems as sentences; an empty list means the line passes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Finding:
    """A number the line presents as the model's result, with the text it is shown as."""

    value: float
    shown: str  # how the number appears in the line (checked: it must be there)
    domain: tuple[float, float] = (-math.inf, math.inf)  # the values the quantity can take


@dataclass(frozen=True)
class Takeaway:
    """An « À retenir » line of a model and the findings it states."""

    text: str
    findings: Mapping[str, Finding] = field(default_factory=dict)
    bands: tuple[tuple[str, str], ...] = ()  # pairs of finding names shown as one band (low, high)


def _close(a: float, b: float, rel_tol: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=1e-9)


def perturbations(
    defaults: Mapping[str, float], assumptions: Iterable[str], factors: Iterable[float]
) -> Iterable[tuple[str, float, dict[str, float]]]:
    """(assumption, factor, parameters) for each assumption times each factor, the others at defaults."""
    for name in assumptions:
        if name not in defaults:
            raise ValueError(f"the assumption {name!r} is not among the parameters {sorted(defaults)}")
        for factor in factors:
            yield name, factor, {**defaults, name: defaults[name] * factor}


def audit(
    build: Callable[..., Takeaway],
    defaults: Mapping[str, float],
    assumptions: Iterable[str],
    *,
    restatements: Mapping[str, float] | None = None,
    targets: Mapping[str, float] | None = None,
    factors: Iterable[float] = (0.5, 1.5),
    rel_tol: float = 0.005,
) -> list[str]:
    """The problems of the line ``build(**defaults)`` (empty: the line states no input as a result).

    ``assumptions``: the parameters to perturb (the model's assumptions, not the cited figures).
    ``restatements``: values the cited inputs give on their own (name → value).
    ``targets``: the figures the model is calibrated on (name → value), which a band must not hold
    under every perturbation."""
    assumptions = list(assumptions)
    factors = list(factors)
    restatements = dict(restatements or {})
    targets = dict(targets or {})
    base = build(**defaults)
    problems = []
    for name, f in base.findings.items():
        if f.shown not in base.text:
            problems.append(f"the finding {name} is not shown in the line as {f.shown!r}")
        low, high = f.domain
        if not low <= f.value <= high:
            problems.append(f"{name} = {f.value:.4g} lies outside what it can be ({low:g} to {high:g}): a reductio, "
                            "not a finding")
        for what, value in {**restatements, **targets}.items():
            if _close(f.value, value, rel_tol):
                problems.append(f"{name} = {f.value:.4g} restates {what} ({value:.4g}), an input")
    moved = {name: False for name in base.findings}
    held = {}
    for band in base.bands:
        lo, hi = sorted((base.findings[band[0]].value, base.findings[band[1]].value))
        for t, value in targets.items():
            held[(band, t)] = lo <= value <= hi
    tried = {name: 0 for name in assumptions}
    for name, _factor, params in perturbations(defaults, assumptions, factors):
        try:
            line = build(**params)
        except ValueError:
            continue
        tried[name] += 1
        for key, f in line.findings.items():
            if key in base.findings and not _close(f.value, base.findings[key].value, rel_tol):
                moved[key] = True
        for band, t in held:
            lo_name, hi_name = band
            if lo_name in line.findings and hi_name in line.findings:
                lo, hi = sorted((line.findings[lo_name].value, line.findings[hi_name].value))
                held[(band, t)] = held[(band, t)] and lo <= targets[t] <= hi
    for name, count in tried.items():
        if count == 0:
            problems.append(f"no perturbation of {name} is accepted by the model: it cannot be tested")
    if any(tried.values()):
        for name, was_moved in moved.items():
            if not was_moved:
                problems.append(f"{name} = {base.findings[name].value:.4g} moves with no assumption: the model "
                                "was calibrated to give it")
        for (band, t), always in held.items():
            if always:
                problems.append(f"the band {band[0]}–{band[1]} holds {t} ({targets[t]:.4g}) whatever the "
                                "assumptions: it is the input with a spread")
    return problems
