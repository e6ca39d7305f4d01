"""A chapter notebook as an analyst runs it in Jupyter, outside the book: papermill and a real kernel,
the notebook's default parameters (the latest edition, ``../data``), neither the book's engine nor its
declared inputs. Checked on the executed notebook with nbformat:

- every chart carries ``application/vnd.vegalite.v5+json``, the Vega-Lite type JupyterLab 4 and VS Code
  draw (``charts.output.JUPYTER_VEGALITE_MIME``), at a fixed width, and Vega-Lite 5 draws it as Vega-Lite
  6 draws the page's chart; no ``text/html`` (the page's figure has a type of its own, ``PAGE_MIME``),
  which JupyterLab would show instead;
- no text output holds raw MyST (a role, a target, a directive's fence, an escape Jupyter reads as a
  formula): the text is readable Markdown there, while the book renders its MyST form.

``introduction`` prints the book's rubrics (headings in a backtick fence), ``prices`` nine charts, one of
them an explorer with sliders; ``test_chapter_contract.py`` checks every page through the engine."""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from executed import VEGALITE_5, VEGALITE_6, drawing, raw_myst

from barometre.charts import PAGE_MIME, PRINT_MIME, WIDTH
from barometre.charts.output import JUPYTER_VEGALITE_MIME, JUPYTER_VEGALITE_SCHEMA
from barometre.paths import CHAPTERS_DIR
from barometre.prose import MYST_MIME, jupyter_markdown

CHART = re.compile(r'<script type="application/json" id="spec-([a-z0-9-]+)">(.*?)</script>', re.S)


def run_in_jupyter(name: str, tmp_path) -> nbformat.NotebookNode:
    """``chapters/<name>.ipynb`` executed by papermill in a Python 3 kernel, with its default parameters,
    from the chapters' folder (where Jupyter opens it)."""
    import papermill as pm

    out = tmp_path / f"{name}.ipynb"
    pm.execute_notebook(str(CHAPTERS_DIR / f"{name}.ipynb"), str(out), kernel_name="python3",
                        cwd=str(CHAPTERS_DIR), progress_bar=False)
    return nbformat.read(out, as_version=4)


def outputs(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            yield from cell.get("outputs", [])


def shown_texts(nb) -> list[str]:
    """Every text Jupyter can show from the notebook's outputs: Markdown, plain text, streams."""
    texts = []
    for output in outputs(nb):
        if output.get("output_type") == "stream":
            texts.append(output["text"])
        data = output.get("data", {})
        texts += [data[mime] for mime in ("text/markdown", "text/plain") if mime in data]
    return texts


@pytest.mark.slow
@pytest.mark.parametrize("name", ["introduction", "prices"])
def test_a_notebook_run_in_jupyter_with_its_defaults_shows_readable_markdown_and_drawable_charts(name, tmp_path):
    nb = run_in_jupyter(name, tmp_path)
    assert not [o for o in outputs(nb) if o.get("output_type") == "error"]
    texts = [o for o in outputs(nb) if MYST_MIME in o.get("data", {})]
    assert texts, "the chapter prints its text"
    assert {t: raw_myst(t) for t in shown_texts(nb) if raw_myst(t)} == {}
    charts = [o["data"] for o in outputs(nb) if PRINT_MIME in o.get("data", {})]
    assert len(charts) == len([o for o in outputs(nb) if CHART.search(o.get("data", {}).get(PAGE_MIME, ""))])
    for data in charts:
        name_, page = CHART.search(data[PAGE_MIME]).groups()
        assert JUPYTER_VEGALITE_MIME in data, f"chart {name_} has no {JUPYTER_VEGALITE_MIME} bundle"
        # JupyterLab ranks text/html above its Vega renderer: with it, it shows the page's HTML and no chart
        assert "text/html" not in data, f"chart {name_} gives JupyterLab HTML to show instead of the chart"
        jupyter = data[JUPYTER_VEGALITE_MIME]
        assert jupyter["$schema"] == JUPYTER_VEGALITE_SCHEMA
        web = json.loads(page.replace("<\\/", "</"))
        # the page's chart; a width fixed where the page takes its container's (JupyterLab froze on it)
        assert isinstance(jupyter.get("width", 0), int), f"chart {name_}: width {jupyter['width']!r}"
        sized = {"width": WIDTH} if web.get("width") == "container" else {}
        assert {k: v for k, v in jupyter.items() if k not in ("$schema", "usermeta")} == \
            {k: v for k, v in {**web, **sized}.items() if k != "$schema"}, f"chart {name_} is the page's chart"
        assert drawing(jupyter, VEGALITE_5) == drawing({**jupyter, "$schema": web["$schema"]}, VEGALITE_6), name_
    if name == "prices":
        assert len(charts) >= 5 and any("param" in json.dumps(d[JUPYTER_VEGALITE_MIME]) for d in charts)


def test_a_rubric_and_a_box_in_backtick_fences_read_as_markdown_in_jupyter():
    myst = ("```{rubric} L’essentiel de l’édition\n```\n\nSelon {ref}`15 % <fig-2008-a>`.\n\n"
            "```{admonition} Vérification\nLe Smic \\(brut\\) a augmenté.\n```\n\nFin.")
    assert jupyter_markdown(myst) == ("**L’essentiel de l’édition**\n\nSelon 15 %.\n\n"
                                      "> **Vérification**\n>\n> Le Smic (brut) a augmenté.\n\nFin.")
    assert raw_myst(jupyter_markdown(myst)) == [] and raw_myst(myst) != []
