"""``make preview``: a resident build of one edition that rebuilds after each save, and a local
server whose pages reload by themselves.

- One process keeps the warm workers (``execution.Workers``: pandas, Altair, vl-convert, the
  package, Sphinx and the themes imported once) for its whole life; each rebuild is the ordinary
  build (``Builder.run``): only the chapters whose declared data changed run again, and Sphinx
  reads again only the pages whose notebook changed. The published site stays the one of the last
  good build (``_build/site/<edition>``), so a bad edit leaves the last good pages.
- A thread watches ``data/``, ``chapters/`` and the package (modification times, every 0,1 s).
  A change to the package's code restarts the preview (``os.execv``): code already imported cannot
  be reloaded safely.
- The server listens on a loopback address only. It serves ``_build/site/`` and adds to each page
  it serves (never to the files) one script, ``/__preview__/reload.js``: it polls
  ``/__preview__/build.json`` (the build's id, and the error of the last attempt) and reloads the
  page when the id changes, or shows the error above the page. Nothing comes from another host.
"""

from __future__ import annotations

import contextlib
import faulthandler
import functools
import http.server
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from barometre.paths import BUILD_DIR, CHAPTERS_DIR, DATA_DIR, PACKAGE_DIR, relative

POLL_SECONDS = 0.1
RELOAD_JS = """(function () {
  var current = null;
  function show(error) {
    var box = document.getElementById("barometre-preview-error");
    if (!error) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("pre");
      box.id = "barometre-preview-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;z-index:9999;top:0;left:0;right:0;max-height:50vh;overflow:auto;" +
        "margin:0;padding:1em;background:#fff3f3;color:#7a0000;border-bottom:3px solid #b00;" +
        "font:13px/1.4 monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "La dernière modification n’a pas pu être construite ; la page montre la dernière " +
      "version valide.\\n\\n" + error;
  }
  function poll() {
    fetch("/__preview__/build.json", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (current === null) current = s.id;
      else if (s.id !== current) { location.reload(); return; }
      show(s.error);
    }).catch(function () {}).finally(function () { setTimeout(poll, 250); });
  }
  poll();
})();
"""
SCRIPT_TAG = b'<script src="/__preview__/reload.js"></script>'


def _snapshot(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Every file under ``paths``: its modification time and size (what a save changes)."""
    seen = {}
    for root in paths:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith((".", "__pycache__"))]
            for name in filenames:
                if name.startswith(".") or name.endswith((".pyc", "~")):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                seen[path] = (st.st_mtime_ns, st.st_size)
    return seen


class Preview:
    def __init__(self, edition: int | None = None, *, data_dir: Path = DATA_DIR, build_dir: Path = BUILD_DIR,
                 host: str = "127.0.0.1", port: int = 8000, jobs: int = 2, echo=print):
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise ValueError(f"The preview listens on a loopback address only (got {host!r}).")
        self.edition, self.data_dir, self.build_dir = edition, Path(data_dir).resolve(), Path(build_dir).resolve()
        self.host, self.port, self.jobs, self.echo = host, port, jobs, echo
        self.state_file = self.build_dir / "preview" / "build.json"
        self.state = {"id": "", "error": "", "edition": edition}
        self._stop = threading.Event()

    # -- the build loop -----------------------------------------------------------------------

    def rebuild(self, workers) -> bool:
        """One build; True when it published. A failure is printed and shown on the page; the
        last good site stays."""
        from barometre.build import Builder, BuildError
        from barometre.data import FigureNotFound
        from barometre.editions import EditionError
        from barometre.provenance import SidecarError
        from barometre.validation import DataValidationError

        t0 = time.perf_counter()
        try:
            result = Builder(self.edition, data_dir=self.data_dir, build_dir=self.build_dir, jobs=self.jobs,
                             echo=self.echo, workers=workers).run()
        except (DataValidationError, BuildError, EditionError, FigureNotFound, SidecarError, OSError) as exc:
            message = str(exc)
            self.echo(message)
            self.echo(f"Preview: not rebuilt ({time.perf_counter() - t0:.1f} s); the page keeps the last good build.")
            self._write_state(error=message)
            return False
        self.edition = result.edition
        release = result.published.name if result.published else ""
        self._write_state(id=release, error="", edition=result.edition)
        self.echo(f"Preview: edition {result.edition} rebuilt in {time.perf_counter() - t0:.2f} s.")
        return True

    def _write_state(self, **changes) -> None:
        from barometre.files import atomic_write

        self.state.update(changes)
        atomic_write(self.state_file, json.dumps(self.state, ensure_ascii=False).encode("utf-8"))

    def watch(self, workers) -> None:
        """Rebuild after every change until stopped; restart the process when the package changes."""
        watched = [self.data_dir, CHAPTERS_DIR, PACKAGE_DIR]
        before = _snapshot(watched)
        while not self._stop.wait(POLL_SECONDS):
            now = _snapshot(watched)
            if now == before:
                continue
            changed = {p for p in now.keys() | before.keys() if now.get(p) != before.get(p)}
            time.sleep(POLL_SECONDS)  # an editor that writes in two steps: take the second too
            now = _snapshot(watched)
            before = now
            if any(Path(p).is_relative_to(PACKAGE_DIR) for p in changed):
                self.echo("Preview: the package's code changed; restarting the preview.")
                self.restart = True
                return
            names = ", ".join(sorted(relative(p) for p in changed)[:5])
            self.echo(f"Preview: changed {names}; rebuilding.")
            self.rebuild(workers)

    # -- the server ---------------------------------------------------------------------------

    def server(self) -> http.server.ThreadingHTTPServer:
        site = self.build_dir / "site"
        site.mkdir(parents=True, exist_ok=True)
        preview = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def end_headers(self):
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def do_GET(self):
                path = self.path.split("?", 1)[0]
                if path == "/__preview__/reload.js":
                    return self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
                if path == "/__preview__/build.json":
                    return self._send(json.dumps(preview.state, ensure_ascii=False).encode(),
                                      "application/json; charset=utf-8")
                if path == "/":
                    self.send_response(302)
                    self.send_header("Location", f"/{preview.edition}/index.html" if preview.edition else "/index.html")
                    self.end_headers()
                    return None
                if path.endswith(".html"):
                    file = Path(self.translate_path(path))
                    if file.is_file():
                        body = file.read_bytes()
                        body = body.replace(b"</body>", SCRIPT_TAG + b"</body>", 1) if b"</body>" in body else body
                        return self._send(body, "text/html; charset=utf-8")
                return super().do_GET()

            def _send(self, body: bytes, kind: str):
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        handler = functools.partial(Handler, directory=str(site))
        httpd = http.server.ThreadingHTTPServer((self.host, self.port), handler)
        httpd.block_on_close = False  # Ctrl+C does not wait for a browser's open request
        return httpd

    # -- the whole -----------------------------------------------------------------------------

    def run(self) -> int:
        from barometre.execution import Workers

        self.restart = False
        httpd = self.server()
        host, port = httpd.server_address[:2]
        serving = threading.Thread(target=httpd.serve_forever, daemon=True)
        serving.start()
        with Workers(self.jobs) as workers:
            try:
                from barometre import sphinx_run

                # every worker started and warm now, Sphinx imported, not at the first save
                warming = [workers.submit(sphinx_run.warm) for _ in range(self.jobs)]
                self.rebuild(workers)
                for future in warming:
                    future.result()
                self.echo(f"Preview: http://{host}:{port}/ (edition {self.edition}; watching "
                          f"{relative(self.data_dir)}, chapters/, src/barometre/; Ctrl+C stops it)")
                self.watch(workers)
            except KeyboardInterrupt:
                # a stop that takes more than a minute prints where it waits and ends the process
                faulthandler.dump_traceback_later(60, exit=True)
                workers.close(terminate=True)
                self.echo("Preview stopped.")
            finally:
                httpd.shutdown()
                httpd.server_close()
        stop_resource_tracker()
        faulthandler.cancel_dump_traceback_later()
        if self.restart:
            sys.stdout.flush()
            os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
        return 0

    def stop(self) -> None:
        self._stop.set()


def stop_resource_tracker(timeout: float = 5.0) -> None:
    """End the helper process that multiprocessing starts beside spawned workers (its resource
    tracker). It ignores Ctrl+C and ends only once every process holding its pipe has: after the
    preview had returned, it was still running (the test saw it in 1 stop in 1). Ended here, the
    preview leaves no process behind it when it returns (or restarts itself with ``execv``, which
    would otherwise keep the tracker's pipe open in the new process). Closing our end of its pipe
    ends it; one that has not ended after ``timeout`` seconds is killed: never a wait without end."""
    from multiprocessing import resource_tracker

    tracker = resource_tracker._resource_tracker  # CPython's private API (3.8+): nothing to do without it
    fd, pid = getattr(tracker, "_fd", None), getattr(tracker, "_pid", None)
    if fd is None or pid is None:
        return
    with contextlib.suppress(OSError):
        os.close(fd)
    tracker._fd, tracker._pid = None, None
    end = time.monotonic() + timeout
    try:
        while os.waitpid(pid, os.WNOHANG) == (0, 0):
            if time.monotonic() > end:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return
            time.sleep(0.05)
    except (ChildProcessError, ProcessLookupError):
        pass
