"""Explorable models: the formula the page computes is the tested Python model's."""

from __future__ import annotations

import pandas as pd
import pytest

from barometre import explorers
from barometre.models import offshore as offshore_model
from barometre.models import prices as prices_model
from barometre.models import value as value_model


def evaluate(expression: str, **names) -> float:
    """Evaluate a Vega expression made of arithmetic, max() and pow() in Python."""
    python = expression.replace("datum.", "")
    return eval(python, {"__builtins__": {}, "max": max, "pow": pow}, names)


@pytest.mark.parametrize("r", [0.4, 0.6, 0.75, 0.9, 1.0])
def test_the_value_explorer_computes_the_pricing_model(r):
    inputs = value_model.PricingInputs(price_per_call=1.0, cost_per_call=0.0, target_rate=0.75, bonus_per_point=0.02)
    for scheme, expression in explorers.value_expressions("objectif", "bonus").items():
        page = evaluate(expression, r=r, objectif=0.75, bonus=0.02)
        assert page == pytest.approx(value_model.revenue(scheme, inputs, r)), scheme


@pytest.mark.parametrize("repeat", [0.0, 0.15, 0.5])
def test_the_offshore_explorer_computes_the_cost_model(repeat):
    calc = explorers.offshore_expressions("ecart", "productivite", "rappels_france")
    names = {"repeat": repeat, "ecart": -0.5, "productivite": 0.8, "rappels_france": 0.15}
    assert evaluate(calc["France"], **names) == pytest.approx(offshore_model.cost_per_resolved_request(100, 1, 0.15))
    assert evaluate(calc["Offshore"], **names) == pytest.approx(
        offshore_model.cost_per_resolved_request(offshore_model.offshore_hourly_cost(100, -0.5), 0.8, repeat)
    )


def test_the_prices_explorer_computes_the_margin_model():
    expression = explorers.margin_expression("m", "0.69", "g")
    inputs = prices_model.MarginInputs(0.08, 0.69, 0.03)
    for w, c, p, n in [(1.0, 1.0, 1.0, 0), (1.36, 1.16, 0.925, 8)]:
        page = evaluate(expression, m=0.08, g=0.03, wage_factor=w, cpi_factor=c, price_factor=p, years=n)
        assert page == pytest.approx(prices_model.margin(inputs, w, c, p, n) * 100)


def test_explorers_are_valid_charts_with_sliders_at_the_notebook_defaults():
    factors = pd.DataFrame({"year": [2000, 2008], "years": [0, 8], "wage_factor": [1, 1.36], "cpi_factor": [1, 1.16],
                            "price_factor_low": [1, 0.9], "price_factor_high": [1, 0.95]})
    for out in (
        explorers.value_explorer(0.75, 0.02, source="S"),
        explorers.offshore_explorer(-0.5, 1.0, 0.15, source="S"),
        explorers.prices_explorer(factors, 0.08, 0.69, 0.0, source="S"),
    ):
        spec = out.chart.to_dict()  # validates against the Vega-Lite schema
        params = {p["name"]: p for p in spec["params"]}
        assert all("bind" in p for p in params.values())
        assert out.interactive_note and out.csv()
    assert {p["name"]: p["value"] for p in explorers.value_explorer(0.7, 0.01, source="S").spec["params"]} == {
        "objectif": 0.7, "bonus": 0.01}


def test_a_default_outside_the_slider_range_is_refused():
    with pytest.raises(ValueError, match="must lie between"):
        explorers.value_explorer(0.2, 0.02, source="S")


def _colour_scale(spec: dict) -> dict:
    return spec["encoding"]["color"]["scale"]


def test_the_value_explorer_gives_each_contract_the_static_charts_colour():
    from barometre.chapters.value import SCHEME_COLOURS, SCHEME_LABELS

    scale = _colour_scale(explorers.value_explorer(0.75, 0.02, source="S").chart.to_dict())
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == dict(
        zip(SCHEME_LABELS.values(), SCHEME_COLOURS, strict=True))


def test_no_explorer_clamps_its_axis_to_a_fixed_domain():
    out = explorers.offshore_explorer(-0.5, 1.0, 0.15, source="S")
    y = out.chart.to_dict()["encoding"]["y"]["scale"]
    assert "domain" not in y and not y.get("clamp")


def test_every_slider_is_written_as_a_french_percent_in_the_page():
    out = explorers.offshore_explorer(-0.5, 1.0, 0.15, source="S")
    assert out.sliders == {"ecart": "percent", "productivite": "percent", "rappels_france": "percent"}
    assert 'data-sliders="' in out.html() and 'id="controls-offshore-explorer"' in out.html()
    assert explorers.slider_text(-0.5) == "\u221250\u00a0%"
    assert explorers.slider_text(0.08) == "8\u00a0%"


def test_the_offshore_explorer_widens_its_sliders_to_the_datas_own_values():
    """An edition where offshore's hourly rate is above France's (a gap above 0, reversed data) keeps its chapter:
    the slider starts at the data's gap and its range holds it (it stopped the chapter before, stop 39)."""
    out = explorers.offshore_explorer(0.5, 1.8, 0.7, source="S")
    bound = {p["name"]: (p["value"], p["bind"]["min"], p["bind"]["max"]) for p in out.chart.to_dict()["params"]}
    assert bound["ecart"] == (0.5, -0.8, 0.5)
    assert bound["productivite"] == (1.8, 0.5, 1.8) and bound["rappels_france"] == (0.7, 0.0, 0.7)
    usual = {p["name"]: (p["bind"]["min"], p["bind"]["max"])
             for p in explorers.offshore_explorer(-0.5, 1.0, 0.15, source="S").chart.to_dict()["params"]}
    assert usual == {"ecart": (-0.8, 0.0), "productivite": (0.5, 1.5), "rappels_france": (0.0, 0.6)}
