"""The jobs target of the Mission nationale de la relation client: the target, the growth it
needs, the jobs the barometer measured since, their text and chart."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from barometre import formatting, periods
from barometre.chapters.partnership.agreement import agreement_events
from barometre.chapters.partnership.words import AGREEMENT_LABEL, CHARTS, OTHER_LABEL, TEMPLATES
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.models import partnership as model
from barometre.narrative import md_escape, mentions, person, source_line
from barometre.narrative.templating import phrase, render

# --------------------------------------------------------------------------- jobs target


@dataclass(frozen=True)
class JobsTarget:
    current: Figure
    target: Figure
    horizons: list[int]
    table: pd.DataFrame  # years, annual_growth, jobs_added_per_year, échéance, texte
    start_year: int

    @property
    def total_change(self) -> float:
        return self.target.central / self.current.central - 1


def jobs_target(ds: Dataset, edition: int, horizons: list[int]) -> JobsTarget | None:
    """The growth the jobs target needs by horizon; None when no edition up to ``edition`` publishes the
    current number or the target."""
    current = ds.known("customer_relation_jobs", edition, scope="current")
    target = ds.known("customer_relation_jobs", edition, scope="target")
    if current is None or target is None:
        return None
    start = int(current.period[:4])
    df = model.required_growth_table(current.central, target.central, horizons)
    df["échéance"] = df["years"].map(lambda y: start + y)
    df["horizon"] = df["years"].map(lambda y: f"{y} ans ({start + y})")
    df["croissance"] = df["annual_growth"] * 100
    df["texte court"] = df["annual_growth"].map(lambda g: formatting.percent(g * 100, signed=True))
    df["texte"] = df["texte court"] + " par an"
    df["emplois par an"] = df["jobs_added_per_year"].map(lambda n: formatting.number(n, 0))
    return JobsTarget(current, target, horizons, df, start)


def jobs_measured(ds: Dataset, edition: int, since: int) -> list[Figure]:
    """The jobs the barometer measured as created in France each year from ``since`` to ``edition``, as
    known in ``edition`` (the market's when France's is not published)."""
    out = []
    for year in range(since, edition + 1):
        fig = ds.known("jobs_created", edition, scope="france", period=year)
        if fig is None:
            fig = ds.known("jobs_created", edition, scope="market", period=year)
        if fig is not None and fig.published:
            out.append(fig)
    return out


@dataclass(frozen=True)
class Outcome:
    """The jobs measured since the target was set, and the count of customer-relation jobs a later edition publishes
    against the target: the facts of the measured jobs' paragraph and of the « À retenir » line."""

    measured: list[Figure]  # the outsourcers' jobs created each year since the target (``jobs_measured``)
    measured_editions: list[int]
    measured_at_end: bool  # every measured figure is an older edition's: their editions named once, at the end
    said: Figure | None  # the measured figure whose quote sets it against the target (its outlet quoted)
    later: Figure | None  # the count after the target (``count_after_target``)
    reached: bool
    later_who: str  # who gives the later count
    later_pace: float | None  # the count's yearly pace since the target's start (%, book's calculation)


@dataclass(frozen=True)
class Count:
    """The count of customer-relation jobs in France an edition after the target's publishes, whether it reaches the
    target, who gives it, and its yearly pace since the target's starting count (%, book's calculation; ``None``
    without a starting count or a later year): the facts of the measured jobs' paragraph, its « À retenir » line and
    the synthesis line, computed once."""

    later: Figure
    reached: bool
    who: str
    pace: float | None


def count(ds: Dataset, edition: int) -> Count | None:
    current = ds.known("customer_relation_jobs", edition, scope="current")
    found = count_after_target(ds, edition, ds.known("customer_relation_jobs", edition, scope="target"))
    if found is None:
        return None
    later, reached = found
    pace = None
    years = periods.end(later.period) - periods.end(current.period) if current is not None else 0
    if years > 0 and current.central > 0:
        pace = model.required_annual_growth(current.central, later.central, years) * 100
    who = (mentions.person(later.source_name, later.source_role) if later.source_type == "interview"
           else md_escape(later.source_name))
    return Count(later, reached, who, pace)


def outcome(ds: Dataset, edition: int, jt: JobsTarget, counted: Count | None = None) -> Outcome:
    """The jobs measured since the target and the later count (``counted``, else counted here)."""
    measured = jobs_measured(ds, edition, jt.start_year)
    counted = counted if counted is not None else count(ds, edition)
    return Outcome(
        measured=measured, measured_editions=sorted({f.edition for f in measured}),
        measured_at_end=bool(measured) and all(f.from_older_edition for f in measured),
        # the measured figure whose words set it against the target
        said=next((f for f in measured if TARGET_WORDS[0] in f.quote or TARGET_WORDS[1] in f.quote.lower()), None),
        later=counted.later if counted else None, reached=bool(counted and counted.reached),
        later_who=counted.who if counted else "", later_pace=counted.pace if counted else None,
    )


TARGET_WORDS = ("50 000", "objectif")  # a measured figure quoted with these words is set against the target


def jobs_against_target(ds: Dataset, edition: int, jt: JobsTarget, duration: Figure | None) -> str:
    """The jobs target set against the jobs measured since it was set (``measured.md.j2``; '' when no later figure
    is known)."""
    o = outcome(ds, edition, jt)
    return render(f"{TEMPLATES}/measured.md.j2", o=o, jobs=jt) if o.measured else ""


def jobs_takeaway(ds: Dataset, edition: int, jt: JobsTarget, first: dict) -> str:
    """The « À retenir » item on the jobs target, once (``jobs_takeaway.md.j2``): with a later count, the count and
    whether the target is reached; before it, the target and the pace it needed at the first horizon (``first``, a
    row of ``jt.table``), conditional past once the horizon has passed."""
    return takeaway_of(outcome(ds, edition, jt), jt, first, edition)


def takeaway_of(o: Outcome, jt: JobsTarget, first, edition: int) -> str:
    passed = jt.start_year + int(first["years"]) <= edition
    return render(f"{TEMPLATES}/jobs_takeaway.md.j2", o=o, jobs=jt, first=first, first_passed=passed)


def count_after_target(ds: Dataset, edition: int, target: Figure | None) -> tuple[Figure, bool] | None:
    """The count of customer-relation jobs in France that an edition after the target's publishes (290 000
    in 2025, in the 2024 edition), and whether it reaches the target (its lower bound at least the target);
    ``None`` without such a count."""
    later = ds.known("customer_relation_jobs", edition, scope="france")
    if target is None or later is None or not later.published or later.edition <= target.edition:
        return None
    return later, later.bounds[0] >= target.central


def jobs_chart(jt: JobsTarget, agreement_years: int | None) -> ChartOutput:
    table = jt.table.copy()
    table["accord"] = table["years"].map(
        lambda y: AGREEMENT_LABEL if agreement_years is not None and y == agreement_years else OTHER_LABEL
    )
    base = alt.Chart(table).encode(
        y=alt.Y("horizon:N", title="Échéance", sort=None),
        tooltip=[alt.Tooltip("horizon:N", title="Échéance"), alt.Tooltip("texte:N", title="Croissance nécessaire"),
                 alt.Tooltip("emplois par an:N", title="Emplois à créer par an, en moyenne")],
    )
    bars = base.mark_bar(size=26).encode(
        x=alt.X("croissance:Q", title="Croissance par an (%)",
                scale=alt.Scale(domain=[0, float(table["croissance"].max()) * 1.45])),
        color=alt.Color("accord:N", title=None,
                        scale=alt.Scale(domain=[AGREEMENT_LABEL, OTHER_LABEL], range=[PALETTE[1], PALETTE[0]]),
                        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400)),
    )
    labels = base.mark_text(align="left", dx=5).encode(x="croissance:Q", text="texte court:N")
    listing = "; ".join(f"{h} : {t}" for h, t in zip(table["horizon"], table["texte"], strict=True))
    return chart_output(
        (bars + labels).properties(height=alt.Step(40)),
        name="partenariat-objectif-emplois",
        title="Croissance nécessaire des emplois",
        source=source_line([jt.current, jt.target]) + " ; modèle et hypothèses du livre",
        description=phrase(CHARTS, "jobs_description", jt, listing),
        data=table[["horizon", "years", "croissance", "texte", "emplois par an"]],
    )


@dataclass(frozen=True)
class Mission:
    """The Mission nationale de la relation client: the agreement and the jobs target (with its horizons and the
    jobs measured since), what the plan's paragraph and the « À retenir » read again (the conference, the
    agreement's duration, the first horizon's row), and the labels no edition up to this one publishes."""

    edition: int
    agreement: pd.Series | None  # the framework agreement (an event row, with ``date_texte``)
    assises: pd.DataFrame
    jobs: JobsTarget | None
    who: str  # who set the target (``narrative.person``)
    duration: Figure | None
    agreement_years: int | None
    first: pd.Series | None  # the first horizon's row of ``jobs.table``
    last: pd.Series | None  # the last horizon's, when there are two or more
    first_rate: str  # its growth a year, unsigned (the noun before it carries the direction)
    last_rate: str
    first_passed: bool  # the first horizon has passed in the edition's year: conditional past
    last_passed: bool
    within: str  # which horizon is the agreement's duration: « only », « first » or « last »; '' when none
    agreement_rate: float | None  # the growth a year the target needs over the agreement's duration (%)
    outcome: Outcome | None
    missing: list[str]

    @property
    def paragraphs(self) -> list[str]:
        """The section's paragraphs, from ``mission.md.j2``."""
        if self.agreement is None and self.jobs is None:
            return []
        return render(f"{TEMPLATES}/mission.md.j2", m=self).split("\n\n")


def _unsigned(rate: str) -> str:
    return rate.lstrip("+−-")


def mission_paragraphs(ds: Dataset, edition: int, horizon_years: list[int], counted: Count | None = None) -> Mission:
    """The section's facts for ``edition``, the target's horizons being the reader's ``horizon_years``."""
    missing: list[str] = []
    events = agreement_events(ds, edition)
    agreement = events[events["kind"] == "agreement"] if not events.empty else events
    assises = events[events["kind"] == "conference"] if not events.empty else events
    jobs = jobs_target(ds, edition, horizon_years)
    duration = ds.known("framework_agreement_duration_years", edition)
    agreement_years = int(duration.central) if duration is not None else None
    first = last = None
    within, rate = "", None
    if jobs is not None:
        first = jobs.table.iloc[0]
        last = jobs.table.iloc[-1] if len(jobs.table) > 1 else None
        if agreement_years is not None:
            found = jobs.table.index[jobs.table["years"] == agreement_years]
            if len(found):  # one of the horizons is the agreement's own: said so, not its rate twice
                within = ("only" if len(jobs.table) == 1 else "first" if found[0] == jobs.table.index[0]
                          else "last")
            else:
                rate = model.required_annual_growth(jobs.current.central, jobs.target.central, agreement_years) * 100
    else:
        missing.append(ds.indicators["customer_relation_jobs"].label_fr + " (aujourd'hui et objectif)")
    return Mission(
        edition=edition, agreement=agreement.iloc[0] if not agreement.empty else None, assises=assises, jobs=jobs,
        who=person(ds, jobs.current.source) if jobs is not None else "", duration=duration,
        agreement_years=agreement_years, first=first, last=last,
        first_rate=_unsigned(first["texte"]) if first is not None else "",
        last_rate=_unsigned(last["texte"]) if last is not None else "",
        first_passed=first is not None and jobs.start_year + int(first["years"]) <= edition,
        last_passed=last is not None and jobs.start_year + int(last["years"]) <= edition,
        within=within, agreement_rate=rate, outcome=outcome(ds, edition, jobs, counted) if jobs is not None else None,
        missing=missing,
    )
