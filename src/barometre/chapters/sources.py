"""The sources annex: every figure with its quote and source, generated from data.

Each figure gets a MyST target (its ``Figure.anchor``) so that every number of
the prose links to its entry here."""

from __future__ import annotations

from barometre import formatting
from barometre.data import Dataset, Figure
from barometre.labels import SCOPE_LABELS, scope_label  # noqa: F401 - re-exported for older callers
from barometre.narrative import excerpt, md_escape, publication_text, quotes_anchor

SOURCE_TYPES_FR = {
    "barometer": "baromètre",
    "interview": "propos recueillis",
    "journalist": "article",
    "official_statistic": "statistique officielle",
    "reference": "référentiel",
    "ranking": "classement",
}


def figure_entry(fig: Figure, revised_by: Figure | None = None, revises: Figure | None = None,
                 other: Figure | None = None) -> str:
    """One annex entry (MyST): target, label and value, then the excerpt and the source.

    The analyst's working notes stay in the data and are not shown. A revised figure names the
    edition that revised it, and a second source of the same figure is said to disagree."""
    lines = [
        f"({fig.anchor})=",
        f"**{md_escape(fig.label)}** : {md_escape(formatting.figure_text(fig))} — "
        f"périmètre : {md_escape(scope_label(fig.scope))} ; période : {md_escape(formatting.period_text(fig.period))} ; "
        f"édition {fig.edition}\\",
    ]
    if fig.quote_type == "summary":
        lines.append(f"Résumé de presse : {md_escape(fig.quote)} — {md_escape(fig.attribution)}\\")
    else:
        lines.append(f"«\u00a0{md_escape(excerpt(fig.quote))}\u00a0» — {md_escape(fig.attribution)}\\")
    # the row of the data file the figure comes from (its indicator is named by its French label above)
    detail = f"Ligne {fig.row} de {md_escape(fig.file)}"
    if revised_by is not None:
        detail += (f". Révisé dans l'édition {revised_by.edition} : "
                   f"{md_escape(formatting.figure_text(revised_by))}")
    if revises is not None:
        detail += (f". Révise le chiffre de l'édition {revises.edition} : "
                   f"{md_escape(formatting.figure_text(revises))}")
    if other is not None:
        detail += (f". Une autre source de la même édition donne "
                   f"{md_escape(formatting.figure_text(other))} ({md_escape(other.source_name)})")
    lines.append(f"*{detail}*")
    return "\n".join(lines)


def annex_markdown(ds: Dataset, edition: int) -> str:
    """Every figure of every edition up to ``edition``, the current edition first; revised figures
    and disagreeing sources show both values."""
    later = {(a.anchor): b for a, b in ds.revisions(edition)}
    earlier = {(b.anchor): a for a, b in ds.revisions(edition)}
    others: dict[str, Figure] = {}
    for a, b in ds.disagreements(edition):
        others.setdefault(a.anchor, b)
        others.setdefault(b.anchor, a)
    parts = []
    for ed in sorted((e for e in ds.editions if e <= edition), reverse=True):
        parts.append(f"## Édition {ed}")
        figs = sorted(ds.figures(ed), key=lambda f: (f.label, f.scope, f.period, f.row))
        parts.extend(figure_entry(f, later.get(f.anchor), earlier.get(f.anchor), others.get(f.anchor))
                     for f in figs)
        quotes = ds.quotes(ed)
        if quotes:
            parts.append(f"({quotes_anchor(ed)})=\n### Citations de l'édition {ed}")
            parts.append(
                "\n".join(
                    (f"- Résumé de presse : {md_escape(q.quote)} — {md_escape(q.attribution)}"
                     if getattr(q, "quote_type", "verbatim") == "summary"
                     else f"- «\u00a0{md_escape(excerpt(q.quote))}\u00a0» — {md_escape(q.attribution)}")
                    # after a comma: « Laurent Uberti (président du SP2C), ligne 2 de … », never « …) (ligne 2 … »
                    + f", *ligne {q.row} de {md_escape(q.file)}*"
                    for q in quotes
                )
            )
    return "\n\n".join(parts)


def sources_list(ds: Dataset) -> str:
    """The sources (MyST Markdown), grouped by the publication that reports them.

    A list rather than a table: it wraps on a phone and on the printed page alike."""
    groups: dict[str, list[str]] = {}
    for s in ds.sources_frame().itertuples():
        kind = SOURCE_TYPES_FR.get(s.type, s.type)
        role = f", {md_escape(s.role)}" if s.role else ""
        item = f"**{md_escape(s.name)}**{role} ({kind})"
        if s.publication_title and s.type in ("barometer", "interview", "journalist", "ranking"):
            year = "" if s.publication_year != s.publication_year else int(s.publication_year)  # NaN check
            date = getattr(s, "publication_date", "") or ""
            pub = publication_text({"author": s.publication_author, "title": s.publication_title,
                                    "outlet": s.publication_outlet, "date": date, "year": year})
            url = getattr(s, "url", "") or ""
            if url.startswith(("https://", "http://")) and not any(c in url for c in "()<> "):
                pub += f" ([en ligne]({url}))"  # a link, not a long address that overflows a printed line
        else:
            pub = ""
        groups.setdefault(pub, []).append(item)
    parts = []
    for pub, items in groups.items():
        if pub:
            parts.append(f"- {pub} : " + " ; ".join(items))
        else:
            parts.extend(f"- {i}" for i in items)
    return "\n".join(parts)


def _reference(s, *, with_role: bool = False) -> str:
    """One publication as a reference: author, « title », *outlet*, issue and pages (or that the
    data do not give them), date, link."""
    year = "" if s.publication_year != s.publication_year or s.publication_year is None else int(s.publication_year)
    text = publication_text({"author": s.publication_author, "title": s.publication_title,
                             "outlet": s.publication_outlet, "date": getattr(s, "publication_date", "") or "",
                             "year": year})
    issue, pages = (getattr(s, "publication_issue", "") or ""), (getattr(s, "publication_pages", "") or "")
    if issue or pages:
        text += ", " + ", ".join(md_escape(v) for v in (issue, pages) if v)
    url = getattr(s, "url", "") or ""
    if url.startswith(("https://", "http://")) and not any(c in url for c in "()<> "):
        text += f" ([en ligne]({url}))"
    return text


def references_markdown(ds: Dataset, edition: int) -> str:
    """The references (MyST Markdown): the source article, then, edition by edition, the study
    (its title and publisher, as the data name them) and the publications that report it."""
    frame = ds.sources_frame()
    if frame.empty:
        return ""
    parts = []
    article = next((s for s in frame.itertuples() if s.type == "journalist"), None)
    if article is not None:
        ref = _reference(article)
        if not (getattr(article, "publication_issue", "") or getattr(article, "publication_pages", "")):
            ref += " ; numéro et pages de l’édition imprimée : non connus (la version en ligne ne les donne pas)"
        parts.append(f"**Article de référence.** {ref}.")
    items = []
    rows = {s.source: s for s in frame.itertuples()}
    for ed in sorted(e for e in ds.editions if e <= edition):
        cited = {f.source for f in ds.figures(ed) if f.source in rows}
        studies: dict[str, list] = {}
        for src in sorted(cited):
            s = rows[src]
            if s.type == "barometer":
                studies.setdefault(s.name, []).append(s)
        for name, reporting in studies.items():
            publisher = reporting[0].organisation
            refs = list(dict.fromkeys(_reference(s) for s in reporting))
            items.append(f"- Édition {ed} : *{md_escape(name)}*" + (f", {md_escape(publisher)}" if publisher else "")
                         + " ; chiffres d’après " + " ; ".join(refs) + ".")
    if items:
        parts.append("**Le baromètre, édition par édition** (titre et éditeur de l’étude, publications qui en "
                     "donnent les chiffres) :\n\n" + "\n".join(items))
    return "\n\n".join(parts)
