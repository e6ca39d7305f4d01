"""What the three steps of the yearly procedure share: the problems they report, the
template's constants, and reading and writing edition files."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from barometre import periods
from barometre.files import special_kind
from barometre.paths import relative
from barometre.provenance import read_sidecar, write_sidecar
from barometre.validation import (
    EditionRow,
    EventRow,
    IndicatorRow,
    Problem,
    SourceRow,
    capped,
    read_csv_records,
    read_table,
    special_expected,
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
    kind = special_kind(path)
    if kind:  # never opened: a FIFO would wait forever
        raise EditionError([Issue(relative(path), special_expected(kind))], title=f"Cannot read {relative(path)}",
                           footer="Nothing was written.")
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
