"""How the program starts: the wizard without arguments skips the parser, the garbage
collector paused for the start (packaging/rthook_startup.py) runs again for commands."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator

import pytest

from assistant import cli


@pytest.fixture
def gc_restored() -> Iterator[None]:
    yield
    gc.enable()


def test_a_command_runs_with_the_garbage_collector_on(
        monkeypatch: pytest.MonkeyPatch, gc_restored: None) -> None:
    seen: list[bool] = []

    def fake_command(name: str):  # type: ignore[no-untyped-def]
        def run(args: argparse.Namespace) -> int:
            seen.append(gc.isenabled())
            return 0
        return run

    monkeypatch.setattr(cli, "_command", fake_command)
    gc.disable()  # as the frozen program's runtime hook leaves it
    assert cli.main(["probe", "taro@example-church.jp", "--host", "mail.example.jp"]) == 0
    assert seen == [True]


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (None, "ja", False)),
    (["--lang", "en", "--volunteer"], (None, "en", True)),
    (["church.mailsetup"], ("church.mailsetup", "ja", False)),
    (["--profile", "x.mailsetup", "--lang", "ja"], ("x.mailsetup", "ja", False)),
    (["--dns-server", "127.0.0.1:5353"], (None, "ja", False)),  # not a profile's file name
    (["--ca-file", "ca.pem"], (None, "ja", False)),
])
def test_the_wizard_starts_with_or_without_the_parser(
        monkeypatch: pytest.MonkeyPatch, gc_restored: None,
        argv: list[str], expected: tuple[str | None, str, bool]) -> None:
    calls: list[tuple[str | None, str, bool, bool]] = []

    def run_gui(profile: str | None, lang: str, volunteer: bool, dns_server: str | None = None,
                ca_file: str | None = None, demo: bool = False, shared_pc: bool = False) -> int:
        calls.append((profile, lang, volunteer, gc.isenabled()))
        return 0

    import assistant.gui.app

    monkeypatch.setattr(assistant.gui.app, "run_gui", run_gui)
    built: list[bool] = []
    real_build = cli.build_parser

    def build_parser(lang: str = "ja") -> argparse.ArgumentParser:
        built.append(True)
        return real_build(lang)

    monkeypatch.setattr(cli, "build_parser", build_parser)
    assert cli.main(argv) == 0
    # The collector stays paused until the wizard's first paint (tests/gui/test_startup.py).
    assert calls == [(*expected, False)]
    assert built == ([] if not argv else [True])


@pytest.mark.parametrize(("argv", "shared"), [([], False), (["--shared-pc"], True),
                                              (["--volunteer", "--shared-pc"], True)])
def test_the_wizard_gets_shared_pc(monkeypatch: pytest.MonkeyPatch, gc_restored: None,
                                   argv: list[str], shared: bool) -> None:
    seen: list[bool] = []

    def run_gui(profile: str | None, lang: str, volunteer: bool, dns_server: str | None = None,
                ca_file: str | None = None, demo: bool = False, shared_pc: bool = False) -> int:
        seen.append(shared_pc)
        return 0

    import assistant.gui.app

    monkeypatch.setattr(assistant.gui.app, "run_gui", run_gui)
    assert cli.main(argv) == 0
    assert seen == [shared]
