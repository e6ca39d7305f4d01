"""« Le prix de l'heure et le Smic »: the indices, the claim's check and Insee's later prices."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import altair as alt
import pandas as pd

from barometre import formatting, narrative, periods
from barometre.chapters.prices.common import MID_YEAR, OFFICIAL, PHRASES, PRICE_LINE_NOTE, TEMPLATES
from barometre.charts import PALETTE, ChartOutput, chart_output
from barometre.data import Dataset, Figure, FigureNotFound, period_end
from barometre.models import prices as model
from barometre.narrative import source_line
from barometre.narrative.templating import phrase, render


def available_years(ds: Dataset, start: int, end: int) -> list[int]:
    """Years from ``start`` to ``end`` for which both the SMIC (on 1 July) and the CPI exist."""
    cpi = ds.cpi()
    smic = ds.smic_hourly()
    first_smic = smic["effective_date"].min()
    years = []
    for year in range(start, end + 1):
        if year in cpi.index and pd.Timestamp(date(year, *MID_YEAR)) >= first_smic:
            years.append(year)
    return years


def smic_mid_year(ds: Dataset, years: list[int]) -> dict[int, float]:
    return {y: ds.smic_at(date(y, *MID_YEAR)) for y in years}


def smic_index_later(ds: Dataset, base: int, after: int, edition: int) -> tuple[int, float] | None:
    """The gross hourly Smic as an index (``base`` = 100, the rate in force mid-year) in the edition's year, or the
    latest year before it the Smic series covers, when that year is after ``after`` (the last year of the index
    chart, which the CPI bounds): the Smic goes on where prices stop (editor37/38: « atteint l'indice 152,4 en
    2017 » in the 2024 book, whose Smic series reaches 2024). None when no later year is covered."""
    for year in range(edition, after, -1):
        try:
            return year, 100 * ds.smic_at(date(year, *MID_YEAR)) / ds.smic_at(date(base, *MID_YEAR))
        except FigureNotFound:
            continue
    return None


def smic_years_after(ds: Dataset, last: int, edition: int) -> list[int]:
    """The years after ``last`` (the prices' last year) up to the edition's: the Smic's line goes on where prices stop
    (editor39: the 2024 chart stopped in 2017 under a sentence giving 2024); ``Dataset.smic_at`` gives the rate in
    force on any date after the series' start."""
    return list(range(last + 1, edition + 1))


def index_table(ds: Dataset, years: list[int], later: list[int] | tuple[int, ...] = ()) -> pd.DataFrame:
    """SMIC (nominal and deflated) and CPI as indices, first year = 100, long format; the nominal SMIC alone in the
    ``later`` years, which the CPI does not cover."""
    base = years[0]
    smic = model.index_series(smic_mid_year(ds, [*years, *later]), base)
    cpi = model.index_series({y: float(ds.cpi()[y]) for y in years}, base)
    real = {y: 100 * smic[y] / cpi[y] for y in years}
    rows = []
    for name, series in (("Smic horaire brut", smic), ("Smic en euros constants", real),
                         ("Prix à la consommation", cpi)):
        for y in sorted(series):
            rows.append({"année": y, "série": name, "indice": series[y], "texte": formatting.number(series[y], 1)})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class PriceIndex:
    """The index chart's series and what its text reads in them: the Smic (nominal and in constant euros) and the
    consumer prices, 100 in the price's base year, read in the price's own last year ``compared`` (or the last year
    every series covers when a reference series stops before: the 2024 book set a 2017 Smic index beside a 2008
    price); the price's band; the Smic's index in a later year (``later``), and the consumer prices' last year."""

    indices: pd.DataFrame = field(repr=False)  # ``index_table``, the Smic going on after the prices
    band: pd.DataFrame = field(repr=False)  # ``price_band``
    compared: int
    smic: float
    cpi: float
    real: float
    later: tuple[int, float] | None
    prices_end: int


def _reading(indices: pd.DataFrame, end: int) -> tuple[int, float, float, float]:
    """The year the index chart's text reads (the price's ``end``, or the last year every series covers when a
    reference series stops before) and the Smic's, the consumer prices' and the real Smic's indices in it."""
    compared = end
    at = indices[indices["année"] == compared].set_index("série")["indice"]
    series = ("Smic en euros constants", "Smic horaire brut", "Prix à la consommation")
    if not set(series) <= set(at.dropna().index):  # a reference series that stops before the price's year
        compared = last_full_year(indices)
        at = indices[indices["année"] == compared].set_index("série")["indice"]
    return compared, float(at["Smic horaire brut"]), float(at["Prix à la consommation"]), \
        float(at["Smic en euros constants"])


def _price_index(ds: Dataset, edition: int, indices: pd.DataFrame, band: pd.DataFrame, start: int,
                 end: int) -> PriceIndex:
    compared, smic, cpi, real = _reading(indices, end)
    return PriceIndex(indices, band, compared, smic, cpi, real, smic_index_later(ds, start, compared, edition),
                      last_full_year(indices))


def price_index(ds: Dataset, edition: int, price: Figure, years: list[int], start: int, end: int,
                model_end: int) -> PriceIndex:
    """``PriceIndex`` of the price of an hour ``price`` (from ``start`` to ``end``) over ``years``; ``model_end``: the
    last year up to ``end`` both reference series cover, the year the text reads."""
    indices = index_table(ds, years, smic_years_after(ds, years[-1], edition))  # the Smic goes on
    return _price_index(ds, edition, indices, price_band(price, years, start, end), start, model_end)


def price_index_text(index: PriceIndex, price: Figure, start: int) -> str:
    """The index chart in words: the Smic and prices read in ``index.compared``; the real Smic as a gain of purchasing
    power with its computation (« atteint 116,6 » beside prices at 116,6 read as a typo, editor, stop 33); the
    price's band; then the Smic's index in a later year, and where the consumer prices stop (editor42: the line
    stopped in 2017 without a word)."""
    return render(f"{TEMPLATES}/index.md.j2", start=start, compared=index.compared, smic=index.smic, cpi=index.cpi,
                  real=index.real, low=100 + price.bounds[0], high=100 + price.bounds[1], later=index.later,
                  prices_end=index.prices_end)


def index_text(ds: Dataset, edition: int, indices: pd.DataFrame, price: Figure, start: int, end: int) -> str:
    """``price_index_text`` of an index table ``indices`` (``end``: the price's year the text reads)."""
    return price_index_text(_price_index(ds, edition, indices, pd.DataFrame(), start, end), price, start)


def last_full_year(indices: pd.DataFrame) -> int:
    """The last year in which every series of the index table has a value (the CPI's last)."""
    counts = indices.groupby("année")["série"].nunique()
    return int(counts[counts == counts.max()].index.max())


def price_band(price: Figure, years: list[int], start: int, end: int) -> pd.DataFrame:
    """The price of a production hour as an index: 100 in ``start``, the article's range in ``end``,
    on a straight line between (the book's assumption)."""
    low, high = price.bounds
    rows = []
    for y in years:
        if y > end:
            continue
        lo = 100 * model.linear_factor(low / 100, start, end, y)
        hi = 100 * model.linear_factor(high / 100, start, end, y)
        text = formatting.number(lo, 1) if lo == hi else f"{formatting.number(lo, 1)} à {formatting.number(hi, 1)}"
        rows.append({"année": y, "bas": lo, "haut": hi, "texte": text})
    return pd.DataFrame(rows)


def index_title(smic_end: float, price_low: float, price_high: float) -> str:
    """« Smic en hausse, prix en baisse », each word from the indices at the end (base 100)."""
    smic = narrative.direction(smic_end - 100, flat="stable")
    if price_high < 100:
        price = "en baisse"
    elif price_low > 100:
        price = "en hausse"
    else:
        price = "stable"
    return f"Smic {smic}, prix {price}"


PRINT_INDEX_HEIGHT = 440  # the index chart's height for print, before print's 0,75 (charts.PRINT_HEIGHT_RATIO)


def index_chart(indices: pd.DataFrame, band: pd.DataFrame, figs: list[Figure], base: int) -> ChartOutput:
    series = ["Smic horaire brut", "Smic en euros constants", "Prix à la consommation"]
    band_name = "Prix de l'heure de production"
    # legends that draw what the chart draws (printed46, printed48): a line for each line, dashed for the prices,
    # and a square for the price's band
    band = band.assign(série=band_name)
    area = alt.Chart(band).mark_area(opacity=0.35).encode(
        x=alt.X("année:Q"), y="bas:Q", y2="haut:Q",
        fill=alt.Fill("série:N", scale=alt.Scale(domain=[band_name], range=[PALETTE[0]]), title=None,
                      legend=alt.Legend(orient="top", labelLimit=300, symbolType="square", symbolOpacity=0.6)),
        tooltip=[alt.Tooltip("année:Q", title="Année", format="d"),
                 alt.Tooltip("texte:N", title="Prix de l'heure (indice)")],
    )
    lines = alt.Chart(indices).mark_line(point=True).encode(
        x=alt.X("année:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("indice:Q", title=f"Indice, {base} = 100", scale=alt.Scale(zero=False)),
        color=alt.Color("série:N", scale=alt.Scale(domain=series, range=[PALETTE[3], PALETTE[1], "#7a7a7a"]),
                        title=None, legend=alt.Legend(orient="bottom", columns=1, labelLimit=300,
                                                      symbolType="stroke", symbolStrokeWidth=2)),
        strokeDash=alt.StrokeDash("série:N", scale=alt.Scale(domain=series, range=[[1, 0], [1, 0], [5, 3]]),
                                  title=None, legend=alt.Legend(orient="bottom", columns=1, labelLimit=300,
                                                                symbolType="stroke", symbolStrokeWidth=2)),
        tooltip=[alt.Tooltip("série:N", title="Série"), alt.Tooltip("année:Q", title="Année", format="d"),
                 alt.Tooltip("texte:N", title="Indice")],
    )
    last = int(indices["année"].max())
    # each series' last value, its year named when the series stops before the others (the CPI in 2017, the Smic
    # in 2024)
    end_rows = indices.groupby("série", sort=False).tail(1)  # in the series' order, each its last year
    ends = [(s, t, int(y)) for s, t, y in zip(end_rows["série"], end_rows["texte"], end_rows["année"], strict=True)]
    band_end = band[band["année"] == band["année"].max()]
    return chart_output(
        (area + lines).properties(height=320),
        # print: taller (330 pt), so that the three lines, which start together at 100, leave room
        # between them for their values in the first years
        print_chart=(area + lines).properties(height=PRINT_INDEX_HEIGHT),
        name="prix-indices",
        title=index_title(float(end_rows.set_index("série")["indice"]["Smic horaire brut"]),
                          float(band_end["bas"].iloc[0]), float(band_end["haut"].iloc[0])),
        source=OFFICIAL + " ; " + source_line(figs) + " ; " + PRICE_LINE_NOTE,
        description=phrase(f"{TEMPLATES}/charts.md.j2", "index_description", base, last, ends,
                           band_end["texte"].iloc[0], int(band_end["année"].iloc[0])),
        data=indices.merge(band.drop(columns=["série"]).rename(columns={"texte": "prix de l'heure"}),
                           on="année", how="left"),
    )


@dataclass(frozen=True)
class SmicCheck:
    start: date
    end: date
    start_value: float  # in the currency of the legal text
    start_currency: str
    start_eur: float
    start_legal: str
    end_eur: float
    end_legal: str
    rise: float  # percent
    holds: bool


def smic_check(ds: Dataset, claim: Figure, start_year: int, end_year: int) -> SmicCheck:
    """The SMIC rise between 1 July of two years, against the article's claim."""
    smic = ds.smic_hourly()

    def in_force(day: date) -> pd.Series:
        rows = smic[smic["effective_date"] <= pd.Timestamp(day)]
        if rows.empty:
            raise ValueError(f"no SMIC in force on {day} in the reference series")
        return rows.iloc[-1]

    start, end = date(start_year, *MID_YEAR), date(end_year, *MID_YEAR)
    a, b = in_force(start), in_force(end)
    rise = model.percent_change(float(a["eur"]), float(b["eur"]))
    return SmicCheck(
        start, end, float(a["value_original"]), str(a["currency"]), float(a["eur"]), str(a["legal_text"]),
        float(b["eur"]), str(b["legal_text"]), rise,
        model.claim_holds(rise, claim.central, claim.qualifier) if claim.published else False,
    )


LATER_PRICES_LABEL = "Prix de production des centres d'appels (Insee)"


def later_prices(ds: Dataset, edition: int, after: int) -> tuple[str, str] | None:
    """INSEE's yearly average change of the call-centre sector's production prices (NAF 82.20Z), when the
    reference folder has it for years after ``after`` (the last year of the barometer's own price) that end
    before ``edition``: (the key figure, « −0,9 % par an de 2010 à 2019 »; the clause, « l'Insee mesure ensuite
    les prix de production des centres d'appels : ils baissent de 0,9 % par an en moyenne de 2010 à 2019 »).
    None otherwise (a 2011 book is not told of a 2022 study's decade)."""
    prices = ds.call_centres().get("production_price_change_yearly_average")
    if prices is None:
        return None
    start, end = periods.years(prices["period"], period_end(prices["period"]))
    if start <= after or end >= edition:
        return None
    value = float(prices["value"])
    return (f"{formatting.percent(value, signed=True)} par an de {start} à {end}",
            phrase(PHRASES, "later_prices", value, start, end))
