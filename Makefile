# Two commands matter: `make run` and `make test` (see README.md). Both create .venv on first use
# and reinstall only when pyproject.toml or setup.py changed, so a second call starts at once.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# pip's own cache makes a reinstall after a dependency change fast; keep it inside the checkout
# only when asked to (CI machines are fresh anyway).
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint typecheck pytest translations screenshots bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip setuptools wheel

$(VENV)/.installed-app: pyproject.toml setup.py | $(BIN)/python
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml setup.py | $(BIN)/python
	$(PIP) install -e '.[test]'
	@touch $@ $(VENV)/.installed-app

run: $(VENV)/.installed-app
	$(BIN)/mandant-desktop --demo

lint: $(VENV)/.installed-test
	$(BIN)/ruff check mandant_desktop tests tools bench
	$(BIN)/ruff format --check mandant_desktop tests tools bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy mandant_desktop

pytest: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: lint typecheck pytest

translations: $(VENV)/.installed-test
	$(BIN)/python tools/update_translations.py

screenshots: $(VENV)/.installed-app  ## every page of the demo database: de/en, light/dark, 200 % (docs/screenshots/pages)
	$(BIN)/python tools/screenshots.py $(SCREENSHOT_ARGS)

# Not part of `make test`: about 8 minutes of a 2-core machine on the large demo, which is generated
# once into /tmp/bench-large.sqlite (BENCH_DB=URL for another database). Writes bench/last.json.
$(VENV)/.installed-bench: pyproject.toml setup.py | $(BIN)/python
	$(PIP) install -e '.[test,bench]'
	@touch $@ $(VENV)/.installed-test $(VENV)/.installed-app

bench: $(VENV)/.installed-bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
