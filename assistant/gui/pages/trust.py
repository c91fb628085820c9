"""設定ファイルの確認: a profile that is not the church's word, or not for this address, stops
here before anything is sent. Every server host is named in large type; the default, and
Enter, is to stop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from assistant.gui.flow import Page, PageStatus
from assistant.gui.pages.base import BasePage, error_label, wrapping_label
from assistant.gui.state import WizardState
from assistant.messages import text

if TYPE_CHECKING:
    from assistant.profile_trust import ProfileVerdict

HOSTS_SCALE = 1.6  # the hosts are what she must compare with what the church told her


class TrustPage(BasePage):
    page_id = Page.TRUST

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.refusal = error_label(self)
        self.intro = wrapping_label(self)
        self.hosts_caption = wrapping_label(self)
        self.hosts = wrapping_label(self)
        font = self.hosts.font()
        font.setPointSizeF(font.pointSizeF() * HOSTS_SCALE)
        font.setBold(True)
        self.hosts.setFont(font)
        self.advice = wrapping_label(self)
        self.stop = QPushButton(self)
        self.use = QPushButton(self)
        self.stop.setAutoDefault(True)  # Enter stops: the safe answer
        self.use.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.stop)
        row.addWidget(self.use)
        row.addStretch(1)
        for widget in (self.refusal, self.intro, self.hosts_caption, self.hosts, self.advice):
            self.body.addWidget(widget)
        self.body.addLayout(row)
        self.body.addStretch(1)
        # The same way out as キャンセル: what she typed is not lost without a question.
        self.stop.clicked.connect(lambda: self.wizard_().reject())
        self.use.clicked.connect(self._use)
        self._verdict: ProfileVerdict | None = None
        self.finish_layout()

    def initializePage(self) -> None:
        self._verdict = self.state.profile_verdict()
        self.retranslate()
        self.status_changed()
        # After QWizard's own focus handling for the new page: Enter must mean "stop".
        QTimer.singleShot(0, self.stop, self.stop.setFocus)

    def _use(self) -> None:
        """She confirmed the file comes from the church: its servers inside her domain may be
        used (a server elsewhere is never offered, see ``check_profile``)."""
        self.state.profile_accepted = True
        self.status_changed()
        self.wizard_().next()

    def page_status(self) -> PageStatus:
        verdict = self._verdict
        if verdict is not None and verdict.refusals:
            return PageStatus(valid=False, error=True, missing=self.tr(
                "This settings file cannot be used for this address."))
        return PageStatus(valid=self.state.profile_accepted, missing=self.tr(
            "Stop here, or confirm that the church gave you this file."))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check the settings file"))
        self.setSubTitle(self.tr("Your password goes only to servers your church vouches "
                                 "for."))
        self.stop.setText(self.tr("Stop here"))
        self.stop.setAccessibleName(self.stop.text())
        self.use.setText(self.tr("The church gave me this file: use it"))
        self.use.setAccessibleName(self.use.text())
        verdict, loaded, lang = self._verdict, self.state.loaded, self.state.lang
        refused = verdict is not None and bool(verdict.refusals)
        self.refusal.setText("\n".join(text(p, lang) for p in verdict.refusals)
                             if verdict is not None else "")
        self.refusal.setVisible(refused)
        self.use.setVisible(not refused)
        source = loaded.source if loaded is not None else None
        notes = [text(n, lang) for n in verdict.notes] if verdict is not None else []
        self.intro.setText("\n".join([self.tr(
            "This settings file has no signature of the church: anyone can write such a file "
            "and send it by e-mail.\nFile: {source}").format(source=source or "-"), *notes]))
        self.intro.setVisible(not refused)
        hosts = list(loaded.hosts) if loaded is not None else []
        from assistant.profile_trust import host_shown  # the core: after the first page

        self.hosts_caption.setText(self.tr("Your password would be sent to:"))
        self.hosts.setText("\n".join(host_shown(h) for h in hosts))
        self.hosts.setAccessibleName(self.hosts_caption.text())
        for label in (self.hosts_caption, self.hosts):
            label.setVisible(not refused and bool(hosts))
        advice = self.tr("If you are not sure that the church gave you this file, stop here "
                         "and ask the church.")
        if contact := self.state.contact():
            advice += "\n" + self.tr("The church's contact: {contact}").format(contact=contact)
        self.advice.setText(advice)

    def details_text(self) -> str:
        loaded = self.state.loaded
        if loaded is None:
            return "-"
        return self.tr("Trust: {trust}; signature: {signature}; file: {source}").format(
            trust=loaded.trust.value, signature=loaded.signature.status.value,
            source=loaded.source or "-")
