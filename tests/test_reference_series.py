"""A reference series is one declaration (``validation.REFERENCE_SERIES``): validated, held, served to the
chapters that declare it, and part of their cache key, with no other edit."""

from __future__ import annotations

import shutil

import pytest
from conftest import rewrite

from barometre import data as data_module
from barometre import validation
from barometre.book import CHAPTERS, Inputs
from barometre.data import Dataset, UndeclaredInput
from barometre.validation import DataValidationError, ExchangeRateRow, ReferenceSeries, validate


def declare(monkeypatch, series: ReferenceSeries) -> None:
    """``series`` added to the registry, as one more entry of ``REFERENCE_SERIES`` in the source would."""
    registry = (*validation.REFERENCE_SERIES, series)
    references = {s.name: s for s in registry}
    names = ("events", *references)
    monkeypatch.setattr(validation, "REFERENCE_SERIES", registry)
    # the data package reads the registry from ``barometre.validation`` when asked, never a copy of its own
    monkeypatch.setattr(validation, "REFERENCES", references)
    monkeypatch.setattr(validation, "REFERENCE_NAMES", names)


@pytest.fixture
def chf_rates(data_copy, monkeypatch):
    """A new series, daily Swiss franc rates, in its own file with its sidecar, declared once."""
    path = data_copy / "reference" / "ecb_chf_per_eur_2008.csv"
    shutil.copy(data_copy / "reference" / "ecb_gbp_per_eur_2008.csv.meta.yaml", path.with_name(path.name + ".meta.yaml"))
    rewrite(path, "date,gbp_per_eur\n2008-01-02,1.6573\n2008-01-03,1.6519\n")
    declare(monkeypatch, ReferenceSeries("chf_per_eur", "reference/ecb_chf_per_eur_2008.csv", ExchangeRateRow, ("date",)))
    return data_copy


def test_a_declared_series_is_validated_and_served_to_a_chapter_that_declares_it(chf_rates):
    ds = Dataset(validate(chf_rates))
    rows = ds.restricted(Inputs(references=("chf_per_eur",)), "essai").reference_rows("chf_per_eur")
    assert [r.gbp_per_eur for r in rows] == [1.6573, 1.6519]
    with pytest.raises(UndeclaredInput, match="chf_per_eur"):
        ds.restricted(Inputs(references=("cpi",)), "essai").reference_rows("chf_per_eur")


def test_a_declared_series_is_in_the_cache_key_of_the_chapters_that_declare_it(chf_rates):
    before = Dataset(validate(chf_rates))
    rewrite(chf_rates / "reference" / "ecb_chf_per_eur_2008.csv", "date,gbp_per_eur\n2008-01-02,1.7\n")
    after = Dataset(validate(chf_rates))
    declaring, other = Inputs(references=("chf_per_eur",)), Inputs(references=("cpi",))
    assert before.inputs_key(declaring) != after.inputs_key(declaring)
    assert before.inputs_key(other) == after.inputs_key(other)


def test_a_bad_row_of_a_declared_series_is_a_clear_problem(chf_rates):
    rewrite(chf_rates / "reference" / "ecb_chf_per_eur_2008.csv",
            "date,gbp_per_eur\n2008-01-02,-1\n2008-01-03,1.6\n2008-01-03,1.7\n")
    with pytest.raises(DataValidationError) as err:
        validate(chf_rates)
    problems = {(p.file.rsplit("/", 1)[-1], p.row, p.column): p.expected for p in err.value.problems}
    assert problems == {
        ("ecb_chf_per_eur_2008.csv", 2, "gbp_per_eur"): "a value greater than 0",
        ("ecb_chf_per_eur_2008.csv", 4, "date"): "a unique (date); the same key is on row 3",
    }


def test_a_chapter_declaring_an_unknown_series_is_refused_by_name():
    ds = data_module.load()
    with pytest.raises(ValueError, match=r"'smicc'.*REFERENCE_SERIES"):
        ds.restricted(Inputs(references=("smicc",)), "essai")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.name)
def test_every_chapter_declares_only_registered_series(chapter):
    assert set(chapter.inputs.references) <= set(validation.REFERENCE_NAMES)
