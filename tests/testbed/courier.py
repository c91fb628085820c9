"""Courier-IMAP and Courier-POP3 (Debian 12's packages) as a careful admin sets them up.

TLS is required before any login on 143 and 110 (IMAP_TLS_REQUIRED, POP3_TLS_REQUIRED;
`tls_required=False` is Debian's default, where both take a password unencrypted too),
993 and 995 are implicit TLS; users come from authlib's userdb with SHA-512 crypt hashes.
Debian's own configuration files are kept and only the lines an admin changes are appended;
the daemons run in the foreground (couriertcpd without courierlogger), logging to stderr.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.testbed.ca import CertPair
from tests.testbed.dovecot import seed_maildir
from tests.testbed.model import Scenario

MAIL_UID = MAIL_GID = 8  # Debian's "mail" account, present in every root


def crypt_sha512(password: str) -> str:
    """A `$6$` crypt(3) hash (openssl), as userdb, Exim, OpenSMTPD and shadow files take it."""
    return subprocess.run(["openssl", "passwd", "-6", "-stdin"], input=password.encode(),
                          check=True, capture_output=True).stdout.decode().strip()


def _settings(ip: str, tls_required: bool) -> dict[str, str]:
    tls = "TLS_CERTFILE=/etc/courier/testbed.pem\nTLS_CACHEFILE=\n"
    required = int(tls_required)
    return {
        "/etc/courier/imapd": f"ADDRESS={ip}\nIMAPDSTART=YES\n",
        "/etc/courier/imapd-ssl": f"SSLADDRESS={ip}\nIMAP_TLS_REQUIRED={required}\n{tls}",
        "/etc/courier/pop3d": f"ADDRESS={ip}\nPOP3DSTART=YES\n",
        "/etc/courier/pop3d-ssl": f"SSLADDRESS={ip}\nPOP3_TLS_REQUIRED={required}\n{tls}",
        "/etc/courier/authdaemonrc": 'authmodulelist="authuserdb"\n',
    }


def files(site: Scenario, upper: Path,
          tls_required: bool = True) -> tuple[dict[str, str | bytes], str]:
    """(files to write into the root, text appended to Debian's config files by the script)."""
    assert site.cert is not None
    userdb = []
    for user in site.users.values():
        local = user.login.split("@")[0]
        home = f"/var/mail/{local}"
        seed_maildir(upper / home.lstrip("/"), user.email, 0, 0)
        userdb.append(f"{user.login}\tuid={MAIL_UID}|gid={MAIL_GID}|home={home}|"
                      f"mail={home}/Maildir|systempw={crypt_sha512(user.password)}\n")
    appended = "".join(f"cat >> {path} <<'EOF'\n{text}EOF\n"
                       for path, text in _settings(site.ip, tls_required).items())
    return {"/etc/courier/userdb": "".join(userdb),
            "/etc/courier/testbed.pem": _pem(site.cert)}, appended


def _pem(cert: CertPair) -> bytes:
    return cert.key.read_bytes() + cert.cert.read_bytes()


# couriertcpd per port, as Debian's init scripts start them, minus courierlogger's daemon mode.
_TCPD = "exec couriertcpd -maxprocs=40 -maxperip=40 -nodnslookup -noidentlookup"
_IMAP = "/usr/lib/courier/courier/imaplogin /usr/bin/imapd Maildir"
_POP3 = "/usr/lib/courier/courier/courierpop3login /usr/lib/courier/courier/courierpop3d Maildir"
SCRIPT = f"""
chmod 600 /etc/courier/userdb /etc/courier/testbed.pem
chown courier /etc/courier/testbed.pem
makeuserdb
chown -R mail:mail /var/mail
mkdir -p /run/courier/authdaemon
(set -a; . /etc/courier/authdaemonrc; exec /usr/lib/courier/courier-authlib/authdaemond) &
while [ ! -S /run/courier/authdaemon/socket ]; do sleep 0.05; done
(set -a; . /etc/courier/imapd; . /etc/courier/imapd-ssl; IMAP_STARTTLS=$IMAPDSTARTTLS
 {_TCPD} -address=$ADDRESS $PORT {_IMAP}) &
(set -a; . /etc/courier/imapd; . /etc/courier/imapd-ssl; IMAP_TLS=1
 {_TCPD} -address=$SSLADDRESS $SSLPORT $COURIERTLS -server -tcpd -user=courier {_IMAP}) &
(set -a; . /etc/courier/pop3d; . /etc/courier/pop3d-ssl
 {_TCPD} -address=$ADDRESS $PORT {_POP3}) &
(set -a; . /etc/courier/pop3d; . /etc/courier/pop3d-ssl; POP3_TLS=1; POP3_STARTTLS=NO
 POP3_TLS_REQUIRED=0
 {_TCPD} -address=$SSLADDRESS $SSLPORT $COURIERTLS -server -tcpd -user=courier {_POP3}) &
"""
