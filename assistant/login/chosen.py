"""The login check of the chosen servers, only once nothing is left to agree to.

The one place where the wizard sends the member's password to servers the probe found:
:func:`check_chosen` refuses (``consent.required`` / ``consent.certificate_required``) while
:class:`~assistant.probe.choose.ChosenServers` still lists a consent or a certificate
decision, so a page that forgot to ask cannot send it anyway. A pinned certificate is
checked against its pin on the wire.
"""

from __future__ import annotations

import threading
from pathlib import Path

from assistant.errors import AssistantError
from assistant.login.check import check_login
from assistant.login.result import LoginResult
from assistant.probe.choose import ChosenServers
from assistant.secret import Secret


def check_chosen(chosen: ChosenServers, login: str, password: str | Secret, *,
                 ca_file: Path | None = None, dns_server: str | None = None,
                 allow_plaintext: bool = False, timeout: float = 30.0,
                 cancel: threading.Event | None = None,
                 from_discovery: bool = True) -> list[LoginResult]:
    """One login check per chosen endpoint (incoming first), each with its pin if any."""
    for request in chosen.consents_needed:
        raise AssistantError("consent.required", host=request.shown, reason=str(request.reason))
    for certificate in chosen.certificates_needed:
        raise AssistantError("consent.certificate_required", host=certificate.host,
                             port=certificate.port, fingerprint=certificate.fingerprint)
    pins = {(p.host, p.port): p.sha256 for p in chosen.pins}
    return [check_login(r.to_server(), login, password, ca_file=ca_file,
                        trust_fingerprint=pins.get((r.host, r.port)),
                        allow_plaintext=allow_plaintext, dns_server=dns_server,
                        timeout=timeout, cancel=cancel, from_discovery=from_discovery)
            for r in chosen.chosen]
