"""The Windows installer's profile check (packaging/profile_check.py), on Linux: a profile is
built in only when it parses strictly and carries a good signature by one of its own
signing_keys; ALLOW_UNSIGNED_PROFILE=1 lets an unsigned one (only) through."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import profile_check
import pytest

from assistant.signature import generate_keypair, sign
from tests.packaging.helpers import PACKAGING
from tests.paths import ROOT, SAMPLE_PROFILE

SAMPLE = SAMPLE_PROFILE.read_text(encoding="utf-8")
FIRST_KEY = "format_version = 1\n"


def with_keys(*keys: str, text: str = SAMPLE) -> str:
    assert FIRST_KEY in text
    listed = ", ".join(f'"{key}"' for key in keys)
    return text.replace(FIRST_KEY, f"{FIRST_KEY}signing_keys = [{listed}]\n", 1)


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_a_profile_signed_by_its_own_key_passes(tmp_path: Path) -> None:
    church, spare = generate_keypair(), generate_keypair()
    signed = sign(with_keys(spare.public, church.public).encode("utf-8"), church.private)
    path = write(tmp_path / "church.mailsetup", signed)
    assert profile_check.check_embedded_profile(path, allow_unsigned=False) is None


@pytest.mark.parametrize(("case", "reason"), [
    ("unsigned", "not signed"),
    ("unsigned, keys listed", "not signed"),
    ("signed by a key it does not list", "not one of the profile's own signing_keys"),
    ("changed after signing", "changed after it was signed"),
    ("signature line mangled", "cannot be read"),
])
def test_a_profile_without_its_own_good_signature_stops_the_build(
        tmp_path: Path, case: str, reason: str) -> None:
    church, stranger = generate_keypair(), generate_keypair()
    listed = with_keys(church.public).encode("utf-8")
    data = {
        "unsigned": SAMPLE.encode("utf-8"),
        "unsigned, keys listed": listed,
        "signed by a key it does not list": sign(listed, stranger.private),
        "changed after signing": sign(listed, church.private).replace(b"port = 993", b"port = 143"),
        "signature line mangled": sign(listed, church.private).replace(b" sig=", b" sig=!"),
    }[case]
    path = write(tmp_path / "church.mailsetup", data)
    with pytest.raises(profile_check.UnfitProfile, match=reason) as stopped:
        profile_check.check_embedded_profile(path, allow_unsigned=False)
    assert str(path) in str(stopped.value)
    assert "mail-assistant profile sign" in str(stopped.value)


def test_allow_unsigned_lets_only_an_unsigned_profile_through(tmp_path: Path) -> None:
    church, stranger = generate_keypair(), generate_keypair()
    unsigned = write(tmp_path / "unsigned.mailsetup", SAMPLE)
    note = profile_check.check_embedded_profile(unsigned, allow_unsigned=True)
    assert note is not None and "ALLOW_UNSIGNED_PROFILE=1" in note
    foreign = write(tmp_path / "foreign.mailsetup",
                    sign(with_keys(church.public).encode("utf-8"), stranger.private))
    with pytest.raises(profile_check.UnfitProfile, match="not one of"):
        profile_check.check_embedded_profile(foreign, allow_unsigned=True)


def test_a_profile_the_strict_reader_refuses_stops_the_build_even_when_allowed(
        tmp_path: Path) -> None:
    with_password = write(tmp_path / "bad.mailsetup",
                          SAMPLE.replace("[login]\n", '[login]\npassword = "secret"\n'))
    with pytest.raises(profile_check.UnfitProfile) as stopped:
        profile_check.check_embedded_profile(with_password, allow_unsigned=True)
    assert str(with_password) in str(stopped.value)
    assert "secret" not in str(stopped.value)


def windows_build(profile: Path, tmp_path: Path,
                  **env: str) -> subprocess.CompletedProcess[str]:
    # Wine's programs replaced by ones that fail: a profile let through goes on to the prefix
    # and stops there, and no real Wine ever starts.
    for tool in ("wine", "wineboot", "wineserver"):
        (tmp_path / tool).symlink_to("/bin/false")
    return subprocess.run(
        ["bash", str(PACKAGING / "windows-build.sh"), "bundle", str(profile)], cwd=ROOT,
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHON": sys.executable, "WIN_DIR": str(tmp_path / "win"),
             "WIN_DIST": str(tmp_path / "dist"), "PATH": f"{tmp_path}:/usr/bin:/bin", **env})


def test_windows_build_refuses_an_unsigned_profile_before_wine(tmp_path: Path) -> None:
    unsigned = write(tmp_path / "unsigned.mailsetup", SAMPLE)
    refused = windows_build(unsigned, tmp_path)
    assert refused.returncode == 2, refused.stderr
    assert f"profile_check: {unsigned}: the file is not signed." in refused.stderr
    assert not (tmp_path / "win").exists() and not (tmp_path / "dist").exists()


def test_windows_build_with_allow_unsigned_goes_on_to_the_prefix(tmp_path: Path) -> None:
    unsigned = write(tmp_path / "unsigned.mailsetup", SAMPLE)
    allowed = windows_build(unsigned, tmp_path, ALLOW_UNSIGNED_PROFILE="1")
    assert "Built in anyway (ALLOW_UNSIGNED_PROFILE=1)" in allowed.stderr
    assert "a new Wine prefix" in allowed.stdout  # past the check: the build went on
    assert allowed.returncode != 0
