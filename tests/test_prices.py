"""Index arithmetic, the margin squeeze, concentration bounds, price steps and the prices chapter."""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from conftest import mark_not_published, rewrite
from executed import assert_clean, execute_chapter, markdown, spec
from fixtures import data_with_sparse_2009, data_with_sparse_2009_only

from barometre import formatting, load
from barometre.chapters import prices as ch
from barometre.charts import PAGE_MIME
from barometre.data import FRF_PER_EUR
from barometre.formatting import NBSP, NNBSP
from barometre.models import prices as model
from barometre.narrative import mentions
from barometre.paths import DATA_DIR

EDITION = 2008


# --------------------------------------------------------------------------- indices and claims


def title_text(spec: dict) -> str:
    """A chart's title as one string (long titles are drawn as several lines)."""
    title = spec["title"]
    return " ".join(title) if isinstance(title, list) else title


def test_percent_change_is_the_ratio_minus_one():
    assert model.percent_change(100, 136) == pytest.approx(36)
    assert model.percent_change(100, 90) == pytest.approx(-10)
    with pytest.raises(ValueError, match="start must be > 0"):
        model.percent_change(0, 10)


def test_an_index_is_one_hundred_in_its_base_year():
    index = model.index_series({2000: 80.0, 2001: 84.0}, 2000)
    assert index == {2000: pytest.approx(100), 2001: pytest.approx(105)}
    with pytest.raises(ValueError, match="base_year 1999 is not in the series"):
        model.index_series({2000: 80.0}, 1999)


@pytest.mark.parametrize(
    ("actual", "claimed", "qualifier", "holds"),
    [
        (35.97, 35, "more_than", True),
        (35.0, 35, "more_than", False),  # "plus de" is strict
        (35.0, 35, "at_least", True),
        (34.0, 35, "less_than", True),
        (35.5, 35, "at_most", False),
        (17.4, 18, "about", True),
        (15.0, 18, "about", False),
    ],
)
def test_a_claim_holds_according_to_its_qualifier(actual, claimed, qualifier, holds):
    assert model.claim_holds(actual, claimed, qualifier) is holds


def test_an_unknown_qualifier_or_a_negative_tolerance_is_refused():
    with pytest.raises(ValueError, match="qualifier must be one of"):
        model.claim_holds(1, 1, "range")
    with pytest.raises(ValueError, match="tolerance must be ≥ 0"):
        model.claim_holds(1, 1, "about", tolerance=-1)


def test_a_linear_path_goes_from_one_to_the_total_change():
    assert model.linear_factor(-0.10, 2000, 2008, 2000) == 1
    assert model.linear_factor(-0.10, 2000, 2008, 2004) == pytest.approx(0.95)
    assert model.linear_factor(-0.10, 2000, 2008, 2008) == pytest.approx(0.90)
    with pytest.raises(ValueError, match="end_year must be after start_year"):
        model.linear_factor(-0.1, 2008, 2000, 2004)
    with pytest.raises(ValueError, match="year must be between 2000 and 2008"):
        model.linear_factor(-0.1, 2000, 2008, 2009)
    with pytest.raises(ValueError, match="total_change must be > -1"):
        model.linear_factor(-1, 2000, 2008, 2004)


def test_the_smic_rose_by_more_than_35_percent_from_july_2000_to_july_2008():
    ds = load()
    claim = ds.figure("smic_increase_claimed", EDITION)
    check = ch.smic_check(ds, claim, 2000, 2008)
    assert check.start_currency == "FRF" and check.start_eur == pytest.approx(42.02 / FRF_PER_EUR)
    assert check.end_eur == pytest.approx(8.71)
    assert check.rise == pytest.approx((8.71 / (42.02 / FRF_PER_EUR) - 1) * 100)
    assert 35.9 < check.rise < 36.0 and check.holds


def test_no_smic_before_the_series_starts_is_an_error():
    ds = load()
    with pytest.raises(ValueError, match="no SMIC in force"):
        ch.smic_check(ds, ds.figure("smic_increase_claimed", EDITION), 1990, 2008)


def test_periods_give_their_years():
    assert ch.period_years("2000-2008", 2008) == (2000, 2008)
    assert ch.period_years("2009", 2010) == (2009, 2010)
    with pytest.raises(ValueError, match="a span of years"):
        ch.period_years("bientôt", 2008)


# --------------------------------------------------------------------------- margin squeeze


def test_with_nothing_changing_the_margin_stays_where_it_started():
    inputs = model.MarginInputs(0.08, 0.69)
    assert model.margin(inputs, 1, 1, 1, 8) == pytest.approx(0.08)
    assert model.required_productivity_gain(inputs, 1, 1, 1, 8) == pytest.approx(0)


def test_a_falling_price_and_rising_wages_squeeze_the_margin_and_productivity_restores_it():
    inputs = model.MarginInputs(0.08, 0.69)
    squeezed = model.margin(inputs, 1.36, 1.17, 0.90, 8)
    assert squeezed < 0.08
    gain = model.required_productivity_gain(inputs, 1.36, 1.17, 0.90, 8)
    assert gain > 0
    restored = model.margin(model.MarginInputs(0.08, 0.69, gain), 1.36, 1.17, 0.90, 8)
    assert restored == pytest.approx(0.08)
    # the lower end of the price range is always the worse margin
    assert model.margin(inputs, 1.36, 1.17, 0.90, 8) < model.margin(inputs, 1.36, 1.17, 0.95, 8)


def test_no_productivity_gain_can_save_a_margin_eaten_by_other_costs():
    inputs = model.MarginInputs(0.08, 0.20)  # other costs 72 % of revenue
    assert model.required_productivity_gain(inputs, 1.3, 2.0, 0.9, 8) is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start_margin": 1.2}, "start_margin must be between -1 and 1"),
        ({"personnel_share": 1.2}, "personnel_share must be between 0 and 1"),
        ({"start_margin": 0.4, "personnel_share": 0.7}, "must not exceed 1"),
        ({"productivity_gain": -1}, "productivity_gain must be > -1"),
        ({"start_margin": float("nan")}, "start_margin must be a finite number"),
    ],
)
def test_invalid_margin_inputs_are_refused_with_a_clear_message(kwargs, message):
    with pytest.raises(ValueError, match=message):
        model.MarginInputs(**{"start_margin": 0.08, "personnel_share": 0.69, **kwargs})


def test_invalid_factors_are_refused():
    inputs = model.MarginInputs(0.08, 0.69)
    with pytest.raises(ValueError, match="price_factor must be > 0"):
        model.margin(inputs, 1.3, 1.1, 0, 8)
    with pytest.raises(ValueError, match="years must be ≥ 0"):
        model.margin(inputs, 1.3, 1.1, 0.9, -1)
    with pytest.raises(ValueError, match="years must be > 0"):
        model.required_productivity_gain(inputs, 1.3, 1.1, 0.9, 0)
    with pytest.raises(ValueError, match="lacks the columns"):
        model.margin_path(inputs, pd.DataFrame({"year": [2000]}))


def test_the_margin_path_starts_at_the_starting_margin_and_is_a_band():
    ds = load()
    price = ds.figure("production_hour_price_change_since_2000", EDITION)
    years = ch.available_years(ds, 2000, 2008)
    paths = ch.margin_paths(model.MarginInputs(0.08, 0.69), ds, years, price, 2000, 2008)
    assert paths.iloc[0]["marge prix bas"] == pytest.approx(8) == paths.iloc[0]["marge prix haut"]
    last = paths.iloc[-1]
    assert last["marge prix bas"] < last["marge prix haut"] < 8
    low, high = ch.squeeze_summary(model.MarginInputs(0.08, 0.69), ds, price, 2000, 2008)
    assert low.margin * 100 == pytest.approx(last["marge prix bas"])
    assert low.required_gain > high.required_gain > 0


# --------------------------------------------------------------------------- concentration


def test_hhi_bounds_of_ten_firms_holding_seventy_percent():
    low, high = model.hhi_bounds(70, 10, 2)
    assert low == pytest.approx(10 * 7**2 + 2**2)  # 7 % each, one 2 % firm outside, the rest dust
    assert high == pytest.approx((70 - 9 * 2) ** 2 + 9 * 2**2 + 15 * 2**2)


def test_a_monopoly_has_the_maximum_index():
    assert model.hhi_bounds(100, 1, 0) == (model.HHI_MAX, model.HHI_MAX)


def test_any_market_meeting_the_assumptions_lies_between_the_bounds():
    top = [20, 12, 8, 7, 6, 5, 4, 3, 3, 2]  # 70 %, the tenth firm at 2 %
    tail = [2, 2] + [1] * 26  # the largest firm outside holds 2 %
    assert sum(top) == 70 and sum(tail) == 30
    low, high = model.hhi_bounds(70, 10, 2)
    assert low <= model.hhi(top + tail) <= high


def test_fewer_large_players_raise_the_floor_of_the_index():
    assert model.hhi_bounds(70, 5, 2)[0] > model.hhi_bounds(70, 10, 2)[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0, 10, 1), r"top_n_share must be in \(0, 100\]"),
        ((120, 10, 1), r"top_n_share must be in \(0, 100\]"),
        ((70, 0, 1), "n must be a whole number ≥ 1"),
        ((70, 2.5, 1), "n must be a whole number ≥ 1"),
        ((70, 10, 8), "cannot exceed the average share of the top 10"),
        ((95, 1, 10), "cannot exceed the share left outside the top 1"),
        ((70, 10, 0), "tail_max_share must be > 0"),
        ((70, 10, -1), "tail_max_share must be ≥ 0"),
    ],
)
def test_impossible_concentration_assumptions_are_refused(args, message):
    with pytest.raises(ValueError, match=message):
        model.hhi_bounds(*args)


def test_market_shares_beyond_one_hundred_are_refused():
    with pytest.raises(ValueError, match="sum to at most 100"):
        model.hhi([60, 50])
    with pytest.raises(ValueError, match="market shares must be ≥ 0"):
        model.hhi([-1, 50])


# --------------------------------------------------------------------------- prices per minute


def test_three_decimals_make_a_step_of_a_thousandth_of_a_euro():
    assert model.price_step(3) == pytest.approx(0.001)
    assert model.step_value_per_year(3, 10_000_000) == pytest.approx(10_000)
    assert model.step_value_per_year(2, 0) == 0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: model.price_step(-1), "decimals must be a whole number ≥ 0"),
        (lambda: model.price_step(2.5), "decimals must be a whole number ≥ 0"),
        (lambda: model.step_value_per_year(3, -5), "minutes_per_year must be ≥ 0"),
    ],
)
def test_invalid_price_steps_are_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_the_price_step_table_shows_thousandths_and_whole_euros():
    table = ch.price_step_table(3, 10_000_000)
    chosen = table[table["retenu"]].iloc[0]
    assert chosen["pas de prix"] == "0,001\u00a0€"
    assert chosen["texte"] == "10\u202f000\u00a0€"
    assert ch.euros_precise(0.001, 3) == "0,001\u00a0€"


# --------------------------------------------------------------------------- chapter data


def test_the_inbound_share_of_the_previous_year_is_derived_not_typed():
    ds = load()
    inbound = ds.figure("inbound_revenue_share", EDITION)
    change = ds.figure("inbound_revenue_share_change", EDITION)
    table = ch.activity_table(inbound, change, ds.figure("outbound_revenue_share", EDITION), EDITION)
    before = table[(table["activité"] == "Appels entrants") & (table["année"] == str(EDITION - 1))]
    assert before["part"].iloc[0] == pytest.approx(inbound.central - change.central)
    for year, group in table.groupby("année"):
        assert group["part"].sum() == pytest.approx(100), year


def test_indices_are_one_hundred_in_the_base_year_and_the_smic_is_taken_on_1_july():
    ds = load()
    years = ch.available_years(ds, 2000, 2008)
    table = ch.index_table(ds, years)
    assert list(table[table["année"] == 2000]["indice"]) == pytest.approx([100, 100, 100])
    smic_2008 = table[(table["année"] == 2008) & (table["série"] == "Smic horaire brut")]["indice"].iloc[0]
    assert smic_2008 == pytest.approx(100 * ds.smic_at(date(2008, 7, 1)) / ds.smic_at(date(2000, 7, 1)))
    assert ch.available_years(ds, 2000, 2030)[-1] == max(ds.cpi().index)


def test_consolidation_phrases_take_the_stake_from_its_figure():
    ds = load()
    phrases = ch.consolidation_phrases(ch.consolidation_events(ds, EDITION), ds.figure("acticall_stake_acquired"))
    assert any("fig-2008-acticall-stake-acquired" in p and "d’Acticall" in p for p in phrases)
    assert any("Intra Call Center" in p for p in phrases)


def test_every_prices_chart_validates_against_the_vega_lite_schema():
    ds = load()
    price = ds.figure("production_hour_price_change_since_2000", EDITION)
    personnel = ds.figure("personnel_cost_share", EDITION)
    salaries = ds.figure("salary_cost_share_of_production", EDITION)
    top = ds.figure("top10_market_share", EDITION)
    forecast = ds.figure("large_players_forecast", EDITION)
    years = ch.available_years(ds, 2000, 2008)
    inputs = model.MarginInputs(0.08, 0.69)
    charts = [
        ch.cost_structure_chart(ch.cost_structure_table(personnel, salaries), [personnel, salaries]),
        ch.index_chart(ch.index_table(ds, years), ch.price_band(price, years, 2000, 2008), [price], 2000),
        ch.margin_chart(ch.margin_paths(inputs, ds, years, price, 2000, 2008), 0.08, 0.0, [price]),
        ch.hhi_chart(ch.hhi_table(top, ch.TOP_N, 2.0, forecast), [top, forecast], 2.0),
        ch.activity_chart(
            ch.activity_table(ds.figure("inbound_revenue_share", EDITION),
                              ds.figure("inbound_revenue_share_change", EDITION),
                              ds.figure("outbound_revenue_share", EDITION), EDITION),
            [price], ds.figure("inbound_revenue_share_change", EDITION),
        ),
        ch.price_step_chart(ch.price_step_table(3, 1e7), ds.figure("price_per_minute_decimals", EDITION)),
    ]
    for chart in charts:
        chart.chart.to_dict()  # validates against the schema
        assert chart.title and chart.description and chart.source
        assert chart.data is not None and not chart.data.empty


def test_the_margin_chart_title_follows_the_result():
    assert ch.margin_title(-5, -1, 8) == "Sans autre facteur, les chiffres cités effaceraient la marge"
    assert ch.margin_title(2, 5, 8) == "Sans autre facteur, les chiffres cités réduiraient la marge"
    assert ch.margin_title(8, 9, 8) == "Même sans autre facteur, la marge résisterait"


# --------------------------------------------------------------------------- the executed notebook


_markdown, _spec = markdown, spec


@pytest.mark.slow
def test_productivity_gains_change_the_margin_text_and_chart_of_the_chapter(tmp_path):
    flat = execute_chapter(tmp_path, "prices", "flat", productivity_gain=0.0, edition=EDITION)
    gains = execute_chapter(tmp_path, "prices", "gains", productivity_gain=0.07, tail_max_share=1.0, edition=EDITION)
    assert "Aucun gain de productivité n'est supposé" in _markdown(flat)
    assert "La productivité progresserait de 7\u00a0% par an" in _markdown(gains)
    assert _spec(flat, "prix-marge") != _spec(gains, "prix-marge")
    assert title_text(_spec(flat, "prix-marge")) == "Sans autre facteur, les chiffres cités effaceraient la marge"
    assert _spec(flat, "prix-concentration") != _spec(gains, "prix-concentration")
    assert _spec(flat, "prix-indices") == _spec(gains, "prix-indices")  # the official series do not move
    assert ":::{admonition} Vérification" in _markdown(flat) and "L'affirmation est vérifiée" in _markdown(flat)


def _not_published(data_dir: Path, indicator: str) -> None:
    mark_not_published(data_dir, indicator, edition=EDITION)


@pytest.mark.slow
def test_the_chapter_leaves_out_sentences_whose_figures_no_edition_publishes(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    for indicator in ("production_hour_price_change_since_2000", "smic_increase_claimed", "top10_market_share",
                      "inbound_revenue_share_change", "price_per_minute_decimals"):
        _not_published(data, indicator)
    nb = execute_chapter(tmp_path, "prices", "missing", data_dir=str(data), edition=EDITION)
    text = _markdown(nb)
    assert_clean(text)
    assert text.count("Aucune édition du baromètre jusqu’à celle de 2008") == 1
    for label in load(data).unknown(ch.USED_INDICATORS, EDITION):  # named once, in the one sentence
        assert label[1:].replace("'", "\\'").replace("(", "\\(").replace(")", "\\)") in text, label
    assert "évolution du prix de l\\'heure de production depuis 2000" in text
    assert "moins cher" not in text and "Vérification" not in text and "Le calcul part de" not in text
    assert title_text(_spec(nb, "prix-activites")) == "Le chiffre d'affaires par activité"  # no change: a topic


# --------------------------------------------------------------------------- any edition


def test_titles_follow_the_data():
    assert ch.index_title(137, 90, 95) == "Smic en hausse, prix en baisse"
    assert ch.index_title(97, 101, 104) == "Smic en baisse, prix en hausse"
    grid = ch.hhi_grid(load())
    assert ch.hhi_title(494, 2800, grid) == "Une concentration encore mal connue"
    assert ch.hhi_title(2000, 2800, grid) == "Un marché très concentré"
    assert ch.hhi_title(300, 900, grid) == "Un marché peu concentré"
    assert ch.ordinal(3) == "troisième" and ch.ordinal(2) == "deuxième"
    assert ch.cost_structure_title(pd.DataFrame({"part": [69.0]})) == "Le personnel, premier poste de coût"
    assert ch.cost_structure_title(pd.DataFrame({"part": [40.0]})) == "Le poids du personnel dans les coûts"
    ds = load()
    change = ds.figure("inbound_revenue_share_change", EDITION)
    assert ch.activity_title(change) == "Les appels entrants progressent"
    from dataclasses import replace
    assert ch.activity_title(replace(change, value=-3.0)) == "Les appels entrants reculent"
    assert ch.activity_title(None) == "Le chiffre d'affaires par activité"
    price = ds.figure("production_hour_price_change_since_2000", EDITION)
    assert ch.price_direction(price) == "moins cher"
    assert ch.price_direction(replace(price, low=4.0, high=6.0)) == "plus cher"


def test_the_summary_is_built_from_what_the_edition_knows(tmp_path):
    full = ch.summary(load(), EDITION)
    assert "moins cher" in full.key_figure and "{ref}" in full.takeaway and "effet de ciseaux" in full.takeaway
    only = load(data_with_sparse_2009_only(tmp_path / "only"))
    neutral = ch.summary(only, 2009)
    assert "{ref}" not in neutral.key_figure + neutral.takeaway
    for text in (neutral.key_figure, neutral.takeaway):
        assert_clean(text)


def _with_personnel_history(target: Path) -> Path:
    """The sparse 2009 fixture plus personnel cost shares for 2009 by scope, and a new indicator of the
    chapter (listed in indicators.csv only) published for two years."""
    data = data_with_sparse_2009(target)
    indicators = data / "indicators.csv"
    rewrite(indicators, indicators.read_text(encoding="utf-8") + (
        "average_price_per_minute,Prix moyen à la minute,count,Average price per minute (test).,prices,false,\n"))
    edition = data / "editions" / "2009.csv"
    rows = [
        "personnel_cost_share,2009,2009,market,72,,,exact,percent,barometer_bearingpoint_sp2c,FICTIF : 72 %.,FICTIF",
        "personnel_cost_share,2009,2009,france,75,,,exact,percent,barometer_bearingpoint_sp2c,FICTIF : 75 %.,FICTIF",
        "personnel_cost_share,2009,2008,france,71,,,exact,percent,barometer_bearingpoint_sp2c,FICTIF : 71 %.,FICTIF",
        "average_price_per_minute,2009,2008,market,40,,,exact,count,barometer_bearingpoint_sp2c,FICTIF : 40.,FICTIF",
        "average_price_per_minute,2009,2009,market,38,,,exact,count,barometer_bearingpoint_sp2c,FICTIF : 38.,FICTIF",
    ]
    rewrite(edition, edition.read_text(encoding="utf-8") + "\n".join(rows) + "\n")
    return data


def test_every_indicator_of_the_chapter_with_two_known_years_gets_a_panel(tmp_path):
    ds = load(_with_personnel_history(tmp_path / "data"))
    chart = ch.history_chart(ds, 2009)
    assert chart is not None
    panels = set(chart.data["panneau"])
    assert any("Prix moyen à la minute" in p for p in panels)  # a new indicator, no code
    assert sum("coût de personnel" in p for p in panels) == 2  # market and France: one quantity per panel
    chart.chart.to_dict()


@pytest.mark.slow
def test_the_chapter_builds_on_the_sparse_reversing_edition_and_states_its_older_figures_as_such(tmp_path):
    data = data_with_sparse_2009(tmp_path / "data")
    nb = execute_chapter(tmp_path, "prices", "sparse", data_dir=str(data), edition=2009)
    text = _markdown(nb)
    assert_clean(text)
    assert re.search(r"\((dernier chiffre publié, )?édition\s2008\)", text)  # older figures name their edition
    assert "moins cher qu'en 2000" in text
    assert "Aucune édition du baromètre" not in text  # everything the chapter reads is known from 2008


@pytest.mark.slow
def test_the_chapter_builds_when_no_edition_publishes_the_article_figures(tmp_path):
    data = data_with_sparse_2009_only(tmp_path / "data")
    nb = execute_chapter(tmp_path, "prices", "only", data_dir=str(data), edition=2009)
    text = _markdown(nb)
    assert_clean(text)
    assert "fig-2008-" not in text  # nothing of the article
    for claim in ("Smic a augmenté", "Smic avait augmenté", "moins cher", "Le calcul part de", "se négocie au pas",
                  "se négociait au pas", "69\u00a0%"):
        assert claim not in text, claim
    assert text.count("Aucune édition du baromètre jusqu’à celle de 2009") == 1
    for name in ("prix-marge", "prix-indices"):
        with pytest.raises(AssertionError):
            _spec(nb, name)


@pytest.mark.slow
def test_the_chapter_draws_the_history_of_its_indicators_in_the_book(tmp_path):
    data = _with_personnel_history(tmp_path / "data")
    nb = execute_chapter(tmp_path, "prices", "history", data_dir=str(data), edition=2009)
    assert_clean(_markdown(nb))
    spec = _spec(nb, "prix-historique")
    assert spec["title"]["text"] if isinstance(spec["title"], dict) else spec["title"]


def test_the_cost_structure_arrow_follows_the_bound_and_an_approximate_share_has_none():
    from dataclasses import replace

    ds = load()
    salaries = ds.figure("salary_cost_share_of_production", EDITION)
    assert salaries.qualifier == "more_than"
    table = ch.cost_structure_table(None, salaries)
    assert list(table["borne"]) == [1]
    table = ch.cost_structure_table(replace(salaries, qualifier="about"), replace(salaries, qualifier="at_most"))
    assert list(table["borne"]) == [0, -1]
    description = ch.cost_structure_chart(table, [salaries]).description
    assert "borne haute" in description and "borne basse" not in description


def test_the_index_legend_draws_what_the_chart_draws():
    """printed46 and printed48: the legend drew a round dot for the shaded price band and for the dashed consumer-price
    line. Now a square for the band, a line for each line, dashed for the consumer prices, at full colour."""
    import re

    import vl_convert as vlc

    ds = load()
    price = ds.figure("production_hour_price_change_since_2000", EDITION)
    years = ch.available_years(ds, 2000, 2008)
    chart = ch.index_chart(ch.index_table(ds, years), ch.price_band(price, years, 2000, 2008), [price], 2000)
    layers = chart.web_spec()["layer"]
    area = next(layer for layer in layers if layer["mark"]["type"] == "area")
    line = next(layer for layer in layers if layer["mark"]["type"] == "line")
    assert area["encoding"]["fill"]["legend"]["symbolType"] == "square" and "color" not in area["encoding"]
    assert line["encoding"]["color"]["legend"]["symbolType"] == "stroke"
    dashes = dict(zip(line["encoding"]["strokeDash"]["scale"]["domain"], line["encoding"]["strokeDash"]["scale"]["range"],
                      strict=True))
    assert dashes["Prix à la consommation"] == [5, 3] and dashes["Smic horaire brut"] == [1, 0]
    svg = vlc.vegalite_to_svg(chart.web_spec())
    # the lines' legend at full colour, not faded like the band
    symbols = re.findall(r'<path [^>]*>', "".join(re.findall(
        r'<g class="mark-symbol role-legend-symbol"[^>]*>(.*?)</g>', svg)))
    squares = [p for p in symbols if "h10v10" in p]
    lines = [p for p in symbols if "L5,0" in p]
    assert len(squares) == 1 and len(lines) == 3 and len(symbols) == 4  # the band, three lines
    assert all(re.search(r'opacity="1"', p) for p in lines)
    assert sum('stroke-dasharray="5,3"' in p for p in lines) == 1  # the consumer prices, dashed


# --------------------------------------------------------------------------- the HHI read against sourced classes


def _hhi_data(tmp_path, edit) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "reference" / "hhi_thresholds.csv"
    edit(path)
    if path.is_file():
        from barometre.provenance import write_sidecar

        write_sidecar(path)
    else:
        path.with_name(path.name + ".meta.yaml").unlink()
    return data


def test_the_hhi_classes_come_from_the_guidelines_in_the_data_not_from_the_code(tmp_path):
    """The thresholds that name the market's class are the data's (merger guidelines, with their
    words): moved in the file, the class and the sentence's numbers follow."""
    grid = ch.hhi_grid(load())
    assert [r["hhi_below"] for r in grid][:2] == [1000, 1800] and grid[0]["quote"].startswith("Post-Merger HHI Below")
    text = ch.hhi_reading(494, 2800, grid, "2008")
    assert text.startswith("Selon les seuils des lignes directrices américaines sur les concentrations horizontales de 1992 (")
    assert f"peu concentré sous 1{NNBSP}000, très concentré au-dessus de 1{NNBSP}800" in text
    assert "va d'un marché peu concentré à un marché très concentré" in text and "en vigueur" not in text

    def lower(path):  # a grid where 494 is already moderately concentrated
        path.write_text(path.read_text(encoding="utf-8").replace(",,1000,", ",,400,").replace(",1000,1800,", ",400,1800,"),
                        encoding="utf-8")

    moved = ch.hhi_grid(load(_hhi_data(tmp_path, lower)))
    assert ch.hhi_class(494, moved) == "moderately_concentrated" and ch.hhi_class(494, grid) == "unconcentrated"
    assert "sous 400," in ch.hhi_reading(494, 2800, moved, "2008")
    assert ch.hhi_title(494, 1700, moved) == "Un marché modérément concentré"


def test_a_share_published_after_the_guidelines_ended_says_until_when_they_were_in_force():
    grid = ch.hhi_grid(load())
    assert "en vigueur jusqu'au 19 août 2010" in ch.hhi_reading(494, 2800, grid, "2010")
    assert ch.hhi_reading(2000, 2800, grid, "2007").endswith("les deux bornes désignent un marché très concentré.")


def test_without_the_guidelines_file_the_hhi_is_not_classed(tmp_path):
    data = _hhi_data(tmp_path, lambda path: path.unlink())
    grid = ch.hhi_grid(load(data))
    assert grid == [] and ch.hhi_reading(494, 2800, grid, "2008") == ""
    assert ch.hhi_title(494, 2800, grid) == "La concentration du marché"
    text = markdown(execute_chapter(tmp_path, "prices", "no-guidelines", data_dir=str(data)))
    assert "Selon les seuils" not in text and "Herfindahl" in text


def test_the_prices_chapter_reads_the_hhi_against_the_guidelines_and_cites_them(tmp_path):
    nb = execute_chapter(tmp_path, "prices", "guidelines", data_dir=str(DATA_DIR))
    text = markdown(nb)
    assert "Selon les seuils des lignes directrices américaines" in text
    # the Top 50 leader's 20 % caps the index under « très concentré » (editor43)
    assert title_text(spec(nb, "prix-concentration")) == "Un marché qui n'est pas très concentré"
    figure = next(o["data"][PAGE_MIME] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
                  if 'id="spec-prix-concentration"' in o.get("data", {}).get(PAGE_MIME, ""))
    assert f"seuils (traits verticaux){NBSP}: Département de la Justice et Federal Trade Commission des États-Unis" in figure
    assert f"Traits verticaux{NBSP}: seuils des lignes directrices américaines sur les concentrations horizontales de 1992, " \
           f"1{NNBSP}000 et 1{NNBSP}800." in figure


def test_the_hhi_chart_draws_the_class_limits_of_the_data_and_none_without_them():
    ds = load()
    top, forecast = ds.figure("top10_market_share", EDITION, scope="top10"), ds.figure("large_players_forecast", EDITION)
    table = ch.hhi_table(top, ch.TOP_N, 2.0, forecast)

    def rules(grid):
        spec = ch.hhi_chart(table, [top, forecast], 2.0, grid).spec
        return sorted({row["seuil"] for layer in spec["layer"] if layer.get("mark", {}).get("type") == "tick"
                       for row in spec["datasets"][layer["data"]["name"]]})

    assert rules(ch.hhi_grid(ds)) == [1000, 1800]
    assert rules([]) == []


def test_the_hotline_figure_is_told_as_a_share_that_changed_and_in_french():
    """The article: « La proportion d'appels entrants concernant la hot[line] technique a plus que doublé
    (+125%) »: a share, not the number of calls; « plus que doublé » only above +100 %; no « leads »."""
    ds = load()
    hotline = ds.known("hotline_inbound_growth", 2008)
    text = ch.hotline_text(hotline)
    assert text.startswith("La part de l'assistance technique") and "a plus que doublé entre 2007 et 2008" in text
    assert "Les appels entrants de hotline" not in text
    assert "hotline" not in hotline.label.lower()
    assert "a progressé entre" in ch.hotline_text(dataclasses.replace(hotline, value=40.0))
    assert "a reculé entre" in ch.hotline_text(dataclasses.replace(hotline, value=-30.0))
    outbound = ds.known("outbound_revenue_share", 2008)
    assert "leads" not in ch.outbound_text(outbound) and "prospection" in ch.outbound_text(outbound)
    table = ch.activity_table(ds.known("inbound_revenue_share", 2008), ds.known("inbound_revenue_share_change", 2008),
                              outbound, 2008)
    assert not any("leads" in a for a in table["activité"])
    assert not any("(" in str(o) for o in table["origine"]), "a caption shows « (origin) »: no parenthesis inside"


def test_the_margin_band_caption_joins_its_ends_in_plain_french():
    """It read « de 8 % au départ à −32,7 % à −25,8 % à la fin »: three things joined by « à »."""
    ds = load()
    price = ds.figure("production_hour_price_change_since_2000", EDITION)
    years = ch.available_years(ds, 2000, 2008)
    paths = ch.margin_paths(model.MarginInputs(0.08, 0.69), ds, years, price, 2000, 2008)
    text = ch.margin_chart(paths, 0.08, 0.0, [price]).description
    assert "citée : 8\u00a0% au départ, de −" in text and "% à la fin" in text, text
    assert "au départ à" not in text


def test_the_concentration_chart_dates_the_top_ten_share_instead_of_saying_today():
    ds = load()
    table = ch.hhi_table(ds.known("top10_market_share", 2011), ch.TOP_N, 2.0, ds.known("large_players_forecast", 2011))
    assert table["situation"].iloc[0] == "En 2009 : les 10 premiers"
    assert not any("Aujourd" in s for s in table["situation"])


@pytest.mark.slow
def test_an_earlier_editions_book_tells_the_employer_cost_of_its_own_years_not_later_ones(tmp_path):
    """The 2009 book read « En 2011, un temps plein au Smic coûte … »: the snapshot runs to 2011, and a
    book of 2009 does not tell years after its edition. Before the series starts, the book says so."""
    text = _markdown(execute_chapter(tmp_path, "prices", "e2009", edition=2009))
    assert "En 2009, un temps plein au Smic coûte" in text and "En 2011," not in text
    assert "La série couvre les années 2006 à 2009" in text
    early = _markdown(execute_chapter(tmp_path, "prices", "e2005", edition=2005))
    assert "La série calculée par le livre commence en 2006, après l'édition 2005" in early.replace("\\'", "'")
    assert "un temps plein au Smic coûte" not in early


def test_the_smic_is_compared_with_the_price_in_the_prices_own_last_year(tmp_path):
    """The price of the hour is published for 2000–2008; the 2024 book set the Smic's index of its last
    reference year (2017) beside it. The comparison is made in the price's last year; the Smic after it is
    said apart."""
    import re

    text = markdown(execute_chapter(tmp_path, "prices", "latest", edition=load().editions[-1]))
    compared = re.search(r"Entre (\d{4}) et (\d{4}), le Smic horaire brut passe", text)
    assert compared and compared.group(2) == "2008", text[:400]
    assert re.search(r"Aucune édition ne publie ce prix après 2008 ; le Smic horaire brut, lui, atteint l.indice "
                     r"[\d\u202f\u00a0 ,]+ en \d{4}\.", text)
    # the real Smic is a gain of purchasing power with its computation, never a second « 116,6 » beside prices'
    plain = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert re.search(r"corrigé de l.inflation \(136 divisé par 1,166\), le Smic gagne 16,6 % de pouvoir d.achat", plain)
    # on the page, the later editions' channels open « Le chiffre d'affaires par activité », before 2008's calls
    # (editor40: the notebook overwrote them, and a test of the function alone passed)
    flat = plain.replace("\\", "")
    channels = flat.index("En 2014, le téléphone faisait")
    calls = flat.index("Les appels entrants représentaient")
    assert channels < flat.index("En 2019, leur activité") < calls and calls - channels < 1000  # one output


def test_a_later_share_of_the_sp2c_members_is_told_as_another_measure_of_concentration():
    """The 2024 book measured concentration only by the ten largest's 70 % of 2009, beside an edition giving the
    SP2C members « 70 à 75 % » of the market (editor, stop 31); an older top-ten share reads in the past."""
    from barometre import narrative

    ds = load()
    top = ds.known("top10_market_share", 2024, scope="top10")
    text = ch.members_share_sentence(ds, 2024, top)
    coverage = ds.known("sp2c_revenue_coverage", 2024)
    assert coverage.anchor in text and "ne s'y compare pas" in text and text.startswith("En 2024,")
    # the members' earlier weight (90 % in 2014), with the break between the two
    assert "contre" in text and "rupture de série" in text
    assert "68,5 %" in text.replace("\u00a0", " ") and "calcul du livre" in text  # the two revenues' ratio
    assert ch.members_share_sentence(ds, 2008, ds.known("top10_market_share", 2008, scope="top10")) == ""
    assert narrative.tensed(top, "représentent", "représentaient") == "représentaient"


def test_the_telecoms_share_is_told_in_a_sentence_with_its_parts_in_france_and_offshore():
    """The 2011 prices chapter lost its only story, the telecoms' 60 % of revenue and 75 % offshore, to a table
    (editor, stop 32); an older edition's share reads in the past."""
    ds = load()
    text = ch.telecom_sentence(ds, 2011)
    market = ds.known("telecom_revenue_share", 2011)
    offshore = ds.known("telecom_revenue_share", 2011, scope="offshore")
    assert text.startswith("Les télécoms font") and market.anchor in text and offshore.anchor in text
    assert "contre" in text and "à l'offshore" in text
    later = ch.telecom_sentence(ds, ds.latest)
    assert later.startswith("Les télécoms faisaient") and "en 2011" in later
    # each place's own series after the total's year (not « 60 % … 48 % en France en 2012 … 62 % offshore »)
    assert "à l'offshore, de" in later and "leur part est ensuite passée" in later
    assert ch.telecom_sentence(ds, 2008) == ""  # no edition up to 2008 publishes it
    # many older figures: one note at the end, none on each figure (seven tags in one sentence before)
    assert later.endswith("en 2014 (éditions 2011, 2012 et 2014).") and "(édition 2011)" not in later
    assert "dernier chiffre publié" not in later and later.count("{ref}") == 6
    assert "(édition" not in text  # the 2011 book's own figures carry no note


def test_the_client_sectors_that_grow_are_told_with_a_verb_the_signs_choose(data_copy):
    """Health, e-commerce and tourism in 2016 (the diversification away from the telecoms) were in no chapter
    of the 2024 book (editors, stops 31 and 32)."""
    from conftest import set_value

    ds = load(data_copy)
    text = ch.sectors_sentence(ds, ds.latest)
    health = ds.known("sector_revenue_growth", ds.latest, scope="health")
    assert health.anchor in text and "progressaient" in text and text.startswith("Entre 2015 et 2016")
    assert ch.sectors_sentence(ds, 2011) == ""
    for scope in ("health", "ecommerce", "tourism"):
        set_value(data_copy, "sector_revenue_growth", scope, "2015-2016", "-5", edition=2016)
    assert "reculaient" in ch.sectors_sentence(load(data_copy), 2024)


def test_the_summary_leads_with_the_edition_s_own_figure_when_the_price_is_an_older_edition_s():
    """The synthesis gave the 2008 price of an hour as the key figure of the 2011 and 2024 books, beside their
    telecoms' 60 % and the SP2C members' 70 à 75 % (editor, stop 32)."""
    ds = load()
    s2011, s2024 = ch.summary(ds, 2011), ch.summary(ds, 2024)
    assert ds.known("telecom_revenue_share", 2011).anchor in s2011.key_figure
    # 2024: the edition's own figure leads the takeaway; the key figure is a price, INSEE's later one (editor37)
    assert s2024.takeaway.startswith("En 2024, les membres du SP2C pèsent")
    assert ds.known("sp2c_revenue_coverage", 2024).anchor in s2024.takeaway
    assert s2024.key_label == ch.LATER_PRICES_LABEL
    assert "Aucune édition après celle de 2008" in s2024.takeaway  # the price, still told as history
    assert "production-hour-price" in ch.summary(ds, 2008).key_figure  # the edition's own price


def test_the_members_weight_is_the_sp2c_s_word_even_when_a_dispatch_on_the_barometer_relays_it():
    """« les membres du SP2C pèsent 90 % …, selon le baromètre » for an AFP dispatch that reads « Le SP2C indique
    représenter 90 % » (editors 34 and 35)."""
    ds = load()
    text = ch.members_share_sentence(ds, 2011, None)
    assert "selon le SP2C" in text and "selon le baromètre" not in text
    assert "selon Caroline Adam" in mentions.full(ch.members_share_sentence(ds, 2024, None))  # a person is named


def test_the_takeaways_open_on_the_editions_own_figure_of_the_theme(tmp_path):
    """The 2011 « À retenir » opened on 2009's personnel cost while the synthesis opened on 2011's telecoms."""
    text = markdown(execute_chapter(tmp_path, "prices", "own", edition=2011))
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    first = next(i for i, b in enumerate(bullets) if "fig-2011-telecom-revenue-share-market-2011" in b)
    personnel = next(i for i, b in enumerate(bullets) if "Coût du personnel" in b)
    assert first < personnel
    key = ch.edition_key(load(), 2011)
    assert key is not None and key[1].strip() in bullets[first]


def test_the_prose_gives_the_productivity_band_that_the_takeaway_gives():
    ds = load()
    price = ds.figure("production_hour_price_change_since_2000", 2008)
    sentence = ch.margin_band_sentence(ds, price, 2000, 2008, start_margin=0.08, personnel_share=0.63)
    takeaway = ch.model_takeaway(ds, price, 2000, 2008, start_margin=0.08, personnel_share=0.63)
    low, high = takeaway.findings["gain_low"].shown, takeaway.findings["gain_high"].shown
    assert f"il aurait fallu {low} à {high} par an" in sentence and "au lieu de 8\u00a0%" in sentence


def test_one_edition_s_figures_carry_its_note_once_and_a_break_shares_its_parenthesis():
    """editor37: « santé, environ +100 % (édition 2016) ; e-commerce, environ +30 % (édition 2016) ; tourisme, …
    (édition 2016) » and « contre 90 % (édition 2014) en 2014 (une rupture de série les sépare) »."""
    from barometre import load as load_data
    from barometre.chapters import prices as chapter

    ds = load_data()
    sectors = chapter.sectors_sentence(ds, 2024)
    # « Entre 2015 et 2016 » names the edition that publishes the span (editor42: the years said carry no note)
    assert sectors.startswith("Entre 2015 et 2016,") and "(édition" not in sectors
    assert "(édition" not in chapter.sectors_sentence(ds, 2016)  # the edition's own figures carry none
    share = chapter.members_share_sentence(ds, 2024, None)
    # the year names its edition (editor45: « 90 % en 2014 (édition 2014, avant une rupture de série) »)
    assert "en 2014 (avant une rupture de série)" in share and "édition" not in share and ") (" not in share


def test_a_later_book_s_key_figure_is_a_price_when_insee_measures_the_years_after(data_copy):
    """editor37: the 2024 key figure was the SP2C members' share (concentration); the book has INSEE's producer
    prices of call centres for 2010-2019. A 2011 book is not told of them (the years come after it)."""
    from barometre import load as load_data
    from barometre.chapters import prices as chapter

    ds = load_data()
    late = chapter.summary(ds, 2024)
    assert late.key_label == chapter.LATER_PRICES_LABEL and "par an de 2010 à 2019" in late.key_figure
    assert "l'Insee mesure ensuite les prix de production des centres d'appels : ils baissent de" in late.takeaway
    early = chapter.summary(ds, 2011)
    assert early.key_label != chapter.LATER_PRICES_LABEL and "Insee" not in early.takeaway
    # without the reference row, the edition's own figure stays the key
    path = data_copy / "reference" / "insee_call_centres.csv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if not ln.startswith("production_price_change_yearly_average,")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from barometre.provenance import write_sidecar

    write_sidecar(path)
    assert chapter.summary(load_data(data_copy), 2024).key_label != chapter.LATER_PRICES_LABEL


@pytest.mark.slow
def test_the_chapter_states_the_key_figure_its_synthesis_row_gives(tmp_path):
    """editor38: the 2024 key figure (INSEE's prices, −0,9 % a year 2010-2019) was only in the synthesis."""
    from executed import execute_chapter, markdown

    text = markdown(execute_chapter(tmp_path, "prices", "2024", edition=2024))
    assert "l'Insee mesure ensuite les prix de production des centres d'appels" in text
    assert f"- {ch.LATER_PRICES_LABEL} : " in text


def test_the_smic_index_goes_on_to_the_edition_s_year_where_prices_stop():
    """editor37/38: « le Smic horaire brut, lui, atteint l'indice 152,4 en 2017 » in the 2024 book, whose Smic
    series reaches 2024 (the CPI stops in 2017)."""
    from barometre import load as load_data
    from barometre.chapters import prices as chapter

    ds = load_data()
    year, index = chapter.smic_index_later(ds, 2000, 2008, 2024)
    expected = 100 * ds.smic_at(date(2024, *chapter.MID_YEAR)) / ds.smic_at(date(2000, *chapter.MID_YEAR))
    assert year == 2024 and abs(index - expected) < 1e-9 and index > 170
    assert chapter.smic_index_later(ds, 2000, 2008, 2008) is None  # nothing after the price's own year


def test_the_2011_client_sectors_and_inbound_contacts_are_told_in_the_text(data_copy):
    """editor37-39: tourism and services (6 % each) and « plus de 80 % » of inbound contacts were in the 2011 table
    only. Told in their edition's book, not in a much later one; a sector larger than the telecoms is not
    « loin derrière »."""
    from conftest import set_value

    from barometre import load as load_data
    from barometre.chapters import prices as chapter

    ds = load_data()
    text = chapter.other_sectors_sentence(ds, 2011).replace("\u00a0", " ")
    assert text.startswith("Loin derrière viennent le tourisme ({ref}`6 %") and "les entreprises de services" in text
    inbound = chapter.inbound_contacts_sentence(ds, 2011).replace("\u00a0", " ")
    assert "{ref}`plus de 80 %" in inbound and "non du chiffre d'affaires" in inbound and ") (" not in inbound
    assert chapter.other_sectors_sentence(ds, 2024) == "" and chapter.inbound_contacts_sentence(ds, 2024) == ""
    set_value(data_copy, "tourism_revenue_share", "market", "2011", "70", edition=2011)
    assert "tourisme" not in chapter.other_sectors_sentence(load_data(data_copy), 2011)


def test_the_words_on_the_telecoms_are_told_beside_their_share_in_the_editions_book_only(data_copy):
    """editor38/39: the 2011 crisis quote stood alone at the page's foot, far from the telecoms' 60 %."""
    from conftest import set_value
    from test_lead import plain

    from barometre import load
    from barometre.chapters import prices as ch

    text, told = ch.telecom_voices(load(data_copy), 2011)
    text = mentions.full(text)  # each mention in its first form
    # editor40: not « Ainsi, » nor the 60 % told one line before again; the cut marked « […] »
    assert plain(text).startswith("Sur ce premier client, Laurent Uberti (président du SP2C) dit : « le secteur des "
                                  "télécoms […] doit faire face à une crise sans précédent")
    assert told == {"uberti_telecom_crisis"}
    assert ch.telecom_voices(load(data_copy), 2012) == ("", frozenset())  # a later book: « Depuis l'article »
    set_value(data_copy, "telecom_revenue_share", "market", "2011", "45", edition=2011)
    other = plain(mentions.full(ch.telecom_voices(load(data_copy), 2011)[0]))
    # a share the sentence does not tell (45 % in the data, 60 % in his words): his clause stays whole
    assert other.startswith("Sur les télécoms, Laurent Uberti") and "qui représente 60" in other


def test_a_quote_loses_its_opening_connective_and_a_clause_giving_again_a_figure_just_told():
    from barometre import load, narrative

    share = load().known("telecom_revenue_share", 2011)
    words = "Ainsi, le secteur des télécoms, qui représente 60% du chiffre d’affaires du secteur, doit faire face."
    assert narrative.trimmed(words, [share]) == "le secteur des télécoms […] doit faire face."
    assert narrative.trimmed(words) == "le secteur des télécoms, qui représente 60% du chiffre d’affaires du secteur, doit faire face."
    assert narrative.trimmed("Le secteur, qui pèse 61 %, recule.", [share]) == "Le secteur, qui pèse 61 %, recule."


def test_the_smic_index_goes_on_after_the_consumer_prices_stop_and_says_where_each_line_ends():
    """editor39: the 2024 chart stopped in 2017 (the CPI's last year) under a sentence giving the Smic's index in
    2024. The Smic is drawn to the edition's year; the real-terms line and prices stop with the CPI."""
    ds = load()
    years = ch.available_years(ds, 2000, 2024)
    later = ch.smic_years_after(ds, years[-1], 2024)
    assert later and later[-1] == 2024 and later[0] == years[-1] + 1
    assert ch.smic_years_after(ds, years[-1], years[-1]) == []  # a book of the CPI's last year: nothing later
    table = ch.index_table(ds, years, later)
    last = table.groupby("série")["année"].max()
    assert last["Smic horaire brut"] == 2024
    assert last["Smic en euros constants"] == last["Prix à la consommation"] == years[-1]
    assert ch.last_full_year(table) == years[-1]
    price = ds.figure("production_hour_price_change_since_2000", 2024)
    out = ch.index_chart(table, ch.price_band(price, years, 2000, 2008), [price], 2000)
    assert f"Prix à la consommation : {formatting.number(table[(table['année'] == years[-1]) & (table['série'] == 'Prix à la consommation')]['indice'].iloc[0], 1)} en {years[-1]}" in out.description
    assert "jusqu'en 2024" in out.description


def test_the_later_editions_channels_lead_the_revenue_by_activity_with_verbs_from_the_signs(data_copy):
    """editor39: « Le chiffre d'affaires par activité » of the 2024 book stopped in 2008; the 2014 phone share and the
    2019 channels' growth lead it, their verbs from their signs and editions."""
    from conftest import set_value
    from test_lead import plain

    def text(edition: int) -> str:
        ds = load(data_copy)
        return plain(ch.channels_text(ds, edition, ds.known("inbound_revenue_share", edition)))

    later = text(2024)
    assert later.startswith("En 2014, le téléphone faisait 86 % du chiffre d’affaires des prestataires, les canaux "
                            "digitaux moins de 1 %. En 2019, leur activité progressait")
    assert "(édition" not in later  # « En 2014 », « En 2019 » name their editions
    assert text(2011) == ""  # nothing newer than 2008's shares yet
    assert "le téléphone fait 86 %" in text(2014)  # its own book: the present
    set_value(data_copy, "channel_activity_growth", "sms", "2019", "-10", edition=2019)
    assert "évoluait ainsi" in text(2024)
    set_value(data_copy, "channel_activity_growth", "social_networks", "2019", "-5", edition=2019)
    assert "reculait" in text(2024) and "progress" not in text(2024)


def test_the_index_chart_in_words_says_where_the_consumer_prices_stop_when_the_smic_goes_on():
    """editor42: the 2024 chart drew the consumer prices and the real Smic to 2017 and the Smic to 2024, and the text
    said nothing of the stop. Said when the Smic goes further than the prices; not in a book whose prices reach it."""
    from barometre import load
    from barometre.chapters import prices as ch

    ds = load()
    price = ds.known("production_hour_price_change_since_2000", 2024)
    cpi_last = max(int(y) for y in ds.cpi().index)
    years = list(range(2000, cpi_last + 1))
    later = ch.index_text(ds, 2024, ch.index_table(ds, years, ch.smic_years_after(ds, cpi_last, 2024)), price, 2000, 2008)
    assert later.startswith("Entre 2000 et 2008, le Smic horaire brut passe de l'indice 100 à")
    assert later.endswith(f"L'indice des prix à la consommation du livre s'arrête en {cpi_last} : le Smic en euros "
                          "constants aussi.")
    own = ch.index_text(ds, 2011, ch.index_table(ds, list(range(2000, 2012))), ds.known(
        "production_hour_price_change_since_2000", 2011), 2000, 2008)
    assert "s'arrête" not in own and "atteint l'indice" in own


def test_the_leader_s_published_share_caps_the_concentration_index(data_copy):
    """editor43: the index's upper bound (2 800) assumed a leader holding about half the market, while the 2008
    edition gives the leader, Teleperformance, 20 % of the Top 50's revenue, a ceiling on its share of the whole
    market. With it the range stops short of « très concentré », and the text and title say what it rules out;
    without the row, the old bound and reading come back."""
    from conftest import mark_not_published

    from barometre import load

    assert model.hhi_bounds(70, 10, 2, 20) == (494, 1144)  # 3 firms at 20 %… : 2 × 400 + 16² + 7 × 4, tail 60
    assert model.hhi_bounds(70, 10, 2, 7) == (494, 550)  # a ceiling at the average: all equal
    assert model.hhi_bounds(70, 10, 2, 60) == model.hhi_bounds(70, 10, 2)  # above the lone leader's: no effect
    ds = load()
    top, forecast = ds.known("top10_market_share", 2024, scope="top10"), ds.known("large_players_forecast", 2024)
    leader = ch.leader_cap(ds, 2024)
    table = ch.hhi_table(top, ch.TOP_N, 2.0, forecast, leader)
    text = ch.hhi_text(top, ch.TOP_N, 2.0, table, ch.hhi_grid(ds), forecast, leader)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    assert "compris entre 494 et 1 144" in text and "le leader, Teleperformance, qui faisait {ref}`20 %" in text
    assert "mais il n'est pas très concentré." in text
    assert ch.hhi_title(494, 1144, ch.hhi_grid(ds)) == "Un marché qui n'est pas très concentré"
    mark_not_published(data_copy, "leader_market_share", edition=2008)
    assert ch.leader_cap(load(data_copy), 2024) is None
    plain = ch.hhi_table(top, ch.TOP_N, 2.0, forecast, None)
    assert plain.iloc[0]["HHI haut"] == 2800
