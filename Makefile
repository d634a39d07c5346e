# Tend — the two commands that matter are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test lint typecheck pytest bench screenshots sysdeps postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

sysdeps:
	@bash tools/sysdeps.sh

# A PostgreSQL server for the team-store tests (installed as root on Debian/Ubuntu).
postgres:
	@bash tools/postgres.sh

run: sysdeps $(STAMP)
	$(BIN)/tend $(ARGS)

lint: $(TSTAMP)
	$(BIN)/ruff check app ui resources migrations tests bench
	$(BIN)/ruff format --check app ui tests bench

typecheck: $(TSTAMP)
	$(BIN)/mypy

pytest: sysdeps postgres $(TSTAMP)
	TEND_REQUIRE_POSTGRES=1 QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)

test: lint typecheck pytest

bench: sysdeps postgres $(TSTAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshots: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/tend screenshots docs/screenshots

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
