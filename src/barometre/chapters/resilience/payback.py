"""« Externaliser pour économiser » : the premium, the savings, the payback model and its sensitivity."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.charts import (
    PALETTE,
    ChartOutput,
    bound_direction,
    chart_output,
    qualifier_nature,
    row_labels,
)
from barometre.data import Figure
from barometre.history import PANEL_WIDTH
from barometre.models import resilience as model
from barometre.models.findings import Finding, Takeaway
from barometre.narrative import source_line
from barometre.narrative.templating import phrase, render

TEMPLATES = "chapters/resilience"  # the model's text and its charts' words (``charts.md.j2``)
CHARTS = f"{TEMPLATES}/charts.md.j2"

# The cost argument's two quantities, each on its own axis: a gap between two salaries, and the savings
# clients are asked for (a share of their costs).
PREMIUM_AXES = {"écart": "% de salaire en plus", "économies": "% des coûts"}


def _cost_panel(table: pd.DataFrame, axis: str) -> alt.LayerChart:
    """One quantity: a range as a bar from its low to its high end, a value as a dot, a bound as an open dot
    with an arrow; the value written beside it."""
    high = max(100.0, float(table["haut"].max()) * 1.15)
    base = alt.Chart(table).encode(
        y=alt.Y("indicateur:N", title=None, sort=None, axis=None),
        tooltip=[alt.Tooltip("indicateur:N", title="Indicateur"), alt.Tooltip("texte:N", title="Valeur"),
                 alt.Tooltip("lecture:N", title="Nature")],
    )
    x = alt.X("bas:Q", title=axis, scale=alt.Scale(domain=[0, high]), axis=alt.Axis(tickCount=5))
    rule = base.transform_filter("datum.bas < datum.haut").mark_rule(strokeWidth=10, color=PALETTE[0]).encode(
        x=x, x2="haut:Q")
    dots = base.transform_filter("datum.bas == datum.haut && datum.borne == 0").mark_point(
        filled=True, size=140, color=PALETTE[0], opacity=1).encode(x=x)
    hollow = base.transform_filter("datum.borne != 0").mark_point(
        filled=False, size=140, strokeWidth=2, color=PALETTE[0], opacity=1).encode(x=x)
    heads = [base.transform_filter(f"datum.borne == {sign}").mark_point(
        shape=f"triangle-{side}", filled=True, size=80, color=PALETTE[0], opacity=1, xOffset=14 * sign).encode(x=x)
        for sign, side in ((1, "right"), (-1, "left"))]
    labels = base.mark_text(align="left", dx=12).encode(x="haut:Q", text="texte:N")
    names = row_labels(table, "indicateur", bar_size=10)
    return alt.layer(rule, dots, hollow, *heads, labels, names).properties(
        height=alt.Step(56), width=PANEL_WIDTH)


def premium_chart(premium: Figure, savings_before: Figure, savings_now: Figure) -> ChartOutput:
    # the article's « aujourd'hui » is its year, dated so that a later edition does not say it of 2009
    now = f"en {formatting.period_text(savings_now.period)}"
    rows = []
    for fig, label, kind in ((premium, "Écart de salaire, grands groupes / outsourceurs", "écart"),
                             (savings_before, "Économies demandées auparavant", "économies"),
                             (savings_now, f"Économies demandées {now}", "économies")):
        low, high = fig.bounds
        rows.append({"indicateur": label, "bas": low, "haut": high, "texte": formatting.figure_text(fig),
                     "borne": bound_direction(fig.qualifier), "lecture": qualifier_nature(fig.qualifier),
                     "grandeur": kind})
    table = pd.DataFrame(rows)
    panels = [_cost_panel(table[table["grandeur"] == kind], axis) for kind, axis in PREMIUM_AXES.items()]
    return chart_output(
        alt.vconcat(*panels, spacing=24),
        name="resilience-argument-cout",
        title="L'argument du coût",
        source=source_line([premium, savings_before, savings_now]),
        description=phrase(CHARTS, "premium_description", premium, savings_before, savings_now, now),
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


def payback_chart(curves: pd.DataFrame, breakeven_months: float, figs: list[Figure], *,
                  calibrated: bool = False) -> ChartOutput:
    """The payback curves; ``calibrated``: the transition cost was set so as to give the cited break-even,
    which the title then says instead of showing it as a result."""
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
        title=phrase(CHARTS, "payback_title", breakeven_months, calibrated),
        source=source_line(figs) + " ; modèle et hypothèses du livre",
        description=phrase(CHARTS, "payback_description", breakeven_months),
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
            # level labels, every other one where they would touch (a phone turned all nine on their side)
            x=alt.X("écart:O", title="Écart de salaire interne / outsourceur (%)",
                    axis=alt.Axis(labelAngle=0, labelOverlap="parity")),
            # an ordinal axis shows the raw value (« 14.3 »): the locale's format writes « 14,3 »
            y=alt.Y("transition_cost_months:O", title="Coût de transition (mois de coût interne)", sort="descending",
                    axis=alt.Axis(labelExpr="format(datum.value, ',.1~f')")),
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
        description=phrase(CHARTS, "heatmap_description"),
        data=table[["écart", "transition_cost_months", "économie", "texte"]],
    )


# the sensitivity band of the provider's margin, a book's assumption with no published figure: the
# « À retenir » line gives the result from half to one and a half times the margin set
MARGIN_BAND = (0.5, 1.5)


def saving_band(premium: Figure, labour_share: float, provider_margin: float) -> tuple[list[float], float, float]:
    """The provider's margins of ``MARGIN_BAND`` and the running saving they give over the cited salary gap:
    the lowest with the smallest gap and the highest margin, the highest with the opposite."""
    margins = [provider_margin * k for k in MARGIN_BAND]
    save_low = model.running_saving_rate(premium.bounds[0] / 100, labour_share, margins[1])
    save_high = model.running_saving_rate(premium.bounds[1] / 100, labour_share, margins[0])
    return margins, save_low, save_high


@dataclass(frozen=True)
class SavingBand:
    """The running saving over the cited salary gap and the band of the provider's margins ``MARGIN_BAND``."""

    margins: tuple[float, float]
    save_low: float
    save_high: float


def _band(premium: Figure, labour_share: float, provider_margin: float) -> SavingBand:
    margins, save_low, save_high = saving_band(premium, labour_share, provider_margin)
    return SavingBand((margins[0], margins[1]), save_low, save_high)


def margin_sensitivity(premium: Figure, labour_share: float, provider_margin: float) -> str:
    """The sentence that gives the saving over the band of margins the « À retenir » line uses, so that
    its range is the text's, with its leading space (empty when no margin of the band leaves a saving)."""
    text = phrase(f"{TEMPLATES}/_phrases.md.j2", "margin_sensitivity", _band(premium, labour_share, provider_margin),
                  provider_margin)
    return f" {text}" if text else ""


def payback_takeaway(
    premium: Figure,
    *,
    labour_share: float,
    provider_margin: float,
    breakeven: Figure | None = None,
    transition_cost_months: float = -1.0,
    savings_demanded: Figure | None = None,
    borrowed_labour_share: bool = False,
) -> Takeaway:
    """The model's « À retenir » line (``payback_takeaway.md.j2``) and its findings. The running saving is the
    model's result, given over the cited salary gap and a band of the provider's margin (no published figure). When
    the transition cost is not set (``transition_cost_months`` < 0), the model is calibrated on the cited break-even
    (``breakeven``): the line says so and answers the inverse question, what transition cost that break-even
    implies, instead of giving the break-even back as a result. ``borrowed_labour_share``: the labour share is the
    outsourcers' own, applied to the in-house centre, and the line says so."""
    band = _band(premium, labour_share, provider_margin)
    save_low, save_high = band.save_low, band.save_high
    context = {"premium": premium, "s": band, "savings_demanded": savings_demanded, "where": "",
               "borrowed": borrowed_labour_share, "breakeven": breakeven, "implied": False, "reader_cost": False,
               "transition_cost_months": transition_cost_months, "finite": True}
    findings: dict[str, Finding] = {}
    if save_high <= 0:
        return Takeaway(render(f"{TEMPLATES}/payback_takeaway.md.j2", savings={}, **context))
    s_lo, s_hi = formatting.number(max(save_low, 0) * 100, 1), formatting.percent(save_high * 100)
    findings["saving_low"] = Finding(max(save_low, 0), s_lo, (-1, 1))
    findings["saving_high"] = Finding(save_high, s_hi, (-1, 1))
    # one short line (editor37: about 600 characters): the salary gap and the band of margins the saving rests on
    # are in the chapter's text, which gives the same band (``margin_sensitivity``)
    if savings_demanded is not None:
        lo_d, hi_d = savings_demanded.bounds
        # « exigés … en 2009 » dates the testimony: no edition note on it (editor39)
        context["where"] = ("below" if save_high * 100 < lo_d else "above" if max(save_low, 0) * 100 > hi_d
                            else "around")
    bands: tuple[tuple[str, str], ...] = ()
    if transition_cost_months < 0 and breakeven is not None:
        months = breakeven.central * 12
        cost_low = model.implied_transition_cost(months, max(save_low, 1e-9)) if save_low > 0 else 0.0
        cost_high = model.implied_transition_cost(months, save_high)
        findings["implied_cost_low"] = Finding(cost_low, formatting.number(cost_low, 1), (0, math.inf))
        findings["implied_cost_high"] = Finding(cost_high, formatting.number(cost_high, 1), (0, math.inf))
        context["implied"] = True
    elif transition_cost_months >= 0:
        m_lo = model.breakeven_months(transition_cost_months, save_high)
        m_hi = model.breakeven_months(transition_cost_months, save_low)
        findings["breakeven_low"] = Finding(m_lo, formatting.number(m_lo, 0), (0, math.inf))
        if math.isfinite(m_hi):
            findings["breakeven_high"] = Finding(m_hi, formatting.number(m_hi, 0), (0, math.inf))
            bands = (("breakeven_low", "breakeven_high"),)
        context.update(reader_cost=True, finite=math.isfinite(m_hi))
    text = render(f"{TEMPLATES}/payback_takeaway.md.j2", savings={k: f.shown for k, f in findings.items()}, **context)
    return Takeaway(text, findings, bands)


@dataclass(frozen=True)
class PaybackModel:
    """The payback model as the chapter states it: its inputs, its results and its text."""

    labour: float  # the labour share used (the barometer's or the reader's)
    transition: float  # the one-off transition cost, in months of in-house cost
    implied: bool  # the transition cost was deduced from the published payback time
    months_mid: float  # the break-even with the gap taken in the middle of its range
    figs: list[Figure]  # the published figures the model starts from
    text: str  # the section's text (MyST), rendered from the fields below by ``payback.md.j2``
    borrowed: bool = False  # the labour share is the barometer's for the outsourcers (no reader's parameter)
    provider_margin: float = 0.0
    rate_low: float = 0.0  # the running saving at the low end of the salary gap
    rate_mid: float = 0.0
    rate_high: float = 0.0
    months_low: float = 0.0  # the break-even at the low end of the salary gap
    months_high: float = 0.0
    band: SavingBand | None = None  # the saving over the band of margins the « À retenir » line uses


def payback_model(premium: Figure | None, personnel: Figure | None, breakeven_fig: Figure | None,
                  savings_now: Figure | None, *, labour_share: float, provider_margin: float,
                  transition_cost_months: float) -> PaybackModel | None:
    """The model of « Externaliser pour économiser », when the figures it starts from are known (None otherwise):
    the running saving from the salary gap, the transition cost (the reader's, or deduced from the published
    payback time), the break-even, and the section's text (``payback.md.j2``)."""
    if premium is None or (personnel is None and labour_share < 0) or (
            breakeven_fig is None and transition_cost_months < 0):
        return None
    labour = personnel.central / 100 if labour_share < 0 else labour_share
    rate_mid = model.running_saving_rate(premium.central / 100, labour, provider_margin)
    rate_low = model.running_saving_rate(premium.bounds[0] / 100, labour, provider_margin)
    rate_high = model.running_saving_rate(premium.bounds[1] / 100, labour, provider_margin)
    implied = transition_cost_months < 0
    transition = (model.implied_transition_cost(breakeven_fig.central * 12, rate_mid) if implied
                  else transition_cost_months)
    figs = [f for f in (premium, personnel, breakeven_fig) if f is not None]
    result = PaybackModel(labour, transition, implied, model.breakeven_months(transition, rate_mid), figs, "",
                          borrowed=labour_share < 0, provider_margin=provider_margin, rate_low=rate_low,
                          rate_mid=rate_mid, rate_high=rate_high,
                          months_low=model.breakeven_months(transition, rate_low),
                          months_high=model.breakeven_months(transition, rate_high),
                          band=_band(premium, labour, provider_margin))
    text = render(f"{TEMPLATES}/payback.md.j2", m=result, premium=premium, personnel=personnel,
                  breakeven=breakeven_fig, savings_now=savings_now)
    return replace(result, text=text)


def payback_grid(payback: PaybackModel, provider_margin: float) -> pd.DataFrame:
    """The break-even for other salary gaps (20 % to 100 %) and other transition costs (half to three times the
    model's)."""
    return model.breakeven_grid(
        [x / 100 for x in range(20, 101, 10)],
        [round(payback.transition * k, 1) for k in (0.5, 1, 1.5, 2, 3)],
        labour_share=payback.labour,
        provider_margin=provider_margin,
    )
