"""The jobs target of the Mission nationale de la relation client: the target, the growth it
needs, the jobs the barometer measured since, their text and chart."""

from __future__ import annotations

from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, narrative, periods
from barometre.chapters.partnership.agreement import agreement_events
from barometre.chapters.partnership.words import AGREEMENT_LABEL, OTHER_LABEL, dated
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.models import partnership as model
from barometre.narrative import cite, de, md_escape, person, quote, source_line

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


def jobs_against_target(ds: Dataset, edition: int, jt: JobsTarget, duration: Figure | None) -> str:
    """The jobs target set against the jobs measured since it was set (MyST Markdown; '' when no later
    figure is known): « … les outsourceurs en ont créé environ 4 000 en France en 2009 et 2 000 en 2010, quand
    l'objectif en demandait 50 000 par an sur les trois ans du projet ». The barometer counts the outsourcers'
    jobs only, a part of the customer-relations jobs the target counts: the sentence says so."""
    measured = jobs_measured(ds, edition, jt.start_year)
    if not measured:
        return ""
    if all(f.scope == "france" for f in measured):
        # « en France » once, the editions once at the end (editor37: « environ 4 000 (édition 2009) en France en
        # 2009 et 2 000 (dernier chiffre publié, édition 2010) en France en 2010 »)
        editions = sorted({f.edition for f in measured})
        at_end = all(f.from_older_edition for f in measured)  # else each older figure names its own edition
        items = [f"{cite(replace(f, as_of=f.edition))}"
                 + (f" (édition\u00a0{f.edition})" if f.from_older_edition and not at_end else "")
                 + f" en {formatting.period_text(f.period)}" for f in measured]
        listed = "en France, " + formatting.enumeration(items) + (
            f" (édition{'s' if len(editions) > 1 else ''}\u00a0{formatting.enumeration([str(e) for e in editions])})"
            if at_end else "")
    else:
        listed = formatting.enumeration(
            [f"{cite(f)} {'en France' if f.scope == 'france' else 'en tout'} en {formatting.period_text(f.period)}"
             for f in measured])
    text = (f"Objectif et réalité : depuis que l’objectif a été fixé en {jt.start_year}, le baromètre a mesuré "
            f"les emplois créés par les outsourceurs, qui ne sont qu’une partie des emplois de la relation client "
            f"comptés par l’objectif : {listed}")
    # not « l'objectif demandait 50 000 emplois par an sur les trois ans de l'accord-cadre »: the Mission's
    # target has no deadline, and the agreement's own (« 50 000 emplois créés en trois ans », quoted below) is
    # another target; the book had merged the two
    text += "."
    said = next((f for f in measured if "50 000" in f.quote or "objectif" in f.quote.lower()), None)
    if said is not None:
        outlet = said.publication_outlet or said.source_name
        text += f" {narrative.md_escape(outlet)} le relevait alors : {quote(said, attribution=False)}."
    found = count_after_target(ds, edition, jt.target)
    if found is not None:
        later, reached = found
        who = (narrative.md_escape(later.attribution) if later.source_type == "interview"
               else narrative.md_escape(later.source_name))
        verb = "comptait" if later.from_older_edition else "compte"
        text += (f" En {formatting.period_text(later.period)}, la filière relation client {verb} "
                 f"{cite(later, then=' emplois')} en France selon {who} : l’objectif "
                 f"{'est atteint' if reached else 'n’est pas atteint'}.")
        # the pace realised, beside the paces the target needed (the forecast against its outcome)
        years = periods.end(later.period) - periods.end(jt.current.period)
        if years > 0 and jt.current.central > 0:
            pace = model.required_annual_growth(jt.current.central, later.central, years) * 100
            text += (f" De {cite(narrative.dated(jt.current), then=' emplois')} en {formatting.period_text(jt.current.period)} "
                     f"à {cite(later)} en {formatting.period_text(later.period)}, la filière a "
                     f"{'crû' if pace >= 0 else 'reculé'} d’environ {formatting.percent(abs(pace), 1)} par an "
                     "(calcul du livre ; les deux décomptes n’ont pas forcément le même périmètre).")
    return text


def jobs_takeaway(ds: Dataset, edition: int, jt: JobsTarget, first: dict) -> str:
    """The « À retenir » item on the jobs target, once (editor37: the 2024 page stated the target twice, with
    its edition note). With a later count: « Emplois de la relation client en France : 250 000 en 2009,
    290 000 en 2025 selon Caroline Adam, soit environ 0,9 % par an (calcul du livre) ; l'objectif de 400 000
    emplois fixé en 2009 n'est pas atteint. » Before it: the target and the pace it needed at the first
    horizon (``first``, a row of ``jt.table``), conditional past once the horizon has passed."""
    found = count_after_target(ds, edition, jt.target)
    set_in = formatting.period_text(jt.target.period)
    if found is None:
        # the prose's rule: a horizon already past in the edition's year is in the conditional past (the 2011 page
        # said « il faudrait » in the prose and « il aurait fallu » here: editor37)
        passed = jt.start_year + int(first["years"]) <= edition
        once = f" (édition {jt.target.edition})" if jt.target.from_older_edition else ""  # the edition once
        return (f"Objectif de la Mission nationale{narrative.in_year(jt.target)} : {target_cited(jt.target)} contre "
                f"{cite(replace(jt.current, as_of=jt.current.edition))}{once} ; en "
                f"{formatting.small_number(first['years'], 0)} ans, {'il aurait fallu' if passed else 'il faudrait'} "
                f"{first['texte']}.")
    later, reached = found
    who = md_escape(later.attribution if later.source_type == "interview" else later.source_name)
    text = (f"Emplois de la relation client en France : {cite(replace(jt.current, as_of=jt.current.edition))} en "
            f"{formatting.period_text(jt.current.period)}, {cite(later)} en {formatting.period_text(later.period)} "
            f"selon {who}")
    years = periods.end(later.period) - periods.end(jt.current.period)
    if years > 0 and jt.current.central > 0:
        pace = model.required_annual_growth(jt.current.central, later.central, years) * 100
        text += f", soit environ {formatting.percent(pace, 1, signed=pace < 0)} par an (calcul du livre)"
    return (text + f" ; l’objectif de {target_cited(jt.target)} fixé en {set_in} "
            f"{'est atteint' if reached else 'n’est pas atteint'}.")


def target_cited(target: Figure) -> str:
    """« 400 000 emplois » for a target the sentence dates (« fixé en 2009 »): no edition note beside its year."""
    return cite(replace(target, as_of=target.edition), then=" emplois")


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
        description=(
            "Barres de la croissance annuelle constante qu'il faudrait pour passer de "
            f"{formatting.figure_text(jt.current, with_noun=True)} à {formatting.figure_text(jt.target, with_noun=True)}"
            f" ({formatting.percent(jt.total_change * 100, signed=True)} au total) selon l'échéance, comptée depuis "
            f"{jt.start_year} : {listing}."
        ),
        data=table[["horizon", "years", "croissance", "texte", "emplois par an"]],
    )


@dataclass(frozen=True)
class Mission:
    """The Mission nationale de la relation client in words: the agreement and the jobs target (with its
    horizons and the jobs measured since), what the plan's paragraph and the « À retenir » read again
    (the conference, the agreement's duration, the first horizon's row), and the labels no edition up to
    this one publishes."""

    assises: pd.DataFrame
    jobs: JobsTarget | None
    duration: Figure | None
    agreement_years: int | None
    first: pd.Series | None
    paragraphs: list[str]
    missing: list[str]


def mission_paragraphs(ds: Dataset, edition: int, horizon_years: list[int]) -> Mission:
    """The section's paragraphs for ``edition``, the target's horizons being the reader's ``horizon_years``."""
    missing: list[str] = []
    first = None
    events = agreement_events(ds, edition)
    agreement = events[events["kind"] == "agreement"] if not events.empty else events
    assises = events[events["kind"] == "conference"] if not events.empty else events
    jobs = jobs_target(ds, edition, horizon_years)
    duration = ds.known("framework_agreement_duration_years", edition)
    agreement_years = int(duration.central) if duration is not None else None
    paragraphs = []
    if not agreement.empty:
        a = agreement.iloc[0]
        paragraphs.append(
            f"En {a['date_texte']}, l'État et la profession ont signé un {md_escape(a['target'])} ; signataires : "
            f"{md_escape(a['actor'])}. Les outsourceurs en attendent la revalorisation d'un "
            "métier qui manque encore de reconnaissance."
        )
    if jobs is not None:
        hoped, opening = narrative.as_said_then(jobs.current, "espère", "espérait")  # in the past when older
        text = (
            f"{opening}{person(ds, jobs.current.source)} {hoped} rattraper l'Allemagne et les pays "
            f"anglo-saxons en passant {de(dated(jobs.current) if opening else jobs.current)} à "
            f"{cite(dated(jobs.target) if opening else jobs.target, with_noun=True)}, soit "
            f"{formatting.percent(jobs.total_change * 100, signed=True)}, sans fixer d'échéance"
            # the edition once, in the book of the year the sentence dates (its own edition does not publish it);
            # none in a later book, where « En 2009, » dates the testimony (``narrative.dated``, editor40)
            + (f" (édition {jobs.target.edition})." if opening and narrative.dated(jobs.target) is jobs.target
               else ".")
        )
        first, last = jobs.table.iloc[0], jobs.table.iloc[-1]
        # « une croissance de 17 % par an », not « de +17 % »: the noun carries the direction
        noun = "une croissance" if jobs.total_change >= 0 else "une baisse"
        unsigned = lambda t: t.lstrip("+−-")  # noqa: E731
        # a horizon already past in the edition's year is told in the conditional past (« il aurait fallu »)
        passed = [jobs.start_year + int(y) <= edition for y in (first["years"], last["years"])]
        text += (
            f"\n\nÀ rythme constant, il {'aurait fallu' if passed[0] else 'faudrait'} {noun} des emplois de "
            f"{unsigned(first['texte'])} pour y parvenir en {formatting.small_number(first['years'], 0)} ans"
        )
        if len(jobs.table) > 1:
            again = "et" if passed[1] == passed[0] else ("et il faudrait encore" if not passed[1] else "et")
            text += f", {again} {unsigned(last['texte'])} en {formatting.small_number(last['years'], 0)} ans"
        # the jobs to add in all, not a year's average: « 50 000 par an » read beside the agreement's « 50 000
        # emplois créés en trois ans », quoted below, made two different 50 000 (editor42)
        added = formatting.number(jobs.target.central - jobs.current.central, 0)
        text += f" (échéances choisies par le livre) : {added} emplois de plus."
        if agreement_years is not None:
            within = jobs.table.index[jobs.table["years"] == agreement_years]
            if len(within):  # one of the horizons is the agreement's own: say so, not its rate twice
                which = ("Cette" if len(jobs.table) == 1 else "La première" if within[0] == jobs.table.index[0]
                         else "La dernière")
                # the duration an older edition reported is told in the past, with its year
                of_project = (f"que prévoyait{narrative.in_year(duration)} le projet" if duration.from_older_edition
                              else "du projet")
                text += (f" {which} échéance est aussi la durée {of_project} de l'accord-cadre, "
                         f"{cite(duration, with_noun=True)}.")
            else:
                rate = formatting.percent(model.required_annual_growth(jobs.current.central, jobs.target.central,
                                                               agreement_years) * 100, signed=True) + " par an"
                text += (
                    f" Atteint sur les {cite(duration, with_noun=True)} du projet de l'accord-cadre, l'objectif "
                    f"supposerait {rate}."
                )
        paragraphs.append(text)
        # the target against the jobs the barometer measured since (outsourcers only, said so)
        measured = jobs_against_target(ds, edition, jobs, duration)
        if measured:
            paragraphs.append(measured)
    else:
        missing.append(ds.indicators["customer_relation_jobs"].label_fr + " (aujourd'hui et objectif)")
    return Mission(assises, jobs, duration, agreement_years, first, paragraphs, missing)
