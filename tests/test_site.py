"""``make site``: every edition and the archive page in one command; unchanged editions are not
rebuilt; each edition's PDF is linked only when it is of the same build.

Built from a private copy of data/ with two editions (2007 and 2008) into a temporary folder."""

from __future__ import annotations

import re

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
