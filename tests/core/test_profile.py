"""Reading, validating and writing settings profiles (``*.mailsetup``)."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.errors import ProfileError
from assistant.messages import text
from assistant.profile import (
    MAX_PROFILE_BYTES,
    PROFILE_SUFFIX,
    Contact,
    dump_profile,
    load_profile,
    parse_profile,
    save_profile,
)
from assistant.profile_read import (
    CONTACT_KEYS,
    LOGIN_KEYS,
    NOTES_KEYS,
    ORGANISATION_KEYS,
    SERVER_KEYS,
    TOP_KEYS,
)
from assistant.settings import LoginRule, Protocol, Security, Server
from tests.paths import SAMPLE_PROFILE as SAMPLE

MINIMAL = """\
format_version = 1

[organisation]
name_ja = "見本教会"
name_en = "Sample Church"
domains = ["example-church.jp"]

[login]
rule = "address"

[[incoming]]
protocol = "imap"
host = "mail.example-church.jp"
port = 993
security = "tls"

[[incoming]]
protocol = "pop3"
host = "mail.example-church.jp"
port = 995
security = "tls"

[[outgoing]]
protocol = "smtp"
host = "mail.example-church.jp"
port = 465
security = "tls"

[contact]
phone = "03-1234-5678"
url = "https://www.example-church.jp/help"
email = "help@example-church.jp"

[notes]
ja = "受付でお尋ねください。"
en = "Ask at the reception desk."
"""


def edited(old: str, new: str, base: str = MINIMAL, count: int = 1) -> str:
    """MINIMAL with one passage replaced (the passage must be there: no silent no-op)."""
    assert old in base
    return base.replace(old, new, count)


def refused(document: str) -> ProfileError:
    with pytest.raises(ProfileError) as caught:
        parse_profile(document, source="church.mailsetup")
    error = caught.value
    for lang in ("ja", "en"):
        message = text(error, lang)
        assert "{" not in message, message  # every placeholder was filled
        assert not message.startswith("["), message  # the code is in the catalogue
        assert "church.mailsetup" in message
        if "key" in error.params:
            assert str(error.params["key"]) in message
        if "line" in error.params:
            assert str(error.params["line"]) in message
    return error


# --- the sample and the valid forms -------------------------------------------------------

def test_sample_profile_loads() -> None:
    assert SAMPLE.suffix == PROFILE_SUFFIX
    profile = load_profile(SAMPLE)
    assert profile.format_version == 1
    assert profile.organisation("ja") == "日本キリスト教会 見本教会"
    assert profile.organisation("en") == "Sample Church (fictional)"
    assert [d.ascii for d in profile.domains] == ["example-church.jp"]
    assert [s.spec for s in profile.incoming] == [
        "imap:mail.example-church.jp:993:tls", "pop3:mail.example-church.jp:995:tls"]
    assert [s.spec for s in profile.outgoing] == [
        "smtp:mail.example-church.jp:465:tls", "smtp:mail.example-church.jp:587:starttls"]
    assert profile.recommended_protocol is Protocol.IMAP
    assert profile.login_rule is LoginRule.ADDRESS
    assert profile.contact == Contact("03-1234-5678", "https://www.example-church.jp/mail-help",
                                      "mail-help@example-church.jp")
    assert "受付" in profile.notes_ja
    assert "reception" in profile.notes_en
    assert [s.port for s in profile.servers_for(Protocol.SMTP)] == [465, 587]
    assert [s.port for s in profile.servers_for(Protocol.POP3)] == [995]


def test_sample_round_trips_through_dump_and_save(tmp_path: Path) -> None:
    profile = load_profile(SAMPLE)
    assert parse_profile(dump_profile(profile)) == profile
    target = tmp_path / f"copy{PROFILE_SUFFIX}"
    save_profile(profile, target)
    assert load_profile(target) == profile
    assert os.listdir(tmp_path) == [target.name]  # no temporary file left behind
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_save_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "church.mailsetup"
    target.write_text("old contents", encoding="utf-8")
    profile = parse_profile(MINIMAL)
    save_profile(profile, target)
    assert load_profile(target) == profile
    assert sorted(os.listdir(tmp_path)) == ["church.mailsetup"]


def test_save_into_missing_folder_is_a_profile_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "church.mailsetup"
    with pytest.raises(ProfileError) as caught:
        save_profile(parse_profile(MINIMAL), target)
    assert caught.value.code == "io.cannot_write"
    assert caught.value.params["path"] == str(target)


def test_missing_file_is_a_profile_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as caught:
        load_profile(tmp_path / "nothing.mailsetup")
    assert caught.value.code == "io.cannot_read"


def test_optional_parts_take_their_defaults() -> None:
    document = edited(MINIMAL[MINIMAL.index("[contact]"):], "")
    document = edited("port = 993\n", "", document)
    profile = parse_profile(document)
    assert profile.contact == Contact()
    assert (profile.notes_ja, profile.notes_en) == ("", "")
    assert profile.incoming[0].port == 993  # the standard port for imap + tls
    # Without recommended_protocol the first incoming server's protocol is recommended.
    assert profile.recommended_protocol is Protocol.IMAP
    pop_first = edited('protocol = "imap"', 'protocol = "pop3"', document)
    pop_first = edited('protocol = "pop3"\nhost = "mail.example-church.jp"\nport = 995',
                       'protocol = "imap"\nhost = "mail.example-church.jp"\nport = 995',
                       pop_first)
    assert parse_profile(pop_first).recommended_protocol is Protocol.POP3


def test_organisation_name_falls_back_to_the_other_language() -> None:
    profile = parse_profile(edited('name_en = "Sample Church"\n', ""))
    assert profile.organisation("en") == "見本教会"
    assert profile.notes("en") == "Ask at the reception desk."


def test_typed_and_unicode_values_are_normalised() -> None:
    document = edited('host = "mail.example-church.jp"\nport = 993',
                      'host = "ｍａｉｌ．例え．テスト"\nport = 993')
    document = edited('protocol = "imap"', 'protocol = "ＩＭＡＰ"', document)
    document = edited('security = "tls"', 'security = "TLS"', document)
    document = edited('domains = ["example-church.jp"]',
                      'domains = ["Example-Church.JP.", "例え。テスト"]', document)
    document = edited('phone = "03-1234-5678"', 'phone = "０３ー１２３４ー５６７８"', document)
    document = edited('email = "help@example-church.jp"', 'email = "ｈｅｌｐ＠例え．テスト"',
                      document)
    profile = parse_profile(document)
    imap = profile.incoming[0]
    assert imap == Server(Protocol.IMAP, "mail.xn--r8jz45g.xn--zckzah", 993, Security.TLS)
    assert [d.ascii for d in profile.domains] == ["example-church.jp", "xn--r8jz45g.xn--zckzah"]
    assert profile.contact.phone == "03-1234-5678"
    assert profile.contact.email == "help@例え.テスト"
    dumped = dump_profile(profile)
    assert 'host = "mail.例え.テスト"' in dumped  # readable for the volunteer
    assert parse_profile(dumped) == profile


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    target = tmp_path / "notepad.mailsetup"
    target.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"))
    assert load_profile(target) == parse_profile(MINIMAL)


def test_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    target = tmp_path / "windows.mailsetup"
    target.write_bytes(MINIMAL.replace("\n", "\r\n").encode("utf-8"))
    assert load_profile(target) == parse_profile(MINIMAL)


def test_dump_refuses_an_invalid_profile() -> None:
    profile = parse_profile(MINIMAL)
    with pytest.raises(ProfileError) as caught:
        dump_profile(replace(profile, incoming=()))
    assert caught.value.code == "profile.missing_key"
    assert caught.value.params["key"] == "incoming"


# --- file-level problems -----------------------------------------------------------------

def test_file_over_64_kib_is_refused(tmp_path: Path) -> None:
    padding = MAX_PROFILE_BYTES - len(MINIMAL.encode("utf-8")) - 2
    exactly = MINIMAL + "#" + "x" * padding + "\n"
    assert len(exactly.encode("utf-8")) == MAX_PROFILE_BYTES
    assert parse_profile(exactly) == parse_profile(MINIMAL)
    too_big = exactly + "#"
    error = refused(too_big)
    assert error.code == "profile.too_large"
    assert error.params["max"] == 64 * 1024
    target = tmp_path / "big.mailsetup"
    target.write_bytes(too_big.encode("utf-8") + b"#" * 10_000_000)
    with pytest.raises(ProfileError) as caught:
        load_profile(target)
    assert caught.value.code == "profile.too_large"


def test_shift_jis_file_is_refused_with_its_line(tmp_path: Path) -> None:
    target = tmp_path / "sjis.mailsetup"
    target.write_bytes(MINIMAL.encode("shift_jis"))
    with pytest.raises(ProfileError) as caught:
        load_profile(target)
    assert caught.value.code == "profile.not_utf8"
    assert caught.value.params["line"] == 4  # name_ja, the first line with Japanese


def test_syntax_error_gives_line_and_column() -> None:
    error = refused(edited("port = 993\n", "port = \n"))
    assert error.code == "profile.syntax"
    assert error.params["line"] == MINIMAL.splitlines().index("port = 993") + 1
    assert error.params["column"] == 8
    assert "Invalid value" in error.params["detail"]


def test_duplicate_key_is_a_syntax_error() -> None:
    error = refused(edited("port = 993\n", "port = 993\nport = 994\n"))
    assert error.code in ("profile.syntax", "profile.syntax_at_end")


def test_deep_nesting_is_refused() -> None:
    error = refused("format_version = 1\nx = " + "[" * 20000 + "]" * 20000 + "\n")
    assert error.code == "profile.too_deep"


@pytest.mark.parametrize("version", ["2", "0", "100"])
def test_unknown_version_is_refused(version: str) -> None:
    error = refused(edited("format_version = 1", f"format_version = {version}"))
    assert error.code == "profile.unsupported_version"
    assert error.params["value"] == int(version)
    assert error.params["key"] == "format_version"


def test_version_is_checked_before_everything_else() -> None:
    document = edited("format_version = 1", "format_version = 2\nnew_in_v2 = true")
    assert refused(document).code == "profile.unsupported_version"


# --- never a password ---------------------------------------------------------------------

SECRET_NAMES = ["password", "Password", "PASSWORD", "passwd", "pass", "smtp_password",
                "imap-pass", "secret", "client_secret", "api_token", "pwd", "pw", "pin",
                "パスワード", "ﾊﾟｽﾜｰﾄﾞ", "ＰＡＳＳＷＯＲＤ", "暗証番号", "credentials"]


@pytest.mark.parametrize("name", SECRET_NAMES)
@pytest.mark.parametrize(("anchor", "path"), [
    ("format_version = 1\n", ""),
    ('[contact]\n', "contact."),
    ('port = 995\n', "incoming[2]."),
])
def test_password_key_is_refused(name: str, anchor: str, path: str) -> None:
    secret = "Hunter2-秘密"
    document = edited(anchor, f'{anchor}"{name}" = "{secret}"\n')
    error = refused(document)
    assert error.code == "profile.secret_key"
    assert error.params["key"] == f"{path}{name}"
    rendered = [str(error), repr(error), *(text(error, lang) for lang in ("ja", "en"))]
    assert not any(secret in part for part in rendered)
    assert secret not in repr(dict(error.params))


def test_password_in_inline_table_or_nested_table_is_refused() -> None:
    error = refused(edited("[contact]\n", '[contact]\nextra = { user = "a", password = "x" }\n'))
    assert (error.code, error.params["key"]) == ("profile.secret_key", "contact.extra.password")
    error = refused(MINIMAL + '\n[accounts.taro]\npassword = "x"\n')
    assert (error.code, error.params["key"]) == ("profile.secret_key", "accounts.taro.password")


def test_password_is_reported_before_earlier_problems() -> None:
    document = edited("port = 993", "port = 0") + '\n[extra]\npassword = "x"\n'
    assert refused(document).code == "profile.secret_key"


# --- each value, with its location ----------------------------------------------------------

CASES = [
    # (old, new, code, key)
    ("format_version = 1", "format_version = '1'", "profile.expected_integer", "format_version"),
    ("format_version = 1\n", "", "profile.missing_key", "format_version"),
    ("format_version = 1", "format_version = 1\nservers = []", "profile.unknown_key", "servers"),
    ('name_ja = "見本教会"', 'nam_ja = "見本教会"', "profile.unknown_key",
     "organisation.nam_ja"),
    ('name_ja = "見本教会"\nname_en = "Sample Church"', 'name_ja = ""\nname_en = " "',
     "profile.organisation_unnamed", "organisation"),
    ('name_ja = "見本教会"', 'name_ja = "見本\\u0007教会"',
     "profile.invalid.name.control_character", "organisation.name_ja"),
    ('name_ja = "見本教会"', "name_ja = 7", "profile.expected_text", "organisation.name_ja"),
    ('domains = ["example-church.jp"]', 'domains = "example-church.jp"',
     "profile.expected_list", "organisation.domains"),
    ('domains = ["example-church.jp"]', "domains = []", "profile.empty_list",
     "organisation.domains"),
    ('domains = ["example-church.jp"]', 'domains = ["example-church.jp", "localhost"]',
     "profile.invalid.domain.not_qualified", "organisation.domains[2]"),
    ('domains = ["example-church.jp"]', 'domains = ["例え.テスト", "xn--r8jz45g.xn--zckzah"]',
     "profile.duplicate", "organisation.domains[2]"),
    ('domains = ["example-church.jp"]\n', "", "profile.missing_key", "organisation.domains"),
    ('rule = "address"', 'rule = "email"', "profile.unknown_login_rule", "login.rule"),
    ('rule = "address"', "", "profile.missing_key", "login.rule"),
    ('[login]\nrule = "address"\n', "", "profile.missing_key", "login"),
    ("port = 995", "port = 0", "profile.invalid.port.out_of_range", "incoming[2].port"),
    ("port = 995", 'port = "995"', "profile.expected_integer", "incoming[2].port"),
    ("port = 995", "port = true", "profile.expected_integer", "incoming[2].port"),
    ("port = 995", "port = 70000", "profile.invalid.port.out_of_range", "incoming[2].port"),
    ('host = "mail.example-church.jp"', 'host = "mail..example-church.jp"',
     "profile.invalid.domain.empty_label", "incoming[1].host"),
    ('host = "mail.example-church.jp"', 'host = "mail example.jp"',
     "profile.invalid.domain.contains_space", "incoming[1].host"),
    ('host = "mail.example-church.jp"\nport = 993\n', "port = 993\n",
     "profile.missing_key", "incoming[1].host"),
    ('protocol = "imap"', 'protocol = "smtp"', "profile.not_incoming", "incoming[1].protocol"),
    ('protocol = "imap"', 'protocol = "http"', "profile.invalid.server.unknown_protocol",
     "incoming[1].protocol"),
    ('protocol = "smtp"', 'protocol = "imap"', "profile.not_outgoing", "outgoing[1].protocol"),
    ('port = 995\nsecurity = "tls"', 'port = 995\nsecurity = "ssl"',
     "profile.invalid.server.unknown_security", "incoming[2].security"),
    ('port = 995\nsecurity = "tls"', 'port = 995\nsecurity = "tls"\nauth = "kerberos"',
     "profile.invalid.server.unknown_auth", "incoming[2].auth"),
    ('port = 995\nsecurity = "tls"', 'port = 995\nsecurity = "tls"\nauth = "none"',
     "profile.auth_none_incoming", "incoming[2].auth"),
    ('port = 995\nsecurity = "tls"', 'port = 995\nsecurity = "tls"\nhots = "x"',
     "profile.unknown_key", "incoming[2].hots"),
    ('protocol = "pop3"\nhost = "mail.example-church.jp"\nport = 995',
     'protocol = "imap"\nhost = "mail.example-church.jp"\nport = 993',
     "profile.duplicate", "incoming[2]"),
    ("[[incoming]]", "[incoming]", "syntax", ""),
    ("[[outgoing]]", "[outgoing]", "profile.expected_list", "outgoing"),
    ("format_version = 1", 'format_version = 1\nrecommended_protocol = "smtp"',
     "profile.bad_recommended", "recommended_protocol"),
    ("format_version = 1", 'format_version = 1\nrecommended_protocol = 3',
     "profile.expected_text", "recommended_protocol"),
    ('phone = "03-1234-5678"', 'phone = "call me"', "profile.bad_phone", "contact.phone"),
    ('phone = "03-1234-5678"', 'phone = "' + "1" * 41 + '"', "profile.bad_phone",
     "contact.phone"),
    ('url = "https://www.example-church.jp/help"', 'url = "javascript:alert(1)"',
     "profile.bad_url", "contact.url"),
    ('url = "https://www.example-church.jp/help"', 'url = "ftp://example-church.jp/"',
     "profile.bad_url", "contact.url"),
    ('url = "https://www.example-church.jp/help"', 'url = "https://example.jp/a b"',
     "profile.bad_url", "contact.url"),
    ('url = "https://www.example-church.jp/help"', 'url = "https://example.jp/<script>"',
     "profile.bad_url", "contact.url"),
    ('url = "https://www.example-church.jp/help"',
     'url = "https://admin:hunter2@www.example-church.jp/help"',
     "profile.url_credentials", "contact.url"),
    ('url = "https://www.example-church.jp/help"', 'url = "https://admin@example.jp/"',
     "profile.url_credentials", "contact.url"),
    ('url = "https://www.example-church.jp/help"', 'url = "https://localhost/"',
     "profile.invalid.domain.not_qualified", "contact.url"),
    ('email = "help@example-church.jp"', 'email = "help"', "profile.invalid.email.missing_at",
     "contact.email"),
    ('email = "help@example-church.jp"', 'fax = "03"', "profile.unknown_key", "contact.fax"),
    ('ja = "受付でお尋ねください。"', 'ja = "受付\\u001b[31m"', "profile.control_character",
     "notes.ja"),
    ('ja = "受付でお尋ねください。"', 'ja = "' + "あ" * 4001 + '"', "profile.text_too_long",
     "notes.ja"),
    ('en = "Ask at the reception desk."', 'fr = "Demandez"', "profile.unknown_key", "notes.fr"),
]


@pytest.mark.parametrize(("old", "new", "code", "key"), CASES)
def test_invalid_value_is_reported_with_its_key(old: str, new: str, code: str, key: str) -> None:
    error = refused(edited(old, new))
    if code == "syntax":  # [incoming] after [[incoming]] is a TOML error, not a value error
        assert error.code == "profile.syntax"
        return
    assert error.code == code
    assert error.params["key"] == key


def test_url_with_a_password_is_refused_without_echoing_it() -> None:
    from assistant.messages import text

    error = refused(edited('url = "https://www.example-church.jp/help"',
                           'url = "https://admin:hunter2@www.example-church.jp/help"'))
    assert error.code == "profile.url_credentials"
    for lang in ("ja", "en"):
        assert "hunter2" not in text(error, lang)
    assert "hunter2" not in repr(error.params) and "hunter2" not in str(error)


def without_section(header: str, end: str) -> str:
    """MINIMAL without one section (from its header to the next one)."""
    return edited(MINIMAL[MINIMAL.index(header):MINIMAL.index(end)], "")


@pytest.mark.parametrize(("header", "end", "top_level", "code", "key"), [
    ("[login]", "[[incoming]]", 'login = "address"', "profile.expected_table", "login"),
    ("[[outgoing]]", "[contact]", "outgoing = []", "profile.empty_list", "outgoing"),
    ("[[outgoing]]", "[contact]", "outgoing = [1]", "profile.expected_table", "outgoing[1]"),
    ("[[outgoing]]", "[contact]", 'outgoing = ["smtp:mail.example.jp:465:tls"]',
     "profile.expected_table", "outgoing[1]"),
    ("[[outgoing]]", "[contact]", "outgoing = {}", "profile.expected_list", "outgoing"),
])
def test_section_of_the_wrong_type(header: str, end: str, top_level: str, code: str,
                                   key: str) -> None:
    document = edited("format_version = 1\n", f"format_version = 1\n{top_level}\n",
                      without_section(header, end))
    error = refused(document)
    assert (error.code, error.params["key"]) == (code, key)


def test_missing_servers_are_reported() -> None:
    outgoing = MINIMAL[MINIMAL.index("[[outgoing]]"):MINIMAL.index("[contact]")]
    error = refused(edited(outgoing, ""))
    assert (error.code, error.params["key"]) == ("profile.missing_key", "outgoing")


def test_recommended_protocol_needs_a_server() -> None:
    document = edited("format_version = 1", 'format_version = 1\nrecommended_protocol = "pop3"')
    pop = MINIMAL[MINIMAL.index("[[incoming]]\nprotocol = \"pop3\""):MINIMAL.index("[[outgoing]]")]
    error = refused(edited(pop, "", document))
    assert error.code == "profile.recommended_not_listed"
    assert error.params["value"] == "pop3"


def test_too_many_servers_are_refused() -> None:
    block = MINIMAL[MINIMAL.index("[[outgoing]]"):MINIMAL.index("[contact]")]
    many = "".join(block.replace("465", str(2000 + n)) for n in range(11))
    error = refused(edited(block, many))
    assert (error.code, error.params["key"], error.params["max"]) == (
        "profile.too_many", "outgoing", 10)


def test_first_problem_in_the_file_is_reported() -> None:
    both = edited("port = 993", "port = 0")
    both = edited('phone = "03-1234-5678"', 'phone = "call me"', both)
    assert refused(both).params["key"] == "incoming[1].port"
    # The same two problems with [contact] written before the servers.
    contact = both[both.index("[contact]"):both.index("[notes]")]
    reordered = edited(contact, "", both).replace("[login]", contact + "[login]")
    assert refused(reordered).params["key"] == "contact.phone"


# --- the documentation stays true ----------------------------------------------------------

DOC = SAMPLE.parents[2] / "docs" / "profile-format.md"


def test_documentation_shows_the_sample_as_it_is() -> None:
    assert SAMPLE.read_text(encoding="utf-8") in DOC.read_text(encoding="utf-8")


def test_documentation_names_every_key() -> None:
    documented = DOC.read_text(encoding="utf-8")
    for keys in (TOP_KEYS, ORGANISATION_KEYS, SERVER_KEYS, LOGIN_KEYS, CONTACT_KEYS,
                 NOTES_KEYS):
        for key in keys:
            assert f"`{key}`" in documented or f"[{key}]" in documented, key
