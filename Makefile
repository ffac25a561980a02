# Quick start: `make demo` (main job) and `make test` (whole suite). Each sets itself up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup build clean fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/nhsgraph validate data
	$(BIN)/nhsgraph build data --out build
	$(BIN)/nhsgraph show CCGs

test: $(STAMP)
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/nhsgraph build data --out build

# Fuzz every target in fuzz/ for FUZZ_SECONDS each, in parallel (see docs/hardening.md).
FUZZ_SECONDS ?= 600
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS)

clean:
	rm -rf build $(VENV)
