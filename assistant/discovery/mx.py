"""MX discovery: the most preferred mail exchanger often also serves IMAP/POP/submission,
and (as Thunderbird does) its own domain may publish an autoconfig file. A host outside the
address's domain is not the domain owner's word, so it is marked untrusted."""

from __future__ import annotations

import dns.rdtypes.ANY.MX

from assistant.consents import ConsentReason
from assistant.discovery.autoconfig import fetch_autoconfig, mark_foreign
from assistant.discovery.model import Source, SourceKind, in_domain, standard_candidates
from assistant.discovery.srv import valid_target
from assistant.net import CancelToken, Deadline, DnsError, Resolver, TlsPolicy, clean
from assistant.settings import EmailAddress


def discover_mx(email: EmailAddress, *, resolver: Resolver, policy: TlsPolicy,
                deadline: Deadline, cancel: CancelToken | None = None) -> list[Source]:
    domain = email.domain.ascii
    try:
        answer = resolver.query(domain, "MX", deadline, cancel)
    except DnsError as exc:
        return [Source(SourceKind.MX, f"MX {domain}: {exc.detail}", [], True, False)]
    exchangers = sorted((r.preference, r.exchange.to_text(omit_final_dot=True).lower())
                        for r in answer if isinstance(r, dns.rdtypes.ANY.MX.MX))
    named = [e for e in exchangers if e[1] not in ("", ".")]
    if not named:
        return [Source(SourceKind.MX, f"MX {domain}: null MX", [], True, False)]
    exchangers = [(pref, host) for pref, target in named
                  if (host := valid_target(target)) is not None]
    if not exchangers:
        return [Source(SourceKind.MX, f"MX {domain}: invalid target "
                       f"{clean(named[0][1])[:80]!r} ignored", [], True, False)]
    host = exchangers[0][1]
    trusted = in_domain(host, domain)
    ignored = len(named) - len(exchangers)
    note = f"; {ignored} invalid target(s) ignored" if ignored else ""
    sources = [Source(SourceKind.MX,
                      f"MX {domain}: {host} (preference {exchangers[0][0]}){note}",
                      [host], trusted, True,
                      standard_candidates(host, trusted, reason=ConsentReason.FOREIGN_MX))]
    parent = host.split(".", 1)[1] if host.count(".") >= 2 else ""
    if parent and parent != domain and not in_domain(domain, parent):
        url = f"https://autoconfig.{parent}/mail/config-v1.1.xml"
        found = fetch_autoconfig(email, [url], resolver=resolver, policy=policy,
                                 deadline=deadline, cancel=cancel)
        mark_foreign(found, domain)
        for source in found:
            source.kind = SourceKind.MX
            source.detail = f"autoconfig of the MX domain {parent}: {source.detail}"
        sources += [s for s in found if s.ok]
    return sources
