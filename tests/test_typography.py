"""One typography for the prose, the tooltips, the charts and the print: the same apostrophe everywhere."""

from __future__ import annotations

import altair as alt
import pandas as pd

from barometre import typography
from barometre.charts import chart_output, print_spec_of
from barometre.narrative import elide
from barometre.sphinx_ext import raw_typography


def test_elision_writes_the_typographic_apostrophe_in_prose_and_names_alike():
    assert elide("de", "environ 18 %") == "d’"
    assert elide("que", "au moins") == "qu’"
    assert elide("de", "15 %") == "de "
    assert typography.elided("de", "Acticall") == "d’Acticall"
    assert typography.elided("de", "Teleperformance") == "de Teleperformance"


def test_a_tooltip_a_chart_caption_and_a_print_chart_set_the_same_apostrophe():
    text = "Part du chiffre d'affaires"
    assert raw_typography(text) == "Part du chiffre d’affaires"
    df = pd.DataFrame({"indicateur": [text], "v": [1]})
    chart = alt.Chart(df).mark_bar().encode(x="v:Q", y="indicateur:N")
    out = chart_output(chart, name="essai", title=text, source="Baromètre", description=text, data=df)
    assert "chiffre d’affaires" in out.html() and "chiffre d'affaires" not in out.html().split("<script")[0]
    printed = print_spec_of(out.spec)
    values = [row["indicateur"] for rows in printed.get("datasets", {}).values() for row in rows]
    assert values == ["Part du chiffre d’affaires"]


def test_code_keeps_its_straight_quotes_in_a_print_chart():
    df = pd.DataFrame({"a": ["x"], "v": [1]})
    chart = alt.Chart(df).mark_bar().encode(x="v:Q", y="a:N").transform_filter("datum['v'] > 0")
    spec = print_spec_of(chart.to_dict())
    assert any(t.get("filter") == "datum['v'] > 0" for t in spec.get("transform", []))
