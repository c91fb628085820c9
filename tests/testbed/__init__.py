"""Real mail servers on loopback for the test suite (Dovecot, Postfix, dnsmasq, HTTP(S)).

Use the session fixture `testbed` from tests/conftest.py; it yields a `Testbed`:

    testbed.dns_server            "IP:PORT" of the test DNS server (dnsmasq), for --dns-server
    testbed.ca_file               Path of the per-run test CA (PEM), for --ca-file
    testbed.scenarios[name]       Scenario for "modern", "legacy", "selfsigned"
    testbed.http                  {"http": "IP:80", "https": "IP:443"} autoconfig web server
    testbed.block                 "127.R": every address of this run is 127.R.x.y
    testbed.new_ip()              a fresh unused 127.R.x.y for a test's own servers or fakes
    testbed.directory             the run's temp folder (logs: dovecot/dovecot.log,
                                  postfix/postfix.log, dnsmasq-*.log)
    testbed.startup_seconds       how long start-up took (also printed in pytest's summary)
    testbed.process_groups        {"dovecot"|"postfix"|"dnsmasq": process group id}

    scenario.name, .domain, .ip, .mail_host ("mail.<domain>")
    scenario.user(key) -> User(email, login, password), key in "alice" (ASCII password),
        "hanako" (パスワード123), "quote" (password with " \\ and spaces), "bob" (login "u6757x",
        not his address)
    scenario.endpoints            tuple of Endpoint(protocol, port, security, auth)
    scenario.endpoint(protocol, security) -> Endpoint
    scenario.hosts                every host name with an A record to scenario.ip
    scenario.cert                 CertPair(cert, key) its TLS endpoints present, or None;
                                  .fingerprint_sha256 "AB:CD:..." (pinning tests)
    scenario.autoconfig_urls      (modern only) the https:// and http:// autoconfig URLs

Scenarios (all on standard ports of their own address):
    modern      church.test: IMAP 993 tls, 143 starttls (LOGINDISABLED before TLS), POP3 995
                tls, 110 starttls (STLS; no USER/PASS before TLS), SMTP 465 tls, 587
                starttls (AUTH only after TLS), 25 (STARTTLS, no AUTH); A, MX, SRV records;
                autoconfig XML over HTTP and HTTPS.
    legacy      legacy-church.test: IMAP 143, POP3 110, SMTP 587, plaintext AUTH, no TLS at all.
    selfsigned  selfsigned-church.test: like modern (no autoconfig) with a self-signed
                certificate that the test CA does not vouch for.
Mailboxes of every user: INBOX with 2 messages, folder "Church" with 1 message.
Postfix rejects every RCPT TO and has no delivery transport: nothing is ever sent.

Every test runs under tests.testbed.guard.no_system_resolver (autouse fixture): looking a
name up through the system resolver raises socket.gaierror; IP literals and "localhost"
pass. Mark a test @pytest.mark.system_resolver to lift it.

Helpers for a test's own servers (each a context manager; use testbed.new_ip() for the IP):
    tests.testbed.dns.start_dns(ip, port, records, zones=())   records: A, MX, SRV, CNAME, TXT
    tests.testbed.http.start_http(ip, port, routes, tls_cert=None)   routes: {"host/path" or
        "/path": Route | bytes | str}
    tests.testbed.fakes      hostile servers: silent, garbage_greeting, huge_line, tls_reset,
                             slow_drip
    tests.testbed.firewall.dropped(ip, port)   nftables drop: the port looks filtered
    tests.testbed.ca.TestCA / self_signed       more certificates
    tests.testbed.tls.client_context(ca_file, name) / pinned_context(name) / peer_fingerprint
                             TLS for stdlib clients that connect to an IP but verify a name
    tests.testbed.manual                        the bed outside pytest: make testbed / testbed-down
    tests.testbed.need.need(*programs)          skip, or fail under CI=true, if missing
    tests.testbed.bed.start_testbed()           a second, independent bed (teardown tests)
Other server software (Courier+Exim, Cyrus+Sendmail, OpenSMTPD), each from a cached Debian
root run with chroot: tests.testbed.compat.start_compat (fixture `compat` in tests/compat).
Importable without Qt. Full guide: docs/testbed.md.
"""

from tests.testbed.ca import CertPair
from tests.testbed.model import Endpoint, Scenario, Testbed, User

__all__ = ["CertPair", "Endpoint", "Scenario", "Testbed", "User"]
