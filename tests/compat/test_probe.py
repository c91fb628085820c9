"""The probe against other real server software (Courier, Exim, ...): every endpoint found
with the security it really has, no password claimed to be accepted without encryption, AUTH
where the client logs in, and the recommendation a careful admin's set-up deserves."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from assistant.probe import EndpointResult, ProbeOptions, ProbeReport, run_probe
from assistant.settings import Protocol, Security, parse_email
from tests.compat.expected import GREET_PAUSE, MECHANISM
from tests.testbed import Endpoint, Scenario
from tests.testbed.compat import GENERIC, CompatBed


@pytest.fixture(scope="module", params=GENERIC)
def probed(request: pytest.FixtureRequest,
           compat: CompatBed) -> Iterator[tuple[Scenario, ProbeReport]]:
    """One probe per site for alice@<domain> that waits for every endpoint (`complete`), so
    a held-back greeting is seen through; the default early answer has its own tests."""
    site = compat.site(request.param)
    yield site, run_probe(parse_email(site.user("alice").email),
                          ProbeOptions(dns_server=compat.dns_server, ca_file=compat.ca_file,
                                       complete=True))


def found(report: ProbeReport, site: Scenario, e: Endpoint) -> EndpointResult:
    return next(r for r in report.endpoints if r.host == site.mail_host and r.port == e.port
                and r.protocol.value == e.protocol)


def test_every_endpoint_with_its_security(probed: tuple[Scenario, ProbeReport]) -> None:
    site, report = probed
    assert site.cert is not None
    for e in site.endpoints:
        r = found(report, site, e)
        assert (r.status, r.security.value) == ("ok", e.security), (e, r.problem)
        assert r.tls is not None and r.tls.certificate_valid
        assert r.tls.fingerprint_sha256 == site.cert.fingerprint_sha256
        pause = GREET_PAUSE.get(site.name, {}).get(e.port)
        if pause is not None:
            assert r.greeting_ms is not None and r.greeting_ms >= pause - 100, r.greeting_ms


def test_no_password_is_said_to_go_unencrypted(probed: tuple[Scenario, ProbeReport]) -> None:
    """Courier-POP3 lists USER before STLS and refuses it: the refusal is quoted, no claim."""
    site, report = probed
    for e in site.endpoints:
        r = found(report, site, e)
        assert not r.plaintext_auth_offered and r.plaintext_methods == [], e
    if any(e.protocol == "pop3" for e in site.endpoints):
        pop = found(report, site, site.endpoint("pop3", "starttls"))
        if "USER" in pop.plain_capabilities:
            assert pop.plaintext_refusal is not None and pop.plaintext_refusal.startswith("-ERR")


def test_auth_is_seen_where_the_client_logs_in(probed: tuple[Scenario, ProbeReport]) -> None:
    site, report = probed
    for e in site.endpoints:
        r = found(report, site, e)
        sasl = MECHANISM[site.name][e.protocol]
        if not e.auth:
            assert r.auth_mechanisms == [], e
        elif sasl == "USER":
            assert r.auth_mechanisms == [] and "USER" in r.capabilities, e
        else:
            assert sasl in r.auth_mechanisms, (e, r.auth_mechanisms)


def test_recommendation(probed: tuple[Scenario, ProbeReport]) -> None:
    site, report = probed
    rec = report.recommendation
    protocols = {e.protocol for e in site.endpoints}
    assert [w.code for w in rec.warnings] == ([] if "imap" in protocols
                                              else ["probe.no_incoming"])  # OpenSMTPD alone
    if "imap" in protocols:
        assert rec.incoming is not None and rec.incoming.host in site.hosts
        assert (rec.incoming.protocol, rec.incoming.port, rec.incoming.security) == \
            (Protocol.IMAP, 993, Security.TLS)
    assert rec.outgoing is not None and rec.outgoing.host in site.hosts
    assert (rec.outgoing.port, rec.outgoing.security) == (465, Security.TLS)


def test_text_output_names_pop3_user_pass(compat: CompatBed) -> None:
    """Courier-POP3 offers no SASL, only USER/PASS inside TLS: the volunteer's text says so
    instead of showing no way to log in."""
    site = compat.site("courier")
    done = subprocess.run([sys.executable, "-m", "assistant", "probe", site.user("alice").email,
                           "--host", site.mail_host, "--dns-server", compat.dns_server,
                           "--ca-file", str(compat.ca_file), "--lang", "en"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    pop995 = done.stdout.split(f"POP3 {site.mail_host}:995", 1)[1].split("\n  POP3", 1)[0]
    assert "authentication: USER" in pop995
    imap993 = done.stdout.split(f"IMAP {site.mail_host}:993", 1)[1].split("\n  IMAP", 1)[0]
    assert "authentication: PLAIN" in imap993 and "USER" not in imap993
