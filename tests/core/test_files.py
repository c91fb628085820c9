"""assistant.files.read_bounded: only regular files, never more than the limit, never a hang."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from assistant.files import FileReadError, read_bounded


def test_reads_a_regular_file_up_to_exactly_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100


def test_one_byte_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileReadError) as caught:
        read_bounded(path, 100)
    assert caught.value.reason == "too_large"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(FileReadError) as missing:
        read_bounded(tmp_path / "absent", 10)
    assert missing.value.reason not in ("too_large", "not_regular")
    with pytest.raises(FileReadError) as directory:
        read_bounded(tmp_path, 10)
    assert directory.value.reason in ("not_regular", "Is a directory")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    """Nobody writes to the FIFO: a plain open() would block forever."""
    fifo = tmp_path / "prefs.js"
    os.mkfifo(fifo)
    outcome: list[BaseException | bytes] = []

    def read() -> None:
        try:
            outcome.append(read_bounded(fifo, 10))
        except FileReadError as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # unblock the thread before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("read_bounded blocked on a FIFO")
    assert isinstance(outcome[0], FileReadError)
    assert outcome[0].reason == "not_regular"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "prefs.js"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileReadError) as caught:
        read_bounded(link, 1 << 20)
    assert caught.value.reason == "not_regular"


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    """Thunderbird profiles may be symlinked by an admin: the target is what counts."""
    target = tmp_path / "real"
    target.write_bytes(b"data")
    link = tmp_path / "link"
    link.symlink_to(target)
    assert read_bounded(link, 10) == b"data"
