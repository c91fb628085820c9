"""Apple configuration profile with one ``com.apple.mail.managed`` payload (iPhone, iPad, Mac).

plistlib writes and escapes the XML. No password is ever included (Apple: "only in encrypted
profiles"); the device asks for it. Without a member's address the address and login are left
out, and the device asks for those too. The payload has only a yes/no "use SSL": it cannot say
STARTTLS or implicit TLS, so the port decides on the device (docs/background.md).
"""

from __future__ import annotations

import plistlib
import uuid
from typing import Any

from assistant.clients.exports.source import ExportSettings
from assistant.clients.exports.values import checked
from assistant.errors import Problem
from assistant.settings import AuthMethod, Protocol, Security, Server

_AUTH = {
    AuthMethod.PASSWORD_CLEARTEXT: "EmailAuthPassword",
    AuthMethod.PASSWORD_ENCRYPTED: "EmailAuthCRAMMD5",
    AuthMethod.NONE: "EmailAuthNone",
}
# Stable identifiers: installing a newer profile for the same account replaces the old one.
_NAMESPACE = uuid.UUID("8f6f1c8e-5d3a-4b9e-9a51-6d2c4e0b7a10")


def _server_keys(prefix: str, server: Server, login: str | None) -> dict[str, Any]:
    keys: dict[str, Any] = {
        f"{prefix}MailServerHostName": checked(server.host, "host"),
        f"{prefix}MailServerPortNumber": server.port,
        f"{prefix}MailServerUseSSL": server.security is not Security.NONE,
        f"{prefix}MailServerAuthentication": _AUTH[server.auth],
    }
    if login is not None and server.auth is not AuthMethod.NONE:
        keys[f"{prefix}MailServerUsername"] = checked(login, "login")
    return keys


def mobileconfig(settings: ExportSettings, lang: str = "ja") -> tuple[bytes, list[Problem]]:
    """The .mobileconfig (XML plist) and warnings about what the payload cannot express."""
    incoming, outgoing = settings.first_incoming(), settings.first_outgoing()
    login = settings.login_name()
    domain = checked(settings.primary_domain("mobileconfig"), "domain")
    who = settings.email.ascii if settings.email else domain
    account_id = uuid.uuid5(_NAMESPACE, who)  # same address → same profile, whatever changed
    identifier = ".".join(reversed(domain.split("."))) + f".mail-assistant.{account_id}"
    name = checked(settings.organisation(lang) or domain, "organisation")
    mail: dict[str, Any] = {
        "PayloadType": "com.apple.mail.managed",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"{identifier}.account",
        "PayloadUUID": str(uuid.uuid5(account_id, "account")).upper(),
        "PayloadDisplayName": name,
        "EmailAccountType": "EmailTypeIMAP" if incoming.protocol is Protocol.IMAP
        else "EmailTypePOP",
        "EmailAccountDescription": name,
        **_server_keys("Incoming", incoming, login),
        **_server_keys("Outgoing", outgoing, login),
        "OutgoingPasswordSameAsIncomingPassword": True,
    }
    if settings.email is not None:
        mail["EmailAddress"] = settings.email.ascii
    if settings.display_name:
        mail["EmailAccountName"] = checked(settings.display_name, "name")
    profile = {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": identifier,
        "PayloadUUID": str(account_id).upper(),
        "PayloadDisplayName": name,
        "PayloadRemovalDisallowed": False,
        "PayloadContent": [mail],
    }
    warnings = [Problem("export.mobileconfig_starttls", {"protocol": s.protocol.value,
                                                          "port": s.port})
                for s in (incoming, outgoing) if s.security is Security.STARTTLS]
    return plistlib.dumps(profile, fmt=plistlib.FMT_XML, sort_keys=False), warnings
