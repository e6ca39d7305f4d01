"""A static accessibility check of every page: language, text alternatives, headings, link names."""

from __future__ import annotations

from itertools import pairwise

import pytest
from bs4 import BeautifulSoup

from barometre.build import toc_chapters

pytestmark = pytest.mark.slow
PAGES = [f"{name}.html" for name in toc_chapters()]


def soup(published_book, name):
    return BeautifulSoup((published_book / name).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", PAGES)
def test_pages_are_declared_french(published_book, name):
    assert soup(published_book, name).html.get("lang") == "fr"


@pytest.mark.parametrize("name", PAGES)
def test_images_and_charts_have_text_alternatives(published_book, name):
    page = soup(published_book, name)
    main = page.find("main") or page
    for img in main.find_all("img"):
        assert img.get("alt", "").strip(), f"{name}: image without alt: {img.get('src')}"
    for chart in main.select(".vega-chart"):
        assert chart.get("role") == "img" and chart.get("aria-label", "").strip(), f"{name}: chart {chart.get('id')}"
        figure = chart.find_parent("figure")
        assert figure.select_one(".chart-description").get_text(strip=True)
        assert figure.select_one(".chart-source").get_text(strip=True).startswith("Source")


@pytest.mark.parametrize("name", PAGES)
def test_headings_descend_one_level_at_a_time(published_book, name):
    article = soup(published_book, name).find("article") or soup(published_book, name)
    levels = [int(h.name[1]) for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels and levels[0] == 1, f"{name}: the page starts with h{levels[:1]}"
    for before, after in pairwise(levels):
        assert after <= before + 1, f"{name}: heading jumps from h{before} to h{after}"


@pytest.mark.parametrize("name", PAGES)
def test_every_link_has_a_name(published_book, name):
    for link in soup(published_book, name).find_all("a", href=True):
        name_text = link.get_text(strip=True) or link.get("aria-label") or link.get("title")
        if not name_text:
            img = link.find("img")
            name_text = img.get("alt") if img else None
        assert name_text, f"{name}: link without a name: {link}"


# --------------------------------------------------------------------------- French throughout

import os  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

# Words a French page does not use, but an English interface or an analyst's note does.
ENGLISH = re.compile(
    r"\b(the|and|of|to|with|for|from|this|that|is|are|was|were|read|reads|scan|about|gross|net of|toggle|sidebar|"
    r"search|copyright|previous|next|skip|contents|download|print|light|dark|show|hide|click|loading|results|"
    r"back to top|on this page|built with|last updated|by the|should|would|which|when|full-time|month|year)\b",
    re.IGNORECASE,
)
# A code identifier (« revenue_growth », « ile_de_france ») shown in place of its French label.
SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
PATHS = re.compile(r"\S*/\S*")  # file paths and addresses (« data/editions/2008.csv »)
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-bs-title", "aria-valuetext")


def visible_strings(path) -> list[str]:
    """What a reader sees or hears on a page: its text and its labels (not code, not the spec of charts)."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in page(["script", "style", "noscript", "template", "code", "pre"]):
        tag.decompose()
    for tag in page(["em", "i"]):  # a foreign term in italics, as French typography sets a loanword
        if len(tag.get_text().split()) <= 4:
            tag.replace_with(" ")
    strings = [page.get_text(" ")]
    for tag in page.find_all(True):
        for attr in ATTRIBUTES:
            if isinstance(tag.get(attr), str):
                strings.append(tag[attr])
    return strings


def english_outside_quotes(strings: list[str]) -> list[str]:
    found = []
    for text in strings:
        text = PATHS.sub(" ", QUOTED.sub(" ", text))
        for pattern in (ENGLISH, SNAKE_CASE):
            for m in pattern.finditer(text):
                found.append(text[max(0, m.start() - 40): m.end() + 40].strip())
    return found


def test_the_english_scan_would_catch_an_english_interface_string():
    assert english_outside_quotes(["Toggle primary sidebar", "© Copyright 2026."])
    assert english_outside_quotes(["Note : Scan reads « il y neuf ans »"])
    assert english_outside_quotes(["Il a dit « the best » et « read »."]) == []
    assert english_outside_quotes(["Ligne 12 de data/editions/2008.csv, indicateur revenue_growth"])
    assert english_outside_quotes(["Ligne 12 de data/editions/2008.csv, périmètre ile_de_france"])
    assert english_outside_quotes(["Ligne 12 de data/editions/2008.csv"]) == []


@pytest.mark.parametrize("name", [*PAGES, "search.html", "genindex.html"])
def test_no_english_outside_quotes_in_what_the_reader_sees(published_book, name):
    assert english_outside_quotes(visible_strings(published_book / name)) == []


# --------------------------------------------------------------------------- the edition banner


def test_the_edition_banner_links_work_from_build_html_and_from_the_site_folder(book_build):
    build = book_build["build_dir"]
    built = {p.name for p in (build / "site").iterdir() if p.name.isdigit()}
    assert built
    for root in (build / "html", build / "site" / sorted(built)[0]):
        for name in (f"{toc_chapters()[0]}.html", "chapters/resilience.html"):
            page = BeautifulSoup((root / name).read_text(encoding="utf-8"), "html.parser")
            links = page.select(".bd-header-announcement a[href]")
            assert links, f"{root / name}: no edition banner"
            for link in links:
                edition = re.search(r"([0-9]{4})/index\.html$", link["href"])
                # a browser resolves « .. » in the address, not through the folder a link points to
                target = Path(os.path.normpath((root / name).parent / link["href"]))
                if edition and edition.group(1) not in built:
                    continue  # an edition not built here
                assert target.is_file(), f"{root / name}: banner link {link['href']} leads nowhere"
            assert any(link.get_text() == "toutes les éditions" for link in links)


HYPHEN_MINUS = re.compile(r"(?<![\w\-–/.])-\d")


def test_the_minus_scan_would_catch_a_hyphen_used_as_minus():
    assert HYPHEN_MINUS.search("soit -33,3 %") and not HYPHEN_MINUS.search("soit \u221233,3 % en 2008-2009")


@pytest.mark.parametrize("name", PAGES)
def test_a_negative_number_takes_the_minus_sign_not_a_hyphen(published_book, name):
    found = []
    for text in visible_strings(published_book / name):
        text = QUOTED.sub(" ", text)
        found += [text[max(0, m.start() - 30): m.end() + 10] for m in HYPHEN_MINUS.finditer(text)]
    assert found == []


# --------------------------------------------------------------------------- sharing and indexing


def site_address() -> str:
    # the address the session's book is built at (BAROMETRE_BASEURL)
    from conftest import SITE_ADDRESS

    return SITE_ADDRESS


@pytest.mark.parametrize("name", PAGES)
def test_every_page_carries_opengraph_metadata_at_the_site_address(published_book, name):
    page = soup(published_book, name)
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    assert og["og:locale"] == "fr_FR" and og["og:title"] and og["og:site_name"]
    assert og["og:url"] == f"{site_address().rstrip('/')}/2008/{name}"
    if name != "chapters/changes.html":
        assert len(og.get("og:description", "")) > 40


def test_the_sitemap_lists_every_page_at_the_site_address(published_book):
    sitemap = (published_book / "sitemap.xml").read_text(encoding="utf-8")
    for name in PAGES:
        assert f"<loc>{site_address().rstrip('/')}/2008/{name}</loc>" in sitemap
    assert "search.html" not in sitemap


def test_a_numbers_tooltip_is_set_in_french_typography(published_book):
    """The title of a number's link (its provenance, read on hover, focus or tap) escapes Sphinx's
    typography: it read « chiffre d'affaires : 69 % » with a straight apostrophe and a breakable space."""
    html = (published_book / "chapters" / "prices.html").read_text(encoding="utf-8")
    titles = [BeautifulSoup(a, "html.parser").a["title"]
              for a in re.findall(r'<a class="provenance[^>]*>', html)]
    assert titles
    for title in titles:
        assert "'" not in title, title
        assert " :" not in title and "« " not in title, title
    assert any("d\u2019affaires\u00a0: " in t for t in titles)


def test_a_charts_caption_is_set_in_french_typography(published_book):
    """The caption under a chart (its description and source) is raw HTML that Sphinx's typography does
    not reach: it read « chiffre d'affaires » with a straight apostrophe beside the text's « d’affaires »."""
    soup = BeautifulSoup((published_book / "chapters" / "offshore.html").read_text(encoding="utf-8"), "html.parser")
    captions = [c.get_text() for c in soup.select(".chart-description, .chart-source")]
    assert captions and any("\u2019" in c for c in captions)
    assert not [c for c in captions if "'" in c]


def test_the_footer_byline_reads_as_french(published_book):
    """The theme writes « Par » and the author: « Par L’équipe du baromètre » had a capital after « Par »."""
    footer = BeautifulSoup((published_book / "chapters" / "offshore.html").read_text(encoding="utf-8"),
                           "html.parser").select_one(".component-author")
    text = " ".join(footer.get_text(" ", strip=True).split())
    assert text == "Par l\u2019équipe du baromètre", text
