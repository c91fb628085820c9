"""Replacing a file so that a crash leaves either the old or the new content, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to a temporary file in the same directory, fsync it, rename it over
    ``path`` and fsync the directory (so the rename itself survives a power cut).
    An existing file's permissions (and, when we run as root, its owner) are kept."""
    directory = path.parent
    old = path.stat() if path.exists() else None
    if old is not None:
        mode = old.st_mode & 0o777
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        if old is not None and hasattr(os, "chown") and os.geteuid() == 0:
            # Run as root on a member's profile: the file must stay theirs, or Thunderbird
            # could no longer save its own settings.
            os.chown(temp, old.st_uid, old.st_gid)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; ReplaceFile semantics suffice
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
