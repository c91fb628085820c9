"""profiles.ini / installs.ini resolution, profile creation, install hash and lock detection."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.clients.thunderbird import find_profile, profile_in_use, profiles
from assistant.clients.thunderbird.install_hash import install_hash
from assistant.errors import AssistantError


@pytest.mark.parametrize(("path", "expected"), [
    ("/usr/lib/thunderbird", "FDC34C9F024745EB"),  # what Thunderbird 153 wrote here
    ("C:\\Program Files\\Mozilla Firefox", "308046B0AF4A39CB"),
    ("/usr/lib/firefox", "4F96D1932A9F858E"),
    ("/Applications/Firefox.app/Contents/MacOS", "2656FF1E876E9973"),  # > 64 bytes
    ("/Applications/Firefox Nightly.app/Contents/MacOS", "31210A081F86E80E"),
])
def test_install_hash(path: str, expected: str) -> None:
    assert install_hash(path) == expected


def write(root: Path, name: str, text: str) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def test_install_section_of_this_install_wins(tmp_path: Path) -> None:
    write(tmp_path, "profiles.ini",
          "[Profile1]\nName=old\nIsRelative=1\nPath=old.default\nDefault=1\n\n"
          "[Profile0]\nName=new\nIsRelative=1\nPath=Profiles/new.default-default\n\n"
          "[InstallAAAA]\nDefault=old.default\n\n"
          "[InstallFDC34C9F024745EB]\nDefault=Profiles/new.default-default\nLocked=1\n")
    assert profiles.default_profile_in(tmp_path, ["FDC34C9F024745EB"]) == \
        tmp_path / "Profiles" / "new.default-default"
    # Unknown install: the first install section, still before Default=1.
    assert profiles.default_profile_in(tmp_path, ["0000"]) == tmp_path / "old.default"


def test_installs_ini_backs_up_missing_install_sections(tmp_path: Path) -> None:
    write(tmp_path, "profiles.ini",
          "[Profile0]\nName=a\nIsRelative=1\nPath=a.default\nDefault=1\n\n"
          "[Profile1]\nName=b\nIsRelative=0\nPath=/abs/b.default\n")
    write(tmp_path, "installs.ini", "[FDC34C9F024745EB]\nDefault=/abs/b.default\nLocked=1\n")
    assert profiles.default_profile_in(tmp_path, ["FDC34C9F024745EB"]) == Path("/abs/b.default")


def test_default_flag_absolute_path_and_lone_profile(tmp_path: Path) -> None:
    write(tmp_path / "one", "profiles.ini",
          "[Profile0]\nName=x\nIsRelative=0\nPath=/somewhere/x\n\n"
          "[Profile1]\nName=y\nIsRelative=1\nPath=y\nDefault=1\n")
    assert profiles.default_profile_in(tmp_path / "one", []) == tmp_path / "one" / "y"
    write(tmp_path / "two", "profiles.ini", "[Profile0]\nName=x\nIsRelative=0\nPath=/p/x\n")
    assert profiles.default_profile_in(tmp_path / "two", []) == Path("/p/x")
    write(tmp_path / "three", "profiles.ini", "[General]\nVersion=2\n")
    assert profiles.default_profile_in(tmp_path / "three", []) is None
    assert profiles.default_profile_in(tmp_path / "missing", []) is None


def test_garbage_profiles_ini_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "profiles.ini", "no section header\n")
    with pytest.raises(AssistantError) as info:
        profiles.default_profile_in(tmp_path, [])
    assert info.value.code == "thunderbird.profiles_ini_unreadable"


def test_find_profile_in_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    assert find_profile() is None
    flatpak = tmp_path / ".var/app/org.mozilla.Thunderbird/.thunderbird"
    write(flatpak, "profiles.ini", "[Profile0]\nName=x\nIsRelative=1\nPath=x.default\nDefault=1\n")
    (flatpak / "x.default").mkdir()
    assert find_profile() == flatpak / "x.default"
    assert find_profile(tmp_path / "explicit") == tmp_path / "explicit"


def test_create_profile_registers_it_for_each_install(tmp_path: Path) -> None:
    install = tmp_path / "install"
    profile = profiles.create_profile(tmp_path / "root", installs=[install])
    assert profile.is_dir() and profile.name.endswith(".default-default")
    h = install_hash(str(install))
    assert profiles.default_profile_in(tmp_path / "root", [h]) == profile
    assert f"[Install{h}]" in (tmp_path / "root" / "profiles.ini").read_text()
    assert f"[{h}]" in (tmp_path / "root" / "installs.ini").read_text()
    with pytest.raises(AssistantError):
        profiles.create_profile(tmp_path / "root", installs=[install])


def test_symlink_lock(tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        os.symlink(f"127.0.0.1:+{sleeper.pid}", tmp_path / "lock")
        assert profile_in_use(tmp_path)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert not profile_in_use(tmp_path)  # stale link of a dead process
    (tmp_path / "lock").unlink()
    os.symlink("192.0.2.77:+1", tmp_path / "lock")  # another host: cannot check, so in use
    assert profile_in_use(tmp_path)


def test_unlocked_parentlock_is_not_in_use(tmp_path: Path) -> None:
    (tmp_path / ".parentlock").touch()
    assert not profile_in_use(tmp_path)
    assert not profile_in_use(tmp_path / "no-such-dir")
