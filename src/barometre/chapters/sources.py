"""The sources annex: every figure with its quote and source, generated from data.

Each figure gets a MyST target (its ``Figure.anchor``) so that every number of
the prose links to its entry here."""

from __future__ import annotations

from barometre import formatting
from barometre.data import Dataset, Figure
from barometre.labels import SCOPE_LABELS, scope_label  # noqa: F401 - re-exported for older callers
from barometre.narrative import md_escape

SOURCE_TYPES_FR = {
    "barometer": "baromètre",
    "interview": "propos recueillis",
    "journalist": "article",
    "official_statistic": "statistique officielle",
    "reference": "référentiel",
}


def figure_entry(fig: Figure) -> str:
    """One annex entry (MyST): target, label and value, then the quote and the source."""
    lines = [
        f"({fig.anchor})=",
        f"**{md_escape(fig.label)}** : {md_escape(formatting.figure_text(fig))} — "
        f"périmètre : {md_escape(scope_label(fig.scope))} ; période : {md_escape(formatting.period_text(fig.period))} ; "
        f"édition {fig.edition}\\",
        f"«\u00a0{md_escape(fig.quote)}\u00a0» — {md_escape(fig.attribution)}\\",
    ]
    detail = f"Ligne {fig.row} de {md_escape(fig.file)}, indicateur {md_escape(fig.indicator)}"
    if fig.note:
        detail += f". Note : {md_escape(fig.note)}"
    lines.append(f"*{detail}*")
    return "\n".join(lines)


def annex_markdown(ds: Dataset, edition: int) -> str:
    """Every figure of every edition up to ``edition``, the current edition first."""
    parts = []
    for ed in sorted((e for e in ds.editions if e <= edition), reverse=True):
        parts.append(f"## Édition {ed}")
        figs = sorted(ds.figures(ed), key=lambda f: (f.label, f.scope, f.period))
        parts.extend(figure_entry(f) for f in figs)
        quotes = ds.quotes(ed)
        if quotes:
            parts.append(f"### Citations de l'édition {ed}")
            parts.append(
                "\n".join(
                    f"- «\u00a0{md_escape(q.quote)}\u00a0» — {md_escape(q.attribution)} "
                    f"*(ligne {q.row} de {md_escape(q.file)})*"
                    for q in quotes
                )
            )
    return "\n\n".join(parts)


def sources_list(ds: Dataset) -> str:
    """The sources (MyST Markdown): one item per source, then where their words were published.

    A list rather than a table: it wraps on a phone and on the printed page alike."""
    items, publications = [], {}
    for s in ds.sources_frame().itertuples():
        kind = SOURCE_TYPES_FR.get(s.type, s.type)
        role = f", {md_escape(s.role)}" if s.role else ""
        items.append(f"- **{md_escape(s.name)}**{role} ({kind})")
        if s.publication_title and s.type in ("barometer", "interview", "journalist"):
            year = "" if s.publication_year != s.publication_year else f", {int(s.publication_year)}"  # NaN check
            key = (
                f"« {md_escape(s.publication_title)} », *{md_escape(s.publication_outlet)}*, "
                f"{md_escape(s.publication_author)}{year}"
            )
            publications.setdefault(key, 0)
            publications[key] += 1
    text = "\n".join(items)
    for publication, count in publications.items():
        text += f"\n\nLes chiffres et propos de ces {count} sources sont cités d'après {publication}."
    return text
