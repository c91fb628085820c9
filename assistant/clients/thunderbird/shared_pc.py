"""What Thunderbird 153 must be told on a shared PC so that no member's mail stays on disk.

Each pref and its default is in Thunderbird's own ``defaults/pref/mailnews.js`` and
``all-thunderbird.js`` (omni.ja); the real-Thunderbird test reads two messages, sends one and
then finds none of their text under the profile or its cache folder.
"""

from __future__ import annotations

from assistant.clients.thunderbird.prefs_syntax import PrefValue
from assistant.errors import ValidationError
from assistant.settings import Account, Protocol


def server_prefs(server_key: str) -> dict[str, PrefValue]:
    """Per incoming server: keep no offline copy of any folder (default true), no background
    sync of offline stores, no junk training (its token file holds words of the bodies)."""
    base = f"mail.server.{server_key}."
    return {base + "offline_download": False,
            base + "autosync_offline_stores": False,
            base + "spamLevel": 0}


# Profile-wide: the IMAP message cache and the network disk cache keep whole bodies; the
# global search index (gloda) keeps their text.
PROFILE_PREFS: dict[str, PrefValue] = {
    "mail.imap.use_disk_cache2": False,
    "browser.cache.disk.enable": False,
    "mailnews.database.global.indexer.enabled": False,
}


def shared_pc_prefs(account: Account, server_key: str) -> dict[str, PrefValue]:
    """Every pref a shared-PC account needs; POP3 (which downloads by design) is refused."""
    if account.incoming.protocol is not Protocol.IMAP:
        raise ValidationError("shared_pc.imap_only", field="incoming",
                              protocol=account.incoming.protocol.name)
    return {**server_prefs(server_key), **PROFILE_PREFS}
