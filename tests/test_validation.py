"""The data contract: every broken input is reported with file, row, column, value and expectation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import edition_lines, rewrite

from barometre.validation import DataValidationError, validate


def problems_for(data_dir: Path) -> list:
    with pytest.raises(DataValidationError) as info:
        validate(data_dir)
    return info.value.problems


def edition_file(data_dir: Path) -> Path:
    return data_dir / "editions" / "2008.csv"


def replace_line(data_dir: Path, index: int, new: str) -> None:
    lines = edition_lines(data_dir)
    lines[index] = new
    rewrite(edition_file(data_dir), "\n".join(lines) + "\n")


def line_of(data_dir: Path, prefix: str) -> int:
    """0-based index of the first line starting with ``prefix``."""
    return next(i for i, line in enumerate(edition_lines(data_dir)) if line.startswith(prefix))


def test_the_published_data_is_valid():
    from barometre.paths import DATA_DIR

    data = validate(DATA_DIR)
    assert 2008 in data.editions


def test_a_latin1_file_is_reported_with_its_line_and_the_fix(data_copy):
    text = edition_file(data_copy).read_text(encoding="utf-8")
    rewrite(edition_file(data_copy), text.encode("latin-1", errors="replace"))
    [problem] = [p for p in problems_for(data_copy) if p.file.endswith("2008.csv")]
    first_non_ascii_line = next(i for i, line in enumerate(text.splitlines(), 1) if any(ord(c) > 127 for c in line))
    assert problem.row == first_non_ascii_line
    assert "UTF-8" in problem.expected and "latin-1" in problem.expected


def test_a_decimal_comma_is_reported_as_such(data_copy):
    i = line_of(data_copy, "revenue_growth,2008,2008,market")
    replace_line(data_copy, i, edition_lines(data_copy)[i].replace(",15,,,", ',"15,0",,,', 1))
    [problem] = problems_for(data_copy)
    assert (problem.row, problem.column, problem.value) == (i + 1, "value", "15,0")
    assert "decimal separator" in problem.expected


def test_a_missing_column_is_named(data_copy):
    import csv
    import io

    rows = list(csv.reader(io.StringIO(edition_file(data_copy).read_text(encoding="utf-8"))))
    col = rows[0].index("unit")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:col] + r[col + 1 :] for r in rows])
    rewrite(edition_file(data_copy), out.getvalue())
    problems = problems_for(data_copy)
    assert any(p.column == "unit" and p.row == 1 and "column named 'unit'" in p.expected for p in problems)


def test_an_unknown_unit_lists_the_allowed_units(data_copy):
    i = line_of(data_copy, "outbound_revenue_share")
    replace_line(data_copy, i, edition_lines(data_copy)[i].replace(",percent,", ",pourcent,", 1))
    [problem] = problems_for(data_copy)
    assert (problem.column, problem.value) == ("unit", "pourcent")
    assert "percent_change" in problem.expected


def test_a_duplicate_row_points_to_the_first_occurrence(data_copy):
    lines = edition_lines(data_copy)
    i = line_of(data_copy, "part_time_share")
    rewrite(edition_file(data_copy), "\n".join([*lines, lines[i]]) + "\n")
    [problem] = problems_for(data_copy)
    assert problem.row == len(lines) + 1
    assert f"row {i + 1}" in problem.expected


def test_a_share_above_100_percent_is_rejected(data_copy):
    i = line_of(data_copy, "part_time_share")
    replace_line(data_copy, i, edition_lines(data_copy)[i].replace(",10,,,", ",150,,,", 1))
    [problem] = problems_for(data_copy)
    assert (problem.column, problem.value) == ("value", "150")  # as typed, not as a float
    assert "between 0 and 100" in problem.expected


def test_a_range_with_low_above_high_is_rejected(data_copy):
    i = line_of(data_copy, "inhouse_salary_premium")
    replace_line(data_copy, i, edition_lines(data_copy)[i].replace(",,60,70,", ",,80,70,", 1))
    [problem] = problems_for(data_copy)
    assert (problem.column, problem.value) == ("low", "80.0")
    assert "low ≤ high" in problem.expected


def test_an_empty_file_is_reported(data_copy):
    rewrite(edition_file(data_copy), "")
    problems = problems_for(data_copy)
    assert any(p.file.endswith("2008.csv") and "empty" in p.expected for p in problems)


def test_an_unknown_source_is_rejected(data_copy):
    i = line_of(data_copy, "part_time_share")
    replace_line(data_copy, i, edition_lines(data_copy)[i].replace("barometer_bearingpoint_sp2c", "mystery_panel", 1))
    [problem] = problems_for(data_copy)
    assert (problem.column, problem.value) == ("source", "mystery_panel")
    assert "sources.csv" in problem.expected


def test_an_edition_may_leave_out_any_indicator_since_editions_are_sparse_vintages(data_copy):
    lines = [line for line in edition_lines(data_copy) if not line.startswith("personnel_cost_share,")]
    rewrite(edition_file(data_copy), "\n".join(lines) + "\n")
    validate(data_copy)  # raises DataValidationError if the missing indicator were a problem


def test_a_non_numeric_value_is_rejected(data_copy):
    i = line_of(data_copy, "part_time_share")
    replace_line(data_copy, i, edition_lines(data_copy)[i].replace(",10,,,", ",dix,,,", 1))
    [problem] = problems_for(data_copy)
    assert (problem.row, problem.column, problem.value) == (i + 1, "value", "dix")
    assert "a number" in problem.expected


def test_trailing_junk_lines_are_reported_one_by_one(data_copy):
    lines = edition_lines(data_copy)
    rewrite(edition_file(data_copy), "\n".join([*lines, "", "Total,,", "Source : BearingPoint"]) + "\n")
    problems = problems_for(data_copy)
    assert [p.row for p in problems] == [len(lines) + 2, len(lines) + 3]
    assert all("fields" in p.expected for p in problems)


def test_a_quote_longer_than_300_characters_is_rejected(data_copy):
    i = line_of(data_copy, "part_time_share")
    row = edition_lines(data_copy)[i]
    replace_line(data_copy, i, row.replace("CDI", "CDI " + "x" * 300, 1) if "CDI" in row else row[:-1] + "x" * 301)
    problems = problems_for(data_copy)
    assert any("at most 300" in p.expected for p in problems)


def test_a_changed_file_without_a_new_checksum_is_caught(data_copy):
    path = edition_file(data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace(",15,,,", ",16,,,", 1), encoding="utf-8")
    [problem] = problems_for(data_copy)
    assert problem.column == "sha256"
    assert "python -m barometre sidecar" in problem.expected


def test_every_data_file_has_a_sidecar_with_a_matching_checksum():
    from barometre.paths import DATA_DIR
    from barometre.provenance import read_sidecar
    from barometre.validation import SIDECAR_KEYS, data_files, sha256_of

    files = data_files(DATA_DIR)
    assert len(files) >= 8
    for path in files:
        meta = read_sidecar(path)
        assert all(meta.get(k) for k in SIDECAR_KEYS), path
        assert meta["sha256"] == sha256_of(path), path


def test_a_data_file_without_sidecar_is_reported(data_copy):
    (data_copy / "reference" / "cpi_france_annual.csv.meta.yaml").unlink()
    [problem] = problems_for(data_copy)
    assert problem.file.endswith("cpi_france_annual.csv") and "sidecar" in problem.expected


def test_every_problem_is_reported_at_once(data_copy):
    lines = edition_lines(data_copy)
    a = line_of(data_copy, "part_time_share")
    b = line_of(data_copy, "outbound_revenue_share")
    lines[a] = lines[a].replace(",10,,,", ",dix,,,", 1)
    lines[b] = lines[b].replace(",percent,", ",pourcent,", 1)
    lines.append("junk")
    rewrite(edition_file(data_copy), "\n".join(lines) + "\n")
    problems = problems_for(data_copy)
    assert len(problems) == 3
    assert [p.row for p in problems] == sorted([a + 1, b + 1, len(lines)])


def test_the_command_line_exits_non_zero_and_names_file_row_column_and_expectation(data_copy):
    i = line_of(data_copy, "part_time_share")
    replace_line(data_copy, i, edition_lines(data_copy)[i].replace(",10,,,", ",dix,,,", 1))
    proc = subprocess.run(
        [sys.executable, "-m", "barometre", "--data-dir", str(data_copy), "validate"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert f"2008.csv, row {i + 1}, column 'value': got 'dix'; expected a number" in proc.stderr
    assert "1 problem found" in proc.stderr


def test_refreshing_a_sidecar_changes_only_its_checksum_line(data_copy):
    from barometre.provenance import write_sidecar

    path = edition_file(data_copy)
    meta = path.with_name(path.name + ".meta.yaml")
    before = meta.read_text(encoding="utf-8").splitlines()
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    write_sidecar(path)
    after = meta.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][0].startswith("sha256:") and changed[0][1].startswith("sha256:")


def test_the_scope_dictionary_and_the_labels_of_the_pages_say_the_same():
    """data/scopes.csv is the declared list the validation checks scopes against; barometre.labels prints
    them. Both must hold the same scopes with the same French label."""
    from barometre.labels import SCOPE_LABELS
    from barometre.paths import DATA_DIR

    scopes = validate(DATA_DIR).scopes
    dictionary = {row.scope: row.label_fr for row in scopes.rows}
    assert dictionary == SCOPE_LABELS
    for new in ("nearshore", "offshore_1", "offshore_2", "offshore_3"):  # the regions of offshore (issue 29)
        assert new in dictionary


def test_every_scope_of_the_data_and_of_the_fixtures_is_declared():
    import csv

    from barometre.paths import DATA_DIR, ROOT

    declared = {row["scope"] for row in csv.DictReader((DATA_DIR / "scopes.csv").open(encoding="utf-8"))}
    files = sorted(DATA_DIR.glob("editions/*.csv")) + sorted((ROOT / "tests" / "fixtures").glob("*/editions/*.csv"))
    used = {row["scope"] for path in files for row in csv.DictReader(path.open(encoding="utf-8"))}
    assert used and used <= declared, used - declared


def test_a_new_scope_is_accepted_once_declared_in_the_dictionary(data_copy):
    i = line_of(data_copy, "revenue_growth,2008,2008,market")
    replace_line(data_copy, i, edition_lines(data_copy)[i].replace(",market,", ",nouvelle_zone,", 1))
    [problem] = problems_for(data_copy)
    assert (problem.column, problem.value) == ("scope", "nouvelle_zone")
    path = data_copy / "scopes.csv"
    rewrite(path, path.read_text(encoding="utf-8") + "nouvelle_zone,nouvelle zone,A region added for this test.\n")
    assert "nouvelle_zone" in {r.scope for r in validate(data_copy).scopes.rows}


@pytest.mark.parametrize(("unit", "inside", "outside"), [
    ("year", "2003", "2003.5"), ("year", "1990", "1989"), ("eur_per_month_gross", "1528", "1000000000"),
    ("eur_per_month_net", "1400", "50"), ("percent_change", "-50", "-101"), ("weeks", "7", "600"),
])
def test_each_unit_has_a_plausible_range(unit, inside, outside):
    from barometre.validation import unit_range_expected

    assert unit_range_expected(unit, float(inside)) == ""
    assert unit_range_expected(unit, float(outside)) != ""


def test_a_year_unit_may_name_next_year_but_not_the_one_after():
    from datetime import date

    from barometre.validation import unit_range_expected

    assert unit_range_expected("year", date.today().year + 1) == ""
    assert "from 1990 to" in unit_range_expected("year", date.today().year + 2)
