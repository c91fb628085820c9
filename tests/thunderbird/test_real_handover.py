"""`apply --save-password` and pinned certificates, judged by a real Thunderbird 153 against
the test bed's Dovecot and Postfix.

The harness stores no password and (for the self-signed server) imports no CA here: what
Thunderbird logs in with is only what the assistant put into logins.json, and what lets it
accept the self-signed certificate is only cert_override.txt. A login it could not make
without asking shows up as no Dovecot login and an Inbox that stays empty.
"""

from __future__ import annotations

import base64
import io
import json
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.clients.thunderbird import apply_account
from assistant.clients.thunderbird.handover import Handover
from assistant.login import check_login
from assistant.secret import Secret
from assistant.settings import Account, Server
from tests.testbed import Testbed
from tests.thunderbird.nss_tools import decrypted_logins, set_primary_password
from tests.thunderbird.tb_bed import Bed
from tests.thunderbird.test_real_servers import assert_smtp_auth, log_lines, run_against

pytestmark = pytest.mark.thunderbird


def apply_saving(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                 args: list[str], password: str) -> dict[str, object]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(password.encode() + b"\n")))
    code = main(["apply", "--client", "thunderbird", *args, "--save-password",
                 "--password-stdin", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, (out, err)
    assert password not in out + err
    result: dict[str, object] = json.loads(out)
    return result


def assert_canary_only_encrypted(profile: Path, password: str) -> None:
    """The password is in no file of the profile, in no form (plain, UTF-8, base64); the
    only place it is, is logins.json's encrypted fields, for every entry we stored."""
    forms = [password.encode(), base64.b64encode(password.encode())]
    for path in profile.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(f in data for f in forms), path
    entries = decrypted_logins(profile)
    assert entries and all(pw == password for _, _, pw in entries), entries


@pytest.mark.parametrize(("incoming", "outgoing", "user_key"), [
    ("imap:{host}:993:tls", "smtp:{host}:465:tls", "alice"),
    ("imap:{host}:143:starttls", "smtp:{host}:587:starttls", "quote"),
    ("pop3:{host}:995:tls", "smtp:{host}:587:starttls", "hanako"),
], ids=["imap993-smtp465", "imap143-smtp587", "pop995-smtp587"])
def test_saved_password_logs_in_without_a_prompt(
        testbed: Testbed, bed: Bed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], incoming: str, outgoing: str,
        user_key: str) -> None:
    scenario = testbed.scenarios["modern"]
    user = scenario.user(user_key)
    host = scenario.mail_host
    inc, out = Server.parse_spec(incoming.format(host=host)), Server.parse_spec(
        outgoing.format(host=host))
    profile = tmp_path / "p"
    result = apply_saving(monkeypatch, capsys, [
        "--email", user.email, "--name", "Member", "--username", user.login,
        "--incoming", inc.spec, "--outgoing", out.spec, "--dns-server", testbed.dns_server,
        "--ca-file", str(testbed.ca_file), "--thunderbird-profile", str(profile)],
        user.password)
    assert result["password_saved"] is True and result["certificate_overrides"] == []
    assert_canary_only_encrypted(profile, user.password)
    scheme = "imap" if inc.protocol == "imap" else "mailbox"
    assert sorted((o, u) for o, u, _ in decrypted_logins(profile)) == [
        (f"{scheme}://{host}", user.login), (f"smtp://{host}", user.login)]
    daemon = f"{inc.protocol}-login: Info: Login: user=<{user.login}>"
    before = len(log_lines(testbed, "dovecot", daemon))
    postfix_before = len(log_lines(testbed, "postfix", "disconnect from"))
    run = run_against(testbed, bed, f"saved password: {inc.spec} + {out.spec}", profile,
                      {inc.port: inc.protocol, out.port: "smtp"}, user.login, "unused",
                      [], ("postfix", "connect from"), store_logins=False)
    assert run["marionette_error"] is None
    inbox = run["inbox"]
    assert isinstance(inbox, dict) and inbox["account1"]["total"] == 2, inbox
    logins = log_lines(testbed, "dovecot", daemon)[before:]
    assert logins and all("TLS" in ln for ln in logins), logins
    assert_smtp_auth(testbed, postfix_before, starttls=out.security == "starttls")
    assert_canary_only_encrypted(Path(str(run["copy"])), user.password)


def test_pinned_self_signed_connects_with_no_dialog(testbed: Testbed, bed: Bed,
                                                    tmp_path: Path) -> None:
    """No CA in cert9.db: only the overrides for 993 and 587 let Thunderbird in (without
    them it stops at the certificate and never logs in)."""
    scenario = testbed.scenarios["selfsigned"]
    assert scenario.cert is not None
    user = scenario.user("alice")
    pin = scenario.cert.fingerprint_sha256
    account = Account.create(user.email, "Alice",
                             Server.parse_spec(f"imap:{scenario.mail_host}:993:tls"),
                             Server.parse_spec(f"smtp:{scenario.mail_host}:587:starttls"),
                             login_name=user.login)
    password = Secret(user.password)
    for server in (account.incoming, account.outgoing):
        assert check_login(server, user.login, password, trust_fingerprint=pin,
                           dns_server=testbed.dns_server).ok
    profile = tmp_path / "p"
    pins = {(scenario.mail_host, 993): pin, (scenario.mail_host, 587): pin}
    report = apply_account(account, profile, handover=Handover(password=password, pins=pins))
    assert report.password_saved
    assert report.certificate_overrides == [f"{scenario.mail_host}:993 {pin}",
                                            f"{scenario.mail_host}:587 {pin}"]
    daemon = f"imap-login: Info: Login: user=<{user.login}>"
    before = len(log_lines(testbed, "dovecot", daemon))
    postfix_before = len(log_lines(testbed, "postfix", "disconnect from"))
    run = run_against(testbed, bed, "self-signed, pinned: IMAP 993 + SMTP 587", profile,
                      {993: "imap", 587: "smtp"}, user.login, "unused", [],
                      ("postfix", "connect from"), scenario_name="selfsigned",
                      store_logins=False, import_ca=False)
    assert run["marionette_error"] is None
    inbox = run["inbox"]
    assert isinstance(inbox, dict) and inbox["account1"]["total"] == 2, inbox
    assert len(log_lines(testbed, "dovecot", daemon)) > before
    assert_smtp_auth(testbed, postfix_before, starttls=True)


def test_primary_password_profile_is_refused(testbed: Testbed, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The login check passes, the store is locked: exit 1, said plainly, nothing stored."""
    scenario = testbed.scenarios["modern"]
    user = scenario.user("alice")
    profile = tmp_path / "p"
    set_primary_password(profile)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(user.password.encode())))
    code = main(["apply", "--client", "thunderbird", "--email", user.email, "--name", "Alice",
                 "--incoming", f"imap:{scenario.mail_host}:993:tls",
                 "--outgoing", f"smtp:{scenario.mail_host}:465:tls",
                 "--dns-server", testbed.dns_server, "--ca-file", str(testbed.ca_file),
                 "--thunderbird-profile", str(profile), "--save-password", "--password-stdin",
                 "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1
    assert "primary password" in err and "not stored" in err
    assert not (profile / "logins.json").exists()
    assert user.email in (profile / "prefs.js").read_text()  # the account itself is written


def test_wrong_password_is_not_stored(testbed: Testbed, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong stored password is worse than none: the login check comes first."""
    scenario = testbed.scenarios["modern"]
    user = scenario.user("alice")
    profile = tmp_path / "p"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"wrong-password\n")))
    code = main(["apply", "--client", "thunderbird", "--email", user.email, "--name", "Alice",
                 "--incoming", f"imap:{scenario.mail_host}:993:tls",
                 "--outgoing", f"smtp:{scenario.mail_host}:465:tls",
                 "--dns-server", testbed.dns_server, "--ca-file", str(testbed.ca_file),
                 "--thunderbird-profile", str(profile), "--save-password", "--password-stdin",
                 "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1 and result["error"] == "apply.login_check_failed"
    assert not profile.exists()
