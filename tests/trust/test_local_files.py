"""Local files read safely and nothing torn left behind: a FIFO or a link to
/dev/zero in place of a profile, CA file, prefs.js, user.js or profiles.ini is refused at
once (a hang would end in pytest-timeout, not in an assertion); a full disk (a real, small
tmpfs) or kill -9 during the backup leaves no partial ``*.bak``; crash dumps are off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.clients.thunderbird import apply_account
from assistant.clients.thunderbird.profiles import default_profile_in
from assistant.errors import AssistantError, ProfileError, ValidationError
from assistant.net import load_ca_file
from assistant.profile import load_profile
from assistant.profile_trust import load_trusted_profile
from assistant.settings import Account, Server
from tests.paths import ROOT

pytestmark = pytest.mark.timeout(60)

SPECS = ("--incoming", "imap:mail.church.test:993:tls",
         "--outgoing", "smtp:mail.church.test:465:tls")


def account() -> Account:
    return Account.create("alice@church.test", "Alice",
                          Server.parse_spec("imap:mail.church.test:993:tls"),
                          Server.parse_spec("smtp:mail.church.test:465:tls"))


def old_prefs(size: int) -> bytes:
    """A prefs.js of about ``size`` bytes that Thunderbird could have written."""
    lines = [f'user_pref("extensions.filler.{n}", "{"x" * 60}");\n'
             for n in range(size // 90 + 1)]
    return ("// Mozilla User Preferences\n\n" + "".join(lines)).encode()


@pytest.fixture(params=["fifo", "dev-zero"])
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """A path that is a FIFO nobody writes to, or a symbolic link to /dev/zero."""
    path = tmp_path / "hostile"
    if request.param == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    yield path


def test_profile_that_is_no_regular_file_is_refused(hostile: Path, tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        load_profile(hostile)
    assert info.value.code == "io.cannot_read"
    with pytest.raises(ProfileError):
        load_trusted_profile(hostile, embedded=None)
    with pytest.raises(ProfileError):  # as the installer's own profile, too
        load_trusted_profile(None, embedded=hostile)


def test_ca_file_that_is_no_regular_file_is_refused(hostile: Path) -> None:
    with pytest.raises(ValidationError) as info:
        load_ca_file(hostile)
    assert info.value.code == "ca_file.unreadable"


@pytest.mark.parametrize("name", ["prefs.js", "user.js"])
def test_thunderbird_file_that_is_no_regular_file_is_refused(hostile: Path, tmp_path: Path,
                                                             name: str) -> None:
    profile = tmp_path / "tb"
    profile.mkdir()
    if name == "user.js":
        (profile / "prefs.js").write_bytes(old_prefs(1000))
    os.replace(hostile, profile / name)
    with pytest.raises(AssistantError) as info:
        apply_account(account(), profile)
    assert info.value.code == "io.cannot_read"
    assert info.value.params["reason"] == "not a regular file"
    assert not list(profile.glob("*.bak")) and not list(profile.glob(".*.tmp"))


def test_profiles_ini_that_is_no_regular_file_is_not_read(hostile: Path,
                                                          tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    os.replace(hostile, root / "profiles.ini")
    assert default_profile_in(root, hashes=[]) is None


# --- disk full ---------------------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB tmpfs (we are root in the test bed's world)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs",
                           str(mount)], capture_output=True, check=False)
    if done.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot mount a tmpfs: {done.stderr!r}")
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int) -> None:
    """Take all free space but about ``leave`` bytes."""
    stats = os.statvfs(disk)
    free = stats.f_bavail * stats.f_frsize
    (disk / "filler").write_bytes(b"\0" * max(0, free - leave))


@pytest.mark.parametrize("room", ["not even the backup", "the backup, not the new file"])
def test_disk_full_leaves_no_torn_backup(small_disk: Path, room: str) -> None:
    profile = small_disk / "tb"
    profile.mkdir()
    before = old_prefs(290_000)
    (profile / "prefs.js").write_bytes(before)
    fill(small_disk, 100_000 if room == "not even the backup" else len(before) + 60_000)
    with pytest.raises(AssistantError) as info:
        apply_account(account(), profile)
    assert info.value.code == "io.cannot_write"
    assert (profile / "prefs.js").read_bytes() == before
    assert not list(profile.glob(".*.tmp"))
    backups = list(profile.glob("*.bak"))
    if room == "not even the backup":
        assert backups == []
    else:  # a backup is complete or absent, never a prefix named like a good one
        assert [b.read_bytes() == before for b in backups] == [True]


# --- kill -9 during the backup -------------------------------------------------------------------

STALL = textwrap.dedent("""
    import os, sys, time
    real = os.fsync
    def stall(fd):
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp"):
            print("stalled", flush=True)
            time.sleep(120)
        real(fd)
    os.fsync = stall
    from assistant.cli import main
    main(sys.argv[1:])
""")


def test_kill_during_backup_leaves_no_torn_backup(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "tb"
    profile.mkdir()
    before = old_prefs(300_000)
    (profile / "prefs.js").write_bytes(before)
    args = ["apply", "--client", "thunderbird", "--email", "alice@church.test",
            "--name", "Alice", *SPECS, "--thunderbird-profile", str(profile)]
    child = subprocess.Popen([sys.executable, "-c", STALL, *args], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == "stalled\n"
        child.kill()  # SIGKILL while the backup's data is written but not yet named
    finally:
        child.wait()
    assert list(profile.glob("*.bak")) == []
    assert len(list(profile.glob(".prefs.js.*.tmp"))) == 1
    assert (profile / "prefs.js").read_bytes() == before

    # The next run, even a dry one, leaves the temporary alone (nothing is locked then)...
    assert main([*args, "--dry-run", "--json"]) == 0
    capsys.readouterr()
    assert len(list(profile.glob(".prefs.js.*.tmp"))) == 1
    assert main([*args, "--json"]) == 0  # ...a real one removes it and makes a whole backup
    result = json.loads(capsys.readouterr().out)
    assert Path(result["backup"]).read_bytes() == before
    assert list(profile.glob(".prefs.js.*.tmp")) == []


def test_core_dumps_are_off_from_the_start() -> None:
    # Allow cores first (up to the hard limit), so the test can fail.
    code = ("import resource\n"
            "hard = resource.getrlimit(resource.RLIMIT_CORE)[1]\n"
            "resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))\n"
            "print(resource.getrlimit(resource.RLIMIT_CORE)[0] != 0)\n"
            "from assistant.cli import main\n"
            "main(['profile', 'verify', '/nonexistent'])\n"
            "print(resource.getrlimit(resource.RLIMIT_CORE)[0])\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    lines = done.stdout.split("\n")
    if lines[0] != "True":
        pytest.skip("the hard core limit here is 0 already: nothing to switch off")
    assert lines[1] == "0", done.stderr
