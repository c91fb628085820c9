"""The Japanese command line speaks Japanese: every ``--help`` and the human output of probe,
check-login and apply --dry-run against the real test bed carry no English word outside an
allow-list of what is the contract or a name (options, metavars, choices, protocols, hosts,
files, numbers)."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli
from tests.core.test_cli_doc import WIZARD, commands
from tests.paths import ROOT
from tests.testbed import Testbed

# Names, not words: protocols and formats, record types, products, the program and its file.
NAMES = {"IMAP", "POP", "POP3", "SMTP", "SSL", "TLS", "STARTTLS", "DNS", "SRV", "MX", "A",
         "AAAA", "SHA-256", "JSON", "Thunderbird", "Outlook", "mail-assistant", "mailsetup", "pub",
         "prefs", "js", "Caps", "Lock", "URL", "xx"}  # Caps Lock: the key; xx: HTTP's 2xx
# The login methods a server lists (SASL mechanism names, POP3's USER).
MECHANISMS = {"PLAIN", "LOGIN", "USER", "CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256",
              "XOAUTH2", "OAUTHBEARER", "NTLM", "GSSAPI", "APOP", "ANONYMOUS", "EXTERNAL"}
# The values of prefs.js lines as apply shows them (prefs.js syntax), and the test bed's own
# data: its mailbox names as the server reports them, the members' names.
DATA = {"true", "false", "INBOX", "Church", "Alice", "Hanako"}
_TOKEN = re.compile(r"[^\s（）「」、。：:,;()\[\]{}|'\"=→]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


def parser_words() -> set[str]:
    """Every option name, metavar, choice and command of the parser: the contract."""
    found: set[str] = set()
    pending = [cli.build_parser()]
    while pending:
        parser = pending.pop()
        for action in parser._actions:
            found.update(action.option_strings)
            for value in (action.metavar, action.dest if not action.option_strings else None):
                if isinstance(value, str):
                    found.update(_WORD.findall(value))
            if isinstance(action, argparse._SubParsersAction):
                found.update(action.choices)
                pending += action.choices.values()
            elif action.choices:
                found.update(str(choice) for choice in action.choices)
            if action.option_strings and action.metavar is None and action.nargs != 0:
                found.add(action.dest.upper())  # argparse's default metavar (--email EMAIL)
    return found


def english_words(output: str, allowed: set[str]) -> list[str]:
    """The words of ``output`` that are English and not allowed: host names, addresses, paths,
    dotted pref names, options and fingerprints are names, not words."""
    output = re.sub(r'"[^"\n]*"', "", output)  # prefs.js string values
    output = re.sub(r"サーバーの応答: [^）\n]*", "", output)  # the server's own reply, quoted
    output = re.sub(r"https?://\S+", "", output)
    found: list[str] = []
    for token in _TOKEN.findall(output):
        if token.startswith("-") or any(c in token for c in "./@\\") \
                or re.fullmatch(r"[0-9A-F:]+", token):
            continue
        found += [w for w in _WORD.findall(token) if w not in allowed
                  and w.upper() not in NAMES and w.rstrip("s") not in allowed]
    return found


def allowed_words() -> set[str]:
    return parser_words() | NAMES | MECHANISMS | DATA


def _help(command: str) -> str:
    argv = ["--help"] if command == WIZARD else [*command.split(), "--help"]
    done = _run(argv)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _run(argv: list[str], stdin: str | None = None,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *argv], input=stdin,
                          stdin=None if stdin is not None else subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_the_check_finds_english_and_passes_names() -> None:
    allowed = allowed_words()
    assert english_words("usage: mail-assistant probe [-h] email", allowed) == ["usage"]
    assert english_words("  mail.identity.id1.fullName: (unset) → \"Alice\"", allowed) == [
        "unset"]
    assert english_words("IMAP mail.church.test:993 暗号化（TLS） --dns-server IP[:PORT] "
                         "AB:CD:01 SHA-256 /tmp/x/prefs.js", allowed) == []
    assert english_words("  srv: mail.church.test  [priority 0]", allowed) == ["priority"]


@pytest.mark.parametrize("command", commands())
def test_every_help_is_japanese(command: str) -> None:
    output = _help(command)
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", output)
    assert english_words(output, allowed_words()) == [], output


@pytest.mark.parametrize("argv", [["probe"], ["check-login", "a@b.test", "--protocol", "x"],
                                  ["probe", "a@b.test", "--timeout", "abc"], ["--bogus"]])
def test_argparse_errors_are_japanese(argv: list[str]) -> None:
    done = _run(argv)
    assert done.returncode == 2
    given = set(argv)  # the values typed in ("x", "abc") come back as they were
    assert english_words(done.stderr, allowed_words() | given) == [], done.stderr


def test_english_help_is_english() -> None:
    done = _run(["apply", "--help", "--lang", "en"])
    assert "usage: mail-assistant apply" in done.stdout
    assert "show the changes, write nothing" in done.stdout


def _bed(testbed: Testbed) -> list[str]:
    return ["--dns-server", testbed.dns_server, "--ca-file", str(testbed.ca_file)]


def test_probe_output_is_japanese(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    done = _run(["probe", modern.user("alice").email, *_bed(testbed)])
    assert done.returncode == 0, done.stderr
    assert english_words(done.stdout + done.stderr, allowed_words()) == [], done.stdout


def test_check_login_output_is_japanese(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    user = modern.user("hanako")
    server = ["--protocol", "imap", "--host", modern.mail_host, "--port", "993",
              "--security", "tls", *_bed(testbed), "--password-stdin"]
    for password, status in ((user.password, 0), ("wrong", 1)):
        done = _run(["check-login", user.email, *server], stdin=password + "\n")
        assert done.returncode == status, done.stderr
        assert english_words(done.stdout + done.stderr, allowed_words()) == [], done


def test_apply_dry_run_output_is_japanese(testbed: Testbed, tmp_path: Path) -> None:
    """By discovery into a PC without Thunderbird profiles: "(new profile)" and "(unset)"."""
    modern = testbed.scenarios["modern"]
    home = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / ".config")}
    done = _run(["apply", "--client", "thunderbird", "--email", modern.user("alice").email,
                 "--name", "Alice", "--dry-run", *_bed(testbed)], env=home)
    assert done.returncode == 0, done.stderr
    assert english_words(done.stdout + done.stderr, allowed_words()) == [], done.stdout
    english = _run(["apply", "--client", "thunderbird", "--email", modern.user("alice").email,
                    "--name", "Alice", "--dry-run", "--lang", "en", *_bed(testbed)], env=home)
    assert "(dry run: nothing was written)" in english.stdout


# --- what a timed-out wait was for (assistant/net) ----------------------------------------

_WAITS = re.compile(r'(?:what(?:: str)? ?= ?|Timeout\(|\.check\([^,()]+, )f?"([^"]*)"')


def waits_in_the_source() -> set[str]:
    """Every literal ``what`` of assistant/net, its {fields} filled in as at run time."""
    found: set[str] = set()
    for path in (ROOT / "assistant" / "net").glob("*.py"):
        for what in _WAITS.findall(path.read_text(encoding="utf-8")):
            found.add(re.sub(r"\{[^}]*\}", "mail.church.test", what))
    return found - {""}  # Deadline.check's default: no word, the general phrase


def test_the_source_scan_finds_the_waits() -> None:
    assert {"tls handshake", "greeting", "send", "read",
            "connect mail.church.test:mail.church.test"} <= waits_in_the_source()


@pytest.mark.parametrize("what", sorted(waits_in_the_source()))
def test_every_timeout_reason_reads_in_japanese(what: str) -> None:
    """The sentence shows a phrase of the catalogue for each wait, not the machine word; the
    machine word stays the error's ``detail`` (and its JSON)."""
    from assistant.commands.output import _jsonable
    from assistant.messages import text
    from assistant.net.errors import Timeout

    error = Timeout(what)
    assert error.params["step"].code != "net.step.other", f"no phrase for {what!r}"
    japanese = text(error, "ja")
    assert what not in japanese and english_words(japanese, allowed_words()) == [], japanese
    assert f"({text(error.params['step'], 'en')})" in text(error, "en")
    assert _jsonable(error.params) == {"detail": what, "step": error.params["step"].code}


def test_a_silent_server_times_out_in_japanese(testbed: Testbed) -> None:
    """probe --host on a server that accepts and never answers: TLS never starts on 993."""
    from tests.testbed.fakes import silent

    ip = testbed.new_ip()
    with silent(ip, 993):
        done = _run(["probe", "alice@church.test", "--host", ip, "--timeout", "3"])
    line = next(line for line in done.stdout.splitlines() if line.startswith(f"  IMAP {ip}:993"))
    detail = done.stdout.split(line, 1)[1].splitlines()[1]
    assert "暗号化（TLS）の開始" in detail, done.stdout
    # Not yet done: the other ports' net.refused shows the system's error name (ECONNREFUSED).
    assert english_words(done.stdout, allowed_words() | {"ECONNREFUSED"}) == [], done.stdout


def test_check_autoconfig_failures_read_in_japanese(testbed: Testbed) -> None:
    """Every URL fails for the legacy church: each line is the failure's sentence."""
    done = _run(["check-autoconfig", testbed.scenarios["legacy"].domain, *_bed(testbed)])
    assert done.returncode == 1, done.stderr
    assert "DNS で引けませんでした" in done.stdout
    # Not yet done: the system's words inside net.dns_error and net.refused.
    pending = {"nxdomain", "ECONNREFUSED"}
    assert english_words(done.stdout, allowed_words() | pending) == [], done.stdout
