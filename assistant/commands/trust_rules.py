"""The wizard's trust rules on the command line (``apply``): nothing is written for a server
that the person has not vouched for.

* A profile must be usable for the address (:func:`assistant.profile_trust.check_profile`);
  an untrusted one only with ``--allow-untrusted HOST`` for each of its hosts.
* By discovery, a chosen endpoint from an untrusted source needs ``--allow-untrusted HOST``,
  and one whose certificate does not verify needs ``--trust-fingerprint SHA256``.
Refusals are AssistantErrors (exit 1, nothing written); naming the servers with
``--incoming/--outgoing`` is the volunteer's explicit choice and is not checked here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.consents import ConsentReason, Consents
from assistant.errors import AssistantError, Problem, ValidationError
from assistant.messages import text
from assistant.probe.choose import ChosenServers, ConsentRequest, Ranking, propose
from assistant.probe.model import ProbeReport
from assistant.profile_trust import LoadedProfile, check_profile, host_shown, load_trusted_profile
from assistant.settings import parse_email, parse_host


def consents_given(args: argparse.Namespace) -> Consents:
    """``--allow-untrusted HOST`` (any reason) and ``--trust-fingerprint SHA256`` (any
    endpoint that shows this certificate), both repeatable."""
    from assistant.net import normalize_fingerprint

    consents = Consents()
    for host in getattr(args, "allow_untrusted", None) or ():
        try:
            consents = consents.with_host(parse_host(host).ascii, None)
        except ValidationError:
            raise ValidationError("apply.bad_allow_untrusted", field="allow_untrusted",
                                  value=host[:120]) from None
    for value in getattr(args, "trust_fingerprint", None) or ():
        try:
            consents = consents.with_fingerprint(normalize_fingerprint(value))
        except ValidationError:
            raise ValidationError("apply.bad_fingerprint", field="trust_fingerprint",
                                  value=value[:120]) from None
    return consents


def trusted_profile(args: argparse.Namespace) -> LoadedProfile:
    """``--profile`` loaded with its trust, refused (AssistantError) unless usable for
    ``--email`` and, when untrusted, every host allowed with ``--allow-untrusted``."""
    from assistant.embedded import embedded_profile_path

    email = parse_email(args.email)
    loaded = load_trusted_profile(Path(args.profile), embedded=embedded_profile_path())
    assert loaded is not None  # a path was given
    verdict = check_profile(loaded, email)
    if verdict.refusals:
        first = verdict.refusals[0]
        raise AssistantError(first.code, **first.params)
    if verdict.question is not None:
        consents = consents_given(args)
        servers = (*loaded.profile.incoming, *loaded.profile.outgoing)
        for server in servers:
            if not consents.allows(server.host, ConsentReason.UNTRUSTED_PROFILE):
                request = ConsentRequest(server.host, host_shown(server.host),
                                         ConsentReason.UNTRUSTED_PROFILE, server.protocol,
                                         server.port)
                raise _untrusted(args, request, email.domain.unicode)
    return loaded


def checked_choice(args: argparse.Namespace, report: ProbeReport,
                   acted: list[Problem]) -> ChosenServers:
    """The servers to write from a probe, by the one ranking with what the options allow;
    AssistantError for the first endpoint that needs a consent or a pin not given."""
    chosen = propose(report.endpoints, Ranking.of(None, True, consents=consents_given(args)))
    for request in chosen.consents_needed:
        raise _untrusted(args, request, report.email.domain.unicode)
    for certificate in chosen.certificates_needed:
        problem = certificate.problem()
        raise AssistantError(problem.code, **problem.params)
    acted += chosen.acted_on
    return chosen


def _untrusted(args: argparse.Namespace, request: ConsentRequest,
               domain: str) -> AssistantError:
    return AssistantError("apply.untrusted_refused", protocol=request.protocol.name,
                          host=request.shown, host_ascii=request.host,
                          reason=text(request.problem(domain), args.lang))
