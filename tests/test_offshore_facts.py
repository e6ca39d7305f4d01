"""Issue 25 on the offshore chapter: a chapter is its facts (``offshore.facts``, computed once) plus its text (Jinja2
templates rendered from the facts). The texts read the facts and recompute nothing; the same facts give the same
text; the chapter's modules and its notebook's code write no French sentence."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest
from executed import notebook_parameters
from test_value_facts import french_sentences

from barometre import load
from barometre.chapters import offshore as ch
from barometre.paths import ROOT

EDITIONS = (2005, 2008, 2009, 2011, 2016, 2024)  # nothing yet, the article's, its sequel, the staff split, the
# positions pair, the latest (France's newer growth, the article's answer)
NOTEBOOK = ROOT / "chapters" / "offshore.ipynb"


@pytest.fixture(scope="module")
def ds():
    return load()


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _texts(f: ch.OffshoreFacts) -> list[str]:
    summary = ch.summary_of(f)
    return [ch.answer_text(f), ch.location_growth_text(f), ch.growth_text(f), ch.zones_growth_text(f),
            ch.france_share_text(f), ch.staff_revenue_text(f), ch.positions_revenue_text(f), ch.workplaces_text(f),
            ch.sites_list_text(f), ch.positions_text(f), ch.debate_text(f), ch.model_section_text(f),
            ch.voices_text(f), ch.missing_text(f), ch.takeaways_text(f), summary.key_label, summary.key_figure,
            summary.takeaway]


@pytest.mark.parametrize("edition", EDITIONS)
def test_rendering_the_same_facts_twice_gives_the_same_text(ds, edition):
    f = ch.facts(ds, edition)
    first, second = _texts(f), _texts(f)
    assert first == second
    assert all(isinstance(t, str) for t in first) and sum(len(t) for t in first) > 400  # the texts are rendered
    assert _texts(ch.facts(ds, edition)) == first  # the facts computed again from the same data: the same text


def test_the_facts_are_typed_frozen_and_take_the_notebooks_parameters(ds):
    f = ch.facts(ds, 2009, ch.OffshoreParams(rate_gap=-0.3, offshore_contacts_per_hour=10.0, service_share=0.2))
    with pytest.raises(FrozenInstanceError):
        f.edition = 2010  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        f.model.k = 1.0  # type: ignore[union-attr]
    assert f.model is not None and f.model.setup.inputs.rate_gap == -0.3 and f.model.service_share == 0.2
    assert f.setup is f.model.setup and f.model.setup.gap_fig is None  # the reader's gap, not the article's
    text = _plain(ch.model_section_text(f))
    assert "de −30 % (paramètre du lecteur)" in text and "pèse 20 % du prix" in text
    assert f.model.takeaway.text in ch.takeaways_text(f)  # « À retenir » gives the model's line of these parameters
    assert ch.facts(ds, 0).edition == ds.latest  # 0 is the latest edition, as in the notebook


def test_the_notebooks_parameters_are_the_params_defaults():
    values = notebook_parameters("offshore")
    assert values == {k: getattr(ch.OffshoreParams(), k) for k in values}
    assert set(values) == set(ch.OffshoreParams.__dataclass_fields__)


def test_the_synthesis_line_reads_the_facts(ds):
    f = ch.facts(ds, 2011)
    assert ch.summary(ds, 2011) == ch.summary_of(f)
    line = ch.summary_of(f).takeaway
    assert line.startswith(f.growth_title + " : ") and " ; effectifs " in line
    # a fact changed changes the line: nothing in it is computed again from the data
    assert ch.summary_of(replace(f, growth_title="Titre")).takeaway.startswith("Titre : ")
    assert " ; effectifs " not in ch.summary_of(replace(f, regional=(), regional_leads=False)).takeaway
    later = ch.facts(ds, 2024)
    line = ch.summary_of(later).takeaway
    assert line.startswith("En 2008, ") and "Croissance en 2024 : " in line
    assert "Croissance en 2024" not in ch.summary_of(replace(later, growth_now=False)).takeaway
    assert ch.summary_of(replace(later, answer=None)).takeaway.startswith("Part de la France dans le chiffre")
    assert "Aucune édition" in ch.summary_of(replace(later, pair=None, newer=(), share=None, share_now=False,
                                                     growth_now=False)).takeaway


def test_the_takeaways_read_the_facts(ds):
    f = ch.facts(ds, 2024)
    text = ch.takeaways_text(f)
    assert "- En 2014, dernière année publiée pour l'ensemble de l'offshore" in text
    assert "- Part de la France dans le chiffre d'affaires" in text and f.model.takeaway.text in text
    # the pair leads, under its title, when France has no newer growth
    alone = ch.takeaways_text(replace(f, newer=()))
    assert alone.startswith(f"- {f.growth_title} : ") and "- Croissance en 2024" not in alone
    assert "- Part de la France" not in ch.takeaways_text(replace(f, share=None))
    assert "Dans le modèle" not in ch.takeaways_text(replace(f, model=None))
    assert "l'offshore employait" not in ch.takeaways_text(replace(f, staff_revenue=None))
    assert "- Effectifs" not in ch.takeaways_text(replace(f, regional=()))
    article = ch.facts(ds, 2008)  # the sites the article cites, and its new jobs in the province
    assert "- Sites cités dans l'édition" in ch.takeaways_text(article)
    assert "- Sites cités" not in ch.takeaways_text(replace(article, sites=article.sites.iloc[0:0]))
    assert "- Nouveaux emplois créés en province" in ch.takeaways_text(article)
    assert "- Nouveaux emplois" not in ch.takeaways_text(replace(article, recent_province=False))


def test_the_texts_follow_their_facts_on_changed_or_reversed_data(ds):
    f = ch.facts(ds, 2009)
    france, offshore = f.pair
    text = ch.growth_text(f)  # 2008: France about +18 %, offshore +9 %, and the barometer's gap
    assert "une croissance deux fois plus forte en France, soit un écart relatif" in text
    assert "écart relatif" not in ch.growth_text(replace(f, gap=None))
    fell = replace(f, pair=(replace(france, value=-3.0, qualifier="exact"), offshore))
    assert "a reculé de" in ch.growth_text(fell) and "alors que l’activité offshore a progressé" in ch.growth_text(fell)
    both = replace(f, pair=(replace(france, value=10.0, qualifier="exact"), replace(offshore, value=12.0)))
    assert "et l’activité offshore, de" in ch.growth_text(both) and "plus forte offshore, de 2 points" in _plain(
        ch.growth_text(both))
    reversed_ = replace(f, pair=(replace(france, value=12.0, qualifier="exact"), replace(offshore, value=-3.0)))
    assert "a progressé de" in ch.growth_text(reversed_) and "alors que l’activité offshore a reculé" in ch.growth_text(
        reversed_)
    # the article's answer: the share under half, or its change in points either way
    later = ch.facts(ds, 2024)
    assert "l’emporte depuis 2021" in ch.answer_text(later)
    up = replace(later.answer, half=None, now=replace(later.answer.now, value=90.0))
    assert "la part de la France progresse de" in ch.answer_text(replace(later, answer=up))
    # the debate in two shares: less or more revenue per head offshore
    s = ch.facts(ds, 2011).staff_revenue
    assert "mais ne réalise que" in ch.staff_revenue_text(replace(f, staff_revenue=s))
    assert "fois plus de chiffre d’affaires" in ch.staff_revenue_text(replace(f, staff_revenue=replace(s, ratio=2.0)))
    assert ch.staff_revenue_text(replace(f, staff_revenue=None)) == ""
    # the model's branch follows its results: an offshore that is not cheaper per resolved request
    dear = ch.facts(ds, 2009, ch.OffshoreParams(offshore_contacts_per_hour=5.0))
    assert dear.model.k <= 1 and "l'offshore n'est pas moins cher" in ch.model_section_text(dear)
    assert ch.model_section_text(replace(f, model=None)).startswith("Le modèle n'est pas calculé")
    # the providers' figures in words: a provider's paragraph, present in the article's edition, dated in a later one
    article = ch.facts(ds, 2008)
    assert "Chez Webhelp, l'offshore représente" in ch.positions_text(article)
    assert "chez Webhelp, l'offshore représentait" in ch.positions_text(f)
    no_webhelp = replace(article, positions=replace(article.positions, webhelp=None))
    assert "Chez Webhelp" not in ch.positions_text(no_webhelp)
    # the province's new jobs: where they go follows the share
    jobs = f.new_jobs
    assert jobs.share is not None and not jobs.growth
    fewer = replace(jobs, share=replace(jobs.share, value=40.0, qualifier="exact"))
    assert "surtout hors de la province" in ch.jobs_text(replace(f, new_jobs=fewer))


def test_the_notebook_computes_the_facts_once_and_its_cells_read_them():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    code = "\n".join(cells)
    assert code.count("ch.facts(") == 1
    assert "ds.known(" not in code and "ch.model_setup(" not in code and "ch.summary(" not in code
    assert "ch.growth_table(" not in code and "ch.growth_pair(" not in code  # the chart reads the facts' growths
    assert "ch.takeaways_text(facts)" in code and "ch.takeaway_lines" not in code
    assert max(len(c.splitlines()) for c in cells) <= 25  # one short cell per section
    assert french_sentences(code) == []  # the notebook's sentences are the templates'


def test_the_chapters_modules_write_no_french_sentence():
    package = Path(ch.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert {m.name for m in modules} >= {"__init__.py", "facts.py", "text.py", "growth.py", "providers.py",
                                          "sites.py", "contact_model.py", "workplaces.py", "common.py"}
    for module in modules:
        assert french_sentences(module.read_text(encoding="utf-8")) == [], module.name
    # the check sees a sentence written in Python, as the model's text was before its template
    assert french_sentences('x = f"Le modèle n\'est pas calculé : il part de chiffres qu\'aucune édition publie."\n')
