"""The test DNS server (dnsmasq) and the autoconfig web server, through stdlib/dnspython."""

from __future__ import annotations

import http.client
import ssl
import xml.etree.ElementTree as ET

import dns.message
import dns.query
import dns.rcode
import dns.resolver
import pytest

from tests.testbed import Testbed
from tests.testbed.dns import MX, SRV, A, Record, start_dns
from tests.testbed.http import Route, RouteValue, start_http
from tests.testbed.tls import client_context

SRV_NAMES = {("imap", "tls"): "_imaps", ("imap", "starttls"): "_imap",
             ("pop3", "tls"): "_pop3s", ("pop3", "starttls"): "_pop3",
             ("smtp", "tls"): "_submissions", ("smtp", "starttls"): "_submission"}


def resolver(address: str) -> dns.resolver.Resolver:
    """A resolver that asks only `address` ("IP:PORT"), never the system's."""
    r = dns.resolver.Resolver(configure=False)
    ip, port = address.rsplit(":", 1)
    r.nameservers = [ip]
    r.port = int(port)
    r.lifetime = 5
    return r


@pytest.mark.parametrize(("protocol", "security"), list(SRV_NAMES))
def test_srv_records(testbed: Testbed, protocol: str, security: str) -> None:
    s = testbed.scenarios["modern"]
    answer = resolver(testbed.dns_server).resolve(
        f"{SRV_NAMES[protocol, security]}._tcp.{s.domain}", "SRV")
    [srv] = list(answer)
    assert srv.target.to_text() == s.mail_host + "."
    assert srv.port == s.endpoint(protocol, security).port


@pytest.mark.parametrize("name", ["modern", "legacy", "selfsigned"])
def test_mx_and_a_records(testbed: Testbed, name: str) -> None:
    s = testbed.scenarios[name]
    r = resolver(testbed.dns_server)
    [mx] = list(r.resolve(s.domain, "MX"))
    assert mx.exchange.to_text() == s.mail_host + "."
    for host in s.hosts:
        assert [a.to_text() for a in r.resolve(host, "A")] == [s.ip]


def test_legacy_srv_points_at_its_plaintext_ports(testbed: Testbed) -> None:
    s = testbed.scenarios["legacy"]
    r = resolver(testbed.dns_server)
    assert [x.port for x in r.resolve(f"_imap._tcp.{s.domain}", "SRV")] == [143]
    with pytest.raises(dns.resolver.NXDOMAIN):
        r.resolve(f"_imaps._tcp.{s.domain}", "SRV")


def test_unknown_names_nxdomain_and_nothing_forwarded(testbed: Testbed) -> None:
    r = resolver(testbed.dns_server)
    with pytest.raises(dns.resolver.NXDOMAIN):
        r.resolve("nothing.church.test", "A")
    with pytest.raises(dns.resolver.NoNameservers, match="REFUSED"):
        r.resolve("example.com", "A")


def test_dns_over_tcp(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    answer = resolver(testbed.dns_server).resolve(s.mail_host, "A", tcp=True)
    assert [a.to_text() for a in answer] == [s.ip]


def fetch(address: str, host: str, path: str, context: ssl.SSLContext | None = None,
          ) -> tuple[int, str, bytes]:
    ip, port = address.rsplit(":", 1)
    conn: http.client.HTTPConnection
    if context is None:
        conn = http.client.HTTPConnection(ip, int(port), timeout=5)
    else:
        conn = http.client.HTTPSConnection(ip, int(port), timeout=5, context=context)
    try:
        conn.request("GET", path, headers={"Host": host})
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type") or "", resp.read(1 << 20)
    finally:
        conn.close()


@pytest.mark.parametrize("scheme", ["http", "https"])
@pytest.mark.parametrize(("prefix", "path"), [
    ("autoconfig.", "/mail/config-v1.1.xml?emailaddress=alice%40church.test"),
    ("", "/.well-known/autoconfig/mail/config-v1.1.xml")])
def test_autoconfig(testbed: Testbed, scheme: str, prefix: str, path: str) -> None:
    s = testbed.scenarios["modern"]
    host = prefix + s.domain
    assert f"{scheme}://{host}{path.split('?')[0]}" in s.autoconfig_urls
    ctx = client_context(testbed.ca_file, host) if scheme == "https" else None
    status, ctype, body = fetch(testbed.http[scheme], host, path, ctx)
    assert status == 200 and ctype.startswith("application/xml")
    provider = ET.fromstring(body).find("emailProvider")
    assert provider is not None and provider.findtext("domain") == s.domain
    found = {(e.get("type"), e.findtext("hostname"), int(e.findtext("port") or 0),
              e.findtext("socketType")) for e in provider
             if e.tag in ("incomingServer", "outgoingServer")}
    kinds = {"tls": "SSL", "starttls": "STARTTLS"}
    assert found == {(e.protocol, s.mail_host, e.port, kinds[e.security])
                     for e in s.endpoints if e.auth}


def test_autoconfig_unknown_path_and_host(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    assert fetch(testbed.http["http"], "autoconfig." + s.domain, "/nothing")[0] == 404
    assert fetch(testbed.http["http"], "other.test", "/mail/config-v1.1.xml")[0] == 404


def test_https_autoconfig_verifies_host_name(testbed: Testbed) -> None:
    with pytest.raises(ssl.SSLCertVerificationError):
        fetch(testbed.http["https"], "www.example.com", "/mail/config-v1.1.xml",
              client_context(testbed.ca_file, "www.example.com"))


def test_start_dns_helper(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    records: list[Record] = [A("mail.own.test", ip), MX("own.test", "mail.own.test", 5),
               SRV("_imaps._tcp.own.test", "mail.own.test", 10993),
               SRV("_pop3._tcp.own.test", ".", 0)]
    with start_dns(ip, 5353, records) as server:
        r = resolver(server.address)
        assert [a.to_text() for a in r.resolve("mail.own.test", "A")] == [ip]
        assert [m.preference for m in r.resolve("own.test", "MX")] == [5]
        assert [x.port for x in r.resolve("_imaps._tcp.own.test", "SRV")] == [10993]
        assert [x.target.to_text() for x in r.resolve("_pop3._tcp.own.test", "SRV")] == ["."]
        query = dns.message.make_query("x.own.test", "A")
        assert dns.query.udp(query, ip, port=5353, timeout=5).rcode() == dns.rcode.NXDOMAIN
    from tests.testbed.procs import listening

    assert listening(f"{ip}:") == []


def test_start_http_helper(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    routes: dict[str, RouteValue] = {"/plain": "hello", "/moved": Route(b"", "text/plain", 301,
                                                 {"Location": "http://elsewhere.test/"})}
    with start_http(ip, 0, routes) as server:
        assert fetch(server.address, "any.test", "/plain")[::2] == (200, b"hello")
        assert fetch(server.address, "any.test", "/moved")[0] == 301
        assert server.requests == [("any.test", "/plain"), ("any.test", "/moved")]
