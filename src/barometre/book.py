"""The book's one list of chapters: the registry every other part reads.

Before this module, the chapter list lived in five places (``_toc.yml``, the validation's
allowed values, the synthesis's import loop, the tests' lists and the build). Now a chapter
is declared once, here, with:

- ``name``: its notebook, ``chapters/<name>.ipynb`` (or ``.md``);
- ``module``: the package module that holds its logic (``barometre.chapters.<name>``), if any;
- ``role``: ``root`` (the first page), ``chapter`` (an analysis chapter: data rows and quotes may
  name it in their ``chapters`` column, and the synthesis summarises it), ``page`` (a numbered
  page that is not an analysis chapter) or ``appendix``;
- ``inputs``: the data it reads (``Inputs``): indicators by family, quotes, reference series.
  The build's cache key for the chapter hashes exactly these rows and files (``Dataset.inputs_key``),
  and while the build runs the chapter, its ``Dataset`` refuses any other read
  (``UndeclaredInput``, which names the chapter, the input and this file). So a chapter cannot
  depend on data its key does not cover.

``_toc.yml`` is generated from this list (``python -m barometre toc``) and a test checks that the
committed file is what the registry gives. The synthesis, the validation, the build and the
tests read ``CHAPTERS``; only this module and the build import chapter modules by name.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Literal

import yaml

Role = Literal["root", "chapter", "page", "appendix"]
# A reference series by name: ``validation.REFERENCE_NAMES`` (the series of ``validation.REFERENCE_SERIES``, and
# the events); a name no series has is refused when the chapter runs (``Dataset.restricted``)
Reference = str


@dataclass(frozen=True)
class Inputs:
    """What a chapter reads. ``families`` are indicator families: the tags of the ``chapters``
    column of ``data/indicators.csv``; ``indicators`` adds single indicators of other families.
    The indicator dictionary, the sources and the list of editions are every chapter's inputs."""

    families: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    every_indicator: bool = False  # every figure of every edition (the annex, the changes page)
    quotes: tuple[str, ...] | bool = ()  # the quotes of these chapters (their ``chapter`` column); True: all
    citations: bool = False  # which sources each edition cites (``Dataset.cited_sources``)
    references: tuple[Reference, ...] = ()
    lines: bool = False  # the page prints rows' line numbers (« ligne 12 de … »): they are in its key

    def indicator_names(self, dictionary: dict) -> frozenset[str] | None:
        """The indicators declared, from the dictionary (None: every indicator)."""
        if self.every_indicator:
            return None
        chosen = {i for i, entry in dictionary.items() if set(entry.chapters) & set(self.families)}
        return frozenset(chosen | set(self.indicators))

    def allows_quotes_of(self, chapter: str | None) -> bool:
        return self.quotes is True or (chapter is not None and chapter in self.quotes)

    def __or__(self, other: Inputs) -> Inputs:
        def quotes(a, b):
            return True if a is True or b is True else tuple(dict.fromkeys((*a, *b)))

        return Inputs(
            tuple(dict.fromkeys((*self.families, *other.families))),
            tuple(dict.fromkeys((*self.indicators, *other.indicators))),
            self.every_indicator or other.every_indicator,
            quotes(self.quotes, other.quotes),
            self.citations or other.citations,
            tuple(dict.fromkeys((*self.references, *other.references))),
            self.lines or other.lines,
        )


@dataclass(frozen=True)
class Chapter:
    name: str
    role: Role
    module: str | None = None
    inputs: Inputs = Inputs()

    @property
    def file(self) -> str:
        """The entry of the table of contents (path from the book root, no suffix)."""
        return f"chapters/{self.name}"

    def load(self) -> ModuleType | None:
        """The chapter's logic module (None for a page without one)."""
        return importlib.import_module(self.module) if self.module else None


def _analysis(name: str, inputs: Inputs) -> Chapter:
    return Chapter(name, "chapter", f"barometre.chapters.{name}", inputs)


# What each analysis chapter reads (its own family, plus what it borrows, and why).
_RESILIENCE = Inputs(
    families=("resilience",),
    # the labour share of the break-even model; France's share of revenue for the growth decomposition;
    # the sites closed with the jobs cut in the sector's first contraction (2012-2013), and the barometer's change of
    # staff in France the year a speaker counts the jobs cut
    indicators=("personnel_cost_share", "france_revenue_share", "sites_closed", "staff_growth"),
    quotes=True,  # the leaders' words on the crisis, whatever chapter they were filed under
    references=("events", "call_centres", "studies"),  # its claims are set against INSEE's call-centre sector
)
_OFFSHORE = Inputs(
    families=("offshore",),
    indicators=("jobs_created", "staff_growth"),  # staff growth by region: the newer figure of where jobs go
    quotes=True,
    citations=True,  # the voices of the debate: only the people the data up to the edition cite
    references=("events", "cities", "outline", "studies"),
)
_PRICES = Inputs(families=("prices",), quotes=("prices", "resilience"),
                              # INSEE's later prices; the merger guidelines' classes the HHI bounds are read against
                 references=("smic", "cpi", "labour_cost", "events", "call_centres", "hhi_thresholds",
                             "studies"),
                 # the SP2C members' share, a later measure of concentration, checked against their revenue
                 indicators=("sp2c_revenue_coverage", "sp2c_members_revenue", "market_revenue"))
_VALUE = Inputs(
    families=("value",),
    indicators=("numericable_external_advisers", "production_hour_price_change_since_2000",
                "smic_increase_claimed"),
    quotes=("value",),
    references=("smic", "labour_cost", "price_level", "gbp_per_eur", "studies"),  # the British salary in euros, at each country's prices
)
_PARTNERSHIP = Inputs(
    families=("partnership",),
    indicators=("numericable_external_advisers", "numericable_internal_experts",
                "numericable_offshore_start_year"),
    quotes=True,
    citations=True,  # « propos rapportés dans l'édition … »: the newest edition citing a person
    references=("events", "studies"),
)
_EVERY_CHAPTER = _RESILIENCE | _OFFSHORE | _PRICES | _VALUE | _PARTNERSHIP

# The book's order.
CHAPTERS: tuple[Chapter, ...] = (
    # the publications the edition's figures come from, and the key figures
    # the lead (« L'essentiel de l'édition », barometre.lead) tells the edition's outlook from its quotes
    Chapter("introduction", "root", inputs=Inputs(every_indicator=True, quotes=True, references=("studies",))),
    _analysis("resilience", _RESILIENCE),
    _analysis("offshore", _OFFSHORE),
    _analysis("prices", _PRICES),
    _analysis("value", _VALUE),
    _analysis("partnership", _PARTNERSHIP),
    # the synthesis and the claims page judge every chapter: they read what the chapters read
    Chapter("synthesis", "page", "barometre.chapters.synthesis", _EVERY_CHAPTER),
    Chapter("changes", "page", inputs=Inputs(every_indicator=True, references=("studies",))),
    # the claims are also set against outside statistics (INSEE's call centres, exchange rates)
    Chapter("claims", "page", "barometre.claims",
            _EVERY_CHAPTER | Inputs(every_indicator=True, references=("call_centres", "gbp_per_eur"))),
    Chapter("sources", "appendix", "barometre.chapters.sources",
            Inputs(every_indicator=True, quotes=True, references=("events", "cities", "studies"),
                   lines=True)),
    Chapter("colophon", "appendix"),
)


def analysis_chapters() -> tuple[str, ...]:
    """The analysis chapters' names, in order: what ``chapters`` columns may name, what the
    synthesis summarises."""
    return tuple(c.name for c in CHAPTERS if c.role == "chapter")


def notebooks(root: Path | None = None) -> list[str]:
    """The pages that are notebooks (executed by the build), as table-of-contents entries, in order."""
    from barometre.paths import ROOT

    root = ROOT if root is None else Path(root)
    return [c.file for c in CHAPTERS if (root / f"{c.file}.ipynb").is_file()]


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
