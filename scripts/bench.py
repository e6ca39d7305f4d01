"""`make bench`: the build's speed on this machine, in one run (goals of issue 26 in brackets).

- cold build / naive `jupyter-book build` with execute_notebooks: force        [≤ 0,35]
- no-op rebuild                                                                 [≤ 0,3 s]
- one-value-change rebuild / cold build, each the analyst's command in a fresh process [≤ 0,5]
- preview one-value change: from saving the value to the rebuilt page on disk, in a resident
  `barometre preview` (its build.json names the new release once the page is published)  [≤ 1,5 s]
- site cold / sum of single-edition colds: `barometre site` from an empty _build against each edition
  built alone from an empty _build                                              [≤ 0,5]
- site after a new edition / one edition cold: `barometre site` on a built site to which the
  latest edition was just added, against that edition built alone, cold         [≤ 1,3]
- pdf from cache: `barometre pdf` after the cold build (nothing re-executed)      [≤ 30 s]
- for information: a figure only one analysis chapter shows

Everything runs in temporary folders; the project's _build/ is not touched. `--only NAME,...` runs
some parts (book, preview, site, pdf). Numbers are only comparable on an otherwise idle machine:
the script prints the load average before and after.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from barometre.build import toc_chapters
from barometre.charts import javascript_bundle
from barometre.paths import DATA_DIR, ROOT
from barometre.provenance import write_sidecar


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def naive_book(target: Path) -> None:
    """The same chapters, executed by Jupyter Book itself (execute_notebooks: force)."""
    shutil.copytree(DATA_DIR, target / "data")
    for name in toc_chapters():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / f"{name}.ipynb", target / f"{name}.ipynb")
    shutil.copytree(ROOT / "_static", target / "_static")
    (target / "_static" / "vega").mkdir(parents=True, exist_ok=True)
    (target / "_static" / "vega" / "vega-bundle.js").write_text(javascript_bundle(), encoding="utf-8")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["execute"] = {"execute_notebooks": "force", "timeout": 600}
    (target / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    shutil.copyfile(ROOT / "_toc.yml", target / "_toc.yml")


def change_one_value(data_dir: Path, indicator: str = "revenue_growth") -> None:
    """Add 1 to the first value of ``indicator`` in the latest edition (sidecar rewritten)."""
    path = data_dir / "editions" / f"{max(int(p.stem) for p in (data_dir / 'editions').glob('*.csv'))}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(csv.reader([lines[0]]))
    for i, line in enumerate(lines[1:], start=1):
        row = next(csv.reader([line]))
        if row[header.index("indicator")] == indicator and row[header.index("value")]:
            row[header.index("value")] = str(float(row[header.index("value")]) + 1)
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow(row)
            lines[i] = out.getvalue()
            break
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_sidecar(path)


def run(*args: str) -> str:
    """A command of the package in a fresh process (imports included), as the Makefile runs it; its output."""
    return subprocess.run([sys.executable, "-m", "barometre", *args], check=True, capture_output=True,
                          text=True).stdout


def what_ran(output: str) -> str:
    """A build's own account of its time (its messages): the chapters it executed, each with its seconds
    (they share two workers), and the HTML build; the breakdown of a goal not met."""
    import re

    executed = [(m.group(1), float(m.group(2)))
                for m in re.finditer(r"\[executed\] chapters/(\w+)\s+([\d.]+) s", output)]
    html = [float(h) for h in re.findall(r"\[html\]\s+jupyter-book build\s+([\d.]+) s", output)]
    total = re.search(r"published: .*?, ([\d.]+) s\.", output)
    by_name: dict[str, list[float]] = {}
    for name, seconds in executed:
        by_name.setdefault(name, []).append(seconds)
    each = ", ".join(f"{n} {sum(t):.1f}" + (f" ({len(t)}×)" if len(t) > 1 else "")
                     for n, t in sorted(by_name.items(), key=lambda e: -sum(e[1])))
    parts = [f"{len(executed)} chapters executed (sum {sum(s for _, s in executed):.1f} s on the workers: {each})"]
    if len(html) == 1:
        parts.append(f"html {html[0]:.1f} s")
    elif html:
        parts.append(f"{len(html)} html builds ({min(html):.1f} to {max(html):.1f} s each, overlapping)")
    drawn = re.search(r"\[print\]\s+(\d+) chart\(s\) drawn for print\s+([\d.]+) s", output)
    if drawn:
        parts.append(f"{drawn.group(1)} charts drawn for print {float(drawn.group(2)):.1f} s")
    pdf = re.search(r"PDF of edition \d{4}: .*\(([\d.]+) s\)", output)
    if pdf:
        parts.append(f"pdf {float(pdf.group(1)):.1f} s (the rest: the LaTeX build, three XeLaTeX passes)")
    if total:
        parts.append(f"build {float(total.group(1)):.1f} s")
    return "; ".join(parts)


def editions_of(data: Path) -> list[int]:
    return sorted(int(p.stem) for p in (data / "editions").glob("[0-9][0-9][0-9][0-9].csv"))


def without_latest(source: Path, target: Path) -> int:
    """A copy of the data folder as it stood before its latest edition was added (``vintage.remove_later``:
    the edition's files, and the sources only it cites); returns that edition."""
    from barometre import vintage
    from barometre.provenance import write_sidecar

    shutil.copytree(source, target)
    editions = editions_of(target)
    for path in vintage.remove_later(target, editions[-2]):
        write_sidecar(path)
    return editions[-1]


def preview_one_value(work: Path, data: Path, build: Path) -> tuple[float, str]:
    """Start a resident preview on a built book, change one value, time until the page is published; and
    what the rebuild ran, from the preview's messages."""
    import json
    import threading

    state = build / "preview" / "build.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "barometre", "--data-dir", str(data), "preview", "--port", "0", "--build-dir",
         str(build)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        for line in proc.stdout:
            if line.startswith("Preview: http://"):
                break
        else:
            raise RuntimeError("the preview stopped before serving")
        said: list[str] = []
        threading.Thread(target=lambda: said.extend(proc.stdout), daemon=True).start()
        before = json.loads(state.read_text(encoding="utf-8"))["id"]
        time.sleep(1.0)  # the watcher has taken its first look
        t0 = time.perf_counter()
        change_one_value(data)
        while json.loads(state.read_text(encoding="utf-8"))["id"] == before:
            if time.perf_counter() - t0 > 600:
                raise RuntimeError("the preview did not rebuild within 600 s")
            time.sleep(0.01)
        seconds = time.perf_counter() - t0
        time.sleep(0.5)  # its last messages
        return seconds, what_ran("".join(said))
    finally:
        import os
        import signal

        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=120)


def main() -> int:
    import argparse
    import os

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="book,preview,site,pdf", help="parts to run (default: all)")
    only = set(parser.parse_args().only.split(","))
    load_before = os.getloadavg()
    rows: list[tuple[str, str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="barometre-bench-"))
    try:
        data = work / "data"
        shutil.copytree(DATA_DIR, data)
        build = work / "_build"

        def ours() -> str:
            return run("--data-dir", str(data), "build", "--build-dir", str(build))

        cold_said: list[str] = []
        if only & {"book", "preview", "pdf"}:
            cold = timed(lambda: cold_said.append(ours()))
        if "book" in only:
            naive = work / "naive"
            naive_book(naive)
            jb = Path(sys.executable).with_name("jupyter-book")
            naive_s = timed(lambda: subprocess.run([str(jb), "build", str(naive), "-q"], check=True,
                                                   capture_output=True))
            noop = timed(ours)
            # the goal's change: the latest growth figure, printed on 7 of the 10 executed pages
            change_one_value(data)
            said: list[str] = []
            one_value = timed(lambda: said.append(ours()))
            # for information: a figure of one analysis chapter (the adviser's salary, chapter value)
            change_one_value(data, "adviser_salary_gross")
            one_chapter = timed(ours)
            rows += [
                ("cold build", f"{cold:.1f} s", ""),
                ("naive jupyter-book build (execute: force)", f"{naive_s:.1f} s", ""),
                ("cold / naive", f"{cold / naive_s:.2f}", "goal ≤ 0.35"),
                ("  what the cold build ran", what_ran(cold_said[0]), ""),
                ("no-op rebuild", f"{noop:.2f} s", "goal ≤ 0.3 s"),
                ("one-value change", f"{one_value:.1f} s", ""),
                ("one-value change / cold", f"{one_value / cold:.2f}", "goal ≤ 0.5"),
                ("  what the one-value change ran", what_ran(said[0]), ""),
                ("one-chapter value change", f"{one_chapter:.1f} s", ""),
                ("one-chapter value change / cold", f"{one_chapter / cold:.2f}", "(information)"),
            ]
        if "preview" in only:
            seconds, ran = preview_one_value(work, data, build)
            rows += [("preview one-value change", f"{seconds:.2f} s", "goal ≤ 1.5 s"),
                     ("  what the preview's rebuild ran", ran, "")]
        if "pdf" in only:
            pdf_said: list[str] = []
            pdf = timed(lambda: pdf_said.append(run("--data-dir", str(data), "pdf", "--build-dir", str(build))))
            rows += [("pdf from cache", f"{pdf:.1f} s", "goal ≤ 30 s"),
                     ("  what the pdf ran", what_ran(pdf_said[0]), "")]
        if "site" in only:
            singles = {}
            for edition in editions_of(DATA_DIR):
                alone = work / f"alone-{edition}"
                singles[edition] = timed(lambda e=edition, b=alone: run(
                    "--data-dir", str(DATA_DIR), "build", "--edition", str(e), "--build-dir", str(b)))
                shutil.rmtree(alone, ignore_errors=True)
            site_said: list[str] = []
            site = timed(lambda: site_said.append(run("--data-dir", str(DATA_DIR), "site", "--build-dir",
                                                      str(work / "site"))))
            shutil.rmtree(work / "site", ignore_errors=True)
            # a site built without the latest edition, then the edition added
            grown = work / "grown"
            latest = without_latest(DATA_DIR, grown)
            run("--data-dir", str(grown), "site", "--build-dir", str(work / "site-grown"))
            for folder in ("editions", "events", "quotes"):  # the analyst adds the edition and its sources
                for path in (DATA_DIR / folder).glob(f"{latest}.csv*"):
                    shutil.copyfile(path, grown / folder / path.name)
            for name in ("sources.csv", "sources.csv.meta.yaml"):
                shutil.copyfile(DATA_DIR / name, grown / name)
            after_new = timed(lambda: run("--data-dir", str(grown), "site", "--build-dir", str(work / "site-grown")))
            total = sum(singles.values())
            rows += [
                ("single-edition colds, each alone", " + ".join(f"{s:.1f}" for s in singles.values()) + " s", ""),
                ("sum of single-edition colds", f"{total:.1f} s", ""),
                ("site cold (every edition)", f"{site:.1f} s", ""),
                ("site cold / sum of single-edition colds", f"{site / total:.2f}", "goal ≤ 0.5"),
                ("  what the site's cold build ran", what_ran(site_said[0]), ""),
                (f"site after a new edition ({latest})", f"{after_new:.1f} s", ""),
                ("site after a new edition / one edition cold", f"{after_new / singles[latest]:.2f}", "goal ≤ 1.3"),
            ]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    width = max(len(r[0]) for r in rows)
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:>8}  {goal}")
    load_after = os.getloadavg()
    print(f"load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in load_before)}; "
          f"after: {', '.join(f'{x:.2f}' for x in load_after)} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
