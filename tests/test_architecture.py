"""The package's import graph: no cycle, and typography at the bottom (it imports nothing of the package).

Every import counts, those inside functions too: a deferred import hides a cycle from Python, not from
the reader (``charts`` imported ``sphinx_ext`` inside a function for its typography, and ``sphinx_ext``
imported ``charts``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "barometre"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = ["barometre", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports (a name imported from a
    package that is one of its submodules counts as that submodule)."""
    modules = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
            else:
                continue
            found |= {t for t in targets if t in modules and t != name}
        graph[name] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_package_has_no_import_cycle():
    assert cycles(import_graph()) == []


def test_the_cycle_check_sees_a_deferred_import_cycle(tmp_path):
    pkg = tmp_path / "barometre"
    (pkg / "charts").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "charts" / "__init__.py").write_text("from barometre.charts.web import html\n")
    (pkg / "charts" / "web.py").write_text("def html():\n    from barometre.sphinx_ext import raw_typography\n")
    (pkg / "sphinx_ext.py").write_text("from barometre.charts import print_pdfs\n")
    assert cycles(import_graph(pkg)) == [["barometre.charts", "barometre.charts.web", "barometre.sphinx_ext"]]


@pytest.mark.parametrize("module", ["barometre.typography"])
def test_typography_is_at_the_bottom_of_the_package(module):
    assert import_graph()[module] == set()


def test_the_text_the_tooltips_the_charts_and_the_print_use_the_one_typography_module():
    graph = import_graph()
    for user in ("barometre.narrative", "barometre.sphinx_ext.typography", "barometre.charts.web",
                 "barometre.charts.printing", "barometre.chapters.prices"):
        # a package (``narrative``, ``chapters.prices``) uses it through any of its modules
        imported = set().union(*(deps for name, deps in graph.items() if name == user or name.startswith(user + ".")))
        assert "barometre.typography" in imported, user
    assert "barometre.sphinx_ext" not in {m.rpartition(".")[0] for m in graph["barometre.charts.web"]}


# Files with one job (issue 25): a module over this many lines does several, and a notebook cell over this
# many lines is code to move into the package (the notebook is the analysis: parameters, facts, one short cell
# per section).
MAX_MODULE_LINES = 600
MAX_CELL_LINES = 25


def _long(items: dict[str, int], limit: int) -> dict[str, int]:
    return {name: n for name, n in items.items() if n > limit}


def test_no_module_of_the_package_is_over_600_lines():
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert max(sizes.values()) > 100  # the measure reads the modules
    assert _long(sizes, MAX_MODULE_LINES) == {}


def test_no_code_cell_of_a_chapter_is_over_25_lines():
    import nbformat

    sizes = {}
    for path in sorted((PACKAGE.parents[1] / "chapters").glob("*.ipynb")):
        for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
            if cell.cell_type == "code":
                sizes[f"{path.name} cell {i}"] = len(cell.source.splitlines())
    assert len(sizes) > 50 and max(sizes.values()) > 10  # the measure reads the notebooks
    assert _long(sizes, MAX_CELL_LINES) == {}


def test_the_size_guards_see_a_long_module_and_a_long_cell():
    assert _long({"prices.py": 1535, "lead.py": 600}, MAX_MODULE_LINES) == {"prices.py": 1535}
    assert _long({"prices.ipynb cell 17": 69}, MAX_CELL_LINES) == {"prices.ipynb cell 17": 69}


# A French sentence belongs in a template (``src/barometre/templates/``), where an editor reads and changes it without
# touching Python (issue 25). Modules that may still hold French words: the labels (a CSV's column headers, which
# explain their unit in a parenthesis) and the data package's English description, whose quoted file names read as
# French to the detector.
LABEL_AND_MESSAGE_MODULES = {"charts/csv_headers.py", "datapackage.py", "labels.py"}


def test_no_module_of_the_package_writes_a_french_sentence_outside_the_templates():
    from test_value_facts import french_sentences

    found = {str(p.relative_to(PACKAGE)): french_sentences(p.read_text(encoding="utf-8"))
             for p in sorted(PACKAGE.rglob("*.py"))}
    assert len(found) > 100  # the measure reads the package
    assert {m: s for m, s in found.items() if s and m not in LABEL_AND_MESSAGE_MODULES} == {}
    # the detector sees a sentence a module would write
    assert french_sentences('x = f"La croissance des outsourceurs ralentit en {year}."\n')
