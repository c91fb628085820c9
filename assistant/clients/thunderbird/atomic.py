"""Thunderbird's files are replaced with the project's one atomic writer (new files 0o600:
prefs.js may name accounts and servers; an existing file keeps its mode and owner)."""

from __future__ import annotations

from pathlib import Path

from assistant.atomic import write_atomic as _write_atomic


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    _write_atomic(path, data, mode)
