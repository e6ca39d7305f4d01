"""Issue 27: a panel the PDF prints in one figure is not printed again in a later one (the offshore chapter's
« Figure 10 » repeated five panels of figure 3 and three of figure 29 in the 2024 book). Fast: the print
figure's choice of panels, on a stand-in for Sphinx's environment."""

from __future__ import annotations

from types import SimpleNamespace

from barometre.sphinx_ext.printing import (
    panel_keys,
    read_in_print_order,
    repeated_note,
    without_printed_panels,
)


def _panel(title: str, values: list[tuple[int, str]]) -> dict:
    return {"title": {"text": title}, "data": {"values": [{"année": y, "texte": t} for y, t in values]},
            "layer": []}


def _form(name: str, *panels: dict) -> dict:
    return {"name": name, "caption": name, "source": "Source : test", "spec": {"vconcat": list(panels)}}


def _env(order: list[str]) -> SimpleNamespace:
    config = SimpleNamespace(root_doc=order[0], barometre_front_matter={"chapters/synthesis": "L'essentiel"})
    return SimpleNamespace(external_site_map=order, found_docs=set(order), config=config, docname=order[0])


ORDER = ["chapters/introduction", "chapters/resilience", "chapters/offshore", "chapters/synthesis"]
GROWTH = _panel("Croissance (France)", [(2005, "14,5 %"), (2006, "7,7 %")])
JOBS = _panel("Effectifs", [(2008, "55 000"), (2009, "60 000")])
SITES = _panel("Positions par site", [(2009, "352"), (2011, "381")])


def test_a_panel_printed_in_an_earlier_figure_is_left_out_and_the_figure_says_where_it_is():
    env = _env(ORDER)
    env.docname = "chapters/resilience"
    first, note = without_printed_panels(env, _form("series", GROWTH, JOBS))
    assert first["spec"]["vconcat"] == [GROWTH, JOBS] and note == {}
    env.docname = "chapters/offshore"
    later, note = without_printed_panels(env, _form("historique", GROWTH, SITES))
    assert later["spec"]["vconcat"] == [SITES]  # its own panel only
    assert note == {"chapters/resilience:figure-series": ["Croissance (France)"]}
    line = repeated_note("chapters/resilience:figure-series", ["Croissance (France)"])
    assert "\\ref{\\detokenize{chapters/resilience:figure-series}}" in line and "croissance (France)" in line


def test_a_figure_all_of_whose_panels_are_printed_before_is_not_printed_and_a_different_panel_is():
    env = _env(ORDER)
    env.docname = "chapters/resilience"
    without_printed_panels(env, _form("series", GROWTH, JOBS))
    env.docname = "chapters/offshore"
    assert without_printed_panels(env, _form("historique", JOBS, GROWTH))[0] is None
    # the same title with other values (another edition's selection) is another panel: printed
    other = _panel("Effectifs", [(2008, "55 000"), (2010, "64 000")])
    kept, _ = without_printed_panels(env, _form("encore", other, GROWTH))
    assert kept["spec"]["vconcat"] == [other]


def test_a_chart_that_is_no_column_of_panels_is_printed_whole_and_pages_are_read_in_the_pdf_s_order():
    assert panel_keys({"layer": []}) == [] and panel_keys({"vconcat": [GROWTH]}) == []
    env = _env(ORDER)
    docnames = ["chapters/synthesis", "chapters/offshore", "chapters/introduction", "chapters/resilience"]
    read_in_print_order(SimpleNamespace(builder=SimpleNamespace(format="latex")), env, docnames)
    # the root, the front matter (« L'essentiel » opens the PDF), then the table of contents' order
    assert docnames == ["chapters/introduction", "chapters/synthesis", "chapters/resilience", "chapters/offshore"]


def test_the_series_of_one_or_two_years_are_printed_as_a_table_under_the_chart():
    """Issue 27 (print editor, 2024 book): panels of one or two points, each as tall as a panel of twenty years,
    spread Fig. 10 and Fig. 29 over four pages each. In print they leave the chart for a table under it, each
    value as the text writes it with its year; a chart with no longer series is left whole."""
    from barometre.sphinx_ext.printing import sparse_table, without_sparse_panels

    long = _panel("Croissance (France)", [(2005, "14,5 %"), (2006, "7,7 %"), (2007, "9 %")])
    form, sparse = without_sparse_panels(_form("historique", long, SITES, JOBS))
    assert form["spec"]["vconcat"] == [long]
    assert sparse == [("Positions par site", [(2009, "352"), (2011, "381")]),
                      ("Effectifs", [(2008, "55 000"), (2009, "60 000")])]
    table = sparse_table(sparse)
    assert "\\begin{tabular}" in table and "Positions par site & 2009 & 352\\barometreunit{}{}\\\\" in table
    assert " & 2011 & 381\\barometreunit{}{}\\\\" in table and "Effectifs & 2008 & 55 000\\barometreunit{}{}\\\\" in table
    whole = _form("deux", SITES, JOBS)
    assert without_sparse_panels(whole) == (whole, [])


def test_the_forms_drawn_before_the_latex_build_are_the_forms_it_prints(tmp_path):
    """``Builder.pdf`` draws the print charts beforehand into a cache the LaTeX build reads: it draws them as the
    PDF prints them (in the PDF's order, without the panels printed before nor the series of one or two years),
    or the LaTeX build would draw the reduced figures again."""
    import json

    from barometre.charts import PRINT_MIME
    from barometre.sphinx_ext.printing import forms_as_printed

    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: chapters/introduction\nchapters:\n"
                                       "- file: chapters/resilience\n- file: chapters/offshore\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("sphinx:\n  config:\n    barometre_front_matter: {}\n", encoding="utf-8")
    (tmp_path / "chapters").mkdir()
    long = _panel("Croissance (offshore)", [(2005, "91 %"), (2006, "81 %"), (2007, "39 %")])

    def notebook(name: str, *forms: dict) -> None:
        cells = [{"cell_type": "code", "source": "", "metadata": {}, "execution_count": 1,
                  "outputs": [{"output_type": "display_data", "metadata": {}, "data": {PRINT_MIME: f}} for f in forms]}]
        (tmp_path / "chapters" / f"{name}.ipynb").write_text(json.dumps({"cells": cells}), encoding="utf-8")

    notebook("introduction")
    notebook("offshore", _form("historique", GROWTH, long, SITES))
    notebook("resilience", _form("series", GROWTH, long))
    forms = forms_as_printed(tmp_path)
    assert [f["name"] for f in forms] == ["series", "historique"]  # the PDF's order, not the files'
    assert forms[0]["spec"]["vconcat"] == [long]  # (its series of two years in its table)
    # its panels printed before left out, and its series of two years too: nothing of its own to draw but a table
    assert forms[1]["spec"]["vconcat"] == [SITES]


def test_the_table_of_short_series_sets_its_values_on_the_decimal_comma():
    """printed46 (2024 book, Fig. 22 part 2): « 64 % » over « 14,6 % », both flush right, the units in one column
    and the integers not. Each value's unit goes in a box as wide as the column's widest, and a value with fewer
    decimals is padded by the missing « ,0 »: the integer parts line up, as in the tables the text sets."""
    from barometre.sphinx_ext.printing import sparse_table

    table = sparse_table([("Part du coût de personnel", [(2008, "64\u00a0%")]),
                          ("Part de l'intérim", [(2004, "14,6\u00a0%"), (2005, "environ 7\u00a0%")])])
    rows = [line for line in table.split("\n") if line.endswith("\\\\") and " & 20" in line]
    assert len(rows) == 3
    assert rows[0].endswith("64\\barometreunit{\\do{~\\%}}{~\\%}\\phantom{,0}\\\\"), rows[0]
    assert rows[1].endswith("14,6\\barometreunit{\\do{~\\%}}{~\\%}\\\\"), rows[1]
    assert "environ~7\\barometreunit" in rows[2] or "environ\u00a07\\barometreunit" in rows[2], rows[2]
