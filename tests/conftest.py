"""Shared fixtures: a private copy of data/ that a test may break or change."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from fixtures import copy_upto

from barometre.paths import DATA_DIR
from barometre.provenance import write_sidecar


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def tree_hash(folder: Path) -> str:
    """The content of a folder (names and bytes), to prove a published site was left untouched."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(folder.resolve().rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(folder.resolve())).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def rewrite(path: Path, content: str | bytes, *, refresh_sidecar: bool = True) -> None:
    """Replace a data file and (by default) record its new checksum, as the analyst would."""
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    if refresh_sidecar:
        write_sidecar(path)


def edition_lines(data_dir: Path, edition: int = 2008) -> list[str]:
    return (data_dir / "editions" / f"{edition}.csv").read_text(encoding="utf-8").splitlines()


def set_value(data_dir: Path, indicator: str, scope: str, period: str, value: str, edition: int = 2008) -> int:
    """Change one figure's value in an edition file, touching only its line; returns the line number."""
    return set_field(data_dir, indicator, scope, period, "value", value, edition)


def set_field(data_dir: Path, indicator: str, scope: str, period: str, column: str, value: str,
              edition: int = 2008) -> int:
    """Change one column of one figure's row in an edition file, touching only its line."""
    import csv
    import io

    path = data_dir / "editions" / f"{edition}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(csv.reader([lines[0]]))
    for number, line in enumerate(lines[1:], start=2):
        row = next(csv.reader([line]))
        rec = dict(zip(header, row, strict=True))
        if (rec["indicator"], rec["scope"], rec["period"]) == (indicator, scope, period):
            row[header.index(column)] = value(row[header.index(column)]) if callable(value) else value
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow(row)
            lines[number - 1] = out.getvalue()
            rewrite(path, "\n".join(lines) + "\n")
            return number
    raise AssertionError(f"no row {indicator}/{scope}/{period}")


# The site address the session's book is built with, as a deployment gives it (BAROMETRE_BASEURL);
# the other builds of the tests have none (no OpenGraph URL, no sitemap).
SITE_ADDRESS = "https://barometre.test/livre/"


@contextlib.contextmanager
def at_site_address():
    """BAROMETRE_BASEURL set to ``SITE_ADDRESS`` for the time of a build in this process."""
    import os

    from barometre.reuse import BASEURL_VARIABLE

    before = os.environ.get(BASEURL_VARIABLE)
    os.environ[BASEURL_VARIABLE] = SITE_ADDRESS
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(BASEURL_VARIABLE, None)
        else:
            os.environ[BASEURL_VARIABLE] = before


@pytest.fixture(scope="session")
def book_build(tmp_path_factory) -> dict:
    """The book built once from the real data into a temporary folder (read-only for tests), at the
    site address ``SITE_ADDRESS``."""
    from barometre.build import Builder

    root = tmp_path_factory.mktemp("published")
    data = root / "data"
    copy_upto(DATA_DIR, data, 2008)  # these tests read the 2008 book
    with at_site_address():
        Builder(data_dir=data, build_dir=root / "_build", echo=lambda m: None).run()
    return {"data": data, "build_dir": root / "_build", "site_address": SITE_ADDRESS}


@pytest.fixture(scope="session")
def published_book(book_build) -> Path:
    return (book_build["build_dir"] / "html").resolve()


@pytest.fixture(scope="session")
def book_pdf(book_build) -> dict:
    """The PDF of that book (``make pdf`` after ``make book``), built once: its path and what the
    build said."""
    from barometre.build import Builder

    messages: list[str] = []
    with at_site_address():  # the same address as its site, else its PDF is another build's and not attached
        path = Builder(data_dir=book_build["data"], build_dir=book_build["build_dir"], echo=messages.append).pdf()
    return {"path": path, "messages": messages}


def mark_not_published(data_dir: Path, indicator: str, scope: str | None = None, edition: int = 2008) -> None:
    """Turn an indicator's rows (of one scope, or all) into ``not_published`` rows, as an edition
    that drops a figure would; records the new checksum."""
    import csv
    import io

    path = data_dir / "editions" / f"{edition}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = rows[0]
    for row in rows[1:]:
        rec = dict(zip(header, row, strict=True))
        if rec["indicator"] == indicator and (scope is None or rec["scope"] == scope):
            for col in ("value", "low", "high"):
                row[header.index(col)] = ""
            row[header.index("qualifier")] = "not_published"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    rewrite(path, out.getvalue())
