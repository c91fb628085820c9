"""A Wine prefix for one test: programs run in it, its registry and files read through the
Windows Python the build installed (packaging/windows-build.sh), its X display a private Xvfb.

Wine runs only local programs here; nothing in these tests opens a network connection.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any

# Mono/Gecko prompts off, the prefix's colour-profile shim instead of Wine's mscms, and no
# desktop menu entries written into the Linux user's menus.
DLL_OVERRIDES = "mscoree,mshtml=;mscms=n;winemenubuilder.exe=d"
# Wine takes the Windows locale (and so the ANSI code page and the UI language NSIS picks)
# from the Unix locale: ja gives code page 932, en code page 1252.
LOCALES = {"ja": "ja_JP.UTF-8", "en": "C.UTF-8"}
WINDOWS_PYTHON = r"C:\python\python.exe"
STEP = 0.2
# Waits for a frozen Qt program under Wine on the shared 2-core machine (starts are slow under
# load): this long, so only a program that never gets there fails.
LONG = 300.0


def wait_for(check: Any, what: str, limit: float = 120.0) -> Any:
    """Poll ``check()`` until it returns something true (bounded; the limit is generous, the
    machine is shared): the value, or AssertionError naming ``what``."""
    end = time.monotonic() + limit
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(STEP)


@dataclass
class Wine:
    prefix: Path
    home: Path
    display: str
    lang: str = "ja"
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    @property
    def user(self) -> str:
        return os.environ.get("USER") or "root"

    def env(self, lang: str | None = None, **extra: str) -> dict[str, str]:
        locale = LOCALES[lang or self.lang]
        base = {key: value for key, value in os.environ.items()
                if not key.startswith(("LC_", "WINE", "QT_"))}
        return {**base, "WINEPREFIX": str(self.prefix), "WINEARCH": "win64", "WINEDEBUG": "-all",
                "WINEDLLOVERRIDES": DLL_OVERRIDES, "HOME": str(self.home), "LANG": locale,
                "LC_ALL": locale, "DISPLAY": self.display, **self.extra_env, **extra}

    def run(self, *args: str, lang: str | None = None, timeout: float = 180,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
        """``wine ARGS`` to the end; output through a pipe (Wine cannot hand a Linux file to a
        Windows program as its standard output)."""
        return subprocess.run(["wine", *args], env=self.env(lang, **(env or {})),
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                              check=False)

    def start(self, *args: str, lang: str | None = None,
              env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        return subprocess.Popen(["wine", *args], env=self.env(lang, **(env or {})),
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)

    def settle(self) -> None:
        """Wait until every program of the prefix has ended (NSIS's uninstaller runs a copy of
        itself from %TEMP% and returns at once)."""
        subprocess.run(["wineserver", "-w"], env=self.env(), timeout=300, check=True)

    def end_all(self) -> None:
        """End every program of this test's own prefix (``wineserver -k``)."""
        subprocess.run(["wineserver", "-k"], env=self.env(), timeout=60, check=False)
        self.settle()

    def python(self, code: str, *args: str) -> Any:
        """Run ``code`` in the Windows Python; it prints one JSON document, returned here."""
        done = self.run(WINDOWS_PYTHON, "-c", code, *args)
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        return json.loads(done.stdout.decode("utf-8"))

    def unix(self, windows: str | PureWindowsPath) -> Path:
        """The Linux path of a ``C:\\…`` path (drive C only)."""
        parts = PureWindowsPath(windows).parts
        assert parts[0].upper() == "C:\\", windows
        return self.drive_c.joinpath(*parts[1:])

    @property
    def local_appdata(self) -> PureWindowsPath:
        return PureWindowsPath(rf"C:\users\{self.user}\AppData\Local")

    @property
    def appdata(self) -> PureWindowsPath:
        return PureWindowsPath(rf"C:\users\{self.user}\AppData\Roaming")

    def registry(self, key: str) -> dict[str, list[Any]] | None:
        """The values of HKCU\\``key`` as {name: [type, data]}, None when the key is missing."""
        return self.python(_READ_KEY, key)  # type: ignore[no-any-return]

    def set_values(self, key: str, values: dict[str, list[Any]]) -> None:
        assert self.python(_WRITE_KEY, key, json.dumps(values)) == "ok"


_READ_KEY = r"""
import json, sys, winreg
try:
    key = winreg.OpenKey(winreg.HKEY_CURRENT_USER, sys.argv[1])
except FileNotFoundError:
    print("null"); sys.exit()
values, index = {}, 0
while True:
    try:
        name, data, kind = winreg.EnumValue(key, index)
    except OSError:
        break
    values[name] = [kind, data.hex() if isinstance(data, bytes) else data]
    index += 1
print(json.dumps(values))
"""

_WRITE_KEY = r"""
import json, sys, winreg
key = winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, sys.argv[1], 0, winreg.KEY_SET_VALUE)
for name, (kind, data) in json.loads(sys.argv[2]).items():
    winreg.SetValueEx(key, name, 0, kind, bytes.fromhex(data) if kind == 3 else data)
print(json.dumps("ok"))
"""


@contextmanager
def xvfb() -> Iterator[str]:
    """A private X server for the installer's windows and the wizard (qwindows under Wine):
    its display, a free number Xvfb picks itself (other test beds on this machine run theirs)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as announced:  # one line, once the server accepts clients
            number = announced.readline().strip()
        assert number.isdigit(), f"Xvfb did not start (exit status {server.poll()})"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(30)


def copy_prefix(pristine: Path, target: Path) -> None:
    """A prefix of its own for a test, copied from the session's freshly booted one."""
    shutil.copytree(pristine, target, symlinks=True)
