"""A password that hides itself: repr, str and format never show it, and it cannot be pickled.

The login check is the only part of the assistant that ever holds a password. Wrapping it means
a stray ``logging.debug("%r", args)``, an exception's arguments or a traceback's locals print
``Secret('********')`` instead of the password; the value is unwrapped only at the moment bytes
go onto an encrypted (or explicitly allowed) connection.
"""

from __future__ import annotations

import base64
from typing import NoReturn

MASK = "********"


class Secret:
    """Holds one password; :meth:`reveal` is the only way to read it."""

    __slots__ = ("__value",)

    def __init__(self, value: str) -> None:
        self.__value = value

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

    def redact(self, text: str) -> str:
        """``text`` (e.g. a server's reply) with the password and its base64 forms masked.

        A hostile or buggy server could echo what it received; its reply reaches messages and
        JSON, so every server text passes through here first.
        """
        if not self.__value:
            return text
        raw = self.__value.encode("utf-8")
        for form in (self.__value, base64.b64encode(raw).decode("ascii")):
            text = text.replace(form, MASK)
        return text


def as_secret(password: str | Secret) -> Secret:
    return password if isinstance(password, Secret) else Secret(password)
