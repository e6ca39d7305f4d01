"""The print form of a column of yearly small multiples by period: its panels grouped by the years their data cover,
each group's years' axis cut at its data (``charts.printing.print_parts_of``)."""

from __future__ import annotations

import json
import math
import re

YEAR_LABEL_ROOM = 34  # px a year's label needs on a panel's axis, its gap included (« 2003 » at 10 to 11 px)
YEAR_STEPS = (1, 2, 4, 5, 10)  # the round steps between labelled years


def year_ticks(years: list[int], width: float = 205) -> list[int]:
    """The years a panel's axis labels: every year when they fit, else every 2nd, 4th, 5th or 10th year on its round
    multiples (printmaker printed41: « 20032005200720092011… » ran together on a 2003–2025 panel in print). Every
    year keeps its place on the axis (the scale's domain); only the labels thin out. ``width``: the panel's, in px
    (``history.PANEL_WIDTH``)."""
    room = max(2, int(width // YEAR_LABEL_ROOM))
    step = next((s for s in YEAR_STEPS if math.ceil(len(years) / s) <= room), YEAR_STEPS[-1])
    ticks = [y for y in years if y % step == 0] if step > 1 else list(years)
    return ticks if len(ticks) >= 2 else [years[0], years[-1]]


def _yearly_x(panel: dict) -> list[dict]:
    """The x channels of a yearly panel (``history.history_chart``) that set the years' axis: a point scale over
    every year from the first to the last."""
    found = []
    for layer in panel.get("layer", []) if isinstance(panel, dict) else []:
        x = layer.get("encoding", {}).get("x") if isinstance(layer, dict) else None
        domain = x.get("scale", {}).get("domain") if isinstance(x, dict) else None
        if isinstance(domain, list) and domain and all(isinstance(y, int) for y in domain):
            found.append(x)
    return found


def _panel_rows(spec: dict, panel: dict) -> list[dict]:
    return (panel.get("data") or {}).get("values") or (spec.get("data") or {}).get("values") or []


def _data_years(spec: dict, panel: dict) -> tuple[int, int] | None:
    years = [int(r["année"]) for r in _panel_rows(spec, panel) if isinstance(r.get("année"), int | float)]
    return (min(years), max(years)) if years and _yearly_x(panel) else None


PERIOD_GAP = 5  # years: panels whose data end this long before the others' (or a third of the span) print apart


def period_groups(spec: dict) -> list[list[int]]:
    """The panels of a column of yearly small multiples in groups of one period (indices, in order of their first
    panel): a panel whose data stop long before the others' (2003–2008 in a figure running to 2025) printed on
    the others' axis was half empty (issue 27, print editor, 2024 book: figures 3, 10 and 29). One group when the
    panels end within ``PERIOD_GAP`` years (or a third of their span) of each other, or are not yearly."""
    panels = spec.get("vconcat")
    if not isinstance(panels, list) or len(panels) < 2:
        return [list(range(len(panels)))] if isinstance(panels, list) else []
    extents = [_data_years(spec, p) for p in panels]
    if any(e is None for e in extents):
        return [list(range(len(panels)))]
    span = max(e[1] for e in extents) - min(e[0] for e in extents)
    gap = max(PERIOD_GAP, span // 3)
    heads: list[int] = []  # each group's last year, latest first
    for end in sorted({e[1] for e in extents}, reverse=True):
        if not heads or end < heads[-1] - gap:
            heads.append(end)
    group_of = [max(h for h in heads if e[1] <= h and e[1] >= h - gap) for e in extents]
    groups = [[i for i in range(len(panels)) if group_of[i] == h] for h in heads]
    return sorted(groups, key=lambda g: g[0])


def _cut_to_data(spec: dict) -> dict:
    """A column of yearly panels whose years' axis runs from the first to the last year of its panels' data, not
    of the whole figure's (the other panels printed in another group, ``period_groups``)."""
    panels = spec.get("vconcat")
    if not isinstance(panels, list):
        return spec
    extents = [_data_years(spec, p) for p in panels]
    if not extents or any(e is None for e in extents):
        return spec
    years = list(range(min(e[0] for e in extents), max(e[1] for e in extents) + 1))
    if all(x["scale"]["domain"] == years for p in panels for x in _yearly_x(p)):
        return spec
    panels = json.loads(json.dumps(panels))
    late = years[0] + (len(years) * 2) // 3  # a break's label goes left of its rule from here on (as history_chart)
    for panel in panels:
        for x in _yearly_x(panel):
            x["scale"] = {**x["scale"], "domain": years}
            if isinstance(x.get("axis"), dict) and "values" in x["axis"]:
                x["axis"] = {**x["axis"], "values": year_ticks(years)}
        for layer in panel.get("layer", []):  # the break labels' side, from the cut axis (``panel_labels`` places
            if layer.get("encoding", {}).get("text", {}).get("field") == "rupture":  # the values by it)
                for step in layer.get("transform", []):
                    if isinstance(step.get("filter"), str):
                        step["filter"] = re.sub(r"(<|>=) \d{4}$", lambda m: f"{m.group(1)} {late}", step["filter"])
    return {**spec, "vconcat": panels}
