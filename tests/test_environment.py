"""The environment is the hashed lock compiled from pyproject.toml, and `make test` checks it."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement

from barometre.environment import RUNTIME_LOCK, TEST_LOCK, check_pins, read_lock, read_pins
from barometre.paths import ROOT


def _declared() -> tuple[list[Requirement], list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(r) for r in project["dependencies"]]
    test = [Requirement(r) for r in project["optional-dependencies"]["test"]]
    return runtime, test


def test_the_environment_matches_the_lock_it_was_synced_to():
    assert check_pins() == []


def test_every_lock_entry_is_an_exact_pin_with_hashes():
    for lock in (RUNTIME_LOCK, TEST_LOCK):
        entries = read_lock(lock)
        assert len(entries) > 50
        assert all(h.startswith("sha256:") and len(h) == 71 for hs in entries.values() for h in hs)


def test_the_locks_satisfy_what_pyproject_declares():
    runtime, test = _declared()
    assert {r.name for r in runtime} >= {"altair", "pandas", "papermill", "jupyter-book", "vl-convert-python"}
    assert {r.name for r in test} >= {"pytest", "playwright", "ruff"}
    for lock, declared in ((RUNTIME_LOCK, runtime), (TEST_LOCK, runtime + test)):
        pins = read_pins(lock)
        for req in declared:
            name = req.name.lower()
            assert name in pins, f"{req.name} is declared in pyproject.toml but not in {lock.name}"
            assert req.specifier.contains(pins[name]), f"{lock.name}: {name}=={pins[name]} outside {req}"
    assert read_pins(TEST_LOCK)["jupyter-book"] == "1.0.4.post1"


def test_the_runtime_lock_is_the_test_lock_without_the_test_tools():
    runtime, test = read_pins(RUNTIME_LOCK), read_pins(TEST_LOCK)
    assert runtime.items() <= test.items()
    assert "pytest" not in runtime and "playwright" not in runtime


def test_a_package_at_another_version_is_reported_by_name(tmp_path):
    req = tmp_path / "requirements.txt"
    req.write_text(
        "pandas==0.0.1 \\\n    --hash=sha256:" + "0" * 64 + "\n"
        "no-such-package-xyz==1.0 \\\n    --hash=sha256:" + "1" * 64 + "\n",
        encoding="utf-8",
    )
    problems = check_pins(req)
    assert any(p.startswith("pandas: ") and "pinned 0.0.1" in p for p in problems)
    assert "no-such-package-xyz: not installed (pinned 1.0)" in problems
    # and what the environment holds beyond that lock is named too
    assert any(p.startswith("altair: ") and "not in requirements.txt" in p for p in problems)


def test_a_lock_entry_without_a_hash_is_refused(tmp_path):
    req = tmp_path / "requirements.txt"
    req.write_text("pandas==3.1.1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape("pandas==3.1.1' has no --hash")):
        read_lock(req)
