"""What the build writes about itself: the build stamp (code version and data checksum), the
page stamp, the footer's data date, and the check that the PDF's programs are installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from barometre.html import render_html
from barometre.paths import ROOT
from barometre.provenance import data_date

PDF_TOOLS = {  # the programs the LaTeX route runs, and the Debian package of each
    "latexmk": "latexmk",
    "xelatex": "texlive-xetex",
}
INSTALL_SYSTEM_DEPS = "bash scripts/install-system-deps.sh"


def missing_tools(tools: dict[str, str]) -> dict[str, str]:
    """The programs of ``tools`` (program: Debian package) that are not on the PATH."""
    return {tool: package for tool, package in tools.items() if shutil.which(tool) is None}


def tools_message(missing: dict[str, str], needed_for: str) -> str:
    """One paragraph: which programs are missing, for what, and the command that installs them."""
    names = " and ".join(f"{tool} (Debian package {package})" for tool, package in missing.items())
    return (f"{needed_for[:1].upper()}{needed_for[1:]} needs {names}, not found on this machine's PATH. Install the system "
            f"packages with: {INSTALL_SYSTEM_DEPS} (as root, or through sudo; make test and make pdf run it), "
            "then run the command again. Nothing was built; the last PDF is unchanged.")


def build_stamp(data_dir: Path, edition: int) -> str:
    """Edition, checksum of the data files as the edition's book reads them (``barometre.vintage``), code version and key package versions (the colophon)."""
    from barometre.validation import data_files
    from barometre.vintage import data_digest

    h = data_digest(Path(data_dir), edition, data_files(Path(data_dir)))  # the data as of the edition
    return page_stamp(edition).replace(" ; ", f" ; données sha256 {h.hexdigest()[:16]} ; ", 1)


def page_stamp(edition: int) -> str:
    """The stamp in every page's metadata: the build stamp without the data checksum, which
    would make every data change rewrite every page."""
    from importlib import metadata

    return (
        f"édition {edition} ; code {code_version()} ; logiciels "
        + ", ".join(f"{p} {metadata.version(p)}" for p in ("jupyter-book", "papermill", "altair", "pandas"))
    )


def data_date_footer(data_dir: Path, edition: int) -> str:
    """The pages' date line: the date of the data, saying so (« Données : édition 2011 du baromètre, publiée en
    octobre 2012. »). HTML: jupyter-book puts it in every page's footer."""
    when = data_date(data_dir, edition)
    day = when[:1].isdigit() and not when.isdigit()  # « le 9 décembre 2008 », « en octobre 2012 », « en 2010 »
    return render_html("data_date.html", edition=edition, when=when, day=day)


def code_version() -> str:
    """The git commit of the code, or 'modifications non enregistrées dans git' when the tree differs from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "src", "chapters", "_config.yml",
             "_toc.yml", "_static", "requirements.txt"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "inconnu (hors dépôt git)"
    return f"{commit} (modifications non enregistrées dans git)" if dirty else commit
