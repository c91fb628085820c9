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
from assistant.secret import Secret
from assistant.settings import Account, AuthMethod


def shared_pc_mode(args: argparse.Namespace) -> bool:
    """--shared-pc, else what this PC's settings remember (the wizard's choice)."""
    if getattr(args, "shared_pc", False):
        return True
    return load_machine_settings().shared_pc is True


def prove_password(args: argparse.Namespace, account: Account, password: Secret) -> None:
    """Log in to the incoming server and (with AUTH) the SMTP server; raise on failure."""
    from assistant.login import check_login

    servers = [account.incoming]
    if account.outgoing.auth is not AuthMethod.NONE:
        servers.append(account.outgoing)
    ca_file = Path(args.ca_file) if getattr(args, "ca_file", None) else None
    pin = getattr(args, "trust_fingerprint", None)
    for server in servers:
        result = check_login(server, account.login_name, password, ca_file=ca_file,
                             trust_fingerprint=pin, dns_server=args.dns_server,
                             timeout=args.timeout)
        if not result.ok:
            raise AssistantError("apply.login_check_failed", server=server.spec,
                                 reason=text(result.problem, args.lang))


def prepare_handover(args: argparse.Namespace, account: Account,
                     pins: dict[tuple[str, int], str] | None = None) -> Handover:
    """The Handover the options ask for (ValidationError for a contradiction, AssistantError
    when the login check fails: then nothing is written)."""
    from assistant.commands.check_login import read_password

    shared = shared_pc_mode(args)
    if args.password_stdin and not args.save_password:
        raise ValidationError("apply.password_without_save", field="password_stdin")
    if shared and args.save_password:
        raise ValidationError("shared_pc.no_password", field="save_password")
    password = None
    if args.save_password and not args.dry_run:
        password = read_password(args)
        prove_password(args, account, password)
    return Handover(password=password, pins=pins or {}, shared_pc=shared)


def member_target(args: argparse.Namespace, handover: Handover,
                  explicit: Path | None) -> tuple[Path | None, str | None]:
    """On a shared PC without --thunderbird-profile: the member's own profile (made and
    registered under --name); the profile to write and the member's name."""
    if not handover.shared_pc or explicit is not None:
        return explicit, None
    from assistant.clients.thunderbird.member_profiles import check_member_name, member_profile

    if args.dry_run:
        return None, check_member_name(args.name)
    member = member_profile(args.name)
    return member.path, member.name


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
