"""Checking one endpoint: connect, establish the security really available, read the
capabilities where the client would log in, and say goodbye. Never raises."""

from __future__ import annotations

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
)
from assistant.net.mail import StartTls, open_session
from assistant.probe.model import EndpointResult
from assistant.settings import Security

_TLS_FAILURES = ("tls_error", "certificate_invalid")


def check_endpoint(candidate: Candidate, *, resolver: Resolver, policy: TlsPolicy,
                   deadline: Deadline, cancel: CancelToken | None = None,
                   order: int = 0, limits: Limits | None = None) -> EndpointResult:
    """The endpoint's result; a certificate failure still reads the capabilities (over the
    unverified session, so a person can decide to pin) when ``policy.keep_unverified``."""
    start = time.monotonic()
    implicit = candidate.security is Security.TLS
    result = EndpointResult(candidate.protocol, candidate.host, candidate.port,
                            candidate.security, "ok", trusted_source=candidate.trusted,
                            order=order)
    try:
        session = open_session(candidate.protocol, candidate.host, candidate.port,
                               implicit_tls=implicit, starttls=StartTls.IF_OFFERED,
                               resolver=resolver, policy=policy, deadline=deadline,
                               cancel=cancel, limits=limits)
    except Cancelled:
        result.status = "timeout"
        result.problem = Problem("probe.stopped",
                                 {"ms": int((time.monotonic() - start) * 1000)})
    except NetError as exc:
        result.status = exc.status
        result.problem = exc.problem
        if exc.status in _TLS_FAILURES and not implicit:
            result.security = Security.STARTTLS
        fingerprint = exc.params.get("fingerprint")
        if fingerprint:
            result.tls = TlsInfo(str(exc.params.get("version", "")), False, exc.detail,
                                 str(fingerprint))
    else:
        result.security = session.security
        result.tls = session.conn.tls
        result.capabilities = session.capabilities
        result.auth_mechanisms = session.auth_mechanisms
        result.plain_capabilities = session.plain_capabilities
        result.plaintext_auth_offered = session.plaintext_auth_offered()
        if result.tls is not None and not result.tls.certificate_valid:
            result.status = "certificate_invalid"
            result.problem = Problem("net.certificate_invalid",
                                     {"detail": result.tls.certificate_error or "",
                                      "fingerprint": result.tls.fingerprint_sha256})
        session.close()
    result.elapsed_ms = int((time.monotonic() - start) * 1000)
    return result
