"""autoconfig, mobileconfig and the sheet: structure, placeholders, hostile values re-parsed."""

from __future__ import annotations

import dataclasses
import plistlib
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from assistant.clients.exports import ExportSettings, build_export
from assistant.clients.exports.autoconfig import autoconfig_xml
from assistant.clients.exports.mobileconfig import mobileconfig
from assistant.clients.exports.sheet import sheet_html
from assistant.discovery.autoconfig import parse_autoconfig
from assistant.errors import AssistantError, ValidationError
from assistant.profile import parse_profile
from assistant.profile_model import Contact, SettingsProfile
from assistant.settings import (
    Account,
    AuthMethod,
    Domain,
    EmailAddress,
    LoginRule,
    PopOptions,
    Protocol,
    Security,
    Server,
    parse_email,
)
from tests.clients.helpers import CONTROL, HOSTILE

IMAP = Server.parse_spec("imap:mail.church.test:993:tls")
POP = Server.parse_spec("pop3:mail.church.test:995:tls")
SMTP = Server.parse_spec("smtp:mail.church.test:587:starttls")
SMTP_TLS = Server.parse_spec("smtp:mail.church.test:465:tls")


def profile(**changes: object) -> SettingsProfile:
    values: dict[str, object] = dict(
        format_version=1, organisation_ja="みどり教会", organisation_en="Midori Church",
        domains=(Domain("church.test", "church.test"),), incoming=(POP, IMAP),
        outgoing=(SMTP, SMTP_TLS), recommended_protocol=Protocol.IMAP,
        login_rule=LoginRule.ADDRESS,
        contact=Contact("03-1234-5678", "https://church.test/help?a=1&b=2", "office@church.test"),
        notes_ja="メモ\n2行目", notes_en="note")
    values.update(changes)
    return SettingsProfile(**values)  # type: ignore[arg-type]


def hostile_settings(value: str) -> ExportSettings:
    """Every free-text field and every host carries ``value`` (built directly, unvalidated)."""
    server = Server(Protocol.IMAP, value, 993, Security.TLS)
    return ExportSettings(
        domains=("church.test",), incoming=(server,),
        outgoing=(Server(Protocol.SMTP, value, 587, Security.STARTTLS),),
        login_rule=LoginRule.ADDRESS, email=parse_email("alice@church.test"),
        display_name=value, login=value, organisation_ja=value, organisation_en=value,
        contact=Contact(value, value, value), notes_ja=value, notes_en=value)


# --- autoconfig ----------------------------------------------------------------------------

def provider(data: bytes) -> ET.Element:
    root = ET.fromstring(data)
    assert root.tag == "clientConfig" and root.get("version") == "1.1"
    assert [c.tag for c in root] == ["emailProvider"]
    return root[0]


def test_autoconfig_profile_order_and_placeholders() -> None:
    element = provider(autoconfig_xml(ExportSettings.from_profile(profile())))
    assert element.get("id") == "church.test"
    assert [e.text for e in element.findall("domain")] == ["church.test"]
    assert element.findtext("displayName") == "みどり教会"
    incoming = element.findall("incomingServer")
    assert [e.get("type") for e in incoming] == ["imap", "pop3"]  # recommended first
    assert [e.findtext("socketType") for e in incoming] == ["SSL", "SSL"]
    assert [e.text for e in element.iter("username")] == ["%EMAILADDRESS%"] * 4
    assert incoming[1].findtext("pop3/leaveMessagesOnServer") == "true"
    outgoing = element.findall("outgoingServer")
    assert [(e.findtext("port"), e.findtext("socketType")) for e in outgoing] == \
        [("587", "STARTTLS"), ("465", "SSL")]
    assert element.find("documentation").get("url") == "https://church.test/help?a=1&b=2"


def test_autoconfig_local_part_rule() -> None:
    settings = ExportSettings.from_profile(profile(login_rule=LoginRule.LOCAL_PART))
    element = provider(autoconfig_xml(settings))
    assert {e.text for e in element.iter("username")} == {"%EMAILLOCALPART%"}
    servers = parse_autoconfig(autoconfig_xml(settings), parse_email("taro@church.test"))
    assert servers == [IMAP, POP, SMTP, SMTP_TLS]


def test_autoconfig_read_back_by_discovery_parser() -> None:
    account = Account.create("bob@church.test", "Bob", POP, SMTP_TLS, login_name="u67578",
                             pop=PopOptions(True, 30))
    data = build_export("autoconfig", account).data
    assert parse_autoconfig(data, account.email) == [POP, SMTP_TLS]
    element = provider(data)
    assert {e.text for e in element.iter("username")} == {"u67578"}
    assert element.findtext("incomingServer/pop3/daysToLeaveMessagesOnServer") == "30"


def test_autoconfig_smtp_without_auth_has_no_username() -> None:
    open_relay = Server(Protocol.SMTP, "relay.church.test", 25, Security.STARTTLS,
                        AuthMethod.NONE)
    settings = ExportSettings(("church.test",), (IMAP,), (open_relay,), LoginRule.ADDRESS)
    outgoing = provider(autoconfig_xml(settings)).find("outgoingServer")
    assert outgoing.findtext("authentication") == "none"
    assert outgoing.find("username") is None


@pytest.mark.parametrize("value", [v for v in HOSTILE if "%" not in v])
def test_autoconfig_hostile_values(value: str) -> None:
    data = autoconfig_xml(hostile_settings(value))
    element = provider(data)
    assert [c.tag for c in element] == ["domain", "displayName", "displayShortName",
                                        "incomingServer", "outgoingServer", "documentation"]
    assert element.findtext("displayName") == value
    for server in (element.find("incomingServer"), element.find("outgoingServer")):
        assert [c.tag for c in server] == ["hostname", "port", "socketType", "authentication",
                                           "username"]
        assert server.findtext("hostname") == value
        assert server.findtext("username") == value
    assert element.find("documentation").get("url") == value


@pytest.mark.parametrize("value", ["a%EMAILDOMAIN%b", "%EMAILADDRESS% literal",
                                   "x%REALNAME%", "%EMAILLOCALPART%"])
def test_autoconfig_placeholders_in_typed_values_refused(value: str) -> None:
    """Thunderbird expands these anywhere (no escape exists): a%EMAILDOMAIN%b would reach the
    member as aexample-church.jpb. Host, login and name alike."""
    with pytest.raises(ValidationError) as caught:
        autoconfig_xml(hostile_settings(value))
    assert caught.value.code == "export.placeholder_in_value"
    login_only = ExportSettings(("church.test",), (IMAP,), (SMTP_TLS,), LoginRule.ADDRESS,
                                login=value)
    with pytest.raises(ValidationError) as caught:
        autoconfig_xml(login_only)
    assert caught.value.params["field"] == "login"
    # Near misses are literal text to Thunderbird, and pass.
    fine = ExportSettings(("church.test",), (IMAP,), (SMTP_TLS,), LoginRule.ADDRESS,
                          login="50%off%EMAIL")
    assert provider(autoconfig_xml(fine)).find("incomingServer").findtext("username") == \
        "50%off%EMAIL"


def test_pop_export_keeps_the_server_copy_unless_days_are_set() -> None:
    """Without <daysToLeaveMessagesOnServer> Thunderbird deletes after 14 days; 0 is the form
    its POP3 client reads as "never by age" (proved by tests/thunderbird/
    test_autoconfig_export.py with a real Thunderbird)."""
    keep = ExportSettings(("church.test",), (POP,), (SMTP_TLS,), LoginRule.ADDRESS)
    pop = provider(autoconfig_xml(keep)).find("incomingServer/pop3")
    assert pop.findtext("leaveMessagesOnServer") == "true"
    assert pop.findtext("daysToLeaveMessagesOnServer") == "0"
    days = dataclasses.replace(keep, pop=PopOptions(delete_after_days=30))
    pop = provider(autoconfig_xml(days)).find("incomingServer/pop3")
    assert pop.findtext("daysToLeaveMessagesOnServer") == "30"
    gone = dataclasses.replace(keep, pop=PopOptions(leave_on_server=False))
    pop = provider(autoconfig_xml(gone)).find("incomingServer/pop3")
    assert pop.findtext("leaveMessagesOnServer") == "false"
    assert pop.find("daysToLeaveMessagesOnServer") is None
    note = "Thunderbird: 14 days"  # what a client with its own default may do
    assert note in sheet_html(keep, "en") and note not in sheet_html(days, "en")


@pytest.mark.parametrize("value", CONTROL)
def test_autoconfig_control_characters_refused(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        autoconfig_xml(hostile_settings(value))
    assert caught.value.code == "export.control_character"


# --- mobileconfig ----------------------------------------------------------------------------

def test_mobileconfig_account() -> None:
    account = Account.create("alice@church.test", "山田 花子", IMAP, SMTP_TLS)
    data, warnings = mobileconfig(ExportSettings.from_account(account, profile()))
    assert warnings == []
    plist = plistlib.loads(data)
    assert plist["PayloadType"] == "Configuration"
    (mail,) = plist["PayloadContent"]
    assert mail["PayloadType"] == "com.apple.mail.managed"
    assert mail["EmailAccountType"] == "EmailTypeIMAP"
    assert mail["EmailAddress"] == "alice@church.test"
    assert mail["EmailAccountName"] == "山田 花子"
    assert (mail["IncomingMailServerHostName"], mail["IncomingMailServerPortNumber"],
            mail["IncomingMailServerUseSSL"]) == ("mail.church.test", 993, True)
    assert mail["OutgoingMailServerPortNumber"] == 465
    assert mail["IncomingMailServerUsername"] == mail["OutgoingMailServerUsername"] == \
        "alice@church.test"
    assert not [k for k in (*plist, *mail) if "password" in k.lower() and k !=
                "OutgoingPasswordSameAsIncomingPassword"]
    # Stable identity: a newer profile for the same account replaces the installed one.
    moved = account.with_servers(POP, SMTP)
    again = plistlib.loads(mobileconfig(ExportSettings.from_account(moved))[0])
    assert (again["PayloadUUID"], again["PayloadIdentifier"]) == \
        (plist["PayloadUUID"], plist["PayloadIdentifier"])
    other = Account.create("bob@church.test", "Bob", IMAP, SMTP_TLS)
    assert plistlib.loads(mobileconfig(ExportSettings.from_account(other))[0])["PayloadUUID"] \
        != plist["PayloadUUID"]


def test_mobileconfig_without_address_lets_device_ask() -> None:
    data, warnings = mobileconfig(ExportSettings.from_profile(profile()))
    (mail,) = plistlib.loads(data)["PayloadContent"]
    assert "EmailAddress" not in mail and "IncomingMailServerUsername" not in mail
    assert mail["EmailAccountType"] == "EmailTypeIMAP"
    assert [w.code for w in warnings] == ["export.mobileconfig_starttls"]


@pytest.mark.parametrize("value", HOSTILE)
def test_mobileconfig_hostile_values(value: str) -> None:
    (mail,) = plistlib.loads(mobileconfig(hostile_settings(value))[0])["PayloadContent"]
    assert mail["IncomingMailServerHostName"] == mail["OutgoingMailServerHostName"] == value
    assert mail["IncomingMailServerUsername"] == value
    assert mail["EmailAccountName"] == mail["PayloadDisplayName"] == value
    assert all(isinstance(v, (str, int, bool)) for v in mail.values())


@pytest.mark.parametrize("value", CONTROL)
def test_mobileconfig_control_characters_refused(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        mobileconfig(hostile_settings(value))
    assert caught.value.code == "export.control_character"


# --- sheet -----------------------------------------------------------------------------------

class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [f"{k}={v}" for k, v in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table", "tr",
                "th", "td", "br"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sheet_content(lang: str) -> None:
    account = Account.create("alice@church.test", "山田 花子", IMAP, SMTP, login_name="u67578")
    html = sheet_html(ExportSettings.from_account(account, profile()), lang)
    text = "".join(parse_html(html).text)
    for value in ("mail.church.test", "993", "587", "SSL/TLS", "STARTTLS", "u67578",
                  "alice@church.test", "山田 花子", "03-1234-5678", "office@church.test"):
        assert value in text
    if lang == "ja":
        for words in ("送信サーバー（SMTP）は認証が必要", "暗号化された接続の種類",
                      "パスワード", "（ご自分のパスワード）", "みどり教会", "通常のパスワード認証"):
            assert words in text
    else:
        for words in ("My outgoing server (SMTP) requires authentication", "Connection security",
                      "(your own password)", "Midori Church"):
            assert words in text


def test_sheet_from_profile_without_address() -> None:
    html = sheet_html(ExportSettings.from_profile(profile(login_rule=LoginRule.LOCAL_PART)))
    text = "".join(parse_html(html).text)
    assert "（ご自分のメールアドレス）" in text
    assert "メールアドレスの「@」より前の部分" in text
    assert "ほかに使える設定" in text and "995" in text and "465" in text  # alternatives listed
    assert "メモ" in text and "2行目" in text


def test_sheet_warns_about_unencrypted_servers() -> None:
    plain = Server.parse_spec("imap:old.church.test:143:none")
    html = sheet_html(ExportSettings(("church.test",), (plain,), (SMTP,), LoginRule.ADDRESS))
    assert "old.church.test への接続は暗号化されません" in "".join(parse_html(html).text)


@pytest.mark.parametrize("value", HOSTILE)
def test_sheet_hostile_values_escaped(value: str) -> None:
    html = sheet_html(hostile_settings(value))
    parsed = parse_html(html)
    assert set(parsed.tags) <= ALLOWED_TAGS
    assert "script" not in parsed.tags
    assert value in "".join(parsed.text)
    assert not any(value in attr for attr in parsed.attrs)


@pytest.mark.parametrize("value", CONTROL)
def test_sheet_control_characters_refused(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        sheet_html(hostile_settings(value))
    assert caught.value.code == "export.control_character"


def test_export_needs_address_where_the_format_has_no_placeholder() -> None:
    settings = ExportSettings.from_profile(profile())
    for fmt in ("autodiscover", "userjs"):
        with pytest.raises(ValidationError) as caught:
            build_export(fmt, settings)
        assert caught.value.code == "export.needs_email"
    ask = ExportSettings.from_profile(profile(login_rule=LoginRule.ASK),
                                      email=EmailAddress("a", Domain("church.test", "church.test")))
    with pytest.raises(ValidationError) as caught:
        build_export("autodiscover", ask)
    assert caught.value.code == "export.needs_login"


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_profile_objects_every_format(value: str) -> None:
    """A SettingsProfile built directly (not read from a file) with hostile free text."""
    hostile = profile(organisation_ja=value, organisation_en=value,
                      contact=Contact(value, value, value), notes_ja=value, notes_en=value)
    email = parse_email("alice@church.test")
    settings = ExportSettings.from_profile(hostile, email, value, "alice")
    if "%EMAILADDRESS%" in value:  # Thunderbird would expand it in the account's name
        with pytest.raises(ValidationError, match="placeholder_in_value"):
            build_export("autoconfig", hostile)
    else:
        element = provider(build_export("autoconfig", hostile).data)
        assert element.findtext("displayName") == value
        assert element.find("documentation").get("url") == value
    (mail,) = plistlib.loads(build_export("mobileconfig", settings).data)["PayloadContent"]
    assert mail["PayloadDisplayName"] == mail["EmailAccountName"] == value
    html = build_export("sheet", settings, "en").data.decode()
    parsed = parse_html(html)
    assert set(parsed.tags) <= ALLOWED_TAGS and value in "".join(parsed.text)
    # The profile file: free text either round-trips or is refused by the profile's own code.
    texts = profile(organisation_ja=value, organisation_en=value, notes_ja=value, notes_en=value)
    try:
        dumped = build_export("profile", texts).data.decode()
    except AssistantError as refused:
        assert refused.code.startswith("profile."), refused
        assert len(value) > 200  # only the over-long name is refused
    else:
        reread = parse_profile(dumped)
        assert (reread.organisation_ja, reread.notes_ja) == (value, value)


def test_the_pdf_sheet_is_drawn_by_the_renderer_the_caller_passes() -> None:
    settings = ExportSettings.from_profile(profile(), parse_email("taro@church.test"))
    drawn: list[tuple[str, str]] = []

    def renderer(html: str, title: str) -> bytes:
        drawn.append((html, title))
        return b"%PDF-fake"

    assert build_export("sheet", settings, "en", suffix=".pdf", pdf=renderer).data == b"%PDF-fake"
    ((html, title),) = drawn
    assert html == build_export("sheet", settings, "en").data.decode() and title
    with pytest.raises(ValidationError) as refused:
        build_export("sheet", settings, "en", suffix=".pdf")
    assert refused.value.code == "export.pdf_unavailable"
