"""Review findings on the login side: masking every form a password was sent in, cleaning
server text, IPv6 in messages, and unforeseen exceptions as results."""

from __future__ import annotations

import base64
import socket

import pytest

from assistant.login import check_login
from assistant.login.attempt import Attempt
from assistant.net import Deadline, Resolver, TlsPolicy
from assistant.secret import MASK, Secret, base64_forms
from assistant.settings import Server
from tests.login.conftest import Fake, lines, scripted
from tests.testbed import Testbed

PASSWORD = "pässword-1234567"


@pytest.mark.parametrize("prefix", [b"", b"\0", b"\0a", b"\0al", b"\0alice@x.test\0"])
def test_password_masked_inside_base64_at_any_alignment(prefix: bytes) -> None:
    secret = Secret(PASSWORD)
    blob = base64.b64encode(prefix + PASSWORD.encode() + b"\0tail").decode()
    masked = secret.redact(f"echo {blob} end")
    assert MASK in masked
    # What is left of the blob cannot be decoded back to the password.
    for piece in masked.split(MASK):
        assert PASSWORD[:8] not in piece
        assert "cMOk" not in piece  # base64 of "pä" at the start of the password


def test_base64_forms_cover_three_alignments() -> None:
    raw = PASSWORD.encode()
    forms = base64_forms(raw)
    for offset in range(3):
        encoded = base64.b64encode(bytes(offset) + raw + b"\0").decode()
        assert any(form in encoded for form in forms[1:]), offset


def test_sent_forms_are_masked_and_never_shown() -> None:
    secret = Secret("a")  # too short for base64 fragments: only exact forms help here
    secret.sent_as("AGFsaWNlAGE=")
    assert secret.redact("you sent AGFsaWNlAGE=") == f"you sent {MASK}"
    assert "AGFsaWNlAGE" not in repr(secret) + str(secret)


def _attempt(host: str = "mail.church.test") -> Attempt:
    return Attempt(Server.create("imap", host, 993, "tls"), "alice", Secret(PASSWORD),
                   TlsPolicy(), Resolver("127.0.0.1:53"), Deadline(1), None, False, 1.0)


def test_detail_masks_before_cutting_and_cleans_control_characters() -> None:
    attempt = _attempt()
    long = "x" * 194 + " " + PASSWORD + "\x1b[2J\x07"
    shown = attempt.detail(long)
    assert PASSWORD[:5] not in shown and len(shown) <= 200
    escape = attempt.detail("\x1b]0;title\x07 no\u202e")
    assert "\x1b" not in escape and "\x07" not in escape and "\u202e" not in escape
    assert escape.startswith("\ufffd]0;title")


def test_ipv6_host_is_bracketed() -> None:
    assert _attempt("::1").where()["host"] == "[::1]"
    assert _attempt("mail.church.test").where()["host"] == "mail.church.test"


def _greets_with(greeting: bytes):  # type: ignore[no-untyped-def]
    def script(conn: socket.socket, fake: Fake) -> None:
        conn.sendall(greeting)
        for _ in lines(conn, fake):
            return

    return script


def test_non_ascii_digits_in_smtp_greeting_are_a_result(testbed: Testbed) -> None:
    with scripted(testbed.new_ip(), _greets_with("²²² hi\r\n".encode())) as fake:
        server = Server.create("smtp", fake.ip, fake.port, "none")
        result = check_login(server, "alice@church.test", "pw", allow_plaintext=True,
                             timeout=3.0)
    assert result.result == "protocol_error"


def test_unforeseen_exception_is_a_protocol_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object) -> None:
        raise KeyError("server text")

    monkeypatch.setitem(check_login.__globals__["_RUNNERS"],
                        Server.create("smtp", "h.test", 25, "none").protocol, explode)
    result = check_login(Server.create("smtp", "h.test", 25, "none"), "a", "pw",
                         dns_server="127.0.0.1:1", timeout=1.0)
    assert result.result == "protocol_error"
    assert "KeyError" in result.message("en") and "server text" not in result.message("en")
