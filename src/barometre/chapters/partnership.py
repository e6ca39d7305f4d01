"""Chapter « Un métier de partenariat »: jobs, training and the client–provider relationship."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.chapters.synthesis import ChapterSummary, Said, percent_of_one, person, quote
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.models import partnership as model
from barometre.narrative import cite, de, md_escape, source_line

CHAPTER = "partnership"
AGREEMENT_EVENT_KINDS = ("agreement", "conference")
AGREEMENT_LABEL = "Durée de l'accord-cadre"
OTHER_LABEL = "Hypothèses du livre"
EUR_PER_MILLION = 1_000_000  # unit conversion of the eur_million unit

# indicator -> (row label, label of the share, label of its complement)
WORKFORCE = {
    "permanent_contract_share": ("Contrats", "CDI", "Autres contrats"),
    "part_time_share": ("Temps de travail", "Temps partiel", "Temps plein"),
    "graduate_share": ("Niveau d'études", "Bac + 1 et plus", "En deçà du bac + 1"),
}


# --------------------------------------------------------------------------- words

__all__ = ["de", "percent_of_one", "person", "quote", "summary"]


def event_quote(ds: Dataset, event: pd.Series, *, attribution: bool = True) -> str:
    """The quote of an event row (events/<edition>.csv), attributed to its source."""
    src = ds.sources[event["source"]]
    who = f"{src.name} ({src.role})" if src.role else src.name
    return quote(Said(event["quote"], who), attribution=attribution)


# --------------------------------------------------------------------------- workforce


def workforce(ds: Dataset, edition: int) -> list[Figure]:
    """The published workforce shares of the edition (CDI, part time, graduates)."""
    figs = [ds.find(indicator, edition) for indicator in WORKFORCE]
    return [f for f in figs if f is not None and f.published]


def workforce_table(figs: list[Figure]) -> pd.DataFrame:
    """Two rows per share: the share the barometer reports (« CDI ») and its complement."""
    rows = []
    for fig in figs:
        _, part, rest = WORKFORCE[fig.indicator]
        rows.append({"ligne": part, "catégorie": part, "part": fig.central, "texte": formatting.figure_text(fig),
                     "ordre": 1, "mis en avant": "oui"})
        rows.append({"ligne": part, "catégorie": rest, "part": 100 - fig.central,
                     "texte": formatting.percent(100 - fig.central), "ordre": 2, "mis en avant": "non"})
    return pd.DataFrame(rows)


INSIDE_LABEL_MIN = 20  # a share of at least this many % is labelled inside its bar


def workforce_chart(table: pd.DataFrame, figs: list[Figure], growth: Figure | None) -> ChartOutput:
    order = list(dict.fromkeys(table["ligne"]))
    y = alt.Y("ligne:N", title=None, sort=order, axis=alt.Axis(labelLimit=140))
    tooltip = [alt.Tooltip("catégorie:N", title="Catégorie"), alt.Tooltip("texte:N", title="Part des salariés")]
    bars = (
        alt.Chart(table)
        .mark_bar(size=30)
        .encode(
            y=y,
            x=alt.X("part:Q", stack="zero", title="Part des salariés des outsourceurs (%)",
                    scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("mis en avant:N", legend=None,
                            scale=alt.Scale(domain=["oui", "non"], range=[PALETTE[0], "#d0d0d0"])),
            order=alt.Order("ordre:Q"),
            tooltip=tooltip,
        )
    )
    shown = table[table["mis en avant"] == "oui"]
    inside = (
        alt.Chart(shown[shown["part"] >= INSIDE_LABEL_MIN])
        .mark_text(align="right", dx=-6, color="white", fontWeight="bold")
        .encode(y=y, x="part:Q", text="texte:N", tooltip=tooltip)
    )
    outside = (
        alt.Chart(shown[shown["part"] < INSIDE_LABEL_MIN])
        .mark_text(align="left", dx=6, color="#222", fontWeight="bold")
        .encode(y=y, x="part:Q", text="texte:N", tooltip=tooltip)
    )
    shares = "; ".join(f"{WORKFORCE[f.indicator][1]} : {formatting.figure_text(f)}" for f in figs)
    extra = ""
    if growth is not None:
        extra = (
            f" Le nombre de salariés de niveau bac + 1 et plus a progressé de {formatting.figure_text(growth)} "
            f"{formatting.period_text(growth.period)}."
        )
    return chart_output(
        (bars + inside + outside).properties(height=alt.Step(46)),
        name="partenariat-profil-des-salaries",
        title="Profil des salariés des outsourceurs",
        source=source_line(figs + ([growth] if growth else [])),
        description=(
            "Barres empilées à 100 % : la part publiée par le baromètre (en bleu) et son complément (en gris). "
            f"{shares}.{extra}"
        ),
        data=table[["catégorie", "part", "texte"]],
    )


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


def jobs_target(ds: Dataset, edition: int, horizons: list[int]) -> JobsTarget:
    current = ds.figure("customer_relation_jobs", edition, scope="current")
    target = ds.figure("customer_relation_jobs", edition, scope="target")
    start = int(current.period[:4])
    df = model.required_growth_table(current.central, target.central, horizons)
    df["échéance"] = df["years"].map(lambda y: start + y)
    df["horizon"] = df["years"].map(lambda y: f"{y} ans ({start + y})")
    df["croissance"] = df["annual_growth"] * 100
    df["texte court"] = df["annual_growth"].map(lambda g: formatting.percent(g * 100, signed=True))
    df["texte"] = df["texte court"] + " par an"
    df["emplois par an"] = df["jobs_added_per_year"].map(lambda n: formatting.number(n, 0))
    return JobsTarget(current, target, horizons, df, start)


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
            f" (+{formatting.percent(jt.total_change * 100)} au total) selon l'échéance, comptée depuis "
            f"{jt.start_year} : {listing}."
        ),
        data=table[["horizon", "years", "croissance", "texte", "emplois par an"]],
    )


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


# --------------------------------------------------------------------------- Numericable


@dataclass(frozen=True)
class Numericable:
    external: Figure
    internal: Figure
    offshore_start: Figure | None

    @property
    def external_share(self) -> float:
        return model.share(self.external.central, self.external.central + self.internal.central)

    @property
    def external_per_internal(self) -> float:
        return self.external.central / self.internal.central

    @property
    def years_offshore(self) -> int | None:
        """Years of offshore at the time of the statement (period of the advisers' figure)."""
        if self.offshore_start is None:
            return None
        return int(self.external.period[:4]) - int(self.offshore_start.central)

    @property
    def figures(self) -> list[Figure]:
        return [f for f in (self.external, self.internal, self.offshore_start) if f is not None]


def numericable(ds: Dataset, edition: int) -> Numericable | None:
    external = ds.find("numericable_external_advisers", edition)
    internal = ds.find("numericable_internal_experts", edition)
    if external is None or internal is None or not (external.published and internal.published):
        return None
    start = ds.find("numericable_offshore_start_year", edition)
    return Numericable(external, internal, start if start is not None and start.published else None)


def numericable_chart(n: Numericable) -> ChartOutput:
    table = pd.DataFrame(
        [
            {"équipe": "Externes", "conseillers": n.external.central,
             "texte": formatting.figure_text(n.external), "part": percent_of_one(n.external_share),
             "détail": "Conseillers chez les prestataires"},
            {"équipe": "Experts internes", "conseillers": n.internal.central,
             "texte": formatting.figure_text(n.internal), "part": percent_of_one(1 - n.external_share),
             "détail": "Conseillers experts en interne"},
        ]
    )
    base = alt.Chart(table).encode(
        y=alt.Y("équipe:N", title=None, sort=None, axis=alt.Axis(labelLimit=140)),
        tooltip=[alt.Tooltip("détail:N", title="Équipe"), alt.Tooltip("texte:N", title="Conseillers"),
                 alt.Tooltip("part:N", title="Part de l'ensemble")],
    )
    bars = base.mark_bar(size=30).encode(
        x=alt.X("conseillers:Q", title="Nombre de conseillers", axis=alt.Axis(tickCount=4),
                scale=alt.Scale(domain=[0, float(table["conseillers"].max()) * 1.15])),
        color=alt.Color("équipe:N", legend=None, scale=alt.Scale(range=[PALETTE[0], PALETTE[2]])),
    )
    labels = base.mark_text(align="left", dx=5).encode(x="conseillers:Q", text="texte:N")
    return chart_output(
        (bars + labels).properties(height=alt.Step(50)),
        name="partenariat-numericable",
        title="Les conseillers de Numericable",
        source=source_line(n.figures),
        description=(
            f"Barres du nombre de conseillers du service clients de Numericable : {formatting.figure_text(n.external)} "
            f"chez ses prestataires ({percent_of_one(n.external_share)} de l'ensemble) et "
            f"{formatting.figure_text(n.internal)} experts en interne, soit "
            f"{formatting.number(n.external_per_internal, 1)} conseillers externes par expert interne."
        ),
        data=table,
    )


# --------------------------------------------------------------------------- synthesis


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway (data only), for the chapter and the synthesis page."""
    cdi = ds.figure("permanent_contract_share", edition)
    graduates = ds.find("graduate_share", edition)
    current = ds.figure("customer_relation_jobs", edition, scope="current")
    target = ds.figure("customer_relation_jobs", edition, scope="target")
    profile = f"{cite(cdi)} de CDI"
    if graduates is not None and graduates.published:
        profile += f", {cite(graduates)} de salariés de niveau bac + 1 et plus"
    change = target.central / current.central - 1
    return ChapterSummary(
        chapter=CHAPTER,
        key_label=cdi.label,
        key_figure=f"{cite(cdi)} en {md_escape(cdi.period)}",
        takeaway=(
            f"Un métier moins précaire qu'on ne le dit ({profile}). La Mission nationale de la relation client "
            f"vise {cite(target, with_noun=True)} contre {cite(current)} aujourd'hui, soit "
            f"{formatting.percent(change * 100, signed=True)}."
        ),
    )
