"""The build: validate, execute (cached, in parallel), assemble, publish atomically.

Steps, in order:

1. validate ``data/`` (any problem stops everything, nothing is touched);
2. execute each chapter notebook (parameters injected by papermill, cells run by
   ``barometre.engine`` in warm worker processes, in parallel), unless
   the cache holds a run with the same notebook, package code, requirements,
   parameters and the same content of every data row the chapter read;
3. assemble a staging copy of the book (``_build/staging/<edition>``) and run
   ``jupyter-book build`` on it with warnings as errors;
4. copy the site to a new release folder and switch the published links
   (``_build/site/<edition>`` and ``_build/html``) to it with an atomic rename.

A failure at any step leaves the published site exactly as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from barometre.paths import BUILD_DIR, CHAPTERS_DIR, DATA_DIR, PACKAGE_DIR, ROOT, relative

CONFIG = "_config.yml"
TOC = "_toc.yml"
STATIC = "_static"
VEGA_BUNDLE = Path(STATIC) / "vega" / "vega-bundle.js"
CACHE_ENTRIES_KEPT = 6  # executed notebooks kept per chapter (editions, parameter sets)


FAULT_ENV = "BAROMETRE_FAULT"


def fault_point(name: str) -> None:
    """Test seam for fault injection: ``BAROMETRE_FAULT=<name>`` kills the build right here,
    as a power cut or ``kill -9`` would (no cleanup, no exception handler runs)."""
    if os.environ.get(FAULT_ENV) == name:
        os.kill(os.getpid(), 9)


class BuildError(Exception):
    """A build step failed; the message says which and what to do."""


# --------------------------------------------------------------------------- hashing


def _sha(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def package_hash() -> str:
    """The content of the package code and of the pinned requirements."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        h.update(str(path.relative_to(PACKAGE_DIR)).encode())
        h.update(path.read_bytes())
    req = ROOT / "requirements.txt"
    if req.is_file():
        h.update(req.read_bytes())
    return h.hexdigest()


def toc_chapters(root: Path = ROOT) -> list[str]:
    """The notebooks the table of contents lists, as paths relative to the book root."""
    toc = yaml.safe_load((root / TOC).read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            for part in entry.get("parts", []) or []:
                walk(part.get("chapters"))

    walk(toc.get("chapters"))
    for part in toc.get("parts", []) or []:
        walk(part.get("chapters"))
    return [f for f in files if (root / f"{f}.ipynb").is_file()]


# --------------------------------------------------------------------------- execution


@dataclass
class ChapterRun:
    name: str  # e.g. "chapters/resilience"
    status: str = "pending"  # executed | cached | failed
    key: str = ""  # content hash of notebook, package, requirements and parameters
    seconds: float = 0.0
    error: str = ""


def _clean_notebook(path: Path) -> None:
    """Remove run-to-run noise (timestamps, durations) so that outputs are deterministic."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)


def _die_with_parent() -> None:
    """Worker initializer: if the build process is killed, its workers die with it (Linux)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers end when their queue closes
        pass


def _start_worker() -> None:
    """Worker initializer: die with the build, then import what every chapter uses, once."""
    _die_with_parent()
    from barometre import engine

    engine.warm()


def _execute(task: dict) -> dict:
    """Run one notebook in this warm worker (barometre.engine). Returns a plain dict."""
    from barometre import engine

    start = time.perf_counter()
    deps_file = Path(task["deps_file"])
    deps_file.write_text("", encoding="utf-8")
    os.environ["BAROMETRE_DEPS_FILE"] = str(deps_file)
    # what the chapters' libraries print on the side goes to a log, not to the terminal
    log = open(task["kernel_log"], "a", encoding="utf-8")  # noqa: SIM115 - lives as long as the worker
    os.dup2(log.fileno(), 2)
    try:
        engine.execute_notebook(task["source"], task["output"], task["parameters"], task["cwd"])
    except Exception as exc:  # engine.CellError names the cell
        cell = getattr(exc, "cell_index", None)
        count = getattr(exc, "exec_count", None)
        ename = getattr(exc, "ename", type(exc).__name__)
        evalue = getattr(exc, "evalue", str(exc))
        source = (getattr(exc, "source", "") or "").strip().splitlines()
        where = f"cell {cell} (execution count {count})" if cell is not None else "the notebook"
        first = f", starting «{source[0][:80]}»" if source else ""
        return {
            "ok": False,
            "seconds": time.perf_counter() - start,
            "error": f"{where}{first}: {ename}: {evalue}",
        }
    _clean_notebook(Path(task["output"]))
    deps = [d for d in deps_file.read_text(encoding="utf-8").splitlines() if d]
    return {"ok": True, "seconds": time.perf_counter() - start, "deps": deps}


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
    ):
        self.data_dir = Path(data_dir).resolve()
        self.build_dir = Path(build_dir).resolve()
        self.jobs = max(1, jobs)
        self.force = force
        self.echo = echo
        self.requested_edition = edition
        self.extra_parameters = extra_parameters or {}

    # -- the steps ------------------------------------------------------------------------

    def prepare(self):
        """Steps 1 and 2: validate, execute (cached) and assemble the staging book."""
        from barometre.data import load

        self._lock()

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
            runs = self._execute_all(staging, edition)
        finally:
            writer.join()
        changed = _write_if_changed(staging / VEGA_BUNDLE, bundle["js"]) or changed
        changed = self._install_notebooks(staging, runs) or changed
        return dataset, edition, staging, runs, changed

    def run(self) -> BuildResult:
        try:
            return self._run()
        finally:
            self._unlock()

    def pdf(self) -> Path:
        """The PDF book from the same executed chapters (no re-execution when the cache is warm)."""
        try:
            return self._pdf()
        finally:
            self._unlock()

    def _inputs_key(self, edition: int) -> str:
        """Everything a build of ``edition`` reads: every file of the data folder, the package code
        and the lock, the chapters, the book's configuration and static files, the parameters and
        the code version the colophon prints."""
        h = hashlib.sha256(package_hash().encode())
        h.update(code_version().encode())
        h.update(json.dumps(self._parameters(edition), sort_keys=True).encode())
        trees = [(self.data_dir, sorted(self.data_dir.rglob("*"))), (ROOT, [ROOT / CONFIG, ROOT / TOC]),
                 (ROOT, sorted(CHAPTERS_DIR.rglob("*"))), (ROOT, sorted((ROOT / STATIC).rglob("*")))]
        for base, paths in trees:
            for path in paths:
                if path.is_file():
                    h.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
        return h.hexdigest()

    def _unchanged(self) -> BuildResult | None:
        """The fast no-op: when every input equals that of the last build that published this
        edition, and that release is still the published one, nothing is validated, executed or
        rebuilt (those inputs were). None otherwise: the full build decides."""
        if self.force:
            return None
        try:
            years = sorted(int(p.stem) for p in (self.data_dir / "editions").glob("[0-9][0-9][0-9][0-9].csv"))
            edition = int(self.requested_edition or years[-1])
            stamp = json.loads((self._state_file(edition)).read_text(encoding="utf-8"))
        except (OSError, ValueError, IndexError, KeyError):
            return None
        release = self.build_dir / "releases" / stamp.get("release", "")
        site_link = self.build_dir / "site" / str(edition)
        if not (stamp.get("inputs") == self._inputs_key(edition) and release.is_dir() and site_link.is_symlink()
                and site_link.resolve() == release.resolve()):
            return None
        self.echo(f"Nothing changed since the last build of edition {edition}: the published site is up to date.")
        if edition == years[-1] or not (self.build_dir / "html").is_symlink():
            _swap_link(self.build_dir / "html", release)
        self._write_archive_index()
        return BuildResult(edition, [], published=release)

    def _state_file(self, edition: int) -> Path:
        return self.build_dir / "state" / f"{edition}-inputs.json"

    def _inputs_before(self) -> tuple[int, str] | None:
        try:
            years = sorted(int(p.stem) for p in (self.data_dir / "editions").glob("[0-9][0-9][0-9][0-9].csv"))
            edition = int(self.requested_edition or years[-1])
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
        inputs = self._inputs_before()  # before anything is read: what this build is made of
        dataset, edition, staging, runs, changed = self.prepare()
        result = BuildResult(edition, runs)
        release_name = f"{edition}-{self._tree_hash(staging)[:16]}"
        release = self.build_dir / "releases" / release_name
        site_link = self.build_dir / "site" / str(edition)
        if not changed and release.is_dir() and site_link.is_symlink() and site_link.resolve() == release.resolve():
            self.echo("Nothing changed since the last build: the published site is up to date.")
            self._point_html(dataset, edition, release)
            result.published = release
        else:
            self._sphinx(staging, edition)
            result.sphinx_ran = True
            self._publish(staging, release, site_link)
            self._point_html(dataset, edition, release)
            result.published = release
            self._collect_garbage(runs)
        self._write_archive_index()
        if inputs is not None and inputs[0] == edition:
            _atomic_write(self._state_file(edition),
                          json.dumps({"inputs": inputs[1], "release": release.name}, indent=1).encode())
        result.seconds = time.perf_counter() - t0
        self.echo(f"Edition {edition} published: {relative(self.build_dir)}/site/{edition} "
                  f"(and {relative(self.build_dir)}/html for the latest edition), {result.seconds:.1f} s.")
        return result

    def _pdf(self) -> Path:
        t0 = time.perf_counter()
        _, edition, staging, _, _ = self.prepare()
        logs = self.build_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        log = logs / f"{edition}-pdf.log"
        jb = Path(sys.executable).with_name("jupyter-book")
        cmd = [str(jb), "build", str(staging), "--builder", "pdflatex", "-W", "-n", "--keep-going", "-q"]
        env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(), "FORCE_SOURCE_DATE": "1"}
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
                "The last PDF is unchanged."
            )
        target = self.build_dir / "pdf" / f"barometre-outsourcing-{edition}.pdf"
        _atomic_write(target, pdfs[0].read_bytes())
        self.echo(f"PDF of edition {edition}: {relative(target)} ({time.perf_counter() - t0:.1f} s).")
        return target

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
        sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
        sphinx_config["barometre_data_dir"] = str(self.data_dir)
        sphinx_config["barometre_build_stamp"] = build_stamp(self.data_dir, edition)
        latex = sphinx_config.setdefault("latex_elements", {})
        latex["maketitle"] = title_page(config["title"], config.get("author", ""), self.data_dir, edition)
        latex["preamble"] = latex.get("preamble", "") + pdf_metadata(config, edition)
        sphinx_config["barometre_edition"] = edition
        sphinx_config["barometre_editions"] = self._dataset_editions
        changed = _write_if_changed(staging / CONFIG, yaml.safe_dump(config, allow_unicode=True, sort_keys=True))
        changed |= _write_if_changed(staging / TOC, (ROOT / TOC).read_text(encoding="utf-8"))
        for path in sorted((ROOT / STATIC).rglob("*")):
            if path.is_file():
                changed |= _write_if_changed(staging / path.relative_to(ROOT), path.read_bytes())
        for path in sorted(CHAPTERS_DIR.rglob("*.md")):
            changed |= _write_if_changed(staging / path.relative_to(ROOT), path.read_bytes())
        return changed

    def _vega_bundle(self) -> bytes:
        import vl_convert as vlc

        cached = self.build_dir / "cache" / f"vega-bundle-{vlc.__version__}-{package_hash()[:12]}.js"
        if not cached.is_file():
            from barometre.charts import javascript_bundle

            cached.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(cached, javascript_bundle().encode("utf-8"))
        return cached.read_bytes()

    def _lock(self) -> None:
        """One build at a time per build folder; leftovers of a killed build are removed."""
        import fcntl

        if getattr(self, "_lock_file", None) is not None:
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

    def _last_duration(self, name: str, fallback: Path | None = None) -> float:
        """How long the chapter took when it last ran; unknown: a guess from the notebook's size."""
        manifests = sorted(self._cache_dir(name).glob("*.json"), key=lambda p: p.stat().st_mtime)
        if not manifests:
            return fallback.stat().st_size / 4000 if fallback is not None else 0.0
        try:
            return float(json.loads(manifests[-1].read_text(encoding="utf-8")).get("seconds", 0.0))
        except (OSError, ValueError):
            return 0.0

    def _unlock(self) -> None:
        handle = getattr(self, "_lock_file", None)
        if handle is not None:
            handle.close()  # closing the file releases the lock
            self._lock_file = None

    def _cache_dir(self, name: str) -> Path:
        return self.build_dir / "cache" / name.replace("/", "__")

    def _parameters(self, edition: int) -> dict:
        return {"edition": edition, "data_dir": str(self.data_dir), **self.extra_parameters}

    def _execute_all(self, staging: Path, edition: int) -> list[ChapterRun]:
        from barometre.data import dependency_hashes

        pkg = package_hash()
        params = self._parameters(edition)
        runs, tasks = [], []
        files: dict = {}  # the data files read for the cache check, shared by the chapters
        for name in toc_chapters():
            source = ROOT / f"{name}.ipynb"
            base = _sha(source.read_bytes(), pkg, json.dumps(params, sort_keys=True))
            cache = self._cache_dir(name)
            manifest = cache / f"{base}.json"
            run = ChapterRun(name, key=base)
            runs.append(run)
            if not self.force and manifest.is_file() and (cache / f"{base}.ipynb").is_file():
                checked = time.perf_counter()
                recorded = json.loads(manifest.read_text(encoding="utf-8"))["deps"]
                if dependency_hashes(recorded, self.data_dir, files) == recorded:
                    run.status = "cached"
                    run.seconds = time.perf_counter() - checked
                    continue
            cache.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix="run-", dir=cache))
            tasks.append(
                (
                    run,
                    base,
                    tmp,
                    {
                        "source": str(source),
                        "output": str(tmp / "executed.ipynb"),
                        "parameters": params,
                        "cwd": str(source.parent),
                        "deps_file": str(tmp / "deps.txt"),
                        "kernel_log": str(self.build_dir / "logs" / f"{edition}-kernels.log"),
                    },
                )
            )
        for run in runs:
            if run.status == "cached":
                self.echo(f"  [cached]   {run.name}  {run.seconds:.2f} s")
        if tasks:
            # longest first (durations of earlier runs): two workers finish together
            tasks.sort(key=lambda t: -self._last_duration(t[0].name, fallback=Path(t[3]["source"])))
            (self.build_dir / "logs").mkdir(parents=True, exist_ok=True)
            # "spawn": a forked worker would inherit the locks of the bundle thread (vl-convert) and hang
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(
                max_workers=min(self.jobs, len(tasks)), initializer=_start_worker, mp_context=context
            ) as pool:
                futures = [(run, base, tmp, pool.submit(_execute, task)) for run, base, tmp, task in tasks]
                for run, base, tmp, future in futures:
                    out = future.result()
                    run.seconds = out["seconds"]
                    if out["ok"]:
                        fault_point("executed-one")
                        run.status = "executed"
                        cache = self._cache_dir(run.name)
                        deps = dependency_hashes(out["deps"], self.data_dir)
                        os.replace(tmp / "executed.ipynb", cache / f"{base}.ipynb")
                        _atomic_write(
                            cache / f"{base}.json",
                            json.dumps({"deps": deps, "seconds": round(run.seconds, 2)}, indent=1).encode(),
                        )
                        shutil.rmtree(tmp, ignore_errors=True)
                        self.echo(f"  [executed] {run.name}  {run.seconds:.1f} s")
                    else:
                        run.status = "failed"
                        run.error = out["error"]
                        failed = self.build_dir / "failed" / str(edition) / f"{Path(run.name).name}.ipynb"
                        run.error += keep_failed_notebook(tmp / "executed.ipynb", failed)
                        shutil.rmtree(tmp, ignore_errors=True)
                        self.echo(f"  [failed]   {run.name}  {run.seconds:.1f} s")
        failed_runs = [r for r in runs if r.status == "failed"]
        if failed_runs:
            lines = [f"Chapter {r.name} failed at {r.error}" for r in failed_runs]
            raise BuildError("\n".join(lines) + "\nNothing was published; the last published site is unchanged.")
        return runs

    def _install_notebooks(self, staging: Path, runs: list[ChapterRun]) -> bool:
        changed = False
        for run in runs:
            cached = self._cache_dir(run.name) / f"{run.key}.ipynb"
            changed |= _write_if_changed(staging / f"{run.name}.ipynb", cached.read_bytes())
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
        jb = Path(sys.executable).with_name("jupyter-book")
        cmd = [str(jb), "build", str(staging), "--builder", "html", "-W", "-n", "--keep-going", "-q"]
        t0 = time.perf_counter()
        self.echo("  [html]     jupyter-book build …")
        sentinel = staging / "_build" / ".in-progress"
        if sentinel.exists():
            # the last Sphinx run was interrupted: its output and environment cannot be trusted
            shutil.rmtree(staging / "_build", ignore_errors=True)
        sentinel.parent.mkdir(parents=True, exist_ok=True)
        sentinel.touch()
        env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch()}
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=staging, env=env)
        log.write_text(proc.stdout + "\n" + proc.stderr, encoding="utf-8")
        fault_point("sphinx-done")
        if proc.returncode == 0:
            sentinel.unlink(missing_ok=True)
        if proc.returncode != 0:
            # a failed Sphinx run may leave a half-written environment: start clean next time
            shutil.rmtree(staging / "_build", ignore_errors=True)
            warnings = [
                line for line in (proc.stdout + proc.stderr).splitlines() if "WARNING" in line or "ERROR" in line
            ]
            detail = "\n".join("    " + w for w in warnings[:30]) or "\n".join(proc.stderr.splitlines()[-20:])
            raise BuildError(
                f"jupyter-book build failed for edition {edition} (warnings are errors):\n{detail}\n"
                f"    Full log: {relative(log)}\nNothing was published; the last published site is unchanged."
            )
        self.echo(f"  [html]     jupyter-book build  {time.perf_counter() - t0:.1f} s")

    def _publish(self, staging: Path, release: Path, site_link: Path) -> None:
        html = staging / "_build" / "html"
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
        _swap_link(site_link, release)

    def _point_html(self, dataset, edition: int, release: Path) -> None:
        """``_build/html`` opens the latest edition; an older edition's build leaves it alone."""
        html_link = self.build_dir / "html"
        if edition != dataset.latest and html_link.is_symlink():
            return
        if html_link.exists() and not html_link.is_symlink():
            shutil.rmtree(html_link)  # a site from an older layout
        _swap_link(html_link, release)

    def _write_archive_index(self) -> None:
        """``site/index.html``: the list of published editions, opening the latest."""
        import html as html_lib

        site = self.build_dir / "site"
        editions = sorted(int(p.name) for p in site.glob("*") if p.is_symlink() and p.name.isdigit())
        if not editions:
            return
        latest = editions[-1]
        items = "\n".join(
            f'<li><a href="{e}/index.html">Édition {e}</a></li>' for e in reversed(editions)
        )
        title = html_lib.escape(yaml.safe_load((ROOT / CONFIG).read_text(encoding="utf-8"))["title"])
        page = (
            '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="refresh" content="0; url={latest}/index.html">\n'
            f"<title>{title} — toutes les éditions</title>\n</head>\n<body>\n"
            f"<h1>{title}</h1>\n<p>Dernière édition : <a href=\"{latest}/index.html\">{latest}</a>.</p>\n"
            f"<ul>\n{items}\n</ul>\n</body>\n</html>\n"
        )
        _write_if_changed(site / "index.html", page)
        # ``_build/html`` sits one level above ``site/<edition>``: the same archive page and a link per
        # edition beside it make the edition banner's relative links (``../2008/index.html``,
        # ``../index.html``) work from ``_build/html`` as from ``_build/site/<edition>``.
        _write_if_changed(self.build_dir / "index.html", page)
        for e in editions:
            link = self.build_dir / str(e)
            if not link.is_symlink() or os.readlink(link) != f"site/{e}":
                if link.is_symlink():
                    link.unlink()
                if not link.exists():
                    link.symlink_to(f"site/{e}", target_is_directory=True)

    def _collect_garbage(self, runs: list[ChapterRun] | None = None) -> None:
        """Drop unpublished releases, and cache entries beyond the most recent few per chapter."""
        for run in runs or []:
            entries = sorted(self._cache_dir(run.name).glob("*.ipynb"), key=lambda p: p.stat().st_mtime)
            for old in entries[:-CACHE_ENTRIES_KEPT]:
                if old.stem != run.key:
                    old.unlink(missing_ok=True)
                    old.with_suffix(".json").unlink(missing_ok=True)
        releases = self.build_dir / "releases"
        keep = {p.resolve() for p in [self.build_dir / "html", *(self.build_dir / "site").glob("*")] if p.is_symlink()}
        for path in releases.iterdir():
            if path.resolve() not in keep:
                shutil.rmtree(path, ignore_errors=True)


def build_stamp(data_dir: Path, edition: int) -> str:
    """Edition, checksum of the data files, code version and key package versions."""
    from importlib import metadata

    from barometre.validation import data_files

    h = hashlib.sha256()
    for path in sorted(data_files(Path(data_dir))):
        h.update(str(path.relative_to(data_dir)).encode())
        h.update(path.read_bytes())
    return (
        f"édition {edition} ; données sha256 {h.hexdigest()[:16]} ; code {code_version()} ; "
        + ", ".join(f"{p} {metadata.version(p)}" for p in ("jupyter-book", "papermill", "altair", "pandas"))
    )


LATEX_SPECIALS = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                  "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def latex_escape(text: str) -> str:
    """Text for LaTeX: specials escaped, and the typographic apostrophe (« l’équipe »)."""
    return "".join(LATEX_SPECIALS.get(c, c) for c in str(text).replace("'", "’"))


PDF_KEYWORDS = ("baromètre", "outsourcing", "externalisation", "relation client", "centres d’appels",
                "centres de contacts", "offshore")


def chapter_titles(root: Path = ROOT) -> list[str]:
    """The first-level heading of each chapter the table of contents lists, in order."""
    import nbformat

    titles = []
    for name in toc_chapters(root):
        nb = nbformat.read(root / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            heading = next((line[2:].strip() for line in cell.source.splitlines() if line.startswith("# ")), None)
            if cell.cell_type == "markdown" and heading:
                titles.append(heading.replace("'", "’"))
                break
        else:
            titles.append("")  # one entry per chapter, in the order of toc_chapters()
    return titles


def pdf_metadata(config: dict, edition: int) -> str:
    """``\\hypersetup`` for the PDF's document information and catalogue: title, author, subject
    (the edition and its chapters), keywords, and the language (``/Lang (fr-FR)``)."""

    def value(text: str) -> str:
        return "{" + latex_escape(text).replace(",", "{,}") + "}"

    # the chapters as the PDF titles them: « L’essentiel » first, the annex without « Annexe : »
    front = config.get("sphinx", {}).get("config", {}).get("barometre_front_matter", {}) or {}
    named = list(zip(toc_chapters(), chapter_titles(), strict=True))[1:]
    titles = [front[n] for n, _ in named if n in front] + [t for n, t in named if n not in front]
    chapters = [re.sub(r"^Annexe\s*:\s*(.)", lambda m: m.group(1).upper(), t) for t in titles if t]
    subject = f"Baromètre des outsourceurs de la relation client, édition {edition}"
    if chapters:
        subject += " : " + " ; ".join(chapters)
    keywords = ", ".join((*PDF_KEYWORDS, f"édition {edition}"))
    return (
        "\n\\hypersetup{"
        f"pdftitle={value(config['title'])}, pdfauthor={value(config.get('author', ''))}, "
        f"pdfsubject={value(subject)}, pdfkeywords={{{latex_escape(keywords)}}}, pdflang={{fr-FR}}"
        "}\n"
    )


def title_page(title: str, author: str, data_dir: Path, edition: int | None = None) -> str:
    """The PDF's title page (LaTeX): title with the edition, the edition's own sources, the team, the date."""
    from barometre.data import load
    from barometre.formatting import count_words, event_date

    ds = load(data_dir)
    edition = ds.resolve(edition)
    pubs = ds.publications(edition)
    shown = pubs[:3]
    items = [
        ", ".join(x for x in (
            latex_escape(p["author"]) if p["author"] else "",
            f"« {latex_escape(p['title'])} »" if p["title"] else "",
            f"\\textit{{{latex_escape(p['outlet'])}}}" if p["outlet"] else "",
            latex_escape(event_date(str(p["date"] or p["year"] or "")) if (p["date"] or p["year"]) else ""),
        ) if x)
        for p in shown
    ]
    more = len(pubs) - len(shown)
    source = (
        f"Baromètre des outsourceurs, édition {edition}, d’après :\\\\ " + "\\\\ ".join(items)
        + (f"\\\\ et {count_words(more, 'autre publication', 'autres publications', feminine=True)}"
           if more > 0 else "")
    )
    name, _, subtitle = title.partition(" — ")
    name = "\\\\ ".join(latex_escape(line) for line in balanced_lines(name))
    subtitle_line = f"\\vspace{{0.8cm}}{{\\LARGE {latex_escape(subtitle)}\\par}}" if subtitle else ""
    return (
        # the title page is page i (not printed): no page label is used twice
        "\\pagenumbering{roman}"
        "\\begin{titlepage}\\centering\\vspace*{3cm}"
        "{\\Huge\\bfseries\\hyphenpenalty=10000\\exhyphenpenalty=10000\\linespread{1.15}\\selectfont "
        f"{name}\\par}}{subtitle_line}\\vspace{{2cm}}"
        f"{{\\large {source}\\par}}\\vfill"
        f"{{\\large {latex_escape(author)}\\par}}\\vspace{{0.5cm}}{{\\large \\today\\par}}"
        "\\end{titlepage}"
    )


SHORT_WORDS = {"à", "au", "aux", "d’", "de", "des", "du", "en", "et", "l’", "la", "le", "les", "ou", "un", "une",
               "sur", "par", "pour"}
TITLE_LINE = 30  # characters of a Huge title line on the A4 title page


def balanced_lines(title: str, width: int = TITLE_LINE) -> list[str]:
    """A title in two lines of about equal length when it does not fit one, never leaving a short
    word (« de », « la ») at the end of a line: « Le baromètre des outsourceurs / de la relation client »."""
    words = title.split()
    if len(title) <= width or len(words) < 2:
        return [title]
    best = None
    for k in range(1, len(words)):
        if words[k - 1].lower() in SHORT_WORDS:
            continue
        first, second = " ".join(words[:k]), " ".join(words[k:])
        score = max(len(first), len(second))
        if best is None or score < best[0]:
            best = (score, [first, second])
    return best[1] if best else [title]


def source_date_epoch() -> str:
    """A fixed date for the build (the last commit's), so that two builds of a commit are identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        return subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def code_version() -> str:
    """The git commit of the code, or 'modifications non enregistrées dans git' when the tree differs from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "src", "chapters", "_config.yml",
             "_toc.yml", "_static", "requirements.txt"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "inconnu (hors dépôt git)"
    return f"{commit} (modifications non enregistrées dans git)" if dirty else commit


# --------------------------------------------------------------------------- file helpers


def keep_failed_notebook(executed: Path, failed: Path) -> str:
    """Copy a failed chapter's executed notebook to ``failed`` for inspection; the sentence that
    says where it is, or why it could not be kept (a full disk must not hide the chapter's error)."""
    try:
        failed.parent.mkdir(parents=True, exist_ok=True)
        if not executed.is_file():
            return "\n    No executed notebook was written (the kernel stopped before the first cell)."
        shutil.copyfile(executed, failed)
    except OSError as exc:
        with contextlib.suppress(OSError):
            failed.unlink(missing_ok=True)  # no half-written notebook
        return (f"\n    The executed notebook could not be kept in {relative(failed)} ({exc.strerror or exc}): "
                "free some space or fix the permissions of _build/ to keep it next time.")
    return f"\n    The executed notebook is kept for inspection: {relative(failed)}"


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_if_changed(path: Path, data: bytes | str) -> bool:
    """Write only when the content differs (Sphinx then rebuilds only what changed)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    _atomic_write(path, data)
    return True


def _swap_link(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` with one atomic rename (readers never see a half state)."""
    link.parent.mkdir(parents=True, exist_ok=True)
    tmp = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.symlink(os.path.relpath(target, link.parent), tmp)
    os.replace(tmp, link)


def build(edition: int | None = None, **kwargs) -> BuildResult:
    return Builder(edition, **kwargs).run()
