"""Thunderbird's password store of a profile (logins.json), with the origins Thunderbird 153
looks passwords up by.

Measured with Thunderbird 153 (docs/thunderbird.md): an entry is found by ``hostname ==
httpRealm == "<scheme>://<host>"`` (no user, no port: ``imap``, ``mailbox`` for POP3, ``smtp``)
and the username, which is encrypted like the password (SDR with the profile's key4.db).
Two accounts on one host are told apart by the username, so an entry is ours to replace or
remove only when its origin and its decrypted username both match.

The caller holds the profile lock (Thunderbird rewrites this file while it runs).
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.atomic import PRIVATE_MODE, write_atomic
from assistant.clients.thunderbird.nss import run_nss
from assistant.errors import AssistantError
from assistant.files import FileReadError, read_bounded
from assistant.secret import Secret
from assistant.settings import Protocol, Server

LOGINS = "logins.json"
MAX_LOGINS_BYTES = 16 << 20
_SCHEME = {Protocol.IMAP: "imap", Protocol.POP3: "mailbox", Protocol.SMTP: "smtp"}


@dataclass(frozen=True)
class Login:
    """One password to store or remove: Thunderbird's origin and the login name."""

    origin: str
    username: str


def origin_for(server: Server) -> str:
    """``imap://host``, ``mailbox://host`` (POP3) or ``smtp://host`` as Thunderbird 153 asks."""
    host = f"[{server.host}]" if ":" in server.host else server.host
    return f"{_SCHEME[server.protocol]}://{host}"


def has_primary_password(profile: Path) -> bool:
    """Whether the profile's key store is locked by a primary password (then nothing can be
    stored; the wizard says so instead of offering to save). A profile without key4.db has
    none, and is left untouched."""
    if not (profile / "key4.db").exists():
        return False
    try:
        run_nss(profile)
    except AssistantError as exc:
        if exc.code == "thunderbird.primary_password":
            return True
        raise
    return False


def read_logins(profile: Path) -> dict[str, Any]:
    """The profile's logins.json (an empty store when missing); refuse what is unreadable."""
    path = profile / LOGINS
    if not path.exists():
        return {"nextId": 1, "logins": [], "potentiallyVulnerablePasswords": [],
                "dismissedBreachAlertsByLoginGUID": {}, "version": 3}
    try:
        document = json.loads(read_bounded(path, MAX_LOGINS_BYTES).decode("utf-8"))
    except FileReadError as exc:
        raise AssistantError("io.cannot_read", path=str(path), reason=exc.reason) from None
    except ValueError:
        raise AssistantError("thunderbird.logins_unreadable", path=str(path)) from None
    if not isinstance(document, dict) or not isinstance(document.get("logins", []), list):
        raise AssistantError("thunderbird.logins_unreadable", path=str(path))
    document.setdefault("logins", [])
    return document


def _write(profile: Path, document: dict[str, Any]) -> None:
    path = profile / LOGINS
    try:
        write_atomic(path, json.dumps(document, ensure_ascii=False).encode("utf-8"),
                     PRIVATE_MODE)
    except OSError as exc:
        raise AssistantError("io.cannot_write", path=str(path),
                             reason=exc.strerror or type(exc).__name__) from None


def _ours(document: dict[str, Any], wanted: list[Login], profile: Path) -> list[int]:
    """Indexes of the entries that are one of ``wanted`` (origin and decrypted username)."""
    origins = {w.origin for w in wanted}
    candidates = [i for i, e in enumerate(document["logins"])
                  if isinstance(e, dict) and e.get("hostname") in origins
                  and e.get("httpRealm") == e.get("hostname")]
    if not candidates:
        return []
    blobs = [str(document["logins"][i].get("encryptedUsername", "")) for i in candidates]
    names = run_nss(profile, decrypt=blobs).decrypted
    pairs = {(w.origin, w.username) for w in wanted}
    return [i for i, name in zip(candidates, names, strict=True)
            if (document["logins"][i]["hostname"], name) in pairs]


def store_logins(profile: Path, logins: list[Login], password: Secret) -> None:
    """Store ``password`` for each login, replacing our earlier entry for the same origin
    and username. Raises AssistantError (``thunderbird.primary_password`` first of all:
    then nothing is written)."""
    document = read_logins(profile)
    replaced = _ours(document, logins, profile)
    plain: list[str | Secret] = []
    for login in logins:
        plain += [login.username, password]
    encrypted = run_nss(profile, encrypt=plain).encrypted
    entries = [e for i, e in enumerate(document["logins"]) if i not in replaced]
    next_id = max([int(e.get("id", 0)) for e in entries if isinstance(e, dict)
                   and isinstance(e.get("id"), int)] + [int(document.get("nextId", 1)) - 1, 0])
    now = int(time.time() * 1000)
    for n, login in enumerate(logins):
        next_id += 1
        entries.append({
            "id": next_id, "hostname": login.origin, "httpRealm": login.origin,
            "formSubmitURL": None, "usernameField": "", "passwordField": "",
            "encryptedUsername": encrypted[2 * n], "encryptedPassword": encrypted[2 * n + 1],
            "guid": "{" + str(uuid.uuid4()) + "}", "encType": 1, "timeCreated": now,
            "timeLastUsed": now, "timePasswordChanged": now, "timesUsed": 1,
        })
    document["logins"] = entries
    document["nextId"] = next_id + 1
    _write(profile, document)


def remove_logins(profile: Path, logins: list[Login]) -> int:
    """Remove the entries for these logins; the number removed. A store we cannot decrypt
    (primary password) raises ``thunderbird.primary_password`` and is left as it is."""
    if not (profile / LOGINS).exists():
        return 0
    document = read_logins(profile)
    found = _ours(document, logins, profile)
    if not found:
        return 0
    document["logins"] = [e for i, e in enumerate(document["logins"]) if i not in found]
    _write(profile, document)
    return len(found)
