"""The handover's stores without a running Thunderbird: logins.json through Thunderbird's own
NSS, cert_override.txt, member profiles in profiles.ini, and the apply options."""

from __future__ import annotations

import configparser
import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.clients.report import ApplyReport
from assistant.clients.thunderbird.cert_override import (
    HEADER,
    make_override,
    read_overrides,
    remove_overrides,
    write_overrides,
)
from assistant.clients.thunderbird.handover import Handover, hand_over, logins_for
from assistant.clients.thunderbird.logins import (
    Login,
    has_primary_password,
    origin_for,
    remove_logins,
    store_logins,
)
from assistant.clients.thunderbird.member_profiles import (
    list_profiles,
    member_profile,
    unregister_profile,
)
from assistant.clients.thunderbird.nss import run_nss
from assistant.clients.thunderbird.prefs_syntax import parse_prefs, pref_map
from assistant.errors import AssistantError, ValidationError
from assistant.secret import Secret
from assistant.settings import Server
from tests.thunderbird.helpers import account
from tests.thunderbird.nss_tools import decrypted_logins, need_nss, set_primary_password

FP = "AB:" * 31 + "CD"


def test_origins_are_thunderbirds() -> None:
    assert origin_for(Server.parse_spec("imap:Mail.Church.test:993:tls")) == \
        "imap://mail.church.test"
    assert origin_for(Server.parse_spec("pop3:mail.church.test:995:tls")) == \
        "mailbox://mail.church.test"
    assert origin_for(Server.parse_spec("smtp:mail.church.test:465:tls")) == \
        "smtp://mail.church.test"
    pop = account(incoming="pop3:pop.church.test:995:tls",
                  outgoing="smtp:smtp.church.test:587:starttls")
    assert logins_for(pop) == [Login("mailbox://pop.church.test", "alice@church.test"),
                               Login("smtp://smtp.church.test", "alice@church.test")]


def test_store_replace_and_remove_logins(tmp_path: Path) -> None:
    need_nss()
    profile = tmp_path / "p"
    profile.mkdir()
    alice = [Login("imap://mail.church.test", "alice@church.test"),
             Login("smtp://mail.church.test", "alice@church.test")]
    bob = [Login("imap://mail.church.test", "bob@church.test")]
    assert not has_primary_password(profile) and not (profile / "key4.db").exists()
    store_logins(profile, alice, Secret("first-canary"))
    assert not has_primary_password(profile)
    store_logins(profile, bob, Secret("bob-canary"))
    assert (profile / "key4.db").exists()  # created as Thunderbird does (empty primary pw)
    store_logins(profile, alice, Secret("second-canary"))  # replaces, never duplicates
    entries = sorted(decrypted_logins(profile), key=str)
    assert entries == [("imap://mail.church.test", "alice@church.test", "second-canary"),
                       ("imap://mail.church.test", "bob@church.test", "bob-canary"),
                       ("smtp://mail.church.test", "alice@church.test", "second-canary")]
    raw = (profile / "logins.json").read_text()
    assert "canary" not in raw and "alice@church.test" not in raw
    document = json.loads(raw)
    first = document["logins"][0]
    assert first["hostname"] == first["httpRealm"] and first["formSubmitURL"] is None
    assert first["encType"] == 1 and (first["usernameField"], first["passwordField"]) == ("", "")
    assert document["nextId"] == 1 + max(e["id"] for e in document["logins"])
    assert (profile / "logins.json").stat().st_mode & 0o777 == 0o600
    assert remove_logins(profile, alice) == 2
    assert decrypted_logins(profile) == [("imap://mail.church.test", "bob@church.test",
                                          "bob-canary")]


def test_primary_password_stores_nothing(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    set_primary_password(profile)
    assert has_primary_password(profile)
    with pytest.raises(AssistantError) as caught:
        store_logins(profile, [Login("imap://mail.church.test", "a")], Secret("canary"))
    assert caught.value.code == "thunderbird.primary_password"
    assert not (profile / "logins.json").exists()
    report = ApplyReport(client="thunderbird", target=profile / "prefs.js", backup=None)
    hand_over(profile, account(), Handover(password=Secret("canary")), report)
    assert not report.password_saved
    assert [w.code for w in report.warnings] == ["thunderbird.primary_password"]


def test_cert_override_lines(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "cert_override.txt").write_text(
        HEADER + "other.example:443:\tOID.2.16.840.1.101.3.4.2.1\t" + "11:" * 31 + "11\t\n")
    write_overrides(profile, [make_override("Mail.Church.test", 993, FP.lower()),
                              make_override("mail.church.test", 587, FP.replace(":", ""))])
    lines = (profile / "cert_override.txt").read_text().splitlines()
    assert lines[:2] == HEADER.splitlines()
    assert f"mail.church.test:993:\tOID.2.16.840.1.101.3.4.2.1\t{FP}\t" in lines
    assert len(lines) == 5
    write_overrides(profile, [make_override("mail.church.test", 993, "EF" * 32)])  # replaces
    assert {(o.host, o.port) for o in read_overrides(profile)} == {
        ("other.example", 443), ("mail.church.test", 993), ("mail.church.test", 587)}
    assert remove_overrides(profile, [("mail.church.test", 993), ("mail.church.test", 587)]) == 2
    assert [o.host for o in read_overrides(profile)] == ["other.example"]
    with pytest.raises(AssistantError):
        make_override("evil\tline", 993, FP)


def test_shared_pc_refuses_a_password() -> None:
    with pytest.raises(ValidationError) as caught:
        Handover(password=Secret("x"), shared_pc=True)
    assert caught.value.code == "shared_pc.no_password"


def test_member_profiles_are_registered_and_renumbered(tmp_path: Path) -> None:
    root = tmp_path / ".thunderbird"
    root.mkdir()
    (root / "profiles.ini").write_text(
        "[Profile0]\nName=default-default\nIsRelative=1\nPath=abc.default-default\nDefault=1\n\n"
        "[General]\nStartWithLastProfile=1\nVersion=2\n\n"
        "[InstallFA1\u00a0]\nDefault=abc.default-default\nLocked=1\n")
    hanako = member_profile("山田 花子", root)
    taro = member_profile("Taro", root)
    assert member_profile("山田 花子", root).path == hanako.path  # found again, not a new one
    assert hanako.path.is_dir() and taro.path.parent == root
    ini = configparser.ConfigParser(interpolation=None)
    ini.optionxform = str  # type: ignore[assignment,method-assign]
    ini.read(root / "profiles.ini", encoding="utf-8")
    assert ini["General"]["StartWithLastProfile"] == "0"
    assert [ini[s]["Name"] for s in ini.sections() if s.startswith("Profile")] == [
        "default-default", "山田 花子", "Taro"]
    assert unregister_profile(hanako.path, root) == "山田 花子"
    assert not hanako.path.exists()
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(root / "profiles.ini", encoding="utf-8")
    assert ini["Profile1"]["Name"] == "Taro" and not ini.has_section("Profile2")
    assert [p.name for p in list_profiles(root)] == ["default-default", "Taro"]
    with pytest.raises(ValidationError):
        member_profile("Eve\n[Profile9]", root)


BASE = ["apply", "--client", "thunderbird", "--email", "hanako@church.test", "--name", "花子",
        "--incoming", "imap:mail.church.test:993:tls",
        "--outgoing", "smtp:mail.church.test:587:starttls"]


def test_apply_shared_pc_writes_a_member_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main([*BASE, "--shared-pc", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["thunderbird_profile_name"] == "花子" and result["password_saved"] is False
    launcher = Path(result["member_launcher"])
    assert launcher.parent == tmp_path / "xdg-data" / "applications"
    assert '"-P" "花子"' in launcher.read_text()
    (member,) = list_profiles(tmp_path / ".thunderbird")
    prefs = pref_map(parse_prefs((member.path / "prefs.js").read_bytes()))
    assert prefs["mail.server.server1.offline_download"] is False
    assert prefs["mail.imap.use_disk_cache2"] is False
    assert main([*BASE, "--shared-pc", "--save-password", "--password-stdin"]) == 2
    assert "共用パソコン" in capsys.readouterr().err
    pop = [*BASE[:8], "pop3:mail.church.test:995:tls", *BASE[9:]]
    assert main([*pop, "--shared-pc", "--lang", "en"]) == 2
    assert "only IMAP" in capsys.readouterr().err


def test_password_stdin_needs_save_password(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = main([*BASE, "--thunderbird-profile", str(tmp_path / "p"), "--password-stdin"])
    assert code == 2 and "--save-password" in capsys.readouterr().err
    assert not (tmp_path / "p").exists()


def test_no_usable_nss_stores_nothing_and_says_so(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    profile.mkdir()
    empty = tmp_path / "no-thunderbird"
    empty.mkdir()
    with pytest.raises(AssistantError) as caught:
        run_nss(profile, encrypt=["x"], library=empty)
    assert caught.value.code == "thunderbird.nss_failed"
    report = ApplyReport(client="thunderbird", target=profile / "prefs.js", backup=None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("assistant.clients.thunderbird.nss.nss_dir", lambda: None)
        hand_over(profile, account(), Handover(password=Secret("canary")), report)
    assert not report.password_saved and not (profile / "logins.json").exists()
    assert [w.code for w in report.warnings] == ["thunderbird.nss_missing"]


def test_shared_pc_dry_run_names_her_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main([*BASE, "--shared-pc", "--dry-run", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["target"].endswith("(new member profile)/prefs.js")
    assert not (tmp_path / ".thunderbird").exists()  # a dry run makes nothing
    assert main([*BASE, "--shared-pc"]) == 0
    (member,) = list_profiles(tmp_path / ".thunderbird")
    capsys.readouterr()
    assert main([*BASE, "--shared-pc", "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["target"] == str(member.path / "prefs.js")


def test_save_password_is_thunderbirds_only(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    outlook = ["apply", "--client", "outlook", *BASE[3:], "--output-dir", str(tmp_path / "o"),
               "--save-password", "--lang", "en"]
    assert main(outlook) == 2 and "Thunderbird only" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_second_member_of_the_same_name_gets_no_share_of_the_first_ones_profile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Two members who type the same name: the second is refused, the first one's profile
    keeps only her own account (and the same member may run it again)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    assert main([*BASE, "--shared-pc", "--json"]) == 0
    capsys.readouterr()
    assert main([*BASE, "--shared-pc", "--json"]) == 0  # her own re-run is fine
    capsys.readouterr()
    other = [*BASE]
    other[other.index("--email") + 1] = "jiro@church.test"
    assert main([*other, "--shared-pc", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"] == "thunderbird.member_name_taken"
    (member,) = list_profiles(tmp_path / ".thunderbird")
    prefs = (member.path / "prefs.js").read_text(encoding="utf-8")
    assert "jiro@church.test" not in prefs
