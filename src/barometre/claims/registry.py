"""The registry: ``CLAIMS``, every claim of the article and of the later editions, read top
to bottom like the article, and ``judge`` (each claim's row and its verdict)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from barometre import book
from barometre.claims.checks_growth import (
    check_average_growth,
    check_crisis_year,
    check_decomposition,
    check_forecast,
    check_growth_ratio,
    check_market_vs_insee,
    check_restated,
    check_revenue_growth,
    check_share_sum,
)
from barometre.claims.checks_jobs import (
    check_graduates,
    check_hires_vs_created,
    check_jobs_target,
    check_jobs_vs_staff,
    check_province_jobs,
    check_share_of_revenues,
    check_sp2c_panel,
    check_staff_growth,
    check_staff_parts,
    check_top10_vs_top50,
)
from barometre.claims.checks_pay import (
    check_net_pay_vs_smic,
    check_pay_abroad,
    check_salary_above_smic,
    check_smic_rise,
)
from barometre.claims.checks_trends import (
    check_always_double_digit,
    check_announced_fall,
    check_continuity,
    check_crisis_drives,
    check_first_decline,
    check_multiple,
    check_offshore_acceleration,
    check_price_later,
    check_regular_growth,
    check_share_trend,
    check_slowdown,
    unverifiable,
)
from barometre.claims.model import VERDICTS, Claim, Judged, Title
from barometre.data import Dataset, Figure, Quote


def stated_figure(ds: Dataset, claim: Claim) -> Figure | None:
    """The claim's own row: the edition's row of (indicator, scope, period), from ``source`` if named."""
    if claim.edition not in ds.editions:
        return None
    for f in ds.figures(claim.edition, claim.indicator):
        if f.scope == claim.scope and f.period == claim.period and f.published and (
                claim.source is None or f.source == claim.source):
            return f
    return None


def stated(ds: Dataset, claim: Claim) -> Figure | Quote | Title | None:
    if claim.indicator:
        return stated_figure(ds, claim)
    if claim.quote_id:
        return ds.quote(claim.quote_id, claim.edition) if claim.edition in ds.editions else None
    if claim.title_of:
        src = ds.sources.get(claim.title_of)
        if src is None or not src.publication_title or claim.edition not in ds.editions:
            return None
        return Title(src.publication_title, src.name, claim.edition)
    return None


def judge(ds: Dataset, edition: int, chapter: str | None = None, facts: Mapping[str, object] | None = None
          ) -> list[Judged]:
    """Every claim made by an edition up to ``edition`` (of one chapter, if given), with its verdict
    on the data known in ``edition``. A claim whose row an edition does not carry is left out.
    A chapter judges only its own claims: it then reads only their data, and the build's cache
    re-executes it only when that data changes. A claim that restates a chapter's finding reads that
    chapter's facts: ``facts`` (by chapter) when the caller has them, else computed once here."""
    known = dict(facts or {})
    out = []
    for claim in CLAIMS:
        if claim.edition > edition or (chapter is not None and claim.chapter != chapter):
            continue
        said = stated(ds, claim)
        if said is None:
            continue
        if claim.reads is None:
            found = claim.check(ds, edition, claim, said)
        else:
            if claim.reads not in known:  # the chapter's one function of the data: ``facts(ds, edition)``
                known[claim.reads] = book.chapter(claim.reads).load().facts(ds, edition)
            found = claim.check(ds, edition, claim, said, facts=known[claim.reads])
        out.append(Judged(claim, said, found))
    return out


def counts(judged: Iterable[Judged]) -> dict[str, int]:
    out = {v: 0 for v in VERDICTS}
    for j in judged:
        out[j.verdict.verdict] += 1
    return {k: v for k, v in out.items() if v}


# --------------------------------------------------------------------------- the registry


def _fig(id_, chapter, edition, check, indicator, period, scope="market", source=None, reads=None, **params
         ) -> Claim:
    return Claim(id_, chapter, edition, check, indicator=indicator, scope=scope, period=str(period), source=source,
                 params=params, reads=reads)


def _quote(id_, chapter, edition, check, quote_id, topic, reads=None, **params) -> Claim:
    return Claim(id_, chapter, edition, check, quote_id=quote_id, topic=topic, params=params, reads=reads)


_SHARES = [("france_revenue_share", "market"), ("offshore_revenue_share", "market")]

CLAIMS: list[Claim] = [
    # ---- la crise et la croissance (the article, edition 2008, and the other editions' words)
    Claim("title_no_crisis", "resilience", 2008, check_crisis_year, title_of="claire_morel",
          topic="Le titre de l’article", params={"year": 2008}, reads="resilience"),
    _fig("market_2010_insee", "resilience", 2010, check_market_vs_insee, "market_revenue", 2010,
         source="finyear_2011_09_22"),
    _fig("growth_2008", "resilience", 2008, check_restated, "revenue_growth", 2008, source="barometer_bearingpoint_sp2c",
         reads="resilience", fact="growth_of"),
    _fig("growth_2008_revenue", "resilience", 2008, check_revenue_growth, "revenue_growth", 2008,
         source="barometer_bearingpoint_sp2c"),
    _fig("growth_2007_revenue", "resilience", 2007, check_revenue_growth, "revenue_growth", 2007,
         source="contactdistance_2009_01_01"),
    _fig("growth_2009_revenue", "resilience", 2009, check_revenue_growth, "revenue_growth", 2009,
         source="carnetsdubusiness_2010_10_27"),
    _fig("growth_2010_revenue", "resilience", 2010, check_revenue_growth, "revenue_growth", 2010,
         source="strategies_170792"),
    _fig("growth_2011_revenue", "resilience", 2011, check_revenue_growth, "revenue_growth", 2011,
         source="investing_afp_47181"),
    _fig("forecast_2009_two_digits", "resilience", 2008, check_forecast, "revenue_growth_forecast", 2009,
         source="laurent_uberti", reads="resilience"),
    _fig("forecast_2009_range", "resilience", 2008, check_forecast, "revenue_growth_forecast", 2009,
         source="rcm_breve_176373_uberti", reads="resilience"),
    _fig("forecast_2009_more_than", "resilience", 2008, check_forecast, "revenue_growth_forecast", 2009,
         source="latribune_2009_09_28_uberti", reads="resilience"),
    _quote("crisis_drives_outsourcing", "resilience", 2007, check_crisis_drives, "uberti_crisis_drives_outsourcing",
           "La crise, moteur de l’externalisation", year=2009, reads="resilience"),
    _quote("strong_growth_2009", "resilience", 2007, check_crisis_drives, "uberti_strong_growth_2009",
           "Une année de forte croissance annoncée", year=2009, reads="resilience"),
    _fig("average_growth_2005_2008", "resilience", 2008, check_average_growth, "revenue_growth_annual_average",
         "2005-2008", source="latribune_2009_09_27"),
    _quote("growth_goes_on_slowly", "resilience", 2009, check_slowdown, "marque_value_added",
           "L’externalisation se poursuit, mais doucement", year=2009, reads="resilience"),
    _quote("continuity_2011", "resilience", 2011, check_continuity, "uberti_2011_continuity",
           "Une année dans la continuité", year=2011, reads="resilience"),
    _quote("regular_growth_since_2008", "resilience", 2011, check_regular_growth, "uberti_free_impact",
           "Une croissance régulière", since=2008, until=2011, reads="resilience"),
    _quote("fall_announced_2013", "resilience", 2011, check_announced_fall, "uberti_free_impact",
           "Un impact négatif annoncé pour 2013", year=2013, reads="resilience"),
    _quote("double_digit_2012", "resilience", 2012, check_always_double_digit, "uberti_2012_historic_reversal",
           "Une croissance « bien souvent à deux chiffres »", before=2012, often=True,
           reads="resilience"),
    _quote("double_digit_2013", "resilience", 2013, check_always_double_digit, "uberti_thirty_years_growth",
           "Une croissance « toujours … à deux chiffres »", before=2013, reads="resilience"),
    _quote("first_decline_2013", "resilience", 2013, check_first_decline, "first_decline_2013",
           "Un premier recul en 2013", year=2013, reads="resilience"),
    _quote("market_quadrupled_2017", "resilience", 2017, check_multiple, "dubreil_market_quadrupled",
           "Un marché quadruplé depuis 2000", factor=4,
           newer=("market_revenue", "market", 2017), older=("top50_cumulative_revenue", "market", 2000),
           scopes_differ="top50_scopes",
           older_is_part=True),
    _fig("outsourced_share_25", "resilience", 2008, check_restated, "outsourced_market_share", 2009,
         reads="resilience", fact="share"),
    _fig("inhouse_salary_premium", "resilience", 2008, unverifiable, "inhouse_salary_premium", 2009,
         scope="large_groups", why="inhouse_salary"),
    _fig("cost_savings_30", "resilience", 2008, unverifiable, "cost_savings_demanded", 2009, scope="now",
         why="cost_savings"),
    _fig("breakeven_two_years", "resilience", 2008, unverifiable, "outsourcing_breakeven_years", 2009,
         why="breakeven"),
    _quote("sp2c_members_80", "resilience", 2005, check_sp2c_panel, "uberti_sp2c_members",
           "Le poids du SP2C", period=2005),
    # ---- la France, la province et l'offshore
    _fig("decomposition_2008", "offshore", 2008, check_decomposition, "revenue_growth", 2008,
         source="barometer_bearingpoint_sp2c"),
    _fig("decomposition_2008_uberti", "offshore", 2008, check_decomposition, "revenue_growth", 2008,
         scope="offshore", source="latribune_2009_09_28_uberti"),
    _fig("decomposition_2006", "offshore", 2006, check_decomposition, "revenue_growth", 2006),
    _fig("decomposition_2010", "offshore", 2010, check_decomposition, "revenue_growth", 2010,
         source="finyear_2011_09_22"),
    _fig("decomposition_2011", "offshore", 2011, check_decomposition, "revenue_growth", 2011,
         source="investing_afp_47181"),
    _fig("france_twice_offshore", "offshore", 2008, check_growth_ratio, "revenue_growth_gap_france_offshore", 2008,
         scope="france"),
    _fig("shares_2005", "offshore", 2005, check_share_sum, "france_revenue_share", 2005, parts=_SHARES),
    _fig("shares_2008", "offshore", 2008, check_share_sum, "france_revenue_share", 2008,
         source="barometer_bearingpoint_sp2c", parts=_SHARES),
    _fig("shares_2009", "offshore", 2009, check_share_sum, "france_revenue_share", 2009, parts=_SHARES),
    _fig("shares_2010", "offshore", 2010, check_share_sum, "france_revenue_share", 2010, parts=_SHARES),
    _fig("shares_2011", "offshore", 2011, check_share_sum, "france_revenue_share", 2011,
         source="investing_afp_47181", parts=_SHARES),
    _quote("offshore_threshold_2006", "offshore", 2006, check_share_trend, "uberti_offshore_maturity",
           "Un début de stabilisation de l’offshore", since=2006, reads="offshore"),
    _fig("offshore_threshold_2008", "offshore", 2008, check_share_trend, "revenue_growth_gap_france_offshore", 2008,
         scope="france", since=2008, as_trend=True, reads="offshore"),
    _quote("offshore_accelerated_2011", "offshore", 2011, check_offshore_acceleration, "offshore_trend_2012",
           "L’offshore qui s’accélère", year=2011, reads="offshore"),
    _fig("province_jobs_75", "offshore", 2008, check_province_jobs, "new_jobs_province_share", 2008, scope="province"),
    _fig("staff_locations_2011", "offshore", 2011, check_share_sum, "staff_share", 2011, scope="offshore",
         source="europe1_boursier_383594",
         parts=[("staff_share", "offshore"), ("staff_share", "ile_de_france"), ("staff_share", "province")]),
    _fig("staff_locations_2005", "offshore", 2005, check_share_sum, "staff_share", 2005, scope="offshore",
         parts=[("staff_share", "offshore"), ("staff_share", "ile_de_france"), ("staff_share", "province")]),
    _fig("sites_locations_2011", "offshore", 2011, check_share_sum, "sites_share", 2011, scope="offshore",
         parts=[("sites_share", "offshore"), ("sites_share", "ile_de_france"), ("sites_share", "province")]),
    _fig("webhelp_rates", "offshore", 2008, unverifiable, "offshore_hourly_rate_gap", 2009, scope="webhelp",
         why="webhelp_rates"),
    _fig("paris_turnover", "offshore", 2008, unverifiable, "paris_turnover_rate", 2009, scope="paris",
         why="paris_turnover"),
    # ---- les prix, les coûts et la concentration
    _fig("smic_rise", "prices", 2008, check_smic_rise, "smic_increase_claimed", "2000-2008", scope="france",
         reads="prices"),
    _fig("production_hour_price", "prices", 2008, check_price_later, "production_hour_price_change_since_2000",
         "2000-2008", why="production_hour_price", reads="prices"),
    _fig("personnel_cost_69", "prices", 2008, check_restated, "personnel_cost_share", 2008,
         source="barometer_bearingpoint_sp2c"),
    _fig("top10_70", "prices", 2008, check_top10_vs_top50, "top10_market_share", 2009, scope="top10",
         top50_period="2008"),
    _fig("inbound_outbound", "prices", 2008, check_share_sum, "inbound_revenue_share", 2008,
         source="barometer_bearingpoint_sp2c",
         parts=[("inbound_revenue_share", "market"), ("outbound_revenue_share", "market")], total="at_most"),
    _fig("telecom_60", "prices", 2011, check_restated, "telecom_revenue_share", 2011,
         source="missionrelationclient_uberti"),
    # ---- le métier et les salaires
    _fig("salary_2008", "value", 2008, check_salary_above_smic, "adviser_salary_gross", 2008,
         source="barometer_bearingpoint_sp2c", reads="value"),
    _fig("salary_2009", "value", 2009, check_salary_above_smic, "reported_salary_gross", 2009, reads="value"),
    _fig("salary_2011", "value", 2011, check_salary_above_smic, "adviser_salary_gross", 2011,
         source="investing_afp_47181", reads="value"),
    _fig("collective_minimum_2009", "value", 2009, check_salary_above_smic, "salary_above_collective_minimum", 2009,
         above_minimum=True, reads="value"),
    _fig("net_pay_1000", "value", 2008, check_net_pay_vs_smic, "adviser_salary_net", 2009, scope="france"),
    _fig("uk_pay_1400", "value", 2008, check_pay_abroad, "adviser_salary_net", 2009, scope="united_kingdom",
         country="united_kingdom", home_scope="france", reads="value"),
    # ---- l'emploi et les contrats
    _fig("cdi_73", "partnership", 2008, check_restated, "permanent_contract_share", 2008,
         source="barometer_bearingpoint_sp2c", reads="partnership", fact="cdi_of"),
    _fig("part_time_10", "partnership", 2008, check_share_sum, "part_time_share", 2008,
         parts=[("part_time_share", "market"), ("full_time_share", "market")]),
    _fig("graduates_56", "partnership", 2008, check_graduates, "graduate_share", 2008,
         source="latribune_2009_09_27_labbe", wider_source="barometer_bearingpoint_sp2c"),
    _fig("staff_2008_parts", "partnership", 2008, check_staff_parts, "staff", 2008, source="rcm_breve_176373"),
    _fig("staff_growth_2008", "partnership", 2009, check_staff_growth, "staff_growth", 2008,
         source="carnetsdubusiness_2010_10_27", via="jobs"),
    _fig("staff_growth_2009", "partnership", 2009, check_staff_growth, "staff_growth", 2009,
         source="carnetsdubusiness_2010_10_27"),
    _fig("staff_growth_2007", "partnership", 2007, check_staff_growth, "staff_growth", 2007,
         source="contactdistance_2009_01_01"),
    _fig("jobs_france_2009", "partnership", 2009, check_jobs_vs_staff, "jobs_created", 2009, scope="france"),
    _fig("jobs_france_2010", "partnership", 2010, check_jobs_vs_staff, "jobs_created", 2010, scope="france"),
    _fig("hires_2009", "partnership", 2008, check_hires_vs_created, "staff_hired_year_to_date", 2009,
         source="rcm_breve_176373_uberti", reads="partnership"),
    _fig("jobs_target_400000", "partnership", 2008, check_jobs_target, "customer_relation_jobs", 2009,
         scope="target", reads="partnership"),
    _fig("sp2c_coverage_2024", "resilience", 2024, check_share_of_revenues, "sp2c_revenue_coverage", 2024,
         part="sp2c_members_revenue", whole="market_revenue"),
    _fig("managers_employees", "partnership", 2008, check_share_sum, "employees_share", 2008,
         parts=[("managers_share", "market"), ("supervisors_share", "market"), ("employees_share", "market")]),
]
