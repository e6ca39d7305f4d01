"""A figure cited in the text: its link, its edition note, its quote and its source line."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from barometre import formatting, periods
from barometre.data import Dataset, Figure
from barometre.narrative import mentions
from barometre.narrative.markup import md_escape
from barometre.typography import elide, quote_typography, upper_first


def cite(fig: Figure, text: str | None = None, *, then: str = "", **fmt) -> str:
    """The figure as the prose shows it, linked to its row in the sources annex.

    ``then`` is what the figure counts (« conseillers », « questions »): it comes before the edition's
    note, so that the note never splits a number from its noun (« 600 conseillers (édition 2008) »,
    not « 600 (édition 2008) conseillers »). ``fmt`` goes to ``formatting.figure_text`` (signed,
    magnitude, with_noun, in_words...)."""
    shown = text if text is not None else formatting.figure_text(fig, **fmt)
    shown = shown.replace("<", "‹").replace("`", "'")
    return f"{{ref}}`{shown} <{fig.anchor}>`{then}" + vintage_note(fig)


def quotes_anchor(edition: int) -> str:
    """The target of an edition's quotes in the sources annex (the claims page links quotes to it)."""
    return f"quotes-{edition}"


def cite_earlier(fig: Figure, text: str | None = None, *, then: str = "", **fmt) -> str:
    """An earlier value set beside a newer one (« passe de 48,5 % (édition 2021) en 2021 à 46 % en 2024 »):
    its edition named, never « dernier chiffre publié », which the newer figure beside it belies."""
    # a figure of its edition's own year: the year beside it names the edition (``vintage_note``)
    note = f" (édition\u00a0{fig.edition})" if fig.from_older_edition and str(fig.period) != str(fig.edition) else ""
    return cite(replace(fig, as_of=fig.edition), text, then=then, **fmt) + note


# The units of a date, a duration or a count of things: said once in a statement (« depuis neuf ans », « en
# quatre questions », « une semaine »), such a number does not age as a measure does, and a note on it reads as
# a tag on a word. A calendar year (« dès 2003 ») never carries one.
UNDATED_UNITS = frozenset({"year", "years", "weeks", "count", "trainings"})


def dated(fig: Figure) -> Figure:
    """The figure without its edition note, for a sentence that dates it already (« En 2009, selon David Targy, … »,
    « Frédéric Jousset résumait l'équation : en 2008, … »: editor39 found such testimonies tagged « (édition 2008) »
    although the method says a testimony its sentence dates carries no tag), in a book of a later year than the
    sentence's: in the 2009 book, « En 2009, … (édition 2008) » still says that the 2009 edition does not publish it."""
    if fig.as_of is None or periods.end(fig.period) >= int(fig.as_of):
        return fig
    return replace(fig, as_of=fig.edition)


def cite_in(fig: Figure, text: str | None = None, *, then: str = "", earlier: bool = False, **fmt) -> str:
    """« 48,5 % en 2021 »: a figure and its year. When the year is that of the edition that published it, the year
    names the edition: no « (édition 2021) » before « en 2021 » (editor39: « 48,5 % (édition 2021) en 2021 », 21
    times in the 2024 book); the latest figure of a series keeps « (dernier chiffre publié) » after its year.
    Otherwise ``cite`` (``cite_earlier`` with ``earlier``) and the year. A reader of a 2009 book still reads « 2008 »
    beside every figure of the 2008 edition."""
    when = formatting.period_text(fig.period)
    shown = cite_earlier(fig, text, then=then, **fmt) if earlier else cite(fig, text, then=then, **fmt)
    if not fig.from_older_edition or fig.unit == "year" or str(fig.period) != str(fig.edition):
        return f"{shown} en {when}"
    latest = not earlier and "dernier chiffre publié" in vintage_note(fig)
    return (f"{cite(replace(fig, as_of=fig.edition), text, then=then, **fmt)} en {when}"
            + (" (dernier chiffre publié)" if latest else ""))


def vintage_note(fig: Figure) -> str:
    """After a figure the book's edition does not republish: « (dernier chiffre publié, édition 2008) » for the
    latest figure of a series (its indicator has several periods); « (édition 2008) » for one a later figure of
    the series supersedes, and for a one-off statement, which no edition was to bring up to date; nothing
    after a date, a duration or a count said once (``UNDATED_UNITS``)."""
    if not fig.from_older_edition or fig.unit == "year":
        return ""
    if str(fig.period) == str(fig.edition) or _span_ending(fig.period, fig.edition):
        # a figure of its edition's own year (or of a span that ends with it, « entre 2007 et 2008 »): the year the sentence gives names the edition (editor39: « 20 à 25 %
        # (édition 2009) » in « En 2009, … »); only « dernier chiffre publié » is still news to the reader
        latest = not (fig.one_off or fig.superseded or fig.scope == "target")
        return " (dernier chiffre publié)" if latest else ""
    if fig.one_off:
        return "" if fig.unit in UNDATED_UNITS else f" (édition\u00a0{fig.edition})"
    if fig.superseded or fig.scope == "target":  # a later figure is known, or an objective: no « dernier chiffre »
        return f" (édition\u00a0{fig.edition})"
    return f" (dernier chiffre publié, édition\u00a0{fig.edition})"


STALE_YEARS = 2  # a figure older than this many years before the edition's year is history, not a fact of today


def stale(fig: Figure, edition: int) -> bool:
    """True for a figure more than ``STALE_YEARS`` older than the edition: left out of a later book's takeaways and
    edition sentences (2008's 75 % of new jobs in province in the 2024 « À retenir », editor37)."""
    return edition - int(_last_year(fig.period)) > STALE_YEARS


def one_note(figs: Sequence[Figure]) -> tuple[list[Figure], str]:
    """Figures told together (a pair, a list of zones), their edition's note said once: when every one comes
    from the same older edition, the figures without their notes and the note for the end of the clause; else
    the figures as they are and ''. (editor37/38: « 6 % (dernier chiffre publié, édition 2012) en province et de
    18 % (édition 2012) en Île-de-France ».)"""
    figs = list(figs)
    if len(figs) < 2 or not all(f.from_older_edition for f in figs) or len({f.edition for f in figs}) != 1:
        return figs, ""
    return [replace(f, as_of=f.edition) for f in figs], vintage_note(figs[0])


def de(fig: Figure, *, then: str = "", **fmt) -> str:
    """« de 15 % » or « d'environ 18 % »: the preposition elided before a vowel, then ``cite``."""
    shown = formatting.figure_text(fig, **fmt)
    return elide("de", shown) + cite(fig, shown, then=then)


def excerpt(text: str) -> str:
    """The excerpt as the annex quotes it, whole: without the article's own guillemets at its ends
    (ours frame it, never « « … » »), and without a guillemet left unpaired by the cut."""
    body = re.sub(r"^[\s«»\u00a0]+|[\s«»\u00a0]+$", "", text)
    if body.count("«") != body.count("»"):
        body = body.replace("«", "").replace("»", "")
    # a scrape cut in the middle of a word (« … des conseillers ont un niveau d », « 58 % du chiffre d’ »): the
    # fragment left out and the cut marked, as a quote's cut is (issue 27, print editor)
    return _CUT_WORD.sub(" […]", body)


_CUT_WORD = re.compile(r"[\s\u00a0](?:[dlnjsctm]|qu)['’]?$")


def quote_body(text: str) -> str:
    """The excerpt without the article's own guillemets and final full stop (ours frame it), typeset."""
    body = excerpt(text)
    if body.endswith(".") and not body.endswith("..."):
        body = body[:-1]  # the sentence around the quote carries the full stop
    return quote_typography(body)


def quote(fig, *, attribution: bool = True) -> str:
    """« the source's words » — Who (role), escaped. A press summary (``quote_type`` summary) is the
    outlet's words about a study, not the study's: « « Le marché est stable », résume Sens du client (blog),
    d'après le baromètre EY/SP2C des centres de contact (données 2024) » (without an outlet, « selon un
    résumé de presse »)."""
    if getattr(fig, "quote_type", "verbatim") == "summary":
        words = f"«\u00a0{md_escape(quote_body(fig.quote).rstrip('.'))}\u00a0»"
        outlet = getattr(fig, "publication_outlet", "")
        if not attribution:
            return words
        study = fig.source_name.strip()  # « le baromètre … » (its article), another study's name as it is
        study = "le " + md_escape(study[:1].lower() + study[1:]) if study.startswith("Baromètre") else md_escape(study)
        who = f"résume {md_escape(outlet)}," if outlet else "selon un résumé de presse"
        return f"{words}, {who} d’après {study}"
    text = f"«\u00a0{md_escape(quote_body(fig.quote))}\u00a0»"
    if attribution:  # the speaker's mention: their role at the page's first one (``mentions``)
        who = fig.attribution if isinstance(fig, Said) else mentions.person(fig.source_name, fig.source_role)
        text += f" — {who}"
    return text


# A connective that opens a quote and points to words the book does not quote (« Ainsi, le secteur … »)
_OPENING_CONNECTIVE = re.compile(r"^(?:Ainsi|Donc|Or|Mais|Et|En effet|Par ailleurs|De plus|Aussi)\s*,\s*")


def trimmed(text: str, told: Sequence[Figure] = ()) -> str:
    """A quote cut as a careful editor cuts it, its words kept in their order: without a connective that opens it
    and points to words the book does not quote (« Ainsi, »), and without an incidental clause that gives again a
    figure the sentence has just told (« , qui représente 60% du chiffre d'affaires du secteur, » after « Les
    télécoms font 60 % … »), marked « […] » (editor40: the 2011 price page quoted « Ainsi, le secteur des
    télécoms, qui représente 60 % … » one line after the 60 %)."""
    body = _OPENING_CONNECTIVE.sub("", text, count=1)
    if body != text:
        body = body[:1].lower() + body[1:] if body[1:2].islower() else body
    for fig in told:
        number = re.escape(formatting.number(fig.central, 1).replace("\u202f", " ")).replace("\\ ", "[\\s\u202f\u00a0]?")
        body = re.sub(rf",\s*qui [^,«»]*?\b{number}\s?%[^,«»]*,\s*", " […] ", body, count=1)
    return body


@dataclass(frozen=True)
class Said:
    """What ``quote`` needs from a row that is not a Figure (an event): excerpt and speaker (a mention,
    ``mentions.person``)."""

    quote: str
    attribution: str


def person(ds: Dataset, source: str) -> str:
    """The mention of a person of sources.csv: « Kim Neyret (responsable … de Canal+) » at the page's first
    mention, « Kim Neyret » after (``mentions``)."""
    src = ds.sources[source]
    return mentions.person(src.name, src.role)


@dataclass(frozen=True)
class ChapterSummary:
    """What a chapter contributes to the synthesis page (MyST Markdown, links included).

    ``key_label`` is plain text (escaped when rendered); ``key_figure`` and ``takeaway``
    are Markdown built with ``cite`` so that every number links to its source."""

    chapter: str
    key_label: str
    key_figure: str
    takeaway: str


def publication(fig: Figure) -> str:
    """Where a figure was published: « Relation Client Magazine (2009) »."""
    outlet = fig.publication_outlet or fig.source_name
    return _outlet_years(outlet, [fig.publication_year])  # « Investing.com France (dépêche AFP, 2012) »


def _outlet_years(outlet: str, years: list) -> str:
    """« Relation Client Magazine (2009) », and one outlet named once whatever its pages' years:
    « Relation Client Magazine (s. d., 2009, 2012) » (« s. d. », sans date, for a page that shows none),
    never « Relation Client Magazine, Relation Client Magazine (2009) »; no year at all: the name alone.
    An outlet whose name ends with a parenthesis takes the years inside it: « Global Phoning (blog, 2011) »."""
    dated = [str(y) for y in years if y]
    if not dated:
        return outlet
    undated = [] if all(years) else ["s.\u00a0d."]
    when = ", ".join(undated + dated)
    if outlet.endswith(")"):  # « Investing.com France (dépêche AFP, 2012) », not « (dépêche AFP) (2012) »
        return f"{outlet[:-1]}, {when})"
    return f"{outlet} ({when})"


def source_line(figures: Iterable[Figure]) -> str:
    """The source line of a chart or table, from the figures it shows: the barometer editions,
    the people quoted, and the publications that report them."""
    figs = list(figures)
    people = []
    for f in figs:
        if f.source_type == "interview" and f.source_name not in people:
            people.append(f.source_name)
    years: dict[str, list] = {}  # outlet -> its years, once each (None: a page with no date)
    for f in sorted(figs, key=lambda f: (f.publication_year or 0, f.publication_outlet)):
        if f.source_type in ("barometer", "interview", "journalist", "summary"):
            outlet = f.publication_outlet or f.source_name
            if f.publication_year not in years.setdefault(outlet, []):
                years[outlet].append(f.publication_year)
    outlets = [_outlet_years(outlet, found) for outlet, found in years.items()]
    parts = []
    studies: dict[str, set[int]] = {}  # the study's name without its data year -> editions
    for f in figs:
        if f.source_type == "barometer":
            name = re.sub(r"\s*\(données [^)]*\)\s*$", "", f.source_name).replace(" / ", "/").replace(" annuel ", " ")
            studies.setdefault(name[:1].lower() + name[1:], set()).add(f.edition)
    for name, eds in sorted(studies.items(), key=lambda kv: min(kv[1])):
        label = "éditions" if len(eds) > 1 else "édition"
        parts.append(f"{name} ({label} {', '.join(map(str, sorted(eds)))})")
    if people:
        parts.append(elide("propos de", people[0]) + ", ".join(people))
    text = " ; ".join(parts)
    if outlets:
        text += (", d’après " if text else "D’après ") + ", ".join(outlets)
    if not text:
        return "Données du livre"
    return upper_first(text)


def _span_ending(period: str, edition: int) -> bool:
    """True for a span of years that ends with the edition's year (« 2007-2008 » published in 2008): the years the
    sentence gives name the edition, as for a figure of the edition's own year (editor42: « +5 points (édition
    2008) par rapport à 2007 », « +125 % (édition 2008) » entre 2007 et 2008)."""
    start, _, end = str(period).partition("-")
    return bool(end) and start.isdigit() and end == str(edition)


def _span_years(period: str) -> list[int]:
    """The years of a period: « 2013-2014 » → 2013, 2014; « 2014 » → 2014."""
    start, _, end = str(period).partition("-")
    return list(range(int(start), int(end or start) + 1))


def _last_year(period: str) -> str:
    """The last year of a period (« 2000-2009 » → « 2009 »)."""
    return str(period).split("-")[-1]
