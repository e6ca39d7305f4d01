"""Explorable models: charts whose sliders recompute the model in the page, with no kernel.

Each explorer writes the model's formula as a Vega expression, starts its sliders at
the executed notebook's parameters, and carries, as its CSV, the model's own table at
those defaults (computed by the tested Python model). A test checks that the Vega
expression and the Python model agree at the defaults.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.charts import PALETTE, VALUE_SCHEME_COLOURS, ChartOutput, chart_output
from barometre.labels import VALUE_SCHEME_LABELS
from barometre.models import offshore as offshore_model
from barometre.models import prices as prices_model
from barometre.models import value as value_model
from barometre.narrative.templating import phrase

WORDS = "book/explorers/explorers.md.j2"  # the explorers' titles, descriptions and note
NOTE = phrase(WORDS, "note")


# How the page writes a slider's value beside it (see _static/barometre.js): a share as a French percent
# (0.08 -> « 8 % », -0.5 -> « −50 % »), never the raw number.
SLIDER_FORMATS = ("percent",)


def _slider(name: str, value: float, low: float, high: float, step: float, label: str,
            fmt: str = "percent") -> alt.Parameter:
    if not low <= value <= high:
        raise ValueError(f"the default of {name} ({value!r}) must lie between {low!r} and {high!r}")
    if fmt not in SLIDER_FORMATS:
        raise ValueError(f"slider format must be one of {', '.join(SLIDER_FORMATS)}, got {fmt!r}")
    return alt.param(name=name, value=value, bind=alt.binding_range(min=low, max=high, step=step, name=label))


def slider_text(value: float, fmt: str = "percent") -> str:
    """The value a slider shows, as the page writes it (the same rule as _static/barometre.js)."""
    return formatting.percent(value * 100)


def _slider_formats(chart: alt.TopLevelMixin) -> dict[str, str]:
    return {p.name: "percent" for p in chart.params if getattr(p, "bind", alt.Undefined) is not alt.Undefined}


# --------------------------------------------------------------------------- value

# The static value charts' labels and colours: a contract keeps its colour across the page.
VALUE_SCHEMES, VALUE_COLOURS = VALUE_SCHEME_LABELS, VALUE_SCHEME_COLOURS


def value_expressions(target: str, bonus: str) -> dict[str, str]:
    """Revenue per request (price of a call = 1), no cap, as Vega expressions of ``datum.r``."""
    return {
        "per_call": "1 / datum.r",
        "per_resolution": f"1 / {target}",  # the per-call equivalent at the target rate
        "bonus_malus": f"max(0, 1 + {bonus} * 100 * (datum.r - {target})) / datum.r",
    }


def value_explorer(target_rate: float, bonus_per_point: float, source: str) -> ChartOutput:
    target = _slider("objectif", target_rate, 0.4, 0.99, 0.01, "Objectif de résolution au premier contact ")
    bonus = _slider("bonus", bonus_per_point, 0.0, 0.05, 0.001, "Bonus/malus par point (part du prix) ")
    calc = value_expressions("objectif", "bonus")
    chart = (
        alt.Chart(alt.sequence(40, 101, 1, as_="pct"))
        .transform_calculate(r="datum.pct / 100", **calc)
        .transform_fold(list(VALUE_SCHEMES), as_=["régime", "revenu"])
        .transform_calculate(
            contrat=_label_expression(VALUE_SCHEMES, "datum['régime']"),
            texte="format(datum.revenu, ',.2f') + '\u00a0prix d\\'appel'",
        )
        .mark_line()
        .encode(
            x=alt.X("pct:Q", title="Résolution au premier contact (%)", scale=alt.Scale(domain=[40, 100])),
            y=alt.Y("revenu:Q", title="Revenu par demande (prix d'un appel = 1)"),
            color=alt.Color("contrat:N", title=None, sort=list(VALUE_SCHEMES.values()),
                            scale=alt.Scale(domain=list(VALUE_SCHEMES.values()), range=VALUE_COLOURS),
                            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=320)),
            tooltip=[alt.Tooltip("pct:Q", title="Résolution (%)"), alt.Tooltip("contrat:N", title="Contrat"),
                     alt.Tooltip("texte:N", title="Revenu par demande")],
        )
        .add_params(target, bonus)
        .properties(height=280)
    )
    inputs = value_model.PricingInputs(price_per_call=1.0, cost_per_call=0.0, target_rate=target_rate,
                                       bonus_per_point=bonus_per_point)
    table = value_model.pricing_table(inputs, [x / 100 for x in range(40, 101)])
    return chart_output(
        chart,
        name="valeur-explorer",
        title=phrase(WORDS, "quality_title"),
        source=source,
        description=phrase(WORDS, "quality_description", target_rate, bonus_per_point),
        data=table[["resolution_rate", "scheme", "revenue"]].rename(
            columns={"resolution_rate": "résolution", "scheme": "contrat", "revenue": "revenu_par_demande"}
        ),
        interactive_note=NOTE,
        printable=False,  # sliders need a browser: the PDF leaves the explorer out
        sliders=_slider_formats(chart),
    )


def _label_expression(labels: dict[str, str], field: str) -> str:
    expr = "''"
    for key, label in reversed(list(labels.items())):
        escaped = label.replace("'", "\\'")
        expr = f"{field} === '{key}' ? '{escaped}' : ({expr})"
    return expr


# --------------------------------------------------------------------------- offshore


def offshore_expressions(gap: str, productivity: str, onshore_repeat: str) -> dict[str, str]:
    """Cost per resolved request (France's hourly cost = 100, France's productivity = 1) as Vega
    expressions of ``datum.repeat`` (the offshore repeat rate)."""
    return {
        "France": f"100 / (1 - {onshore_repeat})",
        "Offshore": f"100 * (1 + {gap}) / {productivity} / (1 - datum.repeat)",
    }


def offshore_explorer(rate_gap: float, productivity_ratio: float, onshore_repeat_rate: float,
                      source: str) -> ChartOutput:
    # the data's own gap is the slider's start: an edition where offshore's hourly rate is above France's (a gap
    # above 0) widens the range instead of stopping the chapter (reversed data, stop 39)
    gap = _slider("ecart", rate_gap, min(-0.8, rate_gap), max(0.0, rate_gap), 0.01,
                  "Écart de taux horaire offshore / France ")
    productivity = _slider("productivite", productivity_ratio, min(0.5, productivity_ratio),
                           max(1.5, productivity_ratio), 0.05, "Productivité offshore (en % de la France) ")
    repeat = _slider("rappels_france", onshore_repeat_rate, 0.0, max(0.6, onshore_repeat_rate), 0.01,
                     "Taux de rappel en France ")
    calc = offshore_expressions("ecart", "productivite", "rappels_france")
    chart = (
        alt.Chart(alt.sequence(0, 81, 1, as_="pct"))
        .transform_calculate(repeat="datum.pct / 100", **calc)
        .transform_fold(list(calc), as_=["lieu", "coût"])
        .transform_calculate(texte="format(datum['coût'], ',.1f')")
        .mark_line()
        .encode(
            x=alt.X("pct:Q", title="Demandes rappelées offshore (%)"),
            # No fixed domain: the axis follows the curves wherever the sliders take them (a clamped
            # domain drew a false plateau).
            y=alt.Y("coût:Q", title="Coût par demande résolue (France, 0 rappel = 100)",
                    scale=alt.Scale(zero=True)),
            color=alt.Color("lieu:N", title=None, scale=alt.Scale(domain=["France", "Offshore"],
                                                                  range=[PALETTE[0], PALETTE[1]]),
                            legend=alt.Legend(orient="bottom", labelLimit=320)),
            tooltip=[alt.Tooltip("pct:Q", title="Rappels offshore (%)"), alt.Tooltip("lieu:N", title="Lieu"),
                     alt.Tooltip("texte:N", title="Coût par demande résolue")],
        )
        .add_params(gap, productivity, repeat)
        .properties(height=280)
    )
    table = pd.DataFrame(
        [
            {
                "rappels_offshore": x / 100,
                "cout_france": offshore_model.cost_per_resolved_request(100.0, 1.0, onshore_repeat_rate),
                "cout_offshore": offshore_model.cost_per_resolved_request(
                    offshore_model.offshore_hourly_cost(100.0, rate_gap), productivity_ratio, x / 100
                ),
            }
            for x in range(0, 81)
        ]
    )
    return chart_output(
        chart,
        name="offshore-explorer",
        title=phrase(WORDS, "offshore_title"),
        source=source,
        description=phrase(WORDS, "offshore_description", rate_gap, productivity_ratio, onshore_repeat_rate),
        data=table,
        interactive_note=NOTE,
        printable=False,  # sliders need a browser: the PDF leaves the explorer out
        sliders=_slider_formats(chart),
    )


# --------------------------------------------------------------------------- prices


def margin_expression(start_margin: str, personnel: str, gain: str) -> str:
    """The operating margin (%) as a Vega expression of the year's factors (see models.prices.margin)."""
    return (
        f"100 * (1 - ({personnel} * datum.wage_factor / pow(1 + {gain}, datum.years) "
        f"+ (1 - {start_margin} - {personnel}) * datum.cpi_factor) / datum.price_factor)"
    )


def prices_explorer(factors: pd.DataFrame, start_margin: float, personnel_share: float,
                    productivity_gain: float, source: str) -> ChartOutput:
    """``factors``: year, years, wage_factor, cpi_factor, price_factor_low, price_factor_high."""
    margin = _slider("marge_depart", start_margin, 0.0, 0.2, 0.005, "Marge de départ ")
    gain = _slider("gain", productivity_gain, 0.0, 0.1, 0.001, "Gain de productivité annuel ")
    expr = margin_expression("marge_depart", str(personnel_share), "gain")
    long = factors.melt(
        id_vars=["year", "years", "wage_factor", "cpi_factor"],
        value_vars=["price_factor_low", "price_factor_high"], var_name="bout", value_name="price_factor",
    )
    long["fourchette"] = long["bout"].map({"price_factor_low": "Prix le plus bas", "price_factor_high":
                                           "Prix le plus haut"})
    chart = (
        alt.Chart(long)
        .transform_calculate(marge=expr)
        .transform_calculate(texte="format(datum.marge, ',.1f') + '\u00a0%'")
        .mark_line(point=True)
        .encode(
            # a quantitative year axis takes as many years as the width holds (« 200020012002 » at 360 px)
            x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("marge:Q", title="Marge opérationnelle (% du chiffre d'affaires)"),
            color=alt.Color("fourchette:N", title=None, scale=alt.Scale(range=[PALETTE[3], PALETTE[1]]),
                            legend=alt.Legend(orient="bottom", labelLimit=320)),
            tooltip=[alt.Tooltip("year:Q", title="Année", format="d"), alt.Tooltip("fourchette:N", title="Hypothèse"),
                     alt.Tooltip("texte:N", title="Marge")],
        )
        .add_params(margin, gain)
        .properties(height=280)
    )
    inputs = prices_model.MarginInputs(start_margin, personnel_share, productivity_gain)
    long["marge_au_depart"] = [
        prices_model.margin(inputs, r.wage_factor, r.cpi_factor, r.price_factor, r.years) * 100
        for r in long.itertuples()
    ]
    return chart_output(
        chart,
        name="prix-explorer",
        title=phrase(WORDS, "margin_title"),
        source=source,
        description=phrase(WORDS, "margin_description", start_margin, productivity_gain),
        data=long[["year", "fourchette", "wage_factor", "cpi_factor", "price_factor", "marge_au_depart"]],
        interactive_note=NOTE,
        printable=False,  # sliders need a browser: the PDF leaves the explorer out
        sliders=_slider_formats(chart),
    )
