"""ようこそ: what the assistant will do, whose settings are loaded, the language, and whether
this is a shared church PC (shown to everyone; only a volunteer changes it, and the choice is
remembered for the PC)."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QRadioButton, QWidget

from assistant import __version__
from assistant.gui.flow import Page
from assistant.gui.pages.base import BasePage, wrapping_label
from assistant.gui.state import SharedPcSource, WizardState

log = logging.getLogger(__name__)


class WelcomePage(BasePage):
    page_id = Page.WELCOME

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.intro = wrapping_label(self, selectable=False)
        self.steps = wrapping_label(self, selectable=False)
        self.profile_label = wrapping_label(self)  # the contact, to copy
        self.language_label = QLabel(self)
        # Language names are shown in their own language, never translated.
        self.japanese = QRadioButton("日本語", self)
        self.english = QRadioButton("English", self)
        self.japanese.setAccessibleName("日本語")
        self.english.setAccessibleName("English")
        self.languages = QButtonGroup(self)
        self.languages.addButton(self.japanese)
        self.languages.addButton(self.english)
        (self.english if state.lang == "en" else self.japanese).setChecked(True)
        self.shared_pc = QCheckBox(self)
        self.shared_pc.setChecked(state.shared_pc)
        self.shared_pc.setEnabled(state.volunteer)
        self.shared_pc_note = wrapping_label(self, selectable=False)

        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.japanese)
        row.addWidget(self.english)
        row.addStretch(1)
        for widget in (self.intro, self.steps, self.profile_label):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.shared_pc)
        self.body.addWidget(self.shared_pc_note)
        self.language_label.setBuddy(self.japanese)
        self.shared_pc.toggled.connect(self._shared_pc_toggled)
        self.japanese.toggled.connect(self._language_toggled)
        self.finish_layout()

    def _language_toggled(self, japanese: bool) -> None:
        wizard = self.wizard_()
        if wizard is not None:
            wizard.set_language("ja" if japanese else "en")

    def _shared_pc_toggled(self, on: bool) -> None:
        """A volunteer changed the PC's mode: it counts from now on and is remembered."""
        if on == self.state.shared_pc:
            return
        self.state.shared_pc = on
        self.state.shared_pc_source = SharedPcSource.MACHINE
        remember_shared_pc(on)
        self.retranslate()
        self.refresh_details()

    def set_volunteer(self, on: bool) -> None:
        self.shared_pc.setEnabled(on)
        self.retranslate()
        super().set_volunteer(on)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("This assistant sets up your church e-mail on this computer."))
        self.intro.setText(self.tr(
            "You need your e-mail address and its password. Everything else is found and "
            "checked for you. Press Next (or Enter) to go on; you can go back at any time."))
        self.steps.setText(self.tr(
            "1. Choose how mail is kept (IMAP is recommended).\n"
            "2. Enter your name, address and password.\n"
            "3. The assistant finds the church's mail server and checks the connection.\n"
            "4. It tests your password for receiving and for sending.\n"
            "5. It writes the settings into Thunderbird or Outlook, or prints them."))
        if self.state.profile is not None:
            contact = self.state.profile.contact.phone_and_email()
            text = self.tr("Settings loaded for: {organisation}").format(
                organisation=self.state.organisation())
            if contact:
                text += "\n" + self.tr("Questions: {contact}").format(contact=contact)
        else:
            text = self.tr("No church settings file is loaded: the mail server will be found "
                           "automatically from your address.")
        if self.state.profile_error is not None:
            from assistant.messages import text as message_text  # only for this rare message

            text = self.tr("The church settings file could not be read: {reason}").format(
                reason=message_text(self.state.profile_error, self.state.lang)) + "\n" + text
        self.profile_label.setText(text)
        self.profile_label.setAccessibleName(self.tr("Loaded settings"))
        self.language_label.setText(self.tr("Language:"))
        self.shared_pc.setText(self.tr("This is a shared church computer"))
        self.shared_pc.setAccessibleName(self.shared_pc.text())
        note = self.tr(
            "Shared computer: each person gets a Thunderbird of her own, Thunderbird asks "
            "which person is using it at every start, and no password is stored."
        ) if self.state.shared_pc else self.tr(
            "Personal computer: the password can be stored so that Thunderbird asks nothing.")
        if not self.state.volunteer:
            note += "\n" + self.tr("(A volunteer can change this in volunteer mode.)")
        self.shared_pc_note.setText(note)

    def details_text(self) -> str:
        import platform  # only for the volunteer's panel: not worth importing at start

        return "\n".join([
            self.tr("Version: {version}").format(version=__version__),
            f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
            self.tr("Settings file: {path}").format(path=self.state.options.profile_path or "-"),
            self.tr("DNS server: {server}").format(
                server=self.state.options.dns_server or self.tr("the computer's own")),
            self.tr("Additional certificate authority file: {path}").format(
                path=self.state.options.ca_file or "-"),
            self.tr("Shared computer: {shared} (set by: {source})").format(
                shared=self.yes_no(self.state.shared_pc), source={
                    SharedPcSource.DEFAULT: self.tr("nobody yet"),
                    SharedPcSource.COMMAND_LINE: "--shared-pc",
                    SharedPcSource.MACHINE: self.tr("this computer's setting"),
                    SharedPcSource.PROFILE: self.tr("the church settings file"),
                }[self.state.shared_pc_source]),
        ])


def remember_shared_pc(on: bool) -> None:
    """Keep the PC's mode in the assistant's own settings; a folder that cannot be written
    only means a volunteer sets it again next time."""
    from assistant.machine_settings import load_machine_settings, save_machine_settings

    try:
        save_machine_settings(replace(load_machine_settings(), shared_pc=on))
    except OSError as error:
        log.warning("shared-PC mode not remembered: %s", type(error).__name__)
