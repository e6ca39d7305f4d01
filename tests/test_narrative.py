"""Numbers enter sentences in one way: formatted, linked to their row, data strings escaped."""

from __future__ import annotations

import re

import pytest

from barometre import load, narrative
from barometre.narrative import cite, de, direction, growth_trend, md_escape, quote, source_line


def test_cite_formats_the_figure_and_links_it_to_its_annex_row():
    fig = load().figure("revenue_growth", 2008)
    assert cite(fig) == "{ref}`15\u00a0% <fig-2008-revenue-growth-market-2008>`"


def test_de_elides_before_a_vowel():
    ds = load()
    assert de(ds.figure("revenue_growth", 2008)).startswith("de {ref}")
    assert de(ds.figure("revenue_growth", 2008, scope="france")).startswith("d’{ref}`environ")


def test_markup_in_data_strings_is_escaped():
    hostile = "<script>alert(1)</script> {glue}`x` $x$ **gras** [lien](http://x) % & # _ { }"
    escaped = md_escape(hostile)
    for token in ("<script>", "{glue}`", "$x$", "**gras**", "[lien]("):
        assert token not in escaped
    assert escaped.replace("\\", "") == hostile


def test_quote_is_escaped_and_attributed():
    fig = load().figure("cost_savings_demanded", 2008, scope="now")
    text = quote(fig)
    assert text.startswith("«\u00a0") and "Fabrice Marque" in text


def test_direction_words_follow_the_sign():
    assert direction(2) == "en hausse" and direction(-1) == "en baisse" and direction(0) == "stable"
    assert growth_trend(15, 13) == "accélère" and growth_trend(9, 13) == "ralentit"
    assert growth_trend(13, 13) == "se maintient"


def test_source_lines_name_the_barometer_edition_and_the_people():
    ds = load()
    line = source_line([ds.figure("revenue_growth", 2008), ds.figure("inhouse_salary_premium", 2008)])
    assert "édition 2008" in line and "David Targy" in line and line[0].isupper()


def test_source_lines_tell_the_kpmg_study_from_the_bearingpoint_barometer():
    ds = load()
    figs = [ds.figure("revenue_growth", 2011, scope="market", period=p) for p in ("2005", "2009")]
    line = source_line(figs)
    assert "KPMG" in line and "BearingPoint" in line
    assert "BearingPoint/SP2C (édition 2005" not in line  # the 2005 figure is the KPMG study's


def test_a_press_summary_is_never_shown_as_someones_words():
    from dataclasses import replace

    fig = replace(load().figure("revenue_growth", 2008), quote_type="summary")
    # the outlet's words, said to summarise the study: never the study's or a person's words
    assert quote(fig).startswith("«") and f", résume {fig.publication_outlet}, d’après " in quote(fig)
    assert "— " not in quote(fig)
    stable = next(q for q in load().quotes(2024) if q.quote_type == "summary")
    assert quote(stable).replace("\u00a0", " ") == (
        "« Le marché est stable », résume Sens du client \\(blog\\), d’après le baromètre EY\\/SP2C des centres de "
        "contact \\(données 2024\\)")


def test_the_annex_quotes_an_excerpt_in_one_pair_of_guillemets():
    from barometre import load
    from barometre.chapters.sources import figure_entry

    ds = load()
    fig = ds.figure("offshore_hourly_rate_gap", 2008, scope="webhelp")
    assert fig.quote.startswith("«")  # the scan keeps the article's own opening guillemet
    entry = figure_entry(fig)
    assert "«\u00a0cette stratégie" in entry and "« «" not in entry.replace("\u00a0", " ")


def test_a_title_with_its_own_guillemets_gets_inner_quotes_inside_ours():
    from barometre.narrative import publication_text

    text = publication_text({"title": "Laurent Uberti (SP2C). « Responsabiliser tous les acteurs »"})
    assert "« «" not in text and "» »" not in text
    assert text.count("«") == 1 and text.count("»") == 1
    assert "“Responsabiliser tous les acteurs”" in text


def test_a_page_introduces_a_person_with_their_role_once_then_by_name():
    from barometre.narrative import mentions, new_page

    page = new_page()
    jean = mentions.person("Jean Régnier", "P-DG de Comearth")
    first = page.show(f"Selon {jean}, non.")
    again = page.show(f"- {jean} refuse ; « mot » — {jean}.")
    assert first == "Selon Jean Régnier \\(P\\-DG de Comearth\\), non."
    assert again == "- Jean Régnier refuse ; « mot » — Jean Régnier."
    # the words are the token's, never searched for in the text: a name written as text stays as written
    assert page.show("Jean Régnier (P-DG de Comearth) le dit.") == "Jean Régnier (P-DG de Comearth) le dit."


def test_a_name_without_a_role_introduces_nobody():
    from barometre.narrative import mentions, new_page

    page = new_page()
    assert page.show(mentions.person("Webhelp")) == "Webhelp"
    assert page.show(mentions.person("Webhelp", "prestataire")) == "Webhelp \\(prestataire\\)"


def test_the_article_is_named_with_its_author_once_then_as_the_article():
    from barometre.narrative import mentions, new_page
    from barometre.narrative.templating import environment

    page = new_page()
    upper = environment().filters["upper_first"]
    assert page.show(f"{upper(mentions.article('Claire Morel'))} le relève.") == "L’article de Claire Morel le relève."
    assert page.show(f"Selon {mentions.article('Claire Morel')}, oui.") == "Selon l’article, oui."


def test_without_a_page_every_mention_is_in_its_first_form():
    from barometre.narrative import mentions, say

    jean = mentions.person("Jean Régnier", "P-DG de Comearth")
    assert say(f"{jean} ; {jean}.").myst == "Jean Régnier \\(P\\-DG de Comearth\\) ; Jean Régnier \\(P\\-DG de Comearth\\)."


def test_a_mention_shown_without_its_page_is_refused():
    from barometre.narrative import mentions
    from barometre.prose import Prose

    with pytest.raises(ValueError, match="mention shown without its page"):
        Prose(f"Selon {mentions.person('Jean Régnier', 'P-DG de Comearth')}.")


def test_de_is_elided_before_a_mention_from_the_name_a_reader_sees():
    from barometre.narrative import mentions, new_page
    from barometre.narrative.templating import de_text

    eric = mentions.person("Eric Dadian", "président de l'AFRC")
    page = new_page()
    assert page.show(f"les mots {de_text(eric)}") == "les mots d’Eric Dadian \\(président de l\\'AFRC\\)"
    assert page.show(f"les mots {de_text(eric)}") == "les mots d’Eric Dadian \\(président de l\\'AFRC\\)"  # idempotent


def test_what_a_figure_counts_comes_before_its_editions_note():
    fig = load().known("numericable_external_advisers", 2011)  # last published in 2008
    assert fig.from_older_edition
    assert cite(fig, then=" conseillers").endswith("` conseillers (édition\u00a02008)")


def test_a_titles_glued_punctuation_gets_its_french_space_and_its_words_stay():
    from barometre.typography import title_typography

    assert title_typography("Outsourcing: vers un avenir meilleur?") == "Outsourcing : vers un avenir meilleur ?"
    assert title_typography("Centres d’appels : secteur en croissance") == "Centres d’appels : secteur en croissance"
    assert title_typography("Le «once and done» à 10:30, voir http://x.fr") == "Le “once and done” à 10:30, voir http://x.fr"


def test_de_and_que_are_elided_while_rendering_from_the_text_a_reader_sees():
    from barometre.narrative.templating import de_text, que_text, render

    assert de_text("{ref}`environ 83 % <x>`") == "d’{ref}`environ 83 % <x>`"
    assert de_text("{ref}`15 % <x>`") == "de {ref}`15 % <x>`" and de_text("un recul") == "d’un recul"
    assert que_text("{ref}`au moins 10 % <x>`") == "qu’{ref}`au moins 10 % <x>`" and que_text("15 %") == "que 15 %"
    # the page shows a sentence as rendered: no regex elides it afterwards
    from barometre.narrative import new_page

    assert new_page().show("est de {ref}`environ 83 % <x>`") == "est de {ref}`environ 83 % <x>`"
    assert render("book/notes/notes.md.j2") == ""  # a template of macros only renders nothing

def test_a_source_line_names_each_outlet_once_with_its_years():
    """The growth chart's line read « d’après Relation Client Magazine, Relation Client Magazine (2009) » and
    « Investing.com France (dépêche AFP) (2012) »: one outlet once, its years together (« s. d. » for a
    page without a date), inside the outlet's own parenthesis when it has one."""
    ds = load()
    line = source_line([f for e in ds.editions for f in ds.figures(e, "revenue_growth")])
    assert line.count("Relation Client Magazine") == 1, line
    assert "Relation Client Magazine (s.\u00a0d., 2009, 2012)" in line
    assert "Investing.com France (dépêche AFP, 2012)" in line and ") (" not in line
    assert source_line([ds.figure("revenue_growth", 2008)]).endswith("d’après Relation Client Magazine (2009)")


def test_a_publication_sets_its_year_inside_the_outlets_own_parenthesis():
    from barometre.narrative import publication

    fig = load().figure("revenue_growth", 2011)
    assert publication(fig) == "Investing.com France (dépêche AFP, 2012)"
    assert publication(load().figure("revenue_growth", 2008)) == "Relation Client Magazine (2009)"


def test_a_quote_is_set_in_french_typography_its_words_untouched():
    """The web page prints « 25% plus cher … en métropole? »: the book sets « 25 % » and « métropole ? »
    (with its narrow no-break space; the sources annex too, issue 27)."""
    fig = load().figure("offshore_price_premium_question", 2008)
    shown = quote(fig, attribution=False)
    assert "25\u00a0\\% plus cher" in shown and "métropole\u202f\\?" in shown, shown
    assert "25%" in fig.quote  # the data row is unchanged


def test_a_sentence_said_twice_on_a_page_is_shown_the_same_and_the_next_one_knows_the_person():
    from barometre import narrative

    jean = narrative.mentions.person("Jean Régnier", "P-DG de Comearth")
    page = narrative.new_page()
    sentence = f"Selon {jean}, non."
    first = page.say(sentence).myst
    assert page.say(sentence).myst == first and "P\\-DG de Comearth" in first
    assert page.say(f"{jean} refuse.").myst == "Jean Régnier refuse."
    other = narrative.new_page()  # another page introduces the person again
    assert "P\\-DG de Comearth" in other.say(f"{jean} refuse.").myst


def test_saying_without_a_page_remembers_nothing():
    from barometre.narrative import mentions, say

    sentence = f"{mentions.person('Jean Régnier', 'P-DG de Comearth')} refuse."
    assert say(sentence).myst == say(sentence).myst == "Jean Régnier \\(P\\-DG de Comearth\\) refuse."


def test_a_forecast_of_a_fall_beaten_by_the_outcome_is_refuted_not_exceeded():
    """The 2012 edition's −20 à −25 % for 2013 against −1,7 % realised: « démentie (recul moindre) », never
    « dépassée », which reads as a deeper fall."""
    from barometre.narrative import forecast_outcome

    ds = load()
    forecast = next(f for f in ds.figures(2012, "revenue_growth_forecast") if f.published)
    outcome = ds.known("revenue_growth", 2013, period="2013")
    text = forecast_outcome(forecast, outcome)
    assert text.endswith("prévision démentie (recul moindre).") and "dépassée" not in text


def test_a_figure_of_an_older_edition_is_dated_and_told_in_the_past_one_of_the_edition_is_not():
    """Nothing stale stated as current: the choice is the figure's (its edition against the book's), never a
    year written in code. The outsourced share of the market is published by the 2009 edition."""
    from barometre.narrative import in_year, opening, tensed, when_done

    ds = load()
    own, older = ds.known("outsourced_market_share", 2009), ds.known("outsourced_market_share", 2011)
    assert not own.from_older_edition and older.from_older_edition
    assert (in_year(own), opening(own), tensed(own, "représentent", "représentaient")) == ("", "", "représentent")
    year = older.period.split("-")[-1]
    assert in_year(older) == f" en {year}" and opening(older) == f"En {year}, "
    assert tensed(older, "représentent", "représentaient") == "représentaient"
    assert when_done(ds.known("revenue_growth", 2011, scope="market", period="2009")) == "en 2009"


def test_a_press_summary_names_its_outlet_and_its_study_never_in_nested_parentheses():
    """« Le marché est stable (Baromètre EY/SP2C … (données 2024, …)) » nested a study's own parentheses;
    « Selon un résumé de presse : Le marché est stable — Baromètre … » had no guillemets, a capital after the
    colon and no outlet (editor, stop 31)."""
    ds = load()
    summary = next(q for q in ds.quotes(2024, "resilience") if q.quote_type == "summary")
    text = quote(summary)
    assert not text.rstrip().endswith("))") and "résumé de presse :" not in text
    assert ", résume " in text and summary.publication_outlet.split(" (")[0] in text


def test_a_source_is_named_with_its_article_and_a_span_after_pour_reads_as_french():
    """« Deux prévisions de SP2C », « selon Baromètre des outsourceurs … », « pour entre 2013 et 2014 »,
    « démentie (au-delà) » for a forecast of a fall beaten by growth (editor, stop 31)."""
    from barometre import narrative

    ds = load()
    pairs = ds.forecasts(ds.latest)
    study = next(f for f, _ in pairs if f.source_type == "barometer")
    org = next(f for f, _ in pairs if f.source_type == "interview" and " " not in f.source_name.strip())
    person = next(f for f, _ in pairs if f.source_type == "interview" and " " in f.source_name.strip())
    assert narrative.named_source(study).startswith("le baromètre")
    assert narrative.of_source(org) == f"du {org.source_name}"
    assert narrative.of_source(person) == f"de {person.source_name}"
    assert narrative.for_period("2013-2014") == "2013-2014" and narrative.for_period("2009") == "2009"
    text = "\n".join(narrative.forecast_outcomes(pairs))
    assert "pour entre" not in text and "selon Baromètre" not in text and "de SP2C" not in text
    fall = next(f for f, _ in pairs if f.bounds[1] == 0 and f.qualifier in ("less_than", "at_most"))
    assert narrative.verdict_words("prévision démentie (au-delà)", fall) == "prévision démentie (hausse au lieu d’un recul)"


def test_a_forecast_names_what_it_forecasts_and_counts_with_its_noun():
    """« Prévision … : 6 000 à 7 000 ; aucune édition … » had no unit and did not say it forecast jobs cut;
    « Ce qui a changé » listed « moins de +0 % » for the 2011 edition's forecast of a fall (editor, stop 32)."""
    from barometre import narrative
    from barometre.editions import changes_markdown

    ds = load()
    jobs = next(f for f, _ in ds.forecasts(ds.latest) if f.indicator == "jobs_destroyed_forecast")
    growth = next(f for f, _ in ds.forecasts(ds.latest) if f.indicator == "revenue_growth_forecast")
    assert narrative.forecast_noun(jobs) == "Prévision d\\'emplois supprimés"
    assert narrative.forecast_noun(jobs, 2) == "Deux prévisions d\\'emplois supprimés"
    assert narrative.forecast_noun(growth) == "Prévision"
    assert "emplois <" in narrative.forecast_cited(jobs) and "%" in narrative.forecast_cited(growth)
    changes = changes_markdown(ds, 2011)
    assert "moins de +0" not in changes and "un recul <fig-2011-revenue-growth-forecast" in changes


def test_the_method_s_example_of_a_range_and_a_bound_comes_from_the_edition_itself():
    """Every book printed the 2008 example (« 60 à 70 % … plus de 35 % ») in its method (editors, stops 31-32)."""
    from barometre import narrative

    ds = load()
    text = narrative.ranges_and_bounds_example(ds, 2024)
    own = [f for f in ds.figures(2024) if f.published and (f.is_range or f.qualifier == "more_than")]
    assert "dans l'édition 2024" in text and any(f.anchor in text for f in own)
    assert "fig-2008-" not in text and "prévision" not in text.lower()
    assert "fig-2008-" in narrative.ranges_and_bounds_example(ds, 2008)


def test_a_forecast_over_two_years_says_no_edition_gives_its_whole_period():
    """« pour 2013-2014 … : 7 000 emplois ; aucune édition ne publie encore le chiffre réalisé » beside a résilience
    page giving 4 000 jobs cut in 2013 (editor, stop 32): no edition gives the two years' total."""
    from barometre import narrative

    ds = load()
    pairs = [(f, o) for f, o in ds.forecasts(ds.latest) if f.period == "2013-2014"]
    assert pairs
    for line in narrative.forecast_outcomes(pairs):
        assert "chiffre réalisé sur toute la période" in line


def test_a_calendar_year_carries_no_edition_note():
    """« Numericable a fait appel à l'offshore dès 2003 (dernier chiffre publié, édition 2008) » tagged a date."""
    from barometre import narrative

    ds = load()
    year = ds.known("numericable_offshore_start_year", ds.latest)
    share = ds.known("top10_market_share", ds.latest, scope="top10")
    assert year.from_older_edition and narrative.vintage_note(year) == ""
    assert "dernier chiffre publié" in narrative.vintage_note(share)  # a figure still names its edition


def test_only_a_series_says_dernier_chiffre_publie_and_a_one_off_count_carries_no_note(data_copy):
    """« dernier chiffre publié » says that a series was not brought up to date: a one-off statement names its
    edition only (« 600 conseillers (édition 2008) »), and a duration or a count said once (« en quatre
    questions ») carries nothing. Once a later edition gives the same indicator for another year, it is a
    series, and its older figure is « dernier chiffre publié »."""
    from conftest import rewrite

    from barometre import narrative

    ds = load()
    advisers = ds.known("numericable_external_advisers", 2011)
    questions = ds.known("satisfaction_survey_questions", 2011)
    share = ds.known("top10_market_share", 2011, scope="top10")
    assert advisers.one_off and narrative.vintage_note(advisers) == " (édition\u00a02008)"
    assert questions.one_off and narrative.vintage_note(questions) == ""
    assert not share.one_off and "dernier chiffre publié" in narrative.vintage_note(share)
    # the 2008 figures as the 2008 book tells them: no note at all
    assert narrative.vintage_note(ds.known("numericable_external_advisers", 2008)) == ""

    # the 2010 edition gives the advisers and the survey's questions for 2010: both become series
    path = data_copy / "editions" / "2010.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    for indicator, scope, value, unit in (("numericable_external_advisers", "numericable", "650", "people"),
                                          ("satisfaction_survey_questions", "teleperformance", "5", "count")):
        row = dict.fromkeys(header, "")
        row.update(indicator=indicator, edition="2010", period="2010", scope=scope, value=value,
                   qualifier="exact", unit=unit, source=lines[1].split(",")[header.index("source")],
                   quote="Un chiffre de test.", quote_type="verbatim")
        lines.append(",".join(row[h] for h in header))
    rewrite(path, "\n".join(lines) + "\n")
    later = load(data_copy)
    advisers = later.known("numericable_external_advisers", 2011)
    questions = later.known("satisfaction_survey_questions", 2011)
    assert not advisers.one_off and advisers.period == "2010"
    # 2010's figures in the 2010 edition: the year names the edition (editor39), « dernier chiffre publié » stays
    assert narrative.vintage_note(advisers) == " (dernier chiffre publié)"
    assert narrative.vintage_note(questions) == " (dernier chiffre publié)"


def test_a_forecast_for_two_years_is_set_against_the_year_already_measured():
    """« 7 000 emplois [supprimés] pour 2013-2014 … aucune édition ne publie encore le chiffre réalisé » while
    the same book told 4 000 jobs cut in 2013 (editor34): the measured year is told, the missing one named."""
    from barometre import narrative

    ds = load()
    forecast = next(f for f, o in ds.forecasts(2024)
                    if f.indicator == "jobs_destroyed_forecast" and f.edition == 2013 and o is None)
    partial = ds.partial_outcomes(forecast, 2024)
    assert [(f.period, f.central) for f in partial] == [("2013", 4000)]
    line = narrative.forecast_outcome(forecast, None, partial)
    # 2013's count in the 2013 edition: « en 2013 » names it, no « (édition 2013) » after it (editor39)
    assert re.search(r"réalisé en 2013 : \{ref\}`4\s000\semplois <fig-2013-jobs-destroyed-france-2013>`(?! \(édition)", line)
    assert line.endswith("aucune édition ne publie le chiffre de 2014.")
    assert "dernier chiffre publié" not in line
    # the book of 2012 knows no year of the span yet; a single year is never split
    assert ds.partial_outcomes(forecast, 2012) == []
    single = next(f for f, _ in ds.forecasts(2024) if f.period == "2014")
    assert ds.partial_outcomes(single, 2024) == []
    lines = narrative.forecast_outcomes([(forecast, None)], lambda f: ds.partial_outcomes(f, 2024))
    assert "réalisé en 2013" in lines[0]
    assert "sur toute la période" in narrative.forecast_outcomes([(forecast, None)])[0]  # without the years


def test_one_statement_relayed_by_two_outlets_is_one_forecast_and_two_figures_are_two():
    """« Deux prévisions du SP2C … : −25 à −20 %, d'après Génération NT ; −25 à −20 %, d'après Freenews »: the
    SP2C's one statement, relayed twice (editor34). Told once, each outlet linked to its row; Laurent Uberti's
    three different figures for 2009 stay three forecasts."""
    from barometre import narrative

    ds = load()
    pairs = ds.forecasts(2024)
    lines = narrative.forecast_outcomes(pairs)
    relayed = [f for f, _ in pairs if f.edition == 2012 and f.period == "2013" and f.indicator == "revenue_growth_forecast"]
    assert len(relayed) == 2
    line = next(line for line in lines if relayed[0].anchor in line)
    assert relayed[1].anchor in line and line.startswith("- Prévision du SP2C publiée avec l’édition 2012 pour 2013")
    assert "Deux prévisions" not in "".join(lines)
    assert "prévision démentie (recul moindre)" in line
    assert any(line.startswith("- Trois prévisions de Laurent Uberti") for line in lines)


def test_a_figure_a_later_one_of_its_series_supersedes_is_not_the_last_published():
    """« en passant de 250 000 (dernier chiffre publié, édition 2008) à 400 000 emplois » in the 2024 book, which
    gives 290 000 jobs in France in 2025: the 2009 figure (« now ») is not the last published. The market's
    growth is its own series: France's 2024 growth does not supersede the market's 2019 one."""
    from barometre import narrative

    ds = load()
    jobs = ds.known("customer_relation_jobs", 2024, scope="current")
    assert jobs.superseded and narrative.vintage_note(jobs) == " (édition\u00a02008)"
    target = ds.known("customer_relation_jobs", 2024, scope="target")  # an objective is no measure
    assert narrative.vintage_note(target) == " (édition\u00a02008)"
    market = ds.known("revenue_growth", 2024, scope="market")
    assert market.period == "2019" and not market.superseded
    assert "dernier chiffre publié" in narrative.vintage_note(market)


def test_a_forecast_of_a_fall_says_what_falls_and_writes_its_range_upright():
    from barometre.data import load

    ds = load()
    lines = [ln.replace("\u00a0", " ") for ln in narrative.forecast_outcomes(ds.forecasts(2024),
                                                                          lambda f: ds.partial_outcomes(f, 2024))]
    sp2c = next(ln for ln in lines if "pour 2013, d’après" in ln)
    assert "un recul du chiffre d’affaires de {ref}`20 à 25 %" in sp2c and "−25 à −20" not in sp2c
    barometer = next(ln for ln in lines if "pour 2012" in ln)
    # the barometer's own forecast: « selon le baromètre », not its full name and data year again
    assert ", selon le baromètre, d’après Relation Client Magazine : " in barometer and "(données 2011)" not in barometer
    assert "un recul <fig-2011-revenue-growth-forecast-market-2012>` du chiffre d’affaires" in barometer


def test_a_forecast_without_its_outcome_gives_what_the_edition_publishes_instead(data_copy):
    from conftest import set_value

    ds = load()
    pairs = ds.forecasts(2024)
    lines = narrative.forecast_outcomes(pairs, lambda f: ds.partial_outcomes(f, 2024),
                                        lambda f: ds.related_outcomes(f, 2024))
    # told once on the page, on the first forecast it answers (editor37: it ended three lines in a row)
    said = [ln.replace("\u00a0", " ") for ln in lines if "publie seulement" in ln]
    assert len(said) == 1 and "l’édition 2014 publie seulement un recul de l’emploi en France de " \
           "{ref}`2,2 % <fig-2014-staff-growth-france-2014>` en 2014." in said[0]
    line = next(ln for ln in lines if "pour 2014 (SP2C, édition 2012, d’après" in ln)  # with the other job cuts
    assert "aucune édition ne publie le chiffre de 2014" in line
    # the 2011 book knows no 2014 figure: nothing instead
    assert ds.related_outcomes(next(f for f, _ in pairs if f.period == "2014"), 2013) == []
    # a rise is told as a rise
    set_value(data_copy, "staff_growth", "france", "2014", "1.5", edition=2014)
    changed = load(data_copy)
    lines = narrative.forecast_outcomes(changed.forecasts(2024), None, lambda f: changed.related_outcomes(f, 2024))
    assert any("publie seulement une hausse de l’emploi en France de {ref}`1,5" in ln.replace("\u00a0", " ")
               for ln in lines)


def test_a_sector_forecast_wrong_for_the_sector_and_right_in_france_says_both(data_copy):
    """editor37: the 2011 edition's « recul » for 2012 was « démentie » on a page quoting « Cette inversion de
    tendance sur le marché français est historique »: France fell (−2,8 %) while the sector grew (+1 %). The
    France outcome is told when its verdict differs, and only then."""
    from conftest import set_value

    ds = load()
    line = next(ln for ln in narrative.forecast_outcomes(ds.forecasts(2024), dataset=ds, edition=2024)
                if "pour 2012" in ln).replace("\u00a0", " ")
    assert "démentie (hausse au lieu d’un recul) pour l’ensemble du secteur ; en France : {ref}`−2,8 %" in line
    assert line.endswith("prévision tenue.")
    assert "réalisé : {ref}`+1 %" in line  # signed against a forecast of a fall (editor38)
    # France grows too: one verdict, no France clause
    set_value(data_copy, "revenue_growth", "france", "2012", "0.5", edition=2013)
    changed = load(data_copy)
    line = next(ln for ln in narrative.forecast_outcomes(changed.forecasts(2024), dataset=changed, edition=2024)
                if "pour 2012" in ln)
    assert "en France" not in line and line.endswith("démentie (hausse au lieu d’un recul).")


def test_figures_of_one_older_edition_told_together_carry_its_note_once():
    """editor37/38: « reculaient de 6 % (dernier chiffre publié, édition 2012) en province et de 18 % (édition
    2012) en Île-de-France »."""
    ds = load()
    pair = [ds.known("staff_growth", 2024, scope=s, period="2012") for s in ("province", "ile_de_france")]
    figs, note = narrative.one_note(pair)
    assert note == " (dernier chiffre publié)"  # 2012's figures of the 2012 edition: the year names it
    assert all(narrative.vintage_note(f) == "" for f in figs)
    own = [ds.known("staff_growth", 2012, scope=s, period="2012") for s in ("province", "ile_de_france")]
    assert narrative.one_note(own) == (own, "")  # the edition's own figures carry none
    mixed = [pair[0], ds.known("staff_growth", 2024, scope="france", period="2019")]
    assert narrative.one_note(mixed)[1] == ""  # two editions: each keeps its own


def test_a_figures_year_that_is_its_editions_year_names_the_edition_and_no_tag_repeats_it():
    """editor39: « 48,5 % (édition 2021) en 2021 » (21 times in the 2024 book). The year names the edition; the
    latest figure of a series keeps « (dernier chiffre publié) »; a figure whose year is not its edition's keeps its
    tag; a figure of the book's own edition has none."""
    ds = load()
    own_year = ds.known("adviser_salary_gross", 2024)  # 2014's salary, from the 2014 edition, the last published
    assert (own_year.period, own_year.edition, own_year.from_older_edition) == ("2014", 2014, True)
    text = narrative.cite_in(own_year, then=" par mois")
    assert "(édition" not in text and text.endswith(" par mois en 2014 (dernier chiffre publié)")
    earlier = narrative.cite_in(own_year, earlier=True)
    assert earlier.endswith(" en 2014") and "(" not in earlier.split(">`", 1)[1]
    other_year = ds.known("adviser_salary_gross", 2024, period="2013")  # 2013's, published by the 2014 edition
    assert other_year.edition == 2014
    assert "(édition\u00a02014) en 2013" in narrative.cite_in(other_year)
    current = ds.known("adviser_salary_gross", 2014)
    assert narrative.cite_in(current) == f"{cite(current)} en 2014"  # the book's own: no tag at all


def test_the_open_forecasts_of_one_measure_are_one_item_with_their_years_told_once(data_copy):
    """editor40: the 2024 changes page set three job-cut forecasts (Laurent Uberti's of 2012 and 2013, the SP2C's of
    2012) on three lines, two of them ending « réalisé en 2013 : 4 000 emplois ». One item now, each forecast with
    its speaker, edition and outlets, then what the editions publish of their years, once; without the 2013 figure,
    the item says that no edition publishes one."""
    from conftest import mark_not_published

    from barometre.editions.changes import forecasts_markdown

    text = forecasts_markdown(load(), 2024).replace("\u00a0", " ").replace("\u202f", " ")
    jobs = [line for line in text.splitlines() if "emplois supprimés" in line]
    assert len(jobs) == 1 and jobs[0].startswith("- Trois prévisions d\\'emplois supprimés : ")
    assert "(Laurent Uberti, édition 2012, d’après" in jobs[0] and "(SP2C, édition 2012, d’après" in jobs[0]
    assert jobs[0].count("Réalisé en 2013 : {ref}`4 000 emplois") == 1 and text.count("réalisé en 2013") == 0
    assert "aucune édition ne publie le chiffre de 2014" in jobs[0]
    assert text.index("pour 2009") < text.index("emplois supprimés")  # in the order of the editions
    mark_not_published(data_copy, "jobs_destroyed", edition=2013)
    changed = forecasts_markdown(load(data_copy), 2024).replace("\u00a0", " ").replace("\u202f", " ")
    line = next(x for x in changed.splitlines() if "emplois supprimés" in x)
    assert "Aucune édition ne publie le chiffre réalisé" in line and "4 000 emplois <fig-2013" not in line


def test_a_testimony_or_span_its_sentence_dates_carries_no_edition_note_in_a_later_book():
    """editor42: about twenty « (édition 2008) » a book where the method says none: « qui s'appuyait en 2009 sur 600
    conseillers (édition 2008) », « En 2009, le plan … 3 500 entreprises (édition 2008) … 9 M€ (édition 2008) », « a baissé
    de 40 % (édition 2008) entre 2000 et 2009 », « +125 % (édition 2008) » entre 2007 et 2008. The 2009 book keeps the
    testimonies' notes: its own edition does not publish them."""
    from barometre import themes
    from barometre.chapters import partnership, value

    ds = load()
    external = ds.known("numericable_external_advisers", 2024, scope="numericable")
    assert "(édition" not in value.numericable_clause(external)
    assert "(édition" in value.numericable_clause(ds.known("numericable_external_advisers", 2009, scope="numericable"))
    plan = partnership.mission_plan(ds, 2024, partnership.agreement_events(ds, 2024).iloc[0:0], None, None).text
    assert plan.startswith("En 2009,") and "(édition" not in plan
    assert "(édition" not in themes.reverse_auctions(ds, 2024)
    from dataclasses import replace

    span = ds.known("hotline_inbound_growth", 2024, scope="technical_hotline")
    assert span is not None and span.period == "2007-2008" and narrative.vintage_note(span) == ""
    assert narrative.vintage_note(replace(span, period="2006-2007")).startswith(" (édition")


def test_an_older_book_says_no_edition_up_to_its_own_publishes_an_outcome_a_later_one_does():
    """editor42: the 2011 book said « aucune édition ne publie le chiffre réalisé » of the 2012 forecast, which the
    site's 2012 edition publishes. A recent figure (the year before the book's edition or later) « n'est pas encore
    publié », in the latest book too (2024's estimate for 2025)."""
    from barometre.editions.changes import forecasts_markdown

    ds = load()
    older = forecasts_markdown(ds, 2011)
    assert "le chiffre réalisé n’est pas encore publié" in older  # editor43: « jusqu'à celle de 2011 » was a truism
    assert "aucune édition ne publie" not in older
    assert "n’est pas encore publié" in forecasts_markdown(ds, 2012)
    assert forecasts_markdown(ds, 2024).endswith("le chiffre réalisé n’est pas encore publié.")  # 2025's


def test_an_old_figure_no_edition_published_is_said_unpublished_not_still_to_come():
    """« pas encore » read as a figure still to come: 2014's in the 2021 book is one no edition publishes. The choice
    reads the book's edition and the figure's year, never the data's latest edition."""
    from barometre.narrative.outcomes import _unpublished

    assert _unpublished("years", 2021, 2014, ["2014"]) == "aucune édition ne publie le chiffre de 2014"
    assert _unpublished("years", 2021, 2020, ["2020"]) == "le chiffre de 2020 n’est pas encore publié"
    assert _unpublished("outcome", None, 2030) == "aucune édition ne publie le chiffre réalisé"


def test_a_books_forecasts_do_not_change_when_a_later_edition_is_added(tmp_path):
    """The book of an edition reads nothing a later edition adds (barometre.vintage): the 2011 and 2021 books' forecast
    lists are the same with the editions after them removed from the data."""
    import shutil

    from barometre.editions.changes import forecasts_markdown
    from barometre.paths import DATA_DIR

    ds = load()
    for edition in (2011, 2021):
        data = tmp_path / str(edition)
        shutil.copytree(DATA_DIR, data)
        for folder in ("editions", "events", "quotes"):
            for path in (data / folder).glob("[0-9][0-9][0-9][0-9].csv*"):
                if int(path.name[:4]) > edition:
                    path.unlink()
        assert load(data).latest == edition
        assert forecasts_markdown(load(data), edition) == forecasts_markdown(ds, edition)


def test_the_executed_pages_guard_sees_an_unelided_figure_and_a_note_explained_twice():
    """``executed.assert_clean``, run on every chapter's executed text (``test_chapter_contract``), is what checks the
    rendering's elision and edition notes now that the page no longer repairs them."""
    from executed import assert_clean

    note = " (dernier chiffre publié, édition\u00a02008)"
    with pytest.raises(AssertionError):
        assert_clean("la part est de {ref}`environ 83 % <x>` en 2006")
    with pytest.raises(AssertionError):
        assert_clean(f"a 1{note}, b 2{note}.")
    said = " (propos rapportés dans l’édition\u00a02008)"
    with pytest.raises(AssertionError):
        assert_clean(f"A{said}. B{said}.")
    assert_clean(f"la part est d’{{ref}}`environ 83 % <x>` en 2006, a 1{note}.\n\nb 2{note}.")  # one a paragraph
    assert_clean(f"| a{note} | b{note} |")  # a table cell is read on its own
