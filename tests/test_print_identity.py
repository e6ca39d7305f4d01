"""Issue 27, the report's identity in print: a title page with the edition, a summary of about three lines
chosen and written from the data, and the date of the data (not the day of the build); « L’essentiel » and
« À retenir » set as boxes. ``test_pdf.py`` checks the built PDF (running heads, boxes)."""

from __future__ import annotations

import re

from conftest import set_value
from docutils import nodes
from sphinx import addnodes

from barometre.latex import SUMMARY_CHARACTERS, title_page, title_summary
from barometre.paths import DATA_DIR
from barometre.sphinx_ext.latex import print_boxes


def test_the_title_page_gives_the_edition_a_summary_and_the_date_of_the_data():
    page = title_page("Le baromètre des outsourceurs — édition 2011", "L’équipe du baromètre", DATA_DIR, 2011)
    assert "\\today" not in page  # the day of the build said nothing of the data
    assert "Données de l’édition 2011, publiées en octobre 2012" in page  # editions/2011.csv.meta.yaml
    summary = title_summary(DATA_DIR, 2011)
    assert summary and summary.replace("%", "\\%") in page
    assert "10,1\u00a0% en 2011" in summary  # the edition's headline figure
    # bound as the book's text: no guillemet alone at a line's end, no range split
    assert "«\u00a0" in page and not re.search(r"« | »|\d à \d", page), re.search(r".{30}(?:« | »|\d à \d).{10}", page)


def test_the_title_page_summary_is_whole_sentences_of_about_three_lines_for_every_edition():
    from barometre.data import load

    for edition in load().editions:
        summary = title_summary(DATA_DIR, edition)
        assert summary, edition
        assert summary.endswith((".", "»")), (edition, summary)
        # about three lines, or its first sentence alone when that one is longer
        assert len(summary) <= SUMMARY_CHARACTERS or ". " not in summary, (edition, summary)
        assert "{ref}" not in summary and "<fig-" not in summary and "**" not in summary, summary


def test_the_title_page_summary_follows_the_data(data_copy):
    before = title_summary(data_copy, 2011)
    set_value(data_copy, "revenue_growth", "market", "2011", "12.3", edition=2011)
    after = title_summary(data_copy, 2011)
    assert "10,1\u00a0%" in before and "10,1\u00a0%" not in after and "12,3\u00a0%" in after, after


def _book(*sections) -> nodes.document:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    doc = new_document("<test>", get_default_settings(Parser))
    doc += addnodes.start_of_file("", *sections, docname="chapters/resilience")
    return doc


def test_a_summary_section_prints_as_a_box_with_its_title_and_its_target():
    summary = nodes.section("", nodes.title("", "À retenir"),
                            nodes.bullet_list("", nodes.list_item("", nodes.paragraph("", "Croissance : 10 %."))),
                            ids=["a-retenir"], docname="chapters/value")
    other = nodes.section("", nodes.title("", "Le prix de l’heure"), nodes.paragraph("", "Texte."), ids=["prix"])
    doc = _book(other, summary)
    print_boxes(doc)
    boxes = list(doc.findall(nodes.admonition))
    assert len(boxes) == 1 and boxes[0][0].astext() == "À retenir"
    assert boxes[0].astext().endswith("Croissance : 10 %.")
    assert [s["ids"] for s in doc.findall(nodes.section)] == [["prix"]]  # not a numbered heading any more
    raw = [r.astext() for r in doc.findall(nodes.raw) if "label" in r.astext()]  # (and the closing box's keep)
    # the section's own document (Sphinx notes it on each section of the assembled book), else its file's
    assert raw == ["\\phantomsection\\label{\\detokenize{chapters/value:a-retenir}}\n"]
    summary = nodes.section("", nodes.title("", "À retenir"), nodes.paragraph("", "x"), ids=["a-retenir"])
    doc = _book(summary)
    print_boxes(doc)
    assert [r.astext() for r in doc.findall(nodes.raw) if "label" in r.astext()] == [
        "\\phantomsection\\label{\\detokenize{chapters/resilience:a-retenir}}\n"]
