"""Profile signatures (assistant.signature) and ``mail-assistant profile keygen|sign|verify``;
the profile's trust fields; hostnames shown with their ASCII form; the Windows zone."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.cli import main
from assistant.errors import AssistantError, ProfileError
from assistant.hostnames import host_for_people, is_suspicious
from assistant.profile import dump_profile, load_profile, parse_profile
from assistant.signature import (
    SignatureStatus,
    check_signature,
    generate_keypair,
    normalize_public_key,
    sign,
    split_signed,
)
from assistant.zone import ZoneId, parse_zone, zone_of
from tests.paths import ROOT

SAMPLE = ROOT / "resources" / "profiles" / "sample-church.mailsetup"


def test_signature_covers_every_byte() -> None:
    pair = generate_keypair()
    data = SAMPLE.read_bytes()
    signed = sign(data, pair.private)
    assert signed.startswith(data) and signed.count(b"\n# mailsetup-signature: ") == 1
    assert check_signature(signed, (pair.public,)).status is SignatureStatus.TRUSTED
    assert check_signature(signed, ()).status is SignatureStatus.UNTRUSTED_KEY
    assert check_signature(data, (pair.public,)).status is SignatureStatus.UNSIGNED
    for position in (0, len(data) // 2, len(data) - 2):
        changed = bytearray(signed)
        changed[position] ^= 0x01
        assert check_signature(bytes(changed), (pair.public,)).status in (
            SignatureStatus.INVALID, SignatureStatus.UNSIGNED)
    # Re-signing replaces the line; a line appended after it is not a signature any more.
    other = generate_keypair()
    resigned = sign(signed, other.private)
    assert check_signature(resigned, (other.public,)).trusted
    assert split_signed(resigned)[0] == data
    assert check_signature(signed + b"x = 1\n", (pair.public,)).status is \
        SignatureStatus.UNSIGNED
    assert check_signature(data + b"# mailsetup-signature: ed25519 key=x sig=y\n",
                           (pair.public,)).status is SignatureStatus.MALFORMED


def test_signed_file_without_final_line_end_and_with_crlf() -> None:
    pair = generate_keypair()
    crlf = SAMPLE.read_bytes().replace(b"\n", b"\r\n").rstrip(b"\r\n")
    signed = sign(crlf, pair.private)
    assert check_signature(signed, (pair.public,)).trusted
    assert signed.startswith(crlf + b"\r\n")
    parse_profile(signed.decode())  # the signature line is a TOML comment


def test_public_key_text_is_strict() -> None:
    pair = generate_keypair()
    assert normalize_public_key(f"  {pair.public}\n") == pair.public
    for bad in ("", "abc", pair.public[:-4], pair.private + "AAAA", "ゆ" * 44):
        with pytest.raises(AssistantError):
            normalize_public_key(bad)


def test_keygen_sign_verify_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    key = tmp_path / "church.key"
    assert main(["profile", "keygen", str(key), "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert made["public_key"] == (tmp_path / "church.key.pub").read_text().strip()
    assert main(["profile", "keygen", str(key)]) == 1  # never over an existing key
    assert "上書きしません" in capsys.readouterr().err

    profile = tmp_path / "p.mailsetup"
    profile.write_bytes(SAMPLE.read_bytes())
    assert main(["profile", "sign", str(profile), "--key", str(key)]) == 0
    capsys.readouterr()
    assert main(["profile", "verify", str(profile), "--public-key", made["public_key"],
                 "--json", "--lang", "en"]) == 0
    verified = json.loads(capsys.readouterr().out)
    assert verified["status"] == "trusted" and "good" in verified["message"]
    assert main(["profile", "verify", str(profile), "--public-key",
                 generate_keypair().public]) == 1
    assert "信頼する鍵ではありません" in capsys.readouterr().err
    # Against the embedded profile's keys when none is given.
    church = tmp_path / "embedded.mailsetup"
    church.write_text(f'signing_keys = ["{made["public_key"]}"]\n'
                      + SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr("assistant.embedded.embedded_profile_path", lambda: church)
    assert main(["profile", "verify", str(profile)]) == 0
    capsys.readouterr()
    profile.write_bytes(profile.read_bytes().replace(b"993", b"994", 1))
    assert main(["profile", "verify", str(profile)]) == 1
    assert "書き換えられています" in capsys.readouterr().err
    # An invalid profile is not signed at all.
    bad = tmp_path / "bad.mailsetup"
    bad.write_text("format_version = 9\n")
    assert main(["profile", "sign", str(bad), "--key", str(key)]) == 2
    assert "# mailsetup-signature" not in bad.read_text()


def test_trust_fields_read_strictly_and_written_back() -> None:
    base = SAMPLE.read_text(encoding="utf-8")
    key = generate_keypair().public
    fingerprint = ":".join(["AB"] * 32)
    text = (f'signing_keys = ["{key}"]\n' + base + '\n[pc]\nshared = true\n').replace(
        'security = "tls"\n', f'security = "tls"\npinned_sha256 = "{fingerprint.lower()}"\n',
        1)
    profile = parse_profile(text)
    assert profile.signing_keys == (key,) and profile.shared_pc
    pinned = [server for server, policy in profile.policies if policy.pinned_sha256]
    assert len(pinned) == 1 and profile.policy_for(pinned[0]).pinned_sha256 == fingerprint
    assert parse_profile(dump_profile(profile)) == profile
    for wrong, code in [
        (f'signing_keys = ["{key[:-2]}"]\n' + base, "profile.bad_signing_key"),
        (f'signing_keys = ["{key}", "{key}"]\n' + base, "profile.duplicate"),
        (base + "\n[pc]\nshared = 1\n", "profile.expected_boolean"),
        (base + "\n[pc]\nhot = true\n", "profile.unknown_key"),
        (base.replace('security = "tls"\n', 'security = "tls"\npinned_sha256 = "AB"\n', 1),
         "profile.bad_fingerprint"),
        (base.replace('security = "tls"\n', 'security = "tls"\nallow_plaintext = true\n', 1),
         "profile.plaintext_with_tls"),
    ]:
        with pytest.raises(ProfileError) as info:
            parse_profile(wrong)
        assert info.value.code == code


def test_signed_profile_loads_and_size_excludes_the_signature(tmp_path: Path) -> None:
    from assistant.profile_model import MAX_PROFILE_BYTES

    pair = generate_keypair()
    body = SAMPLE.read_bytes()
    padded = body + b"#" * (MAX_PROFILE_BYTES - len(body) - 1) + b"\n"
    path = tmp_path / "big.mailsetup"
    path.write_bytes(sign(padded, pair.private))
    assert load_profile(path).organisation_ja  # 64 KiB of profile plus its signature line
    path.write_bytes(padded + b"#\n")
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert info.value.code == "profile.too_large"


@pytest.mark.parametrize(("host", "suspicious"), [
    ("mail.example-church.jp", False),
    ("xn--exmple-4nf.jp", True),            # exаmple: Cyrillic а among Latin letters
    ("xn--80ak6aa92e.com", True),           # аррӏе: Cyrillic letters that all look Latin
    ("xn--eckwd4c7c.xn--zckzah", False),    # ドメイン.テスト: Katakana
    ("xn--r8jz45g.xn--zckzah", False),      # 例え.テスト: Han and Hiragana
])
def test_confusable_hosts_show_their_ascii_form(host: str, suspicious: bool) -> None:
    assert is_suspicious(host) is suspicious
    shown = host_for_people(host)
    assert (f"({host})" in shown) is suspicious
    assert shown.startswith(host) is (not any(label.startswith("xn--")
                                              for label in host.split(".")))


def test_mark_of_the_web_zone(tmp_path: Path) -> None:
    path = tmp_path / "forged.mailsetup"
    path.write_text("x")
    assert zone_of(path, windows=True) is None  # no stream
    stream = Path(str(path) + ":Zone.Identifier")
    stream.write_text("\ufeff[ZoneTransfer]\r\nZoneId=3\r\n"
                      "HostUrl=https://evil.example/forged.mailsetup\r\n", encoding="utf-8")
    zone = zone_of(path, windows=True)
    assert zone is not None and zone.zone is ZoneId.INTERNET and zone.from_outside
    assert zone.host_url == "https://evil.example/forged.mailsetup"
    assert zone_of(path, windows=False) is None  # only Windows has such streams
    from assistant.messages import text
    from assistant.profile_model import SettingsProfile
    from assistant.profile_trust import LoadedProfile, TrustLevel, check_profile
    from assistant.settings import parse_email
    from assistant.signature import SignatureCheck

    church: SettingsProfile = load_profile(SAMPLE)
    loaded = LoadedProfile(church, TrustLevel.UNTRUSTED, path,
                           SignatureCheck(SignatureStatus.UNSIGNED), zone)
    email = parse_email(f"taro@{church.domains[0].ascii}")
    notes = check_profile(loaded, email).notes
    assert [text(n, "en") for n in notes] == [
        "Windows recorded that this file came from the Internet"
        " (https://evil.example/forged.mailsetup)."]
    assert parse_zone("[Other]\nZoneId=3\n") is None
    assert parse_zone("[ZoneTransfer]\nZoneId=9\n") is None
    assert parse_zone("[ZoneTransfer]\nZoneId=2\n") is not None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.binary(max_size=200))
def test_any_bytes_get_a_status_never_an_exception(body: bytes, tail: bytes) -> None:
    """A hostile file (any body, any "signature line") is one of the statuses; only a real
    signature by the trusted key is trusted."""
    key = _KEY.public
    for data in (body, body + b"\n# mailsetup-signature: " + tail,
                 sign(body, _KEY.private) + tail):
        check = check_signature(data, (key,))
        assert isinstance(check.status, SignatureStatus)
        if check.trusted:
            assert split_signed(data)[0] == split_signed(sign(body, _KEY.private))[0]


_KEY = generate_keypair()
