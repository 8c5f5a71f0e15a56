# Two commands do everything on a fresh machine with Python 3.11:
#   make site   -> installs the project into .venv and builds the example site into site/
#   make test   -> installs the test needs and runs every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: site test install install-test check metrics schema serve golden clean

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

site: install
	$(BIN)/wres check --data data
	mkdir -p site
	$(BIN)/wres metrics --data data --out site/wres-indicators.csv

test: install-test
	TZ=UTC LC_ALL=C.UTF-8 PYTHONHASHSEED=0 $(BIN)/python -m pytest

check: install
	$(BIN)/wres check --data data

schema: install
	$(BIN)/wres schema --out data/schema

clean:
	rm -rf site .pytest_cache
