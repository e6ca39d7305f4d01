"""Themes of the article told from quoted rows: present when the edition's rows are, left out whole when not."""

from __future__ import annotations

import csv
import shutil

from fixtures import data_with_sparse_2009

from barometre import load, themes
from barometre.narrative import mentions
from barometre.paths import DATA_DIR
from barometre.provenance import write_sidecar

EDITION = 2008


def test_the_left_out_themes_are_told_from_the_articles_quoted_rows():
    ds = load()
    auctions = themes.paragraph(ds, EDITION, "reverse_auctions")
    assert "enchères inversées qu’il est inadmissible de pratiquer" in auctions and "Michel Guido" in auctions
    losses = themes.paragraph(ds, EDITION, "ile_de_france_losses")
    assert "au bénéfice de l’offshore" in losses and "au bénéfice de la province" in losses
    assert "Patrice Bégoc" in losses
    assert "subventions françaises" in themes.paragraph(ds, EDITION, "subsidies")
    inhouse = mentions.full(themes.paragraph(ds, EDITION, "inhouse_centres"))  # as a page shows it first
    assert "reprise de centres internes" in inhouse and "postes vacants" in inhouse
    # the article's own words are the article's, never an interviewee's
    assert "l’article de Claire Morel" in inhouse and "Propos de Claire Morel" not in inhouse


def test_every_theme_quote_is_a_row_of_the_edition_with_its_source():
    ds = load()
    rows = {q.quote_id: q for q in ds.quotes(EDITION)}
    assert set(rows) >= themes.QUOTE_IDS
    for quote_id in themes.QUOTE_IDS:
        assert rows[quote_id].source in ds.sources and rows[quote_id].quote.strip()


def test_an_edition_without_the_rows_leaves_each_theme_out_whole(tmp_path):
    ds = load(data_with_sparse_2009(tmp_path / "data"))
    for name in ("ile_de_france_losses", "subsidies", "inhouse_centres"):
        assert themes.paragraph(ds, 2009, name) == ""
    auctions = themes.paragraph(ds, 2009, "reverse_auctions")
    assert "Guido" not in auctions and "inadmissible" not in auctions  # quotes are the edition's own


def test_a_sentence_is_left_out_when_only_its_own_row_is_missing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "quotes" / f"{EDITION}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    kept = [r for r in rows if r[0] not in ("begoc_idf_decline_order", "article_baby_boomers")]
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(kept)
    write_sidecar(path)
    ds = load(data)
    losses = themes.paragraph(ds, EDITION, "ile_de_france_losses")
    assert "Pour la première fois en 2008" in losses and "Bégoc" not in losses
    inhouse = themes.paragraph(ds, EDITION, "inhouse_centres")
    assert "reprise de centres internes" in inhouse and "baby-boomers" not in inhouse


def test_a_chapters_list_of_quotes_does_not_repeat_what_a_theme_tells():
    ds = load()
    listed = {q.quote_id for q in themes.unused_quotes(ds, EDITION, "prices")}
    assert "guido_reverse_auctions" not in listed and "uberti_price_danger" in listed


def test_a_quote_inside_an_excerpt_takes_the_inner_quotation_marks():
    text = themes.paragraph(load(), EDITION, "subsidies")
    assert "“malsain”" in text and "«malsain»" not in text and text.count("«") == text.count("»") == 1


def test_the_fall_of_service_prices_is_told_as_another_measure_than_the_hour_price(data_copy):
    """« le prix des prestations externalisées a baissé de 40 % » a paragraph after « l'heure de production se
    vendait 5 à 10 % moins cher »: only the claims page said they measure different things (editor35)."""
    from conftest import mark_not_published

    from barometre import load, themes

    text = themes.reverse_auctions(load(), 2024)
    assert "Ce n’est pas la même mesure que le prix de l’heure de production, en baisse de" in text
    assert "fig-2008-production-hour-price-change-since-2000" in text
    mark_not_published(data_copy, "production_hour_price_change_since_2000")
    assert "même mesure" not in themes.reverse_auctions(load(data_copy), 2024)


def test_since_the_article_each_later_edition_gives_its_first_quote_on_the_theme_oldest_first():
    from barometre import load as load_data
    from barometre import themes as th

    ds = load_data()
    assert th.article_edition(ds) == 2008
    text = th.since_article(ds, 2024, "resilience")
    assert text.startswith("Depuis l’article de 2009,")
    order = [text.index(f"**Édition {e}.**") for e in (2011, 2012, 2013, 2017)]
    assert order == sorted(order)
    assert "inversion de tendance" in text and "Pour la première fois" in text and "quadruplé" in text
    assert "**Édition 2024.**" not in text  # the edition's own quotes are told in the chapter
    assert text.count("**Édition 2012.**") == 1  # one quote an edition
    # nothing in the article's own book, nor for a theme no later edition quotes
    assert th.since_article(ds, 2008, "resilience") == "" and th.since_article(ds, 2024, "no_such_chapter") == ""
    # the 2012 book stops before its own edition
    assert "**Édition 2012.**" not in th.since_article(ds, 2012, "resilience")
    # a study's own words are attributed short, not with its full name and data year
    assert "— le baromètre, d’après Relation Client Infos." in text


def test_since_the_article_each_edition_gives_its_own_figures_on_the_theme_before_its_quote(data_copy):
    """editor37: the 2024 book told 2012-2019 in bare quotes; a sector reader found no phone 86 %, no
    Hauts-de-France, no takeovers of in-house centres, no apprenticeship +52 %. Each edition now gives its own
    year's figures on the theme (signed when they are changes), then its quote; an edition with figures and no
    quote is listed too. The figures follow the data: a France that grew in 2012 reads « +2,8 % »."""
    from conftest import set_value

    from barometre import load as load_data
    from barometre import themes as th

    ds = load_data()
    text = th.since_article(ds, 2024, "resilience").replace("\u00a0", " ")
    line = next(ln for ln in text.splitlines() if ln.startswith("- **Édition 2012.**"))
    assert "{ref}`+1 % <fig-2012-revenue-growth-market-2012>` (ensemble du marché), {ref}`−2,8 % <" in line
    assert line.index("(France)") < line.index("inversion de tendance")  # the figure before the words
    prices = th.since_article(ds, 2024, "prices").replace("\u00a0", " ")
    assert "86 % <" in prices and "(réseaux sociaux)" in prices and "(SMS)" in prices
    offshore = th.since_article(ds, 2024, "offshore")
    assert "(Hauts\\-de\\-France)" in offshore
    partnership = th.since_article(ds, 2024, "partnership").replace("\u00a0", " ")
    assert "**Édition 2013.** Croissance des effectifs en 2013 : {ref}`−6 %" in partnership  # no quote, figures
    assert "**Édition 2024.**" not in partnership  # the book's own edition is told in the chapter
    assert "voici ce qu" not in text and "la première qu" not in text  # no mechanism shown to the reader
    # a change of study is said where it happens (editor38), once
    assert text.count("prend le relais") == 1
    assert "**Édition 2016.** *L'étude d'EY pour le SP2C prend le relais" in text
    # an explicit break between two editions' figures is said too (the 2018 widening of the panel, on 2019)
    assert "**Édition 2019.** *Entre-temps, rupture de série : le SP2C s\\'ouvre à des acteurs de taille intermédiaire" in text
    # in a chapter whose first EY figure is 2019's, the study took over earlier: said with its edition (editor39)
    assert "*L'étude d'EY pour le SP2C a pris le relais à l'édition 2016 :" in th.since_article(ds, 2024, "partnership")
    # the antecedent of « le marché a quadruplé » (2017): the Top 50's revenue of 2000, which the edition gives
    line2017 = next(ln for ln in text.splitlines() if ln.startswith("- **Édition 2017.**"))
    assert "Top 50 des outsourceurs en 2000 : {ref}`719 M€" in line2017 and line2017.index("719") < line2017.index("quadruplé")
    set_value(data_copy, "revenue_growth", "france", "2012", "2.8", edition=2012)
    changed = th.since_article(load_data(data_copy), 2024, "resilience").replace("\u00a0", " ")
    assert "{ref}`+2,8 % <fig-2012-revenue-growth-france-2012>` (France)" in changed


def test_a_quote_since_the_article_does_not_open_on_a_connective_to_words_left_out():
    """editor43: the 2024 prices « Depuis l'article » quoted « Ainsi, le secteur des télécoms … » for 2011."""
    from barometre import load, themes

    item = next(line for line in themes.since_article(load(), 2024, "prices").splitlines() if "Édition 2011" in line)
    assert "«\u00a0le secteur des télécoms" in item and "Ainsi" not in item
