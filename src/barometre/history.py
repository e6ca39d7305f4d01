"""Indicators across editions: the series a chapter draws by year, whatever indicators the data hold.

A new indicator needs no code: listed in ``data/indicators.csv`` with its chapter, it is
validated, listed in the annex, and drawn here, one panel per indicator and scope (one
quantity per axis), as soon as the editions up to the book's edition publish at least
two periods of it.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure, period_end
from barometre.labels import scope_label
from barometre.narrative import source_line

YEARLY = r"^\d{4}$"
PANEL_WIDTH = 260  # pixels: a panel, its axis and its labels fit in 360 px


def yearly_history(ds: Dataset, indicators: list[str], edition: int, *, min_periods: int = 2) -> pd.DataFrame:
    """One row per (indicator, scope, year) as known in ``edition``: yearly periods only, for the
    series that have at least ``min_periods`` years."""
    rows = []
    for indicator in indicators:
        scopes = sorted({k[0] for k in ds._resolved(indicator, edition)})
        for scope in scopes:
            series = ds.series(indicator, scope=scope, upto=edition)
            if series.empty:
                continue
            series = series[series["period"].astype(str).str.match(YEARLY)]
            if len(series) < min_periods:
                continue
            for r in series.itertuples():
                fig = ds.figure(indicator, edition, scope=scope, period=r.period)
                rows.append({
                    "indicateur": fig.label,
                    "périmètre": scope_label(scope),
                    "panneau": fig.label + ("" if scope == "market" else f" ({scope_label(scope)})"),
                    "année": int(period_end(r.period)),
                    "valeur": float(fig.central),
                    "texte": formatting.figure_text(fig),
                    "édition": int(fig.edition),
                    "unité": fig.unit,
                    "_figure": fig,
                })
    return pd.DataFrame(rows)


def figures_of(table: pd.DataFrame) -> list[Figure]:
    return list(table["_figure"]) if not table.empty else []


def history_chart(table: pd.DataFrame, *, name: str, title: str, edition: int) -> ChartOutput:
    """Small multiples: one panel per indicator and scope, years on x, each with its own y scale
    (one quantity per axis), the value as the text writes it in the tooltip."""
    data = table.drop(columns=["_figure"])
    panels = list(dict.fromkeys(data["panneau"]))
    base = alt.Chart(data).encode(
        x=alt.X("année:O", title=None, axis=alt.Axis(labelAngle=0, labelOverlap=True)),
        y=alt.Y("valeur:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(tickCount=4)),
        tooltip=[alt.Tooltip("panneau:N", title="Indicateur"), alt.Tooltip("année:O", title="Année"),
                 alt.Tooltip("texte:N", title="Valeur"), alt.Tooltip("édition:O", title="Édition")],
    )
    # one column of panels, each narrow enough for a 360 px screen (a facet cannot shrink to its container)
    layered = (base.mark_line(color=PALETTE[0]) + base.mark_point(color=PALETTE[0])).properties(
        width=PANEL_WIDTH, height=120
    )
    chart = layered.facet(
        facet=alt.Facet("panneau:N", title=None, sort=panels, header=alt.Header(labelLimit=260, labelFontSize=12)),
        columns=1,
        spacing=18,
    ).resolve_scale(y="independent")
    years = sorted(set(data["année"]))
    description = (
        f"Petits multiples, un panneau par indicateur, de {years[0]} à {years[-1]} (valeurs connues dans "
        f"l'édition {edition}) : "
        + " ; ".join(
            f"{p} : " + ", ".join(f"{r['année']} {r['texte']}" for _, r in data[data['panneau'] == p].iterrows())
            for p in panels
        )
        + "."
    )
    return chart_output(
        chart,
        name=name,
        title=title,
        source=source_line(figures_of(table)),
        description=description,
        data=data,
    )
