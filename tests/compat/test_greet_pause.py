"""Real Sendmail with FEATURE(greet_pause, 5000): the probe neither blames a firewall nor
loses the outgoing server, early or late (check-login's wait: test_login, cyrus 587/25)."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.probe import ProbeOptions, run_probe
from assistant.settings import parse_email
from tests.compat.expected import GREET_PAUSE
from tests.testbed.compat import CompatBed
from tests.testbed.firewall import dropped
from tests.testbed.need import need

PAUSED = GREET_PAUSE["cyrus"]


def test_early_answer_says_not_greeted_yet(compat: CompatBed) -> None:
    """465 (no pause on implicit TLS) answers at once and is recommended; 587 and 25, still
    silent when the recommendation is known, are stopped as "connected, had not greeted"."""
    site = compat.site("cyrus")
    report = run_probe(parse_email(site.user("alice").email),
                       ProbeOptions(dns_server=compat.dns_server, ca_file=compat.ca_file))
    rec = report.recommendation
    assert rec.outgoing is not None and (rec.outgoing.port, rec.outgoing.security.value) == \
        (465, "tls")
    for r in report.endpoints:
        if r.port in PAUSED:
            assert r.problem is None or r.problem.code == "probe.stopped_no_greeting", r.problem
            if r.status == "ok":  # it greeted before the grace period ran out
                assert r.greeting_ms is not None and r.greeting_ms >= PAUSED[r.port] - 100


def test_only_paused_submission_left_is_waited_for(compat: CompatBed) -> None:
    """The issue's case: with 465 unreachable, `probe` waits through the 5 s pause and
    recommends 587 with STARTTLS (it used to report 587 and 25 as a firewall's timeout and
    find no outgoing server)."""
    need("nft")
    site = compat.site("cyrus")
    with dropped(site.ip, 465):
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "probe", site.user("alice").email,
             "--host", site.mail_host, "--dns-server", compat.dns_server,
             "--ca-file", str(compat.ca_file), "--json", "--lang", "en"],
            capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    outgoing = report["recommendation"]["outgoing"]
    assert (outgoing["port"], outgoing["security"], outgoing["status"]) == \
        (587, "starttls", "ok")
    assert outgoing["greeting_ms"] >= PAUSED[587] - 100
    assert "PLAIN" in outgoing["auth_mechanisms"]
    assert not any("firewall" in (e["error"] or "") and e["port"] in PAUSED
                   for e in report["endpoints"])
