"""The framework agreement and the Mission's plan: its events, the cost of a training, the plan's
items in words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from barometre import formatting, narrative
from barometre.chapters.partnership.words import AGREEMENT_EVENT_KINDS, EUR_PER_MILLION, event_quote
from barometre.data import Dataset, Figure
from barometre.models import partnership as model
from barometre.narrative import cite, de, md_escape

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
    """The Mission's plan in words (empty when the edition gives none of its items), the figures the
    « À retenir » reads again, and the labels no edition up to this one publishes."""

    text: str
    trainings: Figure | None
    budget: Figure | None
    missing: list[str]


def mission_plan(ds: Dataset, edition: int, assises: pd.DataFrame, duration: Figure | None,
                 agreement_years: int | None) -> Plan:
    """The plan's items (the observatory, the trainings and their cost, the conference), in the present in
    the edition that reports them, in the past and dated in a later one."""
    missing: list[str] = []
    text = ""
    companies = ds.known("companies_to_list", edition)
    trainings = ds.known("trainings_planned", edition)
    budget = ds.known("training_budget", edition)
    # a plan an older edition reported is told in the past, with its year
    planned = next((f for f in (companies, trainings, budget) if f is not None), None)
    old_plan = planned is not None and planned.from_older_edition
    # « En 2009, le plan … comprenait » dates its figures in a later book: no edition note on each (editor42); the
    # figures themselves go back to the page's « À retenir » as they are, with their year
    companies_said, trainings_said, budget_said = (narrative.dated(f) if old_plan and f is not None else f
                                                   for f in (companies, trainings, budget))
    items = []
    if companies is not None:
        items.append(
            f"- un observatoire renforcé, qui {'devait référencer' if old_plan else 'référencera'} les {cite(companies_said, with_noun=True)} identifiées du "
            "secteur, pour connaître le marché et les pratiques de ressources humaines ;"
        )
    else:
        missing += ds.unknown(["companies_to_list"], edition)
    if trainings is not None and budget is not None:
        cost = training_cost(trainings, budget)
        approx = "environ " if trainings.qualifier != "exact" or budget.qualifier != "exact" else ""
        items.append(
            f"- le financement {de(trainings_said, with_noun=True)} pour un budget {de(budget_said)}, soit "
            f"{approx}{formatting.euros(round(cost, -1))} par formation, {'qui devait faire' if old_plan else 'pour faire'} "
            "déboucher la formation professionnelle sur un emploi et donner au métier de téléconseiller sa reconnaissance ;"
        )
    else:
        missing += ds.unknown(["trainings_planned", "training_budget"], edition)
    if not assises.empty:
        s = assises.iloc[0]
        days = ds.known("assises_duration_days", edition)
        span = ""
        if days is not None:
            span = f", le temps d\u2019{cite(days, 'une journée')}" if days.central == 1 else f", pendant {cite(days, then=' jours')}"
        items.append(
            f"- les {md_escape(s['target'])}, prévues pour {s['date_texte']}{span}, avec donneurs d'ordres, "
            f"prestataires et syndicats : {event_quote(ds, s)}."
        )
    if items:
        items[-1] = items[-1].removesuffix(" ;") + ("" if items[-1].endswith(".") else ".")
        plan = f" sur {cite(duration, with_noun=True)}" if agreement_years is not None else ""
        opening = (f"En {formatting.period_text(planned.period)}, le plan de la Mission{plan} comprenait"
                   if old_plan else f"Le plan de la Mission{plan} comprend")
        text = f"{opening} :\n\n" + "\n".join(items)
    return Plan(text, trainings, budget, missing)
