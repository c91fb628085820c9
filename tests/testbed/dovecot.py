"""One Dovecot instance for all scenarios: per-address listeners and `local` blocks.

Why one instance: Dovecot's `local IP { }` blocks give each scenario its own certificate,
TLS on/off and plaintext-auth rule, so one master (and one auth socket for Postfix) suffices.
"""

from __future__ import annotations

import base64
import grp
import hashlib
import os
import pwd
import time
from dataclasses import dataclass
from pathlib import Path

from tests.testbed.ca import CertPair
from tests.testbed.procs import Daemon, require


@dataclass(frozen=True)
class MailSite:
    """What Dovecot needs to know about one scenario."""

    ip: str
    imap: dict[int, str]  # port -> "tls" | "starttls" | "none"
    pop3: dict[int, str]
    cert: CertPair | None  # None: TLS is not offered at all on this address
    plaintext_without_tls: bool


@dataclass(frozen=True)
class Mailbox:
    """One passwd-file user."""

    login: str
    password: str
    email: str


def _hash(password: str) -> str:
    digest = hashlib.sha512(password.encode()).digest()
    return "{SHA512.b64}" + base64.b64encode(digest).decode()


def _message(n: int, to: str, subject: str, body: str) -> bytes:
    return (f"From: Church Office <office@church.test>\r\nTo: {to}\r\n"
            f"Subject: {subject}\r\nMessage-ID: <seed{n}.{to}>\r\n"
            f"Date: Sun, 1 Nov 2026 10:0{n}:00 +0900\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n"
            f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n").encode()


def seed_maildir(home: Path, email: str, uid: int, gid: int) -> None:
    """INBOX with two messages, folder "Church" with one (Maildir++ layout)."""
    seeds = {
        "": [("=?UTF-8?B?5pel5puc56S85oud44Gu44GK55+l44KJ44Gb?=", "日曜礼拝は10時半からです。"),
             ("Bulletin", "This week's bulletin.")],
        ".Church": [("Choir practice", "Choir practice on Saturday.")],
    }
    n = 0
    for folder, messages in seeds.items():
        base = home / "Maildir" / folder if folder else home / "Maildir"
        for sub in ("cur", "new", "tmp"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        for subject, body in messages:
            n += 1
            (base / "cur" / f"{1700000000 + n}.M{n}P1.testbed:2,S").write_bytes(
                _message(n, email, subject, body))
    (home / "Maildir" / "subscriptions").write_text("Church\n")
    for root, dirs, files in os.walk(home):
        os.chown(root, uid, gid)
        for name in dirs + files:
            os.chown(os.path.join(root, name), uid, gid)


def mail_ids() -> tuple[int, int]:
    """uid/gid owning the mailboxes: an unprivileged account that always exists."""
    return pwd.getpwnam("nobody").pw_uid, grp.getgrnam("nogroup").gr_gid


def _listeners(sites: list[MailSite], protocol: str, names: dict[str, str]) -> str:
    blocks = []
    for kind, lname in names.items():
        addrs: dict[int, list[str]] = {}
        for site in sites:
            for port, sec in getattr(site, protocol).items():
                if (sec == "tls") == (kind == "tls"):
                    addrs.setdefault(port, []).append(site.ip)
        ssl = "yes" if kind == "tls" else "no"
        for i, (port, ips) in enumerate(sorted(addrs.items())):
            # The first keeps the built-in listener's name so that one is not left on its port.
            name = lname if i == 0 else f"{lname}{i}"
            blocks.append(f"  inet_listener {name} {{\n    address = {', '.join(ips)}\n"
                          f"    port = {port}\n    ssl = {ssl}\n  }}\n")
        if not addrs:
            blocks.append(f"  inet_listener {lname} {{\n    port = 0\n  }}\n")
    return "".join(blocks)


def write_config(directory: Path, sites: list[MailSite], boxes: list[Mailbox],
                 default_cert: CertPair) -> Path:
    """dovecot.conf + passwd file + seeded mailboxes under `directory`; returns the conf."""
    uid, gid = mail_ids()
    directory.mkdir(parents=True, exist_ok=True)
    homes = directory / "homes"
    homes.mkdir(exist_ok=True)
    os.chmod(homes, 0o755)
    lines = []
    for box in boxes:
        home = homes / box.login
        seed_maildir(home, box.email, uid, gid)
        lines.append(f"{box.login}:{_hash(box.password)}:{uid}:{gid}::{home}::\n")
    passwd = directory / "passwd"
    passwd.write_text("".join(lines))
    os.chmod(passwd, 0o644)
    locals_ = []
    for site in sites:
        body = [f"  disable_plaintext_auth = {'no' if site.plaintext_without_tls else 'yes'}"]
        if site.cert is None:
            body.append("  ssl = no")
        else:
            body += [f"  ssl_cert = <{site.cert.cert}", f"  ssl_key = <{site.cert.key}"]
        locals_.append(f"local {site.ip} {{\n" + "\n".join(body) + "\n}\n")
    run = directory / "run"
    conf = directory / "dovecot.conf"
    conf.write_text(f"""\
protocols = imap pop3
listen = {sites[0].ip}
base_dir = {run}
state_dir = {directory / "state"}
instance_name = testbed-{os.getpid()}-{time.monotonic_ns()}
log_path = {directory / "dovecot.log"}
default_login_user = dovenull
default_internal_user = dovecot
ssl = yes
ssl_cert = <{default_cert.cert}
ssl_key = <{default_cert.key}
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login
# Tests check wrong passwords often; the 2 s default delay would only slow them down.
auth_failure_delay = 0
# Postfix's auth requests: smtpd_tls_auth_only decides there, so allow plaintext mechanisms.
disable_plaintext_auth = no
login_trusted_networks =
mail_location = maildir:~/Maildir
first_valid_uid = {uid}
last_valid_uid = {uid}
mail_uid = {uid}
mail_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=SHA512.b64 {passwd}
}}
userdb {{
  driver = passwd-file
  args = {passwd}
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
{_listeners(sites, "imap", {"plain": "imap", "tls": "imaps"})}}}
service pop3-login {{
{_listeners(sites, "pop3", {"plain": "pop3", "tls": "pop3s"})}}}
service auth {{
  unix_listener auth-postfix {{
    mode = 0666
  }}
}}
# No auth penalty (2..15 s delay after a failed login from the same IP, and every test
# connects from 127.0.0.1): the auth process is denied the anvil penalty socket.
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service stats {{
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
{"".join(locals_)}""")
    return conf


def start(conf: Path) -> Daemon:
    """Run Dovecot in the foreground (-F) so its process group is ours to stop."""
    return Daemon("dovecot", [require("dovecot"), "-F", "-c", str(conf)],
                  conf.parent / "dovecot.stdout.log")


def auth_socket(conf: Path) -> Path:
    """The auth socket Postfix's smtpd uses for SASL."""
    return conf.parent / "run" / "auth-postfix"
