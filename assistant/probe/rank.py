"""Deciding when the probe's recommendation is known, and its warnings.

The order of endpoints is :class:`assistant.probe.choose.Ranking`, the one ranking every
choice uses (trust first, then encryption, the wanted protocol, the church's order).

A pending endpoint only holds the decision back while it could still beat the best usable one
and has had less than the grace period: a silently dropped port must not delay the answer
(Thunderbird waits for the full timeout there).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.discovery import Candidate
from assistant.errors import Problem
from assistant.net.text import bracketed
from assistant.probe.choose import Ranking
from assistant.probe.model import EndpointResult, Recommendation
from assistant.settings import Protocol, Security

# The shortest wait for a better-ranked endpoint before a usable one is recommended.
GRACE = 1.5
# ... or this many times the slowest successful check so far (slow links need longer).
GRACE_FACTOR = 2.0

@dataclass
class Pending:
    candidate: Candidate
    order: int
    elapsed: float  # seconds since its check started


def grace_period(done: list[EndpointResult]) -> float:
    slowest = max((r.elapsed_ms for r in done if r.status == "ok"), default=0) / 1000
    return max(GRACE, GRACE_FACTOR * slowest)


def decide(done: list[EndpointResult], pending: list[Pending], *, final: bool = False,
           ranking: Ranking | None = None,
           ) -> tuple[bool, EndpointResult | None, EndpointResult | None]:
    """(settled, incoming, outgoing): settled once neither choice can still change, except
    by an endpoint that has already exceeded the grace period (or when ``final``)."""
    ranking = ranking or Ranking()
    grace = grace_period(done)
    choices: list[EndpointResult | None] = []
    settled = True
    for outgoing in (False, True):
        best = ranking.best(done, outgoing)
        waiting = [p for p in pending if (p.candidate.protocol is Protocol.SMTP) == outgoing]
        for p in waiting:
            could_beat = best is None or ranking.best_possible(p.candidate, p.order) \
                < ranking.key(best)
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
