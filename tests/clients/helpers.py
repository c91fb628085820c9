"""Hostile values, a small .reg reader and a fake winreg for the client-writer tests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Values a careless writer would let escape from its string: quotes, backslashes, markup,
# CDATA end, INI/.reg syntax, non-ASCII (Japanese, emoji, RTL) and a very long one.
HOSTILE = [
    'Taro "the quoted" Yamada',
    "back\\slash\\\\double",
    "<script>alert(1)</script>",
    "a & b &amp; c",
    "]]> end of cdata",
    "[Section]",
    "key=value; comment",
    '"quoted at both ends"',
    "'single'",
    "山田 花子（みどり教会）",
    "emoji 📧 and RTL \u05e9\u05dc\u05d5\u05dd",
    "%EMAILADDRESS% literal",
    "x" * 3000,
]
# Values no line-based format may carry: each must be refused with a code.
CONTROL = ["line\nbreak", "carriage\rreturn", "nul\0byte", "crlf\r\n[Injected]\r\nkey=1",
           "escape\x1b[31m"]


def read_reg(data: bytes) -> dict[str, dict[str, tuple[str, Any]]]:
    """Parse a .reg file (UTF-16 LE with BOM) into {key: {name: (kind, value)}}.

    kind is "sz", "dword", "delete" or "hex(N)"; hex data is returned as bytes. Strict: any
    line it does not understand raises, so an injected line cannot go unnoticed.
    """
    assert data.startswith(b"\xff\xfe"), "BOM missing"
    text = data[2:].decode("utf-16-le")
    assert "\n" not in text.replace("\r\n", ""), "bare LF"
    lines = text.split("\r\n")
    assert lines[0] == "Windows Registry Editor Version 5.00"
    joined: list[str] = []
    for line in lines[1:]:
        if joined and joined[-1].endswith("\\") and re.fullmatch(r"  [0-9a-f,]+\\?", line):
            joined[-1] = joined[-1][:-1] + line.strip()
        else:
            joined.append(line)
    result: dict[str, dict[str, tuple[str, Any]]] = {}
    current: dict[str, tuple[str, Any]] | None = None
    for line in joined:
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = result.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"value outside a key: {line!r}"
        match = re.fullmatch(r'"((?:[^"\\]|\\.)*)"=(.*)', line)
        assert match, f"not a value line: {line!r}"
        name = re.sub(r"\\(.)", r"\1", match.group(1))
        rest = match.group(2)
        assert name not in current, f"duplicate value {name!r}"
        if rest == "-":
            current[name] = ("delete", None)
        elif m := re.fullmatch(r'"((?:[^"\\]|\\.)*)"', rest):
            current[name] = ("sz", re.sub(r"\\(.)", r"\1", m.group(1)))
        elif m := re.fullmatch(r"dword:([0-9a-f]{8})", rest):
            current[name] = ("dword", int(m.group(1), 16))
        elif m := re.fullmatch(r"(hex(?:\([0-9a-f]+\))?):([0-9a-f,]*)", rest):
            raw = bytes(int(x, 16) for x in m.group(2).split(",") if x)
            current[name] = (m.group(1), raw)
        else:
            raise AssertionError(f"unknown value syntax: {line!r}")
    return result


def reg_string(kind: str, value: Any) -> str:
    """A REG_SZ value read by read_reg, whether quoted or hex(1)-encoded."""
    if kind == "sz":
        return str(value)
    assert kind == "hex(1)"
    text = bytes(value).decode("utf-16-le")
    assert text.endswith("\0")
    return text[:-1]


@dataclass
class FakeKey:
    values: dict[str, tuple[Any, int]] = field(default_factory=dict)

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


class FakeWinreg:
    """In-memory registry with winreg's names; keys are (hive, path-lowercase)."""

    HKEY_CURRENT_USER = "HKCU"
    HKEY_LOCAL_MACHINE = "HKLM"
    KEY_READ = 0x20019
    KEY_SET_VALUE = 0x0002
    KEY_WOW64_64KEY = 0x0100
    KEY_WOW64_32KEY = 0x0200
    REG_SZ = 1
    REG_DWORD = 4

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], FakeKey] = {}
        self.opened: list[tuple[str, str, int]] = []

    def add(self, hive: str, path: str, **values: tuple[Any, int]) -> FakeKey:
        key = self.keys.setdefault((hive, path.lower()), FakeKey())
        key.values.update(values)
        return key

    def OpenKey(self, key: Any, sub_key: str, reserved: int = 0, access: int = 0) -> FakeKey:
        self.opened.append((key, sub_key, access))
        try:
            return self.keys[(key, sub_key.lower())]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None

    def CreateKeyEx(self, key: Any, sub_key: str, reserved: int = 0,
                    access: int = 0) -> FakeKey:
        return self.keys.setdefault((key, sub_key.lower()), FakeKey())

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[Any, int]:
        try:
            return key.values[name]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, value: Any) -> None:
        if kind == self.REG_DWORD:
            assert isinstance(value, int) and 0 <= value < 2**32
        if kind == self.REG_SZ:
            assert isinstance(value, str)
        key.values[name] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        try:
            del key.values[name]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None
