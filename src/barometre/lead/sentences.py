"""A fact in words: its subject, its move or record, its parts, and the forecasts it settles; the outlook's paragraph."""

from __future__ import annotations

import re

from barometre import formatting
from barometre.data import Dataset, Figure, Quote
from barometre.lead.average import NEW_SERIES, PART_OPENINGS
from barometre.lead.facts import SCOPE_PHRASES, SUBJECTS, Fact, Outlook, _change
from barometre.narrative import (
    cite,
    cite_in,
    elide,
    forecast_verdict,
    forecast_word,
    md_escape,
    quote_body,
)
from barometre.typography import upper_first

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


def _moved(fact: Fact, subject: tuple[str, bool], *, again: bool = False) -> str:
    """« Le chiffre d'affaires en France recule de 2,8 % en 2012 » (« recule encore » after a fall)."""
    cur = fact.current
    what, plural = subject
    what += SCOPE_PHRASES.get(fact.scope, f" ({md_escape(fact.scope)})")
    down = cur.central < 0
    verb = ("reculent" if plural else "recule") if down else ("progressent" if plural else "progresse")
    if again:
        verb += " encore"
    return (f"{upper_first(what)} {verb} {elide('de', formatting.figure_text(cur, magnitude=True))}"
            f"{cite(cur, magnitude=True)} en {_year_of(cur)}")


def _origin(fact: Fact) -> str:
    """« début de l’étude BearingPoint », « depuis la rupture de série de 2018 »: where a compared series starts."""
    # the first data year the study measures (its first edition publishes the year before it)
    return (f"première année mesurée par {fact.study}" if fact.study.startswith("l’étude")
            else f"série comparable depuis {fact.study}")


def _record_words(fact: Fact, *, study_told: bool = False) -> str:
    """« au plus haut de la série de l'étude BearingPoint, commencée en 2007 »; ``study_told``: a record of the
    same study was just told, and the study's series may start another year (the offshore share from 2006):
    « au plus haut des années que publie cette étude (depuis 2006) », not a second « commencée en »."""
    high = fact.extreme == "high"
    if fact.kind == "record":
        word = "au plus haut" if high else "au plus bas"
        if fact.study.startswith("l’étude") and study_told:
            return f"{word} des années que publie cette étude (depuis {fact.start})"
        if fact.study.startswith("l’étude"):  # « au plus haut depuis 2006 » would say 2006 was as high
            return f"{word} de la série de {fact.study}, commencée en {fact.start}"
        if fact.study:
            return f"{word} depuis {fact.study}"
        return f"{word} de la série, commencée en {fact.start}"
    if fact.kind == "record_since":
        return f"{'au plus haut' if high else 'au plus bas'} depuis {fact.since}"
    return ""


# A whole and the part the same source gives beside it, told together in the lead.
MEMBERS_PART = {"market_revenue": ("sp2c_members_revenue", "pour les membres du SP2C")}


def _part_of(ds: Dataset, fact: Fact) -> tuple[str, Figure] | None:
    """The part of ``fact``'s figure the same edition publishes for the same period (``MEMBERS_PART``), or None."""
    if fact.indicator not in MEMBERS_PART or fact.scope != "market":
        return None
    indicator, words = MEMBERS_PART[fact.indicator]
    if indicator not in ds.indicators:
        return None
    fig = ds.known(indicator, fact.current.edition, scope="market", period=fact.current.period)
    if fig is None or fig.edition != fact.current.edition or not fig.published:
        return None
    return words, fig


def fact_sentence(ds: Dataset, fact: Fact, *, told_break: bool = False, study_told: bool = False) -> str:
    """One sentence for one fact (MyST Markdown); ``told_break``: the series break was said just before;
    ``study_told``: a record in the same study's series was told just before."""
    cur, prev = fact.current, fact.previous
    noun = _noun(ds, fact)
    subject = SUBJECTS.get(fact.indicator)
    if fact.kind == "new" or prev is None:
        shown = f"{upper_first(noun)} {'sont' if _plural(noun) else 'est'} de {cite(cur, signed=cur.unit == 'percent_change')} " \
                f"en {_year_of(cur)}"
        if subject is not None and cur.unit == "percent_change":
            shown = _moved(fact, subject)
        part = _part_of(ds, fact)
        if part is not None:  # « Le marché est estimé à 3 560 M€ en 2024, dont 2 440 M€ pour les membres du SP2C »
            # the « dont » says what the new series distinguishes: the break's reason is not repeated after it
            words, fig = part
            # the new series named as the market's estimate, the figure the parenthesis is about (editors 42, 43:
            # « (nouvelle série …) » after the members' 2 440 M€ read as theirs, and clashed with the arc's 2005–2024)
            # the parenthesis after the members' part read as theirs (editors 42, 43); « non comparable » then
            # clashed with the arc's 2005–2024 (editor44): the edition tells the two figures apart for the first time
            # what the part weighs, computed (editor45: « pour la première fois » was false, the 2005 study already
            # told its panel from the market); the same ratio as the claims and prices pages
            share = (f", soit {formatting.percent(100 * fig.central / cur.central, 1)} (calcul du livre)"
                     if fig.unit == cur.unit and cur.central > 0 and not (fig.is_range or cur.is_range) else "")
            return (f"Le marché est estimé à {cite(cur)} en {_year_of(cur)}, dont {cite(fig)} {words}{share}."
                    if fact.study or fact.break_words else
                    f"Le marché est estimé à {cite(cur)} en {_year_of(cur)}, dont {cite(fig)} {words}.")
        if fact.study or fact.break_words:
            if told_break:
                return f"{shown}."
            if fact.study == f"la rupture de série de {_year_of(cur)}":
                # a break in the figure's own year: « depuis la rupture de série de 2024 » read as a fragment, and
                # « premier chiffre d'une nouvelle série » did not say what it means for the reader (editor37)
                return f"{shown} ({NEW_SERIES}{fact.break_words})."
            first = (f"premier chiffre de {fact.study}" if fact.study.startswith("l’étude")
                     else f"premier chiffre depuis {fact.study}" if fact.study else "premier chiffre de la série")
            return f"{shown}, {first}{fact.break_words}."
        return f"{shown}, un chiffre que le baromètre publie pour la première fois."
    signed = cur.unit == "percent_change" and min(cur.central, prev.central) < 0
    # beside a newer figure: never « dernier » (cite_in with earlier)
    # « après +9,6 % en 2011 »: a year that is its edition's names it, no « (édition 2011) » before it (editor39)
    after = f"après {cite_in(prev, signed=signed, earlier=not cur.from_older_edition)}"
    both_down = cur.unit == "percent_change" and cur.central < 0 and prev.central < 0
    if (fact.kind in ("first", "reversal") or both_down) and subject is not None:
        down = cur.central < 0
        text = f"{_moved(fact, subject, again=both_down)}, {after}"
        if both_down:  # « recule encore »: a record (« au plus haut ») would read against the verb
            return text + "."
        if fact.kind == "first":
            where = (f"depuis {fact.start} ({_origin(fact)})" if fact.study
                     else f"de la série, commencée en {fact.start}")
            text += f" : {'le premier recul' if down else 'la première hausse'} {where}"
        return text + "."
    if fact.kind in ("first", "reversal"):
        sign = "négative" if cur.central < 0 else "positive"
        text = f"{upper_first(noun)} devient {sign} : {cite(cur, signed=True)} en {_year_of(cur)}, {after}"
        if fact.kind == "first":
            where = (f"depuis {fact.start} ({_origin(fact)})" if fact.study
                     else f"depuis le début de la série, en {fact.start}")
            text += f", une première {where}"
        return text + "."
    growth = cur.unit == "percent_change" and not _plural(noun) and cur.central > 0 and prev.central > 0
    words = _record_words(fact, study_told=study_told)
    if growth:
        verb = "accélère" if cur.central > prev.central else "ralentit"
        if fact.kind == "steady":
            verb = {"accélère": "accélère légèrement", "ralentit": "ralentit légèrement"}[verb] \
                if cur.central != prev.central else "se maintient"
        text = f"{upper_first(noun)} {verb} : {cite(cur)} en {_year_of(cur)}{', ' + words if words else ''}, {after}"
    elif _spoken(cur) != _spoken(prev):
        # a speaker's count beside a study's (2024: Caroline Adam's 55 000 against the EY study's 49 000 of 2019) is
        # not a measured move: each figure said by its own source (editor39)
        def by(fig: Figure) -> str:
            return (f"selon {md_escape(fig.attribution)}" if fig.source_type == "interview" else "d'après le baromètre")
        verb = "sont" if _plural(noun) else "est"
        return (f"En {_year_of(cur)}, {noun} {verb} de {cite(cur)}, {by(cur)} ; {by(prev)}, "
                f"{_pronoun(noun)} {'étaient' if _plural(noun) else 'était'} de "
                f"{cite_in(prev, earlier=True)}.")
    else:
        verb = "passent" if _plural(noun) else "passe"
        text = (f"{upper_first(noun)} {verb} {elide('de', formatting.figure_text(prev))}"
                f"{cite_in(prev, earlier=not cur.from_older_edition)} à {cite(cur)} en {_year_of(cur)}"
                f"{', ' + words if words else ''}")
    if not words and fact.kind == "turn" and fact.before is not None:
        rose = _change(fact.before, prev) > 0
        done = ("accéléré" if rose else "ralenti") if growth else "augmenté" if rose else "baissé"
        text += f" ; {_pronoun(noun)} avait {done} en {_year_of(prev)}"
    return text + "."


_STUDY_CITED = re.compile(r"\b(étude|baromètre)\b", re.IGNORECASE)


def _spoken(fig: Figure) -> bool:
    """A speaker's own count: an interview's figure whose words do not give it as the study's (Patrick Dubreil's
    2 460 M€ « selon l'étude réalisée par le SP2C et EY » is the study's)."""
    return fig.source_type == "interview" and not _STUDY_CITED.search(str(fig.quote))


def _parts_text(fact: Fact) -> str:
    """« En France, 9,6 % ; à l'offshore, 11,7 %. »: the parts of a growth, after its sentence."""
    if not fact.parts:
        return ""
    shown = [f"{PART_OPENINGS.get(p.scope, md_escape(p.scope))}, {cite(p, signed=p.central < 0)}" for p in fact.parts]
    text = " ; ".join(shown[:1] + [o[:1].lower() + o[1:] for o in shown[1:]])
    return " " + text + "."


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
        return (elide("le", name) if " " not in name else "") + md_escape(forecast.attribution)
    if forecast.source_type == "barometer":
        return "le baromètre"
    return md_escape(re.sub(r"\s*\([^()]*\)\s*$", "", forecast.source_name))  # « SP2C », not its page


def forecast_text(forecast: Figure) -> str:
    """The forecast's figure, linked: « au moins 10 % », or the direction it gives (« un recul » for « moins
    de 0 % », « une hausse » for « plus de 0 % »)."""
    if not forecast.is_range and forecast.value == 0 and forecast.qualifier in ("less_than", "at_most"):
        return cite(forecast, "un recul")
    if not forecast.is_range and forecast.value == 0 and forecast.qualifier in ("more_than", "at_least"):
        return cite(forecast, "une hausse")
    if forecast.unit == "percent_change" and forecast.bounds[1] < 0:  # « un recul de 20 à 25 % », not « −25 à −20 % »
        return cite(forecast, "un recul " + elide("de", formatting.figure_text(forecast, magnitude=True))
                    + formatting.figure_text(forecast, magnitude=True))
    return cite(forecast)


def situated(fig: Figure) -> str:
    """« entre 2 et 3 % » for a range, « à environ 2 % » otherwise: the figure after « situer », linked."""
    if fig.is_range and fig.unit in ("percent", "percent_change"):
        low, high = fig.bounds
        return "entre " + cite(fig, f"{formatting.number(low)} et {formatting.percent(high)}")
    return "à " + cite(fig)


def _distinct(forecasts) -> list[Figure]:
    """One forecast per value (two pages giving the same forecast are told once)."""
    seen, out = set(), []
    for f in forecasts:
        key = (f.value, f.low, f.high, f.qualifier)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def forecast_sentence(fact: Fact) -> str:
    """« Ce chiffre dément les prévisions publiées avec l'édition 2008 par Laurent Uberti : au moins 10 %, 11 à
    14 % et plus de 11 %. » One sentence per verdict."""
    groups: dict[str, list[Figure]] = {}
    for forecast in _distinct(fact.forecasts):
        groups.setdefault(forecast_verdict(forecast, fact.current), []).append(forecast)
    sentences = []
    for verdict, forecasts in groups.items():
        many = len(forecasts) > 1
        editions = sorted({f.edition for f in forecasts})
        people: dict[str, str] = {}  # a person named once, with the role of their first forecast
        for f in forecasts:
            people.setdefault(re.sub(r"\s*\([^()]*\)\s*$", "", f.source_name), forecaster(f))
        who = formatting.enumeration(list(people.values()))
        subject = "Ce chiffre" if not sentences else "Il"
        word = forecast_word(forecasts[0])
        sentences.append(
            f"{subject} {_verdict_verb(verdict, forecasts)} "
            f"{f'les {word}s publiées' if many else elide('la', word) + word + ' publiée'} "
            f"avec l’édition {formatting.enumeration([str(e) for e in editions])} par {who} : "
            f"{formatting.enumeration([forecast_text(f) for f in forecasts])}.")
    return " ".join(sentences)


def _inner_quotes(text: str) -> str:
    """A quote's body with its own guillemets turned to “ ”, set inside ours."""
    return re.sub(r"«[\s\u00a0]*([^«»]*?)[\s\u00a0]*»", "“\\1”", quote_body(text))


def outlook_paragraph(ds: Dataset, edition: int, view: Outlook) -> str:
    """« Perspectives : … » — the edition's forecasts, then its outlook quotes, each attributed."""
    sentences = outlook_sentences(ds, view)
    if not sentences:
        return ""
    # one sentence each: three quotes strung on semicolons made a 560-character sentence (the 2011 outlook)
    return "**Perspectives.** " + " ".join(sentences)


def outlook_sentences(ds: Dataset, view: Outlook) -> list[str]:
    """The outlook's sentences, each capitalised and closed: its forecasts, then its quotes, each attributed."""
    sentences = []
    for forecast in _distinct(view.forecasts):
        label = formatting.in_sentence(ds.indicators[forecast.indicator].label_fr)
        when = formatting.period_text(forecast.period)
        if forecast_word(forecast) == "estimation":
            # a pace given while the year runs: « En 2025, Caroline Adam situe la croissance du chiffre
            # d'affaires entre 2 et 3 % », not « prévoit »
            what = re.sub(r"^estimation (en cours d’année |en cours d'année )?de ", "", label)
            when = when if when.startswith("entre") else f"en {when}"
            sentences.append(f"{when}, {forecaster(forecast)} situe {md_escape(what)} {situated(forecast)}")
            continue
        what = re.sub(r"^prévision (de |d’|d')", "", label)  # « prévision de croissance … » → « croissance … »
        when = when if when.startswith("entre") else f"pour {when}"
        direction = re.match(r"croissance (du |de la |des |de l’|de l')(.*)", what)
        if forecast_text(forecast) != cite(forecast) and direction:  # « prévoit un recul du chiffre d'affaires »
            said = f"{forecast_text(forecast)} {md_escape(direction.group(1) + direction.group(2))}"
        elif forecast.unit == "percent_change" and what != label:
            said = f"une {md_escape(what)} {elide('de', formatting.figure_text(forecast))}{cite(forecast)}"
        elif what != label:
            said = f"{cite(forecast)} {md_escape(what)}"  # « 6 000 à 7 000 emplois supprimés »
        else:
            said = f"{md_escape(label)} : {cite(forecast, with_noun=True)}"
        if forecast.quote_type == "summary" and forecast.publication_outlet:
            # a press summary of the study (RCM's « le secteur … s'attend à une régression »): the outlet says it
            words = _inner_quotes(forecast.quote).rstrip(".")
            # its words, not a paraphrase: « annonce un recul » for « s'attend à une régression » (editors 40, 42);
            # the outlet's name links to the row, the forecast's figure is the words' own
            sentences.append(f"{when}, {cite(forecast, md_escape(forecast.publication_outlet))}, résumant le "
                             f"baromètre, écrit : «\u00a0{md_escape(words)}\u00a0»")
        else:
            sentences.append(f"{when}, {forecaster(forecast)} prévoit {said}")
    sentences += [said_by(ds, q) for q in view.quotes]  # ``outlook`` left out the forecasts' own words
    return [upper_first(s) + "." for s in sentences]


def said_by(ds: Dataset, q: Quote) -> str:
    """« « … », dit Laurent Uberti » (a speaker) or « « … », écrit 01net » (a press outlet's words): a quote and who
    said it, its own guillemets turned to “ ”; no capital, no full stop."""
    src = ds.sources.get(q.source)
    press = src is not None and src.type != "interview" and bool(src.publication_outlet)
    who = src.publication_outlet if press else q.attribution
    return f"«\u00a0{md_escape(_inner_quotes(q.quote))}\u00a0», {'écrit' if press else 'dit'} {md_escape(who)}"
