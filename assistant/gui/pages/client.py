"""メールソフト: Thunderbird or Outlook (installed ones marked), or only print/save the settings.

Writing happens when the member presses Next: it is quick local file work (never network),
and a failure keeps the member on this page with the reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QWidget,
)

from assistant.errors import AssistantError
from assistant.gui.backend import Backend
from assistant.gui.flow import Page, PageStatus
from assistant.gui.pages.base import BasePage, error_label, wrapping_label
from assistant.gui.state import ClientChoice, LoginOutcome, WizardState
from assistant.messages import text


class ClientPage(BasePage):
    page_id = Page.CLIENT

    def __init__(self, state: WizardState, backend: Backend,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.backend = backend
        self.checked = wrapping_label(self)  # what the two checks found, in one calm line
        self.intro = wrapping_label(self)
        self.thunderbird = QRadioButton(self)
        self.outlook = QRadioButton(self)
        self.sheet_only = QRadioButton(self)
        self.setCommitPage(True)  # after writing, going back would not undo anything
        self.group = QButtonGroup(self)
        for button in (self.thunderbird, self.outlook, self.sheet_only):
            self.group.addButton(button)
            self.body.addWidget(button)
        # Her consent to keep the password in Thunderbird's own encrypted store, so that
        # Thunderbird asks nothing; on a shared PC it is neither offered nor stored.
        self.save_password = QCheckBox(self)
        self.save_password.setChecked(state.save_password)
        self.save_password.toggled.connect(self._save_password_toggled)
        self.save_password_note = wrapping_label(self)
        self.body.addWidget(self.save_password)
        self.body.addWidget(self.save_password_note)
        self.running = error_label(self)
        self.recheck = QPushButton(self)
        self.recheck.setAutoDefault(False)
        self.recheck.hide()
        self.error = error_label(self)
        self.body.insertWidget(0, self.checked)
        self.body.insertWidget(1, self.intro)
        self.body.addWidget(self.running)
        row = QHBoxLayout()
        row.addWidget(self.recheck)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.error)
        self.body.addStretch(1)
        self.installed = {ClientChoice.THUNDERBIRD: False, ClientChoice.OUTLOOK: False}
        self.profile_dir: Path | None = None
        self._in_use = False
        self._problem: AssistantError | None = None
        self.group.buttonToggled.connect(self._toggled)
        self.recheck.clicked.connect(self._check_running)
        self.finish_layout()

    def initializePage(self) -> None:
        self.installed[ClientChoice.THUNDERBIRD] = self.backend.thunderbird_installed()
        self.installed[ClientChoice.OUTLOOK] = self.backend.outlook_installed()
        if self.installed[ClientChoice.THUNDERBIRD] or self.state.options.thunderbird_profile:
            choice = ClientChoice.THUNDERBIRD
        elif self.installed[ClientChoice.OUTLOOK]:
            choice = ClientChoice.OUTLOOK
        else:
            choice = ClientChoice.SHEET_ONLY
        with QSignalBlocker(self.group):  # _changed runs once, below
            self._button(choice).setChecked(True)
        self.error.hide()
        self.retranslate()
        self._changed()

    def _toggled(self, _button: QAbstractButton, on: bool) -> None:
        if on:  # the button switched off sends the same change just before
            self._changed()

    def _save_password_toggled(self, on: bool) -> None:
        self.state.save_password = on
        self._say_what_saving_means()

    def _say_what_saving_means(self) -> None:
        """Only the sentence for the box's state: both at once contradicted each other."""
        self.save_password_note.setText(self.tr(
            "Thunderbird then keeps it in its own locked password store and asks nothing. "
            "Untick this if other people use this computer.") if self.save_password.isChecked()
            else self.tr("Thunderbird will ask for the password each time it starts."))

    def _show_save_password(self) -> None:
        """Only for Thunderbird on her own PC, and only once the server accepted it."""
        offered = (self.state.client is ClientChoice.THUNDERBIRD and not self.state.shared_pc
                   and bool(self.state.password))
        self.save_password.setVisible(offered)
        self.save_password_note.setVisible(offered)

    def _button(self, choice: ClientChoice) -> QRadioButton:
        return {ClientChoice.THUNDERBIRD: self.thunderbird, ClientChoice.OUTLOOK: self.outlook,
                ClientChoice.SHEET_ONLY: self.sheet_only}[choice]

    def _changed(self) -> None:
        for choice in ClientChoice:
            if self._button(choice).isChecked():
                self.state.client = choice
        self.error.hide()
        self._show_save_password()
        self._check_running()

    def _check_running(self) -> None:
        """Thunderbird must be closed while its settings are written. When its profile list
        cannot be read or its lock cannot be judged, the core's message is shown and writing
        waits (Check again, or choose another way)."""
        self._in_use = False
        self._problem = None
        self.error.hide()
        if self.state.client is ClientChoice.THUNDERBIRD:
            try:
                self.profile_dir = self.backend.thunderbird_profile(
                    self.state.options.thunderbird_profile)
                self._in_use = self.profile_dir is not None and self.backend.thunderbird_in_use(
                    self.profile_dir)
            except AssistantError as error:
                self._problem = error
        self.running.setVisible(self._in_use)
        self.recheck.setVisible(self._in_use or self._problem is not None)
        self._show_problem()
        self.status_changed()
        self.refresh_details()

    def _show_problem(self) -> None:
        if self._problem is not None:
            self.error.setText(text(self._problem, self.state.lang))
            self.error.show()

    def page_status(self) -> PageStatus:
        return PageStatus(valid=not self._in_use, error=self._problem is not None)

    def validatePage(self) -> bool:
        """Write the account into the chosen program (local files only)."""
        account = self.state.account()
        if account is None:
            return False
        self._check_running()
        if not self.isComplete():
            return False
        try:
            if self.state.client is ClientChoice.THUNDERBIRD:
                explicit = self.state.options.thunderbird_profile
                report = self.backend.apply_thunderbird(
                    account, explicit if self.state.shared_pc else self.profile_dir,
                    self.state.handover())
            elif self.state.client is ClientChoice.OUTLOOK:
                report = self.backend.apply_outlook(account, self.state.options.outlook_output)
            else:
                report = None
        except AssistantError as error:
            self.error.setText(text(error, self.state.lang))
            self.error.show()
            return False
        except OSError as error:
            self.error.setText(self.tr("The settings could not be written: {reason}").format(
                reason=error.strerror or type(error).__name__))
            self.error.show()
            return False
        self.state.keep_report(report)
        return True

    def retranslate(self) -> None:
        from assistant.clients.thunderbird.labels import quit_label  # the core: not at start

        self.setTitle(self.tr("Mail program"))
        self.setSubTitle(self.tr("Which program do you use for e-mail?"))
        checked = self.state.login_outcome is LoginOutcome.OK
        self.checked.setText(self.tr("The mail server and your password were checked: both "
                                     "work.") if checked else "")
        self.checked.setVisible(checked)
        self.intro.setText(self.tr(
            "The assistant writes the checked settings into the program you choose."))
        self.save_password.setText(self.tr("Save the password on this computer"))
        self.save_password.setAccessibleName(self.save_password.text())
        self._say_what_saving_means()
        found, missing = self.tr("(installed)"), self.tr("(not found on this computer)")
        for choice, label in ((ClientChoice.THUNDERBIRD, "Thunderbird"),
                              (ClientChoice.OUTLOOK, "Outlook")):
            mark = found if self.installed[choice] else missing
            button = self._button(choice)
            button.setText(f"{label} {mark}")
            button.setAccessibleName(button.text())
        self.sheet_only.setText(self.tr("Only print or save the settings"))
        self.sheet_only.setAccessibleName(self.sheet_only.text())
        self.running.setText(self.tr(
            "Thunderbird is running. Please close Thunderbird (≡ menu → {quit}, or the "
            "window's ×), then press Check again.").format(quit=quit_label().text(
                self.state.lang)))
        self.recheck.setText(self.tr("Check again"))
        self.recheck.setAccessibleName(self.tr("Check again whether Thunderbird is closed"))
        self._show_problem()  # the core's message in the current language

    def details_text(self) -> str:
        account = self.state.account()
        return "\n".join([
            self.tr("Thunderbird: installed: {installed}; profile folder: {profile}; "
                    "running: {running}").format(
                installed=self.yes_no(self.installed[ClientChoice.THUNDERBIRD]),
                profile=self.profile_dir or "-", running=self.yes_no(self._in_use)),
            self.tr("Outlook: installed: {installed}; output folder: {output}").format(
                installed=self.yes_no(self.installed[ClientChoice.OUTLOOK]),
                output=self.state.options.outlook_output or "-"),
            self.tr("Account to write: {address}; login name: {login}; receiving: {incoming}; "
                    "sending: {outgoing}").format(
                address=account.email.ascii, login=account.login_name,
                incoming=account.incoming.spec, outgoing=account.outgoing.spec)
            if account is not None else self.tr("Account to write: not complete yet"),
        ])
