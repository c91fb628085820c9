"""Review findings on the probe side: each test failed before its fix.

Hostile certificates, digits that are not ASCII, SRV floods, CA files, STARTTLS downgrades,
terminal escapes, empty options, DNS timeouts, stray threads and IPv6 formatting.
"""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.discovery import Candidate, SourceKind, discover
from assistant.discovery import srv as srv_module
from assistant.discovery.autoconfig import autoconfig_urls, fetch_autoconfig
from assistant.discovery.model import Source
from assistant.discovery.mx import discover_mx
from assistant.discovery.srv import MAX_PER_SERVICE, discover_srv
from assistant.errors import ValidationError
from assistant.messages import text
from assistant.net import (
    Deadline,
    DnsError,
    ProtocolError,
    Resolver,
    TlsPolicy,
    clean,
    http_get,
    parse_dns_server,
)
from assistant.net.mail import parse_ehlo
from assistant.probe import endpoint as endpoint_module
from assistant.probe.endpoint import check_endpoint
from assistant.probe.model import EndpointResult
from assistant.probe.rank import downgrade_warnings, recommend
from assistant.probe.runner import MAX_CANDIDATES, candidates_of
from assistant.settings import Protocol, Security, parse_email
from tests.paths import ROOT
from tests.probe.conftest import read_line, scripted
from tests.probe.test_discovery import AUTOCONFIG, autoconfig_site, zone
from tests.probe.test_parsers import MINIMAL
from tests.testbed import Testbed
from tests.testbed.ca import TestCA, self_signed
from tests.testbed.dns import MX, SRV, Record
from tests.testbed.http import start_http


def cli(*args: str) -> tuple[int, dict[str, object]]:
    done = subprocess.run([sys.executable, "-m", "assistant", *args, "--json"],
                          capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    return done.returncode, json.loads(done.stdout)


# -- H1: an https autoconfig file is trusted only with a valid (or pinned) certificate --------

def test_https_autoconfig_with_untrusted_certificate_is_refused_for_the_probe(
        testbed: Testbed, own_ca: TestCA) -> None:
    """The probe's policy keeps unverified sessions for mail ports; http_get must not."""
    email = parse_email("taro@church.example")
    with autoconfig_site(testbed, own_ca, "church.example", {AUTOCONFIG: MINIMAL},
                         {}) as resolver:
        # own_ca is not given: the certificate does not verify.
        sources = fetch_autoconfig(email, autoconfig_urls(email)[:1], resolver=resolver,
                                   policy=TlsPolicy(keep_unverified=True), deadline=Deadline(5))
    assert len(sources) == 1 and not sources[0].ok and not sources[0].candidates
    assert "certificate_invalid" in sources[0].detail
    assert "SHA-256 " in sources[0].detail and sources[0].detail.count(":") >= 31


def test_https_wrong_name_self_signed_refused_and_pin_accepted(testbed: Testbed,
                                                               tmp_path: Path) -> None:
    ip = testbed.new_ip()
    cert = self_signed(tmp_path / "ss", "wrong", ["other.example"])
    url = f"https://{ip}/mail/config-v1.1.xml"
    with start_http(ip, 443, {AUTOCONFIG: MINIMAL}, tls_cert=cert):
        with pytest.raises(Exception) as caught:
            http_get(url, resolver=Resolver(testbed.dns_server),
                     policy=TlsPolicy(keep_unverified=True), deadline=Deadline(5))
        pinned = http_get(url, resolver=Resolver(testbed.dns_server),
                          policy=TlsPolicy(pin=cert.fingerprint_sha256), deadline=Deadline(5))
    assert caught.value.code == "net.certificate_invalid"  # type: ignore[attr-defined]
    assert caught.value.params["fingerprint"] == cert.fingerprint_sha256  # type: ignore[attr-defined]
    assert pinned.status == 200 and pinned.body == MINIMAL


# -- H2: non-ASCII digits and unexpected exceptions -------------------------------------------

@pytest.mark.parametrize("value", ["127.0.0.1:²", "127.0.0.1:፩", "127.0.0.1:" + "1" * 5000, ""])
def test_dns_server_port_is_ascii_digits(value: str) -> None:
    with pytest.raises(ValidationError):
        parse_dns_server(value)


def test_ehlo_with_superscript_digits_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError):
        parse_ehlo([b"250-fake\r\n", b"\xc2\xb2\xc2\xb2\xc2\xb2 x\r\n"])


def _smtp_greeting(greeting: bytes):  # type: ignore[no-untyped-def]
    def script(conn: socket.socket) -> None:
        conn.sendall(greeting)
        read_line(conn)

    return script


@pytest.mark.parametrize("greeting", ["²²² hi\r\n".encode(), "፩፩፩ hi\r\n".encode()])
def test_smtp_greeting_with_non_ascii_digits_is_this_endpoints_protocol_error(
        testbed: Testbed, greeting: bytes) -> None:
    ip = testbed.new_ip()
    with scripted(ip, 2525, _smtp_greeting(greeting)):
        result = check_endpoint(Candidate(Protocol.SMTP, ip, 2525, Security.NONE, True),
                                resolver=Resolver(testbed.dns_server), policy=TlsPolicy(),
                                deadline=Deadline(5))
    assert result.status == "protocol_error"
    assert result.problem is not None and result.problem.code == "net.protocol_error"


def _http(response: bytes):  # type: ignore[no-untyped-def]
    def script(conn: socket.socket) -> None:
        while read_line(conn) not in (b"\r\n", b""):
            pass
        conn.sendall(response)

    return script


@pytest.mark.parametrize("response", [
    # Headers are read as latin-1, where the byte B2 is "²" (str.isdigit says yes).
    b"HTTP/1.1 \xb200 OK\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: \xb2\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: " + b"9" * 5000 + b"\r\n\r\n",
    # Chunk sizes are hex digits only (int(x, 16) also takes "-1", "+5", "0x5", "1_0").
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n+5\r\nhello\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1_0\r\n" + b"h" * 16
    + b"\r\n0\r\n\r\n",
])
def test_hostile_http_numbers_are_protocol_errors(testbed: Testbed, response: bytes) -> None:
    ip = testbed.new_ip()
    with scripted(ip, 8080, _http(response)), pytest.raises(ProtocolError) as caught:
        http_get(f"http://{ip}:8080/x", resolver=Resolver(testbed.dns_server),
                 policy=TlsPolicy(), deadline=Deadline(5))
    assert caught.value.code == "net.protocol_error"


def test_chunked_body_with_hex_sizes_still_works(testbed: Testbed) -> None:
    """A control: valid chunk sizes are read as before."""
    ip = testbed.new_ip()
    body = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n"
    with scripted(ip, 8080, _http(body)):
        response = http_get(f"http://{ip}:8080/x", resolver=Resolver(testbed.dns_server),
                            policy=TlsPolicy(), deadline=Deadline(5))
    assert response.body == b"0123456789"


def test_unexpected_exception_in_one_endpoint_is_its_protocol_error(
        testbed: Testbed, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def explode(*_args: object, **_kwargs: object) -> None:
        raise ValueError("secret-looking detail")

    monkeypatch.setattr(endpoint_module, "open_session", explode)
    result = check_endpoint(Candidate(Protocol.IMAP, "127.0.0.1", 1, Security.TLS, True),
                            resolver=Resolver(testbed.dns_server), policy=TlsPolicy(),
                            deadline=Deadline(1))
    assert result.status == "protocol_error"
    assert result.problem is not None and result.problem.params["detail"] == "ValueError"
    assert "secret-looking" not in caplog.text and "ValueError" in caplog.text


def test_unexpected_exception_in_one_source_is_recorded(
        testbed: Testbed, monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.discovery as discovery

    def explode(*_args: object, **_kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(discovery, "discover_srv", explode)
    modern = testbed.scenarios["modern"]
    sources = discover(parse_email(f"x@{modern.domain}"), resolver=Resolver(testbed.dns_server),
                       policy=TlsPolicy(ca_file=testbed.ca_file), deadline=Deadline(5))
    srv = [s for s in sources if s.kind is SourceKind.SRV]
    assert len(srv) == 1 and not srv[0].ok and "ValueError" in srv[0].detail
    assert any(s.ok for s in sources)  # the other sources still answered


# -- M2: SRV records are bounded and their targets validated ---------------------------------

def test_srv_flood_is_capped_and_invalid_targets_ignored(testbed: Testbed) -> None:
    records: list[Record] = [SRV("_imaps._tcp.flood.test", f"h{i}.flood.test", 993)
                             for i in range(MAX_PER_SERVICE + 4)]
    records += [SRV("_submissions._tcp.flood.test", "bad_name.flood.test", 465),
                SRV("_submissions._tcp.flood.test", "good.flood.test", 465, priority=20)]
    with zone(testbed, records) as resolver:
        source = discover_srv(parse_email("a@flood.test"), resolver=resolver,
                              deadline=Deadline(5))
    imaps = [c for c in source.candidates if c.protocol is Protocol.IMAP]
    assert len(imaps) == MAX_PER_SERVICE
    assert "4 more records ignored" in source.detail
    smtp = [c.host for c in source.candidates if c.protocol is Protocol.SMTP]
    assert smtp == ["good.flood.test"]
    assert "invalid target 'bad_name.flood.test' ignored" in source.detail


def test_mx_with_invalid_exchanger_is_ignored_with_a_note(testbed: Testbed) -> None:
    records: list[Record] = [MX("mxbad.test", "bad_name.mxbad.test", 5),
                             MX("mxbad.test", "mail.mxbad.test", 10),
                             MX("onlybad.test", "bad_name.onlybad.test", 5)]
    with zone(testbed, records) as resolver:
        mixed = discover_mx(parse_email("a@mxbad.test"), resolver=resolver, policy=TlsPolicy(),
                            deadline=Deadline(5))
        only_bad = discover_mx(parse_email("a@onlybad.test"), resolver=resolver,
                               policy=TlsPolicy(), deadline=Deadline(5))
    assert mixed[0].hosts == ["mail.mxbad.test"]
    assert "1 invalid target(s) ignored" in mixed[0].detail
    assert not only_bad[0].ok and "invalid target" in only_bad[0].detail


def test_candidates_are_capped_most_trusted_first() -> None:
    flood = Source(SourceKind.AUTOCONFIG, "", [], True, True,
                   [Candidate(Protocol.IMAP, f"h{i}.test", 993, Security.TLS, True, i,
                              declared=True) for i in range(500)])
    profile = Source(SourceKind.PROFILE, "", ["p.test"], True, True,
                     [Candidate(Protocol.SMTP, "p.test", 465, Security.TLS, True,
                                declared=True)])
    merged = candidates_of([flood, profile])
    assert len(merged) == MAX_CANDIDATES
    assert merged[0].host == "p.test" and merged[1].host == "h0.test"


def test_valid_target_refuses_what_parse_host_refuses() -> None:
    assert srv_module.valid_target("Mail.Example.TEST") == "mail.example.test"
    assert srv_module.valid_target("bad_name.test") is None
    assert srv_module.valid_target("-lead.test") is None


# -- M3: the CA file is read once, bounded, and must hold PEM certificates --------------------

def test_ca_file_checks(tmp_path: Path, testbed: Testbed) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    fake = tmp_path / "fake.pem"
    fake.write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    huge = tmp_path / "huge.pem"
    with huge.open("wb") as stream:
        stream.truncate(5 * 1024 * 1024)
    cases = {Path("/dev/zero"): "ca_file.unreadable", tmp_path: "ca_file.unreadable",
             tmp_path / "missing.pem": "ca_file.unreadable", junk: "ca_file.invalid",
             fake: "ca_file.invalid", huge: "ca_file.too_large"}
    for path, code in cases.items():
        with pytest.raises(ValidationError) as caught:
            TlsPolicy(ca_file=path)
        assert caught.value.code == code, path
    # The file that passed the checks is what verifies: the test bed's certificate is trusted
    # with it, and not without it.
    modern = testbed.scenarios["modern"]
    for policy, trusted in ((TlsPolicy(ca_file=testbed.ca_file), True), (TlsPolicy(), False)):
        with socket.create_connection((modern.ip, 993), timeout=10) as raw:
            if trusted:
                with policy.context().wrap_socket(raw, server_hostname=modern.mail_host) as tls:
                    assert tls.version() is not None
            else:
                with pytest.raises(ssl.SSLCertVerificationError):
                    policy.context().wrap_socket(raw, server_hostname=modern.mail_host)


@pytest.mark.parametrize(("path", "code"), [("/dev/zero", "ca_file.unreadable"),
                                            (__file__, "ca_file.invalid")])
def test_probe_cli_bad_ca_file_exits_2(path: str, code: str) -> None:
    status, data = cli("probe", "a@church.test", "--dns-server", "127.0.0.1:1",
                       "--ca-file", path)
    assert status == 2 and data["error"] == code


# -- M4: a declared STARTTLS that is not offered is a downgrade -------------------------------

def _imap_without_starttls(conn: socket.socket) -> None:
    conn.sendall(b"* OK fake IMAP\r\n")
    while line := read_line(conn):
        tag = line.split(b" ")[0]
        if b"CAPABILITY" in line.upper():
            conn.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
        else:
            conn.sendall(tag + b" OK bye\r\n")
            return


def test_declared_starttls_not_offered_is_tls_error_and_never_recommended(
        testbed: Testbed) -> None:
    ip = testbed.new_ip()
    with scripted(ip, 143, _imap_without_starttls):
        declared = check_endpoint(
            Candidate(Protocol.IMAP, ip, 143, Security.STARTTLS, True, declared=True),
            resolver=Resolver(testbed.dns_server), policy=TlsPolicy(), deadline=Deadline(5))
        guessed = check_endpoint(
            Candidate(Protocol.IMAP, ip, 143, Security.STARTTLS, True),
            resolver=Resolver(testbed.dns_server), policy=TlsPolicy(), deadline=Deadline(5))
    assert declared.status == "tls_error" and not declared.usable
    assert declared.problem is not None
    assert declared.problem.code == "net.starttls_not_offered"
    assert declared.security is Security.STARTTLS
    assert (guessed.status, guessed.security) == ("ok", Security.NONE)
    warnings = downgrade_warnings([declared, guessed])
    assert [w.code for w in warnings] == ["probe.starttls_downgrade"]
    assert f"{ip}:143" in text(warnings[0], "en")


def test_declared_wins_when_a_guess_names_the_same_port() -> None:
    guess = Source(SourceKind.GUESS, "", ["h.test"], True, True,
                   [Candidate(Protocol.IMAP, "h.test", 143, Security.STARTTLS, True)])
    profile = Source(SourceKind.AUTOCONFIG, "", ["h.test"], False, True,
                     [Candidate(Protocol.IMAP, "h.test", 143, Security.STARTTLS, False,
                                declared=True)])
    merged = candidates_of([guess, profile])
    assert len(merged) == 1 and merged[0].declared and merged[0].trusted


# -- M5: control characters from a server never reach the output ------------------------------

def test_escape_sequences_in_a_greeting_are_replaced(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    evil = b"\x1b[2J\x1b]0;owned\x07 \xe2\x80\xae evil" + b"x" * 500 + b"\r\n"
    with scripted(ip, 2143, _smtp_greeting(evil)):
        result = check_endpoint(Candidate(Protocol.IMAP, ip, 2143, Security.NONE, True),
                                resolver=Resolver(testbed.dns_server), policy=TlsPolicy(),
                                deadline=Deadline(5))
    assert result.status == "protocol_error"
    shown = json.dumps(result.to_json("en"), ensure_ascii=False) + (result.error or "")
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\ufffd[2J" in shown
    line = result.problem.params["line"] if result.problem else ""
    assert isinstance(line, str) and len(line) <= 200


def test_clean_keeps_text_and_spaces() -> None:
    assert clean("メール OK 123") == "メール OK 123"
    assert clean("a\tb\r\nc\x00") == "a\ufffdb\ufffd\ufffdc\ufffd"


# -- L1: empty values are mistakes, not "not given" -------------------------------------------

@pytest.mark.parametrize(("args", "code"), [
    (["--dns-server", ""], "dns_server.invalid"),
    (["--host", "", "--dns-server", "127.0.0.1:1"], "domain.empty"),
    (["--ca-file", "", "--dns-server", "127.0.0.1:1"], "ca_file.unreadable"),
])
def test_probe_empty_values_exit_2(args: list[str], code: str) -> None:
    status, data = cli("probe", "a@church.test", *args)
    assert status == 2 and data["error"] == code
    assert data["schema"] == 1 and data["message"]


def test_empty_dns_server_is_not_the_system_resolver() -> None:
    with pytest.raises(ValidationError):
        Resolver("")


# -- L3: a DNS timeout is a DNS error ---------------------------------------------------------

@contextmanager
def silent_dns(ip: str) -> Iterator[str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((ip, 53))
    try:
        yield f"{ip}:53"
    finally:
        sock.close()


def test_dns_timeout_is_a_dns_error(testbed: Testbed) -> None:
    with silent_dns(testbed.new_ip()) as server:
        resolver = Resolver(server)
        with pytest.raises(DnsError) as caught:
            resolver.query("mail.church.test", "A", Deadline(0.5))
        with pytest.raises(DnsError):
            resolver.addresses("mail.church.test", Deadline(0.5))
        result = check_endpoint(Candidate(Protocol.IMAP, "mail.church.test", 993,
                                          Security.TLS, True),
                                resolver=resolver, policy=TlsPolicy(), deadline=Deadline(0.5))
    assert caught.value.detail == "timeout"
    assert result.status == "dns_error"


# -- L6: no discovery thread outlives discover() ----------------------------------------------

def _discovery_threads() -> list[str]:
    prefixes = ("discovery", "srv", "guess", "autoconfig", "probe")
    return [t.name for t in threading.enumerate() if t.name.startswith(prefixes)]


def test_no_discovery_thread_survives(testbed: Testbed) -> None:
    assert _discovery_threads() == []
    with silent_dns(testbed.new_ip()) as server:
        discover(parse_email("a@church.test"), resolver=Resolver(server), policy=TlsPolicy(),
                 deadline=Deadline(1.0))
    assert _discovery_threads() == []
    modern = testbed.scenarios["modern"]
    discover(parse_email(f"x@{modern.domain}"), resolver=Resolver(testbed.dns_server),
             policy=TlsPolicy(ca_file=testbed.ca_file), deadline=Deadline(5))
    assert _discovery_threads() == []


# -- L7: IPv6 hosts are bracketed in messages -------------------------------------------------

def test_ipv6_is_bracketed_in_warnings_and_text_output() -> None:
    from assistant.commands.probe import _endpoint_line

    result = EndpointResult(Protocol.IMAP, "::1", 143, Security.NONE, "ok")
    messages = [text(w, "en") for w in recommend(result, None).warnings]
    assert any("[::1]:143" in m for m in messages), messages
    assert "[::1]:143" in _endpoint_line(result, "en")
