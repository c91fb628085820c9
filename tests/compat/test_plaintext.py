"""Courier with Debian's defaults takes a password without TLS on 143 and 110: there the
probe does claim it (the claim's other side, next to the refusals in test_probe), and the
login check sends it only when allowed, saying so."""

from __future__ import annotations

import pytest

from assistant.login import check_login
from assistant.probe import ProbeOptions, run_probe
from assistant.settings import Server, parse_email
from tests.testbed.compat import CompatBed


def test_probe_says_what_is_taken_unencrypted(compat: CompatBed) -> None:
    site = compat.site("courier-plain")
    report = run_probe(parse_email(site.user("alice").email),
                       ProbeOptions(dns_server=compat.dns_server, ca_file=compat.ca_file))
    by_port = {r.port: r for r in report.endpoints if r.host == site.mail_host}
    assert by_port[143].plaintext_auth_offered and by_port[143].plaintext_methods == ["LOGIN"]
    assert by_port[110].plaintext_auth_offered and by_port[110].plaintext_methods == ["USER"]
    assert by_port[110].plaintext_refusal is None
    assert not by_port[993].plaintext_auth_offered and not by_port[995].plaintext_auth_offered
    rec = report.recommendation
    assert rec.incoming is not None and (rec.incoming.port, rec.incoming.security.value) == \
        (993, "tls")  # encryption first, though the plain ports would take the password


@pytest.mark.parametrize(("protocol", "port"), [("imap", 143), ("pop3", 110)])
def test_password_unencrypted_only_when_allowed(compat: CompatBed, protocol: str,
                                                port: int) -> None:
    site = compat.site("courier-plain")
    hanako = site.user("hanako")
    server = Server.create(protocol, site.mail_host, port, "none")
    refused = check_login(server, hanako.login, hanako.password, ca_file=compat.ca_file,
                          dns_server=compat.dns_server)
    assert (refused.result, refused.problem.code) == ("plaintext_refused",
                                                      "login.plaintext_refused_starttls")
    allowed = check_login(server, hanako.login, hanako.password, allow_plaintext=True,
                          ca_file=compat.ca_file, dns_server=compat.dns_server)
    assert (allowed.result, allowed.security, allowed.inbox_count) == ("ok", "none", 2)
    assert "login.note_plaintext_used" in [n.code for n in allowed.notes]
