"""The vocabularies and limits of ``data/``: units and their plausible ranges, qualifiers,
chapters, source and event kinds, the sidecar keys, and the size limits of a file, a row and a field."""

from __future__ import annotations

import re
from typing import Literal

from barometre.book import analysis_chapters

# --------------------------------------------------------------------------- vocabularies

UNITS: dict[str, str] = {
    "percent": "a share, 0 to 100",
    "percent_change": "a signed growth rate or relative difference",
    "percentage_points": "a difference between two shares",
    "eur_per_month_gross": "euros per month, gross",
    "eur_per_month_net": "euros per month, net",
    "eur_million": "millions of euros",
    "jobs": "number of jobs",
    "companies": "number of companies",
    "people": "number of people",
    "trainings": "number of trainings",
    "weeks": "duration in weeks",
    "years": "duration in years",
    "count": "a plain count",
    "year": "a calendar year",
}
Unit = Literal[tuple(UNITS)]  # type: ignore[valid-type]

QUALIFIERS = (
    "exact",
    "about",
    "more_than",
    "at_least",
    "less_than",
    "at_most",
    "range",
    "not_published",
)
Qualifier = Literal[QUALIFIERS]  # type: ignore[valid-type]

CHAPTERS = analysis_chapters()  # from the registry, barometre.book
SOURCE_TYPES = ("barometer", "interview", "journalist", "official_statistic", "reference", "ranking")
EVENT_KINDS = (
    "market_opening",
    "acquisition",
    "stake_acquisition",
    "site_opening",
    "site_transfer",
    "agreement",
    "public_service_outsourcing",
    "conference",
    "offshore_start",
)
SIDECAR_KEYS = ("title", "source", "producer", "publication_date", "licence", "sha256")
SIDECAR_MAPPING_EXPECTED = (
    "a YAML mapping, one 'key: value' per line (title, source, producer, publication_date, licence, "
    "sha256), not a list or a single text"
)
MAX_QUOTE = 300

SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
# Numbers are ASCII digits (re.ASCII: \d alone, and float() and int(), take any Unicode digit, « ７７ » or « ٧٧ »)
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$", re.ASCII)
DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$", re.ASCII)
THOUSANDS = re.compile(r"^[+-]?\d{1,3}([,\u00a0\u202f ]\d{3})+([.]\d+)?$", re.ASCII)  # 1,528 or 1 528 or 1,528.5
MAX_PROBLEMS_SHOWN = 50
MAX_FIELD = 2000  # characters in any one field; the longest note of the 2008 data has 231
MAX_VALUE_SHOWN = 80
MAX_ROWS = 5000  # rows in any one data file (the largest, the ECB's daily rates of a year, has about 260)
MAX_SIDECAR_BYTES = 64_000  # a sidecar is a few lines of YAML (the longest has about 2 000 bytes)
FIRST_YEAR = 1990  # the earliest year a figure may name (the series start in 2000; 1996 is quoted)
MAX_YEARS_AHEAD = 3  # a period may end this many years after its edition (a forecast, an objective)

# Indicators whose meaning gives them a sign their unit does not (a change may fall, a premium may not): the
# indicator and why, refused with its row when the value is 0 or below.
ABOVE_ZERO: dict[str, str] = {
    "offshore_price_premium_question": "a price premium: how much dearer a subscription would be with its customer "
                                       "service kept in France (the offshore chapter's cost model divides by it)",
}

# The plausible range of each unit: (lowest, highest, whole numbers only). A value outside is refused
# with its row; ``None`` is no bound. ``year``'s highest is next year, computed when checked.
UNIT_RANGES: dict[str, tuple[float | None, float | None, bool]] = {
    "percent": (0, 100, False),
    "percent_change": (-100, 1000, False),
    "percentage_points": (-100, 100, False),
    "eur_per_month_gross": (100, 20_000, False),
    "eur_per_month_net": (100, 20_000, False),
    "eur_million": (0, 100_000, False),
    "jobs": (0, 10_000_000, False),
    "companies": (0, 1_000_000, False),
    "people": (0, 10_000_000, False),
    "trainings": (0, 10_000_000, False),
    "weeks": (0, 520, False),
    "years": (0, 100, False),
    "count": (0, 10_000_000, False),
    "year": (FIRST_YEAR, None, True),
}
