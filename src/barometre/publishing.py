"""Step 4 of the build: publish a site atomically, and keep the archive of editions.

``_build/releases/<edition>-<hash>/`` holds each built site; ``_build/site/<edition>`` and
``_build/html`` (the latest edition) are symbolic links switched by one atomic rename, so a
reader never sees half a site and a failed build leaves the published one as it was.
``_build/site/index.html`` lists the editions (a Jinja2 template, ``templates/archive.html``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from barometre.errors import BuildError, fault_point
from barometre.files import swap_link, write_if_changed

TEMPLATES = Path(__file__).parent / "templates"


def publish(html: Path, release: Path, site_link: Path) -> None:
    """Copy the built ``html`` to the folder ``release`` and point ``site_link`` at it."""
    release.parent.mkdir(parents=True, exist_ok=True)
    tmp = release.with_name(release.name + f".tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        shutil.copytree(html, tmp, ignore=shutil.ignore_patterns(".buildinfo", ".doctrees", "_sources"))
        fault_point("publish-copied")
        if release.exists():
            shutil.rmtree(release)
        os.replace(tmp, release)
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


def archive_page(title: str, editions: list[int]) -> str:
    """The page that lists the published editions and opens the latest."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      keep_trailing_newline=True)
    return env.get_template("archive.html").render(title=title, latest=max(editions),
                                                   editions=sorted(editions, reverse=True))


def write_archive_index(build_dir: Path, title: str) -> None:
    """``site/index.html``: the list of published editions, opening the latest."""
    site = build_dir / "site"
    editions = sorted(int(p.name) for p in site.glob("*") if p.is_symlink() and p.name.isdigit())
    if not editions:
        return
    page = archive_page(title, editions)
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
