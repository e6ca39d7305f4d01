"""What a reader needs to reuse and cite the book: its licences, the « Pour citer ce livre » line,
and the table of every indicator by year that each edition offers for download.

The colophon shows all three (``barometre.reuse_ext``, its directives); the site address, when the
deployment gives one, comes from ``BAROMETRE_BASEURL`` (``site_baseurl``)."""

from __future__ import annotations

import csv
import io
import os
from datetime import UTC, datetime
from pathlib import Path

import yaml

from barometre.labels import QUALIFIERS_FR, UNITS_FR

# The licences the project chose (LICENSE, LICENCE-DONNEES.md); the colophon and the README say the same.
CODE_LICENCE = {"name": "MIT", "title": "Licence MIT", "path": "https://opensource.org/license/mit"}
TEXT_LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence version 2.0 (Etalab)",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
QUOTATION_RIGHT = ("droit de courte citation, article L122-5 du Code de la propriété intellectuelle")
QUOTATION_URL = "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069414/"

BASEURL_VARIABLE = "BAROMETRE_BASEURL"
DOWNLOADS_DIR = "_donnees"  # in the staging book, beside chapters/: the files the colophon offers
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")


class BaseUrlError(ValueError):
    """A site address that cannot be published (not http(s), or a placeholder)."""


def site_baseurl(environ: dict | None = None) -> str:
    """The site's public address, from the environment (``BAROMETRE_BASEURL``, set by the
    deployment), ending with '/'; '' when none is given (the pages then carry no OpenGraph URL and
    no sitemap, rather than a placeholder's)."""
    environ = os.environ if environ is None else environ
    base = (environ.get(BASEURL_VARIABLE) or "").strip()
    if not base:
        return ""
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BaseUrlError(f"{BASEURL_VARIABLE}={base!r}: expected the site's address, such as "
                           "https://owner.github.io/repository/ (http or https, with a host)")
    if parts.hostname and any(parts.hostname == h or parts.hostname.endswith("." + h) for h in PLACEHOLDER_HOSTS):
        raise BaseUrlError(f"{BASEURL_VARIABLE}={base!r} is a placeholder address: give the site's real "
                           "address, or leave the variable empty")
    return base.rstrip("/") + "/"


# --------------------------------------------------------------------------- licences


def sidecar_licences(data_dir: Path) -> list[dict]:
    """Each data file of ``data_dir`` with its title, producer and licence, as its provenance
    sidecar names them (file order)."""
    from barometre.validation import data_files, sidecar_path

    out = []
    for path in sorted(data_files(Path(data_dir))):
        meta_path = sidecar_path(path)
        try:
            meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            meta = {}
        if not isinstance(meta, dict):
            meta = {}
        # the colophon is read in French: a sidecar's title_fr and licence_fr, else its own words
        out.append({
            "file": path.relative_to(data_dir).as_posix(),
            "title": " ".join(str(meta.get("title_fr") or meta.get("title", "")).split()),
            "producer": " ".join(str(meta.get("producer", "")).split()),
            "licence": " ".join(str(meta.get("licence_fr") or meta.get("licence", "")).split()),
        })
    return out


def reference_licences(data_dir: Path) -> list[dict]:
    """The reference series (``reference/``): not the project's, each under its own licence."""
    return [entry for entry in sidecar_licences(data_dir) if entry["file"].startswith("reference/")]


# --------------------------------------------------------------------------- citation


def release_year(epoch: str | None = None) -> int:
    """The year of the build's fixed date (``SOURCE_DATE_EPOCH``, the last commit's)."""
    from barometre.paths import source_date_epoch

    return datetime.fromtimestamp(int(epoch or source_date_epoch() or 0), UTC).year


def citation_line(*, title: str, author: str, edition: int, version: str, code: str, data_sha: str,
                  year: int, url: str = "") -> str:
    """« Pour citer ce livre » (plain text; the colophon sets the title in italics)."""
    where = f" En ligne : {url}" if url else ""
    return (f"{author}, {title}, édition {edition}, version {version} (code {code}, données sha256 "
            f"{data_sha}), {year}. Licence Ouverte / Etalab 2.0.{where}")


def citation_parts(config: dict, edition: int, stamp: str, url: str = "") -> dict:
    """The pieces of the citation of ``edition`` from the book's configuration and the build stamp
    (« édition 2008 ; données sha256 … ; code … ; logiciels … »)."""
    from importlib import metadata

    fields = dict(part.split(" ", 1) for part in stamp.split(" ; ") if " " in part)
    data_sha = fields.get("données", "").removeprefix("sha256 ").strip()
    try:
        version = metadata.version("barometre")
    except metadata.PackageNotFoundError:
        version = "inconnue"
    return {"title": str(config.get("title", "")).split(" — ")[0], "author": str(config.get("author", "")),
            "edition": edition, "version": version, "code": fields.get("code", "inconnu"),
            "data_sha": data_sha, "year": release_year(), "url": url}


# --------------------------------------------------------------------------- every indicator by year

ALL_INDICATORS_COLUMNS = (
    "indicateur", "libellé", "périmètre", "code du périmètre", "période", "valeur", "borne basse", "borne haute", "qualificatif",
    "unité", "édition", "source", "publication", "adresse de la publication", "extrait",
)
def _number(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:.10g}"


def all_indicators_csv(data_dir: Path, edition: int) -> str:
    """« Tous les indicateurs, année par année »: every figure as known in ``edition`` (each
    indicator, scope and period once: the newest edition up to ``edition`` that publishes it, its
    primary source), with French headers, the edition and the source of each value. Numbers are
    written with '.' as the decimal separator (a CSV for tables and programs); units in words."""
    from barometre.data import load, period_key
    from barometre.labels import scope_label

    ds = load(data_dir)
    edition = ds.resolve(edition)
    sources = ds.sources
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ALL_INDICATORS_COLUMNS)
    for indicator in sorted(ds.indicators):
        figures = [f for f in ds._resolved(indicator, edition).values() if f.published]
        figures.sort(key=lambda f: (period_key(f.period), f.scope))
        for f in figures:
            src = sources.get(f.source)
            publication = ", ".join(x for x in (f.publication_outlet, f.publication_title) if x)
            writer.writerow([
                f.indicator, f.label, scope_label(f.scope), f.scope, f.period, _number(f.value), _number(f.low), _number(f.high),
                QUALIFIERS_FR.get(f.qualifier, f.qualifier), UNITS_FR.get(f.unit, f.unit), f.edition,
                f.attribution or f.source_name, publication, getattr(src, "url", "") if src else "", f.quote,
            ])
    return out.getvalue()


def all_indicators_name(edition: int) -> str:
    return f"barometre-tous-les-indicateurs-{edition}.csv"
