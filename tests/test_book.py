"""The chapter registry (barometre.book) is the one list of chapters the book, the validation,
the synthesis and the tests read."""

from __future__ import annotations

import ast

import pytest
import yaml

from barometre import book, validation
from barometre.build import toc_chapters
from barometre.chapters import synthesis
from barometre.paths import CHAPTERS_DIR, ROOT


def test_the_committed_table_of_contents_is_the_one_the_registry_generates():
    committed = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert committed == book.toc_yaml(), "run: python -m barometre toc"
    assert toc_chapters() == [c.file for c in book.CHAPTERS if (ROOT / f"{c.file}.ipynb").is_file()]


def test_every_page_in_chapters_is_registered_and_every_registered_page_exists():
    on_disk = {p.stem for p in CHAPTERS_DIR.glob("*.ipynb")} | {p.stem for p in CHAPTERS_DIR.glob("*.md")}
    registered = {c.name for c in book.CHAPTERS}
    assert on_disk == registered
    for c in book.CHAPTERS:
        if c.module:
            assert c.load() is not None, c.name


def test_validation_and_synthesis_take_the_analysis_chapters_from_the_registry():
    names = book.analysis_chapters()
    assert names[0] == "resilience" and "synthesis" not in names and "sources" not in names
    assert names == validation.CHAPTERS
    assert names == synthesis.CHAPTERS


def test_an_unregistered_chapter_is_refused_by_the_validation():
    with pytest.raises(ValueError, match="chapters among: resilience"):
        validation._chapter_list("resilience;claims_unknown")


def test_the_registry_needs_one_root(monkeypatch):
    monkeypatch.setattr(book, "CHAPTERS", tuple(c for c in book.CHAPTERS if c.role != "root"))
    with pytest.raises(ValueError, match="exactly one root"):
        book.toc()


def test_the_toc_lists_the_pages_in_the_registry_order():
    toc = yaml.safe_load(book.toc_yaml())
    assert toc["root"] == "chapters/introduction"
    assert [e["file"] for e in toc["chapters"]] == [c.file for c in book.CHAPTERS[1:]]


def _chapter_imports(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and (
            node.module == "barometre.chapters" or node.module.startswith("barometre.chapters.")
        ):
            found.append(node.module + ":" + ",".join(a.name for a in node.names))
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("barometre.chapters")]
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and node.value.startswith("barometre.chapters.")):
            found.append(node.value)  # an import by name (importlib)
    return found


def test_no_module_imports_a_chapter_module_except_the_build_and_the_registry():
    allowed = {"book.py", "build.py"}
    offenders = {}
    package = ROOT / "src" / "barometre"
    for path in sorted(package.rglob("*.py")):
        if path.name in allowed:
            continue
        found = _chapter_imports(ast.parse(path.read_text(encoding="utf-8")))
        parts = path.relative_to(package).parts
        if parts[0] == "chapters" and len(parts) > 2:  # a chapter's package imports its own modules
            own = f"barometre.chapters.{parts[1]}"
            found = [f for f in found if f.split(":")[0] != own and not f.startswith(own + ".")]
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert offenders == {}


def test_the_import_guard_sees_an_import_by_name():
    tree = ast.parse('import importlib\nimportlib.import_module("barometre.chapters.value")\n'
                     "from barometre.chapters.synthesis import ChapterSummary\n")
    assert len(_chapter_imports(tree)) == 2


def test_an_annex_entry_names_its_indicator_by_its_french_label_not_its_identifier():
    from barometre import load
    from barometre.chapters import sources
    from barometre.narrative import md_escape

    ds = load()
    fig = ds.figure("revenue_growth", 2008, period="2008")
    entry = sources.figure_entry(fig)
    assert md_escape(fig.label) in entry and "revenue_growth" not in entry.replace("\\_", "_")
