"""« L'activité en France et offshore »: France's and the offshore's growth, the zones, the
share of revenue produced in France, their table and charts, and the two shares side by side."""

from __future__ import annotations

from dataclasses import replace

import altair as alt
import pandas as pd

from barometre import formatting, history, narrative
from barometre.chapters.offshore.common import CHAPTER, GROWTH_SCOPES
from barometre.charts import PALETTE, ChartOutput, chart_output, row_labels
from barometre.data import Dataset, Figure, period_key
from barometre.labels import scope_label
from barometre.narrative import source_line, trend_text
from barometre.typography import elide, upper_first

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


def share_text(ds: Dataset, edition: int, share: tuple[Figure, Figure | None], *, answered: bool = False) -> str:
    """The share of revenue made in France and the rest made abroad, then each zone's share (``zones_sentence``).
    After ``article_answer`` (a later book), which has just given the latest share and the article's, the latest
    is not told again (editor40: the 2024 section opened twice on 46 %): « La part de la France était de 48,5 % en
    2021 ; depuis, la production hors de France gagne du terrain : en 2024, 54 % du chiffre d'affaires est produit hors de
    France (offshore et nearshore). » Otherwise « La part des activités réalisées en France … est de 80 % en 2008,
    en baisse par rapport à … ; le reste, soit 20 % en 2008, est produit hors de France (offshore). »"""
    now, before = share
    rest = narrative.cite(now, formatting.complement_text(now))
    abroad = abroad_words(ds, edition)
    shift = share_shift(now, before)
    zones = zones_sentence(ds, edition)
    if answered:
        first = themes_article_year(ds)
        told = [] if before is None or before.period == first else [
            f"La part de la France était de {narrative.cite_in(before, earlier=True)}"]
        if shift:
            told.append(f"depuis, {shift}" if told else shift)
        opening = " ; ".join(told)
        rest_said = (f"en {formatting.period_text(now.period)}, {rest} du chiffre d’affaires est produit hors de France "
                     f"({abroad})")
        text = (f"{opening} : {rest_said}." if opening else upper_first(rest_said) + ".")
    else:
        text = (f"La part des activités réalisées en France dans le chiffre d’affaires du secteur est de "
                f"{trend_text(now, before)} ; le reste, soit {rest} en {formatting.period_text(now.period)}, est "
                f"produit hors de France ({abroad}).")
        if shift:
            text += f" En part du chiffre d’affaires, {shift}."
    return text + (" " + zones if zones else "")


def themes_article_year(ds: Dataset) -> str | None:
    """The year of the article's edition, as a period (``themes.article_edition``)."""
    from barometre import themes

    first = themes.article_edition(ds)
    return None if first is None else str(first)


def positions_and_revenue_sentence(ds: Dataset, edition: int, after: Figure | None) -> str:
    """« En 2016, selon l'étude d'EY pour le SP2C, la France concentrait environ 50 % des positions pour 66 % du
    chiffre d'affaires ; hors de France, environ 50 % des positions n'en réalisaient que 34 % (calcul du livre). »
    The newest pair of France's share of the positions and of the revenue, when it is newer than ``after`` (the
    last staff-versus-revenue pair told; editor43: 2016's pair was missed); '' otherwise."""
    positions = ds.known("production_capacity_share", edition, scope="france")
    if positions is None or not positions.published or (
            after is not None and period_key(positions.period) <= period_key(after.period)):
        return ""
    revenue = ds.known("france_revenue_share", edition, period=positions.period)
    if revenue is None or not revenue.published or revenue.edition != positions.edition:
        return ""
    study = ds.study_of(positions.edition)
    by = history.study_name(study) if study is not None else "le baromètre"
    own = [replace(f, as_of=f.edition) for f in (positions, revenue)]  # dated and named in the sentence
    concentrate = narrative.tensed(positions, "concentre", "concentrait")
    make = narrative.tensed(positions, "réalisent", "réalisaient")
    rest_positions = 100 - positions.central
    rest_revenue = 100 - revenue.central
    only = f"n’en {make} que" if rest_revenue < rest_positions else f"en {make}"
    return (f"En {formatting.period_text(positions.period)}, selon {by}, la France {concentrate} "
            f"{narrative.cite(own[0])} des positions pour {narrative.cite(own[1])} du chiffre d’affaires ; hors de "
            f"France, {formatting.complement_text(positions)} des positions {only} "
            f"{formatting.complement_text(revenue)} (calcul du livre).")


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
