"""prefs.js merge on disk: backup, atomic replace, self-check, dry run, refusal paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.clients.thunderbird import apply_account, user_js_fragment, writer
from assistant.clients.thunderbird.prefs_syntax import parse_prefs, pref_map
from assistant.errors import AssistantError
from tests.thunderbird.helpers import OTHER_ACCOUNT_PREFS, account, lock_held_elsewhere


def profile_with(tmp_path: Path, text: str) -> Path:
    profile = tmp_path / "p"
    profile.mkdir()
    (profile / "prefs.js").write_text(text, encoding="utf-8")
    return profile


def test_new_profile_directory_is_created_without_backup(tmp_path: Path) -> None:
    report = apply_account(account(), tmp_path / "new")
    assert report.backup is None and not report.updated_existing
    values = pref_map(parse_prefs((tmp_path / "new" / "prefs.js").read_bytes()))
    assert values["mail.server.server1.hostname"] == "mail.church.test"
    assert report.target == tmp_path / "new" / "prefs.js"
    assert report.target in report.files_written


def test_merge_keeps_every_other_byte_and_backs_up(tmp_path: Path) -> None:
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)
    report = apply_account(account(), profile)
    assert report.backup is not None
    assert report.backup.read_text(encoding="utf-8") == OTHER_ACCOUNT_PREFS
    new = (profile / "prefs.js").read_text(encoding="utf-8")
    # Changed statements are replaced in place; the rest of the old text is a prefix-preserving
    # edit: every old line that did not change is still there, in order.
    changed = ("mail.account.lastKey", "mail.accountmanager.accounts", "mail.smtpservers")
    kept = [ln for ln in OTHER_ACCOUNT_PREFS.splitlines() if not any(c in ln for c in changed)]
    new_lines = new.splitlines()
    positions = [new_lines.index(ln) for ln in kept]
    assert positions == sorted(positions)
    values = pref_map(parse_prefs(new.encode()))
    old = pref_map(parse_prefs(OTHER_ACCOUNT_PREFS.encode()))
    for name, value in old.items():
        if name not in changed:
            assert values[name] == value
    assert values["mail.accountmanager.accounts"] == "account1,account3,account5"


def test_rerun_does_not_write_or_back_up_again(tmp_path: Path) -> None:
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)
    apply_account(account(), profile)
    before = (profile / "prefs.js").read_bytes()
    report = apply_account(account(), profile)
    assert report.changes == [] and report.backup is None and report.updated_existing
    assert (profile / "prefs.js").read_bytes() == before
    assert len(list(profile.glob("*.bak"))) == 1


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)
    report = apply_account(account(), profile, dry_run=True)
    assert "mail.server.server2.port: (unset) → 993" in report.changes
    assert 'mail.accountmanager.accounts: "account1,account3" → "account1,account3,account5"' \
        in report.changes
    assert sorted(p.name for p in profile.iterdir()) == ["prefs.js"]
    assert (profile / "prefs.js").read_text(encoding="utf-8") == OTHER_ACCOUNT_PREFS


def test_unparsable_file_is_left_alone(tmp_path: Path) -> None:
    broken = OTHER_ACCOUNT_PREFS + 'user_pref("x", "unterminated);\n'
    profile = profile_with(tmp_path, broken)
    with pytest.raises(AssistantError) as info:
        apply_account(account(), profile)
    assert info.value.code == "thunderbird.prefs_unparsable"
    assert info.value.params["line"] == OTHER_ACCOUNT_PREFS.count("\n") + 1
    assert sorted(p.name for p in profile.iterdir()) == [".parentlock", "prefs.js"]


def test_failed_replace_keeps_the_original_and_no_temp(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(AssistantError) as info:
        apply_account(account(), profile)
    assert info.value.code == "io.cannot_write"
    assert (profile / "prefs.js").read_text(encoding="utf-8") == OTHER_ACCOUNT_PREFS
    assert not [p for p in profile.iterdir() if p.name.endswith(".tmp")]


def test_refused_backup_or_folder_is_an_error_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file-system refusal becomes io.cannot_write naming the file (the command line
    prints it; a bare OSError would end in a traceback)."""
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)
    real_link = os.link

    def refuse_backup(source: object, target: object) -> None:
        if str(target).endswith(".mail-assistant.bak"):
            raise PermissionError(13, "Permission denied", str(source), None, str(target))
        real_link(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "link", refuse_backup)  # the backup gets its name by a link
    with pytest.raises(AssistantError) as info:
        apply_account(account(), profile)
    assert info.value.code == "io.cannot_write"
    assert str(info.value.params["path"]).endswith(".mail-assistant.bak")
    assert info.value.params["reason"] == "Permission denied"
    assert (profile / "prefs.js").read_text(encoding="utf-8") == OTHER_ACCOUNT_PREFS
    assert not [p for p in profile.iterdir() if p.name.endswith((".tmp", ".bak"))]
    monkeypatch.undo()

    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(AssistantError) as info:
        apply_account(account(), tmp_path / "a-file" / "new")
    assert info.value.code == "io.cannot_write"
    assert info.value.params["path"] == str(tmp_path / "a-file" / "new")


def test_self_check_refuses_output_that_differs(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)
    real = writer.render

    def lossy(data: bytes, statements: list, changes: dict) -> bytes:  # type: ignore[type-arg]
        return real(data, statements, changes).replace(b'"imap.example.org"', b'"evil"')

    monkeypatch.setattr(writer, "render", lossy)
    with pytest.raises(AssistantError) as info:
        apply_account(account(), profile)
    assert info.value.code == "thunderbird.verify_failed"
    assert info.value.params["key"] == "mail.server.server1.hostname"
    assert sorted(p.name for p in profile.iterdir()) == [".parentlock", "prefs.js"]


HOSTILE = [
    ('"); user_pref("mail.server.server1.socketType", 0); //', "quote-injection"),
    ("back\\slash\\", "backslash"),
    ("new\nline", "newline"),
    ("長い名前" * 50, "long"),
    ("山田 太郎 ✝", "non-ascii"),
]


@pytest.mark.parametrize(("name", "label"), HOSTILE, ids=[h[1] for h in HOSTILE])
def test_hostile_display_name_cannot_inject(tmp_path: Path, name: str, label: str) -> None:
    profile = tmp_path / label
    try:
        report = apply_account(account(name=name), profile)
    except AssistantError as exc:  # the settings model may refuse it first: also safe
        assert exc.code.startswith("name.")
        return
    values = pref_map(parse_prefs(report.target.read_bytes()))
    assert values["mail.server.server1.socketType"] == 3
    assert len([n for n in values if n.endswith(".socketType")]) == 1
    assert values["mail.identity.id1.fullName"] == " ".join(name.split())


def test_hostile_login_cannot_inject(tmp_path: Path) -> None:
    from assistant.settings import Account, Server

    login = 'x");user_pref("mail.server.server1.port",1);//'
    acc = Account.create("alice@church.test", "A", Server.parse_spec(
        "imap:mail.church.test:143:starttls"), Server.parse_spec(
        "smtp:mail.church.test:587:starttls"), login_name=login)
    report = apply_account(acc, tmp_path / "p")
    values = pref_map(parse_prefs(report.target.read_bytes()))
    assert values["mail.server.server1.port"] == 143
    assert values["mail.server.server1.socketType"] == 2
    assert values["mail.server.server1.userName"] == login
    assert values["mail.smtpserver.smtp1.username"] == login


def test_user_js_that_overrides_is_reported(tmp_path: Path) -> None:
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)
    (profile / "user.js").write_text('user_pref("mail.accountmanager.accounts", "account1");\n')
    with pytest.raises(AssistantError) as info:
        apply_account(account(), profile)
    assert info.value.code == "thunderbird.user_js_overrides"
    assert (profile / "prefs.js").read_text(encoding="utf-8") == OTHER_ACCOUNT_PREFS


def test_locked_profile_is_refused(tmp_path: Path) -> None:
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)
    with lock_held_elsewhere(profile):
        with pytest.raises(AssistantError) as info:
            apply_account(account(), profile)
        assert info.value.code == "thunderbird.profile_in_use"
    assert (profile / "prefs.js").read_text(encoding="utf-8") == OTHER_ACCOUNT_PREFS
    apply_account(account(), profile)  # lock released: now it works


def test_user_js_fragment_describes_a_complete_profile() -> None:
    text = user_js_fragment(account(name='Q"uote\nNL'))
    values = pref_map(parse_prefs(text.encode("utf-8")))
    assert values["mail.accountmanager.accounts"] == "account1,account2"
    assert values["mail.server.server2.type"] == "none"
    assert values["mail.server.server1.socketType"] == 3
    assert values["mail.identity.id1.fullName"] == 'Q"uote NL'
    assert "password" not in text.lower().replace("no password", "")


def test_backup_names_do_not_collide(tmp_path: Path) -> None:
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)
    apply_account(account(), profile)
    apply_account(account(email="bob@church.test"), profile)
    apply_account(account(email="carol@church.test"), profile)
    backups = sorted(profile.glob("prefs.js.*.mail-assistant.bak"))
    assert len(backups) == 3


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_root_keeps_the_members_ownership_and_mode(tmp_path: Path) -> None:
    profile = profile_with(tmp_path, OTHER_ACCOUNT_PREFS)
    os.chown(profile / "prefs.js", 4321, 4322)
    os.chmod(profile / "prefs.js", 0o640)
    report = apply_account(account(), profile)
    for path in (profile / "prefs.js", report.backup):
        assert path is not None
        info = path.stat()
        assert (info.st_uid, info.st_gid) == (4321, 4322)
    assert (profile / "prefs.js").stat().st_mode & 0o777 == 0o640
