"""The book's Sphinx extension (listed in _config.yml under extra_extensions), one module a job:

- ``provenance``: every link from a number to its row of the sources annex gets a tooltip with
  the indicator, the edition, the scope, the period, the source and the article's quote;
- ``rewrite``: the pages written again when their data change without their text changing;
- ``typography``: French spacing, ranges bound and « 1er » in every text of the page but code
  and raw HTML;
- ``sections``: a section whose cells printed nothing is left out;
- ``page``: the HTML page's context (no third-party scripts, the ``banner`` of editions, the
  ``opengraph`` tags, the byline, the build stamp in the page's metadata);
- ``interface``: the theme's English strings in French, its icon script dropped;
- ``colophon``: the directive printing the whole build stamp;
- ``printing``: ``PrintFigure``, the myst-nb mime renderer of a chart's print form;
- ``latex``: the PDF's structure (introduction, synthesis up front, appendices).

Each edition's ``sitemap.xml`` is sphinx-sitemap's (added by the build when the site has an address; it sets its URL scheme to the
edition's folder). The OpenGraph tags stay the book's own (``opengraph``): sphinxext-opengraph 0.13,
measured on the 2008 edition, gives the same tags but a description cut within a word and ended by
« ... » (« un modèle c... »), and on the annex a heading glued to it without the French space
(« Annexe : les chiffres et leurs sources: Chaque chiffre… »).
"""

from __future__ import annotations

from barometre.sphinx_ext.banner import edition_switcher
from barometre.sphinx_ext.colophon import _colophon_directive
from barometre.sphinx_ext.interface import INTERFACE_FR, drop_fontawesome_script, french_interface
from barometre.sphinx_ext.latex import latex_structure
from barometre.sphinx_ext.opengraph import opengraph_tags, page_url
from barometre.sphinx_ext.page import byline_author, clean_scripts
from barometre.sphinx_ext.printing import (
    PrintFigure,
    continuation_note,
    forget_printed_panels,
    forget_unprinted,
    merge_printed_panels,
    print_outdated,
    read_in_print_order,
    reread_panel_pages,
)
from barometre.sphinx_ext.provenance import add_provenance_tooltips
from barometre.sphinx_ext.rewrite import (
    forget_page_inputs,
    merge_page_inputs,
    pages_to_reread,
    pages_to_rewrite,
    record_page_inputs,
)
from barometre.sphinx_ext.sections import drop_empty_sections
from barometre.sphinx_ext.typography import (
    bind_ranges,
    french_spacing,
    french_typography,
    ordinal_superscripts,
    raw_typography,
)

__all__ = [
    "INTERFACE_FR",
    "PrintFigure",
    "add_provenance_tooltips",
    "bind_ranges",
    "byline_author",
    "clean_scripts",
    "continuation_note",
    "drop_empty_sections",
    "drop_fontawesome_script",
    "edition_switcher",
    "forget_page_inputs",
    "forget_printed_panels",
    "forget_unprinted",
    "french_interface",
    "french_spacing",
    "french_typography",
    "latex_structure",
    "merge_page_inputs",
    "merge_printed_panels",
    "opengraph_tags",
    "ordinal_superscripts",
    "page_url",
    "pages_to_reread",
    "pages_to_rewrite",
    "print_outdated",
    "raw_typography",
    "read_in_print_order",
    "record_page_inputs",
    "reread_panel_pages",
    "setup",
]


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
    app.connect("env-get-outdated", reread_panel_pages, priority=400)  # before print_outdated clears its set
    app.connect("env-get-outdated", print_outdated)
    app.connect("env-before-read-docs", read_in_print_order)
    app.connect("env-purge-doc", forget_printed_panels)
    app.connect("env-merge-info", merge_printed_panels)
    app.connect("env-purge-doc", forget_unprinted)
    app.connect("env-purge-doc", forget_page_inputs)
    app.connect("env-merge-info", merge_page_inputs)
    app.connect("doctree-read", record_page_inputs)
    app.connect("doctree-read", drop_empty_sections, priority=400)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("env-get-outdated", pages_to_reread)
    app.connect("doctree-resolved", latex_structure)
    app.connect("doctree-resolved", add_provenance_tooltips)
    app.connect("doctree-resolved", french_typography)
    app.connect("html-page-context", clean_scripts)
    app.connect("build-finished", drop_fontawesome_script)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
