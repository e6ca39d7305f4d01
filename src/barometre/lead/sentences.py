"""A fact in words: its subject, its move or record, its parts, and the forecasts it settles; the outlook's paragraph."""

from __future__ import annotations

import re

from barometre import formatting
from barometre.data import Dataset, Figure, Quote
from barometre.lead.average import NEW_SERIES, PART_OPENINGS
from barometre.lead.facts import SCOPE_PHRASES, SUBJECTS, Fact, Outlook, _change
from barometre.lead.findings import Told, Verdict, distinct, told_fact, verdicts
from barometre.narrative import (
    elide,
    forecast_word,
    md_escape,
    mentions,
    quote_body,
)
from barometre.narrative.templating import phrase

TEMPLATES = "book/lead"  # the lead's templates (src/barometre/templates/book/lead/)
PHRASES = f"{TEMPLATES}/_phrases.md.j2"
FACT = f"{TEMPLATES}/fact.md.j2"
FORECAST = f"{TEMPLATES}/forecast.md.j2"
OUTLOOK = f"{TEMPLATES}/outlook.md.j2"

NOUNS = {("staff_share", "offshore"): "la part de l’offshore dans les effectifs",
         ("staff_share", "province"): "la part de la province dans les effectifs",
         ("staff_share", "ile_de_france"): "la part de l’Île-de-France dans les effectifs",
         ("staff", "market"): "les effectifs du secteur", ("staff", "france"): "les effectifs en France",
         ("staff", "offshore"): "les effectifs à l’offshore"}


def _noun(ds: Dataset, fact: Fact) -> str:
    """« la croissance du chiffre d'affaires en France », « la part de l'offshore dans le chiffre d'affaires »."""
    if (fact.indicator, fact.scope) in NOUNS:
        return NOUNS[(fact.indicator, fact.scope)]
    label = formatting.in_sentence(ds.indicators[fact.indicator].label_fr)
    phrase = SCOPE_PHRASES.get(fact.scope)
    if phrase is None:
        from barometre.labels import scope_label

        phrase = f" ({scope_label(fact.scope)})"
    if fact.scope == "market" and fact.indicator in ("staff", "market_revenue"):
        phrase = ""
    first = label.split(" ")[0]
    article = "les " if first.endswith(("s", "x")) and first not in _SINGULAR_S else (
        "l’" if label[:1] in "aeiouyéèêh" else ("la " if label.split(" ")[0] in _FEMININE else "le "))
    return article + md_escape(label + phrase)


_SINGULAR_S = {"poids", "prix", "taux", "nombre", "temps", "cours"}  # singular nouns ending in s or x


_FEMININE = {"croissance", "part", "évolution", "marge", "répartition", "durée", "prévision", "rémunération"}


def _pronoun(noun: str) -> str:
    if noun.startswith("les "):
        return "ils"
    if noun.startswith("la "):
        return "elle"
    if noun.startswith("l’"):
        return "elle" if noun[2:].split(" ")[0] in _FEMININE else "il"
    return "il"


def _plural(noun: str) -> bool:
    return noun.startswith("les ")


def _year_of(fig: Figure) -> str:
    return formatting.period_text(fig.period)


MEMBERS_WORDS = {"sp2c_members_revenue": "pour les membres du SP2C"}  # a part of the market (``MEMBERS_PART``)


def fact_words(ds: Dataset, told: Told) -> dict:
    """The words ``book/lead/fact.md.j2`` tells a fact with (its ``sentence`` macro's ``c``)."""
    fact = told.fact
    cur, prev = fact.current, fact.previous
    noun = _noun(ds, fact)
    part = ({"words": MEMBERS_WORDS[told.members.indicator], "fig": told.members, "share": told.members_share}
            if told.members is not None else None)
    return {"fact": fact, "noun": noun, "plural": _plural(noun), "pronoun": _pronoun(noun),
            "subject": SUBJECTS.get(fact.indicator),
            "scope_phrase": SCOPE_PHRASES.get(fact.scope, f" ({md_escape(fact.scope)})"), "part": part,
            "spoken_apart": prev is not None and _spoken(cur) != _spoken(prev),
            "rose": fact.before is not None and prev is not None and _change(fact.before, prev) > 0,
            "told_break": told.break_told, "study_told": told.study_told, "new_series": NEW_SERIES}


def fact_sentence(ds: Dataset, fact: Fact, *, told_break: bool = False, study_told: bool = False) -> str:
    """One sentence for one fact (MyST Markdown, ``book/lead/fact.md.j2``); ``told_break``: the series break was said
    just before; ``study_told``: a record in the same study's series was told just before."""
    told = told_fact(ds, fact, break_told=told_break, study_told=study_told)
    return phrase(FACT, "sentence", fact_words(ds, told))


_STUDY_CITED = re.compile(r"\b(étude|baromètre)\b", re.IGNORECASE)


def _spoken(fig: Figure) -> bool:
    """A speaker's own count: an interview's figure whose words do not give it as the study's (Patrick Dubreil's
    2 460 M€ « selon l'étude réalisée par le SP2C et EY » is the study's)."""
    return fig.source_type == "interview" and not _STUDY_CITED.search(str(fig.quote))


def _parts_text(fact: Fact) -> str:
    """« En France, 9,6 % ; à l'offshore, 11,7 %. »: the parts of a growth, after its sentence."""
    return " " + phrase(FACT, "parts", fact.parts, PART_OPENINGS) if fact.parts else ""


VERDICT_VERBS = {"prévision tenue": "confirme", "prévision dépassée": "dépasse",
                 "prévision démentie (en deçà)": "dément", "prévision démentie (au-delà)": "dément"}


def _verdict_verb(verdict: str, forecasts: list[Figure]) -> str:
    """« confirme », « dément », « dépasse »; « fait mieux que » a forecast of a fall the outcome beats."""
    if verdict == "prévision dépassée" and all(f.bounds[1] < 0 for f in forecasts):
        return "fait mieux que"
    return VERDICT_VERBS.get(verdict, "départage")


def forecaster(forecast: Figure) -> str:
    """Who forecast: a person with their role, « le baromètre » for the study's own figure, else the source."""
    if forecast.source_type == "interview" and not forecast.source_name.endswith(")"):
        name = forecast.source_name.strip()
        # an organisation under its one-word name takes its article: « le SP2C (syndicat …) prévoit »
        return (elide("le", name) if " " not in name else "") + mentions.person(name, forecast.source_role)
    if forecast.source_type == "barometer":
        return "le baromètre"
    return md_escape(re.sub(r"\s*\([^()]*\)\s*$", "", forecast.source_name))  # « SP2C », not its page


def forecast_text(forecast: Figure) -> str:
    """The forecast's figure, linked: « au moins 10 % », or the direction it gives (« un recul » for « moins
    de 0 % », « une hausse » for « plus de 0 % »); ``book/lead/_phrases.md.j2``."""
    return phrase(PHRASES, "forecast_text", forecast)


def _as_direction(forecast: Figure) -> bool:
    """The forecast is told as a direction (« un recul », « une hausse », « un recul de 20 à 25 % »), not its figure."""
    if not forecast.is_range and forecast.value == 0 and forecast.qualifier in ("less_than", "at_most", "more_than",
                                                                                 "at_least"):
        return True
    return forecast.unit == "percent_change" and forecast.bounds[1] < 0


_distinct = distinct


def verdict_groups(told_verdicts: tuple[Verdict, ...]) -> list[dict]:
    """What ``book/lead/forecast.md.j2`` says of each verdict: its verb, the forecasts' word, their editions, who
    made them (a person named once, with the role of their first forecast) and their figures."""
    told = []
    for v in told_verdicts:
        forecasts = list(v.forecasts)
        people: dict[str, str] = {}
        for f in forecasts:
            people.setdefault(re.sub(r"\s*\([^()]*\)\s*$", "", f.source_name), forecaster(f))
        told.append({"verb": _verdict_verb(v.verdict, forecasts), "word": forecast_word(forecasts[0]),
                     "many": len(forecasts) > 1, "editions": [str(e) for e in sorted({f.edition for f in forecasts})],
                     "who": formatting.enumeration(list(people.values())),
                     "texts": [forecast_text(f) for f in forecasts]})
    return told


def forecast_sentence(fact: Fact) -> str:
    """« Ce chiffre dément les prévisions publiées avec l'édition 2008 par Laurent Uberti : au moins 10 %, 11 à
    14 % et plus de 11 %. » One sentence per verdict (``book/lead/forecast.md.j2``)."""
    return phrase(FORECAST, "sentences", verdict_groups(verdicts(fact)))


def _inner_quotes(text: str) -> str:
    """A quote's body with its own guillemets turned to “ ”, set inside ours."""
    return re.sub(r"«[\s\u00a0]*([^«»]*?)[\s\u00a0]*»", "“\\1”", quote_body(text))


def outlook_paragraph(ds: Dataset, edition: int, view: Outlook) -> str:
    """« Perspectives : … » — the edition's forecasts, then its outlook quotes, each attributed ('' without)."""
    items, quotes = outlook_items(ds, view), outlook_quotes(ds, view)
    return phrase(OUTLOOK, "paragraph", items, quotes) if items or quotes else ""


def outlook_sentences(ds: Dataset, view: Outlook) -> list[str]:
    """The outlook's sentences, each capitalised and closed: its forecasts, then its quotes, each attributed
    (``book/lead/outlook.md.j2``)."""
    return ([phrase(OUTLOOK, "sentence", i) for i in outlook_items(ds, view)]
            + [phrase(OUTLOOK, "quote_sentence", q) for q in outlook_quotes(ds, view)])


def outlook_items(ds: Dataset, view: Outlook) -> list[dict]:
    """What ``book/lead/outlook.md.j2`` says of each of the outlook's forecasts (its ``forecast`` macro's ``i``)."""
    items = []
    for forecast in _distinct(view.forecasts):
        label = formatting.in_sentence(ds.indicators[forecast.indicator].label_fr)
        when = formatting.period_text(forecast.period)
        if forecast_word(forecast) == "estimation":
            what = re.sub(r"^estimation (en cours d’année |en cours d'année )?de ", "", label)
            items.append({"kind": "estimate", "when": when if when.startswith("entre") else f"en {when}",
                          "who": forecaster(forecast), "what": what, "forecast": forecast})
            continue
        what = re.sub(r"^prévision (de |d’|d')", "", label)  # « prévision de croissance … » → « croissance … »
        when = when if when.startswith("entre") else f"pour {when}"
        if forecast.quote_type == "summary" and forecast.publication_outlet:
            # a press summary of the study (RCM's « le secteur … s'attend à une régression »): the outlet says it
            items.append({"kind": "summary", "when": when, "forecast": forecast,
                          "words": _inner_quotes(forecast.quote).rstrip(".")})
            continue
        direction = re.match(r"croissance (du |de la |des |de l’|de l')(.*)", what)
        if _as_direction(forecast) and direction:  # « prévoit un recul du chiffre d'affaires »
            said, what = "direction", direction.group(1) + direction.group(2)
        elif forecast.unit == "percent_change" and what != label:
            said = "growth"  # « une croissance du chiffre d'affaires de 3 % »
        elif what != label:
            said = "count"  # « 6 000 à 7 000 emplois supprimés »
        else:
            said = "label"
        items.append({"kind": "forecast", "when": when, "who": forecaster(forecast), "what": what, "said": said,
                      "forecast": forecast})
    return items


def outlook_quotes(ds: Dataset, view: Outlook) -> list[dict]:
    """The outlook's quotes as ``_phrases.said_by`` tells them: body, who, press (``outlook`` left out the forecasts'
    own words)."""
    return [_said(ds, q) for q in view.quotes]


def _said(ds: Dataset, q: Quote) -> dict:
    src = ds.sources.get(q.source)
    press = src is not None and src.type != "interview" and bool(src.publication_outlet)
    who = md_escape(src.publication_outlet) if press else mentions.person(q.source_name, q.source_role)
    return {"body": _inner_quotes(q.quote), "who": who, "press": press}


def said_by(ds: Dataset, q: Quote) -> str:
    """« « … », dit Laurent Uberti » (a speaker) or « « … », écrit 01net » (a press outlet's words): a quote and who
    said it, its own guillemets turned to “ ”; no capital, no full stop."""
    said = _said(ds, q)
    return phrase(PHRASES, "said_by", said["body"], said["who"], said["press"])
