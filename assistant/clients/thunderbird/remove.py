"""Taking a member's account off this PC's Thunderbird.

From prefs.js: the account, its incoming server, its identities, and its SMTP server when no
other identity sends through it (the account manager's lists and defaults follow). From the
profile's stores: the logins and certificate overrides the assistant wrote for it (an
override stays while another account still uses that host and port). The server's local
folder goes too. prefs.js is backed up, checked and replaced atomically under Thunderbird's
lock, like apply. The global search index goes too (Thunderbird rebuilds it), and the
server's entries in folderTree.json. On a shared PC a member profile that holds only this
account is removed whole (after the caller's confirmation), and profiles.ini is backed up first.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from assistant.atomic import PRIVATE_MODE, write_atomic
from assistant.clients.thunderbird.account_prefs import (
    ACCOUNTS,
    DEFAULT_ACCOUNT,
    DEFAULT_SMTP,
    SMTP_SERVERS,
    incoming_uri,
    split_list,
)
from assistant.clients.thunderbird.cert_override import remove_overrides
from assistant.clients.thunderbird.inventory import AccountEntry, accounts_in
from assistant.clients.thunderbird.lock import profile_locked
from assistant.clients.thunderbird.logins import Login, remove_logins
from assistant.clients.thunderbird.member_profiles import unregister_profile
from assistant.clients.thunderbird.prefs_syntax import (
    PrefStatement,
    PrefValue,
    parse_prefs,
    pref_map,
)
from assistant.clients.thunderbird.profiles import MAX_INI_BYTES
from assistant.clients.thunderbird.writer import (
    PREFS,
    _backup,
    _cannot_write,
    read_prefs,
    render,
    verify,
)
from assistant.errors import AssistantError
from assistant.files import FileReadError, read_bounded

_SCHEME = {"imap": "imap", "pop3": "mailbox"}
# Thunderbird's global search index (gloda) keeps every account's addresses and message
# text; it is a cache that Thunderbird rebuilds by itself at its next start.
GLOBAL_INDEX = ("global-messages-db.sqlite", "global-messages-db.sqlite-wal",
                "global-messages-db.sqlite-shm", "global-messages-db.sqlite-journal")
FOLDER_TREE = "folderTree.json"
MAX_FOLDER_TREE_BYTES = 4 << 20


@dataclass
class RemoveReport:
    email: str
    profile: Path
    removed_prefs: list[str] = field(default_factory=list)
    changed_prefs: list[str] = field(default_factory=list)
    logins_removed: int = 0
    overrides_removed: int = 0
    backup: Path | None = None
    profile_removed: bool = False
    profile_name: str | None = None
    warnings: list[str] = field(default_factory=list)  # message codes


def _owned(prefs: dict[str, PrefValue],
           entry: AccountEntry) -> tuple[set[str], dict[str, PrefValue]]:
    """The prefs to delete and the prefs to change so that ``entry`` is gone."""
    others = [a for a in accounts_in(prefs) if a.account_key != entry.account_key]
    kept_identities = {i for a in others for i in a.identity_keys}
    identities = [i for i in entry.identity_keys if i not in kept_identities]
    prefixes = [f"mail.account.{entry.account_key}.", f"mail.server.{entry.server_key}.",
                *[f"mail.identity.{i}." for i in identities]]
    changes: dict[str, PrefValue] = {}
    accounts = [a for a in split_list(prefs.get(ACCOUNTS)) if a != entry.account_key]
    changes[ACCOUNTS] = ",".join(accounts)
    if prefs.get(DEFAULT_ACCOUNT) == entry.account_key:
        mail = [a.account_key for a in others]
        changes[DEFAULT_ACCOUNT] = mail[0] if mail else (accounts[0] if accounts else "")
    smtp = entry.smtp_key
    still_used = smtp is not None and any(
        v == smtp for k, v in prefs.items() if k.startswith("mail.identity.")
        and k.endswith(".smtpServer") and not any(k.startswith(p) for p in prefixes))
    if smtp is not None and not still_used:
        prefixes.append(f"mail.smtpserver.{smtp}.")
        servers = [s for s in split_list(prefs.get(SMTP_SERVERS)) if s != smtp]
        changes[SMTP_SERVERS] = ",".join(servers)
        if prefs.get(DEFAULT_SMTP) == smtp:
            changes[DEFAULT_SMTP] = servers[0] if servers else ""
    removed = {n for n in prefs if any(n.startswith(p) for p in prefixes)}
    return removed, {n: v for n, v in changes.items() if prefs.get(n) != v}


def _without(data: bytes, statements: list[PrefStatement], removed: set[str]) -> tuple[
        bytes, list[PrefStatement]]:
    """``data`` with every statement of a removed pref cut out (its line end too)."""
    out = bytearray()
    position = 0
    for statement in statements:
        if statement.name not in removed:
            continue
        out += data[position:statement.start]
        position = statement.end
        while position < len(data) and data[position:position + 1] in (b" ", b"\t"):
            position += 1
        if data[position:position + 2] == b"\r\n":
            position += 2
        elif data[position:position + 1] in (b"\n", b"\r"):
            position += 1
    out += data[position:]
    text = bytes(out)
    return text, parse_prefs(text)


def _local_folder(profile: Path, prefs: dict[str, PrefValue], entry: AccountEntry) -> Path | None:
    """The server's mail folder, when it lies inside the profile and no other server uses it."""
    value = prefs.get(f"mail.server.{entry.server_key}.directory")
    if not isinstance(value, str) or not value:
        return None
    folder = Path(value)
    try:
        folder.resolve().relative_to(profile.resolve())
    except ValueError:
        return None
    shared = any(v == value for k, v in prefs.items() if k.endswith(".directory")
                 and k != f"mail.server.{entry.server_key}.directory")
    return None if shared or folder.resolve() == profile.resolve() else folder


def _forget_folders(profile: Path, uri: str) -> None:
    """Drop the server's folders from folderTree.json (the folder pane's open/closed state)."""
    path = profile / FOLDER_TREE
    if not path.is_file():
        return
    try:
        document = json.loads(read_bounded(path, MAX_FOLDER_TREE_BYTES).decode("utf-8"))
    except (FileReadError, ValueError):
        path.unlink()  # a state file we cannot read: Thunderbird starts it afresh
        return

    def keep(value: object) -> object:
        if isinstance(value, dict):
            return {k: keep(v) for k, v in value.items()}
        if isinstance(value, list):
            return [keep(v) for v in value
                    if not (isinstance(v, str) and (v == uri or v.startswith(uri + "/")))]
        return value

    write_atomic(path, json.dumps(keep(document)).encode("utf-8"), PRIVATE_MODE)


def _logins_of(entry: AccountEntry) -> list[Login]:
    logins = [Login(f"{_SCHEME[entry.protocol]}://{entry.host}", entry.login)]
    if entry.smtp_host and entry.smtp_login:
        logins.append(Login(f"smtp://{entry.smtp_host}", entry.smtp_login))
    return logins


def _endpoints_to_unpin(prefs: dict[str, PrefValue], entry: AccountEntry) -> list[tuple[str, int]]:
    mine = {(entry.host.lower(), entry.port)}
    if entry.smtp_host and entry.smtp_port:
        mine.add((entry.smtp_host.lower(), entry.smtp_port))
    others = set()
    for account in accounts_in(prefs):
        if account.account_key == entry.account_key:
            continue
        others.add((account.host.lower(), account.port))
        if account.smtp_host and account.smtp_port:
            others.add((account.smtp_host.lower(), account.smtp_port))
    return sorted(mine - others)


def remove_account(profile: Path, email: str, *, whole_profile: bool = False,
                   roots: list[Path] | None = None) -> RemoveReport:
    """Remove ``email``'s account from ``profile``; ``whole_profile``: the profile is a
    member's own (shared PC, already confirmed) and goes entirely when it holds nothing else.

    Raises AssistantError ``remove.not_found``, ``thunderbird.profile_in_use``, ``io.*``, ….
    """
    report = RemoveReport(email=email, profile=profile)
    with profile_locked(profile):
        target = profile / PREFS
        data, statements = read_prefs(target)
        prefs = pref_map(statements)
        entry = next((a for a in accounts_in(prefs) if a.email.lower() == email.lower()), None)
        if entry is None:
            raise AssistantError("remove.not_found", email=email, path=str(profile))
        if whole_profile and len(accounts_in(prefs)) == 1:
            report.profile_removed = True
        else:
            _remove_from(profile, data, statements, prefs, entry, report)
    if report.profile_removed:
        root = roots[0] if roots else profile.parent
        ini = root / "profiles.ini"
        if ini.is_file():
            try:
                contents = read_bounded(ini, MAX_INI_BYTES)
            except FileReadError as error:
                raise AssistantError("thunderbird.profiles_ini_unreadable", path=str(ini),
                                     reason=error.reason) from None
            report.backup = _backup(ini, contents)
        report.profile_name = unregister_profile(profile, root)
    return report


def _remove_from(profile: Path, data: bytes, statements: list[PrefStatement],
                 prefs: dict[str, PrefValue], entry: AccountEntry, report: RemoveReport) -> None:
    removed, changes = _owned(prefs, entry)
    folder = _local_folder(profile, prefs, entry)
    unpin = _endpoints_to_unpin(prefs, entry)
    cut, remaining = _without(data, statements, removed)
    try:
        new_data = render(cut, remaining, changes)
    except ValueError:
        raise AssistantError("thunderbird.value_not_writable") from None
    verify(new_data, {n: v for n, v in prefs.items() if n not in removed}, changes)
    try:
        report.backup = _backup(profile / PREFS, data)
        write_atomic(profile / PREFS, new_data, PRIVATE_MODE)
    except OSError as exc:
        raise _cannot_write(exc, profile / PREFS) from None
    report.removed_prefs = sorted(removed)
    report.changed_prefs = sorted(changes)
    try:
        report.logins_removed = remove_logins(profile, _logins_of(entry))
    except AssistantError as exc:
        if exc.code != "thunderbird.primary_password":
            raise
        report.warnings.append("remove.logins_left")
    report.overrides_removed = remove_overrides(profile, unpin)
    try:
        if folder is not None and folder.is_dir():
            shutil.rmtree(folder)
        for name in GLOBAL_INDEX:
            (profile / name).unlink(missing_ok=True)
        _forget_folders(profile, incoming_uri(entry.protocol, entry.login, entry.host))
    except OSError as exc:
        raise _cannot_write(exc, folder or profile) from None
