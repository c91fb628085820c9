"""The page order and the buttons, tested without Qt (they must not import it); the endpoint
choice is the core's one ranking (tests/trust/test_choose.py)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from assistant.gui.flow import (
    NAVMAP,
    Buttons,
    Page,
    PageStatus,
    buttons_for,
    effective_protocol,
    next_page,
    path,
)
from assistant.gui.state import LoginOutcome, WizardState
from assistant.profile import load_profile
from assistant.secret import Secret
from assistant.settings import Protocol, Server
from tests.paths import ROOT
from tests.paths import SAMPLE_PROFILE as SAMPLE


def test_flow_modules_do_not_import_qt():
    code = ("import sys, assistant.gui.flow, assistant.gui.state, assistant.wizard.checks; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "False"


def test_navmap_walked_from_the_first_page_reaches_every_page_and_ends_only_at_done():
    """Follow every route and every branch of the table: each page is reachable, every target
    is a page of the wizard, and only the last page has no successor."""
    assert set(NAVMAP) == set(Page)
    seen, todo = {Page.ACCOUNT}, [Page.ACCOUNT]
    while todo:
        route = NAVMAP[todo.pop()]
        for target in (route.then, *(t for _c, t in route.branches)):
            if target is not None and target not in seen:
                seen.add(target)
                todo.append(target)
    assert seen == set(Page)
    assert [p for p, route in NAVMAP.items() if route.then is None] == [Page.DONE]


@pytest.mark.parametrize(("status", "expected"), [
    (PageStatus(), Buttons(next=True, stop=False, retry=True, hint="")),
    (PageStatus(valid=False, missing="name"), Buttons(False, False, True, "name")),
    (PageStatus(valid=False, busy=True, missing="x"), Buttons(False, True, False, "")),
    (PageStatus(valid=True, busy=True), Buttons(False, True, False, "")),
    (PageStatus(valid=False, error=True, missing="call"), Buttons(False, False, True, "call")),
])
def test_buttons_follow_from_the_page_status_alone(status, expected):
    assert buttons_for(status) == expected


def test_default_path_shows_every_page():
    assert path(WizardState()) == [p for p in Page if p is not Page.TRUST]  # no profile


def test_each_step_of_the_default_order():
    state = WizardState()
    assert next_page(Page.ACCOUNT, state) is Page.PROTOCOL
    assert next_page(Page.PROTOCOL, state) is Page.SERVER
    assert next_page(Page.SERVER, state) is Page.LOGIN
    assert next_page(Page.LOGIN, state) is Page.CLIENT
    assert next_page(Page.CLIENT, state) is Page.DONE
    assert next_page(Page.DONE, state) is None


def test_profile_with_only_imap_skips_the_choice():
    profile = load_profile(SAMPLE)
    only_imap = replace(profile, incoming=tuple(
        s for s in profile.incoming if s.protocol is Protocol.IMAP))
    state = WizardState(profile=only_imap)
    assert next_page(Page.ACCOUNT, state) is Page.SERVER
    assert path(state) == [Page.ACCOUNT, Page.SERVER, Page.LOGIN, Page.CLIENT, Page.DONE]
    assert Page.PROTOCOL not in path(state)
    assert effective_protocol(replace_state(state, protocol=Protocol.POP3)) is Protocol.IMAP


def replace_state(state: WizardState, **changes: object) -> WizardState:
    for key, value in changes.items():
        setattr(state, key, value)
    return state


def test_profile_with_both_protocols_offers_the_choice():
    state = WizardState(profile=load_profile(SAMPLE))
    assert next_page(Page.ACCOUNT, state) is Page.PROTOCOL


def test_wrong_password_leads_back_to_the_account_page():
    state = WizardState(login_outcome=LoginOutcome.WRONG_PASSWORD)
    assert next_page(Page.LOGIN, state) is Page.ACCOUNT
    state.login_outcome = LoginOutcome.FAILED
    assert next_page(Page.LOGIN, state) is Page.CLIENT


def test_after_a_refused_password_the_account_page_leads_straight_to_the_login_check():
    state = WizardState(incoming=Server.parse_spec("imap:mail.church.test:993:tls"),
                        outgoing=Server.parse_spec("smtp:mail.church.test:587:starttls"))
    assert next_page(Page.ACCOUNT, state) is Page.PROTOCOL  # not refused: the usual order
    state.retry_login = True
    assert next_page(Page.ACCOUNT, state) is Page.LOGIN
    assert path(state) == [Page.ACCOUNT, Page.LOGIN, Page.CLIENT, Page.DONE]
    state.forget_servers()  # a new address or protocol: check the servers again
    assert not state.retry_login
    assert next_page(Page.ACCOUNT, state) is Page.PROTOCOL
    state.retry_login = True  # refused, but no servers known: the check cannot be skipped
    assert next_page(Page.ACCOUNT, state) is Page.PROTOCOL


@pytest.mark.parametrize(("shared", "chosen", "expected"), [
    (False, Protocol.IMAP, Protocol.IMAP),
    (False, Protocol.POP3, Protocol.POP3),
    (True, Protocol.POP3, Protocol.IMAP),  # a shared church PC: only IMAP
])
def test_effective_protocol(shared, chosen, expected):
    assert effective_protocol(WizardState(shared_pc=shared, protocol=chosen)) is expected


def test_password_never_printed_and_not_in_diagnostics():
    state = WizardState(password=Secret("s3cret-パス"))
    assert "s3cret" not in repr(state) and "s3cret" not in str(state.password)
    state.probe_summary.append("server said: s3cret-パス")  # an echoing server
    assert "s3cret" not in state.diagnostics()
    assert "password_entered: True" in state.diagnostics()
