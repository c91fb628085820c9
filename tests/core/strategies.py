"""Hypothesis strategies for settings values and whole settings profiles (shared by tests/core)."""

from __future__ import annotations

import string

from hypothesis import strategies as st

from assistant.profile import Contact, SettingsProfile
from assistant.settings import (
    AuthMethod,
    Domain,
    LoginRule,
    Protocol,
    Security,
    Server,
    parse_display_name,
    parse_domain,
)

ATEXT = string.ascii_letters + string.digits + "!#$%&'*+/=?^_`{|}~-"
_ALNUM = string.ascii_lowercase + string.digits
# Kana and common kanji that IDNA 2008 allows without context rules (ー and ・ excluded:
# ー at a label's end is read as a mistyped hyphen, ・ needs neighbouring Japanese).
JAPANESE = (
    [chr(c) for c in range(0x3041, 0x3097)]
    + [chr(c) for c in range(0x30A1, 0x30FB)]
    + list("例教会東京大阪横浜神戸札幌福岡聖書礼拝牧師")
)


@st.composite
def ascii_labels(draw: st.DrawFn, max_size: int = 20) -> str:
    """A host name label: letters/digits with single inner hyphens (never ``ab--``)."""
    parts = draw(st.lists(st.text(_ALNUM, min_size=1, max_size=8), min_size=1, max_size=3))
    label = "-".join(parts)[:max_size].strip("-")
    return label or "a"


def tlds() -> st.SearchStrategy[str]:
    return st.text(string.ascii_lowercase, min_size=2, max_size=6)


@st.composite
def ascii_domains(draw: st.DrawFn) -> str:
    labels = draw(st.lists(ascii_labels(), min_size=1, max_size=3))
    return ".".join([*labels, draw(tlds())])


def japanese_labels() -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(JAPANESE), min_size=1, max_size=8)


@st.composite
def unicode_domains(draw: st.DrawFn) -> str:
    """A domain with at least one Japanese label, e.g. ``例え.テスト`` or ``mail.教会.jp``."""
    labels = draw(st.lists(st.one_of(japanese_labels(), ascii_labels()), min_size=1,
                           max_size=3))
    labels.insert(draw(st.integers(0, len(labels))), draw(japanese_labels()))
    top = draw(st.one_of(tlds(), japanese_labels()))
    return ".".join([*labels, top])


@st.composite
def local_parts(draw: st.DrawFn) -> str:
    atoms = draw(st.lists(st.text(ATEXT, min_size=1, max_size=10), min_size=1, max_size=3))
    return ".".join(atoms)[:64].rstrip(".")


@st.composite
def addresses(draw: st.DrawFn) -> str:
    return f"{draw(local_parts())}@{draw(ascii_domains())}"


def full_width(text: str) -> str:
    """What an IME in full-width mode produces for printable ASCII."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else "\u3000" if ch == " "
                   else ch for ch in text)


def domains() -> st.SearchStrategy[Domain]:
    return st.one_of(ascii_domains(), unicode_domains()).map(parse_domain)


def hosts() -> st.SearchStrategy[str]:
    """Host text as an admin or member writes it: names, IDN, IPv4 and IPv6 literals."""
    return st.one_of(
        ascii_domains(),
        unicode_domains(),
        st.ip_addresses(v=4).map(str),
        st.ip_addresses(v=6).map(str),
    )


@st.composite
def servers(draw: st.DrawFn, protocols: tuple[Protocol, ...] = tuple(Protocol)) -> Server:
    protocol = draw(st.sampled_from(protocols))
    methods = [AuthMethod.PASSWORD_CLEARTEXT, AuthMethod.PASSWORD_ENCRYPTED]
    if protocol is Protocol.SMTP:
        methods.append(AuthMethod.NONE)
    return Server.create(
        protocol,
        draw(hosts()),
        draw(st.integers(1, 65535)),
        draw(st.sampled_from(list(Security))),
        draw(st.sampled_from(methods)),
    )


def names() -> st.SearchStrategy[str]:
    """Organisation names, already in the form reading gives (NFC, single spaces)."""
    alphabet = st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))
    return (st.text(alphabet, max_size=40).map(parse_display_name)
            .filter(lambda name: parse_display_name(name) == name))


def notes() -> st.SearchStrategy[str]:
    alphabet = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"),
                             include_characters="\n\t")
    return st.text(alphabet, max_size=200)


def contacts() -> st.SearchStrategy[Contact]:
    phones = st.sampled_from(["", "03-1234-5678", "+81 3 1234 5678", "(03) 1234-5678"])
    urls = st.one_of(st.just(""), ascii_domains().map(lambda d: f"https://{d}/help"))
    emails = st.one_of(st.just(""), addresses())
    return st.builds(Contact, phone=phones, url=urls, email=emails)


def _unique(items: list[Server]) -> tuple[Server, ...]:
    return tuple(dict.fromkeys(items))


@st.composite
def profiles(draw: st.DrawFn) -> SettingsProfile:
    incoming = _unique(draw(st.lists(servers((Protocol.IMAP, Protocol.POP3)), min_size=1,
                                     max_size=4)))
    outgoing = _unique(draw(st.lists(servers((Protocol.SMTP,)), min_size=1, max_size=3)))
    name_ja, name_en = draw(names()), draw(names())
    if not (name_ja or name_en):
        name_ja = "見本教会"
    return SettingsProfile(
        format_version=1,
        organisation_ja=name_ja,
        organisation_en=name_en,
        domains=tuple(dict.fromkeys(draw(st.lists(domains(), min_size=1, max_size=3)))),
        incoming=incoming,
        outgoing=outgoing,
        recommended_protocol=draw(st.sampled_from([s.protocol for s in incoming])),
        login_rule=draw(st.sampled_from(list(LoginRule))),
        contact=draw(contacts()),
        notes_ja=draw(notes()),
        notes_en=draw(notes()),
    )
