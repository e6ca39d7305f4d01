"""Chapter « Résilience face à la crise »: the tables and charts, from data and models."""

from __future__ import annotations

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.chapters.synthesis import ChapterSummary
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.models import resilience as model
from barometre.narrative import cite, de, source_line

CHAPTER = "resilience"
SECTOR_EVENT_KINDS = ("market_opening", "public_service_outsourcing")


def growth_table(ds: Dataset, edition: int) -> tuple[pd.DataFrame, list[Figure]]:
    """Revenue growth for every year the editions up to ``edition`` publish, plus the forecast."""
    series = ds.series("revenue_growth", scope="market", upto=edition)
    figs = [ds.figure("revenue_growth", int(r.edition), scope="market", period=r.period) for r in series.itertuples()]
    rows = [
        {
            "année": f.period,
            "croissance": f.central,
            "type": "Réalisé (baromètre)",
            "texte": formatting.figure_text(f),
            "édition": f.edition,
        }
        for f in figs
    ]
    forecast = ds.find("revenue_growth_forecast", edition)
    if forecast is not None and forecast.published:
        figs.append(forecast)
        rows.append(
            {
                "année": forecast.period,
                "croissance": forecast.central,
                "type": "Prévision (" + forecast.source_name + ")",
                "texte": formatting.figure_text(forecast),
                "édition": forecast.edition,
            }
        )
    return pd.DataFrame(rows), figs


def growth_chart(table: pd.DataFrame, figs: list[Figure], edition: int) -> ChartOutput:
    base = alt.Chart(table).encode(
        x=alt.X("année:N", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("croissance:Q", title="Croissance du chiffre d'affaires (%)", scale=alt.Scale(domainMin=0)),
        color=alt.Color(
            "type:N", title=None, sort="descending", scale=alt.Scale(range=[PALETTE[0], PALETTE[1]]),
            legend=alt.Legend(orient="bottom")
        ),
        tooltip=[alt.Tooltip("année:N", title="Année"), alt.Tooltip("texte:N", title="Croissance"),
                 alt.Tooltip("type:N", title="Nature")],
    )
    bars = base.mark_bar(size=48)
    labels = base.mark_text(dy=-8).encode(text="texte:N", color=alt.value("#222"))
    years = ", ".join(table["année"])
    return chart_output(
        (bars + labels).properties(height=260),
        name="resilience-croissance",
        title="La croissance des outsourceurs ne faiblit pas",
        source=source_line(figs),
        description=(
            f"Diagramme en barres de la croissance annuelle du chiffre d'affaires des outsourceurs pour "
            f"{years} : " + "; ".join(f"{a} : {t}" for a, t in zip(table["année"], table["texte"], strict=True))
            + ". La dernière barre est une prévision, donnée comme un minimum."
        ),
        data=table,
    )


def market_share_chart(share: Figure) -> ChartOutput:
    outsourced = share.central
    table = pd.DataFrame(
        [
            {"mode": "Centres externalisés", "part": outsourced, "texte": formatting.figure_text(share),
             "rang": 1},
            {"mode": "Services clients internes", "part": 100 - outsourced,
             "texte": formatting.percent(100 - outsourced), "rang": 2},
        ]
    )
    chart = (
        alt.Chart(table)
        .mark_bar(size=46)
        .encode(
            x=alt.X("part:Q", stack="zero", title="Part du marché de la relation client (%)",
                    scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("mode:N", title=None, scale=alt.Scale(range=[PALETTE[0], "#c9c9c9"]),
                            sort=["Centres externalisés"]),
            order=alt.Order("rang:Q"),
            tooltip=[alt.Tooltip("mode:N", title="Mode"), alt.Tooltip("texte:N", title="Part")],
        )
        .properties(height=90)
    )
    return chart_output(
        chart,
        name="resilience-part-externalisee",
        title="Un quart seulement du marché est externalisé",
        source=source_line([share]),
        description=(
            f"Barre empilée : centres externalisés {formatting.figure_text(share)}, "
            f"services clients internes {formatting.percent(100 - outsourced)} (complément à 100)."
        ),
        data=table,
    )


def sector_events(ds: Dataset, edition: int) -> pd.DataFrame:
    events = ds.events(edition)
    if events.empty:
        return events
    events = events[events["kind"].isin(SECTOR_EVENT_KINDS)].copy()
    events["date_texte"] = events["date"].map(formatting.event_date)
    events["année"] = events["date"].str[:4].astype(int)
    events["secteur"] = events["kind"].map(
        {"market_opening": "Énergie", "public_service_outsourcing": "Services publics"}
    )
    return events.sort_values("date").reset_index(drop=True)


def sectors_chart(events: pd.DataFrame) -> ChartOutput:
    table = events[["année", "date_texte", "secteur", "target", "actor", "quote"]].rename(
        columns={"target": "objet", "actor": "acteur", "quote": "citation"}
    )
    chart = (
        alt.Chart(table)
        .mark_point(size=180, filled=True)
        .encode(
            x=alt.X("année:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("secteur:N", title=None),
            color=alt.Color("secteur:N", legend=None, scale=alt.Scale(range=[PALETTE[2], PALETTE[4]])),
            tooltip=[alt.Tooltip("date_texte:N", title="Date"), alt.Tooltip("objet:N", title="Objet"),
                     alt.Tooltip("acteur:N", title="Acteur")],
        )
        .properties(height=120)
    )
    text = ", ".join(f"{r.objet} ({r.date_texte})" for r in table.itertuples())
    return chart_output(
        chart,
        name="resilience-secteurs",
        title="De nouveaux donneurs d'ordres : l'énergie et l'État",
        source="Relation Client Magazine (2009), d'après les faits rapportés par l'article",
        description=f"Frise des ouvertures à l'externalisation citées par l'article : {text}.",
        data=table,
    )


def premium_chart(premium: Figure, savings_before: Figure, savings_now: Figure) -> ChartOutput:
    table = pd.DataFrame(
        [
            {"indicateur": "Écart de salaire, grands groupes vs outsourceurs", "bas": premium.low,
             "haut": premium.high, "texte": formatting.figure_text(premium)},
            {"indicateur": "Économies demandées auparavant", "bas": savings_before.central,
             "haut": savings_before.central, "texte": formatting.figure_text(savings_before)},
            {"indicateur": "Économies demandées aujourd'hui", "bas": savings_now.central,
             "haut": savings_now.central, "texte": formatting.figure_text(savings_now)},
        ]
    )
    base = alt.Chart(table).encode(
        y=alt.Y("indicateur:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
        tooltip=[alt.Tooltip("indicateur:N", title="Indicateur"), alt.Tooltip("texte:N", title="Valeur")],
    )
    rule = base.mark_rule(strokeWidth=10, color=PALETTE[0]).encode(
        x=alt.X("bas:Q", title="%", scale=alt.Scale(domain=[0, 100])), x2="haut:Q"
    )
    dots = base.mark_point(filled=True, size=140, color=PALETTE[0]).encode(x="haut:Q")
    labels = base.mark_text(align="left", dx=10).encode(x="haut:Q", text="texte:N")
    return chart_output(
        (rule + dots + labels).properties(height=150),
        name="resilience-argument-cout",
        title="L'argument du coût",
        source=source_line([premium, savings_before, savings_now]),
        description=(
            f"Salaires des grands groupes supérieurs de {formatting.figure_text(premium)} à ceux des "
            f"outsourceurs ; économies demandées aux donneurs d'ordres : {formatting.figure_text(savings_before)} "
            f"auparavant, {formatting.figure_text(savings_now)} aujourd'hui."
        ),
        data=table,
    )


def payback_curves(
    premium: Figure, labour_share: float, provider_margin: float, transition_cost_months: float,
    horizon_months: int = 48,
) -> pd.DataFrame:
    """Cumulative net saving for the low and high ends of the article's salary gap."""
    frames = []
    for end, gap in (("bas", premium.bounds[0]), ("haut", premium.bounds[1])):
        inputs = model.PaybackInputs(gap / 100, labour_share, provider_margin, transition_cost_months)
        df = model.cumulative_savings(inputs, range(horizon_months + 1))
        df["écart de salaire"] = f"Écart de {formatting.percent(gap)}"
        df["extrémité"] = end
        df["texte"] = df["net_saving"].map(lambda v: formatting.number(v, 1) + " mois")
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def payback_chart(curves: pd.DataFrame, breakeven_months: float, figs: list[Figure]) -> ChartOutput:
    lines = (
        alt.Chart(curves)
        .mark_line()
        .encode(
            x=alt.X("month:Q", title="Mois depuis l'externalisation"),
            y=alt.Y("net_saving:Q", title="Économie nette cumulée (mois de coût interne)"),
            color=alt.Color("écart de salaire:N", title=None, scale=alt.Scale(range=[PALETTE[1], PALETTE[0]])),
            tooltip=[alt.Tooltip("month:Q", title="Mois"), alt.Tooltip("texte:N", title="Économie nette"),
                     alt.Tooltip("écart de salaire:N", title="Hypothèse")],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888").encode(y="y:Q")
    mark = alt.Chart(pd.DataFrame({"x": [breakeven_months]})).mark_rule(strokeDash=[4, 4], color="#444").encode(
        x="x:Q"
    )
    return chart_output(
        (lines + zero + mark).properties(height=280),
        name="resilience-retour-sur-investissement",
        title="Le coût de départ est remboursé en deux ans environ",
        source=source_line(figs) + " ; modèle et hypothèses du livre",
        description=(
            "Courbes de l'économie nette cumulée après externalisation, pour les deux extrémités de l'écart de "
            "salaire cité : négative au départ (coût de transition), elle devient positive au point mort, "
            f"marqué par la ligne pointillée à {formatting.number(breakeven_months, 0)} mois."
        ),
        data=curves[["month", "net_saving", "écart de salaire"]],
    )


def breakeven_heatmap(grid: pd.DataFrame, figs: list[Figure]) -> ChartOutput:
    table = grid.copy()
    table["écart"] = (table["salary_premium"] * 100).round().astype(int)
    table["mois"] = table["breakeven_months"].clip(upper=120)
    table["texte"] = table["breakeven_months"].map(
        lambda v: "jamais" if v == float("inf") else formatting.number(v, 0) + " mois"
    )
    table["économie"] = table["saving_rate"].map(lambda v: formatting.percent(v * 100))
    chart = (
        alt.Chart(table)
        .mark_rect()
        .encode(
            x=alt.X("écart:O", title="Écart de salaire interne / outsourceur (%)"),
            y=alt.Y("transition_cost_months:O", title="Coût de transition (mois de coût interne)", sort="descending"),
            color=alt.Color("mois:Q", title="Point mort (mois)", scale=alt.Scale(scheme="viridis", reverse=True)),
            tooltip=[alt.Tooltip("écart:O", title="Écart de salaire (%)"),
                     alt.Tooltip("transition_cost_months:O", title="Coût de transition (mois)"),
                     alt.Tooltip("économie:N", title="Économie annuelle"),
                     alt.Tooltip("texte:N", title="Point mort")],
        )
        .properties(height=260)
    )
    return chart_output(
        chart,
        name="resilience-point-mort",
        title="Le point mort selon l'écart de salaire et le coût de transition",
        source=source_line(figs) + " ; modèle et hypothèses du livre",
        description=(
            "Carte de chaleur du nombre de mois avant que l'externalisation ne soit rentable : il diminue quand "
            "l'écart de salaire augmente et augmente avec le coût de transition."
        ),
        data=table[["écart", "transition_cost_months", "économie", "texte"]],
    )


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway (data only), glued by the chapter and shown by the synthesis."""
    growth = ds.figure("revenue_growth", edition, scope="market", period=edition)
    share = ds.figure("outsourced_market_share", edition)
    return ChapterSummary(
        chapter=CHAPTER,
        key_label=growth.label,
        key_figure=f"{cite(growth)} en {edition}",
        takeaway=(
            f"La crise n'a pas freiné les outsourceurs : croissance {de(growth)} en {edition}, pour un marché "
            f"externalisé à {cite(share)} seulement."
        ),
    )
