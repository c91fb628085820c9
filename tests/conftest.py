"""Shared fixtures: the real-server test bed (tests/testbed/) for every test area."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.paths import ROOT
from tests.testbed import Testbed
from tests.testbed.bed import check_programs, start_testbed
from tests.testbed.guard import no_system_resolver
from tests.testbed.need import missing
from tests.testbed.procs import MissingProgram

_startup: list[float] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "system_resolver: this test may use the system resolver (no guard)")


@pytest.fixture(autouse=True)
def _no_system_resolver(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test: looking a name up through the system resolver raises (see guard.py)."""
    if request.node.get_closest_marker("system_resolver"):
        yield
        return
    with no_system_resolver():
        yield


@pytest.fixture(scope="session")
def compiled_translations() -> None:
    """The .qm files are build products (`make qm`): compiled here when one is missing or older
    than its .ts, so the wizard and bundle tests also run on their own from a clean clone."""
    pairs = [(ts, ROOT / "assistant" / "gui" / "i18n" / f"{ts.stem}.qm")
             for ts in sorted((ROOT / "i18n").glob("*.ts"))]
    if all(qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime for ts, qm in pairs):
        return
    subprocess.run([sys.executable, str(ROOT / "i18n" / "build.py"), "release"], check=True)


@pytest.fixture(scope="session")
def testbed() -> Iterator[Testbed]:
    """Dovecot, Postfix, dnsmasq and HTTP(S) on a private 127.R.0.0/16 block (session-wide)."""
    try:
        check_programs()
    except MissingProgram as e:
        missing(str(e))
    with start_testbed(keep=os.environ.get("TESTBED_KEEP") == "1") as bed:
        _startup.append(bed.startup_seconds)
        yield bed


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report the test bed's start-up time (the issue asks for it to be measured)."""
    for seconds in _startup:
        terminalreporter.write_line(f"test bed: started in {seconds:.2f} s")
