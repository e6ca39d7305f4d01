"""A series that breaks (another study, or a break declared in data/breaks.csv) is never drawn as one line,
never compared silently, and the page explains the break once.

The FICTIONAL fixture ``break_2016`` (tests/fixtures/break_2016/README.md) adds an EY edition for data year
2016 to the real editions up to 2011, with three fictional studies: every series breaks between 2011 and
2016 (and 2012-2015 are missing years), and the offshore share also breaks in 2010 (declared)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import vl_convert as vlc
from bs4 import BeautifulSoup
from fixtures import data_with_break
from test_charts_time import _line_vertices, _marks, _points

from barometre import history, narrative
from barometre.build import Builder
from barometre.chapters import offshore, resilience
from barometre.data import load

FRANCE_SHARE = "Part de l'activité France dans le chiffre d'affaires"


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    return data_with_break(tmp_path_factory.mktemp("break") / "data")


def _rule_xs(svg: str) -> list[float]:
    """The x of every dashed rule (a break's mark) of a drawn chart."""
    return [float(re.search(r"translate\((-?[\d.]+),", attrs).group(1)) for group in _marks(svg, "rule")
            for attrs in re.findall(r"<line ([^>]*)/>", group) if "stroke-dasharray" in attrs]


def test_a_panel_draws_no_line_across_a_break_or_a_missing_year_and_marks_the_break(data):
    ds = load(data)
    table = offshore.history_table(ds, 2016)
    panel = table[table["panneau"] == FRANCE_SHARE]
    assert sorted(panel["année"]) == [2005, 2006, 2007, 2008, 2009, 2010, 2011, 2016]
    assert set(panel.loc[panel["rupture"] != "", "année"]) == {2006, 2016}  # KPMG → BearingPoint → EY
    svg = vlc.vegalite_to_svg(history.history_chart(panel, name="h", title="T", edition=2016).web_spec())
    xs = {int(re.search(r"Année: (\d{4})", label).group(1)): x for label, x, _ in _points(svg)}
    rules = _rule_xs(svg)
    assert len(rules) == 2 and min(abs(r - xs[2016]) for r in rules) < 0.5
    assert "rupture" in svg
    for path in _line_vertices(svg):
        # no segment from one year to the next crosses a break's rule, or spans a year with no value
        for a, b in itertools.pairwise(path):
            assert not any(a[0] < r - 0.5 and b[0] > r - 0.5 for r in rules), "a line crosses a break"
            assert b[0] - a[0] < (xs[2008] - xs[2007]) * 1.5, "a line bridges a missing year"
    # the new series' one point stands alone: no line of two points or more reaches it
    assert not any(abs(px - xs[2016]) < 0.5 for path in _line_vertices(svg) if len(set(path)) > 1 for px, _ in path)


def test_the_latest_share_is_not_compared_across_the_break(data):
    ds = load(data)
    latest, previous = history.trend(ds, "france_revenue_share", 2016)
    assert latest.period == "2016" and previous is None
    # within one study the comparison stands
    latest, previous = history.trend(ds, "france_revenue_share", 2011)
    assert (latest.period, previous.period) == ("2011", "2010")
    assert offshore.share_shift(*history.trend(ds, "france_revenue_share", 2016)) == ""


def test_the_growth_title_compares_no_years_across_a_break(data, tmp_path):
    from fixtures import copy_upto

    ds = load(data)
    table, _ = resilience.growth_table(ds, 2016)
    assert set(table.loc[table["rupture"] != "", "année"]) == {"2007", "2015"}
    # 2015 and 2016 are both the EY study's: their comparison stands
    assert resilience.growth_title(table) == "La croissance des outsourceurs accélère en 2016"
    # without the EY study's 2015, the last two years lie across the break: no trend in the title
    edited = copy_upto(data, tmp_path / "data", 2016)
    path = edited / "editions" / "2016.csv"
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                              if not line.startswith("revenue_growth,2016,2015,")) + "\n", encoding="utf-8")
    from barometre.provenance import write_sidecar

    write_sidecar(path)
    table, _ = resilience.growth_table(load(edited), 2016)
    # no trend to tell: the title names the years the bars cover, not one year (printed46)
    first = table["année"].iloc[0]
    assert resilience.growth_title(table) == f"Croissance annuelle du chiffre d'affaires des outsourceurs, de {first} à 2016"
    _, previous = history.trend(load(edited), "revenue_growth", 2016)
    assert previous is None


def test_a_break_is_explained_once_a_page(data):
    ds = load(data)
    page = narrative.new_page()
    table = offshore.history_table(ds, 2016)
    first = history.explain_breaks(ds, table, page=page)
    assert first.count("changé d'étude") == 2  # KPMG → BearingPoint, BearingPoint → EY
    assert "jusqu'à l'édition 2014, c'est l'étude de BearingPoint pour le SP2C" in first
    assert "à partir de l'édition 2016, l'étude d'EY pour le SP2C" in first
    assert "nearshore" in first and first.count("trait vertical") == 1
    assert history.explain_breaks(ds, table, page=page) == ""  # the same page: said once
    assert history.explain_breaks(ds, table, page=narrative.new_page()) == first  # another page: said again
    assert history.explain_breaks(ds, table) == first  # no page: once in these words


@pytest.mark.slow
def test_the_book_of_a_broken_series_joins_nothing_compares_nothing_silently_and_says_why(data, tmp_path):
    build = tmp_path / "_build"
    Builder(2016, data_dir=data, build_dir=build, echo=lambda m: None).run()

    def text(name: str) -> str:
        path = build / "site" / "2016" / "chapters" / f"{name}.html"
        main = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("main")
        return " ".join(main.get_text(" ", strip=True).split()).replace("\u202f", " ").replace("\u00a0", " ")

    off = text("offshore")
    assert off.count("Le baromètre a changé d’étude") == 1 or off.count("changé d’étude") >= 1
    assert off.count("trait vertical « rupture »") == 1
    # France's share in 2016 is given, not set against 2011's BearingPoint figure
    assert "55 % en 2016" in off and not re.search(r"55 % en 2016, en (hausse|baisse) par rapport", off)
    changes = text("changes")
    assert "ne viennent pas de la même étude" in changes and "sans variation calculée" in changes
    assert "périmètres" in changes
    annex = text("sources")
    assert "Méthodes et ruptures de série" in annex and "L’étude d’EY pour le SP2C" in annex
    for name in ("offshore", "resilience", "changes", "claims", "sources"):
        shown = text(name)
        for word in ("None", "nan", "NaN", "«  »"):
            assert not re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", shown), (name, word)


def test_a_break_names_the_studies_on_either_side_of_it_not_those_of_the_two_figures():
    """The jobs of customer relations: 2005 (KPMG) then 2024 (EY) straddle the 2007 break (KPMG →
    BearingPoint) and the 2016 one. The 2024 book told the 2007 break as « KPMG → EY », then again as a
    « nouvelle rupture »: the break names the studies it separates."""
    from barometre import load

    ds = load()
    old = next(f for f in ds.figures(2005, "customer_relation_jobs") if f.published and not f.secondary)
    new = next(f for f in ds.figures(2024, "customer_relation_jobs") if f.published and not f.secondary)
    brk = ds.break_between(old, new)
    assert brk is not None and brk.edition == 2007
    assert (brk.study_before.firm, brk.study_after.firm) == ("KPMG", "BearingPoint")


def test_a_break_in_a_year_without_an_edition_is_placed_between_the_editions_around_it():
    """The SP2C widened its panel in 2018, a year the book has no edition of: « en 2018, entre les éditions
    2017 et 2019 », not « à l'édition 2018 »."""
    from barometre import history, load

    ds = load()
    assert 2018 not in ds.editions
    assert history._break_when(ds, 2018) == "en 2018, entre les éditions 2017 et 2019"
    assert history._break_when(ds, 2016) == "à l'édition 2016"


@pytest.mark.parametrize("chapter", ["resilience", "offshore", "partnership"])
def test_one_break_is_ruled_at_one_year_in_every_panel_of_a_chart(chapter):
    """All series break at the 2007 edition; the 2024 book ruled that break at 2006, 2007, 2008, 2009, 2010 and 2011
    in the six panels of one figure, each panel's first year after it (issue 27, print editor, p. 19). One break
    is ruled at one year in every panel where that year lies between the panel's two sides (its declared year when
    it can), and always between its last year before the break and its first after; the rule is drawn there."""
    ds = load()
    others = [i for i in ds.indicators_for(chapter) if i != "revenue_growth"] if chapter == "resilience" else None
    table = history.yearly_history(ds, others or ds.indicators_for(chapter), 2024)
    rules = history.rule_years(table)
    drawn: dict[int, list[tuple[int, int, int]]] = {}
    for i, brk in table["_break"].items():
        if brk is None or isinstance(brk, float):
            continue
        drawn.setdefault(history._break_key(brk), []).append((int(brk.before[:4]), brk.year, rules[i]))
    assert 2007 in drawn and len(drawn[2007]) >= 3
    for key, sides in drawn.items():
        assert all(lo < year <= hi for lo, hi, year in sides), (key, sides)
        years = {year for _, _, year in sides}
        fits = {y: sum(lo < y <= hi for lo, hi, _ in sides) for y in years | {key}}
        common = max(years, key=lambda y: fits[y])
        assert fits[common] >= fits[key], (key, sides)  # the declared year, unless another fits more panels
        # a panel off that year is one where it would stand on the wrong side of the panel's own values
        assert all(year == common or not lo < common <= hi for lo, hi, year in sides), (key, sides)
    spec = history.history_chart(table, name="h", title="T", edition=2024).web_spec()
    for panel in spec["vconcat"]:
        rows = (panel.get("data") or spec.get("data"))["values"]
        ruled = [layer for layer in panel["layer"] if layer["mark"].get("strokeDash")]
        if any(r["rupture"] for r in rows if r["panneau"] == rows[0]["panneau"]) and ruled:
            assert {"calculate": f"datum['{history.RULE_YEAR}']", "as": "année"} in ruled[0]["transform"]


@pytest.mark.parametrize("chapter", ["resilience", "offshore", "prices", "partnership"])
def test_a_history_charts_spec_is_strict_json(chapter):
    """A browser refused every history chart of the 2024 book (« "_rupture": NaN … is not valid JSON »): the rows
    with no break carried NaN where the rule's year goes. JSON has no NaN; the rows say null."""
    import json

    ds = load()
    table = history.yearly_history(ds, ds.indicators_for(chapter), 2024)
    chart = history.history_chart(table, name="x", title="T", edition=2024)
    json.dumps(chart.web_spec(), allow_nan=False)
    json.dumps(chart.print_spec(), allow_nan=False)
