"""What every page shares: re-translation on a language switch and the volunteer's panel."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from assistant.gui.flow import Page, PageStatus, buttons_for
from assistant.gui.state import WizardState

if TYPE_CHECKING:
    from assistant.gui.wizard import MailWizard


def wrapping_label(parent: QWidget | None = None, *, rich: bool = False,
                   selectable: bool = True) -> QLabel:
    """A label that wraps (Japanese has no spaces to break at, so word wrap alone is not enough
    for long file paths; the label is also selectable for volunteers to copy). Only fixed
    explanations are not ``selectable``: a selectable label lays its text out in a text
    document, ~1.3 ms more for each of the first page's labels before it is shown.

    Format and flags are set as Qt properties by name: the first use of PySide's ``Qt``
    namespace creates its ~100 Python enums at once (~17 ms), which the first page need not
    wait for (measured with ``-X importtime``, see docs/wizard.md)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setProperty("textFormat", "RichText" if rich else "PlainText")
    if selectable:
        label.setProperty("textInteractionFlags", "TextSelectableByMouse")
    if rich:
        label.setOpenExternalLinks(True)
    return label


def error_label(parent: QWidget) -> QLabel:
    """A hidden dark-red label for a problem with the field above it (the later pages' only:
    QColor and QPalette are created when first used, not before the first page)."""
    from PySide6.QtGui import QColor, QPalette

    label = wrapping_label(parent)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(0x80, 0, 0))  # Qt's darkRed
    label.setPalette(palette)
    label.hide()
    return label


class BasePage(QWizardPage):
    """A page with a body layout, texts set in :meth:`retranslate` and a details panel."""

    page_id: Page

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        # The page scrolls rather than squeezing its widgets over each other: with larger
        # text on a 1024x600 screen the POP/IMAP page does not fit (its diagram overlapped
        # the choices).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The wizard's own controls (文字を大きくする, メニュー) above the page, outside the
        # scrolling part: MailWizard moves them to the page being shown (hold_tools).
        self.tools_row = QHBoxLayout()
        self.tools_row.addStretch(1)
        outer.addLayout(self.tools_row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # By name, like wrapping_label: PySide's Qt namespace is not wanted before page 1.
        scroll.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        scroll.setProperty("focusPolicy", "NoFocus")  # Tab goes from field to field
        self.content = QWidget(scroll)  # what is painted (the page itself is covered)
        scroll.setWidget(self.content)
        outer.addWidget(scroll)
        self.body = QVBoxLayout(self.content)
        self.details_title = QLabel(self)
        self.details_toggle: QCheckBox | None = None
        self._details: QPlainTextEdit | None = None
        # A check's own Stop / Check again buttons, set by buttons_for like Next.
        self.stop_button: QPushButton | None = None
        self.retry_button: QPushButton | None = None
        self._hint: QLabel | None = None

    @property
    def details(self) -> QPlainTextEdit:
        """The volunteer's panel under the page, made when first needed: the first
        QPlainTextEdit costs ~5 ms, which the first page need not wait for."""
        if self._details is None:
            panel = QPlainTextEdit(self)
            panel.setReadOnly(True)
            panel.setMaximumHeight(150)
            panel.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            panel.setAccessibleName(self.tr("Technical details"))
            panel.setVisible(False)
            self.body.insertWidget(self.body.indexOf(self.details_title) + 1, panel)
            self._details = panel
        return self._details

    def hold_tools(self, tools: QWidget) -> None:
        """Show the wizard's own controls in this page's top row (taken from the page
        shown before)."""
        self.tools_row.addWidget(tools)
        tools.show()

    def offer_details_toggle(self) -> QCheckBox:
        """A 詳細 switch on this page, so a volunteer can look without the volunteer mode."""
        self.details_toggle = QCheckBox(self)
        self.details_toggle.toggled.connect(lambda _on: self.set_volunteer(self.state.volunteer))
        return self.details_toggle

    def finish_layout(self) -> None:
        """Called by each page after adding its widgets: the details panel goes last."""
        self.body.addWidget(self.details_title)
        self.text_size_changed()
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
        if self._details is not None:
            self._details.setAccessibleName(self.tr("Technical details"))
        if self.details_toggle is not None:
            self.details_toggle.setText(self.tr("Show technical details"))
            self.details_toggle.setAccessibleName(self.details_toggle.text())
        self.retranslate()
        self.refresh_details()

    def retranslate(self) -> None:
        """Set every visible text; called at start and after each language switch."""

    def setTitle(self, title: str) -> None:
        """In practice mode every page's title says so, where she looks first."""
        super().setTitle(self.tr("[Practice] {title}").format(title=title)
                         if self.state.practice else title)

    def text_size_changed(self) -> None:
        """The member switched the text size (``state.large_font``): pages with pictures
        grow them (the text follows the application's font by itself)."""

    def has_input(self) -> bool:
        """Has the member typed anything here that closing the wizard would lose?"""
        return False

    def page_status(self) -> PageStatus:
        """Valid / busy / error, and what is missing; the buttons follow from it alone."""
        return PageStatus()

    def isComplete(self) -> bool:
        return buttons_for(self.page_status()).next

    @property
    def hint(self) -> QLabel:
        """The line that says why Next is greyed out, made when first needed."""
        if self._hint is None:
            self._hint = wrapping_label(self)
            self._hint.hide()
            self.body.insertWidget(self.body.indexOf(self.details_title), self._hint)
        return self._hint

    def status_changed(self) -> None:
        """The page's status changed: set Next (through QWizard), Stop, Check again and the
        line under them from :func:`~assistant.gui.flow.buttons_for`."""
        buttons = buttons_for(self.page_status())
        for button, on in ((self.stop_button, buttons.stop), (self.retry_button, buttons.retry)):
            if button is not None:
                button.setEnabled(on)
        if buttons.hint or self._hint is not None:
            self.hint.setText(buttons.hint)
            self.hint.setAccessibleName(buttons.hint)
            self.hint.setVisible(bool(buttons.hint))
        self.completeChanged.emit()

    def details_text(self) -> str:
        """What a volunteer sees on this page (never the password), labelled in the page's
        language; raw values (host names, codes, the TLS library's English) stay as data."""
        return ""

    def yes_no(self, value: object) -> str:
        return self.tr("yes") if value else self.tr("no")

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
        if shown or self._details is not None:
            self.details.setVisible(shown)
        self.refresh_details()
