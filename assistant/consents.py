"""What a person has agreed to, as typed records passed into the checks (never guessed).

A :class:`Consent` lets the password go to one host although the source that named it is
not the church's or the domain's word (the reasons are :class:`ConsentReason`). A
:class:`Pin` accepts one certificate that does not verify, by its SHA-256 fingerprint, on
one endpoint; the Thunderbird writer turns pins into certificate overrides.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ConsentReason(StrEnum):
    """Why an endpoint's source does not vouch for it (each gets its own question)."""

    UNTRUSTED_PROFILE = "untrusted_profile"        # a profile neither embedded nor signed
    SRV_OUTSIDE_DOMAIN = "srv_outside_domain"      # an SRV target in another domain
    HTTP_AUTOCONFIG = "http_autoconfig"            # an autoconfig file fetched over http
    FOREIGN_MX = "foreign_mx"                      # the MX host is in another domain
    FOREIGN_AUTOCONFIG = "foreign_autoconfig"      # the MX domain's autoconfig names it


@dataclass(frozen=True)
class Consent:
    host: str  # ASCII form
    reason: ConsentReason | None = None  # None: whatever the reason (--allow-untrusted HOST)

    def covers(self, host: str, reason: ConsentReason | None) -> bool:
        return self.host == host.lower().rstrip(".") and self.reason in (None, reason)


@dataclass(frozen=True)
class Pin:
    """A certificate accepted by its fingerprint ("AB:CD:…") on ``host``:``port``."""

    host: str
    port: int
    sha256: str


@dataclass(frozen=True)
class Consents:
    """Everything agreed so far; empty by default (the safe answer)."""

    hosts: tuple[Consent, ...] = ()
    fingerprints: tuple[str, ...] = ()  # normalised, "AB:CD:…"

    def allows(self, host: str, reason: ConsentReason | None) -> bool:
        return any(c.covers(host, reason) for c in self.hosts)

    def with_host(self, host: str, reason: ConsentReason | None) -> Consents:
        return Consents((*self.hosts, Consent(host.lower().rstrip("."), reason)),
                        self.fingerprints)

    def with_fingerprint(self, sha256: str) -> Consents:
        return Consents(self.hosts, (*self.fingerprints, sha256))
