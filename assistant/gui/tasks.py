"""Background work for the wizard: a Qt-free function runs on a pool thread and only reports
through signals; questions it needs answered go to the UI thread as :class:`Question` objects.

The UI never waits for a task. Cancelling sets the task's event at once and the page forgets
the task (late signals are ignored through the generation check in the pages).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from assistant.wizard.checks import Question as Subject

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Question:
    """A decision only the member can make (``subject``: trust this certificate? send without
    encryption?). The worker blocks in :meth:`wait`; the UI calls :meth:`answer`.
    """

    subject: Subject
    _reply: bool | None = field(default=None, init=False, repr=False)
    _done: threading.Event = field(default_factory=threading.Event, init=False, repr=False)

    def answer(self, yes: bool) -> None:
        self._reply = yes
        self._done.set()

    def wait(self, cancel: threading.Event) -> bool:
        """The member's answer; ``False`` when the task was cancelled meanwhile."""
        while not self._done.wait(0.05):
            if cancel.is_set():
                return False
        return bool(self._reply)


class TaskSignals(QObject):
    progress = Signal()  # items are waiting in Task.drain(): a burst costs one UI wake-up
    question = Signal(object)
    finished = Signal(object)
    failed = Signal(object)


class Reporter:
    """What a task function gets: progress, questions and the cancel flag (the core's
    :class:`~assistant.wizard.checks.Hooks`)."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self.cancel = task.cancel_event

    def progress(self, item: object) -> None:
        if not self.cancel.is_set():
            self._task.queue(item)

    def ask(self, subject: Subject) -> bool:
        if self.cancel.is_set():
            return False
        question = Question(subject)
        self._task.signals.question.emit(question)
        return question.wait(self.cancel)


class Task(QRunnable):
    """Runs ``work(reporter)`` on a pool thread; the result or exception arrives as a signal."""

    def __init__(self, work: Callable[[Reporter], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the page keeps it until its signals have been delivered
        self.signals = TaskSignals()
        self.cancel_event = threading.Event()
        self._work = work
        self._lock = threading.Lock()
        self._pending: list[object] = []

    def queue(self, item: object) -> None:
        """Called by the worker. Only the first item of a batch wakes the UI thread: a probe
        reports dozens of events at once, and each wake-up has to win the GIL from the
        worker threads, which is what made the UI stall."""
        with self._lock:
            self._pending.append(item)
            if len(self._pending) > 1:
                return
        self.signals.progress.emit()

    def drain(self) -> list[object]:
        """Called by the UI: every item reported since the last call, in order."""
        with self._lock:
            items, self._pending = self._pending, []
        return items

    def run(self) -> None:
        reporter = Reporter(self)
        try:
            result = self._work(reporter)
        except Exception as exc:  # reported to the page, which shows it in plain words
            log.exception("background task failed")
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)

    def cancel(self) -> None:
        self.cancel_event.set()


class TaskRunner(QObject):
    """The wizard's own pool, so that closing it can cancel and wait for exactly its tasks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._tasks: list[Task] = []

    def start(self, task: Task) -> None:
        # Kept referenced until it has reported: Python must not free a running QRunnable.
        self._tasks.append(task)
        task.signals.finished.connect(lambda _result, t=task: self._forget(t))
        task.signals.failed.connect(lambda _error, t=task: self._forget(t))
        self.pool.start(task)

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)

    def cancel_all(self) -> None:
        for task in self._tasks:
            task.cancel()

    def shutdown(self, wait_ms: int = 5000) -> bool:
        """Cancel everything and wait (bounded) for the threads; True when all ended."""
        self.cancel_all()
        return bool(self.pool.waitForDone(wait_ms))
