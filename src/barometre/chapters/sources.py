"""The sources annex: every figure with its quote and source, generated from data.

Each figure gets a MyST target (its ``Figure.anchor``) so that every number of
the prose links to its entry here.

The web page and the PDF show it differently (``annex_markdown``): the web lists every figure with its
data file and line, the PDF groups the excerpts by publication, each excerpt once with the figures it gives,
and prints no file or line (``print_annex_markdown``); a number of the PDF links to its excerpt."""

from __future__ import annotations

from barometre import formatting
from barometre.data import Dataset, Figure
from barometre.labels import PRESS_SUMMARY, SCOPE_LABELS, scope_label, with_scope  # noqa: F401 - re-exported for older callers
from barometre.narrative import (
    excerpt,
    md_escape,
    of,
    publication_text,
    quotes_anchor,
)
from barometre.narrative.templating import phrase
from barometre.prose import only_in, print_anchors
from barometre.typography import bind_numbers, inner_quotes, quote_typography

ANNEX = "book/annex/sources.md.j2"  # the annex's words

SOURCE_TYPES_FR = {
    "barometer": "baromètre",
    "interview": "propos recueillis",
    "journalist": "article",
    "official_statistic": "statistique officielle",
    "reference": "référentiel",
    "ranking": "classement",
}


def typeset(quote: str) -> str:
    """A source's excerpt as the annex prints it, web and PDF alike: its words, in the book's typography
    (« 35 % », « −19 % », numbers bound to their units: ``typography.quote_typography``)."""
    return quote_typography(excerpt(quote))


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
        lines.append(f"{PRESS_SUMMARY} : {md_escape(quote_typography(fig.quote))} — {md_escape(fig.attribution)}\\")
    else:
        lines.append(f"«\u00a0{md_escape(typeset(fig.quote))}\u00a0» — {md_escape(fig.attribution)}\\")
    # the row of the data file the figure comes from (its indicator is named by its French label above)
    detail = f"Ligne {fig.row} de {md_escape(fig.file)}"
    detail += phrase(ANNEX, "relations", revised_by, revises, other)
    lines.append(f"*{detail}*")
    return "\n".join(lines)


def annex_markdown(ds: Dataset, edition: int) -> str:
    """Every edition up to ``edition``, the current one first, under its heading: on the web page, every figure
    with its target, data file and line, then the edition's quotes (``web_figures_markdown``,
    ``web_quotes_markdown``); in the PDF, the excerpts grouped by publication (``print_edition_markdown``).

    The headings are shared by both media (a Markdown heading inside ``only`` would leave it); « Citations de
    l'édition », whose quotes the PDF prints with their publications, heads nothing in print and is left out
    of the PDF (``sphinx_ext.latex.drop_headings_printing_nothing``)."""
    relations = _relations(ds, edition)
    parts = []
    for ed in sorted((e for e in ds.editions if e <= edition), reverse=True):
        parts.append(f"## Édition {ed}")
        parts.append(only_in("html", web_figures_markdown(ds, ed, relations)))
        parts.append(only_in("latex", print_edition_markdown(ds, ed, relations)))
        quotes = web_quotes_markdown(ds, ed)
        if quotes:
            parts.append(f"({quotes_anchor(ed)})=\n### Citations de l'édition {ed}")
            parts.append(only_in("html", quotes))
    return "\n\n".join(part for part in parts if part)


def _relations(ds: Dataset, edition: int) -> tuple[dict[str, Figure], dict[str, Figure], dict[str, Figure]]:
    """By anchor: the figure that revises each figure, the one each revises, and another source's figure."""
    later = {(a.anchor): b for a, b in ds.revisions(edition)}
    earlier = {(b.anchor): a for a, b in ds.revisions(edition)}
    others: dict[str, Figure] = {}
    for a, b in ds.disagreements(edition):
        others.setdefault(a.anchor, b)
        others.setdefault(b.anchor, a)
    return later, earlier, others


def web_figures_markdown(ds: Dataset, ed: int, relations=None) -> str:
    """Every figure of edition ``ed`` as the web page lists it, each with its target, its data file and line;
    revised figures and disagreeing sources show both values (``relations``: ``_relations`` of the book's
    edition)."""
    later, earlier, others = relations if relations is not None else _relations(ds, ed)
    figs = sorted(ds.figures(ed), key=lambda f: (f.label, f.scope, f.period, f.row))
    return "\n\n".join(figure_entry(f, later.get(f.anchor), earlier.get(f.anchor), others.get(f.anchor))
                       for f in figs)


def web_quotes_markdown(ds: Dataset, ed: int) -> str:
    """The quotes of edition ``ed`` as the web page lists them, each with its data file and line ('' for none)."""
    return "\n".join(
        (f"- {PRESS_SUMMARY} : {md_escape(quote_typography(q.quote))} — {md_escape(q.attribution)}"
         if getattr(q, "quote_type", "verbatim") == "summary"
         else f"- «\u00a0{md_escape(typeset(q.quote))}\u00a0» — {md_escape(q.attribution)}")
        # after a comma: « Laurent Uberti (président du SP2C), ligne 2 de … », never « …) (ligne 2 … »
        + f", *ligne {q.row} de {md_escape(q.file)}*"
        for q in ds.quotes(ed)
    )


def _publication(ds: Dataset, source: str) -> tuple[tuple, str]:
    """The publication a source's words come from: a key, and its reference as the print annex heads it
    (author, « title », *outlet*, date; no address: a printed link leads nowhere)."""
    s = ds.sources.get(source)
    if s is None:
        return ("", source), md_escape(source)
    when = s.publication_date or (s.publication_year if s.publication_year is not None else "")
    if not (s.publication_title or s.publication_outlet):
        return ("", s.name), f"{md_escape(s.name)}" + (f", *{md_escape(s.organisation)}*" if s.organisation else "")
    key = (s.publication_author, s.publication_title, s.publication_outlet, str(when))
    return key, publication_text({"author": s.publication_author, "title": s.publication_title,
                                  "outlet": s.publication_outlet, "date": s.publication_date,
                                  "year": s.publication_year or ""})


def _figure_in_print(fig: Figure, revised_by: Figure | None, revises: Figure | None, other: Figure | None) -> str:
    """« Part des CDI (France), 2011 : 84 % », with the revision or the other source's value when there is one."""
    text = (f"{md_escape(with_scope(fig.label, fig.scope))}, {md_escape(formatting.period_text(fig.period))} : "
            f"{md_escape(formatting.figure_text(fig))}")
    notes = []
    if revised_by is not None:
        notes.append(phrase(ANNEX, "revised", revised_by))
    if revises is not None:
        notes.append(f"révise {md_escape(formatting.figure_text(revises))} de l'édition {revises.edition}")
    if other is not None:
        notes.append(f"autre source : {md_escape(formatting.figure_text(other))}, {md_escape(other.source_name)}")
    return text + (f" ({' ; '.join(notes)})" if notes else "")


# The print annex is set small, and a publication's heading is never left alone at the foot of a page
# (a list's opening penalty, ``\@beginparpenalty``, would allow a break between them).
PRINT_ANNEX_OPEN = "\\begingroup\\small\\csname @beginparpenalty\\endcsname=10000\\relax"
PRINT_ANNEX_CLOSE = "\\endgroup"
PRINT_PUBLICATION_SKIP = "\\medskip"


AGAIN_WORDS = 8  # an excerpt printed before for the edition: its first words, to recognise it


def print_annex_markdown(ds: Dataset, edition: int) -> str:
    """The PDF's text of the annex's entries, every edition up to ``edition`` (``print_edition_markdown``)."""
    relations = _relations(ds, edition)
    return "\n\n".join(print_edition_markdown(ds, ed, relations)
                       for ed in sorted((e for e in ds.editions if e <= edition), reverse=True))


def print_edition_markdown(ds: Dataset, ed: int, relations=None) -> str:
    """Edition ``ed`` as the PDF prints it: each publication its figures and quotes come from, then its
    excerpts beneath, each once, with who said it and the figures it gives (label, scope, period, value; a
    revision or another source's value beside it). No data file and no line: they are the web page's. Each
    excerpt carries, for the LaTeX build, the targets of its figures (``prose.print_anchors``; the first of
    the edition's quotes, the edition's quotes target), so that a number of the PDF links to the excerpt that
    gives it. '' for an edition with nothing to print."""
    later, earlier, others = relations if relations is not None else _relations(ds, ed)
    # publication -> excerpt -> its figures, in the order of the data files (figures, then quotes)
    pubs: dict[tuple, dict] = {}
    quotes = ds.quotes(ed)
    for item in [*sorted(ds.figures(ed), key=lambda f: f.row), *quotes]:
        key, heading = _publication(ds, item.source)
        pub = pubs.setdefault(key, {"heading": heading, "excerpts": {}})
        summary = getattr(item, "quote_type", "verbatim") == "summary"
        words = quote_typography(" ".join(excerpt(item.quote).split()))
        entry = pub["excerpts"].setdefault((summary, words), {"speakers": [], "figures": [], "anchors": []})
        if (item.source_name, item.attribution) not in entry["speakers"]:
            entry["speakers"].append((item.source_name, item.attribution))
        if isinstance(item, Figure):
            entry["figures"].append(item)
            entry["anchors"].append(item.anchor)
        elif quotes and item is quotes[0]:
            entry["anchors"].append(quotes_anchor(ed))
    if not pubs:
        return ""
    for pub in pubs.values():
        pub["excerpts"] = _merged_excerpts(pub["excerpts"])
    parts = [f"```{{raw}} latex\n{PRINT_ANNEX_OPEN}\n```"]
    shown: list[str] = []  # the excerpts printed so far for the edition: another publication's same words are not
    for pub in pubs.values():  # printed again in full (« Si les taux de résultat d'exploitation… », printed46)
        items = []
        named: set[str] = set()  # a speaker's role is given at their first excerpt of the publication
        for (summary, words), entry in pub["excerpts"].items():
            who = []
            for name, speaker in entry["speakers"]:
                who.append(md_escape(name if name in named else speaker))
                named.add(name)
            again = any(_bare(words) in earlier for earlier in shown)
            shown.append(words)
            if again:
                lead = " ".join(words.split()[:AGAIN_WORDS]).rstrip(",;:.").rstrip() + "\u00a0[…]"
                said = (f"{PRESS_SUMMARY} : {md_escape(lead)} (cité ci-dessus)" if summary
                        else f"«\u00a0{md_escape(lead)}\u00a0» (extrait cité ci-dessus)")
            else:
                said = (f"{PRESS_SUMMARY} : {md_escape(words)}" if summary
                        else f"«\u00a0{md_escape(words)}\u00a0»")
            said += " — " + " ; ".join(who) + "."
            figs = sorted(entry["figures"], key=lambda f: (f.label, f.scope, f.period, f.row))
            if figs:
                said += (" *Chiffre" + ("s" if len(figs) > 1 else "") + " :* "
                         + " ; ".join(_figure_in_print(f, later.get(f.anchor), earlier.get(f.anchor),
                                                       others.get(f.anchor)) for f in figs) + ".")
            marker = print_anchors(entry["anchors"])
            items.append("- " + (marker + "\n  " if marker else "") + said)
        if len(parts) > 1:  # a publication's heading stands apart from the list before it
            parts.append(f"```{{raw}} latex\n{PRINT_PUBLICATION_SKIP}\n```")
        parts.append(f"**{pub['heading']}**\n\n" + "\n".join(items))
    parts.append(f"```{{raw}} latex\n{PRINT_ANNEX_CLOSE}\n```")
    return "\n\n".join(parts)


def _bare(words: str) -> str:
    """An excerpt's words without the punctuation that ends it, to compare excerpts."""
    return words.rstrip(" .…\u00a0\u202f")


def _joined(a: str, b: str) -> str | None:
    """The words of two excerpts of one text as one excerpt, when one holds the other (« Le marché est stable »
    inside the summary that ends with it) or the second starts with the end of the first (« … à la dissolution
    politique. » then « Il y a eu un ralentissement … politique. Cela a entraîné une baisse des flux. »); else
    None."""
    if _bare(b) in a:
        return a
    if _bare(a) in b:
        return b
    head = b[:40]
    at = a.find(head) if len(head) >= 20 else -1
    while at > 0:
        if b.startswith(a[at:]):
            return a[:at] + b
        at = a.find(head, at + 1)
    return None


def _merged_excerpts(excerpts: dict) -> dict:
    """A publication's excerpts, each printed once (issue 27, print editor: « Le marché est stable » printed twice
    in one entry, « Il y a eu un ralentissement en 2024… » twice): an excerpt that another holds, or that runs on
    from another's end, is printed once as the whole passage, with the speakers and the figures of both, at the
    place of the first. Verbatim words and press summaries are not merged with each other."""
    items = list(excerpts.items())
    merged = True
    while merged:
        merged = False
        for i, j in ((i, j) for i in range(len(items)) for j in range(len(items)) if i != j):
            (summary_a, a), _ = items[i]
            (summary_b, b), _ = items[j]
            if summary_a != summary_b:
                continue
            words = _joined(a, b)
            if words is None:
                continue
            first, second = sorted((i, j))
            entry = {k: list(dict.fromkeys([*items[first][1][k], *items[second][1][k]]))
                     for k in ("speakers", "anchors")}
            entry["figures"] = [*items[first][1]["figures"],
                                *(f for f in items[second][1]["figures"] if f not in items[first][1]["figures"])]
            items[first] = ((summary_a, words), entry)
            del items[second]
            merged = True
            break
    return dict(items)


def sources_list(ds: Dataset, edition: int) -> str:
    """The sources (MyST Markdown), grouped by the publication that reports them; not those only later editions
    cite (the book of an edition does not change when a later one is added, ``barometre.vintage``).

    A list rather than a table: it wraps on a phone and on the printed page alike."""
    groups: dict[str, list[str]] = {}
    later = ds.later_sources(edition)
    for s in ds.sources_frame().itertuples():
        if s.source in later:
            continue
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
            ref += " ; " + phrase(ANNEX, "unknown_issue")
        parts.append(phrase(ANNEX, "article", ref))
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
            items.append({"edition": ed, "name": name, "publisher": publisher or "", "references": refs})
    if items:
        parts.append(phrase(ANNEX, "editions", items))
    return "\n\n".join(parts)


def _quoted(text: str, quote_type: str, shown: list[str] | None = None) -> str:
    """A source's words as the annex gives them: a verbatim excerpt in guillemets, a summary named as one
    (« résumé de presse : … », without its final full stop: the sentence around it ends it; « est stable.. »,
    printed46). Words ``shown`` holds already (the same passage quoted above) are referred to, not printed again
    (the SlidePlayer deck's « Elle est construite… » twice in « Méthodes et ruptures de série »)."""
    words = excerpt(text)
    if shown is not None:
        if any(words.rstrip(" .…") in earlier for earlier in shown):
            return "extrait cité ci-dessus"
        shown.append(words)
    if quote_type == "summary":
        return f"{PRESS_SUMMARY.lower()} : " + md_escape(quote_typography(words).rstrip(" ."))
    return f"«\u00a0{md_escape(inner_quotes(typeset(text)))}\u00a0»"


def methods_markdown(ds: Dataset, edition: int) -> str:
    """« Méthodes et ruptures de série » (MyST Markdown): each study behind the editions up to ``edition``
    (``data/studies.csv``: firm, commissioner, editions, panel, revenue, geography and staff as its sources
    define them, with its source), the breaks declared in ``data/breaks.csv``, and the years up to the
    edition with no edition in the data; '' when the data folder declares no study."""
    studies = [st for st in ds.studies() if st.first_edition <= edition]
    if not studies:
        return ""
    rows = {s.source: s for s in ds.sources_frame().itertuples()}
    parts = [phrase(ANNEX, "rule", len(studies))]
    items = []
    shown: list[str] = []  # each passage quoted once in the section
    for st in studies:
        last = min(st.last_edition, edition) if st.last_edition is not None else edition
        head = phrase(ANNEX, "study", of(md_escape(st.firm)), md_escape(st.commissioner), st.first_edition, last,
                      md_escape(st.title))
        details = [f"{name} : {md_escape(bind_numbers(value.rstrip('.')))}" for name, value in (
            ("Panel", st.panel), ("Chiffre d'affaires", st.revenue_scope), ("Géographie", st.geography),
            ("Effectifs", st.staff_scope)) if value]
        text = head + (" " + " ; ".join(details) + "." if details else "")
        src = rows.get(st.source)
        if src is not None:
            text += f" Source : {_reference(src)}, {_quoted(st.quote, st.quote_type, shown)}."
        items.append(text)
    parts.append("\n".join(items))
    declared = [b for b in ds._explicit_breaks() if b.edition <= edition]
    if declared:
        entries = []
        for b in sorted(declared, key=lambda b: (b.edition, b.indicator, b.scope)):
            if b.indicator == "*":
                series, label, scope = ("all", "", None) if b.scope == "*" else ("scope", scope_label(b.scope), None)
            else:
                series = "one"
                label = ds.indicators[b.indicator].label_fr if b.indicator in ds.indicators else b.indicator
                scope = None if b.scope in ("*", "market") else scope_label(b.scope)
            src = rows.get(b.source)
            entries.append({"edition": b.edition, "series": series, "label": label, "scope": scope,
                            "reason": b.reason.rstrip("."),
                            "source": {"reference": _reference(src), "words": _quoted(b.quote, b.quote_type, shown)}
                            if src is not None else None})
        parts.append(phrase(ANNEX, "breaks", entries))
    known = [e for e in ds.editions if e <= edition]
    gaps = [y for y in range(known[0], edition + 1) if y not in known]
    if gaps:
        parts.append(phrase(ANNEX, "gaps", gaps))
    return "\n\n".join(parts)
