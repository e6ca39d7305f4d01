"""Chapter « Plus de valeur ajoutée »: paying for quality, and the adviser's job and pay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.chapters.synthesis import ChapterSummary, percent_of_one, person, quote
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.models import value as model
from barometre.models.value import LEGAL_MONTHLY_HOURS
from barometre.narrative import cite, de, md_escape, source_line

CHAPTER = "value"
ARTICLE_SOURCE = "claire_morel"  # the article's own row in sources.csv (outlet and year)

SCHEME_LABELS = {
    "per_call": "Paiement à l'appel",
    "per_resolution": "Paiement à la demande résolue",
    "bonus_malus": "Prix de base avec bonus/malus qualité",
}
SCHEME_COLOURS = [PALETTE[3], PALETTE[0], PALETTE[2]]

__all__ = ["LEGAL_MONTHLY_HOURS", "de", "percent_of_one", "person", "quote", "summary"]


# --------------------------------------------------------------------------- words


def model_source(ds: Dataset) -> str:
    """The source line of the model's charts: the book's assumptions, after the article's mechanism."""
    article = ds.sources[ARTICLE_SOURCE]
    year = f" ({article.publication_year})" if article.publication_year else ""
    return f"Modèle et hypothèses du livre, d'après le mécanisme décrit par {article.publication_outlet}{year}"


def change_text(change: float) -> str:
    """A relative change as '+23,8 %', or 'stable' when it is nil."""
    if abs(change) < 1e-9:
        return "stable"
    return formatting.percent(change * 100, signed=True)


# --------------------------------------------------------------------------- pricing model


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
        _curve_chart(curves, "revenu", "Revenu par demande (prix de base d'un appel)", fcr_low, fcr_high),
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
        _curve_chart(curves, "marge", "Marge par demande (prix de base d'un appel)", fcr_low, fcr_high) + zero,
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


# --------------------------------------------------------------------------- salaries


@dataclass(frozen=True)
class Salaries:
    gross: Figure
    change: Figure
    net_france: Figure | None
    net_uk: Figure | None
    previous_gross: float  # derived: gross / (1 + change)
    smic_hourly: float
    smic_monthly: float
    smic_date: date

    @property
    def gap_to_smic(self) -> float:
        return self.gross.central / self.smic_monthly - 1

    @property
    def uk_premium(self) -> float | None:
        if self.net_france is None or self.net_uk is None:
            return None
        return self.net_uk.central / self.net_france.central - 1

    @property
    def figures(self) -> list[Figure]:
        return [f for f in (self.gross, self.change, self.net_france, self.net_uk) if f is not None]


def salaries(ds: Dataset, edition: int) -> Salaries:
    """The adviser's pay in the edition, the previous year's derived from the change, and the SMIC."""
    gross = ds.figure("adviser_salary_gross", edition)
    change = ds.figure("adviser_salary_change", edition)
    net_fr = ds.find("adviser_salary_net", edition, scope="france")
    net_uk = ds.find("adviser_salary_net", edition, scope="united_kingdom")
    when = date(edition, 7, 1)
    hourly = ds.smic_at(when)
    return Salaries(
        gross=gross,
        change=change,
        net_france=net_fr if net_fr is not None and net_fr.published else None,
        net_uk=net_uk if net_uk is not None and net_uk.published else None,
        previous_gross=model.previous_value(gross.central, change.central),
        smic_hourly=hourly,
        smic_monthly=model.monthly_minimum_wage(hourly),
        smic_date=when,
    )


def salary_table(s: Salaries) -> pd.DataFrame:
    edition = s.gross.edition
    rows = [
        {"montant": f"Smic brut, juillet {s.smic_date.year}", "euros": s.smic_monthly,
         "nature": "Smic brut (référence)", "texte": formatting.euros(s.smic_monthly),
         "origine": f"{formatting.euros(s.smic_hourly, 2)} de l'heure × {formatting.number(LEGAL_MONTHLY_HOURS, 2)} h"},
        {"montant": f"Salaire brut {edition - 1} (déduit)", "euros": s.previous_gross, "nature": "Brut",
         "texte": formatting.euros(s.previous_gross),
         "origine": f"{formatting.figure_text(s.gross)} ÷ (1 + {formatting.figure_text(s.change)})"},
        {"montant": f"Salaire brut {s.gross.period}", "euros": s.gross.central, "nature": "Brut",
         "texte": formatting.figure_text(s.gross), "origine": s.gross.source_name},
    ]
    for fig, where in ((s.net_france, "France"), (s.net_uk, "Royaume-Uni")):
        if fig is not None:
            rows.append({"montant": f"Net, {where}", "euros": fig.central, "nature": "Net",
                         "texte": formatting.figure_text(fig), "origine": fig.source_name})
    return pd.DataFrame(rows)


def salary_chart(table: pd.DataFrame, s: Salaries) -> ChartOutput:
    base = alt.Chart(table).encode(
        y=alt.Y("montant:N", title=None, sort=None, axis=alt.Axis(labelLimit=170)),
        tooltip=[alt.Tooltip("montant:N", title="Montant"), alt.Tooltip("texte:N", title="Par mois"),
                 alt.Tooltip("origine:N", title="Origine")],
    )
    bars = base.mark_bar(size=22).encode(
        x=alt.X("euros:Q", title="€ par mois, bruts ou nets (voir légende)"),
        color=alt.Color("nature:N", title=None, sort=["Smic brut (référence)", "Brut", "Net"],
                        scale=alt.Scale(domain=["Smic brut (référence)", "Brut", "Net"],
                                        range=["#9a9a9a", PALETTE[0], PALETTE[1]]),
                        legend=alt.Legend(orient="bottom", direction="vertical")),
    )
    labels = base.mark_text(align="right", dx=-6, color="white", fontWeight="bold").encode(x="euros:Q", text="texte:N")
    listing = "; ".join(f"{m} : {t}" for m, t in zip(table["montant"], table["texte"], strict=True))
    return chart_output(
        (bars + labels).properties(height=alt.Step(36)),
        name="valeur-salaires",
        title="Salaires des conseillers et Smic",
        source=source_line(s.figures) + " ; Smic horaire brut (Légifrance) ; calculs du livre",
        description=(
            "Barres horizontales des montants mensuels, en euros (salaire moyen des conseillers de vente, "
            "salaire net des téléconseillers, Smic à temps plein au 1er juillet) : " + listing + ". Attention, les montants "
            "bruts (en bleu, Smic en gris) et nets (en orange) partagent la même échelle mais ne se comparent pas "
            "directement : un salaire net est inférieur au brut correspondant."
        ),
        data=table,
    )


@dataclass(frozen=True)
class SmicChange:
    start: date
    end: date
    start_value: float  # hourly SMIC in euros (converted from francs before 2002)
    end_value: float

    @property
    def change(self) -> float:
        return model.relative_change(self.start_value, self.end_value)


def smic_change(ds: Dataset, claim: Figure) -> SmicChange:
    """The hourly SMIC on 1 July of the first and last year of a claim's period ('2000-2008')."""
    first, _, last = claim.period.partition("-")
    if not (first.isdigit() and last.isdigit()):
        raise ValueError(f"the period of {claim.indicator} must be 'YYYY-YYYY', got {claim.period!r}")
    start, end = date(int(first), 7, 1), date(int(last), 7, 1)
    return SmicChange(start, end, ds.smic_at(start), ds.smic_at(end))


# --------------------------------------------------------------------------- synthesis


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway (data only), for the chapter and the synthesis page."""
    s = salaries(ds, edition)
    training = ds.find("adviser_training_weeks", edition)
    trained = (
        f", formé en {cite(training, with_noun=True)}," if training is not None and training.published else ""
    )
    return ChapterSummary(
        chapter=CHAPTER,
        key_label=s.gross.label,
        key_figure=f"{cite(s.gross)} par mois en {md_escape(s.gross.period)}",
        takeaway=(
            "Payés à l'appel, les prestataires gagnent moins quand la qualité progresse : il faut payer la "
            f"résolution. Le conseiller{trained} gagne en moyenne {cite(s.gross)} bruts par mois, "
            f"{formatting.percent(s.gap_to_smic * 100)} de plus que le Smic."
        ),
    )
