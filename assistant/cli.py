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
from collections.abc import Callable, Sequence

from assistant import __version__
from assistant.console import utf8_when_redirected
from assistant.exit_codes import EXIT_INTERRUPTED

COMMANDS = ("probe", "check-login", "apply", "export", "check-autoconfig", "profile", "remove",
            "list-accounts")


def _discovery_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="skip discovery and probe this host only")
    parser.add_argument("--dns-server", metavar="IP[:PORT]",
                        help="send every DNS lookup (SRV, MX, A/AAAA) to this server")
    parser.add_argument("--ca-file", metavar="PEM",
                        help="trust this CA in addition to the system's")
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                        help="overall deadline of the probe (default 30)")


def _account_source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--incoming", metavar="SPEC", help="PROTOCOL:HOST:PORT:SECURITY")
    parser.add_argument("--outgoing", metavar="SPEC", help="smtp:HOST:PORT:SECURITY")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("ja", "en"), default=None,
                        help="language of messages (default ja)")
    common.add_argument("--json", action="store_true", help="print one JSON object")

    parser = argparse.ArgumentParser(
        prog="mail-assistant",
        description="メール設定アシスタント — mail setup assistant. "
                    "Without a subcommand the wizard opens.",
    )
    parser.add_argument("--version", action="version", version=f"mail-assistant {__version__}")
    parser.add_argument("--profile", metavar="FILE", help="church settings profile (.mailsetup)")
    parser.add_argument("--lang", choices=("ja", "en"), default=None, dest="global_lang",
                        help="language (default ja)")
    parser.add_argument("--volunteer", action="store_true", help="show technical details")
    # The wizard's volunteer options, as the commands have them (e.g. for `make testbed`).
    parser.add_argument("--dns-server", metavar="IP[:PORT]", dest="wizard_dns_server",
                        help="wizard: send every DNS lookup to this server")
    parser.add_argument("--ca-file", metavar="PEM", dest="wizard_ca_file",
                        help="wizard: trust this CA in addition to the system's")
    parser.add_argument("--demo", action="store_true",
                        help="wizard: practice with built-in results; nothing is written")
    parser.add_argument("--shared-pc", action="store_true", dest="wizard_shared_pc",
                        help="wizard: this is a shared church PC (one profile per member, "
                             "no stored password)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    probe = sub.add_parser("probe", parents=[common], help="find and probe the mail servers")
    probe.add_argument("email")
    probe.add_argument("--profile", metavar="FILE", dest="sub_profile")
    _discovery_options(probe)

    login = sub.add_parser("check-login", parents=[common],
                           help="test a login or SMTP AUTH without sending mail")
    login.add_argument("email")
    login.add_argument("--protocol", required=True, choices=("imap", "pop3", "smtp"))
    login.add_argument("--host", required=True)
    login.add_argument("--port", required=True, type=int)
    login.add_argument("--security", required=True, choices=("tls", "starttls", "none"))
    login.add_argument("--username", metavar="LOGIN")
    login.add_argument("--password-stdin", action="store_true",
                       help="read the password from standard input (never from argv)")
    login.add_argument("--allow-plaintext", action="store_true",
                       help="allow sending the password without encryption")
    login.add_argument("--ca-file", metavar="PEM")
    login.add_argument("--trust-fingerprint", metavar="SHA256",
                       help="accept a certificate with this SHA-256 fingerprint")
    login.add_argument("--dns-server", metavar="IP[:PORT]")
    login.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")

    check = sub.add_parser("check-autoconfig", parents=[common],
                           help="would Thunderbird accept this domain's autoconfig file?")
    check.add_argument("target", metavar="DOMAIN|EMAIL|FILE")
    check.add_argument("--dns-server", metavar="IP[:PORT]")
    check.add_argument("--ca-file", metavar="PEM")

    apply = sub.add_parser("apply", parents=[common], help="write the account into a mail client")
    apply.add_argument("--client", required=True, choices=("thunderbird", "outlook"))
    apply.add_argument("--email", required=True)
    apply.add_argument("--name", required=True)
    apply.add_argument("--username", metavar="LOGIN")
    _account_source_options(apply)
    apply.add_argument("--profile", metavar="FILE", dest="sub_profile")
    _discovery_options(apply)
    apply.add_argument("--thunderbird-profile", metavar="DIR")
    apply.add_argument("--output-dir", metavar="DIR")
    apply.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    apply.add_argument("--pop-delete-after-days", type=int, metavar="DAYS")
    apply.add_argument("--pop-no-leave-on-server", action="store_true")
    apply.add_argument("--trust-fingerprint", action="append", metavar="SHA256",
                       help="accept a certificate that does not verify if it has this SHA-256"
                            " fingerprint (repeatable)")
    apply.add_argument("--allow-untrusted", action="append", metavar="HOST",
                       help="use this host although its source is not trusted (repeatable)")
    apply.add_argument("--save-password", action="store_true",
                       help="after a successful login check, store the password in "
                            "Thunderbird's own encrypted store (not on a shared PC)")
    apply.add_argument("--password-stdin", action="store_true",
                       help="read that password from standard input (never from argv)")
    apply.add_argument("--shared-pc", action="store_true",
                       help="shared church PC: a profile per member, no stored password")

    remove = sub.add_parser("remove", parents=[common],
                            help="take an account (on a shared PC: a member) off this PC")
    remove.add_argument("--client", required=True, choices=("thunderbird",))
    remove.add_argument("--email", required=True)
    remove.add_argument("--thunderbird-profile", metavar="DIR")
    remove.add_argument("--shared-pc", action="store_true",
                        help="shared church PC: remove the member's whole profile")
    remove.add_argument("--yes", action="store_true", help="confirm removing a whole profile")
    sub.add_parser("list-accounts", parents=[common],
                   help="which accounts and member profiles this PC's Thunderbird holds")

    export = sub.add_parser("export", parents=[common],
                            help="write the settings in another format")
    export.add_argument("--format", required=True,
                        choices=("profile", "autoconfig", "autodiscover", "mobileconfig", "sheet",
                                 "userjs"))
    _account_source_options(export)
    export.add_argument("--email")
    export.add_argument("--name", default="")
    export.add_argument("--username", metavar="LOGIN")
    export.add_argument("--profile", metavar="FILE", dest="sub_profile")
    export.add_argument("--output", required=True, metavar="FILE")
    _profile_commands(sub, common)
    return parser


def _profile_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                      common: argparse.ArgumentParser) -> None:
    """``profile keygen|sign|verify``: the church admin signs the profile (docs/security.md)."""
    profile = sub.add_parser("profile", help="sign a settings profile, or check its signature")
    actions = profile.add_subparsers(dest="profile_action", metavar="ACTION", required=True)
    keygen = actions.add_parser("keygen", parents=[common],
                                help="make a signing key pair (KEYFILE and KEYFILE.pub)")
    keygen.add_argument("keyfile", metavar="KEYFILE")
    signer = actions.add_parser("sign", parents=[common], help="sign a profile")
    signer.add_argument("file", metavar="FILE")
    signer.add_argument("--key", required=True, metavar="KEYFILE")
    signer.add_argument("--output", metavar="FILE", help="write here (default: FILE itself)")
    verify = actions.add_parser("verify", parents=[common], help="check a profile's signature")
    verify.add_argument("file", metavar="FILE")
    verify.add_argument("--public-key", action="append", metavar="KEY",
                        help="trust this public key (default: the embedded profile's keys)")


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
    args = build_parser().parse_args(_profile_as_argument(arguments))
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
