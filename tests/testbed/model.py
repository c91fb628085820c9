"""The test bed's public data: Testbed, Scenario, User, Endpoint (see tests/testbed/__init__.py)."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tests.testbed.ca import CertPair


@dataclass(frozen=True)
class User:
    """A mail account in one scenario: its address, the name it logs in with, its password."""

    email: str
    login: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Endpoint:
    """A listening mail service: protocol imap|pop3|smtp, port, security tls|starttls|none."""

    protocol: str
    port: int
    security: str
    auth: bool = True  # SMTP port 25 does not offer AUTH


@dataclass(frozen=True)
class Scenario:
    """One mail domain served on its own loopback address with standard ports."""

    name: str
    domain: str
    ip: str
    mail_host: str
    users: dict[str, User]
    endpoints: tuple[Endpoint, ...]
    hosts: tuple[str, ...]  # every name with an A record to `ip`
    cert: CertPair | None  # what its TLS endpoints present (None: no TLS at all)
    autoconfig_urls: tuple[str, ...] = ()

    def user(self, key: str) -> User:
        """The user "alice", "hanako", "quote" or "bob" of this scenario."""
        return self.users[key]

    def endpoint(self, protocol: str, security: str) -> Endpoint:
        """The endpoint for protocol/security; KeyError if this scenario has none."""
        for e in self.endpoints:
            if e.protocol == protocol and e.security == security and e.auth:
                return e
        raise KeyError(f"{self.name}: no {protocol} {security}")


@dataclass
class Testbed:
    """Everything the session fixture started; read-only for tests except `new_ip()`."""

    __test__ = False  # not a pytest test class

    block: str  # "127.R" — every address of this run starts with it
    directory: Path
    dns_server: str  # "IP:PORT"
    ca_file: Path
    scenarios: dict[str, Scenario]
    http: dict[str, str]  # "http" / "https" -> "IP:PORT" of the autoconfig web server
    startup_seconds: float = 0.0
    process_groups: dict[str, int] = field(default_factory=dict)  # server name -> pgid
    _ips: itertools.count[int] = field(default_factory=lambda: itertools.count(1), repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def dns_ip(self) -> str:
        return self.dns_server.rsplit(":", 1)[0]

    @property
    def dns_port(self) -> int:
        return int(self.dns_server.rsplit(":", 1)[1])

    def new_ip(self) -> str:
        """A fresh address 127.R.1.N in this run's block, for a test's own servers or fakes."""
        with self._lock:
            n = next(self._ips)
        if n > 250 * 254:
            raise RuntimeError("test bed address block exhausted")
        return f"{self.block}.{1 + n // 254}.{1 + n % 254}"
