"""Cyrus IMAP/POP3 3.6 (Debian 12's packages) as a careful admin sets it up.

`allowplaintext: no` (no password before TLS: LOGINDISABLED, POP3 without USER), 993/995
implicit TLS, users in sasldb with virtual domains (login = the address), mailboxes made by
`autocreate_post` when the seed messages are delivered over LMTP. Debian's `popminpoll: 1`
refuses a second POP3 login of the same user within 60 s ("-ERR [LOGIN-DELAY] ..."): the
site "cyrus-gap" keeps it; "cyrus" sets 0, so tests may log a user in twice a minute.
The master runs in the foreground; Cyrus logs only to syslog, which the root does not run.
"""

from __future__ import annotations

from pathlib import Path

from tests.testbed.dovecot import seed_maildir
from tests.testbed.model import Scenario


def _imapd_conf(site: Scenario, popminpoll: int) -> str:
    return f"""\
configdirectory: /var/lib/cyrus
proc_path: /run/cyrus/proc
mboxname_lockpath: /run/cyrus/lock
defaultpartition: default
partition-default: /var/spool/cyrus/mail
servername: {site.mail_host}
virtdomains: userid
admins: cyrus
allowplaintext: no
popminpoll: {popminpoll}
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_mech_list: PLAIN LOGIN
tls_server_cert: /etc/cyrus/testbed.pem
tls_server_key: /etc/cyrus/testbed.key
autocreate_post: yes
autocreate_quota: 0
autocreate_inbox_folders: Church
lmtpsocket: /run/cyrus/socket/lmtp
idlesocket: /run/cyrus/socket/idle
notifysocket: /run/cyrus/socket/notify
hashimapspool: true
"""


_SERVICES = {("imap", 143): ("imap", "imapd"), ("imap", 993): ("imaps", "imapd -s"),
             ("pop3", 110): ("pop3", "pop3d"), ("pop3", 995): ("pop3s", "pop3d -s")}


def _cyrus_conf(site: Scenario) -> str:
    services = "".join(f'  {name} cmd="{cmd} -U 30" listen="{site.ip}:{e.port}" prefork=0 '
                       'maxchild=20\n' for e in site.endpoints
                       if (e.protocol, e.port) in _SERVICES
                       for name, cmd in [_SERVICES[e.protocol, e.port]])
    return ('START {\n  recover cmd="ctl_cyrusdb -r"\n}\nSERVICES {\n' + services +
            '  lmtpunix cmd="lmtpd" listen="/run/cyrus/socket/lmtp" prefork=0 maxchild=5\n'
            '}\nEVENTS {\n  checkpoint cmd="ctl_cyrusdb -c" period=30\n}\n')


def files(site: Scenario, upper: Path, popminpoll: int) -> tuple[dict[str, str | bytes], str]:
    """(files to write into the root, the script lines that load users and mail)."""
    assert site.cert is not None
    result: dict[str, str | bytes] = {
        "/etc/imapd.conf": _imapd_conf(site, popminpoll), "/etc/cyrus.conf": _cyrus_conf(site),
        "/etc/cyrus/testbed.pem": site.cert.cert.read_bytes(),
        "/etc/cyrus/testbed.key": site.cert.key.read_bytes(),
    }
    script = []
    for key, user in site.users.items():
        local, domain = user.login.split("@")
        result[f"/root/testbed/{key}.password"] = user.password
        script.append(f"saslpasswd2 -p -c -u {domain} {local} < /root/testbed/{key}.password")
        seeds = upper / "root" / "testbed" / key
        seed_maildir(seeds, user.email, 0, 0)
        inbox = sorted((seeds / "Maildir" / "cur").iterdir())
        church = sorted((seeds / "Maildir" / ".Church" / "cur").iterdir())
        script += [f"deliver -a {user.login} {user.login} < /root/testbed/{key}/Maildir/cur/"
                   f"{m.name}" for m in inbox]
        script += [f"deliver -a {user.login} -m Church {user.login} < "
                   f"/root/testbed/{key}/Maildir/.Church/cur/{m.name}" for m in church]
    return result, SCRIPT.replace("{users}", "\n".join(script))


SCRIPT = """
chown cyrus:mail /etc/cyrus/testbed.key
chmod 600 /etc/cyrus/testbed.key
mkdir -p /run/cyrus/proc /run/cyrus/lock /run/cyrus/socket
chown -R cyrus:mail /run/cyrus
deliver() { /usr/lib/cyrus/bin/deliver "$@"; }
(exec /usr/sbin/cyrmaster -D -l 32) &
while [ ! -S /run/cyrus/socket/lmtp ]; do sleep 0.05; done
{users}
chown root:sasl /etc/sasldb2
chmod 640 /etc/sasldb2

rm -rf /root/testbed
"""
