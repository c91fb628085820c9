"""The wizard's two network checks, as plain functions over frozen snapshots (Qt-free).

A page copies what a check needs into a :class:`ServerCheckInput` or :class:`LoginCheckInput`
on the UI thread and hands it to a pool thread; the worker never reads the live wizard state,
so a member typing meanwhile cannot change what is sent, and the password travels as the
core's :class:`~assistant.secret.Secret`. The checks report through :class:`Hooks`:
progress items, blocking questions only the member can answer, and the cancel flag.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from assistant.secret import Secret
from assistant.settings import EmailAddress, Server
from assistant.settings import Protocol as MailProtocol
from assistant.wizard.proposal import Proposal, fingerprint, propose

if TYPE_CHECKING:
    from assistant.login.result import LoginResult
    from assistant.probe.model import ProbeEvent, ProbeReport
    from assistant.profile import SettingsProfile


@dataclass(frozen=True)
class Network:
    """Where the checks' traffic goes (the volunteer's ``--dns-server``/``--ca-file``)."""

    dns_server: str | None = None
    ca_file: Path | None = None
    timeout: float = 10.0


@dataclass(frozen=True)
class ServerCheckInput:
    email: EmailAddress
    protocol: MailProtocol
    profile: SettingsProfile | None
    network: Network


@dataclass(frozen=True)
class LoginCheckInput:
    incoming: Server
    outgoing: Server
    login: str
    password: Secret = field(repr=False)
    # Certificates the member trusted by fingerprint, per (host, port).
    pins: tuple[tuple[tuple[str, int], str], ...]
    allow_plaintext: bool
    from_discovery: bool
    network: Network

    def pin(self, server: Server) -> str | None:
        return dict(self.pins).get((server.host, server.port))


@dataclass(frozen=True)
class CertificateQuestion:
    """Trust this certificate, which could not be verified? (``error``: the TLS library's)."""

    host: str
    port: int
    fingerprint: str
    error: str


@dataclass(frozen=True)
class PlaintextQuestion:
    """Send the password and mail without encryption to these ``host:port``s?"""

    hosts: tuple[str, ...]


Question = CertificateQuestion | PlaintextQuestion


class Hooks(Protocol):
    """What a check gets from whoever runs it."""

    cancel: threading.Event

    def progress(self, item: object) -> None: ...

    def ask(self, question: Question) -> bool: ...


@dataclass
class ServerOutcome:
    """The report, the proposal and the member's consents."""

    report: ProbeReport
    proposal: Proposal
    trusted: dict[tuple[str, int], str] = field(default_factory=dict)
    allow_plaintext: bool = False
    declined: Literal["certificate", "plaintext"] | None = None


# Statuses that say nothing answered at an address that exists (the server is down, or a
# firewall drops the connection); "dns_error": the name itself does not exist.
_SILENT = frozenset({"timeout", "refused", "unreachable"})


def why_not_found(report: ProbeReport) -> Literal["domain_not_found", "not_answering",
                                                    "no_mail_server"]:
    """Why no usable pair of servers was found, in the terms a member can act on: the
    address's domain has no servers by that name at all (a typing mistake, most likely),
    the servers exist but none answers (call the church), or something else."""
    statuses = {e.status for e in report.endpoints}
    if statuses <= {"dns_error"}:
        return "domain_not_found"
    if statuses <= _SILENT | {"dns_error"}:
        return "not_answering"
    return "no_mail_server"


@dataclass(frozen=True)
class LoginStep:
    """One login check's outcome, reported as progress."""

    role: Literal["incoming", "outgoing"]
    server: Server
    result: LoginResult


Prober = Callable[[ServerCheckInput, "Callable[[ProbeEvent], None]", threading.Event],
                  "ProbeReport"]
LoginChecker = Callable[[LoginCheckInput, Server, threading.Event], "LoginResult"]


def probe_servers(check: ServerCheckInput, on_event: Callable[[ProbeEvent], None],
                  cancel: threading.Event) -> ProbeReport:
    """The real probe (discovery, then every candidate endpoint)."""
    from assistant.probe import ProbeOptions, run_probe

    options = ProbeOptions(dns_server=check.network.dns_server, ca_file=check.network.ca_file,
                           timeout=check.network.timeout, profile=check.profile)
    return run_probe(check.email, options, on_event=on_event, cancel=cancel)


def log_in(check: LoginCheckInput, server: Server, cancel: threading.Event) -> LoginResult:
    """The real login check against one of the two servers."""
    from assistant.login import check_login

    network = check.network
    return check_login(server, check.login, check.password, ca_file=network.ca_file,
                       trust_fingerprint=check.pin(server),
                       allow_plaintext=check.allow_plaintext, dns_server=network.dns_server,
                       timeout=network.timeout, cancel=cancel,
                       from_discovery=check.from_discovery)


def run_server_check(check: ServerCheckInput, hooks: Hooks,
                     probe: Prober = probe_servers) -> ServerOutcome | None:
    """Probe, propose, and ask the member what only they can decide (None: cancelled)."""
    report = probe(check, hooks.progress, hooks.cancel)
    if hooks.cancel.is_set() or report.cancelled:
        return None
    proposal = propose(report, check.protocol)
    outcome = ServerOutcome(report, proposal)
    if not proposal.complete:
        return outcome
    for endpoint in proposal.untrusted():
        error = endpoint.tls.certificate_error if endpoint.tls is not None else None
        if not hooks.ask(CertificateQuestion(endpoint.host, endpoint.port,
                                             fingerprint(endpoint), error or "")):
            outcome.declined = "certificate"
            return None if hooks.cancel.is_set() else outcome
        for chosen in proposal.chosen():
            if fingerprint(chosen) == fingerprint(endpoint):
                outcome.trusted[(chosen.host, chosen.port)] = fingerprint(endpoint)
    plain = proposal.plaintext()
    if plain:
        if not hooks.ask(PlaintextQuestion(tuple(f"{e.host}:{e.port}" for e in plain))):
            outcome.declined = "plaintext"
            return None if hooks.cancel.is_set() else outcome
        outcome.allow_plaintext = True
    return outcome


def run_login_check(check: LoginCheckInput, hooks: Hooks,
                    login: LoginChecker = log_in) -> list[LoginStep] | None:
    """Receiving first (it also proves the password), then sending (None: cancelled)."""
    steps: list[LoginStep] = []
    roles: tuple[tuple[Literal["incoming", "outgoing"], Server], ...] = (
        ("incoming", check.incoming), ("outgoing", check.outgoing))
    for role, server in roles:
        hooks.progress(role)
        result = login(check, server, hooks.cancel)
        if hooks.cancel.is_set():
            return None
        step = LoginStep(role, server, result)
        steps.append(step)
        hooks.progress(step)
        if not result.ok:
            break
    return steps
