"""The wizard's volunteer options --dns-server and --ca-file: checked at start, and enough
to walk every page against the test bed (what `make testbed` prints)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from assistant import cli
from assistant.gui import app
from assistant.gui.flow import Page
from assistant.gui.state import LoginOutcome, WizardState
from assistant.gui.wizard import MailWizard
from tests.gui.helpers import current, fill_account, press_next, wait_login_done, wait_server_done
from tests.paths import ROOT

pytestmark = pytest.mark.gui


def test_the_command_line_hands_both_options_to_the_wizard(monkeypatch, tmp_path):
    given: dict[str, object] = {}
    monkeypatch.setattr(app, "run_gui", lambda **kw: given.update(kw) or 0)
    ca = tmp_path / "ca.pem"
    assert cli.main(["--dns-server", "127.0.0.1:5353", "--ca-file", str(ca)]) == 0
    assert (given["dns_server"], given["ca_file"]) == ("127.0.0.1:5353", str(ca))
    assert given["demo"] is False
    assert cli.main(["--demo"]) == 0 and given["demo"] is True  # the practice mode


def test_given_before_a_command_they_count_for_it(monkeypatch):
    seen: list[tuple[object, object]] = []
    monkeypatch.setattr(cli, "_command", lambda name: lambda args: seen.append(
        (args.dns_server, args.ca_file)) or 0)
    cli.main(["--dns-server", "127.0.0.1:5353", "probe", "taro@example.jp"])
    cli.main(["--dns-server", "127.0.0.1:5353", "probe", "taro@example.jp",
              "--dns-server", "127.0.0.2"])
    assert seen == [("127.0.0.1:5353", None), ("127.0.0.2", None)]


@pytest.mark.parametrize(("args", "ja", "en"), [
    (["--dns-server", "nonsense"], "DNS サーバー", "DNS server"),
    (["--ca-file", "/nonexistent/ca.pem"], "/nonexistent/ca.pem", "CA certificate"),
])
def test_a_bad_option_is_a_usage_error_before_any_window(args, ja, en):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for lang, expected in (("ja", ja), ("en", en)):
        done = subprocess.run([sys.executable, "-m", "assistant", "--lang", lang, *args],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
                              check=False)
        assert done.returncode == 2, done.stderr
        assert expected in done.stderr and "Traceback" not in done.stderr


def test_a_volunteer_walks_to_the_login_check_against_the_test_bed(qtbot, translations,
                                                                    testbed, tmp_path):
    options = app.volunteer_options(testbed.dns_server, str(testbed.ca_file))
    options.thunderbird_profile = tmp_path
    alice = testbed.scenarios["modern"].user("alice")
    translations.install("ja")
    wizard = MailWizard(WizardState(volunteer=True, options=options), translations)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_account(wizard, "山田 太郎", alice.email, alice.password)
    press_next(wizard)
    press_next(wizard)  # 確認する; a volunteer's details hold each result for her Next
    assert wait_server_done(qtbot, wizard).isComplete()
    press_next(wizard)
    wait_login_done(qtbot, wizard)
    assert wizard.state.login_outcome is LoginOutcome.OK
    press_next(wizard)
    assert current(wizard) is Page.CLIENT
    assert wizard.shut_down(10000)
    wizard.close()
