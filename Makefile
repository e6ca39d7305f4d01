# The barometer book. Two commands on a fresh machine:
#   make book   creates .venv, installs the hashed lock requirements.txt, builds the HTML book
#   make test   same environment, runs the whole test suite (lint, data, models, build, browser)
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := book

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# EDITION and YEAR reach the commands through the environment, each as one quoted argument
# ("$$EDITION"), never spliced into a shell line: `make compare EDITION='2008;touch x'` runs
# nothing. They must be digits; the command line then checks the range of years.
EDITION ?=
YEAR ?=
PORT ?= 8000
export EDITION YEAR
not_digits = $(strip $(subst 0,,$(subst 1,,$(subst 2,,$(subst 3,,$(subst 4,,$(subst 5,,$(subst 6,,$(subst 7,,$(subst 8,,$(subst 9,,$(1))))))))))))
ifneq ($(call not_digits,$(EDITION)),)
$(error EDITION must be a year in digits, e.g. make book EDITION=2008 (got '$(EDITION)'))
endif
ifneq ($(call not_digits,$(YEAR)),)
$(error YEAR must be a year in digits, e.g. make new-edition YEAR=2009 (got '$(YEAR)'))
endif
ifneq ($(call not_digits,$(PORT)),)
$(error PORT must be a port number in digits, e.g. make serve PORT=8001 (got '$(PORT)'))
endif
# Every other variable that reaches a shell line is checked too: PYTHON, VENV and PY are one path each
# (letters, digits and . _ / + -: no space, quote, ; or $), TEST_BUILDS paths; ENV_SYNC, the tests' seam
# that skips the environment sync, is ':' or its default command.
path_chars := a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E F G H I J K L M N O P Q R S T U V W X Y Z \
  0 1 2 3 4 5 6 7 8 9 _ . / + -
strip_chars = $(if $(2),$(call strip_chars,$(subst $(firstword $(2)),,$(1)),$(wordlist 2,$(words $(2)),$(2))),$(1))
not_paths = $(strip $(call strip_chars,$(1),$(path_chars)))
not_one_path = $(or $(filter-out 1,$(words $(1))),$(call not_paths,$(1)))
ifneq ($(call not_one_path,$(PYTHON)),)
$(error PYTHON must be one path to a Python 3.11, e.g. make book PYTHON=/usr/bin/python3.11 (letters, digits and ._/+- only; got '$(PYTHON)'))
endif
ifneq ($(call not_one_path,$(VENV)),)
$(error VENV must be one folder path (letters, digits and ._/+- only; got '$(VENV)'))
endif
ifneq ($(call not_one_path,$(PY)),)
$(error PY must be one path to the venv's python (letters, digits and ._/+- only; got '$(PY)'))
endif
ifneq ($(call not_paths,$(TEST_BUILDS)),)
$(error TEST_BUILDS must be test file paths (letters, digits and ._/+- only; got '$(TEST_BUILDS)'))
endif
EDITION_ARG := $${EDITION:+--edition "$$EDITION"}
# DEST (make publish) reaches the command through the environment too; make refuses a path with
# spaces or shell characters, which no publishing folder needs.
DEST ?=
export DEST
DEST_FORBIDDEN := ; | & ` ' " < > ( ) * ? \ { } [ ] $$
ifneq ($(strip $(foreach c,$(DEST_FORBIDDEN),$(findstring $(c),$(DEST)))),)
$(error DEST must be a folder path without spaces or shell characters, e.g. make publish DEST=/srv/www/barometre (got '$(DEST)'))
endif
ifneq ($(words $(DEST)),$(if $(strip $(DEST)),1,0))
$(error DEST must be a folder path without spaces, e.g. make publish DEST=/srv/www/barometre (got '$(DEST)'))
endif

.PHONY: env-test lock system-deps book site preview pdf test test-fast lint bench validate env clean clean-cache new-edition \
  compare serve publish linkcheck datapackage

# The environment is the hashed lock, synced by uv: requirements.txt (runtime) for the book,
# requirements-test.txt (runtime + the test extra of pyproject.toml) for the tests. Each call
# is a no-op when the venv already holds that lock (scripts/sync-env.sh keeps a stamp).
# (The tests of make's own argument checks set ENV_SYNC=: to skip it.)
ENV_SYNC_DEFAULT := bash $(dir $(abspath $(lastword $(MAKEFILE_LIST))))scripts/sync-env.sh
ENV_SYNC ?= $(ENV_SYNC_DEFAULT)
ifneq ($(strip $(ENV_SYNC)),:)
ifneq ($(strip $(ENV_SYNC)),$(strip $(ENV_SYNC_DEFAULT)))
$(error ENV_SYNC is the tests' seam: ':' (skip the environment sync) or unset (got '$(ENV_SYNC)'))
endif
endif
env:
	PYTHON=$(PYTHON) $(ENV_SYNC) runtime

env-test:
	PYTHON=$(PYTHON) $(ENV_SYNC) test

# Recompile both locks from pyproject.toml (needs the network). Versions already locked are
# kept unless pyproject.toml excludes them; add --upgrade-package NAME to move one.
lock: env
	$(VENV)/.uv/bin/uv pip compile pyproject.toml --python-version 3.11.7 --generate-hashes \
	  --annotation-style line --custom-compile-command "make lock" -q -o requirements.txt
	$(VENV)/.uv/bin/uv pip compile pyproject.toml --extra test --python-version 3.11.7 \
	  --generate-hashes --annotation-style line --custom-compile-command "make lock" -q \
	  -o requirements-test.txt

validate: env
	$(PY) -m barometre validate

new-edition: env
	@test -n "$${YEAR}" || { echo "usage: make new-edition YEAR=2009" >&2; exit 2; }
	$(PY) -m barometre new-edition --year "$$YEAR"

compare: env
	$(PY) -m barometre compare $(EDITION_ARG)

book: env
	$(PY) scripts/build.py $(EDITION_ARG)

# Every edition of data/editions/ and the archive page into _build/site/ (editions whose inputs
# did not change are not rebuilt). PDF=1 also builds each edition's PDF (kept while current).
PDF ?=
site: env $(if $(PDF),system-deps)
	$(PY) -m barometre site $(if $(PDF),--pdf)

# Preview the published site on http://127.0.0.1:$(PORT)/html/ (every edition's banner link works:
# _build/ holds the archive page and one folder per built edition). Local only; Ctrl+C stops it.
serve:
	@test -e _build/html/index.html || { echo "No site yet: run make book first." >&2; exit 2; }
	@echo "Serving the book on http://127.0.0.1:$(PORT)/html/index.html (Ctrl+C to stop)"
	$(PYTHON) -m http.server --bind 127.0.0.1 --directory _build $(PORT)

# A resident build of one edition (EDITION, default the latest) on http://127.0.0.1:$(PORT)/: after each
# save in data/, chapters/ or the package it rebuilds what changed and the open page reloads; a bad edit
# is shown in the terminal and on the page, the last good pages stay. Ctrl+C stops it.
preview: env
	$(PY) -m barometre preview $(EDITION_ARG) --port "$(PORT)"

# Copy the built site (_build/site/, every edition: make site) to a folder or a server path. It
# refuses an incomplete site (an edition missing, a broken internal link, a placeholder address) and
# a destination that is neither new, empty, nor a previous publication.
publish: env
	@test -n "$${DEST}" || { echo "usage: make publish DEST=/path/to/folder (new, empty, or published before)" >&2; exit 2; }
	$(PY) -m barometre publish --dest "$$DEST"

# The site's links, the outside ones included: needs a network (not part of make test).
linkcheck: env
	$(PY) -m barometre linkcheck

# Rewrite datapackage.json from the validation models and the sidecars (after a data file is added).
datapackage: env
	$(PY) -m barometre datapackage

pdf: env system-deps
	$(PY) -m barometre pdf $(EDITION_ARG)

lint: env-test
	$(VENV)/bin/ruff check src tests scripts chapters

system-deps:
	bash scripts/install-system-deps.sh

# The test files that build whole books: one stream, the rest in another at the same time
# (scripts/test-streams.sh says why).
TEST_BUILDS := tests/test_trust.py tests/test_every_edition.py tests/test_pdf.py tests/test_sparse_edition.py \
  tests/test_yearly.py tests/test_site.py
test: env-test system-deps
	$(PY) -m barometre check-env --lock requirements-test.txt
	$(VENV)/bin/ruff check src tests scripts chapters
	$(PY) -m barometre datapackage --check
	$(VENV)/bin/frictionless validate datapackage.json
	bash scripts/test-streams.sh $(PY) $(TEST_BUILDS)

# The inner loop: data, models, chapters' logic and lint; no browser, no PDF, no full build.
test-fast: env-test
	$(VENV)/bin/ruff check src tests scripts chapters
	$(PY) -m pytest -q -m "not slow and not browser" --ignore=tests/test_browser.py

bench: env
	$(PY) scripts/bench.py

clean:
	rm -rf _build

# The execution cache and the staging books only: the published site (_build/html, _build/site) stays.
# A build heals a damaged cache entry by itself (a checksum is written with each); this is the hand tool.
clean-cache:
	rm -rf _build/cache _build/staging
