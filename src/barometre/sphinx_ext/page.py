"""The HTML page's context: no third-party scripts (Jupyter Book always loads sphinx-thebe, which
declares a third-party URL and, with togglebutton, is injected twice per page; the book runs no
live code), the edition banner, the OpenGraph tags, the byline and the build stamp in the page's
metadata (``<meta name="barometre-build" ...>``; the data checksum is only in the colophon: in every
page, a one-value change would rewrite every page)."""

from __future__ import annotations

import re

from barometre.sphinx_ext.banner import edition_switcher
from barometre.sphinx_ext.opengraph import _escape_attr, opengraph_tags


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
