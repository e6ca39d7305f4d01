"""« Le métier de conseiller »: the adviser's pay against the Smic, net pay, abroad, in words and chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import altair as alt
import pandas as pd

from barometre import formatting, periods
from barometre.chapters.value.common import known
from barometre.charts import (
    PALETTE,
    ChartOutput,
    chart_output,
    row_labels,
)
from barometre.data import Dataset, Figure, period_end
from barometre.history import PANEL_WIDTH
from barometre.labels import scope_label
from barometre.models import value as model
from barometre.models.value import LEGAL_MONTHLY_HOURS
from barometre.narrative import (
    person,
    source_line,
)
from barometre.narrative.templating import macro, phrase, render


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
    return str(macro("chapters/value/_phrases.md.j2", "change_words")(change))


def smic_gap_words(s: Salaries) -> str:
    """« le dépasse de 15 % » or « reste en deçà de 3 % »; in the past (« le dépassait ») for a salary
    an older edition published."""
    return str(macro("chapters/value/_phrases.md.j2", "smic_gap_words")(s))


def salary_opening(s: Salaries) -> str:
    """« Le baromètre établit le salaire moyen … » (« établissait » for an older edition's salary)."""
    return str(macro("chapters/value/_phrases.md.j2", "salary_opening")(s))


def salary_text(s: Salaries) -> str:
    """« Le baromètre établit le salaire moyen des conseillers à 1 541 € bruts par mois en 2012, … » and the Smic
    beside it; an older edition's figures carry its note once, after the salary (template ``salary.md.j2``)."""
    return render("chapters/value/salary.md.j2", pay=s, hours=LEGAL_MONTHLY_HOURS)


def salary_not_followed(s: Salaries) -> str:
    """« Aucune édition après celle de 2014 ne publie le salaire des conseillers. » for a book whose edition
    does not publish it ('' otherwise)."""
    return str(macro("chapters/value/_phrases.md.j2", "salary_not_followed")(s))


@dataclass(frozen=True)
class ReportedSalary:
    """A salary level a report of the barometer gives without saying whose salary or which average (2009: « un
    niveau de salaire brut … à 1 427 euros », Journal de l'Automobile), and its gap to the collective minimum when
    the same edition gives it."""

    fig: Figure
    above: Figure | None


def reported_salary(ds: Dataset, edition: int) -> ReportedSalary | None:
    fig = known(ds.known("reported_salary_gross", edition))
    if fig is None:
        return None
    above = known(ds.known("salary_above_collective_minimum", edition, period=fig.period))
    return ReportedSalary(fig, above if above is not None and above.edition == fig.edition else None)


def reported_salary_of(reported: ReportedSalary | None) -> str:
    """The reported level told apart from the advisers' average salary: it is not drawn on its curve (editor39:
    drawn there, it read as a 6,6 % pay cut no source reports); template ``reported.md.j2``."""
    return "" if reported is None else render("chapters/value/reported.md.j2", reported=reported)


def reported_salary_text(ds: Dataset, edition: int) -> str:
    """The salary level of another measure for ``edition`` (``reported_salary_of``); '' when no edition gives it."""
    return reported_salary_of(reported_salary(ds, edition))


def smic_comparison(s: Salaries, smic: str = "le Smic") -> str:
    """« 15 % de plus que le Smic » or « 3 % de moins que le Smic » (``smic``: how the Smic is named; the
    template's macro ``_phrases.md.j2``)."""
    return str(macro("chapters/value/_phrases.md.j2", "smic_comparison")(s, smic))


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
    """« , qui s'appuie sur 600 conseillers chez ses prestataires, » in the edition that reports it; dated and in
    the past in a later one (« , qui s'appuyait en 2009 sur 600 conseillers … »); '' without the figure (the
    template's macro ``_phrases.md.j2``)."""
    return str(macro("chapters/value/_phrases.md.j2", "numericable")(external))


def in_place(name: str) -> str:
    """« en Grande-Bretagne », « au Royaume-Uni », « en France »."""
    return str(macro("chapters/value/_phrases.md.j2", "in_place")(name))


def net_pay_text(ds: Dataset, s: Salaries) -> str:
    """The net pay a speaker quotes in France, and abroad when the data has it, told once; in a later book, in the
    past and dated once, its publication named at the end (template ``net_pay.md.j2``)."""
    return net_pay_of(s, person(ds, s.net_france.source))


def net_pay_of(s: Salaries, speaker: str) -> str:
    """The net pay as ``speaker`` (named with their role) quotes it."""
    return render("chapters/value/net_pay.md.j2", pay=s, speaker=speaker, place=place_said(s.net_uk, "united_kingdom"))


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
    return chart_output(
        chart,
        name="valeur-salaires",
        title="Salaires des conseillers et Smic",
        source=source_line(s.figures) + " ; Smic horaire brut (Légifrance) ; calculs du livre",
        description=phrase("chapters/value/charts.md.j2", "salary_description", list(zip(table["montant"], table["texte"], strict=True)),
                           "Net" in set(table["échelle"])),
        data=table,
    )


@dataclass(frozen=True)
class PayAbroad:
    """How to read a pay abroad quoted in euros: what the exchange rate did (the claims' reading of the ECB's
    rates, '' without them) and, at Eurostat's comparative price levels of the pay's year or before, what the
    amount buys at home."""

    abroad: Figure
    home: Figure | None
    conversion: str  # the claims page's sentence on the ECB's rates of the pay's year ('' without the rates)
    levels_year: int | None = None  # the year of the price levels (None: the data has none for both countries)
    here: float | None = None  # the price level at home (EU27 = 100)
    there: float | None = None  # abroad
    equivalent: float | None = None  # what the pay abroad buys at home, in euros

    @property
    def real(self) -> float | None:
        """The gap in purchasing power against the pay at home, in percent (None without both)."""
        if self.equivalent is None or self.home is None or self.home.central <= 0:
            return None
        return (self.equivalent / self.home.central - 1) * 100

    @property
    def nominal(self) -> float | None:
        """The gap in euros against the pay at home, in percent."""
        return None if self.home is None or self.home.central <= 0 else (self.abroad.central / self.home.central - 1) * 100


def pay_abroad(ds: Dataset, abroad: Figure, home: Figure | None, country: str = "united_kingdom") -> PayAbroad:
    from barometre.claims import gbp_conversion_text

    conversion = gbp_conversion_text(ds, abroad) if country == "united_kingdom" else ""
    year = period_end(abroad.period)
    there, here = ds.price_level(country, year), ds.price_level("france", year)
    if there is None or here is None or there[0] != here[0]:
        return PayAbroad(abroad, home, conversion)
    return PayAbroad(abroad, home, conversion, levels_year=there[0], here=here[1], there=there[1],
                     equivalent=model.price_level_equivalent(abroad.central, there[1], here[1]))


def pay_abroad_of(facts: PayAbroad) -> str:
    """The caveat on a pay abroad (template ``abroad.md.j2``)."""
    return render("chapters/value/abroad.md.j2", abroad=facts)


def pay_abroad_caveat(ds: Dataset, abroad: Figure, home: Figure | None, country: str = "united_kingdom") -> str:
    """How to read a pay abroad quoted in euros: the currency conversion is not stated; at Eurostat's
    comparative price levels (when the data folder has them for the pay's year or before), what the amount
    buys at home, and the gap in purchasing power against the pay at home (``pay_abroad_of``)."""
    return pay_abroad_of(pay_abroad(ds, abroad, home, country))


@dataclass(frozen=True)
class AdviserJob:
    """What the chapter says of the adviser's job: the quality gained (whose words, since when), the adviser's
    training and skills, as an edition up to the book's publishes them."""

    gain: Figure | None  # the years over which the providers' quality progressed
    since: Figure | None  # the year the job is compared with
    training: Figure | None  # the adviser's training
    skills: Figure | None  # the skills required
    speaker: str | None  # who said the quality progressed, named with their role


def adviser_job(ds: Dataset, edition: int) -> AdviserJob:
    gain = ds.known("service_quality_gain_years", edition)
    since = ds.known("adviser_job_comparison_year", edition)
    said = gain or since
    return AdviserJob(gain=gain, since=since, training=ds.known("adviser_training_weeks", edition),
                      skills=ds.known("adviser_required_skills", edition),
                      speaker=person(ds, said.source) if said is not None else None)


def adviser_job_of(job: AdviserJob) -> str:
    """« Le conseiller : formation et salaire »'s opening, each part in the past, with its year, when an older
    edition gave it ('' when none; template ``job.md.j2``)."""
    return render("chapters/value/job.md.j2", job=job)


def adviser_job_text(ds: Dataset, edition: int) -> str:
    """The adviser's job for ``edition`` (``adviser_job_of`` its ``adviser_job``)."""
    return adviser_job_of(adviser_job(ds, edition))
