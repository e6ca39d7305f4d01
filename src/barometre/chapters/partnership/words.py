"""The chapter's names and the words its sections share: a change in words, what a person
reported and when, the staff today, an event's quote."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from barometre import periods
from barometre.data import Dataset, Figure
from barometre.narrative import Said, mentions, quote
from barometre.narrative.templating import phrase, render

CHAPTER = "partnership"
TEMPLATES = f"chapters/{CHAPTER}"  # the chapter's templates (src/barometre/templates/chapters/partnership/)
PHRASES = f"{TEMPLATES}/_phrases.md.j2"  # the pieces of sentences its texts share
CHARTS = f"{TEMPLATES}/charts.md.j2"  # the charts' descriptions
AGREEMENT_EVENT_KINDS = ("agreement", "conference")
AGREEMENT_LABEL = "Durée de l'accord-cadre"
OTHER_LABEL = "Hypothèses du livre"
EUR_PER_MILLION = 1_000_000  # unit conversion of the eur_million unit

# indicator -> (row label, label of the share, label of its complement)
WORKFORCE = {
    "permanent_contract_share": ("Contrats", "CDI", "Autres contrats"),
    "full_time_share": ("Temps de travail", "Temps plein", "Temps partiel"),
    "part_time_share": ("Temps de travail", "Temps partiel", "Temps plein"),
    "bac2_plus_share": ("Niveau d'études", "Bac + 2 et plus", "En deçà du bac + 2"),
    "graduate_share": ("Niveau d'études", "Bac + 1 et plus", "En deçà du bac + 1"),
}


# --------------------------------------------------------------------------- words


def change_text(fig: Figure) -> str:
    """« en hausse de 15 % entre 2007 et 2008 », « en baisse de 4 % en 2009 »: the direction from the sign."""
    return phrase(PHRASES, "change", fig)


def reported(ds: Dataset, source: str, edition: int) -> int | None:
    """The newest edition up to ``edition`` that cites ``source`` (None: the book does not present this person)."""
    return ds.cited_sources(edition).get(source)


@dataclass(frozen=True)
class Today:
    """Who the sector employs, from the latest edition up to the book's that gives the SP2C members' staff or the
    advisers' share (the 2024 edition's figures were only in its table, editor stop 33): those of the latest year,
    the share's own base from the same source (the members' staff in France, else the sector's), and who gave the
    share when a person did."""

    year: int
    past: bool  # every figure is an older edition's: told in the past
    members: Figure | None
    advisers: Figure | None
    base: Figure | None
    by: str  # the person who gave the share ('' for a study's)


def today(ds: Dataset, edition: int) -> Today | None:
    members = ds.known("member_staff", edition, scope="market")
    advisers = ds.known("advisers_share", edition, scope="france")
    latest = [f for f in (members, advisers) if f is not None and f.published]
    if not latest:
        return None
    year = max(periods.end(f.period) for f in latest)
    latest = [f for f in latest if periods.end(f.period) == year]
    members = next((f for f in latest if f.indicator == "member_staff"), None)
    advisers = next((f for f in latest if f.indicator == "advisers_share"), None)
    base = None
    if advisers is not None:
        # the share's own base, from the same source: the SP2C members' staff in France (2019: 84 % of 33 000) before
        # the sector's (2024: 80 % of 55 000); without one, the share alone
        base = next((f for f in (ds.known("member_staff", edition, scope="france", period=advisers.period),
                                 ds.known("staff", edition, scope="france", period=advisers.period))
                     if f is not None and f.published and f.source == advisers.source), None)
    return Today(year=int(year), past=all(f.from_older_edition for f in latest), members=members, advisers=advisers,
                 base=base, by=ds.sources[advisers.source].name
                 if advisers is not None and advisers.source_type == "interview" else "")


def today_of(t: Today | None) -> str:
    return render(f"{TEMPLATES}/today.md.j2", t=t) if t is not None else ""


def staff_today_text(ds: Dataset, edition: int) -> str:
    """« En 2024, les adhérents du SP2C emploient environ 100 000 personnes, en France et à l’étranger ; en France, le
    secteur compte 55 000 postes, dont 80 % de conseillers clients. » (``today.md.j2``; '' when no edition says it)."""
    return today_of(today(ds, edition))


def words_year(ds: Dataset, source: str, cited_in: int, edition: int) -> int | None:
    """The year words an older edition reported date from (their publication's, else that edition's), ``None`` for
    the edition's own words: a later book tells them in the past, dated, with no edition note."""
    if cited_in == edition:
        return None
    src = ds.sources.get(source)
    return src.publication_year if src is not None and src.publication_year else cited_in


def event_quote(ds: Dataset, event: pd.Series, *, attribution: bool = True) -> str:
    """The quote of an event row (events/<edition>.csv), attributed to its source."""
    src = ds.sources[event["source"]]
    return quote(Said(event["quote"], mentions.person(src.name, src.role)), attribution=attribution)
