"""The typed fields (numbers as typed, snake-case ids, periods, dates) and the row model of
each kind of file of ``data/``."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from barometre import periods
from barometre.validation.vocabulary import (
    CHAPTERS,
    DECIMAL_COMMA,
    EVENT_KINDS,
    MAX_QUOTE,
    NUMBER,
    SNAKE,
    SOURCE_TYPES,
    THOUSANDS,
    Qualifier,
    Unit,
)

# --------------------------------------------------------------------------- field types


def _empty_to_none(v: Any) -> Any:
    if isinstance(v, str) and v.strip() == "":
        return None
    return v


def _number(v: Any) -> Any:
    v = _empty_to_none(v)
    if v is None or isinstance(v, int | float):
        if isinstance(v, float) and not math.isfinite(v):
            raise ValueError(NOT_FINITE)
        return v
    text = str(v).strip()
    if NUMBER.match(text):
        number = float(text)
        if not math.isfinite(number):  # float() reads 400 digits as infinity
            raise ValueError(NOT_FINITE)
        return number
    raise ValueError(number_expected(text))


NOT_FINITE = "a finite number of at most 15 significant digits (this one is too large to be read: a paste error?)"


def _non_ascii_digits(text: str) -> str:
    """The digits of ``text`` that are not 0-9 (« ７ », « ٧ »), as a message names them; '' when none."""
    odd = sorted({c for c in text if c.isdigit() and not c.isascii()})
    return ", ".join(f"{c!r} ({unicodedata.name(c, f'U+{ord(c):04X}')})" for c in odd)


def number_expected(text: str) -> str:
    """What was expected instead of ``text``, which is not a number: the likely fix when it is
    a number with a thousands separator or a decimal comma."""
    odd = _non_ascii_digits(text)
    if odd:
        return (f"a number written with the digits 0-9 (this one holds {odd}, digits of another script or "
                "full-width digits: type the number again with the 0-9 keys)")
    if THOUSANDS.match(text):
        digits = re.sub(r"[,\u00a0\u202f ]", "", text)
        if "," in text and "." not in text:
            return (f"a number with no thousands separator: {digits} if ',' separates thousands "
                    f"(thousands separator?), or {text.replace(',', '.')} if it is a decimal comma")
        return f"a number with no thousands separator (thousands separator?), e.g. {digits}"
    if DECIMAL_COMMA.match(text):
        return (f"a number with '.' as the decimal separator, e.g. {text.replace(',', '.')} "
                "(not a decimal comma)")
    return "a number, e.g. 15 or 1528.5 (digits and '.', no unit, no thousands separator)"


def _integer(v: Any) -> Any:
    if isinstance(v, int):
        return v
    text = str(v).strip()
    if re.fullmatch(r"[+-]?[0-9]+", text):
        return int(text)
    odd = _non_ascii_digits(text)
    raise ValueError("a whole number, e.g. 2008" + (f", in the digits 0-9 (not {odd})" if odd else ""))


def _snake(v: Any) -> Any:
    text = "" if v is None else str(v).strip()
    if not SNAKE.match(text):
        raise ValueError("a snake_case identifier (lower-case letters, digits and '_'), e.g. revenue_growth")
    return text


def _text(v: Any) -> Any:
    return "" if v is None else str(v).strip()


def _boolean(v: Any) -> Any:
    text = str(v).strip().lower()
    if text in ("true", "false"):
        return text == "true"
    raise ValueError("true or false")


def _chapter_list(v: Any) -> Any:
    items = [c.strip() for c in str(v or "").split(";") if c.strip()]
    bad = [c for c in items if c not in CHAPTERS]
    if not items or bad:
        raise ValueError("a ';'-separated list of chapters among: " + ", ".join(CHAPTERS))
    return tuple(items)


def _period(v: Any) -> Any:
    text = str(v or "").strip()
    if periods.is_period(text) and str(periods.parse(text)) == text:
        return text
    raise ValueError(periods.GRAMMAR)


def _event_date(v: Any) -> Any:
    text = str(v or "").strip()
    for pattern, fmt in ((r"\d{4}", "%Y"), (r"\d{4}-\d{2}", "%Y-%m"), (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d")):
        if re.fullmatch(pattern, text, re.ASCII):
            from datetime import datetime

            try:
                datetime.strptime(text, fmt)
            except ValueError:
                break
            return text
    raise ValueError("a date as YYYY, YYYY-MM or YYYY-MM-DD")


def _iso_date(v: Any) -> Any:
    text = str(v or "").strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("a date as YYYY-MM-DD") from None


Number = Annotated[float | None, BeforeValidator(_number)]
Integer = Annotated[int, BeforeValidator(_integer)]
Snake = Annotated[str, BeforeValidator(_snake)]
Text = Annotated[str, BeforeValidator(_text)]
RequiredText = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
Quote = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=MAX_QUOTE)]


QuoteType = Annotated[Literal["verbatim", "summary"], BeforeValidator(lambda v: (str(v).strip() or "verbatim"))]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EditionRow(_Row):
    indicator: Snake
    edition: Integer
    period: Annotated[str, BeforeValidator(_period)]
    scope: Snake
    value: Number
    low: Number
    high: Number
    qualifier: Qualifier
    unit: Unit
    source: Snake
    quote: Annotated[str, BeforeValidator(_text), Field(max_length=MAX_QUOTE)]  # required unless not_published
    note: Text
    quote_type: QuoteType = "verbatim"  # optional column: verbatim (shown in « ») or summary (a press summary)


class IndicatorRow(_Row):
    indicator: Snake
    label_fr: RequiredText
    unit: Unit
    definition: RequiredText
    chapters: Annotated[tuple[str, ...], BeforeValidator(_chapter_list)]
    required: Annotated[bool, BeforeValidator(_boolean)]
    forecast_of: Annotated[str, BeforeValidator(lambda v: (_empty_to_none(v) and _snake(v)) or "")] = ""


class ScopeRow(_Row):
    """A scope of the scope dictionary (``scopes.csv``): what a figure covers, and its French label."""

    scope: Snake
    label_fr: RequiredText
    definition: RequiredText


class SourceRow(_Row):
    source: Snake
    name: RequiredText
    organisation: Text
    role: Text
    type: Literal[SOURCE_TYPES]  # type: ignore[valid-type]
    publication_title: Text
    publication_outlet: Text
    publication_author: Text
    publication_year: Annotated[int | None, BeforeValidator(lambda v: _empty_to_none(v) and _integer(v))]
    publication_date: Annotated[str, BeforeValidator(lambda v: (_empty_to_none(v) and _event_date(v)) or "")] = ""
    url: Text = ""
    publication_issue: Text = ""  # the printed issue (« n° 93 »), when the source shows it
    publication_pages: Text = ""  # the printed pages (« p. 28-31 »), when the source shows them


class QuoteRow(_Row):
    """A short attributed quote that carries an opinion rather than a figure."""

    quote_id: Snake
    edition: Integer
    chapter: Literal[CHAPTERS]  # type: ignore[valid-type]
    source: Snake
    quote: Quote
    note: Text
    quote_type: QuoteType = "verbatim"


class EventRow(_Row):
    event: Snake
    edition: Integer
    date: Annotated[str, BeforeValidator(_event_date)]
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    actor: RequiredText
    target: Text
    city: Annotated[str | None, BeforeValidator(lambda v: _empty_to_none(v) and _snake(v))]
    source: Snake
    quote: Quote
    note: Text


class SmicRow(_Row):
    effective_date: Annotated[date, BeforeValidator(_iso_date)]
    value: Annotated[float, BeforeValidator(_number), Field(gt=0)]
    currency: Literal["FRF", "EUR"]
    legal_text: RequiredText
    legal_url: Text


class CpiRow(_Row):
    year: Integer
    index_2015_100: Annotated[float, BeforeValidator(_number), Field(gt=0)]


class LabourCostRow(_Row):
    """A year of the OpenFisca snapshot (``reference/smic_employer_cost.csv``): amounts per month, in euros."""

    year: Integer
    month: Text
    smic_hourly_gross: Number
    gross_wage: Number
    employer_contributions: Number
    general_reduction: Number
    employer_cost: Number
    net_wage: Number
    status: Literal["computed", "not_covered"]
    note: Text


class PriceLevelRow(_Row):
    """A comparative price level (``reference/price_level_index.csv``): PPP / exchange rate, EU27 = 100."""

    year: Integer
    country: Snake
    aggregate: Snake
    index_eu27_100: Annotated[float, BeforeValidator(_number), Field(gt=0)]
    note: Text


class ExchangeRateRow(_Row):
    """A daily ECB reference rate (``reference/ecb_gbp_per_eur_2008.csv``): pounds sterling per euro."""

    date: Annotated[date, BeforeValidator(_iso_date)]
    gbp_per_eur: Annotated[float, BeforeValidator(_number), Field(gt=0)]


HHI_CLASSES = ("unconcentrated", "moderately_concentrated", "highly_concentrated")
HHIValue = Annotated[Annotated[float, Field(ge=0, le=10000)] | None, BeforeValidator(_number)]


class HHIThresholdRow(_Row):
    """A class of market concentration by HHI (``reference/hhi_thresholds.csv``): merger guidelines'
    thresholds, each with the guidelines' own sentence. A class (``concentration``) runs from ``hhi_above`` (empty: 0)
    to ``hhi_below`` (empty: 10 000, one firm holding the market)."""

    guidelines: Snake
    concentration: Literal[HHI_CLASSES]  # type: ignore[valid-type]
    hhi_above: HHIValue
    hhi_below: HHIValue
    in_force_from: Annotated[date, BeforeValidator(_iso_date)]
    in_force_until: Annotated[date | None, BeforeValidator(lambda v: None if v in ("", None) else _iso_date(v))]
    quote: RequiredText
    name_fr: RequiredText  # the guidelines as the book names them (« lignes directrices américaines … »)
    source_fr: RequiredText  # the reference a chart's source line gives


class OfficialFigureRow(_Row):
    """A figure of an official publication kept with its sentence (``reference/insee_call_centres.csv``)."""

    indicator: Snake
    period: RequiredText
    value: Annotated[float, BeforeValidator(_number)]
    qualifier: Qualifier
    unit: RequiredText
    quote: RequiredText
    note: Text


class StudyRow(_Row):
    """One study behind the editions (``studies.csv``): who ran it, for whom, over which editions (data
    years), and its definitions, as its sources give them (texts in French, shown in the annex)."""

    study: Snake
    firm: RequiredText
    commissioner: RequiredText
    title: RequiredText
    first_edition: Integer
    last_edition: Annotated[int | None, BeforeValidator(lambda v: _empty_to_none(v) and _integer(v))]  # empty: running
    panel: Text
    revenue_scope: Text
    geography: Text
    staff_scope: Text
    source: Snake
    quote: Quote
    quote_type: QuoteType = "verbatim"
    note: Text


def _indicator_or_all(v: Any) -> Any:
    text = "" if v is None else str(v).strip()
    return text if text == "*" else _snake(text)


IndicatorOrAll = Annotated[str, BeforeValidator(_indicator_or_all)]


class BreakRow(_Row):
    """An explicit break in a series (``breaks.csv``): from edition ``edition`` on, ``indicator``
    (``*``: every indicator) of ``scope`` (``*``: every scope) is not measured as before; a value an
    edition before it publishes and one that edition or a later one publishes are not compared."""

    indicator: IndicatorOrAll
    scope: IndicatorOrAll
    edition: Integer
    reason: RequiredText
    source: Snake
    quote: Quote
    quote_type: QuoteType = "verbatim"
    note: Text


LABOUR_AMOUNTS = ("gross_wage", "employer_contributions", "general_reduction", "employer_cost", "net_wage")


class CityRow(_Row):
    city: Snake
    name_fr: RequiredText
    latitude: Annotated[float, BeforeValidator(_number), Field(ge=41, le=52)]
    longitude: Annotated[float, BeforeValidator(_number), Field(ge=-6, le=10)]
    department: Text
    geonames_id: Text
