"""autoconfig's <username> template is the login the recommendation (and so `apply` and the
wizard) uses first: 37 of Mozilla's 46 .jp files say %EMAILLOCALPART%."""

from __future__ import annotations

from contextlib import ExitStack

from assistant.cli import build_parser
from assistant.commands.apply import build_account
from assistant.probe import ProbeOptions, run_probe
from assistant.settings import parse_email
from tests.testbed import Testbed
from tests.testbed.ca import TestCA
from tests.testbed.dns import A, start_dns
from tests.testbed.http import Route, start_http

LOCAL_PART = """<?xml version="1.0" encoding="Shift_JIS"?>
<clientConfig version="1.1"><emailProvider id="church.example">
  <domain>church.example</domain><displayName>テスト教会</displayName>
  <incomingServer type="imap"><hostname>mail.church.test</hostname><port>993</port>
    <socketType>SSL</socketType><authentication>password-cleartext</authentication>
    <username>%EMAILLOCALPART%</username></incomingServer>
  <outgoingServer type="smtp"><hostname>mail.church.test</hostname><port>465</port>
    <socketType>SSL</socketType><authentication>password-cleartext</authentication>
    <username>%EMAILLOCALPART%</username></outgoingServer>
</emailProvider></clientConfig>
""".encode("shift_jis")


def test_local_part_template_is_the_recommended_login(testbed: Testbed,
                                                       own_ca: TestCA) -> None:
    modern = testbed.scenarios["modern"]
    site, dns = testbed.new_ip(), testbed.new_ip()
    cert = own_ca.issue(f"site-{site}", ["autoconfig.church.example"])
    route = Route(LOCAL_PART, "text/plain")  # served wrongly: the product reads it anyway
    with ExitStack() as stack:
        stack.enter_context(start_http(site, 443, {"/mail/config-v1.1.xml": route},
                                       tls_cert=cert))
        stack.enter_context(start_dns(dns, 53, [A("autoconfig.church.example", site),
                                                A("mail.church.test", modern.ip)]))
        report = run_probe(parse_email("taro@church.example"),
                           ProbeOptions(dns_server=f"{dns}:53", ca_file=own_ca.cert,
                                        timeout=10))
        autoconfig = next(s for s in report.sources if s.kind == "autoconfig" and s.ok)
        assert autoconfig.login == "taro" and autoconfig.trusted
        assert autoconfig.thunderbird is not None and not autoconfig.thunderbird.accepted
        assert autoconfig.to_json("en")["thunderbird"]["reasons"][0]["code"] == \
            "autoconfig.tb.content_type"
        assert report.recommendation.login == "taro"
        assert report.to_json()["recommendation"]["login"] == "taro"
        assert report.recommendation.incoming is not None
        assert report.recommendation.incoming.login == "taro"
        # apply (no --username) uses it; an explicit --username still wins. The mail server's
        # certificate is not from own_ca: apply needs its fingerprint pinned.
        pins = [arg for chosen in (report.recommendation.incoming, report.recommendation.outgoing)
                if chosen is not None and chosen.tls is not None
                for arg in ("--trust-fingerprint", chosen.tls.fingerprint_sha256)]
        args = build_parser().parse_args([
            "apply", "--client", "thunderbird", "--email", "taro@church.example",
            "--name", "Taro", "--dns-server", f"{dns}:53", "--ca-file", str(own_ca.cert),
            "--timeout", "10", *pins])
        args.profile = None
        assert build_account(args).login_name == "taro"
        args.username = "u123"
        assert build_account(args).login_name == "u123"
