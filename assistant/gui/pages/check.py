"""What the server page and the login page share: a check that runs on a worker thread."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QWidget

from assistant.gui.backend import Backend
from assistant.gui.describe import Describer
from assistant.gui.pages.base import BasePage, wrapping_label
from assistant.gui.state import WizardState
from assistant.gui.tasks import TaskRunner


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
