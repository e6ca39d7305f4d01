"""Provenance sidecars: ``<file>.meta.yaml`` beside every data file."""

from __future__ import annotations

from pathlib import Path

import yaml

from barometre.paths import relative
from barometre.validation import (
    SIDECAR_KEYS,
    SIDECAR_MAPPING_EXPECTED,
    load_sidecar_text,
    sha256_of,
    sidecar_path,
)


class SidecarError(Exception):
    """A sidecar cannot be read or written; the message says which file and what to do."""


def read_sidecar(path: Path) -> dict:
    """The fields of the sidecar of ``path`` (``{}`` when it has none)."""
    meta = sidecar_path(path)
    if not meta.is_file():
        return {}
    try:
        fields = load_sidecar_text(meta.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SidecarError(
            f"{relative(meta)}: expected valid UTF-8 YAML ({' '.join(str(exc).split())}). "
            "Fix the sidecar (compare it with another .meta.yaml of data/), then run the command again."
        ) from exc
    if fields is None:
        return {}
    if not isinstance(fields, dict):
        raise SidecarError(
            f"{relative(meta)}: got a {type(fields).__name__}; expected {SIDECAR_MAPPING_EXPECTED}. "
            "Fix the sidecar (compare it with another .meta.yaml of data/), then run the command again."
        )
    return fields


def write_sidecar(path: Path, **fields) -> Path:
    """Create or update the sidecar of ``path``: keep its fields, set ``fields``, record the sha256.

    A new sidecar starts with every required key, empty ones marked TO FILL so that
    validation points at them."""
    path = Path(path)
    if path.is_symlink() or not path.is_file():
        what = "a symbolic link" if path.is_symlink() else "no such file" if not path.exists() else "not a file"
        raise SidecarError(
            f"{relative(path)}: {what}; expected a data file of data/ (e.g. data/editions/2009.csv). "
            "Check the path, then run the command again; no sidecar was written."
        )
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


def data_date(data_dir: Path, edition: int) -> str:
    """The publication date of an edition's figures, in French (« octobre 2012 »), from the sidecar of
    ``editions/<edition>.csv`` ('' when it gives none): the pages' footer and the PDF's title page."""
    from barometre.formatting import event_date

    when = str(read_sidecar(Path(data_dir) / "editions" / f"{edition}.csv").get("publication_date") or "").strip()
    try:
        return event_date(when) if when else ""
    except ValueError:
        return ""
