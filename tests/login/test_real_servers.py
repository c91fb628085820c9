"""Login checks against the test bed's real Dovecot and Postfix, every protocol and port."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.login import LoginResult, check_login
from assistant.login import imap as login_imap
from assistant.login import pop3 as login_pop3
from assistant.settings import Server
from tests.testbed import Scenario, Testbed

Check = Callable[..., LoginResult]

ENDPOINTS = [
    ("imap", 993, "tls"), ("imap", 143, "starttls"),
    ("pop3", 995, "tls"), ("pop3", 110, "starttls"),
    ("smtp", 465, "tls"), ("smtp", 587, "starttls"),
]
IDS = [f"{p}-{n}-{s}" for p, n, s in ENDPOINTS]


def assert_ok(result: LoginResult, protocol: str, security: str) -> None:
    assert result.result == "ok", result.to_json("en")
    assert result.problem.code == f"login.ok_{protocol}"
    assert result.security == security
    assert result.fingerprint_sha256 is not None
    if protocol == "imap":
        assert result.inbox_count == 2
        assert set(result.folders) == {"INBOX", "Church"}
    elif protocol == "pop3":
        assert result.inbox_count == 2
        assert [n.code for n in result.notes] == ["login.note_pop_inbox_only"]
    else:
        assert result.inbox_count is None


@pytest.mark.parametrize(("protocol", "port", "security"), ENDPOINTS, ids=IDS)
def test_right_password(check: Check, modern: Scenario, protocol: str, port: int,
                        security: str) -> None:
    alice = modern.user("alice")
    result = check(modern, protocol, port, security, alice.login, alice.password)
    assert_ok(result, protocol, security)
    assert result.mechanism == "PLAIN"  # offered everywhere here, and the strongest inside TLS


@pytest.mark.parametrize(("protocol", "port", "security"), ENDPOINTS, ids=IDS)
def test_wrong_password(check: Check, modern: Scenario, protocol: str, port: int,
                        security: str) -> None:
    alice = modern.user("alice")
    result = check(modern, protocol, port, security, alice.login, alice.password + "x")
    assert result.result == "wrong_credentials"
    assert result.problem.code == "login.wrong_credentials"
    assert result.inbox_count is None and result.suggestion_login is None
    assert "alice@" in result.message("en")


@pytest.mark.parametrize("key", ["hanako", "quote"])
@pytest.mark.parametrize(("protocol", "port", "security"), ENDPOINTS, ids=IDS)
def test_difficult_passwords(check: Check, modern: Scenario, key: str, protocol: str,
                             port: int, security: str) -> None:
    """パスワード123 (UTF-8 through SASL PLAIN) and 'we "say" \\ amen' everywhere."""
    user = modern.user(key)
    assert_ok(check(modern, protocol, port, security, user.login, user.password),
              protocol, security)


@pytest.mark.parametrize("key", ["alice", "hanako", "quote"])
def test_imap_login_command(check: Check, modern: Scenario, monkeypatch: pytest.MonkeyPatch,
                            key: str) -> None:
    """With no SASL offered, the IMAP LOGIN command: quoted string, or a literal for UTF-8."""
    monkeypatch.setattr(login_imap, "imap_auth_mechanisms", lambda caps: [])
    user = modern.user(key)
    result = check(modern, "imap", 993, "tls", user.login, user.password)
    assert_ok(result, "imap", "tls")
    assert result.mechanism == "LOGIN"
    wrong = check(modern, "imap", 993, "tls", user.login, user.password + "x")
    assert (wrong.result, wrong.mechanism) == ("wrong_credentials", "LOGIN")


@pytest.mark.parametrize("key", ["alice", "hanako", "quote"])
def test_pop3_user_pass(check: Check, modern: Scenario, monkeypatch: pytest.MonkeyPatch,
                        key: str) -> None:
    monkeypatch.setattr(login_pop3, "pop3_auth_mechanisms", lambda caps: [])
    user = modern.user(key)
    result = check(modern, "pop3", 995, "tls", user.login, user.password)
    assert_ok(result, "pop3", "tls")
    assert result.mechanism == "USER"


@pytest.mark.parametrize("protocol", ["imap", "pop3", "smtp"])
def test_login_mechanism_when_plain_is_not_offered(
        check: Check, modern: Scenario, monkeypatch: pytest.MonkeyPatch, protocol: str) -> None:
    """SASL LOGIN (SMTP, POP3) when PLAIN is missing; IMAP falls back to its LOGIN command."""
    from assistant.login import sasl

    real = sasl.mechanism_order
    monkeypatch.setattr(sasl, "mechanism_order", lambda offered, auth, encrypted: [
        m for m in real(offered, auth, encrypted=encrypted) if m != "PLAIN"])
    user = modern.user("hanako")
    port = {"imap": 993, "pop3": 995, "smtp": 465}[protocol]
    result = check(modern, protocol, port, "tls", user.login, user.password)
    assert (result.result, result.mechanism) == ("ok", "LOGIN"), result.to_json("en")


def test_login_name_differs_from_address(check: Check, modern: Scenario) -> None:
    bob = modern.user("bob")
    assert bob.login != bob.email
    for protocol, port, security in ENDPOINTS:
        result = check(modern, protocol, port, security, bob.login, bob.password)
        assert result.result == "ok", (protocol, port, result.to_json("en"))
        assert result.login == bob.login


def test_local_part_is_suggested_not_tried(check: Check, modern: Scenario) -> None:
    """The address fails for bob; discovery settings suggest the local part, given ones don't."""
    bob = modern.user("bob")
    found = check(modern, "imap", 993, "tls", bob.email, bob.password, from_discovery=True)
    assert found.result == "wrong_credentials"
    assert found.suggestion_login == "bob"
    assert found.problem.code == "login.wrong_credentials_suggest"
    assert "'bob'" in found.message("en")
    given = check(modern, "imap", 993, "tls", bob.email, bob.password)
    assert given.result == "wrong_credentials" and given.suggestion_login is None


LEGACY = [("imap", 143), ("pop3", 110), ("smtp", 587)]


@pytest.mark.parametrize(("protocol", "port"), LEGACY)
def test_legacy_plaintext_refused_by_default(check: Check, legacy: Scenario, protocol: str,
                                             port: int) -> None:
    alice = legacy.user("alice")
    result = check(legacy, protocol, port, "none", alice.login, alice.password)
    assert result.result == "plaintext_refused"
    assert result.problem.code == "login.plaintext_refused"  # no STARTTLS to point to
    assert result.mechanism is None


@pytest.mark.parametrize(("protocol", "port"), LEGACY)
def test_legacy_plaintext_with_consent(check: Check, legacy: Scenario, protocol: str,
                                       port: int) -> None:
    alice = legacy.user("alice")
    result = check(legacy, protocol, port, "none", alice.login, alice.password,
                   allow_plaintext=True)
    assert result.result == "ok", result.to_json("en")
    assert result.security == "none" and result.fingerprint_sha256 is None
    assert result.notes[0].code == "login.note_plaintext_used"
    wrong = check(legacy, protocol, port, "none", alice.login, "nope", allow_plaintext=True)
    assert wrong.result == "wrong_credentials"


@pytest.mark.parametrize(("protocol", "port"), LEGACY)
def test_legacy_non_ascii_password(check: Check, legacy: Scenario, protocol: str,
                                   port: int) -> None:
    hanako = legacy.user("hanako")
    result = check(legacy, protocol, port, "none", hanako.login, hanako.password,
                   allow_plaintext=True)
    assert result.result == "ok", result.to_json("en")


@pytest.mark.parametrize(("protocol", "port"), LEGACY)
def test_starttls_missing_is_a_downgrade(check: Check, legacy: Scenario, protocol: str,
                                         port: int) -> None:
    """--security starttls on a server without STARTTLS: stop before any credential."""
    alice = legacy.user("alice")
    result = check(legacy, protocol, port, "starttls", alice.login, alice.password,
                   allow_plaintext=True)
    assert result.result == "tls_error"
    assert result.problem.code == "login.starttls_downgrade"
    assert result.mechanism is None


@pytest.mark.parametrize(("protocol", "port"), [("imap", 143), ("pop3", 110), ("smtp", 587)])
def test_modern_plain_port_without_tls(check: Check, modern: Scenario, protocol: str,
                                       port: int) -> None:
    """Security "none" on a STARTTLS port: we refuse (pointing to STARTTLS); with consent
    the server refuses (LOGINDISABLED, plaintext disallowed, AUTH only after TLS)."""
    alice = modern.user("alice")
    ours = check(modern, protocol, port, "none", alice.login, alice.password)
    assert (ours.result, ours.problem.code) == ("plaintext_refused",
                                                "login.plaintext_refused_starttls")
    theirs = check(modern, protocol, port, "none", alice.login, alice.password,
                   allow_plaintext=True)
    assert theirs.result == "tls_required", theirs.to_json("en")
    if protocol != "imap":
        # POP3/SMTP list no login before TLS: we looked after STARTTLS ourselves, and say so
        # rather than quoting words the server never sent.
        assert theirs.problem.code == "login.tls_required_found"
        assert "Server said" not in theirs.message("en")
        assert "checked without sending the password" in theirs.message("en")


def test_smtp_without_auth_explains_pop_before_smtp(check: Check, modern: Scenario) -> None:
    """Port 25 offers no AUTH: auth_not_offered, with the FAQ's reasons for SMTP AUTH."""
    alice = modern.user("alice")
    result = check(modern, "smtp", 25, "starttls", alice.login, alice.password)
    assert result.result == "auth_not_offered"
    assert result.problem.code == "login.smtp_no_auth"
    assert "POP before SMTP" in result.message("ja")
    assert "インターネットカフェ" in result.message("ja")
    assert "internet café" in result.message("en")


@pytest.mark.parametrize(("protocol", "port", "security"), ENDPOINTS, ids=IDS)
def test_self_signed_needs_the_pin(check: Check, selfsigned: Scenario, protocol: str,
                                   port: int, security: str) -> None:
    alice = selfsigned.user("alice")
    assert selfsigned.cert is not None
    expected = selfsigned.cert.fingerprint_sha256
    refused = check(selfsigned, protocol, port, security, alice.login, alice.password)
    assert refused.result == "certificate_invalid"
    assert refused.problem.code == "login.certificate_invalid"
    assert refused.fingerprint_sha256 == expected
    assert expected in refused.message("en")

    wrong_pin = "00" * 32
    mismatch = check(selfsigned, protocol, port, security, alice.login, alice.password,
                     trust_fingerprint=wrong_pin)
    assert mismatch.result == "certificate_invalid"
    assert mismatch.problem.code == "login.fingerprint_mismatch"
    assert mismatch.fingerprint_sha256 == expected

    pinned = check(selfsigned, protocol, port, security, alice.login, alice.password,
                   trust_fingerprint=expected.replace(":", "").lower())
    assert pinned.result == "ok", pinned.to_json("en")
    assert pinned.notes[0].code == "login.note_certificate_pinned"
    assert pinned.fingerprint_sha256 == expected


def test_unknown_host_and_closed_port(testbed: Testbed, modern: Scenario) -> None:
    alice = modern.user("alice")
    missing = Server.create("imap", "nowhere.church.test", 993, "tls")
    result = check_login(missing, alice.login, alice.password, dns_server=testbed.dns_server,
                         ca_file=testbed.ca_file, timeout=5)
    assert (result.result, result.problem.code) == ("refused", "login.dns_error")
    closed = Server.create("imap", testbed.new_ip(), 993, "tls")
    result = check_login(closed, alice.login, alice.password, timeout=5)
    assert (result.result, result.problem.code) == ("refused", "login.refused")


def test_tls_port_spoken_to_as_starttls(check: Check, modern: Scenario) -> None:
    """993 with --security starttls: the TLS server waits for a handshake, not a greeting."""
    alice = modern.user("alice")
    result = check(modern, "imap", 993, "starttls", alice.login, alice.password, timeout=2)
    assert result.result in ("timeout", "protocol_error"), result.to_json("en")
