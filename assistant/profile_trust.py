"""Whose word a settings profile is, and what must happen before a password follows it.

* The profile built into the installer is the church's own (:attr:`TrustLevel.EMBEDDED`).
* A profile file signed with one of the embedded profile's ``signing_keys`` is too
  (:attr:`TrustLevel.SIGNED`).
* Anything else — unsigned, signed by another key, changed after signing, or no embedded
  profile to vouch for it — is :attr:`TrustLevel.UNTRUSTED`: anyone can write such a file and
  mail it. It may be used only after a blocking question (default: stop), and only when every
  server lies inside the address's domain (then DNS and TLS for the church's own name vouch
  for it, as they do for a guess); a server elsewhere is refused.

Whatever the trust, the address's domain must be one of the profile's ``domains``.
:func:`check_profile` returns these decisions as a :class:`ProfileVerdict`;
:func:`disagreements` compares a file profile with what the domain itself publishes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from assistant.discovery.model import Source, SourceKind, in_domain
from assistant.errors import Problem
from assistant.profile import decode_profile, read_profile_file
from assistant.profile_model import SettingsProfile
from assistant.settings import EmailAddress, Protocol
from assistant.signature import SignatureCheck, SignatureStatus, check_signature
from assistant.zone import Zone, zone_of


class TrustLevel(StrEnum):
    EMBEDDED = "embedded"
    SIGNED = "signed"        # signed by a key the embedded profile lists
    UNTRUSTED = "untrusted"


@dataclass(frozen=True)
class LoadedProfile:
    """A profile with where it came from and how far it is the church's word."""

    profile: SettingsProfile
    trust: TrustLevel
    source: Path | None
    signature: SignatureCheck
    zone: Zone | None = None  # Windows Mark-of-the-Web of the file, when there is one

    @property
    def trusted(self) -> bool:
        return self.trust is not TrustLevel.UNTRUSTED

    @property
    def hosts(self) -> tuple[str, ...]:
        """Every server host (ASCII), in the order the profile lists them."""
        servers = (*self.profile.incoming, *self.profile.outgoing)
        return tuple(dict.fromkeys(s.host for s in servers))


@dataclass(frozen=True)
class ProfileVerdict:
    """``refusals``: the profile cannot be used for this address (the member is told why).
    ``question``: before anything is sent, the member must answer this blocking question
    (its safe default is to stop); None when the profile is the church's word. ``notes``:
    worth saying, changes nothing."""

    refusals: tuple[Problem, ...] = ()
    question: Problem | None = None
    notes: tuple[Problem, ...] = ()  # e.g. Windows says the file came from the Internet

    @property
    def usable(self) -> bool:
        return not self.refusals


def load_trusted_profile(path: Path | None, *, embedded: Path | None) -> LoadedProfile | None:
    """The profile to use and its trust: ``path`` (a file given or double-clicked), else the
    ``embedded`` one (the installer's, :func:`assistant.embedded.embedded_profile_path`),
    else None. Raises ProfileError for a file that cannot be read or is invalid."""
    church: SettingsProfile | None = None
    if embedded is not None:
        church = decode_profile(read_profile_file(embedded), str(embedded))
    if path is None or (embedded is not None and _same_file(path, embedded)):
        if church is None or embedded is None:
            return None
        return LoadedProfile(church, TrustLevel.EMBEDDED, embedded,
                             SignatureCheck(SignatureStatus.TRUSTED), None)
    data = read_profile_file(path)
    profile = decode_profile(data, str(path))
    signature = check_signature(data, church.signing_keys if church else ())
    trust = TrustLevel.SIGNED if signature.trusted else TrustLevel.UNTRUSTED
    return LoadedProfile(profile, trust, path, signature, zone_of(path))


def check_profile(loaded: LoadedProfile, email: EmailAddress) -> ProfileVerdict:
    """What using ``loaded`` for ``email`` requires (see the module's rules)."""
    profile = loaded.profile
    domain = email.domain.ascii
    refusals: list[Problem] = []
    if not any(d.ascii == domain for d in profile.domains):
        refusals.append(Problem("trust.domain_not_listed", {
            "domain": email.domain.unicode, "organisation": profile.organisation("ja"),
            "domains": ", ".join(d.unicode for d in profile.domains)}))
    if loaded.trusted:
        return ProfileVerdict(tuple(refusals))
    outside = [host for host in loaded.hosts if not in_domain(host, domain)]
    refusals += [Problem("trust.server_outside_domain", {"host": host_shown(host),
                                                         "domain": email.domain.unicode})
                 for host in outside]
    question = Problem("trust.untrusted_profile", {
        "source": str(loaded.source), "hosts": "\n".join(host_shown(h) for h in loaded.hosts),
        "signature": str(loaded.signature.status),
        "zone": "" if loaded.zone is None else str(loaded.zone.zone.name.lower()),
        "zone_url": "" if loaded.zone is None else loaded.zone.host_url,
    })
    notes: list[Problem] = []
    if loaded.zone is not None and loaded.zone.from_outside:
        url = f" ({loaded.zone.host_url})" if loaded.zone.host_url else ""
        notes.append(Problem(f"trust.zone.{loaded.zone.zone.name.lower()}", {"url": url}))
    return ProfileVerdict(tuple(refusals), None if refusals else question, tuple(notes))


def disagreements(loaded: LoadedProfile, email: EmailAddress,
                  sources: list[Source]) -> list[Problem]:
    """Where the domain's own https autoconfig or SRV (inside the domain) names other
    servers than a file profile does, per protocol: the member or volunteer is told."""
    if loaded.trust is TrustLevel.EMBEDDED:
        return []
    domain = email.domain.ascii
    problems: list[Problem] = []
    for protocol in Protocol:
        mine = {s.host for s in loaded.profile.servers_for(protocol)}
        if not mine:
            continue
        for source in sources:
            if not (source.ok and source.kind in (SourceKind.SRV, SourceKind.AUTOCONFIG)):
                continue
            theirs = {c.host for c in source.candidates
                      if c.protocol is protocol and c.trusted and in_domain(c.host, domain)}
            if theirs and not theirs & mine:
                problems.append(Problem("trust.discovery_disagrees", {
                    "protocol": protocol.name, "source": str(source.kind),
                    "profile_hosts": ", ".join(host_shown(h) for h in sorted(mine)),
                    "domain_hosts": ", ".join(host_shown(h) for h in sorted(theirs))}))
    return problems


def host_shown(ascii_host: str) -> str:
    """A host as the member reads it, with its ASCII form when it could deceive."""
    from assistant.hostnames import host_for_people

    return host_for_people(ascii_host)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
