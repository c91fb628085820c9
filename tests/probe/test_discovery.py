"""Discovery against real DNS (dnsmasq) and HTTP(S) servers with zones made for each case."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from assistant.discovery import SourceKind, discover
from assistant.discovery.autoconfig import autoconfig_urls, fetch_autoconfig
from assistant.discovery.mx import discover_mx
from assistant.discovery.srv import discover_srv
from assistant.net import Deadline, Resolver, TlsPolicy
from assistant.settings import Protocol, Security, parse_email
from tests.probe.test_parsers import MINIMAL
from tests.testbed import Testbed
from tests.testbed.ca import TestCA
from tests.testbed.dns import MX, SRV, A, Record, start_dns
from tests.testbed.http import Route, start_http


@contextmanager
def zone(testbed: Testbed, records: list[Record]) -> Iterator[Resolver]:
    ip = testbed.new_ip()
    with start_dns(ip, 53, records):
        yield Resolver(f"{ip}:53")


def test_srv_priority_and_dot_target(testbed: Testbed) -> None:
    records: list[Record] = [
        SRV("_imaps._tcp.srv.test", "b.srv.test", 993, priority=20),
        SRV("_imaps._tcp.srv.test", "a.srv.test", 9993, priority=10),
        SRV("_pop3._tcp.srv.test", ".", 0),
        SRV("_pop3s._tcp.srv.test", ".", 0),
        SRV("_submission._tcp.srv.test", "smtp.srv.test", 587),
        A("srv.test", "127.0.0.9"),
    ]
    with zone(testbed, records) as resolver:
        source = discover_srv(parse_email("a@srv.test"), resolver=resolver, deadline=Deadline(5))
    assert source.ok and source.kind is SourceKind.SRV
    found = [(c.protocol, c.host, c.port, c.security) for c in source.candidates]
    imaps = [f for f in found if f[0] is Protocol.IMAP]
    assert imaps == [(Protocol.IMAP, "a.srv.test", 9993, Security.TLS),
                     (Protocol.IMAP, "b.srv.test", 993, Security.TLS)]
    assert (Protocol.SMTP, "smtp.srv.test", 587, Security.STARTTLS) in found
    assert not any(f[0] is Protocol.POP3 for f in found)
    assert "_pop3: not offered" in source.detail and "_pop3s: not offered" in source.detail
    assert "_imap: nxdomain" in source.detail


def test_nxdomain_everything_recorded_nothing_found(testbed: Testbed) -> None:
    with zone(testbed, [A("other.test", "127.0.0.9")]) as resolver:
        sources = discover(parse_email("a@nowhere.other.test"), resolver=resolver,
                           policy=TlsPolicy(), deadline=Deadline(5))
    kinds = {s.kind for s in sources}
    assert {SourceKind.SRV, SourceKind.AUTOCONFIG, SourceKind.MX, SourceKind.GUESS} <= kinds
    assert not any(s.ok for s in sources)
    assert all(not s.candidates for s in sources)
    mx = next(s for s in sources if s.kind is SourceKind.MX)
    assert "nxdomain" in mx.detail


def test_mx_outside_the_domain_is_untrusted(testbed: Testbed) -> None:
    records: list[Record] = [MX("mine.test", "mx1.hoster.test", 20),
                             MX("mine.test", "mx0.hoster.test", 10),
                             MX("inside.test", "mail.inside.test", 10),
                             A("mx0.hoster.test", "127.0.0.9"), A("mx1.hoster.test", "127.0.0.9"),
                             A("mail.inside.test", "127.0.0.9")]
    with zone(testbed, records) as resolver:
        outside = discover_mx(parse_email("a@mine.test"), resolver=resolver,
                              policy=TlsPolicy(), deadline=Deadline(5))
        inside = discover_mx(parse_email("a@inside.test"), resolver=resolver,
                             policy=TlsPolicy(), deadline=Deadline(5))
    assert outside[0].hosts == ["mx0.hoster.test"]  # the most preferred (lowest value)
    assert not outside[0].trusted and not any(c.trusted for c in outside[0].candidates)
    assert inside[0].hosts == ["mail.inside.test"] and inside[0].trusted
    assert {c.port for c in inside[0].candidates} == {993, 143, 995, 110, 465, 587, 25}


@contextmanager
def autoconfig_site(testbed: Testbed, own_ca: TestCA, domain: str,
                    https_routes: dict[str, bytes | Route],
                    http_routes: dict[str, bytes | Route]) -> Iterator[Resolver]:
    ip = testbed.new_ip()
    names = [f"autoconfig.{domain}", domain]
    cert = own_ca.issue(f"site-{ip}", names)
    with ExitStack() as stack:
        stack.enter_context(start_http(ip, 443, https_routes, tls_cert=cert))
        stack.enter_context(start_http(ip, 80, http_routes))
        yield stack.enter_context(zone(testbed, [A(n, ip) for n in names]))


AUTOCONFIG = "/mail/config-v1.1.xml"
WELL_KNOWN = "/.well-known/autoconfig/mail/config-v1.1.xml"


def test_autoconfig_malformed_and_404_recorded_http_result_untrusted(
        testbed: Testbed, own_ca: TestCA) -> None:
    email = parse_email("taro@church.example")
    with autoconfig_site(testbed, own_ca, "church.example",
                         {AUTOCONFIG: b"<clientConfig><broken"},
                         {AUTOCONFIG: MINIMAL}) as resolver:
        sources = fetch_autoconfig(email, autoconfig_urls(email), resolver=resolver,
                                   policy=TlsPolicy(ca_file=own_ca.cert), deadline=Deadline(5))
    assert [s.ok for s in sources] == [False, False, True]
    assert "autoconfig.malformed" in sources[0].detail
    assert "HTTP 404" in sources[1].detail
    winner = sources[2]
    assert winner.detail.startswith("http://autoconfig.church.example/mail/config-v1.1.xml")
    assert not winner.trusted and not any(c.trusted for c in winner.candidates)
    assert winner.hosts == ["imap.church.example", "pop.church.example", "smtp.church.example"]


def test_autoconfig_https_is_trusted_and_wins(testbed: Testbed, own_ca: TestCA) -> None:
    email = parse_email("taro@church.example")
    with autoconfig_site(testbed, own_ca, "church.example", {WELL_KNOWN: MINIMAL},
                         {AUTOCONFIG: MINIMAL}) as resolver:
        sources = fetch_autoconfig(email, autoconfig_urls(email), resolver=resolver,
                                   policy=TlsPolicy(ca_file=own_ca.cert), deadline=Deadline(5))
    assert [s.ok for s in sources] == [False, True]
    assert sources[1].trusted and sources[1].detail.startswith("https://church.example/")


def test_autoconfig_with_dtd_or_untrusted_certificate_is_refused(
        testbed: Testbed, own_ca: TestCA) -> None:
    email = parse_email("taro@church.example")
    evil = b'<!DOCTYPE a [<!ENTITY x "y">]><clientConfig>&x;</clientConfig>'
    with autoconfig_site(testbed, own_ca, "church.example", {AUTOCONFIG: MINIMAL},
                         {AUTOCONFIG: evil}) as resolver:
        # Without our CA the https answers are certificate failures; http has a DTD.
        sources = fetch_autoconfig(email, autoconfig_urls(email), resolver=resolver,
                                   policy=TlsPolicy(), deadline=Deadline(5))
    assert not any(s.ok for s in sources)
    assert "certificate_invalid" in sources[0].detail
    assert "autoconfig.dtd_forbidden" in sources[2].detail


def test_discover_orders_sources_by_trust(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    sources = discover(parse_email(f"x@{modern.domain}"), resolver=Resolver(testbed.dns_server),
                       policy=TlsPolicy(ca_file=testbed.ca_file), deadline=Deadline(5))
    kinds = [s.kind for s in sources if s.ok]
    assert kinds == [SourceKind.SRV, SourceKind.AUTOCONFIG, SourceKind.MX, SourceKind.GUESS]
    autoconfig = next(s for s in sources if s.kind is SourceKind.AUTOCONFIG)
    assert autoconfig.trusted and autoconfig.hosts == [modern.mail_host]
    guess = next(s for s in sources if s.kind is SourceKind.GUESS)
    assert set(guess.hosts) == {h for h in modern.hosts if not h.startswith("autoconfig.")}
