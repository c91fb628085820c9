"""What the server page and the login page share: a check that runs on a worker thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QProgressBar, QWidget

from assistant.gui.backend import Backend
from assistant.gui.describe import Describer
from assistant.gui.pages.base import BasePage, wrapping_label
from assistant.gui.state import WizardState
from assistant.gui.tasks import Question, Reporter, Task, TaskRunner

Result = TypeVar("Result")


class CheckPage(BasePage):
    """A page whose network check runs through ``runner`` (never on the UI thread), with a
    status line and a progress bar the check's signals fill in."""

    def __init__(self, state: WizardState, backend: Backend, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.backend = backend
        self.runner = runner
        self.words = Describer(self)
        self.status = wrapping_label(self)
        self.progress = QProgressBar(self)
        self._task: Task | None = None

    def run_check(self, work: Callable[[Reporter], Result], *,
                  progress: Callable[[Task], None],
                  finished: Callable[[Task, Result], None],
                  failed: Callable[[Task, object], None],
                  question: Callable[[Task, Question], None] | None = None) -> None:
        """Start ``work`` on the runner as the page's current check. Each handler gets the task
        too: a late signal from a check that was replaced is recognised and ignored."""
        self.backend.prepare()  # on this thread: a worker importing the core stalls the UI
        task = Task(work)
        self._task = task
        task.signals.progress.connect(lambda t=task: progress(t))
        if question is not None:
            task.signals.question.connect(lambda q, t=task: question(t, q))
        task.signals.finished.connect(lambda result, t=task: finished(t, result))
        task.signals.failed.connect(lambda error, t=task: failed(t, error))
        self.runner.start(task)

    def go_on(self) -> None:
        """The check succeeded with nothing to read or answer: on to the next page without a
        click (a volunteer looking at the details presses the button herself)."""
        wizard = self.wizard_()
        if not self.details_shown() and wizard.currentPage() is self:
            wizard.next()

    def cancel_check(self) -> None:
        """Forget the current check and ask it to stop (it ends at its next check point)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
