"""完了: what was written and where, the backup, the printable settings sheet, next steps."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from assistant.errors import AssistantError
from assistant.gui.backend import Backend
from assistant.gui.flow import Page
from assistant.gui.pages.base import BasePage, error_label, wrapping_label
from assistant.gui.state import ClientChoice, WizardState
from assistant.messages import text


class DonePage(BasePage):
    page_id = Page.DONE

    def __init__(self, state: WizardState, backend: Backend,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.backend = backend
        self.summary = wrapping_label(self)
        self.where = wrapping_label(self)
        self.certificate = error_label(self)  # dark red: the member has to act on it
        self.sheet_intro = wrapping_label(self)
        self.save_sheet = QPushButton(self)
        self.print_sheet = QPushButton(self)
        for button in (self.save_sheet, self.print_sheet):
            button.setAutoDefault(False)
        self.sheet_result = wrapping_label(self)
        self.error = error_label(self)
        self.next_steps = wrapping_label(self)
        row = QHBoxLayout()
        row.addWidget(self.save_sheet)
        row.addWidget(self.print_sheet)
        row.addStretch(1)
        for widget in (self.summary, self.where, self.certificate, self.sheet_intro):
            self.body.addWidget(widget)
        self.body.addLayout(row)
        self.body.addWidget(self.sheet_result)
        self.body.addWidget(self.error)
        self.body.addWidget(self.next_steps)
        self.body.addStretch(1)
        self.save_sheet.clicked.connect(self._ask_save)
        self.print_sheet.clicked.connect(self._print)
        self.finish_layout()

    def initializePage(self) -> None:
        self.sheet_result.clear()
        self.error.hide()
        self.retranslate()
        self.refresh_details()

    def save_sheet_to(self, path: Path) -> Path | None:
        """Write the settings sheet (PDF or HTML by suffix); the password is never on it."""
        account = self.state.account()
        if account is None:
            return None
        try:
            written = self.backend.write_export("sheet", account, path, self.state.lang,
                                                self.state.profile)
        except (AssistantError, OSError) as error:
            reason = text(error, self.state.lang) if isinstance(error, AssistantError) else str(
                error.strerror or type(error).__name__)
            self.error.setText(self.tr("The sheet could not be saved: {reason}").format(
                reason=reason))
            self.error.show()
            return None
        self.sheet_result.setText(self.tr("Settings sheet saved: {path}").format(path=written))
        return written

    def _ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the settings sheet"),
            str(Path.home() / self.tr("mail-settings.pdf")),
            self.tr("PDF (*.pdf);;Web page (*.html)"))
        if name:
            self.save_sheet_to(Path(name))

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # only when printing

        with tempfile.TemporaryDirectory() as folder:
            sheet = self.save_sheet_to(Path(folder) / "sheet.html")
            if sheet is None:
                return
            document = QTextDocument(self)
            document.setHtml(sheet.read_text(encoding="utf-8"))
        self.sheet_result.clear()
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            document.print_(printer)

    def retranslate(self) -> None:
        state = self.state
        self.setTitle(self.tr("Done"))
        client = state.client
        if client is ClientChoice.SHEET_ONLY:
            self.setSubTitle(self.tr("Your settings were checked."))
            self.summary.setText(self.tr(
                "Nothing was written into a mail program. Save or print the settings sheet "
                "and use it to set up your program, or give it to a volunteer."))
            self.where.clear()
        else:
            program = "Thunderbird" if client is ClientChoice.THUNDERBIRD else "Outlook"
            self.setSubTitle(self.tr("Your e-mail is set up in {program}.").format(
                program=program))
            self.summary.setText(self.tr(
                "The account {address} was written into {program}.").format(
                address=state.email.display if state.email else "", program=program))
            lines = [self.tr("Written to: {path}").format(path=state.written_target or "-")]
            lines += ["  " + str(p) for p in state.written_files if p != state.written_target]
            lines.append(self.tr("Backup of the previous settings: {path}").format(
                path=state.backup) if state.backup else self.tr(
                "There were no previous settings to back up."))
            self.where.setText("\n".join(lines))
        self._explain_pinned_certificates()
        self.sheet_intro.setText(self.tr(
            "Keep a settings sheet with your papers: it lists the servers and your login name "
            "(never the password)."))
        self.save_sheet.setText(self.tr("Save settings sheet…"))
        self.save_sheet.setAccessibleName(self.tr("Save the settings sheet as a file"))
        self.print_sheet.setText(self.tr("Print settings sheet…"))
        self.print_sheet.setAccessibleName(self.tr("Print the settings sheet"))
        steps = {
            ClientChoice.THUNDERBIRD: self.tr(
                "Next: start Thunderbird. When it asks for your password, type it and tick "
                "\"Use Password Manager to remember this password\"."),
            ClientChoice.OUTLOOK: self.tr(
                "Next: start Outlook. When it asks for your password, type it and tick "
                "\"Remember my credentials\"."),
            ClientChoice.SHEET_ONLY: self.tr(
                "Next: set up your mail program with the values on the sheet."),
        }[client]
        contact = state.profile.contact.phone_and_email() if state.profile is not None else ""
        if contact:
            steps += "\n" + self.tr("If something does not work, contact: {contact}").format(
                contact=contact)
        notes = state.profile.notes(state.lang) if state.profile is not None else ""
        if notes:
            steps += "\n\n" + notes.strip()
        self.next_steps.setText(steps)

    def _explain_pinned_certificates(self) -> None:
        """A certificate trusted here by its fingerprint is not trusted by the mail program:
        it asks again at its first connection, and the member should compare the same
        fingerprint there."""
        state = self.state
        pinned = [(server, state.trusted_fingerprints[(server.host, server.port)])
                  for server in (state.incoming, state.outgoing)
                  if server is not None and (server.host, server.port) in
                  state.trusted_fingerprints]
        if not pinned:
            self.certificate.clear()
            self.certificate.hide()
            return
        if state.client is ClientChoice.THUNDERBIRD:
            lines = [self.tr(
                "Important: you trusted the server's certificate here by its fingerprint, but "
                "Thunderbird does not know that. When Thunderbird first connects, it shows a "
                "window \"Add Security Exception\". Compare the fingerprint (SHA-256) shown "
                "there with the one below. Only if they are the same, press \"Confirm Security "
                "Exception\"; otherwise press Cancel and ask a volunteer.")]
        else:
            lines = [self.tr(
                "Important: you trusted the server's certificate here by its fingerprint, but "
                "your mail program does not know that. At its first connection it warns about "
                "the certificate. Accept it only if the fingerprint (SHA-256) it shows is the "
                "same as the one below; otherwise ask a volunteer.")]
        for server, fingerprint in pinned:
            lines.append(self.tr("{host} port {port}:").format(
                host=server.host_display, port=server.port))
            pairs = fingerprint.split(":")  # two lines of 16 pairs: easier to compare
            lines += ["  " + ":".join(pairs[:16]), "  " + ":".join(pairs[16:])]
        self.certificate.setText("\n".join(lines))
        self.certificate.show()

    def details_text(self) -> str:
        changes = self.state.changes
        return "\n".join([
            self.tr("Mail program: {client}").format(client=self.state.client.value),
            self.tr("Written to: {path}").format(path=self.state.written_target or "-"),
            self.tr("Backup: {path}").format(path=self.state.backup or "-"),
            *([self.tr("Changes, as the writer reports them (settings names are English):")]
              if changes else []),
            *("  " + change for change in changes)])
