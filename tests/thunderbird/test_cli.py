"""`mail-assistant apply --client thunderbird` through the real argument parser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.clients.thunderbird.prefs_syntax import parse_prefs, pref_map

BASE = ["apply", "--client", "thunderbird", "--email", "alice@church.test", "--name", "Alice"]
SPECS = ["--incoming", "imap:mail.church.test:993:tls",
         "--outgoing", "smtp:mail.church.test:587:starttls"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*BASE, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_apply_json_then_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p"
    code, out, _ = run(capsys, *SPECS, "--thunderbird-profile", str(profile), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["schema"] == 1 and result["client"] == "thunderbird"
    assert result["target"] == str(profile / "prefs.js") and result["backup"] is None
    assert "mail.server.server1.socketType: (unset) → 3" in result["changes"]
    code, out, _ = run(capsys, "--incoming", "imap:mail.church.test:143:starttls",
                       "--outgoing", "smtp:mail.church.test:587:starttls",
                       "--thunderbird-profile", str(profile), "--dry-run", "--lang", "en")
    assert code == 0
    assert "dry run" in out and "mail.server.server1.port: 993 → 143" in out
    values = pref_map(parse_prefs((profile / "prefs.js").read_bytes()))
    assert values["mail.server.server1.port"] == 993  # dry run wrote nothing


def test_bad_input_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--incoming", "imap:mail.church.test:993:tls",
                       "--thunderbird-profile", str(tmp_path), "--json")
    assert code == 2 and json.loads(out)["error"] == "apply.both_specs_required"
    code, out, _ = run(capsys, "--incoming", "imap:mail.church.test:99999:tls", "--outgoing",
                       "smtp:mail.church.test:587:starttls", "--json")
    assert code == 2 and json.loads(out)["error"] == "port.out_of_range"


def test_unreadable_prefs_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "prefs.js").write_text('user_pref("a", "open);\n')
    code, out, _ = run(capsys, *SPECS, "--thunderbird-profile", str(tmp_path), "--json")
    assert code == 1
    assert json.loads(out)["error"] == "thunderbird.prefs_unparsable"
    code, _, err = run(capsys, *SPECS, "--thunderbird-profile", str(tmp_path))
    assert code == 1 and "何も変更していません" in err


def test_settings_profile_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.profile import save_profile
    from assistant.profile_model import Contact, SettingsProfile
    from assistant.settings import LoginRule, Protocol, Server, parse_domain

    church = SettingsProfile(
        format_version=1, organisation_ja="教会", organisation_en="Church",
        domains=(parse_domain("church.test"),),
        incoming=(Server.parse_spec("pop3:mail.church.test:995:tls"),
                  Server.parse_spec("imap:mail.church.test:993:tls")),
        outgoing=(Server.parse_spec("smtp:mail.church.test:465:tls"),),
        recommended_protocol=Protocol.IMAP, login_rule=LoginRule.LOCAL_PART, contact=Contact())
    path = tmp_path / "church.mailsetup"
    save_profile(church, path)
    # An unsigned profile file: the volunteer vouches for its host (tests/trust for refusals).
    code, out, _ = run(capsys, "--profile", str(path), "--thunderbird-profile",
                       str(tmp_path / "p"), "--json", "--allow-untrusted", "mail.church.test")
    assert code == 0, out
    values = pref_map(parse_prefs((tmp_path / "p" / "prefs.js").read_bytes()))
    assert values["mail.server.server1.type"] == "imap"  # the recommended protocol
    assert values["mail.server.server1.userName"] == "alice"  # local-part rule
    assert values["mail.smtpserver.smtp1.try_ssl"] == 3
