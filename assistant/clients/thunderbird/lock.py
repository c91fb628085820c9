"""Thunderbird's own profile lock (``toolkit/profile/nsProfileLock.cpp``): ask it, or hold it.

Unix: a running Thunderbird holds a POSIX write lock (``F_SETLK``, ``F_WRLCK``, whole file) on
``.parentlock`` and keeps a ``lock`` symlink ``IP:+PID``. That fcntl lock is the signal that
counts: it is held by the kernel for the process, whatever PID namespace (Flatpak) or mount
namespace (Snap) it runs in. The symlink can only add "running" (a live local PID, or
another host's link), never clear a held lock.

Windows: Thunderbird keeps ``parent.lock`` open with share mode 0 and never deletes it, so
only a failed exclusive open proves that it is in use.

While we write prefs.js we hold the same lock (:func:`profile_locked`): a Thunderbird started
meanwhile finds the profile locked and says it is already running, instead of starting on a
half-written profile and saving its old prefs over ours at exit. We never create the
``lock`` symlink, so nothing stale is left behind.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import re
import socket
import struct
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError

UNIX_LOCK = ".parentlock"
WINDOWS_LOCK = "parent.lock"
SYMLINK_LOCK = "lock"


def profile_in_use(profile_dir: Path) -> bool:
    """Whether a Thunderbird holds the profile now (a pure query: it takes no lock).

    Raises AssistantError ``thunderbird.lock_unknown`` when the lock cannot be examined:
    we never guess "not running".
    """
    if sys.platform == "win32":
        handle = _windows_open(profile_dir / WINDOWS_LOCK, create=False)
        if handle is None:
            return True
        if handle:
            _kernel32().CloseHandle(handle)
        return False
    return (_fcntl_held_elsewhere(profile_dir / UNIX_LOCK)
            or _symlink_locked(profile_dir / SYMLINK_LOCK))


@contextmanager
def profile_locked(profile_dir: Path) -> Iterator[None]:
    """Hold Thunderbird's lock on ``profile_dir`` (an existing directory) for the block.

    Raises AssistantError ``thunderbird.profile_in_use`` (Thunderbird has it) or
    ``thunderbird.lock_unknown`` (the lock cannot be taken or examined).
    """
    if sys.platform == "win32":
        handle = _windows_open(profile_dir / WINDOWS_LOCK, create=True)
        if handle is None:
            raise AssistantError("thunderbird.profile_in_use", path=str(profile_dir))
        try:
            yield
        finally:
            _kernel32().CloseHandle(handle)
        return
    fd = _fcntl_take(profile_dir)
    try:
        if _symlink_locked(profile_dir / SYMLINK_LOCK):
            raise AssistantError("thunderbird.profile_in_use", path=str(profile_dir))
        yield
    finally:
        os.close(fd)  # releases the lock; .parentlock stays, as Thunderbird leaves it too


# --------------------------------------------------------------------------- Unix: fcntl

if sys.platform == "darwin" or "bsd" in sys.platform:
    _FLOCK = struct.Struct("qqihh")  # l_start, l_len, l_pid, l_type, l_whence

    def _flock(kind: int) -> bytes:
        return _FLOCK.pack(0, 0, 0, kind, os.SEEK_SET)

    def _flock_kind(raw: bytes) -> int:
        return int(_FLOCK.unpack(raw)[3])
else:  # Linux (glibc/musl, 64-bit off_t)
    _FLOCK = struct.Struct("hhqqi4x")  # l_type, l_whence, l_start, l_len, l_pid

    def _flock(kind: int) -> bytes:
        return _FLOCK.pack(kind, os.SEEK_SET, 0, 0, 0)  # l_len 0: the whole file

    def _flock_kind(raw: bytes) -> int:
        return int(_FLOCK.unpack(raw)[0])


def _lock_unknown(path: Path, exc: OSError) -> AssistantError:
    return AssistantError("thunderbird.lock_unknown", path=str(path),
                          reason=exc.strerror or type(exc).__name__)


def _fcntl_held_elsewhere(path: Path) -> bool:
    """F_GETLK for a write lock: does anyone else hold a lock on ``path``?

    A read-only descriptor is enough for the query, so another user's ``.parentlock``
    can be examined too. Our own lock (held through an open file description, see
    :func:`_fcntl_take`) is reported as well.
    """
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return False  # Thunderbird creates it before locking: nobody holds this profile
    except OSError as exc:
        raise _lock_unknown(path, exc) from None
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, _flock(fcntl.F_WRLCK))
    except OSError as exc:
        raise _lock_unknown(path, exc) from None
    finally:
        os.close(fd)
    return _flock_kind(answer) != fcntl.F_UNLCK


def _fcntl_take(profile_dir: Path) -> int:
    """Take the lock Thunderbird takes, without waiting; return the descriptor holding it.

    Write lock on a writable descriptor, else a read lock on a read-only one (it excludes
    Thunderbird's write lock just as well). On Linux an open-file-description lock
    (F_OFD_SETLK): it conflicts with Thunderbird's F_SETLK, but unlike a classic POSIX lock
    it is not dropped when this process closes some other descriptor of the same file
    (a status check running meanwhile) and such a check sees it.
    """
    import fcntl

    path = profile_dir / UNIX_LOCK
    created = not path.exists()
    kind = fcntl.F_WRLCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except PermissionError:
        kind = fcntl.F_RDLCK
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError as exc:
            raise _lock_unknown(path, exc) from None
    except OSError as exc:
        raise _lock_unknown(path, exc) from None
    try:
        if created and os.geteuid() == 0:
            owner = profile_dir.stat()  # run as root for a member: the file must stay theirs
            os.fchown(fd, owner.st_uid, owner.st_gid)
        fcntl.fcntl(fd, getattr(fcntl, "F_OFD_SETLK", fcntl.F_SETLK), _flock(kind))
    except OSError as exc:
        os.close(fd)
        if exc.errno in (errno.EACCES, errno.EAGAIN):
            raise AssistantError("thunderbird.profile_in_use", path=str(profile_dir)) from None
        raise _lock_unknown(path, exc) from None
    return fd


# --------------------------------------------------------------------------- Unix: symlink

def _is_local(address: str) -> bool:
    """Whether an IP belongs to this host: loopback, or one we can bind to (no DNS query)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.is_loopback:
        return True
    family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
    with socket.socket(family, socket.SOCK_DGRAM) as probe:
        try:
            probe.bind((address, 0))
        except OSError:
            return False
    return True


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to someone else
    return True


def _symlink_locked(path: Path) -> bool:
    """The old ``lock`` symlink: "IP:+PID". Another host's lock counts (Gecko agrees).

    Only ever adds "running": a Flatpak Thunderbird writes its sandbox's PID, which means
    nothing here, so a dead-looking PID must not hide a held fcntl lock (callers OR this in).
    """
    try:
        target = os.readlink(path)
    except OSError:
        return False
    address, sep, pid_text = target.rpartition(":+")
    if not sep or not re.fullmatch(r"[0-9]{1,10}", pid_text):  # ASCII only: "²" is a digit
        return False
    if not _is_local(address):
        return True
    return _pid_alive(int(pid_text))


# --------------------------------------------------------------------------- Windows
# Untested on Windows itself; the unit tests drive this code with a fake kernel32.

_GENERIC_READ = 0x80000000
_OPEN_EXISTING = 3
_OPEN_ALWAYS = 4
_FILE_ATTRIBUTE_NORMAL = 0x80
_ERROR_FILE_NOT_FOUND = 2
_ERROR_PATH_NOT_FOUND = 3
_ERROR_SHARING_VIOLATION = 32
_ERROR_LOCK_VIOLATION = 33
_INVALID_HANDLE = (1 << (8 * struct.calcsize("P"))) - 1  # INVALID_HANDLE_VALUE as c_void_p


def _kernel32() -> Any:
    if sys.platform != "win32":
        raise OSError("kernel32 exists only on Windows")
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateFileW.restype = wintypes.HANDLE
    kernel32.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD,
                                     wintypes.LPVOID, wintypes.DWORD, wintypes.DWORD,
                                     wintypes.HANDLE]
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    return kernel32


def _last_error() -> int:
    if sys.platform != "win32":
        raise OSError("GetLastError exists only on Windows")
    import ctypes

    return ctypes.get_last_error()


def _windows_open(path: Path, *, create: bool) -> int | None:
    """Open ``parent.lock`` with share mode 0: the handle (0 when there is no file and
    ``create`` is false), or None when Thunderbird holds it (sharing violation)."""
    handle = _kernel32().CreateFileW(str(path), _GENERIC_READ, 0, None,
                                     _OPEN_ALWAYS if create else _OPEN_EXISTING,
                                     _FILE_ATTRIBUTE_NORMAL, None)
    if handle is not None and handle != _INVALID_HANDLE:
        return int(handle)
    error = _last_error()
    if error in (_ERROR_SHARING_VIOLATION, _ERROR_LOCK_VIOLATION):
        return None
    if not create and error in (_ERROR_FILE_NOT_FOUND, _ERROR_PATH_NOT_FOUND):
        return 0  # Thunderbird never ran on it
    raise AssistantError("thunderbird.lock_unknown", path=str(path),
                         reason=f"Windows error {error}")
