"""The real Thunderbird 153 meets our lock: started while `apply` writes, it must refuse.

The pause point is the moment just before prefs.js is replaced (``writer.write_atomic``
is wrapped): there Thunderbird is started headless on the very profile (HOME in scratch,
``--no-remote``, inside ``unshare -n``, own process group, killed at the latest after
``WAIT`` seconds). Measured here: it prints its "already running" message and exits by
itself after about 5 s, without touching prefs.js. Without the lock it would start on the
profile and save its old prefs over ours at exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.atomic import write_atomic as atomic_write
from assistant.clients.thunderbird import apply_account, profile_in_use, writer
from assistant.clients.thunderbird.prefs_syntax import parse_prefs, pref_map
from tests.thunderbird.helpers import OTHER_ACCOUNT_PREFS, account
from tests.thunderbird.tb_bed import TIMINGS, Bed
from tests.thunderbird.tb_harness import TB_BIN

pytestmark = pytest.mark.thunderbird

WAIT = 30.0  # seconds Thunderbird gets to give up by itself before we kill it


def start_thunderbird_on(profile: Path, home: Path) -> dict[str, Any]:
    """Run Thunderbird on ``profile`` until it exits (or WAIT passes: then kill it)."""
    home.mkdir(parents=True, exist_ok=True)
    log = home / "tb.log"
    env = {"HOME": str(home), "MOZ_HEADLESS": "1", "LANG": "C.UTF-8",
           "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    started = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$0" "$@"',
             str(TB_BIN), "--headless", "--no-remote", "--profile", str(profile)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            returncode: int | None = process.wait(WAIT)
        except subprocess.TimeoutExpired:
            returncode = None  # it started on the profile: the lock did not keep it out
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    seconds = time.monotonic() - started
    TIMINGS.append(("Thunderbird started while apply holds the lock", seconds))
    return {"returncode": returncode, "output": log.read_text(errors="replace"),
            "seconds": seconds}


def test_thunderbird_started_during_the_write_refuses_the_profile(
        bed: Bed, monkeypatch: pytest.MonkeyPatch) -> None:
    work = bed.work("lock: Thunderbird starts during apply")
    profile = work / "p"
    profile.mkdir()
    (profile / "prefs.js").write_text(OTHER_ACCOUNT_PREFS, encoding="utf-8")
    seen: dict[str, Any] = {}
    real_write = atomic_write

    def write_atomic(path: Path, data: bytes, mode: int = 0o644) -> None:
        seen.update(start_thunderbird_on(profile, work / "home"))
        seen["prefs_meanwhile"] = (profile / "prefs.js").read_text(encoding="utf-8")
        real_write(path, data, mode)

    monkeypatch.setattr(writer, "write_atomic", write_atomic)
    report = apply_account(account(), profile)

    tail = seen["output"][-800:]
    assert seen["returncode"] is not None, "Thunderbird took the profile: " + tail
    assert "is already running" in seen["output"], tail
    assert seen["prefs_meanwhile"] == OTHER_ACCOUNT_PREFS  # it did not save over the file
    values = pref_map(parse_prefs(report.target.read_bytes()))
    assert values["mail.accountmanager.accounts"] == "account1,account3,account5"
    assert values["mail.server.server2.hostname"] == "mail.church.test"
    assert not os.path.lexists(profile / "lock")  # no symlink left, by us or by it
    assert not profile_in_use(profile)  # and our lock is gone
