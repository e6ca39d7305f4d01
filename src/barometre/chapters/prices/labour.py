"""« Le coût employeur au Smic »: OpenFisca's series, the model redone with it, and its text."""

from __future__ import annotations

from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.chapters.prices.common import OFFICIAL, PRICE_LINE_NOTE, TEMPLATES, years_text
from barometre.chapters.prices.margin import margin_range_text
from barometre.chapters.prices.smic import smic_mid_year
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure
from barometre.models import prices as model
from barometre.narrative import source_line
from barometre.narrative.templating import phrase, render

LABOUR_SOURCE = phrase(f"{TEMPLATES}/charts.md.j2", "labour_source")  # the employer cost's source, on its chart


LABOUR = f"{TEMPLATES}/_labour.md.j2"  # the pieces of the section's text and of its « À retenir » line


def labour_cost_years(ds: Dataset, until: int | None = None) -> pd.DataFrame:
    """The years the OpenFisca snapshot covers (status computed), with the employer cost and its parts;
    up to ``until`` (an edition's book does not tell the years after it)."""
    table = ds.labour_cost()
    if table.empty:
        return table
    covered = table[table["status"] == "computed"].copy()
    covered["year"] = covered["year"].astype(int)
    if until is not None:
        covered = covered[covered["year"] <= until]
    return covered.sort_values("year").reset_index(drop=True)


@dataclass(frozen=True)
class LabourSqueeze:
    """The margin model over the years the employer cost covers, with the personnel cost following the
    gross Smic (the book's model) or the employer cost at the Smic (contributions and reductions)."""

    base: int
    end: int
    smic_rise: float  # percent, gross Smic from base to end
    cost_rise: float  # percent, employer cost at the Smic from base to end
    reduction_share_base: float  # general reduction / gross wage, base year (fraction)
    reduction_share_end: float
    margin_smic: tuple[float, float]  # end-year margin (fraction) for the low and high price ends
    margin_cost: tuple[float, float]
    explained: tuple[float | None, float | None]  # share of the margin's fall the cost path removes


def labour_squeeze(inputs: model.MarginInputs, ds: Dataset, price: Figure, start: int, end: int) -> LabourSqueeze | None:
    """The squeeze from the first year the snapshot covers (at or after ``start``) to ``end``, both
    ways. ``None`` when the snapshot covers fewer than two of these years. The price follows the
    book's straight line from ``start`` to ``end``, rebased on the first covered year."""
    covered = labour_cost_years(ds)
    if covered.empty:
        return None
    years = [int(y) for y in covered["year"] if start <= int(y) <= end]
    if len(years) < 2 or end not in years:
        return None
    base = years[0]
    row = covered.set_index("year")
    smic = smic_mid_year(ds, [base, end])
    cpi = ds.cpi()
    if base not in cpi.index or end not in cpi.index:
        return None
    wage_smic = smic[end] / smic[base]
    wage_cost = float(row.loc[end, "employer_cost"]) / float(row.loc[base, "employer_cost"])
    prices = float(cpi[end]) / float(cpi[base])
    margins_smic, margins_cost, explained = [], [], []
    for change in price.bounds:
        factor = (model.linear_factor(change / 100, start, end, end)
                  / model.linear_factor(change / 100, start, end, base))
        m_smic = model.margin(inputs, wage_smic, prices, factor, end - base)
        m_cost = model.margin(inputs, wage_cost, prices, factor, end - base)
        margins_smic.append(m_smic)
        margins_cost.append(m_cost)
        explained.append(model.explained_share(inputs.start_margin - m_smic, inputs.start_margin - m_cost))
    return LabourSqueeze(
        base, end, (wage_smic - 1) * 100, (wage_cost - 1) * 100,
        float(row.loc[base, "general_reduction"]) / float(row.loc[base, "gross_wage"]),
        float(row.loc[end, "general_reduction"]) / float(row.loc[end, "gross_wage"]),
        (margins_smic[0], margins_smic[1]), (margins_cost[0], margins_cost[1]), (explained[0], explained[1]),
    )


@dataclass(frozen=True)
class LaterCost:
    """The employer cost at the Smic after the model's years, up to the edition's year (or the series' last)."""

    last: int
    smic_rise: float  # percent, from the model's end to ``last``
    cost_rise: float
    share: float  # the general reduction as a share of the gross wage in ``last``

    def diverges(self, squeeze: LabourSqueeze) -> bool:
        """True when the reduction weighs more or less on the wage than at the model's end."""
        return abs(self.share - squeeze.reduction_share_end) >= 0.005


def later_cost(ds: Dataset, squeeze: LabourSqueeze, edition: int) -> LaterCost | None:
    """What the series shows after the model's years, up to the edition; None when it stops at the model's end."""
    covered = labour_cost_years(ds, until=edition)
    later = [int(y) for y in covered["year"] if int(y) > squeeze.end] if not covered.empty else []
    if not later:
        return None
    last = later[-1]
    row = covered.set_index("year")
    smic = smic_mid_year(ds, [squeeze.end, last])
    return LaterCost(last, (smic[last] / smic[squeeze.end] - 1) * 100,
                     (float(row.loc[last, "employer_cost"]) / float(row.loc[squeeze.end, "employer_cost"]) - 1) * 100,
                     float(row.loc[last, "general_reduction"]) / float(row.loc[last, "gross_wage"]))


def later_cost_text(ds: Dataset, squeeze: LabourSqueeze, edition: int, after: LaterCost | None = None) -> str:
    """What the employer cost at the Smic did after the model's years, when the series covers them up to the
    edition (editor39: the 2024 book said « le coût employeur suit donc le Smic » beside a chart in which, from
    2006 to 2024, the gross Smic rises 40,9 % and the cost 25 %): « Après 2008, … de 2008 à 2024, le Smic brut
    augmente de 32 % et le coût employeur au Smic de 20 % : la réduction passe de 26 % à 32 % du salaire brut. »
    « reste à 26 % » when it does not move (editor40: « passe de 26 % à 26 % »). '' when the series stops at the
    model's end. ``after``: ``later_cost`` when the caller has it already."""
    return later_words(squeeze, after or later_cost(ds, squeeze, edition))


def later_words(squeeze: LabourSqueeze, after: LaterCost | None) -> str:
    """``later_cost_text`` of the cost after the model's years ``after`` ('' without)."""
    return " " + phrase(LABOUR, "later_cost", squeeze, after, after.diverges(squeeze)) if after is not None else ""


def cost_words(squeeze: LabourSqueeze, after: LaterCost | None, *, capital: bool = True) -> str:
    """The model's finding on the employer cost and what the series shows after it (``after``, ``later_cost``), one
    text for the chapter and its « À retenir » (editor40: the box kept a clause the next sentence refuted)."""
    return (explained_text(squeeze, capital=capital, later_diverges=after is not None and after.diverges(squeeze))
            + later_words(squeeze, after))


def cost_text(ds: Dataset, squeeze: LabourSqueeze, edition: int, *, capital: bool = True) -> str:
    """``cost_words`` with the series after the model's years as the edition knows it."""
    return cost_words(squeeze, later_cost(ds, squeeze, edition), capital=capital)


def margin_gain(squeeze: LabourSqueeze) -> tuple[list[float], str]:
    """What the employer-cost path adds to the model's end-year margin, in points, low and high price ends sorted,
    and as the text says it (« 0,1 point », « 0,1 à 0,3 point »)."""
    gains = sorted((c - m) * 100 for c, m in zip(squeeze.margin_cost, squeeze.margin_smic, strict=True))
    lo_p, hi_p = (formatting.points(g, 1, signed=False) for g in gains)
    return gains, lo_p if lo_p == hi_p else f"{formatting.number(gains[0], 1)} à {hi_p}"


def reduction_words(squeeze: LabourSqueeze) -> str:
    """« la réduction reste à 26 % du salaire brut » over the model's years, or « la réduction pèse 24 % du salaire
    brut en 2006 et 26 % en 2008 » (editors 42, 43: « 26 % en 2006 et 26 % en 2008 »)."""
    return phrase(LABOUR, "reduction_words", squeeze)


def cost_takeaway(ds: Dataset, squeeze: LabourSqueeze, edition: int) -> str:
    """``cost_takeaway_of`` with the series after the model's years as the edition knows it."""
    return cost_takeaway_of(squeeze, later_cost(ds, squeeze, edition))


def cost_takeaway_of(squeeze: LabourSqueeze, after: LaterCost | None) -> str:
    """The employer cost in « À retenir », short (editors 42 and 43: the box copied the section's ninety words): « de
    2006 à 2011, la réduction générale reste à 26 % du salaire brut : le coût employeur au Smic suit le Smic brut
    (+8,9 % contre +8,8 %) ; dans le modèle, elle ne relève la marge de 2008 que de 0,1 point. » When the reduction
    weighs more after the model's years: « de 2008 à 2024, le coût employeur au Smic augmente de 18,8 %, le Smic
    brut de 33,8 % : la réduction passe de 26 % à 32,3 % du salaire brut ; … »."""
    gains, moved = margin_gain(squeeze)
    last = after.last if after is not None else squeeze.end
    smic = (1 + squeeze.smic_rise / 100) * (1 + (after.smic_rise if after else 0) / 100) * 100 - 100
    cost = (1 + squeeze.cost_rise / 100) * (1 + (after.cost_rise if after else 0) / 100) * 100 - 100
    return render(f"{TEMPLATES}/cost_takeaway.md.j2", s=squeeze, after=after,
                  diverges=after is not None and after.diverges(squeeze), raised=gains[0] > 0,
                  small=max((s for s in squeeze.explained if s is not None), default=1) < 0.1, moved=moved,
                  last=last, smic=smic, cost=cost,
                  flat=abs(squeeze.reduction_share_end - squeeze.reduction_share_base) < 0.005)


def labour_index_table(ds: Dataset, price: Figure, start: int, end: int, until: int | None = None) -> pd.DataFrame:
    """The gross Smic, the employer cost at the Smic and the price of a production hour (the book's line,
    both ends) on one index, 100 in the first year the snapshot covers; long format. ``until``: the book's
    edition, whose chart stops at its year (the 2011 book drew the series to 2024 while its text stopped
    in 2011)."""
    covered = labour_cost_years(ds, until=until)
    years = [int(y) for y in covered["year"]] if not covered.empty else []
    if len(years) < 2:
        return pd.DataFrame(columns=["année", "série", "indice", "texte"])
    base = years[0]
    row = covered.set_index("year")
    smic = model.index_series({y: float(row.loc[y, "gross_wage"]) for y in years}, base)
    cost = model.index_series({y: float(row.loc[y, "employer_cost"]) for y in years}, base)
    rows = []
    for name, series in (("Smic brut d'un temps plein", smic), ("Coût employeur au Smic", cost)):
        for y in years:
            rows.append({"année": y, "série": name, "indice": series[y], "texte": formatting.number(series[y], 1)})
    if start <= base <= end:
        for label, change in (("Prix de l'heure (borne basse)", price.bounds[0]),
                              ("Prix de l'heure (borne haute)", price.bounds[1])):
            for y in years:
                if y > end:
                    continue
                v = 100 * (model.linear_factor(change / 100, start, end, y)
                           / model.linear_factor(change / 100, start, end, base))
                rows.append({"année": y, "série": label, "indice": v, "texte": formatting.number(v, 1)})
    return pd.DataFrame(rows)


PRICE_BAND = "Prix de l'heure (entre les bornes citées)"


def labour_index_chart(table: pd.DataFrame, figs: list[Figure]) -> ChartOutput:
    """The Smic and the employer cost as lines; the price of an hour, cited as a range, as a band between
    its two ends (a range stays a range: never two lines that read as two prices)."""
    base = int(table["année"].min())
    ends = table[table["série"].str.startswith("Prix de l'heure")]
    lines_table = table[~table["série"].str.startswith("Prix de l'heure")]
    band = pd.DataFrame(columns=["année", "série", "bas", "haut", "texte"])
    if not ends.empty:
        wide = ends.pivot_table(index="année", columns="série", values="indice").reset_index()
        low_col = next(c for c in wide.columns if str(c).endswith("(borne basse)"))
        high_col = next(c for c in wide.columns if str(c).endswith("(borne haute)"))
        lo, hi = wide[[low_col, high_col]].min(axis=1), wide[[low_col, high_col]].max(axis=1)
        band = pd.DataFrame({"année": wide["année"], "série": PRICE_BAND, "bas": lo, "haut": hi,
                             "texte": [f"{formatting.number(a, 1)} à {formatting.number(b, 1)}" if round(a, 1) != round(b, 1)
                                       else formatting.number(a, 1) for a, b in zip(lo, hi, strict=True)]})
    series = list(dict.fromkeys(lines_table["série"]))
    colours = [PALETTE[3], PALETTE[1]][: len(series)]
    # legends that draw what the chart draws (printed46, printed48): a line for each line, a square for the band
    colour = alt.Color("série:N", scale=alt.Scale(domain=series, range=colours), title=None,
                       legend=alt.Legend(orient="bottom", columns=1, labelLimit=300, symbolType="stroke",
                                         symbolStrokeWidth=2))
    x = alt.X("année:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1))
    lines = alt.Chart(lines_table).mark_line(point=True).encode(
        x=x,
        y=alt.Y("indice:Q", title=f"Indice, {base} = 100", scale=alt.Scale(zero=False)),
        color=colour,
        tooltip=[alt.Tooltip("série:N", title="Série"), alt.Tooltip("année:Q", title="Année", format="d"),
                 alt.Tooltip("texte:N", title="Indice")],
    )
    if not band.empty:
        area = alt.Chart(band).mark_area(opacity=0.35).encode(
            x=x, y=alt.Y("bas:Q"), y2="haut:Q",
            fill=alt.Fill("série:N", scale=alt.Scale(domain=[PRICE_BAND], range=[PALETTE[0]]), title=None,
                          legend=alt.Legend(orient="top", labelLimit=300, symbolType="square",
                                            symbolOpacity=0.6)),
            tooltip=[alt.Tooltip("série:N", title="Série"), alt.Tooltip("année:Q", title="Année", format="d"),
                     alt.Tooltip("texte:N", title="Indice")],
        )
        lines = alt.layer(area, lines)
    last = table[table["année"] == table.groupby("série")["année"].transform("max")]
    ends = [(s, t, a) for s, t, a in zip(last["série"], last["texte"], last["année"], strict=True)]
    cost_end = float(last.set_index("série")["indice"]["Coût employeur au Smic"])
    smic_end = float(last.set_index("série")["indice"]["Smic brut d'un temps plein"])
    return chart_output(
        lines.properties(height=300),
        name="prix-cout-employeur",
        title=phrase(f"{TEMPLATES}/charts.md.j2", "labour_title", cost_end - smic_end),
        source=LABOUR_SOURCE + " ; " + OFFICIAL + " ; " + source_line(figs) + " ; " + PRICE_LINE_NOTE,
        description=phrase(f"{TEMPLATES}/charts.md.j2", "labour_description", base, ends),
        data=table,
    )


def labour_missing_years(ds: Dataset, until: int | None = None) -> list[int]:
    """The years the snapshot lists but does not cover (status not_covered), up to ``until``."""
    table = ds.labour_cost()
    if table.empty:
        return []
    return sorted(y for y in (int(y) for y in table.loc[table["status"] != "computed", "year"])
                  if until is None or y <= until)


def explained_text(squeeze: LabourSqueeze, *, capital: bool = True, later_diverges: bool = False) -> str:
    """How much of the margin's fall over the covered years the employer-cost path removes (the model's
    output, said as such), and what the covered years cannot say."""
    shares = [s for s in squeeze.explained if s is not None]
    gains, moved = margin_gain(squeeze)
    return phrase(LABOUR, "explained", squeeze, capital, later_diverges, shares, gains[0] > 0, moved)


@dataclass(frozen=True)
class Labour:
    """« Le coût employeur au Smic »: the years the OpenFisca snapshot covers up to the edition (an edition's book
    does not tell the years after it) and why some are not, the last covered year's cost and its parts, the cost
    after the model's years, and the chart's index of the Smic, the cost and the price of an hour."""

    first: int | None  # the snapshot's first covered year, whatever the edition (None: no series)
    covered: tuple[int, ...]  # the covered years up to the edition
    row: pd.Series | None = field(repr=False)  # the last covered year's employer cost and its parts
    missing: tuple[int, ...]  # the years the snapshot lists but does not cover, up to the edition
    later: LaterCost | None  # the cost after the model's years (with the model redone)
    index: pd.DataFrame = field(repr=False)  # ``labour_index_table`` (empty without the price of an hour)


def labour_facts(ds: Dataset, edition: int, squeeze: LabourSqueeze | None, price: Figure | None, start: int | None,
                 end: int | None) -> Labour:
    """``Labour`` for ``edition``; the chart's index with the price of an hour ``price`` (``start`` to ``end``)."""
    labour_all = labour_cost_years(ds)
    labour = labour_cost_years(ds, until=edition)  # not the years after the edition
    index = (labour_index_table(ds, price, start, end, until=edition) if not labour.empty and price is not None
             else pd.DataFrame())
    return Labour(int(labour_all["year"].iloc[0]) if not labour_all.empty else None,
                  tuple(int(y) for y in labour["year"]), labour.iloc[-1] if not labour.empty else None,
                  tuple(labour_missing_years(ds, until=edition)),
                  later_cost(ds, squeeze, edition) if squeeze is not None else None, index)


def labour_words(labour: Labour, edition: int, squeeze: LabourSqueeze | None, *, modelled: bool = False,
                 start: int | None = None, end: int | None = None) -> str:
    """« Le coût employeur au Smic » in words: the years the series covers (and why some are not), the last year's
    cost and its parts, then the margin model redone with this cost (``squeeze``), or why it cannot be when the
    margin model ran (``modelled``, from ``start`` to ``end``) but the series is too short."""
    if labour.first is None:
        return render(f"{TEMPLATES}/labour.md.j2", state="no_series")
    if not labour.covered:
        return render(f"{TEMPLATES}/labour.md.j2", state="after_edition", first=labour.first, edition=edition)
    m_smic = m_cost = cost = ""
    if squeeze is not None:
        m_smic = margin_range_text(squeeze.margin_smic[0] * 100, squeeze.margin_smic[1] * 100)
        m_cost = margin_range_text(squeeze.margin_cost[0] * 100, squeeze.margin_cost[1] * 100)
        cost = cost_words(squeeze, labour.later)
    return render(f"{TEMPLATES}/labour.md.j2", state="covered", covered=(labour.covered[0], labour.covered[-1]),
                  missing=years_text(list(labour.missing)), row=labour.row, s=squeeze, m_cost=m_cost, m_smic=m_smic,
                  cost=cost, modelled=modelled, start=start, end=end)
