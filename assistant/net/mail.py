"""IMAP, POP3 and SMTP up to the point of logging in: greeting, capabilities, STARTTLS/STLS
really performed, capabilities read again over TLS. Used by the probe and the login check.

Every failure is a :class:`~assistant.net.errors.NetError` subclass (the parsers raise only
:class:`~assistant.net.errors.ProtocolError`). Server lines kept in an error's ``line``
parameter are whole and raw apart from control characters: callers mask secrets first and
cut afterwards (see :func:`assistant.net.text.shown`), so nothing is cut in the middle of an
echoed password.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from assistant.net.connection import Connection, Limits, connect, open_tls
from assistant.net.deadline import CancelToken, Deadline
from assistant.net.errors import NetError, ProtocolError
from assistant.net.resolve import Resolver
from assistant.net.text import ascii_number, clean
from assistant.net.tls import TlsPolicy
from assistant.settings import Protocol, Security

_MAX_REPLY_LINES = 200
_ATOM = re.compile(r"[!-~]+")
# Mechanisms that put the password itself on the wire (PLAIN, LOGIN, and USER/PASS, LOGIN cmd).
PLAINTEXT_MECHANISMS = frozenset({"PLAIN", "LOGIN"})


class StartTls(StrEnum):
    """What to do on a plain connection: upgrade or fail, upgrade when offered, or never."""

    REQUIRE = "require"
    IF_OFFERED = "if_offered"
    NEVER = "never"


class StartTlsNotOffered(ProtocolError):
    """STARTTLS/STLS was required (declared by a source, or chosen) and is not offered: a
    downgrade, reported as a TLS failure."""

    status = "tls_error"
    kind = "starttls_not_offered"


class StartTlsRefused(ProtocolError):
    """The server advertised STARTTLS/STLS and then refused it (a downgrade: stop)."""

    status = "tls_error"
    kind = "starttls_refused"


class BadGreeting(ProtocolError):
    kind = "bad_greeting"


def _text(line: bytes) -> str:
    return line.decode("utf-8", "replace").rstrip("\r\n")


def _reply_code(text: str) -> int | None:
    """The three ASCII digits that start an SMTP reply line followed by "-", " " or nothing."""
    if text[3:4] not in ("-", " ", ""):
        return None
    return ascii_number(text[:3], 3) if len(text) >= 3 else None


# -- parsers (pure) ---------------------------------------------------------------------------

def parse_imap_capability(lines: list[bytes]) -> list[str]:
    """Capabilities from ``* CAPABILITY …`` lines or a ``[CAPABILITY …]`` response code."""
    found: list[str] = []
    for raw in lines:
        line = _text(raw)
        match = re.match(r"\*\s+CAPABILITY\s+(.*)$", line, re.IGNORECASE)
        if match is None:
            match = re.search(r"\[CAPABILITY\s+([^\]]*)\]", line, re.IGNORECASE)
        if match is None:
            continue
        for token in match.group(1).split():
            if not _ATOM.fullmatch(token):
                raise ProtocolError("bad_capability")
            found.append(token.upper())
    return list(dict.fromkeys(found))


def imap_auth_mechanisms(capabilities: list[str]) -> list[str]:
    return [c[5:] for c in capabilities if c.startswith("AUTH=") and len(c) > 5]


def parse_pop3_capa(lines: list[bytes]) -> list[str]:
    """The lines of a ``CAPA`` reply between ``+OK`` and ``.`` (one capability per line)."""
    found: list[str] = []
    for raw in lines:
        line = _text(raw).strip()
        if not line:
            continue
        if not line.isprintable():
            raise ProtocolError("bad_capability")
        found.append(" ".join(line.split()).upper())
    return list(dict.fromkeys(found))


def pop3_auth_mechanisms(capabilities: list[str]) -> list[str]:
    for cap in capabilities:
        name, _, rest = cap.partition(" ")
        if name == "SASL":
            return list(dict.fromkeys(rest.split()))
    return []


def parse_ehlo(lines: list[bytes]) -> list[str]:
    """Extensions from an EHLO reply (``250-`` lines; the first names the server)."""
    found: list[str] = []
    for index, raw in enumerate(lines):
        line = _text(raw)
        if _reply_code(line) is None:
            raise ProtocolError("bad_reply")
        if index == 0:
            continue
        value = " ".join(line[4:].split()).upper()
        if value:
            if not value.isprintable():
                raise ProtocolError("bad_capability")
            found.append(value)
    return list(dict.fromkeys(found))


def smtp_auth_mechanisms(extensions: list[str]) -> list[str]:
    mechanisms: list[str] = []
    for ext in extensions:
        match = re.match(r"AUTH[ =](.*)$", ext)
        if match:
            mechanisms += match.group(1).split()
    return list(dict.fromkeys(mechanisms))


# -- replies ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SmtpReply:
    code: int
    lines: list[bytes]

    @property
    def text(self) -> str:
        return " ".join(_text(line)[4:] for line in self.lines)


def read_smtp_reply(conn: Connection) -> SmtpReply:
    lines: list[bytes] = []
    while len(lines) < _MAX_REPLY_LINES:
        line = conn.read_line()
        text = _text(line)
        code = _reply_code(text)
        if code is None:
            raise ProtocolError("bad_reply", line=clean(text))
        lines.append(line)
        if text[3:4] != "-":
            return SmtpReply(code, lines)
    raise ProtocolError("too_many_lines")


def read_pop3_status(conn: Connection) -> tuple[bool, str]:
    text = _text(conn.read_line())
    if text.startswith("+OK"):
        return True, text
    if text.startswith("-ERR"):
        return False, text
    raise ProtocolError("bad_reply", line=clean(text))


def read_pop3_multiline(conn: Connection) -> list[bytes]:
    lines: list[bytes] = []
    while len(lines) < _MAX_REPLY_LINES:
        line = conn.read_line()
        if line.rstrip(b"\r\n") == b".":
            return lines
        lines.append(line[1:] if line.startswith(b"..") else line)
    raise ProtocolError("too_many_lines")


def read_imap_reply(conn: Connection, tag: str) -> tuple[list[bytes], str]:
    """Untagged lines and the tagged completion (``OK …``, ``NO …`` or ``BAD …``)."""
    untagged: list[bytes] = []
    while len(untagged) < _MAX_REPLY_LINES:
        line = conn.read_line()
        text = _text(line)
        if text.startswith(tag + " "):
            return untagged, text[len(tag) + 1:]
        if not text.startswith(("*", "+")):
            raise ProtocolError("bad_reply", line=clean(text))
        untagged.append(line)
    raise ProtocolError("too_many_lines")


# -- sessions ---------------------------------------------------------------------------------

@dataclass
class Session:
    """A connection at the point where a client would log in.

    ``security`` is what was established; ``capabilities``/``auth_mechanisms`` are those
    offered there (read again after TLS); ``plain_capabilities`` are those seen before TLS on
    an upgraded connection (what a client that never upgrades would see).
    """

    conn: Connection
    protocol: Protocol
    security: Security
    greeting: str
    capabilities: list[str]
    auth_mechanisms: list[str]
    plain_capabilities: list[str] = field(default_factory=list)
    greeting_seconds: float = 0.0  # how long the server held its (first) greeting back
    _tag: int = 0

    def next_tag(self) -> str:
        self._tag += 1
        return f"A{self._tag}"

    def plaintext_auth_offered(self) -> bool:
        """Does this port list a way to send a password without encryption (before any TLS)?
        What was *listed*: POP3's USER is still to be tried (:func:`pop3_user_refused`)."""
        return bool(self.plaintext_methods())

    def plaintext_methods(self) -> list[str]:
        """The listed ways to send a password before TLS ("LOGIN", "USER", "AUTH PLAIN", …)."""
        if self.security is Security.TLS:
            return []
        caps = self.capabilities if self.security is Security.NONE else self.plain_capabilities
        return plaintext_methods(self.protocol, caps)

    def close(self) -> None:
        """Say goodbye without waiting for the answer, then close."""
        word = {Protocol.IMAP: f"{self.next_tag()} LOGOUT", Protocol.POP3: "QUIT",
                Protocol.SMTP: "QUIT"}[self.protocol]
        with contextlib.suppress(NetError):
            self.conn.send(f"{word}\r\n".encode())
        self.conn.close()


def plaintext_methods(protocol: Protocol, caps: list[str]) -> list[str]:
    """The ways ``caps`` list to send the password itself: IMAP LOGIN (no LOGINDISABLED),
    POP3 USER (listed, or no CAPA at all), and SASL PLAIN/LOGIN."""
    found: list[str] = []
    if protocol is Protocol.IMAP:
        mechanisms = imap_auth_mechanisms(caps)
        if "LOGINDISABLED" not in caps:
            found.append("LOGIN")
    elif protocol is Protocol.POP3:
        mechanisms = pop3_auth_mechanisms(caps)
        if pop3_user_pass_offered(caps):
            found.append("USER")
    else:
        mechanisms = smtp_auth_mechanisms(caps)
    return found + [f"AUTH {m}" for m in mechanisms if m in PLAINTEXT_MECHANISMS]


@dataclass
class _Plain:
    """State of the plain part of a session (before any TLS)."""

    greeting: str = ""
    capabilities: list[str] = field(default_factory=list)
    tag: int = 0
    greeting_seconds: float = 0.0


def open_session(protocol: Protocol, host: str, port: int, *, implicit_tls: bool,
                 starttls: StartTls, resolver: Resolver, policy: TlsPolicy,
                 deadline: Deadline, cancel: CancelToken | None = None,
                 limits: Limits | None = None, greeting: Deadline | None = None,
                 connect_within: float | None = None) -> Session:
    """Connect and bring the session to where a client would authenticate.

    ``implicit_tls``: TLS from the first byte (993/995/465). Otherwise ``starttls`` decides
    whether the connection is upgraded. ``greeting``: how long a connected server may keep
    silent before its greeting (default: one read); the time waited is added to ``deadline``
    (never past ``greeting``), so a held-back greeting does not eat the dialogue's budget.
    ``connect_within``: the longest TCP connect (a dropped port). Raises NetError subclasses
    (the connection closed); a missing greeting is :class:`NoGreeting`.
    """
    limits = limits or Limits(read_timeout=deadline.remaining())
    budget = deadline

    def tcp() -> Connection:
        return connect(host, port, resolver=resolver, deadline=budget, cancel=cancel,
                       limits=limits, connect_within=connect_within)

    def hello(conn: Connection, state: _Plain) -> None:
        nonlocal budget
        if greeting is not None:
            state.greeting_seconds = conn.await_data(greeting)
            budget = conn.deadline = conn.deadline.extended(state.greeting_seconds, greeting)
        _hello(conn, protocol, state)

    if implicit_tls:
        with _closed_on_error(open_tls(tcp, policy)) as conn:
            state = _Plain()
            hello(conn, state)
            return _session(conn, protocol, Security.TLS, state, [])

    plain = _Plain()
    with _closed_on_error(tcp()) as conn:
        hello(conn, plain)
        offered = offers_starttls(protocol, plain.capabilities)
        if starttls is StartTls.NEVER or (starttls is StartTls.IF_OFFERED and not offered):
            return _session(conn, protocol, Security.NONE, plain, [])
        if not offered:
            raise StartTlsNotOffered()
        _ask_starttls(conn, protocol, plain)
    first = [conn]

    def upgraded() -> Connection:
        if first:
            return first.pop()
        with _closed_on_error(tcp()) as again:
            state = _Plain()
            hello(again, state)
            _ask_starttls(again, protocol, state)
        return again

    with _closed_on_error(open_tls(upgraded, policy)) as conn:
        state = _Plain(greeting=plain.greeting, tag=plain.tag,
                       greeting_seconds=plain.greeting_seconds)
        _capabilities(conn, protocol, state)
        return _session(conn, protocol, Security.STARTTLS, state, plain.capabilities)


@contextlib.contextmanager
def _closed_on_error(conn: Connection) -> Iterator[Connection]:
    """The connection, closed when the dialogue in the block raises a NetError."""
    try:
        yield conn
    except NetError:
        conn.close()
        raise


def _session(conn: Connection, protocol: Protocol, security: Security, state: _Plain,
             plain_caps: list[str]) -> Session:
    caps = state.capabilities
    mechanisms = {Protocol.IMAP: imap_auth_mechanisms, Protocol.POP3: pop3_auth_mechanisms,
                  Protocol.SMTP: smtp_auth_mechanisms}[protocol](caps)
    return Session(conn, protocol, security, state.greeting, caps, mechanisms, plain_caps,
                   greeting_seconds=state.greeting_seconds, _tag=state.tag)


def pop3_user_pass_offered(caps: list[str]) -> bool:
    """USER/PASS: listed in CAPA, or the server has no CAPA (old servers: then it is the
    only way in and usually works)."""
    return not caps or "USER" in caps


# -ERR texts that mean "not over an unencrypted connection" (Dovecot: "Plaintext
# authentication disallowed on non-secure (SSL/TLS) connections."; Courier: "TLS required to
# log in.").
POP3_NEEDS_TLS = re.compile(r"plaintext|ssl|tls|secure|encrypt", re.IGNORECASE)
# The name the probe gives to USER: no password follows, so nothing is ever checked with it.
PROBE_USER = "mail-assistant-probe"


def pop3_user_refused(session: Session) -> str | None:
    """Send ``USER`` (never a password) on a plain POP3 session: the server's -ERR line when it
    refuses for lack of encryption (Courier lists USER before STLS and then says "TLS required
    to log in."), else None. The session is left waiting for QUIT."""
    session.conn.send(f"USER {PROBE_USER}\r\n".encode())
    ok, line = read_pop3_status(session.conn)
    return None if ok or not POP3_NEEDS_TLS.search(line) else line


def capabilities_after_starttls(session: Session, policy: TlsPolicy) -> list[str] | None:
    """Upgrade a plain session with STARTTLS/STLS only to read what it offers there (nothing
    secret is sent, so the certificate is not checked); None when the upgrade fails. The
    session is encrypted afterwards and only fit for saying goodbye."""
    state = _Plain(tag=session._tag)
    try:
        _ask_starttls(session.conn, session.protocol, state)
        session.conn.handshake(policy, verify=False)
        _capabilities(session.conn, session.protocol, state)
    except NetError:
        return None
    finally:
        session._tag = state.tag
    return state.capabilities


def offers_starttls(protocol: Protocol, caps: list[str]) -> bool:
    """STARTTLS (IMAP, SMTP) or STLS (POP3) among the capabilities."""
    return ("STLS" if protocol is Protocol.POP3 else "STARTTLS") in caps


def _hello(conn: Connection, protocol: Protocol, state: _Plain) -> None:
    """Read the greeting, then the capabilities."""
    if protocol is Protocol.IMAP:
        greeting = _text(conn.read_line())
        if not re.match(r"\*\s+(OK|PREAUTH)\b", greeting, re.IGNORECASE):
            raise BadGreeting(line=clean(greeting))
    elif protocol is Protocol.POP3:
        ok, greeting = read_pop3_status(conn)
        if not ok:
            raise BadGreeting(line=clean(greeting))
    else:
        reply = read_smtp_reply(conn)
        greeting = reply.text
        if reply.code != 220:
            raise BadGreeting(line=clean(greeting))
    state.greeting = clean(greeting)[:200]
    _capabilities(conn, protocol, state)


def _capabilities(conn: Connection, protocol: Protocol, state: _Plain) -> None:
    if protocol is Protocol.IMAP:
        untagged, done = _imap_command(conn, state, "CAPABILITY")
        if not done.upper().startswith("OK"):
            raise ProtocolError("capability_failed", line=clean(done))
        state.capabilities = parse_imap_capability(untagged)
    elif protocol is Protocol.POP3:
        conn.send(b"CAPA\r\n")
        ok, _ = read_pop3_status(conn)
        state.capabilities = parse_pop3_capa(read_pop3_multiline(conn)) if ok else []
    else:
        conn.send(f"EHLO {_ehlo_name(conn)}\r\n".encode())
        reply = read_smtp_reply(conn)
        if reply.code == 250:
            state.capabilities = parse_ehlo(reply.lines)
        else:
            conn.send(f"HELO {_ehlo_name(conn)}\r\n".encode())
            if read_smtp_reply(conn).code != 250:
                raise ProtocolError("helo_refused")
            state.capabilities = []


def _imap_command(conn: Connection, state: _Plain, command: str) -> tuple[list[bytes], str]:
    """Send ``command`` with the session's next tag: (untagged lines, the tagged line)."""
    state.tag += 1
    tag = f"A{state.tag}"
    conn.send(f"{tag} {command}\r\n".encode())
    return read_imap_reply(conn, tag)


def _ehlo_name(conn: Connection) -> str:
    """Our address as an address literal: valid per RFC 5321 and reveals nothing new."""
    try:
        local = str(ipaddress.ip_address(conn.sock.getsockname()[0]))
    except (OSError, ValueError, IndexError, TypeError):
        local = "127.0.0.1"
    return f"[IPv6:{local}]" if ":" in local else f"[{local}]"


def _ask_starttls(conn: Connection, protocol: Protocol, state: _Plain) -> None:
    if protocol is Protocol.IMAP:
        _, done = _imap_command(conn, state, "STARTTLS")
        accepted = done.upper().startswith("OK")
    elif protocol is Protocol.POP3:
        conn.send(b"STLS\r\n")
        accepted, done = read_pop3_status(conn)
    else:
        conn.send(b"STARTTLS\r\n")
        reply = read_smtp_reply(conn)
        accepted, done = reply.code == 220, reply.text
    if not accepted:
        raise StartTlsRefused(line=clean(done))
