"""The one ranking (assistant.probe.choose) on results as the probe reports them."""

from __future__ import annotations

from assistant.consents import ConsentReason, Consents, Pin
from assistant.net import TlsInfo
from assistant.probe.choose import Ranking, consent_question, propose
from assistant.probe.model import EndpointResult
from assistant.profile_model import Contact, ServerPolicy, SettingsProfile
from assistant.settings import LoginRule, Protocol, Security, Server, parse_domain

FP = ":".join(["AB"] * 32)


def result(spec: str, order: int, *, trusted: bool = True, status: str = "ok",
           reason: ConsentReason | None = None, elapsed: int = 100) -> EndpointResult:
    server = Server.parse_spec(spec)
    tls = None if server.security is Security.NONE else TlsInfo(
        "TLSv1.3", status == "ok", None if status == "ok" else "self-signed", FP)
    return EndpointResult(server.protocol, server.host, server.port, server.security, status,
                          tls=tls, auth_mechanisms=["PLAIN"], trusted_source=trusted,
                          order=order, consent_reason=reason, elapsed_ms=elapsed)


def profile(*specs: str, pin: str | None = None) -> SettingsProfile:
    servers = [Server.parse_spec(s) for s in specs]
    return SettingsProfile(
        format_version=1, organisation_ja="教会", organisation_en="Church",
        domains=(parse_domain("church.test"),),
        incoming=tuple(s for s in servers if s.is_incoming),
        outgoing=tuple(s for s in servers if not s.is_incoming),
        recommended_protocol=Protocol.IMAP, login_rule=LoginRule.ADDRESS, contact=Contact(),
        policies=((servers[0], ServerPolicy(pinned_sha256=pin)),) if pin else ())


def test_trust_comes_before_speed_and_encryption_kind() -> None:
    results = [
        result("pop3:pop.evil.example:995:tls", 5, trusted=False,
               reason=ConsentReason.HTTP_AUTOCONFIG, elapsed=1),
        result("pop3:mail.church.test:110:starttls", 3, elapsed=900),
        result("smtp:mail.church.test:587:starttls", 4),
    ]
    chosen = propose(results, Ranking(wanted=Protocol.POP3))
    assert chosen.incoming is not None and chosen.incoming.host == "mail.church.test"
    assert chosen.ready
    assert chosen.unencrypted == ()
    plain = propose([*results[:2], result("smtp:mail.church.test:25:none", 4)],
                    Ranking(wanted=Protocol.POP3))
    assert [r.port for r in plain.unencrypted] == [25]


def test_the_churchs_order_among_its_servers() -> None:
    church = profile("imap:imap2.church.test:143:starttls", "imap:imap.church.test:993:tls",
                     "smtp:smtp.church.test:587:starttls")
    results = [result("imap:imap.church.test:993:tls", 1),
               result("imap:imap2.church.test:143:starttls", 0),
               result("imap:mail.church.test:993:tls", 7),  # a guess, implicit TLS
               result("smtp:smtp.church.test:587:starttls", 2)]
    chosen = propose(results, Ranking.of(church, True))
    assert chosen.incoming is not None and chosen.incoming.host == "imap2.church.test"
    # The same file untrusted: no church order, and every one of its hosts is asked about.
    chosen = propose([*results[:3], result("smtp:smtp.church.test:587:starttls", 2)],
                     Ranking.of(church, False))
    assert chosen.incoming is not None and chosen.incoming.host == "imap.church.test"
    assert {c.host for c in chosen.consents_needed} == {"imap.church.test",
                                                        "smtp.church.test"}


def test_manual_choice_still_needs_its_consent() -> None:
    evil = result("imap:mail.evil.example:993:tls", 9, trusted=False,
                  reason=ConsentReason.SRV_OUTSIDE_DOMAIN)
    results = [evil, result("imap:mail.church.test:993:tls", 0),
               result("smtp:mail.church.test:465:tls", 1)]
    chosen = propose(results, Ranking(), incoming=evil)
    assert chosen.incoming is evil and not chosen.ready
    request = chosen.consents_needed[0]
    assert (request.host, request.reason) == ("mail.evil.example",
                                              ConsentReason.SRV_OUTSIDE_DOMAIN)
    question = consent_question(request, "church.test", "03-0000-0000", "ja")
    assert "mail.evil.example" in question and "03-0000-0000" in question
    assert "いいえ" in question
    yes = Consents().with_host("mail.evil.example", ConsentReason.SRV_OUTSIDE_DOMAIN)
    assert propose(results, Ranking(consents=yes), incoming=evil).ready
    # A yes to another reason does not count for this one.
    other = Consents().with_host("mail.evil.example", ConsentReason.HTTP_AUTOCONFIG)
    assert not propose(results, Ranking(consents=other), incoming=evil).ready


def test_an_invalid_certificate_needs_a_pin() -> None:
    results = [result("imap:mail.church.test:993:tls", 0, status="certificate_invalid"),
               result("smtp:mail.church.test:465:tls", 1)]
    chosen = propose(results, Ranking())
    assert [c.host for c in chosen.certificates_needed] == ["mail.church.test"]
    assert chosen.pins == ()
    by_person = propose(results, Ranking(consents=Consents().with_fingerprint(FP)))
    assert by_person.ready and by_person.pins == (Pin("mail.church.test", 993, FP),)
    assert [p.code for p in by_person.acted_on] == ["apply.certificate_pinned"]
    church = profile("imap:mail.church.test:993:tls", "smtp:mail.church.test:465:tls", pin=FP)
    assert propose(results, Ranking.of(church, True)).ready
    assert propose(results, Ranking.of(church, False)).certificates_needed != ()  # untrusted pin
