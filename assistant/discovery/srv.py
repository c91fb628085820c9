"""DNS SRV discovery (RFC 6186, RFC 8314): the domain says which services it offers, where,
and in which order; a single record with target "." says a service is not offered."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import dns.rdtypes.IN.SRV

from assistant.consents import ConsentReason
from assistant.discovery.model import Candidate, Source, SourceKind, in_domain
from assistant.errors import ValidationError
from assistant.net import CancelToken, Deadline, DnsError, Resolver, clean
from assistant.settings import EmailAddress, Protocol, Security, parse_host

# A hostile zone could list thousands of records; each becomes a probed endpoint. Six
# services of five records each stay below the probe's overall cap (runner.MAX_CANDIDATES).
MAX_PER_SERVICE = 5

SERVICES: tuple[tuple[str, Protocol, Security], ...] = (
    ("_submissions", Protocol.SMTP, Security.TLS),
    ("_submission", Protocol.SMTP, Security.STARTTLS),
    ("_imaps", Protocol.IMAP, Security.TLS),
    ("_imap", Protocol.IMAP, Security.STARTTLS),
    ("_pop3s", Protocol.POP3, Security.TLS),
    ("_pop3", Protocol.POP3, Security.STARTTLS),
)


def order_srv(records: list[tuple[int, int, int, str]],
              rng: random.Random | None = None) -> list[tuple[int, int, int, str]]:
    """RFC 2782 order of (priority, weight, port, target): lowest priority first; inside a
    priority, a weighted random draw (weight 0 keeps a small chance)."""
    rng = rng or random.Random()  # noqa: S311 — load spreading, not security
    ordered: list[tuple[int, int, int, str]] = []
    for priority in sorted({r[0] for r in records}):
        group = sorted((r for r in records if r[0] == priority), key=lambda r: r[1])
        while group:
            total = sum(r[1] for r in group)
            pick = rng.randint(0, total)
            running = 0
            chosen = group[-1]
            for record in group:
                running += record[1]
                if running >= pick:
                    chosen = record
                    break
            group.remove(chosen)
            ordered.append(chosen)
    return ordered


def valid_target(target: str) -> str | None:
    """A DNS target (SRV or MX) as an ASCII host name, or None when it is not a valid host."""
    try:
        return parse_host(target).ascii
    except ValidationError:
        return None


def discover_srv(email: EmailAddress, *, resolver: Resolver, deadline: Deadline,
                 cancel: CancelToken | None = None) -> Source:
    """One source for all six services; ``detail`` says what each service answered."""
    domain = email.domain.ascii

    def lookup(service: str) -> list[tuple[int, int, int, str]] | str:
        try:
            answer = resolver.query(f"{service}._tcp.{domain}", "SRV", deadline, cancel)
        except DnsError as exc:
            return exc.detail
        return [(r.priority, r.weight, r.port, r.target.to_text(omit_final_dot=True))
                for r in answer if isinstance(r, dns.rdtypes.IN.SRV.SRV)]

    with ThreadPoolExecutor(max_workers=len(SERVICES), thread_name_prefix="srv") as pool:
        answers = list(pool.map(lookup, [s for s, _, _ in SERVICES]))
    notes: list[str] = []
    candidates: list[Candidate] = []
    for (service, protocol, security), answer in zip(SERVICES, answers, strict=True):
        if isinstance(answer, str):
            notes.append(f"{service}: {answer}")
            continue
        if len(answer) == 1 and answer[0][3] in ("", "."):
            notes.append(f"{service}: not offered")
            continue
        usable = [r for r in answer if r[3] not in ("", ".") and r[2] > 0]
        ordered = order_srv(usable)
        if len(ordered) > MAX_PER_SERVICE:
            notes.append(f"{service}: {len(ordered) - MAX_PER_SERVICE} more records ignored")
        for rank, (priority, _, port, target) in enumerate(ordered[:MAX_PER_SERVICE]):
            host = valid_target(target)
            if host is None:
                notes.append(f"{service}: invalid target {clean(target)[:80]!r} ignored")
            else:
                # RFC 6186 "_imap"/"_pop3"/"_submission" name the service, not whether it
                # upgrades (old servers publish them for plain text too): only implicit TLS
                # is a declaration here; a plain port is upgraded when STARTTLS is offered.
                # RFC 6186 §6: a target outside the domain needs the person's confirmation
                # (without DNSSEC anyone on the way could have written it).
                inside = in_domain(host, domain)
                candidates.append(Candidate(protocol, host, port, security, inside,
                                            priority * 1000 + rank,
                                            declared=security is Security.TLS,
                                            reason=None if inside
                                            else ConsentReason.SRV_OUTSIDE_DOMAIN))
                notes.append(f"{service}: {host}:{port} (priority {priority})")
    hosts = list(dict.fromkeys(c.host for c in candidates))
    trusted = all(c.trusted for c in candidates)
    return Source(SourceKind.SRV, "; ".join(notes), hosts, trusted, bool(candidates),
                  candidates)
