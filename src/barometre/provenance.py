"""Provenance sidecars: ``<file>.meta.yaml`` beside every data file."""

from __future__ import annotations

from pathlib import Path

import yaml

from barometre.validation import SIDECAR_KEYS, sha256_of, sidecar_path


def read_sidecar(path: Path) -> dict:
    meta = sidecar_path(path)
    return yaml.safe_load(meta.read_text(encoding="utf-8")) if meta.is_file() else {}


def write_sidecar(path: Path, **fields) -> Path:
    """Create or update the sidecar of ``path``: keep its fields, set ``fields``, record the sha256.

    A new sidecar starts with every required key, empty ones marked TO FILL so that
    validation points at them."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such data file")
    meta = read_sidecar(path)
    for key in SIDECAR_KEYS:
        meta.setdefault(key, "")
    meta.update(fields)
    meta["sha256"] = sha256_of(path)
    ordered = {k: meta[k] for k in (*SIDECAR_KEYS, *sorted(set(meta) - set(SIDECAR_KEYS)))}
    target = sidecar_path(path)
    target.write_text(yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
