"""Sphinx directives of the colophon for reuse (``barometre.reuse``): the licences, the
« Pour citer ce livre » line, and the download of every indicator by year.

- ``barometre-licences``: the project's licences, the right of quotation, and each reference
  series with the licence its sidecar names (``barometre_licences``, set by the build);
- ``barometre-citation``: the citation of this edition (``barometre_citation``, set by the build);
- ``barometre-downloads``: « Tous les indicateurs, année par année », a CSV the build writes into
  the staging book (``Builder._assemble``), and Sphinx copies to ``_downloads/``.

The colophon is read again when one of these values changes (``outdated``), as it is when the
build stamp changes (``sphinx_ext.pages_to_reread``)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

from barometre.narrative.templating import phrase

USES = "barometre_reuse_pages"


def _fingerprint(app) -> str:
    c = app.config
    blob = json.dumps([c.barometre_citation, c.barometre_licences, c.barometre_all_indicators_sha],
                      sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _record(env) -> None:
    pages = getattr(env, USES, None)
    if pages is None:
        pages = {}
        setattr(env, USES, pages)
    pages[env.docname] = _fingerprint(env.app)


def outdated(app, env, added, changed, removed) -> list[str]:
    """The pages that show these values, when the values changed since they were read."""
    now = _fingerprint(app)
    return [doc for doc, seen in (getattr(env, USES, None) or {}).items()
            if seen != now and doc not in removed and doc in env.found_docs]


def forget(app, env, docname) -> None:
    (getattr(env, USES, None) or {}).pop(docname, None)


def merge(app, env, docnames, other) -> None:
    mine = getattr(env, USES, None)
    if mine is None:
        mine = {}
        setattr(env, USES, mine)
    for doc in docnames:
        if doc in (getattr(other, USES, None) or {}):
            mine[doc] = other.barometre_reuse_pages[doc]


def _link(text: str, url: str) -> nodes.reference:
    return nodes.reference("", text, refuri=url)


def _para(*parts) -> nodes.paragraph:
    p = nodes.paragraph()
    for part in parts:
        p += nodes.Text(part) if isinstance(part, str) else part
    return p


COLOPHON = "book/colophon.md.j2"  # the colophon's words
_SLOT = re.compile(r"\[\[(\d)\]\]")


def _words(macro: str, *args) -> str:
    return phrase(COLOPHON, macro, *args)


def _para_of(macro: str, *slots, args: tuple = ()) -> nodes.paragraph:
    """A paragraph of the colophon's template ``macro``: its text, each « [[n]] » replaced by the n-th node."""
    text, parts, pos = _words(macro, *args), [], 0
    for m in _SLOT.finditer(text):
        parts += [text[pos:m.start()], slots[int(m.group(1)) - 1]]
        pos = m.end()
    parts.append(text[pos:])
    return _para(*(p for p in parts if not (isinstance(p, str) and p == "")))


def _directive(run_fn):
    from docutils.parsers.rst import Directive

    class _D(Directive):
        has_content = False

        def run(self):
            env = self.state.document.settings.env
            _record(env)
            return run_fn(env)

    return _D


def licences(env) -> list[nodes.Node]:
    from barometre.reuse import CODE_LICENCE, QUOTATION_RIGHT, QUOTATION_URL, TEXT_LICENCE

    items = nodes.bullet_list()
    items += nodes.list_item("", _para_of("text_licence", _link("Licence Ouverte / Etalab 2.0", TEXT_LICENCE["path"])))
    items += nodes.list_item("", _para_of("code_licence", _link("licence MIT", CODE_LICENCE["path"])))
    items += nodes.list_item("", _para_of("quotes_licence", _link(QUOTATION_RIGHT, QUOTATION_URL)))
    series = env.config.barometre_licences or []
    if series:
        sub = nodes.bullet_list()
        for entry in series:
            # the file's name on the web only: a printed report names the series, never a path (printed41)
            sub += nodes.list_item("", _para(nodes.emphasis(text=entry["title"] or entry["file"]),
                                             _web_only(" (", nodes.literal(text=entry["file"]), ")"), " : ",
                                             entry["licence"]))
        # where the licence is named: a file, on the web only (a printed report names no file)
        item = nodes.list_item("", _para_of("series_licences", _web_only(_words("provenance_named"))))
        item += sub
        items += item
    return [items]


def citation(env) -> list[nodes.Node]:
    parts = env.config.barometre_citation or {}
    if not parts:
        return [_para_of("no_citation")]
    p = _para_of("citation", nodes.strong(text=_words("citation_head") + " "), nodes.emphasis(text=parts["title"]),
                 nodes.literal(text=parts["code"]), nodes.literal(text=parts["data_sha"]),
                 args=(parts["author"], parts["edition"], parts["version"], parts["year"]))
    if parts.get("url"):
        p += nodes.Text(" " + _words("online") + " ")
        p += _link(parts["url"], parts["url"])
    return [p]


def downloads(env) -> list[nodes.Node]:
    from barometre.reuse import DOWNLOADS_DIR, all_indicators_name

    edition = env.config.barometre_edition
    if not edition or not env.config.barometre_all_indicators_sha:
        return []
    name = all_indicators_name(edition)
    target = f"/{DOWNLOADS_DIR}/{name}"
    ref = addnodes.download_reference("", "", reftarget=target, refdoc=env.docname, refdomain="",
                                      reftype="download", refexplicit=True, refwarn=True)
    ref += nodes.literal(text=name)
    env.note_dependency(str(Path(env.srcdir) / DOWNLOADS_DIR / name))
    # in print, the table is named and found on the site, not given as a file name (printed41), at the site's
    # address; a print reader cannot follow « le site du livre » without one (printed46): then print leaves it out
    what = _words("all_indicators", edition)
    base = (getattr(env.config, "html_baseurl", "") or "").strip()
    head = nodes.strong(text=_words("all_indicators_head") + " ")
    if not base:
        return [_web_paragraph(_para(head, ref, " (", what))]
    # the address as a URL (LaTeX's \url: no French space before its colon, broken at a slash, never hyphenated)
    address = nodes.raw("", f"\\url{{{base.rstrip('/')}/{edition}/}}", format="latex")
    return [_para(head, _web_only(ref, " ("),
                  _print_only(_words("on_site") + " ", address, " ("),
                  what)]


def _web_paragraph(paragraph: nodes.Node) -> addnodes.only:
    """A paragraph the web pages show and the print leaves out."""
    node = addnodes.only(expr="html")
    node += paragraph
    return node


def _web_only(*children) -> addnodes.only:
    """Inline nodes the web pages show and the print leaves out (a file's name)."""
    node = addnodes.only(expr="html")
    node += nodes.inline("", "", *(nodes.Text(c) if isinstance(c, str) else c for c in children))
    return node


def _print_only(*children) -> addnodes.only:
    """Inline nodes the print shows in place of a web-only part."""
    node = addnodes.only(expr="latex")
    node += nodes.inline("", "", *(nodes.Text(c) if isinstance(c, str) else c for c in children))
    return node


def read_downloads(app) -> None:
    """The fingerprint of the table of every indicator, which the build writes into the staging book
    (``Builder._assemble``, before its hash names the release): the colophon is read again when it
    changes."""
    from barometre.reuse import DOWNLOADS_DIR, all_indicators_name

    edition = app.config.barometre_edition
    path = Path(app.srcdir) / DOWNLOADS_DIR / all_indicators_name(int(edition)) if edition else None
    app.config.barometre_all_indicators_sha = (
        hashlib.sha256(path.read_bytes()).hexdigest() if path is not None and path.is_file() else "")


def setup(app):
    app.setup_extension("barometre.sphinx_ext")  # barometre_edition, barometre_data_dir
    app.add_config_value("barometre_citation", {}, "")
    app.add_config_value("barometre_licences", [], "")
    app.add_config_value("barometre_all_indicators_sha", "", "")
    app.add_directive("barometre-licences", _directive(licences))
    app.add_directive("barometre-citation", _directive(citation))
    app.add_directive("barometre-downloads", _directive(downloads))
    app.connect("builder-inited", read_downloads)
    app.connect("env-get-outdated", outdated)
    app.connect("env-purge-doc", forget)
    app.connect("env-merge-info", merge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
