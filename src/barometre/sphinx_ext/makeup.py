"""The PDF's make-up as a statistics office sets a report: each figure called from the text
(« … (figure 3). »), since figures float to where they fit."""

from __future__ import annotations

import re

from docutils import nodes

_END = re.compile(r"^(.*?)(\s*[.:;!?…]+\s*)$", re.DOTALL)
# a paragraph in these is not the text's own (a box, a caption, a note, a table, a list of items)
_NOT_TEXT = (nodes.figure, nodes.admonition, nodes.table, nodes.footnote, nodes.list_item, nodes.title,
             nodes.legend, nodes.caption)


def _section_of(node) -> nodes.Element | None:
    while node.parent is not None:
        node = node.parent
        if isinstance(node, nodes.section):
            return node
    return None


def _own_text(paragraph, section) -> bool:
    """True when ``paragraph`` is a paragraph of ``section``'s text itself (not of a subsection, a box,
    a figure, a table or a list)."""
    node = paragraph
    while node.parent is not None and node.parent is not section:
        node = node.parent
        if isinstance(node, (*_NOT_TEXT, nodes.section)):
            return False
    return node.parent is section and paragraph.astext().strip() != ""


def call_text(targets: list[str]) -> str:
    """« (figure 3) », « (figures 3 et 4) », « (figures 3, 4 et 5) »: LaTeX, each number a ``\\ref`` to its
    figure's caption."""
    refs = [f"\\ref{{\\detokenize{{{t}}}}}" for t in targets]
    if len(refs) == 1:
        return f"(figure~{refs[0]})"
    return f"(figures~{', '.join(refs[:-1])} et~{refs[-1]})"


def _call_at_end(paragraph, latex: str) -> None:
    """``latex`` (a call) at the end of ``paragraph``'s last sentence, before its closing punctuation."""
    last = paragraph.children[-1] if paragraph.children else None
    if isinstance(last, nodes.Text) and (m := _END.match(str(last))) and m.group(1).strip():
        paragraph.replace(last, nodes.Text(m.group(1)))
        paragraph += nodes.raw("", f" {latex}", format="latex")
        paragraph += nodes.Text(m.group(2))
    elif isinstance(last, nodes.Text) and len(paragraph.children) > 1 and (m := _END.match(str(last))) \
            and m.group(2).strip():
        # the closing punctuation alone after a link (a number linked to its source: « pesaient 17 %. (figure 20) »,
        # printed46): the call goes before it
        paragraph.insert(paragraph.index(last), nodes.raw("", f" {latex}", format="latex"))
    else:
        paragraph += nodes.raw("", f" {latex}", format="latex")


def call_figures(doctree) -> list[str]:
    """Each printed figure (its node carries ``barometre_target``, ``docname:label``) is called from the
    text of its section: at the end of the last paragraph before it, or of the first after it when the figure
    opens its section; figures that follow the same paragraph are called together (« (figures 4 et 5) »).
    Returns the targets of the figures no paragraph of their section could call."""
    calls: dict[int, tuple[nodes.paragraph, list[str]]] = {}
    uncalled = []
    for figure in list(doctree.findall(nodes.figure)):
        target = figure.get("barometre_target")
        if not target:
            continue
        section = _section_of(figure)
        if section is None:
            uncalled.append(target)
            continue
        before, after = [], []
        seen = False
        for node in section.findall(lambda n: isinstance(n, nodes.paragraph | nodes.figure)):
            if node is figure:
                seen = True
            elif isinstance(node, nodes.paragraph) and _own_text(node, section):
                (after if seen else before).append(node)
        paragraph = before[-1] if before else (after[0] if after else None)
        if paragraph is None:
            uncalled.append(target)
            continue
        calls.setdefault(id(paragraph), (paragraph, []))[1].append(target)
    for paragraph, targets in calls.values():
        _call_at_end(paragraph, call_text(targets))
    return uncalled


HARD_BREAK = "\\\\"  # a line break inside a paragraph (MyST's hard break: a claim's quote, then its verdict)


def hard_breaks_as_paragraphs(doctree) -> None:
    """A line break inside a paragraph ends a paragraph in print, with no space added: TeX's widow and
    club penalties hold for a paragraph's last and first lines only, and a claim's quote ending in the
    middle of its paragraph (« …(chiffre et » / « source) » then « Verdict : … ») left its last line alone at
    the top of a page. Table cells keep their line breaks."""
    for raw in list(doctree.findall(nodes.raw)):
        if raw.get("format") != "latex" or raw.astext().strip() != HARD_BREAK:
            continue
        if not isinstance(raw.parent, nodes.paragraph) or any(isinstance(a, nodes.table) for a in _ancestors(raw)):
            continue
        raw.replace_self(nodes.raw("", "\\par\\vspace{-\\parskip}\\noindent\n", format="latex"))


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


# A cell's closing number (« 10,1 % », « environ 2 040 M€ », « +3,5 points », « −0,3 point »): its sign
# and digit groups, its decimals, its unit (a few letters or a symbol).
_CELL_NUMBER = re.compile(r"^(?P<head>.*?)(?P<int>[−+-]?\d{1,3}(?:[\u202f\u00a0 ]\d{3})*|\d+)(?P<dec>,\d+)?"
                          r"(?P<unit>[\u202f\u00a0 ]?(?:%|€|M€|Md€|k€|€/mois|points?|ans?|mois|pts?)?)\s*$",
                          re.DOTALL)
NUMERIC_SHARE = 0.8  # a column is numeric when this share of its filled cells close on a number
NUMERIC_LENGTH = 40  # characters: a longer cell is a sentence, not a figure
LONG_TABLE_ROWS = 5  # a table of this many rows or more may run over pages (its heading row repeated)
LONG_TABLE_TEXT = 700  # characters: and holds this much text


def _cells(table) -> tuple[list[list[nodes.entry]], list[list[nodes.entry]]]:
    """The table's heading rows and body rows, as lists of entries (no spanning cells assumed)."""
    head = [list(row.findall(nodes.entry)) for t in table.findall(nodes.thead) for row in t.findall(nodes.row)]
    body = [list(row.findall(nodes.entry)) for t in table.findall(nodes.tbody) for row in t.findall(nodes.row)]
    return head, body


def _closing_text(entry) -> nodes.Text | None:
    """The cell's last text, when it closes the cell (no other text after it)."""
    texts = [t for t in entry.findall(nodes.Text) if str(t).strip()]
    return texts[-1] if texts else None


NIL = ("–", "—", "-")  # a count of none (a statistics office's « néant »): a cell of a column of numbers


def _numeric_columns(body) -> list[bool]:
    columns = max((len(r) for r in body), default=0)
    numeric = []
    for c in range(columns):
        cells = [r[c].astext().strip() for r in body if c < len(r) and r[c].astext().strip() not in ("", *NIL)]
        closing = [t for t in cells if len(t) <= NUMERIC_LENGTH and _CELL_NUMBER.match(t)]
        numeric.append(bool(cells) and len(closing) >= NUMERIC_SHARE * len(cells))
    return numeric


def _align_decimals(cells: list[nodes.entry]) -> None:
    """Each number closing a cell of the column set on the decimal comma: its unit right after it, in a box as
    wide as the column's widest unit (``\\barometreunit``, which LaTeX measures), then its decimals padded to
    the column's most (``\\phantom{,0}``), so that in a right-aligned column the integer parts line up and
    no unit floats off its number; the French formatting untouched."""
    from sphinx.util import texescape

    texescape.init()  # idempotent: the tables Sphinx builds when its LaTeX builder starts
    found = []
    for entry in cells:
        text = _closing_text(entry)
        if text is None or len(entry.astext().strip()) > NUMERIC_LENGTH:
            continue
        m = _CELL_NUMBER.match(str(text))
        if m and str(text).rstrip().endswith(m.group("int") + (m.group("dec") or "") + m.group("unit")):
            found.append((text, m))
    if not found:
        return
    decimals = max(len(m.group("dec") or ",") - 1 for _, m in found)

    def unit_tex(unit: str) -> str:
        if not unit.strip():
            return ""
        return ("~" if unit[0] in "\u202f\u00a0 " else "") + texescape.escape(unit.strip(), "xelatex")

    units = "".join(f"\\do{{{u}}}" for u in dict.fromkeys(unit_tex(m.group("unit")) for _, m in found) if u)
    for text, m in found:
        missing = decimals - (len(m.group("dec") or ",") - 1)
        pad = ("\\phantom{," + "0" * missing + "}" if not m.group("dec") else "\\phantom{" + "0" * missing + "}"
               ) if missing else ""
        parent = text.parent
        at = parent.index(text)
        parent.remove(text)
        # a qualifier stays on its number's line (« environ » / « 2 040 M€ » broke inside a cell, printed41)
        head = re.sub(r"(?<=\w) $", "\u00a0", m.group("head"))
        parent.insert(at, nodes.Text(head + m.group("int") + (m.group("dec") or "")))
        # the unit right after its number, the missing decimals' room after the unit (printed41: « 2    % »
        # when the room came first): the integer parts stay aligned, the unit is not floated off its number
        parent.insert(at + 1, nodes.raw("", f"\\barometreunit{{{units}}}{{{unit_tex(m.group('unit'))}}}{pad}",
                                        format="latex"))


LINE_CHARACTERS = 90  # characters of body text on a line of the page


def _bound_word(head: str) -> int:
    """The length a cell's closing number takes with the word bound to it (``_align_decimals``: « environ »), its
    space included; 0 when no word is bound."""
    m = re.search(r"(\w\S*)[ \u00a0]$", head)
    return len(m.group(1)) + 1 if m else 0


def _column_widths(head, body, numeric: list[bool]) -> list[float]:
    """Shares of the line for a table that runs over pages (no tabulary to measure it): a column of numbers
    as wide as its longest cell; the others share the rest by the square root of their mean text length, each
    at least as wide as its longest word."""
    columns = max(len(r) for r in head + body)
    texts = [[r[c].astext().strip() for r in head + body if c < len(r)] for c in range(columns)]
    fixed = [min(0.3, (max(map(len, t), default=4) + 3) / LINE_CHARACTERS) if numeric[c] else 0.0
             for c, t in enumerate(texts)]
    free = [max((sum(map(len, t)) / max(len(t), 1)) ** 0.5, 1.0) if not numeric[c] else 0.0
            for c, t in enumerate(texts)]
    # what a column cannot break: its longest word, or for numbers the closing number with its unit (and
    # the room its alignment adds)
    needs = [(max((len(w) for x in t for w in x.split()), default=4) + 2) / LINE_CHARACTERS for t in texts]
    for c, t in enumerate(texts):
        if numeric[c]:
            # (with the qualifier bound to it: « environ 2 040 M€ » was hyphenated « envi- » over a narrow column)
            closing = [len(x) - m.start("int") + _bound_word(m.group("head")) for x in t if (m := _CELL_NUMBER.match(x))]
            needs[c] = max(needs[c], (max(closing, default=4) + 6) / LINE_CHARACTERS)
            fixed[c] = min(0.3, max(fixed[c], needs[c]))  # never narrower than what it cannot break
    # the text columns keep at least a third of the line (and their longest words): the numbers give way
    reserved = max(sum(n for c, n in enumerate(needs) if not numeric[c]), 0.35) if not all(numeric) else 0.0
    if sum(fixed) > 1 - reserved:
        scale = (1 - reserved) / sum(fixed)
        fixed = [max(f * scale, needs[c]) if f else 0.0 for c, f in enumerate(fixed)]
    left = 1 - sum(fixed)
    widths = [f or left * w / (sum(free) or 1) for f, w in zip(fixed, free, strict=True)]
    # a word never wider than its column: taken from the widest free column
    for c, need in enumerate(needs):
        if not numeric[c] and widths[c] < need:
            donor = max((i for i in range(columns) if not numeric[i] and i != c), key=lambda i: widths[i], default=None)
            if donor is not None:
                widths[donor] -= need - widths[c]
                widths[c] = need
    return widths


SHORT_LABEL = 24  # characters: a row's label this short is set on one line before a table's columns of numbers


def print_tables(doctree) -> None:
    """Tables set as a statistics office sets them (issue 27): a column of numbers right-aligned, its
    numbers on the decimal comma (``_align_decimals``), its heading over them; a long table runs over pages
    with its heading row repeated (``longtable``) rather than leaving a page part empty before it."""
    from sphinx import addnodes

    for table in list(doctree.findall(nodes.table)):
        if any(isinstance(a, nodes.table) for a in _ancestors(table)):
            continue
        head, body = _cells(table)
        if not body:
            continue
        numeric = _numeric_columns(body)
        long = len(body) >= LONG_TABLE_ROWS and len(table.astext()) >= LONG_TABLE_TEXT
        if long:  # (measured on the cells' text, before the alignment's LaTeX is added to them)
            table["classes"] = [*table.get("classes", []), "longtable"]
            spec = "".join(
                (">{\\raggedleft\\arraybackslash}" if n else ">{\\raggedright\\arraybackslash}")
                + f"p{{\\dimexpr{w:.3f}\\linewidth-2\\tabcolsep\\relax}}"
                for n, w in zip(numeric, _column_widths(head, body, numeric), strict=True))
        elif any(numeric):
            spec = "".join("R" if n else "T" for n in numeric)
            # a column of short labels before three columns of numbers or more (the verdicts: « Confirmées par la
            # suite ») on one line each: tabulary gave it a share of the width by its text's length, and cut them
            if (not numeric[0] and all(numeric[1:]) and sum(numeric) >= 3
                    and max(len(r[0].astext()) for r in [*head, *body] if r) <= SHORT_LABEL):
                spec = "l" + spec[1:]
        else:
            continue
        for c, is_number in enumerate(numeric):
            if is_number:
                _align_decimals([r[c] for r in body if c < len(r)])
        table.parent.insert(table.parent.index(table), addnodes.tabular_col_spec(spec=spec))
        if long and not any(isinstance(c, nodes.title) for c in table.children):
            _unnumbered_long_table(table)


# A table without a title has no number: over pages, its heading row repeated says it goes on (printed41: « Les
# chapitres en une ligne » went on under « Tableau 1 – suite de la page précédente », its first part with no
# « Tableau 1 »; LaTeX's longtable numbers every table, the next one then printed « Tableau 2 »)
UNNUMBERED_LONG_TABLE = ("\\begingroup\\renewcommand{\\sphinxtablecontinued}[1]{}\n",
                         "\\endgroup\\addtocounter{table}{-1}\n")


def _unnumbered_long_table(table) -> None:
    parent = table.parent
    parent.insert(parent.index(table), nodes.raw("", UNNUMBERED_LONG_TABLE[0], format="latex"))
    parent.insert(parent.index(table) + 1, nodes.raw("", UNNUMBERED_LONG_TABLE[1], format="latex"))
