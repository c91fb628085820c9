"""Scripted fakes for what the real servers will not do: reject every AUTH, CRAM-MD5 only,
strip STARTTLS, echo the password, stay silent, talk nonsense."""

from __future__ import annotations

import base64
import hashlib
import hmac
import socket
import ssl
import threading
import time
from collections.abc import Callable

import pytest

from assistant.login import check_login
from assistant.settings import AuthMethod, Server
from tests.login.conftest import Fake, lines, scripted
from tests.probe.conftest import read_line
from tests.testbed import Testbed, fakes

PASSWORD = "Fake-pass-4711"
CHALLENGE = b"<1896.697170952@fake.church.test>"


Verdict = bytes | Callable[[bytes], bytes]


def smtp_script(offered: str, verdict: dict[str, Verdict]):  # type: ignore[no-untyped-def]
    """An ESMTP server offering ``offered``; ``verdict[MECH]`` is its final reply, or makes it
    from the AUTH line (a server echoing what it received)."""

    def script(conn: socket.socket, fake: Fake) -> None:
        conn.sendall(b"220 fake.church.test ESMTP\r\n")
        reader = lines(conn, fake)
        for line in reader:
            word = line.split(b" ")[0].upper()
            if word == b"EHLO":
                conn.sendall(b"250-fake.church.test\r\n250-AUTH " + offered.encode()
                             + b"\r\n250 8BITMIME\r\n")
            elif word == b"AUTH":
                mech = line.split(b" ")[1].decode()
                if mech not in offered.split():
                    conn.sendall(b"504 5.5.4 Unrecognized authentication type\r\n")
                    continue
                if mech == "LOGIN":
                    conn.sendall(b"334 VXNlcm5hbWU6\r\n")
                    next(reader)
                    conn.sendall(b"334 UGFzc3dvcmQ6\r\n")
                    next(reader)
                elif mech == "CRAM-MD5":
                    conn.sendall(b"334 " + base64.b64encode(CHALLENGE) + b"\r\n")
                    answer = base64.b64decode(next(reader)).decode()
                    _user, digest = answer.rsplit(" ", 1)
                    good = hmac.new(PASSWORD.encode(), CHALLENGE, hashlib.md5).hexdigest()
                    if digest == good and "CRAM-MD5" not in verdict:
                        conn.sendall(b"235 2.7.0 Authentication successful\r\n")
                        continue
                reply = verdict.get(mech, b"535 5.7.8 Authentication failed")
                conn.sendall((reply if isinstance(reply, bytes) else reply(line)) + b"\r\n")
            elif word == b"QUIT":
                conn.sendall(b"221 2.0.0 Bye\r\n")
                return
            else:
                conn.sendall(b"502 5.5.2 Error: command not recognized\r\n")

    return script


def smtp(fake: Fake, password: str = PASSWORD, **options: object):  # type: ignore[no-untyped-def]
    options.setdefault("allow_plaintext", True)
    options.setdefault("timeout", 10.0)
    server = Server.create("smtp", fake.ip, fake.port, "none",
                           str(options.pop("auth", AuthMethod.PASSWORD_CLEARTEXT)))
    return check_login(server, "alice@church.test", password, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN", "CRAM-MD5"])
def test_535_from_a_server_that_rejects_every_auth(testbed: Testbed, mechanism: str) -> None:
    with scripted(testbed.new_ip(), smtp_script(mechanism, {"CRAM-MD5": b"535 no"})) as fake:
        result = smtp(fake)
    assert (result.result, result.mechanism) == ("wrong_credentials", mechanism)
    sent = bytes(fake.received)
    assert sent.count(b"AUTH ") == 1  # one wrong attempt, not one per mechanism
    assert b"MAIL FROM" not in sent and b"RCPT" not in sent and b"DATA" not in sent
    assert sent.endswith(b"QUIT\r\n")


def test_one_attempt_even_when_several_mechanisms_are_offered(testbed: Testbed) -> None:
    with scripted(testbed.new_ip(), smtp_script("LOGIN PLAIN CRAM-MD5",
                                                {"CRAM-MD5": b"535 no"})) as fake:
        result = smtp(fake)
    # Without TLS the strongest is CRAM-MD5 (the password itself never travels).
    assert (result.result, result.mechanism) == ("wrong_credentials", "CRAM-MD5")
    assert bytes(fake.received).count(b"AUTH ") == 1


def test_cram_md5_right_and_wrong(testbed: Testbed) -> None:
    with scripted(testbed.new_ip(), smtp_script("CRAM-MD5", {})) as fake:
        right = smtp(fake)
        wrong = smtp(fake, "not-" + PASSWORD)
    assert (right.result, right.mechanism) == ("ok", "CRAM-MD5")
    assert wrong.result == "wrong_credentials"
    assert PASSWORD.encode() not in bytes(fake.received)
    assert base64.b64encode(PASSWORD.encode()) not in bytes(fake.received)


def test_encrypted_password_account_uses_only_cram_md5(testbed: Testbed) -> None:
    with scripted(testbed.new_ip(), smtp_script("PLAIN LOGIN", {})) as fake:
        result = smtp(fake, auth=AuthMethod.PASSWORD_ENCRYPTED)
    assert result.result == "auth_not_offered"
    assert b"AUTH" not in bytes(fake.received)


def test_unsupported_mechanism_falls_through_to_the_next(testbed: Testbed) -> None:
    """504 says "not this mechanism", not "wrong password": the next one is tried."""
    with scripted(testbed.new_ip(), smtp_script("CRAM-MD5 PLAIN", {
            "CRAM-MD5": b"504 5.5.4 not today", "PLAIN": b"235 2.7.0 ok"})) as fake:
        result = smtp(fake)
    assert (result.result, result.mechanism) == ("ok", "PLAIN")


def test_echoed_password_is_masked(testbed: Testbed) -> None:
    """A server that repeats what it got: its text reaches messages only redacted."""
    leak = ("535 you sent " + PASSWORD + " aka "
            + base64.b64encode(PASSWORD.encode()).decode()).encode()
    with scripted(testbed.new_ip(), smtp_script("LOGIN", {"LOGIN": leak})) as fake:
        result = smtp(fake)
    assert result.result == "wrong_credentials"
    dumped = repr(result) + str(result.to_json("ja")) + str(result.to_json("en"))
    assert PASSWORD not in dumped
    assert base64.b64encode(PASSWORD.encode()).decode() not in dumped
    assert "********" in result.message("en")


def imap_without_starttls(conn: socket.socket, fake: Fake) -> None:
    conn.sendall(b"* OK fake IMAP ready\r\n")
    for line in lines(conn, fake):
        tag, _, command = line.decode().partition(" ")
        if command.upper() == "CAPABILITY":
            conn.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag.encode() + b" OK\r\n")
        else:
            conn.sendall(tag.encode() + b" BAD no\r\n")


def imap_refusing_starttls(conn: socket.socket, fake: Fake) -> None:
    conn.sendall(b"* OK fake IMAP ready\r\n")
    for line in lines(conn, fake):
        tag, _, command = line.decode().partition(" ")
        if command.upper() == "CAPABILITY":
            conn.sendall(b"* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN\r\n" + tag.encode()
                         + b" OK\r\n")
        else:
            conn.sendall(tag.encode() + b" NO not now\r\n")


def smtp_stripping_starttls(conn: socket.socket, fake: Fake) -> None:
    conn.sendall(b"220 fake ESMTP\r\n")
    for line in lines(conn, fake):
        if line.upper().startswith(b"EHLO"):
            conn.sendall(b"250-fake\r\n250 AUTH PLAIN LOGIN\r\n")
        else:
            conn.sendall(b"502 no\r\n")


@pytest.mark.parametrize(("protocol", "script", "detail"), [
    ("imap", imap_without_starttls, "STARTTLS not offered"),
    ("imap", imap_refusing_starttls, "STARTTLS refused"),
    ("smtp", smtp_stripping_starttls, "STARTTLS not offered"),
])
def test_starttls_downgrade_stops_before_credentials(testbed: Testbed, protocol: str,
                                                     script, detail: str) -> None:  # type: ignore[no-untyped-def]
    with scripted(testbed.new_ip(), script) as fake:
        server = Server.create(protocol, fake.ip, fake.port, "starttls")
        # Even with consent to plaintext: STARTTLS was asked for, so this is a downgrade.
        result = check_login(server, "alice@church.test", PASSWORD, allow_plaintext=True,
                             timeout=10)
    assert (result.result, result.problem.code) == ("tls_error", "login.starttls_downgrade")
    assert result.problem.params["detail"] == detail
    sent = bytes(fake.received).upper()
    assert b"AUTH" not in sent.replace(b"AUTH=", b"") and b"LOGIN" not in sent
    assert PASSWORD.upper().encode() not in sent


@pytest.mark.parametrize("protocol", ["imap", "pop3", "smtp"])
@pytest.mark.parametrize("security", ["tls", "starttls", "none"])
def test_silent_server_times_out(testbed: Testbed, protocol: str, security: str) -> None:
    with fakes.silent(testbed.new_ip(), 0) as fake:
        server = Server.create(protocol, fake.ip, fake.port, security)
        result = check_login(server, "alice@church.test", PASSWORD, allow_plaintext=True,
                             timeout=1.0)
    # Connected and silent is a server that did not greet, not a firewall; over implicit TLS
    # the silence is in the handshake, which is still the plain timeout.
    code = "login.timeout" if security == "tls" else "login.no_greeting"
    assert (result.result, result.problem.code) == ("timeout", code)
    assert "within 1 seconds" in result.message("en")
    assert ("firewall may" in result.message("en")) is (security == "tls")


def test_greeting_held_back_five_seconds_still_logs_in(testbed: Testbed) -> None:
    """Sendmail's greet_pause (5 s): the login check waits for the greeting, as the probe."""
    with fakes.slow_greeting_smtp(testbed.new_ip(), 0, 5.0, "alice@church.test",
                                  PASSWORD) as fake:
        server = Server.create("smtp", fake.ip, fake.port, "none")
        result = check_login(server, "alice@church.test", PASSWORD, allow_plaintext=True)
    assert (result.result, result.mechanism) == ("ok", "PLAIN")


def test_slow_drip_cannot_stretch_the_deadline(testbed: Testbed) -> None:
    """One byte every 0.2 s never completes a greeting: the overall deadline ends it."""
    with fakes.slow_drip(testbed.new_ip(), 0, interval=0.2) as fake:
        server = Server.create("imap", fake.ip, fake.port, "none")
        result = check_login(server, "alice@church.test", PASSWORD, allow_plaintext=True,
                             timeout=1.5)
    assert (result.result, result.problem.code) == ("timeout", "login.timeout")


def test_cancel_from_another_thread(testbed: Testbed) -> None:
    cancel = threading.Event()
    with fakes.silent(testbed.new_ip(), 0) as fake:
        server = Server.create("imap", fake.ip, fake.port, "tls")
        threading.Timer(0.3, cancel.set).start()
        started = time.monotonic()
        result = check_login(server, "alice@church.test", PASSWORD, timeout=60, cancel=cancel)
        waited = time.monotonic() - started
    assert (result.result, result.problem.code) == ("timeout", "login.cancelled")
    print(f"cancelled after {waited:.2f} s (deadline was 60 s)")


@pytest.mark.parametrize("protocol", ["imap", "pop3", "smtp"])
def test_garbage_greeting_is_a_protocol_error(testbed: Testbed, protocol: str) -> None:
    with fakes.garbage_greeting(testbed.new_ip(), 0) as fake:
        server = Server.create(protocol, fake.ip, fake.port, "none")
        result = check_login(server, "alice@church.test", PASSWORD, allow_plaintext=True,
                             timeout=5)
    assert (result.result, result.problem.code) == ("protocol_error", "login.protocol_error")
    assert result.mechanism is None


def test_endless_line_is_bounded(testbed: Testbed) -> None:
    with fakes.huge_line(testbed.new_ip(), 0) as fake:
        server = Server.create("imap", fake.ip, fake.port, "none")
        result = check_login(server, "alice@church.test", PASSWORD, allow_plaintext=True,
                             timeout=10)
    assert result.result == "protocol_error"
    assert "line_too_long" in result.problem.params["detail"]


@pytest.mark.parametrize(("protocol", "security"), [
    ("imap", "tls"), ("imap", "starttls"), ("pop3", "starttls"), ("smtp", "starttls")])
def test_reset_during_tls_handshake(testbed: Testbed, protocol: str, security: str) -> None:
    starttls = protocol if security == "starttls" else None
    with fakes.tls_reset(testbed.new_ip(), 0, starttls=starttls) as fake:
        server = Server.create(protocol, fake.ip, fake.port, security)
        result = check_login(server, "alice@church.test", PASSWORD, timeout=5)
    assert (result.result, result.problem.code) == ("tls_error", "login.tls_error")


@pytest.mark.parametrize("offered", ["PLAIN LOGIN", "CRAM-MD5"])
def test_plaintext_refused_sends_no_credentials(testbed: Testbed, offered: str) -> None:
    """Without consent nothing about the password goes onto an unencrypted connection."""
    with scripted(testbed.new_ip(), smtp_script(offered, {})) as fake:
        result = smtp(fake, allow_plaintext=False)
    assert (result.result, result.problem.code) == ("plaintext_refused",
                                                    "login.plaintext_refused")
    sent = bytes(fake.received)
    assert sent.startswith(b"EHLO ") and b"AUTH" not in sent


def test_no_auth_before_or_after_starttls_is_auth_not_offered(testbed: Testbed) -> None:
    """OpenSMTPD's port 25: STARTTLS, and no AUTH before or after it. With --security none
    and consent, the answer is auth_not_offered, not tls_required with an invented quote."""
    cert = testbed.scenarios["modern"].cert
    assert cert is not None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert.cert), str(cert.key))

    def script(conn: socket.socket, fake: Fake) -> None:
        conn.sendall(b"220 relay.test ESMTP OpenSMTPD\r\n")
        stream = conn
        while line := read_line(stream):
            fake.received += line
            verb = line.split()[0].upper() if line.split() else b""
            if verb == b"EHLO":
                stream.sendall(b"250-relay.test Hello\r\n250-8BITMIME\r\n"
                               + (b"" if stream is not conn else b"250-STARTTLS\r\n")
                               + b"250 HELP\r\n")
            elif verb == b"STARTTLS":
                stream.sendall(b"220 2.0.0 Ready to start TLS\r\n")
                stream = context.wrap_socket(conn, server_side=True)
            else:
                stream.sendall(b"221 2.0.0 Bye\r\n")
                return

    with scripted(testbed.new_ip(), script) as fake:
        server = Server.create("smtp", fake.ip, fake.port, "none")
        result = check_login(server, "alice@church.test", PASSWORD, allow_plaintext=True,
                             timeout=10)
    assert (result.result, result.problem.code) == ("auth_not_offered", "login.smtp_no_auth")
    assert b"AUTH" not in bytes(fake.received).upper()
