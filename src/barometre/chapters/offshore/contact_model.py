"""The cost-per-contact model (« un abonnement plus cher pour un service clients en France ? »):
its set-up from the data and the reader's parameters, its text, its charts and its « À retenir » line."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, narrative
from barometre.chapters.offshore.common import MODEL_NOTE
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.models import offshore as model
from barometre.models.findings import Finding, Takeaway
from barometre.narrative import cite, de, md_escape, source_line

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
    desc_parity = "les deux courbes ne se croisent pas sur cette plage"
    if parity is not None and parity * 100 <= sweep["taux de rappel offshore"].max():
        rule_df = pd.DataFrame({"x": [parity * 100], "texte": [f"parité : {formatting.percent(parity * 100)}"]})
        layers.append(alt.Chart(rule_df).mark_rule(strokeDash=[4, 4], color="#444").encode(x="x:Q"))
        layers.append(
            alt.Chart(rule_df).mark_text(align="right", dx=-5, dy=-8, color="#444").encode(
                x="x:Q", y=alt.value(12), text="texte:N"
            )
        )
        desc_parity = (
            f"elles se croisent à {formatting.percent(parity * 100)} de demandes rappelées offshore "
            "(ligne pointillée)"
        )
    onshore = current[current["site"] == "France"]["texte"].iloc[0]
    offshore = current[current["site"] == "Offshore"]["texte"].iloc[0]
    return chart_output(
        alt.layer(*layers).properties(height=290),
        name="offshore-cout-par-demande",
        title="Le coût d'une demande résolue",
        source=source_line(figs) + MODEL_NOTE,
        description=(
            "Coût d'une demande résolue en France (ligne horizontale) et offshore (courbe croissante) selon la "
            f"part des demandes qui exigent un nouveau contact offshore ; {desc_parity}. Hypothèses retenues "
            f"(points) : France {onshore}, offshore {offshore}."
        ),
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
    description = (
        f"Courbe de la part que le service clients doit représenter dans le prix de l'abonnement pour qu'un "
        f"rapatriement en France le rende {formatting.figure_text(premium_fig, magnitude=True)} plus cher, selon le "
        "rapport de coût entre une demande résolue en France et offshore ; au-delà de 100 % (tirets), c'est "
        "impossible."
    )
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
        description += (
            f" Avec les hypothèses retenues, le rapport vaut {formatting.number(cost_ratio, 2)} et la part "
            f"nécessaire {point['texte'].iloc[0]}."
        )
    return chart_output(
        alt.layer(*layers).properties(height=290),
        name="offshore-seuil-abonnement",
        title="Le seuil d'un abonnement plus cher",
        source=source_line(figs) + MODEL_NOTE,
        description=description,
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
    premium_text = narrative.cite(premium_fig, magnitude=True)
    if math.isclose(k, k_gap, rel_tol=0.005):
        text = (f"- Dans le modèle, à productivité et qualité égales des deux côtés, une demande résolue coûte "
                f"{formatting.small_number(k, 2)} fois plus en France qu'offshore : ce rapport ne fait que traduire "
                "l'écart de taux horaire, ce n'est pas un résultat.")
    elif k <= 1:
        shown = formatting.number(k, 2)
        findings["cost_ratio"] = Finding(k, shown, (0, math.inf))
        text = (f"- Dans le modèle, avec ces hypothèses de productivité et de qualité, une demande résolue ne coûte "
                f"pas moins cher offshore (rapport de {shown}) : rapatrier le service clients ne renchérirait pas "
                "l'abonnement.")
    else:
        needed = model.breakeven_service_share(premium_fig.central / 100, k)
        shown_k, shown_n = formatting.small_number(k, 2), formatting.percent(needed * 100)
        findings["cost_ratio"] = Finding(k, shown_k, (0, math.inf))
        findings["needed_service_share"] = Finding(needed, shown_n, (0, math.inf))
        text = (f"- Dans le modèle, une demande résolue coûte {shown_k} fois plus en France qu'offshore, contre "
                f"{formatting.small_number(k_gap, 2)} fois pour la seule heure de production ; un abonnement "
                f"{premium_text} plus cher supposerait un service clients à {shown_n} du prix"
                + (", plus que le prix entier : c'est impossible." if needed > 1 else "."))
    rates = [onshore_repeat_rate * f for f in REPEAT_BAND]
    parities = []
    for rate in rates:
        if not 0 <= rate < 1:
            break
        parities.append(model.parity_repeat_rate(replace(inputs, onshore_repeat_rate=rate)))
    if len(parities) == len(rates) and all(p is not None for p in parities):
        lo, hi = sorted(parities)
        p_lo, p_hi = formatting.number(lo * 100, 1), formatting.percent(hi * 100)
        findings["parity_low"] = Finding(lo, p_lo, (0, 1))
        findings["parity_high"] = Finding(hi, p_hi, (0, 1))
        text += (f" L'offshore perd son avantage de coût dès que {p_lo} à {p_hi} de ses demandes exigent un "
                 f"nouveau contact, pour {formatting.number(rates[0] * 100, 1)} à {formatting.percent(rates[1] * 100)} "
                 "en France (hypothèse du livre).")
    return Takeaway(text, findings)


def parity_band_sentence(premium_fig: Figure, inputs: model.ContactCostInputs) -> str:
    """« Si le taux de rappel en France va de 7,5 à 22,5 % (hypothèse du livre), ce seuil va de 53,8 à 61,3 %. »
    The band « À retenir » gives (``model_takeaway``), said in the prose too: the prose gave 57,5 % and « À
    retenir » 53,8 to 61,3 % for the same threshold (editor, stop 33); '' when the band has no threshold."""
    found = model_takeaway(premium_fig, rate_gap=inputs.rate_gap,
                           onshore_contacts_per_hour=inputs.onshore_contacts_per_hour,
                           offshore_contacts_per_hour=inputs.offshore_contacts_per_hour,
                           onshore_repeat_rate=inputs.onshore_repeat_rate,
                           offshore_repeat_rate=inputs.offshore_repeat_rate).findings
    if "parity_low" not in found:
        return ""
    lo, hi = (inputs.onshore_repeat_rate * f * 100 for f in REPEAT_BAND)
    return (f" Si le taux de rappel en France va de {formatting.number(lo, 1)} à {formatting.percent(hi)} "
            f"(hypothèse du livre), ce seuil va de {found['parity_low'].shown} à {found['parity_high'].shown}.")


def model_text(setup: ModelSetup, service_share: float) -> str:
    """The model's section: the question the data asks, the hypotheses (the data's and the book's) and the
    results, for the reader's share of customer service in the price (``service_share``)."""
    inputs = setup.inputs
    k = inputs.cost_ratio
    needed = model.breakeven_service_share(setup.premium, k)
    rise = model.price_increase(service_share, k)
    parity = model.parity_repeat_rate(inputs)
    index = formatting.number(model.ONSHORE_HOURLY_INDEX, 0)
    offshore_hour = formatting.number(model.offshore_hourly_cost(model.ONSHORE_HOURLY_INDEX, inputs.rate_gap), 1)
    # « le chiffre cité par … en 2009 », « la question posée … en 2009 »: the year dates these testimonies, so a
    # later book gives them no edition note (``narrative.dated``, editor40)
    gap_text = (
        f"inférieur {de(narrative.dated(setup.gap_fig), magnitude=True)}, le chiffre cité par {md_escape(setup.gap_fig.source_name)}"
        f"{narrative.in_year(setup.gap_fig)}"
        if setup.gap_fig is not None
        else f"de {formatting.percent(inputs.rate_gap * 100, signed=True)} (paramètre du lecteur)"
    )
    premium_text = cite(narrative.dated(setup.premium_fig), magnitude=True)
    hypotheses = (
        f"Prenons une heure de production française à l'indice {index}. Le taux horaire offshore est "
        f"{gap_text}, soit {offshore_hour}. Le reste relève d'hypothèses du livre, faute de chiffres publiés : un conseiller "
        f"traite {formatting.number(inputs.onshore_contacts_per_hour, 1)} contacts par heure en France et "
        f"{formatting.number(inputs.offshore_contacts_per_hour, 1)} offshore ; {formatting.percent(inputs.onshore_repeat_rate * 100)} "
        f"des demandes exigent un nouveau contact en France et {formatting.percent(inputs.offshore_repeat_rate * 100)} "
        f"offshore ; le service clients pèse {formatting.percent(service_share * 100)} du prix de l'abonnement."
    )
    results = (
        f"Au bout du compte, une demande résolue coûte {formatting.percent(inputs.onshore_cost)} d'une heure de "
        f"production française en France, contre {formatting.percent(inputs.offshore_cost)} offshore. "
    )
    if k <= 1:
        results += (
            "Avec ces hypothèses, l'offshore n'est pas moins cher par demande résolue : rapatrier le service "
            "clients ne renchérirait pas l'abonnement, et la question de l'article ne se pose pas."
        )
    else:
        results += (
            f"La France revient {formatting.small_number(k, 2)} fois plus cher"
            + (" ; à productivité et qualité égales des deux côtés, comme ici, ce rapport ne fait que traduire l'écart "
               "de taux horaire : c'est l'hypothèse, pas un résultat ; ce qui départage est la qualité, dont le seuil suit. "
               if abs(k * (1 + inputs.rate_gap) - 1) < 0.005 else ". ")
            + f"Pour qu'un service clients en métropole rende "
            f"l'abonnement {premium_text} plus cher"
            + (f", hausse qu'évoquait la question{narrative.in_year(setup.premium_fig).replace(' en ', ' de ')}"
               if setup.premium_fig.from_older_edition else "")
            + f", il faudrait qu'il représente {formatting.percent(needed * 100)} du "
            "prix de l'abonnement"
        )
        if needed > 1:
            results += (
                f" : c'est impossible, puisque même un abonnement entièrement consacré au service clients "
                f"n'augmenterait que de {formatting.percent((k - 1) * 100)}."
            )
        else:
            results += "."
        results += (
            f" Chaque point du prix consacré au service clients ajouterait {formatting.points(k - 1, 2, signed=False)} de "
            f"hausse ; à {formatting.percent(service_share * 100)} du prix (hypothèse du livre, sans chiffre publié), la "
            f"hausse serait de {formatting.percent(rise * 100)}."
        )
    if parity is not None:
        results += (
            f" L'offshore ne perd son avantage de coût que si {formatting.percent(parity * 100)} des demandes y exigent un "
            f"nouveau contact, contre {formatting.percent(inputs.onshore_repeat_rate * 100)} supposés en France : en deçà de ce seuil, "
            "le taux horaire l'emporte sur la qualité."
            + parity_band_sentence(setup.premium_fig, inputs)  # the band « À retenir » gives
        )
    question = (
        f"La question posée par {md_escape(setup.premium_fig.source_name)}{narrative.in_year(setup.premium_fig)} porte sur un abonnement "
        f"{premium_text} plus cher. Le modèle cherche quelle place le service clients devrait occuper dans le prix "
        "pour que le retour en France produise une telle hausse."
    )
    return f"{question}\n\n{hypotheses}\n\n{results}"
