#!/usr/bin/env bash
# System packages the tests and the PDF need (Debian). `make test` and `make pdf` run it: as root it
# installs what is missing, otherwise through sudo, or it says what to run (the HTML book needs none).
#   chromium                      the browser tests (Playwright drives the system browser)
#   texlive-* latexmk             the PDF (xelatex; babel-french; jupyter-book's LaTeX route)
#   fonts-freefont-otf            the PDF's fonts (Sphinx's xelatex default, FreeSerif/FreeSans), its charts' too
#   fonts-dejavu-core             the charts' font (vl-convert)
#   poppler-utils                 pdftotext, pdftoppm for the PDF tests
set -euo pipefail
packages=(chromium fonts-dejavu-core texlive-xetex texlive-latex-extra texlive-lang-french
          texlive-fonts-recommended latexmk fonts-freefont-otf poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    echo "The tests and the PDF need these Debian packages, not installed: ${missing[*]}." >&2
    echo "Installing them needs root: run 'sudo bash scripts/install-system-deps.sh' once, then the command again." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! { "${as_root[@]}" apt-get update -qq &&
         "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
           "${missing[@]}" >/dev/null; }; then
    echo "Installing the Debian packages ${missing[*]} failed (no network, or no apt source?). Install them" >&2
    echo "by hand (apt-get install ${missing[*]}), then run the command again." >&2
    exit 1
  fi
fi
echo "System packages present: ${packages[*]}"
