"""The one state object every wizard page reads and writes (Qt-free).

The password is held in the core's :class:`~assistant.secret.Secret`, which never shows its
value in ``repr``/``str``, and :meth:`WizardState.diagnostics` lists fields by whitelist, so
copying diagnostics or logging the state cannot leak it. The checks get frozen snapshots
(:meth:`WizardState.server_check_input`, :meth:`WizardState.login_check_input`), never the
live state.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from assistant import __version__
from assistant.errors import AssistantError, Problem
from assistant.secret import Secret
from assistant.settings import (
    Account,
    EmailAddress,
    LoginRule,
    PopOptions,
    Protocol,
    Server,
)

if TYPE_CHECKING:
    from assistant.clients.report import ApplyReport
    from assistant.clients.thunderbird.handover import Handover
    from assistant.probe.choose import ChosenServers
    from assistant.profile import SettingsProfile
    from assistant.profile_trust import LoadedProfile, ProfileVerdict
    from assistant.wizard.checks import LoginCheckInput, Network, ServerCheckInput


class ClientChoice(StrEnum):
    THUNDERBIRD = "thunderbird"
    OUTLOOK = "outlook"
    SHEET_ONLY = "sheet"


class LoginOutcome(StrEnum):
    NOT_CHECKED = "not_checked"
    OK = "ok"
    WRONG_PASSWORD = "wrong_password"  # noqa: S105 — an outcome name, not a secret
    FAILED = "failed"


class SharedPcSource(StrEnum):
    """Who said whether this is a shared church PC (shown to the volunteer)."""

    DEFAULT = "default"
    COMMAND_LINE = "command_line"  # --shared-pc
    MACHINE = "machine"  # this PC's remembered setting (the first page's switch)
    PROFILE = "profile"  # the church profile's [pc] shared


def shared_pc_mode(flag: bool, remembered: bool | None,
                   profile: SettingsProfile | None) -> tuple[bool, SharedPcSource]:
    """``--shared-pc`` first, then what this PC remembers, then the church profile."""
    if flag:
        return True, SharedPcSource.COMMAND_LINE
    if remembered is not None:
        return remembered, SharedPcSource.MACHINE
    if profile is not None and profile.shared_pc:
        return True, SharedPcSource.PROFILE
    return False, SharedPcSource.DEFAULT


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
    practice: bool = False  # --demo: built-in results, marked 練習, nothing written
    options: Options = field(default_factory=Options)
    profile: SettingsProfile | None = None
    profile_error: AssistantError | None = None  # a profile was given but could not be read
    # Where the profile came from and how far it is the church's word (None with a profile:
    # handed in by the program itself, e.g. the screenshots, and taken as the church's).
    loaded: LoadedProfile | None = None
    profile_accepted: bool = False  # the member confirmed an unsigned profile's servers
    # POP と IMAP
    protocol: Protocol = Protocol.IMAP
    shared_pc: bool = False
    shared_pc_source: SharedPcSource = SharedPcSource.DEFAULT
    leave_on_server: bool = True
    # アカウント
    display_name: str = ""
    email: EmailAddress | None = None
    login_name: str = ""
    password: Secret = field(default_factory=lambda: Secret(""), repr=False)
    # サーバーの確認
    incoming: Server | None = None
    outgoing: Server | None = None
    trusted_fingerprints: dict[tuple[str, int], str] = field(default_factory=dict)
    chosen: ChosenServers | None = None  # the one ranking's choice, with its pins
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
    # 「このパソコンにパスワードを保存する」: her consent (never offered on a shared PC).
    save_password: bool = True
    password_saved: bool = False
    member_name: str | None = None  # her profile's name in profiles.ini (shared PC)
    apply_warnings: list[Problem] = field(default_factory=list)
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

    def vouched_organisation(self) -> str:
        """The profile's church name once its trust is known and it is the church's word ("":
        not yet known, or nobody vouches for it): an unsigned file may name any church, and
        the first page would show that name before the member was asked about the file."""
        loaded = self.loaded
        return self.organisation() if loaded is not None and loaded.trusted else ""

    def contact(self) -> str:
        """Whom to call: the church's own contact ("" without one). A profile nobody vouches
        for may not name the number the member is told to call when in doubt; the
        installer's own profile may."""
        if self.profile is None:
            return ""
        loaded = self.loaded_profile()
        if loaded is not None and loaded.trusted:
            return self.profile.contact.phone_and_email()
        return _embedded_contact()

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
        self.chosen = None
        self.allow_plaintext = False
        self.probe_summary.clear()
        self.login_outcome = LoginOutcome.NOT_CHECKED
        self.login_summary.clear()
        self.suggested_login = None
        self.retry_login = False

    def handover(self) -> Handover:
        """What goes into Thunderbird's own stores: the proven password only with her consent
        and never on a shared PC, and the fingerprints pinned on the server page."""
        from assistant.clients.thunderbird.handover import Handover

        keep = (self.save_password and not self.shared_pc
                and self.login_outcome is LoginOutcome.OK and bool(self.password))
        return Handover(password=self.password if keep else None,
                        pins=dict(self.trusted_fingerprints), shared_pc=self.shared_pc)

    def keep_report(self, report: ApplyReport | None) -> None:
        """What the mail-program page wrote, for the done page (None: only the sheet)."""
        self.written_target = report.target if report else None
        self.written_files = list(report.files_written) if report else []
        self.backup = report.backup if report else None
        self.changes = list(report.changes) if report else []
        self.password_saved = report.password_saved if report else False
        self.member_name = report.profile_name if report else None
        self.apply_warnings = list(report.warnings) if report else []

    def next_member(self) -> None:
        """「次の方の設定へ」: forget everything of the member just done, the password first;
        the language, volunteer mode, shared-PC mode, text size and profile stay."""
        self.password = Secret("")
        self.display_name = ""
        self.email = None
        self.login_name = ""
        self.forget_servers()
        self.protocol = Protocol.IMAP
        self.leave_on_server = True
        self.save_password = True
        self.keep_report(None)

    def servers_checked(self) -> bool:
        """The server check found both servers for the current address and protocol."""
        return self.incoming is not None and self.outgoing is not None

    def network(self, timeout: float) -> Network:
        from assistant.wizard.checks import Network  # the core: not before the first page

        return Network(self.options.dns_server, self.options.ca_file, timeout)

    def server_check_input(self, protocol: Protocol) -> ServerCheckInput:
        """What the server check needs, frozen now (the worker never reads this state)."""
        from assistant.consents import ConsentReason, Consents
        from assistant.wizard.checks import ServerCheckInput

        assert self.email is not None, "the account page lets no check start without one"
        loaded = self.loaded_profile()
        consents = Consents()
        if loaded is not None and self.profile_accepted:  # she said yes on the trust page
            for host in loaded.hosts:
                consents = consents.with_host(host, ConsentReason.UNTRUSTED_PROFILE)
        return ServerCheckInput(self.email, protocol, loaded,
                                self.network(self.options.probe_timeout), consents)

    def loaded_profile(self) -> LoadedProfile | None:
        """The profile with its trust, found out when first needed: the trust module brings
        the discovery model, which the first page need not wait for."""
        if self.loaded is None and self.profile is not None:
            self.loaded = self._trust_of(self.profile)
        return self.loaded

    def _trust_of(self, profile: SettingsProfile) -> LoadedProfile:
        from assistant.embedded import embedded_profile_path
        from assistant.profile_trust import LoadedProfile, TrustLevel, load_trusted_profile
        from assistant.signature import SignatureCheck, SignatureStatus

        path = self.options.profile_path
        if path is None:  # handed in by the program itself (tests, screenshots)
            return LoadedProfile(profile, TrustLevel.EMBEDDED, None,
                                 SignatureCheck(SignatureStatus.TRUSTED))
        try:
            loaded = load_trusted_profile(path, embedded=embedded_profile_path())
        except AssistantError:  # read once already: changed since, so nobody vouches for it
            loaded = None
        return loaded or LoadedProfile(profile, TrustLevel.UNTRUSTED, path,
                                       SignatureCheck(SignatureStatus.MALFORMED))

    def profile_verdict(self) -> ProfileVerdict | None:
        """What using the profile for the typed address requires (None: no profile or no
        address yet)."""
        if self.email is None:  # before the trust module: the first page asks this at start
            return None
        loaded = self.loaded_profile()
        if loaded is None:
            return None
        from assistant.profile_trust import check_profile

        return check_profile(loaded, self.email)

    def login_check_input(self) -> LoginCheckInput:
        """What the login check needs, frozen now, the password included."""
        from assistant.wizard.checks import LoginCheckInput

        assert self.chosen is not None, "servers not checked"
        return LoginCheckInput(self.chosen, self.login_name, self.password,
                               self.allow_plaintext, from_discovery=self.profile is None,
                               network=self.network(self.options.login_timeout))

    def diagnostics(self) -> str:
        """Plain text for a volunteer's clipboard: whitelisted fields, never the password."""
        lines: list[tuple[str, object]] = [
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
            ("save_password", self.save_password and not self.shared_pc),
            ("password_saved", self.password_saved),
            ("written", ", ".join(str(p) for p in self.written_files) or "-"),
            ("backup", self.backup or "-"),
        ]
        text = [f"{key}: {value}" for key, value in lines]
        text += ["", "[server check]", *self.probe_summary, "", "[login check]",
                 *self.login_summary]
        # Belt and braces: no server message or typed field may echo the password back.
        return self.password.redact("\n".join(text))


@functools.cache
def _embedded_contact() -> str:
    """The installer's own profile's contact, read once (every page's text asks for it)."""
    from assistant.embedded import embedded_profile_path
    from assistant.profile import load_profile

    embedded = embedded_profile_path()
    try:
        return load_profile(embedded).contact.phone_and_email() if embedded else ""
    except AssistantError:
        return ""
