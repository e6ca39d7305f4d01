"""Themes of the article that carry no figure, told from quoted rows (``data/quotes/<edition>.csv``).

Each theme is a paragraph built from the rows of the edition that carry it, found by their
``quote_id``: when an edition has none of a theme's rows, the paragraph is left out whole, and
a sentence is written only when the row it quotes is there. The words around a quote say no
more than the quote does; who said it comes from ``data/sources.csv`` (the article's own words
are attributed to the article and its author, never to an interviewee).

The chapters call ``paragraph(ds, edition, name)``; ``QUOTE_IDS`` lists the rows the themes
use, so that a chapter's list of quotes does not repeat them.
"""

from __future__ import annotations

import re

from barometre import formatting
from barometre.data import Dataset, Quote
from barometre.narrative import md_escape, mentions, quote_body, trimmed
from barometre.narrative.templating import phrase, render

JOURNALIST = "journalist"

SINCE = "book/themes/since.md.j2"  # « Depuis l'article »


def _words(q: Quote) -> str:
    """« the excerpt », a quote inside it in the inner marks French typography uses (« … “malsain” … »)."""
    # without a connective pointing to words not quoted (« Ainsi, », editor43; ``narrative.trimmed``)
    body = re.sub(r"«[\s\u00a0\u202f]*([^«»]*?)[\s\u00a0\u202f]*»", "“\\1”", quote_body(trimmed(q.quote)))
    return f"«\u00a0{md_escape(body)}\u00a0»"


def _who(ds: Dataset, q: Quote, *, again: bool = False) -> str:
    """The mention of who said it: the article's own words are the article's (« l’article de Claire Morel » at the
    page's first mention, « l’article » after, or when named just before), else the person's (« Michel Guido
    (directeur …) » at the page's first mention; ``narrative.mentions``)."""
    src = ds.sources[q.source]
    if src.type == JOURNALIST:
        return "l’article" if again else mentions.article(src.name)
    return mentions.person(src.name, src.role)


def _said(ds: Dataset, q: Quote | None, *, again: bool = False) -> dict | None:
    """A quote as a theme's template reads it: its words and who said them (None without the row)."""
    return None if q is None else {"words": _words(q), "who": _who(ds, q, again=again)}


def _render(name: str, **context) -> str:
    return render(f"book/themes/{name}.md.j2", **context)


def reverse_auctions(ds: Dataset, edition: int) -> str:
    """The price war's mechanism: the reverse auctions a client runs, the price fall a source ties to them,
    and the head of the Mission nationale calling them inadmissible."""
    guido = ds.quote("guido_reverse_auctions", edition)
    law = ds.quote("guido_law", edition)
    fall = ds.known("service_price_change_since_2000", edition)
    if fall is not None and not (fall.published and "enchères inversées" in fall.quote):
        fall = None  # the fall is told only when its source ties it to the auctions
    hour = ds.known("production_hour_price_change_since_2000", edition) if fall is not None else None
    return _render("reverse_auctions", control=_said(ds, ds.quote("article_clients_control_auctions", edition)),
                   guido=_said(ds, guido), law=_said(ds, law if guido is not None and law is not None
                                                     and law.source == guido.source else None),
                   fall=fall, outlet=getattr(ds.sources.get(fall.source), "publication_outlet", "") or ""
                   if fall is not None else "", hour=hour if hour is not None and hour.published else None)


def ile_de_france_losses(ds: Dataset, edition: int) -> str:
    """The order in which Île-de-France lost jobs: to offshore first, then to the province."""
    return _render("ile_de_france_losses", first=_said(ds, ds.quote("article_idf_first_decline", edition)),
                   order=_said(ds, ds.quote("begoc_idf_decline_order", edition)))


def subsidies(ds: Dataset, edition: int) -> str:
    """Régnier's point: destroying jobs in France for offshore while drawing French subsidies."""
    q = ds.quote("regnier_subsidies", edition)
    return _render("subsidies", q=_said(ds, q)) if q is not None else ""


def inhouse_centres(ds: Dataset, edition: int) -> str:
    """Takeovers of clients' in-house centres, and retirements emptying in-house posts."""
    takeovers = ds.quote("article_inhouse_takeovers", edition)
    retirements = ds.quote("article_baby_boomers", edition)
    again = takeovers is not None and retirements is not None and takeovers.source == retirements.source
    return _render("inhouse_centres", takeovers=_said(ds, takeovers), retirements=_said(ds, retirements, again=again))


THEMES = {
    "reverse_auctions": reverse_auctions,
    "ile_de_france_losses": ile_de_france_losses,
    "subsidies": subsidies,
    "inhouse_centres": inhouse_centres,
}
QUOTE_IDS = frozenset({
    "guido_reverse_auctions", "guido_law", "article_clients_control_auctions", "article_idf_first_decline",
    "begoc_idf_decline_order", "regnier_subsidies", "article_inhouse_takeovers", "article_baby_boomers",
})


def paragraph(ds: Dataset, edition: int, name: str) -> str:
    """The theme's paragraph in the edition ('' when the edition has none of its rows)."""
    return THEMES[name](ds, edition)


def unused_quotes(ds: Dataset, edition: int, chapter: str) -> list[Quote]:
    """The chapter's quotes that no theme tells (the chapter lists them as the voices of the debate)."""
    return [q for q in ds.quotes(edition, chapter) if q.quote_id not in QUOTE_IDS]


# --------------------------------------------------------------------------- since the article

ARTICLE_SOURCE = "claire_morel"  # the 2009 article the book rebuilds (its author's row in data/sources.csv)


def article_edition(ds: Dataset) -> int | None:
    """The edition whose data the article reports (2008): the latest edition before the article's year of
    publication (read from data/sources.csv, so that a chapter needs no declared citations: which sources each
    edition cites changes with the order of the rows, and so would the chapter's cache key)."""
    src = ds.sources.get(ARTICLE_SOURCE)
    if src is None or not src.publication_year:
        return None
    return max((e for e in ds.editions if e < src.publication_year), default=None)


# The figures each chapter's « Depuis l'article » gives for an edition, before its quote: (indicator, scopes; None for
# every scope). Each is of the chapter's own family (``data/indicators.csv``), so the chapter reads no other data.
# A measure in ``ANY_YEAR`` is told whatever its period: a point of comparison the edition publishes with its own
# (2017 sets the sector's 2 460 M€ against the Top 50's 719 M€ of 2000, the antecedent of « le marché a quadruplé »).
# The editor (editor37) found the 2024 book told 2012-2019 in bare quotes, without the phone's 86 %, the
# Hauts-de-France, the takeovers of in-house centres or the apprenticeship's +52 %.
SINCE_FACTS: dict[str, tuple[tuple[str, tuple[str, ...] | None], ...]] = {
    "resilience": (("revenue_growth", ("market", "france")), ("market_revenue", ("market",)),
                   ("disposals_growth_share", None), ("top50_cumulative_revenue", None)),
    "offshore": (("france_revenue_share", ("market",)), ("france_staff_share_by_region", None),
                 ("france_positions_share_by_region", None)),
    "prices": (("top5_sectors_revenue_share", None), ("phone_revenue_share", None),
               ("digital_channels_revenue_share", None), ("channel_activity_growth", None)),
    "value": (("adviser_salary_gross", ("market",)), ("reported_salary_gross", None),
              ("salary_above_collective_minimum", None), ("activity_revenue_growth", None)),
    "partnership": (("staff", ("france",)), ("staff_growth", ("france",)), ("apprenticeship_growth", None),
                    ("staff_over_35_share", ("france",)), ("staff_by_diploma_growth", None)),
}


ANY_YEAR = frozenset({"top50_cumulative_revenue"})


def edition_figures(ds: Dataset, edition: int, chapter: str) -> list[tuple[str, list]]:
    """The chapter's figures of ``edition`` for its own year (``SINCE_FACTS``; any year for ``ANY_YEAR``), by
    measure, in the table's order of scopes: [(indicator, [Figure, …]), …]."""
    out = []
    for indicator, scopes in SINCE_FACTS.get(chapter, ()):
        if indicator not in ds.indicators:
            continue
        figs = [f for f in ds.figures(edition, indicator) if f.edition == edition and f.published
                and not f.secondary and (f.period == str(edition) or indicator in ANY_YEAR)
                and (scopes is None or f.scope in scopes)]
        if scopes is not None:
            figs.sort(key=lambda f: scopes.index(f.scope))
        if figs:
            out.append((indicator, figs))
    return out


def edition_facts(ds: Dataset, edition: int, chapter: str) -> str:
    """The chapter's figures of ``edition`` for its own year (``SINCE_FACTS``), one sentence a measure:
    « Croissance du chiffre d'affaires en 2012 : +1 % (ensemble du marché), −2,8 % (France). » '' when the
    edition publishes none of them (``templates/book/themes/since.md.j2``, macro ``facts``)."""
    from barometre.labels import scope_label
    from barometre.narrative import cite

    measures = []
    for indicator, figs in edition_figures(ds, edition, chapter):
        signed = figs[0].unit == "percent_change"
        scoped = len(figs) > 1 or figs[0].scope != "market"
        measures.append({
            "label": ds.indicators[indicator].label_fr,
            "year": formatting.period_text(figs[0].period) if indicator in ANY_YEAR else str(edition),
            "figures": [{"shown": cite(f, formatting.figure_text(f, signed=signed)),
                         "scope": scope_label(f.scope) if scoped else None} for f in figs]})
    return phrase(SINCE, "facts", measures) if measures else ""


def _breaks_since(ds: Dataset, told: dict, edition: int, chapter: str) -> list[str]:
    """The reasons of the explicit series breaks (``data/breaks.csv``) between a measure's figure told for an
    earlier edition of the list (``told``: (indicator, scope) → Figure) and its figure of ``edition``
    (editor38: 2 460 M€ in 2017, 2 940 M€ in 2019 read as one run across the 2018 widening of the panel). A
    change of study alone is said by the study's own note."""
    reasons: list[str] = []
    for indicator, figs in edition_figures(ds, edition, chapter):
        for f in figs:
            before = told.get((indicator, f.scope))
            found = ds.break_between(before, f) if before is not None else None
            if found is not None and found.reason and found.reason not in reasons:
                reasons.append(found.reason)
    return reasons


def since_article(ds: Dataset, edition: int, chapter: str) -> str:
    """« Depuis l'article » (MyST Markdown): each edition between the article's and ``edition``, oldest first, by
    its figures on the chapter's theme (``edition_facts``) and its first quote for the chapter
    (``data/quotes/<edition>.csv``, in the file's order: the analyst puts an edition's headline quote first):
    « Croissance du chiffre d'affaires en 2012 : +1 % (ensemble du marché), −2,8 % (France). « Cette inversion
    de tendance … est historique » — Laurent Uberti ». The 2024 book went from the 2009 article to 2024 with
    nothing of the editions between (editor, stop 33), then with bare quotes (editor37). '' in the article's
    own book and before, and when no edition between has a figure or a quote on the theme; a quote a theme of
    the chapter already tells is not repeated."""
    first = article_edition(ds)
    src = ds.sources.get(ARTICLE_SOURCE)
    if first is None or src is None or edition <= first:
        return ""
    from barometre.history import study_name

    entries = []
    told: dict = {}  # (indicator, scope) → the figure last told, to find the breaks between two editions' figures
    study = ds.study_of(first)
    for e in ds.editions:
        if not first < e < edition:
            continue
        facts = edition_facts(ds, e, chapter)
        said = [q for q in ds.quotes(e, chapter) if q.edition == e and q.quote_id not in QUOTE_IDS]
        if not (facts or said):
            continue
        # a change of study is said where it happens (editor38: 2 260 → 2 360 M€ and 77 → 66 % read across the
        # change from BearingPoint to EY with no warning), with the edition it took over at when it is not this one
        # (editor39: « Édition 2019. L'étude d'EY prend le relais » in a chapter with no 2016 figure)
        now = ds.study_of(e)
        new_study = bool(facts) and now is not None and study is not None and now.study != study.study
        if facts:
            study = now or study
        entries.append({
            "edition": e, "facts": facts,
            "study": {"name": study_name(now), "since": now.first_edition if now.first_edition < e else None}
            if new_study else None,
            "reasons": [] if new_study else _breaks_since(ds, told, e, chapter),
            "said": {"words": _words(said[0]), "speaker": _speaker(ds, said[0])} if said else None})
        if facts:
            for indicator, figs in edition_figures(ds, e, chapter):
                told.update({(indicator, f.scope): f for f in figs})
    if not entries:
        return ""
    return phrase(SINCE, "since", src.publication_year or first + 1, entries)


def _speaker(ds: Dataset, q: Quote) -> str:
    """Who said it, short: « Laurent Uberti (président du SP2C) », « le baromètre, d'après Relation Client Infos »
    (a study's own words, not its full name and data year again)."""
    src = ds.sources[q.source]
    if src.type == "barometer":
        outlet = src.publication_outlet
        return "le baromètre" + (f", d’après {md_escape(outlet)}" if outlet else "")
    return _who(ds, q)
