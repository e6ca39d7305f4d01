"""The adviser's pay edition after edition, its gap to the Smic over one series, and the Smic's rise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import altair as alt
import pandas as pd

from barometre import formatting, history, narrative
from barometre.charts import (
    LINE_RUN,
    NO_LINE,
    PALETTE,
    ChartOutput,
    chart_output,
)
from barometre.data import Dataset, Figure
from barometre.models import prices as prices_model
from barometre.models import value as model
from barometre.narrative import (
    direction,
    source_line,
)
from barometre.narrative.templating import macro, phrase, render

CHARTS = "chapters/value/charts.md.j2"  # the words of the chapter's charts


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


@dataclass(frozen=True)
class SalaryGap:
    """The salary's gap to the Smic in the curve's first and last years within its last series (no break between
    them), as fractions, with the moves of the salary and of the Smic between them."""

    first_year: int
    last_year: int
    pay_change: float  # the salary's move from the first year to the last, as a fraction
    smic_change: float  # the monthly Smic's
    first_gap: float  # the salary over the Smic, minus one, in the first year
    last_gap: float  # and in the last
    first_rough: bool  # the first year's salary is approximate (« environ » before what is computed from it)
    last_rough: bool


def salary_gap(table: pd.DataFrame) -> SalaryGap | None:
    """The salary's gap to the Smic at both ends of the curve's last series; None with fewer than two such years."""
    if table.empty:
        return None
    ordered = table.sort_values("année")
    if "segment" in ordered.columns:
        ordered = ordered[ordered["segment"] == ordered["segment"].iloc[-1]]
    if len(ordered) < 2:
        return None
    first, last = ordered.iloc[0], ordered.iloc[-1]
    return SalaryGap(
        first_year=int(first["année"]), last_year=int(last["année"]),
        pay_change=float(last["valeur"]) / float(first["valeur"]) - 1,
        smic_change=float(last["smic"]) / float(first["smic"]) - 1,
        first_gap=float(first["valeur"]) / float(first["smic"]) - 1,
        last_gap=float(last["valeur"]) / float(last["smic"]) - 1,
        first_rough=first["_figure"].qualifier != "exact", last_rough=last["_figure"].qualifier != "exact",
    )


def gap_history_of(gap: SalaryGap | None) -> str:
    """« De 2008 à 2014, le salaire moyen des conseillers a progressé de 2,1 % et le Smic mensuel brut de 9,4 % : son
    avance sur le Smic est passée de 15,7 % à 7,9 %. » (template ``gap_history.md.j2``; '' without a gap)."""
    return "" if gap is None else render("chapters/value/gap_history.md.j2", gap=gap)


def gap_history_text(table: pd.DataFrame) -> str:
    """The gap's history over the curve ``table`` (``gap_history_of`` its ``salary_gap``)."""
    return gap_history_of(salary_gap(table))


def gap_then(table: pd.DataFrame) -> str:
    """« , contre 15,7 % en 2008 »: the salary's gap to the Smic in the curve's first year of the same series, after
    « 7,9 % de plus que le Smic » in « À retenir » ('' with fewer than two years, or a gap of another sign)."""
    return str(macro("chapters/value/_phrases.md.j2", "gap_then")(salary_gap(table)))


SALARY_TOLERANCE = 0.01  # a move of less than 1 % a year is no move


def salary_history_title(table: pd.DataFrame) -> str:
    """The shape of the curve, chosen by the data: each move between two published years (per year, under
    1 % a year: none) gives its direction; one direction (« progresse », « baisse »), none (« stagne »), a
    V (« baisse puis remonte ») or its reverse, and no direction at all across a break in the series (the
    two parts measure different things) or for a curve that turns more than once."""
    ordered = table.sort_values("année")
    first, last = ordered["année"].iloc[0], ordered["année"].iloc[-1]
    if "segment" in ordered.columns and ordered["segment"].nunique() > 1:
        return phrase(CHARTS, "history_title", None, first, last)
    moves = []
    for (y0, v0), (y1, v1) in zip(zip(ordered["année"], ordered["valeur"], strict=True),
                                  zip(ordered["année"].iloc[1:], ordered["valeur"].iloc[1:], strict=True),
                                  strict=False):
        yearly = (float(v1) / float(v0)) ** (1 / max(1, int(y1) - int(y0))) - 1 if float(v0) > 0 else 0.0
        move = direction(yearly, up="up", down="down", flat="", tolerance=SALARY_TOLERANCE)
        if move and (not moves or moves[-1] != move):
            moves.append(move)
    return phrase(CHARTS, "history_title", tuple(moves), first, last)


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
    return chart_output(
        chart,
        name="valeur-salaire-historique",
        title=salary_history_title(table),
        source=source_line(history.figures_of(table)) + " ; Smic horaire brut (Légifrance) ; calculs du livre",
        description=phrase(CHARTS, "history_description",
                           list(zip(data["année"], data["texte"], data["texte smic"], strict=True)),
                           list(salary.loc[salary["rupture"] != "", "année"])),
        data=long,
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


@dataclass(frozen=True)
class SmicRise:
    """The Smic's rise over the article's claim's period, beside the hour's price (the prices chapter's), and in a
    later book up to the edition's year."""

    claim: Figure
    hour_price: Figure
    change: SmicChange
    later: SmicChange | None  # up to 1 July of the edition's year, in a later book than the claim's


def smic_rise(ds: Dataset, edition: int) -> SmicRise | None:
    """None without the claim or the hour's price."""
    claim = ds.known("smic_increase_claimed", edition)
    hour_price = ds.known("production_hour_price_change_since_2000", edition)
    if claim is None or hour_price is None:
        return None
    smic = smic_change(ds, claim)
    later = (SmicChange(smic.start, date(edition, 7, 1), smic.start_value, ds.smic_at(date(edition, 7, 1)))
             if narrative.stale(claim, edition) else None)
    return SmicRise(claim, hour_price, smic, later)


def smic_text_of(rise: SmicRise | None) -> str:
    """« Sur la durée, le Smic a augmenté de 36 % entre 2000 et 2008, quand le prix de l'heure de production
    baissait (voir …) »; in a later book, the rise up to the edition's year after it (template ``smic.md.j2``)."""
    return "" if rise is None else render("chapters/value/smic.md.j2", rise=rise)


def smic_text(ds: Dataset, edition: int) -> str:
    """The Smic's rise for ``edition`` (``smic_text_of`` its ``smic_rise``); '' without the claim or the hour's price."""
    return smic_text_of(smic_rise(ds, edition))
