"""``mail-assistant check-login … --password-stdin --json`` as a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.paths import ROOT
from tests.testbed import Scenario, Testbed


def cli(*args: str, stdin: str | None, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "check-login", *args],
        input=None if stdin is None else stdin.encode("utf-8"),
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True, cwd=cwd or ROOT, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def bed_args(testbed: Testbed, scenario: Scenario, protocol: str, port: int,
             security: str) -> list[str]:
    return ["--protocol", protocol, "--host", scenario.mail_host, "--port", str(port),
            "--security", security, "--dns-server", testbed.dns_server,
            "--ca-file", str(testbed.ca_file), "--timeout", "15"]


def as_json(done: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(done.stdout)
    return data


@pytest.mark.parametrize(("protocol", "port", "security", "count"), [
    ("imap", 993, "tls", 2), ("imap", 143, "starttls", 2), ("pop3", 995, "tls", 2),
    ("pop3", 110, "starttls", 2), ("smtp", 465, "tls", None), ("smtp", 587, "starttls", None),
])
def test_ok_and_wrong(testbed: Testbed, modern: Scenario, protocol: str, port: int,
                      security: str, count: int | None) -> None:
    user = modern.user("hanako")
    args = [user.email, *bed_args(testbed, modern, protocol, port, security),
            "--password-stdin", "--json"]
    done = cli(*args, stdin=user.password + "\n")
    assert done.returncode == 0, done.stderr.decode()
    data = as_json(done)
    assert data["schema"] == 1
    assert (data["result"], data["mechanism"], data["inbox_count"]) == ("ok", "PLAIN", count)
    assert data["server"] == {"protocol": protocol, "host": modern.mail_host, "port": port,
                              "security": security}
    assert "ログインできました" in data["message"] or "認証" in data["message"]
    assert data["fingerprint_sha256"].count(":") == 31

    wrong = cli(*args, stdin="wrong\n")
    assert wrong.returncode == 1
    assert as_json(wrong)["result"] == "wrong_credentials"


def test_username_option_and_english(testbed: Testbed, modern: Scenario) -> None:
    bob = modern.user("bob")
    done = cli(bob.email, *bed_args(testbed, modern, "imap", 993, "tls"), "--username",
               bob.login, "--password-stdin", "--json", "--lang", "en",
               stdin=bob.password + "\r\n")  # CRLF from a Windows pipe is stripped too
    assert done.returncode == 0, done.stdout.decode()
    data = as_json(done)
    assert data["login"] == bob.login
    assert data["message"].startswith("Login succeeded")
    assert set(data["folders"]) == {"INBOX", "Church"}


def test_password_keeps_its_spaces(testbed: Testbed, modern: Scenario) -> None:
    quote = modern.user("quote")
    assert quote.password.endswith("amen")
    done = cli(quote.email, *bed_args(testbed, modern, "smtp", 587, "starttls"),
               "--password-stdin", "--json", stdin=quote.password + "\n")
    assert (done.returncode, as_json(done)["result"]) == (0, "ok")


def test_plaintext_refused_then_allowed(testbed: Testbed, legacy: Scenario) -> None:
    alice = legacy.user("alice")
    args = [alice.email, *bed_args(testbed, legacy, "imap", 143, "none"), "--password-stdin",
            "--json"]
    refused = cli(*args, stdin=alice.password + "\n")
    assert (refused.returncode, as_json(refused)["result"]) == (1, "plaintext_refused")
    allowed = cli(*args, "--allow-plaintext", stdin=alice.password + "\n")
    assert (allowed.returncode, as_json(allowed)["result"]) == (0, "ok")


def test_certificate_and_pin(testbed: Testbed, selfsigned: Scenario) -> None:
    alice = selfsigned.user("alice")
    args = [alice.email, *bed_args(testbed, selfsigned, "pop3", 995, "tls"), "--password-stdin",
            "--json"]
    refused = cli(*args, stdin=alice.password + "\n")
    data = as_json(refused)
    assert (refused.returncode, data["result"]) == (1, "certificate_invalid")
    assert selfsigned.cert is not None
    assert data["fingerprint_sha256"] == selfsigned.cert.fingerprint_sha256
    pinned = cli(*args, "--trust-fingerprint", data["fingerprint_sha256"],
                 stdin=alice.password + "\n")
    assert (pinned.returncode, as_json(pinned)["result"]) == (0, "ok")
    wrong = cli(*args, "--trust-fingerprint", "ab" * 32, stdin=alice.password + "\n")
    assert (wrong.returncode, as_json(wrong)["result"]) == (1, "certificate_invalid")


def test_text_output(testbed: Testbed, modern: Scenario) -> None:
    alice = modern.user("alice")
    done = cli(alice.email, *bed_args(testbed, modern, "imap", 993, "tls"), "--password-stdin",
               stdin=alice.password + "\n")
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "受信トレイに 2 通" in out and "Church" in out and "SHA-256" in out
    failed = cli(alice.email, *bed_args(testbed, modern, "imap", 993, "tls"),
                 "--password-stdin", "--lang", "en", stdin="nope\n")
    assert failed.returncode == 1
    assert "not correct" in failed.stderr.decode()


@pytest.mark.parametrize(("extra", "stdin", "code"), [
    ([], None, "cli.password_missing"),                      # no --password-stdin, no TTY
    (["--password-stdin"], "\n", "login.password_empty"),
    (["--password-stdin"], "", "login.password_empty"),
    (["--password-stdin", "--trust-fingerprint", "12:34"], "pw\n", "login.bad_fingerprint"),
    (["--password-stdin", "--dns-server", "dns.example"], "pw\n", "login.bad_dns_server"),
    (["--password-stdin", "--ca-file", "/nonexistent.pem"], "pw\n", "ca_file.unreadable"),
    (["--password-stdin", "--ca-file", "/dev/zero"], "pw\n", "ca_file.unreadable"),
    (["--password-stdin", "--ca-file", __file__], "pw\n", "ca_file.invalid"),
    (["--password-stdin", "--username", ""], "pw\n", "login.empty"),
    (["--password-stdin", "--dns-server", ""], "pw\n", "login.bad_dns_server"),
    (["--password-stdin", "--timeout", "0"], "pw\n", "login.bad_timeout"),
    (["--password-stdin", "--port", "70000"], "pw\n", "port.out_of_range"),
])
def test_bad_usage_exits_2(extra: list[str], stdin: str | None, code: str) -> None:
    # A DNS server that answers nothing (the cases' own --dns-server comes later and wins), in
    # case a check ever moved behind the first lookup.
    args = ["alice@church.test", "--protocol", "imap", "--host", "mail.church.test",
            "--port", "993", "--security", "tls", "--json", "--dns-server", "127.0.0.1:1",
            *extra]
    done = cli(*args, stdin=stdin)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert as_json(done)["error"] == code


def test_bad_address_and_missing_option_exit_2() -> None:
    done = cli("not-an-address", "--protocol", "imap", "--host", "h.example", "--port", "993",
               "--security", "tls", "--password-stdin", "--json", "--dns-server", "127.0.0.1:1",
               stdin="pw\n")
    assert (done.returncode, as_json(done)["error"]) == (2, "email.missing_at")
    missing = cli("a@b.example", "--protocol", "imap", "--host", "h.example",
                  "--password-stdin", "--dns-server", "127.0.0.1:1", stdin="pw\n")
    assert missing.returncode == 2  # argparse: --port and --security are required
