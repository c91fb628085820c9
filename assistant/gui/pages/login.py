"""ログインの確認: log in and test SMTP AUTH with the typed password, on a pool thread; when
both work the wizard goes on to the mail-program page by itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QWidget

from assistant.gui.backend import Backend
from assistant.gui.flow import Page, PageStatus
from assistant.gui.pages.base import wrapping_label
from assistant.gui.pages.check import CheckPage
from assistant.gui.state import LoginOutcome, WizardState
from assistant.gui.tasks import Task, TaskRunner
from assistant.gui.translations import help_html
from assistant.messages import text

if TYPE_CHECKING:
    from assistant.wizard.checks import LoginStep  # the core: see pages/server.py


class LoginPage(CheckPage):
    page_id = Page.LOGIN

    def __init__(self, state: WizardState, backend: Backend, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, backend, runner, parent)
        self.incoming = wrapping_label(self)
        self.outgoing = wrapping_label(self)
        self.retry = self.retry_button = QPushButton(self)
        self.retry.setAutoDefault(False)
        self.explanation = QTextBrowser(self)
        self.explanation.setMinimumHeight(120)
        row = QHBoxLayout()
        row.addWidget(self.retry)
        row.addStretch(1)
        row.addWidget(self.offer_details_toggle())
        for widget in (self.status, self.progress, self.incoming, self.outgoing):
            self.body.addWidget(widget)
        self.body.addLayout(row)
        self.body.addWidget(self.explanation, 1)
        self.body.addStretch(0)  # takes the explanation's room while it is hidden
        self.retry.clicked.connect(self.start)
        self._steps: dict[str, LoginStep] = {}
        self._running: str | None = None
        self.finish_layout()

    def initializePage(self) -> None:
        self.start()

    def cleanupPage(self) -> None:
        self.cancel_check()

    def start(self) -> None:
        self.cancel_check()
        self.state.login_outcome = LoginOutcome.NOT_CHECKED
        self.state.retry_login = False
        self.state.login_summary.clear()
        self._steps.clear()
        self._running = None
        self.progress.setRange(0, 2)
        self.progress.setValue(0)
        from assistant.wizard.checks import run_login_check

        check = self.state.login_check_input()
        self.run_check(lambda hooks: run_login_check(check, hooks, self.backend.check_login),
                       progress=self._progress, finished=self._finished, failed=self._failed)
        self._show_texts()
        self.status_changed()

    def is_busy(self) -> bool:
        return self._task is not None

    def _progress(self, task: Task) -> None:
        if task is not self._task:
            return
        for item in task.drain():
            if not isinstance(item, str):  # a role name while it runs, then its LoginStep
                item = cast("LoginStep", item)
                self._steps[item.role] = item
                self._running = None
                self.progress.setValue(len(self._steps))
                self.state.login_summary.append(
                    f"{item.role} {item.server.spec}: {item.result.result} "
                    f"mechanism={item.result.mechanism} inbox={item.result.inbox_count}")
            else:
                self._running = str(item)
        self._show_texts()
        self.refresh_details()

    def _finished(self, task: Task, steps: list[LoginStep] | None) -> None:
        if task is not self._task:
            return
        self._progress(task)  # anything reported after the last wake-up
        self._task = None
        steps = steps or []
        results = [s.result.result for s in steps]
        if len(steps) == 2 and all(r == "ok" for r in results):
            self.state.login_outcome = LoginOutcome.OK
        elif "wrong_credentials" in results:
            self.state.login_outcome = LoginOutcome.WRONG_PASSWORD
            self.state.suggested_login = next(
                (s.result.suggestion_login for s in steps if s.result.suggestion_login), None)
        else:
            self.state.login_outcome = LoginOutcome.FAILED
        self.progress.setValue(2)
        self._show_texts()
        self.status_changed()
        self.refresh_details()
        if self.state.login_outcome is LoginOutcome.WRONG_PASSWORD:
            self.wizard_().login_refused()
        elif self.state.login_outcome is LoginOutcome.OK:
            self.go_on()

    def _failed(self, task: Task, error: object) -> None:
        if task is not self._task:
            return
        self._task = None
        self.state.login_outcome = LoginOutcome.FAILED
        self.state.login_summary.append(f"error: {type(error).__name__}")
        self._show_texts()
        self.status_changed()

    def page_status(self) -> PageStatus:
        outcome = self.state.login_outcome
        return PageStatus(valid=outcome is LoginOutcome.OK, busy=self.is_busy(),
                          error=outcome in (LoginOutcome.FAILED, LoginOutcome.WRONG_PASSWORD))

    def _line(self, role: str) -> str:
        server = self.state.incoming if role == "incoming" else self.state.outgoing
        name = self.words.role(server.protocol) if server else ""
        step = self._steps.get(role)
        if step is None:
            if self._running == role:
                return self.tr("{role}: checking…").format(role=name)
            return self.tr("{role}: waiting").format(role=name)
        result = step.result
        if result.result != "ok":
            return self.tr("{role}: failed — {message}").format(
                role=name, message=text(result.problem, self.state.lang))
        if role == "incoming" and result.inbox_count is not None:
            return self.tr("{role}: logged in. Your inbox has {count} messages.").format(
                role=name, count=result.inbox_count)
        if role == "incoming":
            return self.tr("{role}: logged in.").format(role=name)
        return self.tr("{role}: the server accepted your password for sending. "
                       "No mail was sent.").format(role=name)

    def _show_texts(self) -> None:
        outcome = self.state.login_outcome
        if self._task is not None:
            status = self.tr("Checking your password with the server…")
        elif outcome is LoginOutcome.OK:
            status = self.tr("Receiving and sending work with your password. Press Next.")
        elif outcome is LoginOutcome.WRONG_PASSWORD:
            status = self.tr("The password was not accepted.")
        else:
            status = self.tr("The check did not succeed. Press Check again, or ask a "
                             "volunteer and show them the technical details.")
            if contact := self.state.contact():
                status += "\n" + self.tr("The church's contact: {contact}").format(
                    contact=contact)
        self.status.setText(status)
        self.status.setAccessibleName(status)
        self.incoming.setText(self._line("incoming"))
        self.outgoing.setText(self._line("outgoing"))

    def set_volunteer(self, on: bool) -> None:
        """Why sending needs the password (SMTP AUTH, not POP before SMTP) is taught to
        volunteers, behind 詳細: a member only needs to know that it worked."""
        super().set_volunteer(on)
        self.explanation.setVisible(self.details_shown())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Checking the login"))
        self.setSubTitle(self.tr("Your password is tried for receiving and for sending, exactly "
                                 "as your mail program will do it."))
        self.retry.setText(self.tr("Check again"))
        self.retry.setAccessibleName(self.tr("Check the login again"))
        self.progress.setAccessibleName(self.tr("Progress of the login check"))
        self.explanation.setHtml(help_html("smtp-auth", self.state.lang))
        self.explanation.setAccessibleName(self.tr("Why sending needs your password"))
        self._show_texts()

    def details_text(self) -> str:
        lines = []
        for step in self._steps.values():
            r = step.result
            lines.append(self.tr(
                "{role}: {spec}; login name: {login}; result: {result} (code {code}); "
                "login method: {mechanism}; encryption: {security}").format(
                role=self.words.role(step.server.protocol), spec=step.server.spec,
                login=self.state.login_name, result=r.result, code=r.problem.code,
                mechanism=r.mechanism or "-", security=r.security or "-"))
            if r.folders:
                lines.append("  " + self.tr("Folders: {folders}").format(
                    folders=", ".join(r.folders)))
        return "\n".join(lines) or "-"
