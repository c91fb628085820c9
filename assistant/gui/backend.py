"""The wizard's only door into the core: probe, login check, client writers and exports.

Pages never import the core's network or writer modules themselves; they call a
:class:`Backend`. The screenshots use a subclass with canned results, so every page can be
drawn without a server. The core is imported here, at start-up, on purpose: importing it
lazily on the first probe made a worker thread compete with the page switch for the GIL
(a measured 40–80 ms stall of the UI).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.clients import exports, outlook, thunderbird
from assistant.clients.report import ApplyReport
from assistant.gui.state import Options, Password
from assistant.login import LoginResult, check_login
from assistant.probe import ProbeEvent, ProbeOptions, ProbeReport, run_probe
from assistant.profile import SettingsProfile
from assistant.settings import Account, EmailAddress, Server


class Backend:
    """Calls the real core; every method may block and is only called from a pool thread,
    except the quick local checks (``*_installed``, ``thunderbird_profile``, ``in_use``)
    and the local file writers."""

    def probe(self, email: EmailAddress, options: Options, profile: SettingsProfile | None,
              on_event: Callable[[ProbeEvent], None], cancel: threading.Event) -> ProbeReport:
        probe_options = ProbeOptions(dns_server=options.dns_server, ca_file=options.ca_file,
                                     timeout=options.probe_timeout, profile=profile)
        return run_probe(email, probe_options, on_event=on_event, cancel=cancel)

    def check_login(self, server: Server, login: str, password: Password, options: Options, *,
                    trust_fingerprint: str | None, allow_plaintext: bool,
                    from_discovery: bool, cancel: threading.Event) -> LoginResult:
        return check_login(server, login, password.reveal(), ca_file=options.ca_file,
                           trust_fingerprint=trust_fingerprint,
                           allow_plaintext=allow_plaintext, dns_server=options.dns_server,
                           timeout=options.login_timeout, cancel=cancel,
                           from_discovery=from_discovery)

    def thunderbird_installed(self) -> bool:
        return thunderbird.thunderbird_installed()

    def thunderbird_profile(self, explicit: Path | None) -> Path | None:
        return thunderbird.find_profile(explicit)

    def thunderbird_in_use(self, profile_dir: Path) -> bool:
        return thunderbird.profile_in_use(profile_dir)

    def apply_thunderbird(self, account: Account, profile_dir: Path | None) -> ApplyReport:
        return thunderbird.apply_account(account, profile_dir)

    def outlook_installed(self) -> bool:
        return outlook.outlook_installed()

    def apply_outlook(self, account: Account, output_dir: Path | None) -> ApplyReport:
        return outlook.apply_outlook(account, output_dir)

    def write_export(self, fmt: str, subject: Any, output: Path, lang: str) -> Path:
        return exports.write_export(fmt, subject, output, lang)
