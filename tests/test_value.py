"""Per-call versus outcome pricing, the adviser's pay, and the « Plus de valeur ajoutée » chapter."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import mark_not_published, rewrite
from executed import assert_clean, execute_chapter, markdown, spec
from fixtures import data_with_sparse_2009, data_with_sparse_2009_only
from test_lead import plain

from barometre import load
from barometre.chapters import value as ch
from barometre.models import value as model
from barometre.narrative import mentions
from barometre.paths import DATA_DIR

EDITION = 2008


def scenario(**kwargs) -> model.PricingInputs:
    args = {"price_per_call": 1.0, "cost_per_call": 0.9, "target_rate": 0.75, "bonus_per_point": 0.02}
    return model.PricingInputs(**{**args, **kwargs})


# --------------------------------------------------------------------------- contacts


def test_without_a_cap_a_request_takes_one_over_r_contacts_and_is_always_resolved():
    assert model.expected_contacts(0.6) == pytest.approx(1 / 0.6)
    assert model.expected_contacts(0.25) == pytest.approx(4)
    assert model.resolution_probability(0.25) == 1
    assert model.unresolved_share(0.25) == 0


def test_a_cap_truncates_the_geometric_series_and_leaves_requests_unresolved():
    # r = 0.6, at most 2 contacts: 1 + 0.4 contacts, 0.4² = 16 % never resolved
    assert model.expected_contacts(0.6, 2) == pytest.approx(sum(0.4**k for k in range(2)))
    assert model.expected_contacts(0.6, 2) == pytest.approx(1.4)
    assert model.unresolved_share(0.6, 2) == pytest.approx(0.16)
    assert model.resolution_probability(0.6, 1) == pytest.approx(0.6)
    assert model.expected_contacts(0.6, 1) == pytest.approx(1)


def test_a_high_cap_converges_to_the_uncapped_series():
    assert model.expected_contacts(0.3, 200) == pytest.approx(model.expected_contacts(0.3), rel=1e-9)
    assert model.unresolved_share(0.3, 200) == pytest.approx(0, abs=1e-12)


def test_a_perfect_first_contact_resolution_needs_one_contact_whatever_the_cap():
    for cap in (None, 1, 3):
        assert model.expected_contacts(1.0, cap) == 1
        assert model.resolution_probability(1.0, cap) == 1


# --------------------------------------------------------------------------- revenue


def test_per_call_revenue_falls_by_a_third_when_resolution_rises_from_60_to_90_percent():
    before = model.per_call_revenue(4.0, 0.6)
    after = model.per_call_revenue(4.0, 0.9)
    assert before == pytest.approx(4.0 / 0.6)
    assert model.relative_change(before, after) == pytest.approx(-1 / 3)
    assert round(model.relative_change(before, after) * 100, 1) == -33.3


def test_per_resolution_revenue_is_flat_without_a_cap_and_rises_with_quality_with_one():
    assert model.per_resolution_revenue(2.0, 0.6) == model.per_resolution_revenue(2.0, 0.9) == 2.0
    assert model.per_resolution_revenue(2.0, 0.6, 2) == pytest.approx(2.0 * 0.84)
    assert model.per_resolution_revenue(2.0, 0.9, 2) > model.per_resolution_revenue(2.0, 0.6, 2)


def test_the_bonus_malus_price_moves_with_the_gap_to_the_target_and_never_goes_below_zero():
    assert model.bonus_malus_price(1.0, 0.75, 0.75, 0.02) == pytest.approx(1.0)
    assert model.bonus_malus_price(1.0, 0.85, 0.75, 0.02) == pytest.approx(1.2)  # +10 points × 2 %
    assert model.bonus_malus_price(1.0, 0.65, 0.75, 0.02) == pytest.approx(0.8)
    assert model.bonus_malus_price(1.0, 0.05, 0.95, 0.5) == 0.0


def test_bonus_malus_rewards_quality_only_above_the_neutral_bonus():
    neutral = model.neutral_bonus_per_point(0.75)
    assert neutral == pytest.approx(1 / 75)

    def change(bonus):
        low = model.bonus_malus_revenue(1.0, 0.6, 0.75, bonus)
        high = model.bonus_malus_revenue(1.0, 0.9, 0.75, bonus)
        return model.relative_change(low, high)

    assert change(0.02) > 0
    assert change(0.005) < 0
    assert change(neutral) == pytest.approx(0, abs=1e-12)
    assert change(0) == pytest.approx(-1 / 3)  # no bonus: per-call pricing


def test_the_three_schemes_pay_the_same_at_the_target_rate():
    for cap in (None, 2):
        inputs = scenario(max_contacts=cap)
        values = [model.revenue(s, inputs, 0.75) for s in model.SCHEMES]
        assert values == pytest.approx([values[0]] * 3)
    assert scenario().resolution_price == pytest.approx(1 / 0.75)
    assert scenario(price_per_resolution=2.5).resolution_price == 2.5


def test_per_call_margin_falls_and_outcome_margins_rise_with_quality():
    inputs = scenario()
    assert model.margin("per_call", inputs, 0.9) < model.margin("per_call", inputs, 0.6)
    assert model.margin("per_resolution", inputs, 0.9) > model.margin("per_resolution", inputs, 0.6)
    assert model.margin("bonus_malus", inputs, 0.9) > model.margin("bonus_malus", inputs, 0.6)
    assert model.margin("per_call", inputs, 0.6) == pytest.approx((1 - 0.9) / 0.6)
    assert model.cost(inputs, 0.5) == pytest.approx(1.8)


def test_the_pricing_table_has_one_row_per_rate_and_scheme():
    table = model.pricing_table(scenario(), [0.5, 0.75, 1.0])
    assert len(table) == 9
    assert set(table["scheme"]) == set(model.SCHEMES)
    assert (table["margin"] == table["revenue"] - table["cost"]).all()


def test_the_rate_grid_includes_both_ends():
    grid = model.rate_grid(0.4, 1.0, 0.01)
    assert grid[0] == 0.4 and grid[-1] == 1.0 and len(grid) == 61


# --------------------------------------------------------------------------- salaries


def test_the_monthly_minimum_wage_is_the_hourly_rate_times_the_legal_151_67_hours():
    assert abs(model.LEGAL_MONTHLY_HOURS - 35 * 52 / 12) < 0.01
    assert model.monthly_minimum_wage(8.71) == pytest.approx(8.71 * 151.67)


def test_the_previous_salary_is_derived_from_the_change_not_typed():
    assert model.previous_value(1528, 5) == pytest.approx(1528 / 1.05)
    assert model.previous_value(100, -20) == pytest.approx(125)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: model.expected_contacts(0), r"resolution_rate must be in \(0, 1\]"),
        (lambda: model.expected_contacts(-0.2), r"resolution_rate must be in \(0, 1\]"),
        (lambda: model.expected_contacts(1.2), r"resolution_rate must be in \(0, 1\].*got 1.2"),
        (lambda: model.expected_contacts(float("nan")), "resolution_rate must be a number"),
        (lambda: model.expected_contacts(True), "resolution_rate must be a number"),
        (lambda: model.expected_contacts(0.5, 0), "max_contacts must be an integer ≥ 1"),
        (lambda: model.expected_contacts(0.5, 2.5), "max_contacts must be an integer ≥ 1"),
        (lambda: model.per_call_revenue(-1, 0.5), "price_per_call must be a finite number ≥ 0"),
        (lambda: model.per_resolution_revenue(-0.1, 0.5), "price_per_resolution must be a finite number ≥ 0"),
        (lambda: model.bonus_malus_revenue(-1, 0.5, 0.7, 0.02), "base_price_per_call must be"),
        (lambda: model.bonus_malus_revenue(1, 0.5, 1.5, 0.02), r"target_rate must be in \(0, 1\]"),
        (lambda: model.bonus_malus_revenue(1, 0.5, 0.7, -0.02), "bonus_per_point must be a finite number ≥ 0"),
        (lambda: scenario(cost_per_call=-0.5), "cost_per_call must be a finite number ≥ 0"),
        (lambda: scenario(max_contacts=0), "max_contacts must be an integer ≥ 1"),
        (lambda: model.revenue("per_minute", scenario(), 0.5), "scheme must be one of"),
        (lambda: model.rate_grid(0.9, 0.5), "high must be ≥ low"),
        (lambda: model.monthly_minimum_wage(-8.71), "hourly_rate must be a finite number ≥ 0"),
        (lambda: model.monthly_minimum_wage(8.71, 0), "monthly_hours must be a positive number"),
        (lambda: model.previous_value(1528, -100), "change_percent must be a number > -100"),
        (lambda: model.relative_change(0, 1), "starting value must be a finite non-zero number"),
    ],
)
def test_invalid_parameters_are_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --------------------------------------------------------------------------- chapter


def test_the_adviser_pay_is_compared_with_the_smic_of_the_edition_year():
    pay = ch.salaries(load(), EDITION)
    assert pay.gross.central == 1528
    assert pay.previous_gross == pytest.approx(1528 / 1.05)
    assert pay.smic_hourly == pytest.approx(8.71)  # in force on 1 July 2008
    assert pay.smic_monthly == pytest.approx(8.71 * 151.67)
    assert pay.gap_to_smic == pytest.approx(1528 / (8.71 * 151.67) - 1)
    assert pay.uk_premium == pytest.approx(0.4)
    assert pay.previous_year == 2007


def test_the_smic_change_behind_the_claim_is_computed_from_the_official_series():
    ds = load()
    change = ch.smic_change(ds, ds.figure("smic_increase_claimed", EDITION))
    assert change.start_value == pytest.approx(42.02 / 6.55957)  # francs converted
    assert change.end_value == pytest.approx(8.71)
    assert change.change > 0.35


def test_schemes_are_compared_at_the_two_resolution_rates():
    results = ch.compare_schemes(ch.pricing_inputs(0.9, 0.75, 0.02, 0), 0.6, 0.9)
    assert results["per_call"].revenue_change == pytest.approx(-1 / 3)
    assert results["per_resolution"].revenue_change == pytest.approx(0)
    assert results["bonus_malus"].revenue_change > 0
    assert ch.change_text(0.0) == "stable"


def test_every_value_chart_validates_and_is_titled_sourced_and_described():
    ds = load()
    inputs = ch.pricing_inputs(0.9, 0.75, 0.02, 0)
    results = ch.compare_schemes(inputs, 0.6, 0.9)
    curves = ch.pricing_curves(inputs)
    pay = ch.salaries(ds, EDITION)
    source = ch.model_source(ds)
    charts = [
        ch.revenue_chart(curves, results, 0.6, 0.9, source=source),
        ch.margin_chart(curves, results, inputs, 0.6, 0.9, source=source),
        ch.cap_chart(ch.cap_table(ch.caps_to_show(4)), 0.6, 0.9, source=source),
        ch.salary_chart(ch.salary_table(pay), pay),
    ]
    for chart in charts:
        chart.chart.to_dict()  # validates against the Vega-Lite schema
        assert chart.title and chart.description and chart.source
        assert chart.data is not None and "texte" in " ".join(chart.data.columns)
    assert charts[0].source.startswith("Modèle et hypothèses du livre")
    assert "Relation Client Magazine (2009)" in charts[0].source
    assert "1\u202f528\u00a0€" in charts[3].description


def test_the_reader_cap_is_added_to_the_illustrated_caps():
    assert ch.caps_to_show(0) == [1, 2, 3]
    assert ch.caps_to_show(5) == [1, 2, 3, 5]


def test_the_summary_depends_on_the_data_only_and_links_its_figures():
    s = ch.summary(load(), EDITION)
    assert s.chapter == "value"
    assert "fig-2008-adviser-salary-gross-market-2008" in s.key_figure
    assert "{ref}" in s.takeaway and "Smic" in s.takeaway


# --------------------------------------------------------------------------- notebook


_markdown, _spec = markdown, spec


@pytest.mark.slow
def test_a_smaller_quality_gain_changes_the_text_and_the_charts_of_the_chapter(tmp_path):
    base = execute_chapter(tmp_path, "value", "base")
    smaller = execute_chapter(tmp_path, "value", "smaller", fcr_high=0.8)
    assert "de 60\u00a0% à 90\u00a0%, soit \u221233,3\u00a0%" in _markdown(base)
    assert "de 60\u00a0% à 80\u00a0%, soit \u221225\u00a0%" in _markdown(smaller)
    for chart in ("valeur-revenu-par-demande", "valeur-marge-par-demande", "valeur-plafond-de-contacts"):
        assert _spec(base, chart) != _spec(smaller, chart)
    assert _spec(base, "valeur-salaires") == _spec(smaller, "valeur-salaires")


@pytest.mark.slow
def test_a_weak_bonus_is_reported_as_not_rewarding_quality(tmp_path):
    nb = execute_chapter(tmp_path, "value", "weak", bonus_per_point=0.01, max_contacts=2)
    text = _markdown(nb)
    assert "ce n'est pas le cas" in text
    assert "le client renonce après deux contacts" in text


def _not_published(data_dir: Path, indicator: str, scope: str) -> None:
    mark_not_published(data_dir, indicator, scope, edition=EDITION)


@pytest.mark.slow
def test_the_chapter_leaves_out_sentences_whose_optional_figures_are_missing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    for indicator, scope in [("satisfaction_survey_questions", "teleperformance"),
                             ("adviser_salary_net", "france"), ("adviser_salary_net", "united_kingdom"),
                             ("adviser_required_skills", "sales_adviser"),
                             ("numericable_external_advisers", "numericable")]:
        _not_published(data, indicator, scope)
    nb = execute_chapter(tmp_path, "value", "missing", data_dir=str(data), edition=EDITION)
    text = _markdown(nb)
    assert_clean(text)
    assert text.count("Aucune édition du baromètre jusqu’à celle de 2008") == 1
    assert "salaire net des téléconseillers" in text and "questions de l\\'enquête de satisfaction" in text
    assert "Numericable a choisi le troisième contrat" in text
    assert "Teleperformance a mis au point" not in text and "En net," not in text
    table = _spec(nb, "valeur-salaires")["datasets"]
    assert not any("Net" in str(rows) for rows in table.values())  # no net bars without the figures


# --------------------------------------------------------------------------- any edition


def test_the_salary_is_compared_with_the_smic_of_its_own_year_and_its_direction_is_computed(tmp_path):
    ds = load(data_with_sparse_2009(tmp_path / "data"))
    pay = ch.salaries(ds, 2009)
    assert pay.gross.central == 1490 and pay.gross.period == "2009"
    assert pay.smic_date.year == 2009 and pay.smic_hourly == pytest.approx(8.82)
    assert pay.previous_year == 2008 and pay.previous_gross == pytest.approx(1490 / 0.975)
    assert "en baisse de" in ch.change_words(pay.change) and "2,5" in ch.change_words(pay.change)
    assert "en hausse de" in ch.change_words(ch.salaries(load(), EDITION).change)
    assert ch.smic_gap_words(pay).startswith("le dépasse de")
    assert ch.salary_history_title(ch.salary_history(ds, 2009)) == "Le salaire moyen des conseillers baisse de 2008 à 2009"
    assert ch.salary_history(load(), EDITION).empty  # one year known: no history
    ch.salary_history_chart(ch.salary_history(ds, 2009)).chart.to_dict()


def test_a_change_that_does_not_end_in_the_salary_year_derives_no_previous_salary(tmp_path):
    from dataclasses import replace

    pay = ch.salaries(load(), EDITION)
    lagging = replace(pay, change=None)
    table = ch.salary_table(lagging)
    assert not table["montant"].str.contains("déduit").any()
    assert lagging.previous_gross is None


def test_the_summary_is_built_from_what_the_edition_knows(tmp_path):
    ds = load(data_with_sparse_2009_only(tmp_path / "data"))
    s = ch.summary(ds, 2009)
    assert "fig-2009-adviser-salary-gross-market-2009" in s.key_figure and "en 2009" in s.key_figure
    assert "de plus que le Smic" in s.takeaway and "formé" not in s.takeaway
    for text in (s.key_figure, s.takeaway):
        assert_clean(text)


@pytest.mark.slow
def test_on_the_sparse_reversing_edition_the_salary_falls_and_is_set_against_the_2009_smic(tmp_path):
    base = execute_chapter(tmp_path, "value", "base", edition=EDITION)
    sparse = execute_chapter(tmp_path, "value", "sparse", data_dir=str(data_with_sparse_2009(tmp_path / "data")), edition=2009)
    before, after = _markdown(base), _markdown(sparse)
    assert_clean(after)
    assert "en hausse de" in before and "en baisse de" not in before
    assert "en baisse de" in after and "en hausse de" not in after
    assert "1\u202f490\u00a0€" in after and "juillet 2009" in after
    # the previous year's salary as the 2008 edition published it, not deduced from the change (« 1 528 € »)
    assert "fig-2008-adviser-salary-gross-market-2008" in after and "une valeur déduite" not in after
    assert _spec(sparse, "valeur-salaire-historique")["title"]
    with pytest.raises(AssertionError):
        _spec(base, "valeur-salaire-historique")  # one year known in 2008: no history drawn


@pytest.mark.slow
def test_the_chapter_builds_when_no_edition_publishes_the_article_figures(tmp_path):
    nb = execute_chapter(tmp_path, "value", "only", data_dir=str(data_with_sparse_2009_only(tmp_path / "data")), edition=2009)
    text = _markdown(nb)
    assert_clean(text)
    assert "fig-2008-" not in text  # nothing of the article
    for article in ("1\u202f000", "1\u202f400", "Numericable a choisi", "Kim Neyret", "35\u00a0%", "moins cher"):
        assert article not in text, article
    assert text.count("Aucune édition du baromètre jusqu’à celle de 2009") == 1
    assert "1\u202f490\u00a0€" in text


def test_the_salary_title_follows_the_shape_of_its_curve():
    """« stagne » was the title of a V-shaped curve (1 528, 1 427, 1 536 €; issue 30): the title follows
    each move, and states no direction across a break in the series."""
    import pandas as pd

    table = pd.DataFrame({"année": [2008, 2009, 2011], "valeur": [1528.0, 1427.0, 1536.0]})
    assert ch.salary_history_title(table) == "Le salaire moyen des conseillers baisse puis remonte de 2008 à 2011"
    table = pd.DataFrame({"année": [2008, 2009, 2011], "valeur": [1528.0, 1530.0, 1536.0]})
    assert ch.salary_history_title(table) == "Le salaire moyen des conseillers stagne de 2008 à 2011"
    table = pd.DataFrame({"année": [2008, 2009, 2011], "valeur": [1400.0, 1600.0, 1450.0], "segment": [0, 0, 1]})
    assert ch.salary_history_title(table) == "Le salaire moyen des conseillers de 2008 à 2011"
    table = pd.DataFrame({"année": [2008, 2011], "valeur": [1528.0, 1700.0]})
    assert ch.salary_history_title(table) == "Le salaire moyen des conseillers progresse de 2008 à 2011"


def test_the_british_pay_is_read_at_eurostat_price_levels_and_follows_them(tmp_path):
    ds = load()
    pay = ch.salaries(ds, 2011)
    text = ch.pay_abroad_caveat(ds, pay.net_uk, pay.net_france)
    assert "111 en France et 99 au Royaume-Uni" in text
    assert "1\u202f570\u00a0€ achetaient en France" in text  # 1 400 × 111 / 99, to the ten
    assert "57\u00a0% de plus" in text and "contre 40\u00a0% en euros" in text
    assert "Or le change a beaucoup bougé" in text and "pour une moyenne de 0,79628\u00a0£" in text
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "reference" / "price_level_index.csv"
    rewrite(path, path.read_text(encoding="utf-8").replace(",99,", ",160,"))
    text = ch.pay_abroad_caveat(load(data), pay.net_uk, pay.net_france)
    assert "160 au Royaume-Uni" in text and "l'écart avec les" in text and "s'inverse" in text
    path.unlink()
    path.with_name(path.name + ".meta.yaml").unlink()
    text = ch.pay_abroad_caveat(load(data), pay.net_uk, pay.net_france)
    assert "Eurostat" not in text and "où les prix ne sont pas ceux de la France" in text


def _views_with_x(node, found=None):
    """Every view of a spec that draws a quantitative x, with the data rows it draws."""
    found = [] if found is None else found
    if isinstance(node, dict):
        x = node.get("encoding", {}).get("x") if isinstance(node.get("encoding"), dict) else None
        if isinstance(x, dict) and x.get("type") == "quantitative":
            found.append(node)
        for key, value in node.items():
            if key not in ("datasets",):
                _views_with_x(value, found)
    elif isinstance(node, list):
        for item in node:
            _views_with_x(item, found)
    return found


def test_gross_and_net_pay_are_never_drawn_on_one_axis():
    pay = ch.salaries(load(), EDITION)
    out = ch.salary_chart(ch.salary_table(pay), pay)
    spec = out.spec
    assert "vconcat" in spec and len(spec["vconcat"]) == 2  # one panel for gross amounts, one for net
    titles = []
    for panel in spec["vconcat"]:
        natures = set()
        for layer in panel["layer"]:
            rows = spec["datasets"][layer["data"]["name"]] if "data" in layer else spec["datasets"][panel["data"]["name"]]
            natures |= {r["nature"] for r in rows if "nature" in r}
        scales = {ch.salary_scale(n) for n in natures}
        assert len(scales) == 1, natures
        x_titles = {v["encoding"]["x"].get("title") for v in _views_with_x(panel) if v["encoding"]["x"].get("title")}
        titles.append((scales.pop(), x_titles))
    assert titles == [("Brut", {"€ bruts par mois"}), ("Net", {"€ nets par mois"})]


def test_the_net_pays_are_told_once_and_the_british_one_where_the_article_places_it():
    """The article: « En Grande-Bretagne, les salariés sont payés 1 400 euros nets »: the book reports
    those words, so it says « en Grande-Bretagne » (Eurostat's « Royaume-Uni » stays for its own
    figures); the « scandaleux » of Eric Dadian is said once, not said and then quoted again."""
    ds = load()
    for edition in (2008, 2011):
        pay = ch.salaries(ds, edition)
        text = ch.net_pay_text(ds, pay)
        assert "en Grande-Bretagne" in text and "Royaume-Uni" not in text, text
        judge = "juge" if edition == 2008 else "jugeait"  # a later book tells it in the past
        assert f"{judge} «\u00a0scandaleux\u00a0» que les téléconseillers touchent" in text
        assert text.count("1\u202f000") == 1 and "rémunérés" not in text, text
        assert "Net, Grande-Bretagne, 2009" in ch.salary_table(pay)["montant"].tolist()
        caveat = ch.pay_abroad_caveat(ds, pay.net_uk, pay.net_france)
        assert "ce montant a été converti en euros" in caveat and "il l'a converti" not in caveat
        assert "24\u00a0% de moins en euros au cours le plus haut" in caveat and "d’euros de moins" not in caveat


def test_numericables_advisers_are_dated_and_in_the_past_in_a_later_edition():
    ds = load()
    assert ch.numericable_clause(ds.known("numericable_external_advisers", 2008)).startswith(", qui s'appuie sur")
    assert ch.numericable_clause(ds.known("numericable_external_advisers", 2011)).startswith(
        ", qui s'appuyait en 2009 sur")
    assert ch.numericable_clause(None) == ""


def test_the_salary_of_the_year_before_is_the_published_one_when_an_edition_gives_it(tmp_path):
    """The 2014 edition publishes 1 572 € for 2013; the book deduced « environ 1 573 € » from the change."""
    text = markdown(execute_chapter(tmp_path, "value", "2014", edition=2014))
    assert "fig-2014-adviser-salary-gross-market-2013" in text
    assert "(calcul du livre : " not in text
    # no edition publishes 2007's: the 2008 book deduces it from the change, and says so
    assert "(calcul du livre : " in markdown(execute_chapter(tmp_path, "value", "2008", edition=2008))


def test_the_salary_chart_shows_the_published_salary_of_the_year_before_and_an_older_salary_is_told_in_the_past():
    """The 2024 book's chart drew « Salaire brut 2013 (déduit) : 1 573 € » beside a text citing the 1 572 € the
    2014 edition publishes; its text said « Le baromètre établit » a 2014 salary, with no word that no edition
    publishes one since."""
    ds = load()
    pay = ch.salaries(ds, 2014)
    table = ch.salary_table(pay)
    assert pay.before is not None and pay.before.period == "2013"
    row = table[table["montant"] == "Salaire brut 2013"].iloc[0]
    assert row["euros"] == pay.before.central and not table["montant"].str.contains("déduit").any()
    deduced = ch.salary_table(ch.salaries(ds, 2008))
    assert deduced["montant"].str.contains("déduit").any()  # no edition publishes 2007's
    later = ch.salaries(ds, ds.latest)
    assert later.gross.from_older_edition
    assert "établissait" in ch.salary_opening(later) and "dépassait" in ch.smic_gap_words(later)
    assert f"après celle de {later.gross.edition}" in ch.salary_not_followed(later)
    assert ch.salary_not_followed(pay) == "" and "établit" in ch.salary_opening(pay)


@pytest.mark.slow
def test_the_price_war_scissors_are_told_in_prices_and_only_pointed_to_here(tmp_path):
    text = _markdown(execute_chapter(tmp_path, "value", "scissors"))
    # Frédéric Jousset's words and the hour price belong to « La guerre des prix »; the value chapter links there
    assert "alors que le Smic" not in text and "fig-2008-production-hour-price-change-since-2000" not in text
    assert "Sur la durée, le Smic horaire brut a augmenté de 36\u00a0% entre 2000 et 2008" in text and "<prices>`" in text


def test_the_testimonies_of_an_older_edition_are_dated_and_in_the_past():
    ds = load()
    assert ch.interviews_year(ds, 2008) is None  # the article's own book: present tense
    assert ch.interviews_year(ds, 2011) == 2009  # published in 2009, told in the past later


@pytest.mark.slow
def test_a_later_book_tells_the_2009_testimonies_in_the_past(tmp_path):
    later = _markdown(execute_chapter(tmp_path, "value", "later", edition=2011))
    assert "En 2009, la plupart des prestataires étaient encore payés" in later
    assert "expliquait que Canal+ jugeait" in later and "avait choisi le troisième contrat" in later
    assert "sont encore payés" not in later and "résume l'enjeu des années à venir" not in later
    own = _markdown(execute_chapter(tmp_path, "value", "own", edition=2008))
    assert "Pour la plupart, les prestataires sont encore payés" in own


def test_a_later_book_tells_the_net_pay_testimony_in_the_past_dated_once_without_edition_notes():
    """editor37: « Eric Dadian … juge « scandaleux » que les téléconseillers touchent 1 000 € nets (édition 2008)
    par mois en France en 2009, quand ils en gagnent 1 400 € (édition 2008) » in the 2024 book."""
    ds = load()
    own = ch.net_pay_text(ds, ch.salaries(ds, 2008))
    assert "juge «\u00a0scandaleux" in own and "gagnent" in own and "(édition" not in own
    later = mentions.full(ch.net_pay_text(ds, ch.salaries(ds, 2024)))
    assert later.startswith("En 2009, Eric Dadian")
    assert "jugeait «\u00a0scandaleux" in later and "gagnaient" in later
    assert "(édition" not in later and "en France en 2009" not in later  # dated once, by the opening
    assert later.endswith("d’après Relation Client Magazine (2009, édition 2008).")


def test_the_salary_sentence_of_an_older_edition_carries_its_note_once():
    """editor37: « 1 560 € bruts par mois (dernier chiffre publié, édition 2014) en 2014, en baisse de 0,8 %
    (édition 2014) sur un an, après 1 572 € bruts (édition 2014) en 2013 »."""
    ds = load()
    late = ch.salary_text(ch.salaries(ds, 2024))
    first = late.split(". Le Smic")[0]
    assert first.count("(") == 1 and "bruts par mois en 2014 (dernier chiffre publié), en baisse" in first
    assert "(" not in ch.salary_text(ch.salaries(ds, 2014)).split(". Le Smic")[0]  # the edition's own: none
    deduced = ch.salary_text(ch.salaries(ds, 2011))
    assert "(calcul du livre : " in deduced and "une valeur déduite" not in deduced


def test_the_market_s_facts_come_before_the_model():
    """editor37/38: the model (four charts) came before « Le conseiller : formation et salaire »; the issue asks
    that models follow the market's facts."""
    import json
    from pathlib import Path

    cells = json.loads((Path(__file__).parent.parent / "chapters" / "value.ipynb").read_text(encoding="utf-8"))["cells"]
    heads = ["".join(c["source"]).splitlines()[0] for c in cells if c["cell_type"] == "markdown"]
    adviser = next(i for i, h in enumerate(heads) if h.startswith("## Le conseiller"))
    model = next(i for i, h in enumerate(heads) if h.startswith("## Modèle"))
    assert adviser < model


# --------------------------------------------------------------------------- later editions (issue 30)


def test_a_salary_level_of_undefined_measure_is_told_apart_and_never_drawn_on_the_advisers_curve():
    """2009's « niveau de salaire brut … à 1 427 euros » (a report that does not say whose salary) was drawn on the
    advisers' average and read as a 6,6 % pay cut no source reports (editor39)."""
    ds = load(DATA_DIR)
    years = ch.salary_history(ds, 2024)
    assert 2009 not in set(years["année"])
    assert {2008, 2011, 2014} <= set(years["année"])
    text = plain(ch.reported_salary_text(ds, 2024))
    assert "1 427 € par mois" in text and "ne se compare pas au salaire moyen des conseillers" in text
    assert "donnait" in text and "Journal de l’Automobile" in text
    assert "au-dessus du minimum fixé par la convention collective" in text
    assert "donne un niveau" in ch.reported_salary_text(ds, 2009)  # its own edition's book: the present
    assert ch.reported_salary_text(ds, 2008) == ""  # no edition up to 2008 gives it


def test_the_services_sold_beyond_contacts_take_their_verbs_and_lead_in_from_the_signs(data_copy):
    from conftest import set_value

    rising = plain(ch.services_text(load(data_copy), 2024))
    assert rising.startswith("En 2019, les prestataires développaient")
    assert "progressait de 18,3 %" in rising and "celui de leur activité de conseil de 9,4 %" in rising
    assert ch.services_text(load(data_copy), 2019).count("progresse") == 1  # its own book: the present, one verb
    set_value(data_copy, "activity_revenue_growth", "training", "2019", "-5", edition=2019)
    mixed = plain(ch.services_text(load(data_copy), 2024))
    assert "en sens contraires" in mixed and "recul" in mixed and "progress" in mixed
    assert "développ" not in mixed
    set_value(data_copy, "activity_revenue_growth", "consulting", "2019", "-2", edition=2019)
    falling = plain(ch.services_text(load(data_copy), 2024))
    assert "reculait" in falling and "progress" not in falling
    assert ch.services_text(load(data_copy), 2014) == ""  # before any edition gives them


def test_the_smic_rise_reaches_a_later_books_year_and_stays_the_articles_in_its_own():
    ds = load(DATA_DIR)
    article = ch.smic_text(ds, 2008)
    assert "entre 2000 et 2008" in article and "De 2000 à" not in article
    later = ch.smic_text(ds, 2024)
    assert "entre 2000 et 2008" in later and "De 2000 à 2024, il a augmenté de" in later
    assert "De 2000 à" not in ch.smic_text(ds, 2010)  # two years after the claim: not yet stale


def test_the_salary_s_gap_to_the_smic_is_told_over_the_years_of_one_series(data_copy):
    """editor42: the 2024 page drew the advisers' pay and the Smic from 2008 to 2014 and told only 2014's gap (7,9 %):
    the pay rose 2,1 % and the Smic 9,4 %, the gap fell from 15,7 %. Verbs and figures from the data; « À retenir »
    gives the first year's gap; nothing with a single year."""
    from conftest import set_value

    from barometre import load
    from barometre.chapters import value as ch

    ds = load()
    text = ch.gap_history_text(ch.salary_history(ds, 2024)).replace("\u00a0", " ")
    assert text == ("De 2008 à 2014, le salaire moyen des conseillers a progressé de 2,1 % et le Smic mensuel brut de "
                    "9,4 % : son avance sur le Smic est passée de 15,7 % à 7,9 % (calcul du livre).")
    assert ch.gap_then(ch.salary_history(ds, 2024)).replace("\u00a0", " ") == ", contre 15,7 % en 2008"
    assert "d’environ 0,5 %" in ch.gap_history_text(ch.salary_history(ds, 2011)).replace("\u00a0", " ")
    assert ch.gap_history_text(ch.salary_history(ds, 2008)) == ""
    set_value(data_copy, "adviser_salary_gross", "market", "2014", "1400", edition=2014)
    fell = ch.gap_history_text(ch.salary_history(load(data_copy), 2024)).replace("\u00a0", " ")
    assert "a baissé de 8,4 % quand le Smic mensuel brut a progressé de 9,4 %" in fell
    assert "(le salaire passe alors sous le Smic)" in fell
