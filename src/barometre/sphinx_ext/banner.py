"""The edition banner of every page."""

from __future__ import annotations


def edition_switcher(pagename: str, edition: int, editions: list[int]) -> str:
    """The banner of every page: this edition, links to the earlier ones and to the archive, which lists
    them all. Not to the later ones: the book of an edition does not change when a later one is added
    (``barometre.vintage``), and the archive page, rewritten at each build, leads to them.

    Editions are published side by side (``site/2008/``, ``site/2009/``, ``site/index.html``),
    so the links are relative and work from disk and from any sub-path."""
    if not edition:
        return ""
    up = "../" * pagename.count("/")
    earlier = [e for e in editions if e < edition]
    links = " · ".join(f'<a href="{up}../{e}/index.html">{e}</a>' for e in earlier)
    text = f"Baromètre, édition {edition}"
    if links:
        text += f" — éditions précédentes : {links}"
    return text + f' — <a href="{up}../index.html">toutes les éditions</a>'
