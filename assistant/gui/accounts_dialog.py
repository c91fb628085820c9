"""The volunteer menu's 「このパソコンのメールの設定」: which accounts and member profiles this
PC's Thunderbird holds (the core's inventory), and 「この方の設定をこのパソコンから消す」
(the core's remove, after a question whose default is No).

A member's own profile on a shared PC goes whole, as ``remove --shared-pc --yes`` does; an
account in any other profile is taken out of it and the rest stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import AssistantError
from assistant.gui.backend import Backend
from assistant.gui.pages.base import error_label, wrapping_label
from assistant.gui.state import WizardState
from assistant.messages import text

if TYPE_CHECKING:
    from assistant.clients.thunderbird.inventory import AccountEntry, ProfileEntry


class AccountsDialog(QDialog):
    def __init__(self, state: WizardState, backend: Backend,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.backend = backend
        self.entries: list[tuple[ProfileEntry, AccountEntry]] = []
        self.confirmation: QMessageBox | None = None  # the question while it is shown
        self.intro = wrapping_label(self)
        self.accounts = QListWidget(self)
        self.remove = QPushButton(self)
        self.remove.setAutoDefault(False)
        self.remove.setEnabled(False)
        self.outcome = wrapping_label(self)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.accounts, self.remove, self.outcome, self.error):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.accounts.currentRowChanged.connect(
            lambda _row: self.remove.setEnabled(self._selected() is not None
                                                and self.confirmation is None))
        self.remove.clicked.connect(self.ask_remove)
        self.setWindowTitle(self.tr("Mail settings on this computer"))
        self.intro.setText(self.tr(
            "The accounts in this computer's Thunderbird. A person on a shared computer has a "
            "profile of her own, which goes whole when her settings are removed."))
        self.remove.setText(self.tr("Remove this person's settings from this computer"))
        self.remove.setAccessibleName(self.remove.text())
        self.accounts.setAccessibleName(self.tr("Accounts in Thunderbird"))
        self.resize(620, 420)
        self.refresh()

    def refresh(self) -> None:
        """Read the inventory again (after a removal, or when opened)."""
        self.accounts.clear()
        self.entries = []
        self.error.hide()
        try:
            profiles = self.backend.thunderbird_inventory(self.state.options.thunderbird_profile)
        except AssistantError as problem:
            self.error.setText(text(problem, self.state.lang))
            self.error.show()
            profiles = []
        for profile in profiles:
            if not profile.accounts:  # shown, but nothing to remove with this dialog
                empty = QListWidgetItem(self.tr("{name}: no mail account").format(
                    name=profile.name or profile.path), self.accounts)
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
            for account in profile.accounts:
                self.entries.append((profile, account))
                item = QListWidgetItem(self._describe(profile, account), self.accounts)
                item.setData(Qt.ItemDataRole.UserRole, len(self.entries) - 1)
                item.setToolTip(f"{account.protocol} {account.host}:{account.port} — "
                                f"{profile.path}")
        if not self.entries and self.error.isHidden():
            self.outcome.setText(text("inventory.none", self.state.lang))
        self.remove.setEnabled(False)

    def _describe(self, profile: ProfileEntry, account: AccountEntry) -> str:
        where = (self.tr("profile of her own: {name}") if profile.member
                 else self.tr("profile: {name}")).format(name=profile.name or profile.path)
        return f"{account.name} <{account.email}> — {where}"

    def _selected(self) -> tuple[ProfileEntry, AccountEntry] | None:
        item = self.accounts.currentItem()
        index = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return self.entries[index] if isinstance(index, int) else None

    def ask_remove(self) -> None:
        """The question first; No (the default, Enter and Esc) keeps everything."""
        selected = self._selected()
        if selected is None or self.confirmation is not None:
            return
        profile, account = selected
        question = self.tr(
            "Remove the settings of {email} from this computer? Her profile \"{name}\" is "
            "deleted whole, with any mail kept in it.") if profile.member else self.tr(
            "Remove the account {email} from this computer's Thunderbird? Mail kept on this "
            "computer for it is deleted; the mail on the server stays.")
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), question.format(
            email=account.email, name=profile.name or ""), parent=self)
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        self.confirm_button = box.addButton(self.tr("Remove"),
                                            QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _code: self._answered(
            box.clickedButton() is self.confirm_button, profile, account))
        self.confirmation = box
        self.remove.setEnabled(False)
        box.open()  # not exec(): no nested event loop

    def _answered(self, remove: bool, profile: ProfileEntry, account: AccountEntry) -> None:
        self.confirmation = None
        if not remove:
            self.remove.setEnabled(self._selected() is not None)
            return
        try:
            report = self.backend.remove_thunderbird_account(profile.path, account.email,
                                                             whole_profile=profile.member)
        except AssistantError as problem:
            self.error.setText(text(problem, self.state.lang))
            self.error.show()
            return
        lang = self.state.lang
        done = (text("remove.profile_removed", lang, name=report.profile_name or "",
                     path=str(report.profile)) if report.profile_removed
                else text("remove.done", lang, email=account.email, path=str(report.profile)))
        warnings = [text(code, lang) for code in report.warnings]
        self.refresh()
        self.outcome.setText("\n".join([done, *warnings]))
