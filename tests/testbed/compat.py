"""Other mail server software on loopback, each from its own cached Debian root with chroot:
Courier-IMAP/POP3 with Exim (courier.test; courier-plain.test keeps Debian's defaults), Cyrus
IMAP/POP3 with Sendmail (cyrus.test; cyrus-gap.test keeps Debian's popminpoll), OpenSMTPD
(opensmtpd.test). The Dovecot/Postfix bed stays as it is; these sites share its address block
(`testbed.new_ip()`), and get their own CA and DNS server (docs/testbed.md).
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.testbed import courier, cyrus, exim, opensmtpd, sendmail
from tests.testbed.bed import PASSWORDS
from tests.testbed.ca import TestCA
from tests.testbed.dns import MX, A, DnsServer, Record
from tests.testbed.model import Endpoint, Scenario, Testbed, User
from tests.testbed.need import missing
from tests.testbed.procs import MissingProgram, wait_tcp
from tests.testbed.rooted import RootedDaemons
from tests.testbed.roots import RootSpec, ensure_root

_SUBMISSION = (Endpoint("smtp", 465, "tls"), Endpoint("smtp", 587, "starttls"),
               Endpoint("smtp", 25, "starttls", auth=False))
_MAILBOXES = (Endpoint("imap", 993, "tls"), Endpoint("imap", 143, "starttls"),
              Endpoint("pop3", 995, "tls"), Endpoint("pop3", 110, "starttls"))
_COURIER = RootSpec("courier-exim", "bookworm", ("courier-imap", "courier-pop",
                                                  "courier-authlib-userdb", "exim4-daemon-light"))
_CYRUS = RootSpec("cyrus-sendmail", "bookworm", ("cyrus-imapd", "cyrus-pop3d", "sasl2-bin",
                                                  "libsasl2-modules", "sendmail-bin",
                                                  "sendmail-cf", "m4"))

Configure = Callable[[Scenario, Path], tuple[dict[str, str | bytes], str]]


def _courier_exim(site: Scenario, upper: Path) -> tuple[dict[str, str | bytes], str]:
    files, appended = courier.files(site, upper)
    return {**files, **exim.files(site)}, appended + courier.SCRIPT + exim.SCRIPT


def _courier_plain(site: Scenario, upper: Path) -> tuple[dict[str, str | bytes], str]:
    files, appended = courier.files(site, upper, tls_required=False)
    return files, appended + courier.SCRIPT


def _cyrus_sendmail(site: Scenario, upper: Path) -> tuple[dict[str, str | bytes], str]:
    files, script = cyrus.files(site, upper, popminpoll=0)
    return {**files, **sendmail.files(site)}, script + sendmail.SCRIPT


def _cyrus_gap(site: Scenario, upper: Path) -> tuple[dict[str, str | bytes], str]:
    return cyrus.files(site, upper, popminpoll=1)


def _opensmtpd(site: Scenario, upper: Path) -> tuple[dict[str, str | bytes], str]:
    return opensmtpd.files(site), opensmtpd.SCRIPT


@dataclass(frozen=True)
class Software:
    """What one site runs: the root it needs, its endpoints and how to configure it."""

    name: str
    domain: str
    root: RootSpec
    endpoints: tuple[Endpoint, ...]
    configure: Configure
    users: tuple[str, ...] = ("alice", "hanako")
    local_logins: tuple[str, ...] = ()  # users who log in with the local part, not the address
    generic: bool = True  # checked by the tests every site must pass (tests/compat)


SOFTWARE = {s.name: s for s in (
    Software("courier", "courier.test", _COURIER, _MAILBOXES + _SUBMISSION, _courier_exim,
             users=("alice", "hanako", "bob"), local_logins=("bob",)),
    # Debian's Courier defaults: a password is taken without TLS on 143 and 110 too.
    Software("courier-plain", "courier-plain.test", _COURIER, _MAILBOXES, _courier_plain,
             generic=False),
    Software("cyrus", "cyrus.test", _CYRUS, _MAILBOXES + _SUBMISSION, _cyrus_sendmail),
    # Debian's popminpoll: one POP3 login a minute per user (the login gap test only).
    Software("cyrus-gap", "cyrus-gap.test", _CYRUS, (Endpoint("pop3", 995, "tls"),),
             _cyrus_gap, generic=False),
    Software("opensmtpd", "opensmtpd.test", RootSpec("opensmtpd", "trixie", ("opensmtpd",)),
             _SUBMISSION, _opensmtpd),
)}

GENERIC = sorted(name for name, s in SOFTWARE.items() if s.generic)


@dataclass
class CompatBed:
    """The sites' addresses, DNS and CA; `site(name)` starts a site's daemons on first use."""

    directory: Path
    ca: TestCA
    dns_server: str
    scenarios: dict[str, Scenario]
    running: dict[str, RootedDaemons] = field(default_factory=dict)
    unbuilt: dict[str, str] = field(default_factory=dict)  # root key -> why it could not be made

    @property
    def ca_file(self) -> Path:
        return self.ca.cert

    def site(self, name: str) -> Scenario:
        """The scenario of `name`, its daemons started (its root built if not cached)."""
        scenario = self.scenarios[name]
        if name not in self.running:
            software = SOFTWARE[name]
            root = self.root(software.root)
            directory = self.directory / name
            files, script = software.configure(scenario, directory / "upper")
            # Names resolve through the bed's DNS only: the root's resolv.conf is the host's.
            # The machine's own name (the daemons look it up) is an alias of the mail host:
            # Sendmail waits a minute for a fully qualified name of itself.
            names = dict.fromkeys((scenario.mail_host, *scenario.hosts, socket.gethostname()))
            files["/etc/resolv.conf"] = f"nameserver {self.dns_server.split(':')[0]}\n"
            files["/etc/hosts"] = f"127.0.0.1 localhost\n{scenario.ip} {' '.join(names)}\n"
            daemons = RootedDaemons(name, root, directory, files, script)
            self.running[name] = daemons
            daemons.wait_ready()
            for e in scenario.endpoints:
                wait_tcp(scenario.ip, e.port, [daemons.daemon], timeout=30.0)
        return scenario

    def root(self, spec: RootSpec) -> Path:
        """The cached root, or skip (fail under CI=true) as for a missing package: no mirror,
        no mmdebstrap. A failed build is not tried again in this run."""
        if spec.key not in self.unbuilt:
            try:
                return ensure_root(spec)
            except (MissingProgram, OSError, RuntimeError, subprocess.SubprocessError) as e:
                self.unbuilt[spec.key] = str(e)
        missing(f"the Debian root {spec.key} ({self.unbuilt[spec.key][-500:]})")

    def log(self, name: str) -> str:
        """What the site's daemons wrote to stderr (for failure messages)."""
        return self.running[name].log.read_text(errors="replace")


def _scenario(software: Software, ip: str, ca: TestCA) -> Scenario:
    domain = software.domain
    mail_host = f"mail.{domain}"
    hosts = (domain, mail_host)
    users = {key: User(f"{key}@{domain}",
                       key if key in software.local_logins else f"{key}@{domain}",
                       PASSWORDS[key]) for key in software.users}
    return Scenario(software.name, domain, ip, mail_host, users, software.endpoints, hosts,
                    ca.issue(software.name, list(hosts)))


@contextlib.contextmanager
def start_compat(testbed: Testbed, keep: bool = False) -> Iterator[CompatBed]:
    """Addresses, certificates and DNS for every site; daemons start when a test asks."""
    directory = Path(tempfile.mkdtemp(prefix="compat-", dir=testbed.directory))
    directory.chmod(0o755)
    ca = TestCA(directory / "ca", "Compat Test CA")
    scenarios = {name: _scenario(s, testbed.new_ip(), ca) for name, s in SOFTWARE.items()}
    records: list[Record] = [MX(s.domain, s.mail_host) for s in scenarios.values()]
    records += [A(h, s.ip) for s in scenarios.values() for h in s.hosts]
    dns = DnsServer(testbed.new_ip(), 53, records, directory)
    bed = CompatBed(directory, ca, dns.address, scenarios)
    try:
        yield bed
    finally:
        for daemons in bed.running.values():
            daemons.stop()
        dns.daemon.stop()
        if not keep:
            shutil.rmtree(directory, ignore_errors=True)
