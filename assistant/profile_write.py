"""Writing a settings profile as TOML a volunteer can read: fixed order, short comments.

Each table is assembled here (``[[incoming]]`` stays a table even when short), while every value
is rendered by ``tomli_w`` so that quoting and escaping are never done by hand. Host names and
domains are written in their Unicode form when that reads back to the same host.
"""

from __future__ import annotations

from collections.abc import Mapping

import tomli_w

from assistant.profile_model import ServerPolicy, SettingsProfile, readable_host
from assistant.profile_read import parse_profile
from assistant.settings import AuthMethod, Server

_HEADER = """\
# メール設定アシスタントの設定プロファイル（パスワードは書きません）
# Settings profile for the mail set-up assistant (never put a password here)
# 書式 / format: docs/profile-format.md
"""
_LOGIN_COMMENT = """\
# address = メールアドレス全体 / the full address
# local-part = @ より前 / the part before @
# ask = 毎回入力してもらう / the member types it
"""


def _table(header: str, values: Mapping[str, object], comment: str = "") -> str:
    return f"{comment}{header}\n{tomli_w.dumps(values, multiline_strings=True)}"


def _server(server: Server, policy: ServerPolicy) -> dict[str, object]:
    values: dict[str, object] = {
        "protocol": str(server.protocol),
        "host": readable_host(server.host),
        "port": server.port,
        "security": str(server.security),
    }
    if server.auth is not AuthMethod.PASSWORD_CLEARTEXT:
        values["auth"] = str(server.auth)
    if policy.pinned_sha256:
        values["pinned_sha256"] = policy.pinned_sha256
    if policy.allow_plaintext:
        values["allow_plaintext"] = True
    return values


def dump_profile(profile: SettingsProfile) -> str:
    """The profile as TOML text; checked by reading it back, so an invalid profile raises."""
    top: dict[str, object] = {
        "format_version": profile.format_version,
        "recommended_protocol": str(profile.recommended_protocol),
    }
    if profile.signing_keys:
        top["signing_keys"] = list(profile.signing_keys)
    chunks = [
        _HEADER + tomli_w.dumps(top),
        _table("[organisation]", {
            "name_ja": profile.organisation_ja,
            "name_en": profile.organisation_en,
            "domains": [readable_host(domain.ascii) for domain in profile.domains],
        }),
        _table("[login]", {"rule": str(profile.login_rule)}, _LOGIN_COMMENT),
        *(_table("[[incoming]]", _server(server, profile.policy_for(server)),
                 "# 受信サーバー（上から順に試します） / incoming servers, best first\n"
                 if number == 0 else "")
          for number, server in enumerate(profile.incoming)),
        *(_table("[[outgoing]]", _server(server, profile.policy_for(server)),
                 "# 送信サーバー / outgoing servers, best first\n" if number == 0 else "")
          for number, server in enumerate(profile.outgoing)),
        _table("[contact]", {
            "phone": profile.contact.phone,
            "url": profile.contact.url,
            "email": profile.contact.email,
        }, "# 困ったときの連絡先 / whom to ask for help\n"),
        _table("[notes]", {"ja": profile.notes_ja, "en": profile.notes_en}),
        *([_table("[pc]", {"shared": True},
                  "# 共用パソコン（IMAP だけ、パスワードを保存しない） / shared PCs\n")]
          if profile.shared_pc else []),
    ]
    text = "\n".join(chunks)
    parse_profile(text, source="<dump>")
    return text
