"""The prefs.js tokenizer and the escaping that keeps every value inside its string."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.clients.thunderbird.prefs_syntax import (
    PrefsSyntaxError,
    format_pref,
    js_string,
    parse_prefs,
    pref_map,
    same_value,
)

SAMPLE = (
    b"// Mozilla User Preferences\r\n"
    b"/* a block\n comment with user_pref(\"fake\", 1); inside */\n"
    b"# hash comment user_pref(\"fake2\", 2);\n"
    b"user_pref(\"s\", \"q\\\"b\\\\n\\n\\r\\x41\\u00e9\\ud83d\\ude00\");\n"
    b"user_pref('single', 'it\\'s \"x\"');\n"
    b"user_pref(\"neg\", - 5);user_pref(\"pos\", +7);\n"
    b"user_pref(\"t\", true); user_pref(\"f\",false) ;\n"
    b"user_pref(\"multi\", \"line\nbreak\");\n"
    b"pref(\"d\", 1, locked);\n"
    b"user_pref(\"s\", \"later wins\");\n"
)


def test_parses_every_form() -> None:
    statements = parse_prefs(SAMPLE)
    values = pref_map(statements)
    assert values == {
        "s": "later wins", "single": "it's \"x\"", "neg": -5, "pos": 7, "t": True,
        "f": False, "multi": "line\nbreak", "d": 1,
    }
    assert statements[0].value == 'q"b\\n\n\rAé😀'
    assert "fake" not in values and "fake2" not in values
    # Spans cover exactly the statement text.
    first = statements[0]
    assert SAMPLE[first.start:first.end].startswith(b'user_pref("s"')
    assert SAMPLE[first.start:first.end].endswith(b");")


@pytest.mark.parametrize(("text", "line", "reason"), [
    (b'user_pref("a", "open);\n', 1, "unterminated string literal"),
    (b'\nuser_pref("a", "\\t");', 2, "unexpected escape"),
    (b'user_pref("a", "\\x00");', 1, "\\x00 is not allowed"),
    (b'user_pref("a", "\\u0000");', 1, "\\u0000 is not allowed"),
    (b'user_pref("a", "\\udc00");', 1, "expected high surrogate"),
    (b'user_pref("a", "\\ud800x");', 1, "expected low surrogate"),
    (b'user_pref("a", "\\xZZ");', 1, "malformed \\x"),
    (b'user_pref("a", 2147483648);', 1, "overflowed"),
    (b'user_pref("a", 12abc);', 1, "unexpected character in integer"),
    (b'user_pref("a", yes);', 1, "unknown keyword"),
    (b'user_pref("a", 1)\nuser_pref("b", 2);', 2, "expected ';'"),
    (b'user_pref("a" 1);', 1, "expected ','"),
    (b'set("a", 1);', 1, "expected pref specifier"),
    (b'/* never closed', 1, "unterminated /* comment"),
    (b'user_pref("a", 1);\n\x00user_pref("b", 2);', 2, "NUL byte"),
    (b'user_pref("a", 1); / x', 1, "expected '/' or '*'"),
])
def test_syntax_errors_say_where(text: bytes, line: int, reason: str) -> None:
    with pytest.raises(PrefsSyntaxError) as info:
        parse_prefs(text)
    assert info.value.line == line
    assert reason in info.value.reason


def test_int_limits() -> None:
    assert pref_map(parse_prefs(b'user_pref("a", -2147483648);')) == {"a": -(2**31)}
    with pytest.raises(PrefsSyntaxError):
        parse_prefs(b'user_pref("a", -2147483649);')


@given(st.text().filter(lambda s: "\0" not in s))
def test_any_string_value_round_trips(value: str) -> None:
    line = format_pref("mail.identity.id1.fullName", value)
    statements = parse_prefs(line.encode("utf-8"))
    assert [(s.name, s.value) for s in statements] == [("mail.identity.id1.fullName", value)]


@given(st.text(min_size=1).filter(lambda s: "\0" not in s), st.integers(-(2**31), 2**31 - 1),
       st.booleans())
def test_names_and_every_type_round_trip(name: str, number: int, flag: bool) -> None:
    text = "\n".join([format_pref(name, number), format_pref(name + ".b", flag)])
    values = pref_map(parse_prefs(text.encode("utf-8")))
    assert same_value(values[name], number)
    assert same_value(values[name + ".b"], flag)


@pytest.mark.parametrize("hostile", [
    '"); user_pref("mail.server.server1.socketType", 0); //',
    "\\\"); user_pref(\"x\", 1); //",
    "line\nuser_pref(\"x\", 1);",
    "\r\n/*", "*/", "'", "\u2028\u2029", "\x7f\x85\x1b", "a" * 10000,
])
def test_hostile_value_stays_one_string(hostile: str) -> None:
    line = format_pref("mail.server.server1.userName", hostile)
    assert "\n" not in line and "\r" not in line and "\u2028" not in line
    assert pref_map(parse_prefs(line.encode("utf-8"))) == {
        "mail.server.server1.userName": hostile}


def test_only_gecko_escapes_are_used() -> None:
    # JSON would write \t, \b and \f, which Gecko rejects ("unexpected escape sequence").
    assert js_string("\t\b\f") == '"\\u0009\\u0008\\u000c"'


@pytest.mark.parametrize("bad", ["a\0b", "\ud800"])
def test_unrepresentable_values_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        js_string(bad)


def test_bool_and_int_are_different_values() -> None:
    assert not same_value(True, 1)
    assert not same_value(0, False)
    assert same_value("1", "1")
