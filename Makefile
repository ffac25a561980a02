# Quick start: `make demo` (main job) and `make test` (whole suite). Each sets itself up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= ../shared/corpus
FUZZ_SECONDS ?= 600

.PHONY: demo test setup build lint docs diagrams ontology reference bench bench-extraction fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# The main job: validate and build the bundled data, then answer a question with its sources.
demo: $(STAMP)
	$(BIN)/nhsgraph validate data
	$(BIN)/nhsgraph build data --out build
	$(BIN)/nhsgraph show CCGs
	$(BIN)/nhsgraph replaced-by CCGs

test: $(STAMP)
	$(BIN)/python -m pytest -n auto

build: $(STAMP)
	$(BIN)/nhsgraph build data --out build

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check nhsgraph tests benchmarks fuzz
	$(BIN)/mypy nhsgraph

# Generated files that tests keep current: the command reference, ontology and shapes.
docs: $(STAMP)
	$(BIN)/python -m nhsgraph.clidoc > docs/cli.md.tmp && mv docs/cli.md.tmp docs/cli.md

ontology: $(STAMP)
	$(BIN)/python -m nhsgraph.ontology

# The README's diagrams (docs/img/*.png), drawn from the bundled data.
diagrams: $(STAMP)
	for preset in commissioning national integration; do \
		$(BIN)/nhsgraph diagram --preset $$preset --data data -o docs/img/$$preset.png || exit 1; \
	done

# Rebuild the reference layer (data/reference/ods.jsonl) from the bundled ODS/ONS files.
reference: $(STAMP)
	$(BIN)/nhsgraph ingest ods data/reference/ods --out data/reference

bench: $(STAMP)
	$(BIN)/python -m benchmarks.pipeline

bench-extraction: $(STAMP)
	$(BIN)/python benchmarks/extraction.py $(CORPUS)

fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS)

clean:
	rm -rf build $(VENV)
