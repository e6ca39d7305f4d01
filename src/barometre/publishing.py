"""Step 4 of the build: publish a site atomically, and keep the archive of editions.

``_build/releases/<edition>-<hash>/`` holds each built site; ``_build/site/<edition>`` and
``_build/html`` (the latest edition) are symbolic links switched by one atomic rename, so a
reader never sees half a site and a failed build leaves the published one as it was.
``_build/site/index.html`` lists the editions (a Jinja2 template, ``templates/archive.html``).

An edition's PDF goes into its release only when it was built from the same staged book as the
release's HTML (same executed chapters, data, code and configuration: ``current_pdf`` compares
the staged book's hash the PDF build recorded): the colophon then links it, and the archive
page too. A PDF of other data or code is never linked.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from barometre.errors import BuildError, fault_point
from barometre.files import swap_link, write_if_changed
from barometre.html import render_html

PDF_MARK = '<div id="barometre-pdf"></div>'  # chapters/colophon.md: where the PDF's link goes


def pdf_name(edition: int) -> str:
    return f"barometre-outsourcing-{edition}.pdf"


def pdf_build_file(pdf: Path) -> Path:
    """Beside each PDF of ``_build/pdf/``: the hash of the staged book it was built from."""
    return pdf.with_suffix(".build")


def current_pdf(build_dir: Path, edition: int, build: str) -> Path | None:
    """The edition's PDF in ``_build/pdf/`` when it was built from the staged book whose hash is
    ``build``; None when there is none or it is of another build (stale)."""
    pdf = build_dir / "pdf" / pdf_name(edition)
    try:
        recorded = pdf_build_file(pdf).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return pdf if recorded == build and pdf.is_file() else None


def release_name(edition: int, build: str, with_pdf: bool) -> str:
    return f"{edition}-{build[:16]}" + ("-pdf" if with_pdf else "")


def add_pdf(site_dir: Path, edition: int, pdf: Path) -> None:
    """Put the edition's PDF in the site folder about to be published and link it from the colophon."""
    name = pdf_name(edition)
    shutil.copyfile(pdf, site_dir / name)
    colophon = site_dir / "chapters" / "colophon.html"
    text = colophon.read_text(encoding="utf-8")
    if PDF_MARK not in text:
        raise BuildError(f"The colophon of edition {edition} has no place for the PDF's link ({PDF_MARK} "
                         "in chapters/colophon.md): nothing was published.")
    from barometre.formatting import number

    size = number(pdf.stat().st_size / 1_000_000, 1)
    link = render_html("pdf_link.html", name=name, size=size)
    colophon.write_text(text.replace(PDF_MARK, link), encoding="utf-8")


def publish(html: Path, release: Path, site_link: Path, *, pdf: Path | None = None, edition: int = 0) -> None:
    """Copy the built ``html`` (and the edition's ``pdf``, linked) to the folder ``release`` and
    point ``site_link`` at it."""
    release.parent.mkdir(parents=True, exist_ok=True)
    tmp = release.with_name(release.name + f".tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        shutil.copytree(html, tmp, ignore=shutil.ignore_patterns(".buildinfo", ".doctrees", "_sources", "*.pdf"))
        if pdf is not None:
            add_pdf(tmp, edition, pdf)
        fault_point("publish-copied")
        if release.exists():
            shutil.rmtree(release)
        os.replace(tmp, release)
    except BuildError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except OSError as exc:  # shutil.Error (from copytree) gathers the errors of every file
        shutil.rmtree(tmp, ignore_errors=True)
        reason = exc.strerror
        if reason is None and exc.args and isinstance(exc.args[0], list) and exc.args[0]:
            reason = str(exc.args[0][0][-1])
        raise BuildError(
            f"Could not write the new site: {reason or exc}. "
            "Free some space or fix the permissions, then run the build again. "
            "Nothing was published; the last published site is unchanged."
        ) from exc
    fault_point("publish-before-swap")
    swap_link(site_link, release)


def point_html(build_dir: Path, edition: int, latest: int, release: Path) -> None:
    """``_build/html`` opens the latest edition; an older edition's build leaves it alone."""
    html_link = build_dir / "html"
    if edition != latest and html_link.is_symlink():
        return
    if html_link.exists() and not html_link.is_symlink():
        shutil.rmtree(html_link)  # a site from an older layout
    swap_link(html_link, release)


def archive_page(title: str, editions: list[int], pdfs: dict[int, str] | None = None) -> str:
    """The page that lists the published editions (and their PDFs, ``pdfs``: edition -> relative link)."""
    return render_html("archive.html", title=title, latest=max(editions), editions=sorted(editions, reverse=True),
                       pdfs=pdfs or {})


def write_archive_index(build_dir: Path, title: str) -> None:
    """``site/index.html``: the list of published editions, opening the latest."""
    site = build_dir / "site"
    editions = sorted(int(p.name) for p in site.glob("*") if p.is_symlink() and p.name.isdigit())
    if not editions:
        return
    pdfs = {e: f"{e}/{pdf_name(e)}" for e in editions if (site / str(e) / pdf_name(e)).is_file()}
    page = archive_page(title, editions, pdfs)
    write_if_changed(site / "index.html", page)
    # ``_build/html`` sits one level above ``site/<edition>``: the same archive page and a link per
    # edition beside it make the edition banner's relative links (``../2008/index.html``,
    # ``../index.html``) work from ``_build/html`` as from ``_build/site/<edition>``.
    write_if_changed(build_dir / "index.html", page)
    for e in editions:
        link = build_dir / str(e)
        if not link.is_symlink() or os.readlink(link) != f"site/{e}":
            if link.is_symlink():
                link.unlink()
            if not link.exists():
                link.symlink_to(f"site/{e}", target_is_directory=True)


def prune_releases(build_dir: Path) -> None:
    """Drop the releases no link publishes."""
    releases = build_dir / "releases"
    keep = {p.resolve() for p in [build_dir / "html", *(build_dir / "site").glob("*")] if p.is_symlink()}
    for path in releases.iterdir():
        if path.resolve() not in keep:
            shutil.rmtree(path, ignore_errors=True)
