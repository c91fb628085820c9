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


@pytest.fixture(scope="session")
def own_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    """A CA of the probe tests (its certificate is passed as ca_file where needed)."""
    return TestCA(Path(tmp_path_factory.mktemp("probe-ca")), "Probe Test CA")


Script = Callable[[socket.socket], None]


@contextmanager
def scripted(ip: str, port: int, script: Script) -> Iterator[list[bytes]]:
    """A server that runs `script(conn)` for each connection; yields what clients sent."""
    received: list[bytes] = []
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((ip, port))
    listener.listen(8)
    listener.settimeout(0.1)
    stop = threading.Event()
    conns: list[socket.socket] = []

    def serve(conn: socket.socket) -> None:
        try:
            conn.settimeout(5)
            script(conn)
        except OSError:
            pass

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conns.append(conn)
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield received
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()
        for conn in conns:
            conn.close()


def read_line(conn: socket.socket) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(1)
        if not chunk:
            break
        data += chunk
    return data
