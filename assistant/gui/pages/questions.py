"""An inline panel that puts a worker's :class:`~assistant.gui.tasks.Question` to the member.

Inline rather than a modal dialog: it stays readable next to the list of checks, works with
the keyboard like the rest of the page, and does not start a nested event loop.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from assistant.gui.pages.base import wrapping_label
from assistant.gui.tasks import Question


class QuestionPanel(QFrame):
    answered = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = wrapping_label(self)
        self.yes = QPushButton(self)
        self.no = QPushButton(self)
        # Enter must never accept a risk by accident: with the focus on the safe answer
        # (ask() puts it there) Enter gives that one.
        self.yes.setAutoDefault(False)
        self.no.setAutoDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.yes)
        buttons.addWidget(self.no)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.question: Question | None = None
        self.yes.clicked.connect(lambda: self._answer(True))
        self.no.clicked.connect(lambda: self._answer(False))
        self.hide()

    def ask(self, question: Question, message: str, yes: str | None, no: str) -> None:
        """``yes`` None: only the safe answer is offered (a member facing a risk)."""
        self.question = question
        self.message.setText(message)
        self.setAccessibleName(message.split("\n", 1)[0])
        self.yes.setVisible(yes is not None)
        self.yes.setText(yes or "")
        self.no.setText(no)
        self.yes.setAccessibleName(yes or "")
        self.no.setAccessibleName(no)
        self.show()
        self.no.setFocus()

    def _answer(self, yes: bool) -> None:
        question, self.question = self.question, None
        self.hide()
        if question is not None:
            question.answer(yes)
            self.answered.emit(yes)

    def withdraw(self) -> None:
        """The task was cancelled: forget the question (the worker stops by itself)."""
        self.question = None
        self.hide()
