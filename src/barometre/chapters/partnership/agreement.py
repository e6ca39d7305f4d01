"""The framework agreement and the Mission's plan: its events, the cost of a training, the plan's
items in words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from barometre import formatting
from barometre.chapters.partnership.words import (
    AGREEMENT_EVENT_KINDS,
    EUR_PER_MILLION,
    TEMPLATES,
    event_quote,
)
from barometre.data import Dataset, Figure
from barometre.models import partnership as model
from barometre.narrative.templating import render

# --------------------------------------------------------------------------- the agreement


def training_cost(trainings: Figure, budget: Figure) -> float:
    """Cost per planned training, in euros: the budget (M€) over the number of trainings."""
    return model.cost_per_unit(budget.central * EUR_PER_MILLION, trainings.central)


def agreement_events(ds: Dataset, edition: int) -> pd.DataFrame:
    """The framework agreement and the Assises (events of kinds agreement and conference)."""
    events = ds.events(edition)
    if events.empty:
        return events
    events = events[events["kind"].isin(AGREEMENT_EVENT_KINDS)].copy()
    events["date_texte"] = events["date"].map(formatting.event_date)
    return events.sort_values("date").reset_index(drop=True)


@dataclass(frozen=True)
class Plan:
    """The Mission's plan (no ``items`` when the edition gives none of them): its figures, which the « À retenir »
    reads again, the cost of a training, the conference, whether a later book tells it in the past (``old``), and
    the labels no edition up to this one publishes."""

    companies: Figure | None
    trainings: Figure | None
    budget: Figure | None
    cost: float | None  # euros per planned training (``training_cost``), when both its figures are known
    approx: bool  # the cost is approximate: one of its figures is
    conference: pd.Series | None  # the Assises (an event row, with ``date_texte``)
    conference_quote: str
    days: Figure | None  # the conference's duration
    old: bool  # an older edition reported the plan: told in the past, dated by ``period``
    period: str | None
    items: tuple[str, ...]  # « companies », « trainings », « conference »: the plan's items an edition gives
    duration: Figure | None  # the agreement's duration, the plan's span
    missing: list[str]

    @property
    def text(self) -> str:
        """The plan in words, from ``plan.md.j2`` ('' when the edition gives none of its items)."""
        return render(f"{TEMPLATES}/plan.md.j2", plan=self, duration=self.duration) if self.items else ""


def mission_plan(ds: Dataset, edition: int, assises: pd.DataFrame, duration: Figure | None,
                 agreement_years: int | None) -> Plan:
    """The plan's items (the observatory, the trainings and their cost, the conference), in the present in
    the edition that reports them, in the past and dated in a later one."""
    missing: list[str] = []
    companies = ds.known("companies_to_list", edition)
    trainings = ds.known("trainings_planned", edition)
    budget = ds.known("training_budget", edition)
    planned = next((f for f in (companies, trainings, budget) if f is not None), None)
    items = []
    if companies is not None:
        items.append("companies")
    else:
        missing += ds.unknown(["companies_to_list"], edition)
    cost = None
    if trainings is not None and budget is not None:
        items.append("trainings")
        cost = training_cost(trainings, budget)
    else:
        missing += ds.unknown(["trainings_planned", "training_budget"], edition)
    conference = assises.iloc[0] if not assises.empty else None
    if conference is not None:
        items.append("conference")
    return Plan(
        companies, trainings, budget, cost,
        approx=cost is not None and (trainings.qualifier != "exact" or budget.qualifier != "exact"),
        conference=conference,
        conference_quote=event_quote(ds, conference) if conference is not None else "",
        days=ds.known("assises_duration_days", edition) if conference is not None else None,
        old=planned is not None and planned.from_older_edition,
        period=planned.period if planned is not None else None,
        items=tuple(items), duration=duration if agreement_years is not None else None, missing=missing,
    )
