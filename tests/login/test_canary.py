"""The password never leaks: every login path runs with known secrets (a canary as the wrong
password, the test-bed passwords as right ones) while logs are captured at DEBUG, imaplib's
debug switch is on, and the CLI's output and every file it could write are searched."""

from __future__ import annotations

import base64
import imaplib
import io
import json
import logging
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from assistant import cli
from assistant.login import LoginResult, check_login, sasl
from assistant.login import imap as login_imap
from assistant.login import pop3 as login_pop3
from assistant.settings import Server
from tests.login.conftest import Fake, lines, scripted
from tests.login.test_hostile_servers import imap_refusing_starttls, smtp_script
from tests.paths import ROOT
from tests.testbed import Scenario, Testbed, fakes

CANARY = 'Canary7Q-ゆ "\\ x'  # non-ASCII, quote, backslash, space


def forms(password: str, logins: Iterable[str]) -> set[str]:
    """Every way a password could show up in text: raw, escaped, quoted, base64 (alone, as
    the LOGIN mechanism sends it, and inside each PLAIN blob)."""
    raw = password.encode("utf-8")
    found = {
        password,
        repr(password)[1:-1],
        repr(raw)[2:-1],
        json.dumps(password)[1:-1],
        password.encode("unicode_escape").decode("ascii"),
        password.replace("\\", "\\\\").replace('"', '\\"'),
        base64.b64encode(raw).decode("ascii"),
    }
    for login in logins:
        blob = b"\0" + login.encode("utf-8") + b"\0" + raw
        found.add(base64.b64encode(blob).decode("ascii"))
    return {f for f in found if len(f) >= 6}


class Leaks:
    def __init__(self) -> None:
        self.forms: set[str] = set()

    def add(self, password: str, *logins: str) -> str:
        self.forms |= forms(password, logins)
        return password

    def find(self, text: str) -> list[str]:
        return sorted(f for f in self.forms if f in text)


def dump(result: LoginResult) -> str:
    return "\n".join([repr(result), str(result), result.message("ja"), result.message("en"),
                      json.dumps(result.to_json("ja"), ensure_ascii=False),
                      json.dumps(result.to_json("en"), ensure_ascii=True),
                      repr(result.problem), repr(result.notes)])


def test_forms_are_found() -> None:
    """The search itself works (else the tests below could never fail)."""
    leaks = Leaks()
    leaks.add(CANARY, "alice@church.test")
    blob = base64.b64encode(b"\0alice@church.test\0" + CANARY.encode()).decode()
    assert leaks.find(f"AUTH PLAIN {blob}")
    assert leaks.find(repr(f'LOGIN "x" {CANARY}'.encode()))
    assert leaks.find(json.dumps({"p": CANARY}))
    assert not leaks.find("Canary")


def test_every_login_path(testbed: Testbed, modern: Scenario, legacy: Scenario,
                          selfsigned: Scenario, caplog: pytest.LogCaptureFixture,
                          capfd: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(imaplib, "Debug", 5)  # would make plain imaplib print every command
    leaks = Leaks()
    texts: list[str] = []
    results: list[tuple[str, str]] = []

    def run(scenario: Scenario, protocol: str, port: int, security: str, login: str,
            password: str, **options: object) -> None:
        leaks.add(password, login)
        options.setdefault("ca_file", testbed.ca_file)
        options.setdefault("dns_server", testbed.dns_server)
        options.setdefault("timeout", 15.0)
        server = Server.create(protocol, scenario.mail_host, port, security)
        result = check_login(server, login, password, **options)  # type: ignore[arg-type]
        texts.append(dump(result))
        results.append((f"{scenario.name} {protocol} {port} {security}", result.result))

    def each_endpoint(scenario: Scenario, **options: object) -> None:
        for protocol, port, security in [("imap", 993, "tls"), ("imap", 143, "starttls"),
                                         ("pop3", 995, "tls"), ("pop3", 110, "starttls"),
                                         ("smtp", 465, "tls"), ("smtp", 587, "starttls")]:
            for key in ("alice", "hanako", "quote"):
                user = scenario.user(key)
                run(scenario, protocol, port, security, user.login, user.password, **options)
            run(scenario, protocol, port, security, "alice@" + scenario.domain, CANARY,
                **options)

    each_endpoint(modern)
    # Forced fall-backs: IMAP LOGIN command (quoted / literal), POP3 USER/PASS, SASL LOGIN.
    with monkeypatch.context() as patch:
        patch.setattr(login_imap, "imap_auth_mechanisms", lambda caps: [])
        patch.setattr(login_pop3, "pop3_auth_mechanisms", lambda caps: [])
        each_endpoint(modern)
    with monkeypatch.context() as patch:
        real = sasl.mechanism_order
        patch.setattr(sasl, "mechanism_order", lambda offered, auth, encrypted: [
            m for m in real(offered, auth, encrypted=encrypted) if m != "PLAIN"])
        each_endpoint(modern)
    # Plaintext: refused by us, then with consent; the server's refusal on modern ports.
    for protocol, port in [("imap", 143), ("pop3", 110), ("smtp", 587)]:
        for scenario in (legacy, modern):
            for allow in (False, True):
                for password in (scenario.user("hanako").password, CANARY):
                    run(scenario, protocol, port, "none", "hanako@" + scenario.domain,
                        password, allow_plaintext=allow)
        run(legacy, protocol, port, "starttls", "alice@" + legacy.domain, CANARY)
    # Certificates: rejected, pinned, wrong pin.
    assert selfsigned.cert is not None
    each_endpoint(selfsigned)
    each_endpoint(selfsigned, trust_fingerprint=selfsigned.cert.fingerprint_sha256)
    each_endpoint(selfsigned, trust_fingerprint="0" * 64)
    # Hostile fakes: every AUTH rejected, CRAM-MD5, an echoing server, a downgrade, silence.
    scripts: list[tuple[Callable[..., None], str, str]] = [
        (smtp_script("PLAIN LOGIN CRAM-MD5", {"CRAM-MD5": b"535 no"}), "smtp", "none"),
        (smtp_script("LOGIN", {"LOGIN": b"535 you said " + CANARY.encode()}), "smtp", "none"),
        (smtp_script("PLAIN", {"PLAIN": b"235 ok"}), "smtp", "none"),
        (imap_refusing_starttls, "imap", "starttls"),
    ]
    for script, protocol, security in scripts:
        with scripted(testbed.new_ip(), script) as fake:
            leaks.add(CANARY, "alice@church.test")
            server = Server.create(protocol, fake.ip, fake.port, security)
            result = check_login(server, "alice@church.test", CANARY, allow_plaintext=True,
                                 timeout=1.0)
            texts.append(dump(result))
            results.append((f"fake {protocol} {security}", result.result))
    with fakes.silent(testbed.new_ip(), 0) as silent:
        server = Server.create("pop3", silent.ip, silent.port, "tls")
        result = check_login(server, "alice@church.test", CANARY, timeout=1.0)
        texts.append(dump(result))
        results.append(("silent pop3 tls", result.result))

    outcomes = {r for _, r in results}
    # The paths really ran: every kind of outcome the login check has was produced here.
    assert outcomes >= {"ok", "wrong_credentials", "plaintext_refused", "tls_required",
                        "certificate_invalid", "tls_error", "timeout"}, results
    assert len(results) == 176  # 7 × 24 endpoint runs + 27 plaintext runs + 5 fakes
    captured = capfd.readouterr()
    records = "\n".join(f"{r.name} {r.getMessage()} {r.args!r} {r.exc_text or ''}"
                        for r in caplog.records)
    assert caplog.records, "DEBUG logging should have captured something (imapclient logs)"
    for where, text in [("logs", caplog.text), ("log records", records),
                        ("stdout", captured.out), ("stderr", captured.err),
                        ("results", "\n".join(texts))]:
        assert leaks.find(text) == [], f"password found in {where}"


def test_cli_in_process(testbed: Testbed, modern: Scenario, legacy: Scenario,
                        caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    caplog.set_level(logging.DEBUG)
    leaks = Leaks()
    hanako = modern.user("hanako")
    leaks.add(hanako.password, hanako.login)
    leaks.add(CANARY, hanako.login)
    cases = [
        (modern, "imap", "993", "tls", hanako.password, 0),
        (modern, "smtp", "587", "starttls", CANARY, 1),
        (modern, "pop3", "110", "starttls", hanako.password, 0),
        (legacy, "imap", "143", "none", CANARY, 1),
    ]
    for scenario, protocol, port, security, password, status in cases:
        for extra in (["--json"], []):
            stdin = io.TextIOWrapper(io.BytesIO(password.encode("utf-8") + b"\n"),
                                     encoding="utf-8")
            monkeypatch.setattr(sys, "stdin", stdin)
            code = cli.main(["check-login", f"hanako@{scenario.domain}", "--protocol",
                             protocol, "--host", scenario.mail_host, "--port", port,
                             "--security", security, "--password-stdin", "--dns-server",
                             testbed.dns_server, "--ca-file", str(testbed.ca_file), *extra])
            assert code == status
    captured = capfd.readouterr()
    assert "ログインできました" in captured.out
    for where, text in [("logs", caplog.text), ("stdout", captured.out),
                        ("stderr", captured.err)]:
        assert leaks.find(text) == [], f"password found in {where}"


def test_cli_process_output_and_files(testbed: Testbed, modern: Scenario, legacy: Scenario,
                                      selfsigned: Scenario, tmp_path: Path) -> None:
    """A real process with HOME, TMPDIR and the working folder in tmp_path: search its
    output and every file that appeared there."""
    leaks = Leaks()
    quote = modern.user("quote")
    leaks.add(quote.password, quote.login)
    leaks.add(CANARY, quote.login)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home"),
           "TMPDIR": str(tmp_path / "tmp"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data")}
    for name in ("home", "tmp", "config", "cache", "data", "work"):
        (tmp_path / name).mkdir()
    outputs: list[str] = []
    for scenario, protocol, port, security in [
            (modern, "imap", 143, "starttls"), (modern, "pop3", 995, "tls"),
            (modern, "smtp", 465, "tls"), (legacy, "smtp", 587, "none"),
            (selfsigned, "imap", 993, "tls")]:
        for password in (quote.password, CANARY):
            for extra in (["--json"], ["--lang", "en"], ["--allow-plaintext", "--json"]):
                done = subprocess.run(
                    [sys.executable, "-m", "assistant", "check-login",
                     f"quote@{scenario.domain}", "--protocol", protocol, "--host",
                     scenario.mail_host, "--port", str(port), "--security", security,
                     "--dns-server", testbed.dns_server, "--ca-file", str(testbed.ca_file),
                     "--password-stdin", *extra],
                    input=(password + "\n").encode(), capture_output=True, timeout=60,
                    cwd=tmp_path / "work", env=env)
                assert done.returncode in (0, 1), done.stderr.decode()
                outputs.append(done.stdout.decode() + done.stderr.decode())
    assert any('"result": "ok"' in o for o in outputs)
    assert leaks.find("\n".join(outputs)) == []
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert leaks.find(path.read_bytes().decode("utf-8", "replace")) == [], path


# -- servers that echo what they received, in every form it was sent -------------------------

ASCII_CANARY = 'Quote7Q"\\ canary'  # ASCII, so IMAP LOGIN sends it as a quoted string


def smtp_plain_reply(reply: Callable[[bytes], bytes]):  # type: ignore[no-untyped-def]
    """An ESMTP server offering PLAIN whose answer to AUTH is ``reply(auth_line)``."""
    return smtp_script("PLAIN", {"PLAIN": reply})


def _realigned(prefix: bytes) -> Callable[[bytes], bytes]:
    """Echo the password re-encoded in base64 behind ``prefix`` (another alignment)."""
    def reply(line: bytes) -> bytes:
        blob = base64.b64decode(line.split(b" ")[2])
        password = blob.split(b"\0")[2]
        return b"535 5.7.8 " + base64.b64encode(prefix + password)

    return reply


def _imap_login_echo(conn: socket.socket, fake: Fake) -> None:
    """IMAP without AUTH=: the client uses LOGIN "user" "password"; NO echoes the arguments."""
    conn.sendall(b"* OK fake IMAP\r\n")
    for line in lines(conn, fake):
        tag, _, rest = line.partition(b" ")
        command = rest.split(b" ")[0].upper()
        if command == b"CAPABILITY":
            conn.sendall(b"* CAPABILITY IMAP4rev1\r\n" + tag + b" OK done\r\n")
        elif command == b"LOGIN":
            conn.sendall(tag + b" NO [AUTHENTICATIONFAILED] you sent " + rest + b"\r\n")
        elif command == b"LOGOUT":
            conn.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")
            return
        else:
            conn.sendall(tag + b" BAD what\r\n")


@pytest.mark.parametrize(("protocol", "password", "script"), [
    # The PLAIN blob exactly as sent ("\0login\0password" in base64).
    ("smtp", CANARY, smtp_plain_reply(lambda line: b"535 5.7.8 you sent " + line)),
    # The password's base64 at the other two alignments (and at the first).
    ("smtp", CANARY, smtp_plain_reply(_realigned(b"x"))),
    ("smtp", CANARY, smtp_plain_reply(_realigned(b"xy"))),
    ("smtp", CANARY, smtp_plain_reply(_realigned(b""))),  # a control: masked before the fix too
    # A long line that is not a reply: it used to be cut before masking.
    ("smtp", CANARY, smtp_plain_reply(lambda line: b"x" * 66 + b" " + CANARY.encode() + b" tail")),
    # A control (passed before the fix): a valid reply, the base64 past character 190.
    ("smtp", CANARY, smtp_plain_reply(
        lambda line: b"535 " + b"y" * 190 + base64.b64encode(base64.b64decode(
            line.split(b" ")[2]).split(b"\0")[2]))),
    # IMAP LOGIN's quoted form (backslash and quote escaped).
    ("imap", ASCII_CANARY, _imap_login_echo),
])
def test_echoing_servers_cannot_leak(testbed: Testbed, protocol: str, password: str,
                                     script: Callable[..., None]) -> None:
    leaks = Leaks()
    leaks.add(password, "alice@church.test")
    with scripted(testbed.new_ip(), script) as fake:
        server = Server.create(protocol, fake.ip, fake.port, "none")
        result = check_login(server, "alice@church.test", password, allow_plaintext=True,
                             timeout=5.0)
    assert result.result in ("wrong_credentials", "protocol_error"), result
    text = dump(result)
    assert b" LOGIN " in bytes(fake.received) or b"AUTH PLAIN " in bytes(fake.received)
    assert leaks.find(text) == []
    # Nor a piece of it: the first 6 characters would already be a partial leak.
    assert password[:6] not in text
    assert "********" in text
