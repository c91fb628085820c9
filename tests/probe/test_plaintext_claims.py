"""The probe claims "a password can be sent without encryption" only as far as the server
said so: a POP3 server that lists USER before STLS but refuses it (Courier-POP3 with TLS
required) is not said to accept a password."""

from __future__ import annotations

import socket
import ssl

from assistant.probe import ProbeOptions, run_probe
from assistant.settings import Security, parse_email
from tests.probe.conftest import read_line, scripted
from tests.testbed import Testbed


def courier_like_pop3(cert: str, key: str):  # type: ignore[no-untyped-def]
    """Lists USER and STLS before TLS, answers USER with Courier's refusal, upgrades on STLS."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    def script(conn: socket.socket) -> None:
        stream: socket.socket = conn
        stream.sendall(b"+OK Hello there.\r\n")
        while line := read_line(stream):
            verb = line.split(b" ")[0].strip().upper()
            if verb == b"CAPA":
                stream.sendall(b"+OK Here's what I can do:\r\nSTLS\r\nTOP\r\nUSER\r\n"
                               b"IMPLEMENTATION Courier Mail Server\r\n.\r\n")
            elif verb == b"USER":
                stream.sendall(b"-ERR TLS required to log in.\r\n")
            elif verb == b"STLS":
                stream.sendall(b"+OK Begin SSL/TLS negotiation now.\r\n")
                stream = context.wrap_socket(stream, server_side=True)
            elif verb == b"QUIT":
                stream.sendall(b"+OK Bye-bye.\r\n")
                return
            else:
                stream.sendall(b"-ERR Invalid command.\r\n")

    return script


def test_listed_but_refused_user_is_not_a_plaintext_claim(testbed: Testbed) -> None:
    cert = testbed.scenarios["modern"].cert
    assert cert is not None
    ip = testbed.new_ip()
    with scripted(ip, 110, courier_like_pop3(str(cert.cert), str(cert.key))) as fake:
        report = run_probe(parse_email("a@courier.test"),
                           ProbeOptions(dns_server=testbed.dns_server, host=ip, timeout=10))
    pop3 = next(e for e in report.endpoints if e.port == 110)
    assert pop3.security is Security.STARTTLS  # upgraded (the certificate names another host)
    assert "USER" in pop3.plain_capabilities
    assert not pop3.plaintext_auth_offered and pop3.plaintext_methods == []
    assert pop3.plaintext_refusal == "-ERR TLS required to log in."
    # The verifying handshake, the non-verifying one that reads the certificate, and then the
    # plain connection that tried USER.
    assert fake.accepted == 3
