"""The chapter's names and the small helpers every section of « La guerre des prix » uses."""

from __future__ import annotations

from barometre import formatting, narrative, periods
from barometre.data import Figure
from barometre.narrative.templating import phrase

CHAPTER = "prices"


TEMPLATES = f"chapters/{CHAPTER}"  # the chapter's templates (src/barometre/templates/chapters/prices/)


PHRASES = f"{TEMPLATES}/_phrases.md.j2"  # the pieces of sentences the chapter's texts share


MODEL_NOTE = " ; modèle et hypothèses du livre"


OFFICIAL = phrase(f"{TEMPLATES}/charts.md.j2", "official")  # the official series' sources, on the charts


PRICE_LINE_NOTE = phrase(f"{TEMPLATES}/charts.md.j2", "price_line_note")  # the price's yearly path is the book's


MID_YEAR = (7, 1)  # the SMIC is taken as in force on 1 July of each year


TOP_N = 10  # the indicator top10_market_share covers the ten largest outsourcers


WHOLE_MARKET_SCOPES = ("top10", "market")  # a share of the whole market (not of a ranking's perimeter)


# the indicators the chapter's sentences read (the history chart draws every indicator of the chapter)
USED_INDICATORS = (
    "personnel_cost_share", "salary_cost_share_of_production", "production_hour_price_change_since_2000",
    "smic_increase_claimed", "top10_market_share", "large_players_forecast", "acticall_stake_acquired",
    "inbound_revenue_share", "inbound_revenue_share_change", "outbound_revenue_share", "hotline_inbound_growth",
    "price_per_minute_decimals",
)


ORDINALS = ("zéro", "première", "deuxième", "troisième", "quatrième", "cinquième", "sixième")


# The excerpt tidied (no doubled guillemets, no final full stop) by the one helper, narrative.quote.
quote = narrative.quote


def published(fig: Figure | None) -> bool:
    """True when the figure is known in the edition (``Dataset.known`` returns None otherwise)."""
    return fig is not None and fig.published


def span_text(text: str) -> str:
    """« de −32,7 % à −25,8 % » for a band's two ends, the value alone when they meet (« 8 % »): never
    « de 8 % au départ à −32,7 % à −25,8 % à la fin », where « à » joins three things."""
    return f"de {text}" if " à " in text else text


def price_direction(price: Figure) -> str:
    """« moins cher », « plus cher » or « à peu près au même prix », from the sign of the price change's bounds."""
    return phrase(PHRASES, "price_direction", price)


def price_sentence(price: Figure, start: int, *, past: bool = False) -> str:
    """« se vend 5 à 10 % moins cher qu'en 2000 », the direction from the data; « se vendait » with ``past``
    (a figure of an older edition, which the caller dates)."""
    return phrase(PHRASES, "price_sentence", price, start, past)


def smic_verb(claim: Figure) -> str:
    """« augmenté » or « baissé », from the sign of the claimed change."""
    return phrase(PHRASES, "smic_verb", claim)


def ordinal(n: int) -> str:
    """« troisième » for 3 (feminine, as in « la troisième décimale »)."""
    return ORDINALS[n] if 0 < n < len(ORDINALS) else f"{n}{formatting.NBSP}e"


def period_years(period: str, default_end: int) -> tuple[int, int]:
    """'2000-2008' -> (2000, 2008); a single year 'YYYY' -> (YYYY, default_end)."""
    return periods.years(period, default_end)


def euros_precise(x: float, decimals: int) -> str:
    """An amount in euros with up to ``decimals`` decimals ('0,001 €'): formatting.euros stops at two."""
    return formatting.number(x, decimals) + formatting.NBSP + "€"


def currency_text(value: float, currency: str) -> str:
    """An amount in its legal currency: '42,02 F' or '8,71 €'."""
    if currency == "FRF":
        return formatting.number(value, 2) + formatting.NBSP + "F"
    return formatting.euros(value, 2)


def years_text(years: list[int]) -> str:
    """« les années 2000 à 2005 » for a run, « les années 2000, 2002 et 2005 » otherwise."""
    if not years:
        return ""
    if len(years) == 1:
        return f"l'année {years[0]}"
    if years == list(range(years[0], years[-1] + 1)):
        return f"les années {years[0]} à {years[-1]}"
    return "les années " + ", ".join(map(str, years[:-1])) + f" et {years[-1]}"
