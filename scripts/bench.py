"""`make bench`: the build's speed against a naive Jupyter Book build, on this machine.

Prints three ratios (targets in brackets):
- cold build / naive `jupyter-book build` with execute_notebooks: force   [≤ 0.45]
- no-op rebuild time                                                        [≤ 0.5 s]
- one-value-change rebuild / cold build                                     [≤ 0.3]
- for information: the same for a figure one analysis chapter shows (no target)
(targets of issue 16; each build is the analyst's command in a fresh process)

Everything runs in temporary folders; the project's _build/ is not touched.
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


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="barometre-bench-"))
    try:
        data = work / "data"
        shutil.copytree(DATA_DIR, data)

        def ours():
            # the command the analyst runs, in a fresh process (imports included)
            subprocess.run(
                [sys.executable, "-m", "barometre", "--data-dir", str(data), "build", "--build-dir",
                 str(work / "_build")],
                check=True, capture_output=True,
            )

        naive = work / "naive"
        naive_book(naive)
        jb = Path(sys.executable).with_name("jupyter-book")

        def naive_build():
            subprocess.run([str(jb), "build", str(naive), "-q"], check=True, capture_output=True)

        cold = timed(ours)
        naive_s = timed(naive_build)
        noop = timed(ours)
        # the target's change: the latest growth figure, printed on 7 of the 10 executed pages
        change_one_value(data)
        one_value = timed(ours)
        # for information: a figure of one analysis chapter (the adviser's salary, chapter value);
        # the pages that list every figure (introduction, synthesis, changes, claims, annex) still change
        change_one_value(data, "adviser_salary_gross")
        one_chapter = timed(ours)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    rows = [
        ("cold build", f"{cold:.1f} s", ""),
        ("naive jupyter-book build (execute: force)", f"{naive_s:.1f} s", ""),
        ("cold / naive", f"{cold / naive_s:.2f}", "target ≤ 0.45"),
        ("no-op rebuild", f"{noop:.2f} s", "target ≤ 0.5 s"),
        ("one-value change", f"{one_value:.1f} s", ""),
        ("one-value change / cold", f"{one_value / cold:.2f}", "target ≤ 0.3"),
        ("one-chapter value change", f"{one_chapter:.1f} s", ""),
        ("one-chapter value change / cold", f"{one_chapter / cold:.2f}", "(information)"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:>8}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
