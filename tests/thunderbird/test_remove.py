"""remove, list-accounts, and the launchers, without a running Thunderbird."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.clients.thunderbird import apply_account
from assistant.clients.thunderbird.cert_override import read_overrides
from assistant.clients.thunderbird.handover import Handover
from assistant.clients.thunderbird.launch import open_thunderbird, write_desktop_launcher
from assistant.clients.thunderbird.member_profiles import list_profiles
from assistant.clients.thunderbird.prefs_syntax import parse_prefs, pref_map
from assistant.clients.thunderbird.remove import remove_account
from assistant.secret import Secret
from tests.thunderbird.helpers import OTHER_ACCOUNT_PREFS, account
from tests.thunderbird.nss_tools import decrypted_logins, need_nss

FP = "12:" * 31 + "34"


def prefs_of(profile: Path) -> dict[str, object]:
    return dict(pref_map(parse_prefs((profile / "prefs.js").read_bytes())))


def test_remove_leaves_the_other_account_and_a_backup(tmp_path: Path) -> None:
    need_nss()
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "prefs.js").write_text(OTHER_ACCOUNT_PREFS)
    before = prefs_of(profile)
    alice = account()
    pins = {("mail.church.test", 993): FP, ("mail.church.test", 587): FP}
    apply_account(alice, profile, handover=Handover(password=Secret("canary-pw"), pins=pins))
    folder = profile / "ImapMail" / "mail.church.test"
    folder.mkdir(parents=True)
    (folder / "INBOX").write_text("From alice@church.test\n")
    with (profile / "prefs.js").open("a") as handle:
        handle.write(f'user_pref("mail.server.server2.directory", "{folder}");\n')
    report = remove_account(profile, "Alice@Church.test")
    after = prefs_of(profile)
    # Exactly the other account, Local Folders and the orphan again; lastKey stays the
    # highest key ever used, as Thunderbird requires.
    assert after == {**before, "mail.account.lastKey": 5}
    assert "alice" not in (profile / "prefs.js").read_text().lower()
    assert report.backup is not None and "alice@church.test" in report.backup.read_text()
    assert report.logins_removed == 2 and report.overrides_removed == 2
    assert decrypted_logins(profile) == [] and read_overrides(profile) == []
    assert not folder.exists()
    assert any(n.startswith("mail.smtpserver.smtp3.") for n in report.removed_prefs)


def test_remove_keeps_an_override_another_account_uses(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    pins = {("mail.church.test", 993): FP}
    apply_account(account(), profile, handover=Handover(pins=pins))
    apply_account(account(email="bob@church.test", name="Bob"), profile,
                  handover=Handover(pins=pins))
    report = remove_account(profile, "alice@church.test")
    assert report.overrides_removed == 0
    assert [(o.host, o.port) for o in read_overrides(profile)] == [("mail.church.test", 993)]
    assert [a for a in prefs_of(profile) if "alice" in str(prefs_of(profile)[a])] == []


def test_shared_pc_members_listed_and_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for email, name in (("hanako@church.test", "花子"), ("taro@church.test", "太郎")):
        assert main(["apply", "--client", "thunderbird", "--email", email, "--name", name,
                     "--incoming", "imap:mail.church.test:993:tls",
                     "--outgoing", "smtp:mail.church.test:587:starttls", "--shared-pc"]) == 0
    capsys.readouterr()
    assert main(["list-accounts", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["profiles"]
    assert [(p["name"], p["member"], [a["email"] for a in p["accounts"]]) for p in listed] == [
        ("花子", True, ["hanako@church.test"]), ("太郎", True, ["taro@church.test"])]
    hanako = Path(listed[0]["path"])
    remove = ["remove", "--client", "thunderbird", "--email", "hanako@church.test",
              "--shared-pc"]
    assert main(remove) == 1 and "--yes" in capsys.readouterr().err
    assert hanako.is_dir()
    assert main([*remove, "--yes", "--json"]) == 0
    (removed,) = json.loads(capsys.readouterr().out)["removed"]
    assert removed["profile_removed"] and removed["profile_name"] == "花子"
    assert not hanako.exists()
    root = tmp_path / ".thunderbird"
    assert [p.name for p in list_profiles(root)] == ["太郎"]
    assert "花子" in Path(removed["backup"]).read_text()
    assert not any("hanako" in p.read_text(errors="replace")
                   for p in root.rglob("*") if p.is_file() and p != Path(removed["backup"]))
    assert main(remove) == 1  # nothing left to remove


def test_desktop_launcher_escapes_the_name(tmp_path: Path) -> None:
    binary = tmp_path / "thunderbird"
    path = write_desktop_launcher('Eve "$HOME" 100%\nX', tmp_path, binary=binary)
    lines = path.read_text().splitlines()
    assert f'Exec="{binary}" "-P" "Eve \\\\"\\\\$HOME\\\\" 100%%\\nX"' in lines
    assert "Name=Thunderbird (Eve \"$HOME\" 100%\\nX)" in lines
    assert len(lines) == 7


def test_open_thunderbird_is_detached(tmp_path: Path) -> None:
    record = tmp_path / "argv.json"
    fake = tmp_path / "thunderbird"
    fake.write_text(f"#!{sys.executable}\nimport json, os, sys\n"
                    f"json.dump([sys.argv[1:], os.getsid(0)], open({str(record)!r}, 'w'))\n")
    fake.chmod(0o755)
    pid = open_thunderbird(member="花子", binary=fake)
    os.waitpid(pid, 0)  # still our child: wait for it to finish writing
    argv, session = json.loads(record.read_text())
    assert argv == ["-P", "花子"]
    assert session == pid != os.getsid(0)  # its own session: closing the wizard keeps it
