"""The one way the assistant reads a local file: a regular file only, bounded in size.

A path from outside (a profile from an e-mail, a ``--ca-file``, Thunderbird's prefs.js or
profiles.ini) may name a FIFO, a device or a symbolic link to one: ``open()`` on a FIFO blocks
until a writer appears, and ``/dev/zero`` never ends. So the file is opened without blocking,
checked with ``fstat`` on the open descriptor (no race with a rename in between), and read at
most ``limit`` bytes plus one, which tells "too large" from "exactly the limit".
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# O_NONBLOCK makes open() return at once on a FIFO; Windows has neither FIFOs nor the flag.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class FileReadError(OSError):
    """The file is missing or unreadable (``reason`` from the OS), not a regular file
    (``reason`` "not_regular"), or larger than allowed (``reason`` "too_large")."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The whole content of the regular file ``path``, at most ``limit`` bytes.

    Raises :class:`FileReadError`; callers turn it into their own error code, so that the
    message names what the file was for (a profile, a CA file, Thunderbird's settings).
    """
    path = Path(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise FileReadError(path, exc.strerror or type(exc).__name__) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FileReadError(path, "not_regular")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: ordinary reads from here on
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except FileReadError:
        raise
    except OSError as exc:
        raise FileReadError(path, exc.strerror or type(exc).__name__) from None
    finally:
        os.close(fd)
    if size > limit:
        raise FileReadError(path, "too_large")
    return b"".join(chunks)
