"""A claim and its verdict: the verdict words, ``Claim``, ``Verdict``, ``Judged``, and the
interval arithmetic every check uses (a published figure stands for its rounding interval)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import product

from barometre.data import Figure, Quote
from barometre.narrative import templating

VERIFIED = "vérifiée"
OFFICIAL_REFUTED = "démentie par les statistiques officielles"
CONSISTENT = "cohérente"
INCONSISTENT = "incohérente"
CONFIRMED = "confirmée par la suite"
REFUTED = "démentie par la suite"
UNVERIFIABLE = "invérifiable"
# a target is not a statement of fact: it is met or missed, never « démenti » (editor37)
TARGET_MET = "objectif atteint"
TARGET_MISSED = "objectif non atteint"
VERDICTS = (VERIFIED, OFFICIAL_REFUTED, CONSISTENT, INCONSISTENT, CONFIRMED, REFUTED, TARGET_MET, TARGET_MISSED,
            UNVERIFIABLE)
VERDICT_PLURALS = {VERIFIED: "vérifiées", OFFICIAL_REFUTED: "démenties par les statistiques officielles",
                   CONSISTENT: "cohérentes", INCONSISTENT: "incohérentes", CONFIRMED: "confirmées par la suite",
                   REFUTED: "démenties par la suite", TARGET_MET: "objectifs atteints",
                   TARGET_MISSED: "objectifs non atteints", UNVERIFIABLE: "invérifiables"}

SMIC_DAY = (7, 1)  # the Smic of a year: the rate in force on 1 July (the revaluation date until 2009)
ABOUT = ("about",)

CHAPTER_TITLES = {
    "resilience": "La crise et la croissance",
    "offshore": "La France, la province et l'offshore",
    "prices": "Les prix, les coûts et la concentration",
    "value": "Le métier et les salaires",
    "partnership": "L'emploi et les contrats",
}
# a theme as a column of the printed table of verdicts heads it (``page.verdict_table``): the themes' titles,
# three to six words over a column of two-digit counts, were cut over four lines and hyphenated
# (« concentra-tion », issue 27)
CHAPTER_SHORT = {
    "resilience": "Croissance",
    "offshore": "Offshore",
    "prices": "Prix",
    "value": "Salaires",
    "partnership": "Emploi",
}


# --------------------------------------------------------------------------- intervals (rounding)


def corners(func: Callable[..., float], *ranges: tuple[float, float]) -> tuple[float, float]:
    """(min, max) of a function monotone in each argument over a box of intervals."""
    values = [func(*xs) for xs in product(*ranges)]
    return min(values), max(values)


def growth_from_parts(share_a: float, growth_a: float, growth_b: float) -> float:
    """The growth of a whole (%) from the growths of its two parts and the share of part a in the whole
    at the END of the year (both in %): last year's whole is a/(1+ga) + b/(1+gb)."""
    s, ga, gb = share_a / 100, growth_a / 100, growth_b / 100
    return (1 / (s / (1 + ga) + (1 - s) / (1 + gb)) - 1) * 100


def growth_between(start: float, end: float) -> float:
    return (end / start - 1) * 100


def average_growth(growths: Iterable[float]) -> float:
    """The compound yearly average of yearly growths (%)."""
    gs = list(growths)
    prod = math.prod(1 + g / 100 for g in gs)
    return (prod ** (1 / len(gs)) - 1) * 100


# --------------------------------------------------------------------------- claims and verdicts


@dataclass(frozen=True)
class Verdict:
    """A verdict as data: its kind (``VERDICTS``), the words the data chose (``case``: the macro that writes the
    evidence, « growth.forecast » for the macro ``forecast`` of ``templates/chapters/claims/growth.md.j2``), what
    that macro reads (``words``: the figures and the computed numbers, never a sentence) and the figures it rests
    on. ``evidence`` renders the text from them: the same verdict gives the same text."""

    verdict: str
    case: str
    figures: tuple[Figure, ...] = ()
    words: dict = field(default_factory=dict, compare=False)

    @property
    def evidence(self) -> str:
        """MyST Markdown: the computed numbers, formatted, figures linked to the annex."""
        return evidence_text(self.case, self.words)


def evidence_text(case: str, words: dict) -> str:
    """The text of macro ``case`` (« family.macro ») of the claims' templates for ``words``."""
    family, name = case.split(".")
    return templating.paragraphs(str(templating.macro(f"chapters/claims/{family}.md.j2", name)(**words)))


def verdict(kind: str, case: str, figures: tuple = (), **words) -> Verdict:
    """``Verdict(kind, case, figures, words)``, the words as keywords."""
    return Verdict(kind, case, tuple(figures), words)


@dataclass(frozen=True)
class Claim:
    """One claim: where it is said, and how it is tested.

    Exactly one of ``indicator`` (a figure row), ``quote_id`` (a quote row) or ``title_of`` (the title of
    a source's publication) names what is said; ``check(ds, edition, claim, stated)`` judges it
    (``check(ds, edition, claim, stated, facts=…)`` when the claim ``reads`` a chapter's facts)."""

    id: str
    chapter: str
    edition: int
    check: Callable[..., Verdict]
    indicator: str | None = None
    scope: str = "market"
    period: str | None = None
    source: str | None = None
    quote_id: str | None = None
    title_of: str | None = None
    topic: str = ""  # for a quote or a title: a few words, no number
    params: dict = field(default_factory=dict)
    # the chapter whose facts the check reads (a claim that restates the chapter's finding): ``judge`` passes them
    # as ``facts=``, so the claim and the chapter say the same thing from one computation
    reads: str | None = None


@dataclass(frozen=True)
class Title:
    """The title of a publication, as a claim (the article's « L'outsourcing ne connaît pas la crise »)."""

    text: str
    source_name: str
    edition: int


@dataclass(frozen=True)
class Judged:
    claim: Claim
    stated: Figure | Quote | Title
    verdict: Verdict

    @property
    def anchor(self) -> str:
        return claim_anchor(self.claim.id)


def claim_anchor(claim_id: str) -> str:
    return "claim-" + claim_id.replace("_", "-")
