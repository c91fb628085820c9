"""``mail-assistant check-login``: one login or SMTP AUTH, result and exit status (docs/cli.md).

The password comes from the first line of standard input (``--password-stdin``) or, at a
terminal, from a prompt that does not echo; never from the command line, where other users
and the shell history could see it. Exit 0 logged in, 1 the check failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from assistant.commands.output import print_json, usage_error
from assistant.errors import AssistantError, ValidationError
from assistant.exit_codes import EXIT_FAILED, EXIT_OK
from assistant.login import LoginResult, Secret, check_login
from assistant.messages import text
from assistant.net import load_ca_file, normalize_fingerprint, parse_dns_server
from assistant.settings import Server, parse_email, parse_login

MAX_PASSWORD_BYTES = 1024
_PROMPT = {"ja": "パスワード（表示されません）: ", "en": "Password (not shown): "}


def run(args: argparse.Namespace) -> int:
    try:
        email = parse_email(args.email)
        server = Server.create(args.protocol, args.host, args.port, args.security)
        login = parse_login(args.username) if args.username is not None else email.ascii
        pin = _fingerprint(args.trust_fingerprint)
        dns_server = _dns_server(args.dns_server)
        ca_file = _ca_file(args.ca_file)
        if not args.timeout > 0:
            raise ValidationError("login.bad_timeout", field="timeout", value=str(args.timeout))
        password = read_password(args)
    except AssistantError as error:
        return usage_error(args, error)
    result = check_login(server, login, password, ca_file=ca_file, trust_fingerprint=pin,
                         allow_plaintext=args.allow_plaintext, dns_server=dns_server,
                         timeout=args.timeout)
    if args.json:
        print_json(result.to_json(args.lang))
    else:
        _print_text(result, args.lang)
    return EXIT_OK if result.ok else EXIT_FAILED


def read_password(args: argparse.Namespace) -> Secret:
    """The first line of stdin without its line end (``--password-stdin``), or a prompt."""
    if args.password_stdin:
        raw = sys.stdin.buffer.readline(MAX_PASSWORD_BYTES + 2)
        if len(raw.rstrip(b"\r\n")) > MAX_PASSWORD_BYTES:
            raise ValidationError("login.password_too_long", field="password",
                                  max=MAX_PASSWORD_BYTES)
        try:
            value = raw.removesuffix(b"\n").removesuffix(b"\r").decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError("login.password_not_utf8", field="password") from None
    elif sys.stdin.isatty():
        value = getpass.getpass(_PROMPT.get(args.lang, _PROMPT["ja"]))
    else:
        raise AssistantError("cli.password_missing")
    if not value:
        raise ValidationError("login.password_empty", field="password")
    return Secret(value)


def _fingerprint(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalize_fingerprint(value)
    except ValidationError:
        raise ValidationError("login.bad_fingerprint", field="trust_fingerprint",
                              value=value[:120]) from None


def _dns_server(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parse_dns_server(value)
    except ValidationError:
        raise ValidationError("login.bad_dns_server", field="dns_server",
                              value=value[:120]) from None
    return value


def _ca_file(value: str | None) -> Path | None:
    """The CA file checked up front (bounded read, PEM parsed), so a bad one exits 2."""
    if value is None:
        return None
    path = Path(value)
    load_ca_file(path)
    return path


def _print_text(result: LoginResult, lang: str) -> None:
    """The sentence, the notes, then the details a volunteer asks for."""
    out = sys.stdout if result.ok else sys.stderr
    print(result.message(lang), file=out)
    for note in result.notes:
        print(text(note, lang), file=out)
    if result.folders and result.server.protocol == "imap":
        label = "フォルダー" if lang != "en" else "Folders"
        print(f"{label}: {', '.join(result.folders)}", file=out)
    if result.fingerprint_sha256:
        print(f"SHA-256: {result.fingerprint_sha256}", file=out)
