"""A missing server program skips the tests on a developer machine and fails them under CI."""

from __future__ import annotations

import pytest

from tests.testbed.need import need
from tests.testbed.procs import MissingProgram, require

ABSENT = "no-such-testbed-program-xyz"


def test_require_finds_sbin_programs_and_names_missing_ones(
        monkeypatch: pytest.MonkeyPatch) -> None:
    need("dovecot")
    monkeypatch.setenv("PATH", "/nonexistent")
    assert require("dovecot").endswith("/dovecot")  # /usr/sbin is always searched
    with pytest.raises(MissingProgram, match=ABSENT):
        require(ABSENT)


def test_missing_program_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=ABSENT):
        need(ABSENT)


def test_missing_program_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=ABSENT):
        need(ABSENT)


def test_present_programs_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    need("sh", "ls")
