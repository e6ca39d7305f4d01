"""The print path's small rules (fast): the title page's lines, typographic apostrophes in charts."""

from __future__ import annotations

import itertools
import json

import altair as alt
import pandas as pd
import pytest

from barometre.build import balanced_lines, latex_escape, pdf_metadata
from barometre.charts import chart_output
from barometre.charts.value_labels import _crosses, _overlap


def _label_box(text: str, anchor: str, x: float, y: float, *, ascent: float, descent: float) -> tuple:
    """The box of a printed label drawn at (x, y) with ``text-anchor`` ``anchor``: its measured width,
    ``ascent`` and ``descent`` in label sizes above and below the baseline."""
    from barometre.charts import PRINT_LABEL_SIZE, label_width

    width = label_width(text)
    x0 = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return x0, y - ascent * PRINT_LABEL_SIZE, x0 + width, y + descent * PRINT_LABEL_SIZE


def _text_boxes(svg: str, at: str, *, ascent: float, descent: float) -> list[tuple[str, tuple]]:
    """Every text mark of a drawn chart (SVG) with its box; ``at`` matches its translate(x, y)."""
    import re

    return [(text, _label_box(text, anchor, float(x), float(y), ascent=ascent, descent=descent))
            for anchor, x, y, text in re.findall(r'<text[^>]*aria-roledescription="text mark" text-anchor="(\w+)" '
                                                 + at + r'[^>]*>([^<]*)</text>', svg)]


def test_a_long_title_breaks_into_balanced_lines_never_after_a_short_word():
    assert balanced_lines("Le baromètre des outsourceurs de la relation client") == [
        "Le baromètre des outsourceurs", "de la relation client"]
    lines = balanced_lines("L’outsourcing ne connaît pas la crise : le baromètre")
    assert all(line.split()[-1] not in {"le", "la", "de"} for line in lines)
    assert balanced_lines("Le baromètre") == ["Le baromètre"]


def test_latex_text_gets_the_typographic_apostrophe():
    assert latex_escape("L'équipe & co") == "L’équipe \\& co"


def test_the_pdf_metadata_names_the_edition_and_the_language():
    meta = pdf_metadata({"title": "Le baromètre — édition 2009", "author": "L'équipe"}, 2009)
    assert "pdflang={fr-FR}" in meta and "pdfauthor={L’équipe}" in meta
    assert "édition 2009" in meta.split("pdfsubject=")[1]


def test_print_charts_use_the_typographic_apostrophe_in_text_not_in_code():
    df = pd.DataFrame({"contrat": ["Paiement à l'appel"], "v": [1]})
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("v:Q", title="Chiffre d'affaires"),
        color=alt.Color("contrat:N", scale=alt.Scale(domain=["Paiement à l'appel"])),
    ).transform_filter("datum.v > 0")
    spec = chart_output(chart, name="a", title="T", source="S", description="D").print_spec()
    text = str(spec)
    assert "Chiffre d’affaires" in text and "Paiement à l’appel" in text
    assert "d'affaires" not in text and "l'appel" not in text
    assert spec["transform"][0]["filter"] == "datum.v > 0"


def test_a_print_chart_is_byte_identical_from_one_process_to_the_next():
    """vl-convert numbers a PDF's fonts in a per-process order: print charts use one font and one
    weight, so that two builds give the same bytes (the web's bold titles and labels included)."""
    import subprocess
    import sys

    script = (
        "import hashlib, altair as alt, pandas as pd\n"
        "from barometre.charts import chart_output\n"
        "df = pd.DataFrame({'a': ['x', 'y'], 'v': [1, 2]})\n"
        "base = alt.Chart(df).encode(y='a:N', x='v:Q')\n"
        "c = (base.mark_bar() + base.mark_text(fontWeight='bold', dx=8).encode(text='v:Q'))"
        ".properties(title=alt.TitleParams('T', fontWeight='bold'))\n"
        "out = chart_output(c, name='x', title='T', source='S', description='D')\n"
        "print(hashlib.sha256(b''.join(out.pdfs())).hexdigest())\n"
    )
    digests = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              check=True).stdout for _ in range(4)}
    assert len(digests) == 1


def test_a_range_is_bound_in_print():
    from barometre.sphinx_ext import bind_ranges

    assert bind_ranges("de 20 à 25\u00a0%") == "de 20\u00a0à\u00a025\u00a0%"
    assert bind_ranges("de 2008 à 2011, à 3 ans") == "de 2008\u00a0à\u00a02011, à 3 ans"


def test_a_panel_taller_than_a_page_is_cut_between_its_rows():
    from barometre.charts import PRINT_MAX_HEIGHT, PRINT_WIDTH
    from barometre.charts.printing import _drawn_size

    rows = [{"panneau": "A", "indicateur": f"Indicateur {i}", "v": i} for i in range(40)]
    rows += [{"panneau": "B", "indicateur": f"Autre {i}", "v": i} for i in range(3)]
    chart = (alt.Chart(pd.DataFrame(rows)).mark_point()
             .encode(y=alt.Y("indicateur:N", sort=None), x="v:Q")
             .properties(width=250, height=alt.Step(40))
             .facet(row=alt.Row("panneau:N")).resolve_scale(y="independent"))
    parts = chart_output(chart, name="t", title="T", source="S", description="D").print_parts()
    assert len(parts) >= 3
    for part in parts:
        width, height = _drawn_size(part)
        assert height <= PRINT_MAX_HEIGHT and width <= PRINT_WIDTH + 2


def test_the_yearly_panels_print_every_value_as_the_text_writes_it_and_the_web_leaves_it_to_the_pointer():
    from barometre import load
    from barometre.charts import PRINT_ONLY
    from barometre.history import history_chart, yearly_history
    from barometre.paths import DATA_DIR

    ds = load(DATA_DIR)
    table = yearly_history(ds, ds.indicators_for("resilience"), 2011)
    assert len(set(table["panneau"])) > 2 and any("\u00a0M€" in t for t in table["texte"])
    out = history_chart(table, name="h", title="T", edition=2011)
    panels = out.print_spec()["concat"]
    printed = 0
    for panel in panels:
        texts = [layer for layer in panel["layer"] if layer["mark"]["type"] == "text"]
        # the values, and the label of a break in the series (« rupture »), if any
        assert texts and "texte" in {t["encoding"]["text"]["field"] for t in texts}
        assert {t["encoding"]["text"]["field"] for t in texts} <= {"texte", "rupture"}
        printed += len(texts)
    dumped = json.dumps(out.print_spec(), ensure_ascii=False)
    assert all(f'"texte": {json.dumps(t, ensure_ascii=False)}' in dumped for t in table["texte"])
    assert PRINT_ONLY not in json.dumps(out.web_spec())


def test_value_labels_are_placed_clear_of_each_other_the_points_and_the_line():
    from barometre.charts import PRINT_LABEL_SIZE, label_width, place_value_labels
    from barometre.charts.value_labels import _box

    # a rising line with close, wide labels, a peak at the top edge and a trough at the bottom edge
    points = [(10 + 20 * i, y, text) for i, (y, text) in enumerate(
        [(80, "environ 7\u00a0%"), (60, "1\u202f390\u00a0M€"), (0, "environ 18\u00a0%"), (80, "5\u00a0%"),
         (50, "9\u00a0%"), (68, "11,7\u00a0%"), (40, "plus de 88\u00a0%"), (38, "80\u00a0%")])]
    places = place_value_labels(points, 170, 80)
    boxes = [_box(p, x, y, label_width(t), PRINT_LABEL_SIZE * 1.05) for p, (x, y, t) in zip(places, points, strict=True)]
    for i, a in enumerate(boxes):
        assert all(_overlap(a, b) == 0 for b in boxes[i + 1:]), (i, places)
        assert not any(_crosses(a, p[:2], q[:2]) for p, q in itertools.pairwise(points)), (i, places)
        assert all(_overlap(a, (x - 4.2, y - 4.2, x + 4.2, y + 4.2)) == 0 for j, (x, y, _) in enumerate(points) if j != i)


def test_the_references_name_the_article_and_each_edition_s_study_publisher_and_reporting_publications(tmp_path):
    """The article (author, title, magazine, year, and that its issue and pages are not known until the
    data give them) and, for each edition, the study's title and publisher, from data/sources.csv."""
    import shutil

    from barometre import load
    from barometre.chapters.sources import references_markdown
    from barometre.paths import DATA_DIR

    text = references_markdown(load(DATA_DIR), 2011)
    article = text.split("\n\n")[0]
    assert "Claire Morel" in article and "Relation Client Magazine" in article and "2009" in article
    assert "numéro et pages de l’édition imprimée : non connus" in article
    for edition in range(2005, 2012):
        assert f"- Édition {edition} : *" in text, edition
    assert "BearingPoint et SP2C" in text and "KPMG et SP2C" in text
    assert "- Édition 2012" not in text and "Édition 2009" not in references_markdown(load(DATA_DIR), 2008)

    # once the data give the issue and the pages, the reference prints them instead
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    import csv
    import hashlib
    import io

    import yaml

    path = data / "sources.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in rows:
        row["publication_issue"] = "n° 99" if row["source"] == "claire_morel" else ""
        row["publication_pages"] = "p. 1-2" if row["source"] == "claire_morel" else ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    meta = data / "sources.csv.meta.yaml"
    sidecar = yaml.safe_load(meta.read_text(encoding="utf-8"))
    sidecar["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    meta.write_text(yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=False), encoding="utf-8")
    article = references_markdown(load(data), 2011).split("\n\n")[0]
    assert "non connus" not in article, article
    assert "n° 99, p\\. 1\\-2" in article, article


def test_a_chart_of_lines_year_by_year_prints_each_value_once_and_the_web_does_not():
    from barometre.charts import PRINT_ONLY

    rows = [{"année": y, "série": s, "indice": v, "texte": f"{v:.1f}".replace(".", ",")}
            for s, values in (("Smic", [100, 104.1, 106.6, 112.2]), ("Prix", [100, 101.6, 103.6, 105.8]))
            for y, v in zip(range(2000, 2004), values, strict=True)]
    chart = alt.Chart(pd.DataFrame(rows)).mark_line(point=True).encode(
        x=alt.X("année:Q"), y=alt.Y("indice:Q", scale=alt.Scale(zero=False)), color="série:N")
    out = chart_output(chart, name="i", title="T", source="S", description="D")
    spec = out.print_spec()
    labels = [r for layer in spec["layer"] if layer["mark"]["type"] == "text" for r in layer["data"]["values"]]
    assert sorted(r["texte"] for r in labels) == sorted({r["texte"] for r in rows} | {"100,0"})
    assert [r["texte"] for r in labels].count("100,0") == 1  # the common base is written once
    assert PRINT_ONLY not in json.dumps(out.web_spec())


def test_the_printed_dashboard_sets_its_labels_beside_the_dots_and_leaves_no_run_alone():
    """The dashboard (31 indicators in 2011) printed its labels above the dots, one indicator per
    58 pt, over four pages, the last holding three rows: in print the labels make a column beside
    the dots, and a panel too tall for a page is cut into runs that fill a page each, the last not under a
    quarter of a page's budget (the parts float: the text fills the page around a short last one)."""
    from barometre import load
    from barometre.chapters import synthesis
    from barometre.charts.printing import _drawn_size
    from barometre.charts.theme import PRINT_MAX_HEIGHT
    from barometre.paths import DATA_DIR

    ds = load(DATA_DIR)
    table = synthesis.dashboard_table(ds, 2011)
    out = synthesis.dashboard_chart(table, synthesis.dashboard_figures(ds, 2011), 2011)
    heights = [_drawn_size(part)[1] for part in out.print_parts()]
    rows = len(table)
    assert sum(heights) / rows < 32, heights  # pt per indicator, legends and axes included
    assert min(heights) > PRINT_MAX_HEIGHT / 4 and max(heights) <= PRINT_MAX_HEIGHT, heights
    y_axes = [layer["encoding"]["y"].get("axis", {}) for layer in out.print_spec()["spec"]["layer"]
              if "y" in layer.get("encoding", {})]
    assert y_axes and all("labelOffset" not in axis for axis in y_axes)  # the label beside, not above


def _svg_texts(spec: dict) -> list[str]:
    import re

    import vl_convert as vlc

    from barometre.charts import LOCALE

    svg = vlc.vegalite_to_svg(spec, format_locale=LOCALE, time_format_locale=LOCALE)
    return [t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def test_a_models_curves_print_their_end_values_and_its_marked_points_theirs():
    """What the web gives on hover, print writes: each curve's value at its right end, each marked
    point's value (an assumption of the book) beside it; the web chart is unchanged."""
    from barometre.charts import print_spec_of

    curves = [{"x": x, "y": y, "c": c} for c, a in (("a", 1.0), ("b", 3.0)) for x, y in ((0, a), (10, a + 1.25))]
    spec = {"height": 200, "layer": [
        {"mark": {"type": "line"}, "data": {"values": curves},
         "encoding": {"x": {"field": "x", "type": "quantitative", "axis": None}, "y": {"field": "y", "type": "quantitative", "axis": None},
                      "color": {"field": "c", "type": "nominal"}}},
        {"mark": {"type": "point", "filled": True}, "data": {"values": [{"x": 4, "y": 1.5}]},
         "encoding": {"x": {"field": "x", "type": "quantitative", "axis": None}, "y": {"field": "y", "type": "quantitative", "axis": None}}},
    ]}
    texts = _svg_texts(print_spec_of(spec))
    assert {"2,25", "4,25", "1,5"} <= set(texts)  # the two curves' ends and the point, in French
    assert "1" not in texts and "3" not in texts  # not every point of a curve: its end
    assert len(spec["layer"]) == 2  # the web's spec is left as it was: the labels are the print form's


def test_a_point_the_chart_labels_already_is_not_labelled_twice():
    from barometre.charts import print_spec_of

    point = {"values": [{"x": 4, "y": 1.5, "t": "1,5 %"}]}
    spec = {"height": 200, "layer": [
        {"mark": {"type": "point", "filled": True}, "data": point,
         "encoding": {"x": {"field": "x", "type": "quantitative", "axis": None}, "y": {"field": "y", "type": "quantitative", "axis": None}}},
        {"mark": {"type": "text", "dx": 8}, "data": point,
         "encoding": {"x": {"field": "x", "type": "quantitative", "axis": None}, "y": {"field": "y", "type": "quantitative", "axis": None},
                      "text": {"field": "t", "type": "nominal"}}},
    ]}
    texts = _svg_texts(print_spec_of(spec))
    assert texts.count("1,5 %") == 1 and "1,5" not in texts


def test_a_bound_s_arrow_in_a_yearly_panel_keeps_clear_of_the_printed_values():
    """A yearly panel's labels were placed on the domain of the values alone, while the panel draws
    the bounds' arrows too (« plus de 88 % » in 2005, its arrow up to 101): every label sat off its
    computed place, « plus de 88 % » under its own arrow. Read from the drawn print chart (SVG):
    no value's label crosses an arrow, nor lies on its point or its arrowhead."""
    import re

    import vl_convert as vlc

    from barometre import load
    from barometre.charts import LOCALE
    from barometre.history import BREAK_LABEL, history_chart, yearly_history
    from barometre.paths import DATA_DIR

    ds = load(DATA_DIR)
    table = yearly_history(ds, ds.indicators_for("offshore"), 2011)
    for name in ("activité France", "Effectifs du secteur (France)"):
        panel = table[table["panneau"].str.contains(name, regex=False)]
        assert (panel["borne"] != 0).any(), name
        svg = vlc.vegalite_to_svg(history_chart(panel, name="h", title="T", edition=2011).print_spec(),
                                  format_locale=LOCALE, time_format_locale=LOCALE)
        at = r'transform="translate\(([-\d.]+),([-\d.]+)\)'
        arrows: dict[str, dict[str, tuple[float, float]]] = {}
        for year, field, x, y in re.findall(r'aria-label="année: (\d{4}); (flèche|valeur): [^"]*"[^>]*?aria-roledescription="point" ' + at, svg):
            arrows.setdefault(field, {})[year] = (float(x), float(y))
        tips = arrows.get("flèche", {})
        assert tips, name
        boxes = [(text, box) for text, box in _text_boxes(svg, at, ascent=0.8, descent=0.25)
                 if text != BREAK_LABEL]  # the values' labels (a break's label is at the foot of its rule)
        assert len(boxes) == len(panel), (name, boxes)
        for year, tip in tips.items():
            base = arrows["valeur"][year]
            for text, box in boxes:
                assert not _crosses(box, base, tip), (name, year, text, box, base, tip)
                assert _overlap(box, (tip[0] - 4, tip[1] - 4, tip[0] + 4, tip[1] + 4)) == 0, (name, year, text)


def test_a_bar_s_name_above_it_prints_at_the_print_leading_with_no_grid_line_through_it():
    """Bars named above them (row_labels): in print the web's 15 px between two 12 px lines left
    15 pt between two 8,6 pt lines (« Écart de salaire, grands groupes / » far above
    « outsourceurs »), and the vertical grid ran through the names. Read from the drawn print chart."""
    import re

    import vl_convert as vlc

    from barometre.charts import LOCALE, row_labels

    table = pd.DataFrame({"indicateur": ["Écart de salaire, grands groupes / outsourceurs", "Autre"], "v": [65, 30]})
    bars = alt.Chart(table).mark_bar(size=10).encode(y=alt.Y("indicateur:N", axis=None), x="v:Q")
    out = chart_output(bars + row_labels(table, "indicateur", bar_size=10), name="r", title="T", source="S",
                       description="D")
    svg = vlc.vegalite_to_svg(out.print_spec(), format_locale=LOCALE, time_format_locale=LOCALE)
    lines = {text: (float(x), float(y), float(size)) for x, y, size, text in re.findall(
        r'<text[^>]*translate\(([-\d.]+),([-\d.]+)\)"[^>]*font-size="([\d.]+)px"[^>]*>([^<]*)</text>', svg)}
    (left, first, size), (_, second, _) = lines["Écart de salaire, grands groupes /"], lines["outsourceurs"]
    assert 0 < second - first <= 1.3 * size, (first, second, size)
    bar_left = float(re.search(r'role-mark[^"]*"[^>]*>\s*<path[^>]*d="M([-\d.]+),', svg).group(1))
    assert left >= bar_left + 2, (left, bar_left)  # the name stands off the plot's edge
    assert "role-axis-grid" not in svg  # no grid line runs through the names
    web = vlc.vegalite_to_svg(out.web_spec(), format_locale=LOCALE, time_format_locale=LOCALE)
    assert "role-axis-grid" in web  # the web chart keeps its grid


def test_a_white_value_label_on_a_light_bar_prints_dark():
    """White value labels on their bars: on the light grey « 23 % » and the orange « 1 400 € » they
    were under a 2:1 contrast at 7 pt in print. In print a label on a light bar is dark, on a dark
    bar white; the web chart is unchanged. Read from the drawn print chart."""
    import re

    import vl_convert as vlc

    from barometre.charts import LOCALE

    table = pd.DataFrame({"mesure": ["CA", "CA"], "part": ["France", "Reste"], "v": [77, 23],
                          "texte": ["77\u00a0%", "23\u00a0%"]})
    base = alt.Chart(table).encode(y=alt.Y("mesure:N"), x=alt.X("v:Q", stack="zero"))
    bars = base.mark_bar(size=30).encode(
        color=alt.Color("part:N", scale=alt.Scale(domain=["France", "Reste"], range=["#0072B2", "#c9c9c9"])))
    labels = base.mark_text(align="right", dx=-6, color="white").encode(text="texte:N")
    single = alt.Chart(table.iloc[:1]).encode(y="mesure:N", x="v:Q")
    orange = single.mark_bar(color="#E69F00") + single.mark_text(align="right", dx=-6, color="white").encode(text="texte:N")
    for chart, expected in ((bars + labels, {"77\u00a0%": "#ffffff", "23\u00a0%": "#222222"}),
                            (orange, {"77\u00a0%": "#222222"})):
        out = chart_output(chart, name="c", title="T", source="S", description="D")
        svg = vlc.vegalite_to_svg(out.print_spec(), format_locale=LOCALE, time_format_locale=LOCALE)
        fills = {text: fill for fill, text in re.findall(r'<text[^>]*fill="([^"]+)"[^>]*>([^<]*)</text>', svg)}
        assert {t: fills.get(t) for t in expected} == expected, fills
        assert '"color": "white"' in json.dumps(out.web_spec())  # the web's labels stay white


def test_the_printed_time_line_of_openings_writes_each_opening_under_its_dot_in_one_colour():
    """Print has no pointer: each sector opening is written under its dot (inside the text width: a
    label starts at a dot on the left, ends at one on the right), and the dots take one colour, the
    rows naming the sector (coloured dots with no legend said nothing). The web chart is unchanged."""
    import vl_convert as vlc

    from barometre.chapters.resilience import sectors_chart
    from barometre.charts import LOCALE

    events = pd.DataFrame({"année": [2006, 2007, 2009], "date_texte": ["2006", "juillet 2007", "2009"],
                           "secteur": ["Services publics", "Énergie", "Services publics"],
                           "target": ["numéro spécial sur la grippe aviaire", "marché de l'énergie",
                                      "service d'information sur la grippe A"],
                           "actor": ["gouvernement", "État (France)", "État"], "quote": ["q1", "q2", "q3"]})
    out = sectors_chart(events, "Source")
    spec = out.print_spec()
    texts = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    assert sorted(layer["mark"]["align"] for layer in texts) == ["center", "left", "right"]
    assert {layer["encoding"]["text"]["field"] for layer in texts} == {"objet"}
    dots = [layer for layer in spec["layer"] if layer["mark"]["type"] == "point"]
    assert len(dots) == 1 and "color" not in dots[0]["encoding"] and dots[0]["mark"]["color"]
    svg = vlc.vegalite_to_svg(spec, format_locale=LOCALE, time_format_locale=LOCALE)
    for target in events["target"]:
        assert target.replace("'", "’") in svg
    web = json.dumps(out.web_spec(), ensure_ascii=False)
    assert '"color": {"field": "secteur"' in web and "numéro spécial" not in web.split('"datasets"')[0]


def test_the_titles_of_a_row_of_yearly_panels_in_print_start_and_end_on_the_same_lines():
    """A row of two yearly panels in print: a title on one line beside one on two, and labels rising
    more above one plot than the other, set the titles at different heights (the 2011 chapter on
    offshore: « Croissance du chiffre d’affaires » sat between the lines of its neighbour's). Read
    from the drawn chart: in each row, the plots and the titles start at the same height, and the
    titles have as many lines."""
    import re

    import vl_convert as vlc

    from barometre import load
    from barometre.charts import LOCALE
    from barometre.history import history_chart, yearly_history
    from barometre.paths import DATA_DIR

    ds = load(DATA_DIR)
    table = yearly_history(ds, ds.indicators_for("offshore"), 2011)
    spec = history_chart(table, name="h", title="T", edition=2011).print_spec()
    svg = vlc.vegalite_to_svg(spec, format_locale=LOCALE, time_format_locale=LOCALE)
    chunks = re.split(r'class="mark-group role-scope concat_\d+_group"', svg)[1:]
    assert len(chunks) == len(spec["concat"]) >= 4
    at = r'<g transform="translate\(([-\d.e]+),([-\d.e]+)\)"'
    plots = [float(re.match(r'[^>]*>' + at, chunk).group(2)) for chunk in chunks]
    titles = [float(re.search(r'class="mark-group role-title">' + at, chunk).group(2)) for chunk in chunks]
    lines = [len(re.findall(r"<tspan", re.search(r'role-title-text.*?</text>', chunk).group(0)) or [1])
             for chunk in chunks]
    rows = [range(i, min(i + spec["columns"], len(chunks))) for i in range(0, len(chunks), spec["columns"])]
    uneven = [list(r) for r in rows if len({plots[i] for i in r}) > 1 or max(titles[i] for i in r) - min(titles[i] for i in r) > 0.1
              or len({lines[i] for i in r}) > 1]
    assert uneven == [], [(r, [plots[i] for i in r], [titles[i] for i in r], [lines[i] for i in r]) for r in uneven]


def test_no_value_label_of_the_yearly_panels_touches_a_bound_s_arrowhead():
    """In print, the 2009 book's panel « Effectifs du secteur (France) » wrote « environ 64 000 » against
    the head of the arrow of « plus de 55 000 » (its geometry is predicted within a few points). Read
    from the drawn chart, every panel: each value's label keeps at least a point clear of every
    arrowhead (the triangle Vega draws)."""
    import re

    import vl_convert as vlc

    from barometre import load
    from barometre.charts import LOCALE
    from barometre.history import history_chart, yearly_history
    from barometre.paths import DATA_DIR

    ds = load(DATA_DIR)
    at = r'transform="translate\(([-\d.e]+),([-\d.e]+)\)"'
    checked, touching = 0, []
    for edition in (2009, 2011):
        table = yearly_history(ds, ds.indicators_for("offshore"), edition)
        spec = history_chart(table, name="h", title="T", edition=edition).print_spec()
        svg = vlc.vegalite_to_svg(spec, format_locale=LOCALE, time_format_locale=LOCALE)
        for chunk in re.split(r'class="mark-group role-scope concat_\d+_group"', svg)[1:]:
            heads = []
            for x, y, path in re.findall(r'aria-label="année: \d{4}; flèche: [^"]*"[^>]*?' + at + r' d="([^"]+)"', chunk):
                coords = [float(v) for v in re.findall(r"-?[\d.]+", path)]
                xs, ys = coords[0::2], coords[1::2]
                heads.append((float(x) + min(xs), float(y) + min(ys), float(x) + max(xs), float(y) + max(ys)))
            labels = _text_boxes(chunk, at, ascent=0.75, descent=0.2)
            for head in heads:
                checked += 1
                touching += [(edition, text) for text, box in labels
                             if _overlap((box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1), head) > 0]
    assert checked >= 4, "the offshore panels draw bounds: the test would prove nothing"
    assert touching == []


def test_the_printed_smic_and_prices_chart_writes_each_value_clear_of_the_lines_and_the_other_points():
    """The three lines of the Smic and prices chart start together at 100 and stay a few points apart
    in the first years: in print their values ran over the other lines (« 101,6 » on the Smic in
    constant euros) and the points. Read from the drawn chart (2011 edition): no value's label is
    crossed by a line or lies on a point but its own; each line's labels are in its colour, the
    common 100 in the book's ink."""
    import re

    import vl_convert as vlc

    from barometre import load
    from barometre.chapters import prices as ch
    from barometre.charts import LOCALE
    from barometre.paths import DATA_DIR

    ds = load(DATA_DIR)
    price = ds.known("production_hour_price_change_since_2000", 2011)
    start, end = ch.period_years(price.period, 2011)
    years = ch.available_years(ds, start, max(end, 2011))
    out = ch.index_chart(ch.index_table(ds, years), ch.price_band(price, years, start, end), [price], start)
    svg = vlc.vegalite_to_svg(out.print_spec(), format_locale=LOCALE, time_format_locale=LOCALE)
    at = r'transform="translate\(([-\d.e]+),([-\d.e]+)\)"'
    points = [(year, value, series, float(x), float(y)) for year, value, series, x, y in re.findall(
        r'aria-label="année: (\d{4}); Indice, \d{4} = 100: ([\d,]+); série: ([^;]+);[^"]*"[^>]*?'
        r'aria-roledescription="point" ' + at, svg)]
    lines: dict[str, list[tuple[float, float]]] = {}
    for _year, _value, series, x, y in sorted(points, key=lambda p: p[0]):
        lines.setdefault(series, []).append((x, y))
    assert len(lines) == 3 and all(len(line) >= 8 for line in lines.values()), lines.keys()
    labels = re.findall(r'<text aria-label="année: (\d{4}); Indice, \d{4} = 100: ([\d,]+); texte: [^"]*"[^>]*?'
                        r'text-anchor="(\w+)" ' + at + r'[^>]*fill="(#\w+)"[^>]*>([^<]*)</text>', svg)
    assert len(labels) >= 25, len(labels)
    clashes, colours = [], {}
    for year, value, anchor, x, y, fill, text in labels:
        x, y = float(x), float(y)
        box = _label_box(text, anchor, x, y, ascent=0.75, descent=0.2)
        mine = [p for p in points if (p[0], p[1]) == (year, value)]
        assert mine, (year, value)
        # its point, and where lines meet on the value it writes once, theirs
        own = [p for p in points if p[0] == year and abs(p[4] - mine[0][4]) < 2]
        colours.setdefault(fill, set()).update(p[2] for p in own)
        for series, line in lines.items():
            for p, q in itertools.pairwise(line):
                if _crosses(box, p, q):
                    clashes.append((text, "crosses", series))
        for p in points:
            if p not in own and _overlap(box, (p[3] - 4.2, p[4] - 4.2, p[3] + 4.2, p[4] + 4.2)) > 0:
                clashes.append((text, "on the point", p[:3]))
    assert clashes == []
    assert len(colours) == 4 and "#222" in colours, colours  # three lines' colours and the ink of the common 100
    assert all(len(names) == 1 for fill, names in colours.items() if fill != "#222"), colours


def test_the_yearly_panels_place_their_printed_values_on_the_plots_as_the_pdf_draws_them():
    """Issue 27 (print editor, 2024 book pp. 13, 20–21, 44): the values of the yearly panels were placed on a plot
    predicted when the chapter built the chart (173 pt wide), printed 166 pt wide once fitted to the text width,
    and landed on lines and neighbours. In print, each panel's labels are placed again on its measured plot."""
    from barometre import history, load
    from barometre.charts.panel_labels import _plot_sizes
    from barometre.charts.printing import print_spec_of

    ds = load()
    table = history.yearly_history(ds, ds.indicators_for("resilience"), 2024)
    out = history.history_chart(table, name="h", title="T", edition=2024)
    spec = print_spec_of(out.print_form()["spec"])
    sizes = _plot_sizes(spec)
    predicted = history.print_plot_size(table, len(set(table["panneau"])))
    assert any(abs(w - predicted[0]) > 2 for w, _ in sizes if w)  # the prediction is off: the test can fail
    for panel, size in zip(spec["concat"], sizes, strict=True):
        rows = pd.DataFrame(panel["data"]["values"]).sort_values("année", kind="stable")
        years = panel["layer"][0]["encoding"]["x"]["scale"]["domain"]
        assert list(rows["_place"]) == history._label_places(rows, years, size, zero=True)
        drawn = {layer["transform"][0]["filter"]["equal"] for layer in panel["layer"]
                 if str(layer.get("name", "")).startswith("print-only")}
        assert drawn == set(rows["_place"])  # a text layer for each place taken, and none for a place left


def test_a_value_label_keeps_clear_of_a_break_s_rule():
    """A break's dashed rule runs through the plot at its year: « 13 % » centred over its point was cut by it
    (« 13|% ») in the 2024 book. The rule is kept clear of labels like a line."""
    from barometre import history
    from barometre.charts.value_labels import PLACES

    rows = pd.DataFrame({"année": [2010, 2011, 2012, 2013], "valeur": [5.0, 8.0, 5.0, 10.0],
                         "bas": [5.0, 8.0, 5.0, 10.0], "haut": [5.0, 8.0, 5.0, 10.0], "borne": [0, 0, 0, 0],
                         "texte": ["5 %", "8 %", "5 %", "10 %"], "rupture": ["", "rupture", "", ""]})
    places = history._label_places(rows, [2010, 2011, 2012, 2013], (166, 80), zero=True)
    assert PLACES[places[1]][0] != "center", places  # the peak of 2011 is not written across its rule


def test_a_print_chart_writes_superscripts_in_its_one_font():
    """Issue 27: the legend of the 2024 book's Fig. 24, « Smic mensuel brut (1ᵉʳ juillet) », was drawn in DejaVu
    Serif, the fallback for the modifier letters ᵉ and ʳ that the print font lacks. In print, « 1er »; the code of
    the spec (field names, expressions) is left as it is."""
    import unicodedata

    from barometre.charts.printing import print_spec_of

    rows = pd.DataFrame({"année": [2008, 2009], "valeur": [1000, 1050],
                         "série": ["Smic mensuel brut (1ᵉʳ juillet)"] * 2})
    chart = alt.Chart(rows).mark_line().encode(x="année:O", y="valeur:Q", color=alt.Color("série:N", title="Série"))
    spec = print_spec_of(chart.to_dict())
    text = json.dumps(spec, ensure_ascii=False)
    assert "Smic mensuel brut (1er juillet)" in text
    assert not any(unicodedata.decomposition(c).startswith("<super>") and c.isalpha() for c in text)


def test_a_crowded_yearly_panel_prints_across_the_text_width_its_labels_clear_of_marks_and_each_other():
    """Issue 27 (print editor, 2024 book p. 13): in a panel half the text wide, the thirteen values of « Chiffre
    d'affaires du secteur » (« environ 1 920 M€ »…) were printed on each other, on points and lines, or far from
    their points. In print a crowded panel takes the whole width, after the others (still in two columns); measured
    on the drawn charts (``measure_labels``), no label of the 2024 panels lies on another, on a point or on a line."""
    from measure_labels import label_defects

    from barometre import history, load
    from barometre.charts.printing import _drawn_size, crowded_panels, print_parts_of

    ds = load()
    table = history.yearly_history(ds, ds.indicators_for("resilience"), 2024)
    spec = history.history_chart(table, name="h", title="T", edition=2024).print_form()["spec"]
    crowded = crowded_panels(spec)
    titles = [" ".join(p["title"]["text"]) if isinstance(p["title"]["text"], list) else p["title"]["text"]
              for p in spec["vconcat"]]
    assert any("Chiffre d'affaires du secteur" in titles[i] for i in crowded), titles
    assert len(crowded) < len(titles)  # the others stay in two columns
    parts = print_parts_of(spec)
    assert all(_drawn_size(part)[0] <= 470 for part in parts)
    defects = [d for part in parts for d in label_defects(part) if d[0] in ("label", "point", "line")]
    assert defects == []


def test_a_column_of_yearly_panels_prints_each_period_on_its_own_cut_axis():
    """Figures 3, 10 and 29 of the 2024 book ran every panel's axis to 2024 although several panels' data stop in
    2008–2014: half of each panel was blank (issue 27, print editor). In print, the panels are grouped by the
    period their data cover, each group's years' axis running from its first to its last year of data: no
    printed panel's data stop more than the group gap before its axis ends."""
    from barometre import history, load
    from barometre.charts.print_periods import (
        PERIOD_GAP,
        _cut_to_data,
        _data_years,
        _yearly_x,
        period_groups,
    )
    from barometre.sphinx_ext.printing import without_sparse_panels

    ds = load()
    cut = 0
    for chapter in ("resilience", "offshore", "partnership"):
        table = history.yearly_history(ds, ds.indicators_for(chapter), 2024)
        spec = without_sparse_panels({"spec": history.history_chart(table, name="h", title="T", edition=2024)
                                      .web_spec()})[0]["spec"]
        groups = period_groups(spec)
        everything = [_data_years(spec, p) for p in spec["vconcat"]]
        gap = max(PERIOD_GAP, (max(e[1] for e in everything) - min(e[0] for e in everything)) // 3)
        assert sorted(i for g in groups for i in g) == list(range(len(spec["vconcat"])))
        for group in groups:
            part = _cut_to_data({**spec, "vconcat": [spec["vconcat"][i] for i in group]})
            extents = [_data_years(part, p) for p in part["vconcat"]]
            for panel, (_, last) in zip(part["vconcat"], extents, strict=True):
                domain = _yearly_x(panel)[0]["scale"]["domain"]
                assert domain == list(range(min(e[0] for e in extents), max(e[1] for e in extents) + 1))
                assert domain[-1] - last <= gap, (chapter, panel["title"], domain)
                # a break's label takes its side from the cut axis, as the values placed by it do (``panel_labels``)
                late = domain[0] + (len(domain) * 2) // 3
                for layer in panel["layer"]:
                    if layer["encoding"].get("text", {}).get("field") == "rupture":
                        assert layer["transform"][0]["filter"].endswith(f" {late}"), layer["transform"]
            cut += domain[-1] < 2024
    assert cut >= 3  # the 2024 book's early series (2003–2014) print on axes that stop with them


@pytest.mark.parametrize("chapter", ["resilience", "offshore", "partnership"])
def test_each_printed_value_stands_at_its_own_point_clear_of_rules(chapter):
    """Issue 27 (print editor, 2024 book pp. 12, 13, 19, 42): « −2,8 % », the 2012 value, printed over the 2013
    point; « 1 100 M€ à 1 300 M€ » under the 2006 point; a break's rule through « environ 8 000 ». Measured on the
    printed parts as Vega draws them (``measure_labels``): no label is nearer, both by its middle's x and by its
    box, to another point than to its own (« misread »), and none lies on another label, a point or a line. (A
    break's dashed rule still crosses six labels of the 2024 book, a first year's wide label that no place clears
    within the plot: reported, not asserted.)"""
    from measure_labels import label_defects

    from barometre import history, load
    from barometre.charts.printing import print_parts_of
    from barometre.sphinx_ext.printing import without_sparse_panels

    ds = load()
    table = history.yearly_history(ds, ds.indicators_for(chapter), 2024)
    spec = without_sparse_panels({"spec": history.history_chart(table, name="h", title="T", edition=2024)
                                  .print_form()["spec"]})[0]["spec"]
    defects = [d for part in print_parts_of(spec) for d in label_defects(part)
               if d[0] in ("label", "point", "line", "misread")]
    assert defects == []
