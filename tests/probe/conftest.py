"""Fixtures of the probe tests: an own CA for extra HTTPS servers, and small scripted servers
for byte-level hostile behaviour the shared fakes do not cover."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.testbed.ca import TestCA
from tests.testbed.fakes import FakeServer


@pytest.fixture(scope="session")
def own_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    """A CA of the probe tests (its certificate is passed as ca_file where needed)."""
    return TestCA(Path(tmp_path_factory.mktemp("probe-ca")), "Probe Test CA")


Script = Callable[[socket.socket], None]


@contextmanager
def scripted(ip: str, port: int, script: Script) -> Iterator[FakeServer]:
    """A server that runs `script(conn)` for each connection (the test bed's FakeServer)."""

    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        conn.settimeout(5)
        script(conn)

    server = FakeServer(ip, port, behaviour)
    try:
        yield server
    finally:
        server.stop()


def read_line(conn: socket.socket) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(1)
        if not chunk:
            break
        data += chunk
    return data
