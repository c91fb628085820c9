"""Small ones, tried as a volunteer would on the command line: one true sentence
for an unchanged re-run, empty paths and inapplicable options refused, the sheet's notes once
per host and IDN logins in both forms, and a plain message when there is no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.clients.exports.sheet import sheet_html
from assistant.clients.exports.source import ExportSettings
from assistant.settings import LoginRule, Server, parse_email


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                          text=True, timeout=120, check=False, env=env)


def apply(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "tb"
    profile.mkdir(exist_ok=True)
    return cli("apply", "--client", "thunderbird", "--email", "taro@church.test", "--name",
               "Taro", "--incoming", "imap:mail.church.test:993:tls", "--outgoing",
               "smtp:mail.church.test:465:tls", "--thunderbird-profile", str(profile),
               "--lang", "en", *extra)


def test_an_unchanged_rerun_says_one_true_sentence(tmp_path: Path) -> None:
    first = apply(tmp_path)
    assert first.returncode == 0, first.stderr
    again = apply(tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Nothing was changed" in again.stdout
    assert "it was updated" not in again.stdout


@pytest.mark.parametrize("option", ["--thunderbird-profile", "--output-dir", "--ca-file"])
def test_empty_paths_are_usage_errors(tmp_path: Path, option: str) -> None:
    done = apply(tmp_path, option, "")
    assert done.returncode == 2 and f"{option} was given an empty value" in done.stderr


@pytest.mark.parametrize("command", [
    ["probe", "a@church.test", "--dns-server", "127.0.0.1:9"],
    ["apply", "--client", "thunderbird", "--email", "a@church.test", "--name", "A"],
    ["export", "--format", "sheet", "--output", "out.html"],
])
def test_empty_profile_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    done = cli(*command, "--profile", "")
    assert done.returncode == 2
    before = cli("--profile", "", *command)
    assert before.returncode == 2


@pytest.mark.parametrize("option", [["--pop-delete-after-days", "30"],
                                    ["--pop-no-leave-on-server"]])
def test_pop_options_on_an_imap_account_are_errors(tmp_path: Path, option: list[str]) -> None:
    done = apply(tmp_path, *option)
    assert done.returncode == 2 and "apply only to a POP account" in done.stderr


def test_sheet_note_once_per_host_and_idn_login_in_both_forms() -> None:
    plain = Server.create("imap", "mail.church.test", 143, "none")
    smtp = Server.create("smtp", "mail.church.test", 587, "none")
    email = parse_email("taro@教会.jp")
    settings = ExportSettings(("xn--xkry9kk1bz66a.jp",), (plain,), (smtp,), LoginRule.ADDRESS,
                              email=email)
    html = sheet_html(settings, "en")
    assert html.count("is not encrypted") == 1
    assert "taro@教会.jp" in html and "taro@xn--" in html


def test_no_display_gives_a_plain_message() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = cli("--lang", "en", env=env)
    assert done.returncode == 1
    assert "No display was found" in done.stderr and "xcb" not in done.stderr
    assert "画面（ディスプレイ）が見つからない" in cli(env=env).stderr
