"""A settings profile that is not the church's word stops the member before anything is
sent (docs/security.md): the trust page names every host in large type, Enter stops, and a
profile whose servers lie outside her domain cannot be used at all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assistant.gui.flow import Page
from assistant.gui.pages.trust import TrustPage
from assistant.profile import load_profile
from tests.gui.demo import DemoBackend
from tests.gui.helpers import current, fill_account, press_next, to_checks
from tests.paths import SAMPLE_PROFILE

pytestmark = pytest.mark.gui


def file_profile(tmp_path, host: str = "mail.example-church.jp"):
    """The sample church's profile as a file that arrived by e-mail: unsigned."""
    text = SAMPLE_PROFILE.read_text(encoding="utf-8").replace("mail.example-church.jp", host)
    path = tmp_path / "church.mailsetup"
    path.write_text(text, encoding="utf-8")
    return path, load_profile(path)


def to_trust_page(qtbot, make_wizard, tmp_path, host: str):
    path, profile = file_profile(tmp_path, host)
    wizard = make_wizard(backend=DemoBackend(tmp_path), profile=profile)
    wizard.state.options.profile_path = path
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=5000)
    fill_account(wizard, "太郎", "taro@example-church.jp", "pw-demo-123")
    to_checks(wizard)
    assert current(wizard) is Page.TRUST
    page = wizard.page_of(Page.TRUST)
    assert isinstance(page, TrustPage)
    return wizard, page


def test_an_unsigned_profile_names_its_hosts_large_and_enter_stops(qtbot, make_wizard,
                                                                   tmp_path):
    wizard, page = to_trust_page(qtbot, make_wizard, tmp_path, "mail.example-church.jp")
    assert "mail.example-church.jp" in page.hosts.text()
    assert page.hosts.font().pointSizeF() > QApplication.font().pointSizeF() * 1.5
    assert "署名がありません" in page.intro.text() and "church.mailsetup" in page.intro.text()
    assert "教会に問い合わせて" in page.advice.text()
    # The file's own number is not the church's word: a forger would put his own there.
    assert "03-1234-5678" not in page.advice.text()
    assert not page.isComplete() and page.hint.isVisible()
    qtbot.waitUntil(page.stop.hasFocus, timeout=5000)
    qtbot.keyClick(page.stop, Qt.Key.Key_Return)  # the default is to stop…
    # …but what she typed is not thrown away at once: asked like キャンセル, staying first.
    box = wizard.leave_question
    assert box is not None and box.isVisible() and wizard.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert wizard.isVisible() and current(wizard) is Page.TRUST
    qtbot.mouseClick(page.stop, Qt.MouseButton.LeftButton)
    leave = next(b for b in wizard.leave_question.buttons() if b.text() == "閉じる")
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()


def test_confirmed_it_goes_on_without_asking_again_for_its_hosts(qtbot, make_wizard,
                                                                 tmp_path):
    wizard, page = to_trust_page(qtbot, make_wizard, tmp_path, "mail.example-church.jp")
    qtbot.mouseClick(page.use, Qt.MouseButton.LeftButton)
    assert current(wizard) is Page.PROTOCOL  # the profile, now confirmed, offers the choice
    press_next(wizard)  # 確認する
    # No question asked about its hosts: both checks passed and went on by themselves.
    qtbot.waitUntil(lambda: current(wizard) is Page.CLIENT, timeout=10000)
    assert wizard.page_of(Page.SERVER).isComplete()


def test_a_forged_profile_with_servers_elsewhere_cannot_be_used(qtbot, make_wizard, tmp_path):
    wizard, page = to_trust_page(qtbot, make_wizard, tmp_path, "mail.evil.example")
    assert page.refusal.isVisible() and "mail.evil.example" in page.refusal.text()
    assert not page.use.isVisible() and not page.isComplete()
    press_next(wizard)
    assert current(wizard) is Page.TRUST


def test_the_church_s_own_profile_needs_no_page(qtbot, make_wizard, tmp_path):
    """A profile handed in by the program (as the embedded one) is the church's word."""
    wizard = make_wizard(backend=DemoBackend(tmp_path), profile=load_profile(SAMPLE_PROFILE))
    fill_account(wizard, "太郎", "taro@example-church.jp", "pw-demo-123")
    to_checks(wizard)
    assert current(wizard) is Page.SERVER


@pytest.mark.parametrize("yes", [False, True])
def test_a_host_from_http_autoconfig_is_a_real_question_with_no_as_default(qtbot, make_wizard,
                                                                           tmp_path, yes):
    wizard = make_wizard(backend=DemoBackend(tmp_path, state="http"))
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=5000)
    fill_account(wizard, "太郎", "taro@example-church.jp", "pw-demo-123")
    to_checks(wizard)
    server = wizard.page_of(Page.SERVER)
    qtbot.waitUntil(server.question.isVisible, timeout=10000)
    message = server.question.message.text()
    assert "mail.example-church.jp" in message and "http" in message and "いいえ" in message
    assert server.question.yes.isVisible()  # a member answers this one herself
    if yes:
        qtbot.mouseClick(server.question.yes, Qt.MouseButton.LeftButton)
    else:
        qtbot.waitUntil(server.question.no.hasFocus, timeout=5000)
        qtbot.keyClick(server.question.no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not server.is_busy(), timeout=10000)
    assert server.isComplete() is yes
    assert (wizard.state.chosen is not None) is yes


def test_an_unsigned_profile_s_church_name_is_not_on_the_first_page(qtbot, make_wizard,
                                                                    tmp_path):
    """Anyone can write a church's name into a file: before she has been asked about it, the
    first page names no church (neither on its own line nor in the address warning), once
    the warm-up knows the file is nobody's word; the church's own file is named."""
    from tests.gui.walk import visible_texts

    path, profile = file_profile(tmp_path)
    name = profile.organisation("ja")
    wizard = make_wizard(backend=DemoBackend(tmp_path), profile=profile)
    wizard.state.options.profile_path = path
    qtbot.waitUntil(lambda: wizard.warmup.done, timeout=10000)
    assert wizard.state.loaded is not None and not wizard.state.loaded.trusted
    fill_account(wizard, "太郎", "taro@elsewhere.example", "pw-demo-123")
    first = wizard.page_of(Page.ACCOUNT)
    assert first.email_warning.isVisible() and "example-church.jp" in first.email_warning.text()
    shown = [first.title(), first.subTitle(), *(t for _w, t in visible_texts(first))]
    assert not any(name in text for text in shown), shown

    own = make_wizard(backend=DemoBackend(tmp_path), profile=load_profile(SAMPLE_PROFILE))
    qtbot.waitUntil(lambda: own.warmup.done, timeout=10000)
    assert name in own.page_of(Page.ACCOUNT).profile_label.text()
