"""Registry values and the ``.reg`` text that carries them (regedit's "Version 5.00" format).

Used for the values applied on a Windows PC elsewhere and for the undo file written before the
registry is changed. Strings are quoted with ``\\`` and ``"`` escaped; anything a quoted string
cannot hold (line breaks, NUL) is written as ``hex(1):`` UTF-16 bytes instead, so no value can
start a new line, key or value. The file is UTF-16 LE with BOM and CRLF, as regedit writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.clients.exports.values import control_character
from assistant.errors import ValidationError

# Value types (winreg's constants; defined here because winreg exists only on Windows).
REG_SZ = 1
REG_EXPAND_SZ = 2
REG_BINARY = 3
REG_DWORD = 4
REG_MULTI_SZ = 7
REG_QWORD = 11

RegData = str | int | bytes | list[str]
HEADER = "Windows Registry Editor Version 5.00"
_HEX_PER_LINE = 25


@dataclass(frozen=True)
class RegValue:
    """One named value; ``data`` None means "delete this value" (``"name"=-``)."""

    name: str
    kind: int
    data: RegData | None


def _has_control(text: str) -> bool:
    """Control characters, lone surrogates and Unicode line/paragraph separators."""
    return control_character(text) is not None


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def value_bytes(kind: int, data: RegData) -> bytes:
    """The raw bytes Windows stores for ``data`` of type ``kind`` (for ``hex(N):``)."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, list):
        return "".join(item + "\0" for item in data).encode("utf-16-le") + b"\0\0"
    if isinstance(data, str):
        return (data + "\0").encode("utf-16-le")
    size = 8 if kind == REG_QWORD else 4
    return data.to_bytes(size, "little", signed=False)


def _hex(kind: int, raw: bytes) -> str:
    tag = "hex" if kind == REG_BINARY else f"hex({kind:x})"
    octets = [f"{b:02x}" for b in raw]
    lines = [",".join(octets[i:i + _HEX_PER_LINE]) for i in range(0, len(octets), _HEX_PER_LINE)]
    # regedit wraps long data with a trailing backslash and two spaces of indentation.
    return f"{tag}:" + ",\\\r\n  ".join(lines)


def _line(value: RegValue) -> str:
    if _has_control(value.name):
        raise ValidationError("outlook.reg_invalid_name", field="registry", name=repr(value.name))
    name = _quote(value.name)
    data = value.data
    if data is None:
        return f"{name}=-"
    if value.kind == REG_DWORD and isinstance(data, int):
        return f"{name}=dword:{data:08x}"
    if value.kind == REG_SZ and isinstance(data, str) and not _has_control(data):
        return f"{name}={_quote(data)}"
    return f"{name}=" + _hex(value.kind, value_bytes(value.kind, data))


def reg_file(key: str, values: Sequence[RegValue]) -> bytes:
    """A complete .reg file setting (or deleting) ``values`` under the full ``key`` path."""
    if _has_control(key) or "]" in key:
        raise ValidationError("outlook.reg_invalid_name", field="registry", name=repr(key))
    lines = [HEADER, "", f"[{key}]", *(_line(v) for v in values), ""]
    return "\ufeff".encode("utf-16-le") + "\r\n".join(lines).encode("utf-16-le")
