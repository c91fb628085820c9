"""The Testbed/Scenario/User API other areas code against."""

from __future__ import annotations

import pytest

from tests.testbed import Testbed


def test_api_shape(testbed: Testbed) -> None:
    assert set(testbed.scenarios) == {"modern", "legacy", "selfsigned"}
    assert testbed.dns_server == f"{testbed.block}.0.53:53"
    assert testbed.ca_file.read_text().startswith("-----BEGIN CERTIFICATE-----")
    ips = {s.ip for s in testbed.scenarios.values()}
    assert len(ips) == 3 and all(ip.startswith(testbed.block + ".") for ip in ips)
    for s in testbed.scenarios.values():
        assert s.mail_host == f"mail.{s.domain}" and s.mail_host in s.hosts
        assert {u.email.split("@")[1] for u in s.users.values()} == {s.domain}


def test_users(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    assert s.user("alice").password.isascii()
    assert not s.user("hanako").password.isascii()
    assert {'"', "\\", " "} <= set(s.user("quote").password)
    bob = s.user("bob")
    assert bob.login != bob.email and "@" not in bob.login
    with pytest.raises(KeyError):
        s.user("mallory")


def test_password_not_in_repr(testbed: Testbed) -> None:
    s = testbed.scenarios["modern"]
    for user in s.users.values():
        assert user.password not in repr(user)
    assert s.user("alice").password not in repr(s)


def test_endpoint_lookup(testbed: Testbed) -> None:
    legacy = testbed.scenarios["legacy"]
    assert legacy.endpoint("smtp", "none").port == 587
    with pytest.raises(KeyError):
        legacy.endpoint("imap", "tls")
    assert legacy.cert is None
    assert testbed.scenarios["modern"].endpoint("smtp", "starttls").port == 587


def test_new_ip_is_fresh_and_in_the_block(testbed: Testbed) -> None:
    taken = {s.ip for s in testbed.scenarios.values()} | {testbed.dns_ip}
    fresh = [testbed.new_ip() for _ in range(300)]
    assert len(set(fresh)) == 300
    assert not taken & set(fresh)
    assert all(ip.startswith(testbed.block + ".") for ip in fresh)
