"""The employer cost of a full-time Smic employee (OpenFisca France snapshot) and what it does to the
margin squeeze of the prices chapter."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import rewrite

from barometre import formatting as fr
from barometre import load
from barometre.chapters import prices as ch
from barometre.models import prices as model
from barometre.paths import DATA_DIR
from barometre.provenance import read_sidecar

SNAPSHOT = DATA_DIR / "reference" / "smic_employer_cost.csv"


def test_the_snapshot_states_its_package_variables_and_coverage():
    meta = read_sidecar(SNAPSHOT)
    assert meta["method"]["package"] == "openfisca-france==176.1.8"
    assert {"allegement_general", "cout_du_travail", "cotisations_employeur"} <= set(meta["method"]["variables"])
    assert "not covered" in meta["description"] and "2003" in meta["description"]


def test_the_covered_years_add_up_and_the_uncovered_ones_are_left_empty():
    rows = list(csv.DictReader(SNAPSHOT.open(encoding="utf-8")))
    covered = [r for r in rows if r["status"] == "computed"]
    assert covered, "the snapshot covers some years"
    for r in covered:
        cost = float(r["gross_wage"]) + float(r["employer_contributions"]) - float(r["general_reduction"])
        assert cost == pytest.approx(float(r["employer_cost"]), abs=0.02), r["year"]
        assert float(r["general_reduction"]) > 0
    for r in rows:
        if r["status"] != "computed":
            assert r["employer_cost"] == "" and r["note"], r["year"]
    # the measurement: 2008, a full-time Smic of 1 321 €, cost 1 525 €, reduction 343 €
    y2008 = next(r for r in covered if r["year"] == "2008")
    assert round(float(y2008["gross_wage"])) == 1321
    assert round(float(y2008["employer_cost"])) == 1525
    assert round(float(y2008["general_reduction"])) == 343


def test_explained_share_is_the_part_of_the_fall_the_other_path_removes():
    assert model.explained_share(4.0, 3.0) == pytest.approx(0.25)
    assert model.explained_share(4.0, 4.0) == 0
    assert model.explained_share(0.0, -1.0) is None


def _squeeze(ds):
    price = ds.figure("production_hour_price_change_since_2000", 2008)
    return ch.labour_squeeze(model.MarginInputs(0.08, 0.69), ds, price, 2000, 2008)


def test_the_squeeze_is_redone_from_the_first_covered_year_with_the_real_cost_path():
    squeeze = _squeeze(load())
    assert squeeze is not None and squeeze.base == 2006 and squeeze.end == 2008
    assert squeeze.cost_rise < squeeze.smic_rise  # the reduction grows a little with the Smic
    assert all(s is not None and 0 <= s < 0.05 for s in squeeze.explained)
    text = ch.explained_text(squeeze).replace("\u00a0", " ")
    # in margin points first, the share of the compression after it (« 0,7 à 0,9 % » read as margin points)
    assert "ne relève la marge de 2008 que de 0,1 point (" in text and "% de sa compression de 2006 à 2008)" in text
    assert "ne couvre pas" in text


def test_a_cost_path_with_a_growing_reduction_explains_more_of_the_squeeze(data_copy):
    before = _squeeze(load(data_copy))
    path = data_copy / "reference" / "smic_employer_cost.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for r in rows:
        if r["year"] == "2008":  # a reduction larger by 60 € a month in 2008
            r["general_reduction"] = f"{float(r['general_reduction']) + 60:.2f}"
            r["employer_cost"] = f"{float(r['employer_cost']) - 60:.2f}"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    rewrite(path, out.getvalue())
    after = _squeeze(load(data_copy))
    assert min(after.explained) > max(before.explained) + 0.1
    assert "autant" not in ch.explained_text(after)
    assert "ne relève" not in ch.explained_text(after) and "relève la marge de 2008 de" in ch.explained_text(after)


def test_without_the_snapshot_the_squeeze_is_not_redone(data_copy):
    (data_copy / "reference" / "smic_employer_cost.csv").unlink()
    (data_copy / "reference" / "smic_employer_cost.csv.meta.yaml").unlink()
    ds = load(data_copy)
    assert _squeeze(ds) is None
    assert ch.labour_cost_years(ds).empty


def test_the_index_chart_draws_the_smic_the_employer_cost_and_the_price_from_one_base():
    ds = load()
    price = ds.figure("production_hour_price_change_since_2000", 2008)
    table = ch.labour_index_table(ds, price, 2000, 2008)
    assert set(table["série"]) >= {"Smic brut d'un temps plein", "Coût employeur au Smic",
                                   "Prix de l'heure (borne basse)"}
    base = int(table["année"].min())
    assert list(table[table["année"] == base]["indice"]) == pytest.approx([100.0] * 4)
    chart = ch.labour_index_chart(table, [price])
    chart.chart.to_dict()
    assert "Smic" in chart.title and chart.description and chart.source


def test_years_text_reads_a_run_or_a_list():
    assert ch.years_text([2000, 2001, 2002]) == "les années 2000 à 2002"
    assert ch.years_text([2000, 2003]) == "les années 2000 et 2003"
    assert ch.years_text([2004]) == "l'année 2004"


def test_a_snapshot_whose_cost_does_not_add_up_is_refused_with_file_row_and_column(data_copy):
    from barometre.validation import DataValidationError, validate

    path = data_copy / "reference" / "smic_employer_cost.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("2008,"))
    lines[number] = lines[number].replace(",1524.85,", ",1600.00,")
    lines.append("2011,2011-07,9.00,,,,,,computed,")  # a second 2011, computed without amounts
    rewrite(path, "\n".join(lines) + "\n")
    with pytest.raises(DataValidationError) as err:
        validate(data_copy)
    text = str(err.value)
    assert "smic_employer_cost.csv" in text
    assert f"row {number + 1}" in text and "employer_cost" in text and "1600" in text
    assert "gross_wage" in text and "year" in text  # the empty amounts and the duplicate year


def test_the_cited_price_range_is_a_band_between_its_ends_not_two_lines():
    ds = load()
    price = ds.figure("production_hour_price_change_since_2000", 2008)
    spec = ch.labour_index_chart(ch.labour_index_table(ds, price, 2000, 2008), [price]).spec
    layers = spec["layer"]
    area = [la for la in layers if (la["mark"] if isinstance(la["mark"], str) else la["mark"]["type"]) == "area"]
    assert len(area) == 1 and area[0]["encoding"]["y2"]["field"] == "haut"
    band_rows = spec["datasets"][area[0]["data"]["name"]]
    assert band_rows and all(r["bas"] <= r["haut"] for r in band_rows)
    line_rows = [r for la in layers if la is not area[0] for r in spec["datasets"][la["data"]["name"]]]
    assert not any(str(r["série"]).startswith("Prix de l'heure (borne") for r in line_rows)


def test_an_editions_index_chart_stops_at_its_year():
    """The 2011 book drew the Smic and the employer cost to 2024 (« 140,9 en 2024 ») while its text said
    « La série couvre les années 2006 à 2011 » (editor35)."""
    ds = load()
    price = ds.figure("production_hour_price_change_since_2000", 2008)
    table = ch.labour_index_table(ds, price, 2000, 2008, until=2011)
    assert not table.empty and int(table["année"].max()) == 2011
    assert int(ch.labour_index_table(ds, price, 2000, 2008)["année"].max()) > 2011  # the whole snapshot


def test_the_years_after_the_model_are_told_from_the_series_up_to_the_edition():
    """editor39: the 2024 book said « la réduction pèse autant …, le coût employeur suit donc le Smic » with no
    years, beside a chart in which the reduction grows after 2008. The model's years are named, and what the
    series shows after them is told, up to the edition's year only."""
    ds = load()
    squeeze = _squeeze(ds)
    text = ch.explained_text(squeeze)
    assert "de 2006 à 2008, les années du modèle, la réduction pèse autant" in text
    assert "avant 2006, que la série ne couvre pas" in text
    later = ch.later_cost_text(ds, squeeze, 2024).replace("\u00a0", " ")
    assert later.startswith(" Après 2008, la réduction pèse davantage : de 2008 à 2024, le Smic brut augmente de")
    row = {int(r["year"]): r for r in ds.labour_cost().to_dict("records")}
    share = float(row[2024]["general_reduction"]) / float(row[2024]["gross_wage"]) * 100
    assert f"à {fr.percent(share)} du salaire brut.".replace("\u00a0", " ") in later
    assert ch.later_cost_text(ds, squeeze, 2008) == ""  # the 2008 book tells no later year
    assert "de 2008 à 2011" in ch.later_cost_text(ds, squeeze, 2011)


def test_the_chapter_and_its_takeaway_tell_one_finding_that_the_later_years_do_not_refute():
    """editor40: the 2024 text said « ce qu'elle a changé tient aux années … avant 2006 » and, one sentence later,
    that the reduction weighs more after 2008; « À retenir » kept only the first. One text serves both, and the
    clause stays only where the later years leave the reduction's weight unchanged (the 2011 book)."""
    ds = load()
    squeeze = _squeeze(ds)
    late = ch.cost_text(ds, squeeze, 2024).replace("\u00a0", " ")
    assert "avant 2006" not in late and "Après 2008, la réduction pèse davantage" in late
    assert "la réduction pèse autant sur le salaire (26 %)" in late  # the model's years, said as such
    early = ch.cost_text(ds, squeeze, 2011).replace("\u00a0", " ")
    assert "avant 2006, que la série ne couvre pas" in early
    assert "la réduction reste à 26 % du salaire brut" in early and "passe de 26 % à 26 %" not in early
    assert ch.cost_text(ds, squeeze, 2024, capital=False).startswith("dans le modèle")


def test_the_employer_cost_s_takeaway_is_short_and_chosen_by_the_series():
    """editors 42 and 43: « À retenir » copied the section's ninety words (« 26 % en 2006 et 26 % en 2008 », « pèse
    autant » twice, « (0,7 à 0,9 % de sa compression …) »). The box says what the series shows up to the edition, in
    one sentence: the reduction's weight, the two rises, the model's gain; the words from the data."""
    ds = load()
    squeeze = _squeeze(ds)
    early = ch.cost_takeaway(ds, squeeze, 2011).replace("\u00a0", " ")
    assert early == ("de 2006 à 2011, la réduction générale reste à 26 % du salaire brut : le coût employeur au Smic "
                     "augmente de 8,9 %, le Smic brut de 8,8 % ; dans le modèle, elle ne relève la marge de 2008 que de "
                     "0,1 point.")
    late = ch.cost_takeaway(ds, squeeze, 2024).replace("\u00a0", " ")
    assert late.startswith("de 2008 à 2024, le coût employeur au Smic augmente de") and "la réduction passe de 26 % à" in late
    assert "compression" not in early + late and len(late) < 300
    assert ch.reduction_words(squeeze).replace("\u00a0", " ") == "la réduction reste à 26 % du salaire brut"
