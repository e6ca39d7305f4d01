"""The period grammar, in one place.

A period in ``data/`` is one of:

- a year, ``2008``;
- a month, ``2009-07`` (months 01 to 12);
- a span of years, ``2007-2008`` (a change between two years; the start is before the end).

Validation, data access, the yearly template, the formatter and the chapters all read periods
through ``parse``; nothing else holds a regular expression for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

GRAMMAR = "a period: a year (2008), a month (2009-07) or a span of years (2007-2008)"
_PATTERN = re.compile(r"(\d{4})(?:-(\d{2}|\d{4}))?", re.ASCII)  # 0-9 only: \d alone takes any script's digits


@dataclass(frozen=True)
class Period:
    kind: Literal["year", "month", "span"]
    start: int  # the first year (the only one for a year or a month)
    end: int  # the year the period ends in
    month: int | None = None

    def __str__(self) -> str:
        if self.kind == "year":
            return str(self.start)
        if self.kind == "month":
            return f"{self.start}-{self.month:02d}"
        return f"{self.start}-{self.end}"


def parse(text: object) -> Period:
    """The period a text states; ValueError (with the grammar) for anything else."""
    m = _PATTERN.fullmatch(str(text).strip())
    if m:
        first, second = int(m.group(1)), m.group(2)
        if second is None:
            return Period("year", first, first)
        if len(second) == 2 and 1 <= int(second) <= 12:
            return Period("month", first, first, int(second))
        if len(second) == 4 and first < int(second):
            return Period("span", first, int(second))
    raise ValueError(f"{GRAMMAR}; got {str(text)!r}")


def is_period(text: object) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


def end(text: object) -> int:
    """The calendar year a period ends in: '2008' -> 2008, '2007-2008' -> 2008, '2009-07' -> 2009."""
    return parse(text).end


def key(text: object) -> tuple[int, str]:
    """Order of periods: by the year they end in, then as text."""
    return (end(text), str(text))


def years(text: object, default_end: int) -> tuple[int, int]:
    """'2000-2008' -> (2000, 2008); a year or a month -> (its year, default_end)."""
    p = parse(text)
    return (p.start, p.end) if p.kind == "span" else (p.start, default_end)


def shift(text: str, by: int) -> str:
    """Move a period on by ``by`` years: ``2008`` → ``2009``, ``2007-2008`` → ``2008-2009``,
    ``2009-07`` → ``2010-07``. Any other text is returned unchanged."""
    if not is_period(text):
        return text
    p = parse(text)
    if p.kind == "span":
        return f"{p.start + by}-{p.end + by}"
    return str(Period(p.kind, p.start + by, p.end + by, p.month))


def data_period(text: str, previous: int, year: int) -> str | None:
    """The period of the new edition for a data period of the previous one, or ``None`` for a
    fixed date: ``2008`` → ``2009`` and ``2007-2008`` → ``2008-2009`` (the edition's data year, a
    yearly change) when the previous edition is 2008; ``2000-2008`` → ``2000-2009`` (a change since a
    fixed year keeps its start); ``2003``, ``2009-07`` or ``1996-2009`` are fixed dates (``None``)."""
    if not is_period(text):
        return None
    p = parse(text)
    if p.kind == "year" and p.start == previous:
        return str(year)
    if p.kind == "span" and p.end == previous:
        return f"{p.start + (year - previous) if previous - p.start == 1 else p.start}-{year}"
    return None
