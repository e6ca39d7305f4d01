"""``make site``: every edition and the archive page in one command; unchanged editions are not
rebuilt; each edition's PDF is linked only when it is of the same build.

Built from a private copy of data/ with two editions (2007 and 2008) into a temporary folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import set_value, tree_hash

from barometre.build import Builder
from barometre.website import build_site

pytestmark = pytest.mark.slow
EDITIONS = [2007, 2008]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from fixtures import copy_upto

    from barometre.paths import DATA_DIR

    root = tmp_path_factory.mktemp("site")
    data = copy_upto(DATA_DIR, root / "data", 2008, only=set(EDITIONS))
    build = root / "_build"
    single = Builder(2008, data_dir=data, build_dir=build, echo=lambda m: None).run()  # make book EDITION=2008
    messages: list[str] = []
    first = build_site(data_dir=data, build_dir=build, echo=messages.append)
    before = tree_hash(build / "site")
    again = build_site(data_dir=data, build_dir=build, echo=lambda m: None)
    return {"root": root, "data": data, "build": build, "single": single, "first": first, "again": again,
            "before_again": before, "messages": messages}


def test_make_site_builds_every_edition_and_the_archive_lists_each(site):
    for edition in EDITIONS:
        assert (site["build"] / "site" / str(edition) / "index.html").is_file()
        first_page = site["build"] / "site" / str(edition) / "chapters" / "introduction.html"
        assert f"Baromètre, édition {edition}" in first_page.read_text(encoding="utf-8")
    archive = (site["build"] / "site" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a class="edition" href="(\d{4})/index.html"', archive) == ["2008", "2007"]
    assert (site["build"] / "html").resolve() == (site["build"] / "site" / "2008").resolve()


def test_an_edition_already_built_with_the_same_inputs_is_not_rebuilt(site):
    assert site["first"].unchanged == [2008]
    assert [r.edition for r in site["first"].built] == [2007]
    assert any("Unchanged since their last build: 2008" in m for m in site["messages"])


def test_a_second_make_site_rebuilds_nothing_and_changes_nothing(site):
    assert site["again"].built == [] and site["again"].unchanged == EDITIONS
    assert tree_hash(site["build"] / "site") == site["before_again"]


def test_the_editions_messages_are_prefixed_with_their_edition(site):
    built = [m for m in site["messages"] if "[executed]" in m]
    assert built and all(m.startswith("[2007] ") for m in built)


@pytest.fixture(scope="module")
def with_pdf(site):
    """``make pdf EDITION=2008`` after the site: the published 2008 site gets its PDF and the link."""
    pdf = Builder(2008, data_dir=site["data"], build_dir=site["build"], echo=lambda m: None).pdf()
    return {**site, "pdf": pdf}


def colophon(build, edition: int) -> str:
    return (build / "site" / str(edition) / "chapters" / "colophon.html").read_text(encoding="utf-8")


def test_the_pdf_of_the_same_build_is_published_and_linked_from_the_colophon_and_the_archive(with_pdf):
    build = with_pdf["build"]
    published = build / "site" / "2008" / "barometre-outsourcing-2008.pdf"
    assert published.read_bytes() == with_pdf["pdf"].read_bytes()
    link = re.search(r'<p id="barometre-pdf">Ce livre existe aussi en PDF[^<]*<a class="barometre-pdf" '
                     r'href="([^"]+)"', colophon(build, 2008))
    assert link and link.group(1) == "../barometre-outsourcing-2008.pdf"
    assert "barometre-pdf" not in colophon(build, 2007).replace('<div id="barometre-pdf"></div>', "")
    archive = (build / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="2008/barometre-outsourcing-2008.pdf"' in archive
    assert "2007/barometre-outsourcing-2007.pdf" not in archive


@pytest.fixture(scope="module")
def served(with_pdf):
    """The temporary folder served over HTTP on the loopback: ``_build/site`` is then a sub-path."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(with_pdf["root"]))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/_build/site"
    server.shutdown()
    server.server_close()


def _opens(page, edition: int | None) -> None:
    """The page reached is the edition's first page (its banner names it), or the archive."""
    if edition is None:
        page.wait_for_url(re.compile(r".*/site/index\.html$"))
        assert page.locator("h1").inner_text().startswith("Le baromètre")
        assert page.locator("a.edition").count() == len(EDITIONS)
    else:
        page.wait_for_url(re.compile(rf".*/site/{edition}/chapters/introduction\.html$"))
        banner = page.locator(".bd-header-announcement").inner_text()
        assert f"édition {edition}" in banner, banner


@pytest.mark.browser
def test_every_edition_link_of_every_banner_and_of_the_archive_opens_its_page(with_pdf, served):
    from playwright.sync_api import sync_playwright

    from barometre.build import toc_chapters

    chromium = shutil.which("chromium") or "/usr/bin/chromium"

    site_dir = with_pdf["build"] / "site"
    pages = ["index.html", *(f"{name}.html" for name in toc_chapters())]
    starts = [(site_dir.as_uri(), pages), (served, ["index.html", "chapters/resilience.html"])]
    clicked = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        def visit(url: str) -> None:
            page.goto(url)
            if url.endswith("/index.html"):  # an edition's index.html sends the reader on to its first page
                page.wait_for_url(re.compile(r".*/chapters/introduction\.html$"))
            page.wait_for_load_state("load")
        try:
            for base, names in starts:
                # the archive: every edition, and the PDF where there is one
                page.goto(f"{base}/index.html")
                for i, edition in enumerate(sorted(EDITIONS, reverse=True)):
                    page.goto(f"{base}/index.html")
                    page.locator("a.edition").nth(i).click()
                    _opens(page, edition)
                    clicked += 1
                if base.startswith("http"):
                    page.goto(f"{base}/index.html")
                    href = page.locator("a.pdf-link").get_attribute("href")
                    response = page.request.get(f"{base}/{href}")
                    assert response.ok and response.body()[:5] == b"%PDF-"
                # every banner of every page of every edition
                for edition in EDITIONS:
                    for name in names:
                        visit(f"{base}/{edition}/{name}")
                        links = page.locator(".bd-header-announcement a")
                        texts = links.all_inner_texts()
                        # the earlier editions and the archive: not the later ones (barometre.vintage)
                        assert texts == [str(e) for e in EDITIONS if e < edition] + ["toutes les éditions"], texts
                        for i, text in enumerate(texts):
                            if i:
                                visit(f"{base}/{edition}/{name}")
                            page.locator(".bd-header-announcement a").nth(i).click()
                            _opens(page, int(text) if text.isdigit() else None)
                            clicked += 1
        finally:
            browser.close()
    assert errors == []
    banner_links = sum(len([e for e in EDITIONS if e < edition]) + 1 for edition in EDITIONS)
    assert clicked == 2 * len(EDITIONS) + banner_links * (len(pages) + 2)


def test_a_make_site_after_a_data_change_publishes_no_stale_pdf(with_pdf):
    """(Last in this file: it changes the module's data.)"""
    build = with_pdf["build"]
    set_value(with_pdf["data"], "revenue_growth", "market", "2008", "16")
    result = build_site(data_dir=with_pdf["data"], build_dir=build, echo=lambda m: None)
    assert 2008 in [r.edition for r in result.built]
    assert not (build / "site" / "2008" / "barometre-outsourcing-2008.pdf").exists()
    assert "Ce livre existe aussi en PDF" not in colophon(build, 2008)
    assert "barometre-outsourcing-2008.pdf" not in (build / "site" / "index.html").read_text(encoding="utf-8")
    assert (build / "pdf" / "barometre-outsourcing-2008.pdf").is_file(), "the old PDF stays in _build/pdf, unlinked"


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """A site of the 2007 edition as the data stood before 2008 (``vintage.remove_later``: neither the 2008 files
    nor the sources only they cite); then the 2008 edition added as the analyst adds it (its files, its sources,
    one of them since corrected), and ``make site`` again; and the 2007 edition rebuilt from scratch with 2008
    present, in another folder."""
    from fixtures import copy_upto

    from barometre import load, vintage
    from barometre.paths import DATA_DIR
    from barometre.provenance import write_sidecar

    root = tmp_path_factory.mktemp("grown")
    full = copy_upto(DATA_DIR, root / "full", 2008, only={2007, 2008})
    later = sorted(load(full).later_sources(2007))
    assert later, "no source only the 2008 edition cites"
    data = root / "data"
    shutil.copytree(full, data)
    for path in vintage.remove_later(data, 2007):
        write_sidecar(path)
    assert f"\n{later[0]}," not in (data / "sources.csv").read_text(encoding="utf-8")
    build = root / "_build"
    build_site(data_dir=data, build_dir=build, echo=lambda m: None)
    before = tree_hash(build / "site" / "2007")
    shutil.rmtree(data)
    shutil.copytree(full, data)
    sources = data / "sources.csv"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace(f"\n{later[0]},", f"\n{later[0]},(corrigé) ", 1), encoding="utf-8")
    write_sidecar(sources)
    after = build_site(data_dir=data, build_dir=build, echo=lambda m: None)
    Builder(2007, data_dir=data, build_dir=root / "_fresh", echo=lambda m: None, force=True).run()
    return {"build": build, "before": before, "after": after, "fresh": root / "_fresh" / "site" / "2007"}


def test_a_new_edition_rebuilds_only_itself_and_the_older_books_do_not_change(grown):
    """Issue 26 (« site after a new edition »): the book of an edition reads nothing a later edition adds
    (barometre.vintage), so a new edition leaves the older ones as published, byte for byte."""
    assert [r.edition for r in grown["after"].built] == [2008] and grown["after"].unchanged == [2007]
    assert tree_hash(grown["build"] / "site" / "2007") == grown["before"]
    archive = (grown["build"] / "site" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a class="edition" href="(\d{4})/index.html"', archive) == ["2008", "2007"]


def test_an_older_book_rebuilt_with_a_later_edition_present_is_the_one_kept(grown):
    """Not rebuilding the older edition is right only if rebuilding it would give the same pages: its every page,
    built again from scratch with the 2008 edition and its sources present, is byte for byte the one published."""
    kept, fresh = grown["build"] / "site" / "2007", grown["fresh"]
    pages = sorted(p.relative_to(kept) for p in kept.rglob("*.html"))
    assert len(pages) > 10 and pages == sorted(p.relative_to(fresh) for p in fresh.rglob("*.html"))
    # Sphinx adds a cache-busting « ?v=… » to one style sheet's address in a site build and not in a single one
    # (a property of the two commands, with or without this change): the addresses are compared without it
    def text(page: Path) -> str:
        return re.sub(r"\.css\?v=[0-9a-f]+", ".css", page.read_text(encoding="utf-8"))

    differ = [str(p) for p in pages if text(kept / p) != text(fresh / p)]
    assert differ == []
