"""OpenSMTPD 7.6 (Debian 13's package: Debian 12's 6.8 had no working TLS in an earlier try)
as a careful admin sets up a submission server.

587 requires STARTTLS before AUTH (tls-require), 465 is implicit TLS (smtps), both check a
`$6$` crypt hash from a table file; 25 offers STARTTLS and never AUTH, before TLS or after.
Every message is rejected. `smtpd -d` runs in the foreground, logging to stderr.
"""

from __future__ import annotations

from tests.testbed.courier import crypt_sha512
from tests.testbed.model import Scenario


def _config(site: Scenario) -> str:
    name, ip = site.mail_host, site.ip
    pki = f"pki {name} hostname {name}"
    return (f'pki {name} cert "/etc/smtpd/testbed.pem"\n'
            f'pki {name} key "/etc/smtpd/testbed.key"\n'
            "table creds file:/etc/smtpd/testbed.creds\n"
            f"listen on {ip} port 25 tls {pki}\n"
            f"listen on {ip} port 587 tls-require {pki} auth <creds>\n"
            f"listen on {ip} port 465 smtps {pki} auth <creds>\n"
            "match from any for any reject\n")


def files(site: Scenario) -> dict[str, str | bytes]:
    assert site.cert is not None
    creds = "".join(f"{u.login} {crypt_sha512(u.password)}\n" for u in site.users.values())
    return {"/etc/smtpd/testbed.conf": _config(site), "/etc/smtpd/testbed.creds": creds,
            "/etc/smtpd/testbed.pem": site.cert.cert.read_bytes(),
            # libtls loads a CA bundle even for a server; minbase has none.
            "/etc/ssl/certs/ca-certificates.crt": site.cert.cert.read_bytes(),
            "/etc/smtpd/testbed.key": site.cert.key.read_bytes()}


SCRIPT = """
chmod 600 /etc/smtpd/testbed.key /etc/smtpd/testbed.creds
(exec /usr/sbin/smtpd -d -f /etc/smtpd/testbed.conf) &
"""
