"""完了: what was written, the printable settings sheet, and what Thunderbird will show.

The main button (QWizard's Finish) is 「Thunderbird を開く」 when Thunderbird was written: it
starts Thunderbird on that profile and closes the wizard. The sentences beside it come from
the core (:mod:`assistant.clients.thunderbird.guidance`, Thunderbird's own labels). Paths
(prefs.js, the backup) are for the volunteer's details only. On a shared PC
「次の方の設定へ」 starts again for the next member (:meth:`MailWizard.next_member`).
"""

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
        self.warning = error_label(self)  # e.g. a primary password: nothing was stored
        self.certificate = error_label(self)  # dark red: the member has to act on it
        self.sheet_intro = wrapping_label(self)
        self.save_sheet = QPushButton(self)
        self.print_sheet = QPushButton(self)
        for button in (self.save_sheet, self.print_sheet):
            button.setAutoDefault(False)
        self.sheet_result = wrapping_label(self)
        self.error = error_label(self)
        self.next_steps = wrapping_label(self)
        self.next_member = QPushButton(self)
        self.next_member.setAutoDefault(False)
        self.next_member.clicked.connect(self._next_member)
        row = QHBoxLayout()
        row.addWidget(self.save_sheet)
        row.addWidget(self.print_sheet)
        row.addStretch(1)
        for widget in (self.summary, self.warning, self.next_steps, self.certificate,
                       self.sheet_intro):
            self.body.addWidget(widget)
        self.body.addLayout(row)
        self.body.addWidget(self.sheet_result)
        self.body.addWidget(self.error)
        member_row = QHBoxLayout()
        member_row.addWidget(self.next_member)
        member_row.addStretch(1)
        self.body.addLayout(member_row)
        self.body.addStretch(1)
        self.save_sheet.clicked.connect(self._ask_save)
        self.print_sheet.clicked.connect(self._print)
        self.finish_layout()

    def initializePage(self) -> None:
        self.sheet_result.clear()
        self.error.hide()
        self.next_member.setVisible(self.state.shared_pc)
        self.retranslate()
        self.refresh_details()

    def opens_thunderbird(self) -> bool:
        """The main button opens Thunderbird (not in practice: nothing was written)."""
        return self.state.client is ClientChoice.THUNDERBIRD and not self.state.practice

    def validatePage(self) -> bool:
        """「Thunderbird を開く」: start it on the profile just written, then the wizard closes;
        if it cannot start, say why and stay."""
        if not self.opens_thunderbird():
            return True
        target = self.state.written_target
        try:
            self.backend.open_thunderbird(target.parent if target else None,
                                          self.state.member_name)
        except AssistantError as error:
            self.error.setText(text(error, self.state.lang))
            self.error.show()
            return False
        return True

    def _next_member(self) -> None:
        wizard = self.wizard_()
        if wizard is not None:
            wizard.next_member()

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
        elif state.practice:  # nothing was written: not a word that says it was
            program = "Thunderbird" if client is ClientChoice.THUNDERBIRD else "Outlook"
            self.setSubTitle(self.tr("The practice is finished."))
            self.summary.setText(self.tr(
                "This was practice: nothing was written into {program}, and your mail is not "
                "set up yet. To set it up for real, ask a volunteer to start the assistant "
                "without practice.").format(program=program))
        else:
            program = "Thunderbird" if client is ClientChoice.THUNDERBIRD else "Outlook"
            self.setSubTitle(self.tr("Your e-mail is set up in {program}.").format(
                program=program))
            address = state.email.display if state.email else ""
            if not state.changes and not state.password_saved:
                summary = self.tr("{program} already had these settings for {address}: "
                                  "nothing needed to change.")
            elif state.member_name:
                summary = self.tr("The account {address} was written into {program}, in a "
                                  "profile of its own named \"{name}\".")
            else:
                summary = self.tr("The account {address} was written into {program}.")
            self.summary.setText(summary.format(address=address, program=program,
                                                name=state.member_name or ""))
        warnings = [text(w, state.lang) for w in state.apply_warnings]
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        self._explain_pinned_certificates()
        self.sheet_intro.setText(self.tr(
            "Keep a settings sheet with your papers: it lists the servers and your login name "
            "(never the password)."))
        self.save_sheet.setText(self.tr("Save settings sheet…"))
        self.save_sheet.setAccessibleName(self.tr("Save the settings sheet as a file"))
        self.print_sheet.setText(self.tr("Print settings sheet…"))
        self.print_sheet.setAccessibleName(self.tr("Print the settings sheet"))
        self.next_member.setText(self.tr("Set up the next person"))
        self.next_member.setAccessibleName(self.tr(
            "Set up the next person: everything of this person is cleared"))
        steps = self._next_steps()
        contact = state.profile.contact.phone_and_email() if state.profile is not None else ""
        if contact:
            steps += "\n" + self.tr("If something does not work, contact: {contact}").format(
                contact=contact)
        notes = state.profile.notes(state.lang) if state.profile is not None else ""
        if notes:
            steps += "\n\n" + notes.strip()
        self.next_steps.setText(steps)

    def _next_steps(self) -> str:
        """What she will see next, in the program's own words."""
        state = self.state
        if state.practice and state.client is not ClientChoice.SHEET_ONLY:
            return self.tr("You can save or print the sheet to see what would be set up.")
        if state.client is ClientChoice.THUNDERBIRD:
            from assistant.clients.thunderbird.guidance import thunderbird_guidance

            lines = thunderbird_guidance(
                state.lang, password_saved=state.password_saved, shared_pc=state.shared_pc,
                smtp_host=state.outgoing.host if state.outgoing else "",
                member=state.member_name)
            if self.opens_thunderbird():
                lines.insert(0, self.tr("Press \"Open Thunderbird\" at the bottom right."))
            return "\n".join(lines)
        if state.client is ClientChoice.OUTLOOK:
            return self.tr(
                "Next: start Outlook. Outlook keeps the password itself, so it asks for it "
                "once, in a window titled \"{title}\": type the password, tick "
                "\"Remember my credentials\" and press {ok}. After that it does not ask "
                "again.").format(title="Microsoft Outlook", ok="OK")
        return self.tr("Next: set up your mail program with the values on the sheet.")

    def _explain_pinned_certificates(self) -> None:
        """A certificate trusted here by its fingerprint: Thunderbird was given the same pin
        (its own certificate exception), so it asks nothing; any other program warns at its
        first connection, and the member should compare the same fingerprint there."""
        state = self.state
        pinned = [(server, state.trusted_fingerprints[(server.host, server.port)])
                  for server in (state.incoming, state.outgoing)
                  if server is not None and (server.host, server.port) in
                  state.trusted_fingerprints]
        if not pinned or state.client is ClientChoice.THUNDERBIRD:
            self.certificate.clear()
            self.certificate.hide()
            return
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
            *("  " + str(p) for p in self.state.written_files if p != self.state.written_target),
            self.tr("Backup: {path}").format(path=self.state.backup or "-"),
            self.tr("Password stored in Thunderbird's own store: {saved}").format(
                saved=self.yes_no(self.state.password_saved)),
            *([self.tr("Changes, as the writer reports them (settings names are English):")]
              if changes else []),
            *("  " + change for change in changes)])
