"""POP3 "-ERR [LOGIN-DELAY]" (RFC 2449) from a server whose CAPA names no delay: a login gap,
said without a number of seconds; the real Cyrus case (with CAPA's seconds) is in
tests/compat/test_login.py."""

from __future__ import annotations

import socket

from assistant.login import check_login
from assistant.settings import Server
from tests.login.conftest import Fake, lines, scripted
from tests.testbed import Testbed


def _pop3(conn: socket.socket, fake: Fake) -> None:
    conn.sendall(b"+OK fake POP3\r\n")
    for line in lines(conn, fake):
        word = line.split(b" ")[0].upper()
        if word == b"CAPA":
            conn.sendall(b"+OK\r\nUSER\r\nRESP-CODES\r\n.\r\n")
        elif word == b"USER":
            conn.sendall(b"+OK\r\n")
        elif word == b"PASS":
            conn.sendall(b"-ERR [LOGIN-DELAY] wait a little\r\n")
        else:
            conn.sendall(b"+OK bye\r\n")
            return


def test_login_delay_without_listed_seconds(testbed: Testbed) -> None:
    with scripted(testbed.new_ip(), _pop3) as fake:
        result = check_login(Server.create("pop3", fake.ip, fake.port, "none"), "taro",
                             "pw-4711", allow_plaintext=True, timeout=10)
    assert (result.result, result.problem.code) == ("protocol_error",
                                                    "login.pop_login_delay_unlisted")
    assert "[LOGIN-DELAY] wait a little" in result.message("en")
    assert "not say the password is wrong" in result.message("en")
    assert "パスワードが違うとは言われていません" in result.message("ja")
