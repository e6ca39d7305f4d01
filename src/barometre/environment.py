"""The environment check: installed packages must equal the hashed lock, exactly.

Two locks are compiled from pyproject.toml by `make lock` (uv): `requirements.txt`, the
runtime (what `make book` installs), and `requirements-test.txt`, the runtime plus the
`test` extra. Each entry is `name==version` followed by its `--hash=sha256:` lines, and uv
installs with `--require-hashes`. `scripts/sync-env.sh` records in `.venv/.synced` which
lock the environment holds.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from barometre.paths import ROOT

RUNTIME_LOCK = ROOT / "requirements.txt"
TEST_LOCK = ROOT / "requirements-test.txt"
# Not in a lock, and expected: this package (installed editable) and the pip that venv seeds.
_OWN = {"barometre", "pip"}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path = RUNTIME_LOCK) -> dict[str, list[str]]:
    """name -> its sha256 hashes, for every entry of a lock; raises on an entry without a hash."""
    entries: dict[str, list[str]] = {}
    current: str | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip().rstrip("\\").strip()
        if not line:
            continue
        if line.startswith("--hash="):
            if current is None:
                raise ValueError(f"{path.name}, line {number}: a hash before any package")
            entries[current].append(line.removeprefix("--hash="))
            continue
        if "==" not in line or line.startswith("-"):
            raise ValueError(f"{path.name}, line {number}: '{line}' is not an exact pin (name==version)")
        current = line
        entries[current] = []
    for entry, hashes in entries.items():
        if not hashes:
            raise ValueError(f"{path.name}: '{entry}' has no --hash (run make lock)")
    return entries


def read_pins(path: Path = RUNTIME_LOCK) -> dict[str, str]:
    """name -> exact version, for every entry of a lock."""
    pins = {}
    for entry in read_lock(path):
        name, version = entry.split("==", 1)
        pins[_normalise(name.split("[")[0])] = version.strip()
    return pins


def synced_lock(venv: Path = ROOT / ".venv") -> Path:
    """The lock the environment was synced to (the test lock after `make test`)."""
    stamp = venv / ".synced"
    if stamp.exists() and stamp.read_text(encoding="utf-8").startswith("test "):
        return TEST_LOCK
    return RUNTIME_LOCK


def check_pins(path: Path | None = None) -> list[str]:
    """One line per package that differs from the lock: another version, missing, or not in
    the lock at all (empty when the environment is exactly the lock)."""
    path = path or synced_lock()
    installed = {_normalise(d.metadata["Name"]): d.version for d in metadata.distributions()}
    pins = read_pins(path)
    problems = []
    for name, version in sorted(pins.items()):
        have = installed.get(name)
        if have is None:
            problems.append(f"{name}: not installed (pinned {version})")
        elif have != version:
            problems.append(f"{name}: {have} installed, pinned {version}")
    for name in sorted(set(installed) - set(pins) - _OWN):
        problems.append(f"{name}: {installed[name]} installed, not in {path.name}")
    return problems
