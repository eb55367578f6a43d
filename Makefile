# Set-up and checks. `make run` and `make test` create .venv on first use and keep it current.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
QT_OFFSCREEN := QT_QPA_PLATFORM=offscreen

.PHONY: run test lint typecheck contracts pytest coverage system-deps system-deps-test bench dist icons clean

run: system-deps $(VENV)/.installed-app
	$(BIN)/retrotimer

# The whole check as CI runs it, hypothesis with its "ci" profile (see tests/conftest.py).
test: system-deps-test $(VENV)/.installed-dev
	HYPOTHESIS_PROFILE=ci $(MAKE) lint typecheck contracts pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check retrotimer tests bench
	$(BIN)/ruff format --check retrotimer tests bench

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

contracts: $(VENV)/.installed-dev
	$(BIN)/lint-imports

pytest: $(VENV)/.installed-dev
	$(QT_OFFSCREEN) $(BIN)/python -m pytest

# Branch coverage of the whole suite (the command line's own processes too): the totals
# here, every file's lines and branches in build/coverage/index.html. Measuring slows the
# processes down, so a timing test may fail under it: the totals are printed all the same,
# and the target fails as the suite did.
coverage: $(VENV)/.installed-dev
	rm -rf build/coverage build/coverage.json build/.coverage*
	HYPOTHESIS_PROFILE=ci $(QT_OFFSCREEN) $(BIN)/python -m pytest --cov --cov-report=html --cov-report=; \
	status=$$?; \
	$(BIN)/coverage json --quiet -o build/coverage.json && \
	$(BIN)/python -c 'import json; t = json.load(open("build/coverage.json"))["totals"]; \
		print("coverage: %.1f%% of statements and branches; branches: %d of %d taken (%.1f%%); see build/coverage/index.html" \
		% (t["percent_covered"], t["covered_branches"], t["num_branches"], 100 * t["covered_branches"] / t["num_branches"]))'; \
	exit $$status

bench: $(VENV)/.installed-dev
	$(QT_OFFSCREEN) $(BIN)/python bench/timing.py
	$(BIN)/python bench/history.py
	$(QT_OFFSCREEN) $(BIN)/python bench/audio.py
	$(QT_OFFSCREEN) $(BIN)/python bench/startup.py
	$(QT_OFFSCREEN) $(BIN)/python bench/idle.py
	$(QT_OFFSCREEN) $(BIN)/python bench/collection_pause.py
	$(BIN)/python bench/records.py
	$(BIN)/python bench/cli.py

system-deps:
	PYTHON=$(PYTHON) packaging/system-deps.sh run

system-deps-test:
	PYTHON=$(PYTHON) packaging/system-deps.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# simpleaudio builds from source on Linux; without a compiler or ALSA headers the app
# still works through the Qt audio backend, so a failed build only warns.
define install_simpleaudio
	$(BIN)/python -m pip install --quiet "simpleaudio-patched>=1.0.5" \
		|| echo "warning: simpleaudio could not be built; RetroTimer will use the Qt audio backend"
endef

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(install_simpleaudio)
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(install_simpleaudio)
	touch $@ $(VENV)/.installed-app

# A one-folder bundle for this platform in dist/ (see packaging/retrotimer.spec).
dist: system-deps $(VENV)/.installed-dist
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/retrotimer.spec

# Re-render the icon's PNG, .ico and .icns files after editing the SVG.
icons: $(VENV)/.installed-app
	$(QT_OFFSCREEN) $(BIN)/python packaging/render_icons.py

$(VENV)/.installed-dist: pyproject.toml | $(VENV)/.installed-app
	$(BIN)/python -m pip install --quiet -e ".[dist]"
	touch $@

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
