"""The real editions 2005-2011 (published figures of the KPMG/SP2C study and the BearingPoint/SP2C barometer)."""

from __future__ import annotations

import pytest

from barometre import load
from barometre.data import period_end

REAL_EDITIONS = (2005, 2006, 2007, 2008, 2009, 2010, 2011)


@pytest.fixture(scope="module")
def ds():
    return load()


@pytest.mark.parametrize("edition", REAL_EDITIONS)
def test_every_real_edition_loads_with_figures_quoted_and_sourced(ds, edition):
    figures = ds.figures(edition)
    assert figures, f"edition {edition} has no figure"
    for f in figures:
        assert f.edition == edition
        assert 0 < len(f.quote) <= 300 and f.source in ds.sources


def test_the_2011_edition_knows_the_2011_revenue_growth(ds):
    growth = ds.known("revenue_growth", 2011, scope="market")
    assert (growth.period, growth.value, growth.edition) == ("2011", 10.1, 2011)


def test_the_2008_cdi_share_of_the_article_stays_primary_and_the_release_disagrees(ds):
    assert ds.known("permanent_contract_share", 2008, scope="market", period=2008).value == 73
    cdi = [(a, b) for a, b in ds.disagreements(2008)
           if a.indicator == "permanent_contract_share" and a.edition == 2008 and a.period == "2008"]
    assert cdi and all(a.value == 73 and b.value == 77 for a, b in cdi)
    assert all("Disagreement" in b.note for _, b in cdi)


def test_no_figure_of_the_2005_to_2011_editions_is_an_outcome_of_2012_or_later(ds):
    for edition in REAL_EDITIONS:
        for f in ds.figures(edition):
            forecast = bool(ds.indicators[f.indicator].forecast_of) or f.indicator.endswith("_forecast")
            assert forecast or period_end(f.period) < 2012, (f.file, f.row, f.indicator, f.period)


def test_no_edition_of_data_year_2020(ds):
    """Data year 2020 (the 2021 edition) is left to a later yearly rerun (issue 24); figures of 2020 that
    later editions publish are rows of those editions."""
    assert 2020 not in ds.editions and ds.latest == 2024


def test_every_source_of_the_2009_to_2011_editions_has_a_url(ds):
    for edition in (2009, 2010, 2011):
        for f in ds.figures(edition):
            assert ds.sources[f.source].url.startswith("http"), (f.file, f.row, f.source)
        for q in ds.quotes(edition):
            assert ds.sources[q.source].url.startswith("http"), (q.file, q.row, q.source)
