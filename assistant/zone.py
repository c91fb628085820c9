"""Where Windows says a file came from: its Mark-of-the-Web (``<file>:Zone.Identifier``).

Browsers and mail programs on Windows attach an alternate data stream to a downloaded file::

    [ZoneTransfer]
    ZoneId=3
    HostUrl=https://example.net/forged.mailsetup

The assistant only *shows* this (a profile from the Internet zone is named as such on the
trust page); it never makes a profile trusted. Other systems have no such stream, so
:func:`zone_of` returns None there.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from assistant.files import FileReadError, read_bounded

STREAM = ":Zone.Identifier"
MAX_STREAM = 4096
MAX_URL_SHOWN = 300


class ZoneId(IntEnum):
    LOCAL = 0
    INTRANET = 1
    TRUSTED = 2
    INTERNET = 3
    RESTRICTED = 4


@dataclass(frozen=True)
class Zone:
    zone: ZoneId
    host_url: str = ""      # where it was downloaded from, when the program said
    referrer_url: str = ""

    @property
    def from_outside(self) -> bool:
        """Downloaded from the Internet (or a site the person marked restricted)."""
        return self.zone in (ZoneId.INTERNET, ZoneId.RESTRICTED)


def zone_of(path: Path, *, windows: bool | None = None) -> Zone | None:
    """The file's zone, or None: not Windows, no stream, or one that cannot be read."""
    if not (sys.platform == "win32" if windows is None else windows):
        return None
    try:
        data = read_bounded(str(path) + STREAM, MAX_STREAM)
    except FileReadError:
        return None
    return parse_zone(data.decode("utf-8", "replace").removeprefix("\ufeff"))


def parse_zone(text: str) -> Zone | None:
    """The ``[ZoneTransfer]`` section's values; None without a known ``ZoneId``."""
    values: dict[str, str] = {}
    section = ""
    for raw in text.splitlines():
        line = raw.strip().lstrip("\ufeff")
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
        elif section == "zonetransfer" and "=" in line:
            name, _, value = line.partition("=")
            values.setdefault(name.strip().lower(), value.strip())
    try:
        zone = ZoneId(int(values.get("zoneid", "")))
    except ValueError:
        return None
    return Zone(zone, _printable(values.get("hosturl", "")),
                _printable(values.get("referrerurl", "")))


def _printable(url: str) -> str:
    return "".join(ch for ch in url if ch.isprintable())[:MAX_URL_SHOWN]
