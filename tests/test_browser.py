"""The web book in a real browser (headless Chromium, driven by Playwright, no browser download).

On every page: charts draw, the console stays clean, no request leaves the site.
On samples: tooltips appear on hover, a number's provenance link opens its source."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from barometre.build import toc_chapters

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():  # pragma: no cover - CI installs it (scripts/install-system-deps.sh)
    pytest.fail("Chromium is required for the browser tests: run scripts/install-system-deps.sh", pytrace=False)

PAGES = [f"{name}.html" for name in toc_chapters()]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


class Visit:
    def __init__(self, browser, url: str, width: int = 1280):
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        base = url.rsplit("/", 2)[0]

        def route(r):
            if r.request.url.startswith(base) or r.request.url.startswith("data:"):
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(300)

    def charts_drawn(self) -> list[int]:
        return self.page.eval_on_selector_all(
            ".vega-chart",
            "els => els.map(e => e.querySelectorAll('svg .mark-rect path, svg .mark-symbol path, svg .mark-line path,"
            " svg .mark-area path, svg .mark-shape path, svg .mark-rule line, svg .mark-text text').length)",
        )

    def close(self):
        self.context.close()


@pytest.mark.parametrize("name", PAGES)
def test_every_page_draws_its_charts_with_a_clean_console_and_no_outside_request(browser, published_book, name):
    url = (published_book / name).as_uri()
    visit = Visit(browser, url)
    try:
        expected = visit.page.locator(".vega-chart").count()
        drawn = visit.charts_drawn()
        assert len(drawn) == expected
        assert all(n > 0 for n in drawn), f"charts without marks on {name}: {drawn}"
        assert visit.errors == []
        assert visit.outside == []
    finally:
        visit.close()


def test_the_resilience_chapter_has_charts(published_book, browser):
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri())
    try:
        assert len(visit.charts_drawn()) >= 4
    finally:
        visit.close()


def test_hovering_a_bar_shows_its_value_as_the_text_shows_it(browser, published_book):
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri())
    try:
        bar = visit.page.locator("#vis-resilience-croissance svg .mark-rect path").first
        bar.hover()
        tooltip = visit.page.locator("#vg-tooltip-element")
        tooltip.wait_for(state="visible", timeout=3000)
        assert "\u00a0%" in tooltip.inner_text()
    finally:
        visit.close()


def test_a_number_links_to_its_source_with_the_quote(browser, published_book):
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri())
    try:
        link = visit.page.locator("a.provenance").first
        title = link.get_attribute("title")
        assert "Source :" in title and "«" in title
        link.click()
        visit.page.wait_for_load_state("load")
        assert visit.page.url.split("/")[-1].startswith("sources.html#fig-")
        anchor = visit.page.url.rsplit("#", 1)[1]
        entry = visit.page.locator(f"[id='{anchor}']")
        assert entry.count() == 1
        assert "«" in visit.page.locator(f"[id='{anchor}'] + p, [id='{anchor}'] p").first.inner_text() or "«" in entry.inner_text()
    finally:
        visit.close()


def test_the_site_works_from_a_web_server_sub_path(browser, published_book, tmp_path):
    root = tmp_path / "www"
    shutil.copytree(published_book, root / "barometre" / "2008")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/barometre/2008/chapters/resilience.html"
        visit = Visit(browser, url)
        try:
            assert all(n > 0 for n in visit.charts_drawn())
            assert visit.errors == [] and visit.outside == []
        finally:
            visit.close()
    finally:
        server.shutdown()


def test_charts_stay_readable_at_360_pixels(browser, published_book):
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri(), width=360)
    try:
        widths = visit.page.eval_on_selector_all(".vega-chart svg", "els => els.map(e => e.getBoundingClientRect().width)")
        assert widths and all(w <= 360 for w in widths)
        overflow = visit.page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 370
    finally:
        visit.close()


@pytest.mark.parametrize(("chapter", "chart"), [("value", "valeur-explorer"), ("offshore", "offshore-explorer"),
                                                ("prices", "prix-explorer")])
def test_moving_a_slider_recomputes_the_model_in_the_page(browser, published_book, chapter, chart):
    visit = Visit(browser, (published_book / "chapters" / f"{chapter}.html").as_uri())
    try:
        figure = visit.page.locator(f"#chart-{chart}")
        slider = figure.locator("input[type=range]").first
        path = figure.locator("svg .mark-line path").last
        before = path.get_attribute("d")
        slider.evaluate("el => { el.value = el.max; el.dispatchEvent(new Event('input', {bubbles: true})); }")
        visit.page.wait_for_timeout(300)
        assert path.get_attribute("d") != before
        assert visit.errors == []
    finally:
        visit.close()
