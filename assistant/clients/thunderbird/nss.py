"""Encrypting and decrypting with a profile's key4.db through Thunderbird's own NSS.

The work happens in a child process (:mod:`assistant.clients.thunderbird.nss_child`); this
side finds the library, starts the child with the request on stdin (the password never on
the command line or in the environment), bounds its time and output, and turns its answer
into results or stable error codes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.clients.thunderbird.nss_child import library_names
from assistant.clients.thunderbird.profiles import install_dirs
from assistant.errors import AssistantError
from assistant.secret import Secret

HELPER_FLAG = "--thunderbird-nss-helper"
TIMEOUT_SECONDS = 30.0
MAX_RESPONSE_BYTES = 4 << 20


@dataclass(frozen=True)
class NssResult:
    encrypted: list[str]
    decrypted: list[str | None]


def nss_dir() -> Path | None:
    """The first Thunderbird installation that carries its NSS library."""
    name = library_names()[1]
    return next((d for d in install_dirs() if (d / name).is_file()), None)


def helper_command() -> list[str]:
    """Our own program with the hidden flag (the bundle is its own interpreter)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_FLAG]
    # -I: the current folder (or PYTHON* variables) must not put foreign code between the
    # password and Thunderbird's store; site-packages still holds our editable install.
    return [sys.executable, "-I", "-m", "assistant", HELPER_FLAG]


def run_nss(profile: Path, *, encrypt: Sequence[str | Secret] = (),
            decrypt: Sequence[str] = (), library: Path | None = None) -> NssResult:
    """Encrypt ``encrypt`` (Secrets revealed only into the child's stdin) and decrypt
    ``decrypt`` with ``profile``'s key store, creating key4.db the way Thunderbird does.

    Raises AssistantError ``thunderbird.nss_missing``, ``thunderbird.primary_password``,
    ``thunderbird.nss_failed``.
    """
    library = library or nss_dir()
    if library is None:
        raise AssistantError("thunderbird.nss_missing")
    request = {"nss_dir": str(library), "profile": str(profile),
               "encrypt": [t.reveal() if isinstance(t, Secret) else t for t in encrypt],
               "decrypt": list(decrypt)}
    try:
        completed = subprocess.run(  # noqa: S603 — our own program, the request on stdin
            helper_command(), input=json.dumps(request).encode("utf-8"),
            capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # no console on Windows
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AssistantError("thunderbird.nss_failed", step=type(exc).__name__) from None
    finally:
        request.clear()
    if len(completed.stdout) > MAX_RESPONSE_BYTES:
        raise AssistantError("thunderbird.nss_failed", step="response_too_large")
    try:
        response = json.loads(completed.stdout.decode("utf-8"))
        status = response["status"]
    except (ValueError, KeyError, TypeError):
        raise AssistantError("thunderbird.nss_failed",
                             step=f"exit {completed.returncode}") from None
    if status == "primary_password":
        raise AssistantError("thunderbird.primary_password", path=str(profile))
    if status != "ok":
        raise AssistantError("thunderbird.nss_failed", step=str(response.get("step", "?")))
    return NssResult(encrypted=list(response["encrypted"]),
                     decrypted=list(response["decrypted"]))
