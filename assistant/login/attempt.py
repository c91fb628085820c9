"""What every protocol's login check shares: the parameters of one attempt, how a check stops
with a result code, and the rule that a password never goes out unprotected by accident."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from assistant.errors import Problem
from assistant.net import Deadline, Limits, Resolver, TlsInfo, TlsPolicy, shown
from assistant.net.mail import Session, StartTls, offers_starttls, open_session
from assistant.net.text import bracketed
from assistant.secret import Secret
from assistant.settings import Security, Server

# Server texts shown to people are cut to this length (they may be hostile).
MAX_DETAIL = 200
# A login check reads more than a probe (folder lists), still bounded.
LOGIN_LIMITS_TOTAL = 4 * 1024 * 1024
# The longest TCP connect: a dropped port fails this fast, while a connected server may keep
# its greeting back until the check's whole deadline (the same rule as the probe's).
CONNECT_TIMEOUT = 15.0


class Failure(Exception):
    """Ends a check with ``result`` (see :data:`~assistant.login.result.RESULTS`).

    Parameters hold codes, names and redacted server texts only; ``str()`` is the code.
    """

    def __init__(self, result: str, code: str, *, mechanism: str | None = None,
                 **params: Any) -> None:
        super().__init__(code)
        self.result = result
        self.problem = Problem(code, params)
        self.mechanism = mechanism


@dataclass
class Success:
    mechanism: str
    inbox_count: int | None = None
    folders: list[str] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


@dataclass
class Seen:
    """What the connection established, kept for the result even when the login fails."""

    security: Security | None = None
    tls: TlsInfo | None = None


@dataclass(frozen=True)
class Attempt:
    """One login check's settings; ``password`` is a :class:`Secret` until bytes are sent."""

    server: Server
    login: str
    password: Secret
    policy: TlsPolicy
    resolver: Resolver
    deadline: Deadline
    cancel: threading.Event | None
    allow_plaintext: bool
    timeout: float
    seen: Seen = field(default_factory=Seen)

    def open(self) -> Session:
        """Connect and reach the point of logging in (STARTTLS performed when required).

        ``--security starttls`` means STARTTLS or nothing: a server that does not offer or
        perform it raises StartTlsNotOffered/StartTlsRefused before any credential is sent.
        """
        security = self.server.security
        session = open_session(
            self.server.protocol, self.server.host, self.server.port,
            implicit_tls=security is Security.TLS,
            starttls=StartTls.REQUIRE if security is Security.STARTTLS else StartTls.NEVER,
            resolver=self.resolver, policy=self.policy, deadline=self.deadline,
            cancel=self.cancel,
            limits=Limits(max_total=LOGIN_LIMITS_TOTAL, read_timeout=self.timeout),
            greeting=self.deadline, connect_within=CONNECT_TIMEOUT)
        self.seen.security, self.seen.tls = session.security, session.conn.tls
        return session

    def require_protection(self, session: Session) -> None:
        """Refuse to go on over a plain connection unless the user allowed it explicitly."""
        if session.security is not Security.NONE or self.allow_plaintext:
            return
        offered = offers_starttls(self.server.protocol, session.capabilities)
        raise Failure("plaintext_refused",
                      "login.plaintext_refused_starttls" if offered else "login.plaintext_refused")

    def detail(self, text: str | bytes) -> str:
        """A server's text made safe to show: decoded, password masked (on the whole text),
        control characters replaced, and only then cut short."""
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        return shown(self.password.redact(text).strip(), MAX_DETAIL)

    def where(self) -> dict[str, Any]:
        """Message parameters naming the server ({host}:{port}; IPv6 in brackets)."""
        return {"host": bracketed(self.server.host_display), "port": self.server.port}
