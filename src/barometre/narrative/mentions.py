"""A person's mention, written by the text and chosen by the page that shows it.

A chapter names a person with their role the first time its page does (« Jean Régnier (P-DG de Comearth) »),
by name alone after (« Jean Régnier »); it names the article with its author once (« l’article de Claire
Morel »), « l’article » after. Which mention is the first depends on the page, not on the sentence: the
sentence is written before the page knows where it goes (a fact's text, a quote's attribution, a template).

So the text writes a *mention*, not its words: ``person(name, role)`` and ``article(author)`` return a token
that holds what each form needs, between private-use characters no data holds (the validation refuses them in
every CSV cell). The page that shows the text (``narrative.page.Page``) turns each token into its words, in the
order the page shows them, and remembers who it has introduced; ``full`` turns every token into its first
form, for a text shown on its own (an annex row, a tooltip). The words are chosen from the token, never found
again in the text: no name or role is searched for in a sentence.

Why tokens and not a page passed to every text function: a chapter's sentences are written by its facts'
text functions and templates, dozens of them, several levels below the cell that shows them; the page is known
only to that cell. A token keeps those functions pure (same facts, same text) and lets the one object that
knows the order, the page, choose the form, once, when it shows the text.
"""

from __future__ import annotations

from barometre import typography
from barometre.data import attribution
from barometre.narrative.markup import md_escape

OPEN, FIELD, CLOSE = "\ue000", "\ue001", "\ue002"  # private-use characters: never in the data (validated)

PERSON, ARTICLE, ARTICLE_START = "person", "article", "Article"


def person(name: str, role: str = "") -> str:
    """« Name (role) » at the page's first mention of ``name``, « Name » after (no role: always « Name »)."""
    return f"{OPEN}{PERSON}{FIELD}{name}{FIELD}{role}{CLOSE}"


def article(author: str, *, start: bool = False) -> str:
    """« l’article de Author » at the page's first mention of the article, « l’article » after; ``start``: a
    sentence opens on it (« L’article … »)."""
    return f"{OPEN}{ARTICLE_START if start else ARTICLE}{FIELD}{author}{FIELD}{CLOSE}"


def words(kind: str, name: str, role: str, first: bool) -> str:
    """The words of one mention: its first form (with the role, the author) or its short one."""
    if kind == PERSON:
        return md_escape(attribution(name, role) if first else name)
    noun = "L’article" if kind == ARTICLE_START else "l’article"
    return f"{noun} de {md_escape(name)}" if first else noun


def key(kind: str, name: str) -> tuple[str, str]:
    """Who a mention introduces: a person by name (every role of theirs introduces them), the article once."""
    return (PERSON, name) if kind == PERSON else (ARTICLE, "")


def resolve(text: str, introduce) -> str:
    """``text`` with each mention in its words: ``introduce(key)`` says, in the order of the text, whether this
    mention is the first (``Page`` answers from what it has shown; ``full`` always yes)."""
    if OPEN not in text:
        return text
    head, *rest = text.split(OPEN)
    out = [head]
    for part in rest:
        token, sep, tail = part.partition(CLOSE)
        if not sep:
            raise ValueError(f"a mention is not closed in: {text[:200]!r}")
        kind, name, role = token.split(FIELD)
        out.append(words(kind, name, role, bool(role or kind != PERSON) and introduce(key(kind, name))))
        out.append(tail)
    return "".join(out)


def full(text: str) -> str:
    """Every mention in its first form: a text shown on its own, with every role (an annex, a tooltip)."""
    return resolve(text, lambda _key: True)


def upper_first(text: str) -> str:
    """The sentence's first letter in capitals, a mention's included (« L’article de Claire Morel le relève »)."""
    prefix = f"{OPEN}{ARTICLE}{FIELD}"
    if text.startswith(prefix):
        return f"{OPEN}{ARTICLE_START}{FIELD}" + text[len(prefix):]
    return typography.upper_first(text)


def shown_short(text: str) -> str:
    """``text`` with each mention in its short words: what a reader sees first in it, whichever form the page
    gives (a name starts the same with or without its role; « l’article » with or without its author), for a
    choice made while rendering that depends on it (« d’Eric Dadian », « de Laurent Uberti »)."""
    return resolve(text, lambda _key: False)


def unresolved(text: str) -> bool:
    """Whether ``text`` still holds a mention (a text shown without its page: a bug the tests look for)."""
    return OPEN in text
