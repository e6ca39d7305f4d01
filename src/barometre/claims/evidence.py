"""What the checks share: finding an edition's figure, saying a missing one, and telling two figures a break
in their series separates (their words: ``templates/chapters/claims/common.md.j2``)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from barometre import formatting
from barometre.claims.model import UNVERIFIABLE, Verdict, verdict
from barometre.data import Dataset, Figure, FigureNotFound
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


def _growth(facts, year) -> Figure | None:
    """The market's growth of ``year`` as the résilience chapter gives it (``ResilienceFacts.growths``, the bars of its
    growth chart): what the claims on the sector's course read, not found again in the data. The page names editions
    itself (no « dernier chiffre publié » note)."""
    fig = facts.growth_of(year)
    return replace(fig, as_of=None) if fig is not None and fig.published else None


def _stated(facts, name: str, fig: Figure) -> Figure | None:
    """The figure the chapter states for ``fig``'s indicator, scope and period: its facts' field ``name`` (or, for a
    method such as ``growth_of``, its value for the period); None when the chapter states another period or none."""
    found = getattr(facts, name)
    found = found(fig.period) if callable(found) else found
    if found is None or (found.indicator, found.scope, found.period) != (fig.indicator, fig.scope, fig.period):
        return None
    return replace(found, as_of=None) if found.published else None


def _among(figures: Iterable[Figure], indicator: str, scope: str, period) -> Figure | None:
    """The figure of (indicator, scope, period) among a chapter's facts (``figures``), as the page names it (no
    « dernier chiffre publié » note); None when the chapter states none."""
    found = next((f for f in figures if (f.indicator, f.scope, f.period) == (indicator, scope, str(period))), None)
    return replace(found, as_of=None) if found is not None and found.published else None


def _missing(ds: Dataset, edition: int, labels: Iterable[str]) -> Verdict:
    names = sorted({ds.indicators[i].label_fr for i in labels if i in ds.indicators})
    return verdict(UNVERIFIABLE, "common.missing", edition=edition, names=[n[:1].lower() + n[1:] for n in names])


def _across_break(ds: Dataset, a: Figure, b: Figure) -> bool:
    """Two figures a break in their series separates (``Dataset.break_between``): not compared silently."""
    return ds.break_between(a, b) is not None


def _year(fig: Figure) -> str:
    return formatting.period_text(fig.period)
