"""What a ``Dataset`` reads beside the editions (events, cities, quotes, reference series)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from barometre import validation
from barometre.data.figures import FRF_PER_EUR, FigureNotFound, Quote, pd
from barometre.paths import relative
from barometre.validation import HHI_CLASSES


class ReferenceReads:
    """What a ``Dataset`` reads beside the editions: the events, the cities, the quotes and the reference
    series (the Smic, prices, labour costs, exchange rates, INSEE's call centres, the HHI thresholds).
    A mixin of ``Dataset``: its methods use the dataset's tables and its declared-input checks."""

    def events(self, edition: int | None = None) -> pd.DataFrame:
        edition = self.latest if edition is None else int(edition)
        self._check_reference("events")
        table = self._v.events.get(edition)
        if table is None or not table.rows:  # no events file, or one that holds no event
            return pd.DataFrame(columns=["event", "date", "kind", "actor", "target", "city"])
        cities = {c.city: c for c in self._v.references["cities"].rows}
        records = []
        for row, line in zip(table.rows, table.lines, strict=True):
            rec = row.model_dump()
            rec["row"] = line
            rec["file"] = self.book_path(table.path)
            rec["source_name"] = self.sources[row.source].name
            city = cities.get(row.city) if row.city else None
            rec["city_name"] = city.name_fr if city else None
            rec["latitude"] = city.latitude if city else None
            rec["longitude"] = city.longitude if city else None
            records.append(rec)
        return pd.DataFrame(records)

    def city(self, city: str) -> dict | None:
        """Name and coordinates of one city of the validated ``reference/cities.csv`` (None if absent)."""
        self._check_reference("cities")
        row = next((c for c in self._v.references["cities"].rows if c.city == city), None)
        if row is None:
            return None
        return {"ville": row.name_fr, "latitude": float(row.latitude), "longitude": float(row.longitude)}

    def france_outline(self) -> dict:
        """The outline of metropolitan France and Corsica (GeoJSON FeatureCollection) shipped in
        ``data/reference/``."""
        path = Path(self.data_dir) / validation.REFERENCES["outline"].file
        if not path.is_file():
            raise FileNotFoundError(
                f"{relative(path)}: the France outline is missing (it ships with the repository; see its .meta.yaml)"
            )
        self._check_reference("outline")
        outline = json.loads(path.read_text(encoding="utf-8"))
        if outline.get("type") != "FeatureCollection" or not outline.get("features"):
            raise ValueError(f"{relative(path)}: expected a GeoJSON FeatureCollection with at least one feature")
        return outline

    def quotes(self, edition: int | None = None, chapter: str | None = None) -> list[Quote]:
        """The edition's quotes (``data/quotes/<edition>.csv``), optionally for one chapter."""
        if self._declared is not None and not self._declared.allows_quotes_of(chapter):
            self._refuse(f"the quotes of {'every chapter' if chapter is None else chapter}",
                         "add the chapter to `quotes` (or set it to True)")
        return self._quotes(edition, chapter)

    def _quotes(self, edition: int | None = None, chapter: str | None = None) -> list[Quote]:
        edition = self.latest if edition is None else int(edition)
        table = self._v.quotes.get(edition)
        if table is None:
            return []
        out = []
        for row, line in zip(table.rows, table.lines, strict=True):
            if chapter is not None and row.chapter != chapter:
                continue
            src = self.sources[row.source]
            out.append(Quote(row.quote_id, row.edition, row.chapter, row.source, src.name, src.role,
                             row.quote, row.note, self.book_path(table.path), line, getattr(row, "quote_type", "verbatim"),
                             src.publication_outlet or ""))
        return out

    def quote(self, quote_id: str, edition: int | None = None) -> Quote | None:
        """One quote by id, or None when the edition does not carry it."""
        found = next((q for q in self._quotes(edition) if q.quote_id == quote_id), None)
        if found is not None and self._declared is not None and not self._declared.allows_quotes_of(found.chapter):
            self._refuse(f"the quote {quote_id!r} (chapter {found.chapter})",
                         f"add {found.chapter!r} to `quotes` (or set it to True)")
        return found

    def smic_hourly(self) -> pd.DataFrame:
        """The gross hourly SMIC at each revaluation, in euros.

        Values before 2002 are in francs in the data and converted here, explicitly,
        at the legal rate ``FRF_PER_EUR``; the original value and currency are kept."""
        rows = []
        for r in self.reference_rows("smic"):
            eur = r.value / FRF_PER_EUR if r.currency == "FRF" else r.value
            rows.append(
                {
                    "effective_date": pd.Timestamp(r.effective_date),
                    "value_original": r.value,
                    "currency": r.currency,
                    "eur": eur,
                    "legal_text": r.legal_text,
                }
            )
        return pd.DataFrame(rows)

    def smic_at(self, when: date) -> float:
        """The hourly SMIC in euros in force on a date."""
        df = self.smic_hourly()
        in_force = df[df["effective_date"] <= pd.Timestamp(when)]
        if in_force.empty:
            raise FigureNotFound(f"no SMIC in force on {when} (the series starts {df['effective_date'].min():%Y-%m-%d})")
        return float(in_force.iloc[-1]["eur"])

    def cpi(self) -> pd.Series:
        """The annual average CPI (2015 = 100), indexed by year."""
        return pd.Series({r.year: r.index_2015_100 for r in self.reference_rows("cpi")}, name="cpi").sort_index()

    def labour_cost(self) -> pd.DataFrame:
        """The monthly cost of a full-time employee at the Smic by year (``reference/smic_employer_cost.csv``,
        a snapshot of OpenFisca France written by ``scripts/snapshot_labour_cost.py``); an empty frame when
        the data folder has no such file. Years the snapshot does not cover have ``status`` not_covered."""
        rows = self.reference_rows("labour_cost")
        columns = ["year", "gross_wage", "employer_contributions", "general_reduction", "employer_cost",
                   "net_wage", "status"]
        if not rows:
            return pd.DataFrame(columns=columns)
        return pd.DataFrame([r.model_dump() for r in rows])

    def price_level(self, country: str, year: int, aggregate: str = "household_final_consumption") -> tuple[int, float] | None:
        """The latest comparative price level (EU27 = 100) of ``country`` published for ``year`` or before, as
        (year, index), from ``reference/price_level_index.csv``; None when the folder has no such value."""
        rows = [r for r in self.reference_rows("price_level")
                if r.country == country and r.aggregate == aggregate and r.year <= year]
        if not rows:
            return None
        row = max(rows, key=lambda r: r.year)
        return row.year, row.index_eu27_100

    def reference_rows(self, name: str) -> list:
        """The validated rows of the reference series ``name`` (``validation.REFERENCE_SERIES``), in file
        order; empty when an optional series is absent. A chapter reads only the series it declares."""
        if name not in validation.REFERENCES or validation.REFERENCES[name].row is None:
            raise KeyError(f"{name!r} is not a reference series of rows (validation.REFERENCE_SERIES: "
                           f"{', '.join(s for s, series in validation.REFERENCES.items() if series.row is not None)})")
        self._check_reference(name)
        table = self._v.references[name]
        return [] if table is None else list(table.rows)

    def call_centres(self) -> dict[str, dict]:
        """INSEE's figures of the call-centre sector (NAF 82.20Z) by indicator, each with its period, value,
        qualifier, unit and quote (``reference/insee_call_centres.csv``); empty when the folder has none."""
        return {r.indicator: r.model_dump() for r in self.reference_rows("call_centres")}

    def gbp_per_eur(self) -> pd.Series:
        """The ECB's daily reference rates of the pound sterling (pounds per euro), indexed by date
        (``reference/ecb_gbp_per_eur_2008.csv``); empty when the folder has none."""
        rows = self.reference_rows("gbp_per_eur")
        if not rows:
            return pd.Series(dtype=float, name="gbp_per_eur")
        return pd.Series({r.date: r.gbp_per_eur for r in rows}, name="gbp_per_eur").sort_index()

    def hhi_thresholds(self) -> list[dict]:
        """The classes of market concentration by HHI of merger guidelines (``reference/hhi_thresholds.csv``),
        least concentrated first, each with its bounds (``hhi_above``, ``hhi_below``; None: open), its dates
        in force and its sentence; empty when the folder has none."""
        return sorted((r.model_dump() for r in self.reference_rows("hhi_thresholds")), key=lambda r: (r["guidelines"], HHI_CLASSES.index(r["concentration"])))

    def sources_frame(self) -> pd.DataFrame:
        return pd.DataFrame([r.model_dump() for r in self._v.sources.rows])
