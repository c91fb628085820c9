"""Name resolution through one chosen DNS server, or the system's when none is given.

With ``--dns-server`` every lookup (A, AAAA, SRV, MX) goes to that server and the system
resolver is never consulted: test names must not leak off the machine, and a volunteer can
check what a particular server answers. Without it, addresses come from ``getaddrinfo``
(hosts file, OS settings) and SRV/MX from dnspython's reading of the system configuration.
"""

from __future__ import annotations

import ipaddress
import socket
import threading

import dns.exception
import dns.name
import dns.rdata
import dns.resolver

from assistant.errors import ValidationError
from assistant.net.deadline import CancelToken, Deadline
from assistant.net.errors import DnsError, Timeout
from assistant.net.text import ascii_number

# One try of a query waits at most this long before it is repeated (cancel is checked between).
_QUERY_TRY = 1.0


def parse_dns_server(text: str) -> tuple[str, int]:
    """``IP``, ``IP:PORT``, ``[IPv6]:PORT`` or a bare IPv6 address -> (ip, port)."""
    value = text.strip()
    host, port_text = value, ""
    if value.startswith("["):
        host, sep, rest = value[1:].partition("]")
        if not sep or (rest and not rest.startswith(":")):
            raise ValidationError("dns_server.invalid", field="dns_server", value=text)
        port_text = rest[1:]
    elif value.count(":") == 1:
        host, port_text = value.split(":")
    try:
        ip = str(ipaddress.ip_address(host))
    except ValueError:
        raise ValidationError("dns_server.invalid", field="dns_server", value=text) from None
    if port_text == "" and not value.endswith(":"):
        return ip, 53
    port = ascii_number(port_text, 5)
    if port is None or not 1 <= port <= 65535:
        raise ValidationError("dns_server.invalid", field="dns_server", value=text)
    return ip, port


def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _configuration_error(exc: Exception) -> str:
    """The detail of a system configuration dnspython could not read, naming the failure.

    Besides NoResolverConfiguration, its readers raise whatever the platform gives: on Windows
    the registry reader's FileNotFoundError (seen under Wine) or OSError, elsewhere a
    resolv.conf it cannot parse. SRV and MX then report this instead of stopping the probe.
    """
    reason = str(exc).strip()[:200]
    name = type(exc).__name__
    return f"no_resolver_configuration: {name}: {reason}" if reason else \
        f"no_resolver_configuration: {name}"


class Resolver:
    """Answers A/AAAA/SRV/MX questions within a deadline, cancellable between tries."""

    def __init__(self, dns_server: str | None = None) -> None:
        """``None`` means the system's resolver; any string (even "") must be a server."""
        self.server = parse_dns_server(dns_server) if dns_server is not None else None
        self._dns: dns.resolver.Resolver | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Resolver(server={self.server!r})"

    def _resolver(self) -> dns.resolver.Resolver:
        with self._lock:
            if self._dns is None:
                if self.server is None:
                    try:
                        self._dns = dns.resolver.Resolver(configure=True)
                    except Exception as exc:  # any reader failure: see _configuration_error
                        raise DnsError(_configuration_error(exc)) from None
                else:
                    resolver = dns.resolver.Resolver(configure=False)
                    resolver.nameservers = [self.server[0]]
                    resolver.port = self.server[1]
                    self._dns = resolver
            return self._dns

    def query(self, name: str, rdtype: str, deadline: Deadline,
              cancel: CancelToken | None = None) -> list[dns.rdata.Rdata]:
        """The records of one type; raises :class:`DnsError` (detail nxdomain, no_answer,
        timeout, servfail) so a caller can record why a source gave nothing, or Cancelled."""
        resolver = self._resolver()
        while True:
            try:
                deadline.check(cancel, f"dns {rdtype} {name}")
            except Timeout:
                raise DnsError("timeout", name=name) from None
            try:
                answer = resolver.resolve(
                    dns.name.from_text(name), rdtype, search=False, raise_on_no_answer=False,
                    lifetime=max(0.05, min(_QUERY_TRY, deadline.remaining())))
            except dns.resolver.NXDOMAIN:
                raise DnsError("nxdomain", name=name) from None
            except dns.resolver.LifetimeTimeout:
                if deadline.expired:
                    raise DnsError("timeout", name=name) from None
                continue
            except (dns.resolver.NoNameservers, dns.resolver.YXDOMAIN):
                raise DnsError("servfail", name=name) from None
            except (dns.exception.DNSException, OSError, ValueError) as exc:
                raise DnsError(type(exc).__name__, name=name) from None
            records = list(answer.rrset or ())
            if not records:
                raise DnsError("no_answer", name=name)
            return records

    def addresses(self, host: str, deadline: Deadline,
                  cancel: CancelToken | None = None) -> list[str]:
        """IPv4 then IPv6 addresses of ``host`` (an IP literal is returned as it is)."""
        if is_ip_literal(host):
            return [host.strip("[]")]
        if self.server is None:
            return _getaddrinfo(host, deadline, cancel)
        found: list[str] = []
        errors: list[DnsError] = []
        for rdtype in ("A", "AAAA"):
            try:
                found += [r.to_text() for r in self.query(host, rdtype, deadline, cancel)]
            except DnsError as exc:
                errors.append(exc)
        if not found:
            nx = any(e.detail == "nxdomain" for e in errors)
            raise DnsError("nxdomain" if nx else errors[0].detail, name=host)
        return found


def _getaddrinfo(host: str, deadline: Deadline, cancel: CancelToken | None) -> list[str]:
    """The system's answer, waited for in slices (getaddrinfo itself cannot be interrupted)."""
    result: list[str] = []
    failure: list[str] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
            v4 = [str(i[4][0]) for i in infos if i[0] == socket.AF_INET]
            v6 = [str(i[4][0]) for i in infos if i[0] == socket.AF_INET6]
            result.extend(dict.fromkeys(v4 + v6))
        except (OSError, UnicodeError) as exc:
            failure.append("nxdomain" if isinstance(exc, socket.gaierror) else type(exc).__name__)
        finally:
            done.set()

    threading.Thread(target=lookup, name=f"getaddrinfo {host}", daemon=True).start()
    while not done.wait(deadline.slice()):
        try:
            deadline.check(cancel, f"dns {host}")
        except Timeout:
            raise DnsError("timeout", name=host) from None
    if not result:
        raise DnsError(failure[0] if failure else "no_answer", name=host)
    return result
