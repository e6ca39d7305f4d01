"""A chapter's text as a notebook output: the book's MyST, and a Markdown that Jupyter renders.

The text a chapter prints (``narrative.say``) is MyST Markdown: its figures are cross-references to
their rows in the sources annex (``{ref}`15 % <fig-2008-…>```), data strings are escaped character by
character (``\\(buy\\-out\\)``), a row has its target (``(fig-…)=``), a check is an admonition
(``:::{admonition}``). Jupyter (JupyterLab, VS Code) renders CommonMark with MathJax: it would show the
roles raw and typeset ``\\(…\\)`` as mathematics. So the output carries two forms:

- ``MYST_MIME`` (``text/vnd.barometre.myst``): the MyST, which the book renders exactly as before
  (``barometre.sphinx_ext.prose.MystText``, a myst-nb mime renderer that ranks it first);
- ``text/markdown``: the same text for Jupyter, its roles resolved to their text (a figure without its
  link, « 1<sup>er</sup> »), its targets as HTML anchors, its admonitions as block quotes and its
  escapes undone where Markdown does not need them;
- ``text/plain``: the Markdown, for a console.

A text for one medium only is wrapped in Sphinx's ``only`` directive (``only_in``): ``only_in("html", …)``
for the web page alone (the annex's data files and lines), ``only_in("latex", …)`` for the PDF alone;
Jupyter's form keeps the web's text and drops the print's. A print text names the targets it stands for,
whose web text the PDF leaves out, in a comment (``print_anchors``): the LaTeX build turns it into those
targets (``barometre.sphinx_ext.latex``), so that a number links to its entry in print too.

myst-nb renders every form of an output while it reads a page and picks one later: the Jupyter form
would be parsed too (its headings would take the MyST form's anchors). The output's metadata marks it
(``JUPYTER_FORM``) and ``MystText`` renders it as nothing.
"""

from __future__ import annotations

import re

MYST_MIME = "text/vnd.barometre.myst"
JUPYTER_FORM = "barometre-jupyter-form"  # output metadata of the Markdown made for Jupyter
PRINT_ANCHORS = "barometre-print-anchors"  # a comment naming the targets a print text stands for
MEDIA = ("html", "latex")  # the web page, the PDF


def only_in(medium: str, text: str) -> str:
    """``text`` (MyST) shown in one medium only, ``html`` (the web page) or ``latex`` (the PDF): Sphinx's
    ``only`` directive; '' for no text."""
    if medium not in MEDIA:
        raise ValueError(f"only_in: got {medium!r}; expected one of {', '.join(MEDIA)}")
    if not text:
        return ""
    if re.search(r"^:::", text, flags=re.M):
        raise ValueError("only_in: the text holds a colon fence, which would close the `only` block")
    return f":::{{only}} {medium}\n{text}\n:::"


def print_anchors(anchors) -> str:
    """A MyST comment line naming ``anchors``, the targets the print text after it stands for ('' for none)."""
    names = [a for a in dict.fromkeys(anchors) if a]
    if not names:
        return ""
    bad = [a for a in names if not re.fullmatch(r"[\w.:-]+", a)]
    if bad:
        raise ValueError(f"print_anchors: got {bad!r}; expected target names (letters, digits, . : - _)")
    return f"% {PRINT_ANCHORS} " + " ".join(names)

_ROLE = re.compile(r"\{(?P<role>[a-z:-]+)\}`(?P<body>(?:[^`\\]|\\.)*)`")
_LINK_TEXT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
_TARGET = re.compile(r"^\((?P<label>[\w.:-]+)\)=[ \t]*$", re.M)
# a directive's opening line, in a colon fence (:::{admonition} Title) or a backtick fence (three
# backticks, then {rubric} Title)
_FENCE_OPEN = re.compile(r"^(?P<fence>:{3,}|`{3,})\{(?P<name>[a-z-]+)\}[ \t]*(?P<title>.*)$")
# Backslash escapes Markdown needs (emphasis, code, links, HTML, headings, tables, math): kept. The others
# (``\(``, ``\-``, ``\.``…, which ``narrative.md_escape`` writes for MyST) are undone: Jupyter reads ``\(``
# as the start of a formula.
_KEPT_ESCAPES = set("\\`*_[]<>#|$~")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _role(m: re.Match) -> str:
    role, body = m.group("role"), m.group("body")
    if role in ("ref", "doc", "numref", "term"):
        link = _LINK_TEXT.match(body)
        return link.group("text") if link else body
    if role in ("sup", "sub"):
        return f"<{role}>{body}</{role}>"
    return body


def _fences(text: str) -> str:
    """``:::{admonition} Title`` … ``:::`` as a block quote opened by the title in bold; ``:::{only} html``
    … ``:::`` as its text (Jupyter shows what the web page shows), ``:::{only} latex`` as nothing; a
    rubric (``{rubric} Title``, a heading outside the page's sections) as its title in bold. A directive
    in a backtick fence (three backticks, then ``{rubric} Title``) is read as in a colon fence: Jupyter
    would show it as a code block, « {rubric} » included. A directive inside ``{only} html`` is read the same
    (the introduction's « L'essentiel » rubric, on the web page only)."""
    out: list[str] = []
    open_fences: list[tuple[str, str]] = []  # (kind, closing line): "box", "web", "print" or "rubric"
    for line in text.split("\n"):
        opening = _FENCE_OPEN.match(line)
        top = open_fences[-1][0] if open_fences else None
        if opening and top in (None, "web"):
            closing, title = opening.group("fence"), opening.group("title").strip()
            if opening.group("name") == "only":
                open_fences.append(("web" if title == "html" else "print", closing))
            elif opening.group("name") == "rubric":
                open_fences.append(("rubric", closing))
                out.append(f"**{title}**")
            else:
                open_fences.append(("box", closing))
                out.append(f"> **{title or opening.group('name').capitalize()}**")
                out.append(">")
        elif open_fences and line.strip() == open_fences[-1][1]:
            open_fences.pop()
        elif top == "box":
            out.append(f"> {line}" if line else ">")
        elif not any(kind in ("print", "rubric") for kind, _ in open_fences):
            out.append(line)
    return "\n".join(out)


def jupyter_markdown(myst: str) -> str:
    """The MyST text as CommonMark that Jupyter renders: no role, target or fence left raw."""
    text = _ROLE.sub(_role, myst)
    text = _TARGET.sub(lambda m: f'<a id="{m.group("label")}"></a>', text)
    text = _fences(text)
    return _ESCAPE.sub(lambda m: m.group(0) if m.group(1) in _KEPT_ESCAPES else m.group(1), text)


class Prose:
    """A chapter's text, displayed: MyST for the book, Markdown for Jupyter (see the module)."""

    def __init__(self, myst: str):
        if "\ue000" in myst:  # a person's mention no page has put in words (``narrative.mentions``)
            raise ValueError(f"a mention shown without its page (say it through narrative.Page.say or "
                             f"narrative.say): {myst[:200]!r}")
        self.myst = myst

    @property
    def data(self) -> str:
        """The MyST text (as IPython's ``Markdown(...).data``)."""
        return self.myst

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict[str, str], dict]:
        markdown = jupyter_markdown(self.myst)
        # the output's metadata marks the Markdown as Jupyter's form: the book does not render it
        return ({MYST_MIME: self.myst, "text/markdown": markdown, "text/plain": markdown},
                {"text/markdown": {JUPYTER_FORM: True}})

    def __repr__(self) -> str:
        return f"Prose({self.myst!r})"
