"""``make testbed`` / ``make testbed-down`` (tests/testbed/manual.py): the real servers outside
pytest, usable with the CLI, and a stop that ends exactly what the start began."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT
from tests.testbed import Testbed
from tests.testbed.manual import is_ours
from tests.testbed.procs import group_alive, listening


def manual(action: str, state: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tests.testbed.manual", action,
                           "--state", str(state)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_start_prints_what_the_cli_needs_and_stop_ends_only_its_own_bed(
        testbed: Testbed, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    started = manual("start", state)
    assert started.returncode == 0, started.stderr
    found = json.loads(state.read_text(encoding="utf-8"))
    try:
        exports = dict(re.findall(r"(\w+)=(\S+)", started.stdout.splitlines()[-1]))
        assert exports["DNS"] == found["dns_server"] and exports["CA"] == found["ca_file"]
        assert "alice@church.test" in started.stdout and exports["PASSWORD"] in started.stdout
        assert found["block"] != testbed.block

        probe = subprocess.run([sys.executable, "-m", "assistant", "probe", "alice@church.test",
                                "--dns-server", exports["DNS"], "--ca-file", exports["CA"],
                                "--json"], capture_output=True, text=True, timeout=120)
        assert probe.returncode == 0, probe.stderr
        assert json.loads(probe.stdout)["recommendation"]["incoming"]["port"] == 993

        again = manual("start", state)  # already running: the same bed, not a second one
        assert again.returncode == 0 and json.loads(state.read_text())["pid"] == found["pid"]
    finally:
        stopped = manual("stop", state)
    assert stopped.returncode == 0, stopped.stderr
    assert not is_ours(found["pid"])
    assert not any(group_alive(g) for g in found["process_groups"].values())
    assert listening(f"{found['block']}.") == []
    assert not Path(found["directory"]).exists() and not state.exists()
    # The session's bed (another "developer") still runs.
    assert all(group_alive(g) for g in testbed.process_groups.values())
    assert listening(f"{testbed.block}.")


def test_stop_without_a_bed_says_so(tmp_path: Path) -> None:
    stopped = manual("stop", tmp_path / "state.json")
    assert stopped.returncode == 0 and "no test bed" in stopped.stdout
