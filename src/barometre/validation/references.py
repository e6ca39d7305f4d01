"""The reference series (the Smic, prices, labour costs, exchange rates, INSEE's call centres...):
``REFERENCE_SERIES``, one declaration per series, and reading one series' file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from barometre.validation.problems import Problem, _fmt
from barometre.validation.reading import Table, _unique, read_table
from barometre.validation.rows import (
    HHI_CLASSES,
    LABOUR_AMOUNTS,
    CityRow,
    CpiRow,
    ExchangeRateRow,
    HHIThresholdRow,
    LabourCostRow,
    OfficialFigureRow,
    PriceLevelRow,
    SmicRow,
    _Row,
)

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
