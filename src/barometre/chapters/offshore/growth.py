"""« L'activité en France et offshore »: France's and the offshore's growth, the zones, the
share of revenue produced in France, their table and charts, and the two shares side by side."""

from __future__ import annotations

from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, history, narrative
from barometre.chapters.offshore.common import CHAPTER, GROWTH_SCOPES
from barometre.charts import PALETTE, ChartOutput, chart_output, row_labels
from barometre.data import Dataset, Figure, period_key
from barometre.labels import scope_label
from barometre.narrative import source_line
from barometre.narrative.templating import macro, phrase, render

TEMPLATES = f"chapters/{CHAPTER}"
PHRASES = f"{TEMPLATES}/_phrases.md.j2"
CHARTS = f"{TEMPLATES}/charts.md.j2"

# --------------------------------------------------------------------------- France and offshore


def growth_pair(ds: Dataset, edition: int) -> tuple[Figure, Figure] | None:
    """Revenue growth in France and offshore for the latest period both are known in ``edition``
    (None when no period has both)."""
    periods = {}
    for scope in ("france", "offshore"):
        series = ds.series("revenue_growth", scope=scope, upto=edition)
        periods[scope] = set(series["period"]) if not series.empty else set()
    common = sorted(periods["france"] & periods["offshore"], key=period_key)
    if not common:
        return None
    period = common[-1]
    return (ds.figure("revenue_growth", edition, scope="france", period=period),
            ds.figure("revenue_growth", edition, scope="offshore", period=period))


def newer_location_growth(ds: Dataset, edition: int, pair: tuple[Figure, Figure] | None) -> list[Figure]:
    """The growth of the activity in France, and of every other location the same edition gives for the
    same year (nearshore, an offshore region), when France's latest growth is newer than the last year
    France and offshore are published together (``growth_pair``): the 2024 edition gives France +2 % and
    the nearshore +5 % but no offshore total, and the chapter told 2014 as the « dernier chiffre publié »
    of France's growth. [] when the pair is the latest (or France's growth is unknown)."""
    france = ds.known("revenue_growth", edition, scope="france")
    if france is None or not france.published or (pair is not None and period_key(pair[0].period)
                                                     >= period_key(france.period)):
        return []
    others = [f for f in ds.figures(france.edition, "revenue_growth")
              if f.period == france.period and f.scope not in ("france", "market") and f.published
              and not f.secondary]
    return [france, *sorted(others, key=lambda f: f.scope)]


ZONES = ("offshore_1", "offshore_2", "offshore_3", "nearshore")


def zone_growth(ds: Dataset, edition: int, pair: tuple[Figure, Figure] | None,
                newer: list[Figure]) -> tuple[tuple[str, tuple[Figure, ...]], ...]:
    """The growth of each production zone after the last year of the France/offshore pair and before the year
    ``newer`` tells (the 2024 book left the reader with nothing after 2014, editor, stop 33), zone by zone in the
    zones' order, each dated (no edition note); () when there is none."""
    if pair is None:
        return ()
    after, told = period_key(pair[0].period), {f.anchor for f in newer}
    by_zone: dict[str, list[Figure]] = {}
    for ed in ds.editions:
        if ed > edition:
            break
        for f in ds.figures(ed, "revenue_growth"):
            if (f.scope in ZONES and f.published and not f.secondary and f.anchor not in told
                    and period_key(f.period) > after and (not newer or f.period != newer[0].period)):
                known = ds.known("revenue_growth", edition, scope=f.scope, period=f.period)
                if known is not None and known.anchor == f.anchor:
                    by_zone.setdefault(f.scope, []).append(replace(f, as_of=f.edition))
    return tuple((zone, tuple(sorted(by_zone[zone], key=lambda f: period_key(f.period))))
                 for zone in sorted(by_zone, key=ZONES.index))


def zone_growth_of(zones: tuple[tuple[str, tuple[Figure, ...]], ...]) -> str:
    """« Par zone, le baromètre publie ensuite la croissance de l'Afrique du Nord (+13 % en 2016, +11 % en 2021)
    … » ('' without a zone)."""
    return render(f"{TEMPLATES}/zones_growth.md.j2", zones=zones, zone_of=ZONE_OF) if zones else ""


def zone_growth_sentence(ds: Dataset, edition: int, pair: tuple[Figure, Figure] | None,
                         newer: list[Figure]) -> str:
    """The growth of each production zone after the pair's year, in words (``zone_growth``)."""
    return zone_growth_of(zone_growth(ds, edition, pair, newer))


# A zone after « la croissance »: no parenthesis of its own, since its figures follow in one
ZONE_OF = {"offshore_1": "de l’Afrique du Nord", "offshore_2": "de l’Afrique subsaharienne",
           "offshore_3": "de l’océan Indien", "nearshore": "du nearshore européen"}


def zone_shares(ds: Dataset, edition: int) -> tuple[tuple[str, tuple[Figure, ...]], ...]:
    """The share of revenue of each zone outside France, the latest each edition up to ``edition`` publishes, by
    year, newest year first, the largest share first: North Africa, the second production zone, was told only in
    captions."""
    by_year: dict[str, list[Figure]] = {}
    for fig in sorted(ds.latest_by_scope("revenue_share_by_location", edition), key=lambda f: -f.central):
        by_year.setdefault(fig.period, []).append(fig)
    return tuple((period, tuple(by_year[period])) for period in sorted(by_year, key=period_key, reverse=True))


def zones_sentence(ds: Dataset, edition: int) -> str:
    """« Par zone de production, les dernières parts publiées sont de 10 % pour le nearshore (Europe) en 2024 ;
    d'environ 33 % pour l'Afrique du Nord et de 5,1 % pour l'Afrique subsaharienne en 2021. » ('' when no edition
    publishes one)."""
    zones = zone_shares(ds, edition)
    return render(f"{TEMPLATES}/zones.md.j2", zones=zones) if zones else ""


def share_text(ds: Dataset, edition: int, share: tuple[Figure, Figure | None], *, answered: bool = False) -> str:
    """The share of revenue made in France and the rest made abroad, then each zone's share (``share_of``)."""
    return share_of(share, nearshore=nearshore_given(ds, edition), zones=zone_shares(ds, edition),
                    first=themes_article_year(ds), answered=answered)


def share_of(share: tuple[Figure, Figure | None], *, nearshore: bool, zones, first: str | None,
             answered: bool = False) -> str:
    """After ``article_answer`` (a later book), which has just given the latest share and the article's, the latest
    is not told again (editor40: the 2024 section opened twice on 46 %)."""
    return render(f"{TEMPLATES}/share.md.j2", share=share, nearshore=nearshore, zones=zones, first=first,
                  answered=answered)


def themes_article_year(ds: Dataset) -> str | None:
    """The year of the article's edition, as a period (``themes.article_edition``)."""
    from barometre import themes

    first = themes.article_edition(ds)
    return None if first is None else str(first)


@dataclass(frozen=True)
class PositionsRevenue:
    """France's share of the positions and of the revenue the same year, and the study that gives them."""

    positions: Figure
    revenue: Figure
    by: str  # « l'étude d'EY pour le SP2C », else « le baromètre »


def positions_revenue(ds: Dataset, edition: int, after: Figure | None) -> PositionsRevenue | None:
    """The newest pair of France's share of the positions and of the revenue, when it is newer than ``after`` (the
    last staff-versus-revenue pair told; editor43: 2016's pair was missed); None otherwise."""
    positions = ds.known("production_capacity_share", edition, scope="france")
    if positions is None or not positions.published or (
            after is not None and period_key(positions.period) <= period_key(after.period)):
        return None
    revenue = ds.known("france_revenue_share", edition, period=positions.period)
    if revenue is None or not revenue.published or revenue.edition != positions.edition:
        return None
    study = ds.study_of(positions.edition)
    return PositionsRevenue(positions, revenue, history.study_name(study) if study is not None else "le baromètre")


def positions_revenue_of(pair: PositionsRevenue | None) -> str:
    """« En 2016, selon l'étude d'EY pour le SP2C, la France concentrait environ 50 % des positions pour 66 % du
    chiffre d'affaires ; hors de France, … (calcul du livre). » ('' without a pair)."""
    return render(f"{TEMPLATES}/positions_revenue.md.j2", p=pair) if pair is not None else ""


def positions_and_revenue_sentence(ds: Dataset, edition: int, after: Figure | None) -> str:
    """The newest positions-versus-revenue pair newer than ``after``, in words ('' otherwise)."""
    return positions_revenue_of(positions_revenue(ds, edition, after))


def nearshore_given(ds: Dataset, edition: int) -> bool:
    """An edition up to ``edition`` gives the nearshore apart (the 2011 book spoke of a nearshore its study did not
    separate)."""
    return any(f.scope == "nearshore" for ind in ("revenue_share_by_location", "revenue_growth")
               for f in ds.latest_by_scope(ind, edition))


def abroad_words(ds: Dataset, edition: int) -> str:
    """« offshore et nearshore » once an edition up to ``edition`` gives the nearshore apart, else « offshore »."""
    return "offshore et nearshore" if nearshore_given(ds, edition) else "offshore"


def moves_text(figs: list[Figure]) -> str:
    """« +2 % en France, +5 % nearshore (Europe) »: each location's growth, signed and linked."""
    return str(macro(PHRASES, "moves")(figs))


def location_growth_sentence(figs: list[Figure]) -> str:
    """« En 2024, le chiffre d'affaires réalisé en France a progressé de 2 %, et celui du nearshore
    (Europe), de 5 %. » — one past verb per sign, the location named from the scope dictionary."""
    return render(f"{TEMPLATES}/location_growth.md.j2", figs=figs)


def growth_table(ds: Dataset, edition: int) -> tuple[pd.DataFrame, list[Figure]]:
    """Revenue growth of the latest period known for both France and offshore (``growth_rows``)."""
    pair = growth_pair(ds, edition)
    return growth_rows(ds, edition, pair, newer_location_growth(ds, edition, pair))


def growth_rows(ds: Dataset, edition: int, pair: tuple[Figure, Figure] | None,
                newer: list[Figure]) -> tuple[pd.DataFrame, list[Figure]]:
    """The growth chart's rows for the chapter's ``pair`` and ``newer`` growths (its facts): France, offshore and
    the whole sector for the pair's period; France and the other locations of a newer year when France's growth is
    newer than that pair (``newer_location_growth``); empty when neither is known."""
    rows, figs = [], []
    if newer:  # France's growth is newer than the last pair (2024: France and the nearshore, no offshore total)
        for fig in newer:
            label = GROWTH_SCOPES.get(fig.scope) or f"Activité {scope_label(fig.scope)}"
            rows.append({"périmètre": label, "croissance": fig.central, "texte": formatting.figure_text(fig)})
        return pd.DataFrame(rows, columns=["périmètre", "croissance", "texte"]), list(newer)
    if pair is None:
        return pd.DataFrame(columns=["périmètre", "croissance", "texte"]), figs
    period = pair[0].period
    for scope, label in GROWTH_SCOPES.items():
        fig = ds.find("revenue_growth", edition, scope=scope, period=period)
        if fig is None:
            continue
        figs.append(fig)
        rows.append({"périmètre": label, "croissance": fig.central, "texte": formatting.figure_text(fig)})
    return pd.DataFrame(rows, columns=["périmètre", "croissance", "texte"]), figs


MOVES = {"up": "progresse", "down": "recule", "flat": "stagne"}


def move(fig: Figure) -> str:
    """« progresse », « recule » or « stagne »: the sign of a growth rate."""
    return narrative.direction(fig.central, up=MOVES["up"], down=MOVES["down"], flat=MOVES["flat"])


def moved_in_past(fig: Figure) -> str:
    """« a progressé de 9,6 % », « a reculé de 2,5 % », « est resté stable »: a growth rate told in the past."""
    return str(macro(PHRASES, "moved_in_past")(fig))


def growth_title(france: Figure, offshore: Figure) -> str:
    """The growth chart's title, from the two rates: who grows faster, or who shrinks."""
    a, b = france.central, offshore.central
    when = formatting.period_text(france.period)
    if move(france) != move(offshore):
        return f"En {when}, l’activité {move(france)} en France et {move(offshore)} offshore"
    if a == b:
        return f"En {when}, la France et l’offshore au même rythme"
    first, second = ("la France", "l’offshore") if a > b else ("l’offshore", "la France")
    if move(france) == MOVES["up"]:
        return f"En {when}, {first} croît plus vite que {second}"
    # both shrink: the one with the higher rate shrinks less
    return f"En {when}, {second} recule plus que {first}"


def growth_sentence(france: Figure, offshore: Figure, gap: Figure | None, *, last_pair: bool = False) -> str:
    """« le chiffre d'affaires réalisé en France a reculé de 3 % en 2009, alors que l'activité offshore a
    progressé de 12 % » — verbs from the signs, the ratio only when both grow, the barometer's gap only when
    it is of the same period."""
    return render(f"{TEMPLATES}/growth.md.j2", france=france, offshore=offshore, gap=gap, last_pair=last_pair)


def share_takeaway(latest: Figure, previous: Figure | None) -> str:
    """« Part de la France dans le chiffre d'affaires des outsourceurs : 46 % en 2024, en baisse par rapport à
    48,5 % en 2021 ; la production hors de France gagne du terrain » (the summary's line on the share)."""
    return str(macro(PHRASES, "share_takeaway")(latest, previous))


def share_shift(latest: Figure, previous: Figure | None) -> str:
    """What the change of France's share of revenue means: « la production hors de France gagne du terrain » ('' without history)."""
    return str(macro(PHRASES, "shift_words")(latest, previous))


def growth_chart(table: pd.DataFrame, figs: list[Figure], edition: int) -> ChartOutput:
    colours = [PALETTE[0], PALETTE[1], "#9a9a9a"][: len(table)]
    period = figs[0].period if figs else str(edition)
    when = formatting.period_text(period)
    low = min(0.0, float(table["croissance"].min())) if not table.empty else 0.0
    high = max(0.0, float(table["croissance"].max())) if not table.empty else 0.0
    pad = 0.4 * ((high - low) or 1.0)  # room for a value's label (« environ 18 % ») beside its bar, on a phone too
    base = alt.Chart(table).encode(
        # each bar's scope is written above it (row_labels): no axis beside the bars to squeeze them
        y=alt.Y("périmètre:N", title=None, sort=None, axis=None),
        x=alt.X("croissance:Q", title=f"Croissance du chiffre d'affaires en {when} (%)",
                scale=alt.Scale(domain=[low - (pad if low < 0 else 0), high + (pad if high > 0 else 0)], nice=False),
                axis=alt.Axis(tickCount=5)),
        color=alt.Color("périmètre:N", legend=None, sort=None, scale=alt.Scale(range=colours)),
        tooltip=[alt.Tooltip("périmètre:N", title="Périmètre"), alt.Tooltip("texte:N", title="Croissance")],
    )
    bars = base.mark_bar(size=34)
    labels = base.mark_text(align="left", dx=6).encode(text="texte:N", color=alt.value("#222")).transform_filter(
        "datum.croissance >= 0")
    neg_labels = base.mark_text(align="right", dx=-6).encode(text="texte:N", color=alt.value("#222")).transform_filter(
        "datum.croissance < 0")
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#666").encode(x="x:Q")
    by_scope = {f.scope: f for f in figs}
    if "france" in by_scope and "offshore" in by_scope:
        title = growth_title(by_scope["france"], by_scope["offshore"])
    else:
        title = f"Croissance du chiffre d'affaires en {when}"
    return chart_output(
        (bars + labels + neg_labels + zero + row_labels(table, "périmètre", bar_size=34)).properties(
            height=alt.Step(66)),
        name="offshore-croissance",
        title=title,
        source=source_line(figs),
        description=phrase(CHARTS, "growth_description", when,
                           list(zip(table["périmètre"], table["texte"], strict=True))),
        data=table,
    )


def history_table(ds: Dataset, edition: int) -> pd.DataFrame:
    """Every indicator of the chapter (data/indicators.csv) with at least two yearly periods known in
    ``edition``, one row per indicator, scope and year: a new indicator is drawn with no code change."""
    return history.yearly_history(ds, ds.indicators_for(CHAPTER), edition)


def history_chart(table: pd.DataFrame, edition: int) -> ChartOutput:
    return history.history_chart(table, name="offshore-historique",
                                 title="Les indicateurs du chapitre, année par année", edition=edition)


# The rest of each share, named only as far as the article says where it lies: the activity not done in
# France is done outside France, offshore or nearshore (the barometer splits revenue between France and the rest), but the new jobs not created in
# the province are not placed by the article (and Île-de-France, it says, lost jobs): their rest is unnamed.
FRANCE_REST = "Hors de France (complément)"
PROVINCE_REST = "Hors province (lieu non précisé)"


# At most this many years between the revenue share and the new jobs' share drawn side by side.
SPLIT_GAP_YEARS = 2


def split_table(revenue_share: Figure | None, province_share: Figure | None) -> pd.DataFrame:
    """Two stacked bars: revenue France / offshore, new jobs province / the rest (its place unstated).
    Each bar names its period when the two periods differ; a rest is written as its share is given
    (« moins de 20 % » for « plus de 80 % »)."""
    rows = []
    if (revenue_share is not None and province_share is not None and province_share.published
            and abs(period_key(revenue_share.period)[0] - period_key(province_share.period)[0]) > SPLIT_GAP_YEARS):
        revenue_share = None  # 2024's revenue beside 2008's new jobs: two eras in one chart about jobs
    shown = [f for f in (revenue_share, province_share) if f is not None and f.published]
    dated = len({f.period for f in shown}) > 1

    def measure(name: str, fig: Figure) -> str:
        return f"{name} ({formatting.period_text(fig.period)})" if dated else name

    for fig, name, part, rest in ((revenue_share, "Chiffre d'affaires", "France", FRANCE_REST),
                                  (province_share, "Nouveaux emplois", "Province", PROVINCE_REST)):
        if fig is None or not fig.published:
            continue
        m = measure(name, fig)
        rows += [
            {"mesure": m, "composante": part, "part": fig.central, "texte": formatting.figure_text(fig), "rang": 1},
            {"mesure": m, "composante": rest, "part": 100 - fig.central,
             "texte": formatting.complement_text(fig), "rang": 2},
        ]
    return pd.DataFrame(rows, columns=["mesure", "composante", "part", "texte", "rang"])


def split_title(table: pd.DataFrame) -> str:
    """« Les parts de la France et de la province »: what the bars show (a topic, not a claim)."""
    shown = [c for c in ("France", "Province") if c in set(table["composante"])]
    names = {"France": "de la France dans le chiffre d'affaires",
             "Province": "de la province dans les nouveaux emplois"}
    if len(shown) == 2:
        return "Les parts de la France et de la province"
    return "La part " + names[shown[0]] if shown else "Les parts"


SPLIT_LABEL_CHAR = 7.5  # px: a character of a 12 px bold share written on its bar (DejaVu Sans, about)


def split_chart(table: pd.DataFrame, figs: list[Figure]) -> ChartOutput:
    # the legend and the source line name only what is drawn: 2024's book draws 2008's new jobs alone, and its
    # legend showed two empty swatches and credited the 2024 edition (editor, stop 33)
    colours = dict(zip(["France", "Province", FRANCE_REST, PROVINCE_REST],
                       [PALETTE[0], PALETTE[2], "#c9c9c9", "#e0c9a6"], strict=True))
    drawn = set(table["composante"])
    order = [c for c in colours if c in drawn]
    figs = [f for f in figs if ("France" if f.indicator == "france_revenue_share" else "Province") in drawn]
    base = alt.Chart(table).encode(
        y=alt.Y("mesure:N", title=None, sort=None, axis=None),
        x=alt.X("part:Q", stack="zero", title="Part (%)", scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("rang:Q"),
    )
    bars = base.mark_bar(size=38).encode(
        color=alt.Color("composante:N", title=None, sort=order,
                        scale=alt.Scale(domain=order, range=[colours[c] for c in order]),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=300)),
        tooltip=[alt.Tooltip("mesure:N", title="Mesure"), alt.Tooltip("composante:N", title="Part de"),
                 alt.Tooltip("texte:N", title="Part")],
    )

    def labels(fits: str) -> alt.Chart:
        return base.mark_text(dx=-6, align="right", color="white", fontWeight="bold").encode(
            x=alt.X("part:Q", stack="zero"), text="texte:N"
        ).transform_filter(fits)

    names = row_labels(table.drop_duplicates("mesure"), "mesure", bar_size=38)
    height = 84 * max(table["mesure"].nunique(), 1)
    # On the web a share is written on its bar when it fits there at the page's width (the plot's ``width``
    # signal): « moins de 12 % » on a 12 % bar ran into « plus de 88 % » at every width (2005). Unwritten,
    # it stays in the tooltip and the description. The print keeps its rule (8 pt labels on 450 pt).
    web_fits = f"datum.part >= 12 && datum.part / 100 * width >= length(datum.texte) * {SPLIT_LABEL_CHAR} + 12"
    description = phrase(CHARTS, "split_description",
                         list(zip(table["mesure"], table["composante"], table["texte"], strict=True)),
                         PROVINCE_REST in set(table["composante"]))
    return chart_output(
        (bars + labels(web_fits) + names).properties(height=height),
        # the print's chart as it was, described as the web's is (ChartOutput describes only the web's)
        print_chart=(bars + labels("datum.part >= 12") + names).properties(height=height, description=description),
        name="offshore-repartition",
        title=split_title(table),
        source=source_line(figs),
        description=description,
        data=table.drop(columns=["rang"]),
    )
