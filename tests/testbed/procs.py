"""Starting and stopping server programs as whole process groups.

Why groups: Dovecot and Postfix fork helpers (auth, log, anvil, ...) that survive a killed
master; each daemon gets its own session so teardown can kill every descendant at once.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path


class MissingProgram(RuntimeError):
    """A server program the test bed needs is not installed."""


def require(program: str) -> str:
    """Absolute path of `program` (PATH plus sbin directories), or MissingProgram."""
    path = shutil.which(program, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
    if path is None:
        raise MissingProgram(program)
    return path


class Daemon:
    """One server program running in the foreground in its own process group."""

    def __init__(self, name: str, argv: list[str], log: Path, cwd: Path | None = None,
                 die_with_us: bool = False) -> None:
        self.name = name
        self.log = log
        with log.open("ab") as out:
            self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out,
                                            stderr=subprocess.STDOUT, cwd=cwd,
                                            start_new_session=True,
                                            preexec_fn=_die_with_parent if die_with_us else None)
        self.pgid = self.process.pid

    def check_alive(self) -> None:
        """Raise with the log's tail if the program exited (bad config, port taken, ...)."""
        if self.process.poll() is not None:
            tail = self.log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{tail}")

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM the whole group, then SIGKILL what is left; reap the leader."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.pgid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and group_alive(self.pgid):
                self.process.poll()
                time.sleep(0.02)
            if not group_alive(self.pgid):
                break
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=timeout)


def _die_with_parent() -> None:
    """In the child: SIGKILL when the test run that started it dies (even by SIGKILL)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG)")


_PR_SET_PDEATHSIG = 1


def group_alive(pgid: int) -> bool:
    """True while any process of the group exists (zombies of our own leader excluded)."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    # killpg(0) also succeeds for an unreaped zombie leader: look at the real states.
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def wait_tcp(ip: str, port: int, daemons: list[Daemon], timeout: float = 10.0) -> None:
    """Block until ip:port accepts connections, failing early if a daemon died."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection((ip, port), timeout=0.5):
                return
        except OSError:
            for d in daemons:
                d.check_alive()
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing listens on {ip}:{port}") from None
            time.sleep(0.02)


def listening(prefix: str) -> list[str]:
    """Local addresses "ip:port" with a TCP listener or UDP socket whose IP starts with prefix."""
    out = subprocess.run(["ss", "-Hltun"], check=True, capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[4].startswith(prefix):
            found.append(fields[4])
    return found
