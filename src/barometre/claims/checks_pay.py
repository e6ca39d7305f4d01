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
from barometre.models.prices import claim_holds, percent_change
from barometre.models.value import (
    LEGAL_MONTHLY_HOURS,
    monthly_minimum_wage,
    price_level_equivalent,
    rate_year,
)
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
    evidence says what it buys at home at Eurostat's comparative price levels (when the data has them). The price
    levels, what the pay buys at home and its gaps to the pay in France are the value chapter's reading of the same
    pay (``ValueFacts.abroad``) when the chapter reads this claim's figure (indicator, scope and period); the price
    levels of the pay's year otherwise."""
    home_key = (fig.indicator, claim.params["home_scope"], fig.period)
    told = facts.abroad
    if told is not None and claim.params["country"] == "united_kingdom" and (
            told.abroad.indicator, told.abroad.scope, told.abroad.period) == (fig.indicator, fig.scope, fig.period):
        if told.levels_year is None:
            return verdict(UNVERIFIABLE, "pay.pay_abroad_no_levels", (fig,))
        home = told.home
        # the pay at home of the same year as the chapter gives it, else as the claim's edition gives it
        home = (replace(home, as_of=None) if home is not None and (home.indicator, home.scope, home.period) == home_key
                else _known(ds, claim.edition, *home_key))
        told = replace(told, home=home if home is not None and home.central > 0 else None)
        levels = (told.levels_year, told.here, told.there)
        equivalent, nominal, real, pay_home = told.equivalent, told.nominal, told.real, told.home
    else:  # the chapter reads another pay abroad (or none): the price levels of this one's year
        year = period_end(fig.period)
        abroad = ds.price_level(claim.params["country"], year)
        here = ds.price_level("france", year)
        if abroad is None or here is None or abroad[0] != here[0]:
            return verdict(UNVERIFIABLE, "pay.pay_abroad_no_levels", (fig,))
        levels = (abroad[0], here[1], abroad[1])
        equivalent = price_level_equivalent(fig.central, abroad[1], here[1])
        pay_home = _known(ds, claim.edition, *home_key)
        nominal = real = None
        if pay_home is not None and pay_home.central > 0:
            nominal = (fig.central / pay_home.central - 1) * 100
            real = (equivalent / pay_home.central - 1) * 100
        else:
            pay_home = None
    figs: tuple[Figure, ...] = (fig, pay_home) if pay_home is not None else (fig,)
    conversion = gbp_rates(ds, fig) if claim.params["country"] == "united_kingdom" else None
    return verdict(UNVERIFIABLE, "pay.pay_abroad", figs, levels_year=levels[0], home_level=levels[1],
                   abroad_level=levels[2], where=scope_label(claim.scope), fig=fig,
                   equivalent=round(equivalent, -1), pay_home=pay_home, nominal=nominal, real=real,
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
    """« le Smic a augmenté de plus de 35 % » against the legal rates (the Smic in force on 1 July of the claim's two
    years): the rise the prices chapter computes (``PricesFacts.check``) when it checks the same claim (indicator,
    scope and period), the claim's own figure judged against it; the decrees' rates otherwise."""
    first, last = (int(x) for x in fig.period.split("-"))
    found = facts.check
    if found is not None and (found.claim.indicator, found.claim.scope, found.claim.period) == (
            fig.indicator, fig.scope, fig.period) and (found.start, found.end) == (first, last):
        rise = found.check.rise
        a = {"eur": found.check.start_eur, "legal_text": found.check.start_legal}
        b = {"eur": found.check.end_eur, "legal_text": found.check.end_legal}
    else:  # the chapter checks another claim (a later edition's period)
        smic = ds.smic_hourly()
        start_day, end_day = date(first, *SMIC_DAY), date(last, *SMIC_DAY)
        rows_a = smic[smic["effective_date"] <= start_day.isoformat()]
        rows_b = smic[smic["effective_date"] <= end_day.isoformat()]
        if rows_a.empty or rows_b.empty:
            return verdict(UNVERIFIABLE, "pay.no_smic_years", (fig,))
        ra, rb = rows_a.iloc[-1], rows_b.iloc[-1]
        rise = percent_change(float(ra["eur"]), float(rb["eur"]))
        a = {"eur": float(ra["eur"]), "legal_text": str(ra["legal_text"])}
        b = {"eur": float(rb["eur"]), "legal_text": str(rb["legal_text"])}
    holds = claim_holds(rise, fig.central, fig.qualifier)
    return verdict(VERIFIED if holds else OFFICIAL_REFUTED, "pay.smic_rise", (fig,), first=first, last=last, a=a, b=b,
                   rise=rise, fig=fig)
