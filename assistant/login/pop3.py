"""POP3 login (RFC 1939, RFC 5034 SASL) on the line reader of assistant.net.

A small client of our own rather than poplib: poplib connects by itself and prints every
command, ``PASS`` included, at debug level 2. Here each read is bounded and the password is
revealed only into the bytes of the one command that carries it.
"""

from __future__ import annotations

import contextlib
import re

from assistant.errors import Problem
from assistant.login import sasl
from assistant.login.attempt import Attempt, Failure, Success
from assistant.net import Connection, NetError
from assistant.net.errors import ProtocolError
from assistant.net.mail import (
    POP3_NEEDS_TLS,
    Session,
    capabilities_after_starttls,
    offers_starttls,
    pop3_auth_mechanisms,
    pop3_user_pass_offered,
    read_pop3_status,
)
from assistant.settings import AuthMethod, Protocol, Security

USER = "USER"  # USER/PASS, reported as the mechanism "USER"
_TEMPORARY = re.compile(r"\[(IN-USE|SYS/TEMP|SYS/PERM|LOGIN-DELAY)\]", re.IGNORECASE)
_STAT = re.compile(r"\+OK\s+(\d+)\s+\d+")
# RFC 2449 LOGIN-DELAY: the account logged in too recently (Cyrus's popminpoll); the password
# was not called wrong, and the wait is the CAPA line's "LOGIN-DELAY <seconds>" when listed.
_LOGIN_DELAY = re.compile(r"\[LOGIN-DELAY\]", re.IGNORECASE)


def run(attempt: Attempt) -> Success:
    session = attempt.open()
    conn = session.conn
    try:
        attempt.require_protection(session)
        encrypted = session.security is not Security.NONE
        mechanism = _authenticate(attempt, session, encrypted)
        conn.send(b"STAT\r\n")
        ok, text = read_pop3_status(conn)
        match = _STAT.match(text)
        if not ok or match is None:
            raise ProtocolError("bad_stat", line=attempt.detail(text))
        count = int(match.group(1))
        return Success(mechanism, count, ["INBOX"], [Problem("login.note_pop_inbox_only")])
    finally:
        # QUIT whatever happened; POP deletes nothing here (no DELE was sent).
        with contextlib.suppress(NetError):
            conn.send(b"QUIT\r\n")
            read_pop3_status(conn)
        conn.close()


def _candidates(attempt: Attempt, capabilities: list[str], encrypted: bool) -> list[str]:
    order = sasl.mechanism_order(pop3_auth_mechanisms(capabilities), attempt.server.auth,
                                 encrypted=encrypted)
    cleartext = attempt.server.auth is AuthMethod.PASSWORD_CLEARTEXT
    if cleartext and pop3_user_pass_offered(capabilities):
        order.append(USER)
    return order


def _authenticate(attempt: Attempt, session: Session, encrypted: bool) -> str:
    conn, capabilities = session.conn, session.capabilities
    candidates = _candidates(attempt, capabilities, encrypted)
    if not candidates and not encrypted and offers_starttls(Protocol.POP3, capabilities):
        # Dovecot with disable_plaintext_auth: USER and SASL appear only after STLS. Look
        # there (nothing secret is sent) rather than guess what the server would say.
        after = capabilities_after_starttls(session, attempt.policy)
        if after is not None and _candidates(attempt, after, encrypted=True):
            raise Failure("tls_required", "login.tls_required_found",
                          offered=" ".join(_candidates(attempt, after, encrypted=True)))
    for mechanism in candidates:
        try:
            ok, text = _user_pass(attempt, conn) if mechanism == USER else _sasl(
                attempt, conn, mechanism)
        except sasl.MechanismRefused:
            continue
        if ok:
            return mechanism
        detail = attempt.detail(text)
        if not encrypted and POP3_NEEDS_TLS.search(text):
            raise Failure("tls_required", "login.tls_required", mechanism=mechanism,
                          detail=detail)
        if _LOGIN_DELAY.search(text):
            seconds = _login_delay_seconds(capabilities)
            if seconds is None:
                raise Failure("protocol_error", "login.pop_login_delay_unlisted",
                              mechanism=mechanism, **attempt.where(), detail=detail)
            raise Failure("protocol_error", "login.pop_login_delay", mechanism=mechanism,
                          **attempt.where(), seconds=seconds, detail=detail)
        if _TEMPORARY.search(text):
            raise Failure("protocol_error", "login.protocol_error", mechanism=mechanism,
                          protocol="POP3", **attempt.where(), detail=detail)
        raise Failure("wrong_credentials", "login.wrong_credentials", mechanism=mechanism,
                      login=attempt.login, detail=detail)
    raise Failure("auth_not_offered", "login.auth_not_offered", **attempt.where(),
                  offered=" ".join(pop3_auth_mechanisms(capabilities) or candidates) or "-")


def _login_delay_seconds(capabilities: list[str]) -> int | None:
    for cap in capabilities:
        name, _, rest = cap.partition(" ")
        if name.upper() == "LOGIN-DELAY" and rest.split() and rest.split()[0].isdigit():
            return int(rest.split()[0])
    return None


def _user_pass(attempt: Attempt, conn: Connection) -> tuple[bool, str]:
    if any(ch in attempt.login for ch in "\r\n "):
        raise sasl.MechanismRefused
    conn.send(b"USER " + attempt.login.encode("utf-8") + b"\r\n")
    ok, text = read_pop3_status(conn)
    if not ok:
        if POP3_NEEDS_TLS.search(text):
            return ok, text
        raise sasl.MechanismRefused
    if any(ch in attempt.password.reveal() for ch in "\r\n"):
        raise sasl.MechanismRefused  # cannot be sent as a PASS argument; AUTH PLAIN could
    conn.send(b"PASS " + attempt.password.reveal().encode("utf-8") + b"\r\n")
    return read_pop3_status(conn)


def _sasl(attempt: Attempt, conn: Connection, mechanism: str) -> tuple[bool, str]:
    """RFC 5034 exchange: ``AUTH MECH``, then one base64 answer per ``+`` challenge."""
    exchange = sasl.Exchange(mechanism, attempt.login, attempt.password)
    conn.send(f"AUTH {mechanism}\r\n".encode("ascii"))
    first = True
    while True:
        line = conn.read_line().decode("utf-8", "replace").rstrip("\r\n")
        if line.startswith(("+OK", "-ERR")):
            if first and line.startswith("-ERR") and not POP3_NEEDS_TLS.search(line):
                raise sasl.MechanismRefused
            return line.startswith("+OK"), line
        if not (line == "+" or line.startswith("+ ")):
            raise ProtocolError("bad_reply", line=attempt.detail(line))
        first = False
        conn.send(exchange.answer_base64(line[2:]) + b"\r\n")
