"""Year-by-year charts tell time honestly: a range stays a range (no line through an invented middle),
a missing year leaves its gap on the time axis, and the panels use the width of the page."""

from __future__ import annotations

import itertools
import re

import pandas as pd
import vl_convert as vlc

from barometre import history, load
from barometre.charts import NO_LINE, line_runs

SECTOR = "Chiffre d'affaires du secteur"


def _sector_panel(edition: int = 2011) -> pd.DataFrame:
    ds = load()
    table = history.yearly_history(ds, ds.indicators_for("resilience"), edition)
    return table[table["panneau"] == SECTOR].reset_index(drop=True)


def _marks(svg: str, kind: str) -> list[str]:
    return [m.group(1) for m in re.finditer(rf'<g class="mark-{kind} role-mark[^"]*"[^>]*>(.*?)</g>', svg)]


def _line_vertices(svg: str) -> list[list[tuple[float, float]]]:
    paths = []
    for group in _marks(svg, "line"):
        for d in re.findall(r' d="(M[^"]+)"', group):
            paths.append([(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", d)])
    return paths


def _range_bars(svg: str) -> list[tuple[float, float, float]]:
    """(x, y of one end, y of the other) of each range's bar (a rule whose tooltip reads « fourchette »)."""
    bars = []
    for group in _marks(svg, "rule"):
        for attrs in re.findall(r"<line ([^>]*)/>", group):
            if "Nature: fourchette" not in attrs:
                continue
            x, y = map(float, re.search(r"translate\((-?[\d.]+),(-?[\d.]+)\)", attrs).groups())
            bars.append((x, y, y + float(re.search(r'y2="(-?[\d.]+)"', attrs).group(1))))
    return bars


def test_line_runs_stop_at_a_range_and_at_a_bound_and_start_again_after():
    rows = pd.DataFrame({"bas": [1, 4, 8, 9, 30, 12], "haut": [1, 7, 8, 9, 30, 12], "borne": [0, 0, 0, 0, 1, 0]})
    assert line_runs(rows) == [1, NO_LINE, 2, 2, NO_LINE, 3]


def test_the_yearly_line_never_passes_through_a_ranges_year():
    table = _sector_panel()
    # the published range (2005: « 1 100 à 1 300 M€ ») and, to test the middle of a series, 2007 made a range
    assert table.loc[table["année"] == 2005, "texte"].iloc[0].count("à") == 1
    middle = table["année"] == 2007
    table.loc[middle, ["bas", "haut", "valeur"]] = [1500.0, 1700.0, 1600.0]
    table.loc[middle, ["lecture", "texte"]] = ["fourchette", "1\u202f500 à 1\u202f700\u00a0M€"]
    svg = vlc.vegalite_to_svg(history.history_chart(table, name="h", title="T", edition=2011).web_spec())
    bars, lines = _range_bars(svg), _line_vertices(svg)
    assert len(bars) == 2 and lines
    for x, _, _ in bars:
        for path in lines:
            assert all(abs(px - x) > 0.5 for px, _ in path), "a line passes through a range's year"
            assert not any(a[0] < x < b[0] for a, b in itertools.pairwise(path)), "a line jumps a range"
