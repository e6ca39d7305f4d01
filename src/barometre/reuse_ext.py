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
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

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
    items += nodes.list_item("", _para(
        "Le texte du livre, ses données et les tableaux qu’il publie : ",
        _link("Licence Ouverte / Etalab 2.0", TEXT_LICENCE["path"]),
        " (paternité : le titre du livre, l’édition et son adresse ; voir « Pour citer ce livre »)."))
    items += nodes.list_item("", _para(
        "Le code qui construit le livre : ", _link("licence MIT", CODE_LICENCE["path"]), "."))
    items += nodes.list_item("", _para(
        "Les extraits de presse (300 caractères au plus, chacun attribué à son auteur et à sa "
        "publication) ne sont pas au projet : ils restent à leurs auteurs et éditeurs, et sont cités au "
        "titre du ", _link(QUOTATION_RIGHT, QUOTATION_URL), ". La Licence Ouverte ne s’applique pas à eux."))
    series = env.config.barometre_licences or []
    if series:
        sub = nodes.bullet_list()
        for entry in series:
            # the file's name on the web only: a printed report names the series, never a path (printed41)
            sub += nodes.list_item("", _para(nodes.emphasis(text=entry["title"] or entry["file"]),
                                             _web_only(" (", nodes.literal(text=entry["file"]), ")"), " : ",
                                             entry["licence"]))
        # where the licence is named: a file, on the web only (a printed report names no file)
        item = nodes.list_item("", _para("Les séries de référence ne sont pas au projet : chacune garde la "
                                         "licence de sa source", _web_only(", nommée dans son fichier de provenance"),
                                         " :"))
        item += sub
        items += item
    return [items]


def citation(env) -> list[nodes.Node]:
    parts = env.config.barometre_citation or {}
    if not parts:
        return [_para("Pour citer ce livre : construction hors du script de build.")]
    p = _para(nodes.strong(text="Pour citer ce livre : "), f"{parts['author']}, ",
              nodes.emphasis(text=parts["title"]),
              f", édition {parts['edition']}, version {parts['version']} (code ",
              nodes.literal(text=parts["code"]), ", données sha256 ", nodes.literal(text=parts["data_sha"]),
              f"), {parts['year']}. Licence Ouverte / Etalab 2.0.")
    if parts.get("url"):
        p += nodes.Text(" En ligne : ")
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
    what = (f"tableau CSV, en-têtes en français : chaque chiffre tel que l’édition {edition} le "
            "connaît, avec l’édition qui le publie, sa source, sa publication et son extrait).")
    base = (getattr(env.config, "html_baseurl", "") or "").strip()
    head = nodes.strong(text="Tous les indicateurs, année par année : ")
    if not base:
        return [_web_paragraph(_para(head, ref, " (", what))]
    # the address as a URL (LaTeX's \url: no French space before its colon, broken at a slash, never hyphenated)
    address = nodes.raw("", f"\\url{{{base.rstrip('/')}/{edition}/}}", format="latex")
    return [_para(head, _web_only(ref, " ("),
                  _print_only("un tableau téléchargeable sur le site du livre, ", address, " ("),
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
