"""What discovery produces: sources (where a host came from, how far to trust it) and the
candidate endpoints to probe."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from assistant.consents import ConsentReason
from assistant.discovery.thunderbird_reading import ThunderbirdVerdict
from assistant.net.errors import STATUSES
from assistant.settings import Protocol, Security


class SourceKind(StrEnum):
    PROFILE = "profile"
    HOST = "host"
    SRV = "srv"
    AUTOCONFIG = "autoconfig"
    MX = "mx"
    GUESS = "guess"


# Order of trust (lower first): what the church or the person said, then DNS SRV, the
# domain's own autoconfig, MX, and guesses last.
TRUST_ORDER = {SourceKind.PROFILE: 0, SourceKind.HOST: 0, SourceKind.SRV: 1,
               SourceKind.AUTOCONFIG: 2, SourceKind.MX: 3, SourceKind.GUESS: 4}

# What is probed on a host when no source named the ports.
STANDARD_PORTS: tuple[tuple[Protocol, int, Security], ...] = (
    (Protocol.IMAP, 993, Security.TLS), (Protocol.IMAP, 143, Security.STARTTLS),
    (Protocol.POP3, 995, Security.TLS), (Protocol.POP3, 110, Security.STARTTLS),
    (Protocol.SMTP, 465, Security.TLS), (Protocol.SMTP, 587, Security.STARTTLS),
    (Protocol.SMTP, 25, Security.STARTTLS),
)


@dataclass(frozen=True)
class Candidate:
    """One endpoint to probe. ``security`` is what the source expects: TLS means implicit TLS.
    ``declared``: a source said so (profile, SRV, autoconfig) rather than it being a standard
    port tried on a guess; a declared STARTTLS endpoint that does not offer STARTTLS is a
    downgrade, while a guessed one is upgraded only when STARTTLS is offered."""

    protocol: Protocol
    host: str
    port: int
    security: Security
    trusted: bool
    rank: int = 0  # order inside its source (SRV priority/weight, autoconfig order)
    declared: bool = False
    login: str | None = None  # the login the source names (autoconfig <username>), if any
    # Why an untrusted candidate is not vouched for (the question to ask); None if trusted.
    reason: ConsentReason | None = None

    @property
    def srv_priority(self) -> int:
        """An SRV candidate's record priority, which discovery.srv keeps in the rank."""
        return self.rank // 1000


@dataclass
class Source:
    """One discovery channel's answer (or its recorded failure: ``ok`` False, no hosts)."""

    kind: SourceKind
    detail: str
    hosts: list[str] = field(default_factory=list)
    trusted: bool = True
    ok: bool = True
    candidates: list[Candidate] = field(default_factory=list)
    login: str | None = None  # the incoming login it names (autoconfig <username>), if any
    # An autoconfig file: would Thunderbird 153 accept it (and what it ignores)?
    thunderbird: ThunderbirdVerdict | None = None

    @property
    def trust_rank(self) -> int:
        return TRUST_ORDER[self.kind] * 2 + (0 if self.trusted else 1)

    def to_json(self, lang: str = "ja") -> dict[str, object]:
        found: dict[str, object] = {"kind": str(self.kind), "detail": self.detail,
                                    "hosts": list(self.hosts), "login": self.login}
        if self.thunderbird is not None:
            found["thunderbird"] = self.thunderbird.to_json(lang)
        return found


def in_domain(host: str, domain: str) -> bool:
    """Is ``host`` the domain itself or a name below it (so its owner controls it)?"""
    host, domain = host.lower().rstrip("."), domain.lower().rstrip(".")
    return host == domain or host.endswith("." + domain)


def standard_candidates(host: str, trusted: bool,
                        protocols: tuple[Protocol, ...] = tuple(Protocol),
                        reason: ConsentReason | None = None) -> list[Candidate]:
    return [Candidate(p, host, port, sec, trusted, i, reason=None if trusted else reason)
            for i, (p, port, sec) in enumerate(STANDARD_PORTS) if p in protocols]


@dataclass(frozen=True)
class NothingFound:
    """Why a source named nothing, for the CLI's and the wizard's words: ``waited`` (value:
    the milliseconds), ``no_usual_name``, ``http`` (the code), ``status`` (a net status) or
    ``unknown``."""

    why: Literal["waited", "no_usual_name", "http", "status", "unknown"]
    value: str = ""


def nothing_found(source: Source) -> NothingFound:
    """Read from the shapes the discovery modules write their English note in (the note itself
    stays the technician's, as it is)."""
    if waited := re.fullmatch(r"no answer within (\d+) ms", source.detail):
        return NothingFound("waited", waited.group(1))
    if source.kind is SourceKind.GUESS:
        return NothingFound("no_usual_name")
    reason = source.detail.rsplit(": ", 1)[-1]  # an autoconfig note starts with its address
    if http := re.match(r"HTTP (\d+)", reason):
        return NothingFound("http", http.group(1))
    status = reason.split(" ", 1)[0]
    if status in STATUSES:  # a failed connection's status, as a source's note ends
        return NothingFound("status", status)
    return NothingFound("unknown")
