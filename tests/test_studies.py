"""Studies and series breaks are data: ``data/studies.csv`` says which study each edition belongs to, and
``data/breaks.csv`` declares breaks inside a study. Both are validated like the editions (file, row, column,
value, expectation, every problem at once), both are optional, and an indicator's history knows where it
breaks (``Dataset.break_between``, ``Dataset.series_breaks``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import rewrite
from fixtures import data_with_break

from barometre.book import chapter
from barometre.data import load
from barometre.validation import DataValidationError, validate


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return data_with_break(tmp_path / "data")


def problems_for(data_dir: Path) -> list:
    with pytest.raises(DataValidationError) as info:
        validate(data_dir)
    return info.value.problems


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    rewrite(path, text.replace(old, new, 1))


def figures(ds, indicator: str, edition: int, scope: str = "market") -> list:
    return [ds.figure(indicator, edition, scope=scope, period=p)
            for p in ds.series(indicator, scope=scope, upto=edition)["period"]]


def test_a_data_folder_without_studies_or_breaks_is_valid(tmp_path):
    from fixtures import copy_upto

    from barometre.paths import DATA_DIR

    data = copy_upto(DATA_DIR, tmp_path / "data", 2011)
    for name in ("studies.csv", "breaks.csv"):
        for p in (data / name, data / f"{name}.meta.yaml"):
            p.unlink(missing_ok=True)
    ds = load(data)
    assert ds.studies() == [] and ds.study_of(2008) is None
    a, b = figures(ds, "france_revenue_share", 2011)[:2]
    assert ds.break_between(a, b) is None


def test_every_edition_belongs_to_one_study(broken):
    ds = load(broken)
    assert [s.study for s in ds.studies()] == ["kpmg_sp2c", "bearingpoint_sp2c", "ey_sp2c"]
    assert ds.study_of(2005).firm == "KPMG" and ds.study_of(2011).firm == "BearingPoint"
    assert ds.study_of(2016).firm == "EY"


def test_an_edition_no_study_covers_is_named(broken):
    edit(broken / "studies.csv", ",2007,2014,", ",2007,2010,")
    [problem] = problems_for(broken)
    assert problem.file.endswith("studies.csv") and problem.value == "2011"
    assert "every edition belongs to exactly one study" in problem.expected


def test_two_studies_sharing_an_edition_are_refused_with_both_rows(broken):
    edit(broken / "studies.csv", ",2016,2024,", ",2014,2024,")
    [problem] = problems_for(broken)
    assert (problem.row, problem.column, problem.value) == (4, "first_edition", "2014-2024")
    assert "bearingpoint_sp2c" in problem.expected and "row 3" in problem.expected


def test_bad_study_rows_are_all_reported_at_once(broken):
    edit(broken / "studies.csv", ",fictif_ey_sp2c,", ",inconnue,")
    edit(broken / "studies.csv", "kpmg_sp2c,KPMG,SP2C,Étude KPMG pour le SP2C (FICTIF pour les tests),2005,2006",
         "kpmg_sp2c,KPMG,SP2C,Étude KPMG pour le SP2C (FICTIF pour les tests),2006,2005")
    problems = problems_for(broken)
    assert any((p.row, p.column, p.value) == (4, "source", "inconnue") for p in problems), problems
    assert any((p.row, p.column, p.value) == (2, "last_edition", "2005") for p in problems), problems


def test_a_break_of_an_unknown_indicator_or_a_bad_year_is_refused(broken):
    edit(broken / "breaks.csv", "offshore_revenue_share,market,2011", "offshore_share,market,deux mille dix")
    problems = problems_for(broken)
    assert any((p.file.endswith("breaks.csv"), p.row, p.column, p.value) == (True, 2, "edition", "deux mille dix")
               for p in problems), problems
    edit(broken / "breaks.csv", "deux mille dix", "2011")
    [problem] = problems_for(broken)
    assert (problem.row, problem.column, problem.value) == (2, "indicator", "offshore_share")
    assert "indicators.csv" in problem.expected


def test_a_series_breaks_where_its_values_come_from_two_studies(broken):
    ds = load(broken)
    breaks = ds.series_breaks(figures(ds, "france_revenue_share", 2016))
    assert [(b.before, b.after) for b in breaks] == [("2005", "2006"), ("2011", "2016")]
    last = breaks[-1]
    assert last.change_of_study and (last.study_before.firm, last.study_after.firm) == ("BearingPoint", "EY")
    # two values of one study are comparable, whatever edition restated them
    a, b = ds.figure("revenue_growth", 2016, period="2015"), ds.figure("revenue_growth", 2016, period="2016")
    assert ds.break_between(a, b) is None


def test_an_explicit_break_splits_a_series_inside_one_study(broken):
    ds = load(broken)
    breaks = ds.series_breaks(figures(ds, "offshore_revenue_share", 2011))
    explicit = [b for b in breaks if b.reason]
    # the offshore share of 2008 is the 2010 edition's, that of 2009 the 2011 edition's: the break lies between
    assert [(b.before, b.after, b.edition) for b in explicit] == [("2008", "2009", 2011)]
    assert not explicit[0].change_of_study and "nearshore" in explicit[0].reason
    # the break belongs to its indicator and scope only
    assert [b.reason for b in ds.series_breaks(figures(ds, "revenue_growth", 2011)) if b.reason] == []


def test_a_chapter_reads_studies_only_when_it_declares_them_and_its_key_covers_them(broken):
    from barometre.book import Inputs
    from barometre.data import UndeclaredInput

    ds = load(broken)
    with pytest.raises(UndeclaredInput, match="studies"):
        ds.restricted(Inputs(families=("offshore",)), "offshore").study_of(2011)
    offshore = chapter("offshore").inputs
    assert "studies" in offshore.references
    before = ds.inputs_key(offshore)
    edit(broken / "breaks.csv", ",2011,", ",2010,")
    assert load(broken).inputs_key(offshore) != before
    edit(broken / "studies.csv", "FICTIF : les membres du SP2C", "FICTIF : les adhérents du SP2C")
    changed = load(broken).inputs_key(offshore)
    assert changed != before
