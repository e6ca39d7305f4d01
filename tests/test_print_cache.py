"""The print charts' PDFs are drawn once (barometre.charts.print_cache): a cache by print form, which the
LaTeX build reads, filled beforehand by ``Builder.pdf`` on every worker."""

from __future__ import annotations

import json

from barometre.charts import print_cache

FORM = {"name": "essai", "caption": "Figure d'essai", "source": "Source : essai", "spec": {"mark": "bar"}}


def _counting(monkeypatch) -> list[dict]:
    drawn: list[dict] = []

    def fake(form: dict) -> list[bytes]:
        drawn.append(form)
        return [b"%PDF-1 " + form["name"].encode(), b"%PDF-2"]

    monkeypatch.setattr(print_cache, "print_pdfs", fake)
    return drawn


def test_a_chart_is_drawn_once_then_read_from_the_cache(monkeypatch, tmp_path):
    drawn = _counting(monkeypatch)
    monkeypatch.setenv(print_cache.CACHE_ENV, str(tmp_path))
    first = print_cache.cached_pdfs(FORM)
    again = print_cache.cached_pdfs(json.loads(json.dumps(FORM)))  # the same form, read again from JSON
    assert first == again == [b"%PDF-1 essai", b"%PDF-2"]
    assert len(drawn) == 1


def test_a_changed_form_is_drawn_again(monkeypatch, tmp_path):
    drawn = _counting(monkeypatch)
    monkeypatch.setenv(print_cache.CACHE_ENV, str(tmp_path))
    print_cache.cached_pdfs(FORM)
    print_cache.cached_pdfs({**FORM, "spec": {"mark": "line"}})
    assert len(drawn) == 2


def test_without_the_cache_folder_every_chart_is_drawn(monkeypatch):
    drawn = _counting(monkeypatch)
    monkeypatch.delenv(print_cache.CACHE_ENV, raising=False)
    print_cache.cached_pdfs(FORM)
    print_cache.cached_pdfs(FORM)
    assert len(drawn) == 2


def test_predraw_draws_only_the_missing_forms_and_a_damaged_entry_again(monkeypatch, tmp_path):
    drawn = _counting(monkeypatch)
    other = {**FORM, "name": "autre"}
    assert print_cache.predraw([FORM, other, FORM], tmp_path, jobs=1) == 2  # the same form once
    assert print_cache.predraw([FORM, other], tmp_path, jobs=1) == 0
    (tmp_path / f"{print_cache.form_key(other)}-1.pdf").unlink()  # a part lost
    assert print_cache.predraw([FORM, other], tmp_path, jobs=1) == 1
    assert [f["name"] for f in drawn] == ["essai", "autre", "autre"]


def test_the_forms_are_read_from_the_executed_notebooks_explorers_left_out(tmp_path):
    notebook = tmp_path / "chapitre.ipynb"
    outputs = [{"output_type": "display_data", "data": {print_cache.PRINT_MIME: FORM}},
               {"output_type": "display_data", "data": {print_cache.PRINT_MIME: json.dumps({"omit": True})}},
               {"output_type": "display_data", "data": {"text/plain": "x"}}]
    notebook.write_text(json.dumps({"cells": [{"cell_type": "code", "outputs": outputs}]}), encoding="utf-8")
    assert print_cache.print_forms([notebook]) == [FORM]
