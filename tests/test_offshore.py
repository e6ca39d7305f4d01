"""The cost-per-contact model, the France outline and the offshore chapter's charts."""

from __future__ import annotations

import json
import math
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import mark_not_published, rewrite, set_value
from executed import assert_clean, execute_chapter, markdown, spec
from fixtures import data_with_sparse_2009, data_with_sparse_2009_only

from barometre import load
from barometre.chapters import offshore as ch
from barometre.models import offshore as model
from barometre.narrative import mentions
from barometre.paths import DATA_DIR
from barometre.validation import sha256_of

EDITION = 2008


def title_text(spec: dict) -> str:
    """A chart's title as one string (long titles are drawn as several lines)."""
    title = spec["title"]
    return " ".join(title) if isinstance(title, list) else title


def inputs(**kwargs) -> model.ContactCostInputs:
    args = {
        "rate_gap": -0.5,
        "onshore_contacts_per_hour": 12.0,
        "offshore_contacts_per_hour": 12.0,
        "onshore_repeat_rate": 0.15,
        "offshore_repeat_rate": 0.15,
    }
    return model.ContactCostInputs(**{**args, **kwargs})


# --------------------------------------------------------------------------- the model


def test_a_request_with_no_repeat_takes_one_contact_and_half_repeats_take_two():
    assert model.contacts_per_resolution(0) == 1
    assert model.contacts_per_resolution(0.5) == pytest.approx(2)
    assert model.contacts_per_resolution(0.75) == pytest.approx(4)


@pytest.mark.parametrize("rate", [1.0, 1.2, -0.01, float("nan"), float("inf")])
def test_a_repeat_rate_outside_zero_to_one_is_refused(rate):
    with pytest.raises(ValueError, match="repeat_rate must be"):
        model.contacts_per_resolution(rate)


def test_rates_fifty_percent_lower_halve_the_hourly_cost():
    assert model.offshore_hourly_cost(100, -0.5) == pytest.approx(50)
    assert model.offshore_hourly_cost(100, 0) == pytest.approx(100)


def test_a_rate_gap_of_minus_one_hundred_percent_or_less_is_refused():
    with pytest.raises(ValueError, match="rate_gap must be greater than -1"):
        model.offshore_hourly_cost(100, -1)
    with pytest.raises(ValueError, match="onshore_hourly_cost must be > 0"):
        model.offshore_hourly_cost(0, -0.5)


def test_cost_per_resolved_request_is_hourly_cost_over_contacts_times_repeats():
    assert model.cost_per_resolved_request(100, 10, 0.5) == pytest.approx(20)
    with pytest.raises(ValueError, match="contacts_per_hour must be > 0"):
        model.cost_per_resolved_request(100, 0, 0.1)


def test_with_equal_productivity_and_quality_half_price_offshore_makes_france_twice_as_dear():
    scenario = inputs()
    assert scenario.cost_ratio == pytest.approx(2)
    # then customer service must be 25 % of the price for a 25 % dearer subscription
    assert model.breakeven_service_share(0.25, scenario.cost_ratio) == pytest.approx(0.25)


def test_worse_offshore_quality_shrinks_the_cost_gap():
    assert inputs(offshore_repeat_rate=0.40).cost_ratio < inputs(offshore_repeat_rate=0.15).cost_ratio


def test_at_the_parity_repeat_rate_both_sides_cost_the_same():
    scenario = inputs()
    parity = model.parity_repeat_rate(scenario)
    assert parity == pytest.approx(1 - 0.5 * 0.85)
    assert inputs(offshore_repeat_rate=parity).cost_ratio == pytest.approx(1)


def test_no_parity_rate_when_offshore_is_never_cheaper():
    assert model.parity_repeat_rate(inputs(rate_gap=0.2)) is None


def test_a_small_cost_gap_makes_the_premium_impossible_and_no_gap_never_raises_the_price():
    assert model.breakeven_service_share(0.25, 1.2) == pytest.approx(1.25)  # > 100 %: impossible
    assert model.breakeven_service_share(0.25, 1.0) == math.inf
    assert model.breakeven_service_share(0.25, 0.8) == math.inf


def test_the_price_rises_by_the_service_share_times_k_minus_one():
    assert model.price_increase(0.10, 2.0) == pytest.approx(0.10)
    assert model.price_increase(0.0, 3.0) == 0
    assert model.price_increase(0.10, 0.5) == pytest.approx(-0.05)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: model.price_increase(1.5, 2), "service_share must be between 0 and 1"),
        (lambda: model.price_increase(0.1, 0), "cost_ratio must be > 0"),
        (lambda: model.breakeven_service_share(0, 2), "premium must be > 0"),
        (lambda: inputs(onshore_contacts_per_hour=0), "onshore_contacts_per_hour must be > 0"),
        (lambda: inputs(offshore_repeat_rate=1), "offshore_repeat_rate must be at least 0 and below 1"),
        (lambda: inputs(rate_gap=float("nan")), "rate_gap must be a finite number"),
        (lambda: inputs(rate_gap="-0.5"), "rate_gap must be a finite number"),
    ],
)
def test_invalid_parameters_are_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_the_sweep_keeps_france_flat_and_raises_the_offshore_cost():
    sweep = model.repeat_rate_sweep(inputs(), [0, 0.2, 0.4])
    assert sweep["onshore_cost"].nunique() == 1
    assert list(sweep["offshore_cost"]) == sorted(sweep["offshore_cost"])
    curve = model.breakeven_curve(0.25, [1.0, 1.25, 2.0])
    assert list(curve["breakeven_share"]) == [math.inf, pytest.approx(1.0), pytest.approx(0.25)]


# --------------------------------------------------------------------------- the outline and the data


def test_the_outline_keeps_only_metropolitan_france_and_corsica():
    outline = ch.france_outline(load())
    polygons = outline["features"][0]["geometry"]["coordinates"]
    assert len(polygons) >= 2  # the mainland and Corsica at least
    for polygon in polygons:
        for lon, lat in polygon[0]:
            assert -6 <= lon <= 10 and 41 <= lat <= 52
            assert round(lon, 3) == lon and round(lat, 3) == lat


def test_the_outline_ships_with_a_sidecar_whose_checksum_matches():
    path = DATA_DIR / "reference" / "france_outline.geojson"
    meta = yaml.safe_load(path.with_name(path.name + ".meta.yaml").read_text(encoding="utf-8"))
    for key in ("title", "description", "source", "producer", "publication_date", "accessed", "licence"):
        assert meta.get(key), key
    assert meta["sha256"] == sha256_of(path)
    assert "world-atlas" in meta["source"]["url"]


def test_the_outline_is_a_declared_input_whose_change_reruns_the_chapter(tmp_path):
    """Reading the outline needs the declaration, and editing it changes the chapter's cache key."""
    from barometre.book import Inputs, chapter
    from barometre.data import UndeclaredInput
    from barometre.provenance import write_sidecar

    with pytest.raises(UndeclaredInput, match=r"offshore read the reference data 'outline'"):
        ch.france_outline(load().restricted(Inputs(families=("offshore",)), "offshore"))
    inputs = chapter("offshore").inputs
    assert ch.france_outline(load().restricted(inputs, "offshore"))["features"]
    shutil.copytree(DATA_DIR, tmp_path / "data")
    before = load(tmp_path / "data").inputs_key(inputs)
    path = tmp_path / "data" / "reference" / "france_outline.geojson"
    path.write_text(path.read_text(encoding="utf-8").replace("]]", "] ]", 1), encoding="utf-8")
    write_sidecar(path)
    assert load(tmp_path / "data").inputs_key(inputs) != before


def test_a_missing_outline_says_where_it_should_be(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    ds = load(tmp_path / "data")
    (tmp_path / "data" / "reference" / "france_outline.geojson").unlink()
    with pytest.raises(FileNotFoundError, match=r"france_outline\.geojson"):
        ch.france_outline(ds)


def test_every_site_of_the_article_is_placed_and_shared_cities_are_grouped():
    sites = ch.site_events(load(), EDITION)
    assert len(sites) == 7
    assert sites["latitude"].notna().all() and sites["longitude"].notna().all()
    cities = ch.sites_by_city(sites)
    villeneuve = cities[cities["city"] == "villeneuve_d_ascq"].iloc[0]
    assert villeneuve["nombre"] == 2 and "Data Base Factory" in villeneuve["entreprises"]


def test_quotes_come_from_rows_and_voices_without_a_row_are_summarised():
    voices = {v.source: v for v in ch.voices(load(), EDITION)}
    assert voices["olivier_carrot"].figure.indicator == "offshore_price_premium_question"
    assert voices["frederic_jousset"].figure is not None
    assert voices["jean_regnier"].figure is None and voices["jean_regnier"].summary


def test_quotes_lose_the_articles_own_guillemets():
    fig = load().figure("offshore_price_premium_question", EDITION)
    text = ch.quote(fig)
    assert text.startswith("«\u00a0Le consommateur") and "» »" not in text and "««" not in text


def test_the_model_takes_the_rate_gap_from_the_data_unless_the_reader_sets_it():
    ds = load()
    common = {"onshore_contacts_per_hour": 12.0, "offshore_contacts_per_hour": 12.0,
              "onshore_repeat_rate": 0.1, "offshore_repeat_rate": 0.1}
    setup, missing = ch.model_setup(ds, EDITION, rate_gap=-1, **common)
    assert not missing and setup.inputs.rate_gap == pytest.approx(-0.5) and setup.premium == pytest.approx(0.25)
    setup, _ = ch.model_setup(ds, EDITION, rate_gap=-0.3, **common)
    assert setup.inputs.rate_gap == pytest.approx(-0.3) and setup.gap_fig is None


def test_every_offshore_chart_validates_against_the_vega_lite_schema():
    ds = load()
    growth, growth_figs = ch.growth_table(ds, EDITION)
    share, province = ds.figure("france_revenue_share", EDITION), ds.figure("new_jobs_province_share", EDITION)
    positions = ch.positions_table(ds.figure("webhelp_offshore_share", EDITION),
                                   ds.figure("offshore_hourly_rate_gap", EDITION),
                                   ds.find("teleperformance_france_headcount_change", EDITION))
    scenario = inputs()
    premium = ds.figure("offshore_price_premium_question", EDITION)
    charts = [
        ch.growth_chart(growth, growth_figs, EDITION),
        ch.split_chart(ch.split_table(share, province), [share, province]),
        ch.sites_map(ch.france_outline(load()), ch.site_events(ds, EDITION), ch.city_point(ds, "paris"), EDITION),
        ch.positions_chart(positions, [premium]),
        ch.cost_chart(ch.cost_sweep(scenario), scenario, model.parity_repeat_rate(scenario), [premium]),
        ch.breakeven_chart(ch.breakeven_table(0.25, scenario.cost_ratio), scenario.cost_ratio, premium, [premium]),
        ch.breakeven_chart(ch.breakeven_table(0.25, 0.9), 0.9, premium, [premium]),
    ]
    for chart in charts:
        chart.chart.to_dict()  # validates against the schema
        assert chart.title and chart.description and chart.source
        assert chart.data is not None and not chart.data.empty


def test_the_map_credits_the_publication_of_the_events():
    ds = load()
    sites = ch.site_events(ds, EDITION)
    credit = ch.article_credit(ds, sites["source"])
    assert credit == "Relation Client Magazine (2009)"
    chart = ch.sites_map(ch.france_outline(load()), sites, None, EDITION, credit)
    assert chart.source.startswith(credit) and "Natural Earth" in chart.source


def test_the_map_has_no_sites_layer_when_the_edition_names_none():
    ds = load()
    empty = ch.site_events(ds, EDITION).iloc[0:0]
    chart = ch.sites_map(ch.france_outline(load()), empty, None, EDITION)
    assert "aucune implantation" in chart.description
    chart.chart.to_dict()


# --------------------------------------------------------------------------- the executed notebook


_markdown, _spec = markdown, spec


@pytest.mark.slow
def test_a_worse_offshore_quality_changes_the_text_and_the_charts_of_the_chapter(tmp_path):
    base = execute_chapter(tmp_path, "offshore", "base", offshore_repeat_rate=0.15, edition=EDITION)
    worse = execute_chapter(tmp_path, "offshore", "worse", offshore_repeat_rate=0.45, edition=EDITION)
    assert "15\u00a0% offshore" in _markdown(base) and "45\u00a0% offshore" in _markdown(worse)
    assert "La France revient deux fois plus cher" in _markdown(base)
    assert "La France revient deux fois plus cher" not in _markdown(worse)
    for chart in ("offshore-cout-par-demande", "offshore-seuil-abonnement"):
        assert _spec(base, chart) != _spec(worse, chart)
    assert _spec(base, "offshore-carte-sites") == _spec(worse, "offshore-carte-sites")


def _not_published(data_dir: Path, indicator: str, scope: str) -> None:
    mark_not_published(data_dir, indicator, scope, edition=EDITION)


SPARSE = 2009


# --------------------------------------------------------------------------- any edition (functions)


def test_the_growth_title_follows_the_signs_and_the_gap_of_the_two_rates(tmp_path):
    ds = load()
    france, offshore = ch.growth_pair(ds, EDITION)
    assert ch.growth_title(france, offshore) == "En 2008, la France croît plus vite que l’offshore"
    sparse = load(data_with_sparse_2009(tmp_path / "data"))
    france, offshore = ch.growth_pair(sparse, SPARSE)
    assert (france.period, france.central, offshore.central) == ("2009", -3, 12)
    assert ch.growth_title(france, offshore) == "En 2009, l’activité recule en France et progresse offshore"
    text = ch.growth_sentence(france, offshore, sparse.known("revenue_growth_gap_france_offshore", SPARSE))
    assert "a reculé de" in text and "a progressé de" in text and "fois plus forte" not in text
    assert "écart relatif" not in text  # the 2008 gap is of another period
    assert ch.growth_title(offshore, france) == "En 2009, l’activité progresse en France et recule offshore"


def test_the_share_of_france_says_production_outside_france_gains_ground_when_it_falls(tmp_path):
    ds = load(data_with_sparse_2009(tmp_path / "data"))
    latest, previous = ch.trend(ds, "france_revenue_share", SPARSE)
    assert (latest.central, previous.central) == (74, 80)
    text = ch.trend_text(latest, previous)
    # 2008's share of the 2008 edition: « en 2008 » names it (editor39: « (édition 2008) en 2008 »)
    assert "en baisse par rapport à" in text and "2008>` en 2008" in text and "(édition" not in text
    assert "dernier chiffre" not in text
    assert ch.share_shift(latest, previous) == "la production hors de France gagne du terrain"
    assert ch.share_shift(previous, latest) == "la France regagne du terrain"
    assert ch.share_shift(previous, None) == ""
    assert ch.trend_text(latest, None).endswith("en 2009") and "par rapport" not in ch.trend_text(latest, None)


def test_the_summary_is_built_from_what_the_edition_knows(tmp_path):
    assert "croît plus vite" in ch.summary(load(), EDITION).takeaway
    sparse = ch.summary(load(data_with_sparse_2009(tmp_path / "a")), SPARSE)
    assert "recule en France" in sparse.takeaway and "fig-2009-revenue-growth-france-2009" in sparse.takeaway
    # the chapter's key figure is the offshore's growth, France's is in the takeaway
    assert sparse.key_label.endswith("offshore") and "fig-2009-revenue-growth-offshore-2009" in sparse.key_figure
    # the province's share of new jobs is 2008's, a one-off figure: its year names its edition, no « dernier chiffre »
    assert "province en 2008" in sparse.takeaway and "(édition" not in sparse.takeaway
    assert "dernier chiffre" not in sparse.takeaway
    only = ch.summary(load(data_with_sparse_2009_only(tmp_path / "b")), SPARSE)
    assert "fig-2008" not in only.takeaway and "province" not in only.takeaway
    for s in (sparse, only):
        assert_clean(s.key_figure + s.takeaway)


def test_the_summary_is_neutral_when_no_edition_publishes_the_growth_or_the_share():
    # the summary reads the chapter's facts (issue 25): the facts without any growth nor share
    f = replace(ch.facts(load(), EDITION), pair=None, newer=(), share=None, share_now=False, growth_now=False)
    s = ch.summary_of(f)
    assert s.key_figure == "aucun chiffre jusqu’à l’édition 2008" and "Aucune édition" in s.takeaway
    assert_clean(s.takeaway)


def test_voices_and_their_summaries_come_only_from_editions_that_cite_them(tmp_path):
    assert all(v.cited_in == EDITION for v in ch.voices(load(), EDITION))
    sparse = ch.voices(load(data_with_sparse_2009(tmp_path / "a")), SPARSE)
    carrot = next(v for v in sparse if v.source == "olivier_carrot")
    assert carrot.figure.from_older_edition and "(Relation Client Magazine, 2009)" in ch.voice_line(carrot).replace(chr(92), "")
    regnier = next(v for v in sparse if v.source == "jean_regnier")
    assert "résumé du livre, d'après Relation Client Magazine, 2009)" in ch.voice_line(regnier).replace(chr(92), '')
    assert ch.voices(load(data_with_sparse_2009_only(tmp_path / "b")), SPARSE) == []


def test_directions_of_the_providers_figures_come_from_their_signs():
    ds = load()
    gap, headcount = ds.figure("offshore_hourly_rate_gap", EDITION), ds.figure(
        "teleperformance_france_headcount_change", EDITION)
    assert ch.rate_comparison(gap).startswith("inférieurs de")
    assert ch.headcount_text(headcount).startswith("ses effectifs en France ont {ref}`doublé <")  # +100 %
    from dataclasses import replace

    assert ch.headcount_text(replace(headcount, value=40)).startswith("ses effectifs en France ont progressé de")

    assert ch.rate_comparison(replace(gap, value=10)).startswith("supérieurs de")
    assert "ont reculé de" in ch.headcount_text(replace(headcount, value=-20))


def _with_staff_indicator(data: Path) -> None:
    """A new indicator of the chapter (staff, France and offshore) in the dictionary and two editions."""
    indicators = data / "indicators.csv"
    text = indicators.read_text(encoding="utf-8")
    if "\nstaff," not in text:  # the dictionary may list it already
        rewrite(indicators, text + "staff,Effectifs des outsourceurs,people,Staff of the outsourcers by scope.,offshore,false,\n")
    sparse = data / "editions" / "2009.csv"
    rows = "".join(
        f"staff,2009,{period},{scope},{value},,,exact,people,barometer_bearingpoint_sp2c,"
        f"FICTIF : effectifs.,FICTIF — données de test\n"
        for period, scope, value in (("2008", "france", 50000), ("2009", "france", 48000),
                                     ("2008", "offshore", 20000), ("2009", "offshore", 26000)))
    rewrite(sparse, sparse.read_text(encoding="utf-8") + rows)


def test_a_new_indicator_of_the_chapter_is_drawn_by_year_without_code(tmp_path):
    data = data_with_sparse_2009(tmp_path / "data")
    _with_staff_indicator(data)
    ds = load(data)
    table = ch.history_table(ds, SPARSE)
    panels = set(table["panneau"])
    label = ds.indicators["staff"].label_fr
    assert {f"{label} (France)", f"{label} (offshore)"} <= panels
    assert "Part de l'activité France dans le chiffre d'affaires" in panels
    assert "Croissance du chiffre d'affaires (France)" in panels
    chart = ch.history_chart(table, SPARSE)
    chart.chart.to_dict()
    assert "48\u202f000" in chart.description
    assert "Croissance du chiffre d'affaires" in set(ch.history_table(load(), EDITION)["panneau"])


def test_the_split_chart_dates_its_bars_when_their_periods_differ(tmp_path):
    ds = load(data_with_sparse_2009(tmp_path / "data"))
    share, province = ds.known("france_revenue_share", SPARSE), ds.known("new_jobs_province_share", SPARSE)
    table = ch.split_table(share, province)
    assert set(table["mesure"]) == {"Chiffre d'affaires (2009)", "Nouveaux emplois (2008)"}
    assert set(ch.split_table(share, None)["mesure"]) == {"Chiffre d'affaires"}
    assert ch.split_chart(table, [share, province]).title == "Les parts de la France et de la province"


# --------------------------------------------------------------------------- any edition (executed)


@pytest.mark.slow
def test_on_the_sparse_reversing_edition_the_words_flip_and_nothing_empty_is_printed(tmp_path):
    data = data_with_sparse_2009(tmp_path / "data")
    nb = execute_chapter(tmp_path, "offshore", "sparse", data_dir=str(data), edition=SPARSE)
    text = _markdown(nb)
    assert_clean(text)
    assert "a reculé de" in text and "alors que l’activité offshore a progressé" in text
    assert "la production hors de France gagne du terrain" in text and "en baisse par rapport à" in text
    assert "croît plus vite" not in text and "palier" not in text
    assert title_text(_spec(nb, "offshore-croissance")) == "En 2009, l’activité recule en France et progresse offshore"
    history = _spec(nb, "offshore-historique")
    assert "74" in history["description"] and "80" in history["description"]
    with pytest.raises(AssertionError):
        _spec(nb, "offshore-carte-sites")  # no site in the 2009 edition: no empty map
    # older figures say where they come from (« dernier chiffre publié » only for the latest of a series)
    assert re.search(r"\((dernier chiffre publié, )?édition\s2008\)", text)


@pytest.mark.slow
def test_an_edition_without_the_article_states_none_of_its_figures(tmp_path):
    data = data_with_sparse_2009_only(tmp_path / "data")
    nb = execute_chapter(tmp_path, "offshore", "only", data_dir=str(data), edition=SPARSE)
    text = _markdown(nb)
    assert_clean(text)
    assert "fig-2008" not in text
    assert "édition\u00a02008" not in text and "édition 2008" not in text
    assert text.count("Aucune édition du baromètre jusqu’à celle de 2009") == 1
    assert "Le modèle n'est pas calculé" in text
    assert "recule en France" in text


@pytest.mark.slow
def test_the_real_data_still_reads_as_the_2008_article(tmp_path):
    nb = execute_chapter(tmp_path, "offshore", "real", edition=EDITION)
    text = _markdown(nb)
    assert_clean(text)
    assert "Aucune édition" not in text
    assert "une croissance deux fois plus forte en France" in text
    assert "Les nouveaux emplois des outsourceurs se créent surtout en province" in text
    assert title_text(_spec(nb, "offshore-croissance")) == "En 2008, la France croît plus vite que l’offshore"
    assert "Villeneuve" in text
    _spec(nb, "offshore-carte-sites")
    _spec(nb, "offshore-historique")


@pytest.mark.slow
def test_missing_figures_are_left_out_and_named_once(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    for indicator, scope in [("offshore_hourly_rate_gap", "webhelp"),
                             ("new_jobs_province_share", "province"), ("numericable_external_advisers", "numericable"),
                             ("teleperformance_france_headcount_change", "teleperformance_france")]:
        _not_published(data, indicator, scope)
    nb = execute_chapter(tmp_path, "offshore", "missing", data_dir=str(data), edition=EDITION)
    text = _markdown(nb)
    assert_clean(text)
    assert text.count("Aucune édition du baromètre jusqu’à celle de 2008") == 1
    assert "écart de taux horaire offshore" in text and "part des nouveaux emplois créés en province" in text
    assert "Le modèle n'est pas calculé" in text
    assert "Teleperformance pratique l'offshore depuis" in text and "ses effectifs en France" not in text
    _spec(nb, "offshore-carte-sites")  # the map does not depend on the missing figures
    with pytest.raises(AssertionError):
        _spec(nb, "offshore-cout-par-demande")


def test_each_providers_figure_has_its_own_axis_titled_with_its_quantity():
    ds = load()
    table = ch.positions_table(ds.figure("webhelp_offshore_share", EDITION),
                               ds.figure("offshore_hourly_rate_gap", EDITION),
                               ds.find("teleperformance_france_headcount_change", EDITION))
    spec = ch.positions_chart(table, [ds.figure("webhelp_offshore_share", EDITION)]).spec
    assert len(spec["vconcat"]) == 3  # a share, a price gap, a headcount change: three axes
    axes = []
    for panel in spec["vconcat"]:
        rows = spec["datasets"][panel["data"]["name"]] if "data" in panel else None
        xs = [layer["encoding"]["x"] for layer in panel["layer"]
              if layer.get("encoding", {}).get("x", {}).get("title")]
        assert len(xs) == 1 and (rows is None or len({r["grandeur"] for r in rows}) == 1)
        axes.append(xs[0]["title"])
    assert axes[:2] == [ch.POSITION_AXES["share"], ch.POSITION_AXES["gap"]]
    assert axes[2].startswith(ch.POSITION_AXES["headcount"] + ", entre 2000 et")
    assert spec["vconcat"][0]["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0.0, 100.0]


def test_the_yearly_panels_draw_a_bound_as_an_open_dot_with_an_arrow_not_as_a_plain_dot():
    ds = load()
    table = ch.history_table(ds, 2011)
    bound = table[table["texte"].str.startswith("plus de")]
    assert not bound.empty and set(bound["borne"]) == {1}
    spec = ch.history_chart(table, 2011).spec
    panels = spec["vconcat"]
    layers = [layer for panel in panels for layer in panel["layer"]]

    def filters(layer):
        return " ".join(t["filter"] for t in layer.get("transform", []) if isinstance(t.get("filter"), str))

    filled = [la for la in layers if la["mark"].get("type") == "point" and la["mark"].get("filled") is True
              and "shape" not in la["mark"]]
    assert filled and all("datum.borne == 0" in filters(la) and "datum.bas == datum.haut" in filters(la)
                          for la in filled)
    ups = [la for la in layers if la["mark"].get("shape") == "triangle-up"]
    assert ups and all("datum.borne == 1" in filters(la) for la in ups)


def test_the_new_jobs_rest_is_not_given_to_ile_de_france_which_the_article_says_lost_jobs():
    ds = load()
    province = ds.figure("new_jobs_province_share", EDITION)
    # the article: « les effectifs en Ile-de-France ont baissé et 75% des nouveaux emplois ont été créés en province »
    assert "Ile-de-France ont baissé" in province.quote
    table = ch.split_table(ds.figure("france_revenue_share", EDITION), province)
    jobs = table[table["mesure"].str.startswith("Nouveaux emplois")]
    assert set(jobs["composante"]) == {"Province", ch.PROVINCE_REST}
    assert not table["composante"].str.contains("Île-de-France").any()
    chart = ch.split_chart(table, [province])
    assert "Île-de-France (complément)" not in str(chart.spec) and "ne dit pas" in chart.description


def test_the_rest_of_a_bounded_share_is_a_bound_too():
    from dataclasses import replace

    share = replace(load().figure("france_revenue_share", EDITION), qualifier="more_than")
    table = ch.split_table(share, None)
    assert list(table["texte"]) == ["plus de 80\u00a0%", "moins de 20\u00a0%"]


def test_every_growth_bar_is_named_by_its_scope():
    ds = load()
    table, figs = ch.growth_table(ds, EDITION)
    spec = ch.growth_chart(table, figs, EDITION).spec
    written = set()
    for layer in spec["layer"]:
        for sub in layer.get("layer", [layer]):
            if sub.get("encoding", {}).get("text", {}).get("field") == "_ligne":
                data = sub.get("data", layer.get("data"))
                written |= {r["_ligne"] for r in spec["datasets"][data["name"]]}
    assert set(table["périmètre"]) <= written


def test_a_position_quotes_the_sources_own_words_and_the_voices_do_not_repeat_them():
    ds = load()
    debate = ch.voices(ds, EDITION)
    lines = {v.source: mentions.full(ch.voice_line(v)) for v in debate}  # each mention in its first form
    # a fragment of a sentence keeps the book's words before it; a whole sentence stands alone
    assert "ne pas externaliser à l\\'étranger" in lines["jean_regnier"] and "proximité sociétale" in lines["jean_regnier"]
    assert lines["tanguy_de_laubier"].startswith("- Tanguy de Laubier \\(président de BlueLink\\) : «")
    told = [q.quote_id for q in ch.voices_quoted(ds, EDITION, debate)]
    assert not {"regnier_proximity", "de_laubier_quality", "labarre_high_tech"} & set(told)
    assert told, "quotes no position tells are still listed"


def test_a_small_growth_gap_is_told_in_points_not_as_a_multiple():
    """2011: 9,6 % in France, 11,7 % offshore read « une croissance 1,2 fois plus forte offshore »."""
    ds = load()
    france, offshore = ch.growth_pair(ds, 2011)
    text = ch.growth_sentence(france, offshore, None)
    assert "fois plus forte" not in text
    assert "la croissance est plus forte offshore, de 2,1\u00a0points" in text
    france, offshore = ch.growth_pair(ds, 2010)  # 5 % against 12 %: a multiple says it
    assert "une croissance 2,4 fois plus forte offshore" in ch.growth_sentence(france, offshore, None)


def _drawn_texts(spec: dict, width: int) -> set[str]:
    import re

    import vl_convert as vlc

    svg = vlc.vegalite_to_svg({**spec, "width": width}, format_locale="fr-FR")
    return {t.replace("&#160;", "\u00a0").replace("\u202f", " ") for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)}


def test_a_share_is_written_on_its_bar_in_the_web_page_only_where_it_fits():
    """2005: « moins de 12 % » on its 12 % bar ran into « plus de 88 % », on a phone and on a desktop."""
    from dataclasses import replace

    ds = load()
    province = replace(ds.figure("new_jobs_province_share", EDITION), value=88.0, low=88.0, high=88.0,
                       qualifier="more_than")
    table = ch.split_table(None, province)
    assert list(table["texte"]) == ["plus de 88\u00a0%", "moins de 12\u00a0%"]
    chart = ch.split_chart(table, [province])
    web = chart.web_spec()
    phone, desktop = _drawn_texts(web, 300), _drawn_texts(web, 1200)
    assert "plus de 88\u00a0%" in phone and "moins de 12\u00a0%" not in phone
    assert {"plus de 88\u00a0%", "moins de 12\u00a0%"} <= desktop
    # the print keeps its own rule (every share of 12 % or more written): its spec is the chart's as before
    assert "width" not in json.dumps([la.get("transform") for la in chart.print_spec().get("layer", [])])


def test_what_a_provider_said_of_itself_is_dated_and_in_the_past_in_a_later_edition():
    """Jean-François Guillot (2009): « il y [a] neuf ans »; Eric Klipfel: 600 advisers. The 2011 book read
    « Teleperformance pratique l'offshore depuis neuf ans » and « 600 conseillers travaillent »: true when
    said, not said since. The article's edition keeps the present."""
    ds = load()

    def texts(edition):
        k = lambda indicator: ds.known(indicator, edition)  # noqa: E731
        return (ch.teleperformance_text(k("teleperformance_offshore_years"), k("teleperformance_france_headcount_change")),
                ch.numericable_text(k("numericable_offshore_start_year"), k("numericable_external_advisers"),
                                    k("numericable_internal_experts")))

    tp, nc = texts(2008)
    assert tp.startswith("Teleperformance pratique l'offshore depuis") and "travaillent pour lui" in nc
    tp, nc = texts(2011)
    assert tp.startswith("En 2009, Teleperformance pratiquait l'offshore depuis"), tp
    assert ": en 2009, {ref}`600" in nc and "travaillaient pour lui" in nc, nc


def test_the_positions_section_opens_on_what_it_shows_and_never_credits_the_barometer_with_the_speakers_figures():
    """The figures of the section (Webhelp's 75 %, Teleperformance's nine years) are the speakers' own, not
    the barometer's; an edition with no position says so instead of announcing an empty section."""
    assert "baromètre" not in ch.positions_intro(2008, True) and "eux-mêmes" in ch.positions_intro(2008, True)
    assert ch.positions_intro(2009, False).startswith("Aucune édition du baromètre jusqu'à celle de 2009")


def test_jean_regnier_is_summed_up_with_the_articles_words():
    """The article: « Jean Régnier, p-dg de Comearth, a fait le choix de ne pas externaliser à l'étranger »;
    the summary read « refuse de délocaliser à l'étranger », a word (and a charge) the article does not use."""
    [summary] = [text for source, _, text in ch.VOICES if source == "jean_regnier"]
    assert "ne pas externaliser à l'étranger" in summary and "délocaliser" not in summary


def test_webhelps_offshore_share_is_dated_and_in_the_past_in_a_later_edition():
    ds = load()

    def text(edition):
        return ch.webhelp_text(ds.known("webhelp_offshore_share", edition), ds.known("offshore_hourly_rate_gap", edition),
                               ds.known("offshore_staff_education_level", edition))

    assert text(2008).startswith("Chez Webhelp, l'offshore représente") and "il permet des taux" in text(2008)
    assert text(2011).startswith("En 2009, chez Webhelp, l'offshore représentait") and "il permettait" in text(2011)


def test_a_voice_does_not_quote_again_a_figure_the_page_has_just_told():
    """The Webhelp paragraph gives « des taux horaires inférieurs de 50 % »; Frédéric Jousset's line in the
    debate then quoted « des taux horaires 50% inférieurs » again: it gives the book's summary instead."""
    ds = load()
    told = {ds.known("offshore_hourly_rate_gap", 2011).anchor, ds.known("webhelp_offshore_share", 2011).anchor}
    lines = {v.source: ch.voice_line(v, told) for v in ch.voices(ds, 2011)}
    assert "50\u00a0\\%" not in lines["frederic_jousset"] and "résumé du livre" in lines["frederic_jousset"]
    assert "50\u00a0\\%" in {v.source: ch.voice_line(v) for v in ch.voices(ds, 2011)}["frederic_jousset"]
    assert "25\u00a0\\%" in lines["olivier_carrot"]  # a figure not told before is still quoted


def test_offshore_staff_is_set_against_offshore_revenue_with_the_books_ratio(tmp_path):
    """2011: 39 % of the staff offshore for 23 % of the revenue, about 2,1 times less revenue per head than in
    France; a later book says it in the past; reversed data (fewer staff than revenue) turn the ratio."""
    ds = load()
    text = ch.staff_and_revenue_sentence(*ch.staff_and_revenue(ds, 2011))
    assert "emploie {ref}`39" in text and "que {ref}`23" in text and "47\u00a0% du chiffre d’affaires d’un salarié" in text
    pair = ch.staff_and_revenue(ds, ds.editions[-1])
    later = ch.staff_and_revenue_sentence(*pair, ch.newer_staff_share(ds, ds.editions[-1], pair[0]))
    assert "employait" in later and "emploie" not in later
    # the 2012 pair is not the last staff share published: no « dernier chiffre publié », and the later one is told
    newer = ch.newer_staff_share(ds, ds.editions[-1], pair[0])
    assert newer is not None and newer.anchor in later and "dernier chiffre publié" not in later
    assert f"En {newer.period}, dernière année publiée" in later
    assert ch.newer_staff_share(ds, 2011, ch.staff_and_revenue(ds, 2011)[0]) is None
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    set_value(data, "staff_share", "offshore", "2011", "10", edition=2011)  # the first row of its key
    reversed_text = ch.staff_and_revenue_sentence(*ch.staff_and_revenue(load(data), 2011))
    assert "fois plus de chiffre d’affaires" in reversed_text and "ne réalise que" not in reversed_text


def test_every_production_zone_s_latest_share_is_told_newest_year_first():
    """North Africa, the second production zone (about 33 % in 2021), was only in captions and in « Indicateurs
    absents » of the 2024 book (editor, stop 32)."""
    ds = load()
    text = ch.zones_sentence(ds, ds.latest)
    north = ds.known("revenue_share_by_location", ds.latest, scope="offshore_1")
    near = ds.known("revenue_share_by_location", ds.latest, scope="nearshore")
    assert north.anchor in text and near.anchor in text
    assert text.index(near.anchor) < text.index(north.anchor)  # 2024 before 2021
    assert "pour l’Afrique du Nord" in text and "offshore 1" not in text and "pour le Afrique" not in text
    assert ch.zones_sentence(ds, 2011) == ""  # no edition up to 2011 splits the offshore by zone


def test_the_growth_chart_draws_france_s_newer_year_not_the_last_pair():
    """The 2024 book drew 2014's bars (France −2,5 %, offshore +10 %) under a text giving France +2 % and the
    nearshore +5 % in 2024 (editors, stops 31 and 32)."""
    ds = load()
    table, figs = ch.growth_table(ds, ds.latest)
    france = ds.known("revenue_growth", ds.latest, scope="france")
    assert {f.period for f in figs} == {france.period} and france.anchor in {f.anchor for f in figs}
    assert "Activité en France" in set(table["périmètre"]) and len(table) >= 2
    assert str(france.period) in ch.growth_chart(table, figs, ds.latest).title
    _, old_figs = ch.growth_table(ds, 2014)  # the pair is the edition's own: France and offshore
    assert {f.scope for f in old_figs} >= {"france", "offshore"}


def test_the_stacked_bars_never_set_one_era_s_revenue_beside_another_era_s_new_jobs():
    """The 2024 book drew « Chiffre d'affaires (2024) » beside « Nouveaux emplois (2008) »."""
    ds = load()
    share = ds.known("france_revenue_share", ds.latest)
    province = ds.known("new_jobs_province_share", ds.latest, scope="province")
    table = ch.split_table(share, province)
    assert set(table["mesure"]) == {"Nouveaux emplois"}
    near = ds.known("france_revenue_share", 2009)
    assert {m.split(" (")[0] for m in ch.split_table(near, province)["mesure"]} == {"Chiffre d'affaires", "Nouveaux emplois"}


def test_the_nearshore_is_named_only_once_an_edition_gives_it_apart():
    """The 2011 book said « hors de France (offshore et nearshore) » of a study that did not separate them."""
    ds = load()
    assert ch.abroad_words(ds, 2011) == "offshore"
    assert ch.abroad_words(ds, ds.latest) == "offshore et nearshore"


def test_the_split_chart_legend_and_source_name_only_the_bars_drawn():
    ds = load()
    # the 2011 book: 2011's revenue share is too far from 2008's new jobs to share the chart, so only jobs are drawn
    share = ds.known("france_revenue_share", 2011, scope="market")
    province = ds.known("new_jobs_province_share", 2011)
    table = ch.split_table(share, province)
    out = ch.split_chart(table, [share, province])
    spec_ = out.chart.to_dict()

    def domains(node):
        if isinstance(node, dict):
            if node.get("field") == "composante" and "scale" in node:
                yield node["scale"]["domain"]
            for v in node.values():
                yield from domains(v)
        elif isinstance(node, list):
            for v in node:
                yield from domains(v)

    assert list(domains(spec_)) and all(d == ["Province", ch.PROVINCE_REST] for d in domains(spec_))
    assert "2011" not in out.source and "2008" in out.source
    # both bars drawn (the 2008 book): all four parts in the legend, both editions' rows credited
    both = ch.split_chart(ch.split_table(ds.known("france_revenue_share", 2008, scope="market"),
                                         ds.known("new_jobs_province_share", 2008)),
                          [ds.known("france_revenue_share", 2008, scope="market"), ds.known("new_jobs_province_share", 2008)])
    assert all(len(d) == 4 for d in domains(both.chart.to_dict()))


def test_the_zones_growth_after_the_last_france_offshore_pair_is_told(data_copy):
    ds = load()
    pair = ch.growth_pair(ds, 2024)
    text = ch.zone_growth_sentence(ds, 2024, pair, ch.newer_location_growth(ds, 2024, pair))
    assert pair[0].period == "2014"
    for anchor in ("fig-2016-revenue-growth-offshore-1-2016", "fig-2021-revenue-growth-offshore-1-2021",
                   "fig-2021-revenue-growth-offshore-2-2021"):
        assert anchor in text
    assert "fig-2024" not in text  # the edition's own zone growth is told in the sentence before
    assert text.index("Afrique du Nord") < text.index("Afrique subsaharienne") and ") (" not in text
    # a book whose pair is its latest year has nothing to add
    pair_2011 = ch.growth_pair(ds, 2011)
    assert ch.zone_growth_sentence(ds, 2011, pair_2011, ch.newer_location_growth(ds, 2011, pair_2011)) == ""
    # a reversed zone growth is told with its sign, from the row
    set_value(data_copy, "revenue_growth", "offshore_1", "2016", "-4", edition=2016)
    changed = load(data_copy)
    p = ch.growth_pair(changed, 2024)
    assert "−4\u00a0%" in ch.zone_growth_sentence(changed, 2024, p, ch.newer_location_growth(changed, 2024, p))


def test_the_prose_gives_the_parity_band_that_the_takeaway_gives():
    from barometre.models import offshore as offshore_model

    ds = load()
    premium = ds.figure("offshore_price_premium_question", EDITION)
    inputs = offshore_model.ContactCostInputs(-0.5, 12, 12, 0.15, 0.15)
    sentence = ch.parity_band_sentence(premium, inputs).replace("\u00a0", " ")
    takeaway = ch.model_takeaway(premium, rate_gap=-0.5, onshore_contacts_per_hour=12, offshore_contacts_per_hour=12,
                                 onshore_repeat_rate=0.15, offshore_repeat_rate=0.15)
    low, high = takeaway.findings["parity_low"].shown, takeaway.findings["parity_high"].shown
    assert f"ce seuil va de {low} à {high}".replace("\u00a0", " ") in sentence
    assert "de 7,5 à 22,5 % (hypothèse du livre)" in sentence


def test_the_debates_common_publication_is_named_once_not_after_each_summary():
    debate = ch.voices(load(), 2011)
    assert ch.common_publication(debate) == "Relation Client Magazine, 2009"
    regnier = next(v for v in debate if v.source == "jean_regnier")
    assert "(résumé du livre" not in ch.voice_line(regnier, source_said=True)
    assert "(résumé du livre, d'après Relation Client Magazine" in ch.voice_line(regnier).replace(chr(92), "")
    assert ch.common_publication([*debate[:1], replace(debate[1], published_in="La Tribune, 2009")]) == ""


def test_the_staff_split_between_province_and_ile_de_france_is_told():
    ds = load()
    own = ch.staff_places_text(ds, 2011).replace("\u00a0", " ")
    assert own.startswith("En 2011, {ref}`54 %") and "des salariés des outsourceurs travaillent en province" in own
    assert "{ref}`3 % <fig-2011-staff-share-ile-de-france-2011>` en Île-de-France." in own
    later = ch.staff_places_text(ds, 2024).replace("\u00a0", " ")
    # the year said names its own edition: no « (édition 2012) » after « En 2012, … » (editor40)
    assert later.startswith("En 2012,") and "travaillaient" in later and later.endswith("(dernier chiffre publié).")
    assert "édition" not in later
    assert ch.staff_places_text(ds, 2009).startswith("En 2005,")  # 2005's split, dated, in a later book


def test_the_staff_growth_after_the_split_of_the_same_year_does_not_repeat_the_year():
    ds = load()
    assert ch.new_jobs_text(ds, 2011, year_told="2011").startswith("Sur un an, les effectifs des outsourceurs progressent")
    assert ch.new_jobs_text(ds, 2011).startswith("En 2011, les effectifs")


def test_a_later_book_answers_the_article_s_question_with_the_latest_share(data_copy):
    """editor37: the 2024 chapter opened on 2024's +2 % in France, not on the shift it documents. A later book
    opens the section on the article's year against the latest one; the conclusion follows the data."""
    from conftest import set_value

    from barometre import load as load_data
    from barometre.chapters import offshore as chapter

    ds = load_data()
    assert chapter.article_answer(ds, 2008) == ""  # the article's own book tells its year itself
    text = chapter.article_answer(ds, 2024).replace("\u00a0", " ")
    assert text.startswith("En 2008, {ref}`80 % <fig-2008-france-revenue-share-market-2008>`")
    assert "en 2024, {ref}`46 % <" in text and "l’emporte depuis 2021" in text and "ordre de grandeur" in text
    assert chapter.article_answer(ds, 2011).replace("\u00a0", " ").endswith("la part de la France recule de 3 points.")
    # France back above half in 2024: no « l'emporte », the change in points
    set_value(data_copy, "france_revenue_share", "market", "2024", "85", edition=2024)
    changed = chapter.article_answer(load_data(data_copy), 2024)
    assert "l’emporte" not in changed and "la part de la France progresse de 5 points" in changed.replace("\u00a0", " ")


def test_the_takeaways_set_staff_against_revenue_and_leave_out_a_stale_figure():
    """editor37: the 2024 « À retenir » kept « Nouveaux emplois créés en province : 75 % (édition 2008) en 2008 »
    and lacked the offshore's share of staff against its share of revenue."""
    from barometre import load as load_data
    from barometre.chapters import offshore as chapter

    ds = load_data()
    line = chapter.staff_and_revenue_takeaway(chapter.staff_and_revenue(ds, 2024)).replace("\u00a0", " ")
    assert line.startswith("- En 2012, l'offshore employait {ref}`42 %") and line.endswith("du chiffre d'affaires.")
    assert "emploie" in chapter.staff_and_revenue_takeaway(chapter.staff_and_revenue(ds, 2011))
    province = ds.known("new_jobs_province_share", 2024, scope="province")
    assert chapter.stale(province, 2024) and not chapter.stale(province, 2009)


def test_the_synthesis_row_of_a_later_book_answers_the_article_s_question_first():
    """editor37: the 2024 offshore row did not say that France fell under half; it leads now. In the year it
    crosses, « en 2021 », not « depuis 2021 »."""
    from barometre import load as load_data
    from barometre.chapters import offshore as chapter

    ds = load_data()
    row = chapter.summary(ds, 2024).takeaway
    assert row.startswith("En 2008, {ref}`80") and "l’emporte depuis 2021" in row and "Croissance en 2024" in row
    assert "l’emporte en 2021" in chapter.summary(ds, 2021).takeaway
    assert not chapter.summary(ds, 2011).takeaway.startswith("En 2008,")  # the pair leads before the EY study


def test_the_production_sites_are_told_in_their_edition_s_book(data_copy):
    """editor37: the 2011 sites (33 % offshore, 30 % in 2010; −1 %; 378 positions a province site, 313 in 2010)
    were only in the table. Told in the edition's book, in the past two years on, left out later."""
    from conftest import set_value

    from barometre import load as load_data
    from barometre.chapters import offshore as chapter

    ds = load_data()
    text = chapter.sites_text(ds, 2011).replace("\u00a0", " ")
    assert text.startswith("En 2011, {ref}`33 %") and "le nombre de sites recule de {ref}`1 %" in text
    assert "comptent en moyenne {ref}`378" in text and "contre {ref}`313" in text
    assert "étaient à l'offshore" in chapter.sites_text(ds, 2012) and chapter.sites_text(ds, 2024) == ""
    set_value(data_copy, "sites_growth", "market", "2011", "2", edition=2011)
    assert "le nombre de sites progresse de" in chapter.sites_text(load_data(data_copy), 2011)


def test_a_split_of_the_staff_that_cannot_add_up_says_so(data_copy):
    """editor37/38: « 54 % … en province et 3 % en Île-de-France » with the offshore's 39 % make 96 %; the claims
    page calls it « incohérente », the chapter said nothing."""
    from conftest import set_value

    from barometre import load as load_data
    from barometre.chapters import offshore as chapter

    text = chapter.staff_places_text(load_data(), 2011)
    assert "ces parts ne font que 96\u00a0%" in text and "<claims>" in text
    assert "ces parts" not in chapter.staff_places_text(load_data(), 2012)  # 55 + 2 + 42: within rounding
    set_value(data_copy, "staff_share", "province", "2011", "58", edition=2011)
    assert "ces parts" not in chapter.staff_places_text(load_data(data_copy), 2011)


def test_a_region_s_share_of_france_leads_where_the_staff_works_newest_year_first(data_copy):
    """editor40: the 2024 section told 2012's province and Île-de-France and left 2019's Hauts-de-France (28 % of
    the positions) and 2014's (36 % of the staff) to « Depuis l'article ». In the past in a later book, in the
    present in the edition's own, absent before any edition publishes one."""
    from conftest import set_value

    from barometre import load as load_data

    ds = load_data()
    text = ch.regions_text(ds, 2024).replace("\u00a0", " ")
    assert text.startswith("En 2019, la région Hauts-de-France concentrait {ref}`28 %")
    assert "et {ref}`23 %" in text and "des sites de production ; en 2014, elle comptait {ref}`36 %" in text
    assert "édition" not in text  # each year said names its edition
    assert ch.regions_text(ds, 2019).startswith("En 2019, la région Hauts-de-France concentre")
    assert ch.regions_text(ds, 2014).replace("\u00a0", " ").startswith("En 2014, la région Hauts-de-France concentre {ref}`36 %")
    assert ch.regions_text(ds, 2011) == ""
    set_value(data_copy, "france_positions_share_by_region", "hauts_de_france", "2019", "31", edition=2019)
    assert "{ref}`31\u00a0%" in ch.regions_text(load_data(data_copy), 2024)


def test_after_the_article_s_answer_the_latest_share_of_france_is_not_told_again(data_copy):
    """editor40: the 2024 section said « en 2024, 46 % » in its first sentence and « est de 46 % en 2024, en baisse
    par rapport à 48,5 % en 2021 » three sentences on. After the answer, the previous share and the rest abroad;
    the direction from the data."""
    from conftest import set_value

    from barometre import load as load_data

    ds = load_data()
    share = ch.trend(ds, "france_revenue_share", 2024)
    text = ch.share_text(ds, 2024, share, answered=True).replace("\u00a0", " ")
    assert text.startswith("La part de la France était de {ref}`48,5 %")
    assert "depuis, la production hors de France gagne du terrain : en 2024, {ref}`54 %" in text
    assert "46 %" not in text
    plain = ch.share_text(ds, 2011, ch.trend(ds, "france_revenue_share", 2011)).replace("\u00a0", " ")
    assert plain.startswith("La part des activités réalisées en France dans le chiffre d’affaires du secteur est de {ref}`77 %")
    set_value(data_copy, "france_revenue_share", "market", "2024", "52", edition=2024)
    changed = load_data(data_copy)
    reversed_text = ch.share_text(changed, 2024, ch.trend(changed, "france_revenue_share", 2024), answered=True)
    assert "depuis, la France regagne du terrain" in reversed_text and "gagne du terrain :" not in reversed_text.replace(
        "regagne", "")


def test_the_model_s_testimonies_dated_by_their_sentence_carry_no_edition_note_in_a_later_book():
    """editor40: « La question posée par Olivier Carrot en 2009 porte sur un abonnement 25 % (édition 2008) plus
    cher », « inférieur de 50 % (édition 2008), le chiffre cité par Frédéric Jousset en 2009 ». The 2009 book keeps
    the note: its own edition does not publish these figures."""
    ds = load()
    args = dict(rate_gap=-1, onshore_contacts_per_hour=12.0, offshore_contacts_per_hour=12.0,
                onshore_repeat_rate=0.15, offshore_repeat_rate=0.15)
    later, _ = ch.model_setup(ds, 2024, **args)
    text = ch.model_text(later, 0.1).replace("\u00a0", " ")
    question, hypotheses = text.split("\n\n")[:2]
    assert "Olivier Carrot en 2009" in question and "édition" not in question
    assert "Frédéric Jousset en 2009" in hypotheses and "édition" not in hypotheses
    own, _ = ch.model_setup(ds, 2009, **args)
    assert "(édition 2008)" in ch.model_text(own, 0.1).replace("\u00a0", " ").split("\n\n")[0]


def test_the_synthesis_row_says_the_year_once_when_the_staff_moves_in_the_growth_s_year():
    """editor40/42: « En 2011, l'offshore croît plus vite … ; effectifs +16 % en province, −19 % en Île-de-France en
    2011 »."""
    row = re.sub(r"<[^>]*>", "", ch.summary(load(), 2011).takeaway)  # the links' targets aside
    assert row.startswith("En 2011,") and row.count("2011") == 1 and "Île-de-France" in row


def test_the_newest_pair_of_positions_and_revenue_is_told_after_the_staff_pair(data_copy):
    """editor43: the 2024 page said no share of revenue is published after 2014, while 2016 gives France about half
    the positions for 66 % of the revenue: the newest pair of the debate. Told after the last pair told, in the
    past in a later book; the words after « hors de France » from the two complements."""
    from conftest import set_value

    ds = load()
    text = ch.positions_and_revenue_sentence(ds, 2024, ds.known("staff_share", 2024, scope="offshore"))
    text = text.replace("\u00a0", " ")
    assert text.startswith("En 2016, selon l'étude d'EY pour le SP2C, la France concentrait {ref}`environ 50 %")
    assert "hors de France, environ 50 % des positions n’en réalisaient que 34 % (calcul du livre)." in text
    assert ch.positions_and_revenue_sentence(ds, 2014, None) == ""
    assert ch.positions_and_revenue_sentence(ds, 2024, ds.known("france_revenue_share", 2024)) == ""  # not newer
    set_value(data_copy, "france_revenue_share", "market", "2016", "40", edition=2016)
    changed = ch.positions_and_revenue_sentence(load(data_copy), 2024, None).replace("\u00a0", " ")
    assert "hors de France, environ 50 % des positions en réalisaient 60 %" in changed
