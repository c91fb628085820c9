"""HTTP and HTTPS servers (stdlib http.server in a thread) serving fixed routes.

Why stdlib: autoconfig discovery only needs GET of small documents, and a thread in the
test process starts in milliseconds and is stopped deterministically.
"""

from __future__ import annotations

import socket
import socketserver
import ssl
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.testbed.ca import CertPair


@dataclass(frozen=True)
class Route:
    """A fixed response. A key of `routes` is "/path" or "host/path" (host match first)."""

    body: bytes = b""
    content_type: str = "application/xml; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


RouteValue = Route | bytes | str


def _route(value: RouteValue) -> Route:
    if isinstance(value, Route):
        return value
    return Route(value.encode() if isinstance(value, str) else value)


class _Server(ThreadingHTTPServer):
    """Does the TLS handshake in the request thread, so one stalled client blocks nobody."""

    daemon_threads = True
    tls_context: ssl.SSLContext | None = None

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls socket.getfqdn(), a reverse lookup through the system
        # resolver, i.e. off the machine: bind like a plain TCP server instead.
        socketserver.TCPServer.server_bind(self)
        self.server_name = str(self.server_address[0])
        self.server_port = int(self.server_address[1])

    def finish_request(self, request: socket.socket | tuple[bytes, socket.socket],
                       client_address: Any) -> None:
        if self.tls_context is None or not isinstance(request, socket.socket):
            super().finish_request(request, client_address)
            return
        request.settimeout(10)
        try:
            wrapped = self.tls_context.wrap_socket(request, server_side=True)
        except (OSError, ssl.SSLError):
            return
        with wrapped:  # the accepted socket was detached into `wrapped`: close that one
            super().finish_request(wrapped, client_address)


class HttpServer:
    """A running server; `requests` records (host, path) of every request, in order."""

    def __init__(self, ip: str, port: int, routes: Mapping[str, RouteValue],
                 tls_cert: CertPair | None = None) -> None:
        self.routes = {k: _route(v) for k, v in routes.items()}
        self.requests: list[tuple[str, str]] = []
        self.tls = tls_cert is not None
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
                path = self.path.split("?", 1)[0]
                owner.requests.append((host, self.path))
                route = owner.routes.get(host + path) or owner.routes.get(path)
                if route is None:
                    route = Route(b"not found\n", "text/plain", 404)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for k, v in route.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the request list is the log

        Handler.timeout = 10  # a client that stalls cannot hold a thread for long
        self.server = _Server((ip, port), Handler)
        if tls_cert is not None:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(tls_cert.cert, tls_cert.key)
            self.server.tls_context = ctx
        self.ip = ip
        self.port = int(self.server.server_address[1])
        self._thread = threading.Thread(target=self.server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"{self.ip}:{self.port}"

    def url(self, host: str, path: str) -> str:
        """URL for `host` (resolved by the test DNS) with this server's scheme and port."""
        scheme = "https" if self.tls else "http"
        default = 443 if self.tls else 80
        port = "" if self.port == default else f":{self.port}"
        return f"{scheme}://{host}{port}{path}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> HttpServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def start_http(ip: str, port: int, routes: Mapping[str, RouteValue],
               tls_cert: CertPair | None = None) -> Iterator[HttpServer]:
    """Serve `routes` on ip:port (HTTPS with `tls_cert`) for the `with` block; port 0 = any."""
    with HttpServer(ip, port, routes, tls_cert) as server:
        yield server
