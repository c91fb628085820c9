"""The per-machine settings file: round trip, defaults for anything broken, no hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.machine_settings import (
    ENV_DIR,
    MachineSettings,
    load_machine_settings,
    save_machine_settings,
    settings_path,
)


@pytest.fixture(autouse=True)
def _config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV_DIR, str(tmp_path / "config"))
    return tmp_path / "config"


def test_defaults_when_nothing_was_saved() -> None:
    assert load_machine_settings() == MachineSettings(shared_pc=None, text_scale=1.0)


def test_round_trip() -> None:
    saved = MachineSettings(shared_pc=True, text_scale=1.5)
    path = save_machine_settings(saved)
    assert path == settings_path() and path.is_file()
    assert load_machine_settings() == saved


@pytest.mark.parametrize("content", [
    b"", b"{", b"[]", b'{"shared_pc": "yes", "text_scale": 7}', b"\xff\xfe",
    b'{"text_scale": true}',
])
def test_a_broken_file_gives_the_defaults(content: bytes) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert load_machine_settings() == MachineSettings()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_in_place_of_the_file_gives_the_defaults() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    assert load_machine_settings() == MachineSettings()
