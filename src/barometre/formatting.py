"""The one French formatter. Numbers become text here and nowhere else.

It relies on babel's ``fr_FR`` locale (CLDR): the thousands separator is the
narrow no-break space (U+202F, "1 528"), the decimal separator is the comma
("17,5") and the percent sign is preceded by a no-break space ("15 %").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from barometre import periods

LOCALE = "fr_FR"
NBSP = "\u00a0"
NNBSP = "\u202f"
MINUS = "\u2212"  # the minus sign of French typography (babel's fr_FR gives the hyphen-minus)

# French nouns of the countable units, singular and plural; FEMININE ones count « une », not « un ».
NOUNS: dict[str, tuple[str, str]] = {
    "jobs": ("emploi", "emplois"),
    "companies": ("entreprise", "entreprises"),
    "people": ("personne", "personnes"),
    "trainings": ("formation", "formations"),
    "weeks": ("semaine", "semaines"),
    "years": ("an", "ans"),
}
FEMININE = frozenset({"companies", "people", "trainings", "weeks"})

QUALIFIER_WORDS = {
    "exact": "",
    "about": "environ ",
    "more_than": "plus de ",
    "at_least": "au moins ",
    "less_than": "moins de ",
    "at_most": "au plus ",
}

NOT_PUBLISHED = "non publié"


def _clean(x: float, decimals: int) -> float | int:
    x = round(float(x), decimals)
    return int(x) if float(x).is_integer() else x


def minus(text: str) -> str:
    """A formatted number with U+2212 for its minus sign: '−2,5 %', never '-2,5 %'."""
    return text.replace("-", MINUS)


def number(x: float, decimals: int = 1) -> str:
    """'1 528', '17,5', '250 000', '−3' (at most ``decimals`` decimals, none when whole)."""
    return minus(format_decimal(_clean(x, decimals), locale=LOCALE))


def percent(x: float, decimals: int = 1, signed: bool = False) -> str:
    """A value already in percent: 15 -> '15 %', -2.5 -> '−2,5 %', signed -> '+15 %'."""
    pattern = "+#,##0.###\u00a0%;-#,##0.###\u00a0%" if signed else "#,##0.###\u00a0%"
    return minus(format_percent(_clean(x, decimals) / 100, format=pattern, locale=LOCALE))


def euros(x: float, decimals: int = 0) -> str:
    """'1 528 €'; with cents, every cent is written ('9,00 €', '8,71 €'): an amount given to the cent
    never drops its zeros (the 2011 hourly Smic read '9 €' beside '8,82 €')."""
    pattern = ("#,##0." + "0" * decimals + "\u00a0¤") if decimals else "#,##0\u00a0¤"
    return minus(format_currency(_clean(x, decimals), "EUR", format=pattern, locale=LOCALE, currency_digits=False))


def points(x: float, decimals: int = 1, signed: bool = True) -> str:
    """'+5 points', '−1,5 point'."""
    value = _clean(x, decimals)
    text = format_decimal(value, format="+#,##0.###;-#,##0.###" if signed else None, locale=LOCALE)
    return f"{minus(text)}{NBSP}{'point' if abs(value) < 2 else 'points'}"


def year(x: float) -> str:
    """A calendar year, never grouped: '2003'."""
    return str(int(x))


def noun(unit: str, x: float) -> str:
    """The French noun of a countable unit, agreed with the number ('' when none)."""
    if unit not in NOUNS:
        return ""
    singular, plural = NOUNS[unit]
    return singular if abs(x) < 2 else plural


def value(x: float, unit: str, *, signed: bool = False, with_noun: bool = False, decimals: int = 1,
          in_words: bool = False, feminine: bool = False) -> str:
    """One number in its unit, the French way. A small count in running text is written in words, as
    French prose does (« neuf ans », « quatre questions »): with its noun (``with_noun``), or alone for
    the caller's noun (``in_words``); percentages, euros and signed changes stay in figures."""
    if unit in ("percent", "percent_change"):
        return percent(x, decimals, signed=signed)
    if unit == "percentage_points":
        return points(x, decimals)
    if unit in ("eur_per_month_gross", "eur_per_month_net"):
        return euros(x)
    if unit == "eur_million":
        return f"{number(x, decimals)}{NBSP}M€"
    if unit == "year":
        return year(x)
    gender = (unit in FEMININE) if with_noun else feminine
    words = _count_in_words(x, feminine=gender) if (in_words or with_noun) and not signed else None
    text = words or number(x, decimals)
    if signed and x > 0:
        text = "+" + text
    if with_noun and noun(unit, x):
        text += (" " if words else NBSP) + noun(unit, x)
    return text


def _unit_suffix(unit: str) -> str:
    """The symbol a range shares at its end: '60 à 70 %'."""
    return {"percent": "%", "percent_change": "%", "eur_per_month_gross": "€", "eur_per_month_net": "€"}.get(
        unit, ""
    )


def value_range(low: float, high: float, unit: str, *, with_noun: bool = False, decimals: int = 1) -> str:
    """'60 à 70 %', '4 à 7 semaines', '5 à 10 %'."""
    suffix = _unit_suffix(unit)
    if suffix:
        sep = NBSP
        return f"{number(low, decimals)} à {number(high, decimals)}{sep}{suffix}"
    feminine = unit in FEMININE
    words = (_count_in_words(low, feminine=feminine), _count_in_words(high, feminine=feminine)) if with_noun else ()
    if words and all(words):
        text = f"{words[0]} à {words[1]}"
        return text + (" " + noun(unit, high) if noun(unit, high) else "")
    text = f"{value(low, unit, decimals=decimals)} à {value(high, unit, decimals=decimals)}"
    if with_noun and noun(unit, high):
        text += NBSP + noun(unit, high)
    return text


def figure_text(
    fig, *, signed: bool = False, magnitude: bool = False, with_noun: bool = False, decimals: int = 1,
    in_words: bool = False, feminine: bool = False,
) -> str:
    """A Figure as the text shows it, qualifier and range included.

    ``magnitude`` formats absolute values (for "5 à 10 % moins cher", where the data
    hold -10 to -5 and the sentence carries the direction)."""
    if not fig.published:
        return NOT_PUBLISHED
    # a figure is written with the decimals its source gives beyond the first (« 0,12 % du PIB » was printed
    # « 0,1 % »); a caller's choice of fewer decimals than one stands
    given = max((published_decimals(v) for v in (fig.value, fig.low, fig.high) if v is not None), default=0)
    if given > max(decimals, 1):
        decimals = given
    if fig.is_range:
        low, high = fig.low, fig.high
        if magnitude:
            low, high = sorted((abs(low), abs(high)))
        if signed and not magnitude and fig.unit == "percent_change":  # « +1 à +4 % » beside « −17 % » (editor39)
            def sign(x: float) -> str:
                return ("+" if x > 0 else "") + number(x, decimals)
            return f"{sign(low)} à {sign(high)}{NBSP}%"
        return value_range(low, high, fig.unit, with_noun=with_noun, decimals=decimals)
    x = abs(fig.value) if magnitude else fig.value
    text = value(x, fig.unit, signed=signed, with_noun=with_noun, decimals=decimals, in_words=in_words,
                 feminine=feminine)
    return QUALIFIER_WORDS.get(fig.qualifier, "") + text


def published_decimals(x: float, most: int = 3) -> int:
    """The decimals a source's value has (0.12 → 2, 48.5 → 1, 15 → 0), at most ``most``."""
    for n in range(most + 1):
        if abs(round(x, n) - x) < 1e-9:
            return n
    return most


def month_year(d: date) -> str:
    """'juillet 2008'."""
    return format_date(d, "MMMM y", locale=LOCALE)


def period_text(period: str) -> str:
    """'2008', 'juillet 2009', 'entre 2007 et 2008' (any other text unchanged)."""
    if not periods.is_period(period):
        return period
    p = periods.parse(period)
    if p.kind == "month":
        return month_year(date(p.start, p.month, 1))
    if p.kind == "span":
        return f"entre {p.start} et {p.end}"
    return str(p.start)


def event_date(text: str) -> str:
    """An event date as precise as the data: '2007', 'juillet 2007', '15 juillet 2007', '1er janvier 2009'."""
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return month_year(date(int(parts[0]), int(parts[1]), 1))
    day = date.fromisoformat(text)
    if day.day == 1:  # French writes the first of the month as an ordinal
        return "1er\u00a0" + format_date(day, "MMMM y", locale=LOCALE)
    return format_date(day, "d MMMM y", locale=LOCALE)


_SMALL = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
          "douze", "treize", "quatorze", "quinze", "seize")


def enumeration(items: Sequence[str]) -> str:
    """« a », « a et b », « a, b et c »: a French list."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1] if items else ""


def count_words(n: int, noun_singular: str, noun_plural: str | None = None, *, feminine: bool = False) -> str:
    """A count in prose: « deux indicateurs », « une source », « 21 sources » (words up to sixteen)."""
    plural = noun_plural or noun_singular + "s"
    word = plural if abs(n) >= 2 else noun_singular
    if 0 <= n < len(_SMALL):
        text = "une" if (n == 1 and feminine) else _SMALL[n]
        return f"{text} {word}"
    return f"{number(n, 0)}{NBSP}{word}"


def _count_in_words(x: float, *, feminine: bool = False) -> str | None:
    """« neuf », « une » (feminine one): a whole count up to sixteen in words, else None."""
    if float(x) != int(x) or not 0 <= int(x) < len(_SMALL):
        return None
    return "une" if (int(x) == 1 and feminine) else _SMALL[int(x)]


def small_number(x: float, decimals: int = 1) -> str:
    """A multiplier or a small count in prose: « deux » (fois plus cher), « six » (conseillers par expert)
    when it rounds to a whole number up to sixteen, else in figures (« 1,2 », « 2,35 »)."""
    rounded = round(float(x), decimals)
    if rounded == int(rounded) and 0 <= int(rounded) < len(_SMALL):
        return _SMALL[int(rounded)]
    return number(x, decimals)


_COMPLEMENT_WORDS = {"more_than": "moins de ", "at_least": "au plus ", "less_than": "plus de ",
                     "at_most": "au moins ", "about": "environ "}


def complement_text(fig) -> str:
    """The rest to 100 of a share, as the share is given: « 20 % » for « 80 % », « moins de 12 % » for
    « plus de 88 % », « 75 à 80 % » for « 20 à 25 % » (a bound stays a bound, a range a range)."""
    low, high = fig.bounds
    if fig.is_range:
        return value_range(100 - high, 100 - low, fig.unit)
    return _COMPLEMENT_WORDS.get(fig.qualifier, "") + percent(100 - fig.central)


def percent_of_one(x: float, decimals: int = 1, signed: bool = False) -> str:
    """A share given as a fraction (0.75) written as a French percentage ('75 %')."""
    return percent(x * 100, decimals, signed=signed)


def in_sentence(label: str, *, bracketed: bool = False) -> str:
    """A label inside a sentence: its first letter in lower case, and only that one (« part du chiffre
    d'affaires … représentée par le SP2C », never « … le sp2c » nor « activité france »); an acronym that opens
    it keeps its capitals (« SP2C… »). ``bracketed``: the label goes between parentheses, so its own
    parenthesis becomes a comma (« (croissance des effectifs, Île-de-France) », not « (… (Île-de-France)) »)."""
    text = label if label[:2].isupper() else label[:1].lower() + label[1:]
    if bracketed:
        text = re.sub(r"\s*\(([^()]*)\)", r", \1", text)
    return text
