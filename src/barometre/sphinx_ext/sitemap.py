"""Each edition's ``sitemap.xml``."""

from __future__ import annotations

from pathlib import Path

from barometre.sphinx_ext.opengraph import page_url

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
