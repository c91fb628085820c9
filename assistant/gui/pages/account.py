"""アカウント, the first page: what the assistant does in two lines, name, address, password
and (under 詳細) the login name, checked as typed; under them the language and whether this is
a shared church PC (shown to everyone; only a volunteer changes it, and the choice is
remembered for the PC)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QToolButton,
    QWidget,
)

from assistant import __version__
from assistant.errors import ValidationError
from assistant.gui.flow import Page, PageStatus
from assistant.gui.pages.base import BasePage, error_label, wrapping_label
from assistant.gui.state import LoginOutcome, SharedPcSource, WizardState
from assistant.messages import text
from assistant.secret import Secret
from assistant.settings import (
    EmailAddress,
    LoginRule,
    login_for,
    parse_display_name,
    parse_email,
    parse_login,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AccountForm:
    """The fields as parsed, with the message for each one at fault (None: fine)."""

    name: str
    name_error: str | None
    address: EmailAddress | None
    email_error: str | None
    domain_warning: str | None  # the address is not one of the profile's domains
    password_error: str | None
    login: str
    login_error: str | None

    @property
    def valid(self) -> bool:
        return not (self.name_error or self.email_error or self.password_error
                    or self.login_error) and self.address is not None


class AccountPage(BasePage):
    page_id = Page.ACCOUNT

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.intro = wrapping_label(self, selectable=False)
        self.profile_label = wrapping_label(self)  # the church (once vouched for), to copy
        self.banner = error_label(self)
        self.name = QLineEdit(self)
        self.email = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QCheckBox(self)
        self.advanced = QToolButton(self)
        self.advanced.setCheckable(True)
        self.advanced.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced.setArrowType(Qt.ArrowType.RightArrow)
        self.login = QLineEdit(self)
        self.login_hint = wrapping_label(self)
        self.name_error = error_label(self)
        self.email_error = error_label(self)
        self.email_warning = error_label(self)
        self.password_error = error_label(self)
        self.login_error = error_label(self)
        self.name_label, self.email_label = QLabel(self), QLabel(self)
        self.password_label, self.login_label = QLabel(self), QLabel(self)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.name_label, self.name)
        form.addRow("", self.name_error)
        form.addRow(self.email_label, self.email)
        form.addRow("", self.email_error)
        form.addRow("", self.email_warning)
        form.addRow(self.password_label, self.password)
        form.addRow("", self.show_password)
        form.addRow("", self.password_error)
        self.body.addWidget(self.intro)
        self.body.addWidget(self.profile_label)
        self.body.addWidget(self.banner)
        self.body.addLayout(form)
        self.body.addWidget(self.advanced)
        self.login_form = QWidget(self)
        login_layout = QFormLayout(self.login_form)
        login_layout.setContentsMargins(24, 0, 0, 0)
        login_layout.addRow(self.login_label, self.login)
        login_layout.addRow("", self.login_error)
        login_layout.addRow("", self.login_hint)
        self.body.addWidget(self.login_form)
        self.body.addStretch(1)
        self._add_welcome_choices()
        for label, field in ((self.name_label, self.name), (self.email_label, self.email),
                             (self.password_label, self.password),
                             (self.login_label, self.login)):
            label.setBuddy(field)

        self._touched: set[QLineEdit] = set()
        self._login_edited = False
        self._valid = False
        for field in (self.name, self.email, self.password, self.login):
            field.textEdited.connect(lambda _t, f=field: self._edited(f))
            field.editingFinished.connect(lambda f=field: self._left(f))
        self.show_password.toggled.connect(self._show_password)
        self.advanced.toggled.connect(self._show_advanced)
        self.name.setText(state.display_name)
        if state.email is not None:
            self.email.setText(state.email.display)
        self.login.setText(state.login_name)
        self._show_advanced(state.login_rule() is LoginRule.ASK)
        self.finish_layout()

    def _add_welcome_choices(self) -> None:
        """The language and the PC's mode, under the form: set once, rarely looked at."""
        self.language_label = QLabel(self)
        # Language names are shown in their own language, never translated.
        self.japanese = QRadioButton("日本語", self)
        self.english = QRadioButton("English", self)
        self.japanese.setAccessibleName("日本語")
        self.english.setAccessibleName("English")
        self.languages = QButtonGroup(self)
        self.languages.addButton(self.japanese)
        self.languages.addButton(self.english)
        (self.english if self.state.lang == "en" else self.japanese).setChecked(True)
        self.shared_pc = QCheckBox(self)
        self.shared_pc.setChecked(self.state.shared_pc)
        self.shared_pc.setEnabled(self.state.volunteer)
        self.shared_pc_note = wrapping_label(self, selectable=False)
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.japanese)
        row.addWidget(self.english)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addWidget(self.shared_pc)
        self.body.addWidget(self.shared_pc_note)
        self.language_label.setBuddy(self.japanese)
        self.shared_pc.toggled.connect(self._shared_pc_toggled)
        self.japanese.toggled.connect(self._language_toggled)

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

    # --- behaviour -------------------------------------------------------------------------

    def initializePage(self) -> None:
        if self.state.login_rule() is LoginRule.ASK:
            self.advanced.setChecked(True)
        self.name.setFocus()
        self._validate()

    def _edited(self, field: QLineEdit) -> None:
        """While she types, the field's message waits (it would push the form around at
        every keystroke, e.g. at "taro@modern"); Next follows at once."""
        self._touched.discard(field)
        if field is self.login:
            self._login_edited = True
        if field is self.password:
            self.banner.hide()
            self.state.login_outcome = LoginOutcome.NOT_CHECKED
        self._validate()

    def _left(self, field: QLineEdit) -> None:
        """She left the field (Tab, a click elsewhere, Enter): now its message is shown."""
        self._touched.add(field)
        self._show_form(self._read())
        self.status_changed()  # the line above the buttons may now say what is wrong

    def _show_password(self, on: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if on
                                  else QLineEdit.EchoMode.Password)

    def _show_advanced(self, on: bool) -> None:
        self.advanced.setChecked(on)
        self.advanced.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.login_form.setVisible(on)

    def _show(self, label: QLabel, message: str | None, field: QLineEdit | None = None) -> None:
        visible = bool(message) and (field is None or field in self._touched)
        label.setText(message or "")
        label.setVisible(visible)
        if field is not None:
            field.setAccessibleDescription(message if visible and message else "")

    def _validate(self) -> None:
        """After an edit: fill the login name in, read the form, show it, keep it."""
        self._fill_login()
        form = self._read()
        self._show_form(form)
        self._keep(form)

    def _fill_login(self) -> None:
        """The login name follows the address by the profile's rule until edited by hand."""
        if self._login_edited:
            return
        try:
            address = parse_email(self.email.text())
        except ValidationError:
            return
        self.login.setText(login_for(address, self.state.login_rule()) or self.login.text())

    def _read(self) -> AccountForm:
        """Parse the fields with the settings model (no widget or state is changed)."""
        lang = self.state.lang
        try:
            name = parse_display_name(self.name.text())
            name_error = None if name else self.tr("Please enter your name.")
        except ValidationError as error:
            name, name_error = "", text(error, lang)
        try:
            address, email_error = parse_email(self.email.text()), None
        except ValidationError as error:
            address, email_error = None, text(error, lang)
            if error.code == "domain.not_qualified":  # "ドメイン名" is a word she may not know
                email_error = self.tr("The part of the address after the @ seems incomplete "
                                      "(for example taro@example.jp).")
        warning = None
        profile = self.state.profile
        if address is not None and profile is not None and profile.domains and (
                address.domain.ascii not in {d.ascii for d in profile.domains}):
            domains = ", ".join(d.unicode for d in profile.domains)
            organisation = self.state.vouched_organisation()
            warning = self.tr("This address is not one of {organisation}'s ({domains}). "
                              "Please check it.").format(
                organisation=organisation, domains=domains) if organisation else self.tr(
                "This address is not one of the church's ({domains}). Please check it.").format(
                domains=domains)
        password_error = None if self.password.text() else self.tr("Please enter the password.")
        login, login_error = "", None
        try:
            login = parse_login(self.login.text())
        except ValidationError as error:
            login_error = text(error, lang)
        return AccountForm(name, name_error, address, email_error, warning, password_error,
                           login, login_error)

    def _show_form(self, form: AccountForm) -> None:
        """Each message under its field (a field's only once it was touched)."""
        self._show(self.name_error, form.name_error, self.name)
        self._show(self.email_error, form.email_error, self.email)
        self._show(self.email_warning, form.domain_warning)
        self._show(self.password_error, form.password_error, self.password)
        if form.login_error and (self._login_edited or self.state.login_rule() is LoginRule.ASK):
            self._touched.add(self.login)
            self._show(self.login_error, form.login_error, self.login)
            if not self.advanced.isChecked():
                self._show_advanced(True)
        else:
            self._show(self.login_error, None, self.login)

    def _keep(self, form: AccountForm) -> None:
        """Into the shared state; a new address forgets what the server check found."""
        if form.address != self.state.email:
            self.state.forget_servers()
            self.state.profile_accepted = False  # asked again for the new address's domain
        self.state.display_name = form.name
        self.state.email = form.address
        self.state.login_name = form.login
        self.state.password = Secret(self.password.text())
        self._valid = form.valid
        self.status_changed()  # Next, and the line under it naming what is still missing
        self.refresh_details()

    def has_input(self) -> bool:
        return any(f.text() for f in (self.name, self.email, self.password))

    def page_status(self) -> PageStatus:
        form = self._read()
        # While she is still typing the address, the line above the buttons only asks her to
        # finish it; what exactly is wrong waits until she leaves the field (or presses 次へ).
        email_error = form.email_error if self.email in self._touched or (
            not form.email_error) else self.tr(
            "Please type your whole e-mail address (for example taro@example.jp).")
        missing = next((e for e in (form.name_error, email_error, form.password_error,
                                    form.login_error) if e), "")
        return PageStatus(valid=self._valid, missing=missing)

    def ask_password_again(self) -> None:
        """After a refused login: say so, focus the password and select it for retyping."""
        message = self.tr(
            "The server did not accept this password (or login name). Please type the "
            "password again; check Caps Lock and the keyboard's input mode.")
        if self.state.suggested_login:
            message += "\n" + self.tr(
                "Your login name may be \"{login}\": see Details.").format(
                login=self.state.suggested_login)
            self._show_advanced(True)
        self.banner.setText(message)
        self.banner.show()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.password.selectAll()

    # --- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your account"))
        self.setSubTitle(self.tr("This assistant sets up your church e-mail on this computer."))
        self.intro.setText(self.tr("Enter your name, your e-mail address and its password. "
                                   "Everything else is found and checked for you."))
        self._show_profile()
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
        self.name_label.setText(self.tr("Name (shown to recipients):"))
        self.email_label.setText(self.tr("E-mail address:"))
        self.password_label.setText(self.tr("Password:"))
        self.login_label.setText(self.tr("Login name:"))
        self.name.setAccessibleName(self.tr("Name"))
        self.email.setAccessibleName(self.tr("E-mail address"))
        self.password.setAccessibleName(self.tr("Password"))
        self.login.setAccessibleName(self.tr("Login name"))
        self.name.setPlaceholderText(self.tr("e.g. Taro Yamada"))
        self.email.setPlaceholderText(self.tr("e.g. taro@example.jp"))
        self.show_password.setText(self.tr("Show the password"))
        self.show_password.setAccessibleName(self.show_password.text())
        self.advanced.setText(self.tr("Details"))
        self.advanced.setAccessibleName(self.tr("Details: login name"))
        self.login_hint.setText(self.tr(
            "Usually filled in for you from the address. Change it only if the church told "
            "you a different login name."))
        self._show_form(self._read())  # the messages in the new language only

    def _show_profile(self) -> None:
        """The church whose settings are loaded, only once its file is known to be the
        church's word (an unsigned file is asked about after the address), and a file that
        could not be read; without either the line is hidden."""
        lines = []
        if self.state.profile_error is not None:
            from assistant.messages import text as message_text  # only for this rare message

            lines.append(self.tr("The church settings file could not be read: {reason}").format(
                reason=message_text(self.state.profile_error, self.state.lang)))
        if organisation := self.state.vouched_organisation():
            lines.append(self.tr("Settings loaded for: {organisation}").format(
                organisation=organisation))
            if contact := self.state.contact():  # the church's own: it is vouched for
                lines.append(self.tr("Questions: {contact}").format(contact=contact))
        self.profile_label.setText("\n".join(lines))
        self.profile_label.setVisible(bool(lines))
        self.profile_label.setAccessibleName(self.tr("Loaded settings"))

    def details_text(self) -> str:
        import platform  # only for the volunteer's panel: not worth importing at start

        email = self.state.email
        rule = {LoginRule.ADDRESS: self.tr("the whole address"),
                LoginRule.LOCAL_PART: self.tr("the part before @"),
                LoginRule.ASK: self.tr("asked from the member")}.get(
            self.state.login_rule(), self.state.login_rule().value)
        return "\n".join([
            self.tr("Address as sent to the server: {value}").format(
                value=email.ascii if email else "-"),
            self.tr("Address as shown: {value}").format(value=email.display if email else "-"),
            self.tr("Login name from: {rule}; login name: {login}").format(
                rule=rule, login=self.state.login_name or "-"),
            self.tr("Password entered: {value}").format(value=self.yes_no(self.state.password)),
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
