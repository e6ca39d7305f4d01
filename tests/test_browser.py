"""The web book in a real browser (headless Chromium, driven by Playwright, no browser download).

On every page: charts draw, the console stays clean, no request leaves the site.
On samples: tooltips appear on hover, a number's provenance link opens its source."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from barometre import book
from barometre.build import toc_chapters

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():  # pragma: no cover - CI installs it (scripts/install-system-deps.sh)
    pytest.fail("The browser tests need Chromium (Debian package chromium), not found on this machine "
                f"({CHROMIUM}). Install the system packages with: bash scripts/install-system-deps.sh (as root, or "
                "through sudo; make test runs it), then run the tests again.", pytrace=False)

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
        title = link.get_attribute("data-tip") or link.get_attribute("title")  # the page's script moves it
        assert "Source\u00a0:" in title and "«" in title
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


def _assert_fills_its_box(page, selector: str, width: int) -> None:
    """The chart's drawing fills its box and no more, and the page does not scroll sideways."""
    wait_for_charts(page)
    chart = page.locator(selector)
    frame = chart.evaluate("e => e.getBoundingClientRect().width")
    drawn = chart.locator("svg").first.evaluate("e => e.getBoundingClientRect().width")
    assert 0.95 * frame <= drawn <= frame + 1, (frame, drawn)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_the_year_by_year_panels_take_the_width_of_the_page(browser, published_book, width):
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri(), width=width)
    try:
        # the drawing fills its box (the panels of 205 px left two thirds of a desktop column empty) and no more
        _assert_fills_its_box(visit.page, "#vis-resilience-series", width)
    finally:
        visit.close()


def test_charts_fit_their_box_after_the_window_is_widened_from_a_phone_to_a_desktop(browser, published_book):
    """A drawing fitted to a box width read mid-layout stayed wider than its box for good (744 px in a
    672 px box, 5 widenings in 50 under a CPU hog): resizing again asked Vega for the width it already had."""
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri(), width=390)
    try:
        wait_for_charts(visit.page)
        for width in (1280, 800, 1280):
            visit.page.set_viewport_size({"width": width, "height": 900})
            sizes = _drawings_once_settled(visit.page)
            assert sizes and all(drawn <= box + 1 for _, box, drawn in sizes), (width, sizes)
    finally:
        visit.close()


DRAWINGS = ("() => [...document.querySelectorAll('.vega-chart')].map(c => "
            "[c.id, c.clientWidth, c.querySelector('svg').getBoundingClientRect().width])")


def _drawings_once_settled(page, timeout: int = 5000) -> list:
    """Each chart's box width and drawn width, once every drawing fits its box or ``timeout`` ms have
    passed (a window resize is laid out, then drawn, in turns that a loaded machine spreads over a
    second or more; a drawing that never fits is measured as it stays)."""
    page.wait_for_timeout(300)
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):  # the caller asserts on what is measured
        page.wait_for_function(f"() => ({DRAWINGS})().every(([, box, drawn]) => drawn <= box + 1)", timeout=timeout)
    page.wait_for_timeout(200)
    return page.evaluate(DRAWINGS)


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


# --------------------------------------------------------------------------- charts' text at three widths

CHART_TEXT = (Path(__file__).parent / "chart_text.js").read_text(encoding="utf-8")
# The pages that draw charts: the analysis chapters and the synthesis (from the chapter registry).
CHART_PAGES = [f"{c.file}.html" for c in book.CHAPTERS if c.role == "chapter" or c.name == "synthesis"]


def wait_for_charts(page) -> None:
    """Every chart drawn and handed to the page's script (which hides the drawing from assistive technology)."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.vega-chart')].every(c => c.querySelector('svg[aria-hidden=true]'))",
        timeout=15000,
    )
    page.wait_for_timeout(200)


@pytest.mark.parametrize("width", [360, 390, 1280])
@pytest.mark.parametrize("name", CHART_PAGES)
def test_no_chart_text_overlaps_another_or_leaves_its_chart(browser, published_book, name, width):
    """Every SVG text of every chart (titles, axis labels and titles, legends, value labels) is measured in the
    page: no two boxes intersect, no box leaves its chart's box or the screen."""
    visit = Visit(browser, (published_book / name).as_uri(), width=width)
    try:
        wait_for_charts(visit.page)
        result = visit.page.evaluate(CHART_TEXT)
        assert result["charts"] == visit.page.locator(".vega-chart").count()
        assert result["texts"] > 0
        assert result["overlaps"] == [], f"{name} at {width} px: text boxes overlap"
        assert result["outside"] == [], f"{name} at {width} px: text leaves its chart"
    finally:
        visit.close()


# --------------------------------------------------------------------------- charts on a desktop

# Each chart's own title (not its panels'): its lines, its text, its right edge and its box's.
CHART_TITLES = """() => [...document.querySelectorAll('.vega-chart')].map(chart => {
  const svg = chart.querySelector('svg');
  const group = [...svg.querySelectorAll('.role-title')].find(g => !g.parentElement.closest('.role-scope'));
  const text = group && group.querySelector('text');
  if (!text) return null;
  const lines = [...text.querySelectorAll('tspan')].map(t => t.textContent);
  return {id: chart.id, lines: Math.max(1, lines.length), text: lines.length ? lines.join(' ') : text.textContent,
          right: text.getBoundingClientRect().right, box: chart.getBoundingClientRect().right};
}).filter(Boolean)"""
# The title of each panel of a column of panels (a concatenation's), its lines and its text.
PANEL_TITLES = """() => [...document.querySelectorAll('.vega-chart svg g.role-scope')]
  .filter(g => /(^| )concat_\\d+_group( |$)/.test(g.getAttribute('class')))
  .map(g => [g.closest('.vega-chart').id, g.querySelector('g.role-title text')]).filter(([, t]) => t)
  .map(([id, t]) => { const lines = [...t.querySelectorAll('tspan')].map(s => s.textContent);
                      return {id, lines: Math.max(1, lines.length), text: lines.length ? lines.join(' ') : t.textContent}; })"""
DESKTOP_ONE_LINE = 60  # characters: a title this short is on one line in a desktop's 672 px column


def _titles_on_a_desktop(page) -> list[str]:
    """What is wrong with the charts' titles on a desktop: a title in more than two lines, a short one not
    on one line, a title past its chart's box; a short panel title not on one line."""
    bad = []
    for t in page.evaluate(CHART_TITLES):
        if t["lines"] > 2 or (len(t["text"]) <= DESKTOP_ONE_LINE and t["lines"] > 1) or t["right"] > t["box"] + 1:
            bad.append(f"{t['id']}: « {t['text']} » in {t['lines']} lines, right edge {t['right']:.0f} (box {t['box']:.0f})")
    for t in page.evaluate(PANEL_TITLES):  # a panel's title (12 px) is on one line when it is this short
        if len(t["text"]) <= DESKTOP_ONE_LINE and t["lines"] > 1:
            bad.append(f"{t['id']}: panel « {t['text']} » in {t['lines']} lines")
    return bad


@pytest.mark.parametrize("name", CHART_PAGES)
def test_on_a_desktop_a_chart_title_takes_one_line_or_two(browser, published_book, name):
    """Titles wrapped for a phone (30 characters a line, a panel's 40) took two or three lines of a third of a
    desktop's column."""
    visit = Visit(browser, (published_book / name).as_uri(), width=1280)
    try:
        wait_for_charts(visit.page)
        assert visit.page.evaluate(CHART_TITLES), f"{name}: no chart title found"
        assert _titles_on_a_desktop(visit.page) == []
    finally:
        visit.close()


# The plot of each panel of a chart of panels (a concatenation's, a facet's cells), and its chart's box.
PANEL_PLOTS = """() => [...document.querySelectorAll('.vega-chart')].flatMap(chart =>
  [...chart.querySelectorAll('svg g.role-scope')].filter(g => /(^| )(concat_\\d+_group|cell)( |$)/.test(g.getAttribute('class')))
    .map(g => g.querySelector(':scope > g > path.background'))
    .filter(Boolean)
    .map(plot => [chart.id, Math.round(plot.getBoundingClientRect().width), chart.clientWidth]))"""
PANEL_SHARE = 0.8  # of the chart's box, at least: the plot of a panel on a desktop (axes and padding take the rest)


@pytest.mark.parametrize("name", CHART_PAGES)
def test_on_a_desktop_every_panel_takes_the_width_of_its_chart(browser, published_book, name):
    """Panels (year-by-year, bars by figure, the dashboard's) drawn at their phone width (205 or 250 px) left
    most of a desktop's column empty."""
    visit = Visit(browser, (published_book / name).as_uri(), width=1280)
    try:
        wait_for_charts(visit.page)
        plots = visit.page.evaluate(PANEL_PLOTS)
        narrow = [(chart, plot, box) for chart, plot, box in plots if plot < PANEL_SHARE * box]
        assert narrow == [], f"{name}: panels narrower than {PANEL_SHARE:.0%} of their chart's box"
    finally:
        visit.close()


DASHBOARD = "#vis-synthese-tableau-de-bord"


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_the_dashboard_takes_the_width_of_the_page(browser, published_book, width):
    """The dashboard's panels kept their phone width (250 px): 262 px drawn in a 672 px desktop column."""
    visit = Visit(browser, (published_book / "chapters" / "synthesis.html").as_uri(), width=width)
    try:
        _assert_fills_its_box(visit.page, DASHBOARD, width)
    finally:
        visit.close()


@pytest.mark.parametrize("name", ["chapters/synthesis.html", "chapters/resilience.html"])
def test_titles_and_the_dashboard_follow_the_window_from_a_phone_to_a_desktop_and_back(browser, published_book, name):
    visit = Visit(browser, (published_book / name).as_uri(), width=390)
    try:
        wait_for_charts(visit.page)
        visit.page.set_viewport_size({"width": 1280, "height": 900})
        sizes = _drawings_once_settled(visit.page)
        assert _titles_on_a_desktop(visit.page) == []
        for chart, box, drawn in sizes:
            assert drawn <= box + 1, (chart, box, drawn)
            if chart == DASHBOARD[1:]:
                assert drawn >= 0.95 * box, (box, drawn)
        visit.page.set_viewport_size({"width": 360, "height": 900})
        sizes = _drawings_once_settled(visit.page)
        result = visit.page.evaluate(CHART_TEXT)
        assert result["outside"] == [] and result["overlaps"] == []
        assert all(drawn <= box + 1 for _, box, drawn in sizes), sizes
    finally:
        visit.close()


# --------------------------------------------------------------------------- accessibility engine

AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"  # axe-core, pinned in requirements


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_or_critical_violation(browser, published_book, name):
    visit = Visit(browser, (published_book / name).as_uri())
    try:
        wait_for_charts(visit.page)
        visit.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        results = visit.page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], f"{name}: " + "\n".join(bad)
        assert visit.outside == []  # axe ran from the page itself, nothing fetched
    finally:
        visit.close()


# --------------------------------------------------------------------------- interface

def test_sliders_show_their_values_in_french_with_units(browser, published_book):
    visit = Visit(browser, (published_book / "chapters" / "offshore.html").as_uri(), width=390)
    try:
        figure = visit.page.locator("#chart-offshore-explorer")
        figure.locator("output.slider-value").first.wait_for(state="visible", timeout=5000)
        shown = figure.locator("output.slider-value").all_inner_texts()
        assert len(shown) == figure.locator("input[type=range]").count() == 3
        for text in shown:
            assert text.endswith("\u00a0%") and "." not in text and "-" not in text, shown
        raw = [s for s in figure.locator(".vega-bind span:not(.vega-bind-name)").all() if s.is_visible()]
        assert raw == [], "Vega's raw value (« 0.08 ») is still shown"
        slider = figure.locator("input[name=ecart]")
        slider.evaluate("el => { el.value = el.min; el.dispatchEvent(new Event('input', {bubbles: true})); }")
        assert figure.locator("input[name=ecart] + output").inner_text() == "\u221280\u00a0%"
        assert slider.get_attribute("aria-valuetext") == "\u221280\u00a0%"
    finally:
        visit.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_one_search_box_is_visible(browser, published_book, width):
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri(), width=width)
    try:
        boxes = [b for b in visit.page.locator(".search-button-field, .search-button, input[type=search]").all()
                 if b.is_visible()]
        assert len(boxes) == 1
    finally:
        visit.close()


def test_a_numbers_provenance_opens_on_keyboard_focus(browser, published_book):
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri())
    try:
        link = visit.page.locator("a.provenance").first
        link.focus()
        tip = visit.page.locator("#barometre-tip")
        tip.wait_for(state="visible", timeout=2000)
        assert "Source\u00a0:" in tip.inner_text()
        assert link.get_attribute("aria-describedby") == "barometre-tip"
        visit.page.keyboard.press("Escape")
        assert not tip.is_visible()
    finally:
        visit.close()


def test_a_first_tap_on_a_number_shows_its_provenance_and_a_second_follows_the_link(browser, published_book):
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        url = (published_book / "chapters" / "resilience.html").as_uri()
        page.goto(url)
        page.wait_for_load_state("load")
        link = page.locator("a.provenance").first
        link.scroll_into_view_if_needed()
        link.tap()
        tip = page.locator("#barometre-tip")
        tip.wait_for(state="visible", timeout=2000)
        assert "Source\u00a0:" in tip.inner_text()
        assert page.url == url
        link.tap()
        page.wait_for_url("**/sources.html#fig-*", timeout=5000)
    finally:
        context.close()


def test_the_annex_entry_reached_by_a_link_is_highlighted_and_leads_back(browser, published_book):
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri())
    try:
        start = visit.page.url
        visit.page.locator("a.provenance").first.click()
        visit.page.wait_for_load_state("load")
        anchor = visit.page.url.rsplit("#", 1)[1]
        entry = visit.page.locator(f"[id='{anchor}']")
        colour = entry.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
        back = entry.locator("a.back-to-text")
        assert back.inner_text().endswith("Revenir au texte")
        back.click()
        visit.page.wait_for_url(start, timeout=5000)
    finally:
        visit.close()


CONTRAST = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let bg = "rgba(0, 0, 0, 0)";
  for (let n = el; n && (bg === "rgba(0, 0, 0, 0)" || bg === "transparent"); n = n.parentElement) bg = getComputedStyle(n).backgroundColor;
  const a = lum(getComputedStyle(el).color), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_the_edition_banner_and_its_links_are_readable(browser, published_book):
    visit = Visit(browser, (published_book / "chapters" / "resilience.html").as_uri(), width=390)
    try:
        banner = visit.page.locator(".bd-header-announcement")
        assert "édition" in banner.inner_text()
        for el in [banner, *banner.locator("a").all()]:
            assert el.evaluate(CONTRAST) >= 4.5
    finally:
        visit.close()


@pytest.mark.parametrize("name", PAGES)
def test_no_page_is_wider_than_a_phone(browser, published_book, name):
    visit = Visit(browser, (published_book / name).as_uri(), width=360)
    try:
        wide = visit.page.evaluate(
            "() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 362)"
            ".filter(e => !e.closest('.bd-sidebar-secondary, .bd-sidebar-primary')).slice(0, 5)"
            ".map(e => e.tagName + ': ' + (e.textContent || '').trim().slice(0, 60))"
        )
        assert wide == []
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        visit.close()


@pytest.mark.parametrize("width", [360, 390])
def test_on_a_phone_the_previous_and_next_links_stack_and_break_no_word(browser, published_book, width):
    """The theme floats the two links side by side at this width: « Les affirmations à l'épreuve », the
    annex's previous page, broke inside a word (« affirmation / s à »)."""
    visit = Visit(browser, (published_book / "chapters" / "sources.html").as_uri(), width=width)
    try:
        found = visit.page.evaluate("""() => {
            const prev = document.querySelector('.prev-next-area a.left-prev');
            const next = document.querySelector('.prev-next-area a.right-next');
            const title = prev.querySelector('.prev-next-title');
            const words = title.textContent.trim().split(/\\s+/);
            title.innerHTML = words.map(w => '<span>' + w + '</span>').join(' ');
            const broken = [...title.querySelectorAll('span')].filter(s => s.getClientRects().length > 1)
                .map(s => s.textContent);
            return {broken, stacked: next.getBoundingClientRect().top >= prev.getBoundingClientRect().bottom - 1,
                    title: title.textContent};
        }""")
        assert "affirmations" in found["title"]
        assert found["stacked"], found
        assert found["broken"] == [], found
    finally:
        visit.close()
