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


def _points(svg: str) -> list[tuple[str, float, float]]:
    """(tooltip, x, y) of every point mark of a drawn chart."""
    return [(label, float(x), float(y)) for label, x, y in re.findall(
        r'aria-label="([^"]*)"[^>]*aria-roledescription="point" transform="translate\((-?[\d.]+),(-?[\d.]+)\)', svg)]


def _axis_labels(svg: str) -> list[list[str]]:
    return [re.findall(r">([^<>]+)</text>", group)
            for group in re.findall(r'<g class="mark-text role-axis-label"[^>]*>(.*?)</g>', svg)]


def test_the_salary_history_spaces_years_by_time_so_a_missing_year_shows():
    from barometre.chapters import value as ch
    from barometre.charts import format_locale

    table = ch.salary_history(load(), 2012)
    assert sorted(table["année"]) == [2008, 2011, 2012]  # 2009 and 2010: no advisers' average is published
    spec = ch.salary_history_chart(table).web_spec()
    svg = vlc.vegalite_to_svg(spec, format_locale=format_locale())
    salary = {int(re.search(r"Année: (\d{4})", label).group(1)): x
              for label, x, _ in _points(svg) if "Salaire moyen" in label}
    assert set(salary) == {2008, 2011, 2012}
    one_year = salary[2012] - salary[2011]
    assert one_year > 15 and abs((salary[2011] - salary[2008]) - 3 * one_year) < 1
    # the years read as years: « 2010 » has its tick, and no thousands separator (« 2 010 »)
    years = next(labels for labels in _axis_labels(svg) if "2008" in labels)
    assert years == ["2008", "2009", "2010", "2011", "2012"]


def _respondents_panel():
    """The 2011 resilience history, its respondents' rows (published for 2008 and 2011 only) and
    their panel drawn for the web (SVG)."""
    ds = load()
    table = history.yearly_history(ds, ds.indicators_for("resilience"), 2011)
    respondents = table[table["indicateur"].str.startswith("Nombre de répondants")]
    svg = vlc.vegalite_to_svg(history.history_chart(respondents, name="h", title="T", edition=2011).web_spec())
    return table, respondents, svg


def test_the_yearly_panels_give_a_missing_year_its_place_on_the_axis():
    table, respondents, svg = _respondents_panel()
    assert sorted(respondents["année"]) == [2008, 2011]
    xs = {int(re.search(r"Année: (\d{4})", label).group(1)): x for label, x, _ in _points(svg)}
    spec = history.history_chart(table, name="h", title="T", edition=2011).spec
    domains = {tuple(layer["encoding"]["x"]["scale"]["domain"]) for panel in spec["vconcat"]
               for layer in panel["layer"] if "scale" in layer.get("encoding", {}).get("x", {})}
    first, last = int(table["année"].min()), int(table["année"].max())
    assert domains == {tuple(range(first, last + 1))}
    assert set(xs) == {2008, 2011} and xs[2011] - xs[2008] > 0
    # three steps between 2008 and 2011 on a point scale of 2008-2011: the panel is 4 steps wide
    step = xs[2011] - xs[2008]
    assert abs(step / 3 * 4 - history.PANEL_WIDTH) < 1


def test_a_salary_published_as_a_range_is_drawn_as_a_bar_the_line_stopping_at_it():
    from barometre.chapters import value as ch

    table = ch.salary_history(load(), 2012).sort_values("année").reset_index(drop=True)  # 2008, 2011, 2012
    middle = table["année"] == 2011
    table.loc[middle, ["bas", "haut", "valeur"]] = [1500.0, 1560.0, 1530.0]
    table.loc[middle, ["lecture", "texte"]] = ["fourchette", "1\u202f500 à 1\u202f560\u00a0€"]
    svg = vlc.vegalite_to_svg(ch.salary_history_chart(table).web_spec())
    rules = [re.search(r"translate\((-?[\d.]+),", attrs).group(1) for group in _marks(svg, "rule")
             for attrs in re.findall(r"<line ([^>]*)/>", group)]
    assert len(rules) == 1
    x = float(rules[0])
    salary_lines = [path for path in _line_vertices(svg) if len(path) >= 2]
    assert salary_lines  # the SMIC's line, at least
    for path in salary_lines:
        crossing = any(a[0] < x < b[0] for a, b in itertools.pairwise(path))
        through = any(abs(px - x) < 0.5 for px, _ in path)
        assert not crossing or through  # only the SMIC (a point value each year) goes on through 2011
    assert len([p for p in salary_lines if any(abs(px - x) < 0.5 for px, _ in p)]) == 1


def test_a_panel_of_whole_figures_has_whole_ticks():
    _, respondents, svg = _respondents_panel()
    assert sorted(respondents["valeur"]) == [11.0, 12.0]
    values = next(labels for labels in _axis_labels(svg) if "12" in labels)
    assert values and all(re.fullmatch(r"\d+", v) for v in values), values


def test_the_values_of_a_long_series_in_a_half_width_panel_are_labelled_clear_of_each_other():
    """printed41: in the 2024 book's « Chiffre d'affaires du secteur » (2003–2024, twenty values in a panel half
    the text wide), « 1 390 M€ » was printed on « 2 240 M€ » and « environ 2 040 M€ » on « 2 360 M€ ». Where the
    near places all clash, a label goes further out (``CROWDED_PLACES``): no two labels of the panel overlap."""
    from barometre.charts.value_labels import PRINT_LABEL_SIZE, _box, _nice_domain, label_width

    ds = load()
    table = history.yearly_history(ds, ds.indicators_for("resilience"), 2024)
    panel = table[table["panneau"] == SECTOR].sort_values("année", kind="stable")
    assert len(panel) >= 12
    years = list(range(int(table["année"].min()), int(table["année"].max()) + 1))
    width, height = history.print_plot_size(table, len(set(table["panneau"])))
    places = history._label_places(panel, years, (width, height), zero=True)
    # the panel's scale as Vega draws it (as ``_label_places`` computes it): its values, ranges, arrows and zero
    drawn = pd.concat([panel["valeur"], panel["bas"], panel["haut"], history.arrow_ends(panel), pd.Series([0.0])])
    low, high = _nice_domain(float(drawn.min()), float(drawn.max()))
    boxes = [_box(p, width / len(years) * (years.index(r["année"]) + 0.5),
                  height * (high - r["valeur"]) / (high - low), label_width(r["texte"]), PRINT_LABEL_SIZE * 1.05)
             for p, (_, r) in zip(places, panel.iterrows(), strict=True)]
    # as the PDF's test of overlapping texts reads them: more than half a point across, 1,5 pt high (the font's
    # own bearings)
    clashes = [(a, b) for (a, ba), (b, bb) in itertools.combinations(zip(panel["texte"], boxes, strict=True), 2)
               if min(ba[2], bb[2]) - max(ba[0], bb[0]) > 0.5 and min(ba[3], bb[3]) - max(ba[1], bb[1]) > 1.5]
    assert clashes == []


def test_a_years_label_is_centred_under_its_point_in_the_panels():
    table = _sector_panel()
    svg = vlc.vegalite_to_svg(history.history_chart(table, name="h", title="T", edition=2011).web_spec())
    years = next(group for group in re.findall(r'<g class="mark-text role-axis-label"[^>]*>(.*?)</g>', svg)
                 if re.search(r">20\d\d<", group))  # the labelled years (round ones on a long span)
    assert 'text-anchor="start"' not in years and 'text-anchor="end"' not in years


def _embed_options(html: str) -> dict:
    import json

    return json.loads(html.split("textContent),")[1].split(").then")[0])


def test_a_column_of_panels_is_sized_to_the_page_in_the_browser_and_a_single_view_is_not_patched():
    ds = load()
    table = history.yearly_history(ds, ds.indicators_for("resilience"), 2011)
    out = history.history_chart(table, name="h", title="T", edition=2011)
    patch = _embed_options(out.html())["patch"]
    assert {"op": "remove", "path": "/width"} in patch
    assert {"op": "add", "path": "/autosize", "value": {"type": "fit-x", "contains": "padding"}} in patch
    signals = next(op["value"] for op in patch if op["path"] == "/signals")
    width = next(s for s in signals if s["name"] == "width")
    assert "containerSize()[0]" in width["init"] and width["on"][0]["events"] == "window:resize"
    # the compiled panels draw on that one signal, so the patch sizes every panel
    compiled = vlc.vegalite_to_vega(out.web_spec())
    assert compiled["width"] == history.PANEL_WIDTH
    assert all(group["encode"]["update"]["width"] == {"signal": "width"} for group in compiled["marks"]
               if group.get("type") == "group")
    single = history.history_chart(table[table["panneau"] == SECTOR], name="s", title="T", edition=2011)
    assert "patch" not in _embed_options(single.html())


def test_a_long_span_of_years_labels_round_years_only_and_keeps_every_year_on_the_axis():
    """printed41: a 2003–2025 panel printed « 20032005200720092011… ». Its labels thin out to round years that fit the
    panel; every year keeps its place on the scale."""
    years = list(range(2003, 2026))
    ticks = history.year_ticks(years)
    assert ticks == [2004, 2008, 2012, 2016, 2020, 2024]
    assert len(ticks) <= history.PANEL_WIDTH // history.YEAR_LABEL_ROOM
    assert history.year_ticks(list(range(2008, 2012))) == [2008, 2009, 2010, 2011]  # a short span: every year
    assert history.year_ticks(list(range(2003, 2012))) == [2004, 2006, 2008, 2010]
    table, _, _ = _respondents_panel()
    spec = history.history_chart(table, name="h", title="T", edition=2011).spec
    axes = [layer["encoding"]["x"]["axis"]["values"] for panel in spec["vconcat"] for layer in panel["layer"]
            if "axis" in layer.get("encoding", {}).get("x", {})]
    assert axes and all(a == history.year_ticks(list(range(int(table["année"].min()), int(table["année"].max()) + 1)))
                        for a in axes)


def _panel_y_axes(panel: dict) -> list[dict]:
    """The y axes of a panel's layers."""
    return [layer["encoding"]["y"].get("axis", {}) for layer in panel.get("layer", [])
            if isinstance(layer.get("encoding", {}).get("y"), dict)]


def test_a_panel_of_whole_falls_ticks_its_axis_down_from_zero_not_at_its_two_values():
    """editor42: the 2024 « Croissance des effectifs (Île-de-France) » panel (−19 % in 2011, −18 % in 2012) was ticked
    at −19 and −18 only, on an axis running to 0: the two labels printed on top of each other at its foot."""
    ds = load()
    table = history.yearly_history(ds, ds.indicators_for("partnership"), 2024)
    spec = history.history_chart(table, name="h", title="T", edition=2024).web_spec()
    panel = next(p for p in spec["vconcat"] if "Île-de-France" in str(p.get("title", "")))
    axes = _panel_y_axes(panel)
    assert axes and all("values" not in a or 0 in a["values"] for a in axes), axes
    assert any(a.get("tickCount") for a in axes)
