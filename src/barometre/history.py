"""Indicators across editions: the series a chapter draws by year, whatever indicators the data hold.

A new indicator needs no code: listed in ``data/indicators.csv`` with its chapter, it is
validated, listed in the annex, and drawn here, one panel per indicator and scope (one
quantity per axis), as soon as the editions up to the book's edition publish at least
two periods of it.
"""

from __future__ import annotations

import math

import pandas as pd
from altair.utils.data import to_values

from barometre import formatting, narrative
from barometre.charts import (
    LINE_RUN,
    NO_LINE,
    PALETTE,
    PRINT_COLUMNS,
    PRINT_PANEL_HEIGHT,
    PRINT_WIDTH,
    PRINT_Y_AXIS,
    ChartOutput,
    SpecChart,
    bound_direction,
    chart_output,
    qualifier_nature,
    wrap_title,
)
from barometre.charts.panel_labels import (  # the print labels of a panel, placed where the PDF draws them
    ARROW_HEAD,
    BREAK_LABEL_BOX,
    _label_places,
    arrow_ends,
    label_layers,
)
from barometre.charts.print_periods import YEAR_LABEL_ROOM, YEAR_STEPS  # noqa: F401 - re-exported
from barometre.charts.print_periods import year_ticks as _year_ticks
from barometre.data import Dataset, Figure, SeriesBreak, period_end, period_key
from barometre.labels import scope_label, with_scope
from barometre.narrative import md_escape, source_line
from barometre.narrative.templating import phrase
from barometre.typography import bind_numbers

BREAKS = "book/notes/breaks.md.j2"  # the breaks' words and the history chart's description

YEARLY = r"^\d{4}$"
UNIT_SUFFIX = {"percent": "\u00a0%", "percent_change": "\u00a0%", "percentage_points": "\u00a0pt",
               "eur_per_month_gross": "\u00a0€", "eur_per_month_net": "\u00a0€", "eur_million": "\u00a0M€"}
PANEL_LINE = 40  # characters of a 12 px panel title on one line
PANEL_WIDTH = 205  # pixels: a panel with its axis labels and padding fits a 360 px screen (measured: +135 px)
# the unit of a panel whose axis labels do not carry one (« 3,6 » years, « 55 000 » jobs): in its title
UNIT_WORDS = {"years": "en années", "weeks": "en semaines", "jobs": "en emplois", "people": "en personnes",
              "companies": "en entreprises", "trainings": "en formations", "count": "en nombre"}
NO_ZERO_UNITS = ("year",)  # a calendar year's axis does not start at zero; every other axis does
BREAK_LABEL = "rupture"  # the short label of the rule that marks a break in a series
BREAK_COLOUR = "#6b6b6b"
RULE_YEAR = "_rupture"  # a panel row's field: the year its break's rule is drawn at (``rule_years``)




class Shared(tuple):
    """What a table carries in ``DataFrame.attrs`` (its series' breaks): immutable, so shared, not copied.
    pandas deep-copies ``attrs`` at every operation on the table; the breaks hold figures, and copying them
    cost the résilience chapter most of a second a run (issue 26, measured with cProfile)."""

    __slots__ = ()

    def __deepcopy__(self, memo) -> Shared:
        return self

def yearly_history(ds: Dataset, indicators: list[str], edition: int, *, min_periods: int = 2) -> pd.DataFrame:
    """One row per (indicator, scope, year) as known in ``edition``: yearly periods only, for the
    series that have at least ``min_periods`` years."""
    rows = []
    for indicator in indicators:
        scopes = sorted({k[0] for k in ds._resolved(indicator, edition)})
        for scope in scopes:
            series = ds.series(indicator, scope=scope, upto=edition)
            if series.empty:
                continue
            series = series[series["period"].astype(str).str.match(YEARLY)]
            if len(series) < min_periods:
                continue
            figs = [ds.figure(indicator, edition, scope=scope, period=p) for p in series["period"]]
            breaks = ds.series_breaks(figs)
            for fig in figs:
                starts = next((b for b in breaks if b.after == fig.period), None)
                rows.append({
                    "indicateur": fig.label,
                    "périmètre": scope_label(scope),
                    "panneau": with_scope(fig.label, scope),
                    "année": int(period_end(fig.period)),
                    "valeur": float(fig.central),
                    "bas": float(fig.bounds[0]),
                    "haut": float(fig.bounds[1]),
                    "borne": bound_direction(fig.qualifier),
                    "lecture": qualifier_nature(fig.qualifier),
                    "texte": formatting.figure_text(fig),
                    "édition": int(fig.edition),
                    "unité": fig.unit,
                    # the series' part (a new one after each break) and, on a new part's first year, its label
                    "segment": sum(period_key(b.after) <= period_key(fig.period) for b in breaks),
                    "rupture": BREAK_LABEL if starts is not None else "",
                    "_figure": fig,
                    "_break": starts,
                })
    return pd.DataFrame(rows)


def panel_title(panel: str, unit: str) -> str:
    """A panel's title with its unit when its axis labels carry none: « Âge moyen, en années », « Effectifs du
    secteur (France), en personnes »; a count named as such (« Nombre de répondants », « Emplois créés ») needs
    no unit."""
    words = UNIT_WORDS.get(unit)
    start = panel.lower()
    named = (start.startswith("nombre") and unit not in ("years", "weeks")) or (unit == "jobs" and start.startswith("emplois"))
    if words is None or named:
        return panel
    return f"{panel}, {words}"


def joined_runs(rows: pd.DataFrame, *, year: str = "année", segment: str = "segment", low: str = "bas",
                high: str = "haut", bound: str = "borne") -> list[int]:
    """For rows in year order, the run of the connecting line each row belongs to, or ``NO_LINE``: the
    line joins point values of consecutive years of one series (``charts.line_runs`` for ranges and
    bounds), and starts again after a missing year or at a break in the series (a new ``segment``).
    A line across a missing year states values nobody published; across a break, a change that is
    only a change of definition."""
    runs, run, previous = [], 0, None
    segments = rows[segment] if segment in rows.columns else pd.Series(0, index=rows.index)
    for y, seg, lo, hi, b in zip(rows[year], segments, rows[low], rows[high], rows[bound], strict=True):
        point = b == 0 and lo == hi
        joined = previous is not None and previous == (True, int(y) - 1, seg)
        if point and not joined:
            run += 1
        runs.append(run if point else NO_LINE)
        previous = (point, int(y), seg)
    return runs


def _break_key(brk: SeriesBreak) -> int:
    """The year a break is declared for: its edition (``data/breaks.csv``), else the new study's first edition, else
    the new series' first year."""
    if brk.edition is not None:
        return int(brk.edition)
    if brk.study_after is not None and brk.study_after.first_edition is not None:
        return int(brk.study_after.first_edition)
    return brk.year


def rule_years(table: pd.DataFrame) -> pd.Series:
    """The year at which each break's rule is drawn, on the row where the new series starts (None elsewhere): one
    year for every panel of the chart that one break separates alike. A break lies between a series' last year
    before it and its first year after it, which differ from panel to panel (a missing year, a series restated a
    year back); the rule of a panel at its own first year after the break put the 2007 edition's break at 2006,
    2007, 2008, 2009, 2010 and 2011 in the six panels of one figure (issue 27, print editor, 2024 book p. 19).
    Each break is drawn at the year that lies between the two sides in most of the panels, its declared year
    when it does; a panel where that year is on the wrong side of its own values draws it at the nearest year
    that is not."""
    out = pd.Series([None] * len(table), index=table.index, dtype=object)
    if table.empty or "_break" not in table.columns:
        return out
    spans: dict[int, list[tuple[int, int]]] = {}
    starts = [(i, b) for i, b in table["_break"].items() if b is not None and not (isinstance(b, float) and math.isnan(b))]
    for _, brk in starts:
        spans.setdefault(_break_key(brk), []).append((int(period_end(brk.before)), brk.year))
    chosen = {}
    for key, sides in spans.items():
        candidates = range(min(lo for lo, _ in sides) + 1, max(hi for _, hi in sides) + 1)
        chosen[key] = max(candidates, key=lambda y: (sum(lo < y <= hi for lo, hi in sides), -abs(y - key), -y))
    for i, brk in starts:
        lo, hi = int(period_end(brk.before)), brk.year
        year = chosen[_break_key(brk)]
        out[i] = year if lo < year <= hi else min(max(_break_key(brk), lo + 1), hi)
    return out


def breaks_of(table: pd.DataFrame) -> list[SeriesBreak]:
    """The breaks a history table marks, in the order of its rows (each once)."""
    if table.empty or "_break" not in table.columns:
        return []
    return [b for b in table["_break"] if b is not None and not (isinstance(b, float) and math.isnan(b))]


def break_note(ds: Dataset, breaks: list[SeriesBreak], page: narrative.Page | None = None) -> str:
    """The words that explain the breaks a page's charts mark, each once a ``page`` (``Page.first_time``; without
    a page, each once in these words):
    an explicit break (``data/breaks.csv``) its series, its year and its reason; a change of study names
    both studies and their editions (once, with the explicit break of the same year when there is one).
    '' when there is nothing new to explain."""
    first_time = (page or narrative.Page()).first_time
    sentences = []
    for brk in breaks:
        studies = ""
        if brk.change_of_study:
            a, b = brk.study_before, brk.study_after
            if first_time(("study", a.study, b.study)):
                studies = phrase(BREAKS, "studies", a.last_edition, study_name(a), b.first_edition, study_name(b))
        if brk.reason:
            indicator, scope = brk.pattern
            if not first_time(("explicit", indicator, scope, brk.edition)) and not studies:
                continue
            reason = md_escape(bind_numbers(brk.reason.rstrip(".")))
            at = _break_when(ds, brk.edition)
            if indicator == "*" and scope == "*":
                kind, named = "all", ""
            elif indicator == "*":
                kind, named = "scope", md_escape(scope_label(scope))
            else:
                label = ds.indicators[indicator].label_fr if indicator in ds.indicators else indicator
                kind, named = "series", md_escape(label if scope in ("market", "*") else with_scope(label, scope))
            text = phrase(BREAKS, "explicit", kind, at, named, reason, studies, False)
            if sentences and sentences[-1].split()[:3] == text.split()[:3]:
                text = phrase(BREAKS, "explicit", kind, at, named, reason, studies, True)  # not opening alike
            sentences.append(text)
        elif studies:
            sentences.append(phrase(BREAKS, "study_change", studies))
    if not sentences:
        return ""
    if first_time("break-marks"):
        sentences.append(phrase(BREAKS, "marks", BREAK_LABEL))
    return " ".join(sentences)


def _break_when(ds: Dataset, edition: int) -> str:
    """« à l'édition 2016 » for an edition of the book; « en 2018, entre les éditions 2017 et 2019 » for a
    break declared in a year the book has no edition of (the SP2C widened its panel in 2018)."""
    if edition in ds.editions:
        return phrase(BREAKS, "when", edition, True, None, None)
    before = [e for e in ds.editions if e < edition]
    after = [e for e in ds.editions if e > edition]
    if before and after:
        return phrase(BREAKS, "when", edition, False, before[-1], after[0])
    return phrase(BREAKS, "when", edition, False, None, None)


def explain_breaks(ds: Dataset, *tables: pd.DataFrame, page: narrative.Page | None = None) -> str:
    """``break_note`` for the breaks the history tables mark (``yearly_history``, or a table whose
    ``attrs["breaks"]`` lists them), each explained once on ``page``."""
    breaks = []
    for table in tables:
        breaks += list(table.attrs.get("breaks", [])) + breaks_of(table)
    return break_note(ds, breaks, page)


def study_name(study) -> str:
    """« l'étude de BearingPoint pour le SP2C », « l'étude d'EY pour le SP2C » (titles are in the annex)."""
    return f"l'étude {narrative.of(md_escape(study.firm))} pour le {md_escape(study.commissioner)}"


def figures_of(table: pd.DataFrame) -> list[Figure]:
    return list(table["_figure"]) if not table.empty else []


def print_plot_size(data: pd.DataFrame, panels: int) -> tuple[float, float]:
    """The plot area of a panel as the PDF prints it (``charts.print_spec_of``): two columns of
    panels 80 pt high from three panels on, one panel across the text width below that; the
    y axis and the gap between columns come off the width (measured within 4 pt: the print
    spec's width is fitted once drawn)."""
    if panels > 2:
        return (PRINT_WIDTH - 18) / PRINT_COLUMNS - PRINT_Y_AXIS, PRINT_PANEL_HEIGHT
    return PRINT_WIDTH - PRINT_Y_AXIS, 110


def year_ticks(years: list[int], width: float = PANEL_WIDTH) -> list[int]:
    """The years a panel's axis labels (``charts.print_periods.year_ticks``)."""
    return _year_ticks(years, width)


def history_chart(table: pd.DataFrame, *, name: str, title: str, edition: int) -> ChartOutput:
    """Small multiples: one panel per indicator and scope, years on x, each with its own y scale
    (one quantity per axis), the value as the text writes it in the tooltip and, in print, beside
    each point."""
    data = table.drop(columns=[c for c in ("_figure", "_break") if c in table.columns])
    rules = rule_years(table)  # where each break's rule is drawn: one year a break, for all the panels
    panels = list(dict.fromkeys(table["panneau"]))
    # every year from the first to the last has its place on the axis, published or not: a missing year
    # leaves its gap (2008, 2009 and 2011 are not evenly spaced)
    years = list(range(int(data["année"].min()), int(data["année"].max()) + 1))
    size = print_plot_size(data, len(panels))
    # The panels are written as Vega-Lite dicts (charts.SpecChart): built with Altair (a layer chart per
    # panel, then a concatenation), Altair's deep copies took two seconds for a chapter's seventeen
    # panels, in every build. When this was written, the dicts equalled Altair's spec to the byte, its
    # datasets inlined, for every panel chart of every edition (web, print); the tests validate them
    # against the Vega-Lite schema (test_every_edition.py) and check their marks (test_yearly.py).
    panel_specs = []
    for i, panel in enumerate(panels):
        rows = data[data["panneau"] == panel].sort_values("année", kind="stable")
        rows = rows.assign(**{RULE_YEAR: rules[rows.index]})
        unit = rows["unité"].iloc[0]
        # shares, counts and amounts from zero: 12 → 11 respondents is not a cliff; a signed change shows its zero
        zero = unit not in NO_ZERO_UNITS
        rows = rows.assign(_place=_label_places(rows, years, size, zero=zero))
        suffix = UNIT_SUFFIX.get(unit, "")
        # whole figures (a number of companies, 11 and 12) get whole ticks: no « 11,4 » that no figure can be
        figures = pd.concat([rows["valeur"], rows["bas"], rows["haut"]])
        y_axis: dict = {"tickCount": 4}
        if all(float(v).is_integer() for v in figures):
            y_axis["format"] = ",d"  # thousands grouped as the text groups them (« 2 200 »), no decimals
            # the zero an axis starts from counts at either end (editor42: −19 and −18 % ticked alone on a
            # −19…0 axis, their labels on top of each other at its foot)
            low = min(int(figures.min()), 0) if zero else int(figures.min())
            high = max(int(figures.max()), 0) if zero else int(figures.max())
            if high - low < 4:  # Vega would tick every half unit: each whole number instead
                y_axis["values"] = list(range(low, high + 1))
        if suffix:
            y_axis["labelExpr"] = f"datum.label + '{suffix}'"
        # a year's label centred under its point (the web's flush first label sat right of its tick)
        x = {"field": "année", "type": "ordinal", "title": None, "scale": {"domain": years},
             "axis": {"labelAngle": 0, "labelOverlap": True, "labelFlush": False, "values": year_ticks(years)}}
        y = {"field": "valeur", "type": "quantitative", "title": None, "scale": {"zero": zero}, "axis": y_axis}
        # a bound's arrow: a share of the panel's range, up for « plus de », down for « moins de »
        rows = rows.assign(flèche=arrow_ends(rows), **{LINE_RUN: joined_runs(rows)})
        late = years[0] + (len(years) * 2) // 3  # a break label from this year on goes left of its rule
        # two breaks a few years apart: one label (the words are the same), each its rule
        gap = math.ceil(BREAK_LABEL_BOX[0] * 1.2 / (PANEL_WIDTH / len(years)))
        labelled: list[int] = []
        for year in sorted(int(y) for y in rows.loc[rows["rupture"] != "", RULE_YEAR]):
            if not labelled or year - labelled[-1] >= gap:
                labelled.append(year)
        encoding = {
            "x": x, "y": y,
            "tooltip": [{"field": "panneau", "type": "nominal", "title": "Indicateur"},
                        {"field": "année", "type": "ordinal", "title": "Année"},
                        {"field": "texte", "type": "nominal", "title": "Valeur"},
                        {"field": "lecture", "type": "nominal", "title": "Nature"},
                        {"field": "édition", "type": "ordinal", "title": "Édition"}],
        }

        def layer(mark: dict, where: str | dict, shared: dict = encoding, **channels) -> dict:
            return {"mark": mark, "encoding": {**shared, **channels}, "transform": [{"filter": where}]}

        def at_rule(spec: dict) -> dict:
            """A break's layer drawn at its rule's year: the row's year replaced by it, so that the layer shares the
            panel's x field and scale (an x of its own field drew the rule in Vega-Lite 6, not in JupyterLab's 5)."""
            spec["transform"].append({"calculate": f"datum['{RULE_YEAR}']", "as": "année"})
            return spec

        solid = {"color": PALETTE[0]}
        layers = [
            # the line joins point values only and stops at a range or a bound (charts.line_runs)
            layer({"type": "line", **solid}, f"datum['{LINE_RUN}'] != {NO_LINE}",
                  detail={"field": LINE_RUN, "type": "nominal"}),
            # a published value: a dot; a range: a bar from its low to its high end, no dot
            layer({"type": "point", **solid, "filled": True}, "datum.borne == 0 && datum.bas == datum.haut"),
            layer({"type": "rule", **solid, "strokeWidth": 5}, "datum.bas < datum.haut",
                  y={"field": "bas", "type": "quantitative"}, y2={"field": "haut"}),
            # a bound: an open dot with an arrow towards the side the value lies on
            layer({"type": "rule", **solid, "strokeWidth": 2}, "datum.borne != 0", y2={"field": "flèche"}),
            *[layer({"type": "point", "shape": f"triangle-{side}", "filled": True, "size": ARROW_HEAD, **solid,
                           "opacity": 1},
                    f"datum.borne == {sign}", y={"field": "flèche", "type": "quantitative"})
              for sign, side in ((1, "up"), (-1, "down"))],
            layer({"type": "point", **solid, "filled": False, "fill": "white", "strokeWidth": 2, "opacity": 1},
                  "datum.borne != 0"),
            # a break in the series: a dashed rule through the plot at the new series' first year, labelled
            *([at_rule(layer({"type": "rule", "color": BREAK_COLOUR, "strokeDash": [4, 3], "strokeWidth": 1},
                             "datum.rupture != ''", shared={"x": x})),
               # its label on the side with room: right of the rule, left of it in the last third of the years
               # at the foot of the rule, on the zero line (the axis starts there): arrows point away from it
               *[at_rule(layer({"type": "text", "align": align, "baseline": "bottom", "dx": dx, "dy": -2,
                                "fontSize": 10, "color": BREAK_COLOUR},
                               f"indexof({labelled}, datum.{RULE_YEAR}) >= 0 && datum.{RULE_YEAR} {side} {late}",
                               shared={"x": x},
                               y={"datum": 0, "type": "quantitative"}, text={"field": "rupture"}))
                 for align, dx, side in (("left", 3, "<"), ("right", -3, ">="))]]
              if (rows["rupture"] != "").any() else []),
            # print only: each value written at its place, with x, y and text only (charts.value_label_layers)
            *label_layers(rows["_place"], x, y, f"_{i}" if len(panels) > 1 else ""),
        ]
        # a year where a rule is drawn, else null: JSON has no NaN, and a browser refused the page's specs
        # (« "_rupture": NaN … is not valid JSON », test_browser) when pandas turned the empty rows' None into NaN
        rows = rows.assign(**{RULE_YEAR: [None if pd.isna(v) else int(v) for v in rows[RULE_YEAR]]})
        panel_specs.append({
            "data": to_values(rows),
            "layer": layers,
            "width": PANEL_WIDTH, "height": 110,
            "title": {"text": wrap_title(panel_title(panel, unit), PANEL_LINE),
                      "fontSize": 12, "fontWeight": "normal"},
        })
    # one column of panels, each with its own title (wrapped, never cut) and its own scale
    top = {}
    if all(p["data"] == panel_specs[0]["data"] for p in panel_specs):  # one dataset: at the top, as Altair does
        top["data"] = panel_specs[0]["data"]
        for p in panel_specs:
            del p["data"]
    chart = SpecChart.of(**top, vconcat=panel_specs, spacing=22)
    description = phrase(BREAKS, "history_description", years[0], years[-1], edition,
                         [(p, [(r["année"], r["texte"]) for _, r in data[data["panneau"] == p].iterrows()])
                          for p in panels],
                         [(rules[i], r["panneau"]) for i, r in data[data["rupture"] != ""].iterrows()])
    return chart_output(
        chart,
        name=name,
        title=title,
        source=source_line(figures_of(table)),
        description=description,
        data=data,
    )


def trend(ds: Dataset, indicator: str, edition: int, *, scope: str = "market") -> tuple[Figure, Figure | None] | None:
    """The latest figure of ``indicator`` known in ``edition`` and the one of the period before it (same
    kind of period), or None when nothing is known. Shared by the chapters."""
    latest = ds.known(indicator, edition, scope=scope)
    if latest is None:
        return None
    series = ds.series(indicator, scope=scope, upto=edition)
    same_kind = [p for p in series["period"]
                 if len(str(p)) == len(latest.period) and period_key(p) < period_key(latest.period)]
    previous = ds.known(indicator, edition, scope=scope, period=same_kind[-1]) if same_kind else None
    if previous is not None and ds.break_between(previous, latest) is not None:
        previous = None  # two periods across a break are not compared (``Dataset.break_between``)
    return latest, previous
