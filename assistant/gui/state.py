"""The one state object every wizard page reads and writes (Qt-free).

The password is held in a :class:`Password` that never shows its value in ``repr``/``str``,
and :meth:`WizardState.diagnostics` lists fields by whitelist, so copying diagnostics or
logging the state cannot leak it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import __version__
from assistant.errors import AssistantError
from assistant.settings import (
    Account,
    EmailAddress,
    LoginRule,
    PopOptions,
    Protocol,
    Server,
)

if TYPE_CHECKING:
    from assistant.profile import SettingsProfile


class Password:
    """A secret typed by the member: kept in memory only, hidden from every printout."""

    __slots__ = ("_value",)

    def __init__(self, value: str = "") -> None:
        self._value = value

    def reveal(self) -> str:
        """The value, for the login check only."""
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Password(<hidden>)" if self._value else "Password(<empty>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Password) and other._value == self._value

    def __hash__(self) -> int:
        return hash(Password)


class ClientChoice(StrEnum):
    THUNDERBIRD = "thunderbird"
    OUTLOOK = "outlook"
    SHEET_ONLY = "sheet"


class LoginOutcome(StrEnum):
    NOT_CHECKED = "not_checked"
    OK = "ok"
    WRONG_PASSWORD = "wrong_password"  # noqa: S105 — an outcome name, not a secret
    FAILED = "failed"


@dataclass
class Options:
    """Where the wizard's network and file work goes (tests point it at the test bed)."""

    dns_server: str | None = None
    ca_file: Path | None = None
    probe_timeout: float = 10.0
    login_timeout: float = 15.0
    thunderbird_profile: Path | None = None
    outlook_output: Path | None = None
    profile_path: Path | None = None


@dataclass(eq=False)
class WizardState:
    """Answers gathered so far; pages fill it in, :func:`assistant.gui.flow.next_page` reads it."""

    lang: str = "ja"
    volunteer: bool = False
    large_font: bool = False
    options: Options = field(default_factory=Options)
    profile: SettingsProfile | None = None
    profile_error: AssistantError | None = None  # a profile was given but could not be read
    # POP と IMAP
    protocol: Protocol = Protocol.IMAP
    shared_pc: bool = False
    leave_on_server: bool = True
    # アカウント
    display_name: str = ""
    email: EmailAddress | None = None
    login_name: str = ""
    password: Password = field(default_factory=Password, repr=False)
    # サーバーの確認
    incoming: Server | None = None
    outgoing: Server | None = None
    trusted_fingerprints: dict[tuple[str, int], str] = field(default_factory=dict)
    allow_plaintext: bool = False
    probe_summary: list[str] = field(default_factory=list)
    # ログインの確認
    login_outcome: LoginOutcome = LoginOutcome.NOT_CHECKED
    login_summary: list[str] = field(default_factory=list)
    suggested_login: str | None = None
    # Set when the server refused the password: the server check still holds, so the account
    # page leads straight back to the login check (cleared by a new check or new servers).
    retry_login: bool = False
    # メールソフト / 完了
    client: ClientChoice = ClientChoice.THUNDERBIRD
    written_files: list[Path] = field(default_factory=list)
    written_target: Path | None = None
    backup: Path | None = None
    changes: list[str] = field(default_factory=list)

    def offered_protocols(self) -> tuple[Protocol, ...]:
        """Incoming protocols to choose from: the profile's, or both (IMAP first)."""
        if self.profile is None:
            return (Protocol.IMAP, Protocol.POP3)
        seen = [s.protocol for s in self.profile.incoming if s.is_incoming]
        ordered = tuple(p for p in (Protocol.IMAP, Protocol.POP3) if p in seen)
        return ordered or (Protocol.IMAP, Protocol.POP3)

    def login_rule(self) -> LoginRule:
        return self.profile.login_rule if self.profile is not None else LoginRule.ADDRESS

    def organisation(self) -> str:
        return self.profile.organisation(self.lang) if self.profile is not None else ""

    def pop_options(self) -> PopOptions:
        return PopOptions(leave_on_server=self.leave_on_server)

    def account(self) -> Account | None:
        """The account to write, once address and servers are known."""
        if self.email is None or self.incoming is None or self.outgoing is None:
            return None
        return Account(
            email=self.email,
            display_name=self.display_name,
            login_name=self.login_name or self.email.ascii,
            incoming=self.incoming,
            outgoing=self.outgoing,
            pop=self.pop_options() if self.incoming.protocol is Protocol.POP3 else PopOptions(),
        )

    def forget_servers(self) -> None:
        """A new address or protocol invalidates what the server check found."""
        self.incoming = None
        self.outgoing = None
        self.trusted_fingerprints.clear()
        self.allow_plaintext = False
        self.probe_summary.clear()
        self.login_outcome = LoginOutcome.NOT_CHECKED
        self.login_summary.clear()
        self.suggested_login = None
        self.retry_login = False

    def servers_checked(self) -> bool:
        """The server check found both servers for the current address and protocol."""
        return self.incoming is not None and self.outgoing is not None

    def diagnostics(self) -> str:
        """Plain text for a volunteer's clipboard: whitelisted fields, never the password."""
        lines: list[tuple[str, Any]] = [
            ("version", __version__),
            ("language", self.lang),
            ("profile", self.options.profile_path or "-"),
            ("organisation", self.organisation() or "-"),
            ("protocol", self.protocol.value),
            ("shared_pc", self.shared_pc),
            ("leave_on_server", self.leave_on_server),
            ("email", self.email.ascii if self.email else "-"),
            ("login", self.login_name or "-"),
            ("password_entered", bool(self.password)),
            ("incoming", self.incoming.spec if self.incoming else "-"),
            ("outgoing", self.outgoing.spec if self.outgoing else "-"),
            ("trusted_fingerprints",
             ", ".join(f"{h}:{p}={fp}" for (h, p), fp in self.trusted_fingerprints.items())
             or "-"),
            ("allow_plaintext", self.allow_plaintext),
            ("login_outcome", self.login_outcome.value),
            ("client", self.client.value),
            ("written", ", ".join(str(p) for p in self.written_files) or "-"),
            ("backup", self.backup or "-"),
        ]
        text = [f"{key}: {value}" for key, value in lines]
        text += ["", "[server check]", *self.probe_summary, "", "[login check]",
                 *self.login_summary]
        joined = "\n".join(text)
        secret = self.password.reveal()
        # Belt and braces: no server message or typed field may echo the password back.
        return joined.replace(secret, "********") if secret else joined
