"""French typography, in one place: the prose, the tooltips, the charts (web and print) and the PDF.

At the bottom of the package: it imports nothing of it, so any module may use it (the charts, the
Sphinx extension, the narrative) without an import cycle.

- Elision: « de » / « d’ », « que » / « qu’ » before a vowel or a mute h, always with the
  typographic apostrophe (U+2019), as Sphinx's smart quotes set the page's text.
- Apostrophes: a straight apostrophe after a letter becomes the typographic one.
- Spacing: a no-break space before « : » and inside guillemets, a narrow no-break space before
  « ; ! ? »; « 20 à 25 % » bound into one unit.
- Quotes and titles: a quote keeps its words but is set in French typography (« 25 % », « mot : »);
  guillemets inside ours become inner quotes (“ ”).
"""

from __future__ import annotations

import re

APOSTROPHE = "\u2019"
NBSP = "\u00a0"  # no-break space: before « : », inside guillemets, before « % » and « € »
NNBSP = "\u202f"  # narrow no-break space: before « ; ! ? », between thousands

_ELIDING = "aeiouyéèêàh"  # a word starting with one of these takes « d’ », « qu’ » (h: the mute h)


def elides(following: str) -> bool:
    """Whether « de », « que » elide before ``following`` (« d’environ », « qu’Acticall »)."""
    return following[:1].lower() in _ELIDING


def elide(word: str, following: str) -> str:
    """« de » / « d’ », « que » / « qu’ » before the next word, with the space when not elided."""
    if elides(following):
        return word[:-1] + APOSTROPHE
    return word + " "


def elided(word: str, following: str) -> str:
    """``word`` and ``following`` joined, elided when it must be: « d’Acticall », « de Teleperformance »."""
    return elide(word, following) + following


_APOSTROPHE = re.compile(r"(?<=\w)'")


def curly_apostrophes(text: str) -> str:
    """The typographic apostrophe after a letter (« chiffre d’affaires », « l’« offshore » »); a
    straight quote elsewhere (code, a quoted 'name') is left as it is."""
    return _APOSTROPHE.sub(APOSTROPHE, text)


_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:(?=\s|$)")
_BEFORE_HIGH = re.compile(r"[ \u00a0\u202f]+([;!?»])")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]+")


def french_spacing(text: str) -> str:
    """The spaces French typography binds: a no-break space before « : » and inside guillemets, a narrow
    no-break space before « ; », « ! » and « ? », so that no line starts with a punctuation mark."""
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _BEFORE_HIGH.sub(lambda m: (NBSP if m.group(1) == "»" else NNBSP) + m.group(1), text)
    return _AFTER_GUILLEMET.sub("«" + NBSP, text)


_RANGE = re.compile(r"(?<=\d)[ \u00a0\u202f]+à[ \u00a0\u202f]+(?=[+\-\u2212]?\d)")


def bind_ranges(text: str) -> str:
    """« 20 à 25 % » is one unit: no-break spaces around « à » between two numbers."""
    return _RANGE.sub(NBSP + "à" + NBSP, text)


def raw_typography(text: str) -> str:
    """What Sphinx's typography does to the page's text, for raw HTML it does not reach (a number's
    tooltip, a chart's caption): typographic apostrophes, French spaces, ranges bound."""
    return bind_ranges(french_spacing(curly_apostrophes(text)))


_GLUED_SEMICOLON = re.compile(r"(?<=[^\s\u00a0\u202f]);(?=\s)")


def caption_typography(text: str) -> str:
    """A chart's caption, description or source line, set in raw HTML: ``raw_typography``, and a listing
    joined by « ; » (« 75 %; Webhelp ») gets its narrow space before the semicolon."""
    return raw_typography(_GLUED_SEMICOLON.sub(NNBSP + ";", text))


ORDINAL = re.compile(r"(?<![\w])1(er|re)(?=[ \u00a0\u202f])")  # « 1er », « 1re »: set in superscript


def inner_quotes(text: str) -> str:
    """Guillemets inside a text we put between guillemets become the inner quotes of French
    typography: « Laurent Uberti (SP2C). “Responsabiliser…” », never « … « … » »."""
    return re.sub(r"\s*»", "”", re.sub(r"«\s*", "“", text))


_ATTACHED_PUNCTUATION = re.compile(r"(?<=[\w)»”’])([:;?!])(?=\s|$)")


def title_typography(title: str) -> str:
    """A publication's title as French typography sets it, its words untouched: inner quotes inside
    ours, and a space before « : ; ? ! » where the outlet glued them to the word (« Outsourcing: vers un
    avenir meilleur? » → « Outsourcing : vers un avenir meilleur ? »; the page makes it a no-break one)."""
    return _ATTACHED_PUNCTUATION.sub(r" \1", inner_quotes(title))


_GLUED_PERCENT = re.compile(r"(?<=\d)[ \u00a0\u202f]?%")


def quote_typography(text: str) -> str:
    """A quote set in French typography, its words untouched: « 25 % » for the web page's « 25% », a space
    before « : ; ? ! » glued to the word (« métropole ? », « compétence : »). The sources annex keeps the
    excerpt as typed; the chapters and the claims typeset it."""
    return _ATTACHED_PUNCTUATION.sub(r" \1", _GLUED_PERCENT.sub(NBSP + "%", text))


_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}\b)")
_BEFORE_UNIT = re.compile(r"(?<=\d) (?=(?:%|€|M€|Md€|k€)(?!\w))")


def bind_numbers(text: str) -> str:
    """A data text set as the book sets its numbers: « 21 000 », « 808 M€ », « 90 % », « 20 à 25 % » never
    break across lines (narrow no-break spaces between digit groups, no-break spaces before a unit)."""
    return bind_ranges(_BEFORE_UNIT.sub(NBSP, _DIGIT_GROUP.sub(NNBSP, text)))
