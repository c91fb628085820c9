"""Mozilla autoconfig (``clientConfig`` 1.1) for ``autoconfig.<domain>/mail/config-v1.1.xml``.

Read by Thunderbird, Thunderbird for Android, Evolution, KMail and others (docs/background.md).
Built with ElementTree, which escapes ``<``, ``>`` and ``&``; values it cannot carry (control
characters) are refused before. Without a member's address the login is a placeholder that
the client fills in: ``%EMAILADDRESS%`` or ``%EMAILLOCALPART%`` as the profile's rule says;
a typed value that holds such a placeholder is refused (Thunderbird would expand it). POP
keeps the server copy unless the profile sets days (see :data:`KEEP_FOREVER_DAYS`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from assistant.clients.exports.source import ExportSettings
from assistant.clients.exports.values import checked
from assistant.errors import ValidationError
from assistant.settings import AuthMethod, LoginRule, Protocol, Security, Server

_SOCKET = {Security.TLS: "SSL", Security.STARTTLS: "STARTTLS", Security.NONE: "plain"}
_TYPE = {Protocol.IMAP: "imap", Protocol.POP3: "pop3", Protocol.SMTP: "smtp"}
# A login rule of "ask" has no placeholder; the address is what most members type, and the
# client's manual-setup form lets them change it.
_PLACEHOLDER = {
    LoginRule.ADDRESS: "%EMAILADDRESS%",
    LoginRule.LOCAL_PART: "%EMAILLOCALPART%",
    LoginRule.ASK: "%EMAILADDRESS%",
}


# Thunderbird replaces these anywhere in a username, host or name (AccountConfig's
# replaceVariables, no escape exists): a typed value holding one would change on the way.
_VARIABLE = re.compile(r"%(EMAILADDRESS|EMAILLOCALPART|EMAILDOMAIN|REALNAME)%")
# Thunderbird's POP3 client deletes by age only for a non-zero number of days
# (Pop3Client.sys.mjs: deleteByAgeFromServer && numDaysToLeaveOnServer); a file without the
# element gets its default of 14 days with deletion on. 0 is the form it reads as "keep".
KEEP_FOREVER_DAYS = 0


def literal(value: str, field: str) -> str:
    """A typed value as it must reach the member: refused when Thunderbird would expand a
    placeholder in it (``a%EMAILDOMAIN%b`` would become ``aexample.jpb``)."""
    value = checked(value, field)
    if match := _VARIABLE.search(value):
        raise ValidationError("export.placeholder_in_value", field=field,
                              placeholder=match.group(0))
    return value


def _username(settings: ExportSettings) -> str:
    if settings.login is not None:
        return literal(settings.login, "login")
    return _PLACEHOLDER[settings.login_rule]


def _server(parent: ET.Element, tag: str, server: Server, settings: ExportSettings) -> None:
    element = ET.SubElement(parent, tag, type=_TYPE[server.protocol])
    ET.SubElement(element, "hostname").text = literal(server.host, "host")
    ET.SubElement(element, "port").text = str(server.port)
    ET.SubElement(element, "socketType").text = _SOCKET[server.security]
    ET.SubElement(element, "authentication").text = server.auth.value
    if server.auth is not AuthMethod.NONE or server.is_incoming:
        ET.SubElement(element, "username").text = _username(settings)
    if server.protocol is Protocol.POP3:
        pop = ET.SubElement(element, "pop3")
        leave = settings.pop.leave_on_server
        ET.SubElement(pop, "leaveMessagesOnServer").text = "true" if leave else "false"
        if leave:
            days = settings.pop.delete_after_days
            ET.SubElement(pop, "daysToLeaveMessagesOnServer").text = str(
                KEEP_FOREVER_DAYS if days is None else days)


def autoconfig_xml(settings: ExportSettings) -> bytes:
    """The clientConfig document: every incoming then outgoing server, preference order."""
    domains = settings.domains or (settings.primary_domain("autoconfig"),)
    root = ET.Element("clientConfig", version="1.1")
    provider = ET.SubElement(root, "emailProvider", id=checked(domains[0], "domain"))
    for domain in domains:
        ET.SubElement(provider, "domain").text = checked(domain, "domain")
    name = literal(settings.organisation("ja") or domains[0], "organisation")
    ET.SubElement(provider, "displayName").text = name
    ET.SubElement(provider, "displayShortName").text = literal(
        settings.organisation("en") or domains[0], "organisation")
    settings.first_incoming()
    settings.first_outgoing()
    for server in settings.incoming:
        _server(provider, "incomingServer", server, settings)
    for server in settings.outgoing:
        _server(provider, "outgoingServer", server, settings)
    if settings.contact.url:
        doc = ET.SubElement(provider, "documentation", url=checked(settings.contact.url, "url"))
        for lang in ("ja", "en"):
            descr = ET.SubElement(doc, "descr", lang=lang)
            descr.text = checked(settings.organisation(lang) or domains[0], "organisation")
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
