"""Shared by the packaging tests: the build script, the built bundle (paths: tests.paths)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.paths import ROOT

PACKAGING = ROOT / "packaging"
BUILD_TIMEOUT = 600

# The packaging helpers are plain modules in packaging/ (not a package: the name would shadow
# the PyPI "packaging" that PyInstaller uses).
if str(PACKAGING) not in sys.path:
    sys.path.insert(0, str(PACKAGING))


@dataclass(frozen=True)
class Bundle:
    root: Path          # dist/mail-assistant/
    program: Path       # dist/mail-assistant/mail-assistant
    data: Path          # _internal/ (sys._MEIPASS)
    profile: Path       # the profile embedded at build time


def build_script(*args: str, env: dict[str, str] | None = None,
                 timeout: float = BUILD_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run packaging/build.sh from the repository root, as the Makefile does."""
    return subprocess.run(
        ["bash", "packaging/build.sh", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=timeout, env={**os.environ, "PYTHON": sys.executable, **(env or {})},
    )
