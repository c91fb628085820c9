"""One Thunderbird profile per member on a shared PC, registered in profiles.ini by her name.

``[General] StartWithLastProfile=0`` makes Thunderbird open its own profile chooser
(「ユーザープロファイルの選択」) at every start, so each member picks her name and sees only
her own account. The sections already there (the volunteer's default profile, the
``[Install<HASH>]`` defaults) are kept; only our ``[ProfileN]`` sections are added or removed.
"""

from __future__ import annotations

import configparser
import secrets
import shutil
import string
from dataclasses import dataclass
from pathlib import Path

from assistant.atomic import PRIVATE_MODE, write_atomic
from assistant.clients.thunderbird.profiles import MAX_INI_BYTES, profile_roots
from assistant.errors import AssistantError, ValidationError
from assistant.files import FileReadError, read_bounded

PROFILES_INI = "profiles.ini"
_FORBIDDEN = set("[]=\r\n\t\0") | {chr(c) for c in range(32)}


@dataclass(frozen=True)
class MemberProfile:
    name: str
    path: Path
    default: bool = False


def _root(root: Path | None) -> Path:
    if root is not None:
        return root
    roots = profile_roots()
    if not roots:
        raise AssistantError("thunderbird.profile_not_found")
    return roots[0]


def _read(root: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # case-sensitive keys
    path = root / PROFILES_INI
    if not path.exists():
        return parser
    try:
        parser.read_string(read_bounded(path, MAX_INI_BYTES).decode("utf-8", "replace"))
    except (FileReadError, configparser.Error) as exc:
        raise AssistantError("thunderbird.profiles_ini_unreadable", path=str(path),
                             reason=getattr(exc, "reason", type(exc).__name__)) from None
    return parser


def _write(root: Path, parser: configparser.ConfigParser) -> None:
    """Profile sections renumbered from 0: Gecko stops reading at the first missing number."""
    profiles = [s for s in parser.sections() if s.startswith("Profile")]
    named = [(f"Profile{n}", s) for n, s in enumerate(profiles)]
    named += [(s, s) for s in parser.sections() if not s.startswith("Profile")]
    text = "".join(f"[{new}]\n" + "".join(f"{k}={v}\n" for k, v in parser.items(old)) + "\n"
                   for new, old in named)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomic(root / PROFILES_INI, text.encode("utf-8"), PRIVATE_MODE)


def _path_of(root: Path, parser: configparser.ConfigParser, section: str) -> Path:
    value = parser.get(section, "Path", fallback="")
    if parser.get(section, "IsRelative", fallback="1") == "1":
        return root / Path(*value.split("/"))
    return Path(value)


def check_member_name(name: str) -> str:
    """The name as profiles.ini can hold it (one line, no INI syntax), else ValidationError."""
    cleaned = name.strip()
    if not cleaned or any(c in _FORBIDDEN for c in cleaned):
        raise ValidationError("shared_pc.bad_member_name", field="name", name=name[:80])
    return cleaned


def list_profiles(root: Path | None = None) -> list[MemberProfile]:
    """Every profile profiles.ini registers (members and the volunteer's own)."""
    root = _root(root)
    parser = _read(root)
    return [MemberProfile(parser.get(s, "Name", fallback=""), _path_of(root, parser, s),
                          parser.get(s, "Default", fallback="0") == "1")
            for s in parser.sections() if s.startswith("Profile")]


def member_profile(name: str, root: Path | None = None, *,
                   email: str | None = None) -> MemberProfile:
    """The profile registered under ``name``, made and registered if there is none yet;
    profiles.ini then says ``StartWithLastProfile=0``.

    With ``email``, a profile of that name that already holds another address is refused
    (``thunderbird.member_name_taken``): two members who type the same name must never
    share one profile, where the second would read the first one's mail."""
    name = check_member_name(name)
    root = _root(root)
    parser = _read(root)
    sections = [s for s in parser.sections() if s.startswith("Profile")]
    found = next((s for s in sections if parser.get(s, "Name", fallback="") == name), None)
    if found is not None and email is not None:
        _refuse_if_another_members(_path_of(root, parser, found), name, email)
    try:
        if found is not None:
            profile = _path_of(root, parser, found)
            profile.mkdir(parents=True, exist_ok=True, mode=0o700)
        else:
            salt = "".join(secrets.choice(string.ascii_lowercase + string.digits)
                           for _ in range(8))
            directory = f"{salt}.member"
            profile = root / directory
            profile.mkdir(parents=True, mode=0o700)
            numbers = [int(s[len("Profile"):]) for s in sections if s[len("Profile"):].isdigit()]
            section = f"Profile{max(numbers, default=-1) + 1}"
            parser.add_section(section)
            for key, value in (("Name", name), ("IsRelative", "1"), ("Path", directory)):
                parser.set(section, key, value)
        if not parser.has_section("General"):
            parser.add_section("General")
        parser.set("General", "StartWithLastProfile", "0")
        parser.set("General", "Version", parser.get("General", "Version", fallback="2"))
        _write(root, parser)
    except OSError as exc:
        raise AssistantError("io.cannot_write", path=str(root),
                             reason=exc.strerror or type(exc).__name__) from None
    return MemberProfile(name, profile)


def _refuse_if_another_members(profile: Path, name: str, email: str) -> None:
    from assistant.clients.thunderbird.inventory import profile_entry  # inventory imports us

    if not profile.is_dir():
        return
    others = [a for a in profile_entry(profile).accounts
              if a.email.strip().lower() != email.strip().lower()]
    if others:
        raise AssistantError("thunderbird.member_name_taken", name=name)


def unregister_profile(profile: Path, root: Path | None = None) -> str | None:
    """Take ``profile`` out of profiles.ini and delete its folder; its registered name."""
    root = _root(root)
    parser = _read(root)
    name = None
    for section in [s for s in parser.sections() if s.startswith("Profile")]:
        if _path_of(root, parser, section).resolve() == profile.resolve():
            name = parser.get(section, "Name", fallback="")
            parser.remove_section(section)
    try:
        if name is not None:
            _write(root, parser)
        shutil.rmtree(profile)
    except OSError as exc:
        raise AssistantError("io.cannot_write", path=str(profile),
                             reason=exc.strerror or type(exc).__name__) from None
    return name
