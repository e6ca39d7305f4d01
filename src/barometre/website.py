"""``make site``: every edition of ``data/editions/`` and the archive page, in one command.

- The data are validated once, and every edition is compared with the one before it, before
  anything is executed: an error in any edition stops the whole site, nothing touched.
- An edition whose inputs equal those of its published release (``Builder.current_release``)
  is not rebuilt.
- The others are built together: one set of warm workers (``execution.Workers``, as many as
  ``jobs``) runs every edition's chapters and Sphinx builds, each edition in a thread of this
  process that waits on them, so that the cores stay busy from the first chapter to the last page.
- Every edition is published (``Builder.publish``: copy, then one atomic rename per edition) only
  once all are built: a failure in one leaves the whole published site as it was. Then
  ``_build/html`` points at the latest edition, the archive page lists them all, and releases
  and cache entries no edition uses any more are removed.
- With ``pdf``, each edition's PDF is built afterwards from the same executed chapters
  (``Builder.pdf``), unless a PDF of the same build is already there (``pdfs.current``).
"""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from barometre.build import Builder, BuildResult
from barometre.errors import BuildError
from barometre.execution import Workers
from barometre.paths import BUILD_DIR, DATA_DIR, relative
from barometre.publishing import pdf_name, point_html, prune_releases


@dataclass
class SiteResult:
    built: list[BuildResult] = field(default_factory=list)  # editions rebuilt (or checked) this run
    unchanged: list[int] = field(default_factory=list)  # editions whose inputs did not change
    pdfs: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def build_site(*, data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR, jobs: int = 2, force: bool = False,
               pdf: bool = False, echo=print) -> SiteResult:
    t0 = time.perf_counter()
    data_dir, build_dir = Path(data_dir).resolve(), Path(build_dir).resolve()
    holder = Builder(data_dir=data_dir, build_dir=build_dir, echo=echo)  # holds the build folder's lock
    holder._lock()
    try:
        result = _build(holder, data_dir, build_dir, jobs, force, pdf, echo)
    finally:
        holder._unlock()
    result.seconds = time.perf_counter() - t0
    echo(f"Site published: {relative(build_dir)}/site/ ({len(result.built)} edition(s) built, "
         f"{len(result.unchanged)} unchanged), {result.seconds:.1f} s.")
    return result


class _Echo:
    """What the editions' builds say, from their threads: each message whole and prefixed with its
    edition; a comparison report by its first line (the whole one is in _build/reports/), and a note
    every edition repeats, once."""

    def __init__(self, echo):
        self.echo, self.said, self.guard = echo, set(), threading.Lock()

    def __call__(self, edition: int, message: str) -> None:
        first, _, rest = message.partition("\n")
        if rest and re.match(r"Edition \d{4} (against|is the first)", first):
            message = f"{first} (report: _build/reports/{edition}-changes.txt)"
        if message.startswith("Note:"):
            if message in self.said:
                return
            self.said.add(message)
        with self.guard:
            self.echo("\n".join(f"[{edition}] {line}" for line in message.splitlines()))


def _build(holder: Builder, data_dir: Path, build_dir: Path, jobs: int, force: bool, pdf: bool,
           echo) -> SiteResult:
    result = SiteResult()
    say = _Echo(echo)
    years = holder._years()
    if not years:
        raise BuildError(f"No edition in {relative(data_dir / 'editions')}: nothing to build.")
    with Workers(jobs) as workers:

        def builder(edition: int) -> Builder:
            return Builder(edition, data_dir=data_dir, build_dir=build_dir, jobs=jobs, force=force,
                           echo=lambda m, e=edition: say(e, m), workers=workers, in_site=True)

        pending = []
        for edition in years:
            if builder(edition).current_release() is None:
                pending.append(edition)
            else:
                result.unchanged.append(edition)
        if result.unchanged:
            echo(f"Unchanged since their last build: {', '.join(map(str, result.unchanged))}.")
        if pending:
            result.built = _build_editions(pending, builder, holder, data_dir, echo)
        _finish(build_dir, years, holder, result)
        if pdf:
            result.pdfs = _pdfs(build_dir, years, builder, jobs)
            holder._write_archive_index()
            prune_releases(build_dir)
    return result


def _build_editions(pending: list[int], builder, holder: Builder, data_dir: Path, echo) -> list[BuildResult]:
    from barometre.data import load
    from barometre.editions import compare_editions

    dataset = load(data_dir)  # every file validated once; an error stops everything, nothing touched
    echo(f"Data valid: editions {', '.join(map(str, dataset.editions))}; building {', '.join(map(str, pending))}.")
    problems = []
    for edition in pending:  # every edition's comparison before anything is executed
        report = compare_editions(dataset, dataset.previous(edition), edition)
        if report.errors:
            problems.append(report.to_text(brief=True))
    if problems:
        raise BuildError("\n".join(problems) + "\nNothing was built or published; the published site is unchanged.")
    holder._vega_bundle()  # written once into the cache, read by every edition
    builders = {e: builder(e) for e in pending}
    # longest first: the latest edition has the most figures
    with ThreadPoolExecutor(max_workers=len(pending)) as threads:
        futures = {e: threads.submit(builders[e].render, dataset) for e in sorted(pending, reverse=True)}
        failures = []
        rendered = {}
        for e, future in sorted(futures.items()):
            try:
                rendered[e] = future.result()
            except BuildError as exc:
                failures.append(f"Edition {e}: {exc}")
    if failures:
        raise BuildError("\n".join(failures) + "\nNo edition was published; the published site is unchanged.")
    return [builders[e].publish(rendered[e]) for e in sorted(pending)]


def _finish(build_dir: Path, years: list[int], holder: Builder, result: SiteResult) -> None:
    """``_build/html`` opens the latest edition; the archive lists every edition; what no edition
    publishes or uses any more is removed."""
    latest = max(years)
    link = build_dir / "site" / str(latest)
    if link.is_symlink():
        point_html(build_dir, latest, latest, link.resolve())
    holder._write_archive_index()
    if result.built:
        prune_releases(build_dir)
        runs = [run for built in result.built for run in built.runs]
        holder._cache.prune(runs, keep=len(years))


def _pdfs(build_dir: Path, years: list[int], builder, jobs: int) -> list[Path]:
    """Each edition's PDF: kept when the published release already holds the PDF of its build,
    built otherwise (``Builder.pdf``, which publishes the edition again with it), ``jobs`` at a time."""
    have = {e: build_dir / "site" / str(e) / pdf_name(e) for e in years}
    todo = [e for e in years if not have[e].is_file()]
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(todo) or 1))) as threads:
        built = dict(zip(todo, threads.map(lambda e: builder(e).pdf(), todo), strict=True))
    return [built.get(e, have[e]) for e in years]
