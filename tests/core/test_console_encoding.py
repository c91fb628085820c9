"""Redirected output is UTF-8 whatever the stream's default encoding (Windows writes a pipe or
a file in its ANSI code page, cp932 on a Japanese Windows: ``--help | more`` used to crash on
the em dash). PYTHONIOENCODING stands in for that code page here; the frozen Windows program
is checked the same way under Wine (tests/windows)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT


def run_redirected(args: list[str], encoding: str, stdout: int | object = subprocess.PIPE,
                   ) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=env,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=60, check=False)


@pytest.mark.parametrize("encoding", ["cp932", "cp1252", "ascii"])
def test_help_into_a_pipe_is_utf8(encoding: str) -> None:
    result = run_redirected(["--help"], encoding)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert "使い方: mail-assistant" in result.stdout.decode("utf-8")  # Japanese help


def test_japanese_error_into_a_file_is_utf8_json(tmp_path: Path) -> None:
    # An English Windows (cp1252) writing a Japanese message: a usage error as JSON.
    out = tmp_path / "result.json"
    with out.open("wb") as stream:
        result = run_redirected(["probe", "not-an-address", "--json", "--lang", "ja"], "cp1252",
                                stdout=stream)
    assert result.returncode == 2, result.stderr.decode(errors="replace")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["error"] == "email.missing_at"
    assert "メールアドレス" in document["message"]
