"""`mail-assistant remove --client thunderbird --email E`: take a member's account off this PC.

Without --thunderbird-profile every registered profile holding the address is handled. On a
shared PC (--shared-pc or this PC's remembered setting) a member profile holding only that
account is removed whole, but only with --yes. Exit 0 removed, 1 not found / not confirmed /
could not write, 2 bad input.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.clients.thunderbird.inventory import MEMBER_SUFFIX, find_email, inventory
from assistant.clients.thunderbird.remove import RemoveReport, remove_account
from assistant.commands.output import print_json, report_error, usage_error
from assistant.commands.thunderbird_handover import shared_pc_mode
from assistant.errors import AssistantError, ValidationError
from assistant.exit_codes import EXIT_FAILED, EXIT_OK
from assistant.messages import text
from assistant.settings import parse_email


def _targets(args: argparse.Namespace, email: str) -> list[tuple[Path, str | None, int]]:
    """(profile, registered name, number of accounts) for each profile holding ``email``."""
    if args.thunderbird_profile:
        return [(Path(args.thunderbird_profile), None, 0)]
    return [(p.path, p.name, len(p.accounts)) for p, _ in find_email(inventory(), email)]


def _to_json(report: RemoveReport) -> dict[str, object]:
    return {"profile": str(report.profile), "profile_name": report.profile_name,
            "profile_removed": report.profile_removed, "removed_prefs": report.removed_prefs,
            "changed_prefs": report.changed_prefs, "logins_removed": report.logins_removed,
            "overrides_removed": report.overrides_removed,
            "backup": str(report.backup) if report.backup else None,
            "warnings": report.warnings}


def run(args: argparse.Namespace) -> int:
    try:
        if args.thunderbird_profile == "":
            raise ValidationError("apply.empty_path", field="thunderbird_profile",
                                  option="--thunderbird-profile")
        email = parse_email(args.email).ascii
    except ValidationError as exc:
        return usage_error(args, exc)
    shared = shared_pc_mode(args)
    reports: list[RemoveReport] = []
    try:
        targets = _targets(args, email)
        if not targets:
            raise AssistantError("remove.not_found", email=email, path="profiles.ini")
        for profile, name, _count in targets:
            whole = shared and profile.name.endswith(MEMBER_SUFFIX)
            if whole and not args.yes:
                raise AssistantError("remove.confirm_needed", name=name or profile.name,
                                     path=str(profile))
            reports.append(remove_account(profile, email, whole_profile=whole,
                                          roots=[profile.parent]))
    except AssistantError as exc:
        return report_error(args, exc, EXIT_FAILED)
    if args.json:
        print_json({"schema": 1, "email": email, "removed": [_to_json(r) for r in reports],
                    "message": text("remove.done", args.lang, email=email,
                                    path=", ".join(str(r.profile) for r in reports))})
        return EXIT_OK
    for report in reports:
        if report.profile_removed:
            print(text("remove.profile_removed", args.lang, name=report.profile_name,
                       path=report.profile))
        else:
            print(text("remove.done", args.lang, email=email, path=report.profile))
        for code in report.warnings:
            print(text(code, args.lang))
        if report.backup:
            print(text("apply.backup", args.lang, path=report.backup))
    return EXIT_OK
