"""Autodiscover POX (plain old XML) for a POP3/IMAP + SMTP account, as Outlook reads it.

Every element is written explicitly because Outlook's defaults are wrong for us: ``SPA`` and
``SSL`` count as "on" when missing, and ``Encryption`` overrides ``SSL`` (docs/background.md).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from assistant.clients.exports.values import checked
from assistant.settings import AuthMethod, Protocol, Security, Server

NS_RESPONSE = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
NS_OUTLOOK = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"

_TYPE = {Protocol.IMAP: "IMAP", Protocol.POP3: "POP3", Protocol.SMTP: "SMTP"}
# Encryption: SSL = implicit TLS, TLS = STARTTLS, None = plain ([MS-OXDSCLI]).
_ENCRYPTION = {Security.TLS: "SSL", Security.STARTTLS: "TLS", Security.NONE: "None"}


def _on(flag: bool) -> str:
    return "on" if flag else "off"


def _protocol(parent: ET.Element, server: Server, login: str) -> None:
    element = ET.SubElement(parent, "Protocol")
    auth_required = server.auth is not AuthMethod.NONE
    fields = [
        ("Type", _TYPE[server.protocol]),
        ("Server", checked(server.host, "host")),
        ("Port", str(server.port)),
        ("LoginName", checked(login, "login")),
        ("DomainRequired", "off"),
        ("SPA", "off"),
        ("SSL", _on(server.security is not Security.NONE)),
        ("Encryption", _ENCRYPTION[server.security]),
        ("AuthRequired", _on(auth_required)),
    ]
    if server.protocol is Protocol.SMTP:
        # One login for both servers in this model: "use same settings as my incoming server"
        # spares members a second password prompt. SMTPLast on would mean POP-before-SMTP.
        fields += [("UsePOPAuth", _on(auth_required)), ("SMTPLast", "off")]
    for tag, value in fields:
        ET.SubElement(element, tag).text = value


def autodiscover_xml(incoming: Server, outgoing: Server, login: str) -> bytes:
    """The POX response for one account; UTF-8 with declaration, every value escaped by ET."""
    root = ET.Element("Autodiscover", xmlns=NS_RESPONSE)
    response = ET.SubElement(root, "Response", xmlns=NS_OUTLOOK)
    account = ET.SubElement(response, "Account")
    ET.SubElement(account, "AccountType").text = "email"
    ET.SubElement(account, "Action").text = "settings"
    _protocol(account, incoming, login)
    _protocol(account, outgoing, login)
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
