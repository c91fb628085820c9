"""The volunteer's view of the server page in Japanese: sentences, not the core's raw tokens.

The probe result is a rich one, as a church's real DNS and servers give it: SRV records with
priorities, an autoconfig file that was not there, guesses that do not resolve, an MX lookup
that timed out, a refused port, a silent one, STARTTLS, and an unverifiable certificate. The
sources' notes are written the way the discovery modules write them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

import pytest

from assistant.discovery.model import Candidate, Source, SourceKind
from assistant.errors import Problem
from assistant.gui.flow import Page
from assistant.probe.model import ProbeEvent, ProbeReport, Recommendation
from assistant.settings import Protocol, Security
from assistant.wizard.checks import ServerCheckInput
from tests.gui.demo import DemoBackend
from tests.gui.helpers import (
    PATHS_AND_ADDRESSES,
    fill_account,
    to_checks,
    wait_server_done,
)

pytestmark = pytest.mark.gui
# Names a volunteer knows as they are: the protocols and encryption, the DNS record types and
# the autoconfig file (the sources' names), the fingerprint's algorithm, and the login
# methods a server lists (SASL names).
ALLOWED = {"IMAP", "POP", "SMTP", "SSL", "TLS", "STARTTLS", "SRV", "DNS", "MX", "autoconfig",
           "SHA", "PLAIN", "LOGIN"}
DOMAIN = "example-church.jp"
HOST = f"mail.{DOMAIN}"


def _srv(protocol: Protocol, port: int, security: Security, priority: int) -> Candidate:
    return Candidate(protocol, HOST, port, security, True, priority * 1000, declared=True)


SOURCES = [
    Source(SourceKind.SRV, f"_imaps: {HOST}:993 (priority 0); _pop3s: NXDOMAIN; "
           f"_submission: {HOST}:587 (priority 10)", [HOST], True, True,
           [_srv(Protocol.IMAP, 993, Security.TLS, 0),
            _srv(Protocol.SMTP, 587, Security.STARTTLS, 10)]),
    Source(SourceKind.AUTOCONFIG,
           f"https://autoconfig.{DOMAIN}/mail/config-v1.1.xml: HTTP 404", [], True, False),
    Source(SourceKind.AUTOCONFIG, f"https://{DOMAIN}/.well-known/autoconfig/mail/"
           "config-v1.1.xml: dns_error NXDOMAIN", [], True, False),
    Source(SourceKind.MX, "no answer within 1500 ms", [], True, False),
    Source(SourceKind.GUESS, f"tried mail.{DOMAIN}, imap.{DOMAIN}, smtp.{DOMAIN}; 0 resolve",
           [], True, False),
]


class RichBackend(DemoBackend):
    def probe(self, check: ServerCheckInput, on_event: Callable[[ProbeEvent], None],
              cancel: threading.Event) -> ProbeReport:
        refused = self.endpoint(HOST, Protocol.POP3, 995, Security.TLS, "refused")
        refused.tls, refused.auth_mechanisms = None, []
        refused.problem = Problem("net.refused", {"detail": "[Errno 111] Connection refused"})
        silent = self.endpoint(HOST, Protocol.SMTP, 465, Security.TLS, "timeout")
        silent.tls, silent.auth_mechanisms = None, []
        silent.problem = Problem("net.timeout", {"detail": "timed out after 5.0 s"})
        endpoints = [
            self.endpoint(HOST, Protocol.IMAP, 993, Security.TLS),
            self.endpoint(HOST, Protocol.IMAP, 143, Security.STARTTLS, "certificate_invalid"),
            refused, silent,
            self.endpoint(HOST, Protocol.SMTP, 587, Security.STARTTLS),
        ]
        for source in SOURCES:
            on_event(ProbeEvent("source", source=source))
        for endpoint in endpoints:
            on_event(ProbeEvent("endpoint_started", endpoint=endpoint))
            on_event(ProbeEvent("endpoint_done", endpoint=endpoint))
        return ProbeReport(check.email, DOMAIN, 1620, SOURCES, endpoints,
                           Recommendation(endpoints[0], endpoints[-1]))


def volunteer_view(make_wizard, tmp_path, qtbot, lang: str):
    """The server page's volunteer panel after the check, and its wizard."""
    wizard = make_wizard(lang=lang, backend=RichBackend(tmp_path), volunteer=True)
    fill_account(wizard, "山田 太郎", f"taro@{DOMAIN}", "pw-demo-123")
    to_checks(wizard)
    page = wait_server_done(qtbot, wizard)
    assert wizard.currentId() == int(Page.SERVER) and page.details.isVisible()
    return wizard, page.details.toPlainText()


def test_the_japanese_volunteer_view_says_everything_in_japanese(make_wizard, tmp_path, qtbot):
    _wizard, shown = volunteer_view(make_wizard, tmp_path, qtbot, "ja")
    # Each source and endpoint is there, in words.
    for words in ("優先度 10", "コード 404", "1500 ミリ秒待っても答えがありません",
                  "よくある名前はどれもありません", "接続を拒否されました", "応答がありません",
                  "STARTTLS", "サーバー自身が署名した証明書です",
                  "見つかりません（名前が見つかりません）"):
        assert words in shown, (words, shown)
    english = {}
    for line in shown.splitlines():
        if words := set(re.findall(r"[A-Za-z]{2,}", PATHS_AND_ADDRESSES.sub("", line))) - ALLOWED:
            english[line] = words
    assert english == {}


def test_the_english_volunteer_view_keeps_the_raw_notes(make_wizard, tmp_path, qtbot):
    """For a technician the English view adds what the core and the system said, as is."""
    _wizard, shown = volunteer_view(make_wizard, tmp_path, qtbot, "en")
    for raw in ("[Errno 111] Connection refused", "self-signed certificate", "HTTP 404",
                "0 resolve", "(priority 10)"):
        assert raw in shown, (raw, shown)


def test_the_copied_diagnostics_keep_the_server_check_in_english(make_wizard, tmp_path, qtbot):
    """Whatever the page's language, a technician gets the core's and the system's words."""
    wizard, _shown = volunteer_view(make_wizard, tmp_path, qtbot, "ja")
    diagnostics = wizard.copy_diagnostics()
    for raw in ("source srv: _imaps:", "status=refused", "[Errno 111] Connection refused",
                "certificate_error='self-signed certificate'", "HTTP 404"):
        assert raw in diagnostics, (raw, diagnostics)
    server_check = diagnostics.split("[server check]")[1].split("[login check]")[0]
    assert not re.search(r"[ぁ-んァ-ン一-龥]", server_check), server_check
