"""OpenGraph metadata of a page (what a link to it shows when shared) and its public address."""

from __future__ import annotations

import re


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


def _escape_attr(text: str) -> str:
    import html

    return html.escape(text, quote=True)
