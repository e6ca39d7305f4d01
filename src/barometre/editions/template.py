"""Step 1: the new edition's files, from the latest edition (see barometre.editions)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from barometre.editions.common import (
    EDITION_COLUMNS,
    EVENT_COLUMNS,
    TO_FILL,
    EditionError,
    Issue,
    _csv_text,
    _read_records,
    _template_sidecar,
    data_period,
    edition_years,
)
from barometre.paths import relative
from barometre.provenance import write_sidecar
from barometre.validation import (
    EditionRow,
    Problem,
    SourceRow,
    read_table,
    sidecar_path,
)

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


