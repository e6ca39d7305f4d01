"""The executable schema of ``data/``.

Why pydantic (and not pandera or frictionless): the data are small hand-typed
CSV files, and the analyst needs to know *which line of which file* is wrong,
with the raw text as typed. We therefore read each file as text with one
strict CSV reader, ``read_csv_records`` (so nothing is coerced before it is
checked: "15,0" stays "15,0"; a misplaced quote is an error, never a silent
merge of two fields), read columns by their header name, validate each row against a typed pydantic model, and run the
cross-row and cross-file checks in plain Python. Every problem is collected;
nothing stops at the first one. pandera validates DataFrames after pandas has
already parsed (and possibly mangled) the text, and frictionless would add a
second schema language next to the Python types the rest of the package uses.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from barometre import periods
from barometre.book import analysis_chapters
from barometre.files import special_entries, special_kind
from barometre.paths import relative

# --------------------------------------------------------------------------- vocabularies

UNITS: dict[str, str] = {
    "percent": "a share, 0 to 100",
    "percent_change": "a signed growth rate or relative difference",
    "percentage_points": "a difference between two shares",
    "eur_per_month_gross": "euros per month, gross",
    "eur_per_month_net": "euros per month, net",
    "eur_million": "millions of euros",
    "jobs": "number of jobs",
    "companies": "number of companies",
    "people": "number of people",
    "trainings": "number of trainings",
    "weeks": "duration in weeks",
    "years": "duration in years",
    "count": "a plain count",
    "year": "a calendar year",
}
Unit = Literal[tuple(UNITS)]  # type: ignore[valid-type]

QUALIFIERS = (
    "exact",
    "about",
    "more_than",
    "at_least",
    "less_than",
    "at_most",
    "range",
    "not_published",
)
Qualifier = Literal[QUALIFIERS]  # type: ignore[valid-type]

CHAPTERS = analysis_chapters()  # from the registry, barometre.book
SOURCE_TYPES = ("barometer", "interview", "journalist", "official_statistic", "reference", "ranking")
EVENT_KINDS = (
    "market_opening",
    "acquisition",
    "stake_acquisition",
    "site_opening",
    "site_transfer",
    "agreement",
    "public_service_outsourcing",
    "conference",
    "offshore_start",
)
SIDECAR_KEYS = ("title", "source", "producer", "publication_date", "licence", "sha256")
SIDECAR_MAPPING_EXPECTED = (
    "a YAML mapping, one 'key: value' per line (title, source, producer, publication_date, licence, "
    "sha256), not a list or a single text"
)
MAX_QUOTE = 300

SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
# Numbers are ASCII digits (re.ASCII: \d alone, and float() and int(), take any Unicode digit, « ７７ » or « ٧٧ »)
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$", re.ASCII)
DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$", re.ASCII)
THOUSANDS = re.compile(r"^[+-]?\d{1,3}([,\u00a0\u202f ]\d{3})+([.]\d+)?$", re.ASCII)  # 1,528 or 1 528 or 1,528.5
MAX_PROBLEMS_SHOWN = 50
MAX_FIELD = 2000  # characters in any one field; the longest note of the 2008 data has 231
MAX_VALUE_SHOWN = 80
MAX_ROWS = 5000  # rows in any one data file (the largest, the ECB's daily rates of a year, has about 260)
MAX_SIDECAR_BYTES = 64_000  # a sidecar is a few lines of YAML (the longest has about 2 000 bytes)
FIRST_YEAR = 1990  # the earliest year a figure may name (the series start in 2000; 1996 is quoted)
MAX_YEARS_AHEAD = 3  # a period may end this many years after its edition (a forecast, an objective)

# The plausible range of each unit: (lowest, highest, whole numbers only). A value outside is refused
# with its row; ``None`` is no bound. ``year``'s highest is next year, computed when checked.
UNIT_RANGES: dict[str, tuple[float | None, float | None, bool]] = {
    "percent": (0, 100, False),
    "percent_change": (-100, 1000, False),
    "percentage_points": (-100, 100, False),
    "eur_per_month_gross": (100, 20_000, False),
    "eur_per_month_net": (100, 20_000, False),
    "eur_million": (0, 100_000, False),
    "jobs": (0, 10_000_000, False),
    "companies": (0, 1_000_000, False),
    "people": (0, 10_000_000, False),
    "trainings": (0, 10_000_000, False),
    "weeks": (0, 520, False),
    "years": (0, 100, False),
    "count": (0, 10_000_000, False),
    "year": (FIRST_YEAR, None, True),
}


# --------------------------------------------------------------------------- problems


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the data, located precisely enough to fix it."""

    file: str
    row: int | None = None  # line number in the file; the header is line 1
    column: str | None = None
    value: str | None = None
    expected: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        got = "" if self.value is None else f"got {_shown(self.value)}; "
        return f"{where}: {got}expected {self.expected}"


def _shown(value: str) -> str:
    """A raw value as a message quotes it: whole when short, else its start and its length."""
    if len(value) <= MAX_VALUE_SHOWN:
        return repr(value)
    return f"{value[:MAX_VALUE_SHOWN]!r}… ({len(value)} characters)"


def capped(lines: list[str], what: str = "problem") -> list[str]:
    """The first MAX_PROBLEMS_SHOWN lines, then the count of the others (a broken 50 MB file gives
    one short message, not megabytes of them)."""
    shown = lines[:MAX_PROBLEMS_SHOWN]
    rest = len(lines) - len(shown)
    if rest:
        shown.append(f"  … and {rest} more {what}{'s' if rest != 1 else ''} (not shown; fix the ones above first, "
                     "they often cause the others)")
    return shown


class DataValidationError(Exception):
    """Raised with every problem found, never just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=_problem_sort_key)
        super().__init__(str(self))

    def __str__(self) -> str:
        n = len(self.problems)
        lines = [f"Data validation failed: {n} problem{'s' if n != 1 else ''} found."]
        lines += capped([f"  - {p}" for p in self.problems])
        lines.append("Nothing was built or published. Fix the data and run the command again.")
        return "\n".join(lines)


def _problem_sort_key(p: Problem) -> tuple:
    return (p.file, p.row or 0, p.column or "", p.expected, p.value or "")


# --------------------------------------------------------------------------- field types


def _empty_to_none(v: Any) -> Any:
    if isinstance(v, str) and v.strip() == "":
        return None
    return v


def _number(v: Any) -> Any:
    v = _empty_to_none(v)
    if v is None or isinstance(v, int | float):
        if isinstance(v, float) and not math.isfinite(v):
            raise ValueError(NOT_FINITE)
        return v
    text = str(v).strip()
    if NUMBER.match(text):
        number = float(text)
        if not math.isfinite(number):  # float() reads 400 digits as infinity
            raise ValueError(NOT_FINITE)
        return number
    raise ValueError(number_expected(text))


NOT_FINITE = "a finite number of at most 15 significant digits (this one is too large to be read: a paste error?)"


def _non_ascii_digits(text: str) -> str:
    """The digits of ``text`` that are not 0-9 (« ７ », « ٧ »), as a message names them; '' when none."""
    odd = sorted({c for c in text if c.isdigit() and not c.isascii()})
    return ", ".join(f"{c!r} ({unicodedata.name(c, f'U+{ord(c):04X}')})" for c in odd)


def number_expected(text: str) -> str:
    """What was expected instead of ``text``, which is not a number: the likely fix when it is
    a number with a thousands separator or a decimal comma."""
    odd = _non_ascii_digits(text)
    if odd:
        return (f"a number written with the digits 0-9 (this one holds {odd}, digits of another script or "
                "full-width digits: type the number again with the 0-9 keys)")
    if THOUSANDS.match(text):
        digits = re.sub(r"[,\u00a0\u202f ]", "", text)
        if "," in text and "." not in text:
            return (f"a number with no thousands separator: {digits} if ',' separates thousands "
                    f"(thousands separator?), or {text.replace(',', '.')} if it is a decimal comma")
        return f"a number with no thousands separator (thousands separator?), e.g. {digits}"
    if DECIMAL_COMMA.match(text):
        return (f"a number with '.' as the decimal separator, e.g. {text.replace(',', '.')} "
                "(not a decimal comma)")
    return "a number, e.g. 15 or 1528.5 (digits and '.', no unit, no thousands separator)"


def _integer(v: Any) -> Any:
    if isinstance(v, int):
        return v
    text = str(v).strip()
    if re.fullmatch(r"[+-]?[0-9]+", text):
        return int(text)
    odd = _non_ascii_digits(text)
    raise ValueError("a whole number, e.g. 2008" + (f", in the digits 0-9 (not {odd})" if odd else ""))


def _snake(v: Any) -> Any:
    text = "" if v is None else str(v).strip()
    if not SNAKE.match(text):
        raise ValueError("a snake_case identifier (lower-case letters, digits and '_'), e.g. revenue_growth")
    return text


def _text(v: Any) -> Any:
    return "" if v is None else str(v).strip()


def _boolean(v: Any) -> Any:
    text = str(v).strip().lower()
    if text in ("true", "false"):
        return text == "true"
    raise ValueError("true or false")


def _chapter_list(v: Any) -> Any:
    items = [c.strip() for c in str(v or "").split(";") if c.strip()]
    bad = [c for c in items if c not in CHAPTERS]
    if not items or bad:
        raise ValueError("a ';'-separated list of chapters among: " + ", ".join(CHAPTERS))
    return tuple(items)


def _period(v: Any) -> Any:
    text = str(v or "").strip()
    if periods.is_period(text) and str(periods.parse(text)) == text:
        return text
    raise ValueError(periods.GRAMMAR)


def _event_date(v: Any) -> Any:
    text = str(v or "").strip()
    for pattern, fmt in ((r"\d{4}", "%Y"), (r"\d{4}-\d{2}", "%Y-%m"), (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d")):
        if re.fullmatch(pattern, text, re.ASCII):
            from datetime import datetime

            try:
                datetime.strptime(text, fmt)
            except ValueError:
                break
            return text
    raise ValueError("a date as YYYY, YYYY-MM or YYYY-MM-DD")


def _iso_date(v: Any) -> Any:
    text = str(v or "").strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("a date as YYYY-MM-DD") from None


Number = Annotated[float | None, BeforeValidator(_number)]
Integer = Annotated[int, BeforeValidator(_integer)]
Snake = Annotated[str, BeforeValidator(_snake)]
Text = Annotated[str, BeforeValidator(_text)]
RequiredText = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
Quote = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=MAX_QUOTE)]


QuoteType = Annotated[Literal["verbatim", "summary"], BeforeValidator(lambda v: (str(v).strip() or "verbatim"))]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EditionRow(_Row):
    indicator: Snake
    edition: Integer
    period: Annotated[str, BeforeValidator(_period)]
    scope: Snake
    value: Number
    low: Number
    high: Number
    qualifier: Qualifier
    unit: Unit
    source: Snake
    quote: Annotated[str, BeforeValidator(_text), Field(max_length=MAX_QUOTE)]  # required unless not_published
    note: Text
    quote_type: QuoteType = "verbatim"  # optional column: verbatim (shown in « ») or summary (a press summary)


class IndicatorRow(_Row):
    indicator: Snake
    label_fr: RequiredText
    unit: Unit
    definition: RequiredText
    chapters: Annotated[tuple[str, ...], BeforeValidator(_chapter_list)]
    required: Annotated[bool, BeforeValidator(_boolean)]
    forecast_of: Annotated[str, BeforeValidator(lambda v: (_empty_to_none(v) and _snake(v)) or "")] = ""


class ScopeRow(_Row):
    """A scope of the scope dictionary (``scopes.csv``): what a figure covers, and its French label."""

    scope: Snake
    label_fr: RequiredText
    definition: RequiredText


class SourceRow(_Row):
    source: Snake
    name: RequiredText
    organisation: Text
    role: Text
    type: Literal[SOURCE_TYPES]  # type: ignore[valid-type]
    publication_title: Text
    publication_outlet: Text
    publication_author: Text
    publication_year: Annotated[int | None, BeforeValidator(lambda v: _empty_to_none(v) and _integer(v))]
    publication_date: Annotated[str, BeforeValidator(lambda v: (_empty_to_none(v) and _event_date(v)) or "")] = ""
    url: Text = ""
    publication_issue: Text = ""  # the printed issue (« n° 93 »), when the source shows it
    publication_pages: Text = ""  # the printed pages (« p. 28-31 »), when the source shows them


class QuoteRow(_Row):
    """A short attributed quote that carries an opinion rather than a figure."""

    quote_id: Snake
    edition: Integer
    chapter: Literal[CHAPTERS]  # type: ignore[valid-type]
    source: Snake
    quote: Quote
    note: Text
    quote_type: QuoteType = "verbatim"


class EventRow(_Row):
    event: Snake
    edition: Integer
    date: Annotated[str, BeforeValidator(_event_date)]
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    actor: RequiredText
    target: Text
    city: Annotated[str | None, BeforeValidator(lambda v: _empty_to_none(v) and _snake(v))]
    source: Snake
    quote: Quote
    note: Text


class SmicRow(_Row):
    effective_date: Annotated[date, BeforeValidator(_iso_date)]
    value: Annotated[float, BeforeValidator(_number), Field(gt=0)]
    currency: Literal["FRF", "EUR"]
    legal_text: RequiredText
    legal_url: Text


class CpiRow(_Row):
    year: Integer
    index_2015_100: Annotated[float, BeforeValidator(_number), Field(gt=0)]


class LabourCostRow(_Row):
    """A year of the OpenFisca snapshot (``reference/smic_employer_cost.csv``): amounts per month, in euros."""

    year: Integer
    month: Text
    smic_hourly_gross: Number
    gross_wage: Number
    employer_contributions: Number
    general_reduction: Number
    employer_cost: Number
    net_wage: Number
    status: Literal["computed", "not_covered"]
    note: Text


class PriceLevelRow(_Row):
    """A comparative price level (``reference/price_level_index.csv``): PPP / exchange rate, EU27 = 100."""

    year: Integer
    country: Snake
    aggregate: Snake
    index_eu27_100: Annotated[float, BeforeValidator(_number), Field(gt=0)]
    note: Text


class ExchangeRateRow(_Row):
    """A daily ECB reference rate (``reference/ecb_gbp_per_eur_2008.csv``): pounds sterling per euro."""

    date: Annotated[date, BeforeValidator(_iso_date)]
    gbp_per_eur: Annotated[float, BeforeValidator(_number), Field(gt=0)]


HHI_CLASSES = ("unconcentrated", "moderately_concentrated", "highly_concentrated")
HHIValue = Annotated[Annotated[float, Field(ge=0, le=10000)] | None, BeforeValidator(_number)]


class HHIThresholdRow(_Row):
    """A class of market concentration by HHI (``reference/hhi_thresholds.csv``): merger guidelines'
    thresholds, each with the guidelines' own sentence. A class (``concentration``) runs from ``hhi_above`` (empty: 0)
    to ``hhi_below`` (empty: 10 000, one firm holding the market)."""

    guidelines: Snake
    concentration: Literal[HHI_CLASSES]  # type: ignore[valid-type]
    hhi_above: HHIValue
    hhi_below: HHIValue
    in_force_from: Annotated[date, BeforeValidator(_iso_date)]
    in_force_until: Annotated[date | None, BeforeValidator(lambda v: None if v in ("", None) else _iso_date(v))]
    quote: RequiredText
    name_fr: RequiredText  # the guidelines as the book names them (« lignes directrices américaines … »)
    source_fr: RequiredText  # the reference a chart's source line gives


class OfficialFigureRow(_Row):
    """A figure of an official publication kept with its sentence (``reference/insee_call_centres.csv``)."""

    indicator: Snake
    period: RequiredText
    value: Annotated[float, BeforeValidator(_number)]
    qualifier: Qualifier
    unit: RequiredText
    quote: RequiredText
    note: Text


class StudyRow(_Row):
    """One study behind the editions (``studies.csv``): who ran it, for whom, over which editions (data
    years), and its definitions, as its sources give them (texts in French, shown in the annex)."""

    study: Snake
    firm: RequiredText
    commissioner: RequiredText
    title: RequiredText
    first_edition: Integer
    last_edition: Annotated[int | None, BeforeValidator(lambda v: _empty_to_none(v) and _integer(v))]  # empty: running
    panel: Text
    revenue_scope: Text
    geography: Text
    staff_scope: Text
    source: Snake
    quote: Quote
    quote_type: QuoteType = "verbatim"
    note: Text


def _indicator_or_all(v: Any) -> Any:
    text = "" if v is None else str(v).strip()
    return text if text == "*" else _snake(text)


IndicatorOrAll = Annotated[str, BeforeValidator(_indicator_or_all)]


class BreakRow(_Row):
    """An explicit break in a series (``breaks.csv``): from edition ``edition`` on, ``indicator``
    (``*``: every indicator) of ``scope`` (``*``: every scope) is not measured as before; a value an
    edition before it publishes and one that edition or a later one publishes are not compared."""

    indicator: IndicatorOrAll
    scope: IndicatorOrAll
    edition: Integer
    reason: RequiredText
    source: Snake
    quote: Quote
    quote_type: QuoteType = "verbatim"
    note: Text


LABOUR_AMOUNTS = ("gross_wage", "employer_contributions", "general_reduction", "employer_cost", "net_wage")


class CityRow(_Row):
    city: Snake
    name_fr: RequiredText
    latitude: Annotated[float, BeforeValidator(_number), Field(ge=41, le=52)]
    longitude: Annotated[float, BeforeValidator(_number), Field(ge=-6, le=10)]
    department: Text
    geonames_id: Text


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
                problems.append(Problem(name, first, c, record[c], f"text without control characters; found "
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
    """The control characters of ``text`` (NUL, escape, bidirectional overrides…), as a message names
    them with their position; '' when there is none."""
    found = [(i, c) for i, c in enumerate(text)
             if (unicodedata.category(c) == "Cc" and c not in _CONTROL_ALLOWED) or c in _BIDI_CONTROLS]
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


# --------------------------------------------------------------------------- sidecars


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: a sidecar needs none, and aliases nested in aliases (« billion
    laughs ») make a few hundred bytes expand into billions of items."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"an alias (*{event.anchor}); a sidecar holds plain keys and values, without "
                "anchors (&) or aliases (*)", event.start_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, f"an anchor (&{event.anchor}); a sidecar holds plain keys and values, without "
                "anchors (&) or aliases (*)", event.start_mark)
        return super().compose_node(parent, index)


def load_sidecar_text(text: str) -> Any:
    """A sidecar's YAML, read safely: no aliases or anchors, at most MAX_SIDECAR_BYTES; yaml.YAMLError otherwise."""
    if len(text.encode("utf-8")) > MAX_SIDECAR_BYTES:
        raise yaml.YAMLError(f"at most {MAX_SIDECAR_BYTES} bytes, not {len(text.encode('utf-8'))}: a sidecar "
                             "is a few lines")
    return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader subclass


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".meta.yaml")


def data_files(data_dir: Path) -> list[Path]:
    """The data files of a data folder: everything but sidecars and documentation."""
    return [
        p
        for p in data_dir.rglob("*")
        if p.is_file() and not p.name.endswith(".meta.yaml") and p.suffix.lower() not in (".md", ".txt")
        and not p.name.startswith(".")
    ]


def check_sidecars(data_dir: Path, problems: list[Problem]) -> None:
    """Every data file has a sidecar with the required keys and a matching sha256."""
    for path in sorted(data_files(data_dir)):
        meta_path = sidecar_path(path)
        name = relative(meta_path)
        if not meta_path.is_file():
            problems.append(
                Problem(
                    relative(path),
                    expected=f"a provenance sidecar {meta_path.name} beside it "
                    "(create it with: python -m barometre sidecar " + relative(path) + ")",
                )
            )
            continue
        kind = special_kind(path) or special_kind(meta_path)
        if kind:
            problems.append(Problem(relative(path if special_kind(path) else meta_path),
                                    expected=special_expected(kind)))
            continue
        try:
            meta = load_sidecar_text(meta_path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            problems.append(Problem(name, expected=f"valid UTF-8 YAML ({' '.join(str(exc).split())})"))
            continue
        if not isinstance(meta, dict):
            problems.append(Problem(name, value=type(meta).__name__, expected=SIDECAR_MAPPING_EXPECTED))
            continue
        for key in SIDECAR_KEYS:
            if not meta.get(key):
                problems.append(Problem(name, None, key, None, f"a non-empty '{key}' entry"))
        actual = sha256_of(path)
        if meta.get("sha256") and meta["sha256"] != actual:
            problems.append(
                Problem(
                    name,
                    None,
                    "sha256",
                    str(meta["sha256"])[:12] + "…",
                    f"the checksum of {path.name} ({actual[:12]}…): the data changed since its "
                    "provenance was recorded; check the change, then run "
                    f"python -m barometre sidecar {relative(path)}",
                )
            )
    for meta_path in sorted(data_dir.rglob("*.meta.yaml")):
        if not meta_path.with_name(meta_path.name.removesuffix(".meta.yaml")).is_file():
            problems.append(Problem(relative(meta_path), expected="a data file of the same name beside it"))


# --------------------------------------------------------------------------- reference series


@dataclass(frozen=True)
class ReferenceSeries:
    """A reference series (the Smic, the price index, INSEE's call-centre figures…), declared once.

    A new series is its row model (above) and one more entry of ``REFERENCE_SERIES``: ``validate``
    reads and checks its file, ``ValidatedData.references`` holds it under ``name``, a chapter
    declares it by that name (``barometre.book.Inputs.references``) and reads its rows with
    ``Dataset.reference_rows(name)``, and its rows are in that chapter's cache key
    (``Dataset.inputs_key``)."""

    name: str  # as a chapter declares it and the dataset serves it
    file: str  # from the data folder
    row: type[_Row] | None = None  # None: a file read whole (the outline), hashed into the cache key
    unique: tuple[str, ...] = ()  # the columns no two rows share
    required: bool = False  # a minimal data folder has it; an optional series may be absent (None)
    check: Callable[[Table, list[Problem]], None] | None = None  # checks across its rows


def _check_labour_cost(labour: Table, problems: list[Problem]) -> None:
    """A computed year has all its amounts, ≥ 0, and its employer cost adds up."""
    for row, line in zip(labour.rows, labour.lines, strict=True):
        if row.status != "computed":
            continue
        for col in LABOUR_AMOUNTS:
            value = getattr(row, col)
            if value is None or value < 0:
                problems.append(Problem(labour.name, line, col, "" if value is None else str(value),
                                        "an amount in euros ≥ 0 (a computed year has all its amounts)"))
        if all(getattr(row, c) is not None for c in LABOUR_AMOUNTS):
            total = row.gross_wage + row.employer_contributions - row.general_reduction
            if abs(total - row.employer_cost) > 0.05:
                problems.append(Problem(
                    labour.name, line, "employer_cost", str(row.employer_cost),
                    f"gross_wage + employer_contributions - general_reduction = {total:.2f}"))


def _check_hhi(table: Table, problems: list[Problem]) -> None:
    """``_check_hhi_thresholds`` (defined with the checks after ``validate``)."""
    _check_hhi_thresholds(table, problems)


REFERENCE_SERIES: tuple[ReferenceSeries, ...] = (
    ReferenceSeries("smic", "reference/smic_horaire_brut.csv", SmicRow, ("effective_date",), required=True),
    ReferenceSeries("cpi", "reference/cpi_france_annual.csv", CpiRow, ("year",), required=True),
    ReferenceSeries("cities", "reference/cities.csv", CityRow, ("city",), required=True),
    # the OpenFisca snapshot, absent from a minimal data folder
    ReferenceSeries("labour_cost", "reference/smic_employer_cost.csv", LabourCostRow, ("year",),
                    check=_check_labour_cost),
    # Eurostat's comparative price levels
    ReferenceSeries("price_level", "reference/price_level_index.csv", PriceLevelRow, ("year", "country", "aggregate")),
    # INSEE's figures of the call-centre sector (NAF 82.20Z)
    ReferenceSeries("call_centres", "reference/insee_call_centres.csv", OfficialFigureRow, ("indicator", "period")),
    # the ECB's daily pound sterling reference rates
    ReferenceSeries("gbp_per_eur", "reference/ecb_gbp_per_eur_2008.csv", ExchangeRateRow, ("date",)),
    # merger guidelines' classes of concentration
    ReferenceSeries("hhi_thresholds", "reference/hhi_thresholds.csv", HHIThresholdRow, check=_check_hhi),
    # the outline of metropolitan France and Corsica (GeoJSON), read whole by ``Dataset.france_outline``
    ReferenceSeries("outline", "reference/france_outline.geojson"),
)
REFERENCES = {series.name: series for series in REFERENCE_SERIES}
# What a chapter may declare in ``Inputs.references``: the series, and the events (per-edition files, with
# the cities they name)
REFERENCE_NAMES = ("events", "studies", *REFERENCES)


def read_reference(data_dir: Path, series: ReferenceSeries, problems: list[Problem]) -> Table | None:
    """A reference series read and checked (None: an optional series whose file is absent)."""
    path = Path(data_dir) / series.file
    if series.row is None or not (series.required or path.is_file()):
        return None
    table = read_table(path, series.row, problems)
    if series.unique:
        _unique(table, series.unique, problems)
    if series.check is not None:
        series.check(table, problems)
    return table


# --------------------------------------------------------------------------- the whole folder


@dataclass
class ValidatedData:
    data_dir: Path
    editions: dict[int, Table]
    events: dict[int, Table]
    indicators: Table
    sources: Table
    quotes: dict[int, Table] = field(default_factory=dict)
    # each reference series by its name (``REFERENCE_SERIES``); None: an optional series absent
    references: dict[str, Table | None] = field(default_factory=dict)
    scopes: Table | None = None  # the scope dictionary (scopes.csv)
    studies: Table | None = None  # optional: the studies behind the editions (firm, panel, scope definitions)
    breaks: Table | None = None  # optional: explicit breaks in series


def _edition_files(folder: Path) -> dict[int, Path]:
    out = {}
    for p in sorted(folder.glob("*.csv")):
        if re.fullmatch(r"\d{4}", p.stem, re.ASCII):
            out[int(p.stem)] = p
    return out


def scope_expected(scope: str, known: set[str]) -> str:
    """What was expected instead of an unknown scope: the closest known scope, when one is close."""
    close = difflib.get_close_matches(scope, sorted(known), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return (f"a scope listed in data/scopes.csv ({hint}a new scope is added there with its French label and "
            "its definition)")


def check_edition_row(row: EditionRow, where: Callable[[str, Any, str], Problem]) -> list[Problem]:
    """Semantic checks of one edition row (beyond types)."""
    out = []
    is_range = row.qualifier == "range"
    if not row.quote and row.qualifier != "not_published":
        out.append(where("quote", "", "a short verbatim excerpt of the source that holds the figure"))
    if row.qualifier == "not_published":
        for col in ("value", "low", "high"):
            if getattr(row, col) is not None:
                out.append(where(col, getattr(row, col), "empty: the figure is marked not_published"))
        return out
    if is_range:
        if row.value is not None:
            out.append(where("value", row.value, "empty for a range (use low and high)"))
        for col in ("low", "high"):
            if getattr(row, col) is None:
                out.append(where(col, "", f"the {col} end of the range"))
        if row.low is not None and row.high is not None and row.low > row.high:
            out.append(where("low", row.low, f"low ≤ high (high is {row.high:g})"))
    else:
        if row.value is None:
            out.append(where("value", "", f"a number (qualifier is {row.qualifier})"))
        for col in ("low", "high"):
            if getattr(row, col) is not None:
                out.append(where(col, getattr(row, col), "empty unless the qualifier is range"))
    for col in ("value", "low", "high"):
        v = getattr(row, col)
        if v is not None:
            expected = unit_range_expected(row.unit, v)
            if expected:
                out.append(where(col, _fmt(v), expected))
    period = periods.parse(row.period)
    if period.start < FIRST_YEAR or period.end > row.edition + MAX_YEARS_AHEAD:
        out.append(where("period", row.period, f"a period from {FIRST_YEAR} to {row.edition + MAX_YEARS_AHEAD} "
                         f"(edition {row.edition}: a figure, a forecast or an objective ends at most "
                         f"{MAX_YEARS_AHEAD} years after its edition)"))
    return out


def unit_range_expected(unit: str, v: float) -> str:
    """What was expected of ``v`` in ``unit`` when it is outside the unit's plausible range (UNIT_RANGES); ''."""
    low, high, whole = UNIT_RANGES.get(unit, (None, None, False))
    if unit == "year":
        high = date.today().year + 1
    if unit == "percent" and not 0 <= v <= 100:
        return "a share between 0 and 100 (unit percent); a change such as +125 % takes the unit percent_change"
    if whole and not float(v).is_integer():
        return f"a whole number (unit {unit}: {UNITS[unit]}), e.g. {int(v)}"
    if low == 0 and v < 0:
        return f"a non-negative number (unit {unit})"
    if (low is not None and v < low) or (high is not None and v > high):
        bounds = f"from {_fmt(low)} to {_fmt(high)}" if high is not None else f"from {_fmt(low)}"
        return (f"a value {bounds} (unit {unit}: {UNITS[unit]}; the plausible range is written in "
                "barometre.validation.UNIT_RANGES and data/README.md): check the figure against its source")
    return ""


def validate(data_dir: Path) -> ValidatedData:
    """Validate the whole data folder; raise DataValidationError listing every problem."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    special = special_entries(data_dir)  # links and special files: named, never followed nor read
    problems.extend(Problem(relative(path), expected=special_expected(kind)) for path, kind in special)
    if any(kind == "a symbolic link" and path.is_dir() for path, kind in special):
        raise DataValidationError(problems)  # a linked folder: its files are outside data/, read none
    indicators = read_table(data_dir / "indicators.csv", IndicatorRow, problems)
    sources = read_table(data_dir / "sources.csv", SourceRow, problems)
    references = {series.name: read_reference(data_dir, series, problems) for series in REFERENCE_SERIES}
    cities = references["cities"]
    scopes = read_table(data_dir / "scopes.csv", ScopeRow, problems)
    scope_ids = {r.scope for r in scopes.rows}
    _unique(scopes, ("scope",), problems)

    dictionary = {r.indicator: r for r in indicators.rows}
    source_ids = {r.source for r in sources.rows}
    city_ids = {r.city for r in cities.rows}
    _unique(indicators, ("indicator",), problems)
    _unique(sources, ("source",), problems)

    edition_files = _edition_files(data_dir / "editions")
    if not edition_files:
        problems.append(
            Problem(relative(data_dir / "editions"), expected="at least one edition file named <YYYY>.csv")
        )
    editions: dict[int, Table] = {}
    for year, path in edition_files.items():
        table = read_table(path, EditionRow, problems)
        editions[year] = table
        name = table.name
        for row, line in zip(table.rows, table.lines, strict=True):

            def where(col, value, expected, _line=line, _name=name):
                return Problem(_name, _line, col, None if value is None else str(value), expected)

            if row.edition != year:
                problems.append(where("edition", row.edition, f"{year}, the edition named by the file"))
            entry = dictionary.get(row.indicator)
            if entry is None and indicators.rows:
                problems.append(where("indicator", row.indicator, "an indicator listed in data/indicators.csv"))
            elif entry is not None and entry.unit != row.unit:
                problems.append(
                    where("unit", row.unit, f"{entry.unit}, the unit of {row.indicator} in data/indicators.csv")
                )
            if row.source not in source_ids and sources.rows:
                problems.append(where("source", row.source, "a source listed in data/sources.csv"))
            if row.scope not in scope_ids and scopes.rows:
                problems.append(where("scope", row.scope, scope_expected(row.scope, scope_ids)))
            problems.extend(check_edition_row(row, where))
        _unique(table, ("indicator", "edition", "scope", "period", "source"), problems)

    # Editions are vintages and may be sparse: no indicator is required of an edition (the book
    # shows the last published value, or leaves the passage out when no edition publishes it).
    for entry in dictionary.values():
        if entry.forecast_of and entry.forecast_of not in dictionary:
            problems.append(Problem(indicators.name, None, "forecast_of", entry.forecast_of,
                                    "an indicator listed in data/indicators.csv (the figure this one forecasts)"))

    events: dict[int, Table] = {}
    for year, path in _edition_files(data_dir / "events").items():
        table = read_table(path, EventRow, problems, allow_no_rows=True)  # an edition may quote no event
        events[year] = table
        _check_edition_and_sources(table, year, source_ids if sources.rows else None, problems)
        for row, line in zip(table.rows, table.lines, strict=True):
            if row.city and row.city not in city_ids and cities.rows:
                problems.append(
                    Problem(table.name, line, "city", row.city, "a city listed in data/reference/cities.csv")
                )
            if not FIRST_YEAR <= int(row.date[:4]) <= year + MAX_YEARS_AHEAD:
                problems.append(Problem(table.name, line, "date", row.date, f"a date from {FIRST_YEAR} to "
                                        f"{year + MAX_YEARS_AHEAD} (an event quoted in edition {year})"))
        _unique(table, ("event",), problems)

    quotes: dict[int, Table] = {}
    for year, path in _edition_files(data_dir / "quotes").items():
        table = read_table(path, QuoteRow, problems)
        quotes[year] = table
        _check_edition_and_sources(table, year, source_ids if sources.rows else None, problems)
        _unique(table, ("quote_id",), problems)

    studies_path = data_dir / "studies.csv"
    studies = read_table(studies_path, StudyRow, problems) if studies_path.is_file() else None
    if studies is not None:
        _check_studies(studies, sorted(editions), source_ids if sources.rows else None, problems)
    breaks_path = data_dir / "breaks.csv"
    breaks = read_table(breaks_path, BreakRow, problems, allow_no_rows=True) if breaks_path.is_file() else None
    if breaks is not None:
        _check_breaks(breaks, set(dictionary) if indicators.rows else None, source_ids if sources.rows else None,
                      problems)


    check_sidecars(data_dir, problems)
    if problems:
        raise DataValidationError(problems)
    return ValidatedData(data_dir, editions, events, indicators, sources, quotes, references,
                         scopes=scopes, studies=studies, breaks=breaks)


def _check_studies(table: Table, editions: list[int], source_ids: set[str] | None,
                   problems: list[Problem]) -> None:
    """Studies are unique, each spans first_edition to last_edition, no two share an edition, and every
    edition in ``data/editions/`` belongs to exactly one study."""
    _unique(table, ("study",), problems)
    spans: list[tuple[int, float, str, int]] = []
    for row, line in zip(table.rows, table.lines, strict=True):
        if source_ids is not None and row.source not in source_ids:
            problems.append(Problem(table.name, line, "source", row.source, "a source listed in data/sources.csv"))
        last_edition = float("inf") if row.last_edition is None else row.last_edition  # empty: still running
        if row.first_edition > last_edition:
            problems.append(Problem(table.name, line, "last_edition", str(row.last_edition),
                                    f"a year ≥ first_edition ({row.first_edition}), or empty for a running study"))
            continue
        for first, last, other, other_line in spans:
            if row.first_edition <= last and first <= last_edition:
                problems.append(Problem(
                    table.name, line, "first_edition", f"{row.first_edition}-{row.last_edition or ''}",
                    f"editions no other study covers; study {other!r} (row {other_line}) covers "
                    f"{first}-{'' if last == float('inf') else int(last)}"))
        spans.append((row.first_edition, last_edition, row.study, line))
    if not table.rows:
        return
    for edition in editions:
        if not any(first <= edition <= last for first, last, _, _ in spans):
            problems.append(Problem(
                table.name, None, "first_edition", str(edition),
                f"a study whose first_edition..last_edition covers edition {edition} "
                f"(data/editions/{edition}.csv): every edition belongs to exactly one study"))


def _check_breaks(table: Table, indicators: set[str] | None, source_ids: set[str] | None,
                  problems: list[Problem]) -> None:
    """A break names a known indicator (or ``*``) and a known source, once per (indicator, scope, edition)."""
    _unique(table, ("indicator", "scope", "edition"), problems)
    for row, line in zip(table.rows, table.lines, strict=True):
        if indicators is not None and row.indicator != "*" and row.indicator not in indicators:
            problems.append(Problem(table.name, line, "indicator", row.indicator,
                                    "an indicator listed in data/indicators.csv, or * (every indicator)"))
        if source_ids is not None and row.source not in source_ids:
            problems.append(Problem(table.name, line, "source", row.source, "a source listed in data/sources.csv"))


def _check_hhi_thresholds(table: Table, problems: list[Problem]) -> None:
    """Each guidelines' classes follow one another without gap or overlap, from 0 to 10 000, in the
    order unconcentrated, moderately, highly concentrated."""
    _unique(table, ("guidelines", "concentration"), problems)
    by_guidelines: dict[str, list] = {}
    for row, line in zip(table.rows, table.lines, strict=True):
        by_guidelines.setdefault(row.guidelines, []).append((row, line))
        if row.hhi_above is not None and row.hhi_below is not None and row.hhi_above >= row.hhi_below:
            problems.append(Problem(table.name, line, "hhi_below", _fmt(row.hhi_below),
                                    f"a number above hhi_above ({_fmt(row.hhi_above)})"))
    for rows in by_guidelines.values():
        rows.sort(key=lambda rl: HHI_CLASSES.index(rl[0].concentration))
        previous = None
        for row, line in rows:
            if previous is None and row.hhi_above is not None:
                problems.append(Problem(table.name, line, "hhi_above", _fmt(row.hhi_above),
                                        "empty: the least concentrated class starts at 0"))
            if previous is not None and row.hhi_above != previous.hhi_below:
                problems.append(Problem(table.name, line, "hhi_above", _fmt(row.hhi_above),
                                        f"{_fmt(previous.hhi_below)}, where the class before it ends"))
            previous = row
        if previous is not None and previous.hhi_below is not None:
            problems.append(Problem(table.name, rows[-1][1], "hhi_below", _fmt(previous.hhi_below),
                                    "empty: the most concentrated class runs to 10 000"))


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


def _check_edition_and_sources(table: Table, year: int, source_ids: set[str] | None,
                               problems: list[Problem]) -> None:
    """Rows of a per-edition file name that edition and a known source (``None``: sources unreadable)."""
    for row, line in zip(table.rows, table.lines, strict=True):
        if row.edition != year:
            problems.append(Problem(table.name, line, "edition", str(row.edition), f"{year}"))
        if source_ids is not None and row.source not in source_ids:
            problems.append(Problem(table.name, line, "source", row.source, "a source listed in data/sources.csv"))


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
