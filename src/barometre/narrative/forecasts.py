"""A forecast set against what came: the outcome, the verdict, the open forecasts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from barometre import formatting
from barometre.data import Dataset, Figure, period_end
from barometre.narrative.citing import _span_years, cite, cite_earlier, md_escape
from barometre.narrative.words import direction
from barometre.typography import elide, upper_first


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


def forecast_outcome(forecast: Figure, outcome: Figure | None, partial: Sequence[Figure] = (),
                     france: Figure | None = None, upto: int | None = None) -> str:
    """« Prévision de 2008 pour 2009 (Laurent Uberti) : au moins 10 % ; réalisé : 4,2 % (édition 2009),
    prévision démentie. » The verdict compares the outcome with the forecast's bounds. ``france``, the outcome
    in France of a forecast for the whole sector, is told when its verdict differs (« … démentie pour
    l'ensemble du secteur ; en France : −2,8 % (édition 2012), prévision tenue »)."""
    # « selon le baromètre … (données 2011) » with its article; in parentheses, the name alone (« (SP2C, d'après …) »)
    who = named_source(forecast) if "(" in forecast.source_name else md_escape(forecast.source_name)
    if forecast.source_type == "barometer":  # « publiée avec l'édition 2011 » names it already
        who = "le baromètre"
    if forecast.publication_outlet:
        who += f", d’après {md_escape(forecast.publication_outlet)}"
    # a name that holds a parenthesis (« le baromètre … (données 2011) ») is not set in another one
    who = (f", selon {who}" if "(" in forecast.source_name or forecast.source_type == "barometer"
           else f" ({who})")
    text = (f"{forecast_noun(forecast)} publiée avec l’édition {forecast.edition} pour {md_escape(for_period(forecast.period))}"
            f"{who} : {forecast_cited(forecast)}")
    if outcome is None:
        return text + f" ; {_not_yet_done(forecast, partial, upto)}."
    text += f" ; réalisé : {_realised(outcome, forecast)}"
    verdict = verdict_words(forecast_verdict(forecast, outcome), forecast)
    if france is not None and (other := verdict_words(forecast_verdict(forecast, france), forecast)) != verdict:
        return text + f", {verdict} pour l’ensemble du secteur ; en France : {_realised(france, forecast)}, {other}."
    return text + f", {verdict}."


def _realised(outcome: Figure, forecast: Figure | None = None) -> str:
    """The outcome, linked, with its edition (an older edition's note comes with ``cite``); signed when the
    forecast was of a fall or the outcome is one (editor38: « réalisé : 1 % » against « un recul »)."""
    signed = outcome.unit == "percent_change" and (outcome.central < 0 or (
        forecast is not None and forecast.bounds[1] <= 0))
    return cite(outcome, signed=signed) + ("" if outcome.from_older_edition else f" (édition {outcome.edition})")


def _unpublished(what: str, upto: int | None, year: int) -> str:
    """« aucune édition ne publie le chiffre réalisé », or, for a figure the next edition may still publish (``upto``,
    see ``forecast_outcomes``), « le chiffre réalisé n'est pas encore publié » (editor42: the 2011 book said no edition
    publishes 2012's outcome, which the site's 2012 edition does; editor43: « aucune édition jusqu'à celle de 2011 »
    was a truism). ``upto`` is the book's edition; ``year``, the last year of the figure: the next edition may still
    publish a figure of the year before the book's edition or later, not an older one (« pas encore » read as a figure
    still to come, for 2014's in the 2021 book). The choice reads only the book's edition, never the latest one: a
    book does not change when a later edition is added (``barometre.vintage``)."""
    if upto is not None and year >= upto - 1:
        return f"{what} n’est pas encore publié"
    return f"aucune édition ne publie {what}"


def _not_yet_done(forecast: Figure, partial: Sequence[Figure] = (), upto: int | None = None) -> str:
    """« aucune édition ne publie le chiffre réalisé » (not « encore », which read as a figure still to come in a
    book ten years on), « … sur toute la période » for a span (2013-2014):
    no edition gives its total. The years of the span an edition does publish are told first (« réalisé en
    2013 : 4 000 emplois (édition 2013) ; aucune édition ne publie le chiffre de 2014 »)."""
    if "-" not in str(forecast.period):
        return _unpublished("le chiffre réalisé", upto, period_end(forecast.period))
    if not partial:
        return _unpublished("le chiffre réalisé sur toute la période", upto, period_end(forecast.period))
    done = " ; ".join(f"réalisé en {formatting.period_text(f.period)} : {cite_earlier(f, with_noun=True)}"
                      + ("" if f.from_older_edition else f" (édition {f.edition})") for f in partial)
    start, end = (int(y) for y in str(forecast.period).split("-"))
    missing = [str(y) for y in range(start, end + 1) if str(y) not in {f.period for f in partial}]
    if not missing:
        return done + " ; " + _unpublished("le total de la période", upto, end)
    return done + " ; " + _unpublished(f"le chiffre de {formatting.enumeration(missing)}", upto, int(missing[-1]))


RELATED_WORDS = {"staff_growth": "l’emploi en France"}


def related_text(figs: Sequence[Figure]) -> str:
    """« ; l'édition 2014 publie seulement un recul de l'emploi en France de 2,2 % en 2014 »: what an edition gives
    instead of a forecast's measure ('' when nothing)."""
    parts = []
    for f in figs:
        f = replace(f, as_of=f.edition)  # « l'édition 2014 publie » names it: no note after the figure
        what = RELATED_WORDS.get(f.indicator, md_escape(formatting.in_sentence(f.label)))
        move = direction(f.central, up="une hausse", down="un recul", flat="une stabilité")
        size = "" if move == "une stabilité" else " " + elide("de", formatting.figure_text(f, magnitude=True)) + \
            cite(f, formatting.figure_text(f, magnitude=True))
        parts.append(f"l’édition {f.edition} publie seulement {move} {elide('de', what)}{what}{size} "
                     f"en {formatting.period_text(f.period)}")
    return "".join(f" ; {p}" for p in parts)


def verdict_words(verdict: str, forecast: Figure) -> str:
    """The verdict as the page says it: a forecast of a fall that the outcome beats (−20 à −25 % forecast,
    −1,7 % realised) is not « dépassée », which reads as a deeper fall: « démentie (recul moindre) »."""
    if verdict == "prévision dépassée" and forecast.bounds[1] < 0:
        verdict = "prévision démentie (recul moindre)"
    elif verdict == "prévision démentie (au-delà)" and forecast.bounds[1] == 0:  # « moins de 0 % »: a fall
        verdict = "prévision démentie (hausse au lieu d’un recul)"
    return verdict.replace("prévision", forecast_word(forecast), 1)  # « estimation démentie »


def forecast_outcomes(pairs: Iterable[tuple[Figure, Figure | None]],
                      by_year: Callable[[Figure], Sequence[Figure]] | None = None,
                      related: Callable[[Figure], Sequence[Figure]] | None = None, *,
                      dataset: Dataset | None = None, edition: int | None = None,
                      in_france: Callable[[Figure], Figure | None] | None = None) -> list[str]:
    """The forecasts set against their outcomes, as Markdown list items. Forecasts of one edition for one
    period by one person, against one outcome, are told in one item, so that no two lines open alike
    (« Prévision publiée avec l’édition 2008 pour 2009 (Laurent Uberti…) » three times): « Trois
    prévisions de Laurent Uberti publiées avec l’édition 2008 pour 2009 : au moins 10 %, d’après …
    ; … Réalisé : 4,2 % (édition 2010), prévisions démenties (en deçà). »
    ``by_year`` (``Dataset.partial_outcomes``) gives the years of a span whose outcome is published while the
    span's total is not; ``related`` (``Dataset.related_outcomes``), what an edition publishes instead for a year
    with no outcome; ``in_france`` (``Dataset.france_outcome``), a sector forecast's outcome in France.
    ``dataset`` and ``edition`` give the three from the data, as the chapters and the changes page use them."""
    # the book's edition: a recent figure « n'est pas encore publié » (``_unpublished``)
    upto = edition if dataset is not None and edition is not None else None
    if dataset is not None and edition is not None:
        by_year = by_year or (lambda f: dataset.partial_outcomes(f, edition))
        related = related or (lambda f: dataset.related_outcomes(f, edition))
        in_france = in_france or (lambda f: dataset.france_outcome(f, edition))
    groups: dict[tuple, list[tuple[Figure, Figure | None]]] = {}
    for forecast, outcome in pairs:
        key = (forecast.edition, forecast.period, forecast.source_name, outcome.anchor if outcome else None)
        groups.setdefault(key, []).append((forecast, outcome))
    def years_done(forecast: Figure) -> Sequence[Figure]:
        return by_year(forecast) if by_year is not None else ()

    told: set[str] = set()

    def instead(forecast: Figure) -> str:
        """What an edition publishes instead, told once on the page (editor37: « l'édition 2014 publie seulement
        un recul de l'emploi … » ended three lines in a row)."""
        text = related_text(related(forecast)) if related is not None else ""
        if text in told:
            return ""
        told.add(text)
        return text

    lines = []
    # the open forecasts of one measure (no outcome yet), from several editions or speakers: one item, the years
    # done and the years missing said once (editor40: three job-cut forecasts on three lines, each with « réalisé
    # en 2013 : 4 000 emplois »)
    open_by_indicator: dict[str, list[list[tuple[Figure, Figure | None]]]] = {}
    for group in groups.values():
        if all(outcome is None for _, outcome in group):
            open_by_indicator.setdefault(group[0][0].indicator, []).append(group)
    merged = {id(g): gs for gs in open_by_indicator.values() if len(gs) > 1 for g in gs}
    for group in groups.values():
        if id(group) in merged:  # told once, where the first of them would be
            gs = merged[id(group)]
            if group is gs[0]:
                lines.append(_open_forecasts_line([f for g in gs for f, _ in g], years_done, instead, upto))
            continue
        if len(group) == 1:
            forecast, outcome = group[0]
            line = forecast_outcome(forecast, outcome, years_done(forecast) if outcome is None else (),
                                    in_france(forecast) if in_france is not None and outcome is not None else None,
                                    upto)
            lines.append(f"- {line[:-1] + instead(forecast) + '.' if outcome is None else line}")
            continue
        forecast, outcome = group[0]
        outlets = [f.publication_outlet for f, _ in group]
        if len({(f.value, f.low, f.high, f.qualifier) for f, _ in group}) == 1 and all(outlets) \
                and len(set(outlets)) == len(outlets):
            # one statement relayed by several outlets (the SP2C's words in the Journal du dimanche, taken up by
            # Génération NT and Freenews): one forecast, each outlet linked to its row
            relays = formatting.enumeration([cite(f, md_escape(f.publication_outlet)) for f, _ in group])
            said = (f"{forecast_noun(forecast)} {of_source(forecast)} publiée avec l’édition {forecast.edition} pour "
                    f"{md_escape(for_period(forecast.period))}, d’après {relays} : {forecast_cited(forecast)}")
            if outcome is None:
                lines.append(f"- {said} ; {_not_yet_done(forecast, years_done(forecast), upto)}{instead(forecast)}.")
            else:
                done = _realised(outcome, forecast)
                lines.append(f"- {said} ; réalisé : {done}, "
                             f"{verdict_words(forecast_verdict(forecast, outcome), forecast)}.")
            continue
        lead = (f"{forecast_noun(forecast, len(group))} "
                f"{of_source(forecast)} publiées avec l’édition {forecast.edition} pour "
                f"{md_escape(for_period(forecast.period))}")

        def item(f: Figure) -> str:
            return forecast_cited(f) + (f", d’après {md_escape(f.publication_outlet)}" if f.publication_outlet else "")

        if outcome is None:
            items = " ; ".join(item(f) for f, _ in group)
            lines.append(f"- {lead} : {items} ; {_not_yet_done(forecast, years_done(forecast), upto)}"
                         f"{instead(forecast)}.")
            continue
        done = _realised(outcome, forecast)
        verdicts = [verdict_words(forecast_verdict(f, o), f) for f, o in group]
        if len(set(verdicts)) == 1:
            items = " ; ".join(item(f) for f, _ in group)
            lines.append(f"- {lead} : {items}. Réalisé {when_done(outcome)} : {done}, {_plural_verdict(verdicts[0])}.")
        else:
            items = " ; ".join(f"{item(f)}, {v}" for (f, _), v in zip(group, verdicts, strict=True))
            lines.append(f"- {lead}, face au chiffre réalisé, {done} : {items}.")
    return lines


def _open_forecasts_line(forecasts: list[Figure], years_done: Callable[[Figure], Sequence[Figure]],
                         instead: Callable[[Figure], str], upto: int | None = None) -> str:
    """« Trois prévisions d'emplois supprimés : 6 000 à 7 000 emplois pour 2013-2014 (Laurent Uberti, édition 2012,
    d'après e-marketing.fr) ; … ; 4 000 emplois pour 2014 (SP2C, édition 2012, d'après Europe 1 et Freenews).
    Réalisé en 2013 : 4 000 emplois ; aucune édition ne publie le chiffre de 2014 ; … » Forecasts of one measure
    that no edition has yet settled, each with its period, speaker, edition and outlets (one statement relayed by
    several outlets is one forecast), then what the editions publish of their years, once."""
    statements: dict[tuple, list[Figure]] = {}
    for f in forecasts:
        statements.setdefault((f.edition, f.period, f.source_name, f.value, f.low, f.high, f.qualifier), []).append(f)
    items = []
    for same in statements.values():
        f = same[0]
        who = "le baromètre" if f.source_type == "barometer" else md_escape(re.sub(r"\s*\([^()]*\)\s*$", "", f.source_name))
        outlets = [g.publication_outlet for g in same if g.publication_outlet]
        relays = (", d’après " + formatting.enumeration([cite(g, md_escape(g.publication_outlet)) for g in same
                                                          if g.publication_outlet])) if outlets else ""
        items.append(f"{forecast_cited(f)} pour {md_escape(for_period(f.period))} ({who}, édition {f.edition}{relays})")
    first = forecasts[0]
    done = {f.anchor: f for forecast in forecasts for f in years_done(forecast)}
    years = sorted({y for f in forecasts for y in _span_years(f.period)})
    missing = [str(y) for y in years if str(y) not in {f.period for f in done.values()}]
    parts = [f"réalisé en {formatting.period_text(f.period)} : {cite_earlier(f, with_noun=True)}"
             + ("" if f.from_older_edition else f" (édition {f.edition})")
             for f in sorted(done.values(), key=lambda f: f.period)]
    if not done:
        spans = all("-" in str(f.period) for f in forecasts)
        parts.append(_unpublished("le chiffre réalisé" + (" sur toute la période" if spans else ""), upto, years[-1]))
    elif missing:
        parts.append(_unpublished(f"le chiffre de {formatting.enumeration(missing)}", upto, int(missing[-1])))
    related = "".join(dict.fromkeys(instead(f) for f in forecasts))
    outcome = " ; ".join(parts)
    return (f"- {forecast_noun(first, len(statements))} : {' ; '.join(items)}. "
            f"{upper_first(outcome)}{related}.")


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
