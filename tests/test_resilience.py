"""The payback model of outsourcing and the resilience chapter's charts."""

from __future__ import annotations

import math

import pytest
from conftest import set_value
from executed import execute_chapter, markdown

from barometre import load
from barometre.chapters import resilience as ch
from barometre.models import resilience as model
from barometre.narrative import mentions


def test_no_salary_gap_and_no_margin_saves_nothing():
    assert model.running_saving_rate(0, 0.69, 0) == pytest.approx(0)


def test_the_saving_rate_follows_the_labour_share_and_the_salary_gap():
    # labour 69 % paid 65 % less expensively, other costs equal, 10 % margin
    expected = 1 - (0.69 / 1.65 + 0.31) * 1.10
    assert model.running_saving_rate(0.65, 0.69, 0.10) == pytest.approx(expected)
    assert model.running_saving_rate(0.70, 0.69, 0.10) > model.running_saving_rate(0.60, 0.69, 0.10)


def test_break_even_is_the_transition_cost_over_the_monthly_saving():
    assert model.breakeven_months(4.8, 0.2) == pytest.approx(24)
    assert model.breakeven_months(0, 0.2) == 0
    assert model.breakeven_months(3, 0) == math.inf
    assert model.breakeven_months(3, -0.1) == math.inf


def test_two_years_imply_a_transition_cost_that_breaks_even_in_two_years():
    rate = model.running_saving_rate(0.65, 0.69, 0.10)
    cost = model.implied_transition_cost(24, rate)
    assert model.breakeven_months(cost, rate) == pytest.approx(24)


def test_a_larger_gap_breaks_even_sooner_and_a_larger_cost_later():
    grid = model.breakeven_grid([0.6, 0.7], [4, 8], labour_share=0.69, provider_margin=0.1)
    at = {(r.salary_premium, r.transition_cost_months): r.breakeven_months for r in grid.itertuples()}
    assert at[(0.7, 4)] < at[(0.6, 4)]
    assert at[(0.6, 8)] == pytest.approx(2 * at[(0.6, 4)])


def test_cumulative_savings_cross_zero_at_break_even():
    inputs = model.PaybackInputs(0.65, 0.69, 0.10, 4.0)
    curve = model.cumulative_savings(inputs, range(0, 61))
    months = model.payback(inputs)
    assert curve.loc[0, "net_saving"] == -4.0
    first_positive = curve[curve["net_saving"] >= 0]["month"].min()
    assert first_positive == math.ceil(months)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"salary_premium": -1.5}, "salary_premium must be > -1"),
        ({"labour_share": 1.2}, "labour_share must be between 0 and 1"),
        ({"provider_margin": float("nan")}, "provider_margin must be > -1"),
        ({"transition_cost_months": -3}, "transition_cost_months must be a finite number ≥ 0"),
    ],
)
def test_invalid_inputs_are_refused_with_a_clear_message(kwargs, message):
    args = {"salary_premium": 0.65, "labour_share": 0.69, "provider_margin": 0.1, "transition_cost_months": 4.0}
    with pytest.raises(ValueError, match=message):
        model.PaybackInputs(**{**args, **kwargs})


def test_an_impossible_break_even_is_refused():
    with pytest.raises(ValueError, match="positive number of months"):
        model.implied_transition_cost(0, 0.2)
    with pytest.raises(ValueError, match="no running saving"):
        model.implied_transition_cost(24, 0)


def test_every_resilience_chart_validates_against_the_vega_lite_schema():
    ds = load()
    table, figs = ch.growth_table(ds, 2008)
    premium = ds.figure("inhouse_salary_premium", 2008)
    charts = [
        ch.growth_chart(table, figs, 2008),
        ch.market_share_chart(ds.figure("outsourced_market_share", 2008)),
        ch.sectors_chart(ch.sector_events(ds, 2008), "Source"),
        ch.premium_chart(premium, ds.figure("cost_savings_demanded", 2008, scope="before"),
                         ds.figure("cost_savings_demanded", 2008, scope="now")),
        ch.payback_chart(ch.payback_curves(premium, 0.69, 0.1, 4.0), 24.0, [premium]),
        ch.breakeven_heatmap(model.breakeven_grid([0.6, 0.7], [4, 8], labour_share=0.69, provider_margin=0.1),
                             [premium]),
    ]
    for chart in charts:
        chart.chart.to_dict()  # validates against the schema
        assert chart.title and chart.description and chart.source


def test_the_growth_table_holds_every_published_year_and_the_forecast():
    ds = load()
    table, _ = ch.growth_table(ds, 2008)
    years = list(table["année"])
    assert years == sorted(years) and years[-3:] == ["2007", "2008", "2009"]
    known = set(ds.series("revenue_growth", scope="market", upto=2008)["period"])
    assert set(years[:-1]) == known  # every year the editions up to 2008 publish, no other
    assert table["type"].iloc[-1].startswith("Prévision")


def test_the_growth_title_follows_the_data():
    import pandas as pd

    def title(*values):
        return ch.growth_title(pd.DataFrame({"année": [str(2006 + i) for i in range(len(values))],
                                             "croissance": list(values), "type": "Réalisé (baromètre)"}))

    assert title(13, 15) == "La croissance des outsourceurs accélère en 2007"
    assert title(15, 4.2) == "La croissance des outsourceurs ralentit en 2007"
    assert title(15, -2) == "L'activité des outsourceurs recule en 2007"
    # no trend to tell (one measured year, or the last two across a break): the years the bars cover, never « en
    # 2019 » over a chart of fifteen years (printed46)
    assert title(13) == "Croissance du chiffre d'affaires des outsourceurs en 2006"
    table = pd.DataFrame({"année": ["2006", "2007", "2008"], "croissance": [13, 15, 4.2],
                          "type": "Réalisé (baromètre)", "rupture": ["", "", "rupture"]})
    assert ch.growth_title(table) == "Croissance annuelle du chiffre d'affaires des outsourceurs, de 2006 à 2008"


def test_a_forecast_bound_is_a_pale_bar_with_an_arrow_not_a_solid_bar_at_the_bound():
    ds = load()
    table, figs = ch.growth_table(ds, 2008)
    forecast = table[table["type"] == "Prévision"].iloc[0]
    assert forecast["texte"].startswith("au moins") and forecast["borne"] == 1
    assert forecast["flèche"] > forecast["fin"] and "borne basse" in forecast["lecture"]
    spec = ch.growth_chart(table, figs, 2008).spec
    layers = spec["layer"]
    bar = next(la for la in layers if la["mark"]["type"] == "bar")
    assert bar["encoding"]["opacity"]["condition"]["test"] == "datum.borne != 0"
    assert any(la["mark"].get("shape") == "triangle-up" for la in layers)
    assert "flèche" in ch.growth_chart(table, figs, 2008).description


def test_the_cost_argument_puts_the_salary_gap_and_the_savings_on_separate_axes_and_draws_the_range_as_a_bar():
    ds = load()
    out = ch.premium_chart(ds.known("inhouse_salary_premium", 2008),
                           ds.known("cost_savings_demanded", 2008, scope="before"),
                           ds.known("cost_savings_demanded", 2008, scope="now"))
    panels = out.spec["vconcat"]
    assert len(panels) == 2
    titles = [next(la["encoding"]["x"]["title"] for la in p["layer"] if la.get("encoding", {}).get("x", {}).get("title"))
              for p in panels]
    assert titles == [ch.PREMIUM_AXES["écart"], ch.PREMIUM_AXES["économies"]]
    dots = [la for la in panels[0]["layer"] if la.get("mark", {}).get("type") == "point" and la["mark"].get("filled")
            and "shape" not in la["mark"]]
    assert dots and all("datum.bas == datum.haut" in t["filter"] for la in dots for t in la["transform"])


@pytest.mark.slow
@pytest.mark.parametrize(("before", "now", "said", "not_said"), [
    ("5", "30", "une exigence multipliée par six", "divisée"),
    ("30", "5", "une exigence divisée par six", "multipliée"),
])
def test_the_savings_demanded_of_clients_read_in_the_direction_the_data_give(data_copy, tmp_path, before, now, said,
                                                                                not_said):
    set_value(data_copy, "cost_savings_demanded", "before", "2009", before)
    set_value(data_copy, "cost_savings_demanded", "now", "2009", now)
    text = " ".join(markdown(execute_chapter(tmp_path, "resilience", before, edition=2008,
                                             data_dir=str(data_copy))).split())
    assert said in text and not_said not in text
    assert "devaient réaliser" in text and "d'économies, là où on leur en demandait auparavant" in text
    assert "ils doivent en réaliser" not in text  # the figure is said once, not quoted again
    # the model's saving is a range over the cited salary gap, told as one (« va de 16 à 18,5 % »), and its
    # middle is named as such (it read « Une économie de 17,3 % » and « au milieu de l'écart de salaire »)
    assert "L'économie de fonctionnement va de " in text and "Au milieu de la fourchette, " in text
    assert "au milieu de l'écart de salaire" not in text and "pris au milieu de la fourchette citée" in text


def test_the_growth_legend_lists_only_the_kinds_of_bars_drawn():
    ds = load()
    # 2011 forecasts a fall for 2012 with no number (« s'attend à une régression »): a forecast bar too
    for edition, kinds in ((2008, ["Réalisé (baromètre)", "Prévision"]), (2010, ["Réalisé (baromètre)"]),
                           (2011, ["Réalisé (baromètre)", "Prévision"])):
        table, figs = ch.growth_table(ds, edition)
        assert sorted(set(table["type"])) == sorted(kinds)
        layer = ch.growth_chart(table, figs, edition).spec["layer"][0]
        assert layer["encoding"]["color"]["scale"]["domain"] == kinds


def test_a_range_of_the_outsourced_share_is_not_cut_at_its_middle():
    share = load().figure("outsourced_market_share", 2011)
    assert share.is_range
    rows = {r["mode"]: (r["début"], r["fin"]) for r in ch.market_share_chart(share).data.to_dict("records")}
    assert rows["Centres externalisés"] == (0.0, share.low)
    assert rows[ch.SHARE_BAND] == (share.low, share.high)
    assert rows["Services clients internes"] == (share.high, 100.0)
    assert all(share.central not in ends for ends in rows.values())
    import vl_convert as vlc  # the legend names the pale part in full (it was cut to « Zone d'incertitude (four… »)

    svg = vlc.vegalite_to_svg(ch.market_share_chart(share).web_spec())
    assert f">{ch.SHARE_BAND}<" in svg.replace("&apos;", "'").replace("&#39;", "'")


def test_the_sector_timeline_spaces_years_by_time():
    import re

    import vl_convert as vlc

    ds = load()
    events = ch.sector_events(ds, 2011)
    assert sorted(set(events["année"])) == [2006, 2007, 2009]
    svg = vlc.vegalite_to_svg(ch.sectors_chart(events, "S").web_spec())
    xs = {}
    for label, x in re.findall(r'aria-label="([^"]*)"[^>]*aria-roledescription="point" transform="translate\(([\d.]+),', svg):
        xs[int(re.search(r"année: (\d{4})", label).group(1))] = float(x)
    assert abs((xs[2009] - xs[2007]) - 2 * (xs[2007] - xs[2006])) < 1


def test_a_growth_value_at_the_plots_end_stays_clear_of_the_y_axis_on_a_phone():
    import itertools
    import re

    import vl_convert as vlc

    ds = load()
    # 2010 draws seven years side by side (from nine years on, the bars lie across: see the next test)
    table, figs = ch.growth_table(ds, 2010)
    assert len(table) < ch.GROWTH_ACROSS_FROM
    spec = ch.growth_chart(table, figs, 2010).web_spec()
    spec["width"] = 328  # the chart's box on a 360 px screen (fitted: axes included)
    svg = vlc.vegalite_to_svg(spec)
    labels = re.findall(r'text-anchor="middle" transform="translate\(([\d.]+),[\d.]+\)"[^>]*>([^<]*%)</text>', svg)
    assert labels
    # DejaVu Sans at 11 px: about 0,62 em a character; the y axis stands off the plot's left edge (x = 0)
    axis = -ch.GROWTH_AXIS_OFFSET
    assert all(float(x) - len(text) * 11 * 0.62 / 2 >= axis + 4 for x, text in labels), labels
    # and the years under the bars keep a gap between them (« 2004 » is about 2,5 em wide)
    years = [float(x) for x, _ in re.findall(r'translate\(([\d.]+),[\d.]+\)"[^>]*>(20\d\d)</text>', svg)]
    assert len(years) == len(table) and min(b - a for a, b in itertools.pairwise(years)) >= ch.GROWTH_YEAR_SIZE * 2.5 + 3


def test_a_long_growth_series_lies_across_so_its_years_and_values_fit_a_phone():
    """The 2024 book has thirteen years of growth: side by side on a phone, « 2004 2005 … » and the values above
    the bars ran into each other. From nine years on the bars lie across, one year a row: each year's label
    and each value has its own line."""
    import itertools
    import re

    import vl_convert as vlc

    table, figs = ch.growth_table(load(), 2024)
    assert len(table) >= ch.GROWTH_ACROSS_FROM
    spec = ch.growth_chart(table, figs, 2024).web_spec()
    spec["width"] = 328
    svg = vlc.vegalite_to_svg(spec)
    years = [float(y) for y, _ in re.findall(r'translate\(-?[\d.]+,([\d.]+)\)"[^>]*>(20\d\d)</text>', svg)]
    assert len(years) == len(table) and min(b - a for a, b in itertools.pairwise(years)) >= 14
    values = re.findall(r'translate\(([\d.]+),([\d.]+)\)"[^>]*>([^<]*%)</text>', svg)
    rows = sorted(float(y) for _, y, _ in values)
    assert len(values) >= len(table) - 1 and min(b - a for a, b in itertools.pairwise(rows)) >= 14


def test_the_breakeven_grid_writes_its_gaps_level_on_a_phone():
    import itertools
    import re

    import vl_convert as vlc

    gaps = [g / 10 for g in range(2, 11)]
    grid = model.breakeven_grid(gaps, [2.1, 4.2, 6.2, 8.3, 12.5], labour_share=0.69, provider_margin=0.1)
    spec = ch.breakeven_heatmap(grid, []).web_spec()
    spec["width"] = 328  # the chart's box on a 360 px screen
    svg = vlc.vegalite_to_svg(spec)
    axis = next(group for group in re.findall(r'<g class="mark-text role-axis-label"[^>]*>(.*?)</g>', svg)
                if ">100<" in group)
    shown = re.findall(r'transform="([^"]*)"[^>]*opacity="1"[^>]*>([^<]+)</text>', axis)
    assert len(shown) >= 4 and not any("rotate" in t for t, _ in shown), shown
    xs = [float(re.search(r"translate\(([\d.]+)", t).group(1)) for t, _ in shown]
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 3 * 12 * 0.64 + 4  # « 100 » and a gap


@pytest.mark.parametrize(("qualifier", "solid_to", "pale"), [("more_than", 25.0, (25.0, 100.0)),
                                                               ("less_than", None, (0.0, 25.0))])
def test_a_bound_of_the_outsourced_share_is_drawn_as_a_bound(qualifier, solid_to, pale):
    """« plus de 25 % » was drawn as a bar ending at 25 and in-house services from there: a value."""
    from dataclasses import replace

    share = replace(load().figure("outsourced_market_share", 2008), qualifier=qualifier)
    rows = {r["mode"]: (r["début"], r["fin"]) for r in ch.market_share_chart(share).data.to_dict("records")}
    assert rows[ch.SHARE_BOUND] == pale
    if solid_to is None:
        assert "Centres externalisés" not in rows and rows["Services clients internes"] == (25.0, 100.0)
    else:
        assert rows["Centres externalisés"] == (0.0, solid_to) and "Services clients internes" not in rows


def test_the_energy_market_is_opened_to_outsourcing_by_the_suppliers_the_article_names():
    """The list read « Juillet 2007 : marché de l'énergie — État (France) »: the article names no one for the
    opening, but says who outsourced (Direct Energie and Poweo from the start, GDF through a provider)."""
    events = ch.sector_events(load(), 2011)
    actors = dict(zip(events["target"], events["actor"], strict=True))
    assert actors["marché de l'énergie"] == "Direct Energie, Poweo et GDF"
    assert "État (France)" not in actors.values()


def test_the_breakeven_heatmap_caption_does_not_say_augmente_twice():
    grid = model.breakeven_grid([0.6, 0.7], [4, 8], labour_share=0.69, provider_margin=0.1)
    text = ch.breakeven_heatmap(grid, []).description
    assert "l'écart de salaire se creuse et s'allonge avec le coût de transition" in text
    assert text.count("augmente") == 0


def test_the_cost_argument_chart_dates_the_articles_today():
    ds = load()
    out = ch.premium_chart(ds.known("inhouse_salary_premium", 2011), ds.known("cost_savings_demanded", 2011, scope="before"),
                           ds.known("cost_savings_demanded", 2011, scope="now"))
    assert "30\u00a0% en 2009." in out.description and "aujourd'hui" not in out.description


def test_the_text_gives_the_band_of_margins_the_takeaway_line_uses():
    """The 2011 text gave the saving at the book's 10 % margin (« va de 16 à 18,5 % ») and the « À retenir »
    line another range (« 12,2 à 22,2 % ») over margins of 5 to 15 % the text never named: the text now
    gives that band too, computed by the same function."""
    ds = load()
    premium = ds.known("inhouse_salary_premium", 2011)
    sentence = ch.margin_sensitivity(premium, 0.63, 0.10)
    line = ch.payback_takeaway(premium, labour_share=0.63, provider_margin=0.10).text
    assert sentence.startswith(" Avec une marge du prestataire de 5 à 15\u00a0% au lieu de 10\u00a0%, elle irait de ")
    band = sentence.split("elle irait de ")[1].split(" :")[0]
    assert f"économise {band} du coût interne" in line, (band, line)
    assert ch.margin_sensitivity(premium, 0.63, 0.95) == ""  # no saving left at any margin of the band


def test_the_jobs_cut_in_2012_and_2013_are_told_in_the_text_once_an_edition_publishes_them():
    """« Emplois supprimés (France) : 2012 4 000, 2013 4 000 » was only in a chart's caption (editors, stops 31
    and 32): the sector's first contraction is told in the growth section, with the sites closed."""
    ds = load()
    assert ch.contraction_sentence(ds, 2011) == ""
    text = mentions.full(ch.contraction_sentence(ds, ds.latest))
    cut = [f for f in ds.figures(2013, "jobs_destroyed") if f.period == "2013"]
    # 2012's count is Laurent Uberti's (to LeMagIT), 2013's the barometer's: each is said by its source, each year
    # once, with the barometer's fall of staff in France in 2012 (editor39/40)
    assert text.startswith("En 2012, Laurent Uberti") and "a chiffré à" in text
    assert "où le baromètre a mesuré un recul des effectifs de {ref}`7" in text
    assert " ; en 2013, selon le baromètre, " in text and text.count("en 2013") == 1
    assert any(f.anchor in text for f in cut) and "sites ont fermé" in text


@pytest.mark.parametrize("edition", [2008, 2011, 2024])
def test_the_model_s_takeaway_is_one_short_line(edition):
    """editor37: the model's « À retenir » bullet ran to about 600 characters (the salary gap, the band of margins,
    the cited break-even twice). The band and the gap are in the chapter's text; the line keeps the result."""
    import re

    ds = load()
    line = ch.payback_takeaway(ds.known("inhouse_salary_premium", edition), labour_share=0.63, provider_margin=0.10,
                               breakeven=ds.known("outsourcing_breakeven_years", edition),
                               savings_demanded=ds.known("cost_savings_demanded", edition, scope="now")).text
    shown = re.sub(r"\{ref\}`([^<]*) <[^>]*>`", r"\1", line)
    assert len(shown) < 380, (len(shown), shown)


def test_the_takeaways_give_the_edition_s_outlook_and_a_person_s_average_in_her_words():
    """editor37: the 2011 « À retenir » omitted the edition's outlook (a fall for 2012); the 2024 one gave « entre
    2017 et 2024 », the book's dates for Caroline Adam's « sur les 7 à 8 dernières années », without her slowdown."""
    ds = load()
    y2011 = ch.takeaways_text(ch.facts(ds, 2011)).split("\n")
    assert any(line.startswith("- Prévision pour 2012 : {ref}`un recul") for line in y2011)
    y2008 = ch.takeaways_text(ch.facts(ds, 2008)).split("\n")
    assert sum(line.startswith("- Prévision pour 2009") for line in y2008) == 1  # one source, not three rows
    y2024 = ch.takeaways_text(ch.facts(ds, 2024)).split("\n")
    text = " ".join(y2024).replace("\u00a0", " ")
    assert "« sur les 7 à 8 dernières années », selon Caroline Adam" in text and "ralentissement en 2024" in text
    assert "entre 2017 et 2024" not in text and "pour 2025, selon Caroline Adam" in text


def test_the_sector_s_weight_in_gdp_is_told_in_the_edition_that_gives_it(data_copy):
    """editor37: « Poids du secteur dans le PIB | 0,12 % » was in the 2024 table and in no sentence."""
    ds = load()
    text = ch.weight_sentence(ds, 2024).replace("\u00a0", " ")
    # the size first, its weight after (editor39: « pèse 0,12 % du PIB français (3 560 M€) »)
    assert text.startswith("En 2024, le marché de la relation client externalisée pèse {ref}`3\u202f560 M€")
    assert text.endswith(", soit {ref}`0,12 % <fig-2024-gdp-share-market-2024>` du PIB français.")
    assert ch.weight_sentence(ds, 2011) == ""
    set_value(data_copy, "gdp_share", "market", "2024", "0.2", edition=2024)
    assert "{ref}`0,2" in ch.weight_sentence(load(data_copy), 2024)


def test_the_synthesis_row_ends_on_the_edition_s_own_outlook():
    """editor38: the 2011 résilience row left out the 2012 outlook its « À retenir » gives."""
    ds = load()
    assert ch.summary(ds, 2011).takeaway.endswith("Prévision pour 2012 : {ref}`un recul <fig-2011-revenue-growth-"
                                                   "forecast-market-2012>` du chiffre d’affaires.")
    assert "Prévision" not in ch.summary(ds, 2013).takeaway  # no forecast published with 2013


def test_the_growth_sentence_gives_the_market_s_size_that_year():
    """editor38: the 2011 story's 2 240 M€ was left to the table."""
    ds = load()
    growth = ds.known("revenue_growth", 2011, scope="market")
    size = ds.known("market_revenue", 2011, period="2011")
    text = ch.growth_sentence(growth, None, size).replace("\u202f", " ").replace("\u00a0", " ")
    assert "a progressé de {ref}`10,1 %" in text and text.endswith(" Le chiffre d'affaires du secteur s'établit à "
                                                                   "{ref}`2 240 M€ <fig-2011-market-revenue-market-2011>`.")
    other = ds.known("market_revenue", 2011, period="2010")
    assert "s'établit" not in ch.growth_sentence(growth, None, other)  # another year's size is not this year's
    late = ds.known("revenue_growth", 2021, scope="market")  # 2019's, in the 2021 book: in the past
    assert "s'établissait à" in ch.growth_sentence(late, None, ds.known("market_revenue", 2021, period=late.period))


def test_the_editions_verdict_and_outlook_are_told_with_its_growth_and_not_listed_again():
    """editor39: the 2011 continuity (« Globalement 2011 demeure dans la continuité … ») and the announced regression
    lived only in a list of quotes; told with the growth, they leave the list, and no other chapter's quote comes in."""
    from test_lead import plain

    from barometre import load
    from barometre.chapters import resilience as ch

    ds = load()
    told = ch.growth_voices(ds, 2011, ds.known("revenue_growth", 2011, scope="market"))
    text = plain(told.text)
    assert text.index("Globalement 2011 demeure") < text.index("Pour 2012") < text.index("arrivée de Free")
    assert "01net" not in text  # the offshore chapter's words
    # his other words on 2012 follow his (editor40: « transition » listed, « rupture » told, one screen apart)
    assert text.index("arrivée de Free") < text.index("il parle aussi d’« une année de transition » pour 2012")
    listed = {q.quote_id for q in ds.quotes(2011, "resilience")} - told.quote_ids
    assert not any("Globalement 2011" in q.quote or "arrivée de Free […]" in q.quote
                   for q in ds.quotes(2011, "resilience") if q.quote_id in listed)
    # an older edition's growth (2011's, as known in the 2012 book): its verdict and outlook are history, not told
    older = ds.known("revenue_growth", 2012, scope="market", period="2011")
    assert older is not None and older.from_older_edition
    assert ch.growth_voices(ds, 2012, older) == ch.GrowthVoices("", frozenset())


def test_the_takeaways_give_the_markets_size_and_every_published_fall_chosen_by_the_data(data_copy):
    """editor39: the 2024 « À retenir » gave 2009's salary gap, not the market's size nor its one fall (2013)."""
    from conftest import set_value
    from test_lead import plain

    from barometre import load
    from barometre.chapters import resilience as ch

    line = plain(ch.size_takeaway(load(data_copy), 2024))
    assert line.startswith("- Chiffre d’affaires du secteur en 2024 : 3 560 M€ (0,12 % du PIB)")
    assert line.endswith("seul recul publié de l’ensemble du secteur : −1,7 % en 2013.")
    assert "recul" not in ch.size_takeaway(load(data_copy), 2012)  # before 2013's fall
    set_value(data_copy, "revenue_growth", "market", "2011", "-2", edition=2011)  # a reversed year
    both = plain(ch.size_takeaway(load(data_copy), 2024))
    assert "reculs publiés de l’ensemble du secteur : −2 % en 2011 et −1,7 % en 2013" in both
    assert ch.size_takeaway(load(data_copy), 2021) == ""  # no size of its own that year


def test_a_speaker_s_two_words_for_the_next_year_are_told_as_his_two_words():
    """editors 40 to 43: « 2012 est une année de rupture … », then « Il dit aussi : « 2012 est une année de
    transition … » », side by side unreconciled. The second is his other word for the year, in its publication."""
    from barometre import load
    from barometre.chapters import resilience as chapter

    ds = load()
    text = chapter.growth_voices(ds, 2011, ds.known("revenue_growth", 2011)).text.replace("\u00a0", " ")
    assert ("Dans Mission Relation Client, il parle aussi d’« une année de transition » pour 2012, « liée à des "
            "évolutions conjoncturelles") in text
    assert text.count("année de transition") == 1  # his words not quoted twice (editor44)
    assert "Il dit aussi" not in text
    assert chapter.other_words(ds, next(q for q in ds.quotes(2011, "resilience") if "transition" in q.quote),
                               {}).startswith("Il dit aussi : ")
