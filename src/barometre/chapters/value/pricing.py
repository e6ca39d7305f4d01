"""« Payer la qualité »: the pricing schemes' model, its curves, the cap table and their charts."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.chapters.value.common import SCHEME_COLOURS, SCHEME_LABELS
from barometre.charts import (
    PALETTE,
    ChartOutput,
    chart_output,
)
from barometre.formatting import percent_of_one
from barometre.models import value as model
from barometre.narrative.templating import phrase


def pricing_inputs(cost_ratio: float, fcr_target: float, bonus_per_point: float, max_contacts: int) -> model.PricingInputs:
    """The scenario of the chapter: prices in units of the base price of one call (= 1)."""
    return model.PricingInputs(
        price_per_call=1.0,
        cost_per_call=cost_ratio,
        target_rate=fcr_target,
        bonus_per_point=bonus_per_point,
        max_contacts=max_contacts if max_contacts > 0 else None,
    )


@dataclass(frozen=True)
class SchemeResult:
    scheme: str
    revenue_low: float
    revenue_high: float
    margin_low: float
    margin_high: float

    @property
    def revenue_change(self) -> float:
        return model.relative_change(self.revenue_low, self.revenue_high)

    @property
    def label(self) -> str:
        return SCHEME_LABELS[self.scheme]


def compare_schemes(inputs: model.PricingInputs, fcr_low: float, fcr_high: float) -> dict[str, SchemeResult]:
    """Revenue and margin per request at the two resolution rates, for each scheme."""
    return {
        s: SchemeResult(
            s,
            model.revenue(s, inputs, fcr_low),
            model.revenue(s, inputs, fcr_high),
            model.margin(s, inputs, fcr_low),
            model.margin(s, inputs, fcr_high),
        )
        for s in model.SCHEMES
    }


def pricing_curves(inputs: model.PricingInputs, low: float = 0.4, high: float = 1.0) -> pd.DataFrame:
    """Revenue and margin per request by resolution rate and scheme, with French columns."""
    df = model.pricing_table(inputs, model.rate_grid(low, high, 0.01))
    return pd.DataFrame(
        {
            "résolution": (df["resolution_rate"] * 100).round(1),
            "mode": df["scheme"].map(SCHEME_LABELS),
            "revenu": df["revenue"],
            "marge": df["margin"],
            "contacts": df["contacts"],
            "texte résolution": df["resolution_rate"].map(percent_of_one),
            "texte revenu": df["revenue"].map(lambda v: formatting.number(v, 2)),
            "texte marge": df["margin"].map(lambda v: formatting.number(v, 2)),
            "texte contacts": df["contacts"].map(lambda v: formatting.number(v, 2)),
        }
    )


def _markers(fcr_low: float, fcr_high: float) -> alt.Chart:
    marks = pd.DataFrame(
        {"résolution": [fcr_low * 100, fcr_high * 100], "repère": ["avant", "après"],
         "texte": [percent_of_one(fcr_low), percent_of_one(fcr_high)]}
    )
    return alt.Chart(marks).mark_rule(strokeDash=[4, 4], color="#444").encode(
        x="résolution:Q", tooltip=[alt.Tooltip("repère:N", title="Scénario"), alt.Tooltip("texte:N", title="Résolution")]
    )


def _curve_chart(curves: pd.DataFrame, field: str, title: str, fcr_low: float, fcr_high: float) -> alt.LayerChart:
    lines = (
        alt.Chart(curves)
        .mark_line()
        .encode(
            x=alt.X("résolution:Q", title="Résolution au premier contact (%)", scale=alt.Scale(zero=False)),
            y=alt.Y(f"{field}:Q", title=title),
            color=alt.Color("mode:N", title=None, sort=list(SCHEME_LABELS.values()),
                            scale=alt.Scale(domain=list(SCHEME_LABELS.values()), range=SCHEME_COLOURS),
                            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400)),
            strokeDash=alt.StrokeDash("mode:N", sort=list(SCHEME_LABELS.values()), legend=None,
                                      scale=alt.Scale(domain=list(SCHEME_LABELS.values()),
                                                      range=[[1, 0], [6, 3], [2, 2]])),
            tooltip=[alt.Tooltip("mode:N", title="Mode de paiement"),
                     alt.Tooltip("texte résolution:N", title="Résolution au premier contact"),
                     alt.Tooltip(f"texte {field}:N", title=title),
                     alt.Tooltip("texte contacts:N", title="Contacts par demande")],
        )
    )
    return (lines + _markers(fcr_low, fcr_high)).properties(height=280)


def revenue_chart(curves: pd.DataFrame, results: dict[str, SchemeResult], fcr_low: float,
                  fcr_high: float, *, source: str) -> ChartOutput:
    return chart_output(
        _curve_chart(curves, "revenu", "Revenu par demande (prix d'un appel = 1)", fcr_low, fcr_high),
        name="valeur-revenu-par-demande",
        title="Revenu par demande selon le contrat",
        source=source,
        description=phrase("chapters/value/charts.md.j2", "revenue_description", list(results.values()), results["per_call"], fcr_low,
                           fcr_high),
        data=curves[["résolution", "mode", "revenu", "contacts", "texte revenu"]],
    )


def margin_chart(curves: pd.DataFrame, results: dict[str, SchemeResult], inputs: model.PricingInputs,
                 fcr_low: float, fcr_high: float, *, source: str) -> ChartOutput:
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888").encode(y="y:Q")
    return chart_output(
        _curve_chart(curves, "marge", "Marge par demande (prix d'un appel = 1)", fcr_low, fcr_high) + zero,
        name="valeur-marge-par-demande",
        title="Marge par demande selon le contrat",
        source=source,
        description=phrase("chapters/value/charts.md.j2", "margin_description", list(results.values()), inputs.cost_per_call, fcr_low,
                           fcr_high),
        data=curves[["résolution", "mode", "marge", "contacts", "texte marge"]],
    )


def cap_table(caps: list[int], low: float = 0.4, high: float = 1.0) -> pd.DataFrame:
    """Unresolved share and contacts per request by resolution rate, for each cap on contacts."""
    rows = []
    for cap in caps:
        for r in model.rate_grid(low, high, 0.01):
            unresolved = model.unresolved_share(r, cap)
            contacts = model.expected_contacts(r, cap)
            rows.append(
                {
                    "résolution": round(r * 100, 1),
                    "plafond": f"{cap} contact{'s' if cap > 1 else ''} au plus",
                    "rang": cap,
                    "non résolues": unresolved * 100,
                    "contacts": contacts,
                    "texte résolution": percent_of_one(r),
                    "texte non résolues": percent_of_one(unresolved),
                    "texte contacts": formatting.number(contacts, 2),
                }
            )
    return pd.DataFrame(rows)


def cap_chart(table: pd.DataFrame, fcr_low: float, fcr_high: float, *, source: str) -> ChartOutput:
    lines = (
        alt.Chart(table)
        .mark_line()
        .encode(
            x=alt.X("résolution:Q", title="Résolution au premier contact (%)", scale=alt.Scale(zero=False)),
            y=alt.Y("non résolues:Q", title="Demandes jamais résolues (%)"),
            color=alt.Color("plafond:N", title=None, sort=alt.SortField("rang"),
                            scale=alt.Scale(range=[PALETTE[3], PALETTE[1], PALETTE[0], PALETTE[2]]),
                            legend=alt.Legend(orient="bottom", direction="vertical")),
            tooltip=[alt.Tooltip("plafond:N", title="Plafond"),
                     alt.Tooltip("texte résolution:N", title="Résolution au premier contact"),
                     alt.Tooltip("texte non résolues:N", title="Demandes jamais résolues"),
                     alt.Tooltip("texte contacts:N", title="Contacts par demande")],
        )
    )
    at = []  # the unresolved share under each cap at the two rates
    for rate in (fcr_low, fcr_high):
        sub = table[(table["résolution"] - rate * 100).abs() < 1e-6]
        at.append((rate, list(zip(sub["plafond"], sub["texte non résolues"], strict=True))))
    return chart_output(
        (lines + _markers(fcr_low, fcr_high)).properties(height=260),
        name="valeur-plafond-de-contacts",
        title="Demandes jamais résolues",
        source=source,
        description=phrase("chapters/value/charts.md.j2", "cap_description", at),
        data=table[["résolution", "plafond", "non résolues", "contacts", "texte non résolues"]],
    )


def caps_to_show(max_contacts: int) -> list[int]:
    """The caps of the chart: 1 to 3 contacts, plus the reader's cap if it is another one."""
    caps = {1, 2, 3}
    if max_contacts > 0:
        caps.add(max_contacts)
    return sorted(caps)
