"""`apply --client thunderbird`: the handover options (--save-password, --shared-pc).

The password is read only for --save-password, proven by a login check with every server
of the account (exactly as Thunderbird will log in), and only then handed to the writer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.clients.report import ApplyReport
from assistant.clients.thunderbird.handover import Handover
from assistant.errors import AssistantError, ValidationError
from assistant.exit_codes import EXIT_FAILED, EXIT_OK
from assistant.machine_settings import load_machine_settings
from assistant.messages import text
from assistant.profile_trust import LoadedProfile
from assistant.secret import Secret
from assistant.settings import Account, AuthMethod, parse_email


def _church_profile(args: argparse.Namespace) -> LoadedProfile | None:
    """The settings profile apply uses (--profile or the embedded one), with its trust."""
    if not getattr(args, "profile", None):
        return None
    from assistant.embedded import embedded_profile_path
    from assistant.profile_trust import load_trusted_profile

    return load_trusted_profile(Path(args.profile), embedded=embedded_profile_path())


def shared_pc_mode(args: argparse.Namespace) -> bool:
    """--shared-pc, else what this PC's settings remember (the wizard's choice), else the
    church's word in its profile (``[pc] shared``)."""
    if getattr(args, "shared_pc", False):
        return True
    remembered = load_machine_settings().shared_pc
    if remembered is not None:
        return remembered
    loaded = _church_profile(args)
    return loaded is not None and loaded.trusted and loaded.profile.shared_pc


Pins = dict[tuple[str, int], str]


def _ca_file(args: argparse.Namespace) -> Path | None:
    return Path(args.ca_file) if getattr(args, "ca_file", None) else None


def wanted_fingerprints(args: argparse.Namespace, account: Account | None = None) -> set[str]:
    """The fingerprints vouched for: ``--trust-fingerprint`` (one or repeated), and the pins
    a trusted church profile sets for the account's servers."""
    from assistant.net import normalize_fingerprint

    given = getattr(args, "trust_fingerprint", None) or ()
    values = [given] if isinstance(given, str) else list(given)
    loaded = _church_profile(args) if account is not None else None
    if account is not None and loaded is not None and loaded.trusted:
        for server in (account.incoming, account.outgoing):
            pin = loaded.profile.policy_for(server).pinned_sha256
            if pin:
                values.append(pin)
    try:
        return {normalize_fingerprint(v) for v in values}
    except ValidationError:
        raise ValidationError("login.bad_fingerprint", field="trust_fingerprint",
                              value=str(values)[:120]) from None


def verified_pins(args: argparse.Namespace, account: Account, wanted: set[str]) -> Pins:
    """(host, port) → fingerprint for each server of the account whose certificate does not
    verify and shows one of ``wanted`` on the wire now: only these become Thunderbird's
    certificate overrides (a certificate that verifies needs none)."""
    from assistant.discovery import Candidate
    from assistant.net import Deadline, Resolver, TlsPolicy
    from assistant.probe.endpoint import check_endpoint
    from assistant.settings import Security

    pins: Pins = {}
    if not wanted:
        return pins
    policy = TlsPolicy(ca_file=_ca_file(args), keep_unverified=True)
    for server in (account.incoming, account.outgoing):
        if server.security is Security.NONE:
            continue
        candidate = Candidate(server.protocol, server.host, server.port, server.security,
                              trusted=True, declared=True)
        result = check_endpoint(candidate, resolver=Resolver(args.dns_server), policy=policy,
                                deadline=Deadline(args.timeout))
        tls = result.tls
        if tls is not None and not tls.certificate_valid and tls.fingerprint_sha256 in wanted:
            pins[server.host, server.port] = tls.fingerprint_sha256
    return pins


def prove_password(args: argparse.Namespace, account: Account, password: Secret,
                   pins: Pins | None = None) -> None:
    """Log in to the incoming server and (with AUTH) the SMTP server, each with its pin;
    raise on failure."""
    from assistant.login import check_login

    servers = [account.incoming]
    if account.outgoing.auth is not AuthMethod.NONE:
        servers.append(account.outgoing)
    pins = pins or {}
    for server in servers:
        result = check_login(server, account.login_name, password, ca_file=_ca_file(args),
                             trust_fingerprint=pins.get((server.host, server.port)),
                             dns_server=args.dns_server, timeout=args.timeout)
        if not result.ok:
            raise AssistantError("apply.login_check_failed", server=server.spec,
                                 reason=text(result.problem, args.lang))


def prepare_handover(args: argparse.Namespace, account: Account) -> Handover:
    """The Handover the options ask for (ValidationError for a contradiction, AssistantError
    when the login check fails: then nothing is written). Pins are only those verified on
    the wire now (:func:`verified_pins`)."""
    from assistant.commands.check_login import read_password

    shared = shared_pc_mode(args)
    if args.password_stdin and not args.save_password:
        raise ValidationError("apply.password_without_save", field="password_stdin")
    if shared and args.save_password:
        raise ValidationError("shared_pc.no_password", field="save_password")
    wanted = wanted_fingerprints(args, account)
    pins = verified_pins(args, account, wanted) if wanted and not args.dry_run else {}
    password = None
    if args.save_password and not args.dry_run:
        password = read_password(args)
        prove_password(args, account, password, pins)
    return Handover(password=password, pins=pins, shared_pc=shared)


def member_target(args: argparse.Namespace, handover: Handover,
                  explicit: Path | None) -> tuple[Path | None, str | None]:
    """On a shared PC without --thunderbird-profile: the member's own profile (made and
    registered under --name); the profile to write and the member's name."""
    if not handover.shared_pc or explicit is not None:
        return explicit, None
    from assistant.clients.thunderbird.member_profiles import (
        check_member_name,
        list_profiles,
        member_profile,
    )
    from assistant.clients.thunderbird.profiles import profile_roots

    if args.dry_run:  # her profile if she has one, else where a new one would go
        name = check_member_name(args.name)
        roots = profile_roots()
        if not roots:
            raise AssistantError("thunderbird.profile_not_found")
        known = {p.name: p.path for p in list_profiles(roots[0])}
        return known.get(name, roots[0] / "(new member profile)"), name
    member = member_profile(args.name, email=parse_email(args.email).ascii)
    return member.path, member.name


def member_launcher(report: ApplyReport) -> str | None:
    """Her shortcut to Thunderbird on her profile, after a shared-PC apply (None without
    one, or when no Thunderbird is installed to point it at)."""
    from assistant.clients.thunderbird.launch import write_member_launcher

    if report.profile_name is None:
        return None
    try:
        return str(write_member_launcher(report.profile_name))
    except AssistantError as exc:
        if exc.code == "thunderbird.not_installed":
            return None
        raise


def print_handover(report: ApplyReport, lang: str) -> None:
    """What the member will (not) be asked, after the list of changes."""
    if report.certificate_overrides:
        print(text("apply.overrides_written", lang,
                   servers=", ".join(o.split(" ")[0] for o in report.certificate_overrides)))
    if report.profile_name is not None:
        print(text("shared_pc.member_profile", lang, name=report.profile_name))
    print(text("apply.password_saved" if report.password_saved else "apply.password_hint", lang))


def handover_status(args: argparse.Namespace, report: ApplyReport) -> int:
    """Exit 1 when --save-password stored nothing (a primary password): said on stderr."""
    if args.save_password and not args.dry_run and not report.password_saved:
        for warning in report.warnings:
            if not args.json:
                print(text(warning, args.lang), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def refuse_password_options(args: argparse.Namespace) -> None:
    """Outlook keeps POP/IMAP passwords in its own profile, which no file sets: it asks once,
    so --save-password (and --password-stdin) would be silently ignored; say so instead."""
    if args.save_password or args.password_stdin:
        raise ValidationError("apply.save_password_thunderbird_only", field="save_password")
