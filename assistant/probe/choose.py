"""The one ranking of probed endpoints, and what must be agreed before a password is sent.

Every choice goes through :class:`Ranking`: the probe's recommendation (:mod:`.rank`), the
member's choice of POP, a volunteer's manual pick, the command line's ``apply``. Its order:

1. trust: the church's own servers (a trusted profile), then servers a trusted source or the
   person vouched for, then the rest;
2. a verified encrypted session (or a certificate the church or the person pinned) over an
   invalid certificate over no encryption;
3. the wanted protocol (the member's choice, else the profile's recommendation, else IMAP);
   for SMTP: AUTH offered;
4. inside the church's servers the church's order; elsewhere submission ports over 25 and
   implicit TLS over STARTTLS, then the discovery order.

:func:`propose` returns :class:`ChosenServers` with the consents still needed
(:func:`ask_consents`), the certificates still to confirm and the pins chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.consents import ConsentReason, Consents, Pin
from assistant.discovery import Candidate
from assistant.errors import Problem
from assistant.messages import text
from assistant.net.text import bracketed
from assistant.probe.model import EndpointResult
from assistant.profile_model import SettingsProfile
from assistant.settings import Protocol, Security

Key = tuple[int, ...]
ServerKey = tuple[Protocol, str, int]


@dataclass(frozen=True)
class Ranking:
    """How to order endpoints: ``church`` are the trusted profile's servers (in its order),
    ``wanted`` the incoming protocol asked for (None: IMAP), ``pins`` the fingerprints
    accepted, ``consents`` what the person agreed to."""

    church: tuple[ServerKey, ...] = ()
    wanted: Protocol | None = None
    pins: tuple[Pin, ...] = ()
    consents: Consents = field(default_factory=Consents)
    # The hosts of a profile that is not the church's word: asked about even when the
    # domain's own discovery also names them (its page comes before anything is sent).
    unvouched_profile_hosts: tuple[str, ...] = ()

    @classmethod
    def of(cls, profile: SettingsProfile | None, trusted: bool, *,
           wanted: Protocol | None = None, pins: tuple[Pin, ...] = (),
           consents: Consents | None = None) -> Ranking:
        """The ranking for a profile (its pins count only when it is the church's word)."""
        church: tuple[ServerKey, ...] = ()
        unvouched: tuple[str, ...] = ()
        if profile is not None and not trusted:
            unvouched = tuple(s.host for s in (*profile.incoming, *profile.outgoing))
        if profile is not None and trusted:
            servers = (*profile.incoming, *profile.outgoing)
            church = tuple((s.protocol, s.host, s.port) for s in servers)
            pins = (*pins, *(Pin(s.host, s.port, policy.pinned_sha256) for s in servers
                             if (policy := profile.policy_for(s)).pinned_sha256))
        if wanted is None and profile is not None:
            wanted = profile.recommended_protocol
        return cls(church, wanted, pins, consents or Consents(), unvouched)

    def vouched(self, host: str, trusted: bool, reason: ConsentReason | None) -> bool:
        return trusted or self.consents.allows(host, reason)

    def pin_for(self, r: EndpointResult) -> Pin | None:
        """The pin that accepts ``r``'s invalid certificate, if any."""
        if r.status != "certificate_invalid" or r.tls is None:
            return None
        sha = r.tls.fingerprint_sha256
        if sha in self.consents.fingerprints:
            return Pin(r.host, r.port, sha)
        for pin in self.pins:
            if pin.sha256 == sha and (pin.host, pin.port) == (r.host, r.port):
                return pin
        return None

    def _tier(self, protocol: Protocol, host: str, port: int, trusted: bool,
              reason: ConsentReason | None) -> int:
        if trusted and (protocol, host, port) in self.church:
            return 0
        return 1 if self.vouched(host, trusted, reason) else 2

    def _key(self, protocol: Protocol, host: str, port: int, security: Security, tier: int,
             security_class: int, no_auth: bool, order: int) -> Key:
        preference = int(no_auth) if protocol is Protocol.SMTP \
            else int(protocol is not (self.wanted or Protocol.IMAP))
        if tier == 0:
            return (0, security_class, preference, self.church.index((protocol, host, port)))
        implicit = int(security is not Security.TLS)
        return (tier, security_class, preference, int(port == 25), implicit, order)

    def key(self, r: EndpointResult) -> Key:
        """Lower is better; only compare endpoints of one direction (incoming or SMTP)."""
        if r.security is Security.NONE:
            security_class = 2
        else:
            security_class = 0 if r.status == "ok" or self.pin_for(r) else 1
        tier = self._tier(r.protocol, r.host, r.port, r.trusted_source, r.consent_reason)
        return self._key(r.protocol, r.host, r.port, r.security, tier, security_class,
                         not r.auth_mechanisms, r.order)

    def best_possible(self, c: Candidate, order: int) -> Key:
        """The key a pending endpoint would have if it answered as well as it could."""
        tier = self._tier(c.protocol, c.host, c.port, c.trusted, c.reason)
        return self._key(c.protocol, c.host, c.port, c.security, tier, 0, False, order)

    def best(self, results: list[EndpointResult], outgoing: bool,
             protocol: Protocol | None = None) -> EndpointResult | None:
        """The best usable endpoint of one direction (of ``protocol`` only, when given)."""
        mine = [r for r in results if r.usable and (r.protocol is Protocol.SMTP) == outgoing
                and (protocol is None or r.protocol is protocol)]
        return min(mine, key=self.key, default=None)


@dataclass(frozen=True)
class ConsentRequest:
    """A blocking question before the password goes to ``host`` (default answer: stop)."""

    host: str    # ASCII
    shown: str   # as the member reads it, with its ASCII form when it could deceive
    reason: ConsentReason
    protocol: Protocol
    port: int

    def problem(self, domain: str) -> Problem:
        """Why this host needs the question, for the catalogue (``consent.reason.*``)."""
        return Problem(f"consent.reason.{self.reason}", {"domain": domain})


@dataclass(frozen=True)
class CertificateRequest:
    """A chosen endpoint whose certificate does not verify and that no pin accepts."""

    protocol: Protocol
    host: str
    port: int
    fingerprint: str
    error: str

    def problem(self) -> Problem:
        return Problem("apply.certificate_refused", {
            "protocol": self.protocol.name, "host": bracketed(self.host), "port": self.port,
            "fingerprint": self.fingerprint, "error": self.error})


@dataclass(frozen=True)
class ChosenServers:
    """The endpoints to use and what they still need before the login check or writing.

    ``pins``: certificates accepted by fingerprint (the Thunderbird writer turns them into
    certificate overrides). ``acted_on``: what was accepted because of a pin or a consent
    (the command line lists these as warnings)."""

    incoming: EndpointResult | None
    outgoing: EndpointResult | None
    consents_needed: tuple[ConsentRequest, ...] = ()
    certificates_needed: tuple[CertificateRequest, ...] = ()
    pins: tuple[Pin, ...] = ()
    acted_on: tuple[Problem, ...] = ()

    @property
    def complete(self) -> bool:
        return self.incoming is not None and self.outgoing is not None

    @property
    def ready(self) -> bool:
        """Both chosen, and nothing left to agree to."""
        return self.complete and not self.consents_needed and not self.certificates_needed

    @property
    def chosen(self) -> tuple[EndpointResult, ...]:
        return tuple(r for r in (self.incoming, self.outgoing) if r is not None)

    @property
    def unencrypted(self) -> tuple[EndpointResult, ...]:
        """Chosen endpoints without encryption: the password goes there only after the
        plaintext warning (or the church's ``allow_plaintext``)."""
        return tuple(r for r in self.chosen if r.security is Security.NONE)

    @property
    def login(self) -> str | None:
        """The login a source named (autoconfig ``<username>``), incoming first; else None."""
        return next((r.login for r in self.chosen if r.login), None)


def propose(results: list[EndpointResult], ranking: Ranking, *,
            incoming: EndpointResult | None = None,
            outgoing: EndpointResult | None = None) -> ChosenServers:
    """The best incoming endpoint of ``ranking.wanted`` (any incoming protocol when nothing
    of it answered), the best SMTP endpoint, or the volunteer's manual ``incoming`` /
    ``outgoing`` pick; with the consents, certificate decisions and pins they need."""
    wanted = ranking.wanted or Protocol.IMAP
    inc = incoming or ranking.best(results, False, wanted) or ranking.best(results, False)
    out = outgoing or ranking.best(results, True)
    chosen = [r for r in (inc, out) if r is not None]
    pins: list[Pin] = []
    certificates: list[CertificateRequest] = []
    acted: list[Problem] = []
    for r in chosen:
        where = {"protocol": r.protocol.name, "host": bracketed(r.host), "port": r.port}
        if r.status != "certificate_invalid" or r.tls is None:
            continue
        pin = ranking.pin_for(r)
        if pin is None:
            certificates.append(CertificateRequest(r.protocol, r.host, r.port,
                                                   r.tls.fingerprint_sha256,
                                                   r.tls.certificate_error or ""))
        else:
            pins.append(pin)
            acted.append(Problem("apply.certificate_pinned",
                                 {**where, "fingerprint": pin.sha256}))
    for r in chosen:
        if not r.trusted_source and ranking.consents.allows(r.host, r.consent_reason):
            acted.append(Problem("apply.untrusted_allowed", {"protocol": r.protocol.name,
                                                             "host": r.host}))
    return ChosenServers(inc, out, tuple(ask_consents(chosen, ranking)),
                         tuple(certificates), tuple(dict.fromkeys(pins)), tuple(acted))


def ask_consents(chosen: list[EndpointResult] | tuple[EndpointResult, ...],
                 ranking: Ranking) -> list[ConsentRequest]:
    """One question per host of ``chosen`` that came from an untrusted source (or an
    untrusted profile) and has not been agreed to; an endpoint without a recorded reason is
    asked about as coming from an untrusted profile."""
    from assistant.hostnames import host_for_people

    asked: dict[str, ConsentRequest] = {}
    for r in chosen:
        from_profile = r.host in ranking.unvouched_profile_hosts
        if (r.trusted_source and not from_profile) or r.host in asked:
            continue
        reason = ConsentReason.UNTRUSTED_PROFILE if from_profile or r.consent_reason is None \
            else r.consent_reason
        if not ranking.consents.allows(r.host, reason):
            asked[r.host] = ConsentRequest(r.host, host_for_people(r.host), reason,
                                           r.protocol, r.port)
    return list(asked.values())


def consent_question(request: ConsentRequest, domain: str, contact: str, lang: str) -> str:
    """The whole question in ``lang``: the host, why, and whom to ask (the profile's
    contact, when there is one)."""
    reason = text(request.problem(domain), lang)
    ask = text("consent.contact", lang, contact=contact) if contact else ""
    return text("consent.question", lang, host=request.shown, reason=reason, contact=ask)
