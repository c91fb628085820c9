"""The attacker's mail server: IMAP 993, POP3 995 and SMTP 465 over TLS with a *valid*
certificate for its own names, accepting any login, and recording every byte it receives.

It answers as a real server would up to the login (so the probe rates it "ok"), then says
yes to any password: the worst case. ``received`` is what the attacker got; a test asserts
that no form of the member's password is in it (``leaked``).
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from tests.login.test_canary import forms
from tests.testbed.ca import CertPair
from tests.testbed.fakes import FakeServer

Dialogue = Callable[[ssl.SSLSocket, "Attacker"], None]


@dataclass
class Attacker:
    ip: str
    received: bytearray = field(default_factory=bytearray)
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def leaked(self, password: str, *logins: str) -> list[str]:
        """The forms of ``password`` (raw, quoted, base64, inside AUTH PLAIN) it received."""
        with self.lock:
            text = self.received.decode("utf-8", "replace")
        return sorted(f for f in forms(password, logins) if f in text)

    def line(self, conn: ssl.SSLSocket) -> bytes | None:
        data = b""
        while not data.endswith(b"\n"):
            chunk = conn.recv(1)
            if not chunk:
                return None
            data += chunk
            if len(data) > 8192:
                return None
        with self.lock:
            self.received += data
        return data.rstrip(b"\r\n")


def _imap(conn: ssl.SSLSocket, me: Attacker) -> None:
    conn.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
    while (line := me.line(conn)) is not None:
        tag, _, rest = line.partition(b" ")
        command = rest.split(b" ")[0].upper()
        if command == b"CAPABILITY":
            conn.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
        elif command == b"AUTHENTICATE":
            if len(rest.split(b" ")) < 3:
                conn.sendall(b"+ \r\n")
                me.line(conn)
            conn.sendall(tag + b" OK logged in\r\n")
        elif command == b"LIST":
            conn.sendall(b'* LIST () "/" INBOX\r\n' + tag + b" OK done\r\n")
        elif command == b"LOGOUT":
            conn.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")
            return
        else:
            conn.sendall(tag + b" OK done\r\n")


def _pop3(conn: ssl.SSLSocket, me: Attacker) -> None:
    conn.sendall(b"+OK ready\r\n")
    while (line := me.line(conn)) is not None:
        command = line.split(b" ")[0].upper()
        if command == b"CAPA":
            conn.sendall(b"+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n")
        elif command == b"AUTH" and len(line.split(b" ")) < 3:
            conn.sendall(b"+ \r\n")
            me.line(conn)
            conn.sendall(b"+OK logged in\r\n")
        elif command == b"QUIT":
            conn.sendall(b"+OK bye\r\n")
            return
        else:
            conn.sendall(b"+OK 0 0\r\n")


def _smtp(conn: ssl.SSLSocket, me: Attacker) -> None:
    conn.sendall(b"220 ready ESMTP\r\n")
    while (line := me.line(conn)) is not None:
        words = line.split(b" ")
        command = words[0].upper()
        if command in (b"EHLO", b"HELO"):
            conn.sendall(b"250-hello\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n")
        elif command == b"AUTH":
            prompts = 2 if words[1].upper() == b"LOGIN" else int(len(words) < 3)
            for _ in range(prompts):
                conn.sendall(b"334 \r\n")
                me.line(conn)
            conn.sendall(b"235 2.7.0 accepted\r\n")
        elif command == b"QUIT":
            conn.sendall(b"221 bye\r\n")
            return
        else:
            conn.sendall(b"250 ok\r\n")


PORTS: dict[int, Dialogue] = {993: _imap, 995: _pop3, 465: _smtp}


@contextmanager
def attacker(ip: str, cert: CertPair) -> Iterator[Attacker]:
    """The attacker's three TLS services on ``ip``."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert.cert), str(cert.key))
    me = Attacker(ip)

    def serve(dialogue: Dialogue) -> Callable[[socket.socket, threading.Event], None]:
        def behaviour(conn: socket.socket, stop: threading.Event) -> None:
            conn.settimeout(20)
            with me.lock:
                me.connections += 1
            try:
                tls = context.wrap_socket(conn, server_side=True)
            except (ssl.SSLError, OSError):
                return  # a client that gave up on the handshake
            dialogue(tls, me)

        return behaviour

    with ExitStack() as stack:
        for port, dialogue in PORTS.items():
            server = FakeServer(ip, port, serve(dialogue))
            stack.callback(server.stop)
        yield me
