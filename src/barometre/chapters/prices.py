"""Chapter « La guerre des prix »: the tables and charts, from data and models."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

import altair as alt
import pandas as pd

from barometre import formatting, history, lead, narrative, periods
from barometre.charts import PALETTE, ChartOutput, bound_direction, chart_output, row_labels
from barometre.data import Dataset, Figure, FigureNotFound, period_end
from barometre.history import trend
from barometre.labels import scope_label
from barometre.models import prices as model
from barometre.models.findings import Finding, Takeaway
from barometre.narrative import cite, md_escape, source_line
from barometre.typography import elide, elided

CHAPTER = "prices"
MODEL_NOTE = " ; modèle et hypothèses du livre"
OFFICIAL = "Smic : Légifrance (via OpenFisca France) ; prix à la consommation : Insee"
CONSOLIDATION_KINDS = ("acquisition", "stake_acquisition")
MID_YEAR = (7, 1)  # the SMIC is taken as in force on 1 July of each year
VOLUME_FACTORS = (0.1, 0.5, 1, 5, 10)
TOP_N = 10  # the indicator top10_market_share covers the ten largest outsourcers
WHOLE_MARKET_SCOPES = ("top10", "market")  # a share of the whole market (not of a ranking's perimeter)
# The HHI's classes come from data/reference/hhi_thresholds.csv (merger guidelines, with their words);
# their French names here
HHI_CLASS_FR = {"unconcentrated": "peu concentré", "moderately_concentrated": "modérément concentré",
                "highly_concentrated": "très concentré"}
# the indicators the chapter's sentences read (the history chart draws every indicator of the chapter)
USED_INDICATORS = (
    "personnel_cost_share", "salary_cost_share_of_production", "production_hour_price_change_since_2000",
    "smic_increase_claimed", "top10_market_share", "large_players_forecast", "acticall_stake_acquired",
    "inbound_revenue_share", "inbound_revenue_share_change", "outbound_revenue_share", "hotline_inbound_growth",
    "price_per_minute_decimals",
)
ORDINALS = ("zéro", "première", "deuxième", "troisième", "quatrième", "cinquième", "sixième")


# The excerpt tidied (no doubled guillemets, no final full stop) by the one helper, narrative.quote.
quote = narrative.quote


def published(fig: Figure | None) -> bool:
    """True when the figure is known in the edition (``Dataset.known`` returns None otherwise)."""
    return fig is not None and fig.published



def span_text(text: str) -> str:
    """« de −32,7 % à −25,8 % » for a band's two ends, the value alone when they meet (« 8 % »): never
    « de 8 % au départ à −32,7 % à −25,8 % à la fin », where « à » joins three things."""
    return f"de {text}" if " à " in text else text


def hotline_text(hotline: Figure) -> str:
    """The change of the technical-support share of inbound calls, as the article gives it: « la proportion
    d'appels entrants concernant la hot[line] technique a plus que doublé (+125%) » is a share that
    changed, not a number of calls; « plus que doublé » only above +100 %."""
    verb = ("a plus que doublé" if hotline.central > 100
            else narrative.direction(hotline.central, up="a progressé", down="a reculé", flat="est restée stable"))
    return (f"La part de l'assistance technique (la «\u00a0hotline\u00a0») dans les appels entrants {verb} "
            f"{md_escape(formatting.period_text(hotline.period))} : {cite(hotline, signed=True)}. ")


def outbound_text(outbound: Figure) -> str:
    """The outbound calls' share, with the article's « vente et génération de leads » in French."""
    weigh, when = narrative.as_said_then(outbound, "pèsent", "pesaient")  # dated and in the past when older
    return (f"{when}{'les' if when else 'Les'} appels sortants, surtout liés à la vente et à la prospection, "
            f"{weigh} {cite(outbound)}.")


def price_direction(price: Figure) -> str:
    """« moins cher », « plus cher » or « au même prix », from the sign of the price change's bounds."""
    low, high = price.bounds
    if high < 0:
        return "moins cher"
    if low > 0:
        return "plus cher"
    return "à peu près au même prix"


def price_sentence(price: Figure, start: int, *, past: bool = False) -> str:
    """« se vend 5 à 10 % moins cher qu'en 2000 », the direction from the data; « se vendait » with ``past``
    (a figure of an older edition, which the caller dates)."""
    words = price_direction(price)
    verb = "se vendait" if past else "se vend"
    if words.startswith("à peu près"):
        return f"{verb} {words} qu'en {start} ({cite(price, signed=True)})"
    return f"{verb} {cite(price, magnitude=True)} {words} qu'en {start}"


def smic_verb(claim: Figure) -> str:
    """« augmenté » or « baissé », from the sign of the claimed change."""
    return narrative.direction(claim.central, up="augmenté", down="baissé", flat="peu varié")


def ordinal(n: int) -> str:
    """« troisième » for 3 (feminine, as in « la troisième décimale »)."""
    return ORDINALS[n] if 0 < n < len(ORDINALS) else f"{n}{formatting.NBSP}e"


def period_years(period: str, default_end: int) -> tuple[int, int]:
    """'2000-2008' -> (2000, 2008); a single year 'YYYY' -> (YYYY, default_end)."""
    return periods.years(period, default_end)


def euros_precise(x: float, decimals: int) -> str:
    """An amount in euros with up to ``decimals`` decimals ('0,001 €'): formatting.euros stops at two."""
    return formatting.number(x, decimals) + formatting.NBSP + "€"


# --------------------------------------------------------------------------- cost structure


def cost_structure_table(personnel: Figure | None, salaries: Figure | None) -> pd.DataFrame:
    rows = []
    if published(personnel):
        rows.append({"indicateur": "Coût du personnel / chiffre d'affaires", "part": personnel.central,
                     "texte": formatting.figure_text(personnel), "borne": bound_direction(personnel.qualifier)})
    if published(salaries):
        rows.append({"indicateur": "Salaires / coûts de production", "part": salaries.central,
                     "texte": formatting.figure_text(salaries), "borne": bound_direction(salaries.qualifier)})
    return pd.DataFrame(rows, columns=["indicateur", "part", "texte", "borne"])


def cost_structure_title(table: pd.DataFrame) -> str:
    """« Le personnel, premier poste de coût » only when a share shows it weighs half or more."""
    if (table["part"] >= 50).any():
        return "Le personnel, premier poste de coût"
    return "Le poids du personnel dans les coûts"


def cost_structure_chart(table: pd.DataFrame, figs: list[Figure]) -> ChartOutput:
    base = alt.Chart(table).encode(
        y=alt.Y("indicateur:N", title=None, sort=None, axis=None),
        tooltip=[alt.Tooltip("indicateur:N", title="Indicateur"), alt.Tooltip("texte:N", title="Part")],
    )
    track = alt.Chart(table).mark_bar(size=30, color="#e4e4e4").encode(
        y=alt.Y("indicateur:N", sort=None, axis=None), x=alt.datum(100)
    )
    bars = base.mark_bar(size=30, color=PALETTE[0]).encode(
        x=alt.X("part:Q", title="Part (%)", scale=alt.Scale(domain=[0, 100]))
    )
    # a bound (« plus de 50 % ») is drawn up to the bound, with an arrow head showing the side the share lies
    # on (further for « plus de », « au moins »; short of it for « moins de », « au plus »); « environ » is no bound
    arrows = alt.layer(*[
        base.mark_point(shape=f"triangle-{side}", size=160, filled=True, color=PALETTE[0], xOffset=9).encode(
            x="part:Q").transform_filter(f"datum.borne == {sign}")
        for sign, side in ((1, "right"), (-1, "left"))
    ])
    labels = base.mark_text(align="right", dx=-8, color="white", fontWeight="bold").encode(
        x="part:Q", text="texte:N"
    )
    listing = "; ".join(f"{i} : {t}" for i, t in zip(table["indicateur"], table["texte"], strict=True))
    return chart_output(
        (track + bars + arrows + labels + row_labels(table, "indicateur", bar_size=30)).properties(
            height=70 * max(len(table), 1)),
        name="prix-structure-couts",
        title=cost_structure_title(table),
        source=source_line(figs),
        description=f"Barres horizontales sur une échelle de 0 à 100 % : {listing}." + "".join(
            note for sign, note in ((1, " Une flèche vers la droite marque une borne basse (la part réelle est "
                                        "plus grande)."),
                                    (-1, " Une flèche vers la gauche marque une borne haute (la part réelle est "
                                         "plus petite)."))
            if (table["borne"] == sign).any()),
        data=table,
    )


# --------------------------------------------------------------------------- indices since the base year


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


def index_text(ds: Dataset, edition: int, indices: pd.DataFrame, price: Figure, start: int, end: int) -> str:
    """The index chart in words: the Smic and prices read in the price's own last year ``end`` (not in the last year
    of the reference series: the 2024 book set a 2017 Smic index beside a 2008 price), or in the last year every
    series covers when a reference series stops before; the real Smic as a gain of purchasing power with its
    computation (« atteint 116,6 » beside prices at 116,6 read as a typo, editor, stop 33); the price's band; then
    the Smic's index in a later year, and where the consumer prices stop (editor42: the line stopped in 2017
    without a word)."""
    compared = end
    at = indices[indices["année"] == compared].set_index("série")["indice"]
    series = ("Smic en euros constants", "Smic horaire brut", "Prix à la consommation")
    if not set(series) <= set(at.dropna().index):  # a reference series that stops before the price's year
        compared = last_full_year(indices)
        at = indices[indices["année"] == compared].set_index("série")["indice"]
    real = at["Smic en euros constants"]
    moved = narrative.direction(real - 100, up="gagne", down="perd", flat="garde", tolerance=0.05)
    inflation = (
        f"corrigé de l'inflation ({formatting.number(at['Smic horaire brut'], 1)} divisé par "
        f"{formatting.number(at['Prix à la consommation'] / 100, 3)}), le Smic {moved} "
        + (f"{formatting.percent(abs(real - 100), 1)} de pouvoir d'achat" if moved != "garde" else "son pouvoir d'achat")
    )
    text = (
        f"Entre {start} et {compared}, le Smic horaire brut passe de l'indice 100 à "
        f"{formatting.number(at['Smic horaire brut'], 1)} et les prix à la consommation à "
        f"{formatting.number(at['Prix à la consommation'], 1)} : {inflation}. Le prix de l'heure de production, "
        f"lui, finit entre {formatting.number(100 + price.bounds[0], 1)} et "
        f"{formatting.number(100 + price.bounds[1], 1)} ; sa trajectoire d'une année à l'autre n'est pas connue : la "
        "droite tracée est une hypothèse du livre."
    )
    # the Smic goes on, the price is not published after its period: read in the Smic's own series
    later_smic = smic_index_later(ds, start, compared, edition)
    if later_smic is not None:
        text += (f" Aucune édition ne publie ce prix après {compared} ; le Smic horaire brut, lui, atteint "
                 f"l'indice {formatting.number(later_smic[1], 1)} en {later_smic[0]}.")
        prices_end = last_full_year(indices)
        if prices_end < later_smic[0]:
            text += (f" L'indice des prix à la consommation du livre s'arrête en {prices_end} : le Smic en euros "
                     "constants aussi.")
    return text


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
    series = ["Smic horaire brut", "Smic en euros constants", "Prix à la consommation", "Prix de l'heure de production"]
    colours = [PALETTE[3], PALETTE[1], "#7a7a7a", PALETTE[0]]
    scale = alt.Scale(domain=series, range=colours)
    band = band.assign(série="Prix de l'heure de production")
    area = alt.Chart(band).mark_area(opacity=0.35).encode(
        x=alt.X("année:Q"), y="bas:Q", y2="haut:Q",
        color=alt.Color("série:N", scale=scale, title=None,
                        # the legend's symbols in the lines' colours, not faded like the band
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=300, symbolOpacity=1)),
        tooltip=[alt.Tooltip("année:Q", title="Année", format="d"),
                 alt.Tooltip("texte:N", title="Prix de l'heure (indice)")],
    )
    lines = alt.Chart(indices).mark_line(point=True).encode(
        x=alt.X("année:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("indice:Q", title=f"Indice, {base} = 100", scale=alt.Scale(zero=False)),
        color=alt.Color("série:N", scale=scale, title=None),
        strokeDash=alt.condition("datum['série'] == 'Prix à la consommation'", alt.value([5, 3]), alt.value([1, 0])),
        tooltip=[alt.Tooltip("série:N", title="Série"), alt.Tooltip("année:Q", title="Année", format="d"),
                 alt.Tooltip("texte:N", title="Indice")],
    )
    last = int(indices["année"].max())
    # each series' last value, its year named when the series stops before the others (the CPI in 2017, the Smic
    # in 2024)
    end_rows = indices.groupby("série", sort=False).tail(1)  # in the series' order, each its last year
    end_text = "; ".join(f"{s} : {t}" + (f" en {int(y)}" if int(y) != last else "")
                         for s, t, y in zip(end_rows["série"], end_rows["texte"], end_rows["année"], strict=True))
    band_end = band[band["année"] == band["année"].max()]
    return chart_output(
        (area + lines).properties(height=320),
        # print: taller (330 pt), so that the three lines, which start together at 100, leave room
        # between them for their values in the first years
        print_chart=(area + lines).properties(height=PRINT_INDEX_HEIGHT),
        name="prix-indices",
        title=index_title(float(end_rows.set_index("série")["indice"]["Smic horaire brut"]),
                          float(band_end["bas"].iloc[0]), float(band_end["haut"].iloc[0])),
        source=OFFICIAL + " ; " + source_line(figs) + " ; trajectoire linéaire du prix : hypothèse du livre",
        description=(
            f"Indices base 100 en {base} jusqu'en {last} : {end_text} ; prix de l'heure de production "
            f"{band_end['texte'].iloc[0]} en {int(band_end['année'].iloc[0])} (bande, entre les deux bornes citées, "
            "reliée à 100 par une droite). Le Smic est celui en vigueur au 1ᵉʳ juillet ; les prix sont des moyennes "
            "annuelles."
        ),
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


def currency_text(value: float, currency: str) -> str:
    """An amount in its legal currency: '42,02 F' or '8,71 €'."""
    if currency == "FRF":
        return formatting.number(value, 2) + formatting.NBSP + "F"
    return formatting.euros(value, 2)


# --------------------------------------------------------------------------- margin squeeze


def margin_paths(inputs: model.MarginInputs, ds: Dataset, years: list[int], price: Figure, start: int,
                 end: int) -> pd.DataFrame:
    """The margin year by year for the two ends of the price range (years up to ``end``)."""
    years = [y for y in years if y <= end]
    smic = smic_mid_year(ds, years)
    cpi = ds.cpi()
    frames = {}
    for label, change in (("bas", price.bounds[0]), ("haut", price.bounds[1])):
        table = pd.DataFrame(
            {
                "year": years,
                "wage_factor": [smic[y] / smic[start] for y in years],
                "cpi_factor": [float(cpi[y]) / float(cpi[start]) for y in years],
                "price_factor": [model.linear_factor(change / 100, start, end, y) for y in years],
            }
        )
        frames[label] = model.margin_path(inputs, table)
    out = pd.DataFrame({"année": years})
    out["marge prix bas"] = frames["bas"]["margin"].to_numpy() * 100
    out["marge prix haut"] = frames["haut"]["margin"].to_numpy() * 100
    out["texte"] = [
        margin_range_text(lo, hi) for lo, hi in zip(out["marge prix bas"], out["marge prix haut"], strict=True)
    ]
    return out


def margin_range_text(a: float, b: float) -> str:
    lo, hi = sorted((a, b))
    if formatting.percent(lo) == formatting.percent(hi):
        return formatting.percent(lo)
    return f"{formatting.percent(lo)} à {formatting.percent(hi)}"


def margin_title(end_low: float, end_high: float, start_margin: float) -> str:
    """A model's result is said as the model's: these are the figures cited, taken alone."""
    if max(end_low, end_high) < 0:
        return "Sans autre facteur, les chiffres cités effaceraient la marge"
    if max(end_low, end_high) < start_margin:
        return "Sans autre facteur, les chiffres cités réduiraient la marge"
    return "Même sans autre facteur, la marge résisterait"


def margin_chart(paths: pd.DataFrame, start_margin: float, productivity_gain: float,
                 figs: list[Figure]) -> ChartOutput:
    band = alt.Chart(paths).mark_area(opacity=0.45, color=PALETTE[3]).encode(
        x=alt.X("année:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("marge prix bas:Q", title="Marge (% du chiffre d'affaires)"),
        y2="marge prix haut:Q",
        tooltip=[alt.Tooltip("année:Q", title="Année", format="d"), alt.Tooltip("texte:N", title="Marge")],
    )
    edges = alt.Chart(paths).transform_fold(["marge prix bas", "marge prix haut"], as_=["bord", "marge"]).mark_line(
        color=PALETTE[3], strokeWidth=1.5
    ).encode(x="année:Q", y="marge:Q", detail="bord:N")
    ref = alt.Chart(pd.DataFrame({"y": [start_margin * 100],
                                  "texte": [f"marge de départ : {formatting.percent(start_margin * 100)}"]}))
    rule = ref.mark_rule(strokeDash=[5, 4], color="#555").encode(y="y:Q")
    rule_text = ref.mark_text(align="left", dy=-7, color="#444").encode(y="y:Q", x=alt.value(4), text="texte:N")
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#999").encode(y="y:Q")
    first, last = paths.iloc[0], paths.iloc[-1]
    end_low, end_high = last["marge prix bas"], last["marge prix haut"]
    return chart_output(
        (zero + band + edges + rule + rule_text).properties(height=300),
        name="prix-marge",
        title=margin_title(end_low, end_high, start_margin * 100),
        source=OFFICIAL + " ; " + source_line(figs) + MODEL_NOTE,
        description=(
            f"Bande de la marge opérationnelle d'une heure de production de {int(first['année'])} à "
            f"{int(last['année'])}, entre les deux bornes de la baisse du prix citée : {span_text(first['texte'])} "
            f"au départ, {span_text(last['texte'])} à la fin, avec un gain de productivité de "
            f"{formatting.percent(productivity_gain * 100)} par an. Le personnel suit le Smic, les autres coûts "
            "les prix à la consommation ; la ligne pointillée marque la marge de départ."
        ),
        data=paths,
    )


# --------------------------------------------------------------------------- market structure


def leader_cap(ds: Dataset, edition: int) -> Figure | None:
    """The leader's published share of a ranking (Teleperformance, 20 % of the Top 50's revenue in 2008): its share of
    the whole market, of which the ranking is a part, cannot be larger, so no firm's can (editor43: the index's upper
    bound assumed a leader at 52 % of the market); None when no edition up to ``edition`` publishes one."""
    figs = [f for f in ds.latest_by_scope("leader_market_share", edition) if f.published]
    return max(figs, key=lambda f: f.central) if figs else None


def hhi_table(top_share: Figure, top_n: int, tail_max_share: float,
              forecast: Figure | None, leader: Figure | None = None) -> pd.DataFrame:
    """HHI bounds for the market as the article describes it, and for the forecast of a few large
    players holding the same share (the book's assumption); ``leader`` caps any firm's share (``leader_cap``)."""
    rows = []
    # dated, not « Aujourd'hui »: a later edition shows an older figure
    scenarios = [(f"En {formatting.period_text(top_share.period)} : les {top_n} premiers", top_n)]
    if published(forecast) and int(forecast.central) != top_n:
        scenarios.append((f"Scénario : {formatting.number(forecast.central, 0)} gros acteurs", int(forecast.central)))
    for label, n in scenarios:
        low, high = model.hhi_bounds(top_share.central, n, tail_max_share,
                                     leader.bounds[1] if published(leader) else None)
        rows.append({
            "situation": label,
            "acteurs": n,
            "HHI bas": low,
            "HHI haut": high,
            "texte": f"{formatting.number(low, 0)} à {formatting.number(high, 0)}",
        })
    return pd.DataFrame(rows)


def hhi_text(top: Figure, top_n: int, tail_max_share: float, hhi: pd.DataFrame, grid: list[dict],
             forecast: Figure | None, leader: Figure | None) -> str:
    """The index in words: its bounds and what each assumes, the guidelines' reading, and the floor under the
    forecast of a few large players. With a published ceiling on the leader's share (``leader_cap``), the upper
    bound gives the top firms that share each, not a leader holding nearly all of the top's."""
    now = hhi.iloc[0]
    # in the past, with its year, when the share comes from an older edition (nothing stale told as current)
    was, when = narrative.as_said_then(top, "est", "était")
    past = bool(when)
    n_text, others = formatting.small_number(top_n, 0), formatting.small_number(top_n - 1, 0)
    capped = published(leader) and model.hhi_bounds(top.central, top_n, tail_max_share)[1] > now["HHI haut"]
    if capped:
        name = md_escape(scope_label(leader.scope))
        highest = (f"au plus haut si les premiers en {'détenaient' if past else 'détiennent'} chacun autant que le "
                   f"leader, {name}, qui {'faisait' if leader.from_older_edition else 'fait'} "
                   f"{cite(narrative.dated(leader))} du chiffre d'affaires des cinquante premiers en "
                   f"{formatting.period_text(leader.period)} (sa part du marché entier ne peut être plus grande), "
                   f"et les autres le minimum que leur rang {'permettait' if past else 'permet'}")
    else:
        highest = (f"au plus haut si un leader en {'détenait' if past else 'détient'} l'essentiel et que les "
                   f"{others} autres n'{'avaient' if past else 'ont'} que le minimum que leur rang "
                   f"{'permettait' if past else 'permet'}")
    text = (
        # not « Ce seul chiffre », which after the SP2C's shares no longer named the top ten's (editor45)
        f"La part des {n_text} premiers ne suffit pas, seule, à mesurer la concentration. {when}{'l' if when else 'L'}'indice de "
        f"Herfindahl-Hirschman (HHI, somme des carrés des parts de marché en %) {was} compris entre "
        f"{formatting.number(now['HHI bas'], 0)} et {formatting.number(now['HHI haut'], 0)} : au plus bas si les "
        f"{n_text} premiers se {'partageaient' if past else 'partagent'} également {cite(top)}, {highest}, la part du "
        f"premier acteur hors du groupe de tête, supposée de {formatting.percent(tail_max_share)} du marché "
        "(hypothèse du livre), le reste du marché étant aussi concentré que possible."
    )
    reading = hhi_reading(now["HHI bas"], now["HHI haut"], grid, top.period)
    if reading:
        text += " " + reading
    if published(forecast) and len(hhi) > 1:
        scen = hhi.iloc[1]
        text += (
            f" {narrative.opening(forecast)}{md_escape(forecast.attribution)} "
            f"{narrative.tensed(forecast, 'prévoit', 'prévoyait')} l'émergence "
            f"{narrative.de(narrative.dated(forecast), in_words=True, then=' gros acteurs')}."
            f" Si ces {formatting.small_number(forecast.central, 0)} acteurs détenaient la même part (hypothèse "
            f"du livre), le plancher de l'indice passerait de {formatting.number(now['HHI bas'], 0)} à "
            f"{formatting.number(scen['HHI bas'], 0)}."
        )
    return text


def hhi_grid(ds: Dataset) -> list[dict]:
    """The classes of concentration the HHI is read against: the first guidelines of
    ``reference/hhi_thresholds.csv``, least concentrated first (empty without the file)."""
    rows = ds.hhi_thresholds()
    return [r for r in rows if r["guidelines"] == rows[0]["guidelines"]] if rows else []


def hhi_class(hhi: float, grid: list[dict]) -> str:
    """The class (``concentration``) of the grid that holds ``hhi``: from ``hhi_above`` (included)
    to ``hhi_below`` (excluded)."""
    for row in grid:
        if (row["hhi_above"] is None or hhi >= row["hhi_above"]) and (row["hhi_below"] is None or hhi < row["hhi_below"]):
            return row["concentration"]
    raise ValueError(f"no class of the HHI grid holds {hhi}")


def hhi_title(low: float, high: float, grid: list[dict]) -> str:
    """The market's class when both bounds agree, « Une concentration encore mal connue » when they
    do not, and a plain title without a grid to read them against."""
    if not grid:
        return "La concentration du marché"
    if hhi_class(low, grid) == hhi_class(high, grid):
        return f"Un marché {HHI_CLASS_FR[hhi_class(low, grid)]}"
    top = HHI_CLASS_FR[grid[-1]["concentration"]]
    if HHI_CLASS_FR[hhi_class(high, grid)] != top:  # what the range rules out
        return f"Un marché qui n'est pas {top}"
    return "Une concentration encore mal connue"


def guidelines_name(grid: list[dict]) -> str:
    """« lignes directrices américaines sur les concentrations horizontales de 1992 »: the guidelines of
    the grid as the book names them, with their year."""
    return f"{grid[0]['name_fr']} de {grid[0]['in_force_from'].year}"


def hhi_reading(low: float, high: float, grid: list[dict], period: str) -> str:
    """The HHI bounds of a share published for ``period`` read against the guidelines' classes, with
    the thresholds the guidelines give and, when the period ends in or after the year they were
    replaced, the date they were in force until. Empty without a grid."""
    if not grid:
        return ""
    first, last = grid[0], grid[-1]
    name = guidelines_name(grid)
    until = first["in_force_until"]
    if until is not None and until.year <= period_end(period):
        name += f", en vigueur jusqu'au {formatting.event_date(until.isoformat())}"
    scale = (f"marché {HHI_CLASS_FR[first['concentration']]} sous {formatting.number(first['hhi_below'], 0)}, "
             f"{HHI_CLASS_FR[last['concentration']]} au-dessus de {formatting.number(last['hhi_above'], 0)}")
    lo, hi = HHI_CLASS_FR[hhi_class(low, grid)], HHI_CLASS_FR[hhi_class(high, grid)]
    if lo == hi:
        return f"Selon les seuils des {name} ({scale}), les deux bornes désignent un marché {lo}."
    # a range that stops short of the top class says what it rules out (editor43: « ne suffisent pas à classer »
    # read as if the market could be highly concentrated)
    top = HHI_CLASS_FR[last["concentration"]]
    ruled_out = f", mais il n'est pas {top}" if hi != top else ""
    return (f"Selon les seuils des {name} ({scale}), la fourchette va d'un marché {lo} à un marché {hi} : "
            f"les chiffres publiés ne suffisent pas à classer le marché{ruled_out}.")


def hhi_chart(table: pd.DataFrame, figs: list[Figure], tail_max_share: float,
              grid: list[dict] | None = None) -> ChartOutput:
    base = alt.Chart(table).encode(
        y=alt.Y("situation:N", title=None, sort=None, axis=None),
        tooltip=[alt.Tooltip("situation:N", title="Situation"), alt.Tooltip("texte:N", title="Indice HHI")],
    )
    rule = base.mark_rule(strokeWidth=12, color=PALETTE[0], opacity=0.8).encode(
        x=alt.X("HHI bas:Q", title=f"Indice HHI (0 à {formatting.number(model.HHI_MAX, 0)})",
                scale=alt.Scale(domain=[0, model.HHI_MAX])),
        x2="HHI haut:Q",
    )
    ends = alt.Chart(table).transform_fold(["HHI bas", "HHI haut"], as_=["borne", "valeur"]).mark_point(
        filled=True, size=90, color=PALETTE[0]
    ).encode(y=alt.Y("situation:N", sort=None, axis=None), x="valeur:Q")
    labels = base.mark_text(align="left", dx=10).encode(x="HHI haut:Q", text="texte:N")
    listing = "; ".join(f"{s} : {t}" for s, t in zip(table["situation"], table["texte"], strict=True))
    layers = rule + ends + labels + row_labels(table, "situation", bar_size=12)
    limits = [r["hhi_above"] for r in grid or [] if r["hhi_above"] is not None]
    thresholds = ""
    if limits:  # the guidelines' class limits: a dark mark across each range, clear of the row labels
        marks = pd.DataFrame([{"situation": s, "seuil": v} for s in table["situation"] for v in limits])
        layers = layers + alt.Chart(marks).mark_tick(orient="vertical", size=18, thickness=2, color="#333").encode(
            x="seuil:Q", y=alt.Y("situation:N", sort=None, axis=None))
        thresholds = (f" Traits verticaux : seuils des {guidelines_name(grid)}, "
                      f"{formatting.enumeration([formatting.number(v, 0) for v in limits])}.")
    return chart_output(
        layers.properties(height=66 * len(table)),
        name="prix-concentration",
        title=hhi_title(float(table.iloc[0]["HHI bas"]), float(table.iloc[0]["HHI haut"]), grid or []),
        source=source_line(figs) + MODEL_NOTE + (f" ; seuils (traits verticaux) : {grid[0]['source_fr']}" if grid else ""),
        description=(
            f"Fourchettes de l'indice de Herfindahl-Hirschman (somme des carrés des parts de marché) : {listing}. "
            f"Hypothèse du livre : le premier acteur hors du groupe de tête pèse "
            f"{formatting.percent(tail_max_share)} du marché.{thresholds}"
        ),
        data=table,
    )


def consolidation_events(ds: Dataset, edition: int) -> pd.DataFrame:
    events = ds.events(edition)
    if events.empty or "kind" not in events:
        return events
    out = events[events["kind"].isin(CONSOLIDATION_KINDS)].copy()
    out["date_texte"] = out["date"].map(formatting.event_date)
    return out.sort_values("date").reset_index(drop=True)


def consolidation_phrases(moves: pd.DataFrame, stake: Figure | None) -> list[str]:
    """One MyST phrase per consolidation event; the share of a stake comes from its figure row."""

    phrases = []
    for m in moves.itertuples():
        target = re.sub(r"\s*\(.*\)\s*$", "", str(m.target or "")).strip()
        if m.kind == "stake_acquisition" and published(stake):
            phrases.append(
                f"le rachat de {cite(stake)} des parts {md_escape(elided('de', target))} ({md_escape(m.actor)}, "
                f"{m.date_texte})"
            )
        elif m.kind == "stake_acquisition":
            phrases.append(f"une prise de participation au capital {md_escape(elided('de', target))} "
                           f"({md_escape(m.actor)}, {m.date_texte})")
        else:
            phrases.append(f"l'acquisition {md_escape(elided('de', target))} par {md_escape(m.actor)} ({m.date_texte})")
    return phrases


# --------------------------------------------------------------------------- revenue by activity


def activity_table(inbound: Figure | None, change: Figure | None, outbound: Figure | None,
                   edition: int) -> pd.DataFrame:
    """Revenue shares by activity, for the edition year and the year before (inbound only, derived:
    the edition's share minus its change in points)."""
    rows = []
    if published(inbound):
        year = int(inbound.period[:4]) if re.fullmatch(r"\d{4}", inbound.period) else edition
        rows.append({"année": str(year), "activité": "Appels entrants", "part": inbound.central,
                     "texte": formatting.figure_text(inbound), "origine": "baromètre", "rang": 1})
        rest = 100 - inbound.central
        if published(outbound):
            rows.append({"année": str(year), "activité": "Appels sortants (vente, prospection)", "part": outbound.central,
                         "texte": formatting.figure_text(outbound), "origine": "baromètre", "rang": 2})
            rest -= outbound.central
        rows.append({"année": str(year), "activité": "Reste (non détaillé)", "part": rest,
                     "texte": formatting.percent(rest), "origine": "complément calculé", "rang": 3})
        if published(change):
            previous = int(change.period[:4]) if re.fullmatch(r"\d{4}-\d{4}", change.period) else year - 1
            before = inbound.central - change.central
            rows.append({"année": str(previous), "activité": "Appels entrants", "part": before,
                         "texte": formatting.percent(before), "origine": "calculé : part moins évolution",
                         "rang": 1})
            rows.append({"année": str(previous), "activité": "Reste (non détaillé)", "part": 100 - before,
                         "texte": formatting.percent(100 - before), "origine": "complément calculé", "rang": 3})
    return pd.DataFrame(rows, columns=["année", "activité", "part", "texte", "origine", "rang"])


def activity_title(change: Figure | None) -> str:
    """« Les appels entrants progressent » or « reculent » from the change in points, else a topic."""
    if not published(change):
        return "Le chiffre d'affaires par activité"
    verb = narrative.direction(change.central, up="progressent", down="reculent", flat="se maintiennent")
    return f"Les appels entrants {verb}"


def activity_chart(table: pd.DataFrame, figs: list[Figure], change: Figure | None = None) -> ChartOutput:
    order = ["Appels entrants", "Appels sortants (vente, prospection)", "Reste (non détaillé)"]
    base = alt.Chart(table).encode(
        y=alt.Y("année:N", title=None, sort="descending"),
        x=alt.X("part:Q", stack="zero", title="Part du chiffre d'affaires (%)", scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(tickCount=5)),
        order=alt.Order("rang:Q"),
    )
    bars = base.mark_bar(size=36).encode(
        color=alt.Color("activité:N", title=None, sort=order,
                        scale=alt.Scale(domain=order, range=[PALETTE[0], PALETTE[1], "#cfcfcf"]),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=300)),
        tooltip=[alt.Tooltip("année:N", title="Année"), alt.Tooltip("activité:N", title="Activité"),
                 alt.Tooltip("texte:N", title="Part"), alt.Tooltip("origine:N", title="Origine")],
    )
    labels = base.mark_text(align="right", dx=-6, fontWeight="bold").encode(
        x=alt.X("part:Q", stack="zero"), text="texte:N",
        color=alt.condition("datum.rang == 3", alt.value("#222"), alt.value("white")),
    ).transform_filter("datum.part >= 10")
    listing = "; ".join(
        f"{a}, {b} : {t} ({o})" for a, b, t, o in
        zip(table["année"], table["activité"], table["texte"], table["origine"], strict=True)
    )
    return chart_output(
        (bars + labels).properties(height=150),
        name="prix-activites",
        title=activity_title(change),
        source=source_line(figs),
        description=f"Barres empilées de la répartition du chiffre d'affaires par activité : {listing}.",
        data=table.drop(columns=["rang"]),
    )


# --------------------------------------------------------------------------- three decimals


def price_step_table(decimals: int, minutes_per_year: float) -> pd.DataFrame:
    """What one step of the price per minute is worth a year, for volumes around the reader's."""
    step = model.price_step(decimals)
    rows = []
    for factor in VOLUME_FACTORS:
        minutes = minutes_per_year * factor
        value = model.step_value_per_year(decimals, minutes)
        rows.append({
            "minutes par an": minutes,
            "volume": formatting.number(minutes / 1e6, 1) + " million" + ("s" if minutes >= 2e6 else ""),
            "euros par an": value,
            "texte": formatting.euros(value) if value >= 1 else euros_precise(value, decimals),
            "retenu": factor == 1,
            "pas de prix": euros_precise(step, decimals),
        })
    return pd.DataFrame(rows)


def price_step_chart(table: pd.DataFrame, decimals_fig: Figure) -> ChartOutput:
    base = alt.Chart(table).encode(
        y=alt.Y("volume:N", title="Minutes par an", sort=None, axis=alt.Axis(labelLimit=220)),
        tooltip=[alt.Tooltip("volume:N", title="Minutes par an"), alt.Tooltip("texte:N", title="Valeur du pas")],
    )
    bars = base.mark_bar(size=24).encode(
        x=alt.X("euros par an:Q", title="€ par an", axis=alt.Axis(tickCount=3),
                scale=alt.Scale(domain=[0, float(table["euros par an"].max()) * 1.7])),
        color=alt.condition("datum.retenu", alt.value(PALETTE[0]), alt.value("#9ec3de")),
    )
    labels = base.mark_text(align="left", dx=6).encode(x="euros par an:Q", text="texte:N")
    step = table["pas de prix"].iloc[0]
    listing = "; ".join(f"{v} de minutes : {t}" for v, t in zip(table["volume"], table["texte"], strict=True))
    return chart_output(
        (bars + labels).properties(height=40 * len(table) + 30),
        name="prix-trois-decimales",
        title=f"Ce que vaut la {ordinal(int(decimals_fig.central))} décimale",
        source=source_line([decimals_fig]) + MODEL_NOTE,
        description=(
            f"Barres horizontales de ce que rapporte ou coûte, sur un an, un écart de {step} "
            f"par minute selon le volume traité : {listing}. La barre foncée est le volume retenu."
        ),
        data=table.drop(columns=["retenu"]),
    )


@dataclass(frozen=True)
class SqueezeEnd:
    """The margin model at the end year, for one end of the price range."""

    price_change: float  # percent
    margin: float  # share of revenue
    personnel_share: float  # model's personnel cost / revenue at the end year
    required_gain: float | None  # yearly productivity gain that keeps the starting margin


def squeeze_summary(inputs: model.MarginInputs, ds: Dataset, price: Figure, start: int,
                    end: int) -> tuple[SqueezeEnd, SqueezeEnd]:
    """The model at ``end`` for the low and the high end of the price range."""
    smic = smic_mid_year(ds, [start, end])
    cpi = ds.cpi()
    wage, prices = smic[end] / smic[start], float(cpi[end]) / float(cpi[start])
    out = []
    for change in price.bounds:
        factor = 1 + change / 100
        personnel, _ = model.cost_shares(inputs, wage, prices, factor, end - start)
        out.append(
            SqueezeEnd(
                change,
                model.margin(inputs, wage, prices, factor, end - start),
                personnel,
                model.required_productivity_gain(inputs, wage, prices, factor, end - start),
            )
        )
    return out[0], out[1]


def telecom_sentence(ds: Dataset, edition: int) -> str:
    """« Les télécoms font 60 % du chiffre d'affaires des outsourceurs en 2011, contre 58 % en 2010 ; leur
    part est de 55 % en France et de 75 % à l'offshore. » The sector's largest client, where the price war is
    fought (the 2011 chapter told it only in its table); each part dated when it is not the total's year, each
    verb in the past for an older edition's figure. '' when no edition up to ``edition`` publishes it."""
    found = trend(ds, "telecom_revenue_share", edition)
    if found is None:
        return ""
    latest, previous = found
    places = {scope: (ds.known("telecom_revenue_share", edition, scope=scope),
                      ds.known("telecom_revenue_share", edition, scope=scope, period=latest.period))
              for scope in ("france", "offshore")}
    used = [f for f in (latest, previous, *(x for pair in places.values() for x in pair)) if published(f)]
    editions = sorted({f.edition for f in used})
    past = latest.from_older_edition  # the tense is the figures', whatever their notes
    # many figures of older editions: one note at the end (« (éditions 2011, 2012 et 2014) ») rather than a tag on
    # each (seven in one sentence in the 2024 book, editor, stop 33); each figure keeps its link
    once = sum(f.from_older_edition for f in used) >= 3
    if once:
        latest, previous = (replace(f, as_of=f.edition) if f is not None else None for f in (latest, previous))
        places = {k: tuple(replace(f, as_of=f.edition) if f is not None else None for f in v) for k, v in places.items()}
    when = formatting.period_text(latest.period)
    text = (f"Les télécoms {'faisaient' if past else 'font'} {cite(latest)} du chiffre d'affaires "
            f"des outsourceurs en {when}")
    if previous is not None:
        text += f", contre {narrative.cite_earlier(previous)} en {formatting.period_text(previous.period)}"
    same_year, later = [], []
    for scope, where in (("france", "en France"), ("offshore", "à l'offshore")):
        fig, then = places[scope]
        if not published(fig):
            continue
        if fig.period == latest.period:
            same_year.append((fig, f"{narrative.de(fig)} {where}"))
        elif published(then):  # each place's own series: « à l'offshore, de 75 % en 2011 à 62 % en 2014 »
            later.append(f"{where}, {elide('de', formatting.figure_text(then))}{narrative.cite_earlier(then)} en "
                         f"{formatting.period_text(then.period)} à {narrative.cite_earlier(fig)} en "
                         f"{formatting.period_text(fig.period)}")
        else:
            later.append(f"{where}, {narrative.cite_earlier(fig)} en {formatting.period_text(fig.period)}")
    if same_year:
        verb = "était" if past else "est"
        text += f" ; leur part {verb} " + formatting.enumeration([t for _, t in same_year])
    if later:
        text += " ; leur part est ensuite passée, " + " ; ".join(later)
    if once:
        text += f" (édition{'s' if len(editions) > 1 else ''} {formatting.enumeration([str(e) for e in editions])})"
    return text + "."


OTHER_SECTORS = (("tourism_revenue_share", "le tourisme"), ("services_revenue_share", "les entreprises de services"))


TELECOMS_WORD = re.compile(r"t[ée]l[ée]com", re.IGNORECASE)


def telecom_voices(ds: Dataset, edition: int) -> tuple[str, frozenset[str]]:
    """The edition's words on the telecoms, told after their share in the book of the edition that publishes both
    (editor38/39: Laurent Uberti's « … le secteur des télécoms … doit faire face à une crise sans précédent … » stood
    alone at the page's foot, far from the 60 %): « Sur ce premier client, Laurent Uberti dit : « … ». », « premier
    client » only when the telecoms weigh more than half of the revenue. Returns the text and the quotes it tells
    (left out of the list of voices); ('', ∅) otherwise."""
    telecoms = ds.known("telecom_revenue_share", edition)
    if not published(telecoms) or telecoms.from_older_edition:
        return "", frozenset()
    said = [q for q in ds.quotes(edition, CHAPTER) if TELECOMS_WORD.search(q.quote)]
    if not said:
        return "", frozenset()
    about = "Sur ce premier client" if telecoms.central > 50 else "Sur les télécoms"
    sentences = []
    for q in said:
        q = replace(q, quote=narrative.trimmed(q.quote, [telecoms]))  # not « Ainsi, … qui représente 60 % … » again
        src = ds.sources.get(q.source)
        who = md_escape(q.attribution) if src is None or src.type == "interview" else "le baromètre"
        sentences.append(f"{narrative.quote(q, attribution=False)}, dit {who}" if sentences else
                         f"{about}, {who} dit : {narrative.quote(q, attribution=False)}")
    return " ; ".join(sentences) + ".", frozenset(q.quote_id for q in said)


def other_sectors_sentence(ds: Dataset, edition: int) -> str:
    """« Loin derrière viennent le tourisme (6 %) et les entreprises de services (6 %). » The other client sectors
    whose share the telecoms' edition publishes for the same year (editor37/38/39: the 2011 edition's 6 % and 6 %
    were in the table only); told within two years of the edition, in the past for an older one; ''
    otherwise."""
    telecoms = ds.known("telecom_revenue_share", edition)
    if not published(telecoms) or narrative.stale(telecoms, edition):
        return ""
    found = [(ds.known(i, edition, period=telecoms.period), words) for i, words in OTHER_SECTORS
             if i in ds.indicators]
    found = [(f, words) for f, words in found if published(f) and f.central < telecoms.central]
    if not found:
        return ""
    figs, note = narrative.one_note([f for f, _ in found])
    items = [f"{words} ({cite(f)})" for f, (_, words) in zip(figs, found, strict=True)]
    verb = "venaient" if telecoms.from_older_edition else "viennent"
    return f"Loin derrière {verb} {formatting.enumeration(items)}{note}."


def inbound_contacts_sentence(ds: Dataset, edition: int) -> str:
    """« En 2011, plus de 80 % des contacts traités sont entrants, selon Laurent Uberti (président du SP2C). »: the
    share of inbound contacts, a measure of contacts and not of revenue, told in its edition's book (editor37:
    in the 2011 table only); '' otherwise."""
    fig = ds.known("inbound_contact_share", edition)
    if not published(fig) or fig.from_older_edition:
        return ""
    who = f", selon {md_escape(fig.attribution)}" if fig.source_type == "interview" else ""
    return (f"En {formatting.period_text(fig.period)}{who}, {cite(fig)} des contacts traités par les outsourceurs "
            "sont entrants : une part des contacts, non du chiffre d'affaires.")


def sectors_sentence(ds: Dataset, edition: int) -> str:
    """« Entre 2015 et 2016, d'autres secteurs clients progressent : la santé (environ +100 %), l'e-commerce
    (environ +30 %) et le tourisme (environ +30 %). » The client sectors whose growth the latest edition up to
    ``edition`` that gives it publishes, fastest first (the diversification away from the telecoms); ''
    when none does. In the past for an older edition's figures."""

    figs = sorted(narrative.latest_parts(ds, "sector_revenue_growth", edition), key=lambda f: -f.central)
    if not figs:
        return ""
    # no article (the labels have no gender), no parenthesis (an older edition's note has its own); the figures of
    # one older edition carry its note once, at the end (editor37: « (édition 2016) » three times in a row)
    shown, note = narrative.one_note(figs)
    items = [f"{scope_label(f.scope)}, {cite(f, signed=True)}" for f in shown]
    verb = narrative.by_signs(figs, ("progressent", "progressaient"), ("reculent", "reculaient"),
                              ("évoluent ainsi", "évoluaient ainsi"))
    # « que cite le baromètre »: the study names some sectors, not every one
    return (f"{formatting.period_text(figs[0].period).capitalize()}, les secteurs clients que cite le baromètre "
            f"{verb} : {' ; '.join(items)}{note}.")


def channels_text(ds: Dataset, edition: int, since: Figure | None = None) -> str:
    """The revenue by channel and the growth of the channels that later editions publish, newer than the calls'
    shares of ``since`` (the 2008 inbound share): « En 2014, le téléphone fait 86 % du chiffre d'affaires des
    prestataires, les canaux digitaux moins de 1 %. En 2019, leur activité progresse sur les canaux que cite le
    baromètre : réseaux sociaux, +36 % ; SMS, +43 %. » (editor39: the 2024 section stopped in 2008.) Each verb from the
    figures' signs and editions; '' when nothing newer is published."""

    after = period_end(since.period) if published(since) else 0
    sentences = []
    phone = ds.known("phone_revenue_share", edition)
    if published(phone) and period_end(phone.period) > after:
        digital = ds.known("digital_channels_revenue_share", edition, period=phone.period)
        figs, note = narrative.one_note([f for f in (phone, digital) if published(f)])
        note = "" if str(phone.period) == str(phone.edition) else note  # « En 2014 » names the edition
        text = (f"En {formatting.period_text(phone.period)}, le téléphone {narrative.tensed(phone, 'fait', 'faisait')} "
                f"{cite(figs[0])} du chiffre d'affaires des prestataires")
        if len(figs) > 1:
            text += f", les canaux digitaux {cite(figs[1])}"
        sentences.append(text + note + ".")
    growth = narrative.latest_parts(ds, "channel_activity_growth", edition)
    if growth and period_end(growth[0].period) > after:
        shown, note = narrative.one_note(growth)
        note = "" if str(growth[0].period) == str(growth[0].edition) else note
        verb = narrative.by_signs(growth, ("progresse", "progressait"), ("recule", "reculait"),
                                  ("évolue ainsi", "évoluait ainsi"))
        items = " ; ".join(f"{scope_label(f.scope)}, {cite(f, signed=True)}" for f in shown)
        whose = "leur activité" if sentences else "l'activité des prestataires"
        sentences.append(f"En {formatting.period_text(growth[0].period)}, {whose} {verb} sur les canaux que cite "
                         f"le baromètre : {items}{note}.")
    return " ".join(sentences)


def members_share_sentence(ds: Dataset, edition: int, top: Figure | None) -> str:
    """The SP2C members' share of the market, when an edition gives it after the last share of the ten
    largest (the 2024 edition: « 70 à 75 % »), told as another measure, not as a move of the ten's share;
    '' otherwise."""
    coverage = ds.known("sp2c_revenue_coverage", edition)
    if not published(coverage) or (top is not None and period_end(coverage.period) <= period_end(top.period)):
        return ""
    # the members' weight is the SP2C's word about itself, whoever relays it (« Le SP2C indique représenter 90 % »)
    who = md_escape(coverage.attribution) if coverage.source_type == "interview" else "le SP2C"
    verb = narrative.tensed(coverage, "pèsent", "pesaient")
    text = (f"En {md_escape(formatting.period_text(coverage.period))}, les membres du SP2C {verb} {cite(coverage)} du "
            f"chiffre d'affaires du secteur, selon {who}")
    earlier = [f for f in lead.series(ds, "sp2c_revenue_coverage", "market", edition)
               if period_end(f.period) < period_end(coverage.period)]
    before = earlier[-1] if earlier else None
    if before is not None:
        year = md_escape(formatting.period_text(before.period))
        broken = ds.break_between(before, coverage) is not None
        if broken:  # one parenthesis (editor37: « 90 % (édition 2014) en 2014 (une rupture de série les sépare) »)
            # its year names its edition when they are the same (editor45: « 90 % en 2014 (édition 2014, …) »)
            note = (f" (édition\u00a0{before.edition}, avant une rupture de série)"
                    if before.from_older_edition and str(before.period) != str(before.edition)
                    else " (avant une rupture de série)")
            text += (f", comme {cite(replace(before, as_of=before.edition), f'en {year}')}{note}"
                     if before.bounds == coverage.bounds
                     else f", contre {cite(replace(before, as_of=before.edition))} en {year}{note}")
        else:
            text += (f", comme {narrative.cite_earlier(before, f'en {year}')}" if before.bounds == coverage.bounds
                     else f", contre {narrative.cite_earlier(before)} en {year}")  # the same share: its year, linked
    part, whole = (ds.known(i, edition, period=coverage.period) for i in ("sp2c_members_revenue", "market_revenue"))
    if published(part) and published(whole) and part.unit == whole.unit:  # the book's check (claims page)
        text += (f" ; les deux chiffres d'affaires publiés pour {md_escape(formatting.period_text(coverage.period))}, "
                 f"{cite(part)} sur {cite(whole)}, en donnent "
                 f"{formatting.percent(100 * part.central / whole.central, 1)} (calcul du livre)")
    text += "."
    if top is not None:
        text += (f" C'est une autre mesure que la part des {formatting.count_words(TOP_N, 'premier', 'premiers')}, "
                 "qui ne s'y compare pas.")
    return text + " "


def edition_key(ds: Dataset, edition: int) -> tuple[Figure, str] | None:
    """The edition's own figure on the theme, with its sentence, when the price of an hour comes from an older
    edition: the telecoms' share of revenue (2011: 60 %), else the SP2C members' weight (2024: 70 à 75 %)."""
    telecoms = ds.known("telecom_revenue_share", edition)
    if published(telecoms) and not telecoms.from_older_edition:
        return telecoms, telecom_sentence(ds, edition)
    coverage = ds.known("sp2c_revenue_coverage", edition)
    if published(coverage) and not coverage.from_older_edition:
        return coverage, members_share_sentence(ds, edition, None)
    return None


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
    word = narrative.direction(value, up="montent", down="baissent", flat="stagnent")
    size = "" if word == "stagnent" else f" de {formatting.percent(abs(value))} par an en moyenne"
    return (f"{formatting.percent(value, signed=True)} par an de {start} à {end}",
            f"l'Insee mesure ensuite les prix de production des centres d'appels : ils {word}{size} de {start} à "
            f"{end}")


def summary(ds: Dataset, edition: int):
    """The chapter's key figure and takeaway (data only), shown by the synthesis.
    Built from what the edition knows: the price of a production hour, else the personnel cost share,
    else a neutral line."""
    from barometre.narrative import ChapterSummary

    price = ds.known("production_hour_price_change_since_2000", edition)
    claim = ds.known("smic_increase_claimed", edition)
    if published(price):
        start, end = period_years(price.period, edition)
        # a figure of an older edition is told in the past, with its year, never as current
        past = price.from_older_edition
        # « En 2008, » dates the figures: no edition note on them (editor39, the synthesis row)
        sentence = price_sentence(narrative.dated(price), start, past=past)
        takeaway = (f"En {end}, l'heure de production {sentence}" if past
                    else f"L'heure de production {sentence}")
        if published(claim):
            joint = "quand" if (price.bounds[1] < 0) == (claim.central > 0) else "et"
            takeaway += f", {joint} le Smic {'avait' if past else 'a'} {smic_verb(claim)} {narrative.de(narrative.dated(claim))}"
            if price.bounds[1] < 0 < claim.central:
                takeaway += f" : l'effet de ciseaux {'pesait' if past else 'pèse'} sur les marges"
        later = later_prices(ds, edition, period_end(price.period)) if past else None
        if past:  # the reader of a later book is told that the price is not followed since
            takeaway += f". Aucune édition après celle de {price.edition} ne publie le prix de l'heure"
            if later is not None:
                takeaway += f" ; {later[1]}"
        words = price_direction(price)
        key = cite(price, magnitude=True) + " " + words if not words.startswith("à peu près") else cite(price)
        if past:
            key += f" entre {start} et {end}"
            own = edition_key(ds, edition)  # the edition's own figure of the theme leads, the price is history
            if own is not None:
                figure, sentence = own
                # a price is the chapter's key figure when one is known for later years (editor37: the 2024 key
                # figure was the members' share, a measure of concentration)
                key_label, key_figure = ((LATER_PRICES_LABEL, later[0]) if later is not None else
                                         (figure.label, narrative.cite_in(figure)))
                # the synthesis row keeps the edition's figure's first clause (editor38: about 720 characters;
                # the book's check of the share is in the chapter and the claims)
                first = sentence.strip().split(" ; ")[0].rstrip(".") + "."
                return ChapterSummary(chapter=CHAPTER, key_label=key_label, key_figure=key_figure,
                                      takeaway=f"{first} {takeaway}.")
            if later is not None:
                return ChapterSummary(chapter=CHAPTER, key_label=LATER_PRICES_LABEL, key_figure=later[0],
                                      takeaway=takeaway + ".")
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=ds.indicators["production_hour_price_change_since_2000"].label_fr,
            key_figure=key,
            takeaway=takeaway + ".",
        )
    personnel = ds.known("personnel_cost_share", edition)
    if published(personnel):
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=personnel.label,
            key_figure=f"{cite(personnel)} en {md_escape(formatting.period_text(personnel.period))}",
            takeaway=(f"Le coût du personnel {narrative.tensed(personnel, 'représente', 'représentait')} "
                      f"{cite(personnel)} du chiffre d'affaires des outsourceurs "
                      f"en {md_escape(formatting.period_text(personnel.period))}."),
        )
    return ChapterSummary(
        chapter=CHAPTER,
        key_label="Prix et coûts",
        key_figure="aucun chiffre publié",
        takeaway="Aucune édition du baromètre jusqu'à celle-ci ne publie le prix de l'heure de production "
        "ni la structure des coûts des outsourceurs.",
    )


# --------------------------------------------------------------------------- history of the chapter's indicators


def history_title(table: pd.DataFrame) -> str:
    """The direction of the one panel (« Part … : en hausse »), or a topic when there are several."""
    if table["panneau"].nunique() == 1 and "segment" in table.columns and table["segment"].nunique() > 1:
        return str(table["panneau"].iloc[0])  # no direction across a break in the series
    if table["panneau"].nunique() == 1:
        ordered = table.sort_values("année")
        change = float(ordered["valeur"].iloc[-1] - ordered["valeur"].iloc[0])
        return f"{ordered['panneau'].iloc[0]} : {narrative.direction(change)}"
    return "Les chiffres du chapitre, année par année"


def history_table(ds: Dataset, edition: int) -> pd.DataFrame:
    """Every indicator of the chapter with at least two known years, by year (``history.yearly_history``)."""
    return history.yearly_history(ds, ds.indicators_for(CHAPTER), edition)


def history_chart(ds: Dataset, edition: int) -> ChartOutput | None:
    """Every indicator of the chapter with at least two known years, one panel each (None when none)."""
    table = history_table(ds, edition)
    if table.empty:
        return None
    return history.history_chart(table, name="prix-historique", title=history_title(table), edition=edition)


def margin_factors(ds: Dataset, years: list[int], price: Figure, start: int, end: int) -> pd.DataFrame:
    """The year factors of the margin model (wage, CPI, both ends of the price), for the explorer."""
    years = [y for y in years if y <= end]
    smic = smic_mid_year(ds, years)
    cpi = ds.cpi()
    return pd.DataFrame(
        {
            "year": years,
            "years": [y - start for y in years],
            "wage_factor": [smic[y] / smic[start] for y in years],
            "cpi_factor": [float(cpi[y]) / float(cpi[start]) for y in years],
            "price_factor_low": [model.linear_factor(price.bounds[0] / 100, start, end, y) for y in years],
            "price_factor_high": [model.linear_factor(price.bounds[1] / 100, start, end, y) for y in years],
        }
    )


# --------------------------------------------------------------------------- the employer cost at the Smic

LABOUR_SOURCE = "Coût employeur au Smic : OpenFisca France (instantané, voir l'annexe des données)"


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
    after = after or later_cost(ds, squeeze, edition)
    if after is None:
        return ""
    weighs = narrative.direction(after.share - squeeze.reduction_share_end, up="pèse davantage", down="pèse moins",
                                 flat="pèse autant", tolerance=0.005)
    moved = (f"passe de {formatting.percent(squeeze.reduction_share_end * 100)} à {formatting.percent(after.share * 100)}"
             if after.diverges(squeeze) else f"reste à {formatting.percent(after.share * 100)}")
    return (f" Après {squeeze.end}, la réduction {weighs} : de {squeeze.end} à {after.last}, le Smic brut augmente de "
            f"{formatting.percent(after.smic_rise)} et le coût employeur au Smic de "
            f"{formatting.percent(after.cost_rise)} ; la réduction {moved} du salaire brut.")


def cost_text(ds: Dataset, squeeze: LabourSqueeze, edition: int, *, capital: bool = True) -> str:
    """The model's finding on the employer cost and what the series shows after it, one text for the chapter and
    its « À retenir » (editor40: the box kept a clause the next sentence refuted)."""
    after = later_cost(ds, squeeze, edition)
    return (explained_text(squeeze, capital=capital, later_diverges=after is not None and after.diverges(squeeze))
            + later_cost_text(ds, squeeze, edition, after))


def margin_gain(squeeze: LabourSqueeze) -> tuple[list[float], str]:
    """What the employer-cost path adds to the model's end-year margin, in points, low and high price ends sorted,
    and as the text says it (« 0,1 point », « 0,1 à 0,3 point »)."""
    gains = sorted((c - m) * 100 for c, m in zip(squeeze.margin_cost, squeeze.margin_smic, strict=True))
    lo_p, hi_p = (formatting.points(g, 1, signed=False) for g in gains)
    return gains, lo_p if lo_p == hi_p else f"{formatting.number(gains[0], 1)} à {hi_p}"


def reduction_words(squeeze: LabourSqueeze) -> str:
    """« la réduction reste à 26 % du salaire brut » over the model's years, or « la réduction pèse 24 % du salaire
    brut en 2006 et 26 % en 2008 » (editors 42, 43: « 26 % en 2006 et 26 % en 2008 »)."""
    base, end = (formatting.percent(v * 100) for v in (squeeze.reduction_share_base, squeeze.reduction_share_end))
    if base == end:
        return f"la réduction reste à {end} du salaire brut"
    return f"la réduction pèse {base} du salaire brut en {squeeze.base} et {end} en {squeeze.end}"


def cost_takeaway(ds: Dataset, squeeze: LabourSqueeze, edition: int) -> str:
    """The employer cost in « À retenir », short (editors 42 and 43: the box copied the section's ninety words): « de
    2006 à 2011, la réduction générale reste à 26 % du salaire brut : le coût employeur au Smic suit le Smic brut
    (+8,9 % contre +8,8 %) ; dans le modèle, elle ne relève la marge de 2008 que de 0,1 point. » When the reduction
    weighs more after the model's years: « de 2008 à 2024, le coût employeur au Smic augmente de 18,8 %, le Smic
    brut de 33,8 % : la réduction passe de 26 % à 32,3 % du salaire brut ; … »."""
    after = later_cost(ds, squeeze, edition)
    gains, moved = margin_gain(squeeze)
    small = max((s for s in squeeze.explained if s is not None), default=1) < 0.1
    model_part = (f"dans le modèle, elle {'ne ' if small else ''}relève la marge de {squeeze.end} "
                  f"{'que ' if small else ''}de {moved}") if gains[0] > 0 else ""
    if after is not None and after.diverges(squeeze):
        text = (f"de {squeeze.end} à {after.last}, le coût employeur au Smic augmente de "
                f"{formatting.percent(after.cost_rise)}, le Smic brut de {formatting.percent(after.smic_rise)} : la "
                f"réduction passe de {formatting.percent(squeeze.reduction_share_end * 100)} à "
                f"{formatting.percent(after.share * 100)} du salaire brut")
        return text + (f" ; de {squeeze.base} à {squeeze.end}, {model_part}." if model_part else ".")
    last = after.last if after is not None else squeeze.end
    smic = (1 + squeeze.smic_rise / 100) * (1 + (after.smic_rise if after else 0) / 100) * 100 - 100
    cost = (1 + squeeze.cost_rise / 100) * (1 + (after.cost_rise if after else 0) / 100) * 100 - 100
    flat = abs(squeeze.reduction_share_end - squeeze.reduction_share_base) < 0.005
    share = (f"la réduction générale reste à {formatting.percent(squeeze.reduction_share_end * 100)} du salaire brut"
             if flat else f"la réduction générale passe de {formatting.percent(squeeze.reduction_share_base * 100)} à "
             f"{formatting.percent(squeeze.reduction_share_end * 100)} du salaire brut")
    text = (f"de {squeeze.base} à {last}, {share} : le coût employeur au Smic augmente de {formatting.percent(cost)}, "
            f"le Smic brut de {formatting.percent(smic)}")
    return text + (f" ; {model_part}." if model_part else ".")


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
    series = list(dict.fromkeys(lines_table["série"])) + ([PRICE_BAND] if not band.empty else [])
    colours = [PALETTE[3], PALETTE[1], PALETTE[0]][: len(series)]
    colour = alt.Color("série:N", scale=alt.Scale(domain=series, range=colours), title=None,
                       legend=alt.Legend(orient="bottom", columns=1, labelLimit=300, symbolOpacity=1))
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
            x=x, y=alt.Y("bas:Q"), y2="haut:Q", color=colour,
            tooltip=[alt.Tooltip("série:N", title="Série"), alt.Tooltip("année:Q", title="Année", format="d"),
                     alt.Tooltip("texte:N", title="Indice")],
        )
        lines = alt.layer(area, lines)
    last = table[table["année"] == table.groupby("série")["année"].transform("max")]
    end_text = "; ".join(f"{s} : {t} en {a}" for s, t, a in zip(last["série"], last["texte"], last["année"],
                                                                   strict=True))
    cost_end = float(last.set_index("série")["indice"]["Coût employeur au Smic"])
    smic_end = float(last.set_index("série")["indice"]["Smic brut d'un temps plein"])
    word = narrative.direction(cost_end - smic_end, up="plus vite que", down="moins vite que",
                               flat="au même rythme que", tolerance=0.5)
    return chart_output(
        lines.properties(height=300),
        name="prix-cout-employeur",
        title=f"Le coût employeur au Smic évolue {word} le Smic brut",
        source=LABOUR_SOURCE + " ; " + OFFICIAL + " ; " + source_line(figs)
        + " ; trajectoire linéaire du prix : hypothèse du livre",
        description=(f"Indices base 100 en {base} : {end_text}. Le coût employeur est le salaire brut d'un temps "
                     "plein au Smic plus les cotisations patronales, moins la réduction générale de cotisations."),
        data=table,
    )


def labour_missing_years(ds: Dataset, until: int | None = None) -> list[int]:
    """The years the snapshot lists but does not cover (status not_covered), up to ``until``."""
    table = ds.labour_cost()
    if table.empty:
        return []
    return sorted(y for y in (int(y) for y in table.loc[table["status"] != "computed", "year"])
                  if until is None or y <= until)


def years_text(years: list[int]) -> str:
    """« les années 2000 à 2005 » for a run, « les années 2000, 2002 et 2005 » otherwise."""
    if not years:
        return ""
    if len(years) == 1:
        return f"l'année {years[0]}"
    if years == list(range(years[0], years[-1] + 1)):
        return f"les années {years[0]} à {years[-1]}"
    return "les années " + ", ".join(map(str, years[:-1])) + f" et {years[-1]}"


def explained_text(squeeze: LabourSqueeze, *, capital: bool = True, later_diverges: bool = False) -> str:
    """How much of the margin's fall over the covered years the employer-cost path removes (the model's
    output, said as such), and what the covered years cannot say."""
    shares = [s for s in squeeze.explained if s is not None]
    if not shares:
        return (f"{'D' if capital else 'd'}ans le modèle, la marge ne baisse pas de {squeeze.base} à {squeeze.end} : il n'y a pas de "
                "compression à expliquer sur ces années.")
    lo, hi = min(shares) * 100, max(shares) * 100
    part = formatting.percent(lo) if formatting.percent(lo) == formatting.percent(hi) else \
        f"{formatting.number(lo, 1)} à {formatting.percent(hi)}"
    # in margin points first: « explique 0,7 à 0,9 % de la compression » read as margin points (editor, stop 33)
    gains, moved = margin_gain(squeeze)
    if gains[0] > 0:
        small = max(shares) < 0.1  # « ne … que » only for a small part of the compression
        verb = "ne relève" if small else "relève"
        text = (f"{'D' if capital else 'd'}ans le modèle, la baisse des cotisations {verb} la marge de {squeeze.end} "
                f"{'que ' if small else ''}de {moved} ({part} de sa compression de {squeeze.base} à {squeeze.end})")
    else:
        text = (f"{'D' if capital else 'd'}ans le modèle, la baisse des cotisations explique {part} de la compression "
                f"de la marge de {squeeze.base} à {squeeze.end}")
    if abs(squeeze.reduction_share_end - squeeze.reduction_share_base) < 0.005:
        # the model's years named (editor39: read in the 2024 book as true of 2006-2024, which the series refutes)
        text += (f" : de {squeeze.base} à {squeeze.end}, les années du modèle, la réduction pèse autant sur le salaire "
                 f"({formatting.percent(squeeze.reduction_share_end * 100)}), le coût employeur suit donc le Smic")
        if not later_diverges:  # the years after it move it (editor40): what it changed is not only before them
            text += (f" ; ce qu'elle a changé tient aux années de sa mise en place, avant {squeeze.base}, que la série "
                     "ne couvre pas")
    return text + "."


# the sensitivity band of the starting margin, a book's assumption with no published figure: the
# « À retenir » line gives the result from half to one and a half times the margin set
START_MARGIN_BAND = (0.5, 1.5)


def margin_band_sentence(ds: Dataset, price: Figure, start: int, end: int, *, start_margin: float,
                         personnel_share: float) -> str:
    """« Avec une marge de départ de 4 à 12 % au lieu de 8 % (hypothèse du livre), il aurait fallu 5,8 à 7,5 % par
    an. » The band of ``model_takeaway``, told in the prose too (the prose gave 6 to 7,2 % and « À retenir » 5,8
    to 7,5 % for the same result, editor, stop 33); '' when the band gives no gain."""
    found = model_takeaway(ds, price, start, end, start_margin=start_margin, personnel_share=personnel_share)
    if "gain_low" not in found.findings:
        return ""
    lo, hi = (start_margin * k * 100 for k in START_MARGIN_BAND)
    return (f"Avec une marge de départ de {formatting.number(lo, 1)} à {formatting.percent(hi)} au lieu de "
            f"{formatting.percent(start_margin * 100)} (hypothèse du livre), il aurait fallu "
            f"{found.findings['gain_low'].shown} à {found.findings['gain_high'].shown} par an. ")


def model_takeaway(ds: Dataset, price: Figure, start: int, end: int, *, start_margin: float,
                   personnel_share: float) -> Takeaway:
    """The margin model's « À retenir » line. The margin the cited figures lead to, with nothing else
    changing, is a reductio (it shows what the reasoning lacks) and is not given here; the line answers
    the inverse question instead: what yearly productivity gain keeps the starting margin, over both
    ends of the price range and a band of the starting margin (a book's assumption)."""
    smic = smic_mid_year(ds, [start, end])
    cpi = ds.cpi()
    wage, prices_ = smic[end] / smic[start], float(cpi[end]) / float(cpi[start])
    margins = [start_margin * k for k in START_MARGIN_BAND]
    gains = []
    for m in margins:
        inputs = model.MarginInputs(m, personnel_share)
        for change in price.bounds:
            gains.append(model.required_productivity_gain(inputs, wage, prices_, 1 + change / 100, end - start))
    band = (f"selon la borne du prix et une marge de départ de {formatting.number(margins[0] * 100, 1)} à "
            f"{formatting.percent(margins[1] * 100)} (hypothèse du livre)")
    if any(g is None for g in gains):
        return Takeaway(f"- Dans le modèle, même une productivité infinie ne garderait pas la marge de {start} "
                        f"jusqu'en {end}, {band} : les autres coûts, à eux seuls, dépasseraient ce que le prix laisse.")
    lo, hi = min(gains), max(gains)
    if hi <= 0:
        return Takeaway(f"- Dans le modèle, la marge de {start} se maintient jusqu'en {end} sans gain de "
                        f"productivité, {band}.")
    shown_lo, shown_hi = formatting.number(lo * 100, 1), formatting.percent(hi * 100)
    return Takeaway(
        f"- Pour que le prix cité et la hausse du Smic tiennent ensemble à marge constante, il aurait fallu gagner "
        f"{shown_lo} à {shown_hi} de productivité par an de {start} à {end}, {band}, ou que le coût du travail "
        "suive le Smic moins vite (baisses de cotisations, salaires au-dessus du Smic qui progressent moins vite).",
        {"gain_low": Finding(lo, shown_lo), "gain_high": Finding(hi, shown_hi)},
    )
