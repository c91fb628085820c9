"""Capability and autoconfig parsers: exact results on known input, and hypothesis fuzzing
that any input yields either a result or a typed error (never another exception)."""

from __future__ import annotations

import contextlib
import random
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.discovery import AutoconfigError, order_srv, parse_autoconfig
from assistant.net import ProtocolError
from assistant.net.mail import (
    imap_auth_mechanisms,
    parse_ehlo,
    parse_imap_capability,
    parse_pop3_capa,
    pop3_auth_mechanisms,
    smtp_auth_mechanisms,
)
from assistant.settings import AuthMethod, Protocol, Security, parse_email

EMAIL = parse_email("taro@church.example")


def test_imap_capability_from_untagged_and_response_code() -> None:
    caps = parse_imap_capability([
        b"* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n",
        b"* CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN auth=login\r\n"])
    assert caps == ["IMAP4REV1", "STARTTLS", "LOGINDISABLED", "SASL-IR", "AUTH=PLAIN",
                    "AUTH=LOGIN"]
    assert imap_auth_mechanisms(caps) == ["PLAIN", "LOGIN"]


def test_pop3_capa() -> None:
    caps = parse_pop3_capa([b"TOP\r\n", b"USER\r\n", b"SASL PLAIN  LOGIN\r\n", b"STLS\r\n"])
    assert caps == ["TOP", "USER", "SASL PLAIN LOGIN", "STLS"]
    assert pop3_auth_mechanisms(caps) == ["PLAIN", "LOGIN"]


def test_ehlo_and_old_style_auth() -> None:
    exts = parse_ehlo([b"250-mail.example Hello\r\n", b"250-PIPELINING\r\n",
                       b"250-AUTH PLAIN LOGIN\r\n", b"250-AUTH=LOGIN CRAM-MD5\r\n",
                       b"250 STARTTLS\r\n"])
    assert exts == ["PIPELINING", "AUTH PLAIN LOGIN", "AUTH=LOGIN CRAM-MD5", "STARTTLS"]
    assert smtp_auth_mechanisms(exts) == ["PLAIN", "LOGIN", "CRAM-MD5"]
    with pytest.raises(ProtocolError):
        parse_ehlo([b"hello\r\n"])


lines = st.lists(st.binary(max_size=200), max_size=20)


@settings(max_examples=300, deadline=None)
@given(lines)
def test_fuzz_capability_parsers(data: list[bytes]) -> None:
    for parser in (parse_imap_capability, parse_pop3_capa, parse_ehlo):
        try:
            result = parser(data)
        except ProtocolError:
            continue
        assert all(isinstance(item, str) for item in result)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=40), max_size=20))
def test_fuzz_capability_parsers_texty(words: list[str]) -> None:
    data = [("* CAPABILITY " + w + "\r\n").encode() for w in words]
    data += [("250-" + w + "\r\n").encode() for w in words]
    for parser in (parse_imap_capability, parse_pop3_capa, parse_ehlo):
        with contextlib.suppress(ProtocolError):
            parser(data)


MINIMAL = """<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="church.example">
    <domain>church.example</domain>
    <incomingServer type="imap">
      <hostname>imap.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType>
      <authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.church.example</hostname><port>110</port><socketType>STARTTLS</socketType>
      <authentication>password-encrypted</authentication><username>%EMAILLOCALPART%</username>
    </incomingServer>
    <incomingServer type="exchange"><hostname>ews.church.example</hostname></incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.church.example</hostname><port>587</port><socketType>STARTTLS</socketType>
      <authentication>OAuth2</authentication><authentication>password-cleartext</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>oauth.church.example</hostname><port>465</port><socketType>SSL</socketType>
      <authentication>OAuth2</authentication>
    </outgoingServer>
    <documentation url="https://church.example/help?a=1&amp;b=2"><descr lang="ja">説明</descr>
    </documentation>
  </emailProvider>
</clientConfig>
""".encode()


def test_autoconfig_parsed_with_placeholders_and_unusable_entries_skipped() -> None:
    servers = parse_autoconfig(MINIMAL, EMAIL)
    assert [(s.protocol, s.host, s.port, s.security, s.auth) for s in servers] == [
        (Protocol.IMAP, "imap.church.example", 993, Security.TLS, AuthMethod.PASSWORD_CLEARTEXT),
        (Protocol.POP3, "pop.church.example", 110, Security.STARTTLS,
         AuthMethod.PASSWORD_ENCRYPTED),
        (Protocol.SMTP, "smtp.church.example", 587, Security.STARTTLS,
         AuthMethod.PASSWORD_CLEARTEXT),
    ]


@pytest.mark.parametrize(("data", "code"), [
    (b"<clientConfig><emailProvider>", "autoconfig.malformed"),
    (b"not xml at all", "autoconfig.malformed"),
    (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><clientConfig/>',
     "autoconfig.dtd_forbidden"),
    (b'<!DOCTYPE x SYSTEM "http://attacker.example/x.dtd"><clientConfig/>',
     "autoconfig.dtd_forbidden"),
    (b"<other/>", "autoconfig.no_provider"),
    (b"<clientConfig><emailProvider/></clientConfig>", "autoconfig.no_servers"),
    (b"<clientConfig>" + b" " * (300 * 1024) + b"</clientConfig>", "autoconfig.too_large"),
])
def test_autoconfig_refusals(data: bytes, code: str) -> None:
    with pytest.raises(AutoconfigError) as info:
        parse_autoconfig(data, EMAIL)
    assert info.value.code == code


def _server_xml(draw: st.DrawFn) -> str:
    tag = draw(st.sampled_from(["incomingServer", "outgoingServer", "junk"]))
    kind = draw(st.sampled_from(["imap", "pop3", "smtp", "nntp", "", "<&>"]))
    field = st.text(max_size=30)
    parts = {name: draw(field) for name in ("hostname", "port", "socketType",
                                             "authentication")}
    body = "".join(f"<{k}>{v}</{k}>" for k, v in parts.items())
    return f'<{tag} type="{kind}">{body}</{tag}>'


@st.composite
def autoconfig_documents(draw: st.DrawFn) -> bytes:
    servers = "".join(_server_xml(draw) for _ in range(draw(st.integers(0, 4))))
    doc = f"<clientConfig><emailProvider>{servers}</emailProvider></clientConfig>"
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(doc)))
        doc = doc[:cut] + draw(st.text(max_size=10)) + doc[cut:]
    return doc.encode("utf-8", "surrogatepass")


@settings(max_examples=400, deadline=None)
@given(st.one_of(autoconfig_documents(), st.binary(max_size=500)))
def test_fuzz_autoconfig(data: bytes) -> None:
    try:
        servers = parse_autoconfig(data, EMAIL)
    except AutoconfigError:
        return
    assert servers
    for server in servers:
        assert server.host.isascii() and 1 <= server.port <= 65535


def test_srv_order_priority_first_weight_honoured() -> None:
    records = [(10, 0, 993, "backup.example"), (0, 90, 993, "big.example"),
               (0, 10, 993, "small.example")]
    firsts = {order_srv(records, random.Random(seed))[0][3] for seed in range(200)}
    assert firsts == {"big.example", "small.example"}
    counts = sum(order_srv(records, random.Random(seed))[0][3] == "big.example"
                 for seed in range(400))
    assert counts > 240  # weight 90 against 10: most draws pick the heavy one
    assert all(order_srv(records, random.Random(s))[-1][3] == "backup.example"
               for s in range(50))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(list(Protocol)),
       st.lists(st.one_of(st.binary(max_size=120),
                          st.sampled_from([b"* OK ready\r\n", b"+OK hi\r\n", b"220 hi\r\n",
                                           b"A1 OK done\r\n", b".\r\n", b"250 ok\r\n",
                                           b"250-x\r\n", b"* CAPABILITY X\r\n"])),
                max_size=12))
def test_fuzz_server_dialogue(protocol: Protocol, chunks: list[bytes]) -> None:
    """Whatever a server sends, reading its greeting and capabilities ends in a result or a
    typed NetError (here over a socket pair, so no network is involved)."""
    from assistant.net import Connection, Deadline, Limits, NetError
    from assistant.net.mail import _capabilities, _hello, _Plain

    ours, theirs = socket.socketpair()
    ours.setblocking(False)
    theirs.sendall(b"".join(chunks))
    theirs.close()  # then EOF: a reader must not wait for more
    conn = Connection(ours, "fuzz.test", 0, "local", Deadline(5), None,
                      Limits(max_line=256, max_total=4096, read_timeout=1))
    state = _Plain()
    try:
        _hello(conn, protocol, state)
        _capabilities(conn, protocol, state)
    except NetError:
        pass
    finally:
        conn.close()
    assert all(isinstance(c, str) for c in state.capabilities)
