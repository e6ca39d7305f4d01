"""Issue 25 on the claims page (« Les affirmations à l'épreuve »): a verdict is data (its kind, the figures it rests on,
the words the data chose: ``Verdict.case`` and ``Verdict.words``) and its text is rendered from the templates of
``templates/chapters/claims/``; the same verdict gives the same text; a claim that restates a chapter's finding reads
that chapter's facts; no module of ``barometre.claims`` writes a French sentence in Python."""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from test_value_facts import french_sentences

from barometre import claims as cl
from barometre import load
from barometre.chapters import resilience
from barometre.claims.model import evidence_text
from barometre.narrative import templating
from barometre.paths import ROOT

EDITIONS = (2005, 2008, 2009, 2011, 2013, 2024)


@pytest.fixture(scope="module")
def ds():
    return load()


@pytest.mark.parametrize("edition", EDITIONS)
def test_rendering_the_same_verdicts_twice_gives_the_same_text(ds, edition):
    judged = cl.judge(ds, edition)
    assert judged
    first = [j.verdict.evidence for j in judged]
    assert [j.verdict.evidence for j in judged] == first
    assert [j.verdict.evidence for j in cl.judge(ds, edition)] == first  # judged again from the same data
    assert all(text.strip() for text in first)
    page = cl.claims_markdown(ds, edition)
    assert cl.claims_markdown(ds, edition) == page


def test_a_verdict_is_data_and_its_text_is_rendered_from_its_words(ds):
    judged = {j.claim.id: j.verdict for j in cl.judge(ds, 2024)}
    for claim_id, v in judged.items():
        family, name = v.case.split(".")
        module = templating.environment().get_template(f"chapters/claims/{family}.md.j2").module
        assert hasattr(module, name), claim_id
        assert v.evidence == evidence_text(v.case, v.words), claim_id
        # the words are data, not text: figures, numbers, flags, lists, the reason's name; no sentence among them
        assert not [w for w in v.words.values() if isinstance(w, str) and french_sentences(repr(w))], claim_id
    # the text follows the words: the same case with another computed growth says the other growth
    v = judged["growth_2010_revenue"]
    assert v.case == "growth.revenue_growth" and "12,3" not in v.evidence
    assert "12,3\u00a0%" in replace(v, words={**v.words, "central": 12.3}).evidence
    # and the words the data chose: a slowdown that no longer slows says so
    v = judged["growth_goes_on_slowly"]
    other = replace(v, words={**v.words, "slower": not v.words["slower"], "across_break": False})
    assert ("ce n’est pas" in v.evidence) != ("ce n’est pas" in other.evidence)


def test_a_template_asks_for_what_the_verdict_lacks():
    with pytest.raises(UndefinedError):  # StrictUndefined: a missing word stops the build, it never prints nothing
        evidence_text("growth.revenue_growth", {})


def test_an_unverifiable_claim_names_its_reason_and_the_reason_is_a_template():
    reasons = [c for c in cl.CLAIMS if "why" in c.params]
    assert reasons
    macros = templating.environment().get_template("chapters/claims/reasons.md.j2").module
    for claim in reasons:
        assert " " not in claim.params["why"]  # a name, not a sentence
        assert str(getattr(macros, claim.params["why"])()).strip().endswith("."), claim.id


def _announced_fall(ds, edition, facts=None):
    judged = cl.judge(ds, edition, "resilience", facts=facts)
    return next(j.verdict for j in judged if j.claim.id == "fall_announced_2013")


def test_the_claim_on_the_2013_fall_reads_the_resilience_chapters_facts(ds):
    """The claim « un impact négatif en 2013 … des fermetures de sites » restates the chapter's contraction: the
    jobs cut and the sites closed are the chapter's ``cuts`` facts, not computed again."""
    facts = resilience.facts(ds, 2024)
    v = _announced_fall(ds, 2024, {"resilience": facts})
    assert v == _announced_fall(ds, 2024)  # given or computed by ``judge``, the same facts
    cut = next(c for c in facts.cuts if c.figure.period == "2013")
    assert v.words["jobs"].value == cut.figure.value and v.words["sites"].value == cut.sites.value
    # another figure in the facts: the verdict's figures and text follow it
    more = replace(cut, figure=replace(cut.figure, value=7777.0))
    changed = replace(facts, cuts=tuple(more if c is cut else c for c in facts.cuts))
    w = _announced_fall(ds, 2024, {"resilience": changed})
    assert "7\u202f777" in w.evidence or "7\u00a0777" in w.evidence or "7 777" in w.evidence
    assert "7 777" not in v.evidence.replace("\u202f", " ").replace("\u00a0", " ")
    # a chapter passing its own facts to its line of links: the line counts the verdicts judged on them
    assert cl.links_for(ds, 2024, "resilience", facts) == cl.links_for(ds, 2024, "resilience")
    # no cut in the facts: the claim still stands on the year's fall, and counts no closure
    bare = _announced_fall(ds, 2024, {"resilience": replace(facts, cuts=())})
    assert bare.verdict == cl.CONFIRMED and "sites" not in bare.evidence and "emplois" not in bare.evidence


def test_the_claims_modules_write_no_french_sentence():
    package = Path(cl.__file__).parent
    modules = sorted(package.glob("*.py"))
    assert len(modules) >= 9  # __init__, model, evidence, checks_growth/_jobs/_pay/_trends, registry, page
    for module in modules:
        assert french_sentences(module.read_text(encoding="utf-8")) == [], module.name
    # the check sees a verdict written in Python, as the claims' were before their templates
    assert len(french_sentences(
        'x = f"Le chiffre d’affaires passe {a} en {y} à {b} en {z} : {c}, pour une croissance publiée {d}"\n'
        'return Verdict(UNVERIFIABLE, "La série du Smic ne couvre pas ces années.", (fig,))\n'
        'CHECK = "face au chiffre réalisé"\n')) == 2  # a label is no sentence


def test_the_claims_templates_ship_with_the_package():
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["barometre"]
    templates = sorted((templating.TEMPLATES / "chapters" / "claims").glob("*.j2"))
    assert len(templates) >= 7
    for path in templates:
        rel = path.relative_to(templating.TEMPLATES.parent).as_posix()
        assert any(fnmatch.fnmatch(rel, g) for g in globs), rel
