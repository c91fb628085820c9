"""The autoconfig file as Thunderbird 153 reads it (the verdict), and as the product reads it:
<username> templates become the login, the declared encoding (Shift_JIS) is honoured."""

from __future__ import annotations

import pytest

from assistant.discovery.autoconfig import read_autoconfig
from assistant.discovery.thunderbird_reading import thunderbird_reading
from assistant.messages import text
from assistant.settings import parse_email

EMAIL = parse_email("taro@church.example")


def config(incoming: str = "", outgoing: str = "", *, provider: str = 'id="church.example"',
           domain: str = "<domain>church.example</domain>",
           declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    imap = incoming or """<incomingServer type="imap"><hostname>mail.church.example</hostname>
      <port>993</port><socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILLOCALPART%</username></incomingServer>"""
    smtp = outgoing or """<outgoingServer type="smtp"><hostname>mail.church.example</hostname>
      <port>465</port><socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILLOCALPART%</username></outgoingServer>"""
    return (f"{declaration}<clientConfig version=\"1.1\"><emailProvider {provider}>{domain}"
            f"<displayName>教会</displayName>{imap}{smtp}</emailProvider></clientConfig>")


def verdict(xml: str, content_type: str | None = "text/xml", encoding: str = "utf-8"):  # type: ignore[no-untyped-def]
    return thunderbird_reading(xml.encode(encoding), content_type)


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.code for r in result.reasons]


def test_a_good_file_is_accepted_and_its_login_template_read() -> None:
    result = verdict(config(), "application/xml; charset=utf-8")
    assert result.accepted and result.reasons == ()
    assert result.logins == ("%EMAILLOCALPART%",)
    found = read_autoconfig(config().encode(), EMAIL)
    assert [f.login for f in found] == ["taro", "taro"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/octet-stream", "",
                                          "Text/XML", "application/xhtml+xml"])
def test_a_file_not_served_as_xml_is_not_read(content_type: str) -> None:
    result = verdict(config(), content_type)
    assert not result.accepted and codes(result) == ["autoconfig.tb.content_type"]
    assert "text/xml" in text(result.reasons[0], "en")


def padded(value: str) -> str:
    return config(f"""<incomingServer type="imap"><hostname>mail.church.example</hostname>
      <port>993</port><socketType>{value}</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username></incomingServer>""")


@pytest.mark.parametrize(("xml", "code"), [
    (padded(" SSL "), "autoconfig.tb.socket_type_invalid"),        # padded value
    (padded("ssl"), "autoconfig.tb.socket_type_invalid"),          # case counts
    (config("""<incomingServer type="imap"><hostname>mail.church.example</hostname>
      <port>９９３</port><socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username></incomingServer>"""), "autoconfig.tb.port_invalid"),
    (config("""<incomingServer type="imap"><hostname>メール.教会.jp</hostname>
      <port>993</port><socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username></incomingServer>"""), "autoconfig.tb.host_invalid"),
    (config("""<incomingServer type="imap"><hostname>mail.church.example</hostname>
      <port>993</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username></incomingServer>"""),
     "autoconfig.tb.authentication_invalid"),
])
def test_one_bad_incoming_server_leaves_the_file_without_one(xml: str, code: str) -> None:
    result = verdict(xml)
    assert not result.accepted
    assert codes(result)[:2] == ["autoconfig.tb.no_incoming", code]
    # The product's own reading is more forgiving about padding and case (not host/port).
    if code == "autoconfig.tb.socket_type_invalid" and "ssl" not in xml:
        assert read_autoconfig(xml.encode(), EMAIL)


def test_missing_domain_or_id_rejects_the_file() -> None:
    assert codes(verdict(config(domain="")))[:1] == ["autoconfig.tb.no_domain"]
    assert codes(verdict(config(provider="")))[:1] == ["autoconfig.tb.host_missing"]


def test_an_incoming_only_file_is_rejected() -> None:
    xml = config(outgoing="<!-- none -->")
    result = verdict(xml)
    assert not result.accepted and codes(result) == ["autoconfig.tb.no_outgoing"]
    assert read_autoconfig(xml.encode(), EMAIL)  # the product still uses the incoming one


def test_a_bad_server_among_good_ones_is_dropped_and_named() -> None:
    bad = """<incomingServer type="pop3"><hostname>pop.church.example</hostname>
      <port>99999</port><socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>%EMAILADDRESS%</username></incomingServer>"""
    good = config().split("<incomingServer", 1)[1].split("</incomingServer>", 1)[0]
    xml = config("<incomingServer" + good + "</incomingServer>" + bad)
    result = verdict(xml)
    assert result.accepted and codes(result) == ["autoconfig.tb.port_invalid"]


def test_usernames_thunderbird_reads_differently() -> None:
    missing = config("""<incomingServer type="imap"><hostname>mail.church.example</hostname>
      <port>993</port><socketType>SSL</socketType>
      <authentication>password-cleartext</authentication></incomingServer>""")
    result = verdict(missing)
    assert result.accepted and codes(result) == ["autoconfig.tb.username_missing"]
    assert result.logins[0] == "undefined"
    numeric = config("""<incomingServer type="imap"><hostname>mail.church.example</hostname>
      <port>993</port><socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <username>0123</username></incomingServer>""")
    result = verdict(numeric)
    assert codes(result) == ["autoconfig.tb.username_changed"] and result.logins[0] == "123"


def test_shift_jis_is_decoded_as_declared() -> None:
    xml = config(declaration='<?xml version="1.0" encoding="Shift_JIS"?>')
    data = xml.encode("shift_jis")
    assert thunderbird_reading(data, "text/xml").accepted
    assert [f.login for f in read_autoconfig(data, EMAIL)] == ["taro", "taro"]
    # The HTTP charset wins over the declaration, as in Thunderbird's XMLHttpRequest.
    assert read_autoconfig(config().encode("euc_jp"), EMAIL, "text/xml; charset=EUC-JP")
