"""The printed values of a yearly panel (``history.history_chart``): where each label goes around its point,
clear of the line, the other points, a bound's arrow, a range's bar and a break's rule. Placed when the
chapter builds the chart (on a predicted plot) and again when the PDF draws it (on the plot as drawn,
``place_printed_labels``, called by ``charts.printing``)."""

from __future__ import annotations

import json
import math
import re

import pandas as pd
import vl_convert as vlc

from barometre.charts.theme import LOCALE, PRINT_ONLY
from barometre.charts.value_labels import (
    CROWDED_PLACES,
    PLACES,
    PRINT_LABEL_SIZE,
    _nice_domain,
    place_value_labels,
)

ARROW_SHARE = 0.15  # a bound's arrow, as a share of its panel's range
ARROW_HEAD = 50  # the area of a bound's arrowhead (a Vega triangle), in square points
# a label keeps this far from an arrowhead, beyond the head's own half-width: the panel's printed
# geometry is predicted within a few points (``print_plot_size``)
ARROW_HEAD_CLEARANCE = 2.5  # pt

RULE_CLEARANCE = 1.5  # pt each side of a break's rule that a label keeps clear of
BREAK_LABEL_BOX = (44, 12)  # pt: the room the label takes beside its rule, above the zero line of a printed panel

def arrow_ends(rows: pd.DataFrame) -> pd.Series:
    """Where each bound's arrow ends: a share of the panel's range (``ARROW_SHARE``) up for « plus
    de », down for « moins de »; a value that is no bound ends where it is."""
    reach = max(float(rows["haut"].max()) - float(rows["bas"].min()), abs(float(rows["valeur"].max())), 1.0)
    return rows["valeur"] + rows["borne"] * ARROW_SHARE * reach


def _label_places(rows: pd.DataFrame, years: list[int], size: tuple[float, float], *, zero: bool = False) -> list[str]:
    """Where each value's label goes in print, from the panel's printed geometry: the years on a
    point scale (half a step of padding each side), the values on the domain Vega draws (which
    takes in the ranges' ends and the bounds' arrows). A bound's arrow and a range's bar are
    kept clear of every label, as the line is."""
    width, height = size
    ends = arrow_ends(rows)
    drawn = pd.concat([rows["valeur"], rows["bas"], rows["haut"], ends] + ([pd.Series([0.0])] if zero else []))
    low, high = _nice_domain(float(drawn.min()), float(drawn.max()))
    step = width / len(years)

    def at(year: int, value: float) -> tuple[float, float]:
        return step * (years.index(year) + 0.5), height * (high - value) / (high - low)

    points = [(*at(r["année"], r["valeur"]), r["texte"]) for _, r in rows.iterrows()]
    strokes = [[(*at(r["année"], r["valeur"]), ""), (*at(r["année"], end), "")]
               for (_, r), end in zip(rows.iterrows(), ends, strict=True) if r["borne"] != 0]
    strokes += [[(*at(r["année"], r["bas"]), ""), (*at(r["année"], r["haut"]), "")]
                for _, r in rows.iterrows() if r["bas"] < r["haut"]]
    # an arrowhead (Vega's triangle: half-width √area / 2, half-height √3 / 2 of that) is kept clear
    # like a placed label, with room to spare (« environ 64 000 » touched the head of « plus de 55 000 »)
    half = math.sqrt(ARROW_HEAD) / 2 + ARROW_HEAD_CLEARANCE
    heads = [(x - half, y - half, x + half, y + half)
             for (_, r), end in zip(rows.iterrows(), ends, strict=True) if r["borne"] != 0
             for x, y in [at(r["année"], end)]]
    # a break's dashed rule runs through the whole plot at its year: a label centred on a break year's point
    # was cut by it (« 13|% », issue 27); it is kept clear like a line
    # (at its rule's year, ``history.rule_years``, not always its first point's)
    def rule_year(r) -> int:
        year = r.get("_rupture")
        return int(year) if year is not None and not (isinstance(year, float) and math.isnan(year)) else r["année"]

    if "rupture" in rows.columns:
        strokes += [[(at(rule_year(r), 0.0)[0], 0.0, ""), (at(rule_year(r), 0.0)[0], height, "")]
                    for _, r in rows.iterrows() if r["rupture"]]
        # and dearer to cross than a line (a label cut by the dashes reads as two: « environ 80|% », printed46)
        heads += [(at(rule_year(r), 0.0)[0] - RULE_CLEARANCE, 0.0, at(rule_year(r), 0.0)[0] + RULE_CLEARANCE, height)
                  for _, r in rows.iterrows() if r["rupture"]]
    # a break's label, beside its rule, just above the zero line
    if "rupture" in rows.columns:
        late = years[0] + (len(years) * 2) // 3
        heads += [(x, y - BREAK_LABEL_BOX[1], x + BREAK_LABEL_BOX[0], y) if year < late
                  else (x - BREAK_LABEL_BOX[0], y - BREAK_LABEL_BOX[1], x, y)
                  for year, (x, y) in ((rule_year(r), at(rule_year(r), 0.0)) for _, r in rows.iterrows()
                                       if r["rupture"])]
    # the places further out are tried last, where the near ones all clash (a long series in a half-width panel:
    # « 1 390 M€ » printed on « 2 240 M€ », printed41)
    return place_value_labels(points, width, height, others=strokes, taken=heads, further=CROWDED_PLACES)


def label_layers(places, x: dict, y: dict, suffix: str = "") -> list[dict]:
    """The print-only text layers of a yearly panel: one per place its values' labels take."""
    return [{"mark": {"type": "text", "align": align, "baseline": baseline, "dx": dx, "dy": dy,
                      "fontSize": PRINT_LABEL_SIZE, "color": "#222"},
             "encoding": {"x": x, "y": y, "text": {"field": "texte", "type": "nominal"}},
             "transform": [{"filter": {"field": "_place", "equal": place}}],
             "name": f"{PRINT_ONLY}-{place}{suffix}"}
            for place in dict.fromkeys(places) for align, baseline, dx, dy in [PLACES[place]]]


def _is_label_layer(layer) -> bool:
    return (isinstance(layer, dict) and str(layer.get("name", "")).startswith(PRINT_ONLY)
            and layer.get("transform") == [{"filter": {"field": "_place", "equal": layer.get("transform", [{}])[0]
                                                       .get("filter", {}).get("equal")}}])


def place_printed_labels(panel: dict, size: tuple[float, float]) -> bool:
    """A yearly panel's value labels placed again on its plot as the PDF draws it (``size``: its width and
    height in pt, measured): ``history_chart`` places them on a predicted plot, a few points off once the
    print spec is fitted to the text width, enough for a label to land on a line or a neighbour (issue 27).
    The panel's rows get their new ``_place`` and the text layers follow. False for a panel that has no
    such labels (or no rows of its own)."""
    layers = panel.get("layer", [])
    labels = [layer for layer in layers if _is_label_layer(layer)]
    values = panel.get("data", {}).get("values") if isinstance(panel.get("data"), dict) else None
    if not labels or not values or any("_place" not in r for r in values):
        return False
    x, y = labels[0]["encoding"]["x"], labels[0]["encoding"]["y"]
    years = list(x.get("scale", {}).get("domain") or sorted({int(r["année"]) for r in values}))
    zero = y.get("scale", {}).get("zero", True) is not False
    rows = pd.DataFrame(values)
    order = rows.sort_values("année", kind="stable").index
    places = _label_places(rows.loc[order], years, size, zero=zero)
    for index, place in zip(order, places, strict=True):
        values[index]["_place"] = place
    suffix = str(labels[0]["name"])[len(PRINT_ONLY) + 1:]
    suffix = suffix[suffix.index("_"):] if "_" in suffix else ""
    panel["layer"] = [layer for layer in layers if not _is_label_layer(layer)] + label_layers(
        [values[i]["_place"] for i in order], x, y, suffix)
    return True


def _plot_sizes(spec: dict) -> list[tuple[float, float] | None]:
    """Each panel's plot (width, height) in pt, as Vega draws the composed chart."""
    svg = vlc.vegalite_to_svg(spec, format_locale=LOCALE, time_format_locale=LOCALE)
    chunks = re.split(r'class="mark-group role-scope concat_\d+_group"', svg)[1:]
    sizes: list[tuple[float, float] | None] = []
    for chunk in chunks:
        frame = re.search(r'<path class="background"[^>]*d="M0,0h([\d.]+)v([\d.]+)h', chunk)
        sizes.append((float(frame.group(1)), float(frame.group(2))) if frame else None)
    return sizes


def place_panel_labels(spec: dict) -> None:
    """The value labels of yearly panels (``place_printed_labels``) placed on the plots as drawn
    at the text width, not as predicted when the chapter built the chart."""
    panels = spec.get("concat") or spec.get("vconcat")
    if not isinstance(panels, list) or not any(place_printed_labels(json.loads(json.dumps(p)), (100, 80))
                                                for p in panels):
        return
    sizes = _plot_sizes(spec)
    if len(sizes) != len(panels):
        return
    for panel, size in zip(panels, sizes, strict=True):
        if size is not None:
            place_printed_labels(panel, size)
