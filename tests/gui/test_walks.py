"""Walks through the whole wizard against the real test-bed servers (Dovecot, Postfix, dnsmasq).

Each walk does what a member does: types into the fields, presses 次へ, answers the questions,
and checks what the pages say and what was written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from assistant.gui.flow import Page
from assistant.gui.pages.client import ClientPage
from assistant.gui.pages.done import DonePage
from assistant.gui.pages.login import LoginPage
from assistant.gui.pages.protocol import ProtocolPage
from assistant.gui.state import ClientChoice, LoginOutcome
from assistant.settings import Protocol, Security
from tests.gui.count_walk import WalkBackend
from tests.gui.demo import DemoBackend
from tests.gui.helpers import (
    current,
    demo_to_client_page,
    english_words,
    fill_account,
    forward_button,
    press_back,
    press_next,
    server_page,
    to_checks,
    type_into,
    wait_login_done,
    wait_question,
    wait_server_done,
)
from tests.gui.walk import visible_texts
from tests.testbed.dns import A, start_dns
from tests.testbed.fakes import silent, slow_greeting_smtp

pytestmark = pytest.mark.gui


def files_text(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file())


def test_imap_path_writes_thunderbird(qtbot, make_wizard, testbed, tmp_path):
    alice = testbed.scenarios["modern"].user("alice")
    wizard = make_wizard(testbed=testbed)
    fill_account(wizard, "山田 太郎", alice.email, alice.password)
    press_next(wizard)
    protocol = wizard.page_of(Page.PROTOCOL)
    assert isinstance(protocol, ProtocolPage)
    assert protocol.imap.isChecked() and not protocol.leave_on_server.isVisible()
    press_next(wizard)  # 確認する: the server, then the password, then on by themselves
    qtbot.waitUntil(lambda: current(wizard) is Page.CLIENT, timeout=30000)
    page = server_page(wizard)
    assert page.isComplete(), page.status.text()
    incoming, outgoing = wizard.state.incoming, wizard.state.outgoing
    assert (incoming.protocol, incoming.port, incoming.security) == (
        Protocol.IMAP, 993, Security.TLS)
    assert (outgoing.protocol, outgoing.port, outgoing.security) == (
        Protocol.SMTP, 465, Security.TLS)
    assert page.checks.count() >= 3
    login = wizard.page_of(Page.LOGIN)
    assert isinstance(login, LoginPage)
    assert wizard.state.login_outcome is LoginOutcome.OK, login.incoming.text()
    assert "受信トレイに 2 通" in login.incoming.text()
    assert login.outgoing.text().startswith("送信") and "SMTP" not in login.outgoing.text()
    client = wizard.page_of(Page.CLIENT)
    assert "確認できました" in client.checked.text()
    # 戻る shows what each check said; the server page's 詳細 holds its result for Next.
    press_back(wizard)
    assert current(wizard) is Page.LOGIN and "受信トレイに 2 通" in login.incoming.text()
    press_back(wizard)
    assert current(wizard) is Page.SERVER and not page.details.isVisible()
    page.details_toggle.click()  # a volunteer looks without switching the whole mode on
    assert page.details.isVisible() and ":993" in page.details.toPlainText()
    press_next(wizard)  # 確認する: the password again, and on by itself
    qtbot.waitUntil(lambda: current(wizard) is Page.CLIENT, timeout=30000)
    assert isinstance(client, ClientPage)
    client.thunderbird.click()
    assert wizard.state.client is ClientChoice.THUNDERBIRD
    press_next(wizard)
    assert current(wizard) is Page.DONE
    profile_dir = tmp_path / "thunderbird"
    prefs = (profile_dir / "prefs.js").read_text()
    assert testbed.scenarios["modern"].mail_host in prefs
    assert alice.password not in files_text(profile_dir)
    # Her consent was on (her own PC): the proven password is in Thunderbird's own store,
    # encrypted, so Thunderbird asks nothing; the member's page shows no path.
    assert wizard.state.password_saved
    assert (profile_dir / "logins.json").is_file()
    done = wizard.page_of(Page.DONE)
    assert isinstance(done, DonePage)
    member_view = "\n".join(text for _w, text in visible_texts(done))
    assert str(profile_dir) not in member_view and "prefs.js" not in member_view
    assert "何も聞かれません" in done.next_steps.text()
    assert str(profile_dir) in done.details_text()
    diagnostics = wizard.copy_diagnostics()
    assert alice.password not in diagnostics
    assert alice.password not in QApplication.clipboard().text()


def test_sheet_carries_the_church_name_and_contact(qtbot, make_wizard, tmp_path):
    """With a church profile loaded, the member's sheet says whom to ask (as the command
    line's export does), not only the servers."""
    from assistant.profile import load_profile
    from tests.paths import SAMPLE_PROFILE

    profile = load_profile(SAMPLE_PROFILE)
    wizard = make_wizard(backend=DemoBackend(tmp_path), profile=profile)
    demo_to_client_page(qtbot, wizard)
    wizard.page_of(Page.CLIENT).sheet_only.click()
    press_next(wizard)
    sheet = wizard.page_of(Page.DONE).save_sheet_to(tmp_path / "sheet.html")
    text = sheet.read_text(encoding="utf-8")
    assert profile.organisation_ja in text
    assert profile.contact.phone in text and profile.contact.email in text
    assert "pw-demo-123" not in text


def test_pop_path_leaves_mail_and_saves_sheet(qtbot, make_wizard, testbed, tmp_path):
    hanako = testbed.scenarios["modern"].user("hanako")  # non-ASCII password
    wizard = make_wizard(testbed=testbed)
    fill_account(wizard, "花子", hanako.email, hanako.password)
    press_next(wizard)
    protocol = wizard.page_of(Page.PROTOCOL)
    protocol.pop.click()
    assert protocol.leave_on_server.isVisible() and protocol.leave_on_server.isChecked()
    assert protocol.leave_reason.isVisible()
    press_next(wizard)
    qtbot.waitUntil(lambda: current(wizard) is Page.CLIENT, timeout=30000)
    assert wizard.state.incoming.protocol is Protocol.POP3
    assert wizard.state.incoming.security is not Security.NONE
    assert wizard.state.login_outcome is LoginOutcome.OK
    assert "2" in wizard.page_of(Page.LOGIN).incoming.text()
    wizard.page_of(Page.CLIENT).sheet_only.click()
    press_next(wizard)
    assert current(wizard) is Page.DONE
    assert wizard.state.account().pop.leave_on_server
    sheet = wizard.page_of(Page.DONE).save_sheet_to(tmp_path / "sheet.html")
    text = sheet.read_text(encoding="utf-8")
    assert testbed.scenarios["modern"].mail_host in text
    assert hanako.password not in text
    assert not any((tmp_path / "thunderbird").iterdir())  # nothing written into a client


def test_wrong_password_returns_to_account_page(qtbot, make_wizard, testbed):
    alice = testbed.scenarios["modern"].user("alice")
    wizard = make_wizard(testbed=testbed)
    account = fill_account(wizard, "Alice", alice.email, "not-" + alice.password)
    to_checks(wizard)  # the server check passes and the login check follows by itself
    qtbot.waitUntil(lambda: current(wizard) is Page.ACCOUNT, timeout=30000)
    assert wizard.state.login_outcome is LoginOutcome.WRONG_PASSWORD
    assert account.banner.isVisible()
    assert account.password.hasFocus()
    assert account.password.selectedText() == "not-" + alice.password
    # Retyping the password: one Next leads straight to the login check (the server check
    # still holds), and it passes.
    type_into(account.password, alice.password)
    assert wizard.buttonText(wizard.WizardButton.NextButton) == "確認する"
    press_next(wizard)
    qtbot.waitUntil(lambda: current(wizard) is Page.CLIENT, timeout=30000)
    assert wizard.state.login_outcome is LoginOutcome.OK
    assert [Page(p) for p in wizard.visitedIds()] == [Page.ACCOUNT, Page.LOGIN, Page.CLIENT]


def test_self_signed_certificate_accepted_by_fingerprint(qtbot, make_wizard, testbed):
    scenario = testbed.scenarios["selfsigned"]
    user = scenario.user("alice")
    wizard = make_wizard(testbed=testbed, volunteer=True)  # a volunteer may decide
    fill_account(wizard, "Alice", user.email, user.password)
    to_checks(wizard)
    page = wait_question(qtbot, wizard)
    assert scenario.cert.fingerprint_sha256 in page.question.message.text().replace("\n", ":")
    assert english_words(page.question.message.text()) == set()
    assert not page.isComplete()
    page.question.yes.click()
    wait_server_done(qtbot, wizard)
    assert page.isComplete(), page.status.text()
    pinned = set(wizard.state.trusted_fingerprints.values())
    assert pinned == {scenario.cert.fingerprint_sha256}
    press_next(wizard)
    wait_login_done(qtbot, wizard)
    assert wizard.state.login_outcome is LoginOutcome.OK
    press_next(wizard)
    wizard.page_of(Page.CLIENT).thunderbird.click()
    press_next(wizard)
    # The pin went into Thunderbird's own certificate exceptions for the servers the account
    # uses, so Thunderbird shows no certificate dialog and the page asks nothing of her.
    done = wizard.page_of(Page.DONE)
    assert current(wizard) is Page.DONE and not done.certificate.isVisible()
    overrides = (wizard.state.options.thunderbird_profile / "cert_override.txt").read_text()
    for server in (wizard.state.incoming, wizard.state.outgoing):
        assert f"{server.host}:{server.port}:" in overrides
    assert scenario.cert.fingerprint_sha256 in overrides


def test_done_page_without_a_pinned_certificate_has_no_warning(qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    demo_to_client_page(qtbot, wizard)
    wizard.page_of(Page.CLIENT).sheet_only.click()
    press_next(wizard)
    done = wizard.page_of(Page.DONE)
    assert current(wizard) is Page.DONE and not done.certificate.isVisible()
    # The same state with the chosen server pinned: the warning appears (any program).
    incoming = wizard.state.incoming
    wizard.state.trusted_fingerprints[(incoming.host, incoming.port)] = ":".join(["AB"] * 32)
    done.initializePage()
    assert done.certificate.isVisible() and ":".join(["AB"] * 16) in done.certificate.text()


def test_self_signed_certificate_refused(qtbot, make_wizard, testbed):
    user = testbed.scenarios["selfsigned"].user("alice")
    wizard = make_wizard(testbed=testbed)
    fill_account(wizard, "Alice", user.email, user.password)
    to_checks(wizard)
    page = wait_question(qtbot, wizard)
    page.question.no.click()
    wait_server_done(qtbot, wizard)
    assert not page.isComplete()
    assert wizard.state.incoming is None and not wizard.state.trusted_fingerprints
    assert page.retry.isEnabled()


def test_plaintext_only_server_needs_explicit_consent(qtbot, make_wizard, testbed):
    user = testbed.scenarios["legacy"].user("alice")
    wizard = make_wizard(testbed=testbed, volunteer=True)
    fill_account(wizard, "Alice", user.email, user.password)
    to_checks(wizard)
    page = wait_question(qtbot, wizard)
    assert "暗号化" in page.question.message.text()
    assert english_words(page.question.message.text()) == set()
    assert not page.question.yes.autoDefault()  # Enter never accepts the risk
    page.question.yes.click()
    wait_server_done(qtbot, wizard)
    assert page.isComplete()
    assert wizard.state.allow_plaintext
    assert wizard.state.incoming.security is Security.NONE
    press_next(wizard)
    wait_login_done(qtbot, wizard)
    assert wizard.state.login_outcome is LoginOutcome.OK


@pytest.mark.parametrize("scenario", ["selfsigned", "legacy"])
def test_a_member_is_not_asked_to_judge_but_told_to_stop(qtbot, make_wizard, testbed,
                                                         scenario):
    """No risky button for a member: an unverifiable certificate or a server without
    encryption is a reason to stop and call the church; only a volunteer decides."""
    user = testbed.scenarios[scenario].user("alice")
    wizard = make_wizard(testbed=testbed)
    fill_account(wizard, "Alice", user.email, user.password)
    to_checks(wizard)
    page = wait_question(qtbot, wizard)
    message = page.question.message.text()
    assert "教会に連絡" in message and ":" not in message.replace("教会の連絡先:", "")
    assert "ボランティアに相談" in message  # no profile, so no contact: whom to ask instead
    assert not page.question.yes.isVisible() and page.question.no.text() == "ここでやめる"
    assert page.question.no.hasFocus()
    # The line above says the same as the panel, and 中止 is not a second way out.
    assert "教会に連絡" in page.status.text() and "質問に答えて" not in page.status.text()
    assert not page.stop.isEnabled() and not page.progress.isVisible()  # not a full bar
    QTest.keyClick(page.question.no, Qt.Key.Key_Return)  # Enter is the safe answer
    wait_server_done(qtbot, wizard)
    assert not page.isComplete() and not wizard.state.trusted_fingerprints
    assert not wizard.state.allow_plaintext and wizard.state.incoming is None


@pytest.fixture
def down_domain(testbed):
    """A domain whose name resolves, on an address where no mail server runs."""
    ip = testbed.new_ip()
    dns_ip = testbed.new_ip()
    with start_dns(dns_ip, 53, [A("down.test", ip), A("mail.down.test", ip)]) as server:
        yield server.address, ip


def test_server_down(qtbot, make_wizard, testbed, down_domain):
    dns_server, _ip = down_domain
    wizard = make_wizard(testbed=testbed)
    wizard.state.options.dns_server = dns_server
    fill_account(wizard, "Alice", "alice@down.test", "secret-pw")
    to_checks(wizard)
    page = wait_server_done(qtbot, wizard)
    assert not page.isComplete()
    assert "応答していません" in page.status.text()  # not blamed on her address
    assert not page.progress.isVisible()  # no full bar that reads as success
    assert not page.stop.isEnabled()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    assert page.retry.isEnabled()


def test_incoming_server_down_is_the_church_s_even_when_smtp_answers(qtbot, make_wizard,
                                                                     testbed, down_domain):
    """Only the outgoing server answers (every incoming port refused): she is told the
    church's server is not answering, not to check her address."""
    dns_server, ip = down_domain
    wizard = make_wizard(testbed=testbed)
    wizard.state.options.dns_server = dns_server
    with slow_greeting_smtp(ip, 587, pause=0):
        fill_account(wizard, "Alice", "alice@down.test", "secret-pw")
        to_checks(wizard)
        page = wait_server_done(qtbot, wizard)
        assert not page.isComplete()
        assert "応答していません" in page.status.text()
        assert "アドレスとインターネット接続" not in page.status.text()
        assert not page.progress.isVisible() and not page.stop.isEnabled()


def test_cancel_during_probe(qtbot, make_wizard, testbed, down_domain):
    dns_server, ip = down_domain
    wizard = make_wizard(testbed=testbed, probe_timeout=60.0)
    wizard.state.options.dns_server = dns_server
    with silent(ip, 993), silent(ip, 143), silent(ip, 465), silent(ip, 587):
        fill_account(wizard, "Alice", "alice@down.test", "secret-pw")
        to_checks(wizard)
        page = server_page(wizard)
        qtbot.waitUntil(lambda: page.checks.count() > 0, timeout=30000)
        assert page.is_busy() and page.stop.isEnabled()
        qtbot.mouseClick(page.stop, Qt.MouseButton.LeftButton)
        # At once: the page says so and offers a new check; the worker stops by itself.
        assert not page.is_busy()
        assert "中止" in page.status.text()
        assert page.retry.isEnabled() and not page.isComplete()
        assert wizard.runner.pool.waitForDone(15000)


def test_wizard_cancel_during_probe_closes_at_once(qtbot, make_wizard, testbed, down_domain):
    dns_server, ip = down_domain
    wizard = make_wizard(testbed=testbed, probe_timeout=60.0)
    wizard.state.options.dns_server = dns_server
    with silent(ip, 993), silent(ip, 465):
        fill_account(wizard, "Alice", "alice@down.test", "secret-pw")
        to_checks(wizard)
        page = server_page(wizard)
        qtbot.waitUntil(lambda: page.checks.count() > 0, timeout=30000)
        wizard.button(wizard.WizardButton.CancelButton).click()
        leave = next(b for b in wizard.leave_question.buttons() if b.text() == "閉じる")
        leave.click()  # she typed something: closing is asked first
        assert not wizard.isVisible()
        assert wizard.runner.pool.waitForDone(15000)


def test_the_healthy_path_takes_as_few_clicks_as_thunderbird_s_hub(qtbot, make_wizard,
                                                                   testbed):
    """From the first page to Thunderbird open: 次へ, 確認する, 設定を書き込む and
    「Thunderbird を開く」, against the real servers. The hub needs 続ける three times and 完了;
    every further button press on the way makes this fail."""
    alice = testbed.scenarios["modern"].user("alice")
    backend = WalkBackend()  # the real core; opening Thunderbird is only recorded
    wizard = make_wizard(testbed=testbed, backend=backend)
    fill_account(wizard, "山田 太郎", alice.email, alice.password)
    pressed: list[str] = []
    while wizard.isVisible() and len(pressed) < 10:
        qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=30000)
        pressed.append(forward_button(wizard).text())
        press_next(wizard)
    assert pressed == ["次へ(&N) >", "確認する", "設定を書き込む", "Thunderbird を開く"]
    assert backend.opened and wizard.state.login_outcome is LoginOutcome.OK
