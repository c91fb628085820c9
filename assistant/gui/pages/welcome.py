"""ようこそ: what the assistant will do, whose settings are loaded, the language."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QRadioButton, QWidget

from assistant import __version__
from assistant.gui.flow import Page
from assistant.gui.pages.base import BasePage, wrapping_label
from assistant.gui.state import WizardState


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
        self.large_font = QCheckBox(self)
        self.large_font.setChecked(state.large_font)

        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.japanese)
        row.addWidget(self.english)
        row.addStretch(1)
        for widget in (self.intro, self.steps, self.profile_label):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.large_font)
        self.language_label.setBuddy(self.japanese)
        self.japanese.toggled.connect(self._language_toggled)
        self.large_font.toggled.connect(self._large_font_toggled)
        self.finish_layout()

    def _language_toggled(self, japanese: bool) -> None:
        wizard = self.wizard_()
        if wizard is not None:
            wizard.set_language("ja" if japanese else "en")

    def _large_font_toggled(self, on: bool) -> None:
        wizard = self.wizard_()
        if wizard is not None:
            wizard.large_font_toggled(on)

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
        self.large_font.setText(self.tr("Larger text"))
        self.large_font.setAccessibleName(self.tr("Larger text"))

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
        ])
