"""Sendmail 8.17 (Debian 12's packages) with `FEATURE(greet_pause, 5000)`, the example in
sendmail's README: every greeting comes 5 s after the connect.

587 (MSA) offers STARTTLS and AUTH PLAIN/LOGIN only inside TLS (`confAUTH_OPTIONS` p), 465
is implicit TLS (M=s), 25 offers STARTTLS and no AUTH (M=A). SASL checks the sasldb the
Cyrus site of the same root fills. Every recipient is refused. The .cf is built with m4 from
Debian's sendmail-cf at start; `sendmail -bD` runs in the foreground.
"""

from __future__ import annotations

from tests.testbed.model import Scenario

GREET_PAUSE_MS = 5000


def _mc(site: Scenario) -> str:
    ip = site.ip
    return f"""\
divert(-1)
include(`/usr/share/sendmail/cf/m4/cf.m4')dnl
VERSIONID(`mail-assistant test bed')dnl
OSTYPE(`debian')dnl
define(`confDONT_PROBE_INTERFACES', `True')dnl
define(`confSERVICE_SWITCH_FILE', `/etc/mail/testbed.switch')dnl
define(`confHOSTS_FILE', `/etc/hosts')dnl
define(`confDOMAIN_NAME', `{site.mail_host}')dnl
define(`confCACERT_PATH', `/etc/mail/tls')dnl
define(`confCACERT', `/etc/mail/tls/testbed.pem')dnl
define(`confSERVER_CERT', `/etc/mail/tls/testbed.pem')dnl
define(`confSERVER_KEY', `/etc/mail/tls/testbed.key')dnl
define(`confAUTH_MECHANISMS', `PLAIN LOGIN')dnl
TRUST_AUTH_MECH(`PLAIN LOGIN')dnl
define(`confAUTH_OPTIONS', `p,y')dnl
define(`confAUTH_REALM', `{site.domain}')dnl
FEATURE(`greet_pause', `{GREET_PAUSE_MS}')dnl
FEATURE(`nouucp', `reject')dnl
FEATURE(`no_default_msa')dnl
DAEMON_OPTIONS(`Family=inet, Name=MTA, Port=25, Addr={ip}, M=A')dnl
DAEMON_OPTIONS(`Family=inet, Name=MSA, Port=587, Addr={ip}, M=Ea')dnl
DAEMON_OPTIONS(`Family=inet, Name=SMTPS, Port=465, Addr={ip}, M=s')dnl
LOCAL_RULESETS
SLocal_check_rcpt
R$*	$#error $@ 5.7.1 $: "550 the test bed delivers nothing"
MAILER(`local')dnl
MAILER(`smtp')dnl
"""


def files(site: Scenario) -> dict[str, str | bytes]:
    assert site.cert is not None
    return {"/etc/mail/testbed.mc": _mc(site),
            "/etc/mail/testbed.switch": "hosts files\naliases files\n",
            "/etc/mail/tls/testbed.pem": site.cert.cert.read_bytes(),
            "/etc/mail/tls/testbed.key": site.cert.key.read_bytes(),
            "/etc/sasl2/Sendmail.conf": "pwcheck_method: auxprop\nauxprop_plugin: sasldb\n"
                                        "mech_list: PLAIN LOGIN\n"}


SCRIPT = """
chmod 600 /etc/mail/tls/testbed.key
chmod 755 /etc/mail/tls
m4 /etc/mail/testbed.mc > /etc/mail/testbed.cf
mkdir -p /var/lib/sendmail/host_status
(exec /usr/sbin/sendmail -bD -C /etc/mail/testbed.cf) &
"""
