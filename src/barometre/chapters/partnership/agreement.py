"""The framework agreement and the Mission's plan: its events, the cost of a training, the plan's
items in words."""

from __future__ import annotations

import pandas as pd

from barometre import formatting
from barometre.chapters.partnership.words import AGREEMENT_EVENT_KINDS, EUR_PER_MILLION
from barometre.data import Dataset, Figure
from barometre.models import partnership as model

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
