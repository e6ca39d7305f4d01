"""Every path of the project, anchored at the project root (one module, one truth)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def _find_root() -> Path:
    env = os.environ.get("BAROMETRE_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "chapters").is_dir():
            return parent
    return Path.cwd().resolve()


ROOT = _find_root()
DATA_DIR = ROOT / "data"
CHAPTERS_DIR = ROOT / "chapters"
BUILD_DIR = ROOT / "_build"
PACKAGE_DIR = Path(__file__).resolve().parent


def relative(path: Path | str) -> str:
    """A path as the analyst reads it: relative to the project root when possible."""
    for p in (Path(path).resolve(), Path(os.path.abspath(path))):  # a link is named where it is, not its target
        try:
            return str(p.relative_to(ROOT))
        except ValueError:
            continue
    return str(path)


def source_date_epoch() -> str:
    """A fixed date for the build (the last commit's), so that two builds of a commit are identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        return subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"
