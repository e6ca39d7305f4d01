"""A real next edition is sparse and reverses trends: the book must build on it and stay true.

The FICTIONAL fixture ``sparse_2009`` publishes eight figures that reverse every trend of the
2008 edition (growth 15 % → 3,5 %, France −3 % while offshore +12 %, salary and CDI share down)
and revises the 2008 growth. ``sparse_2009_only`` is the same edition without the 2008 one, as
an early edition (the 2005 study) looks: nothing of the article is known."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixtures import data_with_sparse_2009, data_with_sparse_2009_only

from barometre.build import Builder
from barometre.data import load
from barometre.editions import compare_editions

pytestmark = pytest.mark.slow
PAGES = ["introduction", "resilience", "offshore", "prices", "value", "partnership", "synthesis", "changes", "claims"]
FORBIDDEN = ["non publié", "None", "nan", "«\u00a0\u00a0»", "«  »", "NaN"]


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    root = tmp_path_factory.mktemp("sparse")
    data = data_with_sparse_2009(root / "data")
    build = root / "_build"
    Builder(2008, data_dir=data, build_dir=build, echo=lambda m: None).run()
    Builder(2009, data_dir=data, build_dir=build, echo=lambda m: None).run()
    only = data_with_sparse_2009_only(root / "only" / "data")
    Builder(2009, data_dir=only, build_dir=root / "only" / "_build", echo=lambda m: None).run()
    return {"data": data, "build": build, "only": root / "only" / "_build"}


def page(build: Path, edition: int, name: str) -> BeautifulSoup:
    path = build / "site" / str(edition) / "chapters" / f"{name}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("main")


def text(build: Path, edition: int, name: str) -> str:
    return " ".join(page(build, edition, name).get_text(" ", strip=True).split())


def test_the_sparse_edition_passes_the_comparison_the_build_runs():
    import tempfile

    data = data_with_sparse_2009(Path(tempfile.mkdtemp()) / "data")
    report = compare_editions(load(data), 2008, 2009)
    assert report.errors == []
    assert report.not_republished, "the indicators 2009 does not republish are listed"
    assert any("more than half" in w.message for w in report.warnings), "15 % → 3,5 % must warn"


@pytest.mark.parametrize("name", PAGES)
def test_no_page_of_the_sparse_books_prints_a_placeholder(books, name):
    for build, edition in ((books["build"], 2009), (books["only"], 2009)):
        shown = text(build, edition, name)
        for word in FORBIDDEN:
            assert not re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", shown), (name, word)


def test_the_growth_words_and_title_flip_with_the_data(books):
    old, new = text(books["build"], 2008, "resilience"), text(books["build"], 2009, "resilience")
    assert "la croissance accélère" in old and "la croissance ralentit" not in old
    assert "la croissance ralentit" in new and "la croissance accélère" not in new
    def title(edition):  # chart titles live in the charts' specs (as lines when long), not in the text
        import json

        html = (books["build"] / "site" / str(edition) / "chapters" / "resilience.html").read_text(encoding="utf-8")
        m = re.search(r'id="spec-resilience-croissance">(.*?)</script>', html, re.S)
        t = json.loads(m.group(1).replace("<\\/", "</"))["title"]
        return " ".join(t) if isinstance(t, list) else t

    assert title(2008) == "La croissance des outsourceurs accélère en 2008"
    assert title(2009) == "La croissance des outsourceurs ralentit en 2009"


def test_the_2008_forecast_is_set_against_the_outcome(books):
    new = text(books["build"], 2009, "resilience")
    # one forecast: « prévision démentie »; several by one person for one year: « prévisions démenties »
    assert re.search(r"prévisions? démenties?", new)
    assert re.search(r"prévisions? démenties?", text(books["build"], 2009, "changes"))


def test_the_revised_2008_growth_replaces_the_old_value_and_the_annex_shows_both(books):
    new = text(books["build"], 2009, "resilience")
    assert "contre 14 % en 2008" in new.replace("\u202f", " ").replace("\u00a0", " ")
    annex = text(books["build"], 2009, "sources").replace("\u202f", " ").replace("\u00a0", " ")
    assert "Révisé dans l'édition 2009 : 14 %" in annex or "Révisé dans l’édition 2009 : 14 %" in annex


def test_a_figure_of_an_older_edition_names_its_edition(books):
    """Nothing the 2009 edition does not publish is stated as its fact: every paragraph of the 2009 book
    that cites a figure of the 2008 edition says « 2008 ». The one exception is the rule of
    ``narrative.vintage_note``: a date, a duration or a count said once (« le retour cité en 2009, de deux
    ans ») carries no edition note; its sentence dates it (``test_prose``'s stale-as-current test reads it)."""
    from barometre.narrative import UNDATED_UNITS

    ds = load(books["data"])
    undated = {f.anchor for f in ds.figures(2008)
               if f.unit in UNDATED_UNITS and ds.one_off(f.indicator, 2009)}
    exempt = 0
    for name in ("resilience", "offshore", "prices", "value", "partnership"):
        main = page(books["build"], 2009, name)
        for block in main.find_all(["p", "li"]):
            older = {a["href"].split("#", 1)[1] for a in block.find_all("a", href=re.compile(r"#fig-2008-"))}
            if not older:
                continue
            if older <= undated:
                exempt += 1
                continue
            assert "2008" in block.get_text(" "), (name, block.get_text(" ")[:200])
    assert exempt < 10  # the exception stays an exception


def test_an_edition_without_the_article_states_none_of_its_figures(books):
    for name in ("resilience", "offshore", "prices", "value", "partnership"):
        main = page(books["only"], 2009, name)
        assert main.find("a", href=re.compile(r"#fig-2008-")) is None, name
    assert "Aucune édition" in text(books["only"], 2009, "resilience")


def test_the_title_page_and_introduction_name_the_edition_not_the_article_as_its_frame(books):
    intro = text(books["only"], 2009, "introduction")
    assert "l'édition 2009" in intro.replace("’", "'")
    assert "est la source de l'édition" not in intro.replace("’", "'")


def test_make_compare_is_green_on_the_sparse_edition(tmp_path):
    """`make compare` runs the CLI's compare: on the sparse edition it exits 0 (warnings only)."""
    from barometre.cli import main

    data = data_with_sparse_2009(tmp_path / "data")
    assert main(["--data-dir", str(data), "compare", "--edition", "2009"]) == 0


@pytest.mark.parametrize("name", PAGES)
def test_no_page_of_the_sparse_books_shows_a_heading_with_nothing_under_it(books, name):
    """The sparse 2009 book without the 2008 edition listed « L'argument du coût », « La concentration du
    marché »… with nothing under them (the cells print nothing when no edition publishes their figures); the
    page's closing note says which passages are omitted. A section is left out when it shows nothing, and
    the page's table of contents does not list it."""
    for build, edition in ((books["build"], 2009), (books["only"], 2009)):
        soup = page(build, edition, name)
        for section in soup.find_all("section"):
            heading = section.find(["h2", "h3"], recursive=False)
            if heading is None:
                continue
            rest = [c for c in section.children if getattr(c, "name", None) and c is not heading]
            shown = " ".join(c.get_text(" ", strip=True) for c in rest) + "".join(
                str(c) for c in rest if c.find(["svg", "img", "canvas", "table", "script"]) is not None)
            assert shown.strip(), (name, edition, heading.get_text(strip=True))


def test_a_section_left_out_is_not_in_the_pages_table_of_contents(books):
    path = books["only"] / "site" / "2009" / "chapters" / "prices.html"
    titles = [a.get_text(strip=True) for a in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
              .select(".bd-toc a")]
    assert "Le coût employeur au Smic" in titles, titles  # a section that shows something stays
    assert "La concentration du marché" not in titles and "Le poids du personnel" not in titles
