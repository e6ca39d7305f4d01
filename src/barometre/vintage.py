"""What the book of an edition reads from ``data/``: everything published up to that edition, nothing later.

An edition's book is the data « as known in edition E » (``Dataset.known``), so its pages must not change when
a later edition is added: a reader who quotes the 2011 book quotes the same text next year, and ``make site``
rebuilds only the new edition (issue 26: « site after a new edition »). The build's keys therefore read:

- in the folders of one file per edition (``editions/``, ``events/``, ``quotes/``), the files of the editions up
  to E only;
- in ``sources.csv``, every row but those that only a later edition's files cite (the analyst adds the new
  edition's publications there: they are not the older books' sources), the article the book rebuilds kept;
- every other file whole (the indicator dictionary, the scopes, the studies and breaks, the reference series):
  a change there may concern any edition, and rebuilds them all; a shared file's sidecar without its checksum,
  which follows the file (``sources.csv`` gains the new edition's rows).

The rule is written once (``later_sources``): the build's keys read it from the files before validation, the
validated ``Dataset`` (its chapters' keys, the sources annex) through ``Dataset.later_sources``.

``tests/test_site.py`` builds older editions with and without the later editions' files and rows and finds their
pages identical: the rule is checked against what the chapters really read.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable
from pathlib import Path

EDITION_FOLDERS = ("editions", "events", "quotes")  # one file a year: <folder>/<YYYY>.csv (and its sidecar)
SOURCES = "sources.csv"
# sources every edition's book reads, whoever cites them: the article the book rebuilds (its « type » in
# sources.csv), which the 2008 edition's rows cite and the chapters name for every edition
ALWAYS_READ_TYPES = ("journalist",)
SIDECAR = ".meta.yaml"


def file_edition(relative: Path) -> int | None:
    """The edition of a file of an edition folder (``editions/2011.csv``, its sidecar), None for a shared file."""
    parts = relative.parts
    if len(parts) == 2 and parts[0] in EDITION_FOLDERS and parts[1][:4].isdigit() and parts[1][4:5] == ".":
        return int(parts[1][:4])
    return None


def later_only(cited: Iterable[tuple[int | None, str]], edition: int, always: Iterable[str] = ()) -> set[str]:
    """The sources that only editions after ``edition`` cite: ``cited`` pairs (edition, source id), with None
    for a citation outside an edition's files (a study, a break), which counts for every edition; never the
    ``always`` read (``ALWAYS_READ_TYPES``)."""
    before, later = set(always), set()
    for ed, source in cited:
        (later if ed is not None and ed > edition else before).add(source)
    return later - before


def always_read(data_dir: Path) -> set[str]:
    """The ids of the sources of ``ALWAYS_READ_TYPES`` in ``sources.csv``."""
    path = Path(data_dir) / SOURCES
    if not path.is_file():
        return set()
    with path.open(newline="", encoding="utf-8") as f:
        return {row.get("source") or "" for row in csv.DictReader(f) if row.get("type") in ALWAYS_READ_TYPES}


def later_sources(data_dir: Path, edition: int) -> set[str]:
    """The sources of ``data_dir`` that only editions after ``edition`` cite (``later_only`` on its files)."""
    return later_only(cited_in_files(data_dir), edition, always_read(data_dir))


def _csv_column(path: Path, column: str) -> list[str]:
    if not path.is_file():  # a link to nowhere, a FIFO, a device: never opened (validation refuses them)
        return []
    with path.open(newline="", encoding="utf-8") as f:
        return [row.get(column) or "" for row in csv.DictReader(f)]


def cited_in_files(data_dir: Path) -> list[tuple[int | None, str]]:
    """Every (edition, source id) pair the data files cite, read with the csv module (no validation: the key of
    a build that then validates; a file that does not parse makes every source count)."""
    pairs: list[tuple[int | None, str]] = []
    for path in sorted(Path(data_dir).glob("*.csv")):
        if path.name != SOURCES:
            pairs += [(None, s) for s in _csv_column(path, "source")]
    for folder in EDITION_FOLDERS:
        for path in sorted((Path(data_dir) / folder).glob("[0-9][0-9][0-9][0-9].csv")):
            pairs += [(int(path.stem), s) for s in _csv_column(path, "source")]
    return pairs


def sources_bytes(path: Path, dropped: set[str]) -> bytes:
    """``sources.csv`` without the rows of ``dropped`` sources, as the key reads it."""
    text = path.read_text(encoding="utf-8")
    if not dropped:
        return text.encode()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r for i, r in enumerate(rows) if i == 0 or (r[:1] != [] and
                                                    r[0] not in dropped)])
    return out.getvalue().encode()


def data_digest(data_dir: Path, edition: int, files: Iterable[Path]) -> hashlib._Hash:
    """The sha256 of the data files ``files`` (paths in ``data_dir``) as the book of ``edition`` reads them."""
    data_dir = Path(data_dir)
    h = hashlib.sha256()
    try:
        dropped = later_sources(data_dir, edition)
    except (OSError, UnicodeDecodeError, csv.Error):
        dropped = set()
    for path in sorted(files):
        relative = path.relative_to(data_dir)
        ed = file_edition(relative)
        if ed is not None and ed > edition:
            continue
        h.update(str(relative).encode() + b"\0")
        try:
            if relative == Path(SOURCES):
                h.update(sources_bytes(path, dropped))
            elif relative.name.endswith(SIDECAR):  # a shared file's sidecar: its checksum follows the file's rows
                h.update(b"".join(line for line in path.read_bytes().splitlines(keepends=True)
                                  if not line.startswith(b"sha256:")))
            else:
                h.update(path.read_bytes())
        except (OSError, UnicodeDecodeError, csv.Error):
            h.update(path.read_bytes())
    return h


def remove_later(data_dir: Path, edition: int) -> list[Path]:
    """Make ``data_dir`` the data as they stood before the editions after ``edition`` were added: their files
    removed, and the sources only they cite. Returns the shared files rewritten (their sidecars' checksums are
    the caller's to record). For the bench and the tests, which simulate the analyst adding an edition."""
    data_dir = Path(data_dir)
    dropped = later_sources(data_dir, edition)
    for folder in EDITION_FOLDERS:
        for path in sorted((data_dir / folder).glob("[0-9][0-9][0-9][0-9].csv*")):
            if int(path.name[:4]) > edition:
                path.unlink()
    sources = data_dir / SOURCES
    if dropped and sources.is_file():
        sources.write_bytes(sources_bytes(sources, dropped))
        return [sources]
    return []
