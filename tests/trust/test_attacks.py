"""The trust attacks, tried as an attacker would, against the real test bed (Dovecot and
Postfix as the church's real servers) and the attacker's own recording server on loopback
(tests/trust/attacker.py), whose certificate is valid for its names. Each test asserts that
no form of the member's password reached the attacker; where consent is the guard, the same
run with the consent given shows the recorder would have caught it.

attack → result
- forged profile (unsigned, servers at mail.evil.example) → refused: trust.server_outside_domain
- forged profile signed with another key / changed after signing → refused the same way
- unsigned profile, servers inside the domain → blocking question; unanswered: nothing sent
- address outside the profile's domains (even signed) → refused: trust.domain_not_listed
- signed profile → used with no question; the real server accepts the login
- SRV target in another domain → question (srv_outside_domain); unanswered: nothing sent;
  apply refuses (exit 1, no file) unless --allow-untrusted
- http autoconfig naming the attacker → question (http_autoconfig); apply refuses
- MX in another domain, and that domain's autoconfig → questions (foreign_mx,
  foreign_autoconfig); apply refuses
- POP chosen while http autoconfig names a POP server → the SRV (trusted) one is chosen
- bad certificate (self-signed; modern without its CA) via apply → exit 1 unless
  --trust-fingerprint matches; the pin is listed in --json warnings
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest

from assistant.cli import main
from assistant.consents import ConsentReason, Consents
from assistant.discovery import discover
from assistant.net import Deadline, Resolver, TlsPolicy
from assistant.profile import dump_profile
from assistant.profile_model import Contact, SettingsProfile
from assistant.profile_trust import (
    TrustLevel,
    check_profile,
    disagreements,
    load_trusted_profile,
)
from assistant.settings import LoginRule, Protocol, Server, parse_domain, parse_email
from assistant.signature import generate_keypair, sign
from tests.testbed import Scenario, Testbed
from tests.testbed.ca import CertPair
from tests.testbed.dns import MX, SRV, A, Record, start_dns
from tests.testbed.http import Route, start_http
from tests.trust.attacker import Attacker, attacker
from tests.trust.conftest import member_login

DOMAIN = "church.test"


@pytest.fixture(scope="module")
def modern(testbed: Testbed) -> Scenario:
    return testbed.scenarios["modern"]


def autoconfig_xml(host: str, incoming: str = "imap", port: int = 993) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1"><emailProvider id="{DOMAIN}"><domain>{DOMAIN}</domain>
  <incomingServer type="{incoming}"><hostname>{host}</hostname><port>{port}</port>
    <socketType>SSL</socketType><authentication>password-cleartext</authentication>
    <username>%EMAILADDRESS%</username></incomingServer>
  <outgoingServer type="smtp"><hostname>{host}</hostname><port>465</port>
    <socketType>SSL</socketType><authentication>password-cleartext</authentication>
    <username>%EMAILADDRESS%</username></outgoingServer>
</emailProvider></clientConfig>""".encode()


@contextmanager
def world(testbed: Testbed, cert: CertPair, records: list[Record],
          http: dict[str, Route] | None = None,
          https: dict[str, Route] | None = None) -> Iterator[tuple[str, Attacker, str]]:
    """The attacker on a new address, a DNS server with ``records`` (``EVIL`` in an address
    is the attacker's), and web servers for autoconfig; yields (dns, attacker, web ip)."""
    evil, web, dns_ip = testbed.new_ip(), testbed.new_ip(), testbed.new_ip()
    resolved = [A(r.name, evil if r.address == "EVIL" else web if r.address == "WEB"
                  else r.address) if isinstance(r, A) else r for r in records]
    with ExitStack() as stack:
        me = stack.enter_context(attacker(evil, cert))
        if http is not None:
            stack.enter_context(start_http(web, 80, http))
        if https is not None:
            stack.enter_context(start_http(evil, 443, https, tls_cert=cert))
        server = stack.enter_context(start_dns(dns_ip, 53, resolved))
        yield server.address, me, web


def apply_cli(capsys: pytest.CaptureFixture[str], email: str, dns: str, ca_file: Path | None,
              target: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    ca = ["--ca-file", str(ca_file)] if ca_file is not None else []
    code = main(["apply", "--client", "thunderbird", "--email", email, "--name", "Member",
                 "--dns-server", dns, *ca, "--timeout", "15", "--thunderbird-profile",
                 str(target), "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


# --- forged, wrong-key and unsigned profiles -------------------------------------------------

def church_profile(host: str, keys: tuple[str, ...] = (),
                   domain: str = DOMAIN) -> SettingsProfile:
    return SettingsProfile(
        format_version=1, organisation_ja="日本キリスト教会 見本教会", organisation_en="Sample",
        domains=(parse_domain(domain),),
        incoming=(Server.parse_spec(f"imap:{host}:993:tls"),),
        outgoing=(Server.parse_spec(f"smtp:{host}:465:tls"),),
        recommended_protocol=Protocol.IMAP, login_rule=LoginRule.ADDRESS,
        contact=Contact(phone="03-0000-0000"), signing_keys=keys)


@pytest.fixture(scope="module")
def church_key() -> tuple[str, str]:
    pair = generate_keypair()
    return pair.private, pair.public


@pytest.fixture
def embedded(tmp_path: Path, modern: Scenario, church_key: tuple[str, str]) -> Path:
    """The installer's profile: the real server, the church's public key."""
    path = tmp_path / "embedded-profile.mailsetup"
    path.write_text(dump_profile(church_profile(modern.mail_host, (church_key[1],))))
    return path


def write(path: Path, profile: SettingsProfile, key: str | None = None) -> Path:
    data = dump_profile(profile).encode()
    path.write_bytes(sign(data, key) if key else data)
    return path


@pytest.mark.parametrize("how", ["unsigned", "other key", "changed after signing"])
def test_forged_profile_with_foreign_servers_is_refused(
        testbed: Testbed, evil_cert: CertPair, ca_bundle: Path, embedded: Path, tmp_path: Path,
        church_key: tuple[str, str], how: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    forged = church_profile("mail.evil.example")
    path = tmp_path / "forged.mailsetup"
    if how == "unsigned":
        write(path, forged)
    elif how == "other key":
        write(path, forged, generate_keypair().private)
    else:  # the church signed a good file; the attacker changed the host afterwards
        write(path, church_profile("mail.church.test"), church_key[0])
        path.write_bytes(path.read_bytes().replace(b"mail.church.test", b"mail.evil.example"))
    loaded = load_trusted_profile(path, embedded=embedded)
    assert loaded is not None and loaded.trust is TrustLevel.UNTRUSTED
    assert loaded.signature.status == {"unsigned": "unsigned", "other key": "untrusted_key",
                                       "changed after signing": "invalid"}[how]
    verdict = check_profile(loaded, parse_email(f"alice@{DOMAIN}"))
    assert not verdict.usable and verdict.question is None
    assert [p.code for p in verdict.refusals] == ["trust.server_outside_domain"] * 1
    assert verdict.refusals[0].params["host"] == "mail.evil.example"

    # The command line refuses it too (exit 1, nothing written) with the embedded profile.
    monkeypatch.setattr("assistant.embedded.embedded_profile_path", lambda: embedded)
    with world(testbed, evil_cert, [A("mail.evil.example", "EVIL")]) as (dns, me, _):
        code, result = apply_cli(capsys, f"alice@{DOMAIN}", dns, ca_bundle, tmp_path / "tb",
                                 "--profile", str(path), "--allow-untrusted",
                                 "mail.evil.example")
        assert me.connections == 0  # refused before any connection
        if how == "unsigned":  # probe says so in its warnings, and never proposes it
            main(["probe", f"alice@{DOMAIN}", "--profile", str(path), "--dns-server", dns,
                  "--ca-file", str(ca_bundle), "--timeout", "15", "--json"])
            probed = json.loads(capsys.readouterr().out)
            codes = [w["code"] for w in probed["recommendation"]["warnings"]]
            assert codes[0] == "trust.server_outside_domain"
            evil = [e for e in probed["endpoints"] if e["host"] == "mail.evil.example"]
            assert evil and all(e["consent_reason"] == "untrusted_profile" for e in evil)
    assert code == 1 and result["error"] == "trust.server_outside_domain"
    assert not (tmp_path / "tb" / "prefs.js").exists()


def test_unsigned_profile_inside_the_domain_stops_at_the_question(
        testbed: Testbed, modern: Scenario, ca_bundle: Path, embedded: Path,
        tmp_path: Path) -> None:
    alice = modern.user("alice")
    loaded = load_trusted_profile(write(tmp_path / "p.mailsetup",
                                        church_profile(modern.mail_host)), embedded=embedded)
    assert loaded is not None and loaded.trust is TrustLevel.UNTRUSTED
    verdict = check_profile(loaded, parse_email(alice.email))
    assert verdict.usable and verdict.question is not None
    assert modern.mail_host in verdict.question.params["hosts"]
    assert verdict.question.params["source"] == str(tmp_path / "p.mailsetup")

    run = member_login(alice.email, alice.password, dns=testbed.dns_server,
                       ca_file=ca_bundle, loaded=loaded)
    assert run.stopped is not None and run.stopped.code == "consent.required"
    assert {c.reason for c in run.chosen.consents_needed} == {ConsentReason.UNTRUSTED_PROFILE}
    assert run.results == []
    # Answered "yes": the real server gets the login (the question was the only guard).
    yes = Consents().with_host(modern.mail_host, ConsentReason.UNTRUSTED_PROFILE)
    run = member_login(alice.email, alice.password, dns=testbed.dns_server,
                       ca_file=ca_bundle, loaded=loaded, consents=yes)
    assert run.stopped is None and [r.result for r in run.results] == ["ok", "ok"]


def test_signed_profile_is_used_without_a_question(
        testbed: Testbed, modern: Scenario, ca_bundle: Path, embedded: Path, tmp_path: Path,
        church_key: tuple[str, str]) -> None:
    alice = modern.user("alice")
    path = write(tmp_path / "signed.mailsetup", church_profile(modern.mail_host), church_key[0])
    loaded = load_trusted_profile(path, embedded=embedded)
    assert loaded is not None and loaded.trust is TrustLevel.SIGNED
    verdict = check_profile(loaded, parse_email(alice.email))
    assert verdict.usable and verdict.question is None
    run = member_login(alice.email, alice.password, dns=testbed.dns_server,
                       ca_file=ca_bundle, loaded=loaded)
    assert run.stopped is None and run.chosen.consents_needed == ()
    assert [r.result for r in run.results] == ["ok", "ok"]
    assert run.chosen.incoming is not None and run.chosen.incoming.host == modern.mail_host


def test_signed_profile_may_name_a_rented_server_but_not_another_domain(
        embedded: Path, tmp_path: Path, church_key: tuple[str, str]) -> None:
    rented = write(tmp_path / "rented.mailsetup", church_profile("sv1234.xserver.jp"),
                   church_key[0])
    loaded = load_trusted_profile(rented, embedded=embedded)
    assert loaded is not None and loaded.trusted
    assert check_profile(loaded, parse_email(f"alice@{DOMAIN}")).usable
    verdict = check_profile(loaded, parse_email("alice@other-church.test"))
    assert [p.code for p in verdict.refusals] == ["trust.domain_not_listed"]
    # Without an embedded profile, no key is trusted: the same file is a stranger's.
    alone = load_trusted_profile(rented, embedded=None)
    assert alone is not None and alone.trust is TrustLevel.UNTRUSTED
    assert not check_profile(alone, parse_email(f"alice@{DOMAIN}")).usable


def test_file_profile_that_disagrees_with_the_domain_is_said(
        testbed: Testbed, modern: Scenario, embedded: Path, tmp_path: Path,
        church_key: tuple[str, str]) -> None:
    other = f"imap2.{DOMAIN}"
    loaded = load_trusted_profile(write(tmp_path / "p.mailsetup", church_profile(other),
                                        church_key[0]), embedded=embedded)
    assert loaded is not None
    email = parse_email(modern.user("alice").email)
    sources = discover(email, resolver=Resolver(testbed.dns_server),
                       policy=TlsPolicy(ca_file=testbed.ca_file), deadline=Deadline(10))
    found = disagreements(loaded, email, sources)
    assert {(p.params["protocol"], p.params["source"]) for p in found} >= {
        ("IMAP", "srv"), ("SMTP", "srv"), ("IMAP", "autoconfig")}
    assert all(p.params["domain_hosts"] == modern.mail_host for p in found)
    church = load_trusted_profile(None, embedded=embedded)  # the installer's own: not compared
    assert church is not None and church.trust is TrustLevel.EMBEDDED
    assert disagreements(church, email, sources) == []


# --- discovery: SRV, http autoconfig, MX ----------------------------------------------------

def assert_stopped(run_stopped: object, me: Attacker, password: str, email: str) -> None:
    assert run_stopped is not None
    assert me.leaked(password, email) == []


def test_srv_target_in_another_domain_needs_consent(
        testbed: Testbed, modern: Scenario, evil_cert: CertPair, ca_bundle: Path,
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alice = modern.user("alice")
    records: list[Record] = [SRV(f"_imaps._tcp.{DOMAIN}", "mail.evil.example", 993),
                             SRV(f"_submissions._tcp.{DOMAIN}", "mail.evil.example", 465),
                             A("mail.evil.example", "EVIL")]
    with world(testbed, evil_cert, records) as (dns, me, _):
        run = member_login(alice.email, alice.password, dns=dns, ca_file=ca_bundle)
        srv = next(s for s in run.report.sources if s.kind == "srv")
        assert not srv.trusted
        assert run.chosen.incoming is not None and run.chosen.incoming.host == "mail.evil.example"
        assert [(c.host, c.reason) for c in run.chosen.consents_needed] == [
            ("mail.evil.example", ConsentReason.SRV_OUTSIDE_DOMAIN)]
        assert run.stopped is not None and run.stopped.code == "consent.required"
        assert me.connections > 0  # the probe did talk to it: only the password is guarded
        assert me.leaked(alice.password, alice.email) == []

        code, result = apply_cli(capsys, alice.email, dns, ca_bundle, tmp_path / "tb")
        assert code == 1 and result["error"] == "apply.untrusted_refused"
        assert result["params"]["host_ascii"] == "mail.evil.example"
        assert not (tmp_path / "tb").exists()
        code, result = apply_cli(capsys, alice.email, dns, ca_bundle, tmp_path / "tb",
                                 "--allow-untrusted", "mail.evil.example")
        assert code == 0, result
        assert "apply.untrusted_allowed" in [w["code"] for w in result["warnings"]]

        # The control: once the member says yes, the recorder sees the password.
        yes = Consents().with_host("mail.evil.example", ConsentReason.SRV_OUTSIDE_DOMAIN)
        run = member_login(alice.email, alice.password, dns=dns, ca_file=ca_bundle,
                           consents=yes)
        assert run.stopped is None
        assert me.leaked(alice.password, alice.email) != []


def test_http_autoconfig_needs_consent(testbed: Testbed, modern: Scenario,
                                       evil_cert: CertPair, ca_bundle: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    alice = modern.user("alice")
    records: list[Record] = [A(f"autoconfig.{DOMAIN}", "WEB"), A("mail.evil.example", "EVIL")]
    routes = {"/mail/config-v1.1.xml": Route(autoconfig_xml("mail.evil.example"))}
    with world(testbed, evil_cert, records, http=routes) as (dns, me, _):
        run = member_login(alice.email, alice.password, dns=dns, ca_file=ca_bundle)
        assert [(c.host, c.reason) for c in run.chosen.consents_needed] == [
            ("mail.evil.example", ConsentReason.HTTP_AUTOCONFIG)]
        assert_stopped(run.stopped, me, alice.password, alice.email)
        code, result = apply_cli(capsys, alice.email, dns, ca_bundle, tmp_path / "tb")
    assert code == 1 and result["error"] == "apply.untrusted_refused"
    assert not (tmp_path / "tb").exists()


def test_mx_in_another_domain_and_its_autoconfig_need_consent(
        testbed: Testbed, modern: Scenario, evil_cert: CertPair, ca_bundle: Path,
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alice = modern.user("alice")
    records: list[Record] = [MX(DOMAIN, "mx.evil.example"), A("mx.evil.example", "EVIL"),
                             A("autoconfig.evil.example", "EVIL"),
                             A("imap.evil.example", "EVIL")]
    routes = {"/mail/config-v1.1.xml": Route(autoconfig_xml("imap.evil.example"))}
    with world(testbed, evil_cert, records, https=routes) as (dns, me, _):
        run = member_login(alice.email, alice.password, dns=dns, ca_file=ca_bundle)
        reasons = {e.consent_reason for e in run.report.endpoints if not e.trusted_source}
        assert reasons == {ConsentReason.FOREIGN_MX, ConsentReason.FOREIGN_AUTOCONFIG}
        assert run.chosen.consents_needed
        assert_stopped(run.stopped, me, alice.password, alice.email)
        code, result = apply_cli(capsys, alice.email, dns, ca_bundle, tmp_path / "tb")
    assert code == 1 and result["error"] == "apply.untrusted_refused"


def test_pop_choice_keeps_trust_before_speed(testbed: Testbed, modern: Scenario,
                                             evil_cert: CertPair, ca_bundle: Path) -> None:
    """The member picks POP: the SRV (trusted) POP server wins over http autoconfig's."""
    alice = modern.user("alice")
    records: list[Record] = [SRV(f"_pop3s._tcp.{DOMAIN}", modern.mail_host, 995),
                             SRV(f"_submissions._tcp.{DOMAIN}", modern.mail_host, 465),
                             A(modern.mail_host, modern.ip), A(f"autoconfig.{DOMAIN}", "WEB"),
                             A("mail.evil.example", "EVIL")]
    routes = {"/mail/config-v1.1.xml": Route(autoconfig_xml("mail.evil.example", "pop3", 995))}
    with world(testbed, evil_cert, records, http=routes) as (dns, me, _):
        run = member_login(alice.email, alice.password, dns=dns, ca_file=ca_bundle,
                           wanted=Protocol.POP3)
        pops = {e.host for e in run.report.endpoints if e.protocol is Protocol.POP3 and e.usable}
        assert pops == {modern.mail_host, "mail.evil.example"}  # both answered
        assert run.chosen.incoming is not None
        assert (run.chosen.incoming.protocol, run.chosen.incoming.host) == (Protocol.POP3,
                                                                            modern.mail_host)
        assert run.stopped is None and [r.result for r in run.results] == ["ok", "ok"]
        assert me.leaked(alice.password, alice.email) == []


# --- certificates on the command line --------------------------------------------------------

def test_apply_refuses_a_bad_certificate_unless_pinned(
        testbed: Testbed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    selfsigned = testbed.scenarios["selfsigned"]
    assert selfsigned.cert is not None
    email = selfsigned.user("alice").email
    code, result = apply_cli(capsys, email, testbed.dns_server, testbed.ca_file, tmp_path / "a")
    assert code == 1 and result["error"] == "apply.certificate_refused"
    assert result["params"]["fingerprint"] == selfsigned.cert.fingerprint_sha256
    assert not (tmp_path / "a").exists()

    wrong = "00" * 32
    code, result = apply_cli(capsys, email, testbed.dns_server, testbed.ca_file, tmp_path / "a",
                             "--trust-fingerprint", wrong)
    assert code == 1 and result["error"] == "apply.certificate_refused"

    code, result = apply_cli(capsys, email, testbed.dns_server, testbed.ca_file, tmp_path / "a",
                             "--trust-fingerprint", selfsigned.cert.fingerprint_sha256.lower())
    assert code == 0, result
    warnings = [w["code"] for w in result["warnings"]]
    assert warnings.count("apply.certificate_pinned") == 2  # IMAP and SMTP
    assert (tmp_path / "a" / "prefs.js").is_file()


def test_apply_refuses_modern_without_its_ca(testbed: Testbed, modern: Scenario,
                                             tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, result = apply_cli(capsys, modern.user("alice").email, testbed.dns_server, None,
                             tmp_path / "a")
    assert code == 1 and result["error"] == "apply.certificate_refused"
    assert not (tmp_path / "a").exists()


def test_apply_refuses_an_address_outside_the_embedded_profiles_domains(
        embedded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The installer's own profile is used by apply without --profile: never for another
    domain's address, however it is written."""
    monkeypatch.setattr("assistant.embedded.embedded_profile_path", lambda: embedded)
    code = main(["apply", "--client", "thunderbird", "--email", "alice@other-church.test",
                 "--name", "Alice", "--thunderbird-profile", str(tmp_path / "tb"), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1 and result["error"] == "trust.domain_not_listed"
    assert result["params"]["domain"] == "other-church.test"
    assert not (tmp_path / "tb").exists()


def test_wizard_login_waits_for_the_certificate_decision(testbed: Testbed) -> None:
    """The self-signed server: no login before the member accepts its fingerprint; then the
    login goes through that pin (Dovecot and Postfix accept it)."""
    selfsigned = testbed.scenarios["selfsigned"]
    assert selfsigned.cert is not None
    alice = selfsigned.user("alice")
    run = member_login(alice.email, alice.password, dns=testbed.dns_server,
                       ca_file=testbed.ca_file)
    assert run.stopped is not None and run.stopped.code == "consent.certificate_required"
    assert {c.fingerprint for c in run.chosen.certificates_needed} == {
        selfsigned.cert.fingerprint_sha256}
    yes = Consents().with_fingerprint(selfsigned.cert.fingerprint_sha256)
    run = member_login(alice.email, alice.password, dns=testbed.dns_server,
                       ca_file=testbed.ca_file, consents=yes)
    assert run.stopped is None and [r.result for r in run.results] == ["ok", "ok"]
    assert {p.sha256 for p in run.chosen.pins} == {selfsigned.cert.fingerprint_sha256}
