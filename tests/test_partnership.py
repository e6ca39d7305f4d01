"""The jobs target, the agreement's means and the « Un métier de partenariat » chapter."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import mark_not_published, rewrite, set_field, set_value
from executed import assert_clean, execute_chapter, markdown, spec
from fixtures import data_with_sparse_2009, data_with_sparse_2009_only

from barometre import load
from barometre.chapters import partnership as ch
from barometre.models import partnership as model
from barometre.narrative import mentions
from barometre.paths import DATA_DIR

EDITION = 2008


# --------------------------------------------------------------------------- the model


def test_going_from_250_000_to_400_000_jobs_in_five_years_takes_about_9_9_percent_a_year():
    rate = model.required_annual_growth(250_000, 400_000, 5)
    assert rate == pytest.approx(1.6 ** (1 / 5) - 1)
    assert round(rate * 100, 1) == 9.9


def test_the_required_growth_compounds_back_to_the_target():
    for years in (3, 5, 10, 15):
        rate = model.required_annual_growth(250_000, 400_000, years)
        path = model.growth_path(250_000, rate, years)
        assert len(path) == years + 1
        assert path[0] == 250_000 and path[-1] == pytest.approx(400_000)


def test_a_longer_horizon_needs_a_slower_growth_and_no_growth_is_needed_at_the_target():
    table = model.required_growth_table(250_000, 400_000, [3, 5, 10, 15])
    assert list(table["annual_growth"]) == sorted(table["annual_growth"], reverse=True)
    assert table.loc[0, "jobs_added_per_year"] == pytest.approx(50_000)
    assert model.required_annual_growth(100, 100, 4) == 0
    assert model.required_annual_growth(100, 50, 1) == pytest.approx(-0.5)


def test_nine_million_euros_for_5_300_trainings_is_about_1_698_euros_each():
    assert model.cost_per_unit(9_000_000, 5_300) == pytest.approx(1698.11, abs=0.01)
    assert model.cost_per_unit(0, 10) == 0


def test_horizons_are_read_from_the_parameter_text():
    assert model.parse_horizons("3, 5, 10, 15") == [3, 5, 10, 15]
    assert model.parse_horizons("10;3 , 3") == [3, 10]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: model.required_annual_growth(0, 400_000, 5), r"current must be a number > 0"),
        (lambda: model.required_annual_growth(250_000, -1, 5), r"target must be a number > 0"),
        (lambda: model.required_annual_growth(250_000, 400_000, 0), r"years must be a number > 0"),
        (lambda: model.required_annual_growth(250_000, 400_000, -3), r"years must be a number > 0 .*got -3"),
        (lambda: model.required_annual_growth(float("nan"), 400_000, 5), r"current must be a number > 0"),
        (lambda: model.required_annual_growth(250_000, 400_000, True), r"years must be a number > 0"),
        (lambda: model.growth_path(250_000, -1, 5), r"rate must be a number > -1"),
        (lambda: model.growth_path(250_000, 0.1, -1), r"years must be an integer ≥ 0"),
        (lambda: model.required_growth_table(250_000, 400_000, []), "at least one horizon"),
        (lambda: model.parse_horizons(""), "horizons must be whole numbers"),
        (lambda: model.parse_horizons("3, cinq"), "horizons must be whole numbers"),
        (lambda: model.parse_horizons("0, 5"), "≥ 1"),
        (lambda: model.cost_per_unit(9_000_000, 0), r"count must be a number > 0"),
        (lambda: model.cost_per_unit(-1, 10), r"budget must be a finite number ≥ 0"),
        (lambda: model.share(700, 600), "part must be between 0 and whole"),
        (lambda: model.share(1, 0), r"whole must be a number > 0"),
    ],
)
def test_invalid_parameters_are_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --------------------------------------------------------------------------- chapter


def test_the_cost_per_training_comes_from_the_budget_in_millions():
    ds = load()
    cost = ch.training_cost(ds.figure("trainings_planned", EDITION), ds.figure("training_budget", EDITION))
    assert cost == pytest.approx(9e6 / 5300)


def test_the_jobs_target_counts_horizons_from_the_year_of_the_statement():
    jt = ch.jobs_target(load(), EDITION, [3, 10])
    assert jt.start_year == 2009
    assert list(jt.table["échéance"]) == [2012, 2019]
    assert jt.total_change == pytest.approx(0.6)
    assert jt.table["texte"].iloc[0] == "+17\u00a0% par an"


def test_numericable_relies_on_six_external_advisers_per_internal_expert():
    n = ch.numericable(load(), EDITION)
    assert n is not None
    assert n.external_per_internal == pytest.approx(6)
    assert n.external_share == pytest.approx(600 / 700)
    assert n.years_offshore == 6  # 2003 to the statement of 2009


def test_the_workforce_shares_and_their_complements_add_up_to_100():
    table = ch.workforce_table(ch.workforce(load(), EDITION))
    assert len(table) == 6
    assert table.groupby("ligne")["part"].sum().tolist() == [100, 100, 100]


def test_the_agreement_and_the_assises_are_dated_events():
    events = ch.agreement_events(load(), EDITION)
    assert set(events["kind"]) == {"agreement", "conference"}
    assert "juillet 2009" in set(events["date_texte"])


def test_an_event_quote_is_attributed_and_loses_the_scan_guillemets():
    ds = load()
    events = ch.agreement_events(ds, EDITION)
    text = ch.event_quote(ds, events[events["kind"] == "conference"].iloc[0])
    assert text.startswith("«\u00a0Elles seront lancées") and "Michel Guido" in text
    assert "»\u00a0»" not in text


def test_every_partnership_chart_validates_and_is_titled_sourced_and_described():
    ds = load()
    figs = ch.workforce(ds, EDITION)
    charts = [
        ch.workforce_chart(ch.workforce_table(figs), figs, ds.figure("graduate_population_change", EDITION)),
        ch.jobs_chart(ch.jobs_target(ds, EDITION, [3, 5, 10, 15]), 3),
        ch.numericable_chart(ch.numericable(ds, EDITION)),
    ]
    for chart in charts:
        chart.chart.to_dict()  # validates against the Vega-Lite schema
        assert chart.title and chart.description and chart.source
        assert chart.data is not None and "texte" in chart.data.columns
    assert "250\u202f000" in charts[1].description
    assert "modèle et hypothèses du livre" in charts[1].source


def test_the_summary_depends_on_the_data_only_and_links_its_figures():
    s = ch.summary(load(), EDITION)
    assert s.chapter == "partnership"
    assert "fig-2008-permanent-contract-share-market-2008" in s.key_figure
    assert "fig-2008-customer-relation-jobs-target-2009" in s.takeaway


# --------------------------------------------------------------------------- notebook


_markdown, _spec = markdown, spec


@pytest.mark.slow
def test_other_horizons_change_the_text_and_the_jobs_chart(tmp_path):
    base = execute_chapter(tmp_path, "partnership", "base", edition=EDITION)
    other = execute_chapter(tmp_path, "partnership", "other", horizons="8, 20", edition=EDITION)
    assert "en trois ans" in _markdown(base) and "en huit ans" in _markdown(other)  # small counts in words
    assert _spec(base, "partenariat-objectif-emplois") != _spec(other, "partenariat-objectif-emplois")
    assert _spec(base, "partenariat-numericable") == _spec(other, "partenariat-numericable")


@pytest.mark.slow
def test_numericables_advisers_are_in_the_present_in_the_articles_edition_and_dated_later(tmp_path):
    base = " ".join(_markdown(execute_chapter(tmp_path, "partnership", "2008", edition=EDITION)).split())
    later = " ".join(_markdown(execute_chapter(tmp_path, "partnership", "2011", edition=2011)).split())
    assert "Le service clients de Numericable compte" in base and "qui s'appuient" in base
    # dated once, at the head of the testimony (ch.numericable_text)
    assert "En 2009, Eric Klipfel" in later and "décrivait" in later and "Le service clients de Numericable " \
        "comptait" in later and "qui s'appuyaient" in later
    assert "Numericable compte" not in later


def _not_published(data_dir: Path, indicator: str, scope: str) -> None:
    mark_not_published(data_dir, indicator, scope, edition=EDITION)


SPARSE = 2009


def test_directions_come_from_the_signs_of_the_changes():
    from dataclasses import replace

    change = load().figure("graduate_population_change", EDITION)
    assert ch.change_text(change).startswith("en hausse de") and ch.change_text(change).endswith("entre 2007 et 2008")
    assert ch.change_text(replace(change, value=-5)).startswith("en baisse de")
    assert ch.change_text(replace(change, value=0)).startswith("stable")


def test_on_the_sparse_edition_the_cdi_share_falls_and_the_summary_says_so(tmp_path):
    ds = load(data_with_sparse_2009(tmp_path / "data"))
    latest, previous = ch.trend(ds, "permanent_contract_share", SPARSE)
    assert (latest.central, latest.period, previous.period) == (68, "2009", "2008")
    assert "en baisse par rapport à" in ch.trend_text(latest, previous)
    assert "en hausse par rapport à" in ch.trend_text(previous, latest)
    s = ch.summary(ds, SPARSE)
    assert s.takeaway.startswith("La part des CDI recule") and "fig-2009-permanent-contract-share" in s.key_figure
    assert "moins précaire" not in s.takeaway
    assert_clean(s.key_figure + s.takeaway)


def test_the_jobs_target_and_the_summary_are_optional(tmp_path):
    ds = load(data_with_sparse_2009_only(tmp_path / "data"))
    assert ch.jobs_target(ds, SPARSE, [3, 5]) is None or ch.jobs_target(ds, SPARSE, [3, 5]).current.edition != 2008
    s = ch.summary(ds, SPARSE)
    assert "fig-2008" not in s.takeaway and "68" in s.key_figure
    assert_clean(s.takeaway)


def test_the_summary_is_neutral_when_nothing_is_known():
    from dataclasses import replace

    f = ch.facts(load(), EDITION)
    assert "aucun chiffre" not in ch.summary_of(f).key_figure
    nothing = replace(f.staff, cdi=None, cdi_france=None, regional=[], working=None, men=None, bac2=None, bac1=None)
    s = ch.summary_of(replace(f, staff=nothing, count=None, current=None, target=None, graduates=None))
    assert s.key_figure == "aucun chiffre jusqu’à l’édition 2008" and s.takeaway.startswith("Aucune édition")


def test_the_workforce_bars_are_dated_when_their_periods_differ(tmp_path):
    ds = load(data_with_sparse_2009(tmp_path / "data"))
    table = ch.workforce_table(ch.workforce(ds, SPARSE))
    # 2008 gives both full and part time: the full-time share draws the row (the measure later editions keep)
    assert "CDI (2009)" in set(table["ligne"]) and "Temps plein (2008)" in set(table["ligne"])


def test_a_new_indicator_of_the_chapter_is_drawn_by_year_without_code(tmp_path):
    data = data_with_sparse_2009(tmp_path / "data")
    indicators = data / "indicators.csv"
    text = indicators.read_text(encoding="utf-8")
    if "\nmale_staff_share," not in text:
        rewrite(indicators, text + "male_staff_share,Part des hommes dans les effectifs,percent,"
                "Share of men among the outsourcers' staff.,partnership,false,\n")
    sparse = data / "editions" / "2009.csv"
    rewrite(sparse, sparse.read_text(encoding="utf-8") + "".join(
        f"male_staff_share,2009,{period},market,{value},,,exact,percent,barometer_bearingpoint_sp2c,"
        "FICTIF : part des hommes.,FICTIF — données de test\n" for period, value in (("2008", 38), ("2009", 41))))
    ds = load(data)
    table = ch.history_table(ds, SPARSE)
    panels = set(table["panneau"])
    assert ds.indicators["male_staff_share"].label_fr in panels and "Part des CDI" in panels
    chart = ch.history_chart(table, SPARSE)
    chart.chart.to_dict()
    assert "41\u00a0%" in chart.description and "68\u00a0%" in chart.description


@pytest.mark.slow
def test_on_the_sparse_reversing_edition_the_words_flip_and_nothing_empty_is_printed(tmp_path):
    data = data_with_sparse_2009(tmp_path / "data")
    nb = execute_chapter(tmp_path, "partnership", "sparse", data_dir=str(data), edition=SPARSE)
    text = _markdown(nb)
    assert_clean(text)
    assert "la part des CDI dans les contrats est de" in text and "en baisse par rapport à" in text
    assert "lui donne raison" not in text and "ne concerne que" not in text
    assert re.search(r"\((dernier chiffre publié, )?édition\s2008\)", text)  # older figures name their edition
    # words an older edition reported: in the past and dated by their publication, with no edition note on them
    assert "En 2009, Laurent Uberti" in text and "rappelait qu'avant" in text.replace("’", "'")
    assert "ne sert pas la qualité" not in text and "ne servait pas la qualité." in text
    assert "chefs de plateau (édition" not in text
    history = _spec(nb, "partenariat-historique")
    assert "68" in history["description"] and "73" in history["description"]


@pytest.mark.slow
def test_an_edition_without_the_article_states_none_of_its_figures(tmp_path):
    data = data_with_sparse_2009_only(tmp_path / "data")
    nb = execute_chapter(tmp_path, "partnership", "only", data_dir=str(data), edition=SPARSE)
    text = _markdown(nb)
    assert_clean(text)
    assert "fig-2008" not in text and "édition\u00a02008" not in text
    assert text.count("Aucune édition du baromètre jusqu’à celle de 2009") == 1
    assert "formations financées prévues" in text
    with pytest.raises(AssertionError):
        _spec(nb, "partenariat-numericable")


@pytest.mark.slow
def test_missing_optional_figures_are_left_out_and_named_once(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    for indicator, scope in [("trainings_planned", "framework_agreement"),
                             ("numericable_external_advisers", "numericable"),
                             ("framework_agreement_duration_years", "framework_agreement"),
                             ("client_offshore_visit_weeks", "client_managers"),
                             ("assises_duration_days", "assises_relation_client")]:
        _not_published(data, indicator, scope)
    nb = execute_chapter(tmp_path, "partnership", "missing", data_dir=str(data), edition=EDITION)
    text = _markdown(nb)
    assert_clean(text)
    assert text.count("Aucune édition du baromètre jusqu’à celle de 2008") == 1
    assert "Le plan de la Mission comprend" in text
    assert "le financement" not in text and "passent même" not in text and "passaient même" not in text
    _spec(nb, "partenariat-objectif-emplois")
    with pytest.raises(AssertionError):
        _spec(nb, "partenariat-numericable")


def test_a_share_given_only_by_region_is_said_by_region_not_called_unpublished():
    ds = load()
    regional = ch.regional_figures(ds, "permanent_contract_share", 2005)
    assert {f.scope for f in regional} == {"ile_de_france", "province", "offshore"}
    text = ch.summary(ds, 2005).takeaway
    assert "Île-de-France" in text and "offshore" in text and "Aucune édition" not in text
    assert ch.regional_figures(ds, "permanent_contract_share", 2011) == []  # the market figure is known


@pytest.mark.slow
def test_a_company_is_not_named_twice_when_its_spokesperson_is_introduced(tmp_path):
    """« Chez GDF Suez, Eric Lestanguet (directeur client de GDF Suez) » named the company twice."""
    text = " ".join(_markdown(execute_chapter(tmp_path, "partnership", "companies", edition=EDITION)).replace("\\", "").split())
    assert "Chez GDF Suez" not in text and "Chez Numericable" not in text
    assert "Eric Lestanguet (directeur client de GDF Suez) attend de ses prestataires" in text
    assert "Le service clients de Numericable compte" in text


def test_the_summary_gives_the_cdi_direction_once():
    """« La part des CDI progresse : 84 % en 2011, en hausse par rapport à 82 % en 2010 » said it twice."""
    text = ch.summary(load(), 2011).takeaway
    assert text.startswith("La part des CDI progresse : {ref}`84") and ", contre {ref}`82" in text, text
    assert "en hausse" not in text


def test_the_missions_target_is_not_merged_with_the_agreements_and_meets_the_later_count(tmp_path):
    """The Mission's 400 000 jobs have no deadline; the framework agreement's « 50 000 emplois créés en trois
    ans » is another target. The book had computed « 50 000 emplois nouveaux par an » from the first over the
    second's three years. In the latest book, the jobs counted in 2025 (290 000) answer the target."""
    from barometre.chapters import partnership as chapter

    ds = load()
    for edition in (2011, ds.editions[-1]):
        jt = chapter.jobs_target(ds, edition, [3, 5])
        text = chapter.jobs_against_target(ds, edition, jt, ds.known("framework_agreement_duration_years", edition))
        assert "emplois nouveaux par an" not in text
    latest = chapter.jobs_against_target(ds, ds.editions[-1], chapter.jobs_target(ds, ds.editions[-1], [3]), None)
    assert "fig-2024-customer-relation-jobs-france-2025" in latest and "l’objectif n’est pas atteint" in latest


def test_the_newer_share_of_cdi_in_france_leads_the_older_one_of_the_sector(tmp_path):
    """The 2019 edition gives about 75 % of CDI in France; the latest for the whole sector is 84 % (2011). The
    latest book led with 84 % above a chart showing 75 %: the newer figure leads, its scope named."""
    text = markdown(execute_chapter(tmp_path, "partnership", "latest", edition=load().editions[-1]))
    lead = text.index("fig-2019-permanent-contract-share-france-2019")
    assert lead < text.index("fig-2011-permanent-contract-share-market-2011")
    # the sector's figure is another scope, not a point France moved from (« après 84 % » read as a fall)
    assert "en France ; pour l'ensemble du secteur, autre périmètre, l'étude de BearingPoint pour le SP2C en comptait" \
        in text.replace("\u00a0", " ")
    assert "en France en 2019, après" not in text.replace("\u00a0", " ")
    # « À retenir » gives the count a later edition publishes beside the 2009 target (editor35)
    bullet = next(line for line in text.splitlines() if line.startswith("- Emplois de la relation client en France"))
    assert "fig-2024-customer-relation-jobs-france-2025" in bullet and bullet.endswith("n’est pas atteint.")
    # one value, one tag: the sector's 84 % and the full-time 92 % read alike in the prose and « À retenir »
    # (editor37: « 84 % (dernier chiffre publié, édition 2011) … 92 % (édition 2011) » in one, swapped in the other)
    takeaway = next(line for line in text.splitlines() if line.startswith("- Salariés des outsourceurs"))
    prose = next(line for line in text.splitlines() if line.startswith("En 2019, selon l'étude d'EY pour le SP2C, la part des CDI"))
    for anchor in ("fig-2011-permanent-contract-share-market-2011", "fig-2011-full-time-share-market-2011"):
        notes = [re.search(rf"<{anchor}>`( \([^)]*\))?", line).group(1) for line in (prose, takeaway)]
        assert notes[0] == notes[1], (anchor, notes)


def test_the_editions_own_diploma_figure_leads_and_the_older_one_keeps_its_year(data_copy):
    ds = load()
    text = ch.diplomas_text(ds, 2011).replace("\u00a0", " ")
    # 2011 publishes « plus de 50 % » at bac + 2: it leads; 2008's 59 % at bac + 1 follows, in the past
    assert text.index("fig-2011-bac2-plus-share-market-2011") < text.index("fig-2008-graduate-share-market-2008")
    assert text.startswith("en 2011, {ref}`plus de 50 %") and "des téléconseillers ont au moins un bac + 2 ; en 2008," in text
    assert "avaient au moins un bac + 1" in text
    assert "bac + 2" in ch.summary(ds, 2011).takeaway
    # 2008 has only bac + 1
    assert "bac + 2" not in ch.diplomas_text(ds, 2008) and "fig-2008-graduate-share-market-2008" in ch.diplomas_text(ds, 2008)
    # a bac + 2 share older than the bac + 1 share does not lead: the 2011 row moved to 2007 is dropped
    set_field(data_copy, "bac2_plus_share", "market", "2011", "period", "2007", edition=2011)
    assert "bac + 2" not in ch.diplomas_text(load(data_copy), 2011)


def test_the_jobs_target_is_set_against_the_pace_realised(data_copy):
    ds = load()
    jt = ch.jobs_target(ds, 2024, [3, 15])
    duration = ds.known("framework_agreement_duration_years", 2024)
    text = ch.jobs_against_target(ds, 2024, jt, duration).replace("\u00a0", " ").replace("\u202f", " ")
    assert "en 2009 à {ref}`290 000" in text and "la filière a crû d’environ 0,9 % par an (calcul du livre" in text
    # a smaller count gives a fall, computed from the row
    set_value(data_copy, "customer_relation_jobs", "france", "2025", "200000", edition=2024)
    changed = load(data_copy)
    text = ch.jobs_against_target(changed, 2024, ch.jobs_target(changed, 2024, [3, 15]), duration)
    assert "la filière a reculé d’environ 1,4" in text.replace("\u00a0", " ")


@pytest.mark.slow
def test_a_past_deadline_of_the_jobs_target_is_told_in_the_conditional_past(tmp_path):
    later = _markdown(execute_chapter(tmp_path, "partnership", "later", edition=2024))
    assert "il aurait fallu une croissance des emplois de 17" in later and "il faudrait une croissance" not in later
    own = _markdown(execute_chapter(tmp_path, "partnership", "own", edition=2011))
    assert "il faudrait une croissance des emplois de 17" in own


def test_a_target_the_sentence_dates_carries_no_edition_note():
    text = ch.summary(load(), 2024).takeaway.replace("\u00a0", " ").replace("\u202f", " ")
    assert "l’objectif de {ref}`400 000 <fig-2008-customer-relation-jobs-target-2009>` emplois fixé en 2009" in text


def test_who_the_sector_employs_is_told_on_the_shares_own_base():
    ds = load()
    latest = ch.staff_today_text(ds, 2024).replace("\u00a0", " ").replace("\u202f", " ")
    assert latest.startswith("En 2024, les adhérents du SP2C emploient {ref}`environ 100 000")
    assert "le secteur compte {ref}`55 000" in latest and "dont {ref}`80 %" in latest
    # 2019: 84 % of the members' 33 000, not of the sector's 49 000 (same source, its own base)
    older = ch.staff_today_text(ds, 2019).replace("\u00a0", " ").replace("\u202f", " ")
    assert "les adhérents du SP2C emploient {ref}`33 000" in older and "49 000" not in older
    assert ch.staff_today_text(ds, 2011) == ""
    assert "employaient" in ch.staff_today_text(ds, 2021)


def test_klipfel_s_testimony_is_in_the_past_and_dated_once_in_a_later_book():
    """editor37: « décrit une relation construite dans la durée », « ne sont plus des fournisseurs » in the 2024
    book, about words of 2009."""
    ds = load()
    own = ch.numericable_text(ds, ch.numericable(ds, 2008))
    assert "décrit une relation" in own and "ne sont plus des fournisseurs" in own and not own.startswith("En ")
    later = mentions.full(ch.numericable_text(ds, ch.numericable(ds, 2024)))
    assert later.startswith("En 2009, Eric Klipfel") and "décrivait une relation" in later
    # « En 2009, » dates the testimony in a later book: no edition note (editor42); the 2009 book keeps it once
    assert "n'étaient plus des fournisseurs" in later and "comptait" in later and "(édition" not in later
    assert ch.numericable_text(ds, ch.numericable(ds, 2009)).count("(édition") == 1


def test_the_jobs_target_is_one_takeaway_with_the_later_count_and_the_prose_s_tense_before_it(data_copy):
    """editor37: the 2024 « À retenir » stated the target twice (« 290 000 … (non atteint) » and « Objectif de la
    Mission nationale en 2009 : 400 000 emplois (édition 2008) contre 250 000 (édition 2008) »); the 2011 one said
    « il aurait fallu » where its prose said « il faudrait » (the three-year horizon, 2012, was still ahead)."""
    from conftest import set_value

    ds = load()

    def takeaway(data, edition):
        jt = ch.jobs_target(data, edition, [3, 15])
        return ch.jobs_takeaway(data, edition, jt, jt.table.iloc[0].to_dict()).replace("\u00a0", " ").replace("\u202f", " ")

    late = takeaway(ds, 2024)
    assert late.count("400 000") == 1 and "(édition" not in late and "Objectif de la Mission" not in late
    assert "250 000 <" in late and "290 000 <" in late and "soit environ 0,9 % par an (calcul du livre)" in late
    assert late.endswith("n’est pas atteint.")
    assert "il faudrait +17 % par an" in takeaway(ds, 2011)
    assert "il aurait fallu +17 % par an" in takeaway(ds, 2013)
    set_value(data_copy, "customer_relation_jobs", "france", "2025", "450000", edition=2024)
    assert takeaway(load(data_copy), 2024).endswith("est atteint.")


def test_the_workforce_chart_draws_the_newer_measure_of_each_row(data_copy):
    """editor37: the 2024 chart drew « Temps partiel (2008) : 10 % ; Bac + 1 et plus (2008) : 59 % » beside prose
    on 2011's full time and 2012's bac + 2. Each row draws its newer measure; a bound's complement stays a bound;
    the bac + 1 population's change is said only when the bac + 1 share is drawn."""
    from conftest import mark_not_published

    ds = load()
    drawn = {f.indicator: f.period for f in ch.workforce(ds, 2024)}
    assert drawn == {"permanent_contract_share": "2019", "full_time_share": "2011", "bac2_plus_share": "2012"}
    assert {f.indicator for f in ch.workforce(ds, 2008)} == {"permanent_contract_share", "full_time_share",
                                                              "graduate_share"}
    table = ch.workforce_table(ch.workforce(ds, 2011))
    assert "moins de 50\u00a0%" in table["texte"].tolist()  # « plus de 50 % » has « moins de 50 % » beside it
    growth = ds.known("graduate_population_change", 2024)
    out = ch.workforce_chart(ch.workforce_table(ch.workforce(ds, 2024)), ch.workforce(ds, 2024), growth)
    assert "bac + 1" not in str(out.description) and "Bac + 2 et plus (2012)" in str(out.description)
    # without the bac + 2 share, the bac + 1 share is drawn again
    for edition in (2011, 2012):
        mark_not_published(data_copy, "bac2_plus_share", edition=edition)
    assert "graduate_share" in {f.indicator for f in ch.workforce(load(data_copy), 2024)}


def test_the_older_diploma_measure_goes_once_the_newer_has_a_history_of_its_own():
    """The 2011 book gives 2011's « plus de 50 % » at bac + 2 and 2008's bac + 1 (its only other measure); the
    2024 book, whose bac + 2 share has 2011 and 2012, drops 2008's 59 % bac + 1 (editor37)."""
    ds = load()
    assert all(f is not None for f in ch.diplomas(ds, 2011))
    bac2, bac1 = ch.diplomas(ds, 2024)
    assert bac2 is not None and bac2.period == "2012" and bac1 is None
    assert "bac + 1" not in ch.diplomas_text(ds, 2024) and "bac + 1" in ch.diplomas_text(ds, 2011)


def test_the_jobs_created_say_in_france_once_and_their_editions_once():
    """editor37: « environ 4 000 (édition 2009) en France en 2009 et 2 000 (dernier chiffre publié, édition 2010)
    en France en 2010 »."""
    ds = load()
    late = ch.jobs_against_target(ds, 2024, ch.jobs_target(ds, 2024, [3]), None).replace("\u00a0", " ").replace(
        "\u202f", " ")
    assert late.count("en France") >= 1 and "en France, {ref}`environ 4" in late
    assert "en 2010 (éditions 2009 et 2010)." in late and "dernier chiffre publié" not in late
    own = ch.jobs_against_target(ds, 2010, ch.jobs_target(ds, 2010, [3]), None).replace("\u00a0", " ").replace(
        "\u202f", " ")
    assert "(édition 2009) en 2009 et {ref}`2 000" in own  # the older one names its edition, the edition's own none


def test_the_share_of_men_is_told_in_its_edition_and_left_to_history_later(data_copy):
    """editor37: the 2011 book's 37 % of men (34 % in 2010) was only in the table."""
    from conftest import set_value

    ds = load()
    text = ch.men_text(ds, 2011).replace("\u00a0", " ")
    assert text.startswith("la part des hommes dans les effectifs est de {ref}`37 %") and "en hausse" in text
    assert ch.men_text(ds, 2008) == "" and ch.men_text(ds, 2024) == ""
    set_value(data_copy, "male_staff_share", "market", "2010", "40", edition=2011)
    assert "en baisse" in ch.men_text(load(data_copy), 2011)


def test_who_the_sector_employs_names_each_perimeter_and_the_speaker_of_her_count():
    """editor38: « les adhérents du SP2C emploient environ 100 000 personnes ; en France, le secteur compte 55 000
    postes » mixed two perimeters without attribution."""
    text = ch.staff_today_text(load(), 2024)
    assert "personnes, en France et à l’étranger ; en France, le secteur compte" in text
    assert text.endswith("de conseillers clients, selon Caroline Adam.")
    assert "selon" not in ch.staff_today_text(load(), 2019)  # the barometer's own figures


def test_the_latest_study_s_portrait_of_the_staff_is_told_before_the_older_facts(data_copy):
    """editor42: the 2024 page led on 2012's 51 % of advisers with a bac + 2 while the 2019 edition's newer and
    opposite figures (bac + 3/4 −17 %, bac + 5 −22 %, work-study +52 %, 41,1 % over 35, the staff's growth after
    three falls) were only labels in « Depuis l'article ». Told in the past in a later book, in the present in
    2019's; the verbs from the signs; nothing in a BearingPoint book, which has no portrait."""
    from conftest import set_value

    from barometre.chapters.partnership import profile

    ds = load()
    text = profile.portrait_text(ds, 2024).replace("\u00a0", " ")
    assert text.startswith("En 2019, selon l'étude d'EY pour le SP2C, les effectifs en France progressaient de {ref}`0,8 %")
    assert "l'étude de BearingPoint pour le SP2C mesurait auparavant des reculs de {ref}`7 %" in text
    assert "Les salariés de niveau bac + 3/4 reculaient de {ref}`17 %" in text
    assert "quand ceux de niveau CAP, BEP, bac à bac + 2 progressaient de {ref}`1 à 4 %" in text
    assert "L'alternance progressait de {ref}`52 %" in text and "toutes zones de production confondues." in text
    assert "progressent de" in profile.portrait_text(ds, 2019) and profile.portrait_text(ds, 2014) == ""
    line = profile.portrait_takeaway(ds, 2024).replace("\u00a0", " ")
    assert line.startswith("- En 2019, selon l'étude d'EY pour le SP2C : effectifs en France {ref}`+0,8 %")
    assert "alternance {ref}`+52 %" in line and profile.portrait_takeaway(ds, 2014) == ""
    staff = ch.staff_paragraphs(ds, 2024).paragraphs
    portrait = next(i for i, p in enumerate(staff) if "fig-2019-staff-by-diploma-growth" in p)
    assert portrait < next(i for i, p in enumerate(staff) if "fig-2012-bac2-plus-share-market-2012" in p)
    # reversed: the graduates come back, the staff falls
    set_value(data_copy, "staff_by_diploma_growth", "bac3_4", "2019", "17", edition=2019)
    set_value(data_copy, "staff_growth", "france", "2019", "-3", edition=2019)
    changed = profile.portrait_text(load(data_copy), 2024).replace("\u00a0", " ")
    assert "les effectifs en France reculaient de {ref}`3 %" in changed
    assert "Les salariés de niveau bac + 5 et plus reculaient de {ref}`22 %" in changed
    assert ", quand ceux de niveau bac + 3/4 progressaient de {ref}`17 %" in changed


def test_the_sector_s_jobs_to_add_are_not_told_as_a_yearly_average_beside_the_agreement_s_three_year_count():
    """editor42: « soit en moyenne 50 000 par an » stood three lines above Stratégies' « 50 000 emplois créés en
    trois ans »: two different 50 000."""
    ds = load()
    text = "\n".join(ch.mission_paragraphs(ds, 2024, [3, 5, 10, 15]).paragraphs).replace("\u00a0", " ")
    assert "par an dans le premier cas" not in text and "en moyenne" not in text
    assert "150 000 emplois de plus." in text.replace("\u202f", " ")
    assert "(édition 2008)" not in text  # « En 2009, » dates Michel Guido's words in a later book


def test_the_facts_after_two_named_studies_say_whose_they_are():
    """editor43: « Selon le baromètre » after a sentence naming EY's and BearingPoint's studies was ambiguous."""
    later = ch.staff_paragraphs(load(), 2024).paragraphs[-1]
    assert "en 2010). Selon la même étude, la part du temps plein" in later
    assert "Selon le baromètre, la part des CDI" in ch.staff_paragraphs(load(), 2011).paragraphs[-1]
