"""Pure parts of the login check: SASL encodings, mechanism order, Secret, result JSON,
message catalogue entries."""

from __future__ import annotations

import base64
import copy
import logging
import pickle

import pytest

from assistant.errors import Problem
from assistant.login import RESULTS, LoginResult, Secret, sasl
from assistant.login.imap import _quoted
from assistant.messages import placeholders, text
from assistant.messages.login import MESSAGES
from assistant.settings import AuthMethod, Server


def test_cram_md5_rfc2195_example() -> None:
    challenge = b"<1896.697170952@postoffice.reston.mci.net>"
    answer = sasl.cram_md5_response("tim", Secret("tanstaaftanstaaf"), challenge)
    assert answer == b"tim b913a602c7eda7a495b4e6e7334d3890"


def test_plain_is_utf8_with_nul_separators() -> None:
    assert sasl.plain_response("hanako@church.test", Secret("パスワード123")) == (
        b"\0hanako@church.test\0" + "パスワード123".encode())


def test_exchange_steps() -> None:
    login = sasl.Exchange("LOGIN", "u", Secret("p w"))
    assert login.initial_response is None
    assert login.answer_base64(base64.b64encode(b"Username:")) == base64.b64encode(b"u")
    assert login.answer_base64(base64.b64encode(b"Password:")) == base64.b64encode(b"p w")
    assert login.answer_base64(b"") == b"*"  # a third challenge: cancel
    plain = sasl.Exchange("PLAIN", "u", Secret("p"))
    assert plain.initial_response == b"\0u\0p"
    assert plain.answer(b"") is None
    assert sasl.Exchange("CRAM-MD5", "u", Secret("p")).answer_base64(b"!!not base64") == b"*"
    with pytest.raises(ValueError, match="unsupported"):
        sasl.Exchange("GSSAPI", "u", Secret("p"))


@pytest.mark.parametrize(("offered", "auth", "encrypted", "expected"), [
    (["LOGIN", "PLAIN", "CRAM-MD5"], AuthMethod.PASSWORD_CLEARTEXT, True,
     ["PLAIN", "LOGIN", "CRAM-MD5"]),
    (["LOGIN", "PLAIN", "CRAM-MD5"], AuthMethod.PASSWORD_CLEARTEXT, False,
     ["CRAM-MD5", "PLAIN", "LOGIN"]),
    (["login", "plain"], AuthMethod.PASSWORD_ENCRYPTED, True, []),
    (["PLAIN", "CRAM-MD5", "XOAUTH2"], AuthMethod.PASSWORD_ENCRYPTED, True, ["CRAM-MD5"]),
    (["XOAUTH2", "GSSAPI"], AuthMethod.PASSWORD_CLEARTEXT, True, []),
])
def test_mechanism_order(offered: list[str], auth: AuthMethod, encrypted: bool,
                         expected: list[str]) -> None:
    assert sasl.mechanism_order(offered, auth, encrypted=encrypted) == expected


def test_secret_hides_itself(caplog: pytest.LogCaptureFixture) -> None:
    secret = Secret("hunter2-パス")
    shown = [repr(secret), str(secret), f"{secret}", f"{secret!r}", f"{secret:>20}",
             repr([secret]), repr({"password": secret})]
    assert all("hunter2" not in s for s in shown)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("test").debug("password %s %r", secret, secret)
        try:
            raise ValueError(secret)
        except ValueError:
            logging.getLogger("test").exception("failed")
    assert "hunter2" not in caplog.text
    assert secret.reveal() == "hunter2-パス"
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        copy.copy(secret)
    assert not hasattr(secret, "__dict__")


def test_redact_masks_raw_and_base64() -> None:
    secret = Secret("pw-123456")
    b64 = base64.b64encode(b"pw-123456").decode()
    assert secret.redact(f"got pw-123456 and {b64}") == "got ******** and ********"


@pytest.mark.parametrize(("password", "reply", "shown"), [
    ("fail", "authentication failed", "authentication failed"),
    ("fail", "you sent fail, failing", "you sent ********, failing"),
    ("ok", "NO [AUTHENTICATIONFAILED] not ok.", "NO [AUTHENTICATIONFAILED] not ********."),
    ("p@ss", "xp@ssy p@ss", "xp@ssy ********"),
    ("パス", "パスワード: パス", "パスワード: ********"),
])
def test_redact_masks_the_password_not_words_containing_it(password: str, reply: str,
                                                            shown: str) -> None:
    """The program's own words stay whole: only the secret standing alone is masked."""
    assert Secret(password).redact(reply) == shown


@pytest.mark.parametrize(("value", "wire"), [
    ("plain", '"plain"'),
    ('we "say" \\ amen', '"we \\"say\\" \\\\ amen"'),
])
def test_imap_quoted_string(value: str, wire: str) -> None:
    assert _quoted(value) == wire


def test_result_json_contract() -> None:
    server = Server.create("imap", "mail.church.test", 993, "tls")
    result = LoginResult("ok", Problem("login.ok_imap", {"mechanism": "PLAIN", "count": 2}),
                         server, "alice@church.test", mechanism="PLAIN", inbox_count=2,
                         folders=["INBOX"], security="tls",
                         notes=[Problem("login.note_pop_inbox_only")])
    data = result.to_json("en")
    assert list(data)[:5] == ["schema", "result", "code", "mechanism", "message"]
    assert data["schema"] == 1 and data["result"] == "ok"
    assert data["message"] == "Login succeeded (IMAP, PLAIN). The inbox holds 2 messages."
    assert result.to_json()["message"].startswith("ログインできました")
    assert data["server"] == {"protocol": "imap", "host": "mail.church.test", "port": 993,
                              "security": "tls"}
    assert data["notes"][0]["code"] == "login.note_pop_inbox_only"
    with pytest.raises(ValueError, match="unknown login result"):
        LoginResult("fine", Problem("x"), server, "a")


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for code, (ja, en) in MESSAGES.items():
        assert ja and en, code
        assert placeholders(ja) == placeholders(en), code
        assert not ja.isascii(), code  # the Japanese text is really Japanese


def test_every_failure_result_has_a_message() -> None:
    codes = {"wrong_credentials", "auth_not_offered", "plaintext_refused", "tls_required",
             "certificate_invalid", "tls_error", "timeout", "refused", "protocol_error"}
    assert codes | {"ok"} == set(RESULTS)
    for result in codes:
        assert f"login.{result}" in MESSAGES
        assert not text(f"login.{result}", "en").startswith("[")
