"""IMAP through stdlib imaplib against the test bed's Dovecot, in every mode."""

from __future__ import annotations

import imaplib
import ssl

import pytest

from tests.testbed import Scenario, Testbed, User
from tests.testbed.tls import client_context, peer_fingerprint, pinned_context

TIMEOUT = 10
USERS = ["alice", "hanako", "quote", "bob"]


def plain_auth(user: User) -> bytes:
    """SASL PLAIN as UTF-8: the only way imaplib can send a non-ASCII password."""
    return b"\0" + user.login.encode() + b"\0" + user.password.encode()


def log_in(conn: imaplib.IMAP4, user: User) -> None:
    if user.password.isascii():
        conn.login(user.login, user.password)
    else:
        conn.authenticate("PLAIN", lambda _challenge: plain_auth(user))


def check_mailbox(conn: imaplib.IMAP4) -> None:
    typ, data = conn.select("INBOX", readonly=True)
    assert typ == "OK" and data == [b"2"]
    typ, folders = conn.list()
    assert typ == "OK"
    names = {f.decode().rsplit(" ", 1)[-1].strip('"') for f in folders if isinstance(f, bytes)}
    assert {"INBOX", "Church"} <= names
    typ, data = conn.select("Church", readonly=True)
    assert typ == "OK" and data == [b"1"]


def imaps(bed: Testbed, s: Scenario) -> imaplib.IMAP4_SSL:
    return imaplib.IMAP4_SSL(s.ip, 993, ssl_context=client_context(bed.ca_file, s.mail_host),
                             timeout=TIMEOUT)


@pytest.mark.parametrize("key", USERS)
def test_imaps_993_login(testbed: Testbed, key: str) -> None:
    s = testbed.scenarios["modern"]
    with imaps(testbed, s) as conn:
        log_in(conn, s.user(key))
        check_mailbox(conn)


@pytest.mark.parametrize("key", USERS)
def test_imap_143_starttls_login(testbed: Testbed, key: str) -> None:
    s = testbed.scenarios["modern"]
    with imaplib.IMAP4(s.ip, 143, timeout=TIMEOUT) as conn:
        assert "STARTTLS" in conn.capabilities
        assert "LOGINDISABLED" in conn.capabilities
        conn.starttls(client_context(testbed.ca_file, s.mail_host))
        assert "LOGINDISABLED" not in conn.capabilities
        assert "AUTH=PLAIN" in conn.capabilities
        log_in(conn, s.user(key))
        check_mailbox(conn)


def test_imap_143_refuses_login_before_tls(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    user = s.user("alice")
    with imaplib.IMAP4(s.ip, 143, timeout=TIMEOUT) as conn:
        assert not any(c.startswith("AUTH=") for c in conn.capabilities)
        with pytest.raises(imaplib.IMAP4.error):
            conn.login(user.login, user.password)


@pytest.mark.parametrize("key", USERS)
def test_legacy_imap_plaintext_login(testbed: Testbed, key: str) -> None:
    s = testbed.scenarios["legacy"]
    with imaplib.IMAP4(s.ip, 143, timeout=TIMEOUT) as conn:
        assert "STARTTLS" not in conn.capabilities
        assert "LOGINDISABLED" not in conn.capabilities
        assert "AUTH=PLAIN" in conn.capabilities
        log_in(conn, s.user(key))
        check_mailbox(conn)


def test_legacy_has_no_imaps(testbed: Testbed) -> None:
    s = testbed.scenarios["legacy"]
    with pytest.raises(ConnectionRefusedError):
        imaplib.IMAP4_SSL(s.ip, 993, timeout=TIMEOUT)


def test_non_ascii_password_needs_authenticate(testbed: Testbed) -> None:
    """imaplib.login cannot send パスワード123; AUTHENTICATE PLAIN (above) can."""
    s = testbed.scenarios["modern"]
    user = s.user("hanako")
    with imaps(testbed, s) as conn, pytest.raises(UnicodeEncodeError):
        conn.login(user.login, user.password)


def test_bob_logs_in_with_login_not_address(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    bob = s.user("bob")
    assert bob.login != bob.email
    with imaps(testbed, s) as conn, pytest.raises(imaplib.IMAP4.error):
        conn.login(bob.email, bob.password)
    with imaps(testbed, s) as conn:
        conn.login(bob.login, bob.password)


def test_wrong_password_is_refused(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    user = s.user("alice")
    refused = pytest.raises(imaplib.IMAP4.error, match="AUTHENTICATIONFAILED")
    with imaps(testbed, s) as conn, refused:
        conn.login(user.login, user.password + "x")


def test_selfsigned_fails_verification_and_logs_in_when_pinned(testbed: Testbed) -> None:
    s = testbed.scenarios["selfsigned"]
    assert s.cert is not None
    with pytest.raises(ssl.SSLCertVerificationError):
        imaps(testbed, s)
    user = s.user("alice")
    with imaplib.IMAP4_SSL(s.ip, 993, ssl_context=pinned_context(s.mail_host),
                           timeout=TIMEOUT) as conn:
        assert isinstance(conn.sock, ssl.SSLSocket)
        assert peer_fingerprint(conn.sock) == s.cert.fingerprint_sha256
        conn.login(user.login, user.password)
        check_mailbox(conn)


def test_selfsigned_starttls_presents_the_same_certificate(testbed: Testbed) -> None:
    s = testbed.scenarios["selfsigned"]
    assert s.cert is not None
    with imaplib.IMAP4(s.ip, 143, timeout=TIMEOUT) as conn:
        assert "LOGINDISABLED" in conn.capabilities
        conn.starttls(pinned_context(s.mail_host))
        assert isinstance(conn.sock, ssl.SSLSocket)
        assert peer_fingerprint(conn.sock) == s.cert.fingerprint_sha256
