"""The test bed is importable without Qt (other areas' Qt-free tests depend on it)."""

from __future__ import annotations

import socket
import subprocess
import sys

import dns.resolver
import pytest

from tests.paths import ROOT


def test_testbed_imports_without_qt() -> None:
    code = ("import sys, tests.testbed, tests.testbed.bed, tests.testbed.fakes, "
            "tests.testbed.firewall, tests.testbed.tls, tests.testbed.need; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    assert out.strip() == "[]"



def test_guard_refuses_system_resolver_lookups() -> None:
    assert socket.getaddrinfo.__name__ == "guarded"
    with pytest.raises(socket.gaierror, match=r"test bed guard: 'mail\.church\.test'"):
        socket.getaddrinfo("mail.church.test", 993)
    with pytest.raises(socket.gaierror, match="test bed guard"):
        socket.create_connection(("example.com", 80), timeout=1)
    with pytest.raises(socket.gaierror, match="test bed guard"):
        socket.gethostbyaddr("192.0.2.1")
    with pytest.raises(socket.gaierror, match="test bed guard"):
        socket.getnameinfo(("192.0.2.1", 80), 0)
    assert socket.getaddrinfo("127.0.0.1", 25, type=socket.SOCK_STREAM)[0][4] == ("127.0.0.1", 25)
    with pytest.raises(socket.gaierror, match=r"test bed guard: '/etc/resolv\.conf'"):
        dns.resolver.Resolver()  # the system's name servers
    assert dns.resolver.Resolver(configure=False).nameservers == []
    assert socket.getnameinfo(("192.0.2.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV) \
        == ("192.0.2.1", "80")


@pytest.mark.system_resolver
def test_guard_can_be_lifted_by_marker() -> None:
    assert socket.getaddrinfo.__name__ == "getaddrinfo"
