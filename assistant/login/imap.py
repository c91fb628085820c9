"""IMAP login through imapclient, on the connection assistant.net established.

imapclient (and imaplib beneath it) would connect by host name through the system resolver
and verify TLS itself. Instead :func:`assistant.net.mail.open_session` connects to the address
the chosen DNS server returned, performs TLS or STARTTLS with our verification and pinning and
reads the capabilities; the live connection is then handed to imaplib through its documented
transport hooks (``open``/``read``/``readline``/``send``/``shutdown``), so every later read is
still bounded in size and time and cancellable.

imaplib's debug output is switched off for good (``debug`` and ``_mesg`` ignore assignment,
``_log`` keeps nothing): its command log would otherwise hold the ``LOGIN`` line.
"""

from __future__ import annotations

import contextlib
import imaplib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from imapclient import IMAPClient

from assistant.login import sasl
from assistant.login.attempt import Attempt, Failure, Success
from assistant.net import Connection, NetError
from assistant.net.mail import imap_auth_mechanisms
from assistant.settings import Security

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

# The greeting was read before the hand-over (and, after STARTTLS, must be forgotten: RFC
# 3207/3501); imaplib is given this neutral one and then asks CAPABILITY itself.
_HANDOVER_GREETING = b"* OK session handed over by the assistant\r\n"
_RESPONSE_CODE = re.compile(r"^\[([A-Z-]+)")
_MAX_FOLDERS = 1000


def _discard(*_args: Any) -> None:
    """imaplib's debug sink: nothing is printed or kept."""


class _NetIMAP4(imaplib.IMAP4):
    """imaplib speaking over an established :class:`~assistant.net.Connection`."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._replay = [_HANDOVER_GREETING]
        super().__init__(conn.host, conn.port)

    # imaplib.IMAP4.__init__ assigns ``debug`` and imapclient assigns ``debug``/``_mesg``
    # after construction; both are pinned here so no command line (LOGIN!) is ever logged.
    @property
    def debug(self) -> int:
        return 0

    @debug.setter
    def debug(self, _value: int) -> None:
        pass

    @property
    def _mesg(self) -> Callable[..., None]:
        return _discard

    @_mesg.setter
    def _mesg(self, _value: Callable[..., None]) -> None:
        pass

    def _log(self, line: str) -> None:
        pass

    def print_log(self) -> None:
        pass

    def open(self, host: str = "", port: int = 0, timeout: float | None = None) -> None:
        self.host, self.port = host, port
        self.sock = self._conn.sock

    def read(self, size: int) -> bytes:
        return self._conn.read_exact(size)

    def readline(self) -> bytes:
        if self._replay:
            return self._replay.pop()
        return self._conn.read_line()

    def send(self, data: ReadableBuffer) -> None:
        self._conn.send(bytes(data))

    def shutdown(self) -> None:
        self._conn.close()


class _Client(IMAPClient):  # type: ignore[misc]  # imapclient ships no type information
    """IMAPClient on a prepared imaplib object instead of a connection it opens itself.

    ``ssl=False`` because TLS is the Connection's business (imapclient's own debug line then
    says "plain text"; the result's ``security`` says what was really established).
    """

    def __init__(self, imap: _NetIMAP4) -> None:
        self._prepared = imap
        super().__init__(imap.host, imap.port, ssl=False, timeout=None)

    def _create_IMAP4(self) -> _NetIMAP4:
        return self._prepared

    def _set_read_timeout(self) -> None:
        """The connection keeps its own deadline; a socket timeout would make it blocking."""


def run(attempt: Attempt) -> Success:
    session = attempt.open()
    client: _Client | None = None
    try:
        attempt.require_protection(session)
        imap = _NetIMAP4(session.conn)
        client = _Client(imap)
        capabilities = [c.decode("ascii", "replace").upper() for c in client.capabilities()]
        mechanism = _authenticate(attempt, imap, capabilities, session.security)
        count, folders = _mailbox(client)
        return Success(mechanism, count, folders)
    finally:
        if client is not None:
            # LOGOUT whatever happened; a connection already gone is fine.
            with contextlib.suppress(imaplib.IMAP4.error, NetError, OSError):
                client.logout()
        session.conn.close()


def _candidates(attempt: Attempt, capabilities: list[str], encrypted: bool) -> list[str]:
    """Mechanisms to try; "LOGIN" here is the IMAP LOGIN command, not SASL LOGIN."""
    offered = [m for m in imap_auth_mechanisms(capabilities) if m != sasl.LOGIN]
    if "LOGINDISABLED" not in capabilities and attempt.login.isascii():
        offered.append(sasl.LOGIN)
    return sasl.mechanism_order(offered, attempt.server.auth, encrypted=encrypted)


def _authenticate(attempt: Attempt, imap: _NetIMAP4, capabilities: list[str],
                  security: Security) -> str:
    encrypted = security is not Security.NONE
    candidates = _candidates(attempt, capabilities, encrypted)
    if not candidates:
        if "LOGINDISABLED" in capabilities and not encrypted:
            raise Failure("tls_required", "login.tls_required", detail="LOGINDISABLED")
        if not attempt.login.isascii():
            raise Failure("auth_not_offered", "login.utf8_login_unsupported")
        raise Failure("auth_not_offered", "login.auth_not_offered", **attempt.where(),
                      offered=" ".join(imap_auth_mechanisms(capabilities)) or "-")
    for mechanism in candidates:
        status, text = _try(attempt, imap, mechanism)
        if status == "OK":
            return mechanism
        code = _response_code(text)
        if status == "NO" and code == "PRIVACYREQUIRED":
            raise Failure("tls_required", "login.tls_required", mechanism=mechanism,
                          detail=attempt.detail(text))
        if status == "NO" and code in ("UNAVAILABLE", "SERVERBUG", "CONTACTADMIN"):
            raise Failure("protocol_error", "login.protocol_error", mechanism=mechanism,
                          protocol="IMAP", **attempt.where(), detail=attempt.detail(text))
        if status == "NO" and code != "CANNOT":
            raise Failure("wrong_credentials", "login.wrong_credentials", mechanism=mechanism,
                          login=attempt.login, detail=attempt.detail(text))
        # BAD or [CANNOT]: this mechanism is not usable here; the next one may be.
    raise Failure("auth_not_offered", "login.auth_not_offered", **attempt.where(),
                  offered=" ".join(candidates))


def _try(attempt: Attempt, imap: _NetIMAP4, mechanism: str) -> tuple[str, str]:
    """One authentication; returns imaplib's status (OK/NO/BAD) and the server's text."""
    if mechanism == sasl.LOGIN:
        # The revealed password is bound to no local name of this function; imaplib's own
        # frames hold the command line, so the quoted form is remembered for masking.
        args = [_quoted(attempt.login)]
        if _quotable(attempt.password.reveal()):
            args.append(_quoted(attempt.password.reveal()))
            attempt.password.sent_as(args[-1])
        else:
            # Non-ASCII (UTF-8) or control characters: a literal carries any octets.
            imap.literal = attempt.password.reveal().encode(  # type: ignore[assignment]
                "utf-8")
        name = "LOGIN"
    else:
        # imaplib takes bytes or a bound method here (typeshed says str).
        imap.literal = _SaslSteps(  # type: ignore[assignment]
            sasl.Exchange(mechanism, attempt.login, attempt.password)).process
        args = [mechanism]
        name = "AUTHENTICATE"
    try:
        status, data = imap._simple_command(name, *args)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as exc:  # BAD: imaplib raises instead of returning
        return "BAD", attempt.detail(str(exc))
    finally:
        imap.literal = None
    if status == "OK":
        imap.state = "AUTH"
    text = data[-1] if data and isinstance(data[-1], bytes) else b""
    return str(status), attempt.detail(text)


class _SaslSteps:
    """imaplib's literal callback (it must be a bound method): challenge in, answer out."""

    def __init__(self, exchange: sasl.Exchange) -> None:
        self._exchange = exchange

    def process(self, challenge: bytes) -> bytes:
        return self._exchange.answer_base64(challenge)


def _response_code(text: str) -> str:
    match = _RESPONSE_CODE.match(text)
    return match.group(1) if match else ""


def _quotable(value: str) -> bool:
    return value.isascii() and value.isprintable()


def _quoted(value: str) -> str:
    """An IMAP quoted string (RFC 3501): backslash and double quote escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mailbox(client: _Client) -> tuple[int | None, list[str]]:
    """The INBOX message count (EXAMINE, read-only) and the folder names."""
    folders = [str(name) for _flags, _delim, name in client.list_folders()[:_MAX_FOLDERS]]
    selected = client.select_folder("INBOX", readonly=True)
    exists = selected.get(b"EXISTS")
    return (int(exists) if exists is not None else None), folders

