"""check_login: log in as the mail client will, report a stable result, send no mail."""

from __future__ import annotations

import imaplib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.errors import Problem
from assistant.login import imap, pop3, smtp
from assistant.login.attempt import CONNECT_TIMEOUT, Attempt, Failure, Success
from assistant.login.result import LoginResult
from assistant.net import (
    Cancelled,
    CertificateInvalid,
    Deadline,
    DnsError,
    NetError,
    NoGreeting,
    Refused,
    Resolver,
    StartTlsInjection,
    Timeout,
    TlsError,
    TlsPolicy,
    Unreachable,
)
from assistant.net.mail import StartTlsNotOffered, StartTlsRefused
from assistant.secret import Secret, as_secret
from assistant.settings import Protocol, Security, Server

_RUNNERS: dict[Protocol, Callable[[Attempt], Success]] = {
    Protocol.IMAP: imap.run, Protocol.POP3: pop3.run, Protocol.SMTP: smtp.run,
}
_LOG = logging.getLogger(__name__)
_OK_CODES = {Protocol.IMAP: "login.ok_imap", Protocol.POP3: "login.ok_pop3",
             Protocol.SMTP: "login.ok_smtp"}
_PROTOCOL_WORD = {Protocol.IMAP: "IMAP", Protocol.POP3: "POP", Protocol.SMTP: "SMTP"}


def check_login(server: Server, login: str, password: str | Secret, *,
                ca_file: Path | None = None, trust_fingerprint: str | None = None,
                allow_plaintext: bool = False, dns_server: str | None = None,
                timeout: float = 30.0, cancel: threading.Event | None = None,
                from_discovery: bool = False) -> LoginResult:
    """Log in to ``server`` (IMAP/POP3 login or SMTP AUTH) and say how it went.

    ``from_discovery``: the settings were found rather than given by the church; when the
    login with the full address is rejected, the local part is *suggested* (never tried
    silently: each wrong attempt counts against the account). Raises ValidationError only
    for a malformed fingerprint, DNS server or CA file (the caller's input); every failure
    of the server, even an unforeseen exception, is a result (the type named, nothing more).
    """
    attempt = Attempt(
        server=server, login=login, password=as_secret(password),
        policy=TlsPolicy(ca_file=ca_file, pin=trust_fingerprint),
        resolver=Resolver(dns_server), deadline=Deadline(timeout), cancel=cancel,
        allow_plaintext=allow_plaintext, timeout=timeout)
    try:
        success = _RUNNERS[server.protocol](attempt)
    except Failure as failure:
        return _failed(attempt, failure, from_discovery)
    except NetError as error:
        return _net_failure(attempt, error)
    except imaplib.IMAP4.error as error:  # imaplib's own complaint about a reply
        return _result(attempt, "protocol_error", Problem("login.protocol_error", {
            "protocol": "IMAP", **attempt.where(), "detail": attempt.detail(str(error))}))
    except Exception as error:  # hostile input we did not foresee: a result, not a traceback
        _LOG.warning("login check failed unexpectedly: %s", type(error).__name__)
        return _result(attempt, "protocol_error", Problem("login.protocol_error", {
            "protocol": server.protocol.name, **attempt.where(),
            "detail": type(error).__name__}))
    problem = Problem(_OK_CODES[server.protocol],
                      {"mechanism": success.mechanism, "count": success.inbox_count})
    if success.inbox_count is None and server.protocol is not Protocol.SMTP:
        # The server named no count (an IMAP SELECT without EXISTS): say only what is known.
        problem = Problem("login.ok_uncounted", {"protocol": _PROTOCOL_WORD[server.protocol],
                                                  "mechanism": success.mechanism})
    return _result(attempt, "ok", problem, mechanism=success.mechanism,
                   inbox_count=success.inbox_count, folders=success.folders,
                   notes=success.notes)


def _failed(attempt: Attempt, failure: Failure, from_discovery: bool) -> LoginResult:
    problem, suggestion = failure.problem, None
    local, at, _domain = attempt.login.partition("@")
    if failure.result == "wrong_credentials" and from_discovery and at and local:
        suggestion = local
        problem = Problem("login.wrong_credentials_suggest",
                          {**problem.params, "suggestion": suggestion})
    return _result(attempt, failure.result, problem, mechanism=failure.mechanism,
                   suggestion_login=suggestion)


def _net_failure(attempt: Attempt, error: NetError) -> LoginResult:
    where = attempt.where()
    detail = attempt.detail(error.detail)
    fingerprint = None
    if isinstance(error, Cancelled):
        result, problem = "timeout", Problem("login.cancelled")
    elif isinstance(error, NoGreeting):
        result, problem = "timeout", Problem("login.no_greeting",
                                             {**where, "seconds": f"{attempt.timeout:g}"})
    elif isinstance(error, Timeout):
        seconds = min(attempt.timeout, CONNECT_TIMEOUT) if error.detail.startswith("connect") \
            else attempt.timeout
        result, problem = "timeout", Problem("login.timeout", {**where, "seconds": f"{seconds:g}"})
    elif isinstance(error, Refused):
        result, problem = "refused", Problem("login.refused", where)
    elif isinstance(error, Unreachable):
        result, problem = "refused", Problem("login.unreachable", {**where, "detail": detail})
    elif isinstance(error, DnsError):
        result, problem = "refused", Problem("login.dns_error", {**where, "detail": detail})
    elif isinstance(error, CertificateInvalid):
        fingerprint = error.fingerprint
        code = "login.fingerprint_mismatch" if attempt.policy.pin else "login.certificate_invalid"
        result, problem = "certificate_invalid", Problem(
            code, {"detail": detail, "fingerprint": fingerprint or "?"})
    elif isinstance(error, StartTlsNotOffered | StartTlsRefused | StartTlsInjection):
        what = {StartTlsNotOffered: "STARTTLS not offered", StartTlsRefused: "STARTTLS refused",
                StartTlsInjection: "data injected before TLS"}[type(error)]
        result, problem = "tls_error", Problem("login.starttls_downgrade", {"detail": what})
    elif isinstance(error, TlsError):
        result, problem = "tls_error", Problem("login.tls_error", {"detail": detail})
    else:
        result, problem = "protocol_error", Problem("login.protocol_error", {
            "protocol": attempt.server.protocol.name, **where,
            "detail": attempt.detail(_describe(error))})
    return _result(attempt, result, problem, fingerprint=fingerprint)


def _describe(error: NetError) -> str:
    """A short technical reason: the kind and the detail/line the net layer recorded."""
    parts = [error.code.removeprefix("net."), error.detail,
             str(error.params.get("line", ""))]
    return ": ".join(p for p in parts if p)


def _result(attempt: Attempt, result: str, problem: Problem, *,
            fingerprint: str | None = None, **fields: Any) -> LoginResult:
    seen = attempt.seen
    notes: list[Problem] = list(fields.pop("notes", []))
    if seen.tls is not None:
        fingerprint = seen.tls.fingerprint_sha256
        if seen.tls.pinned:
            notes.insert(0, Problem("login.note_certificate_pinned", {"fingerprint": fingerprint}))
    if seen.security is Security.NONE and result in ("ok", "wrong_credentials"):
        notes.insert(0, Problem("login.note_plaintext_used"))
    return LoginResult(
        result=result, problem=problem, server=attempt.server, login=attempt.login,
        fingerprint_sha256=fingerprint,
        security=str(seen.security) if seen.security else None, notes=notes, **fields)
