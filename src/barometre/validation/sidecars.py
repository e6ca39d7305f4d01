"""The provenance sidecars (``*.meta.yaml``): reading them safely, their checksums, and the
check that every data file has a complete one."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from barometre.files import special_kind
from barometre.paths import relative
from barometre.validation.problems import Problem
from barometre.validation.reading import special_expected
from barometre.validation.vocabulary import (
    MAX_SIDECAR_BYTES,
    SIDECAR_KEYS,
    SIDECAR_MAPPING_EXPECTED,
)

# --------------------------------------------------------------------------- sidecars


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: a sidecar needs none, and aliases nested in aliases (« billion
    laughs ») make a few hundred bytes expand into billions of items."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"an alias (*{event.anchor}); a sidecar holds plain keys and values, without "
                "anchors (&) or aliases (*)", event.start_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, f"an anchor (&{event.anchor}); a sidecar holds plain keys and values, without "
                "anchors (&) or aliases (*)", event.start_mark)
        return super().compose_node(parent, index)


def load_sidecar_text(text: str) -> Any:
    """A sidecar's YAML, read safely: no aliases or anchors, at most MAX_SIDECAR_BYTES; yaml.YAMLError otherwise."""
    if len(text.encode("utf-8")) > MAX_SIDECAR_BYTES:
        raise yaml.YAMLError(f"at most {MAX_SIDECAR_BYTES} bytes, not {len(text.encode('utf-8'))}: a sidecar "
                             "is a few lines")
    return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader subclass


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".meta.yaml")


def data_files(data_dir: Path) -> list[Path]:
    """The data files of a data folder: everything but sidecars and documentation."""
    return [
        p
        for p in data_dir.rglob("*")
        if p.is_file() and not p.name.endswith(".meta.yaml") and p.suffix.lower() not in (".md", ".txt")
        and not p.name.startswith(".")
    ]


def check_sidecars(data_dir: Path, problems: list[Problem]) -> None:
    """Every data file has a sidecar with the required keys and a matching sha256."""
    for path in sorted(data_files(data_dir)):
        meta_path = sidecar_path(path)
        name = relative(meta_path)
        if not meta_path.is_file():
            problems.append(
                Problem(
                    relative(path),
                    expected=f"a provenance sidecar {meta_path.name} beside it "
                    "(create it with: python -m barometre sidecar " + relative(path) + ")",
                )
            )
            continue
        kind = special_kind(path) or special_kind(meta_path)
        if kind:
            problems.append(Problem(relative(path if special_kind(path) else meta_path),
                                    expected=special_expected(kind)))
            continue
        try:
            meta = load_sidecar_text(meta_path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            problems.append(Problem(name, expected=f"valid UTF-8 YAML ({' '.join(str(exc).split())})"))
            continue
        if not isinstance(meta, dict):
            problems.append(Problem(name, value=type(meta).__name__, expected=SIDECAR_MAPPING_EXPECTED))
            continue
        for key in SIDECAR_KEYS:
            if not meta.get(key):
                problems.append(Problem(name, None, key, None, f"a non-empty '{key}' entry"))
        actual = sha256_of(path)
        if meta.get("sha256") and meta["sha256"] != actual:
            problems.append(
                Problem(
                    name,
                    None,
                    "sha256",
                    str(meta["sha256"])[:12] + "…",
                    f"the checksum of {path.name} ({actual[:12]}…): the data changed since its "
                    "provenance was recorded; check the change, then run "
                    f"python -m barometre sidecar {relative(path)}",
                )
            )
    for meta_path in sorted(data_dir.rglob("*.meta.yaml")):
        if not meta_path.with_name(meta_path.name.removesuffix(".meta.yaml")).is_file():
            problems.append(Problem(relative(meta_path), expected="a data file of the same name beside it"))
