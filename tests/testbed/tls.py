"""TLS client contexts for stdlib clients that connect to an IP but must verify a host name.

Why: imaplib, poplib, smtplib and http.client pass the address they connect to as the
server name; tests connect to 127.R.x.y (never resolving through the system resolver) yet
must check the certificate against the mail host's name, as the product does.
"""

from __future__ import annotations

import hashlib
import socket
import ssl
from pathlib import Path
from typing import Any


class _NamedContext(ssl.SSLContext):
    """An SSLContext that always verifies (and sends SNI for) one fixed host name."""

    server_name: str = ""

    def wrap_socket(self, sock: socket.socket, *args: Any, **kwargs: Any) -> ssl.SSLSocket:
        kwargs["server_hostname"] = self.server_name
        return super().wrap_socket(sock, *args, **kwargs)


def client_context(ca_file: Path | None, server_name: str) -> ssl.SSLContext:
    """Verifying context: trusts only `ca_file` (None: no CA at all), checks `server_name`."""
    ctx = _NamedContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.server_name = server_name
    if ca_file is not None:
        ctx.load_verify_locations(cafile=str(ca_file))
    return ctx


def pinned_context(server_name: str) -> ssl.SSLContext:
    """Non-verifying context for pinning tests: check `peer_fingerprint()` afterwards."""
    ctx = _NamedContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.server_name = server_name
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def peer_fingerprint(sock: ssl.SSLSocket) -> str:
    """SHA-256 "AB:CD:..." of the certificate the peer presented."""
    der = sock.getpeercert(binary_form=True)
    assert der is not None
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())
