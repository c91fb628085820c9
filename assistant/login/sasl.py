"""SASL client responses (PLAIN, LOGIN, CRAM-MD5) and which mechanism to try first.

Responses are raw bytes; each protocol adds its own base64 and framing. Everything is UTF-8
(RFC 4616 for PLAIN), which is what makes non-ASCII passwords work where IMAP ``LOGIN`` and
``smtplib.login`` cannot send them.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable

from assistant.secret import Secret
from assistant.settings import AuthMethod

PLAIN = "PLAIN"
LOGIN = "LOGIN"
CRAM_MD5 = "CRAM-MD5"


class MechanismRefused(Exception):
    """The server refused the mechanism itself, not the credentials: try the next one."""


def plain_response(login: str, password: Secret, authzid: str = "") -> bytes:
    """RFC 4616: ``authzid NUL authcid NUL passwd``, UTF-8."""
    return b"\0".join(
        (authzid.encode("utf-8"), login.encode("utf-8"), password.reveal().encode("utf-8")))


def login_responses(login: str, password: Secret) -> tuple[bytes, bytes]:
    """The two answers of the (non-standard but common) LOGIN mechanism: user, then password."""
    return login.encode("utf-8"), password.reveal().encode("utf-8")


def cram_md5_response(login: str, password: Secret, challenge: bytes) -> bytes:
    """RFC 2195: ``user SP hex(HMAC-MD5(password, challenge))`` — the password never travels."""
    digest = hmac.new(password.reveal().encode("utf-8"), challenge, hashlib.md5).hexdigest()
    return f"{login} {digest}".encode()


def mechanism_order(offered: Iterable[str], auth: AuthMethod, *, encrypted: bool) -> list[str]:
    """The mechanisms to try, strongest usable first, among those the server offers.

    Inside TLS, PLAIN is strongest: the password is protected by the channel, UTF-8 is
    standard, and it works with hashed passwords on the server (CRAM-MD5 does not). Without
    TLS (only with the user's consent) CRAM-MD5 comes first because the password itself never
    travels. An account set to "encrypted password" uses CRAM-MD5 only, as the mail client
    would: it never falls back to sending the password.
    """
    available = {m.upper() for m in offered}
    if auth is AuthMethod.PASSWORD_ENCRYPTED:
        order: tuple[str, ...] = (CRAM_MD5,)
    elif encrypted:
        order = (PLAIN, LOGIN, CRAM_MD5)
    else:
        order = (CRAM_MD5, PLAIN, LOGIN)
    return [m for m in order if m in available]


class Exchange:
    """The client side of one SASL exchange: each decoded challenge in, the next answer out.

    ``None`` means "cancel" (RFC 4954 ``*``): the server asked more than the mechanism has
    answers for, or sent a challenge that is not base64.
    """

    def __init__(self, mechanism: str, login: str, password: Secret) -> None:
        if mechanism not in (PLAIN, LOGIN, CRAM_MD5):
            raise ValueError(f"unsupported mechanism {mechanism}")
        self.mechanism = mechanism
        self._login, self._password = login, password
        self._step = 0

    @property
    def initial_response(self) -> bytes | None:
        """PLAIN is client-first: its answer may go with the AUTH command itself."""
        if self.mechanism == PLAIN and self._step == 0:
            self._step = 1
            return plain_response(self._login, self._password)
        return None

    def answer(self, challenge: bytes) -> bytes | None:
        step, self._step = self._step, self._step + 1
        if self.mechanism == PLAIN:
            return plain_response(self._login, self._password) if step == 0 else None
        if self.mechanism == LOGIN:
            return login_responses(self._login, self._password)[step] if step < 2 else None
        return cram_md5_response(self._login, self._password, challenge) if step == 0 else None

    def answer_base64(self, challenge: str | bytes) -> bytes:
        """The base64 answer line to a base64 challenge (``*`` to cancel)."""
        try:
            decoded = base64.b64decode(challenge, validate=True)
        except (binascii.Error, ValueError):
            return b"*"
        answer = self.answer(decoded)
        if answer is None:
            return b"*"
        encoded = base64.b64encode(answer)
        self._password.sent_as(encoded.decode("ascii"))
        return encoded

    def initial_base64(self) -> bytes | None:
        """:attr:`initial_response` in base64 (remembered for masking), or None."""
        initial = self.initial_response
        if initial is None:
            return None
        encoded = base64.b64encode(initial)
        self._password.sent_as(encoded.decode("ascii"))
        return encoded
