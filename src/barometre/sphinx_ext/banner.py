"""The edition banner of every page."""

from __future__ import annotations


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
