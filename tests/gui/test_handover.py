"""The wizard's handover and shared-PC parts, pressing the buttons a member or volunteer would:
the password consent, 「Thunderbird を開く」, what the done page says, the PC's shared mode on
the welcome page and 「次の方の設定へ」 (demo backend, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWizard

from assistant.clients.thunderbird import labels
from assistant.errors import Problem
from assistant.gui.flow import Page
from assistant.gui.state import SharedPcSource, WizardState, shared_pc_mode
from assistant.machine_settings import MachineSettings, load_machine_settings
from tests.gui.demo import DemoBackend
from tests.gui.helpers import current, demo_to_client_page, forward_button, press_next
from tests.gui.walk import visible_texts

pytestmark = pytest.mark.gui


def to_done(qtbot, wizard):
    demo_to_client_page(qtbot, wizard)
    wizard.page_of(Page.CLIENT).thunderbird.click()
    press_next(wizard)
    assert current(wizard) is Page.DONE
    return wizard.page_of(Page.DONE)


def member_view(page):
    return "\n".join(text for _widget, text in visible_texts(page))


def test_consent_on_by_default_hands_the_password_and_opens_thunderbird(qtbot, make_wizard,
                                                                         tmp_path):
    backend = DemoBackend(tmp_path)
    wizard = make_wizard(backend=backend)
    demo_to_client_page(qtbot, wizard)
    client = wizard.page_of(Page.CLIENT)
    assert client.save_password.isVisible() and client.save_password.isChecked()
    assert client.save_password.text() == "このパソコンにパスワードを保存する"
    press_next(wizard)
    assert backend.handover is not None and backend.handover.password is not None
    assert backend.handover.password.reveal() == "pw-demo-123"
    assert not backend.handover.shared_pc
    done = wizard.page_of(Page.DONE)
    text = member_view(done)
    assert "何も聞かれません" in text
    assert labels.REMEMBER_PASSWORD.ja not in text  # nothing to tick: nothing is asked
    assert labels.QUIT.ja in done.next_steps.text() and "≡" in done.next_steps.text()
    assert "prefs.js" not in text and str(tmp_path) not in text  # paths: details only
    assert "ファイル」→" not in text
    button = forward_button(wizard)
    assert button is wizard.button(QWizard.WizardButton.FinishButton)
    assert button.text() == "Thunderbird を開く"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert backend.opened == [(tmp_path / "thunderbird-profile", None)]  # written there
    assert not wizard.isVisible()  # the wizard closed


def test_unticked_consent_stores_nothing_and_says_what_thunderbird_asks(qtbot, make_wizard,
                                                                         tmp_path):
    backend = DemoBackend(tmp_path)
    wizard = make_wizard(backend=backend)
    demo_to_client_page(qtbot, wizard)
    wizard.page_of(Page.CLIENT).save_password.click()
    press_next(wizard)
    assert backend.handover.password is None and not wizard.state.password_saved
    steps = wizard.page_of(Page.DONE).next_steps.text()
    assert labels.REMEMBER_PASSWORD.ja in steps
    assert labels.SMTP_PASSWORD_TITLE.ja.format(host=wizard.state.outgoing.host) in steps


def test_no_consent_offered_for_outlook_or_the_sheet(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    demo_to_client_page(qtbot, wizard)
    client = wizard.page_of(Page.CLIENT)
    for choice in (client.outlook, client.sheet_only):
        choice.click()
        assert not client.save_password.isVisible()
    client.thunderbird.click()
    assert client.save_password.isVisible()


def test_outlook_done_page_says_it_asks_once(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    demo_to_client_page(qtbot, wizard)
    wizard.page_of(Page.CLIENT).outlook.click()
    press_next(wizard)
    steps = wizard.page_of(Page.DONE).next_steps.text()
    assert "一度だけ" in steps and "資格情報を記憶する" in steps
    assert wizard.button(QWizard.WizardButton.FinishButton).text() != "Thunderbird を開く"


def test_unchanged_rerun_does_not_say_written(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    done = to_done(qtbot, wizard)
    assert "書き込みました" in done.summary.text()
    wizard.state.changes.clear()
    wizard.state.password_saved = False
    done.initializePage()
    assert "書き込みました" not in done.summary.text()
    assert "すでに入っていました" in done.summary.text()


def test_primary_password_is_said_and_nothing_claimed(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    done = to_done(qtbot, wizard)
    wizard.state.password_saved = False
    wizard.state.apply_warnings = [Problem("thunderbird.primary_password", {})]
    done.initializePage()
    assert done.warning.isVisible() and "マスターパスワード" in done.warning.text()
    assert "何も聞かれません" not in done.next_steps.text()


def test_english_done_page_quotes_thunderbirds_english_labels(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(lang="en", backend=DemoBackend(tmp_path))
    demo_to_client_page(qtbot, wizard)
    wizard.page_of(Page.CLIENT).save_password.click()
    press_next(wizard)
    steps = wizard.page_of(Page.DONE).next_steps.text()
    assert labels.REMEMBER_PASSWORD.en in steps and labels.QUIT.en in steps
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Open Thunderbird"


def test_shared_pc_mode_order():
    assert shared_pc_mode(True, False, None) == (True, SharedPcSource.COMMAND_LINE)
    assert shared_pc_mode(False, False, None) == (False, SharedPcSource.MACHINE)
    assert shared_pc_mode(False, None, None) == (False, SharedPcSource.DEFAULT)


def test_first_page_switch_is_the_volunteers_and_remembered(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    welcome = wizard.pages[Page.ACCOUNT]
    assert welcome.shared_pc.isVisible() and not welcome.shared_pc.isEnabled()
    assert "個人のパソコン" in welcome.shared_pc_note.text()
    wizard.set_volunteer(True)
    assert welcome.shared_pc.isEnabled()
    welcome.shared_pc.click()
    assert wizard.state.shared_pc
    assert load_machine_settings() == MachineSettings(shared_pc=True)
    assert "共用パソコン" in welcome.shared_pc_note.text()
    welcome.shared_pc.click()
    assert load_machine_settings().shared_pc is False


def test_shared_pc_stores_no_password_says_so_and_clears_for_the_next_member(
        qtbot, make_wizard, tmp_path):
    backend = DemoBackend(tmp_path)
    wizard = make_wizard(backend=backend, shared_pc=True, volunteer=True, large_font=True)
    demo_to_client_page(qtbot, wizard)
    client = wizard.page_of(Page.CLIENT)
    assert not client.save_password.isVisible()
    press_next(wizard)
    handover = backend.handover
    assert handover.shared_pc and handover.password is None
    done = wizard.page_of(Page.DONE)
    assert "パスワードは保存しないでください" in done.next_steps.text()
    assert labels.PROFILE_CHOOSER_TITLE.ja in done.next_steps.text()
    assert done.next_member.isVisible() and done.next_member.text() == "次の方の設定へ"
    account_page = wizard.pages[Page.ACCOUNT]
    qtbot.mouseClick(done.next_member, Qt.MouseButton.LeftButton)
    state = wizard.state
    assert current(wizard) is Page.ACCOUNT
    assert not state.password and state.email is None and state.display_name == ""
    assert state.incoming is None and state.written_target is None
    assert state.shared_pc and state.volunteer and state.large_font and state.lang == "ja"
    assert list(wizard.pages) == [Page.ACCOUNT]  # her pages (and their fields) are gone
    assert wizard.pages[Page.ACCOUNT] is not account_page
    qtbot.waitUntil(lambda: not account_page.isVisible())
    fresh = wizard.page_of(Page.ACCOUNT)
    assert fresh.isVisible() and fresh.password.text() == "" and fresh.email.text() == ""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the done page goes
    assert fresh.isAncestorOf(wizard.large_font_button) and wizard.large_font_button.isVisible()


def test_handover_of_the_state_needs_consent_and_a_proven_password():
    from assistant.gui.state import LoginOutcome
    from assistant.secret import Secret

    state = WizardState(password=Secret("pw"), login_outcome=LoginOutcome.OK)
    assert state.handover().password is not None
    state.save_password = False
    assert state.handover().password is None
    state.save_password = True
    state.login_outcome = LoginOutcome.WRONG_PASSWORD
    assert state.handover().password is None
    state.login_outcome = LoginOutcome.OK
    state.shared_pc = True
    assert state.handover().password is None and state.handover().shared_pc


def removal_walk(qtbot, wizard, email):
    """Volunteer menu → the accounts list → select ``email`` → remove → confirm."""
    dialog = wizard.show_accounts()
    rows = [dialog.accounts.item(i).text() for i in range(dialog.accounts.count())]
    row = next(i for i, line in enumerate(rows) if email in line)
    dialog.accounts.setCurrentRow(row)
    assert dialog.remove.isEnabled()
    assert dialog.remove.text() == "この方の設定をこのパソコンから消す"
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    box = dialog.confirmation
    assert box is not None and box.defaultButton() is not dialog.confirm_button
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirmation is None)
    return dialog, rows


def test_volunteer_lists_and_removes_an_account_with_the_real_core(qtbot, make_wizard,
                                                                     tmp_path):
    from assistant.gui.backend import Backend
    from tests.thunderbird.helpers import account

    profile = tmp_path / "thunderbird"
    backend = Backend()
    wizard = make_wizard(backend=backend, volunteer=True)
    for email, name in (("alice@church.test", "Alice"), ("bob@church.test", "Bob")):
        backend.apply_thunderbird(account(email, name), profile)
    assert wizard.accounts_action.isVisible()
    dialog, rows = removal_walk(qtbot, wizard, "alice@church.test")
    assert len(rows) == 2
    prefs = (profile / "prefs.js").read_text()
    assert "alice@church.test" not in prefs and "bob@church.test" in prefs
    assert "alice@church.test" in dialog.outcome.text()
    assert [dialog.accounts.item(i).text() for i in range(dialog.accounts.count())] == [
        r for r in rows if "bob@" in r]


def test_a_members_own_profile_goes_whole(qtbot, make_wizard, tmp_path, monkeypatch):
    """Shared PC: the wizard writes her into a profile of her own (registered by her name,
    StartWithLastProfile=0); the volunteer menu removes it whole."""
    from assistant.clients.thunderbird.handover import Handover
    from assistant.gui.backend import Backend
    from tests.thunderbird.helpers import account

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    backend = Backend()
    wizard = make_wizard(backend=backend, volunteer=True, shared_pc=True)
    wizard.state.options.thunderbird_profile = None
    report = backend.apply_thunderbird(account("hana@church.test", "花子"), None,
                                       Handover(shared_pc=True))
    root = tmp_path / "home" / ".thunderbird"
    ini = (root / "profiles.ini").read_text()
    assert report.profile_name == "花子" and "Name=花子" in ini and "StartWithLastProfile=0" in ini
    from assistant.clients.thunderbird.member_profiles import member_profile

    member_profile("空き")  # a profile without an account: listed, not removable here
    dialog, rows = removal_walk(qtbot, wizard, "hana@church.test")
    assert any("花子" in r for r in rows) and "空き: メールの設定はありません" in rows
    assert not report.target.parent.exists()
    assert "花子" not in (root / "profiles.ini").read_text()
    assert "花子" in dialog.outcome.text()


def test_none_survives_many_qt_calls():
    """PySide6 6.12 on Python 3.11 drops a reference to None per void Qt call; after the
    program's guard, far more calls than a session makes leave None alive (run in a child:
    without the guard it aborts the interpreter)."""
    import subprocess
    import sys

    script = ("from PySide6.QtWidgets import QApplication, QLabel\n"
              "from assistant.gui.none_guard import keep_none_alive\n"
              "keep_none_alive()\n"
              "app = QApplication([]); label = QLabel()\n"
              "for _ in range(60000):\n"
              "    label.setText('x')\n"
              "print('alive')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "alive", done.stderr[-500:]


def test_primary_password_profile_real_walk_stores_nothing_and_says_so(qtbot, make_wizard,
                                                                       testbed, tmp_path):
    """A real walk against the test bed into a profile locked by a primary password: the
    account is written, the password is not, and the done page says why in plain words."""
    from tests.gui.helpers import fill_account, through_checks
    from tests.thunderbird.nss_tools import need_nss, set_primary_password

    need_nss()
    user = testbed.scenarios["modern"].user("alice")
    profile = tmp_path / "thunderbird"
    wizard = make_wizard(testbed=testbed)
    set_primary_password(profile)
    fill_account(wizard, "山田 太郎", user.email, user.password)
    through_checks(qtbot, wizard)
    assert wizard.page_of(Page.CLIENT).save_password.isChecked()
    press_next(wizard)
    assert current(wizard) is Page.DONE
    done = wizard.page_of(Page.DONE)
    assert not wizard.state.password_saved and not (profile / "logins.json").exists()
    assert user.email in (profile / "prefs.js").read_text()
    assert done.warning.isVisible() and "マスターパスワード" in done.warning.text()
    assert "何も聞かれません" not in done.next_steps.text()
    assert labels.REMEMBER_PASSWORD.ja in done.next_steps.text()


def test_two_members_named_alike_get_two_profiles(tmp_path, monkeypatch):
    from assistant.clients.thunderbird.handover import Handover
    from assistant.gui.backend import Backend
    from tests.thunderbird.helpers import account

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    backend = Backend()
    first = backend.apply_thunderbird(account("hana@church.test", "花子"), None,
                                      Handover(shared_pc=True))
    again = backend.apply_thunderbird(account("hana@church.test", "花子"), None,
                                      Handover(shared_pc=True))
    other = backend.apply_thunderbird(account("hana2@church.test", "花子"), None,
                                      Handover(shared_pc=True))
    assert first.profile_name == again.profile_name == "花子"  # her own again: the same one
    assert other.profile_name == "花子 (hana2@church.test)"
    assert other.target.parent != first.target.parent
    assert "hana@" not in other.target.read_text() and "hana2@" not in first.target.read_text()
