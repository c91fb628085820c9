"""``mail-assistant profile keygen|sign|verify``: the church admin's signing of a profile.

``keygen KEYFILE`` makes an Ed25519 key pair: ``KEYFILE`` (private, mode 0600, written
atomically, never overwritten) and ``KEYFILE.pub``. ``sign FILE --key KEYFILE [--output OUT]``
adds (or replaces) the signature line of a valid profile. ``verify FILE [--public-key KEY]``
checks it against the given keys, or else against the embedded profile's ``signing_keys``.
Exit 0 done / trusted signature, 1 not trusted or not written, 2 bad usage or bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.atomic import PRIVATE_MODE, write_atomic
from assistant.commands.output import print_json, report_error, usage_error
from assistant.errors import AssistantError
from assistant.exit_codes import EXIT_FAILED, EXIT_OK
from assistant.files import FileReadError, read_bounded
from assistant.messages import text
from assistant.profile import decode_profile, read_profile_file
from assistant.signature import (
    MAX_KEY_FILE,
    SignatureCheck,
    check_signature,
    generate_keypair,
    normalize_public_key,
    parse_private_key,
    private_key_text,
    sign,
)

PUBLIC_SUFFIX = ".pub"


def run(args: argparse.Namespace) -> int:
    actions = {"keygen": _keygen, "sign": _sign, "verify": _verify}
    try:
        return actions[args.profile_action](args)
    except AssistantError as error:
        return usage_error(args, error)


def _write(path: Path, data: bytes, mode: int) -> None:
    try:
        write_atomic(path, data, mode)
    except OSError as exc:
        raise AssistantError("profilecmd.cannot_write", path=str(path),
                             reason=exc.strerror or type(exc).__name__) from None


def _keygen(args: argparse.Namespace) -> int:
    private = Path(args.keyfile)
    public = private.with_name(private.name + PUBLIC_SUFFIX)
    for path in (private, public):
        if path.exists() or path.is_symlink():
            return report_error(args, AssistantError("profilecmd.key_exists", path=str(path)),
                                EXIT_FAILED)
    pair = generate_keypair()
    _write(private, private_key_text(pair).encode("utf-8"), PRIVATE_MODE)
    _write(public, f"{pair.public}\n".encode(), 0o644)
    if args.json:
        print_json({"schema": 1, "private_key_file": str(private),
                    "public_key_file": str(public), "public_key": pair.public})
    else:
        print(text("profilecmd.keygen_done", args.lang, private=private, public_file=public,
                   public=pair.public))
    return EXIT_OK


def _read_key_file(path: Path) -> str:
    try:
        return read_bounded(path, MAX_KEY_FILE).decode("utf-8")
    except (FileReadError, UnicodeDecodeError):
        raise AssistantError("signature.bad_key") from None


def _sign(args: argparse.Namespace) -> int:
    source = Path(args.file)
    data = read_profile_file(source)
    decode_profile(data, str(source))  # only a valid profile is worth signing
    pair = parse_private_key(_read_key_file(Path(args.key)))
    target = Path(args.output) if args.output else source
    _write(target, sign(data, pair.private), 0o644)
    if args.json:
        print_json({"schema": 1, "file": str(target), "public_key": pair.public})
    else:
        print(text("profilecmd.signed", args.lang, path=target, key=pair.public))
    return EXIT_OK


def _trusted_keys(args: argparse.Namespace) -> tuple[str, ...]:
    keys = [normalize_public_key(key) for key in args.public_key or ()]
    if keys:
        return tuple(keys)
    from assistant.embedded import embedded_profile_path
    from assistant.profile import load_profile

    embedded = embedded_profile_path()
    if embedded is not None:
        return load_profile(embedded).signing_keys
    raise AssistantError("profilecmd.no_trusted_keys")


def _verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = read_profile_file(path)
    decode_profile(data, str(path))
    check: SignatureCheck = check_signature(data, _trusted_keys(args))
    message = text(f"profilecmd.verify.{check.status}", args.lang, path=path, key=check.key)
    if args.json:
        print_json({"schema": 1, "file": str(path), "status": str(check.status),
                    "key": check.key, "trusted": check.trusted, "message": message})
    else:
        print(message, file=sys.stdout if check.trusted else sys.stderr)
    return EXIT_OK if check.trusted else EXIT_FAILED
