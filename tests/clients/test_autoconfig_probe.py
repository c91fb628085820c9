"""Round trip: our autoconfig export, served over HTTPS from the test bed, found by ``probe``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT
from tests.testbed import Testbed
from tests.testbed.ca import TestCA
from tests.testbed.dns import A, start_dns
from tests.testbed.http import start_http

DOMAIN = "export-rt.test"
# Names no guess would try, so finding them proves the exported file was used.
INCOMING_HOST = f"post.{DOMAIN}"
OUTGOING_HOST = f"out.{DOMAIN}"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_exported_autoconfig_is_found_by_probe(testbed: Testbed, tmp_path: Path) -> None:
    exported = tmp_path / "config-v1.1.xml"
    result = run("export", "--format", "autoconfig",
                 "--incoming", f"imap:{INCOMING_HOST}:993:tls",
                 "--outgoing", f"smtp:{OUTGOING_HOST}:465:tls",
                 "--email", f"admin@{DOMAIN}", "--output", str(exported))
    assert result.returncode == 0, result.stderr

    ca = TestCA(tmp_path / "ca", name="Export round-trip CA")
    cert = ca.issue("autoconfig", [f"autoconfig.{DOMAIN}", DOMAIN])
    ca_bundle = tmp_path / "cas.pem"  # this test's CA for the web server, the bed's for mail
    ca_bundle.write_text(testbed.ca_file.read_text() + ca.cert.read_text())

    mail_ip = testbed.scenarios["modern"].ip
    web_ip, dns_ip = testbed.new_ip(), testbed.new_ip()
    records = [A(f"autoconfig.{DOMAIN}", web_ip), A(INCOMING_HOST, mail_ip),
               A(OUTGOING_HOST, mail_ip)]
    routes = {f"autoconfig.{DOMAIN}/mail/config-v1.1.xml": exported.read_bytes()}
    with start_dns(dns_ip, 53, records, zones=[DOMAIN]) as dns, \
            start_http(web_ip, 443, routes, tls_cert=cert) as web:
        result = run("probe", f"alice@{DOMAIN}", "--dns-server", dns.address,
                     "--ca-file", str(ca_bundle), "--timeout", "15", "--json")
        assert result.returncode in (0, 1), result.stderr
        report = json.loads(result.stdout)
        assert any(path.startswith("/mail/config-v1.1.xml") for _, path in web.requests)

    autoconfig = [s for s in report["sources"] if s["kind"] == "autoconfig"
                  and s["detail"].startswith(f"https://autoconfig.{DOMAIN}/")]
    assert autoconfig, report["sources"]
    assert autoconfig[0]["hosts"] == [INCOMING_HOST, OUTGOING_HOST]
    probed = {(e["protocol"], e["host"], e["port"]) for e in report["endpoints"]}
    assert {("imap", INCOMING_HOST, 993), ("smtp", OUTGOING_HOST, 465)} <= probed
