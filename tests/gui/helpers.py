"""Steps shared by the wizard walks (what a member does with the keyboard and mouse)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWizard

from assistant.gui.flow import Page
from assistant.gui.pages.account import AccountPage
from assistant.gui.pages.login import LoginPage
from assistant.gui.pages.server import ServerPage
from assistant.gui.wizard import MailWizard

WAIT_MS = 30000
ALLOWED_LATIN = {
    # Names of protocols, programs and formats stay as they are in Japanese text.
    "IMAP", "POP", "SMTP", "AUTH", "Thunderbird", "Outlook", "SSL", "TLS",
    "STARTTLS", "DNS", "SRV", "MX", "autoconfig", "XML", "iPhone", "iPad", "mobileconfig",
    "PC", "Enter", "Caps", "Lock", "SHA", "PDF", "pdf", "html", "mail", "taro", "example",
    "jp", "RFC", "STLS",  # a standard's and a POP3 command's name (volunteer panel)
}
PATHS_AND_ADDRESSES = re.compile(r"[^\s（）()]*[/@.\\:_][^\s（）()]*")  # paths, hosts, keys


def english_words(text: str) -> set[str]:
    """Latin words in a Japanese text that are not names of protocols or programs."""
    text = PATHS_AND_ADDRESSES.sub("", text)
    return set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED_LATIN


def current(wizard: MailWizard) -> Page:
    return Page(wizard.currentId())


FORWARD = (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton,
           QWizard.WizardButton.FinishButton)


def forward_button(wizard: MailWizard) -> QAbstractButton:
    """The one way forward QWizard shows now: 次へ, the commit button, or 完了."""
    shown = [b for b in (wizard.button(w) for w in FORWARD) if b.isVisible()]
    assert len(shown) == 1, [b.text() for b in shown]
    return shown[0]


def press_next(wizard: MailWizard) -> None:
    """Click the forward button as a member would: a disabled one does nothing, so a walk
    that should not get on stops at the page's own assertion."""
    QTest.mouseClick(forward_button(wizard), Qt.MouseButton.LeftButton)


def press_back(wizard: MailWizard) -> None:
    """Click 戻る as a member would."""
    QTest.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)


def type_into(field: Any, text: str) -> None:
    """Like typing: set the text and emit textEdited, which only user edits send."""
    field.setText(text)
    field.textEdited.emit(text)


def fill_account(wizard: MailWizard, name: str, email: str, password: str,
                 login: str | None = None) -> AccountPage:
    page = wizard.page_of(Page.ACCOUNT)
    assert isinstance(page, AccountPage)
    type_into(page.name, name)
    type_into(page.email, email)
    type_into(page.password, password)
    if login is not None:
        type_into(page.login, login)
    return page


def to_checks(wizard: MailWizard) -> None:
    """From the filled account page: 確認する, or 次へ and then 確認する on the POP/IMAP page."""
    press_next(wizard)
    if current(wizard) is Page.PROTOCOL:
        press_next(wizard)


def through_checks(qtbot: Any, wizard: MailWizard) -> None:
    """From the filled account page, let the server and login checks finish and go on to
    the mail-program page (by itself; a volunteer's details hold each result for her Next)."""
    to_checks(wizard)
    while current(wizard) is not Page.CLIENT:
        qtbot.waitUntil(lambda: current(wizard) is Page.CLIENT
                        or wizard.currentPage().isComplete(), timeout=10_000)
        if current(wizard) is not Page.CLIENT:
            press_next(wizard)


def demo_to_client_page(qtbot: Any, wizard: MailWizard) -> None:
    """With the demo backend: the demo member's account, both checks, the mail-program page."""
    assert current(wizard) is Page.ACCOUNT
    fill_account(wizard, "太郎", "taro@example-church.jp", "pw-demo-123")
    through_checks(qtbot, wizard)


def server_page(wizard: MailWizard) -> ServerPage:
    page = wizard.page_of(Page.SERVER)
    assert isinstance(page, ServerPage)
    return page


def wait_server_done(qtbot: Any, wizard: MailWizard) -> ServerPage:
    page = server_page(wizard)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=WAIT_MS)
    return page


def wait_question(qtbot: Any, wizard: MailWizard) -> ServerPage:
    page = server_page(wizard)
    qtbot.waitUntil(lambda: page.question.isVisible(), timeout=WAIT_MS)
    return page


def wait_login_done(qtbot: Any, wizard: MailWizard) -> None:
    page = wizard.page_of(Page.LOGIN)
    assert isinstance(page, LoginPage)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=WAIT_MS)
