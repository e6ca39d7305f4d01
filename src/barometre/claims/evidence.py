"""What the checks share: finding an edition's figure, saying a missing one, and writing
rates, ranges and balances as the verdicts quote them."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from barometre import formatting
from barometre.claims.model import UNVERIFIABLE, Verdict
from barometre.data import Dataset, Figure, FigureNotFound
from barometre.narrative import md_escape
from barometre.precision import interval

# --------------------------------------------------------------------------- helpers for the checks


def _known(ds: Dataset, edition: int, indicator: str, scope: str = "market", period=None) -> Figure | None:
    try:
        fig = ds.known(indicator, edition, scope=scope, period=None if period is None else str(period))
    except FigureNotFound:
        return None
    # the page names editions itself: no « dernier chiffre publié » note after each figure
    return replace(fig, as_of=None) if fig is not None and fig.published else None


def _precise(ds: Dataset, edition: int, indicator: str, scope: str, period) -> Figure | None:
    """The most precise row of (indicator, scope, period) among the publications of the edition that
    gives it (as known in ``edition``): each figure is used in the form that constrains it most."""
    base = _known(ds, edition, indicator, scope, period)
    if base is None:
        return None
    rows = [f for f in ds.figures(base.edition, indicator)
            if f.scope == scope and f.period == str(period) and f.published]
    finite = [f for f in rows if all(math.isfinite(x) for x in interval(f))]
    if not finite:
        return base
    return min(finite, key=lambda f: (interval(f)[1] - interval(f)[0], f.secondary))


def _missing(ds: Dataset, edition: int, labels: Iterable[str]) -> Verdict:
    names = sorted({ds.indicators[i].label_fr for i in labels if i in ds.indicators})
    listed = ", ".join(md_escape(n[:1].lower() + n[1:]) for n in names)
    return Verdict(UNVERIFIABLE, f"Aucune édition jusqu’à celle de {edition} ne publie de quoi la tester : {listed}.")


def _across_break(ds: Dataset, a: Figure, b: Figure) -> bool:
    """Two figures a break in their series separates (``Dataset.break_between``): not compared silently."""
    return ds.break_between(a, b) is not None


SCOPES_DIFFER = ("une rupture de série sépare ces deux chiffres (l’étude ou son périmètre change) : ils ne se "
                 "comparent pas directement")


def _p(x: float, decimals: int = 1) -> str:
    return formatting.percent(x, decimals)


def _span(lo: float, hi: float, decimals: int = 1) -> str:
    return formatting.value_range(lo, hi, "percent", decimals=decimals)


def _balance(x: float) -> str:
    """« perd 500 emplois » / « gagne 500 emplois » / « ne gagne ni ne perd d’emploi »."""
    n = round(abs(x), -2)
    if n == 0:
        return "ne gagne ni ne perd d’emploi"
    return f"{'perd' if x < 0 else 'gagne'} {formatting.number(n, 0)}\u00a0emplois"


def _balance_range(lo: float, hi: float) -> str:
    a, b = round(lo, -2), round(hi, -2)
    if b < 0:
        return f"une perte de {formatting.number(-b, 0)} à {formatting.number(-a, 0)}\u00a0emplois"
    if a > 0:
        return f"un gain de {formatting.number(a, 0)} à {formatting.number(b, 0)}\u00a0emplois"
    return f"entre une perte de {formatting.number(-a, 0)} et un gain de {formatting.number(b, 0)}\u00a0emplois"


def _year(fig: Figure) -> str:
    return formatting.period_text(fig.period)
