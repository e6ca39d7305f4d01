"""The CSV under each chart: French headers with units (charts.csv_headers)."""

from __future__ import annotations

import pandas as pd
from chart_csv import header_problems

from barometre.charts.csv_headers import CHART_HEADERS, HEADERS, for_download


def test_the_download_renames_english_and_unitless_columns_and_writes_identifiers_in_french():
    data = pd.DataFrame({"year": [2000], "wage_factor": [1.0], "valeur": [15.0], "unité": ["percent_change"]})
    out = for_download("prix-explorer", data)
    assert list(out.columns) == ["année", "facteur du Smic (base 1 en 2000)", "valeur (unité de la ligne)", "unité"]
    assert out["unité"].tolist() == ["% (variation)"]
    assert list(data.columns) == ["year", "wage_factor", "valeur", "unité"]  # the chart's own data are unchanged
    assert header_problems("x", out.to_csv(index=False)) == []


def test_a_chart_may_give_its_own_unit_to_a_shared_column_name():
    data = pd.DataFrame({"croissance": [17.0]})
    assert list(for_download("partenariat-objectif-emplois", data).columns) == ["croissance nécessaire (% par an)"]
    assert list(for_download("offshore-croissance", data).columns) == ["croissance (%)"]


def test_the_header_check_finds_english_and_a_number_without_its_unit():
    problems = header_problems("x", "month,net_saving,part\n1,2.5,3\n")
    assert len(problems) == 5, problems  # month and net_saving not French; month, net_saving and part without unit


def test_every_header_the_table_gives_is_french():
    for header in [*HEADERS.values(), *(h for own in CHART_HEADERS.values() for h in own.values())]:
        assert header_problems("x", f"{header}\nabc\n") == [], header
