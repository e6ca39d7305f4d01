"""Compare two built site folders (e.g. a copy of ``_build/site/2008`` before and after a refactoring).

Prints the files only on one side, the files whose bytes differ and, for text files, a short
unified diff of each. Exits 0 when the two folders are byte-identical, 1 otherwise.

    python scripts/compare_sites.py /tmp/before/2008 _build/site/2008 [--lines 20] [--ignore GLOB ...]
        [--commit OLD=NEW]

Two builds of different commits differ in the build stamp (« code 2aa1c8750167 ») on every page:
``--commit OLD=NEW`` (12-hex short ids) reads OLD as NEW in the files before (and leaves both out of
the search index, which holds them stemmed). The search index
(``searchindex.js``) is compared as data, not bytes: Sphinx keeps a term with no page left
(``"git": []``) from an earlier build of the same folder, so an index's bytes depend on the
folder's history; terms with no page are dropped and the rest compared whole.
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import sys
from pathlib import Path

TEXT_SUFFIXES = {".html", ".js", ".css", ".txt", ".xml", ".json", ".csv", ".svg", ".md", ".ipynb", ".tex"}


def files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def short_diff(a: bytes, b: bytes, lines: int) -> list[str]:
    """A unified diff of two text files; long lines (a page is often one line of JSON) are split
    on tags and commas first so a change shows as its neighbourhood, not as the whole page."""

    def split(text: str) -> list[str]:
        out = []
        for line in text.splitlines():
            if len(line) <= 200:
                out.append(line)
                continue
            chunk = ""
            for ch in line:
                chunk += ch
                if ch in ">,;" and len(chunk) >= 60:
                    out.append(chunk)
                    chunk = ""
            if chunk:
                out.append(chunk)
        return out

    ta = split(a.decode("utf-8", errors="replace"))
    tb = split(b.decode("utf-8", errors="replace"))
    diff = list(difflib.unified_diff(ta, tb, "before", "after", n=1, lineterm=""))[2:]
    if len(diff) > lines:
        diff = [*diff[:lines], f"... ({len(diff) - lines} more diff lines)"]
    return diff


def search_index(data: bytes, commits: tuple[bytes, ...] = ()) -> dict:
    """The search index as data, terms with no page left dropped, and the build stamp's commit ids
    (``commits``) too: the index holds each as its stem (``750b3ca488ae`` as ``750b3ca488a``), which
    ``--commit`` cannot read as the other."""
    text = data.decode("utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    ids = [c.decode() for c in commits]
    stamp = lambda term: len(term) >= 7 and any(i.startswith(term) for i in ids)  # noqa: E731
    for key in ("terms", "titleterms"):
        if isinstance(index.get(key), dict):
            index[key] = {term: pages for term, pages in index[key].items() if pages != [] and not stamp(term)}
    return index


def same_bytes(name: str, a: bytes, b: bytes, commits: tuple[bytes, ...] = ()) -> bool:
    if a == b:
        return True
    if Path(name).name == "searchindex.js":
        try:
            return search_index(a, commits) == search_index(b, commits)
        except (ValueError, UnicodeDecodeError):
            return False
    return False


def compare(before: Path, after: Path, *, lines: int = 20, ignore: tuple[str, ...] = (),
            commit: tuple[bytes, bytes] | None = None) -> bool:
    fa, fb = files(before), files(after)
    keep = lambda name: not any(fnmatch.fnmatch(name, g) for g in ignore)  # noqa: E731
    same = True
    for name in sorted(set(fa) - set(fb)):
        if keep(name):
            print(f"only before: {name}")
            same = False
    for name in sorted(set(fb) - set(fa)):
        if keep(name):
            print(f"only after:  {name}")
            same = False
    for name in sorted(set(fa) & set(fb)):
        old = fa[name].read_bytes()
        if commit:
            old = old.replace(commit[0], commit[1])
        if not keep(name) or same_bytes(name, old, fb[name].read_bytes(), commit or ()):
            continue
        same = False
        print(f"differs:     {name}")
        if Path(name).suffix in TEXT_SUFFIXES and lines:
            for line in short_diff(old, fb[name].read_bytes(), lines):
                print("    " + line)
    print("identical" if same else "DIFFERENT", f"({before} vs {after})")
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--lines", type=int, default=20, help="diff lines shown per file (0: names only)")
    parser.add_argument("--ignore", action="append", default=[], help="glob of relative paths to skip")
    parser.add_argument("--commit", help="OLD=NEW: the build stamp's commit before, read as the one after")
    args = parser.parse_args(argv)
    commit = tuple(part.encode() for part in args.commit.split("=", 1)) if args.commit else None
    return 0 if compare(args.before.resolve(), args.after.resolve(), lines=args.lines,
                        ignore=tuple(args.ignore), commit=commit) else 1


if __name__ == "__main__":
    sys.exit(main())
