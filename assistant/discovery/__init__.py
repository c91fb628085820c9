"""Where the candidate servers for an address come from.

Sources are consulted concurrently and returned in order of trust: the church's settings
profile (or a host the person typed, which skips discovery), DNS SRV (RFC 6186/8314), the
domain's Mozilla autoconfig file (https, then http), MX, and guessed names. Results from
untrusted channels — http, hosts outside the address's domain found through MX — carry
``trusted=False`` so the wizard asks before using them. Every lookup goes through the given
:class:`~assistant.net.Resolver` (``--dns-server``). :func:`discover` raises nothing for a
network problem or a hostile answer: a source that failed is recorded with ``ok=False`` and a
reason in ``detail`` (an unexpected exception by its type only).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable

from assistant.consents import ConsentReason
from assistant.discovery.autoconfig import (
    autoconfig_urls,
    fetch_autoconfig,
    parse_autoconfig,
)
from assistant.discovery.autoconfig_xml import AutoconfigError
from assistant.discovery.guess import discover_guess
from assistant.discovery.model import (
    Candidate,
    Source,
    SourceKind,
    standard_candidates,
)
from assistant.discovery.mx import discover_mx
from assistant.discovery.srv import discover_srv, order_srv
from assistant.net import AnyOf, CancelToken, Deadline, NetError, Resolver, TlsPolicy
from assistant.profile import SettingsProfile
from assistant.settings import EmailAddress, Protocol

# Once some source gave both an incoming and an outgoing server, slower sources get this long
# (from the start of discovery) before the probe goes ahead without them.
SETTLE_AFTER = 1.5
# How long discovery waits, once it moves on, for abandoned lookups to end (one DNS try).
JOIN_BOUND = 1.5
_LOG = logging.getLogger(__name__)

__all__ = [
    "AutoconfigError", "Candidate", "Source", "SourceKind", "autoconfig_urls", "discover",
    "fetch_autoconfig", "host_source", "order_srv", "parse_autoconfig", "profile_source",
]


def host_source(host: str) -> Source:
    """``--host``: the standard ports on that one host, trusted (the person chose it)."""
    return Source(SourceKind.HOST, host, [host], True, True, standard_candidates(host, True))


def profile_source(profile: SettingsProfile, email: EmailAddress,
                   trusted: bool = True) -> Source:
    """The profile's servers in its order; ``trusted`` False for a profile that is not the
    church's word (assistant.profile_trust): each server then needs the member's consent."""
    servers = [*profile.incoming, *profile.outgoing]
    reason = None if trusted else ConsentReason.UNTRUSTED_PROFILE
    candidates = [Candidate(s.protocol, s.host, s.port, s.security, trusted, rank,
                            declared=True, reason=reason)
                  for rank, s in enumerate(servers)]
    covers = any(d.ascii == email.domain.ascii for d in profile.domains)
    detail = profile.organisation("en") or profile.organisation("ja")
    if not covers:
        detail += f" (profile does not list {email.domain.ascii})"
    hosts = list(dict.fromkeys(s.host for s in servers))
    return Source(SourceKind.PROFILE, detail, hosts, trusted, bool(candidates), candidates)


def discover(email: EmailAddress, *, resolver: Resolver, policy: TlsPolicy,
             deadline: Deadline, cancel: CancelToken | None = None,
             profile: SettingsProfile | None = None, profile_trusted: bool = False,
             on_source: Callable[[Source], None] | None = None) -> list[Source]:
    """Every source's answer (or recorded failure), most trusted first.

    A source that has not answered when the deadline passes — or :data:`SETTLE_AFTER`
    seconds after the start once another source already named incoming and outgoing
    servers — is recorded as not answered in time, so one black-holed lookup cannot hold up
    the probe. Its lookup is told to stop and its thread is joined for at most
    :data:`JOIN_BOUND` seconds (a DNS try in flight cannot be interrupted)."""
    started = time.monotonic()
    stop = threading.Event()  # set when discovery moves on: abandoned lookups end at once
    token = AnyOf(cancel, stop)
    jobs: dict[SourceKind, Callable[[], list[Source]]] = {
        SourceKind.SRV: lambda: [discover_srv(email, resolver=resolver, deadline=deadline,
                                              cancel=token)],
        SourceKind.AUTOCONFIG: lambda: fetch_autoconfig(
            email, autoconfig_urls(email), resolver=resolver, policy=policy,
            deadline=deadline, cancel=token),
        SourceKind.MX: lambda: discover_mx(email, resolver=resolver, policy=policy,
                                           deadline=deadline, cancel=token),
        SourceKind.GUESS: lambda: [discover_guess(email, resolver=resolver, deadline=deadline,
                                                  cancel=token)],
    }
    sources: list[Source] = []
    if profile is not None:
        sources.append(profile_source(profile, email, profile_trusted))
        if on_source:
            on_source(sources[0])
    answers: queue.Queue[tuple[SourceKind, list[Source]]] = queue.Queue()
    threads = [threading.Thread(target=_run_job, args=(kind, job, answers),
                                name=f"discovery-{kind}", daemon=True)
               for kind, job in jobs.items()]
    for thread in threads:
        thread.start()
    pending = set(jobs)
    try:
        while pending:
            try:
                kind, found = answers.get(timeout=0.1)
            except queue.Empty:
                pass
            else:
                pending.discard(kind)
                for source in found:
                    sources.append(source)
                    if on_source:
                        on_source(source)
            settled = _covers_both(sources) and time.monotonic() - started >= SETTLE_AFTER
            if pending and (settled or deadline.expired or token.is_set()):
                waited = int((time.monotonic() - started) * 1000)
                for kind in sorted(pending, key=list(jobs).index):
                    sources.append(Source(kind, f"no answer within {waited} ms", [], True,
                                          False))
                break
    finally:
        stop.set()
        end = time.monotonic() + JOIN_BOUND
        for thread in threads:
            thread.join(max(0.0, end - time.monotonic()))
    return sorted(sources, key=lambda s: s.trust_rank)


def _covers_both(sources: list[Source]) -> bool:
    found = {c.protocol is Protocol.SMTP for s in sources if s.ok for c in s.candidates}
    return found == {False, True}


def _run_job(kind: SourceKind, job: Callable[[], list[Source]],
             answers: queue.Queue[tuple[SourceKind, list[Source]]]) -> None:
    """One source in its own thread: its answer, or its failure recorded (never raised)."""
    try:
        found = job()
    except NetError as exc:
        found = [Source(kind, f"{exc.status} {exc.detail}".strip(), [], True, False)]
    except Exception as exc:  # hostile input must not end discovery
        _LOG.warning("discovery source %s failed unexpectedly: %s", kind, type(exc).__name__)
        found = [Source(kind, f"protocol_error {type(exc).__name__}", [], True, False)]
    answers.put((kind, found))
