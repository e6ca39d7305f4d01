"""Chapter « Le débat offshore »: the tables, the map and the charts, from data and models."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, history, lead, narrative, themes
from barometre.charts import PALETTE, ChartOutput, chart_output, row_labels
from barometre.data import Dataset, Figure, Quote, period_key
from barometre.history import PANEL_WIDTH, trend
from barometre.labels import scope_label
from barometre.models import offshore as model
from barometre.models.findings import Finding, Takeaway
from barometre.narrative import source_line, trend_text
from barometre.typography import elide

CHAPTER = "offshore"
SITE_EVENT_KINDS = ("site_opening", "site_transfer")
KIND_FR = {"site_opening": "implantation", "site_transfer": "transfert depuis la région parisienne"}
# The city the site transfers come from (« effectifs de la région parisienne »): Paris stands for it.
TRANSFER_ORIGIN = "paris"
GROWTH_SCOPES = {"france": "Activité en France", "offshore": "Activité offshore", "market": "Ensemble du secteur"}
MODEL_NOTE = " ; modèle et hypothèses du livre"


# --------------------------------------------------------------------------- quotes


# The excerpt tidied (no doubled guillemets, no final full stop) by the one helper, narrative.quote.
quote = narrative.quote


# --------------------------------------------------------------------------- data files


def france_outline(ds: Dataset) -> dict:
    """The outline of metropolitan France and Corsica (``Dataset.france_outline``)."""
    return ds.france_outline()


def city_point(ds: Dataset, city: str) -> dict | None:
    """Name and coordinates of one city of ``reference/cities.csv`` (``Dataset.city``)."""
    return ds.city(city)


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


def zone_growth_sentence(ds: Dataset, edition: int, pair: tuple[Figure, Figure] | None,
                         newer: list[Figure]) -> str:
    """« Par zone, le baromètre publie ensuite la croissance de l'Afrique du Nord (+13 % en 2016, +11 % en 2021)
    et de l'Afrique subsaharienne (+19 % en 2021). » The growth of each production zone after the last year of
    the France/offshore pair and before the year ``newer`` tells (the 2024 book left the reader with nothing
    after 2014, editor, stop 33); '' when there is none."""
    if pair is None:
        return ""
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
    if not by_zone:
        return ""
    parts = []
    for zone in sorted(by_zone, key=ZONES.index):
        figs = sorted(by_zone[zone], key=lambda f: period_key(f.period))
        listed = ", ".join(f"{narrative.cite(f, signed=True)} en {formatting.period_text(f.period)}" for f in figs)
        parts.append(f"{ZONE_OF[zone]} ({listed})")
    return f"Par zone, le baromètre publie ensuite la croissance {formatting.enumeration(parts)}."


# A zone after « la croissance »: no parenthesis of its own, since its figures follow in one
ZONE_OF = {"offshore_1": "de l’Afrique du Nord", "offshore_2": "de l’Afrique subsaharienne",
           "offshore_3": "de l’océan Indien", "nearshore": "du nearshore européen"}


def zones_sentence(ds: Dataset, edition: int) -> str:
    """« Par zone de production, les dernières parts publiées sont de 10 % pour le nearshore (Europe) en 2024 ;
    d'environ 33 % pour l'Afrique du Nord et de 5,1 % pour l'Afrique subsaharienne en 2021. » The share of
    revenue of each zone outside France, the latest each edition up to ``edition`` publishes, newest year first
    ('' when no edition publishes one): North Africa, the second production zone, was told only in captions."""
    latest = ds.latest_by_scope("revenue_share_by_location", edition)
    if not latest:
        return ""
    by_year: dict[str, list[Figure]] = {}
    for fig in sorted(latest, key=lambda f: -f.central):
        by_year.setdefault(fig.period, []).append(fig)
    groups = []
    for period in sorted(by_year, key=period_key, reverse=True):
        figs, note = narrative.one_note(by_year[period])  # one edition's zones: its note once
        items = [f"{narrative.de(f)} pour {elide('le', scope_label(f.scope))}{scope_label(f.scope)}" for f in figs]
        groups.append(f"{formatting.enumeration(items)} en {formatting.period_text(period)}{note}")
    return "Par zone de production, les dernières parts publiées sont " + " ; ".join(groups) + "."


def abroad_words(ds: Dataset, edition: int) -> str:
    """« offshore et nearshore » once an edition up to ``edition`` gives the nearshore apart, else « offshore »
    (the 2011 book spoke of a nearshore its study did not separate)."""
    near = any(f.scope == "nearshore" for ind in ("revenue_share_by_location", "revenue_growth")
               for f in ds.latest_by_scope(ind, edition))
    return "offshore et nearshore" if near else "offshore"


def moves_text(figs: list[Figure]) -> str:
    """« +2 % en France, +5 % nearshore (Europe) »: each location's growth, signed and linked."""
    return ", ".join(f"{narrative.cite(f, signed=True)} {'en France' if f.scope == 'france' else scope_label(f.scope)}"
                     for f in figs)


def location_growth_sentence(figs: list[Figure]) -> str:
    """« En 2024, le chiffre d'affaires réalisé en France a progressé de 2 %, et celui du nearshore
    (Europe), de 5 %. » — one past verb per sign, the location named from the scope dictionary."""
    france, *others = figs
    part = moved_in_past
    text = (f"En {formatting.period_text(france.period)}, le chiffre d’affaires des outsourceurs réalisé en "
            f"France {part(france)}")
    for fig in others:
        where = f"celui réalisé en {scope_label(fig.scope)}"
        text += (f", et {where}, {narrative.de(fig, magnitude=True)}" if move(fig) == move(france)
                 and move(fig) != MOVES["flat"] else f", alors que {where} {part(fig)}")
    return text + "."


def growth_table(ds: Dataset, edition: int) -> tuple[pd.DataFrame, list[Figure]]:
    """Revenue growth of the latest period known for both France and offshore: France, offshore and the
    whole sector for that period; France and the other locations of a newer year when France's growth is
    newer than that pair (``newer_location_growth``); empty when neither is known."""
    rows, figs = [], []
    pair = growth_pair(ds, edition)
    newer = newer_location_growth(ds, edition, pair)
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


PAST_MOVES = {"progresse": "a progressé", "recule": "a reculé", "stagne": "est resté stable"}


def moved_in_past(fig: Figure) -> str:
    """« a progressé de 9,6 % », « a reculé de 2,5 % », « est resté stable »: a growth rate told in the past."""
    verb = PAST_MOVES[move(fig)]
    return verb if move(fig) == MOVES["flat"] else f"{verb} {narrative.de(fig, magnitude=True)}"


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
    when = formatting.period_text(france.period)
    if last_pair:  # the year is dated in the sentence: no « dernier chiffre publié » (France has a newer one)
        france, offshore = (replace(f, as_of=f.edition) for f in (france, offshore))
    part = moved_in_past

    same = move(france) == move(offshore)
    # the same verb twice is said once: « … a progressé de 9,6 %, et l’activité offshore, de 11,7 % »
    second = (f"et l’activité offshore, {narrative.de(offshore, magnitude=True)}"
              if same and move(offshore) != MOVES["flat"] else
              f"{'et' if same else 'alors que'} l’activité offshore {part(offshore)}")
    if last_pair:  # France has a newer figure (``newer_location_growth``): this year is the pair's, not France's latest
        # « de l'ensemble de l'offshore »: later editions give the growth of offshore zones (North Africa +13 % in 2016)
        opening = (f"En {when}, dernière année où le baromètre publie aussi la croissance de l’ensemble de l’offshore, "
                   "le chiffre")
        text = f"{opening} d’affaires réalisé en France {part(france)}, {second}"
    else:
        text = (f"Selon le baromètre, le chiffre d’affaires des outsourceurs réalisé en France {part(france)} en "
                f"{when}, {second}")
    a, b = france.central, offshore.central
    if a > 0 and b > 0 and a != b:
        ratio, where = (a / b, "en France") if a > b else (b / a, "offshore")
        if ratio >= 1.5:
            text += f" : une croissance {formatting.small_number(ratio, 1)} fois plus forte {where}"
        else:  # « 1,2 fois plus forte » reads badly: the gap in points says it
            text += f" : la croissance est plus forte {where}, de {formatting.points(abs(a - b), signed=False)}"
        if gap is not None and gap.period == france.period and gap.scope == "france" and a > b:
            text += f", soit un écart relatif {narrative.de(gap, signed=True)} selon le baromètre"
    return text + "."


def share_takeaway(latest: Figure, previous: Figure | None) -> str:
    """« Part de la France dans le chiffre d'affaires des outsourceurs : 46 % en 2024, en baisse par rapport à
    48,5 % en 2021 ; la production hors de France gagne du terrain » (the summary's line on the share)."""
    shift = share_shift(latest, previous)
    return (f"Part de la France dans le chiffre d’affaires des outsourceurs : {trend_text(latest, previous)}"
            + (f" ; {shift}" if shift else ""))


def share_shift(latest: Figure, previous: Figure | None) -> str:
    """What the change of France's share of revenue means: « la production hors de France gagne du terrain » ('' without history)."""
    if previous is None or latest.central == previous.central:
        return ""
    # the share outside France counts the nearshore as well as the offshore
    return ("la production hors de France gagne du terrain" if latest.central < previous.central
            else "la France regagne du terrain")


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
    listing = "; ".join(f"{p} : {t}" for p, t in zip(table["périmètre"], table["texte"], strict=True))
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
        description=f"Barres horizontales de la croissance du chiffre d'affaires des outsourceurs en {when} : "
        f"{listing}. Une barre vers la gauche est une baisse.",
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
    listing = "; ".join(
        f"{m}, {p} : {t}" for m, p, t in zip(table["mesure"], table["composante"], table["texte"], strict=True)
    )
    description = (f"Barres empilées à 100 % : {listing}. Les restes sont calculés (100 moins la part publiée)"
                   + (" ; l'article ne dit pas où ont été créés les nouveaux emplois qui ne l'ont pas été en "
                      "province." if PROVINCE_REST in set(table["composante"]) else "."))
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


# --------------------------------------------------------------------------- the map


def site_events(ds: Dataset, edition: int) -> pd.DataFrame:
    """The openings and transfers of sites the edition's article names, one row per event."""
    events = ds.events(edition)
    if events.empty or "kind" not in events:
        return pd.DataFrame(columns=["event", "actor", "city", "city_name", "date", "kind", "latitude", "longitude"])
    sites = events[events["kind"].isin(SITE_EVENT_KINDS) & events["city"].notna()].copy()
    sites["date_texte"] = sites["date"].map(formatting.event_date)
    sites["nature"] = sites["kind"].map(KIND_FR)
    return sites.sort_values(["date", "city_name", "actor"]).reset_index(drop=True)


def sites_by_city(sites: pd.DataFrame) -> pd.DataFrame:
    """One row per city (several companies may choose the same city)."""
    rows = []
    for city, group in sites.groupby("city", sort=False):
        rows.append(
            {
                "ville": group["city_name"].iloc[0],
                "latitude": float(group["latitude"].iloc[0]),
                "longitude": float(group["longitude"].iloc[0]),
                "entreprises": " ; ".join(f"{a} ({n})" for a, n in zip(group["actor"], group["nature"], strict=True)),
                "date": " ; ".join(dict.fromkeys(group["date_texte"])),
                "nombre": len(group),
                "transfert": bool((group["kind"] == "site_transfer").any()),
                "city": city,
            }
        )
    return pd.DataFrame(rows)


def label_side(latitude: float, longitude: float, origin: dict | None) -> str:
    """'gauche' for a city just west of the origin marker (its label would cover the marker)."""
    if origin is not None and origin["longitude"] - 2 < longitude < origin["longitude"] and abs(
        latitude - origin["latitude"]
    ) < 0.6:
        return "gauche"
    return "droite"


def article_credit(ds: Dataset, sources) -> str:
    """'Relation Client Magazine (2009)': the publication of the rows' sources, from sources.csv."""
    credits = []
    for source in dict.fromkeys(sources):
        src = ds.sources.get(source)
        if src is not None and src.publication_outlet:
            text = src.publication_outlet + (f" ({src.publication_year})" if src.publication_year else "")
            if text not in credits:
                credits.append(text)
    return ", ".join(credits) or "l'article"


def sites_title(cities: pd.DataFrame) -> str:
    """« Les nouveaux sites cités » with their count, or a neutral title when there are none."""
    if cities.empty:
        return "Les sites cités"
    n = int(cities["nombre"].sum())
    text = (f"{formatting.count_words(n, 'implantation ou transfert', 'implantations ou transferts', feminine=True)}"
            f" de sites, dans {formatting.count_words(len(cities), 'ville', feminine=True)}")
    return text[0].upper() + text[1:]


def sites_map(outline: dict, sites: pd.DataFrame, origin: dict | None, edition: int,
              credit: str = "l'article") -> ChartOutput:
    """Map of metropolitan France with the new sites, and the transfers from the Paris region."""
    cities = sites_by_city(sites)
    if not cities.empty:
        cities["côté"] = [label_side(a, o, origin) for a, o in zip(cities["latitude"], cities["longitude"], strict=True)]
    background = (
        alt.Chart(alt.Data(values=outline["features"]))
        .mark_geoshape(fill="#f0f0f0", stroke="#8a8a8a", strokeWidth=0.8)
        .project(type="conicConformal", parallels=[44, 49], rotate=[-3, 0])
    )
    layers = [background]
    transfers = cities[cities["transfert"]] if not cities.empty else cities
    if origin is not None and not transfers.empty:
        arrows = transfers.assign(
            lat0=origin["latitude"], lon0=origin["longitude"], origine="Région parisienne"
        )[["ville", "latitude", "longitude", "lat0", "lon0", "origine"]]
        layers.append(
            alt.Chart(arrows)
            .mark_rule(strokeDash=[5, 3], strokeWidth=1.8, color=PALETTE[3])
            .encode(latitude="lat0:Q", longitude="lon0:Q", latitude2="latitude:Q", longitude2="longitude:Q")
        )
        origin_df = pd.DataFrame([{**origin, "libellé": "Région parisienne"}])
        layers.append(
            alt.Chart(origin_df)
            .mark_point(shape="square", size=90, filled=False, color=PALETTE[3], strokeWidth=2)
            .encode(latitude="latitude:Q", longitude="longitude:Q",
                    tooltip=[alt.Tooltip("libellé:N", title="Origine des transferts")])
        )
        layers.append(
            alt.Chart(origin_df)
            .mark_text(align="center", dy=-13, fontSize=11, color=PALETTE[3], fontStyle="italic")
            .encode(latitude="latitude:Q", longitude="longitude:Q", text="libellé:N")
        )
    if not cities.empty:
        tooltip = [alt.Tooltip("ville:N", title="Ville"), alt.Tooltip("entreprises:N", title="Entreprise"),
                   alt.Tooltip("date:N", title="Date")]
        layers.append(
            alt.Chart(cities)
            .mark_circle(opacity=0.95, stroke="white", strokeWidth=1.2)
            .encode(
                latitude="latitude:Q",
                longitude="longitude:Q",
                size=alt.Size("nombre:Q", scale=alt.Scale(domain=[1, 3], range=[140, 420]), legend=None),
                color=alt.value(PALETTE[0]),
                tooltip=tooltip,
            )
        )
        # a label goes left of its point when the point lies just west of the origin marker
        for side, align, dx in (("droite", "left", 10), ("gauche", "right", -10)):
            layers.append(
                alt.Chart(cities[cities["côté"] == side])
                .mark_text(align=align, dx=dx, dy=-4, fontSize=12, fontWeight="bold")
                .encode(latitude="latitude:Q", longitude="longitude:Q", text="ville:N", tooltip=tooltip)
            )
    listing = "; ".join(f"{v} : {e}, {d}" for v, e, d in
                        zip(cities.get("ville", []), cities.get("entreprises", []), cities.get("date", []), strict=True))
    description = (
        f"Carte de la France métropolitaine avec les implantations et transferts de sites cités "
        f"dans l'édition {edition} ({formatting.count_words(len(sites), 'site')}) : {listing}."
        if not cities.empty
        else f"Carte de la France métropolitaine : l'édition {edition} ne cite aucune implantation de site."
    )
    if origin is not None and not transfers.empty:
        description += " Les tirets partent de la région parisienne vers les villes où des effectifs ont été transférés."
    table = cities.drop(columns=["city", "transfert", "côté"]) if not cities.empty else cities
    return chart_output(
        alt.layer(*layers).properties(height=430),
        name="offshore-carte-sites",
        title=sites_title(cities),
        source=f"{credit}, d'après les faits rapportés ; fond de carte "
        "Natural Earth (domaine public) via world-atlas ; coordonnées GeoNames",
        description=description,
        data=table,
    )


# --------------------------------------------------------------------------- the providers


@dataclass(frozen=True)
class Voice:
    """One side of the offshore debate: who, which camp, and a figure whose quote carries the view, else
    the source's own words of the edition (``said``), else the book's own one-line summary."""

    source: str
    name: str
    role: str
    camp: str
    figure: Figure | None
    summary: str
    cited_in: int | None = None  # the newest edition up to the book's that cites this source
    said: Quote | None = None  # the source's quote of the edition, told here rather than in the voices
    published_in: str = ""  # « Relation Client Magazine, 2009 »: where the view was published


# The book's own summaries (not the article's words), used when no data row carries the view.
VOICES = (
    ("jean_regnier", "proximité", "a fait le choix de ne pas externaliser à l'étranger, au nom de l'éthique et "
     "de la proximité avec le client"),
    ("tanguy_de_laubier", "proximité", "veut s'appuyer sur l'offshore sans lui confier toute l'activité, pour "
     "défendre la qualité et le métier"),
    ("frederic_jousset", "prix", "met en avant des taux horaires bien plus bas et des salariés plus diplômés"),
    ("marc_labarre", "prix", "souligne que le métier est mieux considéré à l'étranger, où les salariés sont plus "
     "motivés"),
    ("olivier_carrot", "prix", "interroge le consommateur sur ce qu'il est prêt à payer pour un service clients "
     "en France"),
)


def voices(ds: Dataset, edition: int) -> list[Voice]:
    """The voices of the debate the data up to ``edition`` cite, each with the figure of the chapter that
    source gives (the newest known in ``edition``, if any), or the book's summary of the view."""
    cited = ds.cited_sources(edition)
    rows = []
    for ed in sorted((e for e in ds.editions if e <= edition), reverse=True):
        rows += [replace(f, as_of=edition, one_off=ds.one_off(ind, edition)) for ind in ds.indicators_for(CHAPTER)
                 for f in ds.figures(ed, ind) if f.published]
    said = themes.unused_quotes(ds, edition, CHAPTER)
    out = []
    for source, camp, summary in VOICES:
        if source not in ds.sources or source not in cited:
            continue
        src = ds.sources[source]
        mine = [f for f in rows if f.source == source]
        words = None if mine else next((q for q in said if q.source == source), None)
        outlet = ", ".join(str(x) for x in (src.publication_outlet, src.publication_year) if x)
        out.append(Voice(source, src.name, src.role, camp, mine[0] if mine else None, summary, cited[source],
                         words, outlet))
    return out


def voices_quoted(ds: Dataset, edition: int, debate: list[Voice]) -> list[Quote]:
    """The chapter's quotes that neither a theme nor a position of the debate tells (each is told once)."""
    told = {v.said.quote_id for v in debate if v.said is not None}
    return [q for q in themes.unused_quotes(ds, edition, CHAPTER) if q.quote_id not in told]


def common_publication(debate: list[Voice]) -> str:
    """The one publication every summarised voice of the debate comes from (« Relation Client Magazine, 2009 »),
    or '': said once in the debate's opening sentence, not after each voice."""
    pubs = {v.published_in for v in debate if v.published_in}
    return pubs.pop() if len(pubs) == 1 and all(v.published_in for v in debate) else ""


def voice_line(v: Voice, told: frozenset[str] | set[str] = frozenset(), *, source_said: bool = False) -> str:
    """One line of the debate: the source's quoted words (with the edition when it is an older one), or the
    book's summary of the view, labelled as such. A figure the page has just told (``told``: anchors) is not
    quoted again: Webhelp's « 50 % inférieurs » followed the paragraph that gives it."""
    who = f"{narrative.md_escape(v.name)} ({narrative.md_escape(v.role)})"
    if v.figure is not None and v.figure.anchor not in told:
        # a quote is dated by where it was published (« (Relation Client Magazine, 2009) »), not by an edition
        # note, which reads as a figure's
        where = ", ".join(str(x) for x in (v.figure.publication_outlet, v.figure.publication_year) if x)
        older = (f" ({narrative.md_escape(where)})" if where else f" (édition {v.figure.edition})") \
            if v.figure.from_older_edition else ""
        return f"- {who} : {quote(v.figure, attribution=False)}{older}"
    if v.said is not None and (v.figure is None or v.figure.anchor not in told):  # a fragment of a sentence (« comme un métier high-tech… ») needs the book's words before it
        lead = "" if narrative.quote_body(v.said.quote)[:1].isupper() else f" {narrative.md_escape(v.summary)}"
        return f"- {who}{lead} : {quote(v.said, attribution=False)}"
    # the view's own publication (the 2009 article), not « l'édition 2008 »: the barometer did not say it
    where = (f", d'après {narrative.md_escape(v.published_in)}" if v.published_in
             else f", d'après l'édition {v.cited_in}" if v.cited_in is not None else "")
    if source_said:  # the debate's opening sentence names the book's summaries and their publication
        return f"- {who} {narrative.md_escape(v.summary)}."
    return f"- {who} {narrative.md_escape(v.summary)} (résumé du livre{where})."


PAST = {"progresse": "ont progressé", "recule": "ont reculé", "stagne": "sont restés stables"}


def rate_comparison(gap: Figure) -> str:
    """« inférieurs de 50 % », « supérieurs de 10 % » or « égaux »: offshore hourly rates against France."""
    word = narrative.direction(gap.central, up="supérieurs", down="inférieurs", flat="égaux")
    return word if word == "égaux" else f"{word} {narrative.de(gap, magnitude=True)}"


def headcount_text(fig: Figure) -> str:
    """« ses effectifs en France ont progressé de 40 % entre 2000 et 2009 » (verb from the sign); a rise of
    exactly 100 % or 200 % is said as French says it, « ont doublé », « ont triplé », linked to its row."""
    multiple = {100: "doublé", 200: "triplé"}.get(fig.central) if not fig.is_range and fig.qualifier == "exact" else None
    if multiple:
        return f"ses effectifs en France ont {narrative.cite(fig, multiple)} {formatting.period_text(fig.period)}"
    verb = PAST[move(fig)]
    amount = "" if move(fig) == MOVES["flat"] else f" {narrative.de(fig, magnitude=True)}"
    return f"ses effectifs en France {verb}{amount} {formatting.period_text(fig.period)}"


def webhelp_text(share: Figure, gap: Figure, education: Figure | None) -> str:
    """Webhelp's offshore share and hourly rates, as Frédéric Jousset gave them (dated and in the past in a
    later edition, like the other providers' statements)."""
    verb, opening = narrative.as_said_then(share, "représente", "représentait")
    allows = "permet" if not opening else "permettait"
    where = f"{opening}chez Webhelp" if opening else "Chez Webhelp"
    return (f"{where}, l'offshore {verb} {narrative.cite(share)} de l'activité ; selon "
            f"{narrative.md_escape(gap.attribution)}, il {allows} des taux horaires {rate_comparison(gap)} à ceux "
            "pratiqués en France"
            + (f", avec des salariés de niveau bac + {narrative.cite(education)}." if education is not None else "."))


def teleperformance_text(years: Figure, headcount: Figure | None) -> str:
    """Teleperformance's offshore seniority and French headcount, as Jean-François Guillot gave them."""
    verb, opening = narrative.as_said_then(years, "pratique", "pratiquait")
    text = f"{opening}Teleperformance {verb} l'offshore depuis {narrative.cite(years, with_noun=True)}"
    if headcount is not None:
        text += f" ; {headcount_text(headcount)} : {quote(headcount)}"
    return text + "."


def numericable_text(start: Figure, external: Figure, internal: Figure) -> str:
    """Numericable's offshore start and its advisers, as Eric Klipfel gave them (present in the edition
    that reports them, dated and in the past in a later one)."""
    verb, opening = narrative.as_said_then(external, "travaillent", "travaillaient")
    ratio = external.central / internal.central
    return (f"Côté donneur d'ordres, Numericable a fait appel à l'offshore dès {narrative.cite(start)} : "
            f"{opening.lower() if opening else ''}{narrative.cite(external, then=' conseillers')} {verb} pour lui chez "
            f"ses prestataires, appuyés par {narrative.cite(internal, then=' conseillers experts')} en interne, soit "
            f"{formatting.small_number(ratio, 1)} conseillers externes par expert interne, selon "
            f"{narrative.md_escape(external.attribution)}.")


def turnover_text(turnover: Figure) -> str:
    """Eric Dadian's turnover in Paris, said once (his words, « le turnover y est important (30%) », are in the
    annex the figure links to), dated and in the past in a later edition."""
    verb, opening = narrative.as_said_then(turnover, "atteint", "atteignait")
    rents = "sont" if not opening else "étaient"
    return (f"{opening}{'selon' if opening else 'Selon'} {narrative.md_escape(turnover.attribution)}, le taux de "
            f"rotation du personnel {verb} {narrative.cite(turnover)} à Paris, où les loyers {rents} élevés.")


def positions_intro(edition: int, anything: bool) -> str:
    """The section's opening: what it shows when an edition reports positions, with the figures the speakers
    gave themselves (they are not the barometer's); a plain sentence when none does."""
    if anything:
        return ("Les prestataires et leurs clients expliquent ici leur recours à l'offshore, avec les chiffres "
                "qu'ils donnent eux-mêmes.")
    return (f"Aucune édition du baromètre jusqu'à celle de {edition} ne rapporte la position d'un prestataire "
            "ou d'un client sur l'offshore.")


# Each provider's figure is its own quantity (a share of an activity, a gap between two prices, a change of
# a headcount): one panel each, with its own axis titled with what it measures, never one shared axis.
POSITION_AXES = {
    "share": "% de l'activité",
    "gap": "écart en % du taux pratiqué en France",
    "headcount": "évolution en %",
}


def positions_table(webhelp_share: Figure | None, rate_gap: Figure | None,
                    tp_headcount: Figure | None) -> pd.DataFrame:
    rows = []
    if webhelp_share is not None and webhelp_share.published:
        rows.append({"indicateur": "Webhelp : part de l'activité offshore", "valeur": webhelp_share.central,
                     "texte": formatting.figure_text(webhelp_share), "prestataire": "Webhelp",
                     "grandeur": "share"})
    if rate_gap is not None and rate_gap.published:
        rows.append({"indicateur": "Webhelp : écart de taux horaire offshore", "valeur": rate_gap.central,
                     "texte": formatting.figure_text(rate_gap, signed=True), "prestataire": "Webhelp",
                     "grandeur": "gap"})
    if tp_headcount is not None and tp_headcount.published:
        rows.append({"indicateur": "Teleperformance : effectifs en France", "valeur": tp_headcount.central,
                     "texte": formatting.figure_text(tp_headcount, signed=True), "prestataire": "Teleperformance",
                     "grandeur": "headcount"})
    table = pd.DataFrame(rows, columns=["indicateur", "valeur", "texte", "prestataire", "grandeur"])
    periods = {"headcount": tp_headcount}
    # each axis says what it measures, and over which period when the figure is a change over years
    table["axe"] = [POSITION_AXES[k] + (f", {formatting.period_text(periods[k].period)}" if k in periods else "")
                    for k in table["grandeur"]]
    return table


def _position_panel(row: pd.DataFrame) -> alt.Chart:
    """One provider's figure: its bar on its own axis (a share from 0 to 100 %, a change from 0 to beyond
    its value), its label written above the bar and its value beside it."""
    value = float(row["valeur"].iloc[0])
    kind = row["grandeur"].iloc[0]
    if kind == "share":
        domain = [0.0, 100.0]
    else:
        low, high = min(0.0, value), max(0.0, value)
        pad = 0.35 * (high - low or 1)  # room for the value's label beside the bar, at 360 px too
        domain = [low - pad if low < 0 else 0.0, high + pad if high > 0 else 0.0]
    base = alt.Chart(row).encode(
        y=alt.Y("indicateur:N", title=None, sort=None, axis=None),
        tooltip=[alt.Tooltip("indicateur:N", title="Indicateur"), alt.Tooltip("texte:N", title="Valeur")],
    )
    bars = base.mark_bar(size=26).encode(
        x=alt.X("valeur:Q", title=row["axe"].iloc[0], scale=alt.Scale(domain=domain, nice=False),
                axis=alt.Axis(tickCount=4)),
        color=alt.Color("prestataire:N", title=None, scale=alt.Scale(domain=["Webhelp", "Teleperformance"],
                                                                     range=[PALETTE[4], PALETTE[5]]), legend=None),
    )
    inside = kind == "share" and value > 70  # a share near 100 %: its value inside the bar
    if value >= 0:
        text = base.mark_text(align="right" if inside else "left", dx=-6 if inside else 6,
                              color="white" if inside else "#222", fontWeight="bold" if inside else "normal")
    else:
        text = base.mark_text(align="right", dx=-6)
    labels = text.encode(x=alt.X("valeur:Q"), text="texte:N")
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#666").encode(x="x:Q")
    return (bars + labels + zero + row_labels(row, "indicateur", bar_size=26)).properties(
        height=alt.Step(58), width=PANEL_WIDTH)


def positions_chart(table: pd.DataFrame, figs: list[Figure]) -> ChartOutput:
    panels = [_position_panel(table.iloc[[i]]) for i in range(len(table))]
    chart = alt.vconcat(*panels, spacing=24) if len(panels) > 1 else panels[0]
    listing = "; ".join(f"{i} : {t}" for i, t in zip(table["indicateur"], table["texte"], strict=True))
    return chart_output(
        chart,
        name="offshore-prestataires",
        title="Les chiffres des prestataires",
        source=source_line(figs),
        description=f"Un panneau par chiffre cité par les prestataires, chacun sur son propre axe (une part, un "
        f"écart de prix, une évolution d'effectifs ne se lisent pas sur une même échelle) : {listing}. "
        "Une barre vers la gauche est une baisse ou un écart négatif.",
        data=table,
    )


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


REGIONS = {"province": "en province", "ile_de_france": "en Île-de-France"}


def regional_staff_growth(ds: Dataset, edition: int) -> list[Figure]:
    """Staff growth by region (province, Île-de-France) for the latest year an edition up to ``edition``
    publishes it ([] when none)."""
    figs = [ds.known("staff_growth", edition, scope=scope) for scope in REGIONS]
    figs = [f for f in figs if f is not None and f.published]
    if not figs:
        return []
    latest = max(period_key(f.period) for f in figs)
    return [f for f in figs if period_key(f.period) == latest]


# the places of France the staff split tells (the offshore's share of the staff is told beside its share of
# revenue, ``staff_and_revenue_sentence``)
PLACES = {"province": "en province", "ile_de_france": "en Île-de-France"}


def staff_places_text(ds: Dataset, edition: int) -> str:
    """« En 2012, 55 % des salariés des outsourceurs travaillent en province et 2 % en Île-de-France. » The split
    of the staff by place for the latest year an edition up to ``edition`` publishes it for
    the province and Île-de-France (the 2011 edition's 54 % and 3 % were only in a table, editor, stop 33);
    in the past for an older edition's; '' when none."""
    province = ds.known("staff_share", edition, scope="province")
    if province is None or not province.published:
        return ""
    figs = [ds.known("staff_share", edition, scope=scope, period=province.period) for scope in PLACES]
    figs = [f for f in figs if f is not None and f.published]
    if not any(f.scope == "ile_de_france" for f in figs):
        return ""
    past = province.from_older_edition
    verb = "travaillaient" if past else "travaillent"
    # an older edition's split: its edition named once at the end, not after each share
    shown = [replace(f, as_of=f.edition) for f in figs] if past else figs
    parts = [narrative.cite(f, then=f" des salariés des outsourceurs {verb} {PLACES[f.scope]}")
             if f.scope == "province" else f"{narrative.cite(f)} {PLACES[f.scope]}" for f in shown]
    note = f" (édition {province.edition})" if past else ""
    text = f"En {formatting.period_text(province.period)}, {formatting.enumeration(parts)}{note}."
    return text + _shares_warning(ds, edition, figs)


def _shares_warning(ds: Dataset, edition: int, figs: list[Figure]) -> str:
    """« Avec les 39 % de l'offshore, ces parts ne font que 96 % … » when the staff's shares by place of one year
    (province, Île-de-France and the offshore) cannot add up to 100 % even with their rounding (editor37/38: the
    2011 split was told with no warning, while the claims page calls it « incohérente »); '' otherwise."""
    from barometre.precision import interval

    offshore = ds.known("staff_share", edition, scope="offshore", period=figs[0].period)
    if offshore is None or not offshore.published:
        return ""
    parts = [*figs, offshore]
    low = sum(interval(f)[0] for f in parts)
    high = sum(interval(f)[1] for f in parts)
    if low <= 100 <= high:
        return ""
    total = formatting.percent(sum(f.central for f in parts), 0)
    return (f" Avec les {narrative.cite(replace(offshore, as_of=offshore.edition))} de l'offshore, "
            f"ces parts ne font que {total} : les sources ne disent pas où travaille le reste (voir "
            "{doc}`« Les affirmations à l'épreuve » <claims>`)."
            if high < 100 else
            f" Avec les {narrative.cite(replace(offshore, as_of=offshore.edition))} de l'offshore, ces parts font "
            f"{total}, plus que le tout (voir {{doc}}`« Les affirmations à l'épreuve » <claims>`).")


def new_jobs_text(ds: Dataset, edition: int, *, year_told: str | None = None) -> str:
    """Where the outsourcers' jobs go (MyST Markdown, '' when nothing is known). The staff growth by region
    leads when an edition publishes it for a year at least as recent as the share of new jobs created in the
    province (the newer figure of the family); a figure from an older edition is told in the past with its
    year, never as current: « En 2011, les effectifs progressent de 16 % en province et reculent de 19 % en
    Île-de-France. En 2008, 75 % des nouveaux emplois avaient été créés en province. »"""
    found = trend(ds, "new_jobs_province_share", edition, scope="province")
    share = found[0] if found is not None else None
    growth = regional_staff_growth(ds, edition)
    sentences = []
    if growth and (share is None or period_key(growth[0].period) >= period_key(share.period)):
        past = growth[0].from_older_edition
        moves, verbs = [], []
        growth, note = narrative.one_note(growth)  # one edition's regions: its note once, at the end
        for f in growth:
            up = f.central >= 0
            verb = ("progressaient" if up else "reculaient") if past else ("progressent" if up else "reculent")
            said = f"{narrative.de(f, magnitude=True)} {REGIONS[f.scope]}"
            moves.append(said if verbs and verbs[-1] == verb else f"{verb} {said}")  # « reculent de 6 % … et de 18 % »
            verbs.append(verb)
        # the year just told by the staff split (``staff_places_text``) is not said again
        opening = ("Sur un an, les" if year_told == growth[0].period
                   else f"En {formatting.period_text(growth[0].period)}, les")
        sentences.append(f"{opening} effectifs des outsourceurs {formatting.enumeration(moves)}{note}.")
        if share is not None:
            sentences.append(f"En {formatting.period_text(share.period)}, {narrative.cite(share)} des nouveaux emplois "
                             "des outsourceurs avaient été créés en province, hors de l’Île-de-France.")
    elif share is not None:
        low, high = share.bounds
        if share.from_older_edition:
            where = ("surtout en province" if low > 50 else "surtout hors de la province" if high < 50
                     else "à peu près autant en province qu’ailleurs")
            sentences.append(f"En {formatting.period_text(share.period)}, les nouveaux emplois des outsourceurs se "
                             f"créaient {where} : {narrative.cite(share)} d’entre eux l’étaient en province, hors "
                             "de l’Île-de-France.")
        else:
            where = ("surtout en province" if low > 50 else "surtout hors de la province" if high < 50
                     else "à peu près autant en province qu'ailleurs")
            sentences.append(f"Les nouveaux emplois des outsourceurs se créent {where} : la part créée en province, "
                             f"hors de l'Île-de-France, s'établit à {trend_text(*found)}.")
    return " ".join(sentences)


def summary(ds: Dataset, edition: int):
    """The chapter's key figure and takeaway, from what the editions up to ``edition`` publish: the growth
    in France against offshore (directions computed), else France's share of revenue, else a neutral line."""
    from barometre.narrative import ChapterSummary

    label = ds.indicators["revenue_growth"].label_fr
    pair = growth_pair(ds, edition)
    newer = newer_location_growth(ds, edition, pair)
    found = trend(ds, "france_revenue_share", edition)
    share_now = found is not None and not found[0].from_older_edition
    growth_now = bool(newer) and not newer[0].from_older_edition
    if newer and (share_now or growth_now):
        # the edition gives France's share or its growth, but no growth offshore: the last pair (2014) is
        # history, and the summary tells what the edition publishes
        parts = []
        answer = article_answer(ds, edition)  # the article's question answered leads (editor37: « sous la moitié »)
        first = themes.article_edition(ds)
        then = ds.known("france_revenue_share", edition, period=str(first)) if first is not None else None
        # the latest move is told too when it goes against the long one (France regaining ground after 2021)
        against = (then is not None and found[1] is not None
                   and (found[0].central - then.central) * (found[0].central - found[1].central) < 0)
        if share_now and (not answer or against):
            parts.append(share_takeaway(*found))
        if growth_now:
            parts.append(f"croissance en {formatting.period_text(newer[0].period)} : {moves_text(newer)}")
        text = " ; ".join(parts)
        if answer:
            text = answer + (" " + text[0].upper() + text[1:] if text else "")
            text = text[:-1] if text.endswith(".") else text
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=found[0].label if share_now else f"{label} en France",
            key_figure=(trend_text(found[0], None) if share_now else  # the key alone: the takeaway compares it
                        f"{narrative.cite(newer[0], signed=True)} en {formatting.period_text(newer[0].period)}"),
            takeaway=text[0].upper() + text[1:] + ".",
        )
    province = ds.known("new_jobs_province_share", edition, scope="province")
    if pair is not None:
        france, offshore = pair
        takeaway = f"{growth_title(france, offshore)} : {narrative.cite(france, signed=True)} en France, " \
                   f"{narrative.cite(offshore, signed=True)} offshore"
        regional = regional_staff_growth(ds, edition)
        if regional and (province is None or period_key(regional[0].period) >= period_key(province.period)):
            takeaway += " ; effectifs " + ", ".join(
                f"{narrative.cite(f, signed=True)} {REGIONS[f.scope]}" for f in regional) + \
                f" en {formatting.period_text(regional[0].period)}"
        elif province is not None:
            takeaway += (f" ; {narrative.cite(province)} des nouveaux emplois créés en province en "
                         f"{formatting.period_text(province.period)}")
        # the chapter's subject is the offshore: its growth is the key figure, France's is in the takeaway
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=f"{label} offshore",
            key_figure=f"{narrative.cite(offshore, signed=True)} en {formatting.period_text(offshore.period)}",
            takeaway=takeaway + ".",
        )
    if found is not None:
        return ChapterSummary(
            chapter=CHAPTER,
            key_label=found[0].label,
            key_figure=trend_text(found[0], None),  # the key alone: the takeaway compares it
            takeaway=share_takeaway(*found) + ".",
        )
    return ChapterSummary(
        chapter=CHAPTER,
        key_label=label,
        key_figure=f"aucun chiffre jusqu’à l’édition {edition}",
        takeaway=narrative.not_in_edition([f"{label} (France et offshore)",
                                           ds.indicators["france_revenue_share"].label_fr], edition),
    )


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


def staff_and_revenue(ds: Dataset, edition: int) -> tuple[Figure, Figure] | None:
    """The offshore share of the outsourcers' staff and of their revenue for the latest year an edition up
    to ``edition`` publishes both (None when no year has both)."""
    for staff in reversed(lead.series(ds, "staff_share", "offshore", edition)):
        revenue = ds.known("offshore_revenue_share", edition, period=staff.period)
        if revenue is not None and revenue.published and not (staff.is_range or revenue.is_range):
            return staff, revenue
    return None


def newer_staff_share(ds: Dataset, edition: int, staff: Figure) -> Figure | None:
    """The offshore share of the staff for a later year than ``staff`` (the 2014 edition's « environ 50 % »
    after the 2012 pair), published without the share of revenue that year; None when there is none."""
    newer = ds.known("staff_share", edition, scope="offshore")
    if newer is None or not newer.published or period_key(newer.period) <= period_key(staff.period):
        return None
    return newer


def staff_and_revenue_sentence(staff: Figure, revenue: Figure, newer: Figure | None = None) -> str:
    """« En 2011, l'offshore emploie 39 % des effectifs des outsourceurs mais ne réalise que 23 % de leur
    chiffre d'affaires : un salarié offshore y produit en moyenne 47 % du chiffre d'affaires d'un salarié en France
    (calcul du livre). » The offshore debate in two shares: labour abroad is cheaper,
    so the same revenue takes more people. In the past when the figures come from an older edition."""
    s, r = staff.central, revenue.central
    past = staff.from_older_edition or revenue.from_older_edition
    employ, make, produce = (("employait", "réalisait", "produisait") if past else ("emploie", "réalise", "produit"))
    told = narrative.cite_earlier  # the year is in the sentence: an edition's note, never « dernier chiffre publié »
    text = (f"En {formatting.period_text(staff.period)}, l’offshore {employ} {told(staff)} des effectifs des "
            f"outsourceurs")
    later = "" if newer is None else (
        f" En {formatting.period_text(newer.period)}, dernière année publiée, la part de l’offshore dans les effectifs "
        f"{'était' if newer.from_older_edition else 'est'} {elide('de', formatting.figure_text(newer))}{told(newer)}, "
        "sans part du chiffre d’affaires publiée pour cette année.")
    if not (0 < s < 100 and 0 < r < 100) or r == s:
        return text + f" et {make} {told(revenue)} de leur chiffre d’affaires." + later
    ratio = (r / s) / ((100 - r) / (100 - s))  # revenue per head offshore against France
    less = ratio < 1
    link = "mais ne " + make + " que" if less else "et " + make
    # a share of a French salary's revenue, not « 2,1 fois moins » (editors 37 and 38)
    compared = (f"{formatting.percent(ratio * 100, 0)} du chiffre d’affaires d’un salarié en France" if less else
                f"{formatting.small_number(ratio, 1)} fois plus de chiffre d’affaires qu’un salarié en France")
    return (text + f" {link} {told(revenue)} de leur chiffre d’affaires : un salarié offshore {produce} "
            f"en moyenne {compared} (calcul du livre)." + later)


def article_answer(ds: Dataset, edition: int) -> str:
    """The article's question answered with the latest data, as the section's first sentence in a later book
    (editor37: the 2024 chapter opened on 2024's +2 % in France, not on the shift it documents): « En 2008, 80 %
    du chiffre d'affaires des outsourceurs était réalisé en France ; en 2024, 46 % : la production hors de
    France l'emporte depuis 2021. » The article's year is its edition's (``themes.article_edition``); the
    conclusion follows the series (under half since a year, or the share's change in points). '' in the
    article's own book, or when either year is not published."""
    from barometre.arc import half_crossed

    first = themes.article_edition(ds)
    if first is None or edition <= first:
        return ""
    points = [replace(f, as_of=f.edition) for f in lead.series(ds, "france_revenue_share", "market", edition)]
    then = next((f for f in points if f.period == str(first)), None)
    now = points[-1] if points else None
    if then is None or now is None or now is then:
        return ""
    text = (f"En {then.period}, {narrative.cite(then)} du chiffre d’affaires des outsourceurs était réalisé en France ; "
            f"en {now.period}, {narrative.cite(now)}")
    # across a change of study the two shares compare as orders of magnitude (the arc's caution, said here too)
    caution = (" (deux études différentes : un ordre de grandeur)" if ds.break_between(then, now) is not None
               else "")
    half = half_crossed(points)
    if half is not None:
        since = f"en {half.period}" if half is now else f"depuis {half.period}"  # « depuis 2021 » in 2021 read oddly
        return text + f" : la production hors de France l’emporte {since}{caution}."
    change = now.central - then.central
    moved = narrative.direction(change, up="progresse", down="recule", flat="ne bouge pas")
    if moved == "ne bouge pas":
        return text + f" : la part de la France ne bouge pas{caution}."
    return text + f" : la part de la France {moved} de {formatting.points(abs(change), 1, signed=False)}{caution}."


STALE_YEARS = narrative.STALE_YEARS
stale = narrative.stale  # the chapter's takeaways and sentences leave out a figure this old


def staff_and_revenue_takeaway(pair: tuple[Figure, Figure] | None) -> str:
    """« - En 2012, l'offshore employait 42 % des salariés pour 25 % du chiffre d'affaires (édition 2012). »: the
    debate in two shares, as a takeaway (editor37); dated and in the past for an older edition's pair."""
    if pair is None:
        return ""
    staff, revenue = pair
    older = staff.from_older_edition
    plain = [replace(f, as_of=f.edition) if older else f for f in pair]
    note = f" (édition\u00a0{staff.edition})" if older and staff.edition == revenue.edition else ""
    return (f"- En {formatting.period_text(staff.period)}, l'offshore {'employait' if older else 'emploie'} "
            f"{narrative.cite(plain[0])} des salariés pour {narrative.cite(plain[1])} du chiffre d'affaires{note}.")


def sites_text(ds: Dataset, edition: int) -> str:
    """The production sites, told once an edition publishes them (editor37: in the 2011 table only): « En 2011,
    33 % des sites de production des outsourceurs sont à l'offshore, contre 30 % en 2010 ; le nombre de sites
    recule de 1 % ; les sites de province comptent en moyenne 378 positions, contre 313 en 2010. » Each clause
    from its own figure (any may be missing); '' when none is published within ``STALE_YEARS`` of the edition."""
    clauses = []
    share = trend(ds, "sites_share", edition, scope="offshore")
    year = None
    if share is not None and not stale(share[0], edition):
        now, before = share
        year = now.period
        verb = narrative.tensed(now, "sont", "étaient")
        text = f"{narrative.cite(now)} des sites de production des outsourceurs {verb} à l'offshore"
        if before is not None:
            text += f", contre {narrative.cite_earlier(before)} en {formatting.period_text(before.period)}"
        clauses.append(text)
    growth = ds.known("sites_growth", edition, scope="market")
    if growth is not None and growth.published and not stale(growth, edition) and year in (None, growth.period):
        year = year or growth.period
        moved = narrative.direction(growth.central, up="progresse", down="recule", flat="ne change pas")
        if growth.from_older_edition:  # in the past, as the other clauses
            moved = {"progresse": "progressait", "recule": "reculait", "ne change pas": "ne changeait pas"}[moved]
        size = "" if "change" in moved else f" {narrative.de(growth, magnitude=True)}"
        clauses.append(f"le nombre de sites {moved}{size}")
    positions = trend(ds, "positions_per_site", edition, scope="province")
    if positions is not None and not stale(positions[0], edition) and year in (None, positions[0].period):
        now, before = positions
        year = year or now.period
        verb = narrative.tensed(now, "comptent", "comptaient")
        text = f"les sites de province {verb} en moyenne {narrative.cite(now, then=' positions')}"
        if before is not None:
            text += f", contre {narrative.cite_earlier(before)} en {formatting.period_text(before.period)}"
        clauses.append(text)
    if not clauses:
        return ""
    return f"En {formatting.period_text(year)}, " + " ; ".join(clauses) + "."
