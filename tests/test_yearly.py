"""The yearly rerun: a (fictional) 2009 edition in, a new book out, the 2008 book untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import tree_hash
from fixtures import data_with_2009

from barometre.build import Builder

pytestmark = pytest.mark.slow
ANALYSIS = ["resilience", "offshore", "prices", "value", "partnership"]


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    root = tmp_path_factory.mktemp("yearly")
    data = data_with_2009(root / "data")
    build = root / "_build"
    Builder(2008, data_dir=data, build_dir=build, echo=lambda m: None).run()
    before = tree_hash(build / "site" / "2008")
    messages: list[str] = []
    Builder(2009, data_dir=data, build_dir=build, echo=messages.append).run()
    return {"build": build, "before_2008": before, "messages": messages}


def sentences(build: Path, edition: int, chapter: str) -> set[str]:
    html = (build / "site" / str(edition) / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    main = BeautifulSoup(html, "html.parser").find("main")
    return {" ".join(p.get_text(" ", strip=True).split()) for p in main.find_all(["p", "li"])}


def test_building_2009_leaves_the_2008_site_byte_identical(editions):
    assert tree_hash(editions["build"] / "site" / "2008") == editions["before_2008"]


def test_the_archive_names_the_latest_edition_and_lists_both(editions):
    index = (editions["build"] / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'Dernière édition\u00a0: <a href="2009/index.html">', index) and "2008/index.html" in index
    assert (editions["build"] / "html").resolve() == (editions["build"] / "site" / "2009").resolve()


@pytest.mark.parametrize("chapter", ANALYSIS)
def test_every_chapter_says_something_different_when_the_data_differ(editions, chapter):
    old, new = sentences(editions["build"], 2008, chapter), sentences(editions["build"], 2009, chapter)
    changed = {s for s in new - old if re.search(r"\d", s)}
    assert changed, f"no sentence of {chapter} changed with the 2009 data"


@pytest.mark.parametrize("chapter", ANALYSIS)
def test_the_2009_book_never_prints_non_publie_inside_a_sentence(editions, chapter):
    text = " ".join(sentences(editions["build"], 2009, chapter))
    assert "non publié" not in text


def test_the_changes_page_lists_changed_indicators_with_both_values(editions):
    html = (editions["build"] / "site" / "2009" / "chapters" / "changes.html").read_text(encoding="utf-8")
    main = BeautifulSoup(html, "html.parser").find("main")
    rows = [" ".join(tr.get_text(" ", strip=True).split()) for tr in main.find_all("tr")]
    # growth is 15 % in the 2008 edition and 6 % in the 2009 fixture: one row of the table names
    # the indicator and shows both values and the change, not just the banner's years
    assert rows[0].split()[-3:] == ["2008", "2009", "Variation"], rows[0]
    growth = [r for r in rows if r.startswith("Croissance du chiffre d") and "ensemble du marché" in r]
    assert any(re.search(r"\b15\W*%\W*6\W*%\W*[-−]\W*9\W*points", r) for r in growth), rows


def test_the_build_reports_the_comparison_with_the_previous_edition(editions):
    assert any("2008" in m and "2009" in m for m in editions["messages"])
