"""Holes an attacker's review found, each closed: an unsigned profile asking for plaintext,
a profile's trust taken for granted by default, and foreign code in the current folder
reading the password on its way to Thunderbird's store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.clients.thunderbird.nss import helper_command
from assistant.discovery import discover
from assistant.probe import ProbeOptions
from assistant.profile import dump_profile
from assistant.profile_model import Contact, SettingsProfile
from assistant.settings import LoginRule, Protocol, Server, parse_domain

DOMAIN = "victim.test"


def plaintext_profile(path: Path) -> Path:
    profile = SettingsProfile(
        format_version=1, organisation_ja="見本教会", organisation_en="Sample",
        domains=(parse_domain(DOMAIN),),
        incoming=(Server.parse_spec(f"imap:mail.{DOMAIN}:143:none"),),
        outgoing=(Server.parse_spec(f"smtp:mail.{DOMAIN}:587:none"),),
        recommended_protocol=Protocol.IMAP, login_rule=LoginRule.ADDRESS,
        contact=Contact(phone="03-0000-0000"))
    path.write_text(dump_profile(profile), encoding="utf-8")
    return path


def test_allowing_an_unsigned_profile_does_not_allow_plaintext(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.embedded.embedded_profile_path", lambda: None)
    path = plaintext_profile(tmp_path / "plain.mailsetup")
    code = main(["apply", "--client", "thunderbird", "--email", f"m@{DOMAIN}", "--name", "M",
                 "--profile", str(path), "--allow-untrusted", f"mail.{DOMAIN}",
                 "--thunderbird-profile", str(tmp_path / "tb"), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1 and result["error"] == "apply.plaintext_recommendation"
    assert not (tmp_path / "tb" / "prefs.js").exists()


def test_an_allowed_unsigned_profile_is_listed_in_the_warnings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.embedded.embedded_profile_path", lambda: None)
    path = plaintext_profile(tmp_path / "p.mailsetup")
    path.write_text(path.read_text(encoding="utf-8").replace(":143", ":993").replace(
        ":587", ":465").replace('"none"', '"tls"'), encoding="utf-8")
    code = main(["apply", "--client", "thunderbird", "--email", f"m@{DOMAIN}", "--name", "M",
                 "--profile", str(path), "--allow-untrusted", f"mail.{DOMAIN}",
                 "--thunderbird-profile", str(tmp_path / "tb"), "--dry-run", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0, result
    assert [w["code"] for w in result["warnings"]].count("apply.untrusted_allowed") == 2


def test_a_profile_is_untrusted_unless_the_caller_says_otherwise() -> None:
    assert ProbeOptions().profile_trusted is False
    assert discover.__kwdefaults__["profile_trusted"] is False


def test_the_nss_helper_ignores_modules_in_the_current_folder(tmp_path: Path) -> None:
    """A folder holding its own ``assistant`` package must not receive the helper's stdin."""
    fake = tmp_path / "assistant"
    fake.mkdir()
    stolen = tmp_path / "STOLEN"
    (fake / "__init__.py").write_text("")
    (fake / "__main__.py").write_text(
        f"import sys, pathlib; pathlib.Path({str(stolen)!r}).write_text(sys.stdin.read())\n")
    command = helper_command()
    assert command[0] == sys.executable
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run(command, input=b"{}", cwd=tmp_path, capture_output=True, timeout=60,
                   check=False, env=env)
    assert not stolen.exists()


def test_a_login_without_a_count_does_not_say_none() -> None:
    from assistant.messages import text

    for lang in ("ja", "en"):
        sentence = text("login.ok_uncounted", lang, protocol="IMAP", mechanism="PLAIN")
        assert "None" not in sentence and "IMAP" in sentence


def test_the_wizards_server_check_refuses_a_forged_profile_before_any_probe(
        tmp_path: Path) -> None:
    """Even if a page let a forged profile through, the core's check refuses its foreign
    servers before the probe, so no question with a "yes" can follow."""
    import threading

    from assistant.errors import AssistantError
    from assistant.profile_trust import LoadedProfile, TrustLevel
    from assistant.settings import parse_email
    from assistant.signature import SignatureCheck, SignatureStatus
    from assistant.wizard.checks import Network, ServerCheckInput, run_server_check

    forged = SettingsProfile(
        format_version=1, organisation_ja="見本教会", organisation_en="Sample",
        domains=(parse_domain(DOMAIN),),
        incoming=(Server.parse_spec("imap:mail.evil.example:993:tls"),),
        outgoing=(Server.parse_spec("smtp:mail.evil.example:465:tls"),),
        recommended_protocol=Protocol.IMAP, login_rule=LoginRule.ADDRESS,
        contact=Contact(phone="03-0000-0000"))
    loaded = LoadedProfile(forged, TrustLevel.UNTRUSTED, tmp_path / "forged.mailsetup",
                           SignatureCheck(SignatureStatus.UNSIGNED))
    check = ServerCheckInput(parse_email(f"m@{DOMAIN}"), Protocol.IMAP, loaded, Network())

    class Hooks:
        cancel = threading.Event()

        def progress(self, item: object) -> None: ...

        def ask(self, question: object) -> bool:
            raise AssertionError("no question may be asked")

    def probe(*_: object) -> object:
        raise AssertionError("nothing may be probed")

    with pytest.raises(AssistantError) as refused:
        run_server_check(check, Hooks(), probe)  # type: ignore[arg-type]
    assert refused.value.code == "trust.server_outside_domain"
