"""The data API: one call takes a figure id to its value, quote and source."""

from __future__ import annotations

import pytest
from conftest import set_value

from barometre import figure, load
from barometre.data import FRF_PER_EUR, FigureNotFound


def test_one_call_gives_value_unit_qualifier_scope_quote_and_source():
    fig = figure("revenue_growth", edition=2008)
    assert (fig.value, fig.unit, fig.qualifier, fig.scope, fig.period) == (15.0, "percent_change", "exact", "market", "2008")
    assert "15%" in fig.quote
    assert fig.source == "barometer_bearingpoint_sp2c" and fig.source_name
    assert fig.file == "data/editions/2008.csv" and fig.row == 2


def test_a_range_is_low_and_high_with_a_central_value():
    fig = figure("inhouse_salary_premium", edition=2008)
    assert fig.is_range and (fig.low, fig.high) == (60, 70) and fig.central == 65


def test_a_request_without_scope_finds_the_market_figure_or_nothing():
    ds = load()
    assert ds.known("adviser_salary_net", 2008) is None  # given for France and the UK, not for the market
    assert {ds.known("adviser_salary_net", 2008, scope=s).central for s in ("france", "united_kingdom")} == {1000, 1400}
    assert ds.known("revenue_growth", 2008).scope == "market"
    with pytest.raises(FigureNotFound, match="published in no edition up to 2008"):
        ds.figure("adviser_salary_net", 2008)


def test_an_unknown_indicator_or_edition_is_a_clear_error():
    with pytest.raises(FigureNotFound, match="unknown indicator"):
        figure("no_such_thing", edition=2008)
    with pytest.raises(FigureNotFound, match=r"available: 2005, .*2008"):
        load().resolve(1999)


def test_edition_zero_means_the_latest():
    ds = load()
    assert ds.resolve(0) == ds.latest == max(ds.editions)


def test_every_figure_carries_a_short_quote_and_a_known_source():
    ds = load()
    for f in ds.figures(2008):
        assert 0 < len(f.quote) <= 300, f.indicator
        assert f.source in ds.sources


def test_the_smic_in_francs_is_converted_in_code_at_the_legal_rate():
    ds = load()
    smic = ds.smic_hourly()
    first = smic.iloc[0]
    assert first["currency"] == "FRF"
    assert first["eur"] == pytest.approx(first["value_original"] / FRF_PER_EUR)
    from datetime import date

    rise = ds.smic_at(date(2008, 7, 1)) / ds.smic_at(date(2000, 7, 1)) - 1
    assert rise == pytest.approx(0.359, abs=0.001)


def test_the_article_count_equals_the_data_count_in_the_readme():
    import re

    from barometre.paths import DATA_DIR

    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    m = re.search(r"The article holds (\d+) figures \((\d+) numeric, (\d+) events\); the data carries (\d+) rows "
                  r"\((\d+) in editions/2008.csv, (\d+) in events/2008.csv\)", readme)
    assert m, "data/README.md must state both counts"
    article, numeric, events, data, in_editions, in_events = map(int, m.groups())
    assert article == data and numeric == in_editions and events == in_events
    ds = load()
    article_rows = [f for f in ds.figures(2008) if f.publication_title == "L'outsourcing ne connaît pas la crise"]
    assert in_editions == len(article_rows)
    assert in_events == len(ds.events(2008))


def test_series_take_each_period_from_the_latest_edition(data_copy):
    ds = load(data_copy)
    series = ds.series("revenue_growth", scope="market", upto=2008)
    assert list(series["period"])[-2:] == ["2007", "2008"]
    assert series.set_index("period").loc["2007", "edition"] == 2008  # the 2008 edition restates 2007
    set_value(data_copy, "revenue_growth", "market", "2007", "14")
    assert list(load(data_copy).series("revenue_growth", upto=2008)["central"])[-2:] == [14.0, 15.0]
    later = load(data_copy).series("revenue_growth", upto=2011).set_index("period")
    assert later.loc["2009", "edition"] >= 2009  # a later edition's value replaces the earlier one


def test_opinions_are_quoted_from_data_rows_with_their_source():
    ds = load()
    quotes = ds.quotes(2008, "value")
    assert {q.source for q in quotes} >= {"kim_neyret", "eric_klipfel", "jean_francois_guillot"}
    for q in ds.quotes(2008):
        assert 0 < len(q.quote) <= 300 and q.source in ds.sources and q.attribution
    assert ds.quote("klipfel_bonus_malus", 2008).source == "eric_klipfel"


def test_a_quote_with_an_unknown_source_is_refused(data_copy):
    from conftest import rewrite

    from barometre.validation import DataValidationError, validate

    path = data_copy / "quotes" / "2008.csv"
    rewrite(path, path.read_text(encoding="utf-8").replace(",kim_neyret,", ",kim_nobody,", 1))
    with pytest.raises(DataValidationError, match=r"quotes/2008.csv, row \d+, column 'source': got 'kim_nobody'"):
        validate(data_copy)


def _keys(data) -> dict[str, str]:
    from barometre.book import CHAPTERS
    from barometre.data import load

    ds = load(data)
    return {c.name: ds.inputs_key(c.inputs) for c in CHAPTERS}


def test_a_chapters_cache_key_follows_its_declared_rows_and_no_others(tmp_path):
    """Changing a prices figure changes the key of the prices chapter and of the pages that read every
    figure; the offshore chapter, which does not declare it, keeps its key (and its cached output)."""
    import shutil

    from conftest import set_field

    from barometre.paths import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = _keys(data)
    set_field(data, "production_hour_price_change_since_2000", "market", "2000-2008", "low", "-12")
    after = _keys(data)
    changed = {name for name in before if before[name] != after[name]}
    assert {"prices", "synthesis", "claims", "sources", "changes", "introduction"} <= changed
    assert "offshore" not in changed and "resilience" not in changed


def test_a_moved_row_changes_only_the_keys_of_pages_that_print_line_numbers_or_whose_order_moved(tmp_path):
    """A row of another family moved to the top shifts every line number: only the annex, which prints
    them, is run again. A chapter's own rows keep their order, so its key stays."""
    import shutil

    from barometre.paths import DATA_DIR
    from barometre.provenance import write_sidecar

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = _keys(data)
    path = data / "editions" / "2008.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    last = rows[-1]
    assert not last.startswith("production_hour_price")
    path.write_text("\n".join([header, last, *rows[:-1]]) + "\n", encoding="utf-8")
    write_sidecar(path)
    after = _keys(data)
    assert before["sources"] != after["sources"]
    assert before["prices"] == after["prices"]


def test_the_book_names_a_data_file_from_the_data_folder_wherever_that_folder_is(data_copy):
    """The annex cites « Ligne 20 de data/editions/2008.csv »: a data folder outside the project
    (``--data-dir``) printed its absolute path, the analyst's machine, in the published pages."""
    ds = load(data_copy)
    from barometre.paths import ROOT

    assert ROOT not in data_copy.resolve().parents  # a folder outside the project
    assert ds.known("revenue_growth", 2008).file == "data/editions/2008.csv"
    quotes = ds.quotes(2008)
    assert quotes and all(q.file == "data/quotes/2008.csv" for q in quotes)


def test_a_quote_restores_what_the_scan_garbled():
    """A row whose note says what the scan reads (« Scan reads 'S à 10%' ») quotes the restored text
    (« se vend [5] à 10% »): readers quote the book, and the scan's « S à 10% » is not the article."""
    import csv
    import re

    from barometre.paths import DATA_DIR

    scanned = re.compile(r"Scan reads '(.+?)'(?=:|;|\.|,| without| the)")
    checked, kept = 0, []
    for path in sorted(DATA_DIR.glob("*/*.csv")):
        for number, row in enumerate(csv.DictReader(path.open(encoding="utf-8")), start=2):
            for reading in scanned.findall(row.get("note") or ""):
                checked += 1
                if reading in (row.get("quote") or ""):
                    kept.append(f"{path.name} row {number}: {reading!r}")
    assert checked >= 8
    assert kept == []


ARTICLE_PEOPLE = ["Laurent Uberti", "David Targy", "Fabrice Marque", "Patrice Bégoc", "Eric Dadian", "Jean Régnier",
                  "Tanguy de Laubier", "Frédéric Jousset", "Marc Labarre", "Jean-François Guillot", "Olivier Carrot",
                  "Michel Guido", "Eric Klipfel", "Dominique Decaestecker", "Kim Neyret", "Eric Lestanguet"]


def test_the_people_of_the_article_are_spelt_as_the_article_spells_them():
    """The article is the reference for its people's names (« Eric », not « Éric »), except its one
    misprint of a first name, « Oliver Carrot » for Olivier Carrot (data/README.md): every interview
    source of the article bears one of these names."""
    ds = load()
    names = {s.name for s in ds.sources.values()
             if s.type == "interview" and s.publication_title == "L'outsourcing ne connaît pas la crise"}
    assert names == set(ARTICLE_PEOPLE), names ^ set(ARTICLE_PEOPLE)


def test_no_quote_keeps_a_garble_of_the_scan_the_data_readme_restores():
    """The data README lists each garble of a scanned page and its restoration (« "stabilisatbn" →
    "[stabilisation]" »); no quote of any edition or quote file still shows the garbled text: the 2006
    quotes read « stabilisatbn » and « de l'ordre de 1 1% » on the claims page."""
    import re

    from barometre.paths import DATA_DIR

    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Corrections of the scanned text"):readme.index("## Editions 2003")]
    garbles = [g for g, _ in re.findall(r'"([^"]+)" → "([^"]+)"', section)]
    assert "stabilisatbn" in garbles and "de l'ordre de 1 1%" in garbles
    ds = load()
    quotes = [f.quote for e in ds.editions for f in ds.figures(e) if f.quote]
    quotes += [q.quote for e in ds.editions for q in ds.quotes(e)] if hasattr(ds, "quotes") else []
    shown = [(g, q[:60]) for g in garbles for q in quotes if g in q]
    assert not shown, shown


def test_an_attribution_never_sets_two_parentheses_side_by_side():
    """« 01net (article repris par MC informactions) (rédaction) » on the offshore page: a name that ends with
    a parenthesis takes the role inside it."""
    from barometre.data import attribution

    assert attribution("Laurent Uberti", "président du SP2C") == "Laurent Uberti (président du SP2C)"
    assert attribution("Claire Morel", "") == "Claire Morel"
    ds = load()
    said = [q.attribution for e in ds.editions for q in ds.quotes(e)]
    said += [f.attribution for e in ds.editions for f in ds.figures(e)]
    assert attribution("01net (repris par MC informactions)", "rédaction") == \
        "01net (repris par MC informactions, rédaction)"
    assert "01net" in said  # the outlet's newsroom: its name alone (editor37: « l'article de 01net (article … »)
    assert not [a for a in said if ") (" in a]


def test_every_source_type_has_a_french_name_in_the_sources_annex():
    """The annex read « Top 50 de l'outsourcing … (ranking) »: an English id shown to the reader."""
    from barometre.chapters.sources import SOURCE_TYPES_FR
    from barometre.validation import SOURCE_TYPES

    assert set(SOURCE_TYPES) <= set(SOURCE_TYPES_FR) and SOURCE_TYPES_FR["ranking"] == "classement"


def test_the_annex_never_sets_a_quotes_line_in_parentheses_after_its_speakers_role():
    """« — Laurent Uberti (président du SP2C) (ligne 2 de data/quotes/2011.csv) »: two parentheses side by
    side; the line number follows a comma."""
    from barometre.chapters.sources import annex_markdown

    text = annex_markdown(load(), 2011).replace("\\", "")  # the page's Markdown escapes
    assert "(président du SP2C), *ligne 2 de data/quotes/2011.csv*" in text
    assert " *(ligne " not in text
