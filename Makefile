# Two commands do all the set-up on a fresh clone: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install screenshot bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsweave analyze examples/corpus -o out/demo
	@echo "Open the report: out/demo/report.html"

test: $(STAMP)
	$(BIN)/python -m pytest -q

screenshot: $(STAMP)
	$(BIN)/python -m newsweave.tools.screenshot ../shared/seeds out/seeds

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf out build dist src/*.egg-info
