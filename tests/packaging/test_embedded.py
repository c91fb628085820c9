"""assistant.embedded from source: what the frozen program asks at start."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from assistant import embedded

pytestmark = pytest.mark.frozen


def test_no_embedded_profile_when_running_from_source() -> None:
    assert not getattr(sys, "frozen", False)
    assert embedded.embedded_profile_path() is None


def test_embedded_profile_found_in_the_bundle_data_folder(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert embedded.embedded_profile_path() is None  # a bundle built without a profile
    profile = tmp_path / embedded.EMBEDDED_PROFILE_NAME
    profile.write_text("format_version = 1\n")
    assert embedded.embedded_profile_path() == profile


@pytest.mark.parametrize(("value", "expected"), [("250", 250), ("", None), ("soon", None),
                                                 ("-5", None)])
def test_smoke_delay_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str,
                                          expected: int | None) -> None:
    monkeypatch.setenv(embedded.SMOKE_ENV, value)
    assert embedded.smoke_quit_after_ms() == expected


def test_smoke_report_is_one_json_line() -> None:
    line = embedded.smoke_report("welcome", "ようこそ", "見本教会")
    assert "\n" not in line
    assert json.loads(line) == {"smoke": 1, "page": "welcome", "title": "ようこそ",
                                "organisation": "見本教会"}


@pytest.mark.skipif(sys.platform == "win32", reason="the mutex is real on Windows")
def test_mutex_is_a_no_op_off_windows() -> None:
    assert embedded.single_instance_mutex() is None


class _FakeCreateMutex:
    """Stands in for kernel32.CreateMutexW (Windows is not available here)."""

    def __init__(self, handle: int | None) -> None:
        self.handle = handle
        self.calls: list[tuple[object, ...]] = []

    def __call__(self, *args: object) -> int | None:
        self.calls.append(args)
        return self.handle


@pytest.mark.parametrize("handle", [1234, None])
def test_mutex_on_windows_is_created_by_name_and_not_owned(monkeypatch: pytest.MonkeyPatch,
                                                           handle: int | None) -> None:
    import ctypes
    import types

    create = _FakeCreateMutex(handle)
    kernel32 = types.SimpleNamespace(CreateMutexW=create)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error: kernel32, raising=False)
    assert embedded.single_instance_mutex() == handle
    assert create.calls == [(None, 0, embedded.MUTEX_NAME)]


def test_smoke_report_reaches_a_file_when_there_is_no_standard_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The windowed Windows program has sys.stdout None; the installer tests read this file.
    monkeypatch.setattr(sys, "stdout", None)
    target = tmp_path / "start check.json"
    monkeypatch.setenv(embedded.SMOKE_FILE_ENV, str(target))
    embedded.emit_smoke_report(embedded.smoke_report("welcome", "ようこそ", "教会"))
    assert json.loads(target.read_text(encoding="utf-8"))["organisation"] == "教会"
