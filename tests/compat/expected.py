"""What each site of tests/testbed/compat.py was set up to offer, for the compat tests."""

from __future__ import annotations

# The mechanism a login check uses inside TLS, per site and protocol.
MECHANISM = {
    "courier": {"imap": "PLAIN", "pop3": "USER", "smtp": "PLAIN"},
}
# check-login with --security none --allow-plaintext on a STARTTLS port: (result, code).
# No site takes a password without TLS, and none may be said to.
PLAINTEXT = {
    "courier": {"imap": ("tls_required", "login.tls_required"),
                "pop3": ("tls_required", "login.tls_required"),
                "smtp": ("tls_required", "login.tls_required_found")},
}
