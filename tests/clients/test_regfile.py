"""The .reg writer: regedit's format, escaping, and values that cannot be quoted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.clients.outlook.regfile import (
    REG_BINARY,
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_MULTI_SZ,
    REG_QWORD,
    REG_SZ,
    RegValue,
    reg_file,
    value_bytes,
)
from assistant.errors import ValidationError
from tests.clients.helpers import CONTROL, HOSTILE, read_reg, reg_string

KEY = r"HKEY_CURRENT_USER\Software\Microsoft\Office\16.0\Outlook\AutoDiscover"


def test_header_bom_and_crlf() -> None:
    data = reg_file(KEY, [RegValue("PreferLocalXML", REG_DWORD, 1)])
    assert data[:2] == b"\xff\xfe"
    text = data[2:].decode("utf-16-le")
    assert text.startswith("Windows Registry Editor Version 5.00\r\n\r\n[" + KEY + "]\r\n")
    assert '"PreferLocalXML"=dword:00000001' in text.split("\r\n")
    assert read_reg(data) == {KEY: {"PreferLocalXML": ("dword", 1)}}


def test_path_with_backslashes_and_quotes() -> None:
    path = r'C:\ProgramData\Mail "Assistant"\church.test.xml'
    data = reg_file(KEY, [RegValue("church.test", REG_SZ, path)])
    line = r'"church.test"="C:\\ProgramData\\Mail \"Assistant\"\\church.test.xml"'
    assert line in data[2:].decode("utf-16-le").split("\r\n")
    assert read_reg(data)[KEY]["church.test"] == ("sz", path)


@pytest.mark.parametrize("value", [*HOSTILE, *CONTROL, "line\u2028separator"])
def test_strings_round_trip_and_never_add_lines(value: str) -> None:
    data = reg_file(KEY, [RegValue("v", REG_SZ, value), RegValue("after", REG_DWORD, 7)])
    parsed = read_reg(data)
    assert list(parsed) == [KEY]
    assert set(parsed[KEY]) == {"v", "after"}
    assert reg_string(*parsed[KEY]["v"]) == value
    assert parsed[KEY]["after"] == ("dword", 7)


@given(st.text())
def test_any_string_round_trips(value: str) -> None:
    try:
        data = reg_file(KEY, [RegValue("v", REG_SZ, value)])
    except UnicodeEncodeError:
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in value)  # lone surrogates
        return
    assert reg_string(*read_reg(data)[KEY]["v"]) == value


def test_other_types_and_deletion() -> None:
    values = [RegValue("gone", REG_SZ, None), RegValue("exp", REG_EXPAND_SZ, "%TEMP%\\x"),
              RegValue("multi", REG_MULTI_SZ, ["a", "b"]), RegValue("bin", REG_BINARY, b"\x00\xff"),
              RegValue("q", REG_QWORD, 2**40 + 5), RegValue("long", REG_BINARY, bytes(range(200)))]
    parsed = read_reg(reg_file(KEY, values))[KEY]
    assert parsed["gone"] == ("delete", None)
    assert parsed["exp"] == ("hex(2)", value_bytes(REG_EXPAND_SZ, "%TEMP%\\x"))
    assert parsed["multi"] == ("hex(7)", "a\0b\0\0".encode("utf-16-le"))
    assert parsed["bin"] == ("hex", b"\x00\xff")
    assert parsed["q"] == ("hex(b)", (2**40 + 5).to_bytes(8, "little"))
    assert parsed["long"] == ("hex", bytes(range(200)))


@pytest.mark.parametrize("name", ["line\nbreak", "nul\0"])
def test_control_character_in_name_refused(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        reg_file(KEY, [RegValue(name, REG_DWORD, 1)])
    assert caught.value.code == "outlook.reg_invalid_name"


def test_names_with_quotes_round_trip() -> None:
    parsed = read_reg(reg_file(KEY, [RegValue('we"ird\\name', REG_DWORD, 3)]))
    assert parsed[KEY] == {'we"ird\\name': ("dword", 3)}


# -- hivex's own parser reads what regedit would (a reader the project did not write) --------

HIVEX_VALUES = [RegValue("PreferLocalXML", REG_DWORD, 1),
                RegValue("church.test", REG_SZ, r'C:\ProgramData\Mail "Assistant"\church.xml'),
                RegValue("exp", REG_EXPAND_SZ, "%TEMP%\\x"),
                RegValue("multi", REG_MULTI_SZ, ["a", "b"]),
                RegValue("bin", REG_BINARY, b"\x00\xff"), RegValue("q", REG_QWORD, 2**40 + 5),
                RegValue("long", REG_BINARY, bytes(range(200))),
                RegValue('we"ird\\name', REG_DWORD, 3)]


def _as_hivex(values: list[RegValue]) -> dict[str, tuple[int, bytes]]:
    return {v.name: (v.kind, value_bytes(v.kind, v.data)) for v in values if v.data is not None}


def test_hivex_reads_every_type_as_written() -> None:
    from tests.clients.hivex import read_with_hivex

    read = read_with_hivex(reg_file(KEY, HIVEX_VALUES))
    assert read[KEY] == _as_hivex(HIVEX_VALUES)
    # regedit creates the parents of a key; nothing else appears.
    assert set(read) == {KEY.rsplit("\\", n)[0] for n in range(KEY.count("\\"))}


@pytest.mark.parametrize("value", [*HOSTILE, "line\u2028separator"])
def test_hivex_reads_hostile_strings_as_one_value(value: str) -> None:
    from tests.clients.hivex import read_with_hivex

    values = [RegValue("v", REG_SZ, value), RegValue("after", REG_DWORD, 7)]
    assert read_with_hivex(reg_file(KEY, values))[KEY] == _as_hivex(values)


def test_hivex_applies_a_deletion() -> None:
    from tests.clients.hivex import read_with_hivex

    first = reg_file(KEY, [RegValue("gone", REG_SZ, "x"), RegValue("kept", REG_DWORD, 1)])
    then = reg_file(KEY, [RegValue("gone", REG_SZ, None)])
    assert read_with_hivex(first, then)[KEY] == {"kept": (REG_DWORD, (1).to_bytes(4, "little"))}
