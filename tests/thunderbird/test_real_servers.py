"""End to end with real servers: `apply` (discovery or specs) → Thunderbird → Dovecot/Postfix.

Thunderbird runs in its loopback-only namespace as in test_real_thunderbird.py; its
connections reach the test bed through Unix-socket relays (tb_harness.UnixRelay). The judge
here is the servers themselves: Thunderbird must log in (Dovecot's log), fetch the seeded
Inbox (2 messages, read back through Marionette) and authenticate to Postfix (its log).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.cli import main
from tests.testbed import Testbed
from tests.thunderbird.tb_bed import TIMINGS, Bed
from tests.thunderbird.tb_harness import UnixRelay, copy_profile, run_thunderbird

pytestmark = pytest.mark.thunderbird


def log_count(path: Path, needle: str) -> int:
    return path.read_text(errors="replace").count(needle) if path.exists() else 0


def log_lines(testbed: Testbed, name: str, needle: str) -> list[str]:
    path = testbed.directory / name / f"{name}.log"
    return [ln for ln in path.read_text(errors="replace").splitlines() if needle in ln]


def assert_smtp_auth(testbed: Testbed, before: int, starttls: bool = False) -> None:
    """Postfix logs a session's commands when it ends (Thunderbird was killed): wait for
    the new "disconnect" line and check that AUTH succeeded (``auth=1``, not ``auth=0/1``)."""
    for _ in range(50):
        new = log_lines(testbed, "postfix", "disconnect from")[before:]
        if any(" auth=" in ln for ln in new):
            break
        time.sleep(0.2)
    sessions = [ln for ln in new if " auth=" in ln]
    assert sessions, new
    assert all(" auth=1 " in ln for ln in sessions), sessions
    if starttls:
        assert all(" starttls=1 " in ln for ln in sessions), sessions


def run_against(testbed: Testbed, bed: Bed, label: str, profile: Path,
                protocols: dict[int, str], user_login: str, password: str,
                origins: list[str], wait_log: tuple[str, str], *, scenario_name: str = "modern",
                store_logins: bool = True, import_ca: bool = True) -> dict[str, object]:
    """``store_logins=False``: Thunderbird has only the passwords the profile holds itself;
    ``import_ca=False``: only the profile's own certificate overrides (see tb_harness)."""
    scenario = testbed.scenarios[scenario_name]
    work = bed.work(label)
    relay = UnixRelay(work, {p: (scenario.ip, p) for p in protocols})
    log = testbed.directory / wait_log[0] / f"{wait_log[0]}.log"
    try:
        copy = copy_profile(profile, work / "profile")
        started = time.monotonic()
        smtp_port = next(p for p, proto in protocols.items() if proto == "smtp")
        result = run_thunderbird(
            copy, work, protocols, ca_pem=testbed.ca_file, cert=bed.cert, key=bed.key,
            logins=[(o, user_login) for o in origins], expect_ports=[],
            smtp={"smtp1": smtp_port}, timeout=60, relays=relay.paths,
            passwords=dict.fromkeys(origins, password), wait_inbox=2,
            wait_files=[(log, wait_log[1], log_count(log, wait_log[1]))], linger=2.0,
            store_logins=store_logins, import_ca=import_ca)
        TIMINGS.append((label, time.monotonic() - started))
    finally:
        relay.close()
    result["copy"] = str(copy)
    return result


def test_discovered_imap_against_dovecot_and_postfix(testbed: Testbed, bed: Bed,
                                                     tmp_path: Path) -> None:
    scenario = testbed.scenarios["modern"]
    alice = scenario.user("alice")
    profile = tmp_path / "p"
    assert main(["apply", "--client", "thunderbird", "--email", alice.email, "--name", "Alice",
                 "--username", alice.login, "--dns-server", testbed.dns_server,
                 "--ca-file", str(testbed.ca_file), "--thunderbird-profile", str(profile),
                 "--json"]) == 0
    before = len(log_lines(testbed, "dovecot", f"imap-login: Info: Login: user=<{alice.login}>"))
    postfix_before = len(log_lines(testbed, "postfix", "disconnect from"))
    result = run_against(testbed, bed, "real Dovecot/Postfix: discovered IMAP 993 + SMTP 465",
                         profile, {993: "imap", 465: "smtp"}, alice.login, alice.password,
                         [f"imap://{scenario.mail_host}", f"smtp://{scenario.mail_host}"],
                         ("postfix", "connect from"))
    assert result["marionette_error"] is None
    inbox = result["inbox"]
    assert isinstance(inbox, dict) and inbox["account1"]["total"] == 2, inbox
    logins = log_lines(testbed, "dovecot", f"imap-login: Info: Login: user=<{alice.login}>")
    assert len(logins) > before and all("TLS" in ln for ln in logins[before:])
    assert_smtp_auth(testbed, postfix_before)


def test_pop3_starttls_against_dovecot(testbed: Testbed, bed: Bed, tmp_path: Path) -> None:
    scenario = testbed.scenarios["modern"]
    user = scenario.user("hanako")  # non-ASCII password
    profile = tmp_path / "p"
    assert main(["apply", "--client", "thunderbird", "--email", user.email, "--name", "花子",
                 "--username", user.login,
                 "--incoming", f"pop3:{scenario.mail_host}:110:starttls",
                 "--outgoing", f"smtp:{scenario.mail_host}:587:starttls",
                 "--thunderbird-profile", str(profile), "--json"]) == 0
    before = len(log_lines(testbed, "dovecot", f"pop3-login: Info: Login: user=<{user.login}>"))
    postfix_before = len(log_lines(testbed, "postfix", "disconnect from"))
    result = run_against(testbed, bed, "real Dovecot: POP3 110 STARTTLS (leave on server)",
                         profile, {110: "pop3", 587: "smtp"}, user.login, user.password,
                         [f"mailbox://{scenario.mail_host}", f"smtp://{scenario.mail_host}"],
                         ("postfix", "connect from"))
    assert result["marionette_error"] is None
    inbox = result["inbox"]
    assert isinstance(inbox, dict) and inbox["account1"]["total"] == 2, inbox
    logins = log_lines(testbed, "dovecot", f"pop3-login: Info: Login: user=<{user.login}>")
    assert len(logins) > before and all("TLS" in ln for ln in logins[before:])
    assert_smtp_auth(testbed, postfix_before, starttls=True)
