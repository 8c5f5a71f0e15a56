# Two commands do everything on a fresh machine with Python 3.11:
#   make site   -> installs the project into .venv and builds the example site into site/
#   make test   -> installs the test needs and runs every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: site test install install-test check metrics schema serve golden clean browser-deps

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

# plotly.js for the charts, self-hosted (npm's basic bundle; without npm the build uses plotly's full bundle)
NPM := $(shell command -v npm)
node_modules/.site-deps: package.json package-lock.json
ifneq ($(NPM),)
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@
else
	@echo "npm not found: the site will use plotly's full bundle"
endif

site: install node_modules/.site-deps
	$(BIN)/wres build --data data --out site

serve: install node_modules/.site-deps
	$(BIN)/wres serve --data data

test: install-test node_modules/.site-deps
	TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0 $(BIN)/python -m pytest

check: install
	$(BIN)/wres check --data data

schema: install
	$(BIN)/wres schema --out data/schema

clean:
	rm -rf site build .pytest_cache

# Refresh the golden files after an intended change to the generated pages; read `git diff tests/golden` before committing.
golden: install-test
	WRES_UPDATE_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py
