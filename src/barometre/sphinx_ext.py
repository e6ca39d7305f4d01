"""A small Sphinx extension for the book (listed in _config.yml under extra_extensions).

- Provenance at sentence level: every link from a number to its row of the
  sources annex gets a ``title`` (tooltip) with the indicator, the edition, the
  scope, the period, the source and the article's quote.
- Privacy: Jupyter Book always loads sphinx-thebe, which declares a third-party
  URL (unpkg.com) and, with togglebutton, is injected twice per page (a console
  error). The book runs no live code, so these scripts are dropped and
  duplicates removed.
- French typography: no-break spaces before « : ; ! ? » and inside guillemets,
  in every text of the page but code and raw HTML.
- Build stamp: the edition, the code version and the key package versions are written into
  each page's metadata (``<meta name="barometre-build" ...>``); the colophon prints the whole
  stamp, data checksum included. The checksum is not in every page: a one-value change would
  then rewrite every page (measured: the whole Sphinx step) where only the pages it touches
  need it.
- Pages rewritten when their data change without their text changing: a page whose notebook
  output is the same is not re-read, yet its provenance tooltips (a row's value, source and
  quote) and the colophon's stamp may be stale: ``pages_to_rewrite`` has Sphinx write again the
  pages whose tooltips changed, and ``pages_to_reread`` read again the colophon when the stamp did.
- Print: ``PrintFigure`` (a myst-nb mime renderer, declared in pyproject.toml) turns a
  chart's print form into a numbered figure: the vector chart, its caption and its
  source line; an explorer's print form is nothing. ``latex_structure`` gives the PDF
  its introduction heading and its appendices (« Annexe A »).
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes


def _tooltips(app) -> dict[str, str]:
    """Each row's tooltip, by anchor, from the data as they are now (computed once per build,
    kept on the application: the environment is pickled and would carry them to the next build)."""
    cached = getattr(app, "_barometre_tooltips", None)
    if cached is not None:
        return cached
    from barometre import formatting
    from barometre.data import load
    from barometre.labels import scope_label
    from barometre.narrative import quote_body

    data_dir = app.config.barometre_data_dir
    out: dict[str, str] = {}
    if data_dir and Path(data_dir).is_dir():
        ds = load(Path(data_dir))
        for edition in ds.editions:
            for fig in ds._rows(edition, None):
                text = (
                    f"{fig.label} : {formatting.figure_text(fig)} — édition {fig.edition}, "
                    f"{scope_label(fig.scope)}, {formatting.period_text(fig.period)} — "
                    f"Source : {fig.attribution} — « {quote_body(fig.quote)} »"
                )
                out[fig.anchor] = raw_typography(text)  # a title attribute escapes the page's typography
    app._barometre_tooltips = out
    return out


_ANCHOR = re.compile(r"#(fig-[a-z0-9-]+)")


def _page_inputs(env) -> dict[str, set[str]]:
    """What each page shows that comes from outside its own source: the anchors of the rows it
    links to (their tooltips) and ``"stamp"`` for the colophon (kept in the environment)."""
    if not hasattr(env, "barometre_page_inputs"):
        env.barometre_page_inputs = {}
    return env.barometre_page_inputs


def record_page_inputs(app, doctree) -> None:
    """Note the rows a page links to: ``{ref}`fig-…``` cross-references, links to ``…#fig-…``
    and raw HTML alike."""
    found: set[str] = set()
    for node in doctree.findall(nodes.Element):
        if isinstance(node, nodes.raw):
            found.update(_ANCHOR.findall(node.astext()))
            continue
        for attr in ("refuri", "reftarget", "refid"):
            value = node.get(attr)
            if isinstance(value, str) and "fig-" in value:
                found.add(value.rsplit("#", 1)[-1])
    inputs = _page_inputs(app.env)
    if found or app.env.docname in inputs:
        inputs[app.env.docname] = found | (inputs.get(app.env.docname, set()) & {"stamp"})


def forget_page_inputs(app, env, docname) -> None:
    _page_inputs(env).pop(docname, None)


def merge_page_inputs(app, env, docnames, other) -> None:
    theirs = _page_inputs(other)
    _page_inputs(env).update({d: theirs[d] for d in docnames if d in theirs})


def pages_to_rewrite(app, env) -> list[str]:
    """The pages Sphinx did not re-read whose provenance tooltips changed since they were written
    (the tooltips are added when a page is written, from the data as they are now)."""
    import hashlib

    now = {a: hashlib.sha256(t.encode()).hexdigest()[:16] for a, t in _tooltips(app).items()}
    before = getattr(env, "barometre_written", None)
    env.barometre_written = now
    if before is None:  # a fresh environment: every page is read and written anyway
        return []
    changed = {k for k in set(now) | set(before) if now.get(k) != before.get(k)}
    return sorted(d for d, used in _page_inputs(env).items() if used & changed and d in env.found_docs)


def pages_to_reread(app, env, added, changed, removed) -> list[str]:
    """The pages whose text comes from the build stamp (the colophon's directive) when the stamp
    changed; every page once when the environment predates the record of page inputs."""
    stamp, before = app.config.barometre_build_stamp, getattr(env, "barometre_stamp", None)
    env.barometre_stamp = stamp
    if not hasattr(env, "barometre_page_inputs"):
        env.barometre_page_inputs = {}
        return sorted(env.found_docs - added)
    if stamp == before:
        return []
    return sorted(d for d, used in _page_inputs(env).items() if "stamp" in used and d in env.found_docs)


def add_provenance_tooltips(app, doctree, docname) -> None:
    tips = _tooltips(app)
    if not tips:
        return
    for ref in doctree.findall(nodes.reference):
        target = ref.get("refuri", "") or ""
        anchor = target.rsplit("#", 1)[-1] if "#" in target else ref.get("refid", "")
        if anchor in tips:
            ref["reftitle"] = tips[anchor]
            ref["classes"].append("provenance")


_NO_TYPOGRAPHY = (nodes.literal, nodes.literal_block, nodes.raw, nodes.math, nodes.math_block, nodes.comment,
                  nodes.FixedTextElement)
_BEFORE_COLON = re.compile(r"[ \u00a0\u202f]+:(?=\s|$)")
_BEFORE_HIGH = re.compile(r"[ \u00a0\u202f]+([;!?»])")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]+")


def french_spacing(text: str) -> str:
    """The spaces French typography binds: a no-break space before « : » and inside guillemets, a narrow
    no-break space before « ; », « ! » and « ? », so that no line starts with a punctuation mark."""
    text = _BEFORE_COLON.sub("\u00a0:", text)
    text = _BEFORE_HIGH.sub(lambda m: ("\u00a0" if m.group(1) == "»" else "\u202f") + m.group(1), text)
    return _AFTER_GUILLEMET.sub("«\u00a0", text)


_RANGE = re.compile(r"(?<=\d)[ \u00a0\u202f]+à[ \u00a0\u202f]+(?=[+\-\u2212]?\d)")


def bind_ranges(text: str) -> str:
    """« 20 à 25 % » is one unit: no-break spaces around « à » between two numbers."""
    return _RANGE.sub("\u00a0à\u00a0", text)


def raw_typography(text: str) -> str:
    """What Sphinx's typography does to the page's text, for raw HTML it does not reach (a number's
    tooltip, a chart's caption): typographic apostrophes, French spaces, ranges bound."""
    return bind_ranges(french_spacing(text.replace("'", "\u2019")))


_ORDINAL = re.compile(r"(?<![\w])1(er|re)(?=[ \u00a0\u202f])")


def ordinal_superscripts(doctree) -> None:
    """« 1er juillet » is written with a superscript « er » (and « 1re » with « re »), in the page and
    in the PDF, whoever wrote the text (a date of the data, a sentence of a chapter)."""
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, (*_NO_TYPOGRAPHY, nodes.superscript)):
            continue
        raw = str(text)
        if not _ORDINAL.search(raw):
            continue
        parts: list[nodes.Node] = []
        last = 0
        for m in _ORDINAL.finditer(raw):
            parts += [nodes.Text(raw[last:m.start()] + "1"), nodes.superscript(m.group(1), m.group(1))]
            last = m.end()
        parts.append(nodes.Text(raw[last:]))
        index = parent.index(text)
        parent.remove(text)
        for offset, node in enumerate(p for p in parts if not (isinstance(p, nodes.Text) and not str(p))):
            parent.insert(index + offset, node)


def french_typography(app, doctree, docname) -> None:
    """Every text of the page (not code, not raw HTML) gets French spacing, whoever wrote it.

    The PDF's babel-french spaces punctuation itself; there, ranges are bound (« 20 à 25 % »
    never breaks between its numbers). In both, « 1er » takes its superscript."""
    fmt = getattr(app.builder, "format", "")
    if fmt in ("latex", "html"):
        ordinal_superscripts(doctree)
    if fmt == "latex":
        for text in list(doctree.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, _NO_TYPOGRAPHY):
                continue
            new = bind_ranges(str(text))
            if new != str(text):
                parent.replace(text, nodes.Text(new))
        return
    if fmt != "html":
        return
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, _NO_TYPOGRAPHY):
            continue
        new = french_spacing(str(text))
        if new != str(text):
            parent.replace(text, nodes.Text(new))


def _script_key(script) -> tuple:
    return (getattr(script, "filename", None) or str(script), getattr(script, "attributes", {}).get("body", ""))


def byline_author(author: str) -> str:
    """The author as the page footer's « Par … » writes it: « Par l’équipe du baromètre », the article
    in lower case (the title page and the PDF's metadata keep « L’équipe du baromètre »)."""
    return re.sub(r"^(L[’']|Le |La |Les )", lambda m: m.group(1).lower(), author)


def clean_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if scripts is None:
        return
    seen, kept = set(), []
    for script in scripts:
        filename = getattr(script, "filename", None) or ""
        body = getattr(script, "attributes", {}).get("body", "")
        if "thebe" in filename or "THEBE_JS_URL" in body:
            continue
        key = _script_key(script)
        if key in seen:
            continue
        seen.add(key)
        kept.append(script)
    scripts[:] = kept
    switcher = edition_switcher(pagename, app.config.barometre_edition, app.config.barometre_editions)
    if switcher:
        context["theme_announcement"] = switcher
    context["metatags"] = context.get("metatags", "") + opengraph_tags(app, pagename, context)
    context["author"] = byline_author(context.get("author") or "")
    stamp = app.config.barometre_page_stamp
    if stamp:
        context["metatags"] = context.get("metatags", "") + (
            f'\n<meta name="barometre-build" content="{_escape_attr(stamp)}">'
        )


FONTAWESOME_SCRIPT = re.compile(r'\s*<script[^>]*src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')


# The themes' strings that their French catalogues leave in English, as the reader sees them
# (labels, tooltips, placeholders) and their French.
INTERFACE_FR = {
    'title="Toggle primary sidebar"': 'title="Afficher ou masquer la navigation"',
    'aria-label="Toggle primary sidebar"': 'aria-label="Afficher ou masquer la navigation"',
    'title="Toggle secondary sidebar"': 'title="Afficher ou masquer le sommaire de la page"',
    'aria-label="Toggle secondary sidebar"': 'aria-label="Afficher ou masquer le sommaire de la page"',
    'placeholder="Search..."': 'placeholder="Rechercher…"',
    'aria-label="Search..."': 'aria-label="Rechercher"',
    'aria-label="Main"': 'aria-label="Contenu principal"',
    'aria-label="Announcement"': 'aria-label="Éditions du baromètre"',
    "© Copyright": "©",
    "&#169; Copyright": "&#169;",
    ">Back to top<": ">Haut de page<",
}


def french_interface(text: str) -> str:
    """The theme's English interface strings in French (a page's own text is untouched)."""
    for english, french in INTERFACE_FR.items():
        text = text.replace(english, french)
    return text


def drop_fontawesome_script(app, exception) -> None:
    """The theme loads fontawesome.js (1.5 MB) to swap icons for SVG; its CSS already draws the
    same icons with the bundled web font, so the script only slows every page down. The theme's
    interface strings its French catalogue lacks are put in French on the way."""
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        new = french_interface(FONTAWESOME_SCRIPT.sub("", text))
        if new != text:
            path.write_text(new, encoding="utf-8")


def page_url(app, pagename: str) -> str:
    """A page's public address: the site address (``html.baseurl`` in _config.yml, the one place it is set),
    the edition's folder, the page. Empty when no address is set."""
    base = (getattr(app.config, "html_baseurl", "") or "").strip()
    if not base:
        return ""
    base = base.rstrip("/") + "/"
    edition = app.config.barometre_edition
    return f"{base}{edition}/{pagename}.html" if edition else f"{base}{pagename}.html"


def _description(context) -> str:
    import html as html_lib

    body = context.get("body", "") or ""
    for paragraph in re.findall(r"<p>(.*?)</p>", body, flags=re.S):
        text = html_lib.unescape(re.sub(r"<[^>]+>", "", paragraph)).strip()
        text = re.sub(r"\s+", " ", text)
        if len(text) > 40:
            return text if len(text) <= 200 else text[:197].rsplit(" ", 1)[0] + "…"
    return ""


def opengraph_tags(app, pagename: str, context) -> str:
    """OpenGraph metadata of a page: what a link to it shows when shared."""
    import html as html_lib

    site = app.config.html_title or app.config.project
    title = html_lib.unescape(re.sub(r"<[^>]+>", "", context.get("title", "") or site))
    tags = {"og:type": "article", "og:locale": "fr_FR", "og:site_name": site, "og:title": title}
    description = _description(context)
    if description:
        tags["og:description"] = description
    url = page_url(app, pagename)
    if url:
        tags["og:url"] = url
    return "".join(f'\n<meta property="{k}" content="{_escape_attr(v)}">' for k, v in tags.items())


SITEMAP_SKIP = {"search", "genindex"}


def write_sitemap(app, exception) -> None:
    """``sitemap.xml`` of the edition's pages at their public addresses (none without a site address)."""
    if exception is not None or app.builder.format != "html" or not page_url(app, "index"):
        return
    from xml.sax.saxutils import escape

    pages = sorted(
        p.relative_to(app.outdir).with_suffix("").as_posix() for p in Path(app.outdir).rglob("*.html")
        if not p.relative_to(app.outdir).parts[0].startswith("_")
    )
    urls = "".join(f"  <url><loc>{escape(page_url(app, p))}</loc></url>\n" for p in pages if p not in SITEMAP_SKIP)
    (Path(app.outdir) / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n",
        encoding="utf-8",
    )


def edition_switcher(pagename: str, edition: int, editions: list[int]) -> str:
    """The banner of every page: this edition, links to the others and to the archive.

    Editions are published side by side (``site/2008/``, ``site/2009/``, ``site/index.html``),
    so the links are relative and work from disk and from any sub-path."""
    if not edition:
        return ""
    up = "../" * pagename.count("/")
    others = [e for e in editions if e != edition]
    links = " · ".join(f'<a href="{up}../{e}/index.html">{e}</a>' for e in others)
    text = f"Baromètre, édition {edition}"
    if links:
        text += f" — autres éditions : {links}"
    return text + f' — <a href="{up}../index.html">toutes les éditions</a>'


def _escape_attr(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def _colophon_directive():
    from docutils.parsers.rst import Directive

    class Colophon(Directive):
        has_content = False

        def run(self):
            env = self.state.document.settings.env
            _page_inputs(env).setdefault(env.docname, set()).add("stamp")  # rewritten when it changes
            stamp = env.config.barometre_build_stamp or "construction hors du script de build"
            items = nodes.bullet_list()
            for part in stamp.split(" ; "):
                label, _, value = part.partition(" ")
                para = nodes.paragraph()
                para += nodes.strong(text=label.capitalize() + " ")
                para += nodes.literal(text=value)
                items += nodes.list_item("", para)
            return [items]

    return Colophon


# --------------------------------------------------------------------------- print


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
        from barometre.charts import print_pdfs

        uris = []
        for pdf in print_pdfs(form):  # drawn here, by the LaTeX builder only
            name = f"{hashlib.sha256(pdf).hexdigest()}.pdf"
            uris.append(renderer.write_file([name], pdf, overwrite=False, exists_ok=True))
        # a chart taller than a page comes in parts: the first ones run on, the last one carries
        # the numbered caption and the source line; each first part says which figure it begins
        # (without it, panels under another figure's caption read as that figure's)
        label = f"figure-{form['name']}"
        out: list[nodes.Element] = [
            nodes.paragraph("", "", nodes.image(uri=uri, alt=form["caption"]),
                            nodes.raw("", continuation_note(env.docname, label, i + 1, len(uris)), format="latex"),
                            classes=["barometre-print-part"])
            for i, uri in enumerate(uris[:-1])
        ]
        figure = nodes.figure(classes=["barometre-print-figure"], ids=[label])
        figure += nodes.image(uri=uris[-1], alt=form["caption"])
        figure += nodes.caption(text=form["caption"])
        figure += nodes.legend("", nodes.paragraph(text=form["source"]))
        return [*out, figure]


def continuation_note(docname: str, label: str, part: int, parts: int) -> str:
    """The line under a part of a figure cut over pages (but its last): « Figure 3 (partie 1 sur 2,
    suite ci-après) », kept with the part (no page break between them), the number LaTeX gives the
    figure's caption (its label: Sphinx's ``docname:id``)."""
    return (f"\\par\\nobreak\\vspace{{3pt}}{{\\centering\\small Figure~\\ref{{\\detokenize{{{docname}:{label}}}}} "
            f"(partie~{part} sur~{parts}, suite ci-après)\\par}}")


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


_APPENDIX_WORD = re.compile(r"^annexe\s*[:\u2013\u2014-]\s*", re.IGNORECASE)


def latex_structure(app, doctree, docname) -> None:
    """The PDF's structure, which the web book does not need (the LaTeX builder resolves the
    whole book as one tree, the root document's):

    - the introduction (the root document, whose title is the book's) opens with an unnumbered
      chapter « Introduction » listed in the table of contents, with its own running head;
    - the documents of ``barometre_front_matter`` (the synthesis) come right after it, unnumbered,
      under their print title (« L’essentiel »);
    - from the first document of ``barometre_appendices`` on, chapters are appendices:
      « Annexe A », « Annexe B »."""
    if getattr(app.builder, "format", "") != "latex" or docname != app.config.root_doc:
        return
    from sphinx import addnodes

    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None:
        title = "Introduction"
        raw = (f"\\chapter*{{{title}}}\\addcontentsline{{toc}}{{chapter}}{{{title}}}"
               f"\\markboth{{{title}}}{{{title}}}\n")
        section.insert(1, nodes.raw("", raw, format="latex"))
    starts = list(doctree.findall(addnodes.start_of_file))
    front = dict(app.config.barometre_front_matter or {})
    first = next((s for s in starts if s.get("docname") not in front), None)
    for start in starts:
        if start.get("docname") not in front or first is None:
            continue
        # « L'essentiel » (the synthesis) opens the report, unnumbered, right after the introduction
        start.parent.remove(start)
        parent = first.parent
        at = parent.index(first)
        parent.insert(at, nodes.raw("", "\\edef\\barometresecnumdepth{\\arabic{secnumdepth}}"
                                        "\\setcounter{secnumdepth}{-1}\n", format="latex"))
        parent.insert(at + 1, start)
        parent.insert(at + 2, nodes.raw("", "\\setcounter{secnumdepth}{\\barometresecnumdepth}\n",
                                        format="latex"))
        title = next(iter(start.findall(nodes.title)), None)
        if title is not None:
            title.replace_self(nodes.title("", front[start.get("docname")]))
    _keep_run_in_titles_with_their_text(doctree)
    appendices = list(app.config.barometre_appendices or [])
    for start in list(doctree.findall(addnodes.start_of_file)):
        if start.get("docname") not in appendices:
            continue
        if start.get("docname") == appendices[0]:
            start.parent.insert(start.parent.index(start), nodes.raw("", "\\appendix\n", format="latex"))
        # « Annexe A – Les chiffres et leurs sources », not « Annexe A – Annexe : les chiffres… »
        title = next(iter(start.findall(nodes.title)), None)
        if title is not None and (m := _APPENDIX_WORD.match(title.astext())):
            rest = title.astext()[m.end():]
            title.replace_self(nodes.title("", rest[:1].upper() + rest[1:]))


def _keep_run_in_titles_with_their_text(doctree) -> None:
    """A paragraph that opens with a bold title on its own line (« **Le poids du SP2C** » then a line
    break: the claims; the annex's « **Part des CDI** : 84 % — … » then a line break) never leaves
    that line alone at the foot of a page: the title
    ends its own paragraph and no page break is allowed after it (``\\par\\nopagebreak``; LaTeX's
    ``\\\\*`` did not hold in the book's preamble, measured)."""
    for paragraph in doctree.findall(nodes.paragraph):
        children = [c for c in paragraph.children if not (isinstance(c, nodes.Text) and not c.strip())
                    and not (isinstance(c, nodes.raw) and c.get("format") != "latex")]
        if len(children) < 3 or not isinstance(children[0], nodes.strong):
            continue
        # the first line break: after the title (claims) or after the title's line (the annex's entries)
        brk = next((c for c in children[1:] if isinstance(c, nodes.raw)), None)
        if brk is not None and brk.astext().strip() == "\\\\":
            # the title's own lines stay together too (« …édition » / « 2011 » split across pages)
            brk.replace_self(nodes.raw("", "{\\interlinepenalty10000\\par}\\nopagebreak\\vspace{-\\parskip}\\noindent\n",
                                       format="latex"))


def setup(app):
    app.add_config_value("barometre_data_dir", "", "env")
    # the package's code: a change re-reads every page (the print charts are drawn while a page is read)
    app.add_config_value("barometre_code", "", "env")
    # the whole stamp changes with the data: only the colophon shows it (pages_to_rewrite)
    app.add_config_value("barometre_build_stamp", "", "")
    app.add_config_value("barometre_page_stamp", "", "html")
    app.add_config_value("barometre_edition", 0, "html")
    app.add_config_value("barometre_editions", [], "html")
    app.add_config_value("barometre_appendices", [], "env")
    app.add_config_value("barometre_front_matter", {}, "env")
    app.add_directive("barometre-colophon", _colophon_directive())
    app.connect("env-get-outdated", print_outdated)
    app.connect("env-purge-doc", forget_unprinted)
    app.connect("env-purge-doc", forget_page_inputs)
    app.connect("env-merge-info", merge_page_inputs)
    app.connect("doctree-read", record_page_inputs)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("env-get-outdated", pages_to_reread)
    app.connect("doctree-resolved", latex_structure)
    app.connect("doctree-resolved", add_provenance_tooltips)
    app.connect("doctree-resolved", french_typography)
    app.connect("html-page-context", clean_scripts)
    app.connect("build-finished", drop_fontawesome_script)
    app.connect("build-finished", write_sitemap)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
