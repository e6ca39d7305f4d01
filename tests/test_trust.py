"""Trust: reproducible, offline, escaped, and robust to crashes, kills and a full disk.

Every test builds into temporary folders from a private copy of data/."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import set_value, tree_hash
from fixtures import copy_upto

from barometre.build import Builder
from barometre.paths import DATA_DIR
from barometre.provenance import write_sidecar

pytestmark = pytest.mark.slow
NBSP = "\u00a0"
STAMP_META = 'name="barometre-build"'


def command(data: Path, build: Path, step: str = "build", *args: str) -> list[str]:
    """The analyst's command (``build`` or ``pdf``) on a data folder, into a build folder."""
    return [sys.executable, "-m", "barometre", "--data-dir", str(data), step, "--build-dir", str(build), *args]


def cli(data: Path, build: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The build command in its own process group; whatever it leaves running is ended after."""
    cmd = command(data, build, "build", *args)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=600)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


@pytest.fixture
def fresh(tmp_path):
    data = tmp_path / "data"
    copy_upto(DATA_DIR, data, 2008)  # these tests read the 2008 book
    return {"data": data, "build": tmp_path / "_build", "root": tmp_path}


# --------------------------------------------------------------------------- determinism


def test_two_builds_of_the_same_commit_and_data_are_byte_identical(fresh, book_build, book_pdf):
    """The session's book (built in this process) against a second build of the same data, copied
    to another folder and built by the analyst's command into another folder: every file of the
    site and the PDF are the same to the byte (no path, time or order leaks into them)."""
    assert fresh["data"].resolve() != book_build["data"].resolve()
    from barometre.reuse import BASEURL_VARIABLE

    env = {**os.environ, BASEURL_VARIABLE: book_build["site_address"]}  # the session's book has the site address
    for step in ("build", "pdf"):
        proc = subprocess.run(command(fresh["data"], fresh["build"], step), capture_output=True, text=True, env=env)
        assert proc.returncode == 0, proc.stderr[-3000:]
    one, two = (book_build["build_dir"] / "html").resolve(), (fresh["build"] / "html").resolve()
    files_one = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files_one == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    different = [str(rel) for rel in files_one if (one / rel).read_bytes() != (two / rel).read_bytes()]
    assert different == []
    # the declared build stamp is in every page
    assert STAMP_META in (one / "chapters" / "resilience.html").read_text(encoding="utf-8")
    # and so are the PDFs, to the byte (SOURCE_DATE_EPOCH fixes their dates)
    assert book_pdf["path"].read_bytes() == (fresh["build"] / "pdf" / book_pdf["path"].name).read_bytes()


# --------------------------------------------------------------------------- offline


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root and unshare")
def test_the_book_builds_with_no_network_at_all(fresh):
    """A network namespace with only the loopback (the kernels talk to papermill over it)."""
    script = (
        f"ip link set lo up && {sys.executable} -m barometre --data-dir {fresh['data']} build "
        f"--build-dir {fresh['build']}"
    )
    proc = subprocess.run(["unshare", "-n", "sh", "-c", script], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "published" in proc.stdout
    assert (fresh["build"] / "html" / "chapters" / "resilience.html").is_file()


# --------------------------------------------------------------------------- escaping

HOSTILE = (
    "<script>alert('x')</script> {glue}`k` {ref}`t <x>` $x^2$ % & # _ { } ~ ^ \\ "
    "**gras** [lien](http://example.org) <!-- c --> ``code``"
)


def typographic(text: str) -> str:
    """Undo the one transformation Sphinx applies to all text, ours and the data's alike:
    French smart quotes (' and " become curly quotes, -- becomes an en dash)."""
    for curly, straight in (("“", "'"), ("”", "'"), ("’", "'"), ("‘", "'"), ("–", "--")):
        text = text.replace(curly, straight)
    return text


def test_data_strings_render_literally_in_html_and_pdf(fresh):
    path = fresh["data"] / "editions" / "2008.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    import csv
    import io

    header = next(csv.reader([lines[0]]))
    for i, line in enumerate(lines):
        row = next(csv.reader([line]))
        if row[0] == "cost_savings_demanded" and row[header.index("scope")] == "now":
            row[header.index("quote")] = HOSTILE
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow(row)
            lines[i] = out.getvalue()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_sidecar(path)
    builder = Builder(data_dir=fresh["data"], build_dir=fresh["build"], echo=lambda m: None)
    builder.run()
    html = fresh["build"] / "html" / "chapters"
    for page in ("resilience", "sources"):
        soup = BeautifulSoup((html / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
        if page == "sources":  # the annex prints the excerpt
            text = soup.find("main").get_text(" ")
        else:  # the chapter tells the figure; its number's tooltip carries the excerpt
            links = soup.select('a.provenance[href*="cost-savings-demanded-now"]')
            assert links, page
            text = " ".join(a.get("title", "") for a in links)
        assert " ".join(HOSTILE.split()) in typographic(" ".join(text.split())), page
        assert not any("alert(" in (s.string or "") for s in soup.find_all("script")), page
        assert soup.find("main").find("strong", string="gras") is None
    pdf = builder.pdf()
    pdf_text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = typographic(" ".join(pdf_text.split()))
    for token in ("{glue}", "$x^2$", "% & # _ { }", "**gras**", "<script>"):
        assert token in flat, token


# --------------------------------------------------------------------------- fault injection


@pytest.fixture(scope="module")
def _published_once(tmp_path_factory):
    """The 2008 book built once by the command line, and a copy of that state to restore."""
    root = tmp_path_factory.mktemp("published")
    work = root / "work"
    copy_upto(DATA_DIR, work / "data", 2008)
    proc = cli(work / "data", work / "_build")
    assert proc.returncode == 0, proc.stderr
    shutil.copytree(work, root / "snapshot", symlinks=True)
    return work, root / "snapshot"


@pytest.fixture
def published(_published_once):
    """A published site each test may break: the state after one build, restored at the same paths
    (same parameters, so the cache and Sphinx's environment stay valid, as after a real build)."""
    work, snapshot = _published_once
    shutil.rmtree(work)
    shutil.copytree(snapshot, work, symlinks=True)
    book = {"data": work / "data", "build": work / "_build", "root": work}
    book["before"] = tree_hash(book["build"] / "html")
    return book


def assert_recovers(book, value: str) -> None:
    """The next build, with no manual cleanup, publishes the new value."""
    proc = cli(book["data"], book["build"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    page = (book["build"] / "html" / "chapters" / "resilience.html").read_text(encoding="utf-8")
    assert f'<span class="std std-ref">{value}{NBSP}%' in page


@pytest.mark.parametrize("point", ["executed-one", "sphinx-done", "publish-copied", "publish-before-swap"])
def test_a_build_killed_at_any_step_leaves_the_site_and_the_next_build_recovers(published, point):
    set_value(published["data"], "revenue_growth", "market", "2008", "17")
    proc = cli(published["data"], published["build"], env={"BAROMETRE_FAULT": point})
    assert proc.returncode == -signal.SIGKILL
    assert tree_hash(published["build"] / "html") == published["before"]
    assert_recovers(published, "17")


def test_a_build_killed_during_the_sphinx_run_leaves_the_site_and_the_next_build_recovers(published):
    set_value(published["data"], "revenue_growth", "market", "2008", "18")
    cmd = [sys.executable, "-m", "barometre", "--data-dir", str(published["data"]), "build", "--build-dir",
           str(published["build"])]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    for line in proc.stdout:
        if "jupyter-book build …" in line:
            break
    import time

    time.sleep(0.5)  # Sphinx has started reading and writing (a rebuild takes several seconds)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert tree_hash(published["build"] / "html") == published["before"]
    assert_recovers(published, "18")


def test_a_chapter_that_raises_is_named_and_nothing_is_published(published):
    builder = Builder(data_dir=published["data"], build_dir=published["build"], echo=lambda m: None,
                      extra_parameters={"provider_margin": -5.0})
    from barometre.build import BuildError

    with pytest.raises(BuildError, match=r"chapters/resilience failed at cell \d+"):
        builder.run()
    assert tree_hash(published["build"] / "html") == published["before"]


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root to mount a tmpfs")
def test_a_full_disk_is_reported_and_the_site_is_untouched(fresh):
    """The releases folder on a tmpfs that holds one site but not two."""
    releases = fresh["build"] / "releases"
    releases.mkdir(parents=True)
    program = textwrap.dedent(
        f"""
        import hashlib, subprocess, sys
        from pathlib import Path
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from conftest import set_value

        def tree(folder):
            h = hashlib.sha256()
            for p in sorted(Path(folder).resolve().rglob("*")):
                if p.is_file():
                    h.update(str(p).encode()); h.update(p.read_bytes())
            return h.hexdigest()

        def build():
            return subprocess.run([sys.executable, "-m", "barometre", "--data-dir", {str(fresh["data"])!r},
                                   "build", "--build-dir", {str(fresh["build"])!r}], capture_output=True, text=True)

        first = build()
        assert first.returncode == 0, first.stderr
        before = tree({str(fresh["build"] / "html")!r})
        set_value(Path({str(fresh["data"])!r}), "revenue_growth", "market", "2008", "19")
        second = build()
        assert second.returncode == 1, second.stdout + second.stderr
        assert "No space left on device" in second.stderr, second.stderr
        assert "last published site is unchanged" in second.stderr
        assert tree({str(fresh["build"] / "html")!r}) == before
        assert not list(Path({str(releases)!r}).glob("*.tmp-*")), "half-written release left behind"
        print("FULL-DISK-OK")
        """
    )
    script_path = fresh["root"] / "full_disk.py"
    script_path.write_text(program, encoding="utf-8")
    shell = f"mount -t tmpfs -o size=14m tmpfs {releases} && {sys.executable} {script_path}"
    proc = subprocess.run(["unshare", "-m", "sh", "-c", shell], capture_output=True, text=True)
    assert proc.returncode == 0 and "FULL-DISK-OK" in proc.stdout, proc.stdout[-3000:] + proc.stderr[-3000:]


# --------------------------------------------------------------------------- bad-input sweep


def _edit_line(data: Path, prefix: str, old: str, new: str) -> None:
    path = data / "editions" / "2008.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith(prefix))
    lines[i] = lines[i].replace(old, new, 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_sidecar(path)


def _append(data: Path, text: str) -> None:
    path = data / "editions" / "2008.csv"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    write_sidecar(path)


def _unit_changed_in_2009(data: Path) -> None:
    """The next edition gives an indicator in another unit: the comparison stops the build."""
    from fixtures import EDITION_2009

    for rel in ("editions/2009.csv", "events/2009.csv"):
        shutil.copyfile(EDITION_2009 / rel, data / rel)
        shutil.copyfile(EDITION_2009 / f"{rel}.meta.yaml", data / f"{rel}.meta.yaml")
    path = data / "editions" / "2009.csv"
    text = path.read_text(encoding="utf-8")
    lines = [x.replace(",eur_per_month_gross,", ",eur_per_month_net,") if x.startswith("adviser_salary_gross,") else x
             for x in text.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_sidecar(path)
    write_sidecar(data / "events" / "2009.csv")


BAD_INPUTS = {
    "latin-1 file": lambda d: (
        (d / "editions" / "2008.csv").write_bytes((d / "editions" / "2008.csv").read_text(encoding="utf-8")
                                                  .encode("latin-1", errors="replace")),
        write_sidecar(d / "editions" / "2008.csv"),
    ),
    "decimal comma": lambda d: _edit_line(d, "part_time_share", ",10,,,", ',"10,0",,,'),
    "unknown unit": lambda d: _edit_line(d, "part_time_share", ",percent,", ",pourcent,"),
    "share above 100": lambda d: _edit_line(d, "part_time_share", ",10,,,", ",150,,,"),
    "low above high": lambda d: _edit_line(d, "inhouse_salary_premium", ",,60,70,", ",,80,70,"),
    "unknown source": lambda d: _edit_line(d, "part_time_share", "barometer_bearingpoint_sp2c", "nobody"),
    "non-numeric value": lambda d: _edit_line(d, "part_time_share", ",10,,,", ",dix,,,"),
    "trailing junk": lambda d: _append(d, "Total,,\n"),
    "changed without checksum": lambda d: (d / "editions" / "2008.csv").write_text(
        (d / "editions" / "2008.csv").read_text(encoding="utf-8").replace(",69,,,", ",70,,,", 1), encoding="utf-8"
    ),
    "unit changed in the new edition": _unit_changed_in_2009,
}


# What each message must say: the file, the row and column where there is one, the value found
# and what was expected. (A bare « Error » or any message naming a .csv is not enough.)
BAD_INPUT_MESSAGES = {
    "latin-1 file": r"editions/2008\.csv, row \d+: got \"byte 0x[0-9a-f]{2}.*expected UTF-8 text",
    "decimal comma": r"editions/2008\.csv, row \d+, column 'value': got '10,0'; expected a number with '\.'",
    "unknown unit": r"editions/2008\.csv, row \d+, column 'unit': got 'pourcent'; expected one of: percent,",
    "share above 100": r"editions/2008\.csv, row \d+, column 'value': got '150'; expected a share between 0 and 100",
    "low above high": r"editions/2008\.csv, row \d+, column 'low': got '80\.0'; expected low ≤ high \(high is 70\)",
    "unknown source": r"editions/2008\.csv, row \d+, column 'source': got 'nobody'; expected a source listed in",
    "non-numeric value": r"editions/2008\.csv, row \d+, column 'value': got 'dix'; expected a number",
    "trailing junk": r"editions/2008\.csv, row \d+: got 'Total,,'; expected 12 comma-separated fields, found 3",
    "changed without checksum": r"2008\.csv\.meta\.yaml, column 'sha256': got '[0-9a-f]+….*expected the checksum of 2008\.csv",
    "unit changed in the new edition": (r"editions/2009\.csv, row \d+, column 'unit': got 'eur_per_month_net'; "
                                        r"expected eur_per_month_gross, the unit of adviser_salary_gross"),
}


def test_every_bad_input_case_has_its_expected_message():
    assert set(BAD_INPUT_MESSAGES) == set(BAD_INPUTS)


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_every_bad_input_stops_the_build_with_a_located_message_and_the_site_untouched(book_build, tmp_path, case):
    data = tmp_path / "data"
    shutil.copytree(book_build["data"], data)
    BAD_INPUTS[case](data)
    site = book_build["build_dir"] / "html"
    before = tree_hash(site)
    proc = cli(data, book_build["build_dir"])
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(BAD_INPUT_MESSAGES[case], proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Nothing was built or published" in proc.stderr or "last published site is unchanged" in proc.stderr
    assert tree_hash(site) == before


def test_a_bad_spreadsheet_is_refused_with_its_sheet_and_cell(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    data = tmp_path / "data"
    copy_upto(DATA_DIR, data, 2008)  # these tests read the 2008 book
    import csv

    rows = list(csv.reader((DATA_DIR / "editions" / "2008.csv").open(encoding="utf-8")))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Feuil1"
    for row in rows:
        sheet.append(row)
    sheet["E2"] = "15,5"  # a decimal comma typed as text
    path = tmp_path / "barometre-2009.xlsx"
    book.save(path)
    proc = subprocess.run([sys.executable, "-m", "barometre", "--data-dir", str(data), "import-xlsx", str(path),
                           "--year", "2009"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Feuil1!E2" in proc.stderr and "15,5" in proc.stderr
    assert not (data / "editions" / "2009.csv").exists()


def test_a_second_build_at_the_same_time_is_refused_clearly(fresh):
    import fcntl

    from barometre.build import BuildError

    fresh["build"].mkdir(parents=True)
    with open(fresh["build"] / ".lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BuildError, match="Another build is running"):
            Builder(data_dir=fresh["data"], build_dir=fresh["build"], echo=lambda m: None).run()
    assert not (fresh["build"] / "html").exists()
