"""Which mail accounts and member profiles this PC's Thunderbird holds (read only).

The volunteer menu and ``mail-assistant list-accounts`` show it, and ``remove`` finds the
account to take off with it. Profiles come from every profiles.ini of this platform's
profile roots; accounts from each profile's prefs.js (the account manager's list, as
Thunderbird reads it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.clients.thunderbird.account_prefs import ACCOUNTS, SMTP_SERVERS, split_list
from assistant.clients.thunderbird.member_profiles import list_profiles
from assistant.clients.thunderbird.prefs_syntax import PrefValue, pref_map
from assistant.clients.thunderbird.profiles import profile_roots
from assistant.clients.thunderbird.writer import PREFS, read_prefs

MEMBER_SUFFIX = ".member"  # the folder name member_profiles.py gives a member's profile


@dataclass(frozen=True)
class AccountEntry:
    """One mail account of a profile, with the pref keys that make it up."""

    email: str
    name: str
    protocol: str
    host: str
    port: int
    login: str
    account_key: str
    server_key: str
    identity_keys: tuple[str, ...]
    smtp_key: str | None
    smtp_host: str | None
    smtp_port: int | None
    smtp_login: str | None


@dataclass(frozen=True)
class ProfileEntry:
    name: str | None  # its name in profiles.ini (None: not registered, e.g. --thunderbird-profile)
    path: Path
    default: bool = False
    member: bool = False  # made by the assistant for a member of a shared PC
    accounts: list[AccountEntry] = field(default_factory=list)


def _str(prefs: dict[str, PrefValue], name: str) -> str:
    value = prefs.get(name)
    return value if isinstance(value, str) else ""


def _int(prefs: dict[str, PrefValue], name: str) -> int:
    value = prefs.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def accounts_in(prefs: dict[str, PrefValue]) -> list[AccountEntry]:
    """The IMAP and POP3 accounts (Local Folders and others are left out)."""
    found = []
    for account in split_list(prefs.get(ACCOUNTS)):
        server = _str(prefs, f"mail.account.{account}.server")
        protocol = _str(prefs, f"mail.server.{server}.type")
        if protocol not in ("imap", "pop3"):
            continue
        identities = tuple(split_list(prefs.get(f"mail.account.{account}.identities")))
        first = identities[0] if identities else ""
        smtp = _str(prefs, f"mail.identity.{first}.smtpServer") or None
        if smtp is not None and smtp not in split_list(prefs.get(SMTP_SERVERS)):
            smtp = None
        found.append(AccountEntry(
            email=_str(prefs, f"mail.identity.{first}.useremail"),
            name=_str(prefs, f"mail.identity.{first}.fullName"),
            protocol=protocol, host=_str(prefs, f"mail.server.{server}.hostname"),
            port=_int(prefs, f"mail.server.{server}.port"),
            login=_str(prefs, f"mail.server.{server}.userName"),
            account_key=account, server_key=server, identity_keys=identities, smtp_key=smtp,
            smtp_host=_str(prefs, f"mail.smtpserver.{smtp}.hostname") if smtp else None,
            smtp_port=_int(prefs, f"mail.smtpserver.{smtp}.port") if smtp else None,
            smtp_login=_str(prefs, f"mail.smtpserver.{smtp}.username") if smtp else None))
    return found


def profile_entry(path: Path, name: str | None = None, default: bool = False) -> ProfileEntry:
    """One profile and its accounts (none when it has no prefs.js yet)."""
    _, statements = read_prefs(path / PREFS)
    return ProfileEntry(name=name, path=path, default=default,
                        member=path.name.endswith(MEMBER_SUFFIX),
                        accounts=accounts_in(pref_map(statements)))


def inventory(roots: list[Path] | None = None) -> list[ProfileEntry]:
    """Every registered profile of this PC's Thunderbird with its accounts."""
    entries = []
    for root in roots if roots is not None else profile_roots():
        if not (root / "profiles.ini").is_file():
            continue
        for registered in list_profiles(root):
            if registered.path.is_dir():
                entries.append(profile_entry(registered.path, registered.name,
                                             registered.default))
    return entries


def find_email(entries: list[ProfileEntry], email: str) -> list[tuple[ProfileEntry, AccountEntry]]:
    """Every (profile, account) whose address is ``email`` (case-insensitive)."""
    wanted = email.strip().lower()
    return [(p, a) for p in entries for a in p.accounts if a.email.lower() == wanted]
