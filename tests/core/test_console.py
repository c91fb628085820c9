"""Redirected standard streams in UTF-8 (assistant.console), the Windows NUL device included."""

from __future__ import annotations

import io
import sys

import pytest

from assistant.console import utf8_when_redirected


class Device(io.BytesIO):
    """A stream's bytes; ``isatty`` as the OS reports it (on Windows true for NUL as well)."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def streams(monkeypatch: pytest.MonkeyPatch, platform: str, tty: bool) -> io.TextIOWrapper:
    monkeypatch.setattr(sys, "platform", platform)
    out = io.TextIOWrapper(Device(tty), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(Device(tty), encoding="cp1252"))
    return out


@pytest.mark.parametrize(("platform", "tty", "encoding"), [
    ("win32", False, "utf-8"),   # a pipe or a file
    ("win32", True, "utf-8"),    # NUL: a character device, not a console
    ("linux", False, "utf-8"),
    ("linux", True, "cp1252"),   # a terminal keeps its locale's encoding
])
def test_redirected_streams_become_utf8(monkeypatch: pytest.MonkeyPatch, platform: str,
                                        tty: bool, encoding: str) -> None:
    out = streams(monkeypatch, platform, tty)
    utf8_when_redirected()
    assert out.encoding == encoding
    assert sys.stderr.encoding == encoding


def test_a_japanese_line_goes_through_nul_on_an_english_windows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = streams(monkeypatch, "win32", tty=True)
    utf8_when_redirected()
    print("メール設定アシスタント", file=out, flush=True)
    assert out.buffer.getvalue().decode("utf-8") == "メール設定アシスタント\n"


def test_no_streams_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    utf8_when_redirected()
    assert sys.stdout is None
