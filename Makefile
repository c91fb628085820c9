# The README's two commands are `make run` and `make test`; each sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint typecheck pytest screenshots translations qm bundle installer benchmarks clean

$(STAMP): pyproject.toml
	bash packaging/system-deps.sh run
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test,build]'
	touch $@

test-deps: $(STAMP)
	bash packaging/system-deps.sh test

# Compiled translations (.qm) from i18n/*.ts
qm: $(STAMP)
	$(BIN)/python i18n/build.py release

run: $(STAMP) qm
	$(BIN)/python -m assistant $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check assistant tests packaging i18n

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: test-deps qm
	CI=$${CI:-} $(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest

translations: $(STAMP)
	$(BIN)/python i18n/build.py update
	$(BIN)/python i18n/build.py release

screenshots: $(STAMP) qm
	bash packaging/system-deps.sh run
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m assistant.gui.screenshots build/screenshots

# `make bundle PROFILE=church.mailsetup` embeds a settings profile.
bundle: $(STAMP) qm
	bash packaging/build.sh bundle "$(PROFILE)"

installer: bundle
	bash packaging/system-deps.sh test
	bash packaging/build.sh installer

benchmarks: test-deps qm
	$(BIN)/python -m pytest tests/benchmarks -s -p no:cacheprovider -o addopts="" -o python_files="bench_*.py test_*.py"

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache

# The real test bed outside pytest, for trying the CLI and the wizard by hand (docs/testbed.md).
.PHONY: testbed testbed-down
testbed: test-deps
	$(BIN)/python -m tests.testbed.manual start

testbed-down: $(STAMP)
	$(BIN)/python -m tests.testbed.manual stop
