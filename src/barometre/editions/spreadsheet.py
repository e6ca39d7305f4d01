"""Step 1, from a spreadsheet: an edition's first visible sheet (or the one named) transcribed into its CSV, every problem
named by its cell (see barometre.editions)."""

from __future__ import annotations

import contextlib
import math
import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from barometre.editions.common import (
    EDITION_COLUMNS,
    NUMERIC_COLUMNS,
    EditionError,
    Issue,
    _csv_text,
    _dictionary,
    _ensure_sidecar,
    _read_records,
    _template_sidecar,
)
from barometre.files import special_kind
from barometre.paths import relative
from barometre.validation import (
    DECIMAL_COMMA,
    MAX_ROWS,
    NUMBER,
    THOUSANDS,
    EditionRow,
    ScopeRow,
    _expected_from,
    check_edition_row,
    number_expected,
    read_table,
    scope_expected,
)

# --------------------------------------------------------------------------- 2. spreadsheet import

MAX_SHEET_COLUMNS = 40  # an edition has 13 columns; a few empty ones beside them are tolerated
FORMULA_SIGNS = ("=", "+", "-", "@")  # a spreadsheet reads text starting so as a formula (CSV injection)


def is_unfilled_template(path: Path) -> bool:
    """True when ``path`` is an edition file as new-edition wrote it: no value, bound or quote yet."""
    try:
        _, rows = _read_records(path)
    except (OSError, UnicodeDecodeError, EditionError):
        return False
    blank = ("value", "low", "high", "quote")
    return bool(rows) and all(not (r.get(c) or "").strip() for r in rows for c in blank)


def _number_text(x: float | int) -> str:
    """A number as the CSV holds it: '.' decimals, no exponent, no float noise ('15', '17.5')."""
    if isinstance(x, int):
        return str(x)
    x = float(f"{x:.12g}")  # drop binary noise of computed cells (0.30000000000000004)
    if x.is_integer():
        return str(int(x))
    return format(Decimal(repr(x)), "f")


def _cell_ref(sheet: str, row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    name = sheet if re.fullmatch(r"[A-Za-z0-9_À-ÿ]+", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{get_column_letter(col)}{row}"


def _header_ref(sheet: str) -> str:
    """The header row as a spreadsheet names it: ``Feuil1!1:1``."""
    return _cell_ref(sheet, 1, 1).rsplit("!", 1)[0] + "!1:1"


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _convert_cell(column: str, v: Any, year: int) -> tuple[str, str | None]:
    """The CSV text of one cell, and what was expected when the cell cannot be transcribed."""
    if _blank(v):
        return "", None
    if isinstance(v, bool):
        return str(v), "a number or text, not a TRUE/FALSE cell"
    if isinstance(v, datetime | date | time):
        shown = v.isoformat()
        if column == "period":
            return shown, (
                "a period typed as text (2008, 2009-07 or 2007-2008): the spreadsheet turned it into "
                "a date; format the column as Text and type the period again"
            )
        return shown, "a number or text, not a date (the spreadsheet turned the entry into a date)"
    if column in NUMERIC_COLUMNS:
        if _is_number(v):
            if not math.isfinite(v):
                return str(v), "a finite number"
            return _number_text(v), None
        text = str(v).strip()
        if THOUSANDS.match(text):
            return text, number_expected(text) + " in a number cell"
        if DECIMAL_COMMA.match(text):
            return text, (
                "a number cell: this is text with a decimal comma; type the number again so that "
                "the spreadsheet stores a number, or write it with '.' (e.g. 15.5)"
            )
        if NUMBER.match(text):
            return _number_text(float(text)) if "." in text else str(int(text)), None
        return text, "a number, e.g. 15 or 1528.5 (no unit, no thousands separator)"
    if column == "edition":
        text = str(int(v)) if _is_number(v) and float(v).is_integer() else str(v).strip()
        if text != str(year):
            return text, f"{year}, the edition being imported"
        return text, None
    if _is_number(v):
        if column == "period" and not float(v).is_integer():
            return _number_text(v), "a period typed as text (2008, 2009-07 or 2007-2008), not a decimal number"
        return _number_text(v), None
    text = str(v).strip()
    if text.startswith(FORMULA_SIGNS) and not NUMBER.match(text):
        return text, (f"text that does not start with {', '.join(FORMULA_SIGNS)}: a spreadsheet that opens the "
                      "data would run it as a formula (=HYPERLINK, =cmd…); remove the sign, or write the text "
                      "in words")
    return text, None


def _choose_sheet(book, wanted: str | None, source: str):
    """The sheet named ``wanted``, or else the first visible sheet; an Issue list when there is none."""
    names = ", ".join(repr(ws.title) for ws in book.worksheets)
    if wanted is not None:
        if wanted not in book.sheetnames:
            return None, [Issue(source, f"no sheet named {wanted!r}; expected one of: {names}")]
        return book[wanted], []
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    if not visible:
        return None, [Issue(source, f"no visible sheet (sheets: {names}); name the one to read with --sheet")]
    return visible[0], []


def import_xlsx(xlsx_path: Path | str, data_dir: Path | str, year: int, *, replace: bool = False,
                sheet: str | None = None, echo=None) -> Path:
    """Transcribe the first visible sheet of a spreadsheet (or the sheet named ``sheet``) into
    ``editions/<year>.csv``; ``echo`` (e.g. ``print``) is told which sheet was read.

    Row 1 holds the column names of the edition CSV, in any order. Numbers come from
    numeric cells and are written with '.' decimals; a text cell holding a number with a
    decimal comma is an error, never converted. Rows are checked as validation checks
    them (types, qualifier and value, units, dictionary, sources), and every problem is
    reported at once with its cell (``Feuil1!E7``); nothing is written unless the whole
    sheet is right. Writes the file in the canonical column order, and its sidecar
    (existing fields are kept, missing ones are marked TO FILL). An existing edition file
    is replaced only with ``replace=True`` (e.g. the template written by new-edition)."""
    import openpyxl

    xlsx_path = Path(xlsx_path)
    data_dir = Path(data_dir)
    year = int(year)
    target = data_dir / "editions" / f"{year}.csv"
    title = f"Import of {xlsx_path.name} into edition {year} failed"
    footer = "Nothing was written: fix the spreadsheet and run the import again."
    if target.exists() and not replace and not is_unfilled_template(target):
        raise EditionError(
            [Issue(relative(target), "already exists and holds figures; pass replace=True (command line: "
                   "--replace) to overwrite it with the spreadsheet")],
            title=title,
            footer=footer,
        )
    kind = special_kind(xlsx_path)
    if kind and kind != "a symbolic link":  # a link to a spreadsheet is read; a FIFO would wait forever
        raise EditionError([Issue(str(xlsx_path), f"got {kind}; expected a readable .xlsx file (nothing was read "
                                  "from it)")], title=title, footer=footer)
    try:
        values_book = openpyxl.load_workbook(xlsx_path, data_only=True)
        formula_book = openpyxl.load_workbook(xlsx_path, data_only=False)
    except Exception as exc:  # openpyxl raises OSError, BadZipFile, InvalidFileException, KeyError...
        raise EditionError([Issue(str(xlsx_path), f"got {type(exc).__name__} ({exc}); expected a readable "
                                  ".xlsx file (save the spreadsheet as Excel .xlsx)")],
                           title=title, footer=footer) from exc
    wanted = sheet
    sheet, issues = _choose_sheet(values_book, wanted, str(xlsx_path))
    if issues:
        raise EditionError(issues, title=title, footer=footer)
    formulas = formula_book[sheet.title]
    name = sheet.title
    hidden = [ws.title for ws in values_book.worksheets if ws.sheet_state != "visible"]
    if echo is not None:
        how = "the sheet named with --sheet" if wanted is not None else "the first visible sheet"
        skipped = f"; hidden sheet{'s' if len(hidden) > 1 else ''} not read: {', '.join(hidden)}" if hidden else ""
        echo(f"Reading sheet {name!r} of {xlsx_path.name} ({how}{skipped}).")
    problems: list[Issue] = []
    # the used range, before any row is read: one stray cell at XFD1048576 would make 17 billion cells
    if sheet.max_row > MAX_ROWS + 1 or sheet.max_column > MAX_SHEET_COLUMNS:
        corner = _cell_ref(name, sheet.max_row, sheet.max_column)
        raise EditionError(
            [Issue(corner, f"the sheet's used range ends at {corner.split('!')[-1]} ({sheet.max_row} rows, "
                   f"{sheet.max_column} columns); expected at most {MAX_ROWS + 1} rows and {MAX_SHEET_COLUMNS} "
                   "columns (a stray cell far from the table? delete the rows and columns after the table)")],
            title=title, footer=footer)

    merged = sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col))
    if merged:  # only the top-left cell of a merged range holds the value: the others would read empty
        raise EditionError(
            [Issue(f"{_cell_ref(name, r.min_row, r.min_col)}:{_cell_ref(name, r.max_row, r.max_col).split('!')[-1]}",
                   "a merged cell range; expected one value per cell (unmerge the cells and type the value "
                   "in each of them)") for r in merged],
            title=title,
            footer="Nothing was written: unmerge these cells, then run the import again.",
        )

    header_cells = next(sheet.iter_rows(min_row=1, max_row=1), ())
    if not any(str(c.value or "").strip() in EDITION_COLUMNS for c in header_cells):
        others = [ws.title for ws in values_book.worksheets if ws.title != name]
        hint = (f"; the other sheets ({', '.join(others)}) were not read: name the one with the figures with "
                "--sheet" + (", or make it visible" if hidden else "")) if others else ""
        raise EditionError(
            [Issue(f"{_header_ref(name)} (header row)", "no column of an edition file; expected row 1 to hold the "
                   f"columns {', '.join(EDITION_COLUMNS)}{hint}")], title=title, footer=footer)
    columns: dict[int, str] = {}
    for cell in header_cells:
        if cell.value is None or not str(cell.value).strip():
            continue
        label = str(cell.value).strip()
        ref = _cell_ref(name, 1, cell.column)
        if label not in EDITION_COLUMNS:
            problems.append(Issue(ref, f"got column {label!r}; expected only the columns {', '.join(EDITION_COLUMNS)}"))
        elif label in columns.values():
            problems.append(Issue(ref, f"got column {label!r} a second time; expected each column once"))
        else:
            columns[cell.column] = label
    for c in EDITION_COLUMNS:
        if c not in columns.values() and EditionRow.model_fields[c].is_required():
            problems.append(Issue(f"{_header_ref(name)} (header row)", f"no column named {c!r}; expected "
                                  f"a header cell {c!r} (row 1 holds the columns {', '.join(EDITION_COLUMNS)})"))
    if problems:
        raise EditionError(problems, title=title, footer=footer)

    indicators, sources = _dictionary(data_dir)
    scope_file = data_dir / "scopes.csv"
    scopes = {r.scope for r in read_table(scope_file, ScopeRow, []).rows} if scope_file.is_file() else set()
    col_of = {label: col for col, label in columns.items()}
    out_rows: list[list[str]] = []
    seen: dict[tuple, str] = {}
    for cells in sheet.iter_rows(min_row=2):
        by_col = {c.column: c for c in cells}
        raw = {label: by_col[col].value if col in by_col else None for col, label in columns.items()}
        r = cells[0].row
        bad = False
        for c in cells:  # a total or a comment beside the table is reported, never dropped silently
            if c.column not in columns and not _blank(c.value):
                problems.append(Issue(_cell_ref(name, r, c.column), f"got {str(c.value)!r} in a column without "
                                      "a header; expected cells only under the header's columns (move or "
                                      "delete it)"))
                bad = True
        if all(_blank(v) for v in raw.values()):
            continue
        record: dict[str, str] = {}
        for label in EDITION_COLUMNS:
            if label not in col_of:  # an optional column the sheet does not have
                continue
            col = col_of[label]
            ref = _cell_ref(name, r, col)
            v = raw[label]
            formula = formulas.cell(row=r, column=col).value
            if v is None and isinstance(formula, str) and formula.startswith("="):
                problems.append(Issue(f"{ref}, column '{label}'", f"got the formula {formula!r} with no saved "
                                      "result; expected a value (open and save the file in the spreadsheet "
                                      "program, or paste the values)"))
                bad = True
                continue
            text, expected = _convert_cell(label, v, year)
            if expected:
                problems.append(Issue(f"{ref}, column '{label}'", f"got {text!r}; expected {expected}"))
                bad = True
            record[label] = text
        if bad:
            continue

        def where(col: str, value: Any, expected: str, _r: int = r) -> Issue:
            shown = "" if value is None else value
            if isinstance(shown, float):
                shown = _number_text(shown)
            return Issue(f"{_cell_ref(name, _r, col_of[col])}, column '{col}'", f"got {str(shown)!r}; expected {expected}")

        from pydantic import ValidationError

        try:
            row = EditionRow.model_validate(record)
        except ValidationError as exc:
            for err in exc.errors():
                col = str(err["loc"][0]) if err["loc"] else "indicator"
                expected = "a non-empty value" if err["type"] == "too_short" else _expected_from(err)
                problems.append(where(col, record.get(col, ""), expected))
            continue
        problems.extend(check_edition_row(row, where))
        entry = indicators.get(row.indicator)
        if indicators and entry is None:
            problems.append(where("indicator", row.indicator, "an indicator listed in data/indicators.csv"))
        elif entry is not None and entry.unit != row.unit:
            problems.append(where("unit", row.unit, f"{entry.unit}, the unit of {row.indicator} in data/indicators.csv"))
        if sources and row.source not in sources:
            problems.append(where("source", row.source, "a source listed in data/sources.csv"))
        if scopes and row.scope not in scopes:
            problems.append(where("scope", row.scope, scope_expected(row.scope, scopes)))
        key = (row.indicator, row.scope, row.period, row.source)  # as validation: two sources may give one figure
        here = _cell_ref(name, r, col_of["indicator"])
        if key in seen:
            problems.append(Issue(here, f"got the figure {', '.join(key)} a second time; expected one row per "
                                  f"(indicator, scope, period, source), the same key is on {seen[key]}"))
        else:
            seen[key] = here
        out_rows.append([record.get(c, "verbatim" if c == "quote_type" else "") for c in EDITION_COLUMNS])
    if not out_rows and not problems:
        problems.append(Issue(_cell_ref(name, 2, 1), "no data row; expected one row per figure under the header"))
    if problems:
        raise EditionError(problems, title=title, footer=footer)

    tmp = target.with_name(f".{target.name}.import")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(_csv_text(EDITION_COLUMNS, out_rows), encoding="utf-8", newline="")
        tmp.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise EditionError(
            [Issue(relative(target), f"cannot be written ({exc.strerror or exc}); check that data/editions/ is "
                   "writable (ls -l; chmod u+w) and that the disk has space, then run the import again")],
            title=title, footer="Nothing was written.",
        ) from exc
    _ensure_sidecar(target, _template_sidecar(year), imported_from=xlsx_path.name)
    return target


