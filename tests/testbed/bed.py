"""Starting the whole test bed: address block, CA, Dovecot, Postfix, dnsmasq, HTTP(S).

Why a random 127.R.0.0/16 block, claimed by binding 127.R.255.254:1: several developers'
runs on one machine must never collide, and the claim is atomic (a second run gets
EADDRINUSE and picks another block).
"""

from __future__ import annotations

import contextlib
import errno
import grp
import os
import pwd
import random
import shutil
import socket
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.testbed import dovecot, postfix
from tests.testbed.ca import CertPair, TestCA, self_signed
from tests.testbed.dns import MX, SRV, A, DnsServer, Record
from tests.testbed.http import HttpServer, Route
from tests.testbed.model import Endpoint, Scenario, Testbed, User
from tests.testbed.procs import Daemon, MissingProgram, group_alive, listening, require, wait_tcp

PROGRAMS = ("dovecot", "doveconf", "postconf", "postfix", "dnsmasq", "openssl", "ss")
_ACCOUNTS = (("user", "dovecot"), ("user", "dovenull"), ("user", "postfix"),
             ("user", "nobody"), ("group", "postdrop"), ("group", "nogroup"))

# Passwords chosen for what breaks clients: non-ASCII (imaplib.login cannot send it),
# and the characters IMAP quoting, JSON and prefs.js escaping must handle.
PASSWORDS = {
    "alice": "Alice-secret-2026",
    "hanako": "パスワード123",
    "quote": 'we "say" \\ amen',
    "bob": "bob-pass-67578",
}
BOB_LOGIN = 67578  # bob's login is u<BOB_LOGIN + scenario index>, not his address

_ALL = (Endpoint("imap", 993, "tls"), Endpoint("imap", 143, "starttls"),
        Endpoint("pop3", 995, "tls"), Endpoint("pop3", 110, "starttls"),
        Endpoint("smtp", 465, "tls"), Endpoint("smtp", 587, "starttls"),
        Endpoint("smtp", 25, "starttls", auth=False))
_LEGACY = (Endpoint("imap", 143, "none"), Endpoint("pop3", 110, "none"),
           Endpoint("smtp", 587, "none"))
# name, domain, last octets of its address, endpoints
_SCENARIOS = (("modern", "church.test", "0.10", _ALL),
              ("legacy", "legacy-church.test", "0.20", _LEGACY),
              ("selfsigned", "selfsigned-church.test", "0.30", _ALL))
_SRV = {("imap", "tls"): "_imaps", ("imap", "starttls"): "_imap", ("imap", "none"): "_imap",
        ("pop3", "tls"): "_pop3s", ("pop3", "starttls"): "_pop3", ("pop3", "none"): "_pop3",
        ("smtp", "tls"): "_submissions", ("smtp", "starttls"): "_submission",
        ("smtp", "none"): "_submission"}
DNS_OCTETS = "0.53"


def check_programs() -> None:
    """MissingProgram naming the first server program or system account not installed."""
    for program in PROGRAMS:
        require(program)
    for kind, name in _ACCOUNTS:
        try:
            (pwd.getpwnam if kind == "user" else grp.getgrnam)(name)
        except KeyError:
            raise MissingProgram(f"{kind} {name}") from None


def claim_block(attempts: int = 40) -> tuple[str, socket.socket]:
    """A free block "127.R" (R in 100..250) and the socket whose binding claims it."""
    for _ in range(attempts):
        block = f"127.{random.randint(100, 250)}"
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((f"{block}.255.254", 1))
        except OSError as e:
            sock.close()
            if e.errno == errno.EADDRINUSE:
                continue
            raise
        if listening(f"{block}."):  # a crashed run's leftovers: leave that block alone
            sock.close()
            continue
        return block, sock
    raise RuntimeError("no free 127.R.0.0/16 block")


def _users(domain: str, index: int) -> dict[str, User]:
    users = {}
    for key, password in PASSWORDS.items():
        email = f"{key}@{domain}"
        login = f"u{BOB_LOGIN + index}" if key == "bob" else email
        users[key] = User(email, login, password)
    return users


def autoconfig_xml(s: Scenario) -> bytes:
    """Mozilla autoconfig v1.1 listing every endpoint of the scenario, best first."""
    socket_type = {"tls": "SSL", "starttls": "STARTTLS", "none": "plain"}
    servers = []
    for e in s.endpoints:
        if not e.auth:
            continue
        tag = "outgoingServer" if e.protocol == "smtp" else "incomingServer"
        servers.append(
            f'    <{tag} type="{e.protocol}">\n      <hostname>{s.mail_host}</hostname>\n'
            f"      <port>{e.port}</port>\n      <socketType>{socket_type[e.security]}"
            "</socketType>\n      <authentication>password-cleartext</authentication>\n"
            f"      <username>%EMAILADDRESS%</username>\n    </{tag}>\n")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<clientConfig version="1.1">\n'
            f'  <emailProvider id="{s.domain}">\n    <domain>{s.domain}</domain>\n'
            f"    <displayName>テスト教会 ({s.name})</displayName>\n"
            f"    <displayShortName>{s.name}</displayShortName>\n"
            + "".join(servers) + "  </emailProvider>\n</clientConfig>\n").encode()


def _records(scenarios: list[Scenario]) -> list[Record]:
    records: list[Record] = []
    for s in scenarios:
        records += [A(h, s.ip) for h in s.hosts]
        records.append(MX(s.domain, s.mail_host, 10))
        for e in s.endpoints:
            if e.auth:
                srv = f"{_SRV[e.protocol, e.security]}._tcp.{s.domain}"
                records.append(SRV(srv, s.mail_host, e.port))
    return records


def _ports(s: Scenario, protocol: str) -> dict[int, str]:
    return {e.port: e.security for e in s.endpoints if e.protocol == protocol}


@contextlib.contextmanager
def start_testbed(keep: bool = False, attempts: int = 3) -> Iterator[Testbed]:
    """Start everything in a fresh temp folder; on exit stop it and check nothing is left.

    If a server finds one of its addresses taken (another program inside the block), the
    whole start is retried on a new block.
    """
    check_programs()
    started = time.monotonic()
    for attempt in range(1, attempts + 1):
        block, claim = claim_block()
        directory = Path(tempfile.mkdtemp(prefix=f"testbed-{block}-"))
        os.chmod(directory, 0o755)  # mail users and Postfix must traverse it
        daemons: list[Daemon] = []
        https: list[HttpServer] = []
        try:
            bed = _start(block, directory, daemons, https)
            break
        except (OSError, RuntimeError) as e:
            _stop(block, directory, claim, daemons, https, keep=keep)
            in_use = getattr(e, "errno", None) == errno.EADDRINUSE or "in use" in str(e)
            if not in_use or attempt == attempts:
                raise
    bed.startup_seconds = time.monotonic() - started
    try:
        yield bed
    finally:
        _stop(block, directory, claim, daemons, https, keep=keep)


def _stop(block: str, directory: Path, claim: socket.socket, daemons: list[Daemon],
          https: list[HttpServer], keep: bool) -> None:
    """Stop every server, release the block, and assert nothing of it is left running."""
    for server in https:
        server.stop()
    for d in reversed(daemons):
        d.stop()
    claim.close()
    alive = [d.name for d in daemons if group_alive(d.pgid)]
    left = listening(f"{block}.")
    if not keep:
        shutil.rmtree(directory, ignore_errors=True)
    assert not alive, f"test bed processes still running: {alive}"
    assert not left, f"test bed addresses still listening: {left}"


def _start(block: str, directory: Path, daemons: list[Daemon],
           https: list[HttpServer]) -> Testbed:
    ca = TestCA(directory / "ca")
    scenarios: list[Scenario] = []
    for index, (name, domain, octets, endpoints) in enumerate(_SCENARIOS):
        ip = f"{block}.{octets}"
        mail_host = f"mail.{domain}"
        hosts = [domain, mail_host, f"imap.{domain}", f"pop.{domain}", f"smtp.{domain}"]
        if name == "modern":
            hosts.append(f"autoconfig.{domain}")
        cert: CertPair | None = None
        if name == "selfsigned":
            cert = self_signed(directory / "ca", name, hosts)
        elif any(e.security != "none" for e in endpoints):
            cert = ca.issue(name, hosts)
        urls: tuple[str, ...] = ()
        if name == "modern":
            urls = tuple(f"{scheme}://{h}{p}" for scheme in ("https", "http") for h, p in (
                (f"autoconfig.{domain}", "/mail/config-v1.1.xml"),
                (domain, "/.well-known/autoconfig/mail/config-v1.1.xml")))
        scenarios.append(Scenario(name, domain, ip, mail_host, _users(domain, index),
                                  endpoints, tuple(hosts), cert, urls))
    default_cert = scenarios[0].cert
    assert default_cert is not None

    sites = [dovecot.MailSite(s.ip, _ports(s, "imap"), _ports(s, "pop3"), s.cert,
                              plaintext_without_tls=s.cert is None) for s in scenarios]
    boxes = [dovecot.Mailbox(u.login, u.password, u.email)
             for s in scenarios for u in s.users.values()]
    dconf = dovecot.write_config(directory / "dovecot", sites, boxes, default_cert)
    daemons.append(dovecot.start(dconf))

    smtp_sites = [postfix.SmtpSite(s.ip, s.mail_host, _ports(s, "smtp"), s.cert)
                  for s in scenarios]
    pconf = postfix.write_config(directory / "postfix", smtp_sites, dovecot.auth_socket(dconf),
                                 default_cert)
    daemons.append(postfix.start(pconf))

    dns_ip = f"{block}.{DNS_OCTETS}"
    dns = DnsServer(dns_ip, 53, _records(scenarios), directory)
    daemons.append(dns.daemon)

    modern = scenarios[0]
    xml = Route(autoconfig_xml(modern))
    routes = {f"autoconfig.{modern.domain}/mail/config-v1.1.xml": xml,
              f"{modern.domain}/.well-known/autoconfig/mail/config-v1.1.xml": xml}
    https.append(HttpServer(modern.ip, 80, routes))
    https.append(HttpServer(modern.ip, 443, routes, modern.cert))

    for s in scenarios:
        for e in s.endpoints:
            wait_tcp(s.ip, e.port, daemons)
    return Testbed(block=block, directory=directory, dns_server=dns.address, ca_file=ca.cert,
                   scenarios={s.name: s for s in scenarios},
                   http={"http": https[0].address, "https": https[1].address},
                   process_groups={d.name: d.pgid for d in daemons})
