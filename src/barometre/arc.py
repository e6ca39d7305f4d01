"""« Le baromètre depuis ses débuts »: the long story of the sector, as far as the editions up to the book's
one tell it (issue 30, « the arc »).

The lead (``barometre.lead``) tells what moved in the edition against the year before; it cannot say that
France's share of the outsourcers' revenue went from the study's first years to under half, nor that the
sector's revenue fell in the 2010s when it never did in the 2008–2009 crisis. The arc tells each long
series of ``ARC_SERIES`` from its first known year to its latest, with its highest or lowest point in
between, and each growth series with the years it fell. Every figure is a row as known in the edition (a
revised year is told as revised); when a told series crosses a break (``Dataset.series_breaks``), one
sentence after the series names the studies they mix, whose panels and scopes differ: nothing is compared
across a break without it being said. A level series starts at a year that can anchor its change
(``comparable_start``). A series shorter than ``MIN_YEARS`` years is left out, and an edition
with no long series has no arc.
"""

from __future__ import annotations

from dataclasses import replace

from barometre import formatting, lead
from barometre.data import Dataset, Figure
from barometre.narrative import md_escape
from barometre.narrative.templating import phrase

# The long series the arc tells, most important first: where the activity is produced, the market's
# size, jobs in France, the dependence on one client sector.
ARC_SERIES = [("france_revenue_share", "market"), ("market_revenue", "market"), ("staff", "france"),
              ("telecom_revenue_share", "market")]
GROWTH_SERIES = [("revenue_growth", "market"), ("revenue_growth", "france")]
MIN_YEARS = 5  # a series told from its first to its latest year spans at least this many years
MIN_POINTS = 3

TEMPLATE = "book/arc/arc.md.j2"  # the arc's sentences


def comparable_start(points: list[Figure]) -> list[Figure]:
    """The series from its first year that can anchor a change to its latest: a bound can only when the latest
    figure lies beyond it (« plus de 88 % » then 46 %: a fall whatever the value was); « plus de 30 000 » then
    55 000 says nothing of the direction, and that start (the members of the SP2C only, in 2006) would have
    read as a near doubling of jobs. Points before it are left out of the sentence."""
    last = points[-1]
    for i, first in enumerate(points[:-1]):
        if first.qualifier in ("more_than", "at_least") and not last.bounds[1] < first.central:
            continue
        if first.qualifier in ("less_than", "at_most") and not last.bounds[0] > first.central:
            continue
        return points[i:]
    return points[-1:]


def _long(points: list[Figure]) -> bool:
    return len(points) >= MIN_POINTS and int(points[-1].period) - int(points[0].period) >= MIN_YEARS


def _noun(ds: Dataset, indicator: str, scope: str, fig: Figure) -> str:
    return lead._noun(ds, lead.Fact("new", 0.0, indicator, scope, fig))


def studies_note(ds: Dataset, told: list[list[Figure]]) -> str:
    """« Ces séries mêlent les études de KPMG, de BearingPoint et d'EY, … » when a told series crosses a
    break ('' otherwise): said once, after the series."""
    crossing = [points for points in told if ds.series_breaks(points)]
    if not crossing:
        return ""
    firms = []
    for points in crossing:
        for fig in points:
            study = ds.study_of(fig.edition)
            if study is not None and study.firm not in firms:
                firms.append(study.firm)
    named = (formatting.enumeration([f"{'d’' if f[:1] in 'AEIOUY' else 'de '}{md_escape(f)}" for f in firms])
             if len(firms) >= 2 else "")
    return phrase("book/notes/notes.md.j2", "studies", named)


def level_sentence(ds: Dataset, indicator: str, scope: str, points: list[Figure]) -> str:
    """« La part de l'activité France dans le chiffre d'affaires est passée de plus de 88 % en 2005 à 46 % en
    2024 »: the series' first and latest years, its highest or lowest point in between when beyond both
    (``templates/book/arc/arc.md.j2``, macro ``level``)."""
    first, last = points[0], points[-1]
    noun = _noun(ds, indicator, scope, last)
    inner = points[1:-1]
    top = max(inner, key=lambda f: f.central) if inner else None
    bottom = min(inner, key=lambda f: f.central) if inner else None
    # both when the series rose above and fell below its two ends (66 000 in 2010, 49 000 in 2019)
    top = top if top is not None and top.central > max(first.central, last.central) else None
    bottom = bottom if bottom is not None and bottom.central < min(first.central, last.central) else None
    half = half_crossed(points)  # now: a share that fell under half this year; else under half since that year
    return phrase(TEMPLATE, "level", noun, lead._pronoun(noun) == "elle", lead._plural(noun), lead._pronoun(noun),
                  first, last, top, bottom, half, half is points[-1])


def half_crossed(points: list[Figure]) -> Figure | None:
    """The first year of a share series from which every later point is below 50 %, when it started above it
    (France's share of revenue: 48,5 % in 2021, then 46 %); None otherwise. Bounds count as they read: « plus
    de 88 % » is above half."""
    if not points or points[0].unit != "percent" or points[0].bounds[0] <= 50:
        return None
    below = None
    for f in points:
        below = (below or f) if f.bounds[1] < 50 else None  # reset by any later point at or above half
    return below if below is not None and below is not points[0] else None


def calm_sentence(calm: list[tuple[str, list[Figure]]]) -> str:
    """Two growth series without a fall, in one sentence (editor37: « Aucune année publiée de 2004 à 2011 … » and
    « En France, aucune année publiée de 2005 à 2011 … » back to back; macro ``calm``)."""
    first = min(int(points[0].period) for _, points in calm)
    last = max(int(points[-1].period) for _, points in calm)
    parts = []
    for scope, points in calm:
        where = lead.SCOPE_PHRASES.get(scope, "") or (f" {lead.PART_OPENINGS[scope][:1].lower()}"
                                                       f"{lead.PART_OPENINGS[scope][1:]}" if scope in lead.PART_OPENINGS
                                                       else " pour l’ensemble du secteur")
        span = (points[0].period, points[-1].period)
        parts.append({"where": where, "span": span if tuple(map(int, span)) != (first, last) else None,
                      "top": max(points, key=lambda f: f.central)})
    return phrase(TEMPLATE, "calm", first, last, parts)


def growth_sentence(ds: Dataset, indicator: str, scope: str, points: list[Figure]) -> str:
    """The years the series fell, or that none of its years did; its strongest year (macro ``growth``)."""
    # a part of the market opens its sentence (« En France, … »): two growth sentences in a row never open alike
    opening = lead.PART_OPENINGS.get(scope, "")
    where = "" if opening else lead.SCOPE_PHRASES.get(scope, "")
    return phrase(TEMPLATE, "growth", opening, where, points[0].period, points[-1].period,
                  [f for f in points if f.central < 0], max(points, key=lambda f: f.central))


def _points(ds: Dataset, indicator: str, scope: str, edition: int) -> list[Figure]:
    """The series' yearly rows as known in ``edition``, each without the « dernier chiffre publié » note:
    the arc is history, every figure is given with its year and links to its row. A speaker's own count (an
    interview's figure that does not give it as the study's, ``lead._spoken``) is not a point of the series
    (editor40: Caroline Adam's 55 000 ended the staff's arc after the EY study's 49 000, a rise no study measured)."""
    return [replace(f, as_of=f.edition) for f in lead.series(ds, indicator, scope, edition) if not lead._spoken(f)]


def render(ds: Dataset, edition: int) -> str:
    """The arc (MyST): a bullet a long series, then what the series' breaks mean; '' when no series of the
    edition is long enough."""
    sentences, told = [], []
    calm: list[tuple[str, list[Figure]]] = []  # growth series with no fall: told together
    for series, sentence in ((ARC_SERIES, level_sentence), (GROWTH_SERIES, growth_sentence)):
        for indicator, scope in series:
            if indicator not in ds.indicators:
                continue
            points = _points(ds, indicator, scope, edition)
            if sentence is level_sentence and points:
                points = comparable_start(points)
            if _long(points):
                told.append(points)
                if sentence is growth_sentence and all(f.central >= 0 for f in points):
                    calm.append((scope, points))
                    continue
                sentences.append(sentence(ds, indicator, scope, points))
    if len(calm) > 1:
        sentences.append(calm_sentence(calm))
    elif calm:
        scope, points = calm[0]
        sentences.append(growth_sentence(ds, "revenue_growth", scope, points))
    if not sentences:
        return ""
    note = studies_note(ds, told)
    return "\n".join(f"- {s}" for s in sentences) + (f"\n\n{note}" if note else "")
