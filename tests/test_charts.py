"""Every chart leaves a notebook with an interactive and a static form, titled, sourced, described."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc
from executed import VEGALITE_5, VEGALITE_6, drawing

from barometre.charts import (
    PAGE_MIME,
    PRINT_FONT,
    PRINT_MIME,
    PRINT_WIDTH,
    THEME,
    WEB_BOX_SIGNAL,
    WEB_PHONE_BOX,
    WEB_TITLE_LINE,
    WIDTH,
    chart_output,
    print_pdfs,
    title_wraps,
    wrap_title,
)


def sample():
    df = pd.DataFrame({"année": ["2007", "2008"], "croissance": [13, 15]})
    chart = alt.Chart(df).mark_bar().encode(x="année:N", y="croissance:Q")
    return chart_output(chart, name="Essai 1", title="Titre", source="Baromètre", description="Deux barres.", data=df)


def test_the_house_theme_is_registered_and_enabled():
    assert alt.theme.active == THEME


def test_a_chart_has_both_an_interactive_and_a_print_form():
    bundle = sample()._repr_mimebundle_()
    assert set(bundle) >= {PAGE_MIME, PRINT_MIME}
    form = bundle[PRINT_MIME]
    assert form["caption"] == "Titre" and form["source"] == "Source : Baromètre"
    # the print form carries the chart, not a drawing: the PDF build draws it, the HTML build never does
    assert "pdf" not in form and form["spec"] == sample().spec
    assert all(part.startswith(b"%PDF") for part in print_pdfs(form))
    html = bundle[PAGE_MIME]
    assert "vegaEmbed('#vis-essai-1'" in html and "cdn" not in html.lower() and "https://" not in html.split("$schema")[0]
    assert "Source\u00a0: Baromètre" in html and "Télécharger les données (CSV)" in html


def test_a_chart_draws_in_jupyterlab_and_vs_code_under_the_vega_lite_5_type_as_on_the_page():
    """JupyterLab 4 and VS Code draw application/vnd.vegalite.v5+json, not v6: the chart is given under
    both, and Vega-Lite 5 draws the v5 form as Vega-Lite 6 draws the page's spec."""
    bundle = sample()._repr_mimebundle_()
    v5, v6 = bundle["application/vnd.vegalite.v5+json"], bundle["application/vnd.vegalite.v6+json"]
    assert v5["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json"
    assert {k: v for k, v in v5.items() if k != "$schema"} == {k: v for k, v in v6.items() if k != "$schema"}
    assert v5["usermeta"]["embedOptions"]["formatLocale"]["decimal"] == ","
    page = drawing(v6, VEGALITE_6)
    assert "mark-rect" in page and drawing(v5, VEGALITE_5) == page
    # no text/html: JupyterLab ranks it above its Vega renderer and would show the page's HTML, no chart
    assert "text/html" not in bundle
    # a fixed width where the page takes its container's: JupyterLab's output and the chart resized each other
    assert sample().web_spec()["width"] == "container" and v5["width"] == v6["width"] == WIDTH


def test_the_drawing_comparison_sees_a_different_picture():
    spec = sample()._repr_mimebundle_()["application/vnd.vegalite.v5+json"]
    assert drawing({**spec, "mark": {"type": "point"}}, VEGALITE_5) != drawing(spec, VEGALITE_5)


def test_the_interactive_chart_uses_the_french_number_locale():
    html = sample().html()
    options = json.loads(html.split("textContent),")[1].split(").then")[0])
    assert options["formatLocale"]["decimal"] == ","


def test_axes_and_tooltips_write_the_minus_sign_and_thousands_as_the_text_does():
    html = sample().html()
    locale = json.loads(html.split("textContent),")[1].split(").then")[0])["formatLocale"]
    assert locale["minus"] == "\u2212"
    assert locale["thousands"] == "\u202f"
    assert locale["percent"] == "\u00a0%"


def test_long_axis_titles_are_wrapped_for_a_phone_in_the_web_chart_only():
    chart = alt.Chart(pd.DataFrame({"a": [1], "b": [2]})).mark_bar().encode(
        x=alt.X("a:Q", title="Écart de salaire interne / outsourceur (%)"), y=alt.Y("b:Q", title="Court"))
    out = chart_output(chart, name="t", title="Un titre assez long pour tenir sur deux lignes au moins",
                       source="S", description="D.")
    web = out.web_spec()
    assert web["encoding"]["x"]["title"] == ["Écart de salaire interne /", "outsourceur (%)"]
    assert web["encoding"]["y"]["title"] == "Court"
    assert all(len(line) <= 30 for line in web["title"])
    assert out.print_spec()["encoding"]["x"]["title"] == "Écart de salaire interne / outsourceur (%)"


def test_the_description_is_the_vega_lite_description_and_the_aria_label():
    out = sample()
    assert out.spec["description"] == "Deux barres."
    assert 'aria-label="Deux barres."' in out.html()


def test_the_print_form_carries_the_source_line():
    assert sample().print_form()["source"] == "Source : Baromètre"


def test_the_print_form_is_drawn_at_the_text_width_in_the_books_sans_serif():
    spec = sample().print_spec()
    assert "title" not in spec  # the caption typesets it
    assert spec["width"] == PRINT_WIDTH and spec["config"]["font"] == PRINT_FONT
    assert spec["config"]["axis"]["labelFontSize"] >= 7


def test_an_explorer_has_no_print_form():
    df = pd.DataFrame({"a": [1]})
    out = chart_output(alt.Chart(df).mark_point().encode(x="a:Q"), name="x", title="T", source="S",
                       description="D", printable=False)
    assert out._repr_mimebundle_()[PRINT_MIME] == {"omit": True, "name": "x"}


def test_a_column_of_small_multiples_taller_than_a_page_is_printed_in_parts():
    df = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    panel = alt.Chart(df).mark_line().encode(x="x:Q", y="y:Q").properties(width=200, height=110, title="p")
    out = chart_output(alt.vconcat(*[panel] * 12), name="m", title="T", source="S", description="D")
    parts = out.print_parts()
    assert len(parts) >= 2
    assert sum(len(p["concat"]) for p in parts) == 12


@pytest.mark.parametrize("missing", ["title", "source", "description"])
def test_a_chart_without_title_source_or_description_is_refused(missing):
    df = pd.DataFrame({"a": [1]})
    kwargs = {"name": "x", "title": "T", "source": "S", "description": "D", **{missing: " "}}
    with pytest.raises(ValueError, match=missing):
        chart_output(alt.Chart(df).mark_point().encode(x="a:Q"), **kwargs)


def test_a_data_string_cannot_close_the_script_element():
    df = pd.DataFrame({"a": ["</script><script>alert(1)</script>"], "b": [1]})
    out = chart_output(alt.Chart(df).mark_bar().encode(x="a:N", y="b:Q"), name="x", title="T", source="S",
                       description="D", data=df)
    html = out.html()
    assert html.count("</script>") == 2  # the spec element and the embed script, nothing from the data


def test_the_caption_of_a_chart_gets_french_spacing_like_the_prose():
    df = pd.DataFrame({"x": [1]})
    out = chart_output(alt.Chart(df).mark_point().encode(x="x:Q"), name="essai", title="Titre", source="Baromètre",
                       description="Une borne (« plus de », « au moins ») : de 60 à 70 % ; voilà; fin.", data=df)
    page = out.html()
    assert "«\u00a0plus de\u00a0»" in page and "«\u00a0au moins\u00a0»" in page
    assert ")\u00a0: de 60\u00a0à\u00a070" in page and "\u202f; voilà\u202f; fin" in page
    assert "Source\u00a0: Baromètre" in page


def test_a_row_label_of_two_lines_grows_upwards_its_last_line_just_above_the_bar():
    from barometre.charts import ROW_LABEL_LEADING, row_labels

    table = pd.DataFrame({"i": ["Teleperformance : effectifs en France, entre 2000 et 2009", "Court"]})
    spec = row_labels(table, "i", bar_size=26).to_dict()
    offsets = {}
    for layer in spec["layer"]:
        rows = spec["datasets"][layer["data"]["name"]]
        for r in rows:
            offsets[r["_ligne"]] = layer["mark"]["dy"]
    assert offsets["Court"] == offsets["entre 2000 et 2009"] == -16
    assert offsets["Teleperformance : effectifs en France,"] == -16 - ROW_LABEL_LEADING


def test_two_labels_of_a_web_axis_keep_a_gap_vega_hides_one_otherwise():
    import re

    import vl_convert as vlc

    from barometre.charts import LABEL_SEPARATION, format_locale

    # « −20 % » flush left and « −10 % » a quarter along a 250 px axis touched on a phone
    df = pd.DataFrame({"x": [-20.0, 20.0], "y": ["a", "b"]})
    chart = alt.Chart(df).mark_point().encode(
        x=alt.X("x:Q", axis=alt.Axis(labelExpr="datum.label + ' %'", tickCount=4)), y="y:N").properties(width=250)
    spec = chart_output(alt.vconcat(chart, chart), name="t", title="T", source="S", description="D").web_spec()
    assert spec["config"]["axis"]["labelSeparation"] == LABEL_SEPARATION >= 4
    svg = vlc.vegalite_to_svg(spec, format_locale=format_locale())
    shown = re.findall(r'opacity="1"[^>]*>([^<]*%)</text>', svg)
    assert "\u221220 %" in shown and "\u221210 %" not in shown, shown


def _embed_patch(out) -> list[dict] | None:
    return json.loads(out.html().split("textContent),")[1].split(").then")[0]).get("patch")


def _apply(spec: dict, patch: list[dict]) -> dict:
    """The JSON Patch operations the book uses (add, replace, remove), as vega-embed applies them; a path
    that does not exist raises, as it fails in the page."""
    import copy

    spec = copy.deepcopy(spec)
    for op in patch:
        *parents, last = [part.replace("~1", "/").replace("~0", "~") for part in op["path"].split("/")[1:]]
        node = spec
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            if op["op"] == "add":
                node.insert(len(node) if last == "-" else int(last), op["value"])
            elif op["op"] == "replace":
                node[int(last)] = op["value"]
            else:
                del node[int(last)]
        elif op["op"] == "remove" or (op["op"] == "replace" and last not in node):
            del node[last]  # KeyError: nothing to remove or replace there
            if op["op"] == "replace":
                node[last] = op["value"]
        else:
            node[last] = op["value"]
    return spec


def test_a_title_wrapped_for_a_phone_takes_fewer_lines_in_a_wider_box():
    title = "Le coût employeur au Smic évolue au même rythme que le Smic brut"
    phone = wrap_title(title, WEB_TITLE_LINE)
    wraps = title_wraps(title)
    assert len(phone) == 3 and [len(lines) for _, lines in wraps] == [1, 2]
    for need, lines in wraps:
        assert " ".join(lines) == title  # never cut, words whole
        assert need >= max(map(len, lines)) * WEB_PHONE_BOX / WEB_TITLE_LINE  # the phone's measured fit
    assert wraps[0][0] <= 672  # one line in a desktop's column
    df = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    out = chart_output(alt.Chart(df).mark_line().encode(x="x:Q", y="y:Q"), name="t", title=title, source="S",
                       description="D.")
    patched = _apply(vlc.vegalite_to_vega(out.web_spec()), _embed_patch(out))
    expression = patched["title"]["text"]["signal"]
    assert expression.startswith(f"{WEB_BOX_SIGNAL} >= {wraps[0][0]} ? ") and json.dumps(phone, ensure_ascii=False) in expression
    box = next(s for s in patched["signals"] if s["name"] == WEB_BOX_SIGNAL)
    assert "containerSize()[0]" in box["init"] and box["on"][0]["events"] == "window:resize"
    # a title of one line on a phone is left alone
    assert _embed_patch(chart_output(alt.Chart(df).mark_line().encode(x="x:Q", y="y:Q"), name="t",
                                     title="Court", source="S", description="D.")) is None


def test_the_panels_titles_take_fewer_lines_on_a_wide_box_as_the_charts_title():
    from barometre import history, load

    ds = load()
    table = history.yearly_history(ds, ds.indicators_for("resilience"), 2011)
    out = history.history_chart(table, name="h", title="L'activité des outsourceurs, année par année", edition=2011)
    patched = _apply(vlc.vegalite_to_vega(out.web_spec()), _embed_patch(out))
    titles = [m["title"]["text"] for m in patched["marks"] if isinstance(m.get("title"), dict)]
    chosen = [t for t in titles if isinstance(t, dict)]  # a panel title in two lines on a phone
    assert chosen and all(t["signal"].startswith(f"{WEB_BOX_SIGNAL} >= ") for t in chosen)
    assert isinstance(patched["title"]["text"], dict)
    assert sum(s["name"] == WEB_BOX_SIGNAL for s in patched["signals"]) == 1


def test_a_facets_panels_follow_the_width_of_the_page_never_narrower_than_a_phones():
    df = pd.DataFrame({"panneau": ["A", "B"], "x": [1, 2], "y": ["a", "b"]})
    chart = alt.Chart(df).mark_point().encode(x="x:Q", y="y:N").properties(width=250).facet(row="panneau:N")
    patch = _embed_patch(chart_output(chart, name="f", title="Court", source="S", description="D."))
    assert {"op": "add", "path": "/autosize", "value": {"type": "fit-x", "contains": "padding"}} in patch
    signals = next(op["value"] for op in patch if op["path"] == "/signals")
    assert {"name": "child_width", "update": "max(250, width)"} in signals
    width = next(s for s in signals if s["name"] == "width")
    assert "containerSize()[0]" in width["init"] and width["on"][0]["events"] == "window:resize"
