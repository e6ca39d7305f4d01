"""The print charts' PDFs, drawn once: a cache by print form, filled in parallel before the LaTeX build.

Drawing the charts for print is most of a PDF build (issue 26, measured on the 2024 book: 31 charts, 39
PDFs, 35 s of a 58 s ``make pdf`` under load, against about 6 s for the three XeLaTeX passes): vl-convert
draws each chart twice as SVG to fit its width, then as PDF, one after the other in the LaTeX build's
single process. ``Builder.pdf`` therefore draws them beforehand, on every worker (``predraw``), into a
cache folder named after the package code (``BAROMETRE_PRINT_CACHE``); the LaTeX build's mime renderer
(``sphinx_ext.printing``) reads them from there (``cached_pdfs``). A chart whose print form did not change
is never drawn again: after a data change, only the charts that show it.

A cache entry is the print form's sha256: ``<key>.json`` (the number of parts), written after the parts
``<key>-<i>.pdf``, each atomically; an entry that cannot be read is drawn again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from barometre.charts.printing import print_pdfs
from barometre.charts.theme import PRINT_MIME
from barometre.files import atomic_write

CACHE_ENV = "BAROMETRE_PRINT_CACHE"
IN_PROCESS_UP_TO = 4  # charts drawn here rather than in new processes (vl-convert draws one at a time, threads or not)


def form_key(form: dict) -> str:
    return hashlib.sha256(json.dumps(form, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def lookup(folder: Path, form: dict) -> list[bytes] | None:
    """The cached PDFs of ``form``, or None."""
    key = form_key(form)
    try:
        parts = int(json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))["parts"])
        return [(folder / f"{key}-{i}.pdf").read_bytes() for i in range(parts)]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(folder: Path, form: dict, pdfs: list[bytes]) -> None:
    key = form_key(form)
    folder.mkdir(parents=True, exist_ok=True)
    for i, pdf in enumerate(pdfs):
        atomic_write(folder / f"{key}-{i}.pdf", pdf)
    atomic_write(folder / f"{key}.json", json.dumps({"parts": len(pdfs)}).encode())


def cached_pdfs(form: dict) -> list[bytes]:
    """``print_pdfs(form)``, from the cache folder ``BAROMETRE_PRINT_CACHE`` when it is set (and into it)."""
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        return print_pdfs(form)
    hit = lookup(Path(folder), form)
    if hit is not None:
        return hit
    pdfs = print_pdfs(form)
    store(Path(folder), form, pdfs)
    return pdfs


def print_forms(notebooks: Iterable[Path]) -> list[dict]:
    """The print forms (``PRINT_MIME``) of the executed notebooks' outputs, explorers left out."""
    forms = []
    for path in notebooks:
        for cell in json.loads(Path(path).read_text(encoding="utf-8")).get("cells", []):
            for output in cell.get("outputs", []):
                form = output.get("data", {}).get(PRINT_MIME)
                if isinstance(form, str):
                    form = json.loads(form)
                if isinstance(form, dict) and not form.get("omit"):
                    forms.append(form)
    return forms


def _draw(job: tuple[str, dict]) -> None:
    folder, form = job
    store(Path(folder), form, print_pdfs(form))


def predraw(forms: Iterable[dict], folder: Path, jobs: int) -> int:
    """Draw into ``folder`` every form not cached yet, on ``jobs`` processes; the number drawn."""
    missing = {form_key(f): f for f in forms if lookup(folder, f) is None}
    if not missing:
        return 0
    if jobs <= 1 or len(missing) <= IN_PROCESS_UP_TO:  # a process costs its imports (seconds)
        for form in missing.values():
            _draw((str(folder), form))
        return len(missing)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # the build holds threads: no fork under them
    with ProcessPoolExecutor(max_workers=min(jobs, len(missing)), mp_context=context) as pool:
        # the largest forms first: they take longest
        ordered = sorted(missing.values(), key=lambda f: -len(json.dumps(f)))
        list(pool.map(_draw, [(str(folder), f) for f in ordered]))
    return len(missing)
