"""Links of a built site: every internal link and anchor must resolve (``internal_problems``, run by
the tests on every edition built and by ``make publish`` before it copies anything), and the outside
links can be checked when a network is available (``check_external``, ``make linkcheck``).

A link is internal when it has no scheme and no host: it is resolved as a browser does from the
page's folder, within the site's root (``site/``, the parent of the edition folders), never
following a symbolic link out of it. ``page.html#anchor`` needs an element with that ``id`` (or an
``<a name>``) in that page."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
SKIPPED_SCHEMES = ("mailto", "tel", "javascript", "data")


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, url)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])
        attr = LINK_ATTRIBUTES.get(tag)
        if attr and values.get(attr) is not None:
            # <link rel="canonical"> and alternates point at the public address, not at a file
            if tag == "link" and (values.get("rel") or "").lower() in ("canonical", "alternate", "preconnect",
                                                                        "dns-prefetch"):
                return
            self.page.links.append((tag, values[attr]))

    handle_startendtag = handle_starttag


def parse(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.page


def _pages(root: Path) -> list[Path]:
    """The HTML pages under ``root``, through the symbolic links of the edition folders (not the
    theme's templates that Sphinx copies into ``_static/``: they are not pages)."""
    import os

    out = []
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs[:] = [d for d in dirs if d != "_static"]
        out.extend(Path(folder) / name for name in files if name.endswith(".html"))
    return sorted(out)


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") or (not parts.scheme and bool(parts.netloc))


def internal_problems(root: Path, pages: Iterable[Path] | None = None) -> list[str]:
    """Every internal link or anchor of the HTML pages under ``root`` that does not resolve, as
    'page: link (why)'. ``root`` is the site's root: no link may lead out of it."""
    root = Path(root)
    cache: dict[str, Page | None] = {}

    def page_at(rel: str) -> Page | None:
        if rel not in cache:
            path = root / rel
            cache[rel] = parse(path) if path.is_file() else None
        return cache[rel]

    problems = []
    for path in (_pages(root) if pages is None else pages):
        rel_page = path.relative_to(root).as_posix()
        page = page_at(rel_page)
        for _tag, url in page.links:
            url = url.strip()
            parts = urlsplit(url)
            if parts.scheme in SKIPPED_SCHEMES or is_external(url) or parts.scheme:
                continue
            target, fragment = urldefrag(url)
            target = unquote(urlsplit(target).path)
            if not target:
                target_rel = rel_page
            else:
                joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), target))
                if joined == ".." or joined.startswith("../") or posixpath.isabs(joined):
                    problems.append(f"{rel_page}: {url} (leads out of the site)")
                    continue
                target_rel = joined
                full = root / target_rel
                if full.is_dir():
                    target_rel = posixpath.join(target_rel, "index.html")
                    full = root / target_rel
                if not full.is_file():
                    problems.append(f"{rel_page}: {url} (no such file)")
                    continue
            if fragment and target_rel.endswith(".html"):
                unquoted = unquote(fragment)
                other = page_at(target_rel)
                if other is None or unquoted not in other.ids:
                    problems.append(f"{rel_page}: {url} (no anchor #{unquoted} in {target_rel})")
    return problems


def external_links(root: Path, ignore_prefix: str = "") -> dict[str, list[str]]:
    """The outside links of the site: each address with the pages that link to it."""
    out: dict[str, list[str]] = {}
    for path in _pages(Path(root)):
        rel = path.relative_to(root).as_posix()
        for _tag, url in parse(path).links:
            url = url.strip()
            if is_external(url) and not (ignore_prefix and url.startswith(ignore_prefix)):
                out.setdefault(urldefrag(url)[0], []).append(rel)
    return dict(sorted(out.items()))


class NoNetwork(OSError):
    """No outside address can be reached: the outside links cannot be checked here."""


def check_url(url: str, timeout: float = 10.0) -> str | None:
    """None when the address answers (2xx or 3xx, after redirects), else why not."""
    import urllib.error
    import urllib.request

    headers = {"User-Agent": "barometre-linkcheck/1.0 (+make linkcheck)"}
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status < 400:
                    return None
                reason = f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:
            reason = f"HTTP {exc.code}"
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue  # some servers refuse HEAD: ask again with GET
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = str(getattr(exc, "reason", exc))
        if method == "GET" or not reason.startswith("HTTP"):
            return reason
    return reason


def check_external(root: Path, ignore_prefix: str = "", echo=print, workers: int = 8) -> list[str]:
    """Check every outside link of the site; the broken ones as 'url (why), linked from page'."""
    from concurrent.futures import ThreadPoolExecutor

    links = external_links(root, ignore_prefix)
    if not links:
        return []
    echo(f"Checking {len(links)} outside links…")
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(links, pool.map(check_url, links), strict=True))
    if all(why is not None and not why.startswith("HTTP") for why in results.values()):
        # not one host answered, not even with an error status: there is no network here
        raise NoNetwork("no network: no outside address answered, so the outside links cannot be checked "
                        "here (make linkcheck needs one)")
    broken = []
    for url, why in results.items():
        if why is not None:
            broken.append(f"{url} ({why}), linked from {links[url][0]}"
                          + (f" and {len(links[url]) - 1} other page(s)" if len(links[url]) > 1 else ""))
    return broken
