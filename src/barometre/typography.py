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


def upper_first(text: str) -> str:
    """The sentence's first letter in capitals, the rest as it is (« en 2024, … » → « En 2024, … »)."""
    return text[:1].upper() + text[1:]


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
# the words a number is bound to, as to « % » or « € » (« 2,04 milliards », « depuis 4 ans », « 1 536 euros »)
UNIT_WORDS = ("milliards", "milliard", "millions", "million", "ans", "euros", "points")
_UNIT_WORD = "(?:" + "|".join(UNIT_WORDS) + r")(?!\w)"
_UNIT = r"(?:%|€|M€|Md€|k€|" + "|".join(UNIT_WORDS) + r")(?!\w)"
# « entre 70 et 75 % »: « et » between two numbers is bound when the second carries a unit (not « entre 2005
# et 2006 », a span of years, which may break as any text)
_AND_RANGE = re.compile(r"(?<=\d)[ \u00a0\u202f]+et[ \u00a0\u202f]+(?=[+\-\u2212]?\d+(?:,\d+)?[ \u00a0\u202f]?"
                        + _UNIT + ")")
_BEFORE_UNIT_WORD = re.compile(r"(?<=\d) (?=" + _UNIT_WORD + ")")
_BAC = re.compile(r"\bbac( ?)\+( ?)(?=\d)")  # « bac + 3 » whole; « bac+2 » as it is


def bind_ranges(text: str) -> str:
    """« 20 à 25 % » and « entre 70 et 75 % » are one unit: no-break spaces around « à » between two numbers,
    around « et » when the second number carries its unit."""
    return _AND_RANGE.sub(NBSP + "et" + NBSP, _RANGE.sub(NBSP + "à" + NBSP, text))


def bind_number_words(text: str) -> str:
    """A number bound to the word that is its unit (« 2,04 milliards », « 4 ans ») and « bac + 3 » kept whole
    by no-break spaces: none of them breaks across a line."""
    text = _BEFORE_UNIT_WORD.sub(NBSP, text)
    return _BAC.sub(lambda m: "bac" + (NBSP if m.group(1) else "") + "+" + (NBSP if m.group(2) else ""), text)


_GUILLEMET_OPEN = re.compile(r"«[ \u00a0\u202f]+")
_GUILLEMET_CLOSE = re.compile(r"[ \u00a0\u202f]+»")
_NUMBER_SIGN = re.compile(r"\b(n°|N°)[ \u202f]+(?=\d)")


def print_binding(text: str) -> str:
    """The PDF's text (babel-french spaces the punctuation itself, but breaks a line at a space typed inside
    guillemets): ranges bound, guillemets bound to their words (« (« / Outsourcing … » » was split across
    lines) and « n° 836 » kept whole."""
    text = _GUILLEMET_OPEN.sub("«" + NBSP, bind_number_words(bind_ranges(text)))
    text = _GUILLEMET_CLOSE.sub(NBSP + "»", text)
    return _NUMBER_SIGN.sub(lambda m: m.group(1) + NBSP, text)


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
    avenir meilleur? » → « Outsourcing : vers un avenir meilleur ? »; the page makes it a no-break one), its
    numbers and capitals as a quote's (``quoted_signs``: « progressé de 6 % », « Étude KPMG »)."""
    return _ATTACHED_PUNCTUATION.sub(r" \1", quoted_signs(inner_quotes(title)))


_GLUED_PERCENT = re.compile(r"(?<=\d)[ \u00a0\u202f]?%")
MINUS = "\u2212"  # the book's minus sign (the formatter's and the charts')
_HYPHEN_MINUS = re.compile(r"(?<![\w\-\u2212/])-(?=\d)")  # « -19 % », « (-6%) »; not « 2008-2009 », « bac+2 »
_QUOTE_UNIT = re.compile(r"(?<=\d)[ \u00a0\u202f]?(€|M€|Md€|k€)(?!\w)")
_QUOTE_DIGIT_GROUPS = re.compile(r"(?<![\d,.])\d{1,3}(?: \d{3})+(?!\d)")
_NUMERO = re.compile(r"\b(n°|N°|no\.)[ \u202f]+(?=\d)")
# capitals French typography accents, which a typewriter-era source left bare: « Ile-de-France », « A l'échelon »
_BARE_CAPITALS = re.compile(r"\b(?:Ile|Etude|Etudes|Etat|Etats)\b(?=[- \u00a0'\u2019])"
                            r"|(?:^|(?<=[.!?:;«(] )|(?<=[«(\u00a0]))A(?= [a-zàâéèêîôûç]| ?l['\u2019])")
_ACCENTED = {"Ile": "Île", "Etude": "Étude", "Etudes": "Études", "Etat": "État", "Etats": "États", "A": "À"}


# a point between digits, as some sources write numbers the English way: thousands « 100.000 », « 1.536 euros »
# (groups of three digits), a decimal « 5.1 % », « 1.92 milliards » (one or two digits, or three before
# « milliards »/« millions »). Not a date (« 12.05.2008 »), a version (« v2.0 ») nor a number after a word.
_POINT_THOUSANDS = re.compile(r"(?<![\w.,/])\d{1,3}(?:\.\d{3})+(?![\w.,/]?\d|\w| ?(?:milliards?|millions?)\b)")
_POINT_DECIMAL = re.compile(r"(?<![\w.,/])(\d+)\.(\d{1,2}|\d{3}(?= ?(?:milliards?|millions?)\b))(?![\w.,/]?\d|\w)")
_ORDINAL_GRAVE = re.compile(r"(?<![\w])(\d+)(?:ème|eme|è)(?!\w)")  # « 2è », « 6ème »: « 2e », « 6e »
_SPACE_BEFORE_COMMA = re.compile(r"(?<=[\w)%»]) +,(?= )")  # « en France , estime » (a scrape's space)


# a number of five digits or more written without its groups (« 33000 », « 49000 »), or of four that cannot be a year
# (« 1572 à 1560 euros », « 7000 emplois »), or of four in a year's range followed by what it counts (« 2000 de
# plus », « 4000 emplois »): its groups set apart, as the book writes « 33 000 » (issue 27, print editor)
_BARE_THOUSANDS = re.compile(r"(?<![\w.,/\-])(\d{5,7}|\d{4}(?= ?(?:emplois|salariés|postes|personnes|"
                             r"conseillers|téléconseillers|euros|€|de plus|de moins)\b)|(?!19\d\d|20\d\d)\d{4})"
                             r"(?![\d]|[.,]\d|\w)")
_MILLIONS_E = re.compile(r"(?<=\d)[ \u00a0\u202f]?(Md|M)E\b")  # « 808,4 ME », « 1,3 MdE »: a typewriter's euro sign
_SIGN_SPACE = re.compile(r"(?<=[(\s])\+ (?=\d)")  # « (+ 18 %) »: the sign bound to its number, « (+18 %) »
_BAC_SPACING = re.compile(r"\b([Bb]ac)[ \u00a0]?\+[ \u00a0]?(?=\d)")  # « Bac+1 », « bac +3 »: « bac + 3 », as the book writes


def _not_a_count(m: re.Match) -> bool:
    """A standard's or a postcode's digits (« ISO 9001 », « 75008 Paris »), not a number to group."""
    before, after = m.string[:m.start()], m.string[m.end():]
    return bool(re.search(r"\b[A-Z]{2,}[ \u00a0]$", before) or re.match(r"[ \u00a0][A-ZÉÎ][a-zé]", after))


def _grouped(digits: str) -> str:
    head = len(digits) % 3 or 3
    return NNBSP.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


def french_numbers(text: str) -> str:
    """A source's numbers written the English way, set the French way: « 100.000 » → « 100 000 » (narrow
    no-break spaces), « 5.1 » → « 5,1 », « 2è » → « 2e », « 33000 » → « 33 000 », « 808,4 ME » → « 808,4 M€ »,
    « (+ 18 %) » → « (+18 %) », « Bac+1 » → « Bac + 1 »."""
    text = _POINT_THOUSANDS.sub(lambda m: m.group(0).replace(".", NNBSP), text)
    text = _POINT_DECIMAL.sub(lambda m: m.group(1) + "," + m.group(2), text)
    text = _BARE_THOUSANDS.sub(lambda m: m.group(1) if _not_a_count(m) else _grouped(m.group(1)), text)
    text = _MILLIONS_E.sub(lambda m: NBSP + m.group(1) + "€", text)
    text = _BAC_SPACING.sub(lambda m: m.group(1) + NBSP + "+" + NBSP, _SIGN_SPACE.sub("+", text))
    return _ORDINAL_GRAVE.sub(lambda m: m.group(1) + "e", text)


def quoted_signs(text: str) -> str:
    """A source's numbers and capitals as the book sets them, its words untouched: « 25 % » for « 25% »,
    « 100 000 » and « 5,1 » for « 100.000 » and « 5.1 » (``french_numbers``), the minus sign for a hyphen
    before a number, a number's digit groups, its unit (« 2,04 milliards », « 4 ans ») and « n° 836 » bound by
    no-break spaces, « bac + 3 » whole, the accented capital a bare one stood for (« Île-de-France », « À
    l’échelon »)."""
    text = _SPACE_BEFORE_COMMA.sub(",", french_numbers(text))
    text = _GLUED_PERCENT.sub(NBSP + "%", text)
    text = bind_number_words(text)
    text = _QUOTE_UNIT.sub(lambda m: NBSP + m.group(1), text)
    text = _QUOTE_DIGIT_GROUPS.sub(lambda m: m.group(0).replace(" ", NNBSP), text)
    text = _NUMERO.sub(lambda m: m.group(1) + NBSP, text)
    text = _HYPHEN_MINUS.sub(MINUS, text)
    return _BARE_CAPITALS.sub(lambda m: _ACCENTED[m.group(0)], text)


def quote_typography(text: str) -> str:
    """A quote set in the book's typography, its words untouched (issue 27: quotes kept « 35% », « -19 % »
    and « Ile-de-France »): its numbers and capitals (``quoted_signs``), no-break spaces inside guillemets
    and « 20 à 25 % » bound (never split across a line), a space before « : ; ? ! » glued to the word
    (« métropole ? », « compétence : ») and the typographic apostrophe. Every medium uses it: the
    chapters, the claims, the annex, web and print."""
    text = _ATTACHED_PUNCTUATION.sub(r" \1", quoted_signs(text))
    return bind_ranges(french_spacing(curly_apostrophes(text)))


_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}\b)")
_BEFORE_UNIT = re.compile(r"(?<=\d) (?=(?:%|€|M€|Md€|k€)(?!\w))")


def bind_numbers(text: str) -> str:
    """A data text set as the book sets its numbers: « 21 000 », « 808 M€ », « 90 % », « 20 à 25 % » never
    break across lines (narrow no-break spaces between digit groups, no-break spaces before a unit)."""
    return bind_ranges(_BEFORE_UNIT.sub(NBSP, _DIGIT_GROUP.sub(NNBSP, text)))
