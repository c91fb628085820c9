"""Fixtures of the login tests: a check against a test-bed scenario, and scripted fakes."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from assistant.login import LoginResult, check_login
from assistant.settings import Server
from tests.testbed import Scenario, Testbed
from tests.testbed.fakes import FakeServer

# Generous: Dovecot delays answers after failed logins; a check never waits this long
# unless something hangs (and then the test fails on the result, not on time).
TIMEOUT = 15.0


@pytest.fixture(scope="session")
def modern(testbed: Testbed) -> Scenario:
    return testbed.scenarios["modern"]


@pytest.fixture(scope="session")
def legacy(testbed: Testbed) -> Scenario:
    return testbed.scenarios["legacy"]


@pytest.fixture(scope="session")
def selfsigned(testbed: Testbed) -> Scenario:
    return testbed.scenarios["selfsigned"]


@pytest.fixture
def check(testbed: Testbed) -> Callable[..., LoginResult]:
    """``check(scenario, "imap", 993, "tls", login, password, **options)``."""

    def run(scenario: Scenario, protocol: str, port: int, security: str, login: str,
            password: str, **options: Any) -> LoginResult:
        options.setdefault("ca_file", testbed.ca_file)
        options.setdefault("dns_server", testbed.dns_server)
        options.setdefault("timeout", TIMEOUT)
        server = Server.create(protocol, scenario.mail_host, port, security)
        return check_login(server, login, password, **options)

    return run


@dataclass
class Fake:
    """A scripted server: ``received`` holds every byte clients sent (to prove what leaked)."""

    ip: str
    port: int
    received: bytearray = field(default_factory=bytearray)


Script = Callable[[socket.socket, Fake], None]


@contextmanager
def scripted(ip: str, script: Script) -> Iterator[Fake]:
    """Serve ``script`` (one call per connection) on ``ip`` and a free port (the test bed's
    FakeServer)."""
    fakes: list[Fake] = []

    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(30)
        script(conn, fakes[0])

    server = FakeServer(ip, 0, behaviour)
    fakes.append(Fake(ip, server.port))
    try:
        yield fakes[0]
    finally:
        server.stop()


def lines(conn: socket.socket, fake: Fake) -> Iterator[bytes]:
    """The client's lines, recorded in ``fake.received``."""
    buffer = b""
    while True:
        while b"\n" not in buffer:
            chunk = conn.recv(4096)
            if not chunk:
                return
            fake.received += chunk
            buffer += chunk
        line, buffer = buffer.split(b"\n", 1)
        yield line.rstrip(b"\r")
