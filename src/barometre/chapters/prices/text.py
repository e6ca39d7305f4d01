"""The chapter's text, rendered from its facts by the templates of ``src/barometre/templates/chapters/prices/``: one
function a template, each reading ``PricesFacts`` and computing nothing the facts hold."""

from __future__ import annotations

from barometre import formatting
from barometre.chapters.prices.clients import telecom_text
from barometre.chapters.prices.common import CHAPTER, currency_text
from barometre.chapters.prices.concentration import hhi_text, members_text
from barometre.chapters.prices.facts import OwnKey, PricesFacts
from barometre.chapters.prices.smic import LATER_PRICES_LABEL
from barometre.narrative import ChapterSummary, cite, cite_in, md_escape, not_in_edition, quote
from barometre.narrative.templating import phrase, render

TEMPLATES = f"chapters/{CHAPTER}"
NO_FIGURE_LABEL = "Prix et coûts"  # the synthesis page's label when no edition publishes the chapter's figures
NO_FIGURE = "aucun chiffre publié"  # and its « figure »
ADMONITION = ":::{admonition} Vérification"  # the claim's check, in a box


def _render(name: str, **context) -> str:
    return render(f"{TEMPLATES}/{name}.md.j2", **context)


def personnel_text(f: PricesFacts) -> str:
    """« Le poids du personnel » ('' without either figure)."""
    return _render("personnel", personnel=f.personnel, salaries=f.salaries)


def price_text(f: PricesFacts) -> str:
    """The price of a production hour and the Smic beside it ('' without the price)."""
    return _render("price", hour=f.hour) if f.hour is not None else ""


def check_text(f: PricesFacts) -> str:
    """The claim's check against the official rates, in a « Vérification » box ('' without the claim)."""
    if f.check is None:
        return ""
    c = f.check.check
    body = _render("check", c=f.check, start_text=currency_text(c.start_value, c.start_currency))
    return f"{ADMONITION}\n{body}\n:::"


def concentration_text(f: PricesFacts) -> str:
    """« La concentration du marché »: the moves, the top ten's share, the members' share, the index's bounds."""
    c = f.concentration
    hhi = (hhi_text(c.top, c.top_n, f.params.tail_max_share, c.table, list(c.grid), c.forecast, c.leader)
           if c.hhi else "")
    return _render("concentration", moves=c.moves, top=c.top, top_n=c.top_n, members=members_text(c.members), hhi=hhi)


def minute_text(f: PricesFacts) -> str:
    """« La précision des prix à la minute » ('' without the decimals)."""
    if f.minute is None:
        return ""
    return _render("minute", m=f.minute, quoted=quote(f.minute.decimals))


def history_text(drawn: bool) -> str:
    """What the history chart draws, or that there is nothing to draw."""
    return _render("history", drawn=drawn)


def price_key(price) -> str:
    """The synthesis page's key figure of the price (``_phrases.md.j2``)."""
    return phrase(f"{TEMPLATES}/_phrases.md.j2", "price_key", price)


def takeaways_text(f: PricesFacts) -> str:
    """« À retenir »: the edition's own figure of the theme first (as in the synthesis), then each of the
    chapter's results the edition allows, and the figures no edition publishes, listed once."""
    return _render("takeaways", own=f.own, own_sentence=own_text(f.own), personnel=f.personnel, hour=f.hour, check=f.check,
                   model_line=f.model_line, cost_line=f.cost_line, top=f.concentration.top,
                   later_label=LATER_PRICES_LABEL, missing=not_in_edition(list(f.missing), f.edition))


def own_text(own: OwnKey | None) -> str:
    """The edition's own figure on the theme in words: the telecoms' share as the clients' section tells it, else the
    members' weight ('' without)."""
    if own is None:
        return ""
    return telecom_text(own.telecoms) if own.telecoms is not None else members_text(own.members)


def _first_clause(sentence: str) -> str:
    """The synthesis row keeps the edition's own figure's first clause (editor38: about 720 characters; the book's
    check of the share is in the chapter and the claims)."""
    return sentence.strip().split(" ; ")[0].rstrip(".") + "."


def summary_of(f: PricesFacts) -> ChapterSummary:
    """The chapter's key figure and takeaway for the synthesis page, from its facts: the price of a production hour,
    else the personnel cost share, else a neutral line."""
    hour = f.hour
    own = f.own if hour is not None and hour.past else None  # the edition's own figure leads, the price is history
    takeaway = _render("summary", hour=hour, personnel=f.personnel,
                       first=_first_clause(own_text(own)) if own is not None else "")
    if hour is not None:
        price, later = hour.price, hour.later
        key = price_key(price)
        if hour.past:
            key += f" entre {hour.start} et {hour.end}"
            if own is not None:
                # a price is the chapter's key figure when one is known for later years (editor37: the 2024 key
                # figure was the members' share, a measure of concentration)
                label, figure = ((LATER_PRICES_LABEL, later[0]) if later is not None else
                                 (own.figure.label, cite_in(own.figure)))
                return ChapterSummary(chapter=CHAPTER, key_label=label, key_figure=figure, takeaway=takeaway)
            if later is not None:
                return ChapterSummary(chapter=CHAPTER, key_label=LATER_PRICES_LABEL, key_figure=later[0],
                                      takeaway=takeaway)
        return ChapterSummary(chapter=CHAPTER, key_label=hour.label, key_figure=key, takeaway=takeaway)
    if f.personnel is not None:
        period = md_escape(formatting.period_text(f.personnel.period))
        return ChapterSummary(chapter=CHAPTER, key_label=f.personnel.label,
                              key_figure=f"{cite(f.personnel)} en {period}", takeaway=takeaway)
    return ChapterSummary(chapter=CHAPTER, key_label=NO_FIGURE_LABEL, key_figure=NO_FIGURE, takeaway=takeaway)
