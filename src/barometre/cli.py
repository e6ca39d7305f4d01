"""Command line: ``python -m barometre <command>`` (the Makefile calls these).

Every expected failure (bad data, a failed build, a refused edition, a sidecar, a file
that cannot be read or written) is printed as one message saying what failed, where,
and what to do, with a non-zero exit code. ``--debug`` shows the traceback instead."""

from __future__ import annotations

import argparse
import errno
import functools
import re
import sys
from datetime import date
from pathlib import Path

from barometre.paths import DATA_DIR, relative


def _validate(args) -> int:
    from barometre.data import load

    ds = load(args.data_dir)
    print(f"Data valid: {relative(args.data_dir)} (editions {', '.join(map(str, ds.editions))}).")
    return 0


def _build(args) -> int:
    from barometre.build import build

    kwargs = {"build_dir": args.build_dir} if args.build_dir else {}
    build(args.edition, data_dir=args.data_dir, jobs=args.jobs, force=args.force, **kwargs)
    return 0


def _site(args) -> int:
    from barometre.website import build_site

    kwargs = {"build_dir": args.build_dir} if args.build_dir else {}
    build_site(data_dir=args.data_dir, jobs=args.jobs, force=args.force, pdf=args.pdf, **kwargs)
    return 0


def _preview(args) -> int:
    import signal

    from barometre.preview import Preview

    def stop(signum, frame):  # SIGTERM stops it as Ctrl+C does: workers and server closed
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    # Ctrl+C stops it even when started from a shell that ignores SIGINT for its background jobs (a process
    # started ignoring SIGINT keeps ignoring it: Python installs its handler only when SIGINT is not ignored).
    # Under make test's second stream (a background job of scripts/test-streams.sh) the preview ignored the
    # test's Ctrl+C and ran on: 2 full runs in 2 timed out after 120 s; run alone, it stopped.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    kwargs = {"build_dir": args.build_dir} if args.build_dir else {}
    print_now = functools.partial(print, flush=True)
    return Preview(args.edition, data_dir=args.data_dir, port=args.port, echo=print_now, **kwargs).run()


def _pdf(args) -> int:
    from barometre.build import Builder

    kwargs = {"build_dir": args.build_dir} if args.build_dir else {}
    Builder(args.edition, data_dir=args.data_dir, **kwargs).pdf()
    return 0


def _sidecar(args) -> int:
    from barometre.provenance import SidecarError, write_sidecar

    data_dir = Path(args.data_dir).resolve()
    outside = [p for p in args.files if not (Path(p).parent.resolve() / Path(p).name).is_relative_to(data_dir)]
    if outside:  # checked for every file before any is written
        raise SidecarError(
            f"{', '.join(outside)}: outside the data folder {relative(data_dir)}; expected data files of it "
            "(e.g. data/editions/2009.csv): copy the file into data/ first. No sidecar was written.")
    for path in args.files:
        meta = write_sidecar(Path(path))
        print(f"{relative(meta)}: sha256 recorded")
    return 0


def _new_edition(args) -> int:
    from barometre.editions import new_edition_template

    for path in new_edition_template(args.data_dir, args.year):
        print(f"created {relative(path)}")
    print(
        f"Next: fill every row of editions/{args.year}.csv (value or low/high, source, quote, note), delete "
        "the rows of figures the edition does not publish (editions are sparse: the book shows the last published "
        "value), add the edition's publications to data/sources.csv, add the dated events to "
        f"events/{args.year}.csv, fill the TO FILL fields of both sidecars, record the checksums "
        f"(python -m barometre sidecar data/editions/{args.year}.csv data/events/{args.year}.csv), "
        "then run: python -m barometre compare"
    )
    return 0


def _import_xlsx(args) -> int:
    from barometre.editions import import_xlsx

    path = import_xlsx(args.file, args.data_dir, args.year, replace=args.replace, sheet=args.sheet, echo=print)
    print(f"{relative(path)} written from {args.file} (checksum recorded in its sidecar).")
    print("Next: fill the TO FILL fields of its sidecar, then run: python -m barometre compare")
    return 0


def _compare(args) -> int:
    from barometre.data import load
    from barometre.editions import compare_editions

    ds = load(args.data_dir)
    edition = ds.resolve(args.edition)
    report = compare_editions(ds, ds.previous(edition), edition)
    print(report.to_text())
    return 1 if report.errors else 0


def _toc(args) -> int:
    from barometre.book import toc_yaml
    from barometre.paths import ROOT

    (ROOT / "_toc.yml").write_text(toc_yaml(), encoding="utf-8")
    print("_toc.yml written from the chapter registry (src/barometre/book.py).")
    return 0


def _datapackage(args) -> int:
    from barometre.datapackage import OUTPUT, render
    from barometre.files import write_if_changed

    output = args.output or OUTPUT
    text = render(args.data_dir)
    if args.check:
        current = output.read_text(encoding="utf-8") if output.is_file() else ""
        if current != text:
            print(f"{relative(output)} is not what the data and the validation models give: "
                  "run python -m barometre datapackage, check the change, and commit it.", file=sys.stderr)
            return 1
        print(f"{relative(output)} is up to date.")
        return 0
    changed = write_if_changed(output, text.encode("utf-8"))
    print(f"{relative(output)} {'written' if changed else 'unchanged'} "
          "(generated from the validation models and the sidecars of the data folder).")
    return 0


def _publish(args) -> int:
    from barometre.deploy import publish_to

    publish_to(args.dest, args.site, data_dir=args.data_dir)
    return 0


def _linkcheck(args) -> int:
    from barometre.linkcheck import NoNetwork, check_external, internal_problems
    from barometre.paths import BUILD_DIR
    from barometre.reuse import site_baseurl

    site = args.site or BUILD_DIR / "site"
    if not (site / "index.html").is_file():
        print(f"No site in {relative(site)}: build it first (make site).", file=sys.stderr)
        return 2
    broken = [f"internal: {p}" for p in internal_problems(site)]
    try:
        broken += [f"outside: {p}" for p in check_external(site, ignore_prefix=site_baseurl())]
    except NoNetwork as exc:
        print(f"{exc}. Internal links: {len(broken)} broken.", file=sys.stderr)
        return 2
    for line in broken:
        print(f"  - {line}", file=sys.stderr)
    print(f"Links of {relative(site)}: {len(broken)} broken.", file=sys.stderr if broken else sys.stdout)
    return 1 if broken else 0


def _check_env(args) -> int:
    from barometre.environment import check_pins, synced_lock

    lock = args.lock or synced_lock()
    problems = check_pins(lock)
    if problems:
        print(f"The installed packages differ from the lock {lock.name}:", file=sys.stderr)
        for line in problems:
            print(f"  - {line}", file=sys.stderr)
        print("Recreate the environment: rm -rf .venv && make env-test", file=sys.stderr)
        return 1
    print(f"Environment matches {lock.name}.")
    return 0


FIRST_EDITION = 2000  # the earliest year an edition may name (the article's series start in 2000)


def edition_year(text: str) -> int:
    """An ``--edition``/``--year`` argument: a 4-digit year from FIRST_EDITION to next year."""
    latest = date.today().year + 1
    shown = repr(text) if len(text) <= 40 else repr(text[:40]) + "…"
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise argparse.ArgumentTypeError(f"got {shown}; expected a 4-digit year such as 2009 (digits only)")
    year = int(text)
    if not FIRST_EDITION <= year <= latest:
        raise argparse.ArgumentTypeError(f"got {year}; expected a year from {FIRST_EDITION} to {latest}")
    return year


def os_error_message(exc: OSError, command: str) -> str:
    """One paragraph for a file that cannot be read or written: what, where, what to do."""
    where = exc.filename if exc.filename is not None else "a file"
    where = relative(where) if isinstance(where, str | Path) else str(where)
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        advice = "The disk is full: free some space (make clean removes _build/), then run the command again."
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        advice = ("You may not write (or read) there: check the permissions of the file and its folder "
                  "(ls -l; chmod u+w), then run the command again.")
    elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
        advice = "Check the path (it does not exist), then run the command again."
    else:
        advice = "Check the file and the disk, then run the command again."
    return (f"barometre {command} failed: cannot use {where} ({reason}). {advice} "
            "Run it with --debug to see the traceback.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="barometre", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="the data folder (default: data/)")
    parser.add_argument("--debug", action="store_true", help="show the traceback of a failure")
    debug = argparse.ArgumentParser(add_help=False)  # --debug is also accepted after the command
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show the traceback")
    debug.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,  # so scripts/build.py takes it too
                       help="the data folder (default: data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser = sub.add_parser
    sub.add_parser = lambda *a, **k: add_parser(*a, parents=[debug], **k)  # type: ignore[method-assign]
    sub.add_parser("validate", help="check every data file; list every problem")
    b = sub.add_parser("build", help="validate, execute the chapters, build and publish the HTML book")
    b.add_argument("--edition", type=edition_year, default=None, help="edition to build (default: the latest)")
    b.add_argument("--jobs", type=int, default=2, help="notebooks executed in parallel")
    b.add_argument("--force", action="store_true", help="ignore the execution cache")
    b.add_argument("--build-dir", type=Path, default=None, help="output folder (default: _build/)")
    st = sub.add_parser("site", help="build every edition and the archive page (unchanged editions are skipped)")
    st.add_argument("--jobs", type=int, default=2, help="workers shared by the editions (chapters and Sphinx)")
    st.add_argument("--force", action="store_true", help="ignore the execution cache and rebuild every edition")
    st.add_argument("--pdf", action="store_true", help="also build each edition's PDF (kept when still current)")
    st.add_argument("--build-dir", type=Path, default=None, help="output folder (default: _build/)")
    pv = sub.add_parser("preview", help="rebuild one edition after each save and serve it on 127.0.0.1, "
                        "pages reloading by themselves")
    pv.add_argument("--edition", type=edition_year, default=None, help="edition to preview (default: the latest)")
    pv.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (0: any free port)")
    pv.add_argument("--build-dir", type=Path, default=None, help="output folder (default: _build/)")
    pdf = sub.add_parser("pdf", help="build the PDF book from the same executed chapters")
    pdf.add_argument("--edition", type=edition_year, default=None, help="edition to build (default: the latest)")
    pdf.add_argument("--build-dir", type=Path, default=None, help="output folder (default: _build/)")
    s = sub.add_parser("sidecar", help="record the sha256 of data files in their provenance sidecars")
    s.add_argument("files", nargs="+")
    sub.add_parser("toc", help="write _toc.yml from the chapter registry (src/barometre/book.py)")
    dp = sub.add_parser("datapackage", help="write datapackage.json (Frictionless) from the validation models")
    dp.add_argument("--output", type=Path, default=None, help="where to write it (default: datapackage.json)")
    dp.add_argument("--check", action="store_true", help="only check that the file is up to date (exit 1 if not)")
    pu = sub.add_parser("publish", help="copy the complete built site (_build/site/) to a folder")
    pu.add_argument("--dest", type=Path, required=True, help="a new or empty folder, or one publish wrote before")
    pu.add_argument("--site", type=Path, default=None, help="the built site (default: _build/site/)")
    lc = sub.add_parser("linkcheck", help="check the site's links, the outside ones too (needs a network)")
    lc.add_argument("--site", type=Path, default=None, help="the built site (default: _build/site/)")
    ce = sub.add_parser("check-env", help="check that installed packages equal the hashed lock")
    ce.add_argument("--lock", type=Path, default=None,
                    help="the lock to compare with (default: the one .venv was synced to)")
    n = sub.add_parser("new-edition", help="create the files of a new edition from the latest one, to fill")
    n.add_argument("--year", type=edition_year, required=True, help="the new edition (e.g. 2009)")
    x = sub.add_parser("import-xlsx", help="write editions/<year>.csv from the first visible sheet of a spreadsheet")
    x.add_argument("file", type=Path, help="the .xlsx file (row 1: the columns of an edition file)")
    x.add_argument("--year", type=edition_year, required=True, help="the edition the spreadsheet holds")
    x.add_argument("--replace", action="store_true", help="overwrite an edition file that already holds figures")
    x.add_argument("--sheet", default=None, help="the sheet to read (default: the first visible sheet)")
    c = sub.add_parser("compare", help="check an edition against the previous one; list what changed")
    c.add_argument("--edition", type=edition_year, default=None, help="edition to check (default: the latest)")
    args = parser.parse_args(argv)

    from barometre.build import BuildError
    from barometre.data import FigureNotFound
    from barometre.datapackage import DataPackageError
    from barometre.deploy import PublishError
    from barometre.editions import EditionError
    from barometre.provenance import SidecarError
    from barometre.reuse import BaseUrlError
    from barometre.validation import DataValidationError

    commands = {"validate": _validate, "build": _build, "sidecar": _sidecar, "check-env": _check_env, "pdf": _pdf,
                "toc": _toc, "datapackage": _datapackage, "publish": _publish, "linkcheck": _linkcheck,
                "site": _site, "preview": _preview}
    commands.update({"new-edition": _new_edition, "import-xlsx": _import_xlsx, "compare": _compare})
    try:
        return commands[args.command](args)
    except (DataValidationError, BuildError, EditionError, FigureNotFound, SidecarError, DataPackageError,
            PublishError, BaseUrlError) as exc:
        if args.debug:
            raise
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        if args.debug:
            raise
        print(os_error_message(exc, args.command), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"barometre {args.command}: interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not the analyst's input: say so, in one paragraph
        if args.debug:
            raise
        print(f"barometre {args.command} failed unexpectedly: {type(exc).__name__}: {str(exc)[:300]}. "
              "This is a bug of the barometre package, not a problem of your data. Run the same command "
              "with --debug (python -m barometre --debug ...) to see the traceback, and report it.",
              file=sys.stderr)
        return 1
