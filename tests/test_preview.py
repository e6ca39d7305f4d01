"""``make preview``: started as the analyst starts it (its own process), it rebuilds after a save and
the open page reloads by itself; a bad edit shows the validation message in the terminal and on the
page while the last good page stays; Ctrl+C stops it, workers and server included."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import set_value

pytestmark = [pytest.mark.slow, pytest.mark.browser]
NBSP = "\u00a0"


class Preview:
    def __init__(self, data, build):
        cmd = [sys.executable, "-m", "barometre", "--data-dir", str(data), "preview", "--port", "0",
               "--build-dir", str(build)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.lines: list[str] = []
        self.url = None
        self._ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        assert self._ready.wait(900), "the preview never said where it serves:\n" + "\n".join(self.lines)

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            found = re.match(r"Preview: (http://127\.0\.0\.1:\d+/) ", line)
            if found:
                self.url = found.group(1)
                self._ready.set()
        self._ready.set()

    def said(self, pattern: str, timeout: float = 600) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for line in self.lines:
                if re.search(pattern, line):
                    return line
            time.sleep(0.1)
        raise AssertionError(f"the preview never said {pattern!r}:\n" + "\n".join(self.lines[-40:]))


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    from fixtures import copy_upto

    from barometre.paths import DATA_DIR

    root = tmp_path_factory.mktemp("preview")
    data = copy_upto(DATA_DIR, root / "data", 2008, only={2008})
    p = Preview(data, root / "_build")
    yield {"preview": p, "data": data, "build": root / "_build"}
    if p.proc.poll() is None:
        os.killpg(p.proc.pid, signal.SIGKILL)


def test_the_preview_listens_on_the_loopback_only(preview):
    url = preview["preview"].url
    assert url.startswith("http://127.0.0.1:")
    port = int(url.rsplit(":", 1)[1].strip("/"))
    listening = []  # the kernel's table of sockets: local address and state (0A: listening)
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                listening.append(address)
    assert listening == ["0100007F"], listening  # 127.0.0.1, and nothing else


def test_a_saved_value_reaches_the_open_page_and_a_bad_edit_shows_its_error_over_the_last_good_page(preview):
    from playwright.sync_api import sync_playwright

    p, data = preview["preview"], preview["data"]
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        outside: list[str] = []
        page = browser.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(p.url)
                   else (outside.append(r.request.url), r.abort()))
        page.goto(p.url + "2008/chapters/resilience.html")
        growth = page.locator('a[href="sources.html#fig-2008-revenue-growth-market-2008"]').first
        assert growth.inner_text().lstrip("+") == f"15{NBSP}%"

        set_value(data, "revenue_growth", "market", "2008", "16")  # the analyst saves a value
        p.said(r"rebuilding", timeout=30)
        page.wait_for_function(
            "() => { const a = document.querySelector('a[href=\"sources.html#fig-2008-revenue-growth-market-2008\"]');"
            f" return a && a.innerText.replace(/^\\+/, '') === '16{NBSP}%'; }}", timeout=600_000)  # no reload by the test

        path = data / "editions" / "2008.csv"
        path.write_text(path.read_text(encoding="utf-8").replace(",percent,", ",pourcent,", 1), encoding="utf-8")
        p.said(r"pourcent", timeout=600)  # the validation message, in the terminal
        box = page.locator("#barometre-preview-error")
        box.wait_for(state="visible", timeout=30_000)
        assert "pourcent" in box.inner_text() and "2008.csv" in box.inner_text()
        assert "dernière version valide" in box.inner_text()
        assert growth.inner_text().lstrip("+") == f"16{NBSP}%", "the last good page stays"
        assert f"16{NBSP}%" in (preview["build"] / "site" / "2008" / "chapters" / "resilience.html").read_text(
            encoding="utf-8").replace("&nbsp;", NBSP)
        assert "__preview__" not in (preview["build"] / "site" / "2008" / "chapters" / "resilience.html").read_text(
            encoding="utf-8"), "the reload script is added by the server, never written in the site"
        browser.close()
    assert outside == []


def test_ctrl_c_stops_the_preview_its_workers_and_its_server(preview):
    p = preview["preview"]
    port = int(p.url.rsplit(":", 1)[1].strip("/"))
    children = subprocess.run(["pgrep", "-P", str(p.proc.pid)], capture_output=True, text=True).stdout.split()
    os.killpg(p.proc.pid, signal.SIGINT)  # what Ctrl+C sends to the terminal's process group
    try:
        code = p.proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        code = None
    assert code == 0, ("the preview did not stop", code, p.lines[-40:])
    assert p.said("Preview stopped")
    alive = [pid for pid in children if Path(f"/proc/{pid}/stat").exists()
             and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"]
    assert alive == [], ("a process outlived the preview", [Path(f"/proc/{pid}/cmdline").read_text()[:120] for pid in alive])
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0, "the server still listens"
