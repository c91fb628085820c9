"""On a shared PC a real Thunderbird 153 shows its profile chooser at start and opens the
profile the member picks; the member's launcher command (``-P NAME``) opens hers directly.

Thunderbird runs under Xvfb (the chooser is a real window) in a loopback-only namespace;
xdotool finds the window by Thunderbird's own title and presses the keys a member would.
Which profile Thunderbird opened is read from its lock on that profile's folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.clients.thunderbird.labels import PROFILE_CHOOSER_TITLE
from assistant.clients.thunderbird.launch import launch_command
from assistant.clients.thunderbird.member_profiles import list_profiles
from assistant.clients.thunderbird.profiles import create_profile
from tests.testbed.need import need
from tests.thunderbird.tb_bed import TIMINGS
from tests.thunderbird.tb_harness import TB_DIR

pytestmark = pytest.mark.thunderbird

RUNNER = r"""
import json, os, signal, subprocess, sys, time
from pathlib import Path
from assistant.clients.thunderbird.lock import profile_in_use

spec = json.loads(sys.argv[1])
read, write = os.pipe()
xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24",
                         "-nolisten", "tcp"], pass_fds=[write], stderr=subprocess.DEVNULL)
os.close(write)
display = ":" + os.read(read, 16).decode().strip()
env = {"PATH": os.environ["PATH"], "HOME": spec["home"], "LANG": "C.UTF-8",
       "DISPLAY": display, "TMPDIR": spec["home"]}
result = {"title": None, "in_use": {}}
started = time.monotonic()
tb = subprocess.Popen(spec["command"], env=env, stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL, start_new_session=True)
try:
    if spec["keys"] is not None:
        found = subprocess.run(["xdotool", "search", "--sync", "--name", spec["title"]],
                               env=env, capture_output=True, text=True, timeout=40)
        window = found.stdout.split()[0]
        result["title"] = subprocess.run(["xdotool", "getwindowname", window], env=env,
                                         capture_output=True, text=True).stdout.strip()
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, timeout=10)
        for key in spec["keys"]:
            time.sleep(0.3)
            subprocess.run(["xdotool", "key", key], env=env, timeout=10)
    profiles = [Path(p) for p in spec["profiles"]]
    while time.monotonic() - started < 40:
        result["in_use"] = {str(p): profile_in_use(p) for p in profiles}
        if any(result["in_use"].values()):
            break
        time.sleep(0.2)
    time.sleep(1.0)  # a second profile would be locked by now too
    result["in_use"] = {str(p): profile_in_use(p) for p in profiles}
finally:
    os.killpg(tb.pid, signal.SIGKILL)
    tb.wait()
    xvfb.kill()
    xvfb.wait()
result["seconds"] = round(time.monotonic() - started, 2)
print(json.dumps(result))
"""


def run_in_namespace(home: Path, command: list[str], profiles: list[Path],
                     keys: list[str] | None) -> dict[str, object]:
    spec = {"home": str(home), "command": command, "profiles": [str(p) for p in profiles],
            "keys": keys, "title": PROFILE_CHOOSER_TITLE.en}
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    completed = subprocess.run(
        ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$0" -c "$1" "$2"',
         sys.executable, RUNNER, json.dumps(spec)],
        env=env, capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, object] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture
def members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[Path]]:
    need("Xvfb", "xdotool", "unshare")
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    for email, name in (("bob@church.test", "ボブ"), ("hanako@church.test", "山田 花子")):
        assert main(["apply", "--client", "thunderbird", "--email", email, "--name", name,
                     "--incoming", "imap:mail.church.test:993:tls",
                     "--outgoing", "smtp:mail.church.test:587:starttls", "--shared-pc"]) == 0
    registered = list_profiles(home / ".thunderbird")
    assert [p.name for p in registered] == ["ボブ", "山田 花子"]
    return home, [p.path for p in registered]


def test_chooser_shows_and_opens_the_chosen_profile(
        members: tuple[Path, list[Path]]) -> None:
    home, (bob, hanako) = members
    result = run_in_namespace(home, launch_command(), [bob, hanako],
                              keys=["Home", "Down", "Return"])
    TIMINGS.append(("profile chooser → second member", float(str(result["seconds"]))))
    assert result["title"] == PROFILE_CHOOSER_TITLE.en
    assert result["in_use"] == {str(bob): False, str(hanako): True}


def test_chooser_shows_beside_the_pcs_own_default_profile(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC whose Thunderbird already has its own profile, pinned as this installation's
    default (``[Install<HASH>] Locked=1``): the chooser still shows, and lists it first."""
    need("Xvfb", "xdotool", "unshare")
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    own = create_profile(home / ".thunderbird", installs=[TB_DIR])
    assert main(["apply", "--client", "thunderbird", "--email", "hanako@church.test",
                 "--name", "山田 花子", "--incoming", "imap:mail.church.test:993:tls",
                 "--outgoing", "smtp:mail.church.test:587:starttls", "--shared-pc"]) == 0
    ini = (home / ".thunderbird" / "profiles.ini").read_text()
    assert "[Install" in ini and "Locked=1" in ini and "StartWithLastProfile=0" in ini
    hanako = next(p.path for p in list_profiles(home / ".thunderbird") if p.name == "山田 花子")
    result = run_in_namespace(home, launch_command(), [own, hanako],
                              keys=["Home", "Down", "Return"])
    TIMINGS.append(("profile chooser beside an Install default", float(str(result["seconds"]))))
    assert result["title"] == PROFILE_CHOOSER_TITLE.en
    assert result["in_use"] == {str(own): False, str(hanako): True}


def test_member_launcher_opens_her_profile(members: tuple[Path, list[Path]]) -> None:
    home, (bob, hanako) = members
    result = run_in_namespace(home, launch_command(member="ボブ"), [bob, hanako], keys=None)
    TIMINGS.append(("-P member launcher", float(str(result["seconds"]))))
    assert result["in_use"] == {str(bob): True, str(hanako): False}
