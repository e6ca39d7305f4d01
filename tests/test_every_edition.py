"""`make book EDITION=<year>` works for every edition with data, and each book stays true to it.

The real editions are sparse (the 2005 study gives no figure of the 2009 article, the 2009
release about forty), revise the past and reverse trends: every one of them must build, print
no placeholder, and the latest must draw the series since 2003 and set forecasts against outcomes."""

from __future__ import annotations

import itertools
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from barometre.build import Builder
from barometre.data import load
from barometre.paths import DATA_DIR

pytestmark = pytest.mark.slow
EDITIONS = load().editions
PAGES = ["introduction", "resilience", "offshore", "prices", "value", "partnership", "synthesis", "changes", "claims"]
PLACEHOLDERS = re.compile(r"non publié|\bNone\b|\bnan\b|\bNaN\b|«[\s\u00a0\u202f]*»")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("editions")
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    build = root / "_build"
    for edition in EDITIONS:
        Builder(edition, data_dir=data, build_dir=build, echo=lambda m: None).run()
    return build / "site"


def main_text(site, edition: int, name: str) -> str:
    html = (site / str(edition) / "chapters" / f"{name}.html").read_text(encoding="utf-8")
    return " ".join(BeautifulSoup(html, "html.parser").find("main").get_text(" ", strip=True).split())


def test_the_data_hold_every_edition_found_from_2005_to_2024_and_none_invented():
    assert EDITIONS[0] <= 2005 and EDITIONS[-1] == 2024
    assert 2015 not in EDITIONS, "no study was found for data year 2015"
    assert 2020 not in EDITIONS, "data year 2020 is left to a later yearly rerun"
    assert sorted(int(p.stem) for p in (DATA_DIR / "editions").glob("*.csv")) == EDITIONS


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_edition_builds_and_prints_no_placeholder(site, edition):
    for name in [*PAGES, "sources"]:
        text = main_text(site, edition, name)
        assert not PLACEHOLDERS.search(text), (edition, name, PLACEHOLDERS.search(text).group(0))


def history_panels(site, edition: int, name: str) -> dict[str, list[dict]]:
    """The year-by-year panels of a page, as the browser draws them: panel title -> its rows."""
    import json

    html = (site / str(edition) / "chapters" / f"{name}.html").read_text(encoding="utf-8")
    panels = {}
    for _, text in re.findall(r'<script type="application/json" id="spec-([^"]+)">(.*?)</script>', html, re.S):
        spec = json.loads(text.replace("<\\/", "</"))
        for panel in spec.get("vconcat", []):
            title = panel.get("title", {})
            title = title.get("text", "") if isinstance(title, dict) else title
            rows = (panel.get("data") or spec.get("data") or {}).get("values", [])
            panels[" ".join(title) if isinstance(title, list) else title] = rows
    return panels


def test_the_latest_book_draws_frances_share_of_revenue_since_2005_with_its_breaks_and_no_line_across(site):
    from barometre.charts import LINE_RUN, NO_LINE

    panels = history_panels(site, EDITIONS[-1], "offshore")
    share = next(rows for title, rows in panels.items() if title.startswith("Part de l'activité France"))
    years = [r["année"] for r in share]
    assert years[0] <= 2005 and years[-1] == 2024 and 2016 in years
    breaks = [r["année"] for r in share if r["rupture"]]
    assert 2016 in breaks and len(breaks) >= 2, breaks  # BearingPoint → EY, and KPMG → BearingPoint
    runs: dict[int, list[dict]] = {}
    for r in share:
        if r[LINE_RUN] != NO_LINE:
            runs.setdefault(r[LINE_RUN], []).append(r)
    for run in runs.values():  # a line joins consecutive years of one series only
        assert len({r["segment"] for r in run}) == 1, run
        assert all(b["année"] == a["année"] + 1 for a, b in itertools.pairwise(run)), run
    text = main_text(site, EDITIONS[-1], "offshore")
    assert "rupture" in text and "Méthodes et ruptures de série" in text
    assert "Méthodes et ruptures de série" in main_text(site, EDITIONS[-1], "sources")


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_panel_of_any_edition_joins_two_points_across_a_break_or_a_missing_year(site, edition):
    from barometre.charts import LINE_RUN, NO_LINE

    for name in ("resilience", "offshore", "prices", "partnership"):
        for title, rows in history_panels(site, edition, name).items():
            runs: dict[int, list[dict]] = {}
            for r in rows:
                if r.get(LINE_RUN, NO_LINE) != NO_LINE:
                    runs.setdefault(r[LINE_RUN], []).append(r)
            for run in runs.values():
                assert len({r["segment"] for r in run}) == 1, (edition, name, title)
                assert all(b["année"] == a["année"] + 1 for a, b in itertools.pairwise(run)), \
                    (edition, name, title)


def test_the_latest_book_draws_the_growth_since_the_first_edition_and_judges_the_forecasts(site):
    latest = EDITIONS[-1]
    html = (site / str(latest) / "chapters" / "resilience.html").read_text(encoding="utf-8")
    years = set(re.findall(r'"année":\s*"?(\d{4})', html))
    assert {"2004", "2005", "2008", "2009", "2010", "2011"} <= years
    text = main_text(site, latest, "resilience")
    assert re.search(r"prévisions? démenties?", text)  # the 2008 forecasts (at least 10 %…) against 4,2 % in 2009
    assert "prévision" in main_text(site, latest, "changes").lower()


@pytest.mark.parametrize("chapter", ["resilience", "offshore", "partnership"])
def test_the_latest_book_draws_the_series_of_its_chapters_by_year(site, chapter):
    html = (site / str(EDITIONS[-1]) / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    years = {int(y) for y in re.findall(r'"année":\s*"?(20\d\d)', html)}
    assert min(years) <= 2005 and max(years) > 2011, (chapter, sorted(years))


def test_the_2008_book_still_reads_as_the_article(site):
    text = main_text(site, 2008, "resilience").replace("\u202f", " ").replace("\u00a0", " ")
    assert "15 % en 2008, contre 13 % en 2007 : la croissance accélère" in text


def test_the_latest_book_puts_at_least_thirty_claims_to_the_test_and_every_chapter_links_them(site):
    latest = EDITIONS[-1]
    html = (site / str(latest) / "chapters" / "claims.html").read_text(encoding="utf-8")
    assert len(re.findall(r'id="claim-[a-z0-9-]+"', html)) >= 30
    assert "Verdict" in main_text(site, latest, "claims")
    for name in ("resilience", "offshore", "prices", "value", "partnership"):
        chapter = (site / str(latest) / "chapters" / f"{name}.html").read_text(encoding="utf-8")
        assert 'href="claims.html#claim-' in chapter, name


def test_every_chart_of_the_first_and_the_latest_edition_is_a_valid_vega_lite_spec(site):
    """The build takes each chart's spec without Altair's validation (it cost a second a chapter):
    this checks every spec a reader's browser draws (the page's) and every spec the PDF prints (the
    executed notebook's print form) against the Vega-Lite schema Altair ships: the print forms of
    the first and the latest edition (the sparsest and the fullest), and the latest's pages (the
    web form only adds page layout to the same spec; the schema check costs about 50 ms a spec)."""
    import json

    import nbformat
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    from barometre.charts import PRINT_MIME

    schema = load_schema()
    checked, invalid = 0, []
    web = re.compile(r'<script type="application/json" id="spec-([^"]+)">(.*?)</script>', re.S)
    for page in sorted((site / str(EDITIONS[-1]) / "chapters").glob("*.html")):
        for name, text in web.findall(page.read_text(encoding="utf-8")):
            checked += 1
            error = validate_jsonschema(json.loads(text.replace("<\\/", "</")), schema, raise_error=False)
            if error is not None:
                invalid.append(f"{EDITIONS[-1]} {page.name} {name} (web): {error.message[:200]}")
    for edition in (EDITIONS[0], EDITIONS[-1]):
        for notebook in sorted((site.parent / "staging" / str(edition) / "chapters").glob("*.ipynb")):
            for cell in nbformat.read(notebook, as_version=4).cells:
                for output in cell.get("outputs", []):
                    form = output.get("data", {}).get(PRINT_MIME)
                    if form and "spec" in form:
                        checked += 1
                        error = validate_jsonschema(form["spec"], schema, raise_error=False)
                        if error is not None:
                            invalid.append(f"{edition} {notebook.name} {form['name']} (print): {error.message[:200]}")
    assert checked >= 40, checked
    assert not invalid, "\n".join(invalid)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_edition_reads_as_french_prose(site, edition):
    """In every edition's chapters: each person introduced once per page, no « de environ », no edition's
    note splitting a number from its noun or nested in another parenthesis, no two sentences in a row
    opening alike (test_prose.py's rules)."""
    from test_prose import (
        NOT_ELIDED_QUALIFIER,
        PAGES,
        introduced_twice,
        misplaced_notes,
        prose,
        repeated_openings,
    )

    for name in PAGES:
        text = prose(site / str(edition), name)
        assert not introduced_twice(text), (edition, name, introduced_twice(text))
        assert not misplaced_notes(text), (edition, name, misplaced_notes(text))
        assert not NOT_ELIDED_QUALIFIER.search(text), (edition, name, NOT_ELIDED_QUALIFIER.search(text).group(0))
        assert not repeated_openings(text), (edition, name, repeated_openings(text))
        # no Markdown escape left visible (« La crise\, moteur … » in a cross-reference's text)
        assert not re.search(r"\\[,.()'\[\]_*-]", text), (edition, name, re.search(r".{30}\\[,.()'\[\]_*-].{10}", text))


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_present_tense_sentence_rests_only_on_an_old_figure(site, edition):
    """Nothing stale stated as current, on every chapter page of every real edition, with no filter: a
    sentence that rests only on figures more than one edition old is in the past or gives each figure's year
    (test_prose.stale_as_current); the page names every such sentence it finds."""
    from test_prose import stale_as_current

    stale = {}
    for name in PAGES:
        html = (site / str(edition) / "chapters" / f"{name}.html").read_text(encoding="utf-8")
        found = stale_as_current(html, edition)
        if found:
            stale[name] = found
    assert not stale, (edition, stale)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_gives_the_date_of_its_data_not_of_the_code(site, edition):
    html = (site / str(edition) / "chapters" / "introduction.html").read_text(encoding="utf-8")
    footer = " ".join(BeautifulSoup(html, "html.parser").select_one(".barometre-data-date").get_text().split())
    assert footer.startswith(f"Données : édition {edition} du baromètre, publiée")
    assert "Mis à jour" not in html


def test_every_internal_link_and_anchor_of_every_edition_resolves(site):
    """Every page of every edition, the archive page and the links between editions: each link to a
    page, a file (a chart's bundle, a download) or an anchor (a figure's row in the annex) resolves
    within the site (barometre.linkcheck, the check make publish runs)."""
    from barometre.linkcheck import _pages, internal_problems

    pages = _pages(site)
    assert {p.relative_to(site).parts[0] for p in pages} >= {str(e) for e in EDITIONS} | {"index.html"}
    assert internal_problems(site, pages) == []


def test_every_chart_csv_of_every_edition_has_french_headers_with_units(site):
    from chart_csv import downloads, header_problems

    found = {}
    for edition in EDITIONS:
        found.update(downloads(site / str(edition)))
    assert len(found) > 20
    problems = [p for name, text in found.items() for p in header_problems(name, text)]
    assert problems == []


ANALYSIS_CHAPTERS = ["resilience", "offshore", "prices", "value", "partnership"]


def _home_chapters() -> dict[str, str]:
    """Each indicator's home: the first chapter the dictionary lists (read from the file, not the package)."""
    import csv

    with (DATA_DIR / "indicators.csv").open(encoding="utf-8") as f:
        return {r["indicator"]: r["chapters"].split(";")[0] for r in csv.DictReader(f)}


def _untold_rows(site, edition: int) -> list[tuple]:
    """The published rows of ``edition`` whose home chapter's page has no link to them. A row that gives the
    same figure as the first row of its key (another page reporting the same study) is told by that row."""
    import csv

    homes = _home_chapters()
    pages = {n: (site / str(edition) / "chapters" / f"{n}.html").read_text(encoding="utf-8")
             for n in ANALYSIS_CHAPTERS}
    first: dict[tuple, dict] = {}
    untold = []
    with (DATA_DIR / "editions" / f"{edition}.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["indicator"], row["scope"], row["period"])
            if key in first:
                # the same figure, « environ » beside the exact number included (``digest.confirmations``)
                qualifiers = {row["qualifier"], first[key]["qualifier"]}
                same = all(row[c] == first[key][c] for c in ("value", "low", "high")) and (
                    len(qualifiers) == 1 or qualifiers == {"about", "exact"})
                if same or row["qualifier"] == "not_published":
                    continue
                raw = f"fig-{edition}-{'-'.join(key)}-{row['source']}"
            else:
                first[key] = row
                if row["qualifier"] == "not_published":
                    continue
                raw = f"fig-{edition}-{'-'.join(key)}"
            anchor = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")
            if f"#{anchor}\"" not in pages[homes[row["indicator"]]]:
                untold.append((*key, homes[row["indicator"]]))
    return untold


def _untold_quotes(site, edition: int) -> list[tuple]:
    """The quotes of ``edition`` whose words (their first thirty letters, typography aside) are on no
    analysis chapter's page of the edition's book."""
    import csv

    path = DATA_DIR / "quotes" / f"{edition}.csv"
    if not path.exists():
        return []

    def letters(text: str) -> str:
        # accents aside too: the book sets « Île-de-France » where a quote typed « Ile-de-France »
        # (typography.quote_typography keeps the words, not their capitals' accents)
        import unicodedata

        plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return re.sub(r"[^\w]", "", plain.lower())

    from barometre.narrative import trimmed

    pages = {n: letters(main_text(site, edition, n)) for n in ANALYSIS_CHAPTERS}

    def told(q: dict) -> bool:
        # a quote the book cuts as an editor does (``narrative.trimmed``: an opening « Ainsi, » dropped, a clause
        # giving again a figure just told marked « […] ») is told by the words it opens on
        # or by its closing words, when the book names its opening itself (« il parle aussi d'« une année de
        # transition » pour 2012, « liée à … structurelles » »)
        page = pages.get(q["chapter"], "")
        words = letters(q["quote"])
        return words[:30] in page or letters(trimmed(q["quote"]))[:20] in page or words[-30:] in page

    with path.open(encoding="utf-8") as f:
        return [(q["quote_id"], q["chapter"]) for q in csv.DictReader(f) if not told(q)]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_row_and_quote_of_the_edition_is_told_in_its_chapter(site, edition):
    """Issue 30: each figure of edition E is in the prose of its chapter in E's book (a link to its row from
    the chapter's home page: the first chapter the dictionary lists), not only in the annex and « Ce qui a
    changé »; each quote of E is in its chapter."""
    assert _untold_rows(site, edition) == []
    assert _untold_quotes(site, edition) == []


def test_the_told_check_finds_a_row_and_a_quote_left_out(site, tmp_path):
    """The check above can fail: chapter pages without the links and the words of one edition are caught."""
    edition = max(e for e in EDITIONS if (DATA_DIR / "quotes" / f"{e}.csv").exists())
    shutil.copytree(site / str(edition), tmp_path / str(edition))
    for name in ANALYSIS_CHAPTERS:
        (tmp_path / str(edition) / "chapters" / f"{name}.html").write_text("<main><p>Rien.</p></main>",
                                                                          encoding="utf-8")
    assert _untold_rows(tmp_path, edition) and _untold_quotes(tmp_path, edition)
