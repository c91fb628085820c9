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


# A dialogue answers one client line with (prompts, reply, done): each prompt is sent and one
# more line read (SASL continuations), then the reply; ``done`` ends the connection.
Answer = tuple[list[bytes], bytes, bool]


def _imap(line: bytes) -> Answer:
    tag, _, rest = line.partition(b" ")
    words = rest.split(b" ")
    command = words[0].upper()
    if command == b"CAPABILITY":
        return [], b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n", False
    if command == b"AUTHENTICATE":
        return [b"+ \r\n"] * (len(words) < 3), tag + b" OK logged in\r\n", False
    if command == b"LIST":
        return [], b'* LIST () "/" INBOX\r\n' + tag + b" OK done\r\n", False
    return [], (b"* BYE\r\n" if command == b"LOGOUT" else b"") + tag + b" OK done\r\n", \
        command == b"LOGOUT"


def _pop3(line: bytes) -> Answer:
    words = line.split(b" ")
    command = words[0].upper()
    if command == b"CAPA":
        return [], b"+OK\r\nUSER\r\nSASL PLAIN\r\n.\r\n", False
    if command == b"AUTH":
        return [b"+ \r\n"] * (len(words) < 3), b"+OK logged in\r\n", False
    return [], b"+OK 0 0\r\n", command == b"QUIT"


def _smtp(line: bytes) -> Answer:
    words = line.split(b" ")
    command = words[0].upper()
    if command in (b"EHLO", b"HELO"):
        return [], b"250-hello\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n", False
    if command == b"AUTH":
        prompts = 2 if words[1:2] == [b"LOGIN"] else int(len(words) < 3)
        return [b"334 \r\n"] * prompts, b"235 2.7.0 accepted\r\n", False
    return [], b"221 bye\r\n" if command == b"QUIT" else b"250 ok\r\n", command == b"QUIT"


def _talk(greeting: bytes, answer: Callable[[bytes], Answer]) -> Dialogue:
    def dialogue(conn: ssl.SSLSocket, me: Attacker) -> None:
        conn.sendall(greeting)
        while (line := me.line(conn)) is not None:
            prompts, reply, done = answer(line)
            for prompt in prompts:
                conn.sendall(prompt)
                me.line(conn)
            conn.sendall(reply)
            if done:
                return

    return dialogue


PORTS: dict[int, Dialogue] = {
    993: _talk(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n", _imap),
    995: _talk(b"+OK ready\r\n", _pop3),
    465: _talk(b"220 ready ESMTP\r\n", _smtp),
}


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
