"""The yearly rerun: a new edition's template, the spreadsheet import, and the check of a
new edition against the previous one (errors stop the build, jumps ask for confirmation,
revisions and changes are reported, and the book gets a « Ce qui a changé » page)."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from conftest import set_value
from fixtures import EDITION_2009, FICTIF, data_with_2009

from barometre import formatting, load
from barometre.editions import (
    EDITION_COLUMNS,
    EVENT_COLUMNS,
    TO_FILL,
    EditionError,
    changes_markdown,
    compare_editions,
    data_period,
    import_xlsx,
    new_edition_template,
    shift_period,
    write_report,
)
from barometre.paths import DATA_DIR
from barometre.provenance import read_sidecar, write_sidecar
from barometre.validation import SIDECAR_KEYS, DataValidationError, sha256_of, validate

# --------------------------------------------------------------------------- helpers


def copy_upto_2008(target: Path) -> Path:
    """A copy of data/ without the editions after 2008 (and their events and quotes): 2008 is then
    the latest edition, the one the template copies and the fictional 2009 edition follows."""
    shutil.copytree(DATA_DIR, target)
    for folder in ("editions", "events", "quotes"):
        for path in (target / folder).glob("*.csv"):
            if path.stem.isdigit() and int(path.stem) > 2008:
                path.unlink()
                path.with_name(path.name + ".meta.yaml").unlink(missing_ok=True)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ up to the 2008 edition (overrides conftest's copy of the whole folder)."""
    return copy_upto_2008(tmp_path / "data")


@pytest.fixture
def data_2009(tmp_path: Path) -> Path:
    """A copy of data/ up to 2008 with the FICTIONAL 2009 edition of tests/fixtures/edition_2009 added."""
    return data_with_2009(tmp_path / "data", source=copy_upto_2008(tmp_path / "upto_2008"))


def records(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def edit_row(data_dir: Path, edition: int, key: tuple[str, str, str], **fields: str) -> None:
    """Change some columns of one row (indicator, scope, period) and record the checksum."""
    path = data_dir / "editions" / f"{edition}.csv"
    rows = records(path)
    [row] = [r for r in rows if (r["indicator"], r["scope"], r["period"]) == key]
    row.update(fields)
    write_rows(path, rows)


def drop_rows(data_dir: Path, edition: int, indicator: str) -> None:
    path = data_dir / "editions" / f"{edition}.csv"
    write_rows(path, [r for r in records(path) if r["indicator"] != indicator])


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(EDITION_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    write_sidecar(path)


def typed(column: str, text: str):
    """A CSV field as a spreadsheet holds it: numbers in numeric cells, the rest as text."""
    if column in ("value", "low", "high", "edition") and text != "":
        number = float(text)
        return int(number) if number.is_integer() and "." not in text else number
    return text if text != "" else None


def csv_header(path: Path) -> list[str]:
    return next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def with_default_quote_type(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows of a file without the optional column quote_type, as the tooling writes them (verbatim)."""
    return [{**r, "quote_type": r.get("quote_type") or "verbatim"} for r in rows]


def csv_to_xlsx(csv_path: Path, xlsx_path: Path, *, order: list[str] | None = None, sheet: str = "Feuil1") -> list[str]:
    """Write an edition CSV as a spreadsheet (columns in ``order``, default: the CSV's own header,
    which may lack the optional quote_type); returns the column order."""
    import openpyxl

    rows = records(csv_path)
    order = order or csv_header(csv_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(order)
    for rec in rows:
        ws.append([typed(c, rec.get(c) or "") for c in order])
    wb.save(xlsx_path)
    return order


def column_letter(order: list[str], column: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(order.index(column) + 1)


SHUFFLED = ["note", "quote", "value", "indicator", "scope", "period", "edition", "unit", "low", "high",
            "qualifier", "source"]


# --------------------------------------------------------------------------- 1. template


def barometers(data_dir: Path) -> set[str]:
    return {r["source"] for r in records(data_dir / "sources.csv") if r["type"] == "barometer"}


def test_a_new_edition_template_repeats_the_barometer_figures_of_the_data_year_with_empty_values(data_copy):
    written = new_edition_template(data_copy, 2009)
    edition, events = data_copy / "editions" / "2009.csv", data_copy / "events" / "2009.csv"
    assert written[:2] == [edition, events]
    before, after = records(data_copy / "editions" / "2008.csv"), records(edition)
    # only the barometer's figures of the edition's data year (2008), of its yearly change (2007-2008)
    # or of a change since a fixed year (2005-2008)
    moved = {"2008": "2009", "2007-2008": "2008-2009", "2005-2008": "2005-2009"}
    copied = [r for r in before if r["source"] in barometers(data_copy) and r["period"] in moved]
    assert copied and len(after) == len(copied) < len(before)
    assert csv_header(edition) == list(EDITION_COLUMNS)
    for old, new in zip(copied, after, strict=True):
        for col in ("indicator", "scope", "unit", "qualifier"):
            assert new[col] == old[col]
        assert new["edition"] == "2009"
        assert new["period"] == moved[old["period"]]
        assert (new["value"], new["low"], new["high"], new["quote"]) == ("", "", "", "")
        assert (new["source"], new["note"]) == (TO_FILL, TO_FILL)
        assert new["quote_type"] == "verbatim"
    assert events.read_text(encoding="utf-8") == ",".join(EVENT_COLUMNS) + "\n"
    for path in (edition, events):
        meta = read_sidecar(path)
        assert meta["sha256"] == sha256_of(path)
        assert all(str(meta[k]).startswith(TO_FILL) for k in SIDECAR_KEYS if k != "sha256")


def test_periods_move_on_by_the_years_between_the_editions(data_copy):
    assert shift_period("2008", 1) == "2009"
    assert shift_period("2007-2008", 2) == "2009-2010"
    assert shift_period("2009-07", 1) == "2010-07"
    assert shift_period("printemps", 1) == "printemps"
    # a data period of the latest edition moves on; a fixed date has no counterpart (None)
    assert data_period("2008", 2008, 2010) == "2010"
    assert data_period("2007-2008", 2008, 2010) == "2009-2010"  # a yearly change stays yearly
    assert data_period("2000-2008", 2008, 2010) == "2000-2010"  # a change since a fixed year keeps its start
    assert [data_period(p, 2008, 2010) for p in ("2007", "2003", "2009", "2009-07", "1996-2009")] == [None] * 5
    new_edition_template(data_copy, 2010)
    periods = {(r["indicator"], r["scope"], r["period"]) for r in records(data_copy / "editions" / "2010.csv")}
    assert ("revenue_growth", "market", "2010") in periods
    assert ("adviser_salary_change", "market", "2009-2010") in periods
    assert not any(i == "acticall_stake_acquired" for i, _, _ in periods)  # 2009-07 is a fixed date
    assert ("revenue_growth", "market", "2009") not in periods  # 2007 in 2008 is no data period


def test_the_template_never_overwrites_an_existing_edition(data_copy):
    new_edition_template(data_copy, 2009)
    edition = data_copy / "editions" / "2009.csv"
    edition.write_text(edition.read_text(encoding="utf-8").replace(TO_FILL, "work in progress"), encoding="utf-8")
    kept = edition.read_bytes()
    with pytest.raises(EditionError) as info:
        new_edition_template(data_copy, 2009)
    assert "2009.csv: already exists" in str(info.value)
    assert "not overwritten" in str(info.value)
    assert edition.read_bytes() == kept
    with pytest.raises(EditionError, match="already exists"):
        new_edition_template(data_copy, 2008)


def test_a_template_for_a_year_before_the_latest_edition_is_refused(data_copy):
    with pytest.raises(EditionError, match=r"later than it \(got 2004\)"):
        new_edition_template(data_copy, 2004)
    assert not (data_copy / "editions" / "2004.csv").exists()


def test_the_template_fails_validation_naming_every_row_still_to_fill(data_copy):
    new_edition_template(data_copy, 2009)
    with pytest.raises(DataValidationError) as info:
        validate(data_copy)
    problems = info.value.problems
    rows = {p.row for p in problems if p.file.endswith("editions/2009.csv")}
    n = len(records(data_copy / "editions" / "2009.csv"))
    assert n > 0
    assert rows == set(range(2, n + 2))  # every data row of the template is named
    # the source is TO FILL on every row (the template names no source: the analyst gives it)
    assert {p.row for p in problems if p.file.endswith("editions/2009.csv") and p.column == "source"
            and TO_FILL in str(p)} == rows
    assert all(p.column in ("source", "quote", "value", "low", "high") for p in problems
               if p.file.endswith("editions/2009.csv"))
    assert not any(p.file.endswith("editions/2008.csv") for p in problems)


def test_the_template_keeps_fixed_dates_and_copies_no_speaker(data_copy):
    sources = {r["source"]: r["type"] for r in records(data_copy / "sources.csv")}
    before = records(data_copy / "editions" / "2008.csv")
    assert any(r["source"] == "laurent_uberti" for r in before)  # the latest edition has a speaker's figures
    assert sources["laurent_uberti"] != "barometer"
    new_edition_template(data_copy, 2009)
    after = records(data_copy / "editions" / "2009.csv")
    keys = {(r["indicator"], r["scope"], r["period"]) for r in after}
    indicators = {r["indicator"] for r in after}
    # fixed dates are not copied
    assert "numericable_offshore_start_year" not in indicators  # 2003
    assert "acticall_stake_acquired" not in indicators  # 2009-07
    assert "adviser_job_comparison_year" not in indicators  # 1996-2009
    assert ("revenue_growth", "market", "2008") not in keys  # the 2007 figure does not become 2008
    # no speaker's figure (the template's source is TO FILL: check by indicator, scope and period)
    by_barometer = {(r["indicator"], r["scope"], r["period"]) for r in before if sources[r["source"]] == "barometer"}
    speakers = {(r["indicator"], r["scope"], r["period"]) for r in before if r["source"] == "laurent_uberti"}
    assert ("revenue_growth_forecast", "market", "2009") in speakers
    assert not any((i, s, data_period(p, 2008, 2009)) in keys for i, s, p in speakers - by_barometer)
    assert "revenue_growth_forecast" not in indicators
    # a yearly change moves on as a yearly change
    assert ("adviser_salary_change", "market", "2008-2009") in keys
    # a change since 2000 is a data period, but a speaker gives it in 2008: not copied
    [since_2000] = [r for r in before if r["indicator"] == "production_hour_price_change_since_2000"
                    and r["period"] == "2000-2008"]
    assert sources[since_2000["source"]] == "interview"
    assert "production_hour_price_change_since_2000" not in indicators
    # had the barometer given it, it would move on to 2000-2009
    for name in ("editions/2009.csv", "events/2009.csv"):
        (data_copy / name).unlink()
        (data_copy / f"{name}.meta.yaml").unlink()
    edit_row(data_copy, 2008, ("production_hour_price_change_since_2000", "market", "2000-2008"),
             source="barometer_bearingpoint_sp2c")
    new_edition_template(data_copy, 2009)
    keys = {(r["indicator"], r["scope"], r["period"]) for r in records(data_copy / "editions" / "2009.csv")}
    assert ("production_hour_price_change_since_2000", "market", "2000-2009") in keys


# --------------------------------------------------------------------------- 2. spreadsheet import


def test_a_spreadsheet_import_equals_the_csv_it_was_made_from(tmp_path):
    original = DATA_DIR / "editions" / "2008.csv"
    xlsx = tmp_path / "barometre-2008.xlsx"
    csv_to_xlsx(original, xlsx, order=SHUFFLED)  # any column order, numbers in numeric cells
    data = copy_upto_2008(tmp_path / "data")
    (data / "editions" / "2008.csv").unlink()  # the sidecar stays: its fields are kept
    written = import_xlsx(xlsx, data, 2008)
    assert written == data / "editions" / "2008.csv"
    assert "quote_type" not in csv_header(original)  # a sheet without the optional column is accepted
    assert csv_header(written) == list(EDITION_COLUMNS)  # canonical order, quote_type written (verbatim)
    assert records(written) == with_default_quote_type(records(original))
    meta = read_sidecar(written)
    assert meta["sha256"] == sha256_of(written) and meta["imported_from"] == xlsx.name
    assert meta["title"] == read_sidecar(original)["title"]
    validate(data)


def test_a_spreadsheet_import_reads_the_first_visible_sheet_or_the_one_named_and_says_which(data_copy, tmp_path):
    import openpyxl

    xlsx = tmp_path / "b.xlsx"
    csv_to_xlsx(data_copy / "editions" / "2008.csv", xlsx, order=list(EDITION_COLUMNS))
    wb = openpyxl.load_workbook(xlsx)
    wb.active.title = "Chiffres"
    draft = wb.create_sheet("Brouillon", 0)  # a hidden first sheet of other figures
    draft.sheet_state = "hidden"
    draft["A1"] = "indicator"
    wb.save(xlsx)
    said: list[str] = []
    import_xlsx(xlsx, data_copy, 2008, replace=True, echo=said.append)
    assert said == ["Reading sheet 'Chiffres' of b.xlsx (the first visible sheet; hidden sheet not read: Brouillon)."]
    assert records(data_copy / "editions" / "2008.csv")[0]["indicator"] == "revenue_growth"
    with pytest.raises(EditionError, match="Brouillon!1:1"):  # named, the hidden sheet is read
        import_xlsx(xlsx, data_copy, 2008, replace=True, sheet="Brouillon", echo=said.append)
    assert said[-1].startswith("Reading sheet 'Brouillon' of b.xlsx (the sheet named with --sheet")


def test_a_spreadsheet_with_the_optional_quote_type_column_keeps_it(data_copy, tmp_path):
    import openpyxl

    xlsx = tmp_path / "b.xlsx"
    order = csv_to_xlsx(data_copy / "editions" / "2008.csv", xlsx, order=list(EDITION_COLUMNS))
    wb = openpyxl.load_workbook(xlsx)
    wb.active.cell(2, order.index("quote_type") + 1).value = "summary"  # a press summary, not a verbatim quote
    wb.save(xlsx)
    import_xlsx(xlsx, data_copy, 2008, replace=True)
    rows = records(data_copy / "editions" / "2008.csv")
    assert rows[0]["quote_type"] == "summary" and {r["quote_type"] for r in rows[1:]} <= {"", "verbatim"}
    figures = load(data_copy).figures(2008)  # an empty cell reads as verbatim
    first = next(f for f in figures if (f.indicator, f.scope, f.period) == ("revenue_growth", "market", "2008"))
    assert first.quote_type == "summary"
    assert {f.quote_type for f in figures if f is not first} == {"verbatim"}


def test_spreadsheet_numbers_are_written_with_a_dot_and_periods_typed_as_numbers_are_kept(data_copy, tmp_path):
    import openpyxl

    xlsx = tmp_path / "b.xlsx"
    order = csv_to_xlsx(data_copy / "editions" / "2008.csv", xlsx)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb.active
    col = {c: order.index(c) + 1 for c in order}
    ws.cell(2, col["value"]).value = 15.5  # revenue_growth, market, 2008
    ws.cell(2, col["period"]).value = 2008  # Excel turned the period into a number
    ws.cell(3, col["value"]).value = 0.1 + 0.2  # a computed cell carries binary noise
    ws.cell(4, col["value"]).value = "12"  # a number stored as text, without a comma
    wb.save(xlsx)
    import_xlsx(xlsx, data_copy, 2008, replace=True)
    rows = records(data_copy / "editions" / "2008.csv")
    assert (rows[0]["period"], rows[0]["value"]) == ("2008", "15.5")
    assert rows[1]["value"] == "0.3"
    assert rows[2]["value"] == "12"
    assert load(data_copy).figure("revenue_growth", 2008, scope="market", period=2008).value == 15.5


def test_spreadsheet_errors_name_the_sheet_the_cell_the_value_and_the_expectation(data_copy, tmp_path):
    import openpyxl

    xlsx = tmp_path / "b.xlsx"
    order = csv_to_xlsx(data_copy / "editions" / "2008.csv", xlsx, order=SHUFFLED)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb.active
    col = {c: order.index(c) + 1 for c in order}
    ws.cell(7, col["value"]).value = "15,5"  # a decimal comma in a text cell
    ws.cell(8, col["value"]).value = "dix"
    ws.cell(9, col["period"]).value = datetime(2009, 7, 1)  # "2009-07" turned into a date
    ws.cell(10, col["edition"]).value = 2007
    ws.cell(11, col["unit"]).value = "pourcent"
    wb.save(xlsx)
    before = (data_copy / "editions" / "2008.csv").read_bytes()
    with pytest.raises(EditionError) as info:
        import_xlsx(xlsx, data_copy, 2008, replace=True)
    message = str(info.value)
    value, period, edition, unit = (column_letter(order, c) for c in ("value", "period", "edition", "unit"))
    assert f"Feuil1!{value}7, column 'value': got '15,5'; expected a number cell" in message
    assert "decimal comma" in message
    assert f"Feuil1!{value}8, column 'value': got 'dix'; expected a number" in message
    assert f"Feuil1!{period}9, column 'period'" in message and "date" in message
    assert f"Feuil1!{edition}10, column 'edition': got '2007'; expected 2008" in message
    assert f"Feuil1!{unit}11, column 'unit': got 'pourcent'" in message
    assert "5 problems found" in message  # every problem at once
    assert (data_copy / "editions" / "2008.csv").read_bytes() == before  # nothing written


def test_a_spreadsheet_without_a_required_column_is_refused(data_copy, tmp_path):
    xlsx = tmp_path / "b.xlsx"
    csv_to_xlsx(data_copy / "editions" / "2008.csv", xlsx, order=[c for c in EDITION_COLUMNS if c != "unit"],
                sheet="Baromètre 2008")
    with pytest.raises(EditionError, match=r"'Baromètre 2008'!1:1 \(header row\): no column named 'unit'"):
        import_xlsx(xlsx, data_copy, 2008, replace=True)


def test_an_import_does_not_replace_an_edition_with_figures_unless_asked(data_copy, tmp_path):
    xlsx = tmp_path / "b.xlsx"
    csv_to_xlsx(data_copy / "editions" / "2008.csv", xlsx)
    with pytest.raises(EditionError, match="--replace"):
        import_xlsx(xlsx, data_copy, 2008)


def test_an_import_fills_the_template_written_by_new_edition(data_2009, tmp_path):
    data = data_2009
    filled = records(data / "editions" / "2009.csv")
    for name in ("editions/2009.csv", "events/2009.csv"):
        (data / name).unlink()
        (data / f"{name}.meta.yaml").unlink()
    new_edition_template(data, 2009)
    xlsx = tmp_path / "barometre-2009.xlsx"
    csv_to_xlsx(EDITION_2009 / "editions" / "2009.csv", xlsx)
    import_xlsx(xlsx, data, 2009)  # the untouched template is replaced without --replace
    assert records(data / "editions" / "2009.csv") == with_default_quote_type(filled)


def test_a_formula_without_a_saved_result_and_cells_outside_the_header_are_errors(data_copy, tmp_path):
    import openpyxl

    xlsx = tmp_path / "b.xlsx"
    order = csv_to_xlsx(data_copy / "editions" / "2008.csv", xlsx)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb.active
    ws.cell(2, order.index("value") + 1).value = "=13+2"  # openpyxl saves no result
    ws.cell(3, len(order) + 2).value = "checked by JD"
    wb.save(xlsx)
    with pytest.raises(EditionError) as info:
        import_xlsx(xlsx, data_copy, 2008, replace=True)
    message = str(info.value)
    assert f"Feuil1!{column_letter(order, 'value')}2, column 'value': got the formula '=13+2' with no saved result" in message
    assert "Feuil1!N3: got 'checked by JD' in a column without a header" in message


# --------------------------------------------------------------------------- 4. the fictional fixture


def test_the_fictional_2009_edition_validates_and_says_it_is_fictional(data_2009):
    ds = load(data_2009)
    assert ds.editions[-2:] == [2008, 2009]
    assert all(FICTIF in f.note for f in ds.figures(2009))
    assert all(FICTIF in e for e in ds.events(2009)["note"])
    real = DATA_DIR / "editions" / "2009.csv"
    assert not real.exists() or FICTIF not in real.read_text(encoding="utf-8")  # never in data/
    assert (EDITION_2009 / "README.md").read_text(encoding="utf-8").startswith("# FICTIF")


# --------------------------------------------------------------------------- 3. comparison


def warned(report, indicator: str, scope: str = "market") -> list[str]:
    return [str(w) for w in report.warnings if f"{indicator} ({scope})" in str(w)]


def test_the_fictional_2009_edition_passes_the_comparison_and_asks_to_confirm_its_falls_of_more_than_half(data_2009):
    report = compare_editions(load(data_2009), 2008, 2009)
    assert report.ok, report.to_text()
    republished = {(r["indicator"], r["scope"]) for r in records(data_2009 / "editions" / "2009.csv")}
    assert all((f.indicator, f.scope) not in republished for f in report.not_republished)
    assert report.unchanged > 0
    # the fixture's falls of more than half (within 20 points) warn; its other moves do not
    falls = {("revenue_growth", "market"), ("revenue_growth", "france"), ("revenue_growth", "offshore"),
             ("inbound_revenue_share_change", "market")}
    assert {(i, s) for i, s in falls if warned(report, i, s)} == falls
    assert len(report.warnings) == len(falls), report.to_text()
    assert all("more than half" in str(w) for w in report.warnings)
    report.raise_for_errors()  # warnings do not stop the build


def not_republished(report) -> set[tuple[str, str]]:
    return {(f.indicator, f.scope) for f in report.not_republished}


def test_an_indicator_the_new_edition_does_not_republish_is_listed_not_an_error(data_2009):
    baseline = compare_editions(load(data_2009), 2008, 2009)
    assert ("client_offshore_visit_weeks", "client_managers") not in not_republished(baseline)
    drop_rows(data_2009, 2009, "client_offshore_visit_weeks")
    report = compare_editions(load(data_2009), 2008, 2009)
    assert report.ok and not report.errors
    report.raise_for_errors()  # does not raise
    [last] = [f for f in report.not_republished if f.indicator == "client_offshore_visit_weeks"]
    assert not_republished(report) - not_republished(baseline) == {("client_offshore_visit_weeks", "client_managers")}
    assert (last.indicator, last.scope, last.edition, last.period) == (
        "client_offshore_visit_weeks", "client_managers", 2008, "2009")
    text = report.to_text()
    assert "ERRORS" not in text and f"{len(report.not_republished)} not republished" in text
    assert "Not republished (the book shows the last published value)" in text
    assert "client_offshore_visit_weeks (client_managers, 2009)" in text and "in 2008" in text
    page = report.to_markdown()
    assert "## Indicateurs absents de cette édition" in page and last.label[1:] in page
    assert "L'édition 2009 ne republie pas" in page


def test_a_scope_the_new_edition_does_not_republish_is_listed_too(data_2009):
    path = data_2009 / "editions" / "2009.csv"
    baseline = compare_editions(load(data_2009), 2008, 2009)
    write_rows(path, [r for r in records(path) if (r["indicator"], r["scope"]) != ("adviser_salary_net", "united_kingdom")])
    report = compare_editions(load(data_2009), 2008, 2009)
    assert not report.errors
    # the France scope is still published: only the United Kingdom is listed
    assert not_republished(report) - not_republished(baseline) == {("adviser_salary_net", "united_kingdom")}
    assert all(f.edition == 2008 for f in report.not_republished)


def test_an_indicator_marked_not_published_is_listed_not_reported_as_missing(data_2009):
    report = compare_editions(load(data_2009), 2008, 2009)
    [(row, last)] = report.not_published
    assert (row.indicator, row.qualifier) == ("paris_turnover_rate", "not_published")
    assert last is not None and (last.edition, last.value) == (2008, 30)
    assert not report.errors


def test_a_changed_unit_fails_the_comparison(data_2009):
    # the analyst changed the unit in the dictionary and in the new edition: the comparison,
    # which reads the files as they are, says that an indicator keeps its unit
    dictionary = data_2009 / "indicators.csv"
    dictionary.write_text(
        dictionary.read_text(encoding="utf-8").replace(
            "training_budget,Budget des formations prévues,eur_million", "training_budget,Budget des formations prévues,count"
        ),
        encoding="utf-8",
    )
    write_sidecar(dictionary)
    edit_row(data_2009, 2009, ("training_budget", "framework_agreement", "2010"), unit="count")
    report = compare_editions(data_2009, 2008, 2009)
    [error] = report.errors
    assert "column 'unit': got 'count'; expected eur_million, the unit of 'training_budget' in edition 2008" in str(error)
    assert "add a new indicator" in str(error)


def test_a_revision_is_reported_with_the_old_and_new_values_and_both_sources(data_2009):
    report = compare_editions(load(data_2009), 2008, 2009)
    [revision] = report.revisions
    assert (revision.new.indicator, revision.new.scope, revision.new.period) == ("revenue_growth", "market", "2008")
    assert (revision.old.value, revision.new.value) == (15, 14)
    assert (revision.old_text, revision.new_text) == (f"15{formatting.NBSP}%", f"14{formatting.NBSP}%")
    text = report.to_text()
    assert f"revenue_growth (market, 2008): 15{formatting.NBSP}% in 2008 -> 14{formatting.NBSP}% in 2009" in text
    assert revision.old.source_name in text
    assert not report.errors  # a revision is not an error


def test_changes_pair_each_figure_with_the_same_figure_one_edition_earlier(data_2009):
    report = compare_editions(load(data_2009), 2008, 2009)
    changes = {(c.new.indicator, c.new.scope): c for c in report.changes}
    growth = changes[("revenue_growth", "market")]
    assert (growth.old.period, growth.new.period, growth.old.value, growth.new.value) == ("2008", "2009", 15, 6)
    assert growth.change_text == f"\u22129{formatting.NBSP}points"
    salary = changes[("adviser_salary_gross", "market")]
    assert (salary.old_text, salary.new_text) == (formatting.euros(1528), formatting.euros(1570))
    assert salary.change_text == formatting.percent(2.7, signed=True)
    since_2000 = changes[("production_hour_price_change_since_2000", "market")]  # 2000-2008 with 2000-2009
    assert (since_2000.old.period, since_2000.new.period) == ("2000-2008", "2000-2009")
    assert ("paris_turnover_rate", "paris") not in changes


def test_an_implausible_jump_warns_and_asks_for_confirmation(data_2009):
    set_value(data_2009, "part_time_share", "market", "2009", "35", edition=2009)  # 10 % -> 35 %
    report = compare_editions(load(data_2009), 2008, 2009)
    [text] = warned(report, "part_time_share")
    assert f"10{formatting.NBSP}% (2008, edition 2008) to 35{formatting.NBSP}% (2009)" in text
    assert "beyond the bound of 20 points" in text
    assert "'confirmed'" in text and "note" in text
    assert report.ok  # a warning does not stop the build


def test_a_confirmed_jump_does_not_warn(data_2009):
    report = compare_editions(load(data_2009), 2008, 2009)
    hotline = next(c for c in report.changes if c.new.indicator == "hotline_inbound_growth")
    assert hotline.jump and hotline.confirmed  # -85 points, confirmed in the fixture's note
    assert not warned(report, "hotline_inbound_growth", "technical_hotline")
    before = [str(w) for w in report.warnings]
    set_value(data_2009, "part_time_share", "market", "2009", "35", edition=2009)
    assert warned(compare_editions(load(data_2009), 2008, 2009), "part_time_share")  # unconfirmed: warns
    edit_row(data_2009, 2009, ("part_time_share", "market", "2009"),
             note=f"{FICTIF}. Jump confirmed: checked against the barometer.")
    report = compare_editions(load(data_2009), 2008, 2009)
    assert not warned(report, "part_time_share")
    assert [str(w) for w in report.warnings] == before
    assert next(c for c in report.changes if c.new.indicator == "part_time_share").confirmed


def test_a_relative_jump_warns_for_amounts_and_counts_with_a_tunable_threshold(data_2009):
    set_value(data_2009, "adviser_salary_gross", "market", "2009", "2500", edition=2009)  # +64 %
    ds = load(data_2009)
    [warning] = warned(compare_editions(ds, 2008, 2009), "adviser_salary_gross")
    assert "beyond the bound of 50 %" in warning
    assert not warned(compare_editions(ds, 2008, 2009, threshold=0.7), "adviser_salary_gross")
    set_value(data_2009, "adviser_salary_gross", "market", "2009", "1570", edition=2009)  # +2,7 %, the fixture's
    assert not warned(compare_editions(load(data_2009), 2008, 2009), "adviser_salary_gross")


def test_a_fall_of_more_than_half_warns_even_within_twenty_points(data_2009):
    set_value(data_2009, "revenue_growth", "market", "2009", "4.2", edition=2009)  # 15 % -> 4,2 %: -10,8 points
    report = compare_editions(load(data_2009), 2008, 2009)
    [text] = warned(report, "revenue_growth")
    assert f"from 15{formatting.NBSP}% (2008, edition 2008) to 4,2{formatting.NBSP}% (2009)" in text
    assert "a fall of 72 % of its value, more than half" in text
    assert "20 points" not in text  # within the bound in points
    assert "'confirmed'" in text and report.ok
    # a fall of less than half (15 % -> 8 %) does not warn, nor does a rise
    for value in ("8", "20"):
        set_value(data_2009, "revenue_growth", "market", "2009", value, edition=2009)
        assert not warned(compare_editions(load(data_2009), 2008, 2009), "revenue_growth")
    # confirmed in the note: listed among the changes, no warning
    set_value(data_2009, "revenue_growth", "market", "2009", "4.2", edition=2009)
    edit_row(data_2009, 2009, ("revenue_growth", "market", "2009"),
             note=f"{FICTIF}. Fall confirmed: checked against the barometer.")
    report = compare_editions(load(data_2009), 2008, 2009)
    assert not warned(report, "revenue_growth")
    change = next(c for c in report.changes if (c.new.indicator, c.new.scope) == ("revenue_growth", "market"))
    assert change.jump and change.confirmed


def test_a_to_fill_left_in_the_new_edition_stops_it(data_2009):
    edition = data_2009 / "editions" / "2009.csv"
    write_sidecar(edition, licence=f"{TO_FILL}: terms of reuse")
    edit_row(data_2009, 2009, ("part_time_share", "market", "2009"), note=TO_FILL)
    errors = [str(e) for e in compare_editions(load(data_2009), 2008, 2009).errors]
    assert any("2009.csv.meta.yaml, field 'licence'" in e for e in errors)
    assert any("column 'note': still reads 'TO FILL'" in e for e in errors)


def test_an_unknown_edition_cannot_be_compared(data_2009):
    with pytest.raises(EditionError, match="no edition 2011"):
        compare_editions(load(data_2009), 2008, 2011)


# --------------------------------------------------------------------------- the book page


def test_the_changes_page_lists_every_changed_indicator_with_both_values(data_2009):
    ds = load(data_2009)
    page = changes_markdown(ds, 2009)
    assert not page.lstrip().startswith("#")  # the page gives the title
    assert "| Indicateur (périmètre) | 2008 | 2009 | Variation |" in page
    report = compare_editions(ds, 2008, 2009)
    for change in report.changes:
        line = next(line for line in page.splitlines() if f"<{change.new.anchor}>" in line)
        assert f"{{ref}}`{change.old_text} <{change.old.anchor}>`" in line
        assert f"{{ref}}`{change.new_text} <{change.new.anchor}>`" in line
    assert "## Révisions" in page and "<fig-2009-revenue-growth-market-2008>" in page
    assert "## Indicateurs absents de cette édition" in page and "Taux de rotation du personnel à Paris" in page
    assert "## Nouveaux chiffres" in page
    # each source named once, above its figures (editor37: repeated after each of 26 lines)
    new = changes_markdown(load(), 2011).split("## Nouveaux chiffres")[1].split("\n## ")[0]
    heads = [ln for ln in new.splitlines() if ln.startswith("D'après ")]
    assert heads and len(heads) == len(set(heads)) and not any(" — " in ln for ln in new.splitlines() if ln.startswith("- "))
    # a study with its article (editors 40, 42: « D'après Baromètre des outsourceurs … »)
    assert any(h.startswith("D'après le baromètre des outsourceurs") for h in heads)
    assert not any(h.startswith("D'après Baromètre") for h in heads)


def test_the_changes_page_of_the_first_edition_says_there_is_nothing_to_compare():
    first = load().editions[0]
    page = changes_markdown(load(), first)
    assert "première édition" in page and str(first) in page
    assert compare_editions(load(), None, first).to_text().startswith(f"Edition {first} is the first edition")


def test_the_brief_report_keeps_errors_warnings_and_revisions(data_2009):
    report = compare_editions(load(data_2009))
    brief = report.to_text(brief=True)
    assert "Revisions of figures already published (1)" in brief
    assert "Changes (" not in brief and "Changes (" in report.to_text()


def test_the_report_is_saved_as_text_and_markdown(data_2009, tmp_path):
    report = compare_editions(load(data_2009))
    txt, md = write_report(report, tmp_path / "reports")
    assert txt.name == "2009-changes.txt" and "Revisions of figures already published (1)" in txt.read_text("utf-8")
    assert md.read_text("utf-8").startswith("Cette page compare l'édition 2009")


def test_the_changes_page_counts_in_one_french_sentence_with_small_counts_in_words():
    from barometre.editions import changes_markdown

    text = changes_markdown(load(), 2011)
    first = next(line for line in text.split("\n") if line.startswith("Cette page"))
    # in print, a chapter (printed46: « Cette page compare… » in the PDF)
    assert ":::{only} latex\nCe chapitre compare l'édition 2011 du baromètre à l'édition 2010 : neuf" in text
    assert first.startswith("Cette page compare l'édition 2011 du baromètre à l'édition 2010 : neuf chiffres modifiés, "
                            "aucune révision, 28\u00a0nouveaux chiffres"), first  # 28: the 2009 offshore share is new, not a change
    assert "Chiffres modifiés :" not in first


def test_a_disagreement_is_one_line_per_figure_and_tells_two_articles_of_one_outlet_apart():
    """The changes page listed « Part des CDI (…, 2008) : 73 % / 77 % » three times (one line per other
    source) and « 59 % selon Relation Client Magazine, 56 % selon Relation Client Magazine »."""
    from barometre import load
    from barometre.editions import disagreements_markdown

    text = disagreements_markdown(load(), 2009)
    cdi = [line for line in text.splitlines() if line.startswith("- Part des CDI")]
    assert len(cdi) == 1, cdi
    assert "Contact Distance et La Tribune" in cdi[0]
    assert cdi[0].count("selon") == 2  # one per value: 73 % ; 77 %
    graduates = next(line for line in text.splitlines() if line.startswith("- Part des salariés de niveau bac"))
    assert "selon Relation Client Magazine («" in graduates  # the two articles are named


def test_a_new_change_is_listed_with_its_sign():
    """« Évolution du salaire moyen des conseillers (…) : 1 % » read as a level; a change is « +1 % »."""
    from barometre import load
    from barometre.editions import compare_editions

    lines = compare_editions(load(), 2010, 2011).to_markdown().splitlines()
    salary = next(line for line in lines if line.startswith("- **Évolution du salaire moyen"))
    assert "`+1\u00a0%" in salary, salary
    share = next(line for line in lines if line.startswith("- **Part des CDI"))
    assert "`+" not in share  # a share is a level, not a change


def test_a_figure_not_republished_is_named_with_its_scope_and_period_not_as_an_absent_indicator():
    """2011 does not republish the 2010 sector headcounts of France and offshore, but publishes the whole
    sector's for 2011: the page listed « Effectifs du secteur » among the indicators absent from 2011, beside
    a new 2011 « Effectifs du secteur ». It names the figures, with scope and period, and counts figures."""
    page = compare_editions(load(), 2010, 2011).to_markdown()
    section = page[page.index("## Indicateurs absents"):]
    assert "ne republie pas sept chiffres de l'édition 2010" in section
    assert "effectifs du secteur (France\\, 2010 \\; offshore\\, 2010)" in section, section[:600]
    assert "Effectifs du secteur," not in section


def test_a_change_pairs_each_series_newest_years_not_an_older_year_the_new_edition_adds():
    from barometre.data import load
    from barometre.editions.compare import compare_editions

    report = compare_editions(load(), current=2011)
    shares = [(c.old.period, c.new.period) for c in report.changes if c.new.indicator == "offshore_revenue_share"]
    assert shares == [("2010", "2011")]  # not also 2008 (edition 2010) → 2009 (edition 2011)
    assert any(f.indicator == "offshore_revenue_share" and f.period == "2009" for f in report.new)


def test_only_values_that_cannot_be_one_figure_are_said_to_disagree():
    """editor37: « Sources en désaccord » listed « 3 560 M€ » against « plus de 3 500 M€ » and « 808 M€ » against
    « 808,4 M€ »: one figure at two precisions. They go under « Même chiffre, précision différente »; a real
    disagreement (73 % against 77 % of CDI, 69 % against more than 70 %) stays where it was."""
    from barometre import load
    from barometre.editions import disagreements_markdown

    text = disagreements_markdown(load(), 2024)
    head, _, same = text.partition("## Même chiffre, précision différente")
    assert "## Sources en désaccord" in head and same
    for line in ("- Part des CDI", "- Part du coût de personnel", "- Croissance du chiffre d\\'affaires (offshore"):
        assert line in head and line not in same, line
    for line in ("- Chiffre d\\'affaires du secteur (ensemble du marché, 2024)",
                 "- Chiffre d\\'affaires du panel de l\\'étude", "- Part de l\\'activité France dans le chiffre "
                 "d\\'affaires (ensemble du marché, 2011)"):
        assert line in same and line not in head, line


def test_a_bound_that_excludes_a_value_is_a_disagreement():
    """The rule reads the bound's side: « plus de 70 % » and « 69 % » cannot both hold; « moins de 70 % » and
    « 69 % » can."""
    from dataclasses import replace

    from barometre import load
    from barometre.precision import interval, overlap

    ds = load()
    a, b = next((a, b) for a, b in ds.disagreements(2024) if a.indicator == "personnel_cost_share")
    assert not overlap(interval(a), interval(b))
    assert overlap(interval(a), interval(replace(b, qualifier="less_than")))

