"""The probe: discovery, every candidate endpoint checked concurrently, and the
recommendation as soon as it is known.

Threads: one per endpoint (each bounded by its own deadline, all by the overall one); all
events are emitted from the calling thread. Once the recommendation is known the report
does not wait for stragglers: an endpoint still silent after the grace period is stopped
and listed with status ``timeout`` (``ProbeOptions.complete`` waits for all instead).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from assistant.discovery import Candidate, Source, discover, host_source
from assistant.errors import Problem
from assistant.net import AnyOf, CancelToken, Deadline, Limits, Resolver, TlsPolicy
from assistant.probe.choose import Ranking
from assistant.probe.endpoint import check_endpoint
from assistant.probe.model import (
    EndpointResult,
    ProbeEvent,
    ProbeOptions,
    ProbeReport,
    Recommendation,
)
from assistant.probe.rank import (
    Pending,
    decide,
    downgrade_warnings,
    grace_period,
    recommend,
)
from assistant.settings import EmailAddress, parse_host

# Discovery may use this share of the overall timeout (at most DISCOVERY_MAX seconds).
DISCOVERY_SHARE = 0.4
DISCOVERY_MAX = 4.0
# Each endpoint's own deadline (inside the overall one; it counts from the greeting, which
# may take until the overall deadline), and the longest wait for one read.
ENDPOINT_TIMEOUT = 8.0
READ_TIMEOUT = 5.0
MAX_THREADS = 64
# Endpoints probed at most (most trusted first): an autoconfig file may list thousands.
MAX_CANDIDATES = 40
_TICK = 0.05


def candidates_of(sources: list[Source]) -> list[Candidate]:
    """The distinct (protocol, host, port), most trusted source first, at most
    :data:`MAX_CANDIDATES`; trusted (or declared) if any source that named it is."""
    merged: dict[tuple[str, str, int], Candidate] = {}
    for source in sorted(sources, key=lambda s: s.trust_rank):
        for c in sorted(source.candidates, key=lambda c: c.rank):
            key = (c.protocol.value, c.host, c.port)
            seen = merged.get(key)
            if seen is None:
                if len(merged) < MAX_CANDIDATES:
                    merged[key] = c
            elif (c.trusted and not seen.trusted) or (c.declared and not seen.declared) \
                    or (c.login and not seen.login):
                # A declared STARTTLS stays required even if a guess also named the port; the
                # login of the most trusted source that names one is kept.
                merged[key] = Candidate(seen.protocol, seen.host, seen.port,
                                        c.security if c.declared and not seen.declared
                                        else seen.security, seen.trusted or c.trusted,
                                        seen.rank, declared=seen.declared or c.declared,
                                        login=seen.login or c.login,
                                        reason=None if seen.trusted or c.trusted
                                        else seen.reason)
    return list(merged.values())


def run_probe(email: EmailAddress, options: ProbeOptions, *,
              on_event: Callable[[ProbeEvent], None] | None = None,
              cancel: threading.Event | None = None) -> ProbeReport:
    """Discover, probe and recommend within ``options.timeout`` seconds; cancellable.

    Raises :class:`~assistant.errors.ValidationError` only for bad options (host, DNS server,
    CA file); every network problem ends up in the report.
    """
    started = time.monotonic()
    overall = Deadline(options.timeout)
    resolver = Resolver(options.dns_server)
    policy = TlsPolicy(ca_file=options.ca_file, keep_unverified=True)
    emit = on_event or (lambda event: None)

    if options.host is not None:  # "" is a mistake to report, not "no host given"
        sources = [host_source(parse_host(options.host).ascii)]
        emit(ProbeEvent("source", source=sources[0]))
    else:
        budget = min(options.timeout * DISCOVERY_SHARE, DISCOVERY_MAX)
        sources = discover(email, resolver=resolver, policy=policy,
                           deadline=overall.child(budget), cancel=cancel,
                           profile=options.profile, profile_trusted=options.profile_trusted,
                           on_source=lambda s: emit(ProbeEvent("source", source=s)))
    candidates = candidates_of(sources)
    ranking = Ranking.of(options.profile, options.profile_trusted)
    prober = _Prober(candidates, resolver, policy, overall, cancel, emit, options.complete,
                     ranking)
    endpoints, recommendation, recommended_at = prober.run()
    recommendation.warnings += downgrade_warnings(endpoints)
    cancelled = cancel is not None and cancel.is_set()
    return ProbeReport(
        email=email, domain=email.domain.ascii,
        elapsed_ms=int((time.monotonic() - started) * 1000), sources=sources,
        endpoints=endpoints, recommendation=recommendation, cancelled=cancelled,
        recommendation_ms=None if recommended_at is None
        else int((recommended_at - started) * 1000))


class _Prober:
    def __init__(self, candidates: list[Candidate], resolver: Resolver, policy: TlsPolicy,
                 overall: Deadline, cancel: CancelToken | None,
                 emit: Callable[[ProbeEvent], None], complete: bool, ranking: Ranking) -> None:
        self.candidates = candidates
        self.ranking = ranking
        self.resolver, self.policy, self.overall = resolver, policy, overall
        self.cancel, self.emit, self.complete = cancel, emit, complete
        self.stops = [threading.Event() for _ in candidates]
        self.started: dict[int, float] = {}
        self.lock = threading.Lock()

    def _check(self, index: int) -> EndpointResult:
        with self.lock:
            self.started[index] = time.monotonic()
        return check_endpoint(self.candidates[index], resolver=self.resolver,
                              policy=self.policy, deadline=self.overall.child(ENDPOINT_TIMEOUT),
                              cancel=AnyOf(self.cancel, self.stops[index]), order=index,
                              limits=Limits(read_timeout=READ_TIMEOUT), greeting=self.overall)

    def _elapsed(self, index: int, now: float) -> float:
        with self.lock:
            begun = self.started.get(index)
        return 0.0 if begun is None else now - begun

    def run(self) -> tuple[list[EndpointResult], Recommendation, float | None]:
        results: dict[int, EndpointResult] = {}
        recommendation: Recommendation | None = None
        recommended_at: float | None = None
        pool = ThreadPoolExecutor(max_workers=max(1, min(MAX_THREADS, len(self.candidates))),
                                  thread_name_prefix="probe")
        futures: dict[Future[EndpointResult], int] = {}
        for index, candidate in enumerate(self.candidates):
            futures[pool.submit(self._check, index)] = index
            self.emit(ProbeEvent("endpoint_started", endpoint=_placeholder(candidate, index)))
        pending = set(futures)
        try:
            while pending:
                done, pending = wait(pending, timeout=_TICK, return_when=FIRST_COMPLETED)
                for future in done:
                    index = futures[future]
                    results[index] = future.result()
                    self.emit(ProbeEvent("endpoint_done", endpoint=results[index]))
                now = time.monotonic()
                stopping = (self.cancel is not None and self.cancel.is_set()) \
                    or self.overall.expired
                if recommendation is None and not (self.cancel and self.cancel.is_set()):
                    waiting = [Pending(self.candidates[futures[f]], futures[f],
                                       self._elapsed(futures[f], now)) for f in pending]
                    settled, incoming, outgoing = decide(
                        list(results.values()), waiting, final=stopping or not pending,
                        ranking=self.ranking)
                    if settled:
                        recommendation = recommend(incoming, outgoing)
                        recommended_at = now
                        self.emit(ProbeEvent("recommendation", recommendation=recommendation))
                if stopping:
                    for stop in self.stops:
                        stop.set()
                elif recommendation is not None and not self.complete:
                    grace = grace_period(list(results.values()))
                    for future in pending:
                        index = futures[future]
                        if self._elapsed(index, now) >= grace:
                            self.stops[index].set()
        finally:
            for stop in self.stops:
                stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
        ordered = [results[i] for i in sorted(results)]
        if self.cancel is not None and self.cancel.is_set():
            for r in ordered:
                if r.problem is not None and r.problem.code in ("probe.stopped",
                                                                "probe.stopped_no_greeting"):
                    r.problem = Problem("net.cancelled")
        return ordered, recommendation or recommend(None, None), recommended_at


def _placeholder(candidate: Candidate, index: int) -> EndpointResult:
    """What the wizard shows for an endpoint still being checked."""
    return EndpointResult.for_candidate(candidate, "pending", index)
