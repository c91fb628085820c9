"""A real DNS server (dnsmasq) answering only from the records it is given.

Why dnsmasq: it is a real resolver implementation (UDP and TCP, truncation, NXDOMAIN) that
needs no zone files; with --no-resolv --no-hosts and no --server it can never forward a
query off the machine. Every zone it serves answers NXDOMAIN for names it does not know.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dns.exception
import dns.message
import dns.query
import dns.rcode

from tests.testbed.procs import Daemon, require


@dataclass(frozen=True)
class A:
    """A (or AAAA, when `address` contains ":") record."""

    name: str
    address: str


@dataclass(frozen=True)
class MX:
    name: str
    host: str
    preference: int = 10


@dataclass(frozen=True)
class SRV:
    """RFC 2782 SRV; target "." means "service not available" (RFC 6186 §3.4)."""

    name: str  # e.g. "_imaps._tcp.church.test"
    target: str
    port: int
    priority: int = 0
    weight: int = 1


@dataclass(frozen=True)
class CNAME:
    """Alias; dnsmasq only serves it when `target` has its own record here."""

    name: str
    target: str


@dataclass(frozen=True)
class TXT:
    name: str
    text: str


Record = A | MX | SRV | CNAME | TXT


def _option(r: Record) -> str:
    match r:
        case A():
            return f"--host-record={r.name},{r.address}"
        case MX():
            return f"--mx-host={r.name},{r.host},{r.preference}"
        case SRV() if r.target == ".":
            return f"--srv-host={r.name}"
        case SRV():
            return f"--srv-host={r.name},{r.target},{r.port},{r.priority},{r.weight}"
        case CNAME():
            return f"--cname={r.name},{r.target}"
        case TXT():
            return f"--txt-record={r.name},{r.text}"
    raise TypeError(r)


def zones_of(records: Iterable[Record]) -> set[str]:
    """Last two labels of every record name: the zones answered with NXDOMAIN when unknown."""
    return {".".join(r.name.rstrip(".").split(".")[-2:]) for r in records}


class DnsServer:
    """A running dnsmasq; `address` is "IP:PORT" for --dns-server."""

    def __init__(self, ip: str, port: int, records: list[Record], directory: Path,
                 zones: Iterable[str] = ()) -> None:
        self.ip = ip
        self.port = port
        self.records = records
        log = directory / f"dnsmasq-{ip}-{port}.log"
        argv = [require("dnsmasq"), "--keep-in-foreground", "--conf-file=/dev/null",
                "--no-resolv", "--no-hosts", "--no-poll", "--bind-interfaces",
                f"--listen-address={ip}", f"--port={port}", "--pid-file", "--user=nobody",
                "--group=nogroup", "--log-queries", f"--log-facility={log}",
                "--cache-size=0", "--local-ttl=60"]
        argv += [f"--local=/{z}/" for z in sorted(zones_of(records) | set(zones))]
        argv += [_option(r) for r in records]
        self.daemon = Daemon("dnsmasq", argv, directory / f"dnsmasq-{ip}-{port}.stdout.log")
        try:
            self._wait()
        except BaseException:
            self.daemon.stop()
            raise

    @property
    def address(self) -> str:
        return f"{self.ip}:{self.port}"

    def _wait(self, timeout: float = 10.0) -> None:
        query = dns.message.make_query("testbed-ready.invalid.", "A")
        deadline = time.monotonic() + timeout
        while True:
            self.daemon.check_alive()
            try:
                dns.query.udp(query, self.ip, port=self.port, timeout=0.2)
                return
            except (dns.exception.Timeout, OSError):
                if time.monotonic() > deadline:
                    raise TimeoutError(f"dnsmasq on {self.address} does not answer") from None
                time.sleep(0.02)

    def stop(self) -> None:
        self.daemon.stop()

    def __enter__(self) -> DnsServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def start_dns(ip: str, port: int, records: Iterable[Record],
              zones: Iterable[str] = ()) -> Iterator[DnsServer]:
    """Serve `records` on ip:port (UDP and TCP) for the duration of the `with` block.

    Names in the records' zones (and `zones`) that have no record get NXDOMAIN; any other
    name gets REFUSED. Nothing is ever forwarded.
    """
    directory = Path(tempfile.mkdtemp(prefix="testbed-dns-"))
    try:
        with DnsServer(ip, port, list(records), directory, zones) as server:
            yield server
    finally:
        shutil.rmtree(directory, ignore_errors=True)
