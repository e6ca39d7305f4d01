"""``make publish DEST=…``: copy the built site (``_build/site/``: every edition and the archive
page) to a folder or a server path, for those who host it themselves.

Nothing is copied unless the site is complete: the archive page, every edition of the data folder
built with its PDF (``make site PDF=1``), every internal link and anchor resolving (a PDF a page links to included), and no
placeholder address in a page. The destination is a new or empty folder, or one a previous
``make publish`` wrote (it holds ``MARKER``); anything else is refused, so that a mistyped path
never empties a folder of other files. The copy is made beside the destination first; a failure
leaves the destination as it was."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from barometre.paths import BUILD_DIR, DATA_DIR, relative

MARKER = ".barometre-publication"


class PublishError(Exception):
    """The site cannot be published (incomplete, or the destination is refused)."""


def data_editions(data_dir: Path) -> list[int]:
    return sorted(int(p.stem) for p in (Path(data_dir) / "editions").glob("*.csv") if re.fullmatch(r"\d{4}", p.stem))


def site_problems(site: Path, data_dir: Path = DATA_DIR) -> list[str]:
    """Why ``site`` is not a complete site to publish (empty: it is)."""
    from barometre.linkcheck import _pages, internal_problems
    from barometre.reuse import PLACEHOLDER_HOSTS

    site = Path(site)
    if not (site / "index.html").is_file():
        return [f"{relative(site)} holds no site (no index.html): build it first with make site"]
    from barometre.publishing import pdf_name

    problems = []
    for e in data_editions(data_dir):
        if not (site / str(e) / "index.html").is_file():
            problems.append(f"edition {e} is not built ({relative(site)}/{e}/index.html is missing)")
        elif not (site / str(e) / pdf_name(e)).is_file():
            problems.append(f"edition {e} has no PDF ({relative(site)}/{e}/{pdf_name(e)} is missing: "
                            "make site PDF=1 builds them)")
    pages = _pages(site)
    for path in pages + sorted(site.glob("*/sitemap.xml")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for host in PLACEHOLDER_HOSTS:
            if re.search(rf"https?://([\w-]+\.)*{re.escape(host)}", text):
                problems.append(f"{path.relative_to(site).as_posix()}: links to the placeholder address {host}")
    problems += [f"broken link: {p}" for p in internal_problems(site, pages)]
    return problems


def _refuse_destination(dest: Path, site: Path) -> str | None:
    if dest.exists() and not dest.is_dir():
        return f"{dest} exists and is not a folder"
    site_real, dest_real = site.resolve(), dest.resolve()
    if dest_real == site_real or site_real in dest_real.parents or dest_real in site_real.parents:
        return f"{dest} is the built site, inside it or around it: give another folder"
    if dest.is_dir() and any(dest.iterdir()) and not (dest / MARKER).is_file():
        return (f"{dest} is not empty and no previous make publish wrote it (no {MARKER} in it): "
                "give a new or empty folder, so that nothing else there is deleted")
    return None


def publish_to(dest: Path | str, site: Path | None = None, data_dir: Path = DATA_DIR, echo=print) -> Path:
    """Copy the complete site to ``dest``; returns ``dest``."""
    site = Path(site) if site is not None else BUILD_DIR / "site"
    dest = Path(dest).expanduser()
    problems = site_problems(site, data_dir)
    if problems:
        from barometre.validation import capped

        raise PublishError("\n".join([
            f"The site in {relative(site)} is not complete: nothing was published ({len(problems)} problem(s)).",
            *capped([f"  - {p}" for p in problems]),
            "Build the whole site (make site PDF=1), then run make publish again.",
        ]))
    refused = _refuse_destination(dest, site)
    if refused:
        raise PublishError(f"Cannot publish to {dest}: {refused}. Nothing was published.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    stage = dest.parent / f".{dest.name}.publishing-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    try:
        # the edition folders of _build/site are symbolic links to releases: copy what they point at
        shutil.copytree(site, stage, symlinks=False)
        editions = sorted(p.name for p in stage.iterdir() if p.is_dir() and p.name.isdigit())
        (stage / MARKER).write_text("Published by make publish: " + ", ".join(editions) + "\n", encoding="utf-8")
        if not dest.exists():
            os.replace(stage, dest)
        else:
            for old in dest.iterdir():
                if old.is_dir() and not old.is_symlink():
                    shutil.rmtree(old)
                else:
                    old.unlink()
            for new in stage.iterdir():
                os.replace(new, dest / new.name)
            stage.rmdir()
    except OSError as exc:
        shutil.rmtree(stage, ignore_errors=True)
        raise PublishError(f"Could not copy the site to {dest}: {exc.strerror or exc}. "
                           "Check the space and the permissions, then run make publish again.") from exc
    echo(f"Site published to {dest} (editions {', '.join(editions)}): open {dest / 'index.html'} "
         "or serve the folder with any web server.")
    return dest
