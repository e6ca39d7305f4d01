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
