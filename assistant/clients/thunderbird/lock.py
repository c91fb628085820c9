"""Is Thunderbird using a profile right now? (``toolkit/profile/nsProfileLock.cpp``)

Windows: Thunderbird keeps ``parent.lock`` open with share mode 0 while it runs and never
deletes it, so only a failed exclusive open proves it is in use. Unix: Thunderbird holds an
fcntl write lock on ``.parentlock`` (we try to take the same lock, without blocking) and keeps
a ``lock`` symlink whose target is ``IP:+PID`` (checked only when the PID is on this host; a
stale link left by a crash does not count).
"""

from __future__ import annotations

import errno
import ipaddress
import os
import re
import socket
import sys
from pathlib import Path


def profile_in_use(profile_dir: Path) -> bool:
    if sys.platform == "win32":
        return _windows_locked(profile_dir / "parent.lock")
    return _fcntl_locked(profile_dir / ".parentlock") or _symlink_locked(profile_dir / "lock")


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _GENERIC_READ = 0x80000000
    _OPEN_EXISTING = 3
    _FILE_ATTRIBUTE_NORMAL = 0x80
    _ERROR_SHARING_VIOLATION = 32
    _ERROR_LOCK_VIOLATION = 33
    _INVALID_HANDLE = wintypes.HANDLE(-1).value

    def _windows_locked(path: Path) -> bool:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateFileW.restype = wintypes.HANDLE
        kernel32.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD,
                                         wintypes.LPVOID, wintypes.DWORD, wintypes.DWORD,
                                         wintypes.HANDLE]
        handle = kernel32.CreateFileW(str(path), _GENERIC_READ, 0, None, _OPEN_EXISTING,
                                      _FILE_ATTRIBUTE_NORMAL, None)
        if handle == _INVALID_HANDLE:
            return ctypes.get_last_error() in (_ERROR_SHARING_VIOLATION, _ERROR_LOCK_VIOLATION)
        kernel32.CloseHandle(handle)
        return False

else:
    import fcntl

    def _fcntl_locked(path: Path) -> bool:
        """Try Gecko's own lock (fcntl F_SETLK, write, whole file) and let it go at once."""
        try:
            fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return False  # no lock file: nobody ever locked it (or we cannot look: not ours)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EAGAIN):
                return True
            raise
        else:
            fcntl.lockf(fd, fcntl.LOCK_UN)
            return False
        finally:
            os.close(fd)


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
    """The old ``lock`` symlink: "IP:+PID". Another host's lock counts (Gecko agrees)."""
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
