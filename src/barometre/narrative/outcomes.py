"""A forecast set against what came, in words: the outcome and its verdict, the forecasts still open, what an
edition publishes instead (``src/barometre/templates/book/forecasts/outcomes.md.j2``). Above ``templating`` in the
package; ``forecasts``, below it, holds the verdicts and the filters the templates use."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from barometre import formatting
from barometre.data import Dataset, Figure, period_end
from barometre.narrative.citing import _span_years, cite, md_escape
from barometre.narrative.forecasts import (
    forecast_cited,
    forecast_verdict,
    named_source,
    of_source,
    verdict_words,
)
from barometre.narrative.templating import phrase

OUTCOMES = "book/forecasts/outcomes.md.j2"


def _phrase(name: str, *args) -> str:
    return phrase(OUTCOMES, name, *args)


def forecast_outcome(forecast: Figure, outcome: Figure | None, partial: Sequence[Figure] = (),
                     france: Figure | None = None, upto: int | None = None, instead: str = "") -> str:
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
    in_parens = not ("(" in forecast.source_name or forecast.source_type == "barometer")
    if outcome is None:
        return _phrase("outcome", forecast, who, in_parens, None, _not_yet_done(forecast, partial, upto), instead,
                       "", None, "")
    verdict = verdict_words(forecast_verdict(forecast, outcome), forecast)
    other = verdict_words(forecast_verdict(forecast, france), forecast) if france is not None else verdict
    return _phrase("outcome", forecast, who, in_parens, outcome, "", "", verdict,
                   france if other != verdict else None, other)


def _recent(upto: int | None, year: int) -> bool:
    """A figure the next edition may still publish: of the year before the book's edition (``upto``) or later (a
    figure older than that is not « still to come »). The choice reads only the book's edition, never the latest
    one: a book does not change when a later edition is added (``barometre.vintage``)."""
    return upto is not None and year >= upto - 1


def _unpublished(kind: str, upto: int | None, year: int, years: Sequence[str] = ()) -> str:
    """« aucune édition ne publie le chiffre réalisé », or « le chiffre réalisé n'est pas encore publié » for a recent
    figure (``_recent``); ``kind``: « outcome », « span », « total » or « years » (« le chiffre de 2014 »)."""
    return _phrase("unpublished", kind, _recent(upto, year), list(years))


def _not_yet_done(forecast: Figure, partial: Sequence[Figure] = (), upto: int | None = None) -> str:
    """« aucune édition ne publie le chiffre réalisé », « … sur toute la période » for a span (2013-2014):
    no edition gives its total. The years of the span an edition does publish are told first (« réalisé en
    2013 : 4 000 emplois (édition 2013) ; aucune édition ne publie le chiffre de 2014 »)."""
    if "-" not in str(forecast.period):
        return _unpublished("outcome", upto, period_end(forecast.period))
    if not partial:
        return _unpublished("span", upto, period_end(forecast.period))
    done = " ; ".join(_phrase("done_year", f) for f in partial)
    start, end = (int(y) for y in str(forecast.period).split("-"))
    missing = [str(y) for y in range(start, end + 1) if str(y) not in {f.period for f in partial}]
    if not missing:
        return done + " ; " + _unpublished("total", upto, end)
    return done + " ; " + _unpublished("years", upto, int(missing[-1]), missing)


RELATED_WORDS = {"staff_growth": "l’emploi en France"}


def related_text(figs: Sequence[Figure]) -> str:
    """« ; l'édition 2014 publie seulement un recul de l'emploi en France de 2,2 % en 2014 »: what an edition gives
    instead of a forecast's measure ('' when nothing)."""
    return "".join(
        # « l'édition 2014 publie » names it: no note after the figure
        " ; " + _phrase("related", replace(f, as_of=f.edition),
                RELATED_WORDS.get(f.indicator, md_escape(formatting.in_sentence(f.label))))
        for f in figs)


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
    upto = edition
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
            pending = _not_yet_done(forecast, years_done(forecast), upto) if outcome is None else ""
            lines.append(_phrase("relayed", forecast, of_source(forecast),
                                 [cite(f, md_escape(f.publication_outlet)) for f, _ in group], outcome, pending,
                                 instead(forecast) if outcome is None else "",
                                 "" if outcome is None else verdict_words(forecast_verdict(forecast, outcome), forecast)))
            continue
        items = [forecast_cited(f) + (f", d’après {md_escape(f.publication_outlet)}" if f.publication_outlet else "")
                 for f, _ in group]
        pending = _not_yet_done(forecast, years_done(forecast), upto) if outcome is None else ""
        lines.append(_phrase("group", forecast, len(group), of_source(forecast), items, outcome, pending,
                             instead(forecast) if outcome is None else "",
                             [] if outcome is None else [verdict_words(forecast_verdict(f, o), f) for f, o in group]))
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
    told = []
    for same in statements.values():
        f = same[0]
        who = "le baromètre" if f.source_type == "barometer" else md_escape(re.sub(r"\s*\([^()]*\)\s*$", "", f.source_name))
        told.append({"forecast": f, "who": who,
                     "relays": [cite(g, md_escape(g.publication_outlet)) for g in same if g.publication_outlet]})
    done = {f.anchor: f for forecast in forecasts for f in years_done(forecast)}
    years = sorted({y for f in forecasts for y in _span_years(f.period)})
    missing = [str(y) for y in years if str(y) not in {f.period for f in done.values()}]
    parts = [_phrase("done_year", f) for f in sorted(done.values(), key=lambda f: f.period)]
    if not done:
        spans = all("-" in str(f.period) for f in forecasts)
        parts.append(_unpublished("span" if spans else "outcome", upto, years[-1]))
    elif missing:
        parts.append(_unpublished("years", upto, int(missing[-1]), missing))
    related = "".join(dict.fromkeys(instead(f) for f in forecasts))
    return _phrase("open", forecasts[0], len(statements), told, parts, related)
