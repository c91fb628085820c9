"""Server text made safe to show, and strict parsing of the numbers servers send.

Anything a server says may reach a terminal, a log or JSON: control characters (escape
sequences, bidi overrides, line breaks) are replaced so a hostile server cannot repaint the
screen or forge output lines. Numbers are ASCII digits only: ``str.isdigit`` also accepts
"²" and "፩", which ``int`` then refuses or misreads.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
# Cc: C0/C1 controls (ESC, CR, LF, NUL, TAB…); Cf: format characters such as bidi overrides;
# Cs: lone surrogates; Zl/Zp: Unicode line and paragraph separators.
_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_DIGITS = {n: re.compile(f"[0-9]{{1,{n}}}") for n in range(1, 11)}


def has_control(text: str) -> bool:
    """Does ``text`` hold a character that could end a line or steer a terminal?"""
    return any(unicodedata.category(ch) in _UNSAFE for ch in text)


def clean(text: str) -> str:
    """``text`` with every control/format character replaced by U+FFFD (space is kept)."""
    if not has_control(text):
        return text
    return "".join(REPLACEMENT if unicodedata.category(ch) in _UNSAFE else ch for ch in text)


def shown(text: str, limit: int = 200) -> str:
    """Server text as it may be shown to people: cleaned, then cut to ``limit`` characters."""
    return clean(text)[:limit]


def ascii_number(text: str, max_digits: int) -> int | None:
    """The value of 1..``max_digits`` ASCII digits, else None (never raises)."""
    if not 1 <= max_digits <= 10:
        raise ValueError("max_digits must be 1..10")
    return int(text) if _DIGITS[max_digits].fullmatch(text) else None


def host_port(host: str, port: int | str) -> str:
    """``host:port`` as people and URLs write it: an IPv6 address goes in brackets."""
    return f"{bracketed(host)}:{port}"


def bracketed(host: str) -> str:
    """The host as it stands before ``:port`` in a message (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
