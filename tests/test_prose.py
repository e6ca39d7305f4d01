"""The book reads as French prose a reader can quote: each person introduced once per page, the article
named with its author once, small counts in words. Checked on the prose of every chapter page of the
2008 book (the article's edition, where most people speak), figure captions and tables aside: a caption
or a table row is read on its own."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from bs4 import BeautifulSoup

from barometre import load
from barometre.build import toc_chapters

pytestmark = pytest.mark.slow
ANNEXES = {"claims", "sources", "changes"}  # each row of an annex stands alone and names its source in full
PAGES = [name for name in toc_chapters() if name.rsplit("/", 1)[-1] not in ANNEXES]
BLOCKS = ["p", "li", "h1", "h2", "h3"]


def prose(published_book, name) -> str:
    """The page's running text: paragraphs and list items, not captions, tables or chart descriptions."""
    page = BeautifulSoup((published_book / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
    main = page.find("article") or page
    for node in main.select("figure, figcaption, table, script, style, .chart-description, .chart-source"):
        node.decompose()
    texts = [el.get_text() for el in main.find_all(BLOCKS) if not el.find_parent(BLOCKS)]
    return "\n".join(re.sub(r"\s+", " ", t) for t in texts)


def people() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for src in load().sources.values():
        if src.type == "interview" and src.role:
            out.setdefault(src.name, set()).add(src.role.replace("'", "’"))
    return out


def introduced_twice(text: str) -> list[str]:
    """The people a text introduces with their role more than once."""
    out = []
    for person, roles in people().items():
        intros = [m.start() for role in roles for m in re.finditer(re.escape(f"{person} ({role})"), text)]
        intros += [m.start() for role in roles for m in re.finditer(re.escape(f"{person}, {role},"), text)]
        if len(intros) > 1:
            out.append(person)
    return out


NOTE_BEFORE_NOUN = re.compile(r"\((?:dernier chiffre publié, )?édition\s\d{4}\) (conseillers|questions|compétences|"
                              r"décimales|gros acteurs|nets|bruts|emplois|salariés|jours|experts)\b")
NESTED = re.compile(r"\([^()]*\([^()]*\)[^()]*\)")


def misplaced_notes(text: str) -> list[str]:
    """An edition's note between a number and what it counts (« 600 (édition 2008) conseillers »), or
    inside another parenthesis (« (plus de 35 % (édition 2008)) »)."""
    text = re.sub(r"«[^«»]*»", "", text)  # a quote keeps its own parentheses
    return [m.group(0) for m in NOTE_BEFORE_NOUN.finditer(text)] + [m.group(0) for m in NESTED.finditer(text)]


@pytest.mark.parametrize("name", PAGES)
def test_a_person_is_introduced_with_their_role_once_per_page(published_book, name):
    assert not introduced_twice(prose(published_book, name)), name


@pytest.mark.parametrize("name", PAGES)
def test_the_article_is_named_with_its_author_once_per_page(published_book, name):
    text = prose(published_book, name)
    assert len(re.findall(r"[Ll]’article de Claire Morel", text)) <= 1, name


SMALL_COUNT = re.compile(r"(?<![\d,.\u202f\u00a0+])\b([1-9]|1[0-6])(?: à (?:[1-9]|1[0-6]))?[ \u00a0]"
                         r"(ans?|semaines?|questions?|décimales?|contacts(?! par heure)|compétences?|gros acteurs|premiers|autres)\b")


@pytest.mark.parametrize("name", PAGES)
def test_small_counts_are_written_in_words_in_the_prose(published_book, name):
    """« neuf ans », « quatre à sept semaines », « les dix premiers », as the article writes them."""
    text = re.sub(r"«[^«»]*»", "", prose(published_book, name))  # a quote keeps its own figures
    assert not SMALL_COUNT.findall(text), f"{name}: {[m.group(0) for m in SMALL_COUNT.finditer(text)]}"




@pytest.mark.parametrize("name", [n for n in toc_chapters() if not n.endswith("sources")])
def test_de_is_elided_before_a_vowel_even_before_a_qualified_figure(published_book, name):
    """« passe d’environ 1 400 M€ », never « passe de environ »; the sources annex shows data as typed."""
    text = re.sub(r"«[^«»]*»", "", prose(published_book, name))
    assert not [m.group(0) for m in NOT_ELIDED_QUALIFIER.finditer(text)], name


NOT_ELIDED_QUALIFIER = re.compile(r"(?<![\w’'])de (environ|au moins|au plus)\b")


def repeated_openings(text: str) -> list[str]:
    """Two sentences (or list items) in a row that open with the same three words (not two quoted titles
    of publications: their words are theirs)."""
    sentences = [s.strip() for block in text.split("\n")
                 for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])", block) if s.strip()]
    return [b[:60] for a, b in pairwise(sentences)
            if len(a.split()) >= 3 and a.split()[:3] == b.split()[:3] and not a.startswith("«")]


@pytest.mark.parametrize("name", PAGES)
def test_no_two_sentences_in_a_row_open_with_the_same_words(published_book, name):
    assert not repeated_openings(prose(published_book, name)), name


def figures_repeated_by_a_quote(text: str) -> list[str]:
    """A quote that gives again a figure the sentence has just given (« le taux de rotation atteint 30 % à
    Paris : « … le turnover y est important (30%) » »): the reader reads the same number twice."""
    out = []
    for m in re.finditer(r"«([^«»]*)»", text):
        before = text[max(0, m.start() - 160):m.start()]
        before = before[before.rfind("\n") + 1:]
        for number in re.findall(r"\d+(?:[,.]\d+)?", m.group(1)):
            if re.search(rf"(?<![\d,]){re.escape(number)}(?![\d,])[\u00a0\u202f ]?(%|€|\w)", before):
                out.append(f"{number}: …{before[-60:]}«{m.group(1)[:40]}")
    return out


def words_repeated_by_a_quote(text: str) -> list[str]:
    """A quote that opens with the very words the sentence has just said (« certains directeurs … passent
    même une semaine … : « Certains directeurs de la relation client vont même… » »)."""
    out = []
    for m in re.finditer(r"«\s*([^«»]*)»", text):
        opening = " ".join(re.findall(r"\w+", m.group(1).lower())[:4])
        before = text[max(0, m.start() - 300):m.start()]
        before = re.sub(r"«[^«»]*»", "", before[before.rfind("\n") + 1:])  # the same paragraph, not another quote
        before = " ".join(re.findall(r"\w+", before.lower()))
        if len(opening.split()) == 4 and opening in before:
            out.append(opening)
    return out


@pytest.mark.parametrize("name", PAGES)
def test_a_quote_never_repeats_what_the_sentence_before_it_just_said(published_book, name):
    text = prose(published_book, name)
    assert not figures_repeated_by_a_quote(text), (name, figures_repeated_by_a_quote(text))
    assert not words_repeated_by_a_quote(text), (name, words_repeated_by_a_quote(text))


def test_the_introduction_names_where_the_editions_figures_come_from_in_good_french(published_book):
    text = prose(published_book, "chapters/introduction")
    assert "Les chiffres de cette édition viennent de ces publications, citées par de courts extraits attribués" in text
    assert "par courts extraits" not in text and "Ses chiffres" not in text
    assert "les propos de dirigeants et d’experts du secteur que le livre cite" in text


SIGNED_AFTER_A_NOUN_OF_CHANGE = re.compile(r"\b(croissance|hausse|baisse|progression|recul)( des? [\w’']+)? d[e’] ?[+−]\d")


@pytest.mark.parametrize("name", PAGES)
def test_a_change_named_by_its_noun_takes_no_sign(published_book, name):
    """« une croissance des emplois de 17 % par an », not « de +17 % »: the noun already says the direction."""
    text = re.sub(r"«[^«»]*»", "", prose(published_book, name))
    assert not [m.group(0) for m in SIGNED_AFTER_A_NOUN_OF_CHANGE.finditer(text)], name


def test_the_value_page_keeps_the_articles_words_for_guillot_and_decaestecker(published_book):
    """The article: « ce n'est que le début de l'innovation en matière de valeur ajoutée » (Jean-François
    Guillot), « un mode de gestion industrielle » (Dominique Decaestecker)."""
    text = prose(published_book, "chapters/value")
    assert "n’est que le début de l’innovation en matière de valeur ajoutée" in text
    assert "mode de gestion industrielle" in text and "gestion industriel " not in text


def test_the_outsourced_share_and_the_salaries_are_told_without_words_the_article_does_not_say(published_book):
    """« d'où la marge de progression que le secteur revendique »: the article says there is room (« Il reste
    donc de nombreuses possibilités »), not that the sector claims it; « que les salaires fassent plus de
    50 % » was loose French for « représentent »."""
    resilience = prose(published_book, "chapters/resilience")
    assert "d’où la marge de progression qui reste à l’externalisation" in resilience and "revendique" not in resilience
    prices = prose(published_book, "chapters/prices")
    assert "les salaires représentent plus de 50" in prices and "fassent" not in prices


def test_the_colophon_cites_by_short_excerpts_in_good_french(published_book):
    text = (published_book / "chapters" / "colophon.html").read_text(encoding="utf-8")
    assert "citées par de courts extraits" in text and "par courts extraits" not in text


# --------------------------------------------------------------------------- nothing stale stated as current

# A verb in the past: the imperfect (« représentait », « pesaient »), the passé composé or the pluperfect
# (« a augmenté », « avaient été créés »). Words in -ait that are no imperfect do not count: nouns and the
# present (« le panel fait », « le forfait »), and the conditional (« il faudrait », « serait »), which
# states a consequence, not a past. Nor does the passé composé in a sentence that says « depuis »: « le Smic
# a augmenté de 35 % depuis 2000 » runs up to now, it is current.
NOT_IMPERFECT = r"(?:(?:satis|par|bien|for|mé)?fait|(?:ex|at|por|re|abs|dis)?trait|souhait|lait)s?\b"
CONDITIONAL = (r"(?:\w*(?:e|faud|pour|dev|au|sau|vaud|viend|tiend|voud|prend|mett|ver|suffi|recev|atteind)"
               r"|i)rai(?:t|ent)\b")
IMPERFECT = re.compile(rf"\b(?!{NOT_IMPERFECT})(?!{CONDITIONAL})\w+(?:ait|aient)\b")
PERFECT = re.compile(r"\b(?:a|ont) (?:été )?\w+(?:é|és|ée|ées|i|is|u|us)\b")
PLUPERFECT = re.compile(r"\b(?:avait|avaient) (?:été )?\w+(?:é|és|ée|ées|i|is|u|us)\b")


class _PastTense:
    """``search(text)``: the sentence has a verb in the past that dates it (see above)."""

    @staticmethod
    def search(text: str):
        return (IMPERFECT.search(text) or PLUPERFECT.search(text)
                or (None if re.search(r"\bdepuis\b", text) else PERFECT.search(text)))


PAST_TENSE = _PastTense()
EDITION_NOTE = re.compile(r"\((?:dernier chiffre publié, )?édition\s\d{4}\)|\(propos rapportés[^)]*\)")
FIGURE_LINK = re.compile(r"#fig-(\d{4})-.*-(\d{4})(?:-\d{2})?(?:-[a-z][a-z0-9-]*)?$")


def _source_suffixes() -> list[str]:
    """The anchors' endings that name a second source (``Figure.anchor``: « …-2019-sp2c-2020 »), longest
    first, so that a source id's digits are never read as the figure's year."""
    slugs = {re.sub(r"[^a-z0-9]+", "-", sid.lower()).strip("-") for sid in load().sources}
    return sorted((f"-{s}" for s in slugs if s), key=len, reverse=True)


def figure_year(href: str, suffixes: list[str]) -> tuple[int, int] | None:
    """(edition, year) of a link to a figure's row, the year being the last of the figure's period."""
    if "#fig-" not in href:
        return None
    anchor = href.split("#", 1)[1]
    suffix = next((s for s in suffixes if anchor.endswith(s) and FIGURE_LINK.search("#" + anchor[: -len(s)])), "")
    m = FIGURE_LINK.search("#" + (anchor[: len(anchor) - len(suffix)] if suffix else anchor))
    return (int(m.group(1)), int(m.group(2))) if m else None


def figure_sentences(html: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """The page's running text cut into sentences, each with the (edition, year) of the figures it links to
    (the year is the last year of the figure's period). Captions, chart descriptions and tooltips aside. A
    table cell is read with its column's heading (« 2021 : 48,5 % »): a column of a year dates its figures."""
    page = BeautifulSoup(html, "html.parser")
    main = page.find("article") or page
    for node in main.select("figure, figcaption, script, style, .chart-description, .chart-source, .barometre-tip"):
        node.decompose()
    suffixes = _source_suffixes()
    for link in main.find_all("a", href=True):
        found = figure_year(link["href"], suffixes)
        if found:
            link.replace_with(f"⟦{found[0]}:{found[1]}|{link.get_text()}⟧")
    out = []
    for block in main.find_all(["p", "li", "td"]):
        if block.find_parent(["p", "li", "td"]):
            continue
        text = re.sub(r"\s+", " ", block.get_text(" "))
        if block.name == "td":
            text = f"{_column_heading(block)} : {text}"
        for sentence in re.split(r"(?<=[.;])\s+(?=[A-ZÀ-Ý«])", text):
            figs = [(int(e), int(y)) for e, y in re.findall(r"⟦(\d{4}):(\d{4})\|", sentence)]
            out.append((re.sub(r"⟦[^|]*\|([^⟧]*)⟧", r"\1", sentence), figs))
    return out


def _column_heading(cell) -> str:
    """The heading of a table cell's column ('' when the table has none)."""
    table = cell.find_parent("table")
    row = cell.find_parent("tr")
    heads = table.find("thead") if table is not None else None
    if heads is None or row is None:
        return ""
    index = row.find_all(["td", "th"]).index(cell)
    names = [th.get_text(" ", strip=True) for th in heads.find_all("th")]
    return names[index] if index < len(names) else ""


def stale_as_current(html: str, edition: int) -> list[str]:
    """The sentences that rest only on figures more than one edition old (every figure it cites comes from
    an edition before ``edition`` − 1) and state them as current: with no verb in the past and without the
    year of each figure (the edition's note « (édition 2008) » does not count: it says where the figure was
    published, not when it was true). Words between guillemets are the source's and are not read."""
    out = []
    for sentence, figs in figure_sentences(html):
        if not figs or any(e >= edition - 1 for e, _ in figs):
            continue
        bare = EDITION_NOTE.sub("", re.sub(r"«[^»]*»", "", sentence))
        if PAST_TENSE.search(bare) or all(str(year) in bare for _, year in figs):
            continue
        out.append(sentence)
    return out


def _page(*sentences: str) -> str:
    return "<article>" + "".join(f"<p>{s}</p>" for s in sentences) + "</article>"


def test_a_sentence_resting_only_on_an_old_figure_is_caught_when_stated_as_current():
    link = '<a href="#fig-2008-production-hour-price-change-since-2000-market-2000-2008">5 à 10 %</a>'
    new = '<a href="#fig-2011-revenue-growth-market-2011">10,1 %</a>'
    current = f"L’heure de production se vend {link} (édition 2008) moins cher qu’en 2000 : l’effet de ciseaux pèse."
    past = f"En 2008, l’heure de production se vendait {link} (édition 2008) moins cher qu’en 2000."
    dated = f"Part du prix : {link} (édition 2008) entre 2000 et 2008."
    mixed = f"La croissance est de {new} en 2011 ; le prix baisse de {link} (édition 2008)."
    assert stale_as_current(_page(current), 2011) == [re.sub(r"<[^>]+>", "", current)]
    assert stale_as_current(_page(past, dated), 2011) == []
    assert stale_as_current(_page(mixed), 2011) == []  # a sentence resting on the edition's own figure
    assert stale_as_current(_page(current), 2009) == []  # one edition old is not stale


def test_a_word_in_ait_that_is_no_imperfect_does_not_make_a_sentence_past():
    """« fait », « forfait », « extrait » end like an imperfect but are not one: the sentence is still current."""
    link = '<a href="#fig-2008-top10-market-share-top10-2009">70 %</a>'
    for current in (f"Le groupe de tête fait {link} (édition 2008) du marché.",
                    f"Le forfait des dix premiers vaut {link} (édition 2008) du marché.",
                    f"Selon l’extrait, les dix premiers détiennent {link} (édition 2008) du marché."):
        assert len(stale_as_current(_page(current), 2011)) == 1, current
    assert stale_as_current(_page(f"Les dix premiers faisaient {link} (édition 2008) du marché."), 2011) == []


def test_the_conditional_and_a_perfect_running_up_to_now_do_not_date_a_sentence():
    """« il faudrait » is no past, and « a augmenté … depuis 2000 » runs up to now: both stay current; the
    imperfect of a verb in -rer (« durait ») and a pluperfect with « depuis » date it."""
    link = '<a href="#fig-2008-smic-increase-claimed-france-2000-2008">plus de 35 %</a>'
    for current in (f"Pour rattraper l’Allemagne, il faudrait {link} (édition 2008) d’emplois en plus.",
                    f"Le Smic serait monté de {link} (édition 2008).",
                    f"Frédéric Jousset affirme que le Smic a augmenté de {link} (édition 2008) depuis 2000."):
        assert len(stale_as_current(_page(current), 2011)) == 1, current
    for past in (f"Frédéric Jousset affirmait que le Smic avait augmenté de {link} (édition 2008) depuis 2000.",
                 f"La hausse de {link} (édition 2008) durait depuis 2000.",
                 f"Le Smic a augmenté de {link} (édition 2008) entre 2000 et la crise."):
        assert stale_as_current(_page(past), 2011) == [], past


def test_the_year_of_a_figure_is_read_from_its_period_not_from_a_second_sources_name():
    """A second source's id can end in digits (« …-2024-rcm-cx-impact-adam-2025 »): the figure's year is its
    period's, so a sentence giving the period's year is dated, one giving only the source's digits is not."""
    assert figure_year("sources.html#fig-2019-market-revenue-market-2019-rcm-cx-impact-adam-2025",
                       _source_suffixes()) == (2019, 2019)
    assert figure_year("sources.html#fig-2008-production-hour-price-change-since-2000-market-2000-2008",
                       _source_suffixes()) == (2008, 2008)
    link = '<a href="#fig-2019-market-revenue-market-2019-rcm-cx-impact-adam-2025">2 900 M€</a>'
    assert stale_as_current(_page(f"Chiffre d’affaires du secteur (2019) : {link} (édition 2019)."), 2024) == []
    assert len(stale_as_current(_page(f"Le chiffre d’affaires du secteur est de {link} (édition 2019)."), 2024)) == 1


def test_a_table_cell_is_dated_by_its_columns_heading():
    link = '<a href="#fig-2021-france-revenue-share-market-2021">48,5 %</a>'
    table = ("<article><table><thead><tr><th>Indicateur</th><th>{head}</th></tr></thead>"
             f"<tbody><tr><td>Part de l’activité France</td><td>{link}</td></tr></tbody></table></article>")
    assert stale_as_current(table.format(head="2021"), 2024) == []
    assert len(stale_as_current(table.format(head="Valeur"), 2024)) == 1


@pytest.mark.parametrize("name", ["chapters/introduction", "chapters/synthesis"])
def test_the_introduction_and_the_synthesis_state_nothing_stale_as_current(book_build, published_book, name):
    """On the 2008 book (the shared build); every real edition is checked by test_every_edition.py."""
    edition = load(book_build["data"]).resolve(0)
    html = (published_book / f"{name}.html").read_text(encoding="utf-8")
    assert not stale_as_current(html, edition), stale_as_current(html, edition)


def test_a_rubric_inside_a_web_only_block_reads_as_a_bold_title_in_jupyter():
    """print27f put the introduction's « L'essentiel » rubric in an ``{only} html`` block: Jupyter showed
    « ```{rubric} » raw (the fences were read one level deep)."""
    from barometre.prose import jupyter_markdown

    myst = "````{only} html\n```{rubric} L’essentiel de l’édition\n```\n\nLa croissance accélère.\n````\nSuite."
    assert jupyter_markdown(myst) == "**L’essentiel de l’édition**\n\nLa croissance accélère.\nSuite."
    assert jupyter_markdown("````{only} latex\n```{rubric} Imprimé\n```\n\nTexte imprimé.\n````\nWeb.") == "Web."
