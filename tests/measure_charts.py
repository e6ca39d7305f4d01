"""Measure every chart's text boxes of a built site at 360, 390 and 1280 px (the browser test's rule, by hand):

    .venv/bin/python tests/measure_charts.py _build/html
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from barometre.build import toc_chapters

SCRIPT = (Path(__file__).parent / "chart_text.js").read_text(encoding="utf-8")
WIDTHS = (360, 390, 1280)


def wait_for_charts(page) -> None:
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-chart')].every(c => c.querySelector('svg'))", timeout=15000
    )
    page.wait_for_timeout(200)


def measure(browser, url: str, width: int) -> dict:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        wait_for_charts(page)
        return page.evaluate(SCRIPT)
    finally:
        context.close()


def main(site: Path) -> int:
    from playwright.sync_api import sync_playwright

    bad = 0
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        sys.exit("Measuring the charts needs Chromium (Debian package chromium), not found on this machine. "
                 "Install the system packages with: bash scripts/install-system-deps.sh, then run it again.")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for name in toc_chapters():
            for width in WIDTHS:
                r = measure(browser, (site / f"{name}.html").resolve().as_uri(), width)
                bad += len(r["overlaps"]) + len(r["outside"])
                print(f"{name} @{width}: {r['charts']} charts, {r['texts']} texts, "
                      f"{len(r['overlaps'])} overlaps, {len(r['outside'])} outside")
                for line in r["overlaps"] + r["outside"]:
                    print("   ", line)
        browser.close()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")))
