"""makensis checks and compiles packaging/installer.nsi around a small stand-in payload.

What the real installer does (shortcuts, registry, the running check) is checked under Wine by
``make test-windows`` (tests/windows), on Windows by .github/workflows/windows.yml.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import installer_defines
import pytest

from assistant import APP_NAME, __version__
from tests.packaging.helpers import build_script
from tests.paths import ROOT
from tests.testbed.need import need

pytestmark = pytest.mark.frozen


@pytest.fixture(autouse=True)
def makensis() -> None:
    need("makensis")  # skipped on a developer's machine without nsis, a failure under CI


def stand_in(tmp_path: Path, windows: bool) -> Path:
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    (payload / "_internal" / "embedded-profile.mailsetup").write_text("format_version = 1\n")
    if windows:
        (payload / f"{APP_NAME}.exe").write_bytes(b"MZ stand-in")
        (payload / f"{APP_NAME}-cli.exe").write_bytes(b"MZ stand-in")
    else:
        (payload / APP_NAME).write_bytes(b"\x7fELF stand-in")
    return payload


def test_installer_compiles_without_warnings(tmp_path: Path) -> None:
    result = build_script("installer", env={"PAYLOAD_DIR": str(stand_in(tmp_path, True)),
                                            "DIST_DIR": str(tmp_path / "dist")}, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    installer = tmp_path / "dist" / f"{APP_NAME}-{__version__}-setup.exe"
    assert installer.read_bytes()[:2] == b"MZ"


def test_installer_refuses_a_payload_that_is_not_a_windows_bundle(tmp_path: Path) -> None:
    # The Linux bundle used to become a check-only installer that could not run on Windows.
    result = build_script("installer", env={"PAYLOAD_DIR": str(stand_in(tmp_path, False)),
                                            "DIST_DIR": str(tmp_path / "dist")}, timeout=120)
    assert result.returncode == 2
    assert f"is not a Windows bundle (no {APP_NAME}.exe)" in result.stderr
    assert not (tmp_path / "dist").exists()


def test_script_refuses_to_compile_without_the_package_defines(tmp_path: Path) -> None:
    result = subprocess.run(
        ["makensis", "-V1", "-INPUTCHARSET", "UTF8", f"-DPAYLOAD_DIR={tmp_path}",
         f"-DOUTFILE={tmp_path / 'x.exe'}", "packaging/installer.nsi"],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "define APP_NAME is missing" in result.stdout + result.stderr


def test_installer_without_a_bundle_says_what_to_do(tmp_path: Path) -> None:
    result = build_script("installer", env={"DIST_DIR": str(tmp_path / "empty")}, timeout=60)
    assert result.returncode == 2
    assert "no Windows bundle in" in result.stderr and "make installer" in result.stderr


def test_installer_and_uninstaller_have_japanese_and_english(tmp_path: Path) -> None:
    defines = [f"-D{name}={value}" for name, value in installer_defines.defines().items()]
    result = subprocess.run(
        ["makensis", "-V3", "-WX", "-INPUTCHARSET", "UTF8", *defines,
         f"-DPAYLOAD_DIR={stand_in(tmp_path, windows=True)}",
         f"-DOUTFILE={tmp_path / 'check.exe'}", "packaging/installer.nsi"],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = {line.split(":", 1)[0]: line for line in result.stdout.splitlines()}
    # welcome, files, finish / confirm, files; each with a Japanese and an English table
    assert "3 pages" in lines["Install"] and "2 language tables" in lines["Install"]
    assert "2 pages" in lines["Uninstall"] and "2 language tables" in lines["Uninstall"]
