"""Issue 25: a claim that restates a chapter's finding reads that chapter's facts (``Claim.reads``; ``judge(...,
facts=...)``), it does not find the same figures again in the data.

Two tests that can fail: every claim that ``reads`` a chapter's facts follows them (the relevant fact changed with
``dataclasses.replace``, its verdict or its text changes), and every claim whose verdict rests on a figure its
chapter's facts hold (the same data row, other than the claim's own) reads them, on every edition of the real data,
unless it is one of the consistency checks of the claim's own edition listed in ``OWN_EDITION`` with the reason."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pandas as pd
import pytest

from barometre import book, load
from barometre import claims as cl
from barometre.data import Figure

# Claims whose verdict rests on a figure the chapter's facts hold in some edition, that still read the data: each
# tests figures of the claim's own edition against each other (in their most precise form, ``evidence._precise``),
# which is not a finding the chapter states, and says so.
OWN_EDITION = {
    # a growth against the two revenues its own edition publishes: the chapter gives the size of its latest year
    # (``ResilienceFacts.size``), never the growth two revenues imply
    "growth_2007_revenue": "the growth implied by two revenues of the claim's edition",
    "growth_2008_revenue": "the growth implied by two revenues of the claim's edition",
    "growth_2009_revenue": "the growth implied by two revenues of the claim's edition",
    "growth_2010_revenue": "the growth implied by two revenues of the claim's edition",
    "growth_2011_revenue": "the growth implied by two revenues of the claim's edition",
    "average_growth_2005_2008": "an average against the yearly growths its own edition publishes",
    "market_quadrupled_2017": "a multiple of two figures of fixed years (2017, 2000); the chapter states no multiple",
    "sp2c_coverage_2024": "a share against the two revenues its own edition publishes",
    # a growth against its French and offshore parts, the gap between them, shares of one whole: the edition's own
    # figures added up; the chapter gives the latest pair and shares, not their sums
    "decomposition_2006": "a growth against its parts, as its edition publishes them",
    "decomposition_2008": "a growth against its parts, as its edition publishes them",
    "decomposition_2008_uberti": "a growth against its parts, as its edition publishes them",
    "decomposition_2010": "a growth against its parts, as its edition publishes them",
    "decomposition_2011": "a growth against its parts, as its edition publishes them",
    "france_twice_offshore": "the ratio of two growths its edition publishes",
    "shares_2005": "shares of one whole that must add up",
    "shares_2008": "shares of one whole that must add up",
    "shares_2009": "shares of one whole that must add up",
    "shares_2010": "shares of one whole that must add up",
    "shares_2011": "shares of one whole that must add up",
    "staff_locations_2005": "shares of one whole that must add up",
    "staff_locations_2011": "shares of one whole that must add up",
    "inbound_outbound": "shares of one whole that must add up",
    "part_time_10": "shares of one whole that must add up",
    # two publications of one edition set against each other: every other publication, not only the chapter's
    "telecom_60": "two publications of one edition (every other one, not only the one the chapter gives)",
    "graduates_56": "two thresholds of diploma in one edition: the stricter cannot give the larger share",
}


def _rows(obj, out: dict, seen: set, path: str = "") -> None:
    """Every figure a chapter's facts hold (its data row, ``file`` and ``row``), with where: through dataclasses,
    mappings and sequences (not the tables, which only the charts read)."""
    if id(obj) in seen or isinstance(obj, pd.DataFrame | str | bytes | int | float | type(None)):
        return
    seen.add(id(obj))
    if isinstance(obj, Figure):
        out.setdefault((obj.file, obj.row), path)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _rows(getattr(obj, f.name), out, seen, f"{path}.{f.name}")
    elif isinstance(obj, dict):
        for key, value in obj.items():
            _rows(value, out, seen, f"{path}[{key!r}]")
    elif isinstance(obj, list | tuple | set | frozenset):
        for i, value in enumerate(obj):
            _rows(value, out, seen, f"{path}[{i}]")


@pytest.fixture(scope="module")
def ds():
    return load()


@pytest.fixture(scope="module")
def every_edition(ds):
    """Each edition's chapters' facts, and the rows they hold."""
    out = {}
    for edition in ds.editions:
        facts = {name: book.chapter(name).load().facts(ds, edition) for name in book.analysis_chapters()}
        held = {}
        for name, f in facts.items():
            held[name] = {}
            _rows(f, held[name], set())
        out[edition] = (facts, held)
    return out


def test_every_claim_whose_chapter_states_the_figures_of_its_verdict_reads_the_chapters_facts(ds, every_edition):
    """The figures a verdict rests on (its own row aside) that its chapter's facts also hold, on the 15 editions: a
    claim resting on one reads the chapter's facts, or is a consistency check of its own edition (``OWN_EDITION``)."""
    stated: dict[str, set] = {}
    for edition, (facts, held) in every_edition.items():
        for j in cl.judge(ds, edition, facts=facts):
            own = (j.stated.file, j.stated.row) if isinstance(j.stated, Figure) else None
            shared = {(edition, held[j.claim.chapter][(f.file, f.row)]) for f in j.verdict.figures
                      if (f.file, f.row) != own and (f.file, f.row) in held[j.claim.chapter]}
            if shared:
                stated.setdefault(j.claim.id, set()).update(shared)
    assert stated  # the detector finds the chapters' figures in the verdicts
    by_id = {c.id: c for c in cl.CLAIMS}
    unread = {i: sorted(s)[:3] for i, s in stated.items() if by_id[i].reads is None and i not in OWN_EDITION}
    assert not unread, f"claims resting on their chapter's figures without reading its facts: {unread}"
    # the exceptions are still exceptions, and none of them reads the facts: the list does not go stale
    assert set(OWN_EDITION) <= set(stated), sorted(set(OWN_EDITION) - set(stated))
    assert not [i for i in OWN_EDITION if by_id[i].reads is not None]
    # the growth series the résilience chapter draws is among what the claims on the sector's course read
    assert any(path.startswith(".growths") for _, path in stated["first_decline_2013"])


def test_a_claim_reads_the_facts_of_its_own_chapter():
    """A chapter judges its claims on its own facts (``links_for``), under its own declared inputs: a claim reads the
    facts of the chapter it belongs to, and a good share of the claims read them."""
    reading = [c for c in cl.CLAIMS if c.reads is not None]
    assert all(c.reads == c.chapter for c in reading), [c.id for c in reading if c.reads != c.chapter]
    assert {c.chapter for c in reading} == set(book.analysis_chapters())
    assert len(reading) >= 25


# --------------------------------------------------------------------------- each reading claim follows its facts


def _shift(fig: Figure, by: float) -> Figure:
    """Another value of the same row: its value and bounds moved by ``by``."""
    return dataclasses.replace(fig, **{k: getattr(fig, k) + by for k in ("value", "low", "high")
                                       if getattr(fig, k) is not None})


def _growths(f, claim):
    return dataclasses.replace(f, growths=tuple(_shift(g, -17.0) for g in f.growths))


def _restated(f, claim):
    name = claim.params["fact"]
    if name == "growth_of":
        return _growths(f, claim)
    if name == "cdi_of":
        staff = f.staff
        return dataclasses.replace(f, staff=dataclasses.replace(
            staff, cdi=tuple(None if g is None else _shift(g, -9.0) for g in staff.cdi)))
    return dataclasses.replace(f, **{name: _shift(getattr(f, name), -9.0)})


def _smic_rise(f, claim):
    return dataclasses.replace(f, check=dataclasses.replace(
        f.check, check=dataclasses.replace(f.check.check, rise=f.check.check.rise - 30.0, end_eur=99.0)))


def _jobs_target(f, claim):
    return dataclasses.replace(f, count=dataclasses.replace(f.count, later=_shift(f.count.later, 250000.0),
                                                            reached=not f.count.reached))


def _hires(f, claim):
    outcome = f.mission.outcome
    moved = dataclasses.replace(outcome, measured=[_shift(g, 7000.0) for g in outcome.measured])
    return dataclasses.replace(f, mission=dataclasses.replace(f.mission, outcome=moved))


def _pay_abroad(f, claim):
    return dataclasses.replace(f, abroad=dataclasses.replace(f.abroad, equivalent=f.abroad.equivalent * 1.5))


def _price_later(f, claim):
    change, start, end = f.hour.insee
    return dataclasses.replace(f, hour=dataclasses.replace(f.hour, insee=(-change, start, end)))


def _salary(f, claim):
    return dataclasses.replace(f, smic_months={y: v * 1.4 for y, v in f.smic_months.items()})


def _offshore_shares(f, claim):
    return dataclasses.replace(f, offshore_shares=tuple(_shift(g, 11.0 * i) for i, g in enumerate(f.offshore_shares)))


def _offshore_growths(f, claim):
    return dataclasses.replace(f, offshore_growths=tuple(_shift(g, 30.0) for g in f.offshore_growths),
                               offshore_shares=tuple(_shift(g, -5.0 * i) for i, g in enumerate(f.offshore_shares)))


# the fact each check reads, changed
CHANGES: dict[str, Callable] = {
    "check_crisis_year": _growths,
    "check_forecast": _growths,
    "check_crisis_drives": _growths,
    "check_slowdown": _growths,
    "check_continuity": _growths,
    "check_regular_growth": _growths,
    "check_announced_fall": _growths,
    "check_always_double_digit": _growths,
    "check_first_decline": _growths,
    "check_restated": _restated,
    "check_smic_rise": _smic_rise,
    "check_price_later": _price_later,
    "check_jobs_target": _jobs_target,
    "check_hires_vs_created": _hires,
    "check_pay_abroad": _pay_abroad,
    "check_salary_above_smic": _salary,
    "check_share_trend": _offshore_shares,
    "check_offshore_acceleration": _offshore_growths,
}
# the edition whose chapter states the claim's figure, when the latest does not (its trend has moved on)
READ_IN = {"cdi_73": 2010}


@pytest.mark.parametrize("claim", [c for c in cl.CLAIMS if c.reads], ids=lambda c: c.id)
def test_a_claim_that_reads_its_chapters_facts_follows_them(ds, every_edition, claim):
    edition = READ_IN.get(claim.id, ds.latest)
    facts = every_edition[edition][0][claim.reads]

    def judged(f):
        return next(j.verdict for j in cl.judge(ds, edition, claim.chapter, facts={claim.reads: f})
                    if j.claim.id == claim.id)

    assert claim.check.__name__ in CHANGES, "say which fact the claim reads: add its check to CHANGES"
    before = judged(facts)
    assert before == next(j.verdict for j in cl.judge(ds, edition) if j.claim.id == claim.id)  # given or computed
    after = judged(CHANGES[claim.check.__name__](facts, claim))
    assert (after.verdict, after.evidence) != (before.verdict, before.evidence), claim.id


def test_a_chapters_line_of_links_is_the_same_from_its_facts_or_computed(ds, every_edition):
    for edition in (2008, 2011, 2013, ds.latest):
        facts = every_edition[edition][0]
        for name in book.analysis_chapters():
            assert cl.links_for(ds, edition, name, facts[name]) == cl.links_for(ds, edition, name), (edition, name)


# the fact removed: the chapter states none of the claim's figure (another period, another target), and the claim
# falls back on the data, which on the real data say the same
WITHOUT = {
    "check_restated": lambda f, claim: (
        dataclasses.replace(f, growths=()) if claim.params["fact"] == "growth_of"
        else dataclasses.replace(f, staff=dataclasses.replace(f.staff, cdi=None)) if claim.params["fact"] == "cdi_of"
        else dataclasses.replace(f, **{claim.params["fact"]: None})),
    "check_smic_rise": lambda f, claim: dataclasses.replace(f, check=None),
    "check_jobs_target": lambda f, claim: dataclasses.replace(f, count=None),
    "check_hires_vs_created": lambda f, claim: dataclasses.replace(f, mission=dataclasses.replace(
        f.mission, outcome=dataclasses.replace(f.mission.outcome, measured=[]))),
    "check_pay_abroad": lambda f, claim: dataclasses.replace(f, abroad=None),
    "check_salary_above_smic": lambda f, claim: dataclasses.replace(f, smic_months={}, reported=None),
}


@pytest.mark.parametrize("claim", [c for c in cl.CLAIMS if c.reads and c.check.__name__ in WITHOUT],
                         ids=lambda c: c.id)
def test_a_claim_whose_chapter_does_not_state_its_figure_reads_the_data_and_finds_the_same(ds, every_edition, claim):
    edition = READ_IN.get(claim.id, ds.latest)
    facts = every_edition[edition][0][claim.reads]

    def judged(f):
        return next(j.verdict for j in cl.judge(ds, edition, claim.chapter, facts={claim.reads: f})
                    if j.claim.id == claim.id)

    with_facts, without = judged(facts), judged(WITHOUT[claim.check.__name__](facts, claim))
    assert (without.verdict, without.evidence) == (with_facts.verdict, with_facts.evidence), claim.id
