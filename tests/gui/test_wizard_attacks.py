"""The attacker's way through the wizard itself: 確認する now runs the server check and the
login check with no click between, so an SRV record naming the attacker's host in another
domain must still stop the wizard at its question before any password leaves. The attacker's
recording server (tests/trust/attacker.py, a valid certificate for its names) shows what it
got; the control answers yes and sees the recorder catch the password."""

from __future__ import annotations

import pytest

from assistant.gui.flow import Page
from assistant.gui.state import LoginOutcome
from tests.gui.helpers import current, fill_account, to_checks, wait_login_done, wait_question
from tests.testbed.dns import SRV, A, Record
from tests.trust.conftest import ca_bundle, evil_ca, evil_cert  # noqa: F401  (fixtures)
from tests.trust.test_attacks import DOMAIN, world

pytestmark = pytest.mark.gui


def test_the_chained_checks_stop_at_a_foreign_srv_host_before_the_password(
        qtbot, make_wizard, testbed, evil_cert, ca_bundle):  # noqa: F811
    alice = testbed.scenarios["modern"].user("alice")
    assert alice.email.endswith(f"@{DOMAIN}")
    records: list[Record] = [SRV(f"_imaps._tcp.{DOMAIN}", "mail.evil.example", 993),
                             SRV(f"_submissions._tcp.{DOMAIN}", "mail.evil.example", 465),
                             A("mail.evil.example", "EVIL")]
    with world(testbed, evil_cert, records) as (dns, me, _):
        wizard = make_wizard(testbed=testbed)
        wizard.state.options.dns_server, wizard.state.options.ca_file = dns, ca_bundle
        fill_account(wizard, "Alice", alice.email, alice.password)
        to_checks(wizard)  # the member's 確認する, as she presses it
        page = wait_question(qtbot, wizard)
        assert "mail.evil.example" in page.question.message.text()
        assert current(wizard) is Page.SERVER and not page.isComplete()
        assert wizard.state.login_outcome is LoginOutcome.NOT_CHECKED
        assert Page.LOGIN not in wizard.pages  # the login page was never even built
        assert me.connections > 0  # the probe talked to it: only the password is guarded
        assert me.leaked(alice.password, alice.email) == []

        # The control: her yes lets the chain go on, and the recorder sees the password.
        page.question.yes.click()
        qtbot.waitUntil(lambda: current(wizard) is Page.LOGIN or page.isComplete(),
                        timeout=30_000)
        if current(wizard) is Page.SERVER:  # an answered question waits for her Next
            wizard.next()
        wait_login_done(qtbot, wizard)
        assert wizard.state.login_outcome is LoginOutcome.OK
        assert me.leaked(alice.password, alice.email) != []
