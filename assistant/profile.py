"""The church settings profile file (``*.mailsetup``, TOML): load, parse, dump, save.

What the church admin exports once and the installer carries: organisation, mail domains,
servers in preference order, login-name rule, help contact and notes — never a password.
The format is documented in docs/profile-format.md; the model is in :mod:`profile_model`,
strict reading in :mod:`profile_read`, writing in :mod:`profile_write`.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from assistant.errors import ProfileError
from assistant.files import FileReadError, read_bounded
from assistant.profile_model import (
    FORMAT_VERSION,
    MAX_PROFILE_BYTES,
    PROFILE_SUFFIX,
    Contact,
    SettingsProfile,
)
from assistant.profile_read import parse_profile
from assistant.signature import MAX_SIGNATURE_LINE, split_signed

__all__ = [
    "FORMAT_VERSION",
    "MAX_PROFILE_BYTES",
    "PROFILE_SUFFIX",
    "Contact",
    "SettingsProfile",
    "decode_profile",
    "dump_profile",
    "load_profile",
    "parse_profile",
    "read_profile_file",
    "save_profile",
]


def load_profile(path: str | Path) -> SettingsProfile:
    """Read and validate a profile file (bounded, regular files only: see
    :func:`read_profile_file`). Says nothing about whose word it is: that is
    :func:`assistant.profile_trust.load_trusted_profile`."""
    path = Path(path)
    return decode_profile(read_profile_file(path), str(path))


def read_profile_file(path: Path) -> bytes:
    """The file's bytes through :func:`assistant.files.read_bounded`: a FIFO, a device or a
    link to one is refused at once, and at most 64 KiB (plus a signature line) is read."""
    try:
        return read_bounded(path, MAX_PROFILE_BYTES + MAX_SIGNATURE_LINE)
    except FileReadError as exc:
        if exc.reason == "too_large":
            raise ProfileError("profile.too_large", source=str(path),
                               max=MAX_PROFILE_BYTES) from None
        reason = "not a regular file" if exc.reason == "not_regular" else exc.reason
        raise ProfileError("io.cannot_read", path=str(path), reason=reason) from None


def decode_profile(data: bytes, source: str) -> SettingsProfile:
    """Validate a profile file's bytes: UTF-8 (Windows Notepad may add a byte-order mark);
    a signature line at the end is a TOML comment and does not count against the size."""
    body, _ = split_signed(data)
    if len(body) > MAX_PROFILE_BYTES:
        raise ProfileError("profile.too_large", source=source, max=MAX_PROFILE_BYTES)
    body = body.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Typically a file saved as Shift_JIS: say which line to look at.
        raise ProfileError("profile.not_utf8", source=source,
                           line=body.count(b"\n", 0, exc.start) + 1) from None
    return parse_profile(text, source=source)


def dump_profile(profile: SettingsProfile) -> str:
    """The profile as TOML (:func:`assistant.profile_write.dump_profile`). The writer and
    ``tomli_w`` are imported on first use: the wizard's start only reads a profile."""
    from assistant.profile_write import dump_profile as dump

    return dump(profile)


def save_profile(profile: SettingsProfile, path: str | Path) -> None:
    """Write atomically (:func:`assistant.atomic.write_atomic`; a new file is 0o644: a
    profile is not secret, the installer ships it)."""
    from assistant.atomic import write_atomic

    path = Path(path)
    data = dump_profile(profile).encode("utf-8")
    try:
        write_atomic(path, data, 0o644)
    except OSError as exc:
        raise ProfileError("io.cannot_write", path=str(path),
                           reason=exc.strerror or type(exc).__name__) from None
