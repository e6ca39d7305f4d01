"""A problem found in ``data/`` (file, row, column, value, what was expected) and the one
error that carries them all, ``DataValidationError``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from barometre.validation.vocabulary import MAX_PROBLEMS_SHOWN, MAX_VALUE_SHOWN

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


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"
