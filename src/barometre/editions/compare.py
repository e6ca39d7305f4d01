"""Step 2: the check of a new edition against the previous one (see barometre.editions); what it finds
and its terminal text are in ``report``, the « Ce qui a changé » page in ``changes``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from barometre import formatting
from barometre.data import Dataset, Figure, figure_from_row, period_key
from barometre.editions.common import (
    DEFAULT_POINTS,
    DEFAULT_THRESHOLD,
    PERCENT_UNITS,
    TO_FILL,
    EditionError,
    Issue,
    _dictionary,
    edition_years,
    shift_period,
)
from barometre.editions.report import Change, EditionReport, Revision, _where
from barometre.paths import relative
from barometre.provenance import read_sidecar
from barometre.validation import EditionRow, Problem, SourceRow, read_table, sidecar_path


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

    def newest(keys) -> dict[tuple, str]:
        out: dict[tuple, str] = {}
        for ind, scope, period in keys:
            if (ind, scope) not in out or period_key(period) > period_key(out[(ind, scope)]):
                out[(ind, scope)] = period
        return out

    # a change pairs each series' newest year in the two editions: the 2011 edition's 2009 offshore share (an
    # older year it adds) set against the 2010 edition's 2008 one read as a change of two different years
    newest_now, newest_before = newest(now_by_key), newest(before_by_key)
    for key, f in now_by_key.items():
        if key in before_by_key:
            continue
        candidate = (f.indicator, f.scope, shift_period(f.period, -shift))
        if newest_now.get(key[:2]) != f.period or newest_before.get(key[:2]) != candidate[2]:
            continue
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
        if len(keys) == 1 and len(olds) == 1 and newest_now.get(group) == keys[0][2]:
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
