"""The build: validate, execute (cached, in parallel), assemble, publish atomically.

Steps, in order (``Builder`` runs them; each step's code lives in its own module):

1. validate ``data/`` (any problem stops everything, nothing is touched) and compare the
   edition with the previous one (``barometre.editions``);
2. execute each chapter notebook (``barometre.execution``: parameters injected by papermill,
   cells run by ``barometre.engine`` in warm worker processes, in parallel), unless the
   cache holds a run with the same notebook, package code, lock, parameters and the same
   rows of the data the chapter declares (``barometre.book``);
3. assemble a staging copy of the book (``_build/staging/<edition>``) and run
   ``jupyter-book build`` on it with warnings as errors (the PDF's front matter comes from
   ``barometre.latex``);
4. copy the site to a new release folder and switch the published links
   (``_build/site/<edition>`` and ``_build/html``) to it with an atomic rename
   (``barometre.publishing``).

A failure at any step leaves the published site exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from barometre import vintage
from barometre.book import notebooks as toc_chapters
from barometre.errors import BuildError, fault_point
from barometre.execution import (
    CLEAR_CACHE,
    ChapterCache,
    ChapterRun,
    Workers,
    execute_chapters,
    keep_failed_notebook,
    package_hash,
)
from barometre.files import atomic_write, special_entries, swap_link, write_if_changed
from barometre.latex import balanced_lines, latex_escape, pdf_metadata, title_page
from barometre.paths import BUILD_DIR, CHAPTERS_DIR, DATA_DIR, ROOT, relative, source_date_epoch
from barometre.publishing import (
    current_pdf,
    pdf_build_file,
    pdf_name,
    point_html,
    prune_releases,
    publish,
    release_name,
    write_archive_index,
)
from barometre.reuse import (
    DOWNLOADS_DIR,
    all_indicators_csv,
    all_indicators_name,
    citation_parts,
    reference_licences,
)
from barometre.stamps import (
    PDF_TOOLS,
    build_stamp,
    code_version,
    data_date_footer,
    missing_tools,
    page_stamp,
    tools_message,
)

__all__ = ["BuildError", "BuildResult", "Builder", "ChapterRun", "balanced_lines", "build", "build_stamp",
           "fault_point", "keep_failed_notebook", "latex_escape", "pdf_metadata", "toc_chapters"]

CONFIG = "_config.yml"
TOC = "_toc.yml"
STATIC = "_static"
VEGA_BUNDLE = Path(STATIC) / "vega" / "vega-bundle.js"


@dataclass
class BuildResult:
    edition: int
    runs: list[ChapterRun] = field(default_factory=list)
    sphinx_ran: bool = False
    published: Path | None = None
    seconds: float = 0.0

    @property
    def executed(self) -> list[str]:
        return [r.name for r in self.runs if r.status == "executed"]


@dataclass
class Rendered:
    """An edition built in its staging folder, not yet published (``Builder.render``)."""

    edition: int
    latest: int
    staging: Path
    runs: list[ChapterRun]
    release: Path
    up_to_date: bool  # the published release already is this build
    pdf: Path | None  # the edition's PDF, when built from this same staged book
    inputs: tuple[int, str] | None


class Builder:
    def __init__(
        self,
        edition: int | None = None,
        *,
        data_dir: Path = DATA_DIR,
        build_dir: Path = BUILD_DIR,
        jobs: int = 2,
        force: bool = False,
        echo=print,
        extra_parameters: dict | None = None,
        workers: Workers | None = None,
        in_site: bool = False,
    ):
        self.data_dir = Path(data_dir).resolve()
        self.build_dir = Path(build_dir).resolve()
        self.jobs = max(1, jobs)
        self.force = force
        self.echo = echo
        self.requested_edition = edition
        self.extra_parameters = extra_parameters or {}
        self._cache = ChapterCache(self.build_dir)
        # warm workers for the chapters and Sphinx: the site's (shared by its editions) or our own
        self._shared_workers = workers
        self._own_workers: Workers | None = None
        # part of ``make site`` (barometre.website): the site holds the lock, publishes every edition
        # once all are built, then writes the archive and prunes the releases and the cache
        self.in_site = in_site

    @property
    def workers(self) -> Workers:
        if self._shared_workers is not None:
            return self._shared_workers
        if self._own_workers is None:
            self._own_workers = Workers(self.jobs)
        return self._own_workers

    def _release_resources(self) -> None:
        if self._own_workers is not None:
            self._own_workers.close(terminate=sys.exc_info()[0] is not None)
            self._own_workers = None
        self._unlock()

    # -- the steps ------------------------------------------------------------------------

    def prepare(self, dataset=None):
        """Steps 1 and 2: validate, execute (cached) and assemble the staging book (``dataset``:
        the data already loaded and validated, by ``make site``)."""
        from barometre.data import load

        self._lock()

        if dataset is None:
            dataset = load(self.data_dir)  # step 1: raises DataValidationError, nothing touched
        edition = self.requested_edition or dataset.latest
        if edition not in dataset.editions:
            raise BuildError(
                f"Edition {edition} is not in {relative(self.data_dir / 'editions')} "
                f"(available: {', '.join(map(str, dataset.editions))})."
            )
        self.echo(f"Data valid: editions {', '.join(map(str, dataset.editions))}; building edition {edition}.")
        self._compare(dataset, edition)  # step 1b: errors stop the build here, nothing touched
        staging = self.build_dir / "staging" / str(edition)
        self._dataset_editions = dataset.editions
        changed = self._assemble(staging, edition)
        # the Vega bundle (vl-convert, ~1.5 s the first time) is written while the chapters run
        import threading

        bundle: dict[str, bytes] = {}
        writer = threading.Thread(target=lambda: bundle.update(js=self._vega_bundle()))
        writer.start()
        try:
            runs = self._execute_all(dataset, staging, edition)
        finally:
            writer.join()
        changed = write_if_changed(staging / VEGA_BUNDLE, bundle["js"]) or changed
        changed = self._install_notebooks(staging, runs) or changed
        return dataset, edition, staging, runs, changed

    def run(self) -> BuildResult:
        try:
            return self._run()
        finally:
            self._release_resources()

    def pdf(self) -> Path:
        """The PDF book from the same executed chapters (no re-execution when the cache is warm)."""
        try:
            return self._pdf()
        finally:
            self._release_resources()

    def _inputs_key(self, edition: int) -> str:
        """Everything a build of ``edition`` reads: the data folder as of the edition, the package code
        and the lock, the chapters, the book's configuration and static files, the parameters and
        the code version the colophon prints."""
        h = hashlib.sha256(package_hash().encode())
        h.update(code_version().encode())
        h.update(os.environ.get("BAROMETRE_BASEURL", "").strip().encode())  # the site address (barometre.reuse)
        h.update(json.dumps(self._parameters(edition), sort_keys=True).encode())
        # the data as the book of the edition reads them: nothing a later edition adds (barometre.vintage)
        h.update(vintage.data_digest(self.data_dir, edition, [p for p in self.data_dir.rglob("*") if p.is_file()])
                 .hexdigest().encode())
        trees = [(ROOT, [ROOT / CONFIG, ROOT / TOC]),
                 (ROOT, sorted(CHAPTERS_DIR.rglob("*"))), (ROOT, sorted((ROOT / STATIC).rglob("*")))]
        for base, paths in trees:
            for path in paths:
                if path.is_file():
                    h.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
        return h.hexdigest()

    def _years(self) -> list[int]:
        return sorted(int(p.stem) for p in (self.data_dir / "editions").glob("[0-9][0-9][0-9][0-9].csv"))

    def current_release(self) -> Path | None:
        """The published release of the edition when every input equals that of the build that
        published it (nothing needs validating, executing or rebuilding: those inputs were); None
        otherwise (or with ``force``, or a link or a special file in data/: then the full build
        validates, and refuses, it)."""
        if self.force or special_entries(self.data_dir):
            return None
        try:
            edition = int(self.requested_edition or self._years()[-1])
            stamp = json.loads((self._state_file(edition)).read_text(encoding="utf-8"))
        except (OSError, ValueError, IndexError, KeyError):
            return None
        release = self.build_dir / "releases" / stamp.get("release", "")
        site_link = self.build_dir / "site" / str(edition)
        if not (stamp.get("inputs") == self._inputs_key(edition) and release.is_dir() and site_link.is_symlink()
                and site_link.resolve() == release.resolve()):
            return None
        return release

    def _unchanged(self) -> BuildResult | None:
        """The fast no-op: the published release when nothing changed (``current_release``)."""
        release = self.current_release()
        if release is None:
            return None
        years = self._years()
        edition = int(self.requested_edition or years[-1])
        self.echo(f"Nothing changed since the last build of edition {edition}: the published site is up to date.")
        if edition == years[-1] or not (self.build_dir / "html").is_symlink():
            swap_link(self.build_dir / "html", release)
        self._write_archive_index()
        return BuildResult(edition, [], published=release)

    def _state_file(self, edition: int) -> Path:
        return self.build_dir / "state" / f"{edition}-inputs.json"

    def _inputs_before(self) -> tuple[int, str] | None:
        try:
            edition = int(self.requested_edition or self._years()[-1])
        except (OSError, ValueError, IndexError):
            return None
        return edition, self._inputs_key(edition)

    def _run(self) -> BuildResult:
        t0 = time.perf_counter()
        self._lock()
        fast = self._unchanged()
        if fast is not None:
            fast.seconds = time.perf_counter() - t0
            return fast
        result = self.publish(self.render())
        result.seconds = time.perf_counter() - t0
        self.echo(f"Edition {result.edition} published: {relative(self.build_dir)}/site/{result.edition} "
                  f"(and {relative(self.build_dir)}/html for the latest edition), {result.seconds:.1f} s.")
        return result

    def render(self, dataset=None) -> Rendered:
        """Steps 1 to 3: validate, execute, assemble and run Sphinx in the staging folder (unless the
        published release already is this build). Nothing is published."""
        inputs = self._inputs_before()  # before anything is read: what this build is made of
        dataset, edition, staging, runs, changed = self.prepare(dataset)
        build = self._tree_hash(staging)
        pdf = current_pdf(self.build_dir, edition, build)
        release = self.build_dir / "releases" / release_name(edition, build, pdf is not None)
        site_link = self.build_dir / "site" / str(edition)
        up_to_date = (not changed and release.is_dir() and site_link.is_symlink()
                      and site_link.resolve() == release.resolve())
        if not up_to_date:
            self._sphinx(staging, edition)
        return Rendered(edition, dataset.latest, staging, runs, release, up_to_date, pdf, inputs)

    def publish(self, rendered: Rendered) -> BuildResult:
        """Step 4: publish a rendered edition atomically and record its inputs."""
        edition, release = rendered.edition, rendered.release
        result = BuildResult(edition, rendered.runs, sphinx_ran=not rendered.up_to_date, published=release)
        if rendered.up_to_date:
            self.echo("Nothing changed since the last build: the published site is up to date.")
        else:
            publish(rendered.staging / "_build" / "html", release, self.build_dir / "site" / str(edition),
                    pdf=rendered.pdf, edition=edition)
        if not self.in_site:
            point_html(self.build_dir, edition, rendered.latest, release)
            if not rendered.up_to_date:
                self._cache.prune(rendered.runs)
                prune_releases(self.build_dir)
            self._write_archive_index()
        if rendered.inputs is not None and rendered.inputs[0] == edition:
            atomic_write(self._state_file(edition),
                          json.dumps({"inputs": rendered.inputs[1], "release": release.name}, indent=1).encode())
        return result

    def _pdf(self) -> Path:
        t0 = time.perf_counter()
        missing_tex = missing_tools(PDF_TOOLS)
        if missing_tex:  # before anything runs: jupyter-book would end in a traceback tail naming neither
            raise BuildError(tools_message(missing_tex, "the PDF book (make pdf)"))
        _, edition, staging, _, _ = self.prepare()
        logs = self.build_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        log = logs / f"{edition}-pdf.log"
        # the charts drawn for print beforehand, on every worker, into a cache the LaTeX build reads
        from barometre.charts.print_cache import CACHE_ENV, predraw
        from barometre.sphinx_ext.printing import forms_as_printed

        charts = self.build_dir / "cache" / f"print-{package_hash()[:16]}"
        for old in (self.build_dir / "cache").glob("print-*"):  # drawn by another version of the code
            if old != charts:
                shutil.rmtree(old, ignore_errors=True)
        t_draw = time.perf_counter()
        drawn = predraw(forms_as_printed(staging), charts, self.jobs)  # as the PDF prints them (issue 27)
        self.echo(f"  [print]    {drawn} chart(s) drawn for print  {time.perf_counter() - t_draw:.1f} s")
        jb = Path(sys.executable).with_name("jupyter-book")
        cmd = [str(jb), "build", str(staging), "--builder", "pdflatex", "-W", "-n", "--keep-going", "-q"]
        env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(), "FORCE_SOURCE_DATE": "1",
               CACHE_ENV: str(charts)}
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=staging, env=env)
        log.write_text(proc.stdout + "\n" + proc.stderr, encoding="utf-8")
        # the book's own PDF (latex_documents' target), not one of the charts' PDFs beside it
        target_tex = yaml.safe_load((staging / CONFIG).read_text(encoding="utf-8"))["latex"]["latex_documents"]["targetname"]
        book_pdf = staging / "_build" / "latex" / Path(target_tex).with_suffix(".pdf").name
        pdfs = [book_pdf] if book_pdf.is_file() else []
        if proc.returncode != 0 or not pdfs:
            warnings = [
                line for line in (proc.stdout + proc.stderr).splitlines()
                if "WARNING" in line or "ERROR" in line or line.startswith("!")
            ]
            detail = "\n".join("    " + w for w in warnings[:30]) or "\n".join(proc.stderr.splitlines()[-20:])
            raise BuildError(
                f"The PDF build failed for edition {edition}:\n{detail}\n    Full log: {relative(log)}\n"
                "The last PDF is unchanged.\n" + CLEAR_CACHE
            )
        target = self.build_dir / "pdf" / pdf_name(edition)
        build = self._tree_hash(staging)
        pdf_build_file(target).unlink(missing_ok=True)  # never a new PDF beside an old build's hash
        atomic_write(target, pdfs[0].read_bytes())
        atomic_write(pdf_build_file(target), build.encode())
        self.echo(f"PDF of edition {edition}: {relative(target)} ({time.perf_counter() - t0:.1f} s).")
        self._attach_pdf(edition, build, target)
        return target

    def _attach_pdf(self, edition: int, build: str, pdf: Path) -> None:
        """When the published release of the edition is this build's HTML, publish it again with the
        PDF and its link (a new release, switched atomically); another build's site is left alone."""
        site_link = self.build_dir / "site" / str(edition)
        plain = self.build_dir / "releases" / release_name(edition, build, False)
        if not (site_link.is_symlink() and site_link.resolve() == plain.resolve()):
            return
        release = self.build_dir / "releases" / release_name(edition, build, True)
        publish(plain, release, site_link, pdf=pdf, edition=edition)
        html = self.build_dir / "html"
        if html.is_symlink() and html.resolve() == plain.resolve():
            swap_link(html, release)
        try:
            state = json.loads(self._state_file(edition).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = None
        if isinstance(state, dict) and state.get("release") == plain.name:
            atomic_write(self._state_file(edition), json.dumps({**state, "release": release.name}, indent=1).encode())
        if not self.in_site:
            prune_releases(self.build_dir)
            self._write_archive_index()
        self.echo(f"Edition {edition} published again with its PDF: {relative(site_link)}/{pdf.name}.")

    def _compare(self, dataset, edition: int) -> None:
        """Check the edition against the previous one before anything is executed.

        Errors (a figure gone without a not_published row, a changed unit, a TO FILL left)
        stop the build; warnings (jumps to confirm) and revisions are printed; the whole
        report is saved to ``<build_dir>/reports/<edition>-changes.txt`` and ``.md``."""
        from barometre.editions import compare_editions, write_report

        report = compare_editions(dataset, dataset.previous(edition), edition)
        if report.errors:
            raise BuildError(
                report.to_text(brief=True)
                + "\nNothing was built or published; the last published site is unchanged."
            )
        self.echo(report.to_text(brief=True))
        write_report(report, self.build_dir / "reports")

    def _assemble(self, staging: Path, edition: int) -> bool:
        """Copy config, toc and static files into the staging book; True if anything changed."""
        staging.mkdir(parents=True, exist_ok=True)
        config = yaml.safe_load((ROOT / CONFIG).read_text(encoding="utf-8"))
        config["title"] = f"{config['title']} — édition {edition}"
        base = self._site_address(config)
        config.setdefault("html", {})["baseurl"] = base
        sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
        sphinx_config["barometre_data_dir"] = str(self.data_dir)
        sphinx_config["barometre_code"] = package_hash()[:16]
        sphinx_config["barometre_build_stamp"] = build_stamp(self.data_dir, edition)
        sphinx_config["barometre_citation"] = citation_parts(
            config, edition, sphinx_config["barometre_build_stamp"], f"{base}{edition}/" if base else "")
        sphinx_config["barometre_licences"] = reference_licences(self.data_dir)
        sphinx_config["barometre_page_stamp"] = page_stamp(edition)
        latex = sphinx_config.setdefault("latex_elements", {})
        latex["maketitle"] = title_page(config["title"], config.get("author", ""), self.data_dir, edition)
        latex["preamble"] = latex.get("preamble", "") + pdf_metadata(config, edition)
        # the page's date is the data's (the edition's publication, from its sidecar), said as such; not the
        # date of the last commit of the code, which Sphinx's « Mis à jour le … » gave
        sphinx_config.pop("html_last_updated_fmt", None)
        # (the theme's options, which sphinx.config sets whole: html.extra_footer would be overridden)
        sphinx_config.setdefault("html_theme_options", {})["extra_footer"] = data_date_footer(self.data_dir, edition)
        sphinx_config["barometre_edition"] = edition
        # sphinx-sitemap: each page at <html.baseurl><edition>/<page> (the editions are published side by side)
        sphinx_config["sitemap_url_scheme"] = f"{edition}/{{link}}"
        if base:  # no site address, no sitemap (sphinx-sitemap needs one: it warns, and warnings are errors)
            config["sphinx"].setdefault("extra_extensions", []).append("sphinx_sitemap")
        else:  # nor its settings, which Sphinx would call unknown
            for name in [k for k in sphinx_config if k.startswith("sitemap_")]:
                del sphinx_config[name]
        sphinx_config["barometre_editions"] = self._dataset_editions
        changed = write_if_changed(staging / CONFIG, yaml.safe_dump(config, allow_unicode=True, sort_keys=True))
        changed |= write_if_changed(staging / TOC, (ROOT / TOC).read_text(encoding="utf-8"))
        for path in sorted((ROOT / STATIC).rglob("*")):
            if path.is_file():
                changed |= write_if_changed(staging / path.relative_to(ROOT), path.read_bytes())
        for path in sorted(CHAPTERS_DIR.rglob("*.md")):
            changed |= write_if_changed(staging / path.relative_to(ROOT), path.read_bytes())
        # the table of every indicator by year the colophon offers (Sphinx copies it to _downloads/)
        changed |= write_if_changed(staging / DOWNLOADS_DIR / all_indicators_name(edition),
                                    all_indicators_csv(self.data_dir, edition))
        return changed

    def _site_address(self, config: dict) -> str:
        """The site's public address: ``BAROMETRE_BASEURL`` (the deployment's), else ``html.baseurl``
        of the configuration, else '' (no OpenGraph URL, no sitemap). A placeholder is refused."""
        from barometre.reuse import BASEURL_VARIABLE, BaseUrlError, site_baseurl

        try:
            return site_baseurl() or site_baseurl({BASEURL_VARIABLE: str((config.get("html") or {}).get("baseurl") or "")})
        except BaseUrlError as exc:
            raise BuildError(f"{exc}. Nothing was built or published; the last published site is unchanged.") from None

    def _vega_bundle(self) -> bytes:
        import vl_convert as vlc

        cached = self.build_dir / "cache" / f"vega-bundle-{vlc.__version__}-{package_hash()[:12]}.js"
        recorded = cached.with_name(cached.name + ".sha256")  # checked before use, as the chapters' entries
        if cached.is_file() and recorded.is_file():
            data = cached.read_bytes()
            if hashlib.sha256(data).hexdigest() == recorded.read_text(encoding="utf-8").strip():
                return data
            self.echo(f"  [cache]    {cached.name}: dropped (its checksum differs: truncated or changed); written again")
        from barometre.charts import javascript_bundle

        data = javascript_bundle().encode("utf-8")
        atomic_write(cached, data)
        atomic_write(recorded, hashlib.sha256(data).hexdigest().encode())
        return data

    def _lock(self) -> None:
        """One build at a time per build folder; leftovers of a killed build are removed."""
        import fcntl

        if getattr(self, "_lock_file", None) is not None or self.in_site:
            return
        self.build_dir.mkdir(parents=True, exist_ok=True)
        handle = open(self.build_dir / ".lock", "w")  # noqa: SIM115 - held until the process ends
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise BuildError(
                f"Another build is running in {relative(self.build_dir)}; wait for it to finish."
            ) from None
        self._lock_file = handle
        # leftovers of a build that was killed: half-copied releases, temporary links, runs
        for pattern in ("releases/*.tmp-*", ".*.tmp-*", "site/.*.tmp-*", "cache/*/run-*"):
            for path in self.build_dir.glob(pattern):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)

    def _unlock(self) -> None:
        handle = getattr(self, "_lock_file", None)
        if handle is not None:
            handle.close()  # closing the file releases the lock
            self._lock_file = None

    def _parameters(self, edition: int) -> dict:
        return {"edition": edition, "data_dir": str(self.data_dir), **self.extra_parameters}

    def _install_notebooks(self, staging: Path, runs: list[ChapterRun]) -> bool:
        changed = False
        for run in runs:
            cached = self._cache.notebook(run.name, run.key)
            changed |= write_if_changed(staging / f"{run.name}.ipynb", cached.read_bytes())
        return changed

    def _tree_hash(self, staging: Path) -> str:
        h = hashlib.sha256()
        for path in sorted(staging.rglob("*")):
            rel = path.relative_to(staging)
            if rel.parts[0] == "_build" or not path.is_file():
                continue
            h.update(str(rel).encode())
            h.update(path.read_bytes())
        return h.hexdigest()

    def _sphinx(self, staging: Path, edition: int) -> None:
        logs = self.build_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        log = logs / f"{edition}-html.log"
        t0 = time.perf_counter()
        self.echo("  [html]     jupyter-book build …")
        sentinel = staging / "_build" / ".in-progress"
        if sentinel.exists():
            # the last Sphinx run was interrupted: its output and environment cannot be trusted
            shutil.rmtree(staging / "_build", ignore_errors=True)
        sentinel.parent.mkdir(parents=True, exist_ok=True)
        sentinel.touch()
        from barometre import sphinx_run

        # in a warm worker: jupyter-book's build without a process of its own (barometre.sphinx_run)
        out = self.workers.submit(sphinx_run.html, str(staging), source_date_epoch()).result()
        log.write_text(out["log"], encoding="utf-8")
        fault_point("sphinx-done")
        if out["ok"]:
            sentinel.unlink(missing_ok=True)
        else:
            # a failed Sphinx run may leave a half-written environment: start clean next time
            shutil.rmtree(staging / "_build", ignore_errors=True)
            warnings = [line for line in out["log"].splitlines() if "WARNING" in line or "ERROR" in line]
            detail = "\n".join("    " + w for w in warnings[:30]) or "\n".join(out["log"].splitlines()[-20:])
            raise BuildError(
                f"jupyter-book build failed for edition {edition} (warnings are errors):\n{detail}\n"
                f"    Full log: {relative(log)}\nNothing was published; the last published site is unchanged.\n"
                + CLEAR_CACHE
            )
        self.echo(f"  [html]     jupyter-book build  {time.perf_counter() - t0:.1f} s")

    def _execute_all(self, dataset, staging: Path, edition: int) -> list[ChapterRun]:
        return execute_chapters(
            dataset, toc_chapters(), self._parameters(edition), cache=self._cache, jobs=self.jobs,
            force=self.force, echo=self.echo, logs=self.build_dir / "logs",
            failed_dir=self.build_dir / "failed" / str(edition), workers=self.workers,
        )

    def _write_archive_index(self) -> None:
        title = yaml.safe_load((ROOT / CONFIG).read_text(encoding="utf-8"))["title"]
        write_archive_index(self.build_dir, title)


def build(edition: int | None = None, **kwargs) -> BuildResult:
    return Builder(edition, **kwargs).run()
