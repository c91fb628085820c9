"""Is classic Outlook installed? Asked of the registry, so only meaningful on Windows."""

from __future__ import annotations

import sys

from assistant.clients.outlook.registry import Winreg, key_exists, system_winreg

# Classic Outlook registers outlook.exe under App Paths (MSI installs in the native or the
# 32-bit view); Click-to-Run keeps that key in its virtual registry. "New Outlook" (olk.exe)
# does not register outlook.exe and cannot use our files, so it rightly counts as absent.
_APP_PATHS = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\outlook.exe"
_CLICK_TO_RUN = "\\".join((r"SOFTWARE\Microsoft\Office\ClickToRun\REGISTRY\MACHINE", _APP_PATHS))


def outlook_installed(reg: Winreg | None = None, platform: str = sys.platform) -> bool:
    """True when classic Outlook (2016–365) is installed on this Windows PC; False elsewhere."""
    if platform != "win32":
        return False
    reg = reg or system_winreg()
    views = (reg.KEY_WOW64_64KEY, reg.KEY_WOW64_32KEY)
    return (
        any(key_exists(reg, reg.HKEY_LOCAL_MACHINE, _APP_PATHS, view) for view in views)
        or key_exists(reg, reg.HKEY_LOCAL_MACHINE, _CLICK_TO_RUN)
        or key_exists(reg, reg.HKEY_CURRENT_USER, _APP_PATHS)
    )
