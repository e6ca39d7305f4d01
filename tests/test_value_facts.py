"""Issue 25 on the value chapter: a chapter is its facts (``value.facts``, computed once) plus its text (Jinja2
templates rendered from the facts). The texts read the facts and recompute nothing; the same facts give the same
text; no sentence of the chapter's facts and text modules is written in Python."""

from __future__ import annotations

import ast
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest
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
    return [ch.paradox_text(f), ch.pricing_text(f.pricing), ch.margin_text(f.pricing), ch.caps_text(f.pricing),
            ch.quality_text(f), ch.services_of(f.services), ch.takeaways_text(f), ch.summary_of(f).takeaway,
            ch.pricing_takeaway_of(f.pricing).text]


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
    import json

    from barometre.paths import ROOT

    nb = json.loads((ROOT / "chapters" / "value.ipynb").read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
    values: dict = {}
    exec("".join(cell["source"]), {}, values)  # the cell only assigns literals
    values = {k: v for k, v in values.items() if not k.startswith("__")}
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
    # the services line is the facts' services: none in the facts, none in the lines
    assert f.services and ch.services_of(f.services) in text
    assert ch.services_of(f.services) not in ch.takeaways_text(replace(f, services=()))


def test_the_chapters_sentences_read_the_facts(ds):
    f = ch.facts(ds, 2024)
    assert f.said_in == 2009 and "En 2009, la plupart" in ch.paradox_text(f)
    assert ch.paradox_text(replace(f, said_in=None)).startswith("Pour la plupart, les prestataires sont")
    assert "Reste à mesurer" not in ch.paradox_text(replace(f, survey=None))
    assert ch.quality_text(replace(f, interviews=False)).startswith("Le contrat à bonus/malus est le troisième")


def test_a_template_asks_for_what_the_facts_lack():
    with pytest.raises(UndefinedError):  # StrictUndefined: a missing fact stops the build, it never prints nothing
        templating.render("chapters/value/margin.md.j2")


def test_a_templates_lines_are_joined_into_paragraphs_and_list_items():
    assert templating.paragraphs("  Une phrase\ncoupée.\n\n\n- un point\nqui continue\n- un autre\n") == (
        "Une phrase coupée.\n\n- un point qui continue\n- un autre")
    assert templating.paragraphs("\n \n") == ""


FRENCH = {"le", "la", "les", "des", "du", "un", "une", "est", "sont", "qui", "que", "dans", "pour", "avec", "au"}


def french_sentences(source: str) -> list[str]:
    """The string constants of a module (docstrings aside) that read as a French sentence: four words or more,
    one of them a French article, verb or preposition."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            words = node.value.split()
            if len(words) >= 4 and FRENCH & {w.lower() for w in words}:
                found.append(node.value)
    return found


def test_the_chapters_facts_and_text_modules_write_no_french_sentence():
    package = Path(ch.__file__).parent
    for name in ("facts.py", "text.py", "__init__.py"):
        assert french_sentences((package / name).read_text(encoding="utf-8")) == [], name
    # the check sees a sentence written in Python (the chapter's paradox as it was before its template)
    assert french_sentences('text = "Mieux travailler, c\'est donc, pour l\'outsourceur payé à l\'appel, facturer '
                            'moins."\n"""A docstring is no sentence of the book."""')
