# dyadscope — two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -e '.[dev,web]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out && rm -f out/demo.duckdb out/demo.duckdb.wal
	$(BIN)/dyadscope build examples/az-ru --db out/demo.duckdb
	$(BIN)/dyadscope report --db out/demo.duckdb --out out/report.html
	@echo "open out/report.html in a browser (it works offline)"

test: $(STAMP)
	$(BIN)/python -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) out .pytest_cache
