"""The bad-input catalogue: what a new user gets wrong, and the faults of the machine.

Each case breaks a private copy of data/ (or the command line, or the disk) and runs a
command of the CLI in-process (``validate``, ``compare``, ``new-edition``, ``sidecar``,
``import-xlsx``; for data, ``build`` too, which refuses before touching anything). It
checks the exit code, the key words of the message, that no traceback is printed, and
that a published site (``_build/html`` as ``build`` publishes it) is byte-identical. The
full builds of the older catalogue stay in ``test_trust.py``."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import tree_hash
from fixtures import copy_upto

from barometre.cli import main
from barometre.paths import DATA_DIR, ROOT
from barometre.provenance import write_sidecar

ROW = {  # a line of editions/2008.csv, by its start
    "growth": "revenue_growth,2008,2008,market",
    "part_time": "part_time_share",
    "premium": "inhouse_salary_premium",
    "salary": "adviser_salary_gross",
}


# --------------------------------------------------------------------------- helpers


def edit(data: Path, rel: str, prefix: str, old: str, new: str, *, sidecar: bool = True) -> int:
    """Replace ``old`` by ``new`` in the first line of ``rel`` starting with ``prefix``; its line number."""
    path = data / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith(prefix))
    assert old in lines[i], (old, lines[i])
    lines[i] = lines[i].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    if sidecar:
        write_sidecar(path)
    return i + 1


def append(data: Path, rel: str, text: str) -> None:
    path = data / rel
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    write_sidecar(path)


def write(data: Path, rel: str, text: str | bytes) -> None:
    path = data / rel
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    write_sidecar(path)


def reorder_columns(data: Path, rel: str) -> None:
    """The same table with its columns in reverse order (a spreadsheet export may do that)."""
    from barometre.validation import read_csv_records

    path = data / rel
    records = read_csv_records(path.read_text(encoding="utf-8"), rel, [])
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(r.fields[::-1] for r in records)
    write(data, rel, out.getvalue())


def spreadsheet(tmp: Path, change: Callable | None = None) -> Path:
    """The 2008 edition as a 2009 spreadsheet, changed by ``change(sheet)``."""
    import csv

    openpyxl = pytest.importorskip("openpyxl")
    rows = list(csv.reader((DATA_DIR / "editions" / "2008.csv").open(encoding="utf-8")))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Feuil1"
    for row in rows:
        sheet.append([("2009" if v == "2008" and i == 1 else v) for i, v in enumerate(row)])
    if change:
        change(sheet)
    path = tmp / "barometre-2009.xlsx"
    book.save(path)
    return path


def fail_writes_under(monkeypatch, folder: Path, code: int = errno.EACCES, only: str = "") -> None:
    """Writes under ``folder`` fail as on a read-only folder (EACCES) or a full disk (ENOSPC);
    with ``only``, just the files whose name contains it. Works as root too (chmod does not)."""
    import builtins
    import pathlib

    real_open, real_write_text = builtins.open, pathlib.Path.write_text

    def refused(path) -> bool:
        p = Path(path).resolve()
        return str(p).startswith(str(folder.resolve())) and only in p.name

    def fake_open(file, mode="r", *args, **kwargs):
        if isinstance(file, str | Path) and any(m in mode for m in "wxa") and refused(file):
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, mode, *args, **kwargs)

    def fake_write_text(self, *args, **kwargs):
        if refused(self):
            raise OSError(code, os.strerror(code), str(self))
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(pathlib.Path, "write_text", fake_write_text)


@pytest.fixture
def world(tmp_path):
    """A private data/ and a published site laid out as ``build`` publishes it."""
    data = tmp_path / "data"
    copy_upto(DATA_DIR, data, 2008, only={2008})  # the catalogue's cases are written against the 2008 edition
    build = tmp_path / "_build"
    release = build / "releases" / "2008-0123456789abcdef"
    (release / "chapters").mkdir(parents=True)
    (release / "index.html").write_text("<html lang='fr'>Le baromètre</html>", encoding="utf-8")
    (release / "chapters" / "resilience.html").write_text("<p>15 %</p>", encoding="utf-8")
    (build / "site").mkdir()
    (build / "site" / "2008").symlink_to(release)
    (build / "html").symlink_to(release)
    return {"data": data, "build": build, "tmp": tmp_path, "site": build / "html"}


def run_cli(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse refuses a bad argument with exit code 2
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.err + captured.out


# --------------------------------------------------------------------------- the catalogue


@dataclass
class Case:
    """``setup(world, monkeypatch)`` breaks something and returns the CLI arguments (after
    ``--data-dir``); ``None`` means a data case, run as ``validate`` and as ``build``."""

    words: tuple[str, ...]
    setup: Callable
    unchanged_data: bool = False  # the command must not write into data/
    absent: tuple[str, ...] = field(default_factory=tuple)  # words the message must not hold


CASES: dict[str, Case] = {}


def case(name: str, *words: str, absent: tuple[str, ...] = (), unchanged_data: bool = False):
    def register(fn: Callable) -> Callable:
        assert name not in CASES, name
        CASES[name] = Case(words, fn, unchanged_data, absent)
        return fn

    return register


def data(name: str, *words: str, absent: tuple[str, ...] = ()):
    """A broken data folder, refused by ``validate`` and by ``build``."""

    def register(fn: Callable) -> Callable:
        assert name not in CASES, name
        CASES[name] = Case(words, lambda w, mp: fn(w["data"]), absent=absent)
        return fn

    return register


E = "editions/2008.csv"
Q = "quotes/2008.csv"
V = "events/2008.csv"

# -- the strict CSV reader --------------------------------------------------------------


@data("comma deleted between a quoted quote and a note with a comma", "row 2", "comma right after the closing quote")
def _(d):
    edit(d, V, "energy_market_opening", '.","The article', '."The article')


@data("comma deleted between two quoted fields", "found 11", "missing or extra comma")
def _(d):
    edit(d, E, ROW["growth"], '2007.","\'la', '2007.""\'la')


@data("a quote that opens in the middle of a field", "in the middle of field 10", "row")
def _(d):
    edit(d, E, ROW["part_time"], "barometer_bearingpoint_sp2c", 'barometer"bearingpoint"')


@data("text after a closing quote", "comma right after the closing quote of field 5")
def _(d):
    edit(d, Q, "decaestecker_price_quality", 'par la qualité",', 'par la qualité" (sic),')


@data("a quote never closed", "never closed", "close the quote")
def _(d):
    append(d, E, 'part_time_share,2008,2009,market,10,,,exact,percent,barometer_bearingpoint_sp2c,"unclosed,\n')


@data("an extra field", "12 comma-separated fields, found 13")
def _(d):
    edit(d, E, ROW["part_time"], ",percent,", ",percent,,")


@data("a missing field", "12 comma-separated fields, found 11")
def _(d):
    edit(d, E, ROW["part_time"], ",percent,", ",")


@data("a 200 KB quote", "at most 2000 characters", "… (2000")
def _(d):
    edit(d, Q, "uberti_price_danger", "Il y a", "Il y a" + "x" * 200_000)


@data("a 200 KB note", "at most 2000 characters in one field", "column 'note'")
def _(d):
    append(d, E, "part_time_share,2008,2009,market,10,,,exact,percent,barometer_bearingpoint_sp2c,q," + "n" * 200_000 + "\n")


@data("a header broken by a quote", "row 1", "in the middle of field")
def _(d):
    edit(d, E, "indicator,", "indicator,edition", 'indicator,edi"tion')


# -- numbers ----------------------------------------------------------------------------


@data("a thousands separator (comma)", "thousands separator?", "1528", absent=("15.0",))
def _(d):
    edit(d, E, ROW["salary"], ",1528,", ',"1,528",')


@data("a thousands separator (space)", "thousands separator", "1528")
def _(d):
    edit(d, E, ROW["salary"], ",1528,", ",1 528,")


@data("a decimal comma suggests the number with a point", "15.5", "decimal separator")
def _(d):
    edit(d, E, ROW["growth"], ",15,", ',"15,5",')


@data("a unit typed after the number", "a number", "no unit")
def _(d):
    edit(d, E, ROW["part_time"], ",10,,,", ",10 %,,,")


@data("a share above 100 percent", "between 0 and 100")
def _(d):
    edit(d, E, ROW["part_time"], ",10,,,", ",150,,,")


@data("a negative count of jobs", "non-negative")
def _(d):
    line = next(x for x in (d / E).read_text(encoding="utf-8").splitlines() if ",jobs," in x and ",exact," in x)
    value = line.split(",")[4]
    edit(d, E, line[:40], f",{value},", f",-{value},")


@data("a range without its high end", "the high end of the range")
def _(d):
    edit(d, E, ROW["premium"], ",,60,70,", ",,60,,")


@data("low above high", "low ≤ high")
def _(d):
    edit(d, E, ROW["premium"], ",,60,70,", ",,80,70,")


@data("a value for a figure not published", "not_published")
def _(d):
    edit(d, E, ROW["part_time"], ",exact,", ",not_published,")


# -- vocabularies and identifiers -------------------------------------------------------


@data("an unknown qualifier", "qualifier", "one of")
def _(d):
    edit(d, E, ROW["part_time"], ",exact,", ",environ,")


@data("an unknown unit", "percent_change")
def _(d):
    edit(d, E, ROW["part_time"], ",percent,", ",pourcent,")


@data("a unit that differs from the dictionary", "the unit of part_time_share")
def _(d):
    edit(d, E, ROW["part_time"], ",percent,", ",percentage_points,")


@data("an indicator not in the dictionary", "indicators.csv")
def _(d):
    edit(d, E, ROW["part_time"], "part_time_share", "part_time_ratio")


@data("an indicator that is not snake_case", "snake_case")
def _(d):
    edit(d, E, ROW["part_time"], "part_time_share", "Part time share")


@data("an unknown source", "sources.csv")
def _(d):
    edit(d, E, ROW["part_time"], "barometer_bearingpoint_sp2c", "mystery_panel")


@data("a period written with a slash", "a period")
def _(d):
    edit(d, E, ROW["growth"], ",2008,2008,", ",2008,2008/09,")


@data("the wrong edition in an edition file", "the edition named by the file")
def _(d):
    edit(d, E, ROW["part_time"], ",2008,", ",2009,")


@data("a duplicated figure", "the same key is on row")
def _(d):
    line = next(x for x in (d / E).read_text(encoding="utf-8").splitlines() if x.startswith(ROW["part_time"]))
    append(d, E, line + "\n")


@data("a forecast of an unknown indicator", "forecast_of", "the figure this one forecasts")
def _(d):
    edit(d, "indicators.csv", "revenue_growth_forecast,", ",revenue_growth", ",revenue_growht")


@data("an empty quote", "column 'quote'", "a non-empty value")
def _(d):
    line = next(x for x in (d / Q).read_text(encoding="utf-8").splitlines() if x.startswith("uberti_price_danger"))
    edit(d, Q, "uberti_price_danger", line.split(",", 4)[4], ",")


@data("a 301-character quote in an edition", "at most 300 characters", absent=("items",))
def _(d):
    edit(d, E, ROW["part_time"], "L'enquête souligne", "L'enquête souligne " + "x" * 300)


@data("a 301-character quote in a quotes file", "at most 300 characters", "not 3", absent=("items",))
def _(d):
    edit(d, Q, "decaestecker_price_quality", "Globalement", "Globalement " + "x" * 300)


@data("an unknown chapter for a quote", "one of", "resilience")
def _(d):
    edit(d, Q, "uberti_price_danger", ",prices,", ",pricing,")


@data("an impossible event date", "YYYY-MM")
def _(d):
    edit(d, V, "energy_market_opening", ",2007-07,", ",2007-13,")


@data("an event dated 2999 in edition 2008", "events/2008.csv", "column 'date'", "a date from 1990 to 2011")
def _(d):
    edit(d, V, "energy_market_opening", ",2007-07,", ",2999-07,")


@data("an unknown event kind", "kind", "acquisition")
def _(d):
    edit(d, V, "energy_market_opening", ",market_opening,", ",opening,")


@data("an event in an unknown city", "cities.csv")
def _(d):
    line = next(x for x in (d / V).read_text(encoding="utf-8").splitlines() if ",site_opening," in x)
    fields = line.split(",")
    city = fields[6]
    edit(d, V, line[:30], f",{city},", ",atlantis,")


@data("an indicator's 'required' that is not true or false", "true or false")
def _(d):
    lines = (d / "indicators.csv").read_text(encoding="utf-8").splitlines()
    write(d, "indicators.csv", "\n".join([lines[0], lines[1].replace(",true,", ",maybe,"), *lines[2:]]) + "\n")


@data("an unknown source type", "barometer", "type")
def _(d):
    edit(d, "sources.csv", "laurent_uberti", ",interview,", ",chat,")


@data("a negative SMIC", "greater than 0")
def _(d):
    edit(d, "reference/smic_horaire_brut.csv", "1999-07-01", ",40.72,", ",-40.72,")


@data("a CPI year twice", "the same key is on row")
def _(d):
    append(d, "reference/cpi_france_annual.csv", "2000,80\n")


@data("an ECB rate on a day that does not exist", "ecb_gbp_per_eur_2008.csv", "date", "2008-02-30")
def _(d):
    edit(d, "reference/ecb_gbp_per_eur_2008.csv", "2008-02-29", "2008-02-29,", "2008-02-30,")


@data("a negative price level", "price_level_index.csv", "index_eu27_100", "greater than 0")
def _(d):
    edit(d, "reference/price_level_index.csv", "2008,united_kingdom", ",99,", ",-99,")


@data("HHI classes with a gap between them", "hhi_thresholds.csv", "row 3", "hhi_above", "1200",
      "where the class before it ends")
def _(d):
    edit(d, "reference/hhi_thresholds.csv", "us_1992,moderately", ",1000,1800,", ",1200,1800,")


@data("an HHI class that ends before it starts", "hhi_thresholds.csv", "hhi_below", "a number above hhi_above")
def _(d):
    edit(d, "reference/hhi_thresholds.csv", "us_1992,moderately", ",1000,1800,", ",1000,900,")


@data("an INSEE figure with an unknown qualifier", "insee_call_centres.csv", "qualifier", "roughly")
def _(d):
    edit(d, "reference/insee_call_centres.csv", "revenue,2019", ",about,", ",roughly,")


# -- files and headers ------------------------------------------------------------------


@data("a latin-1 file", "UTF-8", "latin-1")
def _(d):
    write(d, E, (d / E).read_text(encoding="utf-8").encode("latin-1", errors="replace"))


@data("an empty edition file", "the file is empty")
def _(d):
    write(d, E, "")


@data("a header without rows", "at least one data row")
def _(d):
    write(d, Q, (d / Q).read_text(encoding="utf-8").splitlines()[0] + "\n")


@data("a misspelt column", "a column named 'indicator'", "only the columns")
def _(d):
    edit(d, E, "indicator,", "indicator,", "indicatr,")


@data("a column twice", "each column once")
def _(d):
    lines = (d / Q).read_text(encoding="utf-8").splitlines()
    write(d, Q, "\n".join(x + ("," + ("note" if k == 0 else "")) for k, x in enumerate(lines)) + "\n")


@data("reordered columns with one bad value: one problem, no false 'missing'", "1 problem found",
      absent=("required indicator",))
def _(d):
    edit(d, E, ROW["part_time"], ",10,,,", ",dix,,,")
    reorder_columns(d, E)


@data("trailing junk lines", "fields, found")
def _(d):
    append(d, E, "\nTotal,,\nSource : BearingPoint\n")


@data("4 000 bad rows: the first 50 problems, then the count", "more problems (not shown")
def _(d):
    line = next(x for x in (d / E).read_text(encoding="utf-8").splitlines() if x.startswith(ROW["part_time"]))
    bad = line.replace(",10,,,", ",dix,,,", 1)
    append(d, E, "".join(bad.replace("2008,2008", f"2008,{1000 + k % 999}", 1) + "\n" for k in range(4_000)))


@data("a 5 MB file of 20 000 rows: refused by its row count before any row is checked", "at most 5000 rows",
      "got '20", "1 problem found", absent=("more problems",))
def _(d):
    line = next(x for x in (d / E).read_text(encoding="utf-8").splitlines() if x.startswith(ROW["part_time"]))
    bad = line.replace(",10,,,", ",dix,,,", 1)
    append(d, E, "".join(bad.replace("2008,2008", f"2008,{1000 + k % 999}", 1) + "\n" for k in range(20_000)))


@data("a symlinked edition file: the target is not read", "symbolic link", absent=("SECRET",))
def _(d):
    secret = d.parent / "secret.csv"
    secret.write_text("SECRET-FIRST-LINE,of,another,file\n", encoding="utf-8")
    (d / E).unlink()
    (d / E).symlink_to(secret)


@data("a symlinked sidecar", "symbolic link")
def _(d):
    target = d.parent / "elsewhere.meta.yaml"
    shutil.copyfile(d / f"{E}.meta.yaml", target)
    (d / f"{E}.meta.yaml").unlink()
    (d / f"{E}.meta.yaml").symlink_to(target)


# -- issue 29: values that passed, files around validation, bounded work -------------------


@data("a NUL byte in a quote", "column 'quote'", "control characters", "U+0000 at character 4")
def _(d):
    edit(d, E, ROW["growth"], '"En 2008', '"En \x002008')


@data("a right-to-left override in a note", "column 'note'", "U+202E")
def _(d):
    edit(d, E, ROW["growth"], "'la croissance'", "'la \u202ecroissance'")


@data("a private-use character in a quote (the prose's mark of a mention)", "column 'quote'",
      "private-use characters", "U+E000 at character 4")
def _(d):
    edit(d, E, ROW["growth"], '"En 2008', '"En \ue0002008')


@data("a negative price premium (its model divides by it: it stopped the offshore chapter with a traceback)",
      "column 'value'", "'-25'", "a value above 0", "offshore_price_premium_question is a price premium")
def _(d):
    edit(d, E, "offshore_price_premium_question", ",internet_subscription,25,", ",internet_subscription,-25,")


@data("a scope typo names the closest known scope", "column 'scope'", "'marcket'", "did you mean 'market'?",
      "data/scopes.csv")
def _(d):
    edit(d, E, ROW["growth"], ",market,", ",marcket,")


@data("a scope dictionary missing", "scopes.csv")
def _(d):
    (d / "scopes.csv").unlink()
    (d / "scopes.csv.meta.yaml").unlink()


@data("full-width digits in a value", "column 'value'", "the digits 0-9", "FULLWIDTH DIGIT SEVEN")
def _(d):
    edit(d, E, ROW["growth"], ",15,", ",７７,")


@data("Arabic-Indic digits in a value", "column 'value'", "the digits 0-9", "ARABIC-INDIC DIGIT SEVEN")
def _(d):
    edit(d, E, ROW["growth"], ",15,", ",٧٧,")


@data("Arabic-Indic digits in the edition", "column 'edition'", "a whole number", "0-9")
def _(d):
    edit(d, E, ROW["growth"], "revenue_growth,2008,", "revenue_growth,٢٠٠٨,")


@data("full-width digits in a period", "column 'period'", "a period")
def _(d):
    edit(d, E, ROW["growth"], "2008,2008,market", "2008,２００８,market")


@data("a year unit of 2003.5", "column 'value'", "a whole number (unit year", "2003.5")
def _(d):
    edit(d, E, "numericable_offshore_start_year", ",2003,,,", ",2003.5,,,")


@data("a year unit of 1850", "column 'value'", "from 1990 to")
def _(d):
    edit(d, E, "numericable_offshore_start_year", ",2003,,,", ",1850,,,")


@data("a monthly salary of 1 000 000 000 euros", "row 51", "column 'value'", "1000000000", "from 100 to 20000",
      "eur_per_month_gross")
def _(d):
    edit(d, E, ROW["salary"], ",1528,", ",1000000000,")


@data("a period of 2999 in edition 2008", "column 'period'", "2999", "a period from 1990 to 2011")
def _(d):
    edit(d, E, ROW["growth"], "2008,2008,market", "2008,2999,market")


@data("a 400-digit value, read as infinity by float()", "row 2", "column 'value'", "a finite number")
def _(d):
    edit(d, E, ROW["growth"], ",15,", "," + "9" * 400 + ",")


@data("a 400-digit SMIC", "smic_horaire_brut.csv", "row 2", "a finite number")
def _(d):
    edit(d, "reference/smic_horaire_brut.csv", "1999-07-01", ",40.72,", "," + "4" * 400 + ",")


@data("a FIFO named as an edition file is refused without being opened", "editions/2009.csv",
      "a named pipe (FIFO)", "nothing was read from it")
def _(d):
    os.mkfifo(d / "editions" / "2009.csv")


@data("a FIFO anywhere in data/", "reference/pipe.csv", "a named pipe (FIFO)")
def _(d):
    os.mkfifo(d / "reference" / "pipe.csv")


@data("a device in data/", "editions/2009.csv", "a device")
def _(d):
    import stat

    try:
        os.mknod(d / "editions" / "2009.csv", 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # as /dev/null
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot create a device node here ({exc})")


@data("a folder of data/ that is a symbolic link: nothing under it is read", "quotes", "symbolic link",
      absent=("SECRET",))
def _(d):
    elsewhere = d.parent / "elsewhere-quotes"
    shutil.move(d / "quotes", elsewhere)
    (elsewhere / "2008.csv").write_text("SECRET-FIRST-LINE\n", encoding="utf-8")
    (d / "quotes").symlink_to(elsewhere)


@data("a linked reference folder holding a FIFO: nothing under it is opened", "reference", "symbolic link")
def _(d):
    elsewhere = d.parent / "elsewhere-reference"
    shutil.move(d / "reference", elsewhere)
    (elsewhere / "smic_horaire_brut.csv").unlink()
    os.mkfifo(elsewhere / "smic_horaire_brut.csv")  # read through the link, it would wait forever
    (d / "reference").symlink_to(elsewhere)


@data("a semicolon-separated file", "seems to use ';' as its separator", "1 problem found")
def _(d):
    import csv
    import io

    rows = list(csv.reader(io.StringIO((d / E).read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\n").writerows(rows)
    write(d, E, out.getvalue())


@data("a tab-separated file", "seems to use a tab as its separator", "1 problem found")
def _(d):
    import csv
    import io

    rows = list(csv.reader(io.StringIO((d / E).read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    write(d, E, out.getvalue())


@data("a YAML 'billion laughs' sidecar is refused without expanding it", "cpi_france_annual.csv.meta.yaml",
      "an anchor (&a)", "without anchors (&) or aliases (*)")
def _(d):
    laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    laughs += [f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 9)}]" for k in range(8)]
    (d / "reference" / "cpi_france_annual.csv.meta.yaml").write_text("\n".join(laughs) + "\n", encoding="utf-8")


@case("build: a data file replaced by a link to an identical copy, after a build of the same inputs",
      "symbolic link", "editions/2008.csv", absent=("Nothing changed",))
def _(w, mp):
    """The no-op shortcut compares the inputs with the last build's: a link to an identical copy leaves
    them equal, so the shortcut must not decide alone (``make validate`` refused it, ``make book`` did not)."""
    import json

    from barometre.build import Builder

    release = next((w["build"] / "releases").iterdir())
    key = Builder(data_dir=w["data"], build_dir=w["build"])._inputs_key(2008)
    (w["build"] / "state").mkdir()
    (w["build"] / "state" / "2008-inputs.json").write_text(json.dumps({"inputs": key, "release": release.name}))
    copy = w["tmp"] / "copy-2008.csv"
    shutil.copy2(w["data"] / E, copy)
    (w["data"] / E).unlink()
    (w["data"] / E).symlink_to(copy)
    assert Builder(data_dir=w["data"], build_dir=w["build"])._inputs_key(2008) == key  # the shortcut's view
    return ["build", "--build-dir", str(w["build"])]


@case("pdf: no TeX on the machine", "latexmk (Debian package latexmk)", "xelatex (Debian package texlive-xetex)",
      "bash scripts/install-system-deps.sh", unchanged_data=True)
def _(w, mp):
    import barometre.build

    real = shutil.which
    mp.setattr(barometre.build.shutil, "which", lambda name, *a, **k: None if "latex" in name else real(name, *a, **k))
    return ["pdf", "--build-dir", str(w["build"])]


# -- sidecars ---------------------------------------------------------------------------


@data("a sidecar whose YAML is a list", "YAML mapping", "cpi_france_annual.csv.meta.yaml")
def _(d):
    (d / "reference" / "cpi_france_annual.csv.meta.yaml").write_text("- title\n- source\n", encoding="utf-8")


@data("a sidecar whose YAML is a string", "YAML mapping", "got 'str'")
def _(d):
    (d / "reference" / "cpi_france_annual.csv.meta.yaml").write_text("just a sentence\n", encoding="utf-8")


@data("a sidecar that is not YAML", "valid UTF-8 YAML")
def _(d):
    (d / "reference" / "cpi_france_annual.csv.meta.yaml").write_text("title: [unclosed\n", encoding="utf-8")


@data("a sidecar with an empty licence", "a non-empty 'licence' entry")
def _(d):
    path = d / "reference" / "cpi_france_annual.csv.meta.yaml"
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if not x.startswith("licence:")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@data("a data file without its sidecar", "provenance sidecar")
def _(d):
    (d / "reference" / "cpi_france_annual.csv.meta.yaml").unlink()


@data("a sidecar without its data file", "a data file of the same name beside it")
def _(d):
    shutil.copyfile(d / f"{E}.meta.yaml", d / "editions" / "2007.csv.meta.yaml")


@data("a data file changed without a new checksum", "python -m barometre sidecar")
def _(d):
    edit(d, E, ROW["growth"], ",15,", ",16,", sidecar=False)


@case("sidecar: a missing file", "nope.csv", "no such file", "no sidecar was written", unchanged_data=True)
def _(w, mp):
    return ["sidecar", str(w["data"] / "nope.csv")]


@case("sidecar: a folder", "not a file", unchanged_data=True)
def _(w, mp):
    return ["sidecar", str(w["data"] / "editions")]


@case("sidecar: a sidecar whose YAML is a list", "YAML mapping", "got a list", unchanged_data=False)
def _(w, mp):
    (w["data"] / f"{E}.meta.yaml").write_text("- a\n- b\n", encoding="utf-8")
    return ["sidecar", str(w["data"] / E)]


@case("sidecar: a file outside the data folder", "outside the data folder", "No sidecar was written",
      unchanged_data=True)
def _(w, mp):
    (w["tmp"] / "outside.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return ["sidecar", str(w["data"] / E), str(w["data"] / ".." / "outside.csv")]


@case("sidecar: a full disk", "disk is full", "2008.csv.meta.yaml")
def _(w, mp):
    fail_writes_under(mp, w["data"], errno.ENOSPC)
    return ["sidecar", str(w["data"] / E)]


# -- the yearly commands: years, a read-only data/, a full disk -------------------------


@case("new-edition: year 2100", "from 2000 to", unchanged_data=True)
def _(w, mp):
    return ["new-edition", "--year", "2100"]


@case("new-edition: year 1999", "from 2000 to", unchanged_data=True)
def _(w, mp):
    return ["new-edition", "--year", "1999"]


@case("new-edition: a shell command in the year", "4-digit year", unchanged_data=True)
def _(w, mp):
    return ["new-edition", "--year", "2009;touch pwned"]


@case("new-edition: a double quote in the year", "4-digit year", unchanged_data=True)
def _(w, mp):
    return ["new-edition", "--year", '20"09']


@case("new-edition: an empty year", "4-digit year", unchanged_data=True)
def _(w, mp):
    return ["new-edition", "--year", ""]


@case("new-edition: a year in words", "4-digit year", unchanged_data=True)
def _(w, mp):
    return ["new-edition", "--year", "deux mille neuf"]


@case("new-edition: an existing edition", "already exists", "not overwritten", unchanged_data=True)
def _(w, mp):
    return ["new-edition", "--year", "2008"]


@case("new-edition: an edition before the latest", "must be later", unchanged_data=True)
def _(w, mp):
    return ["new-edition", "--year", "2007"]


@case("new-edition: a read-only data/", "cannot be written", "Permission denied", "Nothing was written",
      unchanged_data=True)
def _(w, mp):
    fail_writes_under(mp, w["data"], errno.EACCES)
    return ["new-edition", "--year", "2009"]


@case("new-edition: the disk fills up after the first file", "No space left", "any file begun was removed",
      unchanged_data=True)
def _(w, mp):
    fail_writes_under(mp, w["data"] / "events", errno.ENOSPC)
    return ["new-edition", "--year", "2009"]


@case("new-edition: the latest edition is a FIFO", "editions/2008.csv", "a named pipe (FIFO)", "Nothing was written")
def _(w, mp):
    (w["data"] / E).unlink()
    os.mkfifo(w["data"] / E)
    return ["new-edition", "--year", "2009"]


@case("new-edition: a previous edition with a broken quote", "in the middle of field", "Nothing was written")
def _(w, mp):
    edit(w["data"], E, ROW["part_time"], "barometer_bearingpoint_sp2c", 'barometer"x"')
    return ["new-edition", "--year", "2009"]


@case("import-xlsx: a read-only data/", "editions/2009.csv: cannot be written", "Permission denied", "Nothing was written",
      unchanged_data=True)
def _(w, mp):
    path = spreadsheet(w["tmp"])
    fail_writes_under(mp, w["data"], errno.EACCES)
    return ["import-xlsx", str(path), "--year", "2009"]


@case("import-xlsx: a merged cell", "Feuil1!K3:K5", "merged", unchanged_data=True)
def _(w, mp):
    return ["import-xlsx", str(spreadsheet(w["tmp"], lambda s: s.merge_cells("K3:K5"))), "--year", "2009"]


@case("import-xlsx: a thousands separator typed as text", "Feuil1!E", "thousands separator?", unchanged_data=True)
def _(w, mp):
    def change(sheet):
        row = next(c.row for c in sheet["A"] if c.value == "adviser_salary_gross")
        sheet[f"E{row}"] = "1,528"

    return ["import-xlsx", str(spreadsheet(w["tmp"], change)), "--year", "2009"]


@case("import-xlsx: year 2100", "from 2000 to", unchanged_data=True)
def _(w, mp):
    return ["import-xlsx", str(spreadsheet(w["tmp"])), "--year", "2100"]


@case("import-xlsx: a missing spreadsheet", "readable .xlsx", unchanged_data=True)
def _(w, mp):
    return ["import-xlsx", str(w["tmp"] / "missing.xlsx"), "--year", "2009"]


@case("import-xlsx: a CSV named .xlsx", "readable .xlsx", unchanged_data=True)
def _(w, mp):
    fake = w["tmp"] / "barometre-2009.xlsx"
    shutil.copyfile(DATA_DIR / E, fake)
    return ["import-xlsx", str(fake), "--year", "2009"]


@case("import-xlsx: a hidden first sheet is not read; the visible one is, and named", "Reading sheet 'Notes'",
      "hidden sheet not read: Feuil1", "Notes!1:1", "1 problem found", "--sheet", unchanged_data=True)
def _(w, mp):
    def change(sheet):
        sheet.sheet_state = "hidden"
        notes = sheet.parent.create_sheet("Notes")
        notes["A1"] = "Chiffres copiés de la présentation"

    return ["import-xlsx", str(spreadsheet(w["tmp"], change)), "--year", "2009"]


@case("import-xlsx: a FIFO named .xlsx is not opened", "a named pipe (FIFO)", "readable .xlsx", unchanged_data=True)
def _(w, mp):
    os.mkfifo(w["tmp"] / "barometre-2009.xlsx")
    return ["import-xlsx", str(w["tmp"] / "barometre-2009.xlsx"), "--year", "2009"]


@case("import-xlsx: --sheet names a sheet that is not there", "no sheet named 'Feuille 2'", "'Feuil1'",
      unchanged_data=True)
def _(w, mp):
    return ["import-xlsx", str(spreadsheet(w["tmp"])), "--year", "2009", "--sheet", "Feuille 2"]


@case("import-xlsx: a text cell holding a formula", "column 'quote'", "=HYPERLINK", "run it as a formula",
      unchanged_data=True)
def _(w, mp):
    def change(sheet):
        sheet["K2"].value = '=HYPERLINK("http://example.invalid/x","clic")'
        sheet["K2"].data_type = "s"  # typed as text: the file stores the text, not a formula

    return ["import-xlsx", str(spreadsheet(w["tmp"], change)), "--year", "2009"]


@case("import-xlsx: one cell at XFD1048576 is refused before any row is read", "XFD1048576", "1048576 rows",
      "at most 5001 rows", unchanged_data=True, absent=("bug",))
def _(w, mp):
    return ["import-xlsx", str(spreadsheet(w["tmp"], lambda s: s.cell(1048576, 16384, "x"))), "--year", "2009"]


@case("compare: an edition in words", "4-digit year", unchanged_data=True)
def _(w, mp):
    return ["compare", "--edition", "2008;touch pwned"]


@case("compare: year 2100", "from 2000 to", unchanged_data=True)
def _(w, mp):
    return ["compare", "--edition", "2100"]


@case("compare: an edition that is not in data/", "no edition 2007", "available: 2008", unchanged_data=True)
def _(w, mp):
    return ["compare", "--edition", "2007"]


@case("compare: a template left to fill", "TO FILL")
def _(w, mp):
    assert main(["--data-dir", str(w["data"]), "new-edition", "--year", "2009"]) == 0
    return ["compare"]


@case("build: a shell command in the edition", "4-digit year", unchanged_data=True)
def _(w, mp):
    return ["build", "--build-dir", str(w["build"]), "--edition", "$(touch pwned)"]


@case("validate: a data folder that does not exist", "at least one edition file", unchanged_data=True)
def _(w, mp):
    shutil.rmtree(w["data"])
    w["data"].mkdir()
    return ["validate"]


@case("an unexpected error is one paragraph that asks for --debug", "bug", "--debug", unchanged_data=True)
def _(w, mp):
    import barometre.data

    def broken(*args, **kwargs):
        raise RuntimeError("something the package did not expect")

    mp.setattr(barometre.data, "load", broken)
    return ["validate"]


# --------------------------------------------------------------------------- the tests


@pytest.fixture
def no_execution(monkeypatch):
    """``build`` must stop at validation: executing a chapter would mean a bad input got through."""
    from barometre.build import Builder

    def refuse(*args, **kwargs):
        raise AssertionError("the build went on to execute the chapters: the bad input was accepted")

    monkeypatch.setattr(Builder, "_execute_all", refuse)


@pytest.fixture
def hang_guard():
    """A case that hangs (a FIFO read, a billion laughs) fails after 60 s instead of stopping the suite: a
    guard, not a timing (each case takes about a second)."""
    import signal

    def hung(*_):
        raise AssertionError("still running after 60 s: a read that waits forever, or work without bound?")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_input_is_refused_with_one_clear_message_and_the_site_untouched(world, name, capsys, monkeypatch,
                                                                            no_execution, hang_guard):
    bad = CASES[name]
    site_before = tree_hash(world["site"])
    argv = bad.setup(world, monkeypatch)
    data_before = tree_hash(world["data"])
    runs = [["validate"], ["build", "--build-dir", str(world["build"])]] if argv is None else [argv]
    for args in runs:
        code, message = run_cli(["--data-dir", str(world["data"]), *args], capsys)
        assert code not in (0, None), message
        assert "Traceback" not in message
        for word in bad.words:
            assert word in message, (word, message[:3000])
        for word in bad.absent:
            assert word not in message, (word, message[:3000])
        assert len(message) < 20_000, "the message is bounded"
        assert tree_hash(world["site"]) == site_before
        if argv is None or bad.unchanged_data:
            assert tree_hash(world["data"]) == data_before
    assert not (world["tmp"] / "pwned").exists() and not Path("pwned").exists()


def test_the_catalogue_holds_at_least_60_distinct_bad_inputs_and_faults():
    assert len(CASES) + len(MAKE_INJECTIONS) + 2 >= 60  # + the two fault tests below


def test_columns_in_another_order_are_read_by_their_header(data_copy):
    from barometre.validation import validate

    reorder_columns(data_copy, E)
    reorder_columns(data_copy, Q)
    valid = validate(data_copy)
    assert len(valid.editions[2008].rows) == len(validate(DATA_DIR).editions[2008].rows)


def test_debug_shows_the_traceback(world, monkeypatch):
    import barometre.data

    monkeypatch.setattr(barometre.data, "load", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        main(["--data-dir", str(world["data"]), "--debug", "validate"])
    with pytest.raises(RuntimeError, match="boom"):
        main(["--data-dir", str(world["data"]), "validate", "--debug"])


def test_a_full_disk_while_keeping_a_failed_notebook_keeps_the_chapter_error(tmp_path, monkeypatch):
    from barometre import execution

    executed = tmp_path / "executed.ipynb"
    executed.write_text("{}", encoding="utf-8")

    def full(src, dst, *args, **kwargs):
        Path(dst).write_bytes(b"{")  # half written, then the disk is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    monkeypatch.setattr(execution.shutil, "copyfile", full)
    failed = tmp_path / "_build" / "failed" / "2008" / "resilience.ipynb"
    sentence = execution.keep_failed_notebook(executed, failed)
    assert "could not be kept" in sentence and "No space left on device" in sentence
    assert not failed.exists()


def test_a_full_disk_is_one_paragraph_from_the_command_line(world, capsys, monkeypatch):
    import barometre.data

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(world["build"] / "failed" / "x.ipynb"))

    monkeypatch.setattr(barometre.data, "load", full)
    code, message = run_cli(["--data-dir", str(world["data"]), "validate"], capsys)
    assert code == 1 and "Traceback" not in message
    assert "No space left on device" in message and "disk is full" in message and "x.ipynb" in message
    assert len(message.strip().splitlines()) == 1


# --------------------------------------------------------------------------- make variables

MAKE_INJECTIONS = {
    "new-edition YEAR with a command": ("new-edition", "YEAR=2009;touch pwned", "YEAR must be a year"),
    "new-edition YEAR with a double quote": ("new-edition", 'YEAR=20"09', "YEAR must be a year"),
    "new-edition YEAR with a command substitution": ("new-edition", "YEAR=$$(touch pwned)", "YEAR must be a year"),
    "new-edition YEAR with spaces": ("new-edition", "YEAR=2009 2010", "4-digit year"),
    "validate EDITION with a command": ("validate", "EDITION=2008;touch pwned", "EDITION must be a year"),
    "compare EDITION with a command": ("compare", "EDITION=2008;touch pwned", "EDITION must be a year"),
    "compare EDITION with backquotes": ("compare", "EDITION=`touch pwned`", "EDITION must be a year"),
    "book EDITION with a command": ("book", "EDITION=2008&&touch pwned", "EDITION must be a year"),
    "pdf EDITION with a quote": ("pdf", "EDITION=2008'", "EDITION must be a year"),
    "new-edition YEAR 2100": ("new-edition", "YEAR=2100", "from 2000 to"),
    "book PYTHON with a command": ("book", "PYTHON=python3;touch pwned", "PYTHON must be one path"),
    "book PYTHON with a command substitution": ("book", "PYTHON=$$(touch pwned)", "PYTHON must be one path"),
    "env PYTHON with an option": ("env", "PYTHON=python3 -c import os", "PYTHON must be one path"),
    "validate VENV with a command": ("validate", "VENV=.venv;touch pwned", "VENV must be one folder path"),
    "book PY with a command": ("book", "PY=.venv/bin/python&&touch pwned", "PY must be one path"),
    "test TEST_BUILDS with a command": ("test", "TEST_BUILDS=tests/x.py;touch pwned", "TEST_BUILDS must be"),
    "book ENV_SYNC with a command": ("book", "ENV_SYNC=touch pwned", "ENV_SYNC is the tests' seam"),
    "serve PORT with a command": ("serve", "PORT=8000;touch pwned", "PORT must be a port number"),
    "preview EDITION with a command": ("preview", "EDITION=2008;touch pwned", "EDITION must be a year"),
    "preview PORT with a command": ("preview", "PORT=8000;touch pwned", "PORT must be a port"),
}


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
@pytest.mark.parametrize("name", sorted(MAKE_INJECTIONS))
def test_make_variables_are_one_argument_and_never_run_as_commands(tmp_path, name):
    target, assignment, words = MAKE_INJECTIONS[name]
    before = tree_hash(DATA_DIR)
    defaults = [d for d in ("ENV_SYNC=:", f"PY={sys.executable}") if d.split("=")[0] != assignment.split("=")[0]]
    proc = subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), target, assignment, *defaults],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert words in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "pwned").exists() and not (ROOT / "pwned").exists()
    assert tree_hash(DATA_DIR) == before


# --------------------------------------------------------------------------- this machine's paths


def test_the_sidecar_command_writes_nothing_outside_the_data_folder(world, capsys):
    outside = world["tmp"] / "outside.csv"
    outside.write_text("a,b\n1,2\n", encoding="utf-8")
    for path in (str(outside), str(world["data"] / ".." / "outside.csv"), str(world["data"] / "editions" / ".." / ".." / "outside.csv")):
        code, message = run_cli(["--data-dir", str(world["data"]), "sidecar", path], capsys)
        assert code == 1 and "outside the data folder" in message
    assert not (world["tmp"] / "outside.csv.meta.yaml").exists()


def test_a_damaged_cache_entry_is_found_by_its_checksum(tmp_path):
    from barometre.execution import ChapterCache

    cache = ChapterCache(tmp_path)
    cache.dir("chapters/x").mkdir(parents=True)
    executed = tmp_path / "executed.ipynb"
    executed.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', encoding="utf-8")
    cache.store("chapters/x", "k", executed, 1.0)
    assert cache.damage("chapters/x", "k") == ""
    notebook = cache.notebook("chapters/x", "k")
    notebook.write_bytes(notebook.read_bytes()[:20])  # truncated, as by a full disk or a kill
    assert "checksum differs" in cache.damage("chapters/x", "k")
    (cache.dir("chapters/x") / "k.json").write_text('{"seconds": 1.0}', encoding="utf-8")  # an entry of before
    assert "no checksum" in cache.damage("chapters/x", "k")
    cache.drop("chapters/x", "k")
    assert not cache.has("chapters/x", "k")


@pytest.mark.slow  # vl-convert writes the bundle: a few seconds
def test_a_damaged_vega_bundle_in_the_cache_is_written_again(tmp_path):
    from barometre.build import Builder

    said: list[str] = []
    builder = Builder(data_dir=DATA_DIR, build_dir=tmp_path, echo=said.append)
    first = builder._vega_bundle()
    [cached] = (tmp_path / "cache").glob("vega-bundle-*.js")
    cached.write_bytes(first[:1000])  # truncated: the published pages would draw no chart
    assert builder._vega_bundle() == first and cached.read_bytes() == first
    assert len(said) == 1 and "dropped (its checksum differs" in said[0]


def test_a_long_execution_tells_each_chapter_as_it_finishes_and_what_is_still_running(tmp_path, monkeypatch):
    """Progress, chapter by chapter: a line per finished chapter with its count, and a line when no chapter
    finished for PROGRESS_EVERY seconds (here 0,05 s; the chapters are stand-ins that sleep)."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    from barometre import execution
    from barometre.data import load

    def slow(task):
        time.sleep(0.4 if "resilience" in task["chapter"] else 0.1)
        Path(task["output"]).write_text("{}", encoding="utf-8")
        return {"ok": True, "seconds": 0.4}

    monkeypatch.setattr(execution, "_execute", slow)
    monkeypatch.setattr(execution, "PROGRESS_EVERY", 0.05)
    monkeypatch.setattr(execution, "ProcessPoolExecutor",
                        lambda max_workers, initializer, mp_context: ThreadPoolExecutor(max_workers))
    said: list[str] = []
    names = ["chapters/resilience", "chapters/offshore"]
    execution.execute_chapters(load(DATA_DIR), names, {"edition": 2008, "data_dir": str(DATA_DIR)},
                               cache=execution.ChapterCache(tmp_path), jobs=2, force=True, echo=said.append,
                               logs=tmp_path / "logs", failed_dir=tmp_path / "failed")
    finished = [m for m in said if "[executed]" in m]
    assert finished[0].startswith("  [executed] chapters/offshore") and finished[0].endswith("(1/2)")
    assert finished[1].startswith("  [executed] chapters/resilience") and finished[1].endswith("(2/2)")
    assert any("1/2 done after" in m and "chapters/resilience" in m for m in said), said


def test_no_absolute_local_path_in_the_data_the_readme_or_a_sidecar():
    import re

    local = re.compile(r"(?<![\w.:/])/(work|home|root|tmp|Users|mnt)/")
    files = [ROOT / "README.md", *sorted(p for p in DATA_DIR.rglob("*") if p.is_file())]
    assert any(p.name.endswith(".meta.yaml") for p in files)
    found = [f"{p.relative_to(ROOT)}:{n}" for p in files
             for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             if local.search(line)]
    assert found == []


def test_a_file_the_build_writes_atomically_is_readable_by_all_as_a_plain_write_makes_it(tmp_path):
    """The published PDF and the editions' archive page came out as 0600 (``mkstemp``'s mode)."""
    import os
    import stat

    from barometre.files import atomic_write

    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.pdf", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.pdf").stat().st_mode) == 0o644
