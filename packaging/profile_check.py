"""Is a settings profile fit to be built into the members' Windows installer?

The embedded profile is the church's own word without any further check (assistant.profile_trust:
``TrustLevel.EMBEDDED``), and its ``signing_keys`` decide which profile files members' PCs trust
later. So before anything is built (packaging/windows-build.sh runs this on Linux, before Wine,
and again on the copy inside the finished bundle) the profile must

* parse with the product's strict reader (no password, known keys, valid servers), and
* carry a good signature by one of its own ``signing_keys``: the bytes are what the holder of
  a listed private key signed (not edited afterwards), and that key pair exists, so files it
  signs later will be trusted.

``ALLOW_UNSIGNED_PROFILE=1`` lets an unsigned profile through (a trial installer for the
church's volunteer, the tests' sample church), never one whose signature is present but bad:
that file was changed after it was signed, or signed by a stranger. docs/packaging.md says why.

Usage: ``python packaging/profile_check.py FILE``; exit 0 fit (a note on standard error when
let through unsigned), 2 not fit, with the reason on standard error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.errors import AssistantError  # noqa: E402  (needs ROOT on the path)
from assistant.messages import text  # noqa: E402
from assistant.profile import decode_profile, read_profile_file  # noqa: E402
from assistant.signature import SignatureStatus, check_signature  # noqa: E402

ALLOW_ENV = "ALLOW_UNSIGNED_PROFILE"
HOW_TO_SIGN = ("The installer's profile must be signed with one of the keys its own signing_keys"
               " list: mail-assistant profile keygen church.key, put the printed signing_keys line"
               " into the profile, then mail-assistant profile sign FILE --key church.key"
               " (docs/security.md). ALLOW_UNSIGNED_PROFILE=1 builds a trial installer from an"
               " unsigned profile (docs/packaging.md).")


class UnfitProfile(Exception):
    """The profile must not be embedded; the message says why, in English (a build log)."""


def check_embedded_profile(path: Path, *, allow_unsigned: bool) -> str | None:
    """Raise :class:`UnfitProfile` unless ``path`` may be embedded; a note to print when it is
    let through unsigned (``allow_unsigned``), else None."""
    try:
        data = read_profile_file(path)
        profile = decode_profile(data, str(path))
    except AssistantError as error:
        raise UnfitProfile(text(error, "en")) from None
    check = check_signature(data, profile.signing_keys)
    if check.trusted:
        return None
    verdict = text(f"profilecmd.verify.{check.status}", "en", path=path, key=check.key)
    if check.status is SignatureStatus.UNTRUSTED_KEY:
        verdict += " It is not one of the profile's own signing_keys."
    if check.status is SignatureStatus.UNSIGNED and allow_unsigned:
        return (f"{verdict} Built in anyway ({ALLOW_ENV}=1): a trial installer, not one to"
                " hand out to members.")
    raise UnfitProfile(f"{verdict} {HOW_TO_SIGN}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: profile_check.py FILE.mailsetup", file=sys.stderr)
        return 2
    try:
        note = check_embedded_profile(Path(argv[0]),
                                      allow_unsigned=os.environ.get(ALLOW_ENV) == "1")
    except UnfitProfile as unfit:
        print(f"profile_check: {unfit}", file=sys.stderr)
        return 2
    if note:
        print(f"profile_check: {note}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
