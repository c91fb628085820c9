"""Qualities a member relies on: Japanese only on the Japanese path, keyboard operation,
accessible names, larger text, no clipped text (also at 150 %), the volunteer's tools."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QTextBrowser,
    QWizard,
)

from assistant.errors import AssistantError
from assistant.gui.backend import Backend
from assistant.gui.flow import Page
from assistant.messages import text as message_text
from tests.gui.demo import DemoBackend
from tests.gui.helpers import (
    current,
    demo_to_client_page,
    english_words,
    fill_account,
    forward_button,
    press_next,
    type_into,
)
from tests.gui.walk import clipped, outside_screen, visible_texts, walk
from tests.paths import ROOT, SAMPLE_PROFILE

pytestmark = pytest.mark.gui
CONTROLS = (QAbstractButton, QLineEdit, QTextBrowser, QListWidget, QProgressBar,
            QPlainTextEdit, QSvgWidget)


def run_walk(qtbot, translations, tmp_path, lang, on_page, volunteer=False):
    def wait(condition):
        qtbot.waitUntil(condition, timeout=10000)

    wizard = walk(lang, tmp_path, translations, on_page, volunteer=volunteer, wait=wait)
    qtbot.addWidget(wizard)
    return wizard


def test_japanese_path_shows_no_english(qtbot, translations, tmp_path):
    found: dict[str, set[str]] = {}

    def check(wizard, page):
        texts = [wizard.windowTitle(), wizard.currentPage().title(),
                 wizard.currentPage().subTitle()]
        texts += [text for widget, text in visible_texts(wizard) if text != "English"]
        for text in texts:
            if words := english_words(text):
                found[f"{page.name}: {text}"] = words

    wizard = run_walk(qtbot, translations, tmp_path, "ja", check)
    wizard.shut_down()
    assert found == {}


def test_every_control_has_an_accessible_name(qtbot, translations, tmp_path):
    unnamed: list[str] = []

    def check(wizard, page):
        controls = [w for kind in CONTROLS for w in wizard.currentPage().findChildren(kind)]
        for widget in controls:
            if widget.isVisible() and not (widget.accessibleName() or (
                    isinstance(widget, QAbstractButton) and widget.text())):
                unnamed.append(f"{page.name}: {type(widget).__name__} {widget.objectName()}")

    wizard = run_walk(qtbot, translations, tmp_path, "ja", check, volunteer=True)
    wizard.shut_down()
    assert unnamed == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_clipped_text_at_default_size(qtbot, translations, tmp_path, lang):
    problems: list[str] = []

    def check(wizard, page):
        problems.extend(f"{page.name}: {p}" for p in clipped(wizard))

    wizard = run_walk(qtbot, translations, tmp_path, lang, check)
    wizard.shut_down()
    assert problems == []


@pytest.mark.parametrize("large", [True, False], ids=["larger-text", "normal-text"])
@pytest.mark.parametrize(("width", "height", "scale"), [
    (1024, 600, "1.5"), (1366, 768, "1.5"), (1920, 1080, "1.5"), (1024, 600, "1"),
    (1366, 768, "1")])
def test_every_page_fits_small_and_scaled_screens(tmp_path, width, height, scale, large):
    """The screens a member has, at 150 % (a 1024x600 laptop is then 683x400): on every page,
    in both languages, the window fits the free area, no text is cut, and every button shows
    its whole label inside the window (the offscreen screen is set by a config file)."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "member", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": scale,
           "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
    flags = ["--fit", *(["--large"] if large else [])]
    result = subprocess.run([sys.executable, "-m", "tests.gui.walk", *flags], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=240, check=True)
    assert result.stdout.strip().splitlines()[-1] == "OK", result.stdout


def test_enter_means_next_and_tab_order(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    account = wizard.page_of(Page.ACCOUNT)
    assert current(wizard) is Page.ACCOUNT and account.name.hasFocus()
    expected = [account.email, account.password, account.show_password, account.advanced]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget
    # 次へ stays off until everything is valid; then Enter in the password field goes on.
    account.password.setFocus()
    qtbot.keyClick(account.password, Qt.Key.Key_Return)
    assert current(wizard) is Page.ACCOUNT
    qtbot.keyClicks(account.name, "Taro")
    qtbot.keyClicks(account.email, "taro@example-church.jp")
    qtbot.keyClicks(account.password, "pw")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClick(account.password, Qt.Key.Key_Return)
    assert current(wizard) is Page.PROTOCOL
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)  # 確認する
    assert int(Page.SERVER) in wizard.visitedIds()


def test_validation_waits_until_she_leaves_the_field(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    account = fill_account(wizard, "太郎", "taro＠example。jp", "pw")  # typed through an IME
    assert wizard.state.email.ascii == "taro@example.jp"
    assert account.isComplete()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=5000)
    account.email.clear()
    qtbot.keyClicks(account.email, "taro.example.jp")  # real keys: Qt then knows it was edited
    assert not account.isComplete()
    assert not account.email_error.isVisible()  # not while she is still typing
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    assert account.hint.isVisible() and "@" in account.hint.text()  # the greyed 次へ says why
    account.email.setFocus()
    qtbot.keyClick(account.email, Qt.Key.Key_Tab)  # she leaves the field
    assert account.email_error.isVisible() and "@" in account.email_error.text()
    press_next(wizard)  # the greyed 次へ does nothing: the walk stays here
    assert current(wizard) is Page.ACCOUNT
    type_into(account.email, "taro@example.jp")
    assert next_button.isEnabled() and not account.hint.isVisible()
    account.email.clear()
    account.email.setFocus()
    qtbot.keyClicks(account.email, "hanako@church")  # half typed: no complaint yet
    assert account.hint.isVisible() and "途中まで" not in account.hint.text()
    assert "最後まで" in account.hint.text() and not account.email_error.isVisible()
    qtbot.keyClick(account.email, Qt.Key.Key_Tab)
    assert account.email_error.isVisible()
    # Now she is told, in plain words (no ドメイン名), on the field and above the buttons.
    for said in (account.email_error.text(), account.hint.text()):
        assert "@ のあと" in said and "ドメイン" not in said


def test_password_masked_with_show_toggle(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    account = wizard.page_of(Page.ACCOUNT)
    assert account.password.echoMode() is QLineEdit.EchoMode.Password
    account.show_password.click()
    assert account.password.echoMode() is QLineEdit.EchoMode.Normal
    account.show_password.click()
    assert account.password.echoMode() is QLineEdit.EchoMode.Password


def test_language_switch_while_open(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    first = wizard.page_of(Page.ACCOUNT)
    assert first.title() == "アカウント"
    assert wizard.page_of(Page.PROTOCOL).title() == "POP と IMAP"  # built before the switch
    assert "次へ" in wizard.buttonText(QWizard.WizardButton.NextButton)
    first.english.click()
    qtbot.waitUntil(lambda: first.title() == "Your account")
    assert wizard.state.lang == "en"
    assert "Next" in wizard.buttonText(QWizard.WizardButton.NextButton)
    assert wizard.page_of(Page.PROTOCOL).title() == "POP and IMAP"
    first.japanese.click()
    qtbot.waitUntil(lambda: first.title() == "アカウント")
    assert wizard.page_of(Page.PROTOCOL).title() == "POP と IMAP"
    assert wizard.windowTitle() == "メール設定アシスタント"


def test_shared_pc_allows_only_imap(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path), volunteer=True)
    fill_account(wizard, "太郎", "taro@example-church.jp", "pw-demo-123")
    press_next(wizard)
    protocol = wizard.page_of(Page.PROTOCOL)
    protocol.pop.click()
    wizard.back()
    wizard.pages[Page.ACCOUNT].shared_pc.click()  # the PC's mode: the first page's switch
    press_next(wizard)
    assert protocol.imap.isChecked() and not protocol.pop.isEnabled()
    assert protocol.shared_pc.isVisible()
    assert wizard.state.protocol.value == "imap"


def drawn_scale(diagram: QSvgWidget) -> float:
    """How large the picture is drawn (its labels with it): it keeps its proportions."""
    box = diagram.renderer().viewBoxF()
    return min(diagram.width() / box.width(), diagram.height() / box.height())


def mark_size(button: QAbstractButton) -> int:
    from PySide6.QtWidgets import QStyle

    return button.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None,
                                      button)


def test_larger_text_on_every_page_remembered_and_growing_the_diagram(qtbot, make_wizard,
                                                                      tmp_path):
    from assistant.gui.looks import BODY_POINTS
    from assistant.machine_settings import load_machine_settings

    wizard = make_wizard(backend=DemoBackend(tmp_path))
    assert QApplication.font().pointSizeF() == pytest.approx(BODY_POINTS)  # 12 pt body text
    fill_account(wizard, "太郎", "taro@example-church.jp", "pw-demo-123")
    press_next(wizard)
    protocol = wizard.page_of(Page.PROTOCOL)
    normal_diagram = drawn_scale(protocol.diagram)
    normal_mark = mark_size(protocol.pop)
    button = wizard.large_font_button
    # Above the page, not in the bottom row (which it made too wide for a small screen).
    assert button.isVisible() and button.text() == "文字を大きくする"
    assert protocol.isAncestorOf(button)
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # on the second page
        assert QApplication.font().pointSizeF() == pytest.approx(BODY_POINTS * 1.5)
        assert wizard.large_font_action.isChecked()
        # One control for it on page 1 (the button by the menu), not a second check box.
        assert [b for b in wizard.page_of(Page.ACCOUNT).findChildren(QAbstractButton)
                if b.text() in ("文字を大きくする", "Larger text")] == []
        QApplication.processEvents()  # the new layout
        # The picture's labels and the radio marks grow as the text does (not ×1.18).
        assert drawn_scale(protocol.diagram) >= normal_diagram * 1.45
        assert mark_size(protocol.pop) >= normal_mark * 1.4  # whole pixels
        assert load_machine_settings().text_scale == 1.5
        press_next(wizard)  # 確認する: the server page
        assert button.isVisible()  # the next page too
        assert wizard.currentPage().isAncestorOf(button)
    finally:
        wizard.set_large_font(False)
    assert QApplication.font().pointSizeF() == pytest.approx(BODY_POINTS)


def test_larger_text_keeps_the_window_and_its_buttons_on_the_screen(qtbot, make_wizard,
                                                                    tmp_path):
    """Her window sits low on the screen when she presses 文字を大きくする: it grows, but
    stays inside the free area with room for the title bar, and キャンセル stays reachable."""
    from assistant.gui.wizard import FRAME_HEIGHT

    wizard = make_wizard(backend=DemoBackend(tmp_path))
    room = wizard.screen().availableGeometry()
    wizard.move(room.left() + 40, room.top() + room.height() // 3)
    try:
        qtbot.mouseClick(wizard.large_font_button, Qt.MouseButton.LeftButton)
        for _page in range(3):
            assert room.contains(wizard.frameGeometry())
            assert wizard.height() <= room.height() - FRAME_HEIGHT
            assert outside_screen(wizard) == []
            press_next(wizard)
    finally:
        wizard.set_large_font(False)


def test_the_remembered_text_size_is_used_at_the_next_start(tmp_path):
    from assistant.gui.app import remembered_large_text
    from assistant.machine_settings import MachineSettings, save_machine_settings

    assert not remembered_large_text()
    save_machine_settings(MachineSettings(text_scale=1.5))
    assert remembered_large_text()


RAW_VALUES = {"ok", "timeout", "imap", "smtp", "tls", "starttls", "PLAIN", "LOGIN", "PySide",
              "Python", "Linux", "profile", "srv", "autoconfig", "mx", "thunderbird", "INBOX",
              "Sent"}
LABELLED_ENGLISH = re.compile(r"英語の原文）: .*?(?=  |$)", re.MULTILINE)


def test_volunteer_mode_details_exports_and_diagnostics(qtbot, translations, tmp_path):
    seen: dict[Page, str] = {}

    def check(wizard, page):
        panel = wizard.currentPage().details
        assert panel.isVisible()
        seen[page] = panel.toPlainText()

    wizard = run_walk(qtbot, translations, tmp_path, "ja", check, volunteer=True)
    wizard.shut_down()
    assert set(seen) == set(Page) - {Page.TRUST}  # a profile handed in is the church's
    assert "993" in seen[Page.SERVER] and "SHA-256 の指紋" in seen[Page.SERVER]
    # The panels are labelled in Japanese; only raw values stay Latin (codes and protocol
    # words as the core reports them, the platform's name, the TLS library's English text,
    # which the panel labels as English).
    english = {page: english_words(LABELLED_ENGLISH.sub("", text)) - RAW_VALUES
               for page, text in seen.items()}
    assert english == {page: set() for page in seen}, english
    assert all(action.isVisible() for action in wizard.export_actions)
    for fmt, name in (("autoconfig", "config.xml"), ("mobileconfig", "a.mobileconfig"),
                      ("profile", "church.mailsetup")):
        written = wizard.export(fmt, tmp_path / name)
        assert written is not None and written.exists()
        assert "pw-demo-123" not in written.read_text(encoding="utf-8")
    diagnostics = wizard.copy_diagnostics()
    assert "pw-demo-123" not in diagnostics and "pw-demo-123" not in "".join(seen.values())
    assert "imap:mail.example-church.jp:993:tls" in diagnostics


class DemoWithRealThunderbird(DemoBackend):
    """Canned server results, but the real Thunderbird detection and writer."""

    thunderbird_profile = Backend.thunderbird_profile
    thunderbird_in_use = Backend.thunderbird_in_use
    apply_thunderbird = Backend.apply_thunderbird


def test_running_thunderbird_must_be_closed_first(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoWithRealThunderbird(tmp_path))
    profile_dir = wizard.state.options.thunderbird_profile
    lock = profile_dir / "lock"
    lock.symlink_to(f"127.0.0.1:+{os.getpid()}")  # what a running Thunderbird leaves
    demo_to_client_page(qtbot, wizard)
    client = wizard.page_of(Page.CLIENT)
    assert current(wizard) is Page.CLIENT and client.thunderbird.isChecked()
    assert client.running.isVisible() and client.recheck.isVisible()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    lock.unlink()
    client.recheck.click()
    assert not client.running.isVisible()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    press_next(wizard)
    assert current(wizard) is Page.DONE
    assert "taro@example-church.jp" in (profile_dir / "prefs.js").read_text()
    assert "pw-demo-123" not in (profile_dir / "prefs.js").read_text()


def test_profile_loading_and_its_error_on_the_first_page(qtbot, make_wizard, tmp_path):
    from assistant.gui.app import load_settings_profile

    sample = SAMPLE_PROFILE
    path, profile, error = load_settings_profile(sample)
    assert path == sample and error is None and profile is not None
    wizard = make_wizard(backend=DemoBackend(tmp_path), profile=profile)
    wizard.state.loaded_profile()  # its trust, as the warm-up finds it out after the paint
    wizard.page_of(Page.ACCOUNT).retranslate()
    assert "見本教会" in wizard.page_of(Page.ACCOUNT).profile_label.text()

    broken = tmp_path / "broken.mailsetup"
    broken.write_text("format_version = 99\n", encoding="utf-8")
    path, profile, error = load_settings_profile(broken)
    assert path == broken and profile is None and error is not None
    wizard = make_wizard(backend=DemoBackend(tmp_path), profile_error=error)
    label = wizard.page_of(Page.ACCOUNT).profile_label.text()
    assert "読み込めませんでした" in label and english_words(label) == set()


def test_volunteer_mode_from_the_menu(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    page = wizard.page_of(Page.ACCOUNT)
    assert not page.details.isVisible()
    assert not any(action.isVisible() for action in wizard.export_actions)
    wizard.volunteer_action.trigger()
    assert wizard.state.volunteer and page.details.isVisible()
    assert "バージョン: " in page.details.toPlainText()  # labelled in Japanese
    assert all(action.isVisible() for action in wizard.export_actions)
    wizard.volunteer_action.trigger()
    assert not page.details.isVisible()


class DemoWithRealOutlook(DemoBackend):
    """Canned server results, the real Outlook writer (off Windows: files, no registry)."""

    apply_outlook = Backend.apply_outlook


def test_outlook_files_written_off_windows(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoWithRealOutlook(tmp_path))
    demo_to_client_page(qtbot, wizard)
    wizard.page_of(Page.CLIENT).outlook.click()
    press_next(wizard)
    assert current(wizard) is Page.DONE
    written = wizard.state.written_files
    assert written and all(p.exists() for p in written)
    assert all("pw-demo-123" not in p.read_text(errors="replace") for p in written)
    assert "Outlook" in wizard.page_of(Page.DONE).summary.text()


class DemoWithThunderbirdProblem(DemoBackend):
    """The demo backend whose Thunderbird checks fail the way the core reports it."""

    def __init__(self, output_dir: Path, where: str, code: str) -> None:
        super().__init__(output_dir)
        self.where, self.code = where, code

    def thunderbird_installed(self) -> bool:
        return True

    def thunderbird_profile(self, explicit: Path | None) -> Path | None:
        if self.where == "profile":
            raise AssistantError(self.code, path="/home/taro/profiles.ini", reason="EACCES")
        return explicit

    def thunderbird_in_use(self, profile_dir: Path) -> bool:
        if self.where == "lock":
            raise AssistantError(self.code, path=str(profile_dir / "lock"), reason="EACCES")
        return False


@pytest.mark.parametrize(("where", "code"), [
    ("profile", "thunderbird.profiles_ini_unreadable"),
    ("lock", "thunderbird.lock_unknown"),
])
def test_thunderbird_problems_are_shown_on_the_client_page(qtbot, make_wizard, tmp_path, where,
                                                          code):
    backend = DemoWithThunderbirdProblem(tmp_path, where, code)
    wizard = make_wizard(backend=backend)
    demo_to_client_page(qtbot, wizard)  # the page's checks raise: shown, not a crash
    client = wizard.page_of(Page.CLIENT)
    assert current(wizard) is Page.CLIENT and client.thunderbird.isChecked()
    params = {"path": "/home/taro/profiles.ini" if where == "profile" else
              str(wizard.state.options.thunderbird_profile / "lock"), "reason": "EACCES"}
    assert client.error.isVisible()
    assert client.error.text() == message_text(code, "ja", **params)
    assert client.recheck.isVisible()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    client.recheck.click()  # still failing: still shown, still not written
    assert client.error.text() == message_text(code, "ja", **params)
    client.sheet_only.setChecked(True)  # another way on: the problem no longer applies
    assert not client.error.isVisible()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    client.thunderbird.setChecked(True)
    backend.where = "nowhere"  # e.g. the file was made readable
    client.recheck.click()
    assert not client.error.isVisible()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


class RecordingDemo(DemoBackend):
    """Canned results; remembers the profile each probe was given."""

    def __init__(self, output_dir: Path) -> None:
        super().__init__(output_dir)
        self.probed_with: list[object] = []

    def probe(self, check, on_event, cancel):
        self.probed_with.append(check.profile)
        return super().probe(check, on_event, cancel)


@pytest.mark.parametrize(("rule", "login", "details_open"), [
    ("address", "taro@example-church.jp", False),
    ("local-part", "taro", False),
    ("ask", "", True),
])
def test_profile_answers_what_it_can(qtbot, make_wizard, tmp_path, rule, login, details_open):
    """A loaded profile: only IMAP offered → no POP/IMAP page; its login rule fills the login
    name under 詳細 (closed) or, for "ask", opens 詳細 and waits for it; its servers go to the
    probe (which tries them first)."""
    from dataclasses import replace

    from assistant.profile import load_profile
    from assistant.settings import LoginRule, Protocol

    sample = load_profile(SAMPLE_PROFILE)
    profile = replace(sample, login_rule=LoginRule(rule), incoming=tuple(
        s for s in sample.incoming if s.protocol is Protocol.IMAP))
    backend = RecordingDemo(tmp_path)
    wizard = make_wizard(backend=backend, profile=profile)
    press_next(wizard)
    assert current(wizard) is Page.ACCOUNT  # the POP/IMAP page was skipped
    account = fill_account(wizard, "太郎", "taro@example-church.jp", "pw-demo-123")
    assert account.login.text() == login
    assert account.login_form.isVisible() is details_open
    assert account.isComplete() is (rule != "ask")
    if rule == "ask":
        type_into(account.login, "taro")
        assert account.isComplete()
    press_next(wizard)
    qtbot.waitUntil(lambda: bool(backend.probed_with), timeout=10000)
    assert backend.probed_with == [profile]


def test_esc_and_cancel_ask_before_closing_once_something_was_typed(qtbot, make_wizard,
                                                                    tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # nothing typed yet: closing loses nothing
    assert not wizard.isVisible()
    wizard.show()
    fill_account(wizard, "太郎", "taro@", "")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    box = wizard.leave_question
    assert box is not None and box.isVisible() and wizard.isVisible()
    assert "失われます" in box.informativeText()
    for label in box.findChildren(QLabel):  # each line whole, no character left alone
        if label.isVisible() and label.text():
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default is to stay
    assert wizard.isVisible() and wizard.leave_question is None
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    box = wizard.leave_question
    assert box is not None and box.isVisible()
    leave = next(b for b in box.buttons() if b.text() == "閉じる")
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()


def test_each_main_button_names_what_it_does(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    next_text = lambda: wizard.buttonText(QWizard.WizardButton.NextButton)  # noqa: E731
    assert "次へ" in next_text()  # the account page, then the POP/IMAP page
    fill_account(wizard, "太郎", "taro@example-church.jp", "pw-demo-123")
    press_next(wizard)
    assert next_text() == "確認する"  # the server, and the password right after it
    press_next(wizard)
    qtbot.waitUntil(lambda: current(wizard) is Page.CLIENT, timeout=10000)
    client = wizard.page_of(Page.CLIENT)
    assert client.checked.isVisible() and "確認できました" in client.checked.text()
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    client.thunderbird.click()
    assert commit.isVisible() and commit.text() == "設定を書き込む"
    client.sheet_only.click()  # printing only writes nothing into a mail program
    assert commit.text() == "設定内容を表示する（印刷・保存）"


def test_practice_mode_is_marked_on_every_page_and_writes_nothing(qtbot, translations,
                                                                   tmp_path, monkeypatch):
    """--demo: the whole wizard over built-in results, 練習 on every page, no file written
    (the mail program's folder would be the working directory's practice/…)."""
    from assistant.gui.app import practice_backend
    from assistant.gui.state import WizardState
    from assistant.gui.wizard import MailWizard

    monkeypatch.chdir(tmp_path)
    translations.install("ja")
    wizard = MailWizard(WizardState(practice=True, volunteer=True), translations,
                        practice_backend())
    qtbot.addWidget(wizard)
    wizard.show()
    assert "練習" in wizard.windowTitle()
    titles = [wizard.currentPage().title()]
    fill_account(wizard, "太郎", "taro@example-church.jp", "練習用")
    press_next(wizard)
    titles.append(wizard.currentPage().title())
    for _ in range(2):  # a volunteer: each check's result waits for her Next
        press_next(wizard)
        qtbot.waitUntil(wizard.currentPage().isComplete, timeout=10000)
        titles.append(wizard.currentPage().title())
    press_next(wizard)
    assert current(wizard) is Page.CLIENT
    titles.append(wizard.currentPage().title())
    press_next(wizard)  # 設定を書き込む: in practice only what would be written
    assert current(wizard) is Page.DONE
    titles.append(wizard.currentPage().title())
    assert all(t.startswith("【練習】") for t in titles), titles
    done = wizard.currentPage()
    said = "\n".join(text for _widget, text in visible_texts(done))
    assert "練習" in said and "何も書き込んでいません" in said
    assert "書き込みました" not in said and "開きます" not in said
    assert "Thunderbird を開く" not in forward_button(wizard).text()
    assert not any(a.isVisible() for a in wizard.export_actions)
    assert list(tmp_path.rglob("*")) == []
    assert wizard.shut_down(10000)


def test_the_password_note_says_only_what_applies(qtbot, make_wizard, tmp_path):
    """Ticked: nothing is asked; unticked: asked at each start. Never both at once."""
    from PySide6.QtCore import QPoint

    from assistant.gui.pages.client import ClientPage

    wizard = make_wizard(backend=DemoBackend(tmp_path))
    demo_to_client_page(qtbot, wizard)
    page = wizard.currentPage()
    assert isinstance(page, ClientPage) and page.save_password.isChecked()
    assert "何も聞かれません" in page.save_password_note.text()
    assert "パスワードを聞かれます" not in page.save_password_note.text()
    box = page.save_password
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not box.isChecked()
    assert "パスワードを聞かれます" in page.save_password_note.text()
    assert "何も聞かれません" not in page.save_password_note.text()
