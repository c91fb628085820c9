"""Bounded, cancellable TCP and TLS connections.

Sockets are non-blocking and every wait lasts at most :data:`~assistant.net.deadline.POLL_SLICE`,
so a Cancel from another thread or the deadline is noticed within a tenth of a second and the
socket is closed. Every read is bounded: a line may not exceed ``max_line`` bytes and a
connection may not deliver more than ``max_total`` bytes in all.
"""

from __future__ import annotations

import contextlib
import errno
import select
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass

import truststore

from assistant.net.deadline import CancelToken, Deadline
from assistant.net.errors import (
    Cancelled,
    CertificateInvalid,
    ConnectionClosed,
    LineTooLong,
    NetError,
    NoGreeting,
    Refused,
    StartTlsInjection,
    Timeout,
    TlsError,
    TooMuchData,
    Unreachable,
)
from assistant.net.resolve import Resolver
from assistant.net.tls import TlsInfo, TlsPolicy, fingerprint

_UNREACHABLE = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EADDRNOTAVAIL, errno.ENETDOWN,
                errno.EHOSTDOWN}


@dataclass(frozen=True)
class Limits:
    """Bounds on what a server may send: a mail greeting or capability line is short."""

    max_line: int = 8192
    max_total: int = 256 * 1024
    read_timeout: float = 10.0  # one read may wait at most this long (and never past the deadline)


class Connection:
    """One TCP connection, possibly upgraded to TLS, with a line reader and a deadline."""

    def __init__(self, sock: socket.socket, host: str, port: int, address: str,
                 deadline: Deadline, cancel: CancelToken | None, limits: Limits) -> None:
        self.sock: socket.socket = sock
        self.host, self.port, self.address = host, port, address
        self.deadline, self.cancel, self.limits = deadline, cancel, limits
        self.tls: TlsInfo | None = None
        self._buffer = bytearray()
        self._received = 0
        self._closed = False

    def __repr__(self) -> str:
        return f"Connection({self.host}:{self.port} via {self.address}, tls={self.tls is not None})"

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            with contextlib.suppress(OSError):
                self.sock.close()

    # -- waiting ---------------------------------------------------------------------------

    def _wait(self, *, write: bool, what: str, until: Deadline) -> None:
        """Wait until the socket is ready (in slices), or raise Cancelled/Timeout (closing)."""
        while True:
            try:
                until.check(self.cancel, what)
            except NetError:
                self.close()
                raise
            # Windows reports a failed non-blocking connect in the exceptional set.
            readable, writable, failed = select.select(
                [] if write else [self.sock], [self.sock] if write else [],
                [self.sock] if write else [], until.slice())
            if readable or writable or failed:
                return

    def _read_deadline(self) -> Deadline:
        return self.deadline.child(self.limits.read_timeout)

    # -- sending ---------------------------------------------------------------------------

    def send(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            try:
                sent = self.sock.send(view)
            except (BlockingIOError, ssl.SSLWantWriteError):
                self._wait(write=True, what="send", until=self.deadline)
                continue
            except ssl.SSLWantReadError:
                self._wait(write=False, what="send", until=self.deadline)
                continue
            except OSError as exc:
                self.close()
                raise ConnectionClosed(f"send: {exc.strerror or exc}") from None
            view = view[sent:]

    # -- reading ---------------------------------------------------------------------------

    def _fill(self, until: Deadline, what: str = "read") -> None:
        """Append at least one byte to the buffer (bounded by max_total) or raise."""
        room = self.limits.max_total - self._received
        if room <= 0:
            self.close()
            raise TooMuchData(max=self.limits.max_total)
        while True:
            try:
                chunk = self.sock.recv(min(65536, room))
            except (BlockingIOError, ssl.SSLWantReadError):
                self._wait(write=False, what=what, until=until)
                continue
            except ssl.SSLWantWriteError:
                self._wait(write=True, what=what, until=until)
                continue
            except ssl.SSLError as exc:
                self.close()
                raise TlsError(exc.reason or str(exc)) from None
            except OSError as exc:
                self.close()
                raise ConnectionClosed(exc.strerror or str(exc)) from None
            if not chunk:
                self.close()
                raise ConnectionClosed("eof")
            self._received += len(chunk)
            self._buffer += chunk
            return

    def await_data(self, until: Deadline) -> float:
        """Wait up to ``until`` for the server's first bytes; the seconds waited.

        A greeting may be held back on purpose (Sendmail's ``greet_pause``; RFC 5321 gives a
        client 5 minutes), so it gets a longer wait than one read. Once bytes flow, the normal
        read bounds apply again (a slow drip is still cut off). Raises :class:`NoGreeting`
        (status ``timeout``) or :class:`Cancelled` with detail ``greeting``.
        """
        started = time.monotonic()
        if not self._buffer:
            try:
                self._fill(until, what="greeting")
            except Timeout:
                raise NoGreeting("greeting",
                                 seconds=f"{time.monotonic() - started:.0f}") from None
        return time.monotonic() - started

    def read_line(self) -> bytes:
        """One line including its end (CRLF or LF); bounded in length and time."""
        until = self._read_deadline()
        start = 0
        while True:
            end = self._buffer.find(b"\n", start)
            if end >= 0:
                if end + 1 > self.limits.max_line:
                    self.close()
                    raise LineTooLong(max=self.limits.max_line)
                line = bytes(self._buffer[:end + 1])
                del self._buffer[:end + 1]
                return line
            if len(self._buffer) > self.limits.max_line:
                self.close()
                raise LineTooLong(max=self.limits.max_line)
            start = len(self._buffer)
            self._fill(until)

    def read_exact(self, size: int) -> bytes:
        until = self._read_deadline()
        while len(self._buffer) < size:
            self._fill(until)
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def read_to_end(self) -> bytes:
        """Everything until the peer closes (bounded by max_total)."""
        until = self._read_deadline()
        while True:
            try:
                self._fill(until)
            except ConnectionClosed:
                break
        data = bytes(self._buffer)
        self._buffer.clear()
        return data

    # -- TLS -------------------------------------------------------------------------------

    def handshake(self, policy: TlsPolicy, *, verify: bool = True) -> None:
        """Turn this connection into TLS (SNI and host check use ``host``, not the address).

        Raises :class:`StartTlsInjection` if the server already sent bytes that would be read
        as if they came through TLS, :class:`CertificateInvalid` (without a fingerprint: see
        :func:`open_tls`) or :class:`TlsError`.
        """
        if self._buffer:
            self.close()
            raise StartTlsInjection(size=len(self._buffer))
        context = policy.context(verify)
        if isinstance(context, truststore.SSLContext):
            self._os_verified_handshake(context)
            return
        try:
            tls = context.wrap_socket(self.sock, server_hostname=self.host,
                                      do_handshake_on_connect=False)
        except (ssl.SSLError, ValueError, OSError) as exc:
            self.close()
            raise TlsError(str(exc)) from None
        self.sock = tls
        until = self.deadline
        while True:
            try:
                tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                self._wait(write=False, what="tls handshake", until=until)
            except ssl.SSLWantWriteError:
                self._wait(write=True, what="tls handshake", until=until)
            except ssl.SSLCertVerificationError as exc:
                self.close()
                raise CertificateInvalid(exc.verify_message or exc.reason or str(exc),
                                         None) from None
            except ssl.SSLError as exc:
                self.close()
                raise TlsError(exc.reason or str(exc)) from None
            except OSError as exc:
                self.close()
                raise TlsError(exc.strerror or str(exc)) from None
        self._established(tls, verify)

    def _established(self, tls: ssl.SSLSocket, verified: bool) -> None:
        der = tls.getpeercert(binary_form=True) or b""
        self.tls = TlsInfo(version=tls.version() or "", certificate_valid=verified,
                           certificate_error=None, fingerprint_sha256=fingerprint(der))

    def _os_verified_handshake(self, context: truststore.SSLContext) -> None:
        """The handshake when the operating system verifies (``truststore``).

        truststore verifies inside ``wrap_socket`` once the handshake is done, so the socket
        blocks for it, bounded by the deadline; Cancel is noticed before it, not during.
        """
        try:
            self.deadline.check(self.cancel, "tls handshake")
        except NetError:
            self.close()
            raise
        self.sock.settimeout(max(0.05, self.deadline.remaining()))
        try:
            tls = context.wrap_socket(self.sock, server_hostname=self.host)
        except ssl.SSLCertVerificationError as exc:
            self.close()
            raise CertificateInvalid(exc.verify_message or exc.reason or str(exc),
                                     None) from None
        except TimeoutError:
            self.close()
            raise Timeout("tls handshake") from None
        except ssl.SSLError as exc:
            self.close()
            raise TlsError(exc.reason or str(exc)) from None
        except (OSError, ValueError) as exc:
            self.close()
            raise TlsError(str(exc)) from None
        tls.setblocking(False)
        self.sock = tls
        self._established(tls, True)


def connect(host: str, port: int, *, resolver: Resolver, deadline: Deadline,
            cancel: CancelToken | None = None, limits: Limits | None = None,
            connect_within: float | None = None) -> Connection:
    """A TCP connection to ``host`` through ``resolver`` (A then AAAA addresses, each given an
    equal share of the remaining time, at most ``connect_within`` seconds: a dropped port
    fails as fast as before even when the deadline is long for a slow greeting). Raises
    DnsError, Refused, Timeout, Unreachable or Cancelled."""
    addresses = resolver.addresses(host, deadline, cancel)
    last: NetError = Unreachable("no address")
    for index, address in enumerate(addresses):
        share = deadline.remaining() / (len(addresses) - index)
        if connect_within is not None:
            share = min(share, connect_within)
        try:
            return _connect_one(host, port, address, deadline.child(share), deadline, cancel,
                                limits or Limits())
        except (Refused, Timeout, Unreachable) as exc:
            last = exc
            if deadline.expired:
                break
    raise last


def _connect_one(host: str, port: int, address: str, attempt: Deadline, deadline: Deadline,
                 cancel: CancelToken | None, limits: Limits) -> Connection:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    try:
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as exc:
        raise Unreachable(exc.strerror or str(exc)) from None
    sock.setblocking(False)
    conn = Connection(sock, host, port, address, deadline, cancel, limits)
    code = sock.connect_ex((address, port))
    if code not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY):
        conn.close()
        raise _classify_connect(code)
    if code != 0:
        conn._wait(write=True, what=f"connect {address}:{port}", until=attempt)
        code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if code != 0:
            conn.close()
            raise _classify_connect(code)
    return conn


def _classify_connect(code: int) -> NetError:
    reason = errno.errorcode.get(code, str(code))
    if code in (errno.ECONNREFUSED, errno.ECONNRESET):
        return Refused(reason)
    if code == errno.ETIMEDOUT:
        return Timeout(reason)
    return Unreachable(reason)


def open_tls(open_plain: Callable[[], Connection], policy: TlsPolicy) -> Connection:
    """A verified TLS session on the connection ``open_plain()`` returns (a fresh TCP
    connection for implicit TLS, or one that just got the server's go-ahead for STARTTLS).

    If verification fails, ``open_plain`` is called a second time and a non-verifying
    handshake reads the certificate: when its fingerprint equals ``policy.pin`` that session
    is returned (``tls.pinned``); with ``policy.keep_unverified`` it is returned marked invalid;
    otherwise it is closed and :class:`CertificateInvalid` carries the error and fingerprint.
    """
    conn = open_plain()
    try:
        conn.handshake(policy)
        return conn
    except CertificateInvalid as exc:
        error = exc.detail
    second = open_plain()
    try:
        second.handshake(policy, verify=False)
    except Cancelled:
        raise
    except NetError:
        raise CertificateInvalid(error, None) from None
    assert second.tls is not None
    seen = second.tls.fingerprint_sha256
    pinned = policy.pin is not None and policy.pin == seen
    if pinned or policy.keep_unverified:
        second.tls = TlsInfo(second.tls.version, False, error, seen, pinned=pinned)
        return second
    second.close()
    raise CertificateInvalid(error, seen, version=second.tls.version)
