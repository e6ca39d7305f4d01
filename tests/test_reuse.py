"""The colophon of a built edition: its licences, « Pour citer ce livre » and the download of every
indicator by year (the session's book, built at a site address as a deployment builds it)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def colophon(published_book):
    html = (published_book / "chapters" / "colophon.html").read_text(encoding="utf-8")
    main = BeautifulSoup(html, "html.parser").find("main")
    return {"main": main, "text": " ".join(main.get_text(" ", strip=True).split())}


def test_the_colophon_says_how_to_cite_this_edition_and_its_version(colophon, book_build):
    from importlib import metadata

    text = colophon["text"]
    line = text[text.index("Pour citer ce livre"):]
    assert re.search(r"Le baromètre des outsourceurs de la relation client\s*, édition 2008, version "
                     + re.escape(metadata.version("barometre")) + r" \(code ", line), line[:300]
    data_sha = re.search(r"Données sha256 ([0-9a-f]{16})", text).group(1)  # the build stamp above it
    code = re.search(r"Code ([0-9a-f]{12}|inconnu)", text).group(1)
    assert f"code {code}" in line and f"données sha256 {data_sha}" in line
    assert f"En ligne : {book_build['site_address']}2008/" in line


def test_the_colophon_states_the_licences_and_what_is_not_the_project_s(colophon, book_build):
    from barometre.reuse import reference_licences

    links = {a.get_text(" ", strip=True): a["href"] for a in colophon["main"].find_all("a", href=True)}
    assert links["Licence Ouverte / Etalab 2.0"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    assert "licence MIT" in links
    assert any("L122-5" in name for name in links)
    text = colophon["text"]
    series = reference_licences(book_build["data"])
    assert len(series) >= 5
    for entry in series:  # each reference series with its licence, as its sidecar names it in French
        assert entry["file"] in text and " ".join(entry["licence"].split()) in text, entry["file"]


def test_the_colophon_offers_every_indicator_by_year_as_a_csv_with_french_headers(colophon, published_book,
                                                                                 book_build):
    from barometre.reuse import ALL_INDICATORS_COLUMNS, all_indicators_csv

    link = next(a for a in colophon["main"].find_all("a", href=True)
                if a["href"].endswith("barometre-tous-les-indicateurs-2008.csv"))
    assert "Tous les indicateurs, année par année" in link.find_parent("p").get_text()
    path = (published_book / "chapters" / link["href"]).resolve()
    content = path.read_text(encoding="utf-8")
    assert content == all_indicators_csv(book_build["data"], 2008)
    rows = list(csv.DictReader(io.StringIO(content)))
    assert tuple(rows[0]) == ALL_INDICATORS_COLUMNS and len(rows) > 50
    assert {r["édition"] for r in rows} <= {"2005", "2006", "2007", "2008"}
