"""Words chosen by the data: tense, direction, trend and the edition's own absences."""

from __future__ import annotations

from collections.abc import Sequence

from barometre import formatting, periods
from barometre.data import Dataset, Figure
from barometre.narrative.citing import _last_year, cite, cite_earlier, md_escape
from barometre.typography import elide, title_typography


def direction(change: float, *, up: str = "en hausse", down: str = "en baisse", flat: str = "stable",
              tolerance: float = 0.0) -> str:
    """The word for the sign of a change."""
    if change > tolerance:
        return up
    if change < -tolerance:
        return down
    return flat


def growth_trend(current: float, previous: float) -> str:
    """'accélère', 'ralentit' or 'se maintient', comparing two growth rates."""
    return direction(current - previous, up="accélère", down="ralentit", flat="se maintient")


def publication_text(pub: dict) -> str:
    """« Claire Morel, « L'outsourcing ne connaît pas la crise », Relation Client Magazine, 2009 » (escaped)."""
    parts = []
    if pub.get("author"):
        parts.append(md_escape(pub["author"]))
    if pub.get("title"):
        parts.append(f"«\u00a0{md_escape(title_typography(pub['title']))}\u00a0»")
    if pub.get("outlet"):
        parts.append(f"*{md_escape(pub['outlet'])}*")
    when = pub.get("date") or pub.get("year")
    if when:
        parts.append(md_escape(formatting.event_date(str(when))))
    return ", ".join(parts)


def as_said_then(fig: Figure, present: str, past: str) -> tuple[str, str]:
    """The verb of a speaker's statement about their own firm, and its opening: in the present in the
    edition that reports it (« Teleperformance pratique l'offshore depuis neuf ans »); when the book's
    edition is a later one, in the past and dated, since the statement was true when said (« En 2009,
    Teleperformance pratiquait l'offshore depuis neuf ans »), not necessarily since."""
    if fig.from_older_edition:
        return past, f"En {formatting.period_text(_last_year(fig.period))}, "
    return present, ""


def in_year(fig: Figure) -> str:
    """« en 2008 », with its leading space, after the noun of a figure the book's edition does not
    republish: a figure older than the edition is given with its year (« Part externalisée du marché
    en 2009 : … »); nothing for a figure of the edition itself."""
    return f" en {_last_year(fig.period)}" if fig.from_older_edition else ""


def opening(fig: Figure) -> str:
    """« En 2008, » before a sentence told in the past because its figure comes from an older edition."""
    return as_said_then(fig, "", "")[1]


def latest_parts(ds: Dataset, indicator: str, edition: int) -> list[Figure]:
    """Each scope's latest figure of ``indicator`` known in ``edition`` (``Dataset.latest_by_scope``), those of the
    latest period among them only (the sectors, channels or services an edition gives together); [] without any."""
    figs = ds.latest_by_scope(indicator, edition) if indicator in ds.indicators else []
    last = max((periods.end(f.period) for f in figs), default=None)
    return [f for f in figs if periods.end(f.period) == last]


def by_signs(figs: Sequence[Figure], up: tuple[str, str], down: tuple[str, str], mixed: tuple[str, str]) -> str:
    """The words for figures moving together: ``up`` when every one is positive, ``down`` when every one is negative,
    ``mixed`` otherwise; each a (present, past) pair, in the past for an older edition's figures (the first's)."""
    pair = up if all(f.central > 0 for f in figs) else down if all(f.central < 0 for f in figs) else mixed
    return tensed(figs[0], *pair)


def tensed(fig: Figure, present: str, past: str) -> str:
    """``present`` for a figure of the book's edition, ``past`` for one last published in an older edition."""
    return past if fig.from_older_edition else present


def trend_text(latest: Figure, previous: Figure | None, *, up: str = "en hausse", down: str = "en baisse",
               flat: str = "stable") -> str:
    """« 74 % en 2009, en baisse par rapport à 80 % en 2008 » (only the latest when there is no earlier
    figure). Shared by the chapters."""
    text = f"{cite(latest)} en {formatting.period_text(latest.period)}"
    if previous is None:
        return text
    word = direction(latest.central - previous.central, up=up, down=down, flat=flat)
    return (f"{text}, {word} par rapport {elide('à', formatting.figure_text(previous))}"
            f"{cite_earlier(previous) if not latest.from_older_edition else cite(previous)} "
            f"en {formatting.period_text(previous.period)}")
