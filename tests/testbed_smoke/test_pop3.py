"""POP3 through stdlib poplib against the test bed's Dovecot, in every mode."""

from __future__ import annotations

import poplib
import ssl

import pytest

from tests.testbed import Testbed, User
from tests.testbed.tls import client_context, peer_fingerprint, pinned_context

TIMEOUT = 10
USERS = ["alice", "hanako", "quote", "bob"]


def log_in_and_count(conn: poplib.POP3, user: User) -> int:
    """USER/PASS (poplib sends UTF-8, so パスワード123 works); returns the INBOX count."""
    conn.user(user.login)
    conn.pass_(user.password)
    count, _size = conn.stat()
    conn.quit()
    return count


@pytest.mark.parametrize("key", USERS)
def test_pop3s_995_login(testbed: Testbed, key: str) -> None:
    s = testbed.scenarios["modern"]
    conn = poplib.POP3_SSL(s.ip, 995, context=client_context(testbed.ca_file, s.mail_host),
                           timeout=TIMEOUT)
    assert log_in_and_count(conn, s.user(key)) == 2


@pytest.mark.parametrize("key", USERS)
def test_pop3_110_stls_login(testbed: Testbed, key: str) -> None:
    s = testbed.scenarios["modern"]
    conn = poplib.POP3(s.ip, 110, timeout=TIMEOUT)
    capa = conn.capa()
    assert "STLS" in capa
    assert "USER" not in capa and capa.get("SASL") == []
    conn.stls(client_context(testbed.ca_file, s.mail_host))
    assert "PLAIN" in conn.capa()["SASL"]
    assert log_in_and_count(conn, s.user(key)) == 2


def test_pop3_110_refuses_user_before_tls(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    conn = poplib.POP3(s.ip, 110, timeout=TIMEOUT)
    try:
        with pytest.raises(poplib.error_proto, match="Plaintext authentication disallowed"):
            conn.user(s.user("alice").login)
    finally:
        conn.close()


@pytest.mark.parametrize("key", USERS)
def test_legacy_pop3_plaintext_login(testbed: Testbed, key: str) -> None:
    s = testbed.scenarios["legacy"]
    conn = poplib.POP3(s.ip, 110, timeout=TIMEOUT)
    capa = conn.capa()
    assert "STLS" not in capa and "USER" in capa
    assert log_in_and_count(conn, s.user(key)) == 2


def test_pop3_auth_plain_with_non_ascii_password(testbed: Testbed) -> None:
    """AUTH PLAIN (RFC 5034) with UTF-8, the way a client without USER/PASS sends it."""
    import base64

    s = testbed.scenarios["modern"]
    user = s.user("hanako")
    conn = poplib.POP3_SSL(s.ip, 995, context=client_context(testbed.ca_file, s.mail_host),
                           timeout=TIMEOUT)
    token = base64.b64encode(b"\0" + user.login.encode() + b"\0" + user.password.encode())
    # poplib has no AUTH method; _shortcmd sends one line and raises on -ERR.
    reply = conn._shortcmd("AUTH PLAIN " + token.decode())  # type: ignore[attr-defined]
    assert reply.startswith(b"+OK")
    assert conn.stat()[0] == 2
    conn.quit()


def test_pop3_wrong_password_is_refused(testbed: Testbed) -> None:
    s = testbed.scenarios["legacy"]
    user = s.user("quote")
    conn = poplib.POP3(s.ip, 110, timeout=TIMEOUT)
    conn.user(user.login)
    with pytest.raises(poplib.error_proto, match="AUTH"):
        conn.pass_(user.password.replace('"', "'"))
    conn.close()


def test_selfsigned_pop3s(testbed: Testbed) -> None:
    s = testbed.scenarios["selfsigned"]
    assert s.cert is not None
    with pytest.raises(ssl.SSLCertVerificationError):
        poplib.POP3_SSL(s.ip, 995, context=client_context(testbed.ca_file, s.mail_host),
                        timeout=TIMEOUT)
    conn = poplib.POP3_SSL(s.ip, 995, context=pinned_context(s.mail_host), timeout=TIMEOUT)
    assert isinstance(conn.sock, ssl.SSLSocket)
    assert peer_fingerprint(conn.sock) == s.cert.fingerprint_sha256
    assert log_in_and_count(conn, s.user("alice")) == 2
