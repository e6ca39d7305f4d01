"""The cost-per-contact model (« un abonnement plus cher pour un service clients en France ? »):
its set-up from the data and the reader's parameters, its text, its charts and its « À retenir » line."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.chapters.offshore.common import MODEL_NOTE
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.models import offshore as model
from barometre.models.findings import Finding, Takeaway
from barometre.narrative import source_line
from barometre.narrative.templating import phrase, render

TEMPLATES = "chapters/offshore"
CHARTS = f"{TEMPLATES}/charts.md.j2"

# --------------------------------------------------------------------------- the cost-per-contact model


def cost_sweep(inputs: model.ContactCostInputs, step: float = 0.05, upto: float = 0.8) -> pd.DataFrame:
    """Cost per resolved request on both sides across offshore repeat rates (0 to ``upto``), long format."""
    n = round(upto / step)
    rates = sorted({round(i * step, 4) for i in range(n + 1)} | {inputs.offshore_repeat_rate})
    wide = model.repeat_rate_sweep(inputs, [r for r in rates if r < 1])
    rows = []
    for r in wide.itertuples():
        for side, cost in (("France", r.onshore_cost), ("Offshore", r.offshore_cost)):
            rows.append(
                {
                    "taux de rappel offshore": r.offshore_repeat_rate * 100,
                    "site": side,
                    "coût par demande résolue": cost,
                    "texte": formatting.percent(cost) + " d'une heure en France",
                    "taux_texte": formatting.percent(r.offshore_repeat_rate * 100),
                }
            )
    return pd.DataFrame(rows)


def cost_chart(sweep: pd.DataFrame, inputs: model.ContactCostInputs, parity: float | None,
               figs: list[Figure]) -> ChartOutput:
    lines = (
        alt.Chart(sweep)
        .mark_line()
        .encode(
            x=alt.X("taux de rappel offshore:Q", title="Part des demandes rappelées, offshore (%)"),
            y=alt.Y("coût par demande résolue:Q", title="Coût par demande résolue (% d'une heure en France)",
                    scale=alt.Scale(domainMin=0)),
            color=alt.Color("site:N", title=None, scale=alt.Scale(domain=["France", "Offshore"],
                                                                  range=[PALETTE[0], PALETTE[1]]),
                            legend=alt.Legend(orient="bottom")),
            tooltip=[alt.Tooltip("site:N", title="Site"), alt.Tooltip("taux_texte:N", title="Rappels offshore"),
                     alt.Tooltip("texte:N", title="Coût par demande résolue")],
        )
    )
    current = sweep[(sweep["taux de rappel offshore"] - inputs.offshore_repeat_rate * 100).abs() < 1e-9]
    dots = (
        alt.Chart(current)
        .mark_point(filled=True, size=90)
        .encode(x="taux de rappel offshore:Q", y="coût par demande résolue:Q",
                color=alt.Color("site:N", scale=alt.Scale(domain=["France", "Offshore"],
                                                         range=[PALETTE[0], PALETTE[1]])),
                tooltip=[alt.Tooltip("site:N", title="Site"), alt.Tooltip("texte:N", title="Hypothèse retenue")])
    )
    layers = [lines, dots]
    crossing = None
    if parity is not None and parity * 100 <= sweep["taux de rappel offshore"].max():
        rule_df = pd.DataFrame({"x": [parity * 100], "texte": [f"parité : {formatting.percent(parity * 100)}"]})
        layers.append(alt.Chart(rule_df).mark_rule(strokeDash=[4, 4], color="#444").encode(x="x:Q"))
        layers.append(
            alt.Chart(rule_df).mark_text(align="right", dx=-5, dy=-8, color="#444").encode(
                x="x:Q", y=alt.value(12), text="texte:N"
            )
        )
        crossing = parity
    onshore = current[current["site"] == "France"]["texte"].iloc[0]
    offshore = current[current["site"] == "Offshore"]["texte"].iloc[0]
    return chart_output(
        alt.layer(*layers).properties(height=290),
        name="offshore-cout-par-demande",
        title="Le coût d'une demande résolue",
        source=source_line(figs) + MODEL_NOTE,
        description=phrase(CHARTS, "cost_description", crossing, onshore, offshore),
        data=sweep.drop(columns=["taux_texte"]),
    )


def breakeven_table(premium: float, cost_ratio: float, upto: float = 4.0, step: float = 0.1) -> pd.DataFrame:
    """Break-even service share (%) across cost ratios k from just above 1 to ``upto``."""
    ks = sorted({round(1 + step * i, 4) for i in range(1, round((upto - 1) / step) + 1)}
                | ({round(cost_ratio, 4)} if cost_ratio > 1 else set()))
    curve = model.breakeven_curve(premium, ks)
    curve["part nécessaire"] = curve["breakeven_share"] * 100
    curve["texte"] = curve["part nécessaire"].map(
        lambda v: formatting.percent(v) + (" (impossible)" if v > 100 else "")
    )
    curve["rapport_texte"] = curve["cost_ratio"].map(lambda k: formatting.number(k, 2))
    return curve.rename(columns={"cost_ratio": "rapport de coût"}).drop(columns=["breakeven_share"])


def breakeven_chart(curve: pd.DataFrame, cost_ratio: float, premium_fig: Figure, figs: list[Figure]) -> ChartOutput:
    premium_text = formatting.figure_text(premium_fig, signed=True)
    line = (
        alt.Chart(curve)
        .mark_line(color=PALETTE[2], clip=True)
        .encode(
            x=alt.X("rapport de coût:Q", title="Coût France / coût offshore",
                    scale=alt.Scale(domain=[1, float(curve["rapport de coût"].max())])),
            y=alt.Y("part nécessaire:Q", title=f"Part du prix pour {premium_text} (%)",
                    scale=alt.Scale(domain=[0, 150])),
            tooltip=[alt.Tooltip("rapport_texte:N", title="Rapport de coût"),
                     alt.Tooltip("texte:N", title="Part nécessaire")],
        )
    )
    limit = alt.Chart(pd.DataFrame({"y": [100], "x": [float(curve["rapport de coût"].max())],
                                    "texte": ["tout le prix de l'abonnement"]}))
    rule = limit.mark_rule(color="#888", strokeDash=[4, 4]).encode(y="y:Q")
    rule_text = limit.mark_text(align="right", dy=-7, color="#555").encode(y="y:Q", x="x:Q", text="texte:N")
    layers = [line, rule, rule_text]
    needed = None
    if cost_ratio > 1:
        point = curve[(curve["rapport de coût"] - round(cost_ratio, 4)).abs() < 1e-9]
        layers.append(
            alt.Chart(point).mark_point(filled=True, size=110, color=PALETTE[3], clip=True).encode(
                x="rapport de coût:Q", y="part nécessaire:Q",
                tooltip=[alt.Tooltip("rapport_texte:N", title="Rapport retenu"),
                         alt.Tooltip("texte:N", title="Part nécessaire")],
            )
        )
        layers.append(
            alt.Chart(point).mark_text(align="left", dx=9, dy=-9, color=PALETTE[3], fontWeight="bold",
                                       clip=True).encode(
                x="rapport de coût:Q", y="part nécessaire:Q", text="texte:N"
            )
        )
        needed = point["texte"].iloc[0]
    return chart_output(
        alt.layer(*layers).properties(height=290),
        name="offshore-seuil-abonnement",
        title="Le seuil d'un abonnement plus cher",
        source=source_line(figs) + MODEL_NOTE,
        description=phrase(CHARTS, "breakeven_description", premium_fig, cost_ratio, needed),
        data=curve.drop(columns=["rapport_texte"]),
    )


@dataclass(frozen=True)
class ModelSetup:
    """The model's inputs, resolved from the parameters and the data."""

    inputs: model.ContactCostInputs
    premium: float  # the price rise the article asks about, as a fraction (0.25)
    premium_fig: Figure
    gap_fig: Figure | None  # the figure behind the rate gap, None when the reader set it
    figs: list[Figure]


def model_setup(
    ds: Dataset,
    edition: int,
    *,
    rate_gap: float,
    onshore_contacts_per_hour: float,
    offshore_contacts_per_hour: float,
    onshore_repeat_rate: float,
    offshore_repeat_rate: float,
) -> tuple[ModelSetup | None, list[str]]:
    """The inputs of the cost-per-contact model. ``rate_gap`` of -1 means: the article's figure.
    Returns (None, labels of the missing figures) when the edition lacks what the model needs."""
    missing = []
    premium_fig = ds.find("offshore_price_premium_question", edition)
    if premium_fig is None or not premium_fig.published:
        missing.append(ds.indicators["offshore_price_premium_question"].label_fr)
    gap_fig = None
    if rate_gap == -1:
        gap_fig = ds.find("offshore_hourly_rate_gap", edition)
        if gap_fig is None or not gap_fig.published:
            missing.append(ds.indicators["offshore_hourly_rate_gap"].label_fr)
    if missing:
        return None, missing
    gap = gap_fig.central / 100 if gap_fig is not None else rate_gap
    inputs = model.ContactCostInputs(
        gap, onshore_contacts_per_hour, offshore_contacts_per_hour, onshore_repeat_rate, offshore_repeat_rate
    )
    figs = [premium_fig] + ([gap_fig] if gap_fig is not None else [])
    return ModelSetup(inputs, premium_fig.central / 100, premium_fig, gap_fig, figs), []


# the sensitivity band of the French repeat rate, a book's assumption with no published figure: the
# « À retenir » line gives the parity threshold from half to one and a half times the rate set
REPEAT_BAND = (0.5, 1.5)


def model_takeaway(
    premium_fig: Figure,
    *,
    rate_gap: float,
    onshore_contacts_per_hour: float,
    offshore_contacts_per_hour: float,
    onshore_repeat_rate: float,
    offshore_repeat_rate: float,
) -> Takeaway:
    """The model's « À retenir » line. The cost ratio France / offshore is a result only when
    productivity or quality differ between the two sides: at equal ones it is the hourly-rate gap,
    and the line says so instead of presenting it. The finding that does not restate the gap is
    the quality threshold, the offshore repeat rate at which a resolved request costs the same on
    both sides, given over a band of the French repeat rate (a book's assumption)."""
    inputs = model.ContactCostInputs(rate_gap, onshore_contacts_per_hour, offshore_contacts_per_hour,
                                     onshore_repeat_rate, offshore_repeat_rate)
    k = inputs.cost_ratio
    k_gap = 1 / (1 + rate_gap)  # the ratio of the hourly costs alone
    findings: dict[str, Finding] = {}
    equal = math.isclose(k, k_gap, rel_tol=0.005)
    needed = None
    if equal:
        pass
    elif k <= 1:
        findings["cost_ratio"] = Finding(k, formatting.number(k, 2), (0, math.inf))
    else:
        needed = model.breakeven_service_share(premium_fig.central / 100, k)
        findings["cost_ratio"] = Finding(k, formatting.small_number(k, 2), (0, math.inf))
        findings["needed_service_share"] = Finding(needed, formatting.percent(needed * 100), (0, math.inf))
    rates = [onshore_repeat_rate * f for f in REPEAT_BAND]
    band = parity_band(inputs)
    if band is not None:
        lo, hi = band
        findings["parity_low"] = Finding(lo, formatting.number(lo * 100, 1), (0, 1))
        findings["parity_high"] = Finding(hi, formatting.percent(hi * 100), (0, 1))
    text = render(f"{TEMPLATES}/model_takeaway.md.j2", premium=premium_fig, k=k, k_gap=k_gap, equal=equal,
                  needed=needed, rates=rates, shown={name: f.shown for name, f in findings.items()})
    return Takeaway(text, findings)


def parity_band(inputs: model.ContactCostInputs) -> tuple[float, float] | None:
    """The quality threshold (``model.parity_repeat_rate``) over the band of the French repeat rate
    (``REPEAT_BAND``), lowest first; None when a rate of the band is not a rate or has no threshold."""
    parities = []
    for rate in (inputs.onshore_repeat_rate * f for f in REPEAT_BAND):
        if not 0 <= rate < 1:
            return None
        parities.append(model.parity_repeat_rate(replace(inputs, onshore_repeat_rate=rate)))
    if any(p is None for p in parities):
        return None
    lo, hi = sorted(parities)
    return lo, hi


def parity_band_sentence(premium_fig: Figure, inputs: model.ContactCostInputs) -> str:
    """« Si le taux de rappel en France va de 7,5 à 22,5 % (hypothèse du livre), ce seuil va de 53,8 à 61,3 %. »
    The band « À retenir » gives (``model_takeaway``), said in the prose too: the prose gave 57,5 % and « À
    retenir » 53,8 to 61,3 % for the same threshold (editor, stop 33); '' when the band has no threshold."""
    m = contact_model(ModelSetup(inputs, premium_fig.central / 100, premium_fig, None, [premium_fig]), 0.0)
    if m.band is None:
        return ""
    return " " + phrase(f"{TEMPLATES}/_phrases.md.j2", "parity_band", m)


@dataclass(frozen=True)
class ContactModel:
    """The model's results for the reader's share of customer service in the price: the cost ratio France /
    offshore (``k``), the share of the price that the question's rise needs, the rise at the reader's share, the
    quality threshold and its band (as « À retenir » shows them), and the model's « À retenir » line."""

    setup: ModelSetup
    service_share: float
    index: float  # a French hour of production
    offshore_hour: float  # an offshore hour, on the same index
    k: float
    equal: bool  # equal productivity and quality: the ratio only restates the hourly-rate gap
    needed: float
    rise: float
    parity: float | None
    rates: tuple[float, float]  # the band of the French repeat rate
    band: tuple[str, str] | None  # the threshold over that band, as « À retenir » shows it
    takeaway: Takeaway


def contact_model(setup: ModelSetup, service_share: float) -> ContactModel:
    """The model computed once for ``setup`` and the reader's ``service_share``."""
    inputs = setup.inputs
    k = inputs.cost_ratio
    takeaway = model_takeaway(setup.premium_fig, rate_gap=inputs.rate_gap,
                              onshore_contacts_per_hour=inputs.onshore_contacts_per_hour,
                              offshore_contacts_per_hour=inputs.offshore_contacts_per_hour,
                              onshore_repeat_rate=inputs.onshore_repeat_rate,
                              offshore_repeat_rate=inputs.offshore_repeat_rate)
    found = takeaway.findings
    return ContactModel(
        setup=setup, service_share=service_share, index=model.ONSHORE_HOURLY_INDEX,
        offshore_hour=model.offshore_hourly_cost(model.ONSHORE_HOURLY_INDEX, inputs.rate_gap), k=k,
        equal=abs(k * (1 + inputs.rate_gap) - 1) < 0.005, needed=model.breakeven_service_share(setup.premium, k),
        rise=model.price_increase(service_share, k), parity=model.parity_repeat_rate(inputs),
        rates=(inputs.onshore_repeat_rate * REPEAT_BAND[0], inputs.onshore_repeat_rate * REPEAT_BAND[1]),
        band=(found["parity_low"].shown, found["parity_high"].shown) if "parity_low" in found else None,
        takeaway=takeaway,
    )


def model_of(m: ContactModel) -> str:
    """The model's section: the question the data asks, the hypotheses (the data's and the book's) and the
    results."""
    return render(f"{TEMPLATES}/model.md.j2", m=m)


def model_text(setup: ModelSetup, service_share: float) -> str:
    """The model's section for ``setup`` and the reader's share of customer service in the price."""
    return model_of(contact_model(setup, service_share))
