"""Chapter « Ce qu'il faut retenir »: each chapter's key figure and takeaway, and a dashboard.

Why not myst-nb's cross-document glue? In myst-nb 1.4.0, ``{glue:md}`` has no
``docpath::key`` form (it looks the key up in the current notebook only), and the
cross-document ``{glue}`doc::key``` is resolved by a Sphinx post-transform that
renders only ``text/plain`` (as code), ``text/html`` and images: a glued Markdown
object, which holds the ``{ref}`` links of the figures, pastes as
``<IPython.core.display.Markdown object>``. So the summaries are computed here by
each chapter's package function ``summary(ds, edition)`` in
``barometre.chapters.<chapter>``, returning a ``ChapterSummary`` (the chapters glue
nothing). Summaries depend on the data only (never on a chapter's scenario
parameters), so a chapter and this page always agree.
"""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd

from barometre import book, formatting
from barometre.charts import PALETTE, ChartOutput, bound_direction, chart_output, qualifier_nature
from barometre.data import Dataset, Figure
from barometre.narrative import ChapterSummary, md_escape, source_line
from barometre.narrative.templating import phrase
from barometre.paths import CHAPTERS_DIR

NOTES = "book/notes/synthesis.md.j2"  # the dashboard's description and note

CHAPTER = "synthesis"
# The chapters summarised, in the book's order (the registry's analysis chapters).
CHAPTERS = book.analysis_chapters()
# Units a percentage axis can show together.
PERCENT_UNITS = ("percent", "percent_change")


def chapter_summary(ds: Dataset, edition: int, name: str) -> ChapterSummary | None:
    """The chapter's own ``summary(ds, edition)``, or None when its module has none yet."""
    try:
        module = book.chapter(name).load()
    except (KeyError, ModuleNotFoundError):
        return None
    make = getattr(module, "summary", None)
    if make is None:
        return None
    return make(ds, edition)


def chapter_title(chapter: str) -> str:
    """The first heading of the chapter's notebook (its title in the book)."""
    path = CHAPTERS_DIR / f"{chapter}.ipynb"
    if path.is_file():
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        for cell in cells:
            if cell.get("cell_type") != "markdown":
                continue
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return chapter


def summary_rows(ds: Dataset, edition: int, chapters: tuple[str, ...] = CHAPTERS) -> list[tuple[str, ChapterSummary | None]]:
    return [(c, chapter_summary(ds, edition, c)) for c in chapters]


def summary_table(rows: list[tuple[str, ChapterSummary | None]]) -> str:
    """The synthesis table (MyST Markdown): chapter (linked), key figure, takeaway."""
    lines = ["| Chapitre | Chiffre clé | À retenir |", "| --- | --- | --- |"]
    for chapter, s in rows:
        link = f"{{doc}}`{chapter}`"
        if s is None:  # no edition up to this one publishes the chapter's key figure: no row, no filler
            continue
        key = f"{md_escape(s.key_label)} : {s.key_figure}"
        lines.append(f"| {link} | {_cell(key)} | {_cell(s.takeaway)} |")
    return "\n".join(lines)


def _cell(markdown: str) -> str:
    """Markdown made safe for one table cell: one line, no bare pipe."""
    # only ASCII whitespace is folded: the formatter's no-break spaces (« 1 536 € ») stay
    return re.sub(r"(?<!\\)\|", r"\\|", re.sub(r"[ \t\r\n\f\v]+", " ", markdown).strip())


def scope_text(scope: str) -> str:
    from barometre.labels import scope_label

    return scope_label(scope)


# --------------------------------------------------------------------------- dashboard


def _first_chapter(ds: Dataset, indicator: str) -> str:
    chapters = ds.indicators[indicator].chapters
    if isinstance(chapters, str):
        chapters = chapters.split(";")
    return str(chapters[0]).strip()


def dashboard_figures(ds: Dataset, edition: int, chapters: tuple[str, ...] = CHAPTERS) -> list[Figure]:
    """The edition's published percentage figures, each under the first chapter that uses it."""
    figs = []
    for chapter in chapters:
        for indicator in ds.indicators_for(chapter):
            if _first_chapter(ds, indicator) != chapter or ds.indicators[indicator].unit not in PERCENT_UNITS:
                continue
            figs.extend(f for f in ds.figures(edition, indicator) if f.published and not f.secondary)
    return figs


def _detail(fig: Figure, periods: int) -> str:
    """What tells two rows of one indicator apart: the scope unless it is the whole market
    (or the label already names it), and the period when the indicator's rows have several."""
    parts = []
    scope = scope_text(fig.scope)
    label_words = set(re.findall(r"\w+", fig.label.lower()))
    if fig.scope != "market" and not set(re.findall(r"\w+", scope.lower())) <= label_words:
        parts.append(scope)
    if periods > 1:
        parts.append(formatting.period_text(fig.period))
    return f" ({', '.join(parts)})" if parts else ""


def dashboard_table(ds: Dataset, edition: int, chapters: tuple[str, ...] = CHAPTERS) -> pd.DataFrame:
    """One row per percentage figure: chapter title, label, value (range bounds), formatted text."""
    figs = dashboard_figures(ds, edition, chapters)
    periods: dict[str, set[str]] = {}
    for fig in figs:
        periods.setdefault(fig.indicator, set()).add(fig.period)
    titles = {c: chapter_title(c) for c in chapters}
    rows = []
    for fig in figs:
        chapter = _first_chapter(ds, fig.indicator)
        low, high = fig.bounds
        rows.append(
            {
                "chapitre": titles[chapter],
                "ordre": chapters.index(chapter),
                "indicateur": fig.label + _detail(fig, len(periods[fig.indicator])),
                "périmètre": scope_text(fig.scope),
                "période": formatting.period_text(fig.period),
                "valeur": fig.central,
                "bas": low,
                "haut": high,
                "texte": formatting.figure_text(fig),
                "borne": bound_direction(fig.qualifier),
                "lecture": qualifier_nature(fig.qualifier),
                "nature": "Part" if fig.unit == "percent" else "Évolution ou écart",
                "panneau": PANELS["Part" if fig.unit == "percent" else "Évolution ou écart"],
                "source": fig.source_name,
            }
        )
    table = pd.DataFrame(rows)
    if table.empty:
        for column in ("flèche", "droite", "gauche", "à gauche"):
            table[column] = []
        return table
    lo = table.groupby("nature")["bas"].transform("min").clip(upper=0)
    hi = table.groupby("nature")["haut"].transform("max").clip(lower=0)
    reach = (hi - lo).where(hi > lo, 1)
    # a bound's arrow: from the bound, a share of its panel's range in the bound's direction
    table["flèche"] = table["valeur"] + table["borne"] * ARROW_SHARE * reach
    table["droite"] = table[["haut", "flèche"]].max(axis=1)
    table["gauche"] = table[["bas", "flèche"]].min(axis=1)
    # where a value's label goes: on the left of its mark when the mark is near the right edge
    lo, hi = lo.combine(table.groupby("nature")["gauche"].transform("min"), min), hi.combine(
        table.groupby("nature")["droite"].transform("max"), max)
    span = (hi - lo).where(hi > lo, 1)
    right_end, left_end, zero = (table["droite"] - lo) / span, (table["gauche"] - lo) / span, -lo / span
    left = right_end > RIGHT_HALF
    # a label never runs across its row's zero mark (« 6,6 % » on the left of its dot, « −1 % » on the right
    # of its own crossed it on a phone): it goes to the other side of its mark when there is room there
    width = table["texte"].map(label_share)
    across_left = left & (left_end > zero) & (left_end - width < zero)
    across_right = ~left & (right_end < zero) & (right_end + width > zero)
    left = (left & ~(across_left & (right_end + width <= 1))) | (across_right & (left_end - width >= 0))
    table["à gauche"] = left
    return table


def label_share(text: str) -> float:
    """A value's label on the web (11 px bold, 8 px off its mark), as a share of its panel's width (about)."""
    return (len(text) * LABEL_CHAR + 8 + 5) / PANEL_WIDTH


# One panel per quantity: a share of a total is never drawn on the axis of a change or a gap.
PANELS = {"Part": "Parts (en % d'un total)", "Évolution ou écart": "Évolutions et écarts (en %)"}
ROW_STEP = 54  # pixels per indicator: its label (one or two lines) on top, its value below
VALUE_OFFSET = 17  # pixels from the middle of the row down to the value's dot
PANEL_WIDTH = 250  # a panel, its labels and its values fit a 360 px screen
LABEL_LINE = 38  # characters: longer labels wrap on two lines
PRINT_ROW_STEP = 26  # per indicator in print (0,7 of it in pt, charts.PRINT_LAYOUT_RATIO): a label of one or two lines beside its dot
PRINT_LABEL_WIDTH = 190  # pt: the print label column
PRINT_LABEL_LINE = 48  # characters of a 7,5 pt label in that column
LABEL_CHAR = 7.2  # px: a character of an 11 px bold label (DejaVu Sans), about
RIGHT_HALF = 0.6  # a value beyond this share of its panel's range is labelled on the left of its dot
ARROW_SHARE = 0.1  # a bound's arrow, as a share of its panel's range
# Vega expression: split a long label at the last space before LABEL_LINE characters.
WRAP_LABEL = (
    f"length(datum.label) > {LABEL_LINE} ? "
    f"[slice(datum.label, 0, lastindexof(slice(datum.label, 0, {LABEL_LINE}), ' ')), "
    f"slice(datum.label, lastindexof(slice(datum.label, 0, {LABEL_LINE}), ' ') + 1)] : datum.label"
)
WRAP_PRINT_LABEL = WRAP_LABEL.replace(str(LABEL_LINE), str(PRINT_LABEL_LINE))


# the forms a value takes, as the legend draws them: a dot, a range's bar (a horizontal bar, as SVG path), a bound's
# open dot with its arrow (the arrowhead stands for it)
FORMS = {"valeur": "circle", "fourchette": "M-1,-0.35H1V0.35H-1Z", "borne": "triangle-right"}


def _dashboard(table: pd.DataFrame, *, printed: bool = False) -> alt.FacetChart:
    """The dashboard's panels. On the web each indicator's label sits above its dot (no label
    column), so a panel fits a phone; in print the labels make a column on the left of the dots,
    one row per indicator, so that the whole dashboard holds on one or two pages.

    A value is a dot, a range a bar from its low to its high end (no dot: its middle is not a
    published value), a bound an open mark with an arrow towards the side where the value lies."""
    # the table's order, whatever layer draws a row first (a bound is drawn by other layers than a value)
    order = list(dict.fromkeys(table["indicateur"]))
    if printed:
        step, offset, label_size = PRINT_ROW_STEP, 0, 7.5
        axis = alt.Axis(orient="left", labelLimit=PRINT_LABEL_WIDTH, labelFontSize=label_size, labelColor="#222",
                        labelExpr=WRAP_PRINT_LABEL, labelLineHeight=12, labelPadding=6,
                        domain=False, ticks=False, grid=False)
    else:
        step, offset, label_size = ROW_STEP, VALUE_OFFSET, 11
        axis = alt.Axis(orient="left", labelAlign="left", labelBaseline="bottom", labelPadding=0,
                        labelOffset=-4, labelLimit=PANEL_WIDTH, labelFontSize=label_size, labelColor="#222",
                        labelExpr=WRAP_LABEL, labelLineHeight=13,
                        domain=False, ticks=False, grid=False)
    y = alt.Y("indicateur:N", title=None, sort=order, axis=axis)
    tooltip = [alt.Tooltip("indicateur:N", title="Indicateur"), alt.Tooltip("chapitre:N", title="Chapitre"),
               alt.Tooltip("texte:N", title="Valeur"), alt.Tooltip("lecture:N", title="Nature"),
               alt.Tooltip("période:N", title="Période"), alt.Tooltip("source:N", title="Source")]
    x = alt.X("bas:Q", title=None, axis=alt.Axis(format="~s", labelExpr="datum.label + ' %'", tickCount=4,
                                                 labelOverlap=True))
    # zero marked on each value's line only: a rule the panel's height crossed the labels written above the values
    zero = alt.Chart().mark_tick(color="#b0b0b0", thickness=1, size=14, yOffset=offset).encode(
        y=y, x=alt.datum(0))
    # the legend's symbols are the marks a reader sees (printed46: a circle and a diamond, but the ranges drawn
    # as bars no symbol stood for): the nature by its colour (a square; the panel says it too), the form by its
    # mark (``FORMS``: a dot, a bar, an arrow), one shape a form whatever its nature
    colour = alt.Color("nature:N", title=None, scale=alt.Scale(domain=["Part", "Évolution ou écart"],
                                                              range=[PALETTE[0], PALETTE[3]]),
                       legend=alt.Legend(orient="bottom", symbolType="square"))
    present = {"valeur": ((table["borne"] == 0) & (table["bas"] == table["haut"])).any(),
               "fourchette": ((table["borne"] == 0) & (table["bas"] < table["haut"])).any(),
               "borne": (table["borne"] != 0).any()}
    forms = [f for f in FORMS if present[f]]  # the forms the chart draws, no other
    key = alt.Chart().transform_filter("false").mark_point(filled=True, color="#555", opacity=1).encode(
        y=y, x="valeur:Q",
        shape=alt.Shape("forme:N", title=None, scale=alt.Scale(domain=forms, range=[FORMS[f] for f in forms]),
                        legend=alt.Legend(orient="bottom", symbolFillColor="#555", symbolStrokeColor="#555",
                                          symbolOpacity=1)))
    size = 50 if printed else 70
    span = alt.Chart().transform_filter("datum.borne == 0 && datum.bas < datum.haut").mark_rule(
        strokeWidth=6, yOffset=offset).encode(y=y, x=x, x2="haut:Q", color=colour, tooltip=tooltip)
    dots = alt.Chart().transform_filter("datum.borne == 0 && datum.bas == datum.haut").mark_point(
        filled=True, size=size, yOffset=offset, opacity=1).encode(
        y=y, x="valeur:Q", tooltip=tooltip, color=colour)
    whisker = alt.Chart().transform_filter("datum.borne != 0").mark_rule(
        strokeWidth=2, yOffset=offset).encode(y=y, x="valeur:Q", x2="flèche:Q", color=colour, tooltip=tooltip)
    heads = [
        alt.Chart().transform_filter(f"datum.borne == {sign}").mark_point(
            shape=f"triangle-{side}", filled=True, size=size - 10, yOffset=offset, opacity=1).encode(
            y=y, x="flèche:Q", color=colour, tooltip=tooltip)
        for sign, side in ((1, "right"), (-1, "left"))
    ]
    open_dots = alt.Chart().transform_filter("datum.borne != 0").mark_point(
        filled=False, size=size, strokeWidth=2, yOffset=offset, opacity=1, fill="white").encode(
        y=y, x="valeur:Q", tooltip=tooltip, color=colour)
    labels_right = alt.Chart().transform_filter("!datum['à gauche']").mark_text(
        align="left", dx=8, yOffset=offset, fontSize=11, fontWeight="bold"
    ).encode(y=y, x="droite:Q", text="texte:N", tooltip=tooltip)
    labels_left = alt.Chart().transform_filter("datum['à gauche']").mark_text(
        align="right", dx=-8, yOffset=offset, fontSize=11, fontWeight="bold"
    ).encode(y=y, x="gauche:Q", text="texte:N", tooltip=tooltip)
    return (
        alt.layer(key, zero, span, dots, whisker, *heads, open_dots, labels_right, labels_left, data=table)
        .properties(width=PANEL_WIDTH, height=alt.Step(step))
        .facet(row=alt.Row("panneau:N", title=None, sort=list(PANELS.values()),
                           header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                             labelOrient="top", labelFontSize=14, labelFontWeight="bold",
                                             labelPadding=6)))
        .resolve_scale(y="independent", x="independent")
        .configure_facet(spacing=28)
        .configure_view(stroke=None)
    )


def dashboard_chart(table: pd.DataFrame, figs: list[Figure], edition: int) -> ChartOutput:
    """Small multiples: one panel per quantity (shares of a total; changes and gaps), each on its own scale
    shared by all its indicators, so that no axis puts a share beside a change (``_dashboard``)."""
    chart = _dashboard(table)
    parts = []
    for _, group in table.sort_values("ordre").groupby("ordre", sort=True):  # the description, by chapter
        records = group.to_dict("records")
        low = min(records, key=lambda r: r["bas"])
        high = max(records, key=lambda r: r["haut"])
        span = (
            f"{formatting.in_sentence(low['indicateur'])}, {low['texte']}" if low is high
            else (f"de {low['texte']} ({formatting.in_sentence(low['indicateur'], bracketed=True)}) "
                  f"à {high['texte']} ({formatting.in_sentence(high['indicateur'], bracketed=True)})")
        )
        count = len(records)
        parts.append(f"{group['chapitre'].iloc[0]} : {count} indicateur{'s' if count > 1 else ''}, {span}")
    return chart_output(
        chart,
        name="synthese-tableau-de-bord",
        title=f"Indicateurs de l'édition {edition}, en %",
        source=source_line(figs),
        description=phrase(NOTES, "dashboard_description", parts),
        data=table.drop(columns=["ordre", "à gauche", "flèche", "droite", "gauche"]),
        print_chart=_dashboard(table, printed=True),
        interactive_note=phrase(NOTES, "dashboard_note"),  # web only: print has no pointer
    )


def dashboard_intro(edition: int) -> str:
    """The words before the dashboard (``synthesis.md.j2``)."""
    return phrase(NOTES, "dashboard_intro", edition)


def no_dashboard(edition: int) -> str:
    """The sentence in place of the dashboard when the edition publishes no percentage."""
    return phrase(NOTES, "no_dashboard", edition)


def missing_key(edition: int, titles: list[str]) -> str:
    """« Aucune édition jusqu'à celle de 2005 ne publie le chiffre clé de ces chapitres : … » ('' without any)."""
    return phrase(NOTES, "missing_key", edition, [md_escape(t) for t in titles]) if titles else ""
