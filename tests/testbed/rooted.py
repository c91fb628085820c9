"""Running daemons of a cached Debian root (tests/testbed/roots.py) with `chroot`.

Each start gets its own private mount namespace (`unshare --mount`) in which the cached root
is the lower layer of an overlay: the run's configuration, certificates and mailboxes go into
the upper layer in the run's folder, the daemons' writes land there too, and the cache stays
untouched, so concurrent runs can share one root. The mounts (overlay, /proc, /dev) exist only
in that namespace and vanish with its last process: nothing is left mounted on the host.
Stopping kills every process in the namespace (a daemon that made itself a new session is
caught too), then reaps the launcher. The daemons also run in a PID namespace tied to the
test run's life, so a run killed midway leaves none behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

from tests.testbed.procs import Daemon, require

# Inside the namespace: mount the overlay, /proc and /dev, then run the start script chrooted.
_LAUNCH = ('set -e; mount -t overlay overlay -o "lowerdir=$1,upperdir=$2,workdir=$3" "$4"; '
           'mount -t proc proc "$4/proc"; mount --bind /dev "$4/dev"; '
           'exec chroot "$4" /bin/sh -e /testbed-start.sh')


def _namespace(pid: int) -> str | None:
    try:
        return os.readlink(f"/proc/{pid}/ns/mnt")
    except OSError:
        return None


def members(namespace: str) -> list[int]:
    """Every live process in the mount namespace `namespace` (zombies have none)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _namespace(int(entry.name)) == namespace:
            pids.append(int(entry.name))
    return pids


class RootedDaemons:
    """The daemons one start script runs in an overlay of `root`; files are written first.

    `files` maps absolute paths inside the root to their content; `script` (sh -e) prepares
    what must be made inside the root (ownership, databases) and starts the daemons in the
    background; then it marks the root ready (`wait_ready`) and waits for them, so the
    launcher lives as long as they do.
    """

    def __init__(self, name: str, root: Path, directory: Path, files: dict[str, str | bytes],
                 script: str) -> None:
        for program in ("unshare", "mount", "chroot"):
            require(program)
        self.name = name
        self.directory = directory
        upper, work, self.merged = (directory / d for d in ("upper", "work", "merged"))
        for d in (upper, work, self.merged):
            d.mkdir(parents=True, exist_ok=True)
        self.ready = upper / "testbed-ready"
        script += "\ntouch /testbed-ready\nwait\n"
        for path, content in {**files, "/testbed-start.sh": script}.items():
            target = upper / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                content = content.encode()
            target.write_bytes(content)
        self.log = directory / f"{name}.log"
        # A PID namespace too: when its first process dies, the kernel kills the rest, and
        # unshare's child dies with unshare, which dies with this test run (killed or not).
        self.daemon = Daemon(name, ["unshare", "--mount", "--pid", "--fork", "--kill-child",
                                    "--propagation", "private", "--", "/bin/sh", "-c", _LAUNCH,
                                    "launch", str(root), str(upper), str(work),
                                    str(self.merged)], self.log, die_with_us=True)
        self.namespace = self._own_namespace()

    def _own_namespace(self, timeout: float = 10.0) -> str:
        """The launcher's mount namespace, once `unshare` has made it."""
        ours = _namespace(os.getpid())
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.daemon.check_alive()
            found = _namespace(self.daemon.process.pid)
            if found is not None and found != ours:
                return found
            time.sleep(0.01)
        raise RuntimeError(f"{self.name}: no private mount namespace after {timeout} s")

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Until the start script has run to its end (users, mailboxes, daemons started)."""
        deadline = time.monotonic() + timeout
        while not self.ready.exists():
            self.daemon.check_alive()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: start script unfinished after {timeout} s")
            time.sleep(0.02)

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM (then SIGKILL) every process in the namespace, the daemons that made new
        sessions included; the start script (the PID namespace's init, deaf to SIGTERM) then
        ends its `wait`, and with it the namespace. Reap the launcher last."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in members(self.namespace):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, sig)
            deadline = time.monotonic() + timeout
            while members(self.namespace) and time.monotonic() < deadline:
                self.daemon.process.poll()
                time.sleep(0.02)
            if not members(self.namespace):
                break
        self.daemon.stop(timeout)
        left = members(self.namespace)
        assert not left, f"{self.name}: processes left in its namespace: {left}"
