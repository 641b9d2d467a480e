# Every target sets itself up: on a fresh machine `make demo` and `make test` are enough.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test golden bench fuzz clean browser

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/chrono tag seeds/ --manifest seeds/manifest.json --format json -o out/tags.json
	@echo "wrote out/tags.json"

test: $(STAMP)
	$(BIN)/python -m pytest

golden: $(STAMP)
	$(BIN)/python -m chrono.tools.golden
	git --no-pager diff --stat -- golden/ || true
	git --no-pager diff -- golden/ | head -200 || true

bench: $(STAMP)
	$(BIN)/python -m chrono.tools.bench

clean:
	rm -rf $(VENV) out .pytest_cache
