"""The one way to put a number into a sentence.

Chapters write their prose as MyST Markdown produced by code:
``say(f"... {cite(fig)} ...")``. ``cite`` formats the figure with the French
formatter and links it to its row in the sources annex, where the reader finds
the indicator, the edition, the source and the article's quote. Data strings
(quotes, names, labels) are always inserted through ``md_escape`` so that they
render literally, whatever characters they hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from barometre import formatting, periods
from barometre.data import Dataset, Figure
from barometre.prose import Prose
from barometre.typography import elide, quote_typography, title_typography, upper_first

_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_ASCII_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def md_escape(text: str) -> str:
    """Escape every ASCII punctuation character so MyST renders ``text`` literally.

    CommonMark allows a backslash before any ASCII punctuation; this turns HTML
    (``<script>``), roles (``{glue}`x```), emphasis, links and dollar math into
    plain text. Newlines become spaces (a quote is one run of text)."""
    text = _ASCII_SPACES.sub(" ", str(text)).strip()  # no-break spaces (« 1 536 € ») are kept
    return _MD_SPECIAL.sub(r"\\\1", text)


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
    return body


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
    if attribution:
        text += f" — {md_escape(fig.attribution)}"
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
    """What ``quote`` needs from a row that is not a Figure (an event): excerpt and speaker."""

    quote: str
    attribution: str


def person(ds: Dataset, source: str) -> str:
    """« Kim Neyret (responsable … de Canal+) », from sources.csv, escaped."""
    src = ds.sources[source]
    return md_escape(f"{src.name} ({src.role})" if src.role else src.name)


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


_VINTAGE_NOTE = re.compile(r" \(dernier chiffre publié, édition\u00a0(\d{4})\)")
_REPORTED_NOTE = re.compile(r" \(propos rapportés dans l’édition\u00a0(\d{4})\)")


def lighten_vintage_notes(text: str) -> str:
    """In each paragraph, the first figure of an older edition says « (dernier chiffre publié, édition 2008) »
    (and the first words it reported « (propos rapportés dans l’édition 2008) »); the next ones of the same
    edition say « (édition 2008) »: every figure still names its edition, and
    the explanation is given once. In a table, each cell is read on its own (a cell is quoted alone)."""
    def lighten(para: str) -> str:
        def shortener():
            seen: set[str] = set()

            def shorten(m: re.Match) -> str:
                if m.group(1) in seen:
                    return f" (édition\u00a0{m.group(1)})"
                seen.add(m.group(1))
                return m.group(0)

            return shorten

        # the same for words an older edition reported: « (propos rapportés dans l’édition 2008) » once
        return _REPORTED_NOTE.sub(shortener(), _VINTAGE_NOTE.sub(shortener(), para))

    def lighten_block(block: str) -> str:
        lines = block.split("\n")
        if lines and all(line.lstrip().startswith("|") for line in lines if line.strip()):
            return "\n".join("|".join(lighten(cell) for cell in re.split(r"(?<!\\)\|", line)) for line in lines)
        return lighten(block)

    return "\n\n".join(lighten_block(p) for p in text.split("\n\n"))


class PageMentions:
    """Who a page has already introduced. A person is named with their role at the first mention on a
    page (« Jean Régnier (p-dg de Comearth) », or the article's « Jean Régnier, p-dg de Comearth, »), by
    name alone after (« Jean Régnier ») ; the article is « l’article de Claire Morel » once, then
    « l’article ». The page's prose goes through ``introduce_once`` in the order the page shows it."""

    def __init__(self, ds: Dataset | None = None):
        self.met: set[str] = set()
        self.explained_at: dict = {}  # what the page has explained once, and where (a series break: ``first_time``)
        self.ask_run: tuple | None = None  # the cell run ``first_time`` last counted asks in
        self.ask_rank = 0
        self.article_named = False
        self._people = None
        self._authors = None
        if ds is None:
            return
        roles: dict[str, set[str]] = {}
        authors: set[str] = set()
        for src in ds.sources.values():
            if src.type == "interview" and src.role:
                roles.setdefault(src.name, set()).add(src.role)
            elif src.type == "journalist":
                authors.add(src.name)
        if roles:
            names = sorted({v for n in roles for v in (n, md_escape(n))}, key=len, reverse=True)
            role_texts = sorted({v for rs in roles.values() for r in rs for v in (r, md_escape(r))},
                                key=len, reverse=True)
            names_re = "|".join(map(re.escape, names))
            roles_re = "|".join(map(re.escape, role_texts))
            self._people = re.compile(
                rf"(?<![\w\\])(?P<name>{names_re})"
                rf"(?:(?P<paren> \\?\((?:{roles_re})\\?\))|(?P<apposition>\\?, (?:{roles_re})\\?,))?")
        if authors:
            authors_re = "|".join(map(re.escape, sorted({v for a in authors for v in (a, md_escape(a))},
                                                        key=len, reverse=True)))
            self._authors = re.compile(rf"(?P<article>[Ll](?:’|\\?')article) de (?:{authors_re})(?![\w])")

    def introduce_once(self, text: str) -> str:
        def person(m: re.Match) -> str:
            name = m.group("name").replace("\\", "")
            if m.group("paren") and name in self.met:
                return m.group("name")
            if m.group("paren") or m.group("apposition"):
                self.met.add(name)
            return m.group(0)

        def article(m: re.Match) -> str:
            if self.article_named:
                return m.group("article")
            self.article_named = True
            return m.group(0)

        if self._people is not None:
            text = self._people.sub(person, text)
        if self._authors is not None:
            text = self._authors.sub(article, text)
        return text


_UNELIDED = re.compile(r"(?<![\w’'\\])([Dd]e|[Qq]ue) ((?:\{ref\}`)?(?:environ|au moins|au plus|un|une)\b)")


def elide_before_figures(text: str) -> str:
    """« de environ 83 % » → « d’environ 83 % », « que au moins » → « qu’au moins », linked or not: a
    sentence that writes « de » before a figure cannot know the figure's qualifier."""
    return _UNELIDED.sub(lambda m: m.group(1)[:-1] + "’" + m.group(2), text)


def of(name: str) -> str:
    """« de KPMG », « d'EY »: the preposition elided before a vowel or a mute h."""
    return f"d'{name}" if name[:1].upper() in "AEIOUYÉÈÊHÂÎÔ" else f"de {name}"


def first_time(key) -> bool:
    """True where the current page (the last ``new_page``) first asks for ``key``: a break in a series is
    explained once a page. Idempotent like ``Page.say``: the ask is tied to the cell that made it (its source
    and its rank among the asks of that cell's run), so running the cells again on the same page asks in the
    same places and gets the same answers. Without a page (an annex, a test), always True."""
    page = _current_page
    if page is None:
        return True
    token = _ask_token(page)
    owner = page.explained_at.setdefault(key, token)
    return owner == token


def _ask_token(page) -> tuple:
    """(the running cell's source, the rank of this ask in that run); outside IPython, the rank on the page."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover - IPython is a dependency
        shell = None
    run = (shell.execution_count, (shell.user_ns.get("_ih") or [""])[-1]) if shell is not None else (None, "")
    if page.ask_run != run:
        page.ask_run, page.ask_rank = run, 0
    page.ask_rank += 1
    return (run[1], page.ask_rank)


def render(text: str, page: PageMentions | None = None) -> str:
    """The MyST a sentence is shown as: its vintage notes lightened, « de » elided before a figure and, on a
    ``page``, each person introduced once."""
    text = elide_before_figures(lighten_vintage_notes(text))
    return page.introduce_once(text) if page is not None else text


class Page(PageMentions):
    """A chapter's page: ``page.say(text)`` shows ``text`` with each person of the data introduced with their
    role at the first mention on the page (``PageMentions``), by name after.

    Idempotent: a sentence said again (a cell run twice in Jupyter) is shown as it was the first time,
    role included; the people it introduced stay introduced for the sentences after it."""

    def __init__(self, ds: Dataset | None = None):
        super().__init__(ds)
        self._said: dict[str, str] = {}

    def say(self, text: str) -> Prose:
        if text not in self._said:
            self._said[text] = render(text, self)
        return Prose(self._said[text])


_current_page: Page | None = None  # the page ``first_time`` answers for (set by ``new_page``)


def new_page(ds: Dataset) -> Page:
    """A chapter's page (``Page``): ``say = narrative.new_page(ds).say`` at the top of a chapter. It is also
    the page whose breaks ``first_time`` explains once."""
    global _current_page
    _current_page = Page(ds)
    return _current_page


def say(text: str) -> Prose:
    """Display MyST Markdown as the prose of a page with no page object (the annexes, whose rows each stand
    alone: every role is kept): the book renders the MyST, Jupyter a Markdown of it (``barometre.prose``).
    Same text, same output: nothing is remembered between calls."""
    return Prose(render(text))


def not_in_edition(labels: Iterable[str], edition: int) -> str:
    """One plain sentence naming what no edition up to ``edition`` publishes ('' when nothing)."""
    names = sorted(set(labels))
    if not names:
        return ""
    listed = ", ".join(md_escape(n[:1].lower() + n[1:]) for n in names)
    return (f"Aucune édition du baromètre jusqu’à celle de {edition} ne publie les chiffres suivants ; "
            f"les passages qui en dépendent sont omis : {listed}.")


def direction_forecast(fig: Figure) -> str:
    """A forecast of direction without a number, stored as a bound at zero (« s'attend à une régression »:
    ``less_than`` 0): « un recul » or « une progression »; '' for a forecast with a number."""
    if fig.value != 0 or fig.unit not in ("percent_change", "percentage_points"):
        return ""
    if fig.qualifier in ("less_than", "at_most"):
        return "un recul"
    if fig.qualifier in ("more_than", "at_least"):
        return "une progression"
    return ""


def forecast_cited(fig: Figure) -> str:
    """The forecast as the prose cites it: its words for a forecast of direction (« un recul »), else its figure,
    with its noun when it counts something (« 6 000 à 7 000 emplois »)."""
    words = direction_forecast(fig)
    what = FORECAST_OBJECTS.get(fig.indicator, "")  # « un recul du chiffre d'affaires »: what falls is said
    if words:
        return cite(fig, words) + (f" {what}" if what else "")
    if fig.unit == "percent_change" and fig.bounds[1] < 0:  # « un recul … de 20 à 25 % », not « −25 à −20 % »
        size = formatting.figure_text(fig, magnitude=True)
        return "un recul " + (f"{what} " if what else "") + elide("de", size) + cite(fig, size)
    return cite(fig, with_noun=fig.unit not in ("percent", "percent_change") and not fig.unit.startswith("eur"))


# What a forecast of growth forecasts, said after « un recul » (its label is not repeated in the line)
FORECAST_OBJECTS = {"revenue_growth_forecast": "du chiffre d’affaires"}


def forecast_word(fig: Figure) -> str:
    """What a forecast-like figure is, from its label's first word: « prévision », or « estimation » for a pace
    given while the year runs (« entre 2 et 3 % par an aujourd'hui »), which is not told as a forecast."""
    return "estimation" if fig.label.startswith("Estimation ") else "prévision"


def forecast_noun(fig: Figure, count: int = 1) -> str:
    """« Prévision » of the sector's growth (the book's default forecast), else what it forecasts, from its label
    (« Prévision d'emplois supprimés », « Estimation en cours d'année de la croissance … »); ``count`` > 1:
    « Deux prévisions d'emplois supprimés »."""
    word = forecast_word(fig)
    head = word.capitalize() + " "
    what = " " + md_escape(fig.label[len(head):]) if (fig.label.startswith(head)
                                                        and fig.indicator != "revenue_growth_forecast") else ""
    if count == 1:
        return word.capitalize() + what
    return formatting.count_words(count, word, feminine=True).capitalize() + what


def named_source(fig: Figure) -> str:
    """Who gives a figure, as a noun phrase with its article when it needs one: « le baromètre des
    outsourceurs BearingPoint/SP2C (données 2011) » (the study), « le SP2C » (an organisation speaking under
    its one-word name), a person's name as it is (« Laurent Uberti »). Markdown-escaped."""
    name = fig.source_name.strip()
    if fig.source_type == "barometer":
        return "le " + md_escape(name[:1].lower() + name[1:])
    if fig.source_type == "interview" and " " not in name:
        return elide("le", name) + md_escape(name)
    return md_escape(name)


def of_source(fig: Figure) -> str:
    """« de Laurent Uberti », « du SP2C », « du baromètre … »: ``named_source`` after « de »."""
    named = named_source(fig)
    return "du " + named[3:] if named.startswith("le ") else elide("de", named) + named


def forecast_outcome(forecast: Figure, outcome: Figure | None, partial: Sequence[Figure] = (),
                     france: Figure | None = None, upto: int | None = None) -> str:
    """« Prévision de 2008 pour 2009 (Laurent Uberti) : au moins 10 % ; réalisé : 4,2 % (édition 2009),
    prévision démentie. » The verdict compares the outcome with the forecast's bounds. ``france``, the outcome
    in France of a forecast for the whole sector, is told when its verdict differs (« … démentie pour
    l'ensemble du secteur ; en France : −2,8 % (édition 2012), prévision tenue »)."""
    # « selon le baromètre … (données 2011) » with its article; in parentheses, the name alone (« (SP2C, d'après …) »)
    who = named_source(forecast) if "(" in forecast.source_name else md_escape(forecast.source_name)
    if forecast.source_type == "barometer":  # « publiée avec l'édition 2011 » names it already
        who = "le baromètre"
    if forecast.publication_outlet:
        who += f", d’après {md_escape(forecast.publication_outlet)}"
    # a name that holds a parenthesis (« le baromètre … (données 2011) ») is not set in another one
    who = (f", selon {who}" if "(" in forecast.source_name or forecast.source_type == "barometer"
           else f" ({who})")
    text = (f"{forecast_noun(forecast)} publiée avec l’édition {forecast.edition} pour {md_escape(for_period(forecast.period))}"
            f"{who} : {forecast_cited(forecast)}")
    if outcome is None:
        return text + f" ; {_not_yet_done(forecast, partial, upto)}."
    text += f" ; réalisé : {_realised(outcome, forecast)}"
    verdict = verdict_words(forecast_verdict(forecast, outcome), forecast)
    if france is not None and (other := verdict_words(forecast_verdict(forecast, france), forecast)) != verdict:
        return text + f", {verdict} pour l’ensemble du secteur ; en France : {_realised(france, forecast)}, {other}."
    return text + f", {verdict}."


def _realised(outcome: Figure, forecast: Figure | None = None) -> str:
    """The outcome, linked, with its edition (an older edition's note comes with ``cite``); signed when the
    forecast was of a fall or the outcome is one (editor38: « réalisé : 1 % » against « un recul »)."""
    signed = outcome.unit == "percent_change" and (outcome.central < 0 or (
        forecast is not None and forecast.bounds[1] <= 0))
    return cite(outcome, signed=signed) + ("" if outcome.from_older_edition else f" (édition {outcome.edition})")


def _unpublished(what: str, upto: int | None) -> str:
    """« aucune édition ne publie le chiffre réalisé », or in a book of an edition older than the data's latest « le
    chiffre réalisé n'est pas encore publié » (editor42: the 2011 book said no edition publishes 2012's outcome, which
    the site's 2012 edition does; editor43: « aucune édition jusqu'à celle de 2011 » was a truism)."""
    return f"aucune édition ne publie {what}" if upto is None else f"{what} n’est pas encore publié"


def _not_yet_done(forecast: Figure, partial: Sequence[Figure] = (), upto: int | None = None) -> str:
    """« aucune édition ne publie le chiffre réalisé » (not « encore », which read as a figure still to come in a
    book ten years on), « … sur toute la période » for a span (2013-2014):
    no edition gives its total. The years of the span an edition does publish are told first (« réalisé en
    2013 : 4 000 emplois (édition 2013) ; aucune édition ne publie le chiffre de 2014 »)."""
    if "-" not in str(forecast.period):
        return _unpublished("le chiffre réalisé", upto)
    if not partial:
        return _unpublished("le chiffre réalisé sur toute la période", upto)
    done = " ; ".join(f"réalisé en {formatting.period_text(f.period)} : {cite_earlier(f, with_noun=True)}"
                      + ("" if f.from_older_edition else f" (édition {f.edition})") for f in partial)
    start, end = (int(y) for y in str(forecast.period).split("-"))
    missing = [str(y) for y in range(start, end + 1) if str(y) not in {f.period for f in partial}]
    if not missing:
        return done + " ; " + _unpublished("le total de la période", upto)
    return done + " ; " + _unpublished(f"le chiffre de {formatting.enumeration(missing)}", upto)


RELATED_WORDS = {"staff_growth": "l’emploi en France"}


def related_text(figs: Sequence[Figure]) -> str:
    """« ; l'édition 2014 publie seulement un recul de l'emploi en France de 2,2 % en 2014 »: what an edition gives
    instead of a forecast's measure ('' when nothing)."""
    parts = []
    for f in figs:
        f = replace(f, as_of=f.edition)  # « l'édition 2014 publie » names it: no note after the figure
        what = RELATED_WORDS.get(f.indicator, md_escape(formatting.in_sentence(f.label)))
        move = direction(f.central, up="une hausse", down="un recul", flat="une stabilité")
        size = "" if move == "une stabilité" else " " + elide("de", formatting.figure_text(f, magnitude=True)) + \
            cite(f, formatting.figure_text(f, magnitude=True))
        parts.append(f"l’édition {f.edition} publie seulement {move} {elide('de', what)}{what}{size} "
                     f"en {formatting.period_text(f.period)}")
    return "".join(f" ; {p}" for p in parts)


def verdict_words(verdict: str, forecast: Figure) -> str:
    """The verdict as the page says it: a forecast of a fall that the outcome beats (−20 à −25 % forecast,
    −1,7 % realised) is not « dépassée », which reads as a deeper fall: « démentie (recul moindre) »."""
    if verdict == "prévision dépassée" and forecast.bounds[1] < 0:
        verdict = "prévision démentie (recul moindre)"
    elif verdict == "prévision démentie (au-delà)" and forecast.bounds[1] == 0:  # « moins de 0 % »: a fall
        verdict = "prévision démentie (hausse au lieu d’un recul)"
    return verdict.replace("prévision", forecast_word(forecast), 1)  # « estimation démentie »


def forecast_outcomes(pairs: Iterable[tuple[Figure, Figure | None]],
                      by_year: Callable[[Figure], Sequence[Figure]] | None = None,
                      related: Callable[[Figure], Sequence[Figure]] | None = None, *,
                      dataset: Dataset | None = None, edition: int | None = None,
                      in_france: Callable[[Figure], Figure | None] | None = None) -> list[str]:
    """The forecasts set against their outcomes, as Markdown list items. Forecasts of one edition for one
    period by one person, against one outcome, are told in one item, so that no two lines open alike
    (« Prévision publiée avec l’édition 2008 pour 2009 (Laurent Uberti…) » three times): « Trois
    prévisions de Laurent Uberti publiées avec l’édition 2008 pour 2009 : au moins 10 %, d’après …
    ; … Réalisé : 4,2 % (édition 2010), prévisions démenties (en deçà). »
    ``by_year`` (``Dataset.partial_outcomes``) gives the years of a span whose outcome is published while the
    span's total is not; ``related`` (``Dataset.related_outcomes``), what an edition publishes instead for a year
    with no outcome; ``in_france`` (``Dataset.france_outcome``), a sector forecast's outcome in France.
    ``dataset`` and ``edition`` give the three from the data, as the chapters and the changes page use them."""
    # a book of an older edition than the data's latest: « aucune édition jusqu'à celle de 2011 »
    upto = edition if dataset is not None and edition is not None and edition < dataset.latest else None
    if dataset is not None and edition is not None:
        by_year = by_year or (lambda f: dataset.partial_outcomes(f, edition))
        related = related or (lambda f: dataset.related_outcomes(f, edition))
        in_france = in_france or (lambda f: dataset.france_outcome(f, edition))
    groups: dict[tuple, list[tuple[Figure, Figure | None]]] = {}
    for forecast, outcome in pairs:
        key = (forecast.edition, forecast.period, forecast.source_name, outcome.anchor if outcome else None)
        groups.setdefault(key, []).append((forecast, outcome))
    def years_done(forecast: Figure) -> Sequence[Figure]:
        return by_year(forecast) if by_year is not None else ()

    told: set[str] = set()

    def instead(forecast: Figure) -> str:
        """What an edition publishes instead, told once on the page (editor37: « l'édition 2014 publie seulement
        un recul de l'emploi … » ended three lines in a row)."""
        text = related_text(related(forecast)) if related is not None else ""
        if text in told:
            return ""
        told.add(text)
        return text

    lines = []
    # the open forecasts of one measure (no outcome yet), from several editions or speakers: one item, the years
    # done and the years missing said once (editor40: three job-cut forecasts on three lines, each with « réalisé
    # en 2013 : 4 000 emplois »)
    open_by_indicator: dict[str, list[list[tuple[Figure, Figure | None]]]] = {}
    for group in groups.values():
        if all(outcome is None for _, outcome in group):
            open_by_indicator.setdefault(group[0][0].indicator, []).append(group)
    merged = {id(g): gs for gs in open_by_indicator.values() if len(gs) > 1 for g in gs}
    for group in groups.values():
        if id(group) in merged:  # told once, where the first of them would be
            gs = merged[id(group)]
            if group is gs[0]:
                lines.append(_open_forecasts_line([f for g in gs for f, _ in g], years_done, instead, upto))
            continue
        if len(group) == 1:
            forecast, outcome = group[0]
            line = forecast_outcome(forecast, outcome, years_done(forecast) if outcome is None else (),
                                    in_france(forecast) if in_france is not None and outcome is not None else None,
                                    upto)
            lines.append(f"- {line[:-1] + instead(forecast) + '.' if outcome is None else line}")
            continue
        forecast, outcome = group[0]
        outlets = [f.publication_outlet for f, _ in group]
        if len({(f.value, f.low, f.high, f.qualifier) for f, _ in group}) == 1 and all(outlets) \
                and len(set(outlets)) == len(outlets):
            # one statement relayed by several outlets (the SP2C's words in the Journal du dimanche, taken up by
            # Génération NT and Freenews): one forecast, each outlet linked to its row
            relays = formatting.enumeration([cite(f, md_escape(f.publication_outlet)) for f, _ in group])
            said = (f"{forecast_noun(forecast)} {of_source(forecast)} publiée avec l’édition {forecast.edition} pour "
                    f"{md_escape(for_period(forecast.period))}, d’après {relays} : {forecast_cited(forecast)}")
            if outcome is None:
                lines.append(f"- {said} ; {_not_yet_done(forecast, years_done(forecast), upto)}{instead(forecast)}.")
            else:
                done = _realised(outcome, forecast)
                lines.append(f"- {said} ; réalisé : {done}, "
                             f"{verdict_words(forecast_verdict(forecast, outcome), forecast)}.")
            continue
        lead = (f"{forecast_noun(forecast, len(group))} "
                f"{of_source(forecast)} publiées avec l’édition {forecast.edition} pour "
                f"{md_escape(for_period(forecast.period))}")

        def item(f: Figure) -> str:
            return forecast_cited(f) + (f", d’après {md_escape(f.publication_outlet)}" if f.publication_outlet else "")

        if outcome is None:
            items = " ; ".join(item(f) for f, _ in group)
            lines.append(f"- {lead} : {items} ; {_not_yet_done(forecast, years_done(forecast), upto)}"
                         f"{instead(forecast)}.")
            continue
        done = _realised(outcome, forecast)
        verdicts = [verdict_words(forecast_verdict(f, o), f) for f, o in group]
        if len(set(verdicts)) == 1:
            items = " ; ".join(item(f) for f, _ in group)
            lines.append(f"- {lead} : {items}. Réalisé {when_done(outcome)} : {done}, {_plural_verdict(verdicts[0])}.")
        else:
            items = " ; ".join(f"{item(f)}, {v}" for (f, _), v in zip(group, verdicts, strict=True))
            lines.append(f"- {lead}, face au chiffre réalisé, {done} : {items}.")
    return lines


def _open_forecasts_line(forecasts: list[Figure], years_done: Callable[[Figure], Sequence[Figure]],
                         instead: Callable[[Figure], str], upto: int | None = None) -> str:
    """« Trois prévisions d'emplois supprimés : 6 000 à 7 000 emplois pour 2013-2014 (Laurent Uberti, édition 2012,
    d'après e-marketing.fr) ; … ; 4 000 emplois pour 2014 (SP2C, édition 2012, d'après Europe 1 et Freenews).
    Réalisé en 2013 : 4 000 emplois ; aucune édition ne publie le chiffre de 2014 ; … » Forecasts of one measure
    that no edition has yet settled, each with its period, speaker, edition and outlets (one statement relayed by
    several outlets is one forecast), then what the editions publish of their years, once."""
    statements: dict[tuple, list[Figure]] = {}
    for f in forecasts:
        statements.setdefault((f.edition, f.period, f.source_name, f.value, f.low, f.high, f.qualifier), []).append(f)
    items = []
    for same in statements.values():
        f = same[0]
        who = "le baromètre" if f.source_type == "barometer" else md_escape(re.sub(r"\s*\([^()]*\)\s*$", "", f.source_name))
        outlets = [g.publication_outlet for g in same if g.publication_outlet]
        relays = (", d’après " + formatting.enumeration([cite(g, md_escape(g.publication_outlet)) for g in same
                                                          if g.publication_outlet])) if outlets else ""
        items.append(f"{forecast_cited(f)} pour {md_escape(for_period(f.period))} ({who}, édition {f.edition}{relays})")
    first = forecasts[0]
    done = {f.anchor: f for forecast in forecasts for f in years_done(forecast)}
    years = sorted({y for f in forecasts for y in _span_years(f.period)})
    missing = [str(y) for y in years if str(y) not in {f.period for f in done.values()}]
    parts = [f"réalisé en {formatting.period_text(f.period)} : {cite_earlier(f, with_noun=True)}"
             + ("" if f.from_older_edition else f" (édition {f.edition})")
             for f in sorted(done.values(), key=lambda f: f.period)]
    if not done:
        spans = all("-" in str(f.period) for f in forecasts)
        parts.append(_unpublished("le chiffre réalisé" + (" sur toute la période" if spans else ""), upto))
    elif missing:
        parts.append(_unpublished(f"le chiffre de {formatting.enumeration(missing)}", upto))
    related = "".join(dict.fromkeys(instead(f) for f in forecasts))
    outcome = " ; ".join(parts)
    return (f"- {forecast_noun(first, len(statements))} : {' ; '.join(items)}. "
            f"{upper_first(outcome)}{related}.")


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


def forecasts_heading(pairs: Iterable[tuple[Figure, Figure | None]]) -> str:
    """« Les prévisions publiées », « Les estimations publiées » or « Les prévisions et estimations publiées »:
    what a list of ``forecast_outcomes`` holds."""
    words = sorted({forecast_word(f) for f, _ in pairs}, key=lambda w: w != "prévision")
    return "Les " + " et ".join(w + "s" for w in words) + " publiées"


def for_period(period: str) -> str:
    """A period after « pour »: « 2009 », « 2013-2014 » (not « pour entre 2013 et 2014 »)."""
    text = formatting.period_text(period)
    match = re.fullmatch(r"entre (\d{4}) et (\d{4})", text)
    return f"{match.group(1)}-{match.group(2)}" if match else text


def when_done(outcome: Figure) -> str:
    """« en 2009 » or « entre 2007 et 2008 »: the outcome is dated, since it is told in any later edition."""
    text = formatting.period_text(outcome.period)
    return text if text.startswith("entre ") else f"en {text}"


def _plural_verdict(verdict: str) -> str:
    """« prévisions démenties (en deçà) » for « prévision démentie (en deçà) »."""
    words = verdict.split(" ", 2)
    words[0], words[1] = words[0] + "s", words[1] + "s"
    return " ".join(words)


def forecast_verdict(forecast: Figure, outcome: Figure) -> str:
    """« prévision tenue », « prévision dépassée » or « prévision démentie » (the outcome below the
    forecast's lower bound, or above an upper bound: « moins de 0 % », a forecast of a fall, is refuted
    by growth); a bound (« au moins ») is judged as such, a range by its two ends."""
    low, high = forecast.bounds
    upper = forecast.qualifier in ("at_most", "less_than")
    if forecast.qualifier in ("at_least", "more_than"):
        high = float("inf")
    elif forecast.qualifier in ("at_most", "less_than"):
        low = float("-inf")
    elif forecast.qualifier == "about":
        low, high = low - abs(low) * 0.1, high + abs(high) * 0.1
    o_low, o_high = outcome.bounds
    if o_high < low:
        return "prévision démentie (en deçà)"
    if o_low > high:
        return "prévision démentie (au-delà)" if upper else "prévision dépassée"
    return "prévision tenue"


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


def _last_year(period: str) -> str:
    """The last year of a period (« 2000-2009 » → « 2009 »)."""
    return str(period).split("-")[-1]


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
