"""Start-up does only what the first page needs: later pages are built when first needed and
the core is imported in the background after the first paint (or before a check starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QWizard

from assistant.gui.flow import Page
from tests.gui.demo import DemoBackend
from tests.gui.helpers import current, fill_account, press_next
from tests.paths import ROOT
from tests.paths import SAMPLE_PROFILE as SAMPLE

pytestmark = pytest.mark.gui
LATER = ["assistant.gui.pages.protocol",
         "assistant.gui.pages.server", "assistant.gui.pages.login",
         "assistant.gui.pages.client", "assistant.gui.pages.done",
         "assistant.net", "assistant.login", "assistant.probe", "assistant.discovery",
         "assistant.clients.thunderbird", "assistant.clients.outlook",
         "assistant.clients.exports"]
# Not needed for the first page even with a church profile loaded (plain ASCII host names
# need no IDNA tables; writing a profile and the checks' thread pool come later).
NOT_AT_START = ["idna", "tomli_w", "assistant.profile_write", "assistant.atomic",
                "assistant.gui.tasks"]

# Run in a fresh interpreter: this test process has long imported everything.
START = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from assistant.gui.app import load_settings_profile
from assistant.gui.state import Options, WizardState
from assistant.gui.translations import Translations
from assistant.gui.wizard import MailWizard
translations = Translations()
translations.install("ja")
from pathlib import Path
path, profile, error = load_settings_profile(Path(sys.argv[3]))
assert profile is not None, error
wizard = MailWizard(WizardState(profile=profile, options=Options()), translations)
wizard.show()
later = json.loads(sys.argv[1])
report = {"built": sorted(int(p) for p in wizard.pages),
          "at_start": sorted(m for m in later + ["PySide6.QtPrintSupport"] if m in sys.modules),
          "not_at_start": sorted(m for m in json.loads(sys.argv[4]) if m in sys.modules),
          "icon_at_start": not app.windowIcon().isNull()}
if sys.argv[2] == "warm-up":
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: wizard.warmup.done and loop.quit())
    poll.start(10)
    QTimer.singleShot(20000, loop.quit)
    loop.exec()
    report["done"] = wizard.warmup.done
    report["icon"] = not app.windowIcon().isNull()
else:
    wizard.backend.prepare()
report["after"] = sorted(m for m in later + ["PySide6.QtPrintSupport"] if m in sys.modules)
print(json.dumps(report))
"""


def start(how: str) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", START, json.dumps(LATER), how, str(SAMPLE),
                          json.dumps(NOT_AT_START)], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def test_start_builds_the_first_page_only_and_imports_no_core():
    report = start("warm-up")
    assert report["built"] == [int(Page.ACCOUNT)]
    assert report["at_start"] == [] and report["icon_at_start"] is False
    assert report["not_at_start"] == []
    # After the first paint the warm-up imports the rest; printing support stays lazy.
    assert report["done"] is True and report["icon"] is True
    assert report["after"] == sorted(LATER)


# The program itself (cli.main without arguments), shown for 400 ms.
GC_START = """
import gc, json, os
os.environ["MAIL_ASSISTANT_SMOKE_MS"] = "400"
from assistant import cli
from assistant.gui.warmup import Warmup
seen = {}
real_start = Warmup.start
def start(self):
    seen.setdefault("paused_until_first_paint", not gc.isenabled())
    real_start(self)
    seen.setdefault("resumed", gc.isenabled())
    seen.setdefault("start_objects_frozen", gc.get_freeze_count() > 10000)
Warmup.start = start
status = cli.main([])
print(json.dumps({**seen, "status": status, "on_at_exit": gc.isenabled()}))
"""


def test_garbage_collection_pauses_until_the_first_paint():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", GC_START], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == {
        "paused_until_first_paint": True, "resumed": True, "start_objects_frozen": True,
        "status": 0, "on_at_exit": True}


def test_a_check_imports_the_core_itself_when_the_warm_up_has_not():
    report = start("prepare")
    assert report["at_start"] == []
    assert {m for m in report["after"] if not m.startswith("assistant.gui")} == {  # type: ignore[union-attr]
        m for m in LATER if not m.startswith("assistant.gui")}


def test_later_pages_are_built_on_next_in_the_current_language_and_mode(
        qtbot, make_wizard, tmp_path):
    wizard = make_wizard(backend=DemoBackend(tmp_path))
    assert set(wizard.pages) == {Page.ACCOUNT}
    first = wizard.page_of(Page.ACCOUNT)
    first.english.click()
    qtbot.waitUntil(lambda: first.title() == "Your account")
    wizard.volunteer_action.trigger()
    fill_account(wizard, "Taro", "taro@example-church.jp", "pw-demo-123")
    press_next(wizard)
    assert current(wizard) is Page.PROTOCOL
    protocol = wizard.currentPage()
    assert protocol is wizard.page_of(Page.PROTOCOL) is wizard.page(int(Page.PROTOCOL))
    assert protocol.title() == "POP and IMAP"
    assert protocol.details.isVisible() and "IMAP: port 993" in protocol.details.toPlainText()
    assert set(wizard.pages) == {Page.ACCOUNT, Page.PROTOCOL}
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Check"
    wizard.back()
    assert current(wizard) is Page.ACCOUNT and wizard.page_of(Page.PROTOCOL) is protocol


def test_labels_set_by_property_name_are_plain_or_rich_and_selectable(qapp):
    from PySide6.QtCore import Qt

    from assistant.gui.pages.base import error_label, wrapping_label

    plain, rich = wrapping_label(), wrapping_label(rich=True)
    assert plain.textFormat() is Qt.TextFormat.PlainText
    assert rich.textFormat() is Qt.TextFormat.RichText and rich.openExternalLinks()
    for label in (plain, rich, error_label(plain)):
        assert label.wordWrap()
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    fixed = wrapping_label(selectable=False)
    assert fixed.wordWrap() and fixed.textFormat() is Qt.TextFormat.PlainText
    assert not fixed.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
