"""`apply --save-password` and pinned certificates, judged by a real Thunderbird 153 against
the test bed's Dovecot and Postfix.

The harness stores no password and (for the self-signed server) imports no CA here: what
Thunderbird logs in with is only what the assistant put into logins.json, and what lets it
accept the self-signed certificate is only cert_override.txt. A login it could not make
without asking shows up as no Dovecot login and an Inbox that stays empty.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.clients.thunderbird import apply_account
from assistant.clients.thunderbird.handover import Handover, pins_from_login
from assistant.commands.thunderbird_handover import verified_pins, wanted_fingerprints
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
    results = [check_login(server, user.login, password, trust_fingerprint=pin,
                           dns_server=testbed.dns_server)
               for server in (account.incoming, account.outgoing)]
    assert all(r.ok for r in results)
    profile = tmp_path / "p"
    pins = pins_from_login(results)  # what the wizard does after its login page
    assert pins == {(scenario.mail_host, 993): pin, (scenario.mail_host, 587): pin}
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


def alice_saving(testbed: Testbed, profile: Path, stdin: bytes,
                 monkeypatch: pytest.MonkeyPatch, *extra: str) -> int:
    """``apply --save-password --password-stdin`` for alice of the modern scenario."""
    scenario = testbed.scenarios["modern"]
    user = scenario.user("alice")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    return main(["apply", "--client", "thunderbird", "--email", user.email, "--name", "Alice",
                 "--incoming", f"imap:{scenario.mail_host}:993:tls",
                 "--outgoing", f"smtp:{scenario.mail_host}:465:tls",
                 "--dns-server", testbed.dns_server, "--ca-file", str(testbed.ca_file),
                 "--thunderbird-profile", str(profile), "--save-password", "--password-stdin",
                 *extra])


def test_primary_password_profile_is_refused(testbed: Testbed, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The login check passes, the store is locked: exit 1, said plainly, nothing stored."""
    user = testbed.scenarios["modern"].user("alice")
    profile = tmp_path / "p"
    set_primary_password(profile)
    code = alice_saving(testbed, profile, user.password.encode(), monkeypatch, "--lang", "en")
    err = capsys.readouterr().err
    assert code == 1
    assert "primary password" in err and "not stored" in err
    assert not (profile / "logins.json").exists()
    assert user.email in (profile / "prefs.js").read_text()  # the account itself is written


def test_wrong_password_is_not_stored(testbed: Testbed, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong stored password is worse than none: the login check comes first."""
    profile = tmp_path / "p"
    code = alice_saving(testbed, profile, b"wrong-password\n", monkeypatch, "--json")
    result = json.loads(capsys.readouterr().out)
    assert code == 1 and result["error"] == "apply.login_check_failed"
    assert not profile.exists()


def test_only_pins_seen_on_the_wire_become_overrides(testbed: Testbed) -> None:
    selfsigned, modern = testbed.scenarios["selfsigned"], testbed.scenarios["modern"]
    assert selfsigned.cert is not None and modern.cert is not None
    pin = selfsigned.cert.fingerprint_sha256

    def pins_for(scenario_host: str, given: list[str]) -> dict[tuple[str, int], str]:
        account = Account.create("alice@church.test", "Alice",
                                 Server.parse_spec(f"imap:{scenario_host}:993:tls"),
                                 Server.parse_spec(f"smtp:{scenario_host}:587:starttls"))
        args = argparse.Namespace(trust_fingerprint=given, ca_file=str(testbed.ca_file),
                                  dns_server=testbed.dns_server, timeout=10.0)
        return verified_pins(args, account, wanted_fingerprints(args))

    host = selfsigned.mail_host
    assert pins_for(host, [pin.replace(":", "").lower()]) == {(host, 993): pin, (host, 587): pin}
    assert pins_for(host, [modern.cert.fingerprint_sha256]) == {}  # not what the server shows
    assert pins_for(modern.mail_host, [modern.cert.fingerprint_sha256]) == {}  # verifies: none


def church_profile(path: Path, host: str, pin: str, shared: bool) -> Path:
    path.write_text(
        'format_version = 1\nrecommended_protocol = "imap"\n'
        '[organisation]\nname_ja = "テスト教会"\nname_en = "Test church"\n'
        'domains = ["selfsigned-church.test"]\n[login]\nrule = "address"\n'
        f'[[incoming]]\nprotocol = "imap"\nhost = "{host}"\nport = 993\nsecurity = "tls"\n'
        f'pinned_sha256 = "{pin}"\n'
        f'[[outgoing]]\nprotocol = "smtp"\nhost = "{host}"\nport = 587\n'
        f'security = "starttls"\npinned_sha256 = "{pin}"\n'
        f'[pc]\nshared = {"true" if shared else "false"}\n', encoding="utf-8")
    return path


def test_trust_fingerprint_becomes_the_overrides(testbed: Testbed, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    scenario = testbed.scenarios["selfsigned"]
    assert scenario.cert is not None
    user, pin, host = scenario.user("alice"), scenario.cert.fingerprint_sha256, scenario.mail_host
    profile = tmp_path / "p"
    result = apply_saving(monkeypatch, capsys, [
        "--email", user.email, "--name", "Alice", "--incoming", f"imap:{host}:993:tls",
        "--outgoing", f"smtp:{host}:587:starttls", "--dns-server", testbed.dns_server,
        "--trust-fingerprint", pin.replace(":", "").lower(),
        "--thunderbird-profile", str(profile)], user.password)
    assert result["password_saved"] is True
    assert result["certificate_overrides"] == [f"{host}:993 {pin}", f"{host}:587 {pin}"]
    lines = (profile / "cert_override.txt").read_text().splitlines()
    assert f"{host}:587:\tOID.2.16.840.1.101.3.4.2.1\t{pin}\t" in lines


def test_church_profile_pins_and_shared_pc(testbed: Testbed, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The church's own profile (embedded) pins its self-signed servers and says its PCs are
    shared: the overrides come from it, and the account goes into a member profile."""
    scenario = testbed.scenarios["selfsigned"]
    assert scenario.cert is not None
    pin, host = scenario.cert.fingerprint_sha256, scenario.mail_host
    church = church_profile(tmp_path / "church.mailsetup", host, pin, shared=True)
    monkeypatch.setattr("assistant.embedded.embedded_profile_path", lambda: church)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    code = main(["apply", "--client", "thunderbird", "--email", "alice@selfsigned-church.test",
                 "--name", "Alice", "--profile", str(church), "--dns-server", testbed.dns_server,
                 "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0, result
    assert result["thunderbird_profile_name"] == "Alice"  # [pc] shared: her own profile
    assert result["certificate_overrides"] == [f"{host}:993 {pin}", f"{host}:587 {pin}"]


def test_foreign_profile_pins_nothing(testbed: Testbed, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The same file arriving from elsewhere (not the church's word), used only because the
    volunteer allowed its host: its pins and its shared-PC say-so count for nothing."""
    scenario = testbed.scenarios["selfsigned"]
    assert scenario.cert is not None
    host = scenario.mail_host
    foreign = church_profile(tmp_path / "foreign.mailsetup", host,
                             scenario.cert.fingerprint_sha256, shared=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    code = main(["apply", "--client", "thunderbird", "--email", "alice@selfsigned-church.test",
                 "--name", "Alice", "--profile", str(foreign), "--allow-untrusted", host,
                 "--dns-server", testbed.dns_server, "--thunderbird-profile",
                 str(tmp_path / "p"), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0, result
    assert result["certificate_overrides"] == []
    assert result["thunderbird_profile_name"] is None
    assert not (tmp_path / "p" / "cert_override.txt").exists()
