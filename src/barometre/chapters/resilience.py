"""Chapter « Résilience face à la crise »: the tables and charts, from data and models."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

import altair as alt
import pandas as pd

from barometre import formatting, history, lead, narrative
from barometre.charts import (
    PALETTE,
    ChartOutput,
    bound_direction,
    chart_output,
    qualifier_nature,
    row_labels,
)
from barometre.data import Dataset, Figure, period_end
from barometre.history import PANEL_WIDTH
from barometre.models import resilience as model
from barometre.models.findings import Finding, Takeaway
from barometre.narrative import (
    ChapterSummary,
    cite,
    cite_in,
    de,
    direction_forecast,
    forecast_word,
    growth_trend,
    in_year,
    source_line,
)
from barometre.typography import upper_first

CHAPTER = "resilience"
SECTOR_EVENT_KINDS = ("market_opening", "public_service_outsourcing")


def growth_table(ds: Dataset, edition: int) -> tuple[pd.DataFrame, list[Figure]]:
    """Revenue growth for every year known in ``edition`` (latest vintage), plus the forecasts of years
    no edition has published yet."""
    series = ds.series("revenue_growth", scope="market", upto=edition)
    series = series[series["period"].astype(str).str.fullmatch(r"\d{4}")] if not series.empty else series
    figs = [ds.figure("revenue_growth", edition, scope="market", period=r.period) for r in series.itertuples()]
    rows = [
        {
            "année": f.period,
            "croissance": f.central,
            "type": "Réalisé (baromètre)",
            "texte": formatting.figure_text(f),
            "édition": f.edition,
        }
        for f in figs
    ]
    breaks = ds.series_breaks(figs)
    starts = {b.after for b in breaks}  # a new series starts that year: marked, not compared
    for row in rows:
        row["rupture"] = history.BREAK_LABEL if row["année"] in starts else ""
    known = {f.period for f in figs}
    for forecast, outcome in ds.forecasts(edition):
        if outcome is not None or forecast.period in known or forecast.scope != "market":
            continue
        known.add(forecast.period)
        figs.append(forecast)
        rows.append(
            {
                "année": forecast.period,
                "croissance": forecast.central,
                "type": forecast_word(forecast).capitalize(),  # « Estimation » for a pace given in the year
                # a forecast of direction (« moins de 0 % ») in its words
                "texte": direction_forecast(forecast).removeprefix("un ").removeprefix("une ")
                or formatting.figure_text(forecast),
                "édition": forecast.edition,
                "rupture": "",
            }
        )
    table = pd.DataFrame(rows)
    table.attrs["breaks"] = breaks  # the page explains them (``history.explain_breaks``)
    if table.empty:
        return table, figs
    # what a bar spans: from 0 to a value or a bound, from the low to the high end of a range
    by_year = {f.period: f for f in figs}
    table["début"] = [by_year[y].bounds[0] if by_year[y].is_range else 0.0 for y in table["année"]]
    table["fin"] = [by_year[y].bounds[1] if by_year[y].is_range else by_year[y].central for y in table["année"]]
    table["borne"] = [bound_direction(by_year[y].qualifier) for y in table["année"]]
    table["lecture"] = [qualifier_nature(by_year[y].qualifier) for y in table["année"]]
    reach = max(float(table["fin"].abs().max()), 1.0)
    table["flèche"] = table["fin"] + table["borne"] * ARROW_SHARE * reach
    table["étiquette"] = table[["fin", "flèche"]].max(axis=1).where(table["borne"] > 0, table["fin"])
    split = [re.match(r"^(\D*?)\s*([+\-\u2212]?\d.*)$", t) for t in table["texte"]]
    table["qualificatif"] = [m.group(1).strip() if m else "" for m in split]
    table["nombre"] = [m.group(2) if m else t for m, t in zip(split, table["texte"], strict=True)]
    return table, figs


ARROW_SHARE = 0.18  # a bound's arrow above (or below) its bar, as a share of the tallest bar


def growth_title(table: pd.DataFrame) -> str:
    """The chart's title, chosen by the data: the last year's growth against the year before."""
    done = table[~table["type"].isin(FORECAST_KINDS)] if not table.empty else table
    if done.empty:
        return "Croissance du chiffre d'affaires des outsourceurs"
    last = done.iloc[-1]
    if last["croissance"] < 0:
        return f"L'activité des outsourceurs recule en {last['année']}"
    if len(done) < 2 or last.get("rupture", ""):  # no trend across a break in the series
        return f"Croissance du chiffre d'affaires des outsourceurs en {last['année']}"
    before = done.iloc[-2]
    trend = growth_trend(last["croissance"], before["croissance"])
    return f"La croissance des outsourceurs {trend} en {last['année']}"


def growth_sentence(growth: Figure, previous: Figure | None, size: Figure | None = None) -> str:
    """« Le chiffre d'affaires des outsourceurs a progressé de 15 % en 2008, contre 13 % en 2007 : la croissance
    accélère. Le chiffre d'affaires du secteur s'établit à environ 1 840 M€. » Every verb is chosen by the figures; ``size``, the market's revenue the same year when
    the edition gives it (editor38: the 2011 story's 2 240 M€ was left to the table)."""
    year = formatting.period_text(growth.period)
    if growth.central < 0:
        text = f"D'après le baromètre, le chiffre d'affaires des outsourceurs a reculé {de(growth, magnitude=True)} en {year}"
    else:
        text = f"D'après le baromètre, le chiffre d'affaires des outsourceurs a progressé {de(growth)} en {year}"
    if previous is not None:
        text += f", contre {cite_in(previous)}"
        if growth.central >= 0 and previous.central >= 0:
            trend = growth_trend(growth.central, previous.central)
            text += f" : la croissance {trend}"
            if trend == "ralentit":
                text += " sans que l'activité recule"
        elif growth.central < 0 <= previous.central:
            text += " : la croissance s'est retournée"
        elif previous.central < 0 <= growth.central:
            text += " : l'activité repart"
    text += "."
    if size is not None and size.published and size.period == growth.period:
        # its own sentence (editor39: « la croissance accélère, pour un chiffre d'affaires de … » is poor French)
        verb = narrative.tensed(size, "s'établit", "s'établissait")  # an older edition's year, in the past
        text += f" Le chiffre d'affaires du secteur {verb} à {cite(size)}."
    return text


@dataclass(frozen=True)
class GrowthVoices:
    """What the edition says of its own year's growth and of the next, told in the growth's paragraph: ``text``
    ('' when nothing), and ``quote_ids``, the quotes it tells (left out of the chapter's list of voices)."""

    text: str
    quote_ids: frozenset[str]


# « 2012 est une année de rupture »: the year and the word a speaker gives it
NAMED_YEAR = re.compile(r"\s*(\d{4}) est une année de (\w+)")


def other_words(ds: Dataset, q, named: dict[str, str]) -> str:
    """The same speaker's other words on the next year, after his first. When both name the year with a word (« 2012
    est une année de rupture », then « … de transition »), the second is told as his other word for it, in its
    publication (editors 40 to 43: « Il dit aussi » set the two side by side unreconciled): « Dans Mission Relation
    Client, il parle aussi d'« une année de transition » : « … ». » Else « Il dit aussi : « … ». »"""
    found = NAMED_YEAR.match(q.quote)
    src = ds.sources.get(q.source)
    outlet = getattr(src, "publication_outlet", "") if src is not None else ""
    if found and found.group(1) in named and named[found.group(1)] != found.group(2) and outlet:
        # the rest of his words after the ones just quoted, not the whole quote again (editor44)
        rest = q.quote[found.end():].strip()
        then = f", {narrative.quote(replace(q, quote=rest), attribution=False)}" if rest.strip(" .") else ""
        return (f"Dans {narrative.md_escape(outlet)}, il parle aussi d’«\u00a0une année de {found.group(2)}\u00a0» "
                f"pour {found.group(1)}{then}.")
    return f"Il dit aussi : {narrative.quote(q, attribution=False)}."


def growth_voices(ds: Dataset, edition: int, growth: Figure | None) -> GrowthVoices:
    """In the book of the edition that publishes the growth: the chapter's quote on the growth's year (« « Globalement
    2011 demeure dans la continuité des années antérieures », dit Laurent Uberti. »), then the edition's forecasts and
    outlook quotes for the years after (``lead.outlook``: « Pour 2012, Relation Client Magazine, résumant le
    baromètre, annonce un recul … »). editor39: the 2011 story's continuity and announced regression lived only in a
    list of quotes and in « À retenir ». Nothing for an older edition's growth (its outlook is history)."""
    from barometre.digest import spoken_year

    if growth is None or growth.from_older_edition or not growth.published:
        return GrowthVoices("", frozenset())
    year = period_end(growth.period)
    sentences, used = [], set()
    for q in ds.quotes(edition, CHAPTER):
        if spoken_year(q) == year and not lead._OUTLOOK_NOTE.search(q.note or ""):
            sentences.append(f"{lead.said_by(ds, q)}.")
            used.add(q.quote_id)
            break
    view = lead.outlook(ds, edition)
    market = tuple(f for f in view.forecasts if f.scope == "market" and period_end(f.period) > year)
    own = {q.quote_id for q in ds.quotes(edition, CHAPTER)}  # the chapter's own (01net's offshore words are not)
    view = lead.Outlook(market, tuple(q for q in view.quotes if q.quote_id in own))
    sentences += lead.outlook_sentences(ds, view)
    used |= {q.quote_id for q in view.quotes}
    # the same speaker's other words on the next year follow his (editor40: « une année de transition » in the list,
    # « une année de rupture » in the prose, one screen apart, read as a contradiction)
    speakers = {q.attribution for q in view.quotes}
    named = {m.group(1): m.group(2) for q in view.quotes if (m := NAMED_YEAR.match(q.quote))}
    for q in ds.quotes(edition, CHAPTER):
        if q.quote_id not in used and q.attribution in speakers and spoken_year(q) == year + 1:
            sentences.append(other_words(ds, q, named))
            used.add(q.quote_id)
    # a quote whose words are a forecast's just told (RCM's « s'attend à une régression ») is not listed again
    told = {narrative.quote_body(f.quote) for f in market}
    used |= {q.quote_id for q in ds.quotes(edition, CHAPTER) if narrative.quote_body(q.quote) in told}
    return GrowthVoices(" ".join(sentences), frozenset(used))


def contraction_sentence(ds: Dataset, edition: int) -> str:
    """The jobs cut in France, year by year, that the editions up to ``edition`` publish (the sector's contraction
    of 2012-2013), each year once, each count said by its source, with the barometer's change of staff in France
    that year when it gives one: « En 2012, Laurent Uberti a chiffré à 4 000 les emplois supprimés en France, où le
    baromètre a mesuré un recul des effectifs de 7 % ; en 2013, selon le baromètre, 4 000 emplois de plus ont
    disparu et environ 10 sites ont fermé. » (editor39/40: « en 2013 » twice, the 2012 fall of staff left out).
    '' when none is published."""
    cut = lead.series(ds, "jobs_destroyed", "france", edition)
    if not cut:
        return ""
    sites = ds.known("sites_closed", edition)
    sites = sites if sites is not None and sites.published and sites.period in {f.period for f in cut} else None
    clauses = []
    for i, fig in enumerate(cut):
        year = formatting.period_text(fig.period)
        shown = cite(narrative.dated(fig))  # « En 2012, » dates it
        if fig.source_type == "interview":  # a count a speaker gives is his (Laurent Uberti's, to LeMagIT)
            clause = (f"en {year}, {narrative.md_escape(fig.attribution)} a chiffré à {shown} les emplois supprimés "
                      "en France")
        else:
            more = " de plus" if i > 0 else ""
            clause = f"en {year}, selon le baromètre, {shown} emplois{more} ont disparu en France"
        staff = ds.known("staff_growth", edition, scope="france", period=fig.period)
        if staff is not None and staff.published and fig.source_type == "interview" and staff.source_type != "interview":
            moved = narrative.direction(staff.central, up="une hausse", down="un recul", flat="une stabilité")
            clause += (f", où le baromètre a mesuré {moved} des effectifs"
                       + (f" {de(staff, magnitude=True)}" if staff.central else ""))
        if sites is not None and sites.period == fig.period:
            clause += f" et {cite(narrative.dated(sites))} sites ont fermé"
        clauses.append(clause)
    text = " ; ".join(clauses)
    return upper_first(text) + "."


GROWTH_OUTER_PADDING = 0.2  # of a band: the outer bars stand off the plot's ends (0,6 pressed the years together at 360 px)
GROWTH_AXIS_OFFSET = 9  # px between the plot and the y axis: room for half a value wider than its bar
GROWTH_YEAR_SIZE = 11  # px: eight years side by side on a phone keep a gap between them
GROWTH_KINDS = {"Réalisé (baromètre)": PALETTE[0], "Prévision": PALETTE[1], "Estimation": PALETTE[2]}
FORECAST_KINDS = ("Prévision", "Estimation")  # bars of a figure not yet measured (``narrative.forecast_word``)
KIND_WORDS = {"Prévision": "prévisions", "Estimation": "estimations faites en cours d'année"}


GROWTH_ACROSS_FROM = 9  # years: from this many bars on, they lie across the page, the years down its side
GROWTH_ACROSS_STEP = 24  # px a year when the bars lie across


def _growth_across(table: pd.DataFrame, kinds: list[str], breaks: pd.DataFrame) -> alt.LayerChart:
    """The growth bars lying across, one year a row: nine years and more side by side crowded a phone's
    width (« 2004 2005 … » ran into each other, and so did the values above the bars). Each value is
    written past its bar's end (its arrow's, for a bound), on the side the bar goes."""
    left = (table["fin"] < 0) | (table["borne"] < 0)
    at = table[["fin", "flèche"]].max(axis=1).where(~left, table[["fin", "flèche"]].min(axis=1))
    drawn = table.assign(_au=at, _gauche=left)
    low = min(0.0, float(drawn["début"].min()), float(drawn["_au"].min()))
    high = max(0.0, float(drawn["_au"].max()))
    span = (high - low) or 1.0
    domain = [low - (0.4 * span if low < 0 else 0.0), high + 0.4 * span]  # room for « au moins 10 % »
    base = alt.Chart(drawn).encode(
        y=alt.Y("année:N", title=None, sort=None, axis=alt.Axis(labelFontSize=GROWTH_YEAR_SIZE),
                scale=alt.Scale(paddingInner=0.25)),
        color=alt.Color("type:N", title=None, scale=alt.Scale(domain=kinds, range=[GROWTH_KINDS[k] for k in kinds]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("année:N", title="Année"), alt.Tooltip("texte:N", title="Croissance"),
                 alt.Tooltip("type:N", title="Nature"), alt.Tooltip("lecture:N", title="Lecture")],
    )
    x = alt.X("fin:Q", title="Croissance du chiffre d'affaires (%)", scale=alt.Scale(domain=domain, nice=False),
              axis=alt.Axis(tickCount=5))
    bars = base.mark_bar().encode(x=x, x2="début:Q",
                                  opacity=alt.condition("datum.borne != 0", alt.value(0.4), alt.value(1.0)))
    whisker = base.transform_filter("datum.borne != 0").mark_rule(strokeWidth=2).encode(x="fin:Q", x2="flèche:Q")
    heads = [base.transform_filter(f"datum.borne == {sign}").mark_point(
        shape=f"triangle-{side}", filled=True, size=70, opacity=1).encode(x="flèche:Q")
        for sign, side in ((1, "right"), (-1, "left"))]
    values = [base.transform_filter(f"{'' if gauche else '!'}datum._gauche").mark_text(
        align="right" if gauche else "left", dx=-5 if gauche else 5, fontSize=11).encode(
        x="_au:Q", text="texte:N", color=alt.value("#222")) for gauche in (False, True)]
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#666").encode(x="x:Q")
    layers = [bars, whisker, *heads, *values, zero]
    if not breaks.empty:  # a break: a dashed rule at the top of the new series' first row, labelled at the right
        marks = alt.Chart(breaks).encode(y=alt.Y("année:N", bandPosition=0))
        layers += [marks.mark_rule(color=history.BREAK_COLOUR, strokeDash=[4, 3], yOffset=-2),
                   marks.mark_text(align="right", baseline="bottom", dy=-3, fontSize=10,
                                   color=history.BREAK_COLOUR).encode(x=alt.datum(domain[1]), text="rupture:N")]
    return alt.layer(*layers).properties(height=alt.Step(GROWTH_ACROSS_STEP))


def growth_chart(table: pd.DataFrame, figs: list[Figure], edition: int) -> ChartOutput:
    # the legend lists the kinds of bars drawn: no « Prévision » entry when the edition has no forecast
    kinds = [k for k in GROWTH_KINDS if k in set(table["type"])]
    base = alt.Chart(table).encode(
        # the outer bars stand off the axis, the axis off the plot: a value wider than its bar (« 18,4 % » on a
        # phone) crossed the y axis
        x=alt.X("année:N", title=None, axis=alt.Axis(labelAngle=0, labelFontSize=GROWTH_YEAR_SIZE),
                scale=alt.Scale(paddingInner=0.3, paddingOuter=GROWTH_OUTER_PADDING)),
        y=alt.Y("croissance:Q", title="Croissance du chiffre d'affaires (%)"),
        color=alt.Color(
            "type:N", title=None, scale=alt.Scale(domain=kinds, range=[GROWTH_KINDS[k] for k in kinds]),
            legend=alt.Legend(orient="bottom")
        ),
        tooltip=[alt.Tooltip("année:N", title="Année"), alt.Tooltip("texte:N", title="Croissance"),
                 alt.Tooltip("type:N", title="Nature"), alt.Tooltip("lecture:N", title="Lecture")],
    )
    # a value: a solid bar from 0; a range: a bar from its low to its high end; a bound (« au moins 10 % »):
    # a pale bar up to the bound and an arrow beyond it, the side the value lies on
    # bars take their band (a fixed size overlapped its neighbours on a phone, where a band is narrower)
    bars = base.mark_bar().encode(
        y=alt.Y("fin:Q", title="Croissance du chiffre d'affaires (%)", axis=alt.Axis(offset=GROWTH_AXIS_OFFSET)),
        y2="début:Q",
        opacity=alt.condition("datum.borne != 0", alt.value(0.4), alt.value(1.0)),
    )
    whisker = base.transform_filter("datum.borne != 0").mark_rule(strokeWidth=2).encode(y="fin:Q", y2="flèche:Q")
    heads = [base.transform_filter(f"datum.borne == {sign}").mark_point(
        shape=f"triangle-{side}", filled=True, size=90, opacity=1).encode(y="flèche:Q")
        for sign, side in ((1, "up"), (-1, "down"))]
    # the value above its bar, its qualifier (« environ », « au moins ») on a line above it: one word wider
    # than a phone's band ran over the neighbouring bars
    labels = base.mark_text(dy=-8, fontSize=11).encode(y="étiquette:Q", text="nombre:N", color=alt.value("#222"))
    qualifiers = base.transform_filter("datum.qualificatif != ''").mark_text(dy=-21, fontSize=10).encode(
        y="étiquette:Q", text="qualificatif:N", color=alt.value("#444"))
    breaks = table[table["rupture"] != ""] if "rupture" in table.columns else table.iloc[0:0]
    if not breaks.empty:  # a break: a dashed rule between the last year of a series and the first of the next
        # at the band's start, moved into the gap before the bar (a band position cannot be negative)
        marks = alt.Chart(breaks).encode(x=alt.X("année:N", bandPosition=0))
        labels = labels + marks.mark_rule(color=history.BREAK_COLOUR, strokeDash=[4, 3], xOffset=-3) + marks.mark_text(
            align="left", baseline="top", dx=0, fontSize=10, color=history.BREAK_COLOUR).encode(
            y=alt.value(1), text="rupture:N")
    years = ", ".join(table["année"])
    forecasts = table[table["type"].isin(FORECAST_KINDS)]
    drawn = [k for k in FORECAST_KINDS if k in set(forecasts["type"])]
    note = (
        " Les barres " + " et ".join(f"« {k} »" for k in drawn) + " sont des "
        + " et des ".join(KIND_WORDS[k] for k in drawn) + ", données telles que publiées"
        + (" ; une borne (« au moins », « plus de ») est une barre pâle jusqu'à la borne, prolongée d'une flèche "
           "du côté où se trouve la valeur" if (forecasts["borne"] != 0).any() else "")
        + (" ; une fourchette va de sa borne basse à sa borne haute" if (forecasts["début"] != 0).any() else "")
        + "."
        if not forecasts.empty else ""
    )
    across = len(table) >= GROWTH_ACROSS_FROM
    return chart_output(
        _growth_across(table, kinds, breaks) if across else
        alt.layer(bars, whisker, *heads, labels, qualifiers).properties(height=260),
        name="resilience-croissance",
        title=growth_title(table),
        source=source_line(figs),
        description=(
            f"Diagramme en barres{' horizontales' if across else ''} de la croissance annuelle du chiffre "
            f"d'affaires des outsourceurs pour "
            f"{years} : " + " ; ".join(f"{a} : {t}" for a, t in zip(table["année"], table["texte"], strict=True))
            + "." + note
            + "".join(f" Rupture de série en {a} : les barres de part et d'autre ne se comparent pas directement."
                      for a in breaks["année"])
        ),
        data=table,
    )


def complement_text(share: Figure) -> str:
    """The rest to 100 of a share, as the share is given (see ``formatting.complement_text``)."""
    return formatting.complement_text(share)


SHARE_BAND = "Zone d'incertitude (fourchette)"
SHARE_BOUND = "Zone d'incertitude (borne)"


def market_share_chart(share: Figure) -> ChartOutput:
    """One bar of 100 %: the outsourced share, then the internal services. A range (« 20 à 25 % ») is
    not cut at its middle: the bar is solid up to its low end, pale between its two ends (either
    side may hold that part) and grey from its high end."""
    low, high = share.bounds
    side = bound_direction(share.qualifier)
    if side > 0:  # « plus de 25 % »: at least that much is outsourced, the rest is not said
        low, high = share.central, 100.0
    elif side < 0:  # « moins de 25 % »: at most that much, at least the rest is in-house
        low, high = 0.0, share.central
    band = SHARE_BAND if side == 0 else SHARE_BOUND
    rows = [{"mode": "Centres externalisés", "début": 0.0, "fin": low, "texte": formatting.figure_text(share)},
            {"mode": band, "début": low, "fin": high, "texte": formatting.figure_text(share)},
            {"mode": "Services clients internes", "début": high, "fin": 100.0, "texte": complement_text(share)}]
    rows = [r for r in rows if r["fin"] > r["début"]]  # a value has no band; a bound, no part on one side
    table = pd.DataFrame(rows)
    modes = list(table["mode"])
    colours = {"Centres externalisés": PALETTE[0], SHARE_BAND: "#a9cce8", SHARE_BOUND: "#a9cce8",
               "Services clients internes": "#c9c9c9"}
    chart = (
        alt.Chart(table)
        .mark_bar(size=46)
        .encode(
            x=alt.X("début:Q", title="Part du marché de la relation client (%)", scale=alt.Scale(domain=[0, 100])),
            x2="fin:Q",
            color=alt.Color("mode:N", title=None, sort=modes, legend=alt.Legend(labelLimit=300),
                            scale=alt.Scale(domain=modes, range=[colours[m] for m in modes])),
            tooltip=[alt.Tooltip("mode:N", title="Mode"), alt.Tooltip("texte:N", title="Part")],
        )
        .properties(height=90)
    )
    return chart_output(
        chart,
        name="resilience-part-externalisee",
        title=f"Part externalisée du marché de la relation client : {formatting.figure_text(share)}",
        source=source_line([share]),
        description=(
            f"Barre empilée : centres externalisés {formatting.figure_text(share)}, "
            f"services clients internes {complement_text(share)} (complément à 100)."
            + (" Entre les deux bornes de la fourchette, la barre est pâle : cette part peut être de l'un ou "
               "de l'autre." if share.is_range else "")
            + (" Au-delà de la borne, la barre est pâle : la source ne dit pas où s'arrête la part."
               if side != 0 else "")
        ),
        data=table,
    )


def sector_events(ds: Dataset, edition: int) -> pd.DataFrame:
    """The sector openings reported by the editions up to ``edition`` (dated facts stay true)."""
    frames = [ds.events(e) for e in ds.editions if e <= edition]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=["event", "date", "kind", "actor", "target", "city", "source", "quote"])
    events = pd.concat(frames, ignore_index=True).drop_duplicates("event", keep="last")
    events = events[events["kind"].isin(SECTOR_EVENT_KINDS)].copy()
    events["date_texte"] = events["date"].map(formatting.event_date)
    events["année"] = events["date"].str[:4].astype(int)
    events["secteur"] = events["kind"].map(
        {"market_opening": "Énergie", "public_service_outsourcing": "Services publics"}
    )
    return events.sort_values("date").reset_index(drop=True)


def _sectors_print_chart(table: pd.DataFrame) -> alt.LayerChart:
    """The time line as print gives it: what the web's pointer tells (the opening) written under each
    dot, the dots in one colour (the row already names the sector: a colour with no legend said
    nothing). A label starts at its dot in the left third of the line, ends at it in the right third."""
    years = table["année"]
    span = max(1, int(years.max()) - int(years.min()))
    where = (years - years.min()) / span
    table = table.assign(_align=["left" if w < 1 / 3 else "right" if w > 2 / 3 else "center" for w in where])
    x = alt.X("année:Q", title=None, scale=alt.Scale(zero=False, nice=False, padding=24),
              axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0))
    y = alt.Y("secteur:N", title=None)
    dots = alt.Chart(table).mark_point(size=180, filled=True, color=PALETTE[0]).encode(x=x, y=y)
    labels = [
        alt.Chart(table).transform_filter(alt.FieldEqualPredicate(field="_align", equal=align))
        .mark_text(align=align, baseline="top", dy=9, dx={"left": -5, "right": 5, "center": 0}[align])
        .encode(x=x, y=y, text="objet:N")
        for align in ("left", "center", "right") if (table["_align"] == align).any()
    ]
    return alt.layer(dots, *labels).properties(height=120)


def sectors_chart(events: pd.DataFrame, source: str) -> ChartOutput:
    table = events[["année", "date_texte", "secteur", "target", "actor", "quote"]].rename(
        columns={"target": "objet", "actor": "acteur", "quote": "citation"}
    )
    chart = (
        alt.Chart(table)
        .mark_point(size=180, filled=True)
        .encode(
            # a time line: years apart by their distance (2006, 2007 and 2009 are not evenly spaced)
            x=alt.X("année:Q", title=None, scale=alt.Scale(zero=False, nice=False, padding=24),
                    axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0)),
            y=alt.Y("secteur:N", title=None),
            color=alt.Color("secteur:N", legend=None, scale=alt.Scale(range=[PALETTE[2], PALETTE[4]])),
            tooltip=[alt.Tooltip("date_texte:N", title="Date"), alt.Tooltip("objet:N", title="Objet"),
                     alt.Tooltip("acteur:N", title="Acteur")],
        )
        .properties(height=120)
    )
    text = ", ".join(f"{r.objet} ({r.date_texte})" for r in table.itertuples())
    return chart_output(
        chart,
        print_chart=_sectors_print_chart(table),
        name="resilience-secteurs",
        title="Secteurs nouvellement ouverts à l'externalisation, cités par l'édition",
        source=source,
        description=f"Frise des ouvertures à l'externalisation citées par l'article : {text}.",
        data=table,
    )


# The cost argument's two quantities, each on its own axis: a gap between two salaries, and the savings
# clients are asked for (a share of their costs).
PREMIUM_AXES = {"écart": "% de salaire en plus", "économies": "% des coûts"}


def _cost_panel(table: pd.DataFrame, axis: str) -> alt.LayerChart:
    """One quantity: a range as a bar from its low to its high end, a value as a dot, a bound as an open dot
    with an arrow; the value written beside it."""
    high = max(100.0, float(table["haut"].max()) * 1.15)
    base = alt.Chart(table).encode(
        y=alt.Y("indicateur:N", title=None, sort=None, axis=None),
        tooltip=[alt.Tooltip("indicateur:N", title="Indicateur"), alt.Tooltip("texte:N", title="Valeur"),
                 alt.Tooltip("lecture:N", title="Nature")],
    )
    x = alt.X("bas:Q", title=axis, scale=alt.Scale(domain=[0, high]), axis=alt.Axis(tickCount=5))
    rule = base.transform_filter("datum.bas < datum.haut").mark_rule(strokeWidth=10, color=PALETTE[0]).encode(
        x=x, x2="haut:Q")
    dots = base.transform_filter("datum.bas == datum.haut && datum.borne == 0").mark_point(
        filled=True, size=140, color=PALETTE[0], opacity=1).encode(x=x)
    hollow = base.transform_filter("datum.borne != 0").mark_point(
        filled=False, size=140, strokeWidth=2, color=PALETTE[0], opacity=1).encode(x=x)
    heads = [base.transform_filter(f"datum.borne == {sign}").mark_point(
        shape=f"triangle-{side}", filled=True, size=80, color=PALETTE[0], opacity=1, xOffset=14 * sign).encode(x=x)
        for sign, side in ((1, "right"), (-1, "left"))]
    labels = base.mark_text(align="left", dx=12).encode(x="haut:Q", text="texte:N")
    names = row_labels(table, "indicateur", bar_size=10)
    return alt.layer(rule, dots, hollow, *heads, labels, names).properties(
        height=alt.Step(56), width=PANEL_WIDTH)


def premium_chart(premium: Figure, savings_before: Figure, savings_now: Figure) -> ChartOutput:
    # the article's « aujourd'hui » is its year, dated so that a later edition does not say it of 2009
    now = f"en {formatting.period_text(savings_now.period)}"
    rows = []
    for fig, label, kind in ((premium, "Écart de salaire, grands groupes / outsourceurs", "écart"),
                             (savings_before, "Économies demandées auparavant", "économies"),
                             (savings_now, f"Économies demandées {now}", "économies")):
        low, high = fig.bounds
        rows.append({"indicateur": label, "bas": low, "haut": high, "texte": formatting.figure_text(fig),
                     "borne": bound_direction(fig.qualifier), "lecture": qualifier_nature(fig.qualifier),
                     "grandeur": kind})
    table = pd.DataFrame(rows)
    panels = [_cost_panel(table[table["grandeur"] == kind], axis) for kind, axis in PREMIUM_AXES.items()]
    return chart_output(
        alt.vconcat(*panels, spacing=24),
        name="resilience-argument-cout",
        title="L'argument du coût",
        source=source_line([premium, savings_before, savings_now]),
        description=(
            f"Deux panneaux, chacun sur son axe : les salaires des grands groupes, supérieurs de "
            f"{formatting.figure_text(premium)} à ceux des outsourceurs ; les économies demandées aux donneurs "
            f"d'ordres, {formatting.figure_text(savings_before)} auparavant, {formatting.figure_text(savings_now)} "
            f"{now}."
        ),
        data=table,
    )


def payback_curves(
    premium: Figure, labour_share: float, provider_margin: float, transition_cost_months: float,
    horizon_months: int = 48,
) -> pd.DataFrame:
    """Cumulative net saving for the low and high ends of the article's salary gap."""
    frames = []
    for end, gap in (("bas", premium.bounds[0]), ("haut", premium.bounds[1])):
        inputs = model.PaybackInputs(gap / 100, labour_share, provider_margin, transition_cost_months)
        df = model.cumulative_savings(inputs, range(horizon_months + 1))
        df["écart de salaire"] = f"Écart de {formatting.percent(gap)}"
        df["extrémité"] = end
        df["texte"] = df["net_saving"].map(lambda v: formatting.number(v, 1) + " mois")
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def payback_chart(curves: pd.DataFrame, breakeven_months: float, figs: list[Figure], *,
                  calibrated: bool = False) -> ChartOutput:
    """The payback curves; ``calibrated``: the transition cost was set so as to give the cited break-even,
    which the title then says instead of showing it as a result."""
    lines = (
        alt.Chart(curves)
        .mark_line()
        .encode(
            x=alt.X("month:Q", title="Mois depuis l'externalisation"),
            y=alt.Y("net_saving:Q", title="Économie nette cumulée (mois de coût interne)"),
            color=alt.Color("écart de salaire:N", title=None, scale=alt.Scale(range=[PALETTE[1], PALETTE[0]])),
            tooltip=[alt.Tooltip("month:Q", title="Mois"), alt.Tooltip("texte:N", title="Économie nette"),
                     alt.Tooltip("écart de salaire:N", title="Hypothèse")],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#888").encode(y="y:Q")
    mark = alt.Chart(pd.DataFrame({"x": [breakeven_months]})).mark_rule(strokeDash=[4, 4], color="#444").encode(
        x="x:Q"
    )
    return chart_output(
        (lines + zero + mark).properties(height=280),
        name="resilience-retour-sur-investissement",
        title=(f"Le coût de départ est calé pour que le point mort tombe à {formatting.number(breakeven_months, 0)} "
               "mois, le retour cité" if calibrated else
               f"Point mort de l'externalisation dans le modèle : {formatting.number(breakeven_months, 0)} mois "
               "(hypothèse centrale)"),
        source=source_line(figs) + " ; modèle et hypothèses du livre",
        description=(
            "Courbes de l'économie nette cumulée après externalisation, pour les deux extrémités de l'écart de "
            "salaire cité : négative au départ (coût de transition), elle devient positive au point mort, "
            f"marqué par la ligne pointillée à {formatting.number(breakeven_months, 0)} mois."
        ),
        data=curves[["month", "net_saving", "écart de salaire"]],
    )


def breakeven_heatmap(grid: pd.DataFrame, figs: list[Figure]) -> ChartOutput:
    table = grid.copy()
    table["écart"] = (table["salary_premium"] * 100).round().astype(int)
    table["mois"] = table["breakeven_months"].clip(upper=120)
    table["texte"] = table["breakeven_months"].map(
        lambda v: "jamais" if v == float("inf") else formatting.number(v, 0) + " mois"
    )
    table["économie"] = table["saving_rate"].map(lambda v: formatting.percent(v * 100))
    chart = (
        alt.Chart(table)
        .mark_rect()
        .encode(
            # level labels, every other one where they would touch (a phone turned all nine on their side)
            x=alt.X("écart:O", title="Écart de salaire interne / outsourceur (%)",
                    axis=alt.Axis(labelAngle=0, labelOverlap="parity")),
            # an ordinal axis shows the raw value (« 14.3 »): the locale's format writes « 14,3 »
            y=alt.Y("transition_cost_months:O", title="Coût de transition (mois de coût interne)", sort="descending",
                    axis=alt.Axis(labelExpr="format(datum.value, ',.1~f')")),
            color=alt.Color("mois:Q", title="Point mort (mois)", scale=alt.Scale(scheme="viridis", reverse=True)),
            tooltip=[alt.Tooltip("écart:O", title="Écart de salaire (%)"),
                     alt.Tooltip("transition_cost_months:O", title="Coût de transition (mois)"),
                     alt.Tooltip("économie:N", title="Économie annuelle"),
                     alt.Tooltip("texte:N", title="Point mort")],
        )
        .properties(height=260)
    )
    return chart_output(
        chart,
        name="resilience-point-mort",
        title="Le point mort selon l'écart de salaire et le coût de transition",
        source=source_line(figs) + " ; modèle et hypothèses du livre",
        description=(
            "Carte de chaleur du nombre de mois avant que l'externalisation ne soit rentable : il diminue quand "
            "l'écart de salaire se creuse et s'allonge avec le coût de transition."
        ),
        data=table[["écart", "transition_cost_months", "économie", "texte"]],
    )


# A share of the market published this many years before the growth the summary gives is no longer told
# beside it (the body of the chapter still gives it, with its year).
STALE_SHARE_YEARS = 2


def summary(ds: Dataset, edition: int) -> ChapterSummary | None:
    """The chapter's key figure and takeaway (data only), shown by the synthesis: the growth this edition
    publishes (its yearly rate, else ``lead.edition_average``), else the last yearly growth an older edition
    published, told in the past;
    ``None`` when no edition up to ``edition`` publishes the sector's growth."""
    average = lead.edition_average(ds, edition)
    if average is not None:
        return _average_summary(ds, edition, average)
    growth = ds.known("revenue_growth", edition, scope="market")
    if growth is None:
        return None
    previous = ds.known("revenue_growth", edition, scope="market", period=str(period_end(growth.period) - 1))
    if previous is not None and ds.break_between(previous, growth) is not None:
        previous = None  # no comparison across a break in the series
    share = ds.known("outsourced_market_share", edition)
    if share is not None and period_end(growth.period) - period_end(share.period) > STALE_SHARE_YEARS:
        share = None  # the 2009 share beside the growth of 2019: left to the chapter's body
    year = formatting.period_text(growth.period)
    old = growth.from_older_edition  # an older edition's figure is told in the past (nothing stale as current)
    if growth.central < 0:
        takeaway = f"L'activité des outsourceurs {'reculait' if old else 'recule'} {de(growth, magnitude=True)} en {year}"
    else:
        takeaway = f"Les outsourceurs {'croissaient' if old else 'croissent'} {de(growth)} en {year}"
        if previous is not None and previous.central >= 0:
            trend = growth_trend(growth.central, previous.central)
            # the year before with its figure (editor40: « plus vite que l'année précédente » gave none)
            before = f"{formatting.period_text(previous.period)} ({cite(previous)})"
            takeaway += {"accélère": f", plus vite qu'en {before}",
                         "ralentit": f", moins vite qu'en {before}",
                         "se maintient": f", au même rythme qu'en {before}"}[trend]
    if share is not None:
        if share.from_older_edition:
            takeaway += (f" ; en {formatting.period_text(share.period)}, le marché externalisé représentait "
                         f"{cite(share)} de la relation client")
        else:
            takeaway += f" ; le marché externalisé représente {cite(share)} de la relation client"
    # the edition's own outlook ends the row, as in « À retenir » (editor38: the 2011 row ended on 2009's share)
    outlook = next((f for f, _ in ds.forecasts(edition) if f.edition == edition and not f.secondary
                    and f.indicator in ("revenue_growth_forecast", "revenue_growth_estimate")), None)
    if outlook is not None:
        takeaway += (f". {narrative.forecast_noun(outlook)} pour {narrative.for_period(outlook.period)} : "
                     f"{narrative.forecast_cited(outlook)}")
    return ChapterSummary(
        chapter=CHAPTER,
        key_label=growth.label,
        key_figure=f"{cite(growth)} en {year}",
        takeaway=takeaway + ".",
    )


def _average_summary(ds: Dataset, edition: int, average: Figure) -> ChapterSummary:
    """An edition that gives the sector's yearly average growth over several years, not one year's rate:
    that average, and the growth it forecasts for the next year (an older edition's rate is left to the
    chapter's history)."""
    span = lead.spoken_span(average) or formatting.period_text(average.period)  # a person's words for her span
    who = (f"Selon {narrative.md_escape(ds.sources[average.source].name)}, l" if average.source_type == "interview"
           else "L")
    takeaway = f"{who}es outsourceurs ont crû {de(average)} par an en moyenne {span}"
    more = lead.same_speaker_words(ds, edition, average)
    if more:  # her next words on the year (« Il y a eu un ralentissement en 2024 … »)
        takeaway += f" ; {more}"
    forecast = next((f for f in lead.outlook(ds, edition).forecasts
                     if ds.indicators[f.indicator].forecast_of == "revenue_growth" and f.scope == "market"), None)
    if forecast is not None:
        takeaway += (f" ; {forecast_word(forecast)} pour {formatting.period_text(forecast.period)} : "
                     f"{lead.forecast_text(forecast)}")
    return ChapterSummary(chapter=CHAPTER, key_label=average.label,
                          key_figure=f"{cite(average)} par an {span}", takeaway=takeaway + ".")


def events_source(ds: Dataset, events: pd.DataFrame) -> str:
    """The source line of dated events: the publications that report them, from sources.csv."""
    outlets = []
    for sid in events["source"]:
        src = ds.sources.get(sid)
        if src is None:
            continue
        outlet = src.publication_outlet or src.name
        text = f"{outlet} ({src.publication_year})" if src.publication_year else outlet
        if text not in outlets:
            outlets.append(text)
    return "D’après " + ", ".join(outlets) + ", faits rapportés par la publication" if outlets else "Données du livre"


def editions_text(events: pd.DataFrame) -> str:
    """« de l'édition 2008 » or « des éditions 2008 et 2009 »: the editions whose sources report ``events``."""
    editions = sorted({int(e) for e in events["edition"]})
    if len(editions) == 1:
        return f"de l'édition {editions[0]}"
    return "des éditions " + ", ".join(map(str, editions[:-1])) + f" et {editions[-1]}"


# the sensitivity band of the provider's margin, a book's assumption with no published figure: the
# « À retenir » line gives the result from half to one and a half times the margin set
MARGIN_BAND = (0.5, 1.5)


def saving_band(premium: Figure, labour_share: float, provider_margin: float) -> tuple[list[float], float, float]:
    """The provider's margins of ``MARGIN_BAND`` and the running saving they give over the cited salary gap:
    the lowest with the smallest gap and the highest margin, the highest with the opposite."""
    margins = [provider_margin * k for k in MARGIN_BAND]
    save_low = model.running_saving_rate(premium.bounds[0] / 100, labour_share, margins[1])
    save_high = model.running_saving_rate(premium.bounds[1] / 100, labour_share, margins[0])
    return margins, save_low, save_high


def margin_sensitivity(premium: Figure, labour_share: float, provider_margin: float) -> str:
    """The sentence that gives the saving over the band of margins the « À retenir » line uses, so that
    its range is the text's (empty when no margin of the band leaves a saving)."""
    margins, save_low, save_high = saving_band(premium, labour_share, provider_margin)
    if save_high <= 0:
        return ""
    return (f" Avec une marge du prestataire de {formatting.number(margins[0] * 100, 1)} à "
            f"{formatting.percent(margins[1] * 100)} au lieu de {formatting.percent(provider_margin * 100)}, elle "
            f"irait de {formatting.value_range(max(save_low, 0) * 100, save_high * 100, 'percent')} : c'est la "
            "fourchette que reprend « À retenir ».")


def payback_takeaway(
    premium: Figure,
    *,
    labour_share: float,
    provider_margin: float,
    breakeven: Figure | None = None,
    transition_cost_months: float = -1.0,
    savings_demanded: Figure | None = None,
    borrowed_labour_share: bool = False,
) -> Takeaway:
    """The model's « À retenir » line. The running saving is the model's result, given over the cited
    salary gap and a band of the provider's margin (no published figure). When the transition cost is
    not set (``transition_cost_months`` < 0), the model is calibrated on the cited break-even
    (``breakeven``): the line says so and answers the inverse question, what transition cost that
    break-even implies, instead of giving the break-even back as a result. ``borrowed_labour_share``: the
    labour share is the outsourcers' own, applied to the in-house centre, and the line says so."""
    margins, save_low, save_high = saving_band(premium, labour_share, provider_margin)
    band = (f"une marge du prestataire de {formatting.number(margins[0] * 100, 1)} à "
            f"{formatting.percent(margins[1] * 100)}")
    findings: dict[str, Finding] = {}
    if save_high <= 0:
        text = (f"- Dans le modèle, l'externalisation n'économise rien sur le fonctionnement, même avec l'écart de "
                f"salaire cité{in_year(premium)}, {cite(premium)}, et {band} : aucun coût de départ n'est remboursé.")
        return Takeaway(text)
    s_lo, s_hi = formatting.number(max(save_low, 0) * 100, 1), formatting.percent(save_high * 100)
    findings["saving_low"] = Finding(max(save_low, 0), s_lo, (-1, 1))
    findings["saving_high"] = Finding(save_high, s_hi, (-1, 1))
    # one short line (editor37: about 600 characters): the salary gap and the band of margins the saving rests on
    # are in the chapter's text, which gives the same band (``margin_sensitivity``)
    text = (f"- Dans le modèle (hypothèses du livre), l'externalisation économise {s_lo} à {s_hi} du coût interne "
            "de fonctionnement")
    if savings_demanded is not None:
        lo_d, hi_d = savings_demanded.bounds
        where = ("moins que les" if save_high * 100 < lo_d else "plus que les" if max(save_low, 0) * 100 > hi_d
                 else "autour des")
        # the edition's note stays: in the 2009 book, « exigés en 2009 » alone read as the 2009 edition's figure
        # (test_sparse_edition)
        # « exigés … en 2009 » dates the testimony: no edition note on it (editor39)
        text += (f", {where} {cite(narrative.dated(savings_demanded))} exigés des donneurs d'ordres"
                 f"{in_year(savings_demanded)}")
    text += ((" ; la part des salaires est celle des outsourceurs, appliquée faute de mieux au centre interne"
              if borrowed_labour_share else "") + ".")
    bands: tuple[tuple[str, str], ...] = ()
    if transition_cost_months < 0 and breakeven is not None:
        months = breakeven.central * 12
        cost_low = model.implied_transition_cost(months, max(save_low, 1e-9)) if save_low > 0 else 0.0
        cost_high = model.implied_transition_cost(months, save_high)
        c_lo, c_hi = formatting.number(cost_low, 1), formatting.number(cost_high, 1)
        findings["implied_cost_low"] = Finding(cost_low, c_lo, (0, math.inf))
        findings["implied_cost_high"] = Finding(cost_high, c_hi, (0, math.inf))
        text += (f" Le retour cité{in_year(breakeven)}, {cite(breakeven, with_noun=True)}, n'en découle pas (le modèle y "
                 f"est calé) : il suppose un coût de départ de {c_lo} à {c_hi} mois de coût interne.")
    elif transition_cost_months >= 0:
        m_lo = model.breakeven_months(transition_cost_months, save_high)
        m_hi = model.breakeven_months(transition_cost_months, save_low)
        t_lo = formatting.number(m_lo, 0)
        t_hi = formatting.number(m_hi, 0) if math.isfinite(m_hi) else "jamais"
        findings["breakeven_low"] = Finding(m_lo, t_lo, (0, math.inf))
        if math.isfinite(m_hi):
            findings["breakeven_high"] = Finding(m_hi, t_hi, (0, math.inf))
            bands = (("breakeven_low", "breakeven_high"),)
        text += (f" Avec un coût de départ de {formatting.number(transition_cost_months, 1)} mois de coût interne "
                 f"(paramètre du lecteur), le point mort arrive au bout de {t_lo} à {t_hi} mois"
                 + ("." if math.isfinite(m_hi) else " : au plus bas de l'écart, il n'arrive jamais."))
    return Takeaway(text, findings, bands)


def growth_takeaways(ds: Dataset, edition: int, average: Figure | None, growth: Figure | None,
                     previous: Figure | None) -> list[str]:
    """The « À retenir » lines on the sector's course: the edition's own average (a person's, in her words for its
    span, with her next words on the year: « selon Caroline Adam … ; « Il y a eu un ralentissement en 2024 … » »),
    else the year's growth against the year before; then the edition's own forecast for a later year (2011: « un
    recul » for 2012, which the 2011 line omitted, editor37)."""
    lines = []
    if average is not None:
        span = lead.spoken_span(average) or formatting.period_text(average.period)
        who = (f", selon {narrative.md_escape(ds.sources[average.source].name)}"
               if average.source_type == "interview" else "")
        more = lead.same_speaker_words(ds, edition, average)
        lines.append(f"- Croissance annuelle moyenne du secteur {span}{who} : {cite(average)} par an"
                     + (f" ; {more}" if more else "") + ".")
    elif growth is not None:
        lines.append(f"- Croissance du secteur en {formatting.period_text(growth.period)} : {cite(growth)}"
                     + (f", contre {cite_in(previous)}"
                        if previous is not None else "") + ".")
    for forecast, _ in ds.forecasts(edition):
        if forecast.edition != edition or forecast.secondary or forecast.indicator not in ("revenue_growth_forecast",
                                                                      "revenue_growth_estimate"):
            continue
        who = narrative.md_escape(ds.sources[forecast.source].name) if forecast.source_type == "interview" else ""
        lines.append(f"- {narrative.forecast_noun(forecast)} pour {narrative.for_period(forecast.period)}"
                     + (f", selon {who}" if who else "") + f" : {narrative.forecast_cited(forecast)}.")
    return lines


def size_takeaway(ds: Dataset, edition: int) -> str:
    """« - Chiffre d'affaires du secteur en 2024 : 3 560 M€ (0,12 % du PIB) ; seul recul publié de l'ensemble du secteur :
    −1,7 % en 2013. » The edition's own size of the market (its weight in GDP when given), and the falls of the
    sector's yearly growth that the editions up to it publish (« seul recul » for one, « reculs publiés » for several,
    nothing for none). editor39: the 2024 « À retenir » gave 2009's salary gap and not the market. '' when the edition
    gives no size of its own."""
    market = ds.known("market_revenue", edition)
    if market is None or not market.published or market.from_older_edition:
        return ""
    gdp = ds.known("gdp_share", edition, period=market.period)
    weight = f" ({cite(gdp)} du PIB)" if gdp is not None and gdp.published and not gdp.from_older_edition else ""
    line = f"- Chiffre d'affaires du secteur en {formatting.period_text(market.period)} : {cite(market)}{weight}"
    falls = [f for f in lead.series(ds, "revenue_growth", "market", edition) if f.bounds[1] < 0]
    if len(falls) == 1:
        line += f" ; seul recul publié de l'ensemble du secteur : {cite_in(falls[0], signed=True, earlier=True)}"
    elif falls:
        line += (" ; reculs publiés de l'ensemble du secteur : "
                 + formatting.enumeration([cite_in(f, signed=True, earlier=True) for f in falls]))
    return line + "."


def weight_sentence(ds: Dataset, edition: int) -> str:
    """The sector's weight in the economy, when the edition publishes it (editor37: 2024's 0,12 % of GDP was only in
    the table): « En 2024, le marché de la relation client externalisée pèse 3 560 M€, soit 0,12 % du PIB
    français. »
    '' otherwise, and for an older edition's figure (the weight of another year is not told as the sector's)."""
    gdp = ds.known("gdp_share", edition)
    if gdp is None or not gdp.published or gdp.from_older_edition:
        return ""
    year = formatting.period_text(gdp.period)
    market = ds.known("market_revenue", edition, period=gdp.period)
    if market is not None and market.published and not market.from_older_edition:  # the size first (editor39)
        return (f"En {year}, le marché de la relation client externalisée pèse {cite(market)}, soit "
                f"{cite(gdp)} du PIB français.")
    return f"En {year}, le marché de la relation client externalisée pèse {cite(gdp)} du PIB français."
