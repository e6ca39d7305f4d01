"""Issue 27 (printed41, defect 9): the claims chapter opens with a table of its verdicts by theme, before the
entries, each count computed from the claims' verdicts (never typed), in print only: its seven columns overflow a
phone, where the web page's sentence gives the counts."""

from __future__ import annotations

import re

import pytest
from fixtures import data_with_sparse_2009

from barometre import claims as cl
from barometre.claims.model import CHAPTER_SHORT, CHAPTER_TITLES, VERDICT_PLURALS
from barometre.data import load
from barometre.paths import DATA_DIR


@pytest.fixture(scope="module")
def ds():
    return load(DATA_DIR)


def _table(page: str) -> tuple[list[str], dict[str, list[str]]]:
    """The page's verdict table: its heading cells and its rows by their first cell (bold stripped)."""
    block = re.search(r"```\{table\} Les verdicts par thème\n(.*?)```", page, re.DOTALL)
    assert block, "the page has no table of its verdicts"
    rows = [[c.strip().strip("*") for c in line.strip().strip("|").split("|")]
            for line in block.group(1).splitlines() if line.startswith("|")]
    head, body = rows[0], rows[2:]  # (rows[1]: the alignment row)
    return head, {r[0]: r[1:] for r in body}


def _count(cell: str) -> int:
    return 0 if cell == "–" else int(cell.replace("\u202f", "").replace("\u00a0", ""))


@pytest.mark.parametrize("edition", [2008, 2011, 2024])
def test_the_claims_page_opens_with_its_verdicts_counted_by_theme(ds, edition):
    page = cl.claims_markdown(ds, edition)
    judged = cl.judge(ds, edition)
    head, rows = _table(page)
    # before the first theme's entries
    assert page.index("Les verdicts par thème") < page.index("\n## ")
    chapters = [c for c in CHAPTER_TITLES if any(j.claim.chapter == c for j in judged)]
    # each theme under its short name (issue 27: the themes' titles were cut over four lines and hyphenated)
    assert [h.replace("’", "'") for h in head] == ["Verdict", *(CHAPTER_SHORT[c] for c in chapters), "Ensemble"]
    assert all(len(h) <= 12 and " " not in h for h in head[1:])
    verdicts = [v for v in VERDICT_PLURALS if any(j.verdict.verdict == v for j in judged)]
    assert list(rows) == [*(VERDICT_PLURALS[v].capitalize() for v in verdicts), "Total"]
    for v in verdicts:
        expected = [sum(j.verdict.verdict == v and j.claim.chapter == c for j in judged) for c in chapters]
        assert [_count(c) for c in rows[VERDICT_PLURALS[v].capitalize()]] == [*expected, sum(expected)], v
    assert [_count(c) for c in rows["Total"]] == (
        [sum(j.claim.chapter == c for j in judged) for c in chapters] + [len(judged)])


def test_the_verdict_table_follows_the_data_of_a_sparse_edition(tmp_path):
    """A data folder with another set of claims gets another table: the counts are the verdicts' own."""
    ds = load(data_with_sparse_2009(tmp_path / "data"))
    judged = cl.judge(ds, 2009)
    if not judged:
        assert "Les verdicts par thème" not in cl.claims_markdown(ds, 2009)
        return
    _, rows = _table(cl.claims_markdown(ds, 2009))
    assert _count(rows["Total"][-1]) == len(judged)
    assert sum(_count(r[-1]) for name, r in rows.items() if name != "Total") == len(judged)
