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

The package, by job: ``vocabulary`` (units, ranges, limits), ``problems`` (a problem and the error that
carries them all), ``rows`` (the typed fields and one row model per kind of file), ``reading`` (the strict
CSV reader and ``read_table``), ``sidecars`` (the provenance sidecars), ``references`` (the registry of
reference series, ``REFERENCE_SERIES``); here, ``validate`` (the whole folder and its cross-file checks).
The public names are re-exported here: ``from barometre.validation import ...``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from barometre import periods
from barometre.files import special_entries
from barometre.paths import relative
from barometre.validation.problems import (
    DataValidationError,
    Problem,
    _fmt,
    capped,
)
from barometre.validation.reading import (
    SYMLINK_EXPECTED,
    CsvRecord,
    Table,
    _unique,
    read_csv_records,
    read_table,
    special_expected,
)
from barometre.validation.reading import (
    _expected_from as _expected_from,
)
from barometre.validation.references import (
    REFERENCE_NAMES,
    REFERENCE_SERIES,
    REFERENCES,
    ReferenceSeries,
    read_reference,
)
from barometre.validation.rows import (
    HHI_CLASSES,
    LABOUR_AMOUNTS,
    NOT_FINITE,
    BreakRow,
    CityRow,
    CpiRow,
    EditionRow,
    EventRow,
    ExchangeRateRow,
    HHIThresholdRow,
    HHIValue,
    IndicatorOrAll,
    IndicatorRow,
    Integer,
    LabourCostRow,
    Number,
    OfficialFigureRow,
    PriceLevelRow,
    Quote,
    QuoteRow,
    QuoteType,
    RequiredText,
    ScopeRow,
    SmicRow,
    Snake,
    SourceRow,
    StudyRow,
    Text,
    number_expected,
)
from barometre.validation.rows import (
    _chapter_list as _chapter_list,
)
from barometre.validation.rows import (
    _period as _period,
)
from barometre.validation.rows import (
    _Row as _Row,
)
from barometre.validation.sidecars import (
    check_sidecars,
    data_files,
    load_sidecar_text,
    sha256_of,
    sidecar_path,
)
from barometre.validation.vocabulary import (
    ABOVE_ZERO,
    CHAPTERS,
    DECIMAL_COMMA,
    EVENT_KINDS,
    FIRST_YEAR,
    MAX_FIELD,
    MAX_PROBLEMS_SHOWN,
    MAX_QUOTE,
    MAX_ROWS,
    MAX_SIDECAR_BYTES,
    MAX_VALUE_SHOWN,
    MAX_YEARS_AHEAD,
    NUMBER,
    QUALIFIERS,
    SIDECAR_KEYS,
    SIDECAR_MAPPING_EXPECTED,
    SNAKE,
    SOURCE_TYPES,
    THOUSANDS,
    UNIT_RANGES,
    UNITS,
    Qualifier,
    Unit,
)

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
            elif row.indicator in ABOVE_ZERO and v <= 0:
                out.append(where(col, _fmt(v), f"a value above 0: {row.indicator} is {ABOVE_ZERO[row.indicator]}"))
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


def _check_edition_and_sources(table: Table, year: int, source_ids: set[str] | None,
                               problems: list[Problem]) -> None:
    """Rows of a per-edition file name that edition and a known source (``None``: sources unreadable)."""
    for row, line in zip(table.rows, table.lines, strict=True):
        if row.edition != year:
            problems.append(Problem(table.name, line, "edition", str(row.edition), f"{year}"))
        if source_ids is not None and row.source not in source_ids:
            problems.append(Problem(table.name, line, "source", row.source, "a source listed in data/sources.csv"))


__all__ = [
    "CHAPTERS",
    "DECIMAL_COMMA",
    "EVENT_KINDS",
    "FIRST_YEAR",
    "HHI_CLASSES",
    "LABOUR_AMOUNTS",
    "MAX_FIELD",
    "MAX_PROBLEMS_SHOWN",
    "MAX_QUOTE",
    "MAX_ROWS",
    "MAX_SIDECAR_BYTES",
    "MAX_VALUE_SHOWN",
    "MAX_YEARS_AHEAD",
    "NOT_FINITE",
    "NUMBER",
    "QUALIFIERS",
    "REFERENCES",
    "REFERENCE_NAMES",
    "REFERENCE_SERIES",
    "SIDECAR_KEYS",
    "SIDECAR_MAPPING_EXPECTED",
    "SNAKE",
    "SOURCE_TYPES",
    "SYMLINK_EXPECTED",
    "THOUSANDS",
    "UNITS",
    "UNIT_RANGES",
    "BreakRow",
    "CityRow",
    "CpiRow",
    "CsvRecord",
    "DataValidationError",
    "EditionRow",
    "EventRow",
    "ExchangeRateRow",
    "HHIThresholdRow",
    "HHIValue",
    "IndicatorOrAll",
    "IndicatorRow",
    "Integer",
    "LabourCostRow",
    "Number",
    "OfficialFigureRow",
    "PriceLevelRow",
    "Problem",
    "Qualifier",
    "Quote",
    "QuoteRow",
    "QuoteType",
    "ReferenceSeries",
    "RequiredText",
    "ScopeRow",
    "SmicRow",
    "Snake",
    "SourceRow",
    "StudyRow",
    "Table",
    "Text",
    "Unit",
    "ValidatedData",
    "capped",
    "check_edition_row",
    "check_sidecars",
    "data_files",
    "load_sidecar_text",
    "number_expected",
    "read_csv_records",
    "read_reference",
    "read_table",
    "scope_expected",
    "sha256_of",
    "sidecar_path",
    "special_expected",
    "unit_range_expected",
    "validate",
]
