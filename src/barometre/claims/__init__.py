"""« Les affirmations à l'épreuve »: every claim of the article and of the later editions, put to the test.

A *claim* is a statement a publication made: a figure of an edition (a row of ``data/editions``), a
quote (a row of ``data/quotes``) or the article's title (``sources.csv``). Each claim names a *check*,
a pure function of the data that returns a ``Verdict``:

- « vérifiée » / « démentie par les statistiques officielles »: the claim set against an official
  series of ``data/reference`` (the Smic);
- « cohérente » / « incohérente »: the claim set against the other figures the same edition publishes
  (a growth and its parts, shares that must add up, a pay against the minimum wage), or, for the market's
  size, against INSEE's call-centre sector (NAF 82.20Z), whose scope differs. Every figure is
  taken with its rounding: a published « 15 % » stands for 14,5 to 15,5 %, « environ 18 % » for 17,5 to
  18,5 %, « 1 840 M€ » for 1 835 to 1 845, « 80 000 » (two significant digits at least) for 79 500 to
  80 500; a bound (« plus de 70 % ») for everything beyond it. *Cohérente* means some values within
  these roundings make every figure true at once; *incohérente* means none do;
- « confirmée par la suite » / « démentie par la suite »: a later edition (up to the book's edition)
  gives the outcome of a forecast, republishes the figure, or shows the trend the claim describes;
- « objectif atteint » / « objectif non atteint »: a target (« passer de 250 000 à 400 000 emplois »), set
  against what a later edition counts;
- « invérifiable »: no data of the book can test it (the reason is said).

**Why a registry in code and not a CSV.** The claims' words are never typed here: a claim points at
its data row (indicator, scope, period, edition, source) or its quote id, and the page shows that row's
quote and links it to the sources annex. What a claim adds is its *check*, and checks are code of
different shapes (a growth decomposition needs four indicators, a share sum a list of scopes, a forecast
its outcome): a CSV would hold a function name and a bag of parameters that only this module can read,
so a maintainer would edit two files for one claim and the CSV could not be validated without the code.
``CLAIMS`` (``registry``) is one list, read top to bottom like the article; ``tests/test_claims.py`` checks
that every entry finds its row in the real data.

Every function here is pure (data in, verdict out); ``claims_markdown`` renders the page.

**A verdict is data, its text a template** (issue 25). A check returns a ``Verdict``: its kind, the figures it
rests on, the case the data chose (``"growth.forecast"``: the macro ``forecast`` of
``templates/chapters/claims/growth.md.j2``) and the words that macro reads (figures, computed numbers, flags; never
a sentence). ``Verdict.evidence`` renders the text, so the same verdict always gives the same text, and a French
editor changes the wording in the templates (``common``, ``growth``, ``trends``, ``jobs``, ``pay``, ``reasons``
for the unverifiable claims' reasons, ``page``) without touching Python. A claim that restates a chapter's finding
reads that chapter's facts (``Claim.reads``; ``judge(..., facts=...)``) instead of finding the figures again: the
sector's yearly growths (``ResilienceFacts.growths``), its jobs cut and sites closed (``cuts``), the outsourced
share; the offshore's shares and growths year by year and France's latest share (``OffshoreFacts``); the Smic's
rise against the decrees (``PricesFacts.check``); the Smic of a salary's year, the reported salary level and the
pay abroad at home prices (``ValueFacts``); the jobs target's later count, the jobs measured since and the share
of permanent contracts (``PartnershipFacts``). The checks that set figures of the claim's own edition against each
other (a growth and its parts, shares that add up, two revenues) read the data: the chapters do not state those
sums (``tests/test_claims_read_facts.py`` lists them, with the reason).

The package, by job: ``model`` (the verdicts, ``Claim``, ``Verdict``, the rounding arithmetic),
``evidence`` (what the checks share), the checks by family (``checks_growth``, ``checks_pay``,
``checks_trends``, ``checks_jobs``), ``registry`` (``CLAIMS`` and ``judge``) and ``page`` (the page and
a chapter's links). The public names are re-exported here: ``from barometre.claims import ...``.
"""

from barometre.claims.checks_growth import (
    CRISIS_WORD,
    CRISIS_WORDS_AFTER,
    check_average_growth,
    check_crisis_year,
    check_decomposition,
    check_forecast,
    check_growth_ratio,
    check_market_vs_insee,
    check_restated,
    check_revenue_growth,
    check_share_sum,
    sum_text,
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
    gbp_conversion_text,
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
from barometre.claims.model import (
    ABOUT,
    CHAPTER_TITLES,
    CONFIRMED,
    CONSISTENT,
    INCONSISTENT,
    OFFICIAL_REFUTED,
    REFUTED,
    SMIC_DAY,
    TARGET_MET,
    TARGET_MISSED,
    UNVERIFIABLE,
    VERDICT_PLURALS,
    VERDICTS,
    VERIFIED,
    Claim,
    Judged,
    Title,
    Verdict,
    average_growth,
    claim_anchor,
    corners,
    growth_between,
    growth_from_parts,
)
from barometre.claims.page import (
    CHECK_LABELS,
    claims_markdown,
    links_for,
    method_text,
    said_text,
    summary_text,
    topic,
)
from barometre.claims.registry import (
    CLAIMS,
    counts,
    judge,
    stated,
    stated_figure,
)

__all__ = [
    "ABOUT",
    "CHAPTER_TITLES",
    "CHECK_LABELS",
    "CLAIMS",
    "CONFIRMED",
    "CONSISTENT",
    "CRISIS_WORD",
    "CRISIS_WORDS_AFTER",
    "INCONSISTENT",
    "OFFICIAL_REFUTED",
    "REFUTED",
    "SMIC_DAY",
    "TARGET_MET",
    "TARGET_MISSED",
    "UNVERIFIABLE",
    "VERDICTS",
    "VERDICT_PLURALS",
    "VERIFIED",
    "Claim",
    "Judged",
    "Title",
    "Verdict",
    "average_growth",
    "check_always_double_digit",
    "check_announced_fall",
    "check_average_growth",
    "check_continuity",
    "check_crisis_drives",
    "check_crisis_year",
    "check_decomposition",
    "check_first_decline",
    "check_forecast",
    "check_graduates",
    "check_growth_ratio",
    "check_hires_vs_created",
    "check_jobs_target",
    "check_jobs_vs_staff",
    "check_market_vs_insee",
    "check_multiple",
    "check_net_pay_vs_smic",
    "check_offshore_acceleration",
    "check_pay_abroad",
    "check_price_later",
    "check_province_jobs",
    "check_regular_growth",
    "check_restated",
    "check_revenue_growth",
    "check_salary_above_smic",
    "check_share_of_revenues",
    "check_share_sum",
    "check_share_trend",
    "check_slowdown",
    "check_smic_rise",
    "check_sp2c_panel",
    "check_staff_growth",
    "check_staff_parts",
    "check_top10_vs_top50",
    "claim_anchor",
    "claims_markdown",
    "corners",
    "counts",
    "gbp_conversion_text",
    "growth_between",
    "growth_from_parts",
    "judge",
    "links_for",
    "method_text",
    "said_text",
    "stated",
    "stated_figure",
    "sum_text",
    "summary_text",
    "topic",
    "unverifiable",
]
