# Two commands do everything on a fresh machine with Python 3.11:
#   make site   -> installs the project into .venv and builds the example site into site/
#   make test   -> installs the test needs and runs every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: site test install install-test check metrics schema serve golden clean browser-deps pdf-deps lighthouse bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The example trust is a project folder like any trust's (made by `wres init`).
EXAMPLE := .

# The browser tests: Debian's Chromium (Playwright's own download cannot work here),
# axe-core and the Nu HTML Checker from npm (pinned in package-lock.json), Java for the checker.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium
VNU := node_modules/vnu-jar/build/dist/vnu.jar
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium
$(VNU): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@ node_modules/axe-core/axe.min.js
browser-deps: $(CHROMIUM) $(VNU)
	@command -v java >/dev/null || (DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless)

# Each year's report PDF: WeasyPrint (from PyPI) lays it out with Pango; fonts it can embed (DejaVu, Liberation).
pdf-deps:
	@ldconfig -p | grep -q 'libpangoft2-1.0.so.0' && fc-list | grep -qi -e dejavu -e liberation || \
	( $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core fonts-liberation )

site: install pdf-deps
	$(BIN)/wres build --project $(EXAMPLE) --out site

serve: install
	$(BIN)/wres serve --project $(EXAMPLE) --drafts

test: install-test browser-deps pdf-deps
	TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0 $(BIN)/python -m pytest -n 2

check: install
	$(BIN)/wres check --project $(EXAMPLE)

schema: install
	$(BIN)/wres schema --out $(EXAMPLE)/data/schema

clean:
	rm -rf site build .pytest_cache test-artifacts

# Refresh the golden files after an intended change to the generated pages; read `git diff tests/golden` before committing.
golden: install-test
	WRES_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py

# Lighthouse on the home, an indicator, a year and the action-plan page (slow: not part of `make test`).
lighthouse: install browser-deps
	$(BIN)/python -m tests.lighthouse_check

# Build, scale, page weight, Lighthouse and preview numbers side by side, written into docs/benchmarks.md
# (a few minutes; timings are noisy, so not part of `make test`). README: "Benchmarks".
bench: install-test browser-deps
	TZ=UTC LC_ALL=C.UTF-8 $(BIN)/python -m bench
