"""A connected server that holds its greeting back (Sendmail's greet_pause) is waited for, a
silent one is reported as "did not greet" (not as a firewall), and the recommendation still
comes early from the endpoints that answered."""

from __future__ import annotations

from contextlib import ExitStack

from assistant.messages import text
from assistant.probe import ProbeEvent, ProbeOptions, run_probe
from assistant.settings import parse_email
from tests.testbed import Testbed, fakes

PAUSE = 5.0  # the example in sendmail's README: FEATURE(greet_pause, 5000)


def test_a_greeting_after_five_seconds_is_waited_for(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    with fakes.slow_greeting_smtp(ip, 587, PAUSE, "a@slow.test", "pw"):
        report = run_probe(parse_email("a@slow.test"),
                           ProbeOptions(dns_server=testbed.dns_server, host=ip))
    smtp = next(e for e in report.endpoints if e.port == 587)
    assert smtp.status == "ok" and smtp.auth_mechanisms == ["PLAIN"]
    assert smtp.greeting_ms is not None and smtp.greeting_ms >= PAUSE * 1000 - 100
    assert smtp.to_json()["greeting_ms"] == smtp.greeting_ms
    assert report.recommendation.outgoing is not None
    assert report.recommendation.outgoing.port == 587


def test_a_silent_server_did_not_greet_and_no_firewall_is_blamed(testbed: Testbed) -> None:
    ip = testbed.new_ip()
    with fakes.silent(ip, 587):
        report = run_probe(parse_email("a@silent.test"),
                           ProbeOptions(dns_server=testbed.dns_server, host=ip, timeout=3))
    smtp = next(e for e in report.endpoints if e.port == 587)
    assert smtp.status == "timeout"  # the JSON status enum is unchanged
    assert smtp.problem is not None and smtp.problem.code == "net.no_greeting"
    assert "firewall may" not in (smtp.error_text("en") or "")
    assert "not a firewall" in (smtp.error_text("en") or "")


def test_the_answer_comes_early_without_the_slow_endpoint(testbed: Testbed) -> None:
    """25 answers at once, 587 (ranked higher) greets late: after the grace period the probe
    recommends 25 and stops 587, saying it was connected but had not greeted."""
    ip = testbed.new_ip()
    events: list[ProbeEvent] = []
    with ExitStack() as stack:
        stack.enter_context(fakes.slow_greeting_smtp(ip, 587, 20.0, "a@slow.test", "pw"))
        stack.enter_context(fakes.slow_greeting_smtp(ip, 25, 0.0, "a@slow.test", "pw"))
        report = run_probe(parse_email("a@slow.test"),
                           ProbeOptions(dns_server=testbed.dns_server, host=ip),
                           on_event=events.append)
    assert report.recommendation.outgoing is not None
    assert report.recommendation.outgoing.port == 25
    slow = next(e for e in report.endpoints if e.port == 587)
    assert slow.status == "timeout" and slow.problem is not None
    assert slow.problem.code == "probe.stopped_no_greeting"
    assert "greeted" in text(slow.problem, "en")
    order = [(e.kind, e.endpoint.port if e.endpoint else None) for e in events]
    assert order.index(("recommendation", None)) < order.index(("endpoint_done", 587))
