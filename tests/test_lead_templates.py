"""Issue 25 on « L'essentiel »: the lead's facts (``lead.facts``) are told by the templates of
``src/barometre/templates/book/lead/``; its modules write no French sentence, and the same facts give the same text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_value_facts import french_sentences

from barometre import lead, load


@pytest.fixture(scope="module")
def ds():
    return load()


def test_the_leads_modules_write_no_french_sentence():
    package = Path(lead.__file__).parent
    for module in ("sentences.py", "average.py", "__init__.py", "facts.py"):
        assert french_sentences((package / module).read_text(encoding="utf-8")) == [], module


@pytest.mark.parametrize("edition", [2008, 2009, 2012, 2024])
def test_the_same_facts_give_the_same_lead(ds, edition):
    first = lead.render(ds, edition)
    assert first and lead.render(ds, edition) == first
    facts = lead.facts(ds, edition, ds.forecasts(edition))
    assert [lead.fact_sentence(ds, f) for f in facts] == [lead.fact_sentence(ds, f) for f in facts]


def test_a_fact_sentence_reads_its_fact(ds):
    fact = next(f for f in lead.facts(ds, 2009, ds.forecasts(2009)) if f.indicator == "revenue_growth")
    text = lead.fact_sentence(ds, fact)
    assert "recule" not in text.split(",")[0]
    fell = replace(fact, current=replace(fact.current, value=-4.0, low=None, high=None), kind="reversal")
    assert " recule " in lead.fact_sentence(ds, fell).split(",")[0]  # the verb follows the figure given


def test_the_outlook_is_one_sentence_a_forecast(ds):
    view = lead.outlook(ds, 2012, ds.forecasts(2012))
    sentences = lead.outlook_sentences(ds, view)
    assert len(sentences) >= 3 and all(s.endswith(".") and s[:1].isupper() for s in sentences)
    assert any(" prévoit " in s for s in sentences)
