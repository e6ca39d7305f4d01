"""« La croissance du marché »: the growth table, its chart and its words, the edition's voices on it."""

from __future__ import annotations

import re
from collections.abc import Sequence
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
)
from barometre.data import Dataset, Figure, period_end
from barometre.narrative import (
    direction_forecast,
    forecast_word,
    growth_trend,
    source_line,
)
from barometre.narrative.templating import phrase, render
from barometre.typography import upper_first

CHAPTER = "resilience"
CHARTS = f"chapters/{CHAPTER}/charts.md.j2"  # the chart's title and description


def yearly_growths(ds: Dataset, edition: int) -> tuple[Figure, ...]:
    """The market's yearly growth as known in ``edition``, oldest first: the series' yearly periods, each the newest
    edition's row (the bars the growth chart draws as measured)."""
    series = ds.series("revenue_growth", scope="market", upto=edition)
    if series.empty:
        return ()
    years = [p for p in series["period"].astype(str) if p.isdigit() and len(p) == 4]
    return tuple(ds.figure("revenue_growth", edition, scope="market", period=p) for p in years)


def growth_table(ds: Dataset, edition: int, growths: Sequence[Figure] | None = None) -> tuple[pd.DataFrame, list[Figure]]:
    """Revenue growth for every year known in ``edition`` (``growths``, the facts' ``yearly_growths``), plus the
    forecasts of years no edition has published yet."""
    figs = list(growths if growths is not None else yearly_growths(ds, edition))
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
    table.attrs["breaks"] = history.Shared(breaks)  # the page explains them (``history.explain_breaks``)
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
    """The chart's title, chosen by the data: the last year's growth against the year before (``charts.md.j2``)."""
    done = table[~table["type"].isin(FORECAST_KINDS)] if not table.empty else table
    if done.empty:
        return phrase(CHARTS, "growth_title", None, False, None)
    last = done.iloc[-1]
    trend = None
    if last["croissance"] >= 0 and len(done) >= 2 and not last.get("rupture", ""):  # no trend across a break
        trend = growth_trend(last["croissance"], done.iloc[-2]["croissance"])
    return phrase(CHARTS, "growth_title", last["année"], last["croissance"] < 0, trend, done.iloc[0]["année"])


def growth_sentence(growth: Figure, previous: Figure | None, size: Figure | None = None) -> str:
    """« Le chiffre d'affaires des outsourceurs a progressé de 15 % en 2008, contre 13 % en 2007 : la croissance
    accélère. Le chiffre d'affaires du secteur s'établit à environ 1 840 M€. » (``growth.md.j2``). Every verb is chosen
    by the figures; ``size``, the market's revenue the same year when the edition gives it (editor38: the 2011
    story's 2 240 M€ was left to the table)."""
    return render("chapters/resilience/growth.md.j2", growth=growth, previous=previous,
                  trend=year_trend(growth, previous), size=size)


def year_trend(growth: Figure, previous: Figure | None) -> str | None:
    """« accélère », « ralentit » or « se maintient » when both growths are non-negative; None otherwise."""
    if previous is None or growth.central < 0 or previous.central < 0:
        return None
    return growth_trend(growth.central, previous.central)


@dataclass(frozen=True)
class GrowthVoices:
    """What the edition says of its own year's growth and of the next, told in the growth's paragraph: ``text``
    ('' when nothing), and ``quote_ids``, the quotes it tells (left out of the chapter's list of voices)."""

    text: str
    quote_ids: frozenset[str]


# « 2012 est une année de rupture »: the year and the word a speaker gives it
NAMED_YEAR = re.compile(r"\s*(\d{4}) est une année de (\w+)")


def other_words(ds: Dataset, q, named_words: dict[str, str]) -> str:
    """The same speaker's other words on the next year, after his first. When both name the year with a word (« 2012
    est une année de rupture », then « … de transition »), the second is told as his other word for it, in its
    publication (editors 40 to 43: « Il dit aussi » set the two side by side unreconciled): « Dans Mission Relation
    Client, il parle aussi d'« une année de transition » : « … ». » Else « Il dit aussi : « … ». »"""
    found = NAMED_YEAR.match(q.quote)
    src = ds.sources.get(q.source)
    outlet = getattr(src, "publication_outlet", "") if src is not None else ""
    named = None
    if found and found.group(1) in named_words and named_words[found.group(1)] != found.group(2) and outlet:
        # the rest of his words after the ones just quoted, not the whole quote again (editor44)
        rest = q.quote[found.end():].strip()
        named = {"outlet": outlet, "word": found.group(2), "year": found.group(1),
                 "rest": narrative.quote(replace(q, quote=rest), attribution=False) if rest.strip(" .") else ""}
    return phrase(f"chapters/{CHAPTER}/_phrases.md.j2", "other_words", named,
                  "" if named else narrative.quote(q, attribution=False))


def growth_voices(ds: Dataset, edition: int, growth: Figure | None,
                  outlook: lead.Outlook | None = None) -> GrowthVoices:
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
    view = outlook if outlook is not None else lead.outlook(ds, edition)
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


@dataclass(frozen=True)
class JobCut:
    """One year's jobs cut in France, with the barometer's change of staff in France that year (only beside a count
    a speaker gives) and the sites closed that year, when published."""

    figure: Figure
    staff: Figure | None
    sites: Figure | None


def job_cuts(ds: Dataset, edition: int) -> tuple[JobCut, ...]:
    """The jobs cut in France, year by year, that the editions up to ``edition`` publish (the sector's contraction
    of 2012-2013); () when none is published."""
    cut = lead.series(ds, "jobs_destroyed", "france", edition)
    sites = ds.known("sites_closed", edition)
    sites = sites if sites is not None and sites.published and sites.period in {f.period for f in cut} else None
    cuts = []
    for fig in cut:
        staff = ds.known("staff_growth", edition, scope="france", period=fig.period)
        shown = (staff is not None and staff.published and fig.source_type == "interview"
                 and staff.source_type != "interview")
        cuts.append(JobCut(fig, staff if shown else None,
                           sites if sites is not None and sites.period == fig.period else None))
    return tuple(cuts)


def contraction_of(cuts: tuple[JobCut, ...]) -> str:
    """The contraction's sentence (``contraction.md.j2``): « En 2012, Laurent Uberti a chiffré à 4 000 les emplois
    supprimés en France, où le baromètre a mesuré un recul des effectifs de 7 % ; en 2013, selon le baromètre,
    4 000 emplois de plus ont disparu et environ 10 sites ont fermé. » '' without any cut."""
    return upper_first(render("chapters/resilience/contraction.md.j2", cuts=cuts)) if cuts else ""


def contraction_sentence(ds: Dataset, edition: int) -> str:
    """The jobs cut that the editions up to ``edition`` publish, told (``contraction_of(job_cuts(ds, edition))``);
    '' when none is published."""
    return contraction_of(job_cuts(ds, edition))


GROWTH_OUTER_PADDING = 0.2  # of a band: the outer bars stand off the plot's ends (0,6 pressed the years together at 360 px)


GROWTH_AXIS_OFFSET = 9  # px between the plot and the y axis: room for half a value wider than its bar


GROWTH_YEAR_SIZE = 11  # px: eight years side by side on a phone keep a gap between them


GROWTH_KINDS = {"Réalisé (baromètre)": PALETTE[0], "Prévision": PALETTE[1], "Estimation": PALETTE[2]}


FORECAST_KINDS = ("Prévision", "Estimation")  # bars of a figure not yet measured (``narrative.forecast_word``)


KIND_WORDS = {"Prévision": "prévisions", "Estimation": "estimations faites en cours d'année"}  # as charts.md.j2 says


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
    forecasts = table[table["type"].isin(FORECAST_KINDS)]
    drawn = [k for k in FORECAST_KINDS if k in set(forecasts["type"])]
    across = len(table) >= GROWTH_ACROSS_FROM
    return chart_output(
        _growth_across(table, kinds, breaks) if across else
        alt.layer(bars, whisker, *heads, labels, qualifiers).properties(height=260),
        name="resilience-croissance",
        title=growth_title(table),
        source=source_line(figs),
        description=phrase(CHARTS, "growth_description", across,
                           list(zip(table["année"], table["texte"], strict=True)), drawn,
                           bool((forecasts["borne"] != 0).any()), bool((forecasts["début"] != 0).any()),
                           list(breaks["année"])),
        data=table,
    )
