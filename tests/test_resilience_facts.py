"""Issue 25 on the résilience chapter: a chapter is its facts (``resilience.facts``, computed once) plus its text
(Jinja2 templates rendered from the facts). The texts read the facts and recompute nothing; the same facts give the
same text; the chapter's facts, text and payback modules write no French sentence in Python."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest
from executed import notebook_parameters
from test_value_facts import french_sentences

from barometre import load
from barometre.chapters import resilience as ch
from barometre.narrative import mentions
from barometre.paths import ROOT

EDITIONS = (2005, 2008, 2009, 2011, 2013, 2024)  # no share nor model, the article's, its sequel, a forecast fall,
# the one fall, the latest (an average in a person's words)


@pytest.fixture(scope="module")
def ds():
    return load()


def _texts(f: ch.ResilienceFacts) -> list[str]:
    summary = ch.summary_of(f)
    return [ch.weight_text(f), ch.share_text(f), ch.cost_text(f), ch.sectors_text(f), ch.size_text(f),
            ch.takeaways_text(f), ch.no_model_text(), summary.takeaway if summary else "",
            f.payback.text if f.payback else ""]


@pytest.mark.parametrize("edition", EDITIONS)
def test_rendering_the_same_facts_twice_gives_the_same_text(ds, edition):
    f = ch.facts(ds, edition)
    first, second = _texts(f), _texts(f)
    assert first == second
    assert all(isinstance(t, str) for t in first) and sum(len(t) for t in first) > 400  # the texts are rendered
    assert _texts(ch.facts(ds, edition)) == first  # the facts computed again from the same data: the same text


def test_the_facts_are_typed_frozen_and_take_the_notebooks_parameters(ds):
    f = ch.facts(ds, 2011, ch.ResilienceParams(provider_margin=0.2, labour_share=0.5, transition_cost_months=3.0))
    with pytest.raises(FrozenInstanceError):
        f.edition = 2012  # type: ignore[misc]
    assert f.payback is not None and f.payback.labour == 0.5 and not f.payback.implied
    assert "(paramètre du lecteur)" in f.payback.text and "(paramètre du lecteur)" in f.payback_line.text
    assert ch.facts(ds, 0).edition == ds.latest  # 0 is the latest edition, as in the notebook


def test_the_notebooks_parameters_are_the_params_defaults():
    values = notebook_parameters("resilience")
    assert values == {k: getattr(ch.ResilienceParams(), k) for k in values}
    assert set(values) == set(ch.ResilienceParams.__dataclass_fields__)


def test_the_synthesis_line_reads_the_facts(ds):
    f = ch.facts(ds, 2011)
    assert ch.summary(ds, 2011) == ch.summary_of(f)
    line = ch.summary_of(f).takeaway
    assert line.startswith("Les outsourceurs croissent de") and ", plus vite qu'en 2010" in line
    # a fact changed changes the line: nothing in it is computed again from the data
    slower = ch.summary_of(replace(f, trend="ralentit")).takeaway
    assert ", moins vite qu'en 2010" in slower and slower != line
    assert "Prévision pour 2012" not in ch.summary_of(replace(f, outlooks=())).takeaway
    fall = replace(f.growth, value=-3.0)
    assert ch.summary_of(replace(f, growth=fall, trend=None)).takeaway.startswith("L'activité des outsourceurs recule")
    assert ch.summary_of(replace(f, growth=None, average=None)) is None
    latest = ch.facts(ds, 2024)  # the average, in Caroline Adam's words
    assert ch.summary_of(latest).takeaway.startswith("Selon Caroline Adam, les outsourceurs ont crû")
    assert ch.summary_of(replace(latest, average=replace(latest.average, speaker=None))).takeaway.startswith(
        "Les outsourceurs ont crû")


def test_the_takeaways_read_the_facts(ds):
    f = ch.facts(ds, 2011)
    text = ch.takeaways_text(f)
    assert text.startswith("- Croissance du secteur en 2011") and f.payback_line.text in text
    assert "- Part externalisée du marché en 2009" in text
    assert "- Part externalisée" not in ch.takeaways_text(replace(f, recent_share=False))
    assert "- Écart de salaire" not in ch.takeaways_text(replace(f, recent_premium=False))
    assert "- Prévision pour 2012" not in ch.takeaways_text(replace(f, outlooks=()))
    assert "Dans le modèle" not in ch.takeaways_text(replace(f, payback_line=None))
    # the falls are the facts': one, several or none
    size = ch.facts(ds, 2024).market_size
    assert size is not None and len(size.falls) == 1
    g = replace(f, market_size=size)
    assert "seul recul publié" in ch.takeaways_text(g)
    two = replace(size, falls=size.falls * 2)
    assert "reculs publiés de l'ensemble du secteur" in ch.takeaways_text(replace(f, market_size=two))
    assert "recul" not in ch.size_text(replace(f, market_size=replace(size, falls=())))


def test_the_sections_sentences_read_the_facts(ds):
    f = ch.facts(ds, 2008)
    assert f.cost is not None and "multipliée par" in ch.cost_text(f)
    assert "une exigence divisée par" in ch.cost_text(replace(f, cost=replace(f.cost, ratio=0.5)))
    assert "une exigence inchangée" in ch.cost_text(replace(f, cost=replace(f.cost, ratio=1.0)))
    assert ch.cost_text(replace(f, cost=None)) == "" and ch.share_text(replace(f, share=None)) == ""
    assert ch.share_text(f).startswith("Les centres externalisés représentent")
    assert ch.share_text(ch.facts(ds, 2011)).startswith("En 2009, les centres externalisés représentaient")
    assert ch.sectors_text(replace(f, events=f.events.iloc[0:0])).startswith("Aucune édition jusqu'à celle de 2008")
    assert "des éditions 2008 et 2009" in ch.sectors_text(replace(f, event_editions=(2008, 2009)))


def test_the_notebook_computes_the_facts_once_and_its_cells_read_them():
    nb = json.loads((ROOT / "chapters" / "resilience.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert code.count("ch.facts(") == 1
    assert "ds.known(" not in code and "ch.payback_model(" not in code and "ch.summary(" not in code
    assert "ch.takeaways_text(facts)" in code
    # the growth chart's bars are the facts' growths (the claims read them too) and the forecasts are the facts'
    assert "ch.growth_table(" not in code and "ds.forecasts(" not in code and "facts.growth_chart" in code
    assert french_sentences(code) == []  # « confrontées aux chiffres réalisés » is the template's


def test_the_forecasts_and_the_growth_chart_read_the_facts(ds):
    f = ch.facts(ds, 2013)
    text = ch.forecasts_text(f)
    assert text.startswith("Les prévisions publiées, confrontées aux chiffres réalisés :\n\n- ") and text == ch.forecasts_text(f)
    assert ch.forecasts_text(replace(f, forecasts=None)) == ""
    fewer = replace(f.forecasts, pairs=f.forecasts.pairs[:1])
    assert ch.forecasts_text(replace(f, forecasts=fewer)).count("\n- ") < text.count("\n- ")
    _, figs = f.growth_chart
    assert [g.anchor for g in f.growths] == [g.anchor for g in figs[:len(f.growths)]]  # the bars are the growths


def test_the_growth_sections_sentences_read_the_facts(ds):
    f = ch.facts(ds, 2011)
    text = ch.growth_text(f)
    assert ": la croissance accélère" in text and "s'établit à" in text
    assert "s'établit" not in ch.growth_text(replace(f, size=None))
    slower = ch.growth_text(replace(f, year_trend="ralentit"))
    assert ": la croissance ralentit sans que l'activité recule" in slower
    assert ch.growth_text(replace(f, growth=None)) == ""
    later = ch.facts(ds, 2024)
    assert later.cuts and mentions.full(ch.contraction_text(later)).startswith("En 2012, Laurent Uberti")
    assert ch.contraction_text(replace(later, cuts=later.cuts[1:])).startswith("En 2013, selon le baromètre")
    assert ch.contraction_text(replace(later, cuts=())) == ""


def test_the_chapters_modules_write_no_french_sentence():
    package = Path(ch.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert {m.name for m in modules} == {"__init__.py", "facts.py", "text.py", "growth.py", "market.py", "payback.py"}
    for module in modules:
        assert french_sentences(module.read_text(encoding="utf-8")) == [], module.name
    # the check sees a sentence written in Python, as the model's text was before its template
    assert french_sentences('x = f"L\'économie de fonctionnement atteint {rate} du coût interne."\n') != []


def test_the_average_and_the_outlook_are_the_leads_computation(ds):
    """lead25: the résilience chapter computed the edition's average, its speaker's words and the outlook again beside
    « L'essentiel »; it now reads the lead's (``lead.average_facts``, ``lead.outlook``), computed once a page."""
    from barometre import lead
    from barometre.chapters.resilience.facts import _average

    f = ch.facts(ds, 2024)
    found, outlook = lead.average_facts(ds, 2024), lead.outlook(ds, 2024)
    assert f.average == _average(ds, found, outlook) and f.average.parts == found.parts
    said = _average(ds, replace(found, next_words="Il y a eu un ralentissement."), outlook)
    assert "ralentissement" in said.more and said.more != f.average.more
    assert _average(ds, found, replace(outlook, forecasts=())).forecast is None
    assert ch.average_text(f).startswith("Selon ") and ch.average_text(replace(f, average=None)) == ""
    assert ch.average_text(replace(f, average=replace(f.average, parts=()))) != ch.average_text(f)
