"""Start of the GUI: one QApplication, Qt's and the wizard's translations, the loaded profile."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from assistant.embedded import (
    emit_smoke_report,
    single_instance_mutex,
    smoke_quit_after_ms,
    smoke_report,
)
from assistant.errors import AssistantError
from assistant.gui.backend import Backend
from assistant.gui.flow import Page
from assistant.gui.state import Options, WizardState, shared_pc_mode
from assistant.gui.translations import Translations
from assistant.gui.wizard import MailWizard

if TYPE_CHECKING:
    from assistant.profile import SettingsProfile

log = logging.getLogger(__name__)


def load_settings_profile(
        path: Path | None) -> tuple[Path | None, SettingsProfile | None, AssistantError | None]:
    """The profile named on the command line, else the one built into the bundle:
    (its path, the profile or None, the error that kept it from loading or None)."""
    from assistant.embedded import embedded_profile_path

    chosen = path or embedded_profile_path()
    if chosen is None:
        return None, None, None
    from assistant.profile import load_profile

    try:
        return chosen, load_profile(chosen), None
    except AssistantError as error:
        return chosen, None, error


def no_display() -> bool:
    """Linux/BSD without X11 or Wayland and no other Qt platform chosen: Qt would abort with a
    misleading "xcb-cursor0 … reinstall" message, so say plainly what is missing instead."""
    import os

    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def volunteer_options(dns_server: str | None, ca_file: str | None) -> Options:
    """The checks' network from the volunteer's ``--dns-server``/``--ca-file``, checked now
    (ValidationError ``dns_server.*`` / ``ca_file.*``) rather than on the server page. Only a
    given option imports the network layer: a member's start needs neither."""
    if dns_server is not None:
        from assistant.net.resolve import parse_dns_server

        parse_dns_server(dns_server)
    if ca_file is not None:
        from assistant.net.tls import load_ca_file

        load_ca_file(Path(ca_file))
    return Options(dns_server=dns_server, ca_file=Path(ca_file) if ca_file else None)


def remembered_large_text() -> bool:
    """The text size the member chose on this computer last time."""
    from assistant.gui.looks import LARGER
    from assistant.machine_settings import load_machine_settings

    return load_machine_settings().text_scale >= LARGER


def remembered_shared_pc() -> bool | None:
    """Whether a volunteer said this is a shared church PC (None: nobody said)."""
    from assistant.machine_settings import load_machine_settings

    return load_machine_settings().shared_pc


def practice_backend() -> Backend:
    from assistant.gui.practice import PracticeBackend  # the core's result classes: --demo only

    return PracticeBackend()


def run_gui(profile: str | None, lang: str, volunteer: bool, dns_server: str | None = None,
            ca_file: str | None = None, demo: bool = False, shared_pc: bool = False) -> int:
    try:
        options = volunteer_options(dns_server, ca_file)
    except AssistantError as bad_option:
        from assistant.exit_codes import EXIT_USAGE
        from assistant.messages import text

        print(text(bad_option, lang), file=sys.stderr)
        return EXIT_USAGE
    if no_display() and QApplication.instance() is None:
        from assistant.exit_codes import EXIT_FAILED
        from assistant.messages import text

        print(text("cli.no_display", lang), file=sys.stderr)
        return EXIT_FAILED
    single_instance_mutex()  # Windows: the installer refuses to run while this exists
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("mail-assistant")  # the window icon follows the first page
    translations = Translations()
    translations.install(lang)
    path, loaded, error = load_settings_profile(Path(profile) if profile else None)
    if error is not None:
        log.warning("profile not loaded: %s", error)  # codes and file position, no secrets
    options.profile_path = path
    state = WizardState(lang=lang, volunteer=volunteer, profile=loaded, profile_error=error,
                        options=options, large_font=remembered_large_text(), practice=demo)
    state.shared_pc, state.shared_pc_source = shared_pc_mode(shared_pc, remembered_shared_pc(),
                                                             loaded)
    wizard = MailWizard(state, translations, practice_backend() if demo else None)
    wizard.show()
    quit_after = smoke_quit_after_ms()  # start checks of the frozen bundle and the benchmark
    if quit_after is not None:
        def report() -> None:
            page = Page(wizard.currentId()).name.lower()
            emit_smoke_report(smoke_report(page, wizard.currentPage().title(),
                                           state.organisation()))
            app.quit()

        QTimer.singleShot(quit_after, report)
    status = int(app.exec())
    wizard.shut_down()
    return status
