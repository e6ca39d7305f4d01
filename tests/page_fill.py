"""How full each page of a PDF is, measured on its pixels (pdftoppm at 50 dpi).

A page's body lies between its running head (a line and a rule at the top) and its running foot (a
rule, the section and the page number at the bottom). Its empty fraction is the share of the body's
height left blank under its last mark: text, chart, box or rule. A chapter's opening page has no
running head: its body starts at the same height as the others'."""

from __future__ import annotations

import collections
import itertools
import subprocess
import tempfile
from pathlib import Path

INK = 200  # a pixel darker than this (0-255 grey) is ink
GAP = 4  # rows: marks further apart than this are separate bands (a line of text, a rule)


def _bands(ink_rows) -> list[tuple[int, int]]:
    """The bands of rows holding ink: (first row, last row), top to bottom."""
    bands: list[list[int]] = []
    for y in ink_rows:
        if bands and y - bands[-1][1] <= GAP:
            bands[-1][1] = y
        else:
            bands.append([y, y])
    return [(a, b) for a, b in bands]


def page_bands(pdf: Path, dpi: int = 50) -> tuple[list[list[tuple[int, int]]], int]:
    """Each page's bands of ink, and the pages' height in pixels."""
    import numpy as np
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True)
        pages, height = [], 0
        for png in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1])):
            pixels = np.asarray(Image.open(png).convert("L"))
            height = pixels.shape[0]
            pages.append(_bands(np.flatnonzero((pixels < INK).any(axis=1)).tolist()))
    return pages, height


def empty_fractions(pdf: Path, dpi: int = 50) -> list[float]:
    """Each page's empty fraction (0: its body filled to the foot; 1: nothing but head and foot)."""
    pages, height = page_bands(pdf, dpi)
    # the running foot: the band most pages end with, in the page's lowest tenth
    foot = collections.Counter(bands[-1][0] for bands in pages if bands and bands[-1][0] > 0.9 * height)
    foot_top = min(y for y, n in foot.items() if n >= foot.most_common(1)[0][1] / 2)
    # the running head: the band most pages begin with, in the page's highest tenth
    head = collections.Counter(bands[0][1] for bands in pages if bands and bands[0][1] < 0.1 * height)
    head_bottom = max(y for y, n in head.items() if n >= head.most_common(1)[0][1] / 2)
    top, bottom = head_bottom + GAP, foot_top - GAP
    fractions = []
    for bands in pages:
        body = [b for b in bands if b[1] < bottom and b[0] > top]
        last = max((b[1] for b in body), default=top)
        fractions.append(round((bottom - last) / (bottom - top), 3))
    return fractions


def page_fill(pdf: Path, dpi: int = 50) -> list[dict]:
    """Each page: its number (from 1), its empty fraction, and whether it opens a chapter (no running
    head: the title page, a chapter's or an appendix's first page) or ends one (the next page opens one,
    or it is the last page), the pages a report may leave part empty."""
    pages, height = page_bands(pdf, dpi)
    fractions = empty_fractions(pdf, dpi)
    head = collections.Counter(bands[0][1] for bands in pages if bands and bands[0][1] < 0.1 * height)
    usual = head.most_common(1)[0][0]
    opens = [not (bands and abs(bands[0][1] - usual) <= 1) for bands in pages]
    return [{"page": i + 1, "empty": f, "opens": opens[i], "ends": i + 1 == len(pages) or opens[i + 1]}
            for i, f in enumerate(fractions)]


def body_lines(pdf: Path) -> list[list[tuple[float, float, float, str]]]:
    """Each page's lines of body text (10 to 11.5 pt, the running head and foot left out): top, left,
    right (in points, from the page's top-left corner) and text, top to bottom. Charts (Form XObjects)
    are not read."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTTextLine

    def lines(node):
        for item in node:
            if isinstance(item, LTTextLine):
                sizes = [c.size for c in item if isinstance(c, LTChar)]
                if sizes and 10 < max(sizes) < 11.5:
                    yield item
            elif not isinstance(item, LTFigure) and hasattr(item, "__iter__"):
                yield from lines(item)

    pages = []
    for page in extract_pages(str(pdf), laparams=LAParams(line_margin=0.2)):
        found = [(page.height - ln.y1, ln.x0, ln.x1, ln.get_text().strip()) for ln in lines(page)]
        # the head's and the foot's lines are in the page's highest and lowest 8 %
        pages.append(sorted(f for f in found if 0.08 * page.height < f[0] < 0.92 * page.height and f[3]))
    return pages


def broken_paragraphs(pdf: Path) -> list[tuple[int, str, str]]:
    """The pages where a paragraph leaves one line alone: its last line at the top of the page (a widow:
    the previous page ends on a full line of the paragraph, this one starts on a short line), or its first
    line at the foot (an orphan: a full line after a paragraph's end). (page, "widow" or "orphan", the line)."""
    pages = body_lines(pdf)
    flat = [ln for page in pages for ln in page]
    if not flat:
        return []
    left = collections.Counter(round(ln[1]) for ln in flat).most_common(1)[0][0]
    right = collections.Counter(round(ln[2]) for ln in flat).most_common(1)[0][0]
    width = right - left
    leading = collections.Counter(round(b[0] - a[0], 1) for page in pages for a, b in itertools.pairwise(page)
                                  if 0 < b[0] - a[0] < 20).most_common(1)[0][0]

    def full(ln) -> bool:  # a justified line that runs on: from margin to margin
        return abs(ln[1] - left) < 2 and abs(ln[2] - right) < 2

    def ends(ln) -> bool:  # a line that ends its paragraph, short of the right margin
        return ln[2] < right - 0.1 * width

    found = []
    for number, (previous, page) in enumerate(itertools.pairwise([[], *pages]), start=2):
        if previous and page and full(previous[-1]) and not previous[-1][3].endswith((".", ":")):
            first = page[0]
            if abs(first[1] - left) < 2 and ends(first):
                found.append((number - 1, "widow", first[3]))
    for number, page in enumerate(pages, start=1):
        if len(page) >= 2:
            last, before = page[-1], page[-2]
            # (a full line ending a sentence is a paragraph of one line: « Verdict : cohérente. … près. »)
            if (full(last) and (ends(before) or last[0] - before[0] > 1.4 * leading)
                    and not last[3].endswith((".", ":", "»", "?", "!"))):
                found.append((number, "orphan", last[3]))
    return found
