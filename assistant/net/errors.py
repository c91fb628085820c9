"""Typed network failures, each classified into one status of the probe's JSON contract.

Callers branch on ``status`` (dns_error, refused, timeout, tls_error, certificate_invalid,
protocol_error, unreachable) and show ``problem`` through :mod:`assistant.messages`; the exact
subclass says more (a line too long, a reset, an injection after STARTTLS).
"""

from __future__ import annotations

from typing import Any, ClassVar

from assistant.errors import AssistantError, Problem

STATUSES = ("dns_error", "refused", "timeout", "tls_error", "certificate_invalid",
            "protocol_error", "unreachable")


class NetError(AssistantError):
    """A failure talking to a server; ``detail`` is a short technical reason (never a secret)."""

    status: ClassVar[str] = "protocol_error"
    kind: ClassVar[str] = "protocol_error"

    def __init__(self, detail: str = "", **params: Any) -> None:
        super().__init__(f"net.{self.kind}", detail=detail, **params)

    @property
    def detail(self) -> str:
        return str(self.params.get("detail", ""))


class DnsError(NetError):
    status = kind = "dns_error"


class Refused(NetError):
    status = kind = "refused"


class Timeout(NetError):
    """``detail`` is what was being waited for, in this package's words ("tls handshake",
    "connect ADDRESS:PORT", "dns A NAME", …: stable, for logs and --json); ``step`` says
    the same as a catalogue phrase (``net.step.*``), for the sentence a person reads."""

    status = kind = "timeout"

    def __init__(self, detail: str = "", **params: Any) -> None:
        super().__init__(detail, step=waited_for(detail), **params)


_STEPS = {"tls handshake": "tls_handshake", "greeting": "greeting", "read": "read",
          "send": "send"}


def waited_for(detail: str) -> Problem:
    """The catalogue phrase of a wait's ``detail`` (the words :class:`Timeout` documents)."""
    word, _, rest = detail.partition(" ")
    if detail in _STEPS:
        return Problem(f"net.step.{_STEPS[detail]}")
    if word == "connect" and rest:
        return Problem("net.step.connect", {"where": rest})
    if word == "dns" and rest:
        return Problem("net.step.dns", {"name": rest.split()[-1]})
    return Problem("net.step.other")  # e.g. the system's own ETIMEDOUT


class NoGreeting(Timeout):
    """Connected, but the server sent no greeting in time: a slow or overloaded server (or one
    that holds its greeting back on purpose), not a firewall (TCP did connect)."""

    kind = "no_greeting"


class Unreachable(NetError):
    status = kind = "unreachable"


class TlsError(NetError):
    status = kind = "tls_error"


class CertificateInvalid(NetError):
    """Verification failed; ``fingerprint`` (SHA-256 "AB:CD:…") lets a person compare and pin."""

    status = kind = "certificate_invalid"

    def __init__(self, detail: str, fingerprint: str | None, version: str = "") -> None:
        super().__init__(detail, fingerprint=fingerprint, version=version)

    @property
    def fingerprint(self) -> str | None:
        value = self.params.get("fingerprint")
        return str(value) if value else None


class ProtocolError(NetError):
    """The peer said something a mail server must not (garbage, closed early, too much)."""


class LineTooLong(ProtocolError):
    kind = "line_too_long"


class TooMuchData(ProtocolError):
    kind = "too_much_data"


class ConnectionClosed(ProtocolError):
    kind = "connection_closed"


class StartTlsInjection(ProtocolError):
    """Bytes arrived after the server's go-ahead for STARTTLS and before the handshake."""

    kind = "starttls_injection"


class Cancelled(NetError):
    """The user pressed Cancel (another thread set the event); not a server failure."""

    status = kind = "cancelled"
