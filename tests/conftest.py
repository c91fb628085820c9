"""Shared fixtures: the real-server test bed (tests/testbed/) for every test area."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

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
