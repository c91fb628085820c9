"""Scripted hostile servers for behaviour real servers never show.

Each is a context manager `fake(ip, port, ...)` yielding a FakeServer (`.address`,
`.accepted`); port 0 picks a free port. Use `testbed.new_ip()` for the address so the
standard port of the protocol under test is free. Connections are closed on exit.

    silent(ip, port)               accepts, then never sends a byte
    garbage_greeting(ip, port)     sends binary garbage and a line that is no greeting
    huge_line(ip, port, size)      sends `size` bytes (1 MiB) with no line end, then waits
    tls_reset(ip, port, starttls)  resets the connection (RST) on the TLS ClientHello;
                                   starttls="imap"|"pop3"|"smtp" first plays the plaintext
                                   dialogue up to the STARTTLS/STLS command
    slow_drip(ip, port, data, interval)   sends `data` one byte every `interval` (0.5 s)
    slow_greeting_smtp(ip, port, pause, login, password)   an SMTP server that greets only
                                   after `pause` seconds (Sendmail's greet_pause), then offers
                                   AUTH PLAIN on the plain connection and checks it
"""

from __future__ import annotations

import base64
import socket
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

Behaviour = Callable[[socket.socket, threading.Event], None]

_ONE_MIB = 1 << 20


class FakeServer:
    """A listening socket whose connections each run `behaviour` in a thread."""

    def __init__(self, ip: str, port: int, behaviour: Behaviour) -> None:
        self._behaviour = behaviour
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self.accepted = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((ip, port))
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self.ip = ip
        self.port = self._sock.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self._acceptor.start()

    @property
    def address(self) -> str:
        return f"{self.ip}:{self.port}"

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.accepted += 1
                self._conns.append(conn)
                t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
                self._threads.append(t)
            t.start()

    def _serve(self, conn: socket.socket) -> None:
        with suppress(OSError):  # the client went away: that is its right
            self._behaviour(conn, self._stop)
        conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._sock.close()
        self._acceptor.join(timeout=5)
        with self._lock:
            conns, threads = list(self._conns), list(self._threads)
        for c in conns:
            with suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            c.close()
        for t in threads:
            t.join(timeout=5)


@contextmanager
def _serve(ip: str, port: int, behaviour: Behaviour) -> Iterator[FakeServer]:
    server = FakeServer(ip, port, behaviour)
    try:
        yield server
    finally:
        server.stop()


def _hold(conn: socket.socket, stop: threading.Event) -> None:
    """Read and discard until the client closes or the fake stops; never answer."""
    conn.settimeout(0.1)
    while not stop.is_set():
        try:
            if not conn.recv(4096):
                return
        except TimeoutError:
            continue


@contextmanager
def silent(ip: str, port: int) -> Iterator[FakeServer]:
    """Accepts connections and never sends anything (a hung server or a tarpit)."""
    with _serve(ip, port, _hold) as server:
        yield server


GARBAGE = b"\x00\xff\xfe\x16\x03garbage \x80\x81\x82 not a greeting\r\n"


@contextmanager
def garbage_greeting(ip: str, port: int, data: bytes = GARBAGE) -> Iterator[FakeServer]:
    """Greets with `data` (binary junk that no mail protocol accepts), then stays silent."""
    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(data)
        _hold(conn, stop)

    with _serve(ip, port, behaviour) as server:
        yield server


@contextmanager
def huge_line(ip: str, port: int, size: int = _ONE_MIB,
              prefix: bytes = b"* OK ") -> Iterator[FakeServer]:
    """Sends `prefix` and then `size` bytes with no line end at all, then stays silent."""
    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(10)
        conn.sendall(prefix + b"x" * size)
        _hold(conn, stop)

    with _serve(ip, port, behaviour) as server:
        yield server


def _reset(conn: socket.socket) -> None:
    """Close with SO_LINGER 0: the kernel sends RST instead of FIN."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


_GREETINGS = {
    "imap": b"* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] fake ready\r\n",
    "pop3": b"+OK fake ready\r\n",
    "smtp": b"220 fake.test ESMTP fake\r\n",
}


def _starttls_reply(protocol: str, line: bytes) -> tuple[bytes, bool]:
    """The fake's answer to one command line, and whether it was the TLS upgrade command."""
    words = line.split()
    verb = (words[1] if protocol == "imap" and len(words) > 1 else words[0] if words else b"")
    verb = verb.upper()
    tag = words[0] if words else b"*"
    if protocol == "imap":
        if verb == b"STARTTLS":
            return tag + b" OK Begin TLS negotiation now\r\n", True
        if verb == b"CAPABILITY":
            return (b"* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n" + tag
                    + b" OK done\r\n"), False
        return tag + b" BAD only STARTTLS here\r\n", False
    if protocol == "pop3":
        if verb == b"STLS":
            return b"+OK Begin TLS negotiation\r\n", True
        if verb == b"CAPA":
            return b"+OK\r\nSTLS\r\n.\r\n", False
        return b"-ERR only STLS here\r\n", False
    if verb == b"STARTTLS":
        return b"220 2.0.0 Ready to start TLS\r\n", True
    if verb in (b"EHLO", b"HELO"):
        return b"250-fake.test\r\n250 STARTTLS\r\n", False
    return b"502 5.5.2 only STARTTLS here\r\n", False


def _read_line(conn: socket.socket, stop: threading.Event, limit: int = 4096) -> bytes | None:
    buf = b""
    while not stop.is_set() and b"\n" not in buf and len(buf) < limit:
        try:
            chunk = conn.recv(limit - len(buf))
        except TimeoutError:
            continue
        if not chunk:
            return None
        buf += chunk
    return buf if b"\n" in buf else None


@contextmanager
def tls_reset(ip: str, port: int, starttls: str | None = None) -> Iterator[FakeServer]:
    """Resets the TCP connection when the client's TLS ClientHello arrives.

    With starttls="imap"|"pop3"|"smtp" it first greets and answers CAPABILITY/CAPA/EHLO
    (advertising STARTTLS) and accepts the upgrade command, so the reset hits the STARTTLS
    handshake; without it the reset hits an implicit-TLS handshake.
    """
    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(0.1)
        if starttls is not None:
            conn.sendall(_GREETINGS[starttls])
            while True:
                line = _read_line(conn, stop)
                if line is None:
                    return
                reply, upgrade = _starttls_reply(starttls, line)
                conn.sendall(reply)
                if upgrade:
                    break
        while not stop.is_set():  # wait for the first bytes of the ClientHello
            try:
                if not conn.recv(5):
                    return
                break
            except TimeoutError:
                continue
        _reset(conn)

    if starttls is not None and starttls not in _GREETINGS:
        raise ValueError(starttls)
    with _serve(ip, port, behaviour) as server:
        yield server


@contextmanager
def slow_drip(ip: str, port: int, data: bytes = b"* OK IMAP4rev1 fake ready\r\n",
              interval: float = 0.5) -> Iterator[FakeServer]:
    """Sends `data` one byte every `interval` seconds, over and over, until the client leaves."""
    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        i = 0
        while not stop.wait(interval):
            conn.sendall(data[i % len(data):i % len(data) + 1])
            i += 1

    with _serve(ip, port, behaviour) as server:
        yield server


@contextmanager
def slow_greeting_smtp(ip: str, port: int, pause: float = 5.0, login: str = "",
                       password: str = "") -> Iterator[FakeServer]:
    """Keeps silent for `pause` seconds after the connect, then greets and speaks ESMTP with
    AUTH PLAIN (235 for `login`/`password`, 535 otherwise) — like Sendmail with
    ``FEATURE(greet_pause, 5000)``. Without `login` it offers no AUTH (a port 25 MTA)."""
    expected = b"\0" + login.encode() + b"\0" + password.encode()

    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(0.1)
        if stop.wait(pause):
            return
        conn.sendall(b"220 slow.test ESMTP greets late\r\n")
        while (line := _read_line(conn, stop)) is not None:
            words = line.split()
            verb = words[0].upper() if words else b""
            if verb in (b"EHLO", b"HELO"):
                auth = b"250-AUTH PLAIN\r\n" if login else b""
                conn.sendall(b"250-slow.test\r\n" + auth + b"250 8BITMIME\r\n")
            elif verb == b"AUTH" and login and len(words) == 3 and words[1].upper() == b"PLAIN":
                try:
                    ok = base64.b64decode(words[2], validate=True) == expected
                except ValueError:
                    ok = False
                conn.sendall(b"235 2.7.0 ok\r\n" if ok else b"535 5.7.8 no\r\n")
            elif verb == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                return
            else:
                conn.sendall(b"502 5.5.2 not here\r\n")

    with _serve(ip, port, behaviour) as server:
        yield server
