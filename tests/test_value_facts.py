"""Issue 25 on the value chapter: a chapter is its facts (``value.facts``, computed once) plus its text (Jinja2
templates rendered from the facts). The texts read the facts and recompute nothing; the same facts give the same
text; no sentence of the chapter's facts and text modules is written in Python."""

from __future__ import annotations

import ast
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest
from executed import notebook_parameters
from jinja2 import UndefinedError

from barometre import load
from barometre.chapters import value as ch
from barometre.chapters.value.text import QUALITY_FIGURE
from barometre.narrative import templating

EDITIONS = (2008, 2009, 2011, 2024)  # the article's, its sequel, a later book with the salary, the latest


@pytest.fixture(scope="module")
def ds():
    return load()


def _texts(f: ch.ValueFacts) -> list[str]:
    texts = [ch.paradox_text(f), ch.pricing_text(f.pricing), ch.margin_text(f.pricing), ch.caps_text(f.pricing),
             ch.quality_text(f), ch.services_of(f.services), ch.takeaways_text(f), ch.summary_of(f).takeaway,
             ch.pricing_takeaway_of(f.pricing).text, ch.adviser_job_of(f.job), ch.gap_history_of(f.salary_gap),
             ch.reported_salary_of(f.reported), ch.smic_text_of(f.smic_rise)]
    if f.pay is not None:
        texts.append(ch.salary_text(f.pay))
        if f.pay.net_france is not None:
            texts.append(ch.net_pay_of(f.pay, f.people[f.pay.net_france.source]))
    if f.abroad is not None:
        texts.append(ch.pay_abroad_of(f.abroad))
    return texts


@pytest.mark.parametrize("edition", EDITIONS)
def test_rendering_the_same_facts_twice_gives_the_same_text(ds, edition):
    f = ch.facts(ds, edition)
    first, second = _texts(f), _texts(f)
    assert first == second
    assert all(isinstance(t, str) for t in first) and sum(len(t) for t in first) > 2000  # the texts are rendered
    # and the facts computed again from the same data and parameters are equal where they can be compared
    again = ch.facts(ds, edition)
    assert _texts(again) == first


def test_the_facts_are_typed_frozen_and_take_the_notebooks_parameters(ds):
    f = ch.facts(ds, 2024, ch.ValueParams(fcr_low=0.5, fcr_high=0.8, max_contacts=4))
    with pytest.raises(FrozenInstanceError):
        f.edition = 2023  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        f.pricing.fcr_low = 0.1  # type: ignore[misc]
    assert (f.pricing.fcr_low, f.pricing.fcr_high, f.pricing.caps) == (0.5, 0.8, (1, 2, 3, 4))
    assert ch.ValueParams() == ch.ValueParams(0, "../data", 0.6, 0.9, 0.75, 0.02, 0.9, 0)  # the notebook's defaults
    assert "après quatre contacts" in ch.pricing_text(f.pricing)


def test_the_notebooks_parameters_are_the_params_defaults():
    values = notebook_parameters("value")
    assert values == {k: getattr(ch.ValueParams(), k) for k in values}
    assert set(values) == set(ch.ValueParams.__dataclass_fields__)


def test_the_synthesis_line_reads_the_facts(ds):
    f = ch.facts(ds, 2024)
    assert ch.summary(ds, 2024) == ch.summary_of(f)
    line = ch.summary_of(f).takeaway
    assert "formé en" in line and "de plus que le Smic" in line
    # a fact changed changes the line: nothing in it is computed again from the data
    untrained = ch.summary_of(replace(f, training=None)).takeaway
    assert "formé en" not in untrained and untrained != line
    below = replace(f.pay, smic_monthly=f.pay.gross.central * 1.25)  # a Smic 25 % above the salary
    assert "20\u00a0% de moins que le Smic" in ch.summary_of(replace(f, pay=below)).takeaway
    unpaid = ch.summary_of(replace(f, pay=None))
    assert unpaid.key_figure == QUALITY_FIGURE and "conseiller" not in unpaid.takeaway


def test_the_takeaways_read_the_facts(ds):
    f = ch.facts(ds, 2024)
    text = ch.takeaways_text(f)
    assert text.startswith("- Salaire moyen brut des conseillers") and "c'est le cas." in text
    assert ch.pricing_takeaway_of(f.pricing).text in text
    # the model's lines follow the facts' pricing, not the parameters the notebook was given
    weak = ch.pricing_facts(0.6, 0.9, 0.75, 0.01, 0.9)
    changed = ch.takeaways_text(replace(f, pricing=weak))
    assert "ce n'est pas le cas." in changed and "c'est le cas." not in changed
    assert not ch.takeaways_text(replace(f, pay=None)).startswith("- Salaire")
    below = replace(f.pay, smic_monthly=f.pay.gross.central * 1.25)
    assert "20\u00a0% de moins que le Smic mensuel brut" in ch.takeaways_text(replace(f, pay=below))
    # the gap to the Smic at the curve's start is the facts' (2024: the curve of 2008 to 2014)
    assert f.salary_gap is not None and ", contre" in text
    assert ", contre" not in ch.takeaways_text(replace(f, salary_gap=None))
    # the services line is the facts' services: none in the facts, none in the lines
    assert f.services and ch.services_of(f.services) in text
    assert ch.services_of(f.services) not in ch.takeaways_text(replace(f, services=()))


def test_the_chapters_sentences_read_the_facts(ds):
    f = ch.facts(ds, 2024)
    assert f.said_in == 2009 and "En 2009, la plupart" in ch.paradox_text(f)
    assert ch.paradox_text(replace(f, said_in=None)).startswith("Pour la plupart, les prestataires sont")
    assert "Reste à mesurer" not in ch.paradox_text(replace(f, survey=None))
    assert ch.quality_text(replace(f, interviews=False)).startswith("Le contrat à bonus/malus est le troisième")


def test_the_pay_sections_sentences_read_the_facts(ds):
    f = ch.facts(ds, 2009)
    assert f.pay is not None and f.abroad is not None and f.job is not None
    net = ch.net_pay_of(f.pay, f.people[f.pay.net_france.source])
    assert "Grande-Bretagne" in net
    # the gap's history follows its facts: a salary that fell under the Smic is said to
    gap = ch.facts(ds, 2014).salary_gap
    assert "(le salaire passe alors" not in ch.gap_history_of(gap)
    crossed = replace(gap, first_gap=0.05, last_gap=-0.02)
    assert "(le salaire passe alors sous le Smic)" in ch.gap_history_of(crossed)
    assert ch.gap_history_of(None) == "" and ch.reported_salary_of(None) == "" and ch.smic_text_of(None) == ""
    # the price levels are the facts': without them, the caveat says what the article does not say
    bare = replace(f.abroad, levels_year=None, here=None, there=None, equivalent=None)
    assert "ne dit pas non plus ce que ce salaire permet d'acheter" in ch.pay_abroad_of(bare)
    assert "Eurostat" in ch.pay_abroad_of(f.abroad)


def test_the_notebook_computes_the_facts_once_and_its_cells_read_them():
    import json

    from barometre.paths import ROOT

    nb = json.loads((ROOT / "chapters" / "value.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert code.count("ch.facts(") == 1
    assert "ds.known(" not in code and "ch.salaries(" not in code and "ch.salary_history(" not in code
    assert "ch.takeaways_text(facts)" in code


def test_a_template_asks_for_what_the_facts_lack():
    with pytest.raises(UndefinedError):  # StrictUndefined: a missing fact stops the build, it never prints nothing
        templating.render("chapters/value/margin.md.j2")


def test_a_templates_lines_are_joined_into_paragraphs_and_list_items():
    assert templating.paragraphs("  Une phrase\ncoupée.\n\n\n- un point\nqui continue\n- un autre\n") == (
        "Une phrase coupée.\n\n- un point qui continue\n- un autre")
    assert templating.paragraphs("\n \n") == ""


FRENCH = {"le", "la", "les", "des", "du", "un", "une", "est", "sont", "qui", "que", "dans", "pour", "avec", "au"}


def _strings(tree: ast.AST):
    """The module's string constants, docstrings aside; an f-string as one text, its fields as « {} »."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            yield "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings | parts:
            yield node.value


# Words that make a string ending as a sentence ends a French sentence (``FRENCH`` with the prepositions and
# negations a sentence often holds alone: « Depuis l'article de 2009, édition par édition : »).
SENTENCE_WORDS = FRENCH | {"de", "en", "à", "et", "ne", "pas", "se", "sur", "par", "aux", "ses", "son", "sa", "il",
                           "elle", "ils", "selon", "depuis", "entre"}


def french_sentences(source: str) -> list[str]:
    """The strings of a module that read as a French sentence: four words or more, one of them a French article,
    verb or preposition, ending as a sentence ends (« . », « ? », « ! », or « : » before a list or a quote, its
    italics aside) or with a clause after « : ». A label (a chart's title, an axis, a tooltip, a source line) is no
    sentence."""
    found = []
    for text in _strings(ast.parse(source)):
        words = {w.lower() for w in text.split()}
        ends = text.strip().rstrip("*_ \n").endswith((".", "?", "!", ":"))
        if len(text.split()) >= 4 and ((SENTENCE_WORDS & words and ends) or (FRENCH & words and " : " in text)):
            found.append(text)
    return found


def test_the_value_chapters_modules_write_no_french_sentence():
    package = Path(ch.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert len(modules) >= 7  # common, pricing, salaries, salary_history, facts, text, __init__
    for module in modules:
        assert french_sentences(module.read_text(encoding="utf-8")) == [], module.name
    # the check sees a sentence written in Python, as the chapter's paradox and salary were before their templates
    assert len(french_sentences(
        'text = "Mieux travailler, c\'est donc, pour l\'outsourceur payé à l\'appel, facturer moins."\n'
        'x = f" Aucune édition après celle de {year} ne publie le salaire des conseillers."\n'
        'title = "Revenu par demande selon le contrat"\n'  # a label: no sentence
        '"""A docstring is no sentence of the book."""')) == 2
    # nor one that introduces a list or ends in italics (themes.since_article and the annex wrote them, issue 25)
    assert len(french_sentences('a = f"Depuis l’article de {year}, édition par édition :\\n\\n"\n'
                                'b = f"*{name} prend le relais : ses chiffres ne se comparent pas aux précédents.*"\n'
                                'c = "Webhelp : part de l\'activité offshore"\n')) == 2  # c: a chart's title
