"""« Ce que dit cette édition »: each chapter opens with every figure its edition publishes on its theme
(barometre.digest), told once, with nothing the edition does not publish."""

from __future__ import annotations

import re

from barometre import digest, load
from barometre.narrative import mentions

ANCHOR = re.compile(r"<(fig-[a-z0-9-]+)>")


def test_every_published_row_of_the_edition_homed_in_the_chapter_is_in_its_digest_once():
    ds = load()
    for edition in ds.editions:
        for chapter in ("resilience", "offshore", "prices", "value", "partnership"):
            text = digest.chapter_digest(ds, edition, chapter)
            cited = ANCHOR.findall(text)
            for fig in digest.rows(ds, edition, chapter):
                figs = [f for f in digest.rows(ds, edition, chapter) if (f.indicator, f.scope) ==
                        (fig.indicator, fig.scope)]
                told_by = digest.confirmations(figs).get(fig.anchor, fig)
                assert told_by.anchor in cited, (edition, chapter, fig.anchor)
            rows = text.split("| --: |")[-1].split("\n\n")[0] if "| --: |" in text else ""
            in_table = ANCHOR.findall(rows)
            assert len(in_table) == len(set(in_table)), (edition, chapter)  # each figure once in the table


def test_a_row_that_only_confirms_another_sources_figure_is_not_told_again():
    ds = load()
    text = digest.chapter_digest(ds, 2011, "resilience")
    # 10,1 % in 2011: the barometer's row, then three press pages giving the same figure
    assert "fig-2011-revenue-growth-market-2011>" in text
    assert "fig-2011-revenue-growth-market-2011-" not in text


def test_another_sources_different_figure_is_told_with_who_gives_it():
    ds = load()
    text = mentions.full(digest.chapter_digest(ds, 2024, "resilience"))  # as the changes page shows it
    assert re.search(r"plus de 3[\s\u00a0\u202f]500[\s\u00a0\u202f]M€ <fig-2024-market-revenue-market-2024-[a-z0-9-]+>` selon "
                     r"Caroline Adam", text)


def test_an_edition_without_a_figure_on_the_theme_has_no_digest():
    ds = load()
    assert digest.chapter_digest(ds, 2024, "value") == ""  # the 2024 edition publishes nothing on value
    assert digest.chapter_digest(ds, 2024, "prices") == ""


def test_the_edition_s_quotes_given_to_the_digest_close_it():
    ds = load()
    quotes = ds.quotes(2024, "resilience")
    text = digest.chapter_digest(ds, 2024, "resilience", quotes=quotes)
    assert quotes and text.splitlines()[-1].startswith("- ")
    assert "Le marché est stable" in text


def test_a_forecast_of_direction_is_told_as_a_direction():
    ds = load()
    text = digest.chapter_digest(ds, 2011, "resilience")  # « une régression pour 2012 », stored as below zero
    assert "| 2012 : {ref}`un recul <fig-2011-revenue-growth-forecast-market-2012>` |" in text
    assert "moins de +0" not in text


def test_a_series_is_one_row_with_its_years_in_one_cell_and_a_lone_figure_of_the_year_is_undated():
    """The 2011 offshore table was a row a figure (18 rows, 1 301 px tall on a phone), its label repeated."""
    ds = load()
    text = digest.chapter_digest(ds, 2011, "offshore")
    body = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Chiffre")]
    labels = [line.split(" | ")[0] for line in body]
    assert len(labels) == len(set(labels)) and len(body) < len(ANCHOR.findall(text))
    share = next(line for line in body if "offshore dans le chiffre" in line)
    assert re.search(r"\| 2009 : \{ref\}`21.*; 2010 : .*; 2011 : ", share)
    assert "pour 2011 sauf mention contraire" in text
    for label in labels:  # « Croissance (nearshore (Europe)) » read as a slip: no parenthesis in another
        assert not re.search(r"\([^)]*\(", label.replace("\\", "")), label
    nearshore = digest.chapter_digest(ds, 2024, "resilience")
    # « nearshore européen » (editor37), and never a parenthesis inside another
    assert "nearshore européen" in nearshore.replace("\\", "") and "nearshore (Europe)" not in nearshore
    # a table whose every figure is dated says no « sauf mention contraire »
    only_dated = digest.table(ds, [[f for f in digest.rows(ds, 2011, "offshore") if f.period != "2011"]], 2011)
    assert only_dated[1] is False


def test_quotes_on_several_years_are_grouped_by_the_year_they_speak_of():
    from barometre import themes
    from barometre.data import load

    ds = load()
    text = digest.quotes_by_year(themes.unused_quotes(ds, 2011, "resilience"))
    order = [text.index(f"**Sur {y}.**") for y in (2011, 2012, 2013)]
    assert order == sorted(order)
    # « transition » and « rupture » both speak of 2012, and sit in the same item
    item_2012 = next(line for line in text.splitlines() if line.startswith("- **Sur 2012.**"))
    assert "transition" in item_2012 and "rupture" in item_2012 and "bouleversement en 2013" not in item_2012
    # quotes of one year only are a plain list, with no year label
    plain = digest.quotes_by_year(themes.unused_quotes(ds, 2024, "resilience"))
    assert "**Sur" not in plain and plain.count("\n- ") >= 1


def test_an_exact_figure_confirms_the_same_number_given_as_approximate():
    from barometre.data import load

    ds = load()
    figs = [f for f in ds.figures(2011, "adviser_salary_gross") if f.period == "2011"]
    assert {f.qualifier for f in figs} == {"about", "exact"}
    assert len(digest.confirmations(figs)) == 1
    text = digest.chapter_digest(ds, 2011, "value")
    assert text.replace("\u00a0", " ").replace("\u202f", " ").count("1 536 €") == 1


def test_one_speaker_s_quotes_in_a_row_are_attributed_once():
    """editor37: « Sur 2012. « … » — Laurent Uberti ; « … » — Laurent Uberti ; « … », résume Relation Client
    Magazine »: one speaker's quotes of a year in a row name him once; a press summary keeps its form."""
    ds = load()
    text = digest.quotes_by_year([q for q in ds.quotes(2011, "resilience") if q.edition == 2011])
    line = next(ln for ln in text.splitlines() if ln.startswith("- **Sur 2012.**"))
    assert line.count("Laurent Uberti") == 1 and "» ; «" in line and "résume Relation Client Magazine" in line


def test_a_change_in_the_edition_s_table_keeps_its_sign_whichever_way_it_goes(data_copy):
    """editor40: the 2011 value table read « Entre 2010 et 2011 : 1 % » for a pay rise, where the changes page of the
    same book writes « +1 % ». A rise and a fall are both signed; a level is not."""
    from conftest import set_value

    from barometre import digest, load

    text = digest.chapter_digest(load(), 2011, "value").replace("\u00a0", " ")
    assert "Entre 2010 et 2011 : {ref}`+1 %" in text
    assert "{ref}`+1 536" not in text and "{ref}`environ +" not in text  # the salary itself is a level
    set_value(data_copy, "adviser_salary_change", "market", "2010-2011", "-1", edition=2011)
    assert "Entre 2010 et 2011 : {ref}`−1 %" in digest.chapter_digest(load(data_copy), 2011, "value").replace("\u00a0", " ")
