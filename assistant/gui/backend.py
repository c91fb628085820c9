"""The wizard's only door into the core: probe, login check, client writers and exports.

Pages never import the core's network or writer modules themselves; they call a
:class:`Backend`. The screenshots use a subclass with canned results, so every page can be
drawn without a server.

The core is not imported with this module: it costs more than the whole first page (DNS,
IMAP and TLS libraries), so the wizard imports it in small steps while the member reads the
first page (:data:`CORE_MODULES`, :class:`assistant.gui.warmup.Warmup`). Whatever the
warm-up has not reached yet, :meth:`Backend.prepare` imports on the UI thread before a task
starts: importing it lazily inside the first probe's worker made that thread fight the page
switch for the GIL and the import lock (a measured 40–80 ms stall of the UI).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.clients.exports import ExportSettings
    from assistant.clients.report import ApplyReport
    from assistant.clients.thunderbird.handover import Handover
    from assistant.clients.thunderbird.inventory import ProfileEntry
    from assistant.clients.thunderbird.remove import RemoveReport
    from assistant.login import LoginResult
    from assistant.probe import ProbeEvent, ProbeReport
    from assistant.probe.model import EndpointResult
    from assistant.profile import SettingsProfile
    from assistant.settings import Account
    from assistant.wizard.checks import LoginCheckInput, ServerCheckInput

# What the methods below import, in steps of roughly 5–35 ms each (lowest layer first, so
# that no single step drags in everything).
CORE_MODULES = (
    "assistant.net",
    "assistant.login",
    "assistant.discovery",
    "assistant.probe",
    "assistant.clients.thunderbird",
    "assistant.clients.outlook",
    "assistant.clients.exports",
    "assistant.wizard.checks",
    "assistant.profile_trust",
)


def member_name(account: Account) -> str:
    """Her profile's name on a shared PC: her name, or with her address when another
    person's profile already has that name (two members named alike must not share one)."""
    from assistant.clients.thunderbird.inventory import inventory

    name = account.display_name or account.email.display
    taken = [a.email.lower() for p in inventory() if p.member and p.name == name
             for a in p.accounts]
    if any(email != account.email.ascii.lower() for email in taken):
        return f"{name} ({account.email.display})"
    return name


class Backend:
    """Calls the real core; every method may block and is only called from a pool thread,
    except the quick local checks (``*_installed``, ``thunderbird_profile``, ``in_use``)
    and the local file writers."""

    def prepare(self) -> None:
        """Import the core now (UI thread, before a task starts); a no-op once imported."""
        for name in CORE_MODULES:
            importlib.import_module(name)

    def probe(self, check: ServerCheckInput, on_event: Callable[[ProbeEvent], None],
              cancel: threading.Event) -> ProbeReport:
        from assistant.wizard.checks import probe_servers

        return probe_servers(check, on_event, cancel)

    def check_login(self, check: LoginCheckInput, endpoint: EndpointResult,
                    cancel: threading.Event) -> LoginResult:
        from assistant.wizard.checks import log_in

        return log_in(check, endpoint, cancel)

    def thunderbird_installed(self) -> bool:
        from assistant.clients import thunderbird

        return thunderbird.thunderbird_installed()

    def thunderbird_profile(self, explicit: Path | None) -> Path | None:
        from assistant.clients import thunderbird

        return thunderbird.find_profile(explicit)

    def thunderbird_in_use(self, profile_dir: Path) -> bool:
        from assistant.clients import thunderbird

        return thunderbird.profile_in_use(profile_dir)

    def apply_thunderbird(self, account: Account, profile_dir: Path | None,
                          handover: Handover | None = None) -> ApplyReport:
        """Write the account and hand over the password and pins. On a shared PC (without an
        explicit profile folder) into the member's own profile, made and registered under
        her name, as ``apply --shared-pc`` does."""
        from assistant.clients import thunderbird

        member = None
        if handover is not None and handover.shared_pc and profile_dir is None:
            from assistant.clients.thunderbird.member_profiles import member_profile

            member = member_profile(member_name(account), email=account.email.ascii)
            profile_dir = member.path
        report = thunderbird.apply_account(account, profile_dir, handover=handover)
        if member is not None:
            report.profile_name = member.name
        return report

    def open_thunderbird(self, profile_dir: Path | None, member: str | None) -> None:
        """Start Thunderbird detached: a member's profile by its name, else the folder."""
        from assistant.clients.thunderbird.launch import open_thunderbird

        if member is not None:
            open_thunderbird(member=member)
        else:
            open_thunderbird(profile=profile_dir)

    def thunderbird_inventory(self, explicit: Path | None) -> list[ProfileEntry]:
        """The accounts and member profiles this PC's Thunderbird holds (``explicit``: only
        that profile folder, as ``--thunderbird-profile`` gives it)."""
        from assistant.clients.thunderbird.inventory import inventory, profile_entry

        if explicit is not None:
            return [profile_entry(explicit)] if explicit.is_dir() else []
        return inventory()

    def remove_thunderbird_account(self, profile_dir: Path, email: str,
                                   whole_profile: bool) -> RemoveReport:
        from assistant.clients.thunderbird.remove import remove_account

        return remove_account(profile_dir, email, whole_profile=whole_profile)

    def outlook_installed(self) -> bool:
        from assistant.clients import outlook

        return outlook.outlook_installed()

    def apply_outlook(self, account: Account, output_dir: Path | None) -> ApplyReport:
        from assistant.clients import outlook

        return outlook.apply_outlook(account, output_dir)

    def write_export(self, fmt: str, subject: Account | SettingsProfile | ExportSettings,
                     output: Path, lang: str,
                     profile: SettingsProfile | None = None) -> Path:
        """``subject``: an Account or a SettingsProfile. With an Account, the church's
        ``profile`` adds its name, contact and notes (as the command line's export does)."""
        from assistant.clients import exports
        from assistant.settings import Account

        if isinstance(subject, Account) and profile is not None:
            subject = exports.ExportSettings.from_account(subject, profile)
        from assistant.gui.sheet_pdf import render_pdf

        return exports.write_export(fmt, subject, output, lang, pdf=render_pdf)
