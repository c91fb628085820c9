"""The few registry operations the Outlook writer needs, behind a winreg-shaped interface.

Real ``winreg`` exists only on Windows; tests pass a fake with the same names, so this code is
exercised everywhere even though it can only take effect on a Windows PC.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Sequence
from typing import Any, Protocol, cast

from assistant.clients.outlook.regfile import REG_DWORD, REG_SZ, RegValue

HIVE_NAME = "HKEY_CURRENT_USER"
AUTODISCOVER_KEY = r"Software\Microsoft\Office\16.0\Outlook\AutoDiscover"

# Skip every network lookup that could win over the local file (docs/background.md).
EXCLUDE_SWITCHES = (
    "ExcludeScpLookup",
    "ExcludeHttpsRootDomain",
    "ExcludeHttpsAutoDiscoverDomain",
    "ExcludeHttpRedirect",
    "ExcludeSrvRecord",
    "ExcludeLastKnownGoodURL",
    "ExcludeExplicitO365Endpoint",
)


class Winreg(Protocol):
    """The subset of the ``winreg`` module used here."""

    HKEY_CURRENT_USER: Any
    HKEY_LOCAL_MACHINE: Any
    KEY_READ: int
    KEY_SET_VALUE: int
    KEY_WOW64_32KEY: int
    KEY_WOW64_64KEY: int

    def OpenKey(self, key: Any, sub_key: str, reserved: int = 0,
                access: int = ...) -> Any: ...
    def CreateKeyEx(self, key: Any, sub_key: str, reserved: int = 0,
                    access: int = ...) -> Any: ...
    def QueryValueEx(self, key: Any, name: str) -> tuple[Any, int]: ...
    def SetValueEx(self, key: Any, name: str, reserved: int,
                   kind: int, value: Any) -> None: ...
    def DeleteValue(self, key: Any, name: str) -> None: ...


def system_winreg() -> Winreg:
    """The real module (Windows only; imported lazily so the package loads everywhere)."""
    return cast(Winreg, importlib.import_module("winreg"))


def autodiscover_values(domain: str, xml_path: str) -> list[RegValue]:
    """PreferLocalXML, the Exclude switches, and ``<domain>`` = path of the POX file."""
    return [
        RegValue("PreferLocalXML", REG_DWORD, 1),
        *(RegValue(name, REG_DWORD, 1) for name in EXCLUDE_SWITCHES),
        RegValue(domain, REG_SZ, xml_path),
    ]


def read_values(reg: Winreg, key: str, names: Sequence[str]) -> list[RegValue]:
    """Current values under HKCU\\``key`` (data None where a value or the key is missing)."""
    try:
        handle = reg.OpenKey(reg.HKEY_CURRENT_USER, key, 0, reg.KEY_READ)
    except FileNotFoundError:
        return [RegValue(name, REG_SZ, None) for name in names]
    current = []
    with handle:
        for name in names:
            try:
                data, kind = reg.QueryValueEx(handle, name)
            except FileNotFoundError:
                current.append(RegValue(name, REG_SZ, None))
            else:
                current.append(RegValue(name, kind, data))
    return current


def write_values(reg: Winreg, key: str, values: Sequence[RegValue]) -> None:
    """Set (or delete, for data None) each value under HKCU\\``key``, creating the key."""
    with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, key, 0,
                         reg.KEY_READ | reg.KEY_SET_VALUE) as handle:
        for value in values:
            if value.data is None:
                with contextlib.suppress(FileNotFoundError):
                    reg.DeleteValue(handle, value.name)
            else:
                reg.SetValueEx(handle, value.name, 0, value.kind, value.data)


def key_exists(reg: Winreg, hive: Any, key: str, view: int = 0) -> bool:
    """Whether ``key`` exists in ``hive`` (``view``: KEY_WOW64_32KEY/64KEY or 0)."""
    try:
        handle = reg.OpenKey(hive, key, 0, reg.KEY_READ | view)
    except OSError:
        return False
    with handle:
        return True
