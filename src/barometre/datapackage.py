"""``datapackage.json``: the data folder described as a Frictionless data package, generated from
the validation models (``python -m barometre datapackage``), so that it cannot drift from them
(``tests/test_datapackage.py`` checks that the committed file equals what this module writes).

Each CSV of ``data/`` is matched with the row model of ``barometre.validation`` that reads it: the
model whose fields hold every column of the file's header and whose required fields are all there
(one model only; a file that no model or several models fit is an error naming it). A new table
with its model in ``validation`` is therefore described with no change here. From the model come
each field's type, whether it may be empty, its allowed values, lengths and bounds; its words come
from the field's ``description`` in the model when it has one, else from ``FIELD_NOTES`` below;
the unit of a number column is in ``FIELD_UNITS``. Each resource takes its title, source and
licence from its provenance sidecar (``*.meta.yaml``)."""

from __future__ import annotations

import csv
import json
import re
import types
import typing
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from barometre.paths import DATA_DIR, ROOT

OUTPUT = ROOT / "datapackage.json"
PACKAGE_NAME = "barometre-outsourcing-relation-client"


class DataPackageError(Exception):
    """A data file the package cannot describe (no row model fits it, or several do)."""


# --------------------------------------------------------------------------- words and units

# What a column means, when the model's field has no description (by model, then by name alone).
FIELD_NOTES: dict[str, str] = {
    "indicator": "Indicator id (snake_case), listed in indicators.csv",
    "edition": "Barometer edition: the year of its data (e.g. 2008); equals the file's name",
    "period": "Reference period: a year (2008), a change between two years (2007-2008) or a month (2009-07)",
    "scope": "What the figure covers: market, france, offshore, a region, a company… (snake_case id)",
    "value": "The figure, in the row's unit (empty for a range)",
    "low": "Low end of a range, in the row's unit",
    "high": "High end of a range, in the row's unit",
    "qualifier": "How the source states it: exact, about, more_than, at_least, less_than, at_most, range",
    "unit": "Unit of value, low and high (the indicator's unit in indicators.csv)",
    "source": "Source id, listed in sources.csv",
    "quote": "Short excerpt of the source that gives it, quoted under the right of quotation",
    "note": "Transcription and interpretation notes (not shown to readers)",
    "quote_type": "verbatim (the publication's words, shown in « ») or summary (a press summary); empty: verbatim",
    "label_fr": "French label, as the book prints it",
    "definition": "Definition in one sentence",
    "chapters": "The book's chapters that use it, separated by ';'",
    "required": "Whether the chapters require it (true or false)",
    "forecast_of": "For a forecast: the indicator it forecasts (empty otherwise)",
    "name": "Name as published",
    "organisation": "Organisation",
    "role": "Role or position, as published",
    "type": "Kind of source: barometer, interview, journalist, official_statistic, reference, ranking",
    "publication_title": "Title of the publication",
    "publication_outlet": "Outlet (newspaper, magazine, site)",
    "publication_author": "Author of the publication",
    "publication_year": "Year of the publication",
    "publication_date": "Date of the publication (YYYY, YYYY-MM or YYYY-MM-DD), empty when the page shows none",
    "url": "Address of the publication",
    "publication_issue": "Printed issue (« n° 93 »), when the source shows it",
    "publication_pages": "Printed pages (« p. 28-31 »), when the source shows them",
    "quote_id": "Quote id (snake_case), unique in the file",
    "chapter": "The chapter that shows it",
    "event": "Event id (snake_case), unique in the file",
    "date": "Date (YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source)",
    "kind": "Kind of event",
    "actor": "Who acts (company or organisation)",
    "target": "What the event concerns (acquired company, market…), may be empty",
    "city": "City id, listed in reference/cities.csv (site openings)",
    "effective_date": "Date from which the amount applies",
    "currency": "Currency of the amount (FRF before 2002, EUR)",
    "legal_text": "The legal text that sets it",
    "legal_url": "Address of the legal text",
    "year": "Calendar year",
    "index_2015_100": "Consumer price index, annual average, base 2015 = 100",
    "month": "Month of the year the amounts are computed for (MM)",
    "smic_hourly_gross": "Gross hourly Smic in force that month",
    "gross_wage": "Gross monthly wage of a full-time employee paid the Smic (151.67 hours)",
    "employer_contributions": "Employer contributions before reductions",
    "general_reduction": "General reduction of employer contributions (réduction Fillon)",
    "employer_cost": "Employer cost: gross wage + contributions - reduction",
    "net_wage": "Net monthly wage",
    "status": "computed, or not_covered (the package does not cover the year: amounts empty)",
    "country": "Country (snake_case id)",
    "aggregate": "The aggregate of the price level (household_final_consumption…)",
    "index_eu27_100": "Comparative price level index, EU27 = 100",
    "gbp_per_eur": "ECB reference rate: pounds sterling for one euro",
    "guidelines": "The merger guidelines the class belongs to (snake_case id)",
    "concentration": "Class of market concentration",
    "hhi_above": "Lower bound of the class (HHI above it; empty: 0)",
    "hhi_below": "Upper bound of the class (HHI below it; empty: 10 000)",
    "in_force_from": "Date the guidelines came into force",
    "in_force_until": "Date they ceased to apply (empty: still in force or not known)",
    "name_fr": "French name, as the book prints it",
    "source_fr": "The reference a chart's source line gives",
    "latitude": "Latitude (WGS84, decimal degrees)",
    "longitude": "Longitude (WGS84, decimal degrees)",
    "department": "French département",
    "geonames_id": "GeoNames id",
}

# The unit of a number column (by field name; by "Model.field" first). Columns of edition files
# take the unit of their row (column ``unit``).
FIELD_UNITS: dict[str, str] = {
    "value": "the row's unit (column unit)",
    "low": "the row's unit (column unit)",
    "high": "the row's unit (column unit)",
    "SmicRow.value": "FRF or EUR per hour, gross (column currency)",
    "OfficialFigureRow.value": "the row's unit (column unit)",
    "index_2015_100": "index, 2015 = 100",
    "smic_hourly_gross": "EUR per hour, gross",
    "gross_wage": "EUR per month",
    "employer_contributions": "EUR per month",
    "general_reduction": "EUR per month",
    "employer_cost": "EUR per month",
    "net_wage": "EUR per month",
    "index_eu27_100": "index, EU27 = 100",
    "gbp_per_eur": "GBP per EUR",
    "hhi_above": "HHI points (0 to 10 000)",
    "hhi_below": "HHI points (0 to 10 000)",
    "latitude": "degrees north (WGS84)",
    "longitude": "degrees east (WGS84)",
    "publication_year": "year",
    "year": "year",
    "edition": "year",
}

# --------------------------------------------------------------------------- models


def row_models() -> list[type[BaseModel]]:
    """Every row model of ``barometre.validation`` (the subclasses of its ``_Row``), in source order: those
    of ``validation.rows``, then any defined in the package itself."""
    from barometre import validation
    from barometre.validation import rows

    base = getattr(validation, "_Row", BaseModel)
    found: list[type[BaseModel]] = []
    for module in (rows, validation):
        found += [obj for obj in vars(module).values()
                  if isinstance(obj, type) and issubclass(obj, base) and obj is not base
                  and getattr(obj, "__module__", "") == module.__name__ and obj not in found]
    return found


def _required_fields(model: type[BaseModel]) -> set[str]:
    return {name for name, info in model.model_fields.items() if info.is_required()}


def model_for(header: list[str], path: Path, models: list[type[BaseModel]] | None = None) -> type[BaseModel]:
    """The one row model that reads a file with this header."""
    models = row_models() if models is None else models
    columns = set(header)
    fits = [m for m in models if columns <= set(m.model_fields) and _required_fields(m) <= columns]
    if len(fits) == 1:
        return fits[0]
    where = path.as_posix()
    if not fits:
        raise DataPackageError(
            f"{where}: no row model of barometre.validation reads the columns {', '.join(header)}; "
            "add its model there (a subclass of _Row), then run python -m barometre datapackage again")
    names = ", ".join(m.__name__ for m in fits)
    raise DataPackageError(f"{where}: several row models fit its columns ({names}); make their fields differ")


def _unwrap(annotation: Any) -> tuple[Any, list, bool]:
    """(the base type, the metadata of every Annotated layer, whether None is allowed)."""
    metadata: list = []
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            args = get_args(annotation)
            annotation, metadata = args[0], metadata + list(args[1:])
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation, metadata, optional
        else:
            return annotation, metadata, optional


def _validator_names(metadata: list) -> set[str]:
    out = set()
    for m in metadata:
        func = getattr(m, "func", None)
        if func is not None:
            out.add(getattr(func, "__name__", ""))
    return out


def field_descriptor(model: type[BaseModel], name: str) -> dict:
    """One Table Schema field from a model's field: type, constraints, description, unit."""
    from barometre import validation

    info = model.model_fields[name]
    base, metadata, optional = _unwrap(info.annotation)
    metadata = metadata + list(info.metadata)
    for m in list(metadata):  # a Field() nested in a union keeps its constraints in its own metadata
        if isinstance(m, FieldInfo):
            metadata.extend(m.metadata)
    validators = _validator_names(metadata)
    field: dict[str, Any] = {"name": name}
    constraints: dict[str, Any] = {}
    if get_origin(base) is Literal:
        field["type"] = "string"
        constraints["enum"] = [str(v) for v in get_args(base)]
    elif base is bool:
        field.update(type="boolean", trueValues=["true"], falseValues=["false"])
    elif base is int:
        field["type"] = "integer"
    elif base is float:
        field["type"] = "number"
    elif base is date:
        field["type"] = "date"
    elif get_origin(base) is tuple:  # a ';'-separated list (indicators.csv, chapters)
        field["type"] = "string"
        if "_chapter_list" in validators:
            names = "|".join(re.escape(c) for c in validation.CHAPTERS)
            constraints["pattern"] = rf"\s*({names})\s*(;\s*({names})\s*)*;?\s*"
    else:
        field["type"] = "string"
        if "_snake" in validators:
            constraints["pattern"] = validation.SNAKE.pattern.removeprefix("^").removesuffix("$")
        elif "_event_date" in validators:
            constraints["pattern"] = r"\d{4}(-\d{2}(-\d{2})?)?"
        elif "_period" in validators:
            from barometre import periods

            constraints["pattern"] = periods._PATTERN.pattern
    for m in metadata:
        for attr, key in (("min_length", "minLength"), ("max_length", "maxLength"), ("ge", "minimum"),
                          ("le", "maximum"), ("gt", "exclusiveMinimum"), ("lt", "exclusiveMaximum")):
            v = getattr(m, attr, None)
            if v is not None and not (attr == "min_length" and v == 0):
                if key == "exclusiveMinimum" and v == 0:
                    constraints["minimum"] = 0  # Table Schema has no exclusive bounds: > 0 is shown as ≥ 0
                    field.setdefault("description_extra", "strictly positive")
                elif key not in ("exclusiveMinimum", "exclusiveMaximum"):
                    constraints[key] = v
    # required: the model refuses an empty cell (a required field that is neither optional, nor empty text)
    may_be_empty = optional or not info.is_required() or (field["type"] == "string" and "minLength" not in constraints
                                                          and "enum" not in constraints and "pattern" not in constraints)
    if not may_be_empty:
        constraints["required"] = True
    if field["type"] == "string" and "pattern" in constraints and may_be_empty:
        constraints["pattern"] = f"({constraints['pattern']})?"
    extra = field.pop("description_extra", "")
    description = info.description or FIELD_NOTES.get(f"{model.__name__}.{name}") or FIELD_NOTES.get(name, "")
    if extra:
        description = f"{description} ({extra})" if description else extra
    if description:
        field["description"] = description
    unit = FIELD_UNITS.get(f"{model.__name__}.{name}") or FIELD_UNITS.get(name)
    if unit and field["type"] in ("number", "integer"):
        field["unit"] = unit
    if constraints:
        field["constraints"] = constraints
    return field


# --------------------------------------------------------------------------- resources


def _sidecar(path: Path) -> dict:
    from barometre.validation import sidecar_path

    try:
        meta = yaml.safe_load(sidecar_path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _one_line(text: Any) -> str:
    return " ".join(str(text or "").split())


# SPDX ids of the licences a sidecar may name, to give tools a machine-readable name.
KNOWN_LICENCES = (
    (re.compile(r"Etalab 2\.0|Licence Ouverte", re.I), {"name": "etalab-2.0", "path":
                                                         "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
                                                         "title": "Licence Ouverte / Open Licence 2.0"}),
    (re.compile(r"CC BY 4\.0", re.I), {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                       "title": "Creative Commons Attribution 4.0"}),
    (re.compile(r"L122-5"), {"name": "other-at", "path": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006069414/",
                             "title": "Droit de courte citation (art. L122-5 du Code de la propriété intellectuelle)"}),
    (re.compile(r"public domain", re.I), {"name": "other-pd", "title": "Public domain"}),
)


def resource_licences(rel: str, meta: dict) -> list[dict]:
    """The sidecar's licence as written (its text, pointing at the sidecar), then the known licences it names."""
    text = _one_line(meta.get("licence"))
    out = [{"path": f"data/{rel}.meta.yaml", "title": text}] if text else []
    for pattern, licence in KNOWN_LICENCES:
        if text and pattern.search(text):
            out.append(dict(licence))
    return out


def resource_sources(meta: dict) -> list[dict]:
    source = meta.get("source")
    if isinstance(source, dict):
        entry = {"title": _one_line(source.get("text") or source.get("title") or meta.get("producer"))}
        if source.get("url"):
            entry["path"] = _one_line(source["url"])
        return [entry] if entry["title"] else []
    if source:
        return [{"title": _one_line(source)}]
    return [{"title": _one_line(meta["producer"])}] if meta.get("producer") else []


def _resource_name(rel: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", rel.lower().removesuffix(".csv")).replace("/", "-").strip("-")


def read_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh), [])


def csv_resource(path: Path, data_dir: Path, models: list[type[BaseModel]]) -> dict:
    rel = path.relative_to(data_dir).as_posix()
    header = read_header(path)
    model = model_for(header, Path("data") / rel, models)
    meta = _sidecar(path)
    resource: dict[str, Any] = {
        "name": _resource_name(rel),
        "path": f"data/{rel}",
        "type": "table",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": _one_line(meta.get("title")) or rel,
    }
    description = _one_line(meta.get("description")) or _one_line(model.__doc__)
    if description:
        resource["description"] = description
    resource["sources"] = resource_sources(meta)
    resource["licenses"] = resource_licences(rel, meta)
    resource["schema"] = {
        "fields": [field_descriptor(model, name) for name in header],
        "x-barometre-model": f"barometre.validation.{model.__name__}",
    }
    return {k: v for k, v in resource.items() if v not in ([], "")}


def file_resource(path: Path, data_dir: Path) -> dict:
    """A data file that is not a table (the GeoJSON outline): described, not schematised."""
    rel = path.relative_to(data_dir).as_posix()
    meta = _sidecar(path)
    suffix = path.suffix.lower().lstrip(".")
    resource = {
        "name": _resource_name(rel),
        "path": f"data/{rel}",
        "type": "file",
        "format": suffix,
        "mediatype": {"geojson": "application/geo+json", "json": "application/json"}.get(suffix, "application/octet-stream"),
        "title": _one_line(meta.get("title")) or rel,
        "description": _one_line(meta.get("description")),
        "sources": resource_sources(meta),
        "licenses": resource_licences(rel, meta),
    }
    return {k: v for k, v in resource.items() if v not in ([], "")}


def package(data_dir: Path = DATA_DIR) -> dict:
    """The data package of ``data_dir`` (paths relative to the repository root)."""
    from importlib import metadata

    from barometre.reuse import TEXT_LICENCE
    from barometre.validation import data_files

    data_dir = Path(data_dir)
    models = row_models()
    resources, problems = [], []
    for path in sorted(data_files(data_dir), key=lambda p: p.relative_to(data_dir).as_posix()):
        try:
            if path.suffix.lower() == ".csv":
                resources.append(csv_resource(path, data_dir, models))
            else:
                resources.append(file_resource(path, data_dir))
        except DataPackageError as exc:
            problems.append(str(exc))
    if problems:
        raise DataPackageError("Cannot describe the data package:\n" + "\n".join(f"  - {p}" for p in problems))
    try:
        version = metadata.version("barometre")
    except metadata.PackageNotFoundError:
        version = "0"
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return {
        "name": PACKAGE_NAME,
        "title": config["title"],
        "description": (
            "The data of the outsourcing barometer book: the editions of the BearingPoint/SP2C barometer (and the "
            "KPMG study before it) as published by the press, one row per figure with its source and a short quote; "
            "the dated events and attributed quotes; the indicator dictionary; the sources; and the official series "
            "the models use. Generated by python -m barometre datapackage from the validation models "
            "(barometre.validation). Press excerpts are quoted under the right of quotation (art. L122-5 of the French "
            "Code de la propriété intellectuelle); each reference series keeps its own licence (see each resource)."
        ),
        "version": version,
        "licenses": [dict(TEXT_LICENCE)],
        "contributors": [{"title": str(config.get("author", "")), "roles": ["author"]}],
        "keywords": ["baromètre", "outsourcing", "relation client", "centres d'appels", "France"],
        "resources": resources,
    }


def render(data_dir: Path = DATA_DIR) -> str:
    return json.dumps(package(data_dir), ensure_ascii=False, indent=2) + "\n"


def write(data_dir: Path = DATA_DIR, output: Path = OUTPUT) -> Path:
    from barometre.files import write_if_changed

    write_if_changed(output, render(data_dir).encode("utf-8"))
    return output
