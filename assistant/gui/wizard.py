"""The QWizard: holds the pages, the shared state, the language and the volunteer menu.

``nextId()`` only asks :func:`assistant.gui.flow.next_page`; the pages never decide the order.

Only the first page (the account page) is built at start (start-up time is what a member
notices first). Every other page is built and added when it is first needed: when Next leads
to it (:meth:`MailWizard.validateCurrentPage`, which QWizard calls before it asks ``nextId()``
and switches) or when code asks for it (:meth:`page_of`). The pages' modules, the core and the
window icon follow once the first page is on screen (:class:`~assistant.gui.warmup.Warmup`).
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QWidget,
    QWizard,
)

from assistant.errors import AssistantError
from assistant.gui.backend import CORE_MODULES, Backend
from assistant.gui.flow import Page, next_page
from assistant.gui.looks import LARGER, apply_looks, set_text_size
from assistant.gui.pages.account import AccountPage
from assistant.gui.pages.base import BasePage
from assistant.gui.state import ClientChoice, WizardState
from assistant.gui.translations import Translations, icon_path
from assistant.gui.warmup import Warmup, import_all

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from assistant.gui.tasks import TaskRunner

log = logging.getLogger(__name__)
EXPORT_FORMATS = (("profile", ".mailsetup"), ("autoconfig", ".xml"),
                  ("mobileconfig", ".mobileconfig"))
# The later pages' modules, imported by the warm-up in the order a member meets them.
PAGE_MODULES = tuple(f"assistant.gui.pages.{name}" for name in (
    "protocol", "trust", "server", "login", "client", "done"))


# What a window manager's title bar and borders take at least (logical pixels).
FRAME_WIDTH = 10
FRAME_HEIGHT = 40
MIN_WIDTH = 640


def remember_text_size(large: bool) -> None:
    """Keep the member's text size for this computer; a folder that cannot be written only
    means it is asked again next time."""
    from dataclasses import replace

    from assistant.machine_settings import (
        load_machine_settings,
        save_machine_settings,
    )

    try:
        save_machine_settings(replace(load_machine_settings(),
                                      text_scale=LARGER if large else 1.0))
    except OSError as error:
        log.warning("text size not remembered: %s", type(error).__name__)


def keep_none_alive() -> None:
    """The warm-up's step: imported only then (ctypes)."""
    from assistant.gui.none_guard import keep_none_alive as guard

    guard()


def show_icon() -> None:
    """The window icon, set once the first page is on screen: loading it (and PySide's QIcon
    class) costs ~3.5 ms of start-up for something nobody waits for."""
    from PySide6.QtGui import QIcon

    QApplication.setWindowIcon(QIcon(str(icon_path())))


class MailWizard(QWizard):
    language_changed = Signal(str)

    def __init__(self, state: WizardState, translations: Translations | None = None,
                 backend: Backend | None = None, parent: QWidget | None = None) -> None:
        apply_looks(state.large_font)  # before QWizard lays out its header in the old font
        super().__init__(parent)
        self.state = state
        self.translations = translations or Translations()
        self.backend = backend or Backend()
        self._runner: TaskRunner | None = None
        self.leave_question: QMessageBox | None = None  # "close the assistant?" while shown
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.pages: dict[Page, BasePage] = {}
        first = self._build_first_page()
        # keep_none_alive: PySide6 6.12's lost None references (gui/none_guard.py); after
        # the first paint, as its ctypes import (~2 ms) is not worth the start.
        self.warmup = Warmup([show_icon, keep_none_alive, self._know_profile_trust,
                              *(partial(import_all, [m]) for m in PAGE_MODULES)],
                             CORE_MODULES, self)
        self.warmup.after_first_paint(first.content)
        self._build_menu()
        first.hold_tools(self.tools)
        self.currentIdChanged.connect(self.name_buttons)
        self.currentIdChanged.connect(self._move_tools)
        self._retranslate()
        self._fit_to_screen(820, 660)
        if state.large_font:
            self.set_large_font(True)

    @property
    def runner(self) -> TaskRunner:
        """The pool for the checks, made when first needed: only the server and login pages
        use it, and its module and Qt classes (~1 ms) need not delay the first page."""
        if self._runner is None:
            from assistant.gui.tasks import TaskRunner

            self._runner = TaskRunner(self)
        return self._runner

    def shut_down(self, wait_ms: int = 5000) -> bool:
        """The program is ending: stop the warm-up and every check (without making the pool
        if no check ever ran); True when every check's thread has ended within ``wait_ms``."""
        self.warmup.stop()  # before Python shuts down: see Warmup.stop
        return self._runner is None or self._runner.shutdown(wait_ms)

    def _fit_to_screen(self, width: int, height: int) -> None:
        """Size the window for its screen's free area (without the taskbar), title bar and
        borders included, and keep it there: with larger text on a 1024x600 laptop QWizard
        would otherwise grow past the bottom, hiding キャンセル; the pages scroll instead."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(width, height)
            return
        room = screen.availableGeometry()
        # Before the first show the window manager has not said how big its frame is.
        frame_w = max(self.frameGeometry().width() - self.width(), FRAME_WIDTH)
        frame_h = max(self.frameGeometry().height() - self.height(), FRAME_HEIGHT)
        most_w, most_h = room.width() - frame_w, room.height() - frame_h
        # Narrower than 640 px the pages get cramped (the bottom row itself needs at most
        # ~530, larger text at 150 %; a 1024x600 screen then has 683); the height is the
        # screen's: the pages scroll.
        most_w = max(most_w, MIN_WIDTH)
        self.setMinimumSize(MIN_WIDTH, min(480, most_h))
        self.setMaximumSize(most_w, most_h)
        self.resize(min(width, most_w), min(height, most_h))
        left = max(min(self.x(), room.right() + 1 - frame_w - self.width()), room.left())
        top = max(min(self.y(), room.bottom() + 1 - frame_h - self.height()), room.top())
        self.move(left, top)

    # --- order ---------------------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return int(Page.ACCOUNT)
        following = next_page(Page(current), self.state)
        return -1 if following is None else int(following)

    def page_of(self, page_id: Page) -> BasePage:
        """The page, built now if it has not been needed yet."""
        page = self.pages.get(page_id)
        if page is None:
            page = self._build_page(page_id)
            self.setPage(int(page_id), page)
            self.pages[page_id] = page
            page.completeChanged.connect(self.name_buttons)  # e.g. a new mail program choice
        return page

    def name_buttons(self) -> None:
        """Each page's main button says what it does: checking (the server, and the password
        right after it), writing the settings, or only showing them to print or save."""
        current = self.currentId()
        following = next_page(Page(current), self.state) if current > 0 else None
        self.setButtonText(QWizard.WizardButton.NextButton, {
            Page.SERVER: self.tr("Check"),
            Page.LOGIN: self.tr("Check"),
        }.get(following, self.tr("&Next >")) if following is not None else self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr(
            "Show the settings to print or save") if self.state.client is ClientChoice.SHEET_ONLY
            else self.tr("Write the settings"))
        done = self.pages.get(Page.DONE)
        if done is not None:
            from assistant.gui.pages.done import DonePage

            assert isinstance(done, DonePage)
        opens = done is not None and done.opens_thunderbird()
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           self.tr("Open Thunderbird") if opens else self.tr("&Finish"))

    def _move_tools(self, page_id: int) -> None:
        """文字を大きくする and メニュー follow the member to the page now shown."""
        if page_id >= 0:
            self.page_of(Page(page_id)).hold_tools(self.tools)

    def _build_page(self, page_id: Page) -> BasePage:
        """Each page's module is imported here, not at start (the warm-up usually has)."""
        state = self.state
        if page_id is Page.PROTOCOL:
            from assistant.gui.pages.protocol import ProtocolPage
            return ProtocolPage(state)
        if page_id is Page.TRUST:
            from assistant.gui.pages.trust import TrustPage
            return TrustPage(state)
        if page_id is Page.SERVER:
            from assistant.gui.pages.server import ServerPage
            return ServerPage(state, self.backend, self.runner)
        if page_id is Page.LOGIN:
            from assistant.gui.pages.login import LoginPage
            return LoginPage(state, self.backend, self.runner)
        if page_id is Page.CLIENT:
            from assistant.gui.pages.client import ClientPage
            return ClientPage(state, self.backend)
        from assistant.gui.pages.done import DonePage
        assert page_id is Page.DONE, page_id  # the account page: _build_first_page
        return DonePage(state, self.backend)

    def next_member(self) -> None:
        """Shared PC, 「次の方の設定へ」: the member's password first, then everything else of
        hers goes, her pages included (the first one is built anew, the others when needed);
        the language, volunteer mode, shared-PC mode and text size stay."""
        self.state.next_member()
        for page_id in list(self.pages):
            page = self.pages.pop(page_id)
            self.removePage(int(page_id))
            page.deleteLater()
        self._build_first_page()
        self.restart()
        self.name_buttons()

    def _build_first_page(self) -> AccountPage:
        page = AccountPage(self.state)
        self.pages[Page.ACCOUNT] = page
        self.setPage(int(Page.ACCOUNT), page)
        self.setStartId(int(Page.ACCOUNT))
        page.completeChanged.connect(self.name_buttons)
        return page

    def _know_profile_trust(self) -> None:
        """The warm-up's step: whether the loaded profile is the church's word (its
        signature), so that the first page may name the church (only then)."""
        if self.state.profile is not None:
            self.state.loaded_profile()
            self.pages[Page.ACCOUNT].retranslate()

    def validateCurrentPage(self) -> bool:
        """Next was pressed: build the following page before QWizard switches to it."""
        if not super().validateCurrentPage():
            return False
        following = self.nextId()
        if following != -1:
            self.page_of(Page(following))
            self.name_buttons()  # before QWizard shows the buttons: laid out for their text
        return True

    def return_to(self, page_id: Page) -> None:
        """Go back through the history to an earlier page (QWizard cannot jump forward to a
        page it has already shown)."""
        visited = self.visitedIds()
        if int(page_id) not in visited:
            return
        while self.currentId() != int(page_id) and self.currentId() != visited[0]:
            self.back()

    def login_refused(self) -> None:
        """The server refused the password: back to the account page, password selected."""
        target = next_page(Page.LOGIN, self.state)
        if target is Page.ACCOUNT:
            self.state.retry_login = True  # Next there leads straight to the login check
            self.return_to(target)
            page = self.page_of(Page.ACCOUNT)
            assert isinstance(page, AccountPage)
            page.ask_password_again()

    # --- language, font, volunteer mode ------------------------------------------------------

    def set_language(self, lang: str) -> None:
        if lang == self.state.lang:
            return
        self.state.lang = lang
        self.translations.install(lang)  # Qt sends LanguageChange to every widget
        self.language_changed.emit(lang)

    def set_large_font(self, on: bool) -> None:
        """Body text ×1.5 (or back), on every page, the diagram included."""
        self.state.large_font = on
        set_text_size(on)
        self.large_font_action.setChecked(on)
        self.large_font_button.setChecked(on)
        for page in self.pages.values():
            page.text_size_changed()
        if on:
            self._fit_to_screen(max(self.width(), 1000), max(self.height(), 800))

    def large_font_toggled(self, on: bool) -> None:
        """From the button or the menu: change only what differs
        (each control follows the others through set_large_font), and remember the choice
        for this computer."""
        if on != self.state.large_font:
            self.set_large_font(on)
            remember_text_size(on)

    def set_volunteer(self, on: bool) -> None:
        self.state.volunteer = on
        self.volunteer_action.setChecked(on)
        for action in [*self.export_actions, self.accounts_action]:
            action.setVisible(on and not self.state.practice)  # practice writes nothing
        for page in self.pages.values():
            page.set_volunteer(on)

    def _build_menu(self) -> None:
        # 文字を大きくする and メニュー in a row above each page, not in the bottom row: beside
        # 戻る, the main button and キャンセル they made that row ~840 px wide with larger text
        # at 150 %, wider than a 1024x600 screen (683 px).
        self.tools = QWidget(self)
        tools = QHBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        self.large_font_button = QPushButton(self.tools)  # on every page, beside the menu
        self.large_font_button.setCheckable(True)
        self.large_font_button.setAutoDefault(False)
        self.large_font_button.setChecked(self.state.large_font)
        self.large_font_button.toggled.connect(self.large_font_toggled)
        self.menu_button = QPushButton(self.tools)
        self.menu_button.setAutoDefault(False)
        self.menu = QMenu(self.menu_button)
        self.volunteer_action = QAction(self)
        self.volunteer_action.setCheckable(True)
        self.volunteer_action.setChecked(self.state.volunteer)
        # setShortcuts: setShortcut's overload check would create PySide's whole Qt namespace
        # of enums before the first page is shown (~17 ms, see wrapping_label).
        self.volunteer_action.setShortcuts([QKeySequence("Ctrl+Shift+V")])
        self.volunteer_action.toggled.connect(self.set_volunteer)
        self.large_font_action = QAction(self)
        self.large_font_action.setCheckable(True)
        self.large_font_action.toggled.connect(self.large_font_toggled)
        self.copy_action = QAction(self)
        self.copy_action.triggered.connect(self.copy_diagnostics)
        self.export_actions: list[QAction] = []
        self.menu.addAction(self.volunteer_action)
        self.menu.addAction(self.large_font_action)
        self.menu.addSeparator()
        for fmt, suffix in EXPORT_FORMATS:
            action = QAction(self)
            action.triggered.connect(lambda _c=False, f=fmt, s=suffix: self._export(f, s))
            action.setVisible(self.state.volunteer and not self.state.practice)
            self.export_actions.append(action)
            self.menu.addAction(action)
        self.menu.addAction(self.copy_action)
        self.accounts_action = QAction(self)  # the volunteer's: accounts and removing one
        self.accounts_action.triggered.connect(self.show_accounts)
        self.accounts_action.setVisible(self.state.volunteer and not self.state.practice)
        self.menu.addAction(self.accounts_action)
        self.addActions([self.volunteer_action])
        self.menu_button.setMenu(self.menu)
        tools.addWidget(self.large_font_button)
        tools.addWidget(self.menu_button)
        self.setButtonLayout([
            QWizard.WizardButton.Stretch,
            QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton])

    def show_accounts(self) -> QDialog:
        """The volunteer menu's list of this PC's Thunderbird accounts (open, not exec)."""
        from assistant.gui.accounts_dialog import AccountsDialog

        self.backend.prepare()  # the core's inventory: imported on this thread, not lazily
        dialog = AccountsDialog(self.state, self.backend, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def copy_diagnostics(self) -> str:
        """Put the whitelisted diagnostics (never the password) on the clipboard."""
        diagnostics = self.state.diagnostics()
        QGuiApplication.clipboard().setText(diagnostics)
        return diagnostics

    def export(self, fmt: str, output: Path) -> Path | None:
        """Write the church profile or a client file from what the wizard found."""
        from PySide6.QtWidgets import QMessageBox  # dialogs only for volunteers: not at start

        subject = self.state.account() or self.state.profile
        if subject is None:
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "Check the server first: there is nothing to export yet."))
            return None
        try:
            return self.backend.write_export(fmt, subject, output, self.state.lang,
                                             self.state.profile)
        except (AssistantError, OSError) as error:
            from assistant.messages import text

            reason = text(error, self.state.lang) if isinstance(error, AssistantError) else str(
                error)
            QMessageBox.warning(self, self.windowTitle(), reason)
            return None

    def _export(self, fmt: str, suffix: str) -> None:
        from assistant.gui.file_dialog import ask_save_path

        path = ask_save_path(self, self.tr("Export"), Path.home() / f"mail-settings{suffix}")
        if path is not None:
            self.export(fmt, path)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Mail setup assistant — practice (nothing is written)")
                            if self.state.practice else self.tr("Mail setup assistant"))
        self.menu_button.setText(self.tr("Menu"))
        self.name_buttons()
        self.menu_button.setAccessibleName(self.tr("Menu"))
        self.volunteer_action.setText(self.tr("Volunteer mode (technical details)"))
        self.large_font_action.setText(self.tr("Larger text"))
        self.large_font_button.setText(self.tr("Larger text"))
        self.large_font_button.setAccessibleName(self.tr("Larger text"))
        # The diagnostics stay English on purpose: they are pasted to a technician (who may
        # not read Japanese) and compared with logs; the menu says so (docs/wizard.md).
        self.copy_action.setText(self.tr(
            "Copy diagnostics for a technician (in English, without the password)"))
        self.accounts_action.setText(self.tr("Mail settings on this computer…"))
        labels = {"profile": self.tr("Export church settings profile…"),
                  "autoconfig": self.tr("Export autoconfig XML…"),
                  "mobileconfig": self.tr("Export iPhone/iPad profile (mobileconfig)…")}
        for (fmt, _suffix), action in zip(EXPORT_FORMATS, self.export_actions, strict=True):
            action.setText(labels[fmt])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # --- closing -----------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, キャンセル or the window's ×: once she has typed something, ask first; staying
        is the default (Enter, Esc). Nothing is lost after the settings were written."""
        account = self.pages.get(Page.ACCOUNT)
        typed = account is not None and account.has_input()
        if not typed or self.currentId() == int(Page.DONE):
            super().reject()
            return
        if self.leave_question is not None:
            return  # already asked: the question is on screen
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Close the assistant?"), parent=self)
        # Two short lines: as one, the box wrapped its last character alone (失われま／す。).
        box.setInformativeText(self.tr("What you have typed will be lost."))
        stay = box.addButton(self.tr("Go on with the setup"), QMessageBox.ButtonRole.RejectRole)
        leave = box.addButton(self.tr("Close"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.finished.connect(lambda _code: self._answered_leave(box.clickedButton() is leave))
        self.leave_question = box
        box.open()  # not exec(): no nested event loop while checks report

    def _answered_leave(self, leave: bool) -> None:
        self.leave_question = None
        if leave:
            super().reject()

    def done(self, result: int) -> None:
        """Cancel (or finish) stops every background check at once."""
        if self._runner is not None:
            self._runner.cancel_all()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._runner is not None:
            self._runner.cancel_all()
        super().closeEvent(event)
