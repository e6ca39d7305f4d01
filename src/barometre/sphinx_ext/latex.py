"""The PDF's structure: its introduction heading, the synthesis up front and its appendices
(« Annexe A »)."""

from __future__ import annotations

import re

from docutils import nodes

from barometre.narrative.templating import phrase
from barometre.prose import PRINT_ANCHORS
from barometre.sphinx_ext.makeup import call_figures, hard_breaks_as_paragraphs, print_tables
from barometre.typography import upper_first

_APPENDIX_WORD = re.compile(r"^annexe\s*[:\u2013\u2014-]\s*", re.IGNORECASE)


def latex_structure(app, doctree, docname) -> None:
    """The PDF's structure, which the web book does not need (the LaTeX builder resolves the
    whole book as one tree, the root document's):

    - the introduction (the root document, whose title is the book's) opens with an unnumbered
      chapter « Introduction » listed in the table of contents, with its own running head;
    - the documents of ``barometre_front_matter`` (the synthesis) come right after it, unnumbered,
      under their print title (« L’essentiel »);
    - from the first document of ``barometre_appendices`` on, chapters are appendices:
      « Annexe A », « Annexe B »."""
    if getattr(app.builder, "format", "") != "latex" or docname != app.config.root_doc:
        return
    from sphinx import addnodes

    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None:
        title = "Introduction"
        raw = (f"\\chapter*{{{title}}}\\addcontentsline{{toc}}{{chapter}}{{{title}}}"
               f"\\markboth{{{title}}}{{{title}}}\n")
        section.insert(1, nodes.raw("", raw, format="latex"))
    starts = list(doctree.findall(addnodes.start_of_file))
    front = dict(app.config.barometre_front_matter or {})
    first = next((s for s in starts if s.get("docname") not in front), None)
    for start in starts:
        if start.get("docname") not in front or first is None:
            continue
        # « L'essentiel » (the synthesis) opens the report, unnumbered, right after the introduction
        start.parent.remove(start)
        parent = first.parent
        at = parent.index(first)
        parent.insert(at, nodes.raw("", "\\edef\\barometresecnumdepth{\\arabic{secnumdepth}}"
                                        "\\setcounter{secnumdepth}{-1}\n", format="latex"))
        parent.insert(at + 1, start)
        parent.insert(at + 2, nodes.raw("", "\\setcounter{secnumdepth}{\\barometresecnumdepth}\n",
                                        format="latex"))
        title = next(iter(start.findall(nodes.title)), None)
        if title is not None:
            title.replace_self(nodes.title("", front[start.get("docname")]))
    _keep_run_in_titles_with_their_text(doctree)
    hard_breaks_as_paragraphs(doctree)
    print_boxes(doctree)
    print_break_notes_once(doctree)
    call_figures(doctree)
    print_tables(doctree)
    appendices = list(app.config.barometre_appendices or [])
    # the sources annex names each publication, its title and date: a bare site in a note adds nothing there
    print_outside_links(doctree, without_notes=_documents(doctree, appendices[:1]))
    print_source_links(doctree)
    print_code_as_text(doctree)
    print_anchor_targets(doctree)
    drop_headings_printing_nothing(doctree)
    for start in list(doctree.findall(addnodes.start_of_file)):
        if start.get("docname") not in appendices:
            continue
        if start.get("docname") == appendices[0]:
            start.parent.insert(start.parent.index(start), nodes.raw("", "\\appendix\n", format="latex"))
        # « Annexe A – Les chiffres et leurs sources », not « Annexe A – Annexe : les chiffres… »
        title = next(iter(start.findall(nodes.title)), None)
        if title is not None and (m := _APPENDIX_WORD.match(title.astext())):
            rest = title.astext()[m.end():]
            title.replace_self(nodes.title("", upper_first(rest)))


BREAK_MARKS = "un trait vertical « rupture » marque une rupture de série"  # ends every chapter's break note
_SENTENCE_END = re.compile(r"(?<=[.])\s+(?=[A-ZÀÂÉÈÊÎÔ])")
BREAKS_TOLD = phrase("book/notes/breaks.md.j2", "told_above")


def print_break_notes_once(doctree) -> None:
    """A chapter's note on its series' breaks, in print, once in the book (printed46: « Rupture de toutes les
    séries à l'édition 2007… » in full on four pages, and again in the annex): a chapter's note after the first
    keeps only the sentences no earlier note printed, then refers to the first. Each web page keeps its own
    note (it stands alone). A note is the paragraph that ends with the rule's explanation (``history.break_note``);
    one set with other inline nodes than text is left whole."""
    told: set[str] = set()
    for paragraph in list(doctree.findall(nodes.paragraph)):
        text = paragraph.astext()
        if BREAK_MARKS not in text and not (told and any(s in told for s in _SENTENCE_END.split(text.strip()))):
            continue
        sentences = [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]
        if not all(isinstance(child, nodes.Text) for child in paragraph.children):
            continue
        if not told:
            told.update(sentences)
            continue
        new = [s for s in sentences if s not in told and BREAK_MARKS not in s]
        told.update(sentences)
        if len(new) == len(sentences):
            continue
        paragraph.children = []
        paragraph += nodes.Text(" ".join([*new, BREAKS_TOLD]))


# after a run-in title over a list: no page break, and the list's first item keeps to it as to a heading
# (LaTeX's ``\@afterheading``: the list adds no break of its own, ``\@beginparpenalty``, before its first item)
KEEP_WITH_LIST = "{\\interlinepenalty10000\\par}\\nopagebreak\\csname @afterheading\\endcsname\n"


def _followed_by_list(paragraph) -> bool:
    parent = paragraph.parent
    if parent is None:
        return False
    at = parent.index(paragraph)
    following = parent.children[at + 1] if at + 1 < len(parent.children) else None
    return isinstance(following, (nodes.bullet_list, nodes.enumerated_list))


def _keep_run_in_titles_with_their_text(doctree) -> None:
    """A paragraph that opens with a bold title on its own line (« **Le poids du SP2C** » then a line
    break: the claims; the annex's « **Part des CDI** : 84 % — … » then a line break) never leaves
    that line alone at the foot of a page: the title
    ends its own paragraph and no page break is allowed after it (``\\par\\nopagebreak``; LaTeX's
    ``\\\\*`` did not hold in the book's preamble, measured). A bold title alone over a list (the offshore
    chapter's « **Pour le prix et la compétence à l’étranger** », left alone at the foot of a page in print,
    printed41) keeps to the list's first item (``KEEP_WITH_LIST``)."""
    for paragraph in list(doctree.findall(nodes.paragraph)):
        children = [c for c in paragraph.children if not (isinstance(c, nodes.Text) and not c.strip())
                    and not (isinstance(c, nodes.raw) and c.get("format") != "latex")]
        if len(children) == 1 and isinstance(children[0], nodes.strong) and _followed_by_list(paragraph):
            paragraph += nodes.raw("", KEEP_WITH_LIST, format="latex")
            continue
        if len(children) < 3 or not isinstance(children[0], nodes.strong):
            continue
        # the first line break: after the title (claims) or after the title's line (the annex's entries)
        brk = next((c for c in children[1:] if isinstance(c, nodes.raw)), None)
        if brk is not None and brk.astext().strip() == "\\\\":
            # the title's own lines stay together too (« …édition » / « 2011 » split across pages)
            brk.replace_self(nodes.raw("", "{\\interlinepenalty10000\\par}\\nopagebreak\\vspace{-\\parskip}\\noindent\n",
                                       format="latex"))


# the sections a report sets as boxes (issue 27: « Chiffres clés » and « À retenir » were dash lists under a
# numbered heading): the synthesis's lead and each chapter's summary
PRINT_BOXES = ("L’essentiel de l’édition", "À retenir")
CLOSING_BOX = "À retenir"  # a chapter's summary, which closes it
KEEP_WHOLE_CHARACTERS = 2400  # a closing box of up to this much text (about half a page) is never cut
# the figures still waiting for a page are set before a chapter's closing box (``\barometrefloatsfirst``, the
# preamble's: a new page when some wait, they go on its top), and
# the box is kept whole (a minipage, with the text's paragraph spacing), set small as a report's summary box
# (it then shares a page with the last figures more often): printed41 saw « À retenir » cut by a page of
# figures, its last items alone on the chapter's last page
CLOSING_BOX_OPEN = ("\\barometrefloatsfirst\\edef\\barometreparskip{\\the\\parskip}\\noindent"
                    "\\begin{minipage}{\\linewidth}\\parskip=\\barometreparskip\\relax\\small\n")
CLOSING_BOX_CLOSE = "\\end{minipage}\\par\n"


def print_boxes(doctree) -> None:
    """Each section titled as in ``PRINT_BOXES`` set as a box of the report (the book's box, as
    « Vérification »), its title the box's, not a numbered heading; its targets kept (``\\label``). A
    chapter's closing box (« À retenir ») comes after the chapter's figures and is never cut over pages
    (``CLOSING_BOX_OPEN``)."""
    from sphinx import addnodes

    for section in list(doctree.findall(nodes.section)):
        title = section.next_node(nodes.title)
        if title is None or title.parent is not section or title.astext().strip() not in PRINT_BOXES:
            continue
        if any(isinstance(child, nodes.section) for child in section.children):
            continue  # a section with sections of its own is not a box
        # (Sphinx notes each section's document when it assembles the book: the children of its
        # ``start_of_file`` keep their first parent)
        docname = section.get("docname") or next(
            (a.get("docname") for a in _ancestors(section) if isinstance(a, addnodes.start_of_file)), "")
        labels = "".join(f"\\phantomsection\\label{{\\detokenize{{{docname}:{i}}}}}" for i in section["ids"])
        box = nodes.admonition("", nodes.title("", title.astext()), classes=["barometre-print-box"])
        box.extend(child for child in section.children[1:])
        placed: list[nodes.Node] = [nodes.raw("", labels + "\n", format="latex"), box] if labels else [box]
        if title.astext().strip() == CLOSING_BOX:
            whole = len(box.astext()) <= KEEP_WHOLE_CHARACTERS
            placed = [nodes.raw("", CLOSING_BOX_OPEN if whole else "\\barometrefloatsfirst\n", format="latex"), *placed]
            if whole:
                placed.append(nodes.raw("", CLOSING_BOX_CLOSE, format="latex"))
        section.replace_self(placed)


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


ONLINE = "en ligne"  # the web's link to a publication (« ([en ligne](https://…)) »)


def short_address(url: str) -> str:
    """A web address as print gives it: its site alone (« https://www.relationclientmag.fr/Relation-…
    /Article/L-OUTSOURCING….htm » → « relationclientmag.fr »)."""
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    return host[4:] if host.startswith("www.") else host


def _footnote(url: str) -> nodes.raw:
    from sphinx.util.texescape import escape

    return nodes.raw("", f"\\footnote{{{escape(short_address(url))}}}", format="latex")


def _documents(doctree, docnames: list[str]) -> list[nodes.Node]:
    """The parts of the assembled book (``start_of_file``) that hold the documents ``docnames``."""
    from sphinx import addnodes

    return [start for start in doctree.findall(addnodes.start_of_file) if start.get("docname") in docnames]


def print_outside_links(doctree, without_notes: list[nodes.Node] = ()) -> None:
    """An outside link printed for a reader (issue 27: 65 green « (en ligne) » led nowhere on paper): its
    text in the text's colour, its short address in a footnote. The web's « (en ligne) » after a publication
    leaves only the footnote (« …, 2009¹ »: ¹ relationclientmag.fr). In the parts ``without_notes`` (the
    sources annex, which names each publication, its title and its date: the print editor found its notes
    of bare sites, « relationclientmag.fr » under « Relation Client Magazine », a web leftover), an outside
    link prints no note, and « (en ligne) » nothing."""
    bare = {id(n) for part in without_notes for n in part.findall(nodes.reference)}
    for ref in list(doctree.findall(nodes.reference)):
        url = ref.get("refuri", "")
        if not url.startswith(("http://", "https://")):
            continue
        parent = ref.parent
        at = parent.index(ref)
        before = parent.children[at - 1] if at > 0 else None
        after = parent.children[at + 1] if at + 1 < len(parent.children) else None
        if (ref.astext().strip() == ONLINE and isinstance(before, nodes.Text) and str(before).endswith(" (")
                and isinstance(after, nodes.Text) and str(after).startswith(")")):
            parent.replace(before, nodes.Text(str(before)[:-2]))
            parent.replace(after, nodes.Text(str(after)[1:]))
            if id(ref) in bare:
                parent.remove(ref)
            else:
                ref.replace_self(_footnote(url))
        elif ref.astext().strip() in (url, url.rstrip("/")) or ref.astext().strip() == short_address(url):
            continue  # the address is its own text
        elif id(ref) not in bare:
            parent.insert(at + 1, _footnote(url))


# the web's words for a link to a figure's or a quote's excerpt in the annex (``claims.page.said_text``): « …,
# édition 2008 (chiffre et source) »
SOURCE_LINKS = ("chiffre et source", "citation et source")
_EDITION_AT_END = re.compile(r"(édition\s\d{4}) \($")


def print_source_links(doctree) -> None:
    """« …, édition 2008 (chiffre et source) » in print: « …, édition 2008 », the edition the link to the
    annex's excerpt (issue 27: the claims chapter printed « (chiffre et source) » 63 times, a web page's
    words for a link). Where no edition precedes it, the link's words are left out and the link with them."""
    for ref in list(doctree.findall(nodes.reference)):
        if ref.astext().strip() not in SOURCE_LINKS or ref.get("refuri", "").startswith(("http://", "https://")):
            continue
        parent = ref.parent
        at = parent.index(ref)
        before = parent.children[at - 1] if at > 0 else None
        after = parent.children[at + 1] if at + 1 < len(parent.children) else None
        if not (isinstance(before, nodes.Text) and str(before).endswith(" (")
                and isinstance(after, nodes.Text) and str(after).startswith(")")):
            continue
        parent.replace(after, nodes.Text(str(after)[1:]))
        m = _EDITION_AT_END.search(str(before))
        if m is None:
            parent.replace(before, nodes.Text(str(before)[:-2]))
            parent.remove(ref)
            continue
        parent.replace(before, nodes.Text(str(before)[:m.start()]))
        ref.children = []
        ref += nodes.Text(m.group(1))


def print_code_as_text(doctree) -> None:
    """Inline code (a checksum, a version in the colophon's citation) printed in the text's face: a report
    sets no typewriter type (issue 27: one font; FreeMono printed on the colophon's page alone)."""
    for literal in list(doctree.findall(nodes.literal)):
        if isinstance(literal.parent, nodes.TextElement):
            literal.replace_self(nodes.Text(literal.astext()))


def print_anchor_targets(doctree) -> None:
    """The targets a print text stands for (``prose.print_anchors``: the annex's grouped excerpt, for the
    figures whose web entries the PDF leaves out), set where the comment naming them stands: a number of the
    PDF links to the excerpt that gives it (``\\hyperref`` to ``\\label``), and no link is left dangling."""
    for comment in list(doctree.findall(nodes.comment)):
        words = comment.astext().split()
        if not words or words[0] != PRINT_ANCHORS:
            continue
        parent = comment.parent
        at = parent.index(comment)
        parent.remove(comment)
        for offset, name in enumerate(words[1:]):
            parent.insert(at + offset, nodes.target("", "", refid=name))



def _prints(node) -> bool:
    """True when ``node`` puts something on the page: text, raw LaTeX or an image."""
    if isinstance(node, (nodes.comment, nodes.target)):
        return False
    return bool(node.astext().strip() or any(node.findall(nodes.raw)) or any(node.findall(nodes.image)))


def _web_only(body: list) -> bool:
    """True when ``body`` held a web-only text (Sphinx leaves an empty comment for each ``only`` block the
    builder does not show) and prints nothing."""
    left = any(isinstance(n, nodes.comment) and not n.astext() for b in body for n in b.findall(nodes.comment))
    return left and not any(_prints(n) for n in body)


def drop_headings_printing_nothing(doctree) -> None:
    """A heading whose text is the web page's alone (``only html``: the annex's « Citations de l'édition »,
    whose quotes the PDF prints with their publications) is left out of the PDF: a section whose body, or a
    rubric (an output's heading) whose text up to the next heading, was web-only and prints nothing. Its
    targets go with it: what links to them in print has its own (``print_anchor_targets``)."""
    for section in reversed(list(doctree.findall(nodes.section))):
        if _web_only([child for child in section.children if not isinstance(child, nodes.title)]):
            section.parent.remove(section)
    for rubric in list(doctree.findall(nodes.rubric)):
        parent = rubric.parent
        at = parent.index(rubric)
        after = parent.children[at + 1:]
        upto = next((i for i, n in enumerate(after) if isinstance(n, (nodes.rubric, nodes.section))), len(after))
        if not _web_only(after[:upto]):
            continue
        ids = set(rubric["ids"])
        for node in parent.children[:at]:
            if isinstance(node, nodes.target) and node.get("refid") in ids:
                parent.remove(node)
        parent.remove(rubric)
