"""The environment check: installed packages must equal the exact pins of requirements.txt."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from barometre.paths import ROOT


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: Path = ROOT / "requirements.txt") -> dict[str, str]:
    pins = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "==" not in line:
            raise ValueError(f"{path.name}: '{line}' is not an exact pin (name==version)")
        name, version = line.split("==", 1)
        pins[_normalise(name.split("[")[0])] = version.strip()
    return pins


def check_pins(path: Path = ROOT / "requirements.txt") -> list[str]:
    """One line per package whose installed version differs from its pin (empty when all match)."""
    installed = {_normalise(d.metadata["Name"]): d.version for d in metadata.distributions()}
    problems = []
    for name, version in sorted(read_pins(path).items()):
        have = installed.get(name)
        if have is None:
            problems.append(f"{name}: not installed (pinned {version})")
        elif have != version:
            problems.append(f"{name}: {have} installed, pinned {version}")
    return problems
