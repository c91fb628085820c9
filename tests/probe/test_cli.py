"""`python -m assistant probe … --json` as a subprocess: the JSON contract and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from tests.testbed import Testbed

# docs/cli.md's keys in its order (greeting_ms came last: the contract grows at the end).
ENDPOINT_KEYS = ["protocol", "host", "port", "security", "status", "error", "tls",
                 "capabilities", "auth_mechanisms", "plaintext_auth_offered", "elapsed_ms",
                 "greeting_ms", "trusted_source", "consent_reason"]


def cli(*args: str) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "assistant", "probe", *args],
                          capture_output=True, text=True, timeout=120, check=False)
    return done.returncode, done.stdout, done.stderr


def probe_json(testbed: Testbed, email: str, *extra: str) -> tuple[int, dict[str, Any]]:
    code, out, _err = cli(email, "--dns-server", testbed.dns_server, "--ca-file",
                         str(testbed.ca_file), "--json", *extra)
    return code, json.loads(out)


def test_modern_json_contract(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    code, report = probe_json(testbed, modern.user("alice").email)
    assert code == 0
    assert list(report) == ["schema", "email", "domain", "elapsed_ms", "sources", "endpoints",
                            "recommendation"]
    assert report["schema"] == 1 and report["email"] == modern.user("alice").email
    for source in report["sources"]:
        # Extended: the login a source names, and Thunderbird's verdict on an
        # autoconfig file.
        assert list(source)[:4] == ["kind", "detail", "hosts", "login"]
        assert set(source) - {"kind", "detail", "hosts", "login"} <= {"thunderbird"}
        assert source["kind"] in ("profile", "srv", "autoconfig", "mx", "guess", "host")
    for e in report["endpoints"]:
        assert list(e) == ENDPOINT_KEYS
        assert e["status"] in ("ok", "refused", "timeout", "dns_error", "tls_error",
                               "certificate_invalid", "protocol_error", "unreachable")
        if e["tls"] is not None:
            assert list(e["tls"]) == ["version", "certificate_valid", "certificate_error",
                                      "fingerprint_sha256"]
    autoconfig = next(s for s in report["sources"] if s["kind"] == "autoconfig")
    assert autoconfig["login"] == modern.user("alice").email  # <username>%EMAILADDRESS%
    assert autoconfig["thunderbird"] == {"accepted": True, "reasons": []}
    rec = report["recommendation"]
    assert list(rec) == ["incoming", "outgoing", "warnings", "login"]
    assert rec["login"] == modern.user("alice").email
    assert rec["incoming"]["port"] == 993 and rec["incoming"]["security"] == "tls"
    assert rec["incoming"]["tls"]["fingerprint_sha256"] == modern.cert.fingerprint_sha256  # type: ignore[union-attr]
    assert rec["outgoing"]["port"] == 465 and rec["warnings"] == []


def test_selfsigned_json_and_japanese_warning(testbed: Testbed) -> None:
    selfsigned = testbed.scenarios["selfsigned"]
    code, report = probe_json(testbed, selfsigned.user("alice").email, "--host",
                              selfsigned.mail_host)
    assert code == 0
    imaps = next(e for e in report["endpoints"] if e["port"] == 993)
    assert imaps["status"] == "certificate_invalid"
    assert imaps["tls"]["fingerprint_sha256"] == selfsigned.cert.fingerprint_sha256  # type: ignore[union-attr]
    warning = next(w for w in report["recommendation"]["warnings"]
                   if w["code"] == "probe.certificate_invalid")
    assert "証明書" in warning["message"]


def test_legacy_english(testbed: Testbed) -> None:
    legacy = testbed.scenarios["legacy"]
    code, report = probe_json(testbed, legacy.user("alice").email, "--lang", "en")
    assert code == 0
    assert report["recommendation"]["incoming"]["security"] == "none"
    assert report["recommendation"]["incoming"]["plaintext_auth_offered"] is True
    messages = [w["message"] for w in report["recommendation"]["warnings"]]
    assert messages and all("not encrypted" in m for m in messages)


def test_unknown_domain_exits_1(testbed: Testbed) -> None:
    code, report = probe_json(testbed, "a@nothing.church.test", "--timeout", "5")
    assert code == 1
    assert report["recommendation"]["incoming"] is None


def test_bad_input_exits_2(testbed: Testbed) -> None:
    code, out, _ = cli("no-at-sign", "--json")
    assert code == 2 and json.loads(out)["error"] == "email.missing_at"
    code, out, _ = cli("a@church.test", "--dns-server", "not-an-ip", "--json")
    assert code == 2 and json.loads(out)["error"] == "dns_server.invalid"
    # A DNS server that answers nothing, in case a check ever moved behind the first lookup.
    code, _, err = cli("a@church.test", "--timeout", "0", "--dns-server", "127.0.0.1:1")
    assert code == 2 and "--timeout" in err
    code, _, err = cli("a@church.test", "--ca-file", "/nonexistent.pem", "--lang", "en",
                       "--dns-server", "127.0.0.1:1")
    assert code == 2 and "/nonexistent.pem" in err


def test_human_output_japanese_and_english(testbed: Testbed) -> None:
    modern = testbed.scenarios["modern"]
    base = (modern.user("alice").email, "--host", modern.mail_host, "--dns-server",
            testbed.dns_server, "--ca-file", str(testbed.ca_file))
    code, out, _ = cli(*base)
    assert code == 0 and "おすすめの設定" in out and f"{modern.mail_host}:993" in out
    code, out, _ = cli(*base, "--lang", "en")
    assert code == 0 and "Recommended settings" in out
