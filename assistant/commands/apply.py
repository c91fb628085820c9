"""`mail-assistant apply`: build the account, then hand it to the chosen client's writer.

The account comes from --incoming/--outgoing, from a church settings profile (--profile), or
from discovery (the probe's recommendation). Exit 0 written (or dry run shown), 1 the client
could not be written (running, unreadable file, …), 2 bad input.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.clients.report import ApplyReport
from assistant.commands.output import print_json, report_error, usage_error
from assistant.errors import AssistantError, Problem, ProfileError, ValidationError
from assistant.exit_codes import EXIT_FAILED, EXIT_OK
from assistant.messages import text
from assistant.settings import (
    Account,
    LoginRule,
    PopOptions,
    Protocol,
    Security,
    Server,
    login_for,
    parse_email,
)


def _servers_from_profile(args: argparse.Namespace,
                          acted: list[Problem]) -> tuple[Server, Server, LoginRule]:
    """The profile's first servers, if the profile may be used for this address: see
    :func:`assistant.commands.trust_rules.trusted_profile` (refusals exit 1)."""
    from assistant.commands.trust_rules import trusted_profile

    loaded = trusted_profile(args)
    profile = loaded.profile
    incoming = profile.servers_for(profile.recommended_protocol)
    outgoing = profile.servers_for(Protocol.SMTP)
    if not incoming or not outgoing:
        raise ValidationError("apply.profile_without_servers")
    if not loaded.trusted:
        for server in (incoming[0], outgoing[0]):
            # --allow-untrusted agrees to the source, not to a password in clear text: only
            # the church's own (trusted) profile or an explicit SPEC may ask for that.
            if server.security is Security.NONE:
                raise AssistantError("apply.plaintext_recommendation", server=server.spec)
            acted.append(Problem("apply.untrusted_allowed",
                                 {"protocol": server.protocol.name, "host": server.host}))
    return incoming[0], outgoing[0], profile.login_rule


def _servers_from_probe(args: argparse.Namespace,
                        acted: list[Problem]) -> tuple[Server, Server, str | None]:
    from assistant.commands.probe import probe_options
    from assistant.commands.trust_rules import checked_choice
    from assistant.probe import run_probe

    report = run_probe(parse_email(args.email), probe_options(args))
    recommendation = checked_choice(args, report, acted)
    if recommendation.incoming is None or recommendation.outgoing is None:
        raise AssistantError("apply.no_recommendation")
    servers = recommendation.incoming.to_server(), recommendation.outgoing.to_server()
    for server in servers:
        if server.security is Security.NONE:
            # Writing this would make Thunderbird send the password in clear text; only an
            # explicit --incoming/--outgoing SPEC counts as the volunteer's consent.
            raise AssistantError("apply.plaintext_recommendation", server=server.spec)
    # The login autoconfig's <username> names (e.g. %EMAILLOCALPART%) comes first.
    return servers[0], servers[1], recommendation.login


def _check_options(args: argparse.Namespace, incoming: Server) -> None:
    """Empty paths and options that do not apply are mistakes to report, not to ignore."""
    for option in ("thunderbird_profile", "output_dir", "ca_file"):
        if getattr(args, option, None) == "":
            raise ValidationError("apply.empty_path", field=option,
                                  option="--" + option.replace("_", "-"))
    pop_options = args.pop_delete_after_days is not None or args.pop_no_leave_on_server
    if pop_options and incoming.protocol is not Protocol.POP3:
        raise ValidationError("apply.pop_option_not_pop", field="pop",
                              protocol=incoming.protocol.name)


def build_account(args: argparse.Namespace, acted: list[Problem] | None = None) -> Account:
    """The account the options describe (ValidationError for bad or missing input); the
    warnings acted on (a pinned certificate, an allowed untrusted host) go into ``acted``."""
    if getattr(args, "profile", None) == "":
        raise ValidationError("apply.empty_path", field="profile", option="--profile")
    rule = LoginRule.ADDRESS
    found_login: str | None = None
    if args.incoming or args.outgoing:
        if not (args.incoming and args.outgoing):
            raise ValidationError("apply.both_specs_required")
        incoming, outgoing = Server.parse_spec(args.incoming), Server.parse_spec(args.outgoing)
    elif args.profile is not None:
        incoming, outgoing, rule = _servers_from_profile(args, [] if acted is None else acted)
    else:
        incoming, outgoing, found_login = _servers_from_probe(args, [] if acted is None
                                                              else acted)
    _check_options(args, incoming)
    login = args.username or found_login
    if not login:
        login = login_for(parse_email(args.email), rule)
        if login is None:
            raise ValidationError("apply.login_required")
    pop = PopOptions(leave_on_server=not args.pop_no_leave_on_server,
                     delete_after_days=args.pop_delete_after_days)
    return Account.create(args.email, args.name, incoming, outgoing, login_name=login, pop=pop)


def _to_json(report: ApplyReport, dry_run: bool, lang: str) -> dict[str, object]:
    return {
        "schema": 1,
        "client": report.client,
        "dry_run": dry_run,
        "target": str(report.target),
        "backup": str(report.backup) if report.backup else None,
        "updated_existing": report.updated_existing,
        "changes": report.changes,
        "files_written": [str(p) for p in report.files_written],
        "warnings": [{"code": w.code, "message": text(w, lang)} for w in report.warnings],
        "message": text(_headline(report, dry_run), lang, target=report.target),
        "password_saved": report.password_saved,
        "certificate_overrides": report.certificate_overrides,
        "thunderbird_profile_name": report.profile_name,
        "member_launcher": report.launcher,
    }


def _headline(report: ApplyReport, dry_run: bool) -> str:
    if dry_run:
        return "apply.dry_run"
    if not report.changes:
        return "apply.no_changes"
    return "apply.written" if report.client == "thunderbird" else "apply.outlook_written"


def _human_change(line: str, lang: str) -> str:
    """A change line with the writer's placeholder for "no value yet" in ``lang``."""
    from assistant.clients.thunderbird.writer import UNSET

    name, separator, change = line.partition(": ")
    if separator and change.startswith(f"{UNSET} → "):
        change = text("cli.apply.unset", lang) + change.removeprefix(UNSET)
    return name + separator + change


def _print(report: ApplyReport, dry_run: bool, lang: str) -> None:
    from assistant.clients.thunderbird.writer import NEW_PROFILE

    if dry_run and report.client == "thunderbird" and report.target.parent.name == NEW_PROFILE:
        print(text("cli.apply.dry_run_new_profile", lang, folder=report.target.parent.parent))
    else:
        print(text(_headline(report, dry_run), lang, target=report.target))
    if report.updated_existing and report.changes:  # unchanged: "nothing changed" says it all
        print(text("apply.updated_existing", lang))
    for line in report.changes:
        print(f"  {_human_change(line, lang)}")
    for warning in report.warnings:
        print(text(warning, lang))
    if report.backup:
        print(text("apply.backup", lang, path=report.backup))
    if not dry_run and report.client == "thunderbird":
        from assistant.commands.thunderbird_handover import print_handover

        print_handover(report, lang)


def run(args: argparse.Namespace) -> int:
    acted: list[Problem] = []
    try:
        account = build_account(args, acted)
    except (ValidationError, ProfileError) as exc:
        return usage_error(args, exc)
    except AssistantError as exc:  # the probe found nothing usable
        return report_error(args, exc, EXIT_FAILED)
    try:
        if args.client == "thunderbird":
            from assistant.clients.thunderbird import apply_account
            from assistant.commands.thunderbird_handover import (
                member_launcher,
                member_target,
                prepare_handover,
            )

            explicit = Path(args.thunderbird_profile) if args.thunderbird_profile else None
            handover = prepare_handover(args, account)
            explicit, member = member_target(args, handover, explicit)
            report = apply_account(account, explicit, dry_run=args.dry_run, handover=handover)
            report.profile_name = member
            if not args.dry_run:
                report.launcher = member_launcher(report)
        else:
            from assistant.clients.outlook import apply_outlook
            from assistant.commands.thunderbird_handover import refuse_password_options

            refuse_password_options(args)

            output = Path(args.output_dir) if args.output_dir else None
            report = apply_outlook(account, output, dry_run=args.dry_run)
    except ValidationError as exc:
        return usage_error(args, exc)
    except AssistantError as exc:
        return report_error(args, exc, EXIT_FAILED)
    report.warnings[:0] = acted
    if args.json:
        print_json(_to_json(report, args.dry_run, args.lang))
    else:
        _print(report, args.dry_run, args.lang)
    if report.client == "thunderbird":
        from assistant.commands.thunderbird_handover import handover_status

        return handover_status(args, report)
    return EXIT_OK
