"""The CSV downloads of a built page's charts, and what a French reader needs of their headers
(used by test_chart_csv.py and test_every_edition.py)."""

from __future__ import annotations

import csv
import io
import re
import urllib.parse
from pathlib import Path

DOWNLOAD = re.compile(r'class="chart-csv" download="([^"]+)" href="data:text/csv;charset=utf-8,([^"]+)"')
ENGLISH = re.compile(r"\b(year|years|month|saving|factor|cost|rate|share|value|margin|revenue|count|scheme|"
                     r"price|wage|growth|low|high|label|text)\b", re.I)
WITHOUT_UNIT = {"année", "mois", "édition"}  # number columns whose name is their unit


def downloads(site: Path) -> dict[str, str]:
    """Every chart CSV of the site's pages: name -> text."""
    import html

    out = {}
    for page in sorted(site.rglob("*.html")):
        for m in DOWNLOAD.finditer(page.read_text(encoding="utf-8")):
            out[f"{page.relative_to(site).as_posix()}:{m.group(1)}"] = urllib.parse.unquote(html.unescape(m.group(2)))
    return out


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def header_problems(name: str, text: str) -> list[str]:
    """Headers that are not French or number columns that do not say their unit."""
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    problems = []
    for i, column in enumerate(header):
        if "_" in column or ENGLISH.search(column):
            problems.append(f"{name}: header {column!r} is not French")
        cells = [r[i] for r in body if i < len(r) and r[i] != ""]
        if cells and all(_is_number(c) for c in cells) and column not in WITHOUT_UNIT and "(" not in column:
            problems.append(f"{name}: number column {column!r} does not say its unit")
    return problems
