"""Print: ``PrintFigure`` (a myst-nb mime renderer, declared in pyproject.toml) turns a chart's
print form into a numbered figure: the vector chart, its caption and its source line; an
explorer's print form is nothing."""

from __future__ import annotations

import re

from docutils import nodes


class PrintFigure:
    """Renders ``application/vnd.barometre.print+json`` (charts.PRINT_MIME) for myst-nb.

    The LaTeX builder prefers this form of a chart (``mime_priority_overrides``); the HTML
    builder never selects it, so the web pages keep the interactive chart.

    myst-nb renders every form of an output while it reads a page, whatever the builder. Drawing
    the charts for print there would make every HTML build pay for it (two thirds of a cold
    build, measured), so an HTML read leaves a comment and notes the page as not drawn for print;
    the LaTeX build then re-reads those pages (``print_outdated``) and draws the charts."""

    mime_priority_overrides = (("latex", "application/vnd.barometre.print+json", 5),)

    @staticmethod
    def handle_mime(renderer, data, inline):
        if data.mime_type != "application/vnd.barometre.print+json" or inline:
            return None
        import hashlib
        import json

        form = data.content if isinstance(data.content, dict) else json.loads(data.string)
        if form.get("omit"):
            # an explorer: print cannot move its sliders. A comment (which no writer prints) and not
            # nothing: an empty rendering would let the LaTeX builder fall back on the text form
            return [nodes.comment("", f"{form.get('name', 'chart')}: interactive only, left out of print")]
        from myst_nb._compat import get_env_app

        env = renderer.renderer.sphinx_env
        if env is not None and get_env_app(env).builder.format != "latex":
            _unprinted(env).add(env.docname)
            return [nodes.comment("", f"{form['name']}: drawn for print by the LaTeX build only")]
        from barometre.charts.print_cache import cached_pdfs

        reduced, repeated = without_printed_panels(env, form)
        if reduced is None:
            return [nodes.comment("", f"{form['name']}: every panel printed in an earlier figure, left out")]
        form, sparse = without_sparse_panels(reduced)
        uris = []
        for pdf in cached_pdfs(form):  # drawn by the LaTeX builder only, or beforehand (Builder.pdf)
            name = f"{hashlib.sha256(pdf).hexdigest()}.pdf"
            uris.append(renderer.write_file([name], pdf, overwrite=False, exists_ok=True))
        # A statistics office's figure: « Figure 3 – title » above the chart, the source under it. Each
        # figure floats (``figure_align``: to the top of the next page when it does not fit where it is
        # called, the text filling the page) and the text calls it (``sphinx_ext.makeup.call_figures``).
        # A chart taller than a page comes in parts, each its own float, in order: the first under the
        # numbered caption, the next ones under « Figure 3 (suite, partie 2 sur 3) », the source under the
        # last one.
        label = f"figure-{form['name']}"
        target = f"{env.docname}:{label}"
        figure = nodes.figure(classes=["barometre-print-figure"], ids=[label], barometre_target=target)
        figure += nodes.caption(text=form["caption"])
        figure += nodes.image(uri=uris[0], alt=form["caption"])
        out: list[nodes.Element] = [figure]
        count = len(uris) + (1 if sparse else 0)  # the series of one or two years: a last part, their table
        for i, uri in enumerate(uris[1:], start=2):
            part = nodes.figure(classes=["barometre-print-part"])
            part += nodes.raw("", continuation_note(target, i, count), format="latex")
            part += nodes.image(uri=uri, alt=form["caption"])
            out.append(part)
        notes = [repeated_note(earlier, titles) for earlier, titles in repeated.items()]  # panels left out, and where
        if sparse:
            # the table floats on its own, the source under it: under the chart's last part, which fills a page, it
            # ran into the running foot (Fig. 29 of the 2024 book)
            from barometre.latex import latex_escape
            from barometre.typography import print_binding

            part = nodes.figure(classes=["barometre-print-part"])
            part += nodes.raw("", continuation_note(target, count, count) + sparse_table(sparse)
                              + SOURCE_OPEN + latex_escape(print_binding(form["source"])) + "".join(notes) + "\\par}\n",
                              format="latex")
            out.append(part)
            return out
        legend = nodes.legend("", nodes.paragraph(text=form["source"]))
        for note in notes:
            legend += nodes.raw("", note, format="latex")
        out[-1] += legend
        return out


def _panel_title(panel: dict) -> str:
    title = panel.get("title")
    text = title.get("text") if isinstance(title, dict) else title
    text = " ".join(text) if isinstance(text, list) else str(text or "")
    return " ".join(text.replace("\u00a0", " ").split())


def panel_keys(spec: dict) -> list[str | None]:
    """Each panel of a column of small multiples (``history.history_chart``): its title and the values it
    draws (year and text), the identity of a panel that two chapters draw alike. None for a panel without a
    title or rows of its own, and [] for a chart that is no column of panels."""
    import json

    panels = spec.get("vconcat")
    if not isinstance(panels, list) or len(panels) < 2:
        return []
    shared = (spec.get("data") or {}).get("values")
    keys: list[str | None] = []
    for panel in panels:
        rows = (panel.get("data") or {}).get("values") or shared
        title = _panel_title(panel)
        if not title or not rows or any("année" not in r or "texte" not in r for r in rows):
            keys.append(None)
            continue
        keys.append(json.dumps([title, sorted((r["année"], r["texte"]) for r in rows)], ensure_ascii=False))
    return keys


def _print_order(env) -> list[str]:
    """The documents in the PDF's order: the root, the front matter (« L'essentiel »), the other chapters
    in the table of contents' order."""
    site_map = getattr(env, "external_site_map", None)
    order = list(site_map) if site_map is not None else sorted(env.found_docs)
    root = env.config.root_doc
    front = [d for d in (env.config.barometre_front_matter or {}) if d in order]
    return [root, *front, *[d for d in order if d != root and d not in front]]


def _printed_panels(env) -> dict[str, dict[str, tuple[str, str]]]:
    """The panels each document prints: {docname: {panel key: (figure target, panel title)}} (pickled)."""
    if not hasattr(env, "barometre_printed_panels"):
        env.barometre_printed_panels = {}
    return env.barometre_printed_panels


def without_printed_panels(env, form: dict) -> tuple[dict | None, dict[str, list[str]]]:
    """The print form of a column of small multiples without the panels an earlier figure of the PDF prints
    alike (issue 27: the offshore chapter's « Figure 10 » repeated five panels of figure 3 and three of
    figure 29). A book read from cover to cover shows a panel once; the web page, which stands alone, keeps
    them all. Returns the form (None when every panel is printed before) and, for each earlier figure's
    target, the titles of its panels left out here. The documents are read in the PDF's order
    (``read_in_print_order``)."""
    keys = panel_keys(form["spec"])
    target = f"{env.docname}:figure-{form['name']}"
    if not keys:
        return form, {}
    order = _print_order(env)
    place = order.index(env.docname) if env.docname in order else len(order)
    printed = _printed_panels(env)
    before: dict[str, tuple[str, str]] = {}
    for docname in [*order[:place], env.docname]:
        before.update({k: v for k, v in printed.get(docname, {}).items() if k not in before})
    mine = printed.setdefault(env.docname, {})
    panels = form["spec"]["vconcat"]
    kept, repeated = [], {}
    for panel, key in zip(panels, keys, strict=True):
        if key is not None and key in before and before[key][0] != target:
            repeated.setdefault(before[key][0], []).append(before[key][1])
        else:
            kept.append(panel)
            if key is not None:
                mine.setdefault(key, (target, _panel_title(panel)))
    if not repeated:
        return form, {}
    if not kept:
        return None, repeated
    return {**form, "spec": {**form["spec"], "vconcat": kept}}, repeated


# the source under a part set in LaTeX (the series' table), as the legend sets it (the preamble's sphinxlegend)
SOURCE_OPEN = "\\par\\vspace{3pt}{\\footnotesize\\raggedright "


SPARSE = 2  # values: a series of so few years is printed as a table's rows, not as a panel


def without_sparse_panels(form: dict) -> tuple[dict, list[tuple[str, list[tuple[int, str]]]]]:
    """The print form of a column of small multiples without its panels of one or two values, and those
    panels' titles and values (year, text) in order (issue 27: panels of one or two points, each the
    height of a panel of twenty, spread Fig. 10 and Fig. 29 of the 2024 book over four pages each). A
    statistics office prints such series as a table under the chart. A chart with no panel of more values
    is left whole (it would be a table alone)."""
    keys = panel_keys(form["spec"])
    if not keys:
        return form, []
    panels = form["spec"]["vconcat"]
    shared = (form["spec"].get("data") or {}).get("values")
    kept, sparse = [], []
    for panel, key in zip(panels, keys, strict=True):
        rows = (panel.get("data") or {}).get("values") or shared
        if key is not None and len(rows) <= SPARSE:
            sparse.append((_panel_title(panel), sorted((int(r["année"]), str(r["texte"])) for r in rows)))
        else:
            kept.append(panel)
    if not sparse or not kept:
        return form, []
    return {**form, "spec": {**form["spec"], "vconcat": kept}}, sparse


def sparse_table(sparse: list[tuple[str, list[tuple[int, str]]]]) -> str:
    """The series of one or two years under a chart of small multiples: a table, a row per value, the
    series named on its first row; its values set right."""
    from barometre.latex import latex_escape
    from barometre.typography import print_binding

    def escape(text: str) -> str:  # the typography the text gets (``french_typography``), which raw LaTeX skips
        return latex_escape(print_binding(text))

    rows = []
    texts = decimal_column([text for _, values in sparse for _, text in values], escape)
    for title, values in sparse:
        for i, (year, _) in enumerate(values):
            rows.append(f"{escape(title) if i == 0 else ''} & {year} & {texts.pop(0)}\\\\")
    head = "\\multicolumn{3}{@{}l}{Séries publiées une ou deux années (non tracées)}\\\\\\hline\n"
    return ("\\par\\smallskip\\noindent{\\small\\begin{tabular}{@{}p{0.62\\linewidth}@{\\hspace{1em}}r"
            "@{\\hspace{1em}}r@{}}\n" + head + "\n".join(rows) + "\n\\hline\\end{tabular}}\\par\\smallskip\n")


def decimal_column(texts: list[str], escape) -> list[str]:
    """A right-aligned column of values as LaTeX, set on the decimal comma (printed46: « 64 % » over « 14,6 % », both
    flush right): each closing number's unit in a box as wide as the column's widest unit, its missing decimals
    padded (``makeup._align_decimals``, the same rule for the tables the text sets). ``escape``: the text's LaTeX."""
    from sphinx.util import texescape

    from barometre.sphinx_ext.makeup import _CELL_NUMBER

    texescape.init()
    found = [_CELL_NUMBER.match(t) for t in texts]
    decimals = max((len(m.group("dec") or ",") - 1 for m in found if m), default=0)

    def unit_tex(unit: str) -> str:
        if not unit.strip():
            return ""
        return ("~" if unit[0] in "\u202f\u00a0 " else "") + texescape.escape(unit.strip(), "xelatex")

    units = "".join(f"\\do{{{u}}}" for u in dict.fromkeys(unit_tex(m.group("unit")) for m in found if m) if u)
    out = []
    for text, m in zip(texts, found, strict=True):
        if m is None:
            out.append(escape(text))
            continue
        missing = decimals - (len(m.group("dec") or ",") - 1)
        pad = ("\\phantom{," + "0" * missing + "}" if not m.group("dec") else "\\phantom{" + "0" * missing + "}"
               ) if missing else ""
        head = re.sub(r"(?<=\w) $", "\u00a0", m.group("head"))
        out.append(escape(head + m.group("int") + (m.group("dec") or ""))
                   + f"\\barometreunit{{{units}}}{{{unit_tex(m.group('unit'))}}}{pad}")
    return out


def repeated_note(target: str, titles: list[str]) -> str:
    """The line under a figure that leaves out panels an earlier figure prints: « Déjà présentés à la figure 3,
    non repris ici : … »."""
    from barometre.latex import latex_escape

    names = " ; ".join(latex_escape(t[:1].lower() + t[1:]) for t in titles)
    from barometre.narrative.templating import phrase

    return "\\par " + phrase("book/notes/breaks.md.j2", "repeated", f"~\\ref{{\\detokenize{{{target}}}}}", names)


def read_in_print_order(app, env, docnames: list[str]) -> None:
    """The LaTeX build reads the documents in the PDF's order, so that a figure knows the panels the
    figures before it print (``without_printed_panels``); when any of them is read again, every page
    that prints panels is read again with it (``reread_panel_pages``)."""
    if app.builder.format != "latex":
        return
    order = _print_order(env)
    docnames.sort(key=lambda d: (order.index(d) if d in order else len(order), d))


def reread_panel_pages(app, env, added, changed, removed) -> list[str]:
    """For the LaTeX builder: when a page is read again, the pages that print panels too (which ones an
    earlier figure prints may have changed)."""
    if app.builder.format != "latex" or not (added or changed or removed or _unprinted(env)):
        return []
    return sorted(d for d, panels in _printed_panels(env).items() if panels and d in env.found_docs)


def forget_printed_panels(app, env, docname) -> None:
    _printed_panels(env).pop(docname, None)


def merge_printed_panels(app, env, docnames, other) -> None:
    for docname in docnames:
        if docname in _printed_panels(other):
            _printed_panels(env)[docname] = _printed_panels(other)[docname]


def continuation_note(target: str, part: int, parts: int) -> str:
    """The line over a part of a figure cut over pages (but its first, which carries the caption):
    « Figure 3 (suite, partie 2 sur 3) », set as the caption is, the number LaTeX gives the figure's
    caption (its label: Sphinx's ``docname:id``). Without it, panels under another figure's caption
    read as that figure's."""
    return (f"{{\\barometrecaptionfont Figure~\\ref{{\\detokenize{{{target}}}}} "
            f"(suite, partie~{part} sur~{parts})\\par}}\\vspace{{\\belowcaptionskip}}\\nobreak\n")


def _unprinted(env) -> set[str]:
    """The pages read without their charts drawn for print (kept in the environment's pickle)."""
    if not hasattr(env, "barometre_unprinted"):
        env.barometre_unprinted = set()
    return env.barometre_unprinted


def print_outdated(app, env, added, changed, removed) -> list[str]:
    """For the LaTeX builder: the pages an HTML build read without drawing their charts."""
    if app.builder.format != "latex":
        return []
    outdated = sorted(_unprinted(env) & set(env.found_docs))
    _unprinted(env).clear()
    return outdated


def forget_unprinted(app, env, docname) -> None:
    _unprinted(env).discard(docname)


def forms_as_printed(staging) -> list[dict]:
    """The print forms of the staged book's notebooks as the LaTeX build prints them (``PrintFigure``): in the
    PDF's order, each column of small multiples without the panels an earlier figure prints and without its
    series of one or two years. What ``Builder.pdf`` draws beforehand (``charts.print_cache.predraw``), so that
    the LaTeX build finds each chart it prints already drawn."""
    from pathlib import Path
    from types import SimpleNamespace

    import yaml
    from sphinx_external_toc.parsing import parse_toc_yaml

    from barometre.charts.print_cache import print_forms

    staging = Path(staging)
    order = list(parse_toc_yaml(str(staging / "_toc.yml")))
    config = yaml.safe_load((staging / "_config.yml").read_text(encoding="utf-8"))
    front = (config.get("sphinx", {}).get("config", {}) or {}).get("barometre_front_matter") or {}
    env = SimpleNamespace(external_site_map=order, found_docs=set(order), docname=order[0] if order else "",
                          config=SimpleNamespace(root_doc=order[0] if order else "", barometre_front_matter=front))
    forms = []
    for docname in _print_order(env):
        path = staging / f"{docname}.ipynb"
        if not path.is_file():
            continue
        env.docname = docname
        for form in print_forms([path]):
            reduced, _ = without_printed_panels(env, form)
            if reduced is not None:
                forms.append(without_sparse_panels(reduced)[0])
    return forms
