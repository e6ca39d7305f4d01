"""No « À retenir » states a model's input as its result.

Each model's « À retenir » line is built by a function of the chapter; the audit
(``barometre.models.findings.audit``) perturbs every assumption of the model (×0.5 and ×1.5)
and fails when a number shown as a result is pinned by a calibration, equals what the cited
inputs give on their own, is a band that always holds the calibration target, or is a
reductio (outside what the quantity can be). Résilience, offshore, prices and value are
audited; the jobs target of the partnership chapter is a required growth (an inverse question)
and is not. Each test also builds the line the chapter used to show, a deliberately circular
variant, and checks that the audit rejects it: the audit can fail.
"""

from __future__ import annotations

import functools

import pytest

from barometre import formatting as fr
from barometre import load
from barometre.chapters import offshore as offshore_ch
from barometre.chapters import prices as prices_ch
from barometre.chapters import resilience as resilience_ch
from barometre.chapters import value as value_ch
from barometre.models import offshore as offshore_model
from barometre.models import prices as prices_model
from barometre.models import resilience as resilience_model
from barometre.models.findings import Finding, Takeaway, audit

EDITIONS = (2008, 2011)


# --------------------------------------------------------------------------- the audit itself


def _line(**params) -> Takeaway:
    x, y = params["x"], params["y"]
    return Takeaway(f"x + y = {x + y:g}, cible = 24", {"sum": Finding(x + y, f"{x + y:g}")})


def test_the_audit_passes_a_result_that_moves_with_its_assumptions():
    assert audit(_line, {"x": 1.0, "y": 2.0}, ["x", "y"]) == []


def test_the_audit_rejects_a_result_no_assumption_moves():
    def pinned(**params):
        return Takeaway("point mort : 24 mois", {"months": Finding(24.0, "24")})

    problems = audit(pinned, {"x": 1.0}, ["x"])
    assert len(problems) == 1 and "calibrated" in problems[0]


def test_the_audit_rejects_a_result_equal_to_a_restated_input_a_reductio_and_a_hidden_number():
    assert any("restates" in p for p in audit(_line, {"x": 1.0, "y": 2.0}, ["x"], restatements={"gap": 3.0}))

    def reductio(**params):
        return Takeaway(f"marge : {params['x'] - 2:g}", {"margin": Finding(params["x"] - 2, f"{params['x'] - 2:g}",
                                                                            (0, 1))})

    assert any("reductio" in p for p in audit(reductio, {"x": 1.0}, ["x"]))

    def hidden(**params):
        return Takeaway("rien", {"sum": Finding(params["x"], "1")})

    assert any("not shown" in p for p in audit(hidden, {"x": 1.0}, ["x"]))


def test_the_audit_rejects_a_band_that_always_holds_the_calibration_target():
    def band(**params):
        lo, hi = 24 - params["x"], 24 + params["x"]
        return Takeaway(f"{lo:g} à {hi:g} mois", {"lo": Finding(lo, f"{lo:g}"), "hi": Finding(hi, f"{hi:g}")},
                        (("lo", "hi"),))

    problems = audit(band, {"x": 2.0}, ["x"], targets={"cited": 24.0})
    assert problems and all("spread" in p for p in problems)


def test_the_audit_refuses_an_assumption_it_cannot_perturb():
    def refusing(**params):
        if params["x"] != 1.0:
            raise ValueError("no")
        return Takeaway("1", {"v": Finding(1.0, "1")})

    assert any("cannot be tested" in p for p in audit(refusing, {"x": 1.0}, ["x"]))


# --------------------------------------------------------------------------- résilience


def _resilience(edition: int):
    ds = load()
    premium = ds.known("inhouse_salary_premium", edition)
    breakeven = ds.known("outsourcing_breakeven_years", edition)
    savings = ds.known("cost_savings_demanded", edition, scope="now")
    labour = ds.known("personnel_cost_share", edition).central / 100
    return premium, breakeven, savings, labour


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_payback_line_answers_the_inverse_question_instead_of_giving_back_the_two_years(edition):
    premium, breakeven, savings, labour = _resilience(edition)
    build = functools.partial(resilience_ch.payback_takeaway, premium, breakeven=breakeven,
                              savings_demanded=savings)
    defaults = {"labour_share": labour, "provider_margin": 0.10}
    months = breakeven.central * 12
    targets = {"the cited break-even (months)": months, "the cited break-even (years)": breakeven.central,
               "twice the cited break-even": 2 * months}
    assert audit(build, defaults, defaults, targets=targets) == []
    line = build(**defaults)
    assert "n'en découle pas" in line.text and "coût de départ" in line.text
    assert fr.number(months, 0) + " mois" not in line.text
    assert "faute de mieux" not in line.text
    borrowed = build(**defaults, borrowed_labour_share=True).text
    assert "la part des salaires est celle des outsourceurs, appliquée faute de mieux au centre interne" in borrowed


def test_a_reader_set_transition_cost_gives_a_break_even_that_moves_with_the_assumptions():
    premium, _, _, labour = _resilience(2011)
    build = functools.partial(resilience_ch.payback_takeaway, premium)
    defaults = {"labour_share": labour, "provider_margin": 0.10, "transition_cost_months": 4.0}
    assert audit(build, defaults, defaults) == []
    assert "point mort arrive au bout de" in build(**defaults).text


def _old_payback_line(premium, breakeven, *, labour_share, provider_margin) -> Takeaway:
    """The line the chapter showed before: the break-even the transition cost was set to give."""
    rate = resilience_model.running_saving_rate(premium.central / 100, labour_share, provider_margin)
    cost = resilience_model.implied_transition_cost(breakeven.central * 12, rate)
    months = [resilience_model.breakeven_months(
        cost, resilience_model.running_saving_rate(b / 100, labour_share, provider_margin)) for b in premium.bounds]
    lo, hi = fr.number(min(months), 0), fr.number(max(months), 0)
    mid = resilience_model.breakeven_months(cost, rate)
    return Takeaway(f"- Point mort d'une externalisation dans le modèle : {lo} à {hi} mois (milieu : "
                    f"{fr.number(mid, 0)}).",
                    {"low": Finding(min(months), lo), "high": Finding(max(months), hi),
                     "mid": Finding(mid, fr.number(mid, 0))}, (("low", "high"),))


def test_the_audit_rejects_the_break_even_the_chapter_used_to_show():
    premium, breakeven, _, labour = _resilience(2011)
    build = functools.partial(_old_payback_line, premium, breakeven)
    defaults = {"labour_share": labour, "provider_margin": 0.10}
    problems = audit(build, defaults, defaults, targets={"the cited break-even": breakeven.central * 12})
    assert any("mid" in p and "calibrated" in p for p in problems)
    assert any("spread" in p for p in problems)


# --------------------------------------------------------------------------- offshore

OFFSHORE_DEFAULTS = {"onshore_contacts_per_hour": 12.0, "offshore_contacts_per_hour": 12.0,
                     "onshore_repeat_rate": 0.15, "offshore_repeat_rate": 0.15}  # the chapter's parameters


def _offshore(edition: int):
    ds = load()
    premium = ds.known("offshore_price_premium_question", edition)
    gap = ds.known("offshore_hourly_rate_gap", edition).central / 100
    k_gap = 1 / (1 + gap)
    restated = {"the hourly-rate ratio": k_gap, "the hourly-rate gap": abs(gap),
                "the price premium asked about": premium.central / 100,
                "the service share the rate gap alone gives": premium.central / 100 / (k_gap - 1)}
    return premium, gap, restated


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_offshore_line_does_not_present_the_rate_gap_as_a_cost_ratio(edition):
    premium, gap, restated = _offshore(edition)
    build = functools.partial(offshore_ch.model_takeaway, premium, rate_gap=gap)
    assert audit(build, OFFSHORE_DEFAULTS, OFFSHORE_DEFAULTS, restatements=restated) == []
    line = build(**OFFSHORE_DEFAULTS)
    assert "ne fait que traduire" in line.text and set(line.findings) == {"parity_low", "parity_high"}


def test_when_quality_differs_the_cost_ratio_is_a_result_and_is_shown_as_one():
    premium, gap, restated = _offshore(2011)
    build = functools.partial(offshore_ch.model_takeaway, premium, rate_gap=gap)
    defaults = {**OFFSHORE_DEFAULTS, "offshore_repeat_rate": 0.30, "offshore_contacts_per_hour": 10.0}
    assert audit(build, defaults, defaults, restatements=restated) == []
    line = build(**defaults)
    assert "cost_ratio" in line.findings and "ne fait que traduire" not in line.text
    k = line.findings["cost_ratio"].value
    assert k == pytest.approx(offshore_model.ContactCostInputs(gap, 12, 10, 0.15, 0.30).cost_ratio)


def _old_offshore_line(premium, *, rate_gap, **assumptions) -> Takeaway:
    """The line the chapter showed before: the cost ratio and the service share, at equal assumptions."""
    inputs = offshore_model.ContactCostInputs(rate_gap, **assumptions)
    k = inputs.cost_ratio
    needed = offshore_model.breakeven_service_share(premium.central / 100, k)
    shown_k, shown_n = fr.number(k, 2), fr.percent(needed * 100)
    return Takeaway(f"- Dans le modèle, la France coûte {shown_k} fois plus cher par demande résolue ; un abonnement "
                    f"25 % plus cher suppose un service clients à {shown_n} du prix.",
                    {"k": Finding(k, shown_k), "needed": Finding(needed, shown_n)})


def test_the_audit_rejects_the_cost_ratio_the_chapter_used_to_show():
    premium, gap, restated = _offshore(2011)
    build = functools.partial(_old_offshore_line, premium, rate_gap=gap)
    problems = audit(build, OFFSHORE_DEFAULTS, OFFSHORE_DEFAULTS, restatements=restated)
    assert any(p.startswith("k = 2 restates the hourly-rate ratio") for p in problems)
    assert any(p.startswith("needed = ") and "restates" in p for p in problems)


# --------------------------------------------------------------------------- prices


def _prices(edition: int):
    ds = load()
    price = ds.known("production_hour_price_change_since_2000", edition)
    start, end = prices_ch.period_years(price.period, edition)
    end = max(y for y in prices_ch.available_years(ds, start, max(end, edition)) if y <= end)
    personnel = ds.known("personnel_cost_share", edition).central / 100
    smic = prices_ch.smic_mid_year(ds, [start, end])
    wage = smic[end] / smic[start]
    restated = {"the Smic's yearly rise": wage ** (1 / (end - start)) - 1,
                "the Smic's rise": wage - 1,
                **{f"the Smic over the price ({b:g} %), yearly": (wage / (1 + b / 100)) ** (1 / (end - start)) - 1
                   for b in price.bounds}}
    return ds, price, start, end, personnel, restated


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_prices_line_asks_what_productivity_the_cited_figures_need_not_what_margin_they_give(edition):
    ds, price, start, end, personnel, restated = _prices(edition)
    build = functools.partial(prices_ch.model_takeaway, ds, price, start, end)
    defaults = {"start_margin": 0.08, "personnel_share": personnel}
    assert audit(build, defaults, defaults, restatements=restated) == []
    line = build(**defaults)
    assert "productivité par an" in line.text and "marge de" in line.text


def _old_prices_line(ds, price, start, end, *, start_margin, personnel_share) -> Takeaway:
    """The line the chapter showed before: the margin the cited figures lead to, a reductio."""
    inputs = prices_model.MarginInputs(start_margin, personnel_share)
    low, high = prices_ch.squeeze_summary(inputs, ds, price, start, end)
    lo, hi = sorted((low.margin, high.margin))
    shown_lo, shown_hi = fr.number(lo * 100, 1), fr.number(hi * 100, 1)
    growing = (0.0, 1.0)  # a sector that keeps growing and hiring has no lasting negative operating margin
    return Takeaway(f"- Marge d'une heure de production en {end} : {shown_lo} à {shown_hi} %.",
                    {"margin_low": Finding(lo, shown_lo, growing), "margin_high": Finding(hi, shown_hi, growing)})


def test_the_audit_rejects_the_margin_reductio_the_chapter_used_to_show():
    ds, price, start, end, personnel, restated = _prices(2011)
    build = functools.partial(_old_prices_line, ds, price, start, end)
    defaults = {"start_margin": 0.08, "personnel_share": personnel}
    problems = audit(build, defaults, defaults, restatements=restated)
    assert len([p for p in problems if "reductio" in p]) == 2


# --------------------------------------------------------------------------- value (pricing a provider)

VALUE_DEFAULTS = {"fcr_low": 0.6, "fcr_high": 0.9, "fcr_target": 0.75, "bonus_per_point": 0.02,
                  "cost_ratio": 0.9}  # the chapter's parameters


def _value_restated(p):
    return {"the ratio of the two assumed resolution rates": p["fcr_low"] / p["fcr_high"] - 1,
            "its opposite": 1 - p["fcr_low"] / p["fcr_high"], "the target": p["fcr_target"],
            "the bonus set": p["bonus_per_point"]}


def test_the_pricing_line_names_the_per_call_loss_as_a_definition_and_finds_a_threshold():
    build = value_ch.pricing_takeaway
    assert audit(build, VALUE_DEFAULTS, VALUE_DEFAULTS, restatements=_value_restated(VALUE_DEFAULTS)) == []
    line = build(**VALUE_DEFAULTS)
    # said as the contract's principle, in a clause (editor37: the sentence « C'est la définition de ce contrat »
    # opened the list on a tautology), and as the model's line
    assert line.text.startswith("- Dans le modèle (hypothèses du livre), payé à l'appel")
    assert "il est payé au nombre d'appels, qui suit la même pente" in line.text
    assert set(line.findings) == {"neutral_bonus"}
    assert "ce n'est pas le cas" in build(**{**VALUE_DEFAULTS, "bonus_per_point": 0.01}).text


def _old_pricing_line(**p) -> Takeaway:
    """The line the chapter showed before: the per-call loss as a finding."""
    inputs = value_ch.pricing_inputs(p["cost_ratio"], p["fcr_target"], p["bonus_per_point"], 0)
    change = value_ch.compare_schemes(inputs, p["fcr_low"], p["fcr_high"])["per_call"].revenue_change
    shown = fr.percent(-change * 100)
    return Takeaway(f"- Payé à l'appel, un prestataire perd {shown} de revenu par demande.",
                    {"loss": Finding(-change, shown)})


def test_the_audit_rejects_the_per_call_loss_the_chapter_used_to_show():
    problems = audit(_old_pricing_line, VALUE_DEFAULTS, VALUE_DEFAULTS, restatements=_value_restated(VALUE_DEFAULTS))
    assert any(p.startswith("loss = ") and "restates its opposite" in p for p in problems)
