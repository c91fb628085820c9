"""An installed (frozen) assistant uses its built-in church profile when none is named."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from assistant import cli, embedded
from tests.paths import SAMPLE_PROFILE as SAMPLE


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[argparse.Namespace]:
    calls: list[argparse.Namespace] = []

    def fake_command(name: str):  # type: ignore[no-untyped-def]
        def run(args: argparse.Namespace) -> int:
            calls.append(args)
            return 0
        return run

    monkeypatch.setattr(cli, "_command", fake_command)
    monkeypatch.setattr(embedded, "embedded_profile_path", lambda: SAMPLE)
    return calls


def test_probe_without_profile_uses_the_embedded_one(seen: list[argparse.Namespace]) -> None:
    assert cli.main(["probe", "taro@example-church.jp"]) == 0
    assert seen[0].profile == str(SAMPLE)


def test_explicit_choices_win_over_the_embedded_profile(
        seen: list[argparse.Namespace], tmp_path: Path) -> None:
    other = str(tmp_path / "other.mailsetup")
    cli.main(["probe", "taro@example-church.jp", "--profile", other])
    cli.main(["probe", "taro@example-church.jp", "--host", "mail.example-church.jp"])
    cli.main(["export", "--format", "sheet", "--incoming", "imap:h.jp:993:tls",
              "--outgoing", "smtp:h.jp:465:tls", "--output", str(tmp_path / "x.html")])
    cli.main(["check-login", "taro@example-church.jp", "--protocol", "imap", "--host", "h.jp",
              "--port", "993", "--security", "tls", "--password-stdin"])
    assert [a.profile for a in seen] == [other, None, None, None]


def test_from_source_there_is_no_embedded_profile() -> None:
    assert embedded.embedded_profile_path() is None
