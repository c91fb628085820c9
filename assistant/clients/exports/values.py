"""Checks every writer applies before a value enters a file format.

Settings are validated when typed, but writers also receive objects built directly (a profile
from disk, a test, a future caller). A control character can end a line in INI and .reg files
and is not representable in XML 1.0 or a plist, so each writer refuses it here, with a code,
instead of trusting that nobody upstream forgot.
"""

from __future__ import annotations

import unicodedata

from assistant.errors import ValidationError

MAX_VALUE = 4096  # far above any real host, login or name; bounds what a hostile file can push


# Cc: C0/C1 controls incl. CR, LF, NUL; Cs: lone surrogates (not encodable); Zl/Zp: Unicode
# line and paragraph separators some readers split lines on.
_CONTROL = frozenset({"Cc", "Cs", "Zl", "Zp"})


def control_character(value: str, allowed: str = "") -> str | None:
    """The first character of ``value`` no config format may carry (U+FFFE/U+FFFF are not
    characters in XML either), other than those in ``allowed``; None when there is none.
    Shared by every writer: exports, Outlook's PRF and .reg files."""
    for ch in value:
        if ch not in allowed and (unicodedata.category(ch) in _CONTROL
                                  or ch in "\ufffe\uffff"):
            return ch
    return None


def checked(value: str, field: str, *, multiline: bool = False) -> str:
    """``value`` unchanged if a format can carry it (``multiline``: line breaks and tabs too)."""
    if len(value) > MAX_VALUE:
        raise ValidationError("export.value_too_long", field=field, max=MAX_VALUE)
    ch = control_character(value, "\n\t" if multiline else "")
    if ch is not None:
        raise ValidationError("export.control_character", field=field,
                              character=f"U+{ord(ch):04X}")
    return value
