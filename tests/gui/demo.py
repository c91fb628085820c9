"""The practice backend for screenshots and fast UI tests, with what only they need: a
self-signed certificate on demand, and a report naming the files as written."""

from __future__ import annotations

from pathlib import Path

from assistant.clients.report import ApplyReport
from assistant.gui.practice import PracticeBackend
from assistant.probe.model import EndpointResult
from assistant.settings import Account, Protocol, Security


class DemoBackend(PracticeBackend):
    """``untrusted`` makes every TLS endpoint show a self-signed certificate."""

    def __init__(self, output_dir: Path, *, untrusted: bool = False) -> None:
        self.output_dir = output_dir
        self.untrusted = untrusted

    def endpoint(self, host: str, protocol: Protocol, port: int, security: Security,
                 status: str = "ok") -> EndpointResult:
        if self.untrusted and status == "ok" and security is not Security.NONE:
            status = "certificate_invalid"
        return super().endpoint(host, protocol, port, security, status)

    def thunderbird_profile(self, explicit: Path | None) -> Path | None:
        return self.output_dir / "thunderbird-profile"

    def apply_thunderbird(self, account: Account, profile_dir: Path | None) -> ApplyReport:
        target = (profile_dir or self.output_dir) / "prefs.js"
        return ApplyReport("thunderbird", target, target.with_name("prefs.js.bak-20261126"),
                           [f"mail.identity.id1.useremail: {account.email.ascii}"],
                           files_written=[target])
