"""The chapter's facts: one function of the data and the parameters, ``facts(ds, edition, params)``, computed once
and read by the notebook's cells, the « À retenir », the synthesis line and the chapter's templates (issue 25).
Nothing here writes a sentence: the text is in ``src/barometre/templates/chapters/partnership/``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from barometre.chapters.partnership.agreement import Plan, mission_plan
from barometre.chapters.partnership.jobs import Count, Mission, count, mission_paragraphs
from barometre.chapters.partnership.relationship import (
    Numericable,
    Relationship,
    numericable,
    relationship,
)
from barometre.chapters.partnership.words import CHAPTER
from barometre.chapters.partnership.workforce import Staff, staff_paragraphs, workforce
from barometre.data import Dataset, Figure, Quote
from barometre.models import partnership as model

SUMMARY_INDICATORS = ("permanent_contract_share", "graduate_share", "customer_relation_jobs")


@dataclass(frozen=True)
class PartnershipParams:
    """The notebook's parameters, with the notebook's defaults (papermill may set any of them)."""

    edition: int = 0  # barometer edition to render (0 means the latest edition in data/)
    data_dir: str = "../data"  # folder of the validated data
    horizons: str = "3, 5, 10, 15"  # horizons of the jobs target in years, comma separated (book's assumption)


@dataclass(frozen=True)
class PartnershipFacts:
    """What the chapter states for one edition and one set of parameters."""

    edition: int
    params: PartnershipParams
    staff: Staff  # « Les salariés des outsourceurs »
    profile: list[Figure]  # the workforce shares the chart draws, one a row
    mission: Mission  # the agreement, the jobs target and its horizons, the jobs measured since
    plan: Plan  # the Mission's plan
    numericable: Numericable | None
    relationship: Relationship
    voices: list[Quote]  # what the actors said on the theme in this edition
    current: Figure | None  # the jobs of the relation client when the target was set
    target: Figure | None  # the jobs target
    count: Count | None  # the count a later edition publishes, against the target
    graduates: Figure | None  # the share of staff with a bac + 1 or more (the synthesis' key figure at the least)
    missing: tuple[str, ...]  # labels of the figures no edition up to this one publishes
    labels: Mapping[str, str]  # the labels of the indicators the synthesis line names when it knows none of them

    def cdi_of(self, period: str) -> Figure | None:
        """The sector's share of permanent contracts of ``period`` as the chapter gives it (its latest share or the
        one before it, ``staff.cdi``); None when it gives another period."""
        return next((f for f in self.staff.cdi or () if f is not None and f.period == str(period)), None)

    @property
    def measured(self) -> list[Figure]:
        """The outsourcers' jobs measured since the target was set."""
        return self.mission.outcome.measured if self.mission.outcome is not None else []


def facts(ds: Dataset, edition: int, params: PartnershipParams | None = None) -> PartnershipFacts:
    """The chapter's facts for ``edition`` (0: the latest) and the reader's parameters."""
    params = params or PartnershipParams()
    edition = ds.resolve(edition)
    staff = staff_paragraphs(ds, edition)
    counted = count(ds, edition)
    mission = mission_paragraphs(ds, edition, model.parse_horizons(params.horizons), counted)
    plan = mission_plan(ds, edition, mission.assises, mission.duration, mission.agreement_years)
    num = numericable(ds, edition)
    missing = [*staff.missing, *mission.missing, *plan.missing]
    if num is None:
        missing += ds.unknown(["numericable_external_advisers", "numericable_internal_experts"], edition)
    return PartnershipFacts(
        edition=edition, params=params, staff=staff, profile=workforce(ds, edition), mission=mission, plan=plan,
        numericable=num, relationship=relationship(ds, edition), voices=list(ds.quotes(edition, CHAPTER)),
        current=ds.known("customer_relation_jobs", edition, scope="current"),
        target=ds.known("customer_relation_jobs", edition, scope="target"), count=counted,
        graduates=ds.known("graduate_share", edition), missing=tuple(missing),
        labels={i: ds.indicators[i].label_fr for i in SUMMARY_INDICATORS},
    )
