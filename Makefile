# Tend — the two commands that matter are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test lint typecheck pytest e2e bench screenshots sysdeps sysdeps-test postgres clean

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

# The above, plus Xvfb, openbox, xdotool and tesseract for the end-to-end tests.
sysdeps-test:
	@bash tools/sysdeps.sh test

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

pytest: sysdeps-test postgres $(TSTAMP)
	TEND_REQUIRE_POSTGRES=1 TEND_REQUIRE_E2E=1 QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_ARGS)

# Only the end-to-end tests: the installed tend on a real X server, driven by key presses.
e2e: sysdeps-test $(TSTAMP)
	TEND_REQUIRE_E2E=1 $(BIN)/pytest tests/e2e $(PYTEST_ARGS)

test: lint typecheck pytest

bench: sysdeps postgres $(TSTAMP)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshots: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/tend screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/tend screenshots docs/screenshots/dark --appearance dark

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
