"""Why a discovery source named nothing, read once in the core for the CLI and the wizard."""

from __future__ import annotations

import pytest

from assistant.commands.probe import _source_found
from assistant.discovery.model import NothingFound, Source, SourceKind, nothing_found

DOMAIN = "example-church.jp"


@pytest.mark.parametrize(("source", "expected", "japanese"), [
    (Source(SourceKind.MX, "no answer within 1500 ms", [], True, False),
     NothingFound("waited", "1500"), "1500 ミリ秒待っても答えがありません"),
    (Source(SourceKind.GUESS, f"tried mail.{DOMAIN}, imap.{DOMAIN}; 0 resolve", [], True,
            False), NothingFound("no_usual_name"), "よくある名前のサーバーはどれもありません"),
    (Source(SourceKind.AUTOCONFIG, f"https://autoconfig.{DOMAIN}/mail/config-v1.1.xml: "
            "HTTP 404", [], True, False), NothingFound("http", "404"), "コード 404"),
    (Source(SourceKind.AUTOCONFIG, f"https://{DOMAIN}/.well-known/autoconfig/mail/"
            "config-v1.1.xml: refused [Errno 111]", [], True, False),
     NothingFound("status", "refused"), "結果なし: 接続拒否"),
    (Source(SourceKind.SRV, "_imaps: something new", [], True, False),
     NothingFound("unknown"), "（結果なし）"),
])
def test_each_shape_of_note_is_read_and_said_in_japanese(source: Source,
                                                         expected: NothingFound,
                                                         japanese: str) -> None:
    assert nothing_found(source) == expected
    assert japanese in _source_found(source, "ja")
