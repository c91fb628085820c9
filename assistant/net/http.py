"""A small HTTP/1.1 GET for autoconfig files: through the chosen resolver, bounded in size
and time, no redirects, no cookies — nothing a hostile web server could stretch."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from assistant.net.connection import Connection, Limits, connect, open_tls
from assistant.net.deadline import CancelToken, Deadline
from assistant.net.errors import CertificateInvalid, ProtocolError
from assistant.net.resolve import Resolver
from assistant.net.text import ascii_number, bracketed, host_port
from assistant.net.tls import TlsPolicy

MAX_BODY = 256 * 1024
_MAX_HEADERS = 100
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,8}")


@dataclass(frozen=True)
class HttpResponse:
    status: int
    content_type: str
    body: bytes


def http_get(url: str, *, resolver: Resolver, policy: TlsPolicy, deadline: Deadline,
             cancel: CancelToken | None = None, max_body: int = MAX_BODY) -> HttpResponse:
    """GET ``url`` (http or https). Raises NetError.

    For https the certificate must verify (or match the policy's pin): an autoconfig file
    is trusted *because* of its certificate, so even a policy that keeps unverified sessions
    for the probe gets :class:`CertificateInvalid` (with the fingerprint) here.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ProtocolError("bad_url", url=url)
    host = parts.hostname
    port = parts.port or (443 if parts.scheme == "https" else 80)
    limits = Limits(max_line=8192, max_total=max_body + 64 * 1024,
                    read_timeout=deadline.remaining())

    def plain() -> Connection:
        return connect(host, port, resolver=resolver, deadline=deadline, cancel=cancel,
                       limits=limits)

    conn = open_tls(plain, policy) if parts.scheme == "https" else plain()
    tls = conn.tls
    if tls is not None and not tls.certificate_valid and not tls.pinned:
        conn.close()
        raise CertificateInvalid(tls.certificate_error or "", tls.fingerprint_sha256,
                                 version=tls.version)
    with conn:
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host_header = bracketed(host) if parts.port is None else host_port(host, parts.port)
        conn.send(f"GET {target} HTTP/1.1\r\nHost: {host_header}\r\n"
                  "User-Agent: mail-assistant\r\nAccept: text/xml, application/xml\r\n"
                  "Connection: close\r\n\r\n".encode("ascii", "strict"))
        status_line = conn.read_line().decode("latin-1").split(None, 2)
        status = ascii_number(status_line[1], 3) if len(status_line) >= 2 else None
        if status is None or not status_line[0].startswith("HTTP/"):
            raise ProtocolError("bad_status_line")
        headers: dict[str, str] = {}
        for _ in range(_MAX_HEADERS):
            line = conn.read_line().decode("latin-1").strip()
            if not line:
                break
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        else:
            raise ProtocolError("too_many_headers")
        body = _read_body(conn, headers, max_body)
        return HttpResponse(status, headers.get("content-type", ""), body)


def _read_body(conn: Connection, headers: dict[str, str], max_body: int) -> bytes:
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = bytearray()
        while True:
            size_text = conn.read_line().split(b";")[0].strip()
            if not _CHUNK_SIZE.fullmatch(size_text):
                raise ProtocolError("bad_chunk")
            size = int(size_text, 16)
            if size == 0:
                return bytes(body)
            if len(body) + size > max_body:
                raise ProtocolError("body_too_large", max=max_body)
            body += conn.read_exact(size)
            conn.read_line()
    length = headers.get("content-length")
    if length is not None:
        declared = ascii_number(length, 10)
        if declared is None:
            raise ProtocolError("bad_content_length")
        if declared > max_body:
            raise ProtocolError("body_too_large", max=max_body)
        return conn.read_exact(declared)
    rest = conn.read_to_end()
    if len(rest) > max_body:
        raise ProtocolError("body_too_large", max=max_body)
    return rest
