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
    target = sidecar_path(path)
    digest = sha256_of(path)
    meta = read_sidecar(path)
    if target.is_file() and isinstance(meta, dict) and all(meta.get(k) == v for k, v in fields.items()):
        # only the checksum changes: rewrite that one line, so the diff shows only what changed
        text = target.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        hits = [i for i, line in enumerate(lines) if line.startswith("sha256:")]
        if len(hits) == 1:
            lines[hits[0]] = f'sha256: "{digest}"\n' if '"' in lines[hits[0]] else f"sha256: {digest}\n"
            target.write_text("".join(lines), encoding="utf-8")
            return target
    for key in SIDECAR_KEYS:
        meta.setdefault(key, "")
    meta.update(fields)
    meta["sha256"] = digest
    ordered = dict(meta)  # the file's own key order is kept; new keys go at the end
    target.write_text(yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
