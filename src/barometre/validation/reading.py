"""Reading one file: the strict CSV reader (``read_csv_records``) and ``read_table``, which
checks a file's header, rows and fields against its row model and collects every problem."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from barometre.files import special_kind
from barometre.paths import relative
from barometre.validation.problems import Problem
from barometre.validation.rows import _Row
from barometre.validation.vocabulary import MAX_FIELD, MAX_ROWS

# --------------------------------------------------------------------------- reading


@dataclass
class Table:
    """A validated CSV file: its rows (model instances) and their line numbers."""

    path: Path
    rows: list[Any] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)  # the raw CSV text of each row
    keys: set[str] = field(default_factory=set)  # key column (the model's first) of every row, valid or not

    @property
    def name(self) -> str:
        return relative(self.path)


def _expected_from(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind in ("literal_error", "enum"):
        return "one of: " + str(ctx.get("expected", "")).replace("'", "")
    if kind in ("string_too_long", "too_long"):  # too_long: the length checked after a BeforeValidator
        length = ctx.get("actual_length")
        got = f", not {length}" if length is not None else ""
        return f"at most {ctx.get('max_length')} characters (a short excerpt){got}"
    if kind in ("string_too_short", "too_short"):
        return "a non-empty value"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return error["msg"].replace("Input should be", "a value")
    if kind == "missing":
        return "a value"
    return error["msg"]


# --------------------------------------------------------------------------- strict CSV

_QUOTED = re.compile(r'"((?:[^"]+|"")*)"')
_PLAIN = re.compile(r'[^,"\r\n]*')
_NEWLINE = re.compile(r"\r\n|\r|\n")
SYMLINK_EXPECTED = (
    "a regular file, not a symbolic link (copy the file into data/ instead of linking to it; "
    "its target is not read)"
)


@dataclass(frozen=True)
class CsvRecord:
    """One record of a CSV file: its fields and the lines it spans (a quoted field may hold line breaks)."""

    fields: list[str]
    first_line: int
    last_line: int


def read_csv_records(text: str, name: str, problems: list[Problem]) -> list[CsvRecord]:
    """Split CSV ``text`` into records, strictly (RFC 4180), naming the line of every syntax error.

    Python's ``csv`` reader is lenient: ``"a quote"note, text`` becomes one field
    ``a quotenote`` and the note's comma a field separator, so a deleted comma can
    validate and publish the note inside the quote. Here a field is either quoted
    from its first character to a closing quote that a comma or the end of the line
    follows, or holds no quote at all; anything else is a problem of ``name`` at its
    line, and that line is skipped. There is no field size limit: long values are
    reported by the row checks (e.g. a quote of at most 300 characters)."""
    records: list[CsvRecord] = []
    pos, line, end = 0, 1, len(text)
    while pos < end:
        first, fields, error = line, [], None
        while True:
            field_no = len(fields) + 1
            quoted = text.startswith('"', pos)
            if quoted:
                m = _QUOTED.match(text, pos)
                if m is None:
                    excerpt = text[pos : pos + 60].split("\n", 1)[0]
                    problems.append(
                        Problem(name, line, None, excerpt, f"a closing quote: the quote that opens field {field_no} "
                                "here is never closed, so the rest of the file would be read into this field "
                                "(close the quote, or double a quote inside a quoted field: \"\")")
                    )
                    return records
                fields.append(m.group(1).replace('""', '"'))
                line += len(_NEWLINE.findall(m.group(0)))
            else:
                m = _PLAIN.match(text, pos)
                fields.append(m.group(0))
            pos = m.end()
            if pos >= end:
                break
            char = text[pos]
            if char == ",":
                pos += 1
                continue
            if char in "\r\n":
                break
            if quoted:
                error = (f"a comma right after the closing quote of field {field_no}; text follows it "
                         "(a comma deleted between two fields? put it back)")
            else:
                error = (f"a quote only at the start of a field: a quote opens in the middle of field {field_no} "
                         "(put the whole field in quotes and double the quotes inside it: \"\")")
            break
        newline = _NEWLINE.search(text, pos)
        if error:
            stop = newline.start() if newline else end
            shown = text[text.rfind("\n", 0, pos) + 1 : stop]
            problems.append(Problem(name, line, None, shown[:80], error))
        else:
            records.append(CsvRecord(fields, first, line))
        pos = newline.end() if newline else end
        line += 1
    return records



def read_table(path: Path, model: type[_Row], problems: list[Problem], *, allow_no_rows: bool = False) -> Table:
    """Read ``path`` as UTF-8 CSV, validate every row against ``model``.

    Problems are appended to ``problems``; valid rows are returned.
    """
    table = Table(path)
    name = table.name
    columns = list(model.model_fields)
    kind = special_kind(path)
    if kind:
        problems.append(Problem(name, expected=special_expected(kind)))
        return table
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, expected=f"a readable file ({exc.strerror})"))
        return table
    if not data.strip():
        problems.append(
            Problem(name, 1, expected=f"a header line ({','.join(columns)}) and rows; the file is empty")
        )
        return table
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 1]
        guess = bad.decode("latin-1")
        problems.append(
            Problem(
                name,
                line,
                value=f"byte 0x{bad.hex()} ({guess!r} in latin-1)",
                expected="UTF-8 text: the file looks like latin-1/Windows-1252; re-save it as UTF-8",
            )
        )
        return table
    first_line = _NEWLINE.split(text, maxsplit=1)[0]
    delimiter = _other_delimiter([first_line.strip()], columns) if "," not in first_line else ""
    if delimiter:  # before the rows are read: each would give its own problem of quotes or field counts
        problems.append(Problem(name, 1, None, first_line, f"columns separated by commas: this file seems "
                                f"to use {delimiter} as its separator (a spreadsheet's export in another "
                                "language setting?); save it again as CSV with commas, UTF-8"))
        return table
    records = read_csv_records(text, name, problems)
    if not records or records[0].first_line != 1:  # the header itself is broken: reported above
        return table
    if len(records) - 1 > MAX_ROWS:  # checked before any row is: the work stays bounded
        problems.append(Problem(name, records[MAX_ROWS + 1].first_line, None, f"{len(records) - 1} rows",
                                f"at most {MAX_ROWS} rows in one data file (data/README.md, « Plausible values and limits »): a file "
                                "this long is not a barometer edition (a pasted export, rows repeated?); split "
                                "or trim it"))
        return table
    lines = _NEWLINE.split(text)
    header = [h.strip() for h in records[0].fields]
    missing = [c for c in columns if c not in header and model.model_fields[c].is_required()]
    unknown = [c for c in header if c not in columns]
    for c in missing:
        problems.append(Problem(name, 1, c, None, f"a column named '{c}' in the header"))
    for c in unknown:
        problems.append(Problem(name, 1, c, c, "only the columns " + ", ".join(columns)))
    if missing or len(set(header)) != len(header):
        if len(set(header)) != len(header):
            problems.append(Problem(name, 1, None, ",".join(header), "each column once"))
        return table
    for record_ in records[1:]:
        fields, first = record_.fields, record_.first_line
        if all(not f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            problems.append(
                Problem(
                    name,
                    first,
                    None,
                    ",".join(fields)[:80],
                    f"{len(header)} comma-separated fields, found {len(fields)} "
                    "(a stray or truncated line, or a missing or extra comma? remove it or fill every column)",
                )
            )
            continue
        record = dict(zip(header, fields, strict=True))
        table.keys.add(record[columns[0]].strip())  # by name: the columns may come in any order
        controls = [(c, _control_characters(record[c])) for c in header]
        for c, found in controls:
            if found:
                problems.append(Problem(name, first, c, record[c], f"text without control characters or private-use characters; found "
                                        f"{found} (pasted from a binary file or a PDF? delete it)"))
        if any(found for _, found in controls):
            continue
        too_long = [c for c in header if len(record[c]) > MAX_FIELD]
        for c in too_long:
            problems.append(
                Problem(name, first, c, record[c], f"at most {MAX_FIELD} characters in one field, not "
                        f"{len(record[c])} (so long a field is usually a quote left open or pasted text)")
            )
        if too_long:
            continue
        try:
            row = model.model_validate(record)
        except ValidationError as exc:
            for err in exc.errors():
                column = str(err["loc"][0]) if err["loc"] else None
                raw = record.get(column) if column else None
                problems.append(Problem(name, first, column, raw, _expected_from(err)))
            continue
        table.rows.append(row)
        table.lines.append(first)
        table.raw.append("\n".join(lines[first - 1 : record_.last_line]))
    if not table.rows and not allow_no_rows and not any(p.file == name for p in problems):
        problems.append(Problem(name, 2, expected="at least one data row after the header"))
    return table


_CONTROL_ALLOWED = "\n\r"  # a quoted field may hold a line break (data/README.md)
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _control_characters(text: str) -> str:
    """The control characters of ``text`` (NUL, escape, bidirectional overrides…) and its private-use ones (no
    text holds them; the book's prose uses them to mark a person's mention, ``narrative.mentions``), as a message
    names them with their position; '' when there is none."""
    found = [(i, c) for i, c in enumerate(text)
             if (unicodedata.category(c) == "Cc" and c not in _CONTROL_ALLOWED) or c in _BIDI_CONTROLS
             or unicodedata.category(c) == "Co"]
    if not found:
        return ""
    shown = ", ".join(f"U+{ord(c):04X} at character {i + 1}" for i, c in found[:3])
    return shown + (f" and {len(found) - 3} more" if len(found) > 3 else "")


def _other_delimiter(header: list[str], columns: list[str]) -> str:
    """``';'`` or ``'a tab'`` when a one-field header splits on it into the expected columns."""
    if len(header) != 1:
        return ""
    for char, shown in ((";", "';'"), ("\t", "a tab"), ("|", "'|'")):
        parts = [h.strip() for h in header[0].split(char)]
        if len(parts) > 1 and sum(part in columns for part in parts) >= 2:
            return shown
    return ""


def special_expected(kind: str) -> str:
    """What a data file must be instead of ``kind`` (a link, a FIFO, a device)."""
    if kind == "a symbolic link":
        return SYMLINK_EXPECTED
    return (f"a regular file, not {kind} (nothing was read from it: reading it could wait forever); "
            "put an ordinary file there, or remove it")


def _unique(table: Table, key: tuple[str, ...], problems: list[Problem]) -> None:
    seen: dict[tuple, int] = {}
    for row, line in zip(table.rows, table.lines, strict=True):
        k = tuple(getattr(row, c) for c in key)
        if k in seen:
            problems.append(
                Problem(
                    table.name,
                    line,
                    key[0] if len(key) == 1 else "(" + ", ".join(key) + ")",
                    ", ".join(str(x) for x in k),
                    f"a unique ({', '.join(key)}); the same key is on row {seen[k]}",
                )
            )
        else:
            seen[k] = line
