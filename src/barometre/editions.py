"""The yearly rerun: a new edition's files, spreadsheet import, and the check against
the previous edition.

The analyst's year, in four steps:

1. ``python -m barometre new-edition --year 2009`` writes ``data/editions/2009.csv``
   (one row per barometer figure of the latest edition whose period is that edition's
   data year, moved on to the new year; fixed dates and the speakers' figures are not
   copied; values, quote and source empty, notes ``TO FILL``; a figure the new edition
   does not publish is simply deleted), ``data/events/2009.csv`` (header only) and their
   sidecars (fields ``TO FILL``). The template does not validate: validation names every row
   still to fill. Or, when the figures arrive as a spreadsheet,
   ``python -m barometre import-xlsx barometre-2009.xlsx --year 2009`` transcribes its
   first sheet into ``data/editions/2009.csv`` (every problem named by its cell).
2. ``python -m barometre compare`` checks the new edition against the previous one
   (``compare_editions``) and prints what changed:

   - **errors** (the build stops): a unit that changed (an indicator keeps its unit: a
     new unit is a new indicator); a ``TO FILL`` left in the edition's rows or sidecars.
     Editions are vintages and may be sparse: an indicator the new edition does not
     republish is listed (the book shows its last published value, naming its edition),
     not an error;
   - **warnings** (the build goes on, the analyst checks): a figure that moved beyond a
     plausible bound since the previous edition: more than ``points`` (20) points for
     units expressed in percent (``percent``, ``percent_change``, ``percentage_points``),
     or a fall of more than half of its value (15 % → 4,2 %); a relative change above
     ``threshold`` (50 %) for the other units;
   - **revisions**: a figure of the same indicator, scope and period in both editions
     with a different value (the new edition revised it);
   - **changes**: every figure that moved since the previous edition.
3. ``make book`` (the build runs the same comparison first).
4. Publish ``_build/html``.

**Confirming a jump.** A jump is confirmed by writing the word ``confirmed`` in the
``note`` of the new edition's row, with the reason, e.g. ``Jump confirmed: the
barometer changed its panel (p. 4).`` The confirmation then lives with the figure,
is covered by the file's checksum, and shows in the sources annex; a confirmed jump
is listed among the changes but no longer warns. (A separate ``<year>.confirm.yaml``
was not chosen: every file of ``data/`` needs a provenance sidecar, and the reason
of a confirmation belongs next to the figure.)

**Pairing figures across editions.** A figure of the new edition is compared with
the previous edition's figure of the same indicator and scope whose period, moved on
by the number of years between the editions, equals its own (``2008`` in 2008 with
``2009`` in 2009, ``2007-2008`` with ``2008-2009``, ``2009-07`` with ``2010-07``);
failing that, when each edition holds a single such figure (``2000-2008`` with
``2000-2009``), with that one. A figure whose (indicator, scope, period) is in both
editions is a revision candidate, not a change.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from barometre import formatting, periods
from barometre.data import Dataset, Figure, figure_from_row
from barometre.paths import relative
from barometre.provenance import read_sidecar, write_sidecar
from barometre.validation import (
    DECIMAL_COMMA,
    NUMBER,
    THOUSANDS,
    EditionRow,
    EventRow,
    IndicatorRow,
    Problem,
    SourceRow,
    _expected_from,
    capped,
    check_edition_row,
    number_expected,
    read_csv_records,
    read_table,
    sidecar_path,
)

TO_FILL = "TO FILL"
EDITION_COLUMNS: tuple[str, ...] = tuple(EditionRow.model_fields)
EVENT_COLUMNS: tuple[str, ...] = tuple(EventRow.model_fields)
NUMERIC_COLUMNS = ("value", "low", "high")
PERCENT_UNITS = frozenset({"percent", "percent_change", "percentage_points"})
CONFIRMED = re.compile(r"\bconfirmed\b", re.IGNORECASE)
DEFAULT_THRESHOLD = 0.5  # relative change that asks for confirmation (50 %)
DEFAULT_POINTS = 20.0  # change in points that asks for confirmation (units in percent)

TEMPLATE_SIDECAR = {
    "title": f"{TO_FILL}: title of the {{year}} edition (what the file holds)",
    "source": f"{TO_FILL}: the publication the figures come from (text and url)",
    "producer": f"{TO_FILL}: who produced the figures and who transcribed them",
    "publication_date": f"{TO_FILL}: publication date of the source (YYYY or YYYY-MM-DD)",
    "licence": f"{TO_FILL}: terms under which the figures are reused",
}


# --------------------------------------------------------------------------- problems


@dataclass(frozen=True)
class Issue:
    """One problem or warning, located (``where``: a file and row, or a spreadsheet cell)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class EditionError(Exception):
    """Raised with every problem found, never just the first (like DataValidationError)."""

    def __init__(
        self,
        problems: Iterable[Issue | str],
        *,
        title: str = "Edition check failed",
        footer: str = "Nothing was written.",
    ):
        self.problems = list(problems)
        self.title = title
        self.footer = footer
        super().__init__(str(self))

    def __str__(self) -> str:
        n = len(self.problems)
        lines = [f"{self.title}: {n} problem{'s' if n != 1 else ''} found."]
        lines += capped([f"  - {p}" for p in self.problems])
        if self.footer:
            lines.append(self.footer)
        return "\n".join(lines)


# --------------------------------------------------------------------------- periods and files


shift_period = periods.shift
data_period = periods.data_period


def edition_years(data_dir: Path | str) -> list[int]:
    """The editions present in ``data_dir/editions`` (files named ``<YYYY>.csv``), sorted."""
    folder = Path(data_dir) / "editions"
    return sorted(int(p.stem) for p in folder.glob("*.csv") if re.fullmatch(r"\d{4}", p.stem))


def _csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _read_records(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the non-blank records of a CSV file, read by the one strict reader."""
    problems: list[Problem] = []
    records = read_csv_records(path.read_text(encoding="utf-8-sig"), relative(path), problems)
    if problems:
        raise EditionError([Issue(relative(path), str(p).split(": ", 1)[1]) for p in problems],
                           title=f"Cannot read {relative(path)}", footer="Nothing was written.")
    if not records:
        return [], []
    header = [h.strip() for h in records[0].fields]
    rows = [dict(zip(header, r.fields, strict=False)) for r in records[1:] if any(f.strip() for f in r.fields)]
    return header, rows


def _ensure_sidecar(path: Path, defaults: dict[str, str], **extra: str) -> Path:
    """Record the checksum of ``path``; fill only the sidecar fields still empty."""
    meta = read_sidecar(path)
    fields = {k: v for k, v in defaults.items() if not meta.get(k)}
    return write_sidecar(path, **fields, **extra)


def _template_sidecar(year: int) -> dict[str, str]:
    return {k: v.format(year=year) for k, v in TEMPLATE_SIDECAR.items()}


# --------------------------------------------------------------------------- 1. template


def new_edition_template(data_dir: Path | str, year: int) -> list[Path]:
    """Create ``editions/<year>.csv`` from the latest edition, ``events/<year>.csv`` (header
    only) and their sidecars. Returns the paths written (data files, then sidecars).

    Each row of the latest edition gives one row: same indicator, scope, unit, qualifier
    and source; ``edition`` = ``year``; period moved on by ``year - latest`` years;
    ``value``, ``low``, ``high`` and ``quote`` empty; note ``TO FILL``. The files do not
    validate until the analyst fills them (that is intended). An existing edition is
    never overwritten."""
    data_dir = Path(data_dir)
    year = int(year)
    editions = edition_years(data_dir)
    edition_path = data_dir / "editions" / f"{year}.csv"
    events_path = data_dir / "events" / f"{year}.csv"
    problems = []
    for path in (edition_path, events_path):
        if not path.exists() and sidecar_path(path).exists():
            path = sidecar_path(path)
        if path.exists():
            problems.append(
                Issue(relative(path), f"already exists; edition {year} is not overwritten "
                      "(edit the file, or delete it first if you really mean to start again)")
            )
    if not editions:
        problems.append(Issue(relative(data_dir / "editions"), "no edition <YYYY>.csv to copy the indicators from"))
    elif year <= editions[-1] and not problems:
        problems.append(
            Issue(relative(edition_path), f"the template copies the latest edition ({editions[-1]}); "
                  f"the new edition must be later than it (got {year})")
        )
    if problems:
        raise EditionError(problems, title=f"Cannot create the template of edition {year}")
    previous = editions[-1]
    previous_path = data_dir / "editions" / f"{previous}.csv"
    header, records = _read_records(previous_path)
    missing = [c for c in EDITION_COLUMNS if c not in header and EditionRow.model_fields[c].is_required()]
    if missing:
        raise EditionError(
            [Issue(relative(previous_path), f"row 1: the header lacks the columns {', '.join(missing)}")],
            title=f"Cannot create the template of edition {year}",
        )
    ignored: list[Problem] = []
    barometers = {
        r.source for r in read_table(data_dir / "sources.csv", SourceRow, ignored).rows if r.type == "barometer"
    } if (data_dir / "sources.csv").is_file() else set()
    rows = []
    for rec in records:
        row = {c: (rec.get(c) or "").strip() for c in EDITION_COLUMNS}
        period = data_period(row["period"], previous, year)
        if row["source"] not in barometers or period is None or row["qualifier"] == "not_published":
            continue  # a speaker's figure, a fixed date or a figure already retired: nothing to carry on
        row.update(
            edition=str(year),
            period=period,
            value="",
            low="",
            high="",
            source=TO_FILL,
            quote="",
            note=TO_FILL,
        )
        if "quote_type" in row:
            row["quote_type"] = "verbatim"
        rows.append([row[c] for c in EDITION_COLUMNS])
    written: list[Path] = []
    try:  # all or nothing: a read-only data/ or a full disk leaves no half template behind
        for path, text in ((edition_path, _csv_text(EDITION_COLUMNS, rows)), (events_path, _csv_text(EVENT_COLUMNS, []))):
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8", newline="") as fh:
                written.append(path)
                fh.write(text)
        meta = _template_sidecar(year)
        written.append(sidecar_path(edition_path))
        write_sidecar(edition_path, **meta, template_of=f"editions/{previous}.csv")
        written.append(sidecar_path(events_path))
        write_sidecar(events_path, **{**meta, "title": f"{TO_FILL}: dated events of the {year} edition"})
    except OSError as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        where = relative(exc.filename) if isinstance(exc.filename, str) else relative(data_dir)
        raise EditionError(
            [Issue(where, f"cannot be written ({exc.strerror or exc}); check that data/ is writable "
                   "(ls -l; chmod u+w) and that the disk has space, then run the command again")],
            title=f"Cannot create the template of edition {year}",
            footer="Nothing was written (any file begun was removed).",
        ) from exc
    return [edition_path, events_path, sidecar_path(edition_path), sidecar_path(events_path)]


# --------------------------------------------------------------------------- 2. spreadsheet import


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
    return str(v).strip(), None


def _dictionary(data_dir: Path) -> tuple[dict[str, IndicatorRow], set[str]]:
    """The indicator dictionary and the source ids, read leniently (validation reports their problems)."""
    ignored: list[Problem] = []
    indicators = {}
    sources: set[str] = set()
    if (data_dir / "indicators.csv").is_file():
        indicators = {r.indicator: r for r in read_table(data_dir / "indicators.csv", IndicatorRow, ignored).rows}
    if (data_dir / "sources.csv").is_file():
        sources = {r.source for r in read_table(data_dir / "sources.csv", SourceRow, ignored).rows}
    return indicators, sources


def import_xlsx(xlsx_path: Path | str, data_dir: Path | str, year: int, *, replace: bool = False) -> Path:
    """Transcribe the first sheet of a spreadsheet into ``editions/<year>.csv``.

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
    try:
        values_book = openpyxl.load_workbook(xlsx_path, data_only=True)
        formula_book = openpyxl.load_workbook(xlsx_path, data_only=False)
    except Exception as exc:  # openpyxl raises OSError, BadZipFile, InvalidFileException, KeyError...
        raise EditionError([Issue(str(xlsx_path), f"got {type(exc).__name__} ({exc}); expected a readable "
                                  ".xlsx file (save the spreadsheet as Excel .xlsx)")],
                           title=title, footer=footer) from exc
    sheet = values_book.worksheets[0]
    formulas = formula_book.worksheets[0]
    name = sheet.title
    problems: list[Issue] = []

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


# --------------------------------------------------------------------------- 3. comparison


@dataclass(frozen=True)
class Revision:
    """A figure (same indicator, scope, period) that the new edition publishes with another value."""

    old: Figure
    new: Figure

    @property
    def old_text(self) -> str:
        return formatting.figure_text(self.old)

    @property
    def new_text(self) -> str:
        return formatting.figure_text(self.new)

    @property
    def sources(self) -> str:
        return _sources(self.old, self.new)


@dataclass(frozen=True)
class Change(Revision):
    """A figure that moved between the previous edition and the new one (old and new texts and
    sources as for a revision)."""

    jump: str = ""  # why the change is beyond the plausible bound ('' when it is not)

    @property
    def confirmed(self) -> bool:
        return bool(CONFIRMED.search(self.new.note))

    @property
    def delta(self) -> float:
        return self.new.central - self.old.central

    @property
    def relative(self) -> float | None:
        return None if self.old.central == 0 else self.delta / abs(self.old.central)

    @property
    def change_text(self) -> str:
        """'-9 points' for units in percent, '+2,7 %' for the others (relative change)."""
        unit = self.new.unit
        if unit in PERCENT_UNITS:
            return formatting.points(self.delta)
        if unit == "year":
            return formatting.value(self.delta, "years", signed=True, with_noun=True)
        if self.relative is None:
            return formatting.value(self.delta, unit, signed=True)
        return formatting.percent(self.relative * 100, signed=True)


def _sources(old: Figure, new: Figure) -> str:
    if old.source == new.source:
        return new.source_name
    return f"{old.source_name} ({old.edition}) ; {new.source_name} ({new.edition})"


def _where(fig: Figure) -> str:
    return f"{fig.file}, row {fig.row}"


def _scope_label(scope: str) -> str:
    from barometre.labels import scope_label

    return scope_label(scope)


@dataclass
class EditionReport:
    """What changed between two editions, and whether the new one may be built."""

    previous: int | None
    current: int
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    new: list[Figure] = field(default_factory=list)  # figures without counterpart in the previous edition
    not_published: list[tuple[Figure, Figure | None]] = field(default_factory=list)  # (current row, last figure)
    not_republished: list[Figure] = field(default_factory=list)  # previous figures with no row in the new edition
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_for_errors(self) -> None:
        if self.errors:
            raise EditionError(
                self.errors,
                title=f"Edition {self.current} does not pass the check against edition {self.previous}",
                footer="Nothing was built or published. Fix the data and run the command again.",
            )

    def summary(self) -> str:
        if self.previous is None:
            return f"Edition {self.current} is the first edition in the data: nothing to compare."
        return (
            f"Edition {self.current} against edition {self.previous}: {len(self.errors)} error(s), "
            f"{len(self.warnings)} warning(s), {len(self.changes)} change(s), {len(self.revisions)} revision(s), "
            f"{len(self.new)} new, {len(self.not_published)} not published, "
            f"{len(self.not_republished)} not republished, {self.unchanged} unchanged."
        )

    # -- plain text (terminal) -----------------------------------------------------------

    def to_text(self, *, brief: bool = False) -> str:
        """The report for the terminal; ``brief`` keeps errors, warnings and revisions only."""
        lines = [self.summary()]
        if self.previous is None:
            return "\n".join(lines)

        def section(title: str, items: list[str]) -> None:
            if items:
                lines.append("")
                lines.append(f"{title} ({len(items)}):")
                lines.extend(f"  - {i}" for i in items)

        section("ERRORS, the edition cannot be built", [str(e) for e in self.errors])
        section("WARNINGS, please check and confirm", [str(w) for w in self.warnings])
        section(
            "Revisions of figures already published",
            [
                f"{r.new.indicator} ({r.new.scope}, {r.new.period}): {r.old_text} in {r.old.edition} "
                f"-> {r.new_text} in {r.new.edition} [{r.sources}; {_where(r.new)}]"
                for r in self.revisions
            ],
        )
        if brief:
            return "\n".join(lines)
        section(
            "Changes",
            [
                f"{c.new.indicator} ({c.new.scope}): {c.old_text} ({c.old.period}) -> {c.new_text} "
                f"({c.new.period}), {c.change_text}{' [jump confirmed]' if c.jump and c.confirmed else ''} "
                f"[{c.sources}]"
                for c in self.changes
            ],
        )
        section("New figures", [f"{f.indicator} ({f.scope}, {f.period}): {formatting.figure_text(f)}" for f in self.new])
        section(
            "Not published",
            [
                f"{cur.indicator} ({cur.scope}, {cur.period})"
                + (f", last published: {formatting.figure_text(last)} in {last.edition}" if last else "")
                for cur, last in self.not_published
            ],
        )
        section(
            "Not republished (the book shows the last published value)",
            [f"{f.indicator} ({f.scope}, {f.period}): {formatting.figure_text(f)} in {f.edition}"
             for f in self.not_republished],
        )
        return "\n".join(lines)

    # -- MyST Markdown (the book page « Ce qui a changé ») -------------------------------

    def to_markdown(self) -> str:
        from barometre.narrative import cite, md_escape

        prev, cur = self.previous, self.current
        if prev is None:
            return (
                f"L'édition {cur} est la première édition du baromètre dans les données : "
                "il n'y a pas d'édition antérieure à laquelle la comparer."
            )

        def shown(fig: Figure) -> str:
            text = cite(fig)
            if fig.period != str(fig.edition):
                text += f" ({md_escape(formatting.period_text(fig.period))})"
            return text

        parts = [
            f"Cette page compare l'édition {cur} du baromètre à l'édition {prev}. "
            f"Chiffres modifiés : {len(self.changes)} ; révisions : {len(self.revisions)} ; "
            f"nouveaux chiffres : {len(self.new)} ; non republiés : "
            f"{len(self.not_published) + len(self.not_republished)} ; "
            f"inchangés : {self.unchanged}."
        ]
        if self.changes:
            rows = [
                f"| Indicateur (périmètre) | {prev} | {cur} | Variation |",
                "| --- | --- | --- | --- |",
            ]
            for c in self.changes:  # four columns fit a phone and a printed page; sources are one click away
                rows.append(
                    f"| {md_escape(c.new.label)} ({md_escape(_scope_label(c.new.scope))}) | {shown(c.old)} | "
                    f"{shown(c.new)} | {md_escape(c.change_text)} |"
                )
            parts.append("\n".join(rows))
        else:
            parts.append(f"Aucun chiffre n'a changé entre l'édition {prev} et l'édition {cur}.")

        parts.append("## Révisions")
        if self.revisions:
            rows = [
                f"L'édition {cur} publie à nouveau des chiffres de l'édition {prev}, avec une autre valeur.",
                "",
                f"| Indicateur (périmètre, période) | Édition {prev} | Édition {cur} |",
                "| --- | --- | --- |",
            ]
            for r in self.revisions:
                rows.append(
                    f"| {md_escape(r.new.label)} ({md_escape(_scope_label(r.new.scope))}, "
                    f"{md_escape(formatting.period_text(r.new.period))}) | {cite(r.old)} | {cite(r.new)} |"
                )
            parts.append("\n".join(rows))
        else:
            parts.append(f"L'édition {cur} ne révise aucun chiffre de l'édition {prev}.")

        parts.append("## Nouveaux indicateurs")
        if self.new:
            parts.append(
                "\n".join(
                    f"- **{md_escape(f.label)}** ({md_escape(_scope_label(f.scope))}, "
                    f"{md_escape(formatting.period_text(f.period))}) : {cite(f)} — {md_escape(f.source_name)}"
                    for f in self.new
                )
            )
        else:
            parts.append(f"L'édition {cur} n'ajoute aucun indicateur.")

        parts.append("## Indicateurs absents de cette édition")
        if self.not_republished:
            labels = sorted({md_escape(f.label) for f in self.not_republished})
            parts.append(
                f"L'édition {cur} ne republie pas {formatting.count_words(len(labels), 'indicateur')} "
                f"de l'édition {prev} ; le livre en montre la dernière valeur publiée, en nommant son "
                "édition : " + ", ".join(labels) + "."
            )
        if self.not_published:
            items = []
            for now, last in self.not_published:
                text = (
                    f"- **{md_escape(now.label)}** ({md_escape(_scope_label(now.scope))}) : "
                    f"absent de l'édition {cur}"
                )
                if last is not None:
                    text += f" ; {shown(last)} dans l'édition {last.edition}"
                items.append(text + ".")
            parts.append("\n".join(items))
        elif not self.not_republished:
            parts.append(f"L'édition {cur} publie tous les indicateurs de l'édition {prev}.")
        return "\n\n".join(parts)


class _Folder:
    """A data folder read leniently (rows that do not validate are skipped; validation reports
    them): the comparison can then run on files the analyst is still fixing."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir).resolve()
        self.indicators, _ = _dictionary(self.data_dir)
        ignored: list[Problem] = []
        self.sources = (
            {r.source: r for r in read_table(self.data_dir / "sources.csv", SourceRow, ignored).rows}
            if (self.data_dir / "sources.csv").is_file()
            else {}
        )

    @property
    def editions(self) -> list[int]:
        return edition_years(self.data_dir)

    def previous(self, edition: int) -> int | None:
        earlier = [e for e in self.editions if e < edition]
        return earlier[-1] if earlier else None

    def figures(self, edition: int) -> list[Figure]:
        ignored: list[Problem] = []
        table = read_table(self.data_dir / "editions" / f"{edition}.csv", EditionRow, ignored)
        return [
            figure_from_row(row, table.name, line, self.indicators, self.sources)
            for row, line in zip(table.rows, table.lines, strict=True)
        ]


def _values(fig: Figure) -> tuple:
    return (fig.value, fig.low, fig.high)


def _jump(old: Figure, new: Figure, threshold: float, points: float) -> str:
    """Why the move from ``old`` to ``new`` is beyond the plausible bound ('' when it is not)."""
    delta = new.central - old.central
    if new.unit in PERCENT_UNITS:
        if abs(delta) > points:
            return f"{formatting.points(delta)}, beyond the bound of {points:g} points"
        if old.central > 0 and new.central < old.central / 2:
            return f"a fall of {(1 - new.central / old.central) * 100:.0f} % of its value, more than half"
        return ""
    if old.central == 0:
        return "a change from zero" if delta else ""
    rel = delta / abs(old.central)
    if abs(rel) > threshold:
        return f"{rel * 100:+.0f} %, beyond the bound of {threshold * 100:g} %"
    return ""


def _unfilled(figs: Sequence[Figure], data_dir: Path, edition: int) -> list[Issue]:
    """Every TO FILL left in the edition's rows and in its files' sidecars."""
    out = []
    for f in figs:
        for col in ("quote", "note", "source", "scope"):
            if TO_FILL in str(getattr(f, col)):
                out.append(Issue(f"{_where(f)}, column '{col}'", f"still reads {TO_FILL!r}; fill it in"))
    for path in (data_dir / "editions" / f"{edition}.csv", data_dir / "events" / f"{edition}.csv"):
        if not path.is_file():
            continue
        meta = read_sidecar(path)
        for key in sorted(meta):
            if TO_FILL in str(meta[key]):
                out.append(Issue(f"{relative(sidecar_path(path))}, field '{key}'",
                                 f"still reads {str(meta[key])!r}; fill it in"))
    return out


def compare_editions(
    dataset: Dataset | Path | str,
    previous: int | None = None,
    current: int | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    points: float = DEFAULT_POINTS,
) -> EditionReport:
    """Check edition ``current`` (default: the latest) against ``previous`` (default: the
    edition before it). ``dataset`` is a loaded (validated) Dataset, or a data folder that
    is then read leniently. See the module docstring for the rules."""
    source: Any = dataset if isinstance(dataset, Dataset) else _Folder(Path(dataset))
    editions = source.editions
    if current is None or current == 0:
        if not editions:
            raise EditionError([Issue(relative(source.data_dir / "editions"), "no edition to compare")])
        current = editions[-1]
    current = int(current)
    if previous is None:
        previous = source.previous(current)
    missing = [e for e in (previous, current) if e is not None and e not in editions]
    if missing:
        raise EditionError(
            [Issue(relative(source.data_dir / "editions"), f"no edition {e} (available: "
                   f"{', '.join(map(str, editions))})") for e in missing],
            title="Cannot compare editions",
        )
    report = EditionReport(previous, current)
    now = source.figures(current)
    report.errors.extend(_unfilled(now, source.data_dir, current))
    if previous is None:
        return report
    before = source.figures(previous)
    shift = current - previous

    # -- indicators not republished (editions are sparse vintages: listed, not an error); units --
    now_keys = {(f.indicator, f.scope) for f in now}
    reported: set[tuple[str, str]] = set()
    for f in before:
        if (f.indicator, f.scope) in now_keys or (f.indicator, f.scope) in reported or not f.published:
            continue
        reported.add((f.indicator, f.scope))
        report.not_republished.append(f)
    units_before: dict[str, set[str]] = {}
    for f in before:
        units_before.setdefault(f.indicator, set()).add(f.unit)
    for f in now:
        old_units = units_before.get(f.indicator)
        if old_units and f.unit not in old_units:
            report.errors.append(
                Issue(
                    f"{_where(f)}, column 'unit'",
                    f"got {f.unit!r}; expected {', '.join(sorted(old_units))}, the unit of '{f.indicator}' in "
                    f"edition {previous}: an indicator keeps its unit across editions (for a new unit, "
                    "add a new indicator and mark this one not_published)",
                )
            )

    # -- pairing: revisions (same key) and changes (the same figure one edition later) --
    before_by_key: dict[tuple, Figure] = {}  # the first row of a key is its primary source (data.py)
    for f in before:
        before_by_key.setdefault((f.indicator, f.scope, f.period), f)
    now_by_key: dict[tuple, Figure] = {}
    for f in now:
        now_by_key.setdefault((f.indicator, f.scope, f.period), f)
    pairs: dict[tuple, Figure] = {}  # current key -> previous figure
    used: set[tuple] = set()
    for key, f in now_by_key.items():
        if key in before_by_key:
            continue
        candidate = (f.indicator, f.scope, shift_period(f.period, -shift))
        if candidate in before_by_key and candidate not in used:
            pairs[key] = before_by_key[candidate]
            used.add(candidate)
    unmatched_now: dict[tuple, list[tuple]] = {}
    for key in now_by_key:
        if key not in before_by_key and key not in pairs:
            unmatched_now.setdefault(key[:2], []).append(key)
    unmatched_before: dict[tuple, list[tuple]] = {}
    for key in before_by_key:
        if key not in now_by_key and key not in used:
            unmatched_before.setdefault(key[:2], []).append(key)
    for group, keys in unmatched_now.items():
        olds = unmatched_before.get(group, [])
        if len(keys) == 1 and len(olds) == 1:
            pairs[keys[0]] = before_by_key[olds[0]]

    for key, f in sorted(now_by_key.items(), key=lambda kv: kv[1].row):
        if key in before_by_key:
            old = before_by_key[key]
            if f.published and old.published and _values(f) != _values(old):
                report.revisions.append(Revision(old, f))
            elif not f.published and old.published:
                report.not_published.append((f, old))
            elif f.published and not old.published:
                report.new.append(f)
            elif f.published:
                report.unchanged += 1
            else:
                report.not_published.append((f, None))
            continue
        old = pairs.get(key)
        if not f.published:
            last = old if old is not None and old.published else None
            report.not_published.append((f, last))
        elif old is None or not old.published:
            report.new.append(f)
        elif _values(f) == _values(old):
            report.unchanged += 1
        else:
            change = Change(old, f, _jump(old, f, threshold, points))
            report.changes.append(change)
            if change.jump and not change.confirmed:
                report.warnings.append(
                    Issue(
                        _where(f),
                        f"{f.indicator} ({f.scope}) moves from {change.old_text} ({old.period}, edition "
                        f"{previous}) to {change.new_text} ({f.period}), {change.jump}. Check the figure "
                        "against its source; if it is right, confirm it by adding the word 'confirmed' "
                        "and the reason to the row's note (e.g. \"Jump confirmed: checked against the "
                        "barometer, p. 4.\"), then record the checksum: python -m barometre sidecar "
                        f"{f.file}",
                    )
                )
    return report


def changes_markdown(dataset: Dataset, edition: int | None = None) -> str:
    """The body (MyST Markdown, French, no title) of the book page « Ce qui a changé »:
    the edition against the one before it, or a sentence when it is the first."""
    edition = dataset.resolve(edition)
    previous = dataset.previous(edition)
    if previous is None:  # nothing to compare: read no figure (the page then depends on no data row)
        return EditionReport(None, edition).to_markdown()
    parts = [compare_editions(dataset, previous, edition).to_markdown()]
    parts.append(forecasts_markdown(dataset, edition))
    parts.append(disagreements_markdown(dataset, edition))
    return "\n\n".join(p for p in parts if p)


def forecasts_markdown(dataset: Dataset, edition: int) -> str:
    """« Prévisions et réalisations »: every forecast published up to ``edition``, set against the
    actual figure once an edition publishes it."""
    from barometre.narrative import forecast_outcome

    pairs = dataset.forecasts(edition)
    if not pairs:
        return ""
    lines = ["## Prévisions et réalisations", ""]
    lines += [f"- {forecast_outcome(f, o)}" for f, o in pairs]
    return "\n".join(lines)


def disagreements_markdown(dataset: Dataset, edition: int) -> str:
    """« Sources en désaccord »: one figure given differently by two sources of the same edition."""
    from barometre.narrative import cite, md_escape

    pairs = dataset.disagreements(edition)
    if not pairs:
        return ""
    lines = ["## Sources en désaccord", "",
             "Pour ces chiffres, deux sources de la même édition ne donnent pas la même valeur ; "
             "le livre retient la première et signale l'autre.", ""]
    for a, b in pairs:
        lines.append(
            f"- {md_escape(a.label)} ({md_escape(_scope_label(a.scope))}, {md_escape(formatting.period_text(a.period))}) : "
            f"{cite(a)} selon {md_escape(a.publication_outlet or a.source_name)}, {cite(b)} selon "
            f"{md_escape(b.publication_outlet or b.source_name)}."
        )
    return "\n".join(lines)


def write_report(report: EditionReport, folder: Path | str) -> list[Path]:
    """Save the report as ``<folder>/<edition>-changes.txt`` (terminal text) and ``.md``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for suffix, text in (("txt", report.to_text()), ("md", report.to_markdown())):
        path = folder / f"{report.current}-changes.{suffix}"
        path.write_text(text + "\n", encoding="utf-8")
        out.append(path)
    return out


__all__ = [
    "Change",
    "EditionError",
    "EditionReport",
    "Issue",
    "Revision",
    "changes_markdown",
    "compare_editions",
    "edition_years",
    "import_xlsx",
    "is_unfilled_template",
    "new_edition_template",
    "shift_period",
    "write_report",
]
