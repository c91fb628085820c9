"""A member's whole walk: the wizard in a real window under Xvfb (real core, real test bed),
then a real headless Thunderbird 153 on the profile the wizard wrote. Counts what she types
and clicks (README: "From the first page to a first sent mail") and shows that Thunderbird
logs in to Dovecot and Postfix with nothing but what the wizard stored: no prompt."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.testbed import Testbed
from tests.testbed.need import missing
from tests.thunderbird.tb_bed import Bed
from tests.thunderbird.test_real_handover import assert_canary_only_encrypted
from tests.thunderbird.test_real_servers import assert_smtp_auth, log_lines, run_against

pytestmark = [pytest.mark.thunderbird, pytest.mark.gui]
# Thunderbird's own clicks to a first sent mail, counted as for its hub: メッセージ作成, 送信.
THUNDERBIRD_CLICKS = 2
# The target (README): 3 typed, at most 8 clicks from the first page to a first sent mail.
MOST_CLICKS = 8
# Where she clicks: 次へ (account), 確認する (POP/IMAP: both checks, then on by themselves),
# 設定を書き込む, Thunderbird を開く.
CLICKED_ON = ["ACCOUNT", "PROTOCOL", "CLIENT", "DONE"]


def walk_in_x(tmp_path: Path, spec: dict[str, object]) -> dict[str, object]:
    """Run tests/gui/count_walk.py in a real X window (Xvfb); its JSON result."""
    if shutil.which("xvfb-run") is None:
        missing("xvfb-run (package xvfb)")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path / "home"),
           "MAIL_ASSISTANT_CONFIG_DIR": str(tmp_path / "machine-settings")}
    walked = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, "-m",
         "tests.gui.count_walk", json.dumps(spec)],
        capture_output=True, text=True, env=env, timeout=240, check=False)
    assert walked.returncode == 0, walked.stderr[-3000:]
    result: dict[str, object] = json.loads(walked.stdout.strip().splitlines()[-1])
    assert result["platform"] == "xcb"  # a real X window, not offscreen
    return result


def test_wizard_walk_in_a_real_window_then_thunderbird_asks_nothing(
        testbed: Testbed, bed: Bed, tmp_path: Path, compiled_translations: None) -> None:
    user = testbed.scenarios["modern"].user("alice")
    profile = tmp_path / "profile"
    profile.mkdir()
    result = walk_in_x(tmp_path, {
        "dns_server": testbed.dns_server, "ca_file": str(testbed.ca_file),
        "thunderbird_profile": str(profile), "name": "山田 太郎", "email": user.email,
        "password": user.password})
    # Typed: name, address, password.
    assert result["typed"] == 3
    assert result["pages"] == CLICKED_ON and result["clicks"] == 4, result["pages"]
    assert result["clicks"] + THUNDERBIRD_CLICKS <= MOST_CLICKS
    assert result["password_saved"] and result["closed"]
    assert result["opened"] == [[str(profile), None]]
    assert "何も聞かれません" in result["done_text"]
    assert_canary_only_encrypted(profile, user.password)
    # Thunderbird on that profile: only the wizard's logins.json, no test password, no prompt.
    daemon = f"imap-login: Info: Login: user=<{user.login}>"
    before = len(log_lines(testbed, "dovecot", daemon))
    postfix_before = len(log_lines(testbed, "postfix", "disconnect from"))
    run = run_against(testbed, bed, "wizard walk: IMAP 993 + SMTP 465", profile,
                      {993: "imap", 465: "smtp"}, user.login, "unused", [],
                      ("postfix", "connect from"), store_logins=False)
    assert run["marionette_error"] is None
    inbox = run["inbox"]
    assert isinstance(inbox, dict) and inbox["account1"]["total"] == 2, inbox
    assert len(log_lines(testbed, "dovecot", daemon)) > before
    assert_smtp_auth(testbed, postfix_before, starttls=False)


def test_shared_pc_walk_in_a_real_window_gives_her_own_profile_and_stores_nothing(
        testbed: Testbed, tmp_path: Path, compiled_translations: None) -> None:
    """Shared PC: the same clicks; no password box, her own profile registered by her name
    with Thunderbird's chooser at every start, no password anywhere; 「Thunderbird を開く」
    opens her profile by name."""
    user = testbed.scenarios["modern"].user("hanako")
    result = walk_in_x(tmp_path, {
        "dns_server": testbed.dns_server, "ca_file": str(testbed.ca_file), "shared_pc": True,
        "name": "山田 花子", "email": user.email, "password": user.password})
    assert result["typed"] == 3 and result["clicks"] == 4, result["pages"]
    assert result["pages"] == CLICKED_ON
    assert not result["save_password_offered"] and not result["password_saved"]
    assert [member for _folder, member in result["opened"]] == ["山田 花子"]  # -P by name
    assert "パスワードは保存しないでください" in str(result["done_text"])
    root = tmp_path / "home" / ".thunderbird"
    ini = (root / "profiles.ini").read_text(encoding="utf-8")
    assert "Name=山田 花子" in ini and "StartWithLastProfile=0" in ini
    member = next(root.glob("*.member"))
    assert user.email in (member / "prefs.js").read_text(encoding="utf-8")
    assert not (member / "logins.json").exists()
    for path in member.rglob("*"):
        if path.is_file():
            assert user.password.encode() not in path.read_bytes(), path
