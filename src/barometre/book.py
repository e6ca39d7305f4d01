"""The book's one list of chapters: the registry every other part reads.

Before this module, the chapter list lived in five places (``_toc.yml``, the validation's
allowed values, the synthesis's import loop, the tests' lists and the build). Now a chapter
is declared once, here, with:

- ``name``: its notebook, ``chapters/<name>.ipynb`` (or ``.md``);
- ``module``: the package module that holds its logic (``barometre.chapters.<name>``), if any;
- ``role``: ``root`` (the first page), ``chapter`` (an analysis chapter: data rows and quotes may
  name it in their ``chapters`` column, and the synthesis summarises it), ``page`` (a numbered
  page that is not an analysis chapter) or ``appendix``;

``_toc.yml`` is generated from this list (``python -m barometre toc``) and a test checks that the
committed file is what the registry gives. The synthesis, the validation, the build and the
tests read ``CHAPTERS``; only this module and the build import chapter modules by name.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

import yaml

Role = Literal["root", "chapter", "page", "appendix"]


@dataclass(frozen=True)
class Chapter:
    name: str
    role: Role
    module: str | None = None

    @property
    def file(self) -> str:
        """The entry of the table of contents (path from the book root, no suffix)."""
        return f"chapters/{self.name}"

    def load(self) -> ModuleType | None:
        """The chapter's logic module (None for a page without one)."""
        return importlib.import_module(self.module) if self.module else None


def _analysis(name: str) -> Chapter:
    return Chapter(name, "chapter", f"barometre.chapters.{name}")


# The book's order.
CHAPTERS: tuple[Chapter, ...] = (
    Chapter("introduction", "root"),
    _analysis("resilience"),
    _analysis("offshore"),
    _analysis("prices"),
    _analysis("value"),
    _analysis("partnership"),
    Chapter("synthesis", "page", "barometre.chapters.synthesis"),
    Chapter("changes", "page"),
    Chapter("claims", "page", "barometre.claims"),
    Chapter("sources", "appendix", "barometre.chapters.sources"),
    Chapter("colophon", "appendix"),
)


def analysis_chapters() -> tuple[str, ...]:
    """The analysis chapters' names, in order: what ``chapters`` columns may name, what the
    synthesis summarises."""
    return tuple(c.name for c in CHAPTERS if c.role == "chapter")


def chapter(name: str) -> Chapter:
    for c in CHAPTERS:
        if c.name == name:
            return c
    raise KeyError(f"no chapter named {name!r} in barometre.book.CHAPTERS")


def toc() -> dict:
    """The table of contents (Jupyter Book's ``_toc.yml``) the registry gives."""
    root = [c for c in CHAPTERS if c.role == "root"]
    if len(root) != 1:
        raise ValueError("the registry needs exactly one root page")
    return {
        "format": "jb-book",
        "root": root[0].file,
        "chapters": [{"file": c.file} for c in CHAPTERS if c.role != "root"],
    }


def toc_yaml() -> str:
    header = ("# Generated from src/barometre/book.py by `python -m barometre toc`: edit the registry,\n"
              "# not this file (tests/test_book.py checks that they agree).\n")
    return header + yaml.safe_dump(toc(), sort_keys=False, allow_unicode=True)
