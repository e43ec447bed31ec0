# Two commands matter: `make run` and `make test` (see README.md). Both create .venv on first use
# and reinstall only when pyproject.toml or setup.py changed, so a second call starts at once.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# pip's own cache makes a reinstall after a dependency change fast; keep it inside the checkout
# only when asked to (CI machines are fresh anyway).
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint typecheck pytest translations screenshots bench bench-postgresql bench-postgresql-owner bench-mariadb bundle bundle-smoke packaging-tools clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip setuptools wheel

# An editable install leaves the package uncompiled; with PYTHONDONTWRITEBYTECODE set, every
# start would compile it again (issue 8: startup). compileall writes what pip writes for a wheel.
COMPILE := $(BIN)/python -m compileall -q mandant_desktop

$(VENV)/.installed-app: pyproject.toml setup.py | $(BIN)/python
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml setup.py | $(BIN)/python
	$(PIP) install -e '.[test]'
	@touch $@ $(VENV)/.installed-app

run: $(VENV)/.installed-app
	@$(COMPILE)
	$(BIN)/mandant-desktop --demo

lint: $(VENV)/.installed-test
	$(BIN)/ruff check mandant_desktop tests tools bench
	$(BIN)/ruff format --check mandant_desktop tests tools bench

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy mandant_desktop

pytest: $(VENV)/.installed-test packaging-tools
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

# The same figures on PostgreSQL (PG_BENCH: the server, by default the local one as user postgres).
# The large and small demo are loaded into mandant_bench_large / mandant_bench_small once (the
# databases are created when missing) and reused. The demo is loaded by that user; the figures run
# connected as a workstation is, with the login mandant_bench_desk of the application role
# mandant_app (created when missing), under row-level security. Writes bench/last-postgresql.json;
# `$(BIN)/python -m bench.table` prints SQLite, PostgreSQL and MariaDB side by side.
# bench-postgresql-owner: the same figures connected as the owner, whom row security does not limit
# (bench/last-postgresql-owner.json), to see what row security costs.
PG_BENCH ?= postgresql://postgres@127.0.0.1:5432
PG_BENCH_DBS = --db $(PG_BENCH)/mandant_bench_large --small-db $(PG_BENCH)/mandant_bench_small
bench-postgresql: $(VENV)/.installed-bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(PG_BENCH_DBS) --out bench/last-postgresql.json $(BENCH_ARGS)

bench-postgresql-owner: $(VENV)/.installed-bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(PG_BENCH_DBS) --connect-as owner \
		--out bench/last-postgresql-owner.json $(BENCH_ARGS)

# The same figures on MariaDB (MARIADB_BENCH: the server, by default the local one as root without a
# password), driver PyMySQL. The demos go into mandant_bench_large_mariadb / mandant_bench_small_mariadb
# (created when missing, reused once filled). A MariaDB workstation connects with the same kind of
# user that loads the demo (README, "Connecting to PostgreSQL or MariaDB": ALL on the database; no
# application role, no row security there), so the figures run as the user of MARIADB_BENCH; the org
# figures on a copy of the large database. Writes bench/last-mariadb.json.
MARIADB_BENCH ?= mariadb://root@127.0.0.1:3306
MARIADB_BENCH_DBS = --db $(MARIADB_BENCH)/mandant_bench_large_mariadb --small-db $(MARIADB_BENCH)/mandant_bench_small_mariadb
bench-mariadb: $(VENV)/.installed-bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench $(MARIADB_BENCH_DBS) --out bench/last-mariadb.json $(BENCH_ARGS)

# Not part of `make test` either: the standalone Linux bundle dist/mandant-desktop/ (SPEC E6), built
# with the pinned PyInstaller of the `bundle` extra in its own venv build/bundle-venv (2 to 5 minutes
# on a busy 2-core machine; 217 MB). `make bundle-smoke` starts it offscreen on a temporary database.
bundle:
	PYTHON=$(PYTHON) packaging/build.sh

bundle-smoke:
	packaging/smoke.sh dist/mandant-desktop

# The validators of the .desktop file and the AppStream metainfo (Debian packages; needs root),
# installed only where missing. `make test` runs the checks that use them.
# Without root or apt-get it says so and goes on; those tests then skip (in CI they fail instead).
packaging-tools:
	@command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq desktop-file-utils appstream; } \
		|| echo "note: desktop-file-utils and appstream could not be installed; their checks will skip"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
