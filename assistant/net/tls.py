"""TLS policy: the system trust store plus an optional CA file, host names checked, and the
one exception a person can make — pinning a certificate by its SHA-256 fingerprint.

On Windows and macOS the verifying context is ``truststore``'s: the operating system judges
the chain (CryptoAPI / Security framework). A fresh Windows PC may not yet hold the church
server's root; CryptoAPI fetches it from Windows Update while verifying, OpenSSL reading the
store never does. Elsewhere OpenSSL verifies against the system's CA files.

Python cannot hand over the certificate of a handshake that failed verification, so after a
failure :func:`assistant.net.connection.open_tls` makes a second, non-verifying handshake only
to read the leaf certificate; that session is used further only when its fingerprint equals the
pin (or, for the probe, to read capabilities — never to send a password).
"""

from __future__ import annotations

import hashlib
import re
import ssl
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import truststore

from assistant.errors import ValidationError

# Where the operating system's own verification serves (see the module docstring).
OS_VERIFICATION = sys.platform in ("win32", "darwin")

_HEX = re.compile(r"[0-9A-Fa-f]{64}")
# A CA bundle (even the whole Mozilla store) is far below this; /dev/zero is not.
MAX_CA_FILE = 4 * 1024 * 1024
_PEM_CERT = b"-----BEGIN CERTIFICATE-----"


def load_ca_file(path: Path) -> str:
    """The PEM text of a ``--ca-file``, read once with a size bound and checked by OpenSSL.

    Raises ValidationError ``ca_file.unreadable`` (missing, not a regular file, unreadable),
    ``ca_file.too_large`` or ``ca_file.invalid`` (no PEM certificate OpenSSL accepts), so a
    bad file is a usage error up front, never a failure deep inside a handshake.
    """
    from assistant.files import FileReadError, read_bounded

    try:
        data = read_bounded(path, MAX_CA_FILE)  # a FIFO or /dev/zero is refused at once
    except FileReadError as exc:
        if exc.reason == "too_large":
            raise ValidationError("ca_file.too_large", field="ca_file", path=str(path),
                                  max=MAX_CA_FILE) from None
        raise ValidationError("ca_file.unreadable", field="ca_file", path=str(path)) from None
    if _PEM_CERT not in data:
        raise ValidationError("ca_file.invalid", field="ca_file", path=str(path))
    try:
        text = data.decode("ascii")  # PEM is ASCII; OpenSSL refuses anything else
        ssl.create_default_context(cadata=text)
    except (ssl.SSLError, ValueError, TypeError):
        raise ValidationError("ca_file.invalid", field="ca_file", path=str(path)) from None
    return text


def fingerprint(der: bytes) -> str:
    """SHA-256 of a DER certificate as people compare it: ``AB:CD:…`` (32 pairs)."""
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i:i + 2] for i in range(0, 64, 2))


def normalize_fingerprint(text: str) -> str:
    """Accept hex with or without colons (or spaces), any case -> ``AB:CD:…``."""
    compact = re.sub(r"[\s:]", "", text)
    if not _HEX.fullmatch(compact):
        raise ValidationError("fingerprint.invalid", field="fingerprint", value=text[:120])
    upper = compact.upper()
    return ":".join(upper[i:i + 2] for i in range(0, 64, 2))


@dataclass(frozen=True)
class TlsInfo:
    """What a handshake established; ``pinned`` means accepted only because of the pin."""

    version: str
    certificate_valid: bool
    certificate_error: str | None
    fingerprint_sha256: str
    pinned: bool = False

    def to_json(self) -> dict[str, object]:
        return {"version": self.version, "certificate_valid": self.certificate_valid,
                "certificate_error": self.certificate_error,
                "fingerprint_sha256": self.fingerprint_sha256}


@dataclass(frozen=True)
class TlsPolicy:
    """How certificates are judged for one run.

    ``ca_file`` is read and checked once, when the policy is made (ValidationError, see
    :func:`load_ca_file`). ``pin``: a fingerprint (any accepted spelling) that is trusted even
    when verification fails. ``keep_unverified``: after a failed verification keep the
    unverified session so the probe can still read capabilities (the result says
    ``certificate_valid: false``); a login must never set it, and :func:`http_get` refuses
    such a session whatever this says. ``os_verification``: verify through the operating
    system (``truststore``) instead of OpenSSL; the CA file is trusted in addition there too.
    """

    ca_file: Path | None = None
    pin: str | None = None
    keep_unverified: bool = False
    os_verification: bool = OS_VERIFICATION
    _ca_data: str | None = field(default=None, init=False, compare=False, repr=False)
    _contexts: dict[bool, ssl.SSLContext] = field(default_factory=dict, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.pin is not None:
            object.__setattr__(self, "pin", normalize_fingerprint(self.pin))
        if self.ca_file is not None:
            object.__setattr__(self, "_ca_data", load_ca_file(Path(self.ca_file)))

    def context(self, verify: bool = True) -> ssl.SSLContext:
        """The verifying context (system store + ca_file, host name checked), or the
        non-verifying one used only to read a rejected certificate."""
        with self._lock:
            ctx = self._contexts.get(verify)
            if ctx is None:
                if verify:
                    ctx = (truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                           if self.os_verification else ssl.create_default_context())
                    if self._ca_data is not None:
                        ctx.load_verify_locations(cadata=self._ca_data)
                else:
                    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                    ctx.check_hostname = False
                    ctx.verify_mode = ssl.CERT_NONE
                self._contexts[verify] = ctx
            return ctx
