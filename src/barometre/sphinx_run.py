"""Step 3's Sphinx run, in the process that calls it: what ``jupyter-book build --builder html -W -n
--keep-going -q`` does, without starting a process and importing Sphinx, myst-nb and the themes again.

The build runs it in a warm worker (``barometre.execution.Workers``), which already imported what
the chapters use; ``make site`` runs every edition's in the same workers, and the preview keeps
one in its own process. The arguments are those of jupyter-book's command line (``jupyter_book.cli``):
the staged ``_config.yml`` and ``_toc.yml``, nitpicky, warnings as errors, keep going.
"""

from __future__ import annotations

import contextlib
import io
import os
import time
from pathlib import Path


def warm() -> None:
    """Import what a Sphinx build of the book loads (for a resident process: the preview)."""
    import importlib

    for name in ("jupyter_book.sphinx", "sphinx.application", "sphinx.builders.html", "myst_nb",
                 "sphinx_book_theme", "pydata_sphinx_theme", "sphinx_external_toc", "barometre.sphinx_ext"):
        importlib.import_module(name)


def html(staging: str | Path, source_date_epoch: str) -> dict:
    """Build ``staging/_build/html`` from the staged book. Returns ``{"ok", "log", "seconds"}``: the
    Sphinx status and warnings as the command line prints them."""
    from jupyter_book.sphinx import build_sphinx

    staging = Path(staging).resolve()
    start = time.perf_counter()
    log = io.StringIO()
    here = os.getcwd()
    saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch
    os.chdir(staging)
    try:
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            result = build_sphinx(
                staging, staging / "_build" / "html", use_external_toc=True, noconfig=True,
                path_config=staging / "_config.yml",
                confoverrides={"external_toc_path": (staging / "_toc.yml").as_posix(),
                               "latex_individualpages": False, "nitpicky": True},
                builder="html", warningiserror=True, keep_going=True, quiet=True,
            )
    finally:
        os.chdir(here)
        if saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved_epoch
    ok = result == 0  # an int status, or the exception Sphinx stopped on
    text = log.getvalue()
    if isinstance(result, BaseException):
        text += f"\nERROR: {type(result).__name__}: {result}"
    return {"ok": ok, "log": text, "seconds": time.perf_counter() - start}
