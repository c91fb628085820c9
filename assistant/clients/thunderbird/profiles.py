"""Where Thunderbird keeps its profiles, which one is the default, and making one.

profiles.ini resolution follows Gecko's ``nsToolkitProfileService``: the ``[Install<HASH>]``
section of this installation names its default profile; older files (or installs.ini, which
keeps a copy of those sections) fall back to ``[ProfileN] Default=1``. Paths are relative to
the profiles.ini directory when ``IsRelative=1`` and always written with ``/``.
"""

from __future__ import annotations

import configparser
import os
import secrets
import shutil
import string
import sys
from pathlib import Path

from assistant.atomic import PRIVATE_MODE, write_atomic
from assistant.clients.thunderbird.install_hash import install_hash
from assistant.clients.thunderbird.windows_install import (
    store_profile_roots,
    system_registered_install_dirs,
)
from assistant.errors import AssistantError
from assistant.files import FileReadError, read_bounded

MAX_INI_BYTES = 1 << 20


def profile_roots() -> list[Path]:
    """Directories that may hold profiles.ini, most usual first, for this platform.

    Linux: the Snap and Flatpak locations come after ``~/.thunderbird`` (see
    docs/thunderbird.md for where each path is confirmed). Windows: %APPDATA%, then the
    Microsoft Store package's redirected copy (:mod:`.windows_install`).
    """
    home = Path.home()
    if sys.platform == "win32":
        appdata, local = os.environ.get("APPDATA"), os.environ.get("LOCALAPPDATA")
        return ([Path(appdata) / "Thunderbird"] if appdata else []) + \
            (store_profile_roots(Path(local)) if local else [])
    if sys.platform == "darwin":
        return [home / "Library" / "Thunderbird"]
    return [home / ".thunderbird",
            home / "snap" / "thunderbird" / "common" / ".thunderbird",
            home / ".var" / "app" / "org.mozilla.Thunderbird" / ".thunderbird"]


def install_dirs() -> list[Path]:
    """Installation directories (the binary's directory, as Gecko hashes it) present here."""
    if sys.platform == "win32":
        bases = [os.environ.get(v) for v in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")]
        local = os.environ.get("LOCALAPPDATA")
        candidates = [Path(b) / "Mozilla Thunderbird" for b in bases if b]
        if local:
            candidates.append(Path(local) / "Mozilla Thunderbird")
        candidates += system_registered_install_dirs()  # a custom folder
        binary = "thunderbird.exe"
    elif sys.platform == "darwin":
        candidates = [Path("/Applications/Thunderbird.app/Contents/MacOS")]
        binary = "thunderbird"
    else:
        candidates = [Path("/usr/lib/thunderbird"), Path("/usr/lib64/thunderbird"),
                      Path("/opt/thunderbird"), Path("/usr/local/lib/thunderbird")]
        binary = "thunderbird"
    found: list[Path] = []
    for directory in candidates:
        if (directory / binary).is_file() and directory not in found:
            found.append(directory)
    return found


def thunderbird_installed() -> bool:
    return bool(install_dirs()) or shutil.which("thunderbird") is not None


def _read_ini(path: Path) -> configparser.ConfigParser | None:
    if not path.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    try:
        data = read_bounded(path, MAX_INI_BYTES)  # regular files only, bounded
        parser.read_string(data.decode("utf-8", errors="replace"), str(path))
    except FileReadError as exc:
        reason = "too large" if exc.reason == "too_large" else exc.reason
        raise AssistantError("thunderbird.profiles_ini_unreadable", path=str(path),
                             reason=reason) from None
    except (OSError, configparser.Error) as exc:
        raise AssistantError("thunderbird.profiles_ini_unreadable", path=str(path),
                             reason=type(exc).__name__) from None
    return parser


def _resolve(root: Path, path_value: str, relative: bool) -> Path:
    return root / Path(*path_value.split("/")) if relative else Path(path_value)


def default_profile_in(root: Path, hashes: list[str] | None = None) -> Path | None:
    """The default profile named by ``root/profiles.ini`` (installs.ini as backup), or None.

    ``hashes`` are the install hashes of this machine's Thunderbird installations, in order
    of preference; a section for one of them wins, then a single install section, then the
    first one, then ``Default=1``, then a lone profile.
    """
    ini = _read_ini(root / "profiles.ini")
    if ini is None:
        return None
    relative_of = {}
    profile_sections = [s for s in ini.sections() if s.startswith("Profile")]
    for section in profile_sections:
        path_value = ini.get(section, "Path", fallback="")
        if path_value:
            relative_of[path_value] = ini.get(section, "IsRelative", fallback="1") == "1"
    installs = {s[len("Install"):]: ini.get(s, "Default", fallback="")
                for s in ini.sections() if s.startswith("Install")}
    if not installs:
        backup = _read_ini(root / "installs.ini")
        if backup is not None:
            installs = {s: backup.get(s, "Default", fallback="") for s in backup.sections()}
    installs = {h: d for h, d in installs.items() if d}
    chosen = next((installs[h] for h in (hashes if hashes is not None else
                                         [install_hash(str(d)) for d in install_dirs()])
                   if h in installs), None)
    if chosen is None and installs:
        chosen = next(iter(installs.values()))
    if chosen is not None:
        return _resolve(root, chosen, relative_of.get(chosen, not Path(chosen).is_absolute()))
    for section in profile_sections:
        path_value = ini.get(section, "Path", fallback="")
        if path_value and ini.get(section, "Default", fallback="0") == "1":
            return _resolve(root, path_value, relative_of[path_value])
    if len(relative_of) == 1:
        path_value, relative = next(iter(relative_of.items()))
        return _resolve(root, path_value, relative)
    return None


def find_profile(explicit: Path | None = None) -> Path | None:
    """The profile directory to write into: ``explicit``, else the default of the first
    profile root whose profiles.ini names an existing directory."""
    if explicit is not None:
        return Path(explicit)
    for root in profile_roots():
        profile = default_profile_in(root)
        if profile is not None and profile.is_dir():
            return profile
    return None


def _ini_text(sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    return "".join(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in items) + "\n"
                   for name, items in sections)


def create_profile(root: Path | None = None, installs: list[Path] | None = None) -> Path:
    """Make the profile Thunderbird will open on its first start, and register it.

    Only for a root without profiles.ini (Thunderbird never ran): a new directory
    ``<random>.default-default`` and profiles.ini naming it as ``Default=1`` and as the
    default of every Thunderbird installation found (``[Install<HASH>]``, mirrored in
    installs.ini). Thunderbird 153 was checked to start on exactly this profile.
    """
    if root is None:
        roots = profile_roots()
        if not roots:
            raise AssistantError("thunderbird.profile_not_found")
        root = roots[0]
    if (root / "profiles.ini").exists():
        raise AssistantError("thunderbird.profile_not_found")
    salt = "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(8))
    name = f"{salt}.default-default"
    profile = root / name
    profile.mkdir(parents=True, mode=0o700)
    hashes = [install_hash(str(d)) for d in (install_dirs() if installs is None else installs)]
    sections: list[tuple[str, list[tuple[str, str]]]] = [
        ("Profile0", [("Name", "default-default"), ("IsRelative", "1"), ("Path", name),
                      ("Default", "1")]),
        ("General", [("StartWithLastProfile", "1"), ("Version", "2")]),
    ]
    sections += [(f"Install{h}", [("Default", name), ("Locked", "1")]) for h in hashes]
    write_atomic(root / "profiles.ini", _ini_text(sections).encode("utf-8"), PRIVATE_MODE)
    if hashes:
        write_atomic(root / "installs.ini", _ini_text(
            [(h, [("Default", name), ("Locked", "1")]) for h in hashes]).encode("utf-8"),
            PRIVATE_MODE)
    return profile
