"""What each site of tests/testbed/compat.py was set up to offer, for the compat tests."""

from __future__ import annotations

# The mechanism a login check uses inside TLS, per site and protocol.
MECHANISM = {
    "courier": {"imap": "PLAIN", "pop3": "USER", "smtp": "PLAIN"},  # POP3AUTH="" (Debian)
    "cyrus": {"imap": "PLAIN", "pop3": "PLAIN", "smtp": "PLAIN"},
    "opensmtpd": {"smtp": "PLAIN"},
}
# check-login with --security none --allow-plaintext on a STARTTLS port: (result, code).
# No site takes a password without TLS, and none may be said to: the server's refusal is
# quoted (login.tls_required) or what was seen after STARTTLS is said (..._found).
PLAINTEXT = {
    "courier": {"imap": ("tls_required", "login.tls_required"),  # LOGINDISABLED
                "pop3": ("tls_required", "login.tls_required"),  # USER -> -ERR TLS required
                "smtp": ("tls_required", "login.tls_required_found")},
    "cyrus": {"imap": ("tls_required", "login.tls_required"),
              "pop3": ("tls_required", "login.tls_required_found"),  # no USER before STLS
              "smtp": ("tls_required", "login.tls_required_found")},
    "opensmtpd": {"smtp": ("tls_required", "login.tls_required_found")},
}
# Sites whose SMTP greeting is held back on purpose (Sendmail's greet_pause), in ms, per port.
GREET_PAUSE = {"cyrus": {587: 5000, 25: 5000}}
