"""`apply` without server specs: the probe's recommendation against the real test bed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from tests.testbed import Testbed


def apply(testbed: Testbed, scenario: str, profile: Path,
          capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    user = testbed.scenarios[scenario].user("alice")
    code = main(["apply", "--client", "thunderbird", "--email", user.email, "--name", "Alice",
                 "--dns-server", testbed.dns_server, "--ca-file", str(testbed.ca_file),
                 "--timeout", "20", "--thunderbird-profile", str(profile), "--json"])
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return code, result


def test_modern_server_is_written_with_tls(testbed: Testbed, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    scenario = testbed.scenarios["modern"]
    code, result = apply(testbed, "modern", tmp_path / "p", capsys)
    assert code == 0, result
    changes = "\n".join(result["changes"])  # type: ignore[arg-type]
    assert f'mail.server.server1.hostname: (unset) → "{scenario.mail_host}"' in changes
    # The probe prefers implicit TLS where the server offers it (RFC 8314).
    assert "mail.server.server1.port: (unset) → 993" in changes
    assert "mail.server.server1.socketType: (unset) → 3" in changes
    assert "mail.smtpserver.smtp1.port: (unset) → 465" in changes
    assert "mail.smtpserver.smtp1.try_ssl: (unset) → 3" in changes
    assert (tmp_path / "p" / "prefs.js").is_file()


def test_plaintext_only_server_is_not_written(testbed: Testbed, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, result = apply(testbed, "legacy", tmp_path / "p", capsys)
    assert code == 1
    assert result["error"] == "apply.plaintext_recommendation"
    host = testbed.scenarios["legacy"].mail_host
    assert result["params"] == {"server": f"imap:{host}:143:none"}
    assert not (tmp_path / "p" / "prefs.js").exists()


@pytest.mark.parametrize("timeout", ["0", "-5", "1e9"])
def test_probe_timeout_out_of_range_is_bad_usage(tmp_path: Path, timeout: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """The same check as `probe --timeout`, before any lookup."""
    code = main(["apply", "--client", "thunderbird", "--email", "alice@church.test",
                 "--name", "Alice", "--dns-server", "127.0.0.1:1", "--timeout", timeout,
                 "--thunderbird-profile", str(tmp_path / "p"), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert (code, result["error"]) == (2, "probe.timeout_invalid")
    assert not (tmp_path / "p").exists()
