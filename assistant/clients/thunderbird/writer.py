"""Merging an account into a profile's prefs.js: backed up, atomic, verified before replace.

The existing file is kept byte for byte except the statements whose value changes (replaced in
place) and the new statements (appended). Before the file is replaced, the new text is parsed
again and must give exactly the old pref map plus the intended changes; otherwise nothing is
written. The password is never part of an :class:`~assistant.settings.Account`, so it cannot
reach the file: Thunderbird asks for it on the first connection and stores it itself.
"""

from __future__ import annotations

import contextlib
import os
import stat
from datetime import datetime
from pathlib import Path

from assistant.atomic import PRIVATE_MODE, place_new, write_atomic, write_temporary
from assistant.clients.report import ApplyReport
from assistant.clients.thunderbird.account_prefs import plan_account
from assistant.clients.thunderbird.handover import Handover, hand_over
from assistant.clients.thunderbird.lock import profile_in_use, profile_locked
from assistant.clients.thunderbird.prefs_syntax import (
    PrefsSyntaxError,
    PrefStatement,
    PrefValue,
    format_pref,
    format_value,
    parse_prefs,
    pref_map,
    same_value,
)
from assistant.clients.thunderbird.profiles import create_profile, find_profile, profile_roots
from assistant.clients.thunderbird.shared_pc import shared_pc_prefs
from assistant.errors import AssistantError
from assistant.files import FileReadError, read_bounded
from assistant.settings import Account

PREFS = "prefs.js"
MAX_PREFS_BYTES = 32 << 20
NEW_FILE_HEADER = (
    "// Mozilla User Preferences\n\n"
    "// Written by mail-assistant while Thunderbird was not running.\n"
    "// Thunderbird rewrites this file itself.\n\n"
)


# Placeholders of the report (its JSON keeps them as they are): the command line shows them
# in the member's language (assistant/commands/apply.py).
UNSET = "(unset)"  # the old value of a pref that is new
NEW_PROFILE = "(new profile)"  # a dry run's folder of the profile that would be created


def describe(name: str, old: PrefValue | None, new: PrefValue) -> str:
    """``pref: old → new`` with values in prefs.js syntax (:data:`UNSET` for a new pref)."""
    before = UNSET if old is None else format_value(old)
    return f"{name}: {before} → {format_value(new)}"


def read_prefs(path: Path) -> tuple[bytes, list[PrefStatement]]:
    """The file's bytes and statements (empty for a missing file); refuse what is unreadable."""
    if not path.exists() and not path.is_symlink():
        return b"", []
    try:
        # Bounded, regular files only: a FIFO would hang here while we hold the profile
        # lock, and a link to /dev/zero would fill the memory.
        data = read_bounded(path, MAX_PREFS_BYTES)
    except FileReadError as exc:
        if exc.reason == "too_large":
            raise AssistantError("thunderbird.prefs_unparsable", path=str(path), line=0,
                                 reason="file too large") from None
        reason = "not a regular file" if exc.reason == "not_regular" else exc.reason
        raise AssistantError("io.cannot_read", path=str(path), reason=reason) from None
    try:
        return data, parse_prefs(data)
    except PrefsSyntaxError as exc:
        raise AssistantError("thunderbird.prefs_unparsable", path=str(path), line=exc.line,
                             reason=exc.reason) from None


def render(data: bytes, statements: list[PrefStatement], changes: dict[str, PrefValue]) -> bytes:
    """``data`` with the last statement of each changed pref rewritten and new prefs appended."""
    last = {s.name: s for s in statements}
    replaced = sorted((last[n] for n in changes if n in last), key=lambda s: s.start)
    out = bytearray()
    position = 0
    for statement in replaced:
        out += data[position:statement.start]
        out += format_pref(statement.name, changes[statement.name]).encode("utf-8")
        position = statement.end
    out += data[position:]
    added = [n for n in changes if n not in last]
    if added:
        if not out:
            out += NEW_FILE_HEADER.encode("utf-8")
        elif not out.endswith((b"\n", b"\r")):
            out += b"\n"
        for name in added:
            out += (format_pref(name, changes[name]) + "\n").encode("utf-8")
    return bytes(out)


def verify(new_data: bytes, before: dict[str, PrefValue], changes: dict[str, PrefValue]) -> None:
    """Parse our own output: it must hold exactly the old prefs plus the changes."""
    try:
        after = pref_map(parse_prefs(new_data))
    except PrefsSyntaxError:
        raise AssistantError("thunderbird.verify_failed", key="(syntax)") from None
    expected = {**before, **changes}
    for name in expected.keys() | after.keys():
        if not same_value(after.get(name), expected.get(name)):
            raise AssistantError("thunderbird.verify_failed", key=name)


def _check_user_js(profile: Path, changes: dict[str, PrefValue]) -> None:
    """user.js is applied after prefs.js at every start: a clash would undo our change."""
    _, statements = read_prefs(profile / "user.js")
    clashes = sorted(n for n, v in pref_map(statements).items()
                     if n in changes and not same_value(v, changes[n]))
    if clashes:
        raise AssistantError("thunderbird.user_js_overrides", path=str(profile / "user.js"),
                             keys=", ".join(clashes[:5]))


def _backup(path: Path, data: bytes) -> Path:
    """A copy of ``data`` under a new ``*.mail-assistant.bak`` name, complete or not at all:
    written to a temporary file (removed by :func:`remove_stale_temporaries` if we are
    killed), fsynced, then given its name without replacing anything."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    owner = path.stat() if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    backup = path.with_name(f"{path.name}.{stamp}.mail-assistant.bak")
    try:
        temp = write_temporary(path, data, PRIVATE_MODE, owner)
        try:
            for n in range(1000):
                suffix = "" if n == 0 else f"-{n}"
                backup = path.with_name(f"{path.name}.{stamp}{suffix}.mail-assistant.bak")
                try:
                    place_new(temp, backup)
                except FileExistsError:
                    continue
                return backup
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
    except OSError as exc:  # named after the backup: the temporary file is gone again
        raise AssistantError("io.cannot_write", path=str(backup),
                             reason=exc.strerror or type(exc).__name__) from None
    raise AssistantError("io.cannot_write", path=str(path), reason="no free backup name")


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove ``.prefs.js.*.tmp`` left by a killed run (ours are only ever renamed or linked
    away, so one still there is torn); called while the profile lock is held."""
    removed: list[Path] = []
    for stale in target.parent.glob(f".{target.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if stat.S_ISREG(stale.lstat().st_mode):
                stale.unlink()
                removed.append(stale)
    return removed


def _cannot_write(exc: OSError, path: Path | None) -> AssistantError:
    """The file system refused: name the file it refused (the backup, a new profile folder or
    profiles.ini), else ``path``."""
    where = exc.filename if exc.filename is not None else path
    return AssistantError("io.cannot_write", path=str(where),
                          reason=exc.strerror or type(exc).__name__)


def apply_account(account: Account, profile_dir: Path | None = None, *, dry_run: bool = False,
                  create_if_missing: bool = True,
                  handover: Handover | None = None) -> ApplyReport:
    """Write ``account`` into the Thunderbird profile (the default one unless given).

    ``handover``: also store the proven password and the verified pins in the profile's own
    stores, and on a shared PC the prefs that keep mail bodies off the disk (handover.py).

    Raises AssistantError: ``thunderbird.profile_not_found``, ``thunderbird.profile_in_use``,
    ``thunderbird.prefs_unparsable``, ``thunderbird.value_not_writable``,
    ``thunderbird.user_js_overrides``, ``thunderbird.verify_failed``,
    ``thunderbird.lock_unknown``, ``thunderbird.nss_*``, ``shared_pc.*``, ``io.*``.
    """
    handover = handover or Handover()
    files_written: list[Path] = []
    profile = find_profile(profile_dir)
    if profile is None:
        if not create_if_missing:
            raise AssistantError("thunderbird.profile_not_found")
        if dry_run:
            roots = profile_roots()
            profile = (roots[0] if roots else Path.cwd()) / NEW_PROFILE
        else:
            try:
                profile = create_profile()
            except OSError as exc:
                raise _cannot_write(exc, profile_dir) from None
            files_written += [profile.parent / "profiles.ini", profile]
    elif not profile.is_dir():
        if not create_if_missing:
            raise AssistantError("thunderbird.profile_not_found")
        if not dry_run:
            try:
                profile.mkdir(parents=True, mode=0o700)
            except OSError as exc:
                raise _cannot_write(exc, profile) from None
            files_written.append(profile)
    if dry_run:
        if profile.is_dir() and profile_in_use(profile):
            raise AssistantError("thunderbird.profile_in_use", path=str(profile))
        return _merge(account, profile, files_written, write=False,
                      shared_pc=handover.shared_pc)
    # Thunderbird's own lock from before reading prefs.js until it is replaced: a
    # Thunderbird starting meanwhile refuses to open the profile (and so cannot save its
    # old prefs over ours at exit), and nothing it saved before can be lost either.
    # (.parentlock is created if missing, empty, and left in place, as Thunderbird does.)
    with profile_locked(profile):
        report = _merge(account, profile, files_written, write=True,
                        shared_pc=handover.shared_pc)
        hand_over(profile, account, handover, report)
        return report


def _merge(account: Account, profile: Path, files_written: list[Path], *,
           write: bool, shared_pc: bool = False) -> ApplyReport:
    """Read, plan, verify and (``write``) back up and replace prefs.js."""
    target = profile / PREFS
    if write:  # under the profile lock: a killed run's temporaries, even if nothing changes
        remove_stale_temporaries(target)
    data, statements = read_prefs(target)
    before = pref_map(statements)
    plan = plan_account(before, account)
    if shared_pc:
        plan.changes.update({n: v for n, v in shared_pc_prefs(account, plan.server_key).items()
                             if not same_value(before.get(n), v)})
    try:
        new_data = render(data, statements, plan.changes)
    except ValueError:
        raise AssistantError("thunderbird.value_not_writable") from None
    verify(new_data, before, plan.changes)
    if profile.is_dir():
        _check_user_js(profile, plan.changes)
    changes = [describe(n, before.get(n), v) for n, v in plan.changes.items()]
    report = ApplyReport(client="thunderbird", target=target, backup=None, changes=changes,
                         updated_existing=plan.updated_existing, files_written=files_written)
    if not write or not plan.changes:
        return report
    try:
        if data:
            report.backup = _backup(target, data)
        write_atomic(target, new_data, PRIVATE_MODE)
        written = read_bounded(target, MAX_PREFS_BYTES)
    except OSError as exc:
        raise _cannot_write(exc, target) from None
    if written != new_data:
        raise AssistantError("thunderbird.verify_failed", key="(file)")
    report.files_written.append(target)
    return report
