"""The project's one atomic writer: new files, kept permissions and owner, no leftovers."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assistant.atomic import write_atomic


def test_new_file_gets_the_given_mode(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.xml", b"one")
    write_atomic(tmp_path / "b.js", b"two", 0o600)
    assert (tmp_path / "a.xml").read_bytes() == b"one"
    assert stat.S_IMODE((tmp_path / "a.xml").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.js").stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xml", "b.js"]


def test_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "prefs.js"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomic(target, b"new", 0o600)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_existing_file_keeps_its_owner_when_root(tmp_path: Path) -> None:
    target = tmp_path / "prefs.js"
    target.write_bytes(b"old")
    os.chown(target, 4321, 4322)
    write_atomic(target, b"new")
    info = target.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4322)


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.txt"
    target.write_bytes(b"old")

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
