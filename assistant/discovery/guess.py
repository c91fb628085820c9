"""Guessing the usual host names (mail., imap., pop., pop3., smtp., the bare domain).

Only names that resolve become candidates; a name starting with imap./pop./pop3./smtp. is
probed for that protocol only."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from assistant.discovery.model import Source, SourceKind, standard_candidates
from assistant.net import CancelToken, Deadline, DnsError, Resolver
from assistant.settings import EmailAddress, Protocol

PREFIXES: tuple[tuple[str, tuple[Protocol, ...]], ...] = (
    ("mail.", tuple(Protocol)),
    ("imap.", (Protocol.IMAP,)),
    ("pop.", (Protocol.POP3,)),
    ("pop3.", (Protocol.POP3,)),
    ("smtp.", (Protocol.SMTP,)),
    ("", tuple(Protocol)),
)


def discover_guess(email: EmailAddress, *, resolver: Resolver, deadline: Deadline,
                   cancel: CancelToken | None = None) -> Source:
    domain = email.domain.ascii

    def resolves(prefix: str) -> bool:
        try:
            return bool(resolver.addresses(prefix + domain, deadline, cancel))
        except DnsError:
            return False

    with ThreadPoolExecutor(max_workers=len(PREFIXES), thread_name_prefix="guess") as pool:
        found = list(pool.map(resolves, [p for p, _ in PREFIXES]))
    candidates = []
    hosts = []
    for (prefix, protocols), ok in zip(PREFIXES, found, strict=True):
        if ok:
            hosts.append(prefix + domain)
            candidates += standard_candidates(prefix + domain, True, protocols)
    tried = ", ".join(p + domain for p, _ in PREFIXES)
    detail = f"tried {tried}; {len(hosts)} resolve"
    return Source(SourceKind.GUESS, detail, hosts, True, bool(hosts), candidates)
