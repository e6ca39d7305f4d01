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
from barometre.typography import elide


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
