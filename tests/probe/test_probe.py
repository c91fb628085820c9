"""run_probe against every test-bed scenario: statuses, security, mechanisms, certificates,
the recommendation and its warnings."""

from __future__ import annotations

import pytest

from assistant.errors import Problem
from assistant.probe import EndpointResult, ProbeEvent, ProbeOptions, ProbeReport, run_probe
from assistant.profile import Contact, SettingsProfile
from assistant.settings import Domain, LoginRule, Protocol, Security, Server, parse_email
from tests.probe.test_discovery import zone
from tests.testbed import Scenario, Testbed
from tests.testbed.dns import MX, A


def probe(testbed: Testbed, scenario: Scenario, **options: object) -> ProbeReport:
    return run_probe(parse_email(scenario.user("alice").email),
                     ProbeOptions(dns_server=testbed.dns_server, ca_file=testbed.ca_file,
                                  **options))  # type: ignore[arg-type]


def endpoint(report: ProbeReport, host: str, port: int) -> EndpointResult:
    return next(e for e in report.endpoints if e.host == host and e.port == port)


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def test_modern(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    assert modern.cert is not None
    events: list[ProbeEvent] = []
    report = run_probe(parse_email(modern.user("alice").email),
                       ProbeOptions(dns_server=testbed.dns_server, ca_file=testbed.ca_file),
                       on_event=events.append)
    host = modern.mail_host
    for port, security in ((993, "tls"), (143, "starttls"), (995, "tls"), (110, "starttls"),
                           (465, "tls"), (587, "starttls"), (25, "starttls")):
        e = endpoint(report, host, port)
        assert (e.status, e.security.value) == ("ok", security), (port, e.error)
        assert e.tls is not None and e.tls.certificate_valid
        assert e.tls.fingerprint_sha256 == modern.cert.fingerprint_sha256
        assert not e.plaintext_auth_offered
        assert e.trusted_source
    imap143 = endpoint(report, host, 143)
    assert "LOGINDISABLED" in imap143.plain_capabilities
    assert "LOGINDISABLED" not in imap143.capabilities and "PLAIN" in imap143.auth_mechanisms
    assert endpoint(report, host, 587).auth_mechanisms  # offered only after STARTTLS
    assert not endpoint(report, host, 25).auth_mechanisms
    rec = report.recommendation
    assert rec.incoming is not None and rec.outgoing is not None
    assert (rec.incoming.protocol, rec.incoming.port, rec.incoming.security) == \
        (Protocol.IMAP, 993, Security.TLS)
    assert (rec.outgoing.port, rec.outgoing.security) == (465, Security.TLS)
    assert rec.incoming.host == host and rec.warnings == []
    assert rec.incoming.to_server() == Server.parse_spec(f"imap:{host}:993:tls")
    kinds = [e.kind for e in events]
    assert kinds.count("recommendation") == 1 and kinds[0] == "source"
    assert kinds.count("endpoint_done") == len(report.endpoints) == kinds.count(
        "endpoint_started")
    json = report.to_json("en")
    assert json["schema"] == 1 and json["domain"] == modern.domain
    assert [s["kind"] for s in json["sources"]][:1] == ["srv"]


def test_legacy_plaintext(testbed: Testbed) -> None:
    legacy = testbed.scenarios["legacy"]
    report = probe(testbed, legacy)
    imap = endpoint(report, legacy.mail_host, 143)
    assert (imap.status, imap.security, imap.tls) == ("ok", Security.NONE, None)
    assert imap.plaintext_auth_offered
    assert endpoint(report, legacy.mail_host, 993).status == "refused"
    smtp = endpoint(report, legacy.mail_host, 587)
    assert smtp.security is Security.NONE and smtp.plaintext_auth_offered
    assert smtp.plaintext_methods == ["AUTH PLAIN", "AUTH LOGIN"]
    pop3 = endpoint(report, legacy.mail_host, 110)
    # USER was really tried (no password): Dovecot takes it, so the claim stands.
    assert pop3.plaintext_methods[:1] == ["USER"] and pop3.plaintext_refusal is None
    rec = report.recommendation
    assert rec.incoming is not None and rec.incoming.protocol is Protocol.IMAP
    assert rec.incoming.security is Security.NONE
    assert rec.outgoing is not None and rec.outgoing.port == 587
    assert codes(rec.warnings) == ["probe.no_encryption", "probe.no_encryption"]


def test_selfsigned_reports_fingerprint(testbed: Testbed) -> None:
    selfsigned = testbed.scenarios["selfsigned"]
    assert selfsigned.cert is not None
    report = probe(testbed, selfsigned)
    for port in (993, 143, 995, 110, 465, 587):
        e = endpoint(report, selfsigned.mail_host, port)
        assert e.status == "certificate_invalid", (port, e.error)
        assert e.tls is not None and not e.tls.certificate_valid
        assert e.tls.fingerprint_sha256 == selfsigned.cert.fingerprint_sha256
        assert e.tls.certificate_error and e.error and selfsigned.cert.fingerprint_sha256 \
            in e.error
    rec = report.recommendation
    assert rec.incoming is not None and rec.incoming.port == 993
    warning = next(w for w in rec.warnings if w.code == "probe.certificate_invalid")
    assert warning.params["fingerprint"] == selfsigned.cert.fingerprint_sha256


def test_host_option_skips_discovery(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    report = probe(testbed, modern, host=modern.mail_host)
    assert [s.kind.value for s in report.sources] == ["host"]
    assert {e.host for e in report.endpoints} == {modern.mail_host}
    assert len(report.endpoints) == 7
    assert report.recommendation.complete


def test_profile_is_the_first_source(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    profile = SettingsProfile(
        format_version=1, organisation_ja="テスト教会", organisation_en="Test church",
        domains=(Domain(modern.domain, modern.domain),),
        incoming=(Server.parse_spec(f"imap:{modern.mail_host}:143:starttls"),),
        outgoing=(Server.parse_spec(f"smtp:{modern.mail_host}:587:starttls"),),
        recommended_protocol=Protocol.IMAP, login_rule=LoginRule.ADDRESS, contact=Contact())
    report = probe(testbed, modern, profile=profile)
    assert report.sources[0].kind.value == "profile"
    assert report.sources[0].hosts == [modern.mail_host]


def test_mx_outside_domain_gives_untrusted_warning(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    with zone(testbed, [MX("elsewhere.test", modern.mail_host, 10),
                        A(modern.mail_host, modern.ip)]) as resolver:
        assert resolver.server is not None
        dns = f"{resolver.server[0]}:{resolver.server[1]}"
        report = run_probe(parse_email("a@elsewhere.test"),
                           ProbeOptions(dns_server=dns, ca_file=testbed.ca_file))
    assert report.recommendation.incoming is not None
    assert not report.recommendation.incoming.trusted_source
    assert "probe.untrusted_source" in codes(report.recommendation.warnings)


def test_unknown_domain_has_no_recommendation(testbed: Testbed) -> None:
    report = run_probe(parse_email("a@nothing.church.test"),
                       ProbeOptions(dns_server=testbed.dns_server, timeout=5))
    assert report.endpoints == []
    assert not report.recommendation.complete
    assert codes(report.recommendation.warnings) == ["probe.no_incoming", "probe.no_outgoing"]


def test_dns_server_given_means_system_resolver_never_used(
        testbed: Testbed, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"system resolver used for {args[:1]}")

    monkeypatch.setattr(socket, "getaddrinfo", forbidden)
    monkeypatch.setattr(socket, "gethostbyname", forbidden)
    report = probe(testbed, testbed.scenarios["modern"])
    assert report.recommendation.complete
