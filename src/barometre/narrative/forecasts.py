"""A forecast set against what came: the outcome, the verdict, the open forecasts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from barometre import formatting
from barometre.data import Figure
from barometre.narrative.citing import cite, md_escape
from barometre.typography import elide


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


def verdict_words(verdict: str, forecast: Figure) -> str:
    """The verdict as the page says it: a forecast of a fall that the outcome beats (−20 à −25 % forecast,
    −1,7 % realised) is not « dépassée », which reads as a deeper fall: « démentie (recul moindre) »."""
    if verdict == "prévision dépassée" and forecast.bounds[1] < 0:
        verdict = "prévision démentie (recul moindre)"
    elif verdict == "prévision démentie (au-delà)" and forecast.bounds[1] == 0:  # « moins de 0 % »: a fall
        verdict = "prévision démentie (hausse au lieu d’un recul)"
    return verdict.replace("prévision", forecast_word(forecast), 1)  # « estimation démentie »


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
