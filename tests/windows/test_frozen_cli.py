"""The installed console program under Wine: redirected output, Outlook's registry through the
real winreg API and its undo file, Thunderbird's profile under %APPDATA% and its lock."""

from __future__ import annotations

import json
from pathlib import Path, PureWindowsPath

import pytest

from assistant import APP_NAME
from tests.paths import SAMPLE_PROFILE
from tests.windows.wine import Wine, wait_for

AUTODISCOVER = r"Software\Microsoft\Office\16.0\Outlook\AutoDiscover"


def cli(wine: Wine) -> str:
    return str(PureWindowsPath(wine.local_appdata / "Programs" / APP_NAME / f"{APP_NAME}-cli.exe"))


def sample_profile(wine: Wine) -> str:
    copy = wine.home / "church.mailsetup"
    copy.write_bytes(SAMPLE_PROFILE.read_bytes())
    return rf"C:\users\{wine.user}\Documents\church.mailsetup"


def account_args(wine: Wine) -> list[str]:
    # The sample profile is unsigned: its servers are used only when allowed by name.
    return ["--email", "taro@example-church.jp", "--name", "山田 太郎",
            "--profile", sample_profile(wine), "--allow-untrusted", "mail.example-church.jp",
            "--json"]


@pytest.mark.parametrize("lang", ["ja", "en"])  # ANSI code page 932, then 1252
def test_output_into_a_pipe_and_a_file_is_utf8(wine: Wine, installed: Path, lang: str) -> None:
    wine.lang = lang
    piped = wine.run(cli(wine), "--help")
    assert piped.returncode == 0, piped.stderr.decode(errors="replace")
    assert "メール設定アシスタント。コマンドを付けずに起動すると" in piped.stdout.decode("utf-8")
    # cmd's own redirection: Windows opens the file, as `--json > result.json` does.
    result = wine.home / "result.json"
    filed = wine.run("cmd", "/c", cli(wine), "probe", "not-an-address", "--json", "--lang", "ja",
                     ">", rf"C:\users\{wine.user}\Documents\result.json")
    assert filed.returncode == 2, filed.stderr.decode(errors="replace")  # a usage error
    document = json.loads(result.read_text(encoding="utf-8"))
    assert document["error"] == "email.missing_at"
    assert "メールアドレス" in document["message"]


HOSTILE = {
    # A string where a DWORD belongs, with quotes, backslashes and a line break.
    "PreferLocalXML": [1, 'say "yes"\\\r\nnext line'],
    "ExcludeSrvRecord": [3, "00ff10"],                      # binary
    "ExcludeHttpRedirect": [7, ["one", "二", ""]],           # multi-string
    "example-church.jp": [2, r"%TEMP%\old autodiscover.xml"],  # expandable string
    "unrelated": [4, 7],                                      # not ours: left alone
}


def test_outlook_apply_over_hostile_values_and_undo_restores_them(wine: Wine,
                                                                  installed: Path) -> None:
    wine.set_values(AUTODISCOVER, HOSTILE)
    before = wine.registry(AUTODISCOVER)
    out_dir = rf"C:\users\{wine.user}\Documents\outlook files"
    done = wine.run(cli(wine), "apply", "--client", "outlook", *account_args(wine),
                    "--output-dir", out_dir)
    assert done.returncode == 0, done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
    report = json.loads(done.stdout.decode("utf-8"))
    after = wine.registry(AUTODISCOVER)
    assert after is not None
    assert after["PreferLocalXML"] == [4, 1] and after["ExcludeSrvRecord"] == [4, 1]
    assert after["example-church.jp"][1].endswith(
        r"outlook files\autodiscover-example-church.jp.xml")
    assert after["unrelated"] == [4, 7]
    undo = PureWindowsPath(report["backup"])
    assert undo.name == "undo-outlook-autodiscover-example-church.jp.reg"
    restored = wine.run("regedit", "/S", str(undo))
    assert restored.returncode == 0, restored.stderr.decode(errors="replace")
    wine.settle()
    assert wine.registry(AUTODISCOVER) == before


PROFILES_INI = """[General]
StartWithLastProfile=1
Version=2

[Profile0]
Name=default-release
IsRelative=1
Path=Profiles/k3x9.default-release
Default=1
"""

_HOLD_LOCK = r"""
import ctypes, json, sys, time
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
kernel32.CreateFileW.restype = ctypes.c_void_p
# As Thunderbird holds it: open, share mode 0, until the process ends.
handle = kernel32.CreateFileW(sys.argv[1], 0xC0000000, 0, None, 4, 0x80, None)
assert handle not in (None, ctypes.c_void_p(-1).value), ctypes.get_last_error()
open(sys.argv[2], "w").write("held")
time.sleep(600)
"""


def test_thunderbird_profile_found_under_appdata_and_refused_while_locked(
        wine: Wine, installed: Path) -> None:
    root = wine.unix(wine.appdata / "Thunderbird")
    profile = root / "Profiles" / "k3x9.default-release"
    profile.mkdir(parents=True)
    (root / "profiles.ini").write_text(PROFILES_INI, encoding="utf-8")
    (profile / "prefs.js").write_text('user_pref("mail.shell.checkDefaultClient", false);\n',
                                      encoding="utf-8")
    windows_profile = wine.appdata / "Thunderbird" / "Profiles" / "k3x9.default-release"
    dry = wine.run(cli(wine), "apply", "--client", "thunderbird", *account_args(wine), "--dry-run")
    assert dry.returncode == 0, dry.stdout.decode("utf-8") + dry.stderr.decode("utf-8")
    assert json.loads(dry.stdout.decode("utf-8"))["target"] == str(windows_profile / "prefs.js")

    held = wine.home / "held"
    holder = wine.start(r"C:\python\python.exe", "-c", _HOLD_LOCK,
                        str(windows_profile / "parent.lock"),
                        rf"C:\users\{wine.user}\Documents\held")
    try:
        wait_for(held.is_file, "the stand-in Thunderbird holding parent.lock")
        refused = wine.run(cli(wine), "apply", "--client", "thunderbird", *account_args(wine))
        assert refused.returncode == 1, refused.stdout.decode("utf-8")
        assert json.loads(refused.stdout.decode("utf-8"))["error"] == "thunderbird.profile_in_use"
        assert "mail.server" not in (profile / "prefs.js").read_text(encoding="utf-8")
    finally:
        holder.kill()
        holder.wait(60)
    wine.settle()
    written = wine.run(cli(wine), "apply", "--client", "thunderbird", *account_args(wine))
    assert written.returncode == 0, written.stdout.decode("utf-8")
    assert "mail.server.server1.hostname" in (profile / "prefs.js").read_text(encoding="utf-8")

