"""Thunderbird's certificate exceptions (cert_override.txt) for a pinned server.

Thunderbird 153 writes one line per host and port (docs/thunderbird.md)::

    HOST:PORT:<TAB>OID.2.16.840.1.101.3.4.2.1<TAB>AB:CD:…<TAB>

``HOST:PORT:`` with empty origin attributes, the SHA-256 OID and the fingerprint; no dbKey
and no override bits. We write only a fingerprint the assistant itself verified (the pin the
member or the church chose, which the login check connected with), and we keep every other
line as it is. The caller holds the profile lock: Thunderbird rewrites the file while it runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.atomic import PRIVATE_MODE, write_atomic
from assistant.errors import AssistantError
from assistant.files import FileReadError, read_bounded
from assistant.net.tls import normalize_fingerprint

OVERRIDES = "cert_override.txt"
MAX_OVERRIDES_BYTES = 4 << 20
SHA256_OID = "OID.2.16.840.1.101.3.4.2.1"
HEADER = ("# PSM Certificate Override Settings file\n"
          "# This is a generated file!  Do not edit.\n")


@dataclass(frozen=True)
class Override:
    host: str
    port: int
    fingerprint: str  # "AB:CD:…", upper case with colons

    @property
    def key(self) -> str:
        """The first field as Thunderbird writes it (IPv6 in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}:"

    def line(self) -> str:
        return f"{self.key}\t{SHA256_OID}\t{self.fingerprint}\t"


def make_override(host: str, port: int, fingerprint: str) -> Override:
    """An override for a verified pin; the host must be a plain name (no field separator)."""
    if not host or any(c in host for c in "\t\r\n ") or not 0 < port < 65536:
        raise AssistantError("thunderbird.value_not_writable")
    return Override(host.lower(), port, normalize_fingerprint(fingerprint))


def _read(profile: Path) -> list[str]:
    path = profile / OVERRIDES
    if not path.exists():
        return []
    try:
        data = read_bounded(path, MAX_OVERRIDES_BYTES)
    except FileReadError as exc:
        raise AssistantError("io.cannot_read", path=str(path), reason=exc.reason) from None
    return data.decode("utf-8", "replace").splitlines()


def _write(profile: Path, lines: list[str]) -> None:
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    path = profile / OVERRIDES
    try:
        write_atomic(path, (HEADER + "".join(ln + "\n" for ln in body)).encode("utf-8"),
                     PRIVATE_MODE)
    except OSError as exc:
        raise AssistantError("io.cannot_write", path=str(path),
                             reason=exc.strerror or type(exc).__name__) from None


def _key_of(line: str) -> str:
    return line.split("\t", 1)[0]


def write_overrides(profile: Path, overrides: list[Override]) -> list[Override]:
    """Add or replace the lines for these host:port pairs; returns what was written."""
    if not overrides:
        return []
    keys = {o.key for o in overrides}
    kept = [ln for ln in _read(profile) if _key_of(ln) not in keys]
    _write(profile, kept + [o.line() for o in overrides])
    return overrides


def read_overrides(profile: Path) -> list[Override]:
    """The SHA-256 overrides the file holds (other kinds of line are skipped)."""
    found = []
    for line in _read(profile):
        fields = line.split("\t")
        if len(fields) < 3 or fields[1] != SHA256_OID or not fields[0].endswith(":"):
            continue
        host_port = fields[0][:-1]
        host, _, port = host_port.rpartition(":")
        if not port.isdigit():
            continue
        try:
            found.append(make_override(host.strip("[]"), int(port), fields[2]))
        except AssistantError:
            continue
    return found


def remove_overrides(profile: Path, endpoints: list[tuple[str, int]]) -> int:
    """Remove the lines for these (host, port) pairs; the number removed."""
    if not (profile / OVERRIDES).exists():
        return 0
    keys = {Override(h.lower(), p, "").key for h, p in endpoints}
    lines = _read(profile)
    kept = [ln for ln in lines if ln.startswith("#") or _key_of(ln) not in keys]
    removed = len(lines) - len(kept)
    if removed:
        _write(profile, kept)
    return removed
