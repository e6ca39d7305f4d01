"""Step 2 of the build: execute the chapters, each once per content, in warm workers.

A chapter's cache key is the hash of its notebook, the package code and the lock, the
parameters and the data it declares in the registry (``barometre.book``; ``Dataset.inputs_key``).
Executed notebooks are kept in ``<build_dir>/cache/<chapter>/<key>.ipynb``; a chapter whose
key is there is not run. The others run in parallel worker processes (``barometre.engine``)
that imported the heavy libraries once, each under ``data.declared`` so that a read the
registry does not declare fails, named.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from barometre.errors import BuildError, fault_point
from barometre.files import atomic_write
from barometre.paths import PACKAGE_DIR, ROOT, relative

CACHE_ENTRIES_KEPT = 6  # executed notebooks kept per chapter (editions, parameter sets)
PROGRESS_EVERY = 20.0  # seconds without a chapter finishing before the build says which are still running
CLEAR_CACHE = ("If the failure may come from the execution cache (a chapter that did not change now fails), "
               "clear it: make clean-cache (removes _build/cache and _build/staging; the published site stays), "
               "then run the build again.")


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


@dataclass
class ChapterRun:
    name: str  # e.g. "chapters/resilience"
    status: str = "pending"  # executed | cached | failed
    key: str = ""  # hash of the notebook, the package, the parameters and the declared inputs' data
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
    """Worker initializer: die with the build, leave Ctrl+C to it (it stops the workers), then import
    what every chapter uses, once."""
    import signal

    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from barometre import engine

    engine.warm()


def _execute(task: dict) -> dict:
    """Run one notebook in this warm worker (barometre.engine). Returns a plain dict."""
    from barometre import engine
    from barometre.data import declared

    start = time.perf_counter()
    # what the chapters' libraries print on the side goes to a log, not to the terminal
    log = open(task["kernel_log"], "a", encoding="utf-8")  # noqa: SIM115 - lives as long as the worker
    os.dup2(log.fileno(), 2)
    try:
        with declared(task["inputs"], task["chapter"]):  # any other read raises UndeclaredInput
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
    return {"ok": True, "seconds": time.perf_counter() - start}


class Workers:
    """The warm worker processes (``barometre.engine``), started at the first task and shared by
    every edition of a build: each imports the heavy libraries once, then runs chapters and Sphinx
    builds (``barometre.sphinx_run``) one after the other. ``submit`` is safe from several threads."""

    def __init__(self, jobs: int = 2):
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None
        self._guard = threading.Lock()

    def submit(self, fn, *args):
        with self._guard:
            if self._pool is None:
                # "spawn": a forked worker would inherit the locks of the bundle thread (vl-convert) and hang
                self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_start_worker,
                                                 mp_context=multiprocessing.get_context("spawn"))
            return self._pool.submit(fn, *args)

    def close(self, *, terminate: bool = False) -> None:
        """Stop the workers: after their running task, or at once (``terminate``: an interrupted build)."""
        with self._guard:
            if self._pool is not None:
                if terminate:
                    processes = list(getattr(self._pool, "_processes", {}).values())
                    for process in processes:
                        process.terminate()
                    for process in processes:  # a worker that does not end on SIGTERM is killed
                        process.join(5)
                        if process.is_alive():
                            process.kill()
                            process.join(5)
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(terminate=exc_type is not None)


class ChapterCache:
    """The executed notebooks, by chapter and key, with how long each took."""

    def __init__(self, build_dir: Path):
        self.root = Path(build_dir) / "cache"

    def dir(self, name: str) -> Path:
        return self.root / name.replace("/", "__")

    def notebook(self, name: str, key: str) -> Path:
        return self.dir(name) / f"{key}.ipynb"

    def has(self, name: str, key: str) -> bool:
        return (self.dir(name) / f"{key}.json").is_file() and self.notebook(name, key).is_file()

    def damage(self, name: str, key: str) -> str:
        """Why the entry of ``name`` and ``key`` cannot be used ('' when it can): its notebook must have
        the sha256 written with it (a truncated or edited notebook, a manifest without a checksum, are
        not used)."""
        try:
            manifest = json.loads((self.dir(name) / f"{key}.json").read_text(encoding="utf-8"))
            recorded = manifest.get("sha256") if isinstance(manifest, dict) else None
            actual = hashlib.sha256(self.notebook(name, key).read_bytes()).hexdigest()
        except (OSError, ValueError) as exc:
            return f"unreadable: {exc}"
        if not recorded:
            return "no checksum recorded with it"
        if recorded != actual:
            return "its checksum differs from the one recorded with it: truncated or changed"
        return ""

    def drop(self, name: str, key: str) -> None:
        self.notebook(name, key).unlink(missing_ok=True)
        (self.dir(name) / f"{key}.json").unlink(missing_ok=True)

    def store(self, name: str, key: str, executed: Path, seconds: float) -> None:
        digest = hashlib.sha256(executed.read_bytes()).hexdigest()
        os.replace(executed, self.notebook(name, key))
        atomic_write(self.dir(name) / f"{key}.json",
                     json.dumps({"seconds": round(seconds, 2), "sha256": digest}, indent=1).encode())

    def last_duration(self, name: str, fallback: Path | None = None) -> float:
        """How long the chapter took when it last ran; unknown: a guess from the notebook's size."""
        manifests = sorted(self.dir(name).glob("*.json"), key=lambda p: p.stat().st_mtime)
        if not manifests:
            return fallback.stat().st_size / 4000 if fallback is not None else 0.0
        try:
            return float(json.loads(manifests[-1].read_text(encoding="utf-8")).get("seconds", 0.0))
        except (OSError, ValueError):
            return 0.0

    def prune(self, runs: list[ChapterRun], keep: int = CACHE_ENTRIES_KEPT) -> None:
        """Drop cache entries beyond the most recent ``keep`` (at least CACHE_ENTRIES_KEPT) per chapter,
        never one just used (``make site`` passes every edition's runs, and keeps one per edition)."""
        used: dict[str, set[str]] = {}
        for run in runs:
            used.setdefault(run.name, set()).add(run.key)
        for name, keys in used.items():
            entries = sorted(self.dir(name).glob("*.ipynb"), key=lambda p: p.stat().st_mtime)
            for old in entries[:-max(keep, CACHE_ENTRIES_KEPT)]:
                if old.stem not in keys:
                    old.unlink(missing_ok=True)
                    old.with_suffix(".json").unlink(missing_ok=True)


def _data_key(dataset, inputs, edition: int | None) -> str:
    """``dataset.inputs_key(inputs, edition)``, computed once per dataset and edition (``make site`` asks
    for every edition of the same data): the data as the edition's book reads them, so that adding a
    later edition leaves an older edition's chapters cached (``barometre.vintage``)."""
    keys = dataset.__dict__.setdefault("_inputs_keys", {})
    if (inputs, edition) not in keys:
        keys[inputs, edition] = dataset.inputs_key(inputs, edition)
    return keys[inputs, edition]


def execute_chapters(dataset, names: list[str], parameters: dict, *, cache: ChapterCache, jobs: int,
                     force: bool, echo, logs: Path, failed_dir: Path,
                     workers: Workers | None = None) -> list[ChapterRun]:
    """Run the chapters ``names`` (paths of notebooks from the book root) whose key is not cached,
    in ``workers`` (shared with other editions) or in ``jobs`` workers of their own;
    raises BuildError naming every chapter that failed, with its cell."""
    from barometre.book import chapter as registered

    pkg = package_hash()
    runs, tasks = [], []
    for name in names:
        source = ROOT / f"{name}.ipynb"
        checked = time.perf_counter()
        inputs = registered(Path(name).name).inputs
        # the key: the notebook, the code, the parameters and the rows the chapter declares
        key = _sha(source.read_bytes(), pkg, json.dumps(parameters, sort_keys=True), _data_key(dataset, inputs, parameters.get("edition")))
        run = ChapterRun(name, key=key)
        runs.append(run)
        if not force and cache.has(name, key):
            damage = cache.damage(name, key)
            if not damage:
                run.status = "cached"
                run.seconds = time.perf_counter() - checked
                continue
            cache.drop(name, key)
            echo(f"  [cache]    {name}: the cached notebook was dropped ({damage}); executing it again")
        cache.dir(name).mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="run-", dir=cache.dir(name)))
        tasks.append((run, tmp, {
            "source": str(source),
            "output": str(tmp / "executed.ipynb"),
            "parameters": parameters,
            "cwd": str(source.parent),
            "chapter": name,
            "inputs": inputs,
            "kernel_log": str(logs / f"{parameters['edition']}-kernels.log"),
        }))
    for run in runs:
        if run.status == "cached":
            echo(f"  [cached]   {run.name}  {run.seconds:.2f} s")
    if tasks:
        # longest first (durations of earlier runs): two workers finish together
        tasks.sort(key=lambda t: -cache.last_duration(t[0].name, fallback=Path(t[2]["source"])))
        logs.mkdir(parents=True, exist_ok=True)
        own = workers is None
        n_workers = min(jobs, len(tasks))
        pool = Workers(n_workers) if own else workers
        echo(f"  executing {len(tasks)} chapter{'s' if len(tasks) > 1 else ''}"
             + (f" in {n_workers} worker{'s' if n_workers > 1 else ''}" if own else " in the shared workers"))
        try:
            pending = {pool.submit(_execute, task): (run, tmp) for run, tmp, task in tasks}
            started, done = time.perf_counter(), 0
            while pending:  # each chapter is told as it finishes, and a long wait is told too
                finished, _ = wait(pending, timeout=PROGRESS_EVERY, return_when=FIRST_COMPLETED)
                if not finished:
                    began = sorted(run.name for future, (run, _) in pending.items() if future.running())
                    waiting = len(pending) - len(began)
                    echo(f"  … {done}/{len(tasks)} done after {time.perf_counter() - started:.0f} s; started: "
                         f"{', '.join(began) or 'none yet'}" + (f"; {waiting} waiting" if waiting else ""))
                    continue
                for future in finished:
                    run, tmp = pending.pop(future)
                    done += 1
                    _finish(run, tmp, future.result(), cache, echo, failed_dir, f"({done}/{len(tasks)})")
        except BaseException:
            if own:
                pool.close(terminate=True)
            raise
        finally:
            if own:
                pool.close()
    failed_runs = [r for r in runs if r.status == "failed"]
    if failed_runs:
        lines = [f"Chapter {r.name} failed at {r.error}" for r in failed_runs]
        raise BuildError("\n".join(lines) + "\nNothing was published; the last published site is unchanged.\n"
                         + CLEAR_CACHE)
    return runs


def _finish(run: ChapterRun, tmp: Path, out: dict, cache: ChapterCache, echo, failed_dir: Path, count: str) -> None:
    """Record a chapter's run: its notebook into the cache, or kept for inspection when it failed."""
    run.seconds = out["seconds"]
    if out["ok"]:
        fault_point("executed-one")
        run.status = "executed"
        cache.store(run.name, run.key, tmp / "executed.ipynb", run.seconds)
        shutil.rmtree(tmp, ignore_errors=True)
        echo(f"  [executed] {run.name}  {run.seconds:.1f} s  {count}")
    else:
        run.status = "failed"
        run.error = out["error"]
        run.error += keep_failed_notebook(tmp / "executed.ipynb", failed_dir / f"{Path(run.name).name}.ipynb")
        shutil.rmtree(tmp, ignore_errors=True)
        echo(f"  [failed]   {run.name}  {run.seconds:.1f} s  {count}")


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


