"""What the built bundle carries, and what it may take from the system."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from assistant.embedded import EMBEDDED_PROFILE_NAME
from tests.packaging.helpers import Bundle
from tests.paths import ROOT

pytestmark = pytest.mark.frozen

QT = Path("PySide6") / "Qt"


def test_sample_profile_is_embedded_unchanged(bundle: Bundle) -> None:
    embedded = bundle.data / EMBEDDED_PROFILE_NAME
    assert embedded.read_bytes() == bundle.profile.read_bytes()


def test_translations_resources_and_only_the_wanted_qt_files(bundle: Bundle) -> None:
    catalogues = sorted(p.name for p in (bundle.data / "assistant" / "gui" / "i18n").glob("*.qm"))
    assert catalogues == ["mail_assistant_en.qm", "mail_assistant_ja.qm"]
    assert (bundle.data / "resources" / "profiles").is_dir()
    qt_translations = sorted(p.name for p in (bundle.data / QT / "translations").iterdir())
    assert qt_translations == ["qtbase_en.qm", "qtbase_ja.qm"]
    plugin_types = {p.name for p in (bundle.data / QT / "plugins").iterdir()}
    assert {"platforms", "platforminputcontexts", "imageformats", "iconengines"} <= plugin_types
    assert not plugin_types & {"platformthemes", "wayland-shell-integration", "generic",
                               "egldeviceintegrations", "networkinformation", "tls"}
    platforms = {p.name for p in (bundle.data / QT / "plugins" / "platforms").iterdir()}
    assert platforms == {"libqxcb.so", "libqoffscreen.so"}
    assert (bundle.data / QT / "plugins" / "platforminputcontexts"
            / "libibusplatforminputcontextplugin.so").is_file()
    assert not list(bundle.root.rglob("libgtk*"))


def test_no_test_tools_in_the_bundle(bundle: Bundle) -> None:
    """The canned demo backend and the screenshot driver are tools beside the tests."""
    gui = bundle.data / "assistant" / "gui"
    assert (gui / "wizard.pyc").is_file()
    assert not [p for p in gui.rglob("*") if p.stem in ("demo", "screenshots")]
    assert not (bundle.data / "tests").exists()


def test_start_is_set_up_for_speed(bundle: Bundle) -> None:
    """Modules are loose .pyc files (PyInstaller's archive reader cost ~11 ms of each start),
    and the garbage collector is paused before PyInstaller's PySide6 hook imports Qt."""
    from PyInstaller.archive.readers import CArchiveReader

    assert (bundle.data / "assistant" / "gui" / "wizard.pyc").is_file()
    scripts = list(CArchiveReader(str(bundle.program)).toc)
    assert scripts.index("rthook_startup") < scripts.index("pyi_rth_pyside6")
    assert scripts.index("pyi_rth_pyside6") < scripts.index("__main__")


def _run_packages() -> list[str]:
    """The Debian packages `packaging/system-deps.sh run` installs (read from the script)."""
    script = 'eval "$(sed -n "/^run_pkgs=(/,/)/p" packaging/system-deps.sh)"; ' \
             'printf "%s\\n" "${run_pkgs[@]}"'
    out = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    assert "libgl1" in out, out
    return out


def _closure(packages: list[str]) -> set[str]:
    out = subprocess.run(
        ["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
         "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", *packages],
        capture_output=True, text=True, check=True).stdout
    return {line.strip("<>") for line in out.splitlines() if line and not line[0].isspace()}


def _owner(path: str) -> str | None:
    """The Debian package that installed ``path`` (merged /usr: try both spellings)."""
    candidates = [path, path.removeprefix("/usr")] if path.startswith("/usr/") else \
        [path, "/usr" + path]
    for candidate in candidates:
        found = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if found.returncode == 0:
            return found.stdout.split(":", 1)[0]
    return None


@pytest.mark.skipif(not (shutil.which("apt-cache") and shutil.which("dpkg")),
                    reason="needs a Debian system to map libraries to packages")
def test_bundle_needs_only_the_documented_system_packages(bundle: Bundle) -> None:
    """Every library the bundle links is inside it or comes with `system-deps.sh run`.

    The one exception is CUPS for Qt's print plugin (see bundle_inputs.PRINTING_LIBRARIES).
    """
    allowed = _closure([*_run_packages(), "libc6"])
    printing = _closure(["libcups2"])
    lib_dirs = sorted({str(p.parent) for p in bundle.root.rglob("*.so*")})
    env = {"LD_LIBRARY_PATH": ":".join(lib_dirs), "PATH": "/usr/bin:/bin"}
    outside: dict[str, set[str]] = {}
    elves = [p for p in bundle.root.rglob("*") if p.is_file() and not p.is_symlink()
             and p.read_bytes()[:4] == b"\x7fELF"]
    assert len(elves) > 20
    for elf in elves:
        listing = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, env=env)
        for line in listing.stdout.splitlines():
            name, _, target = line.strip().partition(" => ")
            path = target.split(" (")[0]
            if not target or path.startswith(str(bundle.root)):
                continue
            outside.setdefault(path if path != "not found" else f"not found: {name}",
                               set()).add(elf.name)
    problems = []
    for path, users in sorted(outside.items()):
        package = None if path.startswith("not found") else _owner(path)
        only_printing = users == {"libcupsprintersupport.so"}
        if package in allowed or (only_printing and (package in printing or package is None)):
            continue
        problems.append(f"{path} ({package}) needed by {sorted(users)}")
    assert not problems, "\n".join(problems)
