"""The checks of pay: a net pay against the Smic, pay abroad converted, the Smic's rise."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from barometre.claims.evidence import _known, _missing
from barometre.claims.model import (
    CONSISTENT,
    INCONSISTENT,
    OFFICIAL_REFUTED,
    SMIC_DAY,
    UNVERIFIABLE,
    VERIFIED,
    Claim,
    Verdict,
    evidence_text,
    growth_between,
    verdict,
)
from barometre.data import Dataset, Figure, FigureNotFound, period_end
from barometre.labels import scope_label
from barometre.models.prices import claim_holds
from barometre.models.value import LEGAL_MONTHLY_HOURS, monthly_minimum_wage, rate_year
from barometre.precision import interval


def check_net_pay_vs_smic(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A net monthly pay against the net monthly Smic of a full-time employee (OpenFisca snapshot)."""
    table = ds.labour_cost()
    year = period_end(fig.period)
    row = table[(table["year"] == year) & (table["status"] == "computed")] if not table.empty else table
    if row.empty:
        return verdict(UNVERIFIABLE, "pay.no_net_smic", (fig,), year=year)
    net = float(row["net_wage"].iloc[0])
    gross = float(row["gross_wage"].iloc[0])
    salary = _known(ds, claim.edition, "adviser_salary_gross", "market")
    _lo, hi = interval(fig)
    return verdict(INCONSISTENT if hi < net else CONSISTENT, "pay.net_pay_vs_smic", (fig,), year=year, gross=gross,
                   net=net, fig=fig, salary=salary, below=hi < net)


def gbp_rates(ds: Dataset, amount: Figure) -> dict | None:
    """The ECB's daily reference rates of the latest year up to the pay's (``y``), with the pay in pounds at their
    mean (``pounds``, rounded): what ``pay.gbp_conversion`` words; None when the data has none."""
    rates = ds.gbp_per_eur()
    years = sorted({d.year for d in rates.index if d.year <= period_end(amount.period)})
    if not years:
        return None
    y = rate_year(rates, years[-1])
    return {"y": y, "amount": amount, "pounds": round(amount.central * y.mean)}


def gbp_conversion_text(ds: Dataset, amount: Figure) -> str:
    """What the conversion between pounds and euros does to a British pay quoted in euros, from the ECB's
    daily reference rates of the latest year up to the pay's (empty when the data has none); a past year's rates,
    told in the past in any edition (nothing stale told as current)."""
    rates = gbp_rates(ds, amount)
    return "" if rates is None else evidence_text("pay.gbp_conversion", rates)


def check_pay_abroad(ds: Dataset, edition: int, claim: Claim, fig: Figure, *, facts) -> Verdict:
    """A net pay abroad, quoted in euros: no series of the book measures it, so it stays unverifiable; the
    evidence says what it buys at home at Eurostat's comparative price levels (when the data has them). What it buys
    and the pay at home are the value chapter's reading of the same pay (``ValueFacts.abroad``) when the chapter
    reads this claim's figure (indicator, scope and period) and the pay at home of its year; else the chapter's
    reading (``pay_abroad``) for this figure."""
    from barometre.chapters.value.salaries import pay_abroad

    home_key = (fig.indicator, claim.params["home_scope"], fig.period)
    told = facts.abroad
    if told is None or (told.abroad.indicator, told.abroad.scope, told.abroad.period) != (
            fig.indicator, fig.scope, fig.period) or claim.params["country"] != "united_kingdom":
        told = pay_abroad(ds, fig, None, claim.params["country"])
    home = told.home
    if home is None or (home.indicator, home.scope, home.period) != home_key:
        home = _known(ds, claim.edition, *home_key)  # the pay at home the claim's edition gives for its year
    else:
        home = replace(home, as_of=None)
    if told.levels_year is None:
        return verdict(UNVERIFIABLE, "pay.pay_abroad_no_levels", (fig,))
    told = replace(told, home=home if home is not None and home.central > 0 else None)
    figs: tuple[Figure, ...] = (fig, told.home) if told.home is not None else (fig,)
    conversion = gbp_rates(ds, fig) if claim.params["country"] == "united_kingdom" else None
    return verdict(UNVERIFIABLE, "pay.pay_abroad", figs, levels_year=told.levels_year, home_level=told.here,
                   abroad_level=told.there, where=scope_label(claim.scope), fig=fig,
                   equivalent=round(told.equivalent, -1), pay_home=told.home, nominal=told.nominal, real=told.real,
                   conversion=conversion)


# the salary levels a gap to the collective minimum is said of, the report's own level first (2009); their words:
# ``pay.md.j2``, ``salary_words``
SALARY_LEVELS = ("reported_salary_gross", "adviser_salary_gross")


def check_salary_above_smic(ds: Dataset, edition: int, claim: Claim, fig: Figure, *, facts) -> Verdict:
    """An average gross monthly salary (or, with ``above_minimum``, the collective minimum it implies)
    against the gross monthly Smic of a full-time employee: « cohérente » above it (plausible, nothing
    independent confirms it), refuted by the official series below it. The Smic of the salary's year is the value
    chapter's (``ValueFacts.smic_months``: its salary chart's line), computed as the chapter does for a year it does
    not give; the salary level a gap to the collective minimum is said of is the chapter's reported level
    (``ValueFacts.reported``) when it is of the same year."""
    year = period_end(fig.period)
    smic = facts.smic_months.get(year)
    if smic is None:
        try:
            smic = monthly_minimum_wage(ds.smic_at(date(year, *SMIC_DAY)))
        except FigureNotFound:
            return verdict(UNVERIFIABLE, "pay.no_smic", (fig,), year=year)
    figs: tuple[Figure, ...] = (fig,)
    words = {"fig": fig, "year": year, "smic": smic, "hours": LEGAL_MONTHLY_HOURS}
    if claim.params.get("above_minimum"):
        # the level the gap is said of: the report's own salary level when it gives one (2009), else the average
        reported = facts.reported.fig if facts.reported is not None else None
        if reported is not None and reported.period == fig.period and reported.scope == "market":
            salary = replace(reported, as_of=None)
        else:
            found = (_known(ds, claim.edition, i, "market", fig.period) for i in SALARY_LEVELS if i in ds.indicators)
            salary = next((f for f in found if f is not None), None)
        if salary is None:
            return _missing(ds, claim.edition, ["adviser_salary_gross"])
        hi = interval(salary)[1] / (1 + interval(fig)[0] / 100)
        words.update(salary=salary, minimum=salary.central / (1 + fig.central / 100))
        figs = (fig, salary)
    else:
        _lo, hi = interval(fig)
        words.update(gap=growth_between(smic, fig.central))  # as the value chapter says it
    # above the Smic makes the amount plausible, not confirmed: no independent source publishes the advisers'
    # pay (« vérifiée » is kept for what an official series confirms, the Smic's rise)
    return verdict(OFFICIAL_REFUTED if hi < smic else CONSISTENT, "pay.salary_above_smic", figs, **words,
                   below=hi < smic)


def check_smic_rise(ds: Dataset, edition: int, claim: Claim, fig: Figure, *, facts) -> Verdict:
    """« le Smic a augmenté de plus de 35 % » against the legal rates: the rise the prices chapter computes
    (``PricesFacts.check``, the Smic in force on 1 July of the claim's two years), when the chapter checks the same
    claim (indicator, scope and period); the claim's own figure is judged against that rise."""
    from barometre.chapters.prices.smic import smic_check

    first, last = (int(x) for x in fig.period.split("-"))
    found = facts.check
    if found is not None and (found.claim.indicator, found.claim.scope, found.claim.period) == (
            fig.indicator, fig.scope, fig.period) and (found.start, found.end) == (first, last):
        rise = found.check
    else:  # the chapter checks another period (a later edition's claim): the chapter's check, for this one
        try:
            rise = smic_check(ds, fig, first, last)
        except ValueError:  # no Smic in force on one of the days
            return verdict(UNVERIFIABLE, "pay.no_smic_years", (fig,))
    holds = claim_holds(rise.rise, fig.central, fig.qualifier)
    return verdict(VERIFIED if holds else OFFICIAL_REFUTED, "pay.smic_rise", (fig,), first=first, last=last,
                   a={"eur": rise.start_eur, "legal_text": rise.start_legal},
                   b={"eur": rise.end_eur, "legal_text": rise.end_legal}, rise=rise.rise, fig=fig)
