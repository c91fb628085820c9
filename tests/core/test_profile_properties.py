"""Round trip and fuzz tests of the profile format: whatever arrives, only ProfileError."""

from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from assistant.errors import ProfileError
from assistant.messages import text
from assistant.profile import (
    SettingsProfile,
    dump_profile,
    load_profile,
    parse_profile,
)
from assistant.profile_read import (
    CONTACT_KEYS,
    LOGIN_KEYS,
    NOTES_KEYS,
    ORGANISATION_KEYS,
    SERVER_KEYS,
    TOP_KEYS,
)
from tests.core.strategies import profiles
from tests.paths import SAMPLE_PROFILE as SAMPLE

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def only_profile_errors(document: str) -> SettingsProfile | None:
    """Parse; a ProfileError is fine (and must render in both languages), nothing else is."""
    return only_profile_errors_from(lambda: parse_profile(document))


def only_profile_errors_from(read: Callable[[], SettingsProfile]) -> SettingsProfile | None:
    try:
        return read()
    except ProfileError as error:
        for lang in ("ja", "en"):
            assert not text(error, lang).startswith("["), error.code
        return None


@given(profiles())
def test_dump_then_parse_gives_the_same_profile(profile: SettingsProfile) -> None:
    dumped = dump_profile(profile)
    assert parse_profile(dumped) == profile
    assert dump_profile(parse_profile(dumped)) == dumped


@given(st.text(max_size=2000))
def test_any_text_raises_only_profile_errors(document: str) -> None:
    only_profile_errors(document)


@given(st.binary(max_size=2000))
def test_any_bytes_raise_only_profile_errors(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.mailsetup"
        path.write_bytes(data)
        only_profile_errors_from(lambda: load_profile(path))


@given(st.data())
def test_damaged_sample_raises_only_profile_errors(data: st.DataObject) -> None:
    """The sample with characters deleted, inserted or replaced: like a slip in an editor."""
    document = SAMPLE_TEXT
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(document)))
        cut = data.draw(st.integers(0, 3))
        insert = data.draw(st.text(alphabet="\"'[]{}=.,#\n 0123456789abc\\ー＠\x00\u3000",
                                   max_size=3))
        document = document[:at] + insert + document[at + cut:]
    only_profile_errors(document)


_KEYS = st.sampled_from(sorted({*TOP_KEYS, *ORGANISATION_KEYS, *SERVER_KEYS, *LOGIN_KEYS,
                                *CONTACT_KEYS, *NOTES_KEYS, "x"}))
_SCALARS = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["imap", "pop3", "smtp", "tls", "starttls", "none", "address",
                     "example.jp", "mail.例え.テスト", "993", "ask"]),
    st.dates(), st.times(), st.datetimes(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(_KEYS, inner, max_size=5)),
    max_leaves=25,
)


@given(st.dictionaries(_KEYS, _VALUES, max_size=8), st.booleans())
def test_well_formed_toml_of_any_shape_raises_only_profile_errors(
        document: dict[str, object], with_version: bool) -> None:
    """Syntactically valid TOML with the profile's key names but arbitrary types and values."""
    if with_version:
        document = {"format_version": 1, **document}
    only_profile_errors(tomli_w.dumps(document))



def _slots(node: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in a parsed document where a value sits."""
    found: list[tuple[str | int, ...]] = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _slots(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _slots(value, (*path, index))
    return found


@given(st.data())
def test_valid_document_with_one_value_changed_raises_only_profile_errors(
        data: st.DataObject) -> None:
    """Every validation branch: one value of the sample replaced by anything, or removed."""
    document = tomllib.loads(SAMPLE_TEXT)
    *parents, last = data.draw(st.sampled_from(_slots(document)))
    container: Any = document
    for step in parents:
        container = container[step]
    if data.draw(st.booleans()):
        container[last] = data.draw(_VALUES)
    elif isinstance(container, dict):
        del container[last]
    else:
        container.pop(last)
    only_profile_errors(tomli_w.dumps(document))
