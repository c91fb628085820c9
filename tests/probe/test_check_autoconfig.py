"""`mail-assistant check-autoconfig` as a subprocess: a church admin's check of the published
file, with the first-2xx-wins rule Thunderbird follows."""

from __future__ import annotations

import json
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from tests.probe.test_thunderbird_reading import config
from tests.testbed import Testbed
from tests.testbed.ca import TestCA
from tests.testbed.dns import A, start_dns
from tests.testbed.http import Route, start_http

PATH = "/mail/config-v1.1.xml"


def check(*args: str) -> tuple[int, dict[str, Any]]:
    done = subprocess.run([sys.executable, "-m", "assistant", "check-autoconfig", *args,
                           "--json", "--lang", "en"], capture_output=True, text=True,
                          timeout=120, check=False)
    return done.returncode, json.loads(done.stdout)


def test_file_accepted_and_rejected(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text(config(), encoding="utf-8")
    bad.write_text(config(outgoing=" "), encoding="utf-8")
    code, out = check(str(good))
    assert code == 0 and out["accepted"] and out["logins"] == ["%EMAILLOCALPART%"]
    code, out = check(str(bad))
    assert code == 1 and not out["accepted"]
    assert [r["code"] for r in out["reasons"]] == ["autoconfig.tb.no_outgoing"]
    code, out = check(str(tmp_path / "missing.xml"))
    assert code == 2 and out["error"] == "io.cannot_read"
    code, out = check("")
    assert code == 2


def test_domain_first_success_is_what_thunderbird_reads(testbed: Testbed,
                                                         own_ca: TestCA) -> None:
    """https answers 200 text/plain: Thunderbird stops there (rejecting it), even though the
    http URL serves a good file."""
    site, dns = testbed.new_ip(), testbed.new_ip()
    cert = own_ca.issue(f"site-{site}", ["autoconfig.church.example"])
    with ExitStack() as stack:
        stack.enter_context(start_http(site, 443, {PATH: Route(config().encode(), "text/plain")},
                                       tls_cert=cert))
        stack.enter_context(start_http(site, 80, {PATH: Route(config().encode(), "text/xml")}))
        stack.enter_context(start_dns(dns, 53, [A("autoconfig.church.example", site),
                                                A("church.example", site)]))
        code, out = check("church.example", "--dns-server", f"{dns}:53", "--ca-file",
                          str(own_ca.cert))
        assert code == 1 and out["used"].startswith("https://autoconfig.church.example/")
        assert [r["code"] for r in out["reasons"]] == ["autoconfig.tb.content_type"]
        assert out["tried"][0]["result"] == "HTTP 200 text/plain"
        # Without the church's CA the https URLs fail, and the http file is the one read.
        code, out = check("taro@church.example", "--dns-server", f"{dns}:53")
        assert code == 0 and out["used"].startswith("http://autoconfig.church.example/")
        assert "certificate_invalid" in out["tried"][0]["result"]
