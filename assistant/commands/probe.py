"""``mail-assistant probe EMAIL``: discover and probe the servers, print the report.

Exit status: 0 when both an incoming and an outgoing server are recommended, 1 when either
is missing (or the probe was interrupted), 2 for bad input.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.commands.output import print_json, usage_error
from assistant.discovery.model import Candidate, Source, SourceKind, nothing_found
from assistant.errors import AssistantError, Problem, ValidationError
from assistant.exit_codes import EXIT_FAILED, EXIT_OK
from assistant.messages import text
from assistant.net import host_port
from assistant.probe import EndpointResult, ProbeOptions, ProbeReport, run_probe
from assistant.settings import Protocol, parse_email

if TYPE_CHECKING:
    from assistant.profile import SettingsProfile
    from assistant.profile_trust import LoadedProfile

MAX_TIMEOUT = 300.0
# A greeting later than this is worth telling a volunteer about (the server is slow).
SLOW_GREETING_MS = 2000


def probe_options(args: argparse.Namespace, profile: SettingsProfile | None = None,
                  profile_trusted: bool = False) -> ProbeOptions:
    """The probe's options from the discovery options (probe and apply share them)."""
    if not 0 < args.timeout <= MAX_TIMEOUT:
        raise ValidationError("probe.timeout_invalid", field="timeout", value=args.timeout,
                              max=int(MAX_TIMEOUT))
    return ProbeOptions(dns_server=args.dns_server,
                        ca_file=None if args.ca_file is None else Path(args.ca_file),
                        timeout=args.timeout, host=args.host, profile=profile,
                        profile_trusted=profile_trusted)


def run(args: argparse.Namespace) -> int:
    try:
        email = parse_email(args.email)
        loaded = None
        if args.profile is not None:
            from assistant.embedded import embedded_profile_path
            from assistant.profile_trust import load_trusted_profile

            loaded = load_trusted_profile(Path(args.profile), embedded=embedded_profile_path())
        report = run_probe(email, probe_options(
            args, None if loaded is None else loaded.profile,
            True if loaded is None else loaded.trusted))
    except AssistantError as error:
        return usage_error(args, error)
    if loaded is not None:
        report.recommendation.warnings[:0] = profile_warnings(loaded, report)
    if args.json:
        print_json(report.to_json(args.lang))
    else:
        print_human(report, args.lang)
    return EXIT_OK if report.recommendation.complete else EXIT_FAILED


def profile_warnings(loaded: LoadedProfile, report: ProbeReport) -> list[Problem]:
    """What the profile's trust means for this address: refusals, that an untrusted profile
    needs the member's consent, and where the domain's own discovery disagrees."""
    from assistant.profile_trust import check_profile, disagreements

    verdict = check_profile(loaded, report.email)
    found = [*verdict.refusals, *verdict.notes]
    if verdict.question is not None:
        found.append(Problem("trust.untrusted_profile_short", {"source": str(loaded.source)}))
    return found + disagreements(loaded, report.email, report.sources)


def _security(value: str, lang: str) -> str:
    return text(f"probe.out.security.{value}", lang)


def _login_methods(e: EndpointResult) -> list[str]:
    """The SASL mechanisms, and POP3's USER/PASS where it is listed: Courier-POP3 offers only
    USER inside TLS, which an empty list would hide from the volunteer."""
    if e.protocol is Protocol.POP3 and "USER" in e.capabilities \
            and "USER" not in e.auth_mechanisms:
        return [*e.auth_mechanisms, "USER"]
    return e.auth_mechanisms


def _endpoint_line(e: EndpointResult, lang: str) -> str:
    status = text(f"probe.out.status.{e.status}", lang)
    line = (f"  {e.protocol.name:<4} {host_port(e.host, e.port)}  "
            f"{_security(e.security, lang)}  {status}")
    details: list[str] = []
    if e.greeting_ms is not None and e.greeting_ms >= SLOW_GREETING_MS:
        details.append(text("probe.out.slow_greeting", lang,
                            seconds=f"{e.greeting_ms / 1000:.1f}"))
    methods = _login_methods(e)
    if methods:
        details.append(f"{text('probe.out.auth', lang)}: {' '.join(methods)}")
    if e.plaintext_auth_offered:
        details.append(text("probe.out.plaintext", lang, listed=", ".join(e.plaintext_methods)))
    if e.plaintext_refusal:
        details.append(text("probe.out.plaintext_refused", lang, line=e.plaintext_refusal))
    if not e.trusted_source:
        details.append(text("probe.out.untrusted", lang))
    error = e.error_text(lang)
    if error:
        details.append(error)
    return line + "".join(f"\n      {d}" for d in details)


def _candidate(c: Candidate, kind: SourceKind, lang: str) -> str:
    named = f"{c.protocol.name} {host_port(c.host, c.port)} {_security(c.security, lang)}"
    if kind is SourceKind.SRV:
        return text("probe.out.srv_priority", lang, endpoint=named, priority=c.srv_priority)
    return named


def _source_found(source: Source, lang: str) -> str:
    """What one source named, or why it named nothing, in words (its English note is in the
    English output)."""
    if source.candidates:
        return ", ".join(_candidate(c, source.kind, lang) for c in source.candidates)
    if source.hosts:
        return ", ".join(source.hosts)
    found = nothing_found(source)
    if found.why == "waited":
        return text("probe.out.source_waited", lang, ms=found.value)
    if found.why == "no_usual_name":
        return text("probe.out.source_no_guess", lang)
    if found.why == "http":
        return text("probe.out.source_http", lang, code=found.value)
    if found.why == "status":
        return text("probe.out.source_status", lang,
                    status=text(f"probe.out.status.{found.value}", lang))
    return text("probe.out.source_failed", lang)


def print_human(report: ProbeReport, lang: str) -> None:
    lines = [text("probe.out.heading", lang, email=report.email.display, ms=report.elapsed_ms),
             "", text("probe.out.sources", lang)]
    for s in report.sources:
        if lang == "en":  # the core's own note (English) for a technician, as it is
            hosts = ", ".join(s.hosts) if s.hosts else text("probe.out.source_failed", lang)
            lines.append(f"  {s.kind}: {hosts}  [{s.detail}]")
        else:
            lines.append(f"  {text(f'probe.out.kind.{s.kind}', lang)}: {_source_found(s, lang)}")
    lines += ["", text("probe.out.endpoints", lang)]
    lines += [_endpoint_line(e, lang) for e in report.endpoints]
    rec = report.recommendation
    lines += ["", text("probe.out.recommendation", lang)]
    for label, chosen in (("probe.out.incoming", rec.incoming), ("probe.out.outgoing",
                                                                  rec.outgoing)):
        value = text("probe.out.none", lang) if chosen is None else (
            f"{chosen.protocol.name} {host_port(chosen.host, chosen.port)} "
            f"{_security(chosen.security, lang)}")
        lines.append(f"  {text(label, lang)}: {value}")
    if rec.warnings:
        lines += ["", text("probe.out.warnings", lang)]
        lines += [f"  - {text(w, lang)}" for w in rec.warnings]
    print("\n".join(lines))
