"""No crash dump of this process: a core file of a login check contains the password.

Called first thing at start (:func:`assistant.cli.main`). POSIX: the core size limit
(RLIMIT_CORE) is set to 0; the hard limit is left as it is, since an unprivileged process
could never raise it again (and the tests call the start many times in one process).
Windows: no error dialog that offers to send a dump (SetErrorMode), and Windows Error
Reporting is told to leave this program out (WerAddExcludedApplication); each step guarded,
since a start must never fail for this.
"""

from __future__ import annotations

import contextlib
import sys

# SetErrorMode flags: no critical-error box, no fault box (WER's dump offer), no open-file box.
_SEM_FLAGS = 0x0001 | 0x0002 | 0x8000


def disable_crash_dumps() -> bool:
    """Switch crash dumps off for this process; True if the system accepted it."""
    if sys.platform == "win32":
        return _windows()
    try:
        import resource
    except ImportError:
        return False
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    except (OSError, ValueError):
        return False
    return True


def _windows() -> bool:
    import ctypes

    ok = False
    with contextlib.suppress(OSError, AttributeError):
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
        kernel32.SetErrorMode(_SEM_FLAGS)
        ok = True
    with contextlib.suppress(OSError, AttributeError):
        wer = ctypes.WinDLL("wer")  # type: ignore[attr-defined,unused-ignore]
        wer.WerAddExcludedApplication.argtypes = (ctypes.c_wchar_p, ctypes.c_int)
        ok = wer.WerAddExcludedApplication(sys.executable, 0) == 0 and ok
    return ok
