"""The page being written: each person introduced once."""

from __future__ import annotations

import re

from barometre.data import Dataset
from barometre.narrative.citing import md_escape
from barometre.prose import Prose


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
    """The MyST a sentence is shown as: on a ``page``, each person introduced once. (The elision before a figure and
    the edition note said once a paragraph are chosen while the text is rendered, by the templates' ``de_text`` and
    ``cite_in``/``one_note``: the page no longer repairs them with regexes.)"""
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
