"""apply_outlook on Windows (fake winreg) and elsewhere (files in --output-dir)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.clients.outlook import apply_outlook, outlook_installed
from assistant.clients.outlook.apply import FULL_KEY
from assistant.clients.outlook.regfile import REG_DWORD, REG_SZ
from assistant.clients.outlook.registry import AUTODISCOVER_KEY, EXCLUDE_SWITCHES
from assistant.errors import AssistantError
from assistant.settings import Account, Server
from tests.clients.helpers import FakeWinreg, read_reg, reg_string

SWITCHES = ["PreferLocalXML", *EXCLUDE_SWITCHES]


def account() -> Account:
    return Account.create("alice@church.test", "山田 花子",
                          Server.parse_spec("imap:mail.church.test:993:tls"),
                          Server.parse_spec("smtp:mail.church.test:587:starttls"))


def registry_state(reg: FakeWinreg) -> dict[str, tuple[object, int]]:
    key = reg.keys.get(("HKCU", AUTODISCOVER_KEY.lower()))
    return dict(key.values) if key else {}


def apply_reg_file(reg: FakeWinreg, data: bytes) -> None:
    """What importing the .reg with regedit does, for the value kinds we write."""
    for path, values in read_reg(data).items():
        hive, _, sub = path.partition("\\")
        assert hive == "HKEY_CURRENT_USER"
        key = reg.CreateKeyEx("HKCU", sub)
        for name, (kind, value) in values.items():
            if kind == "delete":
                key.values.pop(name, None)
            elif kind == "dword":
                key.values[name] = (value, REG_DWORD)
            else:
                key.values[name] = (reg_string(kind, value), REG_SZ)


def test_windows_writes_registry_and_undo_restores(tmp_path: Path) -> None:
    reg = FakeWinreg()
    # A value from before (another tool set PreferLocalXML=0) and an unrelated one.
    reg.add("HKCU", AUTODISCOVER_KEY, PreferLocalXML=(0, REG_DWORD), Other=("keep", REG_SZ))
    before = registry_state(reg)
    report = apply_outlook(account(), tmp_path, platform="win32", reg=reg)

    state = registry_state(reg)
    xml = tmp_path / "autodiscover-church.test.xml"
    assert state["church.test"] == (str(xml.resolve()), REG_SZ)
    assert all(state[name] == (1, REG_DWORD) for name in SWITCHES)
    assert state["Other"] == ("keep", REG_SZ)
    assert xml.read_bytes().startswith(b"<?xml")
    assert (tmp_path / "outlook-church.test.prf").exists()
    assert report.client == "outlook" and report.backup is not None
    assert set(report.files_written) == {xml, tmp_path / "outlook-church.test.prf",
                                         report.backup}
    assert f"{FULL_KEY}\\PreferLocalXML: 0 → 1" in report.changes
    assert not report.updated_existing

    undo = read_reg(report.backup.read_bytes())[FULL_KEY]
    assert undo["PreferLocalXML"] == ("dword", 0)
    assert undo["church.test"] == ("delete", None)
    apply_reg_file(reg, report.backup.read_bytes())
    assert registry_state(reg) == before


def test_second_run_keeps_first_undo_and_updates(tmp_path: Path) -> None:
    reg = FakeWinreg()
    first = apply_outlook(account(), tmp_path, platform="win32", reg=reg)
    assert first.backup is not None
    undo = first.backup.read_bytes()
    second = apply_outlook(account(), tmp_path, platform="win32", reg=reg)
    assert second.updated_existing
    assert second.backup == first.backup and first.backup.read_bytes() == undo
    assert first.backup not in second.files_written


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    reg = FakeWinreg()
    report = apply_outlook(account(), tmp_path / "out", dry_run=True, platform="win32", reg=reg)
    assert report.files_written == [] and report.changes
    assert not (tmp_path / "out").exists()
    assert registry_state(reg) == {}


def test_elsewhere_writes_reg_file(tmp_path: Path) -> None:
    report = apply_outlook(account(), tmp_path, platform="linux")
    reg = read_reg((tmp_path / "outlook-autodiscover-church.test.reg").read_bytes())
    values = reg[FULL_KEY]
    assert reg_string(*values["church.test"]) == \
        r"C:\ProgramData\MailAssistant\autodiscover-church.test.xml"
    assert all(values[name] == ("dword", 1) for name in SWITCHES)
    assert report.backup is None
    assert len(report.files_written) == 3


def test_elsewhere_needs_output_dir() -> None:
    with pytest.raises(AssistantError) as caught:
        apply_outlook(account(), None, platform="linux")
    assert caught.value.code == "outlook.output_dir_required"


def test_starttls_incoming_is_reported(tmp_path: Path) -> None:
    acct = account().with_servers(Server.parse_spec("imap:mail.church.test:143:starttls"),
                                  Server.parse_spec("smtp:mail.church.test:587:starttls"))
    report = apply_outlook(acct, tmp_path, platform="linux")
    assert [w.code for w in report.warnings] == ["outlook.prf_incoming_starttls"]


def test_outlook_installed() -> None:
    assert outlook_installed(platform="linux") is False
    reg = FakeWinreg()
    assert outlook_installed(reg, platform="win32") is False
    reg.add("HKLM", r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\OUTLOOK.EXE")
    assert outlook_installed(reg, platform="win32") is True
    click_to_run = FakeWinreg()
    click_to_run.add("HKLM", r"SOFTWARE\Microsoft\Office\ClickToRun\REGISTRY\MACHINE\SOFTWARE"
                             r"\Microsoft\Windows\CurrentVersion\App Paths\outlook.exe")
    assert outlook_installed(click_to_run, platform="win32") is True


def test_unwritable_folder_is_a_coded_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(AssistantError) as caught:
        apply_outlook(account(), blocker / "out", platform="linux")
    assert caught.value.code == "io.cannot_write"


def test_registry_failure_is_a_coded_error(tmp_path: Path) -> None:
    class Denied(FakeWinreg):
        def SetValueEx(self, *args: object) -> None:
            raise PermissionError(5, "Access is denied")

    with pytest.raises(AssistantError) as caught:
        apply_outlook(account(), tmp_path, platform="win32", reg=Denied())
    assert caught.value.code == "io.cannot_write"
    assert caught.value.params["reason"] == "Access is denied"


def test_cli_outlook_off_windows_without_output_dir_is_bad_usage(tmp_path: Path) -> None:
    from assistant.cli import main

    code = main(["apply", "--client", "outlook", "--email", "alice@church.test", "--name", "A",
                 "--incoming", "imap:mail.church.test:143:starttls",
                 "--outgoing", "smtp:mail.church.test:587:starttls", "--json"])
    assert code == (0 if sys.platform == "win32" else 2)


def test_cli_outlook_prints_the_starttls_warning_in_english(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    code = main(["apply", "--client", "outlook", "--email", "alice@church.test", "--name", "A",
                 "--incoming", "imap:mail.church.test:143:starttls",
                 "--outgoing", "smtp:mail.church.test:587:starttls",
                 "--output-dir", str(tmp_path), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0
    assert "993" in out and "STARTTLS" in out


def test_the_files_read_the_same_with_readers_the_project_did_not_write(tmp_path: Path) -> None:
    """hivex's .reg parser and configparser (as the Windows INI reader, no interpolation)."""
    import configparser

    from tests.clients.hivex import read_with_hivex

    apply_outlook(account(), tmp_path, platform="linux")
    values = read_with_hivex((tmp_path / "outlook-autodiscover-church.test.reg").read_bytes())
    path = r"C:\ProgramData\MailAssistant\autodiscover-church.test.xml"
    assert values[FULL_KEY] == {
        "church.test": (REG_SZ, (path + "\0").encode("utf-16-le")),
        **{name: (REG_DWORD, (1).to_bytes(4, "little")) for name in SWITCHES}}
    prf = configparser.ConfigParser(interpolation=None, delimiters=("=",), strict=True)
    prf.optionxform = str  # type: ignore[assignment,method-assign]
    prf.read(tmp_path / "outlook-church.test.prf", encoding="utf-16")
    assert prf["Account1"]["IMAPServer"] == "mail.church.test"
    assert prf["Account1"]["DisplayName"] == "山田 花子"
    assert prf["Internet Account List"]["Account1"] == "IMAP_I_Mail"
