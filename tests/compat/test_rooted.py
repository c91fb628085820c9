"""The chroot runner and the root cache: a start leaves nothing behind (no process, even one
that made itself a new session; no mount on the host), and never writes into the cache."""

from __future__ import annotations

from pathlib import Path

from tests.testbed.compat import SOFTWARE, CompatBed
from tests.testbed.rooted import RootedDaemons, members
from tests.testbed.roots import RootSpec


def test_stop_leaves_no_process_and_no_mount(compat: CompatBed, tmp_path: Path) -> None:
    root = compat.root(SOFTWARE["courier"].root)
    daemons = RootedDaemons("leftovers", root, tmp_path, {"/etc/testbed-marker": "run"},
                            "sleep 600 &\nsetsid sleep 600 &\n")
    daemons.wait_ready()
    assert len(members(daemons.namespace)) >= 3  # the launcher, sleep, the escaped sleep
    assert (tmp_path / "upper" / "etc" / "testbed-marker").is_file()
    assert not (root / "etc" / "testbed-marker").exists()  # the cache is the lower layer
    assert not (daemons.merged / "etc").exists()  # the overlay is mounted only inside
    daemons.stop()
    assert members(daemons.namespace) == []
    assert str(tmp_path) not in Path("/proc/self/mountinfo").read_text()


def test_a_root_is_named_by_its_suite_and_packages() -> None:
    spec = RootSpec("courier-exim", "bookworm", ("courier-imap", "exim4-daemon-light"))
    assert spec.key == RootSpec("courier-exim", "bookworm",
                                ("exim4-daemon-light", "courier-imap")).key
    assert spec.key != RootSpec("courier-exim", "trixie", spec.packages).key
    assert spec.key != RootSpec("courier-exim", "bookworm", (*spec.packages, "m4")).key
    assert spec.key.startswith("courier-exim-")
