"""Each hostile fake behaves as documented, seen through raw sockets and stdlib clients."""

from __future__ import annotations

import imaplib
import poplib
import smtplib
import socket
import ssl

import pytest

from tests.testbed import Testbed
from tests.testbed.fakes import GARBAGE, garbage_greeting, huge_line, silent, slow_drip, tls_reset
from tests.testbed.firewall import dropped, table_exists
from tests.testbed.need import need
from tests.testbed.procs import listening


def connect(address: str, timeout: float = 5) -> socket.socket:
    ip, port = address.rsplit(":", 1)
    return socket.create_connection((ip, int(port)), timeout=timeout)


def test_silent_never_speaks(testbed: Testbed) -> None:
    with silent(testbed.new_ip(), 143) as fake:
        with connect(fake.address, timeout=0.3) as sock, pytest.raises(TimeoutError):
            sock.recv(1)
        with pytest.raises(TimeoutError):
            imaplib.IMAP4(fake.ip, fake.port, timeout=0.3)


def test_garbage_greeting(testbed: Testbed) -> None:
    with garbage_greeting(testbed.new_ip(), 110) as fake:
        with connect(fake.address) as sock:
            assert sock.recv(len(GARBAGE), socket.MSG_WAITALL) == GARBAGE
        with pytest.raises(poplib.error_proto):
            poplib.POP3(fake.ip, fake.port, timeout=5)


def test_huge_line_has_no_end(testbed: Testbed) -> None:
    with huge_line(testbed.new_ip(), 143) as fake:
        with connect(fake.address) as sock:
            expected = len(b"* OK ") + (1 << 20)
            data = b""
            while len(data) < expected and (chunk := sock.recv(65536)):
                data += chunk
            assert len(data) == expected and b"\n" not in data
            sock.settimeout(0.3)
            with pytest.raises(TimeoutError):
                sock.recv(1)  # nothing after it: a client must stop on its own size limit
        with pytest.raises(imaplib.IMAP4.error, match="more than"):
            imaplib.IMAP4(fake.ip, fake.port, timeout=5)


def test_tls_reset_implicit(testbed: Testbed) -> None:
    with tls_reset(testbed.new_ip(), 993) as fake:
        ctx = ssl.create_default_context()
        with connect(fake.address) as sock, pytest.raises(ConnectionResetError):
            ctx.wrap_socket(sock, server_hostname="mail.church.test")


def test_tls_reset_during_starttls(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    ctx = ssl.create_default_context()
    with tls_reset(ip, 143, starttls="imap"):
        conn = imaplib.IMAP4(ip, 143, timeout=5)
        assert "STARTTLS" in conn.capabilities
        with pytest.raises(ConnectionResetError):
            conn.starttls(ctx)
    with tls_reset(ip, 110, starttls="pop3"):
        pop = poplib.POP3(ip, 110, timeout=5)
        assert "STLS" in pop.capa()
        with pytest.raises(ConnectionResetError):
            pop.stls(ctx)
    with tls_reset(ip, 587, starttls="smtp"):
        smtp = smtplib.SMTP(ip, 587, local_hostname="client.test", timeout=5)
        smtp.ehlo()
        assert smtp.has_extn("starttls")
        with pytest.raises(ConnectionResetError):
            smtp.starttls(context=ctx)


def test_slow_drip_one_byte_at_a_time(testbed: Testbed) -> None:
    data = b"* OK IMAP4rev1 fake ready\r\n"
    with slow_drip(testbed.new_ip(), 143, data=data, interval=0.5) as fake, \
            connect(fake.address) as sock:
        received = [sock.recv(100) for _ in range(3)]
    assert received == [data[0:1], data[1:2], data[2:3]]


def test_fakes_leave_no_listener(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    with silent(ip, 25), connect(f"{ip}:25"):
        assert listening(f"{ip}:") == [f"{ip}:25"]
    assert listening(f"{ip}:") == []


def test_dropped_port_is_filtered(testbed: Testbed) -> None:
    need("nft")
    ip = testbed.new_ip()
    with silent(ip, 993) as fake:
        connect(fake.address).close()
        with dropped(ip, 993) as table:
            assert table_exists(table)
            with pytest.raises(TimeoutError):
                connect(fake.address, timeout=0.5)
        assert not table_exists(table)
        connect(fake.address).close()
