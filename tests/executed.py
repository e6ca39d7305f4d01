"""Run a chapter notebook through the project's engine and read what it shows (shared by the chapter tests).

The engine (``barometre.engine``) runs a notebook in this process as the build's warm workers do, with
papermill's parameter injection: no Jupyter kernel is started per test (``tests/test_engine.py`` checks
that its outputs are a kernel's)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

from barometre.charts.theme import PAGE_MIME
from barometre.paths import CHAPTERS_DIR
from barometre.prose import MYST_MIME


def execute_chapter(tmp_path: Path, chapter: str, label: str, **parameters) -> nbformat.NotebookNode:
    """Execute ``chapters/<chapter>.ipynb`` with ``parameters`` (as ``papermill -p`` would), through the
    engine, reading only the data the chapter declares (``barometre.book``), as in the build."""
    from barometre import engine
    from barometre.book import chapter as registered
    from barometre.data import declared

    out = tmp_path / f"{chapter}-{label}.ipynb"
    with declared(registered(chapter).inputs, chapter):
        engine.execute_notebook(CHAPTERS_DIR / f"{chapter}.ipynb", out, parameters, CHAPTERS_DIR)
    return nbformat.read(out, as_version=4)


# What no page ever shows: a placeholder for a missing figure, a Python value, an empty quote, a plural
# of one, a negated duration (the chapters' tests shared these lists, and their copies had drifted)
NEVER_SHOWN = ("non publié", "None", "nan", "«\u00a0\u00a0»", "«  »", "ces 1 sources", "pendant non")


# What Jupyter would show raw in a text output: MyST that CommonMark does not read
RAW_MYST = (
    re.compile(r"\{[a-z:-]+\}`"),  # a role: {ref}`15 % <fig-…>`
    re.compile(r"^\([\w.:-]+\)=\s*$", re.M),  # a target: (fig-2008-…)=
    re.compile(r"^:::", re.M),  # a colon fence (an admonition)
    re.compile(r"^`{3,}\{[a-z-]+\}", re.M),  # a directive in a backtick fence: a code block for Jupyter
    re.compile(r"\\[()]"),  # \( … \): a formula for Jupyter
    re.compile(r"\\[-.,:;!?'\"/%&=+@{}]"),  # an escape Markdown does not need (\-, \.)
)


def raw_myst(text: str) -> list[str]:
    """The raw MyST in ``text`` (``RAW_MYST``), in the order of the patterns."""
    return [m.group(0) for pattern in RAW_MYST for m in pattern.finditer(text)]


# « de environ 83 % », « que au moins »: an elision the rendering missed (``templating.de_text`` chooses it from the
# text a reader sees; the page no longer repairs it after assembly)
UNELIDED = re.compile(r"(?<![\w’'\\])([Dd]e|[Qq]ue) (?:\{ref\}`)?(?:environ|au moins|au plus|un|une)\b")
# an older edition's note explained twice in one paragraph: « (dernier chiffre publié, édition 2008) » is said once,
# the next figures of that edition say « (édition 2008) » (``narrative.one_note``, ``cite_in``)
NOTE = re.compile(r"\((?:dernier chiffre publié, édition|propos rapportés dans l’édition)\u00a0(\d{4})\)")


def assert_clean(text: str) -> None:
    """``text`` shows none of ``NEVER_SHOWN`` (a word as a whole word: « nan », not « financement »), no unelided
    « de » or « que » before a figure, and no edition note explained twice in a paragraph."""
    for bad in NEVER_SHOWN:
        pattern = rf"\b{re.escape(bad)}\b" if bad.isalpha() else re.escape(bad)
        assert not re.search(pattern, text), bad
    assert not UNELIDED.search(text), UNELIDED.search(text).group(0)
    for paragraph in text.split("\n\n"):
        for cell in re.split(r"(?<!\\)\|", paragraph) if paragraph.lstrip().startswith("|") else [paragraph]:
            years = [m.group(0) for m in NOTE.finditer(cell)]
            assert len(years) == len(set(years)), (years, cell[:200])


def markdown(nb) -> str:
    """Every text output (the chapter's prose) of an executed notebook, as the book renders it: its MyST
    form (``barometre.prose.MYST_MIME``; Jupyter shows the ``text/markdown`` form made of it)."""
    return "\n".join(
        o["data"][MYST_MIME] for c in nb.cells if c.cell_type == "code"
        for o in c.get("outputs", []) if MYST_MIME in o.get("data", {})
    )


def spec(nb, name: str) -> dict:
    """The Vega-Lite spec of the chart ``name`` in an executed notebook."""
    pattern = re.compile(rf'<script type="application/json" id="spec-{name}">(.*?)</script>', re.S)
    for c in nb.cells:
        for o in c.get("outputs", []):
            m = pattern.search(o.get("data", {}).get(PAGE_MIME, ""))
            if m:
                return json.loads(m.group(1).replace("<\\/", "</"))
    raise AssertionError(f"no chart {name}")


# The oldest Vega-Lite 5 vl-convert draws with (JupyterLab 4 ships Vega-Lite ^5.6), and the book's own.
VEGALITE_5, VEGALITE_6 = "v5.8", "v6.4"


def drawing(spec: dict, vl_version: str) -> str:
    """The SVG of a Jupyter Vega-Lite spec drawn by Vega-Lite ``vl_version`` in its locale, without what
    differs between two drawings of the same picture: the marks' aria labels (Vega-Lite 5 lists a
    detail field there) and the ids Vega numbers per process (``clip3``, ``gradient_1``)."""
    import vl_convert as vlc

    options = spec.get("usermeta", {}).get("embedOptions", {})
    svg = vlc.vegalite_to_svg(spec, vl_version=vl_version, format_locale=options.get("formatLocale"),
                              time_format_locale=options.get("timeFormatLocale"))
    svg = re.sub(r' aria-label="[^"]*"', "", svg)
    return re.sub(r"\b(clip|gradient_)\d+\b", r"\g<1>N", svg)


def notebook_parameters(chapter: str) -> dict:
    """The values the parameters cell of ``chapters/<chapter>.ipynb`` assigns (the cell only assigns literals)."""
    from barometre.paths import ROOT

    nb = json.loads((ROOT / "chapters" / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
    values: dict = {}
    exec("".join(cell["source"]), {}, values)
    return {k: v for k, v in values.items() if not k.startswith("__")}
