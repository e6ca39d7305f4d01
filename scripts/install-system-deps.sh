#!/usr/bin/env bash
# System packages the tests and the PDF need (Debian). Used by .ci/run; run it once as root
# on a fresh machine before `make test` or `make pdf` (the HTML book itself needs none of them).
#   chromium                      the browser tests (Playwright drives the system browser)
#   texlive-* latexmk             the PDF (xelatex; babel-french; jupyter-book's LaTeX route)
#   fonts-freefont-otf            the PDF's fonts (Sphinx's xelatex default, FreeSerif/FreeSans)
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
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "System packages present: ${packages[*]}"
