"""`make test-windows`: the real Windows installer and the frozen Windows program under Wine.

Once a session: the Windows bundle with the sample profile (signed) and its installer are
built into a temporary folder (packaging/windows-build.sh reuses its build prefix, WIN_DIR,
when its inputs are unchanged), and a Wine prefix is booted. Each test gets its own copy of
that prefix.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import APP_NAME, __version__
from assistant.signature import generate_keypair, sign
from tests.paths import ROOT, SAMPLE_PROFILE
from tests.testbed.need import need
from tests.windows.wine import Wine, copy_prefix, xvfb

# packaging/windows-build.sh's prefix (WIN_DIR), which holds the Windows Python.
BUILD_PREFIX = Path(os.environ.get("WIN_DIR") or Path(
    os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mail-assistant" /
    "windows-build") / "prefix"


def _script(*args: str, env: dict[str, str]) -> None:
    done = subprocess.run(["bash", *args], cwd=ROOT, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=1500, check=False)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="session")
def installer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The installer made by the real build, with the sample profile embedded
    (``MAIL_ASSISTANT_TEST_INSTALLER=path`` tests one already built that way instead)."""
    for tool in ("wine", "wineserver", "makensis", "osslsigncode", "Xvfb", "xdotool", "import"):
        need(tool)
    if os.environ.get("MAIL_ASSISTANT_TEST_INSTALLER"):
        return Path(os.environ["MAIL_ASSISTANT_TEST_INSTALLER"])
    out = tmp_path_factory.mktemp("windows-build")
    _script("packaging/windows-build.sh", "bundle", str(signed_sample(out)),
            env={"WIN_DIST": str(out / "bundle")})
    _script("packaging/build.sh", "installer",
            env={"PAYLOAD_DIR": str(out / "bundle" / APP_NAME), "DIST_DIR": str(out)})
    path = out / f"{APP_NAME}-{__version__}-setup.exe"
    assert path.is_file()
    return path


def signed_sample(folder: Path) -> Path:
    """The sample church's profile as a church builds it in: listing a key of its own (made
    here, for this session) and signed with it (packaging/profile_check.py insists)."""
    church = generate_keypair()
    text = SAMPLE_PROFILE.read_text(encoding="utf-8").replace(
        "format_version = 1\n", f'format_version = 1\nsigning_keys = ["{church.public}"]\n', 1)
    assert church.public in text
    path = folder / SAMPLE_PROFILE.name
    path.write_bytes(sign(text.encode("utf-8"), church.private))
    return path


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    with xvfb() as number:
        yield number


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory, installer: Path, display: str) -> Wine:
    """A freshly booted prefix with the build prefix's shims and Windows Python (linked)."""
    base = tmp_path_factory.mktemp("wine-pristine")
    wine = Wine(prefix=base / "prefix", home=base / "home", display=display)
    wine.home.mkdir()
    subprocess.run(["wineboot", "-i"], env=wine.env(), stdin=subprocess.DEVNULL,
                   capture_output=True, timeout=300, check=True)
    wine.settle()
    system32 = wine.drive_c / "windows" / "system32"
    for shim in ("icuuc.dll", "mscms.dll"):
        shutil.copy2(BUILD_PREFIX / "drive_c" / "windows" / "system32" / shim, system32 / shim)
    (wine.drive_c / "python").symlink_to(BUILD_PREFIX / "drive_c" / "python")
    return wine


@pytest.fixture
def wine(pristine: Wine, tmp_path: Path) -> Iterator[Wine]:
    """A prefix of this test's own (its home folder holds the desktop, as on Windows)."""
    copy_prefix(pristine.prefix, tmp_path / "prefix")
    own = Wine(prefix=tmp_path / "prefix", home=tmp_path / "home", display=pristine.display)
    shutil.copytree(pristine.home, own.home, symlinks=True)
    _relink_user_folders(own, pristine)
    try:
        yield own
    finally:
        own.end_all()  # nothing of this test outlives it (a wizard would hold the mutex)
        shutil.rmtree(tmp_path / "prefix", ignore_errors=True)


def _relink_user_folders(own: Wine, pristine: Wine) -> None:
    """Wine links Desktop, Documents, … to $HOME: point the copy's links at its own home."""
    user_dir = own.drive_c / "users" / own.user
    for link in user_dir.iterdir():
        if link.is_symlink() and Path(os.readlink(link)) == pristine.home:
            link.unlink()
            link.symlink_to(own.home)


def install(wine: Wine, installer: Path, lang: str = "ja") -> Path:
    """Silent install as a volunteer does it (/S); the install folder."""
    done = wine.run(str(installer), "/S", lang=lang)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    wine.settle()
    return wine.unix(wine.local_appdata / "Programs" / APP_NAME)


@pytest.fixture
def installed(wine: Wine, installer: Path) -> Path:
    return install(wine, installer)
