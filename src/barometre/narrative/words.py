"""Words chosen by the data: tense, direction, trend and the edition's own absences."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


def not_in_edition(labels: Iterable[str], edition: int) -> str:
    """One plain sentence naming what no edition up to ``edition`` publishes ('' when nothing)."""
    names = sorted(set(labels))
    if not names:
        return ""
    listed = ", ".join(md_escape(n[:1].lower() + n[1:]) for n in names)
    return (f"Aucune édition du baromètre jusqu’à celle de {edition} ne publie les chiffres suivants ; "
            f"les passages qui en dépendent sont omis : {listed}.")


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


def ranges_and_bounds_example(ds: Dataset, edition: int) -> str:
    """The method's example of a range and a bound kept as the sources give them, taken from the edition itself
    (2024: « la part du chiffre d'affaires du secteur représentée par le SP2C : 70 à 75 % ; le chiffre
    d'affaires du secteur : plus de 3 500 M€ »; the 2008 book's example was told in every later book); ''
    when the edition gives neither."""
    from barometre.labels import with_scope

    own = [f for f in ds.figures(edition) if f.published and f.edition == edition
           and not ds.indicators[f.indicator].forecast_of]
    picked = [next((f for f in own if f.is_range), None),
              next((f for f in own if f.qualifier in ("more_than", "less_than", "at_least", "at_most")), None)]
    items = [f"{md_escape(formatting.in_sentence(with_scope(f.label, f.scope)))} en {formatting.period_text(f.period)}, "
             f"{cite(f)}" + (f" selon {md_escape(f.source_name)}" if f.source_type == "interview" else "")
             for f in picked if f is not None]
    if not items:
        return ""
    return ("Les fourchettes restent des fourchettes et les bornes des bornes, comme les sources les donnent ; le livre "
            f"n'en fait jamais un chiffre unique. Ainsi, dans l'édition {edition} : {' ; '.join(items)}.")
