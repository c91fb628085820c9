"""The real installer under Wine: what it installs, the profile association, the refusal while
the assistant runs, a clean uninstall, and its pages as a member sees them."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path, PureWindowsPath

import pytest

from assistant import APP_NAME
from tests.paths import ROOT, SAMPLE_PROFILE
from tests.windows.conftest import install
from tests.windows.wine import LONG, Wine, wait_for

UNINSTALL_KEY = rf"Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_NAME}"
PROG_ID = "MailSetupAssistant.Profile"
NAMES = {"ja": "メール設定アシスタント", "en": "Mail Setup Assistant"}
SCREENSHOTS = ROOT / "build" / "windows" / "screenshots"
# The wizard opens in Japanese whatever the Windows language (English is a choice inside).
WIZARD_TITLE = f"^{NAMES['ja']}$"


def shortcuts(wine: Wine, name: str) -> list[Path]:
    start_menu = wine.unix(wine.appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs")
    return [start_menu / f"{name}.lnk", wine.home / f"{name}.lnk"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_silent_install_puts_everything_in_place(wine: Wine, installer: Path, lang: str) -> None:
    folder = install(wine, installer, lang)
    for name in (f"{APP_NAME}.exe", f"{APP_NAME}-cli.exe", "uninstall.exe",
                 "_internal/embedded-profile.mailsetup"):
        assert (folder / name).is_file(), name
    windows_folder = wine.local_appdata / "Programs" / APP_NAME
    key = wine.registry(UNINSTALL_KEY)
    assert key is not None
    assert key["DisplayName"] == [1, NAMES[lang]]
    assert key["InstallLocation"] == [1, str(windows_folder)]
    assert key["QuietUninstallString"] == [1, f'"{windows_folder}\\uninstall.exe" /S']
    assert key["EstimatedSize"][1] > 50_000  # KiB: the whole bundle, not a stand-in
    for shortcut in shortcuts(wine, NAMES[lang]):
        assert shortcut.is_file(), shortcut
    assert wine.registry(r"Software\Classes\.mailsetup") == {"": [1, PROG_ID]}
    command = wine.registry(rf"Software\Classes\{PROG_ID}\shell\open\command")
    assert command == {"": [1, f'"{windows_folder}\\{APP_NAME}.exe" "%1"']}


@pytest.mark.parametrize("lang", ["ja", "en"])  # code page 932, then 1252
def test_double_clicked_profile_with_spaces_and_japanese_opens_in_the_assistant(
        wine: Wine, installed: Path, lang: str) -> None:
    wine.lang = lang
    # Wine 8 does not merge HKCU\Software\Classes into HKEY_CLASSES_ROOT, so its ShellExecute
    # finds no per-user association: the registered command is run as Explorer runs it, %1
    # replaced by the file (the Windows runner job double-clicks through Explorer itself).
    folder = wine.home / "教会 の 設定"
    folder.mkdir()
    profile = folder / "church profile.mailsetup"
    sample = SAMPLE_PROFILE.read_text(encoding="utf-8")
    profile.write_text(sample.replace('name_ja = "日本キリスト教会 見本教会"',
                                      'name_ja = "関連付け 確認 教会"'), encoding="utf-8")
    windows_profile = rf"C:\users\{wine.user}\Documents\教会 の 設定\church profile.mailsetup"
    assert wine.unix(windows_profile).is_file()  # Documents is the home folder under Wine
    command = wine.registry(rf"Software\Classes\{PROG_ID}\shell\open\command")
    assert command is not None
    argv = re.findall(r'"([^"]*)"', command[""][1].replace("%1", windows_profile))
    assert argv[1] == windows_profile
    report = wine.home / "start-check.json"
    opened = wine.start(*argv, env={
        "MAIL_ASSISTANT_SMOKE_MS": "1500",
        "MAIL_ASSISTANT_SMOKE_FILE": rf"C:\users\{wine.user}\Documents\start-check.json"})
    try:
        line = wait_for(lambda: report.is_file() and report.read_text(encoding="utf-8"),
                        "the wizard's start check", LONG)
        assert opened.wait(LONG) == 0  # the start check quits the wizard after its line
    finally:
        opened.kill()
    shown = json.loads(line)
    assert shown["page"] == "account"  # the wizard's first page
    assert shown["organisation"] == "関連付け 確認 教会"  # the clicked file, not the embedded one


def test_installer_and_uninstaller_refuse_while_the_assistant_runs(
        wine: Wine, installer: Path, installed: Path) -> None:
    program = str(PureWindowsPath(wine.local_appdata / "Programs" / APP_NAME / f"{APP_NAME}.exe"))
    running = wine.start(program, env={"MAIL_ASSISTANT_SMOKE_MS": "600000"})
    try:
        # The mutex is made at the start, before the window is shown.
        wait_for(lambda: _windows(wine, WIZARD_TITLE), "the assistant's window", LONG)
        before = (installed / f"{APP_NAME}.exe").stat().st_mtime_ns
        again = wine.run(str(installer), "/S")
        assert again.returncode != 0  # silent mode answers the retry question with cancel
        assert (installed / f"{APP_NAME}.exe").stat().st_mtime_ns == before
        # In place (_?=), the uninstaller runs to its end here instead of from a %TEMP% copy.
        uninstaller = str(PureWindowsPath(program).parent / "uninstall.exe")
        refused = wine.run(uninstaller, "/S", f"_?={PureWindowsPath(program).parent}")
        assert refused.returncode != 0
        assert (installed / "_internal").is_dir()
    finally:
        # Killing the `wine` launcher leaves the Windows process running: end the prefix's.
        wine.end_all()
        running.wait(60)
    updated = wine.run(str(installer), "/S")
    assert updated.returncode == 0


def test_uninstall_removes_what_it_installed_and_keeps_user_data(
        wine: Wine, installed: Path) -> None:
    user_data = wine.unix(wine.local_appdata / "MailAssistant" / "outlook" / "undo-x.reg")
    user_data.parent.mkdir(parents=True)
    user_data.write_bytes(b"kept")
    someone_elses = wine.registry(r"Software\Classes\.txt")
    done = wine.run(str(PureWindowsPath(wine.local_appdata / "Programs" / APP_NAME /
                                        "uninstall.exe")), "/S")
    assert done.returncode == 0
    wine.settle()  # the uninstaller's %TEMP% copy does the work
    assert not installed.exists()
    assert wine.registry(UNINSTALL_KEY) is None
    assert wine.registry(r"Software\Classes\.mailsetup") is None
    assert wine.registry(rf"Software\Classes\{PROG_ID}") is None
    assert wine.registry(r"Software\Classes\.txt") == someone_elses
    for shortcut in shortcuts(wine, NAMES["ja"]):
        assert not shortcut.exists(), shortcut
    assert user_data.read_bytes() == b"kept"


def _windows(wine: Wine, title: str) -> list[str]:
    found = subprocess.run(["xdotool", "search", "--name", title], env=wine.env(),
                           capture_output=True, text=True, timeout=30, check=False)
    return found.stdout.split()


def _title(wine: Wine, window: str) -> str:
    return subprocess.run(["xdotool", "getwindowname", window], env=wine.env(),
                          capture_output=True, text=True, timeout=30, check=True).stdout.strip()


def _screen(wine: Wine) -> bytes:
    return subprocess.run(["import", "-window", "root", "-depth", "8", "rgb:-"], env=wine.env(),
                          capture_output=True, timeout=60, check=True).stdout


def _screenshot(wine: Wine, path: Path, after: bytes = b"") -> bytes:
    """The screen once it has stopped changing (a page is drawn in steps) and differs from
    ``after``, the previous page's (a slow machine may not have drawn the next one yet), saved
    as PNG; its pixels, for the next page's call."""
    last: list[bytes] = [b""]

    def still() -> bool:
        now = _screen(wine)
        same, last[0] = now == last[0], now
        return same and now != after

    wait_for(still, f"a still screen for {path.name}", LONG)
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["convert", "-size", "1024x768", "-depth", "8", "rgb:-", str(path)],
                   input=last[0], timeout=60, check=True)
    return last[0]


def _press(wine: Wine, window: str, key: str) -> None:
    """A key press into ``window`` (no window manager here: focus it, then type)."""
    subprocess.run(["xdotool", "windowfocus", window, "sleep", "0.3", "key", key],
                   env=wine.env(), timeout=30, check=True)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_shown_installer_pages_in_the_members_language(wine: Wine, installer: Path,
                                                       lang: str) -> None:
    # Welcome -> Next -> files -> finish with "start now" -> Finish starts the wizard. The
    # screenshots (build/windows/screenshots/<lang>/) are for a person to look at.
    wine.lang = lang
    report = wine.home / "start-check.json"
    shots = SCREENSHOTS / lang
    shown = wine.start(str(installer), env={
        "MAIL_ASSISTANT_SMOKE_MS": "15000",  # long enough for the screenshot under load
        "MAIL_ASSISTANT_SMOKE_FILE": rf"C:\users\{wine.user}\Documents\start-check.json"})
    try:
        # Wine's token is always elevated: the "Run as administrator" warning comes first,
        # with キャンセル as its default button; OK (one Tab back) goes on.
        warning = wait_for(lambda: _windows(wine, NAMES[lang]), "the installer's first window",
                           LONG)[0]
        page = _screenshot(wine, shots / "00-elevated-warning.png")
        _press(wine, warning, "Tab")
        _press(wine, warning, "Return")
        window = wait_for(lambda: [w for w in _windows(wine, NAMES[lang]) if w != warning],
                          "the installer window", LONG)[0]
        assert NAMES[lang] in _title(wine, window)
        page = _screenshot(wine, shots / "01-welcome.png", after=page)
        _press(wine, window, "Return")
        folder = wine.unix(wine.local_appdata / "Programs" / APP_NAME)
        wait_for(lambda: (folder / "uninstall.exe").is_file(), "the installed files", LONG)
        wait_for(lambda: wine.registry(rf"Software\Classes\{PROG_ID}\shell\open\command"),
                 "the end of the installation (its last registry key)")
        page = _screenshot(wine, shots / "02-finish.png", after=page)
        _press(wine, window, "Return")
        assert shown.wait(LONG) == 0
        wait_for(lambda: _windows(wine, WIZARD_TITLE), "the wizard's window", LONG)
        _screenshot(wine, shots / "03-wizard.png", after=page)
        # The wizard inherits the installer's streams (NUL): with code page 1252 its start
        # check once died printing Japanese there (assistant/console.py).
        line = wait_for(lambda: report.is_file() and report.read_text(encoding="utf-8"),
                        "the wizard started from the finish page", LONG)
        assert json.loads(line)["organisation"] == "日本キリスト教会 見本教会"  # the embedded one
        wait_for(lambda: not _windows(wine, WIZARD_TITLE), "the wizard's end", LONG)
    finally:
        shown.kill()
        shown.wait(60)
