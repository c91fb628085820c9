"""Host names as a member should read them, with a look-alike named for what it is.

UTS 39 (Unicode security mechanisms) calls a label suspicious when it mixes scripts that are
not normally written together (``exаmple`` with a Cyrillic ``а``), or when it is written
wholly in another script with letters that all look like Latin ones (``аррӏе``). Japanese
mixes Han, Hiragana, Katakana and Latin every day: that set is allowed, as in UTS 39's
"highly restrictive" level. A suspicious name is shown as Unicode *and* its ASCII (punycode)
form, so the difference is visible. The character data comes from ``confusable-homoglyphs``
(Unicode's confusables.txt and Scripts.txt), imported only for names that are not plain
ASCII.
"""

from __future__ import annotations

from assistant.profile_model import readable_host
from assistant.settings import is_plain_ascii_name

_NEUTRAL = frozenset({"COMMON", "INHERITED"})
_JAPANESE = frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"})


def is_suspicious(ascii_host: str) -> bool:
    """Does a label of the host mix scripts, or imitate Latin letters in another script?"""
    unicode = readable_host(ascii_host)
    if is_plain_ascii_name(unicode):
        return False
    return any(_suspicious_label(label) for label in unicode.split(".") if label)


def host_for_people(ascii_host: str) -> str:
    """The readable form; for a suspicious name ``Unicode (ASCII)``, e.g.
    ``exаmple.jp (xn--exmple-4nf.jp)``."""
    unicode = readable_host(ascii_host)
    if unicode != ascii_host and is_suspicious(ascii_host):
        return f"{unicode} ({ascii_host})"
    return unicode


def _suspicious_label(label: str) -> bool:
    from confusable_homoglyphs import categories, confusables

    scripts = {categories.aliases_categories(ch)[0] for ch in label} - _NEUTRAL
    if len(scripts) > 1 and not scripts <= _JAPANESE:
        return True
    if scripts and "LATIN" not in scripts:
        letters = [ch for ch in label if categories.aliases_categories(ch)[0] not in _NEUTRAL]
        found = confusables.is_confusable(label, greedy=True, preferred_aliases=["latin"])
        imitated = {item["character"] for item in found} if found else set()
        return bool(letters) and all(ch in imitated for ch in letters)
    return False
