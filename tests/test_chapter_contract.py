"""What every page of the chapter registry (``barometre.book.CHAPTERS``) owes its readers, on the book's
page and in Jupyter, checked on the notebook as the project's engine executes it (no kernel per page):

- its text is MyST for the book and readable Markdown for Jupyter: no raw MyST (role, target, fence,
  an escape Jupyter reads as a formula) in a ``text/markdown`` output;
- every chart carries a Vega-Lite MIME bundle of its schema's version, the page's spec, and the same spec
  under the Vega-Lite 5 type JupyterLab and VS Code draw, besides the page's HTML and the print form;
- it never shows a placeholder (``executed.NEVER_SHOWN``);
- it reads only the data it declares (the engine runs it under ``declared``, as the build does).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import nbformat
import pytest
from executed import NEVER_SHOWN, assert_clean, execute_chapter, markdown, raw_myst

from barometre.book import CHAPTERS, notebooks
from barometre.charts import PAGE_MIME, PRINT_MIME, WIDTH
from barometre.charts.output import JUPYTER_VEGALITE_MIME, JUPYTER_VEGALITE_SCHEMA
from barometre.prose import MYST_MIME

EDITION = 2008
PAGES = [c for c in CHAPTERS if f"chapters/{c.name}" in notebooks()]

CHART = re.compile(r'<script type="application/json" id="spec-([a-z0-9-]+)">(.*?)</script>', re.S)


@cache
def _executed(name: str, folder: str) -> nbformat.NotebookNode:
    return execute_chapter(Path(folder), name, str(EDITION), edition=EDITION)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("contract"))


def _outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=lambda c: c.name)
def test_the_text_is_myst_for_the_book_and_readable_markdown_in_jupyter(page, folder):
    nb = _executed(page.name, folder)
    texts = [o for o in _outputs(nb) if MYST_MIME in o.get("data", {})]
    assert texts, f"{page.name} prints no text"
    for output in texts:
        data = output["data"]
        assert "text/markdown" in data, "the text has a Markdown form for Jupyter"
        assert raw_myst(data["text/markdown"]) == [], data["text/markdown"][:300]
    bare = [o for o in _outputs(nb) if "text/markdown" in o.get("data", {}) and MYST_MIME not in o["data"]]
    assert bare == [], "every text is printed by say(): MyST and Markdown forms"


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=lambda c: c.name)
def test_every_chart_carries_a_vega_lite_bundle_of_its_schemas_version(page, folder):
    nb = _executed(page.name, folder)
    for output in _outputs(nb):
        data = output.get("data", {})
        found = CHART.search(data.get(PAGE_MIME, ""))
        if not found:
            continue
        web = json.loads(found.group(2).replace("<\\/", "</"))
        version = re.search(r"/vega-lite/v(\d+)", web["$schema"]).group(1)
        mime = f"application/vnd.vegalite.v{version}+json"
        assert mime in data, f"chart {found.group(1)} has no {mime} bundle"
        spec = data[mime]
        assert isinstance(spec, dict) and spec["$schema"] == web["$schema"]
        # the page's chart, at the theme's width where the page gives it its container's (JupyterLab froze)
        assert spec.get("width") != "container"
        assert {k: v for k, v in spec.items() if k != "usermeta"} == {**web, **({"width": WIDTH} if web.get("width") == "container" else {})}
        assert spec["usermeta"]["embedOptions"]["formatLocale"]["decimal"] == ","
        # and under the type JupyterLab 4 and VS Code draw (test_notebooks_in_jupyter.py draws it)
        assert data[JUPYTER_VEGALITE_MIME] == {**spec, "$schema": JUPYTER_VEGALITE_SCHEMA}
        assert PRINT_MIME in data


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=lambda c: c.name)
def test_a_page_never_shows_a_placeholder(page, folder):
    assert_clean(markdown(_executed(page.name, folder)))


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=lambda c: c.name)
def test_every_mention_of_a_person_is_put_in_words_by_its_page(page, folder):
    """A person's mention (``narrative.mentions``) is a token until the page shows it; none may reach an output
    (the text, a chart's description, its tooltips or its data), whichever way the output was made."""
    from barometre.narrative import mentions

    shown = json.dumps([o for o in _outputs(_executed(page.name, folder))], ensure_ascii=False)
    assert not mentions.unresolved(shown), shown[max(0, shown.find(mentions.OPEN) - 200):][:400]


def test_the_raw_myst_check_sees_what_jupyter_would_show_raw():
    assert raw_myst("le rachat de {ref}`45 % <fig-x>` \\(buy\\-out\\)") == ["{ref}`", "\\(", "\\)", "\\-"]
    assert raw_myst("(fig-2008-a)=\n:::{admonition} V\n:::") == ["(fig-2008-a)=", ":::", ":::"]
    assert raw_myst("```{rubric} L’essentiel\n```\n\nTexte.") == ["```{rubric}"]
    assert raw_myst("le rachat de 45 % des parts d’Acticall (famille Mulliez) \\*x\\*") == []
    assert "non publié" in NEVER_SHOWN


def _texts(nb) -> list[str]:
    return [o["data"][MYST_MIME] for o in _outputs(nb) if MYST_MIME in o.get("data", {})]


@pytest.mark.slow
@pytest.mark.parametrize("page", [p for p in PAGES if p.role == "chapter"], ids=lambda c: c.name)
def test_running_a_chapters_cells_again_gives_the_same_text(page, tmp_path):
    """Jupyter's « run all » a second time, on the same page object: the same text, each person still
    introduced with their role where they were (say() is idempotent; before, the roles were dropped)."""
    from barometre import engine
    from barometre.book import chapter
    from barometre.data import declared
    from barometre.paths import CHAPTERS_DIR

    source = nbformat.read(CHAPTERS_DIR / f"{page.name}.ipynb", as_version=4)
    setup = next(i for i, c in enumerate(source.cells) if "new_page()" in c.source)
    again = [nbformat.v4.new_code_cell(c.source) if c.cell_type == "code" else nbformat.v4.new_markdown_cell(c.source)
             for c in source.cells[setup + 1:]]
    marker = nbformat.v4.new_code_cell("print('--- again ---')")
    source.cells = [*source.cells, marker, *again]
    twice = tmp_path / f"{page.name}-twice.ipynb"
    nbformat.write(source, twice)
    out = tmp_path / f"{page.name}-twice-out.ipynb"
    with declared(chapter(page.name).inputs, page.name):
        engine.execute_notebook(twice, out, {"edition": EDITION}, CHAPTERS_DIR)
    nb = nbformat.read(out, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if c.source == marker.source)
    first, second = _texts(nbformat.v4.new_notebook(cells=nb.cells[:at])), _texts(nbformat.v4.new_notebook(cells=nb.cells[at:]))
    assert first and second == first[len(first) - len(second):]
