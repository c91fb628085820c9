"""SMTP AUTH (RFC 4954) on the line reader of assistant.net: authenticate, then QUIT.

Nothing is ever sent: no MAIL FROM, no RCPT, no DATA. A small client of our own rather than
smtplib, which connects by itself, prints ``AUTH`` lines at debug level 1 and cannot send a
non-ASCII password with ``login()``.
"""

from __future__ import annotations

import contextlib

from assistant.login import sasl
from assistant.login.attempt import Attempt, Failure, Success
from assistant.net import Connection, NetError
from assistant.net.mail import (
    Session,
    SmtpReply,
    capabilities_after_starttls,
    offers_starttls,
    read_smtp_reply,
    smtp_auth_mechanisms,
)
from assistant.settings import Protocol, Security

# 504 mechanism not supported, 534 mechanism too weak: try the next mechanism.
_NEXT_MECHANISM = (504, 534)
# 530 authentication required / STARTTLS first, 538 encryption required for this mechanism.
_NEEDS_TLS = (530, 538)
_MAX_ROUNDS = 4


def run(attempt: Attempt) -> Success:
    session = attempt.open()
    conn = session.conn
    try:
        attempt.require_protection(session)
        encrypted = session.security is not Security.NONE
        mechanism = _authenticate(attempt, session, encrypted)
        return Success(mechanism)
    finally:
        # QUIT whatever happened (nothing was sent); a connection already gone is fine.
        with contextlib.suppress(NetError):
            conn.send(b"QUIT\r\n")
            read_smtp_reply(conn)
        conn.close()


def _authenticate(attempt: Attempt, session: Session, encrypted: bool) -> str:
    conn, offered = session.conn, session.auth_mechanisms
    if not offered:
        if not encrypted and offers_starttls(Protocol.SMTP, session.capabilities):
            # Postfix with smtpd_tls_auth_only offers AUTH only after STARTTLS; OpenSMTPD's
            # port 25 offers it nowhere. Look (nothing secret is sent) instead of guessing.
            after = capabilities_after_starttls(session, attempt.policy)
            mechanisms = smtp_auth_mechanisms(after or [])
            if mechanisms:
                raise Failure("tls_required", "login.tls_required_found",
                              offered=" ".join(mechanisms))
        raise Failure("auth_not_offered", "login.smtp_no_auth", **attempt.where())
    candidates = sasl.mechanism_order(offered, attempt.server.auth, encrypted=encrypted)
    for mechanism in candidates:
        try:
            reply = _auth(attempt, conn, mechanism)
        except sasl.MechanismRefused:
            continue
        if reply.code == 235:
            return mechanism
        detail = attempt.detail(reply.text)
        if reply.code in _NEEDS_TLS:
            raise Failure("tls_required", "login.tls_required", mechanism=mechanism,
                          detail=detail)
        if reply.code == 535:
            raise Failure("wrong_credentials", "login.wrong_credentials", mechanism=mechanism,
                          login=attempt.login, detail=detail)
        raise Failure("protocol_error", "login.protocol_error", mechanism=mechanism,
                      protocol="SMTP", **attempt.where(), detail=f"{reply.code} {detail}")
    raise Failure("auth_not_offered", "login.auth_not_offered", **attempt.where(),
                  offered=" ".join(offered))


def _auth(attempt: Attempt, conn: Connection, mechanism: str) -> SmtpReply:
    """``AUTH MECH [initial-response]`` and the 334 challenges, up to the final reply."""
    exchange = sasl.Exchange(mechanism, attempt.login, attempt.password)
    initial = exchange.initial_base64()
    if initial is not None:
        conn.send(b"AUTH " + mechanism.encode("ascii") + b" " + initial + b"\r\n")
    else:
        conn.send(b"AUTH " + mechanism.encode("ascii") + b"\r\n")
    for _ in range(_MAX_ROUNDS):
        reply = read_smtp_reply(conn)
        if reply.code != 334:
            if reply.code in _NEXT_MECHANISM:
                raise sasl.MechanismRefused
            return reply
        challenge = reply.lines[-1].decode("ascii", "replace")[4:].strip()
        conn.send(exchange.answer_base64(challenge) + b"\r\n")
    conn.send(b"*\r\n")
    return read_smtp_reply(conn)
