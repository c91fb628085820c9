"""assistant.net against real servers (test bed) and small scripted fakes."""

from __future__ import annotations

import socket
import threading

import dns.resolver
import pytest
import truststore

from assistant.errors import ValidationError
from assistant.net import (
    Cancelled,
    CertificateInvalid,
    ConnectionClosed,
    Deadline,
    DnsError,
    Limits,
    LineTooLong,
    Refused,
    Resolver,
    StartTlsInjection,
    Timeout,
    TlsError,
    TlsPolicy,
    TooMuchData,
    connect,
    normalize_fingerprint,
    open_tls,
    parse_dns_server,
)
from assistant.net.mail import StartTls, StartTlsNotOffered, open_session
from assistant.settings import Protocol, Security
from tests.probe.conftest import read_line, scripted
from tests.testbed import Testbed, fakes


def test_parse_dns_server() -> None:
    assert parse_dns_server("127.0.0.1") == ("127.0.0.1", 53)
    assert parse_dns_server("127.0.0.1:5353") == ("127.0.0.1", 5353)
    assert parse_dns_server("[::1]:5353") == ("::1", 5353)
    assert parse_dns_server("::1") == ("::1", 53)
    for bad in ("dns.example", "127.0.0.1:0", "127.0.0.1:99999", "[::1", "1.2.3.4:x", ""):
        with pytest.raises(ValidationError) as info:
            parse_dns_server(bad)
        assert info.value.code == "dns_server.invalid"


def test_normalize_fingerprint_accepts_any_spelling() -> None:
    hexed = "ab" * 32
    expected = ":".join(["AB"] * 32)
    assert normalize_fingerprint(hexed) == expected
    assert normalize_fingerprint(expected.lower()) == expected
    assert normalize_fingerprint(" " + expected + " ") == expected
    for bad in ("ab" * 31, "zz" * 32, "ab" * 33, ""):
        with pytest.raises(ValidationError):
            normalize_fingerprint(bad)


def test_deadline_child_never_outlives_parent() -> None:
    parent = Deadline(0.5)
    assert parent.child(100).remaining() <= 0.5
    assert Deadline(0).expired


def test_resolver_uses_the_given_server(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    resolver = Resolver(testbed.dns_server)
    assert resolver.addresses(modern.mail_host, Deadline(5)) == [modern.ip]
    with pytest.raises(DnsError) as info:
        resolver.addresses(f"nothing-here.{modern.domain}", Deadline(5))
    assert info.value.detail == "nxdomain"


def test_connect_refused_is_classified(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    with pytest.raises(Refused):
        connect(ip, 993, resolver=Resolver(testbed.dns_server), deadline=Deadline(5))


def _modern_session(testbed: Testbed, port: int, implicit: bool,
                    policy: TlsPolicy, host: str | None = None):  # type: ignore[no-untyped-def]
    modern = testbed.scenarios["modern"]
    return open_session(Protocol.IMAP, host or modern.mail_host, port, implicit_tls=implicit,
                        starttls=StartTls.REQUIRE, resolver=Resolver(testbed.dns_server),
                        policy=policy, deadline=Deadline(10))


def test_implicit_tls_verified_with_ca_file(testbed: Testbed) -> None:
    session = _modern_session(testbed, 993, True, TlsPolicy(ca_file=testbed.ca_file))
    try:
        assert session.security is Security.TLS
        assert session.conn.tls is not None and session.conn.tls.certificate_valid
        assert session.conn.address == testbed.scenarios["modern"].ip
        assert session.conn.tls.fingerprint_sha256 == \
            testbed.scenarios["modern"].cert.fingerprint_sha256  # type: ignore[union-attr]
    finally:
        session.close()


def test_starttls_rereads_capabilities(testbed: Testbed) -> None:
    session = _modern_session(testbed, 143, False, TlsPolicy(ca_file=testbed.ca_file))
    try:
        assert session.security is Security.STARTTLS
        assert "LOGINDISABLED" in session.plain_capabilities
        assert "LOGINDISABLED" not in session.capabilities
        assert "PLAIN" in session.auth_mechanisms
        assert not session.plaintext_auth_offered()
    finally:
        session.close()


def test_without_the_ca_the_certificate_is_invalid_with_fingerprint(testbed: Testbed) -> None:
    with pytest.raises(CertificateInvalid) as info:
        _modern_session(testbed, 993, True, TlsPolicy())
    cert = testbed.scenarios["modern"].cert
    assert cert is not None
    assert info.value.fingerprint == cert.fingerprint_sha256
    assert info.value.status == "certificate_invalid"


def test_pin_accepts_exactly_that_certificate(testbed: Testbed) -> None:
    selfsigned = testbed.scenarios["selfsigned"]
    assert selfsigned.cert is not None
    pin = selfsigned.cert.fingerprint_sha256.replace(":", "").lower()
    session = open_session(Protocol.IMAP, selfsigned.mail_host, 143, implicit_tls=False,
                           starttls=StartTls.REQUIRE, resolver=Resolver(testbed.dns_server),
                           policy=TlsPolicy(pin=pin), deadline=Deadline(10))
    try:
        assert session.conn.tls is not None
        assert session.conn.tls.pinned and not session.conn.tls.certificate_valid
        assert session.auth_mechanisms
    finally:
        session.close()
    other = testbed.scenarios["modern"].cert
    assert other is not None
    with pytest.raises(CertificateInvalid):
        open_session(Protocol.IMAP, selfsigned.mail_host, 993, implicit_tls=True,
                     starttls=StartTls.NEVER, resolver=Resolver(testbed.dns_server),
                     policy=TlsPolicy(pin=other.fingerprint_sha256), deadline=Deadline(10))


def test_pin_also_covers_a_host_name_mismatch(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    assert modern.cert is not None
    # Connecting by address: the certificate names only host names, so the check fails ...
    with pytest.raises(CertificateInvalid):
        _modern_session(testbed, 993, True, TlsPolicy(ca_file=testbed.ca_file), host=modern.ip)
    # ... and the pin of exactly this certificate accepts it.
    session = _modern_session(testbed, 993, True,
                              TlsPolicy(ca_file=testbed.ca_file,
                                        pin=modern.cert.fingerprint_sha256), host=modern.ip)
    assert session.conn.tls is not None and session.conn.tls.pinned
    session.close()


def test_starttls_required_but_not_offered(testbed: Testbed) -> None:
    legacy = testbed.scenarios["legacy"]
    with pytest.raises(StartTlsNotOffered):
        open_session(Protocol.IMAP, legacy.mail_host, 143, implicit_tls=False,
                     starttls=StartTls.REQUIRE, resolver=Resolver(testbed.dns_server),
                     policy=TlsPolicy(), deadline=Deadline(10))


def test_line_too_long_and_total_bound(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    resolver = Resolver(testbed.dns_server)
    with fakes.huge_line(ip, 143):
        conn = connect(ip, 143, resolver=resolver, deadline=Deadline(10))
        with pytest.raises(LineTooLong):
            conn.read_line()

    def many_lines(conn: socket.socket) -> None:
        conn.sendall(b"* line\r\n" * 10_000)
        read_line(conn)

    with scripted(ip, 144, many_lines):
        conn = connect(ip, 144, resolver=resolver, deadline=Deadline(10),
                       limits=Limits(max_total=4096))
        with pytest.raises(TooMuchData):
            while True:
                conn.read_line()


def test_silent_server_times_out_and_closed_connection_is_typed(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    resolver = Resolver(testbed.dns_server)
    with fakes.silent(ip, 143):
        conn = connect(ip, 143, resolver=resolver, deadline=Deadline(10),
                       limits=Limits(read_timeout=0.3))
        with pytest.raises(Timeout):
            conn.read_line()

    def hang_up(conn: socket.socket) -> None:
        conn.sendall(b"* OK half")
        conn.close()

    with scripted(ip, 145, hang_up):
        conn = connect(ip, 145, resolver=resolver, deadline=Deadline(10))
        with pytest.raises(ConnectionClosed):
            conn.read_line()


def test_starttls_injection_is_refused(testbed: Testbed) -> None:
    """Bytes sent together with the go-ahead would be read as if protected by TLS."""
    ip = testbed.new_ip()

    def inject(conn: socket.socket) -> None:
        conn.sendall(b"* OK ready\r\n")
        read_line(conn)
        conn.sendall(b"* CAPABILITY IMAP4rev1 STARTTLS\r\nA1 OK done\r\n")
        read_line(conn)
        conn.sendall(b"A2 OK go ahead\r\n* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n")
        read_line(conn)

    with scripted(ip, 143, inject), pytest.raises(StartTlsInjection):
        open_session(Protocol.IMAP, ip, 143, implicit_tls=False, starttls=StartTls.REQUIRE,
                     resolver=Resolver(testbed.dns_server), policy=TlsPolicy(),
                     deadline=Deadline(10))


def test_cancel_from_another_thread_closes_quickly(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    cancel = threading.Event()
    with fakes.silent(ip, 993):
        timer = threading.Timer(0.3, cancel.set)
        timer.start()
        with pytest.raises(Cancelled):
            open_tls(lambda: connect(ip, 993, resolver=Resolver(testbed.dns_server),
                                     deadline=Deadline(120), cancel=cancel), TlsPolicy())
        timer.join()


def test_tls_reset_is_a_tls_error(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    with fakes.tls_reset(ip, 993), pytest.raises(TlsError):
        open_session(Protocol.IMAP, ip, 993, implicit_tls=True, starttls=StartTls.NEVER,
                     resolver=Resolver(testbed.dns_server), policy=TlsPolicy(),
                     deadline=Deadline(10))
    with fakes.tls_reset(ip, 143, starttls="imap"), pytest.raises(TlsError):
        open_session(Protocol.IMAP, ip, 143, implicit_tls=False, starttls=StartTls.IF_OFFERED,
                     resolver=Resolver(testbed.dns_server), policy=TlsPolicy(),
                     deadline=Deadline(10))


@pytest.mark.parametrize("failure", [FileNotFoundError(2, "The system cannot find the file"),
                                     dns.resolver.NoResolverConfiguration("no nameservers")])
def test_system_resolver_configuration_failure_is_a_dns_error_naming_it(
        monkeypatch: pytest.MonkeyPatch, failure: Exception) -> None:
    # dnspython's Windows registry reader raised FileNotFoundError under Wine; the probe must
    # record it as the SRV/MX source's failure, never crash. Nothing is sent: the failure
    # happens while reading the configuration.
    def unreadable(self: dns.resolver.Resolver, *args: object, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(dns.resolver.Resolver, "read_resolv_conf", unreadable)
    monkeypatch.setattr(dns.resolver.Resolver, "read_registry", unreadable, raising=False)
    with pytest.raises(DnsError) as caught:
        Resolver(None).query("_imaps._tcp.example.invalid", "SRV", Deadline(2))
    assert caught.value.detail.startswith(
        f"no_resolver_configuration: {type(failure).__name__}")
    assert str(failure) in caught.value.detail


def test_os_verification_keeps_ca_file_pin_and_host_check(testbed: Testbed) -> None:
    # The truststore context Windows and macOS use (here it is backed by OpenSSL, on Windows
    # by CryptoAPI: that part runs on the Windows runner only, .github/workflows/windows.yml).
    def policy(**kwargs: object) -> TlsPolicy:
        return TlsPolicy(os_verification=True, **kwargs)  # type: ignore[arg-type]

    modern = testbed.scenarios["modern"]
    assert modern.cert is not None
    assert isinstance(policy().context(), truststore.SSLContext)
    for port, implicit in ((993, True), (143, False)):
        session = _modern_session(testbed, port, implicit, policy(ca_file=testbed.ca_file))
        assert session.conn.tls is not None and session.conn.tls.certificate_valid
        assert session.conn.tls.fingerprint_sha256 == modern.cert.fingerprint_sha256
        assert session.capabilities  # the session goes on non-blocking after the handshake
        session.close()
    with pytest.raises(CertificateInvalid) as info:
        _modern_session(testbed, 993, True, policy())
    assert info.value.fingerprint == modern.cert.fingerprint_sha256
    with pytest.raises(CertificateInvalid):
        _modern_session(testbed, 993, True, policy(ca_file=testbed.ca_file), host=modern.ip)
    session = _modern_session(testbed, 993, True,
                              policy(pin=modern.cert.fingerprint_sha256), host=modern.ip)
    assert session.conn.tls is not None and session.conn.tls.pinned
    session.close()
