"""Refuse system-resolver lookups inside the test process.

Why: the system resolver here points off the machine, and test names (church.test, ...)
exist only in the test DNS server. Code under test must resolve through --dns-server; a
stray socket.getaddrinfo("mail.church.test") would silently leak a query. With the guard
it fails at once with a message naming the host. IP literals and "localhost" pass.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def _literal(host: object) -> bool:
    if host is None:
        return True
    text = host.decode() if isinstance(host, bytes) else str(host)
    if text.lower() in _LOCAL_NAMES or text == "":
        return True
    try:
        ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return False
    return True


def _refuse(host: object) -> socket.gaierror:
    return socket.gaierror(
        socket.EAI_NONAME,
        f"test bed guard: {host!r} must not be looked up through the system resolver "
        "(pass the test DNS server, e.g. --dns-server testbed.dns_server)")


def _forward(real: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(host: object, *args: Any, **kwargs: Any) -> Any:
        if not _literal(host):
            raise _refuse(host)
        return real(host, *args, **kwargs)
    return guarded


def _reverse(real: Callable[..., Any]) -> Callable[..., Any]:
    """gethostbyaddr: a PTR query for anything but the loopback names leaves the machine."""
    def guarded(host: object, *args: Any, **kwargs: Any) -> Any:
        text = host.decode() if isinstance(host, bytes) else str(host)
        if text.lower() not in _LOCAL_NAMES | {"127.0.0.1", "::1"}:
            raise _refuse(host)
        return real(host, *args, **kwargs)
    return guarded


def _nameinfo(real: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(sockaddr: tuple[Any, ...], flags: int) -> Any:
        if not flags & socket.NI_NUMERICHOST and sockaddr[0] not in ("127.0.0.1", "::1"):
            raise _refuse(sockaddr[0])
        return real(sockaddr, flags)
    return guarded


def _no_resolv_conf(resolver: object, *args: Any, **kwargs: Any) -> None:
    """dnspython's own resolver reads /etc/resolv.conf and sends its queries straight to the
    system's name server, past the socket functions above."""
    raise _refuse("/etc/resolv.conf")


@contextmanager
def no_system_resolver() -> Iterator[None]:
    """Patch the socket module's resolver functions, and dnspython's reading of the system's
    name servers, for the duration of the block."""
    import dns.resolver

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dns.resolver.Resolver, "read_resolv_conf", _no_resolv_conf)
        for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex"):
            mp.setattr(socket, name, _forward(getattr(socket, name)))
        mp.setattr(socket, "gethostbyaddr", _reverse(socket.gethostbyaddr))
        mp.setattr(socket, "getnameinfo", _nameinfo(socket.getnameinfo))
        yield
