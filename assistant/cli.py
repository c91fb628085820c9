"""Command line: the contract in docs/cli.md (probe, check-login, check-autoconfig, apply, export).

Each subcommand's work lives in :mod:`assistant.commands` as ``run(args) -> exit status``; this
module only declares the options, so that the contract is visible in one place.
Exit statuses: :mod:`assistant.exit_codes`.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from assistant import __version__
from assistant.console import utf8_when_redirected
from assistant.exit_codes import EXIT_INTERRUPTED

COMMANDS = ("probe", "check-login", "apply", "export", "check-autoconfig", "profile", "remove",
            "list-accounts")


Help = Callable[[str], str]  # a help text's name (cli.help.NAME) → its sentence


def _discovery_options(parser: argparse.ArgumentParser, h: Help) -> None:
    parser.add_argument("--host", help=h("host"))
    parser.add_argument("--dns-server", metavar="IP[:PORT]", help=h("dns_server"))
    parser.add_argument("--ca-file", metavar="PEM", help=h("ca_file"))
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help=h("timeout"))


def _account_source_options(parser: argparse.ArgumentParser, h: Help) -> None:
    parser.add_argument("--incoming", metavar="SPEC", help=h("incoming"))
    parser.add_argument("--outgoing", metavar="SPEC", help=h("outgoing"))


def build_parser(lang: str = "ja") -> argparse.ArgumentParser:
    """The parser, its help texts in ``lang`` (argparse's own words: :func:`argparse_words`)."""
    from assistant.messages import text

    def h(name: str) -> str:
        return text(f"cli.help.{name}", lang)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("ja", "en"), default=None, help=h("lang"))
    common.add_argument("--json", action="store_true", help=h("json"))

    parser = argparse.ArgumentParser(prog="mail-assistant", description=h("description"))
    parser.add_argument("--version", action="version", version=f"mail-assistant {__version__}",
                        help=h("version"))
    parser.add_argument("--profile", metavar="FILE", help=h("profile"))
    parser.add_argument("--lang", choices=("ja", "en"), default=None, dest="global_lang",
                        help=h("global_lang"))
    parser.add_argument("--volunteer", action="store_true", help=h("volunteer"))
    # The wizard's volunteer options, as the commands have them (e.g. for `make testbed`).
    parser.add_argument("--dns-server", metavar="IP[:PORT]", dest="wizard_dns_server",
                        help=h("wizard_dns_server"))
    parser.add_argument("--ca-file", metavar="PEM", dest="wizard_ca_file",
                        help=h("wizard_ca_file"))
    parser.add_argument("--demo", action="store_true", help=h("demo"))
    parser.add_argument("--shared-pc", action="store_true", dest="wizard_shared_pc",
                        help=h("wizard_shared_pc"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", help=h("command"))

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        """A subcommand whose own --help starts with the line the command list shows."""
        about = h(name.replace("-", "_"))
        return sub.add_parser(name, parents=[common], help=about, description=about, **kwargs)

    probe = command("probe")
    probe.add_argument("email")
    probe.add_argument("--profile", metavar="FILE", dest="sub_profile")
    _discovery_options(probe, h)

    login = command("check-login")
    login.add_argument("email")
    login.add_argument("--protocol", required=True, choices=("imap", "pop3", "smtp"))
    login.add_argument("--host", required=True)
    login.add_argument("--port", required=True, type=int)
    login.add_argument("--security", required=True, choices=("tls", "starttls", "none"))
    login.add_argument("--username", metavar="LOGIN")
    login.add_argument("--password-stdin", action="store_true", help=h("password_stdin"))
    login.add_argument("--allow-plaintext", action="store_true", help=h("allow_plaintext"))
    login.add_argument("--ca-file", metavar="PEM")
    login.add_argument("--trust-fingerprint", metavar="SHA256", help=h("login_fingerprint"))
    login.add_argument("--dns-server", metavar="IP[:PORT]")
    login.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")

    check = command("check-autoconfig")
    check.add_argument("target", metavar="DOMAIN|EMAIL|FILE")
    check.add_argument("--dns-server", metavar="IP[:PORT]")
    check.add_argument("--ca-file", metavar="PEM")

    apply = command("apply")
    apply.add_argument("--client", required=True, choices=("thunderbird", "outlook"))
    apply.add_argument("--email", required=True)
    apply.add_argument("--name", required=True)
    apply.add_argument("--username", metavar="LOGIN")
    _account_source_options(apply, h)
    apply.add_argument("--profile", metavar="FILE", dest="sub_profile")
    _discovery_options(apply, h)
    apply.add_argument("--thunderbird-profile", metavar="DIR")
    apply.add_argument("--output-dir", metavar="DIR")
    apply.add_argument("--dry-run", action="store_true", help=h("dry_run"))
    apply.add_argument("--pop-delete-after-days", type=int, metavar="DAYS")
    apply.add_argument("--pop-no-leave-on-server", action="store_true")
    apply.add_argument("--trust-fingerprint", action="append", metavar="SHA256",
                       help=h("apply_fingerprint"))
    apply.add_argument("--allow-untrusted", action="append", metavar="HOST",
                       help=h("allow_untrusted"))
    apply.add_argument("--save-password", action="store_true", help=h("save_password"))
    apply.add_argument("--password-stdin", action="store_true", help=h("apply_password_stdin"))
    apply.add_argument("--shared-pc", action="store_true", help=h("apply_shared_pc"))

    remove = command("remove")
    remove.add_argument("--client", required=True, choices=("thunderbird",))
    remove.add_argument("--email", required=True)
    remove.add_argument("--thunderbird-profile", metavar="DIR")
    remove.add_argument("--shared-pc", action="store_true", help=h("remove_shared_pc"))
    remove.add_argument("--yes", action="store_true", help=h("yes"))
    command("list-accounts")

    export = command("export")
    export.add_argument("--format", required=True,
                        choices=("profile", "autoconfig", "autodiscover", "mobileconfig", "sheet",
                                 "userjs"))
    _account_source_options(export, h)
    export.add_argument("--email")
    export.add_argument("--name", default="")
    export.add_argument("--username", metavar="LOGIN")
    export.add_argument("--profile", metavar="FILE", dest="sub_profile")
    export.add_argument("--output", required=True, metavar="FILE")
    _profile_commands(sub, common, h)
    return parser


def _profile_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                      common: argparse.ArgumentParser, h: Help) -> None:
    """``profile keygen|sign|verify``: the church admin signs the profile (docs/security.md)."""
    profile = sub.add_parser("profile", help=h("profile_command"),
                             description=h("profile_command"))
    actions = profile.add_subparsers(dest="profile_action", metavar="ACTION", required=True,
                                     help=h("action"))

    def action(name: str) -> argparse.ArgumentParser:
        return actions.add_parser(name, parents=[common], help=h(name), description=h(name))

    keygen = action("keygen")
    keygen.add_argument("keyfile", metavar="KEYFILE")
    signer = action("sign")
    signer.add_argument("file", metavar="FILE")
    signer.add_argument("--key", required=True, metavar="KEYFILE")
    signer.add_argument("--output", metavar="FILE", help=h("sign_output"))
    verify = action("verify")
    verify.add_argument("file", metavar="FILE")
    verify.add_argument("--public-key", action="append", metavar="KEY", help=h("public_key"))


def requested_lang(argv: Sequence[str]) -> str:
    """The language asked for before argparse runs (its help and errors need it): the last
    ``--lang ja|en`` or ``--lang=ja|en`` anywhere (given after the subcommand it wins,
    docs/cli.md); ja unless en."""
    lang = "ja"
    for index, argument in enumerate(argv):
        value = argument.removeprefix("--lang=") if argument.startswith("--lang=") else (
            argv[index + 1] if argument == "--lang" and index + 1 < len(argv) else None)
        if value in ("ja", "en"):
            lang = value
    return lang


@contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """argparse's own words (usage, options, errors) from the catalogue while it runs.

    argparse looks each word up through its module's gettext function ``_`` when it needs it,
    in gettext's shared default domain: swapping that one function for the catalogue, only
    while the parser is built and parses, translates exactly argparse and needs no compiled
    .mo file nor a process-wide gettext setting another library could see.
    """
    if lang == "en":
        yield
        return
    from assistant.messages import catalogue

    words = {english: japanese for code, (japanese, english) in catalogue().items()
             if code.startswith("cli.argparse.")}
    module = vars(argparse)
    english_words = module["_"]
    module["_"] = lambda message: words.get(message, message)
    try:
        yield
    finally:
        module["_"] = english_words


def _wizard(profile: str | None, lang: str, volunteer: bool, dns_server: str | None = None,
            ca_file: str | None = None, demo: bool = False, shared_pc: bool = False) -> int:
    # What the start creates lives as long as the program: collecting garbage while it is
    # built only walks it (~5 ms). The warm-up resumes collection after the first paint.
    gc.disable()
    from assistant.gui.app import run_gui  # Qt is imported only for the wizard

    return run_gui(profile=profile, lang=lang, volunteer=volunteer, dns_server=dns_server,
                   ca_file=ca_file, demo=demo, shared_pc=shared_pc)


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    module = importlib.import_module(f"assistant.commands.{name.replace('-', '_')}")
    run: Callable[[argparse.Namespace], int] = module.run
    return run


def _profile_as_argument(argv: list[str]) -> list[str]:
    """``mail-assistant church.mailsetup`` (a double-clicked file) means ``--profile FILE``."""
    bare_file = (
        bool(argv)
        and not any(a in COMMANDS for a in argv)
        and not argv[-1].startswith("-")
        and (len(argv) == 1
             or argv[-2] not in ("--profile", "--lang", "--dns-server", "--ca-file"))
    )
    return [*argv[:-1], "--profile", argv[-1]] if bare_file else argv


def _embedded_profile(args: argparse.Namespace) -> str | None:
    """An installed assistant carries the church's profile: probe, apply and export use it
    when the command names no servers of its own (a volunteer need not find the file)."""
    if args.command not in ("probe", "apply", "export"):
        return None
    if getattr(args, "incoming", None) or getattr(args, "host", None):
        return None
    from assistant import embedded

    path = embedded.embedded_profile_path()
    return str(path) if path is not None else None


def main(argv: Sequence[str] | None = None) -> int:
    from assistant.crash_dumps import disable_crash_dumps

    disable_crash_dumps()  # before any password can be in memory
    utf8_when_redirected()  # before anything prints, help included
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--thunderbird-nss-helper"]:
        # Hidden: the child process that runs Thunderbird's NSS (clients/thunderbird/nss.py).
        from assistant.clients.thunderbird.nss_child import main as nss_child

        return nss_child()
    if not arguments:
        # The desktop shortcut: the wizard, without building the parser (~4 ms of the start).
        return _wizard(profile=None, lang="ja", volunteer=False)
    lang = requested_lang(arguments)
    with argparse_words(lang):
        args = build_parser(lang).parse_args(_profile_as_argument(arguments))
    if args.command is None:
        return _wizard(profile=args.profile, lang=args.global_lang or "ja",
                       volunteer=args.volunteer, dns_server=args.wizard_dns_server,
                       ca_file=args.wizard_ca_file, demo=args.demo,
                       shared_pc=args.wizard_shared_pc)
    gc.enable()  # paused by the bundle's start (packaging/rthook_startup.py): not for commands
    # Options given before the subcommand count too (`mail-assistant --lang en probe …`).
    args.lang = args.lang or args.global_lang or "ja"
    for name in ("dns_server", "ca_file"):  # the same for the network options, where it has them
        before = getattr(args, f"wizard_{name}")
        if before is not None and getattr(args, name, "absent") is None:
            setattr(args, name, before)
    sub_profile = getattr(args, "sub_profile", None)
    args.profile = sub_profile if sub_profile is not None else args.profile  # "" is an error
    if args.profile is None:
        args.profile = _embedded_profile(args)
    try:
        return _command(args.command)(args)
    except KeyboardInterrupt:
        from assistant.messages import text

        print(text("cli.interrupted", args.lang), file=sys.stderr)
        return EXIT_INTERRUPTED
