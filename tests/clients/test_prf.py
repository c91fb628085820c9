"""PRF: the sections Outlook needs, section-7 mappings, and values that cannot inject keys."""

from __future__ import annotations

import configparser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.clients.outlook.prf import ini_value, leave_on_server_flags, prf_bytes, prf_text
from assistant.errors import ValidationError
from assistant.settings import (
    Account,
    Domain,
    EmailAddress,
    PopOptions,
    Protocol,
    Security,
    Server,
)
from tests.clients.helpers import CONTROL, HOSTILE

SMTP = Server(Protocol.SMTP, "smtp.church.test", 587, Security.STARTTLS)


def account(incoming: Server, *, name: str = "山田 花子", login: str = "alice@church.test",
            pop: PopOptions | None = None, outgoing: Server = SMTP) -> Account:
    return Account(EmailAddress("alice", Domain("church.test", "church.test")), name, login,
                   incoming, outgoing, pop or PopOptions())


def windows_value(raw: str) -> str:
    """What GetPrivateProfileString returns: blanks trimmed, one pair of quotes removed."""
    value = raw.strip(" \t")
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


def parse(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",),
                                       comment_prefixes=(";",), inline_comment_prefixes=None,
                                       strict=True, empty_lines_in_values=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    return parser


def test_imap_profile_sections_and_mapping() -> None:
    text, warnings = prf_text(account(Server(Protocol.IMAP, "mail.church.test", 993,
                                             Security.TLS)))
    assert warnings == []
    prf = parse(text)
    assert prf.sections() == ["General", "Service List", "Internet Account List", "Account1",
                              "IMAP_I_Mail"]
    assert prf["Internet Account List"]["Account1"] == "IMAP_I_Mail"
    assert prf["General"]["OverwriteProfile"] == "Append"
    assert prf["General"]["BackupProfile"] == "No"
    acct = prf["Account1"]
    assert dict(acct) == {
        "AccountName": "alice@church.test", "DisplayName": "山田 花子",
        "EmailAddress": "alice@church.test", "IMAPServer": "mail.church.test",
        "IMAPUserName": "alice@church.test", "IMAPPort": "993", "IMAPUseSSL": "1",
        "IMAPUseSPA": "0", "SMTPServer": "smtp.church.test", "SMTPPort": "587",
        "SMTPSecureConnection": "2", "SMTPUseAuth": "1", "SMTPAuthMethod": "0",
        "SMTPUserName": "alice@church.test", "SMTPUseSPA": "0", "ConnectionType": "0"}
    mapping = prf["IMAP_I_Mail"]
    assert mapping["AccountType"] == "IMAP"
    # Section 7 maps every key of section 5, otherwise Outlook ignores it.
    assert set(acct) <= set(mapping)
    assert mapping["IMAPUseSSL"] == "PT_LONG,0x0105"
    assert mapping["SMTPSecureConnection"] == "PT_LONG,0x020A"


@pytest.mark.parametrize(("security", "value"), [(Security.TLS, "1"), (Security.STARTTLS, "2"),
                                                 (Security.NONE, "0")])
def test_smtp_secure_connection(security: Security, value: str) -> None:
    outgoing = Server(Protocol.SMTP, "smtp.church.test", 465, security)
    text, _ = prf_text(account(Server(Protocol.IMAP, "m.church.test", 993, Security.TLS),
                               outgoing=outgoing))
    assert parse(text)["Account1"]["SMTPSecureConnection"] == value


def test_pop_leave_on_server_bitmask() -> None:
    pop = Server(Protocol.POP3, "pop.church.test", 995, Security.TLS)
    text, _ = prf_text(account(pop, pop=PopOptions(True, 14)))
    prf = parse(text)
    assert prf["Internet Account List"]["Account1"] == "I_Mail"
    assert prf["I_Mail"]["AccountType"] == "POP3"
    assert prf["I_Mail"]["LeaveOnServer"] == "PT_LONG,0x1000"
    assert prf["Account1"]["POP3Server"] == "pop.church.test"
    assert int(prf["Account1"]["LeaveOnServer"], 16) == 0x000E0003  # leave + remove after 14 d
    assert leave_on_server_flags(account(pop)) == 0x1  # default: keep a copy
    assert leave_on_server_flags(account(pop, pop=PopOptions(False))) == 0


@pytest.mark.parametrize(("protocol", "tls_port"), [(Protocol.IMAP, 993), (Protocol.POP3, 995)])
def test_incoming_starttls_warns_and_prefers_implicit_tls(protocol: Protocol,
                                                          tls_port: int) -> None:
    text, warnings = prf_text(account(Server(protocol, "mail.church.test", 143,
                                             Security.STARTTLS)))
    assert [w.code for w in warnings] == ["outlook.prf_incoming_starttls"]
    assert warnings[0].params["tls_port"] == tls_port
    prefix = "IMAP" if protocol is Protocol.IMAP else "POP3"
    acct = parse(text)["Account1"]
    assert (acct[f"{prefix}Port"], acct[f"{prefix}UseSSL"]) == (str(tls_port), "1")


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_round_trip_without_new_keys(value: str) -> None:
    incoming = Server(Protocol.IMAP, value, 993, Security.TLS)
    text, _ = prf_text(account(incoming, name=value, login=value))
    prf = parse(text)
    assert prf.sections() == ["General", "Service List", "Internet Account List", "Account1",
                              "IMAP_I_Mail"]
    acct = prf["Account1"]
    assert len(acct) == 16
    for key in ("DisplayName", "IMAPServer", "IMAPUserName", "SMTPUserName"):
        assert windows_value(acct[key]) == value


@pytest.mark.parametrize("value", [*CONTROL, "line\u2028separator", "para\u2029graph"])
def test_control_characters_refused(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        prf_text(account(Server(Protocol.IMAP, "m.church.test", 993, Security.TLS), name=value))
    assert caught.value.code == "outlook.prf_value_invalid"
    assert caught.value.params["field"] == "DisplayName"


@pytest.mark.parametrize(("raw", "written"), [("plain", "plain"), (" lead", '" lead"'),
                                              ('"q"', '""q""'), ("'s", "\"'s\"")])
def test_ini_value_quoting(raw: str, written: str) -> None:
    assert ini_value(raw, "x") == written
    assert windows_value(written) == raw


def test_file_is_utf16_with_bom() -> None:
    text, _ = prf_text(account(Server(Protocol.IMAP, "m.church.test", 993, Security.TLS)))
    data = prf_bytes(text)
    assert data.startswith(b"\xff\xfe")
    assert data[2:].decode("utf-16-le") == text
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_any_printable_display_name_round_trips(value: str) -> None:
    text, _ = prf_text(account(Server(Protocol.IMAP, "m.church.test", 993, Security.TLS),
                               name=value))
    acct = parse(text)["Account1"]
    assert len(acct) == 16
    assert windows_value(acct["DisplayName"]) == value
