"""Outlook profile file (PRF) for ``outlook.exe /importprf``: one POP3 or IMAP account.

Only keys that section 7 maps to a MAPI property take effect, so the mapping section is
written with the account (docs/background.md). A PRF is an INI file read line by line: a value
holding CR, LF or NUL could start a new key or section, so such values are refused with a code;
values that begin or end with a quote or a space are wrapped in double quotes, because the
Windows INI reader strips one pair of enclosing quotes and surrounding blanks. The file is
UTF-16 LE with BOM so Japanese names survive whatever the PC's ANSI code page is.
"""

from __future__ import annotations

from assistant.clients.exports.values import control_character
from assistant.errors import Problem, ValidationError
from assistant.settings import DEFAULT_PORTS, Account, AuthMethod, Protocol, Security

# PROP_SMTP_SECURE_CONNECTION: ENCRYPT_CONN_NO_SECURITY / _SSL / _TLS.
_SMTP_SECURE = {Security.NONE: 0, Security.TLS: 1, Security.STARTTLS: 2}
# PROP_POP_LEAVE_ON_SERVER bits; the number of days lives in the high word.
LEAVE_ON_SERVER = 0x1
REMOVE_AFTER = 0x2

_COMMON_MAP = [
    ("AccountName", "PT_UNICODE,0x0002"),
    ("DisplayName", "PT_UNICODE,0x000B"),
    ("EmailAddress", "PT_UNICODE,0x000C"),
]
_SMTP_MAP = [
    ("SMTPServer", "PT_UNICODE,0x0200"),
    ("SMTPPort", "PT_LONG,0x0201"),
    ("SMTPUseAuth", "PT_LONG,0x0203"),
    ("SMTPUserName", "PT_UNICODE,0x0204"),
    ("SMTPUseSPA", "PT_LONG,0x0207"),
    ("SMTPAuthMethod", "PT_LONG,0x0208"),
    ("SMTPSecureConnection", "PT_LONG,0x020A"),
    ("ConnectionType", "PT_LONG,0x000F"),
]


def ini_value(value: str, field: str) -> str:
    """``value`` as it must stand after ``key=`` so that Windows reads back exactly it."""
    if control_character(value) is not None:
        raise ValidationError("outlook.prf_value_invalid", field=field)
    if value != value.strip() or value[:1] in "\"'" or value[-1:] in "\"'":
        return f'"{value}"'
    return value


def leave_on_server_flags(account: Account) -> int:
    """The PROP_POP_LEAVE_ON_SERVER bitmask for the account's POP options."""
    if not account.pop.leave_on_server:
        return 0
    days = account.pop.delete_after_days
    return LEAVE_ON_SERVER if days is None else LEAVE_ON_SERVER | REMOVE_AFTER | (days << 16)


def prf_text(account: Account) -> tuple[str, list[Problem]]:
    """The PRF for ``account`` and the warnings about what the format could not express."""
    warnings: list[Problem] = []
    incoming, outgoing = account.incoming, account.outgoing
    prefix, section, kind = (
        ("IMAP", "IMAP_I_Mail", "IMAP") if incoming.protocol is Protocol.IMAP
        else ("POP3", "I_Mail", "POP3")
    )
    port, use_ssl = incoming.port, incoming.security is not Security.NONE
    if incoming.security is Security.STARTTLS:
        # PROP_INET_SSL means implicit TLS only: STARTTLS cannot be asked for, and writing
        # "no SSL" would send the password in clear. Use the implicit-TLS port instead.
        port = DEFAULT_PORTS[(incoming.protocol, Security.TLS)]
        warnings.append(Problem("outlook.prf_incoming_starttls", {
            "protocol": kind, "port": incoming.port, "tls_port": port}))
    uses_auth = outgoing.auth is not AuthMethod.NONE
    values = [
        ("AccountName", account.email.ascii),
        ("DisplayName", account.display_name),
        ("EmailAddress", account.email.ascii),
        (f"{prefix}Server", incoming.host),
        (f"{prefix}UserName", account.login_name),
        (f"{prefix}Port", str(port)),
        (f"{prefix}UseSSL", "1" if use_ssl else "0"),
        (f"{prefix}UseSPA", "0"),
        ("SMTPServer", outgoing.host),
        ("SMTPPort", str(outgoing.port)),
        ("SMTPSecureConnection", str(_SMTP_SECURE[outgoing.security])),
        ("SMTPUseAuth", "1" if uses_auth else "0"),
        ("SMTPAuthMethod", "0"),  # SMTP_AUTH_SAME_AS_POP: one login, one password prompt
        ("SMTPUserName", account.login_name),
        ("SMTPUseSPA", "0"),
        ("ConnectionType", "0"),
    ]
    mapping = [
        *_COMMON_MAP,
        (f"{prefix}Server", "PT_UNICODE,0x0100"),
        (f"{prefix}UserName", "PT_UNICODE,0x0101"),
        (f"{prefix}Port", "PT_LONG,0x0104"),
        (f"{prefix}UseSSL", "PT_LONG,0x0105"),
        (f"{prefix}UseSPA", "PT_LONG,0x0108"),
        *_SMTP_MAP,
    ]
    if incoming.protocol is Protocol.POP3:
        values.append(("LeaveOnServer", f"0x{leave_on_server_flags(account):08X}"))
        mapping.append(("LeaveOnServer", "PT_LONG,0x1000"))
    lines = [
        "[General]", "Custom=1", "ProfileName=Outlook", "DefaultProfile=Yes",
        "OverwriteProfile=Append", "ModifyDefaultProfileIfPresent=TRUE", "BackupProfile=No", "",
        "[Service List]", "",
        "[Internet Account List]", f"Account1={section}", "",
        "[Account1]",
        *(f"{key}={ini_value(value, key)}" for key, value in values), "",
        f"[{section}]", f"AccountType={kind}",
        *(f"{key}={value}" for key, value in mapping), "",
    ]
    return "\r\n".join(lines), warnings


def prf_bytes(text: str) -> bytes:
    """UTF-16 LE with BOM, the Unicode form Windows INI readers recognise."""
    return "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
