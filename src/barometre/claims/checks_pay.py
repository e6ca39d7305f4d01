"""The checks of pay: a net pay against the Smic, pay abroad converted, the Smic's rise."""

from __future__ import annotations

from datetime import date

from barometre import formatting
from barometre.claims.evidence import _known, _missing, _p, _year
from barometre.claims.model import (
    CONSISTENT,
    INCONSISTENT,
    OFFICIAL_REFUTED,
    SMIC_DAY,
    UNVERIFIABLE,
    VERIFIED,
    Claim,
    Verdict,
    growth_between,
    smic_month,
)
from barometre.data import Dataset, Figure, FigureNotFound, period_end
from barometre.labels import scope_label
from barometre.models.prices import claim_holds, percent_change
from barometre.models.value import price_level_equivalent, rate_year
from barometre.narrative import cite, de, elide, md_escape
from barometre.precision import interval


def check_net_pay_vs_smic(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A net monthly pay against the net monthly Smic of a full-time employee (OpenFisca snapshot)."""
    table = ds.labour_cost()
    year = period_end(fig.period)
    row = table[(table["year"] == year) & (table["status"] == "computed")] if not table.empty else table
    if row.empty:
        return Verdict(UNVERIFIABLE, f"Le Smic net de {year} n’est pas dans la série de référence.", (fig,))
    net = float(row["net_wage"].iloc[0])
    gross = float(row["gross_wage"].iloc[0])
    text = (f"Le Smic d’un temps plein de {year} vaut {formatting.euros(gross)} bruts, soit {formatting.euros(net)} nets "
            f"par mois (OpenFisca France), pour {cite(fig, then=' nets')} annoncés")
    salary = _known(ds, claim.edition, "adviser_salary_gross", "market")
    if salary is not None:
        text += (f" ; le salaire brut moyen publié, {cite(salary)} en {_year(salary)}, donne environ "
                 f"{formatting.euros(salary.central * net / gross)} nets au même taux")
    _lo, hi = interval(fig)
    if hi < net:
        return Verdict(INCONSISTENT, text + " : la paie annoncée est sous le Smic net d’un temps plein.", (fig,))
    return Verdict(CONSISTENT, text + " : la paie annoncée n’est pas sous le Smic net.", (fig,))


def gbp_conversion_text(ds: Dataset, amount: Figure) -> str:
    """What the conversion between pounds and euros does to a British pay quoted in euros, from the ECB's
    daily reference rates of the latest year up to the pay's (empty when the data has none)."""
    rates = ds.gbp_per_eur()
    years = sorted({d.year for d in rates.index if d.year <= period_end(amount.period)})
    if not years:
        return ""
    y = rate_year(rates, years[-1])
    def rate(x: float) -> str:  # as the ECB publishes them, five decimals at most
        return f"{x:.5f}".rstrip("0").replace(".", ",") + "\u00a0£"
    # a past year's rates, told in the past in any edition (nothing stale told as current)
    return (f"En {y.year}, le cours de référence de la BCE allait de {rate(y.low)} par euro "
            f"({formatting.event_date(y.low_date.isoformat())}) à {rate(y.high)} "
            f"({formatting.event_date(y.high_date.isoformat())}), pour une moyenne de {rate(y.mean)} : un même salaire "
            f"en livres valait {formatting.percent(y.swing * 100, 0)} de moins en euros au cours le plus haut qu’au "
            f"plus bas, et {cite(amount)} faisaient {formatting.number(round(amount.central * y.mean), 0)}\u00a0£ au "
            "cours moyen.")


def check_pay_abroad(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """A net pay abroad, quoted in euros: no series of the book measures it, so it stays unverifiable; the
    evidence says what it buys at home at Eurostat's comparative price levels (when the data has them)."""
    year = period_end(fig.period)
    abroad = ds.price_level(claim.params["country"], year)
    home = ds.price_level("france", year)
    missing = ("Le livre n’a pas de série de salaires de ce pays ni du taux de change auquel ce montant a été "
               "converti en euros")
    if abroad is None or home is None or abroad[0] != home[0]:
        return Verdict(UNVERIFIABLE, missing + ", ni de niveaux de prix comparés pour en juger le pouvoir d’achat.",
                       (fig,))
    levels_year = abroad[0]
    equivalent = price_level_equivalent(fig.central, abroad[1], home[1])
    where = scope_label(claim.scope)
    text = (f"Aux niveaux de prix de {levels_year} publiés par Eurostat (consommation des ménages, UE à 27 = 100 : "
            f"France {formatting.number(home[1], 0)}, {where} {formatting.number(abroad[1], 0)}), {cite(fig, then=' nets')} "
            f"dépensés au {where} achetaient ce que {formatting.euros(round(equivalent, -1))} achetaient en France")
    figs: tuple[Figure, ...] = (fig,)
    pay_home = _known(ds, claim.edition, fig.indicator, claim.params["home_scope"], fig.period)
    if pay_home is not None and pay_home.central > 0:
        nominal = (fig.central / pay_home.central - 1) * 100
        real = (equivalent / pay_home.central - 1) * 100
        text += (f" ; face aux {cite(pay_home, then=' nets')} cités pour la France, l’écart "
                 + ("se creuse" if real > nominal else "se réduit")
                 + f" : {formatting.percent(real, 0, signed=True)} en pouvoir d’achat au lieu de "
                 f"{formatting.percent(nominal, 0, signed=True)} en euros")
        figs = (fig, pay_home)
    conversion = gbp_conversion_text(ds, fig) if claim.params["country"] == "united_kingdom" else ""
    return Verdict(UNVERIFIABLE, text + ". " + (conversion + " " if conversion else "") + missing
                   + " : le montant lui-même reste invérifiable.", figs)


# the salary levels a gap to the collective minimum is said of, the report's own level first (2009), and their words
SALARY_WORDS = {"reported_salary_gross": "niveau de salaire", "adviser_salary_gross": "salaire moyen"}


def check_salary_above_smic(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """An average gross monthly salary (or, with ``above_minimum``, the collective minimum it implies)
    against the gross monthly Smic of a full-time employee: « cohérente » above it (plausible, nothing
    independent confirms it), refuted by the official series below it."""
    year = period_end(fig.period)
    try:
        smic = smic_month(ds, year)
    except FigureNotFound:
        return Verdict(UNVERIFIABLE, f"Le Smic de {year} n’est pas dans la série de référence.", (fig,))
    figs: tuple[Figure, ...] = (fig,)
    if claim.params.get("above_minimum"):
        # the level the gap is said of: the report's own salary level when it gives one (2009), else the average
        found = (_known(ds, claim.edition, i, "market", fig.period) for i in SALARY_WORDS if i in ds.indicators)
        salary = next((f for f in found if f is not None), None)
        if salary is None:
            return _missing(ds, claim.edition, ["adviser_salary_gross"])
        hi = interval(salary)[1] / (1 + interval(fig)[0] / 100)
        minimum = salary.central / (1 + fig.central / 100)
        text = (f"Un {SALARY_WORDS.get(salary.indicator, 'salaire moyen')} {de(salary)} supérieur {elide('de', formatting.figure_text(fig))}{cite(fig)} au minimum "
                f"conventionnel place ce minimum vers {formatting.euros(minimum)} bruts par mois ; le Smic d’un temps "
                f"plein de {year} est de {formatting.euros(smic)} bruts (taux horaire au 1er juillet × 151,67 h)")
        figs = (fig, salary)
    else:
        _lo, hi = interval(fig)
        minimum = fig.central
        words = SALARY_WORDS.get(fig.indicator, "salaire moyen")
        text = (f"{words.capitalize()} en {period_end(fig.period)} : {cite(fig)} ; Smic d’un temps plein de {year} : "
                f"{formatting.euros(smic)} bruts (taux horaire au 1er juillet × 151,67 h), soit un {words} "
                f"{formatting.percent(growth_between(smic, fig.central))} au-dessus")  # as the value chapter says it
    if hi < smic:
        return Verdict(OFFICIAL_REFUTED, text + " : le chiffre tombe sous le Smic.", figs)
    # above the Smic makes the amount plausible, not confirmed: no independent source publishes the advisers'
    # pay (« vérifiée » is kept for what an official series confirms, the Smic's rise)
    return Verdict(CONSISTENT, text + " : le montant est plausible, au-dessus du Smic comme la loi l’exige ; aucune "
                   "source indépendante ne publie le salaire moyen des conseillers.", figs)


def check_smic_rise(ds: Dataset, edition: int, claim: Claim, fig: Figure) -> Verdict:
    """« le Smic a augmenté de plus de 35 % » against the legal rates (the prices chapter's check)."""
    first, last = (int(x) for x in fig.period.split("-"))
    smic = ds.smic_hourly()
    start_day, end_day = date(first, *SMIC_DAY), date(last, *SMIC_DAY)
    a = smic[smic["effective_date"] <= start_day.isoformat()]
    b = smic[smic["effective_date"] <= end_day.isoformat()]
    if a.empty or b.empty:
        return Verdict(UNVERIFIABLE, "La série du Smic ne couvre pas ces années.", (fig,))
    a, b = a.iloc[-1], b.iloc[-1]
    rise = percent_change(float(a["eur"]), float(b["eur"]))
    holds = claim_holds(rise, fig.central, fig.qualifier)
    text = (f"Le Smic horaire brut passe de {formatting.euros(float(a['eur']), 2)} au 1er juillet {first} "
            f"({md_escape(str(a['legal_text']))}) à {formatting.euros(float(b['eur']), 2)} au 1er juillet {last} "
            f"({md_escape(str(b['legal_text']))}) : {_p(rise)}, pour {cite(fig)} annoncés")
    return Verdict(VERIFIED if holds else OFFICIAL_REFUTED, text + ".", (fig,))
