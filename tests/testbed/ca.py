"""Per-run certificate authority made with the openssl CLI (the venv has no `cryptography`).

Why a CA per run: tests must verify certificates exactly as the product does (--ca-file),
and no key may outlive the run. EC P-256 keys keep generation in milliseconds.
"""

from __future__ import annotations

import hashlib
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

_DAYS = "30"


@dataclass(frozen=True)
class CertPair:
    """A certificate (PEM, with its chain when issued by the CA) and its private key."""

    cert: Path
    key: Path

    @property
    def fingerprint_sha256(self) -> str:
        """SHA-256 of the leaf's DER, formatted "AB:CD:..." like the product reports it."""
        return fingerprint(self.cert)


def fingerprint(cert: Path) -> str:
    """SHA-256 fingerprint "AB:CD:..." of the first certificate in a PEM file."""
    pem = cert.read_text()
    end = "-----END CERTIFICATE-----"
    der = ssl.PEM_cert_to_DER_cert(pem[: pem.index(end) + len(end)] + "\n")
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


def _key(path: Path) -> None:
    _openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
             "-out", str(path))
    path.chmod(0o644)  # read by Dovecot's and Postfix's unprivileged processes; test-only key


def _san(names: list[str]) -> str:
    return "subjectAltName=" + ",".join(f"DNS:{n}" for n in names)


class TestCA:
    """A throw-away CA in `directory`; `issue()` makes leaf certificates signed by it."""

    __test__ = False  # not a pytest test class

    def __init__(self, directory: Path, name: str = "Mail Assistant Test CA") -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.cert = directory / "ca.pem"
        self._key = directory / "ca.key"
        _key(self._key)
        _openssl("req", "-x509", "-new", "-key", str(self._key), "-out", str(self.cert),
                 "-days", _DAYS, "-subj", f"/CN={name}",
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        self._serial = 1

    def issue(self, label: str, names: list[str]) -> CertPair:
        """Leaf certificate for `names` (first is the CN); the PEM holds leaf then CA."""
        key = self.directory / f"{label}.key"
        csr = self.directory / f"{label}.csr"
        leaf = self.directory / f"{label}.leaf.pem"
        ext = self.directory / f"{label}.ext"
        _key(key)
        _openssl("req", "-new", "-key", str(key), "-out", str(csr), "-subj", f"/CN={names[0]}")
        ext.write_text(_san(names) + "\nbasicConstraints=CA:FALSE\n"
                       "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n")
        self._serial += 1
        _openssl("x509", "-req", "-in", str(csr), "-CA", str(self.cert), "-CAkey", str(self._key),
                 "-set_serial", str(self._serial), "-days", _DAYS, "-out", str(leaf),
                 "-extfile", str(ext))
        chain = self.directory / f"{label}.pem"
        chain.write_text(leaf.read_text() + self.cert.read_text())
        return CertPair(chain, key)


def self_signed(directory: Path, label: str, names: list[str]) -> CertPair:
    """A self-signed leaf for `names`, trusted by nobody (the "selfsigned" scenario)."""
    directory.mkdir(parents=True, exist_ok=True)
    key = directory / f"{label}.key"
    cert = directory / f"{label}.pem"
    _key(key)
    _openssl("req", "-x509", "-new", "-key", str(key), "-out", str(cert), "-days", _DAYS,
             "-subj", f"/CN={names[0]}", "-addext", _san(names))
    return CertPair(cert, key)
