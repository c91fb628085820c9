"""A user.js fragment for volunteers who set up many PCs the same way.

Thunderbird applies user.js over prefs.js at every start, so the fragment describes a complete
fresh profile: the account as ``account1`` and Local Folders as ``account2`` (as Thunderbird
would create it). Copy it into the new profile before the first start, and remove it after
that first start, or every later change made in Thunderbird is undone at the next start.
"""

from __future__ import annotations

from assistant.clients.thunderbird.account_prefs import ACCOUNTS, LAST_KEY, plan_account
from assistant.clients.thunderbird.prefs_syntax import PrefValue, format_pref
from assistant.errors import AssistantError
from assistant.settings import Account

_LOCAL_FOLDERS: dict[str, PrefValue] = {
    "mail.accountmanager.localfoldersserver": "server2",
    "mail.account.account2.server": "server2",
    "mail.server.server2.type": "none",
    "mail.server.server2.hostname": "Local Folders",
    "mail.server.server2.userName": "nobody",
    "mail.server.server2.name": "Local Folders",
}


def user_js_prefs(account: Account) -> dict[str, PrefValue]:
    prefs = plan_account({}, account).changes
    prefs[ACCOUNTS] = "account1,account2"
    prefs[LAST_KEY] = 2
    prefs.update(_LOCAL_FOLDERS)
    return prefs


def user_js_fragment(account: Account) -> str:
    """The user.js text (UTF-8), every value escaped for the pref syntax."""
    lines = [
        "// Thunderbird user.js written by mail-assistant for "
        + account.email.ascii.replace("\n", " "),
        "// Put it into a NEW profile before Thunderbird's first start; delete it afterwards",
        "// (Thunderbird re-applies user.js at every start). No password is stored here:",
        "// Thunderbird asks for it on the first connection.",
    ]
    try:
        lines += [format_pref(n, v) for n, v in user_js_prefs(account).items()]
    except ValueError:
        raise AssistantError("thunderbird.value_not_writable") from None
    return "\n".join(lines) + "\n"
