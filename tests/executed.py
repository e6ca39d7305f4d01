"""Run a chapter notebook with papermill and read what it shows (shared by the chapter tests)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat

from barometre.paths import CHAPTERS_DIR
from barometre.prose import MYST_MIME


def execute_chapter(tmp_path: Path, chapter: str, label: str, **parameters) -> nbformat.NotebookNode:
    """Execute ``chapters/<chapter>.ipynb`` with ``parameters`` (as ``papermill -p`` would)."""
    import papermill as pm

    out = tmp_path / f"{chapter}-{label}.ipynb"
    pm.execute_notebook(
        str(CHAPTERS_DIR / f"{chapter}.ipynb"), str(out), parameters=parameters, kernel_name="python3",
        cwd=str(CHAPTERS_DIR), progress_bar=False,
    )
    return nbformat.read(out, as_version=4)


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
            m = pattern.search(o.get("data", {}).get("text/html", ""))
            if m:
                return json.loads(m.group(1).replace("<\\/", "</"))
    raise AssertionError(f"no chart {name}")
