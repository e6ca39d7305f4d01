"""The PDF's front matter, written for LaTeX: the title page, the document information
(title, author, subject, keywords, language) and the escaping of our own strings, which
Sphinx's ``texescape`` does as for the book's text."""

from __future__ import annotations

import re
from pathlib import Path

from barometre.book import notebooks as toc_chapters
from barometre.paths import ROOT
from barometre.typography import curly_apostrophes, print_binding, title_typography


def latex_escape(text: str) -> str:
    """Text for LaTeX, escaped as Sphinx escapes the book's own text (``sphinx.util.texescape``),
    with the typographic apostrophe (« l’équipe », not a straight quote)."""
    from sphinx.util import texescape

    texescape.init()  # idempotent: the tables Sphinx builds when its LaTeX builder starts
    return texescape.escape(str(text).replace("'", "’"), "pdflatex")


PDF_KEYWORDS = ("baromètre", "outsourcing", "externalisation", "relation client", "centres d’appels",
                "centres de contacts", "offshore")


def chapter_titles(root: Path = ROOT) -> list[str]:
    """The first-level heading of each chapter the table of contents lists, in order."""
    import nbformat

    titles = []
    for name in toc_chapters(root):
        nb = nbformat.read(root / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            heading = next((line[2:].strip() for line in cell.source.splitlines() if line.startswith("# ")), None)
            if cell.cell_type == "markdown" and heading:
                titles.append(heading.replace("'", "’"))
                break
        else:
            titles.append("")  # one entry per chapter, in the order of toc_chapters()
    return titles


def pdf_metadata(config: dict, edition: int) -> str:
    """``\\hypersetup`` for the PDF's document information and catalogue: title, author, subject
    (the edition and its chapters), keywords, and the language (``/Lang (fr-FR)``)."""

    def value(text: str) -> str:
        return "{" + latex_escape(text).replace(",", "{,}") + "}"

    # the chapters as the PDF titles them: « L’essentiel » first, the annex without « Annexe : »
    front = config.get("sphinx", {}).get("config", {}).get("barometre_front_matter", {}) or {}
    named = list(zip(toc_chapters(), chapter_titles(), strict=True))[1:]
    titles = [front[n] for n, _ in named if n in front] + [t for n, t in named if n not in front]
    chapters = [re.sub(r"^Annexe\s*:\s*(.)", lambda m: m.group(1).upper(), t) for t in titles if t]
    subject = f"Baromètre des outsourceurs de la relation client, édition {edition}"
    if chapters:
        subject += " : " + " ; ".join(chapters)
    keywords = ", ".join((*PDF_KEYWORDS, f"édition {edition}"))
    return (
        "\n\\hypersetup{"
        f"pdftitle={value(config['title'])}, pdfauthor={value(config.get('author', ''))}, "
        f"pdfsubject={value(subject)}, pdfkeywords={{{latex_escape(keywords)}}}, pdflang={{fr-FR}}"
        "}\n"
    )


SUMMARY_CHARACTERS = 280  # about three lines of the title page's summary


def title_summary(data_dir: Path, edition: int, limit: int = SUMMARY_CHARACTERS) -> str:
    """The title page's summary: the edition's lead (``lead.render``: its strongest facts, chosen and written
    from the data) as plain text, whole sentences up to about three lines (at least its first sentence);
    '' for an edition that publishes nothing to lead with."""
    from barometre.data import load
    from barometre.lead import render
    from barometre.prose import jupyter_markdown

    text = " ".join(p for p in jupyter_markdown(render(load(data_dir), edition)).split("\n\n")
                    if p.strip() and not p.startswith("**"))  # not « **Perspectives.** »: the facts alone
    # (the no-break spaces kept: « 10,1 % » stays whole on the title page too)
    text = re.sub(r"<a id=\"[^\"]*\"></a>|\\(?=[^\w\s])", "", re.sub(r"[ \t\n]+", " ", text)).strip()
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÀÉÈÊÎÔ«])", text)
    chosen: list[str] = []
    for sentence in sentences:
        if chosen and len(" ".join([*chosen, sentence])) > limit:
            break
        chosen.append(sentence)
    return curly_apostrophes(" ".join(chosen))


def title_page(title: str, author: str, data_dir: Path, edition: int | None = None) -> str:
    """The PDF's title page (LaTeX), as a statistics office's report opens: the title with the edition, a
    summary of about three lines (the edition's lead), the edition's own sources, the team and the date of
    the data (the edition's publication, from its sidecar; never the day of the build)."""
    from barometre.data import load
    from barometre.formatting import count_words, event_date
    from barometre.provenance import data_date

    ds = load(data_dir)
    edition = ds.resolve(edition)
    pubs = ds.publications(edition)
    shown = pubs[:3]
    items = [
        ", ".join(x for x in (
            latex_escape(p["author"]) if p["author"] else "",
            f"« {latex_escape(title_typography(p['title']))} »" if p["title"] else "",
            f"\\textit{{{latex_escape(p['outlet'])}}}" if p["outlet"] else "",
            latex_escape(event_date(str(p["date"] or p["year"] or "")) if (p["date"] or p["year"]) else ""),
        ) if x)
        for p in shown
    ]
    more = len(pubs) - len(shown)
    source = (
        f"Baromètre des outsourceurs, édition {edition}, d’après :\\\\ " + "\\\\ ".join(items)
        + (f"\\\\ et {count_words(more, 'autre publication', 'autres publications', feminine=True)}"
           if more > 0 else "")
    )
    name, _, subtitle = title.partition(" — ")
    name = "\\\\ ".join(latex_escape(line) for line in balanced_lines(name))
    subtitle_line = f"\\vspace{{0.8cm}}{{\\LARGE {latex_escape(subtitle)}\\par}}" if subtitle else ""
    summary = title_summary(data_dir, edition)
    # a paragraph of its own, set narrower than the page and left-aligned as a report's summary
    summary_box = (f"\\vspace{{1.2cm}}\\par\\begin{{minipage}}{{0.8\\linewidth}}\\large\\raggedright "
                   f"{latex_escape(summary)}\\par\\end{{minipage}}\\par" if summary else "")
    when = data_date(data_dir, edition)
    day = when[:1].isdigit() and not when.isdigit()
    dated = (f"Données de l’édition {edition}, publiées {'le' if day else 'en'} {latex_escape(when)}" if when
             else f"Données de l’édition {edition}")
    # bound as the book's text is (``sphinx_ext.typography``): guillemets to their words, « 2007 à 80 000 »
    source, summary_box = print_binding(source), print_binding(summary_box)
    return (
        # the title page is page i (not printed): no page label is used twice
        "\\pagenumbering{roman}"
        "\\begin{titlepage}\\centering\\vspace*{2.5cm}"
        "{\\Huge\\bfseries\\hyphenpenalty=10000\\exhyphenpenalty=10000\\linespread{1.15}\\selectfont "
        f"{name}\\par}}{subtitle_line}{summary_box}\\vspace{{1.5cm}}"
        f"{{\\small {source}\\par}}\\vfill"
        f"{{\\large {latex_escape(author)}\\par}}\\vspace{{0.5cm}}{{\\large {dated}\\par}}"
        "\\end{titlepage}"
    )


SHORT_WORDS = {"à", "au", "aux", "d’", "de", "des", "du", "en", "et", "l’", "la", "le", "les", "ou", "un", "une",
               "sur", "par", "pour"}
TITLE_LINE = 30  # characters of a Huge title line on the A4 title page


def balanced_lines(title: str, width: int = TITLE_LINE) -> list[str]:
    """A title in two lines of about equal length when it does not fit one, never leaving a short
    word (« de », « la ») at the end of a line: « Le baromètre des outsourceurs / de la relation client »."""
    words = title.split()
    if len(title) <= width or len(words) < 2:
        return [title]
    best = None
    for k in range(1, len(words)):
        if words[k - 1].lower() in SHORT_WORDS:
            continue
        first, second = " ".join(words[:k]), " ".join(words[k:])
        score = max(len(first), len(second))
        if best is None or score < best[0]:
            best = (score, [first, second])
    return best[1] if best else [title]
