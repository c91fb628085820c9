"""The member's Windows shortcut: a .lnk that Wine's own shell (an independent reader of the
Shell Link format) resolves and starts, from a non-ASCII folder, with its arguments."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.clients.thunderbird.windows_shortcut import shell_link, write_windows_shortcut
from assistant.errors import AssistantError


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    if shutil.which("wine") is None:  # Wine comes with `system-deps.sh windows`, not `test`
        pytest.skip("Wine is not installed (packaging/system-deps.sh windows)")
    prefix = tmp_path_factory.mktemp("wine")
    env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all",
           "LANG": "ja_JP.UTF-8"}  # a Japanese Windows: code page 932
    subprocess.run(["wine", "cmd", "/c", "exit"], env=env, capture_output=True, timeout=240,
                   check=True)
    yield env
    subprocess.run(["wineserver", "-k"], env=env, capture_output=True, timeout=60, check=False)


def test_wine_starts_the_link(wine: dict[str, str]) -> None:
    """Its target in a folder with a space (like Program Files), a Japanese name in its
    arguments. (Wine reads the target from the ANSI path, so the folder is ASCII here;
    Thunderbird's own install path is.) ``start /wait`` returns before the linked program
    finishes, so the test waits for the program's file."""
    drive = Path(wine["WINEPREFIX"]) / "drive_c"
    folder = drive / "Mozilla Church"
    folder.mkdir()
    shutil.copy(drive / "windows" / "system32" / "cmd.exe", folder / "cmd.exe")
    out = drive / "lnk-out.txt"
    (drive / "member.lnk").write_bytes(shell_link(
        r"C:\Mozilla Church\cmd.exe", r'/c echo -P "花子"> C:\lnk-out.txt',
        description="Thunderbird (花子)", working_dir=r"C:\Mozilla Church",
        icon=r"C:\Mozilla Church\cmd.exe"))
    subprocess.run(["wine", "start", "/wait", r"C:\member.lnk"], env=wine,
                   capture_output=True, timeout=120, check=True)
    for _ in range(300):
        if out.exists() and out.read_bytes().endswith(b"\r\n"):
            break
        time.sleep(0.1)
    assert out.read_bytes().decode("cp932").strip() == '-P "花子"'


def test_member_shortcut_names_her_profile(tmp_path: Path) -> None:
    program = r"C:\Program Files\Mozilla Thunderbird\thunderbird.exe"
    path = write_windows_shortcut('花子 "A"', program, tmp_path)
    assert path.name.startswith("Thunderbird (花子 _A_) ") and path.suffix == ".lnk"
    data = path.read_bytes()
    assert data[:4] == b"\x4c\0\0\0"
    assert '-P "花子 \\"A\\""'.encode("utf-16-le") in data
    assert program.encode("utf-16-le") in data
    with pytest.raises(AssistantError):
        shell_link("relative\\thunderbird.exe", "-P x")
