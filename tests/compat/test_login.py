"""The login check against other real server software: the right password (ASCII and
パスワード123) logs in on every port, a wrong one is wrong_credentials, a STARTTLS port tried
without encryption says TLS is required (quoting the server or saying what was concluded),
and port 25 without AUTH is auth_not_offered."""

from __future__ import annotations

import pytest

from assistant.login import LoginResult, check_login
from assistant.settings import Server
from tests.compat.expected import MECHANISM, PLAINTEXT
from tests.testbed import Endpoint
from tests.testbed.compat import GENERIC, SOFTWARE, CompatBed

TIMEOUT = 30.0  # Courier and Cyrus pause ~5 s after a failed login; a check never waits this long

LOGINS = [(name, e) for name in GENERIC for e in SOFTWARE[name].endpoints if e.auth]
IDS = [f"{name}-{e.protocol}-{e.port}" for name, e in LOGINS]


def check(compat: CompatBed, name: str, e: Endpoint, key: str, wrong: bool = False,
          security: str | None = None) -> LoginResult:
    site = compat.site(name)
    user = site.user(key)
    server = Server.create(e.protocol, site.mail_host, e.port, security or e.security)
    return check_login(server, user.login, user.password + ("x" if wrong else ""),
                       ca_file=compat.ca_file, dns_server=compat.dns_server,
                       allow_plaintext=security == "none", timeout=TIMEOUT)


@pytest.mark.parametrize("key", ["alice", "hanako"])
@pytest.mark.parametrize(("name", "e"), LOGINS, ids=IDS)
def test_right_password(compat: CompatBed, name: str, e: Endpoint, key: str) -> None:
    result = check(compat, name, e, key)
    assert result.result == "ok", (result.to_json("en"), compat.log(name)[-2000:])
    assert (result.security, result.mechanism) == (e.security, MECHANISM[name][e.protocol])
    if e.protocol != "smtp":
        assert result.inbox_count == 2


# One port per site and protocol: the servers pause 3-5 s after each failed login.
WRONG = list({(name, e.protocol): (name, e) for name, e in reversed(LOGINS)}.values())


@pytest.mark.parametrize(("name", "e"), WRONG,
                         ids=[f"{n}-{e.protocol}-{e.port}" for n, e in WRONG])
def test_wrong_password(compat: CompatBed, name: str, e: Endpoint) -> None:
    result = check(compat, name, e, "hanako", wrong=True)
    assert (result.result, result.problem.code) == ("wrong_credentials",
                                                    "login.wrong_credentials")
    assert "hanako@" in result.message("en")


STARTTLS = [(name, e) for name, e in LOGINS if e.security == "starttls"]


@pytest.mark.parametrize(("name", "e"), STARTTLS,
                         ids=[f"{n}-{e.protocol}-{e.port}" for n, e in STARTTLS])
def test_without_encryption_tls_is_required(compat: CompatBed, name: str, e: Endpoint) -> None:
    result = check(compat, name, e, "alice", security="none")
    assert (result.result, result.problem.code) == PLAINTEXT[name][e.protocol]


@pytest.mark.parametrize("name", [n for n in GENERIC
                                  if any(not e.auth for e in SOFTWARE[n].endpoints)])
def test_port_25_offers_no_auth(compat: CompatBed, name: str) -> None:
    site = compat.site(name)
    port25 = next(e for e in site.endpoints if not e.auth)
    for security in ("starttls", "none"):
        result = check(compat, name, port25, "alice", security=security)
        assert (result.result, result.problem.code) == ("auth_not_offered",
                                                        "login.smtp_no_auth"), security


def test_cyrus_pop3_login_gap(compat: CompatBed) -> None:
    """Debian's Cyrus (popminpoll: 1) refuses a second POP3 login within 60 s with
    "[LOGIN-DELAY]": that is said as such, not as a wrong password or a non-POP3 server."""
    pop = SOFTWARE["cyrus-gap"].endpoints[0]
    assert check(compat, "cyrus-gap", pop, "hanako").result == "ok"
    again = check(compat, "cyrus-gap", pop, "hanako")
    assert (again.result, again.problem.code) == ("protocol_error", "login.pop_login_delay")
    assert again.problem.params["seconds"] == 60  # from CAPA's "LOGIN-DELAY 60"
    assert "[LOGIN-DELAY]" in again.message("en") and "60 seconds" in again.message("en")
    assert "60 秒" in again.message("ja")
    wrong = check(compat, "cyrus-gap", pop, "alice", wrong=True)  # the password is checked first
    assert wrong.result == "wrong_credentials"


@pytest.mark.parametrize(("protocol", "port"), [("imap", 993), ("smtp", 465)])
def test_local_part_login_is_suggested(compat: CompatBed, protocol: str, port: int) -> None:
    """Courier's userdb and Exim's table know bob as "bob" (as many rental servers do): the
    address found by discovery fails and the local part is suggested, and it works."""
    site = compat.site("courier")
    bob = site.user("bob")
    server = Server.create(protocol, site.mail_host, port, "tls")
    ca, dns = compat.ca_file, compat.dns_server
    found = check_login(server, bob.email, bob.password, from_discovery=True, ca_file=ca,
                        dns_server=dns)
    assert (found.result, found.problem.code, found.suggestion_login) == \
        ("wrong_credentials", "login.wrong_credentials_suggest", "bob")
    assert check_login(server, "bob", bob.password, ca_file=ca, dns_server=dns).ok
