"""サーバーの確認: discovery and probe on a pool thread, a live list of checks, consent
questions for an untrusted certificate or a server without encryption. A check that found the
servers with no question asked and nothing to tell goes on to the login check by itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QWidget,
)

from assistant.errors import AssistantError
from assistant.gui.backend import Backend
from assistant.gui.describe import diagnostic_lines
from assistant.gui.flow import Page, PageStatus, effective_protocol
from assistant.gui.pages.base import wrapping_label
from assistant.gui.pages.check import CheckPage
from assistant.gui.pages.questions import QuestionPanel
from assistant.gui.state import WizardState
from assistant.gui.tasks import Question, Task, TaskRunner
from assistant.messages import text
from assistant.settings import Security

if TYPE_CHECKING:
    # The core's types only: the module itself is imported (off the UI thread) by the warm-up
    # or by Backend.prepare() before a check starts, never with this page (docs/wizard.md).
    from assistant.probe.model import ProbeEvent
    from assistant.wizard.checks import ConsentQuestion, ServerOutcome


class ServerPage(CheckPage):
    page_id = Page.SERVER

    def __init__(self, state: WizardState, backend: Backend, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, backend, runner, parent)
        self.checks = QListWidget(self)
        self.checks.setMinimumHeight(120)
        self.checks.setIconSize(QSize(16, 16))
        self.question = QuestionPanel(self)
        self.result = wrapping_label(self)
        self.stop = self.stop_button = QPushButton(self)
        self.retry = self.retry_button = QPushButton(self)
        for button in (self.stop, self.retry):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.stop)
        buttons.addWidget(self.retry)
        buttons.addStretch(1)
        buttons.addWidget(self.offer_details_toggle())
        self.body.addWidget(self.status)
        self.body.addWidget(self.progress)
        self.body.addWidget(self.checks, 1)
        self.body.addWidget(self.question)
        self.body.addWidget(self.result)
        self.body.addStretch(0)  # takes the room of the list while it is hidden (member view)
        self.body.addLayout(buttons)
        self.stop.clicked.connect(lambda: self.cancel())
        self.retry.clicked.connect(self.start)
        self.question.answered.connect(lambda _yes: self._set_status("checking"))
        self._rows: dict[tuple[str, str, int], QListWidgetItem] = {}
        self._started = 0
        self._done = 0
        self._phase = "idle"  # idle|checking|cancelled|done|failed|declined|error
        self._outcome: ServerOutcome | None = None
        self._failure = "no_mail_server"  # why_not_found() of the last failed check
        self._member_stopped = False  # the open question offers her only ここでやめる
        self._asked = False  # this check asked a question: its result waits for her Next
        self._technical: list[str] = []
        self._extra: list[str] = []
        self.finish_layout()

    # --- the task ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        if self.state.servers_checked():  # already checked for this address and protocol
            QTimer.singleShot(0, self, self.go_on)  # once QWizard has finished switching
            return
        self._set_status("checking")
        # Start once the page is on screen: the probe's first burst of work in the pool
        # threads would otherwise compete with the page switch for the GIL.
        QTimer.singleShot(0, self, self._start_if_shown)

    def _start_if_shown(self) -> None:
        if self.wizard_().currentPage() is self and self._task is None and (
                self._phase == "checking"):
            self.start()

    def cleanupPage(self) -> None:
        """Going back: stop the check at once."""
        self.cancel()

    def start(self) -> None:
        self.cancel(show=False)
        self.state.forget_servers()
        self.checks.clear()
        self._rows.clear()
        self._technical.clear()
        self._started = self._done = 0
        self._outcome = None
        self._asked = False
        self.result.clear()
        self.progress.setRange(0, 0)
        self._set_status("checking")
        from assistant.wizard.checks import run_server_check

        check = self.state.server_check_input(effective_protocol(self.state))
        self.run_check(lambda hooks: run_server_check(check, hooks, self.backend.probe),
                       progress=self._events, question=self._question,
                       finished=self._finished, failed=self._failed)

    def cancel(self, show: bool = True) -> None:
        self.cancel_check()
        self.question.withdraw()
        if show and self.is_busy():
            self._set_status("cancelled")

    def is_busy(self) -> bool:
        """Checking, or about to (the start waits for the page to be shown)."""
        return self._phase in ("checking", "question")

    # --- signals from the worker (ignored once the task is no longer current) -----------------

    def _events(self, task: Task) -> None:
        for event in task.drain():
            self._event(task, cast("ProbeEvent", event))  # a probe reports nothing else
        self.progress.setRange(0, max(self._started, 1))
        self.progress.setValue(self._done)
        self.refresh_details()

    def _event(self, task: Task, event: ProbeEvent) -> None:
        if task is not self._task:
            return
        kind = event.kind
        if kind == "source" and event.source is not None:
            self._add_line(self.words.source(event.source), "source")
        elif kind in ("endpoint_started", "endpoint_done") and event.endpoint is not None:
            endpoint = event.endpoint
            key = (endpoint.protocol.value, endpoint.host, endpoint.port)
            if kind == "endpoint_started":
                self._started += 1
                self._rows[key] = self._add_line(self.words.endpoint_started(endpoint), "busy")
            else:
                self._done += 1
                line = self.words.endpoint_outcome(endpoint)
                icon = "ok" if endpoint.status == "ok" and (
                    endpoint.security is not Security.NONE) else "warn" if endpoint.status in (
                    "ok", "certificate_invalid") else "bad"
                item = self._rows.get(key)
                if item is None:
                    self._rows[key] = self._add_line(line, icon)
                else:
                    item.setText(line)
                    item.setIcon(self._icon(icon))
                self._technical.append(self.words.endpoint_technical(
                    endpoint, raw=self.state.lang == "en"))

    def _question(self, task: Task, question: Question) -> None:
        if task is not self._task:
            question.answer(False)
            return
        from assistant.wizard.checks import CertificateQuestion, ConsentQuestion

        p = question.subject
        self._asked = True
        self._member_stopped = not self.state.volunteer and not isinstance(p, ConsentQuestion)
        self._set_status("question")
        if isinstance(p, ConsentQuestion):
            self._ask_consent(question, p)
        elif not self.state.volunteer:
            self._member_stop(question, isinstance(p, CertificateQuestion))
        elif isinstance(p, CertificateQuestion):
            self.question.ask(
                question,
                self.tr("The server {host} (port {port}) uses encryption, but its certificate "
                        "could not be verified ({error}).\n"
                        "This can mean the church uses its own certificate, or that someone is "
                        "pretending to be the server. Trust it only if this fingerprint is the "
                        "one your church's volunteer gave you:\n{fingerprint}").format(
                    host=p.host, port=p.port, error=self.words.certificate_reason(p.error),
                    fingerprint=_two_lines(p.fingerprint)),
                self.tr("Trust this certificate"), self.tr("Do not trust"))
        else:
            self.question.ask(
                question,
                self.tr("Warning: the server {hosts} offers no encryption. Your password and "
                        "your mail would travel readable for anyone on the network.\n"
                        "Continue only if the church's volunteer confirmed that this server "
                        "has no encryption yet.").format(hosts=", ".join(p.hosts)),
                self.tr("Continue without encryption"), self.tr("Stop here"))

    def _ask_consent(self, question: Question, consent: ConsentQuestion) -> None:
        """A host an untrusted source named: a real question for the member too, naming the
        host; "No" (stop) is the default, and the church's contact is in it."""
        from assistant.probe.choose import consent_question

        self.question.ask(question, consent_question(consent.request, consent.domain,
                                                     self.state.contact(), self.state.lang),
                          self.tr("Yes, send it there"), self.tr("No"))

    def _member_stop(self, question: Question, certificate: bool) -> None:
        """A member is never asked to judge a certificate or a server without encryption:
        she is told to stop and whom to call; only a volunteer gets the decision buttons."""
        message = self.tr(
            "The assistant could not confirm that this really is the church's mail server."
        ) if certificate else self.tr(
            "The church's mail server would receive your password without protecting it.")
        message += "\n" + self.tr("To keep your password safe, stop here and contact the "
                                  "church.")
        message += "\n" + self._whom_to_call()
        self.question.ask(question, message, None, self.tr("Stop here"))

    def _whom_to_call(self) -> str:
        """The church's contact from its profile, or the plain advice when none is loaded."""
        if contact := self.state.contact():
            return self.tr("The church's contact: {contact}").format(contact=contact)
        return self.tr("Ask the church's volunteer for help.")

    def _finished(self, task: Task, outcome: ServerOutcome | None) -> None:
        if task is not self._task:
            return
        self._events(task)  # anything reported after the last wake-up
        self._task = None
        self._outcome = outcome
        if outcome is None:
            self._set_status("cancelled")
            return
        warnings = [text(w, self.state.lang) for w in outcome.report.recommendation.warnings]
        self.state.probe_summary[:] = [  # the diagnostics are English (docs/wizard.md)
            *diagnostic_lines(outcome.report),
            *(f"warning: {text(w, 'en')}" for w in outcome.report.recommendation.warnings)]
        if not outcome.chosen.complete:
            from assistant.wizard.checks import why_not_found

            self._failure = why_not_found(outcome.report)
            self._set_status("failed")
            return
        if outcome.declined:
            self._set_status("declined")
            return
        chosen = outcome.chosen
        assert chosen.incoming is not None and chosen.outgoing is not None  # complete
        self.state.chosen = chosen
        self.state.incoming = chosen.incoming.to_server()
        self.state.outgoing = chosen.outgoing.to_server()
        self.state.trusted_fingerprints.update({(p.host, p.port): p.sha256 for p in chosen.pins})
        self.state.allow_plaintext = outcome.allow_plaintext
        calm = {"certificate": self.tr("The church has confirmed this server's certificate."),
                "plaintext": self.tr("The church decided to use its old server without "
                                     "encryption.")}
        notes = [text(n, self.state.lang) for n in outcome.notes]
        self._set_status("done", [*(calm[d] for d in outcome.church_decided), *notes,
                                  *warnings])
        if not (self._asked or self._extra):
            self.go_on()

    def _failed(self, task: Task, error: object) -> None:
        if task is not self._task:
            return
        self._task = None
        self._set_status("error", [text(error, self.state.lang)
                                   if isinstance(error, AssistantError)
                                   else type(error).__name__])

    # --- display ----------------------------------------------------------------------------

    def _icon(self, kind: str) -> QIcon:
        pixmap = {
            "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
            "warn": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "bad": QStyle.StandardPixmap.SP_DialogCancelButton,
            "busy": QStyle.StandardPixmap.SP_BrowserReload,
            "source": QStyle.StandardPixmap.SP_FileDialogContentsView,
        }[kind]
        return self.style().standardIcon(pixmap)

    def _add_line(self, line: str, icon: str) -> QListWidgetItem:
        item = QListWidgetItem(self._icon(icon), line)
        self.checks.addItem(item)
        self.checks.scrollToItem(item)
        return item

    def _set_status(self, phase: str, extra: list[str] | None = None) -> None:
        self._phase = phase
        self._extra = extra or []
        if phase != "question":
            self._member_stopped = False
        if not self.is_busy():  # a finished check is shown finished, whatever it found
            self.progress.setRange(0, 1)
            self.progress.setValue(1 if phase == "done" else 0)
        # A full blue bar reads as success: a check that ended without a server hides it.
        self.progress.setVisible(phase in ("checking", "question", "done")
                                 and not self._member_stopped)
        self._show_texts()
        self.status_changed()
        self.refresh_details()

    def status_changed(self) -> None:
        """While a question waits, its own buttons stop the check: 中止 beside them would be
        a second, different-looking way to say the same."""
        super().status_changed()
        if self._phase == "question":
            self.stop.setEnabled(False)

    def _show_texts(self) -> None:
        phase, extra = self._phase, self._extra
        status = {
            "idle": "",
            "checking": self.tr("Looking for your mail server and checking it…"),
            "question": self.tr("Please stop here and contact the church (see below).")
            if self._member_stopped else self.tr("Please answer the question below."),
            "cancelled": self.tr("The check was stopped. Press Check again to restart it."),
            "failed": self._failure_text(),
            "declined": self.tr("Without your consent the assistant cannot use this server. "
                                "Ask the church's volunteer, then press Check again."),
            "error": self.tr("The check failed unexpectedly. Press Check again; if it happens "
                             "again, ask a volunteer."),
            "done": self.tr("The mail server was found and works. Next, your password is "
                            "checked."),
        }[phase]
        contact = self.state.contact()
        if contact and phase in ("failed", "declined", "error"):
            status += "\n" + self.tr("The church's contact: {contact}").format(contact=contact)
        self.status.setText(status)
        self.status.setAccessibleName(status)
        lines: list[str] = []
        if phase == "done" and self.state.incoming and self.state.outgoing and (
                self.details_shown()):  # ports and encryption words are for volunteers
            lines += [self.words.chosen(self.state.incoming),
                      self.words.chosen(self.state.outgoing)]
            if self.state.allow_plaintext:
                lines.append(self.tr("Without encryption, as you allowed."))
            if self.state.trusted_fingerprints:
                lines.append(self.tr("Certificate trusted by its fingerprint."))
        lines += extra
        self.result.setText("\n".join(lines))
        self.result.setVisible(bool(lines))

    def _failure_text(self) -> str:
        if self._failure == "domain_not_found":
            return self.tr("There is no mail server for the part of your address after the @. "
                           "Please check the address for a typing mistake.")
        if self._failure == "not_answering":
            return self.tr("The church's mail server is not answering just now. Your address "
                           "is probably right. Press Check again later, or call the church.")
        return self.tr("No working mail server was found for this address. Check the "
                       "address and the internet connection, then press Check again.")

    def set_volunteer(self, on: bool) -> None:
        """The list of every endpoint tried is for volunteers (詳細): a member reads the
        status line only."""
        super().set_volunteer(on)
        self.checks.setVisible(self.details_shown())
        self._show_texts()

    def page_status(self) -> PageStatus:
        return PageStatus(valid=self._phase == "done", busy=self.is_busy(),
                          error=self._phase in ("cancelled", "failed", "declined", "error"))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Checking the server"))
        # Short enough for QWizard's header, which does not grow for a third line (English
        # at 1024x600, 150 %, larger text).
        self.setSubTitle(self.tr("The assistant finds the church's mail server and checks "
                                 "that it is safe. It takes a few seconds."))
        self.stop.setText(self.tr("Stop"))
        self.stop.setAccessibleName(self.tr("Stop the check"))
        self.retry.setText(self.tr("Check again"))
        self.retry.setAccessibleName(self.tr("Check again"))
        self.checks.setAccessibleName(self.tr("List of checks"))
        self.progress.setAccessibleName(self.tr("Progress of the check"))
        self.result.setAccessibleName(self.tr("Result"))
        self._show_texts()

    def details_text(self) -> str:
        lines = list(self._technical)
        report = self._outcome.report if self._outcome else None
        if report is not None:
            lines.insert(0, self.tr("Domain: {domain}; time taken: {ms} ms").format(
                domain=report.domain, ms=report.elapsed_ms))
            for source in report.sources:
                lines.insert(1, self.words.source_technical(source,
                                                            raw=self.state.lang == "en"))
        return "\n".join(lines) or "-"


def _two_lines(fingerprint: str) -> str:
    """A SHA-256 fingerprint (32 bytes as "AB:CD:…") in two rows of 16: one row is wider than
    the page and pushed the whole question past the window's right edge."""
    parts = fingerprint.split(":")
    return ":".join(parts[:16]) + ("\n" + ":".join(parts[16:]) if len(parts) > 16 else "")
