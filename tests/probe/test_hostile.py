"""Hostile and broken servers: the probe classifies each failure, never hangs past its
deadline, does not wait on dropped ports once it can recommend, and stops on Cancel."""

from __future__ import annotations

import socket
import threading
from contextlib import ExitStack

from assistant.probe import ProbeEvent, ProbeOptions, run_probe
from assistant.settings import parse_email
from tests.probe.conftest import read_line, scripted
from tests.testbed import Testbed, fakes
from tests.testbed.firewall import dropped


def test_every_hostile_fake_is_classified(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    with ExitStack() as stack:
        stack.enter_context(fakes.silent(ip, 993))
        stack.enter_context(fakes.garbage_greeting(ip, 143))
        stack.enter_context(fakes.tls_reset(ip, 995))
        stack.enter_context(fakes.huge_line(ip, 110))
        stack.enter_context(fakes.tls_reset(ip, 587, starttls="smtp"))
        stack.enter_context(fakes.slow_drip(ip, 25, b"220 drip.test ESMTP\r\n", 0.5))
        report = run_probe(parse_email("a@hostile.test"),
                           ProbeOptions(dns_server=testbed.dns_server, host=ip, timeout=3))
    status = {e.port: (e.status, e.security.value) for e in report.endpoints}
    assert status == {
        993: ("timeout", "tls"),
        143: ("protocol_error", "starttls"),
        995: ("tls_error", "tls"),
        110: ("protocol_error", "starttls"),
        465: ("refused", "tls"),
        587: ("tls_error", "starttls"),
        25: ("timeout", "starttls"),
    }
    huge = next(e for e in report.endpoints if e.port == 110)
    assert huge.problem is not None and huge.problem.code == "net.line_too_long"
    assert report.recommendation.incoming is None and report.recommendation.outgoing is None


def test_dropped_ports_do_not_hold_back_the_recommendation(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    events: list[ProbeEvent] = []
    with dropped(modern.ip, 993), dropped(modern.ip, 465):
        report = run_probe(parse_email(modern.user("alice").email),
                           ProbeOptions(dns_server=testbed.dns_server, ca_file=testbed.ca_file,
                                        host=modern.mail_host, timeout=30),
                           on_event=events.append)
    rec = report.recommendation
    assert rec.incoming is not None and (rec.incoming.port, rec.incoming.security.value) == \
        (143, "starttls")
    assert rec.outgoing is not None and rec.outgoing.port == 587
    by_port = {e.port: e for e in report.endpoints}
    assert by_port[993].status == by_port[465].status == "timeout"
    assert by_port[993].problem is not None and by_port[993].problem.code == "probe.stopped"
    assert len(report.endpoints) == 7  # every endpoint listed, the dropped ones too
    order = [(e.kind, e.endpoint.port if e.endpoint else None) for e in events]
    recommended = order.index(("recommendation", None))
    assert order.index(("endpoint_done", 993)) > recommended
    assert order.index(("endpoint_done", 465)) > recommended
    # It returned long before the 30 s timeout (and before a per-port timeout would end).
    assert report.elapsed_ms < 30_000 and report.recommendation_ms is not None


def test_complete_waits_for_the_dropped_ports(testbed: Testbed) -> None:
    """The benchmark's mode: every endpoint runs to its own end, none is stopped early."""
    modern = testbed.scenarios["modern"]
    with dropped(modern.ip, 993):
        report = run_probe(parse_email(modern.user("alice").email),
                           ProbeOptions(dns_server=testbed.dns_server, ca_file=testbed.ca_file,
                                        host=modern.mail_host, timeout=4, complete=True))
    dropped_993 = next(e for e in report.endpoints if e.port == 993)
    assert dropped_993.status == "timeout"
    assert report.recommendation_ms is not None
    # Early mode would stop it after the grace period ("probe.stopped"); here it runs out.
    assert dropped_993.problem is not None and dropped_993.problem.code != "probe.stopped"


def test_smtp_without_auth_is_warned_about(testbed: Testbed) -> None:
    ip = testbed.new_ip()

    def old_smtp(conn: socket.socket) -> None:
        conn.sendall(b"220 old.test ESMTP\r\n")
        while line := read_line(conn):
            if line.upper().startswith(b"EHLO"):
                conn.sendall(b"250-old.test\r\n250 8BITMIME\r\n")
            else:
                conn.sendall(b"221 bye\r\n")
                return

    with scripted(ip, 587, old_smtp):
        report = run_probe(parse_email("a@old.test"),
                           ProbeOptions(dns_server=testbed.dns_server, host=ip, timeout=5))
    rec = report.recommendation
    assert rec.outgoing is not None and rec.outgoing.auth_mechanisms == []
    warnings = [w.code for w in rec.warnings]
    assert "probe.smtp_no_auth" in warnings and "probe.no_encryption" in warnings


def test_cancel_stops_the_probe(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    cancel = threading.Event()
    with ExitStack() as stack:
        for port in (993, 143, 995, 110, 465, 587, 25):
            stack.enter_context(fakes.silent(ip, port))
        timer = threading.Timer(0.5, cancel.set)
        timer.start()
        report = run_probe(parse_email("a@silent.test"),
                           ProbeOptions(dns_server=testbed.dns_server, host=ip, timeout=120),
                           cancel=cancel)
        timer.join()
    assert report.cancelled
    assert len(report.endpoints) == 7
    assert all(e.status == "timeout" for e in report.endpoints)
    assert all(e.problem is not None and e.problem.code == "net.cancelled"
               for e in report.endpoints)
    assert report.elapsed_ms < 120_000


def test_unanswering_dns_server_is_recorded_not_fatal(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    with dropped(ip, 53, "udp"), dropped(ip, 53, "tcp"):
        report = run_probe(parse_email("a@church.test"),
                           ProbeOptions(dns_server=f"{ip}:53", timeout=3))
    assert report.sources and not any(s.ok for s in report.sources)
    assert report.endpoints == [] and not report.recommendation.complete
