"""The `bed` fixture of the real-Thunderbird tests, and their timing report."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.machine_settings import ENV_DIR
from tests.testbed.ca import TestCA
from tests.testbed.need import missing
from tests.thunderbird.tb_bed import HOSTS, TIMINGS, Bed
from tests.thunderbird.tb_harness import TB_BIN


@pytest.fixture(autouse=True)
def _own_machine_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This PC's remembered shared-PC choice must not leak into the tests, nor member
    launchers out of them."""
    monkeypatch.setenv(ENV_DIR, str(tmp_path / "machine-settings"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))  # member launchers


@pytest.fixture(scope="session")
def bed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bed]:
    if not TB_BIN.exists():
        missing("Thunderbird (/usr/lib/thunderbird/thunderbird)")
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-n", "true"], capture_output=True, check=False).returncode != 0:
        missing("unshare -n (a private network namespace)")
    root = tmp_path_factory.mktemp("tb")
    ca = TestCA(root / "ca")
    leaf = ca.issue("servers", HOSTS)
    bed = Bed(root, ca, leaf.cert, leaf.key)
    # One throw-away launch first: the very first launch after installation was once seen to
    # stall; whatever it does, the checked launches come after it.
    empty = bed.work("throw-away")
    (empty / "p").mkdir()
    bed.run("throw-away first launch (empty profile, no checks)", empty / "p", {}, [],
            expect_ports=[], smtp={}, timeout=20, work=empty)
    yield bed


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The issue asks for the time the real-Thunderbird tests take."""
    if not TIMINGS:
        return
    terminalreporter.write_line("real Thunderbird runs (launch → checks → killed):")
    for label, seconds in TIMINGS:
        terminalreporter.write_line(f"  {seconds:5.1f} s  {label}")
    total = sum(s for _, s in TIMINGS)
    terminalreporter.write_line(f"  {total:5.1f} s  total over {len(TIMINGS)} launches")
