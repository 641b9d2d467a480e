# Every target sets itself up: on a fresh machine `make demo` and `make test` are all you need.
# `make demo` installs chrono alone; the other targets add the dev and Dask extras.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
BASE := $(VENV)/.installed-base
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SEEDS := seeds/ --manifest seeds/manifest.json

.PHONY: install demo test lint golden bench fuzz clean browser

# The install compiles chrono/tagger/fastscan.pyx (the tagger's trigger scan),
# chrono/tagger/engine.py with the types of engine.pxd (the chart parser), and the tagger's other hot
# modules as they are (setup.py's AS_THEY_ARE) with Cython and gcc. Without them chrono runs as pure
# Python (same output, slower), so the install checks they were built.
COMPILED := chrono/tagger/fastscan.pyx chrono/tagger/engine.py chrono/tagger/engine.pxd \
	chrono/tagger/values.py chrono/tagger/words.py chrono/tagger/tokens.py chrono/tagger/grammar/base.py \
	chrono/tagger/tense.py chrono/tagger/context.py
CHECK_COMPILED := env -u CHRONO_PURE_PYTHON $(BIN)/python -c "import sys, chrono.tagger.fastscan, chrono.tagger.builds as b; \
	  left = [m for m in b.COMPILED if sys.modules[m].__file__.endswith('.py')]; assert not left, left" || { \
	  echo "chrono/tagger/fastscan.pyx or a module of chrono.tagger.builds.COMPILED was not compiled (is gcc installed?)" >&2; exit 1; }

# Bytecode for chrono's modules, as an installed package has it: the environment may set
# PYTHONDONTWRITEBYTECODE, and then every `chrono` process compiled ~95 modules again (0.25 s of
# CPU each time). py_compile writes them whatever that variable says; a module edited later is
# simply compiled again in memory until the next install.
COMPILE_BYTECODE := $(BIN)/python -m compileall -q chrono >/dev/null

$(VENV)/bin/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(BASE): pyproject.toml setup.py $(COMPILED) | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	$(CHECK_COMPILED)
	$(COMPILE_BYTECODE)
	touch $(BASE)

$(STAMP): pyproject.toml setup.py $(COMPILED) | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	$(CHECK_COMPILED)
	$(COMPILE_BYTECODE)
	touch $(BASE) $(STAMP)

install: $(STAMP)

# Headless Chromium (+ an Arabic font) for tests/test_browser.py; nothing to do when present.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core; }
	@command -v chromium >/dev/null || { echo "chromium still missing" >&2; exit 1; }

demo: $(BASE)
	mkdir -p out
	$(BIN)/chrono timeline $(SEEDS)
	$(BIN)/chrono tag $(SEEDS) --format json -o out/tags.json
	$(BIN)/chrono timeline $(SEEDS) --format json -o out/timeline.json
	$(BIN)/chrono timeline $(SEEDS) --format csv --bom -o out/timeline.csv
	$(BIN)/chrono timeline $(SEEDS) --format timelinejs -o out/timelinejs.json
	$(BIN)/chrono timeline $(SEEDS) --format vis -o out/vis.json
	$(BIN)/chrono timeline $(SEEDS) --format timeml -o out/timeml/
	$(BIN)/chrono timeline $(SEEDS) --format html -o out/timeline.html
	@echo "wrote out/tags.json, out/timeline.{json,csv,html}, out/timelinejs.json, out/vis.json, out/timeml/"

# ruff (lint, configured in pyproject.toml) and mypy (types of chrono/): a few seconds, before the tests.
lint: $(STAMP)
	$(BIN)/ruff check chrono tools tests
	$(BIN)/mypy chrono

test: $(STAMP) browser lint
	$(BIN)/python -m pytest -q

golden: $(STAMP)
	$(BIN)/python -m tools.golden
	git --no-pager diff --stat -- golden/ || true
	git --no-pager diff -- golden/ | head -300 || true

bench: $(STAMP)
	$(BIN)/python -m tools.bench

FUZZ_SECONDS ?= 60
# Coverage-guided fuzzing (atheris) of the tagger and the readers, bounded in time; the corpora in
# fuzz/corpus/ grow with each run and are kept in the repo.
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	$(BIN)/python fuzz/fuzz_chrono.py tagger fuzz/corpus/tagger -max_total_time=$(FUZZ_SECONDS) -max_len=4096
	$(BIN)/python fuzz/fuzz_chrono.py readers fuzz/corpus/readers -max_total_time=$(FUZZ_SECONDS) -max_len=4096

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis .mypy_cache .ruff_cache
