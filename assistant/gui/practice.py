"""``--demo``: the practice mode. The whole wizard over built-in results, so a volunteer can
show a member what to expect without a server, a network or a password; it writes nothing.

The results are the core's own result classes, so the pages show them exactly as they would
show a real check (a healthy church server with IMAP, POP and sending). Imported only in
practice mode: it needs the core's result modules.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from assistant.clients.report import ApplyReport
from assistant.clients.thunderbird.handover import Handover
from assistant.discovery.model import Source, SourceKind
from assistant.errors import Problem
from assistant.gui.backend import Backend
from assistant.login.result import LoginResult
from assistant.net.tls import TlsInfo
from assistant.probe.model import EndpointResult, ProbeEvent, ProbeReport, Recommendation
from assistant.settings import Account, Protocol, Security
from assistant.wizard.checks import LoginCheckInput, ServerCheckInput

PRACTICE_FINGERPRINT = ":".join(f"{(i * 37 + 11) % 256:02X}" for i in range(32))
PRACTICE_PROFILE = Path("practice") / "thunderbird-profile"  # shown, never created


class PracticeBackend(Backend):
    """Canned, healthy answers; every writer only says what it would have written."""

    def endpoint(self, host: str, protocol: Protocol, port: int, security: Security,
                 status: str = "ok") -> EndpointResult:
        tls = None if security is Security.NONE else TlsInfo(
            "TLSv1.3", status == "ok", None if status == "ok" else "self-signed certificate",
            PRACTICE_FINGERPRINT)
        return EndpointResult(protocol, host, port, security, status, tls=tls,
                              auth_mechanisms=["PLAIN", "LOGIN"], elapsed_ms=40 + port % 50)

    def probe(self, check: ServerCheckInput, on_event: Callable[[ProbeEvent], None],
              cancel: threading.Event) -> ProbeReport:
        email = check.email
        host = f"mail.{email.domain.ascii}"
        source = Source(SourceKind.SRV, f"_imaps._tcp.{email.domain.ascii}", [host])
        on_event(ProbeEvent("source", source=source))
        endpoints = [
            self.endpoint(host, Protocol.IMAP, 993, Security.TLS),
            self.endpoint(host, Protocol.IMAP, 143, Security.STARTTLS),
            self.endpoint(host, Protocol.POP3, 995, Security.TLS),
            self.endpoint(host, Protocol.SMTP, 465, Security.TLS),
            self.endpoint(host, Protocol.SMTP, 587, Security.STARTTLS),
            self.endpoint(host, Protocol.SMTP, 25, Security.STARTTLS, "timeout"),
        ]
        for endpoint in endpoints:
            on_event(ProbeEvent("endpoint_started", endpoint=endpoint))
            on_event(ProbeEvent("endpoint_done", endpoint=endpoint))
        usable = [e for e in endpoints if e.status == "ok"]
        recommendation = Recommendation(
            next((e for e in usable if e.protocol is Protocol.IMAP), None),
            next((e for e in usable if e.protocol is Protocol.SMTP), None))
        return ProbeReport(email, email.domain.ascii, 420, [source], endpoints, recommendation)

    def check_login(self, check: LoginCheckInput, endpoint: EndpointResult,
                    cancel: threading.Event) -> LoginResult:
        server = endpoint.to_server()
        incoming = server.protocol is not Protocol.SMTP
        count = 2 if incoming else None
        problem = Problem(f"login.ok_{server.protocol}", {"mechanism": "PLAIN", "count": count})
        return LoginResult("ok", problem, server, check.login, mechanism="PLAIN",
                           inbox_count=count, folders=["INBOX", "Sent"] if incoming else [])

    def thunderbird_installed(self) -> bool:
        return True

    def thunderbird_profile(self, explicit: Path | None) -> Path | None:
        return PRACTICE_PROFILE

    def thunderbird_in_use(self, profile_dir: Path) -> bool:
        return False

    def apply_thunderbird(self, account: Account, profile_dir: Path | None,
                          handover: Handover | None = None) -> ApplyReport:
        target = (profile_dir or PRACTICE_PROFILE) / "prefs.js"
        return ApplyReport("thunderbird", target, None,
                           [f"mail.identity.id1.useremail: {account.email.ascii}"],
                           password_saved=handover is not None and handover.password is not None)

    def open_thunderbird(self, profile_dir: Path | None, member: str | None) -> None:
        """Practice: Thunderbird is not started."""

    def outlook_installed(self) -> bool:
        return False

    def apply_outlook(self, account: Account, output_dir: Path | None) -> ApplyReport:
        return ApplyReport("outlook", (output_dir or Path("practice")) / "outlook.reg", None)
