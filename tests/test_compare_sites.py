"""scripts/compare_sites.py: two built sites compared, the build stamp's commit read as the other."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("compare_sites", ROOT / "scripts" / "compare_sites.py")
compare_sites = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compare_sites)

OLD, NEW = "750b3ca488ae", "11948fb8c95c"


def site(folder: Path, stamp: str, terms: dict) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(f'<meta name="barometre-build" content="code {stamp}">', encoding="utf-8")
    index = {"docnames": ["index"], "terms": terms, "titleterms": {}}
    (folder / "searchindex.js").write_text(f"Search.setIndex({json.dumps(index)})", encoding="utf-8")
    return folder


def test_two_builds_that_differ_only_by_their_commit_stamp_are_identical(tmp_path):
    before = site(tmp_path / "a", OLD, {"baromètr": 0, OLD[:-1]: 0})  # the index holds the stamp stemmed
    after = site(tmp_path / "b", NEW, {"baromètr": 0, NEW: 0})
    assert compare_sites.main([str(before), str(after), "--commit", f"{OLD}={NEW}"]) == 0
    assert compare_sites.main([str(before), str(after)]) == 1


def test_a_changed_search_term_still_differs_with_the_commit_read(tmp_path):
    before = site(tmp_path / "a", OLD, {"baromètr": 0, OLD[:-1]: 0})
    after = site(tmp_path / "b", NEW, {"baromet": 0, NEW: 0})
    assert compare_sites.main([str(before), str(after), "--commit", f"{OLD}={NEW}"]) == 1
