"""« Payer la qualité »: the pricing schemes' model, its curves, the cap table and their charts."""

from __future__ import annotations

import math
from dataclasses import dataclass

import altair as alt
import pandas as pd

from barometre import formatting, narrative
from barometre.chapters.value.common import SCHEME_COLOURS, SCHEME_LABELS, change_text
from barometre.charts import (
    PALETTE,
    ChartOutput,
    chart_output,
)
from barometre.formatting import percent_of_one
from barometre.models import value as model
from barometre.models.findings import Finding, Takeaway


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
    per_call = results["per_call"]
    parts = "; ".join(
        f"{r.label} : {formatting.number(r.revenue_low, 2)} puis {formatting.number(r.revenue_high, 2)} "
        f"({change_text(r.revenue_change)})"
        for r in results.values()
    )
    return chart_output(
        _curve_chart(curves, "revenu", "Revenu par demande (prix d'un appel = 1)", fcr_low, fcr_high),
        name="valeur-revenu-par-demande",
        title="Revenu par demande selon le contrat",
        source=source,
        description=(
            "Courbes du revenu du prestataire par demande de client selon le taux de résolution au premier "
            "contact, pour trois modes de paiement, en prix de base d'un appel. Les lignes pointillées marquent "
            f"les taux de {percent_of_one(fcr_low)} et {percent_of_one(fcr_high)}. Revenu par demande à ces deux "
            f"taux : {parts}. Payé à l'appel, le revenu baisse de "
            f"{formatting.percent(-per_call.revenue_change * 100)} quand la résolution progresse."
        ),
        data=curves[["résolution", "mode", "revenu", "contacts", "texte revenu"]],
    )


def margin_chart(curves: pd.DataFrame, results: dict[str, SchemeResult], inputs: model.PricingInputs,
                 fcr_low: float, fcr_high: float, *, source: str) -> ChartOutput:
    parts = "; ".join(
        f"{r.label} : {formatting.number(r.margin_low, 2)} puis {formatting.number(r.margin_high, 2)}"
        for r in results.values()
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888").encode(y="y:Q")
    return chart_output(
        _curve_chart(curves, "marge", "Marge par demande (prix d'un appel = 1)", fcr_low, fcr_high) + zero,
        name="valeur-marge-par-demande",
        title="Marge par demande selon le contrat",
        source=source,
        description=(
            "Courbes de la marge du prestataire par demande (revenu moins coût des appels traités, un appel "
            f"coûtant {percent_of_one(inputs.cost_per_call)} de son prix de base) selon le taux de résolution au "
            f"premier contact. Marge par demande à {percent_of_one(fcr_low)} puis {percent_of_one(fcr_high)} "
            f"de résolution : {parts}. Sous la ligne du zéro, le prestataire perd de l'argent."
        ),
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
    at = []
    for rate in (fcr_low, fcr_high):
        sub = table[(table["résolution"] - rate * 100).abs() < 1e-6]
        at.append(
            f"à {percent_of_one(rate)} de résolution : "
            + ", ".join(f"{p} {t}" for p, t in zip(sub["plafond"], sub["texte non résolues"], strict=True))
        )
    return chart_output(
        (lines + _markers(fcr_low, fcr_high)).properties(height=260),
        name="valeur-plafond-de-contacts",
        title="Demandes jamais résolues",
        source=source,
        description=(
            "Courbes de la part des demandes jamais résolues quand le client cesse d'appeler après un nombre "
            "maximal de contacts, selon le taux de résolution au premier contact ; "
            + " ; ".join(at) + "."
        ),
        data=table[["résolution", "plafond", "non résolues", "contacts", "texte non résolues"]],
    )


def caps_to_show(max_contacts: int) -> list[int]:
    """The caps of the chart: 1 to 3 contacts, plus the reader's cap if it is another one."""
    caps = {1, 2, 3}
    if max_contacts > 0:
        caps.add(max_contacts)
    return sorted(caps)


def pricing_takeaway(*, fcr_low: float, fcr_high: float, fcr_target: float, bonus_per_point: float,
                     cost_ratio: float, max_contacts: int = 0) -> Takeaway:
    """The pricing model's « À retenir » lines. What per-call pay loses when resolution improves is the
    fall in the number of calls, by definition of the contract: the line says so rather than present it
    as a result. The model's finding is the threshold above which a bonus/malus rewards quality."""
    inputs = pricing_inputs(cost_ratio, fcr_target, bonus_per_point, max_contacts)
    per_call = compare_schemes(inputs, fcr_low, fcr_high)["per_call"]
    neutral = model.neutral_bonus_per_point(fcr_target)
    shown = formatting.percent(neutral * 100, 2)
    lines = [
        # the model's words first (editor37: « Payé à l'appel, un prestataire est payé au nombre d'appels » opened
        # the list on a tautology); the fall is the contract's principle, said so in a clause, not a result
        f"- Dans le modèle (hypothèses du livre), payé à l'appel, un prestataire voit son revenu par demande "
        f"{narrative.direction(per_call.revenue_change, up='monter', down='baisser', flat='rester stable')}"
        + ("" if abs(per_call.revenue_change) < 1e-9 else
           f" de {formatting.percent(abs(per_call.revenue_change) * 100)}")
        + f" quand la résolution au premier contact passe de {percent_of_one(fcr_low)} à "
        f"{percent_of_one(fcr_high)} : il est payé au nombre d'appels, qui suit la même pente.",
        f"- Payé à la demande résolue, il a intérêt à la qualité ; avec un bonus/malus, seulement si le bonus "
        f"dépasse {shown} du prix de l'appel par point de résolution, l'inverse de la cible de "
        f"{percent_of_one(fcr_target)} : avec {percent_of_one(bonus_per_point)}, "
        + ("c'est le cas." if bonus_per_point > neutral else "ce n'est pas le cas."),
    ]
    return Takeaway("\n".join(lines), {"neutral_bonus": Finding(neutral, shown, (0, math.inf))})


def pricing_text(inputs: model.PricingInputs, results: dict[str, SchemeResult], *, fcr_low: float,
                 fcr_high: float, fcr_target: float, bonus_per_point: float, cost_ratio: float,
                 max_contacts: int) -> str:
    """The pricing model in words: the book's assumptions, each scheme's revenue as quality improves (the verbs
    from the signs), and whether the bonus/malus contract rewards quality."""
    per_call, per_res, bonus = results["per_call"], results["per_resolution"], results["bonus_malus"]
    neutral = model.neutral_bonus_per_point(fcr_target)
    cap_text = (
        f"le client renonce après {formatting.count_words(int(max_contacts), 'contact')}"
        if max_contacts > 0
        else "le client rappelle jusqu'à obtenir sa réponse (pas de plafond de contacts)"
    )

    def moves(change: float) -> str:
        return narrative.direction(change, up="augmente", down="baisse", flat="ne change pas", tolerance=1e-9)

    return (
        "Les sources ne chiffrent pas ces paramètres ; le livre suppose un taux de résolution au premier contact de "
        f"{percent_of_one(fcr_low)} avant l'effort de qualité et de {percent_of_one(fcr_high)} après ; "
        f"une cible de {percent_of_one(fcr_target)} pour le contrat à bonus/malus, avec "
        f"{percent_of_one(bonus_per_point)} du prix de l'appel par point d'écart à la cible ; un appel qui "
        f"coûte au prestataire {percent_of_one(cost_ratio)} de son prix de base ; {cap_text}. Le prix de la "
        f"demande résolue vaut alors {formatting.number(inputs.resolution_price, 2)} prix d'appel.\n\n"
        f"Payé à l'appel, le prestataire voit son revenu par demande passer de "
        f"{formatting.number(per_call.revenue_low, 2)} à {formatting.number(per_call.revenue_high, 2)} prix d'appel "
        f"quand la résolution passe de {percent_of_one(fcr_low)} à {percent_of_one(fcr_high)}, soit "
        f"{formatting.percent(per_call.revenue_change * 100, signed=True)} : la qualité lui coûte du chiffre "
        "d'affaires. Payé à la demande résolue, son revenu "
        + moves(per_res.revenue_change)
        + (f" ({formatting.percent(per_res.revenue_change * 100, signed=True)})"
           if abs(per_res.revenue_change) > 1e-9 else "")
        + " : chaque demande est payée une fois, quel que soit le nombre d'appels. Avec le bonus/malus, il "
        + moves(bonus.revenue_change)
        + f" ({formatting.percent(bonus.revenue_change * 100, signed=True)}).\n\n"
        "Ce contrat ne récompense la qualité que si le bonus par point dépasse l'inverse du taux cible, soit "
        f"{formatting.percent(neutral * 100, 2)} du prix de l'appel pour une cible de {percent_of_one(fcr_target)} : "
        f"avec {percent_of_one(bonus_per_point)}, "
        + ("c'est le cas." if bonus_per_point > neutral else "ce n'est pas le cas : le prestataire a encore "
           "intérêt à multiplier les appels.")
    )
