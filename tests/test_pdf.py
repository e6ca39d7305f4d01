"""The PDF book: built from the same executed chapters, French, every chart as an image."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from barometre.build import Builder, toc_chapters

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pdf(book_build):
    messages: list[str] = []
    path = Builder(data_dir=book_build["data"], build_dir=book_build["build_dir"], echo=messages.append).pdf()
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return {"path": path, "text": " ".join(text.split()), "messages": messages, **book_build}


def test_the_pdf_reuses_the_executed_chapters(pdf):
    assert not any("[executed]" in m for m in pdf["messages"])
    assert pdf["path"].name == "barometre-outsourcing-2008.pdf"


def test_the_pdf_holds_every_chapter_title_in_french(pdf, published_book):
    for name in toc_chapters():
        h1 = BeautifulSoup((published_book / f"{name}.html").read_text(encoding="utf-8"), "html.parser").find("h1")
        title = " ".join(h1.get_text(" ", strip=True).replace("#", "").split())
        assert title[:30] in pdf["text"], title
    assert "Table des matières" in pdf["text"]
    assert "Chapitre 1" in pdf["text"] or "CHAPITRE 1" in pdf["text"]
    assert "CONTENTS" not in pdf["text"] and "CHAPTER ONE" not in pdf["text"]


def test_the_pdf_shows_figures_formatted_from_data(pdf):
    from barometre import formatting, load

    ds = load(pdf["data"])
    normal = re.sub(r"[\u00a0\u202f]", " ", pdf["text"])
    for indicator, kwargs in [("adviser_salary_gross", {}), ("inhouse_salary_premium", {}),
                              ("smic_increase_claimed", {}), ("revenue_growth", {"scope": "market", "period": 2008})]:
        shown = formatting.figure_text(ds.figure(indicator, 2008, **kwargs))
        assert re.sub(r"[\u00a0\u202f]", " ", shown) in normal, shown


def test_every_chart_is_an_image_in_the_pdf(pdf):
    staging = pdf["build_dir"] / "staging" / "2008"
    charts = 0
    for name in toc_chapters():
        nb = json.loads((staging / f"{name}.ipynb").read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "image/png" in data and "barometre-chart" in "".join(data.get("text/html", "")):
                    charts += 1
    listing = subprocess.run(["pdfimages", "-list", str(pdf["path"])], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    images = [line for line in listing if line.split()[2] == "image"]
    assert charts >= 6
    assert len(images) == charts


def test_the_latex_run_has_no_page_overflow(pdf):
    log = next((pdf["build_dir"] / "staging" / "2008" / "_build" / "latex").glob("*.log")).read_text(
        encoding="utf-8", errors="replace"
    )
    overfull = [line for line in log.splitlines() if line.startswith("Overfull \\hbox")]
    big = [line for line in overfull if float(re.search(r"\(([\d.]+)pt too wide", line).group(1)) > 5]
    assert big == [], big[:5]
