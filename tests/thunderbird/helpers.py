"""Accounts and prefs.js texts shared by the Thunderbird tests."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.settings import Account, PopOptions, Server

OTHER_ACCOUNT_PREFS = (
    '// Mozilla User Preferences\n'
    '\n'
    '/* Thunderbird-written file with another account, Local Folders and gaps */\n'
    'user_pref("mail.account.account1.identities", "id1");\n'
    'user_pref("mail.account.account1.server", "server1");\n'
    'user_pref("mail.account.account3.server", "server3");\n'
    'user_pref("mail.account.lastKey", 4);\n'
    'user_pref("mail.accountmanager.accounts", "account1,account3");\n'
    'user_pref("mail.accountmanager.defaultaccount", "account1");\n'
    'user_pref("mail.accountmanager.localfoldersserver", "server3");\n'
    'user_pref("mail.identity.id1.fullName", "Other \\"Person\\"");\n'
    'user_pref("mail.identity.id1.smtpServer", "smtp1");\n'
    'user_pref("mail.identity.id1.useremail", "other@example.org");\n'
    'user_pref("mail.identity.id1.valid", true);\n'
    'user_pref("mail.server.server1.hostname", "imap.example.org");\n'
    'user_pref("mail.server.server1.login_at_startup", true);\n'
    'user_pref("mail.server.server1.name", "other@example.org");\n'
    'user_pref("mail.server.server1.port", 993);\n'
    'user_pref("mail.server.server1.socketType", 3);\n'
    'user_pref("mail.server.server1.type", "imap");\n'
    'user_pref("mail.server.server1.userName", "other@example.org");\n'
    'user_pref("mail.server.server3.hostname", "Local Folders");\n'
    'user_pref("mail.server.server3.name", "Local Folders");\n'
    'user_pref("mail.server.server3.type", "none");\n'
    'user_pref("mail.server.server3.userName", "nobody");\n'
    'user_pref("mail.smtp.defaultserver", "smtp1");\n'
    'user_pref("mail.smtpserver.smtp1.hostname", "smtp.example.org");\n'
    'user_pref("mail.smtpserver.smtp1.port", 465);\n'
    'user_pref("mail.smtpserver.smtp1.try_ssl", 3);\n'
    'user_pref("mail.smtpserver.smtp1.username", "other@example.org");\n'
    'user_pref("mail.smtpservers", "smtp1");\n'
    'user_pref("mail.smtpserver.smtp2.hostname", "orphan.example.org");\n'
)


def account(email: str = "alice@church.test", name: str = "Alice",
            incoming: str = "imap:mail.church.test:993:tls",
            outgoing: str = "smtp:mail.church.test:587:starttls", login: str | None = None,
            pop: PopOptions | None = None) -> Account:
    return Account.create(email, name, Server.parse_spec(incoming), Server.parse_spec(outgoing),
                          login_name=login, pop=pop)


HOLD_LOCK = (
    "import fcntl, os, sys, time\n"
    "fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o644)\n"
    "fcntl.lockf(fd, fcntl.LOCK_EX)\n"
    "print('locked', flush=True)\n"
    "time.sleep(60)\n"
)


@contextmanager
def lock_held_elsewhere(profile: Path) -> Iterator[None]:
    """Another process holds Thunderbird's lock on the profile (fcntl on .parentlock), as a
    running Thunderbird does, until the block ends."""
    process = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(profile / ".parentlock")],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        yield
    finally:
        process.kill()
        process.wait()
