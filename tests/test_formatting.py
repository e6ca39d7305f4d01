"""The French formatter: babel's fr_FR conventions, qualifiers and ranges."""

from __future__ import annotations

from datetime import date

import pytest

from barometre import formatting as fr
from barometre import load

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("value", "unit", "kwargs", "expected"),
    [
        (15, "percent", {}, f"15{NBSP}%"),
        (17.5, "percent", {}, f"17,5{NBSP}%"),
        (5, "percent_change", {"signed": True}, f"+5{NBSP}%"),
        (-50, "percent_change", {}, f"\u221250{NBSP}%"),
        (1528, "eur_per_month_gross", {}, f"1{NNBSP}528{NBSP}€"),
        (250000, "jobs", {}, f"250{NNBSP}000"),
        (250000, "jobs", {"with_noun": True}, f"250{NNBSP}000{NBSP}emplois"),
        (1, "weeks", {"with_noun": True}, "une semaine"),
        (5, "percentage_points", {}, f"+5{NBSP}points"),
        (9, "eur_million", {}, f"9{NBSP}M€"),
        (2003, "year", {}, "2003"),
        (3500, "companies", {}, f"3{NNBSP}500"),
    ],
)
def test_values_are_formatted_the_french_way(value, unit, kwargs, expected):
    assert fr.value(value, unit, **kwargs) == expected


def test_a_range_keeps_both_ends_and_one_unit():
    assert fr.value_range(60, 70, "percent") == f"60 à 70{NBSP}%"
    assert fr.value_range(4, 7, "weeks", with_noun=True) == "quatre à sept semaines"
    assert fr.value_range(4, 20, "weeks", with_noun=True) == f"4 à 20{NBSP}semaines"


def test_a_small_count_in_prose_is_written_in_words_and_a_large_one_in_figures():
    assert fr.value(9, "years", with_noun=True) == "neuf ans"
    assert fr.value(1, "weeks", with_noun=True) == "une semaine"
    assert fr.value(3, "count", in_words=True, feminine=True) == "trois"
    assert fr.value(1, "count", in_words=True, feminine=True) == "une"
    assert fr.value(3500, "companies", with_noun=True) == f"3{NNBSP}500{NBSP}entreprises"
    assert fr.value(2, "years", signed=True, with_noun=True) == f"+2{NBSP}ans"
    assert fr.value(2.5, "years", with_noun=True) == f"2,5{NBSP}ans"


def test_figures_keep_their_qualifiers_and_ranges():
    ds = load()
    assert fr.figure_text(ds.figure("smic_increase_claimed", 2008)) == f"plus de 35{NBSP}%"
    assert fr.figure_text(ds.figure("revenue_growth_forecast", 2008)) == f"au moins 10{NBSP}%"
    assert fr.figure_text(ds.figure("inhouse_salary_premium", 2008)) == f"60 à 70{NBSP}%"
    assert fr.figure_text(ds.figure("revenue_growth", 2008, scope="france")) == f"environ 18{NBSP}%"
    price = ds.figure("production_hour_price_change_since_2000", 2008)
    assert fr.figure_text(price, magnitude=True) == f"5 à 10{NBSP}%"


def test_decimals_are_rounded_and_use_a_comma():
    assert fr.number(1 / 3 * 100) == "33,3"
    assert fr.number(1528.0) == f"1{NNBSP}528"
    assert fr.percent(2.25, decimals=1) == f"2,2{NBSP}%" or fr.percent(2.25, decimals=1) == f"2,3{NBSP}%"


def test_dates_and_periods_read_in_french():
    assert fr.month_year(date(2008, 7, 1)) == "juillet 2008"
    assert fr.period_text("2007-2008") == "entre 2007 et 2008"
    assert fr.period_text("2009-07") == "juillet 2009"
    assert fr.event_date("2007-07") == "juillet 2007"
    assert fr.event_date("2006") == "2006"
    assert fr.event_date("2009-01-01") == "1er\u00a0janvier 2009"  # the first of the month is an ordinal
    assert fr.event_date("2008-12-09") == "9 décembre 2008"


def test_a_figure_not_published_says_so():
    ds = load()
    fig = ds.figure("part_time_share", 2008)
    hidden = type(fig)(**{**fig.__dict__, "qualifier": "not_published", "value": None})
    assert fr.figure_text(hidden) == "non publié"


def test_french_spacing_binds_punctuation_to_the_word_before_it():
    from barometre.sphinx_ext import french_spacing

    assert french_spacing("Sources : le baromètre ; « oui » ! Vraiment ?") == (
        "Sources\u00a0: le baromètre\u202f; «\u00a0oui\u00a0»\u202f! Vraiment\u202f?")
    assert french_spacing("https://example.org/a:b") == "https://example.org/a:b"  # no space, no change
    assert french_spacing("10:30") == "10:30"


def test_the_complement_of_a_share_keeps_its_bound_or_range():
    from dataclasses import replace

    from barometre import formatting
    from barometre.data import load

    fig = load().figure("france_revenue_share", 2008)
    assert formatting.complement_text(fig) == "20\u00a0%"
    assert formatting.complement_text(replace(fig, qualifier="more_than", value=88.0)) == "moins de 12\u00a0%"
    assert formatting.complement_text(replace(fig, qualifier="range", value=None, low=20.0, high=25.0)) == "75 à 80\u00a0%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (lambda: fr.percent(-2.5), f"\u22122,5{NBSP}%"),
        (lambda: fr.percent(-9, signed=True), f"\u22129{NBSP}%"),
        (lambda: fr.points(-1.5), f"\u22121,5{NBSP}point"),
        (lambda: fr.number(-1528), f"\u22121{NNBSP}528"),
        (lambda: fr.euros(-40), f"\u221240{NBSP}€"),
        (lambda: fr.value(-3, "jobs", with_noun=True), f"\u22123{NBSP}emplois"),
        (lambda: fr.value_range(-10, -5, "percent"), f"\u221210 à \u22125{NBSP}%"),
    ],
)
def test_a_negative_number_takes_the_true_minus_sign_never_a_hyphen(text, expected):
    out = text()
    assert out == expected
    assert "-" not in out


def test_a_small_whole_multiplier_is_written_in_words_and_another_in_figures():
    from barometre import formatting

    assert formatting.small_number(2.0, 2) == "deux"
    assert formatting.small_number(6.0, 1) == "six"
    assert formatting.small_number(1.2, 1) == "1,2"
    assert formatting.small_number(2.35, 2) == "2,35"
    assert formatting.small_number(25, 1) == "25"


def test_the_first_of_the_month_takes_a_superscript_er_and_other_numbers_do_not():
    from docutils import nodes

    from barometre.sphinx_ext import ordinal_superscripts

    para = nodes.paragraph("", "", nodes.Text(f"au 1er{NBSP}juillet 2000, au 1er juillet 2008, 11er, 21 rue"))
    doc = nodes.document(None, None)
    doc += para
    ordinal_superscripts(doc)
    assert [n.astext() for n in para.findall(nodes.superscript)] == ["er", "er"]
    assert para.astext() == f"au 1er{NBSP}juillet 2000, au 1er juillet 2008, 11er, 21 rue"


def test_an_amount_to_the_cent_keeps_its_zeros():
    from barometre import formatting

    assert formatting.euros(9, 2) == "9,00\u00a0€" and formatting.euros(8.71, 2) == "8,71\u00a0€"
    assert formatting.euros(1528) == "1\u202f528\u00a0€"


def test_a_figure_keeps_the_decimals_its_source_gives_beyond_the_first():
    """« 0,12 % du PIB » (the 2024 edition) was printed « 0,1 % »: a figure is written as published."""
    ds = load()
    gdp = next(f for e in ds.editions for f in ds.figures(e, "gdp_share") if f.published and f.value == 0.12)
    assert fr.figure_text(gdp) == "0,12\u00a0%"
    assert [fr.published_decimals(x) for x in (15, 48.5, 0.12, 1.23456)] == [0, 1, 2, 3]


def test_a_signed_range_of_changes_signs_both_ends():
    """editor39: « −17 % (bac +3/4), −22 % (bac +5), 1 à 4 % (CAP … bac +2) » read the range as levels."""
    from dataclasses import replace

    from barometre import load

    fig = next(f for f in load().figures(2019, "staff_by_diploma_growth") if f.is_range)
    assert fr.figure_text(fig, signed=True) == "+1 à +4\u00a0%"
    assert fr.figure_text(replace(fig, low=-4.0, high=-1.0), signed=True) == "−4 à −1\u00a0%"
    assert fr.figure_text(fig) == "1 à 4\u00a0%"  # unsigned as before
