"""Autodiscover POX: every element explicit, security words right, hostile values inert."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from assistant.clients.outlook.autodiscover import NS_OUTLOOK, NS_RESPONSE, autodiscover_xml
from assistant.errors import ValidationError
from assistant.settings import AuthMethod, Protocol, Security, Server
from tests.clients.helpers import CONTROL, HOSTILE

NS = f"{{{NS_OUTLOOK}}}"
INCOMING_TAGS = ["Type", "Server", "Port", "LoginName", "DomainRequired", "SPA", "SSL",
                 "Encryption", "AuthRequired"]


def protocols(data: bytes) -> list[dict[str, str]]:
    root = ET.fromstring(data)
    assert root.tag == f"{{{NS_RESPONSE}}}Autodiscover"
    account = root.find(f"{NS}Response/{NS}Account")
    assert account is not None
    assert account.findtext(f"{NS}AccountType") == "email"
    assert account.findtext(f"{NS}Action") == "settings"
    assert [c.tag for c in account] == [f"{NS}AccountType", f"{NS}Action", f"{NS}Protocol",
                                        f"{NS}Protocol"]
    result = []
    for element in account.findall(f"{NS}Protocol"):
        assert all(len(child) == 0 for child in element), "nested element injected"
        result.append({child.tag.removeprefix(NS): child.text or "" for child in element})
        assert len(result[-1]) == len(element), "duplicate element"
    return result


def imap(host: str = "mail.church.test", port: int = 993,
         security: Security = Security.TLS) -> Server:
    return Server(Protocol.IMAP, host, port, security)


def smtp(security: Security = Security.STARTTLS,
         auth: AuthMethod = AuthMethod.PASSWORD_CLEARTEXT) -> Server:
    return Server(Protocol.SMTP, "smtp.church.test", 587, security, auth)


@pytest.mark.parametrize(("security", "ssl", "encryption"), [
    (Security.TLS, "on", "SSL"), (Security.STARTTLS, "on", "TLS"), (Security.NONE, "off", "None")])
def test_security_words(security: Security, ssl: str, encryption: str) -> None:
    incoming, outgoing = protocols(autodiscover_xml(imap(security=security), smtp(security),
                                                    "alice@church.test"))
    for proto in (incoming, outgoing):
        assert (proto["SSL"], proto["Encryption"]) == (ssl, encryption)


def test_every_element_explicit() -> None:
    incoming, outgoing = protocols(autodiscover_xml(imap(), smtp(), "u67578"))
    assert list(incoming) == INCOMING_TAGS
    assert list(outgoing) == [*INCOMING_TAGS, "UsePOPAuth", "SMTPLast"]
    assert incoming == {"Type": "IMAP", "Server": "mail.church.test", "Port": "993",
                        "LoginName": "u67578", "DomainRequired": "off", "SPA": "off",
                        "SSL": "on", "Encryption": "SSL", "AuthRequired": "on"}
    assert (outgoing["Type"], outgoing["Port"], outgoing["AuthRequired"], outgoing["UsePOPAuth"],
            outgoing["SMTPLast"]) == ("SMTP", "587", "on", "on", "off")


def test_pop3_and_smtp_without_auth() -> None:
    pop = Server(Protocol.POP3, "pop.church.test", 995, Security.TLS)
    incoming, outgoing = protocols(autodiscover_xml(pop, smtp(auth=AuthMethod.NONE), "alice"))
    assert incoming["Type"] == "POP3"
    assert (outgoing["AuthRequired"], outgoing["UsePOPAuth"]) == ("off", "off")


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_round_trip(value: str) -> None:
    data = autodiscover_xml(imap(host=value), smtp(), value)
    incoming, outgoing = protocols(data)
    assert incoming["Server"] == value
    assert incoming["LoginName"] == outgoing["LoginName"] == value
    assert b"<script>" not in data


@pytest.mark.parametrize("value", CONTROL)
def test_control_characters_refused(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        autodiscover_xml(imap(), smtp(), value)
    assert caught.value.code == "export.control_character"
    assert caught.value.params["field"] == "login"
