"""End to end: `apply` writes, a real headless Thunderbird 153 reads, a recording server watches.

Every check runs Thunderbird on a COPY of the written profile inside a private network
namespace (see tb_harness.py). What counts is what reaches the server: host (SNI), port, TLS
mode (implicit, or STARTTLS before any credentials), and the username; plus what Thunderbird
itself reports through Marionette (accounts, identities, SMTP servers).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from assistant.cli import main
from assistant.clients.thunderbird import apply_account
from assistant.clients.thunderbird.prefs_syntax import parse_prefs, pref_map
from assistant.clients.thunderbird.profiles import default_profile_in
from assistant.settings import Account, AuthMethod, EmailAddress, Protocol, Security, Server
from assistant.settings import Domain as D
from tests.thunderbird.tb_bed import Bed

pytestmark = pytest.mark.thunderbird

OTHER_PREFS = """\
user_pref("mail.accountmanager.accounts", "account1");
user_pref("mail.accountmanager.defaultaccount", "account1");
user_pref("mail.account.lastKey", 1);
user_pref("mail.account.account1.server", "server1");
user_pref("mail.account.account1.identities", "id1");
user_pref("mail.identity.id1.fullName", "Other \\"Person\\" \\\\ 他");
user_pref("mail.identity.id1.useremail", "other@example.org");
user_pref("mail.identity.id1.smtpServer", "smtp1");
user_pref("mail.server.server1.type", "imap");
user_pref("mail.server.server1.hostname", "imap.example.org");
user_pref("mail.server.server1.port", 993);
user_pref("mail.server.server1.socketType", 3);
user_pref("mail.server.server1.authMethod", 3);
user_pref("mail.server.server1.userName", "other@example.org");
user_pref("mail.server.server1.login_at_startup", true);
user_pref("mail.smtpservers", "smtp1");
user_pref("mail.smtp.defaultserver", "smtp1");
user_pref("mail.smtpserver.smtp1.hostname", "smtp.example.org");
user_pref("mail.smtpserver.smtp1.port", 465);
user_pref("mail.smtpserver.smtp1.try_ssl", 3);
user_pref("mail.smtpserver.smtp1.authMethod", 3);
user_pref("mail.smtpserver.smtp1.username", "other@example.org");
"""
OTHER_LOGINS = [("imap://imap.example.org", "other@example.org"),
                ("smtp://smtp.example.org", "other@example.org")]


@pytest.fixture(scope="module")
def thunderbird_made_profile(bed: Bed) -> Path:
    """A profile with another account that Thunderbird itself has run on and rewritten.

    Its own checks are loose (it only prepares the profile); the tests below are strict.
    """
    seed = bed.work("seed")
    (seed / "p").mkdir()
    (seed / "p" / "prefs.js").write_text(OTHER_PREFS, encoding="utf-8")
    result = bed.run("seed: other account only, Thunderbird rewrites it", seed / "p",
                     {993: "imap", 465: "smtp"}, OTHER_LOGINS, expect_ports=[993], smtp={},
                     work=seed)
    profile = Path(result["copy"])
    values = pref_map(parse_prefs((profile / "prefs.js").read_bytes()))
    assert values["mail.server.server1.hostname"] == "imap.example.org"
    assert "mail.accountmanager.localfoldersserver" in values  # written by Thunderbird
    return profile


def apply_cli(*args: str) -> None:
    assert main(["apply", "--client", "thunderbird", "--json", *args]) == 0


def by(result: dict[str, Any], port: int, sni: str | None = None) -> list[dict[str, Any]]:
    found = [c for c in result["connections"] if c["port"] == port and c["user"]
             and (sni is None or c["sni"] == sni)]
    assert found, f"no login on port {port} ({sni}): {result['connections']}"
    return found


def assert_clean(result: dict[str, Any]) -> None:
    """Thunderbird parsed every pref file completely."""
    assert result["prefs_parse_errors"] == []
    assert not result["invalid_prefs_written"]
    assert result["marionette_error"] is None


def assert_starttls(conn: dict[str, Any], first: str) -> None:
    assert conn["tls"] == "starttls"
    assert conn["plain_commands"][0] == first
    assert not {"AUTH", "AUTHENTICATE", "LOGIN", "USER", "PASS"} & set(conn["plain_commands"])


def account_for(result: dict[str, Any], email: str) -> list[dict[str, Any]]:
    return [a for a in result["readback"]["accounts"]
            if any(i["email"] == email for i in a["identities"])]


def test_fresh_default_profile_imap_tls_and_smtp_starttls(
        bed: Bed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No profile yet: `apply` creates one; Thunderbird (without --profile) must pick it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    apply_cli("--email", "alice@church.test", "--name", "Alice Example",
              "--incoming", "imap:mail.church.test:993:tls",
              "--outgoing", "smtp:mail.church.test:587:starttls")
    created = default_profile_in(home / ".thunderbird")
    assert created is not None and (created / "prefs.js").is_file()
    work = bed.work("fresh")
    shutil.copytree(home, work / "home")
    copy = work / "home" / created.relative_to(home)
    result = bed.run("fresh profile, found via profiles.ini: IMAP 993 TLS + SMTP 587 STARTTLS",
                     copy, {993: "imap", 587: "smtp"},
                     [("imap://mail.church.test", "alice@church.test"),
                      ("smtp://mail.church.test", "alice@church.test")],
                     expect_ports=[993], smtp={"smtp1": 587}, pass_profile=False, work=work)
    assert_clean(result)
    imap = by(result, 993)[0]
    assert (imap["tls"], imap["sni"], imap["user"]) == ("implicit", "mail.church.test",
                                                         "alice@church.test")
    assert imap["plain_commands"] == []
    smtp = by(result, 587)[0]
    assert_starttls(smtp, "EHLO")
    assert (smtp["sni"], smtp["user"]) == ("mail.church.test", "alice@church.test")
    # Thunderbird used our profile: no second profile appeared in profiles.ini.
    assert default_profile_in(work / "home" / ".thunderbird") == copy
    assert not [p for p in (work / "home" / ".thunderbird").iterdir()
                if p.name.endswith(".default-default") and p != copy]
    [alice] = account_for(result, "alice@church.test")
    assert (alice["type"], alice["port"], alice["socketType"]) == ("imap", 993, 3)
    assert alice["identities"][0]["fullName"] == "Alice Example"


def test_pop3_next_to_an_existing_account(bed: Bed, thunderbird_made_profile: Path,
                                          tmp_path: Path) -> None:
    profile = tmp_path / "existing"
    shutil.copytree(thunderbird_made_profile, profile)
    apply_cli("--email", "alice@church.test", "--name", "Alice",
              "--incoming", "pop3:mail.church.test:110:starttls",
              "--outgoing", "smtp:mail.church.test:587:starttls",
              "--pop-delete-after-days", "14", "--thunderbird-profile", str(profile))
    written = pref_map(parse_prefs((profile / "prefs.js").read_bytes()))
    assert written["mail.accountmanager.defaultaccount"] == "account1"  # unchanged
    result = bed.run("existing TB-made profile + POP3 110 STARTTLS + SMTP 587 STARTTLS",
                     profile, {993: "imap", 465: "smtp", 110: "pop3", 587: "smtp"},
                     [*OTHER_LOGINS, ("mailbox://mail.church.test", "alice@church.test"),
                      ("smtp://mail.church.test", "alice@church.test")],
                     expect_ports=[110, 993], smtp={"smtp1": 465, "smtp2": 587})
    assert_clean(result)
    pop = by(result, 110)[0]
    assert_starttls(pop, "CAPA")
    assert "STLS" in pop["plain_commands"]
    assert (pop["sni"], pop["user"]) == ("mail.church.test", "alice@church.test")
    other = by(result, 993, "imap.example.org")[0]
    assert (other["tls"], other["user"]) == ("implicit", "other@example.org")
    smtp_new = by(result, 587)[0]
    assert_starttls(smtp_new, "EHLO")
    assert smtp_new["user"] == "alice@church.test"
    smtp_other = by(result, 465)[0]
    assert (smtp_other["tls"], smtp_other["sni"], smtp_other["user"]) == (
        "implicit", "smtp.example.org", "other@example.org")
    accounts = result["readback"]["accounts"]
    assert sorted(a["type"] for a in accounts) == ["imap", "none", "pop3"]
    [other_account] = account_for(result, "other@example.org")
    assert other_account["identities"][0]["fullName"] == 'Other "Person" \\ 他'
    assert (other_account["host"], other_account["port"]) == ("imap.example.org", 993)


def test_rerun_updates_and_imap_starttls_comes_first(bed: Bed, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    common = ["--email", "bob@church.test", "--name", "Bob", "--username", "bob",
              "--thunderbird-profile", str(profile)]
    apply_cli(*common, "--incoming", "imap:mail.church.test:993:tls",
              "--outgoing", "smtp:mail.church.test:587:starttls")
    apply_cli(*common, "--incoming", "imap:mail.church.test:143:starttls",
              "--outgoing", "smtp:mail.church.test:465:tls")
    assert len(list(profile.glob("prefs.js.*.bak"))) == 1
    result = bed.run("re-run: IMAP 143 STARTTLS + SMTP 465 TLS, one account", profile,
                     {143: "imap", 993: "imap", 465: "smtp", 587: "smtp"},
                     [("imap://mail.church.test", "bob"), ("smtp://mail.church.test", "bob")],
                     expect_ports=[143], smtp={"smtp1": 465})
    assert_clean(result)
    imap = by(result, 143)[0]
    assert_starttls(imap, "STARTTLS")
    assert (imap["sni"], imap["user"]) == ("mail.church.test", "bob")
    assert not [c for c in result["connections"] if c["port"] in (993, 587)]
    smtp = by(result, 465)[0]
    assert (smtp["tls"], smtp["sni"], smtp["user"]) == ("implicit", "mail.church.test", "bob")
    [bob] = account_for(result, "bob@church.test")
    assert (bob["port"], bob["socketType"]) == (143, 2)
    assert [s["port"] for s in result["readback"]["smtp"]] == [465]


HOSTILE_NAME = ('O\'Brien "Q" \\ "); user_pref("mail.server.server1.socketType", 0); // '
                "山田 太郎 ✝ " + "長" * 60)
HOSTILE_LOGIN = 'x");user_pref("mail.server.server1.port",1);//\\'


def test_hostile_values_through_the_cli(bed: Bed, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    apply_cli("--email", "h@church.test", "--name", HOSTILE_NAME, "--username", HOSTILE_LOGIN,
              "--incoming", "imap:mail.church.test:143:starttls",
              "--outgoing", "smtp:mail.church.test:587:starttls",
              "--thunderbird-profile", str(profile))
    result = bed.run("hostile name/login via CLI: IMAP 143 STARTTLS", profile,
                     {143: "imap", 587: "smtp"},
                     [("imap://mail.church.test", HOSTILE_LOGIN),
                      ("smtp://mail.church.test", HOSTILE_LOGIN)],
                     expect_ports=[143], smtp={"smtp1": 587})
    check_hostile(result, HOSTILE_NAME, HOSTILE_LOGIN, 143, 2)


def test_hostile_values_bypassing_validation(bed: Bed, tmp_path: Path) -> None:
    """The writer alone must hold: raw newline, CR, U+2028, tab, quote, backslash, 20 000
    characters, in the display name and the login (Account built without its validators)."""
    name = 'a"b\\c\nuser_pref("mail.server.server1.socketType", 0);\r\u2028\t' + "x" * 20000
    login = 'user"\n); user_pref("mail.server.server1.port", 1); //\\'
    account = Account(
        email=EmailAddress("raw", D("church.test", "church.test")), display_name=name,
        login_name=login,
        incoming=Server(Protocol.IMAP, "mail.church.test", 993, Security.TLS,
                        AuthMethod.PASSWORD_CLEARTEXT),
        outgoing=Server(Protocol.SMTP, "mail.church.test", 465, Security.TLS,
                        AuthMethod.PASSWORD_CLEARTEXT))
    profile = tmp_path / "p"
    apply_account(account, profile)
    result = bed.run("hostile raw values (newline, U+2028, 20k chars): IMAP 993 TLS", profile,
                     {993: "imap", 465: "smtp"},
                     [("imap://mail.church.test", login), ("smtp://mail.church.test", login)],
                     expect_ports=[993], smtp={"smtp1": 465})
    check_hostile(result, name, login, 993, 3)


def check_hostile(result: dict[str, Any], name: str, login: str, port: int,
                  socket_type: int) -> None:
    assert_clean(result)
    conns = [c for c in result["connections"] if c["protocol"] == "imap"]
    assert conns and all(c["port"] == port for c in conns)
    imap = by(result, port)[0]
    if socket_type == 2:
        assert_starttls(imap, "STARTTLS")
    else:
        assert imap["tls"] == "implicit"
    assert imap["sni"] == "mail.church.test"
    assert imap["user"] == login
    smtp = [c for c in result["connections"] if c["protocol"] == "smtp" and c["user"]]
    assert smtp and smtp[0]["user"] == login and smtp[0]["tls"] in ("starttls", "implicit")
    [account] = [a for a in result["readback"]["accounts"] if a["type"] == "imap"]
    assert (account["port"], account["socketType"], account["user"]) == (port, socket_type,
                                                                        login)
    assert account["identities"][0]["fullName"] == name
    # Thunderbird's own rewrite of prefs.js: still the values we wrote, nothing injected.
    rewritten = pref_map(parse_prefs((Path(result["copy"]) / "prefs.js").read_bytes()))
    assert rewritten["mail.server.server1.socketType"] == socket_type
    assert rewritten["mail.server.server1.port"] == port
    assert rewritten["mail.server.server1.userName"] == login


def test_nothing_left_running(bed: Bed) -> None:
    """Every launch killed its whole process group (no process runs on our scratch dirs)."""
    listing = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True)
    assert str(bed.root) not in listing.stdout
