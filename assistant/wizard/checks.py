"""The wizard's two network checks, as plain functions over frozen snapshots (Qt-free).

A page copies what a check needs into a :class:`ServerCheckInput` or :class:`LoginCheckInput`
on the UI thread and hands it to a pool thread; the worker never reads the live wizard state,
so a member typing meanwhile cannot change what is sent, and the password travels as the
core's :class:`~assistant.secret.Secret`. The checks report through :class:`Hooks`:
progress items, blocking questions only the member can answer, and the cancel flag.

Which servers, and what must be agreed first, is the core's one ranking
(:mod:`assistant.probe.choose`); the login check goes through
:func:`assistant.login.chosen.check_chosen`, which refuses while anything is left to agree
to, so a page that forgot a question still cannot send the password.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from assistant.consents import Consents
from assistant.errors import AssistantError, Problem
from assistant.secret import Secret
from assistant.settings import EmailAddress, Security, Server
from assistant.settings import Protocol as MailProtocol

if TYPE_CHECKING:
    from assistant.login.result import LoginResult
    from assistant.probe.choose import ChosenServers, ConsentRequest
    from assistant.probe.model import EndpointResult, ProbeEvent, ProbeReport
    from assistant.profile import SettingsProfile
    from assistant.profile_trust import LoadedProfile


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
    loaded: LoadedProfile | None  # the church's profile and how far it is the church's word
    network: Network
    consents: Consents = field(default_factory=Consents)  # agreed before (trust page)

    @property
    def profile(self) -> SettingsProfile | None:
        return self.loaded.profile if self.loaded is not None else None

    @property
    def profile_trusted(self) -> bool:
        """False: not the church's word (assistant.profile_trust): its servers need the
        member's consent like any untrusted source."""
        return self.loaded is None or self.loaded.trusted


@dataclass(frozen=True)
class LoginCheckInput:
    chosen: ChosenServers  # what the server check chose, with its pins and open questions
    login: str
    password: Secret = field(repr=False)
    allow_plaintext: bool
    from_discovery: bool
    network: Network


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


@dataclass(frozen=True)
class ConsentQuestion:
    """May the password go to this host, which an untrusted source named? (The sentence is
    the core's :func:`~assistant.probe.choose.consent_question`; its safe answer is no.)"""

    request: ConsentRequest
    domain: str


Question = CertificateQuestion | PlaintextQuestion | ConsentQuestion


class Hooks(Protocol):
    """What a check gets from whoever runs it."""

    cancel: threading.Event

    def progress(self, item: object) -> None: ...

    def ask(self, question: Question) -> bool: ...


@dataclass
class ServerOutcome:
    """The report, the chosen servers and the member's (or the church's) decisions.
    ``church_decided``: what the church's profile settled so that nobody was asked
    ("certificate", "plaintext"), for the calm line that says so."""

    report: ProbeReport
    chosen: ChosenServers
    allow_plaintext: bool = False
    declined: Literal["certificate", "plaintext", "consent"] | None = None
    church_decided: tuple[str, ...] = ()
    notes: tuple[Problem, ...] = ()  # e.g. the domain's own SRV names other servers


# Statuses that say nothing answered at an address that exists (the server is down, or a
# firewall drops the connection); "dns_error": the name itself does not exist.
_SILENT = frozenset({"timeout", "refused", "unreachable"})


def why_not_found(report: ProbeReport) -> Literal["domain_not_found", "not_answering",
                                                    "no_mail_server"]:
    """Why no usable pair of servers was found, in the terms a member can act on: the
    address's domain has no servers by that name at all (a typing mistake, most likely),
    the servers exist but none answers (call the church), or something else. The incoming
    server decides: an answering SMTP server does not help her read mail, and blaming her
    address then would send her looking for a mistake she did not make."""
    statuses = {e.status for e in report.endpoints}
    if statuses <= {"dns_error"}:
        return "domain_not_found"
    incoming = {e.status for e in report.endpoints if e.protocol is not MailProtocol.SMTP}
    if statuses <= _SILENT | {"dns_error"} or (
            incoming and incoming <= _SILENT | {"dns_error"} and incoming & _SILENT):
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
LoginChecker = Callable[[LoginCheckInput, "EndpointResult", threading.Event], "LoginResult"]


def probe_servers(check: ServerCheckInput, on_event: Callable[[ProbeEvent], None],
                  cancel: threading.Event) -> ProbeReport:
    """The real probe (discovery, then every candidate endpoint)."""
    from assistant.probe import ProbeOptions, run_probe

    options = ProbeOptions(dns_server=check.network.dns_server, ca_file=check.network.ca_file,
                           timeout=check.network.timeout, profile=check.profile,
                           profile_trusted=check.profile_trusted)
    return run_probe(check.email, options, on_event=on_event, cancel=cancel)


def log_in(check: LoginCheckInput, endpoint: EndpointResult,
           cancel: threading.Event) -> LoginResult:
    """The real login check against one of the chosen endpoints, through the core's guard
    (it refuses while a consent or certificate decision is missing)."""
    from assistant.login.chosen import check_chosen

    incoming = endpoint.protocol is not MailProtocol.SMTP
    one = replace(check.chosen, incoming=endpoint if incoming else None,
                  outgoing=None if incoming else endpoint)
    network = check.network
    [result] = check_chosen(one, check.login, check.password, ca_file=network.ca_file,
                            dns_server=network.dns_server,
                            allow_plaintext=check.allow_plaintext, timeout=network.timeout,
                            cancel=cancel, from_discovery=check.from_discovery)
    return result


def run_server_check(check: ServerCheckInput, hooks: Hooks,
                     probe: Prober = probe_servers) -> ServerOutcome | None:
    """Probe, choose with the one ranking, and ask what only a person can decide: each host
    an untrusted source named, each certificate that does not verify, a server without
    encryption (None: cancelled). The church's own decisions in its profile are not asked."""
    from assistant.probe.choose import Ranking, propose
    from assistant.profile_trust import check_profile

    if check.loaded is not None:
        # The trust page stops such a profile first; the rule stays here too, so no page
        # order can offer a "yes" for a server outside the domain or another domain's file.
        refusals = check_profile(check.loaded, check.email).refusals
        if refusals:
            raise AssistantError(refusals[0].code, **refusals[0].params)
    report = probe(check, hooks.progress, hooks.cancel)
    if hooks.cancel.is_set() or report.cancelled:
        return None
    ranking = Ranking.of(check.profile, check.profile_trusted, wanted=check.protocol,
                         consents=check.consents)
    outcome = ServerOutcome(report, propose(report.endpoints, ranking))
    # Each yes adds one consent, so the same question never comes twice; a consent can
    # change the choice, hence the proposal again after each.
    while outcome.chosen.complete and not outcome.chosen.ready:
        chosen = outcome.chosen
        if chosen.consents_needed:
            request = chosen.consents_needed[0]
            if not hooks.ask(ConsentQuestion(request, check.email.domain.unicode)):
                return _declined(outcome, "consent", hooks)
            ranking = replace(ranking, consents=ranking.consents.with_host(request.host,
                                                                           request.reason))
        else:
            wanted = chosen.certificates_needed[0]
            if not hooks.ask(CertificateQuestion(wanted.host, wanted.port, wanted.fingerprint,
                                                 wanted.error)):
                return _declined(outcome, "certificate", hooks)
            ranking = replace(ranking, consents=ranking.consents.with_fingerprint(
                wanted.fingerprint))
        outcome.chosen = propose(report.endpoints, ranking)
    if not outcome.chosen.complete:
        return outcome
    outcome.church_decided = _church_decided(check, outcome.chosen)
    plain = tuple(f"{r.host}:{r.port}" for r in _unencrypted(outcome.chosen)
                  if not _church_allows_plaintext(check, r))
    if plain and not hooks.ask(PlaintextQuestion(plain)):
        return _declined(outcome, "plaintext", hooks)
    outcome.allow_plaintext = bool(_unencrypted(outcome.chosen))
    outcome.notes = _disagreements(check, report)
    return outcome


def _declined(outcome: ServerOutcome, what: Literal["certificate", "plaintext", "consent"],
              hooks: Hooks) -> ServerOutcome | None:
    outcome.declined = what
    return None if hooks.cancel.is_set() else outcome


def _unencrypted(chosen: ChosenServers) -> list[EndpointResult]:
    return [r for r in chosen.chosen if r.security is Security.NONE]


def _church_allows_plaintext(check: ServerCheckInput, r: EndpointResult) -> bool:
    """The church's (trusted) profile accepts that this server of its own has no encryption."""
    return (check.profile is not None and check.profile_trusted
            and check.profile.policy_for(r.to_server()).allow_plaintext)


def _church_decided(check: ServerCheckInput, chosen: ChosenServers) -> tuple[str, ...]:
    decided = []
    if check.profile is not None and check.profile_trusted and any(
            check.profile.policy_for(r.to_server()).pinned_sha256 for r in chosen.chosen
            if r.status == "certificate_invalid"):
        decided.append("certificate")
    if any(_church_allows_plaintext(check, r) for r in _unencrypted(chosen)):
        decided.append("plaintext")
    return tuple(decided)


def _disagreements(check: ServerCheckInput, report: ProbeReport) -> tuple[Problem, ...]:
    """A file profile that names other servers than the domain itself publishes."""
    if check.loaded is None:  # nothing to compare: discovery alone chose
        return ()
    from assistant.profile_trust import disagreements

    return tuple(disagreements(check.loaded, check.email, report.sources))


def run_login_check(check: LoginCheckInput, hooks: Hooks,
                    login: LoginChecker = log_in) -> list[LoginStep] | None:
    """Receiving first (it also proves the password), then sending (None: cancelled)."""
    steps: list[LoginStep] = []
    assert check.chosen.incoming is not None and check.chosen.outgoing is not None
    roles: tuple[tuple[Literal["incoming", "outgoing"], EndpointResult], ...] = (
        ("incoming", check.chosen.incoming), ("outgoing", check.chosen.outgoing))
    for role, endpoint in roles:
        hooks.progress(role)
        result = login(check, endpoint, hooks.cancel)
        if hooks.cancel.is_set():
            return None
        step = LoginStep(role, endpoint.to_server(), result)
        steps.append(step)
        hooks.progress(step)
        if not result.ok:
            break
    return steps
