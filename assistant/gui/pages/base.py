"""What every page shares: re-translation on a language switch and the volunteer's panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from assistant.gui.flow import Page
from assistant.gui.state import WizardState

if TYPE_CHECKING:
    from assistant.gui.wizard import MailWizard


def wrapping_label(parent: QWidget | None = None, *, rich: bool = False) -> QLabel:
    """A label that wraps (Japanese has no spaces to break at, so word wrap alone is not enough
    for long file paths; the label is also selectable for volunteers to copy)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if rich:
        label.setOpenExternalLinks(True)
    return label


def error_label(parent: QWidget) -> QLabel:
    """A hidden dark-red label for a problem with the field above it."""
    label = wrapping_label(parent)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.darkRed)
    label.setPalette(palette)
    label.hide()
    return label


class BasePage(QWizardPage):
    """A page with a body layout, texts set in :meth:`retranslate` and a details panel."""

    page_id: Page

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.body = QVBoxLayout(self)
        self.details_title = QLabel(self)
        self.details_toggle: QCheckBox | None = None
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(150)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

    def offer_details_toggle(self) -> QCheckBox:
        """A 詳細 switch on this page, so a volunteer can look without the volunteer mode."""
        self.details_toggle = QCheckBox(self)
        self.details_toggle.toggled.connect(lambda _on: self.set_volunteer(self.state.volunteer))
        return self.details_toggle

    def finish_layout(self) -> None:
        """Called by each page after adding its widgets: the details panel goes last."""
        self.body.addWidget(self.details_title)
        self.body.addWidget(self.details)
        self._retranslate_all()
        self.set_volunteer(self.state.volunteer)

    def wizard_(self) -> MailWizard:
        return cast("MailWizard", self.wizard())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_all()
        super().changeEvent(event)

    def _retranslate_all(self) -> None:
        self.details_title.setText(self.tr("Technical details (for volunteers)"))
        self.details.setAccessibleName(self.tr("Technical details"))
        if self.details_toggle is not None:
            self.details_toggle.setText(self.tr("Show technical details"))
            self.details_toggle.setAccessibleName(self.details_toggle.text())
        self.retranslate()
        self.refresh_details()

    def retranslate(self) -> None:
        """Set every visible text; called at start and after each language switch."""

    def details_text(self) -> str:
        """What a volunteer sees on this page (never the password)."""
        return ""

    def details_shown(self) -> bool:
        return self.state.volunteer or bool(
            self.details_toggle is not None and self.details_toggle.isChecked())

    def refresh_details(self) -> None:
        if self.details_shown():
            self.details.setPlainText(self.details_text())

    def set_volunteer(self, on: bool) -> None:
        """Volunteer mode changed (or this page's own 詳細 switch)."""
        del on  # the state already holds it; the page's switch can add to it
        shown = self.details_shown()
        if self.details_toggle is not None:
            self.details_toggle.setVisible(not self.state.volunteer)
        self.details_title.setVisible(shown)
        self.details.setVisible(shown)
        self.refresh_details()
