"""`mail-assistant list-accounts`: the accounts and member profiles this PC's Thunderbird holds."""

from __future__ import annotations

import argparse

from assistant.clients.thunderbird.inventory import ProfileEntry, inventory
from assistant.commands.output import print_json, report_error
from assistant.errors import AssistantError
from assistant.exit_codes import EXIT_FAILED, EXIT_OK
from assistant.messages import text


def _to_json(profile: ProfileEntry) -> dict[str, object]:
    return {"name": profile.name, "path": str(profile.path), "default": profile.default,
            "member": profile.member,
            "accounts": [{"email": a.email, "name": a.name, "protocol": a.protocol,
                          "host": a.host, "port": a.port, "login": a.login}
                         for a in profile.accounts]}


def run(args: argparse.Namespace) -> int:
    try:
        profiles = inventory()
    except AssistantError as exc:
        return report_error(args, exc, EXIT_FAILED)
    if args.json:
        print_json({"schema": 1, "profiles": [_to_json(p) for p in profiles]})
        return EXIT_OK
    if not any(p.accounts for p in profiles):
        print(text("inventory.none", args.lang))
    for profile in profiles:
        print(f"{profile.name} ({profile.path})")
        for account in profile.accounts:
            print(f"  {account.email}  {account.protocol}:{account.host}:{account.port}")
    return EXIT_OK
