"""What the packaged program brings along: the embedded profile, the running flag, a start check.

Qt-free so that the GUI start and the command line can both ask, and so it is testable
without a bundle. ``packaging/mail-assistant.spec`` and ``packaging/installer.nsi`` depend on
the names defined here (the build passes them on), so change them only together.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# File name of the profile that ``make bundle PROFILE=…`` puts into the bundle's data folder.
EMBEDDED_PROFILE_NAME = "embedded-profile.mailsetup"

# The installer and uninstaller refuse to run while a mutex of this name exists (Windows,
# session-local namespace: another user's running assistant does not block this user).
MUTEX_NAME = "Local\\MailSetupAssistant.Running"

# Start check of a built bundle (tests/packaging, tests/benchmarks): with this variable set to
# N, the GUI shows its first page, after N ms prints :func:`smoke_report` and quits with 0.
SMOKE_ENV = "MAIL_ASSISTANT_SMOKE_MS"
# The windowed Windows program has no standard output: a start check that names a file here
# gets the line written into it (the installer tests start it through the file association).
SMOKE_FILE_ENV = "MAIL_ASSISTANT_SMOKE_FILE"


def bundle_data_dir() -> Path | None:
    """The frozen program's data folder (PyInstaller's ``sys._MEIPASS``), None from source."""
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if getattr(sys, "frozen", False) and meipass else None


def embedded_profile_path() -> Path | None:
    """The profile built into this bundle, or None (running from source, or built without)."""
    data_dir = bundle_data_dir()
    if data_dir is None:
        return None
    path = data_dir / EMBEDDED_PROFILE_NAME
    return path if path.is_file() else None


def single_instance_mutex() -> int | None:
    """Create the named mutex the installer checks; keep it for the life of the process.

    Returns the Windows handle (the OS closes it when the process ends), None elsewhere or if
    Windows refuses. The assistant does not refuse a second instance: the mutex only tells the
    installer and uninstaller that files are in use.
    """
    if sys.platform != "win32":
        return None
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    kernel32.CreateMutexW.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.c_wchar_p)
    handle: int | None = kernel32.CreateMutexW(None, 0, MUTEX_NAME)
    return handle or None


def smoke_quit_after_ms() -> int | None:
    """Milliseconds after which a start check reports and quits; None in normal use."""
    value = os.environ.get(SMOKE_ENV, "")
    return int(value) if value.isascii() and value.isdigit() else None


def smoke_report(page: str, title: str, organisation: str) -> str:
    """The one line a start check prints: which page is shown, and whose profile is loaded."""
    import json  # only start checks print this line: keep it off the start path

    return json.dumps({"smoke": 1, "page": page, "title": title, "organisation": organisation},
                      ensure_ascii=False)


def emit_smoke_report(line: str) -> None:
    """Write the start check's line to ``$MAIL_ASSISTANT_SMOKE_FILE`` if set, then print it.

    The file first: it is what a windowed program's check reads, and it does not depend on
    what the program was given as standard output.
    """
    path = os.environ.get(SMOKE_FILE_ENV)
    if path:
        Path(path).write_text(line + "\n", encoding="utf-8")
    if sys.stdout is not None:
        print(line, flush=True)
