"""The probe's results: one :class:`EndpointResult` per endpoint, the recommendation, and the
report that the CLI prints as JSON (docs/cli.md, ``probe --json``, schema 1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.consents import ConsentReason
from assistant.discovery import Candidate, Source
from assistant.errors import Problem
from assistant.messages import text
from assistant.net import TlsInfo
from assistant.profile import SettingsProfile
from assistant.settings import AuthMethod, EmailAddress, Protocol, Security, Server

SCHEMA = 1


@dataclass
class ProbeOptions:
    """``None`` means "not given"; an empty ``dns_server`` or ``host`` is a ValidationError.

    ``complete``: wait for every endpoint (up to the timeout) instead of stopping the
    stragglers once the recommendation is known (the probe benchmark measures all of them).
    """

    dns_server: str | None = None
    ca_file: Path | None = None
    timeout: float = 30.0  # long enough for a greeting held back on purpose (greet_pause)
    host: str | None = None
    profile: SettingsProfile | None = None
    complete: bool = False
    # False for a profile that is not the church's word (assistant.profile_trust.LoadedProfile
    # .trusted): its servers then need consent like any untrusted source.
    profile_trusted: bool = False  # fail closed: a caller that checked the profile says so


@dataclass
class EndpointResult:
    """What one endpoint really offers. ``security`` is what was established (or, when the
    connection failed, what was attempted); ``capabilities`` and ``auth_mechanisms`` are those
    offered where the client would log in (after TLS when there is TLS)."""

    protocol: Protocol
    host: str
    port: int
    security: Security
    status: str
    problem: Problem | None = None
    tls: TlsInfo | None = None
    capabilities: list[str] = field(default_factory=list)
    auth_mechanisms: list[str] = field(default_factory=list)
    plaintext_auth_offered: bool = False
    elapsed_ms: int = 0
    trusted_source: bool = True
    plain_capabilities: list[str] = field(default_factory=list)  # seen before STARTTLS
    order: int = 0  # position among the candidates (trust of its source, then its rank)
    greeting_ms: int | None = None  # how long the connected server kept silent before greeting
    # What made plaintext_auth_offered true: the listed ways ("LOGIN", "USER", "AUTH PLAIN");
    # and a POP3 server's refusal of USER without TLS (then "USER" is not among them).
    plaintext_methods: list[str] = field(default_factory=list)
    plaintext_refusal: str | None = None
    login: str | None = None  # the login its source names (autoconfig <username>), if any
    consent_reason: ConsentReason | None = None  # why an untrusted source does not vouch

    @classmethod
    def for_candidate(cls, candidate: Candidate, status: str, order: int,
                      problem: Problem | None = None) -> EndpointResult:
        """The result for one candidate endpoint, before (or instead of) what it offers."""
        return cls(candidate.protocol, candidate.host, candidate.port, candidate.security,
                   status, problem, trusted_source=candidate.trusted, order=order,
                   login=candidate.login, consent_reason=candidate.reason)

    @property
    def usable(self) -> bool:
        """Reachable and speaking the protocol; an invalid certificate still needs a pin."""
        return self.status == "ok" or (self.status == "certificate_invalid"
                                       and self.tls is not None)

    @property
    def error(self) -> str | None:
        return self.error_text("en")

    def error_text(self, lang: str) -> str | None:
        return None if self.problem is None else text(self.problem, lang)

    def to_server(self) -> Server:
        mechanisms = set(self.auth_mechanisms)
        if self.protocol is Protocol.SMTP and not mechanisms:
            auth = AuthMethod.NONE
        elif mechanisms and not mechanisms & {"PLAIN", "LOGIN"} and "CRAM-MD5" in mechanisms:
            auth = AuthMethod.PASSWORD_ENCRYPTED
        else:
            auth = AuthMethod.PASSWORD_CLEARTEXT
        return Server(self.protocol, self.host, self.port, self.security, auth)

    def to_json(self, lang: str = "ja") -> dict[str, Any]:
        return {
            "protocol": str(self.protocol), "host": self.host, "port": self.port,
            "security": str(self.security), "status": self.status,
            "error": self.error_text(lang),
            "tls": None if self.tls is None else self.tls.to_json(),
            "capabilities": list(self.capabilities),
            "auth_mechanisms": list(self.auth_mechanisms),
            "plaintext_auth_offered": self.plaintext_auth_offered,
            "elapsed_ms": self.elapsed_ms,
            "greeting_ms": self.greeting_ms,
            "trusted_source": self.trusted_source,
            "consent_reason": None if self.consent_reason is None else str(self.consent_reason),
        }


@dataclass
class Recommendation:
    incoming: EndpointResult | None = None
    outgoing: EndpointResult | None = None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.incoming is not None and self.outgoing is not None

    @property
    def login(self) -> str | None:
        """The login to try first: what the incoming server's source names (autoconfig
        ``<username>``), else the outgoing one's; None: no source said (use the address)."""
        for chosen in (self.incoming, self.outgoing):
            if chosen is not None and chosen.login:
                return chosen.login
        return None

    def to_json(self, lang: str = "ja") -> dict[str, Any]:
        return {
            "incoming": None if self.incoming is None else self.incoming.to_json(lang),
            "outgoing": None if self.outgoing is None else self.outgoing.to_json(lang),
            "warnings": [{"code": w.code, "message": text(w, lang)} for w in self.warnings],
            "login": self.login,
        }


@dataclass
class ProbeEvent:
    """Progress for the wizard: ``kind`` is source, endpoint_started, endpoint_done or
    recommendation (then ``recommendation`` is set)."""

    kind: str
    source: Source | None = None
    endpoint: EndpointResult | None = None
    recommendation: Recommendation | None = None


@dataclass
class ProbeReport:
    email: EmailAddress
    domain: str
    elapsed_ms: int
    sources: list[Source]
    endpoints: list[EndpointResult]
    recommendation: Recommendation
    cancelled: bool = False
    recommendation_ms: int | None = None  # when the recommendation was known

    def to_json(self, lang: str = "ja") -> dict[str, Any]:
        return {
            "schema": SCHEMA, "email": self.email.ascii, "domain": self.domain,
            "elapsed_ms": self.elapsed_ms,
            "sources": [s.to_json(lang) for s in self.sources],
            "endpoints": [e.to_json(lang) for e in self.endpoints],
            "recommendation": self.recommendation.to_json(lang),
        }
