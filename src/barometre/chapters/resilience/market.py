"""The outsourced share of the market and the sector's events (market openings, public services)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from barometre import formatting
from barometre.charts import (
    PALETTE,
    ChartOutput,
    bound_direction,
    chart_output,
)
from barometre.data import Dataset, Figure
from barometre.narrative import (
    source_line,
)
from barometre.narrative.templating import phrase

CHARTS = "chapters/resilience/charts.md.j2"  # the charts' titles and descriptions
SECTOR_EVENT_KINDS = ("market_opening", "public_service_outsourcing")


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
        title=phrase(CHARTS, "share_title", share),
        source=source_line([share]),
        description=phrase(CHARTS, "share_description", share, complement_text(share), side),
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
    return chart_output(
        chart,
        print_chart=_sectors_print_chart(table),
        name="resilience-secteurs",
        title="Secteurs nouvellement ouverts à l'externalisation, cités par l'édition",
        source=source,
        description=phrase(CHARTS, "sectors_description", list(table.itertuples())),
        data=table,
    )


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
