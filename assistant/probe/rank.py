"""Ranking endpoints and deciding when the recommendation is known.

Incoming: trusted sources first; then a verified encrypted session over one with an invalid
certificate over none; IMAP over POP (the church's guidance); implicit TLS over STARTTLS.
Outgoing: trusted first; SMTP AUTH offered; encryption as above; submission ports (465/587)
over 25; implicit TLS over STARTTLS.

A pending endpoint only holds the decision back while it could still beat the best usable one
and has had less than the grace period: a silently dropped port must not delay the answer
(Thunderbird waits for the full timeout there).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.discovery import Candidate
from assistant.errors import Problem
from assistant.net.text import bracketed
from assistant.probe.model import EndpointResult, Recommendation
from assistant.settings import Protocol, Security

# The shortest wait for a better-ranked endpoint before a usable one is recommended.
GRACE = 1.5
# ... or this many times the slowest successful check so far (slow links need longer).
GRACE_FACTOR = 2.0

Key = tuple[int, ...]


def _security_class(r: EndpointResult) -> int:
    if r.security is Security.NONE:
        return 2
    return 0 if r.status == "ok" else 1


def result_key(r: EndpointResult) -> Key:
    implicit = 0 if r.security is Security.TLS else 1
    if r.protocol is Protocol.SMTP:
        return (int(not r.trusted_source), int(not r.auth_mechanisms), _security_class(r),
                int(r.port == 25), implicit, r.order)
    return (int(not r.trusted_source), _security_class(r), int(r.protocol is Protocol.POP3),
            implicit, r.order)


def best_possible_key(c: Candidate, order: int) -> Key:
    """The key a pending endpoint would have if it answered as well as it possibly could."""
    implicit = 0 if c.security is Security.TLS else 1
    if c.protocol is Protocol.SMTP:
        return (int(not c.trusted), 0, 0, int(c.port == 25), implicit, order)
    return (int(not c.trusted), 0, int(c.protocol is Protocol.POP3), implicit, order)


@dataclass
class Pending:
    candidate: Candidate
    order: int
    elapsed: float  # seconds since its check started


def grace_period(done: list[EndpointResult]) -> float:
    slowest = max((r.elapsed_ms for r in done if r.status == "ok"), default=0) / 1000
    return max(GRACE, GRACE_FACTOR * slowest)


def decide(done: list[EndpointResult], pending: list[Pending], *,
           final: bool = False) -> tuple[bool, EndpointResult | None, EndpointResult | None]:
    """(settled, incoming, outgoing): settled once neither choice can still change, except
    by an endpoint that has already exceeded the grace period (or when ``final``)."""
    grace = grace_period(done)
    choices: list[EndpointResult | None] = []
    settled = True
    for outgoing in (False, True):
        mine = [r for r in done if (r.protocol is Protocol.SMTP) == outgoing and r.usable]
        best = min(mine, key=result_key, default=None)
        waiting = [p for p in pending if (p.candidate.protocol is Protocol.SMTP) == outgoing]
        for p in waiting:
            could_beat = best is None or best_possible_key(p.candidate, p.order) < result_key(best)
            if could_beat and (best is None or p.elapsed < grace) and not final:
                settled = False
        choices.append(best)
    return settled, choices[0], choices[1]


def downgrade_warnings(endpoints: list[EndpointResult]) -> list[Problem]:
    """One warning per endpoint that was declared STARTTLS and did not offer or perform it:
    someone may be stripping encryption on the way (never recommended)."""
    return [Problem("probe.starttls_downgrade", {"protocol": r.protocol.name,
                                                 "host": bracketed(r.host), "port": r.port})
            for r in endpoints if r.problem is not None
            and r.problem.code in ("net.starttls_not_offered", "net.starttls_refused")]


def recommend(incoming: EndpointResult | None, outgoing: EndpointResult | None) -> Recommendation:
    """The choice with the warnings a member or volunteer must see."""
    warnings: list[Problem] = []
    if incoming is None:
        warnings.append(Problem("probe.no_incoming"))
    if outgoing is None:
        warnings.append(Problem("probe.no_outgoing"))
    for r in (incoming, outgoing):
        if r is None:
            continue
        where = {"protocol": r.protocol.name, "host": bracketed(r.host), "port": r.port}
        if r.security is Security.NONE:
            warnings.append(Problem("probe.no_encryption", where))
        elif r.status == "certificate_invalid" and r.tls is not None:
            warnings.append(Problem("probe.certificate_invalid", {
                **where, "error": r.tls.certificate_error or "",
                "fingerprint": r.tls.fingerprint_sha256}))
        if not r.trusted_source:
            warnings.append(Problem("probe.untrusted_source", where))
    if outgoing is not None and not outgoing.auth_mechanisms:
        warnings.append(Problem("probe.smtp_no_auth", {"host": bracketed(outgoing.host),
                                                       "port": outgoing.port}))
    return Recommendation(incoming, outgoing, warnings)
