"""Which probed endpoints the wizard proposes, and which questions that raises (Qt-free).

The probe's recommendation already prefers IMAP and implicit TLS; the member may have chosen
POP instead, and an endpoint may need the member's consent (an untrusted certificate, or no
encryption at all). This module turns a probe report into that decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.probe.model import EndpointResult, ProbeReport
from assistant.settings import Protocol, Security

USABLE = "ok"
UNTRUSTED = "certificate_invalid"
_SECURITY_RANK = {Security.TLS: 0, Security.STARTTLS: 1, Security.NONE: 2}


def _rank(endpoint: EndpointResult) -> tuple[int, int, int]:
    """Encrypted and trusted first, then encrypted with a certificate to confirm, then plain."""
    encrypted = endpoint.security is not Security.NONE
    if endpoint.status == USABLE and encrypted:
        group = 0
    elif endpoint.status == UNTRUSTED:
        group = 1
    else:
        group = 2
    return (group, _SECURITY_RANK[endpoint.security], endpoint.elapsed_ms)


def best_endpoint(endpoints: Iterable[EndpointResult],
                  protocol: Protocol) -> EndpointResult | None:
    """The endpoint of ``protocol`` a client should use, or None when none answered usefully."""
    candidates = [e for e in endpoints
                  if e.protocol is protocol and e.status in (USABLE, UNTRUSTED)]
    return min(candidates, key=_rank) if candidates else None


def needs_trust(endpoint: EndpointResult) -> bool:
    return endpoint.status == UNTRUSTED


def is_plaintext(endpoint: EndpointResult) -> bool:
    return endpoint.security is Security.NONE


def fingerprint(endpoint: EndpointResult) -> str:
    return endpoint.tls.fingerprint_sha256 if endpoint.tls is not None else ""


@dataclass
class Proposal:
    """The endpoints to use and the consents they need before the login check."""

    incoming: EndpointResult | None
    outgoing: EndpointResult | None

    @property
    def complete(self) -> bool:
        return self.incoming is not None and self.outgoing is not None

    def chosen(self) -> list[EndpointResult]:
        return [e for e in (self.incoming, self.outgoing) if e is not None]

    def untrusted(self) -> list[EndpointResult]:
        """Endpoints whose certificate must be confirmed, one per distinct fingerprint."""
        seen: set[str] = set()
        result = []
        for endpoint in self.chosen():
            if needs_trust(endpoint) and fingerprint(endpoint) not in seen:
                seen.add(fingerprint(endpoint))
                result.append(endpoint)
        return result

    def plaintext(self) -> list[EndpointResult]:
        return [e for e in self.chosen() if is_plaintext(e)]


def propose(report: ProbeReport, protocol: Protocol) -> Proposal:
    """Take the probe's recommendation when it matches the chosen protocol, else the best."""
    recommendation = report.recommendation
    incoming = recommendation.incoming
    if incoming is None or incoming.protocol is not protocol:
        incoming = best_endpoint(report.endpoints, protocol)
    outgoing = recommendation.outgoing or best_endpoint(report.endpoints, Protocol.SMTP)
    return Proposal(incoming, outgoing)
