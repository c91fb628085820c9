"""A password that hides itself: repr, str and format never show it, and it cannot be pickled.

The one password wrapper: the wizard holds what the member typed in it, and the login check
sends it. Wrapping it means
a stray ``logging.debug("%r", args)``, an exception's arguments or a traceback's locals print
``Secret('********')`` instead of the password; the value is unwrapped only at the moment bytes
go onto an encrypted (or explicitly allowed) connection.
"""

from __future__ import annotations

import base64
import re
from typing import NoReturn

MASK = "********"
# Shorter base64 fragments are not masked: they would match ordinary words by chance.
_MIN_FRAGMENT = 4


def base64_forms(raw: bytes) -> list[str]:
    """The base64 text of ``raw`` at each of the three alignments it can have inside a
    larger blob (e.g. after ``NUL login NUL`` in SASL PLAIN), without the characters that
    also depend on the neighbouring bytes."""
    found = [base64.b64encode(raw).decode("ascii")]
    for offset in (0, 1, 2):
        encoded = base64.b64encode(bytes(offset) + raw).decode("ascii")
        start = (offset * 4 + 2) // 3  # first character that depends on ``raw`` only
        end = 4 * ((offset + len(raw)) // 3)  # last complete group
        fragment = encoded[start:end]
        if len(fragment) >= _MIN_FRAGMENT:
            found.append(fragment)
    return found


class Secret:
    """Holds one password; :meth:`reveal` is the only way to read it."""

    __slots__ = ("__sent", "__value")

    def __init__(self, value: str) -> None:
        self.__value = value
        self.__sent: set[str] = set()

    def reveal(self) -> str:
        return self.__value

    def __repr__(self) -> str:
        return f"Secret('{MASK}')"

    def __str__(self) -> str:
        return MASK

    def __format__(self, spec: str) -> str:
        return MASK

    def __bool__(self) -> bool:
        return bool(self.__value)

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Secret cannot be pickled or copied out of memory")

    def sent_as(self, form: str) -> None:
        """Remember an exact string that carried the password onto the wire (a base64 SASL
        answer, an IMAP quoted string) so :meth:`redact` masks it if a server echoes it."""
        if form:
            self.__sent.add(form)

    def redact(self, text: str) -> str:
        """``text`` (e.g. a server's reply, whole: cut it only afterwards) with the password
        masked: as typed, as the network layer cleans it, in base64 at every alignment, and
        every exact form recorded with :meth:`sent_as`.

        A hostile or buggy server could echo what it received; its reply reaches messages and
        JSON, so every server text passes through here first. A form is masked only where it
        stands alone, never inside a longer word: with the password ``fail`` the program's own
        "failed" stays readable. Base64 fragments are the exception: they are pieces of a
        larger base64 blob by nature.
        """
        if not self.__value:
            return text
        # Imported here: the wizard's first page holds a Secret, and needs no network layer.
        from assistant.net.text import clean

        whole = {self.__value, clean(self.__value), *self.__sent,
                 base64.b64encode(self.__value.encode("utf-8")).decode("ascii")} - {""}
        fragments = set(base64_forms(self.__value.encode("utf-8"))[1:]) - whole
        patterns = [_standing_alone(form) for form in sorted(whole, key=len, reverse=True)]
        patterns += [re.escape(form) for form in sorted(fragments, key=len, reverse=True)]
        return re.sub("|".join(patterns), MASK, text)


def _standing_alone(form: str) -> str:
    """A pattern for ``form`` not glued to a letter or digit on a side that is one itself."""
    before = r"(?<!\w)" if re.match(r"\w", form[0]) else ""
    after = r"(?!\w)" if re.match(r"\w", form[-1]) else ""
    return before + re.escape(form) + after


def as_secret(password: str | Secret) -> Secret:
    return password if isinstance(password, Secret) else Secret(password)
