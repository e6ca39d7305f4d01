"""Chapter notebooks: typed parameters, no outputs in version control, thin code."""

from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest

from barometre.build import toc_chapters
from barometre.paths import CHAPTERS_DIR, ROOT

NOTEBOOKS = sorted(CHAPTERS_DIR.glob("*.ipynb"))


def test_every_notebook_is_in_the_table_of_contents():
    listed = {f"{name}.ipynb" for name in toc_chapters()}
    assert {str(p.relative_to(ROOT)) for p in NOTEBOOKS} == listed


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_chapter_declares_a_typed_edition_parameter(path):
    out = subprocess.run(
        [sys.executable, "-m", "papermill", "--help-notebook", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "edition: int (default 0)" in out
    assert "data_dir: str" in out
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for line in tagged[0].source.splitlines():
        if line and not line.startswith("#"):
            assert ": " in line.split("=")[0] and "#" in line, f"untyped or uncommented parameter: {line}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_source_notebooks_carry_no_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        assert not cell.get("outputs") and not cell.get("execution_count"), path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_define_no_functions_or_classes(path):
    """Logic lives in the tested package; a notebook only calls it and writes sentences."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            for line in cell.source.splitlines():
                assert not line.lstrip().startswith(("def ", "class ", "lambda")), f"{path.name}: {line}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_figure_is_typed_in_the_prose_of_a_notebook(path):
    """Years, percentages, amounts and counts come from data through code, never typed in Markdown
    (formulas such as 1/r are allowed)."""
    import re

    typed = re.compile(r"\b(19|20)\d\d\b|\d+\s*(%|€|euros?|emplois|points)|\d[\d\u202f ]{3,}")
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert not typed.search(cell.source), f"{path.name}: {typed.search(cell.source).group(0)!r} typed"
