"""Thunderbird on a Windows PC beyond the standard folders: a custom install folder, and the
Microsoft Store (MSIX) package.

- Custom folder: Mozilla's installer records the folder under ``App Paths\\thunderbird.exe``
  (HKCU for a per-user install, HKLM otherwise) and under
  ``SOFTWARE\\Mozilla\\Mozilla Thunderbird\\<CurrentVersion>\\Main`` as ``Install Directory``.
  The folder matters for the install hash that names its default profile in profiles.ini.
- Microsoft Store: the package's writes to %APPDATA% are redirected into
  ``%LOCALAPPDATA%\\Packages\\<package family>\\LocalCache\\Roaming``, so its profiles.ini is
  under ``…\\Thunderbird`` there (unless %APPDATA%\\Thunderbird existed before, which the
  package then uses as it is: that root is searched first anyway).
"""

from __future__ import annotations

import contextlib
from pathlib import Path, PureWindowsPath
from typing import Any

from assistant.clients.outlook.registry import Winreg

APP_PATHS = r"Software\Microsoft\Windows\CurrentVersion\App Paths\thunderbird.exe"
MOZILLA_KEY = r"Software\Mozilla\Mozilla Thunderbird"
# Thunderbird's Store package family names start with this (publisher suffix varies).
STORE_PACKAGE_GLOB = "*Thunderbird*"


def _value(reg: Winreg, hive: Any, key: str, name: str, view: int) -> str | None:
    try:
        handle = reg.OpenKey(hive, key, 0, reg.KEY_READ | view)
    except OSError:
        return None
    with handle:
        try:
            data, _kind = reg.QueryValueEx(handle, name)
        except OSError:
            return None
    return data.strip().strip('"') if isinstance(data, str) and data.strip() else None


def registered_install_dirs(reg: Winreg) -> list[Path]:
    """Folders the installer recorded (per user first, both registry views), existing or not."""
    found: list[Path] = []
    for hive in (reg.HKEY_CURRENT_USER, reg.HKEY_LOCAL_MACHINE):
        for view in (reg.KEY_WOW64_64KEY, reg.KEY_WOW64_32KEY):
            program = _value(reg, hive, APP_PATHS, "", view)
            if program is not None:
                found.append(Path(str(PureWindowsPath(program).parent)))  # a Windows path
            version = _value(reg, hive, MOZILLA_KEY, "CurrentVersion", view)
            if version is not None:
                folder = _value(reg, hive, rf"{MOZILLA_KEY}\{version}\Main",
                                "Install Directory", view)
                if folder is not None:
                    found.append(Path(folder))
    return list(dict.fromkeys(found))


def system_registered_install_dirs() -> list[Path]:
    """:func:`registered_install_dirs` of this PC's registry (Windows only)."""
    from assistant.clients.outlook.registry import system_winreg

    with contextlib.suppress(OSError):
        return registered_install_dirs(system_winreg())
    return []


def store_profile_roots(local_appdata: Path) -> list[Path]:
    """profiles.ini folders of Microsoft Store Thunderbird packages under %LOCALAPPDATA%."""
    packages = local_appdata / "Packages"
    with contextlib.suppress(OSError):
        return sorted(package / "LocalCache" / "Roaming" / "Thunderbird"
                      for package in packages.glob(STORE_PACKAGE_GLOB) if package.is_dir())
    return []
