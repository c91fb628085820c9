"""Thunderbird's profile lock: held while we write, examined without failing open.

A second process stands in for Thunderbird here: it takes the same lock Thunderbird takes
(fcntl F_SETLK, write lock, whole ``.parentlock``). test_real_lock.py does the same with
the real Thunderbird. Windows is driven through a fake kernel32 (no Windows here).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.atomic import write_atomic as atomic_write
from assistant.clients.thunderbird import apply_account, lock, profile_in_use, writer
from assistant.clients.thunderbird.lock import profile_locked
from assistant.clients.thunderbird.prefs_syntax import parse_prefs, pref_map
from assistant.errors import AssistantError
from tests.paths import ROOT
from tests.thunderbird.helpers import OTHER_ACCOUNT_PREFS, account, lock_held_elsewhere

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534
READ_ONLY = 0o644 if AS_ROOT else 0o444  # not writable for the checking user

# Thunderbird's own attempt (nsProfileLock::LockWithFcntl): F_SETLK, F_WRLCK, l_len 0.
TRY_LOCK = (
    "import errno, fcntl, os, sys\n"
    "fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o644)\n"
    "try:\n"
    "    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
    "except OSError as exc:\n"
    "    print('refused' if exc.errno in (errno.EACCES, errno.EAGAIN) else exc)\n"
    "else:\n"
    "    print('locked')\n"
)

def other_process_tries(profile: Path) -> str:
    """What a starting Thunderbird would get: "refused" or "locked"."""
    out = subprocess.run([sys.executable, "-c", TRY_LOCK, str(profile / ".parentlock")],
                         capture_output=True, text=True, timeout=30, check=True)
    return out.stdout.strip()


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    directory = tmp_path / "p"
    directory.mkdir()
    (directory / "prefs.js").write_text(OTHER_ACCOUNT_PREFS, encoding="utf-8")
    return directory


# --------------------------------------------------------------------------- finding 1

def test_writer_holds_thunderbirds_lock_while_it_reads_backs_up_and_writes(
        profile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, str] = {}
    real_read, real_backup, real_write = writer.read_prefs, writer._backup, atomic_write

    def read_prefs(path: Path) -> Any:
        if path.name == "prefs.js":
            seen["read"] = other_process_tries(profile)
        return real_read(path)

    def backup(path: Path, data: bytes) -> Path:
        seen["backup"] = other_process_tries(profile)
        return real_backup(path, data)

    def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
        seen["write"] = other_process_tries(profile)
        real_write(path, data, mode)

    monkeypatch.setattr(writer, "read_prefs", read_prefs)
    monkeypatch.setattr(writer, "_backup", backup)
    monkeypatch.setattr(writer, "write_atomic", write_atomic)
    report = apply_account(account(), profile)
    assert seen == {"read": "refused", "backup": "refused", "write": "refused"}
    assert report.backup is not None
    assert other_process_tries(profile) == "locked"  # released afterwards
    assert not os.path.lexists(profile / "lock")  # no symlink of ours left behind


def test_lock_is_released_when_the_write_fails(profile: Path) -> None:
    (profile / "prefs.js").write_text('user_pref("x", "unterminated);\n', encoding="utf-8")
    with pytest.raises(AssistantError):
        apply_account(account(), profile)
    assert other_process_tries(profile) == "locked"


def test_a_status_check_meanwhile_does_not_drop_our_lock(profile: Path) -> None:
    """A classic POSIX lock vanishes when the process closes any descriptor of the file;
    the wizard may check the status while a write is going on."""
    with profile_locked(profile):
        assert profile_in_use(profile)  # and that check opened and closed .parentlock
        assert other_process_tries(profile) == "refused"
    assert not profile_in_use(profile)


def test_profile_held_by_another_process_is_refused_before_anything(profile: Path) -> None:
    with lock_held_elsewhere(profile):
        assert profile_in_use(profile)
        with pytest.raises(AssistantError) as info:
            apply_account(account(), profile)
        assert info.value.code == "thunderbird.profile_in_use"
        with pytest.raises(AssistantError) as info, profile_locked(profile):
            pass
        assert info.value.code == "thunderbird.profile_in_use"
    assert (profile / "prefs.js").read_text(encoding="utf-8") == OTHER_ACCOUNT_PREFS
    assert sorted(p.name for p in profile.iterdir()) == [".parentlock", "prefs.js"]


def test_missing_parentlock_is_created_and_locked(tmp_path: Path) -> None:
    with profile_locked(tmp_path):
        assert (tmp_path / ".parentlock").is_file()
        assert other_process_tries(tmp_path) == "refused"
    assert other_process_tries(tmp_path) == "locked"


# --------------------------------------------------------------------------- finding 2

@pytest.fixture
def shared_profile() -> Iterator[Path]:
    """A profile another (unprivileged) user can reach, outside pytest's private tmp."""
    directory = Path(tempfile.mkdtemp(prefix="tb-lock-"))
    os.chmod(directory, 0o755)
    (directory / ".parentlock").touch(mode=0o644)
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def check_as_someone_who_cannot_write(profile: Path, mode: int) -> dict[str, Any]:
    """profile_in_use run by a user for whom .parentlock is not writable (``mode``).

    As root: the check runs as nobody (the file stays root's), with the system Python
    (the venv's interpreter may live under /root). Otherwise: the file gets ``mode`` and
    the check runs as ourselves (the owner is refused too).
    """
    os.chmod(profile / ".parentlock", mode)
    python = sys.executable
    if AS_ROOT:
        python = shutil.which("python3", path="/usr/bin:/bin") or ""
        if not python:
            pytest.skip("no system python3 to run a check as another user")
    code = ("import json, sys\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\n"
            "import importlib.util\n"
            "from assistant.errors import AssistantError\n"
            "# lock.py alone: the package would pull in the venv's third-party modules\n"
            "spec = importlib.util.spec_from_file_location('tb_lock', sys.argv[2])\n"
            "module = importlib.util.module_from_spec(spec)\n"
            "spec.loader.exec_module(module)\n"
            "profile_in_use = module.profile_in_use\n"
            "try:\n"
            "    print(json.dumps({'in_use': profile_in_use(Path(sys.argv[1]))}))\n"
            "except AssistantError as exc:\n"
            "    print(json.dumps({'error': exc.code}))\n")
    extra: dict[str, Any] = {"user": NOBODY, "group": NOBODY, "extra_groups": []} \
        if AS_ROOT else {}
    out = subprocess.run([python, "-c", code, str(profile), lock.__file__], capture_output=True,
                         text=True, timeout=30, check=True, cwd="/", **extra)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def test_lock_held_is_seen_through_a_read_only_parentlock(shared_profile: Path) -> None:
    with lock_held_elsewhere(shared_profile):
        assert check_as_someone_who_cannot_write(shared_profile, READ_ONLY) == {"in_use": True}
    assert check_as_someone_who_cannot_write(shared_profile, READ_ONLY) == {"in_use": False}


def test_unreadable_parentlock_is_an_error_not_not_running(shared_profile: Path) -> None:
    assert check_as_someone_who_cannot_write(shared_profile, 0o000) == \
        {"error": "thunderbird.lock_unknown"}


def test_writer_without_write_access_still_excludes_thunderbird(
        profile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """.parentlock not writable for us: a read lock on it keeps Thunderbird out as well."""
    (profile / ".parentlock").touch()
    real_open = os.open

    def no_write_open(path: Any, flags: int, *args: Any) -> int:
        if str(path).endswith(".parentlock") and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", no_write_open)  # the os module lock.py uses
    with profile_locked(profile):
        assert other_process_tries(profile) == "refused"
    assert other_process_tries(profile) == "locked"


# --------------------------------------------------------------------------- finding 4

def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_symlink_with_a_foreign_or_dead_pid_cannot_hide_a_held_lock(profile: Path) -> None:
    """Flatpak: the link names the sandbox's PID, meaningless (often dead) out here."""
    os.symlink(f"127.0.0.1:+{dead_pid()}", profile / "lock")
    with lock_held_elsewhere(profile):
        assert profile_in_use(profile)
        with pytest.raises(AssistantError) as info:
            apply_account(account(), profile)
        assert info.value.code == "thunderbird.profile_in_use"
    assert not profile_in_use(profile)  # a crash's stale link alone does not block
    report = apply_account(account(), profile)
    assert pref_map(parse_prefs(report.target.read_bytes()))["mail.server.server2.port"] == 993
    assert os.readlink(profile / "lock").startswith("127.0.0.1:+")  # not ours to remove


def test_live_symlink_adds_running_even_with_a_free_fcntl_lock(profile: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        os.symlink(f"127.0.0.1:+{sleeper.pid}", profile / "lock")
        with pytest.raises(AssistantError) as info:
            apply_account(account(), profile)
        assert info.value.code == "thunderbird.profile_in_use"
    finally:
        sleeper.kill()
        sleeper.wait()
    assert other_process_tries(profile) == "locked"  # refused, and the lock let go


# --------------------------------------------------------------------------- Windows (fake)

class FakeKernel32:
    """CreateFileW/CloseHandle with Windows' sharing rule for one file: share mode 0."""

    def __init__(self, held_by_thunderbird: bool = False, error: int | None = None) -> None:
        self.held_by_thunderbird = held_by_thunderbird
        self.error = error
        self.calls: list[tuple[str, int, int, int]] = []
        self.open_handles: set[int] = set()
        self.last_error = 0

    def CreateFileW(self, path: str, access: int, share: int, security: None,
                    disposition: int, flags: int, template: None) -> int:
        self.calls.append((path, access, share, disposition))
        if self.error is not None:
            self.last_error = self.error
            return lock._INVALID_HANDLE
        if self.held_by_thunderbird or self.open_handles:
            self.last_error = 32  # ERROR_SHARING_VIOLATION
            return lock._INVALID_HANDLE
        handle = 100 + len(self.calls)
        self.open_handles.add(handle)
        return handle

    def CloseHandle(self, handle: int) -> bool:
        self.open_handles.remove(handle)
        return True


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeKernel32]:
    fake = FakeKernel32()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(lock, "_kernel32", lambda: fake)
    monkeypatch.setattr(lock, "_last_error", lambda: fake.last_error)
    yield fake


def test_windows_writer_keeps_parent_lock_open_exclusively(
        windows: FakeKernel32, profile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    during: list[bool] = []
    real_write = atomic_write

    def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
        during.append(profile_in_use(profile))  # what a starting Thunderbird would meet
        real_write(path, data, mode)

    monkeypatch.setattr(writer, "write_atomic", write_atomic)
    apply_account(account(), profile)
    assert during == [True]
    assert windows.calls[0] == (str(profile / "parent.lock"), lock._GENERIC_READ, 0,
                                lock._OPEN_ALWAYS)
    assert windows.open_handles == set()  # closed afterwards
    assert not profile_in_use(profile)


def test_windows_thunderbird_running_is_refused(windows: FakeKernel32, profile: Path) -> None:
    windows.held_by_thunderbird = True
    assert profile_in_use(profile)
    with pytest.raises(AssistantError) as info:
        apply_account(account(), profile)
    assert info.value.code == "thunderbird.profile_in_use"
    assert (profile / "prefs.js").read_text(encoding="utf-8") == OTHER_ACCOUNT_PREFS


@pytest.mark.parametrize(("error", "expected"), [(2, False), (5, "thunderbird.lock_unknown")])
def test_windows_other_errors(windows: FakeKernel32, profile: Path, error: int,
                              expected: object) -> None:
    """No parent.lock: Thunderbird never ran there. Access denied: we cannot tell."""
    windows.error = error
    if expected is False:
        assert profile_in_use(profile) is False
        return
    with pytest.raises(AssistantError) as info:
        profile_in_use(profile)
    assert info.value.code == expected
    with pytest.raises(AssistantError) as info:
        apply_account(account(), profile)
    assert info.value.code == expected
