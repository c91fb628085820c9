"""Exim 4 (Debian 12's exim4-daemon-light) as a careful admin sets up a submission server.

587 offers STARTTLS and AUTH only after it, 465 is implicit TLS with AUTH, 25 offers STARTTLS
and never AUTH. PLAIN and LOGIN check a `$6$` crypt hash from an lsearch file. Every RCPT is
refused: nothing is ever delivered. Runs in the foreground (`exim4 -bdf`).
"""

from __future__ import annotations

from tests.testbed.courier import crypt_sha512
from tests.testbed.model import Scenario

# Where the client logs in: TLS is up and the port is not 25.
_AUTH_HOSTS = "${if and{{!eq{$tls_in_cipher}{}}{!eq{$received_port}{25}}}{*}{}}"
_LOOKUP = "${lookup{%s}lsearch{/etc/exim4/testbed.passwd}{$value}{*}}"


def _config(site: Scenario) -> str:
    ip = site.ip
    return f"""\
primary_hostname = {site.mail_host}
local_interfaces = <; {ip}.25 ; {ip}.465 ; {ip}.587
daemon_smtp_ports = 25 : 465 : 587
tls_on_connect_ports = 465
tls_advertise_hosts = *
tls_certificate = /etc/exim4/testbed.pem
tls_privatekey = /etc/exim4/testbed.key
auth_advertise_hosts = {_AUTH_HOSTS}
host_lookup =
log_file_path = /var/log/exim4/%slog
log_selector = +smtp_connection +tls_cipher
acl_smtp_rcpt = refuse_all

begin acl
refuse_all:
  deny message = the test bed delivers nothing

begin authenticators
plain:
  driver = plaintext
  public_name = PLAIN
  server_prompts = :
  server_condition = ${{if crypteq{{$auth3}}{{{_LOOKUP % "$auth2"}}}}}
  server_set_id = $auth2
login:
  driver = plaintext
  public_name = LOGIN
  server_prompts = <| Username: | Password:
  server_condition = ${{if crypteq{{$auth2}}{{{_LOOKUP % "$auth1"}}}}}
  server_set_id = $auth1
"""


def files(site: Scenario) -> dict[str, str | bytes]:
    assert site.cert is not None
    passwd = "".join(f'"{u.login}": {{crypt}}{crypt_sha512(u.password)}\n'
                     for u in site.users.values())
    return {"/etc/exim4/exim4.conf": _config(site), "/etc/exim4/testbed.passwd": passwd,
            "/etc/exim4/testbed.pem": site.cert.cert.read_bytes(),
            "/etc/exim4/testbed.key": site.cert.key.read_bytes()}


SCRIPT = """
chown root:Debian-exim /etc/exim4/testbed.passwd /etc/exim4/testbed.key
chmod 640 /etc/exim4/testbed.passwd /etc/exim4/testbed.key
exim4 -bdf &
"""
