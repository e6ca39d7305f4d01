"""Issue 25 on « La guerre des prix »: a chapter is its facts (``prices.facts``, computed once) plus its text (Jinja2
templates rendered from the facts). The texts read the facts and recompute nothing; the same facts give the same
text; the « alors que » / « quand » between the price and the Smic is decided once, in the facts; no module of the
chapter writes a French sentence in Python."""

from __future__ import annotations

import json
import re
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pandas as pd
import pytest
from executed import notebook_parameters
from test_value_facts import french_sentences

from barometre import load
from barometre.chapters import prices as ch
from barometre.chapters.prices.facts import hour_price
from barometre.paths import ROOT

EDITIONS = (2005, 2008, 2009, 2011, 2014, 2024)  # nothing published, the article's (price, claim, model), its
# sequel (the index of concentration), the telecoms' edition (an older price), a later one, the latest (the members'
# share, Insee's later prices)


@pytest.fixture(scope="module")
def ds():
    return load()


def _texts(f: ch.PricesFacts) -> list[str]:
    summary = ch.summary_of(f)
    return [ch.personnel_text(f), ch.price_text(f), ch.check_text(f), ch.concentration_text(f), ch.minute_text(f),
            ch.takeaways_text(f), summary.key_label, summary.key_figure, summary.takeaway,
            f.margin.text if f.margin else "", f.cost_line]


@pytest.mark.parametrize("edition", EDITIONS)
def test_rendering_the_same_facts_twice_gives_the_same_text(ds, edition):
    f = ch.facts(ds, edition)
    first, second = _texts(f), _texts(f)
    assert first == second
    assert all(isinstance(t, str) for t in first) and sum(len(t) for t in first) > 200  # the texts are rendered
    assert _texts(ch.facts(ds, edition)) == first  # the facts computed again from the same data: the same text


def test_the_facts_are_typed_frozen_and_take_the_notebooks_parameters(ds):
    f = ch.facts(ds, 2008, ch.PricesParams(start_margin=0.12, personnel_share_start=0.6, productivity_gain=0.01,
                                           minutes_per_year=5e6))
    with pytest.raises(FrozenInstanceError):
        f.edition = 2009  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        f.hour.contrast = False  # type: ignore[misc]
    assert f.margin is not None and f.margin.personnel_start == 0.6 and f.margin.inputs.start_margin == 0.12
    text = f.margin.text.replace("\u00a0", " ")
    assert "(paramètre du lecteur)" in text and "1 % par an, une autre hypothèse" in text
    assert f.model_line is f.margin.line  # the model's « À retenir » line is the one its text was written with
    assert "de 6 à 18 % (hypothèse du livre)" in f.model_line.text.replace("\u00a0", " ")  # the band around the reader's 12 %
    assert f.minute is not None and f.minute.minutes_per_year == 5e6
    assert ch.facts(ds, 2008).margin.personnel_start == f.personnel.central / 100  # the default: the barometer's


def test_the_notebooks_parameters_are_the_params_defaults():
    values = notebook_parameters("prices")
    assert values == {k: getattr(ch.PricesParams(), k) for k in values}
    assert set(values) == set(ch.PricesParams.__dataclass_fields__)


def test_the_synthesis_line_reads_the_facts(ds):
    f = ch.facts(ds, 2008)
    assert ch.summary(ds, 2008) == ch.summary_of(f)
    line = ch.summary_of(f).takeaway
    assert line.startswith("L'heure de production se vend") and ", quand le Smic a augmenté" in line
    assert "l'effet de ciseaux pèse sur les marges" in line
    # a fact changed changes the line: nothing in it is computed again from the data
    assert ", et le Smic a augmenté" in ch.summary_of(replace(f, hour=replace(f.hour, contrast=False))).takeaway
    assert "ciseaux" not in ch.summary_of(replace(f, hour=replace(f.hour, scissors=False))).takeaway
    assert "Smic" not in ch.summary_of(replace(f, hour=replace(f.hour, claim=None))).takeaway
    personnel = ch.summary_of(replace(f, hour=None))
    assert personnel.takeaway.startswith("Le coût du personnel représente") and personnel.key_label == f.personnel.label
    assert ch.summary_of(replace(f, hour=None, personnel=None)).takeaway.startswith("Aucune édition du baromètre")
    later = ch.facts(ds, 2011)  # an older price: the edition's own figure leads, the price is history
    assert later.own is not None and later.hour.past
    told = ch.summary_of(later)
    assert told.takeaway.startswith("Les télécoms font") and "En 2008, l'heure de production se vendait" in told.takeaway
    assert told.key_label == later.own.figure.label
    alone = ch.summary_of(replace(later, own=None))
    assert alone.takeaway.startswith("En 2008, l'heure de production se vendait")
    assert "Aucune édition après celle de 2008 ne publie le prix de l'heure" in alone.takeaway
    latest = ch.facts(ds, 2024)  # Insee's later prices are the key figure
    assert latest.hour.later is not None and ch.summary_of(latest).key_label == ch.LATER_PRICES_LABEL
    assert ch.summary_of(replace(latest, hour=replace(latest.hour, later=None))).key_label == latest.own.figure.label


def test_the_takeaways_read_the_facts(ds):
    f = ch.facts(ds, 2008)
    text = ch.takeaways_text(f)
    lines = text.split("\n")
    assert lines[0].startswith("- Coût du personnel : ") and lines[1].startswith("- Prix de l'heure de production : il")
    assert f.model_line.text in text and f.cost_line in text and "- Smic (entre 2000 et 2008) :" in text
    assert "Pour que le prix cité" not in ch.takeaways_text(replace(f, model_line=None))
    assert "Coût employeur au Smic" not in ch.takeaways_text(replace(f, cost_line=""))
    assert "- Smic (" not in ch.takeaways_text(replace(f, check=None))
    assert "- Prix de l'heure" not in ch.takeaways_text(replace(f, hour=None))
    assert "d'après les textes officiels" in text
    risen = replace(f.check, check=replace(f.check.check, rise=50.0))  # the official rise is the fact's
    assert "+50 % d'après les textes officiels" in ch.takeaways_text(replace(f, check=risen)).replace("\u00a0", " ")
    later = ch.facts(ds, 2024)
    assert ch.takeaways_text(later).startswith("- " + ch.own_text(later.own).strip())
    # the members' weight is a fact (MembersShare), its words the text's: another share, another sentence
    wider = replace(later.own, members=replace(later.own.members, coverage=replace(later.own.members.coverage,
                                                                                     low=80.0, high=85.0)))
    assert ch.own_text(wider) != ch.own_text(later.own) and "80 à 85" in ch.own_text(wider)
    assert not ch.takeaways_text(replace(later, own=None)).startswith("- En 2024, les membres du SP2C")
    assert f"- {ch.LATER_PRICES_LABEL} : " in ch.takeaways_text(later)


def test_the_price_and_the_smic_are_joined_by_words_the_facts_choose(ds):
    """The « alors que » of the chapter and the « quand » of the synthesis come from one fact, ``contrast``."""
    edition = 2008
    price = ds.known("production_hour_price_change_since_2000", edition)
    claim = ds.known("smic_increase_claimed", edition)
    f = ch.facts(ds, edition)
    cases = {  # (price, claim) -> the price and the Smic set apart, the scissors
        (price, claim): (True, True),  # cheaper while the Smic rises: the article's case
        (replace(price, low=4.0, high=6.0), claim): (False, False),  # dearer, the Smic rising: « et »
        (price, replace(claim, value=-5.0)): (False, False),  # cheaper, the Smic falling
        (replace(price, low=4.0, high=6.0), replace(claim, value=-5.0)): (True, False),  # dearer, the Smic falling
    }
    for (p, c), (contrast, scissors) in cases.items():
        hour = hour_price(ds, edition, p, c)
        assert (hour.contrast, hour.scissors) == (contrast, scissors)
        g = replace(f, hour=hour)
        text, line = ch.price_text(g), ch.summary_of(g).takeaway
        assert (", alors que le Smic" in text) == contrast and (", et le Smic" in text) == (not contrast)
        assert (", quand le Smic" in line) == contrast and (", et le Smic" in line) == (not contrast)
        assert ("ciseaux" in line) == scissors
        assert ("plus cher" in text) == (p.low > 0) and ("moins cher" in text) == (p.high < 0)
        assert ("a baissé" in text) == (c.value < 0)


def test_the_sections_sentences_read_the_facts(ds):
    f = ch.facts(ds, 2008)
    assert ch.personnel_text(f).startswith("Selon le baromètre, le coût du personnel représente")
    assert "prestataires déplorent" not in ch.personnel_text(replace(f, salaries=None))
    assert ch.personnel_text(replace(f, personnel=None, salaries=None)) == ""
    assert ch.price_text(replace(f, hour=None)) == "" and ch.check_text(replace(f, check=None)) == ""
    check = ch.check_text(f)
    assert check.startswith(":::{admonition} Vérification\n") and check.endswith("\n:::")
    assert "L'affirmation est vérifiée" in check
    refuted = replace(f.check, check=replace(f.check.check, holds=False))
    assert "L'affirmation n'est pas vérifiée" in ch.check_text(replace(f, check=refuted))
    assert ch.minute_text(replace(f, minute=None)) == ""
    assert ch.history_text(False).startswith("Aucun chiffre de ce chapitre") and ch.history_text(True).startswith(
        "Chaque indicateur")
    market = ch.facts(ds, 2009).concentration
    assert market.hhi and "indice de Herfindahl-Hirschman" in ch.concentration_text(ch.facts(ds, 2009))
    without = replace(ch.facts(ds, 2009), concentration=replace(market, table=None, moves=()))
    assert "Herfindahl" not in ch.concentration_text(without) and "Le marché bouge" not in ch.concentration_text(without)


def test_the_clients_index_and_labour_sections_read_the_facts(ds):
    """The sections that read the dataset in their functions (issue 25: the client sectors, the index chart, the
    employer cost) are facts now: replacing a fact changes the section's text, the same facts give the same text."""
    f = ch.facts(ds, 2011)
    text = ch.clients_text(f.clients)
    assert text == ch.clients_text(f.clients) and "télécoms" in text
    assert "télécoms" not in ch.clients_text(replace(f.clients, telecoms=None, voices=None))
    assert f.clients.told_quotes and not replace(f.clients, voices=None).told_quotes
    rose = replace(f.clients.contacts, value=90.0)
    assert ch.clients_text(replace(f.clients, contacts=rose)) != text
    g = ch.facts(ds, 2008)
    words = ch.price_index_text(g.index, g.hour.price, g.hour.start)
    assert words != ch.price_index_text(replace(g.index, smic=g.index.smic + 10), g.hour.price, g.hour.start)
    assert not g.index.indices.empty and not g.index.band.empty and not g.margin.factors.empty
    later = ch.facts(ds, 2024)
    labour = ch.labour_words(later.labour, 2024, later.squeeze)
    assert labour == ch.labour_words(later.labour, 2024, later.squeeze) and later.labour.later is not None
    assert ch.labour_words(replace(later.labour, first=None), 2024, later.squeeze) != labour
    assert later.cost_line == ch.cost_takeaway_of(later.squeeze, later.labour.later)  # one computation for both
    assert ch.activity_text(pd.DataFrame(), later.channels, None, None, None, None).strip() == \
        ch.channels_text(later.channels)


def test_the_model_texts_follow_their_numbers(ds):
    f = ch.facts(ds, 2008)
    assert "il aurait fallu gagner" in f.margin.text and "la guerre des prix se paie quelque part" in f.margin.text
    boom = replace(f.hour.price, low=150.0, high=200.0)  # a price that rose threefold keeps the margin
    model = ch.margin_model(ds, boom, f.personnel, list(f.hour.years), 2000, 2008, start_margin=0.08,
                            personnel_share_start=-1.0, productivity_gain=0.0)
    assert "La marge de 2000 se maintient sans gain de productivité." in model.text and "atteindrait" in model.text
    assert model.line.text.startswith("- Dans le modèle, la marge de 2000 se maintient jusqu'en 2008")
    deep = replace(f.hour.price, low=-60.0, high=-50.0)
    model = ch.margin_model(ds, deep, f.personnel, list(f.hour.years), 2000, 2008, start_margin=0.02,
                            personnel_share_start=0.3, productivity_gain=0.0)
    assert "deviendrait négative" in model.text and "Même une productivité infinie ne préserverait pas" in model.text
    assert model.line.text.startswith("- Dans le modèle, même une productivité infinie ne garderait pas la marge")


def test_the_notebook_computes_the_facts_once_and_its_cells_read_them():
    nb = json.loads((ROOT / "chapters" / "prices.ipynb").read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    code = "\n".join(cells)
    assert code.count("ch.facts(") == 1
    assert "ds.known(" not in code and "ch.summary(" not in code and "ch.margin_model(" not in code
    assert "ch.smic_check(" not in code and "ch.labour_squeeze(" not in code and "ch.hhi_table(" not in code
    assert "ch.takeaways_text(facts)" in code
    # the sections read the facts, not the data: only the chart of every indicator and the shared pages' helpers
    # (the digest, « Depuis l'article », the themes, the claims) still take the dataset
    assert set(re.findall(r"ch\.(\w+)\(ds\b", code)) == {"facts", "history_chart", "history_table"}, code
    assert "alors que" not in code and "quand" not in code  # the decision is the facts' (HourPrice.contrast)
    assert max(len(c.splitlines()) for c in cells) <= 25
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")  # committed without outputs


def test_the_prices_chapters_modules_write_no_french_sentence():
    package = Path(ch.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert {m.name for m in modules} == {"__init__.py", "common.py", "clients.py", "smic.py", "margin.py",
                                         "labour.py", "concentration.py", "facts.py", "text.py"}
    for module in modules:
        assert french_sentences(module.read_text(encoding="utf-8")) == [], module.name
    # the check sees a sentence written in Python, as the chapter's verdict was before its template
    assert french_sentences('v = "L\'affirmation n\'est pas vérifiée par la série officielle."\n') != []
