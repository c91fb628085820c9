"""Low-level network helpers shared by the probe and the login check.

Everything here is bounded (size and time), cancellable from another thread, and never uses
the system resolver when a DNS server was given. Failures are typed exceptions whose
``status`` is one of :data:`STATUSES` (the probe JSON's endpoint status).

API (import from ``assistant.net``)::

    resolver = Resolver(dns_server)          # "IP[:PORT]" (--dns-server) or None = system
    resolver.addresses(host, deadline, cancel) -> list[str]   # A then AAAA; IP literal as is
    resolver.query(name, "SRV"|"MX"|..., deadline, cancel) -> list[dns.rdata.Rdata]
        # raises DnsError(detail="nxdomain"|"no_answer"|"timeout"|"servfail"|...)
    parse_dns_server("127.0.0.1:5353") -> ("127.0.0.1", 5353)  # ValidationError dns_server.invalid

    deadline = Deadline(seconds); deadline.child(seconds); deadline.remaining(); .expired
    cancel: any object with is_set() (threading.Event; AnyOf(event1, event2) combines them)

    conn = connect(host, port, resolver=, deadline=, cancel=None, limits=Limits())
        # TCP to the resolved address; conn.host stays the name (for SNI and the host check)
    conn.send(bytes); conn.read_line() -> bytes (with CRLF); conn.read_exact(n); conn.close()
        # Limits(max_line=8192, max_total=256 KiB, read_timeout=10): LineTooLong, TooMuchData,
        # ConnectionClosed, Timeout, Cancelled (the socket is closed when one is raised)
    conn.handshake(policy)                   # in-place TLS upgrade after STARTTLS; refuses if
                                             # bytes are already buffered (StartTlsInjection)

    policy = TlsPolicy(ca_file=None, pin=None, keep_unverified=False)
        # system trust store + ca_file (read once, bounded: ValidationError ca_file.*),
        # check_hostname on, SNI = host name.
        # pin: "AB:CD:…" or plain hex, any case; a certificate with exactly that SHA-256
        # fingerprint is accepted even if verification fails (host mismatch too), nothing else.
        # keep_unverified: probe only (read capabilities of a rejected server); never for login.
    conn = open_tls(open_plain, policy)      # open_plain() -> Connection ready for the handshake
        # (a fresh connect for implicit TLS; connect + greeting + STARTTLS for an upgrade).
        # On a verification failure open_plain() is called again for a non-verifying handshake
        # that reads the leaf certificate: pin match -> that session (conn.tls.pinned True);
        # otherwise CertificateInvalid(detail=error, fingerprint="AB:CD:…").
    conn.tls -> TlsInfo(version, certificate_valid, certificate_error, fingerprint_sha256, pinned)
    fingerprint(der) -> "AB:CD:…"; normalize_fingerprint(text) (ValidationError fingerprint.invalid)

    http_get(url, resolver=, policy=, deadline=, cancel=None) -> HttpResponse(status,
        content_type, body)                  # bounded GET, no redirects; an https
        # certificate that is neither valid nor pinned is CertificateInvalid, whatever
        # keep_unverified says

    clean(text) / shown(text, limit)         # server text safe to show: control characters
                                             # -> U+FFFD (mask secrets before, cut after)
    host_port(host, port)                    # "[::1]:993" for IPv6

    Protocol dialogues (greeting, capabilities, STARTTLS/STLS performed), all bounded:
    assistant.net.mail: open_session(protocol, host, port, security, resolver=, policy=,
        deadline=, cancel=, greeting=, connect_within=) -> Session(conn, protocol, security,
        greeting, capabilities, auth_mechanisms, plain_capabilities, greeting_seconds);
        offers_starttls(protocol, caps), pop3_user_pass_offered(caps) (see that module).
        A connected server may keep its greeting back until ``greeting`` (a Deadline):
        conn.await_data(until) waits for the first bytes and raises NoGreeting (status
        "timeout", code net.no_greeting) — connected and silent is not a firewall.

Errors (assistant.net.errors): NetError(status, code "net.<kind>", params detail, …) with
subclasses DnsError, Refused, Timeout, Unreachable, TlsError, CertificateInvalid(.fingerprint),
ProtocolError (LineTooLong, TooMuchData, ConnectionClosed, StartTlsInjection) and Cancelled
(status "cancelled": the user stopped it; not a server failure). Messages for every code are in
assistant/messages/probe.py.
"""

from assistant.net.connection import Connection, Limits, connect, open_tls
from assistant.net.deadline import AnyOf, CancelToken, Deadline
from assistant.net.errors import (
    STATUSES,
    Cancelled,
    CertificateInvalid,
    ConnectionClosed,
    DnsError,
    LineTooLong,
    NetError,
    NoGreeting,
    ProtocolError,
    Refused,
    StartTlsInjection,
    Timeout,
    TlsError,
    TooMuchData,
    Unreachable,
)
from assistant.net.http import HttpResponse, http_get
from assistant.net.resolve import Resolver, is_ip_literal, parse_dns_server
from assistant.net.text import clean, host_port, shown
from assistant.net.tls import (
    TlsInfo,
    TlsPolicy,
    fingerprint,
    load_ca_file,
    normalize_fingerprint,
)

__all__ = [
    "STATUSES",
    "AnyOf",
    "CancelToken",
    "Cancelled",
    "CertificateInvalid",
    "Connection",
    "ConnectionClosed",
    "Deadline",
    "DnsError",
    "HttpResponse",
    "Limits",
    "LineTooLong",
    "NetError",
    "NoGreeting",
    "ProtocolError",
    "Refused",
    "Resolver",
    "StartTlsInjection",
    "Timeout",
    "TlsError",
    "TlsInfo",
    "TlsPolicy",
    "TooMuchData",
    "Unreachable",
    "clean",
    "connect",
    "fingerprint",
    "host_port",
    "http_get",
    "is_ip_literal",
    "load_ca_file",
    "normalize_fingerprint",
    "open_tls",
    "parse_dns_server",
    "shown",
]
