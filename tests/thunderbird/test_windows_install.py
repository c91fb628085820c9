"""Thunderbird in a custom folder (the installer's registry entries) and from the Microsoft
Store (the package's redirected %APPDATA%); the registry is winreg-shaped fake, the real one
is read under Wine (tests/windows) and on the Windows runner."""

from __future__ import annotations

from pathlib import Path

from assistant.clients.thunderbird.install_hash import install_hash
from assistant.clients.thunderbird.profiles import default_profile_in
from assistant.clients.thunderbird.windows_install import (
    APP_PATHS,
    MOZILLA_KEY,
    registered_install_dirs,
    store_profile_roots,
)
from tests.clients.helpers import FakeWinreg


def test_custom_folders_from_app_paths_and_mozilla_keys_per_user_first() -> None:
    reg = FakeWinreg()
    reg.add("HKLM", APP_PATHS, **{"": (r'"D:\Apps\Mail\Thunderbird\thunderbird.exe"', 1)})
    reg.add("HKCU", MOZILLA_KEY, CurrentVersion=("140.2.0 (x64 ja)", 1))
    reg.add("HKCU", rf"{MOZILLA_KEY}\140.2.0 (x64 ja)\Main",
            **{"Install Directory": (r"C:\Users\taro\Thunderbird 140", 1)})
    assert [str(p) for p in registered_install_dirs(reg)] == [
        r"C:\Users\taro\Thunderbird 140", r"D:\Apps\Mail\Thunderbird"]


def test_missing_or_odd_registry_entries_give_nothing() -> None:
    reg = FakeWinreg()
    assert registered_install_dirs(reg) == []
    reg.add("HKCU", MOZILLA_KEY, CurrentVersion=(7, 4))        # not a string
    reg.add("HKLM", APP_PATHS, **{"": ("   ", 1)})              # empty
    reg.add("HKLM", MOZILLA_KEY, CurrentVersion=("9.9", 1))    # no Main key below it
    assert registered_install_dirs(reg) == []


def test_store_package_profiles_ini_is_found_and_its_default_read(tmp_path: Path) -> None:
    local = tmp_path / "Local"
    root = local / "Packages" / "MozillaThunderbird.MZLA_h5892qc0xkpca" / "LocalCache" / \
        "Roaming" / "Thunderbird"
    (root / "Profiles" / "s7.default-release").mkdir(parents=True)
    (local / "Packages" / "Microsoft.WindowsNotepad_8wekyb3d8bbwe").mkdir()
    (root / "profiles.ini").write_text(
        "[Profile0]\nName=default-release\nIsRelative=1\nPath=Profiles/s7.default-release\n"
        f"[Install{install_hash('C:/x')}]\nDefault=Profiles/s7.default-release\n")
    assert store_profile_roots(local) == [root]
    assert default_profile_in(root) == root / "Profiles" / "s7.default-release"
    assert store_profile_roots(tmp_path / "no such folder") == []
