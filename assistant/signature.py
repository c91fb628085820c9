"""Ed25519 signatures of settings profiles (PyNaCl), carried inside the file itself.

The church admin signs the profile's exact bytes; the signature travels as the file's last
line, a TOML comment, so a reader that knows nothing of signatures still parses the file::

    # mailsetup-signature: ed25519 key=<public key, base64> sig=<signature, base64>

Everything before that line is what was signed, byte for byte (a changed space breaks it).
The ``key=`` part only says *which* key signed (for the message); whether that key is trusted
is decided by the caller against the keys it already trusts (the embedded profile's
``signing_keys``). Keys are base64 text: a public key is 32 bytes (44 characters), the
private key file holds the 32-byte seed. PyNaCl is imported on first use (docs/security.md
has the measurements that chose it).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from enum import StrEnum

from assistant.errors import AssistantError

TRAILER_PREFIX = b"# mailsetup-signature: "
KEY_BYTES = 32
SIGNATURE_BYTES = 64
# A private key file: comment lines, then one line with the base64 seed.
PRIVATE_KEY_HEADER = (
    "# メール設定アシスタントの署名用の秘密鍵。誰にも渡さないでください。\n"
    "# Private signing key of the mail setup assistant. Never give it to anyone.\n"
)
MAX_KEY_FILE = 4096
MAX_SIGNATURE_LINE = 512  # the trailer is about 190 bytes
_TRAILER = re.compile(rb"# mailsetup-signature: ed25519 key=([A-Za-z0-9+/=]{44}) "
                      rb"sig=([A-Za-z0-9+/=]{88})\r?\n?")


class SignatureStatus(StrEnum):
    UNSIGNED = "unsigned"      # no signature line
    MALFORMED = "malformed"    # a signature line that cannot be read
    INVALID = "invalid"        # the bytes do not match the signature (changed after signing)
    UNTRUSTED_KEY = "untrusted_key"  # a good signature, by a key nobody here trusts
    TRUSTED = "trusted"        # a good signature by one of the trusted keys


@dataclass(frozen=True)
class SignatureCheck:
    """What :func:`check_signature` found; ``key`` is the signing key named in the file."""

    status: SignatureStatus
    key: str | None = None

    @property
    def trusted(self) -> bool:
        return self.status is SignatureStatus.TRUSTED


@dataclass(frozen=True)
class KeyPair:
    private: str  # base64 of the 32-byte seed
    public: str   # base64 of the 32-byte public key


def split_signed(data: bytes) -> tuple[bytes, bytes | None]:
    """(signed body, trailer line or None). Only a trailer as the very last line counts."""
    start = data.rfind(b"\n", 0, len(data.rstrip(b"\r\n"))) + 1
    last = data[start:]
    if last.startswith(TRAILER_PREFIX):
        return data[:start], last
    return data, None


def normalize_public_key(text: str) -> str:
    """A public key as base64 text of 32 bytes (surrounding spaces ignored), or
    AssistantError ``signature.bad_key``."""
    return _encode(_decode(text.strip(), KEY_BYTES))


def generate_keypair() -> KeyPair:
    from nacl.signing import SigningKey

    key = SigningKey.generate()
    return KeyPair(_encode(bytes(key)), _encode(bytes(key.verify_key)))


def private_key_text(pair: KeyPair) -> str:
    return f"{PRIVATE_KEY_HEADER}{pair.private}\n"


def parse_private_key(text: str) -> KeyPair:
    """The key pair of a private key file's text (``signature.bad_key`` if unreadable)."""
    from nacl.signing import SigningKey

    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) != 1:
        raise AssistantError("signature.bad_key")
    seed = _decode(lines[0], KEY_BYTES)
    return KeyPair(_encode(seed), _encode(bytes(SigningKey(seed).verify_key)))


def sign(data: bytes, private_key: str) -> bytes:
    """``data`` with its old signature line (if any) replaced by a new one.

    The body is kept exactly, except that a missing final line end is added first (the
    trailer must be a line of its own); that body is what the signature covers.
    """
    from nacl.signing import SigningKey

    body, _ = split_signed(data)
    if body and not body.endswith(b"\n"):
        body += b"\r\n" if b"\r\n" in body else b"\n"
    key = SigningKey(_decode(private_key, KEY_BYTES))
    signature = key.sign(body).signature
    trailer = (TRAILER_PREFIX + b"ed25519 key=" + _encode(bytes(key.verify_key)).encode()
               + b" sig=" + _encode(signature).encode() + b"\n")
    return body + trailer


def check_signature(data: bytes, trusted_keys: tuple[str, ...]) -> SignatureCheck:
    """Is ``data`` signed, unchanged since, and by one of ``trusted_keys`` (base64)?"""
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    body, trailer = split_signed(data)
    if trailer is None:
        return SignatureCheck(SignatureStatus.UNSIGNED)
    found = _TRAILER.fullmatch(trailer)
    if found is None:
        return SignatureCheck(SignatureStatus.MALFORMED)
    key_text = found[1].decode()
    try:
        key = VerifyKey(_decode(key_text, KEY_BYTES))
        key.verify(body, _decode(found[2].decode(), SIGNATURE_BYTES))
    except (AssistantError, BadSignatureError, ValueError):
        return SignatureCheck(SignatureStatus.INVALID, key_text)
    if key_text in trusted_keys:
        return SignatureCheck(SignatureStatus.TRUSTED, key_text)
    return SignatureCheck(SignatureStatus.UNTRUSTED_KEY, key_text)


def _encode(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _decode(text: str, size: int) -> bytes:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise AssistantError("signature.bad_key") from None
    if len(raw) != size:
        raise AssistantError("signature.bad_key")
    return raw
