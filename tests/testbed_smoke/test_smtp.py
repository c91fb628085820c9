"""SMTP AUTH through stdlib smtplib against the test bed's Postfix (SASL via Dovecot)."""

from __future__ import annotations

import base64
import smtplib
import ssl

import pytest

from tests.testbed import Testbed, User
from tests.testbed.tls import client_context, peer_fingerprint, pinned_context

TIMEOUT = 10
USERS = ["alice", "hanako", "quote", "bob"]


def auth_plain(conn: smtplib.SMTP, user: User) -> tuple[int, bytes]:
    """AUTH PLAIN with UTF-8: smtplib.login() cannot send a non-ASCII password."""
    token = base64.b64encode(b"\0" + user.login.encode() + b"\0" + user.password.encode())
    return conn.docmd("AUTH", "PLAIN " + token.decode())


def log_in(conn: smtplib.SMTP, user: User) -> None:
    if user.password.isascii():
        code, _ = conn.login(user.login, user.password)
    else:
        code, _ = auth_plain(conn, user)
    assert code == 235


@pytest.mark.parametrize("key", USERS)
def test_submission_587_auth_after_starttls(testbed: Testbed, key: str) -> None:
    s = testbed.scenarios["modern"]
    with smtplib.SMTP(s.ip, 587, local_hostname="client.test", timeout=TIMEOUT) as conn:
        conn.ehlo()
        assert conn.has_extn("starttls") and not conn.has_extn("auth")
        conn.starttls(context=client_context(testbed.ca_file, s.mail_host))
        conn.ehlo()
        assert set(conn.esmtp_features["auth"].split()) == {"PLAIN", "LOGIN"}
        log_in(conn, s.user(key))


def test_submission_587_refuses_auth_before_tls(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    with smtplib.SMTP(s.ip, 587, local_hostname="client.test", timeout=TIMEOUT) as conn:
        conn.ehlo()
        code, _ = auth_plain(conn, s.user("alice"))
        assert code in (503, 530)


@pytest.mark.parametrize("key", USERS)
def test_submissions_465_auth(testbed: Testbed, key: str) -> None:
    s = testbed.scenarios["modern"]
    with smtplib.SMTP_SSL(s.ip, 465, local_hostname="client.test", timeout=TIMEOUT,
                          context=client_context(testbed.ca_file, s.mail_host)) as conn:
        conn.ehlo()
        assert conn.has_extn("auth")
        log_in(conn, s.user(key))


@pytest.mark.parametrize("key", USERS)
def test_legacy_587_plaintext_auth(testbed: Testbed, key: str) -> None:
    s = testbed.scenarios["legacy"]
    with smtplib.SMTP(s.ip, 587, local_hostname="client.test", timeout=TIMEOUT) as conn:
        conn.ehlo()
        assert not conn.has_extn("starttls")
        assert "PLAIN" in conn.esmtp_features["auth"].split()
        log_in(conn, s.user(key))


def test_port_25_offers_starttls_but_no_auth(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    with smtplib.SMTP(s.ip, 25, local_hostname="client.test", timeout=TIMEOUT) as conn:
        conn.ehlo()
        assert conn.has_extn("starttls")
        conn.starttls(context=client_context(testbed.ca_file, s.mail_host))
        conn.ehlo()
        assert not conn.has_extn("auth")


def test_wrong_password_is_535(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    user = s.user("alice")
    with smtplib.SMTP_SSL(s.ip, 465, local_hostname="client.test", timeout=TIMEOUT,
                          context=client_context(testbed.ca_file, s.mail_host)) as conn:
        with pytest.raises(smtplib.SMTPAuthenticationError) as err:
            conn.login(user.login, "not-" + user.password)
        assert err.value.smtp_code == 535


def test_nothing_can_be_sent_even_after_auth(testbed: Testbed) -> None:
    """The bed never delivers: every RCPT TO is refused, locally and off the machine."""
    s = testbed.scenarios["legacy"]
    user = s.user("alice")
    with smtplib.SMTP(s.ip, 587, local_hostname="client.test", timeout=TIMEOUT) as conn:
        conn.login(user.login, user.password)
        assert conn.mail(user.email)[0] == 250
        assert conn.rcpt("someone@example.com")[0] >= 500
        assert conn.rcpt(user.email)[0] >= 500


def test_selfsigned_465_and_587(testbed: Testbed) -> None:
    s = testbed.scenarios["selfsigned"]
    assert s.cert is not None
    with pytest.raises(ssl.SSLCertVerificationError):
        smtplib.SMTP_SSL(s.ip, 465, local_hostname="client.test", timeout=TIMEOUT,
                         context=client_context(testbed.ca_file, s.mail_host))
    with smtplib.SMTP(s.ip, 587, local_hostname="client.test", timeout=TIMEOUT) as conn:
        conn.starttls(context=pinned_context(s.mail_host))
        assert isinstance(conn.sock, ssl.SSLSocket)
        assert peer_fingerprint(conn.sock) == s.cert.fingerprint_sha256
        conn.ehlo()
        log_in(conn, s.user("bob"))
