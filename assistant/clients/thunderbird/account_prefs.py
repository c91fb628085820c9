"""Which prefs an account needs, merged into the prefs a profile already has.

Keys are allocated the way Thunderbird itself does (``nsMsgAccountManager.cpp``,
``OutgoingServerService.sys.mjs``): accounts count up from ``mail.account.lastKey`` (which must
stay the highest account number ever used), servers, identities and SMTP servers take the
lowest number nobody uses. The lists are walked, never ``1..lastKey``. An account whose
identity already has the same address is updated instead of duplicated; nothing that belongs
to another account (or to Local Folders) is touched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

from assistant.clients.thunderbird.prefs_syntax import PrefValue, same_value
from assistant.errors import AssistantError
from assistant.settings import Account, AuthMethod, Protocol, Security

ACCOUNTS = "mail.accountmanager.accounts"
DEFAULT_ACCOUNT = "mail.accountmanager.defaultaccount"
LOCAL_FOLDERS_SERVER = "mail.accountmanager.localfoldersserver"
LAST_KEY = "mail.account.lastKey"
SMTP_SERVERS = "mail.smtpservers"
DEFAULT_SMTP = "mail.smtp.defaultserver"

SOCKET_TYPE = {Security.NONE: 0, Security.STARTTLS: 2, Security.TLS: 3}
AUTH_METHOD = {AuthMethod.NONE: 1, AuthMethod.PASSWORD_CLEARTEXT: 3,
               AuthMethod.PASSWORD_ENCRYPTED: 4}
# Thunderbird's name for the local message store of each incoming type (the server URI scheme).
_STORE_SCHEME = {Protocol.IMAP: "imap", Protocol.POP3: "mailbox"}
_INCOMING_TYPES = ("imap", "pop3")


@dataclass
class AccountPlan:
    """The prefs to set (name → new value) and the keys they use."""

    changes: dict[str, PrefValue] = field(default_factory=dict)
    account_key: str = ""
    server_key: str = ""
    identity_key: str = ""
    smtp_key: str = ""
    updated_existing: bool = False


def split_list(value: PrefValue | None) -> list[str]:
    """A comma-separated key list as Thunderbird reads it (blanks ignored)."""
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(",") if part.strip()]


def _numbers(prefs: Mapping[str, PrefValue], pattern: str, listed: list[str],
             prefix: str) -> set[int]:
    """Every N that a pref name or a list already uses for ``<prefix>N``."""
    used = set()
    regex = re.compile(pattern)
    for name in prefs:
        match = regex.match(name)
        if match:
            used.add(int(match.group(1)))
    for key in listed:
        if key.startswith(prefix) and re.fullmatch(r"[0-9]{1,9}", key[len(prefix):]):
            used.add(int(key[len(prefix):]))
    return used


def _lowest_free(used: set[int]) -> int:
    n = 1
    while n in used:
        n += 1
    return n


class _Profile:
    """Read-only view of the object graph in a pref map."""

    def __init__(self, prefs: Mapping[str, PrefValue]) -> None:
        self.prefs = prefs
        self.accounts = split_list(prefs.get(ACCOUNTS))
        self.smtp_servers = split_list(prefs.get(SMTP_SERVERS))

    def get_str(self, name: str) -> str:
        value = self.prefs.get(name)
        return value if isinstance(value, str) else ""

    def server_of(self, account: str) -> str:
        return self.get_str(f"mail.account.{account}.server")

    def identities_of(self, account: str) -> list[str]:
        return split_list(self.prefs.get(f"mail.account.{account}.identities"))

    def all_identities(self) -> list[str]:
        keys = []
        for name, value in self.prefs.items():
            if name.startswith("mail.account.") and name.endswith(".identities"):
                keys.extend(split_list(value))
        return keys

    def find_account(self, address: set[str]) -> tuple[str, str] | None:
        """(account, identity) of a mail account whose identity has this address."""
        for account in self.accounts:
            server_type = self.get_str(f"mail.server.{self.server_of(account)}.type")
            if server_type not in _INCOMING_TYPES:
                continue
            for identity in self.identities_of(account):
                email = self.get_str(f"mail.identity.{identity}.useremail").strip().lower()
                if email in address:
                    return account, identity
        return None

    def new_account_key(self) -> tuple[str, int]:
        last = self.prefs.get(LAST_KEY)
        used = _numbers(self.prefs, r"mail\.account\.account([0-9]{1,9})\.", self.accounts,
                        "account")
        if isinstance(last, int) and not isinstance(last, bool):
            used.add(last)
        number = max(used, default=0) + 1
        return f"account{number}", number

    def new_server_key(self) -> str:
        # Every account's server (listed in the account manager or not) and Local Folders'.
        listed = [self.get_str(LOCAL_FOLDERS_SERVER)]
        listed += [str(v) for k, v in self.prefs.items()
                   if k.startswith("mail.account.") and k.endswith(".server")]
        used = _numbers(self.prefs, r"mail\.server\.server([0-9]{1,9})\.", listed, "server")
        return f"server{_lowest_free(used)}"

    def new_identity_key(self) -> str:
        used = _numbers(self.prefs, r"mail\.identity\.id([0-9]{1,9})\.",
                        self.all_identities(), "id")
        return f"id{_lowest_free(used)}"

    def new_smtp_key(self) -> str:
        listed = self.smtp_servers + [
            str(v) for k, v in self.prefs.items()
            if k.startswith("mail.identity.") and k.endswith(".smtpServer")]
        used = _numbers(self.prefs, r"mail\.smtpserver\.smtp([0-9]{1,9})\.", listed, "smtp")
        return f"smtp{_lowest_free(used)}"

    def smtp_shared(self, smtp: str, identity: str) -> bool:
        """Whether another identity sends through this SMTP server too."""
        return any(
            value == smtp and name != f"mail.identity.{identity}.smtpServer"
            for name, value in self.prefs.items()
            if name.startswith("mail.identity.") and name.endswith(".smtpServer"))

    def real_default_account(self) -> bool:
        """A default account exists that is a listed mail account (not Local Folders)."""
        default = self.get_str(DEFAULT_ACCOUNT)
        if default not in self.accounts:
            return False
        server_type = self.get_str(f"mail.server.{self.server_of(default)}.type")
        return server_type not in ("", "none")


def server_uri(account: Account) -> str:
    """``imap://user%40example.org@host`` as ``MsgIncomingServer.serverURI`` builds it."""
    return incoming_uri(account.incoming.protocol, account.login_name, account.incoming.host)


def incoming_uri(protocol: str, login: str, host: str) -> str:
    """The server URI of an incoming server of type ``protocol`` ("imap" or "pop3")."""
    scheme = _STORE_SCHEME[Protocol(protocol)]
    safe = "-_.!~*'()"  # what encodeURIComponent leaves alone
    return f"{scheme}://{quote(login, safe=safe)}@{quote(host, safe=safe)}"


def _server_prefs(account: Account) -> dict[str, PrefValue]:
    incoming = account.incoming
    prefs: dict[str, PrefValue] = {
        "type": incoming.protocol.value,
        "hostname": incoming.host,
        "port": incoming.port,
        "socketType": SOCKET_TYPE[incoming.security],
        "authMethod": AUTH_METHOD[incoming.auth],
        "userName": account.login_name,
        "name": account.email.display,
        "login_at_startup": True,
        "check_new_mail": True,
        "valid": True,
    }
    if incoming.protocol is Protocol.POP3:
        pop = account.pop
        prefs["leave_on_server"] = pop.leave_on_server
        # Deleting a message in Thunderbird deletes the server copy too (the wizard's default),
        # so WebMail shows what the member still keeps.
        prefs["delete_mail_left_on_server"] = pop.leave_on_server
        prefs["delete_by_age_from_server"] = pop.delete_after_days is not None
        # Without it a POP check only counts new mail (STAT) and downloads nothing until the
        # member presses "Get Messages" (seen with Thunderbird 153; the wizard sets it too).
        prefs["download_on_biff"] = True
        if pop.delete_after_days is not None:
            prefs["num_days_to_leave_on_server"] = pop.delete_after_days
    return prefs


def _identity_prefs(account: Account, smtp_key: str) -> dict[str, PrefValue]:
    base = server_uri(account) + "/"
    return {
        "fullName": account.display_name,
        "useremail": account.email.ascii,
        "smtpServer": smtp_key,
        "valid": True,
        "fcc_folder": base + "Sent",
        "draft_folder": base + "Drafts",
        "stationery_folder": base + "Templates",
        "fcc_folder_picker_mode": "0",
        "drafts_folder_picker_mode": "0",
        "tmpl_folder_picker_mode": "0",
    }


def _smtp_prefs(account: Account) -> dict[str, PrefValue]:
    outgoing = account.outgoing
    if outgoing.auth is not AuthMethod.NONE and not account.login_name.isascii():
        # SmtpServer.sys.mjs reads `username` with getCharPref (8-bit): measured with
        # Thunderbird 153, a UTF-8 login arrives as mojibake and the login fails.
        raise AssistantError("thunderbird.smtp_login_not_ascii")
    return {
        "type": "smtp",
        "hostname": outgoing.host,
        "port": outgoing.port,
        "try_ssl": SOCKET_TYPE[outgoing.security],
        "authMethod": AUTH_METHOD[outgoing.auth],
        "username": "" if outgoing.auth is AuthMethod.NONE else account.login_name,
    }


def plan_account(prefs: Mapping[str, PrefValue], account: Account) -> AccountPlan:
    """The prefs to set so that ``prefs`` holds ``account`` (new, or the existing one updated)."""
    view = _Profile(prefs)
    wanted: dict[str, PrefValue] = {}
    plan = AccountPlan()
    found = view.find_account({account.email.ascii.lower(), account.email.display.lower()})
    if found:
        plan.updated_existing = True
        plan.account_key, plan.identity_key = found
        plan.server_key = view.server_of(plan.account_key)
        old_type = view.get_str(f"mail.server.{plan.server_key}.type")
        if old_type != account.incoming.protocol.value:
            # A server cannot change its type (its folders are stored by type): give the
            # account a new server; the old server's prefs stay for its local mail.
            plan.server_key = view.new_server_key()
            wanted[f"mail.account.{plan.account_key}.server"] = plan.server_key
        smtp = view.get_str(f"mail.identity.{plan.identity_key}.smtpServer")
        if smtp in view.smtp_servers and not view.smtp_shared(smtp, plan.identity_key):
            plan.smtp_key = smtp
    else:
        plan.account_key, number = view.new_account_key()
        plan.server_key = view.new_server_key()
        plan.identity_key = view.new_identity_key()
        wanted[ACCOUNTS] = ",".join([*view.accounts, plan.account_key])
        wanted[LAST_KEY] = number
        wanted[f"mail.account.{plan.account_key}.server"] = plan.server_key
        wanted[f"mail.account.{plan.account_key}.identities"] = plan.identity_key
        if not view.real_default_account():
            wanted[DEFAULT_ACCOUNT] = plan.account_key
    if not plan.smtp_key:
        plan.smtp_key = view.new_smtp_key()
        wanted[SMTP_SERVERS] = ",".join([*view.smtp_servers, plan.smtp_key])
        if view.get_str(DEFAULT_SMTP) not in view.smtp_servers:
            wanted[DEFAULT_SMTP] = plan.smtp_key
    for key, value in _server_prefs(account).items():
        wanted[f"mail.server.{plan.server_key}.{key}"] = value
    for key, value in _identity_prefs(account, plan.smtp_key).items():
        wanted[f"mail.identity.{plan.identity_key}.{key}"] = value
    for key, value in _smtp_prefs(account).items():
        wanted[f"mail.smtpserver.{plan.smtp_key}.{key}"] = value
    plan.changes = {name: value for name, value in wanted.items()
                    if not same_value(prefs.get(name), value)}
    return plan
