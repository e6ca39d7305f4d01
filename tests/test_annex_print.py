"""The sources annex in print (issue 27): grouped by publication, each excerpt once, no data file or line,
every number of the PDF still linked to an entry; the web annex keeps its entries and targets.

These tests read the annex's MyST and run the LaTeX build's transforms on small doctrees; ``test_pdf.py``
checks the built PDF (links resolved, no file path, the annex's share of the pages)."""

from __future__ import annotations

import re

import pytest
from docutils import nodes

from barometre.chapters import sources
from barometre.data import load
from barometre.narrative import excerpt, quotes_anchor
from barometre.prose import PRINT_ANCHORS, jupyter_markdown, only_in, print_anchors
from barometre.sphinx_ext.latex import drop_headings_printing_nothing, print_anchor_targets
from barometre.typography import quote_typography

EDITIONS = (2011, 2024)  # the edition the print editor read, and the latest
_ONLY = re.compile(r"^:::\{only\} (html|latex)\n(.*?)\n:::$", re.M | re.S)
_DATA_FILE = re.compile(r"data/(editions|quotes)/|\b[Ll]igne \d+ de\b")


@pytest.fixture(scope="module")
def ds():
    return load()


def _blocks(text: str, medium: str) -> str:
    """The text of one medium, without the Markdown's escapes (``data\\/editions\\/2011\\.csv``)."""
    return "\n\n".join(body for kind, body in _ONLY.findall(text) if kind == medium).replace("\\", "")


def _print_items(text: str) -> list[tuple[str, str, list[str]]]:
    """(publication heading, item text, anchors) of every excerpt the print text lists."""
    out, heading = [], None
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("**") and line.endswith("**"):
            heading = line
        elif line.startswith("- "):
            anchors: list[str] = []
            body = line[2:]
            if body.startswith(f"% {PRINT_ANCHORS} "):
                anchors = body.split()[2:]
                body = lines[i + 1].strip()
            out.append((heading, body, anchors))
    return out


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_printed_annex_names_no_data_file_and_no_line_which_the_web_annex_keeps(ds, edition):
    annex = sources.annex_markdown(ds, edition)
    printed, web = _blocks(annex, "latex"), _blocks(annex, "html")
    assert printed and web
    assert not _DATA_FILE.search(printed), _DATA_FILE.search(printed)
    # the web keeps the row of each figure and quote
    assert len(re.findall(r"Ligne \d+ de data/editions/", web)) == sum(len(ds.figures(e)) for e in ds.editions
                                                                         if e <= edition)
    assert len(re.findall(r"ligne \d+ de data/quotes/", web)) == sum(len(ds.quotes(e)) for e in ds.editions
                                                                       if e <= edition)
    # nothing outside the two blocks but the editions' headings and the targets of the web's quotes
    rest = _ONLY.sub("", annex)
    assert set(re.findall(r"^\S.*$", rest, flags=re.M)) <= (
        {f"## Édition {e}" for e in ds.editions} | {f"({quotes_anchor(e)})=" for e in ds.editions}
        | {f"### Citations de l'édition {e}" for e in ds.editions})


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_printed_annex_gives_each_excerpt_once_under_its_publication(ds, edition):
    printed = sources.print_annex_markdown(ds, edition)
    items = _print_items(printed)
    keys = [(heading, body.split(" — ")[0]) for heading, body, _ in items]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1][:3]
    # as many items as distinct excerpts per publication in the data, figures' and quotes' alike
    expected = set()
    for ed in (e for e in ds.editions if e <= edition):
        for item in [*ds.figures(ed), *ds.quotes(ed)]:
            s = ds.sources[item.source]
            expected.add((ed, s.publication_author, s.publication_title, s.publication_outlet,
                          " ".join(excerpt(item.quote).split())))
    # merged where one excerpt holds another or runs on from its end (``sources._merged_excerpts``): no more items
    # than distinct excerpts, and every excerpt's words printed whole
    assert len(items) <= len(expected)
    whole = " ".join(body for _, body, _ in items).replace("\\", "")
    missing = [words for *_, words in expected
               if sources._bare(quote_typography(words)) not in whole]
    assert missing == [], missing[:3]
    figures = sum(len(ds.figures(e)) for e in ds.editions if e <= edition)
    assert len(items) < figures  # the point: the web's one entry a figure repeated its excerpt
    # every heading is a publication's reference, with no address (a printed link leads nowhere)
    assert all(heading and "http" not in heading and "en ligne" not in heading for heading, _, _ in items)


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_printed_annex_stands_for_every_target_of_the_web_annex_once(ds, edition):
    annex = sources.annex_markdown(ds, edition)
    web_targets = re.findall(r"^\(([\w-]+)\)=", annex, flags=re.M)
    anchors = [a for _, _, found in _print_items(sources.print_annex_markdown(ds, edition)) for a in found]
    assert len(anchors) == len(set(anchors))
    assert set(anchors) == set(web_targets)
    assert {f.anchor for e in ds.editions if e <= edition for f in ds.figures(e)} <= set(anchors)


def test_a_printed_excerpt_names_the_figures_it_gives_with_their_period_and_value(ds):
    printed = sources.print_annex_markdown(ds, 2011)
    fig = ds.known("revenue_growth", 2011)
    item = next(body for _, body, anchors in _print_items(printed) if fig.anchor in anchors).replace("\\", "")
    from barometre import formatting

    assert f"{fig.label}, {fig.period} : {formatting.figure_text(fig)}" in item.split(" *Chiffres :* ")[1]
    assert " — Baromètre" in item  # who gives it


def test_the_jupyter_form_shows_the_web_s_text_and_not_the_print_s():
    text = "Avant.\n\n" + only_in("html", "Sur le web.") + "\n\n" + only_in("latex", f"{print_anchors(['fig-a'])}\nEn PDF.")
    shown = jupyter_markdown(text)
    assert "Sur le web." in shown and "En PDF." not in shown and PRINT_ANCHORS not in shown
    assert ":::" not in shown and "Avant." in shown


def test_a_text_for_one_medium_refuses_a_fence_it_cannot_hold_and_an_unknown_medium():
    assert only_in("html", "") == ""
    with pytest.raises(ValueError, match="colon fence"):
        only_in("latex", ":::{admonition} Note\nx\n:::")
    with pytest.raises(ValueError, match="expected one of html, latex"):
        only_in("epub", "x")
    with pytest.raises(ValueError, match="target names"):
        print_anchors(["fig a"])


def _doc(*children) -> nodes.document:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    doc = new_document("<test>", get_default_settings(Parser))
    doc.extend(children)
    return doc


def test_the_latex_build_sets_the_targets_a_printed_excerpt_stands_for():
    item = nodes.list_item("", nodes.comment("", f"{PRINT_ANCHORS} fig-a quotes-2011"), nodes.paragraph("", "« x »"))
    other = nodes.list_item("", nodes.comment("", "an author's comment"), nodes.paragraph("", "« y »"))
    doc = _doc(nodes.bullet_list("", item, other))
    print_anchor_targets(doc)
    assert [t["refid"] for t in item.findall(nodes.target)] == ["fig-a", "quotes-2011"]
    assert isinstance(item[2], nodes.paragraph)  # the targets stand before the excerpt
    assert not list(other.findall(nodes.target)) and len(list(other.findall(nodes.comment))) == 1


def test_a_heading_over_web_only_text_is_left_out_of_print_and_no_other():
    web_only = [nodes.target("", "", refid="quotes-2011"), nodes.rubric("", "Citations", ids=["quotes-2011"]),
                nodes.comment()]  # the comment Sphinx leaves for an ``only html`` block in print
    kept = [nodes.rubric("", "Édition 2011"), nodes.paragraph("", "Texte.")]
    heading_over_heading = [nodes.rubric("", "Partie"), nodes.rubric("", "Sous-partie"), nodes.paragraph("", "T.")]
    doc = _doc(nodes.container("", *kept, *web_only, *heading_over_heading))
    drop_headings_printing_nothing(doc)
    assert [r.astext() for r in doc.findall(nodes.rubric)] == ["Édition 2011", "Partie", "Sous-partie"]
    assert not list(doc.findall(nodes.target))
    section = nodes.section("", nodes.title("", "Web"), nodes.comment())
    doc = _doc(section, nodes.section("", nodes.title("", "Imprimé"), nodes.paragraph("", "T.")))
    drop_headings_printing_nothing(doc)
    assert [s[0].astext() for s in doc.findall(nodes.section)] == ["Imprimé"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_printed_excerpt_is_repeated_held_in_another_or_cut_in_a_word(ds, edition):
    """printed46 (2024 book): « Le marché est stable » printed twice in one entry, and inside a longer summary of
    it; « Il y a eu un ralentissement en 2024… » twice; « Si les taux de résultat d'exploitation… » in full under
    two publications; « … ont un niveau d » cut in a word; « Elle est construite… » twice in « Méthodes et
    ruptures de série », and a summary ending « est stable.. »."""
    items = _print_items(sources.print_annex_markdown(ds, edition))
    quoted = [(heading, re.match(r"(?:«\u00a0(.*?)\u00a0»(?: \(extrait cité ci-dessus\))?|Résumé de presse : (.*?)) — ", body.replace("\\", "")))
              for heading, body, _ in items]
    words = [(heading, (m.group(1) or m.group(2))) for heading, m in quoted if m]
    assert len(words) == len(items)
    for (h1, a), (h2, b) in ((x, y) for i, x in enumerate(words) for j, y in enumerate(words) if i != j):
        if h1 == h2:  # one entry: no excerpt inside another
            assert sources._bare(a) not in b, (h1, a[:60])
    full = [w for _, w in words if not w.endswith("[…]")]
    assert len(full) == len(set(full)), [w[:60] for w in full if full.count(w) > 1][:3]
    assert not any(re.search(r"[\s\u00a0](?:[dlnjsctm]|qu)['’]?$", w) for w in full)
    methods = sources.methods_markdown(ds, edition).replace("\\", "")
    passages = re.findall(r", «\u00a0((?:(?!\u00a0»).)*)\u00a0»\.$", methods, re.M)  # a source's words end a line
    assert len(passages) >= 2 and len(passages) == len(set(passages)), passages
    assert ".." not in methods.replace("...", "")
