# The README's two commands are `make run` and `make test`; each sets up what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint typecheck pytest screenshots translations qm bundle installer benchmarks clean \
	windows-bundle test-windows

# Exactly the locked versions, each checked against its hash; then the project itself, built
# with the locked setuptools (no unlocked download). `make lock` refreshes the lock. The
# translations are compiled too: without them `python -m assistant` opens in English.
LOCK := packaging/lock-linux.txt
$(STAMP): pyproject.toml $(LOCK)
	bash packaging/system-deps.sh run
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes -r $(LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/pip check || { echo "$(LOCK) lacks what pyproject.toml asks for: run make lock"; exit 1; }
	$(BIN)/python i18n/build.py release
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
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.gui.screenshots build/screenshots

# `make bundle PROFILE=church.mailsetup` embeds a settings profile.
bundle: $(STAMP) qm
	bash packaging/build.sh bundle "$(PROFILE)"

# The Windows bundle, built on Linux under Wine (docs/packaging.md); `PROFILE=` as for bundle.
windows-bundle: $(STAMP) qm
	bash packaging/system-deps.sh windows
	bash packaging/windows-build.sh bundle "$(PROFILE)"

# The members' Windows installer: dist/mail-assistant-<version>-setup.exe
installer: windows-bundle
	bash packaging/build.sh installer

# The Windows installer and the frozen Windows program, checked under Wine (tests/windows).
test-windows: $(STAMP) qm
	bash packaging/system-deps.sh windows
	$(BIN)/python -m pytest tests/windows -p no:cacheprovider -o timeout=1800 \
		-o addopts="-ra --strict-markers --import-mode=importlib" $(PYTEST_ARGS)

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

# Re-resolve pyproject.toml's dependencies (with the test and build extras and the build
# system) into $(LOCK) with every file's hash, in a throw-away venv that has pip-tools.
# Pins that still satisfy pyproject.toml stay; `make lock LOCK_ARGS=--upgrade` moves them all.
.PHONY: lock
LOCK_VENV := build/lock-venv
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && \
	  $(LOCK_VENV)/bin/pip install -q pip-tools==7.6.2; }
	$(LOCK_VENV)/bin/pip-compile --quiet $(LOCK_ARGS) --generate-hashes --allow-unsafe \
	  --all-build-deps --extra test --extra build --strip-extras --no-emit-index-url \
	  --no-emit-find-links -o $(LOCK) pyproject.toml

# Thunderbird 153's own account hub walked for alice@church.test (ja and en), one PNG per
# screen into docs/screenshots/hub, for docs/side-by-side.md. Root (a private network
# namespace); about a minute per language; not part of `make test`.
.PHONY: hub-screenshots
hub-screenshots: test-deps
	$(BIN)/python -m tests.thunderbird.hub_screens docs/screenshots/hub

# Our wizard walked as a member would in a real window (Xvfb, xdotool) against `make testbed`:
# prints typed fields and presses, one PNG per page into docs/screenshots/wizard.
.PHONY: wizard-walk
wizard-walk: test-deps qm
	$(BIN)/python -m tests.gui.member_walk docs/screenshots/wizard

# What Thunderbird 153 shows first on the profiles `make wizard-walk` wrote (root; loopback-only
# namespace as for hub-screenshots): docs/screenshots/wizard/<lang>-5-thunderbird-after.png.
.PHONY: wizard-in-thunderbird
wizard-in-thunderbird: test-deps
	$(BIN)/python -m tests.thunderbird.hub_screens docs/screenshots/wizard --start-from build/wizard-profiles
