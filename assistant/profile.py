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
from assistant.profile_model import (
    FORMAT_VERSION,
    MAX_PROFILE_BYTES,
    PROFILE_SUFFIX,
    Contact,
    SettingsProfile,
)
from assistant.profile_read import parse_profile

__all__ = [
    "FORMAT_VERSION",
    "MAX_PROFILE_BYTES",
    "PROFILE_SUFFIX",
    "Contact",
    "SettingsProfile",
    "dump_profile",
    "load_profile",
    "parse_profile",
    "save_profile",
]


def load_profile(path: str | Path) -> SettingsProfile:
    """Read and validate a profile file; at most 64 KiB is read, whatever the file's size."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_PROFILE_BYTES + 1)
    except OSError as exc:
        raise ProfileError("io.cannot_read", path=str(path),
                           reason=exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_PROFILE_BYTES:
        raise ProfileError("profile.too_large", source=str(path), max=MAX_PROFILE_BYTES)
    # Windows Notepad may save UTF-8 with a byte-order mark.
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Typically a file saved as Shift_JIS: say which line to look at.
        raise ProfileError("profile.not_utf8", source=str(path),
                           line=data.count(b"\n", 0, exc.start) + 1) from None
    return parse_profile(text, source=str(path))


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
