"""Chapter notebooks: typed parameters, no outputs in version control, thin code."""

from __future__ import annotations

import json
import re
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


def _typed_figures(source: str) -> list[str]:
    """Figures with a unit typed in a string literal of Python code (docstrings excepted): the
    chart titles, headings and sentences the package and the notebooks' code write. « 100 % » is
    allowed: the whole a share is part of, not a figure of the barometer."""
    import ast
    import re

    typed = re.compile(r"(?<![\w.{])\d+(?:[,.]\d+)?[\s\u00a0\u202f]*(%|€|M€|euros?\b|emplois\b|points\b|mois\b|ans\b)")
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            found += [m.group(0) for m in typed.finditer(node.value)
                      if not re.fullmatch(r"100[\s\u00a0\u202f]*%", m.group(0))]
    return found


def test_no_figure_is_typed_in_the_code_that_writes_titles_and_sentences():
    package = ROOT / "src" / "barometre"
    pages = [*sorted((package / "chapters").rglob("*.py")),
             *sorted((package / "charts").glob("*.py")),
             *sorted((package / "claims").glob("*.py")),
             *sorted((package / "narrative").glob("*.py")),
             *sorted((package / "lead").glob("*.py")),
             package / "history.py"]
    found = {str(p.relative_to(ROOT)): typed for p in pages if (typed := _typed_figures(p.read_text(encoding="utf-8")))}
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code" and (typed := _typed_figures(cell.source)):
                found.setdefault(path.name, []).extend(typed)
    assert found == {}


def test_the_typed_figure_guard_sees_a_chart_title_in_code():
    assert _typed_figures('title = f"La croissance atteint 15 % en {year}"\n') == ["15 %"]
    assert _typed_figures('def f():\n    """A docstring may say 15 %."""\n    return "de 0 à 100 %"\n') == []


# A model section written as a form (« Hypothèses. … Résultats. … »), the same in every chapter.
TEMPLATE_LABELS = re.compile(r"(?<![\w'’])(Hypothèses|Résultats|Résultat|Conclusion)\s*\.\s")


def _template_labels(source: str) -> list[str]:
    return [m.group(0) for m in TEMPLATE_LABELS.finditer(source)]


def test_the_template_guard_sees_a_label_sentence():
    assert _template_labels('text = f"Hypothèses. En {start}, la marge"')
    assert _template_labels('"Résultats. Payé à l\'appel"')
    assert _template_labels("Le calcul part de 2000. Faute de chiffre publié") == []


@pytest.mark.parametrize("path", sorted(CHAPTERS_DIR.glob("*.ipynb")), ids=lambda p: p.stem)
def test_no_model_section_reads_as_a_form_of_labelled_paragraphs(path):
    nb = nbformat.read(path, as_version=4)
    found = [label for cell in nb.cells for label in _template_labels(cell.source)]
    assert found == [], f"{path.name}: {found}"
