"""The one way the assistant replaces a file: readers see the old content or the new one,
never half of it, even after a crash or a power cut.

Used for exports, Outlook files, Thunderbird's prefs.js/profiles.ini and church profiles.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_MODE = 0o600  # for files that name a person's accounts (Thunderbird's)


def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to a new temporary file in ``path``'s folder, fsync it, rename it over
    ``path`` and fsync the folder (so the rename itself survives a power cut).

    A new file gets ``mode`` (0o644: exports and profiles are not secret; Thunderbird's
    files pass 0o600). An existing file keeps its permissions and — when we run as root on
    a member's profile — its owner, or the program that owns it could no longer save it.
    Raises OSError (the temporary file is removed).
    """
    path = Path(path)
    old = path.stat() if path.exists() else None
    if old is not None:
        mode = old.st_mode & 0o777
    owner = old if old is not None and hasattr(os, "geteuid") and os.geteuid() == 0 else None
    temp = write_temporary(path, data, mode, owner)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_directory(path.parent)


def write_temporary(path: Path, data: bytes, mode: int,
                    owner: os.stat_result | None = None) -> Path:
    """``data`` in a new ``.<name>.XXXX.tmp`` beside ``path``, fsynced, with ``mode`` (and
    ``owner``'s uid/gid); removed again if anything fails (a disk full, say)."""
    # mkstemp: O_EXCL with a random name, so nothing someone placed there is followed.
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        if owner is not None:
            os.chown(temp, owner.st_uid, owner.st_gid)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return Path(temp)


def place_new(temp: Path, path: Path) -> None:
    """Give the complete file ``temp`` the name ``path`` without replacing anything there
    (FileExistsError), durably. On POSIX ``temp`` stays (a hard link) for the caller to
    remove; Windows' rename already refuses an existing target and moves it."""
    if os.name == "posix":
        os.link(temp, path)
    else:
        os.rename(temp, path)
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; its rename is already durable enough
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
