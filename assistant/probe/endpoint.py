"""Checking one endpoint: connect, establish the security really available, read the
capabilities where the client would log in, and say goodbye.

Every failure, even an unexpected exception from hostile input, becomes the endpoint's
status (an unexpected one is ``protocol_error`` naming only the exception's type), so one
endpoint can never stop the probe."""

from __future__ import annotations

import logging
import time

from assistant.discovery import Candidate
from assistant.errors import Problem
from assistant.net import (
    Cancelled,
    CancelToken,
    Deadline,
    Limits,
    NetError,
    Resolver,
    TlsInfo,
    TlsPolicy,
    shown,
)
from assistant.net.mail import Session, StartTls, open_session, pop3_user_refused
from assistant.probe.model import EndpointResult
from assistant.settings import Protocol, Security

_TLS_FAILURES = ("tls_error", "certificate_invalid")
_LOG = logging.getLogger(__name__)
# Server text in an error (a greeting, a reply line) is shown at most this long.
MAX_SHOWN = 200


def check_endpoint(candidate: Candidate, *, resolver: Resolver, policy: TlsPolicy,
                   deadline: Deadline, cancel: CancelToken | None = None,
                   order: int = 0, limits: Limits | None = None,
                   greeting: Deadline | None = None) -> EndpointResult:
    """The endpoint's result; a certificate failure still reads the capabilities (over the
    unverified session, so a person can decide to pin) when ``policy.keep_unverified``.

    STARTTLS that a source declared is required (not offered = ``tls_error``, a downgrade);
    on a guessed port it is used when offered. ``greeting``: how long a connected server may
    hold its greeting back (the probe's overall deadline); ``deadline`` then counts from the
    greeting on."""
    start = time.monotonic()
    try:
        result = _check(candidate, resolver, policy, deadline, cancel, order, limits, greeting)
    except Exception as exc:  # the second line of defence (see module doc)
        _LOG.warning("endpoint check failed unexpectedly: %s", type(exc).__name__)
        result = EndpointResult.for_candidate(
            candidate, "protocol_error", order,
            Problem("net.protocol_error", {"detail": type(exc).__name__}))
    result.elapsed_ms = int((time.monotonic() - start) * 1000)
    return result


def _check(candidate: Candidate, resolver: Resolver, policy: TlsPolicy, deadline: Deadline,
           cancel: CancelToken | None, order: int, limits: Limits | None,
           greeting: Deadline | None) -> EndpointResult:
    start = time.monotonic()
    implicit = candidate.security is Security.TLS
    declared_starttls = candidate.declared and candidate.security is Security.STARTTLS
    result = EndpointResult.for_candidate(candidate, "ok", order)
    try:
        session = open_session(candidate.protocol, candidate.host, candidate.port,
                               implicit_tls=implicit,
                               starttls=StartTls.REQUIRE if declared_starttls
                               else StartTls.IF_OFFERED,
                               resolver=resolver, policy=policy, deadline=deadline,
                               cancel=cancel, limits=limits, greeting=greeting)
    except Cancelled as exc:
        # Stopped because the answer was known without it (or Cancel): say whether the
        # server was connected and silent, which is not a firewall's doing.
        result.status = "timeout"
        code = "probe.stopped_no_greeting" if exc.detail == "greeting" else "probe.stopped"
        result.problem = Problem(code, {"ms": int((time.monotonic() - start) * 1000)})
    except NetError as exc:
        result.status = exc.status
        result.problem = Problem(exc.code, {k: shown(v, MAX_SHOWN) if isinstance(v, str) else v
                                            for k, v in exc.params.items()})
        if exc.status in _TLS_FAILURES and not implicit:
            result.security = Security.STARTTLS
        fingerprint = exc.params.get("fingerprint")
        if fingerprint:
            result.tls = TlsInfo(str(exc.params.get("version", "")), False, exc.detail,
                                 str(fingerprint))
    else:
        try:
            _read_session(result, session)
            if "USER" in result.plaintext_methods:
                _try_pop3_user(result, session, candidate, resolver, policy, deadline, cancel,
                               limits)
        finally:
            session.close()
    return result


def _try_pop3_user(result: EndpointResult, session: Session, candidate: Candidate,
                   resolver: Resolver, policy: TlsPolicy, deadline: Deadline,
                   cancel: CancelToken | None, limits: Limits | None) -> None:
    """POP3 lists USER without encryption: send ``USER`` (no password) where a client that
    never upgrades would, and drop the claim if the server refuses it for lack of TLS. On a
    session that did upgrade, that is a second, plain connection."""
    try:
        if session.security is Security.NONE:
            refusal = pop3_user_refused(session)
        else:
            plain = open_session(Protocol.POP3, candidate.host, candidate.port,
                                 implicit_tls=False, starttls=StartTls.NEVER, resolver=resolver,
                                 policy=policy, deadline=deadline, cancel=cancel,
                                 limits=limits, greeting=deadline)
            try:
                refusal = pop3_user_refused(plain)
            finally:
                plain.close()
    except NetError:
        return  # the listing stands as what the server said; the endpoint itself answered
    if refusal is not None:
        result.plaintext_methods = [m for m in result.plaintext_methods if m != "USER"]
        result.plaintext_auth_offered = bool(result.plaintext_methods)
        result.plaintext_refusal = shown(refusal, MAX_SHOWN)


def _read_session(result: EndpointResult, session: Session) -> None:
    result.security = session.security
    result.greeting_ms = int(session.greeting_seconds * 1000)
    result.tls = session.conn.tls
    result.capabilities = session.capabilities
    result.auth_mechanisms = session.auth_mechanisms
    result.plain_capabilities = session.plain_capabilities
    result.plaintext_methods = session.plaintext_methods()
    result.plaintext_auth_offered = bool(result.plaintext_methods)
    if result.tls is not None and not result.tls.certificate_valid:
        result.status = "certificate_invalid"
        result.problem = Problem("net.certificate_invalid",
                                 {"detail": result.tls.certificate_error or "",
                                  "fingerprint": result.tls.fingerprint_sha256})
