"""The whole pipeline: data -> papermill (cached) -> jupyter-book -> atomic publish.

These tests build the real book from a private copy of data/ into a temporary
build folder (the project's own _build/ is never touched)."""

from __future__ import annotations

import re

import pytest
from conftest import set_field, set_value, tree_hash

from barometre.build import Builder, BuildError, toc_chapters
from barometre.validation import DataValidationError

pytestmark = pytest.mark.slow

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    from fixtures import copy_upto

    from barometre.paths import DATA_DIR

    root = tmp_path_factory.mktemp("book")
    data = root / "data"
    copy_upto(DATA_DIR, data, 2008)  # these tests read the 2008 book
    build_dir = root / "_build"
    messages: list[str] = []
    result = Builder(data_dir=data, build_dir=build_dir, echo=messages.append).run()
    return {"data": data, "build": build_dir, "first": result, "messages": messages}


def page(book, name: str) -> str:
    return (book["build"] / "html" / "chapters" / f"{name}.html").read_text(encoding="utf-8")


def test_the_first_build_executes_every_chapter_and_publishes_the_site(book):
    result = book["first"]
    assert sorted(result.executed) == sorted(toc_chapters())
    assert result.sphinx_ran
    html = book["build"] / "html"
    assert html.is_symlink() and (html / "index.html").is_file()
    for name in ("introduction", "resilience", "sources"):
        assert (html / "chapters" / f"{name}.html").is_file()
    assert any("[executed] chapters/resilience" in m for m in book["messages"])


def test_without_a_site_address_the_pages_carry_no_placeholder_no_opengraph_url_and_no_sitemap(book):
    import os

    from barometre.linkcheck import _pages

    assert not os.environ.get("BAROMETRE_BASEURL"), "this module's book is built without a site address"
    site = book["build"] / "site" / "2008"
    assert not (site / "sitemap.xml").exists()
    pages = _pages(site)
    assert len(pages) >= 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "example.org" not in text, page.name
        assert 'property="og:url"' not in text and 'rel="canonical"' not in text, page.name
        if 'http-equiv="Refresh"' not in text:  # the edition's index.html only redirects
            assert 'property="og:title"' in text or page.name in ("search.html", "genindex.html"), page.name


def test_pages_show_figures_formatted_from_data_and_linked_to_the_annex(book):
    resilience = page(book, "resilience")
    link = re.search(r'<a [^>]*href="sources.html#fig-2008-revenue-growth-market-2008"[^>]*>'
                     r'<span class="std std-ref">([^<]*)</span>', resilience)
    # the first link may be the edition's table, which signs a change (« +15 % »): the number is the row's
    assert link and link.group(1).lstrip("+") == f"15{NBSP}%"
    assert f"60 à 70{NBSP}%" in resilience
    annex = page(book, "sources")
    assert 'id="fig-2008-revenue-growth-market-2008"' in annex
    # the excerpt's words, in the book's typography (issue 27: « 15% » as typed before)
    assert f"elle s’élevait à 15{NBSP}%" in annex and "15%" not in annex


def test_charts_are_served_by_the_site_itself(book):
    resilience = page(book, "resilience")
    assert resilience.count('class="barometre-chart"') >= 4
    assert '../_static/vega/vega-bundle.js' in resilience
    assert (book["build"] / "html" / "_static" / "vega" / "vega-bundle.js").stat().st_size > 500_000
    assert "cdn.jsdelivr" not in resilience


def test_a_second_build_executes_nothing(book):
    before = tree_hash(book["build"] / "html")
    result = Builder(data_dir=book["data"], build_dir=book["build"], echo=lambda m: None).run()
    assert result.executed == []
    assert not result.sphinx_ran
    assert tree_hash(book["build"] / "html") == before


def test_one_changed_value_reexecutes_only_the_chapters_that_read_it(book):
    set_value(book["data"], "revenue_growth", "market", "2008", "16")
    result = Builder(data_dir=book["data"], build_dir=book["build"], echo=lambda m: None).run()
    assert "chapters/resilience" in result.executed
    assert set(result.executed) < set(toc_chapters()), "a chapter that never reads the value was re-executed"
    resilience = page(book, "resilience")
    # every link to the changed row shows the new value (another source's row of the same figure keeps its
    # own 15 %, and the chapter's table of the edition's figures now tells it « selon » that source)
    shown = re.findall(r'href="sources.html#fig-2008-revenue-growth-market-2008"[^>]*>'
                       r'<span class="std std-ref">([^<]+)</span>', resilience)
    assert shown and {s.lstrip("+") for s in shown} == {f"16{NBSP}%"}, shown


def _staged_html(book, name: str):
    return book["build"] / "staging" / "2008" / "_build" / "html" / "chapters" / f"{name}.html"


def test_a_data_change_rewrites_only_the_pages_it_touches_and_the_colophon_states_the_new_data(book):
    from barometre.build import build_stamp

    set_value(book["data"], "revenue_growth", "market", "2008", "17")
    before = {name: _staged_html(book, name.removeprefix("chapters/")).stat().st_mtime_ns for name in toc_chapters()}
    result = Builder(data_dir=book["data"], build_dir=book["build"], echo=lambda m: None).run()
    untouched = set(toc_chapters()) - set(result.executed)
    assert untouched, "every chapter was re-executed"
    for name in untouched:  # neither re-read nor rewritten: Sphinx leaves its page alone
        assert _staged_html(book, name.removeprefix("chapters/")).stat().st_mtime_ns == before[name], name
    # the colophon is not a notebook, yet it states the data it was built from
    checksum = re.search(r"données sha256 (\w+)", build_stamp(book["data"], 2008)).group(1)
    colophon = page(book, "colophon")
    assert checksum in colophon


def test_a_changed_quote_reaches_the_tooltips_of_pages_whose_text_did_not_change(book):
    staged = book["build"] / "staging" / "2008" / "chapters" / "resilience.ipynb"
    text_before = staged.read_bytes()
    set_field(book["data"], "revenue_growth", "market", "2008", "quote", lambda old: old.replace("elle s", "Elle s", 1))
    Builder(data_dir=book["data"], build_dir=book["build"], echo=lambda m: None).run()
    assert staged.read_bytes() == text_before, "the page's text changed: this test needs a page that did not"
    tip = re.search(r'href="sources.html#fig-2008-revenue-growth-market-2008"[^>]*title="([^"]*)"',
                    page(book, "resilience"))
    assert tip and "Elle s" in tip.group(1)


def test_a_chapter_reading_data_it_does_not_declare_fails_loudly_and_nothing_is_published(book, tmp_path,
                                                                                         monkeypatch):
    """The registry says what the prices chapter reads; without its reference series declared, its
    first read of the Smic stops the build, named, instead of being cached on a key that omits it."""
    import dataclasses

    from barometre import book as registry

    chapters = tuple(
        dataclasses.replace(c, inputs=dataclasses.replace(c.inputs, references=())) if c.name == "prices" else c
        for c in registry.CHAPTERS
    )
    monkeypatch.setattr(registry, "CHAPTERS", chapters)
    with pytest.raises(BuildError) as caught:
        Builder(data_dir=book["data"], build_dir=tmp_path / "_build", echo=lambda m: None).run()
    message = str(caught.value)
    assert "Chapter chapters/prices failed" in message
    assert "UndeclaredInput" in message and "src/barometre/book.py" in message
    assert "'smic'" in message or "'cpi'" in message or "'events'" in message
    assert not (tmp_path / "_build" / "html").exists()


def test_invalid_data_stops_the_build_and_leaves_the_site_untouched(book):
    before = tree_hash(book["build"] / "html")
    path = book["data"] / "editions" / "2008.csv"
    good = path.read_bytes()
    path.write_bytes(good.replace(b",percent,", b",pourcent,", 1))
    try:
        with pytest.raises(DataValidationError, match="pourcent"):
            Builder(data_dir=book["data"], build_dir=book["build"], echo=lambda m: None).run()
    finally:
        path.write_bytes(good)
    assert tree_hash(book["build"] / "html") == before


def test_a_failing_chapter_is_named_with_its_cell_and_error_and_nothing_is_published(book):
    before = tree_hash(book["build"] / "html")
    builder = Builder(
        data_dir=book["data"], build_dir=book["build"], echo=lambda m: None,
        extra_parameters={"provider_margin": -5.0},
    )
    with pytest.raises(BuildError) as info:
        builder.run()
    message = str(info.value)
    assert "Chapter chapters/resilience failed at cell" in message
    assert "ValueError: provider_margin must be > -1" in message
    assert (book["build"] / "failed" / "2008" / "resilience.ipynb").is_file()
    assert "last published site is unchanged" in message
    assert "make clean-cache" in message  # a failure that could come from the cache says how to clear it
    assert tree_hash(book["build"] / "html") == before


def _published_and_unchanged(book) -> list[str]:
    """Build until the published site is up to date; the messages of a build that then changes nothing."""
    Builder(data_dir=book["data"], build_dir=book["build"], echo=lambda m: None).run()
    messages: list[str] = []
    Builder(data_dir=book["data"], build_dir=book["build"], echo=messages.append).run()
    assert any("Nothing changed" in m for m in messages), messages
    return messages


def test_a_data_file_replaced_by_a_link_to_an_identical_copy_is_refused_by_the_build_command(book):
    """The no-op shortcut saw the same bytes through the link and said "Nothing changed", while
    ``make validate`` refused the link: ``make book`` must validate it, and refuse it, whatever the last
    build was. Run as ``make book`` runs it: ``scripts/build.py`` in its own process (here with the test's
    data and build folders)."""
    import shutil
    import subprocess
    import sys

    from barometre.paths import ROOT

    _published_and_unchanged(book)
    before = tree_hash(book["build"] / "html")
    path = book["data"] / "editions" / "2008.csv"
    copy = book["build"].parent / "identical-2008.csv"
    shutil.copy2(path, copy)
    path.unlink()
    path.symlink_to(copy)
    try:
        proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--data-dir", str(book["data"]),
                               "--build-dir", str(book["build"])], capture_output=True, text=True, timeout=300)
    finally:
        path.unlink()
        shutil.copy2(copy, path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "editions/2008.csv" in proc.stderr and "symbolic link" in proc.stderr and "Traceback" not in proc.stderr
    assert "Nothing changed" not in proc.stdout + proc.stderr
    assert tree_hash(book["build"] / "html") == before


def test_a_damaged_cache_entry_is_dropped_and_executed_again_and_the_build_heals(book):
    """Truncated cached notebooks (a full disk, a kill, a hand edit) were used as they were, and every later
    build failed until ``make clean``. Each entry now carries its checksum: the next build drops the bad
    entry with a one-line note, executes that chapter again and publishes the same site."""
    _published_and_unchanged(book)
    before = tree_hash(book["build"] / "html")
    cache = book["build"] / "cache" / "chapters__value"
    damaged = sorted(cache.glob("*.ipynb"))
    assert damaged
    for notebook in damaged:
        notebook.write_bytes(notebook.read_bytes()[: notebook.stat().st_size // 2])
    for state in (book["build"] / "state").glob("*.json"):
        state.unlink()  # otherwise the no-op shortcut is right not to look at the cache at all
    messages: list[str] = []
    result = Builder(data_dir=book["data"], build_dir=book["build"], echo=messages.append).run()
    notes = [m for m in messages if "[cache]" in m]
    assert len(notes) == 1 and "chapters/value" in notes[0] and "checksum differs" in notes[0], messages
    assert result.executed == ["chapters/value"]
    assert tree_hash(book["build"] / "html") == before  # the same notebook again: the same site
    again: list[str] = []
    assert Builder(data_dir=book["data"], build_dir=book["build"], echo=again.append).run().executed == []
    assert not any("[cache]" in m for m in again)
