"""README's command-line examples run as written against the local test bed.

Each ```sh block after a ``<!-- readme-test: NAME -->`` comment is run by bash with ``set -e``
in a scratch folder that has the repository's ``resources/``, with the variables README tells
the reader to export (DNS, CA, PASSWORD) taken from the test bed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from assistant.embedded import SMOKE_ENV
from tests.paths import ROOT
from tests.testbed import Testbed

README = ROOT / "README.md"
_BLOCK = re.compile(r"<!-- readme-test: (\S+) -->\n```sh\n(.*?)```", re.DOTALL)
_SETUP = re.compile(r"```sh\nmake testbed\b.*?```", re.DOTALL)


def blocks() -> dict[str, str]:
    return {name: body for name, body in _BLOCK.findall(README.read_text(encoding="utf-8"))}


def exported(text: str) -> set[str]:
    return set(re.findall(r"\b([A-Z][A-Z_]*)=", text))


def used(text: str) -> set[str]:
    return set(re.findall(r"\$\{?([A-Z][A-Z_]*)", text))


def run_block(body: str, tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    (tmp_path / "resources").symlink_to(ROOT / "resources")
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    full = {**os.environ, "PATH": path, "HOME": str(tmp_path / "home"),
            "PWD": str(tmp_path), **env}
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", body], cwd=tmp_path, env=full,
                          capture_output=True, text=True, timeout=240)


def test_readme_names_the_blocks_and_the_setup_exports_what_they_use() -> None:
    found = blocks()
    assert set(found) == {"cli", "handover", "wizard"}
    setup = _SETUP.search(README.read_text(encoding="utf-8"))
    assert setup, "README lost the block that starts the test bed (make testbed)"
    missing = (used("".join(found.values())) - exported(setup.group(0))
               - {"PATH", "PWD"})
    assert not missing, f"README's setup block should export {sorted(missing)}"


def test_the_cli_block_runs_against_the_test_bed(testbed: Testbed, tmp_path: Path) -> None:
    alice = testbed.scenarios["modern"].user("alice")
    result = run_block(blocks()["cli"], tmp_path, {
        "DNS": testbed.dns_server, "CA": str(testbed.ca_file), "PASSWORD": alice.password})
    assert result.returncode == 0, result.stdout + result.stderr
    probe = json.JSONDecoder().raw_decode(result.stdout)[0]
    incoming = probe["recommendation"]["incoming"]
    assert (incoming["host"], incoming["port"], incoming["security"]) == (
        "mail.church.test", 993, "tls")
    assert (tmp_path / "settings.pdf").read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "try-profile" / "prefs.js").exists()  # a dry run writes nothing


def test_the_handover_block_hands_over_and_takes_the_member_off_again(
        testbed: Testbed, tmp_path: Path) -> None:
    alice = testbed.scenarios["modern"].user("alice")
    result = run_block(blocks()["handover"], tmp_path, {
        "DNS": testbed.dns_server, "CA": str(testbed.ca_file), "PASSWORD": alice.password})
    assert result.returncode == 0, result.stdout + result.stderr
    root = tmp_path / "home" / ".thunderbird"
    assert alice.email in result.stdout  # list-accounts saw the account
    assert not list(root.glob("*.member"))  # the shared PC's member profile is gone
    (prefs,) = root.glob("*.default-default/prefs.js")
    assert alice.email not in prefs.read_text(encoding="utf-8")


def test_the_wizard_block_starts_with_the_test_bed_and_with_the_sample_profile(
        testbed: Testbed, tmp_path: Path) -> None:
    # Each start shows its first page and quits (the start check of assistant/embedded.py);
    # a bad --dns-server or --ca-file would stop it with exit 2. Walking the pages is the
    # GUI tests' work (tests/gui).
    result = run_block(blocks()["wizard"], tmp_path, {
        "DNS": testbed.dns_server, "CA": str(testbed.ca_file), SMOKE_ENV: "300",
        "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    starts = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(starts) == 2
    assert starts[1]["organisation"] == "Sample Church (fictional)"
