"""The data as objects: a ``Figure`` (a row of an edition with its provenance), a ``Quote``, a
``Study``, a ``SeriesBreak``, and how a row of ``data/editions`` becomes a ``Figure``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from barometre import periods


class _Pandas:
    """pandas, imported on first use: a build that finds nothing to do (the no-op) validates the
    data and compares editions without it, and pandas is most of its start-up time."""

    def __getattr__(self, name: str):
        import pandas

        return getattr(pandas, name)


pd = _Pandas()

FRF_PER_EUR = 6.55957  # legal conversion rate, 1 EUR = 6.55957 FRF (Council Regulation 2866/98)


class UndeclaredInput(LookupError):
    """A chapter read data its declaration in ``barometre.book`` does not name."""


class FigureNotFound(LookupError):
    """No row, or more than one, matches the request."""


@dataclass(frozen=True)
class Figure:
    """One figure of one edition, with everything needed to cite it."""

    indicator: str
    edition: int
    period: str
    scope: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    label: str
    source: str
    source_name: str
    source_role: str
    source_type: str
    quote: str
    note: str
    file: str
    row: int
    quote_type: str = "verbatim"
    publication_title: str = ""
    publication_outlet: str = ""
    publication_year: int | None = None
    as_of: int | None = None  # the edition of the book that asked for it, when that differs
    secondary: bool = False  # a second source of a figure the same edition already gives (a disagreement)
    # the indicator has a single period in the editions up to ``as_of``: a one-off statement (Numericable's
    # 600 advisers in 2009), not a series a later edition could bring up to date (``narrative.vintage_note``)
    one_off: bool = False
    # a later period of the same series is known in edition ``as_of`` (250 000 jobs in 2009, 290 000 in 2025): the
    # figure is not the « dernier chiffre publié »
    superseded: bool = False

    @property
    def from_older_edition(self) -> bool:
        """True when the book of edition ``as_of`` shows a figure last published in an older edition."""
        return self.as_of is not None and self.as_of != self.edition

    @property
    def published(self) -> bool:
        return self.qualifier != "not_published"

    @property
    def is_range(self) -> bool:
        return self.qualifier == "range"

    @property
    def central(self) -> float:
        """A single number for models and charts: the value, or the middle of a range."""
        if not self.published:
            raise FigureNotFound(f"{self.indicator} ({self.scope}, {self.period}) is not published in {self.edition}")
        if self.is_range:
            return (self.low + self.high) / 2  # type: ignore[operator]
        return self.value  # type: ignore[return-value]

    @property
    def bounds(self) -> tuple[float, float]:
        if self.is_range:
            return (self.low, self.high)  # type: ignore[return-value]
        return (self.central, self.central)

    @property
    def anchor(self) -> str:
        """A stable id of this row, used for links from the prose to the sources annex."""
        raw = f"fig-{self.edition}-{self.indicator}-{self.scope}-{self.period}"
        if self.secondary:
            raw += f"-{self.source}"
        return re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")

    @property
    def attribution(self) -> str:
        """Who said it, as a French reader expects: "Laurent Uberti (président du groupe Acticall…)"."""
        return attribution(self.source_name, self.source_role)


def attribution(name: str, role: str) -> str:
    """« Laurent Uberti (président du SP2C) »; a name that already ends with a parenthesis takes the role
    inside it: « 01net (article repris par MC informactions, rédaction) », never « … (…) (rédaction) »."""
    if not role:
        return name
    if name.endswith(")"):
        return f"{name[:-1]}, {role})"
    return f"{name} ({role})"


@dataclass(frozen=True)
class Quote:
    """A short attributed quote of the article that carries an opinion, not a figure."""

    quote_id: str
    edition: int
    chapter: str
    source: str
    source_name: str
    source_role: str
    quote: str
    note: str
    file: str
    row: int
    quote_type: str = "verbatim"
    publication_outlet: str = ""  # the publication that prints the words (« Sens du client (blog) »)

    @property
    def attribution(self) -> str:
        return attribution(self.source_name, self.source_role)


@dataclass(frozen=True)
class Study:
    """A study behind a run of editions (``data/studies.csv``): its firm, its commissioner and its
    definitions, in French as its sources give them."""

    study: str
    firm: str
    commissioner: str
    title: str
    first_edition: int
    last_edition: int | None  # None: the study still runs
    panel: str
    revenue_scope: str
    geography: str
    staff_scope: str
    source: str
    quote: str
    quote_type: str
    note: str
    file: str
    row: int

    def covers(self, edition: int) -> bool:
        return self.first_edition <= int(edition) and (self.last_edition is None or int(edition) <= self.last_edition)


@dataclass(frozen=True)
class SeriesBreak:
    """Where a series of one indicator and scope breaks: between period ``before`` (the last of the old
    series) and period ``after`` (the first of the new one). ``reason`` is the explicit break's French
    reason (``data/breaks.csv``), empty when the break is only a change of study between the editions the
    two values come from (``study_before`` and ``study_after``)."""

    indicator: str
    scope: str
    before: str
    after: str
    study_before: Study | None = None
    study_after: Study | None = None
    reason: str = ""
    source: str = ""
    quote: str = ""
    quote_type: str = "verbatim"
    edition: int | None = None  # the explicit break's first edition
    pattern: tuple[str, str] = ("", "")  # the explicit break's (indicator, scope) as declared (``*``: every one)

    @property
    def year(self) -> int:
        """The first year of the new series."""
        return int(periods.end(self.after))

    @property
    def change_of_study(self) -> bool:
        return (self.study_before is not None and self.study_after is not None
                and self.study_before.study != self.study_after.study)


def figure_from_row(row, file: str, line: int, indicators: dict, sources: dict) -> Figure:
    """A Figure from an edition row, its dictionary entry and its source (both looked up; an unknown
    id falls back to the id itself, for reports on data that has not passed validation)."""
    entry = indicators.get(row.indicator)
    src = sources.get(row.source)
    return Figure(
        indicator=row.indicator,
        edition=row.edition,
        period=row.period,
        scope=row.scope,
        value=row.value,
        low=row.low,
        high=row.high,
        qualifier=row.qualifier,
        unit=row.unit,
        label=entry.label_fr if entry else row.indicator,
        source=row.source,
        source_name=src.name if src else row.source,
        source_role=src.role if src else "",
        source_type=src.type if src else "",
        quote=row.quote,
        note=row.note,
        file=file,
        row=line,
        quote_type=getattr(row, "quote_type", "verbatim"),
        publication_title=src.publication_title if src else "",
        publication_outlet=src.publication_outlet if src else "",
        publication_year=src.publication_year if src else None,
    )


# The period grammar lives in barometre.periods; these names stay for the chapters' use.
period_end = periods.end
period_key = periods.key


def same_value(a: Figure, b: Figure) -> bool:
    """Two rows state the same figure: the same number or bounds. A qualifier alone (« environ 1 840 »
    against « 1 840 », « 80 % » against « plus de 80 % ») is a way of writing it, not a revision."""
    return (a.value, a.low, a.high) == (b.value, b.low, b.high)



@functools.cache
def _book_path(path: Path, data_dir: Path) -> str:
    """``path`` inside ``data_dir``, links resolved: once per file (every figure asks, on the build's path)."""
    return path.resolve().relative_to(data_dir.resolve()).as_posix()


# What the barometer publishes beside a forecast's measure when it does not publish the measure itself: the
# jobs cut forecast for 2014 against the change of staff in France the 2014 edition gives (−2,2 %)
RELATED_OUTCOMES = {"jobs_destroyed": "staff_growth"}
