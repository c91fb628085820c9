"""Which probed endpoints the wizard proposes, and which questions that raises (Qt-free).

The probe's recommendation already prefers IMAP and implicit TLS; the member may have chosen
POP instead, and an endpoint may need the member's consent (an untrusted certificate, or no
encryption at all). This module turns a probe report into that decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.settings import Protocol, Security

USABLE = "ok"
UNTRUSTED = "certificate_invalid"
_SECURITY_RANK = {Security.TLS.value: 0, Security.STARTTLS.value: 1, Security.NONE.value: 2}


def _rank(endpoint: Any) -> tuple[int, int, int]:
    """Encrypted and trusted first, then encrypted with a certificate to confirm, then plain."""
    security = str(endpoint.security)
    encrypted = security != Security.NONE.value
    if str(endpoint.status) == USABLE and encrypted:
        group = 0
    elif str(endpoint.status) == UNTRUSTED:
        group = 1
    else:
        group = 2
    return (group, _SECURITY_RANK.get(security, 3), int(getattr(endpoint, "elapsed_ms", 0)))


def best_endpoint(endpoints: Iterable[Any], protocol: Protocol) -> Any | None:
    """The endpoint of ``protocol`` a client should use, or None when none answered usefully."""
    candidates = [
        e for e in endpoints
        if str(e.protocol) == protocol.value and str(e.status) in (USABLE, UNTRUSTED)
    ]
    return min(candidates, key=_rank) if candidates else None


def needs_trust(endpoint: Any) -> bool:
    return str(endpoint.status) == UNTRUSTED


def is_plaintext(endpoint: Any) -> bool:
    return str(endpoint.security) == Security.NONE.value


def fingerprint(endpoint: Any) -> str:
    tls = getattr(endpoint, "tls", None)
    return str(getattr(tls, "fingerprint_sha256", "") or "")


@dataclass
class Proposal:
    """The endpoints to use and the consents they need before the login check."""

    incoming: Any | None
    outgoing: Any | None

    @property
    def complete(self) -> bool:
        return self.incoming is not None and self.outgoing is not None

    def chosen(self) -> Sequence[Any]:
        return [e for e in (self.incoming, self.outgoing) if e is not None]

    def untrusted(self) -> list[Any]:
        """Endpoints whose certificate must be confirmed, one per distinct fingerprint."""
        seen: set[str] = set()
        result = []
        for endpoint in self.chosen():
            if needs_trust(endpoint) and fingerprint(endpoint) not in seen:
                seen.add(fingerprint(endpoint))
                result.append(endpoint)
        return result

    def plaintext(self) -> list[Any]:
        return [e for e in self.chosen() if is_plaintext(e)]


def propose(report: Any, protocol: Protocol) -> Proposal:
    """Take the probe's recommendation when it matches the chosen protocol, else the best."""
    recommendation = report.recommendation
    incoming = getattr(recommendation, "incoming", None)
    if incoming is None or str(incoming.protocol) != protocol.value:
        incoming = best_endpoint(report.endpoints, protocol)
    outgoing = getattr(recommendation, "outgoing", None) or best_endpoint(
        report.endpoints, Protocol.SMTP)
    return Proposal(incoming, outgoing)
