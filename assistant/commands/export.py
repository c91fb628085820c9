"""``mail-assistant export``: the settings in another format, written atomically to --output.

Input is a church profile (``--profile``) or two server specs; ``--email`` is optional where
the format can stand for "the member's address" (autoconfig placeholders, the sheet, Apple's
prompt) and required otherwise (exit 2 with a message saying so).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from assistant.atomic import write_atomic
from assistant.clients.exports import ExportSettings, PdfRenderer, build_export, check_output
from assistant.commands.output import print_json, usage_error
from assistant.errors import AssistantError, ValidationError
from assistant.exit_codes import EXIT_FAILED, EXIT_OK
from assistant.messages import text
from assistant.profile import SettingsProfile, load_profile
from assistant.settings import (
    LoginRule,
    Server,
    check_server_roles,
    parse_display_name,
    parse_email,
    parse_login,
)


def _servers(args: argparse.Namespace) -> tuple[Server, Server] | None:
    if not args.incoming and not args.outgoing:
        return None
    if not (args.incoming and args.outgoing):
        raise ValidationError("export.needs_servers", field="incoming")
    incoming, outgoing = Server.parse_spec(args.incoming), Server.parse_spec(args.outgoing)
    check_server_roles(incoming, outgoing)
    return incoming, outgoing


def source_from_args(args: argparse.Namespace) -> ExportSettings | SettingsProfile:
    """What to export: the profile as it is (format profile), else settings for the writers."""
    email = parse_email(args.email) if args.email else None
    login = parse_login(args.username) if args.username else None
    name = parse_display_name(args.name or "")
    servers = _servers(args)
    if args.profile is not None:  # "" is a mistake (load_profile says so), not "none given"
        profile = load_profile(args.profile)
        if servers:
            profile = dataclasses.replace(profile, incoming=(servers[0],), outgoing=(servers[1],),
                                          recommended_protocol=servers[0].protocol)
        if args.format == "profile":
            return profile
        return ExportSettings.from_profile(profile, email, name, login)
    if servers is None:
        raise ValidationError("export.needs_servers", field="incoming")
    return ExportSettings(
        domains=(email.domain.ascii,) if email else (),
        incoming=(servers[0],),
        outgoing=(servers[1],),
        login_rule=LoginRule.ADDRESS,
        email=email,
        display_name=name,
        login=login,
    )


def _pdf_renderer(fmt: str, output: Path) -> PdfRenderer | None:
    """Qt's renderer, imported only when a PDF sheet is asked for (the other formats and
    the HTML sheet run without Qt)."""
    if fmt != "sheet" or output.suffix.lower() != ".pdf":
        return None
    from assistant.gui.sheet_pdf import render_pdf

    return render_pdf


def run(args: argparse.Namespace) -> int:
    try:
        output = check_output(args.output)
        export = build_export(args.format, source_from_args(args), args.lang,
                              suffix=output.suffix, pdf=_pdf_renderer(args.format, output))
    except AssistantError as error:
        return usage_error(args, error)
    try:
        write_atomic(output, export.data)
    except OSError as exc:
        message = text("io.cannot_write", args.lang, path=str(output),
                       reason=exc.strerror or type(exc).__name__)
        if args.json:
            print_json({"schema": 1, "error": "io.cannot_write", "message": message})
        else:
            print(message, file=sys.stderr)
        return EXIT_FAILED
    warnings = [{"code": w.code, "message": text(w, args.lang)} for w in export.warnings]
    if args.json:
        print_json({"schema": 1, "format": args.format, "output": str(output),
                    "warnings": warnings})
    else:
        for warning in warnings:
            print(warning["message"], file=sys.stderr)
        kind = text(f"export.format.{args.format}", args.lang)
        print(text("export.written", args.lang, format=kind, path=str(output)))
    return EXIT_OK
