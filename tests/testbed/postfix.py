"""One Postfix instance for all scenarios: per-address smtpd listeners in master.cf.

Why no delivery can happen: there is no SMTP client transport, every transport is `error`,
and RCPT TO is always rejected; tests reach AUTH and stop. SASL goes to Dovecot's socket.
"""

from __future__ import annotations

import grp
import os
import pwd
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.testbed.ca import CertPair
from tests.testbed.procs import Daemon, require

_INTERNAL = """\
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"""


@dataclass(frozen=True)
class SmtpSite:
    """What Postfix needs to know about one scenario."""

    ip: str
    hostname: str
    ports: dict[int, str]  # port -> "tls" | "starttls" | "none"
    cert: CertPair | None


def _listener(site: SmtpSite, port: int, security: str) -> str:
    opts = [f"myhostname={site.hostname}"]
    if site.cert is not None:
        opts += [f"smtpd_tls_cert_file={site.cert.cert}", f"smtpd_tls_key_file={site.cert.key}"]
    if port == 25:  # relay port: no AUTH, STARTTLS offered when the site has TLS
        opts += ["smtpd_sasl_auth_enable=no",
                 f"smtpd_tls_security_level={'may' if site.cert else 'none'}"]
    elif security == "tls":
        opts += ["smtpd_tls_wrappermode=yes", "smtpd_sasl_auth_enable=yes"]
    elif security == "starttls":
        opts += ["smtpd_tls_security_level=encrypt", "smtpd_sasl_auth_enable=yes",
                 "smtpd_tls_auth_only=yes"]
    else:  # legacy submission: plaintext AUTH, no TLS
        opts += ["smtpd_tls_security_level=none", "smtpd_sasl_auth_enable=yes",
                 "smtpd_tls_auth_only=no"]
    flags = "\n".join(f"  -o {o}" for o in opts)
    return f"{site.ip}:{port} inet n - n - - smtpd\n{flags}\n"


def write_config(directory: Path, sites: list[SmtpSite], auth_socket: Path,
                 default_cert: CertPair) -> Path:
    """main.cf, master.cf and the queue/data directories; returns the config directory."""
    conf = directory / "conf"
    queue = directory / "queue"
    data = directory / "data"
    for d in (conf, queue, data):
        d.mkdir(parents=True, exist_ok=True)
    os.chown(data, pwd.getpwnam("postfix").pw_uid, grp.getgrnam("postfix").gr_gid)
    (conf / "main.cf").write_text(f"""\
compatibility_level = 3.6
queue_directory = {queue}
data_directory = {data}
mail_owner = postfix
setgid_group = postdrop
myhostname = {sites[0].hostname}
mydomain = {sites[0].hostname.split(".", 1)[1]}
myorigin = $myhostname
mydestination =
mynetworks = 127.0.0.1/32
inet_interfaces = loopback-only
inet_protocols = ipv4
relayhost =
default_transport = error:5.7.1 test bed delivers nothing
local_transport = error:5.7.1 test bed delivers nothing
relay_transport = error:5.7.1 test bed delivers nothing
virtual_transport = error:5.7.1 test bed delivers nothing
smtpd_relay_restrictions = reject
smtpd_recipient_restrictions = reject
alias_maps =
alias_database =
biff = no
smtpd_banner = $myhostname ESMTP test bed
smtpd_sasl_type = dovecot
smtpd_sasl_path = {auth_socket}
smtpd_sasl_auth_enable = no
smtpd_tls_cert_file = {default_cert.cert}
smtpd_tls_key_file = {default_cert.key}
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_tls_loglevel = 0
# Never look client addresses up: a PTR query would go to the system resolver, off the machine.
smtpd_peername_lookup = no
smtp_dns_support_level = disabled
maillog_file = {directory / "postfix.log"}
maillog_file_prefixes = {directory}
""")
    listeners = []
    for site in sites:
        for port, security in sorted(site.ports.items()):
            listeners.append(_listener(site, port, security))
    (conf / "master.cf").write_text("".join(listeners) + _INTERNAL)
    for name in ("main.cf", "master.cf"):  # Postfix waits on files modified within 1 s
        os.utime(conf / name, (time.time() - 10, time.time() - 10))
    _queue_dirs(queue)
    return conf


def _queue_dirs(queue: Path) -> None:
    """What `postfix check` would create, made directly (it takes ~3 s)."""
    postfix_uid = pwd.getpwnam("postfix").pw_uid
    postdrop_gid = grp.getgrnam("postdrop").gr_gid
    for name in ("active", "bounce", "corrupt", "defer", "deferred", "flush", "hold",
                 "incoming", "private", "saved", "trace"):
        (queue / name).mkdir(mode=0o700)
        os.chown(queue / name, postfix_uid, 0)
    for name, mode in (("maildrop", 0o730), ("public", 0o710)):
        (queue / name).mkdir()
        os.chmod(queue / name, mode)
        os.chown(queue / name, postfix_uid, postdrop_gid)
    (queue / "pid").mkdir(mode=0o755)


def start(conf: Path) -> Daemon:
    """The master daemon in the foreground (-d), its own process group."""
    daemon_dir = subprocess.run([require("postconf"), "-h", "daemon_directory"], check=True,
                                capture_output=True, text=True).stdout.strip()
    return Daemon("postfix", [f"{daemon_dir}/master", "-d", "-c", str(conf)],
                  conf.parent / "postfix.stdout.log")
