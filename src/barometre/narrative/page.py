"""The page being written: each person introduced once, each series break explained once."""

from __future__ import annotations

from barometre.narrative import mentions
from barometre.prose import Prose


def of(name: str) -> str:
    """« de KPMG », « d'EY »: the preposition elided before a vowel or a mute h."""
    return f"d'{name}" if name[:1].upper() in "AEIOUYÉÈÊHÂÎÔ" else f"de {name}"


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


class Page:
    """A chapter's page: what it has shown and explained. The notebook makes one (``page = new_page()``) and
    shows its text through it (``say = page.say``); nothing is kept outside it.

    - ``page.say(text)`` shows ``text`` with each mention of a person (``mentions.person``) in its words: with
      the role at the page's first mention, by name after; the article with its author once (``mentions``).
      Idempotent: a sentence said again (a cell run twice in Jupyter) is shown as it was the first time, role
      included; the people it introduced stay introduced for the sentences after it.
    - ``page.first_time(key)``: whether this ask is the page's first for ``key`` (a series break is explained
      once a page, ``history.explain_breaks(..., page=page)``). Idempotent the same way: the ask is tied to the
      cell that made it (its source and its rank among that run's asks), so running the cells again asks in the
      same places and gets the same answers."""

    def __init__(self):
        self.introduced: set = set()  # the mentions' keys the page has shown in their first form
        self.explained_at: dict = {}  # what the page has explained once, and the ask that did
        self.ask_run: tuple | None = None  # the cell run ``first_time`` last counted asks in
        self.ask_rank = 0
        self._said: dict[str, str] = {}

    def _introduce(self, key) -> bool:
        if key in self.introduced:
            return False
        self.introduced.add(key)
        return True

    def show(self, text: str) -> str:
        """``text`` as the page shows it (MyST): each mention in its words (see the class)."""
        if text not in self._said:
            self._said[text] = mentions.resolve(text, self._introduce)
        return self._said[text]

    def say(self, text: str) -> Prose:
        return Prose(self.show(text))

    def first_time(self, key) -> bool:
        token = _ask_token(self)
        return self.explained_at.setdefault(key, token) == token


def new_page() -> Page:
    """A chapter's page (``Page``): ``page = narrative.new_page()`` then ``say = page.say`` at the top of a
    chapter."""
    return Page()


def say(text: str) -> Prose:
    """Display MyST Markdown as the prose of a page with no page object (the annexes, whose rows each stand
    alone: every mention in its first form, every role kept): the book renders the MyST, Jupyter a Markdown of it
    (``barometre.prose``). Same text, same output: nothing is remembered between calls."""
    return Prose(mentions.full(text))
