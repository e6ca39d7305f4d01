"""The chapter's facts: one function of the data and the parameters, ``facts(ds, edition, params)``, computed once
and read by the notebook's cells, the « À retenir », the synthesis line and the chapter's templates (issue 25).
Nothing here writes a sentence: the text is in ``src/barometre/templates/chapters/value/``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from barometre.chapters.value.common import (
    USED_INDICATORS,
    interviews_known,
    interviews_year,
    known,
)
from barometre.chapters.value.pricing import (
    SchemeResult,
    caps_to_show,
    compare_schemes,
    pricing_inputs,
)
from barometre.chapters.value.salaries import (
    AdviserJob,
    PayAbroad,
    ReportedSalary,
    Salaries,
    adviser_job,
    pay_abroad,
    reported_salary,
    salaries,
)
from barometre.chapters.value.salary_history import (
    SalaryGap,
    SmicRise,
    salary_gap,
    salary_history,
    smic_rise,
)
from barometre.data import Dataset, Figure, Quote
from barometre.models import value as model
from barometre.narrative import latest_parts, person

SERVICES = "activity_revenue_growth"  # the growth of what the outsourcers sell beyond the handling of calls


SPEAKERS = ("kim_neyret", "eric_klipfel", "jean_francois_guillot", "dominique_decaestecker")  # the testimonies'


@dataclass(frozen=True)
class ValueParams:
    """The notebook's parameters, with the notebook's defaults (papermill may set any of them)."""

    edition: int = 0  # barometer edition to render (0 means the latest edition in data/)
    data_dir: str = "../data"  # folder of the validated data
    fcr_low: float = 0.6  # first-contact resolution rate before the quality effort (book's assumption)
    fcr_high: float = 0.9  # first-contact resolution rate after the quality effort (book's assumption)
    fcr_target: float = 0.75  # quality target of the bonus/malus contract (book's assumption)
    bonus_per_point: float = 0.02  # bonus or malus on the call price per point of resolution around the target
    cost_ratio: float = 0.9  # provider's cost of one call as a share of the base price of a call
    max_contacts: int = 0  # contacts after which a customer gives up on a request (0 means no cap)


@dataclass(frozen=True)
class PricingFacts:
    """The pricing model's results for the book's assumptions: each scheme's revenue and margin at the two
    resolution rates, the bonus that makes the bonus/malus contract neutral, the unresolved share under a cap."""

    fcr_low: float
    fcr_high: float
    fcr_target: float
    bonus_per_point: float
    cost_ratio: float
    max_contacts: int
    inputs: model.PricingInputs
    results: Mapping[str, SchemeResult]
    neutral_bonus: float  # the bonus per point above which the bonus/malus contract rewards quality
    caps: tuple[int, ...]  # the caps on contacts the chart draws
    unresolved_low: float  # the share of requests never resolved under the chart's second cap, at fcr_low
    unresolved_high: float  # the same at fcr_high

    @property
    def per_call(self) -> SchemeResult:
        return self.results["per_call"]

    @property
    def per_resolution(self) -> SchemeResult:
        return self.results["per_resolution"]

    @property
    def bonus_malus(self) -> SchemeResult:
        return self.results["bonus_malus"]

    @property
    def rewards_quality(self) -> bool:
        """True when the bonus set is above the neutral bonus: the bonus/malus contract rewards quality."""
        return self.bonus_per_point > self.neutral_bonus


def pricing_facts(fcr_low: float, fcr_high: float, fcr_target: float, bonus_per_point: float, cost_ratio: float,
                  max_contacts: int = 0) -> PricingFacts:
    """The model's results for one set of assumptions (the resolution rates checked)."""
    fcr_low = model.check_resolution_rate(fcr_low, "fcr_low")
    fcr_high = model.check_resolution_rate(fcr_high, "fcr_high")
    inputs = pricing_inputs(cost_ratio, fcr_target, bonus_per_point, max_contacts)
    caps = tuple(caps_to_show(max_contacts))
    return PricingFacts(
        fcr_low=fcr_low, fcr_high=fcr_high, fcr_target=fcr_target, bonus_per_point=bonus_per_point,
        cost_ratio=cost_ratio, max_contacts=max_contacts, inputs=inputs,
        results=compare_schemes(inputs, fcr_low, fcr_high),
        neutral_bonus=model.neutral_bonus_per_point(fcr_target), caps=caps,
        unresolved_low=model.unresolved_share(fcr_low, caps[1]),
        unresolved_high=model.unresolved_share(fcr_high, caps[1]),
    )


@dataclass(frozen=True)
class ValueFacts:
    """What the chapter states for one edition and one set of parameters."""

    edition: int
    params: ValueParams
    pricing: PricingFacts
    interviews: bool  # an edition up to this one publishes the chapter's testimonies
    said_in: int | None  # their year when an older edition reported them (told in the past), else None
    survey: Figure | None  # the questions of Teleperformance's satisfaction survey
    external: Figure | None  # Numericable's advisers at its providers
    training: Figure | None  # the adviser's training, as published
    pay: Salaries | None  # the adviser's pay against the Smic (None when no edition publishes it)
    salary_years: pd.DataFrame = field(repr=False)  # the pay edition after edition (empty: fewer than two years)
    salary_gap: SalaryGap | None = None  # the pay's gap to the Smic at both ends of its last series
    job: AdviserJob | None = None  # the quality gained, the adviser's training and skills
    reported: ReportedSalary | None = None  # a salary level of another measure, told apart
    smic_rise: SmicRise | None = None  # the Smic's rise over the article's period (and up to the edition's year)
    abroad: PayAbroad | None = None  # how to read the pay abroad beside the pay in France
    services: tuple[Figure, ...] = ()  # the growth of the services sold beyond the contacts, largest first
    missing: tuple[str, ...] = ()  # the labels of the chapter's indicators no edition up to this one publishes
    voices: tuple[Quote, ...] = ()  # the actors' quotes of the edition on the theme
    people: Mapping[str, str] = field(default_factory=dict)  # each speaker of the chapter as named with their role
    # the gross monthly Smic of a full-time employee on 1 July of each year the chapter sets a salary against it (the
    # Smic's line of its salary chart, the year of its salary), which the claims on the salaries read
    smic_months: Mapping[int, float] = field(default_factory=dict)


def services(ds: Dataset, edition: int) -> tuple[Figure, ...]:
    """The latest growths of the services the outsourcers sell besides the contacts, largest first."""
    return tuple(sorted(latest_parts(ds, SERVICES, edition), key=lambda f: -f.central))


def _net_pay_speaker(pay: Salaries | None) -> tuple[str, ...]:
    return (pay.net_france.source,) if pay is not None and pay.net_france is not None else ()


def facts(ds: Dataset, edition: int, params: ValueParams | None = None) -> ValueFacts:
    """The chapter's facts for ``edition`` (already resolved) and ``params`` (the notebook's defaults if None)."""
    p = params or ValueParams()
    pay = salaries(ds, edition)
    years = salary_history(ds, edition)
    return ValueFacts(
        edition=edition,
        params=p,
        pricing=pricing_facts(p.fcr_low, p.fcr_high, p.fcr_target, p.bonus_per_point, p.cost_ratio, p.max_contacts),
        interviews=interviews_known(ds, edition),
        said_in=interviews_year(ds, edition),
        survey=ds.known("satisfaction_survey_questions", edition),
        external=ds.known("numericable_external_advisers", edition),
        training=known(ds.known("adviser_training_weeks", edition)),
        pay=pay,
        salary_years=years,
        salary_gap=salary_gap(years),
        job=adviser_job(ds, edition),
        reported=reported_salary(ds, edition),
        smic_rise=smic_rise(ds, edition),
        abroad=(pay_abroad(ds, pay.net_uk, pay.net_france)
                if pay is not None and pay.net_uk is not None and pay.net_france is not None else None),
        services=services(ds, edition),
        missing=tuple(ds.unknown(USED_INDICATORS, edition)),
        voices=tuple(ds.quotes(edition, "value")),
        people={key: person(ds, key) for key in (*SPEAKERS, *_net_pay_speaker(pay)) if key in ds.sources},
        smic_months=smic_months(pay, years),
    )


def smic_months(pay: Salaries | None, years: pd.DataFrame) -> dict[int, float]:
    """The monthly Smic the chapter gives, by year: its salary chart's line (``salary_history``'s ``attrs["smic"]``)
    and its salary's year (``Salaries.smic_monthly``)."""
    found = {int(y): float(v) for y, v in (years.attrs.get("smic") or {}).items()}
    if pay is not None:
        found[pay.smic_date.year] = pay.smic_monthly
    return dict(sorted(found.items()))
