"""The practice backend for screenshots and fast UI tests, with what only they need: a
self-signed certificate on demand, and a report naming the files as written."""

from __future__ import annotations

from pathlib import Path

from assistant.clients.report import ApplyReport
from assistant.clients.thunderbird.handover import Handover
from assistant.clients.thunderbird.inventory import AccountEntry, ProfileEntry
from assistant.consents import ConsentReason
from assistant.gui.practice import PracticeBackend
from assistant.probe.model import EndpointResult
from assistant.settings import Account, Protocol, Security

# How each server state changes an endpoint that would answer: (status, security or None).
STATES = {
    "untrusted": ("certificate_invalid", None),  # every TLS endpoint self-signed
    "plaintext": ("ok", Security.NONE),  # an old server without encryption
    "down": ("timeout", None),  # the names exist, nothing answers
    "nodomain": ("dns_error", None),  # the address's domain has no such names
    "http": ("ok", None),  # named only by an autoconfig file fetched over http
}


class DemoBackend(PracticeBackend):
    """``untrusted`` (or ``state``, one of :data:`STATES`) changes the servers found."""

    def __init__(self, output_dir: Path, *, untrusted: bool = False, state: str = "") -> None:
        self.output_dir = output_dir
        self.state = "untrusted" if untrusted else state
        self.handover: Handover | None = None
        self.opened: list[tuple[Path | None, str | None]] = []

    def endpoint(self, host: str, protocol: Protocol, port: int, security: Security,
                 status: str = "ok") -> EndpointResult:
        if self.state and (status == "ok" or self.state == "nodomain"):
            status, changed = STATES[self.state]
            security = changed or security
        result = super().endpoint(host, protocol, port, security, status)
        if self.state == "http":
            result.trusted_source, result.consent_reason = False, ConsentReason.HTTP_AUTOCONFIG
        return result

    def thunderbird_profile(self, explicit: Path | None) -> Path | None:
        return self.output_dir / "thunderbird-profile"

    def apply_thunderbird(self, account: Account, profile_dir: Path | None,
                          handover: Handover | None = None) -> ApplyReport:
        handover = handover or Handover()
        self.handover = handover  # what the wizard handed over, for the tests to look at
        member = account.display_name if handover.shared_pc and profile_dir is None else None
        target = (profile_dir or self.output_dir / "member") / "prefs.js"
        return ApplyReport("thunderbird", target, target.with_name("prefs.js.bak-20261126"),
                           [f"mail.identity.id1.useremail: {account.email.ascii}"],
                           files_written=[target], password_saved=handover.password is not None,
                           profile_name=member)

    def open_thunderbird(self, profile_dir: Path | None, member: str | None) -> None:
        self.opened.append((profile_dir, member))

    def thunderbird_inventory(self, explicit: Path | None) -> list[ProfileEntry]:
        """A shared PC's Thunderbird: the volunteer's own profile and two members'."""
        def entry(email: str, name: str) -> AccountEntry:
            return AccountEntry(email, name, "imap", "mail.example-church.jp", 993, email,
                                "account1", "server1", ("id1",), "smtp1",
                                "mail.example-church.jp", 465, email)

        root = self.output_dir / "thunderbird"
        return [ProfileEntry("default-esr", root / "a1b2.default-esr", default=True,
                             accounts=[entry("office@example-church.jp", "教会事務")]),
                ProfileEntry("山田 花子", root / "x1.member", member=True,
                             accounts=[entry("hanako@example-church.jp", "山田 花子")]),
                ProfileEntry("佐藤 一郎", root / "x2.member", member=True,
                             accounts=[entry("ichiro@example-church.jp", "佐藤 一郎")])]
