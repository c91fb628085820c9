"""``python -m tests.gui.screenshots DIR`` (``make screenshots``): every wizard page as PNG,
in both languages. A tool beside the tests, not part of the program: the bundle leaves it out.

Drives the real wizard (real pages, real translations) over :class:`DemoBackend`, so the
pictures show what a member sees, including the results of the checks. Run offscreen:
``QT_QPA_PLATFORM=offscreen`` (the Makefile sets it). Needs a Japanese font (fonts-ipafont-gothic).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from assistant.gui.flow import Page
from assistant.gui.pages.account import AccountPage
from assistant.gui.pages.server import ServerPage
from assistant.gui.state import Options, SharedPcSource, WizardState
from assistant.gui.translations import Translations, resources_dir
from assistant.gui.wizard import MailWizard
from tests.gui.demo import DemoBackend
from tests.gui.helpers import press_next

NAMES = {Page.PROTOCOL: "pop-imap", Page.ACCOUNT: "account",
         Page.SERVER: "server", Page.LOGIN: "login", Page.CLIENT: "client", Page.DONE: "done",
         Page.TRUST: "trust"}
SIZE = (820, 660)
SAMPLE = {"ja": ("山田 太郎", "taro@example-church.jp"),
          "en": ("Taro Yamada", "taro@example-church.jp")}


def japanese_font_installed() -> bool:
    """``fc-list :lang=ja`` lists a font (asserted: without one Japanese shows as boxes)."""
    try:
        found = subprocess.run(["fc-list", ":lang=ja"],
                               capture_output=True, text=True,
                               check=False, timeout=30).stdout
    except OSError:
        return False
    return bool(found.strip())


def wait_until(condition: Callable[[], bool], timeout_ms: int = 10000) -> bool:
    """Let the event loop run until ``condition`` holds (the screenshot driver only)."""
    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    timer = QTimer()

    def poll() -> None:
        if condition() or deadline.hasExpired():
            loop.quit()

    timer.timeout.connect(poll)
    timer.start(20)
    if not condition():
        loop.exec()
    timer.stop()
    return condition()


def settle() -> None:
    wait_until(lambda: False, 150)


def shoot(wizard: MailWizard, folder: Path, page: Page, suffix: str = "") -> Path:
    settle()
    path = folder / f"{int(page):02d}-{NAMES[page]}{suffix}.png"
    wizard.grab().save(str(path))
    return path


def fill_account(wizard: MailWizard, lang: str) -> None:
    """Type the sample member's details (textEdited is what a user's typing sends)."""
    account = wizard.page_of(Page.ACCOUNT)
    assert isinstance(account, AccountPage)
    name, email = SAMPLE[lang]
    for field, value in ((account.name, name), (account.email, email),
                         (account.password, "demo-password")):
        field.setText(value)
        field.textEdited.emit(value)


def past_the_account_page(state: WizardState, translations: Translations,
                          backend: DemoBackend) -> MailWizard:
    """A wizard shown at the sample size, walked past the account page with the sample
    member's details (to the trust or the server page)."""
    translations.install(state.lang)
    wizard = MailWizard(state, translations, backend)
    wizard.resize(*SIZE)
    wizard.show()
    fill_account(wizard, state.lang)
    press_next(wizard)
    if wizard.currentId() == int(Page.PROTOCOL):
        press_next(wizard)
    return wizard


def render_language(lang: str, out: Path, work: Path, translations: Translations) -> list[Path]:
    from assistant.profile import load_profile

    folder = out / lang
    folder.mkdir(parents=True, exist_ok=True)
    translations.install(lang)
    profile = load_profile(resources_dir() / "profiles" / "sample-church.mailsetup")
    state = WizardState(lang=lang, profile=profile, options=Options())
    wizard = MailWizard(state, translations, DemoBackend(work))
    wizard.resize(*SIZE)  # the offscreen screen is only 800x600
    wizard.show()
    fill_account(wizard, lang)
    wait_until(lambda: wizard.warmup.done)  # the church's name, once its trust is known
    shots = [shoot(wizard, folder, Page.ACCOUNT)]
    press_next(wizard)
    shots.append(shoot(wizard, folder, Page.PROTOCOL))
    press_next(wizard)  # 確認する: both checks, then on by themselves
    wait_until(lambda: wizard.currentId() == int(Page.CLIENT))
    for page in (Page.LOGIN, Page.SERVER):  # what they said, seen through 戻る
        wizard.back()
        shots.append(shoot(wizard, folder, page))
    press_next(wizard)
    wait_until(lambda: wizard.currentId() == int(Page.CLIENT))
    shots.append(shoot(wizard, folder, Page.CLIENT))
    press_next(wizard)
    shots.append(shoot(wizard, folder, Page.DONE))
    # The certificate question and the volunteer's view, as separate pictures.
    wizard.shut_down()
    wizard.close()
    wizard = past_the_account_page(WizardState(lang=lang, profile=profile, volunteer=True),
                                   translations, DemoBackend(work, untrusted=True))
    server = wizard.page_of(Page.SERVER)
    assert isinstance(server, ServerPage)
    wait_until(server.question.isVisible)
    shots.append(shoot(wizard, folder, Page.SERVER, "-certificate"))
    # Trusted by its fingerprint: the last page tells what Thunderbird will ask.
    server.question.yes.click()
    wait_until(server.isComplete)
    for page in (Page.LOGIN, Page.CLIENT, Page.DONE):
        press_next(wizard)
        if page is not Page.DONE:
            wait_until(wizard.currentPage().isComplete)
    shots.append(shoot(wizard, folder, Page.DONE, "-certificate"))
    wizard.close()
    wizard.shut_down()
    shots += server_states(lang, folder, work, translations)
    shots += trust_pages(lang, folder, work, translations)
    shots += shared_pc_pages(lang, folder, work, translations)
    return shots


def shared_pc_pages(lang: str, folder: Path, work: Path,
                    translations: Translations) -> list[Path]:
    """A shared church PC: the first page's switch (volunteer), the mail-program page
    without the password box, the done page with 「次の方の設定へ」, and the volunteer's list
    of this PC's accounts."""
    state = WizardState(lang=lang, volunteer=True, shared_pc=True,
                        shared_pc_source=SharedPcSource.MACHINE)
    translations.install(lang)
    wizard = MailWizard(state, translations, DemoBackend(work))
    wizard.resize(*SIZE)
    wizard.show()
    fill_account(wizard, lang)
    shots = [shoot(wizard, folder, Page.ACCOUNT, "-shared-pc")]
    press_next(wizard)
    for _checked in (Page.SERVER, Page.LOGIN, Page.CLIENT):
        press_next(wizard)
        wait_until(wizard.currentPage().isComplete)
    shots.append(shoot(wizard, folder, Page.CLIENT, "-shared-pc"))
    press_next(wizard)
    shots.append(shoot(wizard, folder, Page.DONE, "-shared-pc"))
    dialog = wizard.show_accounts()
    dialog.accounts.setCurrentRow(1)
    settle()
    path = folder / "99-accounts-on-this-pc.png"
    dialog.grab().save(str(path))
    shots.append(path)
    dialog.close()
    wizard.shut_down()
    wizard.done(0)
    return shots


def trust_pages(lang: str, folder: Path, work: Path, translations: Translations) -> list[Path]:
    """The trust page for a profile file without the church's signature: its servers inside
    the member's domain (she may confirm), and a forged one naming a server elsewhere."""
    from assistant.profile import load_profile

    sample = resources_dir() / "profiles" / "sample-church.mailsetup"
    shots = []
    for suffix, host in (("", "mail.example-church.jp"), ("-forged", "mail.evil.example")):
        path = work / f"church{suffix}.mailsetup"
        path.write_text(sample.read_text(encoding="utf-8").replace(
            "mail.example-church.jp", host), encoding="utf-8")
        state = WizardState(lang=lang, profile=load_profile(path),
                            options=Options(profile_path=path))
        wizard = past_the_account_page(state, translations, DemoBackend(work))
        shots.append(shoot(wizard, folder, Page.TRUST, suffix))
        wizard.shut_down()
        wizard.done(0)
    return shots


def server_states(lang: str, folder: Path, work: Path,
                  translations: Translations) -> list[Path]:
    """The server page as a member and a volunteer meet each problem: no encryption or an
    unverifiable certificate (a member is told to stop and call), the church's server not
    answering, and an address whose domain has no mail server."""
    from assistant.profile import load_profile

    profile = load_profile(resources_dir() / "profiles" / "sample-church.mailsetup")
    shots = []
    for state, volunteer in (("plaintext", False), ("plaintext", True), ("untrusted", False),
                             ("down", False), ("nodomain", False), ("http", False)):
        wizard = past_the_account_page(
            WizardState(lang=lang, profile=profile, volunteer=volunteer), translations,
            DemoBackend(work, state=state))
        server = wizard.page_of(Page.SERVER)
        assert isinstance(server, ServerPage)
        wait_until(lambda s=server: s.question.isVisible() or not s.is_busy())
        who = "-volunteer" if volunteer else ""
        shots.append(shoot(wizard, folder, Page.SERVER, f"-{state}{who}"))
        wizard.shut_down()
        wizard.done(0)
    return shots


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "build/screenshots")
    if not japanese_font_installed():
        print("no Japanese font: install fonts-ipafont-gothic (fc-list :lang=ja is empty)",
              file=sys.stderr)
        return 1
    from assistant.gui.none_guard import keep_none_alive

    keep_none_alive()  # as the program does: dozens of wizards in one process
    _app = QApplication.instance() or QApplication(sys.argv[:1])  # alive until the end
    translations = Translations()
    with tempfile.TemporaryDirectory() as work:
        for lang in ("ja", "en"):
            for path in render_language(lang, out, Path(work), translations):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
