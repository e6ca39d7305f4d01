"""Issue 27: quotes keep their words but take the book's typography (« 35 % », « −19 % », « Île-de-France »,
numbers bound to their units), in every medium; print binds guillemets to their words and gives outside
links as short addresses in notes. ``test_pdf.py`` checks the built PDF (no split across a line, no
« (en ligne) », numbers in the text's colour)."""

from __future__ import annotations

import re

import pytest
from docutils import nodes

from barometre.chapters import sources
from barometre.data import load
from barometre.narrative import quote_body
from barometre.sphinx_ext.latex import print_outside_links, short_address
from barometre.typography import MINUS, NBSP, NNBSP, print_binding, quote_typography

EDITIONS = (2011, 2024)
# what typography may change: spaces, the minus sign, accented capitals, apostrophes, a space before « : ; ? ! »
_SAME_WORDS = str.maketrans({MINUS: "-", "Î": "I", "É": "E", "À": "A", "\u2019": "'"})


def _words(text: str) -> str:
    # and a number's separators (« 100.000 » is « 100 000 », « 5.1 » is « 5,1 »), an ordinal's ending (« 2è »)
    text = re.sub(r"(?<=\d)(?:ème|eme|è)(?!\w)", "e", re.sub(r"(?<=\d)[.,](?=\d)", "", text))
    return re.sub(r"[\s\u00a0\u202f]+", "", text.translate(_SAME_WORDS))


@pytest.fixture(scope="module")
def ds():
    return load()


def _all_quotes(ds) -> list[str]:
    return [item.quote for e in ds.editions for item in [*ds.figures(e), *ds.quotes(e)] if item.quote]


def test_a_quote_takes_the_book_s_typography():
    typeset = quote_typography("En 2011, 35% des postes (+16% en province, -19% en Ile-de-France).")
    assert typeset == f"En 2011, 35{NBSP}% des postes (+16{NBSP}% en province, {MINUS}19{NBSP}% en Île-de-France)."
    assert quote_typography("A l'échelon national, 10 000 postes") == f"À l’échelon national, 10{NNBSP}000 postes"
    assert quote_typography("de 6 000 à 7 000 emplois, 1 528,5 M€") == (
        f"de 6{NNBSP}000{NBSP}à{NBSP}7{NNBSP}000 emplois, 1{NNBSP}528,5{NBSP}M€")
    assert quote_typography("Entreprise & Carrières (n° 836)") == f"Entreprise & Carrières (n°{NBSP}836)"
    assert quote_typography("il dit « oui » ; bien") == f"il dit «{NBSP}oui{NBSP}»{NNBSP}; bien"


def test_a_quote_s_numbers_written_the_english_way_are_set_the_french_way():
    """printed41: « 100.000 téléconseillers », « 1.536 euros », « 5.1 % », « 1.92 milliards », « 2è » printed
    as the sources typed them; a number's unit word and the bounds of a range broke across lines."""
    assert quote_typography("39% des 100.000 téléconseillers") == f"39{NBSP}% des 100{NNBSP}000 téléconseillers"
    assert quote_typography("estimée à 1.536 euros bruts.") == f"estimée à 1{NNBSP}536{NBSP}euros bruts."
    assert quote_typography("5.1% de l'activité") == f"5,1{NBSP}% de l’activité"
    assert quote_typography("à 1.92 milliards d'euros") == f"à 1,92{NBSP}milliards d’euros"
    assert quote_typography("viennent en 2è place, le 6ème baromètre") == "viennent en 2e place, le 6e baromètre"
    assert quote_typography("entre 70 et 75 % du marché, depuis 4 ans") == (
        f"entre 70{NBSP}et{NBSP}75{NBSP}% du marché, depuis 4{NBSP}ans")
    assert quote_typography("des bac + 1 à bac + 3") == f"des bac{NBSP}+{NBSP}1 à bac{NBSP}+{NBSP}3"
    # a date, a version, a span of years: as typed
    for text in ("le 12.05.2008", "la v2.0", "entre 2005 et 2006"):
        assert quote_typography(text) == text
    # printed46: « Bac+1 », « bac +3 » beside the book's « bac + 2 »; « 33000 », « 808,4 ME », « (+ 18 %) »
    assert quote_typography("Bac+1 et bac +3") == f"Bac{NBSP}+{NBSP}1 et bac{NBSP}+{NBSP}3"
    assert quote_typography("33000(1) salariés (sur 49000") == f"33{NNBSP}000(1) salariés (sur 49{NNBSP}000"
    assert quote_typography("de 1572 à 1560 euros, soit 2000 de plus") == (
        f"de 1{NNBSP}572{NBSP}à{NBSP}1{NNBSP}560{NBSP}euros, soit 2{NNBSP}000 de plus")
    assert quote_typography("808,4 ME, 1,3 MdE") == f"808,4{NBSP}M€, 1,3{NBSP}Md€"
    assert quote_typography("(+ 18 %) qu'à l'offshore (15 %) , indique") == (
        f"(+18{NBSP}%) qu’à l’offshore (15{NBSP}%), indique")
    for text in ("en 2000 et 2013", "la norme ISO 9001", "à 75008 Paris"):  # years, a standard, a postcode
        assert quote_typography(text) == text


def test_a_quote_s_typography_leaves_what_is_not_a_number_s_sign_or_a_bare_capital():
    # a span of years, a diploma, a year beside a count, a plan's letter, a model: unchanged
    for text in ("de 2008-2009", "en 2010 2011", "le plan A et l'A380", "Plan B"):
        assert quote_typography(text).replace("\u2019", "'") == text


def test_every_quote_of_the_data_keeps_its_words_and_binds_its_numbers(ds):
    quotes = _all_quotes(ds)
    assert len(quotes) > 200  # the data's quotes, every edition's
    loose = []
    for quote in quotes:
        typeset = quote_typography(quote)
        # « 808,4 ME » is the typewriter's « 808,4 M€ »: a sign, not a word
        signs = re.sub(r"(?<=\d)(\s?)(Md|M)E\b", r"\1\2€", quote)
        assert _words(typeset) == _words(signs.replace(" :", ":").replace(" ;", ";").replace(" ?", "?")
                                          .replace(" !", "!")).replace(" ", ""), (quote, typeset)
        loose += re.findall(r".{0,20}(?:\d[ ]?(?:%|€)|(?<![\w\d)])-\d|«[ ]|[ ]»|\bIle\b).{0,10}", typeset)
        # printed41: « 100.000 », « 5.1 % », « 2è », « 2,04 / milliards », « 4 / ans », « 70 et / 75 % », « bac + / 3 »
        loose += re.findall(r".{0,20}(?:(?<![\w.])\d{1,3}\.\d|\d(?:è|ème)\b|\d (?:milliards?|millions?|ans|euros)\b"
                            r"|\d[ ]et[ ]?\d+(?:,\d+)?\s?%|\d\set[ ]\d+(?:,\d+)?\s?%|bac \+|bac\S\+ \d).{0,10}", typeset)
    assert loose == [], loose[:5]


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_sources_annex_typesets_its_excerpts_on_the_web_and_in_print(ds, edition):
    annex = sources.annex_markdown(ds, edition).replace("\\", "")  # without the Markdown's escapes
    quoted = " ".join(re.findall(r"«\u00a0(.*?)\u00a0»", annex))
    assert len(quoted) > 1000
    found = re.findall(r".{0,20}(?:\d%|\d (?:%|€)|(?<![\w\d)])-\d|\bIle\b).{0,10}", quoted)
    assert found == [], found[:5]


def test_a_quote_in_a_chapter_takes_the_same_typography():
    assert quote_body("« baisse de -19% en Ile-de-France. »") == f"baisse de {MINUS}19{NBSP}% en Île-de-France"


def test_print_binds_guillemets_to_their_words_and_a_number_to_its_sign():
    assert print_binding("(voir « Méthodes et ruptures »)") == f"(voir «{NBSP}Méthodes et ruptures{NBSP}»)"
    assert print_binding("Entreprise & Carrières (n° 836)") == f"Entreprise & Carrières (n°{NBSP}836)"
    assert print_binding("de 20 à 25 %") == f"de 20{NBSP}à{NBSP}25 %"


def _paragraph(*children) -> nodes.paragraph:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    doc = new_document("<test>", get_default_settings(Parser))
    para = nodes.paragraph("", "", *children)
    doc += para
    return para


def test_an_outside_link_prints_as_a_short_address_in_a_note():
    url = "https://www.relationclientmag.fr/Relation-Client-Magazine/Article/L-OUTSOURCING-35038-1.htm"
    assert short_address(url) == "relationclientmag.fr"
    para = _paragraph(nodes.Text("Relation Client Magazine, 2009 ("),
                      nodes.reference("", "en ligne", refuri=url), nodes.Text(") ; suite"))
    print_outside_links(para.document)
    assert not list(para.findall(nodes.reference))
    assert para.astext() == "Relation Client Magazine, 2009\\footnote{relationclientmag.fr} ; suite"
    # a link with its own words keeps them, its address in a note; an address shown as such stays as it is
    para = _paragraph(nodes.Text("sous "), nodes.reference("", "licence MIT", refuri="https://opensource.org/license/mit"),
                      nodes.Text(" ; "), nodes.reference("", "https://example.org/", refuri="https://example.org/"))
    print_outside_links(para.document)
    assert para.astext() == "sous licence MIT\\footnote{opensource.org} ; https://example.org/"


def test_a_publication_title_takes_the_signs_of_the_book(ds):
    """« progressé de 6% » and « Etude KPMG - SP2C » were printed as typed in the annex's headings and references."""
    from barometre.typography import title_typography

    assert title_typography("Etude KPMG - SP2C : la croissance") == "Étude KPMG - SP2C : la croissance"
    headings = sources.print_annex_markdown(ds, 2011).replace("\\", "")
    assert "progressé de 6\u00a0% en 2010" in headings and "6% en 2010" not in headings


def test_the_sources_annex_prints_no_note_of_a_bare_site():
    """Issue 27 (print editor, 2024 book): annex A set a note « relationclientmag.fr » under each « Relation Client
    Magazine » it names, with its title and date: a web leftover. In the parts given (the annex), an outside link
    prints its words and no note, « (en ligne) » nothing; elsewhere the note stays."""
    from sphinx import addnodes

    url = "https://www.relationclientmag.fr/Relation-Client-Magazine/Article/L-OUTSOURCING-35038-1.htm"
    para = _paragraph(nodes.Text("Relation Client Magazine, 2009 ("), nodes.reference("", "en ligne", refuri=url),
                      nodes.Text(") ; "), nodes.reference("", "Contact Distance", refuri=url), nodes.Text("."))
    annex = addnodes.start_of_file(docname="chapters/sources")
    para.replace_self(annex)
    annex += para
    print_outside_links(annex.document, without_notes=[annex])
    assert para.astext() == "Relation Client Magazine, 2009 ; Contact Distance."
    assert "footnote" not in para.astext()


def test_the_claims_print_the_link_to_an_excerpt_on_its_edition_not_as_chiffre_et_source():
    """Issue 27: « …, édition 2008 (chiffre et source) » was printed 63 times in the 2024 book's claims chapter, a
    web page's words for a link. In print, « …, édition 2008 », the edition the link to the annex's excerpt."""
    from barometre.sphinx_ext.latex import print_source_links

    para = _paragraph(nodes.Text("« Le secteur croît » — Baromètre, édition\u00a02008 ("),
                      nodes.reference("", "", nodes.inline("", "chiffre et source"), refid="fig-2008-1"),
                      nodes.Text(")"))
    print_source_links(para.document)
    assert para.astext() == "« Le secteur croît » — Baromètre, édition\u00a02008"
    ref = next(iter(para.findall(nodes.reference)))
    assert ref.astext() == "édition\u00a02008" and ref["refid"] == "fig-2008-1"
    # with no edition before it, the words go, and the link with them
    para = _paragraph(nodes.Text("« Le secteur croît » ("),
                      nodes.reference("", "citation et source", refid="quotes-2008"), nodes.Text(")."))
    print_source_links(para.document)
    assert para.astext() == "« Le secteur croît »." and not list(para.findall(nodes.reference))
