"""datapackage.json: generated from the validation models, equal to what the command writes, valid
for frictionless (offline); and the table of every indicator by year each edition offers."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from barometre import datapackage, validation
from barometre.paths import DATA_DIR, ROOT
from barometre.validation import data_files

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def test_the_committed_data_package_equals_what_the_command_generates():
    committed = (ROOT / "datapackage.json").read_text(encoding="utf-8")
    assert committed == datapackage.render(DATA_DIR), (
        "datapackage.json is stale: run python -m barometre datapackage and commit it")


def test_the_check_command_fails_when_the_package_is_stale(tmp_path):
    stale = tmp_path / "datapackage.json"
    stale.write_text(datapackage.render(DATA_DIR).replace('"required": true', '"required": false', 1),
                     encoding="utf-8")
    cmd = [sys.executable, "-m", "barometre", "datapackage", "--check", "--output", str(stale)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and "run python -m barometre datapackage" in result.stderr
    stale.write_text(datapackage.render(DATA_DIR), encoding="utf-8")
    assert subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).returncode == 0


def test_every_data_file_is_a_resource_and_every_csv_is_read_by_its_validation_model():
    package = datapackage.package(DATA_DIR)
    paths = {r["path"]: r for r in package["resources"]}
    assert set(paths) == {f"data/{p.relative_to(DATA_DIR).as_posix()}" for p in data_files(DATA_DIR)}
    expected = {"data/editions/2008.csv": "EditionRow", "data/events/2008.csv": "EventRow",
                "data/quotes/2008.csv": "QuoteRow", "data/indicators.csv": "IndicatorRow",
                "data/sources.csv": "SourceRow", "data/reference/smic_horaire_brut.csv": "SmicRow",
                "data/reference/cpi_france_annual.csv": "CpiRow", "data/reference/cities.csv": "CityRow"}
    for path, model in expected.items():
        assert paths[path]["schema"]["x-barometre-model"] == f"barometre.validation.{model}"
    for path, resource in paths.items():
        if not path.endswith(".csv"):
            continue
        with (ROOT / path).open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert [f["name"] for f in resource["schema"]["fields"]] == header, path
        assert resource["licenses"] and resource["sources"] and resource["title"], path


def test_fields_take_their_types_and_constraints_from_the_models():
    fields = {f["name"]: f for f in datapackage.csv_resource(DATA_DIR / "editions" / "2008.csv", DATA_DIR,
                                                             datapackage.row_models())["schema"]["fields"]}
    assert fields["edition"]["type"] == "integer" and fields["edition"]["constraints"]["required"]
    assert fields["value"]["type"] == "number" and "required" not in fields["value"].get("constraints", {})
    assert fields["value"]["unit"] == "the row's unit (column unit)"
    assert set(fields["unit"]["constraints"]["enum"]) == set(validation.UNITS)
    assert set(fields["qualifier"]["constraints"]["enum"]) == set(validation.QUALIFIERS)
    assert fields["quote"]["constraints"]["maxLength"] == validation.MAX_QUOTE
    assert fields["indicator"]["constraints"]["pattern"] == "[a-z][a-z0-9_]*"
    smic = {f["name"]: f for f in datapackage.csv_resource(DATA_DIR / "reference" / "smic_horaire_brut.csv",
                                                           DATA_DIR, datapackage.row_models())["schema"]["fields"]}
    assert smic["effective_date"]["type"] == "date" and smic["value"]["constraints"]["minimum"] == 0
    assert smic["currency"]["constraints"]["enum"] == ["FRF", "EUR"]


def test_a_new_table_with_its_model_is_described_with_no_other_change(monkeypatch, data_copy):
    from typing import Literal

    class ZoneRow(validation._Row):
        zone: validation.Snake
        label_fr: validation.RequiredText
        kind: Literal["area", "company"]
        weight: validation.Number

    ZoneRow.__module__ = validation.__name__
    monkeypatch.setattr(validation, "ZoneRow", ZoneRow, raising=False)
    (data_copy / "zones_test.csv").write_text("zone,label_fr,kind,weight\nmarket,ensemble du marché,area,\n",
                                               encoding="utf-8")
    (data_copy / "zones_test.csv.meta.yaml").write_text("title: Zones\nlicence: Licence Ouverte / Etalab 2.0\n",
                                                         encoding="utf-8")
    resource = next(r for r in datapackage.package(data_copy)["resources"] if r["path"] == "data/zones_test.csv")
    assert resource["schema"]["x-barometre-model"].endswith(".ZoneRow")
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert fields["kind"]["constraints"] == {"enum": ["area", "company"], "required": True}
    assert fields["weight"]["type"] == "number" and "constraints" not in fields["weight"]
    assert {"name": "etalab-2.0"}.items() <= resource["licenses"][1].items()


def test_a_csv_no_model_reads_is_named_in_a_clear_error(data_copy):
    (data_copy / "reference" / "mystery.csv").write_text("colour,shade\nred,dark\n", encoding="utf-8")
    with pytest.raises(datapackage.DataPackageError) as info:
        datapackage.package(data_copy)
    message = str(info.value)
    assert "data/reference/mystery.csv" in message and "colour, shade" in message and "validation" in message


def frictionless(package: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(FRICTIONLESS), "validate", "--json", package.name], cwd=package.parent,
                          capture_output=True, text=True, timeout=300)


def test_frictionless_validates_the_committed_package_offline():
    result = frictionless(ROOT / "datapackage.json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], [t["errors"][:3] for t in report["tasks"] if not t["valid"]]


def test_frictionless_reports_a_value_the_model_refuses(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(DATA_DIR, root / "data")
    (root / "datapackage.json").write_text(datapackage.render(root / "data"), encoding="utf-8")
    path = root / "data" / "editions" / "2008.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[1][rows[0].index("unit")] = "furlongs"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    result = frictionless(root / "datapackage.json")
    assert result.returncode != 0
    errors = [e for t in json.loads(result.stdout)["tasks"] for e in t["errors"]]
    assert any(e.get("fieldName") == "unit" and e.get("cell") == "furlongs" for e in errors), errors[:3]


# --------------------------------------------------------------------------- every indicator by year


def test_the_table_of_every_indicator_has_french_headers_and_the_edition_and_source_of_each_value():
    from barometre.data import load
    from barometre.reuse import ALL_INDICATORS_COLUMNS, all_indicators_csv

    ds = load()
    rows = list(csv.DictReader(io.StringIO(all_indicators_csv(DATA_DIR, 2009))))
    assert tuple(rows[0]) == ALL_INDICATORS_COLUMNS
    assert all(r["source"] and r["extrait"] and r["unité"] for r in rows)
    assert {int(r["édition"]) for r in rows} <= {e for e in ds.editions if e <= 2009}
    assert len({(r["indicateur"], r["code du périmètre"], r["période"]) for r in rows}) == len(rows)
    # each figure as the edition knows it: the newest edition up to 2009 that publishes it
    for r in rows[:40]:
        fig = ds.known(r["indicateur"], 2009, scope=r["code du périmètre"], period=r["période"])
        assert int(r["édition"]) == fig.edition
        shown = r["valeur"] or r["borne basse"]
        assert float(shown) == (fig.value if fig.value is not None else fig.low)
    growth = [r for r in rows if r["indicateur"] == "revenue_growth" and r["code du périmètre"] == "market"]
    assert [r["période"] for r in growth] == sorted(r["période"] for r in growth) and len(growth) >= 3
    assert growth[0]["périmètre"] == "ensemble du marché" and growth[0]["unité"].startswith("%")


def test_a_later_edition_s_table_shows_figures_the_earlier_one_does_not_know():
    from barometre.reuse import all_indicators_csv

    early = list(csv.DictReader(io.StringIO(all_indicators_csv(DATA_DIR, 2005))))
    late = list(csv.DictReader(io.StringIO(all_indicators_csv(DATA_DIR, 2011))))
    assert {r["édition"] for r in early} == {"2005"}
    assert "2011" in {r["édition"] for r in late} and len(late) > len(early)
