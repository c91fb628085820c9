"""Review findings on the writers: export --output that is no file name, and the one
control-character check every writer shares."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.clients.exports.values import checked, control_character
from assistant.clients.outlook.prf import ini_value
from assistant.clients.outlook.regfile import _has_control
from assistant.errors import ValidationError
from tests.clients.test_export_cli import SPECS, export


@pytest.mark.parametrize("output", ["", ".", "..", "DIR"])
def test_export_output_that_is_no_file_name_exits_2(tmp_path: Path, output: str) -> None:
    target = str(tmp_path) if output == "DIR" else output
    for extra in (["--json"], []):
        done = export("--format", "autoconfig", *SPECS, "--email", "a@church.test",
                      "--output", target, *extra)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        if extra:
            data = json.loads(done.stdout)
            assert data["schema"] == 1 and data["error"] == "export.output_invalid"
            assert data["message"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("ch", ["\n", "\r", "\0", "\x1b", "\x85", "\u2028", "\u2029",
                                "\ud800", "\ufffe", "\uffff"])
def test_every_writer_refuses_the_same_characters(ch: str) -> None:
    value = f"a{ch}b"
    assert control_character(value) == ch
    with pytest.raises(ValidationError):
        checked(value, "host")
    with pytest.raises(ValidationError):
        ini_value(value, "host")
    assert _has_control(value)


def test_allowed_characters() -> None:
    assert control_character("教会 St. Mary's") is None
    assert checked("line1\nline2\tx", "notes", multiline=True) == "line1\nline2\tx"
    assert control_character("a\nb", "\n") is None
