"""``python -m tests.gui.count_walk JSON``: a member's walk through the wizard in a real window
(run it under Xvfb with ``QT_QPA_PLATFORM=xcb``), counting what she types and clicks from the
first page to 「Thunderbird を開く」. Prints one JSON object.

JSON gives ``dns_server``, ``ca_file``, ``name``, ``email``, ``password`` and either
``thunderbird_profile`` or ``shared_pc`` (then her own profile under HOME). The real core
does everything (probe, login check, writing, the handover); only the last click does not
start Thunderbird here: the test starts it itself, inside a private network namespace, on
the profile just written (``tests/thunderbird``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from assistant.gui.backend import Backend
from assistant.gui.flow import Page
from assistant.gui.state import Options, WizardState
from assistant.gui.translations import Translations
from assistant.gui.wizard import MailWizard
from tests.gui.helpers import forward_button
from tests.gui.screenshots import wait_until


class WalkBackend(Backend):
    """The real core; 「Thunderbird を開く」 is only recorded."""

    def __init__(self) -> None:
        self.opened: list[tuple[str | None, str | None]] = []

    def open_thunderbird(self, profile_dir: Path | None, member: str | None) -> None:
        self.opened.append((str(profile_dir) if profile_dir else None, member))


class Member:
    """Clicks and typing as she does them, counted: a click is one mouse press on a button,
    a typed input is one field she fills in."""

    def __init__(self, wizard: MailWizard) -> None:
        self.wizard = wizard
        self.clicks = 0
        self.typed = 0
        self.pages: list[str] = []

    def forward(self) -> None:
        self.pages.append(Page(self.wizard.currentId()).name)
        button = forward_button(self.wizard)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.clicks += 1

    def type(self, field: QLineEdit, text: str) -> None:
        """Keys for ASCII; Japanese arrives as an input method's commit, as from an IME."""
        field.setFocus()
        if text.isascii():
            QTest.keyClicks(field, text)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QApplication.sendEvent(field, event)
        self.typed += 1


def walk(spec: dict[str, str | bool]) -> dict[str, object]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    translations = Translations()
    translations.install("ja")
    explicit = spec.get("thunderbird_profile")  # none on a shared PC: her own profile
    options = Options(dns_server=spec["dns_server"], ca_file=Path(spec["ca_file"]),
                      thunderbird_profile=Path(explicit) if explicit else None)
    backend = WalkBackend()
    state = WizardState(lang="ja", options=options, shared_pc=bool(spec.get("shared_pc")))
    wizard = MailWizard(state, translations, backend)
    wizard.show()
    member = Member(wizard)
    while Page(wizard.currentId()) is not Page.ACCOUNT:
        member.forward()
    account = wizard.page_of(Page.ACCOUNT)
    for field, value in ((account.name, spec["name"]), (account.email, spec["email"]),
                         (account.password, spec["password"])):
        member.type(field, value)
    while Page(wizard.currentId()) is not Page.DONE:
        member.forward()
        assert wait_until(lambda: wizard.currentPage().isComplete(), 60000), (
            Page(wizard.currentId()).name)
    done_text = wizard.page_of(Page.DONE).next_steps.text()
    member.forward()  # 「Thunderbird を開く」
    result = {"typed": member.typed, "clicks": member.clicks, "pages": member.pages,
              "opened": backend.opened, "password_saved": wizard.state.password_saved,
              "save_password_offered": wizard.page_of(Page.CLIENT).save_password.isVisible(),
              "platform": app.platformName(), "done_text": done_text,
              "closed": not wizard.isVisible()}
    wizard.shut_down()
    return result


def main(argv: list[str]) -> int:
    print(json.dumps(walk(json.loads(argv[0])), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
