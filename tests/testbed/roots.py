"""Minimal Debian roots holding other mail server software (Courier, Exim, Cyrus, Sendmail,
OpenSMTPD), made with `mmdebstrap` from Debian's mirror and cached between runs.

Why roots: those daemons conflict with the host's Dovecot and Postfix as packages (one MTA,
one IMAP server per system), but not when each runs from its own tree with `chroot`
(tests/testbed/rooted.py). A root is built once per package list, into a temporary folder
renamed into place when complete, so a broken or concurrent build never leaves a half root.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.testbed.procs import require

CACHE = Path(os.environ.get("TESTBED_ROOTS", "/var/cache/mail-assistant/roots"))
# Documentation, manual pages and translations are not needed to run a daemon.
_EXCLUDES = ("/usr/share/doc/*", "/usr/share/man/*", "/usr/share/locale/*", "/usr/share/info/*")
BUILD_TIMEOUT = 900.0


@dataclass(frozen=True)
class RootSpec:
    """A root: its name, Debian suite and the packages installed on top of minbase."""

    name: str
    suite: str
    packages: tuple[str, ...]

    @property
    def key(self) -> str:
        """Folder name: a new package list or suite means a new root, never a stale one."""
        digest = hashlib.sha256(" ".join((self.suite, *sorted(self.packages))).encode())
        return f"{self.name}-{digest.hexdigest()[:12]}"


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One builder per root across concurrent test runs; the others wait and reuse it."""
    with path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def ensure_root(spec: RootSpec, cache: Path = CACHE) -> Path:
    """The cached root for `spec`, built first if missing (minutes cold, instant warm)."""
    root = cache / spec.key
    if (root / "etc" / "debian_version").is_file():
        return root
    require("mmdebstrap")
    cache.mkdir(parents=True, exist_ok=True)
    with _locked(cache / f".{spec.key}.lock"):
        if (root / "etc" / "debian_version").is_file():
            return root
        for stale in cache.glob(f".{spec.key}-*"):  # a build killed midway; ours is the lock
            shutil.rmtree(stale, ignore_errors=True)
        building = Path(tempfile.mkdtemp(prefix=f".{spec.key}-", dir=cache))
        try:
            # The mirror is mmdebstrap's default for the suite; no system service may start.
            subprocess.run(["mmdebstrap", "--variant=minbase", "--mode=root", "--quiet",
                            "--include=" + ",".join(spec.packages),
                            *(f"--dpkgopt=path-exclude={p}" for p in _EXCLUDES),
                            spec.suite, str(building)],
                           check=True, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=BUILD_TIMEOUT)
            building.chmod(0o755)
            building.rename(root)
        except subprocess.CalledProcessError as e:
            raise RuntimeError(f"mmdebstrap {spec.name} failed:\n"
                               f"{e.stderr.decode(errors='replace')[-3000:]}") from None
        finally:
            shutil.rmtree(building, ignore_errors=True)
    return root
