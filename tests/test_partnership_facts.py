"""Issue 25 on the partnership chapter: a chapter is its facts (``partnership.facts``, computed once) plus its text
(Jinja2 templates rendered from the facts). The texts read the facts and recompute nothing; the same facts give the
same text; the chapter's modules write no French sentence in Python."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest
from conftest import set_value
from executed import notebook_parameters
from test_value_facts import french_sentences

from barometre import load
from barometre.chapters import partnership as ch
from barometre.paths import ROOT

EDITIONS = (2005, 2008, 2009, 2011, 2019, 2024)  # regional shares only, the article's, its sequel, the last
# BearingPoint study, the first EY portrait, the latest (a later jobs count)


@pytest.fixture(scope="module")
def ds():
    return load()


def _texts(f: ch.PartnershipFacts) -> list[str]:
    return [ch.staff_text(f), ch.mission_text(f), ch.plan_text(f), ch.numericable_paragraph(f),
            ch.relationship_paragraph(f), ch.voices_text(f), ch.missing_text(f), ch.takeaways_text(f),
            ch.summary_of(f).takeaway]


@pytest.mark.parametrize("edition", EDITIONS)
def test_rendering_the_same_facts_twice_gives_the_same_text(ds, edition):
    f = ch.facts(ds, edition)
    first, second = _texts(f), _texts(f)
    assert first == second
    assert all(isinstance(t, str) for t in first) and sum(len(t) for t in first) > 300  # the texts are rendered
    assert _texts(ch.facts(ds, edition)) == first  # the facts computed again from the same data: the same text


def test_the_facts_are_typed_frozen_and_take_the_notebooks_parameters(ds):
    f = ch.facts(ds, 2011, ch.PartnershipParams(horizons="2, 4"))
    with pytest.raises(FrozenInstanceError):
        f.edition = 2012  # type: ignore[misc]
    assert list(f.mission.jobs.table["years"]) == [2, 4]
    assert "en deux ans, il aurait fallu" in ch.takeaways_text(f)
    assert "en deux ans, et il faudrait encore" in ch.mission_text(f)  # the second horizon, 2013, still ahead
    assert ch.facts(ds, 0).edition == ds.latest  # 0 is the latest edition, as in the notebook


def test_the_notebooks_parameters_are_the_params_defaults():
    values = notebook_parameters("partnership")
    assert values == {k: getattr(ch.PartnershipParams(), k) for k in values}
    assert set(values) == set(ch.PartnershipParams.__dataclass_fields__)


def test_the_notebook_computes_the_facts_once_and_reads_them():
    nb = json.loads((ROOT / "chapters" / "partnership.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert code.count("ch.facts(") == 1
    for recomputed in ("ds.known(", "ch.trend_text(", "ch.training_cost(", "ch.mission_paragraphs(",
                       "ch.staff_paragraphs(", "ch.jobs_takeaway(", "ch.summary("):
        assert recomputed not in code, recomputed


def test_the_synthesis_line_reads_the_facts(ds):
    f = ch.facts(ds, 2024)
    assert ch.summary(ds, 2024) == ch.summary_of(f)
    line = ch.summary_of(f).takeaway
    assert "n’est pas atteint" in line and "une croissance d’environ" in line
    # a fact changed changes the line: nothing in it is computed again from the data
    reached = ch.summary_of(replace(f, count=replace(f.count, reached=True))).takeaway
    assert "l’objectif de" in reached and "est atteint" in reached and "n’est pas atteint" not in reached
    fall = ch.summary_of(replace(f, count=replace(f.count, pace=-1.5))).takeaway
    assert "un recul d’environ 1,5" in fall.replace("\u00a0", " ")
    before = ch.summary_of(replace(f, count=None)).takeaway  # no later count: the target, the jobs created since
    assert before.startswith("Part des CDI") and "la Mission nationale de la relation client visait" in before
    older = ch.facts(ds, 2011)
    moved = replace(older.staff, cdi=(older.staff.cdi[1], older.staff.cdi[0]))  # the two shares swapped: a fall
    assert ch.summary_of(older).takeaway.startswith("La part des CDI progresse")
    assert ch.summary_of(replace(older, staff=moved)).takeaway.startswith("La part des CDI recule")


def test_the_takeaways_read_the_facts(ds):
    f = ch.facts(ds, 2011)
    lines = ch.takeaways_text(f).splitlines()
    assert [line[:14] for line in lines] == ["- Salariés des", "- Objectif de ", "- Plan de la M", "- Numericable "]
    assert "en hausse par rapport" in lines[0]
    moved = replace(f.staff, cdi=(f.staff.cdi[1], f.staff.cdi[0]))
    assert "en CDI : " in ch.takeaways_text(replace(f, staff=moved)) and "en baisse par rapport" in ch.takeaways_text(
        replace(f, staff=moved)).splitlines()[0].split(" ; ")[0]
    assert "- Numericable" not in ch.takeaways_text(replace(f, numericable=None))
    assert "- Plan de la Mission" not in ch.takeaways_text(replace(f, plan=replace(f.plan, cost=None)))
    latest = ch.facts(ds, 2024)
    text = ch.takeaways_text(latest)
    assert text.startswith("- En 2019, selon l'étude d'EY") and "n’est pas atteint" in text
    assert not ch.takeaways_text(replace(latest, staff=replace(latest.staff, portrait=None))).startswith("- En 2019")


def test_the_texts_follow_reversed_data(data_copy):
    # the 2011 edition's CDI share below 2010's: the text, the « À retenir » and the synthesis say it falls
    set_value(data_copy, "permanent_contract_share", "market", "2011", "80", edition=2011)
    f = ch.facts(load(data_copy), 2011)
    assert "en baisse par rapport" in ch.staff_text(f)
    assert "en baisse par rapport" in ch.takeaways_text(f).splitlines()[0]
    assert ch.summary_of(f).takeaway.startswith("La part des CDI recule")


def test_the_partnership_modules_write_no_french_sentence():
    package = Path(ch.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert len(modules) >= 9  # __init__, agreement, facts, jobs, profile, relationship, text, words, workforce
    for module in modules:
        assert french_sentences(module.read_text(encoding="utf-8")) == [], module.name
