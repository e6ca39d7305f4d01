"""Issue 25 on « L'essentiel »: the lead's findings are computed once (``lead.lead_facts``, a ``LeadFacts``) and told by
the templates of ``src/barometre/templates/book/lead/``; its modules write no French sentence, the same facts give the
same text, and the text changes with the facts."""

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
    modules = sorted(Path(lead.__file__).parent.glob("*.py"))
    assert {"__init__.py", "average.py", "facts.py", "findings.py", "sentences.py", "text.py"} <= {m.name for m in modules}
    for module in modules:
        assert french_sentences(module.read_text(encoding="utf-8")) == [], module.name


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


# --------------------------------------------------------------------------- the lead's facts, computed once


@pytest.mark.parametrize("edition", [2008, 2011, 2012, 2024])
def test_the_same_lead_facts_give_the_same_text(ds, edition):
    found = lead.lead_facts(ds, edition)
    first = lead.text(ds, found)
    assert first and lead.text(ds, found) == first
    assert lead.render(ds, edition, found=found) == lead.render(ds, edition) == lead.render(ds, edition, found=found)


def test_the_lead_is_the_text_of_its_facts(ds):
    found = lead.lead_facts(ds, 2011)
    before = lead.text(ds, found)
    headline = found.paragraphs[0][0]
    assert headline.fact.indicator == "revenue_growth" and "10,1" in before.split("\n\n")[0]
    # another figure for the headline fact: the lead states it
    cur = replace(headline.fact.current, value=42.0, low=None, high=None)
    moved = replace(found, paragraphs=((replace(headline, fact=replace(headline.fact, current=cur)),),
                                       *found.paragraphs[1:]))
    after = lead.text(ds, moved)
    assert "42" in after.split("\n\n")[0] and "10,1" not in after.split("\n\n")[0]
    assert after.split("\n\n")[1:] == before.split("\n\n")[1:]  # the other facts are told as they were
    # no outlook: no « Perspectives »
    assert "**Perspectives.**" in before
    assert "**Perspectives.**" not in lead.text(ds, replace(found, outlook=lead.Outlook((), ())))
    # the second paragraph's facts left out: one paragraph of facts fewer
    assert lead.text(ds, replace(found, paragraphs=found.paragraphs[:1])).count("\n\n") == before.count("\n\n") - 1
    # no fact, a fallback figure: the figure, stated
    alone = lead.text(ds, replace(found, paragraphs=(), outlook=lead.Outlook((), ()), fallback=headline.fact.current))
    assert alone.startswith("Croissance du chiffre d") and "10,1" in alone and "\n\n" not in alone


def test_the_average_is_told_from_the_lead_facts(ds):
    found = lead.lead_facts(ds, 2024)
    assert found.average is not None and found.average.next_words and found.average.parts
    before = lead.text(ds, found)
    words = "Il y a eu un ralentissement en 2024"
    assert words in before
    quiet = lead.text(ds, replace(found, average=replace(found.average, next_words="")))
    assert words not in quiet and before.split(" ; «")[0] + ". Pour 2024" in quiet  # the sentence closes before them
    assert "par lieu de production" not in lead.text(ds, replace(found, average=replace(found.average, parts=())))


def test_one_render_computes_the_facts_and_the_outlook_once(ds, monkeypatch):
    from barometre.lead import findings

    calls = []
    for name in ("facts", "outlook", "edition_average"):
        real = getattr(findings, name)
        monkeypatch.setattr(findings, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k))
    lead.render(ds, 2012)
    assert sorted(calls) == ["edition_average", "facts", "outlook"]
    found = lead.lead_facts(ds, 2012)
    calls.clear()
    lead.render(ds, 2012, found=found)  # a page that has the edition's facts computes none again
    assert calls == []


class _Labels:
    """The data's labels (indicators, sources) and nothing else: reading a figure fails."""

    def __init__(self, ds):
        self.indicators, self.sources = ds.indicators, ds.sources


@pytest.mark.parametrize("edition", [2009, 2011, 2024])
def test_the_leads_text_reads_no_figure_of_the_data(ds, edition):
    found = lead.lead_facts(ds, edition)
    assert lead.text(_Labels(ds), found) == lead.text(ds, found)
