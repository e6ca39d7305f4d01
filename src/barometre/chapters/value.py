"""Chapter « Plus de valeur ajoutée »: paying for quality, and the adviser's job and pay."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

import altair as alt
import pandas as pd

from barometre import formatting, history, narrative, periods
from barometre.charts import (
    LINE_RUN,
    NO_LINE,
    PALETTE,
    VALUE_SCHEME_COLOURS,
    ChartOutput,
    chart_output,
    row_labels,
)
from barometre.data import Dataset, Figure, FigureNotFound, period_end
from barometre.formatting import percent_of_one
from barometre.history import PANEL_WIDTH
from barometre.labels import VALUE_SCHEME_LABELS, scope_label
from barometre.models import prices as prices_model
from barometre.models import value as model
from barometre.models.findings import Finding, Takeaway
from barometre.models.value import LEGAL_MONTHLY_HOURS
from barometre.narrative import (
    ChapterSummary,
    cite,
    de,
    direction,
    md_escape,
    person,
    quote,
    source_line,
)
from barometre.typography import elide

CHAPTER = "value"
ARTICLE_SOURCE = "claire_morel"  # the article's own row in sources.csv (outlet and year)
# the indicators the chapter's sentences read
USED_INDICATORS = (
    "satisfaction_survey_questions", "numericable_external_advisers", "adviser_training_weeks",
    "adviser_required_skills", "adviser_job_comparison_year", "service_quality_gain_years",
    "adviser_salary_gross", "adviser_salary_change", "adviser_salary_net",
)

SCHEME_LABELS = VALUE_SCHEME_LABELS
SCHEME_COLOURS = VALUE_SCHEME_COLOURS

__all__ = ["LEGAL_MONTHLY_HOURS", "de", "percent_of_one", "person", "quote", "summary"]


# --------------------------------------------------------------------------- words


def interview_figure(ds: Dataset, edition: int) -> Figure | None:
    """The first figure of this chapter from an interview that an edition up to ``edition`` publishes: the
    testimonies the chapter reports (Canal+, Numericable, Teleperformance) come with those interviews."""
    for indicator in USED_INDICATORS:
        if indicator not in ds.indicators:
            continue
        for scope in (None, "france"):
            try:
                fig = ds.known(indicator, edition, scope=scope)
            except FigureNotFound:  # several scopes and none is the market: the next scope is asked
                fig = None
            if fig is not None and fig.source_type == "interview":
                return fig
    return None


def interviews_year(ds: Dataset, edition: int) -> int | None:
    """The year the chapter's testimonies were published when they come from an older edition than ``edition``
    (2009 for the article's, in any later book): they are then told in the past, dated once; None when they
    are the edition's own, or when no edition up to ``edition`` has them."""
    fig = interview_figure(ds, edition)
    return (fig.publication_year or fig.edition) if fig is not None and fig.from_older_edition else None


def interviews_known(ds: Dataset, edition: int) -> bool:
    """True when an edition up to ``edition`` publishes a figure of this chapter from an interview."""
    return interview_figure(ds, edition) is not None


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


# --------------------------------------------------------------------------- salaries


@dataclass(frozen=True)
class Salaries:
    """The adviser's pay as known in an edition; the SMIC is the one in force on 1 July of the salary's year."""

    gross: Figure
    change: Figure | None  # only when it ends in the salary's year (the previous salary is derived from it)
    net_france: Figure | None
    net_uk: Figure | None
    smic_hourly: float
    smic_monthly: float
    smic_date: date
    before: Figure | None = None  # the previous year's salary as an edition publishes it (2014: 1 572 € for 2013)

    @property
    def previous_gross(self) -> float | None:
        """Derived: gross / (1 + change)."""
        return None if self.change is None else model.previous_value(self.gross.central, self.change.central)

    @property
    def previous_year(self) -> int | None:
        return None if self.change is None else int(self.change.period[:4])

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


def known(fig: Figure | None) -> Figure | None:
    return fig if fig is not None and fig.published else None


def salaries(ds: Dataset, edition: int) -> Salaries | None:
    """The adviser's pay as known in the edition (None when no edition up to it publishes the salary),
    the previous year's derived from the change when the change ends in the salary's year, and the
    SMIC in force on 1 July of the salary's year."""
    gross = known(ds.known("adviser_salary_gross", edition))
    if gross is None:
        return None
    year = period_end(gross.period)
    change = known(ds.known("adviser_salary_change", edition))
    if change is not None and (period_end(change.period) != year or periods.parse(change.period).kind != "span"):
        change = None
    when = date(year, 7, 1)
    hourly = ds.smic_at(when)
    before = (known(ds.known("adviser_salary_gross", edition, period=str(int(change.period[:4]))))
              if change is not None else None)
    return Salaries(
        before=before,
        gross=gross,
        change=change,
        net_france=known(ds.known("adviser_salary_net", edition, scope="france")),
        net_uk=known(ds.known("adviser_salary_net", edition, scope="united_kingdom")),
        smic_hourly=hourly,
        smic_monthly=model.monthly_minimum_wage(hourly),
        smic_date=when,
    )


def change_words(change: Figure) -> str:
    """« en hausse de 5 % », « en baisse de 2,5 % » or « stable »: the direction from the data."""
    word = direction(change.central)
    if word == "stable":
        return word
    return f"{word} {de(change, magnitude=True)}"


def smic_gap_words(s: Salaries) -> str:
    """« le dépasse de 15 % » or « reste en deçà de 3 % »; in the past (« le dépassait ») for a salary
    an older edition published."""
    gap = formatting.percent(abs(s.gap_to_smic) * 100)
    if s.gross.from_older_edition:
        return direction(s.gap_to_smic, up=f"le dépassait de {gap}", down=f"restait en deçà de {gap}",
                         flat="lui était égal")
    return direction(s.gap_to_smic, up=f"le dépasse de {gap}", down=f"reste en deçà de {gap}",
                     flat="lui est égal")


def salary_opening(s: Salaries) -> str:
    """« Le baromètre établit le salaire moyen … » (« établissait » for an older edition's salary)."""
    verb = "établissait" if s.gross.from_older_edition else "établit"
    return f"Le baromètre {verb} le salaire moyen des conseillers à"


def salary_text(s: Salaries) -> str:
    """« Le baromètre établit le salaire moyen des conseillers à 1 541 € bruts par mois en 2012, … » and the Smic
    beside it. An older edition's figures carry its note once, after the salary (editor37: « 1 560 €
    bruts par mois (dernier chiffre publié, édition 2014) en 2014, en baisse de 0,8 % (édition 2014) sur un an,
    après 1 572 € bruts (édition 2014) en 2013 »)."""
    older = s.gross.from_older_edition
    figs = [f for f in (s.gross, s.change, s.before) if f is not None]
    one_note = older and len({f.edition for f in figs}) == 1

    def shown(fig: Figure, then: str = "") -> str:
        return cite(replace(fig, as_of=fig.edition) if one_note else fig, then=then)

    when = md_escape(formatting.period_text(s.gross.period))
    # the note right after the salary it is about (editor38: at the end of the clause it read as the note of 2013's
    # 1 572 €)
    text = (f"{salary_opening(s)} {shown(s.gross, ' bruts par mois')} en {when}"
            + (narrative.vintage_note(s.gross) if one_note else ""))
    # the year before as published, when an edition gives it (the 2014 edition: 1 572 € for 2013), else deduced
    if s.before is not None:
        change = change_words(replace(s.change, as_of=s.change.edition) if one_note else s.change)
        text += f", {change} sur un an, après {shown(s.before, ' bruts')} en {s.previous_year}"
    elif s.change is not None:
        change = change_words(replace(s.change, as_of=s.change.edition) if one_note else s.change)
        text += (f", {change} sur un an : soit environ {formatting.euros(s.previous_gross)} en {s.previous_year} "
                 f"(calcul du livre : {formatting.figure_text(s.gross)} ÷ "
                 f"{formatting.number(1 + s.change.central / 100, 3)})")
    return (text + f". Le Smic horaire brut en vigueur au 1{{sup}}`er`\u00a0{formatting.month_year(s.smic_date)} "
            f"était de {formatting.euros(s.smic_hourly, 2)}, soit {formatting.euros(s.smic_monthly)} bruts par mois pour "
            f"{formatting.number(LEGAL_MONTHLY_HOURS, 2)} heures, la durée légale mensuelle : le salaire moyen des "
            f"conseillers {smic_gap_words(s)}.{salary_not_followed(s)}")


def salary_not_followed(s: Salaries) -> str:
    """« Aucune édition après celle de 2014 ne publie le salaire des conseillers. » for a book whose edition
    does not publish it ('' otherwise)."""
    if not s.gross.from_older_edition:
        return ""
    return f" Aucune édition après celle de {s.gross.edition} ne publie le salaire des conseillers."


def reported_salary_text(ds: Dataset, edition: int) -> str:
    """A salary level a report of the barometer gives without saying whose salary or which average (2009: « un
    niveau de salaire brut … à 1 427 euros », Journal de l'Automobile), told apart from the advisers' average
    salary: it is not drawn on its curve (editor39: drawn there, it read as a 6,6 % pay cut no source reports).
    Its gap to the collective minimum beside it when the same edition gives it; '' when no edition does."""
    fig = known(ds.known("reported_salary_gross", edition))
    if fig is None:
        return ""
    dated = replace(fig, as_of=fig.edition)  # the sentence names its year and its source: no edition note
    above = known(ds.known("salary_above_collective_minimum", edition, period=fig.period))
    gap = ""
    if above is not None and above.edition == fig.edition:
        side = direction(above.central, up="au-dessus du", down="en dessous du", flat="au niveau du")
        shown = f"{cite(replace(above, as_of=above.edition), formatting.figure_text(above, magnitude=True))} " \
            if side != "au niveau du" else ""
        gap = f", {shown}{side} minimum fixé par la convention collective"
    outlet = fig.publication_outlet
    who = (f"un compte rendu du baromètre ({md_escape(outlet)}, {fig.publication_year})"
           if outlet and fig.publication_year else f"un compte rendu du baromètre ({md_escape(outlet)})"
           if outlet else "le baromètre")
    gives = narrative.tensed(fig, "donne", "donnait")
    return (f"Pour {md_escape(formatting.period_text(fig.period))}, {who} {gives} un niveau de salaire brut de "
            f"{cite(dated, then=' par mois')}{gap}, sans dire de quels salariés ni de quelle moyenne il s'agit : ce "
            "montant ne se compare pas au salaire moyen des conseillers et n'est pas tracé sur sa courbe.")


SERVICES = "activity_revenue_growth"  # the growth of what the outsourcers sell beyond the handling of calls


def services_text(ds: Dataset, edition: int) -> str:
    """« En 2019, les prestataires vendent davantage que la prise d'appels : le chiffre d'affaires de leur
    activité de formation progresse de 18,3 %, celui du conseil de 9,4 %. » The latest growths of the services
    the outsourcers sell besides the contacts (editor39: the value chapter, whose question is whether they sell
    more than capacity, had nothing after 2014); the lead-in and each verb chosen by the signs; in the past for
    an older edition's figures; '' when no edition publishes them."""
    from barometre.labels import scope_label

    figs = sorted(narrative.latest_parts(ds, SERVICES, edition), key=lambda f: -f.central)
    if not figs:
        return ""
    shown, note = narrative.one_note(figs)
    lead_in = narrative.by_signs(
        figs,
        ("les prestataires développent ce qu'ils vendent au-delà des contacts",
         "les prestataires développaient ce qu'ils vendaient au-delà des contacts"),
        ("ce que les prestataires vendent au-delà des contacts recule",
         "ce que les prestataires vendaient au-delà des contacts reculait"),
        ("ce que les prestataires vendent au-delà des contacts évolue en sens contraires",
         "ce que les prestataires vendaient au-delà des contacts évoluait en sens contraires"))

    def moved(f: Figure, fig: Figure) -> str:  # ``fig`` the figure as found: its tense (``f`` may carry no note)
        verb = direction(f.central, up=narrative.tensed(fig, "progresse", "progressait"),
                         down=narrative.tensed(fig, "recule", "reculait"),
                         flat=narrative.tensed(fig, "stagne", "stagnait"))
        return f"{verb} {de(f, magnitude=True)}" if direction(f.central) != "stable" else verb

    # one verb when every service moves the same way (« progressait de 18,3 %, celui … de 9,4 % »)
    same = all(f.central > 0 for f in figs) or all(f.central < 0 for f in figs)
    items = [f"le chiffre d'affaires de leur activité de {scope_label(f.scope)} {moved(f, fig)}" if i == 0 else
             f"celui de leur activité de {scope_label(f.scope)} "
             + (de(f, magnitude=True) if same else moved(f, fig))
             for i, (f, fig) in enumerate(zip(shown, figs, strict=True))]
    when = md_escape(formatting.period_text(figs[0].period))
    return f"En {when}, {lead_in} : {', '.join(items)}{note}."


def smic_comparison(s: Salaries, smic: str = "le Smic") -> str:
    """« 15 % de plus que le Smic » or « 3 % de moins que le Smic » (``smic``: how the Smic is named)."""
    gap = formatting.percent(abs(s.gap_to_smic) * 100)
    return direction(s.gap_to_smic, up=f"{gap} de plus que {smic}", down=f"{gap} de moins que {smic}",
                     flat=f"autant que {smic}")


def salary_table(s: Salaries) -> pd.DataFrame:
    rows = [
        {"montant": f"Smic brut, juillet {s.smic_date.year}", "euros": s.smic_monthly,
         "nature": "Smic brut (référence)", "texte": formatting.euros(s.smic_monthly),
         "origine": f"{formatting.euros(s.smic_hourly, 2)} de l'heure × {formatting.number(LEGAL_MONTHLY_HOURS, 2)} h"},
    ]
    if s.before is not None:  # published: never the deduced value beside it (1 573 € against 1 572 €)
        rows.append({"montant": f"Salaire brut {s.previous_year}", "euros": s.before.central, "nature": "Brut",
                     "texte": formatting.figure_text(s.before), "origine": s.before.source_name})
    elif s.change is not None:
        rows.append({"montant": f"Salaire brut {s.previous_year} (déduit)", "euros": s.previous_gross, "nature": "Brut",
                     "texte": formatting.euros(s.previous_gross),
                     "origine": f"{formatting.figure_text(s.gross)} ÷ (1 + {formatting.figure_text(s.change)})"})
    rows.append({"montant": f"Salaire brut {formatting.period_text(s.gross.period)}", "euros": s.gross.central,
                 "nature": "Brut", "texte": formatting.figure_text(s.gross), "origine": s.gross.source_name})
    for fig, where in ((s.net_france, "France"), (s.net_uk, place_said(s.net_uk, "united_kingdom"))):
        if fig is not None:
            rows.append({"montant": f"Net, {where}, {formatting.period_text(fig.period)}", "euros": fig.central,
                         "nature": "Net", "texte": formatting.figure_text(fig), "origine": fig.source_name})
    return pd.DataFrame(rows)


def place_said(fig: Figure | None, scope: str) -> str:
    """The place as the figure's source names it when the book reports its words: the article says
    « En Grande-Bretagne » for the pay Eric Dadian quotes, and the book says so too; the scope's own
    label (« Royaume-Uni ») when the quote names no other."""
    label = scope_label(scope)
    if fig is None:
        return label
    for name in ("Grande-Bretagne", label):
        if name.lower() in str(fig.quote).lower():
            return name
    return label


def numericable_clause(external: Figure | None) -> str:
    """« , qui s'appuie sur 600 conseillers chez ses prestataires, » in the edition that reports it; dated and
    in the past in a later one (« , qui s'appuyait en 2009 sur 600 conseillers … »); '' without the figure."""
    if external is None:
        return ""
    verb, opening = narrative.as_said_then(external, "s'appuie", "s'appuyait")
    when = f" {opening.strip().rstrip(',').replace('En ', 'en ')}" if opening else ""
    # « en 2009 » dates it in a later book: no edition note (``narrative.dated``, editor40/42)
    return f", qui {verb}{when} sur {cite(narrative.dated(external), then=' conseillers')} chez ses prestataires,"


def in_place(name: str) -> str:
    """« en Grande-Bretagne », « au Royaume-Uni », « en France »."""
    return f"au {name}" if name in ("Royaume-Uni", "Maroc") else f"en {name}"


def net_pay_text(ds: Dataset, s: Salaries) -> str:
    """The net pay a speaker quotes in France, and abroad when the data has it, told once: when the
    speaker's words call it « scandaleux », the sentence says so between guillemets instead of quoting
    the same figure again after it; otherwise the words follow the figures. The place abroad is named
    as the speaker named it (« en Grande-Bretagne »). In a later book the testimony is told in the past and
    dated once, its publication named at the end instead of an edition note on each figure (« En 2009, Eric
    Dadian … jugeait « scandaleux » … quand ils en gagnaient 1 400 € en Grande-Bretagne, soit 40 % de plus,
    d'après Relation Client Magazine (2009). »: editor37 found it in the present tense in the 2024 book)."""
    france = s.net_france
    older = france.from_older_edition
    judge, opening = narrative.as_said_then(france, "juge", "jugeait")

    def shown(fig: Figure, then: str = "") -> str:  # dated by the sentence: no edition note on each figure
        return cite(replace(fig, as_of=fig.edition) if older else fig, then=then)

    when = md_escape(formatting.period_text(france.period))
    words = str(france.quote).lower()
    pay = f"les téléconseillers touchent {shown(france, ' nets')} par mois en France" + ("" if older else f" en {when}")
    who = person(ds, france.source)
    if "scandaleux" in words:
        text = f"{opening or 'En net, '}{who} {judge} «\u00a0scandaleux\u00a0» que {pay}"
    else:
        text = f"{opening or 'En net, '}selon {who}, {pay}"
    if s.net_uk is not None:
        more = direction(s.uk_premium, up="de plus", down="de moins", flat="")
        earn = narrative.tensed(france, "gagnent", "gagnaient")
        text += f", quand ils en {earn} {shown(s.net_uk)} {in_place(place_said(s.net_uk, 'united_kingdom'))}"
        if more:
            text += f", soit {formatting.percent(abs(s.uk_premium) * 100)} {more}"
    if older:  # the publication and the edition once, at the end (a 2009 book must tell 2008's from its own)
        outlet = france.publication_outlet or france.source_name
        when = ", ".join(x for x in (str(france.publication_year or ""), f"édition {france.edition}") if x)
        text += f", d’après {md_escape(outlet)} ({when})"
    if "scandaleux" in words:
        return text + "."
    return text + f" : {quote(france, attribution=False)}."


def salary_history(ds: Dataset, edition: int) -> pd.DataFrame:
    """The adviser's gross salary by year as known in the edition, with the monthly SMIC of 1 July of
    each year; empty when fewer than two years are known. The SMIC of every year from the first to the
    last (``attrs["smic"]``: year -> amount) draws its line through the years with no published salary."""
    table = history.yearly_history(ds, ["adviser_salary_gross"], edition)
    if table.empty:
        return table
    table = table[table["périmètre"] == table["périmètre"].iloc[0]]
    smic = [model.monthly_minimum_wage(ds.smic_at(date(int(y), 7, 1))) for y in table["année"]]
    table = table.assign(smic=smic, **{"texte smic": [formatting.euros(v) for v in smic]})
    years = range(int(table["année"].min()), int(table["année"].max()) + 1)
    table.attrs["smic"] = {y: model.monthly_minimum_wage(ds.smic_at(date(y, 7, 1))) for y in years}
    return table


def _gap_ends(table: pd.DataFrame) -> tuple[pd.Series, pd.Series, list[float]] | None:
    """The curve's first and last years within the last series (no break between them) and the salary's gap to the
    Smic in each, as a fraction; None with fewer than two such years."""
    if table.empty:
        return None
    ordered = table.sort_values("année")
    if "segment" in ordered.columns:
        ordered = ordered[ordered["segment"] == ordered["segment"].iloc[-1]]
    if len(ordered) < 2:
        return None
    first, last = ordered.iloc[0], ordered.iloc[-1]
    return first, last, [float(r["valeur"]) / float(r["smic"]) - 1 for r in (first, last)]


def gap_history_text(table: pd.DataFrame) -> str:
    """« De 2008 à 2014, le salaire moyen des conseillers a progressé de 2,1 % et le Smic mensuel brut de 9,4 % : son
    avance sur le Smic est passée de 15,7 % à 7,9 %. » The first and last years of the curve within one series (no
    break between them), each move's verb from its sign (editor42: the 2024 page drew the gap's halving and told
    only 2014's); « environ » before a number computed from an approximate salary; '' with fewer than two years."""
    ends = _gap_ends(table)
    if ends is None:
        return ""
    first, last, gaps = ends
    rough = [r["_figure"].qualifier != "exact" for r in (first, last)]

    def amount(change: float, approx: bool) -> str:
        shown = ("environ " if approx else "") + formatting.percent(abs(change) * 100, 1)
        return elide("de", shown) + shown

    def moved(change: float, approx: bool) -> tuple[str, str]:
        verb = direction(change, up="a progressé", down="a baissé", flat="a stagné")
        return verb, ("" if verb == "a stagné" else " " + amount(change, approx))

    pay_verb, pay_by = moved(float(last["valeur"]) / float(first["valeur"]) - 1, any(rough))
    smic_verb, smic_by = moved(float(last["smic"]) / float(first["smic"]) - 1, False)
    smic_said = (f"et le Smic mensuel brut{smic_by}" if smic_verb == pay_verb and smic_by
                 else f"quand le Smic mensuel brut {smic_verb}{smic_by}")
    ahead = direction(gaps[0], up="son avance sur le Smic est passée", down="son retard sur le Smic est passé",
                      flat="son écart au Smic est passé")
    last_gap = ("environ " if rough[1] else "") + formatting.percent(abs(gaps[1]) * 100, 1)
    crossed = " (le salaire passe alors sous le Smic)" if gaps[0] >= 0 > gaps[1] else (
        " (le salaire passe alors au-dessus du Smic)" if gaps[0] < 0 <= gaps[1] else "")
    return (f"De {first['année']} à {last['année']}, le salaire moyen des conseillers {pay_verb}{pay_by} {smic_said} : "
            f"{ahead} {amount(gaps[0], rough[0])} à {last_gap}{crossed} (calcul du livre).")


def gap_then(table: pd.DataFrame) -> str:
    """« , contre 15,7 % en 2008 »: the salary's gap to the Smic in the curve's first year of the same series, after
    « 7,9 % de plus que le Smic » in « À retenir » ('' with fewer than two years, or a gap of another sign)."""
    ends = _gap_ends(table)
    if ends is None:
        return ""
    first, _, gaps = ends
    if (gaps[0] >= 0) != (gaps[1] >= 0):
        return ""
    approx = "environ " if first["_figure"].qualifier != "exact" else ""
    return f", contre {approx}{formatting.percent(abs(gaps[0]) * 100, 1)} en {first['année']}"


SALARY_TOLERANCE = 0.01  # a move of less than 1 % a year is no move


def salary_history_title(table: pd.DataFrame) -> str:
    """The shape of the curve, chosen by the data: each move between two published years (per year, under
    1 % a year: none) gives its direction; one direction (« progresse », « baisse »), none (« stagne »), a
    V (« baisse puis remonte ») or its reverse, and no direction at all across a break in the series (the
    two parts measure different things) or for a curve that turns more than once."""
    ordered = table.sort_values("année")
    first, last = ordered["année"].iloc[0], ordered["année"].iloc[-1]
    neutral = f"Le salaire moyen des conseillers de {first} à {last}"
    if "segment" in ordered.columns and ordered["segment"].nunique() > 1:
        return neutral
    moves = []
    for (y0, v0), (y1, v1) in zip(zip(ordered["année"], ordered["valeur"], strict=True),
                                  zip(ordered["année"].iloc[1:], ordered["valeur"].iloc[1:], strict=True),
                                  strict=False):
        yearly = (float(v1) / float(v0)) ** (1 / max(1, int(y1) - int(y0))) - 1 if float(v0) > 0 else 0.0
        move = direction(yearly, up="up", down="down", flat="", tolerance=SALARY_TOLERANCE)
        if move and (not moves or moves[-1] != move):
            moves.append(move)
    verb = {(): "stagne", ("up",): "progresse", ("down",): "baisse", ("down", "up"): "baisse puis remonte",
            ("up", "down"): "progresse puis recule"}.get(tuple(moves))
    return neutral if verb is None else f"Le salaire moyen des conseillers {verb} de {first} à {last}"


def salary_history_chart(table: pd.DataFrame) -> ChartOutput:
    """The salary and the SMIC by year on a time axis: years apart by their distance (a year with no
    published salary leaves its gap in the salary's line, ``history.joined_runs``), the line joining
    point values only; the SMIC, known every year, drawn every year."""
    data = table.drop(columns=[c for c in ("_figure", "_break") if c in table.columns]).sort_values("année",
                                                                                                  kind="stable")
    series = ["Salaire moyen brut des conseillers", "Smic mensuel brut (1ᵉʳ juillet)"]
    smic = table.attrs.get("smic") or dict(zip(data["année"], data["smic"], strict=True))
    smic_years = sorted(smic)
    salary = pd.DataFrame({"année": data["année"], "série": series[0], "euros": data["valeur"], "texte": data["texte"],
                           "bas": data["bas"], "haut": data["haut"], "borne": data["borne"],
                           "segment": data["segment"] if "segment" in data.columns else 0,
                           "rupture": data["rupture"] if "rupture" in data.columns else ""})
    minimum = pd.DataFrame({"année": smic_years, "série": series[1], "euros": [smic[y] for y in smic_years],
                            "texte": [formatting.euros(smic[y]) for y in smic_years],
                            "bas": [smic[y] for y in smic_years], "haut": [smic[y] for y in smic_years],
                            "borne": 0, "segment": 0, "rupture": ""})
    long = pd.concat([salary, minimum], ignore_index=True)
    drawn = long.assign(**{LINE_RUN: [run for s in series for run in history.joined_runs(long[long["série"] == s])]})
    # a true time scale: 2008, 2009 and 2011 are not evenly spaced when 2010 is missing; years as years (« 2011 »,
    # not « 2 011 »), one tick a year at most
    x = alt.X("année:Q", title=None, scale=alt.Scale(zero=False, nice=False),
              axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0))
    y = alt.Y("euros:Q", title="€ bruts par mois", scale=alt.Scale(zero=True))
    color = alt.Color("série:N", title=None, scale=alt.Scale(domain=series, range=[PALETTE[0], "#9a9a9a"]),
                      legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=300))
    tooltip = [alt.Tooltip("série:N", title="Série"), alt.Tooltip("année:Q", title="Année", format="d"),
               alt.Tooltip("texte:N", title="Par mois")]
    base = alt.Chart(drawn).encode(x=x, y=y, color=color, tooltip=tooltip)
    chart = base.transform_filter(f"datum['{LINE_RUN}'] != {NO_LINE}").mark_line(point=True).encode(
        detail=f"{LINE_RUN}:N")
    if (drawn[LINE_RUN] == NO_LINE).any():  # a range as a bar from end to end, a bound as an open dot
        chart = alt.layer(
            chart,
            base.transform_filter("datum.bas < datum.haut").mark_rule(strokeWidth=5).encode(y="bas:Q", y2="haut:Q"),
            base.transform_filter("datum.borne != 0").mark_point(filled=False, fill="white", strokeWidth=2, opacity=1),
        )
    if (salary["rupture"] != "").any():  # a break in the salary's series: a dashed rule, labelled
        marks = alt.Chart(salary[salary["rupture"] != ""]).encode(x=x)
        chart = alt.layer(
            chart,
            marks.mark_rule(color=history.BREAK_COLOUR, strokeDash=[4, 3], strokeWidth=1),
            marks.mark_text(align="left", baseline="top", dx=3, fontSize=10, color=history.BREAK_COLOUR).encode(
                y=alt.value(1), text="rupture:N"),
        )
    chart = chart.properties(height=240)
    listing = "; ".join(f"{y} : {t} (Smic {m})" for y, t, m in
                        zip(data["année"], data["texte"], data["texte smic"], strict=True))
    breaks = "".join(f" Rupture de série en {y} : les salaires de part et d'autre ne sont pas reliés."
                     for y in salary.loc[salary["rupture"] != "", "année"])
    return chart_output(
        chart,
        name="valeur-salaire-historique",
        title=salary_history_title(table),
        source=source_line(history.figures_of(table)) + " ; Smic horaire brut (Légifrance) ; calculs du livre",
        description=f"Courbes du salaire moyen brut des conseillers et du Smic mensuel brut à temps plein, "
        f"par année : {listing}. Chaque salaire est le dernier publié pour son année ; le Smic est tracé chaque "
        f"année.{breaks}",
        data=long,
    )


# One panel per quantity: gross pay and net pay are never drawn on one axis (no sourced conversion
# between them exists in the data); each panel has its own scale, titled with its quantity.
SALARY_PANELS = {"Brut": "Montants bruts", "Net": "Montants nets"}
SALARY_AXES = {"Brut": "€ bruts par mois", "Net": "€ nets par mois"}


def salary_scale(nature: str) -> str:
    """The quantity a row of the salary table is measured in: « Brut » (the SMIC is gross) or « Net »."""
    return "Net" if nature == "Net" else "Brut"


def salary_chart(table: pd.DataFrame, s: Salaries) -> ChartOutput:
    """Small multiples: gross amounts (the SMIC, the adviser's gross salary) in one panel, net amounts in
    another, each on its own euro scale."""
    table = table.assign(échelle=[salary_scale(n) for n in table["nature"]])
    colours = alt.Scale(domain=["Smic brut (référence)", "Brut", "Net"], range=["#9a9a9a", PALETTE[0], PALETTE[1]])
    panels = []
    for scale, panel_title in SALARY_PANELS.items():
        rows = table[table["échelle"] == scale]
        if rows.empty:
            continue
        base = alt.Chart(rows).encode(
            y=alt.Y("montant:N", title=None, sort=None, axis=None),
            tooltip=[alt.Tooltip("montant:N", title="Montant"), alt.Tooltip("texte:N", title="Par mois"),
                     alt.Tooltip("origine:N", title="Origine")],
        )
        bars = base.mark_bar(size=22).encode(
            x=alt.X("euros:Q", title=SALARY_AXES[scale], axis=alt.Axis(tickCount=4)),
            color=alt.Color("nature:N", legend=None, scale=colours),
        )
        labels = base.mark_text(align="right", dx=-6, color="white", fontWeight="bold").encode(
            x="euros:Q", text="texte:N")
        panels.append((bars + labels + row_labels(rows, "montant", bar_size=22)).properties(
            height=alt.Step(58), width=PANEL_WIDTH,
            title=alt.TitleParams(panel_title, fontSize=13, anchor="start")))
    chart = alt.vconcat(*panels, spacing=26) if len(panels) > 1 else panels[0]
    listing = "; ".join(f"{m} : {t}" for m, t in zip(table["montant"], table["texte"], strict=True))
    nets = "" if "Net" not in set(table["échelle"]) else (
        " Les montants nets ont leur propre panneau et leur propre échelle : un salaire net ne se compare pas "
        "à un brut."
    )
    return chart_output(
        chart,
        name="valeur-salaires",
        title="Salaires des conseillers et Smic",
        source=source_line(s.figures) + " ; Smic horaire brut (Légifrance) ; calculs du livre",
        description=(
            "Barres horizontales des montants mensuels, en euros (salaire moyen des conseillers, "
            "salaire net des téléconseillers, Smic à temps plein au 1ᵉʳ juillet) : " + listing + "." + nets
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

    def confirms(self, claim: Figure) -> bool:
        """True when the official change meets the claim as its qualifier reads it (« plus de 35 % »)."""
        return prices_model.claim_holds(self.change * 100, claim.central, claim.qualifier)


def smic_change(ds: Dataset, claim: Figure) -> SmicChange:
    """The hourly SMIC on 1 July of the first and last year of a claim's period ('2000-2008')."""
    first, _, last = claim.period.partition("-")
    if not (first.isdigit() and last.isdigit()):
        raise ValueError(f"the period of {claim.indicator} must be 'YYYY-YYYY', got {claim.period!r}")
    start, end = date(int(first), 7, 1), date(int(last), 7, 1)
    return SmicChange(start, end, ds.smic_at(start), ds.smic_at(end))


def smic_text(ds: Dataset, edition: int) -> str:
    """« Sur la durée, le Smic a augmenté de 36 % entre 2000 et 2008, quand le prix de l'heure de production
    baissait (voir …) » from the article's claim and the legal rates; in a later book, the rise up to the edition's
    year after it (editor39: « entre 2000 et 2008 » alone was stale in the
    2024 book, whose prices chapter gives the Smic to 2024); '' without the claim or the hour's price."""
    claim = ds.known("smic_increase_claimed", edition)
    hour_price = ds.known("production_hour_price_change_since_2000", edition)
    if claim is None or hour_price is None:
        return ""
    smic = smic_change(ds, claim)
    low, high = hour_price.bounds
    price_word = "baissait" if high < 0 else "montait" if low > 0 else "stagnait"
    rose = direction(smic.change, up="augmenté", down="baissé", flat="stagné")
    later = ""
    if narrative.stale(claim, edition):  # a later book: the rise up to its year, the rate in force on 1 July
        then = SmicChange(smic.start, date(edition, 7, 1), smic.start_value, ds.smic_at(date(edition, 7, 1)))
        moved = direction(then.change, up="augmenté", down="baissé", flat="stagné")
        later = (f" De {smic.start.year} à {edition}, il a {moved}"
                 + (f" de {formatting.percent(abs(then.change) * 100)}." if moved != "stagné" else "."))
    return (f"Sur la durée, le Smic horaire brut a {rose} de {formatting.percent(abs(smic.change) * 100)} entre "
            f"{smic.start.year} et {smic.end.year}, quand le prix de l'heure de production {price_word} (voir le "
            f"chapitre {{doc}}`« La guerre des prix » <prices>`).{later}")


# --------------------------------------------------------------------------- synthesis


def summary(ds: Dataset, edition: int) -> ChapterSummary:
    """The chapter's key figure and takeaway (data only), for the chapter and the synthesis page; built
    from what the edition knows (the model's lesson holds whatever the data)."""
    # the model's lesson, said as the model's (editor37: stated as a fact of the market)
    lesson = ("Dans le modèle du livre, payés à l'appel, les prestataires gagnent moins quand la qualité progresse : "
              "il faut payer la résolution.")
    s = salaries(ds, edition)
    if s is None:
        return ChapterSummary(chapter=CHAPTER, key_label="Payer la qualité",
                              key_figure="modèle du livre", takeaway=lesson)
    training = known(ds.known("adviser_training_weeks", edition))
    trained = f", formé en {cite(training, with_noun=True)}," if training is not None else ""
    if training is not None and training.from_older_edition:  # an older figure, with its year
        trained = (f", formé en {cite(training, with_noun=True)} selon les propos rapportés en "
                   f"{md_escape(formatting.period_text(training.period))},")
    return ChapterSummary(
        chapter=CHAPTER,
        key_label=s.gross.label,
        key_figure=narrative.cite_in(s.gross, then=" par mois"),
        takeaway=(
            f"{lesson} Le conseiller{trained} {'gagnait' if s.gross.from_older_edition else 'gagne'} en moyenne "
            f"{narrative.cite_in(s.gross, then=' bruts par mois')}, "
            f"{smic_comparison(s)}."
        ),
    )


def pay_abroad_caveat(ds: Dataset, abroad: Figure, home: Figure | None, country: str = "united_kingdom") -> str:
    """How to read a pay abroad quoted in euros: the currency conversion is not stated; at Eurostat's
    comparative price levels (when the data folder has them for the pay's year or before), what the amount
    buys at home, and the gap in purchasing power against the pay at home."""
    from barometre.claims import gbp_conversion_text

    text = ("L'écart se lit avec prudence : le salaire britannique est payé en livres, et l'article ne dit pas à "
            "quel taux de change ce montant a été converti en euros.")
    conversion = gbp_conversion_text(ds, abroad) if country == "united_kingdom" else ""
    if conversion:
        text += " Or le change a beaucoup bougé. " + conversion
    year = period_end(abroad.period)
    there, here = ds.price_level(country, year), ds.price_level("france", year)
    if there is None or here is None or there[0] != here[0]:
        return text + " L'article ne dit pas non plus ce que ce salaire permet d'acheter outre-Manche, où les prix ne sont pas ceux de la France."
    equivalent = model.price_level_equivalent(abroad.central, there[1], here[1])
    text += (f" Quant aux prix, Eurostat les situe en {there[0]} à {formatting.number(here[1], 0)} en France et "
             f"{formatting.number(there[1], 0)} au Royaume-Uni (consommation des ménages, moyenne de l'Union à 27 = "
             f"100, au taux de change moyen de l'année) : {cite(narrative.dated(abroad))} dépensés outre-Manche y achetaient ce que "
             f"{formatting.euros(round(equivalent, -1))} achetaient en France")  # that year's prices: in the past
    if home is not None and home.central > 0:
        real = (equivalent / home.central - 1) * 100
        nominal = (abroad.central / home.central - 1) * 100
        # the testimony's figures, dated by the sentence before (« En 2009, Eric Dadian … »): no edition note
        text += (f", soit {formatting.percent(real, 0)} de plus que les {cite(narrative.dated(home))} français en "
                 f"pouvoir d'achat, contre {formatting.percent(nominal, 0)} en euros" if real > 0 else
                 f" : en pouvoir d'achat, l'écart avec les {cite(narrative.dated(home))} français s'inverse")
    return text + "."


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
